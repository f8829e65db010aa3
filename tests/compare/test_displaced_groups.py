"""Splits whose pieces stand elsewhere than their unit stood, and merges whose old units
stood elsewhere than it stands, are shown like moves: the old units struck where they
stood, the new ones as new text, so that the tree read in order still gives the old
text in its order (Reject All in Word, the old view of a page)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import redline
from redline.changes import ChangeKind, Comparison, Node, Place, reject
from redline.comparison.align import align
from redline.comparison.moves import displaced_merges, displaced_splits, find_moves
from redline.comparison.pieces import old_part_ops

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


def test_a_merge_of_units_around_a_deleted_one_is_shown_at_their_old_places(
    dma: Comparison,
) -> None:
    # Proposal Art. 9(2): its intro, (b) and (c) became the regulation's Art. 10(3), (a) went
    merged = [n for n in _nodes(dma.tree) if n.change.kind is ChangeKind.MERGED
              and n.change.new[0].label == "Article 10(3)"]  # fmt: skip
    assert sorted((n.place.value, n.part) for n in merged) == [
        ("moved-from", 0), ("moved-from", 1), ("moved-from", 2), ("moved-to", -1)
    ]  # fmt: skip

    def at_old_place(node: Node) -> bool:
        change = node.change
        if change.kind is ChangeKind.MERGED:
            return node.place is Place.MOVED_FROM and change.new[0].label == "Article 10(3)"
        return bool(change.old) and change.old[0].label == "Article 9(2)(a)"

    old_order = [n for n in _nodes(dma.tree) if at_old_place(n)]
    assert [n.part for n in old_order] == [0, -1, 1, 2]  # intro, (a), (b), (c)
    change = merged[0].change
    for part, side in enumerate(change.old):
        assert reject(old_part_ops(change, part)) == side.text


def test_merges_in_place_are_not_displaced() -> None:
    revision_a = redline.load(Path(__file__).parents[2] / "versions/solidarity-revision-A.akn.xml")
    revision_b = redline.load(EU.parent / "history" / "solidarity-revision-B.akn.xml")
    alignment = align(revision_a, revision_b, redline.CompareOptions())
    assert len(alignment.merges) == 1
    assert displaced_merges(alignment, find_moves(alignment)) == set()


def test_a_note_pairs_only_with_one_in_its_units_partner(dma: Comparison) -> None:
    """The proposal's note 25 (a citation) and the regulation's note 22 (recital 108) cite
    the same opinion, but their units do not correspond: a note is shown at its anchor in
    its unit's text, so they are a deleted and an inserted note, not a pair."""
    notes = [c for c in dma.changes if c.element == "authorialNote"]
    (old_25,) = [c for c in notes if c.old and c.old[0].eid == "preamble__cits_1__cit_6__fnt_25"]
    assert old_25.kind is ChangeKind.DELETED
    paired = [c for c in notes if c.old and c.new]
    assert paired
    for change in paired:
        owner_old = change.old[0].eid.rsplit("__", 1)[0]
        owner_new = change.new[0].eid.rsplit("__", 1)[0]
        pairs = [c for c in dma.changes if owner_new in {s.eid for s in c.new}]
        assert any(owner_old in {s.eid for s in c.old} for c in pairs), change.old[0].label
