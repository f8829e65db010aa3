"""A corpus run: every pair of a manifest compared, on all cores or on a Dask cluster.

`run_corpus` is what ``redline batch`` does. Each pair is one `Job`; the jobs run on
one of three schedulers — in this process (``-j 1``), on a local process pool (every
core), or on a Dask distributed cluster (``dask://HOST:PORT``: the workers need redline
installed and the inputs readable at the same paths; the outputs come back to this
process, which writes them). Guarantees:
1. The outputs do not depend on the scheduler: the same bytes for every pair, and an
   index (``index.json``, `INDEX_FORMAT`) listing the pairs in manifest order.
2. Resumable: a pair whose output exists and is newer than both inputs is not run
   again; its index entry keeps the status the previous index gave it, so a resumed
   run ends with the same index as an uninterrupted one.
3. A pair that fails is an ``error`` entry with its one-line message; the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from redline.batch.jobs import Job, Result, run_as_finished, run_caught
from redline.batch.manifest import Pair
from redline.changes import CompareOptions
from redline.errors import UsageError
from redline.renderers import RenderOptions

INDEX_FORMAT = "redline-batch/1"
"""The ``format`` field of the index."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One pair's line in the index."""

    old: str
    new: str
    output: str
    """The output file, relative to the output folder."""
    status: str
    """``same``, ``different`` or ``error`` (``up to date`` for a skipped pair that no
    previous index describes)."""
    error: str = ""
    ran: bool = True
    """False when the pair was skipped as up to date (not written to the index)."""
    warnings: tuple[str, ...] = ()
    """What to know before trusting the pair's redline (`redline.comparison.sanity`):
    swapped dates, almost no shared text."""


def run_corpus(
    pairs: Sequence[Pair],
    folder: Path,
    fmt: str,
    options: CompareOptions,
    render: RenderOptions,
    scheduler: str = "local",
    workers: int | None = None,
    done: Callable[[int, int], None] | None = None,
) -> list[Outcome]:
    """Compare every pair not up to date, write its output into `folder`, write the
    index, and return the outcomes in the order of `pairs`."""
    from redline.output import write_output

    extension = {"text": "txt"}.get(fmt, fmt)
    outputs = [f"{pair.name}.{extension}" for pair in pairs]
    outcomes: dict[int, Outcome] = {}
    todo = []
    previous = _previous_statuses(folder / "index.json")
    for index, (pair, output) in enumerate(zip(pairs, outputs, strict=True)):
        if _up_to_date(folder / output, pair):
            status, warnings = previous.get((pair.old, pair.new, output), ("up to date", ()))
            outcomes[index] = Outcome(pair.old, pair.new, output, status, "", False, warnings)
        else:
            todo.append(index)
    jobs = [Job(pairs[i].old, pairs[i].new, fmt, options, render) for i in todo]
    for count, (position, result) in enumerate(_run(jobs, scheduler, workers), start=1):
        index = todo[position]
        pair = pairs[index]
        if result.error:
            outcomes[index] = Outcome(pair.old, pair.new, outputs[index], "error", result.error)
        else:
            target = folder / outputs[index]
            target.parent.mkdir(parents=True, exist_ok=True)
            write_output(str(target), result.data)
            status = "different" if result.differ else "same"
            outcomes[index] = Outcome(
                pair.old, pair.new, outputs[index], status, warnings=result.warnings
            )
        if done:
            done(count, len(jobs))
    ordered = [outcomes[i] for i in range(len(pairs))]
    write_output(str(folder / "index.json"), index_json(ordered))
    return ordered


def status_counts(outcomes: Sequence[Outcome]) -> dict[str, int]:
    """How many pairs have each status, statuses in alphabetical order."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return dict(sorted(counts.items()))


def index_json(outcomes: Sequence[Outcome]) -> bytes:
    """The index of a run: deterministic (no times, no host names), one pair a line."""
    counts = status_counts(outcomes)
    lines = [
        json.dumps(
            {"old": o.old, "new": o.new, "output": o.output, "status": o.status}
            | ({"error": o.error} if o.error else {})
            | ({"warnings": list(o.warnings)} if o.warnings else {}),
            ensure_ascii=False,
        )
        for o in outcomes
    ]
    head = json.dumps({"format": INDEX_FORMAT, "counts": counts})
    return (head[:-1] + ', "pairs": [\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """diff(1)'s convention over a run: 2 if a pair failed, 1 if any differ, else 0."""
    statuses = {outcome.status for outcome in outcomes}
    return 2 if "error" in statuses else 1 if "different" in statuses else 0


def _previous_statuses(index: Path) -> dict[tuple[str, str, str], tuple[str, tuple[str, ...]]]:
    """What an earlier run's index said of each pair it compared, its status and its
    warnings (nothing when there is no readable index)."""
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))["pairs"]
        return {
            (e["old"], e["new"], e["output"]): (
                e["status"],
                tuple(str(w) for w in e.get("warnings", ())),
            )
            for e in entries
            if e.get("status") in ("same", "different")
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _up_to_date(output: Path, pair: Pair) -> bool:
    """True when `output` exists and is newer than both inputs (files only)."""
    try:
        made = output.stat().st_mtime_ns
        return all(Path(p).stat().st_mtime_ns <= made for p in (pair.old, pair.new))
    except OSError:
        return False


def _run(jobs: list[Job], scheduler: str, workers: int | None) -> Iterator[tuple[int, Result]]:
    """(position in `jobs`, result) as each job finishes, on the chosen scheduler."""
    if not jobs:
        return
    if scheduler.startswith("dask://"):
        yield from _run_on_dask(jobs, scheduler.removeprefix("dask://"))
    elif scheduler != "local":
        raise UsageError(f"unknown scheduler {scheduler!r}: use local or dask://HOST:PORT")
    else:
        yield from run_as_finished(jobs, workers)


def _run_on_dask(jobs: list[Job], address: str) -> Iterator[tuple[int, Result]]:
    """The jobs as tasks of the Dask cluster at `address` (``pip install redline[dask]``)."""
    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise UsageError("--scheduler dask:// needs Dask: pip install 'redline[dask]'") from error
    try:
        client = Client(f"tcp://{address}", timeout=5)
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from error
    with client:
        futures = client.map(run_caught, jobs, pure=False)
        positions = {future.key: i for i, future in enumerate(futures)}
        for future in as_completed(futures):
            yield positions[future.key], future.result()
