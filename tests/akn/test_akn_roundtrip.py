"""Writing a document as AKN and reading it back gives the same document."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree

from redline.akn.naming import AKN_NS, frbr_uris
from redline.akn.read import read_akn, read_akn_result
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.errors import InputError
from redline.model import Document, Metadata, Note, Unit

DATA = Path(__file__).parents[1] / "data" / "akn"


def _meta(**changes: str) -> Metadata:
    work, expression, manifestation = frbr_uris("/akn/un/bill/2014/solidarity", "eng", "2014-04-25")
    values = {
        "title": "Draft declaration on the right to international solidarity",
        "work_uri": work,
        "expression_uri": expression,
        "manifestation_uri": manifestation,
        "date": "2014-04-25",
    }
    values.update(changes)
    return Metadata(**values)


def declaration() -> Document:
    """A small declaration in the shape the text importer produces."""
    recitals = Unit(
        "recitals",
        eid="preamble__recs_1",
        num="I.",
        heading="Preambular Paragraphs",
        children=(
            Unit(
                "recital",
                eid="preamble__recs_1__rec_1",
                text="Reaffirming the “Charter” – of the\u00a0United Nations’ aims,",
                notes=(Note("preamble__recs_1__rec_1__fnt_1", "1", 12, "See resolution 23/12."),),
            ),
            Unit(
                "recital",
                eid="preamble__recs_1__rec_2",
                text="Recalling  the 1993 Vienna Declaration,",
                notes=(
                    Note("preamble__recs_1__rec_2__fnt_1", "2", 9, "A note\nin two lines."),
                    Note("preamble__recs_1__rec_2__fnt_2", "3", 39, "At the very end."),
                ),
            ),
        ),
    )
    article_1 = Unit(
        "article",
        eid="art_1",
        num="Article 1",
        heading="Right to international solidarity",
        children=(
            Unit("paragraph", eid="art_1__para_1", num="1.", text="Everyone has the right."),
            Unit(
                "paragraph",
                eid="art_1__para_2",
                num="2.",
                children=(
                    Unit(
                        "list",
                        eid="art_1__para_2__list_1",
                        children=(
                            Unit("intro", eid="art_1__para_2__list_1__intro", text="It includes:"),
                            Unit(
                                "point",
                                eid="art_1__para_2__list_1__point_a",
                                num="(a)",
                                text="preventive solidarity;",
                                notes=(Note("art_1__para_2__list_1__point_a__fnt_1", "4", 0, "x"),),
                            ),
                            Unit(
                                "point",
                                eid="art_1__para_2__list_1__point_b",
                                num="(b)",
                                children=(
                                    Unit(
                                        "list",
                                        eid="art_1__para_2__list_1__point_b__list_1",
                                        children=(
                                            Unit(
                                                "intro",
                                                eid="art_1__para_2__list_1__point_b__list_1__intro",
                                                text="reactive solidarity, namely:",
                                            ),
                                            Unit(
                                                "point",
                                                eid="art_1__para_2__list_1__point_b__list_1__point_i",
                                                num="(i)",
                                                text="relief;",
                                            ),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    article_2 = Unit(
        "article",
        eid="art_2",
        num="Article 2",
        children=(Unit("content", eid="art_2__content", text=" Leading and trailing spaces "),),
    )
    article_3 = Unit(
        "article",
        eid="art_3",
        num="Article 3",
        children=(
            Unit(
                "list",
                eid="art_3__list_1",
                children=(
                    Unit("intro", eid="art_3__list_1__intro", text="States shall:"),
                    Unit("point", eid="art_3__list_1__point_i", num="(i)", text="cooperate;"),
                    Unit("point", eid="art_3__list_1__point_i-2", num="(i)", text="again;"),
                    Unit("wrapUp", eid="art_3__list_1__wrapup", text="in good faith."),
                ),
            ),
        ),
    )
    part = Unit(
        "part",
        eid="part_II",
        num="II.",
        heading="Draft declaration",
        children=(article_1, article_2, article_3),
    )
    return Document(meta=_meta(), preamble=(recitals,), body=(part,))


def us_bill() -> Document:
    """A US-style bill: sections, subsections, paragraphs, a formula and facts."""
    section = Unit(
        "section",
        eid="sec_2",
        num="SEC. 2.",
        heading="Findings",
        children=(
            Unit("intro", eid="sec_2__intro", text="Congress finds the following:"),
            Unit(
                "subsection",
                eid="sec_2__subsec_a",
                num="(a)",
                children=(
                    Unit("paragraph", eid="sec_2__subsec_a__para_1", num="(1)", text="One."),
                    Unit(
                        "paragraph",
                        eid="sec_2__subsec_a__para_2",
                        num="(2)",
                        children=(
                            Unit(
                                "subparagraph",
                                eid="sec_2__subsec_a__para_2__subpara_A",
                                num="(A)",
                                children=(
                                    Unit(
                                        "clause",
                                        eid="sec_2__subsec_a__para_2__subpara_A__cl_i",
                                        num="(i)",
                                        text="Clause text.",
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Unit("wrapUp", eid="sec_2__wrapup", text="That is all."),
        ),
    )
    title = Unit("title", eid="title_I", num="I", heading="General", children=(section,))
    formula = Unit(
        "formula",
        eid="preamble__formula_1",
        text="Be it enacted by the Senate and House of Representatives",
        attrs=(("name", "enactingFormula"),),
    )
    meta = _meta(
        title="A bill to do things",
        doc_type="bill",
        doc_name="bill",
        country="us",
        version_label="introduced",
        source="BILLS-118hr1ih.xml",
        extra=(("congress", "118"), ("number", "H.R. 1")),
    )
    return Document(meta=meta, preamble=(formula,), body=(title,))


def report() -> Document:
    """A ``doc`` (main body) with text straight in the preamble and an hcontainer."""
    paragraph = Unit("paragraph", "hcontainer_1__para_1", "1.", text="Text.")
    summary = Unit(
        "hcontainer",
        "hcontainer_1",
        heading="Summary",
        attrs=(("name", "summary"),),
        children=(paragraph,),
    )
    meta = _meta(doc_type="doc", doc_name="report")
    preamble = (Unit("p", "preamble__p_1", text="Introductory text."),)
    return Document(meta=meta, preamble=preamble, body=(summary,))


@pytest.mark.parametrize("build", [declaration, us_bill, report])
def test_round_trip_gives_an_equal_document(build: object) -> None:
    assert callable(build)
    document = build()
    assert read_akn(write_akn(document), "doc.xml") == document


@pytest.mark.parametrize("build", [declaration, us_bill, report])
def test_written_documents_are_valid(build: object) -> None:
    assert callable(build)
    assert validate_akn(write_akn(build()), "doc.xml") == []


def test_text_is_written_exactly_and_never_indented_inside_p() -> None:
    xml = write_akn(declaration())
    assert b"Reaffirming <authorialNote" in xml
    assert "the\u00a0United Nations’ aims,</p>".encode() in xml
    assert b"<p> Leading and trailing spaces </p>" in xml
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')


def test_notes_sit_inline_at_their_offset() -> None:
    root = etree.fromstring(write_akn(declaration()))
    note = root.find(f".//{{{AKN_NS}}}authorialNote")
    assert note is not None
    assert note.get("marker") == "1"
    assert note.get("placement") == "bottom"
    assert note.get("eId") == "preamble__recs_1__rec_1__fnt_1"
    parent = note.getparent()
    assert parent is not None
    assert parent.text == "Reaffirming "


def test_intro_content_and_wrapup_carry_no_eid() -> None:
    root = etree.fromstring(write_akn(declaration()))
    for name in ("intro", "content", "wrapUp"):
        for element in root.iter(f"{{{AKN_NS}}}{name}"):
            assert element.get("eId") is None


def test_reads_akn_written_by_others() -> None:
    document = read_akn((DATA / "foreign-act.xml").read_bytes(), "foreign-act.xml")
    assert document.meta.title == "Example Act"
    assert document.meta.doc_type == "act"
    assert document.meta.manifestation_uri.endswith("!main.xml")
    units = {unit.eid: unit for unit in document.walk()}
    assert units["preamble__p_1"].text == "WHEREAS the Council has decided;"
    assert units["preamble__container_1"].text == "CONSIDERING the need;\nNOTING the report;"
    assert units["preamble__container_1"].attrs == (("name", "considerations"),)
    assert units["chp_1"].heading == "Interpretation and application"
    subsection = units["sec_1__subsec_1"]
    assert subsection.text == (
        "In this Act, unless the context indicates otherwise—\n“council” means the Council;"
    )
    (note,) = subsection.notes
    assert (note.marker, note.text, note.eid) == (
        "*",
        "As amended in 2010.",
        "sec_1__subsec_1__fnt_1",
    )
    assert subsection.text[: note.offset].endswith("the Council;")
    assert units["sec_1__subsec_2__para_a"].text == "every municipality; and"
    assert units["sec_1__subsec_2__intro"].text == "This Act applies to:"
    assert units["sec_1__subsec_2__wrapup"].text == "unless excluded."
    assert units["chp_1__hcontainer_1"].attrs == (("name", "schedule-note"),)


def test_others_akn_validates() -> None:
    assert validate_akn((DATA / "foreign-act.xml").read_bytes(), "foreign-act.xml") == []


def test_unsupported_document_type_is_named() -> None:
    with pytest.raises(InputError, match=r"<judgment> is not supported") as caught:
        read_akn((DATA / "judgment.xml").read_bytes(), "judgment.xml")
    assert caught.value.line == 3
    assert str(caught.value).startswith("judgment.xml:3: ")


def test_wrong_root_is_refused() -> None:
    with pytest.raises(InputError, match="expected akomaNtoso"):
        read_akn(b"<html><body/></html>", "page.html")


def test_duplicate_eid_gets_its_own_identity_and_a_warning() -> None:
    document, warnings = read_akn_result((DATA / "invalid.xml").read_bytes(), "invalid.xml")
    eids = [unit.eid for unit in document.walk()]
    assert "art_1__para_1" in eids and "art_1__para_1-2" in eids
    assert len(eids) == len(set(eids))
    assert any(
        re.match(r"invalid.xml:\d+: duplicate eId 'art_1__para_1' \(first used on line \d+\)", w)
        for w in warnings
    )


def test_unmodelled_element_is_kept_as_text_with_one_warning() -> None:
    xml = write_akn(declaration()).replace(
        b"<heading>Draft declaration</heading>",
        b"<heading>Draft declaration</heading><foo>Misplaced words</foo><foo>again</foo>",
    )
    document, warnings = read_akn_result(xml, "x.xml")
    texts = [unit.text for unit in document.walk()]
    assert "Misplaced words\nagain" in texts
    assert len([w for w in warnings if "<foo>" in w]) == 1
    assert re.match(r"x.xml:\d+: <foo> \(in part_II\) is not modelled", warnings[0])


def test_writer_output_matches_golden() -> None:
    # Regenerate on purpose with REDLINE_REGENERATE=1 and read the diff by eye.
    golden = DATA / "declaration.xml"
    if os.environ.get("REDLINE_REGENERATE") == "1":
        golden.write_bytes(write_akn(declaration()))
    assert write_akn(declaration()) == golden.read_bytes()


@pytest.mark.parametrize(
    "text", ["a\rb", "a\r\nb", " x ", "\tx", "x\n", "a \n b", "a\n\nb", "<&>]]>"]
)
def test_awkward_text_round_trips(text: str) -> None:
    note = Note("art_1__content__fnt_1", "1", len(text), "n")
    content = Unit("content", "art_1__content", text=text, notes=(note,))
    article = Unit("article", "art_1", "Article 1", children=(content,))
    document = Document(meta=_meta(), body=(article,))
    assert read_akn(write_akn(document), "doc.xml") == document


def test_characters_xml_cannot_hold_are_refused_with_the_eid() -> None:
    content = Unit("content", "art_1__content", text="page\x0cbreak")
    article = Unit("article", "art_1", "Article 1", children=(content,))
    document = Document(meta=_meta(source="draft.txt"), body=(article,))
    with pytest.raises(InputError, match=r"^draft.txt: art_1__content: character U\+000C"):
        write_akn(document)
