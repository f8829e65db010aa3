"""``redline check`` says plainly what it found: a file where a redline folder should be,
a draft removed from the repository, a note about the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from git_repo import ART_2_NEW, ART_2_OLD, TEXT_FILE, Repo, declaration_akn, isolate_git, make_repo
from git_repo import run_check as check


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository whose one commit holds the declaration; the current folder is its root."""
    isolate_git(monkeypatch, tmp_path / "home")
    made = make_repo(tmp_path / "repo", declaration_akn())
    monkeypatch.chdir(made.root)
    return made


@pytest.mark.parametrize("option", ["--html", "--pdf"])
def test_a_file_where_the_redline_folder_goes_is_one_line_before_any_output(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    in_the_way = tmp_path / "afile"
    in_the_way.write_text("keep me")
    code, out, err = check(capsys, "--base", "HEAD", option, str(in_the_way))
    assert (code, out) == (2, "")
    assert err == f"redline: {option} {in_the_way}: exists and is not a folder\n"
    code, out, err = check(capsys, "--base", "HEAD", option, str(in_the_way / "sub"))
    assert (code, out) == (2, "")
    assert (
        err == f"redline: {option} {in_the_way}/sub: cannot make it, {in_the_way} is not a folder\n"
    )
    assert in_the_way.read_text() == "keep me"


def test_a_draft_removed_from_the_repository_is_said_deleted(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("rm", "--quiet", TEXT_FILE)
    code, out, err = check(capsys, "--base", "HEAD")
    assert (code, err) == (0, "")
    headline = "1 AKN file checked against `HEAD`; 1 changed (1 deleted); no file left to validate"
    assert f"\n{headline}; every rule holds.\n" in out
    assert f"| `{TEXT_FILE}` | deleted | 22 provisions, all deleted | ok |" in out


def test_a_deleted_draft_beside_a_kept_one(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write("versions/other.akn.xml", declaration_akn())
    repo.commit("A second text")
    repo.git("rm", "--quiet", TEXT_FILE)
    code, out, _ = check(capsys, "--base", "HEAD")
    assert code == 0
    assert "2 AKN files checked against `HEAD`; 1 changed (1 deleted); all valid;" in out


def test_a_note_on_the_whole_check_says_redline(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("redline.toml", '[check]\nfrozen = ["art_2"]\n')
    repo.commit("Freeze Article 2")
    (repo.root / "redline.toml").unlink()
    code, _, err = check(capsys, "--base", "HEAD", "-q")
    assert code == 0
    assert err.startswith("redline: note: redline.toml changed since HEAD: "), err
