"""Invariants of the comparison engine over generated documents and edit scripts."""

from __future__ import annotations

import json
import os
from collections import Counter

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from redline.changes import PART_SEPARATOR, ChangeKind, accept, reject
from redline.comparison.engine import compare
from redline.model import Document
from redline.renderers import RenderOptions
from redline.renderers.html.page import render_html
from redline.renderers.json import render_json, schema

from .strategies import documents, edited

SETTINGS = settings(
    max_examples=int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "60")),  # long runs: docs/security.md
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _units(doc: Document) -> Counter[str]:
    units = Counter(u.eid for u in doc.walk())
    units.update(note.eid for _, note in doc.notes())
    return units


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Document, Document]:
    old = draw(documents())
    return old, draw(edited(old))


@SETTINGS
@given(pairs())
def test_accepting_all_gives_new_and_rejecting_all_gives_old(pair: tuple[Document, Document]):
    old, new = pair
    for change in compare(old, new).changes:
        assert accept(change.ops) == PART_SEPARATOR.join(s.text for s in change.new)
        assert reject(change.ops) == PART_SEPARATOR.join(s.text for s in change.old)


@SETTINGS
@given(documents())
def test_self_comparison_is_all_unchanged(doc: Document):
    comparison = compare(doc, doc)
    assert comparison.identical
    assert {c.kind for c in comparison.changes} <= {ChangeKind.UNCHANGED}


@SETTINGS
@given(pairs())
def test_every_unit_is_in_exactly_one_change(pair: tuple[Document, Document]):
    old, new = pair
    comparison = compare(old, new)
    seen_old = Counter(s.eid for c in comparison.changes for s in c.old)
    seen_new = Counter(s.eid for c in comparison.changes for s in c.new)
    assert seen_old == _units(old)
    assert seen_new == _units(new)


@SETTINGS
@given(pairs())
def test_json_is_valid_against_its_schema(pair: tuple[Document, Document]):
    record = json.loads(render_json(compare(*pair), RenderOptions()))
    jsonschema.validate(record, schema())


@SETTINGS
@given(pairs(), st.sampled_from(["inline", "side-by-side"]))
def test_html_is_well_formed(pair: tuple[Document, Document], layout: str) -> None:
    page = render_html(compare(*pair), RenderOptions(layout=layout))
    root = etree.fromstring(page)  # raises unless well-formed
    assert root.tag == "html"
    assert len(root.findall("body/main")) == 1
