"""Word's automatic numbering turned back into the labels a reader sees on the page.

A paragraph numbered by Word holds no label in its text: ``w:numPr`` (on the paragraph
or its style) names a list instance (``w:num``) and a level; ``numbering.xml`` gives
each level of the list's abstract definition a start value, a number format and a
label pattern (``Article %1``, ``%2.``, ``(%3)``). `Numbering.label` counts as Word
does and guarantees: the label printed for each numbered paragraph, in order —
instances of one abstract list share their counters (so a list continues across
them), a ``w:startOverride`` restarts its level where its instance is first used, a
level restarts when a higher level is numbered (or as ``w:lvlRestart`` says), and
``w:isLgl`` prints every level in decimal. Bullets and ``none`` give no label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    """Restart after this (0-based) level; None: after any higher level."""
    legal: bool = False
    suffix: str = "tab"


def _val(element: etree._Element | None, default: str = "") -> str:
    return default if element is None else element.get(f"{W}val", default)


def _level(element: etree._Element) -> Level:
    restart = element.find(f"{W}lvlRestart")
    return Level(
        start=int(_val(element.find(f"{W}start"), "1") or 1),
        fmt=_val(element.find(f"{W}numFmt"), "decimal"),
        text=_val(element.find(f"{W}lvlText")),
        restart=None if restart is None else int(_val(restart, "0")) - 1,
        legal=element.find(f"{W}isLgl") is not None,
        suffix=_val(element.find(f"{W}suff"), "tab"),
    )


def roman(value: int) -> str:
    """Lower-case roman numerals.

    >>> [roman(n) for n in (1, 4, 9, 14, 40, 1990)]
    ['i', 'iv', 'ix', 'xiv', 'xl', 'mcmxc']
    """
    out = []
    for number, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        while value >= number:
            out.append(digits)
            value -= number
    return "".join(out)


def letter(value: int) -> str:
    """Word's lettering: a … z, then aa … zz, aaa …

    >>> [letter(n) for n in (1, 26, 27, 53)]
    ['a', 'z', 'aa', 'aaa']
    """
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    """`value` in the number format `fmt` (unknown formats print in decimal).

    >>> [format_number(4, f) for f in ("decimal", "lowerLetter", "upperRoman", "decimalZero")]
    ['4', 'd', 'IV', '04']
    """
    if fmt == "lowerLetter":
        return letter(value)
    if fmt == "upperLetter":
        return letter(value).upper()
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


@dataclass
class Numbering:
    """The list definitions of one document and the counters while reading it."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    """Abstract list id -> level -> definition."""
    instances: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = field(default_factory=dict)
    """List instance (numId) -> (abstract id, level overrides, start overrides)."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    """Abstract list id -> level -> last number given."""
    started: set[str] = field(default_factory=set)
    """Instances already used (their start overrides applied)."""

    @classmethod
    def parse(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for definition in root.iter(f"{W}abstractNum"):
            levels = {
                int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in definition.iter(f"{W}lvl")
            }
            numbering.abstract[definition.get(f"{W}abstractNumId", "")] = levels
        for instance in root.iter(f"{W}num"):
            abstract = _val(instance.find(f"{W}abstractNumId"))
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in instance.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[ilvl] = int(_val(start, "1") or 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
            numbering.instances[instance.get(f"{W}numId", "")] = (abstract, overrides, starts)
        return numbering

    def _levels(self, num_id: str) -> tuple[str, dict[int, Level]]:
        abstract, overrides, _ = self.instances[num_id]
        return abstract, {**self.abstract.get(abstract, {}), **overrides}

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """The label of the next paragraph of list `num_id` at level `ilvl`, and what
        follows it (``tab``, ``space`` or ``nothing``); ``("", "")`` when it has none."""
        if num_id not in self.instances:
            return "", ""
        abstract, levels = self._levels(num_id)
        if ilvl not in levels:
            return "", ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden, start in self.instances[num_id][2].items():
                counters[overridden] = start - 1
                for deeper in [k for k in counters if k > overridden]:
                    del counters[deeper]
        current = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, current.start - 1) + 1
        for deeper, definition in levels.items():
            restart = definition.restart if definition.restart is not None else deeper - 1
            if deeper > ilvl and restart >= ilvl and deeper in counters:
                del counters[deeper]
        if current.fmt in ("bullet", "none"):
            return "", ""
        return self._text(current, levels, counters, ilvl), current.suffix

    @staticmethod
    def _text(level: Level, levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        text = level.text
        for index in range(ilvl, -1, -1):
            if f"%{index + 1}" not in text:
                continue
            other = levels.get(index, Level())
            value = counters.get(index, other.start)
            fmt = "decimal" if level.legal and other.fmt != "decimalZero" else other.fmt
            text = text.replace(f"%{index + 1}", format_number(value, fmt))
        return text
