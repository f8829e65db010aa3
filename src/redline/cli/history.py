"""The ``history`` command: one text followed through all its drafts."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from redline.cli.app import cli, handle_errors
from redline.history.command import FORMATS


@cli.command("history")
@click.argument("inputs", nargs=-1, metavar="V1 V2 [V3...] | FOLDER")
@click.option("--git", "git_file", metavar="FILE", help="Every git revision of FILE, oldest first.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS),
    default=None, help="Output format (default: from the -o file's extension, else text).",
)  # fmt: skip
@click.option("-o", "--output", default="-", show_default=True, help="File to write, - for stdout.")
@click.option("--columns", metavar="1,3,N", help="Versions shown, by number (N: the last).")
@click.option("--provision", metavar="[V:]EID", help="Only the lineage of this provision.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", help="PDF paper.")
@click.option("--redlines", metavar="DIR", help="HTML: also each pair's redline, linking here.")
@click.option("--color/--no-color", default=None, help="Colour text (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@handle_errors
def history_command(inputs: Sequence[str], git_file: str | None, **options: Any) -> None:
    """The life of a text across its drafts: every provision followed through the
    versions (files, a folder, REV:paths, or --git FILE), as a synoptic table (html,
    pdf), JSON, or the lineage of one provision (--provision, text or md). Exit 0
    when no version differs from the one before, 1 when some do, 2 on error.
    """
    from redline.history.command import Request, run

    sys.exit(run(Request(tuple(inputs), git_file, **options)))
