"""``redline history`` end to end: inputs of every kind, outputs, options and exit codes."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT, THREE
from git_repo import Repo, isolate_git, make_repo
from redline.cli import cli, main
from redline.history.json import schema
from redline.history.lineage import build_history
from redline.read.sources import load_document

FILES = [str(ROOT / name) for name in THREE]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["history", *args])
    return result.exit_code, result.stdout, result.stderr


def test_three_versions_print_the_table_of_provisions_and_exit_1():
    code, out, err = run(*FILES)
    assert code == 1, err
    assert "v2 -> v3: 91 unchanged, 4 modified, 10 renumbered, 1 moved, 1 merged, 3 deleted" in out
    row = ["Article 13", "Article 14 (modified)", "Article 13 (renumbered)"]
    assert row in [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()]
    opening = "Preamble, recital beginning 'Considering that in development forums…'"
    assert [opening, f"{opening} (moved)", f"{opening} (unchanged)"] in [
        re.split(r"\s{2,}", line.strip()) for line in out.splitlines()
    ]


def test_the_same_version_twice_is_exit_0():
    code, out, _ = run(FILES[1], FILES[1])
    assert code == 0
    assert "Article 14" in out


def test_json_output_from_the_extension_is_valid(tmp_path: Path):
    target = tmp_path / "history.json"
    code, out, _ = run(*FILES, "-o", str(target))
    assert code == 1 and out == ""
    record = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(record, schema())
    assert [v["input"] for v in record["versions"]] == FILES


def test_a_folder_is_read_in_natural_order(tmp_path: Path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name, source in zip(("v1.xml", "v2.xml", "v10.xml"), FILES, strict=True):
        shutil.copy(source, folder / name)
    code, out, _ = run(str(folder), "-f", "json")
    assert code == 1
    names = [Path(v["input"]).name for v in json.loads(out)["versions"]]
    assert names == ["v1.xml", "v2.xml", "v10.xml"]


def test_provision_in_markdown_and_chosen_columns():
    code, out, _ = run(*FILES, "-f", "md", "--provision", "1:art_8__para_2", "--columns", "1,N")
    assert code == 1
    assert out.startswith("# Article 8(2) (art\\_8\\_\\_para\\_2) across 2 versions")
    assert "## v3 revision B" in out and "## v2 " not in out


def test_html_of_one_provision_has_one_row(tmp_path: Path):
    target = tmp_path / "art.html"
    code, _, _ = run(*FILES, "--provision", "art_11", "-o", str(target))
    assert code == 1
    assert target.read_text(encoding="utf-8").count("<tr id=") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--columns", "0,2"], "--columns: '0' is not a version number from 1 to 3 (or N)"),
        (["--columns", "1,1"], "names a version twice"),
        (["--provision", "art_99"], "no provision with eId 'art_99' in any version"),
        (["--provision", "7:art_1"], "no version 7"),
    ],
)
def test_bad_options_are_one_line_errors_with_exit_2(tmp_path: Path, args: list[str], message: str):
    target = tmp_path / "out.html"
    code, _, err = run(*FILES, *args, "-o", str(target))
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_a_missing_version_is_exit_2_and_writes_nothing(tmp_path: Path):
    target = tmp_path / "out.json"
    code, _, err = run(FILES[0], str(tmp_path / "absent.xml"), "-o", str(target))
    assert code == 2
    assert "absent.xml: no such file" in err
    assert not target.exists()


def test_one_version_is_a_usage_error():
    code, _, err = run(FILES[0])
    assert code == 2
    assert "at least two versions" in err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository where one file went through the three versions, one commit each."""
    isolate_git(monkeypatch, tmp_path / "home")
    made = make_repo(tmp_path / "repo", Path(FILES[0]).read_bytes())
    for source, message in zip(FILES[1:], ("Revision A", "Revision B"), strict=True):
        made.write("versions/solidarity.akn.xml", Path(source).read_bytes())
        made.commit(message)
    return made


def test_git_gives_every_revision_of_one_file_oldest_first(repo: Repo, tmp_path: Path):
    code, out, err = run("--git", str(repo.root / "versions/solidarity.akn.xml"), "-f", "json")
    assert code == 1, err
    record = json.loads(out)
    labels = [v["version_label"] for v in record["versions"]]
    assert labels == ["preliminary text", "revision A (illustrative)",
                      "revision B (illustrative, made by the tests)"]  # fmt: skip
    assert all(v["input"].endswith(":versions/solidarity.akn.xml") for v in record["versions"])
    by_id = {lin["id"]: lin for lin in record["lineages"]}
    assert [s["kind"] for s in by_id["art_8__para_2"]["steps"]] == ["moved", "moved"]


def test_git_adds_the_working_copy_when_it_differs(repo: Repo, monkeypatch: pytest.MonkeyPatch):
    repo.edit("versions/solidarity.akn.xml", "Preventive solidarity", "Anticipatory solidarity")
    monkeypatch.chdir(repo.root / "versions")
    code, out, _ = run("--git", "solidarity.akn.xml", "-f", "json")
    assert code == 1
    inputs = [v["input"] for v in json.loads(out)["versions"]]
    assert len(inputs) == 4 and inputs[-1] == "solidarity.akn.xml"


def test_git_revisions_as_rev_path(repo: Repo, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(repo.root)
    path = "versions/solidarity.akn.xml"
    code, out, _ = run(f"HEAD~2:{path}", f"HEAD~1:{path}", f"HEAD:{path}", "--columns", "1,3")
    assert code == 1
    assert "Article 14 (modified)" not in out and "Article 13 (modified)" in out


def test_git_on_a_file_that_was_never_committed(repo: Repo):
    repo.write("versions/new.akn.xml", Path(FILES[0]).read_bytes())
    code, _, err = run("--git", str(repo.root / "versions/new.akn.xml"))
    assert code == 2
    assert "no git revision of this file" in err


def test_git_on_a_file_with_one_revision_says_so(repo: Repo):
    text = Path(FILES[0]).read_bytes().replace(b"solidarity", b"cooperation")
    repo.write("once.akn.xml", text)  # nothing like the other file: no rename to follow
    repo.commit("One version")
    code, _, err = run("--git", str(repo.root / "once.akn.xml"))
    assert code == 2
    assert err.count("\n") == 1, err
    assert "once.akn.xml: one git revision and no uncommitted change" in err


def test_git_and_versions_together_is_a_usage_error(repo: Repo):
    code, _, err = run("--git", str(repo.root / "versions/solidarity.akn.xml"), FILES[0])
    assert code == 2 and "not both" in err


def test_progress_hears_each_pair():
    heard: list[tuple[str, int, int]] = []
    documents = [load_document(name) for name in FILES]
    build_history(documents, FILES, progress=lambda *event: heard.append(event))
    assert heard == [("comparing versions", n, 2) for n in (0, 1, 2)]


def test_redlines_link_each_provision_to_its_row_of_the_table(tmp_path: Path):
    table = tmp_path / "history.html"
    code, out, _ = run(*FILES, "-o", str(table), "--redlines", str(tmp_path / "pairs"))
    assert code == 1
    pages = [Path(line) for line in out.splitlines()]
    assert [p.name for p in pages] == [
        "solidarity-2014--solidarity-revision-A.html",
        "solidarity-revision-A--solidarity-revision-B.html",
    ]
    rows = {tr.get("id") for tr in parse(table.read_bytes()).iter("tr") if tr.get("id")}
    page = parse(pages[1].read_bytes())
    links = [a.get("href") for a in page.iter("a") if a.get("class") == "rl-history-link"]
    assert len(links) == 25  # 24 provisions of revision B and the deleted Article 3
    assert all(href.startswith("../history.html#") for href in links)
    assert {href.partition("#")[2] for href in links} <= rows
    assert "../history.html#h-v2-art_3" in links


def test_history_links_add_no_words_to_the_redline():
    from redline.history.links import add_history_links
    from redline.renderers import RenderOptions
    from redline.renderers.html.page import build_page

    documents = [load_document(name) for name in FILES]
    history = build_history(documents, FILES)
    plain = build_page(history.comparisons[1], RenderOptions())
    linked = build_page(history.comparisons[1], RenderOptions())
    assert add_history_links(linked, history, 1, "h.html") == 25
    words = ["".join(page.find(".//main").itertext()) for page in (plain, linked)]
    assert words[0] == words[1]


def test_redlines_need_an_html_table_file():
    code, _, err = run(*FILES, "--redlines", "x")
    assert code == 2 and "--redlines links to the HTML table" in err


def test_a_file_in_the_way_of_redlines_is_refused_before_the_table_is_written(tmp_path: Path):
    table, in_the_way = tmp_path / "table.html", tmp_path / "pairs"
    in_the_way.write_text("keep me")
    code, out, err = run(*FILES, "-o", str(table), "--redlines", str(in_the_way), "-q")
    assert (code, out) == (2, "")
    assert err == f"redline: --redlines {in_the_way}: exists and is not a folder\n"
    assert not table.exists() and in_the_way.read_text() == "keep me"


def parse(page: bytes) -> etree._Element:
    """A page written by redline (doctype line, then XML-compatible HTML)."""
    return etree.fromstring(page.split(b"\n", 1)[1])


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_and_erased(monkeypatch: pytest.MonkeyPatch):
    import redline.progress

    screen = _Terminal()
    real = redline.progress.for_terminal
    monkeypatch.setattr(redline.progress, "for_terminal", lambda quiet: real(quiet, screen))
    code, _, _ = run(*FILES, "-f", "json")
    assert code == 1
    shown = screen.getvalue()
    assert "redline: reading versions" in shown and "redline: comparing versions" in shown
    assert shown.endswith("\r\x1b[K")
    screen.truncate(0)
    run(*FILES, "-f", "json", "-q")
    assert screen.getvalue().strip("\x00") == ""


def test_git_follows_a_renamed_file(repo: Repo):
    repo.git("mv", "versions/solidarity.akn.xml", "versions/declaration.akn.xml")
    repo.commit("Rename")
    code, out, err = run("--git", str(repo.root / "versions/declaration.akn.xml"), "-f", "json")
    assert code == 1, err
    inputs = [v["input"].partition(":")[2] for v in json.loads(out)["versions"]]
    assert inputs == ["versions/solidarity.akn.xml"] * 3  # the rename alone is no new version


def test_history_says_what_the_readers_of_its_versions_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two pasted versions that differ only in their skipped cover read alike in the
    table; stderr says what each reader skipped, as `diff` does."""
    text = (ROOT / "versions" / "solidarity-2014.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("Le présent rapport contient", "Ce rapport contient"),
                      encoding="utf-8")  # fmt: skip
    assert main(["history", str(first), str(second), "-o", str(tmp_path / "h.txt")]) == 0
    err = capsys.readouterr().err
    assert "redline: warning: in reading version 1: skipped lines 1-28 (176 words)" in err
    assert "redline: warning: in reading version 2: skipped lines 1-28 (175 words)" in err
    out = tmp_path / "h.json"  # and in JSON, with each version
    assert main(["history", str(first), str(second), "-o", str(out), "-q"]) == 0
    versions = json.loads(out.read_text(encoding="utf-8"))["versions"]
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema())
    assert "skipped lines 1-28 (175 words): before the title" in versions[1]["warnings"]
    capsys.readouterr()
