"""Word copies of real drafts, written with python-docx as a secretariat's Word would:
labels as Word's automatic numbering (never typed), footnotes as real footnotes.

`write_docx` takes a `Document` and writes each unit as a paragraph: ``Article N`` at
level 0 of one multi-level list (``Heading 2``), ``N.`` at level 1, ``(a)`` at level 2,
``(i)`` at level 3, section numbers (``I.``, ``II.``) on a list of their own; a label
the counting would not reach (a repeated or skipped number) starts a new list instance
with a ``w:startOverride``, as Word does when a user sets a number. A container's
number goes before its first text, as it is printed. Each note is a footnote whose
reference stands at the note's offset.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from redline.model import Document, Unit

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WNS = f'xmlns:w="{W_NS}"'
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

#: Level -> (format, label pattern) of the provisions list; the sections list is apart.
LEVELS = {
    0: ("decimal", "Article %1"),
    1: ("decimal", "%2."),
    2: ("lowerLetter", "(%3)"),
    3: ("lowerRoman", "(%4)"),
}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(text: str) -> int:
    total = 0
    for index, char in enumerate(text):
        value = ROMAN[char]
        following = ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def _abstract(abstract_id: int, levels: dict[int, tuple[str, str]]) -> str:
    body = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl>'
        for ilvl, (fmt, text) in levels.items()
    )
    return f'<w:abstractNum {WNS} w:abstractNumId="{abstract_id}">{body}</w:abstractNum>'


class Lists:
    """The numbering part, and Word's counting, so each label comes out as printed."""

    def __init__(self, numbering: object) -> None:
        self.element = numbering.element  # type: ignore[attr-defined]
        for index, levels in enumerate((LEVELS, {0: ("upperRoman", "%1.")})):
            self.element.insert(index, parse_xml(_abstract(90 + index, levels)))
        self.next_id = 90
        self.current = {0: self._instance(0, {}), 1: self._instance(1, {})}
        self.counters: dict[int, dict[int, int]] = {0: {}, 1: {}}

    def _instance(self, abstract: int, starts: dict[int, int]) -> int:
        self.next_id += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
            for ilvl, value in starts.items()
        )
        self.element.append(
            parse_xml(
                f'<w:num {WNS} w:numId="{self.next_id}">'
                f'<w:abstractNumId w:val="{90 + abstract}"/>{overrides}</w:num>'
            )
        )
        return self.next_id

    def number(self, list_id: int, ilvl: int, value: int) -> int:
        """The numId that makes the next paragraph at `ilvl` print `value`."""
        counters = self.counters[list_id]
        if counters.get(ilvl, 0) + 1 != value:
            self.current[list_id] = self._instance(list_id, {ilvl: value})
        counters[ilvl] = value
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return self.current[list_id]


def parse_label(num: str, siblings: list[str]) -> tuple[int, int, int] | None:
    """(list, level, value) of a label Word can print, or None for a typed one."""
    if match := re.fullmatch(r"Article (\d+)", num):
        return 0, 0, int(match[1])
    if match := re.fullmatch(r"(\d+)\.", num):
        return 0, 1, int(match[1])
    if match := re.fullmatch(r"([IVXL]+)\.", num):
        return 1, 0, _roman(match[1].lower())
    if match := re.fullmatch(r"\(([a-z]+)\)", num):
        label = match[1]
        roman_list = bool(siblings) and siblings[0] == "(i)" and "(ii)" in siblings
        if roman_list and set(label) <= set(ROMAN):
            return 0, 3, _roman(label)
        if len(set(label)) == 1:
            return 0, 2, (ord(label[0]) - 96) + 26 * (len(label) - 1)
    return None


class Writer:
    """Writes one document's units as Word paragraphs."""

    def __init__(self) -> None:
        self.docx = new_document()
        self.lists = Lists(self.docx.part.numbering_part)
        self.notes: list[str] = []

    def paragraph(self, labels: list[tuple[str, list[str]]], text: str, unit: Unit | None,
                  style: str | None = None) -> None:  # fmt: skip
        numbered = [(num, parse_label(num, siblings)) for num, siblings in labels]
        typed = " ".join(num for num, found in numbered if found is None)
        word = [found for _num, found in numbered if found is not None]
        # Word numbers a paragraph once: the last Word label; others are typed before it.
        if len(word) > 1:
            typed = " ".join(num for num, _ in numbered[:-1])
            word = word[-1:]
        paragraph = self.docx.add_paragraph(style=style)
        if word:
            list_id, ilvl, value = word[0]
            num_id = self.lists.number(list_id, ilvl, value)
            properties = paragraph._p.get_or_add_pPr()
            properties.append(parse_xml(
                f'<w:numPr {WNS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
            ))  # fmt: skip
        body = f"{typed} {text}" if typed and text else typed or text
        self._runs(paragraph, body, unit, len(f"{typed} ") if typed and text else 0)

    def _runs(self, paragraph: Paragraph, text: str, unit: Unit | None, shift: int) -> None:
        notes = sorted(unit.notes, key=lambda n: n.offset) if unit is not None else []
        position = 0
        for note in notes:
            paragraph.add_run(text[position : note.offset + shift])
            position = note.offset + shift
            self.notes.append(note.text)
            number = len(self.notes)
            paragraph._p.append(parse_xml(
                f'<w:r {WNS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'
            ))  # fmt: skip
        paragraph.add_run(text[position:])

    def unit(self, unit: Unit, pending: list[tuple[str, list[str]]], siblings: list[str]) -> None:
        label = [(unit.num, siblings)] if unit.num else []
        if unit.is_text:
            if unit.heading:
                self.paragraph([*pending, *label], unit.heading, None)
                pending, label = [], []
            self.paragraph([*pending, *label], unit.text, unit)
            return
        nums = [child.num for child in unit.children if child.num]
        if unit.num.startswith("Article"):
            self.paragraph([*pending, *label], "", None, style="Heading 2")
            if unit.heading:
                self.paragraph([], unit.heading, None)
            pending, label = [], []
        elif unit.heading:
            self.paragraph([*pending, *label], unit.heading, None, style="Heading 1")
            pending, label = [], []
        for index, child in enumerate(unit.children):
            self.unit(child, [*pending, *label] if index == 0 else [], nums)

    def write(self, document: Document) -> bytes:
        self.docx.add_paragraph(document.meta.title, style="Title")
        for _name, units in document.parts():
            for unit in units:
                self.unit(unit, [], [])
        self._footnotes()
        out = io.BytesIO()
        self.docx.save(out)
        return out.getvalue()

    def _footnotes(self) -> None:
        notes = "".join(
            f'<w:footnote w:id="{index}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for index, text in enumerate(self.notes, start=1)
        )
        blob = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {WNS}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"
        ).encode()
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, blob, self.docx.part.package)
        self.docx.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def write_docx(document: Document) -> bytes:
    """A .docx of `document` with Word numbering and real footnotes."""
    return Writer().write(document)
