"""The scoring table several narrative reports share: seven columns, a 合计 row, and the
grade its total earns."""

from __future__ import annotations

from decimal import Decimal

from corpusgen.numbers import D

Indicator = tuple[str, str, str, object, str, str, object]  # 一级, 二级, 三级, 分值, 指标值, 完成值, 得分


def grade(total: Decimal) -> str:
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def score_rows(ind: list[Indicator]) -> tuple[list[list[str]], Decimal]:
    """The table's rows, header and 合计 included, and the total score."""
    rows = [["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"]]
    rows += [[a, b, c, str(w), t, v, str(g)] for a, b, c, w, t, v, g in ind]
    assert sum(D(str(x[3])) for x in ind) == 100
    tot = sum(D(str(x[6])) for x in ind)
    rows.append(["合计", "<", "<", "100", "—", "—", f"{tot:f}"])
    return rows, Decimal(tot)
