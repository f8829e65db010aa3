"""``redline check`` cannot be fooled by the change it judges.

One test per way a review found to get past the gate: rules lifted by the pull request
itself, typos that switch rules off, names that forge CI lines or break the summary,
links and submodules that lead the check elsewhere, artifacts that overwrite each
other, a summary too big for GitHub.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from git_repo import ART_2_NEW, ART_2_OLD, TEXT_FILE, Repo, declaration_akn, isolate_git, make_repo
from git_repo import run_check as check
from redline.ci.check import STEP_SUMMARY_LIMIT, append_summary

FROZEN = '[check]\nfrozen = ["art_2"]\n'
VIOLATION = "frozen provision art_2 (Article 2) was modified"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """The declaration with Article 2 frozen, committed; the current folder is its root."""
    isolate_git(monkeypatch, tmp_path / "home")
    made = make_repo(tmp_path / "repo", declaration_akn())
    made.write("redline.toml", FROZEN)
    made.commit("Freeze Article 2")
    monkeypatch.chdir(made.root)
    return made


def assert_no_forged_line(text: str) -> None:
    for line in re.split(r"\r\n|\r|\n", text):
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


@pytest.mark.parametrize(
    "lift",
    ["delete", "empty", "folder", "dangling link"],
)
def test_the_change_cannot_lift_the_rules(
    repo: Repo, capsys: pytest.CaptureFixture[str], lift: str
) -> None:
    """The rules come from the base: deleting or emptying them in the change does nothing."""
    rules = repo.root / "redline.toml"
    rules.unlink()
    if lift == "empty":
        rules.write_text("[check]\nfrozen = []\n")
    elif lift == "folder":
        rules.mkdir()
    elif lift == "dangling link":
        rules.symlink_to("nowhere.toml")
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, out, err = check(capsys, "--base", "HEAD")
    assert code == 1
    assert VIOLATION in err
    assert "note: redline.toml changed since HEAD: this check applies the rules of HEAD" in err
    assert "redline.toml changed since HEAD" in out


def test_rules_from_the_worktree_on_request(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    (repo.root / "redline.toml").write_text("[check]\nfrozen = []\n")
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    assert check(capsys, "--base", "HEAD", "--rules-from", "worktree")[0] == 0


def test_a_rules_file_that_is_not_a_file_is_refused(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "redline.toml").unlink()
    (repo.root / "redline.toml").mkdir()
    code, _, err = check(capsys)
    assert code == 2
    assert err == (
        "redline: redline.toml: not a regular file (a folder or a link); the rules must be a file\n"
    )


def test_rules_with_a_byte_order_mark_are_read(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("redline.toml", "\ufeff" + FROZEN)
    repo.commit("BOM")
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, _, err = check(capsys, "--base", "HEAD")
    assert code == 1
    assert VIOLATION in err


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ('[check]\nfrozen = ["art1"]\n', "check.frozen: eId art1 is in no file checked"),
        (
            '[check.files."versions/solidarity.akn.xm"]\nfrozen = ["art_2"]\n',
            'check.files."versions/solidarity.akn.xm" names no file',
        ),
        (
            f'[check.files."./{TEXT_FILE}"]\nfrozen = ["art_2"]\n',
            f'check.files."./{TEXT_FILE}" names no file (paths are from the repository root,'
            " without ./)",
        ),
    ],
)
def test_typos_in_the_rules_are_errors(
    repo: Repo, capsys: pytest.CaptureFixture[str], rules: str, message: str
) -> None:
    repo.write("redline.toml", rules)
    repo.commit("Rules with a typo")
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, _, err = check(capsys, "--base", "HEAD")
    assert code == 2
    assert err == f"redline: redline.toml: {message} (a typo would switch a rule off)\n"


def test_a_file_name_cannot_forge_lines_or_break_the_table(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "versions/x\n::error::forged\r::warning::cr | pipe.akn.xml"
    repo.write(name, declaration_akn().replace(ART_2_OLD.encode(), ART_2_NEW.encode()))
    code, out, err = check(capsys, "--base", "HEAD")
    assert code == 0, err
    assert_no_forged_line(out + err)
    rows = [
        line for line in out.splitlines() if line.startswith("| ") and "x\\\\n" in line
    ]  # Markdown for x\\n
    assert len(rows) == 1
    assert rows[0].count(" | ") == 3  # four cells: no '|' of the name splits one


def test_a_file_name_that_is_not_utf8_is_checked(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """It crashed the check ("internal error ... UnicodeDecodeError")."""
    path = os.fsencode(repo.root / "versions") + b"/caf\xe9.akn.xml"
    Path(os.fsdecode(path)).write_bytes(declaration_akn())
    code, out, err = check(capsys, "--base", "HEAD")
    assert code == 0, err
    assert "caf\\\\xe9.akn.xml" in out  # Markdown for caf\\xe9
    assert "internal error" not in err


def test_a_symlinked_versions_folder_leading_out_is_not_followed(
    repo: Repo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With ``versions -> /`` the check walked the whole disk."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.akn.xml").write_bytes(declaration_akn())
    repo.git("rm", "-r", "--quiet", "versions")
    (repo.root / "versions").symlink_to(outside)
    code, _, err = check(capsys)
    assert code == 2
    assert "versions is outside the repository" in err
    assert "secret" not in err


def test_a_symlinked_folder_inside_versions_is_not_entered(
    repo: Repo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (repo.root / "versions" / "root").symlink_to("/")
    code, out, err = check(capsys)
    assert code == 0, err
    assert "versions/root: a symbolic link to a folder; not followed" in err
    assert "1 AKN file checked" in out


def test_a_submodule_under_versions_is_skipped_with_a_note(
    repo: Repo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A submodule aborted the whole check."""
    other = make_repo(tmp_path / "other", declaration_akn())
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "--quiet",
             str(other.root), "versions/sub")  # fmt: skip
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, _, err = check(capsys, "--base", "HEAD~0")
    assert code == 1, err
    assert VIOLATION in err
    assert "versions/sub: a submodule or nested repository; skipped" in err
    repo.commit("Add a submodule")
    code, _, err = check(capsys, "--base", "HEAD~1")
    assert VIOLATION in err
    assert "submodule" in err


def test_colliding_artifact_names_do_not_overwrite(
    repo: Repo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    edited = declaration_akn().replace(ART_2_OLD.encode(), ART_2_NEW.encode())
    repo.write("versions/a--b.akn.xml", edited)
    repo.write("versions/a/b.akn.xml", edited.replace(b"seeks to", b"tries to"))
    code, _, err = check(capsys, "--base", "HEAD", "-q", "--html", str(tmp_path / "html"))
    assert code == 0, err
    pages = sorted((tmp_path / "html").glob("*.html"))
    assert len(pages) == 2
    assert b"tries to" in b"".join(page.read_bytes() for page in pages)


def test_a_huge_summary_is_cut_under_githubs_limit(tmp_path: Path) -> None:
    step = tmp_path / "step.md"
    step.write_text("earlier step output\n")
    summary = "".join(f"| row {n} | modified |\n" for n in range(100_000))
    append_summary(step, summary, "check-summary.md")
    written = step.read_bytes()
    assert len(written) <= STEP_SUMMARY_LIMIT
    assert written.startswith(b"earlier step output\n| row 0 |")
    assert written.rstrip().endswith(b"the whole summary is in `check-summary.md` (-o).")
    small = tmp_path / "small.md"
    append_summary(small, "## redline check\n")
    assert small.read_text() == "## redline check\n\n"
