"""Writing results: atomically, so a failure never leaves a half-written file.

Every file redline writes goes to a temporary file in the same folder and is renamed
into place only once complete; ``-`` writes to standard output. A symbolic link given
as the target is written through: the file it points at is replaced (atomically, in
that file's folder) and the link stays a link.

The data is bytes or an iterable of byte chunks (a renderer's stream): chunks are
written as they come, so the whole output is never held in memory, with the same
guarantees. A file is still renamed into place only after the last chunk; an error
raised by the stream itself leaves no partial file. Standard output and devices get
the chunks as they come: what was written before such an error stays written there
(a pipe cannot be taken back). A reader of standard output that stops early (``| head``)
ends the writing quietly: not an error, the exit code is the command's own.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from redline.errors import InputError, UsageError


def write_output(target: str, data: bytes | Iterable[bytes]) -> None:
    """Write `data` (bytes, or byte chunks in order) to `target` (``-`` for stdout)
    atomically.

    An error or interrupt before the rename (in the stream too) leaves any previous file
    untouched and removes the temporary file.
    """
    if target == "-":
        _to_stdout(data)
        return
    path = Path(target)
    if path.is_symlink():
        path = path.resolve()  # the link's target, even when it does not exist yet
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise InputError("is a folder, not a file", source=target)
        # A device or pipe (/dev/null, a named pipe): write through, never replace it.
        try:
            with path.open("wb") as stream:
                _write(stream, data)
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror}", source=target) from error
        return
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise InputError(f"cannot write: the folder {folder} {what}", source=target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise _about(error, target) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            _write(stream, data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp_name).chmod(_mode_for(path))
        Path(temp_name).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        if isinstance(error, OSError):
            raise _about(error, target) from error
        raise


def _to_stdout(data: bytes | Iterable[bytes]) -> None:
    """Write `data` to standard output. A reader that stops early (``| head``) ends the
    writing quietly, as for one whole write that the pipe cut short: the rest of the
    output is not wanted, and is not an error."""
    try:
        _write(sys.stdout.buffer, data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # What is left in the buffer goes nowhere, the interpreter's last flush with it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _write(stream: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    """Write `data` to `stream`: at once when it is bytes, chunk by chunk otherwise, each
    chunk flushed (a pipe's reader gets it before the next one is made)."""
    if isinstance(data, bytes | bytearray | memoryview):
        stream.write(data)
        return
    for chunk in data:
        stream.write(chunk)
        stream.flush()


def _about(error: OSError, target: str) -> OSError:
    """`error` naming `target`, the file the user asked for, not our temporary file."""
    return OSError(error.errno, error.strerror, target)


def _mode_for(path: Path) -> int:
    """The permissions the file gets: those of the file it replaces, else what the umask
    allows (the temporary file is private; the result should not be)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_folder(folder: str, option: str) -> Path:
    """`folder` (the value of `option`) as a place to write files into: a folder, or a
    path whose first existing part is a folder (the rest is made when writing). Called
    before a command prints or writes anything, so that a file in the way is one
    `UsageError` naming it, not an OS error after half the output.
    """
    path = Path(folder)
    for part in (path, *path.parents):
        if part.exists() or part.is_symlink():
            if part.is_dir():
                break
            if part == path:
                raise UsageError(f"{option} {folder}: exists and is not a folder")
            raise UsageError(f"{option} {folder}: cannot make it, {part} is not a folder")
    return path
