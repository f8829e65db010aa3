"""Commands on one document at a time: ``import``, ``validate`` and ``text``."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from redline.cli.app import cli, handle_errors
from redline.errors import RedlineError
from redline.printable import one_line

if TYPE_CHECKING:
    from redline.akn.problems import Problem


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
        # what the report line does not name already (a US reader's report only counts)
        unreported = tuple(part for part in result.skipped if part not in result.report)
        for warning in result.warnings + unreported + result.advice:
            click.echo(f"redline: warning: {one_line(warning)}", err=True)
        click.echo(f"redline: {result.report}", err=True)


@cli.command("validate")
@click.argument("files", nargs=-1, required=True)
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
@click.option("--strict", is_flag=True, help="Warnings make a file invalid too.")
@handle_errors
def validate_command(files: Sequence[str], quiet: bool, strict: bool) -> None:
    """Validate AKN FILES against the AKN 3.0 schema and the project's rules.

    Prints every problem as FILE:LINE: MESSAGE (FILE:LINE: warning: MESSAGE for eId
    naming and numbering deviations). Exit 0 when all are valid (warnings allowed
    unless --strict), 1 when any is invalid or not well-formed, 2 when a file cannot
    be read.
    """
    from redline.akn.validate import is_invalid, validate_akn
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
            click.echo(one_line(problem.describe()))
        if is_invalid(problems, strict):
            code = max(code, 1)  # its problems say why; a file that cannot parse gets one line
        elif not quiet:
            click.echo(one_line(_verdict(name, problems)))
    sys.exit(code)


def _verdict(name: str, problems: Sequence[Problem]) -> str:
    """``FILE: valid`` or ``FILE: valid (1 warning, 3 notes)``: a valid file's verdict,
    on the stream its problems went to, with what was found."""
    counts = Counter(problem.severity for problem in problems)
    found = [
        f"{counts[kind]} {kind}{'s' if counts[kind] != 1 else ''}"
        for kind in ("warning", "note")
        if counts[kind]
    ]
    return f"{name}: valid" + (f" ({', '.join(found)})" if found else "")


@cli.command("text")
@click.argument("file")
@click.option("-o", "--output", default="-", show_default=True, help="File to write, - for stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Do not report the reader's warnings on stderr.")
@handle_errors
def text_command(file: str, output: str, quiet: bool) -> None:
    """Print the plain text of an AKN FILE: labels, text, footnotes at the end."""
    from redline.output import write_output
    from redline.read.sources import import_source
    from redline.renderers.plaintext import render_plaintext

    result = import_source(file)
    write_output(output, render_plaintext(result.document).encode("utf-8"))
    if not quiet:  # what the text printed does not hold is said
        for warning in result.warnings + result.skipped + result.advice:
            click.echo(f"redline: warning: {one_line(warning)}", err=True)
