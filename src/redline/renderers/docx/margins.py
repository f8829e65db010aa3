"""The running header and footer of a Word redline: which texts it compares, and the page.

Guarantees: the header names the new version's title (shortened to one line) and both
dates, so a printed page says what it belongs to; the footer prints "Page N of M" with
Word fields (PAGE, NUMPAGES) that every reader updates as it lays the pages out. Neither
carries a revision: Accept All and Reject All leave them as they are.
"""

from __future__ import annotations

from lxml import etree

from redline.changes import Comparison
from redline.model import UNKNOWN_DATE, shown_date
from redline.renderers import labels
from redline.renderers.docx.ooxml import NSMAP, R_NS, Element, make_runs, sub, w

#: The relationship ids of the running header and footer in the package.
HEADER_ID, FOOTER_ID = "rId4", "rId5"

#: Longest title the header prints whole, its ellipsis counted (a longer one is cut at a
#: word, with "…").
_TITLE_CHARS = 49


def short_title(title: str) -> str:
    """`title` on one line, cut at a word with "…" when longer than fits a header (the
    PDF's rule, `redline.renderers.labels.running_title`, at the header's width)."""
    return labels.running_title(title, _TITLE_CHARS)


def running_title(comparison: Comparison) -> str:
    """``Redline: {title}, {old date} → {new date}``, the title cut to fit one line;
    ``…, undated`` when neither version has a date (``undated → undated`` says nothing).

    >>> from redline.changes import CompareOptions, Comparison
    >>> from redline.model import UNKNOWN_DATE, Metadata
    >>> meta = Metadata("Act", "", "", "", date=UNKNOWN_DATE)
    >>> running_title(Comparison(meta, meta, CompareOptions(), (), (), ()))
    'Redline: Act, undated'
    """
    title = short_title(comparison.new.title)
    old, new = shown_date(comparison.old.date), shown_date(comparison.new.date)
    dates = old if old == new == shown_date(UNKNOWN_DATE) else f"{old} → {new}"
    return f"Redline: {title}, {dates}"


def refer_to_margins(section: Element) -> None:
    """Make `section` (a new ``w:sectPr``) use the package's header and footer."""
    for kind, rid in (("header", HEADER_ID), ("footer", FOOTER_ID)):
        sub(section, f"{kind}Reference", type="default").set(f"{{{R_NS}}}id", rid)


def header_xml(text: str) -> bytes:
    """``word/header1.xml``: one centred line in small type."""
    root = etree.Element(w("hdr"), nsmap=NSMAP)
    _line(root).extend(make_runs(text))
    return _bytes(root)


def footer_xml() -> bytes:
    """``word/footer1.xml``: "Page N of M", N and M as fields."""
    root = etree.Element(w("ftr"), nsmap=NSMAP)
    line = _line(root)
    line.extend(make_runs("Page "))
    _field(line, "PAGE", "1")
    line.extend(make_runs(" of "))
    _field(line, "NUMPAGES", "1")
    return _bytes(root)


def _line(root: Element) -> Element:
    para = sub(root, "p")
    properties = sub(para, "pPr")
    sub(properties, "jc", val="center")
    sub(sub(properties, "rPr"), "sz", val="16")
    return para


def _field(para: Element, code: str, shown: str) -> None:
    """A simple field: Word and LibreOffice compute it, `shown` stands until they do."""
    sub(para, "fldSimple", instr=f" {code} ").extend(make_runs(shown))


def _bytes(root: Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
