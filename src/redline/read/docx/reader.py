"""Import a draft from a Word document: .docx -> `Document`, through the text importer.

`import_docx` opens the package (`package`), turns the body into the lines a reader
sees — Word numbering resolved to its printed labels (`numbering`), tracked changes
accepted or rejected as asked (`paragraphs`) — and hands that text to the plain-text
importer (`redline.read.text.importer.import_text`, its one entry point), so a .docx
and the same draft pasted as text find the same structure. Footnotes and endnotes
come from footnotes.xml and endnotes.xml: each reference stands in the text as a mark
of its own (`redline.read.notemarks`) while the text is imported, then becomes a
`Note` at that exact offset, with the note's text (`notes`). Guarantees: every word of
the body and of every referenced note is in the document, or a warning names what was
skipped and where (paragraphs of the .docx, never the lines of the text handed on); a
document with tracked changes is refused unless ``revisions`` says to accept or reject
them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redline.errors import InputError, UsageError
from redline.model import Document, ImportOptions, ImportResult
from redline.read.counts import plural
from redline.read.docx.markup import W
from redline.read.docx.notes import attach_notes, note_texts
from redline.read.docx.numbering import Numbering
from redline.read.docx.package import Package, open_package
from redline.read.docx.paragraphs import Reader
from redline.read.notemarks import CAPACITY, MARKS, strip
from redline.read.text.blocks import WRAP_LIMIT, runs_on
from redline.read.text.importer import import_text


def import_docx(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """Read a Word draft into a document, with counts and warnings."""
    revisions = options.revisions
    if revisions not in ("", "accept", "reject"):
        raise UsageError(f"--revisions must be accept or reject, got {revisions!r}")
    package = open_package(data, source)
    _refuse_two_versions(package.category, source)
    reader = Reader(Numbering.parse(package.numbering), _style_numbers(package), revisions)
    reader.endnote_format = _endnote_format(package)
    body = reader.read(package.document)
    notes, in_notes, unread = note_texts(package, body.references, source, revisions)
    if (body.revisions or in_notes) and not revisions:
        where = f"paragraph {body.first_revision}" if body.revisions else "a note"
        raise InputError(
            f"has {plural(body.revisions + in_notes, 'tracked change')} (the first in {where});"
            " import it with --revisions accept or --revisions reject",
            source=source,
        )
    lines, line_places = _text_lines(body.lines, body.places)
    text = "\n".join(lines) + "\n"
    if len(body.references) > CAPACITY:
        raise InputError(f"has more than {CAPACITY} note references", source=source)
    if len(MARKS.findall(text)) != len(body.references):
        raise InputError("holds characters of Unicode's plane-15 private use area", source=source)
    places = _places(lines, line_places)
    result = import_text(text.encode("utf-8"), source, replace(options, encoding="utf-8"))
    document, warnings = attach_notes(result.document, notes, body.references, source)
    document = _component_places(document, places)
    warnings += [f"{source}: {skipped} skipped" for skipped in (*body.skipped, *unread)]
    count = sum(1 for unit in document.every_unit() for _ in unit.notes)
    report = _NOTES.sub(
        f" {plural(count, 'note')}", in_paragraphs(strip(result.report), places), count=1
    )
    if revisions:
        report += f"; {plural(body.revisions, 'tracked change')} {revisions}ed"
    said = tuple(in_paragraphs(strip(w), places) for w in (*result.warnings, *warnings))
    skipped = tuple(in_paragraphs(strip(part), places) for part in result.skipped)
    advice = tuple(in_paragraphs(strip(said_once), places) for said_once in result.advice)
    return ImportResult(document, said, report, skipped, advice)


def _component_places(document: Document, places: list[int]) -> Document:
    """`document` with the place each component was taken from (the ``lines`` fact the
    text importer records) told as the paragraphs of the .docx."""
    components = []
    for component in document.components:
        extra = tuple(
            ("paragraphs", in_paragraphs(f"lines {value}", places).split(" ")[-1])
            if key == "lines"
            else (key, value)
            for key, value in component.meta.extra
        )
        components.append(replace(component, meta=replace(component.meta, extra=extra)))
    return replace(document, components=tuple(components))


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


def _text_lines(lines: list[str], places: list[int]) -> tuple[list[str], list[int]]:
    """The lines of the text handed to the text importer, with the paragraph of each.

    A Word draft's paragraphs are its blocks: each stands apart, an empty line after
    it. But a text saved as a .docx (pasted from a PDF, opened in Word or LibreOffice
    and saved) has a paragraph per printed line, its blocks parted by empty paragraphs:
    those are read as the text's own lines, so that the .docx imports as the same text
    pasted does (`_printed_lines`)."""
    if _printed_lines(lines):
        return lines, places
    text, where = [], []
    for line, place in zip(lines, places, strict=True):
        if line.strip():
            text += [line, ""]
            where += [place, place]
    return text[:-1], where[:-1]  # no empty line after the last


def _printed_lines(lines: list[str]) -> bool:
    """Whether paragraphs are the lines of a text: an empty paragraph after nearly
    every other (a text whose paragraphs were parted by empty lines: read as lines, its
    blocks are the same, and what stands on consecutive lines, a note's number above
    its words, stays together); or none longer than a printed line, some empty, and a
    fifth or more of them running on into the next, which starts in lower case (a
    sentence carried over a line end). A draft written in Word has no paragraph that
    ends mid-sentence with the next in lower case."""
    texts = [line for line in lines if line.strip()]
    if len(texts) < _PRINTED_LINES:
        return False
    if (len(lines) - len(texts)) * 2 >= len(texts):  # an empty paragraph after nearly each
        return True  # a text's lines and the empty lines between its paragraphs
    if any(len(line) > WRAP_LIMIT for line in texts):
        return False
    return len(texts) < len(lines) and runs_on(lines) * 5 >= len(texts)  # some empty


#: The fewest paragraphs a text of printed lines is told from.
_PRINTED_LINES = 10


def _places(lines: list[str], paragraphs: list[int]) -> list[int]:
    """The paragraph of each line of the text handed to the text importer (1-based)."""
    places = [0]
    for line, paragraph in zip(lines, paragraphs, strict=True):
        places += [paragraph] * (line.count("\n") + 1)
    return places


def in_paragraphs(message: str, places: list[int]) -> str:
    """`message` with the text importer's line numbers told as the .docx's paragraphs:
    one line, a range and a list of lines alike (a number past the text stays).

    >>> places = [0, 1, 1, 2, 2, 2, 2, 3, 3]  # paragraph 2 holds a line break
    >>> in_paragraphs("skipped lines 1-5 (9 words); at line 7 (and 2 more: line 3, 5)", places)
    'skipped paragraphs 1-2 (9 words); at paragraph 3 (and 2 more: paragraph 2)'
    """

    def paragraphs(found: re.Match[str]) -> str:
        numbers = [int(number) for number in re.findall(r"\d+", found["numbers"])]
        if any(number >= len(places) for number in numbers):
            return found[0]
        told = list(dict.fromkeys(places[number] for number in numbers))  # once each, in order
        if len(told) == 1:
            return f"paragraph {told[0]}"
        joiner = "-" if "-" in found["numbers"] else ", "
        return f"paragraphs {joiner.join(str(number) for number in told)}"

    return _LINES.sub(paragraphs, message)


_LINES = re.compile(
    r"""\blines?[ ]
    (?P<numbers>\d+(?:(?:-|,[ ])\d+)*)  # 5, 1-5, or 7, 15, 22
    \b""",
    re.VERBOSE,
)
_NOTES = re.compile(r" \d+ notes\b")


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


def _endnote_format(package: Package) -> str:
    """The number format of endnote marks: ``w:endnotePr`` of the document's last
    section, else of its settings; Word's default is lower-case roman."""
    found = package.document.find(f"{W}body/{W}sectPr/{W}endnotePr/{W}numFmt")
    if found is None and package.settings is not None:
        found = package.settings.find(f"{W}endnotePr/{W}numFmt")
    return found.get(f"{W}val", "lowerRoman") if found is not None else "lowerRoman"
