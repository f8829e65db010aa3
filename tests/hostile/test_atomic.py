"""Outputs are atomic: a failure or Ctrl-C leaves the previous file whole and no partial one.

Files are written to a temporary ``.part`` file beside the target and renamed into
place when complete; devices and pipes (``/dev/null``, a FIFO) are written through,
never replaced. Ctrl-C ends any command with exit code 130 and one line.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from redline.cli import main
from redline.renderers import RENDERERS

from .case_files import CASES, PREVIOUS, drafts_and_previous_output

HOSTILE = CASES / "malformed" / "input.akn.xml"
SECONDS = 20.0
TARGET = "redline.html"
DEV_NULL = Path("/dev/null")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two drafts and a previous output, ``redline.html``."""
    monkeypatch.chdir(tmp_path)
    return drafts_and_previous_output(tmp_path, "redline.html")


def assert_left_alone(work: Path) -> None:
    """The previous output is as it was, and nothing else was written beside it."""
    assert (work / "redline.html").read_bytes() == PREVIOUS
    assert sorted(p.name for p in work.iterdir()) == ["new.txt", "old.txt", "redline.html"]


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    lines = (captured.out + captured.err).splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_bad_second_input_leaves_the_previous_file(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(HOSTILE, work / "bad.akn.xml")
    assert main(["diff", "old.txt", "bad.akn.xml", "-f", "html", "-o", "redline.html"]) == 2
    assert one_line(capsys).startswith("redline: bad.akn.xml:41: not well-formed XML")
    (work / "bad.akn.xml").unlink()
    assert_left_alone(work)


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_ctrl_c_while_rendering_leaves_the_previous_file(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    def interrupted(*args: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(RENDERERS[fmt].replace(":", "."), interrupted)
    target = work / f"redline.{fmt}"  # a PDF under its own name: -f must match -o
    target.write_bytes(PREVIOUS)
    assert main(["diff", "old.txt", "new.txt", "-f", fmt, "-o", target.name]) == 130
    assert one_line(capsys) == "redline: interrupted"
    assert target.read_bytes() == PREVIOUS
    if fmt != "html":
        target.unlink()
    assert_left_alone(work)


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (KeyboardInterrupt(), 130, "redline: interrupted"),
        (OSError(28, "No space left on device"), 2, f"redline: {TARGET}: No space left on device"),
    ],
    ids=["ctrl-c", "disk-full"],
)
def test_failure_while_writing_removes_the_partial_file(
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    code: int,
    message: str,
) -> None:
    """Half the bytes are in the ``.part`` file when the write fails: it must go."""

    def fail(descriptor: int) -> None:
        assert any(p.suffix == ".part" for p in work.iterdir())
        raise error

    monkeypatch.setattr("redline.output.os.fsync", fail)
    assert main(["diff", "old.txt", "new.txt", "-f", "html", "-o", "redline.html"]) == code
    assert one_line(capsys) == message
    assert_left_alone(work)


def test_success_replaces_the_previous_file(work: Path) -> None:
    assert main(["diff", "old.txt", "new.txt", "-f", "html", "-o", "redline.html"]) == 1
    assert (work / "redline.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert sorted(p.name for p in work.iterdir()) == ["new.txt", "old.txt", "redline.html"]


def _never_a_temporary_file(*args: object, **kwargs: object) -> None:
    raise AssertionError("a device must be written through, never replaced by a renamed file")


@pytest.mark.parametrize(
    "argv",
    [
        ["diff", "old.txt", "new.txt", "-f", "html"],
        ["diff", "old.txt", "new.txt", "-f", "pdf"],
        ["import", "new.txt", "-q"],
        ["text", "new.txt"],
    ],
    ids=["diff-html", "diff-pdf", "import", "text"],
)
def test_dev_null_is_written_through_and_stays_a_device(
    work: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    # Should the writer ever take the rename path here, this stops it before it could
    # replace /dev/null (the tests may run as root).
    monkeypatch.setattr("redline.output.tempfile.mkstemp", _never_a_temporary_file)
    before = DEV_NULL.stat()
    assert stat.S_ISCHR(before.st_mode)
    assert main([*argv, "-o", str(DEV_NULL)]) in (0, 1)
    after = DEV_NULL.stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino


def test_a_named_pipe_is_written_through(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("redline.output.tempfile.mkstemp", _never_a_temporary_file)
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["text", "new.txt", "-o", str(fifo)]) == 0
    reader.join(SECONDS)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b"every two years" in received[0]


def _wait_until_reading_stdin(pid: int) -> None:
    """Wait until process `pid` blocks reading its standard input (a pipe)."""
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        pytest.skip("no /proc/PID/wchan to tell when the program waits for input")
    deadline = time.monotonic() + SECONDS
    while "pipe" not in wchan.read_text():
        assert time.monotonic() < deadline, "the program never read its input"
        time.sleep(0.05)


def test_ctrl_c_ends_the_installed_program_in_one_line() -> None:
    program = Path(sys.executable).with_name("redline")
    process = subprocess.Popen(
        [str(program), "text", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_reading_stdin(process.pid)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130
    assert (stdout, stderr) == ("", "redline: interrupted\n")
