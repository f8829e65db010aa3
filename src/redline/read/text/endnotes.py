"""Notes listed at the end of a text: between the page layout and the blocks of `import_text`.

Web pages, EUR-Lex and ``redline text`` list the footnotes after the text, as ``(1) body``,
``(1)`` on its own line with the body under it, or ``[1] body`` under a ``--------`` rule.
`split_endnotes` guarantees: when the last paragraphs of the text are such a list, numbered
1, 2, 3 ... without a gap to the end, and the text before holds a marker for the first
note, those lines leave the running text and become `Footnote`s (their lines joined); the
markers are then anchored by `footnotes.Anchors` as for notes at page bottoms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.read.text.layout import Footnote, Line, join_lines

_ENTRY = re.compile(
    r"""
    ^(?:\((?P<round>\d{1,3})\)      # (12) body, or (12) alone with the body below
    | \[(?P<square>\d{1,3})\])      # [12] body
    (?:\s+(?P<text>\S.*))?$
    """,
    re.VERBOSE,
)

_RULE = re.compile(r"^-{3,}$")


@dataclass(frozen=True, slots=True)
class Endnotes:
    """The running text without its list of notes, and the notes."""

    lines: tuple[Line, ...]
    """The running text lines before the list."""
    footnotes: tuple[Footnote, ...]
    """The notes of the list, in order."""
    first_line: int
    """Source line of the list's first line (0 when there is no list)."""


def split_endnotes(lines: tuple[Line, ...]) -> Endnotes:
    """Take the list of notes off the end of `lines`, if there is one (module docstring)."""
    paragraphs = _paragraphs(lines)
    for index in range(len(paragraphs) - 1, -1, -1):
        first = _first_entry_line(paragraphs[index])
        if first is None or int(_number(first)) != 1:
            continue
        notes = _parse(paragraphs[index:])
        before = [line for paragraph in paragraphs[:index] for line in paragraph]
        if notes and _has_marker(before, notes[0].number, square=first.text.startswith("[")):
            start = paragraphs[index][0].number
            kept = tuple(line for line in lines if line.number < start)
            while kept and not kept[-1].text:
                kept = kept[:-1]
            return Endnotes(kept, tuple(notes), start)
    return Endnotes(lines, (), 0)


def _paragraphs(lines: tuple[Line, ...]) -> list[list[Line]]:
    paragraphs: list[list[Line]] = [[]]
    for line in lines:
        if _RULE.match(line.text) and paragraphs[-1]:
            paragraphs.append([line])  # a rule starts the list of notes under it
        elif line.text:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _first_entry_line(paragraph: list[Line]) -> Line | None:
    """The paragraph's first entry line, after a ``--------`` rule if there is one."""
    lines = paragraph[1:] if _RULE.match(paragraph[0].text) else paragraph
    return lines[0] if lines and _ENTRY.match(lines[0].text) else None


def _number(line: Line) -> str:
    match = _ENTRY.match(line.text)
    assert match is not None  # only called on entry lines
    return match["round"] or match["square"]


def _parse(paragraphs: list[list[Line]]) -> list[Footnote] | None:
    """The notes of `paragraphs` if every paragraph is entries numbered on from 1, else None."""
    notes: list[tuple[int, int, list[str], list[int]]] = []
    for paragraph in paragraphs:
        lines = paragraph[1:] if _RULE.match(paragraph[0].text) else paragraph
        for line in lines:
            match = _ENTRY.match(line.text)
            number = int(match["round"] or match["square"]) if match else 0
            if match and number == len(notes) + 1:
                words = [match["text"]] if match["text"] else []
                notes.append((number, line.number, words, [line.number] if words else []))
            elif notes and line is not lines[0]:
                notes[-1][2].append(line.text)
                notes[-1][3].append(line.number)
            else:
                return None
    return [
        Footnote(number, join_lines(parts), line, max(held, default=0), min(held, default=0))
        for number, line, parts, held in notes
    ]


def _has_marker(lines: list[Line], number: int, *, square: bool) -> bool:
    """True when some line holds `number` as a note marker: glued to a word, or ``[n]``."""
    pattern = rf"\[{number}\]" if square else rf"(?<=[^\s\d/(\[.,-]){number}(?!\d)"
    return any(re.search(pattern, line.text) for line in lines)
