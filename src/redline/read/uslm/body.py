"""USLM ``<main>`` to model units: the structural step of the USLM import.

`redline.read.uslm.reader` reads the metadata and calls `build_main`; this module turns the bill's
provisions into `Unit` trees and `redline.read.uslm.text` gives each unit its words.

Guarantees of `build_main`, on top of the model's own (`redline.model`):
1. Provisions keep their USLM level as AKN element (division, title, subtitle, part,
   chapter, section, subsection, paragraph, subparagraph, clause, subclause; ``item``
   and ``subitem`` become ``point``, AKN having no item level) with ``num`` and
   ``heading`` exactly as printed. An appropriations block of an appropriations act
   becomes ``hcontainer name="appropriations"``; a block that is only a heading (an
   agency or account heading over the blocks that follow) becomes
   ``hcontainer name="appropriationsHeading"`` whose text is the heading's words, so
   that no provision is empty and the comparison has words to align it by.
2. A provision with sub-provisions is a container: its chapeau becomes ``intro``, its
   continuation text ``wrapUp``; text standing between sub-provisions becomes an
   ``hcontainer`` named after its USLM element. A provision without sub-provisions is a
   text unit. Sub-provisions are found wherever GPO nests them: directly in the level,
   or inside its ``content``, ``chapeau``, ``continuation`` or ``proviso`` (H.J.Res. 37
   as referred in the Senate puts a section's paragraphs inside its ``content``).
   A provision with no words but its heading (``[Reserved]``) keeps the heading's
   words as its text, so that no provision is empty.
3. The enacting formula and resolving clause become ``formula`` units of the preamble;
   whereas clauses become ``recital`` units in ``preamble__recs_1``. A recital's own
   numbered sub-paragraphs, quoted blocks, tables and lists are flattened into the text
   of the unit that holds them (one line per block), never made provisions of the bill.
4. eIds follow `redline.akn.naming`: numbered provisions take their printed num (as the
   validator recomputes it), or ``num/@value`` when nothing is printed; unnumbered
   ones a counter among their unnumbered siblings (as the validator counts them); a
   repeated label gets a ``-2`` suffix and a warning.
5. The ``longTitle`` is not part of the body: it is the document's title (metadata).
   Margin notes, page markers and a public law's approval (`SKIPPED`) are not text:
   they are counted in `MainParts.skipped` and each named with its line and words in
   `MainParts.skipped_places`.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from redline.akn.naming import make_eid, uniquify
from redline.model import Note, Unit
from redline.read.us_levels import LEVELS
from redline.read.uslm.text import SKIPPED, Flat, FlatNote, flatten, local_name, one_line

#: Text blocks of a level that may hold further levels.
WRAPPERS = frozenset({"content", "chapeau", "continuation", "proviso"})
#: USLM elements that open the enacted text, kept as AKN ``formula`` with this name.
FORMULAS: dict[str, str] = {
    "enactingFormula": "enactingFormula",
    "resolvingClause": "resolvingClause",
}


@dataclass(frozen=True, slots=True)
class MainParts:
    """What `build_main` found in ``<main>``."""

    preamble: tuple[Unit, ...]
    """Recitals container and formulas, in document order."""
    body: tuple[Unit, ...]
    """Top-level provisions."""
    warnings: tuple[str, ...]
    """Repeated labels and other things a human should look at."""
    quoted_blocks: int
    """Quoted blocks flattened into the text of their provision."""
    tables: int
    """Tables flattened into the text of their provision."""
    skipped: tuple[tuple[str, int], ...] = ()
    """What was left out as not legislative text: (``margin note``, 3), ..."""
    small_caps: tuple[str, ...] = ()
    """eIds of the provisions whose heading the source prints in small caps."""
    skipped_places: tuple[str, ...] = ()
    """Each element counted in `skipped`, with its line and words: ``line 12: margin
    note 'Short title.' skipped`` (`redline.model.ImportResult.skipped`)."""


@dataclass(slots=True)
class _Builder:
    """Mutable state of one conversion: eIds taken, counters, warnings."""

    taken: set[str] = field(default_factory=set)
    next_suffix: dict[str, int] = field(default_factory=dict)
    counters: Counter[tuple[str, str]] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    quoted_blocks: int = 0
    tables: int = 0
    small_caps: list[str] = field(default_factory=list)

    def eid(self, parent: str, element: str, label: str = "") -> str:
        """A fresh eId for `element` under `parent`, warning when the label repeats."""
        if label:
            base = make_eid(parent, element, label)
        else:
            self.counters[(parent, element)] += 1
            base = make_eid(parent, element, "", self.counters[(parent, element)])
        eid = uniquify(base, self.taken, self.next_suffix)
        if eid != base and label:
            self.warnings.append(f"repeated label {label!r}: {base} written as {eid}")
        self.taken.add(eid)
        return eid

    def text_unit(self, element: str, parent: str, flats: list[Flat], **fields: str) -> Unit:
        """A text unit holding the joined words and notes of `flats`."""
        eid = fields.pop("eid", "") or self.eid(parent, element)
        text, notes = self.join(eid, flats)
        attrs = tuple(sorted(fields.items()))
        return Unit(element, eid, text=text, notes=notes, attrs=attrs)

    def join(self, eid: str, flats: list[Flat]) -> tuple[str, tuple[Note, ...]]:
        """The texts of `flats` on separate lines, with their notes re-anchored."""
        text = ""
        found: list[FlatNote] = []
        for flat in flats:
            self.quoted_blocks += flat.quoted_blocks
            self.tables += flat.tables
            if not flat.text:
                continue
            start = len(text) + 1 if text else 0
            text = f"{text}\n{flat.text}" if text else flat.text
            found.extend(FlatNote(n.marker, n.offset + start, n.text) for n in flat.notes)
        notes = tuple(
            Note(make_eid(eid, "authorialNote", "", index), note.marker, note.offset, note.text)
            for index, note in enumerate(found, start=1)
        )
        return text, notes

    def provision(self, node: etree._Element, parent: str) -> Unit:
        """The unit of one USLM level and its sub-levels."""
        element = LEVELS[local_name(node)]
        number = _child(node, "num")
        num = one_line(number)
        label = num or (number.get("value", "") if number is not None else "")
        heading = " ".join(one_line(h) for h in node if local_name(h) == "heading")
        eid = self.eid(parent, element, label)
        if any(_in_small_caps(h) for h in node if local_name(h) == "heading"):
            self.small_caps.append(eid)
        attrs = (("name", local_name(node)),) if element == "hcontainer" else ()
        parts = self.parts(node, eid, ("num", "heading"))
        if not any(isinstance(part, Unit) for _, part in parts):
            text, notes = self.join(eid, [part for _, part in parts if isinstance(part, Flat)])
            if not text and not notes and heading:
                # A heading over the blocks that follow (an appropriations account) or a
                # reserved section: its words are its text.
                if element == "hcontainer":
                    attrs = (("name", "appropriationsHeading"),)
                return Unit(element, eid, num, "", heading, attrs=attrs)
            return Unit(element, eid, num, heading, text, notes, attrs=attrs)
        return Unit(element, eid, num, heading, children=self.blocks(eid, parts), attrs=attrs)

    def parts(
        self, node: etree._Element, eid: str, labels: tuple[str, ...] = ()
    ) -> list[tuple[str, Unit | Flat]]:
        """The sub-levels (as units) and text blocks (flat) of `node`, by element name;
        a wrapper holding sub-levels is opened, its text split around them."""
        parts: list[tuple[str, Unit | Flat]] = []
        for child in node:
            name = local_name(child)
            if name in LEVELS:
                parts.append((name, self.provision(child, eid)))
            elif _opens(child):
                parts.extend(self.opened(child, eid))
            elif name and name not in labels and name not in SKIPPED:
                parts.append((name, flatten(child)))
        return parts

    def opened(self, wrapper: etree._Element, eid: str) -> list[tuple[str, Unit | Flat]]:
        """The parts of a wrapper that holds sub-levels: the text runs between them
        (flattened as blocks of the wrapper's name) and the sub-levels themselves."""
        name = local_name(wrapper)
        parts: list[tuple[str, Unit | Flat]] = []
        run = etree.Element(wrapper.tag)
        run.text = wrapper.text
        for child in wrapper:
            if local_name(child) in LEVELS or _opens(child):
                parts.append((name, flatten(run)))
                if _opens(child):
                    parts.extend(self.opened(child, eid))
                else:
                    parts.append((local_name(child), self.provision(child, eid)))
                run = etree.Element(wrapper.tag)
                run.text = child.tail
            else:
                run.append(copy.deepcopy(child))
        parts.append((name, flatten(run)))
        return [(n, part) for n, part in parts if isinstance(part, Unit) or part.text]

    def blocks(self, eid: str, parts: list[tuple[str, Unit | Flat]]) -> tuple[Unit, ...]:
        """Children of a container: text before the first sub-level is the ``intro``,
        after the last the ``wrapUp``, in between an ``hcontainer``."""
        levels = [i for i, (_, part) in enumerate(parts) if isinstance(part, Unit)]
        first, last = levels[0], levels[-1]
        children: list[Unit] = []
        intro = [part for _, part in parts[:first] if isinstance(part, Flat)]
        if any(flat.text for flat in intro):
            children.append(self.text_unit("intro", eid, intro, eid=make_eid(eid, "intro")))
        for name, part in parts[first : last + 1]:
            if isinstance(part, Unit):
                children.append(part)
            elif part.text:
                children.append(self.text_unit("hcontainer", eid, [part], name=name))
        wrap = [part for _, part in parts[last + 1 :] if isinstance(part, Flat)]
        if any(flat.text for flat in wrap):
            children.append(self.text_unit("wrapUp", eid, wrap, eid=make_eid(eid, "wrapUp")))
        return tuple(children)

    def preamble(self, node: etree._Element, formulas: list[Unit]) -> Unit | None:
        """The recitals of a USLM ``<preamble>``; its resolving clause goes to `formulas`."""
        recitals_eid = self.eid("preamble", "recitals")
        recitals: list[Unit] = []
        for child in node:
            name = local_name(child)
            if name in FORMULAS:
                formulas.append(self.formula(child))
            elif name:
                recitals.append(self.text_unit("recital", recitals_eid, [flatten(child)]))
        return Unit("recitals", recitals_eid, children=tuple(recitals)) if recitals else None

    def formula(self, node: etree._Element) -> Unit:
        """An enacting formula or resolving clause as an AKN ``formula``."""
        return self.text_unit(
            "formula", "preamble", [flatten(node)], name=FORMULAS[local_name(node)]
        )


def _in_small_caps(heading: etree._Element) -> bool:
    """True when the heading's words are marked small caps (``<inline class="smallCaps">``)."""
    return any(
        local_name(node) == "inline" and "smallCaps" in (node.get("class") or "").split()
        for node in heading.iter()
    )


def _opens(element: etree._Element) -> bool:
    """True for a text block (`WRAPPERS`) that holds levels of its own."""
    return local_name(element) in WRAPPERS and any(
        local_name(child) in LEVELS or _opens(child) for child in element
    )


def _child(node: etree._Element, name: str) -> etree._Element | None:
    """The first child element called `name`."""
    return next((child for child in node if local_name(child) == name), None)


def build_main(main: etree._Element) -> MainParts:
    """The preamble and body units of a USLM ``<main>`` (see the module guarantees)."""
    builder = _Builder()
    recitals: list[Unit] = []
    formulas: list[Unit] = []
    body: list[Unit] = []
    for child in main:
        name = local_name(child)
        if name in ("", "longTitle") or name in SKIPPED:
            continue
        if name in FORMULAS:
            formulas.append(builder.formula(child))
        elif name == "preamble":
            found = builder.preamble(child, formulas)
            recitals.extend([found] if found else [])
        elif name in LEVELS:
            body.append(builder.provision(child, ""))
        else:
            body.append(builder.text_unit("hcontainer", "", [flatten(child)], name=name))
    return MainParts(
        tuple(recitals + formulas),
        tuple(body),
        tuple(builder.warnings),
        builder.quoted_blocks,
        builder.tables,
        _skipped(main),
        tuple(builder.small_caps),
        _skipped_places(main),
    )


def _skipped(main: etree._Element) -> tuple[tuple[str, int], ...]:
    """How many of each `SKIPPED` element ``<main>`` holds, by their report names."""
    counts: Counter[str] = Counter()
    for element in main.iter():
        if local_name(element) in SKIPPED:
            counts[SKIPPED[local_name(element)]] += 1
    return tuple(sorted(counts.items()))


def _skipped_places(main: etree._Element) -> tuple[str, ...]:
    """Each `SKIPPED` element of ``<main>`` with its source line and its words."""
    places = []
    for element in main.iter():
        if local_name(element) in SKIPPED:
            words = " ".join("".join(str(text) for text in element.itertext()).split())
            said = f" {words!r}" if words else ""
            places.append(
                f"line {element.sourceline}: {SKIPPED[local_name(element)]}{said} skipped"
            )
    return tuple(places)
