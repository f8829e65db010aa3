"""The lines of a laid-out PDF redline: which blocks hold a stranded word, and the
repair of one such block in place (part of the PDF renderer, `redline.renderers.pdf`).

WeasyPrint offers no public API for line boxes; these functions read its box tree
(tested on WeasyPrint 70). Guarantees: `stranded` reports a block only for a line of
one word that more words would have fitted (never for a line ended by ``<br>``); a
repair changes nothing unless the block's new lines fit in exactly its old box.
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
    from weasyprint.document import Page
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.background import layout_box_backgrounds

from redline.renderers.html.page import serialize

NUDGES = ("-0.3px", "0.3px", "-0.6px")
_SAFE_ID = re.compile(r"^[A-Za-z0-9_\-]+$")


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


def repair_in_place(document: Any, tree: Any, owner: str, layout: Callable[[str], Any]) -> bool:
    """Repair block `owner`'s stranded line without laying out the document again.

    The block's element is laid out alone by `layout` (the page reduced to it and its
    ancestors, the same stylesheet and fonts) with each of `NUDGES` in turn. The first
    layout in which it is one block as wide as before, no taller and with no stranded line gives
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
        trial = layout(serialize(alone).decode("utf-8"))
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


def repairable(document: Any) -> set[str]:
    """The stranded blocks (`stranded`) whose id a nudge rule can name."""
    return {owner for owner in stranded(document) if _SAFE_ID.match(owner)}
