"""The one line of counts a US reader prints after reading a bill (USLM or Bill DTD).

Guarantees: the line names the format, the measure and the stage, counts the main
levels and the notes, and says what was kept as text and what was skipped.
"""

from __future__ import annotations

from redline.model import Document
from redline.read.uslm.body import MainParts

SHOWN = ("recital", "formula", "division", "title", "subtitle", "section", "subsection")
"""Elements counted in the report, in this order."""


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


def plural(count: int, noun: str) -> str:
    """``1 section``, ``2 sections``.

    >>> plural(1, "formula"), plural(2, "table")
    ('1 formula', '2 tables')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
