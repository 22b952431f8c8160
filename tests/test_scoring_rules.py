"""The 评分标准 parser: each rule shape, its maximum and its award, what it leaves
unparsed, and properties over generated rules (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from auditlint.extract.scoring.rules import (
    Additive,
    Bands,
    Choice,
    Deduction,
    Proportional,
    Threshold,
    Unparsed,
    band_breaks,
    parse_condition,
    parse_rule,
    readings_in,
)

D = Decimal


def mx(text: str, weight: str = "100") -> Decimal | None:
    return parse_rule(text).max_points(D(weight))


def award(text: str, actual: str, weight: str, target: str = ""):
    from auditlint.extract.scoring import Indicator

    ind = Indicator(0, "x", ("x",), target=target)
    tr = ind.target_readings
    return parse_rule(text).award(readings_in(actual), D(weight), tr[0] if len(tr) == 1 else None)


# ---------------------------------------------------------------------------
# shapes and maxima


@pytest.mark.parametrize(
    ("text", "kind", "maximum"),
    [
        # additive items, with and without 共N项, items holding their own alternatives
        ("共3项，分别为：1.建立了决策制度，得1分，未建立不得分；2.决策制度科学可行，得1分，不可行不得分；3.流程规范合理，得1分，不合理不得分。",
         Additive, "3"),
        ("共2项：1.预决算在“双平台”进行公开，得0.5分；未公开，得0分。2.内容和时限符合要求，得0.5分，不符合要求，得0分。", Additive, "1"),
        ("共2项：1.目标可衡量，得1分；不可衡量，得\n0分。2.目标可实现，得1分；不可实现，得0分。", Additive, "2"),
        ("1.收入应收尽收，得0.5分；2.支出合规，得0.5分；不符合，每发现一例扣除0.2分，扣完为止。", Additive, "1"),
        ("共2项：\n1.第1项要求达到的，得2.5分；未达到的，不得分。\n2.第2项要求达到的，得2.5分；未达到的，不得分。", Additive, "5"),
        # worded levels: the best one
        ("目标明确，得2分；明确性不足，得1分；没有制定，得0分。", Choice, "2"),
        ("已制订预算管理办法，得1分；未制定，得0分。", Choice, "1"),
        ("完成得分，没完成不得分。", Choice, "100"),
        ("达到目标，得该项全部分值；未达到，得1分", Choice, "100"),
        # thresholds, one measure or several
        ("生育保险参保人数不低于360万人，得4分", Threshold, "4"),
        ("居民医保财政补助标准不低于人均935元，得3分", Threshold, "3"),
        ("参保人数不低于856.37万人，得2分；参保率不低于99%，得2分。", Additive, "4"),
        # bands
        ("90%-100%得2.5分；80%-89%得1分；60%以下，不得分", Bands, "2.5"),
        ("≥90%得5分；≥80%得3分；＜80%不得分", Bands, "5"),
        ("满意度≥90%得满分，80%（含）-90%得80%分值，70%（含）-80%得60%分值，70%以下不得分。", Bands, "100"),
        ("满意度达到90%及以上得满分；达到80%得权重的80%；80%以下不得分。", Bands, "100"),
        # proportional
        ("实际到位资金与预算资金的比率。到位比率*权重=得分。", Proportional, "100"),
        ("结果得分=满意度结果比例*指标权重分。", Proportional, "100"),
        ("各类教育培训场次≥20次，得满分；＜20次，按照实际业绩值与标准值的比值，乘以权重分计分。", Proportional, "100"),
        # deductions: from 满分, or from the points the best case prints
        ("“三公”经费控制率在100%(含)以下，得满分；每超出1%扣除5%的权重分，扣完为止。", Deduction, "100"),
        ("存在违反预算规定情况，每发现一例扣除0.2分，扣完为止。", Deduction, "100"),
        ("调整后部门预算执行率为100%，得1分；没有达到100%，每低1%扣除5%得权重分，扣完为止。", Deduction, "1"),
        ("严格执行合同管理规定的，得1分；未严格执行，每发现一例扣除0.2分，扣完为止。", Deduction, "1"),
    ],
)
def test_shapes_and_maxima(text, kind, maximum):
    rule = parse_rule(text)
    assert isinstance(rule, kind), (rule, getattr(rule, "reason", ""))
    assert rule.max_points(D(100)) == D(maximum)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "根据实际情况酌情打分。",
        # two worded conditions worth the same: alternatives or additive? not guessed
        "制度健全得1分；执行到位得1分。",
        # 共3项 announced, two items printed
        "共3项：1.甲，得1分；2.乙，得1分。",
        "达到目标得2分；部分达到按比例得分；基本完成得1分",
        # a fraction of the weight in words: not 3 points, and not dropped either
        "满意度≥90%得满分，80%-90%得三分之二分值，80%以下不得分。",
        "全部完成得5分，完成80%以上得3分，完成60%-80%得1分，60%以下不得分",
        # points for each of a list: 2 × 3, not 3
        "6月底、9月底执行进度分别达到45%、70%的，各得3分。",
        "上半年、全年各项任务按时完成的，每项得2分。",
    ],
)
def test_what_is_not_understood_stays_unparsed(text):
    rule = parse_rule(text)
    assert isinstance(rule, Unparsed)
    assert rule.max_points(D(5)) is None
    assert rule.award(readings_in("100%"), D(5)) is None


def test_a_share_inside_one_of_several_items_has_no_known_maximum():
    # 满分 of which item? the weight's split between items is not printed
    assert mx("1.按时完成，得满分；2.资料齐全，得1分。") is None


def test_offsets_point_at_the_best_points():
    text = "已制订管理办法，得1分；未制定，得0分。"
    rule = parse_rule(text)
    assert text[rule.at :].startswith("得1分")
    add = parse_rule("共2项：1.甲达到，得0.5分；2.乙达到，得0.5分。")
    assert "共2项：1.甲达到，得0.5分"[add.at :].startswith("得0.5分")


# ---------------------------------------------------------------------------
# conditions


@pytest.mark.parametrize(
    ("text", "kind", "lo", "hi"),
    [
        ("不低于85%", "lower", "85", None),
        ("超过90%", "lower", "90", None),
        ("控制率在100%(含)以下", "upper", None, "100"),
        ("低于90%", "upper", None, "90"),
        ("80%-89%", "range", "80", "89"),
        ("80-100%", "range", "80", "100"),
        ("为100%", "equal", "100", "100"),
        ("不低于360万人", "lower", "3600000", None),
        ("大于等于80%且小于90%", "range", "80", "90"),
        ("制度健全", "text", None, None),
        ("12393服务满意度", "text", None, None),
    ],
)
def test_conditions(text, kind, lo, hi):
    c = parse_condition(text)
    assert c.kind == kind
    assert c.lo == (D(lo) if lo else None) and c.hi == (D(hi) if hi else None)


def test_bound_inclusion_is_not_guessed():
    below = parse_condition("60%以下")
    (at60,) = readings_in("60%")
    assert below.test(at60) is None  # 以下 may or may not include 60%
    assert parse_condition("60%(含)以下").test(at60) is True
    assert parse_condition("低于60%").test(at60) is False
    (over,) = readings_in("超过90%")
    assert parse_condition("不低于90%").test(over) is True
    assert parse_condition("80%-89%").test(over) is False
    assert parse_condition("90%-100%").test(over) is None  # above 100% is not ruled out


# ---------------------------------------------------------------------------
# awards


@pytest.mark.parametrize(
    ("text", "actual", "weight", "shown"),
    [
        ("不低于70%，得4分", "2023年，救助比例88.5%", "3", "4"),
        ("不低于360万人，得4分", "2023年底，参保人数362.95万人", "4", "4"),
        ("不低于360万人，得4分", "参保人数355万人", "4", "0"),
        ("90%-100%得5分；80%-89%得3分；70%-79%得2分；70%以下不得分。", "80.31%", "5", "3"),
        ("结果得分=满意度结果比例*指标权重分。", "超过90%。", "4", "> 3.6"),
        ("结果得分=满意度结果比例*指标权重分。", "满意度95.5%", "4", "3.818–3.822"),
        ("达到90%，得满分；低于90%，按照完成率与目标值的比重乘以权重得分。", "超过90%。", "3", "3"),
        ("“三公”经费控制率在100%(含)以下，得满分；每超出1%扣除5%的权重分，扣完为止。", "控制率76.76%", "2", "2"),
        ("控制率在100%(含)以下，得满分；每超出1%扣除5%的权重分，扣完为止。", "控制率103%", "2", "1.7"),
        ("参保人数不低于856.37万人，得2分；参保率不低于99%，得2分。", "参保人数870.96万人，参保率99%以上。", "4", "4"),
        ("满意度≥90%得满分，80%（含）-90%得80%分值，70%（含）-80%得60%分值，70%以下不得分。", "85%", "5", "4"),
        ("预算执行率≥95%，得满分；每降低1%扣0.5分，扣完为止。", "预算执行率92%", "5", "3.5"),
    ],
)
def test_awards(text, actual, weight, shown):
    a = award(text, actual, weight)
    assert a is not None and a.show() == shown


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("已制订管理办法，得1分；未制定，得0分。", "已制订管理办法"),  # worded: nothing to compute
        ("不低于70%，得4分", "比例较上年提高"),  # no number in the actual
        ("不低于70%，得4分", "目标70%，实际88.5%"),  # two percentages: which is the actual?
        ("90%-100%得5分；80%-89%得3分", "89.5%"),  # between printed bands
        ("每发现一例扣除0.2分，扣完为止。", "发现2例"),  # a count the table does not give
    ],
)
def test_no_award_when_it_cannot_tell(text, actual):
    assert award(text, actual, "5") is None


def test_a_ratio_rule_uses_the_target():
    a = award("达到100%得满分，未达到按完成值与目标值的比值乘以权重计分", "完成16次", "2", target="20次")
    assert a is None  # 次 against a % bound: the bound's measure is not the actual's
    a = award("按完成值与目标值的比值乘以权重计分", "完成16次", "2", target="20次")
    assert a is not None and a.lo == D("1.55") and a.hi == D("1.65")


def test_readings_skip_years_serials_and_names():
    rs = readings_in("2023年底，12393热线接通率95.5%，15分钟服务圈覆盖1230个社区，DRG2.0上线")
    assert [(r.unit, r.lo) for r in rs] == [("%", D("95.5")), ("个", D("1230"))]


# ---------------------------------------------------------------------------
# bands: gaps and overlaps


def test_band_gap_and_overlap_from_the_issue():
    gap = band_breaks(parse_rule("90%-100%得2.5分；80%-89%得1分；60%以下，不得分").bands()[0])
    assert [(b.kind, b.stated, b.expected) for b in gap] == [("gap", D(60), D(79))]
    over = band_breaks(parse_rule("80-100%得4分，50%-79%得2分，60%以下不得分").bands()[0])
    assert [(b.kind, b.stated, b.expected) for b in over] == [("overlap", D(60), D(49))]


@pytest.mark.parametrize(
    "text",
    [
        "90%-100%得5分；80%-89%得3分；70%-79%得2分；70%以下不得分。",
        "90%-100%得5分；80%-90%得3分；80%以下不得分。",  # touching bounds
        "90%以上得5分；80%-89%得3分；79%以下不得分。",
        "≥90%得5分；≥80%得3分；＜80%不得分",
        "95.0%-100%得5分；90.0%-94.9%得3分",
    ],
)
def test_contiguous_bands_have_no_break(text):
    rule = parse_rule(text)
    assert isinstance(rule, Bands) and band_breaks(rule) == []


# ---------------------------------------------------------------------------
# properties


_ALPHABET = st.sampled_from(list("0123456789.%-~得分扣除每项共，；。：、（）()≥≤<>=以上下不低于超过满分权重比例乘以未达到一例")
                            + ["得1分", "得0.5分", "90%", "不得分", "共2项", "1.", "2."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_text_parses_without_crashing(text):
    rule = parse_rule(text)
    m = rule.max_points(D(5))
    assert m is None or m >= 0
    rule.award(readings_in(text), D(5))
    for b in rule.bands():
        band_breaks(b)


_POINTS = st.integers(1, 16).map(lambda n: D(n) / 2)


@given(st.lists(_POINTS, min_size=2, max_size=5))
def test_additive_maximum_is_the_sum_of_its_items(points):
    items = "".join(f"{k}.第{k}项要求达到的，得{p}分；未达到的，不得分。" for k, p in enumerate(points, 1))
    rule = parse_rule(f"共{len(points)}项：{items}")
    assert isinstance(rule, Additive)
    assert rule.max_points(None) == sum(points)


@st.composite
def _bands(draw):
    n = draw(st.integers(2, 4))
    top = draw(st.integers(60, 95))
    width = draw(st.integers(5, 15))
    bounds, lo = [], top
    bounds.append((top, 100))
    for _ in range(n - 1):
        hi, lo = lo - 1, lo - width
        if lo < 0:
            break
        bounds.append((lo, hi))
    pts = sorted(draw(st.lists(_POINTS, min_size=len(bounds), max_size=len(bounds), unique=True)), reverse=True)
    return bounds, pts


def _band_text(bounds, pts):
    return "；".join(f"{lo}%-{hi}%得{p}分" for (lo, hi), p in zip(bounds, pts)) + f"；{bounds[-1][0]}%以下不得分。"


@given(_bands(), st.data())
def test_generated_bands_parse_award_and_meet(spec, data):
    bounds, pts = spec
    rule = parse_rule(_band_text(bounds, pts))
    assert isinstance(rule, Bands)
    assert rule.max_points(None) == pts[0]
    assert band_breaks(rule) == []
    k = data.draw(st.integers(0, len(bounds) - 1))
    lo, hi = bounds[k]
    actual = data.draw(st.integers(lo * 100, hi * 100)).__truediv__(100)
    a = rule.award(readings_in(f"{actual:.2f}%"), pts[0])
    assert a is not None and a.exact and a.lo == pts[k]


@given(_bands(), st.integers(2, 6), st.booleans())
def test_a_moved_bound_is_a_gap_or_an_overlap(spec, shift, widen):
    bounds, pts = spec
    (lo, hi) = bounds[1]
    moved = hi + shift if widen else hi - shift
    assume(moved > lo)
    bounds = [bounds[0], (lo, moved), *bounds[2:]]
    breaks = band_breaks(parse_rule(_band_text(bounds, pts)))
    assert len(breaks) >= 1
    first = next(b for b in breaks if b.stated == moved)
    assert first.kind == ("overlap" if widen else "gap") and first.expected == bounds[0][0] - 1


@given(st.integers(1, 99), _POINTS, st.integers(0, 10000))
def test_threshold_awards_its_points_above_the_bound_and_nothing_below(bound, points, actual100):
    rule = parse_rule(f"完成率不低于{bound}%，得{points}分")
    assert isinstance(rule, Threshold) and rule.max_points(None) == points
    actual = D(actual100) / 100
    a = rule.award(readings_in(f"完成率{actual}%"), points)
    assert a is not None and a.lo == (points if actual >= bound else 0)
