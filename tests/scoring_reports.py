"""Small scoring-table reports in the cell-per-line text layout, for the scoring tests.

Numbers are reused from the real reports; the words are our own.
"""

from __future__ import annotations

from reports import by_id as by_id
from reports import cell_lines
from reports import facts_of as facts_of
from reports import line_of as line_of
from reports import lint as lint

HEADER = ["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "指标值完成情况", "自评得分"]

# a department table in the shape of a Jiangsu 指标体系得分情况: group weights inline,
# group cells blank below their first row, a 得分 total row printed short
GROUPED = [
    HEADER,
    ["决策（8分）", "计划制定（4分）", "中长期规划制定健全性", "健全", "2", "健全", "2"],
    ["", "", "工作计划制定健全性", "健全", "2", "健全", "2"],
    ["", "预算编制（4分）", "预算编制科学性", "科学", "2", "科学", "2"],
    ["", "", "预算编制规范性", "规范", "2", "规范", "2"],
    ["过程（6分）", "预算执行（6分）", "预算调整率", "＝0%", "2", "≥0%", "1"],
    ["", "", "支付进度符合率", "＝100%", "2", "＝100%", "2"],
    ["", "", "预算执行率", "＝100%", "2", "≤100%", "1"],
    ["履职（10分）", "咨询服务", "接通率", "＞95%", "5", "＞95%", "5"],
    ["", "", "服务满意度", "＞95%", "5", "＞95%", "5"],
    ["得分", "22"],
]

RULE_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "权重", "评分标准", "完成情况", "自评得分"]

# a table with a 评分标准 column and stated actuals, in the shape of a Nanjing 指标体系得分
RULES = [
    RULE_HEADER,
    ["决策", "计划制定", "决策程序规范性", "规范", "3",
     "共3项：1.建立决策制度，得1分，未建立不得分；2.制度科学可行，得1分，不可行不得分；3.流程规范合理，得1分，不合理不得分。",
     "已建立，科学可行，流程规范", "3"],
    ["", "", "管理制度健全性", "健全", "2", "已制订管理办法，得2分；未制定，得0分。", "已制订管理办法。", "2"],
    ["履职", "参保水平", "参保人数", "363.21万人", "4", "参保人数不低于360万人，得4分", "2023年底，参保人数364.02万人", "4"],
    ["", "支付比例", "住院费用基金支付比例", "85%", "4", "支付比例不低于85%，得4分", "2023年底，支付比例为90.03%", "4"],
    ["", "", "救助比例", "不低于70%", "3", "90%-100%得3分；80%-89%得2分；70%-79%得1分；70%以下不得分。", "2023年，救助比例88.5%", "2"],
    ["满意度", "服务对象满意度", "经办服务满意度", "100%", "4", "结果得分=满意度结果比例*指标权重分。", "95.5%。", "3.82"],
    ["合计", "", "", "", "20", "", "", "18.82"],
]


def copy(rows: list[list[str]]) -> list[list[str]]:
    return [list(r) for r in rows]


def scoring_report(*tables: list[list[str]], narrative: str = "", between: str = "附件：指标体系得分情况",
                   title: str = "2023年度部门整体支出绩效自评报告") -> str:
    body = f"{title}\n\n一、部门概况\n本单位主要承担医疗保障经办服务工作。\n"
    if narrative:
        body += narrative.rstrip("\n") + "\n"
    for t in tables:
        body += between + "\n" + cell_lines(t) + "\n\n"
    return body + "二、其他需要说明的情况\n无。\n"


