"""Checking an AKN file: the official AKN 3.0 schema plus the project's own rules.

Used by ``redline validate`` and by tests on every AKN file the project writes.
Guarantees: every problem found is returned (not just the first), each with the
file and line and whether it is an error or a warning; XML that is not well-formed or
is refused by `redline.xmlsafe` gives exactly one problem. Nothing is raised for bad
input. A file is invalid when it has an error, or (``--strict``) any problem.

Project rules, on top of the schema (whose every finding is an error):
1. eIds are unique within each document (a collection's components are documents of
   their own). An error.
2. eIds follow the naming convention: `redline.akn.naming.make_eid` from the parent's eId,
   the element and its num (or counter), optionally with a ``-2``, ``-3`` ... suffix.
   A warning: other systems make other, legitimate choices.
3. Sibling nums run in sequence (``1.``, ``2.``; ``(a)``, ``(b)``; ``(i)``, ``(ii)``).
   A repeated label is not a problem when its eId carries a suffix: it is printed so
   in the source, and the next num continues from it. A warning: real numbering has
   gaps (a struck subsection).
4. No empty provision: every text block has at least one word. A warning (a repealed
   section keeps only its number); a document without any word is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import cast

from lxml import etree

from redline.akn.naming import AKN_NS, UNPREFIXED, make_eid
from redline.akn.read import HIERARCHY
from redline.errors import InputError
from redline.xmlsafe import parse_xml

SCHEMA_FILES = ("akomantoso30.xsd", "xml.xsd")
"""The schema files shipped in ``redline/akn/schema`` (copies of those in ``akn/``)."""

#: Elements whose words are a provision's text (rule 4).
_TEXT_BLOCKS = frozenset({"content", "intro", "wrapUp", "recital", "citation", "formula"})
#: Elements whose eIds the naming convention fixes (inline elements are left alone).
_NAMED = HIERARCHY | _TEXT_BLOCKS | {"p", "authorialNote"}
#: Parts of the document that carry eIds subject to the naming convention (rule 2).
_STRUCTURE = ("preamble", "body", "mainBody")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, where it is."""

    source: str
    """The file name as given."""
    line: int | None
    """The line of the offending element, when known."""
    message: str
    """What was found and what was expected."""
    error: bool = True
    """True for an error (the file is invalid); False for a warning (valid unless strict)."""

    def __str__(self) -> str:
        """``file:line: message``, the form editors and CI logs link to."""
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"

    def describe(self) -> str:
        """`str` of the problem, with ``warning:`` before a warning's message."""
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {'' if self.error else 'warning: '}{self.message}"


def is_invalid(problems: Iterable[Problem], strict: bool = False) -> bool:
    """Whether `problems` make a file invalid: any error, or with `strict` any problem."""
    return any(problem.error or strict for problem in problems)


def validate_akn(data: bytes, source: str) -> list[Problem]:
    """Every problem in AKN `data` (named `source` in messages), in line order."""
    try:
        root = parse_xml(data, source)
    except InputError as error:
        return [Problem(source, error.line, error.message)]
    problems = list(_schema_problems(root, source))
    problems.extend(_rule_problems(root, source))
    return sorted(problems, key=lambda problem: problem.line or 0)


@cache
def _schema() -> etree.XMLSchema:
    """The AKN 3.0 schema, loaded once from the package data (never from the network)."""
    folder = files("redline.akn") / "schema"
    texts = {name: (folder / name).read_bytes() for name in SCHEMA_FILES}

    class _Local(etree.Resolver):
        # Serves the schema's import of ./xml.xsd from the package; nothing else.
        def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
            name = system_url.rsplit("/", 1)[-1]
            if name in texts:
                return self.resolve_string(texts[name], context)  # type: ignore[call-arg]
            return self.resolve_string(b"", context)  # type: ignore[call-arg]

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Local())
    document = etree.fromstring(texts["akomantoso30.xsd"], parser, base_url="akomantoso30.xsd")
    return etree.XMLSchema(document)


def _schema_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    schema = _schema()
    if schema.validate(root):
        return
    # The stubs do not declare that an error log iterates over its entries.
    for entry in cast("Iterable[etree._LogEntry]", schema.error_log):
        message = entry.message.replace(f"{{{AKN_NS}}}", "")
        yield Problem(source, entry.line or None, f"schema: {message}")


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname


def _akn_children(element: etree._Element) -> list[etree._Element]:
    return [
        child
        for child in element
        if isinstance(child.tag, str) and etree.QName(child).namespace == AKN_NS
    ]


def _rule_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    seen: dict[tuple[int, str], int | None] = {}
    for scope, element in _scoped(root):
        eid = element.get("eId")
        if eid is None:
            continue
        if (scope, eid) in seen:
            first = seen[(scope, eid)]
            yield Problem(
                source, _line(element), f"duplicate eId {eid!r} (first used on line {first})"
            )
        else:
            seen[(scope, eid)] = _line(element)
    if _compared(root) and not any(re.search(r"\w", text) for text in _body_texts(root)):
        yield Problem(source, _line(root), "empty document: no provision has any word")
    for part in root.iter(*(f"{{{AKN_NS}}}{name}" for name in _STRUCTURE)):
        prefix = _component_prefix(part)
        parent_eid = "__".join(p for p in (prefix, _name(part) == "preamble" and "preamble") if p)
        yield from _check_children(part, parent_eid, source)


def _scoped(root: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """Every element with the number of the document it belongs to: a document inside a
    ``component`` or ``attachment`` is a scope of its own (its eIds may repeat others'),
    and so is each child of ``akomaNtoso`` (a document, the file-level components)."""
    count = 0
    stack: list[tuple[int, etree._Element]] = [(0, root)]
    while stack:
        scope, element = stack.pop()
        yield scope, element
        name = _name(element) if _is_element(element) else ""
        for child in reversed(element):
            document = _is_element(child) and child.find(f"{{{AKN_NS}}}meta") is not None
            if element is root or (name in ("component", "attachment") and document):
                count += 1
                stack.append((count, child))
            else:
                stack.append((scope, child))


def _is_element(element: etree._Element) -> bool:
    return isinstance(element.tag, str)


def _compared(root: etree._Element) -> bool:
    """Whether `root` holds a document of a type redline compares (the others are only
    schema-checked: they have no preamble or body of provisions to be empty)."""
    if _name(root) != "akomaNtoso" or etree.QName(root).namespace != AKN_NS:
        return False
    kinds = ("act", "bill", "doc", "statement", "documentCollection")
    return any(_name(child) in kinds for child in _akn_children(root))


def _body_texts(root: etree._Element) -> Iterator[str]:
    """The text of every part holding provisions (preamble, body, main body, preface)."""
    for part in root.iter(*(f"{{{AKN_NS}}}{name}" for name in (*_STRUCTURE, "preface"))):
        yield "".join(str(text) for text in part.itertext())


def _component_prefix(part: etree._Element) -> str:
    """The eId of the attachment or component holding `part` ("" in the main document):
    the naming convention prefixes a component's eIds with it (``att_1__art_1``)."""
    for ancestor in part.iterancestors(f"{{{AKN_NS}}}attachment", f"{{{AKN_NS}}}component"):
        return ancestor.get("eId") or ""
    return ""


def _check_children(parent: etree._Element, parent_eid: str, source: str) -> Iterator[Problem]:
    """Rules 2-4 for the children of `parent` and, recursively, their descendants."""
    counters: dict[str, int] = {}
    positions: dict[str, int] = {}
    previous: dict[str, tuple[str, set[tuple[str, int]]]] = {}
    for child in _akn_children(parent):
        name = _name(child)
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
            yield from _check_children(child, own, source)


def _check_eid(
    element: etree._Element, eid: str, parent_eid: str, forms: tuple[str, str], source: str
) -> Iterator[Problem]:
    """Rule 2 for one element, given its eId from the num (or counter) and by position."""
    name = _name(element)
    accepted: tuple[str, ...] = forms
    if name in UNPREFIXED and parent_eid:
        # Some producers prefix these too (``chp_1__sec_1``); the convention allows both.
        accepted += tuple(f"{parent_eid}__{form}" for form in forms)
    if not _follows_convention(eid, name, parent_eid, accepted):
        expected, positional = forms[:2]
        also = f" or {positional!r}" if positional != expected else ""
        yield Problem(
            source,
            _line(element),
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
            yield Problem(
                source,
                _line(element),
                f"<{name}> num {num!r} does not follow {last_num!r} (numbers out of sequence)",
                error=False,
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
                _line(element),
                f"empty provision: <{name}> in {eid} has no words",
                error=False,
            )
    elif name in HIERARCHY and not [
        child
        for child in _akn_children(element)
        if _name(child) not in ("num", "heading", "subheading")
    ]:
        message = f"empty provision: <{name}> {eid} has no content"
        yield Problem(source, _line(element), message, error=False)


def _words(element: etree._Element) -> Iterator[str]:
    """The text of `element` without labels and authorial notes."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if _name(child) not in ("num", "heading", "subheading", "authorialNote"):
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
