"""What a page prints besides its text: running headers, page numbers, page breaks.

`redline.read.text.layout` asks these questions of a PDF-extracted text's lines; the
answers are shapes only (a symbol alone on its line, a number alone on its line, a
line that opens most pages), and whether such a line is the page's where it stands is
the layout's to decide (`layout._Reader.is_page_furniture`).
"""

from __future__ import annotations

import re
from collections import Counter

from redline.read.text.headings import match_container, match_heading

#: The characters a PDF line is padded with; other whitespace (no-break spaces) is text.
PAD = " \t"

_HEADER = re.compile(
    r"""
    ^[ \t]*
    (?:[A-Z]{1,5}/)+             # the issuing body: A/, A/HRC/, E/CN.4/ ...
    [A-Z0-9]+(?:\.[A-Z0-9]+)*    # session or number, dots only inside (E/CN.4)
    (?:/[A-Z0-9]+(?:\.[A-Z0-9]+)*)*  # further parts: /25/52, /XX/XX
    (?:[ \t]+\d{1,3})?           # a page number printed after the symbol
    [ \t]*$
    """,
    re.VERBOSE,
)

PAGE_NUMBER = re.compile(
    r"""
    ^[ \t]*
    (?:-[ \t]*)?\d{1,3}(?:[ \t]*-)?  # 7 or - 7 -
    [ \t]*$
    """,
    re.VERBOSE,
)


def is_page_break(raw: str) -> bool:
    """True for the whitespace-only line PDF extraction leaves at a page end.

    An empty line is a paragraph break; a line of spaces is a page break.
    """
    return raw != "" and raw.strip() == ""


def is_header(raw: str) -> bool:
    """True for a running header: a document symbol alone on its line.

    >>> is_header("                A/HRC/XX/XX ")
    True
    >>> is_header(" 6 A/HRC/RES/18/5. ")
    False
    """
    return _HEADER.match(raw) is not None


def alone_like_furniture(raw: str) -> bool:
    """Whether `raw` is what a page prints alone on a line: a document symbol or a page
    number (`is_page_furniture` decides whether it is the page's here)."""
    return is_header(raw) or PAGE_NUMBER.match(raw) is not None


def shape(raw: str) -> str:
    """A line with its numbers as ``#``: the running header of every page alike."""
    return _DIGITS.sub("#", raw.replace("\f", "").strip(PAD))


_DIGITS = re.compile(r"\d+")
#: Lines that open a provision beside the headings `match_heading` and `match_container`
#: know: an annex, a labelled paragraph or point.
_OPENS_PART = re.compile(r"^(?:Annex|ANNEX)\b|^\(?[0-9A-Za-z]{1,4}[.)]\s")
#: A line right after page breaks this many times, at least, and after half of them.
_RECURRING = 2


def recurring_edge_lines(raw_lines: list[str]) -> set[str]:
    """The shapes (`shape`) of the lines that open a page after most page breaks: an
    Official Journal's ``L 265/2 EN Official Journal of the European Union 12.10.2022``.
    A page opens after a form feed (on its line) or a page-break line of spaces."""
    firsts: Counter[str] = Counter()
    opening: set[str] = set()  # shapes some line of which opens a provision: never furniture
    breaks = 0
    for index, raw in enumerate(raw_lines):
        if "\f" in raw:
            at = index
        elif is_page_break(raw):
            at = index + 1
        else:
            continue
        breaks += 1
        while at < len(raw_lines) and not raw_lines[at].replace("\f", "").strip():
            at += 1
        if at < len(raw_lines):
            line = raw_lines[at].replace("\f", "").strip(PAD)
            firsts[shape(line)] += 1
            if match_heading(line) or match_container(line) or _OPENS_PART.match(line):
                opening.add(shape(line))
    return {
        shape
        for shape, count in firsts.items()
        if shape and count >= max(_RECURRING, breaks / 2) and shape not in opening
    }
