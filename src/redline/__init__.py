"""redline: compare versions of a legal text encoded in Akoma Ntoso.

The pipeline is read -> model -> compare -> render, one subpackage per stage (see
docs/architecture.md). This module is the public face of the library:

- `load` reads a document from a path, ``-``, ``REV:path`` or bytes (AKN, USLM, a
  draft's text), sniffing the format;
- `compare` aligns two documents provision by provision and diffs their words;
- `render` writes a comparison in one output format (`FORMATS`).

with the option and result types they take and return. Everything else may move between
releases. The stages are imported only when used, so ``import redline`` stays cheap.

>>> import redline
>>> old = redline.load(b"Article 1\\n\\nStates shall cooperate.\\n")
>>> new = redline.load(b"Article 1\\n\\nStates shall cooperate fully.\\n")
>>> [change.kind.value for change in redline.compare(old, new).correspondence]
['modified']
"""

from __future__ import annotations

import os

from redline.changes import Change, ChangeKind, CompareOptions, Comparison, Op, WordOp
from redline.errors import InputError, InvalidDocument, RedlineError, UsageError
from redline.model import Document, ImportOptions, Metadata, Unit
from redline.renderers import RENDERERS, RenderOptions

__version__ = "0.1.0"

FORMATS: tuple[str, ...] = tuple(RENDERERS)
"""The output formats `render` knows."""

__all__ = [
    "FORMATS",
    "Change",
    "ChangeKind",
    "CompareOptions",
    "Comparison",
    "Document",
    "ImportOptions",
    "InputError",
    "InvalidDocument",
    "Metadata",
    "Op",
    "RedlineError",
    "RenderOptions",
    "Unit",
    "UsageError",
    "WordOp",
    "compare",
    "load",
    "render",
]


def load(
    source: str | os.PathLike[str] | bytes,
    options: ImportOptions | None = None,
    *,
    name: str = "<bytes>",
) -> Document:
    """The document in `source`: a path, ``-`` (standard input), ``REV:path`` (a file as
    it stood in a git revision) or the bytes of a file; `name` names bytes in messages.

    Raises `InputError` (naming the source and the place) for anything unreadable.
    """
    from redline.read.sources import import_bytes, import_source

    if isinstance(source, bytes):
        return import_bytes(source, name, options).document
    return import_source(os.fspath(source), options).document


def compare(old: Document, new: Document, options: CompareOptions | None = None) -> Comparison:
    """Compare two versions: every provision of `old` paired with its counterpart in
    `new` by content (renumbered, moved, split and merged ones recognised), and the words
    of each pair diffed. Accepting every change gives `new`'s text, rejecting them `old`'s.
    """
    from redline.comparison.engine import compare as run_comparison

    return run_comparison(old, new, options)


def render(
    comparison: Comparison, fmt: str = "text", options: RenderOptions | None = None
) -> bytes:
    """`comparison` as the bytes of format `fmt` (one of `FORMATS`)."""
    from redline.renderers import get_renderer

    if fmt not in RENDERERS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return get_renderer(fmt)(comparison, options or RenderOptions())
