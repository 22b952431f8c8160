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
