"""The components of two versions in the redline: each one's title and where its units
begin in the tree (part of `redline.comparison.engine`).

A component pairs with the component of the same name in the other version, as its
units do (`redline.comparison.flatten.regions`). Guarantees: one `Component` for each
component of either version, nested ones after the one holding them, in the order
the tree shows their units; its title's word operations keep both titles' exact
characters (`accept` gives the new title, `reject` the old one, "" where there is
none).
"""

from __future__ import annotations

from redline.changes import CompareOptions, Component, WordOp, replaced
from redline.comparison.flatten import component_regions
from redline.comparison.worddiff import diff_words
from redline.model import Document


def components(
    old: Document, new: Document, starts: dict[str, int], size: int, options: CompareOptions
) -> tuple[Component, ...]:
    """The components of `old` and `new`, placed by `starts` (the index of each region's
    first node in the tree, `redline.comparison.tree.TreeBuilder.starts`) in a tree of
    `size` top-level nodes."""
    olds, news = _every(old), _every(new)
    names = list(dict.fromkeys([*news, *olds]))  # the order of `regions`: new ones first
    found = {
        name: min((at for region, at in starts.items() if region.startswith(name + "/")),
                  default=-1)
        for name in names
    }  # fmt: skip
    following = size
    for name in reversed(names):  # a component without units stands before the next one
        found[name] = following = found[name] if found[name] >= 0 else following
    placed = sorted(names, key=lambda name: (found[name], names.index(name)))
    return tuple(
        Component(found[name], _title_ops(olds.get(name), news.get(name), options),
                  name.count("component:"))
        for name in placed
    )  # fmt: skip


def _every(document: Document, prefix: str = "") -> dict[str, Document]:
    """Every component of `document`, nested ones included, by the name of its regions."""
    found: dict[str, Document] = {}
    for name, component in component_regions(document, prefix):
        found[name] = component
        found.update(_every(component, name + "/"))
    return found


def _title_ops(
    old: Document | None, new: Document | None, options: CompareOptions
) -> tuple[WordOp, ...]:
    before = old.meta.title if old else ""
    after = new.meta.title if new else ""
    return diff_words(before, after, options) if before and after else replaced(before, after)
