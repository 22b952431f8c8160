"""The knowledge base keeps each name's kind (a proportion, a count): what it keeps is
what the long way computes, on every name the tests' reports and generated ones give,
and after it has been cleared for room."""

from __future__ import annotations

import random

from auditlint.extract.kb import knowledge as kn
from auditlint.extract.kb.knowledge import knowledge_base

_NAMES = ("满意度", "覆盖率", "“三公”经费控制率", "培训人次", "培训人数", "受益人口数", "资金到位率", "项目完成率",
          "预算执行率", "出动次数", "投诉件数", "经费金额", "开展次数（万元）", "社会公众满意度", "")


def _names(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    parts = ("服务", "对象", "满意", "度", "率", "人次", "人数", "次数", "金额", "覆盖", "“", "”", " ", "（万元）", "比例", "件")
    return list(_NAMES) + ["".join(rng.choice(parts) for _ in range(rng.randint(1, 5))) for _ in range(n)]


def test_kept_kinds_are_the_long_ways() -> None:
    kb = knowledge_base()
    for name in _names(3, 2000):
        for _ in range(2):  # asked again: from what is kept
            assert kb.is_count(name) is kb._is_count(name), name
            assert kb.is_proportion(name) is kb._is_proportion(name), name


def test_a_full_store_is_cleared_and_still_answers(monkeypatch) -> None:
    kb = knowledge_base()
    monkeypatch.setattr(kn, "_KINDS_HELD", 8)
    names = _names(4, 50)
    for name in names:
        assert kb.is_count(name) is kb._is_count(name)
    assert len(kb._kinds) <= 8
    assert kb.is_proportion("满意度") and not kb.is_count("满意度")
    assert kb.is_count("培训人次")
