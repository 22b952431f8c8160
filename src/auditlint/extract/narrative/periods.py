"""Which year a narrative figure is of, as its own words say, and what quantity it is,
strictly enough to hold two figures stated far apart against each other.

"2023年度收入总计1,000.00万元" is last year's 收入总计 in a report on 2024; "上年收入总计"
is too; "2024年度收入总计1,100.00万元" and "本年收入总计" are this year's. A year after a
comparison word ("比2023年", "较上年", "与上年相比") compares and labels nothing, and
"上年结转", "上年结余", "上年末" name quantities of this year's accounts, not last
year's figures. Figure names drop 总计 and 合计 ("收入总计" and "本年收入合计" are both
named 收入); the key here keeps them apart, since 收入总计 counts the carry-over and
本年收入合计 does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.extract.narrative.model import Figure
from auditlint.extract.narrative.names import clean_subject, name_of, without_neutral

PRIOR = "prior"
CURRENT = "current"

_PRIOR_WORDS = ("上一年度", "上一年", "上年度", "上年", "去年")
_CURRENT_WORDS = ("本年度", "本年", "今年", "当年")
# a year or a year word that says whose figure follows; not one that a comparison
# word governs, and not 上年结转/上年结余/上年末 (this year's carry-over, a balance)
_LABEL = re.compile(
    r"(?<![比较与同于对])(?:(?P<year>\d{4})\s*年(?:度)?(?![\d末底初])"
    rf"|(?P<word>{'|'.join(_PRIOR_WORDS + _CURRENT_WORDS)})(?!结转|结余|末|底|初|同期))"
)
_COMPARING = re.compile(r"比|较")
# what ends the words that name one figure: a comma or a full stop, not 、 (which
# joins the names of "收入、支出总计分别为…")
_OWN_CLAUSE = "，,；;。！!？?\n"
_FILLERS = ("分别为", "分别是", "各为", "各是", "分别", "各", "共计", "为", "是", "达到", "达", "共", "计", "：", ":")
_TOTALS = ("总计", "合计")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|千元|元|%)?")
_MEASURES = ("决算数", "决算")


@dataclass(frozen=True)
class Period:
    """The year a figure's words give it: ``kind`` PRIOR or CURRENT, the label as
    printed, and the words before the label in its clause (whose figure: "XX局")."""

    kind: str
    label: str
    owner: str


def _kind(m: re.Match[str], year: int | None) -> str | None:
    word = m.group("word")
    if word:
        return PRIOR if word in _PRIOR_WORDS else CURRENT
    if year is None:
        return None  # a printed year says nothing without the year the report is on
    printed = int(m.group("year"))
    return PRIOR if printed == year - 1 else CURRENT if printed == year else None


def _labels(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_LABEL.finditer(text, start, end))


def _clause_start(text: str, pos: int) -> int:
    """After the last mark that ends a clause before ``pos``; a thousands separator
    ("1,000.00") ends none."""
    for i in range(pos - 1, -1, -1):
        if text[i] in _OWN_CLAUSE and not (text[i] == "," and 0 < i < len(text) - 1
                                           and text[i - 1].isdigit() and text[i + 1].isdigit()):
            return i + 1
    return 0


def own_period(fig: Figure, year: int | None) -> Period | None:
    """The period its own clause states ("2023年度收入总计…", "上年收入总计为…"), or None."""
    text = fig.sentence.passage.text
    start = _clause_start(text, fig.start)
    found = _labels(text, start, fig.start)
    if not found:
        return None
    m = found[-1]
    if _COMPARING.search(text, m.end(), fig.start):
        return None  # "2023年…比…": what the label names is compared, not this figure
    kind = _kind(m, year)
    return Period(kind, m.group(0), _owner(text[start : m.start()])) if kind else None


def sentence_period(fig: Figure, year: int | None) -> Period | None:
    """The period of its own clause, else of the last label earlier in its sentence when
    no comparison word stands between and the label is the sentence's ("2023年度，…") or
    names a quantity of the figure's kind ("2023年度收入总计…，支出总计…": both 2023's).
    A label restated for another scope ("上年财政拨款收入…，收入总计…") is not the
    figure's, nor one a comparison follows ("本年…，比上年…，支出…")."""
    own = own_period(fig, year)
    if own is not None:
        return own
    text = fig.sentence.passage.text
    start = _clause_start(text, fig.start)
    found = _labels(text, fig.sentence.start, start)
    if not found or _COMPARING.search(text, found[-1].end(), fig.start):
        return None
    m = found[-1]
    first = _NUMBER.search(text, m.end(), start)
    labelled = _bare(text[m.end() : first.start() if first else start]).strip("，,：:")
    if labelled:
        name, total = _name_and_total(labelled)
        own_name, own_total = quantity_key(fig)
        of_a_kind = name[-1:] == own_name[-1:] or {name[-2:], own_name[-2:]} == {"收入", "支出"}
        if total != own_total or not name or not own_name or not of_a_kind:
            return None
    kind = _kind(m, year)
    return Period(kind, m.group(0), _owner(text[fig.sentence.start : m.start()])) if kind else None


def _name_and_total(words: str) -> tuple[str, str]:
    """"收入总计为" → ("收入", "总计"); "财政拨款收入" → ("财政拨款收入", "")."""
    while not words.endswith(_TOTALS):
        w = next((w for w in _FILLERS + _MEASURES if words.endswith(w) and len(words) > len(w)), None)
        if w is None:
            break
        words = words[: -len(w)]
    total = next((w for w in _TOTALS if words.endswith(w)), "")
    return _strip_back(without_neutral(words), _MEASURES + _TOTALS), total


def stated_period(fig: Figure, year: int | None) -> Period | None:
    """The period of its own clause, else of the last label earlier in its paragraph
    ("2024年度收入总计…，比上年增加…。支出总计…": the 支出总计 is 2024's too)."""
    own = own_period(fig, year)
    if own is not None:
        return own
    text = fig.sentence.passage.text
    found = _labels(text, 0, _clause_start(text, fig.start))
    kind = _kind(found[-1], year) if found else None
    return Period(kind, found[-1].group(0), "") if kind else None


def _owner(words: str) -> str:
    """Whose the figure is, from the words before its year: "某某中心"; "" for none, an
    enumerator ("（一）", "一是") or a neutral word (本单位)."""
    return without_neutral(clean_subject(re.sub(r"[\s“”\"'‘’，,：:]", "", words)))


def quantity_key(fig: Figure) -> tuple[str, str]:
    """What the figure measures, with the total word its name ends on: ("收入", "总计")
    for "2023年度收入总计" and for each of "收入、支出总计分别为…" (the total word is
    shared); ("收入", "合计") for "本年收入合计"; ("财政拨款收入", "总计") for
    "财政拨款收入总计", which is another quantity."""
    subject = fig.subject
    labels = list(_LABEL.finditer(subject))
    if labels:
        subject = subject[labels[-1].end() :]
    for w in _PRIOR_WORDS + _CURRENT_WORDS:
        subject = subject.removeprefix(w)
    return _strip_back(without_neutral(name_of(subject)), _MEASURES + _TOTALS), _total_word(fig)


def _strip_back(words: str, ends: tuple[str, ...]) -> str:
    while (w := next((w for w in ends if words.endswith(w) and len(words) > len(w)), None)) is not None:
        words = words[: -len(w)]
    return words


def _total_word(fig: Figure) -> str:
    """总计 or 合计 when the words naming the figure end on it: the words right before its
    number, or, when a list leaves it none ("收入、支出总计分别为A、B"), the words before
    the first number of its clause."""
    text = fig.sentence.passage.text
    start = _clause_start(text, fig.start)
    labels = _labels(text, start, fig.start)
    start = labels[-1].end() if labels else start
    numbers = list(_NUMBER.finditer(text, start, fig.start))
    words = _bare(text[numbers[-1].end() if numbers else start : fig.start])
    if not re.search(r"[\u4e00-\u9fff]", words) and numbers:
        words = _bare(text[start : numbers[0].start()])
    return _name_and_total(words)[1]


def _bare(words: str) -> str:
    return re.sub(r"[\s“”\"'‘’、和及与]", "", words)
