"""Text and Markdown views of a history: the table of provisions, or one provision's life.

`render_overview` lists every top-level provision with its label and change in each
chosen version (what ``redline history`` prints on a terminal); `render_provision`
answers the drafter's question about one provision: its text in each version marked
against the version before (``[-old-]{+new+}`` or ``~~old~~``/``**new**``), then the
draft in which each word of its latest text first appeared. Guarantees: no character
of a draft can start a line of its own (line breaks inside texts are spaces, other
control characters are shown escaped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from redline.changes import Op, WordOp
from redline.history.synoptic import LINE, Cell, Synopsis
from redline.history.values import History, Lineage, Provenance
from redline.renderers.markdown import md_escape

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def plain(text: str) -> str:
    r"""`text` with control characters escaped (``\x1b`` shows as ``\\x1b``).

    >>> plain("a\x1b[31mb")
    'a\\x1b[31mb'
    """
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def md(text: str) -> str:
    """`text` escaped for Markdown, control characters shown escaped."""
    return plain(md_escape(text))


def _marker(markdown: bool, color: bool) -> Callable[[WordOp], str]:
    def mark(op: WordOp) -> str:
        if markdown:
            text = op.old if op.op is Op.DELETE else op.new
            wrap = {Op.EQUAL: "", Op.DELETE: "~~", Op.INSERT: "**"}[op.op]
            word = text.strip()
            if not wrap or not word:
                return md(text)
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            return f"{plain(lead)}{wrap}{md(word)}{wrap}{plain(trail)}"
        if op.op is Op.EQUAL:
            return plain(op.new)
        if op.op is Op.DELETE:
            return f"\x1b[31m[-{plain(op.old)}-]\x1b[0m" if color else f"[-{plain(op.old)}-]"
        return f"\x1b[32m{{+{plain(op.new)}+}}\x1b[0m" if color else f"{{+{plain(op.new)}+}}"

    return mark


def _marked_lines(ops: tuple[WordOp, ...], mark: Callable[[WordOp], str]) -> list[str]:
    """The operations as lines, split at `LINE` wherever either version breaks a line."""
    lines = [""]
    for op in ops:
        pieces = (op.old if op.op is Op.DELETE else op.new).split(LINE)
        for position, piece in enumerate(pieces):
            if position:
                lines.append("")
            if piece:
                lines[-1] += mark(WordOp(op.op, piece if op.op is Op.DELETE else "", piece))
    return [line for line in lines if line.strip()]


def _cell_title(history: History, cell: Cell, first: bool) -> str:
    label = " + ".join(side.label for side in cell.sides) or "—"
    kind = f" — {cell.kind.value}" if cell.kind is not None and not first else ""
    was = f" (was {cell.was})" if cell.was else ""
    return f"{history.versions[cell.version].name}: {label}{kind}{was}"


def render_provision(
    history: History,
    lineage: Lineage,
    columns: Sequence[int],
    markdown: bool = False,
    color: bool = False,
) -> bytes:
    """The life of one provision across `columns`, as text or Markdown."""
    esc = md if markdown else plain
    mark = _marker(markdown, color)
    rows = Synopsis(history, columns).rows([lineage])
    head = f"{lineage.label} ({lineage.key}) across {len(columns)} versions"
    lines = [f"# {esc(head)}" if markdown else head, ""]
    for position, cell in enumerate(rows[0].cells if rows else ()):
        title = esc(_cell_title(history, cell, position == 0))
        lines.append(f"## {title}" if markdown else title)
        lines += [f"- *{esc(note)}*" if markdown else f"  {plain(note)}" for note in cell.moves]
        body = _marked_lines(cell.ops, mark)
        lines += [f"- {line}" if markdown else f"    {line}" for line in body]
        lines.append("")
    lines += _provenance(history, lineage, markdown, esc)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _provenance(
    history: History, lineage: Lineage, markdown: bool, esc: Callable[[str], str]
) -> list[str]:
    """Each text of the provision in the last version, later words marked with their draft."""
    last = len(history.versions) - 1
    if not lineage.units[last]:
        return [f"Not in the last version ({esc(history.versions[last].name)})."]
    texts = _dated_texts(history, lineage)
    words = [0] * len(history.versions)
    for _, found_runs in texts:
        for run in found_runs:
            words[run.since] += len(run.text.split())
    total = max(sum(words), 1)
    shares = ", ".join(
        f"v{index + 1} {100 * count / total:.0f}%" for index, count in enumerate(words) if count
    )
    title = f"Words of v{last + 1} by the version they first appeared in: {shares}"
    lines = [f"## {title}" if markdown else title]
    for num, found_runs in texts:
        dated = "".join(_dated(run, markdown, esc) for run in found_runs)
        lines.append(f"- {esc(num)} {dated}" if markdown else f"    {plain(num)} {dated}")
    return lines


def _dated_texts(history: History, lineage: Lineage) -> list[tuple[str, tuple[Provenance, ...]]]:
    """(label, dated runs) of every heading, text and note of the lineage's last units."""
    last = len(history.versions) - 1
    runs: dict[str, tuple[Provenance, ...]] = {}
    heads: dict[str, tuple[Provenance, ...]] = {}
    for lin in history.lineages:
        for side, prov, head in zip(lin.units[last], lin.provenance, lin.heading_provenance,
                                    strict=True):  # fmt: skip
            runs[side.eid], heads[side.eid] = prov, head
    units = Synopsis(history, [last]).units[last]
    texts: list[tuple[str, tuple[Provenance, ...]]] = []
    for side in lineage.units[last]:
        unit = units.get(side.eid)
        if unit is None:  # a note's own lineage
            texts.append((f"[{side.num}]", runs.get(side.eid, ())))
            continue
        for sub in unit.walk():
            if sub.heading:
                texts.append((f"{sub.num or side.label} (heading)".strip(), heads.get(sub.eid, ())))
            if sub.is_text:
                texts.append((sub.num or side.label, runs.get(sub.eid, ())))
            texts += [(f"[{n.marker}]", runs.get(n.eid, ())) for n in sub.notes]
    return texts


def _dated(run: Provenance, markdown: bool, esc: Callable[[str], str]) -> str:
    """A run of words: plain when from the first version, else tagged with its draft."""
    text = " ".join(run.text.split(LINE))
    if run.since == 0 or not text.strip():
        return esc(text)
    if markdown:
        return f"**{esc(text)}**<sup>v{run.since + 1}</sup>"
    return f"{{v{run.since + 1}: {plain(text)}}}"


def render_overview(history: History, columns: Sequence[int], markdown: bool = False) -> bytes:
    """Every top-level provision: its label and change in each chosen version."""
    esc = md if markdown else plain
    rows = Synopsis(history, columns).rows([lin for lin in history.lineages if lin.top])
    table = [
        [
            ("—" if not cell.sides else " + ".join(s.label for s in cell.sides))
            + (f" ({cell.kind.value})" if cell.kind is not None and position else "")
            for position, cell in enumerate(row.cells)
        ]
        for row in rows
    ]
    names = [history.versions[column].name for column in columns]
    lines = [f"{esc(name)}" for name in names] + [""]
    for index, comparison in enumerate(history.comparisons):
        counts = ", ".join(f"{n} {kind}" for kind, n in comparison.counts().items() if n)
        lines.append(f"v{index + 1} -> v{index + 2}: {counts or 'no units'}")
    lines.append("")
    if markdown:
        lines += ["| " + " | ".join(f"v{c + 1}" for c in columns) + " |"]
        lines += ["|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(esc(cell) for cell in row) + " |" for row in table]
    else:
        widths = [
            max([len(f"v{c + 1}")] + [len(row[i]) for row in table]) for i, c in enumerate(columns)
        ]
        heads = (f"v{c + 1}".ljust(w) for c, w in zip(columns, widths, strict=True))
        lines.append("  ".join(heads).rstrip())
        for row in table:
            cells = (esc(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            lines.append("  ".join(cells).rstrip())
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
