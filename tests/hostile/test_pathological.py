"""Pathological inputs under the size limit cost near-linear work, counted not timed.

Each test counts the operation that grew quadratically (probes for a free eId, note
pairs scored) on an input large enough to tell n from n², so the tests are exact on
a loaded machine. The wall-clock figures are in the benchmark
(``benchmarks/speed.py --pathological``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container
from pathlib import Path
from typing import Any

import pytest

import redline.akn.read.identity
import redline.read.text.nodes
from redline.akn.naming import uniquify
from redline.akn.read import read_akn
from redline.read.sources import import_bytes

from .case_files import AKN_NS

REPEATS = 3000
"""How often one label repeats: n² / n = 3000, far beyond any constant factor."""


class Probes:
    """A container that counts the membership tests made on it."""

    def __init__(self, inner: Container[str], count: list[int]) -> None:
        self.inner, self.count = inner, count

    def __contains__(self, item: object) -> bool:
        self.count[0] += 1
        return item in self.inner


def counting(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[int]:
    """Count every probe `module`'s calls of `uniquify` make; the count, in a list."""
    count = [0]
    real: Callable[..., str] = uniquify

    def spy(eid: str, taken: Container[str], *rest: Any) -> str:
        return real(eid, Probes(taken, count), *rest)

    monkeypatch.setattr(module, "uniquify", spy)
    return count


def akn_articles(nums: list[str]) -> bytes:
    """An AKN bill of articles without eIds, numbered `nums`."""
    meta = (
        '<meta><identification source="#r"><FRBRWork><FRBRthis value="/akn/xx/bill/x/!main"/>'
        '<FRBRuri value="/akn/xx/bill/x"/><FRBRdate date="2020-01-01" name="work"/>'
        '<FRBRauthor href="#r"/><FRBRcountry value="xx"/></FRBRWork><FRBRExpression>'
        '<FRBRthis value="/akn/xx/bill/x/eng@2020-01-01/!main"/>'
        '<FRBRuri value="/akn/xx/bill/x/eng@2020-01-01"/><FRBRdate date="2020-01-01" '
        'name="version"/><FRBRauthor href="#r"/><FRBRlanguage language="eng"/>'
        "</FRBRExpression></identification></meta>"
    )
    body = "".join(
        f"<article><num>{num}</num><content><p>Text {index}.</p></content></article>"
        for index, num in enumerate(nums)
    )
    return (
        f'<akomaNtoso xmlns="{AKN_NS}"><bill>{meta}<body>{body}</body></bill></akomaNtoso>'.encode()
    )


def test_uniquify_with_memory_is_linear() -> None:
    """n claims of one eId probe about 2n times, not n²/2."""
    taken: set[str] = set()
    memory: dict[str, int] = {}
    count = [0]
    for _ in range(REPEATS):
        taken.add(uniquify("art_1", Probes(taken, count), memory))
    assert len(taken) == REPEATS
    assert count[0] <= 3 * REPEATS


def test_uniquify_skips_suffixes_taken_by_others() -> None:
    """A suffix already given in the source (``art_1-3``) is never handed out again."""
    taken, memory = {"art_1", "art_1-2", "art_1-3"}, {}
    assert uniquify("art_1", taken, memory) == "art_1-4"


def test_akn_reader_derives_repeated_eids_in_linear_probes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """40,000 articles all numbered 'Article 1' took 187 s in ``text``: quadratic."""
    count = counting(monkeypatch, redline.akn.read.identity)
    doc = read_akn(akn_articles(["Article 1"] * REPEATS), "many.akn.xml")
    eids = [unit.eid for unit in doc.body]
    assert eids[:3] == ["art_1", "art_1-2", "art_1-3"]
    assert len(set(eids)) == REPEATS
    assert count[0] <= 3 * REPEATS


def test_text_import_of_a_repeated_label_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Article 1' repeated 40,000 times took 81 s to import: quadratic."""
    count = counting(monkeypatch, redline.read.text.nodes)
    text = "".join(f"Article 1\n\nStates shall cooperate, {n}.\n\n" for n in range(REPEATS))
    result = import_bytes(text.encode(), "many.txt")
    eids = [unit.eid for unit in result.document.walk() if unit.element == "article"]
    assert len(set(eids)) == len(eids) == REPEATS
    assert count[0] <= 6 * REPEATS  # articles and their paragraphs


NOTES = 1200
"""More than the 500 x 500 notes past which no note was paired at all."""


def akn_with_notes(count: int, edit: str = "") -> bytes:
    """A bill of `count` articles, each with one note (its text changed by `edit`)."""
    articles = "".join(
        f'<article eId="art_{n}"><num>Article {n}</num><content><p>States shall act, {n}.'
        f'<authorialNote marker="{n}" placement="bottom"><p>See report {n} of the '
        f"committee on the {n}th session{edit}.</p></authorialNote></p></content></article>"
        for n in range(1, count + 1)
    )
    return akn_articles([]).replace(b"<body></body>", f"<body>{articles}</body>".encode())


def note_changes(old: bytes, new: bytes) -> Counter[str]:
    from redline.comparison.engine import compare

    comparison = compare(read_akn(old, "old.akn.xml"), read_akn(new, "new.akn.xml"))
    return Counter(c.kind.value for c in comparison.changes if c.element == "authorialNote")


def test_a_file_with_many_notes_compared_with_itself_is_unchanged() -> None:
    """Past 500 x 500 notes none was paired: every note inserted and deleted, and
    ``check`` then reported a frozen provision changed."""
    doc = akn_with_notes(NOTES)
    assert note_changes(doc, doc) == Counter({"unchanged": NOTES})


def test_many_edited_notes_pair_with_few_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every note edited: each pairs with its own, scoring a handful of candidates."""
    import redline.comparison.notes

    calls = [0]
    real = redline.comparison.notes.similarity

    def spy(old: Counter[str], new: Counter[str]) -> float:
        calls[0] += 1
        return real(old, new)

    monkeypatch.setattr(redline.comparison.notes, "similarity", spy)
    assert note_changes(akn_with_notes(NOTES), akn_with_notes(NOTES, " (revised)")) == Counter(
        {"modified": NOTES}
    )
    assert calls[0] <= 20 * NOTES


def nested_parts(depth: int) -> bytes:
    """One article inside `depth` nested parts."""
    inner = '<article eId="art_1"><num>Article 1</num><content><p>States shall act.</p>'
    inner += "</content></article>"
    for level in range(depth, 0, -1):
        inner = f'<part eId="part_{level}"><num>Part {level}</num>{inner}</part>'
    return akn_articles([]).replace(b"<body></body>", f"<body>{inner}</body>".encode())


@pytest.mark.slow
def test_deeply_nested_parts_are_laid_out_as_pdf() -> None:
    """150 nested parts crashed PDF rendering with RecursionError (135 already did)."""
    from redline.comparison.engine import compare
    from redline.renderers import RenderOptions
    from redline.renderers.pdf import render_pdf

    old = read_akn(nested_parts(140), "old.akn.xml")
    new = read_akn(nested_parts(140).replace(b"shall act", b"shall cooperate"), "new.akn.xml")
    assert render_pdf(compare(old, new), RenderOptions()).startswith(b"%PDF")


def test_a_pdf_past_the_page_limit_is_refused_before_layout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """5,000 articles in reverse order took 180 s and 3.2 GB as PDF; a redline estimated
    past the limit is now refused at once, and nothing is written."""
    import redline.renderers.pdf
    from redline.cli import main

    laid_out: list[str] = []
    monkeypatch.setattr(redline.renderers.pdf, "_layout", laid_out.append)
    monkeypatch.setattr(redline.renderers.pdf, "MAX_PAGES", 20)
    nums = [f"Article {n}" for n in range(1, 301)]
    (tmp_path / "old.akn.xml").write_bytes(akn_articles(nums))
    (tmp_path / "new.akn.xml").write_bytes(akn_articles(nums[::-1]))
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "old.akn.xml", "new.akn.xml", "-o", "out.pdf", "-q"]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(
        r"redline: the PDF would run to about \d+ pages, more than the 20-page limit for a PDF"
        r" redline; write HTML \(-f html\), or compare smaller parts\n",
        err,
    ), err
    assert laid_out == []
    assert not (tmp_path / "out.pdf").exists()


def test_the_page_estimate_is_close() -> None:
    """The estimate of a 30-article redline is within a third of the pages it fills."""
    import io

    import pypdf

    from redline.comparison.engine import compare
    from redline.renderers import RenderOptions
    from redline.renderers.html.page import build_page
    from redline.renderers.pdf import estimate_pages, print_css, render_pdf

    nums = [f"Article {n}" for n in range(1, 31)]
    comparison = compare(read_akn(akn_articles(nums), "a"), read_akn(akn_articles(nums[::-1]), "b"))
    options = RenderOptions()
    estimate = estimate_pages(build_page(comparison, options, print_css(options), paged=True))
    pages = len(pypdf.PdfReader(io.BytesIO(render_pdf(comparison, options))).pages)
    assert pages * 2 / 3 <= estimate <= pages * 4 / 3, (estimate, pages)


def test_many_notes_are_endnotes_in_a_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint lays a page out again for each footnote on it: 2,000 notes took 110 s,
    10,000 more than 300 s. Past `MAX_FOOTNOTES` the notes are listed at the end."""
    import redline.renderers.pdf
    from redline.comparison.engine import compare
    from redline.renderers import RenderOptions

    pages: list[str] = []
    monkeypatch.setattr(
        redline.renderers.pdf, "_layout", lambda page, *_: pages.append(page) or _Doc()
    )
    few = akn_with_notes(redline.renderers.pdf.MAX_FOOTNOTES // 2)
    many = akn_with_notes(redline.renderers.pdf.MAX_FOOTNOTES + 1)
    for doc in (few, many):
        comparison = compare(read_akn(doc, "a"), read_akn(doc.replace(b"act,", b"cooperate,"), "b"))
        redline.renderers.pdf.lay_out(comparison, RenderOptions())
    assert 'class="rl-footnotes"' not in pages[0]
    assert 'class="rl-footnotes"' in pages[1]


class _Doc:
    """A laid-out document with no page, for tests that stop before WeasyPrint."""

    pages: tuple[object, ...] = ()
