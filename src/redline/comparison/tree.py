"""The redline tree: changes named with the closed vocabulary, in reading order.

Built from an alignment and its moves: every paired unit gets its word diff and its
kind, and the tree lists new-document order with deleted and moved-away units shown
where they stood in the old version.

Guarantees: every unit of both versions is in exactly one `Change`; a change shown
at two places (a move) is the same object at both.
"""

from __future__ import annotations

from collections import defaultdict

from redline.changes import (
    PART_SEPARATOR,
    Change,
    ChangeKind,
    CompareOptions,
    Node,
    Place,
    Side,
    replaced,
)
from redline.comparison.align import Alignment
from redline.comparison.evidence import explain_group, explain_pair
from redline.comparison.flatten import Flat, regions
from redline.comparison.moves import displaced_merges, displaced_splits
from redline.comparison.note_changes import note_nodes
from redline.comparison.pieces import whole_old_words
from redline.comparison.worddiff import diff_words, ops_similarity, texts_equal
from redline.progress import Progress

_SETTLED = (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)


def _side(flats: list[Flat], index: int) -> Side:
    flat = flats[index]
    unit = flat.unit
    return Side(unit.eid, unit.element, unit.num, flat.label, unit.heading, unit.text,
                flats[flat.top].unit.eid if flat.top >= 0 else "")  # fmt: skip


class TreeBuilder:
    """Builds changes and the redline tree from an alignment."""

    def __init__(
        self,
        alignment: Alignment,
        options: CompareOptions,
        moved: set[int],
        progress: Progress,
    ) -> None:
        self.al = alignment
        self.progress = progress
        self.built = 0
        self.move_depth = 0  # > 0 while building the new position of a moved unit
        self.options = options
        self.moved = moved
        # Each region's root is a negative key among parent indices, in reading order.
        self.roots = {r: -1 - i for i, r in enumerate(regions(alignment.new, alignment.old))}
        self.starts: dict[str, int] = {}
        self.old_kids = self._children(alignment.old)
        self.new_kids = self._children(alignment.new)
        self.split_of_new = {n: (o, ns) for o, ns in alignment.splits for n in ns}
        self.split_old = dict(alignment.splits)
        self.displaced = displaced_splits(alignment, moved)
        self.displaced_merges = displaced_merges(alignment, moved)
        self.merge_of_new = {n: os for os, n in alignment.merges}
        self.merge_old = {o: (os, n) for os, n in alignment.merges for o in os}
        self.cache: dict[tuple[object, ...], Change] = {}
        self.notes_by_new, self.notes_by_old = note_nodes(alignment, options)

    def _children(self, flats: list[Flat]) -> dict[int, list[int]]:
        kids: dict[int, list[int]] = defaultdict(list)
        for flat in flats:
            kids[flat.parent if flat.parent >= 0 else self.roots[flat.region]].append(flat.index)
        return kids

    def build(self) -> tuple[Node, ...]:
        """The tree; `starts` then holds the index of each region's first node."""
        nodes: list[Node] = []
        for region, root in self.roots.items():
            self.starts[region] = len(nodes)
            nodes += self._children_nodes(root, root)
        return tuple(nodes)

    # -- placing children -------------------------------------------------------------

    def _children_nodes(self, old_parent: int | None, new_parent: int | None) -> list[Node]:
        new_kids = self.new_kids.get(new_parent, []) if new_parent is not None else []
        old_kids = self.old_kids.get(old_parent, []) if old_parent is not None else []
        old_here = set(old_kids)
        nodes: list[Node] = []
        anchors: list[int] = []  # old position of each kept node, for placing old-only ones
        for new in new_kids:
            nodes.append(self._node_for_new(new))
            old = self.al.pair_new.get(new)
            if old is None:  # a piece of a split or a merge stands where its old unit stood
                old = self._group_anchor(new)
            kept = old is not None and old in old_here and new not in self.moved
            kept = kept and not (new in self.split_of_new and old in self.displaced)
            kept = kept and new not in self.displaced_merges
            anchors.append(old if kept and old is not None else -1)
        # An old-only unit goes after the last kept node that stood before it: one sweep
        # over the anchors in old order (old kids come in document order), not a scan each.
        placed = sorted((a, i) for i, a in enumerate(anchors) if a >= 0)
        ghosts: dict[int, list[Node]] = defaultdict(list)
        seen = after = -1
        for old in old_kids:
            while seen + 1 < len(placed) and placed[seen + 1][0] < old:
                seen += 1
                after = max(after, placed[seen][1])
            ghost = self._ghost_for_old(old)
            if ghost is not None:
                ghosts[after].append(ghost)
        out = list(ghosts.get(-1, []))
        for i, node in enumerate(nodes):
            out.append(node)
            out.extend(ghosts.get(i, []))
        return out

    def _group_anchor(self, new: int) -> int | None:
        """The old unit a split piece or a merge shows in place of: the split unit, or
        the first of the merged ones (so old-only siblings keep their old order)."""
        if new in self.split_of_new:
            return self.split_of_new[new][0]
        if new in self.merge_of_new:
            return self.merge_of_new[new][0]
        return None

    def _notes(self, olds: tuple[int, ...], new: int | None) -> tuple[Node, ...]:
        """Note nodes shown under a unit: its new notes and its old notes that went away."""
        nodes = list(self.notes_by_new.get(new, [])) if new is not None else []
        for old in olds:
            nodes.extend(self.notes_by_old.get(old, []))
        return tuple(nodes)

    def _node_for_new(self, new: int) -> Node:
        self.built += 1
        if self.built % 256 == 0:
            self.progress("comparing words", self.built, len(self.al.new))
        old = self.al.pair_new.get(new)
        if old is not None:
            notes = self._notes((old,), new)
            moved_here = new in self.moved
            self.move_depth += moved_here
            try:
                kids = tuple(self._children_nodes(old, new)) + notes
            finally:
                self.move_depth -= moved_here
            change = self._pair_change(old, new, kids)
            if moved_here or self.move_depth:
                # The old position of a moved unit shows its whole old content (see
                # `_moved_from`); its new position must not show that content again.
                kids = tuple(k for k in kids if not _shown_at_old_place(k))
            return Node(change, Place.MOVED_TO if moved_here else Place.HERE, kids)
        if new in self.split_of_new:
            whole, members = self.split_of_new[new]
            change = self._group_change(ChangeKind.SPLIT, (whole,), members)
            part = members.index(new)
            notes = self._notes((whole,) if part == 0 else (), new)
            place = Place.MOVED_TO if whole in self.displaced else Place.HERE
            return Node(change, place, notes, part)
        if new in self.merge_of_new:
            olds = self.merge_of_new[new]
            change = self._group_change(ChangeKind.MERGED, olds, (new,))
            if new in self.displaced_merges:  # its old units are shown where they stood
                return Node(change, Place.MOVED_TO, self._notes((), new))
            return Node(change, Place.HERE, self._notes(olds, new))
        kids = tuple(self._children_nodes(None, new)) + self._notes((), new)
        return Node(self._single(ChangeKind.INSERTED, None, new), Place.HERE, kids)

    def _ghost_for_old(self, old: int) -> Node | None:
        """A node at the old position for units not shown there otherwise."""
        if old in self.merge_old and self.merge_old[old][1] in self.displaced_merges:
            return self._merged_from(old)
        if old in self.split_old or old in self.merge_old:
            group = self._group_at_old_place(old)
            return Node(group, Place.MOVED_FROM) if group is not None else None
        new = self.al.pair_old.get(old)
        notes = tuple(self.notes_by_old.get(old, []))
        if new is None:
            kids = tuple(self._children_nodes(old, None)) + notes
            return Node(self._single(ChangeKind.DELETED, old, None), Place.HERE, kids)
        if new in self.moved:
            return self._moved_from(old)
        return None

    def _moved_from(self, old: int) -> Node:
        """The old position of a moved unit: the whole old subtree, marked as moved."""
        kids = []
        for child in self.old_kids.get(old, []):
            if child in self.al.pair_old:
                kids.append(self._moved_from(child))
                continue
            ghost = self._ghost_for_old(child)
            if ghost is not None:
                kids.append(Node(ghost.change, Place.MOVED_FROM, ghost.children, ghost.part))
        change = self._pair_change(old, self.al.pair_old[old])
        return Node(change, Place.MOVED_FROM, tuple(kids))

    def _merged_from(self, old: int) -> Node:
        """The old place of one old unit of a displaced merge: its own text struck, with
        its notes (its deleted ones, and the old side of those the merged unit kept)."""
        olds, new = self.merge_old[old]
        change = self._group_change(ChangeKind.MERGED, olds, (new,))
        prefix = f"{self.al.old[old].unit.eid}__"
        kept = [
            node
            for node in self.notes_by_new.get(new, [])
            if node.change.old and node.change.old[0].eid.startswith(prefix)
        ]
        notes = tuple(sorted([*kept, *self.notes_by_old.get(old, [])], key=_old_anchor))
        return Node(change, Place.MOVED_FROM, notes, olds.index(old))

    def _group_at_old_place(self, old: int) -> Change | None:
        """The split or merge an old unit belongs to, to show struck at its old place (a
        split where its unit stood, a merge where its first unit stood) — only when its
        new place lies inside a moved unit or an inserted one, which show no old words,
        or for a split whose pieces stand elsewhere (`displaced_splits`)."""
        if old in self.split_old:
            news = self.split_old[old]
            if old in self.displaced or self._inside_move(news[0]):
                return self._group_change(ChangeKind.SPLIT, (old,), news)
        if old in self.merge_old:
            olds, new = self.merge_old[old]
            if old == olds[0] and self._inside_move(new):
                return self._group_change(ChangeKind.MERGED, olds, (new,))
        return None

    def _inside_move(self, new: int) -> bool:
        """True when the new unit lies inside the new place of a move or inside an
        inserted container: both are shown as inserted text, without old words."""
        parent = self.al.new[new].parent
        while parent >= 0:
            if parent in self.moved or parent not in self.al.pair_new:
                return True
            parent = self.al.new[parent].parent
        return new in self.moved

    # -- changes ------------------------------------------------------------------------

    def _pair_change(self, old: int, new: int, kids: tuple[Node, ...] | None = None) -> Change:
        key = ("pair", old, new)
        if key in self.cache:
            return self.cache[key]
        if kids is None:
            kids = tuple(self._children_nodes(old, new)) + self._notes((old,), new)
        o, n = self.al.old[old], self.al.new[new]
        moved = new in self.moved
        num_changed = o.unit.num.strip() != n.unit.num.strip()
        heading_ops = diff_words(o.unit.heading, n.unit.heading, self.options)
        heading_changed = not texts_equal(o.unit.heading, n.unit.heading, self.options)
        if o.leaf and n.leaf:
            ops = diff_words(o.unit.text, n.unit.text, self.options)
            text_changed = heading_changed or not texts_equal(
                o.unit.text, n.unit.text, self.options
            )
            similarity = ops_similarity(ops)
        else:
            ops = ()
            text_changed = heading_changed or any(
                k.change.kind not in _SETTLED and k.change.element != "authorialNote" for k in kids
            )
            similarity = 1.0 if not text_changed else _kids_similarity(kids)
        if moved:
            kind = ChangeKind.MOVED
        elif text_changed:
            kind = ChangeKind.MODIFIED
        elif num_changed or any(k.change.kind is ChangeKind.RENUMBERED for k in kids):
            kind = ChangeKind.RENUMBERED
        else:
            kind = ChangeKind.UNCHANGED
        matched_by, confidence = explain_pair(self.al, old, new, similarity)
        change = Change(kind, n.unit.element, (_side(self.al.old, old),),
                        (_side(self.al.new, new),), similarity, ops, heading_ops,
                        text_changed, num_changed, moved, matched_by, confidence)  # fmt: skip
        self.cache[key] = change
        return change

    def _single(self, kind: ChangeKind, old: int | None, new: int | None) -> Change:
        flats, index = (self.al.old, old) if old is not None else (self.al.new, new)
        assert index is not None
        key = (kind, index)
        if key not in self.cache:
            flat = flats[index]
            text, heading = flat.unit.text, flat.unit.heading
            ops, heading_ops = (
                (replaced(text, ""), replaced(heading, ""))
                if old is not None
                else (replaced("", text), replaced("", heading))
            )
            side = (_side(flats, index),)
            self.cache[key] = Change(kind, flat.unit.element,
                                     side if old is not None else (),
                                     side if new is not None else (),
                                     0.0, ops, heading_ops,
                                     text_changed=True)  # fmt: skip
        return self.cache[key]

    def _group_change(
        self, kind: ChangeKind, olds: tuple[int, ...], news: tuple[int, ...]
    ) -> Change:
        key = (kind, olds, news)
        if key not in self.cache:
            old_text = PART_SEPARATOR.join(self.al.old[o].unit.text for o in olds)
            new_text = PART_SEPARATOR.join(self.al.new[n].unit.text for n in news)
            ops = diff_words(old_text, new_text, self.options)
            if kind is ChangeKind.SPLIT:
                ops = whole_old_words(ops)
            matched_by, confidence = explain_group(self.al, olds, news)
            self.cache[key] = Change(
                kind,
                self.al.new[news[0]].unit.element,
                tuple(_side(self.al.old, o) for o in olds),
                tuple(_side(self.al.new, n) for n in news),
                ops_similarity(ops),
                ops,
                text_changed=True,
                matched_by=matched_by,
                confidence=confidence,
            )
        return self.cache[key]


def _shown_at_old_place(node: Node) -> bool:
    """True for the nodes a moved unit's old position already shows: units deleted
    from it and units moved away from it (notes are shown with their text)."""
    if node.change.element == "authorialNote":
        return False
    return node.place is Place.MOVED_FROM or not node.change.new


def _kids_similarity(kids: tuple[Node, ...]) -> float:
    values = [k.change.similarity for k in kids if k.change.element != "authorialNote"]
    return round(sum(values) / len(values), 4) if values else 0.0


def _old_anchor(node: Node) -> int:
    """Where a note node's old marker stands in its unit (its new one when it has none)."""
    return (node.change.old or node.change.new)[0].anchor
