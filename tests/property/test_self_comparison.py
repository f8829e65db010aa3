"""A document compared with itself is all unchanged, also when its provisions repeat
each other word for word (twin provisions), and on every real AKN file."""

from __future__ import annotations

import os
from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from redline.changes import ChangeKind
from redline.comparison.engine import compare
from redline.model import Document, Unit

from .strategies import documents, twin_documents

SETTINGS = settings(
    max_examples=int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _all_unchanged(doc: Document) -> None:
    comparison = compare(doc, doc)
    assert {change.kind for change in comparison.changes} <= {ChangeKind.UNCHANGED}
    for change in comparison.changes:
        assert [side.eid for side in change.old] == [side.eid for side in change.new]


@SETTINGS
@given(twin_documents())
def test_twin_provisions_compared_with_themselves_are_unchanged(doc: Document) -> None:
    _all_unchanged(doc)


@SETTINGS
@given(documents())
def test_documents_compared_with_themselves_are_unchanged(doc: Document) -> None:
    _all_unchanged(doc)


def _renamed(unit: Unit) -> Unit:
    """`unit` with every eId changed (as another system, or a renumbering, would)."""
    return replace(
        unit, eid=f"other_{unit.eid}", children=tuple(_renamed(c) for c in unit.children)
    )


@SETTINGS
@given(twin_documents())
def test_twins_pair_by_order_not_by_eid(doc: Document) -> None:
    other = replace(doc, body=tuple(_renamed(unit) for unit in doc.body))
    comparison = compare(doc, other)
    assert {change.kind for change in comparison.changes} <= {ChangeKind.UNCHANGED}
    for change in comparison.changes:
        assert [f"other_{side.eid}" for side in change.old] == [side.eid for side in change.new]
