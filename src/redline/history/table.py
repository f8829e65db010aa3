"""HTML synoptic table of a history: one column per version, one row per provision.

Lays out the rows of `redline.history.synoptic` as one self-contained page (inline CSS,
a Content-Security-Policy that forbids every load, no script). Rows follow the last
version, deleted provisions where they stood; each cell is marked against the column
before it. Guarantees: every character of the drafts is element text or an attribute
value (lxml escapes it); the page parses as XML and as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

from lxml import etree

from redline.changes import Op, WordOp
from redline.history.synoptic import LINE, Cell, Row, Synopsis
from redline.history.values import History, Lineage, Version
from redline.model import shown_date
from redline.renderers.html.words import Element, clean

POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
TAGS = {Op.EQUAL: "", Op.DELETE: "del", Op.INSERT: "ins"}


def row_id(key: str) -> str:
    """The id of a lineage's row (``h-art_5``, ``h-v2-art_13``).

    >>> row_id("v2:art_13")
    'h-v2-art_13'
    """
    return f"h-{key}".replace(":", "-")


def stylesheet() -> str:
    """The table's CSS (screen and print)."""
    return resources.files("redline.history").joinpath("assets/synoptic.css").read_text("utf-8")


def _sub(parent: Element, tag: str, text: str = "", **attrs: str) -> Element:
    element = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    element.text = clean(text) if text else None
    element.tail = "\n" if tag in ("tr", "td", "th", "div", "p", "table", "h2") else None
    return element


def _add(parent: Element, tag: str, text: str) -> None:
    """Append `text` to `parent`'s content, inside `tag` unless `tag` is ""."""
    if not text:
        return
    if tag:
        _sub(parent, tag, text)
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + clean(text)
    else:
        parent.text = (parent.text or "") + clean(text)


def _lines(cell_element: Element, ops: tuple[WordOp, ...]) -> None:
    """The operations as one ``div`` per line: a line break of either version starts a
    new line, so deleted and inserted sub-units keep lines of their own."""
    line = _sub(cell_element, "div", class_="rl-line")
    for op in ops:
        text = op.new if op.op is Op.INSERT else op.old if op.op is Op.DELETE else op.new
        for position, piece in enumerate(text.split(LINE)):
            if position:
                line = _sub(cell_element, "div", class_="rl-line")
            _add(line, TAGS[op.op], piece)


def _cell(tr: Element, cell: Cell, first: bool) -> None:
    td = _sub(tr, "td", class_="rl-cell" if cell.sides else "rl-cell rl-absent")
    if not cell.sides and not cell.ops:
        return
    head = _sub(td, "div", class_="rl-cell-head")
    label = " + ".join(side.label for side in cell.sides)
    if label:
        _add(head, "", label)
    if cell.kind is not None and not first:
        _add(head, "", " ")
        _sub(head, "span", cell.kind.value, class_=f"rl-kind rl-k-{cell.kind.value}")
    if cell.was:
        _add(head, "", " ")
        _sub(head, "span", f"(was {cell.was})", class_="rl-was")
    for note in cell.moves:
        _sub(td, "div", note, class_="rl-moves")
    _lines(td, cell.ops)


def _versions(body: Element, versions: Sequence[Version]) -> None:
    _sub(body, "h2", "Versions")
    table = _sub(body, "table", class_="rl-versions")
    row = _sub(table, "tr")
    for text in ("", "Version", "Date", "Title", "Input"):
        _sub(row, "th", text)
    for version in versions:
        row = _sub(table, "tr")
        meta = version.meta
        for text in (
            f"v{version.index + 1}",
            meta.version_label,
            shown_date(meta.date),
            meta.title,
        ):
            _sub(row, "td", text)
        _sub(row, "td", version.source)


def _steps(body: Element, history: History) -> None:
    _sub(body, "h2", "Changes between consecutive versions")
    table = _sub(body, "table", class_="rl-steps")
    kinds = list(history.comparisons[0].counts())
    row = _sub(table, "tr")
    for text in ("step", *kinds):
        _sub(row, "th", text)
    for index, comparison in enumerate(history.comparisons):
        row = _sub(table, "tr")
        _sub(row, "td", f"v{index + 1} → v{index + 2}")
        for value in comparison.counts().values():
            _sub(row, "td", str(value))


def _table(body: Element, history: History, columns: Sequence[int], rows: list[Row]) -> None:
    table = _sub(body, "table", class_="rl-synoptic")
    head = _sub(_sub(table, "thead"), "tr")
    for column in columns:
        _sub(head, "th", history.versions[column].name)
    tbody = _sub(table, "tbody")
    for row in rows:
        tr = _sub(tbody, "tr", id=row_id(row.lineage.key))
        for position, cell in enumerate(row.cells):
            _cell(tr, cell, position == 0)


def build_table(
    history: History, columns: Sequence[int], lineages: Sequence[Lineage] | None = None
) -> Element:
    """The synoptic page as an lxml tree: `columns` are version indices, in order;
    `lineages` default to every top-level provision."""
    chosen = [lin for lin in history.lineages if lin.top] if lineages is None else lineages
    rows = Synopsis(history, columns).rows(chosen)
    html = etree.Element("html", lang="en")
    head = _sub(html, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", http_equiv="Content-Security-Policy", content=POLICY)
    title = f"History: {history.versions[-1].meta.title}"
    _sub(head, "title", title)
    _sub(head, "style", stylesheet())
    body = _sub(html, "body")
    cover = _sub(body, "div", class_="rl-cover")
    _sub(cover, "h1", title)
    _versions(cover, history.versions)
    _steps(cover, history)
    legend = _sub(cover, "p", class_="rl-legend")
    _add(legend, "", "Each cell is marked against the column before it: ")
    _add(legend, "del", "deleted text struck through")
    _add(legend, "", ", ")
    _add(legend, "ins", "inserted text underlined")
    _add(legend, "", f". {len(rows)} provisions, in the order of the last column.")
    _table(body, history, columns, rows)
    return html


def serialize(html: Element) -> bytes:
    """The page as bytes that parse both as XML and as HTML."""
    for element in html.iter():
        if element.tag != "meta" and element.text is None and not len(element):
            element.text = ""
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="xml", encoding="utf-8")


def render_history_html(
    history: History, columns: Sequence[int], lineages: Sequence[Lineage] | None = None
) -> bytes:
    """The synoptic table as a self-contained HTML page."""
    return serialize(build_table(history, columns, lineages))
