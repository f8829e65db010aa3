"""Moves: which paired units changed parent or order (part of the "align" stage).

A unit moved when its new parent does not derive from its old parent, or when it is
out of order among siblings that kept their order: the longest increasing run of
old positions stays, the rest moved (of two swapped units, one is marked).
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from redline.comparison.align import Alignment


def find_moves(alignment: Alignment) -> set[int]:
    """New indices of paired units that moved: a new parent that does not derive from
    the old parent, or out of order among siblings that kept their order."""
    moved: set[int] = set()
    groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for old, new in alignment.pair_old.items():
        old_parent = alignment.old[old].parent
        new_parent = alignment.new[new].parent
        if old_parent < 0 and new_parent < 0:
            groups[(-1, -1)].append((new, old))
        elif old_parent < 0 or alignment.pair_old.get(old_parent) != new_parent:
            moved.add(new)
        else:
            groups[(old_parent, new_parent)].append((new, old))
    for members in groups.values():
        members.sort()
        kept = set(longest_increasing([old for _, old in members]))
        moved.update(new for new, old in members if old not in kept)
    return moved


def longest_increasing(values: list[int]) -> list[int]:
    """The longest strictly increasing subsequence (patience sorting, O(n log n)).

    >>> longest_increasing([1, 2, 3, 9, 4, 6, 7, 5, 8])
    [1, 2, 3, 4, 6, 7, 8]
    """
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        position = bisect.bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[position] = value
            tail_index[position] = i
        previous[i] = tail_index[position - 1] if position else -1
    out: list[int] = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.append(values[i])
        i = previous[i]
    return out[::-1]
