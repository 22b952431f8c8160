"""The text reader's rewritten helpers against the loops they replaced (kept here as
the reference): each must give the same answer on any input."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.readers import charset, flat, hant, pipes, text
from auditlint.readers.hant import _SIMPLIFIED_ONLY, _TRADITIONAL, MIN_TRADITIONAL

# ---------------------------------------------------------------- hant


def _is_traditional_loop(s: str) -> bool:
    trad = simp = 0
    for ch in s:
        if ch in _TRADITIONAL:
            trad += 1
        elif ch in _SIMPLIFIED_ONLY:
            simp += 1
    return trad >= MIN_TRADITIONAL and trad > 2 * simp


_HANT_ALPHABET = "預算執行決合計项目预算执行决合计的了 ab1。"


@given(st.text(alphabet=_HANT_ALPHABET, max_size=60))
def test_is_traditional_counts_as_the_loop_did(s: str) -> None:
    assert hant.is_traditional(s) == _is_traditional_loop(s)


def test_is_traditional_on_a_whole_report() -> None:
    trad = "預算執行報告。" * 4  # 預 執 報: twelve 繁體 characters, no 简体-only one
    simp = hant.to_simplified(trad)
    assert hant.is_traditional(trad) and _is_traditional_loop(trad)
    assert not hant.is_traditional(simp) and not _is_traditional_loop(simp)


_RUBY_BEFORE = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ][a-zü]*\)")


@given(st.text(alphabet="預算a(()ùyǜz ", max_size=40))
def test_ruby_pattern_finds_what_the_look_behind_first_pattern_found(s: str) -> None:
    assert [m.span() for m in hant._RUBY.finditer(s)] == [m.span() for m in _RUBY_BEFORE.finditer(s)]
    assert hant.strip_ruby(s) == _RUBY_BEFORE.sub("", s)


def test_ruby_pattern_on_a_mirror_site_line() -> None:
    line = "預(yù)算執(zhí)行、經(jīng)費(fèi)(见附表)"
    assert hant.strip_ruby(line) == "預算執行、經費(见附表)"
    assert len(hant._RUBY.findall(line)) == 4


# ---------------------------------------------------------------- charset


def test_second_level_class_is_level_two_of_every_hanzi() -> None:
    pattern = charset._second_level()
    level = charset._level.__wrapped__  # uncached: no side effect on the cache
    for cp in range(0x4D00, 0xA100):
        ch = chr(cp)
        assert bool(pattern.fullmatch(ch)) == (level(ch) == 2), hex(cp)


@given(st.text(alphabet="预算棰勭畻祉遴Ô¤Ëãé。，ab1 \u3000\ufffd", max_size=80))
def test_character_counts_match_a_count_per_character(s: str) -> None:
    assert charset._non_ascii(s) == sum(1 for ch in s if ord(ch) > 127)
    hanzi = [ch for ch in s if "\u4e00" <= ch <= "\u9fff"]
    assert charset._non_ascii(s) - len(charset._WIDE_NOT_HANZI.findall(s)) == len(hanzi)
    assert len(charset._second_level().findall(s)) == sum(1 for ch in hanzi if charset._level(ch) == 2)


def test_utf8_read_as_gbk_is_still_refused_and_chinese_still_read() -> None:
    garbled = "预算执行情况良好，项目资金全部到位并按计划使用。".encode().decode("gbk", errors="replace")
    assert charset.mojibake(garbled * 2) == charset.UTF8_AS_GBK
    assert charset.mojibake("预算执行情况良好，项目资金全部到位并按计划使用。" * 2) is None


# ---------------------------------------------------------------- flat


def _header_and_label_before(it: Iterator[tuple[int, str]]) -> list[tuple[int, str]] | None:
    filled: list[tuple[int, str]] = []
    for n, t in it:
        filled.append((n, t))
        if flat.is_number(t) or len(filled) > 2 * flat._MAX_WIDTH:
            break
    width = len(filled) - 2
    if width < 3 or not flat.is_number(filled[-1][1]):
        return None
    if any(not flat._header_word(t) for _, t in filled[:width]) or not flat._label_line(filled[width][1]):
        return None
    return filled


_CELL_LINES = st.sampled_from([
    "项目", "预算数", "执行数", "执行率", "基本支出", "项目支出中的专项业务经费合计数额", "12.50", "100%", "—", "3",
    "本年度项目资金全部到位，执行情况良好。", "这是一个超过三十个字的很长很长很长很长很长很长很长的标签行没有标点",
])


# header names first (so that some runs are tables), then anything
_HEADER_RUNS = st.tuples(st.lists(st.sampled_from(["项目", "预算数", "执行数", "执行率"]), max_size=34),
                         st.lists(_CELL_LINES, max_size=4)).map(lambda parts: parts[0] + parts[1])


@settings(max_examples=400)
@given(st.lists(_CELL_LINES, max_size=45) | _HEADER_RUNS)
def test_header_search_stops_early_with_the_same_answer(lines: list[str]) -> None:
    items = list(enumerate(lines))
    new_it, old_it = iter(items), iter(items)
    found = flat._header_and_label(new_it)
    assert found == _header_and_label_before(old_it)
    if found is not None:  # the rows are read from where the header search left off
        assert list(new_it) == list(old_it)


def test_cell_per_line_table_still_read() -> None:
    lines = ["项目", "预算数", "执行数", "执行率",
             "基本支出", "100.00", "90.00", "90.00%",
             "项目支出", "50.00", "45.00", "90.00%",
             "合计", "150.00", "135.00", "90.00%", "", "以上为执行情况。"]
    block = flat.cell_per_line(lines, 0)
    assert block is not None and (block.start, block.end) == (0, 16)
    assert [c[2] for c in block.rows[3]] == ["合计", "150.00", "135.00", "90.00%"]


# ---------------------------------------------------------------- text


_MARK_BEFORE = re.compile(r"\[(?:bookmark|image|comment|footnote)[^\]]*\]", re.IGNORECASE)


def _clean_lines_before(s: str) -> list[str]:
    return [_MARK_BEFORE.sub("", ln.rstrip("\r\n")).replace("\u00a0", " ").rstrip(" \r")
            for ln in s.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


@given(st.lists(st.sampled_from(["[bookmark x]", "[Image 1", "]", "预算", " ", "\u00a0", "\t", "\r", "\n", "\r\n", "a"]),
                max_size=20).map("".join))
def test_clean_lines_as_line_by_line_cleaning(s: str) -> None:
    assert text._clean_lines(s) == _clean_lines_before(s)


def _votes_before(rows: list[list[text._Seg]], width: int, classify) -> list[Counter]:
    votes: list[Counter] = [Counter() for _ in range(width)]
    for row in rows:
        if len(row) != width:
            continue
        for j, s in enumerate(row):
            kind = classify(s.text)
            if kind is not None:
                votes[j][kind] += 1
    return votes


_CELL_TEXTS = st.sampled_from(["", " ", "项目", "合计", "12.5", "100%", "≥95%", "3项", "—", "一、", "（二）", "1,250.00"])


@given(st.lists(st.lists(_CELL_TEXTS, min_size=1, max_size=5), min_size=1, max_size=8))
def test_column_votes_count_as_the_row_loop_did(texts: list[list[str]]) -> None:
    rows = [[text._Seg(r + 1, c + 1, t) for c, t in enumerate(row)] for r, row in enumerate(texts)]
    grid = text._Grid(rows)
    full = [[s.text for s in r] for r in rows if len(r) == grid.width]
    columns = list(zip(*full)) if full else [()] * grid.width
    for classify in (text._is_numeric, text._shape):
        assert grid._votes(columns, classify) == _votes_before(rows, grid.width, classify)


def test_a_cell_text_follows_its_added_lines() -> None:
    seg = text._Seg(3, 2, " 一级 ")
    assert seg.text == "一级" and seg.anchor() == (3, 3)
    seg.add(4, 1, "指标")
    assert seg.text == "一级指标" and seg.lines == [(3, 2, " 一级 "), (4, 1, "指标")]
    assert text._Seg(5, 1).text == "" and text._Seg(5, 1).anchor() == (5, 1)


def _is_header_line_before(line: str) -> bool:
    toks = flat._tokens(line)
    return "\t" not in line and len(toks) >= 3 and all(flat._header_word(t) for _, t in toks)


def _is_pipe_line_before(line: str) -> bool:
    t = line.strip()
    return ("\t" not in line and sum(t.count(p) for p in "|｜") >= 2
            and (t[:1] in "|｜" or t[-1:] in "|｜"))


@given(st.lists(st.sampled_from(["项目", "预算数", "12.5", " ", "\u3000", "\t", "\x1c", "\u2003", "|", "｜", "。"]),
                max_size=12).map("".join))
def test_line_pre_tests_decide_as_the_full_tests(line: str) -> None:
    assert flat._is_header_line(line) == _is_header_line_before(line)
    assert pipes._is_pipe_line(line) == _is_pipe_line_before(line)


def _cells_on_before(line: str, lineno: int, leading_tab: bool) -> list[tuple]:
    parts = line.split("\t")[1:] if leading_tab else line.split("\t")
    out, col = [], 2 if leading_tab else 1
    for i, part in enumerate(parts):
        out.append((lineno, col, [(lineno, col, part)], leading_tab and i > 0, part.strip()))
        col += len(part) + 1
    return out


@given(st.lists(st.sampled_from(["\t", " ", "项目", "12.5"]), max_size=8).map("".join), st.booleans())
def test_cells_on_a_line_as_the_split_loop(line: str, leading_tab: bool) -> None:
    if leading_tab:
        line = "\t" + line
    got = [(s.line, s.column, s.lines, s.inline, s.text) for s in text._cells_on(line, 7, leading_tab)]
    assert got == _cells_on_before(line, 7, leading_tab)


def test_a_table_cell_is_anchored_at_its_first_printed_character() -> None:
    doc = text.read_bytes("\t项目\t  预算数\n\t基本支出\t 100.00\n\t项目支出\t50.00\n".encode(), "t.txt")
    cells = doc.tables[0].rows
    assert [(c.text, c.raw, c.location.line, c.location.column) for c in cells[0]] == \
        [("", "", 1, 1), ("项目", "项目", 1, 2), ("预算数", "  预算数", 1, 7)]
    assert (cells[1][2].raw, cells[1][2].location.column) == (" 100.00", 8)


def _utf8_as_gbk_before(sample: str) -> bool:
    levels = [lv for lv in map(charset._level, sample) if lv is not None]
    if len(levels) < charset._MIN_WIDE or levels.count(2) < 0.5 * len(levels):
        return False
    raw = sample.replace("\ufffd", "").encode("gb18030", errors="ignore")
    return charset._ordinary_chinese(raw.decode("utf-8", errors="ignore"))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["棰勭畻", "鎵ц", "预算", "执行", "祉遴", "，", "a", "\ufffd"]), max_size=40).map("".join))
def test_utf8_as_gbk_decides_as_the_level_list_did(sample: str) -> None:
    assert charset._utf8_as_gbk(charset._non_ascii(sample), sample) == _utf8_as_gbk_before(sample)
