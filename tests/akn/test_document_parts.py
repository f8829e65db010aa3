"""Preface, conclusions and components: written as AKN, read back, compared, printed.

Every part of a document other than the preamble and body is a place where a reader
could drop words; these tests hold each part to the same guarantees as the body.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import redline
from redline.akn.read import read_akn
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.changes import ChangeKind
from redline.model import Document, Metadata, Unit
from redline.renderers.plaintext import render_plaintext


def _meta(
    work: str, doc_type: str = "bill", name: str = "declaration", title: str = ""
) -> Metadata:
    expression = f"{work}/eng@2020-01-01"
    return Metadata(
        title or "Draft",
        work,
        expression,
        f"{expression}/main.xml",
        "2020-01-01",
        doc_type=doc_type,
        doc_name=name,
    )


def _container(eid: str, name: str, text: str) -> Unit:
    return Unit("container", eid, text=text, attrs=(("name", name),))


MEMORANDUM = Document(
    _meta("/akn/un/doc/2020/memo", "doc", "memorandum", "Explanatory memorandum"),
    body=(Unit("paragraph", "att_1__para_1", "1.", text="The proposal simplifies reporting."),),
)
DRAFT = Document(
    _meta("/akn/un/bill/2020/draft"),
    preface=(_container("preface__container_1", "number", "Document A/HRC/35/35"),),
    body=(
        Unit(
            "article",
            "art_1",
            "Article 1",
            children=(Unit("paragraph", "art_1__para_1", "1.", text="States shall cooperate."),),
        ),
    ),
    conclusions=(_container("conclusions__container_1", "signature", "Done at Geneva."),),
    components=(MEMORANDUM,),
)


@pytest.mark.parametrize("doc_type", ["bill", "documentCollection"])
def test_every_part_round_trips_through_valid_akn(doc_type: str) -> None:
    doc = replace(DRAFT, meta=replace(DRAFT.meta, doc_type=doc_type))
    if doc_type == "documentCollection":
        # A collection's body is its components, whose eIds start with "cmp_".
        paragraph = replace(MEMORANDUM.body[0], eid="cmp_1__para_1")
        doc = replace(doc, body=(), components=(replace(MEMORANDUM, body=(paragraph,)),))
    xml = write_akn(doc)
    assert validate_akn(xml, "draft.xml") == []
    assert read_akn(xml, "draft.xml") == doc


def test_the_text_of_every_part_is_printed() -> None:
    text = render_plaintext(DRAFT)
    for words in ("Document A/HRC/35/35", "Done at Geneva.", "Explanatory memorandum",
                  "The proposal simplifies reporting."):  # fmt: skip
        assert words in text


def test_a_document_compared_with_itself_is_unchanged_in_every_part() -> None:
    comparison = redline.compare(DRAFT, DRAFT)
    assert {change.kind for change in comparison.changes} == {ChangeKind.UNCHANGED}
    labels = [change.new[0].label for change in comparison.correspondence]
    assert labels == [
        "Preface, block 1",
        "Article 1",
        "Conclusions, block 1",
        "Explanatory memorandum: Paragraph 1",
    ]


def test_changes_in_conclusions_and_components_are_found() -> None:
    memo = replace(
        MEMORANDUM,
        body=(replace(MEMORANDUM.body[0], text="The proposal removes reporting."),),
    )
    new = replace(DRAFT, conclusions=(), components=(memo,))
    comparison = redline.compare(DRAFT, new)
    kinds = {change.old[0].label: change.kind for change in comparison.correspondence}
    assert kinds["Conclusions, block 1"] is ChangeKind.DELETED
    assert kinds["Explanatory memorandum: Paragraph 1"] is ChangeKind.MODIFIED
    assert redline.compare(DRAFT, DRAFT).correspondence != comparison.correspondence
