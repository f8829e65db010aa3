"""``redline text``: the plain text of an AKN document, stable and complete.

The goldens in ``tests/data/akn/*.txt`` are regenerated on purpose with
``REDLINE_REGENERATE=1 pytest tests/test_plaintext.py`` and read by eye.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.akn.read import read_akn
from redline.cli import cli
from redline.renderers.plaintext import render_plaintext

DATA = Path(__file__).parents[1] / "data" / "akn"
REGENERATE = os.environ.get("REDLINE_REGENERATE") == "1"


@pytest.mark.parametrize("name", ["declaration", "foreign-act"])
def test_plaintext_matches_golden(name: str) -> None:
    document = read_akn((DATA / f"{name}.xml").read_bytes(), f"{name}.xml")
    text = render_plaintext(document)
    golden = DATA / f"{name}.txt"
    if REGENERATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_plaintext_is_deterministic() -> None:
    document = read_akn((DATA / "declaration.xml").read_bytes(), "declaration.xml")
    assert render_plaintext(document) == render_plaintext(document)


def test_nothing_is_lost() -> None:
    document = read_akn((DATA / "declaration.xml").read_bytes(), "declaration.xml")
    text = render_plaintext(document)
    for unit in document.walk():
        for words in (unit.num, unit.heading, *unit.text.split("\n")):
            for word in words.split():
                assert word in text
        for note in unit.notes:
            assert f"[{note.marker}] {note.text.splitlines()[0]}" in text


def test_markers_in_place_and_bodies_at_the_end() -> None:
    document = read_akn((DATA / "declaration.xml").read_bytes(), "declaration.xml")
    text = render_plaintext(document)
    assert "Reaffirming [1]the “Charter” – of the\u00a0United Nations’ aims," in text
    body, notes = text.split("\n--------\n")
    assert re.findall(r"^\[(\S+)\] ", notes, re.MULTILINE) == ["1", "2", "3", "4"]
    assert "[4]preventive solidarity;" in body
    assert "[2] A note\n    in two lines." in notes


def test_cli_text_prints_the_plain_text() -> None:
    result = CliRunner().invoke(cli, ["text", str(DATA / "declaration.xml")])
    assert result.exit_code == 0
    assert result.stdout == (DATA / "declaration.txt").read_text(encoding="utf-8")


def test_cli_text_on_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["text", str(DATA / "judgment.xml")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "judgment.xml:3: Akoma Ntoso document type <judgment> is not supported" in result.stderr
    assert "Traceback" not in result.output
