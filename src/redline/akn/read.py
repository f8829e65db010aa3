"""Reading Akoma Ntoso 3.0 XML into a `Document`: the first step for AKN inputs.

It is the inverse of `redline.akn.write.write_akn` (writing then reading gives an
equal `Document`) and also reads reasonable AKN written by others.

Guarantees:
1. Parsing goes through `redline.xmlsafe` (no entities, no DTDs, limits).
2. The result follows the model's shape (`redline.model`): an ``article``'s
   ``<content>`` becomes a ``content`` child unit; any other hierarchical element
   with ``<content>`` is a text unit carrying that text.
3. Text is kept exactly, with one normalisation for XML indented by others: inside a
   ``<p>``, a run of whitespace containing a line break becomes one space, and is
   dropped at the start and end of the ``<p>``. Several ``<p>`` (or other blocks) in
   one provision are joined with ``"\\n"``. Inline elements (``<i>``, ``<ref>``,
   ``<term>`` ...) are flattened to their text; ``<eol>``/``<br>`` become a space.
4. Authorial notes are taken out of the text and anchored at their exact offset.
5. Missing eIds are derived with `redline.akn.naming.make_eid`; eIds are unique, and a
   duplicate one is an `InputError`.
6. Only ``act``, ``bill``, ``doc`` and ``statement`` documents are read; anything
   else, and any element we cannot place, is an `InputError` with file and line.
   Conclusions, attachments and components are not read.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from redline.akn.naming import AKN_NS, make_eid, uniquify
from redline.akn.write import BLOCK_HOLDERS, ITEMS, META_NS
from redline.errors import InputError
from redline.model import Document, Metadata, Note, Unit
from redline.xmlsafe import parse_xml

SUPPORTED_TYPES = ("act", "bill", "doc", "statement")
"""Document types read: those with a preamble and a body (or main body) of provisions."""

HIERARCHY = frozenset(
    {
        "alinea",
        "article",
        "book",
        "chapter",
        "clause",
        "division",
        "hcontainer",
        "indent",
        "level",
        "list",
        "paragraph",
        "part",
        "point",
        "proviso",
        "rule",
        "section",
        "subchapter",
        "subclause",
        "subdivision",
        "sublist",
        "subparagraph",
        "subpart",
        "subrule",
        "subsection",
        "subtitle",
        "title",
        "tome",
        "transitional",
        "recitals",
        "citations",
    }
)
"""Elements read as units that hold sub-units (or, through ``<content>``, text)."""

_LABELS = frozenset({"num", "heading", "subheading"})
_BREAKS = frozenset({"eol", "eop", "br"})
_NOTE = "\x00"  # stands for a note's place while whitespace is normalised
_WRAPPED = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")  # whitespace holding a line break
_TRAILING = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*$")  # the same, ending the text


def _line(element: etree._Element) -> int | None:
    """The source line of `element`, if known."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname


def _is_akn(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).namespace == AKN_NS


def read_akn(data: bytes, source: str) -> Document:
    """The document held in AKN `data`; `InputError` naming `source` if it cannot be read."""
    root = parse_xml(data, source)
    if not _is_akn(root) or _name(root) != "akomaNtoso":
        raise InputError(
            f"root element is {root.tag}, expected akomaNtoso in namespace {AKN_NS}",
            source=source,
            line=_line(root),
        )
    kids = [child for child in root if _is_akn(child)]
    if not kids:
        raise InputError("akomaNtoso holds no document", source=source, line=_line(root))
    element = kids[0]
    if _name(element) not in SUPPORTED_TYPES:
        raise InputError(
            f"Akoma Ntoso document type <{_name(element)}> is not supported "
            f"(expected one of: {', '.join(SUPPORTED_TYPES)})",
            source=source,
            line=_line(element),
        )
    return _Reader(source).document(element)


class _Reader:
    """One read: the source name for errors and the eIds seen so far."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.seen: dict[str, int | None] = {}
        self.next_suffix: dict[str, int] = {}

    def fail(self, message: str, element: etree._Element) -> InputError:
        return InputError(message, source=self.source, line=_line(element))

    def document(self, element: etree._Element) -> Document:
        meta = _metadata(element)
        preamble: tuple[Unit, ...] = ()
        body: tuple[Unit, ...] = ()
        for part in element:
            if not _is_akn(part):
                continue
            if _name(part) == "preamble":
                preamble = self.units(part, "preamble")
            elif _name(part) in ("body", "mainBody"):
                body = self.units(part, "")
        return Document(meta=meta, preamble=preamble, body=body)

    def claim(self, eid: str, element: etree._Element, given: bool) -> str:
        """Record `eid`; a given duplicate is an error, a derived one gets a suffix."""
        if eid in self.seen:
            if given:
                first = self.seen[eid]
                raise self.fail(f"duplicate eId {eid!r} (first used on line {first})", element)
            eid = uniquify(eid, self.seen, self.next_suffix)
        self.seen[eid] = _line(element)
        return eid

    def units(self, parent: etree._Element, parent_eid: str) -> tuple[Unit, ...]:
        """The units among `parent`'s children (labels skipped)."""
        counters: Counter[str] = Counter()
        units = []
        for child in parent:
            if not _is_akn(child) or _name(child) in _LABELS:
                continue
            name = _name(child)
            if name not in HIERARCHY and name not in BLOCK_HOLDERS | ITEMS | {"p"}:
                where = f" (in {parent_eid})" if parent_eid else ""
                raise self.fail(f"<{name}> inside <{_name(parent)}>{where} is not supported", child)
            num = _label(child, "num")
            if not num:
                counters[name] += 1
            units.append(self.unit(child, parent_eid, num, counters[name] or 1))
        return tuple(units)

    def unit(self, element: etree._Element, parent_eid: str, num: str, counter: int) -> Unit:
        """One unit and its descendants."""
        name = _name(element)
        given = element.get("eId")
        eid = self.claim(given or make_eid(parent_eid, name, num, counter), element, bool(given))
        attrs = tuple(
            (str(key), str(value))
            for key, value in element.attrib.items()
            if str(key) not in ("eId", "wId", "GUID") and not str(key).startswith("{")
        )
        heading = _label(element, "heading")
        if name == "p":
            text, notes = self.blocks([element], eid)
        elif name in BLOCK_HOLDERS or name in ITEMS:
            text, notes = self.blocks(_blocks_of(element), eid)
        else:
            content = _content_only(element)
            if content is None or name == "article":
                children = self.units(element, eid)
                return Unit(name, eid, num, heading, children=children, attrs=attrs)
            text, notes = self.blocks(_blocks_of(content), eid)
        return Unit(name, eid, num, heading, text=text, notes=notes, attrs=attrs)

    def blocks(self, blocks: list[etree._Element], owner: str) -> tuple[str, tuple[Note, ...]]:
        """The text of `blocks` joined with line breaks, and the notes anchored in it."""
        pieces: list[str] = []
        found: list[etree._Element] = []
        for line in _lines(blocks):
            line_notes: list[etree._Element] = []
            raw: list[str] = []
            _flatten(line, raw, line_notes)
            pieces.append(_normalise("".join(raw)))
            found.extend(line_notes)
        joined = "\n".join(pieces)
        notes = []
        for index, element in enumerate(found, start=1):
            offset = joined.index(_NOTE)
            joined = joined[:offset] + joined[offset + 1 :]
            note_text, _ = self.blocks(_blocks_of(element), owner)
            given = element.get("eId")
            derived = make_eid(owner, "authorialNote", counter=index)
            eid = self.claim(given or derived, element, bool(given))
            notes.append(Note(eid, element.get("marker", ""), offset, note_text))
        return joined, tuple(notes)


def _metadata(element: etree._Element) -> Metadata:
    """Identity and description from ``<meta>``, ``<preface>`` and the document element."""

    def value(path: str, attribute: str = "value") -> str:
        # One line: an attribute may hold line breaks (&#10;), which no date, URI or
        # label has, and which would break the one-line descriptions of a version.
        found = element.find(f"a:meta/a:identification/{path}", {"a": AKN_NS})
        return " ".join((found.get(attribute) or "").split()) if found is not None else ""

    extra = []
    source = ""
    for fact in element.iterfind(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}proprietary/*"):
        if fact.tag == f"{{{META_NS}}}source":
            source = fact.text or ""
        elif fact.tag == f"{{{META_NS}}}fact":
            extra.append((fact.get("name", ""), fact.text or ""))
    return Metadata(
        title=_title(element),
        work_uri=value("a:FRBRWork/a:FRBRuri"),
        expression_uri=value("a:FRBRExpression/a:FRBRuri"),
        manifestation_uri=value("a:FRBRManifestation/a:FRBRthis"),
        date=value("a:FRBRExpression/a:FRBRdate", "date"),
        version_label=value("a:FRBRExpression/a:FRBRversionNumber"),
        language=value("a:FRBRExpression/a:FRBRlanguage", "language") or "eng",
        doc_type=_name(element),
        doc_name=element.get("name", ""),
        country=value("a:FRBRWork/a:FRBRcountry"),
        source=source,
        extra=tuple(extra),
    )


def _title(element: etree._Element) -> str:
    """The ``<docTitle>`` of the preface, else its long title, else the FRBR name."""
    for path in ("a:preface//a:docTitle", "a:preface/a:longTitle"):
        found = element.find(path, {"a": AKN_NS})
        if found is not None:
            return _inline(found)
    name = element.find("a:meta/a:identification/a:FRBRWork/a:FRBRname", {"a": AKN_NS})
    return (name.get("value") or "") if name is not None else ""


def _label(element: etree._Element, tag: str) -> str:
    found = element.find(f"{{{AKN_NS}}}{tag}")
    return _inline(found) if found is not None else ""


def _inline(element: etree._Element) -> str:
    """The text of an inline holder, notes left out, normalised like a ``<p>``."""
    raw: list[str] = []
    _flatten(element, raw, [])
    return _normalise("".join(raw)).replace(_NOTE, "")


def _blocks_of(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if _is_akn(child) and _name(child) not in _LABELS]


def _content_only(element: etree._Element) -> etree._Element | None:
    """The ``<content>`` of `element` when it is its only block, else None."""
    blocks = _blocks_of(element)
    if len(blocks) == 1 and _name(blocks[0]) == "content":
        return blocks[0]
    return None


def _lines(blocks: list[etree._Element]) -> list[etree._Element]:
    """The elements whose text is one line each: ``<p>``s, or a whole other block."""
    lines = []
    for block in blocks:
        if _name(block) == "p":
            lines.append(block)
            continue
        inner = [p for p in block.iter(f"{{{AKN_NS}}}p") if not _inside_note(p, block)]
        lines.extend(inner or [block])
    return lines


def _inside_note(element: etree._Element, stop: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if _name(parent) == "authorialNote":
            return True
        parent = parent.getparent()
    return False


def _flatten(element: etree._Element, out: list[str], notes: list[etree._Element]) -> None:
    """Append the text of `element`'s content to `out`, a placeholder for each note."""
    out.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            name = _name(child)
            if name == "authorialNote":
                out.append(_NOTE)
                notes.append(child)
            elif name in _BREAKS:
                out.append(" ")
            else:
                _flatten(child, out, notes)
        out.append(child.tail or "")


def _normalise(text: str) -> str:
    """Undo indentation added by others: line-break runs become one space, none at the ends.

    >>> _normalise("\\n   Reaffirming the\\n   Charter,\\n ")
    'Reaffirming the Charter,'
    >>> _normalise("exact\\u00a0 text  kept")
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
