"""GPO's Bill DTD body as the USLM ``<main>`` it prints as: the structural step of the reader.

`redline.read.billdtd.reader` hands the ``legis-body`` (or ``resolution-body``) here and
gives the result to `redline.read.uslm.body.build_main`, the same code that builds the
units of a USLM bill: one mapping of US levels to AKN (`redline.read.us_levels`) for both
formats, so the same bill gives the same document from either.

Guarantees of `translate_body` (the tree it returns is in no namespace; the USLM
builder reads local names only):
1. Every level (``section`` ... ``subitem``, ``title``, ``division`` ...) keeps its name;
   ``enum`` becomes ``num`` and ``header`` becomes ``heading``, both as GPO prints them
   and USLM holds them: ``SEC. 2.`` (``SECTION 1.`` for the first), a section heading in
   capitals with a full stop (``SHORT TITLE.``), a lower heading in small caps run in
   before the text (``<inline class="smallCaps">In general</inline>.—``).
2. A level's ``text`` is its ``chapeau`` when sub-levels follow it, its
   ``continuation`` when it follows them, its ``content`` otherwise; ``continuation-text``
   is a ``continuation``.
3. A ``quoted-block`` becomes a ``quotedContent`` inside the text block before it, its
   ``after-quoted-block`` the run-on text after it: the quoted provisions are text of the
   provision that quotes them, never provisions of the bill. GPO prints an opening
   quotation mark before each quoted provision and a closing one after the last; so do
   we, and ``<quote>`` is printed between curly quotes.
4. The table of contents is kept as text, one entry a line, as in USLM.
5. A bill whose ``legis-body`` displays the enacting clause gets the enacting formula
   GPO prints for it (the words are not in the file, only the instruction to print them).
6. A level that breaks its siblings' numbering right after a sibling whose text
   announces ``the following:`` is the quoted text that sibling inserts, misplaced
   outside its ``quoted-block`` (as in GPO's enrolled S. 5, 119th Congress): it is kept
   as quoted text of that sibling, and a warning names it.
7. In an amendment document (``amendment-doc``), each ``amendment`` gives its
   ``amendment-instruction`` as text and its ``amendment-block`` (the text the
   instruction inserts, provisions included) as quoted text of that instruction, never
   as the bill's own sections; GPO prints no quotation marks around it, nor do we.
"""

from __future__ import annotations

from contextvars import ContextVar

from lxml import etree

from redline.akn.validate import num_values
from redline.read.us_levels import CAPITAL_HEADINGS, LEVELS, NUM_WORDS, RUN_IN_HEADINGS

ENACTING_FORMULA = (
    "Be it enacted by the Senate and House of Representatives of the United States of "
    "America in Congress assembled,"
)
"""The enacting clause GPO prints before a bill's ``legis-body``."""

#: Bill DTD level names that USLM spells otherwise.
_LEVEL_NAMES: dict[str, str] = {
    "appropriations-major": "appropriations",
    "appropriations-intermediate": "appropriations",
    "appropriations-small": "appropriations",
}
#: Bill DTD inline or block elements that USLM spells otherwise (for `flatten`).
_RENAMED: dict[str, str] = {
    "entry": "td",
    "list-item": "listItem",
    "toc-entry": "referenceItem",
    "multi-column-toc-entry": "referenceItem",
    "pagebreak": "br",
    "paragraph-text": "p",
}
#: Blocks of a level that hold its words.
_TEXTS = frozenset({"text", "continuation-text"})
#: Where the repairs of the translation running in this context are reported.
_WARNINGS: ContextVar[list[str]] = ContextVar("bill_dtd_warnings")
#: Quotation marks GPO prints around a ``<quote>``, by depth.
_QUOTES = (("“", "”"), ("‘", "’"))


def level_name(element: etree._Element) -> str:
    """The USLM level of a Bill DTD element; ``""`` when it is no level."""
    tag = element.tag if isinstance(element.tag, str) else ""
    name = _LEVEL_NAMES.get(tag, tag)
    return name if name in LEVELS else ""


def translate_body(
    body: etree._Element, *, enacting: bool, warnings: list[str] | None = None
) -> etree._Element:
    """A USLM-shaped ``<main>`` holding the formula and the levels of a Bill DTD body;
    repairs (guarantee 6) are reported in `warnings`."""
    main = etree.Element("main")
    _WARNINGS.set(warnings if warnings is not None else [])
    if enacting:
        etree.SubElement(main, "enactingFormula").text = ENACTING_FORMULA
    for child in body:
        if not isinstance(child.tag, str):
            continue
        if level_name(child):
            main.append(_level(child, quoted=False))
        elif child.tag in _TEXTS:
            main.append(_block("content", child))
        elif child.tag == "amendment":
            main.extend(_amendment(child))
        else:
            main.append(_inline(child))
    return main


def _amendment(source: etree._Element) -> list[etree._Element]:
    """An amendment of an amendment document (module guarantee 7): each instruction a
    text block, each amendment block the quoted text of the instruction before it."""
    blocks: list[etree._Element] = []
    for child in source:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "amendment-instruction":
            texts = [text for text in child if text.tag in _TEXTS] or [child]
            blocks.extend(_block("content", text) for text in texts)
        elif child.tag == "amendment-block":
            if not blocks:
                blocks.append(etree.Element("content"))
            _add_quoted(blocks[-1], child, marks=False)
        else:
            blocks.append(_block("content", child))
    return blocks


def _level(source: etree._Element, *, quoted: bool) -> etree._Element:
    """One level and its sub-levels, in USLM's shape (module guarantees 1-3)."""
    name = level_name(source)
    level = etree.Element(name)
    children = [child for child in source if isinstance(child.tag, str)]
    levels = [index for index, child in enumerate(children) if level_name(child)]
    text_block: etree._Element | None = None
    for index, child in enumerate(children):
        if child.tag == "enum" and _words(child).strip():
            level.append(_num(name, child, source, quoted=quoted))
        elif child.tag == "header":
            level.append(_heading(name, child))
        elif level_name(child):
            previous = _previous_level(children, index)
            if previous is not None and _misplaced_quote(previous, child):
                _keep_as_quoted(level, child)
            else:
                level.append(_level(child, quoted=quoted))
        elif child.tag in _TEXTS:
            text_block = _block(_text_role(child, index, levels), child)
            level.append(text_block)
        elif child.tag == "quoted-block":
            if text_block is None:
                text_block = etree.SubElement(level, "content")
            _add_quoted(text_block, child)
        elif child.tag != "enum":  # an empty enum: an unnumbered level
            level.append(_inline(child))
    return level


def _text_role(text: etree._Element, index: int, levels: list[int]) -> str:
    """``chapeau`` before the sub-levels, ``continuation`` after them, else ``content``."""
    if text.tag == "continuation-text" or (levels and index > levels[0]):
        return "continuation"
    return "chapeau" if levels else "content"


def _num(name: str, enum: etree._Element, level: etree._Element, *, quoted: bool) -> etree._Element:
    """The num of a level; in a quoted block, GPO prints an opening quote before it
    (unless the level runs in on the line of its parent: ``“(E)(i)``)."""
    num = etree.Element("num")
    num.text = _printed_num(name, enum, level)
    if quoted and level.get("display-inline") != "yes-display-inline":
        num.text = f"“{num.text}"
    return num


def _previous_level(children: list[etree._Element], index: int) -> etree._Element | None:
    """The level sibling standing right before ``children[index]``, if any."""
    before = [child for child in children[:index] if level_name(child)]
    return before[-1] if before else None


def _misplaced_quote(previous: etree._Element, level: etree._Element) -> bool:
    """True when `level` breaks the numbering after a sibling announcing quoted text."""
    text = previous.find("text")
    announced = text is not None and _words(text).rstrip().endswith("following:")
    if not announced or previous.find("quoted-block") is not None:
        return False
    before, this = (num_values(one.findtext("enum") or "") for one in (previous, level))
    return bool(before and this) and not any((s, v - 1) in before for s, v in this)


def _keep_as_quoted(parent: etree._Element, level: etree._Element) -> None:
    """Put a misplaced quoted level in the text of the sibling before it (guarantee 6)."""
    previous = [child for child in parent if child.tag in LEVELS][-1]
    blocks = [child for child in previous if child.tag in ("content", "chapeau", "continuation")]
    block = blocks[-1] if blocks else etree.SubElement(previous, "content")
    etree.SubElement(block, "quotedContent").append(_level(level, quoted=True))
    enum = level.findtext("enum") or ""
    _WARNINGS.get().append(
        f"line {level.sourceline}: {level.tag} {enum} stands outside the quoted-block "
        "its preceding sibling announces ('the following:'); kept as quoted text"
    )


def _printed_num(name: str, enum: etree._Element, level: etree._Element) -> str:
    """``SEC. 2.``, ``SECTION 1.``, ``TITLE I``, ``(a)``: the num as GPO prints it."""
    text = _words(enum).strip()
    if name == "section" and level.get("section-type") == "section-one":
        return f"SECTION {text}"
    word = NUM_WORDS.get(name)
    return f"{word} {text}" if word else text


def _heading(name: str, header: etree._Element) -> etree._Element:
    """The heading of a level as GPO prints it (module guarantee 1)."""
    heading = etree.Element("heading")
    if name in CAPITAL_HEADINGS:
        copied = _inline(header)
        heading.text = copied.text
        heading.extend(copied)
        for node in heading.iter():
            node.text = node.text.upper() if node.text else node.text
            if node is not heading:
                node.tail = node.tail.upper() if node.tail else node.tail
        if name == "section" and not _words(heading).rstrip().endswith("."):
            _append_text(heading, ".")
        return heading
    if name not in RUN_IN_HEADINGS:
        return _block("heading", header)
    small_caps = _inline(header)
    small_caps.tag = "inline"
    small_caps.set("class", "smallCaps")
    heading.append(small_caps)
    small_caps.tail = ".—"
    return heading


def _block(role: str, text: etree._Element) -> etree._Element:
    """A ``text`` as USLM ``content``, ``chapeau`` or ``continuation``."""
    block = _inline(text)
    block.tag = role
    return block


def _add_quoted(block: etree._Element, source: etree._Element, *, marks: bool = True) -> None:
    """Put a quoted block inside `block`, then its run-on text (module guarantee 3);
    `marks` prints the quotation marks GPO prints around a quoted block."""
    quoted = etree.SubElement(block, "quotedContent")
    after = ""
    for child in source:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "after-quoted-block":
            after += _words(child)
        elif level_name(child):
            quoted.append(_level(child, quoted=marks))
        elif child.tag in _TEXTS:
            paragraph = _block("p", child)
            paragraph.text = f"{'“' if marks else ''}{paragraph.text or ''}"
            quoted.append(paragraph)
        else:
            quoted.append(_inline(child))
    last = _last_text_block(quoted)
    if last is not None and marks:
        _append_text(last, "”")
    if after:
        run_on = etree.SubElement(block, "inline", role="after-quoted-block")
        run_on.text = after


def _last_text_block(quoted: etree._Element) -> etree._Element | None:
    """The block holding the last words of a quoted block (where its ``”`` goes)."""
    found = None
    for node in quoted.iter("content", "chapeau", "continuation", "p", "heading", "num"):
        found = node
    return found


def _words(element: etree._Element) -> str:
    """All the text inside `element`."""
    return "".join(str(text) for text in element.itertext())


def _append_text(element: etree._Element, text: str) -> None:
    """Add `text` right after the last character of `element`'s words."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "").rstrip() + text
    else:
        element.text = (element.text or "").rstrip() + text


def _inline(source: etree._Element, depth: int = 0) -> etree._Element:
    """A copy of `source` and its inline markup, without attributes (they are layout),
    in USLM's spelling; ``<quote>`` between curly quotes."""
    tag = str(source.tag)
    element = etree.Element(_RENAMED.get(tag, tag))
    element.text = source.text
    inner = depth + 1 if tag == "quote" else depth
    for child in source:
        if isinstance(child.tag, str):
            copied = _inline(child, inner)
            copied.tail = child.tail
            element.append(copied)
        elif child.tail:
            _append_text_raw(element, child.tail)
    if tag == "quote":
        opening, closing = _QUOTES[depth % 2]
        element.text = opening + (element.text or "")
        if len(element):
            element[-1].tail = (element[-1].tail or "") + closing
        else:
            element.text += closing
    return element


def _append_text_raw(element: etree._Element, text: str) -> None:
    """Append `text` where the next child's text would go (the tail of a dropped node)."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
