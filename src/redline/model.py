"""The document model: one version of a legal text, as plain immutable values.

Every reader (plain text import, USLM import, AKN reader) produces a `Document`;
every later stage (align, diff, render, AKN writer) consumes one. Nothing here
imports anything else from the package.

Guarantees every producer keeps, so consumers can rely on them:
1. A unit either carries text (a *text unit*: a recital, a paragraph or point
   without sub-units, a list ``intro``, an article's unnumbered ``content``, a
   ``wrapUp``) or has children (a *container*: article, list, part ...), never
   both: containers have ``text == ""``. An article's unnumbered text is a
   ``content`` child, so every article is a container.
2. `Unit.text` is the exact text of the provision with line breaks joined,
   typographic characters kept, and without the content of its authorial notes;
   each note is anchored by `Note.offset` into that text.
3. eIds are unique within a document, its components included (AKN requires it of
   the whole file): a producer prefixes a component's eIds (``att_1__para_1``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Note:
    """An authorial note (footnote) anchored at the exact place of its marker."""

    eid: str
    """The note's own eId, e.g. ``preamble__recs_1__rec_3__fnt_1``."""
    marker: str
    """The printed marker, e.g. ``"1"``."""
    offset: int
    """Character offset in the owning unit's `text` where the marker stood."""
    text: str
    """The note's body text."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One provision or block of a document, at any level of the hierarchy."""

    element: str
    """The Akoma Ntoso element name: ``article``, ``paragraph``, ``point``, ``intro`` ..."""
    eid: str
    """The Akoma Ntoso eId, unique in the document (``art_5__list_1__point_b``)."""
    num: str = ""
    """The printed number or label exactly as printed (``Article 5``, ``1.``, ``(b)``)."""
    heading: str = ""
    """The heading, if the provision has one."""
    text: str = ""
    """The unit's own words (text units only; containers have ``""``)."""
    notes: tuple[Note, ...] = ()
    """Authorial notes anchored in `text`, in order of their offsets."""
    children: tuple[Unit, ...] = ()
    """Sub-units in document order."""
    attrs: tuple[tuple[str, str], ...] = ()
    """Extra AKN attributes to keep (e.g. ``("name", "declaration")`` on an hcontainer)."""

    @property
    def is_text(self) -> bool:
        """True when the unit carries words of its own rather than sub-units."""
        return not self.children

    def walk(self) -> Iterator[Unit]:
        """This unit and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


TITLE_FROM_FILE = ("titleFrom", "file name")
"""The fact in `Metadata.extra` of a title taken from the file name."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """FRBR identity and descriptive metadata of one version (expression) of a work."""

    title: str
    """The document title as printed."""
    work_uri: str
    """FRBR work URI, e.g. ``/akn/un/bill/2014/solidarity-declaration``."""
    expression_uri: str
    """FRBR expression URI: the work URI plus language and version date."""
    manifestation_uri: str
    """FRBR manifestation URI: the expression URI plus ``/main.xml``."""
    date: str
    """Version date, ISO 8601 (``2014-04-25``)."""
    version_label: str = ""
    """A human label for the version (``preliminary text``, ``revision A``)."""
    language: str = "eng"
    """ISO 639-2 language code, as AKN FRBR URIs use it."""
    doc_type: str = "bill"
    """The AKN document type element (``bill``, ``act``)."""
    doc_name: str = "declaration"
    """The AKN ``name`` attribute of the document element."""
    country: str = "un"
    """FRBRcountry value (``un`` for UN instruments, ``us`` for US bills)."""
    source: str = ""
    """Where this version came from (source file name), for the record."""
    extra: tuple[tuple[str, str], ...] = field(default=())
    """Further key/value facts (congress, bill number, stage) kept in proprietary metadata."""
    import_notes: tuple[str, ...] = field(default=(), compare=False)
    """What the reader of this version skipped or doubted (`ImportResult.warnings` and
    `.skipped`), kept so that every output of a comparison says it
    (`redline.comparison.sanity`); not part of the text (equal documents may differ in
    it), and not written to AKN."""

    @property
    def title_printed(self) -> bool:
        """False when the title is not the text's own but its file's name (a text with
        no title: `TITLE_FROM_FILE` in `extra`); such a title is no text to compare."""
        return TITLE_FROM_FILE not in self.extra


@dataclass(frozen=True, slots=True)
class Document:
    """One version of a document: metadata, then its parts in reading order."""

    meta: Metadata
    """Identity and description of this version."""
    preamble: tuple[Unit, ...] = ()
    """Preamble containers (``recitals`` holding ``recital`` units, ``citations``, ``formula``)."""
    body: tuple[Unit, ...] = ()
    """Body units: articles or sections, possibly inside part/title/division containers."""
    preface: tuple[Unit, ...] = ()
    """What the preface holds besides the title kept in `Metadata.title` (further title
    lines, a number and date line, a cover page's text), as units of element
    ``container`` (text units, AKN ``<container name=…>``) or ``longTitle``."""
    conclusions: tuple[Unit, ...] = ()
    """The closing part after the body (final formula, place and date, signatures), as
    ``container`` units like the preface's."""
    components: tuple[Document, ...] = ()
    """Documents held inside this one, each with its own metadata and eIds: the
    components of a ``documentCollection``, an act's attachments and schedules, a
    proposal's explanatory memorandum."""

    def parts(self) -> tuple[tuple[str, tuple[Unit, ...]], ...]:
        """The document's own parts in reading order, by name: ``preface``, ``preamble``,
        ``body``, ``conclusions`` (components not included)."""
        return (
            ("preface", self.preface),
            ("preamble", self.preamble),
            ("body", self.body),
            ("conclusions", self.conclusions),
        )

    def walk(self) -> Iterator[Unit]:
        """Every unit of the document's own parts, in document order (its components'
        units not included: `every_unit` adds them)."""
        for _, units in self.parts():
            for unit in units:
                yield from unit.walk()

    def every_unit(self) -> Iterator[Unit]:
        """Every unit of the document and of its components, in reading order (eIds are
        unique across all of them)."""
        yield from self.walk()
        for component in self.components:
            yield from component.every_unit()

    def notes(self) -> Iterator[tuple[Unit, Note]]:
        """Every authorial note with the unit that anchors it, in document order."""
        for unit in self.walk():
            for note in unit.notes:
                yield unit, note


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Metadata and decoding choices for importing a source that is not AKN."""

    title: str | None = None
    """Title to use instead of the one found in the text."""
    date: str | None = None
    """Version date (ISO 8601)."""
    version_label: str | None = None
    """Human label of the version."""
    work_uri: str | None = None
    """FRBR work URI."""
    encoding: str = "utf-8"
    """Encoding of a text source."""
    revisions: str = ""
    """Tracked changes in a Word source: ``accept``, ``reject``, or ``""`` to refuse them."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A document read from a source, with what the reader noticed."""

    document: Document
    """The document."""
    warnings: tuple[str, ...] = ()
    """Things a human should look at (repeated labels, unmatched footnote markers)."""
    report: str = ""
    """One line of counts (recitals, articles, points, notes)."""
    skipped: tuple[str, ...] = ()
    """The parts of the source that are not in the document, each with its lines and
    words (``skipped lines 1-28 (176 words): before the title``). The text and Word
    readers name them in `report` too; the US readers' report only counts them."""
    advice: tuple[str, ...] = ()
    """Warnings about how the import was asked for, not about the text (no ``--date``
    given, no title found: give ``--title``): said by ``import`` and ``text``, not carried
    into a redline, whose header shows the unknown date or the file's name as it is."""


UNKNOWN_DATE = "1970-01-01"
"""The version date a reader gives a version whose date it does not know (AKN needs
one): kept in the AKN and JSON, never compared, and printed as `shown_date` says."""


def shown_date(date: str) -> str:
    """`date` as outputs print it for people: ``undated`` for `UNKNOWN_DATE`.

    >>> shown_date("2014-04-01"), shown_date(UNKNOWN_DATE)
    ('2014-04-01', 'undated')
    """
    return "undated" if date == UNKNOWN_DATE else date
