"""Telling GB18030 from the encodings whose bytes it also decodes, and text
that was garbled (mojibake) before it was saved.

Almost any run of high bytes is valid GB18030, so Big5 (traditional Chinese),
Shift-JIS or EUC-KR text decodes without an error into nonsense that no check
understands, and the report would pass as clean. Real simplified-Chinese text
read as GB18030 is nearly all characters from the GB2312 hanzi block (lead byte
0xB0–0xF7), the 6,763 characters every report is written in; a misread file is
mostly symbols, rare characters and kana. Below a third, the reading is refused.
"""

from __future__ import annotations

import re
from functools import cache

_MIN_CHARS = 8  # too few non-ASCII characters to judge: trust GB18030
_MIN_SHARE = 1 / 3


def _common_hanzi(ch: str) -> bool:
    if not "\u4e00" <= ch <= "\u9fff":
        return False
    b = ch.encode("gb18030")
    return len(b) == 2 and 0xB0 <= b[0] <= 0xF7 and b[1] >= 0xA1


def misread(text: str) -> bool:
    """Does GB18030-decoded ``text`` look like another encoding read wrongly?"""
    wide = [ch for ch in text[:200_000] if ord(ch) > 127]
    if len(wide) < _MIN_CHARS:
        return False
    return sum(map(_common_hanzi, wide)) < _MIN_SHARE * len(wide)


def refusal(data: bytes) -> str:
    """The one line that refuses bytes whose GB18030 reading is nonsense."""
    try:
        data[:200_000].decode("big5")
    except UnicodeDecodeError:
        pass
    else:
        return ("text in Big5 (traditional Chinese) encoding: auditlint reads reports in simplified Chinese; "
                "convert it to simplified Chinese and save it as UTF-8")
    return "text in an unknown encoding (not UTF-8, UTF-16 or GB18030): save it as UTF-8"


# ---------------------------------------------------------------------------
# text decoded in the wrong encoding before it was saved (mojibake)
#
# The file decodes cleanly, but its characters are another encoding's bytes read
# wrongly and saved again: GBK bytes read as Latin-1 (or Windows-1252) print as
# accented letters ("Ô¤Ëã" for 预算), UTF-8 bytes read as GBK print as rare hanzi
# ("棰勭畻" for 预算: UTF-8's lead bytes 0xE4–0xE9 are GBK lead bytes of the second,
# rare level of GB2312). Real reports are mostly first-level hanzi. Each reading is
# confirmed by undoing it: the bytes re-encoded and decoded the other way must give
# ordinary Chinese. Nothing is repaired: a repair is a guess about every character,
# and a report read from a guess would be checked for mistakes it does not hold.

_MOJIBAKE_SAMPLE = 20_000
_MIN_WIDE = 20  # fewer non-ASCII characters than this: too little to judge


@cache  # a report repeats a few thousand characters: each is encoded once
def _level(ch: str) -> int | None:
    """1 for a hanzi of GB2312's first (common) level, 2 for any other hanzi (GB2312's
    rare second level, GBK's extensions), None for what is no hanzi."""
    if not "\u4e00" <= ch <= "\u9fff":
        return None
    b = ch.encode("gb18030")
    return 1 if len(b) == 2 and 0xB0 <= b[0] <= 0xD7 and b[1] >= 0xA1 else 2


def _ordinary_chinese(text: str) -> bool:
    """Mostly first-level hanzi: what a report in simplified Chinese is written in."""
    levels = [lv for lv in map(_level, text) if lv is not None]
    return len(levels) >= _MIN_WIDE // 2 and levels.count(1) >= 0.8 * len(levels)


def _non_ascii(text: str) -> int:
    """How many characters of ``text`` are not ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))


@cache
def _second_level() -> re.Pattern[str]:
    """The hanzi ``_level`` puts on level 2, as one character class: the hanzi block
    without the first level's 3,755 characters (GB2312 bytes B0A1–D7FE). Counted by the
    regex engine, where a report holds a handful; built on first use (about 6 ms)."""
    pairs = bytes(b for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF) for b in (lead, trail))
    first = sorted(ord(ch) for ch in pairs.decode("gb18030") if "\u4e00" <= ch <= "\u9fff")
    ranges, start = [], 0x4E00
    for cp in [*first, 0xA000]:
        if cp > start:
            ranges.append(f"{chr(start)}-{chr(cp - 1)}")
        start = cp + 1
    return re.compile("[" + "".join(ranges) + "]")


def _gbk_as_latin(wide: int, sample: str) -> bool:
    if len(_LATIN_OR_CP1252.findall(sample)) < 0.8 * wide:
        return False
    raw = bytearray()
    for ch in sample:
        if ord(ch) < 0x100:
            raw.append(ord(ch))
        elif ch in _CP1252:
            raw += ch.encode("cp1252")
    return _ordinary_chinese(bytes(raw).decode("gb18030", errors="ignore"))


def _utf8_as_gbk(wide: int, sample: str) -> bool:
    rare = len(_second_level().findall(sample))
    # at least _MIN_WIDE hanzi, half of them rare: fewer rare ones than half of _MIN_WIDE
    # decide it without counting the hanzi (a report holds a handful)
    if rare < _MIN_WIDE / 2:
        return False
    hanzi = wide - len(_WIDE_NOT_HANZI.findall(sample))
    if hanzi < _MIN_WIDE or rare < 0.5 * hanzi:
        return False
    # a byte the GBK reading could not pair was saved as U+FFFD: gone, not re-encoded
    raw = sample.replace("\ufffd", "").encode("gb18030", errors="ignore")
    return _ordinary_chinese(raw.decode("utf-8", errors="ignore"))


# the characters Windows-1252 gives bytes 0x80–0x9F (Latin-1 gives C1 controls there)
_CP1252 = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_WIDE_NOT_HANZI = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")
_LATIN_OR_CP1252 = re.compile("[\x80-\xff" + re.escape("".join(sorted(_CP1252))) + "]")

GBK_AS_LATIN = ("text that was decoded in the wrong encoding before it was saved (GBK read as Latin-1: "
                "“Ô¤Ëã” where the report has “预算”): auditlint does not read it; open the original file "
                "and save it as UTF-8")
UTF8_AS_GBK = ("text that was decoded in the wrong encoding before it was saved (UTF-8 read as GBK: "
               "“棰勭畻” where the report has “预算”): auditlint does not read it; open the original file "
               "and save it as UTF-8")


def mojibake(text: str) -> str | None:
    """Why ``text`` cannot be read when it is mojibake (one line for the user), else None."""
    sample = text[:_MOJIBAKE_SAMPLE]
    wide = _non_ascii(sample)
    if wide < _MIN_WIDE:
        return None
    if _gbk_as_latin(wide, sample):
        return GBK_AS_LATIN
    if _utf8_as_gbk(wide, sample):
        return UTF8_AS_GBK
    return None
