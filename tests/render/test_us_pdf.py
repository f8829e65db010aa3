"""US bills in the PDF as printed, read back from the PDF: one outline entry per section
at the top level, running headers that fit, numbers on the line of their text.

S. 5 (119th Congress) placed on the calendar against its enrolled text, and H.R. 1058
(116th) as reported against enrolled, whose long title is five lines of a half-page
running header when printed in full.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

import redline
from redline.renderers import RenderOptions
from redline.renderers.pdf import render_pdf

DATA = Path(__file__).resolve().parents[1] / "data"
S5 = ("us-bill-dtd/s5-119--01-pcs.xml", "us-bill-dtd/s5-119--03-enr.xml")
H1058 = ("uslm/H1058_RDS.xml", "uslm/h1058_enr.xml")
Line = tuple[float, float, str]


def _pdf(old: str, new: str) -> pypdf.PdfReader:
    comparison = redline.compare(redline.load(str(DATA / old)), redline.load(str(DATA / new)))
    return pypdf.PdfReader(io.BytesIO(render_pdf(comparison, RenderOptions())))


@pytest.fixture(scope="module")
def s5() -> pypdf.PdfReader:
    return _pdf(*S5)


@pytest.fixture(scope="module")
def h1058() -> pypdf.PdfReader:
    return _pdf(*H1058)


def _lines(page: pypdf.PageObject) -> list[Line]:
    """Each run of text on the page: its baseline (points from the bottom), its size, its
    words."""
    found: list[Line] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            found.append((cm[5] + tm[5] * cm[3], size * abs(cm[3]), " ".join(text.split())))

    page.extract_text(visitor_text=visit)
    return found


def test_sections_are_top_level_outline_entries(s5: pypdf.PdfReader) -> None:
    entries = [str(item.title) for item in s5.outline]  # type: ignore[union-attr]
    assert all(not isinstance(item, list) for item in s5.outline), "nothing nests"
    assert entries == [
        "Summary of changes",
        "SECTION 1. SHORT TITLE.",
        "SEC. 2. DETENTION OF CERTAIN ALIENS WHO COMMIT THEFT.",
        "SEC. 3. ENFORCEMENT BY ATTORNEY GENERAL OF A STATE.",
    ]


def test_a_long_title_is_shortened_in_the_running_header(h1058: pypdf.PdfReader) -> None:
    page = h1058.pages[1]
    top = float(page.mediabox.top)
    lines = _lines(page)
    header = [line for line in lines if line[0] > top - 24 / 25.4 * 72]  # in the top margin
    body = [line for line in lines if line[0] <= top - 24 / 25.4 * 72]
    assert len({round(y) for y, _, _ in header}) <= 3, header
    assert any(words.startswith("Old: To amend the Public Health") for _, _, words in header)
    assert any("…" in words for _, _, words in header)
    assert min(y for y, _, _ in header) - max(y for y, _, _ in body) >= 20
    first = " ".join(words for _, _, words in _lines(h1058.pages[0]))
    assert "relating to autism, and for other purposes" in first, "the full title on page 1"


def test_a_number_sits_on_the_line_of_its_text(s5: pypdf.PdfReader) -> None:
    lines = _lines(s5.pages[2])
    number = next(y for y, _, words in lines if words == "(1)")
    text = next(y for y, _, words in lines if words.startswith("in subsection (e)"))
    assert abs(number - text) < 0.5


def test_a_level_without_chapeau_runs_in_its_first_sub_level(s5: pypdf.PdfReader) -> None:
    words = " ".join(" ".join(page.extract_text().split()) for page in s5.pages)
    assert "“(E)(i) is inadmissible" in words


@pytest.mark.slow
def test_small_caps_headings_read_as_their_words(s5: pypdf.PdfReader) -> None:
    """The headings printed in small caps (`smallCaps` in the enrolled bill's facts) are
    in the PDF's text layer with their own letters, not ``InspectIon of applIcants``."""
    enrolled = redline.load(str(DATA / S5[1]))
    eids = set(dict(enrolled.meta.extra)["smallCaps"].split())
    headings = [unit.heading for unit in enrolled.every_unit() if unit.eid in eids]
    assert len(headings) == 6
    words = " ".join(" ".join(page.extract_text().split()) for page in s5.pages)
    assert [heading for heading in headings if heading not in words] == []
    assert "Inspection of applicants for admission.—Section 235(b)" in words


def test_an_undated_version_is_undated_in_the_title_and_headers(s5: pypdf.PdfReader) -> None:
    """The enrolled S. 5 has no date printed on it: the PDF says so, not 1970-01-01."""
    text = " ".join(" ".join(page.extract_text().split()) for page in s5.pages)
    assert "Enrolled Bill (undated)" in text
    assert "1970" not in text.replace("@1970-01-01", "")  # the expression URI keeps it
