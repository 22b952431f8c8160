"""西藏 某地区林业和草原局 2024 部门整体支出绩效自评报告 (docx, txt): the official 收入支出决算总表 layout
(财决01表) with 行次 columns beside the amounts, amounts in 元; a 三公 row whose prior year is 0
("—" growth); 偏差率 for "≤" targets; 生态护林员 per-person subsidy standard (每人每年3500元)."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, signed, th

NAME = "xz-forest-2024"
FORMATS = ("docx", "txt")


def build():
    r = Report(page_number="第 {} 页", style="cell")
    inc = [("一、一般公共预算财政拨款收入", D("186425360.18")), ("二、政府性基金预算财政拨款收入", D("0.00")),
           ("三、上级补助收入", D("2350000.00")), ("四、其他收入", D("48620.50"))]
    out = [("一、一般公共服务支出", D("0.00")), ("二、社会保障和就业支出", D("3862140.27")),
           ("三、农林水支出", D("176548212.64")), ("四、住房保障支出", D("2215408.00"))]
    ti = sum(x[1] for x in inc)
    to = sum(x[1] for x in out)
    cin = D("4126300.00")
    cout = ti + cin - to
    rangers, std = 42860, 3500
    rg = D(rangers * std)
    r.p(C("雪域地区林业和草原局2024年度部门整体支出绩效自评报告"), "",
        "一、部门基本情况",
        f"我局负责全地区林业和草原资源保护管理，2024年全地区聘用生态护林员{th(rangers, 0)}名，补助标准为每人每年{std}元，"
        f"全年发放生态护林员补助{th(rg)}元。",
        "二、部门收支情况",
        f"2024年本年收入合计{th(ti)}元，本年支出合计{th(to)}元，年初结转和结余{th(cin)}元，年末结转和结余{th(cout)}元。",
        "表1  收入支出决算总表（单位：元）")
    rows = [["收入", "<", "<", "支出", "<", "<"], ["项目", "行次", "金额", "项目", "行次", "金额"]]
    for i in range(4):
        rows.append([inc[i][0], str(i + 1), th(inc[i][1]), out[i][0], str(i + 29), th(out[i][1])])
    rows.append(["本年收入合计", "5", th(ti), "本年支出合计", "33", th(to)])
    rows.append(["年初结转和结余", "6", th(cin), "年末结转和结余", "34", th(cout)])
    rows.append(["总计", "7", th(ti + cin), "总计", "35", th(to + cout)])
    r.t(rows, head=2)
    sg = [("因公出国（境）费", D("0"), D("0"), D("0")), ("公务用车购置费", D("380000"), D("365800.00"), D("0")),
          ("公务用车运行维护费", D("520000"), D("486312.40"), D("512045.60")), ("公务接待费", D("60000"), D("41280.00"), D("52630.00"))]
    tb = sum(x[1] for x in sg)
    ta = sum(x[2] for x in sg)
    tp = sum(x[3] for x in sg)
    r.p("三、“三公”经费支出情况",
        f"2024年“三公”经费支出{th(ta)}元，比上年增加{th(ta - tp)}元，主要是按规定更新2辆超期服役的森林防火巡护车辆，"
        f"公务用车购置费{th(sg[1][2])}元（上年无此项支出）。剔除购置费后，“三公”经费比上年减少{th(tp - ta + sg[1][2])}元。",
        "表2  “三公”经费支出情况（单位：元）")
    rows = [["项目", "预算数", "决算数", "上年决算数", "增减额", "增减率"]]
    for n, b, a, p in sg:
        rows.append([n, th(b), th(a), th(p), signed(a - p, 2, lambda v: f"{v:,.2f}"), "—" if p == 0 else pct(a - p, p)])
    rows.append(["合计", th(tb), th(ta), th(tp), signed(ta - tp, 2, lambda v: f"{v:,.2f}"), pct(ta - tp, tp)])
    r.t(rows)
    fire_t, fire_a = D("0.8"), D("0.35")  # 森林火灾受害率 ‰
    pest_t, pest_a = D("4"), D("2.9")
    r.p("四、绩效目标完成情况", "表3  主要绩效指标完成情况")
    rows = [["指标", "目标值", "完成值", "偏差率", "偏差原因"],
            ["生态护林员聘用人数", "≥42000人", f"{th(rangers, 0)}人", pct(rangers - 42000, 42000), ""],
            ["生态护林员补助发放率", "100%", "100%", "0.00%", ""],
            ["森林火灾受害率", "≤0.8‰", "0.35‰", pct(fire_a - fire_t, fire_t), "优于目标"],
            ["林业有害生物成灾率", "≤4‰", "2.9‰", pct(pest_a - pest_t, pest_t), "优于目标"],
            ["森林覆盖率", "≥12.31%", "12.35%", pct(D("12.35") - D("12.31"), D("12.31")), ""],
            ["草原综合植被盖度", "≥47.5%", "47.8%", pct(D("47.8") - D("47.5"), D("47.5")), ""]]
    r.t(rows)
    r.p("经自评，2024年度部门整体支出绩效自评得分96分，等级为“优”。扣分原因：“三公”经费较上年增加，扣2分；"
        "部分县生态护林员巡护轨迹上传率偏低，扣2分。",
        "五、存在问题及改进措施",
        "生态护林员年龄结构偏大，部分护林员巡护能力不足，下一步将开展分级培训。",
        "", "雪域地区林业和草原局", "2025年4月3日")
    return r
