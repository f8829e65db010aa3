"""Note markers inside the words of a unit: the inline step that knows about footnotes.

`render_runs` is `redline.renderers.html.words.render_plain` plus the authorial-note markers
anchored in the unit's text, and the numbers of the units a split or merge joins.
Guarantees: each marker stands at its anchor (old anchors in old text, new in new);
a kept note whose two anchors fall at one place shows one marker with its number's
change; each marker shown is registered with the `Context` (or its body written at
once, for paged footnotes) so the body appears once, in marker order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from redline.changes import PART_SEPARATOR, ChangeKind, Node, Op, Side, WordOp, reject
from redline.comparison.pieces import part_ops
from redline.renderers.html.words import (
    NOTE_SIDES,
    Context,
    Element,
    Footnote,
    Mode,
    Run,
    add_run,
    clean,
    make_runs,
    mode_is_move,
    render_plain,
    side_ops,
)


def _shift(note: Node, side: str, by: int) -> Node:
    change = note.change
    if side == "old":
        moved = replace(change, old=tuple(replace(s, anchor=s.anchor + by) for s in change.old))
    else:
        moved = replace(change, new=tuple(replace(s, anchor=s.anchor + by) for s in change.new))
    return replace(note, change=moved)


def _base(units: tuple[Side, ...], note: Side) -> int:
    """Where the text of the unit owning `note` starts among `units` joined by separators."""
    offset = 0
    for unit in units:
        if note.eid.startswith(f"{unit.eid}__"):
            return offset
        offset += len(unit.text) + len(PART_SEPARATOR)
    return 0


def anchor_notes(node: Node, notes: tuple[Node, ...]) -> tuple[Node, ...]:
    """`notes` with anchors counted in the text `node` shows.

    A merge shows several old units as one text, so an old note's anchor (counted in
    its own unit) moves by the length of the units before it; the same holds for the
    new side of a split shown whole. A piece of a split shows a slice of the old text:
    it keeps the notes of its own new unit, and old-only notes whose anchor falls in
    its slice, with anchors counted from the slice's start. An old unit of a merge shown
    where it stood shows its own text: its notes' anchors stand as they are.
    """
    change = node.change
    if change.kind is ChangeKind.MERGED and node.part >= 0:
        return notes  # one old unit of a merge, shown alone: anchors count in its text
    if node.part < 0:
        shifted = []
        for note in notes:
            for side, units in (("old", change.old), ("new", change.new)):
                sides: tuple[Side, ...] = getattr(note.change, side)
                if len(units) > 1 and sides:
                    note = _shift(note, side, _base(units, sides[0]))
            shifted.append(note)
        return tuple(shifted)
    start = sum(len(reject(part_ops(change.ops, q))) for q in range(node.part))
    end = start + len(reject(part_ops(change.ops, node.part)))
    last = node.part == len(change.new) - 1
    own = change.new[node.part].eid if node.part < len(change.new) else ""
    kept = []
    for note in notes:
        new, old = note.change.new, note.change.old
        if new and not new[0].eid.startswith(f"{own}__"):
            continue
        if not new and not (start <= old[0].anchor < end or (last and old[0].anchor == end)):
            continue
        kept.append(_shift(note, "old", -start) if old else note)
    return tuple(kept)


Slot = tuple[int, int]


def find_slot(runs: list[Run], side: str, anchor: int) -> Slot:
    """Where a marker anchored at `anchor` of `side`'s text goes: (run index, character)."""
    for index, run in enumerate(runs):
        start, end = run.old if side == "old" else run.new
        if anchor < start:
            return index, 0
        if start <= anchor < end:
            offset = anchor - start
            if run.side != side:
                offset = round(offset * len(run.text) / (end - start))
            return index, min(offset, len(run.text))
    return len(runs), 0


@dataclass(frozen=True, slots=True)
class Marker:
    """One note marker to place in the text."""

    slot: Slot
    node: Node
    ops: tuple[WordOp, ...]
    body: tuple[WordOp, ...]


def _note_sides(node: Node, mode: Mode) -> dict[str, Side]:
    change, shown = node.change, NOTE_SIDES[mode]
    sides: dict[str, Side] = {}
    if change.old and "old" in shown and change.old[0].anchor >= 0:
        sides["old"] = change.old[0]
    if change.new and "new" in shown and change.new[0].anchor >= 0:
        sides["new"] = change.new[0]
    return sides


def place_markers(runs: list[Run], notes: tuple[Node, ...], mode: Mode) -> list[Marker]:
    """The markers of `notes` that `mode` shows, with their slots, in slot order."""
    markers: list[Marker] = []
    for node in notes:
        ops = node.change.ops
        sides = _note_sides(node, mode)
        slots = {side: find_slot(runs, side, s.anchor) for side, s in sides.items()}
        old, new = sides.get("old"), sides.get("new")
        if mode is Mode.NORMAL and old and new and slots["old"] != slots["new"]:
            markers.append(Marker(slots["old"], node, side_ops(old.num, ""), _whole(ops, "old")))
            markers.append(Marker(slots["new"], node, side_ops("", new.num), _whole(ops, "new")))
        elif sides:
            slot = slots.get("new", slots.get("old", (0, 0)))
            old_num = node.change.old[0].num if node.change.old else ""
            new_num = node.change.new[0].num if node.change.new else ""
            markers.append(Marker(slot, node, side_ops(old_num, new_num), ops))
    return sorted(markers, key=lambda marker: marker.slot)


def _whole(ops: tuple[WordOp, ...], side: str) -> tuple[WordOp, ...]:
    text = "".join(op.old if side == "old" else op.new for op in ops)
    return (WordOp(Op.DELETE, text, ""),) if side == "old" else (WordOp(Op.INSERT, "", text),)


def add_marker(parent: Element, marker: Marker, mode: Mode, context: Context) -> None:
    """Append a note marker linking to its footnote, and register the footnote."""
    change = marker.node.change
    side = change.new[0] if change.new else change.old[0]
    prefix = "" if change.new and mode not in (Mode.DELETED, Mode.MOVED_FROM) else "old-"
    fid = context.take(f"fn-{prefix}{side.eid}")
    ref = context.take(f"ref-{prefix}{side.eid}")
    sup = etree.SubElement(parent, "sup", {"class": "akn-noteRef", "id": ref})
    link = etree.SubElement(sup, "a", {"href": f"#{fid}"})
    render_plain(link, marker.ops, mode)
    footnote = Footnote(fid, ref, marker.ops, marker.body, mode, marker.node)
    if context.notes_at_markers:
        add_note_body(parent, footnote, "span")
    else:
        context.footnotes.append(footnote)


def _placed(note: Footnote) -> bool:
    """True for a note shown at a place of its own (deleted, inserted, moved)."""
    return note.mode not in (Mode.NORMAL, Mode.OLD_COLUMN, Mode.NEW_COLUMN)


def note_changed(note: Footnote) -> bool:
    """True when a note's body shows a change (it gets a change bar)."""
    edited = any(op.op is not Op.EQUAL for op in (*note.marker, *note.body))
    return edited or note.node.change.kind is not ChangeKind.UNCHANGED or _placed(note)


def note_mark(note: Footnote) -> str:
    """The class of a changed note's body: ``rl-changed`` for one block per note and
    place in both layouts, ``rl-bar`` (a bar, no navigation stop) for the old half of a
    note shown twice (inline: old and new markers apart; side by side: both columns),
    and for an unchanged note whose marker the inline layout shows moved (in a split)."""
    change = note.node.change
    if change.kind is ChangeKind.UNCHANGED and not _placed(note):
        return "rl-bar"
    old_half = note.mode is Mode.OLD_COLUMN or (
        note.mode is Mode.NORMAL and bool(note.body) and all(op.op is Op.DELETE for op in note.body)
    )
    return "rl-bar" if old_half and change.old and change.new else "rl-changed"


def add_note_body(parent: Element, note: Footnote, tag: str) -> Element:
    """The body of a note: its marker linking back to the text, then its words."""
    change = note.node.change
    classes = ["akn-authorialNote", f"rl-{change.kind.value}"]
    if mode_is_move(note.mode):
        classes.append(f"rl-{note.mode.value}")
    if note_changed(note):
        classes.append(note_mark(note))
    entry = etree.SubElement(parent, tag, {"class": " ".join(classes), "id": note.fid})
    if change.old:
        entry.set("data-old-eid", clean(change.old[0].eid))
    back = etree.SubElement(entry, "a", {"class": "rl-fn-marker", "href": f"#{note.ref}"})
    render_plain(back, note.marker, note.mode)
    back.tail = " "
    render_plain(entry, note.body, note.mode)
    return entry


def render_runs(
    parent: Element,
    ops: tuple[WordOp, ...],
    mode: Mode,
    context: Context,
    notes: tuple[Node, ...] = (),
    separators: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
) -> None:
    """Append `ops` shown in `mode` to `parent`, with note markers at their anchors.

    `separators` holds the numbers of the second, third ... unit of each side of a
    split or merge, shown where `PART_SEPARATOR` joins their texts.
    """
    runs = make_runs(ops, mode)
    markers = place_markers(runs, notes, mode)
    counters = {"old": 0, "new": 0}
    at = 0
    for index, run in enumerate(runs):
        cut = 0
        while at < len(markers) and markers[at].slot[0] == index:
            _add_text(parent, run, run.text[cut : markers[at].slot[1]], mode, separators, counters)
            cut = max(cut, markers[at].slot[1])
            add_marker(parent, markers[at], mode, context)
            at += 1
        _add_text(parent, run, run.text[cut:], mode, separators, counters)
    for marker in markers[at:]:
        add_marker(parent, marker, mode, context)


def _add_text(
    parent: Element,
    run: Run,
    text: str,
    mode: Mode,
    separators: tuple[tuple[str, ...], tuple[str, ...]],
    counters: dict[str, int],
) -> None:
    pieces = text.split(PART_SEPARATOR)
    for index, piece in enumerate(pieces):
        if index:
            # the break and the space after the number belong to the side(s) the joined
            # text stands on, so the other version's view holds no space there
            etree.SubElement(parent, "br", {"class": "rl-sep"})
            add_run(parent, run.tag, run.cls, PART_SEPARATOR)
            old = _next_num(separators[0], counters, "old") if run.seps != "new" else ""
            new = _next_num(separators[1], counters, "new") if run.seps != "old" else ""
            render_plain(parent, side_ops(old, new), mode)
            add_run(parent, run.tag, run.cls, " ")
        add_run(parent, run.tag, run.cls, piece)


def _next_num(nums: tuple[str, ...], counters: dict[str, int], side: str) -> str:
    index = counters[side]
    counters[side] += 1
    return nums[index] if index < len(nums) else ""
