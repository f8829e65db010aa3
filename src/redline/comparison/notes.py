"""Authorial notes aligned like units: exact text first, then candidates, never all pairs.

The last pass of `redline.comparison.align`, once units are paired. A note is addressed
as (unit index, note position in the unit). Guarantees: every note is in exactly one
pair (old, new), (old, None) or (None, new); two notes pair only when their units do
(paired, or in one split or merge), since a note is shown at its anchor in its unit's
text; the work is near-linear in the number of notes (an exact pass by normalised text,
then similarity scored only against the notes of those units), so a file compared with
itself pairs every note however many there are.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from redline.changes import CompareOptions
from redline.comparison.flatten import Flat
from redline.comparison.tokens import similarity, word_keys

Ref = tuple[int, int]
"""A note: (index of its unit in the flattened document, position among its notes)."""
NotePair = tuple[Ref | None, Ref | None]

SAME_UNIT_BONUS = 0.05
"""Score bonus for a note whose unit is paired with the other note's unit (a tie-breaker)."""


@dataclass(slots=True)
class _Note:
    """One note as the candidate index sees it."""

    ref: Ref
    keys: tuple[str, ...]
    bag: Counter[str] = field(default_factory=Counter)
    region: str = ""


def _notes(flats: list[Flat], options: CompareOptions) -> list[_Note]:
    notes = []
    for flat in flats:
        for position, note in enumerate(flat.unit.notes):
            keys = tuple(word_keys(note.text, options))
            notes.append(_Note((flat.index, position), keys, Counter(keys)))
    return notes


def pair_notes(
    old_flats: list[Flat],
    new_flats: list[Flat],
    pair_old: dict[int, int],
    options: CompareOptions,
    groups: frozenset[tuple[int, int]] = frozenset(),
) -> list[NotePair]:
    """Pair the notes of two versions whose units are paired as `pair_old` says, or
    joined in a split or merge (`groups`: the (old, new) units of each)."""
    olds, news = _notes(old_flats, options), _notes(new_flats, options)
    pairs: dict[Ref, Ref] = {}
    allowed = _Units(pair_old, groups)
    _pair_exact(olds, news, pairs, allowed)
    _pair_similar(olds, news, pairs, options, allowed)
    used_new = set(pairs.values())
    result: list[NotePair] = [(o.ref, pairs[o.ref]) for o in olds if o.ref in pairs]
    result += [(o.ref, None) for o in olds if o.ref not in pairs]
    result += [(None, n.ref) for n in news if n.ref not in used_new]
    return result


class _Units:
    """Which units' notes may pair: a note is shown in its unit's text, at its anchor, so
    a note pairs only with one in its unit's partner or in a unit of the same split or
    merge. A note that went to an unrelated unit is deleted there and inserted here."""

    def __init__(self, pair_old: dict[int, int], groups: frozenset[tuple[int, int]]) -> None:
        self.pair_old = pair_old
        self.grouped: dict[int, list[int]] = defaultdict(list)
        for old, new in sorted(groups):
            self.grouped[old].append(new)

    def partners(self, old: int, paired: bool) -> list[int]:
        """The new units whose notes an old unit's notes may pair with: its partner
        (`paired`), or the units of its split or merge."""
        if paired:
            return [self.pair_old[old]] if old in self.pair_old else []
        return self.grouped.get(old, [])


def _pair_exact(
    olds: list[_Note],
    news: list[_Note],
    pairs: dict[Ref, Ref],
    allowed: _Units,
) -> None:
    """Notes of the same text pair up: within paired units first, then within splits and
    merges (repeated notes such as "Ibid." go to the copies in document order). Each note
    is looked at once per pass: queues by (unit, text)."""
    in_unit: dict[tuple[int, tuple[str, ...]], deque[_Note]] = defaultdict(deque)
    for note in news:
        in_unit[(note.ref[0], note.keys)].append(note)
    taken: set[Ref] = set()
    for paired in (True, False):
        for old in olds:
            if old.ref in pairs:
                continue
            for unit in allowed.partners(old.ref[0], paired):
                queue = in_unit.get((unit, old.keys))
                while queue and queue[0].ref in taken:
                    queue.popleft()
                if queue:
                    match = queue.popleft()
                    pairs[old.ref] = match.ref
                    taken.add(match.ref)
                    break


def _pair_similar(
    olds: list[_Note],
    news: list[_Note],
    pairs: dict[Ref, Ref],
    options: CompareOptions,
    allowed: _Units,
) -> None:
    """Greedy best-first pairing of the notes left, each scored only against the notes
    of the units it may pair with; a note in its unit's partner wins a tie."""
    taken = set(pairs.values())
    by_unit: dict[int, list[_Note]] = defaultdict(list)
    for note in news:
        if note.ref not in taken:
            by_unit[note.ref[0]].append(note)
    scored: list[tuple[float, Ref, Ref]] = []
    for old in olds:
        if old.ref in pairs:
            continue
        partners = allowed.partners(old.ref[0], True)
        for unit in (*partners, *allowed.partners(old.ref[0], False)):
            for new in by_unit.get(unit, ()):
                score = similarity(old.bag, new.bag)
                if score >= options.match_threshold:
                    bonus = SAME_UNIT_BONUS if unit in partners else 0.0
                    scored.append((score + bonus, old.ref, new.ref))
    scored.sort(key=lambda item: -item[0])
    for _, old_ref, new_ref in scored:
        if old_ref not in pairs and new_ref not in taken:
            pairs[old_ref] = new_ref
            taken.add(new_ref)
