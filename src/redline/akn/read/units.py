"""AKN elements to `Unit`s: the hierarchy of one part of a document (body, preamble ...).

Guarantees to `redline.akn.read.document` (and, through it, to every later stage):
1. Every hierarchical element of AKN 3.0 (`HIERARCHY`), ``blockList``/``item``, the
   block holders (``intro``, ``content``, ``wrapUp``, ``listIntroduction`` read as
   ``intro``, ``listWrapUp`` as ``wrapUp`` ...), ``recital``, ``citation``, ``p`` and
   ``crossHeading`` (an ``hcontainer`` named ``crossHeading``) is a unit.
2. The model's shape holds (`redline.model`): a unit has text or children; an
   ``article``'s text is a ``content`` child; a block holder holding a ``blockList``
   or a provision becomes a container of them.
3. Nothing is dropped: an element the reader does not model (``table``, ``block``,
   ``tblock``, elements in another namespace, stray text) is kept as text of its nearest
   unit (inside a provision, a ``content`` unit; at a part's top, the part's fallback
   unit), with one warning per element kind.
4. Labels: the first ``num`` is `Unit.num`; ``heading`` and ``subheading`` make
   `Unit.heading` (joined by `` — ``); a note in a label is anchored at the start of the
   unit's first text. Further labels are kept as text.
5. A ``noteRef`` is read as a note where it stands, with its marker and the words of
   the ``<note>`` it names (`redline.akn.read.notes`); its first reference keeps the
   note's eId. A reference naming no note is warned of and read as no note.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from lxml import etree

from redline.akn.naming import make_eid
from redline.akn.read.identity import Identity, Warnings
from redline.akn.read.inline import (
    LABELS,
    NOTE,
    NOTES,
    inline,
    is_element,
    line_text,
    local_name,
    row_texts,
)
from redline.akn.read.notes import MetaNotes
from redline.model import Note, Unit

HIERARCHY = frozenset(
    {"alinea", "article", "book", "chapter", "clause", "division", "hcontainer", "indent",
     "level", "list", "paragraph", "part", "point", "proviso", "rule", "section",
     "subchapter", "subclause", "subdivision", "sublist", "subparagraph", "subpart",
     "subrule", "subsection", "subtitle", "title", "tome", "transitional", "recitals",
     "citations"}
)  # fmt: skip
"""Elements read as units that hold sub-units (or, through ``<content>``, text)."""
HOLDERS = frozenset(
    {"intro", "wrapUp", "content", "formula", "longTitle", "container", "listIntroduction",
     "listWrapUp"}
)  # fmt: skip
"""Block holders: their ``<p>`` (and other blocks) are a unit's text."""
ITEMS = frozenset({"recital", "citation", "item"})
"""Text units shaped like an item: eId, optional num and heading, then blocks."""
_RENAMED = {"listIntroduction": "intro", "listWrapUp": "wrapUp", "crossHeading": "hcontainer"}
#: Children that make their parent a container rather than a text unit.
_STRUCTURE = HIERARCHY | HOLDERS | {"blockList", "item", "recital", "citation", "crossHeading"}
UNIT_ELEMENTS = _STRUCTURE | {"p"}
"""Every element read as a unit of its own."""
#: Blocks kept as text without a warning: the reader models them as lines of text.
_AS_TEXT = frozenset({"table", "block", "tblock", "blockContainer", "foreign", "div", "toc"})


class UnitReader:
    """Reads the units of one document: its identity (eIds), the shared warnings and the
    file's editorial notes."""

    def __init__(self, warnings: Warnings, notes: MetaNotes, prefix: str = "") -> None:
        self.warnings = warnings
        self.meta_notes = notes
        self.identity = Identity(warnings, prefix)

    def units(
        self,
        parent: etree._Element,
        parent_eid: str,
        fallback: str,
        skip: etree._Element | None = None,
        part: bool = False,
    ) -> tuple[Unit, ...]:
        """The units among `parent`'s children; other content becomes `fallback` units.

        `skip` is left out; the labels of a unit (not of a `part`) are its own."""
        counters: Counter[str] = Counter()
        units: list[Unit] = []
        pending: list[etree._Element | str] = []
        labels = _labels(parent) if local_name(parent) not in HOLDERS and not part else {}
        left_out = [*labels.values(), *([skip] if skip is not None else [])]
        if (parent.text or "").strip():
            pending.append(parent.text or "")
        for child in parent:
            if is_element(child) and not any(child is other for other in left_out):
                name = local_name(child)
                if name in UNIT_ELEMENTS:
                    self._flush(pending, parent_eid, fallback, counters, units)
                    counters[name] += 1
                    units.append(self.unit(child, parent_eid, counters[name]))
                else:
                    self._unmodelled(child, name, parent_eid or local_name(parent))
                    pending.append(child)
            if (child.tail or "").strip():
                pending.append(child.tail or "")
        self._flush(pending, parent_eid, fallback, counters, units)
        return tuple(units)

    def _unmodelled(self, child: etree._Element, name: str, where: str) -> None:
        if name not in _AS_TEXT:
            self.warnings.once(
                name, child, f"<{name}> (in {where}) is not modelled: kept as text of its unit"
            )

    def _flush(
        self,
        pending: list[etree._Element | str],
        parent_eid: str,
        fallback: str,
        counters: Counter[str],
        units: list[Unit],
    ) -> None:
        """Turn the waiting non-unit content into one `fallback` text unit."""
        if not pending:
            return
        first = next((p for p in pending if not isinstance(p, str)), None)
        attrs: tuple[tuple[str, str], ...] = ()
        if fallback in ("hcontainer", "container"):
            attrs = (
                ("name", local_name(first).replace(":", "-") if first is not None else "text"),
            )
        counters[fallback] += 1
        derived = make_eid(parent_eid, fallback, counter=counters[fallback])
        eid = self.identity.claim(None, derived, first if first is not None else etree.Element("x"))
        text, notes = self.text(list(pending), eid)
        units.append(Unit(fallback, eid, text=text, notes=notes, attrs=attrs))
        pending.clear()

    def unit(self, element: etree._Element, parent_eid: str, counter: int) -> Unit:
        """One unit and its descendants."""
        name = local_name(element)
        element_name = _RENAMED.get(name, name)
        labels = _labels(element) if name not in HOLDERS and name != "p" else {}
        label_notes: list[etree._Element] = []
        num = inline(labels.get("num"), label_notes)
        headings = (inline(labels.get(tag), label_notes) for tag in ("heading", "subheading"))
        heading = " — ".join(text for text in headings if text)
        derived = make_eid(parent_eid, element_name, num, counter)
        eid = self.identity.claim(element.get("eId"), derived, element)
        unit = Unit(element_name, eid, num, heading, attrs=_attrs(element, name))
        kids = [k for k in element if is_element(k) and k not in labels.values()]
        if name in ("p", "crossHeading"):
            text, notes = self.text([element], eid)
            unit = replace(unit, text=text, notes=notes)
        elif self._is_container(name, kids):
            unit = replace(unit, children=self.units(element, eid, "content"))
        else:
            only = len(kids) == 1 and local_name(kids[0]) == "content"
            text, notes = self.text(_body(kids[0] if only else element, labels), eid)
            unit = replace(unit, text=text, notes=notes)
        return self._label_notes(unit, label_notes)

    def _is_container(self, name: str, kids: list[etree._Element]) -> bool:
        """Whether a unit of element `name` with children `kids` holds sub-units."""
        names = [local_name(kid) for kid in kids]
        if any(n in _STRUCTURE - {"content"} for n in names):
            return True
        if "content" not in names:
            return False
        if name == "article" or len(kids) > 1:
            return True
        return any(local_name(k) in _STRUCTURE for k in kids[0] if is_element(k))

    def text(self, blocks: list[etree._Element | str], owner: str) -> tuple[str, tuple[Note, ...]]:
        """The words of `blocks`, one line per block, and the notes anchored in them."""
        found: list[etree._Element] = []
        lines: list[str] = []
        for block in blocks:
            if isinstance(block, str):
                lines.append(" ".join(block.split()))
            else:
                _block_lines(block, lines, found)
        joined = "\n".join(lines)
        notes: list[Note] = []
        for element in found:
            offset = joined.index(NOTE)
            joined = joined[:offset] + joined[offset + 1 :]
            note = self.note(element, owner, len(notes) + 1, offset)
            if note is not None:
                notes.append(note)
        return joined, tuple(notes)

    def note(self, element: etree._Element, owner: str, index: int, offset: int) -> Note | None:
        """The note `element` (an ``authorialNote`` or a ``noteRef``), anchored at `offset`
        of its owner's text; None for a ``noteRef`` that names no note (warned of)."""
        body, given, marker = element, element.get("eId"), element.get("marker", "")
        if local_name(element) == "noteRef":
            resolved = self.meta_notes.resolve(element)
            if resolved is None:
                return None
            body, first = resolved
            given = body.get("eId") if first else None
            marker = marker or body.get("marker", "")
        derived = make_eid(owner, "authorialNote", counter=index)
        eid = self.identity.claim(given, derived, element)
        return Note(eid, marker, offset, self._note_text(body, frozenset({id(body)})))

    def _note_text(self, element: etree._Element, reading: frozenset[int]) -> str:
        """The words of a note, one line per block; a note inside it is kept in brackets
        (an editorial note it names too, unless it is one of the notes being read)."""
        lines: list[str] = []
        inner: list[etree._Element] = []
        if (element.text or "").strip() or not any(is_element(k) for k in element):
            lines.append(line_text(element, inner))
        else:
            for block in _body(element, {}):
                if isinstance(block, str):
                    lines.append(" ".join(block.split()))
                else:
                    _block_lines(block, lines, inner)
        text = "\n".join(lines)
        for nested in inner:
            body: etree._Element | None = nested
            if local_name(nested) == "noteRef":
                resolved = self.meta_notes.resolve(nested)
                body = resolved[0] if resolved and id(resolved[0]) not in reading else None
            words = f" [{self._note_text(body, reading | {id(body)})}]" if body is not None else ""
            text = text.replace(NOTE, words, 1)
        return text

    def _label_notes(self, unit: Unit, elements: list[etree._Element]) -> Unit:
        """`unit` with the notes of its labels anchored at the start of its first text."""
        if not elements:
            return unit
        notes = [
            self.note(element, unit.eid, len(unit.notes) + number, 0)
            for number, element in enumerate(elements, start=1)
        ]
        return _prepend_notes(unit, tuple(note for note in notes if note is not None))


def _prepend_notes(unit: Unit, notes: tuple[Note, ...]) -> Unit:
    if unit.is_text:
        return replace(unit, notes=notes + unit.notes)
    first = _prepend_notes(unit.children[0], notes)
    return replace(unit, children=(first, *unit.children[1:]))


def _labels(element: etree._Element) -> dict[str, etree._Element]:
    """The first ``num``, ``heading`` and ``subheading`` of `element`, by name."""
    found: dict[str, etree._Element] = {}
    for child in element:
        if is_element(child):
            name = local_name(child)
            if name in LABELS and name not in found:
                found[name] = child
    return found


def _attrs(element: etree._Element, name: str) -> tuple[tuple[str, str], ...]:
    """The attributes to keep: the source's own, less identifiers and foreign ones."""
    if name == "crossHeading":
        return (("name", "crossHeading"),)
    return tuple(
        (str(key), str(value))
        for key, value in element.attrib.items()
        if str(key) not in ("eId", "wId", "GUID") and not str(key).startswith("{")
    )


def _body(element: etree._Element, labels: dict[str, etree._Element]) -> list[etree._Element | str]:
    """`element`'s children and loose text, its labels left out."""
    body: list[etree._Element | str] = []
    if (element.text or "").strip():
        body.append(element.text or "")
    for child in element:
        if is_element(child) and child not in labels.values():
            body.append(child)
        if (child.tail or "").strip():
            body.append(child.tail or "")
    return body


_BLOCKY = UNIT_ELEMENTS | LABELS | _AS_TEXT | {"tr", "ul", "ol", "li"}


def _block_lines(block: etree._Element, lines: list[str], notes: list[etree._Element]) -> None:
    """Append the lines of one block: a line of words, a table's rows, or a block's blocks."""
    name = local_name(block)
    if name in NOTES:
        notes.append(block)
        lines.append((lines.pop() if lines else "") + NOTE)
    elif name == "table":
        lines.extend(row_texts(block, notes))
    elif (
        name != "p"
        and not (block.text or "").strip()
        and any(local_name(kid) in _BLOCKY for kid in block if is_element(kid))
    ):
        for kid in block:
            if is_element(kid):
                _block_lines(kid, lines, notes)
            if (kid.tail or "").strip():
                lines.append(" ".join((kid.tail or "").split()))
    else:
        lines.append(line_text(block, notes))
