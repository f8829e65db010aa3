"""The ``diff`` command: two versions, or a series of them, compared and rendered."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from redline.changes import CompareOptions
from redline.cli.app import FORMATS, cli, comparison_options, handle_errors
from redline.renderers import RenderOptions


@cli.command("diff")
@click.argument("inputs", nargs=-1, required=True, metavar="OLD NEW [MORE...]")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
    help="Output format (default: from the -o file's extension, else text).",
)  # fmt: skip
@click.option("-o", "--output", default="-", show_default=True, help="File to write, - for stdout.")
@click.option(
    "--layout", type=click.Choice(["inline", "side-by-side"]), default="inline",
    show_default=True, help="HTML/PDF: one tracked-change text, or old and new in columns.",
)  # fmt: skip
@click.option(
    "--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
    help="PDF and Word paper size.",
)  # fmt: skip
@comparison_options
@click.option(
    "--color/--no-color", default=None, help="Colour text output (default: on a terminal)."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1), default=None,
    help="Series: processes to use (default: every core).",
)  # fmt: skip
@click.option(
    "--author", default="redline", show_default=True,
    help="Word (.docx): the author of the tracked changes.",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@handle_errors
def diff_command(
    inputs: Sequence[str],
    fmt: str | None,
    output: str,
    layout: str,
    paper: str,
    options: CompareOptions,
    color: bool | None,
    jobs: int | None,
    author: str,
    quiet: bool,
) -> None:
    """Compare two versions OLD and NEW (AKN files, draft texts, or REV:path in git).

    With more than two inputs, or one folder, compares every consecutive pair of
    versions in a series (v1 -> v2, v2 -> v3 ...) on all cores, writing one file per
    pair into the folder given with -o. Exit 0 when the texts are the same, 1 when
    they differ, 2 on error.
    """
    from redline.batch.jobs import Job, format_for, run_job, series_inputs
    from redline.output import write_output
    from redline.progress import for_terminal
    from redline.renderers import RenderOptions

    fmt = fmt or format_for(output)
    if fmt in ("pdf", "docx") and output == "-" and sys.stdout.isatty():
        raise click.UsageError(
            f"a {fmt.upper()} is not for the terminal: write it to a file with -o"
        )
    if color is None:
        color = output == "-" and sys.stdout.isatty()
    render_options = RenderOptions(
        layout=layout, paper=paper, color=color, quiet=quiet, author=author
    )
    series = series_inputs(inputs)
    if series is not None:
        sys.exit(_diff_series(series, fmt, output, options, render_options, jobs, quiet))
    if len(inputs) != 2:
        raise click.UsageError("diff needs OLD and NEW (or a series of three or more versions)")
    progress = for_terminal(quiet)
    try:
        result = run_job(Job(inputs[0], inputs[1], fmt, options, render_options), progress)
    finally:
        if progress:
            progress.close()
    write_output(output, result.data)
    sys.exit(1 if result.differ else 0)


def _diff_series(
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

    from redline.batch.jobs import Job, consecutive_pairs, output_names, run_jobs
    from redline.output import write_output
    from redline.progress import for_terminal

    if output == "-":
        raise click.UsageError("a series writes one file per pair: give a folder with -o")
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    work = [Job(a, b, fmt, options, render_options) for a, b in consecutive_pairs(versions)]
    progress = for_terminal(quiet)
    tick = (lambda done, total: progress("comparing pairs", done, total)) if progress else None
    try:
        results = run_jobs(work, jobs, tick)
    finally:
        if progress:
            progress.close()
    names = output_names([(r.job.old, r.job.new) for r in results], fmt)
    code = 0
    for result, name in zip(results, names, strict=True):
        if result.error:
            click.echo(f"redline: {result.error}", err=True)
            code = max(code, result.exit_code)
            continue
        write_output(str(folder / name), result.data)
        if not quiet:
            click.echo(str(folder / name))
        code = max(code, 1 if result.differ else 0)
    return code
