"""The comparison engine on the declaration: the 2014 text against revision A."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from alignment_scores import by_number, gold_truth, predicted, score, score_mutations
from mutations import mutate_provisions
from redline.changes import PART_SEPARATOR, ChangeKind, Comparison, Op, accept, reject
from redline.cli import main
from redline.comparison.engine import compare
from redline.model import Document
from redline.read.sources import load_document
from redline.renderers import RenderOptions
from redline.renderers.json import render_json, schema

ROOT = Path(__file__).resolve().parents[2]
OLD_TEXT = ROOT / "versions" / "solidarity-2014.txt"
NEW_TEXT = ROOT / "versions" / "solidarity-revision-A.txt"
GOLD = ROOT / "tests" / "data" / "drafts" / "solidarity-revision-A.gold.json"


@cache
def drafts() -> tuple[Document, Document]:
    return load_document(str(OLD_TEXT)), load_document(str(NEW_TEXT))


@cache
def comparison() -> Comparison:
    return compare(*drafts())


def _top(old_label: str) -> tuple[str, list[str]]:
    for change in comparison().correspondence:
        if change.old and change.old[0].label == old_label:
            return change.kind.value, [side.label for side in change.new]
    return "inserted?", []


def test_correspondence_matches_revision_notes():
    assert _top("Article 1") == ("modified", ["Article 1"])
    for old in range(3, 14):
        kind, new = _top(f"Article {old}")
        assert new == [f"Article {old + 1}"], old
        assert kind in ("renumbered", "modified")
    inserted = [
        c.new[0].label for c in comparison().correspondence if c.kind is ChangeKind.INSERTED
    ]
    assert "Article 3" in inserted
    # UN preambles print no numbers: recitals are named by their opening words
    reiterating = "Preamble, recital beginning 'Reiterating the commitment of States…'"
    now = "Preamble, recital beginning 'Reiterating further the commitment of…'"
    assert _top(reiterating) == ("moved", [now])
    considering = "Preamble, recital beginning 'Considering that in development forums…'"
    assert _top(considering) == ("moved", [considering])


def test_paragraph_moved_across_articles():
    moved = [
        c for c in comparison().changes if c.kind is ChangeKind.MOVED and c.element == "paragraph"
    ]
    assert [(c.old[0].label, c.new[0].label) for c in moved] == [("Article 8(2)", "Article 11(3)")]


def test_alignment_scores_against_gold():
    old, new = drafts()
    truth = gold_truth(GOLD, old, new)
    ours = score(predicted(comparison()), truth)
    naive = score(by_number(old, new), truth)
    assert ours.f1 >= 0.98
    assert naive.f1 < 0.5  # pairing by number is what redline exists to beat
    assert ours.move_recall == 1.0


def test_alignment_scores_on_mutations_sample():
    old, _ = drafts()
    ours, naive = score_mutations(old, range(6))
    assert ours.f1 >= 0.98
    assert ours.f1 > naive.f1


def test_alignment_scores_on_mutated_bills_sample():
    for name in ("SR100_IS.xml", "S2731_IPS.xml"):
        doc = load_document(str(ROOT / "tests" / "data" / "uslm" / name))
        for seed in range(3):
            new, truth = mutate_provisions(doc, seed)
            assert score(predicted(compare(doc, new)), truth).f1 >= 0.98, (name, seed)


def test_lossless_on_the_declaration():
    for change in comparison().changes:
        assert accept(change.ops) == PART_SEPARATOR.join(s.text for s in change.new)
        assert reject(change.ops) == PART_SEPARATOR.join(s.text for s in change.old)


def test_words_never_split():
    for change in comparison().changes:
        for before, after in zip(change.ops, change.ops[1:], strict=False):
            if Op.EQUAL in (before.op, after.op) and before.op is not after.op:
                left = (before.new or before.old)[-1:]
                right = (after.new or after.old)[:1]
                assert not (left.isalnum() and right.isalnum()), (before, after)


def test_json_validates_and_lists_every_unit():
    record = json.loads(render_json(comparison(), RenderOptions()))
    jsonschema.validate(record, schema())
    old, new = drafts()
    olds = {s["eid"] for c in record["changes"] for s in c["old"]}
    news = {s["eid"] for c in record["changes"] for s in c["new"]}
    assert {u.eid for u in old.walk()} <= olds
    assert {u.eid for u in new.walk()} <= news
    assert record["summary"]["moved"] == 3


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_diff_cli_exit_codes(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / f"out.{fmt}"
    assert main(["diff", str(OLD_TEXT), str(NEW_TEXT), "--format", fmt, "-o", str(out)]) == 1
    assert out.stat().st_size > 1000
    assert main(["diff", str(OLD_TEXT), str(OLD_TEXT), "--format", fmt, "-o", str(out)]) == 0
    assert main(["diff", str(OLD_TEXT), str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_markdown_marks_words(tmp_path: Path):
    out = tmp_path / "out.md"
    main(["diff", str(OLD_TEXT), str(NEW_TEXT), "--format", "md", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "| Article 3 | Article 4 |" in text
    assert "~~conception~~**principle**" in text
    # marks beside punctuation use tags (Markdown's ~~/** would not take there), and no
    # line is indented four spaces (Markdown would show it as code)
    assert "humanity<ins>,</ins> to be realized" in text
    assert not [line for line in text.splitlines() if line.startswith("    ")]
    assert "Article 6(n) (old Article 5(j) (2nd))" in text


def test_ignore_options_fold_differences():
    old, new = drafts()
    strict = compare(old, new)
    loose = compare(old, new, type(strict.options)(ignore_case=True, ignore_punctuation=True))
    assert loose.counts()["unchanged"] > strict.counts()["unchanged"]
