"""AL205: the deviation column of indicator tables and scored 自评表 against
(actual − target) ÷ target."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import cell_text, report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike
from auditlint.extract.kb.targets import Pair, comparable, garbled, impossible_target, met
from auditlint.findings import Evidence, Finding, Message, Related, Severity
from auditlint.numbers import HUNDRED, Approx, Quantity, Verdict, compare, fmt

DEVIATION_IS_NOT = Message(
    zh="“{name}”：目标值{target}，完成值{actual}，偏差应为 {computed}，表中为 {stated}",
    en="“{name}”: target {target}, done {actual}: the deviation should be {computed}, the table says {stated}",
)


def readings(pair: Pair) -> list[tuple[str, Approx]]:
    """What a printed deviation may fairly mean, the standard reading first:
    (actual − target) ÷ target; the same with the sign turned (target − actual);
    the difference in percentage points when both are percents; 0 when the target
    is certainly met (templates that only record shortfalls)."""
    t = Approx.exact(pair.target)
    out: list[tuple[str, Approx]] = []
    if pair.target != 0:
        rel = (pair.actual - t) / t
        rel = rel.scale(HUNDRED)
        out += [("relative", rel), ("relative, sign turned", -rel)]
    if pair.percent:
        pp = pair.actual - t
        out += [("points", pp), ("points, sign turned", -pp)]
    if met(pair):
        out.append(("met", Approx.exact(0)))
    return out


def _verdict(stated: Approx, pair: Pair) -> tuple[Verdict, Approx] | None:
    """The closest reading's verdict, or None when one reading holds (or none exists)."""
    found = readings(pair)
    if not found:
        return None
    best: tuple[Verdict, Approx] | None = None
    order = {"ok": 0, "warning": 1, "error": 2}
    for _name, value in found:
        v = compare(stated, value)
        if v.ok:
            return None
        if best is None or order[v.level] < order[best[0].level]:
            best = (v, value)
    # report against the standard reading, whatever reading came closest
    return (best[0], found[0][1]) if best is not None else None


@check("AL205", "deviation-mismatch", severity="error", zh="偏差栏不等于（完成值 − 目标值）÷ 目标值", en="The deviation column is not (actual − target) ÷ target",
       messages=(DEVIATION_IS_NOT,))
def deviation_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    指标表的偏差（偏差情况、偏差率）应为（完成值 − 目标值）÷ 目标值；与分值、得分同列一表的偏差栏（中央
    部门（项目）支出绩效自评表）同样核对。按打印精度的区间比较；
    也接受符号相反的写法、百分比之间的百分点差，以及目标确已达到时写“0%”的写法，都不相符才报告。
    目标或完成值是文字（健全、合规）、目标不可能达到（AL304）、或该行各栏错位时不作判断。
    错误示例：目标“＞85%”，完成“89%”，偏差“100%”（应为 4.71%）。
    正确示例：目标“=2篇”，完成“1篇”，偏差“-50.00%”。

    en:
    An indicator table's deviation (偏差情况, 偏差率) must be (actual − target) ÷ target, and so
    must a deviation column printed beside 分值 and 得分 (the central 项目支出绩效自评表).
    Compared as intervals at printed precision; the opposite sign, the difference in
    percentage points between two percents, and "0%" for a target certainly met are
    accepted too, and only a deviation matching none is reported. Text targets or
    completions (健全, 合规), impossible targets (AL304) and rows whose columns look
    shifted are not judged.
    Bad: target ">85%", done "89%", deviation "100%" (should be 4.71%).
    Good: target "=2篇", done "1篇", deviation "-50.00%".
    """
    # indicator tables and scoring tables alike: the central 项目支出绩效自评表 prints 偏差
    # beside 分值 and 得分
    for _key, row in report_indicator_rows(facts):
        if "deviation" in row.cells:
            finding = _row_finding(row)
            if finding is not None:
                yield finding


def _row_finding(row: IndicatorRowLike) -> Finding | None:
    dev: Quantity | None = getattr(row, "deviation", None)
    if getattr(row, "uncertain", False) or dev is None or dev.value is None or not dev.is_percent or dev.comparator not in (None, "="):
        return None
    if impossible_target(row) or garbled(row):
        return None
    pair = comparable(row)
    if pair is None:
        return None
    stated = dev.approx
    got = _verdict(stated, pair)
    if got is None:
        return None
    verdict, computed = got
    places = max(2, dev.decimals)
    cell = row.cells["deviation"]
    shown = cell.text.strip()
    target_text, actual_text = cell_text(row, "target"), cell_text(row, "actual")
    value = fmt(computed.mid, places) + "%"
    expr = f"({actual_text} − {fmt(pair.target)}) ÷ {fmt(pair.target)}" if pair.target else f"{actual_text} − {target_text}"
    return Finding(
        location=cell.location,
        **DEVIATION_IS_NOT.format(name=row.name, target=target_text, actual=actual_text, computed=value, stated=shown),
        evidence=Evidence(expression=expr, stated=shown, computed=value, difference=fmt(abs(stated.mid - computed.mid), places),
                          tolerance=fmt(verdict.tolerance),
                          operands=(("目标值", target_text), ("完成值", actual_text))),
        snippet=row_snippet(row),
        related=[Related(row.cells[r].location, cell_text(row, r)) for r in ("target", "actual") if r in row.cells],
        confidence=0.9 if verdict.level == "error" else 0.6,
        materiality=min(1.0, float(abs(stated.mid - computed.mid)) / 100),
        key=(row.name, "deviation"),
        severity=Severity.ERROR if verdict.level == "error" else Severity.WARNING,
    )
