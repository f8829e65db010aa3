"""Word provenance: the version in which each word of the last version first appeared.

Walks the word operations of every pairwise change, oldest pair first: words kept
(``equal``) inherit the provenance of the old words they match, inserted words are
dated to the version that inserts them. A text is held as runs of (length, version),
so the cost is linear in the number of operations. Guarantees: for every unit of the
last version, joining its runs' texts gives the unit's text exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from redline.changes import PART_SEPARATOR, Change, Comparison, Op, Side, WordOp
from redline.history.values import Provenance

Runs = list[tuple[int, int]]
"""A text as runs of (number of characters, index of the version they date from)."""


class _Cursor:
    """Reads the runs of the old text of a change, character count by character count."""

    def __init__(self, runs: Runs) -> None:
        self.runs = runs
        self.at = 0
        self.used = 0

    def take(self, length: int) -> Runs:
        """The runs of the next `length` characters (dated to the last run read if the
        old runs are shorter than the text, which the change vocabulary rules out)."""
        out: Runs = []
        while length > 0 and self.at < len(self.runs):
            size, since = self.runs[self.at]
            part = min(size - self.used, length)
            out.append((part, since))
            length -= part
            self.used += part
            if self.used == size:
                self.at, self.used = self.at + 1, 0
        if length > 0:
            out.append((length, out[-1][1] if out else 0))
        return out


def _append(runs: Runs, size: int, since: int) -> None:
    if size <= 0:
        return
    if runs and runs[-1][1] == since:
        runs[-1] = (runs[-1][0] + size, since)
    else:
        runs.append((size, since))


def _walk(ops: Sequence[WordOp], source: Runs, version: int) -> Runs:
    """The runs of the new text of `ops`, the old text's runs being `source`."""
    cursor = _Cursor(source)
    joined: Runs = []
    for op in ops:
        if op.op is Op.INSERT:
            _append(joined, len(op.new), version)
            continue
        taken = cursor.take(len(op.old))
        if op.op is Op.EQUAL:
            if len(op.old) == len(op.new):
                for size, since in taken:
                    _append(joined, size, since)
            else:  # folded by an ignore option: the oldest date of the words matched
                _append(joined, len(op.new), min((s for _, s in taken), default=version))
    return joined


def _carry(change: Change, old: dict[str, Runs], version: int) -> dict[str, Runs]:
    """The runs of each new unit of `change`, `version` being the new side's index."""
    if not change.old:
        return {side.eid: [(len(side.text), version)] for side in change.new if side.text}
    source: Runs = []
    for position, side in enumerate(change.old):
        if position:
            _append(source, len(PART_SEPARATOR), version)
        for size, since in old.get(side.eid, [(len(side.text), version - 1)]):
            _append(source, size, since)
    return _cut(_walk(change.ops, source, version), change, version)


def _carry_headings(change: Change, old: dict[str, Runs], version: int) -> dict[str, Runs]:
    """The runs of each new unit's heading: through the heading's word operations for a
    pair; for a split or merge, a heading kept as it was keeps its dates."""
    new = [side for side in change.new if side.heading]
    if len(change.old) == 1 and len(change.new) == 1 and change.heading_ops and new:
        source = old.get(change.old[0].eid, [(len(change.old[0].heading), version - 1)])
        return {new[0].eid: _walk(change.heading_ops, source, version)}
    same = {side.heading: old.get(side.eid, []) for side in change.old if side.heading}
    return {side.eid: list(same.get(side.heading) or [(len(side.heading), version)])
            for side in new}  # fmt: skip


def _cut(joined: Runs, change: Change, version: int) -> dict[str, Runs]:
    """`joined` (the new units' texts joined by the separator) cut back into units."""
    cursor = _Cursor(joined)
    out: dict[str, Runs] = {}
    for position, side in enumerate(change.new):
        if position:
            cursor.take(len(PART_SEPARATOR))
        runs: Runs = []
        for size, since in cursor.take(len(side.text)) if side.text else []:
            _append(runs, size, since)
        out[side.eid] = runs
    return out


def chain_provenance(
    comparisons: Sequence[Comparison], restored: Mapping[tuple[int, str], tuple[int, str]]
) -> tuple[dict[str, tuple[Provenance, ...]], dict[str, tuple[Provenance, ...]]]:
    """Per eId of the last version, its text and its heading in runs dated by first
    appearance; a unit `restored` from an earlier version's unit keeps that unit's dates."""
    texts: dict[str, Runs] = {}
    heads: dict[str, Runs] = {}
    if comparisons:
        for change in comparisons[0].changes:
            texts.update({side.eid: [(len(side.text), 0)] for side in change.old if side.text})
            heads.update({s.eid: [(len(s.heading), 0)] for s in change.old if s.heading})
    kept = [(texts, heads)]
    last: dict[str, Side] = {}
    for index, comparison in enumerate(comparisons, start=1):
        next_texts: dict[str, Runs] = {}
        next_heads: dict[str, Runs] = {}
        last = {}
        for change in comparison.changes:
            next_texts.update(_carry(change, texts, index))
            next_heads.update(_carry_headings(change, heads, index))
            last.update({side.eid: side for side in change.new})
            for side in change.new if not change.old else ():
                old = restored.get((index, side.eid))
                if old is not None:
                    _restore(side.eid, kept[old[0]], old[1], next_texts, next_heads)
        texts, heads = next_texts, next_heads
        if restored:
            kept.append((texts, heads))
    return (
        {eid: _texts(last[eid].text, runs) for eid, runs in texts.items() if eid in last},
        {eid: _texts(last[eid].heading, runs) for eid, runs in heads.items() if eid in last},
    )


def _restore(
    eid: str, earlier: tuple[dict[str, Runs], dict[str, Runs]], old: str,
    texts: dict[str, Runs], heads: dict[str, Runs],
) -> None:  # fmt: skip
    """Give unit `eid` the dates its restored unit `old` had in an earlier version."""
    if old in earlier[0]:
        texts[eid] = list(earlier[0][old])
    if old in earlier[1]:
        heads[eid] = list(earlier[1][old])


def _texts(text: str, runs: Runs) -> tuple[Provenance, ...]:
    out: list[Provenance] = []
    at = 0
    for size, since in runs:
        out.append(Provenance(text[at : at + size], since))
        at += size
    return tuple(out)
