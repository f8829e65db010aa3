"""The pairwise redlines of a history, each provision linking to its row of the table.

Renders each consecutive pair's comparison (already made for the history, so nothing is
compared twice) with the HTML renderer of `redline.renderers.html.page`, then gives every
top-level provision in it a link to its row of the synoptic table. Guarantees: the link
is an empty ``<a>`` whose label comes from CSS, so ``<main>`` still holds only the
documents' words; a provision that was deleted links through its old eId.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from redline.batch.jobs import output_names
from redline.history.table import row_id
from redline.history.values import History
from redline.renderers import RenderOptions
from redline.renderers.html.page import build_page, serialize
from redline.renderers.html.words import Element

LINK_CSS = (
    "\n.rl-history-link { float: right; font: 0.75em sans-serif; margin-left: 0.5em; }"
    '\n.rl-history-link::after { content: "history"; }\n'
)


def _keys(history: History, version: int) -> dict[str, tuple[str, str]]:
    """eId of each top-level provision of `version` -> (row id, label)."""
    return {
        side.eid: (row_id(lineage.key), lineage.label)
        for lineage in history.lineages
        if lineage.top
        for side in lineage.units[version]
    }


def add_history_links(page: Element, history: History, pair: int, table: str) -> int:
    """Link each top-level provision of the redline `page` of pair `pair` (v[pair] ->
    v[pair + 1]) to its row in the table at `table`; the number of links made."""
    new, old = _keys(history, pair + 1), _keys(history, pair)
    main = page.find(".//main")
    made = 0
    for element in list(main.iter()) if main is not None else ():
        found = element.get("id", "")
        target = new.get(found) or (old.get(found[4:]) if found.startswith("old-") else None)
        if target is None:
            continue
        row, label = target
        link = etree.Element("a", {"class": "rl-history-link", "href": f"{table}#{row}"})
        link.set("title", f"History of {label} across all versions")
        link.set("aria-label", f"history of {label}")
        link.text = ""
        element.insert(0, link)
        made += 1
    return made


def linked_redlines(history: History, table: str) -> Iterator[tuple[str, bytes]]:
    """(file name, HTML) of each consecutive pair's redline, linking to `table`."""
    pairs = list(zip(history.versions, history.versions[1:], strict=False))
    names = output_names([(a.source, b.source) for a, b in pairs], "html")
    options = RenderOptions()
    for index, (comparison, name) in enumerate(zip(history.comparisons, names, strict=True)):
        page = build_page(comparison, options, LINK_CSS)
        add_history_links(page, history, index, table)
        yield name, serialize(page)
