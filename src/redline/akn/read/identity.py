"""Identity and warnings for one AKN read: every unit gets an eId unique in its document.

Other systems' eIds are often imperfect (missing, repeated, odd): the reader never
refuses a document for them. Guarantees to `redline.akn.read.units`:
1. `Identity.claim` returns an eId not used before in the document: the given one if it
   is free and well formed, else a derived or suffixed one (``art_1-2``).
2. Each repair of a *given* eId is one warning naming the file and line; derived eIds
   (none given) are silent, as the naming convention makes them.
3. `Identity.once` keeps one warning per element kind, however often it occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from redline.akn.naming import uniquify

#: An odd eId: one holding whitespace or control characters (an identifier cannot).
_ODD = re.compile(r"[\s\x00-\x1f\x7f]")


def line_of(element: etree._Element) -> int | None:
    """The source line of `element`, if known."""
    line = element.sourceline
    return line if isinstance(line, int) else None


@dataclass(slots=True)
class Warnings:
    """The warnings of one read (shared by a document and its components)."""

    source: str
    messages: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)

    def add(self, element: etree._Element, message: str) -> None:
        """A warning about `element`, as ``file:line: message``."""
        line = line_of(element)
        where = f"{self.source}:{line}" if line is not None else self.source
        self.messages.append(f"{where}: {message}")

    def once(self, kind: str, element: etree._Element, message: str) -> None:
        """A warning about the first element of `kind` only."""
        if kind not in self.kinds:
            self.kinds.add(kind)
            self.add(element, message)


@dataclass(slots=True)
class Identity:
    """The eIds taken so far in one document, and where each was first used."""

    warnings: Warnings
    prefix: str = ""
    """A component's wrapper eId (``att_1``): its eIds carry it, so they are unique in the
    whole file as the model requires; eIds that already carry it are kept."""
    seen: dict[str, int | None] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    next_suffix: dict[str, int] = field(default_factory=dict)
    """`uniquify`'s memory: a label repeated n times costs O(n) probes in all."""

    def claim(self, given: str | None, derived: str, element: etree._Element) -> str:
        """A unique eId for `element`: `given` if usable, else `derived` (made unique)."""
        eid = derived
        if given is not None and given.strip():
            if not _ODD.search(given):
                eid = given
            else:
                self.warnings.add(element, f"odd eId {given!r}: read as {derived!r}")
        if self.prefix and not eid.startswith(f"{self.prefix}__"):
            eid = f"{self.prefix}__{eid}"
        if eid in self.seen:
            unique = uniquify(eid, self.taken, self.next_suffix)
            if given is not None and eid.endswith(given):
                first = self.seen[eid]
                self.warnings.add(
                    element,
                    f"duplicate eId {eid!r} (first used on line {first}): read as {unique!r}",
                )
            eid = unique
        self.seen[eid] = line_of(element)
        self.taken.add(eid)
        return eid
