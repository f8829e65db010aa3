"""The hostile-input cases: one folder each under ``cases/``, described by its ``case.toml``.

A case names its input (a file of the folder, a file generated at test time, or a
path outside the tests such as ``/dev/zero``) and, for each command, the exit code
and a regular expression the one-line message must match (``{file}`` stands for the
input's name as the command was given it). A ``[check-git]`` table, when present, says
what ``check --base`` must do where it differs from ``check`` on a plain folder. An
accepted case lists instead the ``payloads``: hostile strings that must come out of
every command as plain text.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from redline.xmlsafe import MAX_BYTES

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
CLEAN_DRAFT = HERE / "clean-draft.txt"
"""The other side of every comparison: a small, ordinary draft."""
PREVIOUS = b"a redline someone already circulated\n"
"""A previous output, which an interrupted or failed run must leave as it was."""
COMMANDS = ("import", "validate", "text", "diff", "check")
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
OVER_LIMIT = MAX_BYTES + 1024 * 1024
"""The size of the generated bill that is over the default input size limit."""


@dataclass(frozen=True, slots=True)
class Expect:
    """What one command must do with a case's input."""

    code: int
    """The exit code."""
    message: str = ""
    """A regex the output's lines must match (``{file}``: the input's name); "" to skip."""
    lines: int = 1
    """How many lines the message takes (``validate`` prints every problem)."""
    on: str = "input"
    """``input``, or ``imported``: the AKN that ``import`` writes from the input."""


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile input and what every command must make of it."""

    name: str
    """The folder's name."""
    summary: str
    """What the input is and why it is hostile."""
    source: Path | None
    """The input file, or None when `generate` makes it."""
    generate: str = ""
    """The name of a generator in `GENERATORS`, for inputs too big or deep to commit."""
    expect: dict[str, Expect] = field(default_factory=dict)
    """Per command (`COMMANDS`); ``check-git`` when a check against a git base differs."""
    payloads: tuple[str, ...] = ()
    """Strings that must come out as text, never as markup (accepted cases)."""
    same_as: Path | None = None
    """A file whose import must give the same document as the input's."""
    encoding: str = ""
    """An ``--encoding`` with which ``import`` accepts the input (and `same_as` holds)."""
    end_to_end: bool = False
    """Also run every command as the installed ``redline`` program."""

    @property
    def accepted(self) -> bool:
        """True when ``import`` reads the input (its output is then checked, not refused)."""
        return self.expect["import"].code == 0

    def input_name(self) -> str:
        """The file name the input gets in a test's folder."""
        return self.source.name if self.source else f"input.{self.generate}.akn.xml"

    def make_input(self, folder: Path) -> Path:
        """Put the input into `folder` (unless it is a path such as ``/dev/zero``)."""
        if self.source is not None and not self.source.is_relative_to(CASES):
            return self.source
        target = folder / self.input_name()
        data = GENERATORS[self.generate]() if self.generate else self.source.read_bytes()  # type: ignore[union-attr]
        target.write_bytes(data)
        return target


def load_case(folder: Path) -> Case:
    """The case described by ``folder/case.toml``."""
    record = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    source = record.get("input") or record.get("path")
    same_as = record.get("same_as")
    return Case(
        name=folder.name,
        summary=record["summary"],
        source=(folder / source).resolve() if source else None,
        generate=record.get("generate", ""),
        expect={
            command: Expect(**record[command])
            for command in (*COMMANDS, "check-git")
            if command in record
        },
        payloads=tuple(record.get("payloads", ())),
        same_as=(folder / same_as).resolve() if same_as else None,
        encoding=record.get("encoding", ""),
        end_to_end=record.get("end_to_end", False),
    )


def all_cases() -> list[Case]:
    """Every case, by name."""
    return [load_case(folder) for folder in sorted(CASES.iterdir()) if folder.is_dir()]


def message_pattern(expect: Expect, file: str) -> re.Pattern[str]:
    """The compiled message regex of `expect` for an input named `file`."""
    return re.compile(expect.message.replace("{file}", re.escape(file)))


# -- generated inputs ----------------------------------------------------------------------


def _akn(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{AKN_NS}">\n'
        f'<bill name="bill">\n<body>\n{body}</body>\n</bill>\n</akomaNtoso>\n'
    ).encode()


def over_limit() -> bytes:
    """A well-formed AKN bill of 33 MB, a megabyte over the default input size limit."""
    article = (
        '<article eId="art_{0}"><num>Article {0}</num><content><p>States shall cooperate in '
        "solidarity to promote the rights of peoples and individuals, number {0}.</p>"
        "</content></article>\n"
    )
    parts: list[str] = []
    size = 0
    while size < OVER_LIMIT:
        parts.append(article.format(len(parts) + 1))
        size += len(parts[-1])
    return _akn("".join(parts))


def deeply_nested() -> bytes:
    """An AKN bill whose one article holds 5,000 nested points."""
    depth = 5000
    return _akn(
        '<article eId="art_1"><num>Article 1</num>\n'
        + "<point>" * depth
        + "<content><p>Deep.</p></content>"
        + "</point>" * depth
        + "\n</article>\n"
    )


def quadratic_blowup() -> bytes:
    """One 50,000-character entity referenced 50,000 times: 2.5 GB once expanded."""
    entity = "x" * 50_000
    refs = "&a;" * 50_000
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY a "{entity}">]>\n'
        f'<akomaNtoso xmlns="{AKN_NS}"><bill name="bill"><body><article eId="art_1">'
        f"<num>Article 1</num><content><p>{refs}</p></content></article></body></bill>"
        "</akomaNtoso>\n"
    ).encode()


GENERATORS: dict[str, Callable[[], bytes]] = {
    "over-limit": over_limit,
    "deep": deeply_nested,
    "quadratic": quadratic_blowup,
}
"""Inputs made at test time, by the name a ``case.toml`` gives in ``generate``."""


def drafts_and_previous_output(folder: Path, previous: str) -> Path:
    """`folder` holding two drafts that differ, ``old.txt`` and ``new.txt``, and a
    previous output named `previous` (`PREVIOUS`), for the tests of atomic writing."""
    shutil.copy(CLEAN_DRAFT, folder / "old.txt")
    new = CLEAN_DRAFT.read_text(encoding="utf-8").replace("every year", "every two years")
    (folder / "new.txt").write_text(new, encoding="utf-8")
    (folder / previous).write_bytes(PREVIOUS)
    return folder
