"""The command line: a thin shell over the library.

Each command reads its inputs through `redline.read.sources`, calls one library function,
writes through `redline.output` (atomically) and turns `RedlineError` into a one-line
message and an exit code (`redline.cli.app`). One module per group of commands:
`documents` (import, validate, text), `diff`, `gate` (check). Heavy libraries are
imported inside commands so that ``redline --help`` starts fast.
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.cli import batch, diff, documents, gate, history
from redline.cli.app import cli, one_line

__all__ = ["batch", "cli", "diff", "documents", "gate", "history", "main", "one_line"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m redline``)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="redline")
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0
