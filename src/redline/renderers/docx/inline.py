"""The redline tree as one Word document with tracked changes: the inline layout.

Walks `Comparison.tree` in reading order (`redline.renderers.html.facts` says what each
node shows) and writes one paragraph per heading line and per text unit, styled by
what it is (``Heading 1``–``4`` for parts and articles, ``Provision N`` and ``Text N`` for
numbered and unnumbered text at list depth N), each component introduced by its title
(``Redline Component Title``, its changes tracked). A number that stands before its first
text (``1.`` before an intro) starts that text's paragraph, followed by a tab.
Guarantees: an inserted, deleted or moved unit is whole paragraphs whose marks carry
the same revision, so Accept All / Reject All remove them without a trace; each move
that shows at both places is one ``w:moveFrom`` range and one ``w:moveTo`` range of the
same name, balanced; a renumbered unit shows the change of its number only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from redline.changes import ChangeKind, Component, Node, Op, Place, WordOp
from redline.renderers.docx.ooxml import (
    Element,
    has_content,
    mark_paragraph,
    paragraph,
    sub,
    w,
)
from redline.renderers.docx.words import Words
from redline.renderers.html.facts import (
    SECTIONS,
    Facts,
    Key,
    Moves,
    change_key,
    collect_moves,
    node_facts,
    node_mode,
    with_components,
)
from redline.renderers.html.words import Context, Mode

#: Children drawn at their parent's depth: they carry its number or hold its points.
_FLAT = frozenset({"intro", "content", "wrapUp", "list", "blockList"})
_WORD_LABEL = re.compile(r"\S\s+\S")  # "Article 5", "SEC. 2.": a word, then a number
MAX_DEPTH = 5
"""Deepest indentation level that has its own style."""


@dataclass(frozen=True, slots=True)
class Pending:
    """A container's number waiting for the paragraph of its first text."""

    ops: tuple[WordOp, ...]
    mode: Mode


def move_names(tree: tuple[Node, ...]) -> dict[Key, str]:
    """A range name (``move1`` …) for every move shown at both of its places as the
    outermost move there; other moves are shown as plain deletions and insertions."""
    places: dict[Place, list[Key]] = {Place.MOVED_FROM: [], Place.MOVED_TO: []}

    def visit(node: Node, inside: bool) -> None:
        moving = node.place is not Place.HERE
        if moving and not inside:
            places[node.place].append(change_key(node))
        for child in node.children:
            visit(child, inside or moving)

    for node in tree:
        visit(node, False)
    both = [key for key in places[Place.MOVED_TO] if key in set(places[Place.MOVED_FROM])]
    return {key: f"move{index}" for index, key in enumerate(dict.fromkeys(both), start=1)}


class Inline:
    """Writes the nodes of the tree as paragraphs of `body`."""

    def __init__(self, words: Words, body: Element, tree: tuple[Node, ...]) -> None:
        self.words = words
        self.body = body
        self.moves: Moves = collect_moves(tree)
        self.names = move_names(tree)
        self.context = Context()

    def write(self, tree: tuple[Node, ...], components: tuple[Component, ...] = ()) -> None:
        """The nodes of `tree`, each component's title before its first node."""
        for item in with_components(tree, components):
            if isinstance(item, Component):
                title = paragraph(self.body, "ComponentTitle", "", self.words.revisions)
                self.words.text(title, item.title_ops, Mode.NORMAL)
            else:
                self.node(item, Mode.NORMAL, 0, 0, ())

    def node(
        self, node: Node, inherited: Mode, depth: int, level: int, pending: tuple[Pending, ...]
    ) -> None:
        """Write `node` and its subtree; `level` counts the headings above it."""
        facts = node_facts(node, node_mode(node, inherited), self.context, self.moves)
        start = len(self.body)
        name = self._open_move(node, facts.mode)
        element = node.change.element
        if element in SECTIONS and (facts.num or facts.heading):
            self._heading(facts, level, pending)
            if facts.text:  # a section with words of its own (USLM appropriations)
                self._text(replace(facts, num=(), heading=()), depth, ())
            self._children(facts, 0, level + 1, ())
        elif facts.children and not facts.text:
            if facts.heading:
                self._text(facts, depth, pending, heading_only=True)
                pending = ()
            elif facts.num:
                pending = (*pending, Pending(facts.num, facts.mode))
            self._children(facts, depth, level, pending)
        elif facts.num or facts.heading or facts.text or pending:
            self._text(facts, depth, pending)
        if _continued_by_piece(node):
            # the paragraph break between two pieces of a split is new: rejecting it
            # joins the pieces back into the old unit's one paragraph
            written = [p for p in list(self.body)[start:] if p.tag == w("p")]
            if written:
                mark_paragraph(written[-1], "ins", self.words.revisions)
        if name:
            self._close_move(name, start)

    def _children(self, facts: Facts, depth: int, level: int, pending: tuple[Pending, ...]) -> None:
        for index, child in enumerate(facts.children):
            child_depth = depth if child.change.element in _FLAT else depth + 1
            first = pending if index == 0 else ()
            self.node(child, facts.mode, min(child_depth, MAX_DEPTH), level, first)

    def _heading(self, facts: Facts, level: int, pending: tuple[Pending, ...]) -> None:
        style = f"Heading{min(level + 1, 4)}"
        para = paragraph(self.body, style, self.words.mark(facts.mode), self.words.revisions)
        self._pending(para, pending)
        self.words.text(para, facts.num, facts.mode)
        if facts.num and facts.heading:
            label = "".join(op.new or op.old for op in facts.num)
            gap = "\n" if _WORD_LABEL.search(label) else " "
            self.words.text(para, _joint(facts.num, gap), facts.mode)
        self.words.text(para, facts.heading, facts.mode)

    def _text(
        self, facts: Facts, depth: int, pending: tuple[Pending, ...], heading_only: bool = False
    ) -> None:
        numbered = bool(facts.num or pending)
        style = f"{'Provision' if numbered else 'Text'}{depth}"
        uniform = all(p.mode is facts.mode for p in pending)
        mark = self.words.mark(facts.mode) if uniform else ""
        para = paragraph(self.body, style, mark, self.words.revisions)
        self._pending(para, pending)
        if facts.num:
            self.words.text(para, facts.num, facts.mode)
            self.words.text(para, _joint(facts.num, "\t"), facts.mode)
        if facts.heading:
            self.words.text(para, facts.heading, facts.mode)
            if facts.text:
                self.words.text(para, _joint(facts.heading, "\n"), facts.mode)
        if not heading_only:
            self.words.add(para, facts.text, facts.mode, facts.notes, facts.separators)
        if not has_content(para):
            self.body.remove(para)

    def _pending(self, para: Element, pending: tuple[Pending, ...]) -> None:
        for waiting in pending:
            self.words.text(para, waiting.ops, waiting.mode)
            self.words.text(para, _joint(waiting.ops, "\t"), waiting.mode)

    def _open_move(self, node: Node, mode: Mode) -> str:
        if self.words.moving or mode not in (Mode.MOVED_FROM, Mode.MOVED_TO):
            return ""
        name = self.names.get(change_key(node), "")
        if name:
            self.words.moving = "moveFrom" if mode is Mode.MOVED_FROM else "moveTo"
        return name

    def _close_move(self, name: str, start: int) -> None:
        kind = self.words.moving
        self.words.moving = ""
        written = [p for p in list(self.body)[start:] if p.tag == w("p")]
        if not written:
            return
        revisions = self.words.revisions
        opening = revisions.stamp(sub(written[0], f"{kind}RangeStart"))
        opening.set(w("name"), name)
        written[0].remove(opening)
        written[0].insert(1, opening)  # after the paragraph properties
        sub(written[-1], f"{kind}RangeEnd", id=opening.get(w("id"), ""))


def _continued_by_piece(node: Node) -> bool:
    """True for a piece of a split shown in place that another piece follows."""
    change = node.change
    shown_in_place = node.place is Place.HERE and change.kind is ChangeKind.SPLIT
    return shown_in_place and 0 <= node.part < len(change.new) - 1


def _joint(before: tuple[WordOp, ...], text: str) -> tuple[WordOp, ...]:
    """The space, tab or break after a number or heading, on the side(s) it stands on:
    after a number only the new version has, an inserted tab (so that rejecting leaves
    no tab between two old words: ``nature\t.``), after one only the old has, a
    deleted one."""
    sides = {op.op for op in before}
    if sides == {Op.INSERT}:
        return (WordOp(Op.INSERT, "", text),)
    if sides == {Op.DELETE}:
        return (WordOp(Op.DELETE, text, ""),)
    return (WordOp(Op.EQUAL, text, text),)
