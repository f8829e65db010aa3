"""``redline history --git FILE`` over real repositories whose file was deleted, restored,
renamed away or committed without a change of content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, THREE
from git_repo import Repo, isolate_git, make_repo
from redline.cli import cli

V1, V2, V3 = (Path(ROOT / name).read_bytes() for name in THREE)
FILE = "versions/solidarity.akn.xml"


def history(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["history", *args])
    return result.exit_code, result.stdout, result.stderr


def inputs(out: str) -> list[str]:
    """The ``REV:path`` names of the versions in a JSON history, without the hashes."""
    return [v["input"].partition(":")[2] or v["input"] for v in json.loads(out)["versions"]]


def labels(out: str) -> list[str]:
    return [v["version_label"] for v in json.loads(out)["versions"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository holding the 2014 text at `FILE`, then revision A: two commits."""
    isolate_git(monkeypatch, tmp_path / "home")
    made = make_repo(tmp_path / "repo", V1)
    made.write(FILE, V2)
    made.commit("Revision A")
    return made


def test_a_file_renamed_away_gives_its_versions_under_the_old_name(repo: Repo):
    repo.git("mv", FILE, "versions/declaration.akn.xml")
    repo.commit("Rename")
    repo.write("versions/declaration.akn.xml", V3)
    repo.commit("Revision B")
    code, out, err = history("--git", str(repo.root / FILE), "-f", "json")
    assert code == 1, err
    assert inputs(out) == [FILE, FILE]
    assert labels(out) == ["preliminary text", "revision A (illustrative)"]


def test_a_file_removed_and_added_again_gives_its_real_versions(repo: Repo):
    repo.git("rm", "--quiet", FILE)
    repo.commit("Withdraw the draft")
    repo.write(FILE, V3)
    repo.commit("Table revision B")
    code, out, err = history("--git", str(repo.root / FILE), "-f", "json")
    assert code == 1, err
    assert len(json.loads(out)["versions"]) == 3
    assert labels(out)[-1] == "revision B (illustrative, made by the tests)"


def test_a_file_restored_unchanged_is_not_a_new_version(repo: Repo):
    repo.git("rm", "--quiet", FILE)
    repo.commit("Withdraw the draft")
    repo.write(FILE, V2)
    repo.commit("Restore it")
    code, out, err = history("--git", str(repo.root / FILE), "-f", "json")
    assert code == 1, err
    assert labels(out) == ["preliminary text", "revision A (illustrative)"]


def test_a_rename_only_commit_is_folded(repo: Repo):
    repo.git("mv", FILE, "versions/declaration.akn.xml")
    repo.commit("Rename")
    repo.write("versions/declaration.akn.xml", V3)
    repo.commit("Revision B")
    code, out, err = history("--git", str(repo.root / "versions/declaration.akn.xml"), "-f", "json")
    assert code == 1, err
    assert inputs(out) == [FILE, FILE, "versions/declaration.akn.xml"]


def test_a_mode_change_is_not_a_new_version(repo: Repo):
    (repo.root / FILE).chmod(0o755)
    repo.commit("Make it executable")
    code, out, err = history("--git", str(repo.root / FILE), "-f", "json")
    assert code == 1, err
    assert labels(out) == ["preliminary text", "revision A (illustrative)"]


def test_a_path_that_never_existed_says_so(repo: Repo):
    path = repo.root / "versions/nosuch.akn.xml"
    code, out, err = history("--git", str(path))
    assert code == 2 and out == ""
    assert err == f"redline: {path}: no such file in any revision\n"
