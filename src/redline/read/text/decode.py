"""Decoding a text source: the first step of `import_text`.

`decode` guarantees: the text is returned with line ends normalised to ``\\n`` and without a
byte order mark; empty, binary (a NUL byte), undecodable or control-character input raises
`InputError` naming the source and the line, in one line.
"""

from __future__ import annotations

import codecs
import re

from redline.errors import InputError, UsageError

#: Characters XML cannot hold, but a form feed (a page break the layout step removes).
#: Refused on reading, so that no command prints them: on a terminal they are escape
#: sequences that can hide or rewrite text.
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def _blank(source: str, data: bytes | str) -> InputError:
    """The error for a file with no text: empty, or only whitespace (a byte order mark
    alone counts as empty)."""
    what = "only whitespace" if data else "empty file"
    return InputError(f"{what}; expected the plain text of a draft", source=source)


def decode(data: bytes, source: str, encoding: str) -> str:
    """The text of `data`, line ends normalised to ``\\n``; refuses what is not a draft's text.

    A NUL byte means binary data, unless the encoding (UTF-16) decodes it away.
    """
    if not data.strip(b" \t\r\n\f"):
        raise _blank(source, data)
    try:
        text = data.decode(encoding)
    except LookupError as error:
        raise UsageError(f"unknown encoding {encoding!r}", source=source) from error
    except UnicodeDecodeError as error:
        if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            raise InputError(
                "UTF-16 text (it starts with a byte order mark); give --encoding utf-16",
                source=source,
                line=1,
            ) from error
        if b"\x00" in data:
            raise _binary(source, data.count(b"\n", 0, data.index(b"\x00")) + 1) from error
        raise InputError(
            f"byte 0x{data[error.start]:02x} is not valid {encoding}; give the right --encoding",
            source=source,
            line=data.count(b"\n", 0, error.start) + 1,
        ) from error
    if "\x00" in text:
        raise _binary(source, text.count("\n", 0, text.index("\x00")) + 1)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _blank(source, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        raise InputError(
            f"control character U+{ord(control.group()):04X}, not the plain text of a draft",
            source=source,
            line=text.count("\n", 0, control.start()) + 1,
        )
    return text


def _binary(source: str, line: int) -> InputError:
    return InputError(
        "binary data (a NUL byte), not the plain text of a draft", source=source, line=line
    )
