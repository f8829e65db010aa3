"""Words as redline compares them: tokens, their comparison keys, bags of words.

Shared by the alignment (which pairs units by their words) and the word diff (which
diffs the tokens of a pair), so both see the same words the same way. Nothing here
imports the rest of the package but the options.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from redline.changes import CompareOptions

#: Combining marks (accents written after their letter, as in NFD text): part of the word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# A letter and then letters and marks: the same words as ``(?:\w[marks]*)+`` (a letter,
# each followed by its marks), without the nested repeat that slows the matcher down.
_LETTERS = rf"\w[\w{_MARKS}]*"
_TOKEN = re.compile(
    rf"""
    \s+                                  # a run of whitespace (line breaks, non-breaking spaces)
    | {_LETTERS}(?:[’'\-‐]{_LETTERS})*    # a word, with inner apostrophes, hyphens, accents
    | [^\w\s{_MARKS}][{_MARKS}]*          # one punctuation mark or symbol
    """,
    re.VERBOSE,
)

_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def tokenize(text: str) -> list[str]:
    """Cut `text` into tokens that join back to exactly `text`.

    >>> tokenize("non-State actors’ rights,  2015")
    ['non-State', ' ', 'actors', '’', ' ', 'rights', ',', '  ', '2015']
    """
    return _TOKEN.findall(text)


def token_key(token: str, options: CompareOptions) -> str:
    """The key a token is compared by; ``""`` means the token is ignored.

    Keys are in Unicode normal form NFC, so "Café" typed with a combining accent (NFD)
    equals "Café" with a precomposed é, whatever the options.

    >>> token_key("“Peace”", CompareOptions(ignore_typography=True, ignore_case=True))
    '"peace"'
    >>> token_key("Cafe\u0301", CompareOptions()) == token_key("Caf\u00e9", CompareOptions())
    True
    """
    key = unicodedata.normalize("NFC", token)
    if options.ignore_typography:
        key = key.translate(_TYPOGRAPHY)
    if key.isspace():
        return "" if options.ignore_whitespace else " " if options.ignore_typography else key
    if options.ignore_case:
        key = key.casefold()
    if options.ignore_punctuation and all(unicodedata.category(c)[0] in "PS" for c in key):
        return ""
    return key


_WORD = re.compile(rf"{_LETTERS}(?:[’'\-‐]{_LETTERS})*")


def word_keys(text: str, options: CompareOptions) -> list[str]:
    """The word keys of `text` (whitespace and punctuation left out), the material of
    similarity measures: the same words `tokenize` finds, folded as the options say.

    >>> word_keys("Non-State actors’ “rights”", CompareOptions(ignore_case=True))
    ['non-state', 'actors', 'rights']
    >>> word_keys("Cafe\u0301", CompareOptions()) == ["Caf\u00e9"]
    True
    """
    text = unicodedata.normalize("NFC", text)
    if options.ignore_typography:
        text = text.translate(_TYPOGRAPHY)
    if options.ignore_case:
        text = text.casefold()
    return _WORD.findall(text)


def similarity(old: Counter[str], new: Counter[str]) -> float:
    """Dice similarity of two bags of words: 1.0 identical, 0.0 nothing shared.

    >>> similarity(Counter("a b c".split()), Counter("a b d".split()))
    0.6666666666666666
    """
    total = sum(old.values()) + sum(new.values())
    if not total:
        return 1.0
    if len(old) > len(new):  # walk the smaller bag
        old, new = new, old
    shared = sum(min(count, new[word]) for word, count in old.items() if word in new)
    return 2 * shared / total
