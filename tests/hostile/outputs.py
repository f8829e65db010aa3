"""Checks on what redline wrote: nothing leaked from local files, nothing active left.

"Inert" means that a browser or a PDF viewer opening the output runs nothing and
loads nothing because of what a draft said: hostile markup in a draft comes out as
the characters it is made of.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pypdf
from lxml import etree
from lxml import html as lxml_html

from redline.renderers.html.page import asset

#: Elements a redline page never holds: each could run, load or send something.
FORBIDDEN = (
    "iframe", "frame", "frameset", "object", "embed", "applet", "img", "image", "svg", "math",
    "video", "audio", "source", "track", "picture", "link", "base", "form", "button",
    "textarea", "select", "portal",
)  # fmt: skip
#: Attributes that hold a URL a browser may follow or load.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "background", "srcset")


def leak_markers() -> tuple[str, ...]:
    """Strings of ``/etc/passwd`` that must never appear in any output."""
    markers = ["root:x:0:0"]
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        markers += [line for line in passwd.read_text(errors="replace").splitlines()[:5] if line]
    return tuple(markers)


def assert_no_leak(contents: Iterable[str | bytes], where: str) -> None:
    """No local file's content in any of `contents` (output streams and files)."""
    for content in contents:
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        for marker in leak_markers():
            assert marker not in text, f"{where}: leaked {marker!r}"


def squeeze(text: str) -> str:
    """`text` without whitespace: layouts may break lines anywhere."""
    return re.sub(r"\s+", "", text)


def assert_shows(text: str, payloads: Iterable[str], where: str) -> None:
    """Every payload appears in `text`, as characters."""
    for payload in payloads:
        assert squeeze(payload) in squeeze(text), f"{where}: {payload!r} not shown as text"


def assert_inert_html(page: bytes, payloads: tuple[str, ...]) -> None:
    """The page holds no active element or attribute, and shows each payload as text."""
    etree.fromstring(page)  # well-formed: a browser and an XML parser see the same tree
    document = lxml_html.document_fromstring(page)
    assert not document.xpath(" | ".join(f"//{name}" for name in FORBIDDEN))
    scripts = document.xpath("//script")
    assert [s.text for s in scripts] in ([], [asset("redline.js")]), "a script from the draft"
    assert len(document.xpath("//style")) == 1 and document.xpath("//head/style")
    assert not document.xpath("//meta[@http-equiv and @http-equiv!='Content-Security-Policy']")
    for element in document.iter():
        if element.tag == "input":
            assert element.get("type") == "checkbox" and element.get("id", "").startswith("rl-")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler {name}={value!r}"
            if name.lower() == "style":
                assert not re.search(r"url\(|@import|expression\(", value, re.I), value
            if name.lower() in URL_ATTRIBUTES:
                assert value.startswith("#"), f"{element.tag} {name}={value!r} leaves the page"
    assert_shows(document.body.text_content(), payloads, "HTML")


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() for page in reader.pages)


def assert_inert_pdf(data: bytes, payloads: tuple[str, ...]) -> None:
    """No image, script or outside link in the PDF, and each payload in its text."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "/JavaScript" not in reader.trailer["/Root"], "document-level script"
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for xobject in (resources.get("/XObject") or {}).values():
            assert xobject.get_object().get("/Subtype") != "/Image", "an image was loaded"
        for annotation in page.get("/Annots") or ():
            action = annotation.get_object().get("/A") or {}
            assert action.get("/S") not in ("/JavaScript", "/Launch", "/URI"), action
    text = pdf_text(data)
    assert_shows(text, payloads, "PDF")
    assert_no_leak([text], "PDF text")


def assert_payloads_kept(fmt: str, data: bytes, payloads: tuple[str, ...]) -> None:
    """Every payload comes through as text in the output of format `fmt`, inertly."""
    if fmt == "html":
        assert_inert_html(data, payloads)
    elif fmt == "pdf":
        assert_inert_pdf(data, payloads)
    elif fmt == "json":
        assert_shows(" ".join(_strings(json.loads(data))), payloads, "JSON")
    elif fmt == "md":
        # Markdown lets raw HTML through, so the markup must arrive escaped.
        text = data.decode("utf-8")
        assert not re.search(r"<\s*(script|img|style|a|iframe|svg|link|div)\b", text, re.I), text
        assert_shows(_unescape_markdown(text), payloads, "Markdown")
    else:
        assert_shows(data.decode("utf-8"), payloads, fmt)


def _unescape_markdown(text: str) -> str:
    r"""Markdown's escapes undone: ``\*`` -> ``*``, ``&lt;`` -> ``<``, and so on."""
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _strings(value: object) -> Iterable[str]:
    """Every string held in a JSON value, depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
