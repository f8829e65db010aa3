"""Importing US bills, resolutions and public laws in USLM XML (2.0 and 2.1).

`redline.read.sources.import_source` routes XML in the USLM namespace here. This module
checks that the file is a measure, reads its identity (congress, number, stage, dates)
into FRBR metadata through `redline.read.uslm.identity`, and leaves the provisions to
`redline.read.uslm.body`.

Guarantees of `import_uslm`, so the AKN writer and the comparison can rely on them:
1. The result is a complete `Document` following `redline.model`: eIds unique, every
   word of the legal text kept. The legal text is everything inside ``<main>`` except
   its ``<longTitle>`` (which becomes the title): enacting formula or resolving clause,
   whereas clauses, provisions, quoted blocks, tables. Cover page, actions, attestation,
   signatures and endorsement are not legal text and are read only for metadata; so
   are a public law's margin notes (``<sidenote>``), Statutes at Large page markers
   (``<page>``) and approval (``<action>``), which the report counts as skipped.
2. Roots accepted: ``<bill>``, ``<resolution>``, ``<pLaw>``, ``<engrossedAmendment>``
   and ``<amendment>`` with a ``<main>``. The identity comes from ``citableAs``
   (``116 HR 264 EH``, ``Public Law 115–7``) or, in USLM 2.0, from ``<congress>``,
   ``<docNumber>``, ``<docStage>`` and ``dc:type``.
3. Metadata follows `redline.read.uslm.identity.us_metadata`; a public law is dated by
   its approval (``Approved February 28, 2017.``) and keeps its Statutes at Large
   citation as the ``statute`` fact.
4. Anything else raises `InputError` naming what was found, in one line.
"""

from __future__ import annotations

import re

from lxml import etree

from redline.akn.naming import USLM_NS
from redline.errors import InputError
from redline.model import ImportOptions, ImportResult
from redline.read.us_levels import STAGES, kind_code, stage_code
from redline.read.uslm.body import build_main
from redline.read.uslm.identity import Identity, parse_date
from redline.read.uslm.report import us_result
from redline.read.uslm.text import local_name, one_line
from redline.xmlsafe import parse_xml

DC_NS = "http://purl.org/dc/elements/1.1/"
"""Dublin Core, used by USLM for the title and the type of measure."""
MEASURES = frozenset({"bill", "resolution", "pLaw", "engrossedAmendment", "amendment"})
"""USLM root elements this importer accepts."""

_CITATION = re.compile(
    r"""
    ^(?P<congress>\d+)\s+      # congress, e.g. 116
    (?P<kind>[A-Za-z]+)\s+     # type of measure, e.g. HR, HCONRES
    (?P<number>\d+)\s+         # number of the measure
    (?P<stage>[A-Za-z]+)$      # stage code, e.g. EH, ENR
    """,
    re.VERBOSE,
)
_PUBLIC_LAW = re.compile(
    r"""
    ^Public\s+Law\s+
    (?P<congress>\d+)\s*[–-]\s*  # congress, e.g. 115, then an en dash or a hyphen
    (?P<number>\d+)$             # number of the law in that congress
    """,
    re.VERBOSE,
)
_STATUTE = re.compile(r"^\d+\s+Stat\.\s+\d+$")
_PRINTED_DATE = re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}")


def import_uslm(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """The `Document` of one USLM measure version (see the module guarantees)."""
    root = parse_xml(data, source)
    measure = _check_measure(root, source)
    main = _child(root, "main")
    if main is None:
        raise InputError(f"USLM <{measure}> without a <main> part: no legal text", source=source)
    return us_result(_identity(root, main, source), build_main(main), source, options, "USLM")


def _check_measure(root: etree._Element, source: str) -> str:
    """The root's name if it is a USLM measure; `InputError` otherwise."""
    qname = etree.QName(root.tag)
    if qname.namespace != USLM_NS:
        raise InputError(
            f"XML with root element <{qname.localname}> in namespace "
            f"{qname.namespace or '(none)'}, neither Akoma Ntoso nor USLM",
            source=source,
        )
    if qname.localname not in MEASURES:
        raise InputError(
            f"USLM <{qname.localname}> document, not a bill, resolution or public law "
            "(expected root <bill>, <resolution>, <pLaw> or <engrossedAmendment>)",
            source=source,
        )
    return qname.localname


def _child(node: etree._Element, name: str, namespace: str = USLM_NS) -> etree._Element | None:
    return node.find(f"{{{namespace}}}{name}")


def _identity(root: etree._Element, main: etree._Element, source: str) -> Identity:
    """Congress, type, number, stage, title and dates, from ``<meta>`` and the actions."""
    meta = _child(root, "meta")
    found = _citation(meta) or _meta_fields(meta)
    if found is None:
        raise InputError(
            "USLM measure without a citation like '116 HR 264 EH' in <meta><citableAs>, "
            "nor <congress>, <docNumber>, <docStage> and dc:type; "
            "cannot tell congress, number and stage",
            source=source,
        )
    congress, kind, number, stage = found
    dates = _action_dates(root)
    facts: list[tuple[str, str]] = []
    if kind == "pl":
        approved = [parse_date(d) for a in _approvals(main) for d in _PRINTED_DATE.findall(a)]
        dates += [date for date in approved if date]
        facts += [("statute", text) for text in _citations(meta) if _STATUTE.match(text)]
    return Identity(
        congress,
        kind,
        number,
        stage,
        _title(meta, main),
        session=re.sub(r"\D", "", _text(meta, "session")),
        dates=tuple(dates),
        facts=tuple(facts),
        stage_name=_stage_name(_text(meta, "docStage")),
    )


def _stage_name(printed: str) -> str:
    """The printed ``docStage`` if it is a name (USLM 2.1), ``""`` if a code (2.0)."""
    return "" if printed.upper() in STAGES else printed


def _text(meta: etree._Element | None, name: str) -> str:
    return one_line(_child(meta, name)) if meta is not None else ""


def _citations(meta: etree._Element | None) -> list[str]:
    return (
        [one_line(e) for e in meta.iterfind(f"{{{USLM_NS}}}citableAs")] if meta is not None else []
    )


def _citation(meta: etree._Element | None) -> tuple[str, str, str, str] | None:
    """From ``citableAs``: ``116 HR 264 EH`` or ``Public Law 115–7``."""
    for text in _citations(meta):
        match = _CITATION.match(text)
        if match and kind_code(match["kind"]) and stage_code(match["stage"]):
            return match["congress"], kind_code(match["kind"]), match["number"], match["stage"]
        law = _PUBLIC_LAW.match(text)
        if law:
            return law["congress"], "pl", law["number"], "PL"
    return None


def _meta_fields(meta: etree._Element | None) -> tuple[str, str, str, str] | None:
    """USLM 2.0: ``<congress>``, ``<docNumber>``, ``<docStage>`` and ``dc:type``."""
    congress = _text(meta, "congress")
    number = _text(meta, "docNumber")
    kind = kind_code(one_line(_child(meta, "type", DC_NS)) if meta is not None else "")
    stage = "PL" if kind == "pl" else stage_code(_text(meta, "docStage"))
    if congress.isdigit() and number.isdigit() and kind and stage:
        return congress, kind, number, stage
    return None


def _title(meta: etree._Element | None, main: etree._Element) -> str:
    """The official title printed in ``<main>``, else the one in ``dc:title``."""
    long_title = _child(main, "longTitle")
    official = _child(long_title, "officialTitle") if long_title is not None else None
    if official is not None and one_line(official):
        return one_line(official)
    dc_title = one_line(_child(meta, "title", DC_NS)) if meta is not None else ""
    return dc_title.split(": ", 1)[-1]


def _action_dates(root: etree._Element) -> list[str]:
    """ISO dates of the actions printed on the version (preface, attestation)."""
    dates: list[str] = []
    for element in root.iter(f"{{{USLM_NS}}}date"):
        if any(local_name(a) == "main" for a in element.iterancestors()):
            continue
        value = element.get("date") or parse_date(one_line(element))
        if value:
            dates.append(value[:10])
    return dates


def _approvals(main: etree._Element) -> list[str]:
    """The texts of a public law's approval actions (``Approved February 28, 2017.``)."""
    return [one_line(action) for action in main.iterfind(f"{{{USLM_NS}}}action")]
