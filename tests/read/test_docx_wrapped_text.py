"""The Word reader reads the text Word shows inside wrappers — content controls, custom
XML, smart tags, alternate content, nested tables — and endnotes, word for word; what it
cannot read (a text box, an equation, an embedded document) is named in a warning with
its paragraph and its words. Each draft is a real .docx built with python-docx."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from docx_build import Draft, document_words, docx_words, element, reference, run
from redline.comparison.engine import compare
from redline.errors import InputError
from redline.model import ImportOptions, ImportResult
from redline.read.docx.reader import import_docx

OPTIONS = ImportOptions(date="2020-01-01")
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>'
    f"{run('boxed words here')}</w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback>"
    f"<w:pict><w:txbxContent><w:p>{run('boxed words here')}</w:p></w:txbxContent></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r>"
)


def _wrapped() -> bytes:
    draft = Draft().add("Draft convention on wrapped text", style="Title").add("Article 1")
    draft.add("1. Each State shall cooperate", reference("endnote", 1) + run(" with others."))
    draft.add(
        "2. Inline ",
        f'<w:sdt><w:sdtPr><w:alias w:val="Date"/></w:sdtPr><w:sdtContent>'
        f"{run('controlled words')}</w:sdtContent></w:sdt>{run(' end.')}",
    )
    draft.block(
        f"<w:sdt><w:sdtContent><w:p>{run('3. Block control words.')}</w:p></w:sdtContent></w:sdt>"
    )
    draft.add(
        "4. Alt ",
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        f"{run('chosen words')}</mc:Choice><mc:Fallback>{run('fallback words')}"
        f"</mc:Fallback></mc:AlternateContent>{run(' end.')}",
    )
    draft.block(
        '<mc:AlternateContent><mc:Choice Requires="w15"><w:p>'
        f"{run('5. Block choice words.')}</w:p></mc:Choice><mc:Fallback><w:p>"
        f"{run('5. Block fallback words.')}</w:p></mc:Fallback></mc:AlternateContent>"
    )
    draft.add(
        "6. Tagged ",
        '<w:customXml w:element="party"><w:smartTag w:element="place">'
        f"{run('nested tag words')}</w:smartTag></w:customXml>{run(' end.')}",
    )
    draft.add("7. A box", TEXT_BOX)
    draft.add("8. The sum", f"<m:oMath><m:r><m:t>x+y</m:t></m:r></m:oMath>{run(' is kept.')}")
    draft.note(
        "endnote", 1, "Endnote body words here.", "<m:oMath><m:r><m:t>z</m:t></m:r></m:oMath>"
    )
    return draft.save()


def _imported(data: bytes) -> ImportResult:
    return import_docx(data, "wrapped.docx", OPTIONS)


def test_content_controls_alternate_content_and_tags_are_read_once() -> None:
    texts = [unit.text for unit in _imported(_wrapped()).document.walk() if unit.text]
    assert texts[:6] == [
        "Each State shall cooperate with others.",
        "Inline controlled words end.",
        "Block control words.",
        "Alt chosen words end.",
        "Block choice words.",
        "Tagged nested tag words end.",
    ]


def test_endnotes_are_notes_of_their_unit_marked_as_word_marks_them() -> None:
    result = _imported(_wrapped())
    notes = [
        (unit.eid, note.marker, note.offset, note.text) for unit, note in result.document.notes()
    ]
    assert notes == [("art_1__para_1", "i", 26, "Endnote body words here.")]
    assert "1 note (" in result.report


def test_what_cannot_be_read_is_named_with_its_paragraph_and_words() -> None:
    warnings = [w for w in _imported(_wrapped()).warnings if "skipped" in w]
    assert warnings == [
        "wrapped.docx: paragraph 9: 3 words in a text box or drawing skipped",
        "wrapped.docx: paragraph 10: 1 word in an equation skipped",
        "wrapped.docx: endnote i (paragraph 3): 1 word in an equation skipped",
    ]


def test_no_word_is_lost_or_doubled_but_those_warned_about() -> None:
    data = _wrapped()
    skipped = Counter({"boxed": 1, "words": 1, "here": 1, "x+y": 1, "z": 1})
    document = _imported(data).document
    assert document_words(document) == docx_words(data) - skipped
    assert compare(document, document).identical


def test_a_table_nested_in_a_cell_is_read_once() -> None:
    draft = Draft().add("Draft on tables", style="Title").add("Article 1")
    table = draft.document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "outer cell"
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "inner words"
    data = draft.save()
    result = _imported(data)
    assert [u.text for u in result.document.walk() if u.text] == ["outer cell\tinner words"]
    assert document_words(result.document) == docx_words(data)


def test_a_symbol_an_embedded_document_and_numbers_in_cells_are_not_silent() -> None:
    draft = Draft().add("Draft on odd places", style="Title").add("Article 1")
    draft.add("First numbered.", style="List Number")
    draft.document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("In a cell.")
    draft.document.tables[0].cell(0, 0).paragraphs[0].style = "List Number"
    draft.add("Third numbered.", style="List Number")
    draft.add("The sign ", '<w:r><w:sym w:font="Symbol" w:char="F0A7"/></w:r>')
    draft.block('<w:altChunk r:id="rId99"/>')
    chart = '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'
    draft.add(
        "A chart:",
        f'<w:r><w:drawing><a:graphic xmlns:a="{A_NS}">{chart}</a:graphic></w:drawing></w:r>',
    )
    result = _imported(draft.save())
    assert [(u.num, u.text) for u in result.document.walk() if u.text][:3] == [
        ("1.", "First numbered."),
        ("2.", "In a cell."),
        ("3.", "Third numbered."),
    ]
    assert [w for w in result.warnings if "skipped" in w] == [
        "wrapped.docx: paragraph 6: a symbol character (w:sym, U+F0A7) skipped",
        "wrapped.docx: after paragraph 6: an embedded document (w:altChunk), its text in"
        " another part, skipped",
        "wrapped.docx: paragraph 7: a chart, its text (if any) in another part, skipped",
    ]


def test_a_row_deleted_as_a_tracked_change_is_counted_and_taken_as_asked() -> None:
    draft = Draft().add("Draft on rows", style="Title").add("Article 1").add("1. Kept.")
    table = draft.document.add_table(rows=2, cols=1)
    table.cell(0, 0).text, table.cell(1, 0).text = "Row kept.", "Row deleted."
    deleted = '<w:del w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"/>'
    table.rows[1]._tr.get_or_add_trPr().append(element(deleted))
    data = draft.save()
    with pytest.raises(InputError, match="has 1 tracked change \\("):
        _imported(data)
    for revisions, rows in (("accept", ["Row kept."]), ("reject", ["Row kept.", "Row deleted."])):
        result = import_docx(data, "rows.docx", replace(OPTIONS, revisions=revisions))
        assert [u.text for u in result.document.walk() if u.text.startswith("Row")] == rows
