"""How the readers' reports count: one wording for every reader, and nothing heavier to
import than this (the text and AKN readers must not load the USLM builder to count)."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``1 section``, ``2 sections``.

    >>> plural(1, "formula"), plural(2, "table")
    ('1 formula', '2 tables')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
