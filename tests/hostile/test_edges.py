"""Edges of the command line a review found: signals, standard input in a series, links
given as -o, Unicode normal forms.

Signals are sent for real, to a real ``redline`` process, at the moment it writes.
"""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from redline.cli import main

from .case_files import CLEAN_DRAFT

#: Runs the command line, sending the signal named in argv[1] to itself while the
#: output is half written (inside the atomic write, before the rename).
KILL_WHILE_WRITING = """
import os, signal, sys
import redline.output
number = getattr(signal, sys.argv[1])
redline.output.os.fsync = lambda fd: os.kill(os.getpid(), number)
from redline.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(CLEAN_DRAFT, tmp_path / "old.txt")
    text = CLEAN_DRAFT.read_text(encoding="utf-8")
    (tmp_path / "new.txt").write_text(text.replace("every year", "every second year"))
    return tmp_path


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_writing_leaves_no_partial_file(work: Path, name: str) -> None:
    """SIGTERM or SIGHUP during a write left a ``.part`` file behind."""
    (work / "out.html").write_text("previous")
    argv = ["diff", "old.txt", "new.txt", "-f", "html", "-o", "out.html", "-q"]
    done = subprocess.run(
        [sys.executable, "-c", KILL_WHILE_WRITING, name, *argv],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    number = getattr(signal, name)
    assert done.returncode == 128 + number, done.stderr
    assert done.stderr == f"redline: terminated by {name}\n"
    assert sorted(p.name for p in work.iterdir()) == ["new.txt", "old.txt", "out.html"]
    assert (work / "out.html").read_text() == "previous"


def test_standard_input_once_in_a_series(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` in a series failed under the default ``-j`` (workers cannot read it)."""
    data = (work / "new.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    shutil.copy(work / "old.txt", work / "third.txt")
    code = main(["diff", "old.txt", "-", "third.txt", "-f", "md", "-o", "series", "-q"])
    assert code == 1, capsys.readouterr().err
    written = sorted((work / "series").iterdir())
    assert len(written) == 2
    assert all("second" in path.read_text() for path in written)  # added, then taken out


def test_standard_input_twice_in_a_series_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "old.txt", "-", "-", "-o", "series", "-q"]) == 2
    assert "can be read once" in capsys.readouterr().err


def test_output_through_a_link_writes_its_target(work: Path) -> None:
    """``-o link`` replaced the link by a file; it now writes the file the link names."""
    (work / "real").mkdir()
    (work / "real" / "redline.md").write_text("previous")
    (work / "link.md").symlink_to(work / "real" / "redline.md")
    assert main(["diff", "old.txt", "new.txt", "-o", "link.md", "-q"]) == 1
    assert (work / "link.md").is_symlink()
    assert "every **second** year" in (work / "real" / "redline.md").read_text()


@pytest.mark.parametrize("options", [[], ["--ignore-typography"]])
def test_nfc_and_nfd_text_are_the_same(work: Path, options: list[str]) -> None:
    """NFC vs NFD "Café" was a change even with ``--ignore-typography``."""
    text = (work / "old.txt").read_text(encoding="utf-8")
    (work / "nfc.txt").write_text(text.replace("every year", "every year at the Caf\u00e9"))
    (work / "nfd.txt").write_text(text.replace("every year", "every year at the Cafe\u0301"))
    assert main(["diff", "nfc.txt", "nfd.txt", "-q", *options]) == 0


def test_a_series_error_is_one_escaped_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Errors of a series were printed raw: a file name could forge a CI line."""
    bad = work / "bad\n::error::forged.txt"
    bad.write_bytes(b"Article 1\n\nHidden \x1b[8m words.\n")
    code = main(["diff", "old.txt", str(bad.name), "new.txt", "-o", "series", "-q", "-j", "1"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2  # one line for each pair that reads the bad file
    assert "\n::" not in err
    assert "bad\\n::error::forged.txt" in err
