"""The streamed JSON is byte for byte the JSON of the whole record, one record at a time.

`json_chunks` writes the comparison piece by piece (the head fields, each entry of the
correspondence and each change, the tail fields); joined, its chunks must be exactly
``json.dumps(comparison_record(c), ensure_ascii=False) + "\\n"`` on the bundled drafts
and the real files (USLM, bill DTD, EU, AKN from other systems), and no chunk may hold
much more than one record beyond the chunk size.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline import compare, load, render
from redline.changes import Comparison
from redline.model import Document
from redline.renderers import RenderOptions, get_stream
from redline.renderers.json import _CHUNK, change_record, comparison_record, json_chunks

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PAIRS = {
    "declaration drafts": ("versions/solidarity-2014.txt", "versions/solidarity-revision-A.txt"),
    "declaration AKN": (
        "versions/solidarity-2014.akn.xml",
        "versions/solidarity-revision-A.akn.xml",
    ),
    "H.R. 264 EH->PCS": ("tests/data/uslm/h264_eh.xml", "tests/data/uslm/H264_PCS.xml"),
    "S. 2731 IPS->RCS": ("tests/data/uslm/S2731_IPS.xml", "tests/data/uslm/S2731_RCS.xml"),
    "S. 5 bill DTD": (
        "tests/data/us-bill-dtd/s5-119--01-pcs.xml",
        "tests/data/us-bill-dtd/s5-119--03-enr.xml",
    ),
    "DMA proposal->regulation": (
        "tests/data/eu/dma-proposal-COM-2020-842.txt",
        "tests/data/eu/dma-regulation-2022-1925.txt",
    ),
    "Indigo act 2017->2018": (
        "tests/data/akn-others/indigo-za-act-2016-16@2017-08-04.xml",
        "tests/data/akn-others/indigo-za-act-2016-16@2018-09-24.xml",
    ),
}
OTHERS = [*(DATA / "akn-others").glob("*.xml"), *(DATA / "uslm-2.0").glob("*.xml")]
SAME = [
    *sorted(str(path.relative_to(ROOT)) for path in OTHERS),
    "tests/data/akn/declaration.xml",
    "tests/data/akn/foreign-act.xml",
]


def reference(comparison: Comparison) -> bytes:
    """The JSON of the whole record at once: what `redline diff -f json` wrote before."""
    return (json.dumps(comparison_record(comparison), ensure_ascii=False) + "\n").encode("utf-8")


def assert_streamed_as_whole(comparison: Comparison) -> list[bytes]:
    chunks = list(json_chunks(comparison))
    assert b"".join(chunks) == reference(comparison)
    assert render(comparison, "json") == reference(comparison)
    assert b"".join(get_stream("json")(comparison, RenderOptions())) == reference(comparison)
    return chunks


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS.keys())
def test_a_pair_streams_the_bytes_of_the_whole_record(pair: tuple[str, str]) -> None:
    old, new = (load(str(ROOT / path)) for path in pair)
    comparison = compare(old, new)
    assert comparison.changes
    assert_streamed_as_whole(comparison)


@pytest.mark.parametrize("path", SAME)
def test_a_file_against_itself_streams_the_bytes_of_the_whole_record(path: str) -> None:
    document = load(str(ROOT / path))
    assert_streamed_as_whole(compare(document, document))


def test_an_empty_comparison_streams_empty_lists() -> None:
    document = load(str(ROOT / "versions" / "solidarity-2014.txt"))
    empty = Document(document.meta, (), ())
    comparison = compare(empty, empty)
    assert not comparison.correspondence and not comparison.changes
    chunks = assert_streamed_as_whole(comparison)
    loaded = json.loads(b"".join(chunks))
    assert loaded["correspondence"] == [] and loaded["changes"] == []


def test_no_chunk_holds_much_more_than_one_record() -> None:
    """A long bill streams in many chunks, none longer than the chunk size plus the
    largest record: the document is never encoded whole."""
    pair = PAIRS["H.R. 264 EH->PCS"]
    old, new = (load(str(ROOT / path)) for path in pair)
    comparison = compare(old, new)
    chunks = assert_streamed_as_whole(comparison)
    largest = max(
        len(json.dumps(change_record(c), ensure_ascii=False).encode("utf-8"))
        for c in comparison.changes
    )
    whole = sum(len(chunk) for chunk in chunks)
    assert len(chunks) > 10
    # characters counted, bytes written: at most 4 bytes a character in UTF-8
    assert max(len(chunk) for chunk in chunks[:-1]) <= 4 * _CHUNK + largest + 64
    assert max(len(chunk) for chunk in chunks) < whole / 5


def test_the_cli_writes_the_streamed_bytes(tmp_path: Path) -> None:
    from redline.cli import main

    old, new = (str(ROOT / path) for path in PAIRS["declaration AKN"])
    target = tmp_path / "out.json"
    assert main(["diff", old, new, "-f", "json", "-o", str(target), "-q"]) == 1
    assert target.read_bytes() == reference(compare(load(old), load(new)))
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
