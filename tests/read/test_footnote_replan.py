"""Footnote markers a first read passes over: a second read takes those glued to a word,
in their place in the sequence, and never a real number."""

from __future__ import annotations

from redline.read.text.footnotes import Anchors
from redline.read.text.layout import Footnote

BODIES = tuple(Footnote(number, f"Body {number}.", 100 + number) for number in range(1, 9))


def _read(texts: list[str]) -> tuple[list[str], list[list[str]], set[int]]:
    """Two reads of `texts`, as the importer does: the texts, markers and unmatched."""
    first = Anchors(BODIES)
    for index, text in enumerate(texts):
        first.anchor(text, f"p_{index}")
    second = Anchors(BODIES, first.replan())
    results = [second.anchor(text, f"p_{index}") for index, text in enumerate(texts)]
    unmatched = {body.number for body in second.unmatched()}
    return (
        [text for text, _ in results],
        [[n.marker for n in notes] for _, notes in results],
        unmatched,
    )


def test_a_glued_marker_past_lost_ones_is_found_in_its_place() -> None:
    texts, markers, unmatched = _read(["a word1 here", "lost 2 3 4 5", "ICT services6", "end7"])
    assert texts[2] == "ICT services" and markers[2] == ["6"]
    assert markers[3] == ["7"]  # the sequence goes on from it
    assert unmatched == {2, 3, 4, 5, 8}


def test_a_marker_after_a_year_and_its_full_stop() -> None:
    texts, markers, _ = _read(["a word1 here", "lost", "a gain by 2025.6", "end7"])
    assert texts[2] == "a gain by 2025." and markers[2] == ["6"]


def test_real_numbers_are_never_markers() -> None:
    text = "Article 6 of it, in 2026, EUR 92.6 billion, 1.6.2020, CO6th, (6), p.6/7 and 16"
    texts, markers, unmatched = _read(["a word1 here", text, "end7"])
    assert texts[1] == text and markers[1] == []
    assert 6 in unmatched


def test_a_glued_number_out_of_its_place_in_the_sequence_is_not_taken() -> None:
    # "services6" stands before the marker of note 1: not where note 6 can be
    texts, markers, unmatched = _read(["ICT services6", "a word1 here", "lost", "end7"])
    assert texts[0] == "ICT services6" and markers[0] == []
    assert 6 in unmatched
