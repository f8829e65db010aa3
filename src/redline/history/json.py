"""JSON of a history: the documented, versioned ``redline-history/1`` shape.

Described by the JSON Schema shipped in ``redline/history/schemas/history-1.schema.json``.
Every lineage at every level appears, with its unit(s) in each version, the change at
each step, and for units of the last version the provenance of their words: joining
``provenance[i][].text`` gives the text of ``units[-1][i]``, and joining
``heading_provenance[i][].text`` its heading.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from redline.changes import Side
from redline.history.values import History, Lineage, Provenance, Step, Version

SCHEMA_ID = "redline-history/1"


def schema() -> dict[str, Any]:
    """The JSON Schema of this output."""
    text = resources.files("redline.history").joinpath("schemas/history-1.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _version(version: Version) -> dict[str, Any]:
    meta = version.meta
    return {
        "index": version.index,
        "input": version.source,
        "title": meta.title,
        "date": meta.date,
        "version_label": meta.version_label,
        "work": meta.work_uri,
        "expression": meta.expression_uri,
        **({"warnings": list(meta.import_notes)} if meta.import_notes else {}),
    }


def _unit(side: Side) -> dict[str, Any]:
    return {
        "eid": side.eid,
        "element": side.element,
        "num": side.num,
        "label": side.label,
        "heading": side.heading,
        "text": side.text,
    }


def _step(step: Step | None) -> dict[str, Any] | None:
    if step is None:
        return None
    return {
        "kind": step.kind.value,
        "moved": step.moved,
        "changes": [
            {
                "kind": change.kind.value,
                "old": [side.eid for side in change.old],
                "new": [side.eid for side in change.new],
                "similarity": round(change.similarity, 4),
            }
            for change in step.changes
        ],
    }


def lineage_record(lineage: Lineage) -> dict[str, Any]:
    """One lineage as a JSON object."""
    return {
        "id": lineage.key,
        "element": lineage.element,
        "top": lineage.top,
        "label": lineage.label,
        "units": [[_unit(side) for side in sides] for sides in lineage.units],
        "steps": [_step(step) for step in lineage.steps],
        "provenance": [_runs(runs) for runs in lineage.provenance],
        "heading_provenance": [_runs(runs) for runs in lineage.heading_provenance],
    }


def _runs(runs: tuple[Provenance, ...]) -> list[dict[str, Any]]:
    return [{"text": run.text, "since": run.since} for run in runs]


def history_record(history: History, lineages: tuple[Lineage, ...] | None = None) -> dict[str, Any]:
    """The history as a JSON-ready dict (only `lineages`, when given)."""
    return {
        "schema": SCHEMA_ID,
        "versions": [_version(version) for version in history.versions],
        "identical": history.identical,
        "steps": [
            {"from": index, "to": index + 1, "summary": comparison.counts()}
            for index, comparison in enumerate(history.comparisons)
        ],
        "lineages": [lineage_record(lineage) for lineage in lineages or history.lineages],
    }


def render_history_json(history: History, lineages: tuple[Lineage, ...] | None = None) -> bytes:
    """The history as compact UTF-8 JSON, one line (pipe through ``jq`` to read it)."""
    return (json.dumps(history_record(history, lineages), ensure_ascii=False) + "\n").encode()
