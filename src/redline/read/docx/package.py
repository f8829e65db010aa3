"""Opening a .docx safely: the zip, its parts, each parsed by the one safe XML parser.

The first step of the .docx reader. Guarantees: a returned `Package` holds the parsed
main document and, where present, numbering, styles, footnotes, endnotes and settings;
anything else — not a zip, a legacy .doc or an encrypted file, an OpenDocument file, a
zip without a Word document, a part that would unpack past the size limit, malformed
XML — raises `InputError` naming the source and the part.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from redline.errors import InputError
from redline.xmlsafe import input_limit, parse_xml

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of an OLE compound file: a Word 97–2003 .doc, or an encrypted .docx."""

_MAIN = "word/document.xml"
_PARTS = {"numbering": "word/numbering.xml", "styles": "word/styles.xml",
          "footnotes": "word/footnotes.xml", "core": "docProps/core.xml",
          "endnotes": "word/endnotes.xml", "settings": "word/settings.xml"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Package:
    """The parsed parts of a Word document that the reader uses."""

    document: etree._Element
    numbering: etree._Element | None
    styles: etree._Element | None
    footnotes: etree._Element | None
    core: etree._Element | None = None
    """The core properties (title, creator, category)."""
    endnotes: etree._Element | None = None
    settings: etree._Element | None = None
    """The document settings (the default numbering of endnotes)."""

    @property
    def category(self) -> str:
        """The document's ``cp:category`` (what redline writes says its layout), or ""."""
        if self.core is None:
            return ""
        found = self.core.find(
            "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}category"
        )
        return (found.text or "").strip() if found is not None else ""


def open_package(data: bytes, source: str) -> Package:
    """The parts of the .docx in `data`, or `InputError` saying why it is none."""
    if data.startswith(OLE_MAGIC):
        raise InputError(
            "a Word 97-2003 .doc or a password-protected .docx (an OLE compound file); "
            "save it as .docx without a password",
            source=source,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise InputError(f"not a readable .docx (a damaged zip: {error})", source=source) from None
    with archive:
        names = set(archive.namelist())
        if "mimetype" in names and _MAIN not in names:
            kind = archive.read("mimetype")[:80].decode("ascii", "replace")
            raise InputError(
                f"an OpenDocument file ({kind}), not a Word .docx; save it as .docx", source=source
            )
        if _MAIN not in names:
            raise InputError(f"a zip archive without {_MAIN}: not a Word document", source=source)
        parts = {key: _part(archive, name, source) for key, name in _PARTS.items()}
        return Package(_part(archive, _MAIN, source), **parts)  # type: ignore[arg-type]


def _part(archive: zipfile.ZipFile, name: str, source: str) -> etree._Element | None:
    """One part parsed safely; None when the package does not have it."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    where = f"{source}:{name}"
    limit = input_limit()
    if info.file_size > limit:
        raise InputError(
            f"unpacks to {info.file_size // 1048576} MB, over the {limit // 1048576} MB limit",
            source=where,
        )
    if info.flag_bits & 0x1:
        raise InputError("the part is encrypted", source=where)
    try:
        data = archive.read(name)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise InputError(f"cannot unpack: {error}", source=where) from None
    return parse_xml(data, where)
