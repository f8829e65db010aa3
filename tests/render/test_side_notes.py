"""Side-by-side notes: under a "Notes" heading, each old note beside its new counterpart,
each column in its version's marker order (the bundled drafts: recital 3 keeps its three
notes, recitals with notes moved, notes inserted and deleted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import redline
from redline.renderers import RenderOptions

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "versions" / "solidarity-2014.akn.xml"
NEW = ROOT / "versions" / "solidarity-revision-A.akn.xml"


@pytest.fixture(scope="module")
def rows() -> list[etree._Element]:
    comparison = redline.compare(redline.load(str(OLD)), redline.load(str(NEW)))
    page = redline.render(comparison, "html", RenderOptions(layout="side-by-side"))
    body = etree.fromstring(page, etree.HTMLParser()).find(".//table[@class='rl-side-by-side']")
    assert body is not None
    return list(body.iter("tr"))


def _notes(row: etree._Element) -> list[str]:
    """The id of the note in each cell of a note row ("" for an empty cell)."""
    return [next((span.get("id", "") for span in cell.iter("span")), "") for cell in row]


def _eid(note_id: str) -> str:
    """The eId a note's id names: ``fn-`` or ``fn-old-`` and the eId, ``-2`` when taken."""
    return note_id.removeprefix("fn-").removeprefix("old-").removesuffix("-2")


def _markers(rows: list[etree._Element], column: int) -> list[str]:
    cells = [row[column] for row in rows if "rl-note-row" in row.get("class", "")]
    return [marker.xpath("string()") for cell in cells for marker in cell.iter("a")]


def test_notes_follow_a_notes_heading(rows: list[etree._Element]) -> None:
    classes = [row.get("class", "") for row in rows]
    head = next(i for i, name in enumerate(classes) if "rl-notes-head" in name)
    first = next(i for i, name in enumerate(classes) if "rl-note-row" in name)
    assert head == first - 1
    cell = rows[head][0]
    assert (cell.tag, cell.get("colspan"), cell.get("data-label")) == ("th", "2", "Notes")
    assert not "".join(rows[head].itertext()).strip(), "the heading adds no words to a column"


def test_kept_notes_share_a_row(rows: list[etree._Element]) -> None:
    notes = [_notes(row) for row in rows if "rl-note-row" in row.get("class", "")]
    paired = [(old, new) for old, new in notes if old and new]
    for old, new in paired:
        assert _eid(old) == _eid(new), "the two cells of a row hold the same note"
    kept = [old for old, _ in paired]
    for number in (1, 2, 3):  # recital 3's notes, unchanged: one row each, not two
        assert f"fn-preamble__recs_1__rec_3__fnt_{number}" in kept
    assert len(paired) >= 9
    assert len(notes) - len(paired) <= 6  # 1 deleted, 2 inserted, crossings of 2 moves


def test_each_column_keeps_its_versions_marker_order(rows: list[etree._Element]) -> None:
    assert _markers(rows, 0) == [str(n) for n in range(1, 13)]
    assert _markers(rows, 1) == [str(n) for n in range(1, 13)]
