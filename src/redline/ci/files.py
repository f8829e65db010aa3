"""Which files a check looks at: AKN files in the working tree, never outside the repository.

Used by `redline.ci.check` before anything is read. Guarantees: every name returned is
from the repository root with ``/`` separators (any name the file system holds, bytes
that are not UTF-8 kept as `os.fsdecode` escapes); no symbolic link to a folder is
followed and no file is read through a link (a linked file is returned so that
validation reports it, unread); a folder holding its own ``.git`` (a submodule, a
nested repository) is not entered, and is named in the skipped list.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from redline.errors import InputError


@dataclass(frozen=True, slots=True)
class Found:
    """The files a check will validate, and what it left alone and why."""

    files: tuple[str, ...]
    """AKN files (and links named like them), from the root, sorted."""
    skipped: tuple[str, ...]
    """One note per folder not entered (``versions: a symbolic link; not followed``)."""


def name_of(path: Path, root: Path) -> str:
    """`path` from the repository root with ``/`` separators, as git and ``redline.toml``
    name files (a path outside the root is kept as given). A link is named as itself,
    not as what it points at (which may be anywhere)."""
    absolute = Path(os.path.abspath(path))  # noqa: PTH100 - resolve() would follow links
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(path: Path, root: Path) -> bool:
    """True when `path`, every link resolved, is within `root`."""
    return path.resolve().is_relative_to(root.resolve())


def find_akn(targets: list[Path], root: Path) -> Found:
    """The AKN files named in `targets` or found under the folders among them."""
    files: list[str] = []
    skipped: list[str] = []
    for target in targets:
        name = name_of(target, root)
        if target.is_symlink() and target.is_dir():
            skipped.append(f"{name}: a symbolic link to a folder; not followed")
        elif target.is_dir():
            _walk(target, root, files, skipped)
        elif target.is_symlink() or target.is_file():
            files.append(name)
    return Found(tuple(sorted(dict.fromkeys(files))), tuple(skipped))


def _walk(folder: Path, root: Path, files: list[str], skipped: list[str]) -> None:
    """Add the AKN files under `folder`, not entering links or nested repositories."""
    for here, folders, names in os.walk(folder, followlinks=False):
        base = Path(here)
        for sub in sorted(folders):
            path = base / sub
            if path.is_symlink():
                skipped.append(f"{name_of(path, root)}: a symbolic link to a folder; not followed")
            elif (path / ".git").exists():
                skipped.append(f"{name_of(path, root)}: a submodule or nested repository; skipped")
        folders[:] = [
            sub
            for sub in sorted(folders)
            if not (base / sub).is_symlink() and not (base / sub / ".git").exists()
        ]
        for file in sorted(names):
            path = base / file
            if not file.endswith(".xml"):
                continue
            if path.is_symlink():
                if file.endswith(".akn.xml"):
                    files.append(name_of(path, root))  # reported as not a regular file
            elif path.is_file() and is_akn_name(file, _read(path)):
                files.append(name_of(path, root))


def _read(path: Path) -> bytes | None:
    """The bytes of a regular file within the input limit, None when it cannot be read."""
    from redline.read.sources import read_bytes

    try:
        return read_bytes(str(path))
    except InputError:
        return None


def is_akn_name(name: str, data: bytes | None) -> bool:
    """True for ``*.akn.xml``, and for ``*.xml`` whose root is an Akoma Ntoso element.

    >>> is_akn_name("v/a.akn.xml", None), is_akn_name("v/a.xml", b"<other/>")
    (True, False)
    """
    from redline.read.sources import sniff

    if name.endswith(".akn.xml"):
        return True
    return name.endswith(".xml") and data is not None and sniff(data) == "akn"
