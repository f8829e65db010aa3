"""The size limit: one for every input, refused unread above it, read in seconds below it.

The policy (docs/security.md): an input of more than the limit (32 MB by default,
``--max-input-size`` to change it), file, stream or ``REV:path``, is refused at once
without being read further; a bill just under the limit is validated and printed
within the suite's hang guard.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from git_repo import isolate_git, make_repo
from redline.cli import main
from redline.errors import InputError
from redline.read.sources import read_bytes
from redline.xmlsafe import MAX_BYTES

from .case_files import CLEAN_DRAFT
from .test_hostile import SECONDS, akn_of

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    '<article eId="art_{0}"><num>Article {0}</num><content><p>States shall cooperate in '
    "solidarity to promote the rights of peoples and individuals, number {0}.</p></content>"
    "</article>\n"
)


def bill_of(size: int) -> bytes:
    """A valid AKN bill of about `size` bytes: the clean draft with articles added."""
    base = akn_of(CLEAN_DRAFT)
    parts: list[str] = []
    total = len(base)
    while total < size:
        parts.append(ARTICLE.format(len(parts) + 4))
        total += len(parts[-1])
    return base.replace(b"</body>", "".join(parts).encode() + b"</body>")


MESSAGE = "more than 32 MB, the limit for an input (see --max-input-size); refused unread"


def test_the_limit_is_32_megabytes_as_documented() -> None:
    """Room for the largest real bills (10-20 MB omnibus acts in USLM)."""
    assert MAX_BYTES == 32 * 1024 * 1024
    assert "32 MB" in (ROOT / "docs" / "security.md").read_text(encoding="utf-8")


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * MAX_BYTES)
    assert len(read_bytes(str(exact))) == MAX_BYTES
    over = tmp_path / "over.txt"
    over.write_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="more than 32 MB, the limit for an input"):
        read_bytes(str(over))


def test_standard_input_over_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = io.TextIOWrapper(io.BytesIO(b" " * (MAX_BYTES + 1)))
    monkeypatch.setattr(sys, "stdin", stream)
    assert main(["text", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"redline: -: {MESSAGE}\n"


@pytest.mark.slow
def test_a_ten_megabyte_bill_is_read_in_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.akn.xml").write_bytes(bill_of(10 * 1024 * 1024 - 100_000))  # a real bill's size
    for argv in (["validate", "-q", "big.akn.xml"], ["text", "big.akn.xml", "-o", "out.txt"]):
        start = time.perf_counter()
        assert main(argv) == 0
        # A hang guard, not a benchmark (benchmarks/speed.py measures speed): a quadratic
        # step takes minutes here, a linear one ~10 s alone and ~22 s on a loaded machine.
        assert time.perf_counter() - start < 3 * SECONDS
    assert "number 40000." in Path("out.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_the_limit_can_be_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--max-input-size`` lowers or raises it, for the run only."""
    monkeypatch.chdir(tmp_path)
    Path("two-mb.txt").write_bytes(b"Article 1\n\n" + b"word " * 400_000)
    assert main(["--max-input-size", "1", "text", "two-mb.txt", "-o", "out.txt"]) == 2
    assert capsys.readouterr().err == (
        "redline: two-mb.txt: more than 1 MB, the limit for an input (see --max-input-size);"
        " refused unread\n"
    )
    assert not Path("out.txt").exists()
    assert main(["text", "two-mb.txt", "-o", "out.txt"]) == 0


def test_a_git_blob_over_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``REV:path`` read a blob of any size (1.5 GB took 2.9 GB of memory) before the
    limit; now git's recorded size is asked first."""
    isolate_git(monkeypatch, tmp_path / "home")
    repo = make_repo(tmp_path / "repo", akn_of(CLEAN_DRAFT))
    repo.write("big.txt", b"Article 1\n\n" + b"word " * 400_000)
    repo.commit("big")
    monkeypatch.chdir(repo.root)
    monkeypatch.setattr("redline.xmlsafe.MAX_BYTES", 1024 * 1024)
    read: list[list[str]] = []
    real_run = subprocess.run

    def spy(argv: list[str], **kwargs: Any) -> Any:
        read.append(argv)
        return real_run(argv, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    assert main(["text", "HEAD:big.txt"]) == 2
    assert capsys.readouterr().err == (
        "redline: HEAD:big.txt: more than 1 MB, the limit for an input (see --max-input-size);"
        " refused unread\n"
    )
    assert not [argv for argv in read if "blob" in argv], "the blob was read"


@pytest.mark.parametrize("value", ["abc", "-1", "0", "inf", "nan"])
def test_a_bad_limit_in_the_environment_is_refused_not_ignored(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REDLINE_MAX_INPUT_MB", value)
    assert main(["text", str(CLEAN_DRAFT)]) == 2
    err = capsys.readouterr().err
    assert err == f"redline: $REDLINE_MAX_INPUT_MB must be a number of MB above 0, got {value!r}\n"


def test_a_small_limit_is_named_as_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REDLINE_MAX_INPUT_MB", "0.01")  # 10 KB; the draft holds 38 KB
    draft = Path(__file__).parents[2] / "versions" / "solidarity-2014.akn.xml"
    assert main(["text", str(draft)]) == 2
    assert "more than 0.01 MB, the limit for an input" in capsys.readouterr().err
