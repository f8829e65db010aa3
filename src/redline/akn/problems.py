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
    notice: bool = False
    """True for a notice: a fact of the text as printed, worth knowing but never making
    the file invalid, not even under ``--strict`` (a numbering gap: Sec. 501 then
    Sec. 510). A notice is never an error."""

    @property
    def severity(self) -> str:
        """``error``, ``warning`` or ``note``."""
        return "error" if self.error else "note" if self.notice else "warning"

    def __str__(self) -> str:
        """``file:line: message``, the form editors and CI logs link to."""
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"

    def describe(self) -> str:
        """`str` of the problem, with ``warning:`` or ``note:`` before the message of a
        warning or a notice."""
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {'' if self.error else self.severity + ': '}{self.message}"
