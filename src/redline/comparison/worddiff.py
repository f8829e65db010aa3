"""Word-level diff inside one aligned pair of units (the "diff" stage).

Texts are cut into tokens (words, whitespace, punctuation), tokens are compared by a
normalised key (case, typography, whitespace and punctuation folded as the options
say), and diff-match-patch (its C++ build) runs on the keys, one character per distinct
key, so a change never starts or ends inside a word. The diff-match-patch tuples are turned
into our own `WordOp`s at once.

Guarantees: joining ``op.old`` over the result gives the old text exactly and joining
``op.new`` gives the new text exactly, whatever the options.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import lru_cache
from unicodedata import normalize

from redline.changes import CompareOptions, Op, WordOp
from redline.comparison.tokens import token_key, tokenize


@lru_cache(maxsize=8)  # a pair's texts are grouped for its diff, then for `texts_equal`
def _groups(text: str, options: CompareOptions) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tokens grouped so that each group has one significant key; ignored tokens
    stick to the group before them (or open the text)."""
    tokens = tokenize(text)
    if not _folds(options):  # every token is its own group, keyed by its NFC form
        return tuple([normalize("NFC", token) for token in tokens]), tuple(tokens)
    keys: list[str] = []
    chunks: list[str] = []
    for token in tokens:
        key = token_key(token, options)
        if not key and chunks:
            chunks[-1] += token
            continue
        keys.append(key)
        chunks.append(token)
    return tuple(keys), tuple(chunks)


def _folds(options: CompareOptions) -> bool:
    """Whether `token_key` does more than put a token in NFC (and may ignore it)."""
    return (
        options.ignore_case
        or options.ignore_whitespace
        or options.ignore_typography
        or options.ignore_punctuation
    )


#: Where word codes start: the private use areas, which every diff-match-patch build
#: classifies alike (neither letters nor spaces), so its clean-up never depends on which
#: code a word happened to get. 6,400 codes in the BMP, then the two astral areas.
_CODE_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


def _code(number: int) -> str:
    """The `number`-th word code (from 0).

    >>> [hex(ord(_code(n))) for n in (0, 6399, 6400)]
    ['0xe000', '0xf8ff', '0xf0000']
    """
    for first, last in _CODE_RANGES:
        if number <= last - first:
            return chr(first + number)
        number -= last - first + 1
    raise ValueError("more distinct words than word codes")


def _encode(keys: Sequence[Hashable], table: dict[Hashable, str]) -> str:
    """One code per distinct key (see `_CODE_RANGES`): words, or any hashable items."""
    for key in keys:
        if key not in table:
            table[key] = _code(len(table))
    return "".join([table[key] for key in keys])


def _start_at_words(
    diffs: list[tuple[int, int]], old_keys: Sequence[str], new_keys: Sequence[str]
) -> list[tuple[int, int]]:
    """Slide each lone insertion or deletion that starts with a space to start at the
    word after it when the same space follows it (``law, {+including those +}pledged``
    rather than ``law,{+ including those+} pledged``): the same change, as people mark it.
    """
    out = list(diffs)
    i = j = 0  # old and new positions at the start of out[k]
    for k, (op, n) in enumerate(out):
        lone = 0 < k < len(out) - 1 and op != 0 and out[k - 1][0] == 0 and out[k + 1][0] == 0
        if lone:
            edit = new_keys[j : j + n] if op > 0 else old_keys[i : i + n]
            after = i + (n if op < 0 else 0)
            shift = 0
            while (
                shift < n
                and shift < out[k + 1][1]
                and edit[shift].isspace()
                and old_keys[after + shift] == edit[shift]
            ):
                shift += 1
            if shift:
                out[k - 1] = (0, out[k - 1][1] + shift)
                out[k + 1] = (0, out[k + 1][1] - shift)
                i, j = i + shift, j + shift
        i += n if op <= 0 else 0
        j += n if op >= 0 else 0
    return [(op, n) for op, n in out if n]


_OPS = {"=": 0, "-": -1, "+": 1}


def edit_script(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """A shortest edit script from `old` to `new`, as ``(op, length)`` with op -1, 0 or 1:
    Myers' diff (the C++ diff-match-patch core, no time limit, no clean-up) on one code
    per distinct item, so its equal runs form a longest common subsequence.

    Raises ValueError with more distinct items than word codes (over 137,000).

    >>> edit_script("abxcd", "abcyd")
    [(0, 2), (-1, 1), (0, 1), (1, 1), (0, 1)]
    """
    table: dict[Hashable, str] = {}
    return _cxx_diff(_encode(old, table), _encode(new, table), cleanup="No")


def _cxx_diff(old: str, new: str, cleanup: str) -> list[tuple[int, int]]:
    """The C++ diff-match-patch on two code strings, with no time limit, as ``(op,
    length)`` with op -1, 0 or 1."""
    import fast_diff_match_patch

    diffs = fast_diff_match_patch.diff(old, new, timelimit=0, checklines=False, cleanup=cleanup)
    return [(_OPS[op], length) for op, length in diffs]


def diff_codes(old: str, new: str) -> list[tuple[int, int]]:
    """diff-match-patch on two code strings, as ``(op, length)`` with op -1, 0 or 1.

    The C++ build of diff-match-patch (fast-diff-match-patch): the same algorithm and
    semantic clean-up as the reference Python package, with no time limit (a time-out
    would silently degrade to "delete all, insert all"). `reference_codes` is the Python
    package, which the property tests hold it to.
    """
    return _cxx_diff(old, new, cleanup="Semantic")


@lru_cache(maxsize=1)
def _reference_matcher() -> object:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp


def reference_codes(old: str, new: str) -> list[tuple[int, int]]:
    """`diff_codes` computed by the pure-Python diff-match-patch package."""
    dmp = _reference_matcher()
    diffs: list[tuple[int, str]] = dmp.diff_main(old, new, False)  # type: ignore[attr-defined]
    dmp.diff_cleanupSemantic(diffs)  # type: ignore[attr-defined]
    return [(op, len(text)) for op, text in diffs]


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
    table: dict[Hashable, str] = {}
    codes = diff_codes(_encode(old_keys, table), _encode(new_keys, table))
    diffs = _start_at_words(codes, old_keys, new_keys)
    ops: list[WordOp] = []
    i = j = 0
    for code, n in diffs:
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


def ops_similarity(ops: tuple[WordOp, ...]) -> float:
    """Share of characters kept, over both texts: 1.0 when nothing changed.

    >>> ops_similarity(diff_words("the duty of State", "the duty of each State"))
    0.8718
    """
    kept = sum(len(op.old) + len(op.new) for op in ops if op.op is Op.EQUAL)
    total = sum(len(op.old) + len(op.new) for op in ops)
    return round(kept / total, 4) if total else 1.0


def texts_equal(old: str, new: str, options: CompareOptions) -> bool:
    """True when the two texts are the same under the options."""
    if old == new:
        return True
    return _groups(old, options)[0] == _groups(new, options)[0]
