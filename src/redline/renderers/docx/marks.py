"""Where an inserted paragraph's mark goes, so that every reader's Reject All restores
the old paragraphs exactly, and which paragraph marks a revision must carry so that
neither Accept All nor Reject All leaves an empty paragraph behind.

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

from redline.renderers.docx.ooxml import Element, Revisions, mark_paragraph, w

#: What a paragraph may hold besides its words: properties, bookmarks, move ranges.
_FRAME = frozenset(
    w(name) for name in ("pPr", "bookmarkStart", "bookmarkEnd", "moveFromRangeStart",
                         "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)  # fmt: skip
#: Accept All and Reject All: the revisions each removes, and the paragraph mark that
#: removes a paragraph with them.
_SIDES = {
    "accept": (frozenset({w("del"), w("moveFrom")}), "del"),
    "reject": (frozenset({w("ins"), w("moveTo")}), "ins"),
}


def mark_emptied(parent: Element, revisions: Revisions) -> None:
    """Give a deleted (inserted) mark to each paragraph with a plain mark that Accept
    All (Reject All) would leave empty: its words all go, and no paragraph whose mark
    goes with them joins it with words of its own. Such a paragraph is a unit whose
    number and heading were both deleted (inserted), or a deleted (inserted) number
    before a piece of a merge or a move shown in another mode; its mark then goes with
    its words. Walks the paragraphs of `parent` in order, as Word joins them."""
    carried = dict.fromkeys(_SIDES, False)  # words a dropped mark joins to the next
    for element in parent:
        content = [child for child in element if child.tag not in _FRAME]
        if element.tag != w("p") or not content:
            carried = dict.fromkeys(_SIDES, False)
            continue
        for side, (dropped, mark) in _SIDES.items():
            words = carried[side] or any(child.tag not in dropped for child in content)
            if not words and _paragraph_mark(element) is None:
                mark_paragraph(element, mark, revisions)
            own = _paragraph_mark(element)
            carried[side] = words and own is not None and own.tag in dropped


def _paragraph_mark(element: Element) -> Element | None:
    """The revision of a paragraph's mark, or None when it carries none."""
    marks = element.find(f"{w('pPr')}/{w('rPr')}")
    return None if marks is None or not len(marks) else marks[0]


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
