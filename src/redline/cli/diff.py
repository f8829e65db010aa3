"""The ``diff`` command: two versions, or a series of them, compared and rendered."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from redline import FORMATS
from redline.changes import CompareOptions
from redline.cli.app import cli, comparison_options, handle_errors
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
@click.option("--explain", is_flag=True, help="Text/Markdown: say why each provision was paired.")
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
    help="List the pairings under confidence X for a person to check (text, md, HTML, PDF).",
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
    explain: bool,
    min_confidence: float | None,
    author: str,
    quiet: bool,
) -> None:
    """Compare two versions OLD and NEW (AKN files, draft texts, or REV:path in git).

    With more than two inputs, or one folder, compares every consecutive pair of
    versions in a series (v1 -> v2, v2 -> v3 ...) on all cores, writing one file per
    pair into the folder given with -o. Exit 0 when the texts are the same, 1 when
    they differ, 2 on error.
    """
    from redline.batch.jobs import Job, output_format, run_job, series_inputs
    from redline.output import write_output
    from redline.printable import one_line
    from redline.progress import for_terminal

    fmt = output_format(fmt, output)
    if layout != "inline" and fmt in ("text", "md", "json"):
        raise click.UsageError(f"--layout {layout} is for HTML, PDF and Word; {fmt} has one layout")
    if len(inputs) == 2 and inputs[0] == inputs[1] == "-":
        raise click.UsageError("- (standard input) can be read once: give it as OLD or NEW")
    if color is None:
        color = output == "-" and sys.stdout.isatty()
    render_options = RenderOptions(
        layout=layout,
        paper=paper,
        color=color,
        quiet=quiet,
        author=author,
        explain=explain,
        min_confidence=min_confidence,
    )
    series = series_inputs(inputs)
    if series is not None:
        from redline.cli.series import diff_series

        sys.exit(diff_series(series, fmt, output, options, render_options, jobs, quiet))
    if len(inputs) != 2:
        raise click.UsageError("diff needs OLD and NEW (or a series of three or more versions)")
    progress = for_terminal(quiet)
    try:
        job = Job(inputs[0], inputs[1], fmt, options, render_options)
        result = run_job(job, progress, stream=True)
    finally:
        if progress:
            progress.close()
    if not (output == "-" and fmt in ("text", "md")):  # those print them in the text itself
        for warning in result.warnings:
            click.echo(f"redline: warning: {one_line(warning)}", err=True)
    write_output(output, result.data if result.chunks is None else result.chunks)
    sys.exit(1 if result.differ else 0)
