"""Everything redline prints for people or CI goes through here: no input can forge a line.

A ground-floor module used by the command line (messages), the text and Markdown
renderers, ``redline text`` and the CI summary. Text from a file (a name, a heading, a
paragraph, an attribute value in a schema message) may hold carriage returns, line
feeds or other characters that terminals and CI runners treat as line ends; printed
raw, a draft could add a line of its own to a CI log, and GitHub Actions obeys lines
that start with ``::`` (``::error::``, ``::add-mask::``, ``::stop-commands::``).
Guarantees:
1. `inline` and `one_line` return text with no line end of any kind (LF, CR, VT, FF,
   the C1 ``NEL``, ``U+2028``/``U+2029``, the file/group/record separators) and no
   other control character: each is shown as its escape (``\\r``, ``\\x1b``, ``\\u2028``).
2. `guard` leaves no line (split on LF, CR or CRLF) starting with ``::`` and no ``##[``
   (the runner's older command syntax, obeyed anywhere in a line): a backslash goes
   before the ``::`` or between the ``#``, which Markdown renders away and a person
   reads past.
3. `markdown` also escapes Markdown and its inline HTML (``|`` included, so a cell never
   breaks its table), on one line (a line feed becomes a space, as in Markdown's own
   reading of a paragraph; other line ends are escaped).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Every character that is a control or that some reader takes for a line end, and the
lone surrogates by which Python keeps the bytes of a file name that are not UTF-8."""
_CONTROL_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""The same, less the line feed and the tab (a text's own layout)."""
_COMMAND = re.compile(
    r"""
    ^([ \t]*)(?=::)   # a workflow command: '::' first on a line (after any indent)
    | \#\#(?=\[)      # the older '##[command]' form, which the runner finds anywhere
    """,
    re.MULTILINE | re.VERBOSE,
)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-+#>.)])")  # a list or heading marker


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    """``\\r`` for CR and the like, ``\\xNN`` for a byte that is not UTF-8 (kept by
    `os.fsdecode` as a surrogate), ``\\xNN`` or ``\\uNNNN`` for the others."""
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= ord(char) <= 0xDCFF:
        return f"\\x{ord(char) - 0xDC00:02x}"
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


#: Spaces a reader cannot tell from a plain space, by name: a change of spacing alone
#: (``[-<no-break space>-]{+ +}``) must not print as two blanks.
_SPACES = {
    "\u00a0": "<no-break space>",
    "\u202f": "<narrow no-break space>",
    "\u2007": "<figure space>",
    "\u2009": "<thin space>",
    "\u200a": "<hair space>",
    "\u2002": "<en space>",
    "\u2003": "<em space>",
    "\u3000": "<ideographic space>",
}


def spacing(text: str) -> str:
    """`text` with its special spaces named when it is spacing alone and not plain
    spaces (a change of spacing); any other text as it is.

    >>> spacing("\u00a0"), spacing(" "), spacing("Member\u00a0States")
    ('<no-break space>', ' ', 'Member\xa0States')
    """
    if text.isspace() and text.strip(" \t\n"):
        return _named(text)
    return text


def spacing_apart(old: str, new: str) -> tuple[str, str]:
    """A deleted `old` and the inserted `new` that replaces it, their special spaces
    named where the two differ in spacing alone: ``" November "`` replaced by
    ``"\u00a0November\u00a0"`` would print as the same words twice. Any other pair as
    it is.

    >>> spacing_apart(" November ", "\u00a0November\u00a0")
    (' November ', '<no-break space>November<no-break space>')
    >>> spacing_apart("May\u00a0", "June\u00a0")
    ('May\xa0', 'June\xa0')
    """
    if old == new or old.split() != new.split():
        return old, new
    return _named(old), _named(new)


def _named(text: str) -> str:
    """`text` with each special space by its name (`_SPACES`)."""
    return "".join(_SPACES.get(char, char) for char in text)


def inline(text: str) -> str:
    r"""`text` with every control character and line end shown as its escape.

    >>> inline("a\r::error::b\u2028c"), inline("caf\udce9.akn.xml")
    ('a\\r::error::b\\u2028c', 'caf\\xe9.akn.xml')
    """
    return _CONTROL.sub(_escape, text)


def layout(text: str) -> str:
    r"""`text` keeping its line feeds and tabs; every other control character escaped.

    >>> layout("one\ntwo\rthree\x1b[31m")
    'one\ntwo\\rthree\\x1b[31m'
    """
    return _CONTROL_BUT_LAYOUT.sub(_escape, text)


def guard(text: str) -> str:
    r"""`text` with no line that a CI runner would take for a command.

    >>> print(guard("ok\n  ::error::forged\nsee ##[warning]x"))
    ok
      \::error::forged
    see #\#[warning]x
    """
    return _COMMAND.sub(lambda found: "#\\#" if found.group() == "##" else f"{found[0]}\\", text)


def one_line(text: str) -> str:
    r"""A message on one line, safe to print: `inline`, then `guard`.

    >>> one_line("value 'a\n::error::forged'")
    "value 'a\\n::error::forged'"
    """
    return guard(inline(text))


def printed(text: str) -> str:
    r"""A whole multi-line output (``redline text``, a text diff): `layout`, then `guard`.

    >>> printed("::warning::x\r\n")
    '\\::warning::x\\r\n'
    """
    return guard(layout(text))


def markdown(text: str) -> str:
    r"""`text` escaped for Markdown and the HTML Markdown allows, on one line.

    >>> markdown("<script> *x* | y")
    '&lt;script&gt; \\*x\\* \\| y'
    >>> markdown("1. (a) non-State")
    '1\\. (a) non-State'
    >>> markdown("a\r\nb")
    'a\\r b'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = inline(text.replace("\n", " "))
    return _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2], text, count=1)
