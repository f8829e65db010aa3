"""The README documents every command, and every command explains itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from redline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.list_commands(click.Context(cli)))


def test_the_cli_has_its_commands():
    assert COMMANDS == ["batch", "check", "diff", "history", "import", "text", "validate"]


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_and_a_readme_section(name: str):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3
    assert f"### `redline {name}" in README


def test_readme_has_no_unfilled_placeholders():
    for marker in ("EVALUATION_TABLE", "SPEED_TABLE", "SECURITY_SECTION"):
        assert marker not in README


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


def test_the_use_from_python_example_runs_and_prints_what_the_readme_shows(
    tmp_path: Path,
) -> None:
    section = _section("Use from Python")
    script = section.split("```python\n", 1)[1].split("```", 1)[0]
    shown = section.split("```console\n", 1)[1].split("```", 1)[0]
    versions = tmp_path / "versions"
    versions.mkdir()
    for name in ("solidarity-2014.akn.xml", "solidarity-revision-A.akn.xml"):
        shutil.copy(ROOT / "versions" / name, versions / name)
    (tmp_path / "example.py").write_text(script, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown
    page = (tmp_path / "redline.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<del" in page and "<ins" in page
