"""SIGTERM and SIGHUP handled like Ctrl-C, so an interrupted command cleans up.

Used by the command line (`redline.cli.main`). Guarantees: while installed, either
signal raises `Signalled` (a `KeyboardInterrupt`) where the program stands, so every
``finally`` runs: `redline.output` removes its temporary ``.part`` file and leaves the
previous output as it was; the command exits 128+N with one line.
"""

from __future__ import annotations

import signal
import threading
from typing import Any


class Signalled(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: raised where the program stands, like Ctrl-C, so that
    every ``finally`` runs (no ``.part`` file is left) before the exit code 128+N."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number
        self.name = signal.Signals(number).name


def _raise_signalled(number: int, _frame: object) -> None:
    raise Signalled(number)


def catch_signals() -> dict[int, Any]:
    """Turn SIGTERM and SIGHUP into `Signalled` (main thread only); the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {
        number: signal.signal(number, _raise_signalled)
        for number in (signal.SIGTERM, signal.SIGHUP)
    }


def restore_signals(handlers: dict[int, Any]) -> None:
    """Put back the handlers `catch_signals` replaced."""
    for number, handler in handlers.items():
        signal.signal(number, handler)
