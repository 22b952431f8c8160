"""The planted mistakes: one realistic mistake per copy (DESIGN.md §2 kinds).

edits: (after, old, new) — see plant.py. expect: the findings the mistake must
cause; ``needle``/``after`` locate the label's line in the planted .txt. Values
are worked out by hand from the printed numbers (comments show the arithmetic)."""

PLANTS = {
    "cdc-dept-2024": [
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
    ],
    "sc-dept-2023": [
        {"name": "score-above-weight", "mutation": "score", "where": "评分表 建筑施工安全事故起数 得分 5 → 9 (分值7; 合计 still 95)",
         "edits": [("建筑施工安全事故起数", "=5", "9")],
         "expect": [
             {"check": "AL401", "needle": "=9", "after": "建筑施工安全事故起数", "stated": "9", "computed": "7", "subject": "建筑施工安全事故起数/得分"},
             # 95 − 5 + 9 = 99
             {"check": "AL407", "needle": "=95", "after": "附件：部门整体支出绩效评价指标评分表", "stated": "95", "computed": "99", "subject": "评分表/合计"},
         ]},
        {"name": "row-identity", "mutation": "part", "where": "表2 老旧小区改造前期工作经费 调整后预算 445.00 → 454.00",
         "edits": [("2.老旧小区改造前期工作经费", "445.00", "454.00")],
         "expect": [
             # 580.00 + 0 − 135.00 = 445.00
             {"check": "AL103", "needle": "454.00", "after": "2.老旧小区改造", "stated": "454.00", "computed": "445.00", "subject": "表2/老旧小区改造前期工作经费/调整后预算"},
             # 920.00 + 454.00 + 165.00 + 180.00 = 1719.00 vs 二、项目支出 1710.00
             {"check": "AL101", "needle": "1710.00", "after": "二、项目支出", "stated": "1710.00", "computed": "1719.00", "subject": "表2/二、项目支出/调整后预算"},
             # 418.62 / 454.00 = 92.21%
             {"check": "AL201", "needle": "94.07%", "after": "2.老旧小区改造", "stated": "94.07", "computed": "92.21", "subject": "表2/老旧小区改造前期工作经费/执行率"},
         ]},
        {"name": "share-total", "mutation": "share", "where": "表1 收入合计 占比 100.00 → 93.50",
         "edits": [("\t收入合计", "100.00", "93.50")],
         "expect": [
             # 84.48 + 11.14 + 4.15 + 0.23 = 100.00
             {"check": "AL202", "needle": "93.50", "stated": "93.50", "computed": "100.00", "subject": "表1/收入合计/占比"},
         ]},
    ],
    "zj-dept-2024": [
        {"name": "sign", "mutation": "sign", "where": "农业面源污染治理 调整后预算 238.0000 → -238.0000",
         "edits": [("农业面源污染治理", "238.0000", "-238.0000")],
         "docx": False,
         "expect": [
             {"check": "AL301", "needle": "农业面源污染治理", "stated": "-238.0000", "computed": "≥ 0", "subject": "农业面源污染治理/调整后预算"},
             # 280.0000 − 42.0000 = 238.0000
             {"check": "AL103", "needle": "农业面源污染治理", "stated": "-238.0000", "computed": "238.0000", "subject": "农业面源污染治理/调整后预算"},
             # 1550 − 238 + 165 + 570 = 2047.0000 vs 小计 2523.0000
             {"check": "AL101", "needle": "2523.0000", "stated": "2523.0000", "computed": "2047.0000", "subject": "项目支出小计/调整后预算"},
             {"check": "AL201", "needle": "农业面源污染治理", "stated": "97.77", "computed": "-97.77", "subject": "农业面源污染治理/执行率", "optional": True},
         ]},
        {"name": "selfeval-total", "mutation": "score", "where": "自评表 总分 98.78 → 99.78 (scores add up to 98.78)",
         "edits": [("总分", "98.78", "99.78")],
         "expect": [
             # 9.78 + 10+8+8+8+7+8 + 10+10+10 + 10 = 98.78
             {"check": "AL407", "needle": "99.78", "after": "附表", "stated": "99.78", "computed": "98.78", "subject": "自评表/总分"},
             # the narrative's 98.78 now disagrees with the table's printed total, as in the other reports' score plants
             {"check": "AL407", "needle": "自评得分98.78分", "stated": "98.78", "computed": "99.78", "subject": "正文总得分 vs 表中合计"},
         ]},
    ],
    "nb-dept-2024": [
        {"name": "share-total", "mutation": "share", "where": "表1 合计 占项目支出比重 100.00% → 99.00%",
         "edits": [("表1  2024年度项目支出执行情况", "100.00%", "99.00%")],
         "expect": [
             # the twelve printed shares add up to 99.98%
             {"check": "AL202", "needle": "99.00%", "stated": "99.00", "computed": "99.98", "subject": "表1/合计/占项目支出比重"},
         ]},
        {"name": "deviation", "mutation": "deviation", "where": "自评表 高新技术企业数量 偏差 +12.40% → +24.80%",
         "edits": [("\t高新技术企业数量", "+12.40%", "+24.80%")],
         "expect": [
             # (562 − 500) ÷ 500 = 12.40%
             {"check": "AL205", "needle": "+24.80%", "stated": "24.80", "computed": "12.40", "subject": "高新技术企业数量/偏差"},
         ]},
        {"name": "period", "mutation": "year", "where": "自评表 完成值来源 浙江省科技厅认定名单 → 2023年度浙江省科技厅认定名单",
         "edits": [("\t高新技术企业数量", "浙江省科技厅认定名单", "2023年度浙江省科技厅认定名单")],
         "expect": [
             {"check": "AL505", "needle": "2023年度浙江省科技厅认定名单", "stated": "2023", "computed": "2024", "subject": "高新技术企业数量/完成值来源"},
         ]},
        {"name": "impossible-target", "mutation": "target", "where": "自评表 科普活动覆盖率 目标值 100% → ＞100%",
         "edits": [("\t科普活动覆盖率", "100%", "＞100%")],
         "expect": [
             {"check": "AL304", "needle": "＞100%", "stated": "＞100%", "computed": "≤ 100%", "subject": "科普活动覆盖率/目标值"},
         ]},
    ],
    "county-road-2023": [
        {"name": "score-above-weight", "mutation": "score", "where": "评分表 病害处置及时率 得分 5.1 → 6.5 (分值6)",
         "edits": [("附件：隆回县", "=5.1", "6.5")],
         "expect": [
             {"check": "AL401", "needle": "6.5", "after": "附件：隆回县", "stated": "6.5", "computed": "6", "subject": "病害处置及时率/得分"},
             # 88.24 − 5.1 + 6.5 = 89.64
             {"check": "AL407", "needle": "88.24", "after": "附件：隆回县", "stated": "88.24", "computed": "89.64", "subject": "评分表/合计"},
             {"check": "AL409", "needle": "2.病害处置及时率", "stated": "5.1", "computed": "6.5", "subject": "病害处置及时率/叙述得分"},
             # 93.2%: 6 − (95 − 93.2) × 0.5 = 5.1 — the actual is stated in the 扣分原因 cell only
             {"check": "AL403", "needle": "6.5", "after": "附件：隆回县", "stated": "6.5", "computed": "5.1", "subject": "病害处置及时率/得分", "optional": True},
         ]},
        {"name": "group-weight", "mutation": "weight", "where": "评分表 过程(20分) → 过程(25分)",
         "edits": [("附件：隆回县", "过程(20分)", "过程(25分)")],
         "expect": [
             # 4 + 4 + 4 + 4 + 4 = 20
             {"check": "AL104", "needle": "过程(25分)", "stated": "25", "computed": "20", "subject": "过程/权重"},
         ]},
    ],
    "js-dept-2024": [
        {"name": "scores-total", "mutation": "score", "where": "评分表 合计 自评得分 99.97 → 98.97 (合计 label spans three columns; narrative 99.97)",
         "edits": [("指标体系得分情况", "=99.97", "98.97")],
         "expect": [
             {"check": "AL407", "needle": "=98.97", "stated": "98.97", "computed": "99.97", "subject": "评分表/合计"},
             {"check": "AL407", "needle": "自评得分99.97分", "stated": "99.97", "computed": "98.97", "subject": "正文总得分 vs 表中合计"},
         ]},
        {"name": "row-identity", "mutation": "part", "where": "表1 课题研究经费 合计(调整后) 52.00 → 50.00",
         "edits": [("课题研究经费", "=52.00", "50.00")],
         "expect": [
             # 40.00 + 12.00 − 0 = 52.00
             {"check": "AL103", "needle": "50.00", "after": "\t课题研究经费", "stated": "50.00", "computed": "52.00", "subject": "表1/课题研究经费/合计"},
             # 51.36 / 50.00 = 102.72%
             {"check": "AL201", "needle": "98.77%", "after": "\t课题研究经费", "stated": "98.77", "computed": "102.72", "subject": "表1/课题研究经费/执行率"},
             # 358.20 + 56.65 + 50.00 + 154.60 = 619.45
             {"check": "AL101", "needle": "621.45", "stated": "621.45", "computed": "619.45", "subject": "表1/项目支出小计/合计"},
         ]},
        {"name": "rule-points", "mutation": "rule-points", "where": "预算编制科学性 评分标准 得3分 → 得2分 (权重3, 得分3)",
         "edits": [("\t预算编制科学性", "得3分", "得2分")],
         "expect": [
             {"check": "AL402", "needle": "得2分；否则酌情扣分", "stated": "2", "computed": "3", "subject": "预算编制科学性/评分标准"},
         ]},
        {"name": "unit", "mutation": "unit", "where": "追回医保基金1,862.37万元 → 1,862.37元",
         "edits": [("（三）基金监管", "1,862.37万元", "1,862.37元")],
         "expect": [
             {"check": "AL305", "needle": "追回医保基金1,862.37元", "stated": "1,862.37元", "computed": "万元", "subject": "追回医保基金"},
         ]},
        {"name": "claim", "mutation": "claim", "where": "评分表 预算执行率 完成情况 99.77% → 100% (table: 99.77%)",
         # after the row's 评分标准: "\t预算执行率" alone first found the narrative's "预算执行率99.77%"
         "edits": [("执行率达到100%的，得满分", "99.77%", "100%")],
         "note": ("\"100%\" printed without decimals stands for [99.5%, 100.5%], which holds 99.77% (AL501's interval rule), "
                  "so the completion alone contradicts nothing; the score does: the rule gives full marks (3) at 100% and "
                  "the row keeps 2.97 (AL403)."),
         "expect": [
             # rule: 100% → 3 points; the stated 100% ([99.5, 100.5]) gives 2.9925–3, never 2.97
             {"check": "AL403", "needle": "=2.97", "after": "\t预算执行率", "stated": "2.97", "computed": "3", "subject": "预算执行率 得分",
              "also": ["AL501"], "also_lines": [220]},
         ]},
    ],
    "sd-water-2024": [
        {"name": "grade", "mutation": "grade", "where": "评价等级为“优” → “良” (得分96.76；≥90为优)",
         "edits": [("经评价，项目综合得分", "评价等级为“优”", "评价等级为“良”")],
         "expect": [
             {"check": "AL410", "needle": "经评价，项目综合得分", "stated": "良", "computed": "优", "subject": "评价等级"},
         ]},
        {"name": "weight", "mutation": "weight", "where": "评分表 绩效指标明确性 分值 4 → 3 (得分3; 合计仍印100)",
         "edits": [("\t绩效指标明确性", "=4", "3")],
         "expect": [
             # weights 99 vs printed 100
             {"check": "AL406", "needle": "100", "after": "续表2", "stated": "100", "computed": "99", "subject": "权重合计"},
             # rule max 4 vs weight 3
             {"check": "AL402", "needle": "明确的，得4分；每有一项未量化扣1分。", "stated": "4", "computed": "3", "subject": "绩效指标明确性/评分标准"},
         ]},
    ],
    "street-2023": [
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
    ],
    "gd-dept-2023": [
        {"name": "numbering", "mutation": "numbering", "where": "五、绩效自评结果应用 → 六、 (and 六、→ 七、)",
         "edits": [("四、存在的问题和整改情况", "五、绩效自评结果应用", "六、绩效自评结果应用"),
                   ("四、存在的问题和整改情况", "六、其他需说明的情况", "七、其他需说明的情况")],
         "expect": [
             {"check": "AL601", "needle": "六、绩效自评结果应用", "stated": "六、", "computed": "五、", "subject": "章节编号"},
         ]},
        {"name": "scores-total", "mutation": "score", "where": "评分表 合计 自评得分 98.36 → 96.36 (narrative 98.36)",
         "edits": [("附件：2023年度部门整体支出绩效自评指标评分表", "98.36", "96.36")],
         "expect": [
             {"check": "AL407", "needle": "96.36", "stated": "96.36", "computed": "98.36", "subject": "评分表/合计"},
             {"check": "AL407", "needle": "综合得分98.36分", "stated": "98.36", "computed": "96.36", "subject": "正文总得分 vs 表中合计"},
         ]},
    ],
    "hospital-2024": [
        {"name": "rate", "mutation": "rate", "where": "表1 中央补助资金 执行率 96.69% → 99.69% (column 全年预算)",
         "edits": [("表1  项目资金来源", "96.69%", "99.69%")],
         "expect": [
             # 662.3415 / 685.0000 = 96.69%
             {"check": "AL201", "needle": "99.69%", "stated": "99.69", "computed": "96.69", "subject": "表1/中央补助资金/执行率"},
         ]},
        {"name": "full-marks", "mutation": "score", "where": "县域内就诊率 得分 8 → 10 (88.7% < ≥90%); 总分, 效益 and narrative follow (97.73 → 99.73)",
         "edits": [("\t县域内就诊率", "=8", "10"), ("表3  项目绩效指标", "97.73", "99.73"),
                   ("经自评，本项目绩效自评得分", "97.73", "99.73"), ("经自评，本项目绩效自评得分", "效益指标得28分", "效益指标得30分")],
         "expect": [
             {"check": "AL504", "needle": "88.7%", "after": "\t县域内就诊率", "stated": "10", "computed": "misses target ≥90%", "subject": "县域内就诊率/得分"},
         ]},
    ],

    "hb-fund-2023": [
        {"name": "total", "mutation": "total", "where": "表1 年度资金总额 实际支出 3164.96 → 3146.96 (total printed first, label 年度资金总额)",
         "edits": [("年度资金总额", "3164.96", "3146.96")],
         "expect": [
             # 2298.41 + 603.75 + 262.80 = 3164.96
             {"check": "AL101", "needle": "年度资金总额", "stated": "3146.96", "computed": "3164.96", "subject": "表1/年度资金总额/实际支出"},
             # 3146.96 / 3274.00 = 96.12%
             {"check": "AL201", "needle": "年度资金总额", "stated": "96.67", "computed": "96.12", "subject": "表1/年度资金总额/执行率"},
         ]},
        {"name": "deviation", "mutation": "deviation", "where": "自评表 城镇新增就业人数 偏差 7.17% → 71.67% (table with 分值/得分)",
         "edits": [("城镇新增就业人数", "7.17%", "71.67%")],
         "expect": [
             # (12860 − 12000) ÷ 12000 = 7.17%
             {"check": "AL205", "needle": "71.67%", "stated": "71.67", "computed": "7.17", "subject": "城镇新增就业人数/偏差"},
         ]},
    ],
    "school-2024": [
        {"name": "total", "mutation": "total", "where": "表1 合计 实际支出 27,990,508.10 → 27,909,508.10 (row-per-line, 合计 in the 序号 column)",
         "edits": [("学生食堂运营补助", "27,990,508.10", "27,909,508.10")],
         "expect": [
             # 24,444,184.05 + 3,546,324.05 = 27,990,508.10
             {"check": "AL101", "needle": "27,909,508.10", "stated": "27,909,508.10", "computed": "27,990,508.10", "subject": "表1/合计/实际支出"},
             # 27,909,508.10 / 28,234,950.00 = 98.85%
             {"check": "AL201", "needle": "27,909,508.10", "stated": "99.13", "computed": "98.85", "subject": "表1/合计/执行率"},
             # consequences a linter may fairly report (added by fix-tables once the 合计 row in the
             # 序号 column was read): the text's 2799.05万元 and 预算执行率99.13% against the planted total
             {"check": "AL503", "needle": "实际支出2799.05万元", "stated": "2799.05", "computed": "27909508.10", "subject": "叙述/实际支出", "optional": True},
             {"check": "AL501", "needle": "其中预算执行率99.13%", "stated": "99.13%", "computed": "98.85%", "subject": "预算执行率", "optional": True},
         ]},
    ],
    "gd-project-2024": [
        {"name": "narrative-total", "mutation": "narrative-score", "where": "综上…自评得分92.04分 → 94.02分 (table 92.04)",
         "edits": [("综上，本项目绩效自评得分", "92.04分", "94.02分")],
         "expect": [
             {"check": "AL407", "needle": "综上，本项目绩效自评得分", "stated": "94.02", "computed": "92.04", "subject": "正文总得分"},
         ]},
    ],
}
