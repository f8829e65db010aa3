"""The ``check`` command: the CI gate over a repository of texts."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from redline.cli.app import cli, handle_errors
from redline.printable import one_line


@cli.command("check")
@click.argument("paths", nargs=-1)
@click.option("--base", metavar="REV", help="Compare each changed AKN file with git revision REV.")
@click.option("--html", "html_dir", metavar="DIR", help="Write an HTML redline per changed file.")
@click.option("--pdf", "pdf_dir", metavar="DIR", help="Write a PDF redline per changed file.")
@click.option(
    "-o", "--output", metavar="FILE", default="-", show_default=True,
    help="File for the summary, - for stdout.",
)  # fmt: skip
@click.option(
    "--rules-from", type=click.Choice(["base", "worktree"]), default="base", show_default=True,
    help="With --base: read redline.toml from the base revision or the working tree.",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Do not print the summary on stdout.")
@handle_errors
def check_command(
    paths: Sequence[str],
    base: str | None,
    html_dir: str | None,
    pdf_dir: str | None,
    output: str,
    rules_from: str,
    quiet: bool,
) -> None:
    """Validate the AKN files under PATHS (default: versions/); with --base, also
    compare what changed since git revision REV and apply the rules of redline.toml.

    Prints a Markdown summary (also appended to $GITHUB_STEP_SUMMARY when set, cut
    to GitHub's 1 MiB limit: the whole one goes to -o) and each problem or broken
    rule on stderr. With --base the rules are those of the base revision. Exit 0
    when all files are valid and every rule holds (changes alone do not fail), 1
    when not, 2 on usage errors.
    """
    import os
    from pathlib import Path

    from redline.ci.check import CheckConfig, append_summary, run_check, write_redlines
    from redline.ci.rules import RulesFrom
    from redline.output import check_folder, write_output

    folders = {"html": html_dir, "pdf": pdf_dir}
    for fmt, folder in folders.items():
        if folder:
            check_folder(folder, f"--{fmt}")  # before any output: a file in the way is exit 2
    report = run_check(paths, base, CheckConfig(rules_from=RulesFrom(rules_from)))
    for message in report.messages():
        click.echo(one_line(message), err=True)
    if output != "-" or not quiet:
        write_output(output, report.summary.encode("utf-8"))
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        full = output if output != "-" else ""
        append_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), report.summary, full)
    for fmt, folder in folders.items():
        if folder:
            write_redlines(report, Path(folder), fmt)
    sys.exit(0 if report.ok else 1)
