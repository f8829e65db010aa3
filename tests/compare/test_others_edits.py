"""Edited copies of AKN made by other systems: the comparison finds exactly the edits.

Each real file (tests/data/akn-others) is edited with the benchmark's provision-level
edit scripts (`mutations.mutate_provisions`: provisions inserted, deleted and moved,
the rest renumbered in order, words changed), in its body and in each of its
components, and the comparison is scored against the known truth as
``benchmarks/evaluate.py`` scores it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from alignment_scores import pairs_of, predicted, score
from mutations import Truth, mutate_provisions
from redline.akn.read import read_akn
from redline.comparison.engine import compare
from redline.model import Document, Unit

OTHERS = sorted((Path(__file__).parents[1] / "data" / "akn-others").glob("*.xml"))
SEEDS = range(4)
#: The floor the issue sets for edited copies of real files.
F1_FLOOR = 0.99


@cache
def _document(path: Path) -> Document:
    return read_akn(path.read_bytes(), path.name)


def wrapped(doc: Document, eid: str = "wrapped") -> Document:
    """`doc` (and each component) with its body in one container, so that its
    provisions are a group the edit script can insert into, delete from and reorder."""
    body = doc.body
    if len(body) > 1:
        body = (Unit("hcontainer", eid, children=body, attrs=(("name", "body"),)),)
    components = tuple(wrapped(c, f"{eid}_{n}") for n, c in enumerate(doc.components, 1))
    return replace(doc, body=body, components=components)


def edited_copy(doc: Document, seed: int) -> tuple[Document, list[Truth]]:
    """A `wrapped` `doc` with provision-level edits in its body and in every component,
    and the truth; the preface and conclusions are kept as they are."""
    new, truth = mutate_provisions(Document(doc.meta, doc.preamble, doc.body), seed)
    # an inserted provision that a later edit deleted again never existed on the old side
    truth = [t for t in truth if not any(eid.startswith("new_") for eid in t.old)]
    kept = [u for part in (doc.preface, doc.conclusions) for top in part for u in top.walk()]
    truth += [Truth("unchanged", (u.eid,), (u.eid,)) for u in kept if u.is_text and u.text]
    components = []
    for number, component in enumerate(doc.components, start=1):
        edited, more = edited_copy(component, seed * 100 + number)
        components.append(edited)
        truth += more
    new = replace(
        new, preface=doc.preface, conclusions=doc.conclusions, components=tuple(components)
    )
    return new, truth


@pytest.mark.parametrize("path", OTHERS, ids=lambda path: path.name)
def test_edited_copies_are_compared_right(path: Path) -> None:
    old = wrapped(_document(path))
    scores = []
    for seed in SEEDS:
        new, truth = edited_copy(old, seed)
        scores.append(score(predicted(compare(old, new)), truth).f1)
    assert min(scores) >= F1_FLOOR, scores


def _text_eids(doc: Document) -> set[str]:
    units = [u for d in (doc, *doc.components) for u in d.walk()]
    return {u.eid for u in units if u.is_text and u.text}


def test_the_truth_covers_every_text_unit() -> None:
    old = wrapped(_document(OTHERS[0]))
    new, truth = edited_copy(old, 0)
    pairs = pairs_of(truth)
    assert {o for o, _ in pairs if o} == _text_eids(old)
    assert {n for _, n in pairs if n} == _text_eids(new)
