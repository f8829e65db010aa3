"""The pieces of a split or merge: the operations each piece shows, and a split's
operations with no old word cut by the start of a new piece.

A split is shown piece by piece (`redline.changes.part_ops` cuts its operations where
the new text's pieces join). The word diff may keep equal a word's tail across such a
join: the old ``nature.`` ends piece 1 as ``nature`` and piece 2 as ``.``, so the old
text read in order (the old view of a page, Word's Reject All) shows ``nature .``.
`whole_old_words` moves such a glued tail into the piece before, as a deletion there and
an insertion after the join. Guarantees: accepting the operations gives the same new
text and rejecting them the same old text; only where the pieces are cut changes.
"""

from __future__ import annotations

import re

from redline.changes import PART_SEPARATOR, Change, ChangeKind, Node, Op, WordOp

_HEAD = re.compile(r"\S*")


def whole_old_words(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    """`ops` with every old word inside one piece (see the module docstring)."""
    out: list[WordOp] = []
    index = 0
    while index < len(ops):
        op = ops[index]
        out.append(op)
        index += 1
        joins = op.op is Op.INSERT and PART_SEPARATOR in op.new
        if not joins or index >= len(ops) or not _ends_in_word(out):
            continue
        following = ops[index]
        if following.op is Op.DELETE:  # the old word goes on deleted: delete it before
            out.insert(len(out) - 1, following)
            index += 1
        elif following.op is Op.EQUAL and following.old[:1].strip():
            old_head = _HEAD.match(following.old)
            new_head = _HEAD.match(following.new)
            assert old_head is not None and new_head is not None
            old_tail, new_tail = following.old[old_head.end() :], following.new[new_head.end() :]
            out.insert(len(out) - 1, WordOp(Op.DELETE, old_head.group(), ""))
            out.append(WordOp(Op.INSERT, "", new_head.group()))
            if old_tail or new_tail:
                out.append(WordOp(Op.EQUAL, old_tail, new_tail))
            index += 1
    return tuple(out)


def _ends_in_word(out: list[WordOp]) -> bool:
    """True when the old text before the last operation ends in a non-space character."""
    for op in reversed(out[:-1]):
        if op.old:
            return not op.old[-1].isspace()
    return False


def part_ops(ops: tuple[WordOp, ...], part: int) -> tuple[WordOp, ...]:
    """The operations that belong to the `part`-th new unit of a split.

    The new side of a split joins its units with `PART_SEPARATOR`; this cuts the
    operations at those separators, so each new unit can be shown at its own place
    with the deletions that fall inside it. Concatenating every part gives back all
    operations (the separators themselves excepted).

    >>> from redline.changes import accept, reject
    >>> ops = (WordOp(Op.EQUAL, "a b", "a b"), WordOp(Op.INSERT, "", PART_SEPARATOR + "c"),
    ...        WordOp(Op.DELETE, "d", ""))
    >>> [accept(part_ops(ops, i)) for i in (0, 1)], [reject(part_ops(ops, i)) for i in (0, 1)]
    (['a b', 'c'], ['a b', 'd'])
    """
    pieces: list[list[WordOp]] = [[]]
    for op in ops:
        if PART_SEPARATOR not in op.new:
            pieces[-1].append(op)
            continue
        chunks = op.new.split(PART_SEPARATOR)
        old_chunks = op.old.split(PART_SEPARATOR) if op.op is Op.EQUAL else [op.old]
        for index, chunk in enumerate(chunks):
            if index:
                pieces.append([])
            old = old_chunks[index] if index < len(old_chunks) else ""
            if op.op is Op.DELETE:
                old = op.old if index == 0 else ""
            if chunk or old:
                pieces[-1].append(WordOp(op.op, old, chunk))
    return tuple(pieces[part]) if part < len(pieces) else ()


def old_part_ops(change: Change, part: int) -> tuple[WordOp, ...]:
    """The operations showing the `part`-th old unit of a merge: those whose old
    characters fall in its text, cut at its bounds (insertions go with the unit they
    follow). Rejecting them gives exactly that unit's text.

    >>> from redline.changes import Side, reject
    >>> olds = tuple(Side(e, "paragraph", "", e, "", t, "") for e, t in (("a", "x y"), ("b", "z")))
    >>> ops = (WordOp(Op.EQUAL, "x ", "x "), WordOp(Op.DELETE, "y" + PART_SEPARATOR, ""),
    ...        WordOp(Op.EQUAL, "z", "z"), WordOp(Op.INSERT, "", " w"))
    >>> merge = Change(ChangeKind.MERGED, "paragraph", olds, (), 0.5, ops)
    >>> [reject(old_part_ops(merge, i)) for i in (0, 1)]
    ['x y', 'z']
    """
    starts = [0]
    for side in change.old:
        starts.append(starts[-1] + len(side.text) + len(PART_SEPARATOR))
    low, high = starts[part], starts[part] + len(change.old[part].text)
    shown: list[WordOp] = []
    position = 0
    for op in change.ops:
        end = position + len(op.old)
        if op.op is Op.INSERT:
            if low < position <= high or (position == low == 0):
                shown.append(op)
            continue
        old = op.old[max(low - position, 0) : max(min(high, end) - position, 0)]
        if old:
            shown.append(WordOp(op.op, old, old if op.op is Op.EQUAL else ""))
        position = end
    return tuple(shown)


def shown_ops(node: Node) -> tuple[WordOp, ...]:
    """The word operations `node` shows: the whole change's, or those of its piece of a
    split (`part_ops`) or of its old unit of a merge (`old_part_ops`)."""
    if node.part < 0:
        return node.change.ops
    if node.change.kind is ChangeKind.MERGED:
        return old_part_ops(node.change, node.part)
    return part_ops(node.change.ops, node.part)
