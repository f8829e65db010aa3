"""Order and headings as evidence: twins keep their places, an unchanged heading pairs
a rewritten article, an unnumbered article is called by its heading."""

from __future__ import annotations

from redline.changes import ChangeKind, CompareOptions
from redline.comparison.engine import compare
from redline.comparison.flatten import flatten
from redline.model import Document, Metadata, Unit

META = Metadata("T", "/akn/xx/act/t", "/akn/xx/act/t/eng@2020", "/akn/xx/act/t/eng@2020/!main", "")


def _article(eid: str, heading: str, *texts: str, num: str = "") -> Unit:
    paragraphs = tuple(
        Unit("paragraph", f"{eid}__para_{k}", f"{k}.", text=text)
        for k, text in enumerate(texts, start=1)
    )
    return Unit("article", eid, num, heading, children=paragraphs)


def _document(*articles: Unit) -> Document:
    return Document(META, body=(Unit("chapter", "chp_1", "CHAPTER XI", children=articles),))


def test_unnumbered_article_is_called_by_its_heading() -> None:
    doc = _document(_article("art_1", "Subject matter", "This Regulation lays down rules."))
    labels = {flat.unit.eid: flat.label for flat in flatten(doc, CompareOptions())}
    assert labels["art_1"] == "Article — Subject matter"
    assert labels["art_1__para_1"] == "Article — Subject matter(1)"


def test_an_unchanged_unique_heading_pairs_a_rewritten_article() -> None:
    old = _document(
        _article("art_1", "Scope", "Member States shall apply these rules to imports."),
        _article("art_2", "Penalties", "Penalties shall be effective and proportionate."),
    )
    new = _document(
        _article("art_1", "Scope", "Member States shall apply these rules to imports."),
        _article("art_9", "Penalties", "Fines of up to ten thousand euro may be imposed."),
    )
    comparison = compare(old, new)
    (penalties,) = [c for c in comparison.correspondence if c.new and c.new[0].eid == "art_9"]
    assert [side.eid for side in penalties.old] == ["art_2"]
    assert penalties.kind is not ChangeKind.INSERTED


def test_twin_paragraphs_keep_their_order_when_eids_change() -> None:
    old = _document(
        _article("art_1", "A", "[Repealed]", "Text one of A.", "[Repealed]"),
        _article("art_2", "B", "[Repealed]", "Text of B."),
    )
    new = _document(
        _article("x_1", "A", "[Repealed]", "Text one of A.", "[Repealed]"),
        _article("x_2", "B", "[Repealed]", "Text of B."),
    )
    comparison = compare(old, new)
    pairs = {
        change.old[0].eid: change.new[0].eid
        for change in comparison.changes
        if change.old and change.new
    }
    assert pairs["art_1__para_1"] == "x_1__para_1"
    assert pairs["art_1__para_3"] == "x_1__para_3"
    assert pairs["art_2__para_1"] == "x_2__para_1"
    assert {c.kind for c in comparison.changes} == {ChangeKind.UNCHANGED}
