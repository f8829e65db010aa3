"""Units with their place: the flat view of a document that the alignment works on.

Every unit of a version, in document order, with its parent, its top-level provision
(article, section, recital), a human label (``Article 5(1)(b)``; always one printable
line, `redline.printable.one_line`) and, for text units, its words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from redline.changes import CompareOptions
from redline.comparison.places import ordinal, unnumbered_places
from redline.comparison.tokens import word_keys
from redline.model import Document, Metadata, Unit
from redline.printable import one_line

#: Containers that group top-level provisions rather than being provisions themselves.
STRUCTURAL = frozenset(
    {"part", "title", "division", "chapter", "subtitle", "subchapter", "subpart",
     "subdivision", "book", "hcontainer", "recitals", "citations"}
)  # fmt: skip


#: Provisions that, without a number, are called by their heading ("Article — Scope").
_NAMED_BY_HEADING = frozenset({"article", "section", "rule", "clause", "regulation"})


def regions(*flat_lists: list[Flat]) -> list[str]:
    """The regions of the flattened documents in reading order, each once: a region is a
    part of the document (``preface``, ``preamble``, ``body``, ``conclusions``) or a
    part of one of its components (``component:<name>/body``). Units pair only within
    their region, so a component pairs with the component of the same name.

    >>> a = [Flat(Unit("p", "x"), 0, -1, 0, "body", "", True)]
    >>> regions(a, [Flat(Unit("p", "y"), 0, -1, 0, "preamble", "", True), *a])
    ['preamble', 'body']
    """
    found = dict.fromkeys(flat.region for flats in flat_lists for flat in flats)
    documents = list(dict.fromkeys(region.rpartition("/")[0] for region in found))
    parts = [part for part, _ in Document(Metadata("", "", "", "", "")).parts()]

    def order(region: str) -> tuple[int, int]:
        document, _, part = region.rpartition("/")
        return documents.index(document), parts.index(part)

    return sorted(found, key=order)


@dataclass(slots=True)
class Flat:
    """One unit with its place in the flattened document."""

    unit: Unit
    index: int
    parent: int
    top: int
    region: str
    label: str
    leaf: bool
    keys: tuple[str, ...] = ()
    _bag: Counter[str] | None = None

    @property
    def bag(self) -> Counter[str]:
        """The word keys counted: made on first use, because most units pair by their
        exact text and never need one."""
        if self._bag is None:
            self._bag = Counter(self.keys)
        return self._bag


def flatten(doc: Document, options: CompareOptions) -> list[Flat]:
    """Every unit of `doc` in document order, with parent, top-level provision and label."""
    flats: list[Flat] = []
    titles: dict[str, str] = {}  # component region prefix -> the component's title
    openings: dict[str, str] = {}  # eId of an unnumbered recital -> its opening words

    def visit(
        unit: Unit, parent: int, top: int, region: str, label: str, counter: int, nth: str = ""
    ) -> None:
        """Add `unit` and its descendants; labels in a component start with its title."""
        index = len(flats)
        parent_element = flats[parent].unit.element if parent >= 0 else ""
        is_top = unit.element not in STRUCTURAL and (parent < 0 or parent_element in STRUCTURAL)
        part = region.rpartition("/")[2]
        own_label = _label(unit, label if not is_top else "", (counter, nth), part, openings)
        if is_top and label and unit.element in _PARTS:
            own_label = f"{label}, {_PARTS[unit.element]}"
        elif is_top and label and own_label.startswith("("):  # "(1)" says where only in
            own_label = f"{label}, {unit.element} {own_label}"  # its block: name the block
        title = titles.get(region.rpartition("/")[0], "")
        if title and (is_top or parent < 0):
            own_label = f"{title}: {own_label}"
        own_label = one_line(own_label)  # a number or heading may hold a line end
        flat = Flat(unit, index, parent, index if is_top else top, region, own_label, unit.is_text)
        if flat.leaf:
            flat.keys = tuple(word_keys(unit.text, options))
        flats.append(flat)
        nths = unnumbered_places(unit.children)
        for position, child in enumerate(unit.children, start=1):
            visit(child, index, flat.top, region, own_label, position, nths[position - 1])

    def visit_document(document: Document, prefix: str) -> None:
        openings.update(recital_openings(u for _, units in document.parts() for u in units))
        for part, units in document.parts():
            for position, unit in enumerate(units, start=1):
                visit(unit, -1, -1, prefix + part, "", position)
        for own, component in component_regions(document, prefix):
            titles[own] = component.meta.title or component_name(component)
            visit_document(component, own + "/")

    visit_document(doc, "")
    return flats


def component_name(component: Document) -> str:
    """What names a component among its document's: its AKN name, else its title."""
    return component.meta.doc_name or component.meta.title or "component"


def component_regions(document: Document, prefix: str = "") -> list[tuple[str, Document]]:
    """Each component of `document` with the name its regions start with: `prefix`, then
    ``component:<name>`` (`component_name`, with ``#2`` … after a name met before).

    >>> from dataclasses import replace
    >>> memo = Document(Metadata("Memorandum", "", "", "", "", doc_name="memo"))
    >>> [own for own, _ in component_regions(replace(memo, components=(memo, memo)))]
    ['component:memo', 'component:memo#2']
    """
    names: Counter[str] = Counter()
    regions = []
    for component in document.components:
        name = component_name(component)
        names[name] += 1
        regions.append((f"{prefix}component:{name}" + (f"#{names[name]}" if names[name] > 1
                        else ""), component))  # fmt: skip
    return regions


#: The text pieces of a provision, named as drafters name them ("the opening words of
#: subsection (1)"), not by their AKN element names.
_PARTS = {"intro": "opening words", "content": "text", "wrapUp": "closing words"}


def _label(
    unit: Unit,
    parent_label: str,
    place: tuple[int, str],
    region: str,
    openings: dict[str, str],
) -> str:
    """A human reference such as ``Article 5(1)(b)``, ``Preamble, paragraph 3``,
    ``Recital (12)``, ``Article 54, second subparagraph``, ``Article 3(3), second
    subparagraph`` (unnumbered paragraphs, by their place) or, for a recital printed
    without a number, ``Preamble, recital beginning 'Considering that…'``. `place` is
    the unit's position among its siblings and the words naming it by place
    (`redline.comparison.places.unnumbered_places`)."""
    counter, nth = place
    num = unit.num.strip().rstrip(".")
    if not parent_label:
        if unit.element in ("recitals", "citations") and not num and not unit.heading:
            return f"Preamble, {unit.element}"
        if unit.element == "citation" and not num:
            return f"Preamble, citation {counter}"
        if unit.element == "recital" and not num and unit.eid in openings:
            return f"Preamble, recital beginning '{openings[unit.eid]}'"
        if unit.element == "recital" and num.startswith("("):
            return f"Recital {num}"  # the EU numbers its recitals (1), (2) ...
        if unit.element == "recital":
            return f"Preamble, paragraph {num or counter}"
        if region in ("preface", "conclusions") and not num:
            return f"{region.title()}, {unit.heading or f'block {counter}'}"
        if num:
            return num if not num[0].isdigit() else f"{unit.element.title()} {num}"
        if unit.heading and unit.element in _NAMED_BY_HEADING:
            return f"{unit.element.title()} — {unit.heading}"
        return unit.heading or f"{unit.element} {counter}"
    if nth:
        return f"{parent_label}{nth}"
    if unit.element in STRUCTURAL or unit.element == "list":
        return parent_label
    if num:
        inner = num.strip("()")
        repeat = unit.eid.rpartition("-")[2] if "-" in unit.eid.rpartition("_")[2] else ""
        # a label printed twice in one provision (eId suffix -2): say which one
        if parent_label.endswith(("subparagraph", "indent")):  # a point of a subparagraph
            return f"{parent_label}, point ({inner})"
        return f"{parent_label}({inner})" + (f" ({ordinal(repeat)})" if repeat.isdigit() else "")
    if unit.element in _PARTS:
        return f"{parent_label}, {_PARTS[unit.element]}"
    return parent_label


#: Opening words that name an unnumbered recital: at least this many ...
_OPENING_WORDS = 5
#: ... and more, up to this many, where two recitals open alike.
_MOST_OPENING_WORDS = 12


def recital_openings(units: Iterable[Unit]) -> dict[str, str]:
    """The opening words naming each recital printed without a number (UN preambles
    number none), by eId: five words, more where two recitals open alike, an ellipsis
    where words are left out; one printable line.

    >>> first = Unit("recital", "rec_1", text="Recalling the Charter of the United Nations,")
    >>> again = Unit("recital", "rec_2", text="Recalling the Charter of the Peoples")
    >>> recital_openings([Unit("recitals", "recs", children=(first, again))])["rec_1"]
    'Recalling the Charter of the United…'
    """
    words = {
        unit.eid: " ".join(part.text for part in unit.walk() if part.is_text).split()
        for top in units
        for unit in top.walk()
        if unit.element == "recital" and not unit.num.strip()
    }
    words = {eid: own for eid, own in words.items() if own}
    found: dict[str, str] = {}
    for count in range(_OPENING_WORDS, _MOST_OPENING_WORDS + 1):
        openings = Counter(tuple(w[:count]) for w in words.values())
        for eid, own in words.items():
            last = count == _MOST_OPENING_WORDS or count >= len(own)
            if eid not in found and (openings[tuple(own[:count])] == 1 or last):
                cut = " ".join(own[:count])
                found[eid] = one_line(cut if count >= len(own) else cut.rstrip(",;:.") + "…")
    return found


def ancestors(flats: list[Flat], index: int) -> list[int]:
    """The indices of the unit's containers, nearest first."""
    out = []
    parent = flats[index].parent
    while parent >= 0:
        out.append(parent)
        parent = flats[parent].parent
    return out


def same_role(old: Flat, new: Flat) -> bool:
    """Whether two containers play the same role, so they may pair: both top-level
    provisions, or the same element at a lower level, in one region."""
    if old.region != new.region:
        return False
    old_top, new_top = old.top == old.index, new.top == new.index
    if old_top or new_top:
        return old_top and new_top
    return old.unit.element == new.unit.element
