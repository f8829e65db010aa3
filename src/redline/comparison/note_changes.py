"""The changes of authorial notes, as tree nodes under the units that hold them (part of
building the redline tree).

Guarantees: every note pair of the alignment becomes one change (deleted, inserted,
modified, renumbered or unchanged) in one node, listed under its new unit (or its old
unit when it has no new side), in the order of the markers in that unit.
"""

from __future__ import annotations

from collections import defaultdict

from redline.changes import (
    Change,
    ChangeKind,
    CompareOptions,
    Evidence,
    Node,
    Place,
    Side,
    replaced,
)
from redline.comparison.align import Alignment
from redline.comparison.flatten import Flat
from redline.comparison.worddiff import diff_words, ops_similarity, texts_equal
from redline.model import Note


def note_nodes(
    alignment: Alignment, options: CompareOptions
) -> tuple[dict[int, list[Node]], dict[int, list[Node]]]:
    """The note nodes by the new unit that holds them, and by the old unit for notes
    that only the old version has."""
    by_new: dict[int, list[Node]] = defaultdict(list)
    by_old: dict[int, list[Node]] = defaultdict(list)
    for old_ref, new_ref in alignment.note_pairs:
        old_side = _note_side(alignment.old, old_ref) if old_ref else None
        new_side = _note_side(alignment.new, new_ref) if new_ref else None
        change = note_change(old_side, new_side, options)
        if new_ref is not None:
            by_new[new_ref[0]].append(Node(change, Place.HERE))
        elif old_ref is not None:
            by_old[old_ref[0]].append(Node(change, Place.HERE))
    for nodes in (*by_new.values(), *by_old.values()):
        nodes.sort(key=lambda node: (node.change.new or node.change.old)[0].anchor)
    return by_new, by_old


def _note_side(flats: list[Flat], ref: tuple[int, int]) -> Side:
    flat = flats[ref[0]]
    note: Note = flat.unit.notes[ref[1]]
    top = flats[flat.top].unit.eid if flat.top >= 0 else ""
    label = f"{flat.label}, note {note.marker}"
    return Side(note.eid, "authorialNote", note.marker, label, "", note.text, top, note.offset)


def note_change(old: Side | None, new: Side | None, options: CompareOptions) -> Change:
    """The change from note `old` to note `new` (either may be missing)."""
    if old is None or new is None:
        side = old or new
        assert side is not None
        kind = ChangeKind.DELETED if new is None else ChangeKind.INSERTED
        ops = replaced(side.text, "") if new is None else replaced("", side.text)
        return Change(kind, "authorialNote", (old,) if old else (), (new,) if new else (),
                      0.0, ops, text_changed=True)  # fmt: skip
    ops = diff_words(old.text, new.text, options)
    text_changed = not texts_equal(old.text, new.text, options)
    num_changed = old.num != new.num
    kind = (ChangeKind.MODIFIED if text_changed
            else ChangeKind.RENUMBERED if num_changed else ChangeKind.UNCHANGED)  # fmt: skip
    similarity = ops_similarity(ops)
    how = Evidence.SIMILAR_TEXT if text_changed else Evidence.EXACT
    return Change(kind, "authorialNote", (old,), (new,), similarity, ops,
                  text_changed=text_changed, num_changed=num_changed,
                  matched_by=(how,), confidence=similarity)  # fmt: skip
