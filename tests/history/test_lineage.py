"""Lineages of the declaration across 2014 -> revision A -> revision B, checked against
hand-made expectations (revision B's edits are listed in ``revision_b.py``)."""

from __future__ import annotations

from collections import Counter

import pytest
from revision_b import REVISION_A, REVISION_B, build_revision_b

from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.history.lineage import build_history
from redline.history.values import History, Lineage
from redline.model import Document, Metadata, Unit
from redline.read.sources import load_document


def eids(lineage: Lineage) -> list[list[str]]:
    return [[side.eid for side in sides] for sides in lineage.units]


def kinds(lineage: Lineage) -> list[str | None]:
    return [step.kind.value if step else None for step in lineage.steps]


def test_the_shipped_revision_b_is_what_the_edits_build_and_is_valid():
    built = write_akn(build_revision_b(load_document(str(REVISION_A))))
    assert REVISION_B.read_bytes() == built
    assert validate_akn(built, str(REVISION_B)) == []


# (eId in one version, that version's index) -> expected units per version and steps.
EXPECTED = [
    pytest.param(
        ("art_8__para_2", 0),
        [["art_8__para_2"], ["art_11__para_3"], ["art_8__para_2"]],
        ["moved", "moved"],
        id="paragraph moved out by revision A and back by revision B",
    ),
    pytest.param(
        ("art_8", 0),
        [["art_8"], ["art_9"], ["art_8"]],
        ["modified", "modified"],
        id="the article it left and returned to",
    ),
    pytest.param(
        ("art_8__para_1", 0),
        [["art_8__para_1"], ["art_9__content"], ["art_8__para_1"]],
        ["modified", "renumbered"],
        id="paragraph 1 became unnumbered text, then paragraph 1 again",
    ),
    pytest.param(
        ("art_11__para_1", 2),
        [
            ["art_11__para_1", "art_11__para_2"],
            ["art_12__para_1", "art_12__para_2"],
            ["art_11__para_1"],
        ],
        ["modified", "merged"],
        id="two paragraphs merged by revision B",
    ),
    pytest.param(
        ("art_3", 1),
        [[], ["art_3"], []],
        ["inserted", "deleted"],
        id="article inserted by revision A and deleted by revision B",
    ),
    pytest.param(
        ("art_13", 2),
        [["art_13"], ["art_14"], ["art_13"]],
        ["modified", "renumbered"],
        id="last article renumbered up then down",
    ),
    pytest.param(
        ("preamble__recs_1__rec_4", 2),
        [["preamble__recs_1__rec_9"], ["preamble__recs_1__rec_4"], ["preamble__recs_1__rec_4"]],
        ["moved", "unchanged"],
        id="recital moved by revision A",
    ),
    pytest.param(
        ("preamble__recs_1__rec_6", 2),
        [[], ["preamble__recs_1__rec_6"], ["preamble__recs_1__rec_6"]],
        ["inserted", "unchanged"],
        id="recital inserted by revision A",
    ),
]


@pytest.mark.parametrize(("where", "units", "steps"), EXPECTED)
def test_lineage_matches_the_hand_made_expectation(
    three: History, where: tuple[str, int], units: list[list[str]], steps: list[str]
):
    lineage = three.find(*where)
    assert lineage is not None
    assert eids(lineage) == units
    assert kinds(lineage) == steps


def test_every_unit_of_every_version_is_in_exactly_one_lineage(three: History):
    for index, doc in enumerate(three.documents):
        expected = [u.eid for u in doc.walk()] + [n.eid for _, n in doc.notes()]
        found = [side.eid for lin in three.lineages for side in lin.units[index]]
        assert Counter(found) == Counter(expected)


def test_top_level_rows_follow_the_last_version_with_the_deleted_article_where_it_stood(
    three: History,
):
    tops = [lin for lin in three.lineages if lin.top]
    articles = [lin.key for lin in tops if "art_" in lin.key]
    assert articles == ["art_1", "art_2", "v2:art_3", *(f"art_{n}" for n in range(3, 14))]
    recitals = [lin.key for lin in tops if "rec_" in lin.key]
    assert recitals == [f"preamble__recs_1__rec_{n}" for n in range(1, 12)]


def test_sub_units_follow_their_provision(three: History):
    keys = [lin.key for lin in three.lineages]
    at = keys.index("v2:art_3")
    assert keys[at + 1 : at + 3] == ["v2:art_3__para_1", "v2:art_3__para_2"]
    assert keys[at + 3] == "art_3"


def test_provenance_joins_to_the_last_text_and_dates_the_edits(three: History):
    for lineage in three.lineages:
        for side, runs in zip(lineage.units[-1], lineage.provenance, strict=True):
            assert "".join(run.text for run in runs) == side.text
    (runs,) = three.find("art_8__para_1").provenance
    assert [run.text for run in runs if run.since == 1][:2] == ["its", ", to"]
    assert {run.since for run in runs} == {0, 1}
    # the inserted recital dates from revision A, every word of it
    (runs,) = three.find("preamble__recs_1__rec_6").provenance
    assert {run.since for run in runs} == {1}


def test_provenance_of_a_merge_keeps_both_parts_dates(three: History):
    (runs,) = three.find("art_11__para_1").provenance
    dated = {run.since for run in runs if run.text.strip()}
    assert dated == {0, 1}  # revision A's edits; revision B only joined the two
    # 2014: "political systems and ... resorting to or threatening the use of force. [2.]
    # ... each State and peoples"; revision A: "systems, and ... resorting to the threat or
    # use of force. ... each State and its peoples"
    later = [run.text for run in runs if run.since == 1 and run.text.strip()]
    assert later == [",", "the threat or", "its "]  # an insertion takes the space after it


def test_a_version_compared_with_itself_is_one_unchanged_lineage_per_unit():
    doc = load_document(str(REVISION_A))
    history = build_history([doc, doc, doc], ["a", "a", "a"])
    assert history.identical
    assert len(history.lineages) == len(list(doc.walk())) + len(list(doc.notes()))
    for lineage in history.lineages:
        assert [len(sides) for sides in lineage.units] == [1, 1, 1]
        assert kinds(lineage) == ["unchanged", "unchanged"]
        assert {run.since for runs in lineage.provenance for run in runs} <= {0}


def test_a_history_needs_two_versions():
    from redline.errors import UsageError

    with pytest.raises(UsageError, match="at least two"):
        build_history([load_document(str(REVISION_A))], ["a"])


def _doc(date: str, *texts: str) -> Document:
    meta = Metadata("T", "/akn/t", f"/akn/t/eng@{date}", "", date)
    paragraphs = tuple(
        Unit("paragraph", f"art_1__para_{n}", f"{n}.", text=text)
        for n, text in enumerate(texts, start=1)
    )
    return Document(meta, (), (Unit("article", "art_1", "Article 1", children=paragraphs),))


KEPT = "States shall cooperate in good faith with one another at every level."
GONE = "Technical assistance shall be given on request to every State that asks."
OTHER = "A wholly different provision about reporting obligations under this text."


def test_a_provision_restored_word_for_word_after_a_gap_rejoins_its_lineage():
    docs = [_doc("2020-01-01", KEPT, GONE), _doc("2021-01-01", KEPT, OTHER),
            _doc("2022-01-01", KEPT, OTHER, GONE)]  # fmt: skip
    history = build_history(docs, ["a", "b", "c"])
    restored = history.find("art_1__para_3")
    assert restored is not None
    assert eids(restored) == [["art_1__para_2"], [], ["art_1__para_3"]]
    assert kinds(restored) == ["deleted", "inserted"]
    assert {run.since for runs in restored.provenance for run in runs} == {0}


def test_an_ambiguous_restore_stays_a_new_lineage():
    docs = [_doc("2020-01-01", KEPT, GONE, GONE), _doc("2021-01-01", KEPT),
            _doc("2022-01-01", KEPT, GONE)]  # fmt: skip
    history = build_history(docs, ["a", "b", "c"])
    restored = history.find("art_1__para_2", 2)
    assert restored is not None
    assert eids(restored) == [[], [], ["art_1__para_2"]]
    assert {run.since for runs in restored.provenance for run in runs} == {2}


def test_headings_are_dated_word_by_word():
    def version(date: str, heading: str) -> Document:
        doc = _doc(date, KEPT)
        (article,) = doc.body
        return Document(doc.meta, (), (Unit("article", "art_1", "Article 1", heading,
                                            children=article.children),))  # fmt: skip

    docs = [version("2020-01-01", "Scope"), version("2021-01-01", "Scope and aims"),
            version("2022-01-01", "Scope and aims of cooperation")]  # fmt: skip
    (head,) = build_history(docs, ["a", "b", "c"]).find("art_1").heading_provenance
    assert [(run.text, run.since) for run in head] == [
        ("Scope", 0), (" and aims", 1), (" of cooperation", 2)]  # fmt: skip


def test_headings_of_a_real_bill_join_back_through_a_chain_of_edits():
    from test_bills import mutated_series

    documents, _ = mutated_series("S2731_IPS.xml", 3, 1)
    history = build_history(documents, ["a", "b", "c", "d"])
    headed = 0
    for lineage in history.lineages:
        for side, runs in zip(lineage.units[-1], lineage.heading_provenance, strict=True):
            assert "".join(run.text for run in runs) == side.heading
            headed += bool(side.heading)
    assert headed > 50
