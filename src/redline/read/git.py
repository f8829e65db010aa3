"""Reading files as they stood in a git revision, and what changed since one.

Sits beside `redline.read.sources` at the input end of the pipeline: ``REV:path`` sources
and ``redline check --base REV`` read through the real ``git`` command (never a
shell). Guarantees: every failure is one `InputError` saying what was wrong (git
missing, not in a repository, unknown revision, path not in that revision); paths
returned are relative to the repository root with ``/`` separators, as git names them.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from redline.errors import InputError


class Status(Enum):
    """How a file differs between a revision and the working tree."""

    ADDED = "added"
    """Only in the working tree (new, staged or untracked)."""
    MODIFIED = "modified"
    """In both, with different content."""
    DELETED = "deleted"
    """Only in the revision."""
    RENAMED = "renamed"
    """Moved to a new path (git's rename detection), perhaps also edited."""


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file that differs from the base revision."""

    status: Status
    """What happened to it."""
    path: str
    """Its path now (for a deleted file: its path in the revision)."""
    old_path: str
    """Its path in the revision ("" for an added file; `path` unless renamed)."""


_STATUS = {"A": Status.ADDED, "M": Status.MODIFIED, "T": Status.MODIFIED, "U": Status.MODIFIED}


def _git(args: Sequence[str], cwd: Path | None) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in `cwd`, capturing its output; git missing is an `InputError`."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise InputError("git is not installed (or not on PATH); it is needed here") from error


def repository_root(cwd: Path | None = None) -> Path:
    """The top folder of the working tree holding `cwd`."""
    done = _git(["rev-parse", "--show-toplevel"], cwd)
    if done.returncode != 0:
        where = cwd or Path.cwd()
        raise InputError(f"not in a git repository: {where}")
    return Path(done.stdout.decode("utf-8").strip())


def is_revision(rev: str, cwd: Path | None = None) -> bool:
    """True when `rev` names a commit (a branch, tag, hash, ``HEAD~1`` ...)."""
    if not rev or rev.startswith("-"):
        return False
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd)
    return done.returncode == 0


def read_revision(spec: str, cwd: Path | None = None) -> bytes:
    """The bytes of ``REV:path`` as git stores them.

    The path is relative to the repository root (``HEAD:versions/x.akn.xml``), or to
    `cwd` when it starts with ``./`` or ``../`` (git's own rule). A blob over the input
    size limit is refused from its size, unread.
    """
    from redline.xmlsafe import input_limit, too_large

    rev, sep, path = spec.partition(":")
    if not sep:
        raise InputError("expected REV:path", source=spec)
    size = _git(["cat-file", "-s", "--end-of-options", spec], cwd)
    if size.returncode == 0 and int(size.stdout or 0) > input_limit():
        raise too_large(spec)  # the size git keeps: refused before the blob is read
    done = _git(["cat-file", "blob", "--end-of-options", spec], cwd)
    if done.returncode == 0:
        return done.stdout
    repository_root(cwd)
    if not is_revision(rev, cwd):
        raise InputError(f"unknown revision {rev!r} (not a branch, tag or commit)", source=spec)
    kind = _git(["cat-file", "-t", "--end-of-options", spec], cwd).stdout.decode().strip()
    if kind == "tree":
        raise InputError(f"{path!r} is a folder in revision {rev}, not a file", source=spec)
    raise InputError(f"{path!r} does not exist in revision {rev}", source=spec)


def changed_files(
    base: str, paths: Sequence[str], cwd: Path | None = None
) -> tuple[FileChange, ...]:
    """Files under `paths` (relative to `cwd`) that differ between `base` and the working tree.

    Tracked changes come from ``git diff --name-status -M base`` (staged or not);
    untracked files that git does not ignore count as added. Sorted by path.
    """
    if not is_revision(base, cwd):
        repository_root(cwd)
        raise InputError(f"--base {base!r} is not a revision (a branch, tag or commit)")
    pathspec = ["--", *paths] if paths else []
    diff = _git(["diff", "--name-status", "-M", "-z", base, *pathspec], cwd)
    if diff.returncode != 0:
        raise InputError(f"git diff failed: {diff.stderr.decode(errors='replace').strip()}")
    changes = list(_parse_name_status(diff.stdout.decode("utf-8")))
    others = _git(
        ["ls-files", "--others", "--exclude-standard", "--full-name", "-z", *pathspec], cwd
    )
    changes += [FileChange(Status.ADDED, name, "") for name in _fields(others.stdout.decode())]
    return tuple(sorted(changes, key=lambda change: change.path))


def _fields(output: str) -> list[str]:
    return [field for field in output.split("\0") if field]


def _parse_name_status(output: str) -> list[FileChange]:
    """Changes from ``git diff --name-status -z`` output (``R100\\0old\\0new\\0M\\0path``)."""
    fields = _fields(output)
    changes: list[FileChange] = []
    index = 0
    while index < len(fields):
        code = fields[index][0]
        if code in "RC":
            old, new = fields[index + 1], fields[index + 2]
            status = Status.RENAMED if code == "R" else Status.ADDED
            changes.append(FileChange(status, new, old if code == "R" else ""))
            index += 3
            continue
        path = fields[index + 1]
        if code == "D":
            changes.append(FileChange(Status.DELETED, path, path))
        else:
            status = _STATUS.get(code, Status.MODIFIED)
            changes.append(FileChange(status, path, "" if status is Status.ADDED else path))
        index += 2
    return changes
