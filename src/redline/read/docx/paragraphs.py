"""The body of a Word document as lines of text: the middle step of the .docx reader.

`read_body` walks ``w:body`` in order — paragraphs, tables (one line per row, cells
joined by tabs), content controls — and gives each paragraph one line: its Word
number resolved to the printed label (`numbering`), a space, then its text. Runs give
their text, tabs, breaks and non-breaking hyphens; field codes are not text; tracked
changes are taken as accepted or rejected, as asked (a deleted paragraph mark joins
the paragraph to the next); a redline .docx is read from its text on, without its
summary page. Each footnote reference becomes `NOTE_MARK`, glued where
it stood, and its number or custom mark is recorded in order. Guarantees: every word
of the body's text is in the lines; text this reader cannot place (text boxes) is
counted and named in a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from redline.read.docx.numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NOTE_MARK = "\ue000"
"""Stands in the text for a footnote reference until the notes are attached (a
private-use character: no draft contains it, and every importer keeps it as a word
character)."""

_ACCEPTED = {"accept": ("ins", "moveTo"), "reject": ("del", "moveFrom")}
_DROPPED = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}
_CONTAINERS = ("hyperlink", "smartTag", "sdtContent", "fldSimple", "customXml", "bdo", "dir")


@dataclass(frozen=True, slots=True)
class Reference:
    """A footnote reference: the footnote's id and the mark printed for it."""

    note_id: str
    mark: str


@dataclass
class Body:
    """What the body yields: lines of text, footnote references, and what was skipped."""

    lines: list[str] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    """The paragraph (1-based, tables' rows counted) each line starts in."""
    references: list[Reference] = field(default_factory=list)
    revisions: int = 0
    """Tracked insertions, deletions and moves found."""
    first_revision: int = 0
    """The paragraph (1-based) holding the first of them."""
    skipped: list[str] = field(default_factory=list)
    paragraph: int = 0


@dataclass
class Reader:
    """Reads one document's body with its numbering and styles."""

    numbering: Numbering
    style_numbers: dict[str, tuple[str, int]]
    """Paragraph style id -> (numId, ilvl) the style numbers with."""
    revisions: str
    """``accept``, ``reject`` or ``""`` (count them only)."""
    body: Body = field(default_factory=Body)
    pending: str = ""
    """A paragraph whose mark was deleted, waiting to be joined to the next."""
    pending_place: int = 0

    def read(self, root: etree._Element) -> Body:
        body = root.find(f"{W}body")
        if body is not None:
            start = _redline_start(body)
            for skipped in list(body)[:start]:  # the summary page: counted, not read
                tag = etree.QName(skipped).localname
                self.body.paragraph += len(skipped.findall(f"{W}tr")) if tag == "tbl" else 1
            self._blocks(body, start)
        if self.pending:
            self._line(self.pending, self.pending_place)
        return self.body

    def _line(self, text: str, place: int) -> None:
        self.body.lines.append(text)
        self.body.places.append(place)

    def _blocks(self, parent: etree._Element, start: int = 0) -> None:
        for child in list(parent)[start:]:
            tag = etree.QName(child).localname
            if tag == "p":
                self._paragraph(child)
            elif tag == "tbl":
                self._table(child)
            elif tag in ("sdt", "sdtContent", "customXml"):
                inner = child.find(f"{W}sdtContent") if tag == "sdt" else child
                if inner is not None:
                    self._blocks(inner)

    def _table(self, table: etree._Element) -> None:
        for row in table.iter(f"{W}tr"):
            cells = []
            for cell in row.iter(f"{W}tc"):
                texts = [self.text_of(p) for p in cell.iter(f"{W}p")]
                cells.append(" ".join(text for text in texts if text))
            line = "\t".join(cell for cell in cells if cell)
            self.body.paragraph += 1
            if line:
                self._line(line, self.body.paragraph)

    def _paragraph(self, paragraph: etree._Element) -> None:
        self.body.paragraph += 1
        words = self.text_of(paragraph)
        label = self._label(paragraph)
        text = label + words if words else label.rstrip()
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        joined = False
        if mark is not None:
            for kind in ("ins", "del", "moveFrom", "moveTo"):
                if mark.find(f"{W}{kind}") is not None:
                    self._count()
                    joined = self.revisions != "" and kind in _DROPPED[self.revisions]
        place = self.pending_place if self.pending else self.body.paragraph
        text = self.pending + text
        if joined:
            self.pending, self.pending_place = text, place
            return
        self.pending = ""
        if text.strip():
            self._line(text, place)

    def _label(self, paragraph: etree._Element) -> str:
        properties = paragraph.find(f"{W}pPr")
        num_id, ilvl = "", 0
        if properties is not None:
            style = properties.find(f"{W}pStyle")
            if style is not None:
                num_id, ilvl = self.style_numbers.get(style.get(f"{W}val", ""), ("", 0))
            numbers = properties.find(f"{W}numPr")
            if numbers is not None:
                level, instance = numbers.find(f"{W}ilvl"), numbers.find(f"{W}numId")
                if instance is not None:
                    num_id = instance.get(f"{W}val", "")
                if level is not None:
                    ilvl = int(level.get(f"{W}val", "0") or 0)
        if not num_id or num_id == "0":
            return ""
        label, suffix = self.numbering.label(num_id, ilvl)
        if not label:
            return ""
        return label + ("" if suffix == "nothing" else " ")

    def _count(self) -> None:
        self.body.revisions += 1
        if not self.body.first_revision:
            self.body.first_revision = self.body.paragraph

    def text_of(self, parent: etree._Element) -> str:
        """The text of a paragraph's runs (or of a revision or link inside one)."""
        pieces: list[str] = []
        custom = False
        for child in parent:
            tag = etree.QName(child).localname
            if tag == "r":
                custom = self._run(child, pieces, custom)
            elif tag in ("ins", "del", "moveFrom", "moveTo"):
                self._count()
                if self.revisions and tag in _ACCEPTED[self.revisions]:
                    pieces.append(self.text_of(child))
            elif tag in _CONTAINERS:
                pieces.append(self.text_of(child))
        return "".join(pieces)

    def _run(self, run: etree._Element, pieces: list[str], custom: bool) -> bool:
        """Add a run's text to `pieces`; True when a custom footnote mark follows."""
        for child in run:
            tag = etree.QName(child).localname
            if tag in ("t", "delText"):
                text = child.text or ""
                if custom:
                    self.body.references[-1] = Reference(self.body.references[-1].note_id, text)
                    custom = False
                    continue
                pieces.append(text)
            elif tag == "tab":
                pieces.append("\t")
            elif tag in ("br", "cr"):
                pieces.append("\n")
            elif tag == "noBreakHyphen":
                pieces.append("\u2011")
            elif tag == "footnoteReference":
                number = str(len(self.body.references) + 1)
                self.body.references.append(Reference(child.get(f"{W}id", ""), number))
                pieces.append(NOTE_MARK)
                custom = child.get(f"{W}customMarkFollows") in ("1", "true", "on")
            elif tag in ("drawing", "pict", "object") and _words(child):
                words = _words(child)
                self.body.skipped.append(
                    f"paragraph {self.body.paragraph}: {words} words in a text box or drawing"
                )
        return custom


def _words(element: etree._Element) -> int:
    """How many words the text elements inside `element` hold."""
    return sum(len((e.text or "").split()) for e in element.iter(f"{W}t"))


REDLINE_TEXT = "redline_text"
"""The bookmark where a redline .docx written by redline starts its text (after the
summary page)."""


def _redline_start(body: etree._Element) -> int:
    """Where the text starts: after the summary page of a redline .docx, else at 0."""
    for index, child in enumerate(body):
        for mark in child.iter(f"{W}bookmarkStart"):
            if mark.get(f"{W}name") == REDLINE_TEXT:
                return index
    return 0
