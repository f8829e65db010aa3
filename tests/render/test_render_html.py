"""The HTML redline: well-formed, lossless both ways, inert, and as reviewed (golden case)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

import render_fixtures
from redline.changes import Comparison
from redline.comparison.engine import compare
from redline.model import Document
from redline.read.sources import load_document
from redline.renderers import RenderOptions, get_renderer
from redline.renderers.html.page import asset, render_html, script_hash
from redline_views import document_words, first_difference, main_element, view_words

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parents[1] / "cases"
USLM = Path(__file__).resolve().parents[1] / "data" / "uslm"
LAYOUTS = ("inline", "side-by-side")

#: Versions of one text, old -> new: the declaration, the EU act as proposed and adopted
#: (splits and merges whose units stand apart), and each bill's successive versions.
EU = Path(__file__).resolve().parents[1] / "data" / "eu"
PAIRS = (
    (ROOT / "versions/solidarity-2014.akn.xml", ROOT / "versions/solidarity-revision-A.akn.xml"),
    (EU / "dma-proposal-COM-2020-842.txt", EU / "dma-regulation-2022-1925.txt"),
    *(
        (USLM / f"{old}.xml", USLM / f"{new}.xml")
        for old, new in (
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
    ),
)


@pytest.fixture(scope="module")
def fixture() -> tuple[Document, Document, Comparison]:
    return render_fixtures.build()


@pytest.fixture(scope="module", params=PAIRS, ids=lambda pair: pair[1].stem)
def real(request: pytest.FixtureRequest) -> tuple[Document, Document, Comparison]:
    old_path, new_path = request.param
    old, new = load_document(str(old_path)), load_document(str(new_path))
    return old, new, compare(old, new)


def page(comparison: Comparison, layout: str = "inline") -> bytes:
    return render_html(comparison, RenderOptions(layout=layout))


def renamed_memorandum() -> tuple[Document, Document]:
    """The EU proposal, and the same with its explanatory memorandum renamed."""
    old = load_document(str(EU / "dma-proposal-COM-2020-842.txt"))
    memo, statement = old.components
    memo = replace(memo, meta=replace(memo.meta, title="EXPLANATORY STATEMENT"))
    return old, replace(old, components=(memo, statement))


def assert_lossless(old: Document, new: Document, html: bytes) -> None:
    for version, document in (("old", old), ("new", new)):
        expected, shown = document_words(document), view_words(html, version)
        assert shown == expected, f"{version}: {first_difference(expected, shown)}"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_fixture_is_lossless_both_ways(
    fixture: tuple[Document, Document, Comparison], layout: str
) -> None:
    old, new, comparison = fixture
    assert_lossless(old, new, page(comparison, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_real_pairs_are_lossless_both_ways(
    real: tuple[Document, Document, Comparison], layout: str
) -> None:
    old, new, comparison = real
    assert_lossless(old, new, page(comparison, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_page_parses_as_xml_and_html(
    fixture: tuple[Document, Document, Comparison], layout: str
) -> None:
    html = page(fixture[2], layout)
    assert html.startswith(b"<!DOCTYPE html>\n<html")
    root = etree.fromstring(html)
    as_html = lxml_html.document_fromstring(html)
    assert len(list(root.iter())) == len(list(as_html.iter()))
    assert root.find("head/meta").get("charset") == "utf-8"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_ids_are_unique_and_links_land(
    real: tuple[Document, Document, Comparison], layout: str
) -> None:
    root = etree.fromstring(page(real[2], layout))
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    for link in root.iter("a"):
        href = link.get("href")
        if href is not None:
            assert href.startswith("#") and href[1:] in ids, href


def test_akn_classes_and_eids(fixture: tuple[Document, Document, Comparison]) -> None:
    main = main_element(page(fixture[2]))
    article = main.find(".//section[@id='art_4']")
    assert article is not None
    assert "akn-article" in article.get("class", "").split()
    assert article.get("data-old-eid") == "art_3"
    assert main.find(".//*[@id='old-art_5']") is not None, "a deleted article keeps its old eId"
    num = article.find(".//span[@class='akn-num']")
    assert num is not None
    assert (num.findtext("del"), num.findtext("ins")) == ("3", "4"), "renumbering shows both"


def test_moves_link_both_ends(fixture: tuple[Document, Document, Comparison]) -> None:
    main = main_element(page(fixture[2]))
    old_place = main.find(".//*[@id='old-art_3__para_2']")
    new_place = main.find(".//*[@id='art_5__para_2']")
    assert old_place is not None and new_place is not None
    to = old_place.find(".//a[@class='rl-label']")
    back = new_place.find(".//a[@class='rl-label']")
    assert to is not None and back is not None
    assert (to.get("href"), to.get("data-label")) == ("#art_5__para_2", "moved, now Article 5(2)")
    assert (back.get("href"), back.get("data-label")) == (
        "#old-art_3__para_2",
        "moved from old Article 3(2)",
    )
    assert old_place.findall(".//del[@class='rl-move']")
    assert new_place.findall(".//ins[@class='rl-move rl-edit']"), "edits inside the move show"


def test_footnotes_keep_their_changes(fixture: tuple[Document, Document, Comparison]) -> None:
    main = main_element(page(fixture[2]))
    notes = main.findall(".//section[@class='rl-footnotes']/p")
    assert len(notes) == 7, "a note whose two anchors part shows as deleted and inserted"
    renumbered = main.find(".//p[@id='fn-preamble__recs_1__rec_3__fnt_2']")
    assert renumbered is not None
    marker = renumbered.find("a")
    assert marker is not None
    assert (marker.findtext("del"), marker.findtext("ins")) == ("1", "2")


def test_draft_markup_comes_out_as_text(fixture: tuple[Document, Document, Comparison]) -> None:
    for layout in LAYOUTS:
        html = page(fixture[2], layout)
        document = lxml_html.document_fromstring(html)
        assert not document.xpath("//img | //iframe | //object | //embed | //form")
        scripts = document.xpath("//script")
        assert len(scripts) == 1 and scripts[0].text == asset("redline.js")
        assert scripts[0].getparent().tag == "body" and scripts[0].getparent()[-1] is scripts[0]
        for element in document.iter():
            for name, value in element.attrib.items():
                assert not name.startswith("on"), name
                assert "javascript:" not in value or name in ("data-text", "aria-label"), value
            if element.tag in ("a", "link") and element.get("href"):
                assert element.get("href", "").startswith("#")
            assert element.get("src") is None
        text = document.find(".//main").text_content()
        assert render_fixtures.HOSTILE in text
        assert "javascript:alert(1)" in text and "http://example.org" in text


def test_page_loads_nothing(fixture: tuple[Document, Document, Comparison]) -> None:
    document = lxml_html.document_fromstring(page(fixture[2]))
    policy = document.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy
    assert f"script-src {script_hash(asset('redline.js'))}" in policy
    assert not document.xpath("//link")
    assert "url(" not in asset("redline.css")


def test_changes_only_view_needs_no_script(fixture: tuple[Document, Document, Comparison]) -> None:
    root = etree.fromstring(page(fixture[2]))
    toggle = root.find(".//input[@id='rl-changes-only']")
    assert toggle is not None and toggle.getnext() is not None
    assert "#rl-changes-only:checked ~ main .rl-same" in asset("redline.css")
    assert root.findall(".//main//*[@class='akn-paragraph rl-unchanged rl-same']")


def test_summary_names_both_versions(fixture: tuple[Document, Document, Comparison]) -> None:
    root = etree.fromstring(page(fixture[2]))
    summary = root.find(".//header[@class='rl-summary']")
    assert summary is not None
    text = " ".join(summary.itertext())
    for meta in (fixture[2].old, fixture[2].new):
        assert meta.title in text and meta.date in text
    rows = summary.findall(".//table[@class='rl-correspondence']//tr")
    assert len(rows) == 1 + len(fixture[2].correspondence)
    kinds = {row.findtext("td/a"): row.findtext("td[3]") for row in rows[1:]}
    assert kinds["Article 5"] == "deleted" and kinds["Article 2"] == "renumbered"


def test_renderer_is_found_by_format_name() -> None:
    assert get_renderer("html") is render_html


@pytest.mark.parametrize("layout", LAYOUTS)
def test_golden(fixture: tuple[Document, Document, Comparison], layout: str) -> None:
    """The fixture's page as reviewed by eye; regenerate with REDLINE_REGENERATE=1."""
    expected = CASES / "render-fixture" / f"expected-{layout}.html"
    html = page(fixture[2], layout)
    if os.environ.get("REDLINE_REGENERATE"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(html)
    assert html == expected.read_bytes(), f"regenerate with REDLINE_REGENERATE=1: {expected}"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to parse the script")
def test_script_parses() -> None:
    script = resources.files("redline.renderers.html").joinpath("assets", "redline.js")
    with resources.as_file(script) as path:
        subprocess.run(["node", "--check", str(path)], check=True, capture_output=True)


def _titles(main: etree._Element) -> list[tuple[str, str, str]]:
    """Each component title of a page: its old words, its new words, and the id of the
    element after it (where the component's units begin)."""
    found = []
    for title in main.iterfind(f"{_COMPONENT}/h2"):
        old, new = (" ".join(" ".join(title.xpath(f".//text()[not(parent::{tag})]")).split())
                    for tag in ("ins", "del"))  # fmt: skip
        following = title.getparent().getnext()  # type: ignore[union-attr]
        found.append((old, new, following.get("id", "") if following is not None else ""))
    return found


_COMPONENT = './/div[@class="akn-preface rl-component"]'


def test_components_are_introduced_by_their_titles() -> None:
    """The EU proposal against itself: the explanatory memorandum and the financial
    statement each start with their title, a heading in <main> (and in the PDF's
    outline), right before their first paragraph."""
    old = load_document(str(EU / "dma-proposal-COM-2020-842.txt"))
    comparison = compare(old, old)
    assert comparison.identical
    main = main_element(page(comparison))
    assert _titles(main) == [
        ("EXPLANATORY MEMORANDUM", "EXPLANATORY MEMORANDUM", "att_1__para_1"),
        ("LEGISLATIVE FINANCIAL STATEMENT", "LEGISLATIVE FINANCIAL STATEMENT", "att_2__para_1"),
    ]
    bookmarks = [e.get("data-bookmark") for e in main.iterfind(f"{_COMPONENT}/h2")]
    assert bookmarks == ["EXPLANATORY MEMORANDUM", "LEGISLATIVE FINANCIAL STATEMENT"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_renamed_component_shows_the_change_of_its_title(layout: str) -> None:
    old, new = renamed_memorandum()
    comparison = compare(old, new)
    assert not comparison.identical  # the units are the same: only the title changed
    html = page(comparison, layout)
    assert_lossless(old, new, html)
    main = main_element(html)
    if layout == "inline":
        assert _titles(main)[0] == ("EXPLANATORY MEMORANDUM", "EXPLANATORY STATEMENT",
                                    "att_1__para_1")  # fmt: skip
        changed = main.find(f"{_COMPONENT}/h2")
        assert changed is not None and "rl-changed" in changed.get("class", "")
        assert [e.text for e in changed.iter("del", "ins")] == ["MEMORANDUM", "STATEMENT"]
    else:
        row = main.find('.//tr[@data-bookmark="EXPLANATORY STATEMENT"]')
        assert row is not None
        assert ["".join(cell.itertext()) for cell in row] == [
            "EXPLANATORY MEMORANDUM", "EXPLANATORY STATEMENT"
        ]  # fmt: skip
