"""eIds after the Akoma Ntoso Naming Convention (OASIS akn-nc v1.0, section on eId).

Importers build every eId here, so the text and USLM importers and the validator
agree. An eId is the parent's eId, ``__``, then the element's abbreviation, ``_``
and the element's number (its printed label stripped of punctuation) or, for
unnumbered elements, a counter among its unnumbered siblings of that element.
Elements numbered sequentially through the document (articles, sections) and the
top-level containers are not prefixed by their parents.
"""

from __future__ import annotations

import re
from collections.abc import Container

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace."""
USLM_NS = "http://schemas.gpo.gov/xml/uslm"
"""The namespace of USLM, the US House's legislative XML."""

#: Element name -> abbreviation used in eIds (akn-nc v1.0, table of abbreviations);
#: elements the table does not list keep their name. ``authorialNote`` -> ``fnt`` is
#: our own choice (the table has no entry for it), widely used for footnotes.
ABBREVIATIONS: dict[str, str] = {
    "alinea": "al",
    "article": "art",
    "attachment": "att",
    "authorialNote": "fnt",
    "book": "book",
    "chapter": "chp",
    "citation": "cit",
    "citations": "cits",
    "clause": "cl",
    "component": "cmp",
    "content": "content",
    "division": "dvs",
    "formula": "formula",
    "hcontainer": "hcontainer",
    "intro": "intro",
    "item": "item",
    "list": "list",
    "blockList": "list",
    "paragraph": "para",
    "part": "part",
    "point": "point",
    "proviso": "proviso",
    "quotedStructure": "qstr",
    "recital": "rec",
    "recitals": "recs",
    "rule": "rule",
    "section": "sec",
    "subchapter": "subchp",
    "subclause": "subcl",
    "subdivision": "subdvs",
    "subparagraph": "subpara",
    "subpart": "subpart",
    "subsection": "subsec",
    "subtitle": "subtitle",
    "table": "table",
    "title": "title",
    "tblock": "tblock",
    "wrapUp": "wrapup",
}

#: Elements whose eId is not prefixed by their ancestors: they are numbered
#: through the whole document, so their number alone identifies them.
UNPREFIXED = frozenset({"article", "section", "part", "title", "chapter", "division", "book"})

#: Elements that occur once in their parent and take no counter (``art_1__intro``).
SINGLETONS = frozenset({"intro", "wrapUp", "content"})

_NUM_JUNK = re.compile(
    r"""
    ^(?:article|art\.?|art[ií]culo|rule|section|sec\.?|§  # a label word
    |(?:sub)?(?:title|part|chapter|division)
    |chapitre|titre|partie|cap[ií]tulo|t[ií]tulo|parte|secci[oó]n)\s+  # French, Spanish
    """,
    re.IGNORECASE | re.VERBOSE,
)


def clean_num(num: str) -> str:
    """The number part of a printed label, as the convention puts it in an eId.

    >>> clean_num("Article 5")
    '5'
    >>> clean_num("(b)")
    'b'
    >>> clean_num("1.")
    '1'
    >>> clean_num("SEC. 101.")
    '101'
    >>> clean_num("(iii)")
    'iii'
    >>> clean_num("Subtitle A—")
    'A'
    """
    text = _NUM_JUNK.sub("", num.strip())
    return re.sub(r"[^0-9A-Za-z\-]+", "", text.replace(".", "-")).strip("-").replace("--", "-")


def make_eid(parent: str, element: str, num: str = "", counter: int = 1) -> str:
    """The eId of `element` under `parent`, from its printed `num` or its `counter`.

    >>> make_eid("art_5", "list")
    'art_5__list_1'
    >>> make_eid("art_5__list_1", "point", "(b)")
    'art_5__list_1__point_b'
    >>> make_eid("", "article", "Article 3")
    'art_3'
    >>> make_eid("part_II", "article", "Article 3")
    'art_3'
    >>> make_eid("art_5__list_1", "intro")
    'art_5__list_1__intro'
    >>> make_eid("preamble", "recitals")
    'preamble__recs_1'
    """
    abbreviation = ABBREVIATIONS.get(element, element)
    if element in SINGLETONS:
        own = abbreviation
    else:
        label = clean_num(num) if num else ""
        own = f"{abbreviation}_{label or counter}"
    if element in UNPREFIXED or not parent:
        return own
    return f"{parent}__{own}"


def uniquify(eid: str, taken: Container[str], next_suffix: dict[str, int] | None = None) -> str:
    """`eid` itself if free, else `eid` with the first free ``-2``, ``-3`` ... suffix.

    The convention keeps the printed label in the eId; when a source repeats a label
    (the 2014 text's Article 5 runs (a)..(l), then (i), (j) again) the second
    occurrence gets a suffix so eIds stay unique. The caller warns about it.

    `next_suffix` is the caller's memory of the next suffix to try for each eId (kept
    across calls on one document): with it, a label repeated n times costs O(n) in all
    instead of O(n²), since each call starts where the last one stopped.

    >>> uniquify("art_5__list_1__point_i", {"art_5__list_1__point_i"})
    'art_5__list_1__point_i-2'
    >>> taken, memory = {"art_1"}, {}
    >>> for _ in range(3):
    ...     taken.add(uniquify("art_1", taken, memory))
    >>> sorted(taken), memory
    (['art_1', 'art_1-2', 'art_1-3', 'art_1-4'], {'art_1': 5})
    """
    if eid not in taken:
        return eid
    index = next_suffix.get(eid, 2) if next_suffix is not None else 2
    while f"{eid}-{index}" in taken:
        index += 1
    if next_suffix is not None:
        next_suffix[eid] = index + 1
    return f"{eid}-{index}"


def frbr_uris(work_uri: str, language: str, date: str) -> tuple[str, str, str]:
    """The FRBR work, expression and manifestation URIs of one version.

    >>> for uri in frbr_uris("/akn/un/bill/2014/solidarity", "eng", "2014-04-25"):
    ...     print(uri)
    /akn/un/bill/2014/solidarity
    /akn/un/bill/2014/solidarity/eng@2014-04-25
    /akn/un/bill/2014/solidarity/eng@2014-04-25/!main
    """
    expression = f"{work_uri}/{language}@{date}"
    return work_uri, expression, f"{expression}/!main"
