"""Footnote markers: the last stage of `import_text`, after the structure is built.

PDF extraction glues a footnote's number to the text ("century1", "level; 2as",
"shareholders.”5"). `Anchors.anchor` takes the text units in document order and
guarantees: a marker's digits are removed from the unit's text and become a `Note`
at the exact offset where they stood, with the body found at the page bottom; digits
that are not a marker (years, "resolution 23/12", "para. 6") stay text. A number is a
marker only if it is glued to a word, is the next footnote number expected, and a
body with that number exists.

A marker the PDF lost or the look-ahead passed over must not leave its neighbours
unanchored, nor take a real number for a marker. So one read is recorded, and
`Anchors.replan` gives a second read (`Plan`) the markers it missed: for each footnote
still unmatched, the first number of its digits glued to the end of a word
("services57") or after a year's full stop ("by 2025.45"), in the stretch of text
between the markers of the footnotes before and after it (its place in the sequence).
Numbers standing alone ("Article 114", "in 2025") or glued to other digits never are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.akn.naming import make_eid
from redline.model import Note
from redline.read.text.layout import Footnote

_CANDIDATE = re.compile(
    r"""
    \[(?P<bracketed>\d{1,3})\]    # a marker in brackets, as `redline text` prints it: "[3]"
    | (?<![\d/\-(])         # not the tail of a number, a symbol (A/55/49), a range or "(2)"
    (?<!\d\.)             # nor the decimals of a number
    (?:
        (?<=\S)(?P<after_word>\d{1,3})     # glued to the word or punctuation before: "century1"
      | (?P<before_word>\d{1,3})(?=[^\W\d_])  # or to the word after: "2as"
    )
    (?!\d|/|\.\d|(?:st|nd|rd|th)\b)  # not a longer number, a symbol, a decimal or "21st"
    | (?<![\d.])(?P<year>(?:19|20)\d\d(?:/\d+)?|(?:19|20)\d{3,6})  # a year or act number
      (?![\d/]|\.\d)             # ... with a marker glued: "202122", "139/200423", "2016/6794"
    """,
    re.VERBOSE,
)

#: How far ahead of the expected number a marker may be: a marker lost in extraction must
#: not stop all the notes after it from being found.
_LOOKAHEAD = 3

#: Digits a second read may take for the marker of a footnote still unmatched.
_GLUED = re.compile(
    r"""
    (?: (?<=[^\W\d_])                 # glued to the end of a word: "services57"
      | (?<=[^\W\d_][.;:,)”’"])       # after a word's stop or closing: "services.57"
      | (?<=(?<![\d.,])(?:19|20)\d\d\.)  # after a year's full stop: "by 2025.45"
    )
    (?P<digits>[1-9]\d{0,2})
    (?![\d/]|[.,]\d|(?:st|nd|rd|th)\b)  # not a longer number, a decimal, or "21st"
    """,
    re.VERBOSE,
)

Plan = tuple[tuple[int, int, int], ...]
"""Markers a second read takes besides those it finds itself: (the number of the
`Anchors.anchor` call, the offset in its text, the footnote number)."""


class Anchors:
    """Finds footnote markers unit by unit, in document order; lives for one import."""

    def __init__(self, footnotes: tuple[Footnote, ...], plan: Plan = ()) -> None:
        self.bodies = {footnote.number: footnote for footnote in footnotes}
        self.expected = min(self.bodies, default=1)
        self.used: set[int] = set()
        self.plan = plan
        self.texts: list[str] = []
        """The text of each `anchor` call, in order: what `replan` searches."""
        self.places: dict[int, tuple[int, int]] = {}
        """Where each marker was found: the call's number and the offset in its text."""

    def anchor(self, text: str, eid: str) -> tuple[str, tuple[Note, ...]]:
        """`text` without its markers, and a note for each marker at its offset.

        >>> from redline.read.text.layout import Footnote
        >>> anchors = Anchors((Footnote(1, "Ibid., para. 2.", 9),))
        >>> text, notes = anchors.anchor("in 1948 at the global level; 1as well", "rec_1")
        >>> text
        'in 1948 at the global level; as well'
        >>> notes[0].offset, notes[0].eid, text[notes[0].offset :]
        (29, 'rec_1__fnt_1', 'as well')
        """
        call = len(self.texts)
        self.texts.append(text)
        kept: list[str] = []
        notes: list[Note] = []
        length = 0
        start = 0
        for begin, end, marker in self._markers(text, call):
            number = int(marker)
            if begin < start or number in self.used:
                continue  # a planned marker the read found itself
            kept.append(text[start:begin])
            length += begin - start
            start = end
            notes.append(
                Note(
                    eid=make_eid(eid, "authorialNote", marker),
                    marker=marker,
                    offset=length,
                    text=self.bodies[number].text,
                )
            )
            self.used.add(number)
            self.places[number] = (call, begin)
            self.expected = number + 1
        kept.append(text[start:])
        return "".join(kept), tuple(notes)

    def _markers(self, text: str, call: int) -> Iterator[tuple[int, int, str]]:
        """The markers of `text` in order, as (begin, end, digits): those the sequence
        expects, and those the plan gives this call."""
        planned = sorted((offset, str(number)) for at, offset, number in self.plan if at == call)
        for match in _CANDIDATE.finditer(text):
            while planned and planned[0][0] <= match.start():
                offset, digits = planned.pop(0)
                yield offset, offset + len(digits), digits
            marker = match["bracketed"] or match["after_word"] or match["before_word"] or ""
            begin = match.start()
            if match["year"]:
                marker = self.glued_to_year(match["year"])
                begin = match.end() - len(marker)
            if marker and self.expects(int(marker)):
                yield begin, match.end(), marker
        for offset, digits in planned:
            yield offset, offset + len(digits), digits

    def replan(self) -> Plan:
        """The plan of a second read: for each footnote still unmatched, its number glued
        to a word (or after a year's full stop) between the markers of the footnotes
        before and after it; ``()`` when there is none (the module docstring)."""
        places = dict(self.places)
        plan: list[tuple[int, int, int]] = []
        for number in sorted(set(self.bodies) - self.used):
            after = max((at for n, at in places.items() if n < number), default=(0, -1))
            before = min((at for n, at in places.items() if n > number), default=None)
            found = self._glued(str(number), after, before)
            if found is not None:
                places[number] = found
                plan.append((*found, number))
        return tuple(plan)

    def _glued(
        self, digits: str, after: tuple[int, int], before: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """The first place of `digits` glued to a word, after `after` and before `before`."""
        last = before[0] if before is not None else len(self.texts) - 1
        for call in range(after[0], last + 1):
            for match in _GLUED.finditer(self.texts[call]):
                place = (call, match.start())
                if (
                    match["digits"] == digits
                    and after < place
                    and (before is None or place < before)
                ):
                    return place
        return None

    def expects(self, number: int) -> bool:
        """True when `number` can be the next marker: the one expected or a little ahead
        of it, with a body of that number."""
        if number not in self.bodies or number in self.used:
            return False
        return self.expected <= number < self.expected + _LOOKAHEAD

    def glued_to_year(self, digits: str) -> str:
        """The marker glued to the end of a year or act number, if one is expected there.

        >>> from redline.read.text.layout import Footnote
        >>> anchors = Anchors((Footnote(22, "OJ C 147.", 9),))
        >>> anchors.glued_to_year("202122"), anchors.glued_to_year("2016/679")
        ('22', '')
        """
        for number in range(self.expected, self.expected + _LOOKAHEAD):
            marker = str(number)
            head = digits[: -len(marker)]
            if digits.endswith(marker) and (len(head) == 4 or re.fullmatch(r"\d{4}/\d+", head)):
                return marker
        return ""

    def unmatched(self) -> tuple[Footnote, ...]:
        """Footnote bodies whose marker was not found in the text."""
        return tuple(body for number, body in self.bodies.items() if number not in self.used)
