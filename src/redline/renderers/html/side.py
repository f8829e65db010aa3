"""The redline tree as two aligned columns: the side-by-side layout of the HTML renderer.

`render_side_by_side` writes one table row per node of `Comparison.tree`, old version
on the left (with its deletions), new on the right (with its insertions), so rows
follow the alignment. Guarantees: the left cells, read in order with ``<del>``
unwrapped, give the old document's words; the right cells with ``<ins>`` unwrapped
give the new document's; each row's id is the node's id, as in the inline layout.
The notes follow under a "Notes" heading, each old note beside its new counterpart.
"""

from __future__ import annotations

import difflib

from lxml import etree

from redline.changes import Component, Node
from redline.renderers.html.evidence import set_evidence
from redline.renderers.html.facts import (
    NOTE,
    SECTIONS,
    Facts,
    Moves,
    add_label,
    bookmark,
    bookmark_class,
    collect_moves,
    component_bookmark,
    has_change,
    mode_class,
    node_facts,
    node_mode,
    with_components,
)
from redline.renderers.html.inline import add_gap, heading_class
from redline.renderers.html.notes import note_changed, note_mark, render_runs
from redline.renderers.html.words import Context, Element, Footnote, Mode, clean, render_plain

#: Node mode -> (mode of the left cell, mode of the right cell); None leaves the cell empty.
COLUMNS: dict[Mode, tuple[Mode | None, Mode | None]] = {
    Mode.NORMAL: (Mode.OLD_COLUMN, Mode.NEW_COLUMN),
    Mode.DELETED: (Mode.DELETED, None),
    Mode.MOVED_FROM: (Mode.MOVED_FROM, None),
    Mode.INSERTED: (None, Mode.INSERTED),
    Mode.MOVED_TO: (None, Mode.MOVED_TO),
}
LEFT_MODES = frozenset({Mode.OLD_COLUMN, Mode.DELETED, Mode.MOVED_FROM})


def _fill_cell(cell: Element, facts: Facts, mode: Mode, context: Context) -> None:
    if facts.num:
        num = etree.SubElement(cell, "span", {"class": "akn-num"})
        render_plain(num, facts.num, mode)
        num.tail = " "
    if facts.heading:
        heading = etree.SubElement(cell, "span", {"class": heading_class(facts, context)})
        render_plain(heading, facts.heading, mode)
        add_gap(cell, heading, facts)
    if facts.text:
        text = etree.SubElement(cell, "span", {"class": "rl-text"})
        render_runs(text, facts.text, mode, context, facts.notes, facts.separators)


def _row(body: Element, node: Node, facts: Facts, entry: str) -> Element:
    """The row of one node, classed like the inline layout's element (and with its
    outline class `entry`, when it has one)."""
    element = node.change.element
    classes = ["rl-row", f"akn-{element}", f"rl-{node.change.kind.value}"]
    classes += [entry] if entry else []
    classes += mode_class(facts.mode)
    words = bool(facts.num or facts.heading or facts.text)
    if facts.changed and words:  # a row without words is no changed block (as inline)
        classes.append("rl-changed")
    if not (words or facts.label):
        classes.append("rl-bare")
    if not has_change(node):
        classes.append("rl-same")
    row = etree.SubElement(body, "tr", {"id": facts.eid, "class": " ".join(classes)})
    row.tail = "\n"
    if element in SECTIONS:
        row.set("data-bookmark", bookmark(facts, node))
    if node.change.old:
        row.set("data-old-eid", " ".join(clean(s.eid) for s in node.change.old))
    set_evidence(row, node.change)
    return row


def _add_row(
    body: Element,
    node: Node,
    inherited: Mode,
    context: Context,
    moves: Moves,
    depth: int,
    level: int = 1,
) -> None:
    facts = node_facts(node, node_mode(node, inherited), context, moves)
    entry, inner = ("", level)
    if node.change.element in SECTIONS and (facts.num or facts.heading):  # as inline heads
        entry, inner = bookmark_class(node.change.element, level)
    row = _row(body, node, facts, entry)
    for column, mode in zip(("rl-old", "rl-new"), COLUMNS[facts.mode], strict=True):
        cell = etree.SubElement(row, "td", {"class": f"{column} rl-depth-{min(depth, 6)}"})
        cell.text = ""
        if mode is None:
            add_label(cell, facts)
        else:
            _fill_cell(cell, facts, mode, context)
    for child in facts.children:
        _add_row(body, child, facts.mode, context, moves, depth + 1, inner)


def _note_key(note: Footnote) -> tuple[tuple[str, ...], tuple[str, ...]]:
    change = note.node.change
    return tuple(s.eid for s in change.old), tuple(s.eid for s in change.new)


def pair_notes(footnotes: list[Footnote]) -> list[tuple[Footnote | None, Footnote | None]]:
    """The note rows: each old note beside its new counterpart (the same note change),
    keeping each column in its version's marker order; a note without a counterpart in
    that order (inserted, deleted, or moved across others) has a row of its own."""
    left = [note for note in footnotes if note.mode in LEFT_MODES]
    right = [note for note in footnotes if note.mode not in LEFT_MODES]
    matcher = difflib.SequenceMatcher(
        None, [_note_key(n) for n in left], [_note_key(n) for n in right], autojunk=False
    )
    rows: list[tuple[Footnote | None, Footnote | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += zip(left[i1:i2], right[j1:j2], strict=True)
        else:
            rows += [(note, None) for note in left[i1:i2]]
            rows += [(None, note) for note in right[j1:j2]]
    return rows


def _add_note_rows(body: Element, footnotes: list[Footnote]) -> None:
    """A "Notes" heading row (drawn from its attribute), then the paired note rows."""
    rows = pair_notes(footnotes)
    if not rows:
        return
    head = etree.SubElement(body, "tr", {"class": "rl-row rl-notes-head"})
    head.tail = "\n"
    etree.SubElement(
        head, "th", {"colspan": "2", "data-label": "Notes", "aria-label": "Notes"}
    ).text = ""
    for pair in rows:
        row = etree.SubElement(body, "tr", {"class": "rl-row rl-note-row"})
        row.tail = "\n"
        for name, note in zip(("rl-old", "rl-new"), pair, strict=True):
            cell = etree.SubElement(row, "td", {"class": f"{name} akn-{NOTE}"})
            cell.text = ""
            if note is None:
                continue
            entry = etree.SubElement(cell, "span", {"id": note.fid})
            if note_changed(note):  # one changed block per note, as in the inline layout
                entry.set("class", note_mark(note))
            back = etree.SubElement(entry, "a", {"class": "rl-fn-marker", "href": f"#{note.ref}"})
            render_plain(back, note.marker, note.mode)
            back.tail = " "
            render_plain(entry, note.body, note.mode)


def _component_row(body: Element, component: Component) -> None:
    """A component's title in each column it stands in, an entry of the PDF outline."""
    classes = "rl-row rl-component rl-bm-1" + (" rl-changed" if component.changed else "")
    row = etree.SubElement(
        body, "tr", {"class": classes, "data-bookmark": component_bookmark(component)}
    )
    row.tail = "\n"
    for column, mode in (("rl-old", Mode.OLD_COLUMN), ("rl-new", Mode.NEW_COLUMN)):
        cell = etree.SubElement(row, "td", {"class": f"{column} rl-depth-0"})
        cell.text = ""
        title = etree.SubElement(cell, "span", {"class": "akn-docTitle"})
        render_plain(title, component.title_ops, mode)


def render_side_by_side(
    main: Element,
    tree: tuple[Node, ...],
    context: Context,
    titles: tuple[str, str],
    components: tuple[Component, ...] = (),
) -> None:
    """The redline tree as a two-column table (a component's title in a row before its
    units), then the footnotes in the same columns."""
    table = etree.SubElement(main, "table", {"class": "rl-side-by-side"})
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for name, title in zip(("rl-old", "rl-new"), titles, strict=True):
        etree.SubElement(
            head, "th", {"class": name, "data-label": title, "aria-label": title}
        ).text = ""
    body = etree.SubElement(table, "tbody")
    moves = collect_moves(tree)
    for item in with_components(tree, components):
        if isinstance(item, Component):
            _component_row(body, item)
        else:
            _add_row(body, item, Mode.NORMAL, context, moves, 0)
    _add_note_rows(body, context.footnotes)
