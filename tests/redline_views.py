"""Reading a redline page back: the words each version shows, for the renderer tests.

`document_words` lists a version's words in the order the redline shows them: title,
then every unit's number, heading and text (note markers at their anchors), each
component's title and units after them, then every note's marker and text.
`view_words` reads the same from a page's ``<main>``: for the old version it drops
each ``<ins>`` and keeps the text of each ``<del>``; for the new version the reverse
(in the side-by-side layout, it first keeps only that version's column).
"""

from __future__ import annotations

import difflib

from lxml import etree

from redline.model import Document


def document_words(document: Document) -> list[str]:
    """The words of a version in redline order (notes after the text), its components
    after its own units, each component's title before its units."""
    return _text_words(document) + _in_order(document)


def _text_words(document: Document) -> list[str]:
    words = document.meta.title.split()
    for unit in document.walk():
        text = unit.text
        for note in sorted(unit.notes, key=lambda note: note.offset, reverse=True):
            text = text[: note.offset] + note.marker + text[note.offset :]
        words += [*unit.num.split(), *unit.heading.split(), *text.split()]
    for component in document.components:
        words += _text_words(component)
    return words


def _in_order(document: Document) -> list[str]:
    words: list[str] = []
    for unit in document.every_unit():
        for note in unit.notes:
            words += [*note.marker.split(), *note.text.split()]
    return words


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def main_element(page: bytes) -> etree._Element:
    """The ``<main>`` of a page, parsed as XML (which also proves it well-formed)."""
    root = etree.fromstring(page)
    main = root.find(".//main")
    assert main is not None, "the page has no <main>"
    return main


def view_words(page: bytes, version: str) -> list[str]:
    """The words of `version` (``old`` or ``new``) that a page's ``<main>`` shows."""
    main = main_element(page)
    other_column = "rl-new" if version == "old" else "rl-old"
    for cell in main.xpath(f'.//td[contains(concat(" ", @class, " "), " {other_column} ")]'):
        _drop(cell)
    for element in list(main.iter("ins" if version == "old" else "del")):
        _drop(element)
    return "".join(main.itertext()).split()


def first_difference(expected: list[str], actual: list[str]) -> str:
    """Where two word lists part, with some context, for assertion messages."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=expected, b=actual).get_opcodes():
        if tag != "equal":
            before = " ".join(expected[max(0, i1 - 8) : i1])
            return (
                f"{tag} after ...{before!r}: expected {expected[i1:i2][:12]!r}, "
                f"shown {actual[j1:j2][:12]!r}"
            )
    return "same"
