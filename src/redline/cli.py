"""The command line: a thin shell over the library.

Each command reads its inputs through `redline.read.sources`, calls one library function,
writes through `redline.output` (atomically) and turns `RedlineError` into a one-line
message and an exit code: 0 same/valid, 1 different/invalid/policy violated, 2 usage
or input error (diff(1)'s convention). Heavy libraries are imported inside commands
so that ``redline --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from redline import __version__
from redline.changes import CompareOptions
from redline.errors import RedlineError
from redline.printable import one_line
from redline.renderers import RENDERERS
from redline.signals import Signalled, catch_signals, restore_signals

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = tuple(RENDERERS)


def _fail(message: str, code: int) -> None:
    click.echo(f"redline: {one_line(message)}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn library errors, interrupts and OS errors into one-line messages and exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RedlineError as error:
            _fail(str(error).replace("\n", " "), error.exit_code)
        except Signalled as signalled:
            _fail(f"terminated by {signalled.name}", 128 + signalled.number)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except OSError as error:
            name = error.filename or ""
            _fail(f"{name}: {error.strerror or error}" if name else str(error), 2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as error:  # the promise: no traceback, ever; say what broke
            _fail(f"internal error, please report: {type(error).__name__}: {error}", 2)
        return None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redline")
@click.option(
    "--max-input-size", type=click.FloatRange(0, min_open=True), metavar="MB",
    help="Largest input accepted, in MB (default 32; also $REDLINE_MAX_INPUT_MB).",
)  # fmt: skip
def cli(max_input_size: float | None) -> None:
    """Compare versions of a legal text the way drafters read them.

    Drafts are kept as Akoma Ntoso 3.0 XML; `import` makes it from the text a
    secretariat has (or from US bills in USLM), `diff` aligns two versions by
    content and shows tracked changes, `check` guards a repository of texts.
    """
    import os

    from redline.xmlsafe import LIMIT_VARIABLE

    if max_input_size is not None:
        os.environ[LIMIT_VARIABLE] = str(max_input_size)  # seen by a series' workers too


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
    quiet: bool,
) -> None:
    """Import SOURCE (a draft's text, or a USLM bill) and write Akoma Ntoso XML."""
    from redline.akn.write import write_akn
    from redline.model import ImportOptions
    from redline.output import write_output
    from redline.read.sources import import_source

    options = ImportOptions(
        title=title, date=date, version_label=version_label, work_uri=work_uri, encoding=encoding
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
            click.echo(one_line(f"{name}: valid"), err=True)
    sys.exit(code)


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
    if not quiet:
        for warning in result.warnings:
            click.echo(f"redline: warning: {one_line(warning)}", err=True)


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
    help="PDF paper size.",
)  # fmt: skip
@click.option("--ignore-case", is_flag=True, help="Treat upper and lower case as equal.")
@click.option("--ignore-whitespace", is_flag=True, help="Treat differences in spacing as equal.")
@click.option(
    "--ignore-typography", is_flag=True,
    help="Treat curly/straight quotes, dash variants and non-breaking spaces as equal.",
)  # fmt: skip
@click.option("--ignore-punctuation", is_flag=True, help="Ignore punctuation marks.")
@click.option(
    "--match-threshold", type=click.FloatRange(0, 1), default=CompareOptions().match_threshold,
    show_default=True, help="Lowest word similarity at which two provisions pair up.",
)  # fmt: skip
@click.option(
    "--split-threshold", type=click.FloatRange(0, 1), default=CompareOptions().split_threshold,
    show_default=True,
    help="Lowest share of a provision's words found in another for a split or merge.",
)  # fmt: skip
@click.option(
    "--color/--no-color", default=None, help="Colour text output (default: on a terminal)."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1), default=None,
    help="Series: processes to use (default: every core).",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@handle_errors
def diff_command(
    inputs: Sequence[str],
    fmt: str | None,
    output: str,
    layout: str,
    paper: str,
    ignore_case: bool,
    ignore_whitespace: bool,
    ignore_typography: bool,
    ignore_punctuation: bool,
    match_threshold: float,
    split_threshold: float,
    color: bool | None,
    jobs: int | None,
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

    options = CompareOptions(
        ignore_case=ignore_case,
        ignore_whitespace=ignore_whitespace,
        ignore_typography=ignore_typography,
        ignore_punctuation=ignore_punctuation,
        match_threshold=match_threshold,
        split_threshold=split_threshold,
    )
    fmt = fmt or format_for(output)
    if fmt == "pdf" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("a PDF is not for the terminal: write it to a file with -o")
    if color is None:
        color = output == "-" and sys.stdout.isatty()
    render_options = RenderOptions(layout=layout, paper=paper, color=color, quiet=quiet)
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
    render_options: Any,
    jobs: int | None,
    quiet: bool,
) -> int:
    """Compare consecutive versions in parallel; one output file per pair in `output`."""
    from pathlib import Path

    from redline.batch.jobs import Job, consecutive_pairs
    from redline.batch.stdin import stdin_as_file

    if output == "-":
        raise click.UsageError("a series writes one file per pair: give a folder with -o")
    if versions.count("-") > 1:
        raise click.UsageError("- (standard input) can be read once: name it once in a series")
    folder = Path(output)
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
        write_output(str(folder / name), result.data)
        if not quiet:
            click.echo(one_line(str(folder / name)))
        code = max(code, 1 if result.differ else 0)
    return code


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
    from redline.output import write_output

    report = run_check(paths, base, CheckConfig(rules_from=RulesFrom(rules_from)))
    for message in report.messages():
        click.echo(one_line(message), err=True)
    if output != "-" or not quiet:
        write_output(output, report.summary.encode("utf-8"))
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        full = output if output != "-" else ""
        append_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), report.summary, full)
    for folder, fmt in ((html_dir, "html"), (pdf_dir, "pdf")):
        if folder:
            write_redlines(report, Path(folder), fmt)
    sys.exit(0 if report.ok else 1)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m redline``).

    The environment is as it was afterwards (``--max-input-size`` sets a variable for
    the run only).
    """
    import os

    from redline.xmlsafe import LIMIT_VARIABLE

    saved = os.environ.get(LIMIT_VARIABLE)
    handlers = catch_signals()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="redline")
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    finally:
        restore_signals(handlers)
        if saved is None:
            os.environ.pop(LIMIT_VARIABLE, None)
        else:
            os.environ[LIMIT_VARIABLE] = saved
    return 0
