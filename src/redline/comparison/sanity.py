"""Warnings about a comparison as a whole: swapped versions, unrelated documents.

Run on a finished `Comparison` (nothing is compared again). Guarantees to the renderers
and the CLI: `sanity_warnings` returns plain one-sentence messages, in a fixed order
(dates first, then shared text), the same for the same comparison; an empty tuple
means nothing looks wrong.
"""

from __future__ import annotations

import weakref

from redline.changes import Comparison, Op
from redline.model import UNKNOWN_DATE

SHARED_TEXT_FLOOR = 0.10
"""Share of words (see `shared_text`) under which two versions "share almost no text".
Measured with the word counts of `shared_text`: versions of one text keep 0.43 (the EU
Digital Markets Act, proposal against regulation) to 1.0 of their words; the
declaration against a US bill keeps 0.0, two unrelated US bills 0.009."""


def _words(text: str) -> int:
    return len(text.split())


_last: list[tuple[weakref.ref[Comparison], float]] = []
"""The last comparison measured and its share: a run asks for it up to three times
(JSON, warnings, the batch result), and it walks every word. Held weakly, so that a
comparison no one holds is freed, not kept alive by the memo."""


def shared_text(comparison: Comparison) -> float:
    """The share of the two versions' words that the comparison kept: words in the equal
    runs of paired units, counted on both sides, over all words of both versions.

    1.0 for identical versions (and for two empty ones), 0.0 when nothing pairs.
    """
    if _last and _last[0][0]() is comparison:
        return _last[0][1]
    share = _count_shared(comparison)
    _last[:] = [(weakref.ref(comparison), share)]
    return share


def _count_shared(comparison: Comparison) -> float:
    kept = total = 0
    for change in comparison.changes:
        total += sum(_words(side.text) for side in (*change.old, *change.new))
        if change.old and change.new:
            kept += 2 * sum(_words(op.new) for op in change.ops if op.op is Op.EQUAL)
    return min(1.0, kept / total) if total else 1.0


def _known(date: str) -> bool:
    return bool(date) and date != UNKNOWN_DATE


def sanity_warnings(comparison: Comparison) -> tuple[str, ...]:
    """What a reader should know before trusting the redline: OLD dated after NEW
    (the inputs may be swapped), or versions sharing under `SHARED_TEXT_FLOOR` of their
    words (they may not be versions of one text); and what the readers of the two versions
    skipped or doubted (`Metadata.import_notes`), since the redline cannot show it.
    Unknown dates are not compared."""
    found = []
    old, new = comparison.old.date, comparison.new.date
    if _known(old) and _known(new) and old > new:
        found.append(
            f"the old version is dated {old}, after the new version ({new}): "
            "are OLD and NEW swapped?"
        )
    share = shared_text(comparison)
    if share < SHARED_TEXT_FLOOR:
        found.append(
            f"the two versions share almost no text ({share:.1%} of their words kept, "
            f"under {SHARED_TEXT_FLOOR:.0%}): are they versions of the same document?"
        )
    for side, document in (("old", comparison.old), ("new", comparison.new)):
        found += [f"in reading the {side} version: {note}" for note in document.import_notes]
    return tuple(found)
