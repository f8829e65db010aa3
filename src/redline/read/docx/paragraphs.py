"""The body of a Word document as lines of text: the middle step of the .docx reader.

`Reader.read` walks ``w:body`` in order — paragraphs, tables (one line per row, cells
joined by tabs, a nested table's rows inside its cell), content controls, custom XML
and alternate content (one branch, `markup.choose`), at block level and inside
paragraphs — and gives each paragraph one line: its Word number resolved to the
printed label (`numbering`), a space, then its text. Runs give their text, tabs,
breaks and non-breaking hyphens; field codes are not text; tracked changes are taken
as accepted or rejected, as asked (a deleted paragraph mark joins the paragraph to the
next); a redline .docx is read from its text on, without its summary page. Each
footnote or endnote reference becomes a mark of its own (`redline.read.notemarks`),
glued where it stood, and its number (endnotes apart, in their own format) or custom
mark is recorded in order. Guarantees: every word of the body's text is in the lines
once; words this reader cannot place (text boxes, equations, embedded documents, any
markup it does not know) are counted and named in a warning with their paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree

from redline.read.docx.markup import (
    MC,
    WRAPPERS,
    W,
    children,
    choose,
    counted,
    graphic,
    inner,
    name,
    words,
)
from redline.read.docx.numbering import Numbering, format_number
from redline.read.notemarks import mark as note_mark

_ACCEPTED = {"accept": ("ins", "moveTo"), "reject": ("del", "moveFrom")}
_DROPPED = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}
_CONTAINERS = ("hyperlink", "smartTag", "sdtContent", "fldSimple", "customXml", "bdo", "dir")
_REVISIONS = ("ins", "del", "moveFrom", "moveTo")
#: What an element holding no word may still carry that is lost unread: another part's
#: document (named in a warning even without words of its own).
_EMBEDDED = frozenset({f"{W}altChunk", f"{W}subDoc"})


@dataclass(frozen=True, slots=True)
class Reference:
    """A footnote or endnote reference: the note's id and the mark printed for it."""

    note_id: str
    mark: str
    kind: str = "footnote"
    """``footnote`` or ``endnote``: the part that holds the note."""
    paragraph: int = 0
    """The paragraph (1-based) the reference stands in."""


@dataclass
class Body:
    """What the body yields: lines of text, footnote references, and what was skipped."""

    lines: list[str] = field(default_factory=list)
    """The text of each paragraph, ``""`` for an empty one."""
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
    endnote_format: str = "lowerRoman"
    """How endnote marks are numbered (``w:endnotePr``; Word's default is i, ii, iii)."""
    note: str = ""
    """For a note's reader, the place its warnings name (``footnote 2, paragraph 7``)."""

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

    def _skip(self, what: str, where: str = "") -> None:
        place = self.note or f"{where or 'paragraph'} {self.body.paragraph}"
        self.body.skipped.append(f"{place}: {what}")

    def _blocks(self, parent: etree._Element, start: int = 0) -> None:
        for child in list(parent)[start:]:
            tag = etree.QName(child).localname
            if tag == "p":
                self._paragraph(child)
            elif tag == "tbl":
                self._table(child)
            elif tag in WRAPPERS or child.tag == f"{MC}AlternateContent":
                content = inner(child)
                if content is not None:
                    self._blocks(content)
            elif child.tag in _EMBEDDED:
                self._skip(f"{name(child)}, its text in another part,", "after paragraph")
            elif words(child):
                self._skip(f"{counted(words(child))} in {name(child)}", "after paragraph")

    def _table(self, table: etree._Element) -> None:
        for row in children(table, "tr"):
            self.body.paragraph += 1
            if self._row_dropped(row):
                continue
            line = "\t".join(text for cell in children(row, "tc") if (text := self._cell(cell)))
            if line:
                self._line(line, self.body.paragraph)

    def _row_dropped(self, row: etree._Element) -> bool:
        """Count a row's own tracked insertion or deletion; True when the revisions as
        taken drop the row (its runs may carry no revision of their own)."""
        dropped = False
        for kind in ("ins", "del"):
            if row.find(f"{W}trPr/{W}{kind}") is not None:
                self._count()
                dropped = dropped or (self.revisions != "" and kind in _DROPPED[self.revisions])
        return dropped

    def _cell(self, cell: etree._Element) -> str:
        """A cell's text: its paragraphs, and the rows of a table nested in it, joined by
        spaces (each word once: a nested table is not read again as rows of its own)."""
        texts = []
        for child in children(cell, "p", "tbl"):
            if etree.QName(child).localname == "p":
                own = self.text_of(child)
                label = self._label(child)  # numbered in a cell too: Word counts it
                texts.append(label + own if own else label.rstrip())
            else:
                rows = children(child, "tr")
                texts += [" ".join(self._cell(c) for c in children(r, "tc")) for r in rows]
        return " ".join(text for text in texts if text)

    def _paragraph(self, paragraph: etree._Element) -> None:
        self.body.paragraph += 1
        own = self.text_of(paragraph)
        label = self._label(paragraph)
        text = label + own if own else label.rstrip()
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        joined = False
        if mark is not None:
            for kind in _REVISIONS:
                if mark.find(f"{W}{kind}") is not None:
                    self._count()
                    joined = self.revisions != "" and kind in _DROPPED[self.revisions]
        place = self.pending_place if self.pending else self.body.paragraph
        text = self.pending + text
        if joined:
            self.pending, self.pending_place = text, place
            return
        self.pending = ""
        self._line(text, place)  # an empty one may part blocks, spaces break a page

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
        """The text of a paragraph's runs (or of a revision, link, content control or
        choice of alternate content inside one); words in anything else are warned about."""
        pieces: list[str] = []
        custom = False
        for child in parent:
            tag = etree.QName(child).localname
            if tag == "r":
                custom = self._run(child, pieces, custom)
            elif tag in _REVISIONS:
                self._count()
                if self.revisions and tag in _ACCEPTED[self.revisions]:
                    pieces.append(self.text_of(child))
            elif tag in _CONTAINERS or tag == "sdt" or child.tag == f"{MC}AlternateContent":
                content = inner(child)
                if content is not None:
                    pieces.append(self.text_of(content))
            elif words(child):
                self._skip(f"{counted(words(child))} in {name(child)}")
        return "".join(pieces)

    def _run(self, run: etree._Element, pieces: list[str], custom: bool) -> bool:
        """Add a run's text to `pieces`; True when a custom note mark follows."""
        for child in run:
            tag = etree.QName(child).localname
            if tag in ("t", "delText"):
                text = child.text or ""
                if custom:
                    self.body.references[-1] = replace(self.body.references[-1], mark=text)
                    custom = False
                    continue
                pieces.append(text)
            elif tag in ("tab", "ptab"):
                pieces.append("\t")
            elif tag in ("br", "cr"):
                pieces.append("\n")
            elif tag == "noBreakHyphen":
                pieces.append("\u2011")
            elif tag in ("footnoteReference", "endnoteReference"):
                pieces.append(self._reference(child, tag.removesuffix("Reference")))
                custom = child.get(f"{W}customMarkFollows") in ("1", "true", "on")
            elif child.tag == f"{MC}AlternateContent":
                branch = choose(child)
                if branch is not None:
                    custom = self._run(branch, pieces, custom)
            elif tag in ("drawing", "pict", "object") and words(child):
                self._skip(f"{counted(words(child))} in a text box or drawing")
            elif tag == "drawing" and (kind := graphic(child)):
                self._skip(f"a {kind}, its text (if any) in another part,")
            elif tag == "sym":
                self._skip(f"a symbol character (w:sym, U+{child.get(f'{W}char', '?')})")
            elif words(child):
                self._skip(f"{counted(words(child))} in {name(child)}")
        return custom

    def _reference(self, element: etree._Element, kind: str) -> str:
        """Record a note reference with the number Word prints for it (footnotes and
        endnotes are numbered apart, endnotes in `endnote_format`); its mark (the reader
        refuses a document with more references than there are marks)."""
        number = 1 + sum(1 for reference in self.body.references if reference.kind == kind)
        mark = str(number) if kind == "footnote" else format_number(number, self.endnote_format)
        note_id = element.get(f"{W}id", "")
        self.body.references.append(Reference(note_id, mark, kind, self.body.paragraph))
        return note_mark(len(self.body.references) - 1)


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
