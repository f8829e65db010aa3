"""Why two units were paired, and how sure the pairing is (part of the "align" stage).

The alignment records, for every pair, the pass that decided it and that pass's score
(`redline.comparison.align.Alignment.evidence`); this module turns that record into
what a `Change` says: `matched_by` (the deciding evidence, then the facts that support
it: the same heading, the same eId) and a `confidence` in [0, 1]:

============================  =====================================================
evidence                      confidence
============================  =====================================================
``exact``, ``same-order``     1.0 (0.9 for a repeated text placed by order alone)
``similar-text``              the share of words in common (Dice similarity)
``heading``                   0.75 + 0.25 × the similarity of the texts
``container-majority``        the share of the container's words that went along
``same-eid``, ``position``    the similarity of the texts (at least the floor)
============================  =====================================================

A shared heading lifts a pairing to at least the ``heading`` value. Guarantees: every
pair, split and merge gets at least one evidence kind and a confidence; inserted and
deleted units get none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redline.changes import Evidence

if TYPE_CHECKING:
    from redline.comparison.align import Alignment


def explain_pair(
    alignment: Alignment, old: int, new: int, similarity: float
) -> tuple[tuple[Evidence, ...], float]:
    """The evidence and confidence of the pair (`old`, `new`), whose texts have the
    given `similarity` (as the change reports it)."""
    how, score = alignment.evidence.get((old, new), (Evidence.POSITION, similarity))
    if how in (Evidence.EXACT, Evidence.SIMILAR_TEXT, Evidence.CONTAINER_MAJORITY):
        confidence = score
    elif how is Evidence.SAME_ORDER:
        confidence = 1.0
    elif how is Evidence.HEADING:
        confidence = _heading_confidence(similarity)
    else:
        confidence = similarity
    kinds = [how]
    o, n = alignment.old[old].unit, alignment.new[new].unit
    if how is not Evidence.HEADING and o.heading and o.heading == n.heading:
        kinds.append(Evidence.HEADING)
        confidence = max(confidence, _heading_confidence(similarity))
    if how is not Evidence.SAME_EID and o.eid == n.eid:
        kinds.append(Evidence.SAME_EID)
    return tuple(kinds), round(min(max(confidence, 0.0), 1.0), 4)


def explain_group(
    alignment: Alignment, olds: tuple[int, ...], news: tuple[int, ...]
) -> tuple[tuple[Evidence, ...], float]:
    """The evidence and confidence of a split or merge: the similarity of the whole."""
    score = alignment.group_evidence.get((olds, news), 0.0)
    return (Evidence.SIMILAR_TEXT,), round(score, 4)


def _heading_confidence(similarity: float) -> float:
    return 0.75 + 0.25 * similarity


#: Each kind of evidence in words, for people.
_WORDS = {
    Evidence.EXACT: "identical text",
    Evidence.SAME_ORDER: "identical text in the same order",
    Evidence.SIMILAR_TEXT: "similar text",
    Evidence.HEADING: "same heading",
    Evidence.SAME_EID: "same eId",
    Evidence.CONTAINER_MAJORITY: "its text paired there",
    Evidence.POSITION: "same place",
}


def describe(matched_by: tuple[Evidence, ...], confidence: float | None) -> str:
    """``similar text 0.93, same heading``: the evidence in words, for people.

    >>> describe((Evidence.SIMILAR_TEXT, Evidence.HEADING), 0.93)
    'similar text 0.93, same heading'
    >>> describe((), None)
    ''
    """
    if not matched_by:
        return ""
    first = f"{_WORDS[matched_by[0]]} {confidence:.2f}" if confidence is not None else ""
    return ", ".join([first, *(_WORDS[kind] for kind in matched_by[1:])])
