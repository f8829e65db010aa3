"""Revision B: a third version of the declaration, made by editing revision A.

Three edits a drafting committee makes, each with a known answer for the history:
1. **a deleted article**: Article 3 (inserted by revision A) goes, so Articles 4-14
   become 3-13;
2. **a move back**: paragraph 3 of Article 11, which revision A took out of Article 8
   of the 2014 text, returns to that article (now Article 8) as paragraph 2 beside its
   old text, which becomes paragraph 1;
3. **a merge**: paragraphs 1 and 2 of Article 12 (now Article 11) become one paragraph.

Run ``python tests/history/revision_b.py`` to write
``tests/data/history/solidarity-revision-B.akn.xml``; a test checks the shipped file
is what this builds.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from redline.akn.write import write_akn
from redline.model import Document, Metadata, Note, Unit
from redline.read.sources import load_document

ROOT = Path(__file__).resolve().parents[2]
REVISION_A = ROOT / "versions" / "solidarity-revision-A.akn.xml"
REVISION_B = ROOT / "tests" / "data" / "history" / "solidarity-revision-B.akn.xml"


def _rename(unit: Unit, old: str, new: str) -> Unit:
    """`unit` with the eId prefix `old` (an article's) replaced by `new`, all the way down."""

    def swap(eid: str) -> str:
        return new + eid[len(old) :] if eid == old or eid.startswith(old + "__") else eid

    notes = tuple(Note(swap(n.eid), n.marker, n.offset, n.text) for n in unit.notes)
    children = tuple(_rename(child, old, new) for child in unit.children)
    return replace(unit, eid=swap(unit.eid), notes=notes, children=children)


def _article(unit: Unit, number: int) -> Unit:
    """An article renumbered to `number` (its eId and printed number)."""
    return replace(_rename(unit, unit.eid, f"art_{number}"), num=f"Article {number}")


def _paragraph(article: str, number: int, text: str) -> Unit:
    return Unit("paragraph", f"{article}__para_{number}", num=f"{number}.", text=text)


def _edit_articles(articles: list[Unit]) -> list[Unit]:
    by_eid = {unit.eid: unit for unit in articles}
    art_9, art_11, art_12 = by_eid["art_9"], by_eid["art_11"], by_eid["art_12"]
    moved_back = art_11.children[2]
    art_9 = replace(
        art_9,
        children=(
            _paragraph("art_9", 1, art_9.children[0].text),
            _paragraph("art_9", 2, moved_back.text),
        ),
    )
    art_11 = replace(art_11, children=art_11.children[:2])
    first, second, third = art_12.children
    art_12 = replace(
        art_12,
        children=(
            _paragraph("art_12", 1, f"{first.text} {second.text}"),
            _paragraph("art_12", 2, third.text),
        ),
    )
    edited = {"art_9": art_9, "art_11": art_11, "art_12": art_12}
    kept = [edited.get(unit.eid, unit) for unit in articles if unit.eid != "art_3"]
    return [_article(unit, number) for number, unit in enumerate(kept, start=1)]


def build_revision_b(revision_a: Document) -> Document:
    """Revision B as a document: revision A with the three edits above."""
    (part,) = revision_a.body
    body = (replace(part, children=tuple(_edit_articles(list(part.children)))),)
    meta: Metadata = replace(
        revision_a.meta,
        expression_uri=f"{revision_a.meta.work_uri}/eng@2017-03-01",
        manifestation_uri=f"{revision_a.meta.work_uri}/eng@2017-03-01/!main",
        date="2017-03-01",
        version_label="revision B (illustrative, made by the tests)",
        source="tests/history/revision_b.py",
    )
    return Document(meta, revision_a.preamble, body)


def main() -> int:
    """Write revision B next to the other test data."""
    REVISION_B.write_bytes(write_akn(build_revision_b(load_document(str(REVISION_A)))))
    print(REVISION_B)
    return 0


if __name__ == "__main__":
    sys.exit(main())
