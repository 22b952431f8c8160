"""Which rows a total covers, inferred from the numbers, must not be fooled by chance.

Consistent tables — flat lists of projects with round amounts and small 追加/扣减
figures, and department tables with an unlabelled 基本支出/项目支出 split printed
under a total that comes first — give no finding at all; the same tables with one
amount changed give one."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.engine.run import RunOptions, lint_document
from auditlint.readers.text import read_bytes

OPTIONS = RunOptions(select=frozenset({"AL1", "AL2", "AL3"}), plugins=False)
HEADER = ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"]


def text_of(grid: list[list[str]]) -> bytes:
    body = "\n\n".join("\n".join("\t" + c for c in row) for row in grid)
    return ("一、预算执行情况\n" + body + "\n\n\n二、其他\n").encode()


def flat_table(rng: random.Random) -> list[list[str]]:
    rows = []
    for i in range(rng.randint(3, 12)):
        budget = rng.choice([5, 10, 15, 20, 25, 30, 40, 50, 60]) * rng.choice([1, 1, 2])
        add, cut = rng.choice([0, 0, 1, 2, 3]), rng.choice([0, 0, 1, 2])
        adjusted = budget + add - cut
        rows.append([f"项目{i + 1}", budget, add, cut, adjusted, max(0, adjusted - rng.choice([0, 0, 1, 2, 5]))])
    total = ["合计", *(sum(r[k] for r in rows) for k in range(1, 6))]
    grid = [[str(x) for x in r] for r in rows]
    return [HEADER, *([[str(x) for x in total], *grid] if rng.random() < 0.5 else [*grid, [str(x) for x in total]])]


def department_table(rng: random.Random) -> list[list[str]]:
    projects = []
    for i in range(rng.randint(3, 10)):
        budget = Decimal(rng.randint(100, 99999)) / 100 if rng.random() < 0.7 else Decimal(rng.choice([10, 20, 30, 40]))
        add = Decimal(rng.choice([0, 0, 1, 2]))
        actual = budget + add - Decimal(rng.randint(0, 300)) / 100
        projects.append([f"专项{i + 1}", budget, add, Decimal(0), budget + add, max(actual, Decimal(0))])
    basic_amount = Decimal(rng.randint(10000, 99999)) / 100
    basic = ["基本支出", basic_amount, Decimal(0), Decimal(0), basic_amount, basic_amount]
    project = ["项目支出", *(sum(p[k] for p in projects) for k in range(1, 6))]
    total = ["预算总金额", *(basic[k] + project[k] for k in range(1, 6))]

    def shown(row: list) -> list[str]:
        return [row[0], *(f"{x:.2f}" if k not in (2, 3) else str(x) for k, x in enumerate(row[1:], 1))]

    return [HEADER, *(shown(r) for r in [total, basic, project, *projects])]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from([flat_table, department_table]))
def test_consistent_tables_give_no_finding(seed, make):
    grid = make(random.Random(seed))
    findings = lint_document(read_bytes(text_of(grid), "t.txt"), OPTIONS)
    assert findings == [], [f.message_zh for f in findings]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from([flat_table, department_table]))
def test_one_changed_amount_is_found(seed, make):
    rng = random.Random(seed)
    grid = make(rng)
    r = rng.randrange(1, len(grid))
    c = rng.choice([1, 4, 5])  # 年初预算数, 调整后预算数, 实际支出数
    grid[r][c] = f"{Decimal(grid[r][c]) + Decimal('7.00'):.2f}"
    findings = lint_document(read_bytes(text_of(grid), "t.txt"), OPTIONS)
    assert findings, f"row {grid[r][0]} column {HEADER[c]} changed by 7 and nothing was reported"
