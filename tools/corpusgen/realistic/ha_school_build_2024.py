"""A Henan city's capital construction project (a new secondary school, 2023—2025):
项目支出绩效自评报告 (2024), cell-per-line text and an HTML page (UTF-8).

Varies: an approved estimate (概算) broken down in the text; a multi-year table by
year and funding source (地方政府专项债券 / 市级财政资金 / 小计) with a future year
printed "—" and a 合计 over all years whose 实际支出 covers the years done; this year's
budget with 调增 / 调减 and a partial 其中 list (监理费, 设计费) under 工程建设其他费用;
cumulative progress (占概算总投资的68.85%, 三分之二以上, 元/平方米); a 自评表 with
"≥9000万元" met at 98.28% and scored by ratio, "3栋" against "2栋封顶、1栋完成至四层",
"按计划完成", "0起", 执行率×分值, and a 良/优 grade sentence."""

from corpusgen.model import Report
from corpusgen.numbers import D, pct, q, s, th

NAME = "ha-school-build-2024"
FORMATS = ("txt", "html")

EST = [("建安工程费", "19862.40"), ("工程建设其他费用", "3946.80"), ("预备费", "1270.80"),
       ("征地及配套费", "1400.00")]
# (年度, 专项债, 市级, 实际支出 or None)
YEARS = [("2023年", "8000.00", "1520.00", "9386.45"), ("2024年", "6000.00", "3200.00", "8845.37"),
         ("2025年（计划）", None, "7760.00", None)]
# 2024 budget: (label, 年初, 调增, 调减, 实际)
B24 = [("一、建安工程费", "7600.00", "600.00", "0.00", "7936.52"),
       ("二、工程建设其他费用", "1100.00", "0.00", "300.00", "761.05"),
       ("其中：监理费", "260.00", "0.00", "0.00", "246.80"),
       ("设计费", "420.00", "0.00", "120.00", "292.50"),
       ("三、预备费", "200.00", "0.00", "0.00", "147.80")]
AREA = 48650
INVEST_T = D("9000")


def build() -> Report:
    r = Report(style="cell", title="洛河市第二十三中学新建工程2024年度项目支出绩效自评报告",
               site="洛河市教育局", published="2025-04-30 09:20",
               footer=["主办单位：洛河市教育局　地址：洛河市开元大道166号　电话：0379-63218800",
                       "豫ICP备10012345号-1　豫公网安备41030202000456号　网站标识码：4103000026"])
    est = sum(D(x[1]) for x in EST)
    bond = sum(D(y[1]) for y in YEARS if y[1])
    city = sum(D(y[2]) for y in YEARS)
    done = sum(D(y[3]) for y in YEARS if y[3])
    assert bond + city == est
    top = [x for x in B24 if not x[0].startswith("其中") and x[0] != "设计费"]
    y0, up, dn, act = (sum(D(x[i]) for x in top) for i in (1, 2, 3, 4))
    ya = y0 + up - dn
    assert ya == D(YEARS[1][1]) + D(YEARS[1][2]) and act == D(YEARS[1][3])
    rate = q(act / ya * 100)

    r.p("洛河市第二十三中学新建工程",
        "2024年度项目支出绩效自评报告",
        "",
        "一、项目基本情况",
        "（一）项目概况",
        "项目经市发展改革委《关于洛河市第二十三中学新建工程可行性研究报告的批复》（洛发改社会〔2022〕318号）批复，"
        f"选址于洛河新区开元大道以南，总建筑面积{th(AREA, 0)}平方米，设计规模60个教学班，可提供学位3,000个。批复概算"
        f"总投资{th(est)}万元，其中建安工程费{th(EST[0][1])}万元、工程建设其他费用{th(EST[1][1])}万元、预备费"
        f"{th(EST[2][1])}万元、征地及配套费{th(EST[3][1])}万元。建设期为2023年3月至2025年8月。",
        "（二）资金安排",
        f"项目资金来源为地方政府专项债券{th(bond)}万元和市级财政资金{th(city)}万元，分三年安排，详见表1。",
        "表1  分年度资金安排及执行情况（单位：万元）")
    rows = [["年度", "资金安排", "<", "<", "实际支出", "执行率"],
            ["^", "地方政府专项债券", "市级财政资金", "小计", "^", "^"]]
    for y, b, c, a in YEARS:
        sub = (D(b) if b else 0) + D(c)
        rows.append([y, th(b) if b else "—", th(c), th(sub), th(a) if a else "—", pct(a, sub) if a else "—"])
    rows.append(["合计", th(bond), th(city), th(est), th(done), "—"])
    r.t(rows, head=2)

    r.p("二、2024年度预算执行情况",
        f"2024年项目年初预算{th(y0)}万元，年中根据施工进度调增建安工程费{th(up)}万元、调减工程建设其他费用{th(dn)}万元，"
        f"调整后预算{th(ya)}万元；全年实际支出{th(act)}万元，预算执行率{rate}%。",
        "表2  2024年度预算执行情况（单位：万元）")
    rows = [["项目", "年初预算", "调增", "调减", "调整后预算", "实际支出", "执行率"]]
    for lab, a, b, c, x in B24:
        adj = D(a) + D(b) - D(c)
        rows.append([lab, a, b, c, f"{adj:.2f}", x, pct(x, adj)])
    rows.append(["合计", f"{y0:.2f}", f"{up:.2f}", f"{dn:.2f}", f"{ya:.2f}", f"{act:.2f}", f"{rate}%"])
    r.t(rows)

    unit_cost = q(D("19862.40") * 10000 / AREA, 0)
    inv_ratio = q(act / INVEST_T, 4)
    sc_inv = q(inv_ratio * 10)
    sc_exec = q(rate / 10)
    r.p("三、绩效目标完成情况",
        f"截至2024年12月31日，项目累计完成投资{th(done)}万元，占概算总投资的{pct(done, est)}。教学楼、实验楼主体结构"
        "已封顶，综合楼完成至四层，主体结构完成三分之二以上。2024年完成投资"
        f"{th(act)}万元，为年度目标（9,000万元）的{pct(act, INVEST_T)}。分部分项工程验收合格率100%，未发生质量安全"
        f"事故。按概算建安工程费测算，单方造价{th(unit_cost, 0)}元/平方米。施工期间带动就业356人。周边群众满意度92.4%。",
        "四、绩效自评情况",
        "表3  项目支出绩效自评表")
    ind = [
        ("产出指标", "数量指标", "年度完成投资额", "≥9000万元", f"{th(act)}万元", 10, s(sc_inv),
         "综合楼受冬季施工影响滞后，按完成比例计分"),
        ("^", "^", "主体结构完成单体数", "3栋", "2栋封顶、1栋完成至四层", 10, "8", "同上"),
        ("^", "质量指标", "分部分项工程验收合格率", "100%", "100%", 10, "10", ""),
        ("^", "时效指标", "年度形象进度", "按计划完成", "基本完成（综合楼滞后约1个月）", 10, "9", "同上"),
        ("^", "成本指标", "建安工程单方造价", "≤4100元/平方米", f"{th(unit_cost, 0)}元/平方米", 10, "10", ""),
        ("效益指标", "社会效益指标", "新增学位数", "3000个（2025年9月投用）", "建设中，预计按期投用", 10, "10", ""),
        ("^", "^", "质量安全事故", "0起", "0起", 10, "10", ""),
        ("^", "经济效益指标", "施工期间带动就业人数", "≥300人", "356人", 10, "10", ""),
        ("满意度指标", "服务对象满意度指标", "周边群众满意度", "≥90%", "92.4%", 10, "10", ""),
        ("预算执行", "预算执行率", "<", "100%", f"{rate}%", 10, s(sc_exec), "执行率×分值"),
    ]
    assert sum(x[5] for x in ind) == 100
    total = sum(D(x[6]) for x in ind)
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"]]
    for x in ind:
        rows.append([x[0], x[1], x[2], x[3], x[4], str(x[5]), x[6], x[7]])
    rows.append(["合计", "<", "<", "<", "<", "100", s(total), ""])
    r.t(rows)
    grade = "优" if total >= 90 else "良"
    r.p(f"经自评，本项目2024年度绩效自评得分{s(total)}分，评价等级为“{grade}”。",
        "五、存在的问题及改进措施",
        "（一）综合楼施工进度滞后约1个月，年度完成投资未达到目标。",
        "（二）工程建设其他费用中设计费调减120.00万元，年初预算测算不够精准。",
        "2025年，我局将督促施工单位增加作业面，确保2025年8月竣工、9月投入使用。",
        "",
        "洛河市教育局",
        "2025年4月18日")
    return r


PLANTS = [
    {"name": "multi-year-total", "mutation": "total",
     "where": "表1 合计 市级财政资金 12,480.00 → 12,840.00 (transposed digits; the text keeps 12,480.00)",
     "edits": [("表1  分年度资金安排", "=12,480.00", "12,840.00")],
     "expect": [
         # 1,520.00 + 3,200.00 + 7,760.00 = 12,480.00
         {"check": "AL101", "needle": "=12,840.00", "stated": "12,840.00", "computed": "12480.00", "subject": "表1/合计/市级财政资金"},
         {"check": "AL503", "needle": "市级财政资金12,480.00万元", "stated": "12,480.00", "computed": "12840.00",
          "subject": "叙述 vs 表1/合计", "optional": True},
     ]},
    {"name": "score-total", "mutation": "total-score",
     "where": "表3 合计 得分 96.45 → 94.65 (transposed digits; the text keeps 96.45)",
     "edits": [("表3  项目支出绩效自评表", "=96.45", "94.65")],
     "expect": [
         # 9.83 + 8 + 10 + 9 + 10 + 10 + 10 + 10 + 10 + 9.62 = 96.45
         {"check": "AL407", "needle": "=94.65", "stated": "94.65", "computed": "96.45", "subject": "表3/合计/得分"},
         # the text's 96.45 against the table's printed 94.65
         {"check": "AL407", "needle": "绩效自评得分96.45分", "stated": "96.45", "computed": "94.65", "subject": "叙述 vs 表3/合计",
          "also": ["AL409"]},
     ]},
    {"name": "negative-rate", "mutation": "sign",
     "where": "表1 2023年 执行率 98.60% → -98.60%",
     "edits": [("=2023年", "98.60%", "-98.60%")],
     "expect": [
         {"check": "AL303", "needle": "=-98.60%", "stated": "-98.60", "computed": "< 0", "subject": "表1/2023年/执行率"},
         # 9,386.45 ÷ 9,520.00 = 98.60%
         {"check": "AL201", "needle": "=-98.60%", "stated": "-98.60", "computed": "98.60", "subject": "表1/2023年/执行率",
          "optional": True},
     ]},
]
