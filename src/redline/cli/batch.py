"""The ``batch`` command: every pair of a manifest compared, locally or on a cluster."""

from __future__ import annotations

import sys

import click

from redline import FORMATS
from redline.changes import CompareOptions
from redline.cli.app import cli, comparison_options, handle_errors
from redline.printable import one_line


@cli.command("batch")
@click.argument("manifest")
@click.option("-o", "--output", required=True, metavar="FOLDER", help="Folder for the outputs.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
    help="Format of each pair's output.",
)  # fmt: skip
@click.option(
    "--scheduler", default="local", show_default=True, metavar="local|dask://HOST:PORT",
    help="Where the comparisons run: this machine's cores, or a Dask cluster.",
)  # fmt: skip
@click.option(
    "-j", "--jobs", type=click.IntRange(1), default=None,
    help="Local scheduler: processes to use (default: every core; 1 runs in this process).",
)  # fmt: skip
@comparison_options
@click.option("-q", "--quiet", is_flag=True, help="No progress display, no summary line.")
@handle_errors
def batch_command(
    manifest: str,
    output: str,
    fmt: str,
    scheduler: str,
    jobs: int | None,
    options: CompareOptions,
    quiet: bool,
) -> None:
    """Compare every pair of versions that MANIFEST names: a CSV (old,new[,output]
    columns), a JSON list of pairs and series, or a folder tree whose folders each hold
    the versions of one text.

    Writes one output per pair into FOLDER and an index.json of all results; a pair
    whose output is newer than its inputs is skipped, so a stopped run resumes. A pair
    that fails is listed in the index and on stderr, and the others go on. Exit 0 when
    every pair is the same, 1 when any differ, 2 when any failed.
    """
    from pathlib import Path

    from redline.batch.corpus import exit_code, run_corpus, status_counts
    from redline.batch.manifest import read_manifest
    from redline.progress import for_terminal
    from redline.renderers import RenderOptions

    pairs = read_manifest(manifest)
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise click.UsageError(f"{output}: not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    progress = for_terminal(quiet)
    try:
        done = (lambda n, total: progress("comparing pairs", n, total)) if progress else None
        outcomes = run_corpus(
            pairs, folder, fmt, options, RenderOptions(quiet=True), scheduler, jobs, done
        )
    finally:
        if progress:
            progress.close()
    for outcome in outcomes:
        if outcome.error:
            click.echo(f"redline: {one_line(outcome.error)}", err=True)
        for warning in outcome.warnings:
            click.echo(
                f"redline: warning: {one_line(outcome.output)}: {one_line(warning)}", err=True
            )
    if not quiet:
        skipped = sum(not outcome.ran for outcome in outcomes)
        summary = ", ".join(f"{n} {status}" for status, n in status_counts(outcomes).items())
        index = folder / "index.json"
        message = f"{len(outcomes)} pairs ({skipped} up to date, not run): {summary}; index {index}"
        click.echo(f"redline: {message}", err=True)
    sys.exit(exit_code(outcomes))
