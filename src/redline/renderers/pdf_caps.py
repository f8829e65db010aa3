"""Small-caps headings whose PDF text layer reads as their words (part of the PDF
renderer, `redline.renderers.pdf`).

DejaVu has no small-caps glyphs, so for ``font-variant: small-caps`` the layout draws a
lower-case letter with its capital's glyph, made smaller, in a font of its own. The PDF
maps each glyph of a font to one text: the capital ``I`` of ``Inspection`` and the
small ``i`` of ``admission`` share a glyph there, so the text layer read
``InspectIon of applIcants`` (search, copy and screen readers of the tagged PDF got
that). `keep_capitals` sets the capitals of each small-caps heading in the normal
variant (they look the same: small caps leave capitals as they are), so the small-caps
font draws lower-case letters only and each of its glyphs maps to the letter it stands
for. Guarantees: the text of the page is unchanged (characters are only wrapped in
``<span class="rl-capitals">``, which the print stylesheet sets in the normal variant).
"""

from __future__ import annotations

import itertools

from lxml import etree

CLASS = "rl-capitals"
"""The class of a run of capitals inside a small-caps heading."""
CSS = f"\n.rl-small-caps .{CLASS} {{ font-variant: normal; }}\n"
"""The rule that draws those runs as they are."""


def keep_capitals(page: etree._Element) -> None:
    """Wrap every run of capitals in the small-caps headings of `page` in a span of
    `CLASS` (the text and the tails inside each heading, ``<ins>`` and ``<del>``
    included)."""
    for heading in page.iter():
        if "rl-small-caps" in (heading.get("class") or "").split():
            _wrap_inside(heading)


def _wrap_inside(element: etree._Element) -> None:
    for child in list(element):
        _wrap_inside(child)
        lead, spans = _runs(child.tail or "")
        child.tail = lead
        anchor = child
        for span in spans:
            anchor.addnext(span)
            anchor = span
    lead, spans = _runs(element.text or "")
    element.text = lead
    for offset, span in enumerate(spans):
        element.insert(offset, span)


def _runs(text: str) -> tuple[str, list[etree._Element]]:
    """`text` cut into what comes before its first capital, then spans of capitals, each
    with the text up to the next capitals as its tail.

    >>> lead, spans = _runs("the ACT of Congress")
    >>> lead, [(s.text, s.tail) for s in spans]
    ('the ', [('ACT', ' of '), ('C', 'ongress')])
    """
    lead, spans = "", []
    for capital, group in itertools.groupby(text, key=str.isupper):
        piece = "".join(group)
        if capital:
            span = etree.Element("span", {"class": CLASS})
            span.text = piece
            spans.append(span)
        elif spans:
            spans[-1].tail = piece
        else:
            lead = piece
    return lead, spans
