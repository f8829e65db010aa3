"""The shapes a text can have, each built into the parts of a document: the fourth stage.

`Built` is what every shape guarantees to `importer`: the document's parts as frozen units
(eIds unique, notes anchored), the title found (or ``""``), the document type, and every
block that is not in the parts named in `skipped` with its lines and words. The shapes:

- `build_draft`: a draft with articles (a UN declaration): title, recitals, articles.
- `build_resolution`: no articles but numbered paragraphs (a UN resolution or decision):
  an AKN ``statement`` with preambular paragraphs as recitals and operative paragraphs.
- `build_plain`: neither: every block an unnumbered paragraph, with a warning.
EU acts are built by `acts.build_act`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redline.model import Document, Unit
from redline.read.text.articles import ArticleBuilder
from redline.read.text.blocks import Block, Kind, opens_recital
from redline.read.text.footnotes import Anchors, Plan
from redline.read.text.layout import Footnote
from redline.read.text.nodes import Freezer, Node
from redline.read.text.report import Skipped
from redline.read.text.structure import build_units, unmatched, unmatched_notes

_NOT_A_TITLE = re.compile(
    r"""
    ^(?:\[.*\]          # [Anglais seulement], [English only]
    | Annexe? | Annex\s+\w+   # an annex heading
    | \*.*)$            # a footnote to the cover page
    """,
    re.VERBOSE,
)

_ACTING_ENTITY = re.compile(r"^The [A-Z][\w’' -]{2,80},$")  # The General Assembly,


@dataclass
class Built:
    """The parts of a document built from a text's blocks."""

    title: str = ""
    """The title found in the text, or ``""``."""
    first_line: int = 1
    """Source line where the instrument (its title included) starts."""
    preface: tuple[Unit, ...] = ()
    preamble: tuple[Unit, ...] = ()
    body: tuple[Unit, ...] = ()
    conclusions: tuple[Unit, ...] = ()
    components: tuple[Document, ...] = ()
    doc_type: str = "bill"
    """The AKN document type (``bill``, ``act``, ``statement``, ``doc``)."""
    doc_name: str = "declaration"
    """The AKN ``name`` of the document."""
    country: str = "un"
    """The FRBR country."""
    warnings: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    replan: Plan = ()
    """The footnote markers a second read would find besides (`Anchors.replan`)."""


def skip(blocks: list[Block], footnotes: tuple[Footnote, ...], what: str) -> list[Skipped]:
    """The `Skipped` record of `blocks` (and the footnote bodies among their lines)."""
    if not blocks:
        return []
    first, last = blocks[0].line, max(b.end or b.line for b in blocks)
    words = sum(len(b.words.split()) for b in blocks)
    words += sum(len(n.text.split()) for n in footnotes if first <= n.line <= last)
    return [Skipped(first, last, words, what)]


def build_draft(blocks: list[Block], footnotes: tuple[Footnote, ...], plan: Plan = ()) -> Built:
    """A draft with articles: what is above its title is skipped (named in the report);
    `plan` as for `structure.build_units`."""
    start = find_start(blocks)
    title = _title_before(blocks, start)
    first = title if title is not None else start
    first_line = blocks[first].line
    kept = tuple(note for note in footnotes if note.line > first_line)
    structure = build_units(blocks[start:], kept, plan)
    built = Built(
        blocks[title].text if title is not None else "",
        first_line,
        preamble=structure.preamble,
        body=structure.body,
        warnings=list(structure.warnings),
        replan=structure.replan,
    )
    built.skipped = skip(blocks[:first], footnotes, "before the title") + list(structure.skipped)
    return built


def find_start(blocks: list[Block]) -> int:
    """The index of the instrument's first block: its preamble heading or first recital.

    Everything before it (a summary in another language, "Annexe", the report's title,
    a cover note) is not the instrument; the block just before it is the title. A block
    ending as recitals end (a comma or semicolon) is a recital whatever its first word.
    """
    first_article = next(
        i for i, b in enumerate(blocks) if b.kind in (Kind.ARTICLE, Kind.CONTAINER)
    )
    openings = [
        index
        for index, block in enumerate(blocks[:first_article])
        if block.kind is Kind.SECTION and block.num == "I."
    ]
    if openings:
        return openings[-1]
    start = first_article
    while start > 0 and _is_preambular(blocks[start - 1]):
        start -= 1
    return start


def _is_preambular(block: Block) -> bool:
    """True for a recital, or the continuation of one a page break cut off."""
    return block.kind is Kind.TEXT and (
        opens_recital(block.text) or block.text[:1].islower() or block.text.endswith((",", ";"))
    )


def _title_before(blocks: list[Block], start: int) -> int | None:
    """The index of the block right before the instrument, when it can be a title."""
    if start == 0:
        return None
    block = blocks[start - 1]
    if block.kind is not Kind.TEXT or _NOT_A_TITLE.match(block.text):
        return None
    return start - 1


def build_resolution(
    blocks: list[Block], footnotes: tuple[Footnote, ...], plan: Plan = ()
) -> Built:
    """A resolution: title, acting entity, preambular paragraphs, operative paragraphs;
    `plan` as for `structure.build_units`."""
    built = Built(doc_type="statement", doc_name="resolution")
    operative = next(i for i, b in enumerate(blocks) if b.kind is Kind.PARAGRAPH)
    index = 0
    if operative > 0 and not _is_preambular(blocks[0]) and not _ACTING_ENTITY.match(blocks[0].text):
        built.title, index = blocks[0].words, 1
    preamble: list[Node] = []
    if index < operative and _ACTING_ENTITY.match(blocks[index].text):
        preamble.append(Node("formula", text=blocks[index].text, line=blocks[index].line,
                             attrs=(("name", "actingEntity"),)))  # fmt: skip
        index += 1
    if index < operative:
        recitals = Node("recitals", line=blocks[index].line)
        recitals.children = [Node("recital", text=b.words, line=b.line)
                             for b in blocks[index:operative]]  # fmt: skip
        preamble.append(recitals)
    holder = ArticleBuilder(Node("paragraph", "operative part"), built.warnings)
    for block in blocks[operative:]:
        holder.add(block)
    holder.close()
    freezer = Freezer(Anchors(footnotes, plan), built.warnings)
    built.preamble = freezer.freeze(preamble, "preamble")
    built.body = freezer.freeze(holder.node.children, "")
    built.warnings.extend(unmatched(freezer.anchors))
    built.skipped.extend(unmatched_notes(freezer.anchors))
    built.replan = freezer.anchors.replan()
    return built


def build_plain(blocks: list[Block], footnotes: tuple[Footnote, ...], plan: Plan = ()) -> Built:
    """A text without articles or numbered paragraphs: unnumbered paragraphs, and a warning;
    `plan` as for `structure.build_units`."""
    built = Built(doc_type="doc", doc_name="text")
    start = 0
    if len(blocks) > 1 and len(blocks[0].words.split()) <= 25 and blocks[0].lines == 1:
        built.title, start = blocks[0].words, 1
    nodes = [Node("paragraph", text=b.words, line=b.line) for b in blocks[start:]]
    built.warnings.append(
        f"no recognisable structure (no 'Article N' heading, no numbered paragraph):"
        f" imported as {len(nodes)} unnumbered paragraphs"
    )
    freezer = Freezer(Anchors(footnotes, plan), built.warnings)
    built.body = freezer.freeze(nodes, "")
    built.warnings.extend(unmatched(freezer.anchors))
    built.skipped.extend(unmatched_notes(freezer.anchors))
    built.replan = freezer.anchors.replan()
    return built
