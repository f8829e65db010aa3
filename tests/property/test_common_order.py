"""The in-order pass's longest common subsequence (`common_in_order`).

The first alignment pass pairs identical provisions in the same order. It must find a
*longest* run of them in order (Myers' shortest edit script), whatever the repeats: a
document with many identical provisions, shuffled, used to hit difflib's quadratic
longest-block search and got fewer provisions paired in order than there were.
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.comparison.order import _common_by_blocks, common_in_order

EXAMPLES = int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "200"))
# few distinct items, so repeats are the rule (provisions such as "[Repealed]")
ITEMS = st.lists(st.sampled_from(["a", "b", "c", ("x", 1), None]), max_size=40)


def _lcs_length(old: Sequence[object], new: Sequence[object]) -> int:
    """The length of a longest common subsequence, by dynamic programming."""
    row = [0] * (len(new) + 1)
    for item in old:
        previous_diagonal = 0
        for j, other in enumerate(new, start=1):
            above = row[j]
            row[j] = previous_diagonal + 1 if item == other else max(row[j], row[j - 1])
            previous_diagonal = above
    return row[-1]


def _check_in_order(old: list[object], new: list[object], pairs: list[tuple[int, int]]) -> None:
    assert all(old[i] == new[j] for i, j in pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(pairs))


@settings(max_examples=EXAMPLES, deadline=None)
@given(ITEMS, ITEMS)
def test_common_in_order_is_a_longest_common_subsequence(
    old: list[object], new: list[object]
) -> None:
    pairs = common_in_order(old, new)
    _check_in_order(old, new, pairs)
    assert len(pairs) == _lcs_length(old, new)


@settings(max_examples=EXAMPLES, deadline=None)
@given(ITEMS, ITEMS)
def test_the_fallback_for_huge_vocabularies_pairs_equal_items_in_order(
    old: list[object], new: list[object]
) -> None:
    """Past the word codes, difflib's blocks: in order and equal, not always longest."""
    _check_in_order(old, new, _common_by_blocks(old, new))


def test_a_shuffled_copy_keeps_a_longest_run_in_order() -> None:
    """Half the items identical, the whole shuffled (larger than the generated cases):
    all 200 identical ones pair in order, where difflib's blocks paired 22."""
    old = ["same" if k % 2 else f"item {k}" for k in range(400)]
    new = list(old)
    random.Random(1).shuffle(new)
    assert len(common_in_order(old, new)) == _lcs_length(old, new)
