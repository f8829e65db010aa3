"""``diff`` over a series of versions: every consecutive pair, one output file each."""

from __future__ import annotations

from typing import Any

import click

from redline.changes import CompareOptions
from redline.printable import one_line
from redline.renderers import RenderOptions


def diff_series(
    versions: list[str],
    fmt: str,
    output: str,
    options: CompareOptions,
    render_options: RenderOptions,
    jobs: int | None,
    quiet: bool,
) -> int:
    """Compare consecutive versions in parallel; one output file per pair in `output`."""
    from pathlib import Path

    from redline.batch.jobs import Job, consecutive_pairs, names_a_file
    from redline.batch.stdin import stdin_as_file

    if output == "-":
        raise click.UsageError("a series writes one file per pair: give a folder with -o")
    if versions.count("-") > 1:
        raise click.UsageError("- (standard input) can be read once: name it once in a series")
    folder = Path(output)
    if names_a_file(output) and not folder.is_dir():
        raise click.UsageError(
            f"{output}: a series writes one file per pair into a folder; this names a "
            "file (give a folder with -o, and the format with -f)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    pairs = consecutive_pairs(versions)
    with stdin_as_file(versions) as readable:
        work = [Job(a, b, fmt, options, render_options) for a, b in consecutive_pairs(readable)]
        aliases = dict(zip(readable, versions, strict=True))
        return _write_series(work, pairs, folder, fmt, jobs, quiet, aliases)


def _write_series(
    work: list[Any],
    pairs: list[tuple[str, str]],
    folder: Any,
    fmt: str,
    jobs: int | None,
    quiet: bool,
    aliases: dict[str, str],
) -> int:
    """Run the series and write one file per pair, named after `pairs` (as given);
    messages name standard input ``-`` (`aliases`), not the file that held it."""
    from redline.batch.jobs import output_names, run_jobs
    from redline.output import write_output
    from redline.progress import for_terminal

    progress = for_terminal(quiet)
    tick = (lambda done, total: progress("comparing pairs", done, total)) if progress else None
    try:
        results = run_jobs(work, jobs, tick)
    finally:
        if progress:
            progress.close()
    names = output_names(pairs, fmt)
    code = 0
    for result, name in zip(results, names, strict=True):
        if result.error:
            message = result.error
            for path, given in aliases.items():
                message = message.replace(path, given) if path != given else message
            click.echo(f"redline: {one_line(message)}", err=True)
            code = max(code, result.exit_code)
            continue
        for warning in result.warnings:
            click.echo(f"redline: warning: {one_line(name)}: {one_line(warning)}", err=True)
        write_output(str(folder / name), result.data)
        if not quiet:
            click.echo(one_line(str(folder / name)))
        code = max(code, 1 if result.differ else 0)
    return code
