"""Authorial notes aligned like units: exact text first, then candidates, never all pairs.

The last pass of `redline.comparison.align`, once units are paired. A note is addressed
as (unit index, note position in the unit). Guarantees: every note is in exactly one
pair (old, new), (old, None) or (None, new); the work is near-linear in the number of
notes (an exact pass by normalised text, then similarity scored only for candidates
sharing rare words or sitting in the partner of the note's unit), so a file compared
with itself pairs every note however many there are.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from redline.changes import CompareOptions
from redline.comparison.candidates import CandidateIndex
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
    old_flats: list[Flat], new_flats: list[Flat], pair_old: dict[int, int], options: CompareOptions
) -> list[NotePair]:
    """Pair the notes of two versions whose units are paired as `pair_old` says."""
    olds, news = _notes(old_flats, options), _notes(new_flats, options)
    pairs: dict[Ref, Ref] = {}
    _pair_exact(olds, news, pair_old, pairs)
    _pair_similar(olds, news, pair_old, pairs, options)
    used_new = set(pairs.values())
    result: list[NotePair] = [(o.ref, pairs[o.ref]) for o in olds if o.ref in pairs]
    result += [(o.ref, None) for o in olds if o.ref not in pairs]
    result += [(None, n.ref) for n in news if n.ref not in used_new]
    return result


def _pair_exact(
    olds: list[_Note], news: list[_Note], pair_old: dict[int, int], pairs: dict[Ref, Ref]
) -> None:
    """Notes of the same text pair up: within paired units first, then in document order
    (repeated notes such as "Ibid." go to the copy in the partner unit when there is one).
    Each note is looked at once per pass: queues by (unit, text) and by text."""
    in_unit: dict[tuple[int, tuple[str, ...]], deque[_Note]] = defaultdict(deque)
    anywhere: dict[tuple[str, ...], deque[_Note]] = defaultdict(deque)
    for note in news:
        in_unit[(note.ref[0], note.keys)].append(note)
        anywhere[note.keys].append(note)
    taken: set[Ref] = set()
    for same_unit in (True, False):
        for old in olds:
            if old.ref in pairs:
                continue
            queue = (
                in_unit.get((pair_old.get(old.ref[0], -1), old.keys))
                if same_unit
                else anywhere.get(old.keys)
            )
            while queue and queue[0].ref in taken:
                queue.popleft()
            if queue:
                match = queue.popleft()
                pairs[old.ref] = match.ref
                taken.add(match.ref)


def _pair_similar(
    olds: list[_Note],
    news: list[_Note],
    pair_old: dict[int, int],
    pairs: dict[Ref, Ref],
    options: CompareOptions,
) -> None:
    """Greedy best-first pairing of the notes left, scored only against candidates."""
    taken = set(pairs.values())
    free_new = [n for n in news if n.ref not in taken]
    if not free_new:
        return
    index = CandidateIndex(free_new)
    by_unit: dict[int, list[_Note]] = defaultdict(list)
    for note in free_new:
        by_unit[note.ref[0]].append(note)
    scored: list[tuple[float, Ref, Ref]] = []
    for old in olds:
        if old.ref in pairs:
            continue
        partner = pair_old.get(old.ref[0], -1)
        candidates = {n.ref: n for n in (*index.candidates(old), *by_unit.get(partner, ()))}
        for new in candidates.values():
            score = similarity(old.bag, new.bag)
            if score >= options.match_threshold:
                bonus = SAME_UNIT_BONUS if new.ref[0] == partner else 0.0
                scored.append((score + bonus, old.ref, new.ref))
    scored.sort(key=lambda item: -item[0])
    for _, old_ref, new_ref in scored:
        if old_ref not in pairs and new_ref not in taken:
            pairs[old_ref] = new_ref
            taken.add(new_ref)
