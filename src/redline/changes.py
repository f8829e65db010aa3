"""The change vocabulary: what a comparison of two versions says, as plain values.

`redline.comparison.engine` produces a `Comparison`; every renderer (text, Markdown, JSON,
HTML, PDF) and the CI check consume one. Nothing here imports the rest of the
package except the model. The vocabulary is closed: eight `ChangeKind` values,
three word `Op` values, three `Place` values.

Guarantees a `Comparison` gives its consumers:
1. Every unit of both versions appears in exactly one `Change` (no unit is matched twice).
2. For every change, joining the ``new`` side of its `WordOp`s gives exactly the new
   text and joining the ``old`` side gives exactly the old text (texts of several
   units on one side are joined with `PART_SEPARATOR`).
3. `Comparison.tree` holds every change in reading order: new-document order, with
   deleted and moved-away units shown where they stood in the old version.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from redline.model import Metadata

PART_SEPARATOR = "\n"
"""Joins the texts of the several units on one side of a split or merge."""


class ChangeKind(Enum):
    """What happened to a unit between the two versions."""

    UNCHANGED = "unchanged"
    """Same text and same number or label."""
    MODIFIED = "modified"
    """Same provision, words changed (it may also be renumbered)."""
    RENUMBERED = "renumbered"
    """Same text, new number or label (e.g. Article 3 became Article 4)."""
    MOVED = "moved"
    """Now under a different parent, or out of order among kept neighbours; may be edited."""
    SPLIT = "split"
    """One old unit became several new ones."""
    MERGED = "merged"
    """Several old units became one new one."""
    INSERTED = "inserted"
    """Only in the new version."""
    DELETED = "deleted"
    """Only in the old version."""


WEAK_CONFIDENCE = 0.5
"""Pairings under this confidence rest on weak evidence: the summaries count them."""


class Evidence(Enum):
    """Why two units were paired: the alignment pass that decided it, or a fact that
    supports it (`Change.matched_by` lists the deciding one first)."""

    EXACT = "exact"
    """The same text (under the options), found once in each version."""
    SAME_ORDER = "same-order"
    """The same text, in the same order among identical neighbours."""
    SIMILAR_TEXT = "similar-text"
    """Most words in common (at least the match or split threshold)."""
    HEADING = "heading"
    """The same heading, found once in each version."""
    SAME_EID = "same-eid"
    """The same eId, with text at least as similar as the evidence floor."""
    CONTAINER_MAJORITY = "container-majority"
    """A container whose text units mostly paired into the other's."""
    POSITION = "position"
    """Between the same paired neighbours, with text at least as similar as the floor."""


class Op(Enum):
    """One step of a word-level diff."""

    EQUAL = "equal"
    """Words present in both texts (compared under the options)."""
    DELETE = "delete"
    """Words only in the old text."""
    INSERT = "insert"
    """Words only in the new text."""


class Place(Enum):
    """Where a node of the redline tree stands in reading order."""

    HERE = "here"
    """An ordinary node: kept, inserted or deleted where it stands."""
    MOVED_FROM = "moved-from"
    """The old position of a moved unit (shown struck through, linking to its new place)."""
    MOVED_TO = "moved-to"
    """The new position of a moved unit (shown inserted, with its word edits inside)."""


@dataclass(frozen=True, slots=True)
class WordOp:
    """A run of words with the exact characters of each version."""

    op: Op
    """Equal, delete or insert."""
    old: str
    """The old version's characters ("" for an insert)."""
    new: str
    """The new version's characters ("" for a delete); for EQUAL it may differ from
    `old` only in what the options ignore (case, whitespace, typography, punctuation)."""


@dataclass(frozen=True, slots=True)
class Side:
    """One unit as it stands in one version."""

    eid: str
    """The unit's eId in that version."""
    element: str
    """The AKN element name."""
    num: str
    """The printed number or label ("" when unnumbered)."""
    label: str
    """A human reference, e.g. ``Article 5(1)(b)`` or, for an unnumbered recital,
    ``Preamble, recital beginning 'Recalling the Charter…'``."""
    heading: str
    """The heading ("" when none)."""
    text: str
    """The unit's own text, without the content of its authorial notes."""
    top: str
    """The eId of the top-level provision (article, section, recital) holding it ("" for
    structural containers such as parts and the preamble's recitals)."""
    anchor: int = -1
    """For an authorial note: offset of its marker in the owning unit's text; else -1."""

    @property
    def is_top(self) -> bool:
        """True for a top-level provision itself (an article, a section, a recital)."""
        return bool(self.top) and self.top == self.eid


@dataclass(frozen=True, slots=True)
class Change:
    """How units of the old version correspond to units of the new one."""

    kind: ChangeKind
    """The one word a reader sees first."""
    element: str
    """The AKN element name (of the new side, or the old one when deleted)."""
    old: tuple[Side, ...]
    """The unit(s) in the old version (empty when inserted)."""
    new: tuple[Side, ...]
    """The unit(s) in the new version (empty when deleted)."""
    similarity: float
    """Word similarity of the two sides, 0.0 to 1.0 (1.0 for identical texts)."""
    ops: tuple[WordOp, ...]
    """Word operations turning the old text into the new text."""
    heading_ops: tuple[WordOp, ...] = ()
    """Word operations on the heading, when either side has one."""
    text_changed: bool = False
    """True when the words differ (under the options)."""
    num_changed: bool = False
    """True when the number or label differs."""
    moved: bool = False
    """True when the unit changed parent or order (kind is MOVED, or SPLIT/MERGED that moved)."""
    matched_by: tuple[Evidence, ...] = ()
    """Why the sides were paired: the deciding evidence first, then supporting facts
    (a heading or eId both sides share); empty for an inserted or deleted unit."""
    confidence: float | None = None
    """How sure the pairing is, 0.0 to 1.0 (see `redline.comparison.evidence`); None for
    an inserted or deleted unit."""


@dataclass(frozen=True, slots=True)
class Node:
    """One entry of the redline tree: a change shown at one place in reading order."""

    change: Change
    """The change this node shows."""
    place: Place
    """Ordinary, old position of a move, or new position of a move."""
    children: tuple[Node, ...] = ()
    """Sub-units, also in reading order."""
    part: int = -1
    """For a split shown in pieces: which of the new units this node shows (see
    `part_ops`); for a merge shown struck at the places of its old units: which old
    unit (see `old_part_ops`); -1 when the node shows the whole change."""


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Knobs of a comparison; thresholds are documented in the README."""

    ignore_case: bool = False
    """Treat upper and lower case as equal."""
    ignore_whitespace: bool = False
    """Treat runs of whitespace (including none between punctuation) as equal."""
    ignore_typography: bool = False
    """Treat straight/curly quotes, dash variants and non-breaking spaces as equal."""
    ignore_punctuation: bool = False
    """Ignore punctuation marks altogether."""
    match_threshold: float = 0.5
    """Lowest similarity at which two units of different position still pair up."""
    split_threshold: float = 0.6
    """Lowest share of an old unit's words a new unit must cover to take part in a split/merge."""
    evidence_floor: float = 0.3
    """Lowest similarity of their texts (share of characters the word diff keeps) at which
    two units pair on weak evidence alone (the same eId, or the same place between
    paired neighbours); below it they are deleted and inserted. Set from the
    evaluation (README, Alignment quality)."""


@dataclass(frozen=True, slots=True)
class Component:
    """A component of either version (an attachment, a schedule, an explanatory
    memorandum), introduced by its title where its units begin in the redline tree."""

    start: int
    """The index in `Comparison.tree` of its first top-level node (of the next
    component's, or the tree's length, when it has no unit)."""
    title_ops: tuple[WordOp, ...]
    """Its title, old to new: all inserted for a component only the new version has,
    all deleted for one only the old version has; empty when it has no title."""
    depth: int = 1
    """1 for a component of the document, 2 for a component of a component, …"""

    @property
    def changed(self) -> bool:
        """True when the title differs between the versions (or one has none)."""
        return any(op.op is not Op.EQUAL for op in self.title_ops)


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Comparison:
    """The whole result of comparing two versions."""

    old: Metadata
    """The old version's metadata."""
    new: Metadata
    """The new version's metadata."""
    options: CompareOptions
    """The options the comparison ran with."""
    changes: tuple[Change, ...]
    """Every change at every level, in reading order."""
    correspondence: tuple[Change, ...]
    """The changes of top-level provisions (recitals, articles, sections), in reading order."""
    tree: tuple[Node, ...]
    """The redline tree: preamble and body, in reading order."""
    title_ops: tuple[WordOp, ...] = ()
    """The word changes of the document's title; empty when the titles are the same
    (under the options)."""
    components: tuple[Component, ...] = ()
    """The components of either version, in the order the tree shows their units."""

    @property
    def identical(self) -> bool:
        """True when nothing changed at any level, the titles (components') included."""
        unchanged = all(change.kind is ChangeKind.UNCHANGED for change in self.changes)
        titles = not any(component.changed for component in self.components)
        return unchanged and not self.title_ops and titles

    def counts(self) -> dict[str, int]:
        """Number of changes of each kind, every kind listed (zeros included)."""
        counts = {kind.value: 0 for kind in ChangeKind}
        for change in self.changes:
            counts[change.kind.value] += 1
        return counts

    def weak_pairings(self, below: float = WEAK_CONFIDENCE) -> tuple[Change, ...]:
        """The pairs, splits and merges (notes left out) whose confidence is under
        `below`: the pairings a person should check, in reading order."""
        return tuple(
            change
            for change in self.changes
            if change.confidence is not None
            and change.confidence < below
            and change.element != "authorialNote"
        )


def replaced(old: str, new: str) -> tuple[WordOp, ...]:
    """Operations deleting all of `old` and inserting all of `new` (empty sides left out):
    the word operations of a unit that exists on one side only.

    >>> [(op.op.value, op.old, op.new) for op in replaced("Article 3", "")]
    [('delete', 'Article 3', '')]
    """
    ops = (WordOp(Op.DELETE, old, ""),) if old else ()
    return ops + ((WordOp(Op.INSERT, "", new),) if new else ())


def accept(ops: tuple[WordOp, ...]) -> str:
    """The text after accepting every change.

    >>> ops = (WordOp(Op.EQUAL, "a ", "a "), WordOp(Op.DELETE, "b", ""), WordOp(Op.INSERT, "", "c"))
    >>> accept(ops)
    'a c'
    """
    return "".join(op.new for op in ops)


def reject(ops: tuple[WordOp, ...]) -> str:
    """The text after rejecting every change.

    >>> ops = (WordOp(Op.EQUAL, "a ", "a "), WordOp(Op.DELETE, "b", ""), WordOp(Op.INSERT, "", "c"))
    >>> reject(ops)
    'a b'
    """
    return "".join(op.old for op in ops)
