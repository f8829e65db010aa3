"""Word operations to inline HTML: the innermost step of the HTML renderer.

`render_plain` turns `WordOp`s into ``<del>``/``<ins>`` runs appended to an lxml
element, as one `Mode` shows them (`redline.renderers.html.notes` adds the note markers).
Guarantees:
1. Draft text only ever becomes element text or attribute values, so lxml escapes it;
   characters XML cannot hold become U+FFFD.
2. In every `Mode`, removing each ``<ins>`` and unwrapping each ``<del>`` leaves
   exactly the old characters the mode shows; the reverse leaves the new ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from lxml import etree

from redline.changes import Node, Op, WordOp, replaced
from redline.comparison import worddiff

Element = etree._Element


class Mode(Enum):
    """How the word operations of one unit are shown."""

    NORMAL = "normal"
    """Tracked changes in place: equal text plain, deletions struck, insertions underlined."""
    DELETED = "deleted"
    """The old text only, all struck (a deleted unit)."""
    INSERTED = "inserted"
    """The new text only, all underlined (an inserted unit)."""
    MOVED_FROM = "moved-from"
    """The old text only, struck as a move (the old place of a moved unit)."""
    MOVED_TO = "moved-to"
    """The new text as a move, with its word edits (the new place of a moved unit)."""
    OLD_COLUMN = "old-column"
    """The old text with its deletions (left column of the side-by-side layout)."""
    NEW_COLUMN = "new-column"
    """The new text with its insertions (right column of the side-by-side layout)."""


# (tag, class, side whose characters are shown); tag "" is plain text, "ghost" is a
# deleted word inside a moved text, drawn by CSS from an attribute so that the text of
# the new place holds no old words.
Style = tuple[str, str, str]
_STYLES: dict[Mode, dict[Op, Style | None]] = {
    Mode.NORMAL: {
        Op.EQUAL: ("", "", "new"),
        Op.DELETE: ("del", "", "old"),
        Op.INSERT: ("ins", "", "new"),
    },
    Mode.DELETED: {Op.EQUAL: ("del", "", "old"), Op.DELETE: ("del", "", "old"), Op.INSERT: None},
    Mode.INSERTED: {Op.EQUAL: ("ins", "", "new"), Op.DELETE: None, Op.INSERT: ("ins", "", "new")},
    Mode.MOVED_FROM: {
        Op.EQUAL: ("del", "rl-move", "old"),
        Op.DELETE: ("del", "rl-move", "old"),
        Op.INSERT: None,
    },
    Mode.MOVED_TO: {
        Op.EQUAL: ("ins", "rl-move", "new"),
        Op.DELETE: ("ghost", "rl-move", "old"),
        Op.INSERT: ("ins", "rl-move rl-edit", "new"),
    },
    Mode.OLD_COLUMN: {Op.EQUAL: ("", "", "old"), Op.DELETE: ("del", "", "old"), Op.INSERT: None},
    Mode.NEW_COLUMN: {Op.EQUAL: ("", "", "new"), Op.DELETE: None, Op.INSERT: ("ins", "", "new")},
}

#: The note sides each mode shows markers for.
NOTE_SIDES: dict[Mode, frozenset[str]] = {
    Mode.NORMAL: frozenset({"old", "new"}),
    Mode.DELETED: frozenset({"old"}),
    Mode.MOVED_FROM: frozenset({"old"}),
    Mode.OLD_COLUMN: frozenset({"old"}),
    Mode.INSERTED: frozenset({"new"}),
    Mode.MOVED_TO: frozenset({"new"}),
    Mode.NEW_COLUMN: frozenset({"new"}),
}


@dataclass
class Footnote:
    """A note marker shown in the text, waiting for its body to be written."""

    fid: str
    """The id of the footnote body."""
    ref: str
    """The id of the marker, for the link back."""
    marker: tuple[WordOp, ...]
    """The marker's number as word operations."""
    body: tuple[WordOp, ...]
    """The note's text as word operations."""
    mode: Mode
    """How marker and body are shown."""
    node: Node
    """The note's node in the redline tree."""


@dataclass
class Context:
    """What one rendering collects as it goes: ids taken and footnotes to write."""

    ids: set[str] = field(default_factory=set)
    """Every id given out so far."""
    footnotes: list[Footnote] = field(default_factory=list)
    """Markers shown so far, in reading order."""
    notes_at_markers: bool = False
    """Write each note's body right after its marker (for paged footnotes) instead of
    collecting it for a notes section."""
    small_caps: frozenset[str] = frozenset()
    """Ids of the nodes whose heading the source prints in small caps (US bills: the
    ``smallCaps`` fact of each version; old eIds as ``old-`` + eId)."""

    def take(self, wanted: str) -> str:
        """`wanted` if still free, else `wanted` with the first free ``-2``, ``-3`` suffix."""
        candidate, index = wanted, 2
        while candidate in self.ids:
            candidate, index = f"{wanted}-{index}", index + 1
        self.ids.add(candidate)
        return candidate


@dataclass(frozen=True, slots=True)
class Run:
    """Characters of one operation as shown in a mode."""

    tag: str
    cls: str
    text: str
    side: str
    """Which version's characters `text` holds."""
    seps: str
    """Which sides a unit separator inside `text` belongs to: old, new or both."""
    old: tuple[int, int]
    new: tuple[int, int]


#: Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; surrogates; U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    r"""`text` with characters XML cannot hold replaced by U+FFFD (one precompiled pattern:
    this runs on every piece of text of a page).

    >>> clean("a\x00b\tc")
    'a\ufffdb\tc'
    """
    return _NOT_XML.sub("\ufffd", text)


def diff_words(old: str, new: str) -> tuple[WordOp, ...]:
    """Word operations between two short strings (numbers, titles), keeping their
    characters: the engine's own word diff, so labels are marked as text is.

    >>> [(op.op.value, op.old, op.new) for op in diff_words("Article 3", "Article 4")]
    [('equal', 'Article ', 'Article '), ('delete', '3', ''), ('insert', '', '4')]
    """
    return worddiff.diff_words(old, new)


def side_ops(old: str, new: str) -> tuple[WordOp, ...]:
    """Word operations for a label that exists on either side or both."""
    if old and new:
        return diff_words(old, new)
    return replaced(old, new)


def make_runs(ops: tuple[WordOp, ...], mode: Mode) -> list[Run]:
    """The runs a mode shows for `ops`, with the character ranges they cover."""
    runs: list[Run] = []
    old_at = new_at = 0
    for op in ops:
        style = _STYLES[mode][op.op]
        old_end, new_end = old_at + len(op.old), new_at + len(op.new)
        if style is not None:
            tag, cls, side = style
            text = op.old if side == "old" else op.new
            seps = {Op.EQUAL: "both", Op.DELETE: "old", Op.INSERT: "new"}[op.op]
            if text:
                runs.append(Run(tag, cls, text, side, seps, (old_at, old_end), (new_at, new_end)))
        old_at, new_at = old_end, new_end
    return runs


def append_text(parent: Element, text: str) -> None:
    """Add `text` at the end of `parent`'s content."""
    if not text:
        return
    text = clean(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_run(parent: Element, tag: str, cls: str, text: str) -> None:
    """Append `text` shown as `tag` (joined to an identical run just before it)."""
    if not text:
        return
    if not tag:
        append_text(parent, text)
        return
    last = parent[-1] if len(parent) else None
    html_tag = "span" if tag == "ghost" else tag
    classes = f"rl-ghost {cls}".strip() if tag == "ghost" else cls
    if (
        last is not None
        and last.tag == html_tag
        and not last.tail
        and last.get("class", "") == (classes)
    ):
        if tag == "ghost":
            last.set("data-text", last.get("data-text", "") + clean(text))
        else:
            append_text(last, text)
        return
    element = etree.SubElement(parent, html_tag)
    if classes:
        element.set("class", classes)
    if tag == "ghost":
        element.set("data-text", clean(text))
        element.set("title", "deleted")
    else:
        element.text = clean(text)


def render_plain(parent: Element, ops: tuple[WordOp, ...], mode: Mode) -> None:
    """Append `ops` as shown in `mode`, without notes or unit separators."""
    for run in make_runs(ops, mode):
        add_run(parent, run.tag, run.cls, run.text)


def mode_is_move(mode: Mode) -> bool:
    """True for the two places of a move."""
    return mode in (Mode.MOVED_FROM, Mode.MOVED_TO)
