"""Rendering is inert: what the renderer tests leave out, for hostile input.

tests/test_render_html.py and tests/test_render_pdf.py check escaping, the
``default-src 'none'`` policy and the refusing URL fetcher itself. Here: that the
policy comes before anything it governs and that no directive lets anything in from
outside; that the stylesheets load nothing; and that every PDF layout goes through
the refusing fetcher.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Any

import pytest
from lxml import html as lxml_html

from redline.changes import Comparison
from redline.comparison.engine import compare
from redline.read.sources import load_document
from redline.renderers import RenderOptions
from redline.renderers.html.page import asset, render_html

from .case_files import CASES, CLEAN_DRAFT

LAYOUTS = ("inline", "side-by-side")
#: The sources each directive may allow: nothing from outside the page itself.
ALLOWED = {
    "default-src": {"'none'"},
    "style-src": {"'unsafe-inline'"},
    "img-src": {"data:"},
    "script-src": {"'sha256-*'"},
    "base-uri": {"'none'"},
    "form-action": {"'none'"},
}


@pytest.fixture(scope="module")
def hostile() -> Comparison:
    """The clean draft against the draft full of <script> and CSS."""
    old = load_document(str(CLEAN_DRAFT))
    new = load_document(str(CASES / "css-style" / "input.txt"))
    return compare(old, new)


def policy_of(page: bytes) -> dict[str, set[str]]:
    """The Content-Security-Policy of a page, directive -> sources."""
    document = lxml_html.document_fromstring(page)
    (policy,) = document.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    directives = [part.split() for part in str(policy).split(";") if part.strip()]
    return {name: set(sources) for name, *sources in directives}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_policy_lets_nothing_in_from_outside(hostile: Comparison, layout: str) -> None:
    policy = policy_of(render_html(hostile, RenderOptions(layout=layout)))
    assert set(policy) == set(ALLOWED)
    for directive, sources in policy.items():
        for source in sources:
            allowed = ALLOWED[directive]
            assert any(fnmatchcase(source, pattern) for pattern in allowed), (directive, source)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_policy_comes_before_what_it_governs(hostile: Comparison, layout: str) -> None:
    """A policy in a <meta> only covers what follows it."""
    document = lxml_html.document_fromstring(render_html(hostile, RenderOptions(layout=layout)))
    head = document.head
    first = next(i for i, e in enumerate(head) if e.get("http-equiv") == "Content-Security-Policy")
    assert all(element.tag == "meta" for element in head[:first])
    assert not document.xpath("//body//meta | //head/script | //head/link")


@pytest.mark.parametrize("name", ["redline.css", "print.css", "redline.js"])
def test_assets_load_nothing(name: str) -> None:
    text = asset(name)
    assert not re.search(r"url\s*\(|@import|https?:|file:", text, re.IGNORECASE)
    if name.endswith(".js"):
        assert not re.search(r"\b(fetch|XMLHttpRequest|eval|innerHTML|import)\b", text)


def test_every_pdf_layout_refuses_every_url(
    hostile: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each layout (the first, and each repair) gets a fetcher that refuses local files."""
    import redline.renderers.pdf as render_pdf

    fetchers: list[Any] = []
    real = render_pdf.HTML

    def spy(*args: Any, **kwargs: Any) -> Any:
        fetchers.append(kwargs.get("url_fetcher"))
        return real(*args, **kwargs)

    monkeypatch.setattr(render_pdf, "HTML", spy)
    for layout in LAYOUTS:
        render_pdf.render_pdf(hostile, RenderOptions(layout=layout))
    assert fetchers
    for fetcher in fetchers:
        assert isinstance(fetcher, render_pdf.RefusingFetcher)
        with pytest.raises(ValueError, match="refused"):
            fetcher("file:///etc/passwd")
