"""Scoring-table headers seen on real 评分表 (issue 15): 考核内容 names the indicator,
评定分数 the score; 评价指标（分值） a name column whose names carry their weights."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.coverage import coverage_of
from auditlint.extract.scoring.columns import header_role
from auditlint.readers.text import read_bytes


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["一、评分情况"] + ["\t" + "\t".join(r) for r in [header, *rows]]
    return "\n".join(lines) + "\n二、存在的问题\n"


ROWS = [["预算编制科学性", "5", "5"], ["资金到位率", "5", "4"], ["资金使用合规性", "10", "12"], ["合计", "20", "21"]]


def test_kaohe_neirong_and_pingding_fenshu_head_a_scoring_table() -> None:
    text = _table(["考核内容", "分值", "评定分数"], ROWS)
    doc = read_bytes(text.encode("utf-8"), "r.txt")
    findings = lint_document(doc, RunOptions())
    assert [(f.check_id, f.evidence.stated, f.evidence.computed) for f in findings] == [("AL401", "12", "≤ 10")]
    cov = coverage_of(extract(read_bytes(text.encode("utf-8"), "r.txt")), read_all=True)
    assert cov.tables[0].read_as == "scoring"
    assert [r for _, r in cov.tables[0].columns if r] == ["level3", "weight", "score"]


def test_header_roles_of_real_scoring_headers() -> None:
    assert header_role("考核内容") == "level3" and header_role("评定分数") == "score"
    assert header_role("评价指标（分值）") == "level3"


def test_scores_within_weights_stay_silent() -> None:
    rows = [["预算编制科学性", "5", "5"], ["资金到位率", "5", "4"], ["资金使用合规性", "10", "9"], ["合计", "20", "18"]]
    doc = read_bytes(_table(["考核内容", "分值", "评定分数"], rows).encode("utf-8"), "r.txt")
    assert lint_document(doc, RunOptions()) == []


CODED = [
    ["A", "决策", "20", "18"], ["A1", "项目立项", "10", "9"], ["A11", "立项依据充分性", "5", "5"],
    ["A12", "立项程序规范性", "5", "4"], ["A2", "绩效目标", "10", "9"], ["A21", "绩效目标合理性", "5", "5"],
    ["A22", "绩效指标明确性", "5", "4"], ["B", "过程", "80", "75"], ["B1", "资金管理", "40", "38"],
    ["B11", "资金到位率", "20", "20"], ["B12", "预算执行率", "20", "18"], ["B2", "组织实施", "40", "37"],
    ["B21", "管理制度健全性", "20", "19"], ["B22", "制度执行有效性", "20", "18"], ["合计", "", "100", "93"],
]


def _coded(rows: list[list[str]]) -> str:
    return _table(["编号", "评价指标", "分值", "得分"], rows)


def test_indicator_codes_state_the_groups() -> None:
    # before: the A/A1 rows were indicators too, and the weights "added up" to 300
    text = _coded(CODED)
    assert lint_document(read_bytes(text.encode("utf-8"), "r.txt"), RunOptions()) == []
    cov = coverage_of(extract(read_bytes(text.encode("utf-8"), "r.txt")), read_all=True)
    groups = {(g.name, g.weight): g.members for g in cov.tables[0].groups}
    assert groups[("决策", "20")] == ["立项依据充分性", "立项程序规范性", "绩效目标合理性", "绩效指标明确性"]
    assert groups[("项目立项", "10")] == ["立项依据充分性", "立项程序规范性"]
    assert len(cov.tables[0].totals[0].covers) == 8


def test_a_coded_group_whose_weight_disagrees_is_a_finding() -> None:
    rows = [list(r) for r in CODED]
    rows[1][2] = "12"  # A1 项目立项 states 12 over 5 + 5
    findings = lint_document(read_bytes(_coded(rows).encode("utf-8"), "r.txt"), RunOptions())
    assert [(f.check_id, f.evidence.stated, f.evidence.computed) for f in findings] == [("AL104", "12", "10")]


def test_dotted_codes_state_the_groups_too() -> None:
    rows = [["1", "决策", "10", "9"], ["1.1", "立项依据充分性", "5", "5"], ["1.2", "立项程序规范性", "5", "4"],
            ["2", "产出", "10", "10"], ["2.1", "数量指标", "5", "5"], ["2.2", "质量指标", "5", "5"], ["合计", "", "20", "19"]]
    assert lint_document(read_bytes(_coded(rows).encode("utf-8"), "r.txt"), RunOptions()) == []
