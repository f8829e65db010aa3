"""The versions of a history: files, a folder in natural order, ``REV:path``s, or every
git revision of one file.

The input end of ``redline history``. Guarantees: versions come oldest first; a git
revision is read from the repository holding the file wherever the command runs from,
and is named ``SHORT-HASH:path``; every failure is one `InputError` or `UsageError`.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from redline.batch.jobs import natural_key
from redline.errors import InputError, UsageError
from redline.model import Document
from redline.progress import Progress, silent
from redline.read.git import read_revision, repository_root
from redline.read.sources import import_bytes, read_bytes


def folder_versions(folder: Path) -> list[str]:
    """The ``*.xml`` files of `folder` in natural order (``v2`` before ``v10``)."""
    files = sorted((str(p) for p in folder.iterdir() if p.name.endswith(".xml")), key=natural_key)
    if len(files) < 2:
        raise UsageError(f"{folder}: a history needs at least two AKN files")
    return files


_REGULAR = ("100644", "100755")


def _git_log(path: Path) -> list[tuple[str, str, str]]:
    """(commit, path in that commit, blob) of every commit that touched `path` (following
    renames), oldest first; the blob is "" where the commit deleted the file (or made it
    something else than a regular file: a link, a submodule)."""
    command = ["git", "log", "--follow", "--raw", "--no-abbrev", "-z", "--format=%x01%H"]
    try:
        done = subprocess.run(
            [*command, "--", path.name], cwd=path.parent, capture_output=True, check=False
        )
    except FileNotFoundError as error:
        raise InputError("git is not installed (or not on PATH); it is needed here") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise InputError(f"git log failed: {message[0] if message else done.returncode}")
    found = []
    for record in os.fsdecode(done.stdout).split("\x01"):
        fields = record.split("\0")  # hash, "\n:MODE MODE BLOB BLOB STATUS", path(s)
        if len(fields) < 3 or not fields[1].lstrip().startswith(":"):
            continue  # a merge commit lists no change of its own
        _, mode, _, blob, status = fields[1].lstrip()[1:].split(" ")[:5]
        name = fields[3] if status[:1] in "RC" and len(fields) > 3 else fields[2]
        kept = blob if mode in _REGULAR and blob.strip("0") else ""  # all zeros: deleted
        found.append((fields[0].strip(), name, kept))
    return list(reversed(found))


def git_versions(file: str) -> list[tuple[str, bytes]]:
    """Every committed revision of `file` (following renames), oldest first, and the
    working copy when it differs from the last one: (name, bytes) pairs.

    A revision where the file does not exist (deleted, renamed away) is skipped, and
    so is one whose content is that of the last revision kept (a rename only, a mode
    change): each version differs from the one before it.
    """
    path = Path(file).resolve()
    if not path.parent.is_dir():
        raise InputError("no such folder", source=str(Path(file).parent))
    root = repository_root(path.parent)
    log = _git_log(path)
    if not log:
        if not path.exists():
            raise InputError("no such file in any revision", source=file)
        raise InputError("no git revision of this file (is it committed?)", source=file)
    versions: list[tuple[str, bytes]] = []
    last = ""
    for rev, name, blob in log:
        if blob and blob != last:
            versions.append((f"{rev[:10]}:{name}", read_revision(f"{rev}:{name}", root)))
            last = blob
    if path.is_file():
        current = read_bytes(str(path))
        if not versions or current != versions[-1][1]:
            versions.append((file, current))
    return versions


def load_versions(
    inputs: Sequence[str], git_file: str | None, progress: Progress | None = None
) -> tuple[list[Document], list[str]]:
    """The documents of a history and the names of their sources, oldest first."""
    report = progress or silent
    if git_file and inputs:
        raise UsageError("give either --git FILE or the versions, not both")
    raw: list[tuple[str, bytes | None]]
    if git_file:
        raw = list(git_versions(git_file))
        if len(raw) < 2:
            raise UsageError(
                "one git revision and no uncommitted change: a history needs two versions",
                source=git_file,
            )
    else:
        names = list(inputs)
        if len(names) == 1 and Path(names[0]).is_dir():
            names = folder_versions(Path(names[0]))
        raw = [(name, None) for name in names]
    if len(raw) < 2:
        raise UsageError("a history needs at least two versions")
    documents = []
    for index, (name, data) in enumerate(raw):
        report("reading versions", index, len(raw))
        found = read_bytes(name) if data is None else data
        documents.append(import_bytes(found, name).document)
    return documents, [name for name, _ in raw]
