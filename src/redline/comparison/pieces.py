"""The word operations of a split, with no old word cut by the start of a new piece.

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

from redline.changes import PART_SEPARATOR, Op, WordOp

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
