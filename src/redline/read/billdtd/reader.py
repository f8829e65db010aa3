"""Importing US bills in GPO's Bill DTD XML, the format of most bill text GPO publishes.

`redline.read.sources.import_source` routes XML whose root is ``<bill>``,
``<resolution>`` or ``<amendment-doc>`` in no namespace here. The file's DOCTYPE names
``bill.dtd``, which is never read (`redline.xmlsafe`).

Guarantees of `import_bill_dtd`:
1. The legal text is the ``legis-body`` (``resolution-body``, ``engrossed-amendment-body``,
   ``amendment-body``) and the ``preamble``; its units are built as for USLM
   (`redline.read.billdtd.translate`, `redline.read.uslm.body`), so every word is kept
   and the same bill gives the same document from either format.
2. The ``form`` gives the metadata: congress (``119th CONGRESS`` or ``One Hundred
   Nineteenth Congress``), session, ``legis-num`` (``S. 5``), the stage from the root's
   ``bill-stage`` (``Placed-on-Calendar-Senate`` is PCS), the official title, and every
   ``action-date`` of the form and endorsement; metadata follows
   `redline.read.uslm.identity.us_metadata`.
3. Anything that is not such a document raises `InputError` in one line, naming what is
   missing.
"""

from __future__ import annotations

import re

from lxml import etree

from redline.errors import InputError
from redline.model import ImportOptions, ImportResult
from redline.read.billdtd.translate import translate_body
from redline.read.us_levels import kind_code, stage_code
from redline.read.uslm.body import build_main
from redline.read.uslm.identity import Identity, parse_date
from redline.read.uslm.report import us_result
from redline.read.uslm.text import one_line
from redline.xmlsafe import parse_xml

ROOTS = frozenset({"bill", "resolution", "amendment-doc"})
"""Root elements of the Bill DTD family this importer accepts."""
BODIES = ("legis-body", "resolution-body", "engrossed-amendment-body", "amendment-body")
"""Elements holding the legal text, in the order they are looked for."""
FORMS = ("form", "engrossed-amendment-form", "amendment-form")
"""Elements holding the cover page metadata."""

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_UNIT_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_TEN_ORDINALS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
#: Number words of congresses and sessions (``One Hundred Nineteenth``) -> value.
_ORDINALS: dict[str, int] = {
    word: value for words in (_UNITS, _UNIT_ORDINALS) for value, word in enumerate(words.split(), 1)
} | {
    word: 10 * value
    for words in (_TENS, _TEN_ORDINALS)
    for value, word in enumerate(words.split(), 2)
}


def import_bill_dtd(data: bytes, source: str, options: ImportOptions) -> ImportResult:
    """The `Document` of one Bill DTD version (see the module guarantees)."""
    root = parse_xml(data, source)
    if root.tag not in ROOTS:
        raise InputError(
            f"XML with root element <{root.tag}> in no namespace, neither Akoma Ntoso, "
            "USLM nor GPO's Bill DTD (expected <bill>, <resolution> or <amendment-doc>)",
            source=source,
        )
    body = next((found for name in BODIES if (found := root.find(name)) is not None), None)
    if body is None:
        raise InputError(
            f"Bill DTD <{root.tag}> without a <legis-body>: no legal text", source=source
        )
    repairs: list[str] = []
    main = translate_body(body, enacting=_enacting(root, body), warnings=repairs)
    preamble = root.find("preamble")
    if preamble is not None:
        main.insert(0, _recitals(preamble))
    parts = build_main(main)
    return us_result(_identity(root, source), parts, source, options, "Bill DTD", repairs)


def _enacting(root: etree._Element, body: etree._Element) -> bool:
    """True when GPO prints the enacting clause before this bill's body."""
    shown = body.get("display-enacting-clause", "yes-display-enacting-clause")
    return root.tag == "bill" and body.tag == "legis-body" and shown.startswith("yes")


def _recitals(preamble: etree._Element) -> etree._Element:
    """The whereas clauses as USLM recitals (one per ``whereas``)."""
    translated = translate_body(preamble, enacting=False)
    translated.tag = "preamble"
    return translated


def _identity(root: etree._Element, source: str) -> Identity:
    """Congress, type, number, stage, title and dates from the form and the root."""
    form = next((found for name in FORMS if (found := root.find(name)) is not None), None)
    if form is None:
        raise InputError(f"Bill DTD <{root.tag}> without a <form>: no metadata", source=source)
    designation = re.match(r"^(?P<kind>\D+?)\s*(?P<number>\d+)$", _text(form, "legis-num"))
    congress = _congress(_text(form, "congress"))
    stage = stage_code(root.get("bill-stage") or root.get("amend-stage") or "")
    kind = kind_code(designation["kind"]) if designation else ""
    if not (designation and congress and kind and stage):
        raise InputError(
            "Bill DTD without a congress, a legis-num like 'S. 5' and a bill-stage; "
            "cannot tell congress, number and stage",
            source=source,
        )
    dates = [parse_date(date.get("date", "")) for date in root.iter("action-date")]
    return Identity(
        congress,
        kind,
        designation["number"],
        stage,
        _text(form, "official-title"),
        session=_congress(_text(form, "session")),
        dates=tuple(date for date in dates if date),
    )


def _text(form: etree._Element, name: str) -> str:
    return one_line(form.find(name))


def _congress(printed: str) -> str:
    """The number of ``119th CONGRESS``, ``One Hundred Nineteenth Congress`` or ``1st
    Session``, in digits; ``""`` when none is printed.

    >>> _congress("119th CONGRESS"), _congress("One Hundred Fifteenth Congress of the")
    ('119', '115')
    >>> _congress("1st Session"), _congress("AT THE FIRST SESSION"), _congress("")
    ('1', '1', '')
    """
    digits = re.match(r"\D*?(\d+)", printed)
    if digits:
        return digits.group(1)
    total = 0
    for word in re.findall(r"[a-z]+", printed.lower()):
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in _ORDINALS:
            total += _ORDINALS[word]
    return str(total) if total else ""
