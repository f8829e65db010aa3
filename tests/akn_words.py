"""The words of an AKN file as a reader must keep them: a check that nothing is lost.

Words are the whitespace-separated runs of the text outside ``<meta>``, where inline
elements (``<i>``, ``<ref>`` ...) join their neighbours' text and every other element
(``<p>``, ``<num>``, ``<td>`` ...) separates words. Attribute values are not words, but
for the quote characters a quotation prints (``startQuote``, ``endQuote``). A note's
marker (``[1]``) is not a word either: it is taken out of both sides.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

INLINE = frozenset(
    {"a", "abbr", "b", "i", "u", "sup", "sub", "span", "ref", "mref", "rref", "term", "def",
     "inline", "date", "docTitle", "docNumber", "docType", "docProponent", "docStage",
     "docDate", "docPurpose", "docAuthority", "docketNumber", "shortTitle", "person",
     "organization", "role", "location", "placeholder", "fillIn", "quotedText", "mod",
     "mmod", "noteRef", "marker", "entity", "concept", "object", "event", "process",
     "quantity", "time", "signature", "remark", "legislature", "session", "vote",
     "outcome", "affectedDocument", "relatedDocument", "lawyer", "judge", "party",
     "courtType", "argument", "opinion", "change", "extractText", "img", "sig", "ins", "del"}
)  # fmt: skip


def document_words(data: bytes) -> Counter[str]:
    """The words of every text node of the AKN `data` outside ``<meta>``."""
    root = etree.fromstring(data)
    pieces: list[str] = []
    _collect(root, pieces)
    return Counter(_MARKER.sub(" ", "".join(pieces)).split())


def _collect(element: etree._Element, pieces: list[str]) -> None:
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    if name == "meta":
        return
    separate = name not in INLINE
    if separate:
        pieces.append(" ")
    if name in ("quotedText", "quotedStructure", "embeddedStructure"):
        pieces.append(element.get("startQuote", ""))
    pieces.append(element.text or "" if isinstance(element.tag, str) else "")
    for child in element:
        _collect(child, pieces)
        pieces.append(child.tail or "")
    if name in ("quotedText", "quotedStructure", "embeddedStructure"):
        pieces.append(element.get("endQuote", ""))
    if separate:
        pieces.append(" ")


_MARKER = re.compile(r"\[[^\[\]\s]{0,12}\]")  # a note's marker as `redline text` shows it


def missing_words(data: bytes, text: str) -> Counter[str]:
    """The words of `data` that `text` lacks (as a multiset): empty when nothing is lost."""
    return document_words(data) - Counter(_MARKER.sub(" ", text).split())
