"""Invariants of the AKN writer and reader over generated documents and bytes."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.akn.read import read_akn
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.errors import InputError
from redline.model import Document, Note, Unit

from .strategies import META, documents

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Any text XML 1.0 can hold: no C0 controls but tab, LF, CR; no surrogates.
XML_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
        + ["\ufffe", "\uffff"],
    ),
    max_size=40,
)


@SETTINGS
@given(documents())
def test_written_documents_read_back_equal_and_are_valid(doc: Document) -> None:
    data = write_akn(doc)
    assert read_akn(data, "doc.xml") == doc
    assert [p for p in validate_akn(data, "doc.xml") if "schema:" in p.message] == []


@SETTINGS
@given(XML_TEXT, XML_TEXT, st.data())
def test_any_text_and_note_position_round_trip(
    text: str, note_text: str, data: st.DataObject
) -> None:
    offset = data.draw(st.integers(0, len(text)))
    note = Note("art_1__content__fnt_1", "1", offset, note_text)
    content = Unit("content", "art_1__content", text=text, notes=(note,))
    doc = Document(META, body=(Unit("article", "art_1", "Article 1", children=(content,)),))
    assert read_akn(write_akn(doc), "doc.xml") == doc


@SETTINGS
@given(documents(), st.binary(max_size=8), st.data())
def test_damaged_akn_raises_only_input_error(
    doc: Document, junk: bytes, data: st.DataObject
) -> None:
    good = write_akn(doc)
    start = data.draw(st.integers(0, len(good)))
    end = data.draw(st.integers(start, min(len(good), start + 40)))
    damaged = good[:start] + junk + good[end:]
    with contextlib.suppress(InputError):  # anything else fails the test
        read_akn(damaged, "damaged.xml")
    problems = validate_akn(damaged, "damaged.xml")
    assert all(problem.source == "damaged.xml" for problem in problems)
