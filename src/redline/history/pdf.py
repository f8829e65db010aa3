"""PDF synoptic table: the HTML table laid out on landscape pages by WeasyPrint.

Guarantees: the renderer fetches nothing (the refusing URL fetcher of
`redline.renderers.pdf`); the table's header row repeats on every page; the PDF is
tagged and dated as a redline's is (`PDF_VARIANT`, `made_at`).
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.errors import UsageError
from redline.history.table import build_table, serialize
from redline.history.values import History, Lineage
from redline.renderers.pdf import PAPER, PDF_VARIANT, RefusingFetcher, made_at


def render_history_pdf(
    history: History,
    columns: Sequence[int],
    lineages: Sequence[Lineage] | None = None,
    paper: str = "a4",
) -> bytes:
    """The synoptic table as a PDF on landscape `paper` (``a4`` or ``letter``)."""
    if paper not in PAPER:
        raise UsageError(f"unknown paper size {paper!r}; expected one of a4, letter")
    from weasyprint import HTML  # imported by redline.renderers.pdf, with its warnings quieted

    page = serialize(build_table(history, columns, lineages)).decode("utf-8")
    page = page.replace("</style>", f"@page {{ size: {PAPER[paper]} landscape; }}</style>", 1)
    document = HTML(string=page, url_fetcher=RefusingFetcher()).render()
    document.metadata.created = document.metadata.modified = made_at()
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf
