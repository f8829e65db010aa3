"""The C++ diff core against the reference Python diff-match-patch.

redline runs diff-match-patch's C++ build for speed; the pure-Python package is the
reference implementation of the same algorithm. On code strings like those the word
diff makes (one character per distinct word, astral ones included), both must give the
same operations, and the operations must rebuild both strings exactly.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.comparison.worddiff import diff_codes, diff_words, reference_codes

EXAMPLES = int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "200"))
# Word codes: low ones (the first words of a text), astral ones (past 0xD800 words)
CODES = st.sampled_from([chr(c) for c in (1, 2, 3, 4, 5, 6, 0xE000, 0x10000, 0x10001)])
CODE_STRINGS = st.lists(CODES, max_size=60).map("".join)


def _rebuild(old: str, new: str, codes: list[tuple[int, int]]) -> tuple[str, str]:
    i = j = 0
    left, right = [], []
    for op, n in codes:
        if op <= 0:
            left.append(old[i : i + n])
            i += n
        if op >= 0:
            right.append(new[j : j + n])
            j += n
    assert (i, j) == (len(old), len(new))
    return "".join(left), "".join(right)


@settings(max_examples=EXAMPLES, deadline=None)
@given(CODE_STRINGS, CODE_STRINGS)
def test_the_cxx_core_gives_the_reference_operations(old: str, new: str) -> None:
    assert diff_codes(old, new) == reference_codes(old, new)


@settings(max_examples=EXAMPLES, deadline=None)
@given(CODE_STRINGS, CODE_STRINGS)
def test_the_cxx_core_is_lossless(old: str, new: str) -> None:
    assert _rebuild(old, new, diff_codes(old, new)) == (old, new)


def test_a_long_real_rewrite_matches_the_reference() -> None:
    """A provision rewritten at length: the word diff's operations are those of the
    reference on the same codes, and accept/reject rebuild the texts."""
    old = " ".join(f"States shall cooperate in matter {n} of development." for n in range(300))
    new = old.replace("cooperate", "work together").replace("matter 1", "question 1")
    ops = diff_words(old, new)
    assert "".join(op.old for op in ops) == old
    assert "".join(op.new for op in ops) == new
    words = {w: chr(i + 1) for i, w in enumerate(dict.fromkeys((old + " " + new).split()))}
    a = "".join(words[w] for w in old.split())
    b = "".join(words[w] for w in new.split())
    assert diff_codes(a, b) == reference_codes(a, b)


def test_an_inserted_or_deleted_phrase_starts_at_its_word() -> None:
    """The same change, marked the way people mark it: a lone insertion or deletion
    takes the space after it, not the one before."""
    ops = diff_words(
        "as provided for in human rights", "as provided for in international human rights"
    )
    assert [(op.op.value, op.new) for op in ops if op.new != op.old] == [
        ("insert", "international ")
    ]
    ops = diff_words("agreed upon between and among States", "agreed upon among States")
    assert [op.old for op in ops if op.op.value == "delete"] == ["between and "]
