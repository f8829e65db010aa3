"""AKN as an input like any other: the reader `redline.read.sources` routes AKN XML to.

It reads the document with `redline.akn.read.read_akn` and applies the metadata the
import options set (``redline import --title/--date/...``), so an AKN source and a text
source take the same options.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from redline.akn.naming import frbr_uris
from redline.akn.read import read_akn_result
from redline.model import Document, ImportOptions, ImportResult
from redline.read.counts import plural


def import_akn(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """The document in the AKN `data`, with the metadata `options` set, and the reader's
    warnings (repaired eIds, elements kept as text)."""
    document, warnings = read_akn_result(data, source)
    return ImportResult(
        with_metadata(document, options), warnings=warnings, report=akn_report(document)
    )


def akn_report(document: Document) -> str:
    """``read Akoma Ntoso: 9 recitals, 13 articles, …, 12 notes``: the provisions read,
    by kind in the order they first come, so a human can check them against the file.

    >>> from redline.model import Metadata, Unit
    >>> points = (Unit("point", "a"), Unit("point", "b"))
    >>> article = Unit("article", "art_1", children=(Unit("list", "l", children=points),))
    >>> akn_report(Document(Metadata("t", "", "", "", ""), body=(article,)))
    'read Akoma Ntoso: 1 article, 2 points, 0 notes'
    """
    kinds = Counter(_NAMES.get(unit.element, unit.element) for unit in document.every_unit())
    found = [plural(count, kind) for kind, count in kinds.items() if kind not in _PIECES]
    found.append(plural(sum(1 for unit in document.every_unit() for _ in unit.notes), "note"))
    if document.components:
        found.append(plural(len(document.components), "component"))
    return "read Akoma Ntoso: " + ", ".join(found)


#: Report names of elements whose AKN names say little (a cover page's ``p``).
_NAMES = {"p": "text block", "container": "text block", "hcontainer": "other provision"}
#: Elements that are pieces or groups of provisions, not provisions a reader counts.
_PIECES = frozenset({"recitals", "citations", "list", "intro", "wrapUp", "content", "blockList"})


def with_metadata(document: Document, options: ImportOptions) -> Document:
    """`document` with the metadata the options set (title, date, label, work URI);
    the expression and manifestation URIs follow a new date or work."""
    meta = document.meta
    if not (options.title or options.date or options.version_label or options.work_uri):
        return document
    meta = replace(
        meta,
        title=options.title or meta.title,
        date=options.date or meta.date,
        version_label=options.version_label or meta.version_label,
        work_uri=options.work_uri or meta.work_uri,
    )
    if options.date or options.work_uri:
        _work, expression, manifestation = frbr_uris(meta.work_uri, meta.language, meta.date)
        meta = replace(meta, expression_uri=expression, manifestation_uri=manifestation)
    return replace(document, meta=meta)
