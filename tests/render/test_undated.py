"""A version whose date is unknown (readers give it 1970-01-01, as AKN needs a date) is
printed "undated" by every output for people, never as a real date; the data formats
(AKN, JSON) and the FRBR expression URI (``…/eng@1970-01-01``, an identifier) keep the
date as read. H.R. 321 and S. 5 as enrolled print no date."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import redline
from redline.changes import Comparison
from redline.renderers import RenderOptions, get_renderer

DATA = Path(__file__).parents[1] / "data"
ENROLLED, LAW = DATA / "uslm-2.0/115hr321enr_good.xml", DATA / "uslm-2.0/115publ7-uslm.xml"
S5 = (DATA / "us-bill-dtd/s5-119--01-pcs.xml", DATA / "us-bill-dtd/s5-119--03-enr.xml")


def epoch(text: str) -> bool:
    """True when `text` shows 1970 anywhere but in an expression URI."""
    return "1970" in text.replace("@1970-01-01", "")


@pytest.fixture(scope="module")
def forward() -> Comparison:
    """The undated enrolled bill against the dated public law."""
    return redline.compare(redline.load(ENROLLED), redline.load(LAW))


@pytest.fixture(scope="module")
def backward() -> Comparison:
    """S. 5 as placed on the calendar against the undated enrolled text, which changed it."""
    return redline.compare(redline.load(S5[0]), redline.load(S5[1]))


def _render(comparison: Comparison, fmt: str) -> bytes:
    return get_renderer(fmt)(comparison, RenderOptions())


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_text_markdown_and_html_say_undated(forward: Comparison, fmt: str) -> None:
    out = _render(forward, fmt).decode("utf-8")
    assert not epoch(out)
    assert "(undated, Enrolled Bill)" in out or "Enrolled Bill (undated)" in out


def test_the_pdf_running_header_and_the_html_head_say_no_epoch(backward: Comparison) -> None:
    page = _render(backward, "html").decode("utf-8")
    assert not epoch(page)
    running = re.findall(r'data-running="([^"]*)"', page)
    assert [name.endswith("(undated)") for name in running] == [False, True]
    assert 'name="dcterms.created"' not in page  # no creation date to give


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_word_header_subject_and_revisions_carry_no_epoch(backward: Comparison) -> None:
    data = _render(backward, "docx")
    parts = _parts(data)
    assert not [name for name, part in parts.items() if epoch(part)]
    header = next(part for name, part in parts.items() if name.startswith("word/header"))
    assert re.search(r"\d{4}-\d\d-\d\d → undated<", header)
    assert "to undated</dc:subject>" in parts["docProps/core.xml"]
    document = parts["word/document.xml"]
    assert "<w:ins " in document and "w:date=" not in document  # w:date is optional
    assert _render(backward, "docx") == data  # still the same bytes every run


def test_a_dated_new_version_still_dates_its_revisions() -> None:
    comparison = redline.compare(redline.load(S5[1]), redline.load(S5[0]))
    document = _parts(_render(comparison, "docx"))["word/document.xml"]
    date = comparison.new.date
    assert date != "1970-01-01" and f'w:date="{date}T00:00:00Z"' in document


def test_json_keeps_the_date_as_read(forward: Comparison) -> None:
    record = json.loads(_render(forward, "json"))
    assert record["old"]["date"] == "1970-01-01"


def test_the_readable_text_and_a_history_say_undated() -> None:
    from redline.history.lineage import build_history
    from redline.renderers.plaintext import render_plaintext

    enrolled, law = redline.load(ENROLLED), redline.load(LAW)
    header = render_plaintext(enrolled).split("\n\n", 1)[0]
    assert header.endswith("\n(Enrolled Bill, undated)")
    history = build_history([enrolled, law], ["enr.xml", "law.xml"])
    assert [version.name for version in history.versions] == [
        "v1 Enrolled Bill (undated)",
        "v2 Public Law (2017-02-28)",
    ]
