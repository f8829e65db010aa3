"""The summary's overview: banner, warnings, counts by kind of provision, list of changes.

Part of the HTML renderer (and so of the PDF). Builds, inside the page's summary
header, the parts that give a reader the redline at a glance. Guarantees: the banner
appears exactly when the comparison found no change; every warning of
`redline.comparison.sanity` is one list item; the counts table has one row per kind of
provision (`redline.renderers.listing.provision_counts`); the list of changes has one
row per `redline.renderers.listing.Entry`, its label linking to the place the change
is shown, and (print only) a page cell the PDF fills with the page of that place.
"""

from __future__ import annotations

from lxml import etree

from redline.changes import Comparison, Node
from redline.comparison.sanity import sanity_warnings
from redline.renderers.html.facts import node_id, node_mode
from redline.renderers.html.words import Element, Mode, clean, render_plain
from redline.renderers.listing import (
    Entry,
    list_changes,
    plural,
    provision_counts,
    provision_totals,
)

BANNER = "No textual changes: the two versions are identical"


def _sub(parent: Element, tag: str, text: str = "", **attrs: str) -> Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    element.text = clean(text)
    element.tail = "\n"
    return element


def add_notices(summary: Element, comparison: Comparison) -> None:
    """The no-change banner and the warnings, first thing under the versions."""
    if comparison.identical:
        _sub(summary, "p", BANNER, **{"class": "rl-banner", "role": "status"})
    warnings = sanity_warnings(comparison)
    if warnings:
        box = _sub(summary, "div", **{"class": "rl-warnings", "role": "note"})
        _sub(box, "h2", "Warnings")
        items = _sub(box, "ul")
        for warning in warnings:
            _sub(items, "li", warning[:1].upper() + warning[1:])


def head_row(table: Element, titles: tuple[str, ...]) -> Element:
    """A table's header row, in a ``thead`` so that paged media repeat it on every page."""
    row = _sub(_sub(table, "thead"), "tr")
    for title in titles:
        _sub(row, "th", title, scope="col")
    return row


def add_counts(summary: Element, comparison: Comparison) -> None:
    """Changes by kind, counted in provisions, one row per kind of provision."""
    _sub(summary, "h2", "Changes by kind")
    counts = provision_counts(comparison)
    totals = provision_totals(counts)
    kinds = [kind for kind, n in totals.items() if n] or list(totals)
    table = _sub(summary, "table", **{"class": "rl-counts"})
    head_row(table, ("Provisions", *kinds))
    body = _sub(table, "tbody")
    for element, row in counts.items():
        line = _sub(body, "tr")
        _sub(line, "th", plural(element), scope="row")
        for kind in kinds:
            _sub(line, "td", str(row[kind]), **{"class": "rl-count"})
    _sub(
        summary,
        "p",
        "Counted in provisions at every level; the JSON output also counts every text "
        "unit (intros, text blocks and lists included).",
        **{"class": "rl-counts-note"},
    )


def _target(entry: Entry) -> str:
    node: Node = entry.owner if entry.owner is not None else entry.node
    return node_id(node, node_mode(node))


def add_change_list(summary: Element, comparison: Comparison, ids: set[str]) -> None:
    """The list of changes: provision, kind, an excerpt around the first change, page.

    `ids` are the ids of the page; a label links only to one of them."""
    entries = list_changes(comparison)
    _sub(summary, "h2", "List of changes", id="rl-list-of-changes")
    if not entries:
        _sub(summary, "p", "None.")
        return
    table = _sub(summary, "table", **{"class": "rl-changes"})
    head_row(table, ("Provision", "Change", "Excerpt", "Page"))[-1].set("class", "rl-page")
    body = _sub(table, "tbody")
    for entry in entries:
        row = _sub(body, "tr", **{"class": f"rl-{entry.kind.split()[0]}"})
        target = _target(entry)
        cell = _sub(row, "td")
        if target in ids:
            _sub(cell, "a", entry.label, href=f"#{target}")
        else:
            _sub(cell, "span", entry.label)
        _sub(row, "td", entry.kind, **{"class": "rl-kind"})
        render_plain(_sub(row, "td", **{"class": "rl-excerpt"}), entry.excerpt, Mode.NORMAL)
        page = _sub(row, "td", **{"class": "rl-page"})
        if target in ids:
            _sub(page, "a", href=f"#{target}", **{"class": "rl-page-ref"})


def page_ids(html: Element) -> set[str]:
    """Every id in the page."""
    return {element.get("id", "") for element in html.iter() if element.get("id")}
