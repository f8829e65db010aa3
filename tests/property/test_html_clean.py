"""The HTML writer's character filter keeps exactly what XML 1.0 can hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.renderers.html.words import clean


def _xml_char(ch: str) -> bool:
    """The XML 1.0 ``Char`` production."""
    code = ord(ch)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_clean_replaces_exactly_what_xml_cannot_hold(text: str) -> None:
    expected = "".join(ch if _xml_char(ch) else "\ufffd" for ch in text)
    assert clean(text) == expected
