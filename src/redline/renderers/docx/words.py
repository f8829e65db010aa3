"""Word operations to Word runs: the step that decides which revision each word carries.

`Words.add` is the .docx twin of the HTML renderer's `render_runs`: the runs a `Mode`
shows (`redline.renderers.html.words.make_runs`), the note markers at their anchors
(`place_markers`) and the numbers between the units a split or merge joins. Each run
gets a Word revision by its mode and side: plain, ``w:ins``, ``w:del``, ``w:moveFrom``
or ``w:moveTo``. Guarantees: in every mode, accepting every revision leaves exactly
the new characters the mode shows and rejecting every revision the old ones (a word
deleted inside moved text is a ``w:del`` at the old place and absent at the new);
each note marker is a real footnote reference whose body holds the note's own changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from redline.changes import PART_SEPARATOR, Node, Op, WordOp
from redline.renderers.docx.ooxml import Element, Revisions, add_runs, add_text, make_runs, sub, w
from redline.renderers.html.notes import Marker, place_markers
from redline.renderers.html.words import Mode, Run, side_ops
from redline.renderers.html.words import make_runs as shown_runs

#: Mode -> side of a run ("both" equal, "old" deleted, "new" inserted) -> revision. A
#: ``style:`` value marks the words by a character style instead (side-by-side columns,
#: where the two versions stand apart and nothing is to be accepted or rejected).
_REVISIONS: dict[Mode, dict[str, str]] = {
    Mode.NORMAL: {"both": "", "old": "del", "new": "ins"},
    Mode.DELETED: {"both": "del", "old": "del", "new": "del"},
    Mode.INSERTED: {"both": "ins", "old": "ins", "new": "ins"},
    Mode.MOVED_FROM: {"both": "moveFrom", "old": "del", "new": "del"},
    Mode.MOVED_TO: {"both": "moveTo", "old": "ins", "new": "ins"},
    Mode.OLD_COLUMN: {"both": "", "old": "style:Deleted", "new": "style:Deleted"},
    Mode.NEW_COLUMN: {"both": "", "old": "style:Inserted", "new": "style:Inserted"},
}

#: In a footnote body the move is carried by its reference: the body shows the edits only.
_NOTE_MODES = {Mode.MOVED_FROM: Mode.OLD_COLUMN, Mode.MOVED_TO: Mode.NEW_COLUMN}
_NOTE_REVISIONS = {
    Mode.OLD_COLUMN: {"both": "", "old": "del", "new": "del"},
    Mode.NEW_COLUMN: {"both": "", "old": "ins", "new": "ins"},
}

#: Character styles of the side-by-side marks, by revision (and by mode, below).
_MARK_STYLES = {"del": "Deleted", "ins": "Inserted", "moveFrom": "MovedFrom", "moveTo": "MovedTo"}
#: Character styles of the side-by-side marks, by mode.
_COLUMN_STYLES = {
    Mode.DELETED: "Deleted",
    Mode.MOVED_FROM: "MovedFrom",
    Mode.INSERTED: "Inserted",
    Mode.MOVED_TO: "MovedTo",
}


def _side(ops: tuple[WordOp, ...]) -> str:
    kinds = {op.op for op in ops}
    if kinds == {Op.DELETE}:
        return "old"
    if kinds == {Op.INSERT}:
        return "new"
    return "both"


@dataclass
class Words:
    """Writes the words of one document: runs in paragraphs, and the footnotes."""

    revisions: Revisions
    """Ids, author and date."""
    columns: bool = False
    """Side-by-side: marks are character styles, not revisions."""
    moving: str = ""
    """``moveFrom``/``moveTo`` while inside a named move range, else ``""`` (a move with
    no range is shown as a plain deletion or insertion)."""
    footnotes: list[Element] = field(default_factory=list)
    """The ``w:footnote`` elements written so far."""

    def revision(self, mode: Mode, side: str) -> str:
        """The revision (or ``style:`` mark) of a run of `side` shown in `mode`."""
        value = _REVISIONS[mode][side]
        if self.columns:
            style = _COLUMN_STYLES.get(mode) or _MARK_STYLES.get(value)
            return f"style:{style}" if style else value
        if value in ("moveFrom", "moveTo") and self.moving != value:
            return "del" if value == "moveFrom" else "ins"
        return value

    def mark(self, mode: Mode) -> str:
        """The revision of the paragraph mark of a paragraph shown whole in `mode`."""
        if self.columns or mode is Mode.NORMAL:
            return ""
        return self.revision(mode, "both")

    def text(self, parent: Element, ops: tuple[WordOp, ...], mode: Mode) -> None:
        """Append `ops` as `mode` shows them, without notes or separators."""
        for run in shown_runs(ops, mode):
            if run.tag != "ghost":
                self._put(parent, run.text, self.revision(mode, run.seps))

    def _put(self, parent: Element, text: str, revision: str) -> None:
        if revision.startswith("style:"):
            add_text(parent, text, "", self.revisions, style=revision[6:])
        else:
            add_text(parent, text, revision, self.revisions)

    def add(
        self,
        parent: Element,
        ops: tuple[WordOp, ...],
        mode: Mode,
        notes: tuple[Node, ...] = (),
        separators: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    ) -> None:
        """Append `ops` with note markers at their anchors and split/merge numbers."""
        runs = [run for run in shown_runs(ops, mode) if run.tag != "ghost"]
        markers = place_markers(runs, notes, mode)
        counters = {"old": 0, "new": 0}
        at = 0
        for index, run in enumerate(runs):
            cut = 0
            while at < len(markers) and markers[at].slot[0] == index:
                piece = run.text[cut : markers[at].slot[1]]
                self._pieces(parent, run, piece, mode, separators, counters)
                cut = max(cut, markers[at].slot[1])
                self.reference(parent, markers[at], mode)
                at += 1
            self._pieces(parent, run, run.text[cut:], mode, separators, counters)
        for marker in markers[at:]:
            self.reference(parent, marker, mode)

    def _pieces(
        self,
        parent: Element,
        run: Run,
        text: str,
        mode: Mode,
        separators: tuple[tuple[str, ...], tuple[str, ...]],
        counters: dict[str, int],
    ) -> None:
        revision = self.revision(mode, run.seps)
        for index, piece in enumerate(text.split(PART_SEPARATOR)):
            if index:
                self._put(parent, "\n", revision)
                old = _next(separators[0], counters, "old") if run.seps != "new" else ""
                new = _next(separators[1], counters, "new") if run.seps != "old" else ""
                if old or new:
                    self.text(parent, side_ops(old, new), mode)
                    self._put(parent, "\t", revision)
            self._put(parent, piece, revision)

    def reference(self, parent: Element, marker: Marker, mode: Mode) -> None:
        """A footnote reference for `marker`, and its footnote with the note's changes."""
        number = str(len(self.footnotes) + 1)
        run = etree.Element(w("r"))
        sub(sub(run, "rPr"), "rStyle", val="FootnoteReference")
        sub(run, "footnoteReference", id=number)
        revision = self.revision(mode, _side(marker.ops))
        add_runs(parent, [run], "" if revision.startswith("style:") else revision, self.revisions)
        self.footnotes.append(self._footnote(number, marker, mode))

    def _footnote(self, number: str, marker: Marker, mode: Mode) -> Element:
        footnote = etree.Element(w("footnote"), {w("id"): number})
        body = sub(footnote, "p")
        sub(sub(body, "pPr"), "pStyle", val="FootnoteText")
        ref = sub(body, "r")
        sub(sub(ref, "rPr"), "rStyle", val="FootnoteReference")
        sub(ref, "footnoteRef")
        body.extend(make_runs(" "))
        note_mode = _NOTE_MODES.get(mode, mode)
        for run in shown_runs(marker.body, note_mode):
            if run.tag == "ghost":
                continue
            if self.columns:
                revision = self.revision(mode, run.seps)
            else:
                table = _NOTE_REVISIONS.get(note_mode) or _REVISIONS[note_mode]
                revision = table[run.seps]
            self._put(body, run.text, revision)
        return footnote


def _next(nums: tuple[str, ...], counters: dict[str, int], side: str) -> str:
    index = counters[side]
    counters[side] += 1
    return nums[index] if index < len(nums) else ""
