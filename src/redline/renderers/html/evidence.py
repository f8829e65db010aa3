"""Why each provision was paired, on the page: attributes, a tooltip and a summary.

Every element of a paired unit carries ``data-matched-by`` (the evidence kinds, the
deciding one first), ``data-confidence`` and a ``title`` a reader sees on hover ("paired
by similar text 0.93, same heading"); the summary says how many pairings rest on weak
evidence and, when asked (``--min-confidence``), lists them with links.
"""

from __future__ import annotations

from lxml import etree

from redline.changes import WEAK_CONFIDENCE, Change, Comparison
from redline.comparison.evidence import describe
from redline.renderers.html.words import Element, clean
from redline.renderers.outline import pairing_title


def set_evidence(element: Element, change: Change) -> None:
    """The evidence attributes of a paired unit's element (nothing for inserted or
    deleted units, which no evidence pairs)."""
    if not change.matched_by or change.confidence is None:
        return
    element.set("data-matched-by", " ".join(kind.value for kind in change.matched_by))
    element.set("data-confidence", f"{change.confidence:.2f}")
    element.set("title", clean("paired by " + describe(change.matched_by, change.confidence)))


def add_evidence_summary(summary: Element, comparison: Comparison, below: float | None) -> None:
    """How many pairings are weak, and (with `below`) which pairings fall under it, each
    linking to the new unit (whose element's id is its eId)."""
    weak = comparison.weak_pairings()
    section = etree.SubElement(summary, "section", {"class": "rl-evidence"})
    etree.SubElement(section, "h2").text = "Evidence for the pairings"
    line = etree.SubElement(section, "p")
    count = len(weak)
    line.text = (
        f"{count} pairing{'s' if count != 1 else ''} rest{'s' if count == 1 else ''} on weak"
        f" evidence (confidence under {WEAK_CONFIDENCE:g}); hover a provision to see why it"
        " was paired."
    )
    if below is None:
        return
    listed = comparison.weak_pairings(below)
    etree.SubElement(section, "h3").text = f"Pairings to check (confidence under {below:g})"
    items = etree.SubElement(section, "ul", {"class": "rl-to-check"})
    for change in listed:
        item = etree.SubElement(items, "li")
        link = etree.SubElement(item, "a", {"href": "#" + clean(change.new[0].eid)})
        link.text = clean(pairing_title(change))
        link.tail = clean(": " + describe(change.matched_by, change.confidence))
    if not listed:
        etree.SubElement(items, "li").text = "none"
