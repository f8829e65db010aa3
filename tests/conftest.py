"""Shared test set-up: the benchmark and test helpers are importable, the bundled
drafts are loaded once per session, and under CI (``$CI`` set) the property tests run
the same examples every time: a run that passed passes again, and the random search
for new counter-examples is left to development runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
# The shared helpers (git_repo, redline_views, render_fixtures) for tests in every stage folder.
sys.path.insert(0, str(ROOT / "tests"))

# Run by Debian's /usr/bin/python3, which has the UNO bridge; not importable by the tests.
collect_ignore = ["lo_uno.py"]

# One LibreOffice for the session, for the Word tests of every stage.
from office_fixture import office  # noqa: E402

__all__ = ["office"]
