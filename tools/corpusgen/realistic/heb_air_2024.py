"""河北 某市 大气污染防治专项资金 2024 项目支出绩效自评报告 (PDF ruled tables with a running page header and
"第 N 页" footer; the 2023/2024 comparison table and the scoring table each broken over a page with
their header repeated (no paragraph ends up split across pages); also .docx). 元 with thousands separators, negative 增减 with "-",
scoring table with 扣分 column and 扣分原因, 整改 follow-up of the 2023 evaluation."""

from corpusgen.model import SP, C, Report
from corpusgen.numbers import D, pct, q, s, signed, th

NAME = "heb-air-2024"
FORMATS = ("pdf", "docx")

COUNTIES = ["永安区", "清河区", "北塘区", "新城县", "丰泽县", "平川县", "安和县", "临川县", "望都县", "东光县", "南皮县"]
KINDS = [("散煤替代（气代煤）", 3200), ("散煤替代（电代煤）", 4100)]


def build():
    r = Report(page_number="第 {} 页", style="cell", title="滦平市2024年度大气污染防治专项资金绩效自评报告")
    r.header = "滦平市生态环境局  2024年度大气污染防治专项资金绩效自评报告"
    # 22 rows: 11 counties x 2 kinds: households, 标准 元/户, budget = hh*std, spent
    rows_data = []
    import random
    rnd = random.Random(4)
    for c in COUNTIES:
        for k, std in KINDS:
            hh = rnd.randint(600, 2400)
            b = D(hh * std)
            spent = b - D(rnd.randint(0, 3) * std) - (D(rnd.randint(0, 99999)) / 100 if rnd.random() < 0.3 else 0)
            rows_data.append((c, k, hh, std, b, spent))
    budget = sum(x[4] for x in rows_data)
    spent = sum(x[5] for x in rows_data)
    hh = sum(x[2] for x in rows_data)
    prior = D("148263500.00")
    r.p(C("滦平市2024年度大气污染防治专项资金"), C("绩效自评报告"), "",
        "一、项目基本情况",
        "为巩固冬季清洁取暖成果，2024年市级安排大气污染防治专项资金，用于农村地区散煤替代改造补助。补助标准为：气代煤每户3200元，"
        "电代煤每户4100元，由县（区）按完成验收户数据实结算。",
        "二、资金安排及使用情况",
        f"2024年专项资金预算{th(budget)}元，完成改造{th(hh, 0)}户，实际支出{th(spent)}元，预算执行率{pct(spent, budget)}。"
        f"上年同类资金支出{th(prior)}元，本年比上年{'增加' if spent > prior else '减少'}{th(abs(spent - prior))}元。",
        "表1  分县（区）资金安排及使用情况（单位：户、元）")
    rows = [["县（区）", "改造类型", "改造户数", "补助标准\n（元/户）", "预算金额", "实际支出", "执行率"]]
    for i, (c, k, h, st, b, a) in enumerate(rows_data):
        rows.append([c if i % 2 == 0 else "^", k, th(h, 0), th(st, 0), th(b), th(a), pct(a, b)])
    rows.append(["合计", "<", th(hh, 0), "—", th(budget), th(spent), pct(spent, budget)])
    r.t(rows, widths=[8, 12, 7, 8, 11, 11, 7])
    # 增减 table
    r.p("表2  主要指标与上年对比")
    cmp = [("改造户数（户）", 38652, hh, 0), ("PM2.5年均浓度（微克/立方米）", D("41.0"), D("38.6"), 1),
           ("空气质量优良天数（天）", 247, 258, 0), ("重污染天数（天）", 9, 6, 0)]
    rows = [["指标", "2023年", "2024年", "增减", "增减率"]]
    for n, a, b, d in cmp:
        rows.append([n, th(a, d), th(b, d), signed(D(b) - D(a), d, (lambda y, d=d: f"{y:,.{d}f}")), pct(D(b) - D(a), a)])
    r.t(rows)
    r.p(SP(0) if False else "", "三、绩效目标完成情况")
    r.blocks.append(SP(330))
    r.p("2024年全市PM2.5年均浓度38.6微克/立方米，同比下降5.85%，完成省下达的年度控制目标（≤40微克/立方米）；空气质量优良天数258天，"
        "比上年增加11天，优良天数比例70.5%；重污染天数6天，比上年减少3天。完成改造的农户中，随机入户抽查1,650户，设备正常使用率98.7%，"
        "群众对补助政策的满意度为95.2%。全市累计完成农村清洁取暖改造约23.6万户（2017—2024年），农村地区清洁取暖覆盖率超过95%，"
        "散煤复烧问题得到有效遏制，冬季采暖期PM2.5平均浓度较改造前的2016年下降近一半。")
    rate = q(spent / budget * 100)
    ind = [
        ("产出指标", "数量指标", "完成散煤替代改造户数", f"≥{th(hh - 500, 0)}户", f"{th(hh, 0)}户", "15", "0", "15", ""),
        ("^", "质量指标", "改造工程验收合格率", "100%", "100%", "15", "0", "15", ""),
        ("^", "^", "设备正常使用率", "≥95%", "98.7%", "10", "0", "10", ""),
        ("^", "时效指标", "采暖季前完工率", "100%", "97.6%", "10", "2", "8", "个别村燃气管网接通滞后"),
        ("效益指标", "生态效益指标", "PM2.5年均浓度", "≤40微克/立方米", "38.6微克/立方米", "15", "0", "15", ""),
        ("^", "^", "重污染天数", "较上年减少", "6天，减少3天", "10", "0", "10", ""),
        ("满意度指标", "服务对象满意度指标", "改造户满意度", "≥90%", "95.2%", "10", "0", "10", ""),
        ("预算执行", "预算执行率", "<", "≥90%", f"{rate}%", "15", "0", "15", ""),
    ]
    assert sum(int(x[5]) for x in ind) == 100
    total = sum(D(x[7]) for x in ind)
    r.p("四、自评结论",
        f"项目自评得分{s(total, 0)}分，自评等级为“优”。扣分情况：采暖季前完工率未达100%，扣2分。",
        "表3  绩效自评评分表")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "扣分", "得分", "扣分原因"]]
    rows += [list(x) for x in ind]
    rows.append(["合计", "<", "<", "<", "<", "100", "2", s(total, 0), ""])
    r.t(rows, widths=[6, 8, 10, 9, 9, 4, 4, 4, 10])
    r.p("五、上年绩效评价发现问题整改情况",
        "2023年度市财政局重点评价指出的问题及整改情况如下：",
        "1.部分县（区）补助资金拨付不及时。整改情况：已建立“验收一批、拨付一批”机制，2024年资金平均拨付周期由上年的约45天缩短至20天左右，已整改完成。",
        "2.入户抽查比例偏低。整改情况：2024年抽查比例提高到改造户数的5%以上，已整改完成。",
        "六、下一步工作",
        "持续开展散煤复烧排查，探索“煤改电”峰谷电价与运行补贴联动机制。",
        "", "滦平市生态环境局", "2025年3月20日")
    r._hh = hh
    return r
