"""The word operations of a split keep every old word inside one piece, and lose nothing
(`redline.comparison.pieces`), on generated texts and pieces and on a known case."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from property.strategies import texts
from redline.changes import PART_SEPARATOR, CompareOptions, Op, WordOp, accept, reject
from redline.comparison.pieces import part_ops, whole_old_words
from redline.comparison.worddiff import diff_words


def test_a_glued_tail_moves_into_the_piece_before() -> None:
    ops = (
        WordOp(Op.EQUAL, "a ", "a "),
        WordOp(Op.DELETE, "nature", ""),
        WordOp(Op.INSERT, "", f"{PART_SEPARATOR}4. x"),
        WordOp(Op.EQUAL, ". end", ". end"),
    )
    whole = whole_old_words(ops)
    assert (accept(whole), reject(whole)) == (accept(ops), reject(ops))
    assert [reject(part_ops(ops, i)) for i in (0, 1)] == ["a nature", ". end"]
    assert [reject(part_ops(whole, i)) for i in (0, 1)] == ["a nature.", " end"]
    assert [accept(part_ops(whole, i)) for i in (0, 1)] == ["a ", "4. x. end"]


@st.composite
def cut_splits(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An old sentence, and new pieces where the first keeps its words but the full stop
    ends the last piece: the diff keeps the stop equal across the join."""
    head = draw(texts())
    pieces = [head, *draw(st.lists(texts(), min_size=1, max_size=3))]
    pieces[-1] += "."
    return f"{head}.", pieces


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.tuples(texts(), st.lists(texts(), min_size=2, max_size=4)), cut_splits()),
    st.booleans(),
)
def test_no_old_word_straddles_a_piece_and_nothing_is_lost(
    case: tuple[str, list[str]], ignore_case: bool
) -> None:
    old, pieces = case
    new = PART_SEPARATOR.join(pieces)
    ops = whole_old_words(diff_words(old, new, CompareOptions(ignore_case=ignore_case)))
    assert accept(ops) == new
    assert reject(ops) == old
    olds = [reject(part_ops(ops, i)) for i in range(len(pieces))]
    assert [accept(part_ops(ops, i)) for i in range(len(pieces))] == pieces
    assert "".join(olds) == old
    shown = [text for text in olds if text]
    for before, after in pairwise(shown):
        assert before[-1].isspace() or after[0].isspace(), (before, after)
