"""What a check found: the report types shared by the gate and its summary.

`redline.ci.check` builds a `CheckReport`; `redline.ci.summary` and the command line read
it. Plain values only, so the summary depends on the report and never on the gate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from redline.akn.validate import Problem
from redline.changes import Comparison
from redline.ci.policy import Violation
from redline.read.git import Status


@dataclass(frozen=True, slots=True)
class FileReport:
    """What the check found in one file."""

    path: str
    """The file, from the repository root (for a deleted file: where it was)."""
    status: Status | None = None
    """How it differs from the base; None when it does not (or there is no base)."""
    old_path: str = ""
    """Its path in the base revision ("" when added or not compared)."""
    problems: tuple[Problem, ...] = ()
    """Why it is not valid AKN (empty when valid, or deleted)."""
    violations: tuple[Violation, ...] = ()
    """Rules its change breaks."""
    comparison: Comparison | None = None
    """The base version against this one (an empty document stands in for the
    missing side of an added or deleted file); None when not compared."""
    notes: tuple[str, ...] = ()
    """Things a reviewer should know that do not fail the check."""


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The result of a whole check."""

    base: str | None
    """The base revision compared against, if any."""
    files: tuple[FileReport, ...]
    """Every file checked or changed, sorted by path."""
    summary: str = ""
    """The Markdown summary for reviewers (and ``$GITHUB_STEP_SUMMARY``)."""
    notes: tuple[str, ...] = ()
    """Notes on the whole check: where the rules came from, folders not entered."""

    @property
    def ok(self) -> bool:
        """True when every file is valid and every rule holds (changes alone are fine)."""
        return not any(report.problems or report.violations for report in self.files)

    def messages(self) -> Iterator[str]:
        """One line per problem, violation and note, for standard error."""
        yield from (f"redline: note: {note}" for note in self.notes)  # no file to name
        for report in self.files:
            yield from (str(problem) for problem in report.problems)
            yield from (str(violation) for violation in report.violations)
            yield from (f"{report.path}: note: {note}" for note in report.notes)
