"""The rules of a repository's ``redline.toml``, and judging a comparison against them.

Used by `redline.ci.check` after `redline.comparison.engine`: `read_policy` turns the file into a
`Policy` (refusing any key it does not know, so a typo never silently switches a rule
off); `judge` returns every `Violation` of one file's comparison. Guarantees: each
violation names the file, the provision (eId and human label) where there is one,
and the rule.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from redline.changes import Change, ChangeKind, Comparison
from redline.errors import UsageError

POLICY_FILE = "redline.toml"
"""The rules file, looked for at the repository root."""


class Rule(Enum):
    """A rule ``redline check`` can enforce."""

    FROZEN = "frozen"
    """Listed provisions (and everything inside them) may not change at all."""
    STABLE_EIDS = "stable_eids"
    """A provision whose text and number did not change keeps its eId."""
    REQUIRE_NEW_EXPRESSION = "require_new_expression"
    """A file whose text changed carries a new FRBR expression URI, date or version label."""


@dataclass(frozen=True, slots=True)
class Policy:
    """The rules in force; the default enforces nothing."""

    frozen: tuple[str, ...] = ()
    """eIds frozen in every checked file."""
    files: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Per-file frozen eIds: (path from the repository root, eIds)."""
    stable_eids: bool = False
    """Enforce `Rule.STABLE_EIDS`."""
    require_new_expression: bool = False
    """Enforce `Rule.REQUIRE_NEW_EXPRESSION`."""

    def frozen_in(self, *paths: str) -> tuple[str, ...]:
        """The eIds frozen in a file known by any of `paths` (old and new path of a rename)."""
        own = [eid for path, eids in self.files if path in paths for eid in eids]
        return tuple(dict.fromkeys([*self.frozen, *own]))


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule broken in one file."""

    path: str
    """The file, from the repository root."""
    rule: Rule
    """The rule broken."""
    message: str
    """What happened, naming the provision by eId and label where there is one."""

    def __str__(self) -> str:
        """``path: message (rule: name)``, one line for CI logs."""
        return f"{self.path}: {self.message} (rule: {self.rule.value})"


_CHECK_KEYS = frozenset({"frozen", "files", "stable_eids", "require_new_expression"})
_FILE_KEYS = frozenset({"frozen"})


def read_policy(root: Path) -> Policy:
    """The policy of ``redline.toml`` in the working tree at `root`; the default `Policy`
    when there is none.

    Raises `UsageError` for a file that is not TOML, an unknown key (named in full,
    e.g. ``check.frozn``), a value of the wrong type, or a ``redline.toml`` that is not
    a regular file (a folder or a link, dangling or not: rules must not vanish
    because the file became something else).
    """
    path = root / POLICY_FILE
    if not path.exists() and not path.is_symlink():
        return Policy()
    if path.is_symlink() or not path.is_file():
        raise UsageError("not a regular file (a folder or a link); the rules must be a file",
                         source=POLICY_FILE)  # fmt: skip
    return parse_policy(path.read_bytes())


def parse_policy(data: bytes, source: str = POLICY_FILE) -> Policy:
    """The policy in the bytes of a ``redline.toml`` (a UTF-8 byte order mark is allowed)."""
    try:
        data_dict = tomllib.loads(data.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"not valid TOML: {error}", source=source) from error
    _refuse_unknown(data_dict, frozenset({"check"}), "")
    check = _table(data_dict.get("check", {}), "check")
    _refuse_unknown(check, _CHECK_KEYS, "check.")
    files = _table(check.get("files", {}), "check.files")
    per_file = []
    for name, table in files.items():
        where = f'check.files."{name}"'
        table = _table(table, where)
        _refuse_unknown(table, _FILE_KEYS, f"{where}.")
        per_file.append((name, _eids(table.get("frozen", []), f"{where}.frozen")))
    return Policy(
        frozen=_eids(check.get("frozen", []), "check.frozen"),
        files=tuple(per_file),
        stable_eids=_flag(check.get("stable_eids", False), "check.stable_eids"),
        require_new_expression=_flag(
            check.get("require_new_expression", False), "check.require_new_expression"
        ),
    )


def unknown_names(
    policy: Policy, files: Collection[str], eids: Mapping[str, Collection[str]]
) -> list[str]:
    """What the rules name that does not exist: a typo would switch a rule off.

    `files` are the files that exist (in the working tree or the base); `eids` maps
    each file checked to every eId it has in either version. Returns one message per
    unknown name: a per-file key that names no file, a frozen eId in no checked file,
    a per-file frozen eId not in its file.
    """
    unknown = []
    for name, _ in policy.files:
        if name not in files:
            hint = " (paths are from the repository root, without ./)" if "./" in name else ""
            unknown.append(f'check.files."{name}" names no file{hint}')
    every = {eid for found in eids.values() for eid in found}
    unknown += [f"check.frozen: eId {eid} is in no file checked" for eid in policy.frozen
                if eids and eid not in every]  # fmt: skip
    for name, frozen in policy.files:
        if name in eids:
            unknown += [f'check.files."{name}".frozen: eId {eid} is not in {name}'
                        for eid in frozen if eid not in eids[name]]  # fmt: skip
    return unknown


def _refuse_unknown(table: Mapping[str, Any], known: frozenset[str], prefix: str) -> None:
    for key in table:
        if key not in known:
            expected = ", ".join(sorted(known))
            raise UsageError(
                f"unknown key {prefix}{key} (expected: {expected})", source=POLICY_FILE
            )


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UsageError(f"{where} must be a table", source=POLICY_FILE)
    return value


def _eids(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f'{where} must be a list of eIds, e.g. ["art_1"]', source=POLICY_FILE)
    return tuple(value)


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise UsageError(f"{where} must be true or false", source=POLICY_FILE)
    return value


def judge(path: str, comparison: Comparison, policy: Policy, old_path: str = "") -> list[Violation]:
    """Every violation of `policy` by the change of file `path` (once `old_path`)."""
    violations = list(_frozen(path, comparison, policy.frozen_in(path, old_path or path)))
    if policy.stable_eids:
        violations += _unstable_eids(path, comparison)
    if policy.require_new_expression:
        violations += _same_expression(path, comparison)
    return violations


def _covers(frozen: str, eid: str) -> bool:
    """True when `eid` is the frozen provision or inside it.

    >>> _covers("art_1", "art_1__para_2"), _covers("art_1", "art_10")
    (True, False)
    """
    return eid == frozen or eid.startswith(f"{frozen}__")


def _frozen(path: str, comparison: Comparison, frozen: tuple[str, ...]) -> Iterator[Violation]:
    """One violation per frozen provision of the old version that changed in any way."""
    for eid in frozen:
        hits = [c for c in comparison.changes if any(_covers(eid, s.eid) for s in c.old)]
        if any(c.kind is not ChangeKind.UNCHANGED for c in hits):
            yield Violation(path, Rule.FROZEN, _frozen_message(eid, hits, comparison))


def _frozen_message(eid: str, hits: list[Change], comparison: Comparison) -> str:
    """``frozen provision art_2 (Article 2) was modified: Article 2(1) (art_2__para_1) modified``.

    The provision's own change is named first; when it is a container (modified because
    something inside it changed, or was inserted into it), the first such part is named.
    """
    own = next((c for c in hits if any(s.eid == eid for s in c.old)), None)
    label = next(s.label for s in own.old if s.eid == eid) if own else "part of it"
    kind = own.kind.value if own and own.kind is not ChangeKind.UNCHANGED else "changed"
    message = f"frozen provision {eid} ({label}) was {kind}"
    if own is not None and own.kind is not ChangeKind.MODIFIED:
        return message
    inside = {eid, *(s.eid for s in own.new)} if own else {eid}
    inner = [
        c
        for c in comparison.changes
        if c is not own
        and c.kind is not ChangeKind.UNCHANGED
        and any(_covers(top, s.eid) for top in inside for s in c.old + c.new)
    ]
    if inner:
        first = next((c for c in inner if any(s.text for s in c.old + c.new)), inner[0])
        sides = first.old or first.new
        message += f": {sides[0].label} ({sides[0].eid}) {first.kind.value}"
    return message


def _unstable_eids(path: str, comparison: Comparison) -> Iterator[Violation]:
    """Unchanged provisions whose own part of the eId changed.

    A child of a renumbered article (``art_3__para_1`` -> ``art_4__para_1``) keeps its
    own part (``para_1``) and is not a violation; ``art_3__para_1`` -> ``art_3__para_2``
    with the same text and number is.
    """
    for change in comparison.changes:
        if change.kind is not ChangeKind.UNCHANGED or not change.old or not change.new:
            continue
        old, new = change.old[0].eid, change.new[0].eid
        if old.rsplit("__", 1)[-1] != new.rsplit("__", 1)[-1]:
            yield Violation(
                path,
                Rule.STABLE_EIDS,
                f"provision {old} ({change.old[0].label}) is unchanged but its eId became {new}",
            )


def _same_expression(path: str, comparison: Comparison) -> Iterator[Violation]:
    """The text changed but the FRBR expression (URI, date, version label) did not."""
    old, new = comparison.old, comparison.new
    same = (old.expression_uri, old.date, old.version_label) == (
        new.expression_uri,
        new.date,
        new.version_label,
    )
    if same and not comparison.identical:
        yield Violation(
            path,
            Rule.REQUIRE_NEW_EXPRESSION,
            f"the text changed but the FRBR expression did not (still {new.expression_uri}, "
            f"date {new.date}); give it a new date or version label",
        )
