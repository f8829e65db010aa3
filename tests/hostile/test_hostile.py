"""Every hostile input through every command: refused in one line, quickly, leaking nothing.

The cases are the folders of ``cases/`` (see `case_files`). Each runs through
``import``, ``validate``, ``text``, ``diff`` (in every format, and as the old side),
and ``check`` (on a plain folder, and against a git base), in process. For each run:
the documented exit code; a one-line message naming the file (and line) that matches
the case; no traceback; done in seconds; nothing of ``/etc/passwd`` anywhere; no
output file left behind and the previous one untouched; no line of any output (split
on LF, CR and CRLF) that a CI runner would obey. Every run is made both with ``-q``
and without it (warnings, progress and summaries printed). An accepted input must
instead come out inert in every output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from git_repo import isolate_git
from redline.akn.write import write_akn
from redline.cli import main
from redline.read.sources import ImportOptions, import_source

from .case_files import AKN_NS, CLEAN_DRAFT, Case, Expect, all_cases, message_pattern
from .outputs import assert_no_leak, assert_payloads_kept, assert_shows

CASES = all_cases()
FORMATS = ("text", "md", "json", "html", "pdf")
RUNS = (
    "import", "validate", "text", *(f"diff-{fmt}" for fmt in FORMATS), "diff-as-old",
    "check-folder", "check-git",
)  # fmt: skip
SECONDS = 20.0
"""A hang guard, not a benchmark: every run must end well within this."""
PREVIOUS = b"the previous output, which a failed run must leave untouched\n"
CHECKED = "versions/doc.akn.xml"
"""Where ``check`` finds the input."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one command did."""

    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of both streams."""
        lines = self.stdout.splitlines() + self.stderr.splitlines()
        return [line for line in lines if line.strip()]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Run the CLI in this process, as the ``redline`` command would."""
    capsys.readouterr()
    start = time.perf_counter()
    code = main(argv)
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err, seconds)


def run_installed(argv: list[str], cwd: Path) -> Outcome:
    """Run the installed ``redline`` program (end to end: its own process and streams)."""
    program = Path(sys.executable).with_name("redline")
    start = time.perf_counter()
    done = subprocess.run(
        [str(program), *argv], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )
    return Outcome(done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to run in: the clean draft, and ``out/`` holding a previous output (and
    git kept from the caller's configuration)."""
    isolate_git(monkeypatch, tmp_path / "home")
    monkeypatch.chdir(tmp_path)
    shutil.copy(CLEAN_DRAFT, tmp_path / "clean-draft.txt")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "previous.out").write_bytes(PREVIOUS)
    return tmp_path


def akn_of(source: Path) -> bytes:
    """The AKN that ``import`` writes for `source`."""
    return write_akn(import_source(str(source), ImportOptions(date="2020-01-01")).document)


def given_name(path: Path, work: Path) -> str:
    """How a test names `path` to the CLI: relative inside the work folder."""
    return str(path.relative_to(work)) if path.is_relative_to(work) else str(path)


def target_of(case: Case, expect: Expect, work: Path) -> Path:
    """The file a command reads: the input, or the AKN imported from it."""
    source = case.make_input(work)
    if expect.on != "imported":
        return source
    imported = work / "imported.akn.xml"
    imported.write_bytes(akn_of(source))
    return imported


def place_for_check(case: Case, expect: Expect, root: Path) -> None:
    """Put the input where ``check`` looks: a copy, or a link to a path such as /dev/zero."""
    checked = root / CHECKED
    checked.parent.mkdir(parents=True, exist_ok=True)
    checked.unlink(missing_ok=True)
    source = target_of(case, expect, root.parent)
    if source.is_relative_to(root.parent):
        shutil.copy(source, checked)
    else:
        checked.symlink_to(source)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def make_repo(root: Path) -> None:
    """A repository whose base commit holds the clean draft's AKN at `CHECKED`."""
    root.mkdir()
    git(root, "init", "--quiet")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    (root / "versions").mkdir()
    (root / CHECKED).write_bytes(akn_of(CLEAN_DRAFT))
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "base")


def command_line(
    case: Case, name: str, work: Path, quiet: bool = True
) -> tuple[list[str], Expect, str]:
    """The arguments of run `name` (with ``-q`` when `quiet`), what it must do, and the
    input's name in messages."""
    argv, expect, file = _command_line(case, name, work)
    if not quiet:
        argv = [arg for arg in argv if arg != "-q"]
    elif "-q" not in argv:
        argv.append("-q")
    return argv, expect, file


def _command_line(case: Case, name: str, work: Path) -> tuple[list[str], Expect, str]:
    command = name.split("-")[0]
    expect = case.expect[command]
    if command == "check":
        return _check_line(case, name, work), case.expect.get(name, expect), CHECKED
    target = given_name(target_of(case, expect, work), work)
    if command == "diff" and name == "diff-as-old":
        return ["diff", target, "clean-draft.txt", "-o", "out/new.txt"], expect, target
    if command == "diff":
        fmt = name.removeprefix("diff-")
        argv = ["diff", "clean-draft.txt", target, "-f", fmt, "-o", "out/previous.out"]
        return argv, expect, target
    if command == "validate":
        return ["validate", target], expect, target
    return [command, target, "-o", "out/previous.out"], expect, target


def _check_line(case: Case, name: str, work: Path) -> list[str]:
    expect = case.expect.get(name, case.expect["check"])
    root = work / "repo"
    if name == "check-git":
        make_repo(root)
        place_for_check(case, expect, root)
        return ["check", "--base", "HEAD", "-q", "--html", "../out/html", "--pdf", "../out/pdf"]
    place_for_check(case, expect, root)
    return ["check", "versions", "-q"]


def assert_refused(outcome: Outcome, expect: Expect, file: str, summary: bool = False) -> None:
    """The error is reported in the expected number of lines, each matching the case
    (on standard error alone when a `summary` of the check is on standard output)."""
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    lines = lines if summary else outcome.lines
    verdict = f"{file}: valid ("  # validate's last line for a valid file with warnings
    if expect.code == 0 and lines and lines[-1].startswith(verdict):
        lines = lines[:-1]
    assert len(lines) == expect.lines, lines
    pattern = message_pattern(expect, file)
    for line in lines:
        assert pattern.search(line), f"{line!r} does not match {pattern.pattern!r}"


def assert_no_forged_line(text: str) -> None:
    """No line an input could have written: a CI runner obeys lines such as ``::error::``
    (and ``##[command]`` anywhere); terminals and runners end lines at CR as at LF."""
    for line in re.split(r"\r\n|\r|\n", text):
        assert not line.lstrip().startswith("::"), text
        assert "##[" not in line, text


def assert_nothing_written(work: Path) -> None:
    """The previous output is untouched and no other file appeared (no ``.part`` either)."""
    assert (work / "out" / "previous.out").read_bytes() == PREVIOUS
    written = [p.name for p in (work / "out").rglob("*") if p.is_file()]
    assert written == ["previous.out"], written


def assert_accepted(case: Case, name: str, work: Path) -> None:
    """What an accepted input produced is complete and inert."""
    written = work / "out" / "previous.out"
    if name == "import":
        root = etree.fromstring(written.read_bytes())
        assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
        assert not [e for e in root.iter() if etree.QName(e).namespace != AKN_NS and
                    etree.QName(e).localname in ("script", "img", "style", "a")]  # fmt: skip
        assert_shows(" ".join(root.itertext()), case.payloads, "AKN")
    elif name == "text":
        assert_shows(written.read_text(encoding="utf-8"), case.payloads, "text")
    elif name.startswith("diff-") and name != "diff-as-old":
        fmt = name.removeprefix("diff-")
        assert_payloads_kept(fmt, written.read_bytes(), case.payloads)
        if fmt in ("text", "md"):
            assert_no_forged_line(written.read_text(encoding="utf-8"))
    if name in ("text", "check-git", "check-folder"):
        for path in (work / "out").rglob("*"):
            if path.is_file() and path.suffix not in (".pdf", ".html"):
                assert_no_forged_line(path.read_text(encoding="utf-8"))
    elif name == "check-git":
        changed = case.expect["diff"].code == 1
        for fmt in ("html", "pdf"):
            redlines = sorted((work / "out" / fmt).glob(f"*.{fmt}"))
            assert len(redlines) == (1 if changed else 0), redlines
            for path in redlines:
                assert_payloads_kept(fmt, path.read_bytes(), case.payloads)


def _all_output(work: Path, outcome: Outcome) -> list[str | bytes]:
    files = [
        path.read_bytes()
        for path in work.rglob("*")
        if path.is_file() and not path.is_symlink() and ".git" not in path.parts
    ]
    return [outcome.stdout, outcome.stderr, *files]


@pytest.mark.parametrize("quiet", [True, False], ids=["quiet", "verbose"])
@pytest.mark.parametrize("name", RUNS)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_command(
    case: Case,
    name: str,
    quiet: bool,
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv, expect, file = command_line(case, name, work, quiet)
    if name.startswith("check"):
        monkeypatch.chdir(work / "repo")
    outcome = run(argv, capsys)
    assert outcome.code == expect.code, (outcome.code, outcome.lines)
    assert "Traceback" not in outcome.stdout + outcome.stderr
    assert outcome.seconds < SECONDS
    assert_no_leak(_all_output(work, outcome), f"{case.name} {name}")
    assert_no_forged_line(outcome.stdout + outcome.stderr)
    if expect.message:
        assert_refused(outcome, expect, file, summary=name.startswith("check") and not quiet)
    if case.accepted:
        assert_accepted(case, name, work)
    else:
        assert_nothing_written(work)


@pytest.mark.parametrize("case", [c for c in CASES if c.same_as], ids=lambda case: case.name)
def test_accepted_input_reads_as_its_plain_twin(
    case: Case, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A BOM, CRLF line ends or another encoding change nothing once read."""
    target = given_name(case.make_input(work), work)
    options = ["--encoding", case.encoding] if case.encoding else []
    assert run(["import", target, *options, "-o", "out/input.akn.xml"], capsys).code == 0
    assert run(["import", str(case.same_as), "-o", "out/twin.akn.xml"], capsys).code == 0
    written = _unsourced(work / "out" / "input.akn.xml", target)
    assert written == _unsourced(work / "out" / "twin.akn.xml", str(case.same_as))
    if not case.encoding:
        assert run(["diff", str(case.same_as), target], capsys).code == 0


def _unsourced(akn: Path, source: str) -> bytes:
    """AKN as written, without the name of the file it came from (which it records)."""
    return akn.read_bytes().replace(f"<redline:source>{source}<".encode(), b"<redline:source><")


@pytest.mark.parametrize("case", [c for c in CASES if c.end_to_end], ids=lambda case: case.name)
@pytest.mark.parametrize("name", ["import", "validate", "text", "diff-html", "diff-pdf"])
def test_installed_command(case: Case, name: str, work: Path) -> None:
    """The same, through the installed program: its own streams, no traceback on them."""
    argv, expect, file = command_line(case, name, work)
    outcome = run_installed(argv, work)
    assert outcome.code == expect.code, outcome.stderr
    assert "Traceback" not in outcome.stdout + outcome.stderr
    assert outcome.seconds < SECONDS
    assert_no_leak(_all_output(work, outcome), f"{case.name} {name}")
    if expect.message:
        assert_refused(outcome, expect, file)
    if not case.accepted:
        assert_nothing_written(work)
    elif name.startswith("diff-"):
        assert_accepted(case, name, work)


def test_every_case_is_described() -> None:
    """Each case says what it is, and refused ones say what the message must be."""
    for case in CASES:
        assert case.summary
        if not case.accepted:
            assert all(e.message or e.code == 0 for e in case.expect.values()), case.name
