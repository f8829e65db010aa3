"""The Markdown summary of a check: what a reviewer reads on a pull request.

The last stage of ``redline check`` (`redline.ci.check`): a headline, one table row per
file, the problems and broken rules, then each changed file's comparison exactly as
`redline.renderers.markdown.render_markdown` writes it (counts, correspondence table, changed
provisions with their words struck and inserted). Guarantees: deterministic, and every
file, problem, violation and note of the report appears in it.
"""

from __future__ import annotations

from redline.changes import ChangeKind, Comparison
from redline.ci.report import CheckReport, FileReport
from redline.printable import guard, inline
from redline.read.git import Status
from redline.renderers import RenderOptions
from redline.renderers.markdown import md_escape, render_markdown
from redline.renderers.outline import change_title, describe

MAX_LISTED = 4
"""Changed provisions named in a file's table row before "and N more"."""


def write_summary(report: CheckReport) -> str:
    """The whole summary, ending in one newline."""
    lines = ["## redline check", "", _headline(report), ""]
    lines += _file_table(report)
    lines += _bullets("Problems", [str(p) for f in report.files for p in f.problems])
    lines += _bullets("Rules violated", [str(v) for f in report.files for v in f.violations])
    notes = [*report.notes, *(f"{f.path}: {note}" for f in report.files for note in f.notes)]
    lines += _bullets("Notes", notes)
    for file in report.files:
        if file.status is not None:
            lines += [f"### {_title(file)}", "", _file_body(file), ""]
    return guard("\n".join(lines).rstrip() + "\n")


def _plural(count: int, word: str) -> str:
    """`count` and `word`, plural when it is not one.

    >>> _plural(1, "file"), _plural(2, "file")
    ('1 file', '2 files')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"


def _headline(report: CheckReport) -> str:
    files = report.files
    checked = _plural(len(files), "AKN file")
    parts = [f"{checked} checked" + (f" against `{report.base}`" if report.base else "")]
    deleted = sum(1 for f in files if f.status is Status.DELETED)
    if report.base:
        changed = sum(1 for f in files if f.status is not None)
        parts.append(f"{changed} changed" + (f" ({deleted} deleted)" if deleted else ""))
    problems = sum(len(f.problems) for f in files)
    violations = sum(len(f.violations) for f in files)
    if problems:
        parts.append(f"**{_plural(problems, 'problem')}**")
    else:  # a deleted file has nothing to validate, only rules (frozen) to obey
        parts.append("all valid" if deleted < len(files) else "no file left to validate")
    if violations:
        parts.append(f"**{_plural(violations, 'rule')} violated**")
    elif report.base:
        parts.append("every rule holds")
    return "; ".join(parts) + "."


def _file_table(report: CheckReport) -> list[str]:
    if not report.files:
        return ["No AKN file found.", ""]
    if not report.base:
        rows = [f"| {_code(f.path)} | {_result(f)} |" for f in report.files]
        return ["| file | result |", "|---|---|", *rows, ""]
    rows = [
        f"| {_code(f.path)} | {_status(f)} | {_provisions(f)} | {_result(f)} |"
        for f in report.files
    ]
    return ["| file | change | provisions | result |", "|---|---|---|---|", *rows, ""]


def _status(file: FileReport) -> str:
    if file.status is None:
        return "—"
    if file.status is Status.RENAMED:
        return f"renamed from {_code(file.old_path)}"
    return str(file.status.value)


def _provisions(file: FileReport) -> str:
    comparison = file.comparison
    if comparison is None:
        return ""
    count = _plural(len(comparison.correspondence), "provision")
    if file.status is Status.ADDED:
        return f"{count}, all new"
    if file.status is Status.DELETED:
        return f"{count}, all deleted"
    changed = [c for c in comparison.correspondence if c.kind is not ChangeKind.UNCHANGED]
    if not changed:
        return "no change in the text"
    named = [md_escape(change_title(c)) for c in changed[:MAX_LISTED]]
    more = len(changed) - MAX_LISTED
    return "; ".join(named) + (f"; and {more} more" if more > 0 else "")


def _result(file: FileReport) -> str:
    if file.problems:
        return f"**invalid** ({_plural(len(file.problems), 'problem')})"
    if file.violations:
        return f"**{_plural(len(file.violations), 'rule')} violated**"
    return "ok"


def _bullets(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"### {title}", "", *(f"- {_code(item)}" for item in items), ""]


def _title(file: FileReport) -> str:
    """A file's heading: its path and how it changed."""
    return f"{_code(file.path)} — {_status(file)}"


def _code(text: str) -> str:
    r"""`text` as a code span, or escaped Markdown when it holds what a span cannot
    (a backtick, a ``|`` that would split a table cell, a control character).

    >>> print(_code("versions/a-b.akn.xml"), _code("odd`name"), _code("a|b\r"))
    `versions/a-b.akn.xml` odd\`name a\|b\\r
    """
    plain = "`" not in text and "|" not in text and inline(text) == text
    return f"`{text}`" if plain else md_escape(inline(text))


def _file_body(file: FileReport) -> str:
    comparison = file.comparison
    if comparison is None:
        return "Not compared: one of its versions cannot be read (see above)."
    if file.status is Status.ADDED:
        return f"New file: {_version(comparison, new=True)}, {_provisions(file)}."
    if file.status is Status.DELETED:
        return f"Deleted: {_version(comparison, new=False)}, {_provisions(file)}."
    if comparison.identical:
        return "The text did not change (only its XML did)."
    return render_markdown(comparison, RenderOptions()).decode("utf-8").rstrip()


def _version(comparison: Comparison, *, new: bool) -> str:
    return md_escape(describe(comparison.new if new else comparison.old))
