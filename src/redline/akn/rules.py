"""The project's rules on an AKN file's provisions, on top of the schema (rules 2-4 of
`redline.akn.validate`): eIds after the naming convention, nums in sequence, no empty
provision. Every finding is a warning or a notice `Problem`; nothing is raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from redline.akn.naming import AKN_NS, UNPREFIXED, make_eid
from redline.akn.problems import Problem
from redline.akn.read import HIERARCHY

#: Elements whose words are a provision's text (rule 4).
_TEXT_BLOCKS = frozenset({"content", "intro", "wrapUp", "recital", "citation", "formula"})
#: Elements whose eIds the naming convention fixes (inline elements are left alone).
_NAMED = HIERARCHY | _TEXT_BLOCKS | {"p", "authorialNote"}


def line_of(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def name_of(element: etree._Element) -> str:
    return etree.QName(element).localname


def akn_children(element: etree._Element) -> list[etree._Element]:
    return [
        child
        for child in element
        if isinstance(child.tag, str) and etree.QName(child).namespace == AKN_NS
    ]


def check_children(parent: etree._Element, parent_eid: str, source: str) -> Iterator[Problem]:
    """Rules 2-4 for the children of `parent` and, recursively, their descendants."""
    counters: dict[str, int] = {}
    positions: dict[str, int] = {}
    previous: dict[str, tuple[str, set[tuple[str, int]]]] = {}
    for child in akn_children(parent):
        name = name_of(child)
        if name in ("num", "heading", "subheading"):
            continue
        num = _text(child.find(f"{{{AKN_NS}}}num"))
        positions[name] = positions.get(name, 0) + 1
        if not num:
            counters[name] = counters.get(name, 0) + 1
        eid = child.get("eId")
        expected = make_eid(parent_eid, name, num, counters.get(name, 1))
        if eid is not None and name in _NAMED:
            positional = make_eid(parent_eid, name, counter=positions[name])
            yield from _check_eid(child, eid, parent_eid, (expected, positional), source)
        if num:
            yield from _check_sequence(child, name, num, eid or "", previous, source)
        yield from _check_words(child, name, eid or expected, source)
        if name in HIERARCHY or name in _TEXT_BLOCKS or name == "p":
            own = eid or (parent_eid if name == "p" else expected)
            yield from check_children(child, own, source)


def _check_eid(
    element: etree._Element, eid: str, parent_eid: str, forms: tuple[str, str], source: str
) -> Iterator[Problem]:
    """Rule 2 for one element, given its eId from the num (or counter) and by position."""
    name = name_of(element)
    accepted: tuple[str, ...] = forms
    if name in UNPREFIXED and parent_eid:
        # Some producers prefix these too (``chp_1__sec_1``); the convention allows both.
        accepted += tuple(f"{parent_eid}__{form}" for form in forms)
    if not _follows_convention(eid, name, parent_eid, accepted):
        expected, positional = forms[:2]
        also = f" or {positional!r}" if positional != expected else ""
        yield Problem(
            source,
            line_of(element),
            f"eId {eid!r} of <{name}> does not follow the naming convention "
            f"(expected {expected!r}{also})",
            error=False,
        )


def _follows_convention(eid: str, name: str, parent_eid: str, expected: tuple[str, ...]) -> bool:
    """Rule 2 for one eId: one of the `expected` forms, perhaps with a ``-2`` suffix.

    The forms are the eId from the num (or counter) and the positional one: a container
    whose label is not a number of the convention (``I.`` on a block of recitals) may
    be counted instead (``recs_1``). A note is named after its unit (``..__fnt_1``).
    """
    if name == "authorialNote":
        owner = re.sub(r"__(content|intro|wrapup)$", "", parent_eid)
        return eid.startswith(f"{owner}__") and "fnt_" in eid[len(owner) :]
    return re.sub(r"-[0-9]+$", "", eid) in expected


def _check_sequence(
    element: etree._Element,
    name: str,
    num: str,
    eid: str,
    previous: dict[str, tuple[str, set[tuple[str, int]]]],
    source: str,
) -> Iterator[Problem]:
    """Rule 3: `num` follows the previous num of a sibling `name` (if both are readable)."""
    values = num_values(num)
    if name in previous and values:
        last_num, last_values = previous[name]
        follows = any((style, value - 1) in last_values for style, value in values)
        repeated = num == last_num or bool(re.search(r"-[0-9]+$", eid))
        if not follows and not repeated:
            gap = any(
                style == last_style and value > last
                for style, value in values
                for last_style, last in last_values
            )
            what = "a gap in the numbering" if gap else "numbers out of sequence"
            yield Problem(
                source,
                line_of(element),
                f"<{name}> num {num!r} does not follow {last_num!r} ({what})",
                error=False,
                notice=gap,
            )
    if values:
        previous[name] = (num, values)
    else:
        previous.pop(name, None)


def _check_words(element: etree._Element, name: str, eid: str, source: str) -> Iterator[Problem]:
    """Rule 4: a text block, or a provision with no sub-units, has words."""
    if name in _TEXT_BLOCKS:
        text = "".join(_words(element))
        if not re.search(r"\w", text):
            yield Problem(
                source,
                line_of(element),
                f"empty provision: <{name}> in {eid} has no words",
                error=False,
            )
    elif name in HIERARCHY and not [
        child
        for child in akn_children(element)
        if name_of(child) not in ("num", "heading", "subheading")
    ]:
        message = f"empty provision: <{name}> {eid} has no content"
        yield Problem(source, line_of(element), message, error=False)


def _words(element: etree._Element) -> Iterator[str]:
    """The text of `element` without labels and authorial notes."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if name_of(child) not in ("num", "heading", "subheading", "authorialNote"):
            yield child.text or ""
            yield from _words(child)
        yield child.tail or ""


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(str(text) for text in element.itertext()).split())


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_NUM = re.compile(
    r"""
    ^(?:[A-Za-z]+\.?\s+)?      # an optional word label: Article, SEC., Part
    [(\[]?                     # an optional opening bracket
    ([0-9]+|[A-Za-z]+)         # the number itself: digits, letters or roman numerals
    [)\].]?$                   # an optional closing bracket or full stop
    """,
    re.VERBOSE,
)


def num_values(num: str) -> set[tuple[str, int]]:
    """Every (style, value) a printed num can stand for; empty when it is not a plain number.

    >>> sorted(num_values("Article 12"))
    [('arabic', 12)]
    >>> sorted(num_values("(b)"))
    [('alpha', 2)]
    >>> sorted(num_values("(i)"))
    [('alpha', 9), ('roman', 1)]
    >>> sorted(num_values("IV."))
    [('ROMAN', 4)]
    >>> num_values("5 bis")
    set()
    """
    match = _NUM.match(num.strip())
    if not match:
        return set()
    token = match.group(1)
    if token.isdigit():
        return {("arabic", int(token))}
    values: set[tuple[str, int]] = set()
    upper = token.isupper()
    if len(token) == 1:
        values.add(("ALPHA" if upper else "alpha", ord(token.lower()) - ord("a") + 1))
    elif len(set(token.lower())) == 1:
        # aa, bb: the second round of a lettered list
        values.add(
            ("ALPHA" if upper else "alpha", 26 * (len(token) - 1) + ord(token[0].lower()) - 96)
        )
    roman = _roman(token.lower())
    if roman:
        values.add(("ROMAN" if upper else "roman", roman))
    return values


def _roman(token: str) -> int:
    """The value of a lower-case roman numeral, 0 if `token` is not one."""
    if not token or any(letter not in _ROMAN for letter in token):
        return 0
    total = 0
    for letter, following in zip(token, [*token[1:], ""], strict=True):
        value = _ROMAN[letter]
        total += -value if following and _ROMAN[following] > value else value
    return total
