"""山西 某市统计局 2024 部门整体支出绩效自评报告 (txt row-per-line, docx): a budget table in 元 with a signed
调整数 column (negative 调减 printed with "-"), quarterly 支出进度 with 环比, 在职人员控制率 from
编制/实有, 预算调整率 and 结转结余率 recomputable, 三公 rows with zero budget ("—"), per-capita 公用经费."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, s, signed, th

NAME = "sx-stats-2024"
FORMATS = ("txt", "docx")


def build():
    r = Report(page_number="第 {} 页", style="row")
    L = [("基本支出", "人员经费", D("8462300.00"), D("215600.00"), D("8677900.00") - D("1245.36")),
         ("^", "公用经费", D("1036000.00"), D("-84000.00"), D("946218.40")),
         ("项目支出", "经济普查经费", D("2850000.00"), D("-320000.00"), D("2498163.25")),
         ("^", "统计调查业务经费", D("1620000.00"), D("0.00"), D("1603415.80")),
         ("^", "统计数据质量核查", D("380000.00"), D("45000.00"), D("418972.00"))]
    y0 = sum(x[2] for x in L)
    adj = sum(x[3] for x in L)
    ya = y0 + adj
    act = sum(x[4] for x in L)
    sum(abs(x[3]) for x in L)
    staff_post, staff = 96, 91
    r.p(C("汾阳市统计局2024年度部门整体支出绩效自评报告"), "",
        "一、部门基本情况",
        f"汾阳市统计局内设8个科室，下设市普查中心、市社情民意调查中心2个事业单位。核定编制{staff_post}名，年末实有在职人员{staff}人，"
        f"在职人员控制率{pct(staff, staff_post)}。",
        "二、预算收支情况",
        f"2024年年初预算{th(y0)}元，年中调整{signed(adj, 2, lambda v: f'{v:,.2f}')}元（调增{th(sum(x[3] for x in L if x[3] > 0))}元，"
        f"调减{th(-sum(x[3] for x in L if x[3] < 0))}元），调整后预算{th(ya)}元；全年支出{th(act)}元，预算执行率{pct(act, ya)}。"
        f"预算调整率{pct(abs(adj), y0)}（调整数绝对值÷年初预算），结转结余{th(ya - act)}元，结转结余率{pct(ya - act, ya)}。",
        "表1  2024年度预算调整及执行情况（单位：元）")
    rows = [["支出类别", "项目", "年初预算", "调整数", "调整后预算", "实际支出", "执行率"]]
    for a, b, y, d, e in L:
        rows.append([a, b, th(y), signed(d, 2, lambda v: f"{v:,.2f}"), th(y + d), th(e), pct(e, y + d)])
    rows.append(["合计", "<", th(y0), signed(adj, 2, lambda v: f"{v:,.2f}"), th(ya), th(act), pct(act, ya)])
    r.t(rows)
    qs = [D("2716450.20"), D("3268102.75"), D("3384296.10"), act - D("2716450.20") - D("3268102.75") - D("3384296.10")]
    cum = []
    c = D(0)
    for x in qs:
        c += x
        cum.append(c)
    r.p("三、预算执行进度",
        f"一至四季度分别支出{th(qs[0])}元、{th(qs[1])}元、{th(qs[2])}元、{th(qs[3])}元，第三季度支出环比增长{pct(qs[2] - qs[1], qs[1])}，"
        f"第四季度环比增长{pct(qs[3] - qs[2], qs[2])}。截至9月30日累计支出进度{pct(cum[2], ya)}，低于75%的序时进度要求，主要是经济普查经费集中在第四季度结算。",
        "表2  分季度支出进度")
    rows = [["季度", "当季支出（元）", "累计支出（元）", "累计进度"]]
    for i in range(4):
        rows.append([f"第{'一二三四'[i]}季度", th(qs[i]), th(cum[i]), pct(cum[i], ya)])
    r.t(rows)
    sg = [("因公出国（境）费", D("0"), D("0"), D("0")), ("公务用车运行维护费", D("42000"), D("38650.00"), D("40120.00")),
          ("公务接待费", D("15000"), D("9860.00"), D("12340.00"))]
    tb = sum(x[1] for x in sg)
    ta = sum(x[2] for x in sg)
    tp = sum(x[3] for x in sg)
    r.p("四、“三公”经费情况",
        f"2024年“三公”经费支出{th(ta)}元，完成预算的{pct(ta, tb)}，比上年减少{th(tp - ta)}元，下降{pct(tp - ta, tp)}。"
        f"人均公用经费{th(q(D('946218.40') / staff))}元。",
        "表3  “三公”经费支出情况（单位：元）")
    rows = [["项目", "预算数", "支出数", "上年支出数", "比上年增减", "预算完成率"]]
    for n, b, a, p in sg:
        rows.append([n, th(b), th(a), th(p), signed(a - p, 2, lambda v: f"{v:,.2f}"), "—" if b == 0 else pct(a, b)])
    rows.append(["合计", th(tb), th(ta), th(tp), signed(ta - tp, 2, lambda v: f"{v:,.2f}"), pct(ta, tb)])
    r.t(rows)
    rate = q(act / ya * 100)
    ind = [("预算执行率", "≥95%", f"{rate}%", "10", "10"),
           ("预算调整率", "≤5%", pct(abs(adj), y0), "5", "5"),
           ("结转结余率", "≤5%", pct(ya - act, ya), "5", "5"),
           ("在职人员控制率", "≤100%", pct(staff, staff_post), "5", "5"),
           ("“三公”经费变动率", "≤0", pct(ta - tp, tp), "5", "5"),
           ("统计调查任务完成率", "100%", "100%", "20", "20"),
           ("统计数据上报及时率", "100%", "99.2%", "15", "14"),
           ("统计数据核查差错率", "≤1%", "0.6%", "15", "15"),
           ("统计信息服务满意度", "≥90%", "94.3%", "20", "20")]
    assert sum(int(x[3]) for x in ind) == 100
    tot = sum(D(x[4]) for x in ind)
    r.p("五、绩效自评情况", "表4  部门整体支出绩效自评表")
    rows = [["指标", "目标值", "实际完成值", "分值", "得分"]] + [list(x) for x in ind]
    rows.append(["合计", "", "", "100", s(tot, 0)])
    r.t(rows)
    r.p(f"经自评，2024年度部门整体支出绩效自评得分{s(tot, 0)}分，等级为“优”。统计数据上报及时率未达到100%，扣1分，"
        "原因为第三季度部分调查户系统故障导致2个专业报表延迟报送。",
        "六、存在问题及改进措施",
        "经济普查经费因普查工作方案调整减少外包调查内容，年中调减32万元，预算编制的精准性有待提高。",
        "", "汾阳市统计局", "2025年3月31日")
    return r
