"""Telling GB18030 from the encodings whose bytes it also decodes.

Almost any run of high bytes is valid GB18030, so Big5 (traditional Chinese),
Shift-JIS or EUC-KR text decodes without an error into nonsense that no check
understands, and the report would pass as clean. Real simplified-Chinese text
read as GB18030 is nearly all characters from the GB2312 hanzi block (lead byte
0xB0–0xF7), the 6,763 characters every report is written in; a misread file is
mostly symbols, rare characters and kana. Below a third, the reading is refused.
"""

from __future__ import annotations

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
