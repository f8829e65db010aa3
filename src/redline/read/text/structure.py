"""Structure: the third stage of `import_text`, from blocks to the document's units.

`build_units` turns the instrument's blocks into preamble and body units and guarantees:
1. Text before the first heading is recitals, in one ``recitals`` container (a text with
   a separate preamble, such as an EU act, gives `BodyBuilder` its body blocks only).
2. Articles sit in a ``part`` per roman section when the draft has them, and in
   ``part``/``title``/``chapter``/``section`` containers (``CHAPTER I`` ...) nested by rank,
   each with its title (on its line after a dash, or the line after it). Each article is
   built by `articles.ArticleBuilder`.
3. eIds are unique and footnote markers become notes (`nodes.Freezer`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.model import Unit
from redline.read.text.articles import ArticleBuilder
from redline.read.text.blocks import Block, Kind
from redline.read.text.footnotes import Anchors, Plan
from redline.read.text.layout import Footnote
from redline.read.text.nodes import Freezer, Node
from redline.read.text.report import Skipped

#: Containers by rank: a container closes the open ones of the same or a lower rank.
_RANKS = {"part": 0, "title": 1, "chapter": 2, "section": 3}


@dataclass(frozen=True, slots=True)
class Structure:
    """The units of a draft's instrument and what building them noticed."""

    preamble: tuple[Unit, ...]
    """The ``recitals`` container, if the draft has recitals."""
    body: tuple[Unit, ...]
    """Containers holding articles, or articles."""
    warnings: tuple[str, ...]
    """Repeated or out-of-sequence labels, unmatched footnotes, odd text placement."""
    skipped: tuple[Skipped, ...] = ()
    """Footnote bodies whose marker was not found."""
    replan: Plan = ()
    """The markers a second read would find besides (`Anchors.replan`)."""


def build_units(blocks: list[Block], footnotes: tuple[Footnote, ...], plan: Plan = ()) -> Structure:
    """The preamble and body units of the instrument's `blocks` (see the module docstring),
    with the markers of `plan` (`Anchors.replan` of a first read) among the notes."""
    warnings: list[str] = []
    builder = BodyBuilder(warnings, recitals=True)
    builder.add_all(blocks)
    anchors = Anchors(footnotes, plan)
    freezer = Freezer(anchors, warnings)
    preamble = freezer.freeze([builder.recitals] if builder.recitals else [], "preamble")
    body = freezer.freeze(builder.body, "")
    warnings.extend(unmatched(anchors))
    skipped = tuple(unmatched_notes(anchors))
    return Structure(preamble, body, tuple(warnings), skipped, anchors.replan())


def unmatched(anchors: Anchors) -> list[str]:
    """A warning for each footnote body whose marker was not found (the importer's report
    names each as a skipped part, see `unmatched_notes`)."""
    return [
        f"footnote {footnote.number} (line {footnote.line}) has no marker in the text"
        for footnote in anchors.unmatched()
    ]


def unmatched_notes(anchors: Anchors) -> list[Skipped]:
    """Each footnote body whose marker was not found, as a skipped part: the lines that
    hold its words."""
    return [
        Skipped(*note.lines, len(note.text.split()), f"footnote {note.number}")
        for note in anchors.unmatched()
    ]


class BodyBuilder:
    """Places blocks into recitals, containers and articles, in one pass."""

    def __init__(self, warnings: list[str], *, recitals: bool) -> None:
        self.takes_recitals = recitals
        self.recitals: Node | None = None
        self.body: list[Node] = []
        self.open: list[Node] = []
        self.article: ArticleBuilder | None = None
        self.untitled: Node | None = None
        self.warnings = warnings

    def add_all(self, blocks: list[Block]) -> None:
        """Add every block, then close the last article."""
        for index, block in enumerate(blocks):
            self.add(block, blocks[index + 1] if index + 1 < len(blocks) else None)
        self.close_article()

    def add(self, block: Block, following: Block | None) -> None:
        untitled, self.untitled = self.untitled, None
        if block.kind is Kind.ARTICLE:
            self.close_article()
            node = Node(block.element, block.num, block.text, line=block.line, label=block.label)
            self.article = ArticleBuilder(node, self.warnings)
            self.holder().append(node)
        elif block.kind is Kind.SECTION:
            self.add_section(block, following)
        elif block.kind is Kind.CONTAINER:
            self.open_container(block.element, block)
        elif untitled is not None and _is_title(block):
            untitled.heading = block.text
        elif self.article is not None:
            self.article.add(block)
        elif self.open:
            container = self.open[-1]
            self.warnings.append(
                f"{container.element} {container.num}: text at line {block.line} before its"
                f" first article kept as the {container.element}'s intro"
            )
            intro = Node("intro", text=block.words, line=block.line)
            container.children.append(intro)
        elif self.takes_recitals:
            if self.recitals is None:
                self.recitals = Node("recitals", line=block.line)
            recital = Node("recital", block.num, text=block.text, line=block.line)
            self.recitals.children.append(recital)
        else:
            self.warnings.append(f"text at line {block.line} before the first article kept")
            self.body.append(Node("paragraph", text=block.words, line=block.line))

    def holder(self) -> list[Node]:
        return self.open[-1].children if self.open else self.body

    def add_section(self, block: Block, following: Block | None) -> None:
        """A roman section: the preamble's heading if it opens the preamble, else a part."""
        opens_preamble = self.takes_recitals and self.recitals is None and not self.body
        if opens_preamble and (following is None or following.kind is not Kind.ARTICLE):
            self.recitals = Node("recitals", block.num, block.text, line=block.line)
            return
        self.open_container("part", block)

    def open_container(self, element: str, block: Block) -> None:
        """Open a container, closing the open ones of the same or a lower rank."""
        self.close_article()
        rank = _RANKS.get(element, len(_RANKS))
        while self.open and _RANKS.get(self.open[-1].element, len(_RANKS)) >= rank:
            self.open.pop()
        node = Node(element, block.num, block.text, line=block.line, label=block.label)
        self.holder().append(node)
        self.open.append(node)
        if not block.text:
            self.untitled = node

    def close_article(self) -> None:
        if self.article is not None:
            self.article.close()
            self.article = None


def _is_title(block: Block) -> bool:
    """True for the one-line title under a ``CHAPTER I`` line."""
    return (
        block.kind is Kind.TEXT
        and block.lines == 1
        and re.search(r"[.;:,]\W*$", block.text) is None
    )
