"""A small hand-built comparison shaped like the declaration, for the renderer tests.

It holds every kind of change the renderers must show: word edits, renumbering,
a moved recital and a moved paragraph (with edits), inserted and deleted articles, an
inserted list point, renumbered, inserted and deleted footnotes, and draft text that
looks like markup. The two `Document`s are built alongside so tests can check that the
redline keeps every word of both versions.
"""

from __future__ import annotations

import difflib
import re

import redline
from redline.changes import (
    PART_SEPARATOR,
    Change,
    ChangeKind,
    CompareOptions,
    Comparison,
    Node,
    Op,
    Place,
    Side,
    WordOp,
)
from redline.model import Document, Metadata, Note, Unit

HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


def word_ops(old: str, new: str) -> tuple[WordOp, ...]:
    """Word operations between two texts (tokens keep their trailing spaces)."""
    a, b = re.findall(r"\S+\s*|\s+", old), re.findall(r"\S+\s*|\s+", new)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            ops.append(WordOp(Op.EQUAL, left, right))
            continue
        if left:
            ops.append(WordOp(Op.DELETE, left, ""))
        if right:
            ops.append(WordOp(Op.INSERT, "", right))
    return tuple(ops)


def side(unit: Unit, label: str, top: str) -> Side:
    return Side(unit.eid, unit.element, unit.num, label, unit.heading, unit.text, top)


def note_side(note: Note, top: str) -> Side:
    return Side(
        note.eid,
        "authorialNote",
        note.marker,
        f"note {note.marker}",
        "",
        note.text,
        top,
        note.offset,
    )


def change(
    kind: ChangeKind,
    old: Unit | None,
    new: Unit | None,
    labels: tuple[str, str],
    moved: bool = False,
) -> Change:
    old_side = (side(old, labels[0], old.eid),) if old else ()
    new_side = (side(new, labels[1], new.eid),) if new else ()
    old_text, new_text = (old.text if old else ""), (new.text if new else "")
    old_heading, new_heading = (old.heading if old else ""), (new.heading if new else "")
    return Change(
        kind,
        (new or old).element,
        old_side,
        new_side,  # type: ignore[union-attr]
        1.0 if old_text == new_text else 0.8,
        word_ops(old_text, new_text),
        word_ops(old_heading, new_heading) if old_heading or new_heading else (),
        text_changed=old_text != new_text,
        num_changed=bool(old and new and old.num != new.num),
        moved=moved,
    )


def note_node(kind: ChangeKind, old: Note | None, new: Note | None) -> Node:
    sides = ((note_side(old, ""),) if old else (), (note_side(new, ""),) if new else ())
    ops = word_ops(old.text if old else "", new.text if new else "")
    return Node(
        Change(
            kind,
            "authorialNote",
            sides[0],
            sides[1],
            1.0,
            ops,
            text_changed=bool(old and new and old.text != new.text),
            num_changed=bool(old and new and old.marker != new.marker),
        ),
        Place.HERE,
    )


def node(
    kind: ChangeKind,
    old: Unit | None,
    new: Unit | None,
    labels: tuple[str, str] = ("", ""),
    children: tuple[Node, ...] = (),
    place: Place = Place.HERE,
    moved: bool = False,
) -> Node:
    return Node(change(kind, old, new, labels, moved), place, children)


def meta(title: str, date: str, label: str) -> Metadata:
    work = "/akn/un/bill/2014/solidarity"
    expression = f"{work}/eng@{date}"
    return Metadata(title, work, expression, f"{expression}/!main", date, label)


def recitals() -> tuple[tuple[Unit, Unit], list[Node]]:
    """Old 1 2 3 -> new 1, 3 (moved, edited), 2, NEW; footnotes renumbered."""
    r1 = Unit(
        "recital", "preamble__recs_1__rec_1", text="Recalling the Charter of the United Nations,"
    )
    r2_text = "Considering that States cooperate in development forums,"
    r2o = Unit(
        "recital",
        "preamble__recs_1__rec_2",
        text=r2_text,
        notes=(Note("preamble__recs_1__rec_2__fnt_1", "1", len(r2_text) - 1, "A/RES/55/2."),),
    )
    r2n = Unit(
        "recital",
        "preamble__recs_1__rec_3",
        text=r2_text,
        notes=(Note("preamble__recs_1__rec_3__fnt_2", "2", len(r2_text) - 1, "A/RES/55/2."),),
    )
    r3o_text = f"Reiterating the commitment {HOSTILE} of States,"
    r3n_text = f"Reiterating further the commitment {HOSTILE} of all States,"
    n3o = Note(
        "preamble__recs_1__rec_3__fnt_2",
        "2",
        len(r3o_text),
        "See javascript:alert(1) and the Millennium Declaration.",
    )
    n3n = Note(
        "preamble__recs_1__rec_2__fnt_1",
        "1",
        len(r3n_text),
        "See javascript:alert(1) and the United Nations Millennium Declaration.",
    )
    r3o = Unit("recital", "preamble__recs_1__rec_3", text=r3o_text, notes=(n3o,))
    r3n = Unit("recital", "preamble__recs_1__rec_2", text=r3n_text, notes=(n3n,))
    r4 = Unit("recital", "preamble__recs_1__rec_4", text="Affirming that peace & security matter,")
    old = Unit(
        "recitals",
        "preamble__recs_1",
        num="I.",
        heading="Preambular Paragraphs",
        children=(r1, r2o, r3o),
    )
    new = Unit(
        "recitals",
        "preamble__recs_1",
        num="I.",
        heading="Preambular Paragraphs",
        children=(r1, r3n, r2n, r4),
    )
    rec = ("Preamble, recital {}").format
    moved_notes = (note_node(ChangeKind.MODIFIED, n3o, n3n),)
    nodes = [
        node(ChangeKind.UNCHANGED, r1, r1, (rec(1), rec(1))),
        node(ChangeKind.MOVED, r3o, r3n, (rec(3), rec(2)), moved_notes, Place.MOVED_TO, True),
        node(
            ChangeKind.UNCHANGED,
            r2o,
            r2n,
            (rec(2), rec(3)),
            (note_node(ChangeKind.RENUMBERED, r2o.notes[0], r2n.notes[0]),),
        ),
        node(ChangeKind.MOVED, r3o, r3n, (rec(3), rec(2)), moved_notes, Place.MOVED_FROM, True),
        node(ChangeKind.INSERTED, None, r4, ("", rec(4))),
    ]
    return (old, new), nodes


def articles() -> tuple[tuple[Unit, Unit], list[Node]]:
    """Art 1 edited, NEW art 2, art 2->3 renumbered, 3->4 para moved out, 4->5, art 5 deleted."""
    p11o = Unit(
        "paragraph",
        "art_1__para_1",
        "1.",
        text="International solidarity is the union of interests.",
    )
    p11n = Unit(
        "paragraph",
        "art_1__para_1",
        "1.",
        text="International solidarity is the union of interests, purposes and actions.",
    )
    p12 = Unit("paragraph", "art_1__para_2", "2.", text="It is a right.")
    a1o = Unit("article", "art_1", "Article 1", children=(p11o, p12))
    a1n = Unit("article", "art_1", "Article 1", children=(p11n, p12))
    c2n = Unit("content", "art_2__content", text="States shall act in reactive solidarity.")
    a2n = Unit("article", "art_2", "Article 2", heading="Reactive solidarity", children=(c2n,))
    c2o = Unit("content", "art_2__content", text="States shall cooperate fully.")
    c3n = Unit("content", "art_3__content", text="States shall cooperate fully.")
    a2o = Unit("article", "art_2", "Article 2", children=(c2o,))
    a3n = Unit("article", "art_3", "Article 3", children=(c3n,))
    p31o = Unit("paragraph", "art_3__para_1", "1.", text="The duty of cooperation rests on States.")
    p41n = Unit(
        "paragraph", "art_4__para_1", "1.", text="The duty of cooperation rests on all States."
    )
    p32o = Unit(
        "paragraph",
        "art_3__para_2",
        "2.",
        text="The duty of international cooperation rests on the States.",
    )
    p52n = Unit(
        "paragraph",
        "art_5__para_2",
        "2.",
        text="The duty of international cooperation rests on all the States.",
    )
    a3o = Unit("article", "art_3", "Article 3", children=(p31o, p32o))
    a4n = Unit("article", "art_4", "Article 4", children=(p41n,))
    intro_o = Unit("intro", "art_4__para_1__list_1__intro", text="The right encompasses:")
    intro_n = Unit("intro", "art_5__para_1__list_1__intro", text="The right encompasses:")
    pa_o = Unit("point", "art_4__para_1__list_1__point_a", "(a)", text="peace;")
    pa_n = Unit("point", "art_5__para_1__list_1__point_a", "(a)", text="peace;")
    pb_n = Unit("point", "art_5__para_1__list_1__point_b", "(b)", text="security;")
    pb_o = Unit("point", "art_4__para_1__list_1__point_b", "(b)", text="development.")
    pc_n = Unit("point", "art_5__para_1__list_1__point_c", "(c)", text="development.")
    l4o = Unit("list", "art_4__para_1__list_1", children=(intro_o, pa_o, pb_o))
    l5n = Unit("list", "art_5__para_1__list_1", children=(intro_n, pa_n, pb_n, pc_n))
    p41o = Unit("paragraph", "art_4__para_1", "1.", children=(l4o,))
    p51n = Unit("paragraph", "art_5__para_1", "1.", children=(l5n,))
    a4o = Unit("article", "art_4", "Article 4", children=(p41o,))
    a5n = Unit("article", "art_5", "Article 5", children=(p51n, p52n))
    c5o = Unit(
        "content", "art_5__content", text="This article, see http://example.org, is deleted."
    )
    a5o = Unit("article", "art_5", "Article 5", children=(c5o,))
    more_o, more_n, more_nodes = splits_and_merges()
    part_o = Unit(
        "part",
        "part_II",
        "II.",
        "Preliminary Operational Paragraphs",
        children=(a1o, a2o, a3o, a4o, a5o, *more_o),
    )
    part_n = Unit(
        "part",
        "part_II",
        "II.",
        "Operational Paragraphs",
        children=(a1n, a2n, a3n, a4n, a5n, *more_n),
    )
    K = ChangeKind
    moved = ("Article 3(2)", "Article 5(2)")
    nodes = [
        node(
            K.MODIFIED,
            part_o,
            part_n,
            ("Part II", "Part II"),
            children=(
                node(
                    K.MODIFIED,
                    a1o,
                    a1n,
                    ("Article 1", "Article 1"),
                    children=(
                        node(K.MODIFIED, p11o, p11n, ("Article 1(1)", "Article 1(1)")),
                        node(K.UNCHANGED, p12, p12, ("Article 1(2)", "Article 1(2)")),
                    ),
                ),
                node(
                    K.INSERTED,
                    None,
                    a2n,
                    ("", "Article 2"),
                    children=(node(K.INSERTED, None, c2n, ("", "Article 2")),),
                ),
                node(
                    K.RENUMBERED,
                    a2o,
                    a3n,
                    ("Article 2", "Article 3"),
                    children=(node(K.UNCHANGED, c2o, c3n, ("Article 2", "Article 3")),),
                ),
                node(
                    K.MODIFIED,
                    a3o,
                    a4n,
                    ("Article 3", "Article 4"),
                    children=(
                        node(K.MODIFIED, p31o, p41n, ("Article 3(1)", "Article 4(1)")),
                        node(K.MOVED, p32o, p52n, moved, place=Place.MOVED_FROM, moved=True),
                    ),
                ),
                node(
                    K.RENUMBERED,
                    a4o,
                    a5n,
                    ("Article 4", "Article 5"),
                    children=(
                        node(
                            K.UNCHANGED,
                            p41o,
                            p51n,
                            ("Article 4(1)", "Article 5(1)"),
                            children=(
                                node(
                                    K.UNCHANGED,
                                    l4o,
                                    l5n,
                                    ("Article 4(1)", "Article 5(1)"),
                                    children=(
                                        node(
                                            K.UNCHANGED,
                                            intro_o,
                                            intro_n,
                                            ("Article 4(1)", "Article 5(1)"),
                                        ),
                                        node(
                                            K.UNCHANGED,
                                            pa_o,
                                            pa_n,
                                            ("Article 4(1)(a)", "Article 5(1)(a)"),
                                        ),
                                        node(K.INSERTED, None, pb_n, ("", "Article 5(1)(b)")),
                                        node(
                                            K.RENUMBERED,
                                            pb_o,
                                            pc_n,
                                            ("Article 4(1)(b)", "Article 5(1)(c)"),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                        node(K.MOVED, p32o, p52n, moved, place=Place.MOVED_TO, moved=True),
                    ),
                ),
                node(
                    K.DELETED,
                    a5o,
                    None,
                    ("Article 5", ""),
                    children=(node(K.DELETED, c5o, None, ("Article 5", "")),),
                ),
                *more_nodes,
            ),
        )
    ]
    return (part_o, part_n), nodes


def group(kind: ChangeKind, olds: tuple[Unit, ...], news: tuple[Unit, ...]) -> Change:
    """A split or merge: the texts of each side joined with `PART_SEPARATOR`."""
    old_text = PART_SEPARATOR.join(unit.text for unit in olds)
    new_text = PART_SEPARATOR.join(unit.text for unit in news)
    old_sides = tuple(side(u, f"Article {u.eid[4]}({u.num[0]})", u.eid[:5]) for u in olds)
    new_sides = tuple(side(u, f"Article {u.eid[4]}({u.num[0]})", u.eid[:5]) for u in news)
    return Change(
        kind,
        news[0].element,
        old_sides,
        new_sides,
        0.8,
        word_ops(old_text, new_text),
        text_changed=True,
        moved=False,
    )


def splits_and_merges() -> tuple[tuple[Unit, ...], tuple[Unit, ...], tuple[Node, ...]]:
    """Article 6's paragraph split in two; Article 7's two paragraphs merged into one.

    Both carry footnotes: the split's two notes hang under its first piece, as the
    comparison hangs them, though the second belongs to the second piece.
    """
    text61 = "States shall cooperate. They shall also assist."
    n3o = Note("art_6__para_1__fnt_3", "3", 23, "See the Charter.")
    n4o = Note("art_6__para_1__fnt_4", "4", len(text61), "See the Declaration.")
    p61o = Unit("paragraph", "art_6__para_1", "1.", text=text61, notes=(n3o, n4o))
    n3n = Note("art_6__para_1__fnt_3", "3", 23, "See the Charter.")
    p61n = Unit("paragraph", "art_6__para_1", "1.", text="States shall cooperate.", notes=(n3n,))
    text62 = "They shall also assist each other."
    n4n = Note("art_6__para_2__fnt_4", "4", len(text62), "See the 1986 Declaration.")
    p62n = Unit("paragraph", "art_6__para_2", "2.", text=text62, notes=(n4n,))
    p71o = Unit("paragraph", "art_7__para_1", "1.", text="Peace matters.")
    text72 = "Security matters too."
    n5o = Note("art_7__para_2__fnt_5", "5", len(text72), "Resolution 1.")
    p72o = Unit("paragraph", "art_7__para_2", "2.", text=text72, notes=(n5o,))
    text71 = "Peace and security matter."
    n5n = Note("art_7__para_1__fnt_5", "5", len(text71), "Resolution 1.")
    p71n = Unit("paragraph", "art_7__para_1", "1.", text=text71, notes=(n5n,))
    a6o = Unit("article", "art_6", "Article 6", children=(p61o,))
    a6n = Unit("article", "art_6", "Article 6", children=(p61n, p62n))
    a7o = Unit("article", "art_7", "Article 7", children=(p71o, p72o))
    a7n = Unit("article", "art_7", "Article 7", children=(p71n,))
    split = group(ChangeKind.SPLIT, (p61o,), (p61n, p62n))
    merge = group(ChangeKind.MERGED, (p71o, p72o), (p71n,))
    split_notes = (
        note_node(ChangeKind.UNCHANGED, n3o, n3n),
        note_node(ChangeKind.MODIFIED, n4o, n4n),
    )
    nodes = (
        node(
            ChangeKind.MODIFIED,
            a6o,
            a6n,
            ("Article 6", "Article 6"),
            children=(Node(split, Place.HERE, split_notes, 0), Node(split, Place.HERE, (), 1)),
        ),
        node(
            ChangeKind.MODIFIED,
            a7o,
            a7n,
            ("Article 7", "Article 7"),
            children=(Node(merge, Place.HERE, (note_node(ChangeKind.UNCHANGED, n5o, n5n),)),),
        ),
    )
    return (a6o, a7o), (a6n, a7n), nodes


def all_changes(nodes: tuple[Node, ...]) -> list[Change]:
    seen: list[Change] = []
    for item in nodes:
        if item.place is not Place.MOVED_FROM:
            seen.append(item.change)
        seen.extend(all_changes(item.children))
    return seen


def build() -> tuple[Document, Document, Comparison]:
    """The old document, the new document and their comparison."""
    (recs_o, recs_n), rec_nodes = recitals()
    (part_o, part_n), art_nodes = articles()
    old_meta = meta(
        "Preliminary text of a draft declaration on solidarity", "2014-04-25", "preliminary text"
    )
    new_meta = meta("Draft declaration on solidarity (revised)", "2016-05-01", "revision A")
    old = Document(old_meta, (recs_o,), (part_o,))
    new = Document(new_meta, (recs_n,), (part_n,))
    recitals_node = node(
        ChangeKind.MODIFIED, recs_o, recs_n, ("Preamble", "Preamble"), children=tuple(rec_nodes)
    )
    tree = (recitals_node, *art_nodes)
    changes = tuple(all_changes(tree))
    top = tuple(c for c in changes if c.element in ("recital", "article"))
    comparison = Comparison(old_meta, new_meta, CompareOptions(), changes, top, tree)
    return old, new, comparison


def one_article(text: str, date: str) -> Document:
    """A version whose one provision, Article 1, says `text`."""
    article = Unit("article", "art_1", num="Article 1", text=text)
    meta = Metadata("Act", "/akn/xx/act/1", "", "", date)
    return Document(meta, body=(article,))


def text_redline(old: str, new: str) -> str:
    """The text redline of Article 1 saying `old`, then `new`."""
    comparison = redline.compare(one_article(old, "2020-01-01"), one_article(new, "2021-01-01"))
    return redline.render(comparison, "text").decode("utf-8")
