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

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from lxml import etree

from redline.changes import Op
from redline.history.synoptic import LINE, Cell, Synopsis
from redline.history.values import History, Lineage
from redline.renderers.docx import package
from redline.renderers.docx.ooxml import NSMAP, Element, clean, make_runs, sub, w
from redline.renderers.docx.render import PAPER
from redline.renderers.docx.styles import styles_xml

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
    grid = _grid(body, widths)
    header = sub(grid, "tr")
    sub(sub(header, "trPr"), "tblHeader")
    for column, cell_width in zip(columns, widths, strict=True):
        _cell_text(header, cell_width, history.versions[column].name, bold=True)
    for row in rows:
        tr = sub(grid, "tr")
        for position, (cell, cell_width) in enumerate(zip(row.cells, widths, strict=True)):
            _cell(tr, cell_width, cell, first=position == 0)
    sub(body, "p")
    section = sub(body, "sectPr")
    sub(section, "pgSz", w=str(width), h=str(height), orient="landscape")
    sub(section, "pgMar", top=str(margin), right=str(margin), bottom=str(margin),
        left=str(margin), header="708", footer="708", gutter="0")  # fmt: skip
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip(xml, title)


def _grid(body: Element, widths: list[int]) -> Element:
    grid = sub(body, "tbl")
    properties = sub(grid, "tblPr")
    sub(properties, "tblStyle", val="TableGrid")
    sub(properties, "tblW", w=str(sum(widths)), type="dxa")
    sub(properties, "tblLayout", type="fixed")
    columns = sub(grid, "tblGrid")
    for width in widths:
        sub(columns, "gridCol", w=str(width))
    return grid


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


def _zip(document: bytes, title: str) -> bytes:
    """The package: the Word redline's fixed parts around `document`."""
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(clean(title))}</dc:title>"
        "<dc:creator>redline</dc:creator></cp:coreProperties>"
    ).encode()
    parts = {
        "[Content_Types].xml": package.CONTENT_TYPES.encode("utf-8"),
        "_rels/.rels": package.PACKAGE_RELS.encode("utf-8"),
        "word/document.xml": document,
        "word/_rels/document.xml.rels": package.DOCUMENT_RELS.encode("utf-8"),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": package.SETTINGS.encode("utf-8").replace(b"<w:trackRevisions/>", b""),
        "word/footnotes.xml": package.footnotes_xml([]),
        "docProps/core.xml": core,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()
