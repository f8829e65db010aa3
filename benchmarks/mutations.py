"""Edit scripts with known ground truth, applied to real documents.

A document is turned into a mutable outline (articles holding text units), random
edits are applied — renumbering by inserting an article, moves within and across
articles, splits, merges, insertions, deletions and word edits — and the new
document is rebuilt with fresh numbers and eIds. Every text unit carries the id of
the old unit(s) it derives from, so the true correspondence is known exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from redline.akn.naming import make_eid
from redline.comparison.moves import longest_increasing
from redline.model import Document, Unit

STRUCTURAL_NAMES = frozenset(
    {"part", "title", "division", "chapter", "subtitle", "subchapter", "subpart",
     "subdivision", "book", "hcontainer", "recitals"}
)  # fmt: skip
"""Containers of provisions (the alignment's structural containers)."""

FILLER = [
    "States",
    "shall",
    "cooperate",
    "in",
    "good",
    "faith",
    "to",
    "ensure",
    "the",
    "effective",
    "realization",
    "of",
    "the",
    "rights",
    "set",
    "forth",
    "in",
    "this",
    "declaration",
    "including",
    "through",
    "technical",
    "assistance",
    "capacity",
    "building",
    "and",
    "the",
    "exchange",
    "of",
    "information",
    "on",
    "good",
    "practices",
    "at",
    "all",
    "levels",
]


@dataclass(slots=True)
class Leaf:
    """A text unit of the outline: its text, and the old eIds it derives from."""

    text: str
    origin: tuple[str, ...]
    kind: str = "unchanged"


@dataclass(slots=True)
class Article:
    """An article of the outline: a heading and numbered paragraphs."""

    heading: str
    leaves: list[Leaf] = field(default_factory=list)
    fixed: Unit | None = None
    """An article with lists keeps its structure untouched; only its number changes."""


@dataclass(frozen=True, slots=True)
class Truth:
    """One true correspondence: old eIds, new eIds, and what happened."""

    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]


def outline(doc: Document) -> tuple[list[Leaf], list[Article]]:
    """Recitals and articles of `doc`, each article flattened to its text units."""
    recitals = [
        Leaf(u.text, (u.eid,)) for c in doc.preamble for u in c.walk() if u.element == "recital"
    ]
    articles = []
    for unit in doc.walk():
        if unit.element == "article":
            leaves = [Leaf(u.text, (u.eid,)) for u in unit.walk() if u.is_text and u.text]
            simple = all(c.element == "paragraph" and c.is_text for c in unit.children)
            articles.append(Article(unit.heading, leaves, None if simple else unit))
    return recitals, articles


def _edit_words(rng: random.Random, leaf: Leaf) -> None:
    words = leaf.text.split(" ")
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(words))
        action = rng.choice(("replace", "insert", "delete"))
        if action == "replace":
            words[position] = rng.choice(FILLER)
        elif action == "insert":
            words.insert(position, rng.choice(FILLER))
        elif len(words) > 4:
            del words[position]
    leaf.text = " ".join(words)
    if leaf.kind == "unchanged":
        leaf.kind = "modified"


def mutate(doc: Document, seed: int, edits: int = 8) -> tuple[Document, list[Truth]]:
    """Apply `edits` random edits to `doc`; return the new document and the truth."""
    rng = random.Random(seed)
    recitals, articles = outline(doc)
    deleted: list[str] = []
    merges: list[tuple[tuple[str, ...], Leaf]] = []
    for _ in range(edits):
        action = rng.choice(("words", "words", "renumber", "move", "move_recital", "split",
                             "merge", "insert", "delete"))  # fmt: skip
        editable = [a for a in articles if a.leaves and a.fixed is None]
        article = rng.choice(editable)
        if action == "words":
            _edit_words(rng, rng.choice(article.leaves))
        elif action == "renumber":
            text = " ".join(rng.choice(FILLER) for _ in range(15))
            articles.insert(
                rng.randrange(len(articles) + 1), Article("", [Leaf(text, (), "inserted")])
            )
        elif action == "move" and len(article.leaves) > 1:
            leaf = article.leaves.pop(rng.randrange(len(article.leaves)))
            if leaf.kind in ("unchanged", "modified"):
                leaf.kind = "moved"
            target = rng.choice([a for a in editable if a is not article] or [article])
            target.leaves.insert(rng.randrange(len(target.leaves) + 1), leaf)
        elif action == "move_recital" and len(recitals) > 2:
            leaf = recitals.pop(rng.randrange(len(recitals)))
            if leaf.kind in ("unchanged", "modified"):
                leaf.kind = "moved"
            recitals.insert(rng.randrange(len(recitals) + 1), leaf)
        elif action == "split":
            _split(rng, article)
        elif action == "merge" and len(article.leaves) > 1:
            i = rng.randrange(len(article.leaves) - 1)
            first, second = article.leaves[i], article.leaves[i + 1]
            if first.kind == second.kind == "unchanged" and first.origin and second.origin:
                merged = Leaf(f"{first.text} {second.text}", first.origin + second.origin, "merged")
                article.leaves[i : i + 2] = [merged]
                merges.append((merged.origin, merged))
        elif action == "insert":
            text = " ".join(rng.choice(FILLER) for _ in range(12))
            article.leaves.insert(
                rng.randrange(len(article.leaves) + 1), Leaf(text, (), "inserted")
            )
        elif action == "delete" and len(article.leaves) > 1:
            leaf = article.leaves.pop(rng.randrange(len(article.leaves)))
            deleted.extend(leaf.origin)
    new_doc = _rebuild(doc, recitals, articles)
    return new_doc, _truth(recitals, articles, new_doc, deleted)


def restructure(doc: Document, seed: int, edits: int = 6) -> tuple[Document, list[Truth]]:
    """Heavy restructuring: recitals and paragraphs replaced by unrelated texts at the
    same place (the old one deleted, the new one inserted), and articles merged across
    the document (the later article's paragraphs moved into the earlier one)."""
    rng = random.Random(seed)
    recitals, articles = outline(doc)
    # New texts drawn from the document's own words, as often as it uses them: they share
    # its common words with every provision, and little else with any one of them.
    pool = [
        w
        for leaf in [*recitals, *(x for a in articles for x in a.leaves)]
        for w in leaf.text.split()
    ]
    deleted: list[str] = []
    for _ in range(edits):
        action = rng.choice(("replace_recital", "replace_paragraph", "merge_articles"))
        editable = [a for a in articles if a.leaves and a.fixed is None]
        if action == "replace_recital" and recitals:
            i = rng.randrange(len(recitals))
            deleted.extend(recitals[i].origin)
            recitals[i] = Leaf(_unrelated(rng, pool), (), "inserted")
        elif action == "replace_paragraph" and editable:
            article = rng.choice(editable)
            i = rng.randrange(len(article.leaves))
            deleted.extend(article.leaves[i].origin)
            article.leaves[i] = Leaf(_unrelated(rng, pool), (), "inserted")
        elif action == "merge_articles" and len(editable) > 3:
            first, second = sorted(rng.sample(range(len(editable)), 2))
            if second - first < 2:
                continue
            target, source = editable[first], editable[second]
            for leaf in source.leaves:
                if leaf.kind in ("unchanged", "modified"):
                    leaf.kind = "moved"
            target.leaves.extend(source.leaves)
            articles.remove(source)
    new_doc = _rebuild(doc, recitals, articles)
    return new_doc, _truth(recitals, articles, new_doc, deleted)


def _unrelated(rng: random.Random, pool: list[str]) -> str:
    return " ".join(rng.choice(pool) for _ in range(rng.randint(14, 30)))


def _split(rng: random.Random, article: Article) -> None:
    candidates = [i for i, leaf in enumerate(article.leaves)
                  if leaf.kind == "unchanged" and len(leaf.text.split()) >= 24]  # fmt: skip
    if not candidates:
        return
    i = rng.choice(candidates)
    leaf = article.leaves[i]
    words = leaf.text.split(" ")
    cut = len(words) // 2
    first = Leaf(" ".join(words[:cut]), leaf.origin, "split")
    second = Leaf(" ".join(words[cut:]), leaf.origin, "split")
    article.leaves[i : i + 1] = [first, second]


def _rebuild(doc: Document, recitals: list[Leaf], articles: list[Article]) -> Document:
    """The new document: recitals and articles numbered afresh, one paragraph per leaf."""
    recs_eid = "preamble__recs_1"
    recital_units = tuple(
        Unit("recital", make_eid(recs_eid, "recital", counter=i), text=leaf.text)
        for i, leaf in enumerate(recitals, start=1)
    )
    article_units = []
    for number, article in enumerate(articles, start=1):
        eid = make_eid("", "article", f"Article {number}")
        if article.fixed is not None:
            article_units.append(_renumbered(article.fixed, eid, f"Article {number}"))
            continue
        paragraphs = tuple(
            Unit("paragraph", make_eid(eid, "paragraph", f"{i}."), f"{i}.", text=leaf.text)
            for i, leaf in enumerate(article.leaves, start=1)
        )
        article_units.append(Unit("article", eid, f"Article {number}", article.heading,
                                  children=paragraphs))  # fmt: skip
    preamble = (Unit("recitals", recs_eid, children=recital_units),)
    body = (Unit("part", "part_1", children=tuple(article_units)),)
    return Document(doc.meta, preamble, body)


def _renumbered(unit: Unit, eid: str, num: str) -> Unit:
    """`unit` with a new number, its eIds re-prefixed."""
    old_prefix = unit.eid

    def rename(u: Unit) -> Unit:
        new_eid = eid + u.eid[len(old_prefix) :]
        return Unit(u.element, new_eid, u.num, u.heading, u.text, u.notes,
                    tuple(rename(c) for c in u.children), u.attrs)  # fmt: skip

    return replace(rename(unit), num=num)


def _truth(
    recitals: list[Leaf], articles: list[Article], new_doc: Document, deleted: list[str]
) -> list[Truth]:
    leaves = [*recitals, *(leaf for a in articles for leaf in a.leaves)]
    new_eids = [u.eid for u in new_doc.walk() if u.is_text and u.text]
    by_origin: dict[tuple[str, ...], list[str]] = {}
    truth: list[Truth] = []
    for leaf, eid in zip(leaves, new_eids, strict=True):
        if leaf.kind == "split":
            by_origin.setdefault(leaf.origin, []).append(eid)
        elif leaf.kind == "inserted":
            truth.append(Truth("inserted", (), (eid,)))
        else:
            truth.append(Truth(leaf.kind, leaf.origin, (eid,)))
    truth += [Truth("split", origin, tuple(eids)) for origin, eids in by_origin.items()]
    truth += [Truth("deleted", (eid,), ()) for eid in deleted]
    return truth


def mutate_provisions(doc: Document, seed: int, edits: int = 8) -> tuple[Document, list[Truth]]:
    """Edits at the level of top-level provisions, for documents of any shape (bills):
    word edits, inserted, deleted and moved sections, then renumbering in order, the
    k-th provision of a container taking the k-th number the container had."""
    rng = random.Random(seed)
    groups: dict[str, list[Unit | None]] = {}
    for unit in doc.walk():
        if unit.element in STRUCTURAL_NAMES:
            provisions = [c for c in unit.children if c.element not in STRUCTURAL_NAMES]
            if len(provisions) >= 2:
                groups[unit.eid] = list(provisions)
    if not groups:
        return doc, [
            Truth("unchanged", (u.eid,), (u.eid,)) for u in doc.walk() if u.is_text and u.text
        ]
    edited: dict[str, str] = {}
    deleted: list[str] = []
    fresh = 0
    for _ in range(edits):
        key = rng.choice(sorted(groups))
        group = groups[key]
        kept = [i for i, u in enumerate(group) if u is not None]
        action = rng.choice(("words", "words", "insert", "delete", "move"))
        if action == "words":
            leaves = [u for i in kept for u in group[i].walk() if u.is_text and u.text]  # type: ignore[union-attr]
            if leaves:
                leaf = rng.choice(leaves)
                box = Leaf(edited.get(leaf.eid, leaf.text), (leaf.eid,))
                _edit_words(rng, box)
                edited[leaf.eid] = box.text
        elif action == "insert":
            fresh += 1
            text = " ".join(rng.choice(FILLER) for _ in range(14))
            new = Unit("section", f"new_{fresh}", "", "Inserted provision", text)
            group.insert(rng.randrange(len(group) + 1), new)
        elif action == "delete" and len(kept) > 2:
            index = rng.choice(kept)
            gone = group.pop(index)
            assert gone is not None
            deleted += [u.eid for u in gone.walk() if u.is_text and u.text]
        elif action == "move" and len(kept) > 2:
            moving = group.pop(rng.choice(kept))
            group.insert(rng.randrange(len(group) + 1), moving)
    return _rebuild_groups(doc, groups, edited, deleted)


def _rebuild_groups(
    doc: Document, groups: dict[str, list[Unit | None]], edited: dict[str, str], deleted: list[str]
) -> tuple[Document, list[Truth]]:
    truth: list[Truth] = [Truth("deleted", (eid,), ()) for eid in deleted]
    originals = {u.eid: list(u.children) for u in doc.walk() if u.eid in groups}

    def renamed(
        unit: Unit, old_prefix: str, new_prefix: str, fresh: bool, moved: bool = False
    ) -> Unit:
        eid = new_prefix + unit.eid[len(old_prefix) :]
        kids = tuple(renamed(c, old_prefix, new_prefix, fresh) for c in unit.children)
        text = edited.get(unit.eid, unit.text)
        if unit.is_text and unit.text:
            if fresh:
                truth.append(Truth("inserted", (), (eid,)))
            else:
                kind = "moved" if moved else "modified" if unit.eid in edited else "unchanged"
                truth.append(Truth(kind, (unit.eid,), (eid,)))
        notes = () if fresh else unit.notes
        return Unit(unit.element, eid, unit.num, unit.heading, text, notes, kids, unit.attrs)

    def rebuild(unit: Unit) -> Unit:
        if unit.eid not in groups:
            if unit.is_text and unit.text:
                return renamed(unit, unit.eid, unit.eid, False)
            return replace(unit, children=tuple(rebuild(c) for c in unit.children))
        nums = [c.num for c in originals[unit.eid] if c.element not in STRUCTURAL_NAMES]
        provisions = [u for u in groups[unit.eid] if u is not None]
        order = {u.eid: i for i, u in enumerate(originals[unit.eid])}
        kept_order = [order[u.eid] for u in provisions if u.eid in order]
        in_order = set(longest_increasing(kept_order))
        children: list[Unit] = []
        position = 0
        for child in unit.children:
            if child.element in STRUCTURAL_NAMES:
                children.append(rebuild(child))
                continue
            if position == 0:
                for k, provision in enumerate(provisions):
                    num = nums[k] if k < len(nums) else f"SEC. {9000 + k}."
                    eid = make_eid(unit.eid, provision.element, num, counter=k + 1)
                    fresh = provision.eid.startswith("new_")
                    out_of_order = not fresh and order[provision.eid] not in in_order
                    new_unit = renamed(provision, provision.eid, eid, fresh, out_of_order)
                    children.append(replace(new_unit, num=num))
            position += 1
        return replace(unit, children=tuple(children))

    preamble = tuple(rebuild(u) for u in doc.preamble)
    body = tuple(rebuild(u) for u in doc.body)
    return Document(doc.meta, preamble, body), truth
