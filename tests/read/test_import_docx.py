"""The Word reader: a .docx of each real draft, numbered by Word and with real
footnotes, imports to the same document as its text; numbering, footnotes, tables and
tracked changes are read as Word shows them; a file that is no .docx is one clear line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from docx_drafts import write_docx
from redline.cli import main
from redline.comparison.engine import compare
from redline.errors import InputError
from redline.model import Document, ImportOptions
from redline.read.docx.reader import import_docx
from redline.read.sources import import_bytes, load_document, sniff
from redline.read.text.importer import import_text

ROOT = Path(__file__).resolve().parents[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _from_text(path: Path) -> Document:
    return import_text(path.read_bytes(), str(path), ImportOptions(date="2020-01-01")).document


DRAFTS = {
    "solidarity-2014": lambda: load_document(str(ROOT / "versions/solidarity-2014.akn.xml")),
    "solidarity-revision-A": lambda: load_document(
        str(ROOT / "versions/solidarity-revision-A.akn.xml")
    ),
    "synthetic-nested": lambda: _from_text(ROOT / "tests/data/text/synthetic-nested.txt"),
    "declaration-fixture": lambda: _from_text(ROOT / "tests/data/akn/declaration.txt"),
}


def outline(document: Document) -> list[tuple[object, ...]]:
    """Everything the import decides: each unit's element, eId, label, heading, text
    and notes (marker, offset, text), and the title."""
    rows: list[tuple[object, ...]] = [("title", document.meta.title)]
    for unit in document.walk():
        notes = tuple((n.eid, n.marker, n.offset, n.text) for n in unit.notes)
        rows.append((unit.element, unit.eid, unit.num, unit.heading, unit.text, notes))
    return rows


@pytest.mark.parametrize("name", DRAFTS)
def test_a_word_copy_of_each_draft_imports_to_the_same_document(name: str) -> None:
    document = DRAFTS[name]()
    data = write_docx(document)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        footnotes = archive.read("word/footnotes.xml").decode("utf-8")
    assert "<w:t>Article 1</w:t>" not in body and "<w:numPr>" in body  # Word numbers them
    assert footnotes.count("<w:footnoteRef/>") == sum(1 for _ in document.notes())
    result = import_docx(data, f"{name}.docx", ImportOptions(date=document.meta.date))
    assert outline(result.document) == outline(document)
    assert compare(result.document, result.document).identical
    assert f"{sum(1 for _ in document.notes())} notes" in result.report


def package(body: str, numbering: str = "", footnotes: str = "", styles: str = "") -> bytes:
    """A minimal .docx around a body's XML (and the other parts, when given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"
        )
        for name, part in (("numbering", numbering), ("footnotes", footnotes), ("styles", styles)):
            if part:
                archive.writestr(f"word/{name}.xml", part)
    return buffer.getvalue()


def p(text: str, num: tuple[int, int] | None = None, style: str = "", extra: str = "") -> str:
    """A paragraph, numbered with (numId, ilvl) when given."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        properties += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{properties}</w:pPr>{run}{extra}</w:p>"


def _lvl(ilvl: int, fmt: str, text: str) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="1">
 {_lvl(0, "decimal", "Article %1")}{_lvl(1, "decimal", "%2.")}
 {_lvl(2, "lowerLetter", "(%3)")}{_lvl(3, "lowerRoman", "(%4)")}{_lvl(4, "bullet", "•")}
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>
  <w:suff w:val="space"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>
  <w:isLgl/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""


def lines_of(data: bytes, revisions: str = "") -> list[str]:
    from redline.read.docx.numbering import Numbering
    from redline.read.docx.package import open_package
    from redline.read.docx.paragraphs import Reader

    found = open_package(data, "t.docx")
    return Reader(Numbering.parse(found.numbering), {}, revisions).read(found.document).lines


def test_numbering_prints_the_labels_word_prints() -> None:
    body = "".join(
        [
            p("", (1, 0)),
            p("First.", (1, 1)),
            p("Intro:", (1, 1)),
            p("one;", (1, 2)),
            p("sub;", (1, 3)),
            p("two;", (1, 2)),
            p("dot", (1, 4)),
            p("", (1, 0)),  # Article 2: its paragraphs and points restart
            p("Again.", (1, 1)),
            p("", (2, 0)),  # another instance with a start override: Article 7
            p("Continued.", (1, 1)),  # numId 1 shares its counters: restarted under 7
            p("Preamble", (3, 0)),
            p("legal", (3, 1)),
            p("Part two", (3, 0)),
            p("no restart", (3, 1)),
        ]
    )
    assert lines_of(package(body, NUMBERING)) == [
        "Article 1",
        "1. First.",
        "2. Intro:",
        "(a) one;",
        "(i) sub;",
        "(b) two;",
        "dot",
        "Article 2",
        "1. Again.",
        "Article 7",
        "1. Continued.",
        "I. Preamble",
        "1.1 legal",
        "II. Part two",
        "2.2 no restart",
    ]


def test_a_style_that_numbers_gives_its_paragraphs_labels() -> None:
    styles = (
        f'<w:styles {W}><w:style w:type="paragraph" w:styleId="ArticleHeading">'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Article2"><w:basedOn w:val="ArticleHeading"/>'
        "</w:style></w:styles>"
    )
    body = p("", style="ArticleHeading") + p("", style="Article2")
    data = package(body, NUMBERING, styles=styles)
    from redline.read.docx.numbering import Numbering
    from redline.read.docx.package import open_package
    from redline.read.docx.paragraphs import Reader
    from redline.read.docx.reader import _style_numbers

    found = open_package(data, "t.docx")
    reader = Reader(Numbering.parse(found.numbering), _style_numbers(found), "")
    assert reader.read(found.document).lines == ["Article 1", "Article 2"]


TRACKED = (
    p("Article 1")
    + '<w:p><w:r><w:t xml:space="preserve">States </w:t></w:r>'
    + '<w:del w:id="1" w:author="a"><w:r><w:delText>may</w:delText></w:r></w:del>'
    + '<w:ins w:id="2" w:author="a"><w:r><w:t>shall</w:t></w:r></w:ins>'
    + '<w:r><w:t xml:space="preserve"> act.</w:t></w:r></w:p>'
    + '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
    + '<w:del w:id="4" w:author="a"><w:r><w:delText>Gone.</w:delText></w:r></w:del></w:p>'
    + p("Kept.")
)


def test_tracked_changes_are_refused_unless_accepted_or_rejected() -> None:
    with pytest.raises(InputError, match=r"has 4 tracked changes .*--revisions accept"):
        import_docx(package(TRACKED), "t.docx", ImportOptions())
    assert lines_of(package(TRACKED), "accept") == ["Article 1", "States shall act.", "Kept."]
    assert lines_of(package(TRACKED), "reject") == [
        "Article 1",
        "States may act.",
        "Gone.",
        "Kept.",
    ]


def test_tables_are_rows_of_text_and_breaks_are_kept() -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = (
        "<w:tbl>"
        + "<w:tr>" + cell.format("Account") + cell.format("Amount") + "</w:tr>"
        + "<w:tr>" + cell.format("Salaries") + cell.format("$1,000") + "</w:tr>"
        + "</w:tbl>"
    )  # fmt: skip
    broken = "<w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:tab/><w:t>three</w:t></w:r></w:p>"
    assert lines_of(package(table + broken)) == [
        "Account\tAmount",
        "Salaries\t$1,000",
        "one\ntwo\tthree",
    ]


FOOTNOTES = (
    f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
    '</w:r></w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Ibid., para. 2.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="6"><w:p><w:r><w:t>See the report.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _draft(extra: str) -> str:
    return (
        p("Draft declaration on testing")
        + p("Recalling the Charter of the United Nations,", extra=extra)
        + p("Article 1")
        + p("1. Everyone has the right to test.")
    )


def test_footnotes_are_notes_at_their_reference_marks() -> None:
    refs = (
        '<w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t xml:space="preserve"> and more,</w:t>'
        '</w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>*</w:t></w:r>'
    )
    result = import_docx(package(_draft(refs), footnotes=FOOTNOTES), "t.docx", ImportOptions())
    recital = result.document.preamble[0].children[0]
    assert recital.text == "Recalling the Charter of the United Nations, and more,"
    assert [(n.marker, n.offset, n.text) for n in recital.notes] == [
        ("1", 44, "Ibid., para. 2."),
        ("*", 54, "See the report."),
    ]
    assert "2 notes" in result.report


def test_a_reference_to_a_missing_footnote_is_an_input_error() -> None:
    refs = '<w:r><w:footnoteReference w:id="9"/></w:r>'
    with pytest.raises(InputError, match="footnote 9"):
        import_docx(package(_draft(refs), footnotes=FOOTNOTES), "t.docx", ImportOptions())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "damaged zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003 .doc"),
        ("odt", "OpenDocument"),
        ("zip", "without word/document.xml"),
        ("bad-xml", "word/document.xml"),
    ],
)
def test_what_is_no_docx_is_one_clear_line(
    data: bytes | str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if isinstance(data, str):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            if data == "odt":
                archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml" if data != "bad-xml" else "word/document.xml", "<a")
        data = buffer.getvalue()
    source = tmp_path / "draft.docx"
    source.write_bytes(data)
    assert sniff(data) == "docx"
    out = tmp_path / "out.akn.xml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert message in error and str(source) in error and error.count("\n") == 1
    assert not out.exists()


def test_import_and_diff_take_docx_on_the_command_line(tmp_path: Path) -> None:
    old = load_document(str(ROOT / "versions/solidarity-2014.akn.xml"))
    new = load_document(str(ROOT / "versions/solidarity-revision-A.akn.xml"))
    (tmp_path / "old.docx").write_bytes(write_docx(old))
    (tmp_path / "new.docx").write_bytes(write_docx(new))
    out = tmp_path / "old.akn.xml"
    assert main(["import", str(tmp_path / "old.docx"), "-o", str(out), "-q",
                 "--date", "2014-04-01"]) == 0  # fmt: skip
    assert outline(load_document(str(out)))[1:] == outline(old)[1:]
    assert main(["diff", str(tmp_path / "old.docx"), str(tmp_path / "new.docx"), "-q",
                 "-o", str(tmp_path / "r.json")]) == 1  # fmt: skip
    assert import_bytes(write_docx(old), "x.docx").document.body == old.body


def test_a_redline_docx_imports_as_either_version() -> None:
    """Our own Word redline read back: its text without the summary page, revisions
    accepted, is revision A; rejected, the 2014 text — every unit, label and note."""
    from redline.renderers import RenderOptions
    from redline.renderers.docx.render import render_docx

    old = DRAFTS["solidarity-2014"]()
    new = DRAFTS["solidarity-revision-A"]()
    data = render_docx(compare(old, new), RenderOptions())
    with pytest.raises(InputError, match="tracked changes"):
        import_docx(data, "redline.docx", ImportOptions())
    for version, revisions in ((new, "accept"), (old, "reject")):
        options = ImportOptions(date=version.meta.date, revisions=revisions)
        result = import_docx(data, "redline.docx", options)
        assert outline(result.document) == outline(version), revisions
        assert f"tracked changes {revisions}ed" in result.report


def test_a_side_by_side_redline_or_a_history_table_is_refused() -> None:
    """Their columns hold several versions: read as rows of text they would make a
    document of both, so they are refused in one line saying what to import instead.
    Their category says what they are; an inline redline's says "inline"."""
    from redline.history.docx import render_history_docx
    from redline.history.lineage import build_history
    from redline.read.docx.package import open_package
    from redline.renderers import RenderOptions
    from redline.renderers.docx.render import render_docx

    old, new = DRAFTS["solidarity-2014"](), DRAFTS["solidarity-revision-A"]()
    side = render_docx(compare(old, new), RenderOptions(layout="side-by-side"))
    history = render_history_docx(build_history([old, new], ["a", "b"]), [0, 1])
    for data, kind in ((side, "side-by-side"), (history, "history")):
        with pytest.raises(InputError, match=f"a {kind} .docx made by redline: its columns"):
            import_docx(data, "two.docx", ImportOptions(revisions="accept"))
    inline = render_docx(compare(old, new), RenderOptions())
    assert open_package(inline, "inline.docx").category == "redline, inline"


def test_hostile_parts_are_refused_before_they_are_read() -> None:
    """An entity-declaring part (billion laughs, XXE) and a part that unpacks past the
    limit are refused, naming the part."""
    laughs = (
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    with pytest.raises(InputError, match=r"t.docx:word/document.xml: DOCTYPE declares entities"):
        import_docx(buffer.getvalue(), "t.docx", ImportOptions())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (33 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000  # a small file that unpacks to 33 MB
    with pytest.raises(InputError, match=r"word/document.xml: unpacks to 33 MB, over the 32 MB"):
        import_docx(buffer.getvalue(), "t.docx", ImportOptions())


@pytest.mark.parametrize(
    "name",
    [
        "versions/solidarity-2014.txt",
        "versions/solidarity-revision-A.txt",
        "tests/data/eu/dma-proposal-COM-2020-842.txt",  # not wrapped: its empty lines tell
    ],
)
def test_a_text_saved_as_docx_a_paragraph_per_line_imports_as_the_text_does(name: str) -> None:
    """Opening the PDF-extracted text in Word or LibreOffice and saving it gives a
    paragraph per printed line, blank and page-break lines as empty paragraphs: read as
    the text's lines, the .docx gives the text's document, and the report its counts."""
    import docx

    path = ROOT / name
    saved = docx.Document()
    for line in path.read_text(encoding="utf-8").split("\n"):
        saved.add_paragraph(line)
    buffer = io.BytesIO()
    saved.save(buffer)
    options = ImportOptions(date="2020-01-01")
    from_docx = import_docx(buffer.getvalue(), f"{path.stem}.docx", options)
    from_text = import_text(path.read_bytes(), str(path), options)
    assert outline(from_docx.document) == outline(from_text.document)
    counts = from_text.report.split(": ", 1)[1].split(" (")[0]
    assert counts in from_docx.report  # "9 recitals, 13 articles, …, 12 notes"
    assert from_docx.skipped == tuple(  # a line of the text is a paragraph of the .docx
        part.replace("lines ", "paragraphs ").replace("line ", "paragraph ")
        for part in from_text.skipped
    )


def test_the_report_says_one_note_and_one_tracked_change_in_the_singular() -> None:
    one_note = '<w:r><w:footnoteReference w:id="5"/></w:r>'
    inserted = (
        '<w:ins w:id="7" w:author="a"><w:r><w:t xml:space="preserve"> too</w:t></w:r></w:ins>'
    )
    data = package(_draft(one_note + inserted), footnotes=FOOTNOTES)
    with pytest.raises(InputError, match=r"has 1 tracked change \(the first in paragraph 2\)"):
        import_docx(data, "t.docx", ImportOptions())
    result = import_docx(data, "t.docx", ImportOptions(revisions="accept"))
    assert result.report.startswith("t.docx: 1 recital, 1 article, 1 paragraph, 0 points, 1 note (")
    assert result.report.endswith("; 1 tracked change accepted")
