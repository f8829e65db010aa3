"""Word-level diff inside one aligned pair of units (the "diff" stage).

Texts are cut into tokens (words, whitespace, punctuation), tokens are compared by a
normalised key (case, typography, whitespace and punctuation folded as the options
say), and diff-match-patch runs on the keys, one character per distinct key, so a
change never starts or ends inside a word. The diff-match-patch tuples are turned
into our own `WordOp`s at once.

Guarantees: joining ``op.old`` over the result gives the old text exactly and joining
``op.new`` gives the new text exactly, whatever the options.
"""

from __future__ import annotations

from functools import lru_cache

from redline.changes import CompareOptions, Op, WordOp
from redline.comparison.tokens import token_key, tokenize


def _groups(text: str, options: CompareOptions) -> tuple[list[str], list[str]]:
    """Tokens grouped so that each group has one significant key; ignored tokens
    stick to the group before them (or open the text)."""
    keys: list[str] = []
    chunks: list[str] = []
    for token in tokenize(text):
        key = token_key(token, options)
        if not key and chunks:
            chunks[-1] += token
            continue
        keys.append(key)
        chunks.append(token)
    return keys, chunks


def _encode(keys: list[str], table: dict[str, str]) -> str:
    """One character per distinct key, avoiding the surrogate range."""
    out = []
    for key in keys:
        char = table.get(key)
        if char is None:
            code = len(table) + 1
            if code >= 0xD800:
                code += 0x800
            char = table[key] = chr(code)
        out.append(char)
    return "".join(out)


@lru_cache(maxsize=1)
def _matcher() -> object:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # a timeout silently degrades to "delete all, insert all"
    return dmp


def _diff_codes(old: str, new: str) -> list[tuple[int, str]]:
    dmp = _matcher()
    diffs: list[tuple[int, str]] = dmp.diff_main(old, new, False)  # type: ignore[attr-defined]
    dmp.diff_cleanupSemantic(diffs)  # type: ignore[attr-defined]
    return diffs


def diff_words(old: str, new: str, options: CompareOptions | None = None) -> tuple[WordOp, ...]:
    """Word operations turning `old` into `new`, with the original characters kept.

    >>> ops = diff_words("the duty of State", "the duty of each State")
    >>> for op in ops:
    ...     print(op.op.value, repr(op.old), repr(op.new))
    equal 'the duty of ' 'the duty of '
    insert '' 'each '
    equal 'State' 'State'
    """
    options = options or CompareOptions()
    if old == new:
        return (WordOp(Op.EQUAL, old, new),) if old else ()
    old_keys, old_chunks = _groups(old, options)
    new_keys, new_chunks = _groups(new, options)
    table: dict[str, str] = {}
    diffs = _diff_codes(_encode(old_keys, table), _encode(new_keys, table))
    ops: list[WordOp] = []
    i = j = 0
    for code, chars in diffs:
        n = len(chars)
        if code == 0:
            ops.append(
                WordOp(Op.EQUAL, "".join(old_chunks[i : i + n]), "".join(new_chunks[j : j + n]))
            )
            i, j = i + n, j + n
        elif code < 0:
            ops.append(WordOp(Op.DELETE, "".join(old_chunks[i : i + n]), ""))
            i += n
        else:
            ops.append(WordOp(Op.INSERT, "", "".join(new_chunks[j : j + n])))
            j += n
    return _merge_runs(ops)


def _merge_runs(ops: list[WordOp]) -> tuple[WordOp, ...]:
    """Join neighbouring operations of the same kind and drop empty ones."""
    merged: list[WordOp] = []
    for op in ops:
        if not op.old and not op.new:
            continue
        if merged and merged[-1].op is op.op:
            last = merged[-1]
            merged[-1] = WordOp(op.op, last.old + op.old, last.new + op.new)
        else:
            merged.append(op)
    return tuple(merged)


def texts_equal(old: str, new: str, options: CompareOptions) -> bool:
    """True when the two texts are the same under the options."""
    if old == new:
        return True
    return _groups(old, options)[0] == _groups(new, options)[0]
