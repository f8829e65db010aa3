"""The identity of one US bill version as FRBR metadata, for the USLM and Bill DTD readers.

Each reader finds the congress, type, number and stage in its own format and hands an
`Identity` to `us_metadata`, so both give the same `Metadata` for the same version.

Guarantees of `us_metadata`:
1. ``doc_type`` is ``act`` for an enacted stage (enrolled bill, public law) and ``bill``
   otherwise; ``doc_name`` names the kind of measure (``bill``, ``resolution``,
   ``concurrentResolution``, ``jointResolution``, ``publicLaw``).
2. The FRBR work URI is ``/akn/us/{doc_type}/{congress}/{type}/{number}``
   (``/akn/us/bill/116/hr/264``, ``/akn/us/act/115/pl/7``); the expression date is the
   latest date printed on the version (options override it; ``1970-01-01`` with a
   warning when the version prints none).
3. The ``smallCaps`` fact lists, space-separated, the eIds of the provisions whose
   heading the source marks as small caps (AKN's text model has no place for it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redline.akn.naming import frbr_uris
from redline.model import UNKNOWN_DATE, ImportOptions, Metadata
from redline.read.us_levels import KINDS, STAGES, doc_type


@dataclass(frozen=True, slots=True)
class Identity:
    """What a US bill version says about itself."""

    congress: str
    """The congress, in digits (``116``)."""
    kind: str
    """The type code, a key of `redline.read.us_levels.KINDS` (``hr``, ``sconres``, ``pl``)."""
    number: str
    """The number of the measure (``264``; ``7`` for Public Law 115-7)."""
    stage: str
    """The stage code (``EH``, ``ENR``, ``PL``)."""
    title: str
    """The official title."""
    session: str = ""
    """The session of the congress, in digits, when printed."""
    dates: tuple[str, ...] = ()
    """ISO dates of the actions printed on the version."""
    facts: tuple[tuple[str, str], ...] = ()
    """Further facts of the format (``statute``: ``131 Stat. 13``)."""
    stage_name: str = ""
    """The stage's name as printed, when the version prints one."""


def us_metadata(
    identity: Identity,
    source: str,
    options: ImportOptions,
    advice: list[str],
    small_caps: tuple[str, ...] = (),
) -> Metadata:
    """The FRBR `Metadata` of one version (see the module guarantees); `small_caps`
    names the provisions whose heading is printed in small caps (the ``smallCaps`` fact,
    for the renderers)."""
    doc_name, abbreviation = KINDS[identity.kind]
    stage_name = identity.stage_name or STAGES.get(identity.stage, identity.stage)
    kind = doc_type(identity.stage)
    date = options.date or (max(identity.dates) if identity.dates else "")
    if not date:
        advice.append(f"no action date printed on this version; dated {UNKNOWN_DATE} (use --date)")
        date = UNKNOWN_DATE
    work = options.work_uri or (
        f"/akn/us/{kind}/{identity.congress}/{identity.kind}/{identity.number}"
    )
    work_uri, expression_uri, manifestation_uri = frbr_uris(work, "eng", date)
    printed = f"{abbreviation} {identity.number}"
    if identity.kind == "pl":
        printed = f"{abbreviation} {identity.congress}–{identity.number}"
    extra = [
        ("congress", identity.congress),
        ("session", identity.session),
        ("number", printed),
        ("stage", identity.stage),
        ("stageName", stage_name),
        *identity.facts,
        *(("actionDate", action_date) for action_date in sorted(set(identity.dates))),
        ("smallCaps", " ".join(small_caps)),
    ]
    return Metadata(
        title=options.title or identity.title,
        work_uri=work_uri,
        expression_uri=expression_uri,
        manifestation_uri=manifestation_uri,
        date=date,
        version_label=options.version_label or stage_name,
        doc_type=kind,
        doc_name=doc_name,
        country="us",
        source=source,
        extra=tuple((key, value) for key, value in extra if value),
    )


def parse_date(text: str) -> str:
    """``2019-07-25`` from ``July 25, 2019`` or ``20190725``; ``""`` if it is no such date.

    >>> parse_date("July 25, 2019"), parse_date("20250106")
    ('2019-07-25', '2025-01-06')
    >>> parse_date("sometime")
    ''
    """
    text = text.strip().rstrip(".")
    for layout in ("%B %d, %Y", "%Y%m%d", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, layout).date().isoformat()
        except ValueError:
            continue
    return ""
