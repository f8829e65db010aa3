"""Errors the library raises; `cli.py` turns them into one-line messages and exit codes.

Every error names the file and, where there is one, the place (line, element, eId).
`InputError` means the user gave us something we cannot read (exit 2);
`InvalidDocument` means we read it and it is not valid (exit 1 from ``validate``/``check``).
"""

from __future__ import annotations


class RedlineError(Exception):
    """Base of every error redline raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, source: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(RedlineError, ValueError):
    """The input cannot be read: missing, unreadable, wrong format, not a draft."""


class InvalidDocument(RedlineError, ValueError):
    """The input was read but is not a valid document (schema or project rules)."""

    exit_code = 1


class UsageError(RedlineError):
    """The command was asked for something impossible (bad option value, bad revision)."""
