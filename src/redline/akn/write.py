"""Writing a `Document` as Akoma Ntoso 3.0 XML: the last step of ``import``.

The output is what `redline.akn.read.read_akn` reads back into an equal `Document`.

Guarantees:
1. The XML is UTF-8 with a declaration, indented for people, and valid against the
   AKN 3.0 schema whenever the document follows the model's shape (`redline.model`).
2. Indentation is only added between structural elements, never inside ``<p>``,
   ``<num>``, ``<heading>`` or ``<docTitle>``: every character of the text is kept.
3. Element names map one to one from `Unit.element`, so any hierarchy (article,
   paragraph, point; section, subsection, clause ...) is written the same way.
4. A text containing line breaks is written as one ``<p>`` per line; authorial notes
   sit inline in their ``<p>`` at their exact offset.
5. ``intro``, ``content`` and ``wrapUp`` carry no eId: their eIds are derived from
   the parent's (``art_9__content``) and the reader derives them again.
"""

from __future__ import annotations

import re

from lxml import etree

from redline.akn.naming import AKN_NS, SINGLETONS
from redline.errors import InputError
from redline.model import Document, Metadata, Note, Unit

"""The Akoma Ntoso 3.0 namespace."""
META_NS = "urn:x-redline:metadata"
"""Namespace of our own elements inside ``<proprietary>`` (the schema requires a foreign one)."""

#: Text units whose words go straight into ``<p>`` children, without ``<content>``.
BLOCK_HOLDERS = frozenset({"intro", "wrapUp", "content", "formula", "longTitle", "container"})
#: Text units shaped like an item: eId, optional num and heading, then ``<p>`` children.
ITEMS = frozenset({"recital", "citation", "item"})
#: Document types whose main part is ``<mainBody>`` rather than ``<body>``.
OPEN_STRUCTURES = frozenset({"doc", "statement", "debateReport"})
#: Elements whose content is inline text: never indented inside.
INLINE_HOLDERS = frozenset({"p", "num", "heading", "subheading", "docTitle"})

_INDENT = "  "
# Characters XML 1.0 cannot hold, even escaped: C0 controls but tab, LF, CR; surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _akn(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def write_akn(doc: Document) -> bytes:
    """The AKN 3.0 XML of `doc`, as UTF-8 bytes with an XML declaration.

    Raises `InputError` naming the unit if a text holds a character XML cannot hold
    (a control character such as a form feed left over from a PDF).
    """
    _check_characters(doc)
    # The stubs do not allow the ``None`` key that lxml uses for the default namespace.
    root = etree.Element(_akn("akomaNtoso"), nsmap={None: AKN_NS})  # type: ignore[dict-item]
    root.append(_document(doc))
    _indent(root, 0)
    text: str = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'.encode()


def _document(doc: Document, nested: bool = False) -> etree._Element:
    """The document element of `doc`: meta, preface, preamble, body, conclusions, then
    its components (a collection's ``collectionBody``, another type's ``attachments``)."""
    document = etree.Element(_akn(doc.meta.doc_type), name=doc.meta.doc_name)
    document.append(_meta(doc.meta, nested))
    if doc.meta.title or doc.preface:
        preface = etree.SubElement(document, _akn("preface"))
        if doc.meta.title:
            long_title = etree.SubElement(preface, _akn("longTitle"))
            paragraph = etree.SubElement(long_title, _akn("p"))
            etree.SubElement(paragraph, _akn("docTitle")).text = doc.meta.title
        preface.extend(_unit(unit) for unit in doc.preface)
    if doc.preamble:
        preamble = etree.SubElement(document, _akn("preamble"))
        preamble.extend(_unit(unit) for unit in doc.preamble)
    collection = doc.meta.doc_type == "documentCollection"
    if collection:
        holder = etree.SubElement(document, _akn("collectionBody"))
    else:
        body_tag = "mainBody" if doc.meta.doc_type in OPEN_STRUCTURES else "body"
        etree.SubElement(document, _akn(body_tag)).extend(_unit(unit) for unit in doc.body)
    if doc.conclusions:
        conclusions = etree.SubElement(document, _akn("conclusions"))
        conclusions.extend(_unit(unit) for unit in doc.conclusions)
    if doc.components and not collection:
        holder = etree.SubElement(document, _akn("attachments"))
    wrapper, prefix = ("component", "cmp") if collection else ("attachment", "att")
    for number, component in enumerate(doc.components, start=1):
        inner = etree.SubElement(holder, _akn(wrapper), eId=f"{prefix}_{number}")
        inner.append(_document(component, nested=True))
    return document


def _check_characters(doc: Document) -> None:
    """Refuse, naming where it is, any text that XML 1.0 cannot represent."""
    places = [("metadata", doc.meta.title), ("metadata", doc.meta.version_label)]
    places.extend(("metadata", value) for _, value in doc.meta.extra)
    for unit in doc.walk():
        places.extend((unit.eid, text) for text in (unit.num, unit.heading, unit.text))
        places.extend((note.eid, note.text) for note in unit.notes)
    for component in doc.components:
        _check_characters(component)
    for place, text in places:
        found = _NOT_XML.search(text)
        if found:
            raise InputError(
                f"{place}: character U+{ord(found.group()):04X} cannot be written to XML",
                source=doc.meta.source,
            )


def _meta(meta: Metadata, nested: bool = False) -> etree._Element:
    """``<meta>``: FRBR identification, the ``#redline`` source, proprietary facts.

    A `nested` document (a component) refers to the outer document's ``#redline``
    organisation instead of declaring it again: eIds are unique across the whole file.
    """
    element = etree.Element(_akn("meta"))
    identification = etree.SubElement(element, _akn("identification"), source="#redline")
    levels = (
        ("FRBRWork", f"{meta.work_uri}/!main", meta.work_uri, "work"),
        ("FRBRExpression", f"{meta.expression_uri}/!main", meta.expression_uri, "version"),
        ("FRBRManifestation", meta.manifestation_uri, meta.manifestation_uri, "generation"),
    )
    for level, this, uri, date_name in levels:
        frbr = etree.SubElement(identification, _akn(level))
        etree.SubElement(frbr, _akn("FRBRthis"), value=this)
        etree.SubElement(frbr, _akn("FRBRuri"), value=uri)
        etree.SubElement(frbr, _akn("FRBRdate"), date=meta.date, name=date_name)
        etree.SubElement(frbr, _akn("FRBRauthor"), href="#redline")
        if level == "FRBRWork":
            etree.SubElement(frbr, _akn("FRBRcountry"), value=meta.country)
        elif level == "FRBRExpression":
            if meta.version_label:
                etree.SubElement(frbr, _akn("FRBRversionNumber"), value=meta.version_label)
            etree.SubElement(frbr, _akn("FRBRlanguage"), language=meta.language)
    if not nested:
        references = etree.SubElement(element, _akn("references"), source="#redline")
        etree.SubElement(
            references,
            _akn("TLCOrganization"),
            eId="redline",
            href="/ontology/organization/redline",
            showAs="redline",
        )
    if meta.source or meta.extra:
        proprietary = etree.SubElement(
            element, _akn("proprietary"), source="#redline", nsmap={"redline": META_NS}
        )
        if meta.source:
            etree.SubElement(proprietary, f"{{{META_NS}}}source").text = meta.source
        for key, value in meta.extra:
            etree.SubElement(proprietary, f"{{{META_NS}}}fact", name=key).text = value
    return element


def _unit(unit: Unit) -> etree._Element:
    """The element of one unit and its descendants."""
    attrs = {} if unit.element in SINGLETONS else {"eId": unit.eid}
    attrs.update(unit.attrs)
    element = etree.Element(_akn(unit.element), attrs)
    if unit.element == "p":
        _fill_p(element, unit.text, unit.notes)
        return element
    if unit.num:
        etree.SubElement(element, _akn("num")).text = unit.num
    if unit.heading:
        etree.SubElement(element, _akn("heading")).text = unit.heading
    if unit.children:
        element.extend(_unit(child) for child in unit.children)
        if unit.element == "blockList":
            _list_labels(element)
    elif unit.element in BLOCK_HOLDERS or unit.element in ITEMS:
        _add_paragraphs(element, unit.text, unit.notes)
    else:
        _add_paragraphs(etree.SubElement(element, _akn("content")), unit.text, unit.notes)
    return element


def _list_labels(block_list: etree._Element) -> None:
    """A ``blockList``'s ``intro``/``wrapUp`` as AKN writes them there: inline
    ``listIntroduction``/``listWrapUp``, the lines of the text parted by ``<eol/>``."""
    for child in block_list:
        name = etree.QName(child).localname
        if name not in ("intro", "wrapUp"):
            continue
        child.tag = _akn("listIntroduction" if name == "intro" else "listWrapUp")
        paragraphs = list(child)
        for index, paragraph in enumerate(paragraphs):
            child.remove(paragraph)
            if index:
                etree.SubElement(child, _akn("eol"))
            if len(child):
                child[-1].tail = (child[-1].tail or "") + (paragraph.text or "")
            else:
                child.text = (child.text or "") + (paragraph.text or "")
            child.extend(paragraph)


def _add_paragraphs(parent: etree._Element, text: str, notes: tuple[Note, ...]) -> None:
    """One ``<p>`` per line of `text`, each holding the notes anchored in that line."""
    start = 0
    remaining = sorted(notes, key=lambda note: note.offset)
    for line in text.split("\n"):
        end = start + len(line)
        here = [note for note in remaining if note.offset <= end]
        remaining = remaining[len(here) :]
        shifted = tuple(
            Note(note.eid, note.marker, max(note.offset - start, 0), note.text) for note in here
        )
        _fill_p(etree.SubElement(parent, _akn("p")), line, shifted)
        start = end + 1


def _fill_p(paragraph: etree._Element, text: str, notes: tuple[Note, ...]) -> None:
    """Put `text` in `paragraph` with each note's ``<authorialNote>`` at its offset."""
    previous: etree._Element | None = None
    position = 0
    for note in sorted(notes, key=lambda note: note.offset):
        offset = min(note.offset, len(text))
        chunk = text[position:offset]
        if previous is None:
            paragraph.text = chunk or None
        else:
            previous.tail = chunk or None
        previous = etree.SubElement(
            paragraph,
            _akn("authorialNote"),
            marker=note.marker,
            placement="bottom",
            eId=note.eid,
        )
        _add_paragraphs(previous, note.text, ())
        position = offset
    rest = text[position:]
    if previous is None:
        paragraph.text = rest or None
    else:
        previous.tail = rest or None


def _indent(element: etree._Element, level: int) -> None:
    """Indent structural elements in place; inline holders keep their text untouched."""
    if etree.QName(element).localname in INLINE_HOLDERS or len(element) == 0:
        return
    if element.text and element.text.strip():
        return  # mixed content: any whitespace added here would become text
    inner = "\n" + _INDENT * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + _INDENT * level
