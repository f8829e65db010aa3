"""Plain-text renderer of a comparison, for terminals and CI logs (render stage).

The outline of `redline.renderers.outline` with word changes marked ``[-old-]{+new+}``,
coloured on a terminal. Every piece of document text goes through `redline.printable`
(control characters escaped) and so does the whole (no line a CI runner obeys). A line
feed inside a changed provision's text (a quoted block in a US bill) starts a new line
indented like the text, so no printed line begins with the provision's words; in the
tables and headings it stays escaped (``\\n``), each row on one line.
"""

from __future__ import annotations

from redline.changes import Comparison, Op, WordOp
from redline.printable import guard, inline, layout, spacing
from redline.renderers import RenderOptions
from redline.renderers.outline import (
    Marker,
    Style,
    change_list,
    changed_provisions,
    correspondence_rows,
    counts_line,
    describe,
    evidence_sections,
    notices,
    provisions_line,
)


def _marked(text: str, lines: bool = False) -> str:
    """`text` of an insertion or deletion, printable, special spaces named where the
    change is spacing alone (`redline.printable.spacing`); with `lines`, its line feeds
    kept, unless the change is one of spacing alone (then ``\\n`` names it)."""
    keep = lines and not text.isspace()
    return (layout if keep else inline)(spacing(text))


def _text_marker(color: bool, lines: bool = False) -> Marker:
    """Marks word operations; with `lines`, line feeds in the text are kept."""

    def mark(op: WordOp) -> str:
        if op.op is Op.EQUAL:
            return layout(op.new) if lines else inline(op.new)
        if op.op is Op.DELETE:
            old = _marked(op.old, lines)
            return f"\x1b[31m[-{old}-]\x1b[0m" if color else f"[-{old}-]"
        new = _marked(op.new, lines)
        return f"\x1b[32m{{+{new}+}}\x1b[0m" if color else f"{{+{new}+}}"

    return mark


#: The widest label column of the text tables: a longer label (a recital named by its
#: opening words, old and new) takes a line of its own, so lines stay readable on a
#: terminal.
LABEL_WIDTH = 44


def render_text(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as plain text: counts, correspondence table, list of changes, then
    the changed provisions."""
    rows = [tuple(map(inline, row)) for row in correspondence_rows(comparison)]
    width_old = max((len(r[0]) for r in rows), default=3)
    width_new = max((len(r[1]) for r in rows), default=3)
    lines = [
        f"old: {inline(describe(comparison.old))}",
        f"new: {inline(describe(comparison.new))}",
        f"changes: {counts_line(comparison)}",
        f"provisions: {inline(provisions_line(comparison))}",
        *(inline(line) for line in notices(comparison)),
        "",
        "Correspondence (old -> new):",
    ]
    width_old, width_new = min(width_old, LABEL_WIDTH), min(width_new, LABEL_WIDTH)
    for o, n, k in rows:
        if len(o) > width_old or len(n) > width_new:  # a long label: one line each
            lines += [f"  {o}", f"    -> {n}  {k}"]
        else:
            lines.append(f"  {o:<{width_old}}  {n:<{width_new}}  {k}")
    mark = _text_marker(options.color)
    listed = [(inline(label), kind, text) for label, kind, text in change_list(comparison, mark)]
    width = min(max((len(label) for label, _, _ in listed), default=0), LABEL_WIDTH)
    kinds = max((len(kind) for _, kind, _ in listed), default=0)  # "modified (renumbered)"
    if listed:
        lines += ["", "List of changes:"]
    for label, kind, text in listed:
        if len(label) > width:  # a long label on a line of its own, the change below it
            lines += [f"  {label}", f"  {'':<{width}}  {kind:<{kinds}}  {text}"]
        else:
            lines.append(f"  {label:<{width}}  {kind:<{kinds}}  {text}")
    for title, items in evidence_sections(comparison, options.explain, options.min_confidence):
        lines += ["", f"{inline(title)}:", *(f"  {inline(item)}" for item in items)]
    style = Style(_text_marker(options.color, lines=True), _text_heading, _text_item, inline)
    changed = changed_provisions(comparison, style)
    if not comparison.identical:
        lines += ["", "Changed provisions:", "", *changed]
    return guard("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _text_heading(title: str) -> str:
    return f"== {inline(title)}"


def _text_item(title: str, text: str) -> list[str]:
    """A changed unit's title, then its text, each line of it indented under the title."""
    body = [f"    {line}" for line in text.split("\n")] if text else []
    return ([f"  {inline(title)}"] if title else []) + body
