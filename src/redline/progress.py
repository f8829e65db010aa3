"""Progress: the callback the library reports through, and its terminal display.

The library reports progress through a plain callback (`Progress`, `silent` when
nobody listens); only the CLI decides to show it, with `TerminalProgress`, and only
when stderr is a terminal and ``--quiet`` is not given.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: a stage name and how far it is."""


def silent(stage: str, done: int, total: int) -> None:
    """The progress callback that shows nothing."""


class TerminalProgress:
    """A status line such as ``redline: aligning 1,204/5,000 (24%)``, redrawn at most
    ten times a second and erased when done."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        share = f" {done:,}/{total:,} ({100 * done // max(total, 1)}%)" if total > 1 else ""
        self.stream.write(f"\r\x1b[Kredline: {stage}{share}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the status line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def for_terminal(quiet: bool, stream: TextIO | None = None) -> TerminalProgress | None:
    """A terminal progress line, or None when quiet or not on a terminal."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return None
    return TerminalProgress(stream)
