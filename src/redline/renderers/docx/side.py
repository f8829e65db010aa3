"""The redline tree as a two-column Word table: the side-by-side layout.

One row per node of `Comparison.tree` that shows words, the old version on the left
with its deletions struck, the new on the right with its insertions underlined (moves
in green), as the HTML side-by-side layout pairs them (`COLUMNS`). The marks are
character styles, not revisions: the two versions stand apart, there is nothing to
accept. Guarantees: the left cells, read in order, hold the old document's words and
the right cells the new one's, each note a real footnote of its column.
"""

from __future__ import annotations

from redline.changes import Comparison, Component, Node, Op, WordOp
from redline.renderers.docx.front import table
from redline.renderers.docx.ooxml import Element, paragraph, sub, w
from redline.renderers.docx.words import Words
from redline.renderers.html.facts import (
    Facts,
    Moves,
    collect_moves,
    node_facts,
    node_mode,
    with_components,
)
from redline.renderers.html.side import COLUMNS
from redline.renderers.html.words import Context, Mode


def _fill(cell: Element, facts: Facts, mode: Mode, words: Words) -> None:
    para = paragraph(cell, "TableText", "", words.revisions)
    if facts.num:
        words.text(para, facts.num, mode)
        words.text(para, (WordOp(Op.EQUAL, " ", " "),), mode)
    if facts.heading:
        words.text(para, facts.heading, mode)
        if facts.text:
            words.text(para, (WordOp(Op.EQUAL, "\n", "\n"),), mode)
    if facts.text:
        words.add(para, facts.text, mode, facts.notes, facts.separators)


class Side:
    """Writes the rows of the side-by-side table."""

    def __init__(self, words: Words, grid: Element, widths: tuple[int, int]) -> None:
        self.words = words
        self.grid = grid
        self.widths = widths
        self.context = Context()
        self.moves: Moves = Moves({}, {}, {}, {})

    def write(self, tree: tuple[Node, ...], components: tuple[Component, ...] = ()) -> None:
        self.moves = collect_moves(tree)
        for item in with_components(tree, components):
            if isinstance(item, Component):
                self.title(item)
            else:
                self.row(item, Mode.NORMAL)

    def title(self, component: Component) -> None:
        """A row with a component's title in each column it stands in."""
        row = sub(self.grid, "tr")
        for mode, width in zip((Mode.OLD_COLUMN, Mode.NEW_COLUMN), self.widths, strict=True):
            cell = sub(row, "tc")
            sub(sub(cell, "tcPr"), "tcW", w=str(width), type="dxa")
            para = paragraph(cell, "ComponentTitle", "", self.words.revisions)
            self.words.text(para, component.title_ops, mode)

    def row(self, node: Node, inherited: Mode) -> None:
        facts = node_facts(node, node_mode(node, inherited), self.context, self.moves)
        if facts.num or facts.heading or facts.text:
            row = sub(self.grid, "tr")
            for mode, width in zip(COLUMNS[facts.mode], self.widths, strict=True):
                cell = sub(row, "tc")
                sub(sub(cell, "tcPr"), "tcW", w=str(width), type="dxa")
                if mode is None:
                    paragraph(cell, "TableText", "", self.words.revisions)
                else:
                    _fill(cell, facts, mode, self.words)
        for child in facts.children:
            self.row(child, facts.mode)


def write_side_by_side(body: Element, comparison: Comparison, words: Words, width: int) -> None:
    """The table: a header row naming both versions, then a row per unit."""
    widths = (width // 2, width - width // 2)
    header = [(f"Old: {comparison.old.title}", f"New: {comparison.new.title}")]
    table(body, list(header), widths, words.revisions)
    grid = body[-1]
    assert grid.tag == w("tbl")
    Side(words, grid, widths).write(comparison.tree, comparison.components)
