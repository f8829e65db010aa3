"""The words of AKN elements as text: what the AKN reader puts in `Unit.text` and labels.

Guarantees to `redline.akn.read.units`:
1. Every word of every text node below an element is kept, in document order, with the
   exact characters; inline markup (``<i>``, ``<ref>``, ``<term>``, elements in another
   namespace ...) is flattened to its text, ``<eol>``/``<br>`` become a space, and a
   space separates the words of adjacent block-like children (``<num>`` then ``<p>``).
2. Quoted text and quoted structures are marked as quoted: their ``startQuote`` and
   ``endQuote`` characters, when the source gives them, open and close the quotation.
3. A table is one line per row, its cells separated by a tab.
4. Authorial notes and references to editorial notes (``noteRef``) are taken out and
   replaced by a placeholder (`NOTE`) at their exact place, so the caller can anchor them.
5. Whitespace added by indentation is undone: inside a line, a run of whitespace holding
   a line break becomes one space, and is dropped at the line's ends.
"""

from __future__ import annotations

import re

from lxml import etree

from redline.akn.naming import AKN_NS

NOTE = "\x00"
"""Stands for a note's place while whitespace is normalised."""
LABELS = frozenset({"num", "heading", "subheading"})
"""Label elements: read as `Unit.num` and `Unit.heading`, not as text."""
NOTES = frozenset({"authorialNote", "noteRef"})
"""Notes in the text: an authorial note, or a reference to an editorial note in ``<meta>``."""
BREAKS = frozenset({"eol", "eop", "br"})
"""Inline line breaks, read as one space."""
QUOTED = frozenset({"quotedText", "quotedStructure", "embeddedStructure"})
"""Quotations: their words are marked with the quote characters the source gives."""
#: Children that start a new block of words: a space keeps their words apart.
_SEPARATE = frozenset(
    {"p", "block", "content", "intro", "wrapUp", "item", "listIntroduction", "listWrapUp",
     "blockList", "tr", "td", "th", "tblock", "blockContainer", "container"}
) | LABELS  # fmt: skip
_AKN_PREFIX = "{" + AKN_NS + "}"
_WRAPPED = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")  # whitespace holding a line break
_TRAILING = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*$")  # the same, ending the text


def local_name(element: etree._Element) -> str:
    """The element's name without namespace; ``prefix:name`` when not in AKN."""
    tag = element.tag
    if isinstance(tag, str):  # the common cases without building a QName (hot in reading)
        if tag.startswith(_AKN_PREFIX):
            return tag[len(_AKN_PREFIX) :]
        if not tag.startswith("{"):
            return tag
    qname = etree.QName(element)
    if qname.namespace in (AKN_NS, None):
        return qname.localname
    return f"{element.prefix or '{' + str(qname.namespace) + '}'}:{qname.localname}"


def is_element(node: object) -> bool:
    """True for elements (not comments or processing instructions)."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def flatten(element: etree._Element, out: list[str], notes: list[etree._Element]) -> None:
    """Append the words of `element`'s content to `out`, a `NOTE` for each note."""
    out.append(element.text or "")
    for child in element:
        if is_element(child):
            name = local_name(child)
            if name in NOTES:
                out.append(NOTE)
                notes.append(child)
            elif name in BREAKS:
                out.append(" ")
            elif name == "table":
                _space(out)
                out.append(" ".join(row_texts(child, notes)))
                _space(out)
            elif name in _SEPARATE or name in QUOTED:
                _quoted(child, name != "quotedText", out, notes)
            else:
                flatten(child, out, notes)
        out.append(child.tail or "")


def _quoted(
    child: etree._Element, block: bool, out: list[str], notes: list[etree._Element]
) -> None:
    """`child`'s words between its quote characters; a block (not quoted words) apart."""
    if block:
        _space(out)
    out.append(child.get("startQuote", ""))
    flatten(child, out, notes)
    out.append(child.get("endQuote", ""))
    if block:
        _space(out)


def _space(out: list[str]) -> None:
    """A space after what `out` holds, unless it already ends in whitespace."""
    last = next((piece for piece in reversed(out) if piece), "")
    if last and not last[-1].isspace():
        out.append(" ")


def row_texts(table: etree._Element, notes: list[etree._Element]) -> list[str]:
    """One line per row of `table`: its cells' words, separated by a tab."""
    rows = []
    for row in table.iter(f"{{{AKN_NS}}}tr"):
        cells = []
        for cell in row:
            if is_element(cell):
                raw: list[str] = []
                flatten(cell, raw, notes)
                cells.append(normalise("".join(raw)).replace("\n", " "))
        rows.append("\t".join(cells))
    return rows


def line_text(element: etree._Element, notes: list[etree._Element]) -> str:
    """The words of `element` as one line (notes as `NOTE`), indentation undone."""
    raw: list[str] = []
    flatten(element, raw, notes)
    return normalise("".join(raw)).replace("\n", " ")


def inline(element: etree._Element | None, notes: list[etree._Element] | None = None) -> str:
    """The words of a label or title (notes, if any, collected into `notes`)."""
    if element is None:
        return ""
    found: list[etree._Element] = []
    text = line_text(element, found)
    if notes is not None:
        notes.extend(found)
    return text.replace(NOTE, "").strip()


def normalise(text: str) -> str:
    """Undo indentation added by others: line-break runs become one space, none at the ends.

    >>> normalise("\\n   Reaffirming the\\n   Charter,\\n ")
    'Reaffirming the Charter,'
    >>> normalise("exact\\u00a0 text  kept")
    'exact\\xa0 text  kept'
    """
    if "\n" not in text:
        return text
    start = _WRAPPED.match(text)
    if start:
        text = text[start.end() :]
    end = _TRAILING.search(text)
    if end:
        text = text[: end.start()]
    return _WRAPPED.sub(" ", text)
