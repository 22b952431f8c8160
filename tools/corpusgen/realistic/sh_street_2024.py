"""A Shanghai street office (街道办事处): 部门整体支出绩效自评报告 (2024), row-per-line
text and an HTML page (UTF-8). Written to probe the narrative readers.

Varies: brackets that say what an amount includes ("含上年结转资金…、预备费…") rather than
decompose it; shares of people (占户籍人口的38.6%); per-unit amounts quoted from a
higher-level document (按每个居委会每年25万元核定, 沪浦财〔2024〕12号) and a count times
that amount; ranges (500—1,000元, 3—5个工作日); ratios (1:1.2); per-1,000 rates; "近三分之二";
comparisons with an explicit base (比2023年的1,452件下降11.43%); 比年初预算; a budget table
with a line whose 年初预算 is 0 (执行率 against the adjusted budget) and 上年执行数 /
同比增减 columns; a statement dated after the year about completion work (截至2025年2月底);
an HTML scoring table with 一级 and 二级 rowspans, inline 一级 weights and deduction rules."""

from corpusgen.model import Report
from corpusgen.numbers import D, pct, q, s, signed, th

NAME = "sh-street-2024"
FORMATS = ("txt", "html")

# 万元: (label, 年初, 调整后, 执行, 上年执行)
LINES = [("一、基本支出", None, None, None, None),
         ("（一）人员经费", "2186.40", "2231.75", "2224.18", "2150.62"),
         ("（二）公用经费", "385.00", "362.50", "355.87", "371.20"),
         ("二、项目支出", None, None, None, None),
         ("（一）社区工作经费", "650.00", "650.00", "650.00", "625.00"),
         ("（二）城市网格化管理", "820.00", "846.30", "832.15", "801.44"),
         ("（三）为老服务", "1268.00", "1312.60", "1296.72", "1204.35"),
         ("（四）垃圾分类及环境整治", "560.00", "598.00", "581.46", "612.80"),
         ("（五）旧住房综合修缮（区级追加）", "0.00", "486.00", "462.30", "0.00"),
         ("（六）上年结转项目", "0.00", "212.40", "212.40", "0.00")]
RESIDENT_COMMITTEES = 26
PER_RC = 25
ELDER, HUKOU = D("3.82"), D("9.9")


def build() -> Report:
    r = Report(style="row", title="浦滨街道办事处2024年度部门整体支出绩效自评报告", site="上海市浦滨区人民政府",
               published="2025-05-09 17:05",
               footer=["主办：上海市浦滨区人民政府办公室　运维：浦滨区大数据中心",
                       "沪ICP备2021012345号-3　沪公网安备31011502012345号　网站标识码：3101150001"])
    items = [x for x in LINES if x[1] is not None]
    basic = items[:2]
    proj = items[2:]

    def tot(xs, i):
        return sum(D(x[i]) for x in xs)

    y0, ya, act, prior = (tot(items, i) for i in (1, 2, 3, 4))
    rate = q(act / ya * 100)
    carry = D(proj[-1][2])
    reserve = D("50.00")
    assert D(proj[0][2]) == RESIDENT_COMMITTEES * PER_RC

    r.p("浦滨街道办事处2024年度部门整体支出绩效自评报告",
        "",
        "一、部门基本情况",
        f"浦滨街道辖区面积4.86平方公里，下设居民区{RESIDENT_COMMITTEES}个，户籍人口{HUKOU}万人，其中60岁以上"
        f"老年人口{ELDER}万人，占户籍人口的{pct(ELDER, HUKOU, 1)}，近三分之二的居民区老龄化程度超过35%。街道机关核定行政"
        "编制62名，实有59人。",
        "二、部门预算收支情况",
        f"2024年街道年初预算{th(y0)}万元，年中追加旧住房综合修缮等项目后调整为{th(ya)}万元（含上年结转资金{th(carry)}万元、"
        f"预备费{th(reserve)}万元），比年初预算增加{th(ya - y0)}万元。全年执行{th(act)}万元，预算执行率{rate}%，比上年执行数"
        f"{th(prior)}万元增加{th(act - prior)}万元，增长{pct(act - prior, prior)}。",
        "表1  2024年度预算执行情况（单位：万元）")
    rows = [["项目", "年初预算", "调整后预算", "执行数", "执行率", "上年执行数", "同比增减"]]
    for lab, a, b, c, p in LINES:
        if a is None:
            xs = basic if lab.startswith("一") else proj
            a, b, c, p = (tot(xs, i) for i in (1, 2, 3, 4))
        rows.append([lab, th(a), th(b), th(c), pct(c, b), th(p) if D(p) else "—",
                     signed(D(c) - D(p), 2, lambda v: f"{v:,.2f}")])
    rows.append(["合计", th(y0), th(ya), th(act), f"{rate}%", th(prior), signed(act - prior, 2, lambda v: f"{v:,.2f}")])
    r.t(rows)

    r.p("三、绩效目标完成情况",
        "（一）社区治理",
        f"按照《关于下达2024年街道社区工作经费的通知》（沪浦财〔2024〕12号），社区工作经费按每个居委会每年{PER_RC}万元"
        f"核定，{RESIDENT_COMMITTEES}个居委会共{RESIDENT_COMMITTEES * PER_RC}万元，全部拨付到位。城市网格化管理平台全年"
        "受理各类事件18,652件，结案率99.2%；城市管理类投诉1,286件，比2023年的1,452件下降"
        f"{pct(1452 - 1286, 1452)}。一般事项办理时限为3—5个工作日。",
        "（二）为老服务",
        "新增养老床位120张，每千名老人拥有养老床位42.6张；为高龄独居老人发放助餐补贴，每户每月500—1,000元。社区"
        "长者食堂与助餐点的配置比例为1:1.2。",
        "（三）环境整治",
        "区里下达的生活垃圾分类实效达标率目标为≥95%，街道全年达标率97.3%。完成旧住房综合修缮3.2万平方米，受益居民"
        "612户。截至2025年2月底，上年结转项目已完成竣工验收，尾款已按合同支付。")

    ind = [
        ("投入（15分）", "预算管理", "预算执行率", 5, "≥95%得5分；每低1个百分点扣0.5分，扣完为止。", "5"),
        ("^", "^", "预算调整率", 5, "≤10%得5分；每超1个百分点扣0.5分，扣完为止。", "5"),
        ("^", "财务管理", "资金使用合规性", 5, "每发现一例违规扣1分，扣完为止。", "5"),
        ("产出（40分）", "社区治理", "网格事件结案率", 10, "≥98%得10分；95%（含）-98%得8分；95%以下不得分。", "10"),
        ("^", "为老服务", "新增养老床位", 10, "≥100张得10分；未完成按比例得分。", "10"),
        ("^", "环境整治", "旧住房综合修缮面积", 10, "≥3万平方米得10分；未完成按比例得分。", "10"),
        ("^", "^", "垃圾分类实效达标率", 10, "≥95%得10分；90%（含）-95%得7分；90%以下不得分。", "10"),
        ("效益（30分）", "社会效益", "城市管理类投诉下降率", 10, "≥10%得10分；5%（含）-10%得6分；5%以下不得分。", "10"),
        ("^", "^", "每千名老人养老床位数", 10, "≥40张得10分；未达到不得分。", "10"),
        ("^", "可持续影响", "长效管理机制", 10, "建立并运行得10分；建立未运行得5分。", "10"),
        ("满意度（15分）", "满意度", "居民满意度", 15, "≥90%得15分；85%（含）-90%得12分；85%以下得8分。", "12"),
    ]
    assert sum(x[3] for x in ind) == 100
    total = sum(D(x[5]) for x in ind)
    adj_rate = q((ya - y0) / y0 * 100)
    r.p("四、绩效自评结果",
        f"预算调整率为{adj_rate}%（调整后预算较年初预算增加{th(ya - y0)}万元，其中区级追加旧住房综合修缮486.00万元、上年结转"
        f"{th(carry)}万元不计入调整），按剔除区级追加和结转后的口径计算为"
        f"{pct(ya - y0 - D('486.00') - carry, y0)}。居民满意度调查有效样本1,040份，满意度88.7%。",
        "表2  部门整体支出绩效评价得分表")
    rows = [["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"]]
    for x in ind:
        rows.append([x[0], x[1], x[2], str(x[3]), x[4], x[5]])
    rows.append(["合计", "<", "<", "100", "", s(total, 0)])
    r.t(rows)
    r.p(f"经自评，浦滨街道2024年度部门整体支出绩效得分{s(total, 0)}分，等级为“优秀”。",
        "五、存在的问题及改进措施",
        "（一）居民满意度未达到90%的目标，部分居民对旧住房修缮施工期间的噪声有意见。",
        "（二）年中追加项目较多，预算编制的前瞻性有待提高。",
        "",
        "上海市浦滨区浦滨街道办事处",
        "2025年3月18日")
    return r


PLANTS = [
    {"name": "growth", "mutation": "prior-year",
     "where": "text: 比上年执行数5,765.41万元增加849.67万元，增长14.74% → 增长17.44%",
     "edits": [("2024年街道年初预算", "增长14.74%", "增长17.44%")],
     "expect": [
         # 849.67 ÷ 5,765.41 = 14.74%
         {"check": "AL204", "needle": "增长17.44%", "stated": "17.44", "computed": "14.74", "subject": "执行数 比上年增长"},
     ]},
    {"name": "complaints", "mutation": "prior-year",
     "where": "text: 城市管理类投诉1,286件，比2023年的1,452件下降11.43% → 下降13.43%",
     "edits": [("城市网格化管理平台", "下降11.43%", "下降13.43%")],
     "expect": [
         # (1,452 − 1,286) ÷ 1,452 = 11.43%
         {"check": "AL204", "needle": "下降13.43%", "stated": "13.43", "computed": "11.43", "subject": "城市管理类投诉 比2023年下降"},
     ]},
    {"name": "full-marks", "mutation": "score",
     "where": "表2 居民满意度 得分 12 → 15 (88.7% in the text; rule 85%（含）-90%得12分; 合计 97 left)",
     "edits": [("=居民满意度", "=12", "15")],
     "expect": [
         # rule for 88.7%: 12
         {"check": "AL403", "needle": "\t居民满意度\t15", "stated": "15", "computed": "12", "subject": "表2/居民满意度/得分"},
         # 97 − 12 + 15 = 100
         {"check": "AL407", "needle": "合计\t\t\t100", "stated": "97", "computed": "100", "subject": "表2/合计"},
     ]},
]
