"""A mutator over corpus reports: line edits and the number forms that broke
things before (NaN, dashes, full-width digits, 1e308, very long numbers, TABs)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
INSERTS = ("NaN", "NaN%", "—", "——", "－", "1e308", "-1e308", "#DIV/0!", "０１２３．４５", "９９.９９%", "\t", "\t\t",
           "9" * 40, "1" * 29 + ".5", "0." + "0" * 170 + "1", "１,２３４.５万元", "负", "≥", "%", "万元", "合计", "（", "）")


@cache
def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))
            if not any(part.startswith("_") for part in p.relative_to(CORPUS).parts[:-1])]


def _delete(lines: list[str], rnd: random.Random) -> None:
    if lines:
        del lines[rnd.randrange(len(lines))]


def _duplicate(lines: list[str], rnd: random.Random) -> None:
    if lines:
        i = rnd.randrange(len(lines))
        lines.insert(i, lines[i])


def _swap(lines: list[str], rnd: random.Random) -> None:
    if len(lines) > 1:
        i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]


def _digits(lines: list[str], rnd: random.Random) -> None:
    if lines:
        i = rnd.randrange(len(lines))
        lines[i] = _DIGIT.sub(lambda m: str(rnd.randrange(10)) if rnd.random() < 0.3 else m.group(), lines[i])


def _insert(lines: list[str], rnd: random.Random) -> None:
    if lines:
        i = rnd.randrange(len(lines))
        at = rnd.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rnd.choice(INSERTS) + lines[i][at:]


def _number(lines: list[str], rnd: random.Random) -> None:
    """Replace one printed number with a hostile one."""
    if not lines:
        return
    i = rnd.randrange(len(lines))
    numbers = list(_NUMBER.finditer(lines[i]))
    if numbers:
        m = rnd.choice(numbers)
        lines[i] = lines[i][:m.start()] + rnd.choice(INSERTS[:14]) + lines[i][m.end():]


OPS: tuple[Callable[[list[str], random.Random], None], ...] = (_delete, _duplicate, _swap, _digits, _insert, _number)


def mutate(text: str, rnd: random.Random, window: int = 80) -> str:
    """A window of ``text`` with one to five edits."""
    lines = text.split("\n")
    if len(lines) > window:
        start = rnd.randrange(len(lines) - window)
        lines = lines[start:start + window]
    for _ in range(rnd.randint(1, 5)):
        rnd.choice(OPS)(lines, rnd)
    return "\n".join(lines)


def corpus_case(rnd: random.Random) -> tuple[bytes, str]:
    text = mutate(rnd.choice(corpus_texts()), rnd)
    encoding = rnd.choice(("utf-8", "utf-8", "utf-8", "gb18030"))
    return text.encode(encoding, errors="replace"), "case.txt"
