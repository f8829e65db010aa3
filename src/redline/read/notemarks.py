"""Note marks: the characters that stand for note references in a text a structured
reader (the Word reader) hands to the text importer, until the notes are attached.

Guarantees: `mark` gives each reference of a document its own character, one word
character to every importer, from Unicode's plane-15 private use area (no draft holds
them; a text that does is refused by the reader); `index` tells which reference a mark
stands for, so a note is attached to its own reference wherever the importer put its
text (a cover, a title, a component before the body) and a mark the importer skipped is
known by number; `MARKS` finds them and `strip` takes them out.
"""

from __future__ import annotations

import re

_BASE = 0xF0000
CAPACITY = 0xFFFFE - _BASE
"""How many references one document may have (one mark each)."""

MARKS = re.compile("[\U000f0000-\U000ffffd]")
"""Any note mark."""


def mark(number: int) -> str:
    """The mark of reference `number` (0-based, below `CAPACITY`).

    >>> index(mark(0)), index(mark(41))
    (0, 41)
    """
    return chr(_BASE + number)


def index(character: str) -> int:
    """The reference a mark stands for (0-based)."""
    return ord(character) - _BASE


def strip(text: str) -> str:
    """`text` without its marks.

    >>> strip(f"Article 1{mark(3)}")
    'Article 1'
    """
    return MARKS.sub("", text)
