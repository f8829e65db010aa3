"""Comparison: from an alignment to the change vocabulary and the redline tree.

`compare` runs the alignment, finds moves (a unit under a parent that does not
derive from its old parent, or out of order among kept neighbours: the longest
increasing run of old positions stays, the rest moved), names each change with the
closed vocabulary of `redline.changes`, diffs the words of every aligned pair and
builds the redline tree in reading order, with the place where each component's
units begin (`redline.comparison.components`).

Guarantees: those of `redline.changes.Comparison` (every unit in exactly one change,
lossless word operations, every change in the tree).
"""

from __future__ import annotations

from redline.changes import (
    Change,
    CompareOptions,
    Comparison,
    Node,
    WordOp,
)
from redline.comparison.align import align
from redline.comparison.components import components
from redline.comparison.moves import find_moves
from redline.comparison.tree import TreeBuilder
from redline.comparison.worddiff import diff_words, texts_equal
from redline.model import Document, Metadata
from redline.progress import Progress, silent


def compare(
    old: Document,
    new: Document,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Compare two versions of a document; `progress(stage, done, total)` hears how far."""
    options = options or CompareOptions()
    report = progress or silent
    report("aligning", 0, 1)
    alignment = align(old, new, options)
    builder = TreeBuilder(alignment, options, find_moves(alignment), report)
    tree = builder.build()
    changes: list[Change] = []
    seen: set[int] = set()
    for node in _walk(tree):
        if id(node.change) not in seen:
            seen.add(id(node.change))
            changes.append(node.change)
    correspondence = [c for c in changes if _is_top(c)]
    return Comparison(
        old=old.meta,
        new=new.meta,
        options=options,
        changes=tuple(changes),
        correspondence=tuple(correspondence),
        tree=tree,
        title_ops=_title_ops(old.meta, new.meta, options),
        components=components(old, new, builder.starts, len(tree), options),
    )


def _title_ops(old: Metadata, new: Metadata, options: CompareOptions) -> tuple[WordOp, ...]:
    """The word diff of two titles, or () when they are equal under the options or one
    is only a file's name (a text printed without a title)."""
    if not (old.title_printed and new.title_printed) or texts_equal(old.title, new.title, options):
        return ()
    return diff_words(old.title, new.title, options)


def _walk(nodes: tuple[Node, ...]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node.children))
    return out


def _is_top(change: Change) -> bool:
    sides = change.new or change.old
    return bool(sides) and sides[0].is_top
