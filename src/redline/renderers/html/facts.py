"""What each node of the redline tree shows: shared by the inline and side-by-side layouts.

`node_facts` decides, for one node of `Comparison.tree`, its mode (how its words are
shown), its page id, its number, heading and text as word operations, its notes and
the editorial note beside it; `collect_moves` pairs the two places of every move.
Guarantees: ids are unique in the page (the new eId, or ``old-`` and the old eId where
only the old unit is shown); a moved unit's two places link to each other and share
their notes; editorial notes are attribute values, never words of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from redline.changes import ChangeKind, Component, Node, Place, Side, WordOp, accept, reject
from redline.comparison.pieces import shown_ops
from redline.printable import one_line
from redline.renderers import labels
from redline.renderers.html.notes import anchor_notes
from redline.renderers.html.words import Context, Element, Mode, clean, mode_is_move, side_ops

#: Elements drawn as sections with a heading line rather than as paragraphs.
SECTIONS = frozenset(
    {
        "article",
        "section",
        "part",
        "chapter",
        "title",
        "book",
        "division",
        "subdivision",
        "subpart",
        "subtitle",
        "subchapter",
        "recitals",
        "preamble",
        "hcontainer",
    }
)

NOTE = "authorialNote"

#: Sections that get an entry in the PDF outline; an entry's level is one more than the
#: number of such sections around it (`bookmark_class`), so a bill's sections are
#: top-level entries and an act's articles sit under their part or chapter.
BOOKMARKED = frozenset(
    {"preamble", "recitals", "book", "part", "title", "subtitle", "division", "chapter",
     "subchapter", "subpart", "article", "section"}
)  # fmt: skip


Key = tuple[tuple[str, ...], tuple[str, ...], int]


def change_key(node: Node) -> Key:
    """What identifies a change across its places in the tree."""
    change = node.change
    return tuple(s.eid for s in change.old), tuple(s.eid for s in change.new), node.part


@dataclass(frozen=True, slots=True)
class Facts:
    """What every layout needs to know to draw one node."""

    mode: Mode
    """How its words are shown."""
    eid: str
    """The id to give it (unique in the page)."""
    num: tuple[WordOp, ...]
    """Its number as word operations."""
    heading: tuple[WordOp, ...]
    """Its heading as word operations."""
    text: tuple[WordOp, ...]
    """Its own words (empty for containers)."""
    separators: tuple[tuple[str, ...], tuple[str, ...]]
    """Numbers shown between the units joined in a split or merge."""
    notes: tuple[Node, ...]
    """Its authorial notes."""
    children: tuple[Node, ...]
    """Its sub-units, notes excepted."""
    label: str
    """The editorial note beside it ("moved, now Article 11(3)"), or ""."""
    link: str
    """The id of the other place of a move, or ""."""
    changed: bool
    """True when the node itself shows a change (number, heading, words, notes, place)."""


def node_mode(node: Node, inherited: Mode = Mode.NORMAL) -> Mode:
    """The mode of a node; the whole subtree of a deleted or moved unit shares it."""
    kind = node.change.kind
    if node.place is Place.MOVED_FROM:
        return Mode.MOVED_FROM
    if node.place is Place.MOVED_TO:
        return Mode.MOVED_TO
    if kind is ChangeKind.DELETED:
        return Mode.MOVED_FROM if inherited is Mode.MOVED_FROM else Mode.DELETED
    if kind is ChangeKind.INSERTED:
        return Mode.MOVED_TO if inherited is Mode.MOVED_TO else Mode.INSERTED
    return inherited


def node_id(node: Node, mode: Mode) -> str:
    """The id a node asks for: the new eId, or ``old-`` + the old eId."""
    change = node.change
    if change.new and mode not in (Mode.DELETED, Mode.MOVED_FROM):
        return change.new[max(node.part, 0)].eid if node.part < len(change.new) else ""
    return f"old-{_old_side(node).eid}" if change.old else "unit"


def _old_side(node: Node) -> Side:
    """The old unit a node shows: its own one for an old unit of a merge, else the first."""
    change = node.change
    merged_part = change.kind is ChangeKind.MERGED and 0 <= node.part < len(change.old)
    return change.old[node.part if merged_part else 0]


def _num_ops(node: Node) -> tuple[WordOp, ...]:
    change = node.change
    if change.kind is ChangeKind.MERGED and node.part >= 0:  # an old unit, where it stood
        return side_ops(_old_side(node).num, "")
    old = change.old[0].num if change.old else ""
    if node.part > 0:
        return side_ops("", change.new[node.part].num if node.part < len(change.new) else "")
    return side_ops(old, change.new[max(node.part, 0)].num if change.new else "")


def _heading_ops(node: Node) -> tuple[WordOp, ...]:
    change = node.change
    if change.kind is ChangeKind.MERGED and node.part >= 0:
        return side_ops(_old_side(node).heading, "")
    if node.part > 0:
        return ()
    if change.heading_ops:
        return change.heading_ops
    old = change.old[0].heading if change.old else ""
    return side_ops(old, change.new[0].heading if change.new else "")


def node_facts(node: Node, mode: Mode, context: Context, moves: Moves) -> Facts:
    """Everything a layout draws for `node`, its id taken from `context`."""
    change = node.change
    text = shown_ops(node)
    separators = (
        ((), ())
        if node.part >= 0
        else (tuple(s.num for s in change.old[1:]), tuple(s.num for s in change.new[1:]))
    )
    notes = tuple(child for child in node.children if child.change.element == NOTE)
    if not notes and node.place is not Place.HERE:
        notes = moves.notes.get(change_key(node), ())
    if node.part >= 0 and change.kind is not ChangeKind.MERGED:
        notes = moves.pieces.get((*change_key(node)[:2], -1), notes)
    notes = anchor_notes(node, notes)
    other = {Place.MOVED_FROM: Place.MOVED_TO, Place.MOVED_TO: Place.MOVED_FROM}
    link = moves.ids.get((change_key(node), other[node.place]), "") if node.place in other else ""
    changed = (
        node.place is not Place.HERE
        or mode is not Mode.NORMAL
        or change.kind not in (ChangeKind.UNCHANGED, ChangeKind.MOVED)
        or change.text_changed
        or change.num_changed
        or any(n.change.kind is not ChangeKind.UNCHANGED for n in notes)
    )
    return Facts(
        mode,
        context.take(node_id(node, mode) or "unit"),
        _num_ops(node),
        _heading_ops(node),
        text,
        separators,
        notes,
        tuple(child for child in node.children if child.change.element != NOTE),
        labels.note(change, node.place, node.part, moves.now),
        link,
        changed,
    )


@dataclass(frozen=True, slots=True)
class Moves:
    """The two places of each moved change: their ids, and the notes they share."""

    ids: dict[tuple[Key, Place], str]
    """The id of each place of each moved change, for the links between the two ends."""
    notes: dict[Key, tuple[Node, ...]]
    """The note nodes of each moved change, wherever the tree hangs them: they may sit
    under one place only, and both need them (old markers at the old place, new at
    the new)."""
    pieces: dict[Key, tuple[Node, ...]]
    """The note nodes of each split shown in pieces (key with part -1), whichever piece
    holds them: each piece shows the markers that fall in its words."""
    now: dict[str, tuple[str, str]]
    """Where each old unit now stands (`redline.renderers.labels.renamed`), for the notes
    of moves."""


def collect_moves(tree: tuple[Node, ...]) -> Moves:
    """Find the places of every moved change, and the notes of every split, in `tree`."""
    moves = Moves({}, {}, {}, {})
    stack = list(tree)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        moves.now.update(labels.renamed((node.change,)))
        own = tuple(child for child in node.children if child.change.element == NOTE)
        if node.part >= 0:
            key = (*change_key(node)[:2], -1)
            moves.pieces[key] = moves.pieces.get(key, ()) + own
        if node.place is Place.HERE:
            continue
        moves.ids[(change_key(node), node.place)] = node_id(node, node_mode(node))
        if own:
            moves.notes[change_key(node)] = own
    return moves


def has_change(node: Node) -> bool:
    """True when the node or anything under it shows a change."""
    change = node.change
    if node.place is not Place.HERE or change.kind is not ChangeKind.UNCHANGED:
        return True
    return any(has_change(child) for child in node.children)


def add_label(parent: Element, facts: Facts) -> None:
    """The editorial note of a node: drawn by CSS from attributes, so no words are added."""
    if not facts.label:
        return
    tag = "a" if facts.link else "span"
    note = etree.SubElement(
        parent,
        tag,
        {"class": "rl-label", "data-label": clean(facts.label), "aria-label": clean(facts.label)},
    )
    if facts.link:
        note.set("href", f"#{facts.link}")
    note.text = ""


def bookmark(facts: Facts, node: Node) -> str:
    """The PDF outline entry of a section: its new number and heading, or the old ones."""
    change = node.change
    side = (
        change.new[max(node.part, 0)]
        if change.new
        and facts.mode not in (Mode.DELETED, Mode.MOVED_FROM)
        and node.part < len(change.new)
        else _old_side(node)
    )
    joiner = " " if side.num.endswith((".", ")", "—")) else " – "
    words = joiner.join(part for part in (side.num, side.heading) if part)
    if facts.mode in (Mode.DELETED, Mode.MOVED_FROM):
        words += " (deleted)" if facts.mode is Mode.DELETED else " (moved)"
    return clean(words)


def with_components(
    tree: tuple[Node, ...], components: tuple[Component, ...]
) -> Iterator[Node | Component]:
    """The top-level nodes of `tree` with, before the first node of each component, that
    component (`Comparison.components`): every layout writes its title there. A
    component with no title on either side is left out: it has no words to show."""
    titled = [component for component in components if component.title_ops]
    at = 0
    for index, node in enumerate(tree):
        while at < len(titled) and titled[at].start <= index:
            yield titled[at]
            at += 1
        yield node
    yield from titled[at:]


def component_bookmark(component: Component) -> str:
    """The PDF outline entry of a component: its new title, or the old one (deleted)."""
    new = accept(component.title_ops)
    return clean(one_line(new or f"{reject(component.title_ops)} (deleted)"))


def bookmark_class(element: str, level: int) -> tuple[str, int]:
    """The outline class of a section at outline `level` (``rl-bm-1`` ... ``rl-bm-6``, or
    "" when it has no entry) and the level of the sections inside it."""
    if element not in BOOKMARKED:
        return "", level
    return f"rl-bm-{min(level, 6)}", level + 1


def mode_class(mode: Mode) -> list[str]:
    """The class marking the old or new place of a move."""
    return [f"rl-{mode.value}"] if mode_is_move(mode) else []
