"""One comparison job from inputs to output bytes, and many of them on all cores.

`run_job` is what ``redline diff OLD NEW`` does; `run_jobs` runs a series of them
(every consecutive pair of versions) in a process pool. Jobs are plain values so
they cross process boundaries.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from redline.changes import CompareOptions
from redline.errors import UsageError
from redline.progress import Progress, silent
from redline.renderers import RENDERERS, RenderOptions


@dataclass(frozen=True, slots=True)
class Job:
    """Compare `old` with `new` and render the result in format `fmt`."""

    old: str
    new: str
    fmt: str
    options: CompareOptions
    render: RenderOptions


@dataclass(frozen=True, slots=True)
class Result:
    """The rendered bytes, whether the versions differ, or the error message."""

    job: Job
    data: bytes = b""
    differ: bool = False
    error: str = ""
    exit_code: int = 0
    warnings: tuple[str, ...] = ()
    """What to know before trusting the redline (`redline.comparison.sanity`)."""
    chunks: Iterable[bytes] | None = None
    """With ``run_job(stream=True)``: the output, rendered as it is iterated (`data` is
    then empty). Only for this process: a stream does not cross to another one."""


def run_job(job: Job, progress: Progress | None = None, stream: bool = False) -> Result:
    """Read both inputs, compare them and render (errors are raised, not caught).

    With `stream`, the output is left to `Result.chunks`, rendered in chunks while it is
    written (`redline.renderers.get_stream`): the same bytes, never all in memory."""
    from redline.comparison.engine import compare
    from redline.comparison.sanity import sanity_warnings
    from redline.read.sources import load_document
    from redline.renderers import get_renderer, get_stream

    report = progress or silent
    report("reading", 0, 2)
    old = load_document(job.old)
    report("reading", 1, 2)
    new = load_document(job.new)
    comparison = compare(old, new, job.options, report)
    report(f"rendering {job.fmt.upper()}", 0, 1)
    differ, warnings = not comparison.identical, sanity_warnings(comparison)
    if stream:
        chunks = get_stream(job.fmt)(comparison, job.render)
        return Result(job, b"", differ, warnings=warnings, chunks=chunks)
    return Result(job, get_renderer(job.fmt)(comparison, job.render), differ, warnings=warnings)


def run_caught(job: Job) -> Result:
    """`run_job` with its error in the result instead of raised: one broken pair must
    not lose the results of the others."""
    from redline.errors import RedlineError

    try:
        return run_job(job)
    except RedlineError as error:
        return Result(job, error=str(error), exit_code=error.exit_code)
    except Exception as error:  # one broken pair must not lose the others' results
        return Result(job, error=f"internal error: {type(error).__name__}: {error}", exit_code=2)


def run_jobs(
    jobs: Sequence[Job], workers: int | None = None, done: Callable[[int, int], None] | None = None
) -> list[Result]:
    """Run `jobs` on `workers` processes (default: every core), in order of `jobs`.

    Each job's error is returned in its result, so one bad file does not stop the rest.
    """
    results: list[Result | None] = [None] * len(jobs)
    for count, (position, result) in enumerate(run_as_finished(jobs, workers), start=1):
        results[position] = result
        if done:
            done(count, len(jobs))
    return [result for result in results if result is not None]


def run_as_finished(
    jobs: Sequence[Job], workers: int | None = None
) -> Iterator[tuple[int, Result]]:
    """(position in `jobs`, result) as each job finishes, on `workers` processes
    (default: every core; one runs them in this process, in order)."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    if workers == 1:
        yield from ((position, run_caught(job)) for position, job in enumerate(jobs))
        return
    # concurrent.futures costs 40 ms to import: only here
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_caught, job): position for position, job in enumerate(jobs)}
        for future in as_completed(futures):
            yield futures[future], future.result()


def consecutive_pairs(inputs: Sequence[str]) -> list[tuple[str, str]]:
    """Every consecutive pair of versions: (v1, v2), (v2, v3) ...

    >>> consecutive_pairs(["a", "b", "c"])
    [('a', 'b'), ('b', 'c')]
    """
    return list(pairwise(inputs))


BINARY_FORMATS = ("pdf", "docx")
"""The formats whose bytes are not text."""


def output_format(fmt: str | None, output: str) -> str:
    """The format to write `output` in: `fmt` when given (``-f``), else the one its
    extension names (`format_for`). A `fmt` that contradicts the extension of a known
    format is refused: ``-f json -o r.html`` would write JSON under a name that
    promises HTML. An extension that names no format is the user's choice with ``-f``.
    A binary format (`BINARY_FORMATS`) is refused on a terminal: its bytes would garble it.

    >>> output_format("json", "r.log"), output_format(None, "r.md"), output_format("md", "-")
    ('json', 'md', 'md')
    >>> output_format("json", "r.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    redline.errors.UsageError: r.html: -f json contradicts the file's extension '.html': ...
    """
    if fmt is None:
        return format_for(output)
    extension = _extension(output)
    if extension in RENDERERS and extension != fmt:
        raise UsageError(
            f"-f {fmt} contradicts the file's extension '.{output.rpartition('.')[2]}': "
            "give a matching name or leave out -f",
            source=output,
        )
    if fmt in BINARY_FORMATS and output == "-" and sys.stdout.isatty():
        raise UsageError(f"a {fmt.upper()} is not for the terminal: write it to a file with -o")
    return fmt


def names_a_file(output: str) -> bool:
    """Whether `output` ends in the extension of an output format (``r.html``), so it
    names one file, not a folder.

    >>> names_a_file("series.txt"), names_a_file("out/"), names_a_file("drafts-2024")
    (True, False, False)
    """
    return _extension(output) in RENDERERS


def _extension(output: str) -> str:
    """The format name an output's extension spells (``htm`` -> ``html``), or its
    extension as written, lower case; ``""`` for none."""
    name = output.rpartition("/")[2]
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    return {"htm": "html", "markdown": "md", "txt": "text"}.get(extension, extension)


def format_for(output: str) -> str:
    """The format an output file's extension asks for (text when it says nothing).

    An extension that names no format (``x.odt``, ``x.rtf``) is refused rather than
    written as text under a name that promises something else.

    >>> [format_for(name) for name in ("r.html", "r.PDF", "r.md", "r.docx", "-", "out/")]
    ['html', 'pdf', 'md', 'docx', 'text', 'text']
    >>> format_for("r.odt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    redline.errors.UsageError: r.odt: no output format for '.odt'; known: .txt, ... (or give -f)
    """
    extension = _extension(output)
    if extension in RENDERERS:
        return extension
    if extension and not Path(output).is_dir():
        known = ", ".join(f".{'txt' if fmt == 'text' else fmt}" for fmt in RENDERERS)
        raise UsageError(
            f"no output format for '.{extension}'; known: {known} (or give -f)", source=output
        )
    return "text"


def series_inputs(inputs: Sequence[str]) -> list[str] | None:
    """The versions of a series (three or more files, or one folder), else None."""
    if len(inputs) == 1 and Path(inputs[0]).is_dir():
        folder = Path(inputs[0])
        files = sorted(
            (str(p) for p in folder.iterdir() if p.name.endswith(".xml")), key=natural_key
        )
        if len(files) < 2:
            raise UsageError(f"{folder}: a series needs at least two AKN files")
        return files
    if len(inputs) == 1:
        raise UsageError("diff needs OLD and NEW")
    return list(inputs) if len(inputs) > 2 else None


def natural_key(name: str) -> list[object]:
    """Sort key putting ``v2`` before ``v10``.

    >>> sorted(["v10.xml", "v2.xml", "v1.xml"], key=natural_key)
    ['v1.xml', 'v2.xml', 'v10.xml']
    """
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def stem(path: str) -> str:
    """A file name without folder and extension(s), for naming outputs.

    >>> stem("versions/solidarity-2014.akn.xml")
    'solidarity-2014'
    """
    name = path.replace(":", "/").rsplit("/", 1)[-1]
    for suffix in (".akn.xml", ".xml", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def output_names(pairs: Sequence[tuple[str, str]], fmt: str) -> list[str]:
    """One file name per pair: ``old--new.ext``, numbered when names would repeat (as for
    revisions of one file).

    >>> output_names([("a.akn.xml", "b.akn.xml")], "text")
    ['a--b.txt']
    >>> output_names([("HEAD~2:x.xml", "HEAD~1:x.xml"), ("HEAD~1:x.xml", "x.xml")], "md")
    ['01-x--x.md', '02-x--x.md']
    """
    names = [f"{stem(old)}--{stem(new)}" for old, new in pairs]
    if len(set(names)) < len(names):
        names = [f"{i:02d}-{name}" for i, name in enumerate(names, start=1)]
    extension = {"text": "txt"}.get(fmt, fmt)
    return [f"{name}.{extension}" for name in names]
