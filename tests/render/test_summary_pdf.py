"""The PDF summary read back: page numbers in the list of changes, repeated table headers,
the footer, full pages, PDF/UA tagging and the creation date."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

import render_fixtures
from redline.changes import Comparison
from redline.comparison.engine import compare
from redline.read.sources import load_document
from redline.renderers import RenderOptions
from redline.renderers.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[2]
FOOTER = "Redline: deleted struck through, inserted underlined, moved doubled"
LIST_HEAD = re.compile(r"^\s*Provision\s+Change\s+Excerpt\s+Page\s*$", re.M)
#: A row of the list of changes: the first line of its label, its kind, its page number.
ROW = re.compile(
    r"^\s*(?P<label>\S.*?)\s{2,}(?P<kind>modified|renumbered|moved|split|merged|inserted"
    r"|deleted)(?: \(moved\))?\s.*?\s(?P<page>\d+)\s*$",
    re.M,
)


def pages_of(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (pdftotext -layout)."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\f")[:-1]


def list_rows(pages: list[str]) -> list[tuple[str, str, int]]:
    """The rows of the list of changes, (label's first line, kind, page), in order."""
    rows = []
    for text in pages:
        head = LIST_HEAD.search(text)
        if head:
            rows += [
                (m["label"], m["kind"], int(m["page"])) for m in ROW.finditer(text, head.end())
            ]
    return rows


def listed_page(pages: list[str], label: str) -> int:
    """The page number the list of changes gives for the row whose label starts so."""
    found = [page for name, _kind, page in list_rows(pages) if name.startswith(label)]
    assert len(found) == 1, (label, found)
    return found[0]


@pytest.fixture(scope="module")
def declaration_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    old = load_document(str(ROOT / "versions/solidarity-2014.akn.xml"))
    new = load_document(str(ROOT / "versions/solidarity-revision-A.akn.xml"))
    path = tmp_path_factory.mktemp("pdf") / "declaration.pdf"
    path.write_bytes(render_pdf(compare(old, new), RenderOptions()))
    return path


@pytest.fixture(scope="module")
def us_bill_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    old = load_document(str(ROOT / "tests/data/us-bill-dtd/s5-119--01-pcs.xml"))
    new = load_document(str(ROOT / "tests/data/us-bill-dtd/s5-119--03-enr.xml"))
    path = tmp_path_factory.mktemp("pdf") / "s5.pdf"
    path.write_bytes(render_pdf(compare(old, new), RenderOptions(paper="letter")))
    return path


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("Article 11(3) (old Article", "The duty of international cooperation rests on"),
        ("Article 14(8)(d)", "Not imposing unilateral coercive measures"),
        ("Preamble, recital beginning 'Welcoming", "Welcoming the commitment made by States"),
        ("Article 3", "Reactive solidarity refers to the collective responses"),
        ("Article 6(m) (old", "The structural analysis and consequent dismantling"),
    ],
)
def test_the_list_gives_the_page_each_change_is_on(
    declaration_pdf: Path, label: str, words: str
) -> None:
    pages = pages_of(declaration_pdf)
    number = listed_page(pages, label)
    summary_end = max(i for i, text in enumerate(pages) if LIST_HEAD.search(text)) + 1
    assert summary_end <= number <= len(pages)
    target = " ".join(pages[number - 1].split())
    assert words in target, (label, number)


def test_every_change_is_listed_with_its_page_in_reading_order(declaration_pdf: Path) -> None:
    pages = pages_of(declaration_pdf)
    rows = list_rows(pages)
    assert len(rows) == 74
    numbers = [page for _label, _kind, page in rows]
    assert numbers == sorted(numbers) and numbers[-1] <= len(pages)
    assert [kind for _label, kind, _page in rows].count("renumbered") == 5


def test_summary_table_headers_repeat_on_every_page(declaration_pdf: Path) -> None:
    pages = pages_of(declaration_pdf)
    with_list = [i for i, text in enumerate(pages) if "Article 14(8)(d) " in text]
    assert with_list and with_list[0] >= 2  # the list runs over three pages at least
    for index in range(1, with_list[0] + 1):
        lines = [line for line in pages[index].splitlines() if line.strip()]
        heads = [
            line
            for line in lines[:6]
            if LIST_HEAD.match(line) or re.match(r"^\s*Old version\s+New version\s+Change", line)
        ]
        assert heads, f"page {index + 1} starts without its table's header"


def test_footer_fits_and_pages_are_full(declaration_pdf: Path) -> None:
    pages = pages_of(declaration_pdf)
    for number, text in enumerate(pages, start=1):
        assert FOOTER in text and f"Page {number} of {len(pages)}" in text
    for number, text in enumerate(pages[:-1], start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) > 25, f"page {number} is nearly blank"


def test_us_bill_pdf_lists_its_changes_with_pages(us_bill_pdf: Path) -> None:
    pages = pages_of(us_bill_pdf)
    rows = list_rows(pages)
    assert rows
    start = max(i for i, text in enumerate(pages) if LIST_HEAD.search(text)) + 1
    for label, _kind, number in rows:
        assert start <= number <= len(pages), label
    assert [number for _label, _kind, number in rows] == sorted(number for *_, number in rows)


def test_pdf_is_tagged_for_screen_readers(declaration_pdf: Path) -> None:
    info = subprocess.run(
        ["pdfinfo", str(declaration_pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    reader = pypdf.PdfReader(declaration_pdf)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"


def _created(pdf: bytes) -> str:
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    return str(meta["/CreationDate"])


def test_creation_date_is_when_the_redline_was_made(monkeypatch: pytest.MonkeyPatch) -> None:
    comparison: Comparison = render_fixtures.build()[2]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    made = _created(render_pdf(comparison, RenderOptions()))
    moment = datetime.strptime(made[2:16], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    assert before <= moment <= datetime.now(UTC) + timedelta(seconds=1)
    assert not made.startswith(f"D:{comparison.new.date.replace('-', '')}")


def test_source_date_epoch_makes_the_pdf_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    comparison: Comparison = render_fixtures.build()[2]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render_pdf(comparison, RenderOptions())
    assert _created(first).startswith("D:20231114221320")
    assert render_pdf(comparison, RenderOptions()) == first


def test_pdf_shows_the_banner_and_the_warnings(tmp_path: Path) -> None:
    resolution = load_document(str(ROOT / "tests/data/text/resolution-v1.txt"))
    bill = load_document(str(ROOT / "tests/data/uslm/SR100_IS.xml"))
    same, unrelated = tmp_path / "same.pdf", tmp_path / "unrelated.pdf"
    same.write_bytes(render_pdf(compare(resolution, resolution), RenderOptions()))
    unrelated.write_bytes(render_pdf(compare(resolution, bill), RenderOptions()))
    first = " ".join(pages_of(same)[0].split())
    assert "No textual changes: the two versions are identical" in first
    assert "Warnings" not in first
    first = " ".join(pages_of(unrelated)[0].split())
    assert re.search(r"Warnings \W*The two versions share almost no text", first), first
    assert "No textual changes" not in first
