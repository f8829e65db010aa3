"""The 2014 draft and revision A pasted in many ways import to one structure and compare
identical with the original, and importing what ``redline text`` prints gives the same
document again."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from pasted_variants import PLAIN_VARIANTS, RAW_VARIANTS, import_string, plain_text, shape
from redline.akn.write import write_akn
from redline.changes import ChangeKind
from redline.cli import cli
from redline.comparison.engine import compare
from redline.model import Document, ImportOptions
from redline.read.text.importer import import_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
DRAFTS = {
    "2014": ROOT / "versions" / "solidarity-2014.txt",
    "revision-A": ROOT / "versions" / "solidarity-revision-A.txt",
}
OPTIONS = ImportOptions(
    date="2014-04-01", version_label="test", work_uri="/akn/un/bill/2014/solidarity-declaration"
)


@cache
def original(name: str) -> Document:
    return import_string(DRAFTS[name].read_text(encoding="utf-8"), OPTIONS)


def variant(name: str, kind: str) -> str:
    if kind in RAW_VARIANTS:
        return RAW_VARIANTS[kind](DRAFTS[name].read_text(encoding="utf-8"))
    return PLAIN_VARIANTS[kind](plain_text(original(name)))


VARIANTS = [*RAW_VARIANTS, *PLAIN_VARIANTS]


@pytest.mark.parametrize("kind", VARIANTS)
@pytest.mark.parametrize("name", DRAFTS)
def test_variant_imports_to_the_same_structure(name: str, kind: str) -> None:
    pasted = import_string(variant(name, kind), OPTIONS)
    assert shape(pasted) == shape(original(name))
    # without empty lines, the PDF's indents part the title from the cover text above it
    assert pasted.meta.title == original(name).meta.title


def test_variants_really_differ() -> None:
    texts = {kind: variant("2014", kind) for kind in VARIANTS}
    assert len(set(texts.values())) == len(texts)
    assert "\r\n" in texts["crlf"] and "ARTICLE 5" in texts["ARTICLE"]
    assert "Art. 5" in texts["Art."] and "\n\n" not in texts["no-blank-lines"]
    assert max(len(line) for line in texts["wrapped-no-blank-lines"].split("\n")) <= 72


@pytest.mark.parametrize(
    "kind",
    [
        "Art.",
        "no-empty-lines",
        "no-blank-lines",
        "wrapped-no-blank-lines",
    ],
)
@pytest.mark.parametrize("name", DRAFTS)
def test_diff_of_a_variant_with_the_original_exits_0(tmp_path: Path, name: str, kind: str) -> None:
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(variant(name, kind), encoding="utf-8")
    old = tmp_path / "original.xml"
    old.write_bytes(write_akn(original(name)))
    new = tmp_path / "pasted.xml"
    args = ["import", str(pasted), "-o", str(new), "--date", "2014-04-01", "-q"]
    args += ["--version-label", "test", "--work-uri", "/akn/un/bill/2014/solidarity-declaration"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.stdout


ROUND_TRIP = [
    DRAFTS["2014"],
    DRAFTS["revision-A"],
    DATA / "eu" / "dma-regulation-2022-1925.txt",
    DATA / "text" / "resolution-v1.txt",
    DATA / "text" / "resolution-v2.txt",
    DATA / "text" / "synthetic-nested.txt",
]


@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda path: path.name)
def test_import_text_import_gives_the_same_document(path: Path) -> None:
    first = import_string(path.read_text(encoding="utf-8"), OPTIONS)
    again = import_string(plain_text(first), ImportOptions())
    assert shape(again) == shape(first)
    assert (again.meta.title, again.meta.date, again.meta.version_label) == (
        first.meta.title,
        first.meta.date,
        first.meta.version_label,
    )
    assert again.meta.doc_type == first.meta.doc_type


@pytest.mark.parametrize("name", DRAFTS)
def test_a_variant_without_empty_lines_keeps_every_provision(name: str) -> None:
    """Pasted without empty lines, the draft's paragraphs part at the PDF's indents:
    the title is the original's and every unit compares unchanged."""
    pasted = import_text(variant(name, "no-empty-lines").encode("utf-8"), "p.txt",
                         ImportOptions(date="2014-04-01"))  # fmt: skip
    comparison = compare(original(name), pasted.document)
    assert not comparison.title_ops
    assert all(change.kind is ChangeKind.UNCHANGED for change in comparison.changes)


def test_a_hanging_indent_keeps_its_paragraph_whole() -> None:
    """Indents part blocks only in the cover, before the first heading: inside the
    instrument a hanging indent after a comma continues its paragraph."""
    text = (
        "Article 1\n\n"
        "1. Each State Party shall, in cooperation with the other States Parties,\n"
        "   take the measures needed to carry out this Declaration and to report\n"
        "   on them every year.\n\n"
        "2. States Parties shall cooperate.\n"
    )
    document = import_string(text, OPTIONS)
    paragraphs = [unit for unit in document.body[0].walk() if unit.element == "paragraph"]
    assert [p.num for p in paragraphs] == ["1.", "2."]
    assert paragraphs[0].text.endswith("to report on them every year.")


def test_a_stray_leading_space_in_a_recital_parts_nothing() -> None:
    """PDF extraction leaves stray spaces at the start of a line in mid-sentence; after
    a line ending in a comma or a semicolon, the recital goes on."""
    text = DRAFTS["2014"].read_text(encoding="utf-8")
    line = "deserve help from those who benefit most;"
    strayed = text.replace(f"\n{line}", f"\n {line}")
    assert strayed != text
    comparison = compare(original("2014"), import_string(strayed, OPTIONS))
    assert comparison.identical
