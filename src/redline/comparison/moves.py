"""Moves: which paired units changed parent or order (part of the "align" stage).

A unit moved when its new parent does not derive from its old parent (a point that kept
its label and left a list that is gone is judged by the provision the list stood in,
`placed_in`), or when it is
out of order among siblings that kept their order: the longest increasing run of
old positions stays, the rest moved (of two swapped units, one is marked). A split is
displaced when its pieces do not all stand where its unit stood, and a merge when its old
units did not all stand where it stands, by the same two tests.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from redline.comparison.align import Alignment
from redline.comparison.flatten import Flat


def find_moves(alignment: Alignment) -> set[int]:
    """New indices of paired units that moved: a new parent that does not derive from
    the old parent, or out of order among siblings that kept their order."""
    moved: set[int] = set()
    groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for old, new in alignment.pair_old.items():
        old_parent, new_parent = alignment.old[old].parent, alignment.new[new].parent
        if alignment.pair_old.get(old_parent) != new_parent and _left_a_lost_list(
            alignment, old, new
        ):
            old_parent = placed_in(alignment.old, old)
            new_parent = placed_in(alignment.new, new)
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


def displaced_splits(alignment: Alignment, moved: set[int]) -> set[int]:
    """Old indices of split units whose pieces do not all stand where the unit stood: a
    piece under a new parent that does not derive from the unit's old parent, or out
    of order among the siblings that kept their order (its pieces counted in order).

    Such a split cannot be shown piece by piece with its old words at the pieces'
    places, since rejecting the changes would put the old words in another order; it is
    shown like a move instead (struck where the unit stood, its pieces as new text)."""
    groups = [(old, news) for old, news in alignment.splits]
    members = [
        (old, new, (old, part), key)
        for key, (old, news) in enumerate(groups)
        for part, new in enumerate(news)
    ]
    return {groups[key][0] for key in _displaced(alignment, moved, members)}


def displaced_merges(alignment: Alignment, moved: set[int]) -> set[int]:
    """New indices of merged units whose old units did not all stand where it stands:
    one under an old parent from which the new parent does not derive, or out of order
    among the siblings that kept their order (its old units counted in their order).
    Shown like a move, for the reason `displaced_splits` gives: each old unit struck
    where it stood, the merged unit as new text."""
    groups = [(olds, new) for olds, new in alignment.merges]
    members = [(old, new, (old, 0), key) for key, (olds, new) in enumerate(groups) for old in olds]
    return {groups[key][1] for key in _displaced(alignment, moved, members)}


def _displaced(
    alignment: Alignment, moved: set[int], members: list[tuple[int, int, tuple[int, int], int]]
) -> set[int]:
    """The keys of the groups (splits or merges) one of whose `members` (old, new, place
    in old order, group key) stands under a parent that does not derive from its old
    one, or out of order among the pairs that kept their order."""
    if not members:
        return set()
    width = 1 + max(part for _, _, (_, part), _ in members)
    displaced: set[int] = set()
    siblings: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    pairs = [
        (old, new, (old, 0), -1) for old, new in alignment.pair_old.items() if new not in moved
    ]
    for old, new, (position, part), key in pairs + members:
        old_parent, new_parent = alignment.old[old].parent, alignment.new[new].parent
        derived = (old_parent < 0 and new_parent < 0) or (
            old_parent >= 0 and alignment.pair_old.get(old_parent) == new_parent
        )
        if derived:
            siblings[(old_parent, new_parent)].append((new, position * width + part, key))
        elif key >= 0:
            displaced.add(key)
    for group in siblings.values():
        group.sort()
        kept = set(longest_increasing([order for _, order, _ in group]))
        displaced.update(key for _, order, key in group if key >= 0 and order not in kept)
    return displaced


def _left_a_lost_list(alignment: Alignment, old: int, new: int) -> bool:
    """Whether a point kept its label but left a list that is gone: the DMA's Article
    3(2)(c) stood in a second list, after words closing the first, and joins the first
    in the regulation. Still the third point of its paragraph, it did not move; its
    place is judged by the provision the lists stand in (`placed_in`)."""
    parent = alignment.old[old].parent
    return (
        parent >= 0
        and alignment.old[parent].unit.element in _GROUPS
        and parent not in alignment.pair_old
        and bool(alignment.old[old].unit.num.strip())
        and alignment.old[old].unit.num.strip() == alignment.new[new].unit.num.strip()
    )


def placed_in(flats: list[Flat], index: int) -> int:
    """A unit's parent past the lists that only group points."""
    parent = flats[index].parent
    while parent >= 0 and flats[parent].unit.element in _GROUPS:
        parent = flats[parent].parent
    return parent


#: Elements that group points inside a provision without being one.
_GROUPS = frozenset({"list", "blockList"})


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
