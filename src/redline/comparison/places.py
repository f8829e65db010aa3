"""Names of provisions without numbers, from their place among their siblings.

EU drafting counts unnumbered paragraphs as subparagraphs (``Article 3(3), second
subparagraph``); a US appropriations act names its accounts by the headings they stand
under (``TITLE I, under 'Departmental Offices—salaries and expenses'``). What this
module returns is appended to the parent's label by `redline.comparison.flatten`; every
name is one line.
"""

from __future__ import annotations

from collections.abc import Iterator

from redline.model import Unit

#: Unnumbered provisions named by their place among their kind ("second subparagraph"),
#: as EU drafting names them, when a parent has two or more.
_BY_PLACE = {"paragraph": "subparagraph", "subparagraph": "subparagraph",
             "alinea": "subparagraph", "point": "indent", "indent": "indent"}  # fmt: skip


def unnumbered_places(children: tuple[Unit, ...]) -> list[str]:
    """For each child, the words naming it by its place, or ``""``: an unnumbered
    paragraph after a numbered one is that paragraph's next subparagraph, as EU
    drafting counts them (the numbered paragraph's own text is its first): ``(3),
    second subparagraph``; unnumbered ones before any number, where a parent has two or
    more, are named by their place among them: ``, first subparagraph``."""
    leading = sum(1 for _ in _leading_unnumbered(children))
    anchor, count, places = "", 0, []
    headings = _headings_above(children)
    for child, heading in zip(children, headings, strict=True):
        if child.element in _BY_PLACE and child.num.strip():
            anchor, count = child.num.strip().rstrip(".").strip("()"), 1
        if heading:
            places.append(heading)
            continue
        if not _by_place(child):
            places.append("")
            continue
        count += 1
        kind = _BY_PLACE[child.element]
        if anchor:
            places.append(f"({anchor}), {_nth(count)} {kind}")
        else:
            places.append(f", {_nth(count)} {kind}" if leading >= 2 else "")
    return places


def _headings_above(children: tuple[Unit, ...]) -> list[str]:
    """For each unnumbered ``hcontainer`` child, the words naming it by the headings it
    stands under, else ``""``. A US appropriations act has no numbers between its titles
    and sections: its accounts are cited by heading, "under the heading 'Office of
    Inspector General—Salaries and Expenses'". So a heading standing alone is ``,
    heading 'Departmental Offices'`` (and ``… under 'Departmental Offices'`` right after
    another heading); a block after one ``, under 'Departmental Offices'``, under both
    where two headings stand together; a block with a heading of its own, under that
    heading and the one right before it.

    >>> def block(name: str, heading: str = "", text: str = "") -> Unit:
    ...     return Unit("hcontainer", "", heading=heading, text=text, attrs=(("name", name),))
    >>> _headings_above((
    ...     block("appropriationsHeading", text="Departmental Offices"),
    ...     block("appropriations", heading="salaries and expenses", text="For expenses"),
    ...     block("appropriationsHeading", text="office of inspector general"),
    ...     block("appropriationsHeading", text="salaries and expenses"),
    ...     block("appropriations", text="For necessary expenses"),
    ... ))  # doctest: +NORMALIZE_WHITESPACE
    [", heading 'Departmental Offices'",
     ", under 'Departmental Offices—salaries and expenses'",
     ", heading 'office of inspector general'",
     ", heading 'salaries and expenses' under 'office of inspector general'",
     ", under 'office of inspector general—salaries and expenses'"]
    """
    above: list[str] = []  # the headings standing together right before this block
    places = []
    for child in children:
        if child.element != "hcontainer" or child.num.strip():
            above = []
            places.append("")
            continue
        if child.text and not child.heading and not child.children and _is_heading(child):
            under = f" under {_quoted(above[-1])}" if above else ""
            places.append(f", heading {_quoted(child.text)}{under}")
            above = [*above[-1:], child.text]
            continue
        words = [*above[-1:], child.heading] if child.heading else above
        places.append(f", under {_quoted('—'.join(words))}" if words else "")
        above = []
    return places


def _is_heading(unit: Unit) -> bool:
    """Whether an unnumbered block is a heading standing alone (USLM's appropriations
    headings come as such blocks, `redline.read.uslm.body`)."""
    return dict(unit.attrs).get("name") == "appropriationsHeading"


def _quoted(words: str) -> str:
    words = " ".join(words.split())
    return (
        f"'{words}'"
        if len(words) <= _HEADING_CHARACTERS
        else f"'{words[:_HEADING_CHARACTERS].rstrip()}…'"
    )


#: The longest heading a label quotes whole.
_HEADING_CHARACTERS = 60


def _leading_unnumbered(children: tuple[Unit, ...]) -> Iterator[Unit]:
    """The children named by place before any numbered one."""
    for child in children:
        if child.element in _BY_PLACE and child.num.strip():
            return
        if _by_place(child):
            yield child


def _by_place(unit: Unit) -> bool:
    """Whether `unit` is named by its place: unnumbered, of a kind in `_BY_PLACE`."""
    return not unit.num.strip() and unit.element in _BY_PLACE


_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth")  # fmt: skip


def _nth(place: int) -> str:
    """``2`` -> ``second`` (``11th`` past ten), for unnumbered provisions by place.

    >>> [_nth(n) for n in (1, 2, 10, 11)]
    ['first', 'second', 'tenth', '11th']
    """
    return _NTH[place - 1] if place <= len(_NTH) else ordinal(str(place))


def ordinal(number: str) -> str:
    """``2`` -> ``2nd``, for repeated labels.

    >>> [ordinal(n) for n in ("2", "3", "4", "11")]
    ['2nd', '3rd', '4th', '11th']
    """
    value = int(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"
