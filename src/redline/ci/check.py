"""The gate over a repository of texts: validate every file, compare with a base, judge.

The top of the library, under ``redline check``: reads the working tree and, through
`redline.read.git`, the base revision; runs `redline.akn.validate`, `redline.comparison.engine` and
the rules of `redline.ci.policy`; `redline.ci.summary` writes the Markdown summary.
Guarantees: a bad file never raises (it becomes a `Problem` of the report); only what
makes the check itself impossible raises (`UsageError`/`InputError`: not a revision,
not in a repository, a path that names nothing, a bad ``redline.toml``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from redline.akn.validate import Problem, validate_akn
from redline.changes import CompareOptions, Comparison
from redline.ci.policy import Policy, Violation, judge, read_policy
from redline.ci.report import CheckReport, FileReport
from redline.ci.summary import write_summary
from redline.errors import InputError, RedlineError, UsageError
from redline.model import Document
from redline.read.git import FileChange, Status, changed_files, read_revision, repository_root

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
    """The rules; None reads ``redline.toml`` at the repository root."""


def run_check(paths: Sequence[str], base: str | None, config: CheckConfig) -> CheckReport:
    """Validate the AKN files under `paths` and, given `base`, judge their changes."""
    cwd = (config.cwd or Path.cwd()).resolve()
    root = repository_root(cwd) if base else _root_or(cwd)
    policy = config.policy or read_policy(root)
    targets = [cwd / path for path in paths] or [root / path for path in DEFAULT_PATHS]
    explicit = {_name(path, root) for path in targets if path.is_file()}
    changes = _changes(base, targets, root) if base else {}
    _require_existing(targets, changes, root)
    reports = {name: _validate(root, name) for name in _working_files(targets, root)}
    for name, change in changes.items():
        compared = _compare(root, change, base or "", policy, config.options, explicit)
        if compared is not None:
            # Validation's problems come first; the comparison's stand when there are none.
            problems = reports[name].problems if name in reports else ()
            reports[name] = replace(compared, problems=problems or compared.problems)
    result = CheckReport(base, tuple(reports[name] for name in sorted(reports)))
    return replace(result, summary=write_summary(result))


def _root_or(cwd: Path) -> Path:
    """The repository root, or `cwd` outside a repository (a check without a base)."""
    try:
        return repository_root(cwd).resolve()
    except InputError:
        return cwd


def _name(path: Path, root: Path) -> str:
    """`path` from the repository root with ``/`` separators, as git and ``redline.toml``
    name files (a path outside the root is kept as given)."""
    # A link is named as itself, not as what it points at (which may be anywhere).
    resolved = path.parent.resolve() / path.name if path.is_symlink() else path.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _changes(base: str, targets: list[Path], root: Path) -> dict[str, FileChange]:
    pathspecs = [str(path.resolve()) for path in targets]
    return {change.path: change for change in changed_files(base, pathspecs, root)}


def _require_existing(targets: list[Path], changes: dict[str, FileChange], root: Path) -> None:
    """A path must name a file or folder now, or one that the base had."""
    for path in targets:
        name = _name(path, root)
        gone = any(
            c.old_path == name or c.old_path.startswith(f"{name}/") for c in changes.values()
        )
        if not path.exists() and not gone:
            raise UsageError(f"no such file or folder: {name} (name the AKN files to check)")


def is_akn_name(name: str, data: bytes | None) -> bool:
    """True for ``*.akn.xml``, and for ``*.xml`` whose root is an Akoma Ntoso element.

    >>> is_akn_name("v/a.akn.xml", None), is_akn_name("v/a.xml", b"<other/>")
    (True, False)
    """
    from redline.read.sources import sniff

    if name.endswith(".akn.xml"):
        return True
    return name.endswith(".xml") and data is not None and sniff(data) == "akn"


def _working_files(targets: list[Path], root: Path) -> list[str]:
    """The AKN files named or found under the folders `targets`, from the root."""
    found: list[str] = []
    for target in targets:
        if target.is_file():
            found.append(_name(target, root))
            continue
        for path in sorted(target.rglob("*.xml")) if target.is_dir() else ():
            if path.is_symlink() and is_akn_name(path.name, None):
                found.append(_name(path, root))  # reported as not a regular file
            elif path.is_file() and is_akn_name(path.name, _head(path)):
                found.append(_name(path, root))
    return list(dict.fromkeys(found))


def _head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as stream:
            return stream.read(4096)
    except OSError:
        return None


def _validate(root: Path, name: str) -> FileReport:
    """The problems of the working-tree file `name` (unreadable is one problem)."""
    try:
        data = read_regular_file(root / name)
    except InputError as error:
        return FileReport(name, problems=(Problem(name, None, error.message),))
    return FileReport(name, problems=tuple(validate_akn(data, name)))


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
    return tuple(violations), tuple(_unknown_frozen(comparison, policy, change))


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


def _unknown_frozen(comparison: Comparison, policy: Policy, change: FileChange) -> Iterator[str]:
    """Per-file frozen eIds that name nothing in the base version: likely a typo."""
    eids = {side.eid for c in comparison.changes for side in c.old}
    own = [
        eid
        for path, frozen in policy.files
        if path in (change.path, change.old_path)
        for eid in frozen
    ]
    for eid in own:
        if eid not in eids:
            yield f"frozen eId {eid} (redline.toml) is not in the base version of this file"


def redline_name(path: str, fmt: str) -> str:
    """The file name of a redline of `path`: one flat folder of artifacts, no clashes.

    >>> redline_name("versions/un/solidarity.akn.xml", "pdf")
    'versions--un--solidarity.pdf'
    """
    stem = path.removesuffix(".xml").removesuffix(".akn")
    return f"{stem.replace('/', '--')}.{fmt}"


def write_redlines(report: CheckReport, folder: Path, fmt: str) -> tuple[Path, ...]:
    """Write the redline of every changed file in format `fmt` (``html``, ``pdf``) into
    `folder` (created if missing); files whose text did not change get none."""
    from redline.output import write_output
    from redline.renderers import RenderOptions, get_renderer

    renderer = get_renderer(fmt)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for file in report.files:
        if file.comparison is None or file.comparison.identical:
            continue
        target = folder / redline_name(file.path, fmt)
        write_output(str(target), renderer(file.comparison, RenderOptions()))
        written.append(target)
    return tuple(written)


def append_summary(path: Path, summary: str) -> None:
    """Append `summary` to a file such as GitHub's ``$GITHUB_STEP_SUMMARY``."""
    with path.open("a", encoding="utf-8") as stream:
        stream.write(summary + "\n")
