"""Score unit alignment against ground truth: redline versus pairing by number.

Used by ``benchmarks/evaluate.py`` (full run, prints a table) and by the test suite
(small sample, asserts the floor). A unit is a text unit: recital, paragraph, intro,
unnumbered text or point. A correspondence is a pair (old eId or None, new eId or None);
precision, recall and F1 compare the predicted set of pairs with the true set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mutations import Truth, mutate
from redline.changes import ChangeKind, Comparison
from redline.comparison.engine import compare
from redline.model import Document, Unit

Pair = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one prediction, plus change-kind accuracy."""

    precision: float
    recall: float
    f1: float
    kind_accuracy: float
    move_recall: float


def pairs_of(records: Iterable[Truth]) -> set[Pair]:
    """Every (old, new) pair a list of correspondences implies."""
    pairs: set[Pair] = set()
    for record in records:
        olds: list[str | None] = list(record.old) or [None]
        news: list[str | None] = list(record.new) or [None]
        pairs.update((o, n) for o in olds for n in news)
    return pairs


def predicted(comparison: Comparison) -> list[Truth]:
    """The text-unit correspondences of a comparison, with kinds in the gold vocabulary."""
    return [truth for truth, _ in predicted_with_evidence(comparison)]


def predicted_with_evidence(comparison: Comparison) -> list[tuple[Truth, str]]:
    """`predicted`, each with the evidence that decided it ("" for inserted/deleted)."""
    out = []
    for change in comparison.changes:
        sides = change.old + change.new
        if change.element == "authorialNote" or not any(side.text for side in sides):
            continue
        kind = "unchanged" if change.kind is ChangeKind.RENUMBERED else change.kind.value
        record = Truth(kind, tuple(s.eid for s in change.old), tuple(s.eid for s in change.new))
        out.append((record, change.matched_by[0].value if change.matched_by else ""))
    return out


def evidence_precision(
    prediction: list[tuple[Truth, str]], truth: list[Truth]
) -> dict[str, tuple[int, int]]:
    """Per evidence kind: (pairings, correct ones). A pairing is correct when every
    (old, new) pair it implies is true."""
    want = pairs_of(truth)
    out: dict[str, tuple[int, int]] = {}
    for record, how in prediction:
        if not how:
            continue
        total, right = out.get(how, (0, 0))
        out[how] = (total + 1, right + (pairs_of([record]) <= want))
    return out


def by_number(old: Document, new: Document) -> list[Truth]:
    """The naive baseline: text units paired by identical eId (that is, by printed number)."""
    old_units = {u.eid: u for u in old.walk() if u.is_text and u.text}
    new_units = {u.eid: u for u in new.walk() if u.is_text and u.text}
    out = []
    for eid, unit in old_units.items():
        if eid in new_units:
            kind = "unchanged" if new_units[eid].text == unit.text else "modified"
            out.append(Truth(kind, (eid,), (eid,)))
        else:
            out.append(Truth("deleted", (eid,), ()))
    out += [Truth("inserted", (), (eid,)) for eid in new_units if eid not in old_units]
    return out


def score(prediction: list[Truth], truth: list[Truth]) -> Score:
    """Compare a prediction with the truth."""
    got, want = pairs_of(prediction), pairs_of(truth)
    hits = len(got & want)
    precision = hits / len(got) if got else 1.0
    recall = hits / len(want) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    kind_of: dict[tuple[str, str], str] = {}  # (side, eId): old and new eIds may coincide
    for record in prediction:
        side = "new" if record.new else "old"
        for eid in record.new or record.old:
            kind_of[(side, eid)] = record.kind
    right = moves = moved_right = 0
    for record in truth:
        key = ("new", record.new[0]) if record.new else ("old", record.old[0])
        right += kind_of.get(key) == record.kind
        if record.kind == "moved":
            moves += 1
            moved_right += kind_of.get(key) == "moved"
    accuracy = right / len(truth) if truth else 1.0
    move_recall = moved_right / moves if moves else 1.0
    return Score(precision, recall, f1, accuracy, move_recall)


def score_mutations(doc: Document, seeds: Iterable[int], edits: int = 8) -> tuple[Score, Score]:
    """Average scores of redline and of the by-number baseline over mutated copies of `doc`."""
    ours: list[Score] = []
    naive: list[Score] = []
    for seed in seeds:
        new, truth = mutate(doc, seed, edits)
        ours.append(score(predicted(compare(doc, new)), truth))
        naive.append(score(by_number(doc, new), truth))
    return _mean(ours), _mean(naive)


def _mean(scores: list[Score]) -> Score:
    n = len(scores)
    return Score(*(sum(getattr(s, f) for s in scores) / n for f in Score.__dataclass_fields__))


# -- the gold alignment of revision A -------------------------------------------------------

_WHERE = re.compile(
    r"""
    ^(?:preamble\s+(?P<recital>\d+)                    # preamble 3
    | art\s+(?P<art>\d+)                               # art 5
      (?:\s+para\s+(?P<para>\d+))?                     # para 2
      (?:\s+(?P<what>intro|text))?                     # intro | text
      (?:\s+point\s+(?P<point>\([a-z]+\))(?:\#(?P<nth>\d+))?)?  # point (i)#2
    )$
    """,
    re.VERBOSE,
)


def resolve(doc: Document, where: str) -> str:
    """The eId of the unit a gold ``where`` names (``art 5 point (i)#2``)."""
    match = _WHERE.match(where)
    if not match:
        raise ValueError(f"cannot read gold unit {where!r}")
    if match["recital"]:
        recitals = [u for u in doc.walk() if u.element == "recital"]
        return recitals[int(match["recital"]) - 1].eid
    article = next(u for u in doc.walk() if u.element == "article"
                   and u.num.split()[-1] == match["art"])  # fmt: skip
    scope: Unit = article
    if match["para"]:
        scope = next(u for u in article.walk() if u.element == "paragraph"
                     and u.num.rstrip(".") == match["para"])  # fmt: skip
    if match["point"]:
        points = [u for u in scope.walk() if u.element == "point" and u.num == match["point"]]
        return points[int(match["nth"] or 1) - 1].eid
    if match["what"] == "intro":
        return next(u for u in scope.walk() if u.element == "intro").eid
    if match["what"] == "text":
        return next(u for u in scope.walk() if u.element == "content").eid
    if not scope.is_text:  # a paragraph with a list: its own words are the list's intro
        return next(u for u in scope.walk() if u.element == "intro").eid
    return scope.eid


def gold_truth(path: Path, old: Document, new: Document) -> list[Truth]:
    """The gold correspondences of a file in the revision-A format, as eIds."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        Truth(
            record["kind"],
            tuple(resolve(old, unit["where"]) for unit in record["old"]),
            tuple(resolve(new, unit["where"]) for unit in record["new"]),
        )
        for record in records
    ]
