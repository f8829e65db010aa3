"""The seam between a `Comparison` and its output formats.

A renderer turns a comparison into the bytes of one format. Renderers are looked up
by format name and imported only when used, so the CLI stays fast to start and
WeasyPrint is loaded only for PDF. A format may also have a streaming renderer (JSON
does), which yields the same bytes in chunks so a writer need not hold them all;
`get_stream` gives every format one (the others' bytes as a single chunk).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from redline.changes import Comparison


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Presentation choices shared by all renderers (each uses what applies to it)."""

    layout: str = "inline"
    """``inline`` (one tracked-change document) or ``side-by-side`` (HTML/PDF)."""
    paper: str = "a4"
    """Paper size for PDF: ``a4`` or ``letter``."""
    color: bool = False
    """Use ANSI colours (terminal text output)."""
    quiet: bool = True
    """No progress display."""
    author: str = "redline"
    """Word (.docx): the author of the tracked changes."""
    explain: bool = False
    """Text and Markdown: say why each provision was paired (evidence and confidence)."""
    min_confidence: float | None = None
    """List the pairings under this confidence for a person to check (text, Markdown,
    HTML and PDF summary); None lists none (the summaries still count the weak ones)."""


Renderer = Callable[[Comparison, RenderOptions], bytes]

#: Format name -> "module:function" of its renderer.
RENDERERS: dict[str, str] = {
    "text": "redline.renderers.text:render_text",
    "md": "redline.renderers.markdown:render_markdown",
    "json": "redline.renderers.json:render_json",
    "html": "redline.renderers.html.page:render_html",
    "pdf": "redline.renderers.pdf:render_pdf",
    "docx": "redline.renderers.docx.render:render_docx",
}


Stream = Callable[[Comparison, RenderOptions], Iterable[bytes]]

#: Format name -> "module:function" of a renderer yielding its bytes in chunks (the same
#: bytes as its entry in `RENDERERS`, joined).
STREAMERS: dict[str, str] = {
    "json": "redline.renderers.json:stream_json",
}


def get_renderer(name: str) -> Renderer:
    """The renderer of format `name` (one of `RENDERERS`)."""
    module_name, function_name = RENDERERS[name].split(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), function_name)
    return renderer


def get_stream(name: str) -> Stream:
    """A renderer of format `name` yielding its bytes in chunks: its streaming renderer
    (`STREAMERS`) if it has one, else its whole bytes as one chunk."""
    if name not in STREAMERS:
        renderer = get_renderer(name)
        return lambda comparison, options: (renderer(comparison, options),)
    module_name, function_name = STREAMERS[name].split(":")
    stream: Stream = getattr(importlib.import_module(module_name), function_name)
    return stream
