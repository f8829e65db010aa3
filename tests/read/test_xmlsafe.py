"""The safe XML parser: hostile input is refused quickly, nothing is expanded or read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import InputError
from redline.xmlsafe import MAX_DEPTH, describe_root, parse_xml

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<r>&x;</r>"""

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (level, b"&lol%d;" % (level - 1) * 10)
        for level in range(1, 10)
    )
    + b']>\n<lolz a="&lol9;">&lol9;</lolz>'
)

QUADRATIC = b'<!DOCTYPE r [<!ENTITY a "' + b"x" * 50_000 + b'">]><r>' + b"&a;" * 50_000 + b"</r>"


def _refused(data: bytes) -> InputError:
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        parse_xml(data, "hostile.xml")
    assert time.perf_counter() - start < 1.0
    return caught.value


@pytest.mark.parametrize(
    "data",
    [
        XXE,
        LAUGHS,
        QUADRATIC,
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'.encode("utf-16"),
        b'<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>',
    ],
    ids=["xxe", "billion-laughs", "quadratic", "xxe-utf16", "parameter-entity"],
)
def test_entities_are_refused_without_expansion(data: bytes) -> None:
    error = _refused(data)
    assert "DOCTYPE declares entities" in str(error)
    assert "root:" not in str(error)
    assert str(error).startswith("hostile.xml: ")


@pytest.mark.parametrize("url", ["/etc/passwd", "file:///etc/passwd", "http://example.com/a.dtd"])
def test_doctype_naming_an_external_dtd_is_parsed_without_it(url: str) -> None:
    root = parse_xml(b'<!DOCTYPE r SYSTEM "' + url.encode() + b'"><r>text</r>', "ok.xml")
    assert root.text == "text"


def test_gpo_bill_doctype_is_parsed_without_its_dtd() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" '
        b'"bill.dtd">\n<bill><legis-body>A &amp; B</legis-body></bill>'
    )
    assert parse_xml(data, "bill.xml").findtext("legis-body") == "A & B"


def _local_dtd(tmp_path: Path) -> bytes:
    """A real DTD on disk that would change the document if it were ever read."""
    dtd = tmp_path / "leak.dtd"
    dtd.write_text('<!ENTITY secret "LEAKED"><!ATTLIST r leak CDATA "LEAKED">', "utf-8")
    return b'<!DOCTYPE r SYSTEM "' + dtd.as_uri().encode() + b'">'


def test_named_external_dtd_is_never_read(tmp_path: Path) -> None:
    root = parse_xml(_local_dtd(tmp_path) + b"<r>text</r>", "ok.xml")
    assert root.get("leak") is None  # the DTD's default attribute never arrived
    error = _refused(_local_dtd(tmp_path) + b"<r>\n&secret;</r>")
    assert str(error) == (
        "hostile.xml:2: entity reference &secret; is not defined in the file "
        "(an external DTD is never read); write the character itself"
    )
    assert "LEAKED" not in str(error)


def test_undefined_entity_in_an_attribute_is_refused(tmp_path: Path) -> None:
    error = _refused(_local_dtd(tmp_path) + b'<r a="x&secret;"/>')
    assert "entity reference &secret; is not defined" in str(error)


def test_external_dtd_with_internal_entities_is_still_refused(tmp_path: Path) -> None:
    data = b'<!DOCTYPE r SYSTEM "bill.dtd" [<!ENTITY x "y">]><r>&x;</r>'
    assert "DOCTYPE declares entities" in str(_refused(data))


def test_plain_doctype_without_entities_is_accepted() -> None:
    assert parse_xml(b"<!DOCTYPE r><r>text</r>", "ok.xml").text == "text"


def test_malformed_xml_names_the_line() -> None:
    error = _refused(b"<r>\n<p>text</q>\n</r>")
    assert error.line == 2
    assert str(error).startswith("hostile.xml:2: not well-formed XML: ")


@pytest.mark.parametrize(
    "data", [b"", b"  \n", bytes(range(256))], ids=["empty", "blank", "binary"]
)
def test_empty_and_binary_are_refused(data: bytes) -> None:
    assert "XML" in str(_refused(data))


def test_depth_limit() -> None:
    deep = b"<a>" * (MAX_DEPTH + 1) + b"</a>" * (MAX_DEPTH + 1)
    assert f"nested deeper than {MAX_DEPTH} levels" in str(_refused(deep))
    very_deep = b"<a>" * 5000 + b"</a>" * 5000
    assert f"nested deeper than {MAX_DEPTH} levels" in str(_refused(very_deep))
    fine = b"<a>" * MAX_DEPTH + b"</a>" * MAX_DEPTH
    assert parse_xml(fine, "ok.xml").tag == "a"


def test_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("redline.xmlsafe.MAX_BYTES", 1024)
    error = _refused(b"<r>" + b"x" * 2048 + b"</r>")
    assert "the limit for an input" in str(error)


def test_comments_are_dropped_and_lines_kept() -> None:
    root = parse_xml(b"<r>\n<!-- c -->\n<p>a<!-- x -->b</p></r>", "ok.xml")
    paragraph = root[0]
    assert paragraph.text == "ab"
    assert paragraph.sourceline == 3


def test_describe_root() -> None:
    assert describe_root(b'<html xmlns="http://www.w3.org/1999/xhtml"/>', "p.html") == (
        "{http://www.w3.org/1999/xhtml}html"
    )
    assert describe_root(b"<root/>", "r.xml") == "root"


AKN_XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill name="b">'
    b"<meta/><body><article eId='art_1'><content><p>&x;</p></content></article></body>"
    b"</bill></akomaNtoso>"
)


@pytest.mark.parametrize("data", [AKN_XXE, XXE, LAUGHS], ids=["akn-xxe", "xxe", "laughs"])
@pytest.mark.parametrize(("command", "code"), [("text", 2), ("validate", 1)])
def test_cli_refuses_hostile_xml_in_one_line(
    tmp_path: Path, data: bytes, command: str, code: int
) -> None:
    target = tmp_path / "hostile.xml"
    target.write_bytes(data)
    start = time.perf_counter()
    result = CliRunner().invoke(cli, [command, str(target)])
    assert time.perf_counter() - start < 2.0
    assert result.exit_code == code
    output = result.stdout + result.stderr
    assert output.count("\n") == 1
    assert str(target) in output
    assert "DOCTYPE declares entities" in output
    assert "root:" not in output
    assert "Traceback" not in output
