"""Reading files as they stood in a git revision, and what changed since one.

Sits beside `redline.read.sources` at the input end of the pipeline: ``REV:path`` sources
and ``redline check --base REV`` read through the real ``git`` command (never a
shell). Guarantees: every failure is one `InputError` saying what was wrong (git
missing, not in a repository, unknown revision, path not in that revision); paths
returned are relative to the repository root with ``/`` separators, as git names them.
"""

from __future__ import annotations

import os
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
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


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


def revision_blob(rev: str, path: str, cwd: Path | None = None) -> bytes | None:
    """The bytes of file `path` (from the root) in revision `rev`; None when it has none.

    A folder, a symbolic link or a submodule at `path` is an `InputError`: what is
    read from a revision (the rules of a check) must be a regular file there.
    """
    listed = _git(["ls-tree", "-z", "--full-tree", "--end-of-options", rev, "--", path], cwd)
    if listed.returncode != 0:
        raise InputError(f"unknown revision {rev!r} (not a branch, tag or commit)")
    entry = listed.stdout.split(b"\0")[0]
    if not entry:
        return None
    mode = entry.split(b" ")[0]
    if mode not in (b"100644", b"100755"):
        kind = {b"040000": "a folder", b"120000": "a symbolic link", b"160000": "a submodule"}
        what = kind.get(mode, "not a regular file")
        raise InputError(f"is {what} in revision {rev}, not a file", source=path)
    return read_revision(f"{rev}:{path}", cwd)


def changed_files(
    base: str, paths: Sequence[str], cwd: Path | None = None
) -> tuple[FileChange, ...]:
    """Files under `paths` (relative to `cwd`) that differ between `base` and the working tree.

    Tracked changes come from ``git diff --name-status -M base`` (staged or not);
    untracked files that git does not ignore count as added. Sorted by path. Paths
    are pathspecs taken literally (a name may hold ``*``); any name git can hold is
    returned, bytes that are not UTF-8 as the file system's escapes (`os.fsdecode`).
    Submodules and nested repositories are left out (see `submodules`).
    """
    if not is_revision(base, cwd):
        repository_root(cwd)
        raise InputError(f"--base {base!r} is not a revision (a branch, tag or commit)")
    pathspec = ["--", *paths] if paths else []
    literal = ["--literal-pathspecs"]
    diff = _git([*literal, "diff", "--name-status", "-M", "-z", base, *pathspec], cwd)
    if diff.returncode != 0:
        raise InputError(f"git diff failed: {diff.stderr.decode(errors='replace').strip()}")
    skipped = set(submodules(base, paths, cwd))
    changes = [c for c in _parse_name_status(os.fsdecode(diff.stdout)) if c.path not in skipped]
    others = _git(
        [*literal, "ls-files", "--others", "--exclude-standard", "--full-name", "-z", *pathspec],
        cwd,
    )
    untracked = [name for name in _fields(os.fsdecode(others.stdout)) if not name.endswith("/")]
    changes += [FileChange(Status.ADDED, name, "") for name in untracked]
    return tuple(sorted(changes, key=lambda change: change.path))


def submodules(base: str, paths: Sequence[str], cwd: Path | None = None) -> tuple[str, ...]:
    """Submodules under `paths` in revision `base` or the index, from the root."""
    pathspec = ["--", *paths] if paths else []
    found: list[str] = []
    for args in (["ls-tree", "-r", "-z", "--full-tree", base], ["ls-files", "-s", "-z"]):
        listed = _git(["--literal-pathspecs", *args, *pathspec], cwd)
        for entry in _fields(os.fsdecode(listed.stdout)):
            head, _, name = entry.partition("\t")
            if head.startswith("160000"):
                found.append(name)
    return tuple(dict.fromkeys(found))


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
