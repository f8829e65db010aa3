"""The synoptic table as values: one row per top-level lineage, one cell per chosen version.

Each cell holds the provision's whole text in that version (numbered lines: its
sub-units, then its notes) marked against the cell of the column before it, line by
line: each line is diffed word by word with the lines of the same lineage there, so an
edit never smears over a neighbouring paragraph. A cell also holds the kind of change
between the two columns, the label it had there when it changed, which of its parts
moved in or out, and whether an earlier draft's text was restored. The HTML/PDF
renderer only lays this out. Guarantees: in every cell, accepting the operations gives
the provision's text in that column's version, and rejecting them gives every line of
its text in the column before, once (a line moved within the provision at its new place).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.changes import ChangeKind, Op, Side, WordOp, replaced
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


def unit_lines(unit: Unit) -> list[tuple[str, str]]:
    """A provision as (eId, line) pairs: its heading, each numbered or headed sub-unit
    and text unit, then its notes as ``[marker] text``; each line names the unit (or
    note) it shows."""
    lines = [(unit.eid, unit.heading)] if unit.heading else []
    notes = [(n.eid, f"[{n.marker}] {n.text}") for n in unit.notes]
    for sub in unit.walk():
        if sub is unit:
            if unit.text:
                lines.append((unit.eid, f"{unit.num} {unit.text}".strip()))
            continue
        own = sub.text if sub.is_text else sub.heading
        line = f"{sub.num} {own}".strip()
        if line:
            lines.append((sub.eid, line))
        notes += [(n.eid, f"[{n.marker}] {n.text}") for n in sub.notes]
    return [(eid, _one_line(line)) for eid, line in lines + notes]


def _one_line(text: str) -> str:
    """`text` with any line break of its own made a space: `LINE` alone breaks lines."""
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


class Synopsis:
    """Builds rows of the synoptic table for chosen columns of a history."""

    def __init__(self, history: History, columns: Sequence[int]) -> None:
        self.history = history
        self.columns = tuple(columns)
        self.units = [{u.eid: u for u in doc.every_unit()} for doc in history.documents]
        self.keys: list[dict[str, str]] = [{} for _ in history.versions]
        self.tops: list[dict[str, Lineage]] = [{} for _ in history.versions]
        for lineage in history.lineages:
            for index, sides in enumerate(lineage.units):
                self.keys[index].update((side.eid, lineage.key) for side in sides)
                if lineage.top:
                    self.tops[index].update((side.eid, lineage) for side in sides)
        self.moves = self._moves()

    def lines(self, version: int, sides: tuple[Side, ...]) -> list[tuple[str, str]]:
        """The lines of `sides` in `version`, each with the key of the lineage it shows."""
        keys = self.keys[version]
        lines: list[tuple[str, str]] = []
        for side in sides:
            unit = self.units[version].get(side.eid)
            if unit is not None:
                lines += [(keys.get(eid, eid), line) for eid, line in unit_lines(unit)]
            else:  # a note's own lineage
                lines.append((keys.get(side.eid, side.eid), _one_line(f"[{side.num}] {side.text}")))
        return lines

    def text(self, version: int, sides: tuple[Side, ...]) -> str:
        """The lines of `sides` in `version`, joined by `LINE`."""
        return LINE.join(line for _, line in self.lines(version, sides))

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
        new_lines = self.lines(column, sides)
        new_text = LINE.join(line for _, line in new_lines)
        if before is None:
            return Cell(column, sides, None, "", _marked(new_text, new_text), ())
        old = lineage.units[before]
        old_lines = self.lines(before, old)
        old_text = LINE.join(line for _, line in old_lines)
        was = " + ".join(s.label for s in old)
        now = " + ".join(s.label for s in sides)
        return Cell(
            version=column,
            sides=sides,
            kind=self._kind(lineage, before, column, old_text, new_text),
            was=was if old and sides and was != now else "",
            ops=mark_lines(old_lines, new_lines),
            moves=self.moves.get((before, column, lineage.key), ()) + _restored(lineage, before),
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


def _restored(lineage: Lineage, before: int) -> tuple[str, ...]:
    """A note for a provision absent from the column before that an earlier draft held."""
    if lineage.units[before]:
        return ()
    earlier = [index for index in range(before) if lineage.units[index]]
    if not earlier:
        return ()
    label = " + ".join(side.label for side in lineage.units[earlier[-1]])
    return (f"restored as it stood in v{earlier[-1] + 1} ({label})",)


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


def _segments(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Consecutive lines of one lineage joined into one segment (the parts of a split)."""
    out: list[tuple[str, str]] = []
    for key, line in lines:
        if out and out[-1][0] == key:
            out[-1] = (key, out[-1][1] + LINE + line)
        else:
            out.append((key, line))
    return out


def mark_lines(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> tuple[WordOp, ...]:
    """The new lines marked against the old, line by line: each line is diffed with the
    old lines of the same lineage (all of them, for a merge), and old lines without a
    counterpart are shown deleted where they stood. Accepting the operations gives the new
    lines in order; rejecting them gives every old line once.
    """
    groups: dict[str, list[str]] = {}
    for key, line in old:
        groups.setdefault(key, []).append(line)
    order = list(groups)
    place = {key: index for index, key in enumerate(order)}
    shown = {key for key, _ in new}
    pairs: list[tuple[str, str]] = []
    done: set[str] = set()
    at = 0
    for key, line in _segments(new):
        if key in groups and key not in done:
            for gone in order[at : place[key]]:
                if gone not in shown and gone not in done:
                    pairs.append((LINE.join(groups[gone]), ""))
                    done.add(gone)
            at = max(at, place[key] + 1)
            pairs.append((LINE.join(groups[key]), line))
            done.add(key)
        else:
            pairs.append(("", line))
    pairs += [(LINE.join(groups[key]), "") for key in order if key not in done]
    return _joined(pairs)


def _joined(pairs: list[tuple[str, str]]) -> tuple[WordOp, ...]:
    """The operations of (old, new) segment pairs, with `LINE` between segments on each
    side that has text on both sides of it."""
    ops: list[WordOp] = []
    old_started = new_started = False
    for old, new in pairs:
        sep_old, sep_new = old_started and bool(old), new_started and bool(new)
        if sep_old or sep_new:
            kind = Op.EQUAL if sep_old and sep_new else Op.DELETE if sep_old else Op.INSERT
            ops.append(WordOp(kind, LINE if sep_old else "", LINE if sep_new else ""))
        ops += _marked(old, new) if old and new else replaced(old, new)
        old_started, new_started = old_started or bool(old), new_started or bool(new)
    return tuple(ops)
