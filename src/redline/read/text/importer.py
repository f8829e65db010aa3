"""Import a legal text from its plain text (PDF extraction, or pasted): text -> `Document`.

The stages run in order: `decode` the bytes, undo the page layout (`layout`), take off a
list of notes at the end (`endnotes`), group lines into blocks (`blocks`), then build the
shape the text has (`acts` for an EU act, `shapes` for a draft with articles, a
resolution, or text without structure), and add metadata here. Guarantees: the document
keeps every word of the instrument and every typographic character; every other line is in
a component or a skipped part the report names with its lines and words; warnings come
once per kind (`report.summarise`); input that is not text raises `InputError` naming the
source (and the line where there is one).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from pathlib import PurePath

from redline.akn.naming import frbr_uris
from redline.errors import InputError, UsageError
from redline.model import (
    TITLE_FROM_FILE,
    UNKNOWN_DATE,
    Document,
    ImportOptions,
    ImportResult,
    Metadata,
)
from redline.read.text.acts import build_act
from redline.read.text.blocks import Block, Kind, looks_wrapped, make_blocks
from redline.read.text.decode import decode
from redline.read.text.endnotes import split_endnotes
from redline.read.text.eu import is_act
from redline.read.text.footnotes import Plan
from redline.read.text.layout import Footnote, Line, read_layout
from redline.read.text.report import report_line, skipped_parts, summarise
from redline.read.text.shapes import Built, build_draft, build_plain, build_resolution

__all__ = ["UNKNOWN_DATE", "decode", "default_work_uri", "import_text"]


#: Words left out of a work URI made from a title: they differ between versions or say nothing.
_SLUG_STOPWORDS = frozenset(
    {"a", "an", "and", "by", "for", "in", "of", "on", "the", "to"}
    | {"preliminary", "text", "draft", "revised"}
)

#: A word, with the quotes, brackets and punctuation around it.
_WORD = re.compile(r"^[(\"“‘'«]*[^\W\d_]+(?:[-’'][^\W\d_]+)*[)\"”’'»,.;:!?]*$")
#: The share of words below which a text without structure is not taken for prose.
_PROSE = 0.5

#: The version line `redline text` prints under the title: ``(revision A, 2016-06-01)``.
_VERSION_LINE = re.compile(r"^\((?:(?P<label>[^()]*), )?(?P<date>\d{4}-\d{2}-\d{2})\)$")


def import_text(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """Read a text into a document, with counts and warnings (see the module docstring)."""
    text = decode(data, source, options.encoding)
    raw_lines = text.split("\n")
    # a form feed is a page break whatever the lines' length
    layout = read_layout(raw_lines, pages="\f" in text or looks_wrapped(raw_lines))
    ends = split_endnotes(layout.lines)
    lines, version = _take_version_line(ends.lines)
    footnotes = layout.footnotes + ends.footnotes
    blocks = make_blocks(lines)
    built = _build(blocks, footnotes, source)
    warnings = [
        f"line {number}: {what} {text!r} dropped as page layout"
        for number, what, text in layout.dropped_words
    ]
    warnings += built.warnings
    if version is not None:
        options = replace(
            options,
            date=options.date or version[1],
            version_label=options.version_label or version[0] or None,
        )
    title = options.title or built.title
    untitled = not title
    advice: list[str] = []
    if untitled:
        title = PurePath(source).stem
        advice.append(f"no title found above line {built.first_line}; give one with --title")
    meta = _metadata(title, source, options, built, advice)
    if untitled:  # the file's name stands in: no text to compare (`Metadata.title_printed`)
        meta = replace(meta, extra=(*meta.extra, TITLE_FROM_FILE))
    document = Document(
        meta,
        built.preamble,
        built.body,
        built.preface,
        built.conclusions,
        complete_components(built.components, meta),
    )
    dropped = layout.dropped + (1 if version is not None else 0)
    report = report_line(document, source, built.first_line, dropped, built.skipped)
    skipped = tuple(skipped_parts(built.skipped))
    return ImportResult(document, summarise(warnings), report, skipped, tuple(advice))


def _build(blocks: list[Block], notes: tuple[Footnote, ...], source: str) -> Built:
    """The parts of the document, built by the shape the blocks have; built again with
    the footnote markers the first build passed over, if it found any to take
    (`footnotes.Anchors.replan`)."""
    built = _build_once(blocks, notes, source, ())
    return _build_once(blocks, notes, source, built.replan) if built.replan else built


def _build_once(blocks: list[Block], notes: tuple[Footnote, ...], source: str, plan: Plan) -> Built:
    """The parts of the document, with the footnote markers of `plan` taken.

    A text without articles or numbered paragraphs must at least be prose: most of its
    tokens words (a configuration file, a table of numbers or a listing is refused)."""
    if is_act(blocks):
        return build_act(blocks, notes, plan)
    if any(block.kind is Kind.ARTICLE for block in blocks):
        return build_draft(blocks, notes, plan)
    if any(block.kind is Kind.PARAGRAPH for block in blocks):
        return build_resolution(blocks, notes, plan)
    share = word_share(blocks)
    if share < _PROSE:
        raise InputError(
            f"no article, no numbered paragraph, and only {share:.0%} of the text is words;"
            " expected the plain text of a legal text",
            source=source,
        )
    return build_plain(blocks, notes, plan)


def word_share(blocks: list[Block]) -> float:
    """The share of the blocks' tokens that are words.

    >>> word_share([Block(Kind.TEXT, "", "root:x:0:0:root:/root:/bin/bash", 1, 1)])
    0.0
    """
    tokens = [token for block in blocks for token in block.words.split()]
    words = sum(1 for token in tokens if _WORD.match(token))
    return words / len(tokens) if tokens else 0.0


def _take_version_line(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[str, str] | None]:
    """The lines without the version line `redline text` prints under the title, and it."""
    texts = [index for index, line in enumerate(lines) if line.text][:3]
    for index in texts[1:]:
        match = _VERSION_LINE.match(lines[index].text)
        if match:
            return lines[:index] + lines[index + 1 :], (match["label"] or "", match["date"])
    return lines, None


def complete_components(components: tuple[Document, ...], meta: Metadata) -> tuple[Document, ...]:
    """The components with the metadata of the document they belong to, under its work."""
    completed = []
    for component in components:
        work, expression, manifestation = frbr_uris(
            f"{meta.work_uri}/{component.meta.doc_name}", meta.language, meta.date
        )
        completed.append(
            replace(
                component,
                meta=replace(
                    component.meta,
                    work_uri=work,
                    expression_uri=expression,
                    manifestation_uri=manifestation,
                    date=meta.date,
                    country=meta.country,
                    source=meta.source,
                ),
            )
        )
    return tuple(completed)


def default_work_uri(title: str, country: str = "un", doc_type: str = "bill") -> str:
    """A work URI from the title's telling words, the same for every version of the draft.

    >>> default_work_uri("Draft declaration on the right to peace (revised)")
    '/akn/un/bill/declaration-right-peace'
    """
    words = re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", "", title.lower()))
    slug = "-".join(word for word in words if word not in _SLUG_STOPWORDS)
    return f"/akn/{country}/{doc_type}/{slug or 'draft'}"


def _metadata(
    title: str, source: str, options: ImportOptions, built: Built, advice: list[str]
) -> Metadata:
    date = options.date
    if date is None:
        date = UNKNOWN_DATE
        advice.append(f"no --date given; the version date is set to {UNKNOWN_DATE} (unknown)")
    else:
        try:
            Date.fromisoformat(date)
        except ValueError as error:
            raise UsageError(f"--date must be YYYY-MM-DD, got {date!r}", source=source) from error
    work = options.work_uri or default_work_uri(title, built.country, built.doc_type)
    work, expression, manifestation = frbr_uris(work, "eng", date)
    return Metadata(
        title=title,
        work_uri=work,
        expression_uri=expression,
        manifestation_uri=manifestation,
        date=date,
        version_label=options.version_label or "",
        doc_type=built.doc_type,
        doc_name=built.doc_name,
        country=built.country,
        source=source,
    )
