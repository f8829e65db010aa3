"""WordprocessingML building blocks: runs, tracked-change wrappers, paragraphs, ids.

The lowest step of the .docx renderer. `Revisions` hands out the ``w:id`` of every
annotation (insertions, deletions, moves, move ranges, paragraph-mark revisions,
bookmarks) from one counter, so ids are unique across the whole package, and stamps
each revision with its author and date. Guarantees: draft text only becomes element
text (lxml escapes it; characters XML cannot hold become U+FFFD); deleted text is
written as ``w:delText``, as Word requires; line breaks and tabs become ``w:br`` and
``w:tab``, never typed characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W_NS, "r": R_NS}

Element = etree._Element

#: Revision kinds a run or a paragraph mark may carry ("" = none).
TRACKED = frozenset({"ins", "del", "moveFrom", "moveTo"})

_PIECES = re.compile(r"(\n|\t)")
#: Characters XML 1.0 cannot hold (tab and line feed are split off before).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    r"""`text` with the characters XML cannot hold replaced by U+FFFD.

    >>> clean("a\x00b\tc")
    'a\ufffdb\tc'
    """
    return _NOT_XML.sub("\ufffd", text)


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute.

    >>> w("p")
    '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p'
    """
    return f"{{{W_NS}}}{name}"


def sub(parent: Element, tag: str, **attrs: str) -> Element:
    """Append ``w:tag`` with ``w:``-qualified attributes to `parent`."""
    return etree.SubElement(parent, w(tag), {w(key): value for key, value in attrs.items()})


@dataclass
class Revisions:
    """Ids, author and date for every annotation of one document."""

    author: str
    """Who the revisions are attributed to (``redline`` or ``--author``)."""
    date: str
    """When, as an ISO 8601 date-time (the new version's date)."""
    next_id: int = 1
    """The next free annotation id."""
    ids: list[int] = field(default_factory=list)
    """Every id handed out, for checking."""

    def take(self) -> str:
        """A fresh annotation id."""
        value = self.next_id
        self.next_id += 1
        self.ids.append(value)
        return str(value)

    def stamp(self, element: Element) -> Element:
        """Give `element` a fresh id, the author and the date."""
        element.set(w("id"), self.take())
        element.set(w("author"), self.author)
        if self.date:
            element.set(w("date"), self.date)
        return element


def make_runs(text: str, deleted: bool = False, style: str = "") -> list[Element]:
    """The runs showing `text` (one run per line and tab piece), optionally deleted text."""
    runs = []
    for piece in _PIECES.split(clean(text)):
        if not piece:
            continue
        run = etree.Element(w("r"))
        if style:
            sub(sub(run, "rPr"), "rStyle", val=style)
        if piece == "\n":
            sub(run, "br")
        elif piece == "\t":
            sub(run, "tab")
        else:
            node = sub(run, "delText" if deleted else "t")
            node.text = piece
            node.set(XML_SPACE, "preserve")
        runs.append(run)
    return runs


def add_text(
    paragraph: Element, text: str, revision: str, revisions: Revisions, style: str = ""
) -> None:
    """Append `text` to `paragraph` under `revision` (``""``, ``ins``, ``del``, ``moveFrom``,
    ``moveTo``), joined to the same revision just before it."""
    runs = make_runs(text, deleted=revision == "del", style=style)
    add_runs(paragraph, runs, revision, revisions)


def add_runs(paragraph: Element, runs: list[Element], revision: str, revisions: Revisions) -> None:
    """Append `runs` to `paragraph`, wrapped in a `revision` element when there is one."""
    if not runs:
        return
    if not revision:
        paragraph.extend(runs)
        return
    last = paragraph[-1] if len(paragraph) else None
    if last is not None and last.tag == w(revision):
        last.extend(runs)
        return
    wrapper = revisions.stamp(sub(paragraph, revision))
    wrapper.extend(runs)


def paragraph(parent: Element, style: str, mark: str, revisions: Revisions) -> Element:
    """A new paragraph of `style`; `mark` is the revision of its paragraph mark (an
    inserted or deleted paragraph as a whole), or ``""``."""
    element = sub(parent, "p")
    properties = sub(element, "pPr")
    sub(properties, "pStyle", val=style)
    if mark:
        revisions.stamp(sub(sub(properties, "rPr"), mark))
    return element


def mark_paragraph(element: Element, mark: str, revisions: Revisions) -> None:
    """Give an existing paragraph's mark the revision `mark` (if it has none yet)."""
    properties = element.find(w("pPr"))
    if properties is None:
        properties = etree.Element(w("pPr"))
        element.insert(0, properties)
    if properties.find(w("rPr")) is None:
        revisions.stamp(sub(sub(properties, "rPr"), mark))


def has_content(element: Element) -> bool:
    """True when a paragraph holds anything besides its properties."""
    return any(child.tag != w("pPr") for child in element)
