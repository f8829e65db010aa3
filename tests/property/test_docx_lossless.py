"""The Word redline keeps both versions over generated documents and edit scripts:
dropping every deletion (and move away) leaves the new version's words, dropping every
insertion (and move here) the old one's (each word once), footnotes included — what Accept
All and Reject All do (LibreOffice checks the same on the real drafts)."""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from docx_checks import W, expected_words, parts, word_rule_problems
from redline.comparison.engine import compare
from redline.model import Document
from redline.renderers import RenderOptions
from redline.renderers.docx.render import render_docx

from .strategies import documents, edited

SETTINGS = settings(
    max_examples=int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TEXT = {"t", "delText", "tab", "br"}


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Document, Document]:
    old = draw(documents())
    return old, draw(edited(old))


def _drop(root: etree._Element, kinds: tuple[str, ...]) -> None:
    for element in list(root.iter(*(f"{W}{kind}" for kind in kinds))):
        if element.getparent() is not None and element.getparent().tag != f"{W}rPr":
            element.getparent().remove(element)


def _words(element: etree._Element) -> list[str]:
    pieces = []
    for node in element.iter():
        name = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if name in TEXT:
            pieces.append(node.text or "" if name in ("t", "delText") else " ")
        elif name == "p":
            pieces.append(" ")
    return "".join(pieces).split()


def shown(data: bytes, version: str) -> tuple[list[str], list[list[str]]]:
    """The words left in the text (from its title on) and in each referenced footnote."""
    found = parts(data)
    document, notes = found["word/document.xml"], found["word/footnotes.xml"]
    dropped = ("del", "moveFrom") if version == "new" else ("ins", "moveTo")
    _drop(document, dropped)
    _drop(notes, dropped)
    body = document.find(f"{W}body")
    assert body is not None
    marks = [e for e in body.iter(f"{W}bookmarkStart") if e.get(f"{W}name") == "redline_text"]
    start = next(i for i, child in enumerate(body) if marks[0] in child.iter())
    words: list[str] = []
    for child in list(body)[start:]:
        words += _words(child)
    bodies = {n.get(f"{W}id"): _words(n) for n in notes.iter(f"{W}footnote")}
    order = [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")]
    return words, [bodies[number] for number in order]


@SETTINGS
@given(pairs())
def test_dropping_one_side_of_every_revision_gives_the_other_version(
    pair: tuple[Document, Document],
) -> None:
    old, new = pair
    data = render_docx(compare(old, new), RenderOptions())
    assert word_rule_problems(data) == []
    assert shown(data, "new") == expected_words(new)
    # The old words are all there, once each; their order may differ where a merge
    # draws old units to the new unit's place (the tree's reading order is the new one).
    words, notes = shown(data, "old")
    expected, expected_notes = expected_words(old)
    assert Counter(words) == Counter(expected)
    assert sorted(notes) == sorted(expected_notes)
