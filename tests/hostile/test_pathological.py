"""Pathological inputs under the size limit cost near-linear work, counted not timed.

Each test counts the operation that grew quadratically (probes for a free eId, note
pairs scored) on an input large enough to tell n from n², so the tests are exact on
a loaded machine. The wall-clock figures are in the benchmark
(``benchmarks/speed.py --pathological``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container
from typing import Any

import pytest

import redline.akn.read
import redline.read.text.structure
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
    count = counting(monkeypatch, redline.akn.read)
    doc = read_akn(akn_articles(["Article 1"] * REPEATS), "many.akn.xml")
    eids = [unit.eid for unit in doc.body]
    assert eids[:3] == ["art_1", "art_1-2", "art_1-3"]
    assert len(set(eids)) == REPEATS
    assert count[0] <= 3 * REPEATS


def test_text_import_of_a_repeated_label_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Article 1' repeated 40,000 times took 81 s to import: quadratic."""
    count = counting(monkeypatch, redline.read.text.structure)
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
