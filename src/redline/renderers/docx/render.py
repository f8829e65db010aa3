"""The comparison as a Word document (.docx) whose tracked changes are the redline.

`render_docx` writes the first page (`front`), then the redlined text: inline as
tracked changes (`inline`, `words`), or side by side as a two-column table (`side`),
with the footnotes, and zips the package. Guarantees: a valid OOXML package (content
types, relationships, styles, settings with change tracking on, core properties naming
both versions); revision ids unique; A4 or US letter pages, each with a header naming
the texts compared and a "Page N of M" footer; in the inline layout,
Accept All gives the new version's text and Reject All the old one's.
"""

from __future__ import annotations

from lxml import etree

from redline.changes import Comparison
from redline.model import UNKNOWN_DATE
from redline.renderers import RenderOptions
from redline.renderers.docx import package
from redline.renderers.docx.front import BODY_BOOKMARK, add_front
from redline.renderers.docx.inline import Inline
from redline.renderers.docx.margins import (
    footer_xml,
    header_xml,
    refer_to_margins,
    running_title,
)
from redline.renderers.docx.marks import mark_emptied, shift_inserted_marks
from redline.renderers.docx.ooxml import NSMAP, Revisions, paragraph, sub, w
from redline.renderers.docx.words import Words
from redline.renderers.html.words import Mode, side_ops

#: Page width and height, and the margin, in twentieths of a point.
PAPER = {"a4": (11906, 16838, 1417), "letter": (12240, 15840, 1440)}


def render_docx(comparison: Comparison, options: RenderOptions) -> bytes:
    """The whole .docx package as bytes."""
    width, height, margin = PAPER.get(options.paper, PAPER["a4"])
    date = comparison.new.date  # an unknown date gives revisions none (w:date is optional)
    revisions = Revisions(options.author, "" if date == UNKNOWN_DATE else f"{date}T00:00:00Z")
    document = etree.Element(w("document"), nsmap=NSMAP)
    body = sub(document, "body")
    add_front(body, comparison, width - 2 * margin, revisions)
    words = Words(revisions, columns=options.layout == "side-by-side")
    _title(body, comparison, words)
    if words.columns:
        from redline.renderers.docx.side import write_side_by_side

        write_side_by_side(body, comparison, words, width - 2 * margin)
    else:
        Inline(words, body, comparison.tree).write(comparison.tree, comparison.components)
        mark_emptied(body, revisions)
        shift_inserted_marks(body)
    paragraph(body, "Normal", "", revisions)  # a last paragraph that no revision removes
    section = sub(body, "sectPr")
    refer_to_margins(section)
    sub(section, "pgSz", w=str(width), h=str(height))
    sub(section, "pgMar", top=str(margin), right=str(margin), bottom=str(margin),
        left=str(margin), header="708", footer="708", gutter="0")  # fmt: skip
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    margins = (header_xml(running_title(comparison)), footer_xml())
    core = package.redline_core(comparison, "side-by-side" if words.columns else "inline")
    return package.zipped(package.parts(xml, words.footnotes, core, margins=margins))


def _title(body: etree._Element, comparison: Comparison, words: Words) -> None:
    """The documents' titles, as a tracked change, after the bookmark that starts the text."""
    revisions = words.revisions
    title = paragraph(body, "DocumentTitle", "", revisions)
    mark = sub(title, "bookmarkStart", id=revisions.take(), name=BODY_BOOKMARK)
    sub(title, "bookmarkEnd", id=mark.get(w("id"), ""))
    words.text(title, side_ops(comparison.old.title, comparison.new.title), Mode.NORMAL)
