"""What a reviewer reads reads as an accountant's sentence (issue 19): every check's
findings, rendered in Chinese and English as the terminal's arithmetic line, the SARIF
message and the HTML page, have no doubled opening quotes (““三公经费”变动率”), no raw
``name = value;`` lines (``weight (rule max 1) = 2; stated 1``) and none of the
internal terms below; the page explains its 排序分 where it shows it.

Findings come from every check's bad examples in ``tests/rules`` (each check fires there) and,
in the slow test, from every report of ``corpus/`` that is not a PDF.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from auditlint.engine.registry import all_checks
from auditlint.engine.run import FileResult, RunOptions, lint_file
from auditlint.findings import Evidence, Finding, Message
from auditlint.report.html import render_html
from auditlint.report.rule_docs import cases_folder, load_cases, run_case
from auditlint.report.sarif import result_text
from auditlint.report.wording import arithmetic, label

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LANGS = ("zh", "en")

# a quotation inside a quotation takes single quotes (GB/T 15834): “‘三公’经费” is right
DOUBLED_OPENING = re.compile(r"“\s*“|‘\s*‘")
# a line (or clause) that is a bare name set equal to something, then a semicolon:
# "章节编号 = 一、；报告数 1、", "weight (rule max 1) = 2; stated 1"
RAW_ASSIGNMENT = re.compile(r"(?:^|[；;，,]\s*)([^\d；;，,=≠≥≤<>+\-−×÷/*]*[A-Za-z\u4e00-\u9fff][^；;=]*?) = [^；;]*[；;]")
# "weight (rule max 1) = 2": a name with a figure in brackets, set equal to a number
NAME_EQUALS_NUMBER = re.compile(r"[A-Za-z\u4e00-\u9fff][^=；;]*[)）]\s*=\s*[\d.]+\s*[；;]")
# the reporters' internal words, which mean nothing to the reader of a report
DENIED = ("舍入容差", "容差", "报告数 ", "rule max", "materiality", "fingerprint", "tolerance", "None")
# the English evidence line as it was: "…; stated 1, difference 1 (rounding allows 0)"
DENIED_EN = re.compile(r"[;；]\s*stated\s|,\s*difference\s+[-\d]|rounding allows 0\b")


def _problems(text: str) -> list[str]:
    out = []
    if DOUBLED_OPENING.search(text):
        out.append("doubled opening quotes")
    for line in text.splitlines():
        m = RAW_ASSIGNMENT.search(line)
        if (m and not re.search(r"[+\-−×÷/*]", m.group(1))) or NAME_EQUALS_NUMBER.search(line):
            out.append("a raw `name = value;` line")
    out += [f"internal term {term!r}" for term in DENIED if term in text]
    out += [f"internal term {m.group(0).strip()!r}" for m in DENIED_EN.finditer(text)]
    return out


def _page_text(findings: list[Finding], lang: str) -> str:
    page = render_html([FileResult("r.txt", findings)], lang)
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    # a title attribute is text the reader sees too (on hover)
    titles = " ".join(re.findall(r'title="([^"]*)"', body))
    return html_lib.unescape(re.sub(r"<[^>]+>", "\n", body) + "\n" + titles)


def _wrong(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    wrong = []
    for lang in LANGS:
        for f in findings:
            texts = [f.message(lang), result_text(f, lang)]
            if f.evidence is not None:
                texts.append(arithmetic(f.evidence, lang))
            wrong += [(f.check_id, lang, why, t[:120]) for t in texts for why in _problems(t)]
        if findings:
            page = _page_text(findings, lang)
            wrong += [("page", lang, why, "") for why in _problems(page)]
            # the page shows 排序分 only with what it means
            assert label("rank_note", lang) in page
    return wrong


def _case_findings() -> list[Finding]:
    """Each check's published bad examples (its first cases where it has none)."""
    folder = cases_folder()
    assert folder is not None
    found = []
    for path in sorted(folder.glob("AL*.yml")):
        cases = [c for c in load_cases(path) if c.expect]
        for case in [c for c in cases if c.example == "bad"] or cases[:2]:
            found += run_case(case)[0]
    return found


def test_every_checks_findings_read_as_sentences_in_both_languages() -> None:
    findings = _case_findings()
    builtin = {s.id for s in all_checks() if s.source == "builtin"}
    assert builtin - {f.check_id for f in findings} == set()  # every check is rendered
    assert _wrong(findings) == []


@pytest.mark.slow  # every report of corpus/ but its PDFs: about a minute
def test_the_corpus_findings_read_as_sentences_in_both_languages() -> None:
    paths = [p for p in sorted(CORPUS.rglob("*")) if p.suffix in (".txt", ".docx", ".html", ".xlsx")
             and not any(part.startswith("_") for part in p.relative_to(CORPUS).parts)]
    findings = [f for p in paths for f in lint_file(p, RunOptions(plugins=False)).findings]
    assert len({f.check_id for f in findings}) >= 25
    assert _wrong(findings) == []


def test_the_detectors_catch_what_issue_19_showed() -> None:
    assert _problems("““三公经费”变动率”完成值为“≤0%”") == ["doubled opening quotes"]
    assert _problems("weight (rule max 1) = 2; stated 1, difference 1") == [
        "a raw `name = value;` line", "internal term 'rule max'", "internal term '; stated'",
        "internal term ', difference 1'"]
    assert _problems("章节编号 = 一、；报告为 1、") == ["a raw `name = value;` line"]
    assert "internal term '舍入容差'" in _problems("710.52 = 709.66；报告数 715.69，差额 6.03（舍入容差 9.1544）")
    # arithmetic is not a raw line
    assert _problems("710.52 + 0 - 0.86 = 709.66；报告为 715.69，相差 6.03（按四舍五入允许的误差 ±0.02）") == []


def test_a_quoted_name_with_quotes_of_its_own_nests_them() -> None:
    m = Message(zh="“{name}”完成值为“{value}”", en="“{name}”: the completion is “{value}”")
    got = m.format(name="“三公经费”变动率", value="≤0%")
    assert got == {"message_zh": "“‘三公经费’变动率”完成值为“≤0%”",
                   "message_en": "“‘三公经费’变动率”: the completion is “≤0%”"}
    # outside quotes a value is left as printed
    assert Message(zh="{name}：{v}", en="{name}: {v}").format(name="“三公”经费", v=1)["message_zh"] == "“三公”经费：1"


def test_the_rounding_allowance_is_said_in_words_and_not_rounded_up() -> None:
    ev = Evidence("0.64 / 1.50 × 100", "100.00%", "42.67%", "57.33", "9.1544")
    assert arithmetic(ev, "zh") == "0.64 / 1.50 × 100 = 42.67%；报告为 100.00%，相差 57.33（按四舍五入允许的误差 ±9.154）"
    assert arithmetic(ev, "en") == "0.64 / 1.50 × 100 = 42.67%; the report states 100.00%, 57.33 apart (rounding allows ±9.154)"
    # nothing allowed, nothing said
    assert arithmetic(Evidence("3 + 3", "5", "6", "1", "0"), "zh") == "3 + 3 = 6；报告为 5，相差 1"


@pytest.mark.parametrize("rule, actual, score, zh", [
    ("90%-100%得5分；80%-89%得3分", "93.25%", "4", "93.25% 属于 90-100% 一档 → 5"),
    ("不低于85%，得4分；否则不得分", "80%", "4", "80% 未达到 ≥85% → 0"),
])
def test_al403_arithmetic_is_chinese_in_chinese(rule: str, actual: str, score: str, zh: str) -> None:
    # the rule's reading was English inside a Chinese line: "93.25% in 90-100% → 5"
    from auditlint.api import lint

    text = ("一、评分表\n一级指标\t二级指标\t三级指标\t分值\t评分标准\t完成情况\t得分\n"
            f"产出\t数量\t药品网采率\t5\t{rule}\t{actual}\t{score}\n")
    found = [f for f in lint(text.encode(), filename="x.txt").findings if f.check_id == "AL403"]
    assert len(found) == 1
    assert found[0].evidence.expression_in("zh") == zh
    assert not re.search(r"\b(in|meets|misses)\b", found[0].evidence.expression_in("zh"))
