"""Word markup that wraps text without being text: what a wrapper holds, which branch
of a choice to read, and how many words an element the reader does not read holds.

Used by `paragraphs` on every element it meets. Guarantees: `inner` and `children`
look through content controls (their content, not their properties), custom XML and
alternate content; `choose` gives exactly one branch of an ``mc:AlternateContent``
(so its words are read once, never twice); `words` counts every word an element holds
in any of Word's text elements, so what is not read can be named with its size."""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

#: Elements whose words are not the running text of a paragraph: drawings, text boxes
#: and embedded objects (warned about where they stand).
_BOXES = frozenset({f"{W}drawing", f"{W}pict", f"{W}object", f"{W}txbxContent"})

#: Word's text elements: run text, deleted run text, equation text, DrawingML text.
_TEXTS = frozenset(
    {f"{W}t", f"{W}delText", f"{MATH}t", "{http://schemas.openxmlformats.org/drawingml/2006/main}t"}
)

#: Block-level wrappers read through: content controls, custom XML.
WRAPPERS = ("sdt", "sdtContent", "customXml")

#: What a reader says an element is, in a warning.
NAMES = {
    f"{MATH}oMath": "an equation",
    f"{MATH}oMathPara": "an equation",
    f"{W}ruby": "a phonetic guide (ruby)",
    f"{W}altChunk": "an embedded document (w:altChunk)",
    f"{W}subDoc": "a subdocument (w:subDoc)",
}


def words(element: etree._Element) -> int:
    """How many words the text elements inside `element` hold."""
    return sum(len((e.text or "").split()) for e in element.iter(*_TEXTS))


def counted(number: int) -> str:
    """``1 word``, ``3 words``.

    >>> counted(1), counted(3)
    ('1 word', '3 words')
    """
    return f"{number} word" if number == 1 else f"{number} words"


def name(element: etree._Element) -> str:
    """`element` as a warning names it: ``an equation``, or its prefixed tag."""
    tag = str(element.tag)
    if tag in NAMES:
        return NAMES[tag]
    qname = etree.QName(element)
    prefix = element.prefix or ("w" if qname.namespace == W[1:-1] else "")
    return f"a {prefix}:{qname.localname}" if prefix else f"a {qname.localname}"


#: DrawingML graphics whose words live in parts of their own, by what a warning calls them.
_GRAPHICS = {
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "SmartArt diagram",
}


def graphic(drawing: etree._Element) -> str:
    """``chart`` or ``SmartArt diagram`` when `drawing` shows one (its text is not in
    the document part), else ""; pictures and shapes give ""."""
    for data in drawing.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"):
        if data.get("uri", "") in _GRAPHICS:
            return _GRAPHICS[data.get("uri", "")]
    return ""


def readable(element: etree._Element) -> bool:
    """True when `element` holds text outside drawings, text boxes and objects: text
    runs a reader reads as running text."""
    for text in element.iter(f"{W}t"):
        ancestor = text.getparent()
        while ancestor is not None and ancestor is not element and ancestor.tag not in _BOXES:
            ancestor = ancestor.getparent()
        if text.text and (ancestor is None or ancestor is element):
            return True
    return False


def choose(alternate: etree._Element) -> etree._Element | None:
    """The one branch of an ``mc:AlternateContent`` to read: the first ``mc:Choice``
    holding readable text runs, else the ``mc:Fallback``, else the first choice (whose
    drawings are then warned about, once). None when it has no branch at all."""
    choices = alternate.findall(f"{MC}Choice")
    for choice in choices:
        if readable(choice):
            return choice
    fallback = alternate.find(f"{MC}Fallback")
    if fallback is not None:
        return fallback
    return choices[0] if choices else None


def inner(element: etree._Element) -> etree._Element | None:
    """What a wrapper holds: a content control's ``w:sdtContent`` (not its properties),
    the chosen branch of ``mc:AlternateContent``, or the wrapper itself."""
    if element.tag == f"{MC}AlternateContent":
        return choose(element)
    if element.tag == f"{W}sdt":
        return element.find(f"{W}sdtContent")
    return element


def children(parent: etree._Element, *tags: str) -> list[etree._Element]:
    """The children of `parent` named `tags` (``tr``, ``tc``, ``p``), looking through
    the content controls, custom XML and alternate content that may wrap them."""
    found = []
    for child in parent:
        tag = etree.QName(child).localname
        if tag in tags and child.tag == f"{W}{tag}":
            found.append(child)
        elif tag in WRAPPERS or child.tag == f"{MC}AlternateContent":
            content = inner(child)
            if content is not None:
                found += children(content, *tags)
    return found
