"""Fuzz targets for the readers: whatever bytes arrive, only redline's own errors come out.

Inputs are random bytes and texts, and the shipped 2014 declaration damaged at random:
bytes flipped, inserted, deleted or cut off; lines dropped, doubled or swapped; XML
elements deleted, duplicated, swapped, moved or renamed. A reader may refuse such input,
but only with a `RedlineError` naming the file; what it accepts must go through the rest
of the pipeline (comparison and every cheap renderer) without raising.

CI runs a modest number of examples; set ``REDLINE_FUZZ_EXAMPLES`` for a long run
(docs/security.md).
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from redline.akn.read import read_akn
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.comparison.engine import compare
from redline.errors import RedlineError
from redline.model import Document
from redline.read.sources import ImportOptions, import_source
from redline.renderers import RenderOptions, get_renderer

ROOT = Path(__file__).resolve().parents[2]
DRAFT = (ROOT / "versions" / "solidarity-2014.txt").read_bytes()
AKN = (ROOT / "versions" / "solidarity-2014.akn.xml").read_bytes()
NAME = "fuzz.input"
EXAMPLES = int(os.environ.get("REDLINE_FUZZ_EXAMPLES", "50"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
XML_CHARACTERS = st.characters(
    codec="utf-8", exclude_categories=["Cc", "Cs"], exclude_characters="\ufffe\uffff"
)
"""Characters XML 1.0 text can hold (and a few it may hold that we leave out: tabs, breaks)."""
PRINTABLE = st.characters(exclude_categories=["Cc", "Cs"])
"""Any character but controls and surrogates: random text that may still be a draft."""
CHEAP_FORMATS = ("text", "md", "json", "html")
"""Every renderer but PDF, which is too slow to run thousands of times."""

#: Lines that look like parts of a UN draft, so random texts reach the structure rules.
DRAFT_LINES = st.sampled_from(
    [
        "",
        " ",
        "  Article 1 ",
        "  Article 2 – Obligations ",
        "Article 12",
        " I. Preambular Paragraphs ",
        " II. Operative Paragraphs",
        "1. States shall cooperate in solidarity. ",
        "2.",
        "(a) ",
        "(b) the right to development;",
        "(i) is not adopted; and ",
        " Recalling the Charter of the United Nations,1 ",
        " Recognizing that solidarity",
        "continues a sentence from the previous page. ",
        " 1 A footnote body that runs ",
        " 2 Ibid., para. 3. ",
        "                                                      A/HRC/XX/XX 2 ",
        "7 ",
        "\f",
        " Annex ",
        "[English only] ",
        "  Draft declaration on the right to international solidarity ",
        " * A note to the cover page.",
    ]
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the whole module: hypothesis runs many examples per test call."""
    return tmp_path_factory.mktemp("fuzz")


def _mutate_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one byte-level edit: a flip, an insertion, a deletion, a cut, a copy."""
    kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 200)))
    if kind == "flip" and start < len(data):
        return data[:start] + bytes([data[start] ^ draw(st.integers(1, 255))]) + data[start + 1 :]
    if kind == "insert":
        return data[:start] + draw(st.binary(min_size=1, max_size=16)) + data[start:]
    if kind == "delete":
        return data[:start] + data[end:]
    if kind == "truncate":
        return data[:start]
    return data[:end] + data[start:end] + data[end:]


def _mutate_lines(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one line-level edit: a line dropped, doubled, swapped or replaced."""
    lines = data.split(b"\n")
    kind = draw(st.sampled_from(["drop", "double", "swap", "replace"]))
    first = draw(st.integers(0, len(lines) - 1))
    second = draw(st.integers(0, len(lines) - 1))
    if kind == "drop":
        del lines[first]
    elif kind == "double":
        lines.insert(first, lines[first])
    elif kind == "swap":
        lines[first], lines[second] = lines[second], lines[first]
    else:
        lines[first] = draw(DRAFT_LINES).encode("utf-8")
    return b"\n".join(lines)


@st.composite
def mutated_drafts(draw: st.DrawFn) -> bytes:
    """The 2014 draft's text after one to five random byte and line edits."""
    data = DRAFT
    for _ in range(draw(st.integers(1, 5))):
        mutate = draw(st.sampled_from([_mutate_bytes, _mutate_lines]))
        data = mutate(draw, data)
    return data


@st.composite
def random_drafts(draw: st.DrawFn) -> bytes:
    """Random bytes, random text, or random lines in the shape of a draft."""
    kind = draw(st.sampled_from(["bytes", "text", "lines"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    if kind == "text":
        return draw(st.text(max_size=500)).encode("utf-8")
    lines = draw(st.lists(DRAFT_LINES | st.text(PRINTABLE, max_size=40), max_size=60))
    return "\n".join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))


def _elements(root: etree._Element) -> list[etree._Element]:
    return [element for element in root.iter() if element is not root]


def _mutate_tree(draw: st.DrawFn, root: etree._Element) -> None:
    """One element-level edit of `root`, in place."""
    elements = _elements(root)
    if not elements:
        return
    target = elements[draw(st.integers(0, len(elements) - 1))]
    other = elements[draw(st.integers(0, len(elements) - 1))]
    parent = target.getparent()
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "move", "rename", "text", "eid"]))
    if kind == "delete" and parent is not None:
        parent.remove(target)
    elif kind == "duplicate" and parent is not None:
        target.addnext(copy.deepcopy(target))
    elif kind == "swap" and _unrelated(target, other):
        marker = etree.Element("marker")
        target.addprevious(marker)
        other.addprevious(target)
        marker.addprevious(other)
        marker.getparent().remove(marker)  # type: ignore[union-attr]
    elif kind == "move" and _unrelated(target, other):
        other.append(target)
    elif kind == "rename":
        name = draw(st.sampled_from(sorted({etree.QName(e).localname for e in elements})))
        target.tag = etree.QName(etree.QName(target).namespace, name).text
    elif kind == "text":
        target.text = draw(st.text(XML_CHARACTERS, max_size=40))
    elif kind == "eid":
        target.set("eId", draw(st.sampled_from(["art_1", "art_2__para_1", "", "x y"])))


def _unrelated(first: etree._Element, second: etree._Element) -> bool:
    """True when neither element contains the other (so they can swap places)."""
    return (
        first is not second
        and not any(a is first for a in second.iterancestors())
        and not any(a is second for a in first.iterancestors())
    )


@st.composite
def mutated_akn(draw: st.DrawFn) -> bytes:
    """The 2014 declaration's AKN after element edits, then perhaps byte edits."""
    root = etree.fromstring(AKN)
    for _ in range(draw(st.integers(1, 4))):
        _mutate_tree(draw, root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    for _ in range(draw(st.integers(0, 2))):
        data = _mutate_bytes(draw, data)
    return data


def _through_pipeline(document: Document, other: Document) -> None:
    """A document that was read compares and renders without raising, both ways round."""
    for old, new in ((other, document), (document, other)):
        comparison = compare(old, new)
        for fmt in CHEAP_FORMATS:
            get_renderer(fmt)(comparison, RenderOptions())


def _kind(error: RedlineError) -> str:
    """The gist of an error message, for hypothesis's statistics: its first words, with
    the names, bytes and characters it quotes left out.

    >>> _kind(RedlineError("byte 0xe9 is not valid utf-8; give the right --encoding"))
    'byte … is not'
    """
    gist = re.sub(r"'[^']*'|<[^>]*>|0x[0-9a-f]+|U\+[0-9A-F]+", "…", error.message)
    return " ".join(gist.split()[:4])


def _imports_or_refuses(folder: Path, data: bytes) -> None:
    """Import `data` as the CLI does (sniffing what it is); only a `RedlineError` may stop it.

    What is imported writes AKN that reads back equal.
    """
    path = folder / NAME
    path.write_bytes(data)
    try:
        document = import_source(str(path), ImportOptions(date="2020-01-01")).document
    except RedlineError as error:
        assert error.source == str(path)
        event(f"refused: {_kind(error)}")
        return
    event("imported")
    assert read_akn(write_akn(document), NAME) == document


def _reads_or_refuses(data: bytes, original: Document) -> None:
    """Validate and read AKN `data`; only a `RedlineError` may stop the reader."""
    problems = validate_akn(data, NAME)
    assert all(problem.source == NAME for problem in problems)
    try:
        document = read_akn(data, NAME)
    except RedlineError as error:
        assert error.source == NAME
        event(f"refused: {_kind(error)}")
        return
    event("read and compared")
    _through_pipeline(document, original)


@SETTINGS
@given(random_drafts())
@example(b"\xef\xbb\xbf  Article 1 \r\n text\r\n")
@example(b"<")
@example(b"  Article 1 ")  # an empty article: once read back with a content it lacked
@example(b"  Article 1 \n\x08")  # a control character: once printed raw by text and diff
def test_random_text_imports_or_is_refused(folder: Path, data: bytes) -> None:
    _imports_or_refuses(folder, data)


@SETTINGS
@given(mutated_drafts())
def test_damaged_draft_imports_or_is_refused(folder: Path, data: bytes) -> None:
    _imports_or_refuses(folder, data)


@pytest.fixture(scope="module")
def original() -> Document:
    return read_akn(AKN, "original.akn.xml")


@SETTINGS
@given(mutated_akn())
def test_damaged_akn_reads_or_is_refused(original: Document, data: bytes) -> None:
    _reads_or_refuses(data, original)


@SETTINGS
@given(st.binary(max_size=2000))
@example(AKN[: len(AKN) // 2])
def test_random_bytes_as_akn_are_refused(original: Document, data: bytes) -> None:
    _reads_or_refuses(data, original)
