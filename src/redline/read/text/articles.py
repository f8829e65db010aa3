"""Articles: how the blocks under one article-level heading become its units.

`ArticleBuilder` guarantees: the article is a container holding numbered ``paragraph``s,
or one ``content`` (unnumbered text), or one ``list`` (unnumbered intro and points), or
unnumbered ``paragraph``s (EU subparagraphs; a warning says so once per article). A
one-line unpunctuated block right under the heading is its heading. A point ending in
":" followed by the first label of a series ("(i)", "(a)") holds a nested list; the
printed labels are kept as they are, and a point out of sequence is warned about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.read.text.blocks import Block, Kind
from redline.read.text.nodes import Node

#: Labels that open a new series of points: (a), (i), (1).
_FIRST_LABELS = frozenset({"a", "i", "1"})

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


@dataclass
class _Level:
    """An open list of points and where its label series stands."""

    node: Node
    style: str
    last: int


def _ordinal(label: str, style: str) -> int | None:
    """The position of `label` in a series of `style` (letter, roman or number).

    >>> _ordinal("i", "letter"), _ordinal("i", "roman"), _ordinal("bb", "letter")
    (9, 1, 28)
    """
    if style == "number":
        return int(label) if label.isdigit() else None
    if style == "letter":
        if re.fullmatch(r"([a-z])\1?", label) is None:
            return None
        return ord(label[0]) - ord("a") + 1 + 26 * (len(label) - 1)
    if re.fullmatch(r"[ivxl]+", label) is None:
        return None
    values = [_ROMAN_VALUES[char] for char in label]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _style_of_first(label: str) -> str:
    """The series a list's first label belongs to: "i" starts a roman series, not a lettered one."""
    if label.isdigit():
        return "number"
    if label == "i" or _ordinal(label, "letter") is None:
        return "roman"
    return "letter"


class ArticleBuilder:
    """Builds one article: headings, paragraphs, unnumbered text, lists of points."""

    def __init__(self, node: Node, warnings: list[str]) -> None:
        self.node = node
        self.warnings = warnings
        self.chunks: list[Node] = []
        self.levels: list[_Level] = []
        self.maybe_heading: Block | None = None

    def add(self, block: Block) -> None:
        if self.maybe_heading is not None:
            self.node.heading, self.maybe_heading = self.maybe_heading.text, None
        elif not self.chunks and not self.node.heading and _may_be_heading(block):
            # A one-line unpunctuated block right under "Article N" is its heading,
            # unless it turns out to be all the article has (decided in `close`).
            self.maybe_heading = block
            return
        if block.kind is Kind.PARAGRAPH:
            self.levels = []
            self.chunks.append(Node("paragraph", block.num, text=block.text, line=block.line))
        elif block.kind is Kind.POINT:
            self.add_point(block)
        else:
            self.add_text(block)

    def add_text(self, block: Block) -> None:
        """Unnumbered text: the article's text, a list's wrap-up, or an unnumbered paragraph."""
        if self.levels:
            outer = self.levels[0].node
            self.levels = []
            if all(child.element != "wrapUp" for child in outer.children):
                outer.children.append(Node("wrapUp", text=block.text, line=block.line))
                return
        if self.chunks:
            self.warnings.append(
                f"{self.node.num}: unnumbered text at line {block.line} after a numbered"
                " paragraph kept as an unnumbered paragraph"
            )
        self.chunks.append(Node("paragraph", text=_words(block), line=block.line))

    def add_point(self, block: Block) -> None:
        """Append a point at the level its label continues, or open a nested list."""
        point = Node("point", block.num, text=block.text, line=block.line)
        label = block.num[1:-1]
        if not self.levels:
            if not self.chunks:
                self.chunks.append(Node("paragraph", line=block.line))
            self.open_list(self.chunks[-1], label, point)
            return
        last = self.levels[-1].node.children[-1]
        if last.element == "point" and last.text.endswith(":") and label in _FIRST_LABELS:
            self.open_list(last, label, point)
            return
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if _ordinal(label, level.style) == level.last + 1:
                del self.levels[depth + 1 :]
                level.node.children.append(point)
                level.last += 1
                return
        level = self.levels[-1]
        if all(child.num != block.num for child in level.node.children):
            self.warnings.append(
                f"{self.node.num}: point {block.num} at line {block.line} is out of sequence"
            )
        level.node.children.append(point)
        level.last = _ordinal(label, level.style) or level.last

    def open_list(self, owner: Node, label: str, point: Node) -> None:
        """Give `owner` a list: the owner's own text becomes its intro, `point` its first item."""
        points = Node("list", line=point.line)
        if owner.text:
            points.children.append(Node("intro", text=owner.text, line=owner.line))
            owner.text = ""
        points.children.append(point)
        owner.children.append(points)
        style = _style_of_first(label)
        self.levels.append(_Level(points, style, _ordinal(label, style) or 1))

    def close(self) -> None:
        """Settle the article's children: one unnumbered chunk becomes content or a list."""
        if self.maybe_heading is not None:
            block, self.maybe_heading = self.maybe_heading, None
            self.add_text(block)
        if len(self.chunks) == 1 and not self.chunks[0].num:
            only = self.chunks[0]
            self.node.children = only.children or [Node("content", text=only.text, line=only.line)]
        else:
            self.node.children = self.chunks
        if not self.node.children:
            self.warnings.append(f"{self.node.num} (line {self.node.line}) has no text")
            # Still a container, as the model requires: its content is empty (the AKN
            # writer writes the same, so the document reads back equal).
            self.node.children = [Node("content", line=self.node.line)]


def _may_be_heading(block: Block) -> bool:
    """True for unnumbered text of one line that does not end like a sentence."""
    return (
        block.kind is Kind.TEXT
        and block.lines == 1
        and re.search(r"[.,;:]\W*$", block.text) is None
    )


def _words(block: Block) -> str:
    """A block's words with its label, for text kept where a label has no place."""
    return f"{block.num} {block.text}".strip()
