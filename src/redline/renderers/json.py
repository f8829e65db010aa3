"""JSON renderer of a comparison: the documented, versioned machine-readable output.

The shape is ``redline-comparison/2``, described by the JSON Schema shipped in
``redline/renderers/schemas/comparison-2.schema.json`` (and in the README): version 1's
fields, plus the evidence and confidence of every pairing, and (optional fields) the
counts by kind of provision, the share of shared text and the warnings. Every aligned or
unmatched unit at every level appears, unchanged ones too, so a consumer gets the
full correspondence.
"""

from __future__ import annotations

import json
from typing import Any

from redline.changes import Change, Comparison, Side, WordOp
from redline.comparison.sanity import sanity_warnings, shared_text
from redline.model import Metadata
from redline.renderers import RenderOptions
from redline.renderers.listing import provision_counts, provision_totals

SCHEMA_ID = "redline-comparison/2"


def schema() -> dict[str, Any]:
    """The JSON Schema of this output."""
    from importlib import resources  # here: rendering needs no package data

    text = (
        resources.files("redline.renderers")
        .joinpath("schemas/comparison-2.schema.json")
        .read_text()
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _meta(meta: Metadata) -> dict[str, Any]:
    return {
        "title": meta.title,
        "date": meta.date,
        "version_label": meta.version_label,
        "work": meta.work_uri,
        "expression": meta.expression_uri,
        "language": meta.language,
        "source": meta.source,
    }


def _side(side: Side) -> dict[str, Any]:
    out: dict[str, Any] = {
        "eid": side.eid,
        "element": side.element,
        "num": side.num,
        "label": side.label,
        "heading": side.heading,
        "text": side.text,
    }
    if side.anchor >= 0:
        out["anchor"] = side.anchor
    return out


def _ops(ops: tuple[WordOp, ...]) -> list[dict[str, str]]:
    return [{"op": op.op.value, "old": op.old, "new": op.new} for op in ops]


def change_record(change: Change) -> dict[str, Any]:
    """One change as a JSON object."""
    return {
        "kind": change.kind.value,
        "element": change.element,
        "old": [_side(s) for s in change.old],
        "new": [_side(s) for s in change.new],
        "similarity": change.similarity,
        "text_changed": change.text_changed,
        "num_changed": change.num_changed,
        "moved": change.moved,
        "ops": _ops(change.ops),
        "heading_ops": _ops(change.heading_ops),
        "matched_by": [kind.value for kind in change.matched_by],
        "confidence": change.confidence,
    }


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as a JSON-ready dict."""
    options = comparison.options
    provisions = provision_counts(comparison)
    return {
        "schema": SCHEMA_ID,
        "old": _meta(comparison.old),
        "new": _meta(comparison.new),
        "options": {
            "ignore_case": options.ignore_case,
            "ignore_whitespace": options.ignore_whitespace,
            "ignore_typography": options.ignore_typography,
            "ignore_punctuation": options.ignore_punctuation,
            "match_threshold": options.match_threshold,
            "split_threshold": options.split_threshold,
            "evidence_floor": options.evidence_floor,
        },
        "identical": comparison.identical,
        "summary": comparison.counts(),
        "correspondence": [
            {
                "kind": c.kind.value,
                "old": c.old[0].eid if c.old else None,
                "new": c.new[0].eid if c.new else None,
                "old_label": " + ".join(s.label for s in c.old) or None,
                "new_label": " + ".join(s.label for s in c.new) or None,
                "matched_by": [kind.value for kind in c.matched_by],
                "confidence": c.confidence,
            }
            for c in comparison.correspondence
        ],
        "changes": [change_record(c) for c in comparison.changes],
        "weak_pairings": len(comparison.weak_pairings()),
        "provisions": provisions,
        "provision_summary": provision_totals(provisions),
        "shared_text": round(shared_text(comparison), 4),
        "warnings": list(sanity_warnings(comparison)),
    }


def render_json(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as compact UTF-8 JSON (one line: the C encoder only runs without
    indentation, and is ten times faster on a whole appropriations act; pipe through
    ``python -m json.tool`` or ``jq`` to read it)."""
    del options  # JSON has no presentation choices
    text = json.dumps(comparison_record(comparison), ensure_ascii=False)
    return (text + "\n").encode("utf-8")
