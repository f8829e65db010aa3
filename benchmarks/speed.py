"""Speed and memory of ``redline diff`` against the tools a user would otherwise run.

Run ``.venv/bin/python benchmarks/speed.py`` (add ``--quick`` for a short run). For
each case it measures, as a user runs them, whole processes: ``redline diff`` to
JSON, HTML, Word (.docx) and PDF, and the baselines on the same texts (a flat word diff with
diff-match-patch in pure Python and in its C++ build, difflib on words, xmldiff in
its default and fast-match modes with a time cap). It also splits redline's own time
by stage in-process. Every figure is the median of several runs; ratios are to the
fastest baseline measured in the same run, because machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mutations import mutate
from redline.akn.write import write_akn
from redline.changes import CompareOptions
from redline.comparison.align import align
from redline.comparison.engine import compare
from redline.model import Document, Unit
from redline.read.sources import load_document
from redline.renderers import RenderOptions, get_renderer
from redline.renderers.plaintext import render_plaintext
from synthetic import ROOT, make_document, sentences

PYTHON = sys.executable
REDLINE = [PYTHON, "-m", "redline"]
BASELINE_CAP = 60.0
"""Seconds after which a baseline is stopped and reported as ">60"."""
PDF_OVERHEAD = ("declaration", "H.R. 264 EH", "synthetic")
"""The cases whose PDF time is also set against WeasyPrint alone (`pdf_overhead`)."""
SLOW = 20.0
"""A measurement slower than this is not repeated (its one run is its median)."""

BASELINES: dict[str, str] = {
    "dmp (Python)": """
import sys
from diff_match_patch import diff_match_patch
a, b = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
d = diff_match_patch(); d.Diff_Timeout = 0
import re
ta, tb = re.findall(r"\\S+|\\s+", a), re.findall(r"\\S+|\\s+", b)
table = {}
enc = lambda ts: "".join(table.setdefault(t, chr(len(table) + 256)) for t in ts)
diffs = d.diff_main(enc(ta), enc(tb), False); d.diff_cleanupSemantic(diffs)
""",
    "dmp (C++)": """
import sys, re
import fast_diff_match_patch as f
a, b = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
ta, tb = re.findall(r"\\S+|\\s+", a), re.findall(r"\\S+|\\s+", b)
table = {}
enc = lambda ts: "".join(table.setdefault(t, chr(len(table) + 256)) for t in ts)
f.diff(enc(ta), enc(tb), timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)
""",
    "difflib (words)": """
import sys, difflib
a, b = (open(p, encoding="utf-8").read().split() for p in sys.argv[1:3])
list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
""",
    "xmldiff": """
import sys
from xmldiff import main
main.diff_files(sys.argv[3], sys.argv[4])
""",
    "xmldiff (fast)": """
import sys
from xmldiff import main
main.diff_files(sys.argv[3], sys.argv[4], diff_options={"fast_match": True})
""",
}


@dataclass(frozen=True, slots=True)
class Run:
    """One measured process: wall seconds and peak resident memory in MB."""

    seconds: float
    peak_mb: float
    timed_out: bool = False
    code: int = 0


# The measured command runs under a small launcher process: on Linux a child's peak
# memory (ru_maxrss) starts from the RSS of the process that forked it, so forking
# straight from this benchmark (which holds whole documents) would inflate every figure.
LAUNCHER = """
import json, resource, subprocess, sys, time
argv, cap = json.loads(sys.argv[1]), float(sys.argv[2]) or None
start = time.perf_counter()
try:
    code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=cap).returncode
except subprocess.TimeoutExpired:
    code = -1
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def run_process(argv: list[str], cap: float | None = None, codes: tuple[int, ...] = (0,)) -> Run:
    """Run `argv`; return its wall time and its own peak memory. An exit code outside
    `codes` is a failure (a baseline that crashes must not be timed as a result)."""
    launcher = [PYTHON, "-c", LAUNCHER, json.dumps(argv), str(cap or 0)]
    line = subprocess.run(launcher, capture_output=True, text=True, check=True).stdout.split()
    seconds, peak_kb, code = float(line[0]), int(line[1]), int(line[2])
    if code == -1:
        return Run(cap or 0.0, 0.0, timed_out=True)
    if code not in codes:
        raise RuntimeError(f"{' '.join(argv)} failed with exit code {code}")
    return Run(seconds, peak_kb / 1024, code=code)


def median_run(
    argv: list[str], repeat: int, cap: float | None = None, codes: tuple[int, ...] = (0,)
) -> Run:
    runs = [run_process(argv, cap, codes)]
    while len(runs) < repeat and not runs[0].timed_out and runs[0].seconds < SLOW:
        runs.append(run_process(argv, cap, codes))
    if any(r.timed_out for r in runs):
        return Run(cap or 0.0, 0.0, timed_out=True)
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def timed(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass(frozen=True, slots=True)
class Case:
    """A pair of files to compare, with the plain texts the flat baselines read."""

    name: str
    words: int
    old: Path
    new: Path
    old_text: Path
    new_text: Path


def prepare(name: str, old: Document, new: Document, folder: Path) -> Case:
    """Write a pair as AKN files and plain texts."""
    paths = []
    for label, doc in (("old", old), ("new", new)):
        xml = folder / f"{name}-{label}.akn.xml"
        xml.write_bytes(write_akn(doc))
        txt = folder / f"{name}-{label}.txt"
        txt.write_text(render_plaintext(doc), encoding="utf-8")
        paths += [xml, txt]
    words = len(paths[1].read_text(encoding="utf-8").split())
    return Case(name, words, paths[0], paths[2], paths[1], paths[3])


def cases(folder: Path, quick: bool, sizes: list[int] | None = None) -> list[Case]:
    out: list[Case] = []
    if sizes:
        pool = sentences()
        for size in sizes:
            doc = make_document(size, seed=size, pool=pool)
            new, _ = mutate(doc, seed=size, edits=max(8, size // 2000))
            out.append(prepare(f"synthetic {size // 1000}k", doc, new, folder))
        return out
    declaration = [ROOT / "versions" / f"solidarity-{v}.akn.xml" for v in ("2014", "revision-A")]
    if not declaration[0].exists():
        declaration = [ROOT / "versions" / f"solidarity-{v}.txt" for v in ("2014", "revision-A")]
    drafts = [load_document(str(path)) for path in declaration]
    out.append(prepare("declaration", drafts[0], drafts[1], folder))
    uslm = ROOT / "tests" / "data" / "uslm"
    us_pairs = (("H.R. 264 EH->PCS", "h264_eh.xml", "H264_PCS.xml"),
                ("S. 2731 IPS->RCS", "S2731_IPS.xml", "S2731_RCS.xml"))  # fmt: skip
    for name, before, after in us_pairs:
        docs = [load_document(str(uslm / f)) for f in (before, after)]
        out.append(prepare(name, docs[0], docs[1], folder))
    pool = sentences()
    h264 = load_document(str(uslm / "h264_eh.xml"))
    out.append(prepare("H.R. 264, 30% rewritten", h264, rewritten(h264, pool, 0.3), folder))
    eu = ROOT / "tests" / "data" / "eu"
    dma = [load_document(str(eu / f)) for f in ("dma-proposal-COM-2020-842.txt",
                                                "dma-regulation-2022-1925.txt")]  # fmt: skip
    out.append(prepare("DMA proposal->regulation", dma[0], dma[1], folder))
    for size in (10_000, 50_000) if quick else (10_000, 50_000, 100_000, 400_000):
        doc = make_document(size, seed=size, pool=pool)
        new, _ = mutate(doc, seed=size, edits=max(8, size // 2000))
        out.append(prepare(f"synthetic {size // 1000}k", doc, new, folder))
    return out


def rewritten(doc: Document, pool: list[str], share: float, seed: int = 0) -> Document:
    """`doc` with `share` of its text units rewritten: a heavy amendment. Each chosen
    unit keeps its first half and gets real sentences of legal text after it."""
    rng = random.Random(seed)

    def rewrite(unit: Unit) -> Unit:
        if unit.children:
            return replace(unit, children=tuple(rewrite(child) for child in unit.children))
        if not unit.text or rng.random() >= share:
            return unit
        words = unit.text.split(" ")
        kept = " ".join(words[: len(words) // 2])
        added = " ".join(rng.choice(pool) for _ in range(max(1, len(words) // 25)))
        return replace(unit, text=f"{kept} {added}".strip(), notes=())

    return replace(doc, body=tuple(rewrite(unit) for unit in doc.body))


def stages(case: Case, repeat: int) -> dict[str, float]:
    """redline's own time by stage, in-process: reading both files, the alignment alone,
    the rest of the comparison (moves, word diffs, the tree), rendering HTML, and
    serialising JSON."""
    read = timed(lambda: [load_document(str(path)) for path in (case.old, case.new)], repeat)
    old, new = load_document(str(case.old)), load_document(str(case.new))
    options = CompareOptions()
    aligned = timed(lambda: align(old, new, options), repeat)
    comparison = compare(old, new)
    whole = timed(lambda: compare(old, new), repeat)
    html = timed(lambda: get_renderer("html")(comparison, RenderOptions()), repeat)
    as_json = timed(lambda: get_renderer("json")(comparison, RenderOptions()), repeat)
    return {
        "read": read,
        "align": aligned,
        "word diff + tree": max(0.0, whole - aligned),
        "render html": html,
        "serialise json": as_json,
    }


def measure(case: Case, repeat: int, pdf_limit: int) -> list[str]:
    rows = []
    files = [str(case.old_text), str(case.new_text), str(case.old), str(case.new)]
    baseline: dict[str, Run] = {}
    for name, code in BASELINES.items():
        baseline[name] = median_run([PYTHON, "-c", code, *files], repeat, BASELINE_CAP)
    fastest = min(r.seconds for r in baseline.values() if not r.timed_out)
    ours: dict[str, Run] = {}
    formats = ["json", "html", "docx"] + (["pdf"] if case.words <= pdf_limit else [])
    for fmt in formats:
        argv = [*REDLINE, "diff", str(case.old), str(case.new), "-f", fmt, "-o", os.devnull, "-q"]
        ours[fmt] = median_run(argv, repeat, codes=(0, 1))  # diff(1): 1 = versions differ
    for name, run in [*((f"redline → {k}", v) for k, v in ours.items()), *baseline.items()]:
        seconds = f">{run.seconds:.0f}" if run.timed_out else f"{run.seconds:.2f}"
        ratio = "—" if run.timed_out else f"{run.seconds / fastest:.1f}×"
        memory = "—" if run.timed_out else f"{run.peak_mb:.0f}"
        rows.append(f"| {case.name} | {case.words:,} | {name} | {seconds} | {ratio} | {memory} |")
    split = stages(case, repeat)
    rows.append(f"| {case.name} | {case.words:,} | stages (in-process) | "
                + ", ".join(f"{k} {v:.2f}" for k, v in split.items()) + " | | |")  # fmt: skip
    return rows


def _drop_keeping_tail(element: Any) -> None:
    """Remove `element` and its content, keeping the text that follows it."""
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def pdf_overhead(case: Case, runs: int = 3) -> str:
    """redline's PDF time against WeasyPrint alone laying out the same HTML with the
    redline marks taken out (deleted text dropped, inserted text kept plain) and writing
    it with the same options as redline's renderer; and, to tell the marks' cost from
    redline's own, WeasyPrint alone on redline's marked page. Both pages are made
    before the clock starts: a baseline is WeasyPrint's own work and nothing else.
    Medians of `runs` alternations, after one untimed layout of the unmarked page: the
    first layout in a process pays WeasyPrint's one-time set-up (fonts found, C types
    parsed, modules loaded; 0.5-0.7 s), which would otherwise fall on redline's first run."""
    from lxml import etree
    from weasyprint import HTML

    from redline.renderers.html.page import build_page, serialize
    from redline.renderers.pdf import RefusingFetcher, print_css, render_pdf, write_options

    comparison = compare(load_document(str(case.old)), load_document(str(case.new)))
    options = RenderOptions()
    page = serialize(build_page(comparison, options, print_css(options), paged=True))
    tree = etree.fromstring(page, etree.XMLParser(huge_tree=True))
    for element in list(tree.iter("{*}del", "del")):
        _drop_keeping_tail(element)
    etree.strip_tags(tree, "{*}ins", "ins")
    plain_html = etree.tostring(tree, encoding="unicode", method="html")

    def weasyprint(html: str) -> Callable[[], object]:
        fetcher = RefusingFetcher()
        return lambda: HTML(string=html, url_fetcher=fetcher).write_pdf(**write_options(options))

    weasyprint(plain_html)()  # the one-time set-up, on neither side's clock
    times: dict[str, list[float]] = {"redline": [], "marked": [], "plain": []}
    for _ in range(runs):  # alternate, so load on the machine falls on all alike
        times["redline"].append(timed(lambda: render_pdf(comparison, options), 1))
        times["marked"].append(timed(weasyprint(page.decode("utf-8")), 1))
        times["plain"].append(timed(weasyprint(plain_html), 1))
    ours, marked, plain = (statistics.median(times[k]) for k in ("redline", "marked", "plain"))
    return (f"| {case.name} | {case.words:,} | PDF: redline {ours:.2f} s vs WeasyPrint on "
            f"the unmarked HTML {plain:.2f} s (on redline's own page {marked:.2f} s) | "
            f"{ours / plain:.2f}× | | |")  # fmt: skip


def compile_package() -> None:
    """Byte-compile redline's modules, as installing a package does: with
    ``PYTHONDONTWRITEBYTECODE`` set (or a source checkout never run) every measured
    process would otherwise compile them all again, and time that no user pays."""
    import compileall

    import redline

    compileall.compile_dir(str(Path(redline.__file__).parent), quiet=1)


def startup(repeat: int) -> float:
    return median_run([*REDLINE, "--help"], repeat).seconds


def floors(repeat: int) -> str:
    """What a process pays before any work: the interpreter with what ``redline diff``
    to JSON imports (click, lxml, the package's comparison modules); with the chosen
    libraries alone (click, lxml and the standard dataclasses, none of redline's own
    modules); and with what the C++ baseline imports. On small documents the near-
    identical ratio cannot go below the ratio of the first to the last, and no Python
    CLI built on these libraries below the second to the last."""
    ours = "import click, lxml.etree, redline.cli.diff, redline.comparison.engine, " + (
        "redline.read.sources, redline.renderers.json"
    )
    libraries = "import click, lxml.etree, dataclasses"
    theirs = "import re, fast_diff_match_patch"
    runs = [
        median_run([PYTHON, "-c", code], max(repeat, 5)).seconds
        for code in (ours, libraries, theirs)
    ]
    return (
        f"start-up floor: interpreter + redline's imports for diff -f json {runs[0]:.3f} s "
        f"({runs[0] / runs[2]:.1f}×); + click, lxml and dataclasses only {runs[1]:.3f} s "
        f"({runs[1] / runs[2]:.1f}×); + the C++ baseline's imports {runs[2]:.3f} s"
    )


def print_pathological(scale: float, cap: float = 600.0) -> None:
    """The hostile cases of `pathological`, each beside a normal input of its size."""
    from pathological import rows

    def run(argv: list[str], limit: float) -> tuple[float, float, int]:
        result = run_process([*REDLINE, *argv], limit, codes=(0, 1, 2))
        return result.seconds, result.peak_mb, -1 if result.timed_out else result.code

    with tempfile.TemporaryDirectory() as tmp:
        print("| case | time, peak memory | normal input of that size | ratio |")
        print("|---|---:|---:|---:|")
        for row in rows(run, Path(tmp), scale, cap):
            print(row, flush=True)


def print_corpus(pairs: int) -> None:
    """A corpus run (``redline batch``) of `pairs` pairs of mutated declarations, at 1
    and 2 workers, as pairs and words per second (whole processes, one run each)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = load_document(str(ROOT / "versions" / "solidarity-2014.akn.xml"))
        rows, words = ["old,new"], 0
        for n in range(pairs):
            new, _ = mutate(base, seed=n)
            (folder / f"{n}-old.akn.xml").write_bytes(write_akn(base))
            (folder / f"{n}-new.akn.xml").write_bytes(write_akn(new))
            rows.append(f"{n}-old.akn.xml,{n}-new.akn.xml")
            words += 2 * len(render_plaintext(base).split())
        (folder / "pairs.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        print("| corpus run | pairs | seconds | pairs/s | words/s |")
        print("|---|---:|---:|---:|---:|")
        for workers in (1, 2):
            out = str(folder / f"out{workers}")
            argv = [
                *REDLINE,
                "batch",
                str(folder / "pairs.csv"),
                "-o",
                out,
                "-j",
                str(workers),
                "-q",
            ]
            run = run_process(argv, codes=(0, 1))
            print(
                f"| `redline batch -j {workers}` | {pairs} | {run.seconds:.1f} | "
                f"{pairs / run.seconds:.1f} | {words / run.seconds:,.0f} |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--pdf-limit", type=int, default=110_000, help="largest PDF case, words")
    parser.add_argument("--sizes", help="only synthetic cases of these sizes, e.g. 100000,400000")
    parser.add_argument("--pathological", action="store_true", help="only the hostile cases")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the hostile cases")
    parser.add_argument("--corpus", type=int, default=0, help="only a corpus run of N pairs")
    parser.add_argument("--cases", default="", help="only the cases whose name contains this")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    if args.pathological:
        print_pathological(args.scale)
        return
    if args.corpus:
        print_corpus(args.corpus)
        return
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"redline --help: {startup(repeat):.2f} s (interpreter start-up included)")
        print(floors(repeat))
        print()
        print("| case | words | tool | seconds | × fastest baseline | peak MB |")
        print("|---|---:|---|---:|---:|---:|")
        sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else None
        for case in [c for c in cases(Path(tmp), args.quick, sizes) if args.cases in c.name]:
            for row in measure(case, repeat, args.pdf_limit):
                print(row, flush=True)
            if case.words <= args.pdf_limit and case.name.startswith(PDF_OVERHEAD):
                print(pdf_overhead(case, max(3, repeat)), flush=True)


if __name__ == "__main__":
    main()
