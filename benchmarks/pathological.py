"""Pathological inputs under the size limit, and their time and peak memory.

Run ``.venv/bin/python benchmarks/speed.py --pathological`` (or this file). Each case is
an input a hostile or careless source can send: many articles without eIds, one label
repeated, many notes, articles in reverse order to PDF, deep nesting. Each is timed as a
whole ``redline`` process beside a normal document of about the same size, so the
ratio says whether the case is still near-linear (the goal: within 10x, or refused in
under a second with a clear message).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
WORDS = ("the", "parties", "shall", "cooperate", "in", "good", "faith", "to", "carry", "out")


def _meta(date: str = "2020-01-01") -> str:
    work = "/akn/xx/bill/2020/pathological"
    expression = f"{work}/eng@{date}"
    return f"""<meta><identification source="#redline">
<FRBRWork><FRBRthis value="{work}/!main"/><FRBRuri value="{work}"/>
<FRBRdate date="{date}" name="work"/><FRBRauthor href="#redline"/><FRBRcountry value="xx"/>
</FRBRWork><FRBRExpression><FRBRthis value="{expression}/!main"/>
<FRBRuri value="{expression}"/><FRBRdate date="{date}" name="version"/>
<FRBRauthor href="#redline"/><FRBRlanguage language="eng"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="{expression}/!main"/><FRBRuri value="{expression}/!main"/>
<FRBRdate date="{date}" name="generation"/><FRBRauthor href="#redline"/></FRBRManifestation>
</identification></meta>"""


def akn(body: str, date: str = "2020-01-01") -> bytes:
    """A whole AKN bill around `body` (the content of ``<body>``)."""
    return (
        f'<akomaNtoso xmlns="{AKN_NS}"><bill name="bill">{_meta(date)}'
        f"<body>{body}</body></bill></akomaNtoso>"
    ).encode()


def sentence(index: int, words: int = 12) -> str:
    """A distinct sentence: real-looking words and the number `index`."""
    return " ".join(WORDS[(index + k) % len(WORDS)] for k in range(words)) + f" {index}."


def articles_without_eids(count: int) -> bytes:
    """`count` articles without eIds, all numbered "Article 1": the reader derives
    ``art_1`` for each and must make them unique."""
    body = "".join(
        f"<article><num>Article 1</num><paragraph><content><p>{sentence(n)}</p>"
        "</content></paragraph></article>"
        for n in range(1, count + 1)
    )
    return akn(body)


def articles_with_eids(count: int, order: Callable[[list[int]], list[int]] = list) -> bytes:
    """`count` articles with eIds, in the order `order` gives (a normal document)."""
    body = "".join(
        f'<article eId="art_{n}"><num>Article {n}</num><paragraph eId="art_{n}__para_1">'
        f"<content><p>{sentence(n)}</p></content></paragraph></article>"
        for n in order(list(range(1, count + 1)))
    )
    return akn(body)


def half_repealed(count: int, order: Callable[[list[int]], list[int]] = list) -> bytes:
    """`count` unnumbered articles, every second one the same "[Repealed]", in the order
    `order` gives: the in-order pass must not grow with the square of the repeats."""
    body = "".join(
        "<article><paragraph><content><p>"
        + ("[Repealed]" if n % 2 else sentence(n))
        + "</p></content></paragraph></article>"
        for n in order(list(range(1, count + 1)))
    )
    return akn(body)


def _shuffled(numbers: list[int]) -> list[int]:
    out = list(numbers)
    random.Random(1).shuffle(out)
    return out


def repeated_label_text(count: int) -> bytes:
    """A draft's plain text in which every article is "Article 1"."""
    return "".join(f"Article 1\n\n{sentence(n)}\n\n" for n in range(count)).encode()


def numbered_text(count: int) -> bytes:
    """The same draft with articles 1..count: the normal twin of `repeated_label_text`."""
    return "".join(f"Article {n + 1}\n\n{sentence(n)}\n\n" for n in range(count)).encode()


def with_notes(count: int, per_article: int = 5) -> bytes:
    """Articles holding `count` authorial notes in all."""
    articles = []
    for a in range(1, count // per_article + 1):
        notes = "".join(
            f'<authorialNote marker="{(a - 1) * per_article + k}" placement="bottom">'
            f"<p>See note {(a - 1) * per_article + k}, {sentence(a + k, 6)}</p></authorialNote>"
            for k in range(1, per_article + 1)
        )
        articles.append(
            f'<article eId="art_{a}"><num>Article {a}</num><paragraph eId="art_{a}__para_1">'
            f"<content><p>{sentence(a)}{notes}</p></content></paragraph></article>"
        )
    return akn("".join(articles))


def nested_parts(depth: int) -> bytes:
    """Parts nested `depth` deep around one article."""
    inner = '<article eId="art_1"><num>Article 1</num><paragraph eId="art_1__para_1">'
    inner += f"<content><p>{sentence(1)}</p></content></paragraph></article>"
    for level in range(depth, 0, -1):
        inner = f'<part eId="part_{level}"><num>Part {level}</num>{inner}</part>'
    return akn(inner)


@dataclass(frozen=True, slots=True)
class Pathology:
    """One pathological case and its normal twin: the argv (after ``redline``) of each,
    with ``{a}``/``{b}`` standing for the files written from `files`."""

    name: str
    files: dict[str, bytes]
    argv: tuple[str, ...]
    normal_files: dict[str, bytes]
    normal_argv: tuple[str, ...]


def pathologies(scale: float = 1.0) -> list[Pathology]:
    """The cases of the issue (at `scale` 1: 40,000 articles, 10,000 notes, 5,000
    reversed articles to PDF, 150 nested parts)."""
    n40k, n10k, n5k = int(40_000 * scale), int(10_000 * scale), int(5_000 * scale)
    pdf = ("diff", "{a}", "{b}", "-f", "pdf", "-o", "{out}.pdf", "-q")
    return [
        Pathology(f"{n40k:,} articles without eIds, all 'Article 1' (text)",
                  {"a": articles_without_eids(n40k)}, ("text", "{a}", "-o", "{out}"),
                  {"a": articles_with_eids(n40k)}, ("text", "{a}", "-o", "{out}")),
        Pathology(f"'Article 1' x {n40k:,} (import)",
                  {"a": repeated_label_text(n40k)}, ("import", "{a}", "-o", "{out}", "-q"),
                  {"a": numbered_text(n40k)}, ("import", "{a}", "-o", "{out}", "-q")),
        Pathology(f"{n10k:,} notes, same file (diff json)",
                  {"a": with_notes(n10k), "b": with_notes(n10k)},
                  ("diff", "{a}", "{b}", "-f", "json", "-o", "{out}", "-q"),
                  {"a": articles_with_eids(n10k // 5), "b": articles_with_eids(n10k // 5)},
                  ("diff", "{a}", "{b}", "-f", "json", "-o", "{out}", "-q")),
        Pathology(f"{n10k:,} notes (pdf)",
                  {"a": with_notes(n10k), "b": with_notes(n10k, per_article=4)}, pdf,
                  {"a": articles_with_eids(n10k // 5),
                   "b": articles_with_eids(n10k // 5, _swap_pairs)}, pdf),
        Pathology(f"{n5k:,} articles reversed (pdf)",
                  {"a": articles_with_eids(n5k), "b": articles_with_eids(n5k, _reversed)}, pdf,
                  {"a": articles_with_eids(n5k), "b": articles_with_eids(n5k, _swap_pairs)}, pdf),
        Pathology(f"{n5k:,} articles, half of them '[Repealed]', shuffled (diff json)",
                  {"a": half_repealed(n5k), "b": half_repealed(n5k, _shuffled)},
                  ("diff", "{a}", "{b}", "-f", "json", "-o", "{out}", "-q"),
                  {"a": articles_with_eids(n5k), "b": articles_with_eids(n5k, _swap_pairs)},
                  ("diff", "{a}", "{b}", "-f", "json", "-o", "{out}", "-q")),
        Pathology("150 nested parts (pdf)",
                  {"a": nested_parts(150), "b": nested_parts(150).replace(b"the parties", b"all")},
                  pdf,
                  {"a": nested_parts(3), "b": nested_parts(3).replace(b"the parties", b"all")},
                  pdf),
    ]  # fmt: skip


def _reversed(numbers: list[int]) -> list[int]:
    return numbers[::-1]


def _swap_pairs(numbers: list[int]) -> list[int]:
    """Every tenth pair of neighbours swapped: a few moves, as in a real revision."""
    out = list(numbers)
    for i in range(0, len(out) - 1, 20):
        out[i], out[i + 1] = out[i + 1], out[i]
    return out


def write_files(files: dict[str, bytes], folder: Path, prefix: str) -> dict[str, str]:
    """Write `files` into `folder`; the names to put in the argv."""
    names = {}
    for key, data in files.items():
        suffix = ".txt" if not data.startswith(b"<") else ".akn.xml"
        path = folder / f"{prefix}-{key}{suffix}"
        path.write_bytes(data)
        names[key] = str(path)
    names["out"] = str(folder / f"{prefix}-out")
    return names


def argv_of(template: tuple[str, ...], names: dict[str, str]) -> list[str]:
    return [part.format(**names) for part in template]


def rows(
    run: Callable[[list[str], float], tuple[float, float, int]],
    folder: Path,
    scale: float,
    cap: float,
) -> list[str]:
    """Markdown table rows: each case beside its normal twin. `run(argv, cap)` returns
    (seconds, peak MB, exit code), with exit code -1 when stopped at `cap`."""
    out = []
    for index, case in enumerate(pathologies(scale)):
        normal = run(
            argv_of(case.normal_argv, write_files(case.normal_files, folder, f"n{index}")), cap
        )
        bad = run(argv_of(case.argv, write_files(case.files, folder, f"p{index}")), cap)
        times = []
        for seconds, peak, code in (bad, normal):
            shown = f">{cap:.0f}" if code == -1 else f"{seconds:.2f}"
            times.append(f"{shown} s, {peak:.0f} MB, exit {code}")
        ratio = "—" if -1 in (bad[2], normal[2]) else f"{bad[0] / max(normal[0], 1e-3):.1f}×"
        out.append(f"| {case.name} | {times[0]} | {times[1]} | {ratio} |")
    return out
