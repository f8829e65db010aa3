"""PDF renderer: the HTML redline laid out on paper by WeasyPrint.

The last stage of the pipeline for ``--format pdf``. It renders the page of
`redline.renderers.html.page` with a print stylesheet (paper size, running header naming both
versions, page x of y, change bars, one bookmark per article, metadata from the
page's title and description, DejaVu fonts embedded). Guarantees: the renderer reads
nothing but the page itself: its URL fetcher refuses every URL, local or remote; time
and memory grow with the number of pages (about 0.2-0.5 s and 2 MB a page), and a
document estimated past `MAX_PAGES` is refused before layout with a message saying
so; notes are footnotes up to `MAX_FOOTNOTES` (WeasyPrint lays out a page again for
each footnote on it), endnotes beyond; nesting as deep as the XML parser admits is
laid out (on a thread with a deep stack), not a RecursionError.
"""

from __future__ import annotations

import copy
import math
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

with warnings.catch_warnings():
    # Without the system's HarfBuzz-Subset library the PDF is still complete (fonts
    # are subset another way); the notice about future versions is not ours to show.
    warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
    from weasyprint import HTML
    from weasyprint.document import Page
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.background import layout_box_backgrounds
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

from redline.changes import Comparison, Node
from redline.errors import InputError, UsageError
from redline.renderers import RenderOptions
from redline.renderers.html.page import asset, build_page, serialize

PAPER = {"a4": "A4", "letter": "letter"}

#: Word-spacing nudges tried, in turn, on a paragraph the layout broke badly.
NUDGES = ("-0.3px", "0.3px", "-0.6px")

#: Longest document (pages) whose bad line breaks get more than one repair attempt.
REPAIR_PAGES = 50

_SAFE_ID = re.compile(r"^[A-Za-z0-9_\-]+$")

MAX_PAGES = 500
"""Longest PDF laid out, in estimated pages (`estimate_pages`): about three minutes and
1 GB. A longer redline is refused at once; its HTML has no such limit."""
MAX_FOOTNOTES = 50
"""Most notes laid out as footnotes; a redline with more lists them at the end."""
_LINE_CHARS, _PAGE_LINES = 90, 30
"""The estimate's measures: characters in a line, lines (with their spacing) a page."""
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "li"})
_STACK_BYTES = 512 * 1024 * 1024
"""The layout thread's stack: WeasyPrint recurses a few frames per nested box."""
_RECURSION = 60_000
"""The recursion limit while laying out (the parser admits 200 nested elements, each a
few boxes deep, each box some ten frames)."""


class RefusingFetcher(URLFetcher):  # type: ignore[misc]  # the library ships no type hints
    """A URL fetcher that fetches nothing: files, networks and data URLs alike."""

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        """Refuse `url`."""
        raise ValueError(f"redline loads no external resource (refused {url[:200]!r})")


def print_css(options: RenderOptions) -> str:
    """The print stylesheet for the chosen paper (landscape for two columns)."""
    if options.paper not in PAPER:
        raise UsageError(f"unknown paper size {options.paper!r}; expected one of a4, letter")
    orientation = " landscape" if options.layout == "side-by-side" else ""
    return asset("print.css") + f"\n@page {{ size: {PAPER[options.paper]}{orientation}; }}\n"


def _lines(box: Any, owner: str) -> Iterator[tuple[str, Any, Any]]:
    """Every line box under `box`, with the id of its nearest identified ancestor."""
    element = getattr(box, "element", None)
    if element is not None and element.get("id"):
        owner = element.get("id")
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield owner, box, child
        else:
            yield from _lines(child, owner)


def _words(box: Any) -> list[str]:
    text = getattr(box, "text", "")
    words = text.split() if isinstance(text, str) else []
    for child in getattr(box, "children", ()):
        words += _words(child)
    return words


def stranded(document: Any) -> set[str]:
    """Ids of blocks where a line holds one word though more would have fitted.

    The layout engine sometimes breaks a justified line before an inline element
    (a ``<del>``/``<ins>``) in the wrong place, leaving one word alone on a line in
    mid-paragraph; a legal reader takes that for a paragraph break. A line that ends
    at a line break of the text itself (``<br>``: a table of contents, a heading and
    its list) is where the text breaks, not stranded.
    """
    found: set[str] = set()
    for page in document.pages:
        for owner, block, line in _lines(page._page_box, ""):  # no public API for lines
            last = block.children[-1] is line
            if (
                not last
                and line.width < 0.5 * block.width
                and len(_words(line)) == 1
                and not _breaks(line)
            ):
                found.add(owner)
    return found


def _breaks(box: Any) -> bool:
    """Whether `box` holds a forced line break (``<br>``)."""
    if getattr(box, "element_tag", None) == "br":
        return True
    return any(_breaks(child) for child in getattr(box, "children", ()))


def _layout(page: str, fonts: Any = None) -> Any:
    return _deep(lambda: HTML(string=page, url_fetcher=RefusingFetcher()).render(font_config=fonts))


def _deep(work: Callable[[], Any]) -> Any:
    """`work()` on a thread with a deep stack and a high recursion limit."""
    result: list[Any] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as error:  # handed to the caller's thread as it is
            failure.append(error)

    limit = sys.getrecursionlimit()
    size = threading.stack_size(_STACK_BYTES)
    try:
        sys.setrecursionlimit(max(limit, _RECURSION))
        # A daemon: Ctrl-C or SIGTERM in the waiting caller ends the process at once.
        thread = threading.Thread(target=run, name="redline-pdf-layout", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no room for such a stack (a tight ulimit -v): lay out here
            sys.setrecursionlimit(limit)
            return work()
        thread.join()
    finally:
        threading.stack_size(size)
        sys.setrecursionlimit(limit)
    if failure:
        raise failure[0]
    return result[0]


def estimate_pages(page: Any) -> float:
    """About how many pages the laid-out `page` (an lxml tree) will fill, from its blocks
    and their text; within some 10% on the benchmark's documents, in milliseconds."""
    lines = 0
    for element in page.iter(*_BLOCKS):
        lines += max(1, math.ceil(len("".join(element.itertext())) / _LINE_CHARS))
    return lines / _PAGE_LINES


DEEP = 12
"""Nesting past which headings may be parted from what follows them: a chain of more
headings than a page holds, each kept with the next, lays out one heading a page."""
_LOOSE_HEADINGS = "\n.rl-head { page-break-after: auto; break-after: auto; }\n"


def _depth(nodes: tuple[Node, ...]) -> int:
    """How deep the redline tree nests (iteratively: it may be hundreds deep)."""
    deepest, stack = 0, [(node, 1) for node in nodes]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack += [(child, depth + 1) for child in node.children]
    return deepest


def _note_count(comparison: Comparison) -> int:
    return sum(1 for change in comparison.changes if change.element == "authorialNote")


def _nudge_rules(nudged: dict[str, int]) -> str:
    return "".join(
        f'\n[id="{owner}"] .rl-text {{ word-spacing: {NUDGES[min(step, len(NUDGES) - 1)]}; }}'
        for owner, step in nudged.items()
    )


def lay_out(comparison: Comparison, options: RenderOptions) -> Any:
    """The comparison laid out on pages (a WeasyPrint document), bad line breaks repaired.

    Paragraphs the layout breaks badly (see `stranded`) are repaired, in a document of
    up to `REPAIR_PAGES` pages (longer ones are not: on a long act even one more layout
    would double the time). First in place (`repair_in_place`): each such paragraph is
    laid out alone with a slightly different word spacing, and its lines replace the
    bad ones, so no other page moves. When a paragraph cannot be repaired so, the whole
    document is laid out again with the next of `NUDGES` on the paragraphs still
    stranded; that stops as soon as an attempt leaves no fewer stranded blocks than the
    one before (their breaks do not depend on the spacing), keeping the best layout.
    """
    css = print_css(options)
    if _depth(comparison.tree) > DEEP:
        css += _LOOSE_HEADINGS
    paged = _note_count(comparison) <= MAX_FOOTNOTES
    tree = build_page(comparison, options, css, paged=paged)
    pages = estimate_pages(tree)
    if pages > MAX_PAGES:
        raise InputError(
            f"the PDF would run to about {pages:,.0f} pages, more than the {MAX_PAGES}-page "
            "limit for a PDF redline; write HTML (-f html), or compare smaller parts"
        )
    fonts = FontConfiguration()  # one for every layout: repaired lines share its fonts
    document = _layout(serialize(tree).decode("utf-8"), fonts)
    if len(document.pages) > REPAIR_PAGES:
        return document
    bad = _repairable(document)
    left = {owner for owner in sorted(bad) if not repair_in_place(document, tree, owner, fonts)}
    nudged: dict[str, int] = {}
    for _attempt in range(len(NUDGES) if left else 0):
        for owner in bad:
            nudged[owner] = nudged.get(owner, -1) + 1
        page = serialize(build_page(comparison, options, css + _nudge_rules(nudged), paged=paged))
        retry = _layout(page.decode("utf-8"), fonts)
        still = _repairable(retry)
        if len(still) >= len(left):  # no better: another nudge would not do better
            break
        document, left, bad = retry, still, still
        if not left:
            break
    return document


def repair_in_place(document: Any, tree: Any, owner: str, fonts: Any) -> bool:
    """Repair block `owner`'s stranded line without laying out the document again.

    The block's element is laid out alone (the page reduced to it and its ancestors,
    the same stylesheet and fonts) with each of `NUDGES` in turn. The first layout in
    which it is one block as wide as before, no taller and with no stranded line gives
    its lines, moved into place, to `document`'s block; lines it saves become space at
    the block's end, so nothing after it moves. False (nothing changed) when the block
    spans pages or no nudge gives such a layout.
    """
    mine = _blocks(document, owner)
    if len(mine) != 1:
        return False
    number, block = mine[0]
    alone = _alone(tree, owner)
    head = alone.find("head")
    if head is None:
        return False
    rule = head.makeelement("style", {})
    head.append(rule)
    for spacing in NUDGES:
        rule.text = f'[id="{owner}"] .rl-text {{ word-spacing: {spacing}; }}'
        trial = _layout(serialize(alone).decode("utf-8"), fonts)
        theirs = _blocks(trial, owner)
        if len(theirs) == 1 and theirs[0][0] == 0 and owner not in stranded(trial):
            other = theirs[0][1]
            if abs(other.width - block.width) < 0.01 and other.height <= block.height + 0.01:
                _splice(document, number, block, other)
                return True
    return False


def _blocks(document: Any, owner: str) -> list[tuple[int, Any]]:
    """(page number, box) of each box holding lines of block `owner`."""
    found: list[tuple[int, Any]] = []
    for number, page in enumerate(document.pages):
        for line_owner, block, _line in _lines(page._page_box, ""):
            if line_owner == owner and not any(block is known for _, known in found):
                found.append((number, block))
    return found


def _alone(tree: Any, owner: str) -> Any:
    """A copy of the page reduced to element `owner`, its ancestors and the head."""
    alone = copy.deepcopy(tree)
    node = alone.xpath("//*[@id=$owner]", owner=owner)[0]
    while node.getparent() is not None:
        parent = node.getparent()
        for sibling in list(parent):
            if sibling is not node and sibling.tag != "head":
                parent.remove(sibling)
        node = parent
    return alone


def _splice(document: Any, number: int, block: Any, other: Any) -> None:
    """Put `other`'s lines in `block`'s place on page `number` (backgrounds, links and
    anchors of the page computed again for their new places)."""
    dx = block.content_box_x() - other.content_box_x()
    dy = block.content_box_y() - other.content_box_y()
    for child in other.children:
        child.translate(dx, dy)
    block.children = other.children
    page_box = document.pages[number]._page_box
    layout_box_backgrounds(page_box, block, _no_image)
    document.pages[number] = Page(page_box)


def _no_image(**_: Any) -> None:
    """The image fetcher of a repair: a redline page has no image."""
    return None


def _repairable(document: Any) -> set[str]:
    """The stranded blocks (`stranded`) whose id a nudge rule can name."""
    return {owner for owner in stranded(document) if _SAFE_ID.match(owner)}


def write_options(options: RenderOptions) -> dict[str, Any]:
    """The keyword arguments of WeasyPrint's ``write_pdf`` for a redline: the one place
    that sets them (the speed benchmark writes its WeasyPrint baseline with the same)."""
    del options  # the same PDF options for every layout and paper, for now
    return {}


def render_pdf(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as a PDF redline (``inline`` or ``side-by-side``, A4 or letter)."""
    pdf: bytes = lay_out(comparison, options).write_pdf(**write_options(options))
    return pdf
