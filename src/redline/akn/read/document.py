"""One AKN document element to a `Document`: its metadata, parts and components.

Guarantees to `redline.akn.read.read_akn`:
1. ``preface`` and ``coverPage`` become `Document.preface` (less, in a document redline
   wrote, the long title that is only the title kept in `Metadata.title`);
   ``preamble``, ``body``/``mainBody`` and ``conclusions`` their parts; other text at
   a part's top is a ``container`` unit (an ``hcontainer`` in the body) named after
   the element that held it.
2. The documents of ``collectionBody``, ``attachments`` and ``components`` are
   `Document.components`, each with its own eIds; a ``documentRef`` is resolved to the
   document it names among the file's ``components``, in the collection's order. An
   attachment's heading and subheading open its component's preface.
3. Any document type may be a component; its unknown parts are kept as text.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from redline.akn.naming import AKN_NS
from redline.akn.read.identity import Warnings
from redline.akn.read.inline import inline, is_element, local_name
from redline.akn.read.notes import MetaNotes
from redline.akn.read.units import UnitReader
from redline.akn.write import META_NS
from redline.model import Document, Metadata, Unit

_PARTS = {
    "preface": "preface",
    "coverPage": "preface",
    "preamble": "preamble",
    "body": "body",
    "mainBody": "body",
    "judgmentBody": "body",
    "debateBody": "body",
    "amendmentBody": "body",
    "conclusions": "conclusions",
}
_FALLBACK = {"preface": "container", "preamble": "container", "body": "hcontainer"}
_COMPONENT_HOLDERS = frozenset({"collectionBody", "attachments", "components"})
_WRAPPERS = frozenset({"attachment", "component", "interstitial"})


def read_document(
    element: etree._Element,
    warnings: Warnings,
    pool: dict[str, etree._Element],
    notes: MetaNotes,
    prefix: str = "",
) -> Document:
    """The document `element`; `pool` holds the file's ``components`` by name, for refs,
    and `notes` its editorial notes; a component's eIds carry the `prefix` of its wrapper."""
    reader = UnitReader(warnings, notes, prefix)
    parts: dict[str, list[Unit]] = {"preface": [], "preamble": [], "body": [], "conclusions": []}
    components: list[Document] = []
    for part in element:
        if not is_element(part):
            continue
        name = local_name(part)
        if name == "meta":
            continue
        if name in _PARTS:
            target = _PARTS[name]
            skip = _title_holder(part) if name == "preface" and _ours(element) else None
            fallback = _FALLBACK.get(target, "container")
            units = reader.units(part, "", fallback, skip, part=True)
            parts[target].extend(_part_units(units, target, name))
        elif name in _COMPONENT_HOLDERS:
            components += _components(part, warnings, pool, notes)
        else:
            warnings.once(name, part, f"<{name}> is not modelled: kept as text of the body")
            parts["body"].extend(reader.units(part, "", "hcontainer", part=True))
    fields = {key: tuple(value) for key, value in parts.items()}
    return Document(meta=metadata(element), **fields, components=tuple(components))


def _part_units(units: tuple[Unit, ...], target: str, name: str) -> tuple[Unit, ...]:
    """A cover page's loose text is named ``coverPage`` (kept apart from the preface's)."""
    if name != "coverPage":
        return units
    return tuple(
        replace(unit, attrs=(("name", "coverPage"),))
        if unit.element == "container" and unit.attrs == (("name", "p"),)
        else unit
        for unit in units
    )


def _ours(element: etree._Element) -> bool:
    """Whether redline wrote `element` (its identification's source is ``#redline``):
    then its long title is only the title; another system's is compared as text."""
    found = element.find(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}identification")
    return found is not None and found.get("source") == "#redline"


def _title_holder(part: etree._Element) -> etree._Element | None:
    """The ``longTitle`` of `part` when its words are exactly the title's."""
    for child in part:
        if is_element(child) and local_name(child) == "longTitle":
            title = child.find(f".//{{{AKN_NS}}}docTitle")
            if title is not None and inline(title) == inline(child):
                return child
    return None


def _components(
    holder: etree._Element,
    warnings: Warnings,
    pool: dict[str, etree._Element],
    notes: MetaNotes,
) -> list[Document]:
    """The documents inside a ``collectionBody``/``attachments``/``components``."""
    found = []
    wrappers = [w for w in holder if is_element(w) and local_name(w) in _WRAPPERS]
    for number, wrapper in enumerate(wrappers, start=1):
        own = "cmp" if local_name(wrapper) == "component" else "att"
        prefix = wrapper.get("eId") or f"{own}_{number}"
        for inner in wrapper:
            if not is_element(inner) or local_name(inner) in ("num", "heading", "subheading"):
                continue
            if local_name(inner) == "documentRef":
                target = take(pool, _ref_name(inner.get("href", "")))
                if target is not None:
                    found.append(
                        read_document(target, warnings, pool, notes, _prefix(target, prefix))
                    )
            elif inner.find(f"{{{AKN_NS}}}meta") is not None:
                document = read_document(inner, warnings, pool, notes, prefix)
                found.append(_with_labels(document, wrapper))
    return found


def _with_labels(document: Document, wrapper: etree._Element) -> Document:
    """`document` with its wrapper's heading and subheading opening its preface."""
    units = []
    for tag in ("num", "heading", "subheading"):
        found = wrapper.find(f"{{{AKN_NS}}}{tag}")
        if found is not None and inline(found):
            eid = f"{wrapper.get('eId') or 'component'}__{tag}"
            units.append(Unit("container", eid, text=inline(found), attrs=(("name", tag),)))
    if not units:
        return document
    return replace(document, preface=(*units, *document.preface))


def _prefix(document: etree._Element, default: str) -> str:
    """The eId of the ``component`` or ``attachment`` wrapping `document`, else `default`."""
    wrapper = document.getparent()
    return (wrapper.get("eId") or default) if wrapper is not None else default


def take(pool: dict[str, etree._Element], key: str) -> etree._Element | None:
    """The document `pool` holds under `key`, taken out of it (under all its names)."""
    found = pool.get(key)
    if found is not None:
        for name in [name for name, element in pool.items() if element is found]:
            del pool[name]
    return found


def _ref_name(href: str) -> str:
    """The last step of a reference: ``…/eng@ver_final/bill`` -> ``bill``."""
    return href.rstrip("/").rsplit("/", 1)[-1].lstrip("#")


def component_pool(root: etree._Element) -> dict[str, etree._Element]:
    """The documents of the file-level ``<components>``, by name (and by FRBR step)."""
    pool: dict[str, etree._Element] = {}
    for holder in root.iterfind(f"{{{AKN_NS}}}components"):
        for wrapper in holder.iterfind(f"{{{AKN_NS}}}component"):
            for inner in wrapper:
                if is_element(inner) and inner.find(f"{{{AKN_NS}}}meta") is not None:
                    uri = _frbr(inner, "FRBRExpression/a:FRBRthis")
                    for key in {inner.get("name", ""), _ref_name(uri), wrapper.get("eId", "")}:
                        if key:
                            pool.setdefault(key, inner)
    return pool


def _frbr(element: etree._Element, path: str) -> str:
    found = element.find(f"a:meta/a:identification/a:{path}", {"a": AKN_NS})
    return found.get("value", "") if found is not None else ""


def metadata(element: etree._Element) -> Metadata:
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
        doc_type=local_name(element),
        doc_name=element.get("name", ""),
        country=value("a:FRBRWork/a:FRBRcountry"),
        source=source,
        extra=tuple(extra),
    )


def _title(element: etree._Element) -> str:
    """The ``<docTitle>`` of the preface, else its long title, else the FRBR name."""
    for path in ("a:preface//a:docTitle", "a:preface/a:longTitle", "a:coverPage//a:docTitle"):
        found = element.find(path, {"a": AKN_NS})
        if found is not None:
            return inline(found)
    name = element.find("a:meta/a:identification/a:FRBRWork/a:FRBRname", {"a": AKN_NS})
    return (name.get("value") or "") if name is not None else ""
