"""Text output of a change of spacing alone: the special space is named, never shown as a
blank beside a blank (``all Member[- -]{+ +}States`` said nothing)."""

from __future__ import annotations

import redline
from render_fixtures import one_article, text_redline


def test_a_no_break_space_that_became_a_space_is_named() -> None:
    out = text_redline("all Member\u00a0States.", "all Member States.")
    assert "Member[-<no-break space>-]{+ +}States." in out


def test_a_narrow_no_break_space_inserted_is_named() -> None:
    out = text_redline("10 000 euro", "10\u202f000 euro")
    assert "10[- -]{+<narrow no-break space>+}000" in out


def test_special_spaces_inside_changed_words_stay_as_they_are() -> None:
    """Only a change of spacing alone names its spaces; changed words keep theirs."""
    out = text_redline("the Member States", "the Member\u00a0countries")
    assert "<no-break space>" not in out
    assert "countries" in out


def test_the_list_of_changes_and_markdown_name_the_space_too() -> None:
    """The list of changes keeps a changed space as it is (its excerpt collapses other
    runs of spaces), and Markdown names it inside its own marks."""
    comparison = redline.compare(
        one_article("in particular Article 114 thereof,", "2020-01-01"),
        one_article("in particular Article\u00a0114 thereof,", "2021-01-01"),
    )
    text = redline.render(comparison, "text").decode("utf-8")
    listed = [line for line in text.splitlines() if "modified" in line and "Article[" in line]
    assert listed and "Article[- -]{+<no-break space>+}114" in listed[0]
    markdown = redline.render(comparison, "md").decode("utf-8")
    # both spaces by their names: a plain space shown plain would read as kept
    assert "Article<del>&lt;space&gt;</del><ins>&lt;no-break space&gt;</ins>114" in markdown


def test_words_replaced_by_the_same_words_with_other_spaces_name_the_spaces() -> None:
    """A replacement that changes spacing alone around unchanged words would print the
    same words twice, ``9[- September -]{+ September +}2015``: its spaces are named,
    in text and Markdown, and a real replacement keeps its spaces as they are."""
    comparison = redline.compare(
        one_article("of 9 September 2015 laying down, of 1 May\u00a02016", "2020-01-01"),
        one_article("of 9\u00a0September\u00a02015 laying down, of 1 June\u00a02016", "2021-01-01"),
    )
    text = redline.render(comparison, "text").decode("utf-8")
    assert "9[- September -]{+<no-break space>September<no-break space>+}2015" in text
    assert "[-May-]{+June+}" in text
    markdown = redline.render(comparison, "md").decode("utf-8")
    named = "<ins>&lt;no-break space&gt;September&lt;no-break space&gt;</ins>2015"
    assert f"9 ~~September~~ {named}" in markdown
