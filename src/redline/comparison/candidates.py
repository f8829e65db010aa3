"""Candidate pruning: for each unit, the few units worth scoring against it.

An inverted index from rare words to units keeps alignment near-linear in document
size: similarity is computed for a handful of candidates per unit, never all pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Generic, Protocol, TypeVar


class Bagged(Protocol):
    """What the index needs of an item: its bag of word keys and its region."""

    @property
    def bag(self) -> Counter[str]: ...

    @property
    def region(self) -> str: ...


T = TypeVar("T", bound=Bagged)

#: A word found in more units than this share of the document is not a useful candidate key.
COMMON_WORD_SHARE = 0.05
#: At most this many candidates, by shared rare words, are scored for each unit.
CANDIDATES_PER_UNIT = 12


class CandidateIndex(Generic[T]):
    """Rare word -> units (or notes) of a pool that contain it: candidate pruning, so
    similarity is computed for a handful of candidates per item instead of all pairs."""

    def __init__(self, pool: list[T]) -> None:
        self.pool = pool
        index: dict[str, list[int]] = defaultdict(list)
        for position, flat in enumerate(pool):
            for word in flat.bag:
                index[word].append(position)
        limit = max(3, int(len(pool) * COMMON_WORD_SHARE))
        self.rare = {word: spots for word, spots in index.items() if len(spots) <= limit}

    def candidates(self, flat: Bagged) -> list[T]:
        """The units sharing the most rare words with `flat`, in its region."""
        shared: Counter[int] = Counter()
        for word in flat.bag:
            for position in self.rare.get(word, ()):
                shared[position] += 1
        best = shared.most_common(CANDIDATES_PER_UNIT)
        return [self.pool[p] for p, _ in best if self.pool[p].region == flat.region]
