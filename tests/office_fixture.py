"""One headless LibreOffice for the whole test session, for every test that opens a .docx."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from libreoffice import Office, missing


@pytest.fixture(scope="session")
def office() -> Iterator[Office]:
    """A LibreOffice that opens the .docx files the tests write (started once)."""
    reason = missing()
    if reason:
        pytest.skip(reason)
    running = Office()
    try:
        yield running
    finally:
        running.close()
