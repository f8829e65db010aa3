"""The copies of a repeated text, for the alignment's exact-text pass: the best free one.

Used by `redline.comparison.align` when one text (a heading such as "salaries and
expenses", a "[Reserved]") occurs many times on each side. Guarantees: `Copies.best`
returns the copy that sorting the free copies by (under another parent, under another
eId), in document order, would put first, in amortised constant time (each copy leaves
each of its four queues once): a text repeated k times costs O(k), not O(k²).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Hashable

from redline.comparison.flatten import Flat


class Copies:
    """The old copies of one text, queued by parent and eId, in document order."""

    def __init__(self, flats: list[Flat], taken: Callable[[int], bool]) -> None:
        self.taken = taken
        self.queues: dict[Hashable, deque[Flat]] = defaultdict(deque)
        for flat in flats:
            for key in _keys(flat.parent, flat.unit.eid):
                self.queues[key].append(flat)

    def best(self, parent: int, eid: str) -> Flat | None:
        """The first free copy under `parent` with `eid`, else under `parent`, else with
        `eid`, else the first free copy; None when every copy is taken."""
        for key in _keys(parent, eid):
            queue = self.queues.get(key)
            while queue and self.taken(queue[0].index):
                queue.popleft()
            if queue:
                return queue[0]
        return None


def _keys(parent: int, eid: str) -> tuple[Hashable, ...]:
    return (("both", parent, eid), ("parent", parent), ("eid", eid), ("all",))
