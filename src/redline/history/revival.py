"""Revival: a provision deleted by one draft and restored word for word by a later one.

Chaining consecutive pairs cannot see it (the draft in between does not hold it), so
the restored provision would start a lineage of its own. After the pairwise links are
made, a lineage that ends at version j and one that starts at version k >= j + 2 are
joined when they are the same element with the same words (headings and texts of the
whole subtree, whitespace folded) and no other ending or starting lineage has those
words. Guarantees: only exact, unambiguous matches join; the pairwise steps (deleted,
inserted) stay as the comparisons said.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from redline.changes import Side
from redline.model import Document, Unit

Node = tuple[int, str]
"""A unit of one version: (version index, eId)."""


def words(unit: Unit | None, side: Side) -> str:
    """The headings and texts of `unit`'s subtree (a note's text), whitespace folded."""
    if unit is None:
        return " ".join(side.text.split())
    parts = [text for u in unit.walk() for text in (u.heading, u.text) if text]
    return " ".join(" ".join(parts).split())


def revivals(
    documents: Sequence[Document],
    groups: Mapping[Node, Sequence[Sequence[Side]]],
) -> list[tuple[Node, Node]]:
    """(ending root, starting root) pairs to join: deleted, then restored unchanged later."""
    units = [{u.eid: u for u in doc.every_unit()} for doc in documents]
    ends: dict[tuple[str, str], list[tuple[Node, int]]] = defaultdict(list)
    starts: dict[tuple[str, str], list[tuple[Node, int]]] = defaultdict(list)
    last = len(documents) - 1
    for root, per_version in groups.items():
        present = [index for index, sides in enumerate(per_version) if sides]
        for index, bucket in ((present[-1], ends), (present[0], starts)):
            if (index < last) if bucket is ends else (index > 0):
                sides = per_version[index]
                key = (sides[0].element, _signature(sides, units[index].get))
                if key[1]:
                    bucket[key].append((root, index))
    joined = []
    for key, found in ends.items():
        if len(found) != 1:
            continue
        ((end, gone),) = found
        later = [(root, index) for root, index in starts.get(key, []) if index >= gone + 2]
        if len(later) == 1:
            joined.append((end, later[0][0]))
    return joined


def _signature(sides: Sequence[Side], lookup: Callable[[str], Unit | None]) -> str:
    return " | ".join(words(lookup(side.eid), side) for side in sides)
