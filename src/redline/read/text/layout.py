"""Undo the page layout of a draft's text extracted from PDF: the first stage of `import_text`.

After `read_layout`, the following are guaranteed to the block and structure stages:
1. Running headers (``A/HRC/XX/XX``, even when indented far right), stray page numbers,
   page-break lines and the footnote blocks at page bottoms are gone from `Layout.lines`;
   every footnote body is in `Layout.footnotes`, its lines joined, in source order.
2. Each kept line has lost its leading and trailing spaces and tabs, and nothing else
   (non-breaking spaces and typographic characters stay), and keeps its source line number.
3. An empty line stands for a paragraph break. The first line after a page break is
   marked `Line.after_break` and no empty line precedes it, because a page break can fall
   in the middle of a paragraph: the next stage decides whether it continues one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from redline.read.text.furniture import (
    PAD,
    PAGE_NUMBER,
    alone_like_furniture,
    is_header,
    is_page_break,
    recurring_edge_lines,
    shape,
)

_PROVISION_START = re.compile(
    r"""
    ^(?:Article[ \t]+\d    # an article heading
    | \([a-z]{1,4}\)[ \t]  # or a lettered or roman point
    )
    """,
    re.VERBOSE,
)

_FOOTNOTE_START = re.compile(
    r"""
    ^[ \t]?                # at most one space of indent: page text is indented the same, so
                           # the number and the space after it are what tell them apart
    (?P<number>\d{1,3})    # the footnote number, not followed by a dot (that is a paragraph)
    [ \t]+
    (?P<text>\S.*)$        # the first line of the body
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the draft's running text."""

    number: int
    """1-based line number in the source."""
    text: str
    """The line without its padding; ``""`` for a paragraph break."""
    after_break: bool = False
    """True for the first line of a new page."""
    indent: int = 0
    """How many spaces or tabs the line started with (a PDF indents a paragraph's first
    line, not the lines that continue it)."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote body found at a page bottom."""

    number: int
    """The printed footnote number."""
    text: str
    """The body, its lines joined as running text is joined."""
    line: int
    """Source line number of the body's first line."""
    last: int = 0
    """Source line number of the body's last line (0: `line`)."""
    words_from: int = 0
    """Source line number of the first line holding the body's words, when it is not
    `line` (a ``(12)`` alone on its line, with the body below; 0: `line`)."""

    @property
    def lines(self) -> tuple[int, int]:
        """The first and last source lines that hold the body's words."""
        first = self.words_from or self.line
        return first, max(first, self.last)


@dataclass(frozen=True, slots=True)
class Layout:
    """The running text of a draft and its footnote bodies, page artefacts dropped."""

    lines: tuple[Line, ...]
    """Running text lines and paragraph breaks, in source order."""
    footnotes: tuple[Footnote, ...]
    """Footnote bodies in source order."""
    dropped: int
    """How many header, page-number and page-break lines were dropped."""
    dropped_words: tuple[tuple[int, str, str], ...] = ()
    """Each dropped line that held words: its source line number, what it was taken for
    (``running header``, ``page number``) and its text, for the import's warnings."""


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as running text.

    A line ending in a hyphen after a letter joins the next without a space (PDF
    drafts break "non-interference" after its hyphen); otherwise one space joins them.

    >>> join_lines(["peaceful coexistence, non-", "interference, self-determination"])
    'peaceful coexistence, non-interference, self-determination'
    >>> join_lines(["the rights of", "peoples"])
    'the rights of peoples'
    """
    text = ""
    for line in lines:
        if not text:
            text = line
        elif len(text) > 1 and text.endswith("-") and text[-2].isalpha():
            text += line
        else:
            text += " " + line
    return text


def read_layout(raw_lines: list[str], pages: bool = True) -> Layout:
    """Separate the running text of `raw_lines` from headers, page numbers and footnotes.

    Without `pages` (a text that was never laid out on pages: pasted from a web page or
    Word, its lines not wrapped), nothing is taken for a header, a page number or a page
    bottom: a line holding only a number is a table cell, kept as text.
    """
    if not pages:
        lines = tuple(Line(number, raw.strip(PAD)) for number, raw in enumerate(raw_lines, 1))
        return Layout(lines, (), 0)
    reader = _Reader(raw_lines)
    reader.run()
    return Layout(
        tuple(reader.lines), tuple(reader.footnotes), reader.dropped, tuple(reader.dropped_words)
    )


class _Reader:
    """A one-pass reader over the raw lines; it only lives inside `read_layout`."""

    def __init__(self, raw_lines: list[str]) -> None:
        self.raw = list(raw_lines)
        self.index = 0
        self.lines: list[Line] = []
        self.footnotes: list[Footnote] = []
        self.dropped = 0
        self.dropped_words: list[tuple[int, str, str]] = []
        self.after_break = False
        symbols = Counter(raw.strip() for raw in self.raw if is_header(raw))
        recurring = {symbol for symbol, count in symbols.items() if count > 1}
        self.running: set[str] = set()  # empty while it is found: the edge rule decides
        self.running = {  # the recurring symbols seen at a page edge somewhere
            raw.strip()
            for index, raw in enumerate(self.raw)
            if raw.strip() in recurring and self.is_page_furniture(index)
        }
        self.edge_lines = recurring_edge_lines(self.raw)

    def run(self) -> None:
        while self.index < len(self.raw):
            raw = self.raw[self.index]
            if "\f" in raw:
                # pdftotext puts the form feed at the start of the next page's first line:
                # the page breaks there, and the rest of the line is text of the new page.
                self.raw[self.index] = raw.replace("\f", "")
                self.page_bottom()
                continue
            if is_page_break(raw) or self.is_page_furniture(self.index):
                self.page_bottom()
                continue
            text = raw.strip(PAD)
            if text:
                indent = len(raw) - len(raw.lstrip(PAD))
                self.lines.append(Line(self.index + 1, text, self.after_break, indent))
                self.after_break = False
            elif not self.after_break:
                self.lines.append(Line(self.index + 1, ""))
            self.index += 1

    def page_bottom(self) -> None:
        """Consume a page break and what follows it until the next page's text."""
        while self.lines and not self.lines[-1].text:
            self.lines.pop()
        while self.index < len(self.raw):
            raw = self.raw[self.index]
            edge_line = shape(raw) in self.edge_lines
            if raw.strip() == "" or alone_like_furniture(raw) or edge_line:
                self.dropped += raw != ""
                if raw.strip():
                    page_number = PAGE_NUMBER.match(raw) and not edge_line
                    what = "page number" if page_number else "running header"
                    text = raw.replace("\f", "").strip(PAD)
                    self.dropped_words.append((self.index + 1, what, text))
                self.index += 1
            elif self.footnote_follows(raw):
                self.read_footnote()
            else:
                break
        self.after_break = True

    def is_page_furniture(self, index: int) -> bool:
        """Whether the header or page number on line `index` is the page's, not the text's.
        A symbol that recurs and stands at a page edge once is a running header wherever
        it stands (a copied page may break mid-sentence); otherwise a symbol or a number alone on
        its line is furniture only where a page edge shows and no line of text holds on
        to it: a page-break line, a form feed or other furniture next to it (across empty
        lines), or empty lines on both sides. Against a line of text it is text:
        ``resolution`` / ``A/HRC/RES/18/5`` / ``and later ones`` cites a resolution,
        ``shall be`` / ``12`` is a number. Kept, a page number is a visible stray word;
        dropped, a number of the law is lost."""
        raw = self.raw[index]
        if not alone_like_furniture(raw):
            return False
        if is_header(raw) and raw.strip() in self.running:
            return True
        sides = [self.neighbour(index, step) for step in (-1, 1)]
        edges = [side is not None and self.is_edge(side[0]) for side in sides]
        apart = [side is None or side[1] or edge for side, edge in zip(sides, edges, strict=True)]
        return all(apart) and (any(edges) or all(side is None or side[1] for side in sides))

    def neighbour(self, index: int, step: int) -> tuple[int, bool] | None:
        """The nearest line with something on it from `index` in direction `step`, and
        whether empty lines stand between; None past either end of the text."""
        at = index + step
        while 0 <= at < len(self.raw) and self.raw[at] == "":
            at += step
        return (at, abs(at - index) > 1) if 0 <= at < len(self.raw) else None

    def is_edge(self, index: int) -> bool:
        raw = self.raw[index]
        return is_page_break(raw) or "\f" in raw or alone_like_furniture(raw)

    def footnote_follows(self, raw: str) -> bool:
        """True when `raw` starts the next footnote body (numbers run on, or restart at 1)."""
        match = _FOOTNOTE_START.match(raw)
        if match is None:
            return False
        number = int(match["number"])
        last = self.footnotes[-1].number if self.footnotes else 0
        return number in (last + 1, 1)

    def read_footnote(self) -> None:
        """Read one footnote body: its first line and the unindented lines right under it."""
        first = self.index
        match = _FOOTNOTE_START.match(self.raw[first])
        assert match is not None  # footnote_follows checked it
        parts = [match["text"].strip(PAD)]
        self.index += 1
        while self.index < len(self.raw):
            raw = self.raw[self.index]
            if (
                not raw.strip()
                or raw[0] in PAD
                or "\f" in raw
                or is_header(raw)
                or PAGE_NUMBER.match(raw)
                or _FOOTNOTE_START.match(raw)
                or _PROVISION_START.match(raw)
            ):
                break
            parts.append(raw.strip(PAD))
            self.index += 1
        number = int(match["number"])
        self.footnotes.append(Footnote(number, join_lines(parts), first + 1, self.index))
