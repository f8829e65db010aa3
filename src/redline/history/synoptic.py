"""The synoptic table as values: one row per top-level lineage, one cell per chosen version.

Each cell holds the provision's whole text in that version (numbered lines: its
sub-units, then its notes) marked word by word against the cell of the column before
it, the kind of change between the two columns, the label it had there when it
changed, and which of its parts moved in or out. The HTML/PDF renderer only lays this
out. Guarantees: in every cell, accepting the operations gives the provision's text in
that column's version and rejecting them gives its text in the column before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.changes import ChangeKind, Op, Side, WordOp
from redline.comparison.worddiff import diff_words
from redline.history.values import History, Lineage
from redline.model import Unit

LINE = "\n"
"""Separates the lines (sub-units, notes) of a provision's text in a cell."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One provision in one version, marked against the column before."""

    version: int
    """Index of the cell's version."""
    sides: tuple[Side, ...]
    """The lineage's units in that version (empty: absent there)."""
    kind: ChangeKind | None
    """The change since the column before (None in the first column, or absent from both)."""
    was: str
    """The label in the column before, when it differs ("" otherwise)."""
    ops: tuple[WordOp, ...]
    """The text's lines (`LINE`-separated) as word operations against the column before."""
    moves: tuple[str, ...]
    """Parts that moved in or out since the column before
    (``Article 8(2) moved from Article 11(3)``)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One lineage across the chosen columns."""

    lineage: Lineage
    cells: tuple[Cell, ...]


def unit_lines(unit: Unit) -> list[str]:
    """A provision as lines: its heading, each numbered or headed sub-unit and text unit,
    then its notes as ``[marker] text``."""
    lines = [unit.heading] if unit.heading else []
    notes: list[str] = [f"[{n.marker}] {n.text}" for n in unit.notes]
    for sub in unit.walk():
        if sub is unit:
            if unit.text:
                lines.append(f"{unit.num} {unit.text}".strip() if unit.is_text else unit.text)
            continue
        own = sub.text if sub.is_text else sub.heading
        line = f"{sub.num} {own}".strip()
        if line:
            lines.append(line)
        notes += [f"[{n.marker}] {n.text}" for n in sub.notes]
    return [_one_line(line) for line in lines + notes]


def _one_line(text: str) -> str:
    """`text` with any line break of its own made a space: `LINE` alone breaks lines."""
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


class Synopsis:
    """Builds rows of the synoptic table for chosen columns of a history."""

    def __init__(self, history: History, columns: Sequence[int]) -> None:
        self.history = history
        self.columns = tuple(columns)
        self.units = [{u.eid: u for u in doc.walk()} for doc in history.documents]
        self.notes = [{n.eid: n.text for _, n in doc.notes()} for doc in history.documents]
        self.tops: list[dict[str, Lineage]] = [{} for _ in history.versions]
        for lineage in history.lineages:
            if lineage.top:
                for index, sides in enumerate(lineage.units):
                    self.tops[index].update((side.eid, lineage) for side in sides)
        self.moves = self._moves()

    def text(self, version: int, sides: tuple[Side, ...]) -> str:
        """The lines of `sides` in `version`, joined by `LINE`."""
        lines: list[str] = []
        for side in sides:
            unit = self.units[version].get(side.eid)
            if unit is not None:
                lines += unit_lines(unit)
            elif side.eid in self.notes[version]:
                lines.append(_one_line(f"[{side.num}] {side.text}"))
        return LINE.join(lines)

    def rows(self, lineages: Sequence[Lineage]) -> list[Row]:
        """The rows of `lineages` that exist in at least one chosen column."""
        rows = []
        for lineage in lineages:
            if any(lineage.units[column] for column in self.columns):
                rows.append(Row(lineage, tuple(self._cells(lineage))))
        return rows

    def _cells(self, lineage: Lineage) -> list[Cell]:
        cells: list[Cell] = []
        before: int | None = None
        for column in self.columns:
            cells.append(self._cell(lineage, before, column))
            before = column
        return cells

    def _cell(self, lineage: Lineage, before: int | None, column: int) -> Cell:
        """The cell of `lineage` in `column`, marked against column `before` (None: first)."""
        sides = lineage.units[column]
        new_text = self.text(column, sides)
        if before is None:
            return Cell(column, sides, None, "", _marked(new_text, new_text), ())
        old = lineage.units[before]
        old_text = self.text(before, old)
        was = " + ".join(s.label for s in old)
        now = " + ".join(s.label for s in sides)
        return Cell(
            version=column,
            sides=sides,
            kind=self._kind(lineage, before, column, old_text, new_text),
            was=was if old and sides and was != now else "",
            ops=_marked(old_text, new_text),
            moves=self.moves.get((before, column, lineage.key), ()),
        )

    def _kind(
        self, lineage: Lineage, before: int, column: int, old: str, new: str
    ) -> ChangeKind | None:
        """The change between two columns: the step's own kind between neighbours, else
        what the texts say (moved when any step between them moved)."""
        olds, news = lineage.units[before], lineage.units[column]
        if column == before + 1:
            step = lineage.steps[before]
            return step.kind if step else None
        if not olds and not news:
            return None
        if not olds or not news:
            return ChangeKind.INSERTED if news else ChangeKind.DELETED
        steps = lineage.steps[before:column]
        if any(step and step.moved for step in steps):
            return ChangeKind.MOVED
        if old == new:
            same = [s.label for s in olds] == [s.label for s in news]
            return ChangeKind.UNCHANGED if same else ChangeKind.RENUMBERED
        return ChangeKind.MODIFIED

    def _moves(self) -> dict[tuple[int, int, str], tuple[str, ...]]:
        """Per (column before, column, top lineage key), the parts that moved in or out."""
        found: dict[tuple[int, int, str], list[str]] = {}
        for before, column in zip(self.columns, self.columns[1:], strict=False):
            for lineage in self.history.lineages:
                if lineage.top or not lineage.units[before] or not lineage.units[column]:
                    continue
                old, new = lineage.units[before][0], lineage.units[column][0]
                was = self.tops[before].get(old.top)
                now = self.tops[column].get(new.top)
                if was is None or now is None or was is now:
                    continue
                found.setdefault((before, column, now.key), []).append(
                    f"{new.label} moved from {old.label}"
                )
                found.setdefault((before, column, was.key), []).append(
                    f"{old.label} moved to {new.label}"
                )
        return {key: _outermost(notes) for key, notes in found.items()}


def _outermost(notes: list[str]) -> tuple[str, ...]:
    """The notes without those about a part of a unit already noted as moved."""
    heads = [note.partition(" moved ")[0] for note in notes]
    kept = [
        note
        for note, head in zip(notes, heads, strict=True)
        if not any(head != other and head.startswith(other) for other in heads)
    ]
    return tuple(kept)


def _marked(old: str, new: str) -> tuple[WordOp, ...]:
    """`new` marked against `old` (one equal run when they are the same)."""
    if old == new:
        return (WordOp(Op.EQUAL, old, new),) if new else ()
    return diff_words(old, new)
