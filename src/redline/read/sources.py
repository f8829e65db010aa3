"""Reading inputs: a path, ``-`` for stdin, or ``REV:path`` read through git.

Detects what a source holds (AKN XML, USLM XML, or a draft's plain text) and hands
it to the right reader, so every command accepts the same kinds of input.
Guarantees: a returned `Document` is complete; anything unreadable raises `InputError`
naming the source.
"""

from __future__ import annotations

import codecs
import sys
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
    """All of `stream` if it holds at most `MAX_BYTES`; `InputError` otherwise."""
    from redline.xmlsafe import MAX_BYTES

    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"more than {MAX_BYTES // 1048576} MB, the limit for an input; refused unread",
            source=spec,
        )
    return data


def sniff(data: bytes) -> str:
    """What the bytes hold: ``"akn"``, ``"uslm"``, ``"xml"`` (other XML) or ``"text"``.

    XML may come in UTF-16 or UTF-32 (the XML parser reads them), so the head is
    looked at in UTF-8 whatever the byte order mark says.

    >>> sniff('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'
    ...       .encode("utf-16"))
    'akn'
    """
    head = _utf8_head(data).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return "text"
    if AKN_NS.encode() in head:
        return "akn"
    if USLM_NS.encode() in head:
        return "uslm"
    return "xml"


#: Byte order marks of the encodings XML may use besides UTF-8 (UTF-32 first: its
#: little-endian mark starts like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf8_head(data: bytes) -> bytes:
    """The first 4 KB of `data`, re-encoded as UTF-8 if a byte order mark says UTF-16/32."""
    head = data[:4096]
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").encode("utf-8")
    return head


def import_source(spec: str, options: ImportOptions | None = None) -> ImportResult:
    """Read any supported source into a document."""
    options = options or ImportOptions()
    data = read_bytes(spec)
    kind = sniff(data)
    if kind == "akn":
        from redline.akn.read import read_akn

        document = with_metadata(read_akn(data, spec), options)
        return ImportResult(document, report="read Akoma Ntoso")
    if kind == "uslm":
        from redline.read.uslm.reader import import_uslm

        return import_uslm(data, spec, options)
    if kind == "xml":
        from redline.xmlsafe import describe_root

        raise InputError(
            f"XML that is neither Akoma Ntoso nor USLM (root element {describe_root(data, spec)})",
            source=spec,
        )
    from redline.read.text.importer import import_text

    return import_text(data, spec, options)


def with_metadata(document: Document, options: ImportOptions) -> Document:
    """`document` with the metadata the options set (title, date, label, work URI);
    the expression and manifestation URIs follow a new date or work."""
    from dataclasses import replace

    from redline.akn.naming import frbr_uris

    meta = document.meta
    if not (options.title or options.date or options.version_label or options.work_uri):
        return document
    meta = replace(
        meta,
        title=options.title or meta.title,
        date=options.date or meta.date,
        version_label=options.version_label or meta.version_label,
        work_uri=options.work_uri or meta.work_uri,
    )
    if options.date or options.work_uri:
        _work, expression, manifestation = frbr_uris(meta.work_uri, meta.language, meta.date)
        meta = replace(meta, expression_uri=expression, manifestation_uri=manifestation)
    return replace(document, meta=meta)


def load_document(spec: str, options: ImportOptions | None = None) -> Document:
    """Read any supported source and return just the document."""
    return import_source(spec, options).document
