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
from collections.abc import Iterator
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
    """The whole comparison as a JSON-ready dict (the in-memory form of `json_chunks`)."""
    return {
        **_head(comparison),
        "correspondence": [_pairing(c) for c in comparison.correspondence],
        "changes": [change_record(c) for c in comparison.changes],
        **_tail(comparison),
    }


def _head(comparison: Comparison) -> dict[str, Any]:
    """The fields before the correspondence, in output order."""
    options = comparison.options
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
    }


def _pairing(c: Change) -> dict[str, Any]:
    """One entry of the correspondence."""
    return {
        "kind": c.kind.value,
        "old": c.old[0].eid if c.old else None,
        "new": c.new[0].eid if c.new else None,
        "old_label": " + ".join(s.label for s in c.old) or None,
        "new_label": " + ".join(s.label for s in c.new) or None,
        "matched_by": [kind.value for kind in c.matched_by],
        "confidence": c.confidence,
    }


def _tail(comparison: Comparison) -> dict[str, Any]:
    """The fields after the changes, in output order."""
    provisions = provision_counts(comparison)
    return {
        "weak_pairings": len(comparison.weak_pairings()),
        "provisions": provisions,
        "provision_summary": provision_totals(provisions),
        "shared_text": round(shared_text(comparison), 4),
        "warnings": list(sanity_warnings(comparison)),
        **_components(comparison),
    }


def _components(comparison: Comparison) -> dict[str, Any]:
    """``components``: each component's title, old to new, where either version has
    components (left out otherwise, so a comparison without any reads as before)."""
    if not comparison.components:
        return {}
    return {
        "components": [
            {"depth": c.depth, "changed": c.changed, "title_ops": _ops(c.title_ops)}
            for c in comparison.components
        ]
    }


#: The encoder of every piece: the same settings as ``json.dumps(..., ensure_ascii=False)``
#: (the C encoder, separators ``", "`` and ``": "``), made once.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_CHUNK = 1 << 16
"""Pieces are gathered into chunks of about this many characters before they are written."""


def json_chunks(comparison: Comparison) -> Iterator[bytes]:
    """The comparison's JSON as UTF-8 chunks, produced one record at a time.

    Guaranteed: the chunks joined are byte for byte
    ``json.dumps(comparison_record(comparison), ensure_ascii=False) + "\\n"`` (same key
    order, same separators, one line and a final newline), while at most one record of
    the correspondence or the changes (and one chunk of about 64 KB) is held as JSON at
    a time, not the whole document.
    """
    head = _ENCODE(_head(comparison))
    pending = [head[:-1]]  # without its closing brace: the lists follow
    size = len(head)
    for key, records in (
        ("correspondence", map(_pairing, comparison.correspondence)),
        ("changes", map(change_record, comparison.changes)),
    ):
        pending.append(f", {_ENCODE(key)}: [")
        for number, record in enumerate(records):
            piece = _ENCODE(record)
            pending.append(f", {piece}" if number else piece)
            size += len(piece)
            if size >= _CHUNK:
                yield "".join(pending).encode("utf-8")
                pending, size = [], 0
        pending.append("]")
    pending.append(f", {_ENCODE(_tail(comparison))[1:]}\n")  # the tail's opening brace dropped
    yield "".join(pending).encode("utf-8")


def render_json(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as compact UTF-8 JSON (one line: the C encoder only runs without
    indentation, and is ten times faster on a whole appropriations act; pipe through
    ``python -m json.tool`` or ``jq`` to read it). The bytes of `stream_json` joined."""
    return b"".join(stream_json(comparison, options))


def stream_json(comparison: Comparison, options: RenderOptions) -> Iterator[bytes]:
    """`render_json` as a stream of chunks (`json_chunks`), for writing without holding
    the whole document in memory."""
    del options  # JSON has no presentation choices
    return json_chunks(comparison)
