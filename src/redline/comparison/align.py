"""Alignment: which unit of the old version became which unit of the new one (the "align" stage).

Units are paired by content, not by number. Identical units in the same order pair
first (`redline.comparison.order`). Text units (recitals, paragraphs, points,
intros, unnumbered text) are aligned next, over the whole document: exact text, then
the same eId with similar text, then similarity among candidates that share rare
words (an inverted index keeps this near-linear), then splits and merges, then
leftovers by position. Containers (articles, lists, parts) follow the majority of
their text units; a top-level provision with a unique, unchanged heading pairs with
its counterpart, and repeated identical texts within paired containers pair in order.
Authorial notes are aligned on their own, the same way (`redline.comparison.notes`).

Guarantees to `redline.comparison.engine`: every unit is in at most one pair, split or merge;
`Alignment.pair_old`/`pair_new` are inverse maps; split and merge members are not
in any pair.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from redline.changes import CompareOptions, Evidence
from redline.comparison.candidates import CandidateIndex
from redline.comparison.copies import Copies
from redline.comparison.flatten import Flat, ancestors, flatten, same_role
from redline.comparison.notes import pair_notes
from redline.comparison.order import (
    pair_by_heading,
    pair_identical_in_order,
    pair_slots,
    pair_twins_in_order,
)
from redline.comparison.tokens import similarity
from redline.comparison.worddiff import diff_words, ops_similarity
from redline.model import Document

#: Score bonus for candidates that kept their eId (a tie-breaker, not a decision).
SAME_EID_BONUS = 0.05
#: Units that kept their eId pair at this share of the match threshold.
SAME_EID_FACTOR = 0.6
#: Lowest similarity at which leftovers between the same neighbours still pair up.
POSITIONAL_THRESHOLD = 0.3


@dataclass(slots=True)
class Alignment:
    """The pairs, splits and merges found between two flattened documents."""

    old: list[Flat]
    new: list[Flat]
    pair_old: dict[int, int] = field(default_factory=dict)
    pair_new: dict[int, int] = field(default_factory=dict)
    splits: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    merges: list[tuple[tuple[int, ...], int]] = field(default_factory=list)
    note_pairs: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = field(
        default_factory=list
    )
    evidence: dict[tuple[int, int], tuple[Evidence, float]] = field(default_factory=dict)
    """(old, new) of a pair -> the evidence that decided it and the pass's score."""
    group_evidence: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = field(
        default_factory=dict
    )
    """(old members, new members) of a split or merge -> the similarity of the whole."""

    def link(
        self, old: int, new: int, how: Evidence = Evidence.SIMILAR_TEXT, score: float = 1.0
    ) -> None:
        self.pair_old[old] = new
        self.pair_new[new] = old
        self.evidence[(old, new)] = (how, score)

    def linker(self, how: Evidence) -> Callable[[int, int], None]:
        """`link` with its evidence fixed, for the passes that take a plain callback."""
        return lambda old, new: self.link(old, new, how)


def align(old_doc: Document, new_doc: Document, options: CompareOptions) -> Alignment:
    """Pair the units of two versions; see the module docstring for the order of passes."""
    result = Alignment(flatten(old_doc, options), flatten(new_doc, options))
    pair_identical_in_order(
        result.old, result.new, result.pair_old, result.linker(Evidence.SAME_ORDER)
    )
    _pair_exact(result, ambiguous=False)
    _pair_similar(result, options, same_eid_only=False)
    _pair_containers(result)
    heading = result.linker(Evidence.HEADING)
    pair_by_heading(result.old, result.new, result.pair_old, result.pair_new, heading)
    twins = result.linker(Evidence.SAME_ORDER)
    pair_twins_in_order(result.old, result.new, result.pair_old, result.pair_new, twins)
    _pair_exact(result, ambiguous=True)
    _pair_similar(result, options, same_eid_only=True)
    _find_splits_and_merges(result, options)
    _pair_containers(result)
    _pair_leftovers(result, options)
    taken_old = {o for os, _ in result.merges for o in os} | {o for o, _ in result.splits}
    taken_new = {n for _, ns in result.splits for n in ns} | {n for _, n in result.merges}
    pair_slots(
        result.old,
        result.new,
        result.pair_old,
        result.pair_new,
        (taken_old, taken_new),
        _floored(result, options),
    )
    _pair_containers(result)
    groups = frozenset(
        [(old, new) for old, news in result.splits for new in news]
        + [(old, new) for olds, new in result.merges for old in olds]
    )
    result.note_pairs = pair_notes(result.old, result.new, result.pair_old, options, groups)
    return result


def _free_leaves(flats: list[Flat], paired: dict[int, int], taken: set[int]) -> list[Flat]:
    return [f for f in flats if f.leaf and f.index not in paired and f.index not in taken]


def _pair_exact(result: Alignment, *, ambiguous: bool) -> None:
    """Pair identical texts (under the options).

    A text that occurs once on each side pairs at once. Repeated texts (headings such
    as "salaries and expenses") wait until containers are paired (``ambiguous=True``):
    then a copy under the parent's partner wins, else the same eId, else order."""
    by_key: dict[tuple[str, tuple[str, ...]], list[Flat]] = defaultdict(list)
    new_count: Counter[tuple[str, tuple[str, ...]]] = Counter()
    copies: dict[tuple[str, tuple[str, ...]], Copies] = {}
    for flat in result.old:
        if flat.leaf and flat.keys and flat.index not in result.pair_old:
            by_key[(flat.region, flat.keys)].append(flat)
    for flat in result.new:
        if flat.leaf and flat.keys:
            new_count[(flat.region, flat.keys)] += 1
    for flat in result.new:
        if not (flat.leaf and flat.keys) or flat.index in result.pair_new:
            continue
        key = (flat.region, flat.keys)
        if not ambiguous:  # a text once on each side: no pool to build
            only = by_key.get(key, [])
            if len(only) == 1 and new_count[key] == 1 and only[0].index not in result.pair_old:
                result.link(only[0].index, flat.index, Evidence.EXACT)
            continue
        if key not in by_key:
            continue
        if key not in copies:
            copies[key] = Copies(by_key[key], result.pair_old.__contains__)
        parent = result.pair_new.get(flat.parent, -2)
        best = copies[key].best(parent, flat.unit.eid)
        if best is None:
            continue
        # The same text repeated: which copy is this one's comes from its context.
        context = (
            Evidence.CONTAINER_MAJORITY if best.parent == parent
            else Evidence.SAME_EID if best.unit.eid == flat.unit.eid
            else Evidence.POSITION
        )  # fmt: skip
        result.link(
            best.index, flat.index, Evidence.EXACT, 1.0 if context is not Evidence.POSITION else 0.9
        )


def _pair_similar(result: Alignment, options: CompareOptions, *, same_eid_only: bool) -> None:
    """Greedy best-first pairing of similar texts.

    The general pass scores candidates that share rare words, with a small bonus for an
    unchanged eId (numbers are weak evidence: renumbering is common); the same-eId pass
    then pairs leftovers that kept their eId at a lower similarity."""
    old_free = _free_leaves(result.old, result.pair_old, set())
    new_free = _free_leaves(result.new, result.pair_new, set())
    if not old_free or not new_free:
        return
    scored: list[tuple[float, int, int]] = []
    if same_eid_only:
        by_eid = {f.unit.eid: f for f in old_free}
        for flat in new_free:
            match = by_eid.get(flat.unit.eid)
            if match and match.region == flat.region:
                sim = similarity(match.bag, flat.bag)
                if sim < options.match_threshold * SAME_EID_FACTOR:
                    continue
                kept = text_similarity(match, flat, options)
                if kept >= options.evidence_floor:
                    scored.append((kept, match.index, flat.index))
    else:
        # a text with an identical twin free on the other side waits for its context
        old_texts = {(f.region, f.keys) for f in old_free}
        new_texts = {(f.region, f.keys) for f in new_free}
        queries = [f for f in new_free if (f.region, f.keys) not in old_texts]
        index = CandidateIndex(old_free) if queries else None
        for flat in queries:
            assert index is not None
            for candidate in index.candidates(flat):
                if (candidate.region, candidate.keys) in new_texts:
                    continue  # repeated identical texts: paired by context later
                sim = similarity(candidate.bag, flat.bag)
                if sim >= options.match_threshold:
                    bonus = SAME_EID_BONUS if candidate.unit.eid == flat.unit.eid else 0.0
                    scored.append((sim + bonus, candidate.index, flat.index))
    how = Evidence.SAME_EID if same_eid_only else Evidence.SIMILAR_TEXT
    for sim, old, new in sorted(scored, key=lambda item: (-item[0], item[2], item[1])):
        if old not in result.pair_old and new not in result.pair_new:
            result.link(old, new, how, min(sim, 1.0))


def _containment(part: Counter[str], whole: Counter[str]) -> float:
    """Share of `part`'s words found in `whole`."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def _find_splits_and_merges(result: Alignment, options: CompareOptions) -> None:
    """An unpaired unit whose words sit inside a paired unit on the other side, next to
    that unit's partner, turns the pair into a merge (old side) or a split (new side)."""
    threshold = options.split_threshold
    for side_old in (True, False):
        mine, theirs = (result.old, result.new) if side_old else (result.new, result.old)
        my_pairs = result.pair_old if side_old else result.pair_new
        their_pairs = result.pair_new if side_old else result.pair_old
        grouped: dict[int, list[int]] = defaultdict(list)
        grouped_old = {o for os, _ in result.merges for o in os} | {o for o, _ in result.splits}
        grouped_new = {n for _, ns in result.splits for n in ns} | {n for _, n in result.merges}
        free = _free_leaves(mine, my_pairs, grouped_old if side_old else grouped_new)
        if not free:
            continue  # nothing left over on this side: no index to build
        index = CandidateIndex([f for f in theirs if f.leaf])
        for flat in free:
            for candidate in index.candidates(flat):
                partner = their_pairs.get(candidate.index)
                if partner is None or _containment(flat.bag, candidate.bag) < threshold:
                    continue
                if mine[partner].top != flat.top:
                    continue  # a split or merge happens inside one provision
                partner_bag = mine[partner].bag
                if _containment(partner_bag, candidate.bag) < threshold:
                    continue
                joined = partner_bag + flat.bag
                if similarity(joined, candidate.bag) > similarity(partner_bag, candidate.bag):
                    grouped[candidate.index].append(flat.index)
                    break
        for whole, extras in grouped.items():
            partner = their_pairs.pop(whole)
            (result.pair_old if side_old else result.pair_new).pop(partner, None)
            members = tuple(sorted([partner, *extras]))
            joined = sum((mine[m].bag for m in members), Counter[str]())
            score = similarity(joined, theirs[whole].bag)
            if side_old:
                result.merges.append((members, whole))
                result.group_evidence[(members, (whole,))] = score
            else:
                result.splits.append((whole, members))
                result.group_evidence[((whole,), members)] = score


def _pair_containers(result: Alignment) -> None:
    """Pair containers by the majority of their paired text units (weighted by words)."""
    votes: Counter[tuple[int, int]] = Counter()
    weights: Counter[int] = Counter()  # words of each old container's paired text units
    pairs = list(result.pair_old.items())
    pairs += [(o, n) for o, ns in result.splits for n in ns]
    pairs += [(o, n) for os, n in result.merges for o in os]
    for old, new in pairs:
        if not (result.old[old].leaf and result.new[new].leaf):
            continue
        weight = max(1, len(result.old[old].keys))
        # containers paired by an earlier call take no votes: they could not pair again
        free_new = [a for a in ancestors(result.new, new) if a not in result.pair_new]
        for old_anc in ancestors(result.old, old):
            if old_anc in result.pair_old:
                continue
            weights[old_anc] += weight
            for new_anc in free_new:
                if same_role(result.old[old_anc], result.new[new_anc]):
                    votes[(old_anc, new_anc)] += weight
    for (old, new), count in votes.most_common():
        if old not in result.pair_old and new not in result.pair_new:
            share = count / max(weights[old], 1)
            result.link(old, new, Evidence.CONTAINER_MAJORITY, round(share, 4))
    _pair_unvoted_by_eid(result)


def _pair_unvoted_by_eid(result: Alignment) -> None:
    """Containers with no text to vote (heading-only sections) pair by eId."""
    by_eid = {f.unit.eid: f for f in result.old if f.index not in result.pair_old}
    for flat in result.new:
        if flat.index in result.pair_new or flat.leaf:
            continue
        match = by_eid.get(flat.unit.eid)
        if match and not match.leaf and same_role(match, flat):
            result.link(match.index, flat.index, Evidence.SAME_EID, 0.0)


def _pair_leftovers(result: Alignment, options: CompareOptions) -> None:
    """Unpaired text units under paired parents pair by order if similar enough: their
    words in common, and their texts at least as similar as the evidence floor."""
    taken = {o for os, _ in result.merges for o in os} | {o for o, _ in result.splits}
    children: dict[int, list[Flat]] = defaultdict(list)
    for old in result.old:
        if old.leaf and old.index not in taken:
            children[old.parent].append(old)
    new_taken = {n for _, ns in result.splits for n in ns} | {n for _, n in result.merges}
    for flat in result.new:
        if not flat.leaf or flat.index in result.pair_new or flat.parent < 0:
            continue
        if flat.index in new_taken:
            continue
        old_parent = result.pair_new.get(flat.parent)
        if old_parent is None:
            continue
        siblings = [f for f in children[old_parent] if f.index not in result.pair_old]
        best = max(siblings, key=lambda f: similarity(f.bag, flat.bag), default=None)
        if best and similarity(best.bag, flat.bag) >= POSITIONAL_THRESHOLD:
            kept = text_similarity(best, flat, options)
            if kept >= options.evidence_floor:
                result.link(best.index, flat.index, Evidence.POSITION, kept)


def _floored(result: Alignment, options: CompareOptions) -> Callable[[int, int], None]:
    """`link` by place: the pair stands only when its texts reach the evidence floor."""

    def link(old: int, new: int) -> None:
        kept = text_similarity(result.old[old], result.new[new], options)
        if kept >= options.evidence_floor:
            result.link(old, new, Evidence.POSITION, kept)

    return link


def text_similarity(old: Flat, new: Flat, options: CompareOptions) -> float:
    """The share of characters the word diff keeps between two text units: the
    similarity a reader sees, stricter than shared words (which common words inflate)."""
    return ops_similarity(diff_words(old.unit.text, new.unit.text, options))
