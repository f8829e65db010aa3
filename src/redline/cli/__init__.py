"""The command line: a thin shell over the library.

Each command reads its inputs through `redline.read.sources`, calls one library function,
writes through `redline.output` (atomically) and turns `RedlineError` into a one-line
message and an exit code (`redline.cli.app`). One module per group of commands:
`documents` (import, validate, text), `diff`, `gate` (check). Heavy libraries are
imported inside commands, and each command's module when the command is run
(`redline.cli.app.LazyGroup`), so that ``redline --help`` and ``redline diff`` start fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from types import ModuleType

from redline.cli.app import LAZY_COMMANDS, cli
from redline.printable import one_line

__all__ = ["batch", "cli", "diff", "documents", "gate", "history", "main", "one_line"]


def __getattr__(name: str) -> ModuleType:
    """The command modules (`batch`, `diff` ...), imported on first use."""
    if name in LAZY_COMMANDS.values():
        return import_module(f"redline.cli.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m redline``).

    SIGTERM and SIGHUP end a command as Ctrl-C does (no half-written file), and the
    environment is as it was afterwards (``--max-input-size`` sets a variable for the
    run only). A bad option or argument is one line naming the command's ``--help``,
    exit 2.
    """
    import os

    import click

    from redline.cli.signals import catch_signals, restore_signals
    from redline.xmlsafe import LIMIT_VARIABLE

    saved = os.environ.get(LIMIT_VARIABLE)
    handlers = catch_signals()
    args = list(argv) if argv is not None else None
    try:
        result = cli.main(args=args, prog_name="redline", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:  # bare `redline`: the help
        click.echo(error.format_message())
        return 2
    except click.UsageError as error:  # a bad option or argument: one line, exit 2
        where = error.ctx.command_path if error.ctx is not None else "redline"
        _say(f"redline: {error.format_message()} (see '{where} --help')")
        return 2
    except click.ClickException as error:
        _say(f"redline: {error.format_message()}")
        return error.exit_code
    except click.Abort:
        _say("redline: interrupted")
        return 130
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    finally:
        restore_signals(handlers)
        if saved is None:
            os.environ.pop(LIMIT_VARIABLE, None)
        else:
            os.environ[LIMIT_VARIABLE] = saved
    return result if isinstance(result, int) else 0


def _say(message: str) -> None:
    """`message` on standard error, on one line."""
    import click

    click.echo(one_line(message), err=True)
