"""The seam between a `Comparison` and its output formats.

A renderer turns a comparison into the bytes of one format. Renderers are looked up
by format name and imported only when used, so the CLI stays fast to start and
WeasyPrint is loaded only for PDF.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
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


def get_renderer(name: str) -> Renderer:
    """The renderer of format `name` (one of `RENDERERS`)."""
    module_name, function_name = RENDERERS[name].split(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), function_name)
    return renderer
