"""What a corpus run compares: the pairs of a manifest file or of a folder tree.

A manifest is CSV (a header with ``old`` and ``new`` columns, optionally ``output``),
JSON (a list of ``{"old": …, "new": …}`` pairs and/or ``{"series": [v1, v2, …]}``
entries, each series giving its consecutive pairs), or a folder whose sub-folders each
hold the versions of one text (compared in natural order). Paths in a manifest are
relative to the manifest's folder. Guarantees: pairs come in manifest order, each with
an output name unique in the run; a manifest that cannot be read raises `InputError`
naming the file and the line or entry.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from redline.batch.jobs import consecutive_pairs, natural_key, stem
from redline.errors import InputError

VERSION_SUFFIXES = (".xml", ".txt", ".docx")
"""Files of a folder tree taken as versions."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One comparison of a corpus run."""

    old: str
    """The old version's path."""
    new: str
    """The new version's path."""
    name: str
    """The output's file name without extension, unique in the run."""


def read_manifest(source: str) -> list[Pair]:
    """The pairs of the manifest file or folder tree `source`."""
    path = Path(source)
    if path.is_dir():
        pairs = _folder_pairs(path)
    elif not path.is_file():
        raise InputError("no such manifest file or folder", source=source)
    else:
        text = _read_text(path)
        if path.suffix.lower() == ".json":
            pairs = _json_pairs(text, path)
        else:
            pairs = _csv_pairs(text, path)
    if not pairs:
        raise InputError("the manifest names no pair of versions", source=source)
    return _unique_names(pairs)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the manifest: {error}", source=str(path)) from error


def _csv_pairs(text: str, path: Path) -> list[tuple[str, str, str]]:
    rows = csv.DictReader(io.StringIO(text))
    if not rows.fieldnames or not {"old", "new"} <= set(rows.fieldnames):
        raise InputError("a CSV manifest needs a header with old and new columns", source=str(path))
    pairs = []
    for row in rows:
        old, new = (row.get("old") or "").strip(), (row.get("new") or "").strip()
        if not old or not new:
            raise InputError("a row without old or new", source=str(path), line=rows.line_num)
        pairs.append((_resolve(path, old), _resolve(path, new), (row.get("output") or "").strip()))
    return pairs


def _json_pairs(text: str, path: Path) -> list[tuple[str, str, str]]:
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg}", source=str(path), line=error.lineno) from error
    if not isinstance(entries, list):
        raise InputError("a JSON manifest is a list of pairs and series", source=str(path))
    pairs: list[tuple[str, str, str]] = []
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, dict) and isinstance(entry.get("series"), list):
            versions = [_resolve(path, str(v)) for v in entry["series"]]
            pairs += [(old, new, "") for old, new in consecutive_pairs(versions)]
        elif isinstance(entry, dict) and {"old", "new"} <= set(entry):
            output = str(entry.get("output", ""))
            old, new = _resolve(path, str(entry["old"])), _resolve(path, str(entry["new"]))
            pairs.append((old, new, output))
        else:
            where = f"entry {number}: expected {{'old', 'new'}} or {{'series': [...]}}"
            raise InputError(where, source=str(path))
    return pairs


def _folder_pairs(root: Path) -> list[tuple[str, str, str]]:
    """Consecutive versions in every folder of the tree that holds two or more."""
    pairs: list[tuple[str, str, str]] = []
    folders = sorted({p.parent for p in root.rglob("*") if p.suffix in VERSION_SUFFIXES})
    for folder in folders:
        versions = sorted(
            (p for p in folder.iterdir() if p.is_file() and p.suffix in VERSION_SUFFIXES),
            key=lambda p: natural_key(p.name),
        )
        where = folder.relative_to(root).as_posix()
        for old, new in consecutive_pairs([str(v) for v in versions]):
            name = f"{stem(old)}--{stem(new)}"
            pairs.append((old, new, name if where == "." else f"{where}/{name}"))
    return pairs


def _resolve(manifest: Path, name: str) -> str:
    """A path of the manifest, relative to the manifest's folder (``REV:path`` kept)."""
    if ":" in name and not Path(name).exists():
        return name
    return str(manifest.parent / name) if not Path(name).is_absolute() else name


def _unique_names(pairs: list[tuple[str, str, str]]) -> list[Pair]:
    """Output names: the manifest's, else ``old-stem--new-stem``; repeats get ``-2``…"""
    seen: dict[str, int] = {}
    out = []
    for old, new, given in pairs:
        base = given or f"{stem(old)}--{stem(new)}"
        seen[base] = seen.get(base, 0) + 1
        out.append(Pair(old, new, base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out
