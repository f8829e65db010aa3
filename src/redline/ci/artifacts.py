"""What a check leaves for reviewers besides its messages: redline files and the step summary.

The end of ``redline check`` (after `redline.ci.check` and `redline.ci.summary`).
Guarantees: one flat folder of redlines whose names never collide (two changed files
never overwrite each other's), and a GitHub step summary that stays under GitHub's
limit, cut at a line with a note saying where the whole summary is.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from redline.ci.report import CheckReport


def redline_name(path: str, fmt: str) -> str:
    """The file name of a redline of `path`: one flat folder of artifacts.

    >>> redline_name("versions/un/solidarity.akn.xml", "pdf")
    'versions--un--solidarity.pdf'
    """
    stem = path.removesuffix(".xml").removesuffix(".akn")
    return f"{stem.replace('/', '--')}.{fmt}"


def redline_names(paths: Sequence[str], fmt: str) -> dict[str, str]:
    """`redline_name` of each path, made unique: where two paths would share a name
    (``a--b.akn.xml`` and ``a/b.akn.xml``), each gets a short hash of its own path.

    >>> sorted(redline_names(["a--b.akn.xml", "a/b.akn.xml"], "html").values())
    ['a--b-b8048738.html', 'a--b-c0657718.html']
    """
    names = {path: redline_name(path, fmt) for path in paths}
    shared = Counter(names.values())
    for path, name in names.items():
        if shared[name] > 1:
            digest = hashlib.sha256(os.fsencode(path)).hexdigest()[:8]
            names[path] = f"{name.removesuffix(f'.{fmt}')}-{digest}.{fmt}"
    return names


def write_redlines(report: CheckReport, folder: Path, fmt: str) -> tuple[Path, ...]:
    """Write the redline of every changed file in format `fmt` (``html``, ``pdf``) into
    `folder` (created if missing); files whose text did not change get none."""
    from redline.output import write_output
    from redline.renderers import RenderOptions, get_renderer

    renderer = get_renderer(fmt)
    folder.mkdir(parents=True, exist_ok=True)
    changed = [f for f in report.files if f.comparison and not f.comparison.identical]
    names = redline_names([file.path for file in changed], fmt)
    written: list[Path] = []
    for file in changed:
        assert file.comparison is not None  # narrowed above
        target = folder / names[file.path]
        write_output(str(target), renderer(file.comparison, RenderOptions()))
        written.append(target)
    return tuple(written)


STEP_SUMMARY_LIMIT = 1024 * 1024
"""GitHub's limit for one step's summary (bytes); a larger one is not shown at all."""


def append_summary(path: Path, summary: str, full: str = "") -> None:
    """Append `summary` to a file such as GitHub's ``$GITHUB_STEP_SUMMARY``, cut at a
    line so that the step's summary stays under `STEP_SUMMARY_LIMIT`, with a note
    saying where the whole one is (`full`, the ``-o`` file, when there is one)."""
    used = path.stat().st_size if path.is_file() else 0
    data = (summary + "\n").encode("utf-8")
    room = STEP_SUMMARY_LIMIT - used - 1024  # the note's own room
    if len(data) > room:
        where = f"in `{full}` (-o)" if full else "with `redline check -o FILE`"
        cut = data[: max(room, 0)].rsplit(b"\n", 1)[0]
        note = (
            f"\n\n**Summary cut at {len(cut):,} of {len(data):,} bytes** (GitHub shows at most "
            f"1 MiB); the whole summary is {where}.\n"
        )
        data = cut + note.encode("utf-8")
    with path.open("ab") as stream:
        stream.write(data)
