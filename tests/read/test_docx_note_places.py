"""A note reference anywhere in a Word draft keeps its own note: in an article's
heading paragraph (which stays a heading), a title, a number, text the import skips;
each case is warned about with the file, the note and the paragraph. Real .docx files
built with python-docx, opened through the real reader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from docx_build import Draft, document_words, docx_words, element, reference, run
from redline.comparison.engine import compare
from redline.model import Document, ImportOptions, ImportResult
from redline.read.docx.reader import import_docx

OPTIONS = ImportOptions(date="2020-01-01")


def _imported(data: bytes) -> ImportResult:
    return import_docx(data, "notes.docx", OPTIONS)


def _notes(result: ImportResult) -> list[tuple[str, str, int, str]]:
    return [(u.eid, n.marker, n.offset, n.text) for u, n in result.document.notes()]


def _heading_note() -> bytes:
    draft = Draft().add("Draft convention on footnotes", style="Title")
    draft.add("Article 1", reference("footnote", 1))
    draft.add("1. Each State shall cooperate.")
    draft.add("2. Each State shall report", reference("footnote", 2) + run(" annually."))
    draft.add("Article 2", reference("footnote", 3) + run(" – Scope"))
    draft.add("1. This Convention applies.")
    draft.note("footnote", 1, "Heading note words.")
    draft.note("footnote", 2, "Report note words.")
    draft.note("footnote", 3, "Scope note words.")
    return draft.save()


def test_a_note_on_an_article_heading_keeps_the_article() -> None:
    result = _imported(_heading_note())
    articles = [(u.eid, u.num, u.heading) for u in result.document.walk() if u.element == "article"]
    assert articles == [("art_1", "Article 1", ""), ("art_2", "Article 2", "Scope")]
    assert "2 articles, 3 paragraphs" in result.report
    assert _notes(result) == [
        ("art_1__para_1", "1", 0, "Heading note words."),
        ("art_1__para_2", "2", 23, "Report note words."),
        ("art_2__para_1", "3", 0, "Scope note words."),
    ]
    assert [w for w in result.warnings if "anchored" in w] == [
        f"notes.docx: art_{n}: footnote {n * 2 - 1} (paragraph {p}) stood in the number;"
        " it is anchored at the start of the next text"
        for n, p in ((1, 2), (2, 5))
    ]
    dash = Counter({"–": 1})  # the dash between a number and its heading is no word
    assert document_words(result.document) == docx_words(_heading_note()) - dash


def test_a_note_on_the_title_does_not_take_the_place_of_the_next() -> None:
    draft = Draft().add("Draft convention on footnotes", reference("footnote", 1), style="Title")
    draft.add("Article 1").add("1. Each State shall report", reference("footnote", 2))
    data = draft.note("footnote", 1, "Title note.").note("footnote", 2, "Report note.").save()
    result = _imported(data)
    assert result.document.meta.title == "Draft convention on footnotes"
    assert _notes(result) == [
        ("art_1__para_1", "1", 0, "Title note."),
        ("art_1__para_1", "2", 23, "Report note."),
    ]
    assert result.warnings == (
        "notes.docx: footnote 1 (paragraph 1) stood in the title;"
        " it is anchored at the start of the next text",
    )
    assert document_words(result.document) == docx_words(data)


def test_a_note_in_skipped_cover_text_is_named_and_the_others_keep_theirs() -> None:
    draft = Draft().add("Distr.: General").add("Original: English", reference("footnote", 1))
    draft.add("Draft convention on footnotes", style="Title").add("Article 1")
    draft.add("1. Each State shall report", reference("footnote", 2) + run(" annually."))
    data = draft.note("footnote", 1, "Cover note words.").note("footnote", 2, "Report.").save()
    result = _imported(data)
    assert _notes(result) == [("art_1__para_1", "2", 23, "Report.")]
    assert "notes.docx: footnote 1 (paragraph 2) stands in text the import skipped (see the" \
        " report): the note and its 3 words are left out" in result.warnings  # fmt: skip
    skipped = Counter(["Distr.:", "General", "Original:", "English", "Cover", "note", "words."])
    assert document_words(result.document) == docx_words(data) - skipped
    assert compare(result.document, result.document).identical


def test_the_notes_of_a_component_stay_with_the_component() -> None:
    """The DMA proposal's Word redline rejected: the notes of its financial statement
    (a component, after the body) are its own, each with its own text."""
    from redline.comparison.engine import compare as compare_documents
    from redline.read.sources import load_document
    from redline.renderers import RenderOptions
    from redline.renderers.docx.render import render_docx

    eu = Path(__file__).resolve().parents[1] / "data" / "eu"
    old = load_document(str(eu / "dma-proposal-COM-2020-842.txt"))
    new = load_document(str(eu / "dma-regulation-2022-1925.txt"))
    data = render_docx(compare_documents(old, new), RenderOptions())
    options = ImportOptions(date=old.meta.date, revisions="reject")
    result = import_docx(data, "eu.docx", options)

    def component_notes(document: Document) -> list[str]:
        """The notes of the last component, the financial statement (Word numbers them
        anew, so their texts are compared)."""
        return [note.text for _, note in document.components[-1].notes()]

    assert len(component_notes(old)) == 13  # with 45, 57 and 58, markers glued to a word
    assert component_notes(result.document) == component_notes(old)
    assert not [w for w in result.warnings if "footnote" in w]
    facts = dict(result.document.components[-1].meta.extra)  # written into the AKN
    assert "lines" not in facts
    assert f"paragraphs {facts['paragraphs']} ({facts['words']} words):" in result.report


def test_a_footnote_and_an_endnote_of_one_number_keep_apart() -> None:
    draft = Draft().add("Draft convention on notes", style="Title").add("Article 1")
    draft.add("1. Each State", reference("footnote", 1) + reference("endnote", 1))
    section = draft.document.sections[0]._sectPr
    section.append(element('<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>'))
    data = draft.note("footnote", 1, "Foot.").note("endnote", 1, "End.").save()
    notes = [n for _, n in _imported(data).document.notes()]
    assert [(n.marker, n.offset, n.text) for n in notes] == [("1", 10, "Foot."), ("1", 10, "End.")]
    assert notes[0].eid != notes[1].eid


def test_the_settings_may_say_how_endnotes_are_numbered() -> None:
    draft = Draft().add("Draft convention on notes", style="Title").add("Article 1")
    draft.add("1. Each State", reference("endnote", 1))
    settings = draft.document.settings.element
    settings.append(element('<w:endnotePr><w:numFmt w:val="upperLetter"/></w:endnotePr>'))
    data = draft.note("endnote", 1, "End.").save()
    assert [n.marker for _, n in _imported(data).document.notes()] == ["A"]
