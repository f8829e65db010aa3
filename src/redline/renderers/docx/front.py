"""The first page of the redline .docx: both versions, the counts, the correspondence.

Written before the redlined text, as plain (untracked) paragraphs and a table, so a
reader sees what changed before reading how. Guarantees: nothing here is a revision,
and the redlined text starts on a new page with the ``DocumentTitle`` paragraph, right
after the bookmark `BODY_BOOKMARK` (what a program reading the file looks for).
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.changes import ChangeKind, Comparison
from redline.comparison.sanity import sanity_warnings
from redline.model import Metadata, shown_date
from redline.renderers.docx.ooxml import Element, Revisions, add_text, paragraph, sub

BODY_BOOKMARK = "redline_text"
"""The bookmark at the start of the redlined text."""


def _version(meta: Metadata) -> str:
    detail = ", ".join(part for part in (shown_date(meta.date), meta.version_label) if part)
    return f"{meta.title} ({detail})" if detail else meta.title


def _cell(row: Element, text: str, width: int, revisions: Revisions, bold: bool = False) -> None:
    cell = sub(row, "tc")
    sub(sub(cell, "tcPr"), "tcW", w=str(width), type="dxa")
    para = paragraph(cell, "TableText", "", revisions)
    add_text(para, text, "", revisions, style="Strong" if bold else "")


def grid(body: Element, widths: Sequence[int]) -> Element:
    """An empty bordered table of fixed column `widths` (twentieths of a point)."""
    table_element = sub(body, "tbl")
    properties = sub(table_element, "tblPr")
    sub(properties, "tblStyle", val="TableGrid")
    sub(properties, "tblW", w=str(sum(widths)), type="dxa")
    sub(properties, "tblLayout", type="fixed")
    columns = sub(table_element, "tblGrid")
    for width in widths:
        sub(columns, "gridCol", w=str(width))
    return table_element


def table(
    body: Element, rows: list[tuple[str, ...]], widths: tuple[int, ...], rev: Revisions
) -> None:
    """A bordered table; the first row is a header repeated on every page."""
    grid_element = grid(body, widths)
    for index, cells in enumerate(rows):
        row = sub(grid_element, "tr")
        if index == 0:
            sub(sub(row, "trPr"), "tblHeader")
        for text, width in zip(cells, widths, strict=True):
            _cell(row, text, width, rev, bold=index == 0)


def add_front(body: Element, comparison: Comparison, width: int, revisions: Revisions) -> None:
    """The summary page: versions, counts by kind, the warnings (`sanity_warnings`: the
    readers' notes among them), and the correspondence table."""
    add_text(paragraph(body, "Title", "", revisions), "Comparison of two versions", "", revisions)
    for label, meta in (("Old", comparison.old), ("New", comparison.new)):
        para = paragraph(body, "Summary", "", revisions)
        add_text(para, f"{label}: {_version(meta)}", "", revisions)
    counts = comparison.counts()
    said = ", ".join(f"{counts[k.value]} {k.value}" for k in ChangeKind if counts[k.value])
    summary = paragraph(body, "Summary", "", revisions)
    add_text(summary, f"Changes: {said or 'none'}.", "", revisions)
    for warning in sanity_warnings(comparison):  # what to know before trusting it
        add_text(paragraph(body, "Summary", "", revisions), f"Warning: {warning}", "", revisions)
    legend = paragraph(body, "Summary", "", revisions)
    add_text(
        legend,
        "The text that follows shows every change as a tracked change (Review > Accept All"
        " gives the new version, Reject All the old one); moved provisions are Word moves.",
        "",
        revisions,
    )
    rows: list[tuple[str, ...]] = [("Old", "New", "Change")]
    for change in comparison.correspondence:
        old = ", ".join(side.label for side in change.old) or "—"
        new = ", ".join(side.label for side in change.new) or "—"
        rows.append((old, new, change.kind.value))
    table(body, rows, (width * 2 // 5, width * 2 // 5, width - width * 4 // 5), revisions)
