"""Lineages: the pairwise comparisons of consecutive versions chained into one history.

Each consecutive pair is compared once, by the public `redline.compare`; every change
links the units it names on its two sides, and a lineage is a set of units linked that
way across the series (a union-find over ``(version, eId)``, so the chaining is linear
in the number of units). Guarantees to the renderers:
1. Every unit (and authorial note) of every version is in exactly one lineage; a
   provision deleted and later restored word for word rejoins its lineage
   (`redline.history.revival`).
2. A lineage's units in one version are in that version's document order.
3. Lineages are ordered as the last version reads, each one absent from it placed
   right after the lineage that preceded it in the latest version holding it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from redline import compare
from redline.changes import Change, ChangeKind, CompareOptions, Comparison, Side
from redline.history.provenance import chain_provenance
from redline.history.revival import revivals
from redline.history.values import History, Lineage, Step, Version
from redline.model import Document
from redline.progress import Progress, silent

Node = tuple[int, str]
"""A unit of one version: (version index, eId)."""


class _Links:
    """Union-find over the units of every version."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def root(self, node: Node) -> Node:
        parent = self.parent.setdefault(node, node)
        while parent != node:
            grand = self.parent[parent]
            self.parent[node] = grand
            node, parent = parent, grand
        return node

    def join(self, nodes: Sequence[Node]) -> None:
        first = self.root(nodes[0])
        for node in nodes[1:]:
            other = self.root(node)
            if other != first:
                self.parent[other] = first


def document_order(doc: Document) -> Iterator[str]:
    """Every eId of `doc` in reading order, each authorial note right after its unit."""
    for unit in doc.every_unit():
        yield unit.eid
        for note in unit.notes:
            yield note.eid


def compare_series(
    documents: Sequence[Document], options: CompareOptions, progress: Progress | None = None
) -> tuple[Comparison, ...]:
    """Every consecutive pair compared once, in order."""
    report = progress or silent
    total = len(documents) - 1
    done: list[Comparison] = []
    for index in range(total):
        report("comparing versions", index, total)
        done.append(compare(documents[index], documents[index + 1], options))
    report("comparing versions", total, total)
    return tuple(done)


def build_history(
    documents: Sequence[Document],
    sources: Sequence[str],
    options: CompareOptions | None = None,
    progress: Progress | None = None,
) -> History:
    """The history of `documents` (oldest first); `sources` name them."""
    if len(documents) < 2:
        from redline.errors import UsageError

        raise UsageError("a history needs at least two versions")
    comparisons = compare_series(documents, options or CompareOptions(), progress)
    return chain(documents, sources, comparisons)


def chain(
    documents: Sequence[Document], sources: Sequence[str], comparisons: Sequence[Comparison]
) -> History:
    """The lineages of `documents`, chaining `comparisons` (v1 -> v2, v2 -> v3 ...)."""
    links = _Links()
    sides: dict[Node, Side] = {}
    for step, comparison in enumerate(comparisons):
        for change in comparison.changes:
            nodes = [(step, s.eid) for s in change.old] + [(step + 1, s.eid) for s in change.new]
            sides.update(zip(nodes, (*change.old, *change.new), strict=True))
            links.join(nodes)
    groups = _groups(documents, links, sides)
    restored = _revive(documents, links, groups)
    if restored:
        groups = _groups(documents, links, sides)
    order = _order(documents, links)
    steps = _steps(comparisons, links)
    provenance, headings = chain_provenance(comparisons, restored)
    last = len(documents) - 1
    lineages = []
    for root in order:
        units = groups[root]
        latest = max(index for index, found in enumerate(units) if found)
        first = units[latest][0]
        key = first.eid if latest == last else f"v{latest + 1}:{first.eid}"
        lineages.append(
            Lineage(
                key=key,
                element=first.element,
                top=any(side.is_top for found in units for side in found),
                units=units,
                steps=tuple(steps.get((root, index)) for index in range(len(comparisons))),
                provenance=tuple(provenance.get(side.eid, ()) for side in units[last]),
                heading_provenance=tuple(headings.get(side.eid, ()) for side in units[last]),
            )
        )
    versions = tuple(
        Version(index, source, doc.meta)
        for index, (source, doc) in enumerate(zip(sources, documents, strict=True))
    )
    return History(versions, tuple(lineages), tuple(comparisons), tuple(documents))


def _revive(
    documents: Sequence[Document], links: _Links, groups: dict[Node, tuple[tuple[Side, ...], ...]]
) -> dict[Node, Node]:
    """Join the lineages of provisions restored word for word after a gap (see
    `redline.history.revival`); for provenance, each restored text unit -> the unit it
    restores."""
    restored: dict[Node, Node] = {}
    for end, start in revivals(documents, groups):
        before, after = groups[end], groups[start]
        last = max(index for index, found in enumerate(before) if found)
        first = min(index for index, found in enumerate(after) if found)
        for old, new in zip(before[last], after[first], strict=False):
            if old.text == new.text:
                restored[(first, new.eid)] = (last, old.eid)
        links.join([end, start])
    return restored


def _groups(
    documents: Sequence[Document], links: _Links, sides: dict[Node, Side]
) -> dict[Node, tuple[tuple[Side, ...], ...]]:
    """Each lineage's units per version, in document order."""
    found: dict[Node, list[list[Side]]] = defaultdict(lambda: [[] for _ in documents])
    for index, doc in enumerate(documents):
        for eid in document_order(doc):
            node = (index, eid)
            if node in sides:
                found[links.root(node)][index].append(sides[node])
    return {root: tuple(tuple(group) for group in units) for root, units in found.items()}


def _order(documents: Sequence[Document], links: _Links) -> list[Node]:
    """Lineage roots in the last version's order, absent ones where they last stood."""
    after: dict[Node | None, list[Node]] = defaultdict(list)
    placed: set[Node] = set()
    for index in range(len(documents) - 1, -1, -1):
        anchor: Node | None = None
        for eid in document_order(documents[index]):
            node = (index, eid)
            if node not in links.parent:
                continue
            root = links.root(node)
            if root not in placed:
                placed.add(root)
                after[anchor].insert(0, root)  # right after its anchor, before what followed
            anchor = root
    order: list[Node] = []
    stack = list(reversed(after[None]))
    while stack:
        root = stack.pop()
        order.append(root)
        stack.extend(reversed(after[root]))
    return order


def _steps(comparisons: Sequence[Comparison], links: _Links) -> dict[tuple[Node, int], Step]:
    """Each lineage's step across each consecutive pair it takes part in."""
    changes: dict[tuple[Node, int], list[Change]] = defaultdict(list)
    for index, comparison in enumerate(comparisons):
        for change in comparison.changes:
            node = (index, change.old[0].eid) if change.old else (index + 1, change.new[0].eid)
            changes[(links.root(node), index)].append(change)
    return {
        key: Step(step_kind(found), any(c.moved for c in found), tuple(found))
        for key, found in changes.items()
    }


_SETTLED = (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)


def step_kind(changes: Sequence[Change]) -> ChangeKind:
    """One word for a step made of `changes`: the kind of a single change; for several
    (a lineage that merges later, or split earlier), merged or split if any is, then
    moved, unchanged, renumbered or modified when units stand on both sides, else
    inserted or deleted.

    >>> from redline.changes import Change
    >>> kept = Change(ChangeKind.UNCHANGED, "paragraph", (), (), 1.0, ())
    >>> added = Change(ChangeKind.INSERTED, "paragraph", (), (), 0.0, ())
    >>> step_kind([kept, added]).value
    'modified'
    """
    kinds = {change.kind for change in changes}
    if len(changes) == 1:
        return changes[0].kind
    for kind in (ChangeKind.MERGED, ChangeKind.SPLIT, ChangeKind.MOVED):
        if kind in kinds:
            return kind
    if kinds <= {ChangeKind.INSERTED}:
        return ChangeKind.INSERTED
    if kinds <= {ChangeKind.DELETED}:
        return ChangeKind.DELETED
    if kinds == {ChangeKind.UNCHANGED}:
        return ChangeKind.UNCHANGED
    return ChangeKind.RENUMBERED if kinds <= set(_SETTLED) else ChangeKind.MODIFIED
