"""A district CDC's 部门整体支出绩效自评报告 (2024): budget table with the total last
and a prior-year change column; an economic-classification table whose printed shares
add up to 100.01% (rounded parts) under a 合计 of 100.00% and whose amounts add up to
a cent more than the total; a 三公 table with 0 budgets, "—" rates and a 同比增减
column; rates per 10万; inline weights on two levels; 分值/得分 sentences."""

from corpusgen.model import Report
from corpusgen.numbers import D, pct, q, s, wan

NAME = "cdc-dept-2024"
FORMATS = ("txt",)

ECON = [("工资福利支出", "15537134.20"), ("商品和服务支出", "6590124.75"),
        ("对个人和家庭的补助", "522433.00"), ("资本性支出", "1815902.99")]
# (label, 调整后预算, 实际, 上年实际) 元
FUNC = [("基本支出", "18310000.00", "18236571.53", "17602344.10"),
        ("免疫规划项目", "2150000.00", "2086415.20", "1986300.00"),
        ("传染病监测项目", "1620000.00", "1574388.00", "1702155.60"),
        ("实验室能力建设项目", "1900000.00", "1815902.99", "0"),
        ("健康教育与促进项目", "800000.00", "752317.22", "815640.00")]
SG = [("因公出国（境）费", "0", "0", "0"),
      ("公务用车购置及运行维护费", "120000.00", "108600.00", "114200.00"),
      ("公务接待费", "15000.00", "6400.00", "9500.00")]


def chg(cur, prior):
    if D(prior) == 0:
        return "—"
    v = q((D(cur) - D(prior)) / D(prior) * 100, 2)
    return f"{v:+f}%"


def build() -> Report:
    r = Report(font=None)
    tb = sum(D(x[1]) for x in FUNC)
    ta = sum(D(x[2]) for x in FUNC)
    tp = sum(D(x[3]) for x in FUNC)
    assert ta == sum(D(x[1]) for x in ECON)
    frows = [["项目", "调整后预算数", "实际支出数", "执行率", "上年实际支出数", "增减率"]]
    for lab, b, a, p in FUNC:
        frows.append([lab, wan(b), wan(a), pct(a, b), wan(p) if D(p) else "0.00", chg(a, p)])
    frows.append(["合计", wan(tb), wan(ta), pct(ta, tb), wan(tp), chg(ta, tp)])
    erows = [["经济分类", "支出金额（万元）", "占比"]]
    for lab, a in ECON:
        erows.append([lab, wan(a), pct(a, ta)])
    erows.append(["合计", wan(ta), "100.00%"])
    sb = sum(D(x[1]) for x in SG)
    sa = sum(D(x[2]) for x in SG)
    sp = sum(D(x[3]) for x in SG)
    srows = [["项目", "预算数", "决算数", "执行率", "上年决算数", "同比增减"]]
    for lab, b, a, p in SG:
        srows.append([lab, wan(b), wan(a), pct(a, b) if D(b) else "—", wan(p), chg(a, p) if D(p) else "—"])
    srows.append(["合计", wan(sb), wan(sa), pct(sa, sb), wan(sp), chg(sa, sp)])

    exe = q(ta / tb * 100, 2)
    s_exe = D(10) if exe >= 98 else D("9.5") if exe >= 97 else D(8)
    inc_fin, inc_biz, inc_oth = D("23416300.00"), D("1062480.50"), D("38215.36")
    inc = inc_fin + inc_biz + inc_oth
    r.p("南宁市青秀区疾病预防控制中心",
        "2024年度部门整体支出绩效自评报告",
        "",
        "一、部门概况",
        "（一）主要职能",
        "我中心为区卫生健康局所属公益一类事业单位，承担辖区传染病防控、免疫规划、慢性病防治、健康教育、公共卫生监测和检验检测等职能。",
        "（二）机构人员情况",
        "中心内设办公室、传染病防制科、免疫规划科、检验科等9个科室。核定编制86名，年末在编在岗79人，其中专业技术人员71人，占89.87%；编外聘用人员23人。",
        "二、部门预算收支情况",
        f"2024年度收入合计{wan(inc)}万元（财政拨款收入{wan(inc_fin)}万元，事业收入{wan(inc_biz)}万元，其他收入{wan(inc_oth)}万元）。",
        f"2024年度调整后预算{wan(tb)}万元，实际支出{wan(ta)}万元，占调整后预算的{exe}%；实际支出比上年增加{wan(ta - tp)}万元，增长{pct(ta - tp, tp)}，主要是新增实验室能力建设项目。",
        "表1  2024年度预算执行情况（单位：万元）")
    r.t(frows)
    r.p("按经济分类，工资福利支出、商品和服务支出、对个人和家庭的补助和资本性支出分别占实际支出的"
        + "、".join(pct(a, ta) for _, a in ECON) + "，详见表2。",
        "表2  2024年度支出经济分类情况")
    r.t(erows)
    r.p(f"2024年“三公”经费预算{wan(sb)}万元，决算{wan(sa)}万元，比上年减少{wan(sp - sa)}万元，下降{pct(sp - sa, sp)}。其中公务用车运行维护费{wan(SG[1][2])}万元，年末公务用车保有量4辆（含疫苗运输冷链车2辆）；公务接待费{wan(SG[2][2])}万元，接待上级督导检查12批次97人次。",
        "表3  2024年度“三公”经费支出情况（单位：万元）")
    r.t(srows)
    r.p("三、部门整体绩效目标完成情况",
        "（一）传染病防控。全年报告法定传染病23种5,862例，报告发病率612.35/10万，较上年下降8.6%；传染病报告及时率100%，网络直报审核及时率99.86%。处置聚集性疫情41起，均在24小时内完成现场流调。",
        "（二）免疫规划。全年接种各类疫苗32.68万剂次，适龄儿童免疫规划疫苗接种率98.73%，较上年提高0.21个百分点；接种异常反应报告处置率100%。",
        "（三）公共卫生监测。完成生活饮用水监测水样216份，合格率99.1%；完成食源性疾病监测样本420份。",
        "（四）健康教育。开展健康讲座156场，受众1.86万人次；居民健康素养水平31.42%，比上年提高2.35个百分点。",
        "四、绩效自评情况",
        )
    sc = [
        ("投入（20分）", "预算编制（10分）", "预算编制准确率", "5", "（1-|调整后预算-年初预算|÷年初预算）≥95%，得5分；90%≤准确率<95%，得3分；<90%，不得分。", "5"),
        ("^", "^", "绩效目标合理性", "5", "目标依据充分、与预算匹配的，得5分；否则每项扣1分。", "5"),
        ("^", "预算执行（10分）", "预算执行率", "10", "≥98%得10分；97%≤执行率<98%得9.5分；<97%得8分。", s(s_exe, 1) if s_exe != s_exe.to_integral() else s(s_exe, 0)),
        ("过程（20分）", "预算管理（12分）", "“三公”经费控制率", "4", "≤100%得4分；>100%不得分。", "4"),
        ("^", "^", "资金使用合规性", "4", "无违规的，得4分；每发现一例，扣1分。", "4"),
        ("^", "^", "政府采购规范性", "4", "采购程序规范的，得4分；每发现一处问题，扣0.5分。", "3.5"),
        ("^", "资产管理（8分）", "固定资产利用率", "4", "≥95%得4分；每低1个百分点扣0.5分。", "4"),
        ("^", "^", "资产管理规范性", "4", "账实相符、按规定处置的，得4分。", "4"),
        ("产出（35分）", "产出数量（20分）", "免疫规划疫苗接种率", "10", "≥95%得10分；90%≤接种率<95%得6分；<90%不得分。", "10"),
        ("^", "^", "生活饮用水监测样本数", "10", "≥200份得10分；每少10份扣1分。", "10"),
        ("^", "产出质量（15分）", "传染病报告及时率", "8", "100%得8分；每低1个百分点扣2分。", "8"),
        ("^", "^", "聚集性疫情24小时处置率", "7", "100%得7分；否则不得分。", "7"),
        ("效益（25分）", "社会效益（15分）", "甲乙类传染病发病率控制", "8", "低于全市平均水平的，得8分；否则得4分。", "8"),
        ("^", "^", "居民健康素养水平", "7", "≥30%得7分；25%≤水平<30%得4分；<25%不得分。", "7"),
        ("^", "满意度（10分）", "群众满意度", "10", "≥90%得10分；80%≤满意度<90%得7分；<80%得3分。", "10"),
    ]
    total = sum(D(x[5]) for x in sc)
    r.p(f"根据区财政局印发的部门整体支出绩效评价指标体系，经自评，我中心2024年度部门整体支出绩效得分{s(total, 1)}分，绩效等级为“优”。",
        f"1.预算执行率：分值10分，得分{s(s_exe, 1)}分。全年预算执行率{exe}%。",
        "2.政府采购规范性：分值4分，得分3.5分。1个采购项目合同备案超过规定时限，扣0.5分。",
        "3.居民健康素养水平：分值7分，得分7分。",
        "表4  部门整体支出绩效自评得分表")
    srows2 = [["一级指标", "二级指标", "三级指标", "指标分值", "评分标准", "评价得分"], *[list(x) for x in sc],
              ["总分", "<", "<", "100", "", s(total, 1)]]
    r.t(srows2)
    r.p("五、存在的问题及改进措施",
        "（一）个别项目预算执行进度不均衡，实验室能力建设项目设备采购集中在第四季度完成。",
        "（二）政府采购合同备案不够及时。下一步将严格执行《政府采购法实施条例》规定，在合同签订之日起2个工作日内完成公告、7个工作日内完成备案。",
        "",
        "单位名称（盖章）：南宁市青秀区疾病预防控制中心",
        "负责人：韦志强    填表人：黄丽萍    联系电话：0771-5861274",
        "日期：2025年3月5日")
    return r


PLANTS = [
    {"name": "total", "mutation": "total", "where": "表1 合计 实际支出数 2446.56 → 2464.56 (transposed digits)",
     "edits": [("表1  2024年度预算执行情况", "2446.56", "2464.56")],
     "expect": [
         # 表2's 合计 2446.56 (支出金额) restates 表1's 实际支出 total, now 2464.56: true of the report as
         # printed once 表2's 支出金额 column is read (AL503), not required
         {"check": "AL503", "needle": "=2446.56", "after": "表2  2024年度", "stated": "2446.56", "computed": "2464.56",
          "subject": "表2/合计/支出金额 vs 表1/合计", "optional": True},
         # 1823.66 + 208.64 + 157.44 + 181.59 + 75.23 = 2446.56
         {"check": "AL101", "needle": "2464.56", "after": "表1  2024年度", "stated": "2464.56", "computed": "2446.56", "subject": "表1/合计/实际支出数"},
         # 2464.56 / 2478.00 = 99.46%
         {"check": "AL201", "needle": "98.73%", "after": "\t合计", "stated": "98.73", "computed": "99.46", "subject": "表1/合计/执行率"},
         # the 合计 row's 增减率 +10.67% against the new total (11.49%): the same slip seen from the
         # year-on-year column; true of the report as printed, not required
         {"check": "AL204", "needle": "+10.67%", "after": "\t合计", "stated": "+10.67", "computed": "11.49",
          "subject": "表1/合计/增减率", "optional": True},
         # the 自评 passage's 预算执行率98.73% against the table's (now wrong) total: the same slip seen
         # from the claim; true of the report as printed, so not a false alarm, but not required either
         {"check": "AL501", "needle": "全年预算执行率98.73%", "stated": "98.73%", "computed": "99.46%",
          "subject": "预算执行率 叙述", "optional": True},
         # added by fix-narrative: the narrative's 实际支出2446.56万元 (line 11) is the table's
         # 合计 实际支出数, which now says 2464.56: the same quantity printed twice differently
         {"check": "AL503", "needle": "实际支出2446.56万元", "stated": "2446.56", "computed": "2464.56", "subject": "叙述/实际支出 vs 表1/合计/实际支出数"},
     ]},
    {"name": "econ-share-total", "mutation": "share", "where": "表2 经济分类 合计 占比 100.00% → 93.50% (amount column headed 支出金额（万元）)",
     "edits": [("表2  2024年度支出经济分类情况", "100.00%", "93.50%")],
     "expect": [
         # 63.51 + 26.94 + 2.14 + 7.42 = 100.01 (rounded parts of 100%)
         {"check": "AL202", "needle": "93.50%", "stated": "93.50", "computed": "100.01", "subject": "表2/合计/占比"},
     ]},
    {"name": "sangong-rate", "mutation": "rate", "where": "表3 公务接待费 执行率 42.67% → 100.00%",
     "edits": [("\t公务接待费", "42.67%", "100.00%")],
     "expect": [
         # 0.64 / 1.50 = 42.67%
         {"check": "AL201", "needle": "100.00%", "after": "表3  2024年度", "stated": "100.00", "computed": "42.67", "subject": "表3/公务接待费/执行率"},
     ]},
    {"name": "yoy", "mutation": "prior-year", "where": "三公 sentence: 比上年减少0.87万元 → 0.37万元",
     "edits": [("2024年“三公”经费预算", "比上年减少0.87万元", "比上年减少0.37万元")],
     "expect": [
         # 11.50 − 12.37 = −0.87
         {"check": "AL204", "needle": "比上年减少0.37万元", "stated": "0.37", "computed": "0.87", "subject": "三公经费 比上年减少"},
     ]},
    {"name": "nan-rate", "mutation": "undefined-rate", "where": "表3 因公出国（境）费 执行率 — → NaN%",
     "edits": [("\t因公出国（境）费", "—", "NaN%")],
     "expect": [
         {"check": "AL302", "needle": "NaN%", "stated": "NaN%", "computed": "undefined", "subject": "表3/因公出国（境）费/执行率"},
     ]},
    {"name": "narrative-parts", "mutation": "narrative", "where": "收入合计 bracket: 事业收入106.25 → 160.25",
     "edits": [("2024年度收入合计", "事业收入106.25万元", "事业收入160.25万元")],
     "expect": [
         # 2341.63 + 160.25 + 3.82 = 2505.70 ≠ 2451.70
         {"check": "AL102", "needle": "事业收入160.25万元", "stated": "2451.70", "computed": "2505.70", "subject": "叙述/收入合计"},
     ]},
    {"name": "narrative-score", "mutation": "narrative-score", "where": "政府采购规范性：分值4分，得分3.5分 → 得分3分 (table 3.5)",
     "edits": [("2.政府采购规范性", "得分3.5分", "得分3分")],
     "expect": [
         {"check": "AL409", "needle": "2.政府采购规范性", "stated": "3", "computed": "3.5", "subject": "政府采购规范性/叙述得分"},
     ]},
    {"name": "band-gap", "mutation": "band", "where": "群众满意度 rule: 80%≤满意度<90% → 70%≤满意度<80% (80–90% scores nothing)",
     "edits": [("\t群众满意度", "80%≤满意度<90%得7分；<80%得3分", "70%≤满意度<80%得7分；<70%得3分")],
     "expect": [
         {"check": "AL408", "needle": "70%≤满意度<80%", "stated": "80", "computed": "90", "subject": "群众满意度/评分标准"},
     ]},
    {"name": "duplicate", "mutation": "duplicate", "where": "scoring table: 政府采购规范性 renamed 资金使用合规性 (now twice, 4/4 and 4/3.5)",
     "edits": [("表4  部门整体支出绩效自评得分表", "政府采购规范性", "资金使用合规性")],
     "expect": [
         # the renamed row is the second 资金使用合规性 (政府采购规范性 came after the first)
         {"check": "AL603", "needle": "资金使用合规性", "after": "\t资金使用合规性", "stated": "资金使用合规性", "computed": "unique", "subject": "重复指标", "also_lines": []},
     ]},
]
