"""The test side of `lo_uno.py`: one headless LibreOffice for the whole test session.

`Office` starts ``/usr/bin/python3 tests/lo_uno.py`` (Debian's Python has the UNO
bridge; the project's does not) and sends it one JSON request per document. Tests that
need it use the session fixture ``office`` (tests/render/conftest.py), marked
``libreoffice``; where LibreOffice or python3-uno is missing they are skipped with the
reason (``scripts/setup.sh`` installs both).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

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
        """The blocks of `path` after accepting, rejecting or keeping every revision."""
        return self.ask(op="read", path=str(path), revisions=revisions)

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
