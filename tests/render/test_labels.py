"""One labelling rule in every output, on the bundled drafts (old Article 8(2) became
Article 11(3) while old Article 8 became Article 9; two recitals moved).

Each format is asked for the same facts: the old place names the new number ("moved,
now"), the new place the old one ("moved from old"), with where the old container went;
renumbered provisions say "old"; unnumbered recitals are named by their opening words.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from lxml import etree

import redline
from git_repo import TEXT_FILE, Repo, declaration_akn, isolate_git, make_repo
from redline.changes import Change, ChangeKind, CompareOptions, Comparison, Place, Side
from redline.cli import main
from redline.comparison.flatten import flatten, recital_openings
from redline.model import Document, Metadata, Unit
from redline.renderers import RenderOptions, labels
from redline.renderers.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "versions" / "solidarity-2014.akn.xml"
NEW = ROOT / "versions" / "solidarity-revision-A.akn.xml"

AWAY = "old Article 8(2): moved, now Article 11(3)"
HERE = "Article 11(3): moved from old Article 8(2) (old Article 8 is now Article 9)"
RENUMBERED = "Article 4 (old Article 3): modified"
CONSIDERING = "Preamble, recital beginning 'Considering that in development forums…'"
REITERATING = "Preamble, recital beginning 'Reiterating the commitment of States…'"
REITERATING_NOW = "Preamble, recital beginning 'Reiterating further the commitment of…'"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return redline.compare(redline.load(str(OLD)), redline.load(str(NEW)))


def _text(comparison: Comparison, fmt: str) -> str:
    return redline.render(comparison, fmt).decode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_text_and_markdown_name_both_places_of_the_move(comparison: Comparison, fmt: str) -> None:
    out = _text(comparison, fmt)
    assert AWAY in out
    assert HERE in out
    assert RENUMBERED in out
    assert f"{REITERATING_NOW}: moved from Preamble, old recital beginning 'Reiterating the" in out
    assert "(was " not in out and "moved to " not in out
    assert "Preamble, paragraph" not in out, "the declaration's recitals carry no numbers"


def test_html_notes_link_the_two_places_both_ways(comparison: Comparison) -> None:
    for layout in ("inline", "side-by-side"):
        page = redline.render(comparison, "html", RenderOptions(layout=layout))
        root = etree.fromstring(page, etree.HTMLParser())
        notes = {a.get("data-label"): a for a in root.iter("a") if a.get("class") == "rl-label"}
        away = notes["moved, now Article 11(3)"]
        here = notes["moved from old Article 8(2) (old Article 8 is now Article 9)"]
        for note, other in ((away, here), (here, away)):
            target = root.find(f".//*[@id='{note.get('href')[1:]}']")
            assert target is not None, layout
            # the link leads to the element (row) that holds the other note
            assert other in target.iter("a"), layout
        recital = notes[f"moved from {REITERATING.replace('Preamble, ', 'Preamble, old ')}"]
        assert recital.get("href") == "#old-preamble__recs_1__rec_9"
        # same opening words: the note says where the recital stood and stands
        assert "moved here (formerly the 5th recital)" in notes
        assert "moved away (now the 9th recital)" in notes


def test_pdf_shows_the_notes_and_nests_articles(comparison: Comparison) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(comparison, RenderOptions())))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "moved, now Article 11(3)" in text
    assert "moved from old Article 8(2) (old Article 8 is now Article 9)" in text
    # the outline follows the nesting: the articles sit under their part
    top = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert top == ["Summary of changes", "I. Preambular Paragraphs", "II. Operational Paragraphs"]
    articles = reader.outline[-1]
    assert isinstance(articles, list) and str(articles[0].title) == "Article 1"


def test_json_keeps_the_two_labels_apart(comparison: Comparison) -> None:
    record = json.loads(redline.render(comparison, "json"))
    moved = [c for c in record["changes"] if c["kind"] == "moved" and c["element"] == "paragraph"]
    assert [(c["old"][0]["label"], c["new"][0]["label"]) for c in moved] == [
        ("Article 8(2)", "Article 11(3)")
    ]
    pairs = {(c["old_label"], c["new_label"]) for c in record["correspondence"]}
    assert (REITERATING, REITERATING_NOW) in pairs
    assert (CONSIDERING, CONSIDERING) in pairs
    assert ("Article 3", "Article 4") in pairs


def test_ci_summary_uses_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    repo: Repo = make_repo(tmp_path / "repo", declaration_akn())
    monkeypatch.chdir(repo.root)
    repo.write(TEXT_FILE, NEW.read_bytes())
    repo.commit("Revision A")
    main(["check", "--base", "HEAD~1"])
    out = capsys.readouterr().out
    for words in (RENUMBERED, AWAY, HERE):
        assert words in out, words


def test_recitals_are_named_by_distinct_opening_words_on_one_line() -> None:
    units = [
        Unit("recital", "r1", text="Recalling the Charter of the United Nations, and"),
        Unit("recital", "r2", text="Recalling the Charter of the Peoples\n::error::forged"),
        Unit("recital", "r3", num="(3)", text="Numbered recitals keep their number"),
        Unit("recital", "r4", text="Short"),
    ]
    openings = recital_openings(units)
    assert openings == {
        "r1": "Recalling the Charter of the United…",
        "r2": "Recalling the Charter of the Peoples…",
        "r4": "Short",
    }
    hostile = recital_openings(
        [Unit("recital", "r5", text="Considering\x1b[31m\u0085 that a b c d e f")]
    )
    assert hostile == {"r5": "Considering\\x1b[31m that a b c…"}


def test_a_label_is_one_line_whatever_the_heading_holds() -> None:
    article = Unit(
        "article",
        "art_x",
        heading="Scope\n::error::forged",
        children=(Unit("paragraph", "art_x__para_1", num="1.", text="Words."),),
    )
    meta = Metadata("T", "/akn/x", "/akn/x/eng@", "/akn/x/eng@/main.xml", "2020-01-01")
    found = [flat.label for flat in flatten(Document(meta, body=(article,)), CompareOptions())]
    assert found == ["Article — Scope\\n::error::forged", "Article — Scope\\n::error::forged(1)"]


def test_split_and_merge_notes_name_the_old_units() -> None:
    old = Side("art_6__para_1", "paragraph", "1.", "Article 6(1)", "", "a b", "art_6")
    parts = tuple(
        Side(f"art_7__para_{n}", "paragraph", f"{n}.", f"Article 7({n})", "", "a", "art_7")
        for n in (1, 2)
    )
    now = {"art_6": ("Article 6", "Article 7")}
    split = Change(ChangeKind.SPLIT, "paragraph", (old,), parts, 0.9, ())
    assert labels.note(split, now=now) == (
        "split from old Article 6(1) (old Article 6 is now Article 7)"
    )
    assert labels.title(split, now=now) == (
        "Article 7(1) + Article 7(2): split from old Article 6(1) (old Article 6 is now Article 7)"
    )
    merged = Change(ChangeKind.MERGED, "paragraph", parts, (old,), 0.9, ())
    assert labels.note(merged) == "merged from old Article 7(1) and old Article 7(2)"
    assert labels.note(split, Place.MOVED_FROM, part=1) == "moved, now Article 7(2)"


EU = ROOT / "tests" / "data" / "eu" / "dma-regulation-2022-1925.txt"


def test_eu_citations_recitals_and_unnumbered_paragraphs_each_have_a_name() -> None:
    """An EU act: "Having regard to…" citations by place, recitals by their number,
    and an article's unnumbered paragraphs as its first, second… subparagraph, so no
    two text units of the regulation share a label."""
    flats = flatten(redline.load(str(EU)), CompareOptions())
    names = [flat.label for flat in flats if flat.leaf]
    assert len(names) == len(set(names))
    article_54 = [flat.label for flat in flats if flat.label.startswith("Article 54")]
    assert article_54 == ["Article 54"] + [
        f"Article 54, {nth} subparagraph" for nth in ("first", "second", "third", "fourth", "fifth")
    ]
    assert "Preamble, citation 1" in names and "Preamble, citation 6" in names
    assert "Recital (1)" in names and "Recital (109)" in names
    assert not [name for name in names if name.startswith(("citations", "recitals"))]


def test_unnumbered_paragraphs_after_a_numbered_one_are_its_subparagraphs() -> None:
    """As EU drafting counts them: the text of paragraph 1 is its first subparagraph,
    the unnumbered paragraphs after it its second and third, their points points of
    that subparagraph. Before any number, only two or more are named by place: one
    unnumbered paragraph keeps the article's label; numbered ones keep their numbers."""
    lone = Unit("article", "art_1", num="Article 1",
                children=(Unit("paragraph", "art_1__para_1", text="Only words."),))  # fmt: skip
    point = Unit("point", "art_2__para_3__point_a", num="(a)", text="A point.")
    mixed = Unit("article", "art_2", num="Article 2", children=(
        Unit("paragraph", "art_2__para_1", num="1.", text="Numbered."),
        Unit("paragraph", "art_2__para_2", text="Unnumbered, first."),
        Unit("paragraph", "art_2__para_3", children=(point,)),
        Unit("paragraph", "art_2__para_4", num="2.", text="Numbered again."),
    ))  # fmt: skip
    doc = Document(Metadata("t", "2020-01-01", "", "", ""), body=(lone, mixed))
    assert [flat.label for flat in flatten(doc, CompareOptions())] == [
        "Article 1", "Article 1",
        "Article 2", "Article 2(1)", "Article 2(1), second subparagraph",
        "Article 2(1), third subparagraph", "Article 2(1), third subparagraph, point (a)",
        "Article 2(2)",
    ]  # fmt: skip


def test_the_pieces_of_a_provision_are_named_as_drafters_name_them() -> None:
    """A paragraph's words before and after its points are its opening and closing
    words, never AKN's element names (intro, wrapUp)."""
    paragraph = Unit("paragraph", "art_1__para_1", num="1.", children=(
        Unit("intro", "art_1__para_1__intro", text="States shall:"),
        Unit("point", "art_1__para_1__point_a", num="(a)", text="cooperate;"),
        Unit("wrapUp", "art_1__para_1__wrap", text="in good faith."),
    ))  # fmt: skip
    article = Unit("article", "art_1", num="Article 1", children=(paragraph,))
    doc = Document(Metadata("t", "2020-01-01", "", "", ""), body=(article,))
    assert [flat.label for flat in flatten(doc, CompareOptions())] == [
        "Article 1", "Article 1(1)", "Article 1(1), opening words", "Article 1(1)(a)",
        "Article 1(1), closing words",
    ]  # fmt: skip


def _act(paragraph: Unit, date: str) -> Document:
    article = Unit("article", "art_3", num="Article 3", children=(paragraph,))
    return Document(Metadata("t", date, "", "/akn/eu/act/1", "eng"), body=(article,))


def _point(list_eid: str, letter: str, text: str) -> Unit:
    return Unit("point", f"{list_eid}__point_{letter}", num=f"({letter})", text=text)


_FIRST, _SECOND = "art_3__para_2__list_1", "art_3__para_2__list_2"
_WORDS = ["the number of users in each year;", "the turnover in each year;",
          "the number of business users in each of the last three financial years;"]  # fmt: skip
_INTRO = Unit("intro", f"{_FIRST}__intro", text="The thresholds are:")


def _points(letters: str) -> list[Unit]:
    return [_point(_FIRST, letter, _WORDS["abc".index(letter)]) for letter in letters]


def test_a_point_that_left_a_second_list_for_the_first_kept_its_place() -> None:
    """The DMA's Article 3(2)(c) stood in a second list, after words that closed the
    first, and joins the first in the regulation: still the third point of the same
    paragraph, it is modified where it stands, not moved; and the emptied second list
    is no "deleted" row (its point is listed where it is)."""
    closing = "for the purpose of the first subparagraph, counted by the provider, every year."
    old = Unit("paragraph", "art_3__para_2", num="2.", children=(
        Unit("list", _FIRST, children=(
            _INTRO, _point(_FIRST, "a", _WORDS[0]), _point(_FIRST, "b", _WORDS[1]),
            Unit("wrapUp", f"{_FIRST}__wrapup", text=closing),
        )),
        Unit("list", _SECOND, children=(_point(_SECOND, "c", _WORDS[2]),)),
    ))  # fmt: skip
    new = Unit("paragraph", "art_3__para_2", num="2.", children=(
        Unit("list", _FIRST, children=(
            _INTRO, *_points("abc"),
        )),
    ))  # fmt: skip
    comparison = redline.compare(_act(old, "2020-01-01"), _act(new, "2022-01-01"))
    text = redline.render(comparison, "text").decode("utf-8")
    assert "moved" not in text.split("Changed provisions:")[0]
    listed = text.split("List of changes:")[1].split("\n\n")[0]
    assert "old Article 3(2), closing words" in listed
    assert not re.search(r"old Article 3\(2\) +deleted", listed), listed


def test_a_point_that_moved_and_kept_its_label_says_the_provision_it_stays_in() -> None:
    old = Unit("paragraph", "art_3__para_2", num="2.", children=(
        Unit("list", _FIRST, children=(
            _INTRO, *_points("abc"),
        )),
    ))  # fmt: skip
    new = Unit("paragraph", "art_3__para_2", num="2.", children=(
        Unit("list", _FIRST, children=(
            _INTRO, _point(_FIRST, "c", _WORDS[2]),
            _point(_FIRST, "a", _WORDS[0]), _point(_FIRST, "b", _WORDS[1]),
        )),
    ))  # fmt: skip
    comparison = redline.compare(_act(old, "2020-01-01"), _act(new, "2022-01-01"))
    text = redline.render(comparison, "text").decode("utf-8")
    assert "Article 3(2)(c): moved here (formerly elsewhere in Article 3(2))" in text
    html = redline.render(comparison, "html").decode("utf-8")
    assert "moved away (now elsewhere in Article 3(2))" in html


def test_an_appropriations_act_names_its_accounts_by_their_headings() -> None:
    """H.R. 264 has no numbers between its titles and sections: its accounts were all
    `TITLE I` (223 of its 606 text units shared 15 labels). They are named by the
    headings they stand under, as appropriations are cited."""
    doc = redline.load(ROOT / "tests" / "data" / "uslm" / "h264_eh.xml")
    flats = [flat for flat in flatten(doc, CompareOptions()) if flat.leaf]
    labels_of = [flat.label for flat in flats]
    assert "TITLE I, heading 'Departmental Offices'" in labels_of
    assert "TITLE I, under 'Departmental Offices—salaries and expenses', paragraph (1)" in (
        labels_of
    )
    assert "TITLE I, under 'office of inspector general—salaries and expenses'" in labels_of
    shared = sum(n for n in Counter(labels_of).values() if n > 1)
    assert shared <= 10, Counter(labels_of).most_common(5)
    assert not [label for label in labels_of if label.startswith("(")]
