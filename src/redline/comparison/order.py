"""Order and headings as evidence: the alignment passes that need no similarity score.

Used by `redline.comparison.align`. Guarantees to it (each pass links only units that
are free on both sides, in the same region, and keeps every unit in at most one pair):
1. `pair_identical_in_order`: provisions (top-level ones, and the parts and chapters
   that hold them) identical in everything (element, num, heading, text, notes,
   sub-units) and in the same order (a longest common subsequence of their signatures,
   in document order) pair first, with all their sub-units, so a document compared
   with itself is all unchanged, however often a provision's words repeat. Units
   inside a provision that changed wait for their container's partner (pass 2).
2. `pair_twins_in_order`: within each pair of paired containers, free text units with
   identical words pair in order (a longest common subsequence), so repeated twin
   provisions ("[Repealed]", a repeated wrap-up) keep their places.
3. `pair_by_heading`: free top-level provisions whose heading is unique on each side
   and unchanged pair with each other, however much their text changed.
4. `pair_slots`: a free text unit that is the only one between two siblings (or a
   sibling and the end) whose partners are siblings in the same places on the other
   side pairs with the free text unit of the same element there: a rewritten line
   between kept neighbours.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher

from redline.comparison.flatten import Flat
from redline.comparison.worddiff import edit_script

Link = Callable[[int, int], None]


def common_in_order(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Positions of a longest common subsequence of equal items, in order.

    Myers' diff (the C++ diff-match-patch core, no time limit, no clean-up: a shortest
    edit script, so a longest common subsequence) on one code per distinct item. Its
    cost grows with size times the number of differences, so a document compared with a
    shuffled copy of itself, thousands of identical provisions included, stays fast
    where difflib's longest-block search was quadratic in the repeats.

    >>> common_in_order("abxcd", "abcyd")
    [(0, 0), (1, 1), (3, 2), (4, 4)]
    >>> common_in_order(["x"] * 3, ["x", "y", "x"])
    [(0, 0), (2, 2)]
    """
    try:
        script = edit_script(old, new)
    except ValueError:  # more distinct items than codes: difflib, slower but unbounded
        return _common_by_blocks(old, new)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    for op, length in script:
        if op == 0:
            pairs.extend((i + k, j + k) for k in range(length))
        i += length if op <= 0 else 0
        j += length if op >= 0 else 0
    return pairs


def _common_by_blocks(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    return [
        (block.a + k, block.b + k)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]


def _signatures(flats: list[Flat]) -> list[Hashable]:
    """For each unit, a signature of its whole subtree (equal subtrees, equal signatures)."""
    children: dict[int, list[int]] = defaultdict(list)
    for flat in flats:
        if flat.parent >= 0:
            children[flat.parent].append(flat.index)
    signatures: list[Hashable] = [None] * len(flats)
    for flat in reversed(flats):  # children come after their parent
        unit = flat.unit
        own = (unit.element, unit.num, unit.heading, unit.text, tuple(n.text for n in unit.notes))
        signatures[flat.index] = hash((own, tuple(signatures[c] for c in children[flat.index])))
    return signatures


def _subtree(flats: list[Flat], index: int) -> list[int]:
    """`index` and the indices of its descendants (they follow it in document order)."""
    out = [index]
    inside = {index}
    for position in range(index + 1, len(flats)):  # no slice: that copies the rest
        flat = flats[position]
        if flat.parent not in inside:
            break
        out.append(flat.index)
        inside.add(flat.index)
    return out


def pair_identical_in_order(
    old: list[Flat], new: list[Flat], paired_old: dict[int, int], link: Link
) -> None:
    """Pass 1 of the module docstring."""
    old_signatures, new_signatures = _signatures(old), _signatures(new)
    regions = dict.fromkeys(flat.region for flat in (*old, *new))
    paired_new: set[int] = set()
    for region in regions:
        old_units = [f.index for f in old if f.region == region and _provision(f)]
        new_units = [f.index for f in new if f.region == region and _provision(f)]
        matches = common_in_order(
            [old_signatures[i] for i in old_units], [new_signatures[i] for i in new_units]
        )
        for a, b in matches:
            olds, news = _subtree(old, old_units[a]), _subtree(new, new_units[b])
            if len(olds) != len(news) or any(o in paired_old for o in olds):
                continue  # a hash collision, or already paired with its container
            if any(n in paired_new for n in news):
                continue
            for o, n in zip(olds, news, strict=True):
                link(o, n)
                paired_new.add(n)


def _provision(flat: Flat) -> bool:
    """A top-level provision, or a container above them (a region's root units)."""
    return flat.top == flat.index or flat.top < 0 or flat.parent < 0


def pair_twins_in_order(
    old: list[Flat],
    new: list[Flat],
    pair_old: dict[int, int],
    pair_new: dict[int, int],
    link: Link,
) -> None:
    """Pass 2 of the module docstring (region tops count as children of a paired root)."""
    old_kids: dict[tuple[str, int], list[Flat]] = defaultdict(list)
    new_kids: dict[tuple[str, int], list[Flat]] = defaultdict(list)
    for flat in old:
        if flat.leaf and flat.index not in pair_old:
            old_kids[(flat.region, flat.parent)].append(flat)
    for flat in new:
        if flat.leaf and flat.index not in pair_new:
            parent = pair_new.get(flat.parent, -2) if flat.parent >= 0 else -1
            new_kids[(flat.region, parent)].append(flat)
    for key, news in new_kids.items():
        olds = old_kids.get(key)
        if not olds or key[1] == -2:
            continue
        matches = common_in_order([_key(f) for f in olds], [_key(f) for f in news])
        for a, b in matches:
            link(olds[a].index, news[b].index)


def _key(flat: Flat) -> Hashable:
    """What makes two text units identical: their words, or their characters if none."""
    return flat.keys if flat.keys else ("", flat.unit.text)


def pair_by_heading(
    old: list[Flat],
    new: list[Flat],
    pair_old: dict[int, int],
    pair_new: dict[int, int],
    link: Link,
) -> None:
    """Pass 3 of the module docstring."""

    def unique(flats: list[Flat], paired: dict[int, int]) -> dict[tuple[str, str], Flat]:
        tops = [f for f in flats if f.top == f.index and not f.leaf and f.unit.heading]
        counts = Counter((f.region, _heading(f)) for f in tops)
        return {
            (f.region, _heading(f)): f
            for f in tops
            if counts[(f.region, _heading(f))] == 1 and f.index not in paired
        }

    olds = unique(old, pair_old)
    for key, flat in unique(new, pair_new).items():
        match = olds.get(key)
        if match is not None and match.unit.element == flat.unit.element:
            link(match.index, flat.index)


def _heading(flat: Flat) -> str:
    return " ".join(flat.unit.heading.casefold().split())


def pair_slots(
    old: list[Flat],
    new: list[Flat],
    pair_old: dict[int, int],
    pair_new: dict[int, int],
    taken: tuple[set[int], set[int]],
    link: Link,
) -> None:
    """Pass 4 of the module docstring; `taken` are the split and merge members."""
    old_kids: dict[int, list[int]] = defaultdict(list)
    new_kids: dict[int, list[int]] = defaultdict(list)
    for flat in old:
        old_kids[flat.parent].append(flat.index)
    for flat in new:
        new_kids[flat.parent].append(flat.index)
    for new_parent, news in new_kids.items():
        old_parent = pair_new.get(new_parent) if new_parent >= 0 else None
        if old_parent is None:
            continue
        olds = old_kids[old_parent]
        position = {o: k for k, o in enumerate(olds)}
        for j, n in enumerate(news):
            if n in pair_new or n in taken[1] or not new[n].leaf:
                continue
            before = pair_new.get(news[j - 1]) if j else "start"
            after = pair_new.get(news[j + 1]) if j + 1 < len(news) else "end"
            i = _slot(before, after, position, len(olds))
            if i is None:
                continue
            o = olds[i]
            free = old[o].leaf and o not in taken[0] and o not in pair_old
            if free and old[o].unit.element == new[n].unit.element:
                link(o, n)


def _slot(
    before: int | str | None, after: int | str | None, position: dict[int, int], size: int
) -> int | None:
    """The old position between the partners `before` and `after`, if exactly one."""
    if before is None or after is None:
        return None
    start = -1 if before == "start" else position.get(before)  # type: ignore[arg-type]
    end = size if after == "end" else position.get(after)  # type: ignore[arg-type]
    if start is None or end is None or end - start != 2:
        return None
    return start + 1
