"""The summary on real pairs: list of changes, counts by provision, banner, warnings, blocks."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

import render_fixtures
from redline.changes import Comparison
from redline.cli import cli
from redline.comparison.engine import compare
from redline.comparison.sanity import SHARED_TEXT_FLOOR, sanity_warnings, shared_text
from redline.read.sources import load_document
from redline.renderers import RenderOptions, get_renderer
from redline.renderers.json import schema
from redline.renderers.listing import list_changes, provision_counts, provision_totals

ROOT = Path(__file__).resolve().parents[2]
OLD = str(ROOT / "versions/solidarity-2014.akn.xml")
NEW = str(ROOT / "versions/solidarity-revision-A.akn.xml")
US_BILL = str(ROOT / "tests/data/uslm/h1037_eh.xml")
US_OLD = str(ROOT / "tests/data/us-bill-dtd/s5-119--01-pcs.xml")
US_NEW = str(ROOT / "tests/data/us-bill-dtd/s5-119--03-enr.xml")


@pytest.fixture(scope="module")
def declaration() -> Comparison:
    return compare(load_document(OLD), load_document(NEW))


@pytest.fixture(scope="module")
def us_bill() -> Comparison:
    return compare(load_document(US_OLD), load_document(US_NEW))


def page(comparison: Comparison, layout: str = "inline") -> etree._Element:
    html = get_renderer("html")(comparison, RenderOptions(layout=layout))
    return etree.fromstring(html.split(b"\n", 1)[1])


def text(comparison: Comparison) -> str:
    return get_renderer("text")(comparison, RenderOptions()).decode("utf-8")


def record(comparison: Comparison) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(get_renderer("json")(comparison, RenderOptions()))
    jsonschema.validate(loaded, schema())
    return loaded


def list_rows(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//table[@class='rl-changes']/tbody/tr")


def test_the_list_of_changes_names_every_changed_provision(declaration: Comparison) -> None:
    root = page(declaration)
    rows = list_rows(root)
    assert len(rows) == len(list_changes(declaration)) == 74
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    by_label = {}
    for row in rows:
        link = row.find("td[1]/a")
        assert link is not None and link.get("href", "")[1:] in ids, link
        assert row.find("td[4]/a[@class='rl-page-ref']").get("href") == link.get("href")
        by_label[link.text] = row
    moved = by_label["Article 11(3) (old Article 8(2))"]
    assert moved.findtext("td[2]") == "moved" and moved.find("td[1]/a").get("href") == (
        "#art_11__para_3"
    )
    edited = by_label["Article 9, text (old Article 8(1))"]
    assert edited.findtext("td[3]/del") == "their" and edited.findtext("td[3]/ins") == "its"
    assert by_label["Article 14(8)(d)"].findtext("td[2]") == "inserted"
    assert by_label["Article 6(m) (old Article 5(i) (2nd))"].findtext("td[2]") == "renumbered"
    deleted_note = (
        "Preamble, old recital beginning 'Considering that in development forums…', note 4"
    )
    assert by_label[deleted_note].findtext("td[2]") == "deleted"
    recital = "Preamble, recital beginning 'Recognizing the overwhelming collective manifestation…'"
    excerpt = "".join(
        by_label[f"{recital} (old recital beginning 'Recognizing that there is an…')"]
        .find("td[3]")
        .itertext()
    )
    assert excerpt.startswith("Recognizing that there is an") and len(excerpt.split()) < 20


def test_counts_are_of_provisions_and_every_renumbering_is_listed(
    declaration: Comparison,
) -> None:
    counts = provision_counts(declaration)
    assert counts["point"]["renumbered"] == 3 and counts["authorialNote"]["renumbered"] == 2
    assert counts["article"]["modified"] == 13 and counts["article"]["inserted"] == 1
    assert counts["recital"]["moved"] == 2 and counts["paragraph"]["moved"] == 1
    assert "list" not in counts and "intro" not in counts
    totals = provision_totals(counts)
    listed = [entry.kind for entry in list_changes(declaration)]
    assert listed.count("renumbered") == totals["renumbered"] == 5
    assert listed.count("moved") == totals["moved"] == 3
    table = page(declaration).find(".//table[@class='rl-counts']")
    header = [th.text for th in table.findall("thead/tr/th")]
    points = next(tr for tr in table.findall("tbody/tr") if tr.findtext("th") == "points")
    assert [td.text for td in points.findall("td")][header.index("renumbered") - 1] == "3"
    loaded = record(declaration)
    assert loaded["summary"] == declaration.counts()  # text units, as before
    assert loaded["provision_summary"] == totals and loaded["provisions"] == counts
    assert "points: 17 modified, 3 renumbered, 1 inserted" in text(declaration)


def test_us_bill_counts_sections_and_lists_its_amendments(us_bill: Comparison) -> None:
    counts = provision_counts(us_bill)
    assert "section" in counts
    entries = list_changes(us_bill)
    assert entries and all(entry.excerpt for entry in entries)
    rows = list_rows(page(us_bill))
    assert len(rows) == len(entries)
    # no doubt about the pairing; what the reader of the new version doubted, said
    assert sanity_warnings(us_bill) == tuple(
        f"in reading the new version: {note}" for note in us_bill.new.import_notes
    )


def test_identical_versions_get_the_banner(declaration: Comparison) -> None:
    same = compare(load_document(NEW), load_document(NEW))
    banner = page(same).find(".//p[@class='rl-banner']")
    assert banner is not None and banner.text.startswith("No textual changes")
    assert page(declaration).find(".//p[@class='rl-banner']") is None
    assert "No textual changes" in text(same) and "No textual changes" not in text(declaration)
    assert record(same)["identical"] is True and list_changes(same) == ()
    assert "**No textual changes" in get_renderer("md")(same, RenderOptions()).decode("utf-8")


def test_swapped_versions_are_warned_about(declaration: Comparison) -> None:
    swapped = compare(load_document(NEW), load_document(OLD))
    (warning,) = sanity_warnings(swapped)
    assert "2016-06-01, after the new version (2014-04-01)" in warning
    assert sanity_warnings(declaration) == ()
    items = page(swapped).findall(".//div[@class='rl-warnings']/ul/li")
    assert [item.text for item in items] == [warning[0].upper() + warning[1:]]
    assert page(declaration).find(".//div[@class='rl-warnings']") is None
    assert f"warning: {warning}" in text(swapped)
    assert record(swapped)["warnings"] == [warning] and record(declaration)["warnings"] == []


def test_unrelated_documents_are_warned_about(declaration: Comparison) -> None:
    unrelated = compare(load_document(OLD), load_document(US_BILL))
    assert shared_text(unrelated) < SHARED_TEXT_FLOOR < 0.43 < shared_text(declaration)
    (warning,) = sanity_warnings(unrelated)
    assert "share almost no text (0.0% of their words kept, under 10%)" in warning
    assert record(unrelated)["shared_text"] == 0.0
    assert "share almost no text" in "".join(page(unrelated).find(".//ul").itertext())


def test_identical_versions_share_all_their_text() -> None:
    same = compare(load_document(OLD), load_document(OLD))
    assert shared_text(same) == 1.0 and sanity_warnings(same) == ()


def test_the_shared_text_memo_keeps_no_comparison_alive() -> None:
    """The memo of the last share holds its comparison weakly: a batch of large pairs
    must not keep the last one's whole redline tree in memory."""
    import gc
    import weakref

    same = compare(load_document(OLD), load_document(OLD))
    assert shared_text(same) == 1.0
    held = weakref.ref(same)
    del same
    gc.collect()
    assert held() is None


def test_the_cli_prints_the_warnings_on_stderr(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["diff", NEW, OLD, "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        "redline: warning: the old version is dated 2016-06-01, after the new version "
        "(2014-04-01): are OLD and NEW swapped?"
    ]
    assert "are OLD and NEW swapped?" in out.read_text(encoding="utf-8")
    quiet = CliRunner().invoke(cli, ["diff", OLD, NEW, "-o", str(out)])
    assert quiet.exit_code == 1 and quiet.stderr == ""
    result = CliRunner().invoke(cli, ["diff", OLD, US_BILL, "-f", "json"])
    assert "redline: warning: the two versions share almost no text" in result.stderr


def test_a_series_warns_about_each_pair(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["diff", OLD, NEW, OLD, "-q", "-o", str(tmp_path)])
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("redline: warning: solidarity-revision-A--solidarity-2014.")
    assert line.endswith("are OLD and NEW swapped?")


def _changed_blocks(comparison: Comparison, layout: str) -> int:
    return len(page(comparison, layout).xpath("//main//*[contains(@class, 'rl-changed')]"))


@pytest.mark.parametrize("pair", ["fixture", "declaration", "us-bill"])
def test_both_layouts_count_the_same_changed_blocks(
    pair: str, declaration: Comparison, us_bill: Comparison
) -> None:
    """The page's "N changed blocks" navigation counts the same in both layouts."""
    comparison = {
        "fixture": render_fixtures.build()[2],
        "declaration": declaration,
        "us-bill": us_bill,
    }[pair]
    inline = _changed_blocks(comparison, "inline")
    assert inline == _changed_blocks(comparison, "side-by-side")
    if pair == "declaration":
        assert inline == 87


def test_json_gives_each_components_title_old_to_new() -> None:
    """The DMA proposal's explanatory memorandum and financial statement are components
    the regulation does not have: JSON says their titles, deleted, in reading order, and
    a comparison of the proposal with itself keeps them unchanged."""
    eu = Path(__file__).resolve().parents[1] / "data" / "eu"
    proposal = load_document(str(eu / "dma-proposal-COM-2020-842.txt"))
    regulation = load_document(str(eu / "dma-regulation-2022-1925.txt"))
    for new, changed in ((regulation, True), (proposal, False)):
        data = json.loads(get_renderer("json")(compare(proposal, new), RenderOptions()))
        jsonschema.validate(data, schema())
        titles = ["".join(op["old"] for op in c["title_ops"]) for c in data["components"]]
        assert titles == ["EXPLANATORY MEMORANDUM", "LEGISLATIVE FINANCIAL STATEMENT"]
        assert [c["changed"] for c in data["components"]] == [changed, changed]
    assert "components" not in json.loads(
        get_renderer("json")(compare(regulation, regulation), RenderOptions())
    )
