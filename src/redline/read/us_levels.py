"""US legislative vocabulary shared by the USLM and Bill DTD readers: levels, kinds, stages.

Both readers map a US level to the same AKN element through `LEVELS`, name a measure
through `KINDS` and a stage through `STAGES`, so a bill read from GPO's Bill DTD XML and
the same bill read from USLM give the same document. Guarantees: every table is closed
(a name not listed is reported by the reader, never guessed from here).
"""

from __future__ import annotations

import re

#: US levels that are provisions of a bill, outermost first. Each becomes a unit; inside
#: a quoted block or a recital each starts a new line of text instead.
PROVISIONS: tuple[str, ...] = (
    "division",
    "subdivision",
    "title",
    "subtitle",
    "part",
    "subpart",
    "chapter",
    "subchapter",
    "section",
    "subsection",
    "paragraph",
    "subparagraph",
    "clause",
    "subclause",
    "item",
    "subitem",
    "subsubitem",
    "level",
    "appropriations",
)
#: US level -> AKN element. AKN has the same names down to ``subclause``; it has no item
#: level, so ``item`` and below are ``point``; an appropriations block is an
#: ``hcontainer`` (named ``appropriations``); USLM's generic ``level`` is an hcontainer.
LEVELS: dict[str, str] = {name: name for name in PROVISIONS} | {
    "item": "point",
    "subitem": "point",
    "subsubitem": "point",
    "level": "hcontainer",
    "appropriations": "hcontainer",
}
#: Levels whose heading GPO prints in capitals after the num (``SEC. 2. FINDINGS.``).
CAPITAL_HEADINGS = frozenset(
    {"division", "subdivision", "title", "part", "chapter", "subchapter", "section"}
)
#: Levels whose heading GPO prints run in before the text, in small caps
#: (``(a) In general.—The ...``).
RUN_IN_HEADINGS = frozenset(
    {
        "subsection",
        "paragraph",
        "subparagraph",
        "clause",
        "subclause",
        "item",
        "subitem",
        "subsubitem",
    }
)
#: Label words GPO prints before the number of a level (``TITLE I``, ``Subtitle A``).
NUM_WORDS: dict[str, str] = {
    "division": "DIVISION",
    "subdivision": "Subdivision",
    "title": "TITLE",
    "subtitle": "Subtitle",
    "part": "PART",
    "subpart": "Subpart",
    "chapter": "CHAPTER",
    "subchapter": "SUBCHAPTER",
    "section": "SEC.",
}

#: Type code -> (AKN ``name`` of the document, printed abbreviation). ``pl`` is a
#: public law, which is an act once enacted.
KINDS: dict[str, tuple[str, str]] = {
    "hr": ("bill", "H.R."),
    "s": ("bill", "S."),
    "hres": ("resolution", "H.Res."),
    "sres": ("resolution", "S.Res."),
    "hconres": ("concurrentResolution", "H.Con.Res."),
    "sconres": ("concurrentResolution", "S.Con.Res."),
    "hjres": ("jointResolution", "H.J.Res."),
    "sjres": ("jointResolution", "S.J.Res."),
    "pl": ("publicLaw", "Public Law"),
}
#: Type names (USLM ``dc:type``) -> type code.
KIND_NAMES: dict[str, str] = {
    "house bill": "hr",
    "senate bill": "s",
    "house resolution": "hres",
    "house simple resolution": "hres",
    "senate resolution": "sres",
    "senate simple resolution": "sres",
    "house concurrent resolution": "hconres",
    "senate concurrent resolution": "sconres",
    "house joint resolution": "hjres",
    "senate joint resolution": "sjres",
    "public law": "pl",
}

#: Stage code -> stage name, as GPO prints them (USLM ``docStage``; the Bill DTD's
#: ``bill-stage`` attribute is the name with hyphens, ``Placed-on-Calendar-Senate``).
STAGES: dict[str, str] = {
    "IH": "Introduced in House",
    "IS": "Introduced in Senate",
    "RH": "Reported in House",
    "RS": "Reported in Senate",
    "RFH": "Referred in House",
    "RFS": "Referred in Senate",
    "RDH": "Received in House",
    "RDS": "Received in Senate",
    "EH": "Engrossed in House",
    "ES": "Engrossed in Senate",
    "EAH": "Engrossed Amendment House",
    "EAS": "Engrossed Amendment Senate",
    "ATH": "Agreed to House",
    "ATS": "Agreed to Senate",
    "CPH": "Considered and Passed House",
    "CPS": "Considered and Passed Senate",
    "PCH": "Placed on Calendar House",
    "PCS": "Placed on Calendar Senate",
    "IPH": "Indefinitely Postponed House",
    "IPS": "Indefinitely Postponed Senate",
    "RCH": "Reference Change House",
    "RCS": "Reference Change Senate",
    "PP": "Public Print",
    "ENR": "Enrolled Bill",
    "PL": "Public Law",
}
#: Stages whose text both chambers passed: an act, not a bill, in AKN.
ENACTED_STAGES = frozenset({"ENR", "PL"})

_STAGE_CODES = {name.lower(): code for code, name in STAGES.items()}


def stage_code(text: str) -> str:
    """The stage code of a stage code or name; ``""`` when it is neither.

    >>> stage_code("Placed-on-Calendar-Senate"), stage_code("ENR"), stage_code("Enrolled Bill")
    ('PCS', 'ENR', 'ENR')
    >>> stage_code("Somewhere")
    ''
    """
    words = " ".join(text.replace("-", " ").split())
    if words.upper() in STAGES:
        return words.upper()
    return _STAGE_CODES.get(words.lower(), "")


def kind_code(printed: str) -> str:
    """The type code of a printed designation (``H. R.``, ``S. Con. Res.``); ``""`` if none.

    >>> kind_code("H. R."), kind_code("S."), kind_code("H. J. RES.")
    ('hr', 's', 'hjres')
    >>> kind_code("House Concurrent Resolution")
    'hconres'
    """
    code = re.sub(r"[^a-z]", "", printed.lower())
    if code in KINDS:
        return code
    return KIND_NAMES.get(" ".join(printed.lower().split()), "")


def doc_type(stage: str) -> str:
    """``act`` for an enacted stage (enrolled bill, public law), ``bill`` otherwise."""
    return "act" if stage in ENACTED_STAGES else "bill"
