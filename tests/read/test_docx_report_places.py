"""Every place the import report and the warnings give for a Word draft is a paragraph
of the .docx (tables' rows counted as paragraphs), never a line of the text the reader
hands to the text importer: single places, ranges and the lists of summarised warnings
alike. Real .docx files built with python-docx, opened through the real reader."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from docx_build import Draft, document_words, docx_words
from redline.cli import main
from redline.comparison.engine import compare
from redline.model import ImportOptions
from redline.read.docx.reader import import_docx

OPTIONS = ImportOptions(date="2020-01-01")


def _draft() -> bytes:
    """A cover of three paragraphs (the second with a line break), a title, an article
    whose unnumbered paragraphs come after numbered ones, and a table between them."""
    draft = Draft().add("Distr.: General")
    draft.add("Original:", '<w:r><w:br/><w:t xml:space="preserve">English</w:t></w:r>')
    draft.add("Human Rights Council, Fiftieth session")
    draft.add("Draft convention on places", style="Title").add("Article 1")
    draft.add("First numbered by Word.", style="List Number")
    draft.add("Text without a number.")
    table = draft.document.add_table(rows=2, cols=1)
    table.cell(0, 0).text, table.cell(1, 0).text = "Row one.", "Row two."
    draft.add("Second numbered by Word.", style="List Number")
    draft.add("More text without a number.")
    return draft.save()


def test_the_report_names_the_paragraphs_of_the_cover_it_skipped() -> None:
    result = import_docx(_draft(), "places.docx", OPTIONS)
    assert "(instrument from paragraph 4;" in result.report
    assert "skipped paragraphs 1-3 (9 words): before the title" in result.report


def test_a_summarised_warning_lists_paragraphs() -> None:
    result = import_docx(_draft(), "places.docx", OPTIONS)
    unnumbered = [w for w in result.warnings if "unnumbered text" in w]
    assert unnumbered == [
        "Article 1: unnumbered text at paragraph 7 after a numbered paragraph kept as an"
        " unnumbered paragraph (and 3 more like it: paragraphs 8, 9, 11)"
    ]


def test_no_message_names_a_line_and_no_word_is_lost() -> None:
    data = _draft()
    result = import_docx(data, "places.docx", OPTIONS)
    messages = " ".join((result.report, *result.warnings))
    assert not re.search(r"\blines? \d", messages)
    cover = Counter(["Distr.:", "General", "Original:", "English", "Human", "Rights"])
    cover.update(["Council,", "Fiftieth", "session"])
    numbers = Counter(["1.", "2."])  # printed by Word's numbering, in no w:t
    assert document_words(result.document) == docx_words(data) - cover + numbers
    assert compare(result.document, result.document).identical


def test_the_command_line_report_names_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "places.docx"
    source.write_bytes(_draft())
    out = tmp_path / "places.akn.xml"
    assert main(["import", str(source), "-o", str(out), "--date", "2020-01-01"]) == 0
    error = capsys.readouterr().err
    assert "skipped paragraphs 1-3 (9 words): before the title" in error
    assert "(and 3 more like it: paragraphs 8, 9, 11)" in error
    assert not re.search(r"\blines? \d", error)


def test_the_skipped_cover_goes_into_the_redline_by_its_paragraphs() -> None:
    """What the Word reader skipped is said in every redline of the draft, by the
    paragraphs of the .docx; how the import was asked for (no date) is not."""
    from redline.read.sources import import_bytes

    result = import_bytes(_draft(), "places.docx", ImportOptions())
    assert result.skipped == ("skipped paragraphs 1-3 (9 words): before the title",)
    assert result.document.meta.import_notes == result.warnings + result.skipped
    assert [a for a in result.advice if "--date" in a]
    comparison = compare(result.document, result.document)
    from redline.comparison.sanity import sanity_warnings

    assert "in reading the old version: skipped paragraphs 1-3 (9 words): before the title" in (
        sanity_warnings(comparison)
    )
