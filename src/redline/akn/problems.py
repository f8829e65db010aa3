"""What `redline.akn.validate` reports: one problem of a file, where it is, how grave."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, where it is."""

    source: str
    """The file name as given."""
    line: int | None
    """The line of the offending element, when known."""
    message: str
    """What was found and what was expected."""
    error: bool = True
    """True for an error (the file is invalid); False for a warning (valid unless strict)."""

    def __str__(self) -> str:
        """``file:line: message``, the form editors and CI logs link to."""
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"

    def describe(self) -> str:
        """`str` of the problem, with ``warning:`` before a warning's message."""
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {'' if self.error else 'warning: '}{self.message}"
