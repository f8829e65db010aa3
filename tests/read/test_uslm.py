"""USLM import: every US bill version in tests/data/uslm imports to valid AKN, losing no word.

"Legal text" here is everything inside ``<main>`` except its ``<longTitle>`` (the title,
kept as metadata): enacting formula or resolving clause, whereas clauses, provisions,
quoted blocks, tables, tables of contents. The words of that text are extracted from
the USLM file by a small extractor written for this test (independent of the importer)
and compared, in order, with the words of the imported model and of ``redline text``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from lxml import etree

from redline.akn.read import read_akn
from redline.akn.validate import is_invalid, validate_akn
from redline.akn.write import write_akn
from redline.cli import main
from redline.errors import InputError
from redline.model import Document, ImportOptions, Unit
from redline.read.sources import import_source
from redline.read.uslm.reader import import_uslm
from redline.read.uslm.text import flatten
from redline.renderers.plaintext import render_plaintext

DATA = Path(__file__).parents[1] / "data" / "uslm"
FILES = sorted(DATA.glob("*.xml"))
USLM = "http://schemas.gpo.gov/xml/uslm"
WORD = re.compile(r"\w+")

#: Inline markup: adds no word boundary. Every other element is a block boundary.
INLINE = frozenset(
    {
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
    }
)

#: Gaps in section numbering printed in the bills themselves (validate's sequence rule).
PRINTED_GAPS = {
    "h264_eh.xml": {
        ("Sec. 510.", "Sec. 501."),
        ("Sec. 520.", "Sec. 510."),
        ("Sec. 530.", "Sec. 526."),
    },
    "S2731_IPS.xml": {
        ("SEC. 1214.", "SEC. 1212."),
        ("SEC. 1223.", "SEC. 1221."),
        ("SEC. 1639.", "SEC. 1627."),
        ("SEC. 2907.", "SEC. 2904."),
    },
}
PRINTED_GAPS["H264_PCS.xml"] = PRINTED_GAPS["h264_eh.xml"]
PRINTED_GAPS["S2731_RCS.xml"] = PRINTED_GAPS["S2731_IPS.xml"]
_GAP = re.compile(r"num '(?P<num>[^']+)' does not follow '(?P<previous>[^']+)' \(a gap")


def source_words(path: Path) -> list[str]:
    """The words of the legal text of a USLM file, straight from its XML."""
    main_part = etree.parse(str(path)).getroot().find(f"{{{USLM}}}main")
    assert main_part is not None
    chunks: list[str] = []

    def walk(element: etree._Element) -> None:
        name = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if name and name != "longTitle":
            gap = "" if name in INLINE else " "
            chunks.append(gap + (element.text or ""))
            for child in element:
                walk(child)
                chunks.append(child.tail or "")
            chunks.append(gap)

    walk(main_part)
    return WORD.findall("".join(chunks))


def model_words(doc: Document) -> list[str]:
    """The words of a document's units (num, heading, text, notes), in document order."""
    words: list[str] = []
    for unit in doc.walk():
        for part in (unit.num, unit.heading, unit.text, *(note.text for note in unit.notes)):
            words.extend(WORD.findall(part))
    return words


def lost_and_added(expected: list[str], found: list[str]) -> tuple[int, int]:
    """Words missing from `found` and words `found` has in excess, as counts."""
    missing = Counter(expected) - Counter(found)
    extra = Counter(found) - Counter(expected)
    return sum(missing.values()), sum(extra.values())


def load(path: Path) -> Document:
    return import_uslm(path.read_bytes(), str(path), ImportOptions()).document


def test_corpus_is_complete() -> None:
    """The README's table names exactly the 19 files copied from the shared corpus."""
    listed = set(re.findall(r"[\w-]+\.xml", (DATA / "README.md").read_text(encoding="utf-8")))
    assert listed == {path.name for path in FILES}
    assert len(FILES) == 19


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_imports_to_valid_akn_without_losing_a_word(path: Path) -> None:
    result = import_source(str(path))
    doc = result.document
    expected = source_words(path)
    assert lost_and_added(expected, model_words(doc)) == (0, 0)
    assert model_words(doc) == expected
    bare = replace(doc, meta=replace(doc.meta, title="", version_label="", date=""))
    # ``redline text`` may print a heading before its num: compare words, not their order.
    assert lost_and_added(expected, WORD.findall(render_plaintext(bare))) == (0, 0)

    eids = [unit.eid for unit in doc.walk()]
    assert len(eids) == len(set(eids))
    data = write_akn(doc)
    problems = validate_akn(data, path.name)
    gaps = {(m["num"], m["previous"]) for p in problems if (m := _GAP.search(p.message))}
    assert [p for p in problems if not _GAP.search(p.message)] == []
    assert gaps == PRINTED_GAPS.get(path.name, set())
    # the gaps are printed in the bills: notices, so the import passes --strict
    assert all(p.notice for p in problems)
    assert not is_invalid(problems, strict=True)
    assert read_akn(data, path.name) == doc


def test_bill_metadata() -> None:
    meta = load(DATA / "h264_eh.xml").meta
    assert meta.work_uri == "/akn/us/bill/116/hr/264"
    assert meta.expression_uri == "/akn/us/bill/116/hr/264/eng@2019-01-09"
    assert (meta.doc_type, meta.doc_name, meta.country) == ("bill", "bill", "us")
    assert meta.title.startswith("Making appropriations for financial services")
    facts = dict(meta.extra)
    assert facts["congress"] == "116"
    assert facts["number"] == "H.R. 264"
    assert facts["stage"] == "EH"
    assert facts["stageName"] == "Engrossed in House"
    assert meta.version_label == "Engrossed in House"


def test_enrolled_text_is_an_act_and_resolutions_are_named() -> None:
    enrolled = import_source(str(DATA / "h1058_enr.xml"))
    assert enrolled.document.meta.doc_type == "act"
    assert enrolled.document.meta.work_uri == "/akn/us/act/116/hr/1058"
    assert enrolled.document.meta.date == "1970-01-01"
    # how the import was asked for, not the text: said by `import`, not in a redline
    assert any("no action date" in advice for advice in enrolled.advice)
    assert enrolled.document.meta.import_notes == enrolled.warnings
    concurrent = load(DATA / "hc105_enr.xml").meta
    assert (concurrent.doc_type, concurrent.doc_name) == ("act", "concurrentResolution")
    assert concurrent.date == "2020-07-27"
    assert concurrent.title.startswith("Permitting the remains")
    assert load(DATA / "hj107_eh.xml").meta.doc_name == "jointResolution"
    assert load(DATA / "SR100_IS.xml").meta.doc_name == "resolution"
    assert load(DATA / "H1058_RDS.xml").meta.date == "2019-07-25"


def test_options_override_metadata() -> None:
    options = ImportOptions(title="T", date="2020-01-02", version_label="v", work_uri="/akn/us/x")
    meta = import_uslm((DATA / "hc105_eh.xml").read_bytes(), "x.xml", options).document.meta
    assert (meta.title, meta.date, meta.version_label) == ("T", "2020-01-02", "v")
    assert meta.expression_uri == "/akn/us/x/eng@2020-01-02"


def _unit(doc: Document, eid: str) -> Unit:
    return next(unit for unit in doc.walk() if unit.eid == eid)


def test_levels_with_chapeau_become_containers_with_intro() -> None:
    doc = load(DATA / "h1037_eh.xml")
    assert doc.preamble[0].element == "formula"
    assert dict(doc.preamble[0].attrs) == {"name": "enactingFormula"}
    assert [unit.eid for unit in doc.body] == ["sec_1", "sec_2", "sec_3", "sec_4", "sec_5"]
    assert (doc.body[0].num, doc.body[0].heading) == ("SECTION 1.", "SHORT TITLE.")
    subsection = _unit(doc, "sec_2__subsec_a")
    assert (subsection.num, subsection.heading) == ("(a)", "In General.—")
    assert [child.element for child in subsection.children] == ["intro", "paragraph", "paragraph"]
    clause = _unit(doc, "sec_2__subsec_a__para_2__subpara_B__cl_iii")
    assert (clause.num, clause.text) == ("(iii)", "Executive Order No. 13818.")
    assert _unit(doc, "sec_3__intro").text.startswith("The Secretary of the Treasury may waive")


def test_continuation_becomes_wrapup() -> None:
    doc = load(DATA / "h264_eh.xml")
    wraps = [unit for unit in doc.walk() if unit.element == "wrapUp"]
    assert wraps
    assert all(unit.text for unit in wraps)
    assert any(unit.text.startswith("Provided, That each of the foregoing") for unit in wraps)


def test_appropriations_blocks() -> None:
    doc = load(DATA / "h264_eh.xml")
    first = _unit(doc, "title_I__hcontainer_1")
    assert dict(first.attrs) == {"name": "appropriationsHeading"}
    assert first.text == "Departmental Offices"
    second = _unit(doc, "title_I__hcontainer_2")
    assert dict(second.attrs) == {"name": "appropriations"}
    assert second.heading == "salaries and expenses"
    assert second.children[0].element == "intro"


def test_resolution_preamble_and_resolving_clause() -> None:
    doc = load(DATA / "SR100_IS.xml")
    recitals, formula = doc.preamble
    assert recitals.eid == "preamble__recs_1"
    assert len(recitals.children) == 28
    assert recitals.children[0].eid == "preamble__recs_1__rec_1"
    assert recitals.children[0].text.startswith("Whereas the United States celebrates")
    nested = recitals.children[8].text.split("\n")
    assert nested[0].endswith("including—")
    assert nested[1].startswith("(1) Inupiat Eskimo sharpshooter")
    assert (formula.element, formula.text) == ("formula", "Resolved,")
    assert dict(formula.attrs) == {"name": "resolvingClause"}
    (section,) = doc.body
    assert section.eid == "sec_1"
    assert section.children[0].text == "That the Senate—"
    assert [child.eid for child in section.children[1:]] == ["sec_1__para_1", "sec_1__para_2"]


def test_resolution_without_preamble_has_formula_and_text() -> None:
    doc = load(DATA / "hc105_eh.xml")
    (formula,) = doc.preamble
    assert formula.text == "Resolved by the House of Representatives (the Senate concurring),"
    (section,) = doc.body
    assert section.text.startswith("That in recognition of the long and distinguished service")


def test_quoted_blocks_are_text_not_provisions() -> None:
    doc = load(DATA / "H1058_RDS.xml")
    assert not [unit for unit in doc.walk() if unit.num.startswith("“")]
    holder = _unit(doc, "sec_3__subsec_a__para_5__subpara_B")
    assert holder.text.split("\n") == [
        "by inserting before paragraph (2), as so redesignated, the following new paragraph:",
        "“(1) Indian tribe; tribal organization.—The terms ‘Indian tribe’ and ‘tribal "
        "organization’ have the meanings given such terms in section 4 of the Indian Health "
        "Care Improvement Act.”; and",
    ]


def test_tables_are_flattened_one_row_a_line() -> None:
    doc = load(DATA / "S2731_IPS.xml")
    lines = _unit(doc, "sec_2511").text.split("\n")
    assert lines[1:4] == [
        "Republic of Korea Funded Construction Projects",
        "Country Component Installation or Location Project Amount",
        "Korea Army Camp Carroll Army Prepositioned Stock-4 Wheeled Vehicle Maintenance "
        "Facility $51,000,000",
    ]


def test_flatten_keeps_footnotes_as_notes_at_their_place() -> None:
    snippet = (
        f'<content xmlns="{USLM}">The sum<footnote><num>1</num> As amended.</footnote>'
        " of <i>$5</i>\n   is paid.</content>"
    )
    flat = flatten(etree.fromstring(snippet))
    assert flat.text == "The sum of $5 is paid."
    (note,) = flat.notes
    assert (note.marker, note.offset, note.text) == ("1", len("The sum"), "As amended.")


def test_flatten_lines_and_spaces() -> None:
    snippet = (
        f'<content xmlns="{USLM}"><p>One\n  two</p><p>three</p>'
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>after</content>"
    )
    assert flatten(etree.fromstring(snippet)).text == "One two\nthree\na b\nc\nafter"


def _run(tmp_path: Path, name: str, data: bytes) -> tuple[int, Path]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.xml"
    return main(["import", str(source), "-o", str(out)]), out


def test_uslm_that_is_not_a_bill_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = f'<?xml version="1.0"?><lawDoc xmlns="{USLM}"><main><section/></main></lawDoc>'
    code, out = _run(tmp_path, "law.xml", data.encode())
    error = capsys.readouterr().err
    assert code == 2
    assert not out.exists()
    assert error.count("\n") == 1
    assert "USLM <lawDoc> document, not a bill, resolution or public law" in error
    assert "law.xml" in error


def test_foreign_xml_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = b'<?xml version="1.0"?><rss xmlns="http://example.com/feed"><item/></rss>'
    code, out = _run(tmp_path, "feed.xml", data)
    error = capsys.readouterr().err
    assert code == 2
    assert not out.exists()
    assert error.count("\n") == 1
    assert "neither Akoma Ntoso nor USLM" in error
    assert "rss" in error


def test_uslm_namespace_on_a_foreign_root_is_refused() -> None:
    data = f'<feed xmlns:u="{USLM}"><u:bill/></feed>'.encode()
    with pytest.raises(InputError, match="root element <feed>"):
        import_uslm(data, "odd.xml", ImportOptions())


def test_bill_without_citation_or_main_is_refused() -> None:
    with pytest.raises(InputError, match="without a <main>"):
        import_uslm(f'<bill xmlns="{USLM}"><meta/></bill>'.encode(), "b.xml", ImportOptions())
    data = f'<bill xmlns="{USLM}"><meta/><main/></bill>'.encode()
    with pytest.raises(InputError, match="citableAs"):
        import_uslm(data, "b.xml", ImportOptions())


def test_import_command_writes_valid_akn(tmp_path: Path) -> None:
    out = tmp_path / "hc105.xml"
    assert main(["import", str(DATA / "hc105_eh.xml"), "-o", str(out), "-q"]) == 0
    assert validate_akn(out.read_bytes(), str(out)) == []


#: Consecutive versions of each bill, in the order of the README's table.
_ROWS = re.findall(r"^\|[^|]+\| (.+\.xml) \|$", (DATA / "README.md").read_text("utf-8"), re.M)
README_PAIRS = [
    (old, new)
    for versions in (row.split(" -> ") for row in _ROWS)
    for old, new in pairwise(versions)
]
TOP_LEVEL = ("formula", "recital", "section")


def test_correspondence_covers_every_pair_and_every_provision_once() -> None:
    """The hand-written correspondence names real eIds, each top-level provision once."""
    pairs = json.loads((DATA / "correspondence.json").read_text("utf-8"))["pairs"]
    assert len(README_PAIRS) == 11
    assert [(pair["old"], pair["new"]) for pair in pairs] == README_PAIRS
    for pair in pairs:
        assert pair["notes"]
        for side, index in (("old", 0), ("new", 1)):
            doc = load(DATA / pair[side])
            provisions = [unit.eid for unit in doc.walk() if unit.element in TOP_LEVEL]
            listed = [row[index] for row in pair["sections"] if row[index] is not None]
            assert listed == provisions, (pair[side], side)


SYNTHETIC = f"""<bill xmlns="{USLM}"><meta><citableAs>116 HR 9 IH</citableAs></meta>
<main><section><num value="2">SEC. 2. </num><heading>ONE.</heading><content>Text.</content>
</section>
<section><num value="2">SEC. 2. </num><heading>AGAIN.</heading>
<chapeau>Lead—</chapeau>
<paragraph><num value="1">(1) </num><content>first;</content></paragraph>
<continuation>between;</continuation>
<paragraph><num value="2">(2) </num><chapeau>second:</chapeau>
<item><num value="aa">(aa) </num><content>an item</content></item></paragraph>
<continuation>end.</continuation></section></main></bill>"""


def test_repeated_labels_mid_text_and_items() -> None:
    result = import_uslm(SYNTHETIC.encode(), "synthetic.xml", ImportOptions(date="2020-01-01"))
    doc = result.document
    assert [unit.eid for unit in doc.body] == ["sec_2", "sec_2-2"]
    assert any("sec_2-2" in warning for warning in result.warnings)
    assert [(c.element, c.eid) for c in doc.body[1].children] == [
        ("intro", "sec_2-2__intro"),
        ("paragraph", "sec_2-2__para_1"),
        ("hcontainer", "sec_2-2__hcontainer_1"),
        ("paragraph", "sec_2-2__para_2"),
        ("wrapUp", "sec_2-2__wrapup"),
    ]
    assert dict(doc.body[1].children[2].attrs) == {"name": "continuation"}
    assert _unit(doc, "sec_2-2__para_2__point_aa").text == "an item"
    assert validate_akn(write_akn(doc), "synthetic.xml") == []
