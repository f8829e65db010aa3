"""US bill text in every format GPO publishes: USLM 2.0 and 2.1, public laws, Bill DTD XML.

Every real file of tests/data/uslm, uslm-2.0 and us-bill-dtd imports to AKN that passes
``validate`` (the printed numbering gaps of two USLM 2.1 bills aside, see test_uslm),
keeps every word of its legislative text, and compares with itself as unchanged. The
words are taken from the source XML by small extractors written for this test,
independent of the readers.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import redline
from redline.akn.read import read_akn
from redline.akn.validate import validate_akn
from redline.akn.write import write_akn
from redline.changes import ChangeKind, Comparison
from redline.model import Document, Unit
from redline.read.sources import sniff

DATA = Path(__file__).parents[1] / "data"
USLM_FILES = sorted((DATA / "uslm").glob("*.xml")) + sorted((DATA / "uslm-2.0").glob("*.xml"))
BILL_DTD_FILES = sorted((DATA / "us-bill-dtd").glob("*.xml"))
ALL_FILES = USLM_FILES + BILL_DTD_FILES
USLM = "http://schemas.gpo.gov/xml/uslm"
WORD = re.compile(r"\w+")
#: USLM elements inside ``<main>`` that are not legislative text: the long title (the
#: document's title), a public law's margin notes, page markers and approval action.
NOT_TEXT = frozenset({"longTitle", "sidenote", "page", "action"})
#: Words GPO prints before the number of a container level (``TITLE I``).
LABELS = {"division": "DIVISION", "title": "TITLE", "subtitle": "Subtitle", "part": "PART"}
#: The enacting clause GPO prints for a Bill DTD bill (not written in the file).
ENACTING = "Be it enacted by the Senate and House of Representatives of the United States "
ENACTING += "of America in Congress assembled,"


#: USLM inline markup: adds no word boundary. Every other element is a block boundary.
USLM_INLINE = frozenset(
    [
        "i",
        "b",
        "u",
        "sup",
        "sub",
        "inline",
        "ref",
        "term",
        "shortTitle",
        "quotedText",
        "amendingAction",
        "headingText",
        "addedText",
        "deletedText",
        "proviso",
        "date",
        "span",
    ]
)
#: Bill DTD blocks: each is a word boundary; every other element is inline markup.
BILL_DTD_BLOCKS = frozenset(
    [
        "section",
        "subsection",
        "paragraph",
        "subparagraph",
        "clause",
        "subclause",
        "item",
        "subitem",
        "title",
        "subtitle",
        "division",
        "part",
        "chapter",
        "enum",
        "header",
        "text",
        "continuation-text",
        "quoted-block",
        "after-quoted-block",
        "toc",
        "toc-entry",
        "table",
        "row",
        "entry",
        "legis-body",
    ]
)


def _words_of(
    element: etree._Element, skip: frozenset[str], inline: Callable[[str], bool]
) -> list[str]:
    """The words of `element`, `skip` left out; `inline(name)` says no word boundary."""
    chunks: list[str] = []

    def walk(node: etree._Element) -> None:
        name = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if name and name not in skip:
            gap = "" if inline(name) else " "
            chunks.append(gap + (node.text or ""))
            for child in node:
                walk(child)
                chunks.append(child.tail or "")
            chunks.append(gap)

    walk(element)
    return WORD.findall("".join(chunks))


def uslm_words(path: Path) -> list[str]:
    """The legislative text's words of a USLM file: ``<main>`` but `NOT_TEXT`."""
    main = etree.parse(str(path)).getroot().find(f"{{{USLM}}}main")
    assert main is not None
    return _words_of(main, NOT_TEXT, USLM_INLINE.__contains__)


def bill_dtd_words(path: Path) -> list[str]:
    """The words of a Bill DTD file's body, plus what GPO prints that the file only
    asks for: the enacting clause and ``SEC.``/``SECTION`` before section numbers."""
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    root = etree.parse(str(path), parser).getroot()
    body = next(
        found
        for name in ("legis-body", "resolution-body", "engrossed-amendment-body")
        if (found := root.find(name)) is not None
    )
    words = _words_of(body, frozenset(), lambda name: name not in BILL_DTD_BLOCKS)
    if root.tag == "bill":
        words += WORD.findall(ENACTING)
    for section in body.iter("section"):
        words.append("SECTION" if section.get("section-type") == "section-one" else "SEC")
    words += [LABELS[level.tag] for level in body.iter(*LABELS) if level.findtext("enum")]
    return words


def model_words(doc: Document) -> list[str]:
    """The words of a document's units (num, heading, text, notes)."""
    words: list[str] = []
    for unit in doc.walk():
        for part in (unit.num, unit.heading, unit.text, *(note.text for note in unit.notes)):
            words.extend(WORD.findall(part))
    return words


def lost_and_added(expected: list[str], found: list[str]) -> tuple[int, int]:
    """Words missing from `found` and words in excess, compared without case (GPO prints
    section headings in capitals)."""
    wanted, got = Counter(w.lower() for w in expected), Counter(w.lower() for w in found)
    return sum((wanted - got).values()), sum((got - wanted).values())


def load(path: Path) -> Document:
    return redline.load(path)


def _unit(doc: Document, eid: str) -> Unit:
    return next(unit for unit in doc.walk() if unit.eid == eid)


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.name for p in ALL_FILES])
def test_every_word_of_the_legislative_text_is_kept(path: Path) -> None:
    expected = bill_dtd_words(path) if path in BILL_DTD_FILES else uslm_words(path)
    assert expected
    assert lost_and_added(expected, model_words(load(path))) == (0, 0)


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.name for p in ALL_FILES])
def test_compares_with_itself_as_unchanged(path: Path) -> None:
    doc = load(path)
    comparison = redline.compare(doc, doc)
    assert comparison.identical
    assert len(comparison.changes) == sum(1 for _ in doc.walk())


NEW_FILES = sorted((DATA / "uslm-2.0").glob("*.xml")) + BILL_DTD_FILES


@pytest.mark.parametrize("path", NEW_FILES, ids=[p.name for p in NEW_FILES])
def test_imports_to_akn_that_validates_and_reads_back(path: Path) -> None:
    doc = load(path)
    data = write_akn(doc)
    assert validate_akn(data, path.name) == []
    assert read_akn(data, path.name) == doc


def test_bill_dtd_is_sniffed_and_its_dtd_never_needed() -> None:
    data = (DATA / "us-bill-dtd" / "s5-119--01-pcs.xml").read_bytes()
    assert b'"bill.dtd"' in data
    assert sniff(data) == "billdtd"
    assert sniff(b"<bill><legis-body/></bill>") == "billdtd"
    assert sniff(b'<bill xmlns="http://schemas.gpo.gov/xml/uslm"/>') == "uslm"


def test_uslm_2_0_bill_metadata_from_meta_fields() -> None:
    meta = load(DATA / "uslm-2.0" / "115hr321enr_good.xml").meta
    assert meta.work_uri == "/akn/us/act/115/hr/321"
    assert (meta.doc_type, meta.doc_name, meta.version_label) == ("act", "bill", "Enrolled Bill")
    facts = dict(meta.extra)
    assert (facts["congress"], facts["session"], facts["number"]) == ("115", "1", "H.R. 321")
    assert facts["stage"] == "ENR"


def test_public_law_is_an_act_dated_by_its_approval() -> None:
    result = redline.read.sources.import_source(str(DATA / "uslm-2.0" / "115publ7-uslm.xml"))
    meta = result.document.meta
    assert meta.expression_uri == "/akn/us/act/115/pl/7/eng@2017-02-28"
    assert (meta.doc_type, meta.doc_name) == ("act", "publicLaw")
    assert meta.title.startswith("To inspire women to enter the aerospace field")
    facts = dict(meta.extra)
    assert (facts["number"], facts["statute"]) == ("Public Law 115–7", "131 Stat. 13")
    assert "3 margin notes skipped" in result.report
    assert "1 page marker skipped" in result.report
    assert result.skipped == (  # each named with its line and words, as no count can
        "line 17: margin note 'Feb. 28, 2017[H.R. 321]' skipped",
        "line 19: margin note 'Inspiring the Next Space Pioneers, Innovators, Researchers, and "
        "Explorers (INSPIRE) Women Act.51 USC 40901 note prec.' skipped",
        "line 38: margin note 'Deadline.' skipped",
        "line 39: page marker '131 STAT. 14' skipped",
        "line 48: approval action 'Approved February 28, 2017.' skipped",
    )
    assert result.document.meta.import_notes == result.skipped  # said in every redline
    chapeau = _unit(result.document, "sec_4__intro").text
    assert "Committee on Science, Space, and Technology" in chapeau  # page marker gone


def _sections(comparison: Comparison) -> list[tuple[str, str, str]]:
    return [
        (
            change.old[0].eid if change.old else "",
            change.new[0].eid if change.new else "",
            change.kind.value,
        )
        for change in comparison.correspondence
    ]


def test_enrolled_bill_and_its_public_law_pair_every_section() -> None:
    enrolled = load(DATA / "uslm-2.0" / "115hr321enr_good.xml")
    law = load(DATA / "uslm-2.0" / "115publ7-uslm.xml")
    comparison = redline.compare(enrolled, law)
    assert _sections(comparison) == [
        ("preamble__formula_1", "preamble__formula_1", "unchanged"),
        *((f"sec_{n}", f"sec_{n}", "unchanged") for n in range(1, 5)),
    ]
    assert comparison.identical


def test_bill_dtd_metadata() -> None:
    placed = load(DATA / "us-bill-dtd" / "s5-119--01-pcs.xml").meta
    assert placed.expression_uri == "/akn/us/bill/119/s/5/eng@2025-01-07"
    assert placed.version_label == "Placed on Calendar Senate"
    assert placed.title.startswith("To require the Secretary of Homeland Security")
    facts = dict(placed.extra)
    assert (facts["congress"], facts["session"], facts["number"]) == ("119", "1", "S. 5")
    assert [v for k, v in placed.extra if k == "actionDate"] == ["2025-01-06", "2025-01-07"]
    enrolled = load(DATA / "us-bill-dtd" / "s5-119--03-enr.xml").meta
    assert (enrolled.work_uri, enrolled.date) == ("/akn/us/act/119/s/5", "1970-01-01")


def test_bill_dtd_levels_headings_and_quoted_blocks() -> None:
    doc = load(DATA / "us-bill-dtd" / "s5-119--01-pcs.xml")
    (formula,) = doc.preamble
    assert formula.text.startswith("Be it enacted by the Senate and House")
    assert [(u.eid, u.num, u.heading) for u in doc.body] == [
        ("sec_1", "SECTION 1.", "SHORT TITLE."),
        ("sec_2", "SEC. 2.", "DETENTION OF CERTAIN ALIENS WHO COMMIT THEFT."),
        ("sec_3", "SEC. 3.", "ENFORCEMENT BY ATTORNEY GENERAL OF A STATE."),
    ]
    assert doc.body[0].text == "This Act may be cited as the “Laken Riley Act”."
    subsection = _unit(doc, "sec_3__subsec_a")
    assert (subsection.num, subsection.heading) == (
        "(a)",
        "Inspection of applicants for admission.—",
    )
    # A quoted block is text of the provision that quotes it, one line per provision.
    assert (
        _unit(doc, "sec_3__subsec_c")
        .text.split("\n")[1]
        .startswith("“(e) Enforcement by attorney general of a State.—The attorney general")
    )
    assert _unit(doc, "sec_3__subsec_c").text.endswith("exceeding $100.”.") is False
    assert _unit(doc, "sec_3__subsec_c").text.endswith("in excess of $100.”.")
    assert not [u for u in doc.walk() if u.num.startswith("“")]


def test_bill_dtd_stages_show_the_real_amendments() -> None:
    """S. 5 as placed on the calendar and as enrolled: the Senate's amendments to the
    theft provision (assault of a law enforcement officer, death or serious injury)."""
    old = load(DATA / "us-bill-dtd" / "s5-119--01-pcs.xml")
    new = load(DATA / "us-bill-dtd" / "s5-119--03-enr.xml")
    comparison = redline.compare(old, new)
    assert [kind for _, _, kind in _sections(comparison)] == [
        "unchanged",
        "unchanged",
        "modified",
        "unchanged",
    ]
    modified = {c.new[0].eid: c for c in comparison.changes if c.kind is ChangeKind.MODIFIED}
    assert set(modified) == {"sec_2", "sec_2__para_1", "sec_2__para_1__subpara_C", "sec_2__para_3"}
    inserted = " ".join(
        op.new for op in modified["sec_2__para_1__subpara_C"].ops if op.op.value == "insert"
    )
    assert "assault of a law enforcement officer" in inserted
    assert "serious bodily injury to another person" in inserted
    definition = modified["sec_2__para_3"].ops
    assert "meanings" in " ".join(op.new for op in definition if op.op.value == "insert")
    assert not [
        c for c in comparison.changes if c.kind in (ChangeKind.INSERTED, ChangeKind.DELETED)
    ]


def test_misplaced_quoted_level_is_kept_as_quoted_text_with_a_warning() -> None:
    path = DATA / "us-bill-dtd" / "s5-119--03-enr.xml"
    result = redline.read.sources.import_source(str(path))
    assert any("subparagraph (E) stands outside the quoted-block" in w for w in result.warnings)
    lines = _unit(result.document, "sec_2__para_1__subpara_C").text.split("\n")
    assert lines[:2] == [  # (E) has no chapeau: its clause (i) runs in, as GPO prints it
        "by inserting after subparagraph (D) the following:",
        "“(E)(i) is inadmissible under paragraph (6)(A), (6)(C), or (7) of section 212(a); and",
    ]
    assert lines[2].startswith("“(ii) is charged with, is arrested for,")


def test_bill_dtd_and_uslm_give_the_same_document() -> None:
    """H.R. 321 as enrolled, in USLM 2.0 (GPO's file) and in the Bill DTD (constructed
    from the same words): the same units, eIds, nums, headings and texts."""
    uslm = load(DATA / "uslm-2.0" / "115hr321enr_good.xml")
    bill_dtd = load(DATA / "us-bill-dtd" / "constructed" / "115hr321enr.xml")
    assert bill_dtd.body == uslm.body
    assert bill_dtd.preamble[0].text == uslm.preamble[0].text.replace("\u00ad", "")
    assert (bill_dtd.meta.work_uri, bill_dtd.meta.title) == (uslm.meta.work_uri, uslm.meta.title)


def _nest_in_content(section: etree._Element) -> None:
    """Rewrite a section's chapeau and paragraphs as H.J.Res. 37 (RFS) prints them:
    ``<content><p>chapeau</p><paragraph>...</paragraph>...</content>``."""
    chapeau = section.find(f"{{{USLM}}}chapeau")
    assert chapeau is not None
    content = etree.Element(f"{{{USLM}}}content")
    paragraph = etree.SubElement(content, f"{{{USLM}}}p")
    paragraph.text = chapeau.text
    for child in list(section):
        if etree.QName(child).localname == "paragraph":
            content.append(child)
    section.replace(chapeau, content)


def _hr321(nested: bool, extra_finding: bool) -> Document:
    root = etree.parse(str(DATA / "uslm-2.0" / "115hr321enr_good.xml")).getroot()
    section = root.findall(f".//{{{USLM}}}section")[1]
    if extra_finding:
        finding = copy.deepcopy(section.findall(f"{{{USLM}}}paragraph")[-1])
        finding[0].set("value", "4")
        finding[0].text = "(4)"
        finding[1].text = "Mentoring by women engineers draws girls to careers in aerospace."
        section.append(finding)
    if nested:
        _nest_in_content(section)
    return redline.load(etree.tostring(root), name="hr321.xml")


def test_paragraphs_nested_in_content_are_provisions() -> None:
    """The nesting of H.J.Res. 37 as referred in the Senate gives the same units as the
    usual chapeau and paragraphs, and a gained finding is one inserted paragraph."""
    assert _hr321(nested=True, extra_finding=False) == _hr321(nested=False, extra_finding=False)
    old = _hr321(nested=True, extra_finding=False)
    new = _hr321(nested=True, extra_finding=True)
    comparison = redline.compare(old, new)
    changed = [
        (c.kind, c.new[0].eid if c.new else "")
        for c in comparison.changes
        if c.kind is not ChangeKind.UNCHANGED
    ]
    # The section is modified only by its new child: no word of its own changed.
    assert changed == [(ChangeKind.MODIFIED, "sec_2"), (ChangeKind.INSERTED, "sec_2__para_4")]
    section = next(c for c in comparison.changes if c.new and c.new[0].eid == "sec_2")
    assert section.ops == ()
    kept = [c.kind for c in comparison.changes if c.new and c.new[0].eid.startswith("sec_2__")]
    assert kept == [ChangeKind.UNCHANGED] * 4 + [ChangeKind.INSERTED]
    assert validate_akn(write_akn(old), "hr321.xml") == []


UNNUMBERED = f"""<bill xmlns="{USLM}"><meta><citableAs>116 HR 9 IH</citableAs></meta><main>
<title><num value="I">TITLE I</num><heading>ONE</heading>
<section><num value="101">SEC. 101. </num><heading>A.</heading><content>Text a.</content></section>
<section><heading>SHORT TITLE.</heading><content>This title may be cited as One.</content></section>
</title>
<title><num value="II">TITLE II</num><heading>TWO</heading>
<section><num value="201">SEC. 201. </num><heading>B.</heading><content>Text b.</content></section>
<section><num value="202">SEC. 202. </num><heading>[RESERVED]</heading></section>
<section><heading>SHORT TITLE.</heading><content>This title may be cited as Two.</content></section>
</title></main></bill>"""


def test_unnumbered_and_reserved_sections_get_valid_eids() -> None:
    doc = redline.load(UNNUMBERED.encode(), redline.ImportOptions(date="2020-01-01"))
    assert [[s.eid for s in title.children] for title in doc.body] == [
        ["sec_101", "sec_1"],
        ["sec_201", "sec_202", "sec_1-2"],
    ]
    reserved = _unit(doc, "sec_202")
    assert (reserved.heading, reserved.text) == ("", "[RESERVED]")
    assert validate_akn(write_akn(doc), "unnumbered.xml") == []


def test_bill_dtd_without_form_or_body_is_refused() -> None:
    with pytest.raises(redline.InputError, match="without a <legis-body>"):
        redline.load(b"<bill><form/></bill>", name="b.xml")
    with pytest.raises(redline.InputError, match="cannot tell congress, number and stage"):
        redline.load(b"<bill><form/><legis-body/></bill>", name="b.xml")


RESOLUTION = """<?xml version="1.0"?>
<!DOCTYPE resolution PUBLIC "-//US Congress//DTDs/res.dtd//EN" "res.dtd">
<resolution bill-stage="Introduced-in-Senate"><form><congress>116th CONGRESS</congress>
<session>1st Session</session><legis-num>S. RES. 100</legis-num><action>
<action-date date="20190228">February 28, 2019</action-date></action>
<official-title>Recognizing a thing.</official-title></form>
<preamble><whereas><text>Whereas one thing is true; and</text></whereas>
<whereas><text>Whereas another is: Now, therefore, be it</text></whereas></preamble>
<resolution-body><section display-inline="yes-display-inline"><enum></enum>
<text>That the Senate—</text><paragraph><enum>(1)</enum><text>recognizes the thing; and</text>
</paragraph><paragraph><enum>(2)</enum><text>honors it.</text></paragraph></section>
</resolution-body></resolution>"""


def test_bill_dtd_resolution_with_whereas_clauses() -> None:
    """A resolution in the Bill DTD's shape (constructed: no GPO resolution in the data)."""
    doc = redline.load(RESOLUTION.encode(), name="sres100.xml")
    assert doc.meta.work_uri == "/akn/us/bill/116/sres/100"
    assert doc.meta.doc_name == "resolution"
    (recitals,) = doc.preamble
    assert [r.text for r in recitals.children] == [
        "Whereas one thing is true; and",
        "Whereas another is: Now, therefore, be it",
    ]
    (section,) = doc.body
    assert (section.eid, section.num) == ("sec_1", "")
    assert [c.eid for c in section.children] == ["sec_1__intro", "sec_1__para_1", "sec_1__para_2"]
    assert validate_akn(write_akn(doc), "sres100.xml") == []


def test_uslm_engrossed_amendment_with_legislative_text_is_read() -> None:
    """An engrossed amendment (constructed: none in the data) imports like a bill."""
    data = f"""<engrossedAmendment xmlns="{USLM}"><meta>
<citableAs>116 HR 1234 EAS</citableAs></meta><main>
<section><num value="1">SECTION 1. </num><heading>SHORT TITLE.</heading>
<content>This Act may be cited as the Example Act.</content></section></main>
</engrossedAmendment>"""
    doc = redline.load(data.encode(), redline.ImportOptions(date="2020-01-01"), name="eas.xml")
    assert (doc.meta.version_label, doc.meta.work_uri) == (
        "Engrossed Amendment Senate",
        "/akn/us/bill/116/hr/1234",
    )
    assert [unit.eid for unit in doc.body] == ["sec_1"]


def test_bill_dtd_amendment_keeps_instructions_and_quotes_the_inserted_text() -> None:
    """An engrossed amendment (constructed: none in the data): each instruction is text,
    the provisions it inserts are quoted text of it, never sections of the document."""
    path = DATA / "us-bill-dtd" / "constructed" / "engrossed-amendment.xml"
    doc = load(path)
    assert lost_and_added(bill_dtd_words(path), model_words(doc)) == (0, 0)
    assert (doc.meta.version_label, doc.meta.work_uri) == (
        "Engrossed Amendment House",
        "/akn/us/bill/119/s/5",
    )
    assert [unit.eid for unit in doc.walk()] == ["hcontainer_1", "hcontainer_2"]
    first, second = doc.body
    assert first.text.startswith("Strike all after the enacting clause and insert the following:")
    assert "SEC. 1. SHORT TITLE. This Act may be cited as the “Test Act”." in first.text
    assert "(a) In general.—Every word counts." in first.text
    assert second.text == "Amend the title so as to read: “An Act to test amendments.”"
    assert validate_akn(write_akn(doc), path.name) == []
    assert redline.compare(doc, doc).identical


def test_bill_dtd_titles_table_of_contents_and_tables() -> None:
    """Containers, a table of contents and a table (constructed: the S. 5 files have none)."""
    path = DATA / "us-bill-dtd" / "constructed" / "titles-toc-table.xml"
    doc = load(path)
    assert lost_and_added(bill_dtd_words(path), model_words(doc)) == (0, 0)
    assert validate_akn(write_akn(doc), path.name) == []
    (title,) = [unit for unit in doc.body if unit.element == "title"]
    assert (title.eid, title.num, title.heading) == ("title_I", "TITLE I", "GENERAL")
    subtitle = title.children[0]
    assert (subtitle.eid, subtitle.num, subtitle.heading) == (
        "title_I__subtitle_A",
        "Subtitle A",
        "Money",
    )
    assert [unit.eid for unit in subtitle.children] == ["sec_101", "sec_102"]
    assert _unit(doc, "sec_101").text.split("\n") == [
        "There are authorized:",
        "Year Amount",
        "2025 $5",
    ]
    assert _unit(doc, "sec_1__subsec_b").text.split("\n")[1:] == [
        "Sec. 1. Short title; table of contents.",
        "TITLE I—GENERAL",
        "Sec. 101. Funding.",
    ]
    reserved = _unit(doc, "sec_102")
    assert (reserved.num, reserved.heading, reserved.text) == ("SEC. 102.", "", "RESERVED.")
