"""The size limit: one for every input, refused unread above it, read in seconds below it.

The policy (docs/security.md): an input of more than `MAX_BYTES` (10 MB), file or
stream, is refused at once without being read further; a bill just under the limit
is validated and printed within the suite's hang guard.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

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


def test_the_limit_is_ten_megabytes_as_documented() -> None:
    assert MAX_BYTES == 10 * 1024 * 1024
    assert "10 MB" in (ROOT / "docs" / "security.md").read_text(encoding="utf-8")


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * MAX_BYTES)
    assert len(read_bytes(str(exact))) == MAX_BYTES
    over = tmp_path / "over.txt"
    over.write_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="more than 10 MB, the limit for an input"):
        read_bytes(str(over))


def test_standard_input_over_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = io.TextIOWrapper(io.BytesIO(b" " * (MAX_BYTES + 1)))
    monkeypatch.setattr(sys, "stdin", stream)
    assert main(["text", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "redline: -: more than 10 MB, the limit for an input; refused unread\n"


@pytest.mark.slow
def test_a_bill_just_under_the_limit_is_read_in_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.akn.xml").write_bytes(bill_of(MAX_BYTES - 100_000))
    for argv in (["validate", "-q", "big.akn.xml"], ["text", "big.akn.xml", "-o", "out.txt"]):
        start = time.perf_counter()
        assert main(argv) == 0
        assert time.perf_counter() - start < SECONDS
    assert "number 40000." in Path("out.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""
