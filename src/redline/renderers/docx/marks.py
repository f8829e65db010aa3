"""Where an inserted paragraph's mark goes, so that every reader's Reject All restores
the old paragraphs exactly.

A paragraph inserted after a kept one is written with its own paragraph mark inserted.
When the kept paragraph ends with inserted words, LibreOffice's Reject All then also
removes the kept paragraph's mark, joining it to the next old paragraph
(``contestability.(61)`` in the EU pair). Word records an insertion there the other way
round: typing Enter at the end of a paragraph inserts *that* paragraph's mark, and the
last new paragraph keeps the old one. `shift_inserted_marks` writes that form in just
this case; both forms give the same text when accepted and when rejected (the tests
check both on real documents). Only the old paragraph's formatting after Reject All may
differ: Word keeps the properties of the mark that remains, the last new paragraph's.
"""

from __future__ import annotations

from lxml import etree

from redline.renderers.docx.ooxml import Element, w


def shift_inserted_marks(parent: Element) -> None:
    """In each run of inserted paragraphs (mark and words inserted) that directly follows
    a paragraph with a plain mark ending in inserted words, move the marks back by one:
    that paragraph's mark becomes inserted and the run's last paragraph keeps a plain
    one. A paragraph with old words and an inserted mark (a piece of a split that the
    next piece continues) is no inserted paragraph: its mark stays."""
    children = list(parent)
    for index in range(1, len(children)):
        before, first = children[index - 1], children[index]
        if not (_is_paragraph(before) and _inserted(first) and _mark(before) is None):
            continue
        if not _ends_inserted(before):
            continue
        last = index
        while last + 1 < len(children) and _inserted(children[last + 1]):
            last += 1
        _move_mark(children[last], before)


def _inserted(element: Element) -> bool:
    """True for a paragraph inserted whole: its mark inserted, and its words too."""
    content = [child for child in element if child.tag != w("pPr")]
    return _mark(element) is not None and all(child.tag == w("ins") for child in content)


def _is_paragraph(element: Element) -> bool:
    return element.tag == w("p")


def _mark(element: Element) -> Element | None:
    """The inserted-mark revision of a paragraph, or None (no mark, or another kind)."""
    if not _is_paragraph(element):
        return None
    return element.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}")


def _ends_inserted(para: Element) -> bool:
    content = [child for child in para if child.tag != w("pPr")]
    return bool(content) and content[-1].tag == w("ins")


def _move_mark(source: Element, target: Element) -> None:
    """Move `source`'s inserted mark (its id, author and date) to `target`'s mark."""
    mark = _mark(source)
    assert mark is not None
    holder = mark.getparent()
    assert holder is not None
    holder.remove(mark)
    owner = holder.getparent()
    if len(holder) == 0 and owner is not None:
        owner.remove(holder)
    properties = target.find(w("pPr"))
    if properties is None:
        properties = etree.Element(w("pPr"))
        target.insert(0, properties)
    marks = properties.find(w("rPr"))
    if marks is None:
        marks = etree.SubElement(properties, w("rPr"))
    marks.insert(0, mark)  # revisions come first in a mark's properties
