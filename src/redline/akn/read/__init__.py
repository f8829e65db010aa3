"""Reading Akoma Ntoso 3.0 XML into a `Document`: the first step for AKN inputs.

It is the inverse of `redline.akn.write.write_akn` (writing then reading gives an
equal `Document`) and reads AKN as other systems write it (legislation.gov.uk,
Laws.Africa Indigo, AKN4EU/LEOS, national parliaments): the modules here are
`inline` (words of an element), `identity` (eIds and warnings), `units` (the
hierarchy) and `document` (parts, components, metadata).

Guarantees:
1. Parsing goes through `redline.xmlsafe` (no entities, no DTDs, limits).
2. The result follows the model's shape (`redline.model`).
3. Every word of the document outside ``<meta>`` (and of its editorial notes) is
   kept, in order: what the reader does not model is kept as text of its nearest unit,
   with one warning per element kind (`read_akn_result`'s warnings, each
   ``file:line: message``).
4. Authorial notes are taken out of the text and anchored at their exact offset, also
   those in a ``num`` or ``heading`` (at the start of the unit's first text).
5. eIds are unique in each document: a missing eId is derived with
   `redline.akn.naming.make_eid`, a duplicate or odd one is replaced with a warning;
   imperfect eIds never refuse a document (``redline validate`` reports them).
6. The document element must be ``act``, ``bill``, ``doc``, ``statement`` or
   ``documentCollection``; anything else is an `InputError` with file and line. The
   file-level ``<components>`` that a collection's ``documentRef``s name are read as
   its components.
7. Editorial notes (``<meta><notes><note>``) are read as notes where the ``noteRef``s
   naming them stand; a reference naming no note, and a note no reference names, is a
   warning with its eId and line (`redline.akn.read.notes`).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from redline.akn.naming import AKN_NS
from redline.akn.read.document import component_pool, read_document, take
from redline.akn.read.identity import Warnings, line_of
from redline.akn.read.notes import MetaNotes
from redline.akn.read.units import HIERARCHY
from redline.errors import InputError
from redline.model import Document
from redline.xmlsafe import parse_xml

__all__ = ["HIERARCHY", "SUPPORTED_TYPES", "read_akn", "read_akn_result"]

SUPPORTED_TYPES = ("act", "bill", "doc", "statement", "documentCollection")
"""Document types read: those with a preamble and a body (or main body) of provisions."""


def read_akn(data: bytes, source: str) -> Document:
    """The document held in AKN `data`; `InputError` naming `source` if it cannot be read."""
    return read_akn_result(data, source)[0]


def read_akn_result(data: bytes, source: str) -> tuple[Document, tuple[str, ...]]:
    """The document held in AKN `data` and the reader's warnings (``file:line: …``)."""
    root = parse_xml(data, source)
    if not _is_akn(root) or etree.QName(root).localname != "akomaNtoso":
        raise InputError(
            f"root element is {root.tag}, expected akomaNtoso in namespace {AKN_NS}",
            source=source,
            line=line_of(root),
        )
    kids = [
        child for child in root if _is_akn(child) and etree.QName(child).localname != "components"
    ]
    if not kids:
        raise InputError("akomaNtoso holds no document", source=source, line=line_of(root))
    element = kids[0]
    name = etree.QName(element).localname
    if name not in SUPPORTED_TYPES:
        raise InputError(
            f"Akoma Ntoso document type <{name}> is not supported "
            f"(expected one of: {', '.join(SUPPORTED_TYPES)})",
            source=source,
            line=line_of(element),
        )
    warnings = Warnings(source)
    pool = component_pool(root)
    notes = MetaNotes.of(root, warnings)
    document = read_document(element, warnings, pool, notes)
    # components no documentRef named: read too, after the others (nothing is dropped)
    left = []
    while pool:
        found = take(pool, next(iter(pool)))
        if found is not None:
            wrapper = found.getparent()
            prefix = (wrapper.get("eId") or "") if wrapper is not None else ""
            left.append(read_document(found, warnings, pool, notes, prefix))
    if left:
        document = replace(document, components=(*document.components, *left))
    notes.unreferenced()
    return document, tuple(warnings.messages)


def _is_akn(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).namespace == AKN_NS
