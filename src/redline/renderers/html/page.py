"""HTML renderer: a `Comparison` as one self-contained tracked-change page.

The last stage of the pipeline for ``--format html`` (and the first half of PDF).
Guarantees: the page is well-formed (it parses as XML and as HTML), loads nothing
from anywhere (inline CSS, a Content-Security-Policy that forbids remote loads, an
optional inline script allowed by its hash), escapes every character of the drafts,
and holds the redlined document, and only the documents' words, in ``<main>``;
summary, legend and navigation sit outside it.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

from lxml import etree

from redline.changes import Comparison, Node, Place
from redline.model import UNKNOWN_DATE, Metadata, shown_date
from redline.renderers import RenderOptions
from redline.renderers.html.evidence import add_evidence_summary
from redline.renderers.html.facts import change_key, node_id, node_mode
from redline.renderers.html.inline import render_inline
from redline.renderers.html.overview import (
    add_change_list,
    add_counts,
    add_notices,
    head_row,
    page_ids,
)
from redline.renderers.html.side import render_side_by_side
from redline.renderers.html.words import Context, Element, Mode, clean, diff_words, render_plain
from redline.renderers.labels import running_title

VOID = frozenset({"br", "meta", "input", "link", "hr", "img", "col", "wbr"})
LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}


def asset(name: str) -> str:
    """The text of a file in ``redline/renderers/html/assets``, checked safe to embed verbatim."""
    text = (
        resources.files("redline.renderers.html")
        .joinpath("assets", name)
        .read_text(encoding="utf-8")
    )
    if any(ch in text for ch in "<>&"):
        raise ValueError(f"asset {name} must not contain <, > or &")
    return text


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def version_name(meta: Metadata) -> str:
    """A short human name for a version: its label and date."""
    return clean(
        " ".join(part for part in (meta.version_label, f"({shown_date(meta.date)})") if part)
    )


def small_caps(old: Metadata, new: Metadata) -> frozenset[str]:
    """The node ids whose heading is printed in small caps, from each version's
    ``smallCaps`` fact (new eIds as they are, old ones as ``old-`` + eId)."""
    found = dict(new.extra).get("smallCaps", "").split()
    found += [f"old-{eid}" for eid in dict(old.extra).get("smallCaps", "").split()]
    return frozenset(found)


def _sub(parent: Element, tag: str, text: str = "", **attrs: str) -> Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    element.text = clean(text)
    element.tail = "\n"
    return element


def _head(html: Element, comparison: Comparison, css: str, script: str) -> None:
    head = _sub(html, "head")
    _sub(head, "meta", charset="utf-8")
    policy = (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash(script)}; base-uri 'none'; form-action 'none'"
    )
    _sub(head, "meta", http_equiv="Content-Security-Policy", content=policy)
    _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    old, new = comparison.old, comparison.new
    _sub(head, "title", f"Redline: {new.title}")
    subject = f"Changes from {old.title} {version_name(old)} to {new.title} {version_name(new)}"
    _sub(head, "meta", name="description", content=clean(subject))
    _sub(head, "meta", name="keywords", content=clean(f"redline, {old.work_uri}"))
    if new.date != UNKNOWN_DATE:
        _sub(head, "meta", name="dcterms.created", content=clean(new.date))
    _sub(head, "style", css)


def _versions(summary: Element, comparison: Comparison) -> None:
    compared = _sub(summary, "p", **{"class": "rl-compared"})
    old, new = comparison.old, comparison.new
    for meta, name in ((old, "rl-old-name"), (new, "rl-new-name")):
        span = _sub(compared, "span", f"{meta.title} {version_name(meta)}", **{"class": name})
        # the PDF's running header: a long title shortened (in full on the first page)
        span.set("data-running", clean(f"{running_title(meta.title)} {version_name(meta)}"))
        if name == "rl-old-name":
            _sub(compared, "span", " compared with ").tail = ""
    table = _sub(summary, "table", **{"class": "rl-versions"})
    row = _sub(table, "tr")
    for text in ("", "Title", "Version", "Date", "Expression"):
        _sub(row, "th", text)
    for name, meta, tag in (("Old", comparison.old, "del"), ("New", comparison.new, "ins")):
        row = _sub(table, "tr")
        _sub(_sub(row, "th"), tag, name)
        for text in (meta.title, meta.version_label, shown_date(meta.date), meta.expression_uri):
            _sub(row, "td", text)


def place_ids(tree: tuple[Node, ...]) -> dict[tuple[object, Place], str]:
    """The id of each place where a change is shown, keyed by change and place."""
    ids: dict[tuple[object, Place], str] = {}
    stack = list(reversed(tree))
    while stack:
        node = stack.pop()
        key = (change_key(node)[:2], node.place)
        ids.setdefault(key, node_id(node, node_mode(node)))
        stack.extend(reversed(node.children))
    return ids


def _correspondence(summary: Element, comparison: Comparison) -> None:
    _sub(summary, "h2", "Correspondence of provisions")
    table = _sub(summary, "table", **{"class": "rl-correspondence"})
    head_row(table, ("Old version", "New version", "Change"))
    rows = _sub(table, "tbody")
    ids = place_ids(comparison.tree)
    for change in comparison.correspondence:
        key = (tuple(s.eid for s in change.old), tuple(s.eid for s in change.new))
        here = ids.get((key, Place.HERE))
        old_id = ids.get((key, Place.MOVED_FROM), here)
        new_id = ids.get((key, Place.MOVED_TO), here)
        row = _sub(rows, "tr", **{"class": f"rl-{change.kind.value}"})
        for sides, target in ((change.old, old_id), (change.new, new_id)):
            cell = _sub(row, "td")
            label = ", ".join(s.label for s in sides) or "—"
            _sub(cell, "a", label, href=f"#{target}") if sides and target else _sub(
                cell, "span", label
            )
        _sub(
            row,
            "td",
            change.kind.value
            + (" (moved)" if change.moved and change.kind.value != "moved" else ""),
        )


def _legend(summary: Element) -> None:
    legend = _sub(summary, "aside", **{"class": "rl-legend"})
    _sub(legend, "h2", "How to read the changes")
    marks = _sub(legend, "dl")
    samples = (
        ("ins", "", "inserted text", "underlined"),
        ("del", "", "deleted text", "struck through"),
        (
            "ins",
            "rl-move",
            "moved text, new place",
            "double underline; inserted words inside it in bold, deleted words struck",
        ),
        (
            "del",
            "rl-move",
            "moved text, old place",
            "double strike-through, with a link to the new place",
        ),
    )
    for tag, cls, sample, words in samples:
        _sub(_sub(marks, "dt"), tag, sample, **({"class": cls} if cls else {}))
        _sub(marks, "dd", words)
    term = _sub(marks, "dt", "Article ")
    _sub(term, "del", "3")
    _sub(term, "ins", "4")
    _sub(marks, "dd", "renumbered: old number struck, new number underlined")
    _sub(_sub(marks, "dt"), "span", "changed block", **{"class": "rl-bar-sample"})
    _sub(marks, "dd", "a bar in the margin marks every block that changed")
    _sub(marks, "dt", "why paired")
    _sub(marks, "dd", "hover a provision: the evidence that paired it and how sure it is")


def _summary(body: Element, comparison: Comparison) -> Element:
    summary = _sub(body, "header", **{"class": "rl-summary"})
    _sub(summary, "h1", f"Redline: {comparison.new.title}")
    _versions(summary, comparison)
    return summary


def _controls(body: Element) -> None:
    """The "changes only" switch (CSS alone acts on it) and the place for navigation."""
    toggle = _sub(body, "input", type="checkbox", id="rl-changes-only", **{"class": "rl-toggle"})
    toggle.text = None
    _sub(
        body,
        "label",
        " Show changes only (collapse unchanged provisions)",
        **{"for": "rl-changes-only", "class": "rl-toggle"},
    )
    _sub(body, "nav", id="rl-nav", **{"class": "rl-nav", "aria-label": "changes"})


def _main(
    body: Element, comparison: Comparison, options: RenderOptions, paged_notes: bool
) -> Element:
    main = _sub(body, "main")
    if "us" in (comparison.old.country, comparison.new.country):
        main.set("class", "rl-us")  # US text as GPO prints it: levels indented by depth
    preface = _sub(main, "div", **{"class": "akn-preface"})
    title = _sub(preface, "p", **{"class": "akn-docTitle"})
    old, new = comparison.old.title, comparison.new.title
    render_plain(title, diff_words(old, new), Mode.NORMAL)
    if old != new:
        title.set("class", "akn-docTitle rl-changed")
    context = Context(
        ids={"rl-changes-only", "rl-nav"},
        notes_at_markers=paged_notes,
        small_caps=small_caps(comparison.old, comparison.new),
    )
    if options.layout == "side-by-side":
        titles = (
            f"Old: {comparison.old.title} {version_name(comparison.old)}",
            f"New: {comparison.new.title} {version_name(comparison.new)}",
        )
        columns = (clean(titles[0]), clean(titles[1]))
        render_side_by_side(main, comparison.tree, context, columns, comparison.components)
    else:
        render_inline(main, comparison.tree, context, comparison.components)
    return main


def build_page(
    comparison: Comparison, options: RenderOptions, extra_css: str = "", paged: bool = False
) -> Element:
    """The page as an lxml tree.

    `extra_css` is appended to the stylesheet; `paged` puts each note's body right after
    its marker, where paged media float it to the foot of the page (inline layout only).
    """
    script = asset("redline.js")
    html = etree.Element("html")
    language = LANGUAGES.get(comparison.new.language)
    if language:
        html.set("lang", language)
    css = asset("redline.css")
    if "us" in (comparison.old.country, comparison.new.country):
        css += asset("us.css")
    _head(html, comparison, css + extra_css, script)
    body = _sub(html, "body", **{"class": f"rl-layout-{options.layout}"})
    summary = _summary(body, comparison)
    add_notices(summary, comparison)
    _legend(summary)
    add_counts(summary, comparison)
    _correspondence(summary, comparison)
    add_evidence_summary(summary, comparison, options.min_confidence)
    _controls(body)
    _main(body, comparison, options, paged and options.layout != "side-by-side")
    add_change_list(summary, comparison, page_ids(html))
    _sub(body, "script", script)
    return html


def serialize(html: Element) -> bytes:
    """The page as bytes that parse both as XML and as HTML."""
    for element in html.iter():
        if element.tag not in VOID and element.text is None and not len(element):
            element.text = ""
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="xml", encoding="utf-8")


def render_html(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as a self-contained HTML page (``inline`` or ``side-by-side``)."""
    return serialize(build_page(comparison, options))
