"""A streamed output keeps every guarantee of a whole one.

`write_output` takes byte chunks as well as bytes: a file still appears only once the
last chunk is written (an error raised by the stream halfway leaves the previous file
whole and no ``.part`` file), ``-`` and devices get the chunks as they come, and a
symbolic link is written through. ``redline diff -f json`` writes its JSON this way.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from redline.cli import main
from redline.output import write_output

from .case_files import PREVIOUS, drafts_and_previous_output

CHUNKS = [b'{"schema": ', b'"redline-comparison/2"', b', "changes": []}\n']
SECONDS = 20.0


class Broken(Exception):
    """What the stream raises halfway."""


def failing_halfway(folder: Path | None, seen: list[list[str]]) -> Iterator[bytes]:
    """Two chunks, then an error; records the names in `folder` once the first chunk
    has been taken (the ``.part`` file is there, being written)."""
    yield CHUNKS[0]
    if folder is not None:
        seen.append(sorted(p.name for p in folder.iterdir()))
    yield CHUNKS[1]
    raise Broken("the renderer failed halfway")


def test_chunks_are_written_as_the_joined_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_output(str(target), iter(CHUNKS))
    assert target.read_bytes() == b"".join(CHUNKS)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_error_halfway_leaves_the_previous_file_and_no_part_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(PREVIOUS)
    seen: list[list[str]] = []
    with pytest.raises(Broken):
        write_output(str(target), failing_halfway(tmp_path, seen))
    # the stream was being written to a temporary file beside the target...
    assert len(seen) == 1 and any(name.endswith(".part") for name in seen[0])
    # ...which is gone, and the previous file is whole
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_error_halfway_writes_no_new_file(tmp_path: Path) -> None:
    with pytest.raises(Broken):
        write_output(str(tmp_path / "out.json"), failing_halfway(None, []))
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_is_written_through_with_chunks(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(PREVIOUS)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_output(str(link), iter(CHUNKS))
    assert link.is_symlink() and real.read_bytes() == b"".join(CHUNKS)
    with pytest.raises(Broken):
        write_output(str(link), failing_halfway(None, []))
    assert link.is_symlink() and real.read_bytes() == b"".join(CHUNKS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_dash_streams_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    write_output("-", iter(CHUNKS))
    assert capsysbinary.readouterr().out == b"".join(CHUNKS)


def test_a_named_pipe_gets_the_chunks_as_they_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader has the first chunk before the stream produces the second: written
    through, chunk by chunk, never gathered or replaced."""

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pipe must be written through, never replaced")

    monkeypatch.setattr("redline.output.tempfile.mkstemp", never)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    first = threading.Event()

    def read() -> None:
        with fifo.open("rb", buffering=0) as stream:
            while chunk := stream.read(len(CHUNKS[0])):
                received.append(chunk)
                first.set()

    def stream() -> Iterator[bytes]:
        yield CHUNKS[0]
        assert first.wait(SECONDS), "the first chunk never reached the reader"
        yield from CHUNKS[1:]

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    write_output(str(fifo), stream())
    reader.join(SECONDS)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b"".join(received) == b"".join(CHUNKS)


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two drafts that differ and a previous output, ``out.json``."""
    monkeypatch.chdir(tmp_path)
    return drafts_and_previous_output(tmp_path, "out.json")


def test_ctrl_c_in_the_middle_of_the_json_stream_leaves_the_previous_file(
    drafts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON is rendered while it is written: an interrupt at the second change
    record, with the head and the correspondence already streamed, ends in one line
    and leaves no trace."""
    from redline.renderers import json as json_renderer

    records = json_renderer.change_record
    calls: list[list[str]] = []

    def interrupted(change: object) -> object:
        calls.append(sorted(p.name for p in drafts.iterdir()))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return records(change)  # type: ignore[arg-type]

    monkeypatch.setattr(json_renderer, "change_record", interrupted)
    assert main(["diff", "old.txt", "new.txt", "-f", "json", "-o", "out.json"]) == 130
    captured = capsys.readouterr()
    assert (captured.out, captured.err.splitlines()) == ("", ["redline: interrupted"])
    # the records were made while the output was open: a ``.part`` file beside it
    assert len(calls) == 2 and any(name.endswith(".part") for name in calls[1])
    assert (drafts / "out.json").read_bytes() == PREVIOUS
    assert sorted(p.name for p in drafts.iterdir()) == ["new.txt", "old.txt", "out.json"]


def test_a_reader_that_stops_early_ends_the_stream_quietly() -> None:
    """``redline diff … -f json | head``: the reader closes the pipe after a few bytes;
    redline stops writing without a message and exits with the comparison's code."""
    program = Path(sys.executable).with_name("redline")
    data = Path(__file__).parents[1] / "data" / "uslm"
    old, new = data / "h264_eh.xml", data / "H264_PCS.xml"  # the same legal text: exit 0
    process = subprocess.Popen(
        [str(program), "diff", str(old), str(new), "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    try:
        head = process.stdout.read(100)
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(timeout=SECONDS * 3)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    assert head.startswith(b'{"schema": "redline-comparison/2"')
    assert (process.returncode, stderr) == (0, b"")
