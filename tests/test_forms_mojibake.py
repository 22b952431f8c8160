"""Text garbled before it was saved (issue 15, forms2 (d)): GBK bytes read as Latin-1,
UTF-8 bytes read as GBK, then saved as UTF-8. The file decodes without an error, so
today it reads as a report with no table and no figure ("nothing to check") or as
one whose tables nobody recognises: it is refused with one line that says what
happened. Minimal repros written for these tests."""

from __future__ import annotations

import pytest

from auditlint.i18n.errors import kind_of, translate
from auditlint.readers import ReadError, read_data
from auditlint.readers.charset import GBK_AS_LATIN, UTF8_AS_GBK, mojibake

REPORT = """一、预算执行情况
	项目	年初预算数	调整后预算数	实际支出数	执行率
	基本支出	710.52	715.69	712.40	99.54%
	项目支出	1196.10	1067.07	1067.07	100.00%
	合计	1906.62	1782.76	1779.47	99.82%
二、绩效目标完成情况
本年完成了全部目标，总体评价为优。
"""


def _gbk_read_as_latin1(text: str) -> bytes:
    return text.encode("gbk").decode("latin-1").encode("utf-8")


def _utf8_read_as_gbk(text: str) -> bytes:
    return text.encode("utf-8").decode("gbk", errors="replace").encode("utf-8")


@pytest.mark.parametrize(("garble", "reason"), [(_gbk_read_as_latin1, GBK_AS_LATIN), (_utf8_read_as_gbk, UTF8_AS_GBK)])
def test_garbled_text_is_refused_with_what_happened(garble, reason) -> None:  # noqa: ANN001
    data = garble(REPORT)
    with pytest.raises(ReadError) as err:
        read_data(data, "r.txt", ".txt")
    assert str(err.value) == reason


def test_the_refusal_has_its_chinese_line() -> None:
    assert kind_of(GBK_AS_LATIN) == kind_of(UTF8_AS_GBK) == "mojibake"
    assert "乱码" in translate(GBK_AS_LATIN) and "Ô¤Ëã" in translate(GBK_AS_LATIN)
    assert "乱码" in translate(UTF8_AS_GBK) and "棰勭畻" in translate(UTF8_AS_GBK)


def test_the_report_itself_in_utf8_or_gbk_is_read() -> None:
    for data in (REPORT.encode("utf-8"), REPORT.encode("gbk")):
        doc = read_data(data, "r.txt", ".txt")
        assert [[c.text for c in t.rows[0] if c.text] for t in doc.tables] == [["项目", "年初预算数", "调整后预算数", "实际支出数", "执行率"]]


def test_traditional_chinese_and_latin_text_are_not_taken_for_garbled() -> None:
    hant = "一、預算執行情況說明\n本單位全年預算數為1000萬元，實際支出954萬元，執行率95.40%。績效目標完成情況良好。\n" * 3
    assert mojibake(hant) is None
    latin = "Café résumé naïve: the budget rose ± 5 ° — ä ö ü ß ñ ç é à\n" * 3
    assert mojibake(latin) is None


def test_a_few_stray_accented_letters_are_not_enough_to_refuse() -> None:
    assert mojibake(REPORT + "（注：Ô¤Ëã）\n") is None


def test_inspect_and_check_say_why_the_file_was_not_read(tmp_path) -> None:  # noqa: ANN001
    from outputs import invoke

    path = tmp_path / "r.txt"
    path.write_bytes(_utf8_read_as_gbk(REPORT))
    for command in ("inspect", "check"):
        res = invoke(command, str(path), env={"LANG": "zh_CN.UTF-8"})
        assert res.exit_code == 2
        assert "UTF-8 被当作 GBK" in res.stderr and "乱码" in res.stderr


def _page(body: str) -> str:
    return f"<html><head><meta charset='utf-8'><title>t</title></head><body>{body}</body></html>"


def test_a_garbled_web_page_is_refused_too() -> None:
    body = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    garbled = _gbk_read_as_latin1(body).decode("utf-8")
    with pytest.raises(ReadError) as err:
        read_data(_page(garbled).encode("utf-8"), "r.html", ".html")
    assert str(err.value) == GBK_AS_LATIN


def test_a_web_page_in_plain_chinese_is_read() -> None:
    body = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    doc = read_data(_page(body).encode("utf-8"), "r.html", ".html")
    assert doc.paragraphs[0].text == "一、预算执行情况"
