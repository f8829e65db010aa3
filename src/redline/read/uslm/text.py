"""The words of one USLM element as one unit's text: the lowest step of the USLM import.

`redline.read.uslm.body` calls `flatten` on every chapeau, content, continuation, recital and
heading it turns into a `Unit`. Quoted blocks that amend other laws, tables, lists and
tables of contents are flattened here too, because their insides are not provisions of
the bill being imported (a quoted ``SEC. 2.`` must not become this bill's section 2).

Guarantees of `flatten`:
1. Every character of every text node is kept, in document order, except XML layout
   whitespace: runs of spaces, tabs and newlines become one space, lines are stripped,
   empty lines are dropped. Non-breaking spaces, soft hyphens, typographic quotes and
   dashes are kept as they are. A ``<br>`` (a page break of the printed bill, even in
   mid-sentence) is a space.
2. Line breaks (``\\n``) stand between blocks: each ``<p>``, each provision inside a
   quoted block, each table row, list item and table-of-contents entry starts a new line
   (so the AKN writer gives each its own ``<p>``), except a provision right after its
   parent's num (no heading or chapeau between), which runs in on that line with no
   space, as printed (``“(E)(i) is inadmissible``). Text after a quoted block (``”.``)
   stays on the quoted block's last line, as printed.
3. Within a line, the parts of a block (num, heading, chapeau, content; table cells;
   a contents entry's designator and label) are separated by one space; inline markup
   (``<i>``, ``<ref>``, ``<quotedText>``, ``<proviso>`` ...) adds no space at all.
4. Footnotes (``<footnote>``) are not part of the text: each becomes a `FlatNote` whose
   offset is the exact place of the footnote in the returned text.
5. `SKIPPED` elements (margin notes, page markers) leave no trace in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from redline.read.us_levels import PROVISIONS as US_PROVISIONS

#: Provisions that may occur inside a quoted block or a recital; each starts a new line.
PROVISIONS = frozenset(US_PROVISIONS)
#: Elements inside ``<main>`` that are not legislative text, by their name in reports:
#: a public law's margin notes, Statutes at Large page markers and approval action.
SKIPPED: dict[str, str] = {
    "sidenote": "margin note",
    "page": "page marker",
    "action": "approval action",
}
#: Blocks that start a new line; what follows them continues their last line.
_OPENS_LINE = PROVISIONS | {"quotedContent", "continuation", "referenceItem", "tr", "listItem"}
#: Blocks that stand on lines of their own: what follows them starts a new line.
_OWN_LINES = frozenset({"p", "table", "caption", "toc", "list", "layout", "row"})
#: Parts of a line that are separated from their neighbours by one space.
_SPACED = frozenset(
    {
        "num",
        "heading",
        "subheading",
        "chapeau",
        "content",
        "td",
        "th",
        "designator",
        "label",
        "listContent",
        "column",
        "listItem",
    }
)
#: Footnote elements: kept as notes, not as text.
_NOTES = frozenset({"footnote"})

_NOTE_MARK = "\ue000"
"""Private-use character standing for a footnote's place until offsets are computed."""
_RUN_IN = "\ue001"
"""Private-use character eating the spaces after it (after a run-in heading)."""
_LAYOUT = re.compile(r"[ \t\r\n]+")
_SPACES = re.compile(r" +")
_RUN_IN_SPACES = re.compile(f"{_RUN_IN} *")


def _squash(text: str | None) -> str:
    """Runs of layout whitespace as one space (the pretty-printing between elements is
    mostly whitespace alone, which needs no regular expression)."""
    if not text:
        return ""
    if not text.strip(" \t\r\n"):
        return " "
    if "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text:
        return text  # already one line with single spaces: nothing to squash
    return _LAYOUT.sub(" ", text)


@dataclass(frozen=True, slots=True)
class FlatNote:
    """A footnote found while flattening, anchored in the flattened text."""

    marker: str
    """The printed marker (the footnote's ``<num>``), or its position among the notes."""
    offset: int
    """Character offset in `Flat.text` where the footnote stood."""
    text: str
    """The footnote's words, on one line."""


@dataclass(frozen=True, slots=True)
class Flat:
    """The text of one element, ready to become a unit's `text`."""

    text: str
    """The words, lines joined by ``\\n`` between blocks (see the module guarantees)."""
    notes: tuple[FlatNote, ...] = ()
    """Footnotes anchored in `text`, in order."""
    quoted_blocks: int = 0
    """How many quoted blocks (``<quotedContent>``) were flattened into `text`."""
    tables: int = 0
    """How many tables were flattened into `text`."""


_LOCAL_NAMES: dict[object, str] = {}
"""Tag -> local name: a bill has a few dozen distinct tags and tens of thousands of
elements, each asked for its name several times."""


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace (``""`` for comments and PIs)."""
    tag = element.tag
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        name = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < 4096:  # hostile input cannot grow it without bound
            _LOCAL_NAMES[tag] = name
        return name


def flatten(element: etree._Element, *, include_self: bool = True) -> Flat:
    """The words of `element` (or only of its content, when not `include_self`)."""
    parts: list[str] = []
    notes: list[tuple[str, str]] = []
    if include_self:
        _collect(element, parts, notes)
    else:
        _collect_inside(element, parts, notes)
    text, offsets = _assemble("".join(parts))
    flat_notes = tuple(
        FlatNote(marker, offset, body)
        for (marker, body), offset in zip(notes, offsets, strict=True)
    )
    names = [local_name(node) for node in element.iter()]
    return Flat(text, flat_notes, names.count("quotedContent"), names.count("table"))


def _collect(element: etree._Element, parts: list[str], notes: list[tuple[str, str]]) -> None:
    """Append the text of `element` (not its tail) to `parts`, with line and space marks."""
    name = local_name(element)
    if not name or name in SKIPPED:
        return
    if name in _NOTES:
        number = next((child for child in element if local_name(child) == "num"), None)
        marker = flatten(number).text if number is not None else ""
        inner: list[str] = [element.text or ""]
        for child in element:
            if local_name(child) not in ("num", ""):
                _collect(child, inner, [])
            inner.append(child.tail or "")
        body = _LAYOUT.sub(" ", "".join(inner).replace(_RUN_IN, "")).strip()
        notes.append((marker or str(len(notes) + 1), body))
        parts.append(_NOTE_MARK)
        return
    if name == "br":
        parts.append(" ")  # a printed line or page break (``verticalSpace="nextPage"``)
        return
    if element.get("role") == "after-quoted-block":
        _glue(parts)  # ``”.`` closes the quoted block's last line, as printed
    before = "\n" if name in _OPENS_LINE or name in _OWN_LINES else ""
    after = "\n" if name in _OWN_LINES else ""
    if name in PROVISIONS and _follows_num(element):
        _glue(parts)  # no heading or chapeau: it runs in after its parent's num, ``“(E)(i)``
        before = _RUN_IN
    if name in _SPACED:
        before, after = before or " ", after or " "
    parts.append(before)
    start = len(parts)
    _collect_inside(element, parts, notes)
    if name == "heading" and "".join(parts[start:]).rstrip().endswith("—"):
        after = _RUN_IN  # a run-in heading (``In general.—The``) takes no space after it
    parts.append(after)


def _follows_num(element: etree._Element) -> bool:
    """True for a provision standing right after its parent's ``<num>`` (the parent has
    no heading or chapeau), which GPO prints on the num's line."""
    previous = element.getprevious()
    return (
        previous is not None
        and local_name(previous) == "num"
        and not _squash(previous.tail).strip()
    )


def _glue(parts: list[str]) -> None:
    """Drop the spaces (not line breaks) at the end of `parts`."""
    while parts and not parts[-1].strip(" "):
        if "\n" in parts[-1]:
            return
        parts.pop()
    if parts:
        parts[-1] = parts[-1].rstrip(" ")


def _collect_inside(
    element: etree._Element, parts: list[str], notes: list[tuple[str, str]]
) -> None:
    """Append the text and children of `element`, without its own marks or tail."""
    parts.append(_squash(element.text))
    for child in element:
        _collect(child, parts, notes)
        parts.append(_squash(child.tail))


def _assemble(raw: str) -> tuple[str, list[int]]:
    """Normalise spaces per line, drop empty lines; return the text and the note offsets."""
    raw = _RUN_IN_SPACES.sub("", raw)
    lines = [(_SPACES.sub(" ", line) if "  " in line else line).strip() for line in raw.split("\n")]
    text = "\n".join(line for line in lines if line)
    offsets: list[int] = []
    while (position := text.find(_NOTE_MARK)) >= 0:
        offsets.append(position)
        text = text[:position] + text[position + 1 :]
    return text, offsets


def one_line(element: etree._Element | None) -> str:
    """The words of a short element (num, heading, title) on one line; ``""`` for None."""
    if element is None:
        return ""
    return " ".join(flatten(element, include_self=False).text.split("\n"))
