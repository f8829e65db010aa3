"""Import a draft from a Word document: .docx -> `Document`, through the text importer.

`import_docx` opens the package (`package`), turns the body into the lines a reader
sees — Word numbering resolved to its printed labels (`numbering`), tracked changes
accepted or rejected as asked (`paragraphs`) — and hands that text to the plain-text
importer (`redline.read.text.importer.import_text`, its one entry point), so a .docx
and the same draft pasted as text find the same structure. Footnotes come from
footnotes.xml: each reference stands in the text as a private-use mark while the text
is imported, then becomes a `Note` at that exact offset, with the note's text.
Guarantees: every word of the body and of every referenced footnote is in the
document, or a warning names what was skipped; a document with tracked changes is
refused unless ``revisions`` says to accept or reject them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redline.akn.naming import make_eid
from redline.errors import InputError, UsageError
from redline.model import Document, ImportOptions, ImportResult, Note, Unit
from redline.read.docx.numbering import Numbering
from redline.read.docx.package import Package, open_package
from redline.read.docx.paragraphs import NOTE_MARK, Reader, Reference, W
from redline.read.text.importer import import_text
from redline.read.uslm.report import plural


def import_docx(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """Read a Word draft into a document, with counts and warnings."""
    revisions = options.revisions
    if revisions not in ("", "accept", "reject"):
        raise UsageError(f"--revisions must be accept or reject, got {revisions!r}")
    package = open_package(data, source)
    _refuse_two_versions(package.category, source)
    body = Reader(Numbering.parse(package.numbering), _style_numbers(package), revisions).read(
        package.document
    )
    notes, in_notes = _note_texts(package, body.references, source, revisions)
    if (body.revisions or in_notes) and not revisions:
        where = f"paragraph {body.first_revision}" if body.revisions else "a footnote"
        raise InputError(
            f"has {plural(body.revisions + in_notes, 'tracked change')} (the first in {where});"
            " import it with --revisions accept or --revisions reject",
            source=source,
        )
    if "".join(body.lines).count(NOTE_MARK) != len(body.references):
        raise InputError("holds the private-use character U+E000 in its text", source=source)
    text = "\n\n".join(body.lines) + "\n"
    result = import_text(text.encode("utf-8"), source, replace(options, encoding="utf-8"))
    document, warnings = attach_notes(result.document, notes)
    warnings += [f"{source}: {skipped} skipped" for skipped in body.skipped]
    places = _places(body.lines, body.places)
    report = _in_paragraphs(result.report, places).replace(
        " 0 notes", f" {plural(len(notes), 'note')}"
    )
    if revisions:
        report += f"; {plural(body.revisions, 'tracked change')} {revisions}ed"
    said = tuple(_in_paragraphs(warning, places) for warning in (*result.warnings, *warnings))
    return ImportResult(document, said, report)


def _refuse_two_versions(category: str, source: str) -> None:
    """Refuse a side-by-side redline or a history table that redline wrote (its
    ``cp:category``, `redline.renderers.docx.package.CATEGORIES`): their columns hold
    two or more versions, so no one version can be read back. An inline redline is one
    text with tracked changes, and imports with ``revisions`` accepted or rejected."""
    if category.startswith("redline, ") and category != "redline, inline":
        kind = category.removeprefix("redline, ")
        raise InputError(
            f"a {kind} .docx made by redline: its columns hold several versions, not one;"
            " import the versions it compares (an inline redline imports with"
            " --revisions accept or --revisions reject)",
            source=source,
        )


def _places(lines: list[str], paragraphs: list[int]) -> list[int]:
    """The paragraph of each line of the text handed to the text importer (1-based)."""
    places = [0]
    for line, paragraph in zip(lines, paragraphs, strict=True):
        places += [paragraph] * (line.count("\n") + 1) + [paragraph]  # the blank line
    return places


def _in_paragraphs(message: str, places: list[int]) -> str:
    """`message` with the text importer's line numbers told as the .docx's paragraphs."""

    def paragraph(found: re.Match[str]) -> str:
        line = int(found[1])
        return f"paragraph {places[line]}" if line < len(places) else found[0]

    return _LINE.sub(paragraph, message)


_LINE = re.compile(r"\bline (\d+)\b")


def _style_numbers(package: Package) -> dict[str, tuple[str, int]]:
    """Paragraph style id -> the list and level it numbers with (inherited via basedOn)."""
    if package.styles is None:
        return {}
    own: dict[str, tuple[str, int] | None] = {}
    parents: dict[str, str] = {}
    for style in package.styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId", "")
        numbers = style.find(f"{W}pPr/{W}numPr")
        own[style_id] = None
        if numbers is not None:
            instance, level = numbers.find(f"{W}numId"), numbers.find(f"{W}ilvl")
            num_id = instance.get(f"{W}val", "") if instance is not None else ""
            ilvl = int(level.get(f"{W}val", "0") or 0) if level is not None else 0
            own[style_id] = (num_id, ilvl)
        based = style.find(f"{W}basedOn")
        if based is not None:
            parents[style_id] = based.get(f"{W}val", "")
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in own:
        current, seen = style_id, set()
        while current in own and own[current] is None and current in parents:
            if current in seen:
                break
            seen.add(current)
            current = parents[current]
        found = own.get(current)
        if found is not None:
            resolved[style_id] = found
    return resolved


def _note_texts(
    package: Package, references: list[Reference], source: str, revisions: str
) -> tuple[list[Note], int]:
    """A note (without its place yet) for each reference, in order of the references,
    and how many tracked changes the referenced notes hold."""
    bodies: dict[str, tuple[str, int]] = {}
    if package.footnotes is not None:
        for footnote in package.footnotes.iter(f"{W}footnote"):
            reader = Reader(Numbering(), {}, revisions)
            paragraphs = [reader.text_of(p).strip() for p in footnote.iter(f"{W}p")]
            text = "\n".join(p for p in paragraphs if p)
            bodies[footnote.get(f"{W}id", "")] = text, reader.body.revisions
    notes, tracked = [], 0
    for reference in references:
        if reference.note_id not in bodies:
            raise InputError(
                f"footnote reference {reference.mark} names footnote {reference.note_id},"
                " which footnotes.xml does not hold",
                source=source,
            )
        text, count = bodies[reference.note_id]
        notes.append(Note("", reference.mark, -1, text))
        tracked += count
    return notes, tracked


def attach_notes(document: Document, notes: list[Note]) -> tuple[Document, list[str]]:
    """`document` with each `NOTE_MARK` in a unit's text replaced by the next of `notes`,
    anchored at its offset; marks in a number or heading anchor at the start of the next
    text unit, with a warning."""
    queue = list(notes)
    warnings: list[str] = []
    waiting: list[Note] = []

    def visit(unit: Unit) -> Unit:
        num, heading = unit.num, unit.heading
        for field_name, value in (("number", num), ("heading", heading)):
            for _ in range(value.count(NOTE_MARK)):
                note = queue.pop(0)
                waiting.append(note)
                warnings.append(
                    f"{unit.eid}: footnote {note.marker} stood in the {field_name};"
                    " it is anchored at the start of the next text"
                )
        num, heading = num.replace(NOTE_MARK, ""), heading.replace(NOTE_MARK, "")
        if unit.is_text:
            text, anchored = _anchor(unit, queue, waiting)
            return replace(unit, num=num, heading=heading, text=text, notes=anchored)
        children = tuple(visit(child) for child in unit.children)
        return replace(unit, num=num, heading=heading, children=children)

    parts = {name: tuple(visit(unit) for unit in units) for name, units in document.parts()}
    if waiting or queue:
        warnings.append(f"{len(waiting) + len(queue)} footnotes found no place in the text")
    return replace(document, **parts), warnings  # type: ignore[arg-type]


def _anchor(unit: Unit, queue: list[Note], waiting: list[Note]) -> tuple[str, tuple[Note, ...]]:
    pieces = unit.text.split(NOTE_MARK)
    text = "".join(pieces)
    notes = list(unit.notes)
    for note in waiting:
        notes.append(replace(note, eid=make_eid(unit.eid, "authorialNote", note.marker), offset=0))
    waiting.clear()
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        note = queue.pop(0)
        eid = make_eid(unit.eid, "authorialNote", note.marker)
        notes.append(replace(note, eid=eid, offset=offset))
    return text, tuple(sorted(notes, key=lambda note: note.offset))
