"""The versions of a history: files, a folder in natural order, ``REV:path``s, or every
git revision of one file.

The input end of ``redline history``. Guarantees: versions come oldest first; a git
revision is read from the repository holding the file wherever the command runs from,
and is named ``SHORT-HASH:path``; every failure is one `InputError` or `UsageError`.
"""

from __future__ import annotations

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


def _git_log(path: Path) -> list[tuple[str, str]]:
    """(commit, path in that commit) of every commit that changed `path`, oldest first."""
    command = ["git", "log", "--follow", "--format=%x00%H", "--name-only", "--", path.name]
    try:
        done = subprocess.run(command, cwd=path.parent, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise InputError("git is not installed (or not on PATH); it is needed here") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise InputError(f"git log failed: {message[0] if message else done.returncode}")
    found = []
    for entry in done.stdout.decode("utf-8").split("\0"):
        lines = [line for line in entry.splitlines() if line.strip()]
        if len(lines) >= 2:
            found.append((lines[0], lines[-1]))
    return list(reversed(found))


def git_versions(file: str) -> list[tuple[str, bytes]]:
    """Every committed revision of `file` (following renames), oldest first, and the
    working copy when it differs from the last commit: (name, bytes) pairs."""
    path = Path(file).resolve()
    if not path.parent.is_dir():
        raise InputError("no such folder", source=str(Path(file).parent))
    root = repository_root(path.parent)
    log = _git_log(path)
    if not log:
        raise InputError("no git revision of this file (is it committed?)", source=file)
    versions = [(f"{rev[:10]}:{name}", read_revision(f"{rev}:{name}", root)) for rev, name in log]
    if path.is_file():
        current = read_bytes(str(path))
        if current != versions[-1][1]:
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
