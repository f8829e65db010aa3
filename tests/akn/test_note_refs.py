"""Editorial notes: ``<meta><notes><note>`` named by ``<noteRef>`` in the text are read as
the notes of the units where the references stand, and nothing about them is silent."""

from __future__ import annotations

from pathlib import Path

from redline.akn.read import read_akn, read_akn_result
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.changes import ChangeKind
from redline.comparison.engine import compare
from redline.model import Document, Unit
from redline.renderers.plaintext import render_plaintext

REAL = Path(__file__).parents[2] / "versions" / "solidarity-2014.akn.xml"
NOTES = (
    '<notes source="#redline"><note eId="n99"><p>A note kept in meta words here.</p>'
    "</note></notes>\n      <proprietary"
)
REF = '<noteRef href="#n99" marker="*"/>'


def _with_note(ref: str = REF, notes: str = NOTES) -> bytes:
    """The real declaration with an editorial note in its meta and a reference to it."""
    text = REAL.read_text(encoding="utf-8")
    text = text.replace("<proprietary", notes, 1)
    return text.replace("root causes", "root causes" + ref, 1).encode()


def _owner(document: Document, eid: str) -> Unit:
    return next(unit for unit in document.walk() if any(n.eid == eid for n in unit.notes))


def test_a_note_ref_is_a_note_of_its_unit_with_its_marker_and_words() -> None:
    document, warnings = read_akn_result(_with_note(), "with-note.xml")
    assert warnings == ()
    unit = _owner(document, "n99")
    note = next(n for n in unit.notes if n.eid == "n99")
    assert (note.marker, note.text) == ("*", "A note kept in meta words here.")
    assert unit.text[: note.offset].endswith("the root causes")
    assert "[*] A note kept in meta words here." in render_plaintext(document)


def test_a_note_ref_round_trips_and_is_written_valid() -> None:
    document = read_akn(_with_note(), "with-note.xml")
    written = write_akn(document)
    assert read_akn(written, "written.xml") == document
    assert [p for p in validate_akn(written, "written.xml") if p.error] == []


def test_the_note_is_a_difference_and_the_file_is_identical_to_itself() -> None:
    original = read_akn(REAL.read_bytes(), REAL.name)
    noted = read_akn(_with_note(), "with-note.xml")
    kinds = [change.kind for change in compare(original, noted).changes]
    assert kinds.count(ChangeKind.INSERTED) == 1
    assert {change.kind for change in compare(noted, noted).changes} == {ChangeKind.UNCHANGED}


def test_a_reference_naming_no_note_is_a_warning_with_its_href_and_line() -> None:
    data = _with_note(ref='<noteRef href="#n98" marker="*"/>')
    document, warnings = read_akn_result(data, "f.xml")
    line = next(i for i, row in enumerate(data.decode().splitlines(), 1) if "#n98" in row)
    assert f"f.xml:{line}: <noteRef href='#n98'> names no <note>" in "\n".join(warnings)
    assert not any(note.marker == "*" for _, note in document.notes())


def test_a_note_no_reference_names_is_a_warning_with_its_eid_and_line() -> None:
    data = _with_note(ref="")
    _document, warnings = read_akn_result(data, "f.xml")
    line = next(i for i, row in enumerate(data.decode().splitlines(), 1) if 'eId="n99"' in row)
    assert warnings == (
        f"f.xml:{line}: <note eId='n99'> in <meta><notes> is named by no <noteRef>: "
        "its words are not read",
    )


def test_two_references_to_one_note_are_two_notes_with_unique_eids() -> None:
    data = _with_note(ref=REF + " and " + REF.replace("*", "**"))
    document, warnings = read_akn_result(data, "f.xml")
    assert warnings == ()
    found = [note for _, note in document.notes() if "meta words" in note.text]
    assert [note.marker for note in found] == ["*", "**"]
    assert found[0].eid == "n99" and found[1].eid != "n99"


def test_a_reference_inside_an_authorial_note_is_kept_in_brackets() -> None:
    nested = '<authorialNote marker="a" eId="fn_a"><p>See' + REF + ".</p></authorialNote>"
    document, warnings = read_akn_result(_with_note(ref=nested), "f.xml")
    assert warnings == ()
    note = next(note for _, note in document.notes() if note.eid == "fn_a")
    assert note.text == "See [A note kept in meta words here.]."


def test_a_note_that_names_itself_is_read_once() -> None:
    notes = NOTES.replace("here.</p>", "here" + REF + ".</p>")
    document, warnings = read_akn_result(_with_note(notes=notes), "f.xml")
    assert warnings == ()
    note = next(note for _, note in document.notes() if note.eid == "n99")
    assert note.text == "A note kept in meta words here."


def test_validate_warns_of_a_dangling_reference_and_an_unnamed_note() -> None:
    assert validate_akn(_with_note(), "f.xml") == []
    data = _with_note(ref='<noteRef href="#n98" marker="*"/>')
    problems = [(p.line, p.describe().split(": ", 1)[1]) for p in validate_akn(data, "f.xml")]
    rows = data.decode().splitlines()
    ref = next(i for i, row in enumerate(rows, 1) if "#n98" in row)
    note = next(i for i, row in enumerate(rows, 1) if 'eId="n99"' in row)
    assert problems == [
        (note, "warning: <note eId='n99'> in <meta><notes> is named by no <noteRef>"),
        (ref, "warning: <noteRef href='#n98'> names no <note> in <meta><notes>"),
    ]
