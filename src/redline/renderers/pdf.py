"""PDF renderer: the HTML redline laid out on paper by WeasyPrint.

The last stage of the pipeline for ``--format pdf``. It renders the page of
`redline.renderers.html.page` with a print stylesheet (paper size, running header naming both
versions, page x of y, change bars, one bookmark per article, metadata from the
page's title and description, the date it is made, DejaVu fonts embedded, tagged as
PDF/UA-1 for screen readers). Guarantees: the renderer reads
nothing but the page itself: its URL fetcher refuses every URL, local or remote; time
and memory grow with the number of pages (about 0.2-0.5 s and 2 MB a page), and a
document estimated past `MAX_PAGES` is refused before layout with a message saying
so; notes are footnotes up to `MAX_FOOTNOTES` (WeasyPrint lays out a page again for
each footnote on it), endnotes beyond; nesting as deep as the XML parser admits is
laid out (on a thread with a deep stack), not a RecursionError.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, NoReturn

with warnings.catch_warnings():
    # Without the system's HarfBuzz-Subset library the PDF is still complete (fonts
    # are subset another way); the notice about future versions is not ours to show.
    warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

from redline.changes import Comparison, Node
from redline.errors import InputError, UsageError
from redline.renderers import RenderOptions
from redline.renderers.html.page import asset, build_page, serialize
from redline.renderers.pdf_caps import CSS as CAPITALS_CSS
from redline.renderers.pdf_caps import keep_capitals
from redline.renderers.pdf_lines import NUDGES, repair_in_place, repairable

PAPER = {"a4": "A4", "letter": "letter"}

#: Word-spacing nudges tried, in turn, on a paragraph the layout broke badly.

#: Longest document (pages) whose bad line breaks get more than one repair attempt.
REPAIR_PAGES = 50


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
    css += CAPITALS_CSS
    tree = build_page(comparison, options, css, paged=paged)
    keep_capitals(tree)
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
    bad = repairable(document)
    left = {
        owner
        for owner in sorted(bad)
        if not repair_in_place(document, tree, owner, partial(_layout, fonts=fonts))
    }
    nudged: dict[str, int] = {}
    for _attempt in range(len(NUDGES) if left else 0):
        for owner in bad:
            nudged[owner] = nudged.get(owner, -1) + 1
        again = build_page(comparison, options, css + _nudge_rules(nudged), paged=paged)
        keep_capitals(again)
        retry = _layout(serialize(again).decode("utf-8"), fonts)
        still = repairable(retry)
        if len(still) >= len(left):  # no better: another nudge would not do better
            break
        document, left, bad = retry, still, still
        if not left:
            break
    return document


PDF_VARIANT = "pdf/ua-1"
"""The PDF is tagged as PDF/UA-1 (structure tags, language, title shown): screen readers
follow its headings, tables and reading order."""


def made_at(environ: dict[str, str] | None = None) -> str:
    """When the redline is made, as a W3C date-time in UTC: ``$SOURCE_DATE_EPOCH`` when
    it is set to a whole number of seconds (reproducible builds), else now.

    >>> made_at({"SOURCE_DATE_EPOCH": "1700000000"})
    '2023-11-14T22:13:20Z'
    """
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_options(options: RenderOptions) -> dict[str, Any]:
    """The keyword arguments of WeasyPrint's ``write_pdf`` for a redline: the one place
    that sets them (the speed benchmark writes its WeasyPrint baseline with the same)."""
    del options  # the same PDF options for every layout and paper, for now
    return {"pdf_variant": PDF_VARIANT}


def render_pdf(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as a PDF redline (``inline`` or ``side-by-side``, A4 or letter),
    tagged (`PDF_VARIANT`), created and modified `made_at` now: the same bytes for the
    same inputs whenever ``$SOURCE_DATE_EPOCH`` is set."""
    document = lay_out(comparison, options)
    document.metadata.created = document.metadata.modified = made_at()
    pdf: bytes = document.write_pdf(**write_options(options))
    return pdf
