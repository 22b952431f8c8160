"""繁體 reports (issue 15, form 5: text from mirror sites) are read with the 简体
vocabulary: a 繁體 copy of a report gives the same findings, with the same numbers,
locations and fingerprints, as the report itself."""

from __future__ import annotations

from pathlib import Path

from auditlint import lint
from auditlint.readers import read_data
from auditlint.readers.hant import is_traditional, to_simplified

ROOT = Path(__file__).resolve().parent.parent

# 简体 → 繁體, written out by hand for these tests (independent of readers/hant.py's table)
_TO_TRADITIONAL = str.maketrans(dict(zip(
    "预决执计项财拨绩评价经费说发门报况调后实际数万础资额标务设体总结余较减长为个与对单该应时间员会议这产质满级权划现购买车运维护条规范进区县场动导织组构编确证据库专则统检讯问题还过类责态称职单务统资补贴险医疗养险缴纳办维修递积审书档录页节约观测环卫响层岗训练赋购视频网络软件开销兑阶段项",
    "預決執計項財撥績評價經費說發門報況調後實際數萬礎資額標務設體總結餘較減長為個與對單該應時間員會議這產質滿級權劃現購買車運維護條規範進區縣場動導織組構編確證據庫專則統檢訊問題還過類責態稱職單務統資補貼險醫療養險繳納辦維修遞積審書檔錄頁節約觀測環衛響層崗訓練賦購視頻網絡軟件開銷兌階段項",
    strict=True,
)))


def _key(report) -> list[tuple]:  # noqa: ANN001 - an auditlint.Report
    return sorted((f.check_id, f.severity.value, f.location.line, f.location.column, f.location.table,
                   f.location.row, f.location.col, f.evidence.stated, f.evidence.computed, f.fingerprint)
                  for f in report.findings)


def test_a_traditional_copy_of_a_report_gives_the_same_findings() -> None:
    text = (ROOT / "corpus/examples/department-2024.txt").read_text(encoding="utf-8")
    traditional = text.translate(_TO_TRADITIONAL)
    assert "預算執行情況" in traditional and "合計" in traditional and is_traditional(traditional)
    simplified = lint(text.encode("utf-8"), filename="r.txt")
    copy = lint(traditional.encode("utf-8"), filename="r.txt")
    assert len(simplified.findings) == 10
    assert _key(copy) == _key(simplified)


def test_a_traditional_table_total_is_checked() -> None:
    text = """一、預算執行情況
項目 年初預算數 調整後預算數 實際支出數 執行率
基本支出 710.52 715.69 712.40 99.54%
項目支出 1196.10 1067.07 1067.07 100.00%
合計 1906.62 1792.76 1779.47 99.82%
二、績效目標完成情況
"""
    report = lint(text.encode("utf-8"), filename="r.txt")
    al101 = [f for f in report.findings if f.check_id == "AL101"]
    assert [(f.evidence.stated, f.evidence.computed, f.location.line) for f in al101] == [("1792.76", "1782.76", 5)]


def test_conversion_keeps_offsets() -> None:
    src = "財政撥款收入1516.64萬元，佔89.88%；結餘0萬元。"
    out = to_simplified(src)
    assert out == "财政拨款收入1516.64万元，占89.88%；结余0万元。"
    assert len(out) == len(src)


def test_a_simplified_report_naming_a_few_traditional_words_is_left_as_it_is() -> None:
    text = "一、基本情况\n本单位（原名“臺灣事務辦公室”）2024年支出100万元，其中基本支出60万元，项目支出40万元。\n"
    assert not is_traditional(text)
    doc = read_data(text.encode("utf-8"), "r.txt")
    assert "臺灣事務辦公室" in doc.paragraphs[1].text


RUBY = """一、預(yù)算執(zhí)行情況
本年支出合計1779.47萬元，其中基本支出712.40萬元，項(xiàng)目支出1067.07萬元。
項(xiàng)目 年初預(yù)算數(shù) 調(diào)整後預(yù)算數(shù) 實(shí)際支出數(shù) 執(zhí)行率
基本支出 710.52 715.69 712.40 99.54%
項(xiàng)目支出 1196.10 1067.07 1067.07 100.00%
合計 1906.62 1792.76 1779.47 99.82%
二、績(jī)效目標(biāo)完成情況
"""


def test_a_mirror_copy_with_pinyin_annotations_is_read() -> None:
    # 預(yù)算: the mirror's pinyin after a character splits every word; it is dropped
    report = lint(RUBY.encode("utf-8"), filename="r.txt")
    al101 = [f for f in report.findings if f.check_id == "AL101"]
    assert [(f.evidence.stated, f.evidence.computed, f.location.line) for f in al101] == [("1792.76", "1782.76", 6)]


def test_brackets_that_are_not_pinyin_stay() -> None:
    text = "一、基本情况\n按公式(1)计算，见附表(a)、(b)和(c)，预算执行率为(98%)。\n"
    doc = read_data(text.encode("utf-8"), "r.txt")
    assert doc.paragraphs[1].text == "按公式(1)计算，见附表(a)、(b)和(c)，预算执行率为(98%)。"
