"""Commands on one document at a time: ``import``, ``validate`` and ``text``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from redline.cli.app import cli, handle_errors, one_line
from redline.errors import RedlineError


@cli.command("import")
@click.argument("source")
@click.option(
    "-o", "--output", default="-", show_default=True, help="AKN file to write, - for stdout."
)
@click.option("--title", help="Document title (default: the title found in the text).")
@click.option(
    "--date",
    "date",
    help="Version date, YYYY-MM-DD (default: today's date is not used; 1970-01-01 marks unknown).",
)
@click.option("--version-label", help="Human label of this version, e.g. 'revision A'.")
@click.option("--work-uri", help="FRBR work URI, e.g. /akn/un/bill/2014/solidarity-declaration.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of a text source.")
@click.option(
    "--revisions", type=click.Choice(["accept", "reject"]), default=None,
    help="Word source with tracked changes: take them as accepted or rejected (default: refuse).",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Do not report counts and warnings on stderr.")
@handle_errors
def import_command(
    source: str,
    output: str,
    title: str | None,
    date: str | None,
    version_label: str | None,
    work_uri: str | None,
    encoding: str,
    revisions: str | None,
    quiet: bool,
) -> None:
    """Import SOURCE (a draft's text, a Word .docx, or a USLM bill) and write Akoma Ntoso XML."""
    from redline.akn.write import write_akn
    from redline.model import ImportOptions
    from redline.output import write_output
    from redline.read.sources import import_source

    options = ImportOptions(
        title=title,
        date=date,
        version_label=version_label,
        work_uri=work_uri,
        encoding=encoding,
        revisions=revisions or "",
    )
    result = import_source(source, options)
    write_output(output, write_akn(result.document))
    if not quiet:
        for warning in result.warnings:
            click.echo(f"redline: warning: {one_line(warning)}", err=True)
        click.echo(f"redline: {result.report}", err=True)


@cli.command("validate")
@click.argument("files", nargs=-1, required=True)
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
@handle_errors
def validate_command(files: Sequence[str], quiet: bool) -> None:
    """Validate AKN FILES against the AKN 3.0 schema and the project's rules.

    Prints every problem as FILE:LINE: MESSAGE. Exit 0 when all are valid, 1 when
    any is invalid or not well-formed, 2 when a file cannot be read.
    """
    from redline.akn.validate import validate_akn
    from redline.read.sources import read_bytes

    code = 0
    for name in files:
        try:
            data = read_bytes(name)
        except RedlineError as error:  # report, go on with the other files, exit 2
            click.echo(f"redline: {one_line(str(error))}", err=True)
            code = 2
            continue
        problems = validate_akn(data, name)
        for problem in problems:
            click.echo(one_line(str(problem)))
        if problems:
            code = max(code, 1)
        elif not quiet:
            click.echo(f"{name}: valid", err=True)
    sys.exit(code)


@cli.command("text")
@click.argument("file")
@click.option("-o", "--output", default="-", show_default=True, help="File to write, - for stdout.")
@handle_errors
def text_command(file: str, output: str) -> None:
    """Print the plain text of an AKN FILE: labels, text, footnotes at the end."""
    from redline.output import write_output
    from redline.read.sources import load_document
    from redline.renderers.plaintext import render_plaintext

    write_output(output, render_plaintext(load_document(file)).encode("utf-8"))
