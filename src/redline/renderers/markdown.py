"""Markdown renderer of a comparison, for CI summaries and pull requests (render stage).

The outline of `redline.renderers.outline` with word changes marked ``~~old~~`` /
``**new**`` and every piece of document text escaped for Markdown and its inline HTML
by `redline.printable` (which also keeps any line from reading as a CI command).
"""

from __future__ import annotations

from redline.changes import Comparison, Op, WordOp
from redline.printable import guard, markdown, spacing
from redline.renderers import RenderOptions
from redline.renderers.outline import (
    Style,
    change_list,
    changed_provisions,
    correspondence_rows,
    counts_line,
    describe,
    evidence_sections,
    notices,
    provisions_line,
)

md_escape = markdown
"""Escape text for Markdown and for the HTML that Markdown allows (`redline.printable.markdown`)."""


def _md_mark(op: WordOp) -> str:
    """``~~old~~`` / ``**new**`` around words; ``<del>``/``<ins>`` where Markdown's
    delimiter rules would not take (marks that begin or end with punctuation)."""
    if op.op is Op.EQUAL:
        return md_escape(op.new)
    text = op.old if op.op is Op.DELETE else op.new
    named = spacing(text)  # a change of spacing alone: its special spaces by name
    if named != text:
        tag = "del" if op.op is Op.DELETE else "ins"
        return f"<{tag}>{md_escape(named)}</{tag}>"
    stripped = text.strip()
    if not stripped:  # plain spaces alone: a mark one could not see, named instead
        tag = "del" if op.op is Op.DELETE else "ins"
        return f"<{tag}>{md_escape(_blank(text))}</{tag}>" if text else ""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if stripped[0].isalnum() and stripped[-1].isalnum():
        wrap = "~~" if op.op is Op.DELETE else "**"
        return f"{lead}{wrap}{md_escape(stripped)}{wrap}{trail}"
    tag = "del" if op.op is Op.DELETE else "ins"
    return f"{lead}<{tag}>{md_escape(stripped)}</{tag}>{trail}"


def _blank(text: str) -> str:
    r"""Plain whitespace by name: ``<space>``, ``<3 spaces>``, ``<line break>``.

    >>> _blank(" "), _blank("   "), _blank("\n"), _blank(" \t")
    ('<space>', '<3 spaces>', '<line break>', '<space><tab>')
    """
    if text == " " * len(text):
        return "<space>" if len(text) == 1 else f"<{len(text)} spaces>"
    return "".join({" ": "<space>", "\t": "<tab>", "\n": "<line break>"}.get(c, c) for c in text)


def _md_item(title: str, text: str) -> list[str]:
    """A list item: the unit's title in bold, its marked text on the next line of the
    same item (never indented four spaces, which Markdown would take for code)."""
    if not title:
        return [f"- {text}"] if text else []
    head = f"- **{md_escape(title)}**"
    return [f"{head}  ", f"  {text}"] if text else [head]


def render_markdown(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as Markdown (for CI summaries and pull requests)."""
    lines = [
        f"**Old:** {md_escape(describe(comparison.old))}  ",
        f"**New:** {md_escape(describe(comparison.new))}  ",
        f"**Changes:** {counts_line(comparison)}  ",
        f"**Provisions:** {md_escape(provisions_line(comparison))}",
        *(f"\n**{md_escape(line)}**" for line in notices(comparison)),
        "",
        "| old | new | change |",
        "|---|---|---|",
    ]
    lines += [
        f"| {md_escape(o)} | {md_escape(n)} | {k} |" for o, n, k in correspondence_rows(comparison)
    ]
    lines += ["", "**List of changes:**", "", "| provision | change | excerpt |", "|---|---|---|"]
    lines += [
        f"| {md_escape(label)} | {kind} | {excerpt} |"  # the marker escapes the words
        for label, kind, excerpt in change_list(comparison, _md_mark)
    ]
    lines.append("")
    for title, items in evidence_sections(comparison, options.explain, options.min_confidence):
        lines += [f"**{md_escape(title)}:**", "", *(f"- {md_escape(item)}" for item in items), ""]
    style = Style(_md_mark, lambda title: f"#### {md_escape(title)}\n", _md_item, md_escape)
    lines += changed_provisions(comparison, style)
    return guard("\n".join(lines).rstrip() + "\n").encode("utf-8")
