"""Standard input in a series: read once, by the parent, into a private file.

Used by ``redline diff`` for a series of three or more versions: one version is
compared twice (as new, then as old) and the pairs run in other processes, so ``-``
cannot be read where it is used. Guarantees: standard input is read once, within
the input size limit; the file is removed when the series ends, however it ends.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from redline.read.sources import read_bytes


@contextlib.contextmanager
def stdin_as_file(versions: list[str]) -> Iterator[list[str]]:
    """`versions` with ``-`` replaced by a private file holding standard input, read once
    here: a series compares it twice and its workers are other processes."""
    if "-" not in versions:
        yield versions
        return
    data = read_bytes("-")
    with tempfile.TemporaryDirectory(prefix="redline-stdin-") as folder:
        path = Path(folder) / "stdin"
        path.write_bytes(data)
        yield [str(path) if version == "-" else version for version in versions]
