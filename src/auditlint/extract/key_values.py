"""A form's fields printed one per line, "key：value" (issue 15, forms2 (e)):

    项目名称：城区道路维护
    年初预算数：100.00万元
    全年执行数：108.00万元
    执行率：90.00%

(or the key on one line and its value on the next, as web extractions print a
form's two-column table). This is a 自评表's funds block transposed, and it could be
read as one: every figure is named. It is left alone, on purpose, with a reason
``auditlint inspect`` shows. What such a block leaves open is what the table would
state: which budget the rate is over when several are given, whether amounts
printed in 元 and 万元 are one project's, where one project's fields end and the
next project's begin when a key repeats, and whether a value that is a sentence
("申请资金总额：…480万元，其中…") is the figure or holds several. Its paragraphs stay
what they are for everything else (the report's fields, the narrative).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.model import Location, Paragraph
from auditlint.numbers import prints_number

# why such lines were left alone (shown by ``auditlint inspect``)
KEY_VALUES = "key-value-lines"

_KEY = r"[^\s：:，。；,;！？]{2,12}"
_PAIR = re.compile(rf"^(?P<key>{_KEY})\s*[：:]\s*(?P<value>\S.*)$")
_KEY_ONLY = re.compile(rf"^(?P<key>{_KEY})\s*[：:]$")
_MAX_VALUE = 40
MIN_FIELDS = 3  # lines of fields in a row
MIN_FIGURES = 2  # of them amounts, rates or budgets a check would read


@dataclass(frozen=True)
class KeyValueBlock:
    location: Location  # its first line
    keys: tuple[str, ...]
    paragraphs: tuple[int, ...]  # Paragraph.index of each of its lines


def _figure_key(key: str, value: str) -> bool:
    """A key a budget table's header would name (预算数, 执行数, 执行率 …) with a number."""
    from auditlint.extract.tables import header_role

    return header_role(key) not in (None, "label", "serial", "note") and prints_number(value.strip())


def _pairs(paragraphs: list[Paragraph], i: int) -> tuple[list[tuple[str, str, list[int]]], int]:
    """The key：value fields from ``paragraphs[i]`` on, and where they end."""
    out: list[tuple[str, str, list[int]]] = []
    n = len(paragraphs)
    while i < n:
        text = paragraphs[i].text.strip()
        m = _PAIR.match(text)
        if m is not None and len(m.group("value")) <= _MAX_VALUE:
            out.append((m.group("key"), m.group("value"), [paragraphs[i].index]))
            i += 1
            continue
        m = _KEY_ONLY.match(text)
        if m is not None and i + 1 < n and len(paragraphs[i + 1].text.strip()) <= _MAX_VALUE \
                and _PAIR.match(paragraphs[i + 1].text.strip()) is None and _KEY_ONLY.match(paragraphs[i + 1].text.strip()) is None:
            out.append((m.group("key"), paragraphs[i + 1].text.strip(), [paragraphs[i].index, paragraphs[i + 1].index]))
            i += 2
            continue
        break
    return out, i


def key_value_blocks(paragraphs: list[Paragraph]) -> list[KeyValueBlock]:
    """Runs of at least ``MIN_FIELDS`` key：value lines, ``MIN_FIGURES`` of them figures
    a check would read were they a table's."""
    blocks: list[KeyValueBlock] = []
    i = 0
    while i < len(paragraphs):
        pairs, j = _pairs(paragraphs, i)
        if len(pairs) >= MIN_FIELDS and sum(_figure_key(k, v) for k, v, _ in pairs) >= MIN_FIGURES:
            indexes = tuple(x for _, _, ps in pairs for x in ps)
            blocks.append(KeyValueBlock(paragraphs[i].location_at(0), tuple(k for k, _, _ in pairs), indexes))
        i = max(j, i + 1)
    return blocks
