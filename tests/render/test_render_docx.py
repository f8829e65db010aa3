"""The Word redline: the package obeys Word's rules, and LibreOffice, the real consumer,
opens every generated .docx; Accept All gives the new version's words and Reject All
the old one's, word for word, on the bundled drafts, the US bills and edited copies."""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

import redline
import render_fixtures
from docx_checks import (
    W,
    column_words,
    expected_words,
    parts,
    revised_paragraphs,
    shown_words,
    word_rule_problems,
)
from libreoffice import Office
from mutations import mutate, mutate_provisions
from redline.changes import Comparison
from redline.cli import main
from redline.comparison.engine import compare
from redline.model import Document
from redline.read.sources import load_document
from redline.renderers import RenderOptions
from redline.renderers.docx.render import render_docx
from redline_views import first_difference

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
ROOT = Path(__file__).resolve().parents[2]
USLM = ROOT / "tests" / "data" / "uslm"
DRAFTS = (
    ROOT / "versions/solidarity-2014.akn.xml",
    ROOT / "versions/solidarity-revision-A.akn.xml",
)
BILLS = (
    ("h1037_eh", "H1037_RFS"),
    ("H1058_RDS", "h1058_enr"),
    ("h264_eh", "H264_PCS"),
    ("hc105_eh", "HC105_RDS"),
    ("HC105_RDS", "hc105_enr"),
    ("hj107_eh", "HJ107_RDS"),
    ("HJ107_RDS", "hj107_enr"),
    ("SC13_ES", "SC13_ATS"),
    ("SC13_ATS", "SC13_RFH"),
    ("SR100_IS", "BILLS-116sres100ats"),
    ("S2731_IPS", "S2731_RCS"),
)


_COOPERATE = (
    "States shall cooperate with one another in ensuring development and eliminating obstacles."
)
_SOLIDARITY = (
    "International solidarity shall guide every agreement between the peoples of the world."
)


def _load(name: str) -> Document:
    return load_document(str(USLM / f"{name}.xml"))


def _pair(case: str) -> tuple[Document, Document]:
    """The old and new documents of a named case."""
    if case == "fixture":
        old, new, _ = render_fixtures.build()
        return old, new
    if case == "declaration":
        return load_document(str(DRAFTS[0])), load_document(str(DRAFTS[1]))
    if case.startswith("declaration-edits-"):
        old = load_document(str(DRAFTS[0]))
        return old, mutate(old, int(case.rsplit("-", 1)[1]))[0]
    if case == "dma":  # the EU act as proposed and as adopted
        eu = ROOT / "tests" / "data" / "eu"
        return (
            load_document(str(eu / "dma-proposal-COM-2020-842.txt")),
            load_document(str(eu / "dma-regulation-2022-1925.txt")),
        )
    if case == "s5":  # GPO's Bill DTD, placed on the calendar and enrolled
        dtd = ROOT / "tests" / "data" / "us-bill-dtd"
        return (
            load_document(str(dtd / "s5-119--01-pcs.xml")),
            load_document(str(dtd / "s5-119--03-enr.xml")),
        )
    if case == "tail-insertion":  # words added at a paragraph's end, a paragraph after it
        old = "Article 1\n\n1. Alpha beta.\n\n2. Gamma delta.\n"
        new = "Article 1\n\n1. Alpha beta. Omega added.\n\n2. Inserted words.\n\n3. Gamma delta.\n"
        return redline.load(old.encode(), name="old.txt"), redline.load(
            new.encode(), name="new.txt"
        )
    if case == "tail-insertion-then-split":  # the split's first piece keeps its mark
        old = f"Article 1\n\n1. Alpha beta.\n\n2. {_COOPERATE} {_SOLIDARITY}\n"
        new = f"Article 1\n\n1. Alpha beta. Omega added.\n\n2. {_COOPERATE}\n\n"
        new += f"3. {_SOLIDARITY[:-1]} and their governments.\n"
        return redline.load(old.encode(), name="old.txt"), redline.load(
            new.encode(), name="new.txt"
        )
    if case.startswith("hr264-edits-"):
        old = _load("h264_eh")
        return old, mutate_provisions(old, int(case.rsplit("-", 1)[1]))[0]
    old_name, new_name = case.split("->")
    return _load(old_name), _load(new_name)


CASES = (
    "fixture",
    "declaration",
    "declaration-edits-1",
    "declaration-edits-2",
    "hr264-edits-1",
    "s5",
    "tail-insertion",
    "tail-insertion-then-split",
    *(f"{old}->{new}" for old, new in BILLS),
)


def _comparison(case: str) -> tuple[Document, Document, Comparison]:
    if case == "fixture":
        return render_fixtures.build()
    old, new = _pair(case)
    return old, new, compare(old, new)


@pytest.fixture(scope="module", params=CASES)
def written(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Document, Document, Path]:
    old, new, comparison = _comparison(request.param)
    path = tmp_path_factory.mktemp("docx") / f"{request.param.replace('>', '')}.docx"
    path.write_bytes(render_docx(comparison, RenderOptions()))
    return old, new, path


def test_package_obeys_words_rules(written: tuple[Document, Document, Path]) -> None:
    assert word_rule_problems(written[2].read_bytes()) == []


@pytest.mark.libreoffice
def test_accept_all_gives_the_new_words_and_reject_all_the_old(
    written: tuple[Document, Document, Path], office: Office
) -> None:
    old, new, path = written
    for version, revisions in ((new, "accept"), (old, "reject")):
        answer = office.read(path, revisions)
        assert answer["redlines"] == 0
        words, notes = shown_words(answer)
        expected, expected_notes = expected_words(version)
        assert words == expected, f"{revisions}: {first_difference(expected, words)}"
        assert notes == expected_notes, revisions


def _check_revised(old: Document, new: Document, data: bytes) -> None:
    """Every revision accepted, then rejected, as the XML says (`revised_paragraphs`):
    no paragraph is left empty, and the words are the new version's, then the old's."""
    for version, revisions in ((new, "accept"), (old, "reject")):
        texts = revised_paragraphs(data, revisions)
        empty = [texts[i - 1][-80:] for i, text in enumerate(texts) if not text.strip()]
        assert empty == [], f"{revisions}: empty paragraphs after {empty}"
        words = " ".join(texts).replace("[note]", "").split()
        expected, _ = expected_words(version)
        assert words == expected, f"{revisions}: {first_difference(expected, words)}"


def test_accepting_or_rejecting_leaves_no_empty_paragraph(
    written: tuple[Document, Document, Path],
) -> None:
    old, new, path = written
    _check_revised(old, new, path.read_bytes())


def test_the_eu_pair_leaves_no_empty_paragraph() -> None:
    """The proposal and the regulation: a deleted paragraph's number before a piece of a
    merge moved away, and an inserted one's before a moved list's inserted intro, are
    paragraphs whose marks go with their words."""
    old, new, comparison = _comparison("dma")
    _check_revised(old, new, render_docx(comparison, RenderOptions()))


@pytest.mark.parametrize("layout", ["inline", "side-by-side"])
def test_components_are_introduced_by_their_titles(layout: str) -> None:
    """The EU proposal, and the same with its memorandum renamed: each component starts
    with its title, the renamed one as a tracked change (in the columns, as marks);
    accepting gives the new title, rejecting the old one."""
    old, _ = _pair("dma")
    memo, statement = old.components
    memo = replace(memo, meta=replace(memo.meta, title="EXPLANATORY STATEMENT"))
    new = replace(old, components=(memo, statement))
    data = render_docx(compare(old, new), RenderOptions(layout=layout))
    assert word_rule_problems(data) == []
    document = parts(data)["word/document.xml"]
    titles = [
        p for p in document.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "ComponentTitle"  # type: ignore[union-attr]
    ]  # fmt: skip
    texts = ["".join(p.itertext()) for p in titles]
    if layout == "inline":
        assert texts == ["EXPLANATORY MEMORANDUMSTATEMENT", "LEGISLATIVE FINANCIAL STATEMENT"]
        assert [e.text for e in titles[0].iter(f"{W}delText")] == ["MEMORANDUM"]
        assert [e.text for e in titles[0].iterfind(f"{W}ins/{W}r/{W}t")] == ["STATEMENT"]
        _check_revised(old, new, data)
    else:  # one title in each column
        statement = "LEGISLATIVE FINANCIAL STATEMENT"
        assert texts == ["EXPLANATORY MEMORANDUM", "EXPLANATORY STATEMENT", statement, statement]


def _check_eu_pair(office: Office, tmp_path: Path, revisions: str) -> None:
    old, new, comparison = _comparison("dma")
    path = tmp_path / "dma.docx"
    path.write_bytes(render_docx(comparison, RenderOptions()))
    answer = office.read(path, revisions)
    words, _notes = shown_words(answer)
    expected, _ = expected_words(new if revisions == "accept" else old)
    assert words == expected, f"{revisions}: {first_difference(expected, words)}"


@pytest.mark.libreoffice
def test_the_eu_pair_accepted_is_the_regulation(office: Office, tmp_path: Path) -> None:
    _check_eu_pair(office, tmp_path, "accept")


@pytest.mark.libreoffice
def test_the_eu_pair_rejected_is_the_proposal(office: Office, tmp_path: Path) -> None:
    _check_eu_pair(office, tmp_path, "reject")


@pytest.mark.libreoffice
def test_the_redline_holds_tracked_changes(office: Office, tmp_path: Path) -> None:
    """The declaration's redline holds insertions and deletions LibreOffice sees as such."""
    path = tmp_path / "redline.docx"
    assert main(["diff", *map(str, DRAFTS), "-o", str(path)]) == 1
    answer = office.read(path, "keep")
    assert answer["kinds"] == ["Delete", "Insert"]
    assert answer["redlines"] > 100


@pytest.mark.libreoffice
@pytest.mark.parametrize("case", ["fixture", "declaration", "declaration-edits-1"])
def test_side_by_side_columns_hold_each_version(case: str, office: Office, tmp_path: Path) -> None:
    old, new, comparison = _comparison(case)
    path = tmp_path / "side.docx"
    path.write_bytes(render_docx(comparison, RenderOptions(layout="side-by-side")))
    assert word_rule_problems(path.read_bytes()) == []
    answer = office.read(path, "keep")
    assert answer["redlines"] == 0  # marks only: two versions side by side, nothing to accept
    for column, version in ((0, old), (1, new)):
        words, notes = column_words(answer, column)
        expected, expected_notes = expected_words(version)
        assert words == expected[len(version.meta.title.split()) :], first_difference(
            expected, words
        )
        assert notes == expected_notes


@pytest.mark.libreoffice
def test_every_page_has_the_running_header_and_its_number(office: Office, tmp_path: Path) -> None:
    """Laid out by LibreOffice, each page of the declaration's redline starts with the
    one-line header naming the texts and ends with "Page N of M"."""
    path = tmp_path / "redline.docx"
    assert main(["diff", *map(str, DRAFTS), "-o", str(path)]) == 1
    office.pdf(path, tmp_path / "redline.pdf")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "redline.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\f")[:-1]  # fmt: skip
    assert len(pages) > 5
    header = "Redline: Draft declaration on the right of peoples and…, 2014-04-01 → 2016-06-01"
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == header, number
        assert lines[-1] == f"Page {number} of {len(pages)}"


def test_header_and_footer_parts_are_declared_and_carry_no_revision() -> None:
    package = parts(render_docx(render_fixtures.build()[2], RenderOptions()))
    section = package["word/document.xml"].find(f".//{W}sectPr")
    assert section is not None
    refs = [(e.tag.removeprefix(W), e.get(f"{R}id")) for e in section if "Reference" in e.tag]
    assert refs == [("headerReference", "rId4"), ("footerReference", "rId5")]
    for name in ("header1", "footer1"):
        part = package[f"word/{name}.xml"]
        assert not list(part.iter(f"{W}ins", f"{W}del"))
    fields = [e.get(f"{W}instr") for e in package["word/footer1.xml"].iter(f"{W}fldSimple")]
    assert fields == [" PAGE ", " NUMPAGES "]


def test_moves_are_word_moves_and_numbers_change_alone() -> None:
    """The declaration: its moved recitals and paragraph are named move ranges, and
    Article 3 → 4 is the deletion of "3" and the insertion of "4"."""
    _, _, comparison = _comparison("declaration")
    document = parts(render_docx(comparison, RenderOptions()))["word/document.xml"]
    assert len(list(document.iter(f"{W}moveFromRangeStart"))) == 3
    headings = [
        p for p in document.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading2"  # type: ignore[union-attr]
    ]  # fmt: skip
    texts = ["".join(p.itertext()) for p in headings]
    assert "Article 34" in texts  # deleted "3" then inserted "4"
    renumbered = headings[texts.index("Article 34")]
    assert [e.text for e in renumbered.iter(f"{W}delText")] == ["3"]
    assert [e.text for e in renumbered.iter(f"{W}t")] == ["Article ", "4"]


def test_revisions_carry_author_and_the_new_date() -> None:
    _, _, comparison = _comparison("declaration")
    options = RenderOptions(author="Secretariat")
    document = parts(render_docx(comparison, options))["word/document.xml"]
    stamped = list(document.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"))
    assert stamped
    assert {e.get(f"{W}author") for e in stamped} == {"Secretariat"}
    assert {e.get(f"{W}date") for e in stamped} == {"2016-06-01T00:00:00Z"}


@pytest.mark.parametrize(
    ("paper", "size"), [("a4", ("11906", "16838")), ("letter", ("12240", "15840"))]
)
def test_paper_size(paper: str, size: tuple[str, str]) -> None:
    comparison = render_fixtures.build()[2]
    document = parts(render_docx(comparison, RenderOptions(paper=paper)))["word/document.xml"]
    page = document.find(f".//{W}sectPr/{W}pgSz")
    assert page is not None
    assert (page.get(f"{W}w"), page.get(f"{W}h")) == size


def test_cli_writes_docx_from_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    assert main(["diff", *map(str, DRAFTS), "-o", str(out), "--author", "Bureau"]) == 1
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert "word/document.xml" in archive.namelist()
    document = parts(out.read_bytes())["word/document.xml"]
    assert {e.get(f"{W}author") for e in document.iter(f"{W}ins")} == {"Bureau"}


@pytest.mark.parametrize("name", ["x.odt", "x.rtf", "redline.doc"])
def test_unknown_output_extension_is_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    assert main(["diff", *map(str, DRAFTS), "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "docx" in error and "html" in error and name.rsplit(".", 1)[1] in error
    assert not out.exists()


@pytest.mark.parametrize("layout", ["inline", "side-by-side"])
def test_the_word_redline_says_the_warnings_on_its_first_page(layout: str) -> None:
    """What the readers skipped (the cover above each draft's title) and any other
    warning of the comparison stands on the summary page, as in every other format."""
    versions = ROOT / "versions"
    old, new = (redline.load(versions / f"solidarity-{v}.txt") for v in ("2014", "revision-A"))
    data = render_docx(compare(old, new), RenderOptions(layout=layout))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    front = body.split("redline_text", 1)[0]  # the summary page, before the redlined text
    warning = "Warning: in reading the old version: skipped lines 1-28 (176 words): before"
    assert warning in front
