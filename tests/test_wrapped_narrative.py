"""The narrative of a PDF is read from its lines joined where the page width broke a
sentence (``extract/narrative/wrapped_lines.py``): a share whose part and base are on
two lines is read as one statement. Minimal repros written here."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.model import Document, Location, Paragraph


def _pdf(*lines: str) -> Document:
    pars = [Paragraph(k + 1, t, Location("x.pdf", page=1, line=k + 1)) for k, t in enumerate(lines)]
    return Document("x.pdf", "pdf", list(pars))


def _al203(doc: Document) -> list[tuple[int | None, str, str]]:
    findings = lint_document(doc, RunOptions(select=frozenset({"AL203"}), plugins=False))
    return [(f.location.line, f.evidence.stated, f.evidence.computed) for f in findings]


def test_a_share_broken_over_two_lines_is_checked():
    doc = _pdf("二、收入决算情况说明", "本年收入合计1210.50万元，其中：财政拨款收入",
               "1200.50万元，占90.00%；其他收入10.00万元，占0.83%。")
    assert _al203(doc) == [(3, "90.00%", "99.17%")]


def test_a_share_broken_over_two_lines_that_agrees_is_silent():
    doc = _pdf("二、收入决算情况说明", "本年收入合计1210.50万元，其中：财政拨款收入",
               "1200.50万元，占99.17%；其他收入10.00万元，占0.83%。")
    assert _al203(doc) == []


def test_lines_of_finished_sentences_are_not_joined():
    # the figure on the second line opens a sentence of its own: no base for its share
    doc = _pdf("本年收入合计1210.50万元。", "财政拨款收入1200.50万元，占90.00%。")
    assert _al203(doc) == []


def _report(share: str) -> str:
    return ("一、收入支出决算总体情况说明\n某某局2024年度收入支出总计1250.50万元。\n二、支出决算情况说明\n"
            "本年支出合计1200.00万元，其中：基本支出900.00万元，占75.00%；项目支出300.00万元，占25.00%。\n"
            f"三、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出1080.00万元，占本年支出合计的{share}。\n")


def test_a_share_of_a_base_named_in_an_earlier_section_is_a_warning():
    from reports import by_id, lint

    found = by_id(lint(_report("95.00%")), "AL203")
    assert [(f.location.line, f.evidence.stated, f.evidence.computed, f.severity.value if f.severity else None,
             f.confidence) for f in found] == [(6, "95.00%", "90.00%", "warning", 0.6)]
    assert "第4行" in found[0].message_zh  # where the base was found


def test_silent_when_the_earlier_base_agrees_or_is_ambiguous():
    from reports import by_id, lint

    assert by_id(lint(_report("90.00%")), "AL203") == []
    # two different 本年支出合计 before it: which one is meant cannot be told
    text = _report("95.00%").replace("一、收入支出决算总体情况说明\n", "一、收入支出决算总体情况说明\n本年支出合计1100.00万元。\n")
    assert by_id(lint(text), "AL203") == []
