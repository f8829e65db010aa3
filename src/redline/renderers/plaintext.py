"""The plain text of a `Document`: what ``redline text`` prints and git's textconv shows.

The inverse of import, for people and tests to see that nothing was lost.
Guarantees:
1. Deterministic: the same document always gives the same text, ending in one newline.
2. Every word of every unit's text, num and heading appears, in document order, with
   the exact characters (typographic quotes, non-breaking spaces, dashes).
3. Each authorial note shows as ``[marker]`` where its marker stood, and its body is
   listed at the end as ``[marker] text``, in document order.
4. Blocks are separated by one blank line; points are indented four spaces per list
   level; a label that is a number (``1.``, ``(a)``, ``II.``) starts the line of its
   text or heading, a word label (``Article 5``) stands on its own line.
5. Printable (`redline.printable.printed`): a control character in the text (a carriage
   return from ``&#13;``) is shown as its escape, and no line reads as a CI command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redline.model import Document, Note, Unit, shown_date
from redline.printable import printed

_WORD_LABEL = re.compile(r"\S\s+\S")  # "Article 5", "SEC. 2.": a word and a number
_INDENT = "    "
_LISTS = frozenset({"list", "blockList"})


@dataclass
class _Page:
    """The text being built: blocks so far and the notes to list at the end."""

    blocks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, text: str, depth: int) -> None:
        pad = _INDENT * depth
        self.blocks.append("\n".join(pad + line for line in text.split("\n")))


def render_plaintext(doc: Document) -> str:
    """The readable text of `doc`: title, labels, text, components, then footnotes."""
    page = _Page()
    _add_document(doc, page)
    text = "\n\n".join(page.blocks)
    if page.notes:
        text += "\n\n" + "-" * 8 + "\n" + "\n".join(page.notes)
    return printed(text + "\n")


def _add_document(doc: Document, page: _Page) -> None:
    """The header of `doc`, its parts in reading order, then each of its components."""
    header = [doc.meta.title] if doc.meta.title else []
    detail = ", ".join(part for part in (doc.meta.version_label, shown_date(doc.meta.date)) if part)
    if detail:
        header.append(f"({detail})")
    if header:
        page.add("\n".join(header), 0)
    for _, units in doc.parts():
        for unit in units:
            _render(unit, page, depth=0, label="")
    for component in doc.components:
        _add_document(component, page)


def _render(unit: Unit, page: _Page, depth: int, label: str) -> None:
    """Add `unit` to `page`; `label` is a parent's number still waiting for its line."""
    if label and _WORD_LABEL.search(unit.num):
        page.add(label, depth)
        label = ""
    num = " ".join(part for part in (label, unit.num) if part)
    if unit.is_text:
        text = _with_markers(unit, page)
        lines = [unit.heading] if unit.heading else []
        lines.append(f"{num} {text}" if num else text)
        page.add("\n".join(lines), depth)
        return
    pending = ""
    if _WORD_LABEL.search(unit.num):
        page.add("\n".join(line for line in (num, unit.heading) if line), depth)
    elif unit.heading:
        page.add(" ".join(part for part in (num, unit.heading) if part), depth)
    else:
        pending = num
    for index, child in enumerate(unit.children):
        nested = unit.element in _LISTS and child.element not in ("intro", "wrapUp")
        _render(child, page, depth + 1 if nested else depth, pending if index == 0 else "")


def _with_markers(unit: Unit, page: _Page) -> str:
    """`unit.text` with ``[marker]`` at each note, the notes' bodies kept for the end."""
    pieces = []
    position = 0
    for number, note in enumerate(sorted(unit.notes, key=_offset), start=len(page.notes) + 1):
        marker = note.marker or str(number)
        pieces.append(unit.text[position : note.offset])
        pieces.append(f"[{marker}]")
        position = note.offset
        body = note.text.replace("\n", "\n" + " " * (len(marker) + 3))
        page.notes.append(f"[{marker}] {body}")
    pieces.append(unit.text[position:])
    return "".join(pieces)


def _offset(note: Note) -> int:
    return note.offset
