"""Reading a redline .docx back, for the renderer tests: its parts, the rules Word
enforces on them, and the words each version shows once LibreOffice has accepted or
rejected every revision."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from typing import Any

from lxml import etree

from libreoffice import paragraphs
from redline.model import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISIONS = ("ins", "del", "moveFrom", "moveTo")


def parts(data: bytes) -> dict[str, etree._Element]:
    """The XML parts of a package, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def word_rule_problems(data: bytes) -> list[str]:
    """What Word would refuse or repair in the package: duplicate annotation ids,
    unbalanced or unpaired move ranges, undefined styles, dangling footnotes, text
    elements of the wrong kind inside revisions, parts missing from the content types."""
    found = parts(data)
    document, notes = found["word/document.xml"], found["word/footnotes.xml"]
    problems: list[str] = []
    ids: Counter[str] = Counter()
    for root in (document, notes):
        for name in (*REVISIONS, "moveFromRangeStart", "moveToRangeStart", "bookmarkStart"):
            ids.update(e.get(f"{W}id", "") for e in root.iter(f"{W}{name}"))
    problems += [f"w:id {key} used {count} times" for key, count in ids.items() if count > 1]
    problems += _moves(document)
    styles = {s.get(f"{W}styleId") for s in found["word/styles.xml"].iter(f"{W}style")}
    for root in (document, notes):
        for tag in ("pStyle", "rStyle", "tblStyle"):
            problems += [
                f"{tag} {e.get(f'{W}val')} is not defined"
                for e in root.iter(f"{W}{tag}")
                if e.get(f"{W}val") not in styles
            ]
        problems += [f"w:t inside w:del ({root.tag})" for e in root.iter(f"{W}del") if
                     e.find(f".//{W}t") is not None]  # fmt: skip
        problems += [f"w:delText outside w:del ({root.tag})" for e in root.iter(f"{W}delText")
                     if not any(a.tag == f"{W}del" for a in e.iterancestors())]  # fmt: skip
    references = Counter(e.get(f"{W}id") for e in document.iter(f"{W}footnoteReference"))
    bodies = {e.get(f"{W}id") for e in notes.iter(f"{W}footnote")} - {"-1", "0"}
    if set(references) != bodies or any(count != 1 for count in references.values()):
        problems.append("footnote references and footnote bodies do not match one to one")
    declared = {e.get("PartName") for e in found["[Content_Types].xml"]}
    problems += [f"{name} has no content type" for name in found
                 if not name.endswith(".rels") and name != "[Content_Types].xml"
                 and f"/{name}" not in declared]  # fmt: skip
    return problems


def _moves(document: etree._Element) -> list[str]:
    """Each move range: opened once, closed once after it, named like one range of the
    other side."""
    problems: list[str] = []
    names: dict[str, list[str]] = {"moveFrom": [], "moveTo": []}
    for kind in names:
        open_ids: dict[str, int] = {}
        for index, element in enumerate(document.iter()):
            if element.tag == f"{W}{kind}RangeStart":
                open_ids[element.get(f"{W}id", "")] = index
                names[kind].append(element.get(f"{W}name", ""))
            elif element.tag == f"{W}{kind}RangeEnd" and (
                open_ids.pop(element.get(f"{W}id", ""), None) is None
            ):
                problems.append(f"{kind}RangeEnd {element.get(f'{W}id')} without a start")
        problems += [f"{kind}RangeStart {key} never closed" for key in open_ids]
    if sorted(names["moveFrom"]) != sorted(names["moveTo"]):
        problems.append(f"move names do not pair: {names}")
    if len(set(names["moveFrom"])) != len(names["moveFrom"]):
        problems.append("a move name is used twice")
    return problems


def expected_words(document: Document) -> tuple[list[str], list[list[str]]]:
    """A version's words as the redline's text shows them: the title, then every unit's
    number, heading and text, then each component's title and units; and each note's
    words, in document order."""
    return _text_words(document), [
        note.text.split() for unit in document.every_unit() for note in unit.notes
    ]


def _text_words(document: Document) -> list[str]:
    words = document.meta.title.split()
    for unit in document.walk():
        words += [*unit.num.split(), *unit.heading.split(), *unit.text.split()]
    for component in document.components:
        words += _text_words(component)
    return words


def shown_words(answer: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """The words LibreOffice holds from the document's title on (the first page of
    summary and correspondence table left out), and each footnote's words in order."""
    blocks = answer["blocks"]
    start = next(i for i, b in enumerate(blocks) if b.get("style") == "Redline Document Title")
    words: list[str] = []
    notes: list[list[str]] = []
    for block in paragraphs(blocks[start:]):
        words += block["p"].split()
        notes += [note.split() for note in block["notes"]]
    return words, notes


def column_words(answer: dict[str, Any], column: int) -> tuple[list[str], list[list[str]]]:
    """The words of one column of the side-by-side table (0 old, 1 new), after the title."""
    blocks = answer["blocks"]
    start = next(i for i, b in enumerate(blocks) if b.get("style") == "Redline Document Title")
    words: list[str] = []
    notes: list[list[str]] = []
    for block in blocks[start + 1 :]:
        for row in block.get("table", [])[1:]:
            for paragraph in paragraphs(row[column]):
                words += paragraph["p"].split()
                notes += [note.split() for note in paragraph["notes"]]
    return words, notes


def revised_paragraphs(data: bytes, revisions: str) -> list[str]:
    """The text of each paragraph of the redlined text (from the document's title on,
    the empty paragraph that ends every redline left out) once every revision is
    accepted (``accept``) or rejected (``reject``), read from the XML the way Word
    applies them: the runs inside a dropped revision go, and a paragraph whose mark is
    dropped joins the next one. A tab or a break reads as a space, a footnote reference
    as ``[note]`` (content, but no word of the text)."""
    dropped = {f"{W}{kind}" for kind in (("del", "moveFrom") if revisions == "accept"
               else ("ins", "moveTo"))}  # fmt: skip
    body = parts(data)["word/document.xml"].find(f"{W}body")
    assert body is not None
    paragraphs = [child for child in body if child.tag == f"{W}p"]
    start = next(i for i, p in enumerate(paragraphs) if _style(p) == "DocumentTitle")
    texts: list[str] = []
    joining = False
    for paragraph in paragraphs[start:]:
        pieces = []
        for element in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br",
                                      f"{W}footnoteReference"):  # fmt: skip
            if any(a.tag in dropped for a in element.iterancestors()):
                continue
            name = element.tag.removeprefix(W)
            pieces.append({"tab": " ", "br": " ", "footnoteReference": "[note]"}.get(
                name, element.text or ""))  # fmt: skip
        text = "".join(pieces)
        if joining:
            texts[-1] += text
        else:
            texts.append(text)
        marks = paragraph.find(f"{W}pPr/{W}rPr")
        joining = marks is not None and any(child.tag in dropped for child in marks)
    if texts and not texts[-1]:
        texts.pop()  # the last paragraph, which no revision removes
    return texts


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else style.get(f"{W}val", "")
