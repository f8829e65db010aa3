"""The values of a history: versions, provision lineages, their steps and word provenance.

`redline.history.lineage` builds a `History`; its renderers (JSON, the synoptic
table in HTML and PDF, the text and Markdown lineage of one provision) consume one.
Nothing here imports the rest of the package but the model and the change vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.changes import Change, ChangeKind, Comparison, Side
from redline.model import Document, Metadata, shown_date


@dataclass(frozen=True, slots=True)
class Version:
    """One draft of the series."""

    index: int
    """Its place in the series, 0 for the first (oldest)."""
    source: str
    """The input it was read from (a path or ``REV:path``)."""
    meta: Metadata
    """Its metadata (title, date, version label ...)."""

    @property
    def name(self) -> str:
        """A short human name: ``v2 revision A (2016-06-01)``."""
        label = " ".join(
            p for p in (self.meta.version_label, f"({shown_date(self.meta.date)})") if p
        )
        return f"v{self.index + 1} {label}".strip()


@dataclass(frozen=True, slots=True)
class Step:
    """What happened to a lineage between two consecutive versions."""

    kind: ChangeKind
    """The one word for the step (see `step_kind` for a step made of several changes)."""
    moved: bool
    """True when any of its changes moved."""
    changes: tuple[Change, ...]
    """The pairwise changes that link the lineage's units across this step."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """A run of characters of a unit's text in the last version, all first seen in one draft."""

    text: str
    """The characters (joining a unit's runs gives its text exactly)."""
    since: int
    """Index of the version in which these words first appeared."""


@dataclass(frozen=True, slots=True)
class Lineage:
    """One provision followed through every version, by content."""

    key: str
    """Stable id: the eId in the last version holding it, prefixed ``vN:`` unless that
    version is the last (``art_5``, ``v2:art_13``)."""
    element: str
    """The AKN element of its latest unit."""
    top: bool
    """True for a top-level provision (article, section, recital, formula)."""
    units: tuple[tuple[Side, ...], ...]
    """Per version, the lineage's units there (several after a split or before a merge;
    empty where it does not exist)."""
    steps: tuple[Step | None, ...]
    """Per consecutive pair (v1 -> v2 ...), the step, or None when absent from both."""
    provenance: tuple[tuple[Provenance, ...], ...]
    """Per unit in the last version (same order as ``units[-1]``), its text in runs of
    the version each word first appeared in; empty when not in the last version."""
    heading_provenance: tuple[tuple[Provenance, ...], ...] = ()
    """The same for the headings of those units (empty runs for a unit without one)."""

    @property
    def label(self) -> str:
        """The human reference in the latest version holding it."""
        for sides in reversed(self.units):
            if sides:
                return " + ".join(side.label for side in sides)
        return self.key

    def present(self) -> tuple[int, ...]:
        """Indices of the versions that hold the lineage."""
        return tuple(index for index, sides in enumerate(self.units) if sides)


@dataclass(frozen=True, slots=True)
class History:
    """The life of a text across its drafts."""

    versions: tuple[Version, ...]
    """The drafts, oldest first."""
    lineages: tuple[Lineage, ...]
    """Every lineage at every level, in the last version's reading order with lineages
    absent from it placed where they stood in the latest version holding them."""
    comparisons: tuple[Comparison, ...]
    """The pairwise comparisons the lineages chain (v1 -> v2, v2 -> v3 ...)."""
    documents: tuple[Document, ...]
    """The versions themselves, for renderers that show whole provisions."""

    @property
    def identical(self) -> bool:
        """True when no version differs from the one before."""
        return all(comparison.identical for comparison in self.comparisons)

    def find(self, eid: str, version: int | None = None) -> Lineage | None:
        """The lineage holding unit `eid` of `version` (default: the latest version holding
        such an eId)."""
        wanted = range(len(self.versions)) if version is None else (version,)
        for index in sorted(wanted, reverse=True):
            for lineage in self.lineages:
                if any(side.eid == eid for side in lineage.units[index]):
                    return lineage
        return None
