"""Import a UN-style draft from the plain text extracted from its PDF: text -> `Document`.

The stages run in order: decode the bytes here, undo the page layout (`text_layout`),
group lines into blocks (`text_blocks`), find where the instrument starts and its title
(here), build the units (`text_structure`, which anchors footnotes with `footnotes`),
then add metadata. Guarantees: the returned document keeps every word of the instrument
and every typographic character; anything that is not a readable draft raises
`InputError` naming the source (and the line where there is one).
"""

from __future__ import annotations

import codecs
import re
from datetime import date as Date
from pathlib import PurePath

from redline.akn.naming import frbr_uris
from redline.errors import InputError, UsageError
from redline.model import Document, ImportOptions, ImportResult, Metadata, Unit
from redline.read.text.blocks import Block, Kind, make_blocks, opens_recital
from redline.read.text.layout import read_layout
from redline.read.text.structure import build_units

#: The date that marks an unknown version date.
UNKNOWN_DATE = "1970-01-01"

_NOT_A_TITLE = re.compile(
    r"""
    ^(?:\[.*\]          # [Anglais seulement], [English only]
    | Annexe? | Annex\s+\w+   # an annex heading
    | \*.*)$            # a footnote to the cover page
    """,
    re.VERBOSE,
)

#: Characters XML cannot hold, but a form feed (a page break the layout step removes).
#: Refused on reading, so that no command prints them: on a terminal they are escape
#: sequences that can hide or rewrite text.
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffe\uffff]")

#: Words left out of a work URI made from a title: they differ between versions or say nothing.
_SLUG_STOPWORDS = frozenset(
    {"a", "an", "and", "by", "for", "in", "of", "on", "the", "to"}
    | {"preliminary", "text", "draft", "revised"}
)


def import_text(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """Read a draft's plain text into a document, with counts and warnings."""
    text = decode(data, source, options.encoding)
    layout = read_layout(text.split("\n"))
    blocks = make_blocks(layout.lines)
    start = find_start(blocks, source)
    found_title = _title_before(blocks, start)
    first_line = (found_title or blocks[start]).line
    footnotes = tuple(note for note in layout.footnotes if note.line > first_line)
    structure = build_units(blocks[start:], footnotes)
    warnings = list(structure.warnings)
    title = options.title or (found_title.text if found_title else "")
    if not title:
        title = PurePath(source).stem
        warnings.append(f"no title found above line {blocks[start].line}; give one with --title")
    document = Document(
        _metadata(title, source, options, warnings), structure.preamble, structure.body
    )
    return ImportResult(
        document, tuple(warnings), _report(document, source, first_line, layout.dropped)
    )


def decode(data: bytes, source: str, encoding: str) -> str:
    """The text of `data`, line ends normalised to ``\\n``; refuses what is not a draft's text.

    A NUL byte means binary data, unless the encoding (UTF-16) decodes it away.
    """
    if not data.strip(b" \t\r\n\f"):
        raise InputError("empty file; expected the plain text of a draft", source=source)
    try:
        text = data.decode(encoding)
    except LookupError as error:
        raise UsageError(f"unknown encoding {encoding!r}", source=source) from error
    except UnicodeDecodeError as error:
        if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            raise InputError(
                "UTF-16 text (it starts with a byte order mark); give --encoding utf-16",
                source=source,
                line=1,
            ) from error
        if b"\x00" in data:
            raise _binary(source, data.count(b"\n", 0, data.index(b"\x00")) + 1) from error
        raise InputError(
            f"byte 0x{data[error.start]:02x} is not valid {encoding}; give the right --encoding",
            source=source,
            line=data.count(b"\n", 0, error.start) + 1,
        ) from error
    if "\x00" in text:
        raise _binary(source, text.count("\n", 0, text.index("\x00")) + 1)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError("empty file; expected the plain text of a draft", source=source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        raise InputError(
            f"control character U+{ord(control.group()):04X}, not the plain text of a draft",
            source=source,
            line=text.count("\n", 0, control.start()) + 1,
        )
    return text


def _binary(source: str, line: int) -> InputError:
    return InputError(
        "binary data (a NUL byte), not the plain text of a draft", source=source, line=line
    )


def find_start(blocks: list[Block], source: str) -> int:
    """The index of the instrument's first block: its preamble heading or first recital.

    Everything before it (a summary in another language, "Annexe", the report's title,
    a cover note) is not the instrument; the block just before it is the title.
    """
    first_article = next((i for i, b in enumerate(blocks) if b.kind is Kind.ARTICLE), None)
    if first_article is None:
        raise InputError(
            "no 'Article N' heading found; expected a draft with articles", source=source
        )
    openings = [
        index
        for index, block in enumerate(blocks[:first_article])
        if block.kind is Kind.SECTION and block.num == "I."
    ]
    if openings:
        return openings[-1]
    start = first_article
    while start > 0 and _is_preambular(blocks[start - 1]):
        start -= 1
    return start


def _is_preambular(block: Block) -> bool:
    """True for a recital, or the continuation of one a page break cut off."""
    return block.kind is Kind.TEXT and (opens_recital(block.text) or block.text[:1].islower())


def _title_before(blocks: list[Block], start: int) -> Block | None:
    """The block right before the instrument, when it can be a title."""
    if start == 0:
        return None
    block = blocks[start - 1]
    if block.kind is not Kind.TEXT or _NOT_A_TITLE.match(block.text):
        return None
    return block


def default_work_uri(title: str) -> str:
    """A work URI from the title's telling words, the same for every version of the draft.

    >>> default_work_uri("Draft declaration on the right to peace (revised)")
    '/akn/un/bill/declaration-right-peace'
    """
    words = re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", "", title.lower()))
    slug = "-".join(word for word in words if word not in _SLUG_STOPWORDS)
    return f"/akn/un/bill/{slug or 'draft'}"


def _metadata(title: str, source: str, options: ImportOptions, warnings: list[str]) -> Metadata:
    date = options.date
    if date is None:
        date = UNKNOWN_DATE
        warnings.append(f"no --date given; the version date is set to {UNKNOWN_DATE} (unknown)")
    else:
        try:
            Date.fromisoformat(date)
        except ValueError as error:
            raise UsageError(f"--date must be YYYY-MM-DD, got {date!r}", source=source) from error
    work, expression, manifestation = frbr_uris(
        options.work_uri or default_work_uri(title), "eng", date
    )
    return Metadata(
        title=title,
        work_uri=work,
        expression_uri=expression,
        manifestation_uri=manifestation,
        date=date,
        version_label=options.version_label or "",
        source=source,
    )


def _report(document: Document, source: str, first_line: int, dropped: int) -> str:
    """One line of counts, so a human can check them against the printed draft."""
    counts: dict[str, int] = {}
    for unit in document.walk():
        counts[unit.element] = counts.get(unit.element, 0) + 1
    numbered = sum(1 for unit in document.walk() if _is_numbered_paragraph(unit))
    notes = sum(1 for _ in document.notes())
    return (
        f"{source}: {counts.get('recital', 0)} recitals, {counts.get('article', 0)} articles,"
        f" {numbered} paragraphs, {counts.get('point', 0)} points, {notes} notes"
        f" (instrument from line {first_line}; {dropped} page-layout lines dropped)"
    )


def _is_numbered_paragraph(unit: Unit) -> bool:
    return unit.element == "paragraph" and bool(unit.num)
