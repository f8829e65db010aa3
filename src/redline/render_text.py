"""Plain-text and Markdown renderers of a comparison, for terminals and CI logs (render stage).

Both print the correspondence table of top-level provisions first, then every changed
provision with its word changes marked: ``[-old-]{+new+}`` in text (coloured on a
terminal), ``~~old~~`` / ``**new**`` in Markdown. Unchanged provisions are counted, not
printed, unless asked for.
"""

from __future__ import annotations

import re
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
    part_ops,
)
from redline.model import Metadata
from redline.render import RenderOptions

Marker = Callable[[WordOp], str]


def describe(meta: Metadata) -> str:
    """A one-line description of a version: title, label and date."""
    label = f", {meta.version_label}" if meta.version_label else ""
    return f"{meta.title} ({meta.date}{label})"


def change_title(change: Change) -> str:
    """``Article 4 (was Article 3): renumbered`` and the like."""
    old = " + ".join(side.label for side in change.old)
    new = " + ".join(side.label for side in change.new)
    if not change.new:
        where = old
    elif not change.old or old == new:
        where = new
    else:
        where = f"{new} (was {old})"
    return f"{where}: {change.kind.value}"


def node_ops(node: Node) -> tuple[WordOp, ...]:
    """The word operations a node shows (its part of a split, or the old text of a move's
    old position)."""
    change = node.change
    if node.place is Place.MOVED_FROM:
        return (WordOp(Op.DELETE, "".join(op.old for op in change.ops), ""),)
    if node.part >= 0:
        return part_ops(change.ops, node.part)
    return change.ops


def changed_nodes(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Text-bearing nodes whose change is not settled, in reading order."""
    for node in nodes:
        change = node.change
        settled = change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
        heading_changed = any(op.op is not Op.EQUAL for op in change.heading_ops)
        if (change.ops or heading_changed) and not settled:
            yield node
        if node.place is not Place.MOVED_FROM:
            yield from changed_nodes(node.children)


def _top_nodes(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """The nodes of top-level provisions (articles, recitals, sections)."""
    for node in nodes:
        sides = node.change.new or node.change.old
        if sides and sides[0].is_top:
            yield node
        else:
            yield from _top_nodes(node.children)


def _counts_line(comparison: Comparison) -> str:
    counts = comparison.counts()
    return ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)


def _correspondence_rows(comparison: Comparison) -> list[tuple[str, str, str]]:
    rows = []
    for change in comparison.correspondence:
        old = " + ".join(s.label for s in change.old) or "—"
        new = " + ".join(s.label for s in change.new) or "—"
        rows.append((old, new, change.kind.value))
    return rows


def _marked(ops: tuple[WordOp, ...], mark: Marker) -> str:
    return "".join(mark(op) for op in ops)


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
            out.append(f"{change.old[0].label} → {change.new[0].label}")
        stack[:0] = node.children
    return out


def _body(comparison: Comparison, style: Style) -> list[str]:
    lines: list[str] = []
    unchanged = 0
    for top in _top_nodes(comparison.tree):
        if top.place is Place.MOVED_FROM:
            continue
        if top.change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED):
            unchanged += 1
            continue
        lines.append(style.heading(change_title(top.change)))
        for node in [top, *changed_nodes(top.children)]:
            change = node.change
            title = ""
            if node is not top:
                prefix = "moved away: " if node.place is Place.MOVED_FROM else ""
                title = f"{prefix}{change_title(change)}"
            if change.heading_ops and any(op.op is not Op.EQUAL for op in change.heading_ops):
                lines += style.item(
                    title or "heading", "heading: " + _marked(change.heading_ops, style.mark)
                )
                title = ""
            ops = node_ops(node)
            if ops or title:
                lines += style.item(title, _marked(ops, style.mark))
        relabelled = _renumbered(top)
        if relabelled:
            lines += style.item("relabelled only", style.escape(", ".join(relabelled)))
        lines.append("")
    if unchanged:
        lines.append(f"({unchanged} top-level provisions unchanged or only renumbered)")
    return lines


def _text_marker(color: bool) -> Marker:
    def mark(op: WordOp) -> str:
        if op.op is Op.EQUAL:
            return op.new
        if op.op is Op.DELETE:
            return f"\x1b[31m[-{op.old}-]\x1b[0m" if color else f"[-{op.old}-]"
        return f"\x1b[32m{{+{op.new}+}}\x1b[0m" if color else f"{{+{op.new}+}}"

    return mark


def render_text(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as plain text: correspondence table, then changed provisions."""
    rows = _correspondence_rows(comparison)
    width_old = max((len(r[0]) for r in rows), default=3)
    width_new = max((len(r[1]) for r in rows), default=3)
    lines = [
        f"old: {describe(comparison.old)}",
        f"new: {describe(comparison.new)}",
        f"changes: {_counts_line(comparison)}",
        "",
        "Correspondence (old -> new):",
    ]
    lines += [f"  {o:<{width_old}}  {n:<{width_new}}  {k}" for o, n, k in rows]
    lines += ["", "Changed provisions:", ""]
    style = Style(_text_marker(options.color), lambda title: f"== {title}", _text_item, str)
    lines += _body(comparison, style)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-+#>.)])")  # a list or heading marker


def md_escape(text: str) -> str:
    """Escape text for Markdown and for the HTML that Markdown allows.

    >>> md_escape("<script> *x* | y")
    '&lt;script&gt; \\\\*x\\\\* \\\\| y'
    >>> md_escape("1. (a) non-State")
    '1\\\\. (a) non-State'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")
    return _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2], text, count=1)


def _md_mark(op: WordOp) -> str:
    """``~~old~~`` / ``**new**`` around words; ``<del>``/``<ins>`` where Markdown's
    delimiter rules would not take (marks that begin or end with punctuation)."""
    if op.op is Op.EQUAL:
        return md_escape(op.new)
    text = op.old if op.op is Op.DELETE else op.new
    stripped = text.strip()
    if not stripped:
        return md_escape(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if stripped[0].isalnum() and stripped[-1].isalnum():
        wrap = "~~" if op.op is Op.DELETE else "**"
        return f"{lead}{wrap}{md_escape(stripped)}{wrap}{trail}"
    tag = "del" if op.op is Op.DELETE else "ins"
    return f"{lead}<{tag}>{md_escape(stripped)}</{tag}>{trail}"


def _text_item(title: str, text: str) -> list[str]:
    return ([f"  {title}"] if title else []) + ([f"    {text}"] if text else [])


def _md_item(title: str, text: str) -> list[str]:
    """A list item: the unit's title in bold, its marked text on the next line of the
    same item (never indented four spaces, which Markdown would take for code)."""
    if not title:
        return [f"- {text}"] if text else []
    head = f"- **{md_escape(title)}**"
    return [f"{head}  ", f"  {text}"] if text else [head]


def render_markdown(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as Markdown (for CI summaries and pull requests)."""
    lines = [
        f"**Old:** {md_escape(describe(comparison.old))}  ",
        f"**New:** {md_escape(describe(comparison.new))}  ",
        f"**Changes:** {_counts_line(comparison)}",
        "",
        "| old | new | change |",
        "|---|---|---|",
    ]
    lines += [
        f"| {md_escape(o)} | {md_escape(n)} | {k} |" for o, n, k in _correspondence_rows(comparison)
    ]
    lines.append("")
    style = Style(_md_mark, lambda title: f"#### {md_escape(title)}\n", _md_item, md_escape)
    lines += _body(comparison, style)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
