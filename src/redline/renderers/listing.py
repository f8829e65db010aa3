"""The list of changes and the counts by kind of provision, shared by every renderer.

`list_changes` walks `Comparison.tree` in reading order and gives one `Entry` per changed
provision at any level: its label, its kind, a short excerpt around its first change
and the tree node it is shown at (for links and page numbers). `provision_counts`
counts changes by kind for each kind of provision (articles, recitals, paragraphs,
points, notes ... told apart). Guarantees: an inserted, deleted or moved unit is one
entry (its sub-units go with it, but for notes whose change is not the unit's); each
change is listed once (a move at its new place); every other entry shows a change of
its own (words, heading, number, split or merge), so a container is not listed for
its children's changes; a provision listed for its new number alone while its parts
changed (they have rows of their own) is ``modified (renumbered)``, counted as modified;
excerpts are one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from redline.changes import Change, ChangeKind, Comparison, Node, Op, Place, WordOp
from redline.renderers import labels

NOTE = "authorialNote"

#: Elements that hold a provision's words or sub-units but are no provision of their own.
STRUCTURE = frozenset(
    {"content", "intro", "list", "wrapUp", "recitals", "citations", "preamble", "body", "mainBody"}
)
#: Row names of the provision counts that are not the element's name plus "s".
_ROW_NAMES = {
    NOTE: "notes",
    "container": "blocks (preface, conclusions)",
    "hcontainer": "other provisions (unnumbered blocks, accounts)",  # AKN's generic element
}

#: How many words of unchanged text an excerpt keeps before and after the change.
CONTEXT_WORDS = 4
#: How many words of the changed text itself an excerpt keeps.
CHANGE_WORDS = 8

_WORD = re.compile(r"\S+\s*")
WHOLE = frozenset({ChangeKind.INSERTED, ChangeKind.DELETED})


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the list of changes."""

    label: str
    """The provision as the new version names it, with the old name when it differs
    (``Article 9(1) (was Article 8(1))``); the old name alone when deleted."""
    kind: str
    """The change (``modified``, ``moved`` ... ``renumbered (moved)``, ``modified
    (renumbered)``)."""
    excerpt: tuple[WordOp, ...]
    """A few words around the first change, whitespace runs made single spaces."""
    node: Node
    """The node of the redline tree the change is shown at."""
    owner: Node | None
    """For a note, the node of the provision holding it (where a link can land)."""


def _words(text: str) -> list[str]:
    """The words of `text` with their following space, whitespace runs made one space."""
    return _WORD.findall(re.sub(r"\s+", " ", text))


def _cut(text: str, keep: int, tail: bool) -> str:
    """The first (or, with `tail`, last) `keep` words of `text`, an ellipsis for the rest."""
    lead = "" if tail or not text[:1].isspace() else " "
    words = _words(text)
    if len(words) <= keep:
        return lead + "".join(words)
    return "…" + "".join(words[-keep:]) if tail else lead + "".join(words[:keep]).rstrip() + "…"


def excerpt(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    """The first change of `ops` with a few words either side.

    >>> same = lambda text: WordOp(Op.EQUAL, text, text)
    >>> ops = (same("one two three four five six "), WordOp(Op.DELETE, "their ", ""),
    ...        WordOp(Op.INSERT, "", "its "), same("national human rights obligations"))
    >>> "".join(op.old or op.new for op in excerpt(ops))
    '…three four five six their its national human rights obligations'
    """
    first = next((i for i, op in enumerate(ops) if op.op is not Op.EQUAL), None)
    if first is None:
        return ()
    out: list[WordOp] = []
    if first and ops[first - 1].op is Op.EQUAL:
        before = _cut(ops[first - 1].new, CONTEXT_WORDS, tail=True)
        out.append(WordOp(Op.EQUAL, before, before))
    end = first + 1
    if end < len(ops) and ops[end].op not in (Op.EQUAL, ops[first].op):
        end += 1  # a deletion with the insertion that replaces it
    for op in ops[first:end]:
        text = op.old or op.new
        if not text.isspace():  # a changed space alone (a no-break space) stays as it is
            text = _cut(text, CHANGE_WORDS, tail=False)
        deleted = op.op is Op.DELETE
        out.append(WordOp(op.op, text if deleted else "", "" if deleted else text))
    if end < len(ops) and ops[end].op is Op.EQUAL:
        after = _cut(ops[end].new, CONTEXT_WORDS, tail=False)
        out.append(WordOp(Op.EQUAL, after, after))
    last = out[-1]
    out[-1] = WordOp(last.op, last.old.rstrip(), last.new.rstrip())
    return tuple(op for op in out if op.old or op.new)


def _first_ops(node: Node) -> tuple[WordOp, ...]:
    """The words of a unit inserted or deleted whole: its own, else its first sub-unit's
    inserted or deleted with it (not those of a sub-unit that moved in or out: a list
    whose point moved elsewhere did not lose the point's words)."""
    stack = [node]
    while stack:
        here = stack.pop(0)
        if here.change.ops or here.change.heading_ops:
            return here.change.ops or here.change.heading_ops
        stack[:0] = [
            child
            for child in here.children
            if child.change.kind is node.change.kind and child.place is Place.HERE
        ]
    return ()


def _words_changed(change: Change) -> bool:
    """Whether the unit's own words or heading changed (not only its number)."""
    return any(op.op is not Op.EQUAL for op in (*change.ops, *change.heading_ops))


def _own_ops(node: Node) -> tuple[WordOp, ...]:
    """The operations that show this node's own change: words, then heading, then number."""
    change = node.change
    if change.kind in WHOLE:
        return _first_ops(node)
    for ops in (change.ops, change.heading_ops):
        if any(op.op is not Op.EQUAL for op in ops):
            return ops
    old = change.old[0].num if change.old else ""
    new = change.new[0].num if change.new else ""
    if change.num_changed and old != new:
        return (WordOp(Op.DELETE, old, ""), WordOp(Op.INSERT, "", new))
    return ()


def _entry(node: Node, owner: Node | None) -> Entry:
    change = node.change
    kind = change.kind.value
    if change.kind is ChangeKind.MODIFIED and change.num_changed and not _words_changed(change):
        kind += " (renumbered)"  # listed for its number: what changed in it has rows of its own
    if change.moved and change.kind is not ChangeKind.MOVED:
        kind += " (moved)"
    label = labels.where(change)  # the one labelling rule: `Article 9 (old Article 8)`
    return Entry(label, kind, excerpt(_own_ops(node)), node, owner)


def _emptied(node: Node) -> bool:
    """Whether `node` is a structure inserted or deleted whole with no words of its own
    inserted or deleted: the old second list of a paragraph whose one point moved into
    the first list. Its words are listed where they went; a row ``deleted`` for it would
    say that they were lost."""
    return node.change.kind in WHOLE and not _first_ops(node)


def _notes_apart(node: Node) -> Iterator[Entry]:
    """The notes of a unit listed whole whose change is not the unit's (a note
    renumbered in a moved recital, deleted from it at its old place)."""
    for child in node.children:
        kind = child.change.kind
        if child.change.element == NOTE and kind not in (ChangeKind.UNCHANGED, node.change.kind):
            yield _entry(child, node)


def _walk(nodes: tuple[Node, ...], owner: Node | None) -> Iterator[Entry]:
    for node in nodes:
        change = node.change
        if change.element == NOTE:
            if change.kind is not ChangeKind.UNCHANGED:
                yield _entry(node, owner)
            continue
        if change.kind in WHOLE or node.place is not Place.HERE:
            if node.place is not Place.MOVED_FROM and not _emptied(node):
                yield _entry(node, None)
            yield from _notes_apart(node)
            continue
        split = change.kind in (ChangeKind.SPLIT, ChangeKind.MERGED)
        if (split and node.part <= 0) or _own_ops(node):
            yield _entry(node, None)
        yield from _walk(node.children, node)


def list_changes(comparison: Comparison) -> tuple[Entry, ...]:
    """Every changed provision, in reading order (see the module's guarantees); a change
    shown at several places (a split in pieces, a note of a moved unit) is listed at
    the first."""
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    entries = []
    for entry in _walk(comparison.tree, None):
        change = entry.node.change
        key = (tuple(s.eid for s in change.old), tuple(s.eid for s in change.new))
        if key not in seen:
            seen.add(key)
            entries.append(entry)
    return tuple(entries)


def plural(element: str) -> str:
    """The name of a row of the provision counts.

    >>> [plural(e) for e in ("article", "authorialNote", "point", "container")]
    ['articles', 'notes', 'points', 'blocks (preface, conclusions)']
    """
    return _ROW_NAMES.get(element, element if element.endswith("s") else f"{element}s")


def provision_counts(comparison: Comparison) -> dict[str, dict[str, int]]:
    """Changes by kind for each kind of provision, in order of first appearance (notes
    last); every change kind listed, zeros included. Text pieces (`STRUCTURE`) are not
    provisions and are left out: `Comparison.counts` counts them with the rest."""
    counts: dict[str, dict[str, int]] = {}
    for change in comparison.changes:
        if change.element in STRUCTURE:
            continue
        row = counts.setdefault(change.element, {kind.value: 0 for kind in ChangeKind})
        row[change.kind.value] += 1
    if NOTE in counts:
        counts[NOTE] = counts.pop(NOTE)
    return counts


def provision_totals(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    """The provision counts summed over kinds of provision, every change kind listed."""
    totals = {kind.value: 0 for kind in ChangeKind}
    for row in counts.values():
        for kind, n in row.items():
            totals[kind] += n
    return totals
