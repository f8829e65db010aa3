"""Small Word drafts built with python-docx for the reader's tests, and the word count
that proves nothing was lost.

`Draft` adds paragraphs (plain, or with raw WordprocessingML appended after their
text) and footnote or endnote parts, and saves a real .docx. `docx_words` reads the
words a Word user sees straight from the saved XML, independently of the reader: every
``w:t`` of the body and of the referenced notes, taking the ``mc:Choice`` of alternate
content (as Word does) and leaving out field codes. `document_words` gives the words
of an imported `Document` (title, labels, headings, text, notes), so
``document_words(d) == docx_words(data) - skipped`` says no word was lost and none
was doubled, but for those the reader warned about.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from docx import Document as new_document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree

from redline.model import Document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:mc="{MC_NS}" xmlns:m="{M_NS}" xmlns:r="{R_NS}"'
_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
_RELATION = {"footnote": RELATIONSHIP_TYPE.FOOTNOTES, "endnote": RELATIONSHIP_TYPE.ENDNOTES}


def run(text: str) -> str:
    """A run of text, its spaces kept."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def reference(kind: str, note_id: int) -> str:
    """A run holding a footnote or endnote reference."""
    return f'<w:r><w:{kind}Reference w:id="{note_id}"/></w:r>'


class Draft:
    """A .docx being built: paragraphs in order, then notes."""

    def __init__(self) -> None:
        self.document = new_document()
        self.notes: dict[str, list[tuple[int, str]]] = {"footnote": [], "endnote": []}

    def add(self, text: str = "", xml: str = "", style: str | None = None) -> Draft:
        """A paragraph with `text`, then the run-level XML `xml` (namespaces added)."""
        paragraph = self.document.add_paragraph(text, style=style)
        for element in _fragments(xml):
            paragraph._p.append(element)
        return self

    def block(self, xml: str) -> Draft:
        """Block-level XML (a content control, alternate content) before the section end."""
        body = self.document.element.body
        for element in _fragments(xml):
            body.insert(len(body) - 1, element)
        return self

    def note(self, kind: str, note_id: int, text: str, xml: str = "") -> Draft:
        """A footnote or endnote with one paragraph of `text`, then the run-level `xml`."""
        self.notes[kind].append((note_id, run(" " + text) + xml))
        return self

    def save(self) -> bytes:
        for kind, notes in self.notes.items():
            if notes:
                self._part(kind, notes)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _part(self, kind: str, notes: list[tuple[int, str]]) -> None:
        separators = (
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f'</w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
        )
        bodies = "".join(
            f'<w:{kind} w:id="{note_id}"><w:p><w:r><w:{kind}Ref/></w:r>{content}</w:p></w:{kind}>'
            for note_id, content in notes
        )
        blob = f'<?xml version="1.0"?><w:{kind}s {NS}>{separators}{bodies}</w:{kind}s>'
        package = self.document.part.package
        part = Part(PackURI(f"/word/{kind}s.xml"), _PART.format(kind=kind), blob.encode(), package)
        self.document.part.relate_to(part, _RELATION[kind])


def element(xml: str) -> etree._Element:
    """One element of WordprocessingML (namespaces added)."""
    return _fragments(xml)[0]


def _fragments(xml: str) -> list[etree._Element]:
    if not xml:
        return []
    return list(parse_xml(f"<w:wrap {NS}>{xml}</w:wrap>"))


def docx_words(data: bytes) -> Counter[str]:
    """The words a reader of the .docx sees (see the module docstring)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        wanted = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
        parts = [archive.read(name) for name in wanted if name in names]
    words: Counter[str] = Counter()
    for part in parts:
        root = etree.fromstring(part)
        for text in root.iter(f"{{{W_NS}}}t", f"{{{M_NS}}}t"):
            if not any(a.tag == f"{{{MC_NS}}}Fallback" for a in text.iterancestors()):
                words.update((text.text or "").split())
    return words


def document_words(document: Document) -> Counter[str]:
    """The words of an imported document: title, labels, headings, text and notes."""
    words: Counter[str] = Counter(document.meta.title.split())
    for unit in document.every_unit():
        words.update(f"{unit.num} {unit.heading} {unit.text}".split())
        for note in unit.notes:
            words.update(note.text.split())
    return words
