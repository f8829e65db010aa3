"""How every renderer names a change: the one labelling rule of the render stage.

A provision is named by its number in the version it is shown in, and the other
version's number is always marked as such: ``Article 4 (old Article 3): renumbered``;
at the old place of a move ``moved, now Article 11(3)``; at the new place ``moved from
old Article 8(2) (old Article 8 is now Article 9)``, saying where the old containing
provision now stands when it was renumbered, so old and new numbering never mix
unmarked. The text, Markdown, HTML, PDF outputs and the CI summary all take their
wording from here; JSON carries the two labels as separate fields instead.
Guarantees: every string returned is one line with no control character
(`redline.printable.one_line`), whatever the labels hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from redline.changes import Change, ChangeKind, Place, Side
from redline.comparison.places import ordinal
from redline.printable import one_line

Renamed = Mapping[str, tuple[str, str]]
"""Old eId -> (its label in the old version, the label of what it became in the new)."""


def renamed(changes: Iterable[Change]) -> dict[str, tuple[str, str]]:
    """Where each old unit now stands, from the changes of one comparison: what
    `moved_here` needs to say where a moved unit's old container went."""
    found: dict[str, tuple[str, str]] = {}
    for change in changes:
        if len(change.old) == 1 and change.new:
            found[change.old[0].eid] = (change.old[0].label, _joined(change.new))
    return found


def _joined(sides: tuple[Side, ...], word: str = " + ") -> str:
    return word.join(side.label for side in sides)


def old(label: str) -> str:
    """`label` marked as the old version's: ``old Article 3``; in the preamble the word
    goes to the recital (``Preamble, old recital beginning 'Recalling…'``).

    >>> old("Article 8(2)"), old("Preamble, paragraph 5"), old("Recital (12)")
    ('old Article 8(2)', 'Preamble, old paragraph 5', 'old recital (12)')
    """
    if label.startswith("Recital "):
        return f"old recital {label.removeprefix('Recital ')}"
    region, comma, rest = label.partition(", ")
    if region == "Preamble" and comma:
        return f"Preamble, old {rest}"
    return f"old {label}"


def _old(side: Side, now: Renamed | None) -> str:
    """``old Article 8(2) (old Article 8 is now Article 9)``: an old label, with where
    its top-level provision now stands when that was renumbered."""
    words = old(side.label)
    if now and side.top and side.top != side.eid and side.top in now:
        was, became = now[side.top]
        if was != became:
            words += f" ({old(was)} is now {became})"
    return words


def _olds(sides: tuple[Side, ...], now: Renamed | None) -> str:
    return " and ".join(_old(side, now) for side in sides)


def note(
    change: Change, place: Place = Place.HERE, part: int = -1, now: Renamed | None = None
) -> str:
    """The editorial note beside a node ("moved, now Article 11(3)"), or "".

    `place` is where the node stands in reading order and `part` which new unit of a
    split it shows (-1 for all). A move that kept its label (a recital named by its
    opening words) is "moved away" at its old place and "moved here" at its new one.

    >>> old = Side("art_8__para_2", "paragraph", "2", "Article 8(2)", "", "", "art_8")
    >>> new = Side("art_11__para_3", "paragraph", "3", "Article 11(3)", "", "", "art_11")
    >>> moved = Change(ChangeKind.MOVED, "paragraph", (old,), (new,), 1.0, ())
    >>> note(moved, Place.MOVED_FROM)
    'moved, now Article 11(3)'
    >>> note(moved, Place.MOVED_TO, now={"art_8": ("Article 8", "Article 9")})
    'moved from old Article 8(2) (old Article 8 is now Article 9)'
    """
    olds, news = change.old, change.new
    same = _joined(olds) == _joined(news)  # a recital named by its unchanged opening words
    if place is Place.MOVED_FROM and news:
        shown = (news[part],) if 0 <= part < len(news) else news
        if same:
            return "moved away" + _position(news, "now")
        return one_line(f"moved, now {_joined(shown, ' and ')}")
    if not olds or not news:
        return ""
    if change.kind is ChangeKind.SPLIT:
        return one_line(f"split from {_old(olds[0], now)}")
    if change.kind is ChangeKind.MERGED:
        return one_line(f"merged from {_olds(olds, now)}")
    if place is Place.MOVED_TO or change.kind is ChangeKind.MOVED:
        if same:
            return "moved here" + _position(olds, "formerly")
        return one_line(f"moved from {_olds(olds, now)}")
    return ""


def _position(sides: tuple[Side, ...], words: str) -> str:
    """Where a unit that kept its label stands: a recital named by its opening words by
    its place, from its eId as AKN names an unnumbered recital (``…rec_5``); a point or
    paragraph by the provision it stays in (its label without its last part); else "".

    >>> _position((Side("preamble__recs_1__rec_5", "recital", "", "", "", "", ""),), "now")
    ' (now the 5th recital)'
    >>> _position((Side("x", "point", "(c)", "Article 3(2)(c)", "", "", "art_3"),), "now")
    ' (now elsewhere in Article 3(2))'
    """
    if len(sides) != 1:
        return ""
    side = sides[0]
    if side.element == "recital":
        kind, _, number = side.eid.rpartition("__")[2].partition("_")
        return (
            f" ({words} the {ordinal(number)} recital)"
            if kind == "rec" and number.isdigit()
            else ""
        )
    within = _WITHIN.match(side.label)
    return one_line(f" ({words} elsewhere in {within[1]})") if within else ""


_WITHIN = re.compile(r"(.+?\S)(?:\([^()\s]+\)|, (?:point \(\w+\)|\w+ subparagraph|\w+ indent))$")
"""A label and the provision it is part of: ``Article 3(2)(c)`` of ``Article 3(2)``,
``Article 3(8), second subparagraph`` of ``Article 3(8)``."""


def where(change: Change) -> str:
    """The provision as the new version names it, with its old label when that differs
    (``Article 4 (old Article 3)``); a deleted one by its old label (``old Article 3``).

    >>> side = Side("art_3", "article", "Article 3", "Article 3", "", "", "art_3")
    >>> where(Change(ChangeKind.DELETED, "article", (side,), (), 0.0, ()))
    'old Article 3'
    """
    was, new = _joined(change.old), _joined(change.new)
    if not change.new:
        return one_line(old(was))
    if not change.old or was == new:
        return one_line(new)
    region, comma, rest = was.partition(", ")
    if region == "Preamble" and comma and new.startswith("Preamble, ") and " + " not in was:
        return one_line(f"{new} (old {rest})")  # Preamble, recital 2 (old recital 3)
    return one_line(f"{new} ({old(was)})")


def title(change: Change, place: Place = Place.HERE, now: Renamed | None = None) -> str:
    """A change on one line: ``Article 4 (old Article 3): renumbered``, ``old Article
    8(2): moved, now Article 11(3)``, ``Article 11(3): moved from old Article 8(2)``."""
    if place is Place.MOVED_FROM and change.new:
        return f"{one_line(old(_joined(change.old)))}: {note(change, place)}"
    detail = note(change, place, now=now)
    if detail:
        return f"{one_line(_joined(change.new))}: {detail}"
    return f"{where(change)}: {change.kind.value}"


def relabelled(change: Change) -> str:
    """``old Article 5(i) (2nd) → Article 6(m)``: a unit that only changed its label."""
    return one_line(f"{old(_joined(change.old))} → {_joined(change.new)}")


#: The longest title a PDF running header prints (two lines of its half page at 7pt,
#: with the version's name); a longer one is cut at a word, the full one stays on page 1.
RUNNING_TITLE = 90


def running_title(title: str, limit: int = RUNNING_TITLE) -> str:
    """`title` short enough for a running header: cut at the last word that fits, with
    an ellipsis.

    >>> running_title("To amend the Public Health Service Act to enhance activities", 30)
    'To amend the Public Health…'
    >>> running_title("Laken Riley Act", 30)
    'Laken Riley Act'
    """
    title = one_line(" ".join(title.split()))
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0] if " " in title[: limit - 1] else title[: limit - 1]
    return cut.rstrip(",;:.—– ") + "…"
