"""The changed-provisions section of text and Markdown holds every change: those of
top-level provisions, and those of containers with words of their own (an
appropriations account, a part's heading) or of a note whose provision's words stand."""

from __future__ import annotations

from pathlib import Path

import pytest

import redline

DATA = Path(__file__).resolve().parents[1] / "data"
VERSIONS = Path(__file__).resolve().parents[2] / "versions"


def _section(old: bytes, new: bytes, fmt: str) -> str:
    comparison = redline.compare(redline.load(old), redline.load(new))
    rendered = redline.render(comparison, fmt).decode("utf-8")
    marker = "Changed provisions:" if fmt == "text" else "| excerpt |"  # after the list
    return rendered.split(marker, 1)[1].split("\n\n", 1)[1]


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_a_change_inside_an_appropriations_account_is_shown(fmt: str) -> None:
    """H.R. 264's accounts are neither top-level provisions nor above one: a change of
    their words was only in the HTML."""
    old = (DATA / "uslm" / "h264_eh.xml").read_bytes()
    new = old.replace(b"In addition, $2,000,000 for the Office of Information",
                      b"In addition, $3,000,000 for the Office of Information")  # fmt: skip
    assert new != old
    section = _section(old, new, fmt)
    assert "Office of Management and Budget—salaries and expenses" in section
    assert ("$[-2-]{+3+},000,000" if fmt == "text" else "$~~2~~**3**,000,000") in section


def test_a_note_changed_under_words_that_stand_is_shown() -> None:
    old = (DATA / "akn" / "declaration.xml").read_bytes()
    new = old.replace(b"See resolution 23/12.", b"See resolution 23/13.")
    assert new != old
    section = _section(old, new, "text")
    assert "note 1: modified\n    See resolution 23/[-12-]{+13+}." in section
    assert "Reaffirming the “Charter” – of the United Nations’ aims" not in section


def test_a_part_whose_heading_changed_is_shown_before_its_articles() -> None:
    old, new = (VERSIONS / f"solidarity-{v}.akn.xml" for v in ("2014", "revision-A"))
    section = _section(old.read_bytes(), new.read_bytes(), "text")
    part = section.index("== II: modified\n  heading\n    heading: [-Preliminary -]Operational")
    assert part < section.index("== Article 1: modified")


@pytest.mark.parametrize("words_changed", [False, True])
def test_a_containers_note_is_shown_once_under_the_container(words_changed: bool) -> None:
    """An unnumbered block (an ``hcontainer``, no top-level provision above or below
    it) whose note changed, its words standing or changed too: the note's change is in
    the block's section, once, and the block is not counted as an unchanged provision."""
    from redline.model import Document, Metadata, Note, Unit

    def version(words: str, note: str, date: str) -> Document:
        block = Unit("hcontainer", "hcontainer_1", text=f"Salaries and expenses, {words}.",
                     notes=(Note("hcontainer_1__fnt_1", "1", 8, note),))  # fmt: skip
        article = Unit("article", "art_1", num="Article 1", text="States shall act.")
        return Document(Metadata("Act", "", "", "", date), body=(block, article))

    new_words = "as set out" if words_changed else "as follows"
    comparison = redline.compare(
        version("as follows", "See resolution 23/12.", "2020-01-01"),
        version(new_words, "See resolution 23/13.", "2021-01-01"),
    )
    section = redline.render(comparison, "text").decode("utf-8").split("Changed provisions:")[1]
    assert section.count("See resolution 23/[-12-]{+13+}.") == 1, section
    assert section.startswith("\n\n== hcontainer 1: ")
    assert "(1 top-level provision unchanged or only renumbered)" in section
