"""Reading inputs: a path, ``-`` for stdin, or ``REV:path`` read through git.

Detects what a source holds (AKN XML, USLM XML, or a draft's plain text) and hands
it to the right reader, so every command accepts the same kinds of input.
Guarantees: a returned `Document` is complete; anything unreadable raises `InputError`
naming the source.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from redline.errors import InputError
from redline.model import Document

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
USLM_NS = "http://schemas.gpo.gov/xml/uslm"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Metadata and decoding choices for importing a source that is not AKN."""

    title: str | None = None
    """Title to use instead of the one found in the text."""
    date: str | None = None
    """Version date (ISO 8601)."""
    version_label: str | None = None
    """Human label of the version."""
    work_uri: str | None = None
    """FRBR work URI."""
    encoding: str = "utf-8"
    """Encoding of a text source."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A document read from a source, with what the reader noticed."""

    document: Document
    """The document."""
    warnings: tuple[str, ...] = ()
    """Things a human should look at (repeated labels, unmatched footnote markers)."""
    report: str = ""
    """One line of counts (recitals, articles, points, notes)."""


def read_bytes(spec: str) -> bytes:
    """The bytes of a source: ``-`` is stdin, ``REV:path`` is read through git."""
    if spec == "-":
        return sys.stdin.buffer.read()
    path = Path(spec)
    if not path.exists() and ":" in spec:
        from redline.gitrev import read_revision

        return read_revision(spec)
    if not path.exists():
        raise InputError("no such file", source=spec)
    if path.is_dir():
        raise InputError("is a folder, not a file", source=spec)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", source=spec) from error


def sniff(data: bytes) -> str:
    """What the bytes hold: ``"akn"``, ``"uslm"``, ``"xml"`` (other XML) or ``"text"``."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return "text"
    if AKN_NS.encode() in head:
        return "akn"
    if USLM_NS.encode() in head:
        return "uslm"
    return "xml"


def import_source(spec: str, options: ImportOptions | None = None) -> ImportResult:
    """Read any supported source into a document."""
    options = options or ImportOptions()
    data = read_bytes(spec)
    kind = sniff(data)
    if kind == "akn":
        from redline.akn_read import read_akn

        return ImportResult(read_akn(data, spec), report="read Akoma Ntoso")
    if kind == "uslm":
        from redline.uslm import import_uslm

        return import_uslm(data, spec, options)
    if kind == "xml":
        from redline.xmlsafe import describe_root

        raise InputError(
            f"XML that is neither Akoma Ntoso nor USLM (root element {describe_root(data, spec)})",
            source=spec,
        )
    from redline.import_text import import_text

    return import_text(data, spec, options)


def load_document(spec: str, options: ImportOptions | None = None) -> Document:
    """Read any supported source and return just the document."""
    return import_source(spec, options).document
