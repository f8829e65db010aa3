"""Blocks: the second stage of `import_text`, between the page layout and the structure.

`make_blocks` turns the running text lines into blocks and guarantees: each block is one
provision-level piece of the draft (a section heading, an ``Article N`` line, a numbered
paragraph, a lettered or roman point, or a paragraph of unnumbered text), its printed
`num` split off, its lines joined into running text, the footnote markers still in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from redline.read.text.layout import Line, join_lines


class Kind(Enum):
    """What a block is, judged from how it starts."""

    SECTION = "section"
    """A roman-numbered section heading: ``I. Preambular Paragraphs``."""
    ARTICLE = "article"
    """An ``Article N`` line, possibly with its heading on the same line."""
    PARAGRAPH = "paragraph"
    """A numbered paragraph: ``1. International solidarity is ...``."""
    POINT = "point"
    """A lettered, roman or numbered point: ``(a) ...``, ``(iv) ...``."""
    TEXT = "text"
    """Unnumbered text: a recital, a title, an article's text or list intro, a heading."""


@dataclass(frozen=True, slots=True)
class Block:
    """One provision-level piece of running text."""

    kind: Kind
    """What the block is."""
    num: str
    """The printed label (``Article 5``, ``1.``, ``(b)``, ``II.``), or ``""``."""
    text: str
    """The words after the label, lines joined; for sections and articles, the heading."""
    line: int
    """Source line number of the block's first line."""
    lines: int
    """How many lines of running text the block has."""


_SECTION = re.compile(
    r"""
    ^(?P<num>[IVXL]{1,5}\.)    # a roman section number with its dot: II.
    \s+(?P<text>\S.*)$          # the section heading (any space, no-break included)
    """,
    re.VERBOSE,
)

_ARTICLE = re.compile(
    r"""
    ^(?P<num>Article\s+\d{1,3})  # Article 5 (any space, no-break included)
    (?:\s*[.:–—-]?\s*              # an optional separator ...
       (?P<text>\S.*))?$            # ... before a heading on the same line
    """,
    re.VERBOSE,
)

_PARAGRAPH = re.compile(
    r"""
    ^(?P<num>\d{1,3}\.)         # 1.
    (?:\s+(?P<text>\S.*))?$     # the paragraph's first words, if on the same line
    """,
    re.VERBOSE,
)

_POINT = re.compile(
    r"""
    ^(?P<num>\(                 # (a), (iv), (aa), (1)
        (?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})
    \))
    (?:\s+(?P<text>\S.*))?$     # the point's first words, if on the same line
    """,
    re.VERBOSE,
)

_PREAMBULAR = re.compile(
    r"""
    ^(?:[A-Z][a-z]+ing              # Recalling, Recognizing, Bearing in mind ...
    | Mindful | Convinced | Aware | Conscious | Concerned | Determined | Desirous
    | Guided | Alarmed | Deeply | Gravely | Noting | Having | Whereas)\b  # other openings
    """,
    re.VERBOSE,
)

_PATTERNS = (
    (Kind.ARTICLE, _ARTICLE),
    (Kind.SECTION, _SECTION),
    (Kind.PARAGRAPH, _PARAGRAPH),
    (Kind.POINT, _POINT),
)

_ENDS_SENTENCE = re.compile(
    r"""
    [,;:.]          # a recital's comma, a point's semicolon, a full stop
    [”’"')\]]*      # closing quotes or brackets
    \d{0,3}$        # a footnote marker
    """,
    re.VERBOSE,
)


def opens_recital(text: str) -> bool:
    """True when `text` starts as preambular paragraphs do.

    >>> opens_recital("Recalling the"), opens_recital("Mindful that"), opens_recital("States")
    (True, True, False)
    """
    return _PREAMBULAR.match(text) is not None


def classify(text: str) -> tuple[Kind, str, str]:
    """The kind, printed label and remaining words of a block's first line.

    >>> classify("(b) Social spheres")
    (<Kind.POINT: 'point'>, '(b)', 'Social spheres')
    >>> classify("Article 2 – Definitions")
    (<Kind.ARTICLE: 'article'>, 'Article 2', 'Definitions')
    >>> classify("Recalling the Preamble")
    (<Kind.TEXT: 'text'>, '', 'Recalling the Preamble')
    """
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return kind, match["num"], match["text"] or ""
    return Kind.TEXT, "", text


def make_blocks(lines: tuple[Line, ...]) -> list[Block]:
    """Group running text lines into blocks (see the module docstring for the guarantees)."""
    groups: list[list[Line]] = []
    for line in lines:
        if not line.text:
            if groups and groups[-1]:
                groups.append([])
            continue
        if not groups:
            groups.append([])
        current = groups[-1]
        if current and _starts_new_block(current, line):
            current = []
            groups.append(current)
        current.append(line)
    return [_block(group) for group in groups if group]


def _starts_new_block(current: list[Line], line: Line) -> bool:
    """True when `line` cannot continue the block of `current` lines.

    Without a blank line between them, a line still starts a block when it is labelled
    (after a page break, or anywhere for ``Article N``), when it follows an ``Article N``
    line, or when it opens a page, the previous page ended a sentence and it starts as a
    recital does (a recital that begins on a new page; other text runs on across the break).
    """
    kind = classify(line.text)[0]
    if kind is Kind.ARTICLE or classify(current[0].text)[0] is Kind.ARTICLE:
        return True
    if not line.after_break:
        return False
    if kind is not Kind.TEXT:
        return True
    return bool(_ENDS_SENTENCE.search(current[-1].text)) and opens_recital(line.text)


def _block(group: list[Line]) -> Block:
    kind, num, first = classify(group[0].text)
    parts = [first] if first else []
    parts += [line.text for line in group[1:]]
    return Block(kind, num, join_lines(parts), group[0].number, len(group))
