"""The command group and what every command shares: one-line errors and exit codes.

Every command is a function registered on `cli` and decorated with `handle_errors`, so
a `RedlineError` becomes one line on stderr and its exit code (0 same/valid,
1 different/invalid/policy violated, 2 usage or input error: diff(1)'s convention),
and nothing ever prints a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from importlib import import_module
from typing import Any, TypeVar

import click

from redline import __version__
from redline.changes import CompareOptions
from redline.cli.signals import Signalled
from redline.errors import RedlineError
from redline.printable import one_line

F = TypeVar("F", bound=Callable[..., Any])


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
        except Signalled as signalled:  # before KeyboardInterrupt: it is one
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


#: The module (in `redline.cli`) that defines each command, imported when the command
#: is run or listed: ``redline diff`` does not pay for the imports of ``history``.
LAZY_COMMANDS = {
    "import": "documents", "validate": "documents", "text": "documents", "diff": "diff",
    "check": "gate", "batch": "batch", "history": "history",
}  # fmt: skip


class LazyGroup(click.Group):
    """A command group that imports a command's module only when it is needed."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command `cmd_name`, its module imported first if need be."""
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            import_module(f"redline.cli.{LAZY_COMMANDS[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name (all their modules imported)."""
        for module in sorted(set(LAZY_COMMANDS.values())):
            import_module(f"redline.cli.{module}")
        return super().list_commands(ctx)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


_COMPARISON_FIELDS = (
    "ignore_case", "ignore_whitespace", "ignore_typography", "ignore_punctuation",
    "match_threshold", "split_threshold", "evidence_floor",
)  # fmt: skip


def comparison_options(func: F) -> F:
    """The options of a comparison (what to ignore, thresholds), shared by every command
    that compares; the command receives them as one `CompareOptions` named ``options``."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _COMPARISON_FIELDS}
        return func(*args, options=CompareOptions(**values), **kwargs)

    decorators = [
        click.option("--ignore-case", is_flag=True, help="Treat upper and lower case as equal."),
        click.option(
            "--ignore-whitespace", is_flag=True, help="Treat differences in spacing as equal."
        ),
        click.option(
            "--ignore-typography", is_flag=True,
            help="Treat curly/straight quotes, dash variants and non-breaking spaces as equal.",
        ),
        click.option("--ignore-punctuation", is_flag=True, help="Ignore punctuation marks."),
        click.option(
            "--match-threshold", type=click.FloatRange(0, 1),
            default=CompareOptions().match_threshold, show_default=True,
            help="Lowest word similarity at which two provisions pair up.",
        ),
        click.option(
            "--split-threshold", type=click.FloatRange(0, 1),
            default=CompareOptions().split_threshold, show_default=True,
            help="Lowest share of a provision's words found in another for a split or merge.",
        ),
        click.option(
            "--evidence-floor", type=click.FloatRange(0, 1),
            default=CompareOptions().evidence_floor, show_default=True,
            help="Lowest text similarity at which provisions pair by eId or place alone.",
        ),
    ]  # fmt: skip
    command: Any = wrapper
    for decorator in reversed(decorators):
        command = decorator(command)
    return command  # type: ignore[no-any-return]
