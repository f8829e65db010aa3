"""The redline tree as one tracked-change document: the inline layout of the HTML renderer.

`render_inline` writes `Comparison.tree` as nested AKN-classed elements, each
component's title before its units, then the notes. Guarantees: every node becomes
exactly one element with class ``akn-<element>`` and the id
`redline.renderers.html.facts` gives it; the only words inside are the documents' own
(numbers, headings, text, note markers, note bodies, components' titles), so removing
``<ins>`` and unwrapping ``<del>`` gives the old version's words, and the reverse the
new version's.
"""

from __future__ import annotations

from lxml import etree

from redline.changes import Component, Node
from redline.renderers.html.evidence import set_evidence
from redline.renderers.html.facts import (
    SECTIONS,
    Facts,
    Moves,
    add_label,
    bookmark,
    bookmark_class,
    collect_moves,
    component_bookmark,
    has_change,
    mode_class,
    node_facts,
    node_mode,
    with_components,
)
from redline.renderers.html.notes import add_note_body, render_runs
from redline.renderers.html.words import Context, Element, Mode, clean, render_plain


def heading_class(facts: Facts, context: Context) -> str:
    """``akn-heading``, with ``rl-small-caps`` where the source prints it so."""
    return "akn-heading rl-small-caps" if facts.eid in context.small_caps else "akn-heading"


def runs_in(facts: Facts) -> bool:
    """True for a heading printed run in before its text (``(a) In general.—The``)."""
    return "".join(op.new or op.old for op in facts.heading).rstrip().endswith("—")


def add_gap(parent: Element, heading: Element, facts: Facts) -> None:
    """The space after a heading; after a run-in one (``In general.—The``) a space the
    US stylesheet hides, so the text still reads as separate words."""
    if not runs_in(facts):
        heading.tail = " "
        return
    gap = etree.SubElement(parent, "span", {"class": "rl-gap"})
    gap.text = " "


def add_head(
    parent: Element, facts: Facts, tag: str, element: str, context: Context | None = None
) -> Element | None:
    """The number and heading line of a section, or None when it has neither."""
    if not facts.num and not facts.heading:
        return None
    head = etree.SubElement(parent, tag, {"class": f"rl-head rl-head-{element}"})
    if facts.num:
        num = etree.SubElement(head, "span", {"class": "akn-num"})
        render_plain(num, facts.num, facts.mode)
        num.tail = " "
    if facts.heading:
        css = heading_class(facts, context) if context else "akn-heading"
        heading = etree.SubElement(head, "span", {"class": css})
        render_plain(heading, facts.heading, facts.mode)
    return head


def render_node(
    parent: Element,
    node: Node,
    inherited: Mode,
    context: Context,
    moves: Moves,
    depth: int = 0,
    level: int = 1,
) -> None:
    """Append the element of one node, and of its children, to `parent`; `level` is the
    PDF outline level its section entry takes (`bookmark_class`)."""
    facts = node_facts(node, node_mode(node, inherited), context, moves)
    element_name = node.change.element
    is_section = element_name in SECTIONS or (facts.children and not facts.text)
    tag = "section" if is_section and element_name in SECTIONS else "div"
    classes = [f"akn-{element_name}", f"rl-{node.change.kind.value}", *mode_class(facts.mode)]
    classes.append("rl-has-change" if has_change(node) else "rl-same")
    element = etree.SubElement(parent, tag, {"class": " ".join(classes), "id": facts.eid})
    element.tail = "\n"
    if node.change.old:
        element.set("data-old-eid", " ".join(clean(s.eid) for s in node.change.old))
    set_evidence(element, node.change)
    if tag == "section":
        head = add_head(element, facts, f"h{min(depth + 2, 6)}", element_name, context)
        if head is not None:
            head.tail = "\n"
            head.set("data-bookmark", bookmark(facts, node))
            entry, level = bookmark_class(element_name, level)
            extra = [entry] if entry else []
            extra += ["rl-changed"] if facts.changed else []
            head.set("class", " ".join([head.get("class", ""), *extra]))
        add_label(element if head is None else head, facts)
    elif facts.children and not facts.text:
        _add_container_num(element, facts, context)
    if facts.text or not facts.children:
        _add_text_block(element, facts, context, with_num=tag != "section")
    for child in facts.children:
        render_node(element, child, facts.mode, context, moves, depth + 1, level)


def _add_num_heading(
    parent: Element, facts: Facts, context: Context, num_class: str = "akn-num"
) -> None:
    if facts.num:
        num = etree.SubElement(parent, "span", {"class": num_class})
        render_plain(num, facts.num, facts.mode)
        num.tail = " "
    if facts.heading:
        heading = etree.SubElement(parent, "span", {"class": heading_class(facts, context)})
        render_plain(heading, facts.heading, facts.mode)
        add_gap(parent, heading, facts)


def _add_container_num(element: Element, facts: Facts, context: Context) -> None:
    """The number of a container: on its own line with its heading, if it has one (on the
    line of its intro when the heading runs in, ``(a) In general.—The ...``), else in
    the margin of its first line (``2.`` before an intro)."""
    if facts.heading:
        classes = "rl-head-line rl-run-in" if runs_in(facts) else "rl-head-line"
        line = etree.SubElement(element, "p", {"class": classes})
        line.tail = None if runs_in(facts) else "\n"  # no space before the run-on text
        _add_num_heading(line, facts, context)
        add_label(line, facts)
        if facts.changed:
            line.set("class", f"{classes} rl-changed")
        return
    _add_num_heading(element, facts, context, "akn-num rl-container-num")
    if facts.num and facts.changed:
        element[-1].set("class", "akn-num rl-container-num rl-changed")
    add_label(element, facts)


def _add_text_block(element: Element, facts: Facts, context: Context, with_num: bool) -> None:
    block = etree.SubElement(element, "p", {"class": "rl-text"})
    block.tail = "\n"
    if facts.changed:
        block.set("class", "rl-text rl-changed")
    if with_num:
        _add_num_heading(block, facts, context)
        add_label(block, facts)
    render_runs(block, facts.text, facts.mode, context, facts.notes, facts.separators)


def render_footnotes(parent: Element, context: Context) -> None:
    """The bodies of every note marker shown, in marker order, with their changes."""
    if not context.footnotes:
        return
    section = etree.SubElement(
        parent, "section", {"class": "rl-footnotes", "data-label": "Notes", "aria-label": "Notes"}
    )
    section.tail = "\n"
    for note in context.footnotes:
        add_note_body(section, note, "p").tail = "\n"


def add_component_title(parent: Element, component: Component) -> None:
    """A component's title, as its preface holds it: a heading with its changes, an
    entry of the PDF outline, with a bar in the margin when it changed."""
    preface = etree.SubElement(parent, "div", {"class": "akn-preface rl-component"})
    preface.tail = "\n"
    classes = "akn-docTitle rl-bm-1" + (" rl-changed" if component.changed else "")
    title = etree.SubElement(
        preface, "h2", {"class": classes, "data-bookmark": component_bookmark(component)}
    )
    render_plain(title, component.title_ops, Mode.NORMAL)


def render_inline(
    main: Element,
    tree: tuple[Node, ...],
    context: Context,
    components: tuple[Component, ...] = (),
) -> None:
    """The whole redline tree as one tracked-change document, each component introduced
    by its title, then the footnotes."""
    moves = collect_moves(tree)
    for item in with_components(tree, components):
        if isinstance(item, Component):
            add_component_title(main, item)
        else:
            render_node(main, item, Mode.NORMAL, context, moves)
    render_footnotes(main, context)
