"""The HTML redline keeps every word once, for generated documents and edit scripts.

Inside ``<main>``, removing inserted text and keeping deleted text gives the old
version's words; the reverse gives the new version's. Compared as multisets: a word
shown twice or lost fails, whatever the order moves give the page. Digits are compared
one by one, because footnote markers glue to the word before them ("States2") and two
markers of merged units glue to each other ("23").
"""

from __future__ import annotations

import os
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.comparison.engine import compare
from redline.model import Document
from redline.renderers import RenderOptions
from redline.renderers.html.page import render_html
from redline_views import document_words, view_words

from .strategies import documents, edited

EXAMPLES = int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "40"))


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Document, Document]:
    old = draw(documents())
    return old, draw(edited(old))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_html_shows_every_word_once(pair: tuple[Document, Document]):
    old, new = pair
    html = render_html(compare(old, new), RenderOptions())
    for version, document in (("old", old), ("new", new)):
        shown, expected = view_words(html, version), document_words(document)
        assert _pieces(shown) == _pieces(expected), version


def _pieces(words: list[str]) -> Counter[str]:
    """Letters-and-punctuation runs, and single digits, of `words`."""
    return Counter(piece for word in words for piece in re.findall(r"\d|[^\d]+", word))
