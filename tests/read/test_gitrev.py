"""Reading ``REV:path`` through real git, files changed since a revision, and ``redline text``
as git's textconv driver."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from git_repo import ART_2_NEW, ART_2_OLD, TEXT_FILE, Repo, declaration_akn, isolate_git, make_repo
from redline.cli import main
from redline.errors import InputError
from redline.read.git import (
    FileChange,
    Status,
    changed_files,
    is_revision,
    read_revision,
    repository_root,
)


@pytest.fixture(scope="module")
def akn() -> bytes:
    return declaration_akn()


@pytest.fixture
def repo(tmp_path: Path, akn: bytes, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository with two commits: the declaration, then an edit of Article 2(1)."""
    isolate_git(monkeypatch, tmp_path / "home")
    made = make_repo(tmp_path / "repo", akn)
    made.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    made.commit("Edit Article 2(1)")
    monkeypatch.chdir(made.root)
    return made


def test_read_revision_gives_the_committed_bytes(repo: Repo, akn: bytes) -> None:
    assert read_revision(f"HEAD~1:{TEXT_FILE}") == akn
    assert ART_2_NEW.encode() in read_revision(f"HEAD:{TEXT_FILE}")


def test_path_is_from_the_root_unless_it_starts_with_dot(repo: Repo, akn: bytes) -> None:
    folder = repo.root / "versions"
    assert read_revision(f"HEAD~1:{TEXT_FILE}", cwd=folder) == akn
    assert read_revision("HEAD~1:./solidarity.akn.xml", cwd=folder) == akn
    with pytest.raises(InputError, match="does not exist in revision HEAD~1"):
        read_revision("HEAD~1:solidarity.akn.xml", cwd=folder)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nosuch:versions/solidarity.akn.xml", "unknown revision 'nosuch'"),
        ("HEAD:versions/missing.akn.xml", "'versions/missing.akn.xml' does not exist in revision"),
        ("HEAD:versions", "'versions' is a folder in revision HEAD"),
        ("HEAD~9:versions/solidarity.akn.xml", "unknown revision 'HEAD~9'"),
    ],
)
def test_bad_specs_are_one_line_input_errors(repo: Repo, spec: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        read_revision(spec)
    assert "\n" not in str(raised.value)
    assert str(raised.value).startswith(f"{spec}: ")


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    with pytest.raises(InputError, match="not in a git repository"):
        read_revision("HEAD:x.akn.xml", cwd=tmp_path)
    with pytest.raises(InputError, match="not in a git repository"):
        repository_root(tmp_path)


def test_git_missing(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(InputError, match="git is not installed"):
        read_revision(f"HEAD:{TEXT_FILE}")


def test_is_revision(repo: Repo) -> None:
    assert is_revision("HEAD~1")
    assert is_revision(repo.git("rev-parse", "HEAD").strip())
    assert not is_revision("HEAD~5")
    assert not is_revision("--all")
    assert not is_revision("")


def test_changed_files_names_every_kind_of_change(repo: Repo) -> None:
    repo.write("versions/other.akn.xml", "<x/>")
    repo.write("versions/gone.akn.xml", "<y/>")
    repo.write("elsewhere.akn.xml", "<z/>")
    repo.commit("More files")
    repo.git("mv", TEXT_FILE, "versions/renamed.akn.xml")
    repo.edit("versions/renamed.akn.xml", "root causes", "causes")
    repo.write("versions/other.akn.xml", "<x>changed</x>")
    (repo.root / "versions/gone.akn.xml").unlink()
    repo.write("versions/untracked.akn.xml", "<new/>")
    repo.write("elsewhere.akn.xml", "<not under versions/>")
    assert changed_files("HEAD", ["versions"]) == (
        FileChange(Status.DELETED, "versions/gone.akn.xml", "versions/gone.akn.xml"),
        FileChange(Status.MODIFIED, "versions/other.akn.xml", "versions/other.akn.xml"),
        FileChange(Status.RENAMED, "versions/renamed.akn.xml", TEXT_FILE),
        FileChange(Status.ADDED, "versions/untracked.akn.xml", ""),
    )


def test_changed_files_paths_are_from_the_root(repo: Repo) -> None:
    repo.write("versions/new.akn.xml", "<x/>")
    assert changed_files("HEAD~1", ["."], repo.root / "versions") == (
        FileChange(Status.ADDED, "versions/new.akn.xml", ""),
        FileChange(Status.MODIFIED, TEXT_FILE, TEXT_FILE),
    )


def test_changed_files_refuses_a_bad_base(repo: Repo) -> None:
    with pytest.raises(InputError, match="'nosuch' is not a revision"):
        changed_files("nosuch", [])


def test_diff_reads_revisions(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", f"HEAD~1:{TEXT_FILE}", TEXT_FILE, "-q", "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "[-aims at overcoming-]{+seeks to overcome+}" in out
    assert main(["diff", f"HEAD:{TEXT_FILE}", TEXT_FILE, "-q"]) == 0


def test_diff_of_a_missing_revision_path_is_one_line(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "HEAD:versions/missing.akn.xml", TEXT_FILE]) == 2
    err = capsys.readouterr().err
    assert err == (
        "redline: HEAD:versions/missing.akn.xml: 'versions/missing.akn.xml' "
        "does not exist in revision HEAD\n"
    )


def test_redline_text_as_textconv_driver(repo: Repo) -> None:
    command = shlex.quote(str(Path(sys.executable).parent / "redline"))
    repo.write(".gitattributes", "*.akn.xml diff=akn\n")
    repo.git("config", "diff.akn.textconv", f"{command} text")
    patch = repo.git("diff", "HEAD~1", "HEAD", "--", TEXT_FILE)
    assert f"-1. {ART_2_OLD}" in patch
    assert f"+1. {ART_2_NEW}" in patch
    assert "Article 2" in patch
    assert "<p>" not in patch
    log = repo.git("log", "-p", "-1", "--format=%s")
    assert log.startswith("Edit Article 2(1)")
    assert f"+1. {ART_2_NEW}" in log


def test_without_textconv_git_shows_xml(repo: Repo) -> None:
    """The control for the test above: the readable text comes from the driver."""
    patch = subprocess.run(
        ["git", "diff", "HEAD~1", "HEAD"], cwd=repo.root, capture_output=True, text=True, check=True
    ).stdout
    assert "<p>" in patch
