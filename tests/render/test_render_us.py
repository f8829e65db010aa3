"""US text rendered as readers know it: levels indented by depth, run-in headings on the
line of their text, small caps where the source marks them (``<inline class="smallCaps">``
in USLM; every run-in heading of the Bill DTD, which GPO prints so)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import redline
from redline.renderers import RenderOptions
from redline.renderers.html.page import render_html

DATA = Path(__file__).parents[1] / "data"


def _page(old: str, new: str, layout: str = "inline") -> etree._Element:
    comparison = redline.compare(redline.load(DATA / old), redline.load(DATA / new))
    html = render_html(comparison, RenderOptions(layout=layout))
    return etree.fromstring(html.split(b"\n", 1)[1])


def _by_id(page: etree._Element, eid: str) -> etree._Element:
    (found,) = page.xpath(f'//*[@id="{eid}"]')
    return found


S5 = ("us-bill-dtd/s5-119--01-pcs.xml", "us-bill-dtd/s5-119--03-enr.xml")


def test_us_page_uses_the_us_stylesheet() -> None:
    page = _page(*S5)
    assert page.find(".//main").get("class") == "rl-us"
    style = page.find(".//style").text
    assert ".rl-us .akn-subsection" in style
    assert "font-variant: small-caps" in style


def test_run_in_heading_shares_the_line_of_its_text() -> None:
    subsection = _by_id(_page(*S5), "sec_3__subsec_a")
    line, intro = subsection[0], subsection[1]
    assert line.get("class") == "rl-head-line rl-run-in"
    assert intro.get("class").startswith("akn-intro")
    heading = line.find("span[@class='akn-heading rl-small-caps']")
    assert heading is not None
    assert heading.text == "Inspection of applicants for admission.—"
    gap = heading.getnext()
    assert (gap.get("class"), gap.text) == ("rl-gap", " ")  # hidden, words stay apart


def test_section_headings_are_not_small_caps_and_text_units_run_in() -> None:
    page = _page(*S5)
    section = _by_id(page, "sec_3").find(".//span[@class='akn-heading']")
    assert section.text == "ENFORCEMENT BY ATTORNEY GENERAL OF A STATE."
    paragraph = _by_id(page, "sec_3__subsec_a__para_1").find("p")
    assert paragraph.get("class") == "rl-text"


def test_small_caps_follow_the_uslm_source_marking() -> None:
    """H.R. 264: appropriations headings are marked small caps without running in."""
    page = _page("uslm/h264_eh.xml", "uslm/H264_PCS.xml", "side-by-side")
    row = _by_id(page, "title_I__hcontainer_2")
    headings = row.xpath(".//span[contains(@class, 'akn-heading')]")
    assert {h.get("class") for h in headings} == {"akn-heading rl-small-caps"}
    assert headings[0].text == "salaries and expenses"
    title = _by_id(page, "title_I").xpath(".//span[contains(@class, 'akn-heading')]")
    assert {h.get("class") for h in title} == {"akn-heading"}
