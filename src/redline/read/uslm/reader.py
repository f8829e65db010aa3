"""Importing US bills and resolutions in USLM XML: a reader, beside the text import.

`redline.read.sources.import_source` routes XML in the USLM namespace here. This module
checks that the file is a bill or resolution, reads its identity (congress, number,
stage, dates) into FRBR metadata, and leaves the provisions to `redline.read.uslm.body`.

Guarantees of `import_uslm`, so the AKN writer and the comparison can rely on them:
1. The result is a complete `Document` following `redline.model`: eIds unique, every
   word of the legal text kept. The legal text is everything inside ``<main>`` except
   its ``<longTitle>`` (which becomes the title): enacting formula or resolving clause,
   whereas clauses, provisions, quoted blocks, tables. Cover page, actions, attestation,
   signatures and endorsement are not legal text and are read only for metadata.
2. ``doc_type`` is ``act`` for the enrolled text (stage ENR, the text both chambers
   passed) and ``bill`` for every other stage; ``doc_name`` names the kind of measure
   (``bill``, ``resolution``, ``concurrentResolution``, ``jointResolution``).
3. The FRBR work URI is ``/akn/us/{doc_type}/{congress}/{type}/{number}``
   (``/akn/us/bill/116/hr/264``); the expression date is the latest action date
   printed on the version (options override it; ``1970-01-01`` with a warning when the
   version prints none).
4. Anything that is not a USLM bill or resolution raises `InputError` naming what was
   found, in one line.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from redline.akn.naming import USLM_NS, frbr_uris
from redline.errors import InputError
from redline.model import Document, ImportOptions, ImportResult, Metadata
from redline.read.uslm.body import build_main
from redline.read.uslm.text import local_name, one_line
from redline.xmlsafe import parse_xml

DC_NS = "http://purl.org/dc/elements/1.1/"
"""Dublin Core, used by USLM for the title and the type of measure."""
MEASURES = frozenset({"bill", "resolution"})
"""USLM root elements this importer accepts."""
UNKNOWN_DATE = "1970-01-01"
"""The date written when a version prints no action date (the CLI documents it)."""

#: USLM type code (``citableAs``) -> (AKN ``name``, printed abbreviation).
KINDS: dict[str, tuple[str, str]] = {
    "hr": ("bill", "H.R."),
    "s": ("bill", "S."),
    "hres": ("resolution", "H.Res."),
    "sres": ("resolution", "S.Res."),
    "hconres": ("concurrentResolution", "H.Con.Res."),
    "sconres": ("concurrentResolution", "S.Con.Res."),
    "hjres": ("jointResolution", "H.J.Res."),
    "sjres": ("jointResolution", "S.J.Res."),
}

_CITATION = re.compile(
    r"""
    ^(?P<congress>\d+)\s+      # congress, e.g. 116
    (?P<kind>[A-Za-z]+)\s+     # type of measure, e.g. HR, HCONRES
    (?P<number>\d+)\s+         # number of the measure
    (?P<stage>[A-Za-z]+)$      # stage code, e.g. EH, ENR
    """,
    re.VERBOSE,
)


def import_uslm(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """The `Document` of one USLM bill or resolution version (see the module guarantees)."""
    root = parse_xml(data, source)
    measure = _check_measure(root, source)
    main = _child(root, "main")
    if main is None:
        raise InputError(f"USLM <{measure}> without a <main> part: no legal text", source=source)
    parts = build_main(main)
    warnings = list(parts.warnings)
    meta = _metadata(root, main, source, options, warnings)
    document = Document(meta, parts.preamble, parts.body)
    return ImportResult(
        document, tuple(warnings), _report(document, parts.quoted_blocks, parts.tables)
    )


def _check_measure(root: etree._Element, source: str) -> str:
    """The root's name if it is a USLM bill or resolution; `InputError` otherwise."""
    qname = etree.QName(root.tag)
    if qname.namespace != USLM_NS:
        raise InputError(
            f"XML with root element <{qname.localname}> in namespace "
            f"{qname.namespace or '(none)'}, neither Akoma Ntoso nor USLM",
            source=source,
        )
    if qname.localname not in MEASURES:
        raise InputError(
            f"USLM <{qname.localname}> document, not a bill or resolution "
            "(expected root <bill> or <resolution>)",
            source=source,
        )
    return qname.localname


def _child(node: etree._Element, name: str, namespace: str = USLM_NS) -> etree._Element | None:
    return node.find(f"{{{namespace}}}{name}")


def _metadata(
    root: etree._Element,
    main: etree._Element,
    source: str,
    options: ImportOptions,
    warnings: list[str],
) -> Metadata:
    """FRBR identity and facts of the version, from ``<meta>``, ``<preface>`` and actions."""
    meta = _child(root, "meta")
    citation = _citation(meta, source)
    congress, kind, number, stage = (
        citation[key] for key in ("congress", "kind", "number", "stage")
    )
    doc_name, abbreviation = KINDS.get(kind, ("bill", kind.upper()))
    doc_type = "act" if stage == "ENR" else "bill"
    dates = _action_dates(root)
    date = options.date or (max(dates) if dates else "")
    if not date:
        warnings.append(
            f"no action date printed on this version; dated {UNKNOWN_DATE} (use --date)"
        )
        date = UNKNOWN_DATE
    work = options.work_uri or f"/akn/us/{doc_type}/{congress}/{kind}/{number}"
    work_uri, expression_uri, manifestation_uri = frbr_uris(work, "eng", date)
    stage_name = _text(meta, "docStage")
    extra = [
        ("congress", congress),
        ("session", _text(meta, "session")),
        ("number", f"{abbreviation} {number}"),
        ("stage", stage),
        ("stageName", stage_name),
        *(("actionDate", action_date) for action_date in sorted(set(dates))),
    ]
    return Metadata(
        title=options.title or _title(meta, main),
        work_uri=work_uri,
        expression_uri=expression_uri,
        manifestation_uri=manifestation_uri,
        date=date,
        version_label=options.version_label or stage_name or stage,
        doc_type=doc_type,
        doc_name=doc_name,
        country="us",
        source=source,
        extra=tuple((key, value) for key, value in extra if value),
    )


def _text(meta: etree._Element | None, name: str) -> str:
    return one_line(_child(meta, name)) if meta is not None else ""


def _citation(meta: etree._Element | None, source: str) -> dict[str, str]:
    """Congress, type code, number and stage from ``citableAs`` (``116 HR 264 EH``)."""
    for element in meta.iterfind(f"{{{USLM_NS}}}citableAs") if meta is not None else ():
        match = _CITATION.match(one_line(element))
        if match:
            found = match.groupdict()
            return found | {"kind": found["kind"].lower(), "stage": found["stage"].upper()}
    raise InputError(
        "USLM measure without a citation like '116 HR 264 EH' in <meta><citableAs>; "
        "cannot tell congress, number and stage",
        source=source,
    )


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
        value = element.get("date") or _parse_date(one_line(element))
        if value:
            dates.append(value[:10])
    return dates


def _parse_date(text: str) -> str:
    """``2019-07-25`` from ``July 25, 2019``; ``""`` if the text is no such date.

    >>> _parse_date("July 25, 2019")
    '2019-07-25'
    >>> _parse_date("sometime")
    ''
    """
    try:
        return datetime.strptime(text.strip().rstrip("."), "%B %d, %Y").date().isoformat()
    except ValueError:
        return ""


def _report(document: Document, quoted_blocks: int, tables: int) -> str:
    """One line of counts for stderr."""
    counts: dict[str, int] = {}
    for unit in document.walk():
        counts[unit.element] = counts.get(unit.element, 0) + 1
    shown = ("recital", "formula", "division", "title", "subtitle", "section", "subsection")
    parts = [_plural(counts[name], name) for name in shown if counts.get(name)]
    parts.append(_plural(sum(1 for _ in document.notes()), "note"))
    parts.append(
        f"{_plural(quoted_blocks, 'quoted block')} and {_plural(tables, 'table')} kept as text"
    )
    facts = dict(document.meta.extra)
    return f"read USLM {facts.get('number', '')} {facts.get('stage', '')}: " + ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    """``1 section``, ``2 sections``.

    >>> _plural(1, "formula"), _plural(2, "table")
    ('1 formula', '2 tables')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
