"""The body of ``redline history``: inputs to history to the chosen output.

`cli.py` declares the command's options and calls `run`; this module reads the
versions, builds the history, picks the lineages and columns asked for and renders
them. Guarantees: the exit code follows diff(1) (0 when no version differs from the
one before, 1 when some do); a bad ``--columns`` or ``--provision`` is a `UsageError`
before anything is written; the output is written atomically.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from redline.errors import UsageError
from redline.history.values import History, Lineage
from redline.model import Document

FORMATS = ("text", "md", "json", "html", "pdf", "docx")
"""The output formats of ``redline history``."""


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked ``redline history`` for."""

    inputs: tuple[str, ...]
    git_file: str | None = None
    output: str = "-"
    fmt: str | None = None
    columns: str | None = None
    provision: str | None = None
    paper: str = "a4"
    redlines: str | None = None
    color: bool | None = None
    quiet: bool = False


def parse_columns(spec: str | None, count: int) -> list[int]:
    """Version indices from ``1,3,N`` (1-based; ``N`` is the last version).

    >>> parse_columns("1,3,N", 5), parse_columns(None, 3)
    ([0, 2, 4], [0, 1, 2])
    """
    if not spec:
        return list(range(count))
    columns = []
    for part in spec.split(","):
        word = part.strip()
        if word.upper() == "N":
            word = str(count)
        if not re.fullmatch(r"[0-9]+", word) or not 1 <= int(word) <= count:
            raise UsageError(
                f"--columns: {part!r} is not a version number from 1 to {count} (or N)"
            )
        columns.append(int(word) - 1)
    if len(set(columns)) != len(columns):
        raise UsageError(f"--columns: {spec!r} names a version twice")
    return columns


def find_provision(history: History, spec: str) -> Lineage:
    """The lineage of ``EID`` (in the latest version holding it) or ``V:EID`` (in version V)."""
    version: int | None = None
    number, sep, eid = spec.partition(":")
    if sep and number.isdigit():
        version = int(number) - 1
        if not 0 <= version < len(history.versions):
            raise UsageError(
                f"--provision: no version {number} (there are {len(history.versions)})"
            )
    else:
        eid = spec
    found = history.find(eid, version)
    if found is None:
        where = f"version {version + 1}" if version is not None else "any version"
        raise UsageError(f"--provision: no provision with eId {eid!r} in {where}")
    return found


def render(history: History, request: Request, fmt: str) -> bytes:
    """The history in format `fmt`, as the request's options ask."""
    columns = parse_columns(request.columns, len(history.versions))
    lineage = find_provision(history, request.provision) if request.provision else None
    chosen = (lineage,) if lineage else None
    if fmt == "json":
        from redline.history.json import render_history_json

        return render_history_json(history, chosen)
    if fmt == "html":
        from redline.history.table import render_history_html

        return render_history_html(history, columns, chosen)
    if fmt == "pdf":
        from redline.history.pdf import render_history_pdf

        return render_history_pdf(history, columns, chosen, request.paper)
    if fmt == "docx":
        from redline.history.docx import render_history_docx

        return render_history_docx(history, columns, chosen, request.paper)
    from redline.history.text import render_overview, render_provision

    markdown = fmt == "md"
    if lineage is None:
        return render_overview(history, columns, markdown)
    color = bool(request.color) and not markdown
    return render_provision(history, lineage, columns, markdown, color)


def run(request: Request) -> int:
    """Run ``redline history``; return the exit code."""
    from redline.batch.jobs import output_format
    from redline.history.inputs import load_versions
    from redline.history.lineage import build_history
    from redline.output import write_output
    from redline.progress import for_terminal

    fmt = output_format(request.fmt, request.output)
    if request.redlines and (fmt != "html" or request.output == "-"):
        raise UsageError("--redlines links to the HTML table: give -o TABLE.html")
    if request.redlines:
        from redline.output import check_folder

        check_folder(request.redlines, "--redlines")  # a file in the way: before any output
    if request.color is None:
        request = _with_color(request)
    progress = for_terminal(request.quiet)
    try:
        documents, sources = load_versions(request.inputs, request.git_file, progress)
        history = build_history(documents, sources, progress=progress)
        if progress:
            progress(f"rendering {fmt.upper()}", 0, 1)
        data = render(history, request, fmt)
    finally:
        if progress:
            progress.close()
    write_output(request.output, data)
    _say_reader_notes(documents)
    if request.redlines:
        write_redlines(history, request.redlines, request.output, request.quiet)
    return 0 if history.identical else 1


def _say_reader_notes(documents: Sequence[Document]) -> None:
    """What the readers of the versions skipped or doubted (`Metadata.import_notes`), on
    stderr, as ``diff`` says it: the table compares what was read."""
    from redline.printable import one_line

    for number, document in enumerate(documents, start=1):
        for note in document.meta.import_notes:
            sys.stderr.write(f"redline: warning: in reading version {number}: {one_line(note)}\n")


def write_redlines(history: History, folder: str, table: str, quiet: bool) -> None:
    """Each consecutive pair's HTML redline into `folder`, linking to the `table` file."""
    import os
    from pathlib import Path

    from redline.history.links import linked_redlines
    from redline.output import write_output

    Path(folder).mkdir(parents=True, exist_ok=True)
    href = Path(os.path.relpath(Path(table).resolve(), Path(folder).resolve())).as_posix()
    for name, page in linked_redlines(history, href):
        write_output(str(Path(folder) / name), page)
        if not quiet:
            sys.stdout.write(f"{Path(folder) / name}\n")


def _with_color(request: Request) -> Request:
    from dataclasses import replace

    return replace(request, color=request.output == "-" and sys.stdout.isatty())
