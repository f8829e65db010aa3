"""The synoptic table as a Word document: one column per version, one row per provision.

The same rows as the HTML/PDF table (`redline.history.synoptic`), laid out as a Word
table on landscape pages whose header row repeats on every page. Each cell is marked
against the column before with character styles (struck and red for deleted words,
underlined and blue for inserted ones): a synoptic table compares several versions at
once, so there is no single revision to accept. Guarantees: the package is the one the
Word redline writes (`redline.renderers.docx`): styles, settings, an empty footnotes
part; in every cell, its words without the struck ones are the provision's text in that
column's version.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from redline.changes import Op
from redline.history.synoptic import LINE, Cell, Synopsis
from redline.history.values import History, Lineage
from redline.renderers.docx import package
from redline.renderers.docx.front import grid
from redline.renderers.docx.margins import footer_xml, header_xml, refer_to_margins, short_title
from redline.renderers.docx.ooxml import NSMAP, Element, make_runs, sub, w
from redline.renderers.docx.render import PAPER

#: Character style of each word operation in a cell.
STYLES = {Op.EQUAL: "", Op.DELETE: "Deleted", Op.INSERT: "Inserted"}


def render_history_docx(
    history: History,
    columns: Sequence[int],
    lineages: Sequence[Lineage] | None = None,
    paper: str = "a4",
) -> bytes:
    """The synoptic table of `columns` (version indices) as a .docx package."""
    height, width, margin = PAPER.get(paper, PAPER["a4"])  # landscape: width and height swap
    chosen = [lin for lin in history.lineages if lin.top] if lineages is None else lineages
    rows = Synopsis(history, columns).rows(chosen)
    document = etree.Element(w("document"), nsmap=NSMAP)
    body = sub(document, "body")
    title = f"History: {history.versions[-1].meta.title}"
    _text(body, "Title", title)
    for number, version in enumerate(history.versions, start=1):
        _text(body, "Summary", f"{number}. {version.name}")
    _text(body, "Summary", "Each cell is marked against the column before it.")
    usable = width - 2 * margin
    widths = [usable // len(columns)] * len(columns)
    table = grid(body, widths)
    header = sub(table, "tr")
    sub(sub(header, "trPr"), "tblHeader")
    for column, cell_width in zip(columns, widths, strict=True):
        _cell_text(header, cell_width, history.versions[column].name, bold=True)
    for row in rows:
        tr = sub(table, "tr")
        for position, (cell, cell_width) in enumerate(zip(row.cells, widths, strict=True)):
            _cell(tr, cell_width, cell, first=position == 0)
    sub(body, "p")
    section = sub(body, "sectPr")
    refer_to_margins(section)
    sub(section, "pgSz", w=str(width), h=str(height), orient="landscape")
    sub(section, "pgMar", top=str(margin), right=str(margin), bottom=str(margin),
        left=str(margin), header="708", footer="708", gutter="0")  # fmt: skip
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    # A synoptic table is no redline: nothing to track, no revision to accept.
    running = (
        f"History: {short_title(history.versions[-1].meta.title)}, {len(history.versions)} versions"
    )
    margins = (header_xml(running), footer_xml())
    core = package.core_xml(title, category=package.CATEGORIES["history"])
    return package.zipped(package.parts(xml, [], core, track=False, margins=margins))


def _text(parent: Element, style: str, text: str, bold: bool = False) -> Element:
    para = sub(parent, "p")
    sub(sub(para, "pPr"), "pStyle", val=style)
    para.extend(make_runs(text, style="Strong" if bold else ""))
    return para


def _new_cell(tr: Element, width: int) -> Element:
    cell = sub(tr, "tc")
    sub(sub(cell, "tcPr"), "tcW", w=str(width), type="dxa")
    return cell


def _cell_text(tr: Element, width: int, text: str, bold: bool = False) -> None:
    _text(_new_cell(tr, width), "TableText", text, bold)


def _cell(tr: Element, width: int, cell: Cell, first: bool) -> None:
    """The label (with the change and an earlier label), moves, then the marked lines."""
    element = _new_cell(tr, width)
    head = " + ".join(side.label for side in cell.sides)
    if cell.kind is not None and not first:
        head += f" — {cell.kind.value}"
    if cell.was:
        head += f" (was {cell.was})"
    _text(element, "TableText", head.strip(" —") or " ", bold=True)
    for note in cell.moves:
        _text(element, "TableText", note)
    para = _text(element, "TableText", "")
    for op in cell.ops:
        text = op.old if op.op is Op.DELETE else op.new
        for position, piece in enumerate(text.split(LINE)):
            if position:
                para = _text(element, "TableText", "")
            para.extend(make_runs(piece, style=STYLES[op.op]))
