"""The bundled drafts "pasted in" the ways people paste them: variants made from the texts.

Each variant is made in the test run from a bundled text, never stored: from the PDF text
itself (CRLF line ends, no empty lines, tabs, ``ARTICLE N``, ``Art. N``, a no-break space
after ``Article``) and
from its plain text as ``redline text`` prints it (one line per paragraph; no blank lines;
wrapped at 72 columns as a PDF would; wrapped without blank lines).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

from redline.model import Document, ImportOptions
from redline.read.text.importer import import_text
from redline.renderers.plaintext import render_plaintext

_ARTICLE_LINE = re.compile(r"^(\s*)Article(\s+)(\d+)", re.MULTILINE)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def upper_article(text: str) -> str:
    return _ARTICLE_LINE.sub(r"\1ARTICLE\2\3", text)


def abbreviated_article(text: str) -> str:
    return _ARTICLE_LINE.sub(r"\1Art. \3", text)


def no_break_space(text: str) -> str:
    return _ARTICLE_LINE.sub("\\1Article\u00a0\\3", text)


def no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def wrapped(text: str) -> str:
    """Each paragraph wrapped at 72 columns, as a PDF's lines are."""
    out = []
    for line in text.split("\n"):
        out.append(textwrap.fill(line, 72, break_on_hyphens=False) if line.strip() else "")
    return "\n".join(out)


def wrapped_no_blank_lines(text: str) -> str:
    return no_blank_lines(wrapped(text))


def no_empty_lines(text: str) -> str:
    """The PDF text without its empty lines (its page-break lines of spaces kept)."""
    return "\n".join(line for line in text.split("\n") if line != "")


def tabs(text: str) -> str:
    """Indents of one space made tabs, as some extractions give them."""
    return text.replace("\n ", "\n\t")


RAW_VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": crlf,
    "no-empty-lines": no_empty_lines,
    "tabs": tabs,
    "ARTICLE": upper_article,
    "Art.": abbreviated_article,
    "no-break-space": no_break_space,
}
"""Variants of the PDF text."""

PLAIN_VARIANTS: dict[str, Callable[[str], str]] = {
    "unwrapped": lambda text: text,
    "no-blank-lines": no_blank_lines,
    "wrapped": wrapped,
    "wrapped-no-blank-lines": wrapped_no_blank_lines,
    "unwrapped-crlf-ARTICLE": lambda text: crlf(upper_article(text)),
}
"""Variants of the text `redline text` prints (one line per paragraph)."""


def import_string(text: str, options: ImportOptions) -> Document:
    return import_text(text.encode("utf-8"), "pasted.txt", options).document


def plain_text(document: Document) -> str:
    return render_plaintext(document)


def shape(document: Document) -> list[tuple[str, str, str, str, str, tuple[object, ...]]]:
    """What must be equal between variants: every unit's place, label, heading, words, notes."""
    return [
        (unit.element, unit.eid, unit.num, unit.heading, " ".join(unit.text.split()),
         tuple((note.marker, note.offset, note.text) for note in unit.notes))
        for unit in document.walk()
    ]  # fmt: skip
