"""The README documents every command, and every command explains itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def test_the_cli_has_the_six_commands():
    assert COMMANDS == ["check", "diff", "history", "import", "text", "validate"]


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_and_a_readme_section(name: str):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3
    assert f"### `redline {name}" in README


def test_readme_has_no_unfilled_placeholders():
    for marker in ("EVALUATION_TABLE", "SPEED_TABLE", "SECURITY_SECTION"):
        assert marker not in README
