"""Footnotes and endnotes of a Word draft: their texts, then attached at their marks.

The last step of the .docx reader. `note_texts` reads the note each reference names
(from footnotes.xml or endnotes.xml); `attach_notes` puts each note where its own mark
(`redline.read.notemarks`) landed in the imported document. Guarantees: each note is
attached to its own reference, at the offset of its mark in a unit's text; a mark in
the title, a number or a heading is anchored at the start of the next text, and a
mark in text the importer skipped (or with no text after it) leaves its note out;
both are warned about, naming the file, the note and the paragraph of its reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree

from redline.akn.naming import make_eid, uniquify
from redline.errors import InputError
from redline.model import Document, Note, Unit
from redline.read.docx.markup import W, counted
from redline.read.docx.numbering import Numbering
from redline.read.docx.package import Package
from redline.read.docx.paragraphs import Reader, Reference
from redline.read.notemarks import MARKS, index, strip


def note_texts(
    package: Package, references: list[Reference], source: str, revisions: str
) -> tuple[list[Note], int, list[str]]:
    """A note (without its place yet) for each reference, in order of the references,
    how many tracked changes the referenced notes hold, and what in them was not read."""
    parts = {"footnote": package.footnotes, "endnote": package.endnotes}
    found = {
        (kind, note.get(f"{W}id", "")): note
        for kind, part in parts.items()
        for note in (part.iter(f"{W}{kind}") if part is not None else ())
    }
    notes, tracked, unread = [], 0, []
    for reference in references:
        kind = reference.kind
        note = found.get((kind, reference.note_id))
        if note is None:
            raise InputError(
                f"{kind} reference {reference.mark} (paragraph {reference.paragraph}) names"
                f" {kind} {reference.note_id}, which {kind}s.xml does not hold",
                source=source,
            )
        reader = Reader(Numbering(), {}, revisions)
        reader.note = f"{kind} {reference.mark} (paragraph {reference.paragraph})"
        paragraphs = [strip(reader.text_of(p)).strip() for p in _note_paragraphs(note)]
        notes.append(Note("", reference.mark, -1, "\n".join(p for p in paragraphs if p)))
        tracked += reader.body.revisions
        unread += reader.body.skipped
    return notes, tracked, unread


def _note_paragraphs(note: etree._Element) -> list[etree._Element]:
    """A note's paragraphs, those of its tables included, but not those in its text
    boxes (the paragraph holding a text box warns about its words)."""
    box = f"{W}txbxContent"
    return [p for p in note.iter(f"{W}p") if not any(a.tag == box for a in p.iterancestors())]


def attach_notes(
    document: Document, notes: list[Note], references: list[Reference], source: str
) -> tuple[Document, list[str]]:
    """`document` with each note at its own mark (see the module docstring), and the
    warnings for notes anchored elsewhere or left out."""
    attacher = _Attacher(notes, references, source)
    document = attacher.document(document)
    return document, attacher.warnings + attacher.left_out()


@dataclass
class _Attacher:
    """One walk over a document in reading order (title, parts, then each component),
    attaching notes by the number their marks carry."""

    notes: list[Note]
    references: list[Reference]
    source: str
    warnings: list[str] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)
    """Notes whose marks stood in a title, number or heading, for the next text."""
    placed: set[int] = field(default_factory=set)
    eids: set[str] = field(default_factory=set)
    """The notes' eIds given so far (a footnote and an endnote may share a number)."""

    def document(self, document: Document) -> Document:
        self._wait(document.meta.title, "", "title")
        meta = replace(document.meta, title=strip(document.meta.title))
        parts = {
            name: tuple(self._unit(unit) for unit in units) for name, units in document.parts()
        }
        components = tuple(self.document(component) for component in document.components)
        return replace(document, meta=meta, components=components, **parts)

    def _wait(self, value: str, eid: str, what: str) -> None:
        for found in MARKS.findall(value):
            number = index(found)
            self.waiting.append(number)
            self.warnings.append(
                f"{self._where(number, eid)} stood in the {what};"
                " it is anchored at the start of the next text"
            )

    def _where(self, number: int, eid: str = "") -> str:
        reference = self.references[number]
        unit = f"{eid}: " if eid else ""
        return (
            f"{self.source}: {unit}{reference.kind} {reference.mark}"
            f" (paragraph {reference.paragraph})"
        )

    def _unit(self, unit: Unit) -> Unit:
        self._wait(unit.num, unit.eid, "number")
        self._wait(unit.heading, unit.eid, "heading")
        num, heading = strip(unit.num), strip(unit.heading)
        if not unit.is_text:
            children = tuple(self._unit(child) for child in unit.children)
            return replace(unit, num=num, heading=heading, children=children)
        notes = list(unit.notes)
        for number in self.waiting:
            notes.append(self._note(number, unit.eid, 0))
        self.waiting.clear()
        for before, found in enumerate(MARKS.finditer(unit.text)):  # each mark is 1 character
            notes.append(self._note(index(found[0]), unit.eid, found.start() - before))
        ordered = tuple(sorted(notes, key=lambda note: note.offset))
        return replace(unit, num=num, heading=heading, text=strip(unit.text), notes=ordered)

    def _note(self, number: int, eid: str, offset: int) -> Note:
        self.placed.add(number)
        note = self.notes[number]
        unique = uniquify(make_eid(eid, "authorialNote", note.marker), self.eids)
        self.eids.add(unique)
        return replace(note, eid=unique, offset=offset)

    def left_out(self) -> list[str]:
        """A warning for each note whose mark found no text to stand in."""
        warnings = []
        for number in range(len(self.notes)):
            if number in self.placed:
                continue
            where = (
                "found no text after it"
                if number in self.waiting
                else "stands in text the import skipped (see the report)"
            )
            words = counted(len(self.notes[number].text.split()))
            warnings.append(f"{self._where(number)} {where}: the note and its {words} are left out")
        return warnings
