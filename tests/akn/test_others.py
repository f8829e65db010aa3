"""AKN made by other systems (tests/data/akn-others): read whole, printed whole, and
identical to itself; collections import, validate, print and compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from akn_words import document_words, missing_words
from redline.akn.read import read_akn, read_akn_result
from redline.akn.validate import is_invalid, validate_akn
from redline.akn.write import write_akn
from redline.changes import ChangeKind
from redline.cli import cli
from redline.comparison.engine import compare
from redline.renderers.plaintext import render_plaintext

DATA = Path(__file__).parents[1] / "data"
OTHERS = sorted((DATA / "akn-others").glob("*.xml"))
OURS = [DATA / "akn" / name for name in ("declaration.xml", "foreign-act.xml", "invalid.xml")]
ALL = OTHERS + OURS
COLLECTION = DATA / "akn-others" / "eu_COM_2013_0619_EN-8.xml"


@pytest.mark.parametrize("path", ALL, ids=lambda path: path.name)
def test_text_keeps_every_word(path: Path) -> None:
    data = path.read_bytes()
    text = render_plaintext(read_akn(data, path.name))
    assert sum(document_words(data).values()) > 0
    assert missing_words(data, text) == {}


@pytest.mark.parametrize("path", ALL, ids=lambda path: path.name)
def test_compared_with_itself_is_all_unchanged(path: Path) -> None:
    document = read_akn(path.read_bytes(), path.name)
    comparison = compare(document, document)
    assert comparison.changes
    assert {change.kind for change in comparison.changes} == {ChangeKind.UNCHANGED}


@pytest.mark.parametrize("path", OTHERS, ids=lambda path: path.name)
def test_diff_of_a_file_with_itself_exits_0(path: Path) -> None:
    result = CliRunner().invoke(cli, ["diff", str(path), str(path), "-f", "text"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path", OTHERS, ids=lambda path: path.name)
def test_what_redline_writes_of_it_is_schema_valid_and_keeps_every_word(path: Path) -> None:
    written = write_akn(read_akn(path.read_bytes(), path.name))
    errors = [p for p in validate_akn(written, "written.xml") if p.error]
    assert errors == []
    text = render_plaintext(read_akn(path.read_bytes(), path.name))
    assert missing_words(written, text) == {}


def test_warnings_name_file_and_line_once_per_kind() -> None:
    path = DATA / "akn-others" / "indigo-basic_in.xml"
    _document, warnings = read_akn_result(path.read_bytes(), path.name)
    assert warnings == (
        "indigo-basic_in.xml:33: <staticContent> is not modelled: kept as text of the body",
    )


def test_duplicate_eids_of_a_real_act_get_their_own_identity() -> None:
    path = DATA / "akn-others" / "uk_pga-2014-27-enacted-data.xml"
    document, warnings = read_akn_result(path.read_bytes(), path.name)
    eids = [unit.eid for unit in document.walk()]
    assert len(eids) == len(set(eids))
    assert any("duplicate eId 'sec_2__subsec_1__list_1__item_9'" in w for w in warnings)
    problems = validate_akn(path.read_bytes(), path.name)
    assert not is_invalid(problems)  # naming deviations are warnings
    assert is_invalid(problems, strict=True)


def test_collection_reads_its_components_in_order() -> None:
    document = read_akn(COLLECTION.read_bytes(), COLLECTION.name)
    assert document.meta.doc_type == "documentCollection"
    names = [component.meta.doc_name for component in document.components]
    assert names == ["explanation", "regulation", "financialStatement"]
    bill = document.components[1]
    assert sum(1 for unit in bill.walk() if unit.element == "article") == 24
    assert document.preface  # the cover page
    eids = [unit.eid for part in (document, *document.components) for unit in part.walk()]
    assert len(eids) == len(set(eids))


def test_collection_imports_validates_prints_and_compares(tmp_path: Path) -> None:
    out = tmp_path / "collection.akn.xml"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(COLLECTION), "-o", str(out), "-q"]).exit_code == 0
    assert runner.invoke(cli, ["validate", str(COLLECTION)]).exit_code == 0
    assert runner.invoke(cli, ["validate", str(out)]).exit_code == 0
    printed = runner.invoke(cli, ["text", str(COLLECTION)])
    assert printed.exit_code == 0
    assert "EXPLANATORY MEMORANDUM" in printed.output
    assert runner.invoke(cli, ["diff", str(COLLECTION), str(out)]).exit_code == 0
    edited = tmp_path / "edited.xml"
    edited.write_bytes(
        COLLECTION.read_bytes().replace(b"new psychoactive", b"novel psychoactive", 1)
    )
    result = runner.invoke(cli, ["diff", str(COLLECTION), str(edited), "-f", "text"])
    assert result.exit_code == 1
    assert "novel" in result.output


def test_validate_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    path = DATA / "akn-others" / "uk_pga-2014-27-enacted-data.xml"
    runner = CliRunner()
    plain = runner.invoke(cli, ["validate", str(path)])
    assert plain.exit_code == 0
    assert f"{path}:" in plain.stdout and ": warning: eId " in plain.stdout
    assert runner.invoke(cli, ["validate", "--strict", str(path)]).exit_code == 1


def test_what_redline_writes_passes_strict() -> None:
    path = DATA / "akn" / "declaration.xml"
    assert CliRunner().invoke(cli, ["validate", "--strict", str(path)]).exit_code == 0
