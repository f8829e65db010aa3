"""Speed of ``redline history``: a 10-version history of a 30,000-word bill.

Run ``.venv/bin/python benchmarks/history_speed.py`` (``--versions 10``, ``--repeat 3``).
Version 1 is H.R. 264 as engrossed (31,820 words); each next version is made from the
one before by known edits (`mutations.mutate_provisions`: word edits, inserted, deleted
and moved sections, renumbering). It times, in-process, the pairwise comparisons and
the chaining into lineages and provenance, for 2, 5 and 10 versions (so the growth
with the number of versions shows), and, as a user runs it, the whole ``redline
history`` process to JSON and HTML (and PDF with ``--columns 1,5,10``), beside the
same pairs run as separate ``redline diff`` processes. Times are
medians; the machine is shared, so compare ratios within one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from itertools import pairwise
from pathlib import Path

from mutations import mutate_provisions
from redline.akn.write import write_akn
from redline.changes import CompareOptions
from redline.history.lineage import chain, compare_series
from redline.model import Document, Unit
from redline.read.sources import load_document

ROOT = Path(__file__).resolve().parent.parent
BILL = ROOT / "tests" / "data" / "uslm" / "h264_eh.xml"


def unique_eids(doc: Document) -> Document:
    """`doc` with repeated eIds made unique (``-2``, ``-3``), descendants following.

    The edit generator can give two sections the same fallback number once a mutated
    bill is mutated again; a document's eIds must be unique.
    """
    seen: set[str] = set()

    def fix(unit: Unit, old: str = "", new: str = "") -> Unit:
        eid = new + unit.eid[len(old) :] if old and unit.eid.startswith(old) else unit.eid
        if eid in seen:
            index = 2
            while f"{eid}-{index}" in seen:
                index += 1
            old, new, eid = unit.eid, f"{eid}-{index}", f"{eid}-{index}"
        seen.add(eid)
        children = tuple(fix(child, old, new) for child in unit.children)
        return replace(unit, eid=eid, children=children)

    return replace(doc, preamble=tuple(map(fix, doc.preamble)), body=tuple(map(fix, doc.body)))


def versions(count: int) -> list[Document]:
    """H.R. 264 and `count - 1` successive edited versions."""
    documents = [load_document(str(BILL))]
    for step in range(count - 1):
        edited, _ = mutate_provisions(documents[-1], seed=1000 + step, edits=10)
        documents.append(unique_eids(edited))
    return documents


def words(doc: Document) -> int:
    return sum(len(unit.text.split()) for unit in doc.walk())


def median(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(documents: list[Document], repeat: int) -> None:
    """Compare and chain time for the first 2, 5 and all versions."""
    print("| versions | pairs | compare s | chain s | total s | s per pair |")
    print("|---:|---:|---:|---:|---:|---:|")
    for count in sorted({2, min(5, len(documents)), len(documents)}):
        chosen = documents[:count]
        names = [f"v{i + 1}" for i in range(count)]
        compare_time = median(partial(compare_series, chosen, CompareOptions()), repeat)
        comparisons = compare_series(chosen, CompareOptions())
        chain_time = median(partial(chain, chosen, names, comparisons), repeat)
        total = compare_time + chain_time
        print(f"| {count} | {count - 1} | {compare_time:.2f} | {chain_time:.2f} | {total:.2f} "
              f"| {total / (count - 1):.2f} |")  # fmt: skip


def _run(argv: list[str]) -> None:
    """Run a command that must end with exit 0 or 1 (same or different versions)."""
    done = subprocess.run(argv, check=False, capture_output=True)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode(errors="replace"))


def _run_all(commands: list[list[str]]) -> None:
    for argv in commands:
        _run(argv)


def whole_process(files: list[str], out: Path, repeat: int) -> None:
    """``redline history`` as a user runs it (interpreter start-up included)."""
    print("\n| command | seconds | output |")
    print("|---|---:|---:|")
    runs = [
        ("json", [], out / "h.json"),
        ("html", [], out / "h.html"),
        ("pdf, --columns 1,5,N", ["--columns", "1,5,N"], out / "h.pdf"),
    ]
    for label, extra, target in runs:
        argv = [sys.executable, "-m", "redline", "history", *files, *extra, "-o", str(target)]
        seconds = median(partial(_run, argv), 1 if extra else repeat)
        size = target.stat().st_size / 1e6
        print(f"| redline history → {label} | {seconds:.2f} | {size:.1f} MB |")
    diffs = [[sys.executable, "-m", "redline", "diff", a, b, "-f", "json", "-o", os.devnull]
             for a, b in pairwise(files)]  # fmt: skip
    seconds = median(partial(_run_all, diffs), repeat)
    print(f"| the same pairs as {len(diffs)} `redline diff -f json` processes | {seconds:.2f} | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=10, help="number of versions")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--no-pdf", action="store_true", help="skip the whole-process runs")
    args = parser.parse_args()
    documents = versions(args.versions)
    print(f"H.R. 264, {args.versions} versions, {words(documents[0]):,} to "
          f"{words(documents[-1]):,} words\n")  # fmt: skip
    in_process(documents, args.repeat)
    if args.no_pdf:
        return
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, doc in enumerate(documents, start=1):
            path = Path(folder) / f"v{index}.akn.xml"
            path.write_bytes(write_akn(doc))
            files.append(str(path))
        whole_process(files, Path(folder), args.repeat)


if __name__ == "__main__":
    main()
