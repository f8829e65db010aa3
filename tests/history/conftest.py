"""The history of the declaration's three versions, built once for the history tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.history.lineage import build_history
from redline.history.values import History
from redline.read.sources import load_document

ROOT = Path(__file__).resolve().parents[2]
THREE = (
    "versions/solidarity-2014.akn.xml",
    "versions/solidarity-revision-A.akn.xml",
    "tests/data/history/solidarity-revision-B.akn.xml",
)
"""The 2014 preliminary text, revision A, and revision B (made by ``revision_b.py``)."""


@pytest.fixture(scope="session")
def three() -> History:
    """The history 2014 -> revision A -> revision B."""
    documents = [load_document(str(ROOT / name)) for name in THREE]
    return build_history(documents, THREE)
