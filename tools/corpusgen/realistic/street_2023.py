"""A Chengdu sub-district office's 部门整体支出绩效自评报告 (2023), row-per-line tables:
the header row shifted one cell left of the data (its corner cell lost), amounts in 元
with thousands separators and the unit in each header, （一）/1. serials inside the label
column; a scoring table with a 扣分项 row; five heading levels 一、（一）1.（1）①;
grade 良."""

from corpusgen.model import Report
from corpusgen.numbers import D, pct, q, s, thousands

NAME = "street-2023"
FORMATS = ("txt",)

# (serial label, 预算, 实际, kind)
ROWS = [("（一）基本支出", None, None),
        ("1.工资福利支出", "8862400.00", "8815326.18"),
        ("2.商品和服务支出", "1326000.00", "1208743.65"),
        ("3.对个人和家庭的补助", "214500.00", "214500.00"),
        ("（二）项目支出", None, None),
        ("1.社区治理和服务经费", "2400000.00", "2286431.00"),
        ("2.城市管理和环境卫生经费", "3150000.00", "3096612.40"),
        ("3.应急管理和安全生产经费", "680000.00", "531208.90"),
        ("4.民生保障经费", "1960000.00", "1954380.00")]


def build() -> Report:
    r = Report(font=None)
    basic = ROWS[1:4]
    proj = ROWS[5:]
    bb, ba = sum(D(x[1]) for x in basic), sum(D(x[2]) for x in basic)
    pb, pa = sum(D(x[1]) for x in proj), sum(D(x[2]) for x in proj)
    tb, ta = bb + pb, ba + pa
    rows = [["项目", "调整后预算（元）", "实际支出（元）", "执行率", "结余（元）"]]  # corner cell lost: shifted
    for lab, b, a in ROWS:
        if b is None:
            gb, ga = (bb, ba) if "基本" in lab else (pb, pa)
            rows.append(["", lab, thousands(gb), thousands(ga), pct(ga, gb), thousands(gb - ga)])
        else:
            rows.append(["", lab, thousands(D(b)), thousands(D(a)), pct(a, b), thousands(D(b) - D(a))])
    rows.append(["", "合计", thousands(tb), thousands(ta), pct(ta, tb), thousands(tb - ta)])

    sc = [("决策", "目标设定", "绩效目标合理性", "5", "5"),
          ("", "", "绩效指标明确性", "5", "4"),
          ("", "预算编制", "预算编制科学性", "5", "4"),
          ("过程", "预算执行", "预算执行率", "10", None),
          ("", "", "结转结余控制", "5", "3"),
          ("", "预算管理", "资金使用合规性", "10", "10"),
          ("", "", "“三公”经费控制", "5", "5"),
          ("产出", "履职产出", "社区网格化管理覆盖率", "10", "10"),
          ("", "", "城市管理问题按期处置率", "10", "9"),
          ("", "", "安全生产隐患整改率", "10", "8"),
          ("效益", "社会效益", "辖区居民满意度", "15", "13"),
          ("", "可持续影响", "长效管理机制", "10", "9")]
    exe = q(ta / tb * 100, 2)
    s_exe = q(exe / 10, 1)
    penalty = D("-1")
    scores = [D(x[4]) if x[4] else s_exe for x in sc]
    total = sum(scores) + penalty
    srows = [["一级指标", "二级指标", "三级指标", "分值", "得分"]]
    for x, v in zip(sc, scores):
        srows.append([x[0], x[1], x[2], x[3], s(v, 1) if v != v.to_integral() else s(v, 0)])
    srows.append(["扣分项", "", "审计发现问题", "—", "-1"])
    srows.append(["合计", "", "", "100", s(total, 1)])

    r.p("成都市锦江区春熙路街道办事处2023年度部门整体支出绩效自评报告",
        "",
        "一、部门基本情况",
        "（一）部门职能",
        "1.主要职责",
        "（1）贯彻执行党和国家的路线方针政策，落实区委、区政府工作部署；",
        "（2）负责辖区社区治理、城市管理、应急管理和民生保障等工作。",
        "2.机构设置",
        "（1）内设机构。街道设党政办公室、社区发展办公室、平安建设办公室等7个办公室。",
        "（2）人员情况。核定行政编制32名、事业编制18名，实有在职人员47人；聘用社区专职工作者126人。",
        "（二）辖区概况",
        "辖区面积2.36平方公里，下辖7个社区，常住人口6.24万人，其中60岁以上老年人1.37万人，占21.96%；辖区内有商业综合体12个、市场主体8,400余户。",
        "二、部门整体支出情况",
        "（一）预算执行情况",
        f"2023年度调整后预算{s(tb / 10000)}万元，实际支出{s(ta / 10000)}万元，预算执行率{exe}%，结余{s((tb - ta) / 10000)}万元。",
        "（二）支出明细",
        "表1  2023年度部门支出情况表")
    r.t(rows, style="row")
    r.p("应急管理和安全生产经费执行率偏低，主要是微型消防站装备采购于2023年12月下旬完成验收，尾款14.88万元于2024年1月支付。",
        "三、绩效目标完成情况",
        "（一）产出目标",
        "1.社区治理",
        "①网格化管理。全街道划分一般网格86个、专属网格31个，配备专兼职网格员204名，网格化管理覆盖率100%。",
        "②居民议事。召开院落议事会1,126场次，解决居民诉求2,870件。",
        "2.城市管理",
        "①环境卫生。全年清运生活垃圾1.86万吨，完成背街小巷整治21条。",
        "②问题处置。受理城市管理问题4,352件，按期处置4,187件，按期处置率96.21%。",
        "3.安全生产",
        "排查安全隐患1,618处，整改1,541处，整改率95.24%，剩余77处已落实管控措施。",
        "（二）效益目标",
        "辖区刑事警情同比下降12.7%，群众安全感98.3%；委托第三方开展居民满意度调查，有效样本1,050份，满意度91.6%。",
        "四、绩效自评结论",
        f"经自评，我街道2023年度部门整体支出绩效得分{s(total, 1)}分，综合评定等级为“良好”。其中预算执行率{exe}%，得{s(s_exe, 1)}分；因区审计局审计发现1项问题（部分社区活动经费报销票据不规范），扣1分。",
        "表2  部门整体支出绩效自评得分表")
    r.t(srows, style="row")
    r.p("五、存在问题及整改措施",
        "（一）结转结余偏大。下一步将按月通报预算执行进度。",
        "（二）部分绩效指标不够量化。",
        "",
        "成都市锦江区春熙路街道办事处",
        "2024年3月22日")
    return r


PLANTS = [
    {"name": "penalty-forgotten", "mutation": "score", "where": "表2 合计 88.7 → 89.7 (the 扣分项 −1 left out; narrative keeps 88.7)",
     "edits": [("表2  部门整体支出绩效自评得分表", "=88.7", "89.7")],
     "expect": [
         # 89.7 of the rows − 1 = 88.7
         {"check": "AL407", "needle": "100\t89.7", "after": "表2  部门整体", "stated": "89.7", "computed": "88.7", "subject": "表2/合计"},
         {"check": "AL407", "needle": "绩效得分88.7分", "stated": "88.7", "computed": "89.7", "subject": "正文总得分 vs 表2合计"},
     ]},
    {"name": "blank-date", "mutation": "blank", "where": "落款日期 2024年3月22日 → 年  月  日",
     "edits": [("成都市锦江区春熙路街道办事处", "2024年3月22日", "    年  月  日")],
     "expect": [
         {"check": "AL602", "needle": "年  月  日", "stated": "", "computed": "a date", "subject": "落款日期"},
     ]},
]
