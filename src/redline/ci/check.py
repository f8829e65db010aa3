"""The gate over a repository of texts: validate every file, compare with a base, judge.

The top of the library, under ``redline check``: reads the working tree and, through
`redline.read.git`, the base revision; runs `redline.akn.validate`, `redline.comparison.engine` and
the rules of `redline.ci.policy`; `redline.ci.summary` writes the Markdown summary.
Guarantees: a bad file never raises (it becomes a `Problem` of the report); only what
makes the check itself impossible raises (`UsageError`/`InputError`: not a revision,
not in a repository, a path that names nothing, a bad ``redline.toml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from redline.akn.validate import Problem, validate_akn
from redline.changes import CompareOptions, Comparison
from redline.ci.artifacts import (  # re-exported: the command line's entry points
    STEP_SUMMARY_LIMIT,
    append_summary,
    redline_name,
    redline_names,
    write_redlines,
)
from redline.ci.files import find_akn, inside, is_akn_name, name_of
from redline.ci.policy import POLICY_FILE, Policy, Violation, judge, unknown_names
from redline.ci.report import CheckReport, FileReport
from redline.ci.rules import Rules, RulesFrom, rules_for
from redline.ci.summary import write_summary
from redline.errors import InputError, RedlineError, UsageError
from redline.model import Document
from redline.read.git import (
    FileChange,
    Status,
    changed_files,
    read_revision,
    repository_root,
    submodules,
)

__all__ = [
    "STEP_SUMMARY_LIMIT",
    "CheckConfig",
    "append_summary",
    "is_akn_name",
    "read_regular_file",
    "redline_name",
    "redline_names",
    "run_check",
    "write_redlines",
]

DEFAULT_PATHS = ("versions",)
"""Where the texts live when no paths are given (relative to the repository root)."""


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """How to run a check; the defaults are those of ``redline check``."""

    cwd: Path | None = None
    """The folder paths are relative to (default: the current folder)."""
    options: CompareOptions = field(default_factory=CompareOptions)
    """Options of every comparison."""
    policy: Policy | None = None
    """The rules; None reads ``redline.toml`` (see `rules_from`)."""
    rules_from: RulesFrom = RulesFrom.BASE
    """With a base: take ``redline.toml`` from the base revision or the working tree."""


def run_check(paths: Sequence[str], base: str | None, config: CheckConfig) -> CheckReport:
    """Validate the AKN files under `paths` and, given `base`, judge their changes.

    Raises `UsageError` when the rules name a file or an eId that does not exist.
    """
    cwd = (config.cwd or Path.cwd()).resolve()
    root = repository_root(cwd).resolve() if base else _root_or(cwd)
    rules = Rules(config.policy) if config.policy else rules_for(root, base, config.rules_from)
    policy = rules.policy
    targets = [cwd / path for path in paths] or [root / path for path in DEFAULT_PATHS]
    _require_inside(targets, root)
    explicit = {name_of(path, root) for path in targets if path.is_file()}
    changes = _changes(base, targets, root) if base else {}
    _require_existing(targets, changes, root)
    found = find_akn(targets, root)
    reports = {name: _validate(root, name) for name in found.files}
    for name, change in changes.items():
        compared = _compare(root, change, base or "", policy, config.options, explicit)
        if compared is not None:
            # Validation's problems come first; the comparison's stand when there are none.
            validated = reports.get(name, FileReport(name))
            problems = validated.problems or compared.problems
            notes = (*validated.notes, *compared.notes)
            reports[name] = replace(compared, problems=problems, notes=notes)
    _refuse_unknown_names(policy, reports, changes, root, every_file=not paths)
    notes = (*rules.notes, *found.skipped, *_skipped_submodules(base, targets, root))
    result = CheckReport(base, tuple(reports[name] for name in sorted(reports)), notes=notes)
    return replace(result, summary=write_summary(result))


def _root_or(cwd: Path) -> Path:
    """The repository root, or `cwd` outside a repository (a check without a base)."""
    try:
        return repository_root(cwd).resolve()
    except InputError:
        return cwd


def _require_inside(targets: list[Path], root: Path) -> None:
    """A path given must lie in the repository (a link may not lead out of it)."""
    for path in targets:
        if path.exists() and not inside(path, root):
            name = name_of(path, root)
            raise UsageError(f"{name} is outside the repository {root}; only its files are checked")


def _pathspecs(targets: list[Path], root: Path) -> list[str]:
    return [name_of(path, root) or "." for path in targets]


def _changes(base: str, targets: list[Path], root: Path) -> dict[str, FileChange]:
    changed = changed_files(base, _pathspecs(targets, root), root)
    return {change.path: change for change in changed}


def _skipped_submodules(base: str | None, targets: list[Path], root: Path) -> list[str]:
    if not base:
        return []
    found = submodules(base, _pathspecs(targets, root), root)
    return [
        f"{name}: a submodule; skipped" for name in found if not (root / name / ".git").exists()
    ]


def _require_existing(targets: list[Path], changes: dict[str, FileChange], root: Path) -> None:
    """A path must name a file or folder now, or one that the base had."""
    for path in targets:
        name = name_of(path, root)
        gone = any(
            c.old_path == name or c.old_path.startswith(f"{name}/") for c in changes.values()
        )
        if not path.exists() and not path.is_symlink() and not gone:
            raise UsageError(f"no such file or folder: {name} (name the AKN files to check)")


def _refuse_unknown_names(
    policy: Policy,
    reports: dict[str, FileReport],
    changes: dict[str, FileChange],
    root: Path,
    every_file: bool,
) -> None:
    """`UsageError` naming every file or eId of the rules that does not exist."""
    if not policy.frozen and not policy.files:
        return
    existing = {*reports, *(c.old_path for c in changes.values() if c.old_path)}
    existing |= {
        name
        for name, _ in policy.files
        if Path(name).as_posix() == name and (root / name).is_file()
    }
    eids = {name: _eids_of(root, report) for name, report in reports.items()}
    checked = policy if every_file else replace(policy, frozen=())
    unknown = unknown_names(checked, existing, {k: v for k, v in eids.items() if v})
    if unknown:
        raise UsageError("; ".join(unknown) + " (a typo would switch a rule off)",
                         source=POLICY_FILE)  # fmt: skip


def _eids_of(root: Path, report: FileReport) -> set[str]:
    """Every eId of a file in either version: from its comparison, else from the file."""
    if report.comparison is not None:
        changes = report.comparison.changes
        return {side.eid for change in changes for side in (*change.old, *change.new)}
    data = _read_working(root / report.path)
    document, _ = _read_doc(data, report.path) if not report.problems else (None, "")
    return {unit.eid for unit in document.walk()} if document else set()


def _validate(root: Path, name: str) -> FileReport:
    """The problems of the working-tree file `name` (unreadable is one problem); its
    notices (a gap in the numbering as printed) are notes, which do not fail the check."""
    try:
        data = read_regular_file(root / name)
    except InputError as error:
        return FileReport(name, problems=(Problem(name, None, error.message),))
    found = validate_akn(data, name)
    return FileReport(
        name,
        problems=tuple(p for p in found if not p.notice),
        notes=tuple(
            f"line {p.line}: {p.message}" if p.line else p.message for p in found if p.notice
        ),
    )


def read_regular_file(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file within the input size limit.

    The files checked come from anyone (a pull request), so a link is not followed: it
    could point at ``/dev/zero`` or at a local file outside the repository. Devices and
    pipes are refused too. `InputError` says why.
    """
    from redline.read.sources import read_bytes

    if path.is_symlink() or not path.is_file():
        kind = "a symbolic link" if path.is_symlink() else "a device, pipe or folder"
        raise InputError(f"not a regular file ({kind}); only files are checked", source=str(path))
    return read_bytes(str(path))


def _compare(
    root: Path,
    change: FileChange,
    base: str,
    policy: Policy,
    options: CompareOptions,
    explicit: set[str],
) -> FileReport | None:
    """The comparison of one changed file and the rules it breaks; None when not AKN."""
    from redline.comparison.engine import compare

    old = read_revision(f"{base}:{change.old_path}", root) if change.old_path else None
    new = _read_working(root / change.path) if change.status is not Status.DELETED else None
    akn = change.path in explicit or any(
        is_akn_name(name, data) for name, data in ((change.path, new), (change.old_path, old))
    )
    if not akn:
        return None
    report = FileReport(change.path, change.status, change.old_path)
    if new is None and change.status is not Status.DELETED:
        return report  # unreadable now: validation reports it
    old_doc, old_error = _read_doc(old, f"{base}:{change.old_path}")
    new_doc, new_error = _read_doc(new, change.path)
    if new_error:
        # Usually validation has said why already; but valid AKN of a type redline does
        # not read (a judgment) would otherwise pass without its rules being judged.
        problem = Problem(change.path, None, f"cannot be compared: {new_error}")
        return replace(report, problems=(problem,))
    if old_error:
        # An unreadable base is only news: the new version is what is checked.
        note = f"not compared: the version in {base} cannot be read ({old_error})"
        return replace(report, notes=(note,))
    pair = _pair(old_doc, new_doc)
    if pair is None:
        return report
    comparison = compare(*pair, options)
    violations, notes = _judged(change, comparison, policy)
    return replace(report, comparison=comparison, violations=violations, notes=notes)


def _judged(
    change: FileChange, comparison: Comparison, policy: Policy
) -> tuple[tuple[Violation, ...], tuple[str, ...]]:
    """The violations and notes of one compared file (an added file breaks no rule; a
    deleted one only the frozen rule)."""
    if change.status is Status.ADDED:
        return (), ()
    if change.status is Status.DELETED:
        policy = replace(policy, stable_eids=False, require_new_expression=False)
    violations = judge(change.path, comparison, policy, change.old_path)
    return tuple(violations), ()


def _pair(old: Document | None, new: Document | None) -> tuple[Document, Document] | None:
    """Both sides, an empty document standing in for the missing side of an added or
    deleted file; None when neither could be read."""
    if new is None:
        return (old, Document(meta=old.meta)) if old else None
    return (old or Document(meta=new.meta), new)


def _read_working(path: Path) -> bytes | None:
    try:
        return read_regular_file(path)
    except InputError:
        return None  # validation reports it


def _read_doc(data: bytes | None, source: str) -> tuple[Document | None, str]:
    """The document in `data`, or None and why it cannot be read ("" when it can)."""
    from redline.akn.read import read_akn

    if data is None:
        return None, ""
    try:
        return read_akn(data, source), ""
    except RedlineError as error:
        return None, error.message
