"""Hostile text in a history's outputs: markup stays text, no draft can forge a line."""

from __future__ import annotations

from lxml import etree

from redline.history.lineage import build_history
from redline.history.table import render_history_html
from redline.history.text import render_overview, render_provision
from redline.history.values import History
from redline.model import Document, Metadata, Unit

EVIL = "States <script>alert(1)</script> & <b>all</b>\r\n::error::forged \x1b[31mred\r"


def version(text: str, date: str) -> Document:
    meta = Metadata("A <i>title</i>", "/akn/x", f"/akn/x/eng@{date}", "", date, "v <1>")
    article = Unit("article", "art_1", "Article 1", children=(Unit("paragraph", "art_1__para_1",
                   "1.", text=text),))  # fmt: skip
    return Document(meta, (), (article,))


def history() -> History:
    return build_history(
        [version("States shall cooperate.", "2020-01-01"), version(EVIL, "2021-01-01")], ["a", "b"]
    )


def test_the_table_keeps_markup_as_text():
    page = render_history_html(history(), [0, 1])
    root = etree.fromstring(page.split(b"\n", 1)[1])
    assert root.find(".//script") is None and root.find(".//b") is None
    assert root.find(".//main") is None and root.find(".//i") is None
    assert "<script>alert(1)</script>" in "".join(root.find(".//tbody").itertext())


def test_text_outputs_cannot_forge_a_line_or_colour_the_terminal():
    found = history()
    for data in (
        render_overview(found, [0, 1]),
        render_provision(found, found.find("art_1__para_1"), [0, 1]),
        render_provision(found, found.find("art_1"), [0, 1], markdown=True),
    ):
        text = data.decode()
        assert "\x1b" not in text and "\r" not in text
        assert not any(line.lstrip("-{+[ ").startswith("::error::") for line in text.splitlines())
