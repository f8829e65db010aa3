"""Which rules a check applies: those of the base revision, so a change cannot lift them.

Used by `redline.ci.check` before judging. A pull request could delete ``redline.toml``,
empty its ``frozen`` list, or replace it by a folder or a dangling link; the rules
it is judged by are therefore read from the base revision (``--rules-from base``, the
default with ``--base``), and a change to them is reported, to be judged by a reviewer
and to take effect once merged. ``--rules-from worktree`` reads the working tree's
(a repository's first commit has no base rules). Guarantees: `Rules.notes` says
where the rules came from whenever they differ from the working tree's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from redline.ci.policy import POLICY_FILE, Policy, parse_policy, read_policy
from redline.errors import InputError, UsageError
from redline.read.git import is_revision, revision_blob


class RulesFrom(Enum):
    """Where ``redline check --base`` takes ``redline.toml`` from."""

    BASE = "base"
    """The base revision: what the change is judged by (the default)."""
    WORKTREE = "worktree"
    """The working tree (for a repository's own first commit, or a local run)."""


@dataclass(frozen=True, slots=True)
class Rules:
    """The policy in force and what a reviewer should know about it."""

    policy: Policy
    """The rules applied."""
    notes: tuple[str, ...] = ()
    """``redline.toml changed since REV ...`` and the like."""


def rules_for(root: Path, base: str | None, source: RulesFrom) -> Rules:
    """The rules of a check of the working tree at `root` against `base`."""
    if base is None or source is RulesFrom.WORKTREE:
        return Rules(read_policy(root))
    if not is_revision(base, root):
        raise InputError(f"--base {base!r} is not a revision (a branch, tag or commit)")
    try:
        data = revision_blob(base, POLICY_FILE, root)
    except InputError as error:
        raise UsageError(f"{error.message} (in {base}); no rules to judge by") from error
    policy = parse_policy(data, f"{base}:{POLICY_FILE}") if data is not None else Policy()
    if _working_bytes(root) == data:
        return Rules(policy)
    where = "has none" if data is None else "its rules"
    note = (
        f"{POLICY_FILE} changed since {base}: this check applies the rules of {base} "
        f"({where}); the new rules take effect once the change is merged"
    )
    return Rules(policy, (note,))


def _working_bytes(root: Path) -> bytes | None:
    """The working tree's ``redline.toml`` as bytes; None when absent; b"\\0" (never
    equal to a file's bytes from git) when it is a folder or a link."""
    path = root / POLICY_FILE
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return b"\0"
    return path.read_bytes() if path.exists() else None
