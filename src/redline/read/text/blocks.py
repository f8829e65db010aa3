"""Blocks: the second stage of `import_text`, between the page layout and the structure.

`make_blocks` turns the running text lines into blocks and guarantees: each block is one
provision-level piece of the text (a section or container heading, an article-level
heading, a numbered paragraph, a lettered or roman point, or a paragraph of unnumbered
text), its printed `num` split off, its lines joined into running text, the footnote
markers still in it. Blocks are found by what starts a line, not only by blank lines:

1. A blank line always ends a block.
2. In a text whose lines are not wrapped (lines longer than `WRAP_LIMIT`, sentences
   ending at line ends: text pasted from Word, a web page or an e-mail; `looks_wrapped`),
   every line is a block.
3. In wrapped text (PDF extraction), a line starts a new block when it is a heading
   (`headings.STYLES`, `headings.CONTAINERS`) or follows one; when it is labelled
   (``1.``, ``(a)``, ``II.``) and the line before ended a clause (``.``, ``;``, ``:``,
   ``,``, ``and``, ``or``), stood alone as a heading, or a page break came between; or
   when it opens a recital (``Recalling``...) after a line that ended a clause.
4. Before the first heading (the cover: a summary, an annex heading, the report's
   title), a line also starts a new block by its indent after a full stop or a title
   (`_indented_anew`): a cover pasted without empty lines keeps its title apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from itertools import pairwise

from redline.read.notemarks import MARKS, strip
from redline.read.text.headings import match_container, match_heading
from redline.read.text.layout import Line, join_lines

#: A text with a line longer than this is not wrapped: each of its lines is a paragraph.
WRAP_LIMIT = 200


class Kind(Enum):
    """What a block is, judged from how it starts."""

    SECTION = "section"
    """A roman-numbered section heading: ``I. Preambular Paragraphs``."""
    CONTAINER = "container"
    """A ``CHAPTER``/``SECTION``/``TITLE``/``PART`` line, its title on it or next."""
    ARTICLE = "article"
    """An article-level heading (`headings.STYLES`), possibly with its heading on the line."""
    PARAGRAPH = "paragraph"
    """A numbered paragraph: ``1. International solidarity is ...``."""
    POINT = "point"
    """A lettered, roman or numbered point: ``(a) ...``, ``(iv) ...``."""
    TEXT = "text"
    """Unnumbered text: a recital, a title, an article's text or list intro, a heading."""


@dataclass(frozen=True, slots=True)
class Block:
    """One provision-level piece of running text."""

    kind: Kind
    """What the block is."""
    num: str
    """The printed label (``Article 5``, ``1.``, ``(b)``, ``II.``), or ``""``."""
    text: str
    """The words after the label, lines joined; for headings, the inline heading."""
    line: int
    """Source line number of the block's first line."""
    lines: int
    """How many lines of running text the block has."""
    element: str = ""
    """For headings and containers, the element they open (``article``, ``chapter`` ...)."""
    label: str = ""
    """For headings and containers, what the eId is made from (``5bis``, ``III``)."""
    end: int = 0
    """Source line number of the block's last line."""
    source: str = ""
    """The block's lines joined as printed, label and separators included."""

    @property
    def words(self) -> str:
        """The block's label and words, as printed."""
        return f"{self.num} {self.text}".strip()


@dataclass(frozen=True, slots=True)
class Opening:
    """How a line starts: its kind, label and the words after the label."""

    kind: Kind
    num: str
    text: str
    element: str = ""
    label: str = ""


_SECTION = re.compile(
    r"""
    ^(?P<num>[IVXL]{1,5}\.)    # a roman section number with its dot: II.
    \s+(?P<text>\S.*)$          # the section heading (any space, no-break included)
    """,
    re.VERBOSE,
)

_PARAGRAPH = re.compile(
    r"""
    ^(?P<num>\d{1,3}\.)         # 1.
    (?:\s+(?P<text>\S.*))?$     # the paragraph's first words, if on the same line
    """,
    re.VERBOSE,
)

_POINT = re.compile(
    r"""
    ^(?P<num>\(                 # (a), (iv), (aa), (1)
        (?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3})
    \))
    (?:\s+(?P<text>\S.*))?$     # the point's first words, if on the same line
    """,
    re.VERBOSE,
)

_PREAMBULAR = re.compile(
    r"""
    ^(?:[A-Z][a-z]+ing              # Recalling, Recognizing, Bearing in mind ...
    | Mindful | Convinced | Aware | Conscious | Concerned | Determined | Desirous
    | Guided | Alarmed | Deeply | Gravely | Noting | Having | Whereas  # other openings
    | (?:Rappelant|Reconnaissant|Considérant|Notant|Soulignant|Réaffirmant|Prenant
       |Convaincu|Conscient|Préoccupé|Ayant)e?s?      # French: Rappelant, Convaincue ...
    | (?:Recordando|Reconociendo|Considerando|Observando|Tomando|Reafirmando|Subrayando
       |Convencid[oa]s?|Consciente|Preocupad[oa]s?|Habiendo))\b  # Spanish
    """,
    re.VERBOSE,
)

#: What may follow a line's last punctuation: closing quotes or brackets, then a
#: footnote marker.
_CLOSERS = r"""[”’"')\]]*(?:\d{0,3}|\[\d{1,3}\])"""

#: A recital's comma, a point's semicolon, a full stop, at the end of a line.
_ENDS_SENTENCE = re.compile(rf"[,;:.]{_CLOSERS}$")

_ENDS_CLAUSE = re.compile(rf"(?:[,;:.]{_CLOSERS}|\b(?:and|or|et|ou|y|o))$")

#: A line ending a whole sentence: a full stop, question or exclamation mark (not a comma).
_ENDS_FULL_STOP = re.compile(rf"[.!?]{_CLOSERS}$")


def opens_recital(text: str) -> bool:
    """True when `text` starts as preambular paragraphs do.

    >>> opens_recital("Recalling the"), opens_recital("Mindful that"), opens_recital("States")
    (True, True, False)
    """
    return _PREAMBULAR.match(text) is not None


def classify(text: str, containers: bool = False) -> Opening:
    """How a block's first line starts; with `containers`, ``SECTION N`` is a container.

    A line holding note marks (`redline.read.notemarks`) is classified as it reads
    without them: marks that stood in its label end its `num` (the Word reader anchors
    them at the start of the next text, with a warning), marks in its words stay there.

    >>> from redline.read.notemarks import mark
    >>> opening = classify(f"Article 1{mark(0)} – Scope")
    >>> opening.num == f"Article 1{mark(0)}", opening.text
    (True, 'Scope')

    >>> classify("(b) Social spheres")
    Opening(kind=<Kind.POINT: 'point'>, num='(b)', text='Social spheres', element='', label='')
    >>> classify("Article 2 – Definitions").num, classify("ARTICLE 2").text
    ('Article 2', '')
    >>> classify("CHAPTER IV", containers=True).kind
    <Kind.CONTAINER: 'container'>
    >>> classify("Recalling the Preamble").kind
    <Kind.TEXT: 'text'>
    """
    if MARKS.search(text):
        return _with_marks(text, containers)
    container = match_container(text)
    if container is not None and (containers or container.element != "section"):
        return Opening(Kind.CONTAINER, container.num, container.text, container.element,
                       container.label)  # fmt: skip
    heading = match_heading(text)
    if heading is not None:
        return Opening(Kind.ARTICLE, heading.num, heading.text, heading.element, heading.label)
    for kind, pattern in ((Kind.SECTION, _SECTION), (Kind.PARAGRAPH, _PARAGRAPH),
                          (Kind.POINT, _POINT)):  # fmt: skip
        match = pattern.match(text)
        if match:
            return Opening(kind, match["num"], match["text"] or "")
    return Opening(Kind.TEXT, "", text)


def _with_marks(text: str, containers: bool) -> Opening:
    """`classify` of a line holding note marks (see there)."""
    plain = strip(text)
    opening = classify(plain, containers)
    if opening.kind is Kind.TEXT:
        return Opening(Kind.TEXT, "", text)
    start = plain.rfind(opening.text) if opening.text else len(plain)  # the words' start
    in_label: list[str] = []
    words = list(opening.text)
    before = 0  # characters of `plain` before the current one
    for char in text:
        if not MARKS.match(char):
            before += 1
        elif before < start or not opening.text:
            in_label.append(char)
        else:  # its place in the words, after the marks put there already
            marks = len(words) - len(opening.text)
            words.insert(min(before - start + marks, len(words)), char)
    return replace(opening, num=opening.num + "".join(in_label), text="".join(words))


def has_articles(lines: tuple[Line, ...]) -> bool:
    """True when some line is an ``Article N`` heading (then ``SECTION N`` is a container)."""
    texts = (strip(line.text) for line in lines)
    return any((h := match_heading(text)) and h.element == "article" for text in texts)


def is_wrapped(lines: tuple[Line, ...]) -> bool:
    """True when the text was wrapped, as in a PDF (`looks_wrapped`)."""
    return looks_wrapped([line.text for line in lines])


def looks_wrapped(texts: list[str]) -> bool:
    """True when no line is longer than `WRAP_LIMIT`, or when hardly any is (one in
    fifty) and a fifth or more of the lines run on into the next, which starts in lower
    case: PDF extraction that let a line or two through unbroken. Text pasted from Word
    or a web page, a paragraph a line, has its sentences end at its line ends.

    >>> looks_wrapped(["States shall", "cooperate.", "x" * 300])
    False
    >>> lines = ["States shall", "cooperate in", "good faith", "and report."] * 30
    >>> looks_wrapped([*lines, "x" * 300])
    True
    """
    filled = [text for text in texts if text.strip()]
    long = sum(1 for text in filled if len(text) > WRAP_LIMIT)
    if not long:
        return True
    if long * _FEW_LONG > len(filled):
        return False
    return runs_on(filled) * 5 >= len(filled)


def runs_on(lines: list[str]) -> int:
    """How many of `lines` run on into the next: a line with words that does not end a
    sentence or clause (``.``, ``;``, ``:``), followed by one that starts in lower case
    (an empty line between stops it).

    >>> runs_on(["States shall", "cooperate.", "Each State", "", "shall report."])
    1
    """
    return sum(
        1
        for text, after in pairwise(lines)
        if text.strip()
        and after.lstrip()[:1].islower()
        and not text.rstrip().endswith((".", ";", ":"))
    )


#: One line in this many may be longer than `WRAP_LIMIT` in a wrapped text.
_FEW_LONG = 50


def make_blocks(lines: tuple[Line, ...]) -> list[Block]:
    """Group running text lines into blocks (see the module docstring for the guarantees)."""
    containers = has_articles(lines)
    wrapped = is_wrapped(lines)
    groups: list[list[Line]] = []
    front = True  # before the first heading: the cover, where only indents part blocks
    for line in lines:
        if not line.text:
            if groups and groups[-1]:
                groups.append([])
            continue
        if not groups:
            groups.append([])
        current = groups[-1]
        front = front and classify(line.text, containers).kind not in _HEADINGS
        if current and (
            not wrapped
            or _starts_new_block(current, line, containers)
            or (front and _indented_anew(current, line))
        ):
            current = []
            groups.append(current)
        current.append(line)
    return [_block(group, containers) for group in groups if group]


_HEADINGS = (Kind.ARTICLE, Kind.CONTAINER, Kind.SECTION)


def _starts_new_block(current: list[Line], line: Line, containers: bool) -> bool:
    """True when `line` cannot continue the block of `current` lines (rule 3 above)."""
    kind = classify(line.text, containers).kind
    if kind in _HEADINGS or classify(current[0].text, containers).kind in _HEADINGS:
        return True
    previous = current[-1].text
    if kind is not Kind.TEXT:
        return line.after_break or bool(_ENDS_CLAUSE.search(previous)) or _stands_alone(current)
    if not opens_recital(line.text):
        return False
    return bool(_ENDS_SENTENCE.search(previous)) or _stands_alone(current)


def _indented_anew(current: list[Line], line: Line) -> bool:
    """True for a line of the front matter that starts a block by its indent alone: the
    only mark of a new paragraph in a cover pasted without empty lines (a summary, an
    annex heading, the report's title above the instrument's). Such a line is indented
    as `current`'s first line was, after lines back at the margin, where a sentence
    ended (a full stop, not a comma) or after a title; or deeper than every line of
    `current`, right after a full stop. Only the front matter: inside the instrument a
    stray leading space or a hanging indent must not part a provision, and its blocks
    are found by their numbers and openings."""
    if line.after_break:
        return False
    ended = bool(_ENDS_FULL_STOP.search(current[-1].text))
    first, last = current[0].indent, current[-1].indent
    if len(current) > 1 and last < first <= line.indent:
        return ended or _stands_alone(current)
    return ended and line.indent > max(previous.indent for previous in current)


def _stands_alone(current: list[Line]) -> bool:
    """True for a title or heading: at most three short lines, not ending like a sentence."""
    words = sum(len(line.text.split()) for line in current)
    return len(current) <= 3 and words <= 30 and not _ENDS_SENTENCE.search(current[-1].text)


def _block(group: list[Line], containers: bool) -> Block:
    opening = classify(group[0].text, containers)
    parts = [opening.text] if opening.text else []
    parts += [line.text for line in group[1:]]
    return Block(opening.kind, opening.num, join_lines(parts), group[0].number, len(group),
                 opening.element, opening.label, group[-1].number,
                 join_lines([line.text for line in group]))  # fmt: skip
