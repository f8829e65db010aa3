"""Heading styles, consecutive lines, resolutions, texts without structure, and the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.akn.read import read_akn
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.cli import cli
from redline.errors import InputError
from redline.model import Document, ImportOptions, ImportResult, Unit
from redline.read.text.importer import import_text

DATA = Path(__file__).resolve().parents[1] / "data" / "text"
ROOT = Path(__file__).resolve().parents[2]


def import_lines(*lines: str) -> ImportResult:
    data = "\n".join(lines).encode("utf-8")
    return import_text(data, "t.txt", ImportOptions(date="2020-01-01"))


def articles(doc: Document) -> list[Unit]:
    return [u for u in doc.walk() if u.element in ("article", "section", "rule")]


HEADINGS = [
    ("ARTICLE 6", "article", "Article 6", "art_6", ""),
    ("Article VII", "article", "Article VII", "art_VII", ""),
    ("article 7", "article", "Article 7", "art_7", ""),
    ("Art. 5", "article", "Article 5", "art_5", ""),
    ("Article 5.", "article", "Article 5", "art_5", ""),
    ("Article 5 bis", "article", "Article 5 bis", "art_5bis", ""),
    ("Article 5a – Scope", "article", "Article 5a", "art_5a", "Scope"),
    ("Article 12. Definitions", "article", "Article 12", "art_12", "Definitions"),
    ("Article 1000", "article", "Article 1000", "art_1000", ""),
    ("Article premier", "article", "Article premier", "art_1", ""),
    ("Artículo 2", "article", "Artículo 2", "art_2", ""),
    ("ARTÍCULO 3 – Objeto", "article", "Artículo 3", "art_3", "Objeto"),
    ("Section 1", "section", "Section 1", "sec_1", ""),
    ("SECTION 4", "section", "Section 4", "sec_4", ""),
    ("§ 3", "section", "§ 3", "sec_3", ""),
    ("Rule 9", "rule", "Rule 9", "rule_9", ""),
]


@pytest.mark.parametrize(("line", "element", "num", "eid", "heading"), HEADINGS)
def test_heading_styles(line: str, element: str, num: str, eid: str, heading: str) -> None:
    result = import_lines("A draft", "", "Recalling the Charter,", "", line, "", "1. Text.")
    (unit,) = articles(result.document)
    assert (unit.element, unit.num, unit.eid, unit.heading) == (element, num, eid, heading)
    assert unit.children[0].text == "Text."
    assert validate_akn(write_akn(result.document), "t.xml") == []


def test_a_sentence_that_starts_with_article_is_not_a_heading() -> None:
    doc = import_lines("A draft", "", "Article 1", "", "Article 5 of the Charter applies.").document
    assert [u.num for u in articles(doc)] == ["Article 1"]
    assert doc.body[0].children[0].text == "Article 5 of the Charter applies."


def test_paragraphs_and_points_on_consecutive_lines() -> None:
    lines = ["A draft", "Recalling the Charter,", "Noting the report,", "Article 1",
             "1. States shall cooperate:", "(a) in one way;", "(b) in another.",
             "2. They shall report.", "Article 2", "Definitions", "1. A text."]  # fmt: skip
    doc = import_lines(*lines).document
    assert doc.meta.title == "A draft"
    assert [u.text for u in doc.preamble[0].children] == lines[1:3]
    first, second = articles(doc)
    assert [u.eid for u in first.children] == ["art_1__para_1", "art_1__para_2"]
    points = first.children[0].children[0].children
    assert [u.num for u in points] == ["", "(a)", "(b)"]
    assert (second.heading, second.children[0].text) == ("Definitions", "A text.")


def test_unknown_preamble_opening_is_a_recital_not_the_title() -> None:
    result = import_lines(
        "The real title", "", "Inspired by the Charter,", "", "Recalling its resolutions,", "",
        "Article 1", "", "Text.",
    )  # fmt: skip
    doc = result.document
    assert doc.meta.title == "The real title"
    assert doc.preamble[0].children[0].text == "Inspired by the Charter,"


def test_what_is_above_the_title_is_reported_as_skipped() -> None:
    path = ROOT / "versions" / "solidarity-2014.txt"
    result = import_text(path.read_bytes(), "d.txt", ImportOptions(date="2014-04-01"))
    assert result.report.endswith("skipped lines 1-28 (176 words): before the title)")


def test_resolution_imports_as_a_statement() -> None:
    result = import_text((DATA / "resolution-v2.txt").read_bytes(), "r.txt", ImportOptions())
    doc = result.document
    assert (doc.meta.doc_type, doc.meta.doc_name) == ("statement", "resolution")
    assert doc.meta.title.startswith("Draft resolution on international solidarity")
    formula, recitals = doc.preamble
    assert (formula.text, dict(formula.attrs)) == (
        "The Human Rights Council,",
        {"name": "actingEntity"},
    )
    assert [u.text.split()[0] for u in recitals.children] == [
        "Recalling", "Recalling", "Inspired", "Noting",
    ]  # fmt: skip
    assert [(u.eid, u.num) for u in doc.body] == [(f"para_{n}", f"{n}.") for n in range(1, 5)]
    assert doc.body[0].text.startswith("Decides to convene")
    points = doc.body[1].children[0].children
    assert [u.num or u.element for u in points] == ["intro", "(a)", "(b)", "(c)"]
    xml = write_akn(doc)
    assert validate_akn(xml, "r.xml") == []
    assert read_akn(xml, "r.xml") == doc
    assert result.report.startswith("r.txt: 4 recitals, 0 articles, 4 paragraphs, 3 points")


def test_two_versions_of_a_resolution_compare(tmp_path: Path) -> None:
    paths = []
    for version in ("v1", "v2"):
        out = tmp_path / f"{version}.xml"
        args = ["import", str(DATA / f"resolution-{version}.txt"), "-o", str(out), "-q"]
        assert CliRunner().invoke(cli, [*args, "--date", "2020-01-01"]).exit_code == 0
        paths.append(str(out))
    result = CliRunner().invoke(cli, ["diff", *paths])
    assert result.exit_code == 1
    assert "changes: 8 unchanged, 5 modified, 1 renumbered, 1 inserted" in result.stdout
    assert "Noting with {+deep +}concern" in result.stdout
    assert "{+to ensure equitable access to vaccines" in result.stdout
    same = CliRunner().invoke(cli, ["diff", paths[0], paths[0]])
    assert same.exit_code == 0


def test_text_without_structure_is_unnumbered_paragraphs_with_a_warning() -> None:
    result = import_lines(
        "Notes of the meeting",
        "",
        "The delegates met in the morning and agreed on the agenda.",
        "",
        "They will meet again next week.",
    )
    doc = result.document
    assert (doc.meta.title, doc.meta.doc_type) == ("Notes of the meeting", "doc")
    assert [(u.element, u.num, u.text) for u in doc.body] == [
        ("paragraph", "", "The delegates met in the morning and agreed on the agenda."),
        ("paragraph", "", "They will meet again next week."),
    ]
    assert result.warnings[0] == (
        "no recognisable structure (no 'Article N' heading, no numbered paragraph):"
        " imported as 2 unnumbered paragraphs"
    )
    assert validate_akn(write_akn(doc), "t.xml") == []


def test_the_same_doubt_is_warned_once() -> None:
    lines = ["A draft", "", "Article 1", ""]
    for number in range(1, 400):
        lines += [f"{number}. Paragraph.", "", "Unnumbered text.", ""]
    result = import_lines(*lines)
    unnumbered = [w for w in result.warnings if "unnumbered text" in w]
    assert len(unnumbered) == 1
    assert "(and 398 more like it: line " in unnumbered[0]


def test_notes_listed_at_the_end_are_anchored() -> None:
    result = import_lines(
        "A draft", "", "Article 1", "", "1. States shall cooperate1 and report2.", "",
        "(1) A first note.", "", "(2) A second note.",
    )  # fmt: skip
    para = result.document.body[0].children[0]
    assert para.text == "States shall cooperate and report."
    assert [(n.marker, n.offset, n.text) for n in para.notes] == [
        ("1", 22, "A first note."),
        ("2", 33, "A second note."),
    ]


def test_a_final_list_of_points_is_not_taken_for_notes() -> None:
    result = import_lines("A draft", "", "Article 1", "", "States shall:", "", "(1) cooperate;",
                          "", "(2) report.")  # fmt: skip
    assert [u.num for u in result.document.walk() if u.element == "point"] == ["(1)", "(2)"]


def test_a_text_that_is_not_prose_is_refused_in_one_line() -> None:
    data = b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    with pytest.raises(InputError) as raised:
        import_text(data, "p.txt", ImportOptions())
    assert str(raised.value) == (
        "p.txt: no article, no numbered paragraph, and only 0% of the text is words;"
        " expected the plain text of a legal text"
    )


def test_french_and_spanish_drafts() -> None:
    french = import_lines(
        "Projet de déclaration", "Rappelant la Charte des Nations Unies,",
        "Considérant le rapport,", "CHAPITRE I",
        "Dispositions générales", "Article premier", "1. Les États coopèrent.",
    ).document  # fmt: skip
    assert french.meta.title == "Projet de déclaration"
    assert len(french.preamble[0].children) == 2
    chapter = french.body[0]
    assert (chapter.element, chapter.num, chapter.heading) == (
        "chapter", "CHAPITRE I", "Dispositions générales",
    )  # fmt: skip
    assert chapter.children[0].eid == "art_1"
    spanish = import_lines(
        "Proyecto de declaración", "Recordando la Carta de las Naciones Unidas,",
        "Reconociendo el informe,", "CAPÍTULO I", "Disposiciones generales", "Artículo 1",
        "1. Los Estados cooperan.",
    ).document  # fmt: skip
    assert len(spanish.preamble[0].children) == 2
    assert (spanish.body[0].element, spanish.body[0].heading) == (
        "chapter",
        "Disposiciones generales",
    )
    assert validate_akn(write_akn(spanish), "t.xml") == []


def test_an_act_shaped_text_with_chapters_and_sections() -> None:
    result = import_lines(
        "Regulation on a test", "", "THE COUNCIL OF THE EUROPEAN UNION,", "",
        "Having regard to the Treaty,", "", "Whereas:", "", "(1) A first reason.", "",
        "(2) A second reasonHAVE ADOPTED THIS REGULATION:", "", "CHAPTER I", "", "GENERAL", "",
        "SECTION 1", "", "Scope", "", "Article 1", "", "Subject matter", "", "1. It applies.",
        "", "SECTION 2", "", "Definitions", "", "Article 2", "", "Terms", "", "Text.", "",
        "CHAPTER II – FINAL PROVISIONS", "", "Article 3", "", "Entry into force", "",
        "It enters into force.", "", "Done at Brussels, 1 January 2020.", "",
        "For the Council", "", "The President",
    )  # fmt: skip
    doc = result.document
    assert [u.element for u in doc.preamble] == ["formula", "citations", "recitals", "formula"]
    assert doc.preamble[2].children[-1].text == "A second reason"
    first, second = doc.body
    assert (first.num, first.heading, second.num, second.heading) == (
        "CHAPTER I", "GENERAL", "CHAPTER II", "FINAL PROVISIONS",
    )  # fmt: skip
    assert [(u.element, u.num, u.heading) for u in first.children] == [
        ("section", "SECTION 1", "Scope"),
        ("section", "SECTION 2", "Definitions"),
    ]
    assert [u.heading for u in doc.walk() if u.element == "article"] == [
        "Subject matter", "Terms", "Entry into force",
    ]  # fmt: skip
    assert [dict(u.attrs)["name"] for u in doc.conclusions] == [
        "placeAndDate", "signature", "signature",
    ]  # fmt: skip
    assert validate_akn(write_akn(doc), "t.xml") == []
    assert read_akn(write_akn(doc), "t.xml") == doc


def test_the_report_says_one_in_the_singular() -> None:
    result = import_lines(
        "Distr.: General",
        "",
        "Draft declaration on one thing",
        "",
        "Recalling the one recital,",
        "",
        "Article 1",
        "",
        "1. States shall cooperate.",
    )
    assert result.report == (
        "t.txt: 1 recital, 1 article, 1 paragraph, 0 points, 0 notes (instrument from line 3;"
        " 0 page-layout lines dropped; skipped line 1 (2 words): before the title)"
    )
