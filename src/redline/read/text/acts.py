"""EU acts built into a document: the `shapes` stage for texts `eu.is_act` recognises.

`build_act` guarantees, on top of what `shapes.Built` promises: the title block's first
lines are the title and its remarks (``(Text with EEA relevance)``, the procedure number)
preface containers; the acting entity and enacting formula are preamble ``formula``s, the
citations one ``citations`` container, ``Whereas:`` the recitals' intro; the body is built
by `structure.BodyBuilder` (chapters, sections, articles); place, date and signatures are
``conclusions``; a proposal's explanatory memorandum and financial statement become
components (``att_1`` ...), their blocks unnumbered paragraphs. Notes are anchored in
reading order over the whole text, so each part gets the notes its markers call.
"""

from __future__ import annotations

import re

from redline.model import Document, Metadata, Unit
from redline.read.text.blocks import Block
from redline.read.text.eu import (
    conclusion_nodes,
    preamble_nodes,
    preface_nodes,
    split_act,
)
from redline.read.text.footnotes import Anchors, Plan
from redline.read.text.layout import Footnote
from redline.read.text.nodes import Freezer, Node
from redline.read.text.shapes import Built
from redline.read.text.structure import BodyBuilder, unmatched, unmatched_notes

#: Component names by the part of `eu.ActParts` they come from.
_COMPONENTS = (("memorandum", "explanatoryMemorandum"), ("statement", "financialStatement"))


def build_act(blocks: list[Block], footnotes: tuple[Footnote, ...], plan: Plan = ()) -> Built:
    """The parts of an EU-shaped text (see the module docstring)."""
    built = Built(doc_type="act", doc_name="regulation", country="eu")
    parts = split_act(blocks, built.warnings)
    if parts.memorandum or parts.statement:
        built.doc_type, built.doc_name = "bill", "proposal"
    anchors = Anchors(footnotes, plan)
    pieces = [(name, getattr(parts, part)) for part, name in _COMPONENTS]
    present = [(name, part) for name, part in pieces if part]
    prefixes = {name: f"att_{number}" for number, (name, _) in enumerate(present, start=1)}
    components: list[Document] = []
    if parts.memorandum:
        components.append(_component(parts.memorandum, prefixes["explanatoryMemorandum"],
                                     "explanatoryMemorandum", anchors, built.warnings))  # fmt: skip
    title, preface = preface_nodes(parts)
    built.title = title
    built.first_line = (parts.title or parts.citations)[0].line
    freezer = Freezer(anchors, built.warnings)
    built.preface = freezer.freeze(preface, "preface")
    built.preamble = freezer.freeze(preamble_nodes(parts), "preamble")
    body = BodyBuilder(built.warnings, recitals=False)
    body.add_all(parts.body)
    built.body = freezer.freeze(body.body, "")
    built.conclusions = freezer.freeze(conclusion_nodes(parts), "conclusions")
    if parts.statement:
        components.append(_component(parts.statement, prefixes["financialStatement"],
                                     "financialStatement", anchors, built.warnings))  # fmt: skip
    built.components = tuple(components)
    built.warnings.extend(unmatched(anchors))
    built.skipped.extend(unmatched_notes(anchors))
    built.replan = anchors.replan()
    return built


def _component(
    blocks: list[Block], prefix: str, name: str, anchors: Anchors, warnings: list[str]
) -> Document:
    """A memorandum or financial statement: its heading the title, its blocks paragraphs
    (a financial statement's, one per numbered heading: it is a form of short table cells).

    Its metadata is completed by the importer (`importer.complete_components`)."""
    paragraphs = _paragraphs(blocks[1:])
    if name == "financialStatement":
        paragraphs = _by_heading(paragraphs)
    nodes = [Node("paragraph", text=text, line=line) for line, text in paragraphs]
    body: tuple[Unit, ...] = Freezer(anchors, warnings).freeze(nodes, prefix)
    first, last = blocks[0].line, max(b.end or b.line for b in blocks)
    words = sum(len(b.words.split()) for b in blocks)
    meta = Metadata(blocks[0].words, "", "", "", "", doc_type="doc", doc_name=name,
                    extra=(("lines", f"{first}-{last}"), ("words", str(words))))  # fmt: skip
    return Document(meta, body=body)


def _paragraphs(blocks: list[Block]) -> list[tuple[int, str]]:
    """Each block's line and words; a block without a word (a bullet ``•``, a table's
    ``--``) is joined to the next block, or to the previous one at the end."""
    paragraphs: list[tuple[int, str]] = []
    waiting: list[str] = []
    for block in blocks:
        waiting.append(block.source or block.words)
        if re.search(r"\w", waiting[-1]):
            paragraphs.append((block.line, " ".join(waiting)))
            waiting = []
    if waiting and paragraphs:
        line, text = paragraphs[-1]
        paragraphs[-1] = (line, " ".join([text, *waiting]))
    elif waiting:
        paragraphs.append((blocks[0].line, " ".join(waiting)))
    return paragraphs


#: A numbered heading of a financial statement: ``1.``, ``3.2.1.Summary …``.
_NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.\s?\S")


def _by_heading(paragraphs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The paragraphs grouped from one numbered heading to the next, as lines of one text."""
    groups: list[tuple[int, list[str]]] = []
    for line, text in paragraphs:
        if not groups or _NUMBERED_HEADING.match(text):
            groups.append((line, []))
        groups[-1][1].append(text)
    return [(line, "\n".join(texts)) for line, texts in groups]
