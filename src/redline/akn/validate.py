"""Checking an AKN file: the official AKN 3.0 schema plus the project's own rules.

Used by ``redline validate`` and by tests on every AKN file the project writes.
Guarantees: every problem found is returned (not just the first), each with the
file and line and whether it is an error or a warning; XML that is not well-formed or
is refused by `redline.xmlsafe` gives exactly one problem. Nothing is raised for bad
input. A file is invalid when it has an error, or (``--strict``) a warning; a notice (a
fact of the text as printed) never makes it invalid.

Project rules, on top of the schema (whose every finding is an error):
1. eIds are unique within each document (a collection's components are documents of
   their own). An error.
2. eIds follow the naming convention: `redline.akn.naming.make_eid` from the parent's eId,
   the element and its num (or counter), optionally with a ``-2``, ``-3`` ... suffix.
   A warning: other systems make other, legitimate choices.
3. Sibling nums run in sequence (``1.``, ``2.``; ``(a)``, ``(b)``; ``(i)``, ``(ii)``).
   A repeated label is not a problem when its eId carries a suffix: it is printed so
   in the source, and the next num continues from it. A num that goes back, repeats or
   changes style is a warning (an encoding slip: a split line, a lost provision's text
   merged into the one before). A num that jumps forward in the same style is a notice:
   legislatures print such gaps on purpose (a struck section keeps its neighbours'
   numbers; US bills number sections by title, Sec. 501 then Sec. 510), so a gap alone
   cannot tell a slip from the text as printed.
4. No empty provision: every text block has at least one word. A warning (a repealed
   section keeps only its number); a document without any word is an error.
5. Every ``noteRef`` names a ``<note>`` of a ``<meta><notes>`` (by eId or GUID), and
   every such note is named by a ``noteRef``. A warning: the reader reads a dangling
   reference as no note and does not read an unnamed note's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from typing import cast

from lxml import etree

from redline.akn.naming import AKN_NS
from redline.akn.problems import Problem
from redline.akn.rules import akn_children, check_children, line_of, name_of, num_values
from redline.errors import InputError
from redline.xmlsafe import parse_xml

__all__ = ["Problem", "is_invalid", "num_values", "validate_akn"]

SCHEMA_FILES = ("akomantoso30.xsd", "xml.xsd")
"""The schema files shipped in ``redline/akn/schema`` (copies of those in ``akn/``)."""

#: Parts of the document that carry eIds subject to the naming convention (rule 2).
_STRUCTURE = ("preamble", "body", "mainBody")


def is_invalid(problems: Iterable[Problem], strict: bool = False) -> bool:
    """Whether `problems` make a file invalid: any error, or with `strict` any warning
    (notices never do)."""
    return any(problem.error or (strict and not problem.notice) for problem in problems)


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


def _rule_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    seen: dict[tuple[int, str], int | None] = {}
    for scope, element in _scoped(root):
        eid = element.get("eId")
        if eid is None:
            continue
        if (scope, eid) in seen:
            first = seen[(scope, eid)]
            yield Problem(
                source, line_of(element), f"duplicate eId {eid!r} (first used on line {first})"
            )
        else:
            seen[(scope, eid)] = line_of(element)
    if _compared(root) and not any(re.search(r"\w", text) for text in _body_texts(root)):
        yield Problem(source, line_of(root), "empty document: no provision has any word")
    for part in root.iter(*(f"{{{AKN_NS}}}{name}" for name in _STRUCTURE)):
        prefix = _component_prefix(part)
        parent_eid = "__".join(p for p in (prefix, name_of(part) == "preamble" and "preamble") if p)
        yield from check_children(part, parent_eid, source)
    yield from _note_problems(root, source)


def _note_problems(root: etree._Element, source: str) -> Iterator[Problem]:
    """Rule 5: each ``noteRef`` names an editorial note, and each editorial note is named."""
    notes: dict[str, etree._Element] = {}
    for note in root.iter(f"{{{AKN_NS}}}note"):
        parent = note.getparent()
        if parent is not None and name_of(parent) == "notes":
            for key in (note.get("eId"), note.get("GUID")):
                if key:
                    notes.setdefault(key, note)
    named: set[int] = set()
    for ref in root.iter(f"{{{AKN_NS}}}noteRef"):
        href = ref.get("href", "")
        found = notes.get(href.rsplit("#", 1)[-1].strip()) if href else None
        if found is None:
            message = f"<noteRef href={href!r}> names no <note> in <meta><notes>"
            yield Problem(source, line_of(ref), message, error=False)
        else:
            named.add(id(found))
    for note in {id(note): note for note in notes.values()}.values():
        if id(note) not in named:
            name = note.get("eId") or note.get("GUID")
            message = f"<note eId={name!r}> in <meta><notes> is named by no <noteRef>"
            yield Problem(source, line_of(note), message, error=False)


def _scoped(root: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """Every element with the number of the document it belongs to: a document inside a
    ``component`` or ``attachment`` is a scope of its own (its eIds may repeat others'),
    and so is each child of ``akomaNtoso`` (a document, the file-level components)."""
    count = 0
    stack: list[tuple[int, etree._Element]] = [(0, root)]
    while stack:
        scope, element = stack.pop()
        yield scope, element
        name = name_of(element) if _is_element(element) else ""
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
    if name_of(root) != "akomaNtoso" or etree.QName(root).namespace != AKN_NS:
        return False
    kinds = ("act", "bill", "doc", "statement", "documentCollection")
    return any(name_of(child) in kinds for child in akn_children(root))


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
