"""Case generators by kind, each a function of a random.Random."""

from __future__ import annotations

import random
from collections.abc import Callable

from .mutate import corpus_case
from .structured import docx_case, html_case, pdf_case

KINDS: dict[str, Callable[[random.Random], tuple[bytes, str]]] = {
    "text": corpus_case, "html": html_case, "docx": docx_case, "pdf": pdf_case,
}
# how often each kind is drawn: mutated reports are most of what users send
WEIGHTS = {"text": 6, "html": 2, "docx": 1, "pdf": 1}


def make(seed: int, kinds: list[str]) -> tuple[str, bytes, str]:
    """Case number ``seed``: the same bytes every time (reproducible from the seed alone)."""
    rnd = random.Random(seed)
    kind = rnd.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
    data, name = KINDS[kind](rnd)
    return kind, data, name
