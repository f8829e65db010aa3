"""Alignment quality: redline against pairing by number, on gold and generated truth.

Run ``.venv/bin/python benchmarks/evaluate.py`` (``--seeds N`` for more mutated
copies). Prints one Markdown table: revision A of the declaration against its gold
alignment, then mutated copies of the declaration (paragraph-level edits: moves
across articles, splits, merges, word edits, insertions, deletions) and of US bills
(provision-level edits: inserted, deleted and moved sections with renumbering, word
edits), each scored for redline and for the by-number baseline in the same run.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from alignment_scores import (
    Score,
    by_number,
    evidence_precision,
    gold_truth,
    predicted_with_evidence,
    score,
)
from mutations import Truth, mutate, mutate_provisions, restructure
from redline.changes import CompareOptions
from redline.comparison.engine import compare
from redline.model import Document
from redline.read.sources import load_document

ROOT = Path(__file__).resolve().parent.parent
VERSIONS = ROOT / "versions"
USLM = ROOT / "tests" / "data" / "uslm"
GOLD = ROOT / "tests" / "data" / "drafts" / "solidarity-revision-A.gold.json"

Mutator = Callable[[Document, int], tuple[Document, list[Truth]]]


def _row(name: str, units: int, ours: Score, naive: Score) -> str:
    return (
        f"| {name} | {units} | {ours.precision:.3f} | {ours.recall:.3f} | **{ours.f1:.3f}** | "
        f"{ours.kind_accuracy:.3f} | {ours.move_recall:.2f} | {naive.f1:.3f} | "
        f"{naive.kind_accuracy:.3f} | {naive.move_recall:.2f} |"
    )


def _mean(scores: list[Score]) -> Score:
    n = len(scores)
    fields = ("precision", "recall", "f1", "kind_accuracy", "move_recall")
    return Score(*(sum(getattr(s, f) for s in scores) / n for f in fields))


EVIDENCE: dict[str, tuple[int, int]] = {}
"""Pairings and correct ones per evidence kind, over every case of the run."""


def _scored(old: Document, new: Document, truth: list[Truth], options: CompareOptions) -> Score:
    """redline's score on one pair, its pairings counted by evidence in `EVIDENCE`."""
    prediction = predicted_with_evidence(compare(old, new, options))
    for how, (total, right) in evidence_precision(prediction, truth).items():
        seen_total, seen_right = EVIDENCE.get(how, (0, 0))
        EVIDENCE[how] = (seen_total + total, seen_right + right)
    return score([record for record, _ in prediction], truth)


def mutated(
    doc: Document, mutator: Mutator, seeds: int, options: CompareOptions
) -> tuple[int, Score, Score]:
    """Mean scores over `seeds` mutated copies, and the number of true correspondences."""
    ours, naive, units = [], [], 0
    for seed in range(seeds):
        new, truth = mutator(doc, seed)
        units += len(truth)
        ours.append(_scored(doc, new, truth, options))
        naive.append(score(by_number(doc, new), truth))
    return units, _mean(ours), _mean(naive)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="mutated copies per document")
    parser.add_argument(
        "--floor", type=float, default=CompareOptions().evidence_floor,
        help="the evidence floor to evaluate (default: redline's)",
    )  # fmt: skip
    parser.add_argument("--cases", default="", help="only the cases whose name contains this")
    args = parser.parse_args()
    options = CompareOptions(evidence_floor=args.floor)
    print("| case | true correspondences | precision | recall | F1 | kind accuracy | "
          "move recall | by-number F1 | by-number kind acc. | by-number move recall |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    old = load_document(str(VERSIONS / "solidarity-2014.akn.xml"))
    new = load_document(str(VERSIONS / "solidarity-revision-A.akn.xml"))
    truth = gold_truth(GOLD, old, new)
    ours = _scored(old, new, truth, options)
    print(
        _row(
            "declaration 2014 → revision A (gold)",
            len(truth),
            ours,
            score(by_number(old, new), truth),
        )
    )
    cases: list[tuple[str, Path, Mutator]] = [
        ("declaration, paragraph edits", VERSIONS / "solidarity-2014.akn.xml", mutate),
        ("declaration, provision edits", VERSIONS / "solidarity-2014.akn.xml", mutate_provisions),
        ("declaration, restructuring", VERSIONS / "solidarity-2014.akn.xml", restructure),
        ("H.R. 264 (appropriations), provision edits", USLM / "h264_eh.xml", mutate_provisions),
        ("S. 2731, provision edits", USLM / "S2731_IPS.xml", mutate_provisions),
        ("S.Res. 100, provision edits", USLM / "SR100_IS.xml", mutate_provisions),
        ("S.Con.Res. 13, provision edits", USLM / "SC13_ES.xml", mutate_provisions),
    ]
    for name, path, mutator in [case for case in cases if args.cases in case[0]]:
        units, ours, naive = mutated(load_document(str(path)), mutator, args.seeds, options)
        print(_row(f"{name} ({args.seeds} seeds)", units, ours, naive), flush=True)
    print(f"\nPrecision by evidence (evidence floor {args.floor:g}, every case above):\n")
    print("| evidence | pairings | precision |")
    print("|---|---:|---:|")
    for how, (total, right) in sorted(EVIDENCE.items(), key=lambda item: -item[1][0]):
        print(f"| {how} | {total} | {right / total:.3f} |")


if __name__ == "__main__":
    main()
