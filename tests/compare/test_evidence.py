"""Every pairing explains itself, and none rests on place or eId alone below the floor.

The real pairs are the bundled drafts, US bills in each format, the EU act's two
versions and AKN from other publishers; the weak-evidence case is revision A with one
recital replaced by an unrelated one at the same place.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

import redline
from redline.changes import WEAK_CONFIDENCE, ChangeKind, CompareOptions, Evidence
from redline.cli import main
from redline.model import Document
from redline.renderers.json import schema

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
DECLARATION = (
    ROOT / "versions" / "solidarity-2014.akn.xml",
    ROOT / "versions" / "solidarity-revision-A.akn.xml",
)
PAIRS = [
    DECLARATION,
    (DATA / "uslm" / "S2731_IPS.xml", DATA / "uslm" / "S2731_RCS.xml"),
    (DATA / "us-bill-dtd" / "s5-119--01-pcs.xml", DATA / "us-bill-dtd" / "s5-119--03-enr.xml"),
    (DATA / "uslm-2.0" / "115hr321enr_good.xml", DATA / "uslm-2.0" / "115publ7-uslm.xml"),
    (DATA / "eu" / "dma-proposal-COM-2020-842.txt", DATA / "eu" / "dma-regulation-2022-1925.txt"),
    (
        DATA / "akn-others" / "indigo-za-act-2016-16@2017-08-04.xml",
        DATA / "akn-others" / "indigo-za-act-2016-16@2018-09-24.xml",
    ),
]  # fmt: skip
RECITAL = "preamble__recs_1__rec_"
UNRELATED = (
    "Noting with concern the growing number of natural disasters affecting small island"
    " developing States and the burden placed on their economies,"
)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair[1].name)
def test_every_pairing_of_a_real_pair_carries_evidence_valid_json(pair: tuple[Path, Path]) -> None:
    old, new = (redline.load(path) for path in pair)
    comparison = redline.compare(old, new)
    for change in comparison.changes:
        paired = bool(change.old and change.new)
        assert bool(change.matched_by) == paired, change
        assert (change.confidence is not None) == paired
        if paired:
            assert change.confidence is not None and 0.0 <= change.confidence <= 1.0
    record = json.loads(redline.render(comparison, "json"))
    jsonschema.validate(record, schema())
    assert record["schema"] == "redline-comparison/2"
    assert record["weak_pairings"] == len(comparison.weak_pairings())


def _with_unrelated_recital(new: Document) -> Document:
    """Revision A with its eighth recital's words replaced by unrelated ones."""
    recitals = new.preamble[0]
    kids = list(recitals.children)
    kids[7] = replace(kids[7], text=UNRELATED)
    return replace(new, preamble=(replace(recitals, children=tuple(kids)), *new.preamble[1:]))


def test_an_unrelated_text_in_the_same_place_is_deleted_and_inserted() -> None:
    """With the eighth recital replaced, old recital 7 (whose twin it was) is left with
    new recital 10 between the same neighbours: 10% of their text in common."""
    old, new = (redline.load(path) for path in DECLARATION)
    comparison = redline.compare(old, _with_unrelated_recital(new))
    kinds = {c.old[0].eid: c.kind for c in comparison.correspondence if c.old}
    assert kinds[f"{RECITAL}7"] is ChangeKind.DELETED
    inserted = [c.new[0].eid for c in comparison.correspondence if not c.old]
    assert {f"{RECITAL}8", f"{RECITAL}10"} <= set(inserted)
    for change in comparison.changes:
        weak = change.matched_by and change.matched_by[0] in (Evidence.POSITION, Evidence.SAME_EID)
        if weak and change.old[0].text and change.new[0].text:
            assert change.similarity >= CompareOptions().evidence_floor, change


def test_the_floor_is_an_option() -> None:
    old, new = (redline.load(path) for path in DECLARATION)
    loose = redline.compare(old, _with_unrelated_recital(new), CompareOptions(evidence_floor=0))
    weak = [c for c in loose.correspondence if c.old and c.old[0].eid == f"{RECITAL}7"]
    assert [c.kind for c in weak] == [ChangeKind.MODIFIED]
    assert weak[0].new[0].eid == f"{RECITAL}10"
    assert weak[0].matched_by[0] is Evidence.POSITION
    assert weak[0].confidence is not None and weak[0].confidence < WEAK_CONFIDENCE
    assert weak[0] in loose.weak_pairings()


def test_explain_says_why_each_provision_was_paired(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", *map(str, DECLARATION), "--explain"]) == 1
    out = capsys.readouterr().out
    assert "Why each provision was paired:" in out
    assert "  Article 3 → Article 4: its text paired there 1.00" in out
    old = "Preamble, recital beginning 'Reiterating the commitment of States…'"
    new = "Preamble, recital beginning 'Reiterating further the commitment of…'"
    assert f"  {old} → {new}: similar text 0.99" in out


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_min_confidence_lists_the_pairings_under_it(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", *map(str, DECLARATION), "-f", fmt, "--min-confidence", "0.6"]) == 1
    out = capsys.readouterr().out
    assert "Pairings to check (confidence under 0.6)" in out
    assert "Article 8 → Article 9" in out  # half of old Article 8 moved to Article 11
    assert "Article 3 → Article 4" not in out.split("Pairings to check")[1][:400]


def test_the_html_shows_the_evidence_of_each_paired_unit() -> None:
    old, new = (redline.load(path) for path in DECLARATION)
    page = redline.render(redline.compare(old, new), "html").decode()
    assert 'id="art_4" data-old-eid="art_3" data-matched-by="container-majority"' in page
    assert 'title="paired by its text paired there 1.00"' in page
    assert "1 pairing rests on weak evidence (confidence under 0.5)" in page
    inserted = page.split('id="art_3"', 1)[1].split(">", 1)[0]
    assert "data-matched-by" not in inserted


def test_the_floor_keeps_restructured_texts_apart() -> None:
    """On restructured copies of the declaration (texts replaced by others drawn from
    its own words), no floor lets positional pairings through and loses precision; the
    default keeps every pairing right."""
    from alignment_scores import predicted, score
    from mutations import restructure

    old = redline.load(DECLARATION[0])
    loose, floored = [], []
    for seed in range(4):
        new, truth = restructure(old, seed)
        loose.append(
            score(predicted(redline.compare(old, new, CompareOptions(evidence_floor=0))), truth)
        )
        floored.append(score(predicted(redline.compare(old, new)), truth))
    assert min(s.precision for s in floored) == 1.0
    assert min(s.precision for s in loose) < 1.0
