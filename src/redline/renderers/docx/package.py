"""The fixed parts of the .docx package around the document: content types,
relationships, settings, footnotes, the running header and footer, core properties.

Guarantees: every part the document refers to exists and is declared in
``[Content_Types].xml``; settings turn change tracking on (so a reader's own edits are
tracked too); the core properties name both versions; footnote ids -1 and 0 are the
separators Word expects, the notes count from 1.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from lxml import etree

from redline.changes import Comparison
from redline.model import shown_date
from redline.renderers.docx.margins import FOOTER_ID, HEADER_ID
from redline.renderers.docx.ooxml import NSMAP, Element, clean, sub, w
from redline.renderers.docx.styles import styles_xml

_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_MAIN}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_MAIN}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_MAIN}.settings+xml"/>'
    f'<Override PartName="/word/footnotes.xml" ContentType="{_MAIN}.footnotes+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)

PACKAGE_RELS = (
    _HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELS = (
    _HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/footnotes" Target="footnotes.xml"/>'
    "</Relationships>"
)

_MARGIN_TYPES = (
    f'<Override PartName="/word/header1.xml" ContentType="{_MAIN}.header+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_MAIN}.footer+xml"/>'
)
_MARGIN_RELS = (
    f'<Relationship Id="{HEADER_ID}" Type="{_REL}/header" Target="header1.xml"/>'
    f'<Relationship Id="{FOOTER_ID}" Type="{_REL}/footer" Target="footer1.xml"/>'
)

SETTINGS = (
    _HEAD + '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:trackRevisions/><w:defaultTabStop w:val="567"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    "</w:settings>"
)


def footnotes_xml(notes: list[Element]) -> bytes:
    """``word/footnotes.xml``: the two separators, then every note."""
    root = etree.Element(w("footnotes"), nsmap=NSMAP)
    for number, kind, mark in ((-1, "separator", "separator"),
                               (0, "continuationSeparator", "continuationSeparator")):  # fmt: skip
        footnote = sub(root, "footnote", type=kind, id=str(number))
        para = sub(footnote, "p")
        sub(sub(para, "pPr"), "spacing", after="0", line="240", lineRule="auto")
        sub(sub(para, "r"), mark)
    root.extend(notes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


#: The ``cp:category`` of what redline writes, by which the .docx reader knows a
#: document that holds two versions side by side (not one version to import).
CATEGORIES = {
    "inline": "redline, inline",
    "side-by-side": "redline, side-by-side",
    "history": "redline, history",
}


def core_xml(title: str, subject: str = "", category: str = "") -> bytes:
    """``docProps/core.xml``: the document's title, subject and category, redline its
    creator."""
    subject_xml = f"<dc:subject>{escape(clean(subject))}</dc:subject>" if subject else ""
    category_xml = f"<cp:category>{escape(category)}</cp:category>" if category else ""
    return (
        _HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(clean(title))}</dc:title>{subject_xml}"
        f"<dc:creator>redline</dc:creator>{category_xml}</cp:coreProperties>"
    ).encode("utf-8")


def redline_core(comparison: Comparison, layout: str = "inline") -> bytes:
    """The core properties of a redline: its title, the two versions it compares, and
    its layout as its category."""
    old = comparison.old
    new = shown_date(comparison.new.date)
    subject = f"Changes from {old.title} ({shown_date(old.date)}) to {new}"
    return core_xml(f"Redline: {comparison.new.title}", subject, CATEGORIES[layout])


def parts(
    document: bytes,
    notes: list[Element],
    core: bytes,
    track: bool = True,
    margins: tuple[bytes, bytes] | None = None,
) -> dict[str, bytes]:
    """Every part of the package by its name in the zip, in the order Word writes them;
    `track` turns change tracking on for the reader's own edits (a redline); `margins`
    are the header and footer parts (`redline.renderers.docx.margins`)."""
    settings = SETTINGS if track else SETTINGS.replace("<w:trackRevisions/>", "")
    types, relations = CONTENT_TYPES, DOCUMENT_RELS
    if margins:
        types = types.replace(
            '<Override PartName="/docProps', _MARGIN_TYPES + '<Override PartName="/docProps'
        )
        relations = relations.replace("</Relationships>", _MARGIN_RELS + "</Relationships>")
    package = {
        "[Content_Types].xml": types.encode("utf-8"),
        "_rels/.rels": PACKAGE_RELS.encode("utf-8"),
        "word/document.xml": document,
        "word/_rels/document.xml.rels": relations.encode("utf-8"),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings.encode("utf-8"),
        "word/footnotes.xml": footnotes_xml(notes),
    }
    if margins:
        package["word/header1.xml"], package["word/footer1.xml"] = margins
    package["docProps/core.xml"] = core
    return package


def zipped(package_parts: dict[str, bytes]) -> bytes:
    """The package as .docx bytes: deflated, every entry dated 1980 (the same input
    always gives the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package_parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
