"""Units under construction, and their freezing into `Unit`s: shared by the structure stages.

`Freezer.freeze` guarantees: nodes become frozen units in document order, with eIds made
by `naming.make_eid` (from a node's `label` when it has one, else its printed `num`),
unique within the document (a repeated label gets a suffix from `naming.uniquify` and a
warning naming the place), and footnote markers anchored as notes (see `footnotes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from redline.akn.naming import make_eid, uniquify
from redline.model import Unit
from redline.read.text.footnotes import Anchors

#: Elements whose printed number names the place in warnings (``Article 5: ...``).
_PLACES = frozenset({"article", "section", "rule"})


@dataclass
class Node:
    """A unit under construction; mutable, and never leaves the text importer."""

    element: str
    num: str = ""
    heading: str = ""
    text: str = ""
    line: int = 0
    children: list[Node] = field(default_factory=list)
    label: str = ""
    """What the eId is made from, when it is not the printed `num` (``5bis``)."""
    attrs: tuple[tuple[str, str], ...] = ()
    """AKN attributes to keep (``name`` of a formula or container)."""


class Freezer:
    """Turns nodes into frozen units in document order: eIds, then notes."""

    def __init__(self, anchors: Anchors, warnings: list[str], taken: set[str] | None = None):
        self.anchors = anchors
        self.warnings = warnings
        self.taken: set[str] = set() if taken is None else taken
        self.next_suffix: dict[str, int] = {}  # `uniquify`'s memory: O(n) for n repeats

    def freeze(self, nodes: list[Node], parent: str, where: str = "") -> tuple[Unit, ...]:
        """The units of `nodes` under the eId `parent`; `where` names the place for warnings."""
        counters: dict[str, int] = {}
        units = []
        for node in nodes:
            here = node.num if node.element in _PLACES else where
            # The preamble's single recitals container is recs_1 whatever its printed number.
            num = "" if node.element in ("recitals", "citations") else (node.label or node.num)
            counters[node.element] = counters.get(node.element, 0) + (not num)
            eid = make_eid(parent, node.element, num, counters[node.element])
            unique = uniquify(eid, self.taken, self.next_suffix)
            if unique != eid and node.num:
                self.warnings.append(
                    f"{here or 'preamble'}: {node.element} {node.num} at line {node.line}"
                    f" repeats an earlier label; its eId is {unique}"
                )
            self.taken.add(unique)
            text, notes = self.anchors.anchor(node.text, unique)
            children = self.freeze(node.children, unique, here)
            parts = (node.element, unique, node.num, node.heading, text, notes, children)
            units.append(Unit(*parts, attrs=node.attrs))
        return tuple(units)
