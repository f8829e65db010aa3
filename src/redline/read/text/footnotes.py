"""Footnote markers: the last stage of `import_text`, after the structure is built.

PDF extraction glues a footnote's number to the text ("century1", "level; 2as",
"shareholders.”5"). `Anchors.anchor` takes the text units in document order and
guarantees: a marker's digits are removed from the unit's text and become a `Note`
at the exact offset where they stood, with the body found at the page bottom; digits
that are not a marker (years, "resolution 23/12", "para. 6") stay text. A number is a
marker only if it is glued to a word, is the next footnote number expected, and a
body with that number exists.
"""

from __future__ import annotations

import re

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


class Anchors:
    """Finds footnote markers unit by unit, in document order; lives for one import."""

    def __init__(self, footnotes: tuple[Footnote, ...]) -> None:
        self.bodies = {footnote.number: footnote for footnote in footnotes}
        self.expected = min(self.bodies, default=1)
        self.used: set[int] = set()

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
        kept: list[str] = []
        notes: list[Note] = []
        length = 0
        start = 0
        for match in _CANDIDATE.finditer(text):
            marker = match["bracketed"] or match["after_word"] or match["before_word"] or ""
            begin = match.start()
            if match["year"]:
                marker = self.glued_to_year(match["year"])
                begin = match.end() - len(marker)
            if not marker or not self.expects(int(marker)):
                continue
            number = int(marker)
            kept.append(text[start:begin])
            length += begin - start
            start = match.end()
            notes.append(
                Note(
                    eid=make_eid(eid, "authorialNote", marker),
                    marker=marker,
                    offset=length,
                    text=self.bodies[number].text,
                )
            )
            self.used.add(number)
            self.expected = number + 1
        kept.append(text[start:])
        return "".join(kept), tuple(notes)

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
