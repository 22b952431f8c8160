"""宁夏 某市 2024年度城乡居民基本医疗保险 财政补助资金 绩效自评报告. Row-per-line text.
Varies: 人均筹资 每人每年 (个人+财政) × 参保人数; 基金收支 in 万元 with 同比; 累计结存 and 可支付月数; 亿元 in the
narrative; "70%左右"; 较上年提高…个百分点."""
from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, s, signed

NAME = "nx-insurance-2024"
FORMATS = ("txt",)


def build():
    r = Report(style="row")
    n, n_prev = 1036842, 1058217
    ind_std, fin_std = 400, 670
    fin = D(n * fin_std) / 10000
    indv = D(n * ind_std) / 10000
    inc = fin + indv + D("812.46")  # 利息等其他收入
    exp = D("105316.28")
    exp_prev = D("98204.71")
    bal_prev = D("58724.36")
    bal = bal_prev + inc - exp
    months = q(bal / (exp / 12), 1)
    r.p(C("固原市2024年度城乡居民基本医疗保险财政补助资金"), C("绩效自评报告"), "",
        "一、基本情况",
        f"2024年全市城乡居民基本医疗保险参保{n:,}人，比上年减少{n_prev - n:,}人，下降{pct(n_prev - n, n_prev)}，主要是外出务工人员转为参加职工医保。人均筹资标准为每人每年1,070元，其中个人缴费400元、各级财政补助670元。",
        "二、资金筹集及基金收支情况",
        f"2024年各级财政补助资金{s(fin)}万元，个人缴费收入{s(indv)}万元，利息等其他收入812.46万元，基金收入合计{s(inc)}万元，约{s(inc / 10000, 2)}亿元。基金支出{s(exp)}万元，同比增长{pct(exp - exp_prev, exp_prev)}。当期结余{s(inc - exp)}万元，年末累计结存{s(bal)}万元，可支付{s(months, 1)}个月。",
        "表1  城乡居民医保基金收支情况（单位：万元）",
        "项目\t2023年\t2024年\t增减额\t增减率")
    inc_prev = D("111482.59")
    r.p(f"基金收入\t{s(inc_prev)}\t{s(inc)}\t{signed(inc - inc_prev)}\t{pct(inc - inc_prev, inc_prev)}",
        f"基金支出\t{s(exp_prev)}\t{s(exp)}\t{signed(exp - exp_prev)}\t{pct(exp - exp_prev, exp_prev)}",
        f"当期结余\t{s(inc_prev - exp_prev)}\t{s(inc - exp)}\t{signed((inc - exp) - (inc_prev - exp_prev))}\t{pct((inc - exp) - (inc_prev - exp_prev), inc_prev - exp_prev)}",
        f"年末累计结存\t{s(bal_prev)}\t{s(bal)}\t{signed(bal - bal_prev)}\t{pct(bal - bal_prev, bal_prev)}",
        "三、绩效目标完成情况",
        "政策范围内住院费用基金支付比例70%左右，全年实际为70.6%，较上年提高0.9个百分点；全市参保率稳定在95%以上，2024年为96.8%；大病保险起付线降至9,500元，报销比例提高至60%；脱贫人口参保率100%。",
        "四、自评结果",
        "三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因")
    ind = [("参保率", "≥95%", "96.8%", 15, "15", ""), ("财政补助标准", "≥670元/人·年", "670元/人·年", 15, "15", ""),
           ("财政补助资金到位率", "100%", "100%", 10, "10", ""),
           ("政策范围内住院费用基金支付比例", "70%左右", "70.6%", 15, "15", ""),
           ("脱贫人口参保率", "100%", "100%", 15, "15", ""),
           ("基金累计结存可支付月数", "6—9个月", f"{s(months, 1)}个月", 10, "10", ""),
           ("参保群众满意度", "≥90%", "88.7%", 20, "18", "异地就医直接结算等待时间较长")]
    for a in ind:
        r.p("\t".join([a[0], a[1], a[2], str(a[3]), a[4], a[5]]))
    r.p("合计\t\t\t100\t98\t",
        "经自评，2024年度城乡居民基本医疗保险财政补助资金绩效自评得分98分，等级为“优”。",
        "五、存在的问题",
        "参保人数连续两年下降，基金支出增速快于收入增速。下一步将加强参保扩面和医疗费用监控。",
        "", "固原市医疗保障局", "2025年3月18日")
    return r
