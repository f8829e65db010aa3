"""Editorial notes: the ``<note>``s of ``<meta><notes>`` that ``<noteRef>``s in the text name.

AKN 3.0 keeps an editorial note's words in the metadata and puts only a reference
(``<noteRef href="#n99" marker="*"/>``) where its marker stands. Guarantees to
`redline.akn.read.units`, which reads a resolved note like an ``authorialNote`` (a
`redline.model.Note` of the unit where the reference stands, with its marker):
1. `MetaNotes.resolve` gives the ``<note>`` a reference names (by eId, or GUID), from
   the ``<meta>`` of any document of the file; a reference that names no note is one
   warning naming the reference and its line, and is read as no note.
2. `MetaNotes.unreferenced` warns, once each, of every note no reference named, with
   its eId and line: its words are not read, and the warning says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from redline.akn.naming import AKN_NS
from redline.akn.read.identity import Warnings

_NOTE = f"{{{AKN_NS}}}note"
_NOTES = f"{{{AKN_NS}}}notes"
_META = f"{{{AKN_NS}}}meta"


@dataclass(slots=True)
class MetaNotes:
    """The editorial notes of one file, by the names a ``noteRef`` may give them."""

    warnings: Warnings
    by_name: dict[str, etree._Element] = field(default_factory=dict)
    """Each ``<note>`` under its eId and its GUID."""
    used: set[int] = field(default_factory=set)
    """The `id` of every note a reference named."""

    @classmethod
    def of(cls, root: etree._Element, warnings: Warnings) -> MetaNotes:
        """The notes held in every ``<meta><notes>`` of the file `root`."""
        found = cls(warnings)
        for meta in root.iter(_META):
            for notes in meta.iterfind(_NOTES):
                for note in notes.iterfind(_NOTE):
                    for key in (note.get("eId"), note.get("GUID")):
                        if key:
                            found.by_name.setdefault(key, note)
        return found

    def resolve(self, ref: etree._Element) -> tuple[etree._Element, bool] | None:
        """The ``<note>`` the ``noteRef`` `ref` names, and whether this is the first
        reference to it; None, with a warning, if it names none."""
        href = ref.get("href", "")
        note = self.by_name.get(href.rsplit("#", 1)[-1].strip()) if href else None
        if note is None:
            self.warnings.add(
                ref,
                f"<noteRef href={href!r}> names no <note> in <meta><notes>: "
                "its marker is read as no note",
            )
            return None
        first = id(note) not in self.used
        self.used.add(id(note))
        return note, first

    def unreferenced(self) -> None:
        """Warn of each note that no reference named: its words are not read."""
        seen: set[int] = set()
        for note in self.by_name.values():
            if id(note) in self.used or id(note) in seen:
                continue
            seen.add(id(note))
            name = note.get("eId") or note.get("GUID") or "(no eId)"
            self.warnings.add(
                note,
                f"<note eId={name!r}> in <meta><notes> is named by no <noteRef>: "
                "its words are not read",
            )
