"""AL601: section numbering that breaks its sequence or its style."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.numbering import numbering_breaks
from auditlint.extract.outline import KEY as OUTLINE
from auditlint.extract.outline import MIDLINE, break_is_sure, serial_text
from auditlint.findings import Both, Evidence, Finding, Message, Related

WRONG_STYLE = Message(
    zh="章节编号“{shown}”与同级编号样式不一致，应为“{want}”",
    en="section number “{shown}” breaks the style of its level; it should be “{want}”",
)
STARTS_PAST_ONE = Message(
    zh="章节编号从“{serial}”开始，缺少“{want}”",
    en="the sequence starts at “{serial}”; “{want}” is missing",
)
SKIPPED_OR_REPEATED = Message(
    zh="章节编号“{serial}”接在“{after}”之后，{slip}，应为“{want}”",
    en="section number “{serial}” follows “{after}” ({slip} number); it should be “{want}”",
)
SKIPPED = Both("跳号", "a skipped")
REPEATED = Both("重号", "a repeated")


@check("AL601", "section-numbering", severity="warning", zh="章节编号不连续或样式不一致", en="Section numbering breaks its sequence or style",
       messages=(WRONG_STYLE, STARTS_PAST_ONE, SKIPPED_OR_REPEATED))
def section_numbering(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    章节编号应按“一、→（一）→ 1. →（1）”的层级逐级连续编排。若同一层级中途换了编号样式（如“六、”之后写成“7、”，
    或首节写成“1、”而后续为“二、”“三、”），或编号跳号、重号，即为编号错误。新的列表从 1 重新开始不算错误，
    跳过某一层级（“一、”下直接用“1.”）也不算错误。目录中的条目不是标题；“缺少”的编号若印在上一标题之后的行中
    （PDF 的文字层常把“……规则。（八）负责……”排在一行），或报告本身从“三、”开始，都不算断号：只报告确定的断号。
    错误示例：“1、 单位概况”“（一）中心基本情况”……“二、中心收支情况”。
    正确示例：“一、单位概况”“（一）中心基本情况”……“二、中心收支情况”。

    en:
    Headings are numbered level by level, 一、 → （一） → 1. → （1）, each level counting up
    without gaps. A level that changes its numbering style part-way (七、 written as 7、
    after 六、, or a first section numbered 1、 followed by 二、 and 三、), or that skips or
    repeats a number, is a numbering mistake. A new list starting again at 1 is not, nor
    is a skipped level (1. directly under 一、). Entries of a table of contents are not
    headings; a "missing" number printed mid-line since the previous heading (a PDF's text
    layer runs "……规则。（八）负责……" on), or a report that itself starts at 三、, is no broken
    sequence: only sure breaks are reported.
    Bad: "1、 单位概况", "（一）中心基本情况" … "二、中心收支情况".
    Good: "一、单位概况", "（一）中心基本情况" … "二、中心收支情况".
    """
    headings = facts.extra.get(OUTLINE) or []
    midline = facts.extra.get(MIDLINE) or []
    at = {id(h): i for i, h in enumerate(headings)}
    for b in numbering_breaks(headings):
        # a "missing" serial printed mid-line (a PDF's text layer runs items on), or a
        # report that starts at 三、, is no broken sequence: only sure breaks are reported
        if not break_is_sure(headings, midline, at[id(b.heading)], b.kind, b.previous):
            continue
        h = b.heading
        if b.kind == "style":
            want = b.expected + "".join(serial_text(_style_of_serial(b.expected), x.number, b.expected) for x in b.also)
            said = WRONG_STYLE.format(shown="".join(x.serial for x in [h, *b.also]), want=want)
        elif b.kind == "start":
            said = STARTS_PAST_ONE.format(serial=h.serial, want=b.expected)
        else:
            said = SKIPPED_OR_REPEATED.format(serial=h.serial, after=b.previous.serial if b.previous else "",
                                              slip=SKIPPED if b.kind == "skip" else REPEATED, want=b.expected)
        yield Finding(
            location=h.location,
            **said,
            evidence=Evidence(expression="section numbering", stated=h.serial, computed=b.expected, expression_zh="章节编号"),
            snippet=h.text,
            related=[Related(x.location, x.text) for x in ([b.previous] if b.previous else []) + b.also][:5],
            confidence=0.85 if b.kind == "style" else 0.8,
            materiality=0.1,
            key=("numbering", h.text),
        )


def _style_of_serial(serial: str) -> str:
    """The style a serial we wrote is in ("七、" → cn)."""
    paren = serial.startswith(("（", "("))
    arabic = any(ch.isdigit() for ch in serial)
    return ("arabic" if arabic else "cn") + ("_paren" if paren else "")
