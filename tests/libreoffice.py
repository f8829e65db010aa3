"""The test side of `lo_uno.py`: one headless LibreOffice for the whole test session.

`Office` starts ``/usr/bin/python3 tests/lo_uno.py`` (Debian's Python has the UNO
bridge; the project's does not) and sends it one JSON request per document. Tests that
need it use the session fixture ``office`` (tests/render/conftest.py), marked
``libreoffice``; where LibreOffice or python3-uno is missing they are skipped with the
reason (``scripts/setup.sh`` installs both).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

UNO_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("lo_uno.py")


def missing() -> str:
    """Why LibreOffice cannot be driven here, or ``""`` when it can."""
    if not shutil.which("soffice"):
        return "LibreOffice (soffice) is not installed: run scripts/setup.sh"
    probe = subprocess.run(
        [UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False, timeout=60
    )
    if probe.returncode:
        return "python3-uno is not installed for /usr/bin/python3: run scripts/setup.sh"
    return ""


class Office:
    """A running LibreOffice, answering requests until `close`."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [UNO_PYTHON, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        ready = self._answer()
        assert ready == {"ready": True}, ready

    def _answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the LibreOffice driver stopped")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, **request: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self._answer()
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def read(self, path: Path, revisions: str) -> dict[str, Any]:
        """The blocks of `path` as LibreOffice leaves it after accepting, rejecting or
        keeping every revision (read from the .docx LibreOffice saves)."""
        out = path.with_name(f"{path.stem}.{revisions}.lo.docx")
        answer = self.ask(op="read", path=str(path), revisions=revisions, out=str(out))
        answer["blocks"] = saved_blocks(out.read_bytes())
        return answer

    def pdf(self, path: Path, out: Path) -> None:
        self.ask(op="pdf", path=str(path), out=str(out))

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps({"op": "quit"}) + "\n")
            self.process.stdin.close()
            self.process.wait(timeout=60)
        if self.process.stdout is not None:
            self.process.stdout.close()


def paragraphs(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every paragraph of `blocks`, those inside tables included, in reading order."""
    found: list[dict[str, Any]] = []
    for block in blocks:
        if "table" in block:
            for row in block["table"]:
                for cell in row:
                    found.extend(paragraphs(cell))
        else:
            found.append(block)
    return found


def saved_blocks(data: bytes) -> list[dict[str, Any]]:
    """The blocks of a .docx LibreOffice saved, from its title paragraph on (the
    bookmark ``redline_text``): a paragraph as ``{"p": text, "style": name, "notes":
    [footnote texts]}``, a table as ``{"table": [[cell blocks]]}``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
        names = archive.namelist()
        notes_root = (
            etree.fromstring(archive.read("word/footnotes.xml"))
            if "word/footnotes.xml" in names
            else None
        )
    style_names = {
        s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")  # type: ignore[union-attr]
        for s in styles.iter(f"{W}style")
    }
    notes = {}
    if notes_root is not None:
        for note in notes_root.iter(f"{W}footnote"):
            notes[note.get(f"{W}id")] = _text(note)
    body = document.find(f"{W}body")
    assert body is not None
    return _blocks(body, style_names, notes)


#: Elements LibreOffice writes for characters the text held.
_SPECIAL = {"tab": "\t", "br": "\n", "softHyphen": "\u00ad", "noBreakHyphen": "\u2011"}


def _text(element: etree._Element) -> str:
    pieces = []
    kinds = ("t", "tab", "br", "delText", "softHyphen", "noBreakHyphen")
    for node in element.iter(*(f"{W}{kind}" for kind in kinds)):
        tag = etree.QName(node).localname
        pieces.append(_SPECIAL.get(tag, node.text or ""))
    return "".join(pieces)


def _blocks(
    parent: etree._Element, styles: dict[str | None, str | None], notes: dict[str | None, str]
) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for child in parent:
        if child.tag == f"{W}tbl":
            rows = [
                [_blocks(cell, styles, notes) for cell in row.iter(f"{W}tc")]
                for row in child.iter(f"{W}tr")
            ]
            blocks.append({"table": rows})
        elif child.tag == f"{W}p":
            style = child.find(f"{W}pPr/{W}pStyle")
            name = styles.get(style.get(f"{W}val")) if style is not None else "Normal"
            refs = [notes.get(r.get(f"{W}id"), "") for r in child.iter(f"{W}footnoteReference")]
            blocks.append({"p": _text(child), "style": name, "notes": refs})
    return blocks
