"""What a US reader hands back after reading a bill (USLM or Bill DTD): the document
with its metadata, the warnings and skipped parts, and the one line of counts.

Guarantees: the line names the format, the measure and the stage, counts the main
levels and the notes, and says what was kept as text and what was skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.model import Document, ImportOptions, ImportResult
from redline.read.counts import plural
from redline.read.uslm.body import MainParts
from redline.read.uslm.identity import Identity, us_metadata

SHOWN = ("recital", "formula", "division", "title", "subtitle", "section", "subsection")
"""Elements counted in the report, in this order."""


def us_result(
    identity: Identity,
    parts: MainParts,
    source: str,
    options: ImportOptions,
    format_name: str,
    repairs: Sequence[str] = (),
) -> ImportResult:
    """The `ImportResult` of a US bill read as `parts`: its metadata from `identity`
    (a missing date is advice, not a warning), the reader's `repairs` and the parts'
    warnings, the skipped margin notes and page markers, and the `report` line."""
    advice: list[str] = []
    meta = us_metadata(identity, source, options, advice, parts.small_caps)
    document = Document(meta, parts.preamble, parts.body)
    return ImportResult(
        document,
        (*repairs, *parts.warnings),
        report(document, parts, format_name),
        parts.skipped_places,
        tuple(advice),
    )


def report(document: Document, parts: MainParts, format_name: str) -> str:
    """``read USLM H.R. 264 EH: 5 titles, 92 sections, ...`` for stderr."""
    counts: dict[str, int] = {}
    for unit in document.walk():
        counts[unit.element] = counts.get(unit.element, 0) + 1
    found = [plural(counts[name], name) for name in SHOWN if counts.get(name)]
    found.append(plural(sum(1 for _ in document.notes()), "note"))
    found.append(
        f"{plural(parts.quoted_blocks, 'quoted block')} and "
        f"{plural(parts.tables, 'table')} kept as text"
    )
    found.extend(f"{plural(count, name)} skipped" for name, count in parts.skipped if count)
    facts = dict(document.meta.extra)
    number, stage = facts.get("number", ""), facts.get("stage", "")
    return f"read {format_name} {number} {stage}: " + ", ".join(found)
