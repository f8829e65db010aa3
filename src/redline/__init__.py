"""redline: compare versions of a legal text encoded in Akoma Ntoso.

Pipeline: read (text, USLM or AKN) -> model -> align -> diff -> render (text, Markdown,
JSON, HTML, PDF). The command line in `redline.cli` is a thin shell over these modules.
"""

from __future__ import annotations

__version__ = "0.1.0"
