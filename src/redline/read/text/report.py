"""What an import found and what it doubted: the counts line and the warnings, once per kind.

`summarise` guarantees: warnings of one kind (the same message but for its numbers and
labels) are given once, the first in full with the lines of the others after it, in the
order each kind first occurred. `report_line` gives one line of counts a human can check
against the printed text, and names every skipped part with its line range and words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.model import Document
from redline.read.counts import plural

#: What is blanked out of a warning to find its kind: labels, numbers, quoted words.
_VARIABLE = re.compile(r"\([^)\s]{1,6}\)|\S*\d\S*|Article\s\S+|[A-Z]+\s[IVXL]+\.?")
_LINE = re.compile(r"\bline (\d+)")
#: How many further lines a summarised warning lists.
_LISTED = 8


@dataclass(frozen=True, slots=True)
class Skipped:
    """A part of the source that is not in the document."""

    first: int
    """Its first source line."""
    last: int
    """Its last source line."""
    words: int
    """How many words it has."""
    what: str
    """What it is (``text before the title``)."""


def summarise(warnings: list[str]) -> tuple[str, ...]:
    """Each kind of warning once (see the module docstring).

    >>> summarise(["point (i) at line 3 repeats", "point (j) at line 9 repeats", "other"])
    ('point (i) at line 3 repeats (and 1 more like it: line 9)', 'other')
    """
    kinds: dict[str, list[str]] = {}
    for warning in warnings:
        kinds.setdefault(_VARIABLE.sub("#", warning), []).append(warning)
    result = []
    for same in kinds.values():
        first, others = same[0], same[1:]
        if others:
            lines = [match[1] for other in others[:_LISTED] if (match := _LINE.search(other))]
            where = ": line " + ", ".join(lines) if lines else ""
            more = ", …" if len(others) > _LISTED else ""
            first += f" (and {len(others)} more like it{where}{more})"
        result.append(first)
    return tuple(result)


def report_line(
    document: Document, source: str, first_line: int, dropped: int, skipped: list[Skipped]
) -> str:
    """One line of counts, so a human can check them against the printed text."""
    counts: dict[str, int] = {}
    for unit in document.walk():
        counts[unit.element] = counts.get(unit.element, 0) + 1
    numbered = sum(1 for u in document.walk() if u.element == "paragraph" and u.num)
    unnumbered = sum(1 for u in document.walk() if u.element == "paragraph" and not u.num)
    notes = sum(1 for _ in document.notes()) + sum(
        1 for component in document.components for _ in component.notes()
    )
    found = [
        plural(counts.get("recital", 0), "recital"),
        plural(counts.get("article", 0) + counts.get("rule", 0), "article"),
        plural(numbered, "paragraph"),
        plural(counts.get("point", 0), "point"),
        plural(notes, "note"),
    ]
    extra = [(counts.get(name, 0), name) for name in ("citation", "chapter", "section")]
    found += [plural(count, name) for count, name in extra if count]
    if unnumbered and not numbered:
        found.append(plural(unnumbered, "unnumbered paragraph"))
    if document.components:
        found.append(plural(len(document.components), "component"))
    places = [
        f"instrument from line {first_line}",
        f"{plural(dropped, 'page-layout line')} dropped",
    ]
    for number, component in enumerate(document.components, start=1):
        facts = dict(component.meta.extra)
        if "lines" in facts:
            places.append(f"lines {facts['lines']} ({facts.get('words', '?')} words):"
                          f" {component.meta.doc_name} kept as component att_{number}")  # fmt: skip
    places += skipped_parts(skipped)
    return f"{source}: {', '.join(found)} ({'; '.join(places)})"


def skipped_parts(skipped: list[Skipped]) -> list[str]:
    """Each skipped part with its lines and words, as the report names it."""
    return [
        f"skipped {_lines(s.first, s.last)} ({plural(s.words, 'word')}): {s.what}" for s in skipped
    ]


def _lines(first: int, last: int) -> str:
    """``lines 1-28``, or ``line 2933`` for one."""
    return f"line {first}" if first == last else f"lines {first}-{last}"
