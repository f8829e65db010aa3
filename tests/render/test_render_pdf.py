"""The PDF redline, read back: words of both versions, bookmarks, metadata, paper, inertness."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

import render_fixtures
from redline.changes import Comparison
from redline.comparison.engine import compare
from redline.errors import UsageError
from redline.model import Document, Metadata, Unit
from redline.read.sources import load_document
from redline.renderers import RenderOptions, get_renderer
from redline.renderers.pdf import HTML, RefusingFetcher, lay_out, render_pdf
from redline.renderers.pdf_lines import stranded

ROOT = Path(__file__).resolve().parents[2]


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    walk(reader.outline)
    return titles


def text_of(reader: pypdf.PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return render_fixtures.build()[2]


@pytest.fixture(scope="module")
def fixture_pdf(comparison: Comparison) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(render_pdf(comparison, RenderOptions())))


def test_pdf_holds_inserted_and_deleted_words(fixture_pdf: pypdf.PdfReader) -> None:
    text = text_of(fixture_pdf)
    for words in (
        "purposes and actions",
        "reactive solidarity",
        "Preliminary Operational",
        "This article, see http://example.org, is deleted.",
        "<script>alert(1)</script>",
    ):
        assert words in text, words


def test_pdf_has_a_bookmark_per_article(fixture_pdf: pypdf.PdfReader) -> None:
    titles = outline_titles(fixture_pdf)
    assert titles[:3] == [
        "Summary of changes",
        "I. Preambular Paragraphs",
        "II. Operational Paragraphs",
    ]
    assert [t for t in titles if t.startswith("Article")] == [
        "Article 1",
        "Article 2 – Reactive solidarity",
        "Article 3",
        "Article 4",
        "Article 5",
        "Article 5 (deleted)",
        "Article 6",
        "Article 7",
    ]


def test_pdf_metadata_names_both_versions(
    fixture_pdf: pypdf.PdfReader, comparison: Comparison
) -> None:
    meta = fixture_pdf.metadata
    assert meta is not None
    assert meta.title == f"Redline: {comparison.new.title}"
    assert comparison.old.title in str(meta.subject) and comparison.new.title in str(meta.subject)


def test_pdf_pages_are_numbered_and_headed(
    fixture_pdf: pypdf.PdfReader, comparison: Comparison
) -> None:
    pages = fixture_pdf.pages
    count = len(pages)
    assert f"Page {count} of {count}" in pages[-1].extract_text()
    assert "Old: Preliminary text" in pages[-1].extract_text()
    assert [round(float(x)) for x in pages[0].mediabox[2:]] == [595, 842]


def test_letter_and_side_by_side(comparison: Comparison) -> None:
    pdf = render_pdf(comparison, RenderOptions(layout="side-by-side", paper="letter"))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [792, 612]
    assert "Article 5 (deleted)" in outline_titles(reader)
    assert "purposes and actions" in text_of(reader)


def test_unknown_paper_is_refused(comparison: Comparison) -> None:
    with pytest.raises(UsageError, match="paper"):
        render_pdf(comparison, RenderOptions(paper="a3"))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/x.css",
        "https://example.org/x.png",
        "data:text/css,p{}",
    ],
)
def test_fetcher_refuses_every_url(url: str) -> None:
    with pytest.raises(ValueError, match="refused"):
        RefusingFetcher()(url)


def test_renderer_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.css"
    secret.write_text("p::after { content: 'LEAKED'; }", encoding="utf-8")
    image = ROOT / "tests" / "cases"
    page = (
        f'<html><head><link rel="stylesheet" href="{secret.as_uri()}"></head><body>'
        f'<p>text</p><img src="{image.as_uri()}/x.png"><img src="http://127.0.0.1:9/x.png">'
        "</body></html>"
    )
    pdf = HTML(string=page, url_fetcher=RefusingFetcher()).write_pdf()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert "LEAKED" not in text_of(reader)
    assert b"/Subtype /Image" not in pdf


@pytest.fixture(scope="module")
def declaration() -> Comparison:
    old = load_document(str(ROOT / "versions/solidarity-2014.akn.xml"))
    new = load_document(str(ROOT / "versions/solidarity-revision-A.akn.xml"))
    return compare(old, new)


def test_declaration_pdf(declaration: Comparison) -> None:
    pdf = get_renderer("pdf")(declaration, RenderOptions())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    titles = outline_titles(reader)
    assert len([t for t in titles if t.startswith("Article")]) == 14
    text = text_of(reader)
    assert "reactive solidarity" in text.lower() and "Preliminary Operational" in text
    assert 6 <= len(reader.pages) <= 20


@pytest.mark.parametrize("layout", ["inline", "side-by-side"])
def test_no_word_stranded_on_a_line(declaration: Comparison, layout: str) -> None:
    """No line in mid-paragraph holds a lone word where more would have fitted."""
    assert stranded(lay_out(declaration, RenderOptions(layout=layout))) == set()


def test_a_stranded_paragraph_is_repaired_in_place(
    declaration: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The declaration on letter paper has one stranded paragraph (Article 11(2)): it is
    laid out alone, not the whole document again; its lines replace the bad ones, each
    word drawn once."""
    import redline.renderers.pdf as pdf

    pages: list[int] = []
    real = pdf._layout

    def counted(page: str, fonts: object = None) -> object:
        document = real(page, fonts)
        pages.append(len(document.pages))
        return document

    monkeypatch.setattr(pdf, "_layout", counted)
    document = lay_out(declaration, RenderOptions(paper="letter"))
    assert stranded(document) == set()
    assert len(pages) == 2 and pages[1] == 1, pages  # the document, then the paragraph
    text = text_of(pypdf.PdfReader(io.BytesIO(document.write_pdf())))
    for words in ("respective constituents at the national", "best interests of their peoples"):
        assert text.count(words) == 1, words


def test_a_line_ended_by_the_texts_own_break_is_not_stranded() -> None:
    """A one-word line that ends at a ``<br>`` (a table of contents) is the text's own
    break; a one-word line in mid-paragraph is still found."""
    words = " ".join(["provision"] * 40)
    page = (
        f'<p id="toc">{words}<br>MATTERS<br>{words}</p>'
        f'<p id="strand" style="width: 30em">alone <span style="display: inline-block;'
        f' width: 29em"></span> {words}</p>'
    )
    document = HTML(string=page, url_fetcher=RefusingFetcher()).render()
    assert stranded(document) == {"strand"}


def test_the_repair_stops_when_the_stranded_blocks_do_not_shrink(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """S. 2731's stranded lines are all the text's own breaks, so it is laid out once
    (it was laid out four times, three of them for nothing)."""
    import redline.renderers.pdf as pdf

    layouts: list[int] = []
    real = pdf._layout

    def counted(page: str, fonts: object = None) -> object:
        layouts.append(1)
        return real(page, fonts)

    monkeypatch.setattr(pdf, "_layout", counted)
    uslm = ROOT / "tests" / "data" / "uslm"
    comparison = compare(
        load_document(str(uslm / "S2731_IPS.xml")), load_document(str(uslm / "S2731_RCS.xml"))
    )
    document = lay_out(comparison, RenderOptions())
    assert len(layouts) == 1
    assert {owner for owner in stranded(document) if owner} == set()


def test_fonts_are_dejavu_and_embedded(fixture_pdf: pypdf.PdfReader) -> None:
    fonts: dict[str, bool] = {}
    for page in fixture_pdf.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all("DejaVu" in name for name in fonts), fonts
    assert all(fonts.values()), fonts


def _with_annex(title: str) -> Document:
    """A one-article text with an annex called `title`."""
    meta = Metadata("Draft declaration on annexes", "/akn/un/x", "", "", "2020-01-01")
    paragraph = Unit("paragraph", "art_1__para_1", num="1.", text="States shall cooperate.")
    article = Unit("article", "art_1", num="Article 1", children=(paragraph,))
    listed = Unit("paragraph", "att_1__para_1", num="1.", text="The annex lists the measures.")
    annex = Document(replace(meta, title=title, doc_name="annex"), body=(listed,))
    return Document(meta, body=(article,), components=(annex,))


@pytest.mark.slow
def test_a_component_starts_with_its_title_and_its_outline_entry() -> None:
    comparison = compare(_with_annex("ANNEX"), _with_annex("ANNEX ON MEASURES"))
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(comparison, RenderOptions())))
    assert "ANNEX ON MEASURES" in outline_titles(reader)
    text = text_of(reader)
    assert "States shall cooperate. ANNEX ON MEASURES 1. The annex lists the measures." in text
