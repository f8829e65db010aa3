"""Synthetic documents of any size, made from real text, for the speed benchmarks.

Sentences are taken from the bundled declaration drafts and a US bill and dealt out
into articles of numbered paragraphs (some with lettered points), so word
frequencies and unit lengths look like real legal text. `mutations.mutate` then
applies known edits to make the second version.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from redline.akn.naming import frbr_uris, make_eid
from redline.model import Document, Metadata, Unit
from redline.read.sources import load_document

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT / "versions" / "solidarity-2014.txt",
    ROOT / "versions" / "solidarity-revision-A.txt",
    ROOT / "tests" / "data" / "uslm" / "h264_eh.xml",
)


def sentences() -> list[str]:
    """Clauses of real legal text, cut at semicolons and full stops."""
    pieces: list[str] = []
    for path in SOURCES:
        if not path.exists():
            continue
        doc = load_document(str(path))
        for unit in doc.walk():
            if unit.text:
                pieces += [p.strip() for p in re.split(r"(?<=[;.])\s+", unit.text) if len(p) > 30]
    return pieces


def make_document(words: int, seed: int = 0, pool: list[str] | None = None) -> Document:
    """A document of about `words` words: articles of 1-5 paragraphs, some with points."""
    rng = random.Random(seed)
    pool = pool or sentences()
    total = 0
    articles = []
    number = 0
    while total < words:
        number += 1
        eid = make_eid("", "article", f"Article {number}")
        paragraphs = []
        for p in range(1, rng.randint(1, 5) + 1):
            text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
            total += len(text.split())
            paragraphs.append(Unit("paragraph", make_eid(eid, "paragraph", f"{p}."), f"{p}.",
                                   text=text))  # fmt: skip
        articles.append(Unit("article", eid, f"Article {number}", children=tuple(paragraphs)))
    work, expression, manifestation = frbr_uris("/akn/xx/bill/synthetic", "eng", "2020-01-01")
    meta = Metadata(f"Synthetic document of {words} words", work, expression, manifestation,
                    "2020-01-01", doc_name="bill")  # fmt: skip
    return Document(meta, (), (Unit("part", "part_1", children=tuple(articles)),))
