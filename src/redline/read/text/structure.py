"""Structure: the third stage of `import_text`, from blocks to the document's units.

`build_units` turns the instrument's blocks into preamble and body units and guarantees:
1. Recitals sit in one ``recitals`` container; articles sit in a ``part`` per roman
   section when the draft has them. Every article is a container holding numbered
   ``paragraph``s, or one ``content`` (unnumbered text), or one ``list`` (unnumbered
   intro and points). A point ending in ":" followed by the first label of a series
   ("(i)", "(a)") holds a nested list; the printed labels are kept as they are.
2. eIds are made by `naming.make_eid` and are unique; a repeated label gets a suffix
   from `naming.uniquify` and a warning naming the article and the label.
3. Footnote markers are removed from the text and become notes (see `footnotes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redline.akn.naming import make_eid, uniquify
from redline.model import Unit
from redline.read.text.blocks import Block, Kind
from redline.read.text.footnotes import Anchors
from redline.read.text.layout import Footnote

#: Labels that open a new series of points: (a), (i), (1).
_FIRST_LABELS = frozenset({"a", "i", "1"})

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


@dataclass(frozen=True, slots=True)
class Structure:
    """The units of a draft's instrument and what building them noticed."""

    preamble: tuple[Unit, ...]
    """The ``recitals`` container, if the draft has recitals."""
    body: tuple[Unit, ...]
    """Parts holding articles, or articles."""
    warnings: tuple[str, ...]
    """Repeated or out-of-sequence labels, unmatched footnotes, odd text placement."""


@dataclass
class _Node:
    """A unit under construction; mutable, and never leaves this module."""

    element: str
    num: str = ""
    heading: str = ""
    text: str = ""
    line: int = 0
    children: list[_Node] = field(default_factory=list)


@dataclass
class _Level:
    """An open list of points and where its label series stands."""

    node: _Node
    style: str
    last: int


def build_units(blocks: list[Block], footnotes: tuple[Footnote, ...]) -> Structure:
    """The preamble and body units of the instrument's `blocks` (see the module docstring)."""
    builder = _Builder()
    for index, block in enumerate(blocks):
        builder.add(block, blocks[index + 1] if index + 1 < len(blocks) else None)
    builder.close_article()
    freezer = _Freezer(Anchors(footnotes), builder.warnings)
    preamble = freezer.freeze([builder.recitals] if builder.recitals else [], "preamble", "")
    body = freezer.freeze(builder.body, "", "")
    for footnote in freezer.anchors.unmatched():
        builder.warnings.append(
            f"footnote {footnote.number} (line {footnote.line}) has no marker in the text"
        )
    return Structure(preamble, body, tuple(builder.warnings))


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


class _Builder:
    """Places blocks into recitals, parts and articles, in one pass."""

    def __init__(self) -> None:
        self.recitals: _Node | None = None
        self.body: list[_Node] = []
        self.part: _Node | None = None
        self.article: _ArticleBuilder | None = None
        self.warnings: list[str] = []

    def add(self, block: Block, following: Block | None) -> None:
        if block.kind is Kind.ARTICLE:
            self.close_article()
            node = _Node("article", block.num, block.text, line=block.line)
            self.article = _ArticleBuilder(node, self.warnings)
            (self.part.children if self.part else self.body).append(node)
        elif block.kind is Kind.SECTION:
            self.add_section(block, following)
        elif self.article is not None:
            self.article.add(block)
        elif self.part is not None:
            self.warnings.append(
                f"part {self.part.num}: text at line {block.line} before its first article"
                " kept as the part's intro"
            )
            self.part.children.append(_Node("intro", text=_words(block), line=block.line))
        else:
            if self.recitals is None:
                self.recitals = _Node("recitals", line=block.line)
            recital = _Node("recital", block.num, text=block.text, line=block.line)
            self.recitals.children.append(recital)

    def add_section(self, block: Block, following: Block | None) -> None:
        """A roman section: the preamble's heading if it opens the preamble, else a part."""
        opens_preamble = self.recitals is None and not self.body
        if opens_preamble and (following is None or following.kind is not Kind.ARTICLE):
            self.recitals = _Node("recitals", block.num, block.text, line=block.line)
            return
        self.close_article()
        self.part = _Node("part", block.num, block.text, line=block.line)
        self.body.append(self.part)

    def close_article(self) -> None:
        if self.article is not None:
            self.article.close()
            self.article = None


class _ArticleBuilder:
    """Builds one article: headings, paragraphs, unnumbered text, lists of points."""

    def __init__(self, node: _Node, warnings: list[str]) -> None:
        self.node = node
        self.warnings = warnings
        self.chunks: list[_Node] = []
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
            self.chunks.append(_Node("paragraph", block.num, text=block.text, line=block.line))
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
                outer.children.append(_Node("wrapUp", text=block.text, line=block.line))
                return
        if self.chunks:
            self.warnings.append(
                f"{self.node.num}: unnumbered text at line {block.line} after a numbered"
                " paragraph kept as an unnumbered paragraph"
            )
        self.chunks.append(_Node("paragraph", text=_words(block), line=block.line))

    def add_point(self, block: Block) -> None:
        """Append a point at the level its label continues, or open a nested list."""
        point = _Node("point", block.num, text=block.text, line=block.line)
        label = block.num[1:-1]
        if not self.levels:
            if not self.chunks:
                self.chunks.append(_Node("paragraph", line=block.line))
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

    def open_list(self, owner: _Node, label: str, point: _Node) -> None:
        """Give `owner` a list: the owner's own text becomes its intro, `point` its first item."""
        points = _Node("list", line=point.line)
        if owner.text:
            points.children.append(_Node("intro", text=owner.text, line=owner.line))
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
            self.node.children = only.children or [_Node("content", text=only.text, line=only.line)]
        else:
            self.node.children = self.chunks
        if not self.node.children:
            self.warnings.append(f"{self.node.num} (line {self.node.line}) has no text")
            # Still a container, as the model requires: its content is empty (the AKN
            # writer writes the same, so the document reads back equal).
            self.node.children = [_Node("content", line=self.node.line)]


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


class _Freezer:
    """Turns nodes into frozen units in document order: eIds, then notes."""

    def __init__(self, anchors: Anchors, warnings: list[str]) -> None:
        self.anchors = anchors
        self.warnings = warnings
        self.taken: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def freeze(self, nodes: list[_Node], parent: str, where: str) -> tuple[Unit, ...]:
        counters: dict[str, int] = {}
        units = []
        for node in nodes:
            here = node.num if node.element == "article" else where
            # The preamble's single recitals container is recs_1 whatever its printed number.
            num = "" if node.element == "recitals" else node.num
            counters[node.element] = counters.get(node.element, 0) + (not num)
            eid = make_eid(parent, node.element, num, counters[node.element])
            unique = uniquify(eid, self.taken, self.next_suffix)
            if unique != eid and node.num:
                self.warnings.append(
                    f"{here or 'preamble'}: {node.element} {node.num} at line {node.line}"
                    f" repeats an earlier label; its eId is {unique}"
                )
            self.taken.add(unique)
            text, notes = self.anchors.anchor(node.text, unique)
            children = self.freeze(node.children, unique, here)
            units.append(Unit(node.element, unique, node.num, node.heading, text, notes, children))
        return tuple(units)
