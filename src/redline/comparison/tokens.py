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

_TOKEN = re.compile(
    r"""
    \s+                          # a run of whitespace (line breaks, non-breaking spaces)
    | \w+(?:[’'\-‐]\w+)*         # a word, with inner apostrophes and hyphens
    | [^\w\s]                    # one punctuation mark or symbol
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

    >>> token_key("“Peace”", CompareOptions(ignore_typography=True, ignore_case=True))
    '"peace"'
    """
    key = token
    if options.ignore_typography:
        key = key.translate(_TYPOGRAPHY)
    if key.isspace():
        return "" if options.ignore_whitespace else " " if options.ignore_typography else key
    if options.ignore_case:
        key = key.casefold()
    if options.ignore_punctuation and all(unicodedata.category(c)[0] in "PS" for c in key):
        return ""
    return key


_WORD = re.compile(r"\w+(?:[’'\-‐]\w+)*")


def word_keys(text: str, options: CompareOptions) -> list[str]:
    """The word keys of `text` (whitespace and punctuation left out), the material of
    similarity measures: the same words `tokenize` finds, folded as the options say.

    >>> word_keys("Non-State actors’ “rights”", CompareOptions(ignore_case=True))
    ['non-state', 'actors', 'rights']
    """
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
    return 2 * sum((old & new).values()) / total
