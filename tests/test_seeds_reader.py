"""The three real reports beside the project rebuild into the right tables (skips without ../shared)."""

from __future__ import annotations

from auditlint.readers import read


def test_center_tables(seeds):
    doc = read(seeds / "nanjing-center-2024.txt")
    shapes = [(t.n_rows, t.n_cols) for t in doc.tables]
    assert shapes == [(6, 8), (5, 6), (8, 5), (43, 7)]
    budget = doc.tables[0].texts()
    assert budget[0][:3] == ["序号", "单位及项目", "预算资金"] and budget[1][2:5] == ["预算数", "追加", "扣减"]
    assert budget[3] == ["（一）", "基本支出", "710.52", "0", "0.86", "715.69", "715.69", "712.40"]
    assert budget[5][0] == "合计" and budget[5][2:] == ["1906.62", "0", "129.89", "1782.77", "1782.77", "1207.92"]
    scoring = doc.tables[3].texts()
    assert scoring[0] == ["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "指标值完成情况", "自评得分"]
    assert scoring[1] == ["决策（12分）", "计划制定（4分）", "中长期规划制定健全性", "健全", "2", "健全", "2"]


def test_bureau_scoring_table_with_tall_merged_cells(seeds):
    doc = read(seeds / "nanjing-bureau-2023.txt")
    (t,) = doc.tables
    assert (t.n_rows, t.n_cols) == (43, 8)
    rows = t.texts()
    assert rows[0][-1] == "自评得分" and rows[0][5] == "评分标准"
    assert rows[1][:5] == ["决策", "计划制定", "决策程序的科学规范性", "科学规范", "3"] and rows[1][7] == "3"
    assert [r[7] for r in rows[1:-1]].count("") == 0  # every indicator has its score
    assert rows[-2][2] == "经办服务满意度" and rows[-2][4] == "4" and rows[-2][7] == "3"


def test_suzhou_tables(seeds):
    doc = read(seeds / "suzhou-bureau-2024.txt")
    assert [(t.n_rows, t.n_cols) for t in doc.tables] == [(26, 6), (6, 3), (45, 8)]
    budget = doc.tables[0].texts()
    party = next(r for r in budget if r[0] == "党团活动经费")
    assert party == ["党团活动经费", "3.7", "-1091", "-1087.3", "1.79", "-0.16%"]
    assert doc.tables[1].texts()[0] == ["对应部门主要职责", "任务名称", "完成情况"]
