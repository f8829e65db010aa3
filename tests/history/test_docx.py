"""The synoptic table as a Word document: every cell holds its version's text, and a
real LibreOffice opens it."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, THREE
from libreoffice import Office
from redline.cli import main
from redline.history.docx import render_history_docx
from redline.history.synoptic import LINE, Synopsis
from redline.history.values import History

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cells(data: bytes) -> list[list[str]]:
    """The rows of the table: each cell's words without the struck (deleted) runs."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    rows = []
    for tr in root.iter(f"{W}tr"):
        cells = []
        for tc in tr.iter(f"{W}tc"):
            lines = []
            for para in tc.iter(f"{W}p"):
                kept = []
                for run in para.iter(f"{W}r"):
                    style = run.find(f"{W}rPr/{W}rStyle")
                    if style is None or style.get(f"{W}val") != "Deleted":
                        kept += [t.text or "" for t in run.iter(f"{W}t")]
                lines.append("".join(kept))
            cells.append(" ".join(" ".join(lines).split()))
        rows.append(cells)
    return rows


def test_each_cell_holds_its_versions_text(three: History) -> None:
    columns = range(len(three.versions))
    rows = Synopsis(three, columns).rows([lin for lin in three.lineages if lin.top])
    table = _cells(render_history_docx(three, columns))
    assert len(table) == len(rows) + 1  # the header row, then one row per provision
    for row, cells in zip(rows, table[1:], strict=True):
        for cell, shown in zip(row.cells, cells, strict=True):
            text = "".join(op.new for op in cell.ops).replace(LINE, " ")
            assert " ".join(text.split()) in shown


@pytest.mark.libreoffice
def test_libreoffice_opens_the_table(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "history.docx"
    assert main(["history", *(str(ROOT / name) for name in THREE), "-o", str(path), "-q"]) == 1
    office.pdf(path, tmp_path / "history.pdf")
    done = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "history.pdf"), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "revision B" in done.stdout
    assert re.search(r"Article 11\(3\)", done.stdout)  # the paragraph that moved and came back
    pages = done.stdout.split("\f")[:-1]
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0].startswith("History: Draft declaration on the right of peoples and…")
        assert lines[0].endswith(", 3 versions")
        assert lines[-1] == f"Page {number} of {len(pages)}"
