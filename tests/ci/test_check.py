"""``redline check``: validation, comparison with a base revision and the rules of
``redline.toml``, run against real git repositories."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from git_repo import ART_2_NEW, ART_2_OLD, TEXT_FILE, Repo, declaration_akn, isolate_git, make_repo
from git_repo import run_check as _check
from redline.ci.check import CheckConfig, CheckReport, run_check
from redline.ci.policy import Policy, Rule, read_policy
from redline.errors import UsageError
from redline.read.git import Status

DATA = Path(__file__).parents[1] / "data" / "akn"
NEW_ARTICLE_13 = """<article eId="art_13">
          <num>Article 13</num>
          <paragraph eId="art_13__para_1">
            <num>1.</num>
            <content>
              <p>States shall report on their solidarity every second year.</p>
            </content>
          </paragraph>
        </article>
        """


@pytest.fixture(scope="module")
def akn() -> bytes:
    return declaration_akn()


@pytest.fixture
def repo(tmp_path: Path, akn: bytes, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository whose one commit holds the declaration; the current folder is its root."""
    isolate_git(monkeypatch, tmp_path / "home")
    made = make_repo(tmp_path / "repo", akn)
    monkeypatch.chdir(made.root)
    return made


def _rules(repo: Repo, text: str) -> None:
    """Commit `text` as the rules: a check against a later base applies them."""
    repo.write("redline.toml", text)
    repo.commit("Rules")


def _edit_article_2(repo: Repo) -> None:
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    repo.commit("Edit Article 2(1)")


def _new_expression(repo: Repo) -> None:
    """Give the declaration a new version date (FRBR expression URI and date)."""
    text = (repo.root / TEXT_FILE).read_text(encoding="utf-8")
    date = re.search(r'date="([0-9-]+)" name="version"', text)
    assert date is not None
    repo.edit(TEXT_FILE, f"eng@{date[1]}", "eng@2099-12-31")
    repo.edit(TEXT_FILE, date[0], 'date="2099-12-31" name="version"')


def test_clean_edit_passes_and_the_summary_shows_the_words(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_article_2(repo)
    code, out, err = _check(capsys, "--base", "HEAD~1")
    assert err == ""
    assert code == 0
    assert "1 AKN file checked against `HEAD~1`; 1 changed; all valid; every rule holds." in out
    assert f"| `{TEXT_FILE}` | modified | Article 2: modified | ok |" in out
    assert "| Article 2 | Article 2 | modified |" in out
    assert "#### Article 2: modified" in out
    assert "Article 2(1): modified" in out
    assert "~~aims at overcoming~~**seeks to overcome**" in out


def test_without_a_base_only_validates(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, out, _ = _check(capsys)
    assert code == 0
    assert "1 AKN file checked; all valid." in out
    assert f"| `{TEXT_FILE}` | ok |" in out
    assert "Article 2" not in out


def test_frozen_provision_edited_fails_naming_it(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    _rules(repo, '[check]\nfrozen = ["art_1", "art_2"]\n')
    _edit_article_2(repo)
    code, out, err = _check(capsys, "--base", "HEAD~1")
    assert code == 1
    assert err == (
        f"{TEXT_FILE}: frozen provision art_2 (Article 2) was modified: "
        "Article 2(1) (art_2__para_1) modified (rule: frozen)\n"
    )
    assert "**1 rule violated**" in out
    assert "### Rules violated" in out


def test_frozen_covers_descendants_and_is_matched_per_file(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("versions/other.akn.xml", declaration_akn())
    _rules(
        repo,
        f'[check.files."{TEXT_FILE}"]\nfrozen = ["art_3__list_1", "art_9"]\n'
        '[check.files."versions/other.akn.xml"]\nfrozen = ["art_2"]\n',
    )
    repo.edit(TEXT_FILE, "Transnational advocacy networks", "Transnational networks")
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, _, err = _check(capsys, "--base", "HEAD")
    assert code == 1
    assert err == (
        f"{TEXT_FILE}: frozen provision art_3__list_1 (Article 3) was modified: "
        "Article 3(c) (art_3__list_1__point_c) modified (rule: frozen)\n"
    )


def test_frozen_elsewhere_does_not_fail(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    _rules(repo, '[check]\nfrozen = ["art_1", "art_2__para_2"]\n')
    _edit_article_2(repo)
    assert _check(capsys, "--base", "HEAD~1")[0] == 0


def test_frozen_article_deleted(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    _rules(repo, '[check]\nfrozen = ["art_13"]\n')
    text = (repo.root / TEXT_FILE).read_text(encoding="utf-8")
    start, end = text.index('<article eId="art_13">'), text.index("</body>")
    repo.write(TEXT_FILE, text[:start] + "</part>\n    " + text[end:])
    code, _, err = _check(capsys, "--base", "HEAD")
    assert code == 1
    assert "frozen provision art_13 (Article 13) was deleted (rule: frozen)" in err


def test_paragraph_inserted_into_a_frozen_article(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    _rules(repo, '[check]\nfrozen = ["art_1"]\n')
    new = (
        '<paragraph eId="art_1__para_5"><num>5.</num><content>'
        "<p>States shall cooperate.</p></content></paragraph></article>"
    )
    text = (repo.root / TEXT_FILE).read_text(encoding="utf-8")
    repo.write(TEXT_FILE, text.replace("</article>", new, 1))
    code, _, err = _check(capsys, "--base", "HEAD")
    assert code == 1
    assert err == (
        f"{TEXT_FILE}: frozen provision art_1 (Article 1) was modified: "
        "Article 1(5) (art_1__para_5) inserted (rule: frozen)\n"
    )


def test_per_file_frozen_eid_that_names_nothing_is_an_error(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was a note, and the rule it meant to set was off."""
    _rules(repo, f'[check.files."{TEXT_FILE}"]\nfrozen = ["art_99"]\n')
    _edit_article_2(repo)
    code, _, err = _check(capsys, "--base", "HEAD~1")
    assert code == 2
    assert err == (
        f'redline: redline.toml: check.files."{TEXT_FILE}".frozen: eId art_99 is not in '
        f"{TEXT_FILE} (a typo would switch a rule off)\n"
    )


def test_stable_eids_violated(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    _rules(repo, "[check]\nstable_eids = true\n")
    repo.edit(TEXT_FILE, 'eId="art_2__para_1"', 'eId="art_2__para_1-2"')
    code, _, err = _check(capsys, "--base", "HEAD")
    assert code == 1
    assert err == (
        f"{TEXT_FILE}: provision art_2__para_1 (Article 2(1)) is unchanged but its eId "
        "became art_2__para_1-2 (rule: stable_eids)\n"
    )


def test_stable_eids_allow_renumbering(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    """A new Article 13 pushes the old one to 14: its paragraphs' eIds follow, rightly."""
    _rules(repo, "[check]\nstable_eids = true\n")
    repo.edit(TEXT_FILE, "Article 13<", "Article 14<")
    repo.edit(TEXT_FILE, 'eId="art_13', 'eId="art_14')
    repo.edit(TEXT_FILE, '<article eId="art_14">', NEW_ARTICLE_13 + '<article eId="art_14">')
    code, out, err = _check(capsys, "--base", "HEAD")
    assert err == ""
    assert code == 0
    assert "| Article 13 | Article 14 | renumbered |" in out
    assert "| — | Article 13 | inserted |" in out


def test_require_new_expression(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    _rules(repo, "[check]\nrequire_new_expression = true\n")
    repo.edit(TEXT_FILE, ART_2_OLD, ART_2_NEW)
    code, _, err = _check(capsys, "--base", "HEAD")
    assert code == 1
    assert "the text changed but the FRBR expression did not" in err
    assert err.endswith("(rule: require_new_expression)\n")
    _new_expression(repo)
    assert _check(capsys, "--base", "HEAD")[0] == 0


def test_new_expression_without_text_change_is_fine(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    _rules(repo, "[check]\nrequire_new_expression = true\n")
    repo.edit(
        TEXT_FILE, "<p>International solidarity is the", "<p>\n  International solidarity is the"
    )
    code, out, _ = _check(capsys, "--base", "HEAD")
    assert code == 0
    assert "no change in the text" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[check]\nfrozn = ["art_1"]\n', "unknown key check.frozn"),
        ('[chek]\nfrozen = ["art_1"]\n', "unknown key chek"),
        ('[check.files."a.akn.xml"]\nstable_eids = true\n', 'check.files."a.akn.xml".stable_eids'),
        ('[check]\nfrozen = "art_1"\n', "check.frozen must be a list of eIds"),
        ("[check]\nstable_eids = 1\n", "check.stable_eids must be true or false"),
        ("[check\n", "not valid TOML"),
    ],
)
def test_bad_policy_is_a_usage_error(
    repo: Repo, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    repo.write("redline.toml", content)
    code, _, err = _check(capsys)
    assert code == 2
    assert err.startswith("redline: redline.toml: ")
    assert message in err
    assert err.count("\n") == 1


def test_read_policy(tmp_path: Path) -> None:
    assert read_policy(tmp_path) == Policy()
    (tmp_path / "redline.toml").write_text(
        '[check]\nfrozen = ["art_1"]\nstable_eids = true\n'
        '[check.files."v/a.akn.xml"]\nfrozen = ["art_2", "art_1"]\n',
        encoding="utf-8",
    )
    policy = read_policy(tmp_path)
    assert policy.frozen_in("v/a.akn.xml") == ("art_1", "art_2")
    assert policy.frozen_in("v/b.akn.xml") == ("art_1",)
    assert (policy.stable_eids, policy.require_new_expression) == (True, False)


def test_not_well_formed_file_fails_naming_it(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (repo.root / TEXT_FILE).read_text(encoding="utf-8")
    repo.write(TEXT_FILE, text.replace("</article>", "", 1))
    code, out, err = _check(capsys, "--base", "HEAD")
    assert code == 1
    assert err.startswith(f"{TEXT_FILE}:")
    assert "Traceback" not in err + out
    assert "**invalid** (1 problem)" in out
    assert "Not compared" in out


def test_schema_invalid_file_fails_naming_it(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(TEXT_FILE, "<num>Article 2</num>", "<num>Article 2</num><bogus/>")
    repo.commit("Break the schema")
    code, _, err = _check(capsys)
    assert code == 1
    lines = err.splitlines()
    assert lines
    assert all(line.startswith(f"{TEXT_FILE}:") for line in lines)
    assert "schema: Element 'bogus': This element is not expected" in err


def test_a_gap_in_the_numbering_is_a_note_not_a_failure(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (repo.root / TEXT_FILE).read_text(encoding="utf-8")
    repo.write(TEXT_FILE, text.replace("<num>2.</num>", "<num>3.</num>", 1))
    repo.commit("Renumber a paragraph, leaving a gap")
    code, out, err = _check(capsys, "--base", "HEAD~1")
    assert code == 0
    (note,) = [line for line in err.splitlines() if "a gap in the numbering" in line]
    assert re.fullmatch(rf"{TEXT_FILE}: note: line [0-9]+: <paragraph> num '3\.' .*", note)
    assert "all valid" in out


def test_unreadable_base_version_is_a_note(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write(TEXT_FILE, "<akomaNtoso")
    repo.commit("Broken")
    repo.git("revert", "--no-edit", "HEAD")
    code, out, err = _check(capsys, "--base", "HEAD~1")
    assert code == 0
    assert "note: not compared: the version in HEAD~1 cannot be read" in err
    assert "### Notes" in out


def test_renamed_file_is_compared_with_its_old_self(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    _rules(repo, '[check.files."versions/solidarity.akn.xml"]\nfrozen = ["art_2"]\n')
    repo.git("mv", TEXT_FILE, "versions/declaration.akn.xml")
    repo.edit("versions/declaration.akn.xml", ART_2_OLD, ART_2_NEW)
    repo.commit("Rename and edit")
    report = run_check([], "HEAD~1", CheckConfig())
    (file,) = report.files
    assert (file.status, file.path, file.old_path) == (
        Status.RENAMED,
        "versions/declaration.akn.xml",
        TEXT_FILE,
    )
    assert [v.rule for v in file.violations] == [Rule.FROZEN]
    assert "renamed from `versions/solidarity.akn.xml`" in report.summary
    assert "~~aims at overcoming~~**seeks to overcome**" in report.summary


def test_added_untracked_and_deleted_files(repo: Repo, akn: bytes) -> None:
    repo.write("versions/copy.akn.xml", akn)
    repo.commit("A copy")
    (repo.root / TEXT_FILE).unlink()
    repo.write("versions/foreign.xml", (DATA / "foreign-act.xml").read_bytes())
    repo.write("versions/notes.xml", "<notes>not a legal text</notes>")
    report = run_check([], "HEAD", CheckConfig(policy=Policy(frozen=("art_1",))))
    assert [(f.path, f.status) for f in report.files] == [
        ("versions/copy.akn.xml", None),
        ("versions/foreign.xml", Status.ADDED),
        (TEXT_FILE, Status.DELETED),
    ]
    assert "New file: Example Act" in report.summary
    assert re.search(
        r"\| `versions/foreign.xml` \| added \| \d+ provisions, all new \| ok \|", report.summary
    )
    assert "22 provisions, all deleted" in report.summary
    assert [str(v) for v in report.files[2].violations] == [
        f"{TEXT_FILE}: frozen provision art_1 (Article 1) was deleted (rule: frozen)"
    ]


def test_paths_limit_the_check(repo: Repo, akn: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write("drafts/other.akn.xml", akn.replace(ART_2_OLD.encode(), ART_2_NEW.encode()))
    repo.write("drafts/broken.akn.xml", "<akomaNtoso")
    assert _check(capsys, "--base", "HEAD")[0] == 0
    code, out, _ = _check(capsys, "--base", "HEAD", "drafts/other.akn.xml", TEXT_FILE)
    assert code == 0
    assert "| `drafts/other.akn.xml` | added |" in out
    assert _check(capsys, "drafts")[0] == 1


def test_paths_from_a_subfolder_are_named_from_the_root(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit_article_2(repo)
    monkeypatch.chdir(repo.root / "versions")
    code, out, _ = _check(capsys, "--base", "HEAD~1", "solidarity.akn.xml")
    assert code == 0
    assert f"| `{TEXT_FILE}` | modified |" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "nosuch"], "redline: --base 'nosuch' is not a revision"),
        (["--base", "HEAD~3"], "redline: --base 'HEAD~3' is not a revision"),
        (["missing.akn.xml"], "redline: no such file or folder: missing.akn.xml"),
        (["--bogus"], "No such option '--bogus'"),
    ],
)
def test_usage_errors_exit_2(
    repo: Repo, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _check(capsys, *args)
    assert code == 2
    assert message in err
    assert out == ""


def test_not_in_a_git_repository(
    tmp_path: Path, akn: bytes, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    (tmp_path / "versions").mkdir()
    (tmp_path / "versions" / "a.akn.xml").write_bytes(akn)
    monkeypatch.chdir(tmp_path)
    code, _, err = _check(capsys, "--base", "HEAD")
    assert code == 2
    assert err == f"redline: not in a git repository: {tmp_path.resolve()}\n"
    assert _check(capsys)[0] == 0  # without a base, validating needs no git


def test_no_versions_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    monkeypatch.chdir(tmp_path)
    code, _, err = _check(capsys)
    assert code == 2
    assert "no such file or folder: versions" in err


def test_summary_to_a_file_and_to_github(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    step_summary = tmp_path / "step-summary.md"
    step_summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step_summary))
    _edit_article_2(repo)
    code, out, _ = _check(capsys, "--base", "HEAD~1", "-o", str(tmp_path / "summary.md"))
    assert (code, out) == (0, "")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## redline check\n")
    assert step_summary.read_text(encoding="utf-8") == f"earlier step\n{summary}\n"
    assert _check(capsys, "--base", "HEAD~1", "-q")[:2] == (0, "")


def test_html_redlines(repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if importlib.util.find_spec("redline.renderers.html.page") is None:
        pytest.skip("the HTML renderer is not there yet")
    _edit_article_2(repo)
    code, _, _ = _check(capsys, "--base", "HEAD~1", "--html", str(tmp_path / "out"))
    assert code == 0
    page = (tmp_path / "out" / "versions--solidarity.html").read_text(encoding="utf-8")
    assert "seeks to overcome" in page
    assert _check(capsys, "--base", "HEAD", "--html", str(tmp_path / "none"))[0] == 0
    assert list((tmp_path / "none").iterdir()) == []


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")  # WeasyPrint's, not ours
def test_pdf_redlines(repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for module in ("redline.renderers.pdf", "weasyprint"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not there yet")
    _edit_article_2(repo)
    code, _, err = _check(capsys, "--base", "HEAD~1", "--pdf", str(tmp_path / "pdf"))
    assert err == ""
    assert code == 0
    assert (tmp_path / "pdf" / "versions--solidarity.pdf").read_bytes().startswith(b"%PDF")


def test_report_is_ok_unless_problems_or_violations() -> None:
    assert CheckReport(None, ()).ok


def test_run_check_raises_usage_errors(repo: Repo) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        run_check(["nowhere"], None, CheckConfig())


def test_end_to_end_with_the_installed_command(repo: Repo) -> None:
    """The reviewer's view: the last commit edited one article."""
    _edit_article_2(repo)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "redline"), "check", "--base", "HEAD~1"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "Article 2(1): modified" in done.stdout
    assert "~~aims at overcoming~~**seeks to overcome**" in done.stdout
