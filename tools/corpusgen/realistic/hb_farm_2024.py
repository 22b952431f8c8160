"""A Hebei county agriculture bureau: 耕地地力保护补贴 项目支出绩效自评报告 (2024),
cell-per-line text and PDF.

Varies: a per-mu standard (每亩105.28元) times areas (亩, two decimals) by township, the
amounts in 元 rounded per row; counts of households beside areas and money; 万亩 / 万户 /
万元 in the text restating the table; funds announced in advance the year before
(冀财农〔2023〕158号 提前下达) and this year, 发放率 and a small 结余 returned; a 自评表 with
"6月30日前", "105.28元/亩", "同比下降", ratio scores, a multi-line cell, and a 良 grade
with the bands printed; dates (截至2024年7月12日)."""

import random

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, s, th

NAME = "hb-farm-2024"
FORMATS = ("txt", "pdf")

STD = D("105.28")
TOWNS = ["滏城镇", "北关镇", "南留镇", "东王庄镇", "西高乡", "马头镇", "柳林乡", "辛庄乡", "孟家庄镇", "双庙乡",
         "固城镇", "三里店乡"]
ADVANCE = ("冀财农〔2023〕158号", "提前下达", D("5800.00"))
SECOND = "冀财农〔2024〕36号"  # the second allocation tops the advance up to the next 10万元 plus 10万元


def towns():
    rnd = random.Random(2024)
    out = []
    for name in TOWNS:
        area = D(rnd.randint(3800000, 7600000)) / 100  # 亩, two decimals
        hh = int(area * 10 / D(rnd.randint(66, 76)))  # 6.6–7.6 亩 per household
        out.append((name, hh, area, q(area * STD)))
    return out


def build() -> Report:
    r = Report(style="cell", title="滏阳县2024年度耕地地力保护补贴资金项目支出绩效自评报告")
    rows_t = towns()
    hh = sum(x[1] for x in rows_t)
    area = sum(x[2] for x in rows_t)
    money = sum(x[3] for x in rows_t)
    paid = money / 10000
    second = (((paid - ADVANCE[2]) / 10).to_integral_value(rounding="ROUND_CEILING") + 1) * 10
    DOCS = [ADVANCE, (SECOND, "下达", second)]
    funds = sum(d[2] for d in DOCS)
    left = funds - q(paid)
    rate = q(paid / funds * 100)
    assert left > 0

    r.p(C("滏阳县2024年度耕地地力保护补贴资金"), C("项目支出绩效自评报告"), "")
    r.p("一、项目基本情况",
        "耕地地力保护补贴对象原则上为拥有耕地承包权的种地农民，补贴依据为农村土地承包经营权确权登记面积，已作为畜牧"
        "养殖场所、林地、成片粮田转为设施农业用地、非农业征（占）用耕地等已改变用途的耕地，以及长年抛荒地、占补平衡"
        f"中“补”的面积和质量达不到耕种条件的耕地不予补贴。2024年我县补贴标准为每亩{STD}元。",
        "二、资金下达及发放情况",
        f"省财政厅《关于提前下达2024年中央财政农业相关转移支付资金的通知》（{DOCS[0][0]}）提前下达我县耕地地力保护补贴"
        f"资金{th(DOCS[0][2])}万元，《关于下达2024年耕地地力保护补贴资金的通知》（{DOCS[1][0]}）下达{th(DOCS[1][2])}万元，"
        f"合计{th(funds)}万元。截至2024年7月12日，全县通过“一卡通”发放补贴{th(paid)}万元，发放率{rate}%，结余"
        f"{th(left)}万元已按规定上缴。",
        f"全县共补贴{th(hh, 0)}户、面积{th(area)}亩（约{q(area / 10000)}万亩），户均补贴{th(money / hh)}元。各乡镇发放"
        "情况见表1。",
        "表1  2024年耕地地力保护补贴发放情况（按乡镇）")
    rows = [["序号", "乡镇", "补贴户数（户）", "补贴面积（亩）", "补贴金额（元）"]]
    for i, (name, h, a, m) in enumerate(rows_t, 1):
        rows.append([str(i), name, th(h, 0), th(a), th(m)])
    rows.append(["合计", "<", th(hh, 0), th(area), th(money)])
    r.t(rows)

    sc_time, sc_land, sc_straw, sc_know = D(6), D(6), q(D("38.6") / 40 * 10), D(7)
    sc_exec = q(rate / 10)
    ind = [
        ("产出指标", "数量指标", "补贴面积", "≥68万亩", f"{q(area / 10000)}万亩", 10, "10", ""),
        ("^", "^", "补贴农户数", "≥9万户", f"{q(D(hh) / 10000)}万户", 10, "10", ""),
        ("^", "质量指标", "补贴面积核实准确率", "≥98%", "99.2%", 10, "10", ""),
        ("^", "时效指标", "补贴资金发放时间", "6月30日前", "7月12日发放完毕", 10, s(sc_time, 0),
         "两个乡镇面积公示期间\n有异议，复核后延迟发放"),
        ("^", "成本指标", "亩均补贴标准", f"{STD}元/亩", f"{STD}元/亩", 10, "10", ""),
        ("效益指标", "社会效益指标", "耕地撂荒面积", "同比下降", "与上年持平", 10, s(sc_land, 0), "个别山区村撂荒整治未完成"),
        ("^", "生态效益指标", "秸秆还田面积", "≥40万亩", "38.6万亩", 10, s(sc_straw), "按完成比例计分"),
        ("^", "可持续影响指标", "补贴政策知晓率", "≥90%", "86.3%", 10, s(sc_know, 0), "政策宣传覆盖不足"),
        ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "91.2%", 10, "10", ""),
        ("预算执行", "资金发放率", "<", "100%", f"{rate}%", 10, s(sc_exec), "发放率×分值"),
    ]
    assert sum(x[5] for x in ind) == 100
    total = sum(D(x[6]) for x in ind)
    grade = "优" if total >= 90 else ("良" if total >= 80 else "中")
    r.p("三、绩效目标完成情况",
        f"全年补贴面积{q(area / 10000)}万亩、农户{q(D(hh) / 10000)}万户，均完成年度目标。因两个乡镇面积公示期间群众有"
        "异议，经复核后于7月12日发放完毕，晚于6月30日的时限要求。秸秆还田面积38.6万亩，为目标（40万亩）的"
        f"{pct(D('38.6'), 40)}。抽样调查农户520户，政策知晓率86.3%，满意度91.2%。",
        "四、绩效自评结果",
        "表2  项目支出绩效自评表")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"]]
    for x in ind:
        rows.append([x[0], x[1], x[2], x[3], x[4], str(x[5]), x[6], x[7]])
    rows.append(["总分", "<", "<", "<", "<", "100", s(total), ""])
    r.t(rows)
    r.p(f"经自评，本项目2024年度绩效自评得分{s(total)}分，评价等级为“{grade}”（90分（含）以上为优，80分（含）至90分"
        "为良，60分（含）至80分为中，60分以下为差）。",
        "五、存在的问题及改进措施",
        "（一）补贴发放时效性不足，较规定时限晚12天。",
        "（二）政策宣传不够深入，知晓率低于目标3.7个百分点。",
        "下一步将提前开展面积核实和公示，利用村广播、微信群加强政策宣传。",
        "",
        "滏阳县农业农村局",
        "2025年3月6日")
    return r


PLANTS = [
    {"name": "town-total", "mutation": "total",
     "where": "表1 合计 补贴金额 76,616,350.33 → 76,616,530.33 (transposed digits)",
     "edits": [("表1  2024年耕地地力保护补贴发放情况", "=76,616,350.33", "76,616,530.33")],
     "expect": [
         {"check": "AL101", "needle": "=76,616,530.33", "stated": "76,616,530.33", "computed": "76616350.33",
          "subject": "表1/合计/补贴金额"},
     ]},
    {"name": "grade", "mutation": "grade",
     "where": "得分88.63分，评价等级为“良” → “优” (the bands are printed in the same sentence)",
     "edits": [("经自评，本项目2024年度绩效自评得分", "评价等级为“良”", "评价等级为“优”")],
     "expect": [
         {"check": "AL410", "needle": "评价等级为“优”", "stated": "优", "computed": "良", "subject": "评价等级"},
     ]},
    {"name": "period", "mutation": "year",
     "where": "三、绩效目标完成情况: the 2024 figures attributed to 据2023年度补贴发放台账统计",
     "edits": [("三、绩效目标完成情况", "全年补贴面积", "据2023年度补贴发放台账统计，全年补贴面积")],
     "expect": [
         {"check": "AL505", "needle": "据2023年度补贴发放台账统计", "stated": "2023", "computed": "2024", "subject": "完成情况的数据来源"},
     ]},
]
