"""The indicator knowledge base (vocab/indicators.yaml, extract/kb/knowledge.py) and its
formula language (auditlint/formula.py), on plain values."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract.kb.knowledge import KnowledgeBaseError, knowledge_base, load, name_key
from auditlint.formula import FormulaError, parse
from auditlint.numbers import Approx

REQUIRED = {
    "预算执行率": "budget_execution_rate",
    "结转结余率": "carryover_rate",
    "预算调整率": "budget_adjustment_rate",
    "“三公经费”变动率": "sangong_change_rate",
    "“三公经费”控制率": "sangong_control_rate",
    "公用经费控制率": "public_funds_control_rate",
    "在职人员控制率": "staff_control_rate",
    "财政供养人员控制率": "staff_control_rate",
    "资金到位率": "funds_arrival_rate",
    "非税收入预算完成率": "nontax_completion_rate",
    "支付进度符合率": "payment_schedule_rate",
}


def value(x: Approx | None) -> Decimal:
    assert x is not None
    return round(x.mid, 2)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_the_issue_s_indicators_are_in_the_base(name):
    ind = knowledge_base().lookup(name)
    assert ind is not None and ind.id == REQUIRED[name]
    assert ind.unit == "%" and ind.good in ("higher", "lower") and ind.compute


def test_names_match_without_quotes_and_spaces():
    kb = knowledge_base()
    assert kb.lookup("三公经费变动率").id == "sangong_change_rate"
    assert kb.lookup(" 部门预算执行率 ").id == "budget_execution_rate"
    assert kb.lookup("预算执行") is None
    assert name_key("“三公”经费 控制率：") == "三公经费控制率"


def test_the_formulas_on_the_seeds_numbers():
    kb = knowledge_base()
    # suzhou: 2613.26 spent of 2661.53 adjusted
    c = kb.get("budget_execution_rate").compute[0]
    assert value(c.evaluate({"actual": "2613.26", "budget": "2661.53"})) == Decimal("98.19")
    # suzhou: 2723.99 initial, 2661.53 adjusted
    c = kb.get("budget_adjustment_rate").compute[0]
    assert value(c.evaluate({"adjusted": "2661.53", "initial": "2723.99"})) == Decimal("-2.29")
    # nanjing-center: 51.43 carried over of 1906.62; or what was left unspent
    carry = kb.get("carryover_rate").compute
    assert value(carry[0].evaluate({"carryover": "51.43", "budget": "1906.62"})) == Decimal("2.70")
    assert value(carry[1].evaluate({"budget": "2661.53", "actual": "2613.26"})) == Decimal("1.81")
    # nanjing-center 三公: 3.83 against 0.8 the year before
    c = kb.get("sangong_change_rate").compute[0]
    assert value(c.evaluate({"actual": "3.83", "prior": "0.8"})) == Decimal("378.75")
    # suzhou: 30 in post for 25 posts
    c = kb.get("staff_control_rate").compute[0]
    assert value(c.evaluate({"staff": 30, "posts": 25})) == Decimal(120)
    c = kb.get("payment_schedule_rate").compute[0]
    assert value(c.evaluate({"made": 120, "due": 100})) == Decimal(100)


def test_fact_references_name_their_source():
    kb = knowledge_base()
    facts = kb.get("budget_execution_rate").compute[0].facts
    assert (facts["actual"].source, facts["actual"].table, facts["actual"].row, facts["actual"].column) == (
        "table", "budget", "total", "actual")
    staff = kb.get("staff_control_rate").compute[0].facts
    assert staff["staff"].phrase == "staff_in_post" and "实有行政在职" in kb.phrases["staff_in_post"].words


def test_name_classes():
    kb = knowledge_base()
    assert kb.is_proportion("市区两定机构检查覆盖率") and kb.is_proportion("医保公共服务满意度")
    assert kb.is_proportion("资金到位率")  # from its range in the base
    assert not kb.is_proportion("非税收入预算完成率") and not kb.is_proportion("预算执行率")
    assert kb.is_count("来电量") and kb.is_count("完成课题报告数量")
    assert not kb.is_count("结算额") and not kb.is_count("资金数量")


def test_a_user_adds_an_indicator_without_code():
    kb = load("""
phrases:
  trained: {words: [培训人次], kind: count}
  planned: {words: [计划培训], kind: count}
indicators:
  - id: training_rate
    names: [培训计划完成率, 培训完成率]
    unit: "%"
    good: higher
    compute:
      - formula: trained ÷ planned × 100
        facts: {trained: text:trained, planned: text:planned}
""")
    ind = kb.lookup("培训完成率")
    assert ind.id == "training_rate"
    assert value(ind.compute[0].evaluate({"trained": 95, "planned": 100})) == Decimal(95)


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("indicators: [{id: x, names: [甲率], compute: [{formula: 'a /', facts: {a: text:p}}]}]\nphrases: {p: {words: [甲]}}",
     "expected a number"),
    ("indicators: [{id: x, names: [甲率], compute: [{formula: a / b, facts: {a: text:p}}]}]\nphrases: {p: {words: [甲]}}",
     "b used in the formula but not in `facts`"),
    ("indicators: [{id: x, names: [甲率], compute: [{formula: a, facts: {a: text:nope}}]}]", "text:nope names no entry"),
    ("indicators: [{id: x, names: [甲率], compute: [{formula: a, facts: {a: table:budget/total/spent}}]}]", "column 'spent'"),
    ("indicators: [{id: x, names: [甲率], compute: [{formula: a, facts: {a: table:scoring/total/actual}}]}]", "table kind"),
    ("indicators: [{id: x, names: [甲率], compute: [{formula: a, facts: {a: budget.total}}]}]", "must look like"),
    ("indicators: [{id: x, names: [甲率], good: better}]", "good 'better'"),
    ("indicators: [{id: X-1, names: [甲率]}]", "snake_case"),
    ("indicators: [{id: x, names: []}]", "non-empty list"),
    ("indicators: [{id: x, names: [甲率]}, {id: y, names: [“甲”率]}]", "already used by x"),
    ("indicators: [{id: x, names: [甲率], compute: [{formula: pow(a, 2), facts: {a: text:p}}]}]\nphrases: {p: {words: [甲]}}",
     "unknown function 'pow'"),
    ("indicators: {x: 1}", "must be a list"),
    ("phrases: {p: {words: [甲], unless: 乙}}", "`unless` must be a list"),
    ("indicators: [\n", "not valid YAML"),
])
def test_mistakes_in_the_base_are_named(yaml_text, message):
    with pytest.raises(KnowledgeBaseError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(yaml_text)


def test_formula_grammar():
    f = parse("(budget_adjusted - budget_initial) / budget_initial * 100")
    assert f.names == {"budget_adjusted", "budget_initial"}
    assert value(f.evaluate({"budget_adjusted": 2661.53, "budget_initial": 2723.99})) == Decimal("-2.29")
    assert parse("-a + 2 * (b - 1)").evaluate({"a": 1, "b": 3}).mid == 3
    assert parse("abs(a - b)").evaluate({"a": 1, "b": 3}).mid == 2
    assert parse("max(a, b, 7)").evaluate({"a": 1, "b": 3}).mid == 7
    assert parse("min(a, b)").evaluate({"a": 1, "b": 3}).mid == 1
    assert parse("a ÷ b × 100").evaluate({"a": 1, "b": 4}).mid == 25


def test_formulas_that_cannot_say_give_none():
    f = parse("a / b * 100")
    assert f.evaluate({"a": 1}) is None  # b missing
    assert f.evaluate({"a": 1, "b": 0}) is None  # a zero divisor
    assert f.evaluate({"a": 1, "b": Approx(Decimal("0.001"), Decimal("0.005"))}) is None  # one that may be zero


def test_formulas_carry_rounding_as_intervals():
    r = parse("a / b * 100").evaluate({"a": Approx.printed(Decimal("2613.26"), 2),
                                         "b": Approx.printed(Decimal("2661.53"), 2)})
    assert r.lo < Decimal("98.1864") < r.hi and r.half > 0


@pytest.mark.parametrize("bad", ["", "a +", "(a", "a b", "1..2", "a $ b", "abs()", "abs(a, b)", "max", "import os"])
def test_bad_formulas_are_refused(bad):
    with pytest.raises(FormulaError):
        parse(bad)


_names = st.sampled_from(["a", "b", "c"])


@st.composite
def expressions(draw, depth: int = 0) -> tuple[str, str]:
    """A formula and the same expression for Python, its integers as Decimals."""
    if depth > 3 or draw(st.booleans()):
        if draw(st.booleans()):
            name = draw(_names)
            return name, name
        n = draw(st.integers(1, 99))
        return str(n), f"D({n})"
    op = draw(st.sampled_from(["+", "-", "*", "/"]))
    (lf, lp), (rf, rp) = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    return f"({lf} {op} {rf})", f"({lp} {op} {rp})"


@settings(max_examples=150, deadline=None)
@given(expressions(), st.integers(1, 50), st.integers(1, 50), st.integers(1, 50))
def test_formulas_compute_what_python_computes(expr, a, b, c):
    text, python = expr
    env = {"a": Decimal(a), "b": Decimal(b), "c": Decimal(c)}
    try:
        want = eval(python, {"D": Decimal}, env)  # noqa: S307 - generated here, from names and integers
    except (ZeroDivisionError, InvalidOperation):  # x / 0, and 0 / 0 (Decimal's DivisionUndefined)
        want = None
    got = parse(text).evaluate(env)
    if want is None:
        assert got is None
    else:
        assert got is not None
        assert abs(got.mid - want) <= abs(want) * Decimal("1e-20") + Decimal("1e-20")
