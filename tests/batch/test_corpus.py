"""Corpus runs: the same outputs on every scheduler, resumable, errors collected.

The cluster is a real Dask `LocalCluster` with two worker processes on this machine;
the pairs are small generated drafts so that 200 of them run three times in seconds.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from redline.cli import main

WORDS = ["States", "shall", "cooperate", "in", "solidarity", "with", "peoples", "and",
         "individuals", "for", "development"]  # fmt: skip
PAIRS = 200


def _draft(rng: random.Random, articles: int) -> str:
    blocks = []
    for number in range(1, articles + 1):
        blocks.append(f"Article {number}")
        for paragraph in range(1, rng.randint(1, 3) + 1):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
            blocks.append(f"{paragraph}. {words.capitalize()}.")
    return "\n\n".join(blocks) + "\n"


def _edited(rng: random.Random, text: str) -> str:
    """`text` with up to three of its plain words replaced (headings left alone)."""
    words = text.split(" ")
    plain = [i for i, word in enumerate(words) if word in WORDS]
    for _ in range(rng.randint(0, 3)):
        words[rng.choice(plain)] = rng.choice(WORDS)
    return " ".join(words)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 pairs of drafts, some identical, listed in a CSV manifest."""
    root = tmp_path_factory.mktemp("corpus")
    rng = random.Random(7)
    rows = ["old,new"]
    for n in range(PAIRS):
        old = _draft(rng, rng.randint(1, 4))
        (root / f"d{n}-v1.txt").write_text(old, encoding="utf-8")
        (root / f"d{n}-v2.txt").write_text(_edited(rng, old), encoding="utf-8")
        rows.append(f"d{n}-v1.txt,d{n}-v2.txt")
    (root / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The address of a local Dask cluster of two worker processes, as dask://HOST:PORT."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield "dask://" + local.scheduler_address.removeprefix("tcp://")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_every_scheduler_gives_the_same_outputs_and_a_second_run_skips_all(
    corpus: Path, cluster: str, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = str(corpus / "manifest.csv")
    runs = {
        "serial": ["-j", "1"],
        "local": ["--scheduler", "local"],
        "cluster": ["--scheduler", cluster],
    }
    outputs = {}
    for name, flags in runs.items():
        folder = corpus / f"out-{name}"
        assert main(["batch", manifest, "-o", str(folder), "-q", *flags]) == 1
        outputs[name] = _files(folder)
    assert len(outputs["serial"]) == PAIRS + 1  # one JSON per pair and the index
    assert outputs["serial"] == outputs["local"] == outputs["cluster"]
    index = json.loads(outputs["serial"]["index.json"])
    assert index["format"] == "redline-batch/1"
    assert sum(index["counts"].values()) == PAIRS
    assert set(index["counts"]) == {"same", "different"}

    folder = corpus / "out-serial"
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.name != "index.json"}
    capsys.readouterr()
    assert main(["batch", manifest, "-o", str(folder), "-j", "1"]) == 1
    assert f"{PAIRS} up to date, not run" in capsys.readouterr().err
    assert {n: p.stat().st_mtime_ns for n, p in ((p.name, p) for p in folder.iterdir())
            if n != "index.json"} == stamps  # fmt: skip
    assert _files(folder) == outputs["serial"]


def test_a_failing_pair_is_reported_and_the_others_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Article 1\n\n1. States shall cooperate.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Article 1\n\n1. States shall act.\n", encoding="utf-8")
    manifest = tmp_path / "pairs.json"
    manifest.write_text(
        json.dumps(
            [{"old": "a.txt", "new": "missing.txt"}, {"series": ["a.txt", "b.txt", "a.txt"]}]
        ),
        encoding="utf-8",
    )
    assert main(["batch", str(manifest), "-o", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert (
        len(err) == 1 and err[0].startswith("redline: ") and "missing.txt: no such file" in err[0]
    )
    pairs = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))["pairs"]
    assert [p["status"] for p in pairs] == ["error", "different", "different"]
    assert [p["output"] for p in pairs] == ["a--missing.json", "a--b.json", "b--a.json"]


def test_a_folder_tree_is_a_manifest_of_series(tmp_path: Path) -> None:
    for text in ("bill", "act"):
        for version, words in (("v1", "cooperate"), ("v2", "act"), ("v10", "act")):
            folder = tmp_path / "tree" / text
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{version}.txt").write_text(f"Article 1\n\nStates shall {words}.\n", "utf-8")
    assert main(["batch", str(tmp_path / "tree"), "-o", str(tmp_path / "out"), "-q"]) == 1
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert [p["output"] for p in index["pairs"]] == [
        "act/v1--v2.json", "act/v2--v10.json", "bill/v1--v2.json", "bill/v2--v10.json",
    ]  # fmt: skip
    assert [p["status"] for p in index["pairs"]] == ["different", "same"] * 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("old,later\na,b\n", "a CSV manifest needs a header with old and new columns"),
        ('{"old": "a"}', "a JSON manifest is a list of pairs and series"),
        ("old,new\n", "the manifest names no pair of versions"),
    ],
)
def test_a_bad_manifest_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    name = "m.json" if content.startswith("{") else "m.csv"
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert main(["batch", str(tmp_path / name), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"redline: {tmp_path / name}: {message}"]


def test_an_unreachable_cluster_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Article 1\n\nStates shall act.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("old,new\na.txt,a.txt\n", encoding="utf-8")
    argv = ["batch", str(tmp_path / "m.csv"), "-o", str(tmp_path / "out"), "--scheduler"]
    assert main([*argv, "dask://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "cannot reach the Dask scheduler at 127.0.0.1:9" in err[0]


def test_a_pairs_warnings_reach_standard_error_and_the_index_and_survive_a_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A swapped pair (the old version dated after the new) warns as `diff` does: on
    standard error, naming the pair's output, and in its index entry; a second run,
    which skips the pair, ends with the same index."""
    versions = Path(__file__).resolve().parents[2] / "versions"
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(
        f"old,new\n{versions / 'solidarity-revision-A.akn.xml'},"
        f"{versions / 'solidarity-2014.akn.xml'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("redline: warning: ")
    assert "are OLD and NEW swapped?" in err[0] and ".json:" in err[0]
    index = (out / "index.json").read_bytes()
    (entry,) = json.loads(index)["pairs"]
    assert len(entry["warnings"]) == 1 and "swapped" in entry["warnings"][0]
    assert main(["batch", str(manifest), "-o", str(out), "-q"]) == 1
    assert capsys.readouterr().err.splitlines() == err
    assert (out / "index.json").read_bytes() == index
