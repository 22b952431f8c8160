"""繁體 text read with the vocabulary of 简体 reports.

Reports copied from mirror sites reach auditors in 繁體 (預算、決算、執行率、合計、項目支出、
財政撥款 …), and no keyword the extractors look for matches them. A character-level map,
one character for one, turns the text used for matching (``Cell.text``, ``Paragraph.text``)
and ``Cell.raw``) into 简体; offsets are kept, so every location and every quote's place stays
right (a quote shows the 简体 form of the characters printed there).

The map holds the 繁體 characters whose 简体 form appears in auditlint's own vocabulary and
patterns (about 360 pairs): enough for every word it matches, small enough to read. It was
taken from OpenCC's ``TSCharacters.txt`` (Apache License 2.0, © Carbo Kuo and contributors),
first candidates only, without 著 and 乾 whose 简体 readings differ. A document is converted
only when its 繁體 characters clearly outnumber its 简体-only ones: a 简体 report is read as
it always was.

Mirror sites also set each polyphonic character's pinyin in brackets after it (預(yù)算、
執(zhí)行、經(jīng)費(fèi)), which splits every word. A document with such annotations has them
removed; that one change is not one for one: a location after an annotation on the same
line counts the characters as read, without it (the line is right, the column is the
column in the text without annotations).
"""

from __future__ import annotations

import re
from dataclasses import replace

from auditlint.model import Document, Paragraph, Table

# pairs: each 繁體 character followed by its 简体 form
_PAIRS = (
    "萬万與与醜丑專专業业兩两嚴严個个箇个臨临為为爲为麼么麽么義义爭争於于產产産产畝亩億亿僅仅從从儀仪們们價价優优會会體体餘余側侧脩修債债黨党關关養养內内冊册寫写農农"
    "決决況况凈净淨净準准減减幾几齣出劃划則则刪删別别彆别製制辦办務务動动勞劳區区醫医韆千昇升陞升協协單单佔占卽即卻却捲卷廳厅厤历曆历歷历壓压縣县叄叁參参蔘参發发髮发"
    "變变敘叙疊叠隻只檯台臺台颱台號号閤合衕同後后嚮向曏向聽听員员週周諮咨迴回團团糰团圍围國国圖图場场壞坏塊块聲声處处備备復复複复頭头夾夹袷夹學学牠它實实審审傢家對对"
    "導导將将侷局層层屆届屬属崗岗佈布帶带並并併并庫库應应開开異异張张歸归噹当當当彔录錄录録录綵彩徑径逕径總总戶户纔才釦扣執执摺折報报擬拟撥拨換换據据數数斷断無无旣既"
    "時时顯显曉晓朮术術术機机權权條条來来闆板構构菓果査查標标棟栋欄栏樣样覈核檔档檢检檻槛匯汇彙汇滙汇沒没註注測测濟济潰溃滿满點点熱热獨独環环現现電电療疗監监蓋盖眞真"
    "碼码確确離离種种積积稱称稅税穩稳筆笔籌筹簽签籤签簡简類类係系繫系緊紧纍累約约級级紋纹綫线線线組组細细終终經经結结給给絕绝絶绝統统績绩續续維维綜综編编縮缩繕缮繳缴"
    "網网職职聯联緻致捨舍節节範范獲获穫获營营慮虑補补錶表裝装見见規规視视計计訂订認认訓训議议記记講讲許许論论設设訪访証证證证評评識识訴诉詞词試试話话詢询該该詳详語语"
    "誤误說说説说請请諾诺讀读課课調调談谈負负財财責责賬账貨货購购貳贰貼贴貸贷費费賃赁資资車车轉转載载較较輔辅輛辆達达過过運运還还這这進进遠远違违連连踰逾遺遗鄰邻埰采"
    "寀采採采釋释裏里裡里針针鍼针鈡钟鍾钟鐘钟錯错鎭镇鎮镇長长門门問问間间闡阐際际陸陆險险隨随麪面麫面麵面頁页項项順顺須须鬚须頓顿預预領领題题額额風风舘馆館馆驗验龍龙"
)
_MAP = {ord(_PAIRS[k]): _PAIRS[k + 1] for k in range(0, len(_PAIRS), 2)}
_TRADITIONAL = frozenset(_PAIRS[k] for k in range(0, len(_PAIRS), 2))
_SIMPLIFIED_ONLY = frozenset(_PAIRS[k + 1] for k in range(0, len(_PAIRS), 2)) - _TRADITIONAL
# the same sets as character classes: counted by the regex engine, not a loop per character
_TRADITIONAL_CHAR = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")
_SIMPLIFIED_ONLY_CHAR = re.compile("[" + "".join(sorted(_SIMPLIFIED_ONLY)) + "]")
MIN_TRADITIONAL = 10  # characters: a few 繁體 names in a 简体 report are not a 繁體 report


def to_simplified(text: str) -> str:
    """``text`` with its 繁體 characters in 简体, one for one (same length)."""
    return text.translate(_MAP)


def is_traditional(text: str) -> bool:
    """Is ``text`` written in 繁體: its 繁體 characters at least ``MIN_TRADITIONAL`` and
    more than twice its 简体-only ones?"""
    trad = len(_TRADITIONAL_CHAR.findall(text))
    return trad >= MIN_TRADITIONAL and trad > 2 * len(_SIMPLIFIED_ONLY_CHAR.findall(text))


# a mirror site's reading aid: the pinyin of a character in brackets after it, 預(yù)算、執(zhí)行
# (written "(" first, then the look back at the character before it: the engine then
# jumps from one "(" to the next instead of trying the look-behind at every character)
_RUBY = re.compile(r"\((?<=[\u3400-\u9fff]\()[a-zü]*[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ][a-zü]*\)")
MIN_RUBY = 3  # annotations: a document that has a few has them throughout


def strip_ruby(text: str) -> str:
    """``text`` without the pinyin a mirror site set after its characters (預(yù)算 → 預算)."""
    return _RUBY.sub("", text)


def unruby_text(text: str) -> str:
    """A plain text with its pinyin annotations removed when it has them throughout (a
    text's tables are found before ``simplify`` runs, and an annotated header is no header)."""
    return strip_ruby(text) if len(_RUBY.findall(text[:200_000])) >= MIN_RUBY else text


def _unruby_paragraph(block: Paragraph) -> None:
    """Drop the annotations, moving the offsets of the paragraph's line starts with the
    text (a location after an annotation then counts the characters as read, without it)."""
    if not block.line_breaks:
        block.text = strip_ruby(block.text)
        return
    cut = [(m.start(), m.end() - m.start()) for m in _RUBY.finditer(block.text)]
    block.line_breaks = tuple(b - sum(n for at, n in cut if at < b) for b in block.line_breaks)
    block.text = strip_ruby(block.text)


def simplify(doc: Document) -> Document:
    """The document with its matching text in 简体 when it is written in 繁體 (and without a
    mirror site's pinyin annotations); else as it is."""
    sample = "".join(b.text if isinstance(b, Paragraph) else "".join(c.text for r in b.rows for c in r)
                     for b in doc.blocks[:400])
    ruby = len(_RUBY.findall(sample)) >= MIN_RUBY
    if not ruby and not is_traditional(sample):
        return doc
    convert = is_traditional(strip_ruby(sample) if ruby else sample)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if ruby:
                _unruby_paragraph(block)
            if convert:
                block.text = to_simplified(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for k, cell in enumerate(row):
                    text, raw = (strip_ruby(cell.text), strip_ruby(cell.raw)) if ruby else (cell.text, cell.raw)
                    if convert:
                        text, raw = to_simplified(text), to_simplified(raw)
                    row[k] = replace(cell, text=text, raw=raw)
    return doc
