"""Heading styles: the named patterns that make a line an article-level heading or a container.

Used by `blocks` to classify a block's first line. Guarantees to the next stages: a
`Heading` carries the element (``article``, ``section``, ``rule``), the printed label with
its heading word in one canonical spelling per style (``ARTICLE 6``, ``Art. 6`` and
``Article 6.`` all give ``Article 6``; the number itself is kept as printed: ``VII``,
``5 bis``, ``premier``), the label an eId is made from (``5bis``, ``1`` for ``premier``)
and the heading printed on the same line, if any.

The styles, in the order they are tried (`STYLES`):

- ``article``: ``Article N`` in any case, ``Art. N``; N arabic of any length, roman, or
  ``premier``/``1er``; an optional ``bis``/``ter``/``quater``... or a letter; then an
  optional full stop, colon or dash and a heading on the same line.
- ``articulo``: Spanish ``Artículo N`` (also ``ARTÍCULO``, ``Artículo 1º``).
- ``section``: ``Section N``, ``SECTION N``, ``Sec. N``; ``section`` elements. In a text
  that also has ``Article N`` headings, ``SECTION N`` is a container (see `CONTAINERS`).
- ``paragraph-sign``: ``§ N``; ``section`` elements.
- ``rule``: ``Rule N``; ``rule`` elements.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: An article number: digits of any length, a roman number, or the French "premier".
_NUMBER = r"""
    (?P<number>\d+|[IVXLCDM]+\b|[ivxlcdm]+\b|premier\b|PREMIER\b|1er\b)
    (?:º|°)?                                   # Spanish 1º
    (?P<suffix>[ \u00a0]?(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b
      | [a-z]\b | [A-Z]\b(?!\s*[a-z]))?        # 5 bis, 5a, 5A
"""

#: What may follow a number: the end of the line, or a separator and an inline heading, or
#: (without separator) a heading that starts with a capital and ends without punctuation.
_TAIL = r"""
    (?:\s*[.:]?\s*$                               # Article 5 / Article 5.
    | \s*[.:–—-]\s*(?P<text>\S.*)$                # Article 5 – Definitions / Article 5. Scope
    | \s+(?P<bare>[A-Z\u00c0-\u00de][^.;:,]*)$    # Article 5 Definitions
    )
"""


@dataclass(frozen=True, slots=True)
class Style:
    """One named heading style."""

    name: str
    """The style's name, as the documentation and the report use it."""
    element: str
    """The AKN element a heading of this style opens."""
    word: str
    """The canonical heading word the label is printed with."""
    pattern: re.Pattern[str]
    """The line pattern: groups ``number``, ``suffix``, ``text`` or ``bare``."""


def _style(name: str, element: str, word: str, words: str) -> Style:
    pattern = re.compile(rf"^(?:{words})[ \u00a0\t]*{_NUMBER}{_TAIL}", re.VERBOSE)
    return Style(name, element, word, pattern)


STYLES = (
    _style("article", "article", "Article", r"(?i:article)[ \u00a0\t]|(?i:art)\.[ \u00a0\t]?"),
    _style("articulo", "article", "Artículo", r"(?i:art[ií]culo)[ \u00a0\t]|ARTÍCULO[ \u00a0\t]"),
    _style("section", "section", "Section", r"(?i:section)[ \u00a0\t]|(?i:sec)\.[ \u00a0\t]?"),
    _style("paragraph-sign", "section", "§", r"§"),
    _style("rule", "rule", "Rule", r"(?i:rule)[ \u00a0\t]"),
)
"""The article-level heading styles, tried in this order."""

CONTAINERS = {
    "chapter": "chapter", "chapitre": "chapter", "capitulo": "chapter",
    "section": "section", "seccion": "section",
    "title": "title", "titre": "title", "titulo": "title",
    "part": "part", "partie": "part", "parte": "part",
}  # fmt: skip
"""Container words (any case and accent; English, French, Spanish) and the element each opens:
``CHAPTER I``, ``Chapitre 2``, ``SECTION 1``, ``TÍTULO II``, ``PART III``, with the
container's title on the same line after a dash or on the next line."""

_CONTAINER = re.compile(
    r"""
    ^(?P<word>(?i:chapter|chapitre|cap[ií]tulo|section|secci[oó]n|title|titre|t[ií]tulo
                |part|partie|parte))[ \u00a0]+
    (?P<number>\d+|[IVXLCDM]+|[A-Z])\b        # CHAPTER I, SECTION 1, PART A
    \s*(?:[.:–—-]\s*(?P<text>\S.*))?$          # an optional dash and title
    """,
    re.VERBOSE,
)

_FRENCH_FIRST = frozenset({"premier", "PREMIER", "1er"})


@dataclass(frozen=True, slots=True)
class Heading:
    """An article-level heading or a container line, as classified."""

    element: str
    """``article``, ``section``, ``rule``, or a container (``chapter``, ``part`` ...)."""
    num: str
    """The label in its canonical spelling: ``Article 5 bis``, ``CHAPTER I``."""
    label: str
    """What the eId is made from: ``5bis``, ``1`` (for ``premier``), ``I``."""
    text: str
    """The heading printed on the same line, or ``""``."""
    style: str
    """The style's name (``article``, ``section`` ...; ``container`` for containers)."""


def match_heading(text: str) -> Heading | None:
    """The article-level heading `text` starts, if it is one.

    >>> match_heading("ARTICLE 6").num, match_heading("Art. 5.").num
    ('Article 6', 'Article 5')
    >>> h = match_heading("Article 5 bis – Scope"); (h.num, h.label, h.text)
    ('Article 5 bis', '5bis', 'Scope')
    >>> match_heading("Article premier").label, match_heading("§ 3").element
    ('1', 'section')
    >>> match_heading("Article 5 of the Charter applies.") is None
    True
    """
    for style in STYLES:
        match = style.pattern.match(text)
        if match is None:
            continue
        number = match["number"]
        suffix = (match["suffix"] or "").strip()
        if number.isalpha() and number.lower() not in ("premier",) and number.islower():
            number = number.upper() if len(number) > 1 else number  # "Article vii"
        spaced = f" {suffix}" if len(suffix) > 1 else suffix
        num = f"{style.word} {number}{spaced}" if style.word != "§" else f"§ {number}{spaced}"
        label = ("1" if number in _FRENCH_FIRST else number) + suffix
        inline = match["text"] or match["bare"] or ""
        return Heading(style.element, num, label, inline.strip(), style.name)
    return None


def match_container(text: str) -> Heading | None:
    """The container (chapter, section, title, part) line `text` is, if it is one.

    >>> h = match_container("CHAPTER III"); (h.element, h.num, h.label)
    ('chapter', 'CHAPTER III', 'III')
    >>> match_container("Section 2 – Gatekeepers").text
    'Gatekeepers'
    >>> match_container("Title of the proposal") is None
    True
    """
    match = _CONTAINER.match(text)
    if match is None:
        return None
    plain = unicodedata.normalize("NFKD", match["word"]).encode("ascii", "ignore").decode()
    element = CONTAINERS[plain.lower()]
    num = f"{match['word']} {match['number']}"
    return Heading(element, num, match["number"], (match["text"] or "").strip(), "container")
