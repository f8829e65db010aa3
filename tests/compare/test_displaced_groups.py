"""Splits whose pieces stand elsewhere than their unit stood are shown like moves: the
unit struck at its old place, its pieces as new text, so that the tree read in order
still gives the old text in its order (Reject All in Word, the old view of a page)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import redline
from redline.changes import ChangeKind, Comparison, Node, Place
from redline.comparison.align import align
from redline.comparison.moves import displaced_splits, find_moves

EU = Path(__file__).parents[1] / "data" / "eu"


@pytest.fixture(scope="module")
def dma() -> Comparison:
    return redline.compare(
        redline.load(EU / "dma-proposal-COM-2020-842.txt"),
        redline.load(EU / "dma-regulation-2022-1925.txt"),
    )


def _nodes(nodes: tuple[Node, ...]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _nodes(node.children)


def test_a_split_whose_first_piece_went_to_another_paragraph_is_shown_at_its_old_place(
    dma: Comparison,
) -> None:
    # Proposal Art. 3(4) became new 3(2)'s intro, 3(4), 3(5) and a fourth piece
    split = [n for n in _nodes(dma.tree) if n.change.kind is ChangeKind.SPLIT
             and n.change.old[0].label == "Article 3(4)"]  # fmt: skip
    places = sorted((node.place.value, node.part) for node in split)
    assert places == [("moved-from", -1)] + [("moved-to", part) for part in range(4)]
    # the struck old unit stands between the old 3(3) and 3(5), where it stood
    article_3 = next(
        n for n in _nodes(dma.tree)
        if n.change.element == "article" and n.change.new and n.change.new[0].label == "Article 3"
    )  # fmt: skip
    labels = [
        (n.place.value, n.change.old[0].label if n.change.old else "") for n in article_3.children
    ]
    at = labels.index(("moved-from", "Article 3(4)"))
    assert labels.index(("here", "Article 3(3)")) < at < labels.index(("here", "Article 3(5)"))


def test_splits_in_place_are_not_displaced(dma: Comparison) -> None:
    old = redline.load(EU / "dma-proposal-COM-2020-842.txt")
    new = redline.load(EU / "dma-regulation-2022-1925.txt")
    alignment = align(old, new, redline.CompareOptions())
    displaced = displaced_splits(alignment, find_moves(alignment))
    assert displaced
    assert len(displaced) < len(alignment.splits)
    shown_in_pieces = {
        node.change.old[0].eid
        for node in _nodes(dma.tree)
        if node.change.kind is ChangeKind.SPLIT and node.place is Place.HERE
    }
    assert shown_in_pieces
    assert not shown_in_pieces & {alignment.old[o].unit.eid for o in displaced}
