"""Reading inputs: a path, ``-`` for stdin, or ``REV:path`` read through git.

Detects what a source holds (AKN XML, USLM XML, a Word .docx, or a draft's plain text)
and hands it to the right reader, so every command accepts the same kinds of input.
Guarantees: a returned `Document` is complete; anything unreadable raises `InputError`
naming the source.
"""

from __future__ import annotations

import codecs
import importlib
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from redline.akn.naming import AKN_NS, USLM_NS
from redline.errors import InputError
from redline.model import Document, ImportOptions, ImportResult


def read_bytes(spec: str) -> bytes:
    """The bytes of a source: ``-`` is stdin, ``REV:path`` is read through git.

    No more than the input size limit is read: a larger file, or a device or pipe that
    never ends (``/dev/zero``), is refused instead of filling the memory.
    """
    if spec == "-":
        return _read_limited(sys.stdin.buffer, spec)
    path = Path(spec)
    if not path.exists() and ":" in spec:
        from redline.read.git import read_revision

        return read_revision(spec)
    if not path.exists():
        raise InputError("no such file", source=spec)
    if path.is_dir():
        raise InputError("is a folder, not a file", source=spec)
    try:
        with path.open("rb") as stream:
            return _read_limited(stream, spec)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", source=spec) from error


def _read_limited(stream: BinaryIO, spec: str) -> bytes:
    """All of `stream` if it holds at most the input size limit; `InputError` otherwise."""
    from redline.xmlsafe import input_limit, too_large

    limit = input_limit()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(spec)
    return data


def sniff(data: bytes) -> str:
    """What the bytes hold: ``"akn"``, ``"uslm"``, ``"billdtd"`` (GPO's Bill DTD, root
    ``bill``, ``resolution`` or ``amendment-doc`` in no namespace), ``"xml"`` (other XML),
    ``"docx"`` (a zip or OLE file, for the Word reader to open or refuse) or ``"text"``.

    The answer is the namespace of the root element, wherever it starts: after an XML
    declaration, a DOCTYPE, comments or processing instructions of any length. XML
    may come in UTF-16 or UTF-32 (the XML parser reads them), so a byte order mark
    for those is honoured.

    >>> sniff('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'
    ...       .encode("utf-16"))
    'akn'
    >>> sniff(b"<?xml version='1.0'?><!--" + b"x" * 5000 + b'--><a:akomaNtoso xmlns:a="'
    ...       + AKN_NS.encode() + b'"/>')
    'akn'
    >>> sniff(b"<other xmlns:akn='" + AKN_NS.encode() + b"'/>"), sniff(b"Article 1")
    ('xml', 'text')
    """
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
        return "docx"  # a zip or an OLE file: the Word reader says what it really holds
    text = _utf8(data).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return "text"
    name, namespace = _root(text)
    if namespace == AKN_NS.encode():
        return "akn"
    if namespace == USLM_NS.encode():
        return "uslm"
    if not namespace and name in _BILL_DTD_ROOTS:
        return "billdtd"
    return "xml"


#: Root elements of GPO's Bill DTD XML (no namespace).
_BILL_DTD_ROOTS = (b"bill", b"resolution", b"amendment-doc")

#: What may stand before the root element, each up to its end (DOCTYPE: its internal
#: subset in brackets included).
_PROLOG = re.compile(
    rb"""
    \s+
    | <\?.*?\?>                      # XML declaration, processing instruction
    | <!--.*?-->                     # comment
    | <!DOCTYPE(?:[^\[>]|\[.*?\])*>   # DOCTYPE, with an internal subset in brackets
    """,
    re.DOTALL | re.VERBOSE,
)
_START_TAG = re.compile(
    rb"""
    <([^\s/>]+)                       # the root's name, perhaps prefixed
    ((?:[^>"']|"[^"]*"|'[^']*')*)    # its attributes, quoted values may hold '>'
    """,
    re.VERBOSE,
)


def _root(text: bytes) -> tuple[bytes, bytes]:
    """The root element's name and namespace URI (b"" when none is found or declared)."""
    position = 0
    while found := _PROLOG.match(text, position):
        position = found.end()
    tag = _START_TAG.match(text, position)
    if tag is None:
        return b"", b""
    name, attributes = tag.group(1), tag.group(2)
    prefix = name.split(b":")[0] if b":" in name else b""
    attribute = b"xmlns:" + prefix if prefix else b"xmlns"
    declared = re.search(rb"(?:^|\s)" + re.escape(attribute) + rb"""\s*=\s*(["'])(.*?)\1""",
                         attributes)  # fmt: skip
    return name, declared.group(2) if declared else b""


#: Byte order marks of the encodings XML may use besides UTF-8 (UTF-32 first: its
#: little-endian mark starts like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf8(data: bytes) -> bytes:
    """`data`, re-encoded as UTF-8 if a byte order mark says UTF-16/32."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="ignore").encode("utf-8")
    return data


#: Format name (what `sniff` answers) -> "module:function" of its reader. A reader takes
#: the source's bytes, its name for messages and the import options, and returns an
#: `ImportResult`; it is imported only when a source of its format arrives. A new format
#: is one new module and one entry here (and a rule in `sniff`).
READERS: dict[str, str] = {
    "akn": "redline.read.akn_input:import_akn",
    "uslm": "redline.read.uslm.reader:import_uslm",
    "billdtd": "redline.read.billdtd.reader:import_bill_dtd",
    "text": "redline.read.text.importer:import_text",
    "docx": "redline.read.docx.reader:import_docx",
}

Reader = Callable[[bytes, str, ImportOptions], ImportResult]


def import_source(spec: str, options: ImportOptions | None = None) -> ImportResult:
    """Read any supported source (a path, ``-`` or ``REV:path``) into a document."""
    return import_bytes(read_bytes(spec), spec, options)


def import_bytes(data: bytes, source: str, options: ImportOptions | None = None) -> ImportResult:
    """Read the bytes of a source of any supported format; `source` names it in messages.
    What the reader skipped or doubted goes with the document (`Metadata.import_notes`)."""
    kind = sniff(data)
    if kind not in READERS:
        from redline.xmlsafe import describe_root

        root = describe_root(data, source)
        message = f"XML that is neither Akoma Ntoso nor USLM (root element {root})"
        raise InputError(message, source=source)
    module_name, function_name = READERS[kind].split(":")
    reader: Reader = getattr(importlib.import_module(module_name), function_name)
    result = reader(data, source, options or ImportOptions())
    notes = tuple(_placed(note, source) for note in result.warnings + result.skipped)
    if not notes:
        return result
    document = result.document
    return replace(
        result, document=replace(document, meta=replace(document.meta, import_notes=notes))
    )


def load_document(spec: str, options: ImportOptions | None = None) -> Document:
    """Read any supported source and return just the document."""
    return import_source(spec, options).document


def _placed(note: str, source: str) -> str:
    """A reader's warning as a redline says it: by its place in the version, not by the
    file's path on the machine that read it (``/home/…/uk.xml:464: duplicate eId`` is
    ``line 464: duplicate eId``), since a redline is shared where the path means nothing.

    >>> _placed("/tmp/uk.xml:464: duplicate eId", "/tmp/uk.xml")
    'line 464: duplicate eId'
    >>> _placed("d.docx: paragraph 10: 1 word in an equation skipped", "d.docx")
    'paragraph 10: 1 word in an equation skipped'
    """
    if not note.startswith(f"{source}:"):
        return note
    rest = note[len(source) + 1 :].lstrip()
    line, colon, after = rest.partition(":")
    return f"line {line}:{after}" if colon and line.isdigit() else rest
