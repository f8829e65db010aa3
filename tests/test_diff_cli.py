"""The diff command beyond one pair: series on several processes, progress, outputs."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from redline.cli import main
from redline.progress import TerminalProgress, for_terminal

ROOT = Path(__file__).resolve().parent.parent
USLM = ROOT / "tests" / "data" / "uslm"
DECLARATION = [ROOT / "versions" / f"solidarity-{v}.akn.xml" for v in ("2014", "revision-A")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_series_writes_one_file_per_consecutive_pair(tmp_path: Path, jobs: str):
    versions = []
    for i, path in enumerate([*DECLARATION, DECLARATION[0]], start=1):
        copy = tmp_path / "in" / f"v{i}.akn.xml"
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(path, copy)
        versions.append(str(copy))
    out = tmp_path / "out"
    assert main(["diff", *versions, "-f", "json", "-o", str(out), "-j", jobs, "-q"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["v1--v2.json", "v2--v3.json"]
    # a folder argument takes its AKN files in name order
    out2 = tmp_path / "out2"
    assert main(["diff", str(tmp_path / "in"), "-f", "md", "-o", str(out2), "-j", jobs]) == 1
    assert sorted(p.name for p in out2.iterdir()) == ["v1--v2.md", "v2--v3.md"]


def test_series_reports_a_bad_version_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    bad = tmp_path / "bad.akn.xml"
    bad.write_text("<akomaNtoso", encoding="utf-8")
    args = [str(DECLARATION[0]), str(bad), str(DECLARATION[1])]
    assert main(["diff", *args, "-o", str(tmp_path / "out"), "-q"]) == 2
    assert "bad.akn.xml" in capsys.readouterr().err
    assert not list((tmp_path / "out").iterdir())


def test_series_needs_an_output_folder(capsys: pytest.CaptureFixture[str]):
    assert main(["diff", *map(str, DECLARATION), str(DECLARATION[0])]) == 2
    assert "folder" in capsys.readouterr().err


def test_progress_line_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert for_terminal(quiet=False, stream=io.StringIO()) is None
    assert for_terminal(quiet=True, stream=Tty()) is None
    stream = Tty()
    progress = TerminalProgress(stream)
    progress("aligning", 5, 10)
    assert "aligning 5/10 (50%)" in stream.getvalue()
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_uslm_pair_compares_as_identical(tmp_path: Path):
    out = tmp_path / "bill.json"
    assert (
        main(
            [
                "diff",
                str(USLM / "hj107_eh.xml"),
                str(USLM / "HJ107_RDS.xml"),
                "-f",
                "json",
                "-o",
                str(out),
            ]
        )
        == 0
    )


def test_import_of_akn_applies_metadata_options(tmp_path: Path):
    out = tmp_path / "out.akn.xml"
    args = ["import", str(DECLARATION[0]), "-o", str(out), "--date", "2014-05-05", "--title", "T"]
    assert main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert "<docTitle>T</docTitle>" in text
    assert "eng@2014-05-05" in text
    assert main(["validate", str(out)]) == 0


def test_format_follows_the_output_extension(tmp_path: Path):
    out = tmp_path / "redline.html"
    assert main(["diff", *map(str, DECLARATION), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_validate_goes_on_past_a_missing_file(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", "missing.akn.xml", str(DECLARATION[0])]) == 2
    captured = capsys.readouterr()
    assert "missing.akn.xml" in captured.err
    assert f"{DECLARATION[0]}: valid\n" in captured.out  # the verdict goes with the problems


def test_outputs_keep_the_mode_of_the_file_they_replace(tmp_path: Path):
    fresh = tmp_path / "fresh.md"
    kept = tmp_path / "kept.md"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    umask = os.umask(0o022)
    try:
        for out in (fresh, kept):
            main(["diff", *map(str, DECLARATION), "-o", str(out)])
    finally:
        os.umask(umask)
    assert kept.stat().st_mode & 0o777 == 0o640
    assert fresh.stat().st_mode & 0o777 == 0o644  # as the umask allows, not 0600


def test_an_output_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["diff", *map(str, DECLARATION), "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_a_changed_title_alone_is_a_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the title differs: not identical (exit 1, no banner), and every format says so."""
    text = DECLARATION[1].read_text(encoding="utf-8")
    assert text.count("international solidarity (revised)") == 1
    retitled = tmp_path / "retitled.akn.xml"
    retitled.write_text(
        text.replace("international solidarity (revised)", "global solidarity (revised)"),
        encoding="utf-8",
    )
    assert main(["diff", str(DECLARATION[1]), str(DECLARATION[1]), "-f", "text"]) == 0
    assert "No textual changes" in capsys.readouterr().out
    assert main(["diff", str(DECLARATION[1]), str(retitled), "-f", "text"]) == 1
    out = capsys.readouterr().out
    assert "No textual changes" not in out
    assert "title changed: Draft declaration on the right of peoples and individuals to " in out
    assert "→ Draft declaration on the right of peoples and individuals to global" in out
    assert main(["diff", str(DECLARATION[1]), str(retitled), "-f", "json", "-o", "-"]) == 1
    assert '"identical": false' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "-f", "foo", "a", "b"], "Invalid value for '-f' / '--format': 'foo'"),
        (["diff", "--paper", "a3", "a", "b"], "Invalid value for '--paper': 'a3'"),
        (["diff", "--match-threshold", "2", "a", "b"], "Invalid value for '--match-threshold'"),
        (["--max-input-size", "0", "text", "a"], "Invalid value for '--max-input-size'"),
        (["frobnicate"], "No such command 'frobnicate'."),
        (["diff"], "Missing argument"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("redline: ") and message in line
    assert line.endswith("--help')")


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """`argv` exits 2 with one line on standard error and nothing on standard output."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("redline: ")
    return captured.err


def test_standard_input_twice_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DECLARATION[0].read_bytes())))
    assert "can be read once" in _refused(capsys, ["diff", "-", "-"])


def test_a_format_that_contradicts_the_output_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    out = tmp_path / "redline.html"
    err = _refused(capsys, ["diff", *map(str, DECLARATION), "-f", "json", "-o", str(out)])
    assert "-f json contradicts the file's extension '.html'" in err
    assert not out.exists()
    # a name that promises no format is the user's choice with -f
    log = tmp_path / "redline.log"
    assert main(["diff", *map(str, DECLARATION), "-f", "json", "-o", str(log), "-q"]) == 1
    assert log.read_text(encoding="utf-8").startswith('{"schema"')


def test_a_layout_for_a_format_with_one_layout_is_refused(capsys: pytest.CaptureFixture[str]):
    for fmt in ("text", "md", "json"):
        argv = ["diff", *map(str, DECLARATION), "--layout", "side-by-side", "-f", fmt]
        assert f"{fmt} has one layout" in _refused(capsys, argv)


def test_a_series_into_a_file_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "series.txt"
    argv = ["diff", *map(str, DECLARATION), str(DECLARATION[0]), "-o", str(out)]
    assert "a series writes one file per pair into a folder" in _refused(capsys, argv)
    assert not out.exists()


def test_an_output_in_a_missing_folder_names_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    out = tmp_path / "absent" / "redline.html"
    err = _refused(capsys, ["diff", *map(str, DECLARATION), "-o", str(out)])
    assert f"{out}: cannot write: the folder {out.parent} does not exist" in err


def test_malformed_xml_names_its_line_once_and_where_the_open_tag_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    bad = tmp_path / "bad.xml"
    bad.write_text('<akomaNtoso xmlns="x">\n<bill><body>', encoding="utf-8")
    err = _refused(capsys, ["text", str(bad)])
    assert f"{bad}:2: not well-formed XML: Premature end of data in <body> (opened on line 2)" in (
        err
    )
    assert "line 2, line" not in err


@pytest.mark.parametrize(
    ("xml", "said"),
    [
        ("<akomaNtoso\n", ":2: not well-formed XML: Couldn't find the end of the start tag "
         "<akomaNtoso> (opened on line 1), column 1"),
        ("<akomaNtoso>\n<p>\n</b>\n", ":3: not well-formed XML: Opening and ending tag "
         "mismatch: <p> (opened on line 2) and </b>, column 5"),
    ],
)  # fmt: skip
def test_an_error_at_one_line_names_another_only_as_where_a_tag_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], xml: str, said: str
):
    bad = tmp_path / "bad.xml"
    bad.write_text(xml, encoding="utf-8")
    err = _refused(capsys, ["text", str(bad)])
    assert f"{bad}{said}\n" in err


@pytest.mark.slow
@pytest.mark.parametrize("command", ["diff", "history"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_binary_output_is_refused_on_a_terminal_and_written_to_a_pipe(command: str, fmt: str):
    import pty
    import subprocess
    import sys

    argv = [sys.executable, "-m", "redline", command, *map(str, DECLARATION), "-f", fmt]
    leader, follower = pty.openpty()
    try:
        refused = subprocess.run(argv, stdout=follower, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert refused.returncode == 2
    assert f"a {fmt.upper()} is not for the terminal: write it to a file with -o" in (
        refused.stderr.decode()
    )
    piped = subprocess.run([*argv, "-q"], capture_output=True, timeout=300)
    assert piped.returncode in (0, 1), piped.stderr
    assert piped.stdout.startswith(b"%PDF-" if fmt == "pdf" else b"PK\x03\x04")


def test_what_the_readers_skipped_is_said_even_when_the_versions_read_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """Two pasted drafts that differ only in their cover page, which the text reader
    skips, read alike: the redline says so (exit 0) and says what was skipped of each,
    on stderr and in the JSON's warnings, with the lines and words."""
    import json

    text = (ROOT / "versions" / "solidarity-2014.txt").read_text(encoding="utf-8")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    cover = text.replace("Le présent rapport contient", "Le présent rapport ne contient pas")
    new.write_text(cover, encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["diff", str(old), str(new), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    said = [
        "in reading the old version: skipped lines 1-28 (176 words): before the title",
        "in reading the new version: skipped lines 1-28 (178 words): before the title",
    ]
    assert all(f"redline: warning: {line}\n" in err for line in said), err
    assert "--date" not in err  # how the import was asked for is not the redline's concern
    warnings = json.loads(out.read_text(encoding="utf-8"))["warnings"]
    assert [w for w in warnings if "skipped lines" in w] == said


def test_a_third_party_akn_readers_warning_reaches_the_redline(
    capsys: pytest.CaptureFixture[str],
):
    """Said in the redline, and on stderr unless the redline is the text on stdout,
    which says it already (a terminal would show each twice)."""
    uk = ROOT / "tests" / "data" / "akn-others" / "uk_pga-2014-27-enacted-data.xml"
    duplicate = "duplicate eId 'sec_2__subsec_1__list_1__item_9' (first used on line 461)"
    assert main(["diff", str(uk), str(uk), "-f", "text", "-o", "-", "-q"]) == 0
    out, err = capsys.readouterr()
    assert f"warning: in reading the old version: line 464: {duplicate}" in out  # no path
    assert duplicate not in err
    assert main(["diff", str(uk), str(uk), "-f", "json", "-o", "-", "-q"]) == 0
    out, err = capsys.readouterr()
    assert f"redline: warning: in reading the new version: line 464: {duplicate}" in err
