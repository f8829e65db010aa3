"""The plain-text importer on the bundled drafts, a synthetic text and bad input."""

from __future__ import annotations

import difflib
import re
from functools import cache
from itertools import cycle
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.akn.naming import frbr_uris
from redline.cli import cli
from redline.errors import InputError, UsageError
from redline.model import Document, ImportOptions, ImportResult, Unit
from redline.read.text.blocks import WRAP_LIMIT
from redline.read.text.importer import import_text

ROOT = Path(__file__).resolve().parents[2]
TEXT_2014 = ROOT / "versions" / "solidarity-2014.txt"
TEXT_A = ROOT / "versions" / "solidarity-revision-A.txt"
SYNTHETIC = Path(__file__).resolve().parents[1] / "data" / "text" / "synthetic-nested.txt"

TITLE_2014 = (
    "Preliminary text of a draft declaration on the right of peoples and individuals"
    " to international solidarity"
)
TITLE_A = (
    "Draft declaration on the right of peoples and individuals to international solidarity"
    " (revised)"
)


@cache
def imported(path: Path) -> ImportResult:
    return import_text(path.read_bytes(), str(path), ImportOptions())


def document(path: Path) -> Document:
    return imported(path).document


def units(path: Path, element: str) -> list[Unit]:
    return [unit for unit in document(path).walk() if unit.element == element]


def by_eid(path: Path, eid: str) -> Unit:
    return next(unit for unit in document(path).walk() if unit.eid == eid)


def article(path: Path, number: int) -> Unit:
    return by_eid(path, f"art_{number}")


def descendants(unit: Unit, element: str) -> list[Unit]:
    return [sub for sub in unit.walk() if sub.element == element]


# --- An independent reading of the source, for the word-by-word comparison ----------------

_FOOTNOTE_LINE = re.compile(r"^ ?\d{1,3} \S")
_HEADER_LINE = re.compile(r"^\s*A/HRC/\S+\s*$")
_HEADING_LINE = re.compile(r"^(?:Article \d+|[IVX]+\. .*)$")
_LEADING_NUM = re.compile(r"^(?:\(\w{1,4}\)|\d{1,3}\.)\s+")
_GLUED_MARKER = re.compile(r"(?<=[^\s\d/(-])\d{1,2}(?=\s|$)|(?<=\s)\d{1,2}(?=[a-z])")


def source_text(path: Path, title_start: str, *, keep_markers: bool) -> str:
    """The instrument as printed: from the title on, footnote bodies, headers, nums and
    headings dropped, hyphen line breaks rejoined."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title_start))
    kept: list[str] = []
    in_footnote = False
    for line in lines[start:]:
        if _FOOTNOTE_LINE.match(line):
            in_footnote = True
            continue
        if in_footnote and line[:1] not in ("", " "):
            continue  # the unindented continuation of a footnote body
        in_footnote = False
        text = line.strip()
        if not text or _HEADER_LINE.match(line) or _HEADING_LINE.match(text):
            continue
        kept.append(_LEADING_NUM.sub("", text))
    joined = ""
    for text in kept:
        hyphen_break = len(joined) > 1 and joined.endswith("-") and joined[-2].isalpha()
        joined += text if hyphen_break else " " + text
    return joined if keep_markers else _GLUED_MARKER.sub("", joined)


def model_text(doc: Document, *, keep_markers: bool) -> str:
    """The title and every unit's text, in document order; markers put back if asked."""
    parts = [doc.meta.title]
    for unit in doc.walk():
        text = unit.text
        if keep_markers:
            for note in reversed(unit.notes):
                text = text[: note.offset] + note.marker + text[note.offset :]
        parts.append(text)
    return " ".join(parts)


def lost_and_added(source: str, model: str) -> tuple[int, int, list[str]]:
    old, new = source.split(), model.split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    lost = added = 0
    places = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lost += i2 - i1
            added += j2 - j1
            places.append(f"{tag}: {old[i1:i2]} -> {new[j1:j2]}")
    return lost, added, places


# --- The 2014 preliminary text ---------------------------------------------------------------


def test_2014_counts_and_title() -> None:
    doc = document(TEXT_2014)
    assert doc.meta.title == TITLE_2014
    assert len(units(TEXT_2014, "recital")) == 9
    assert len(units(TEXT_2014, "article")) == 13
    assert len(list(doc.notes())) == 12
    assert imported(TEXT_2014).report.startswith(
        f"{TEXT_2014}: 9 recitals, 13 articles, 29 paragraphs, 29 points, 12 notes"
    )


def test_2014_shape() -> None:
    doc = document(TEXT_2014)
    (recitals,) = doc.preamble
    assert (recitals.element, recitals.eid, recitals.num, recitals.heading) == (
        "recitals",
        "preamble__recs_1",
        "I.",
        "Preambular Paragraphs",
    )
    assert [unit.eid for unit in recitals.children][:2] == [
        "preamble__recs_1__rec_1",
        "preamble__recs_1__rec_2",
    ]
    (part,) = doc.body
    assert (part.element, part.eid, part.num, part.heading) == (
        "part",
        "part_II",
        "II.",
        "Preliminary Operational Paragraphs",
    )
    assert [unit.num for unit in part.children] == [f"Article {n}" for n in range(1, 14)]
    assert all(unit.heading == "" for unit in part.children)
    assert [unit.eid for unit in article(TEXT_2014, 1).children] == [
        f"art_1__para_{n}" for n in range(1, 5)
    ]
    assert by_eid(TEXT_2014, "art_1__para_1").num == "1."
    assert [unit.element for unit in article(TEXT_2014, 9).children] == ["content"]
    assert by_eid(TEXT_2014, "art_9__content").text.startswith("The right to international")
    (points,) = article(TEXT_2014, 5).children
    assert points.eid == "art_5__list_1"
    assert points.children[0].eid == "art_5__list_1__intro"
    assert (
        points.children[0].text
        == "The right to international solidarity encompasses and bears upon:"
    )
    para_8 = by_eid(TEXT_2014, "art_13__para_8")
    assert (para_8.num, para_8.text) == ("8.", "")
    assert [unit.eid for unit in para_8.children[0].children] == [
        "art_13__para_8__list_1__intro",
        *(f"art_13__para_8__list_1__point_{letter}" for letter in "abcde"),
    ]


def test_2014_article_5_keeps_repeated_labels_with_unique_eids() -> None:
    points = descendants(article(TEXT_2014, 5), "point")
    assert len(points) == 14
    assert [point.num for point in points] == [f"({c})" for c in "abcdefghijkl"] + ["(i)", "(j)"]
    eids = [point.eid for point in points]
    assert len(set(eids)) == 14
    assert eids[-2:] == ["art_5__list_1__point_i-2", "art_5__list_1__point_j-2"]
    assert points[-2].text.startswith("The structural analysis")
    # One warning per kind of doubt: the second repeat is named by its line.
    (repeats,) = [w for w in imported(TEXT_2014).warnings if "repeats" in w]
    assert repeats.startswith("Article 5: point (i)")
    assert repeats.endswith("(and 1 more like it: line 265)")


NOTES_2014 = [
    # (marker, eid of the unit, words before the marker, words after it)
    ("1", "preamble__recs_1__rec_3", "exercised multilaterally;", " in addition"),
    ("2", "preamble__recs_1__rec_3", "at the global level; ", "as well as the resolve"),
    ("3", "preamble__recs_1__rec_3", "elimination of poverty,", ""),
    ("4", "preamble__recs_1__rec_5", "mutual accountability,", " described at"),
    ("5", "preamble__recs_1__rec_5", "constituents and shareholders.”", ""),
    ("6", "preamble__recs_1__rec_7", "benefits and burdens,", ""),
    ("7", "preamble__recs_1__rec_9", "determination to achieve them.”", ""),
    ("8", "art_3__list_1__intro", "structured in some way", " such as those in:"),
    ("9", "art_3__list_1__point_c", "of information and services;", " and,"),
    ("10", "art_5__list_1__point_f", "without any external interference;", ""),
    ("11", "art_6__para_1", "may be fully realized.", ""),
    ("12", "art_12__para_2", "human rights obligations", " including its"),
]


@pytest.mark.parametrize(("marker", "eid", "before", "after"), NOTES_2014)
def test_2014_note_sits_at_its_marker(marker: str, eid: str, before: str, after: str) -> None:
    unit = by_eid(TEXT_2014, eid)
    (note,) = [note for note in unit.notes if note.marker == marker]
    assert note.eid == f"{eid}__fnt_{marker}"
    assert unit.text[: note.offset].endswith(before)
    assert unit.text[note.offset :] == after or unit.text[note.offset :].startswith(after)
    assert after or note.offset == len(unit.text)


def test_2014_note_bodies_are_joined_and_markers_leave_the_text() -> None:
    notes = {note.marker: note for _, note in document(TEXT_2014).notes()}
    assert list(notes) == [str(n) for n in range(1, 13)]
    assert (
        notes["1"].text == "United Nations Millennium Declaration, UN Doc. A/55/49 (2000), para. 6."
    )
    assert notes["4"].text == (
        "OHCHR & CESR. (2013) Who will be Accountable? Human Rights and the Post-2015"
        " Development Agenda. New York and Geneva."
    )
    assert "OECD-DAC “Action-oriented" in notes["5"].text
    assert "multilaterally; in addition" in by_eid(TEXT_2014, "preamble__recs_1__rec_3").text
    assert "level; as well" in by_eid(TEXT_2014, "preamble__recs_1__rec_3").text


def test_2014_digits_that_are_not_markers_stay_text() -> None:
    assert "Human Rights in 1948, the Vienna" in by_eid(TEXT_2014, "preamble__recs_1__rec_2").text
    assert "resolution 60/251 and" in by_eid(TEXT_2014, "preamble__recs_1__rec_8").text
    assert by_eid(TEXT_2014, "art_5__list_1__point_j-2").text.endswith("before and beyond 2015.")


def test_2014_lines_are_rejoined_and_characters_kept() -> None:
    assert "peaceful coexistence, non-interference, self-determination" in (
        by_eid(TEXT_2014, "art_5__list_1__point_b").text
    )
    assert "relevant actors – State and non-State entities alike – for their" in (
        by_eid(TEXT_2014, "art_12__para_3").text
    )
    assert (
        "undertake—formally or informally—their" in by_eid(TEXT_2014, "art_7__list_1__point_b").text
    )
    assert "“peace, democracy," in by_eid(TEXT_2014, "preamble__recs_1__rec_4").text
    for unit in document(TEXT_2014).walk():
        assert unit.text == unit.text.strip()
        assert "  " not in unit.text
        assert "A/HRC" not in unit.text


# --- Revision A ------------------------------------------------------------------------------


def test_revision_a_counts_and_title() -> None:
    doc = document(TEXT_A)
    assert doc.meta.title == TITLE_A
    assert len(units(TEXT_A, "recital")) == 11
    assert len(units(TEXT_A, "article")) == 14
    assert len(list(doc.notes())) == 12
    assert doc.body[0].heading == "Operational Paragraphs"
    assert not [w for w in imported(TEXT_A).warnings if "repeats" in w or "sequence" in w]


def test_revision_a_articles_as_its_readme_describes() -> None:
    assert [unit.eid for unit in article(TEXT_A, 3).children] == ["art_3__para_1", "art_3__para_2"]
    assert by_eid(TEXT_A, "art_3__para_2").text.startswith("Reactive solidarity should be provided")
    points = descendants(article(TEXT_A, 6), "point")
    assert [point.num for point in points] == [f"({c})" for c in "abcdefghijklmn"]
    assert [unit.element for unit in article(TEXT_A, 9).children] == ["content"]
    assert len(descendants(article(TEXT_A, 11), "paragraph")) == 3
    para_8 = descendants(by_eid(TEXT_A, "art_14__para_8"), "point")
    assert [point.num for point in para_8] == [f"({c})" for c in "abcdef"]
    assert (
        para_8[3].text == "Not imposing unilateral coercive measures contrary to international law;"
    )


def test_revision_a_notes_and_page_breaks() -> None:
    notes = {note.marker: (unit.eid, note) for unit, note in document(TEXT_A).notes()}
    assert list(notes) == [str(n) for n in range(1, 13)]
    assert notes["4"][0] == "preamble__recs_1__rec_4"
    assert notes["5"][1].text.startswith("General Assembly resolution 70/1 (2015)")
    assert "OECD-DAC “Action-oriented" in notes["7"][1].text
    assert "States adopted the Vienna Declaration" in by_eid(TEXT_A, "preamble__recs_1__rec_5").text
    assert "should be based on equal" in by_eid(TEXT_A, "art_11__para_1").text
    assert "outside its territory, and" in by_eid(TEXT_A, "art_13__para_2").text


# --- Word by word: nothing lost, nothing added -----------------------------------------------


@pytest.mark.parametrize(
    ("path", "title_start"),
    [(TEXT_2014, "Preliminary text of a draft"), (TEXT_A, "Draft declaration on the right")],
)
def test_no_word_lost_or_added(path: Path, title_start: str) -> None:
    source = source_text(path, title_start, keep_markers=False)
    model = model_text(document(path), keep_markers=False)
    lost, added, places = lost_and_added(source, model)
    assert (lost, added) == (0, 0), places
    assert len(source.split()) > 3000


@pytest.mark.parametrize(
    ("path", "title_start"),
    [(TEXT_2014, "Preliminary text of a draft"), (TEXT_A, "Draft declaration on the right")],
)
def test_markers_put_back_at_note_offsets_give_the_source(path: Path, title_start: str) -> None:
    source = source_text(path, title_start, keep_markers=True)
    model = model_text(document(path), keep_markers=True)
    assert lost_and_added(source, model)[:2] == (0, 0)
    assert "level; 2as" in model


# --- The synthetic text: headings after "Article N", nested points, page artefacts -----------


def test_synthetic_headings_and_nested_points() -> None:
    doc = document(SYNTHETIC)
    assert doc.meta.title == "Draft convention on a synthetic test of the importer"
    assert doc.preamble[0].eid == "preamble__recs_1"
    assert (doc.preamble[0].num, doc.preamble[0].heading) == ("", "")
    assert [unit.eid for unit in doc.body] == ["art_1", "art_2", "art_3"]
    assert [unit.heading for unit in doc.body] == ["Definitions", "Obligations", ""]
    point_a = by_eid(SYNTHETIC, "art_1__list_1__point_a")
    assert point_a.text == ""
    assert [unit.eid for unit in point_a.children[0].children] == [
        "art_1__list_1__point_a__list_1__intro",
        "art_1__list_1__point_a__list_1__point_i",
        "art_1__list_1__point_a__list_1__point_ii",
    ]
    assert point_a.children[0].children[0].text == "“Draft” means a text that:"
    assert by_eid(SYNTHETIC, "art_1__list_1__point_b").text == "“Party” means a State."
    deep = by_eid(SYNTHETIC, "art_2__para_1__list_1__point_b__list_1__point_ii")
    assert (deep.num, deep.text) == ("(ii)", "difficulties met.")
    assert by_eid(SYNTHETIC, "art_2__para_2").text == (
        "Nothing in this article affects the rights of a Party under paragraph 1 of this article."
    )
    assert imported(SYNTHETIC).warnings == (  # each dropped line that held words, by line
        "line 47: running header 'A/HRC/XX/XX 2' dropped as page layout",
        "line 56: page number '7' dropped as page layout",
    )
    assert imported(SYNTHETIC).advice == (
        "no --date given; the version date is set to 1970-01-01 (unknown)",
    )


def test_synthetic_page_artefacts_footnotes_and_characters() -> None:
    content = by_eid(SYNTHETIC, "art_3__content")
    assert content.text == (
        "This article has unnumbered text only, with a page break inside it"
        " and 10\u00a0per cent of its words kept."
    )
    recital = by_eid(SYNTHETIC, "preamble__recs_1__rec_2")
    assert recital.text == (
        "Noting para. 2 of resolution 23/12, adopted in 2013, and the importance of"
        " non-interference,"
    )
    (note,) = recital.notes
    assert (note.marker, note.offset, note.text) == ("2", len(recital.text), "Ibid., para. 3.")
    first = by_eid(SYNTHETIC, "preamble__recs_1__rec_1").notes[0]
    assert first.text == "A footnote body that runs on to a second line."


# --- Metadata --------------------------------------------------------------------------------


def test_metadata_defaults() -> None:
    meta = document(TEXT_2014).meta
    work = "/akn/un/bill/declaration-right-peoples-individuals-international-solidarity"
    assert (meta.work_uri, meta.date, meta.version_label) == (work, "1970-01-01", "")
    assert (meta.expression_uri, meta.manifestation_uri) == frbr_uris(work, "eng", meta.date)[1:]
    assert document(TEXT_A).meta.work_uri == work  # both versions are one work
    assert meta.source == str(TEXT_2014)
    assert "no --date given" in imported(TEXT_2014).advice[-1]


def test_metadata_from_options() -> None:
    options = ImportOptions(
        title="A title",
        date="2016-06-01",
        version_label="revision A",
        work_uri="/akn/un/bill/2014/solidarity",
    )
    result = import_text(TEXT_A.read_bytes(), "a.txt", options)
    meta = result.document.meta
    assert (meta.title, meta.date, meta.version_label) == ("A title", "2016-06-01", "revision A")
    assert meta.expression_uri == "/akn/un/bill/2014/solidarity/eng@2016-06-01"
    assert result.warnings == (  # the one kind of line dropped, with its lines
        "line 55: running header 'A/HRC/XX/XX' dropped as page layout (and 8 more like it: "
        "line 109, 159, 212, 262, 312, 361, 410, 462)",
    )
    assert result.advice == ()


def test_bad_date_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        import_text(TEXT_A.read_bytes(), "a.txt", ImportOptions(date="1 June 2016"))


# --- Bad input -------------------------------------------------------------------------------

BAD_INPUT = [
    pytest.param(b"", "bad.txt: empty file", id="empty"),
    pytest.param(b"  \n\n \n", "bad.txt: only whitespace; expected the plain", id="blank"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bad.txt:3: binary data", id="binary"),
    pytest.param(b"\xef\xbb\xbf \n", "bad.txt: only whitespace", id="bom-blank"),
    pytest.param(b"\xef\xbb\xbf", "bad.txt: empty file", id="bom-only"),
    pytest.param(b"Article 1\n\nText\x00\n", "bad.txt:3: binary data", id="nul-in-utf-8"),
    pytest.param(b"Article 1\n\ncaf\xe9 \xff\n", "bad.txt:3: byte 0xe9 is not valid", id="bytes"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUT)
def test_bad_input_raises_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        import_text(data, "bad.txt", ImportOptions())
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(("data", "message"), BAD_INPUT)
def test_cli_import_of_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, data: bytes, message: str
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(data)
    output = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(output)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"redline: {tmp_path / message}")
    assert not output.exists()


# --- The shipped AKN in versions/ ------------------------------------------------------------

# Keep in step with scripts/regenerate-versions.sh, which writes these files.
SHIPPED = [
    (
        "versions/solidarity-2014.txt",
        ImportOptions(
            date="2014-04-01",
            version_label="preliminary text",
            work_uri="/akn/un/bill/2014/solidarity-declaration",
        ),
    ),
    (
        "versions/solidarity-revision-A.txt",
        ImportOptions(
            date="2016-06-01",
            version_label="revision A (illustrative)",
            work_uri="/akn/un/bill/2014/solidarity-declaration",
        ),
    ),
]


@pytest.mark.parametrize(("source", "options"), SHIPPED)
def test_shipped_akn_is_valid_and_regenerated(source: str, options: ImportOptions) -> None:
    from redline.akn.validate import validate_akn
    from redline.akn.write import write_akn

    shipped = (ROOT / source).with_suffix(".akn.xml")
    assert validate_akn(shipped.read_bytes(), str(shipped)) == []
    result = import_text((ROOT / source).read_bytes(), source, options)
    assert write_akn(result.document) == shipped.read_bytes(), "run scripts/regenerate-versions.sh"


# --- Less common layouts ---------------------------------------------------------------------


def import_lines(*lines: str, encoding: str = "utf-8") -> ImportResult:
    data = "\n".join(lines).encode(encoding)
    return import_text(data, "t.txt", ImportOptions(date="2020-01-01", encoding=encoding))


def test_out_of_sequence_points_wrap_up_and_stray_text_are_kept_and_reported() -> None:
    result = import_lines(
        "A draft for testing",
        "",
        "I. Preamble",
        "",
        "Recalling something,",
        "",
        "II. Operative part",
        "",
        "Text before the first article.",
        "",
        "Article 1",
        "",
        "1. Each State shall:",
        "",
        "(a) do one thing;",
        "",
        "(c) do another;",
        "",
        "and report on both.",
        "",
        "Stray text after the list.",
    )
    part = result.document.body[0]
    assert (part.eid, part.children[0].eid) == ("part_II", "part_II__intro")
    assert part.children[0].text == "Text before the first article."
    para, stray = part.children[1].children
    assert [unit.num or unit.element for unit in para.children[0].children] == [
        "intro",
        "(a)",
        "(c)",
        "wrapUp",
    ]
    assert para.children[0].children[-1].eid == "art_1__para_1__list_1__wrapup"
    assert (stray.element, stray.num, stray.text) == ("paragraph", "", "Stray text after the list.")
    assert result.warnings == (
        "part II.: text at line 9 before its first article kept as the part's intro",
        "Article 1: point (c) at line 17 is out of sequence",
        "Article 1: unnumbered text at line 21 after a numbered paragraph kept as an"
        " unnumbered paragraph",
    )


def test_labels_followed_by_no_break_spaces() -> None:
    doc = import_lines(
        "A draft", "", "Article\u00a07", "", "1.\u00a0Text with\u00a0a no-break space."
    ).document
    # The heading word is given in its canonical spelling, with an ordinary space.
    assert (doc.body[0].eid, doc.body[0].num) == ("art_7", "Article 7")
    assert doc.body[0].children[0].text == "Text with\u00a0a no-break space."


def test_no_title_crlf_form_feed_and_another_encoding() -> None:
    result = import_lines(
        "[English only]\r",
        "\r",
        "Recalling the Charter,1\r",
        "\f\r",
        " 1 A note.\r",
        "\f2\r",
        "Recalling the caf\xe9 on the new page,\r",
        "\r",
        "Article 1\r",
        "\r",
        "Only one line",
        encoding="latin-1",
    )
    doc = result.document
    assert doc.meta.title == "t"
    assert "no title found above line 3; give one with --title" in result.advice
    assert [unit.text for unit in doc.preamble[0].children] == [
        "Recalling the Charter,",
        "Recalling the café on the new page,",
    ]
    assert doc.preamble[0].children[0].notes[0].text == "A note."
    assert [(unit.eid, unit.heading) for unit in doc.body] == [("art_1", "")]
    assert doc.body[0].children[0].text == "Only one line"


def test_page_break_inside_a_sentence_does_not_split_a_recital() -> None:
    doc = import_lines(
        "A draft",
        "",
        "Recalling resolution 60/251 of the General Assembly,",
        "  ",
        "States having agreed,",
        "  ",
        "Noting the above,",
        "",
        "Article 1",
        "",
        "Text.",
    ).document
    assert [unit.text for unit in doc.preamble[0].children] == [
        "Recalling resolution 60/251 of the General Assembly, States having agreed,",
        "Noting the above,",
    ]


def test_footnote_without_marker_is_reported() -> None:
    result = import_lines(
        "A draft", "", "Article 1", "", "1. Text without a marker.", "", "  ", "", " 1 A note."
    )
    assert result.warnings == ("footnote 1 (line 9) has no marker in the text",)
    assert not list(result.document.notes())


def test_unknown_encoding_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown encoding"):
        import_text(b"Article 1\n", "t.txt", ImportOptions(encoding="no-such-codec"))


def test_utf_16_with_its_encoding_is_text_not_binary() -> None:
    result = import_lines("A draft", "", "Article 1", "", "1. Text.", encoding="utf-16")
    assert result.document.body[0].children[0].text == "Text."


# --- Property: however the lines wrap, the words come back exactly ---------------------------

_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijKLMNOPQRSTéçà’“”–—,;:\u00a0"), min_size=1, max_size=12
).filter(lambda word: any(char.isalpha() for char in word) and word.strip() == word)


def _wrap(words: list[str], widths: list[int]) -> list[str]:
    """`words` wrapped as a PDF wraps them: lines of `widths` words in turn (at most 9
    words of 12 characters, so never longer than the importer's `WRAP_LIMIT`; a longer
    line would mean unwrapped text, one paragraph a line)."""
    lines, start = [], 0
    for width in cycle(widths):
        if start >= len(words):
            break
        lines.append(" ".join(words[start : start + width]) + " " * (width % 3))
        start += width
    assert all(len(line) <= WRAP_LIMIT for line in lines)
    return lines


@settings(max_examples=60, deadline=None)
@given(
    recital=st.lists(_WORD, min_size=1, max_size=40),
    paragraph=st.lists(_WORD, min_size=1, max_size=40),
    widths=st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=12),
)
def test_words_survive_any_line_wrapping(
    recital: list[str], paragraph: list[str], widths: list[int]
) -> None:
    recital = ["Recalling", *recital]
    lines = ["A draft", "", *_wrap(recital, widths), "", "Article 1", ""]
    lines += ["1. " + _wrap(paragraph, widths)[0], *_wrap(paragraph, widths)[1:]]
    doc = import_lines(*lines).document
    assert doc.preamble[0].children[0].text == " ".join(recital)
    assert doc.body[0].children[0].text == " ".join(paragraph)


def test_cli_import_writes_akn_and_reports_on_stderr(tmp_path: Path) -> None:
    output = tmp_path / "out.xml"
    args = ["import", str(TEXT_2014), "-o", str(output), "--date", "2014-04-01"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"redline: warning: {warning}" for warning in imported(TEXT_2014).warnings
    ] + [f"redline: {imported(TEXT_2014).report}"]
    assert output.read_bytes().startswith(b"<?xml")


def test_a_number_or_symbol_between_lines_of_text_is_text_not_page_layout() -> None:
    """A symbol or a number alone on a line is page furniture only where a page edge
    shows; between two lines of a sentence it is the sentence's: dropped, a number of
    the law would be lost and the versions' difference in it unseen."""
    result = import_lines(
        "Draft declaration on page numbers", "",
        "Article 1", "",
        "1. States shall cooperate under resolution", "A/HRC/RES/18/5", "and later ones.", "",
        "2. The number of members shall be", "12", "",
        "   ",  # a page break: the page number and the header after it are the page's
        "3", "A/HRC/26/34",
        "3. States shall report.",
    )  # fmt: skip
    texts = [unit.text for unit in result.document.body[0].children]
    assert texts == [
        "States shall cooperate under resolution A/HRC/RES/18/5 and later ones.",
        "The number of members shall be 12",
        "States shall report.",
    ]
    assert result.warnings == (
        "line 13: page number '3' dropped as page layout",
        "line 14: running header 'A/HRC/26/34' dropped as page layout",
    )


def test_a_recurring_symbol_found_at_a_page_edge_is_a_running_header_wherever_it_stands() -> None:
    """A copied page may break mid-sentence: a running header seen once at a page edge
    is dropped where it stands between lines of text too; a symbol that recurs but never
    stands at a page edge is a citation, kept."""
    header = import_lines(
        "Draft", "", "Article 1", "",
        "1. States shall", "A/HRC/26/34", "cooperate.", "",
        "2. States shall report.", "", "   ", "A/HRC/26/34", "", "3. States shall act.",
    )  # fmt: skip
    assert [unit.text for unit in header.document.body[0].children] == [
        "States shall cooperate.", "States shall report.", "States shall act.",
    ]  # fmt: skip
    assert header.warnings[0].startswith("line 6: running header 'A/HRC/26/34' dropped")
    cited = import_lines(
        "Draft", "", "Article 1", "",
        "1. States shall act under resolution", "A/HRC/RES/18/5", "and the Charter.", "",
        "2. States shall report under resolution", "A/HRC/RES/18/5", "and its annex.",
    )  # fmt: skip
    assert [unit.text for unit in cited.document.body[0].children] == [
        "States shall act under resolution A/HRC/RES/18/5 and the Charter.",
        "States shall report under resolution A/HRC/RES/18/5 and its annex.",
    ]
    assert cited.warnings == ()


def test_a_line_that_opens_every_page_is_a_running_header() -> None:
    """An Official Journal prints its own header on every page: after each form feed,
    alike but for its numbers, it is the page's; a sentence carried over the page
    break is joined again."""
    result = import_lines(
        "Regulation on things", "", "Article 1", "",
        "1. States shall act under the Charter and under the", "", "1", "",
        "\fL 265/2 EN Official Journal of the European Union 12.10.2022", "",
        "laws of the Union.", "", "Article 2", "", "This Regulation enters into force.", "",
        "2", "", "\fL 265/3 EN Official Journal of the European Union 12.10.2022",
    )  # fmt: skip
    assert result.document.body[0].children[0].text == (
        "States shall act under the Charter and under the laws of the Union."
    )
    assert [u.text for u in result.document.body[1].walk()][
        -1
    ] == "This Regulation enters into force."
    assert "line 9: running header 'L 265/2 EN Official Journal of the European Union " in (
        "\n".join(result.warnings)
    )


def test_a_form_feed_marks_a_page_whatever_the_length_of_the_lines() -> None:
    """One line longer than a printed line used to turn page handling off for the whole
    file: the form feed then stayed in the title and the header in the text."""
    long = " ".join(["word"] * 45)
    result = import_lines(
        "Declaration on things", "", f"Recalling the one, {long}", "", "Recalling the other,",
        "", "1", "", "\fA/HRC/1/2", "", "Affirming the third,", "", "Article 1", "",
        "Everyone has rights.",
    )  # fmt: skip
    assert result.document.meta.title == "Declaration on things"
    texts = [unit.text for unit in result.document.preamble[0].children]
    assert texts == [f"Recalling the one, {long}", "Recalling the other,", "Affirming the third,"]
