"""``validate``: the AKN schema and the project's rules, every problem with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.akn.validate import Problem, is_invalid, num_values, validate_akn
from redline.cli import cli

DATA = Path(__file__).parents[1] / "data" / "akn"
ROOT = Path(__file__).parents[2]


def _problems(name: str) -> list[Problem]:
    return validate_akn((DATA / name).read_bytes(), name)


def test_problem_prints_as_file_line_message() -> None:
    assert str(Problem("a.xml", 7, "bad")) == "a.xml:7: bad"
    assert str(Problem("a.xml", None, "bad")) == "a.xml: bad"


def test_valid_files_have_no_problems() -> None:
    assert _problems("declaration.xml") == []
    assert _problems("foreign-act.xml") == []


def test_every_problem_is_reported_with_its_line() -> None:
    messages = [(problem.line, problem.message) for problem in _problems("invalid.xml")]
    assert (55, messages[0][1]) == messages[0]
    assert "schema: Element 'recital': This element is not expected" in messages[0][1]
    assert (64, "duplicate eId 'art_1__para_1' (first used on line 58)") in messages
    assert all(line is not None for line, _ in messages)
    assert len(messages) == 4


def test_not_well_formed_gives_one_problem_with_line() -> None:
    (problem,) = validate_akn(b"<akomaNtoso>\n<bill>\n</akomaNtoso>", "broken.xml")
    assert problem.line == 3
    assert problem.message.startswith("not well-formed XML: ")


def test_eid_naming_convention() -> None:
    xml = (DATA / "declaration.xml").read_bytes().replace(b'"art_2"', b'"article_2"')
    (problem,) = validate_akn(xml, "d.xml")
    assert "eId 'article_2' of <article> does not follow the naming convention" in problem.message
    assert "expected 'art_2'" in problem.message


def test_nums_out_of_sequence_are_a_warning() -> None:
    xml = (DATA / "declaration.xml").read_bytes().replace(b"<num>1.</num>", b"<num>3.</num>", 1)
    problems = validate_akn(xml, "d.xml")
    (problem,) = [p for p in problems if "does not follow" in p.message]
    assert problem.message == "<paragraph> num '2.' does not follow '3.' (numbers out of sequence)"
    assert (problem.error, problem.notice, problem.severity) == (False, False, "warning")
    assert is_invalid([problem], strict=True)
    assert not is_invalid([problem])


def test_a_gap_in_the_numbering_is_a_notice_that_strict_allows(tmp_path: Path) -> None:
    xml = (DATA / "declaration.xml").read_bytes().replace(b"<num>2.</num>", b"<num>3.</num>")
    (problem,) = validate_akn(xml, "d.xml")
    assert problem.message == "<paragraph> num '3.' does not follow '1.' (a gap in the numbering)"
    assert (problem.error, problem.notice, problem.severity) == (False, True, "note")
    assert problem.describe().startswith("d.xml:61: note: <paragraph> num '3.'")
    assert not is_invalid([problem], strict=True)
    path = tmp_path / "gap.xml"
    path.write_bytes(xml)
    result = CliRunner().invoke(cli, ["validate", "--strict", str(path)])
    assert (result.exit_code, result.output.count(": note: ")) == (0, 1)


def test_repeated_label_with_suffixed_eid_is_fine() -> None:
    # declaration.xml's Article 3 runs (i), (i) with eIds point_i and point_i-2
    assert b"point_i-2" in (DATA / "declaration.xml").read_bytes()
    assert _problems("declaration.xml") == []


def test_empty_provision() -> None:
    xml = (
        (DATA / "declaration.xml")
        .read_bytes()
        .replace(b"<p>Everyone has the right.</p>", b"<p> \xe2\x80\x93 </p>")
    )
    (problem,) = validate_akn(xml, "d.xml")
    assert problem.message == "empty provision: <content> in art_1__para_1__content has no words"


@pytest.mark.parametrize(
    ("num", "values"),
    [
        ("1.", {("arabic", 1)}),
        ("Article 12", {("arabic", 12)}),
        ("(l)", {("alpha", 12), ("roman", 50)}),
        ("(iv)", {("roman", 4)}),
        ("(aa)", {("alpha", 27)}),
        ("II.", {("ROMAN", 2), ("ALPHA", 35)}),  # or the 35th letter: II after Z
        ("5 bis", set()),
    ],
)
def test_num_values(num: str, values: set[tuple[str, int]]) -> None:
    assert num_values(num) == values


def test_shipped_schema_is_the_one_in_akn_folder() -> None:
    for name in ("akomantoso30.xsd", "xml.xsd"):
        shipped = ROOT / "src" / "redline" / "akn" / "schema" / name
        assert shipped.read_bytes() == (ROOT / "akn" / name).read_bytes()


# --- the command line -------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_valid_file_exits_0() -> None:
    code, out, err = _run("validate", str(DATA / "declaration.xml"))
    assert code == 0
    assert out == f"{DATA / 'declaration.xml'}: valid\n"  # with the problems, on stdout
    assert err == ""


def test_cli_a_valid_file_with_warnings_and_notes_says_what_was_found(tmp_path: Path) -> None:
    """The verdict counts what stays allowed: warnings (unless --strict) and notes."""
    target = tmp_path / "gap.akn.xml"
    xml = (DATA / "declaration.xml").read_text(encoding="utf-8")
    target.write_text(xml.replace("<num>Article 2</num>", "<num>Article 3</num>", 1), "utf-8")
    code, out, _ = _run("validate", str(target))
    assert code == 0
    assert out.splitlines()[-1].startswith(f"{target}: valid (")
    assert _run("validate", "-q", str(target))[1].count(": valid") == 0


def test_cli_invalid_file_prints_every_problem_and_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "invalid.xml"
    shutil.copy(DATA / "invalid.xml", target)
    code, out, err = _run("validate", str(target))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 4
    assert all(line.startswith(f"{target}:") for line in lines)
    assert f"{target}:55: schema: Element 'recital'" in out
    assert f"{target}:64: duplicate eId 'art_1__para_1'" in out
    assert "Traceback" not in out + err


def test_cli_not_xml_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("Just some text.\n", encoding="utf-8")
    code, out, err = _run("validate", str(target))
    assert code == 1
    assert out.count("\n") == 1
    assert out.startswith(f"{target}:1: not well-formed XML")
    assert "Traceback" not in out + err


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    code, out, err = _run("validate", str(tmp_path / "missing.xml"))
    assert code == 2
    assert "no such file" in err
    assert "Traceback" not in out + err


def test_cli_validates_several_files() -> None:
    code, out, _ = _run("validate", str(DATA / "declaration.xml"), str(DATA / "invalid.xml"))
    assert code == 1
    assert f"{DATA / 'declaration.xml'}: valid\n" in out
    assert "invalid.xml: valid" not in out  # an invalid file's problems say why
    assert "invalid.xml:64:" in out


def test_prefixed_eids_of_document_wide_elements_are_accepted() -> None:
    xml = (
        (DATA / "foreign-act.xml")
        .read_bytes()
        .replace(b'"sec_1"', b'"chp_1__sec_1"')
        .replace(b'"sec_1__', b'"chp_1__sec_1__')
    )
    assert validate_akn(xml, "act.xml") == []
