"""EU acts (and texts shaped like them): where the title block, citations, recitals, enacting
formula, body and conclusions of the instrument are, and what lies outside it.

`split_act` takes the blocks of a whole text and guarantees: every block is in exactly one
of the parts of `ActParts`, in source order; an enacting formula glued by extraction to the
end of the last recital (``…principlesHAVE ADOPTED THIS REGULATION:``) is split off it with
a warning. A proposal's explanatory memorandum (from ``EXPLANATORY MEMORANDUM`` to the
instrument's ``Proposal for a``) and legislative financial statement (from ``LEGISLATIVE
FINANCIAL STATEMENT`` after the instrument) are kept apart, to become components.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from redline.read.text.blocks import Block, Kind
from redline.read.text.nodes import Node

_CITATION = re.compile(
    r"^(?:Having regard to|Having consulted|After transmission|After consulting"
    r"|Acting in accordance|In accordance with|After obtaining)\b"
)
_WHEREAS = re.compile(r"^Whereas\s*:$")
#: The enacting formula: HAVE ADOPTED THIS REGULATION:, HAS ADOPTED THIS DECISION:
_FORMULA = re.compile(r"(?P<formula>(?:HAVE|HAS) ADOPTED TH(?:IS|E PRESENT) [A-Z ]+?\s*:?)$")
_AUTHORITY = re.compile(r"^THE [A-Z][A-Z ,'’()-]+,$")  # THE EUROPEAN PARLIAMENT AND THE COUNCIL …,
_DONE_AT = re.compile(r"^Done at\b")
_PROPOSAL = re.compile(r"^Proposal for an?\b")
_PROCEDURE = re.compile(r"^\d{4}/\d{4}\s*\([A-Z]{3}\)$")  # 2020/0374 (COD)
_MEMORANDUM = re.compile(r"^EXPLANATORY MEMORANDUM$")
_FINANCIAL = re.compile(r"^LEGISLATIVE FINANCIAL STATEMENT$")
_PREFACE_NAMES = (
    (re.compile(r"^\((?:Text with EEA relevance|Codification|Recast)\)$"), "eeaRelevance"),
    (_PROCEDURE, "procedure"),
)


@dataclass
class ActParts:
    """The blocks of an EU-shaped text, by part."""

    cover: list[Block] = field(default_factory=list)
    """Blocks before the memorandum or the instrument (a proposal's cover page)."""
    memorandum: list[Block] = field(default_factory=list)
    """The explanatory memorandum, its heading first."""
    title: list[Block] = field(default_factory=list)
    """The instrument's title block."""
    citations: list[Block] = field(default_factory=list)
    """The acting authority and the citations (``Having regard to …``)."""
    recitals: list[Block] = field(default_factory=list)
    """``Whereas:`` and the recitals."""
    formula: list[Block] = field(default_factory=list)
    """The enacting formula (``HAVE ADOPTED THIS REGULATION:``)."""
    body: list[Block] = field(default_factory=list)
    """Containers and articles."""
    conclusions: list[Block] = field(default_factory=list)
    """From ``Done at`` to the end of the instrument: place, date, signatures."""
    statement: list[Block] = field(default_factory=list)
    """The legislative financial statement, its heading first."""


def is_act(blocks: list[Block]) -> bool:
    """True when the text has the preamble of an EU act: citations, then ``Whereas:``."""
    return any(_WHEREAS.match(b.text) for b in blocks) and any(
        _CITATION.match(b.text) for b in blocks
    )


def split_act(blocks: list[Block], warnings: list[str]) -> ActParts:
    """The parts of an EU-shaped text (see the module docstring)."""
    blocks = _split_glued_formula(blocks, warnings)
    whereas = next(i for i, b in enumerate(blocks) if _WHEREAS.match(b.text))
    formula = next((i for i in range(whereas, len(blocks)) if _is_formula(blocks[i])), None)
    first_article = next(
        (
            i
            for i in range(whereas, len(blocks))
            if blocks[i].kind in (Kind.ARTICLE, Kind.CONTAINER)
        ),
        len(blocks),
    )
    body_start = formula + 1 if formula is not None else first_article
    preamble = next(
        i for i, b in enumerate(blocks) if _CITATION.match(b.text) or _AUTHORITY.match(b.text)
    )
    start = _instrument_start(blocks, preamble)
    memorandum = next((i for i, b in enumerate(blocks[:start]) if _MEMORANDUM.match(b.text)), start)
    end = next(
        (i for i in range(body_start, len(blocks)) if _FINANCIAL.match(blocks[i].text)), len(blocks)
    )
    last_article = max(
        (i for i in range(body_start, end) if blocks[i].kind is Kind.ARTICLE), default=body_start
    )
    done = next((i for i in range(last_article, end) if _DONE_AT.match(blocks[i].text)), end)
    return ActParts(
        cover=blocks[:memorandum],
        memorandum=blocks[memorandum:start],
        title=blocks[start:preamble],
        citations=blocks[preamble:whereas],
        recitals=blocks[whereas : formula if formula is not None else body_start],
        formula=blocks[formula : formula + 1] if formula is not None else [],
        body=blocks[body_start:done],
        conclusions=blocks[done:end],
        statement=blocks[end:],
    )  # fmt: skip


def _is_formula(block: Block) -> bool:
    return block.kind is Kind.TEXT and _FORMULA.fullmatch(block.text) is not None


def _instrument_start(blocks: list[Block], preamble: int) -> int:
    """The first block of the instrument's title: the last ``Proposal for a`` before the
    preamble (with the procedure number printed above it), else the text's first block."""
    proposal = max((i for i in range(preamble) if _PROPOSAL.match(blocks[i].text)), default=0)
    if proposal and _PROCEDURE.match(blocks[proposal - 1].text):
        return proposal - 1
    return proposal


def _split_glued_formula(blocks: list[Block], warnings: list[str]) -> list[Block]:
    """Split an enacting formula off the end of the block extraction glued it to."""
    result: list[Block] = []
    for block in blocks:
        match = _FORMULA.search(block.text)
        before = block.text[: match.start()] if match else ""
        if match is None or not before or before.endswith((" ", ":")):
            result.append(block)
            continue
        warnings.append(
            f"line {block.line}: enacting formula glued to the text before it; split off"
        )
        result.append(replace(block, text=before))
        result.append(Block(Kind.TEXT, "", match["formula"], block.end, 1, end=block.end))
    return result


def preface_nodes(parts: ActParts) -> tuple[str, list[Node]]:
    """The title (its lines joined) and the preface's other lines as named containers."""
    title: list[str] = []
    nodes = [Node("container", text=b.words, line=b.line, attrs=(("name", "cover"),))
             for b in parts.cover]  # fmt: skip
    for block in parts.title:
        name = next((name for pattern, name in _PREFACE_NAMES if pattern.match(block.text)), "")
        if name:
            nodes.append(Node("container", text=block.words, line=block.line,
                              attrs=(("name", name),)))  # fmt: skip
        else:
            title.append(block.words)
    return " ".join(title), nodes


def preamble_nodes(parts: ActParts) -> list[Node]:
    """The acting authority and the citations, the recitals, the enacting formula."""
    nodes: list[Node] = []
    citations = parts.citations
    if citations and _AUTHORITY.match(citations[0].text):
        nodes.append(Node("formula", text=citations[0].text, line=citations[0].line,
                          attrs=(("name", "actingEntity"),)))  # fmt: skip
        citations = citations[1:]
    if citations:
        holder = Node("citations", line=citations[0].line)
        holder.children = [Node("citation", text=b.words, line=b.line) for b in citations]
        nodes.append(holder)
    recitals = Node("recitals", line=parts.recitals[0].line)
    recitals.children.append(Node("intro", text=parts.recitals[0].text, line=recitals.line))
    for block in parts.recitals[1:]:
        last = recitals.children[-1]
        if block.kind is Kind.POINT:
            recitals.children.append(Node("recital", block.num, text=block.text, line=block.line))
        elif last.element == "recital" and last.num:
            last.text += "\n" + block.words  # a recital's further paragraph
        else:
            recitals.children.append(Node("recital", text=block.words, line=block.line))
    nodes.append(recitals)
    for block in parts.formula:
        nodes.append(Node("formula", text=block.text, line=block.line,
                          attrs=(("name", "enactingFormula"),)))  # fmt: skip
    return nodes


def conclusion_nodes(parts: ActParts) -> list[Node]:
    """Place and date, then the signature lines, each a named container."""
    return [
        Node("container", text=b.words, line=b.line,
             attrs=(("name", "placeAndDate" if i == 0 else "signature"),))
        for i, b in enumerate(parts.conclusions)
    ]  # fmt: skip
