"""Shared hypothesis strategies: small documents and random edit scripts over them."""

from __future__ import annotations

from hypothesis import strategies as st

from redline.akn.naming import make_eid
from redline.model import Document, Metadata, Note, Unit

META = Metadata("Test", "/akn/xx/bill/t", "/akn/xx/bill/t/eng@2020-01-01",
                "/akn/xx/bill/t/eng@2020-01-01/!main", "2020-01-01")  # fmt: skip

WORDS = st.sampled_from(
    ["States", "shall", "cooperate", "solidarity", "rights", "peoples", "“quoted”", "–",
     "non-State", "development,", "equity;", "fair", "(a)", "2015", "Article"]
)  # fmt: skip


@st.composite
def texts(draw: st.DrawFn, min_words: int = 1, max_words: int = 14) -> str:
    """A text of words joined by spaces (sometimes non-breaking ones)."""
    words = draw(st.lists(WORDS, min_size=min_words, max_size=max_words))
    separators = draw(st.lists(st.sampled_from([" ", " ", " ", "\u00a0"]),
                               min_size=len(words), max_size=len(words)))  # fmt: skip
    return "".join(w + s for w, s in zip(words, separators, strict=True)).strip()


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document with recitals and articles of paragraphs, some with points and notes."""
    recitals = []
    for i in range(1, draw(st.integers(0, 4)) + 1):
        text = draw(texts())
        notes: tuple[Note, ...] = ()
        if draw(st.booleans()) and text:
            eid = make_eid("preamble__recs_1", "recital", counter=i)
            notes = (Note(f"{eid}__fnt_{i}", str(i), len(text), draw(texts())),)
        recitals.append(Unit("recital", make_eid("preamble__recs_1", "recital", counter=i),
                             text=text, notes=notes))  # fmt: skip
    articles = []
    for a in range(1, draw(st.integers(1, 5)) + 1):
        eid = make_eid("", "article", f"Article {a}")
        paragraphs = []
        for p in range(1, draw(st.integers(1, 4)) + 1):
            peid = make_eid(eid, "paragraph", f"{p}.")
            if draw(st.integers(0, 4)) == 0:
                leid = make_eid(peid, "list")
                points = tuple(
                    Unit("point", make_eid(leid, "point", f"({c})"), f"({c})", text=draw(texts()))
                    for c in "abc"[: draw(st.integers(1, 3))]
                )
                intro = Unit("intro", make_eid(leid, "intro"), text=draw(texts()))
                lst = Unit("list", leid, children=(intro, *points))
                paragraphs.append(Unit("paragraph", peid, f"{p}.", children=(lst,)))
            else:
                paragraphs.append(Unit("paragraph", peid, f"{p}.", text=draw(texts())))
        articles.append(Unit("article", eid, f"Article {a}", children=tuple(paragraphs)))
    preamble = (Unit("recitals", "preamble__recs_1", children=tuple(recitals)),) if recitals else ()
    return Document(META, preamble, (Unit("part", "part_1", children=tuple(articles)),))


@st.composite
def edited(draw: st.DrawFn, doc: Document) -> Document:
    """`doc` after a random edit script: word edits, moves, insertions and deletions of
    text units (numbers are left as they were: the engine must not care)."""
    edits = draw(st.integers(0, 6))

    def rewrite(unit: Unit) -> Unit | None:
        if unit.is_text:
            choice = draw(st.integers(0, 9))
            if choice == 0:
                return None
            if choice == 1:
                return Unit(unit.element, unit.eid, unit.num, unit.heading, draw(texts()))
            if choice == 2 and unit.text:
                words = unit.text.split(" ")
                words.insert(draw(st.integers(0, len(words))), draw(WORDS))
                return Unit(unit.element, unit.eid, unit.num, unit.heading, " ".join(words))
            return unit
        kids = tuple(k for k in (rewrite(c) for c in unit.children) if k is not None)
        if unit.element == "list" and not any(k.element == "point" for k in kids):
            return None
        if unit.element in ("paragraph", "article") and not kids:
            return None
        return Unit(unit.element, unit.eid, unit.num, unit.heading, unit.text, (), kids)

    new = doc
    for _ in range(edits):
        body = tuple(u for u in (rewrite(b) for b in new.body) if u is not None)
        preamble = tuple(u for u in (rewrite(p) for p in new.preamble) if u is not None)
        articles = list(body[0].children) if body else []
        if len(articles) > 1 and draw(st.booleans()):
            articles.insert(draw(st.integers(0, len(articles) - 1)), articles.pop())
        part = Unit("part", "part_1", children=tuple(articles))
        new = Document(doc.meta, preamble, (part,))
    return new


TWIN_TEXTS = ("[Repealed]", "This section applies to the whole Act.", "* * *", "")
"""Texts that real acts repeat word for word (a struck provision, a boilerplate line)."""


@st.composite
def twin_documents(draw: st.DrawFn) -> Document:
    """A document whose provisions repeat each other: sections drawn from a few texts,
    some with the very same subsections, nums and headings repeated too."""
    sections = []
    for s in range(1, draw(st.integers(1, 8)) + 1):
        eid = make_eid("", "section", f"{s}.")
        num = draw(st.sampled_from([f"{s}.", "1.", ""]))
        heading = draw(st.sampled_from(["", "Repealed", "Application"]))
        kids = []
        for k in range(1, draw(st.integers(0, 3)) + 1):
            text = draw(st.sampled_from(TWIN_TEXTS) | texts(max_words=3))
            kids.append(Unit("subsection", make_eid(eid, "subsection", f"({k})"), f"({k})",
                             text=text))  # fmt: skip
        if kids:
            sections.append(Unit("section", eid, num, heading, children=tuple(kids)))
        else:
            text = draw(st.sampled_from(TWIN_TEXTS))
            sections.append(Unit("section", eid, num, heading, text=text))
    return Document(META, (), (Unit("part", "part_1", children=tuple(sections)),))
