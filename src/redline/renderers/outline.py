"""What every text-like renderer prints, independent of its markup (render stage).

The plain-text, Markdown and CI-summary outputs share this outline: a description of each
version, the counts lines (text units; provisions by kind), the no-change banner and the
warnings, the correspondence table of top-level provisions, the list of changes, then every
changed provision with its word changes marked in the `Style` of the format. Unchanged
provisions are counted, not printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from redline.changes import (
    Change,
    ChangeKind,
    Comparison,
    Node,
    Op,
    Place,
    WordOp,
    accept,
    reject,
)
from redline.comparison.pieces import shown_ops
from redline.comparison.sanity import sanity_warnings
from redline.model import Metadata, shown_date
from redline.printable import one_line, spacing_apart
from redline.renderers import labels
from redline.renderers.labels import Renamed
from redline.renderers.listing import NOTE, list_changes, plural, provision_counts

Marker = Callable[[WordOp], str]


def describe(meta: Metadata) -> str:
    """A one-line description of a version: title, label and date."""
    label = f", {meta.version_label}" if meta.version_label else ""
    return f"{meta.title} ({shown_date(meta.date)}{label})"


def change_title(change: Change, place: Place = Place.HERE, now: Renamed | None = None) -> str:
    """``Article 4 (old Article 3): renumbered`` and the like (`redline.renderers.labels`)."""
    return labels.title(change, place, now)


def node_ops(node: Node) -> tuple[WordOp, ...]:
    """The word operations a node shows (its part of a split, or the old text of a move's
    old position)."""
    if node.place is Place.MOVED_FROM:
        return (WordOp(Op.DELETE, "".join(op.old for op in shown_ops(node)), ""),)
    return shown_ops(node)


def changed_nodes(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Text-bearing nodes whose change is not settled, in reading order."""
    for node in nodes:
        if _shows_change(node):
            yield node
        if node.place is not Place.MOVED_FROM:
            yield from changed_nodes(node.children)


def _shows_change(node: Node) -> bool:
    """Whether the node's own words or heading are shown as changed."""
    change = node.change
    settled = change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
    heading_changed = any(op.op is not Op.EQUAL for op in change.heading_ops)
    return bool(change.ops or heading_changed) and not settled


def top_nodes(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """The nodes of top-level provisions (articles, recitals, sections), and, in reading
    order among them, every container whose own words or notes changed: an
    appropriations account has no top-level provision above or below it, a title its
    heading, a block of the preface its notes. Each change is under exactly one node
    this yields (a container's notes under the container)."""
    for node in nodes:
        if is_top(node):
            yield node
            continue
        if node.change.element == NOTE:
            continue  # shown with its container
        if _shows_change(node) or _changed_notes(node):
            yield node
        yield from top_nodes(node.children)


def is_top(node: Node) -> bool:
    sides = node.change.new or node.change.old
    return bool(sides) and sides[0].is_top


def _changed_notes(node: Node) -> list[Node]:
    """A container's own notes that changed, not those of the provisions it holds."""
    return list(changed_nodes(tuple(c for c in node.children if c.change.element == NOTE)))


def counts_line(comparison: Comparison) -> str:
    counts = comparison.counts()
    return ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)


def provisions_line(comparison: Comparison) -> str:
    """``recitals: 4 modified, 2 moved; articles: 13 modified, 1 inserted; …``: changes
    counted in provisions, by kind of provision, unchanged ones left out."""
    rows = []
    for element, counts in provision_counts(comparison).items():
        kinds = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n and kind != "unchanged")
        if kinds:
            rows.append(f"{plural(element)}: {kinds}")
    return "; ".join(rows) or "none changed"


def notices(comparison: Comparison) -> list[str]:
    """The no-change banner (or the changes of the title and of components' titles)
    and the warnings, one line each."""
    banner = ["No textual changes: the two versions are identical"] if comparison.identical else []
    if comparison.title_ops:
        banner.append(one_line(f"title changed: {comparison.old.title} → {comparison.new.title}"))
    for component in comparison.components:
        old, new = reject(component.title_ops), accept(component.title_ops)
        if component.changed and old and new:  # one side only: its units say it
            banner.append(one_line(f"title of a component changed: {old} → {new}"))
    return banner + [f"warning: {warning}" for warning in sanity_warnings(comparison)]


def change_list(comparison: Comparison, mark: Marker) -> list[tuple[str, str, str]]:
    """The list of changes as (provision, kind, marked excerpt) rows."""
    return [(e.label, e.kind, _marked(e.excerpt, mark)) for e in list_changes(comparison)]


def correspondence_rows(comparison: Comparison) -> list[tuple[str, str, str]]:
    rows = []
    for change in comparison.correspondence:
        old = " + ".join(s.label for s in change.old) or "—"
        new = " + ".join(s.label for s in change.new) or "—"
        rows.append((old, new, change.kind.value))
    return rows


def _marked(ops: tuple[WordOp, ...], mark: Marker) -> str:
    return "".join(mark(op) for op in _spacing_named(ops))


def _spacing_named(ops: tuple[WordOp, ...]) -> list[WordOp]:
    """`ops` with each deletion and the insertion next to it that differ in spacing
    alone written with their special spaces named (`redline.printable.spacing_apart`),
    so that a change no one could see in plain text is said."""
    named, i = list(ops), 0
    while i < len(named) - 1:
        pair = named[i : i + 2]
        by_op = {op.op: op for op in pair}
        if set(by_op) == {Op.DELETE, Op.INSERT}:
            old, new = spacing_apart(by_op[Op.DELETE].old, by_op[Op.INSERT].new)
            named[i : i + 2] = [
                WordOp(op.op, old, "") if op.op is Op.DELETE else WordOp(op.op, "", new)
                for op in pair
            ]
            i += 1  # the pair is one change: its second half pairs with nothing else
        i += 1
    return named


@dataclass(frozen=True, slots=True)
class Style:
    """How one output format writes the parts of the changed-provisions section."""

    mark: Marker
    """Word operations to marked text."""
    heading: Callable[[str], str]
    """A top-level provision's title line."""
    item: Callable[[str, str], list[str]]
    """A changed unit: its title and its marked text, as lines."""
    escape: Callable[[str], str]
    """Plain text as the format needs it."""


def _renumbered(top: Node) -> list[str]:
    """``13(8)(d) -> 14(8)(e)`` for units under `top` that only changed their label."""
    out = []
    stack = list(top.children)
    while stack:
        node = stack.pop(0)
        change = node.change
        relabelled = change.kind is ChangeKind.RENUMBERED and change.old and change.new
        if relabelled and change.element != "authorialNote":
            out.append(labels.relabelled(change))
        stack[:0] = node.children
    return out


def changed_provisions(comparison: Comparison, style: Style) -> list[str]:
    lines: list[str] = []
    unchanged = 0
    now = labels.renamed(comparison.changes)
    for top in top_nodes(comparison.tree):
        if top.place is Place.MOVED_FROM:
            continue
        inner = list(changed_nodes(top.children)) if is_top(top) else _changed_notes(top)
        settled = top.change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
        if settled and not inner:
            unchanged += 1
            continue
        lines.append(style.heading(change_title(top.change, top.place, now)))
        for node in inner if settled else [top, *inner]:  # words kept, a note changed
            change = node.change
            title = ""
            if node is not top:
                title = change_title(change, node.place, now)
            if change.heading_ops and any(op.op is not Op.EQUAL for op in change.heading_ops):
                lines += style.item(
                    title or "heading", "heading: " + _marked(change.heading_ops, style.mark)
                )
                title = ""
            ops = node_ops(node)
            if ops or title:
                lines += style.item(title, _marked(ops, style.mark))
        relabelled = _renumbered(top) if is_top(top) else []  # a container's: its provisions'
        if relabelled:
            lines += style.item("relabelled only", style.escape(", ".join(relabelled)))
        lines.append("")
    if unchanged:
        provisions = "provision" if unchanged == 1 else "provisions"
        lines.append(f"({unchanged} top-level {provisions} unchanged or only renumbered)")
    return lines


def pairing_title(change: Change) -> str:
    """``Article 4 → Article 5``: a pairing by the labels of its sides."""
    old = " + ".join(side.label for side in change.old)
    new = " + ".join(side.label for side in change.new)
    return old if old == new else f"{old} → {new}"


def evidence_sections(
    comparison: Comparison, explain: bool, below: float | None
) -> list[tuple[str, list[str]]]:
    """The evidence the text-like outputs print: with `explain`, why every top-level
    provision was paired; with `below`, every pairing under that confidence. Each
    section is a title and its lines ("Article 4 → Article 5: similar text 0.93")."""
    from redline.comparison.evidence import describe as why

    sections = []
    if explain:
        lines = [
            f"{pairing_title(c)}: {why(c.matched_by, c.confidence)}"
            for c in comparison.correspondence
            if c.old and c.new
        ]
        sections.append(("Why each provision was paired", lines))
    if below is not None:
        weak = comparison.weak_pairings(below)
        lines = [f"{pairing_title(c)}: {why(c.matched_by, c.confidence)}" for c in weak]
        sections.append((f"Pairings to check (confidence under {below:g})", lines or ["none"]))
    return sections
