"""The history's outputs: JSON against its schema, the synoptic table's cells, HTML, PDF,
and the text and Markdown lineage of one provision."""

from __future__ import annotations

import io
import json

import jsonschema
import pypdf
import pytest
from lxml import etree

from redline.changes import accept, reject
from redline.history.json import history_record, render_history_json, schema
from redline.history.synoptic import LINE, Synopsis, mark_lines
from redline.history.table import render_history_html
from redline.history.text import render_overview, render_provision
from redline.history.values import History


def test_json_is_valid_against_its_schema_and_lossless(three: History):
    record = json.loads(render_history_json(three))
    jsonschema.validate(record, schema())
    assert record["schema"] == "redline-history/1"
    assert [v["version_label"] for v in record["versions"]][2].startswith("revision B")
    by_id = {lin["id"]: lin for lin in record["lineages"]}
    deleted = by_id["v2:art_3"]
    assert [len(units) for units in deleted["units"]] == [0, 1, 0]
    assert [step["kind"] for step in deleted["steps"]] == ["inserted", "deleted"]
    for lineage in record["lineages"]:
        for unit, runs, head in zip(lineage["units"][-1], lineage["provenance"],
                                    lineage["heading_provenance"], strict=True):  # fmt: skip
            assert "".join(run["text"] for run in runs) == unit["text"]
            assert "".join(run["text"] for run in head) == unit["heading"]


def test_json_of_one_provision_holds_only_its_lineage(three: History):
    record = history_record(three, (three.find("art_8__para_2"),))
    jsonschema.validate(record, schema())
    assert [lin["id"] for lin in record["lineages"]] == ["art_8__para_2"]


@pytest.mark.parametrize("columns", [[0, 1, 2], [0, 2], [2, 0]])
def test_each_cell_is_its_version_marked_against_the_column_before(
    three: History, columns: list[int]
):
    synopsis = Synopsis(three, columns)
    rows = synopsis.rows([lin for lin in three.lineages if lin.top])
    assert len(rows) == sum(1 for lin in three.lineages if lin.top and any(
        lin.units[c] for c in columns))  # fmt: skip
    for row in rows:
        before = None
        for cell in row.cells:
            assert accept(cell.ops) == synopsis.text(cell.version, cell.sides)
            if before is not None:  # every old line once (lines moved within keep their place)
                old = synopsis.text(before.version, before.sides)
                assert sorted(reject(cell.ops).split(LINE)) == sorted(old.split(LINE))
            before = cell


def test_lines_are_marked_against_their_own_lineage():
    old = [("a", "1. Kept words."), ("b", "2. Gone."), ("c", "3. Part one"), ("c", "part two")]
    new = [("a", "1. Kept words, edited."), ("c", "2. Part one part two"), ("d", "3. New.")]
    ops = mark_lines(old, new)
    assert accept(ops) == "1. Kept words, edited.\n2. Part one part two\n3. New."
    assert reject(ops) == "1. Kept words.\n2. Gone.\n3. Part one\npart two"
    deleted = [op.old for op in ops if op.op.value == "delete"]
    assert "2. Gone." in deleted  # a whole line, not words smeared over its neighbours


def test_columns_one_and_three_skip_the_article_that_lived_only_in_revision_a(three: History):
    rows = Synopsis(three, [0, 2]).rows([lin for lin in three.lineages if lin.top])
    assert "v2:art_3" not in [row.lineage.key for row in rows]
    by_key = {row.lineage.key: row for row in rows}
    cell = by_key["art_8"].cells[1]
    # paragraph 2 left and came back: from 2014 to revision B the article is only edited
    assert cell.kind is not None and cell.kind.value == "modified"
    assert cell.moves == ()


def test_html_table_is_well_formed_and_shows_every_top_provision(three: History):
    page = render_history_html(three, [0, 1, 2])
    root = etree.fromstring(page.split(b"\n", 1)[1])
    rows = root.findall(".//tbody/tr")
    # 11 recitals, 13 articles and the deleted one
    assert len(rows) == sum(1 for lin in three.lineages if lin.top) == 25
    heads = [th.text or "" for th in root.findall(".//thead/tr/th")]
    assert heads[0].startswith("v1 preliminary")
    row = root.find(".//tr[@id='h-art_8']")
    assert row is not None
    cells = row.findall("td")
    moves = [d.text for d in cells[1].iter("div") if d.get("class") == "rl-moves"]
    assert moves == ["Article 8(2) moved to Article 11(3)"]
    back = [d.text for d in cells[2].iter("div") if d.get("class") == "rl-moves"]
    assert back == ["Article 8(2) moved from Article 11(3)"]
    inserted = " ".join("".join(ins.itertext()) for ins in cells[2].iter("ins"))
    assert "2. The duty of international cooperation" in inserted
    deleted = root.find(".//tr[@id='h-v2-art_3']").findall("td")
    assert deleted[0].get("class") == "rl-cell rl-absent"
    assert "".join(deleted[2].itertext()).count("Reactive solidarity") == 2
    assert b"default-src 'none'" in page


def test_provision_text_tells_its_life(three: History):
    text = render_provision(three, three.find("art_8__para_2"), [0, 1, 2]).decode()
    lines = text.splitlines()
    assert lines[0] == "Article 8(2) (art_8__para_2) across 3 versions"
    v2 = "v2 revision A (illustrative) (2016-06-01): Article 11(3) — moved (was Article 8(2))"
    assert v2 in lines
    assert any(line.startswith("v3 revision B") and line.endswith("— moved (was Article 11(3))")
               for line in lines)  # fmt: skip
    assert "Words of v3 by the version they first appeared in:" in text


def test_provision_markdown_marks_words_and_dates_them(three: History):
    lineage = three.find("art_8__para_1", 0)
    text = render_provision(three, lineage, [0, 1], markdown=True).decode()
    assert text.startswith("# Article 8(1) (art\\_8\\_\\_para\\_1) across 2 versions")
    assert "~~their~~**its**" in text
    assert "**its**<sup>v2</sup>" in text


def test_overview_lists_each_provision_per_version(three: History):
    lines = render_overview(three, [0, 1, 2]).decode().splitlines()
    row = next(line for line in lines if line.startswith("—") and "Article 3 (inserted)" in line)
    assert row.split() == ["—", "Article", "3", "(inserted)", "—", "(deleted)"]
    md = render_overview(three, [0, 2], markdown=True).decode()
    assert "| v1 | v3 |" in md


@pytest.mark.slow
def test_pdf_is_a_landscape_table(three: History):
    from redline.history.pdf import render_history_pdf

    reader = pypdf.PdfReader(io.BytesIO(render_history_pdf(three, [0, 1, 2])))
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (842, 595)  # A4 landscape
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Article 8(2) moved from Article 11(3)" in text
    assert text.count("Reactive solidarity refers") == 2  # revision A's article, then struck
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged, as a redline's PDF is
    assert reader.trailer["/Root"].get("/Lang") == "en"


def test_the_trilogue_layout_is_four_inputs(three: History):
    """Proposal | position A | position B | compromise: the same table with four columns."""
    from redline.history.lineage import build_history

    four = build_history([*three.documents, three.documents[1]], ["p", "a", "b", "compromise"])
    page = render_history_html(four, range(4))
    root = etree.fromstring(page.split(b"\n", 1)[1])
    assert len(root.findall(".//thead/tr/th")) == 4
    article_3 = root.find(".//tr[@id='h-art_3']")  # revision A's Article 3, restored
    assert article_3 is not None
    kinds = [span.text for span in article_3.iter("span") if "rl-kind" in span.get("class", "")]
    assert kinds == ["inserted", "deleted", "inserted"]  # each against the column before
    notes = [div.text for div in article_3.iter("div") if div.get("class") == "rl-moves"]
    assert notes == ["restored as it stood in v2 (Article 3)"]
    lineage = four.find("art_3")
    assert lineage is not None and [len(sides) for sides in lineage.units] == [0, 1, 0, 1]
    # restored word for word: its words keep revision A's date, not the compromise's
    assert {run.since for runs in four.find("art_3__para_1").provenance for run in runs} == {1}
