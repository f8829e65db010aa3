"""Temporary git repositories holding AKN texts, for the tests of ``REV:path`` and ``check``.

Every repository is real (``git init``), configured locally (user, no signing) and
isolated from the caller's git set-up: no inherited ``GIT_DIR``, a private ``HOME``,
and a ceiling so that git never finds a repository above the temporary folder.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from redline.akn.write import write_akn
from redline.read.sources import ImportOptions, import_source

ROOT = Path(__file__).resolve().parent.parent
SOURCE_AKN = ROOT / "versions" / "solidarity-2014.akn.xml"
SOURCE_TEXT = ROOT / "versions" / "solidarity-2014.txt"
TEXT_FILE = "versions/solidarity.akn.xml"
"""Where the fixture repository keeps the declaration."""

ART_2_OLD = "Preventive solidarity aims at overcoming"
ART_2_NEW = "Preventive solidarity seeks to overcome"
"""An edit of Article 2(1) (eId ``art_2__para_1``)."""

_LEAKS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX")


def declaration_akn() -> bytes:
    """The 2014 declaration as AKN: the shipped file, or imported from its text."""
    if SOURCE_AKN.is_file():
        return SOURCE_AKN.read_bytes()
    result = import_source(str(SOURCE_TEXT), ImportOptions())
    return write_akn(result.document)


def isolate_git(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Keep the caller's git environment and configuration out of a test."""
    for name in _LEAKS:
        monkeypatch.delenv(name, raising=False)
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(home.parent))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@dataclass(frozen=True, slots=True)
class Repo:
    """A working tree under test."""

    root: Path
    """Its top folder."""

    def git(self, *args: str) -> str:
        """Run git here and return its output; a failure fails the test."""
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, name: str, data: bytes | str) -> Path:
        """Write file `name` (folders created as needed)."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace `old` (which must be there) by `new` in file `name`."""
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def commit(self, message: str) -> None:
        """Commit everything in the working tree."""
        self.git("add", "--all")
        self.git("commit", "--quiet", "--message", message)


def make_repo(path: Path, akn: bytes) -> Repo:
    """A repository whose first commit holds the declaration at `TEXT_FILE`."""
    path.mkdir(parents=True, exist_ok=True)
    repo = Repo(path)
    repo.git("init", "--quiet")
    repo.git("config", "user.name", "Test")
    repo.git("config", "user.email", "test@example.org")
    repo.git("config", "commit.gpgsign", "false")
    repo.write(TEXT_FILE, akn)
    repo.commit("Add the declaration")
    return repo


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``redline check ARGS`` in this process: its exit code, standard output and error."""
    from redline.cli import main

    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err
