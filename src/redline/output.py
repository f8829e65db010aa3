"""Writing results: atomically, so a failure never leaves a half-written file.

Every file redline writes goes to a temporary file in the same folder and is renamed
into place only once complete; ``-`` writes to standard output.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path


def write_output(target: str, data: bytes) -> None:
    """Write `data` to `target` (``-`` for stdout) atomically.

    An error or interrupt before the rename leaves any previous file untouched and
    removes the temporary file.
    """
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    if path.exists() and not path.is_file():
        # A device or pipe (/dev/null, a named pipe): write through, never replace it.
        with path.open("wb") as stream:
            stream.write(data)
        return
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise _about(error, target) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp_name).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        if isinstance(error, OSError):
            raise _about(error, target) from error
        raise


def _about(error: OSError, target: str) -> OSError:
    """`error` naming `target`, the file the user asked for, not our temporary file."""
    return OSError(error.errno, error.strerror, target)
