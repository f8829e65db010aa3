"""Properties of the text importer: however a draft is pasted, it gives one document, and
importing what ``redline text`` prints gives that document again."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from pasted_variants import no_blank_lines, shape
from redline.model import Document, ImportOptions
from redline.read.text.importer import import_text
from redline.renderers.plaintext import render_plaintext

_WORDS = st.sampled_from(
    ["States", "shall", "cooperate", "in", "solidarity", "rights", "of", "peoples", "“quoted”",
     "–", "non-State", "development,", "equity;", "fair", "2015", "the", "and", "’s"]
)  # fmt: skip
OPTIONS = ImportOptions(date="2020-01-01", work_uri="/akn/un/bill/t")


@st.composite
def sentences(draw: st.DrawFn, end: str) -> str:
    words = draw(st.lists(_WORDS, min_size=3, max_size=30))
    return " ".join(words) + end


@st.composite
def drafts(draw: st.DrawFn) -> list[str]:
    """A draft as paragraphs, one per list item: title, recitals, articles."""
    paragraphs = ["Draft declaration on a property of the importer"]
    openings = ["Recalling", "Noting", "Considering", "Recognizing"]
    for _ in range(draw(st.integers(1, 3))):
        paragraphs.append(f"{draw(st.sampled_from(openings))} {draw(sentences(','))}")
    for number in range(1, draw(st.integers(1, 4)) + 1):
        paragraphs.append(f"Article {number}")
        for paragraph in range(1, draw(st.integers(1, 3)) + 1):
            points = draw(st.integers(0, 3))
            end = ":" if points else "."
            paragraphs.append(f"{paragraph}. {draw(sentences(end))}")
            for letter in "abc"[:points]:
                paragraphs.append(f"({letter}) {draw(sentences(';'))}")
    return paragraphs


def _import(text: str, options: ImportOptions = OPTIONS) -> Document:
    return import_text(text.encode("utf-8"), "p.txt", options).document


def _wrap(paragraphs: list[str], width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in paragraphs)


@settings(max_examples=20, deadline=None)
@given(paragraphs=drafts(), width=st.integers(min_value=40, max_value=90))
def test_a_draft_pasted_any_way_gives_one_document(paragraphs: list[str], width: int) -> None:
    reference = _import("\n\n".join(paragraphs))
    assert len([u for u in reference.walk() if u.element == "article"]) >= 1
    for text in (
        "\n".join(paragraphs),
        "\r\n".join(paragraphs),
        _wrap(paragraphs, width),
        no_blank_lines(_wrap(paragraphs, width)),
    ):
        assert shape(_import(text)) == shape(reference)


@settings(max_examples=20, deadline=None)
@given(paragraphs=drafts())
def test_import_text_import_is_the_same_document(paragraphs: list[str]) -> None:
    first = _import("\n\n".join(paragraphs))
    again = _import(render_plaintext(first), ImportOptions(work_uri="/akn/un/bill/t"))
    assert shape(again) == shape(first)
    assert (again.meta.title, again.meta.date) == (first.meta.title, first.meta.date)
