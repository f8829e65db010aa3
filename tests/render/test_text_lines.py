"""Text output of a provision whose text holds line feeds (a quoted block in a US bill):
each line of it is a line of its own, indented like the text, never ``\\n`` escapes; and
still no printed line can start a CI command or pass for a heading of the output."""

from __future__ import annotations

from pathlib import Path

import redline
from render_fixtures import text_redline

DATA = Path(__file__).parents[1] / "data" / "us-bill-dtd"


def _changed(out: str) -> list[str]:
    return out.split("\nChanged provisions:\n", 1)[1].splitlines()


def test_s5_quoted_subparagraphs_print_as_lines_under_their_provision() -> None:
    old, new = (redline.load(DATA / name) for name in ("s5-119--01-pcs.xml", "s5-119--03-enr.xml"))
    out = redline.render(redline.compare(old, new), "text").decode("utf-8")
    changed = _changed(out)
    start = changed.index("  SEC. 2(1)(C): modified")
    assert changed[start + 1] == "    by inserting after subparagraph (D) the following:"
    assert changed[start + 2].startswith("    “(E)(i) is inadmissible under paragraph (6)(A),")
    assert changed[start + 3].startswith("    “(ii) is charged with, is arrested for,")
    assert "[-or shoplifting offense-]{+shoplifting, or assault" in changed[start + 3]
    assert not [line for line in changed if "\\n" in line]


def test_the_list_of_changes_keeps_each_row_on_one_line() -> None:
    out = text_redline(
        "States shall act:\nfirst; and\nsecond.", "States shall act:\nfirst; or\nsecond."
    )
    listed = out.split("\nList of changes:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert listed == ["  Article 1  modified  States shall act: first; [-and-]{+or+} second."]
    assert _changed(out)[2:5] == [
        "    States shall act:",
        "    first; [-and-]{+or+}",
        "    second.",
    ]


def test_a_line_of_the_text_cannot_forge_a_command_or_a_heading() -> None:
    common = "States shall cooperate with one another in every field of this Declaration."
    forged = "::error::forged\n== Article 9: deleted\r::warning::x"
    out = text_redline(f"{common}\n{forged}\nTwo.", f"{common}\n{forged}\nThree.")
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line
    assert _changed(out)[1:6] == [
        "== Article 1: modified",
        f"    {common}",
        "    \\::error::forged",
        "    == Article 9: deleted\\r::warning::x",
        "    [-Two-]{+Three+}.",
    ]


def test_a_line_feed_that_replaced_a_space_is_named() -> None:
    out = text_redline("first and second", "first and\nsecond")
    assert "and[- -]{+\\n+}second" in out
