"""Issue 17: one very long sentence of figures must cost work in proportion to its length.

The work is counted (calls, characters), not timed: a 66 KB sentence of 1,500 amounts took
60 s when ``naming`` compared every figure with every later one through ``total_core`` and
``large_amounts`` split the text before each amount again."""

from __future__ import annotations

import pytest

from auditlint.api import lint


def _sentence(n: int) -> bytes:
    return ("一、概况\n" + "；".join(f"项目{i}支出{i}.5万元，共{i % 7 + 2}个项目" for i in range(n)) + "。\n").encode()


def _total_core_calls(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    from auditlint.extract.narrative import breakdowns

    calls = [0]
    real = breakdowns.total_core

    def counting(name: str) -> str:
        calls[0] += 1
        return real(name)

    monkeypatch.setattr(breakdowns, "total_core", counting)
    lint(_sentence(n), filename="x.txt")
    return calls[0]


def test_naming_reads_each_figure_once(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _total_core_calls(monkeypatch, 100), _total_core_calls(monkeypatch, 400)
    assert small <= 2 * 100 and large <= 2 * 400  # was about n²/2: 180,300 calls for 600 amounts


def test_large_amounts_name_each_amount_without_resplitting_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditlint.extract import units

    walked = [0]
    real = units._CLAUSE_MARK

    class Counting:
        def finditer(self, text: str):
            walked[0] += len(text)
            return real.finditer(text)

    monkeypatch.setattr(units, "_CLAUSE_MARK", Counting())
    # an amount in 元 to the cent: the report's 万元 amounts are gathered only for such a twin
    data = _sentence(400) + "追回资金1862.37元。\n".encode()
    lint(data, filename="x.txt")
    assert 0 < walked[0] <= 2 * len(data.decode())  # each paragraph's marks found once


@pytest.mark.parametrize("before", [0, 300])
def test_a_total_named_by_its_parts_is_still_found_after_many_figures(before: int) -> None:
    # the indexes change how "naming" pairs are found, not which
    filler = "；".join(f"事项{i}用款{i}.5万元" for i in range(before)) + "。" if before else ""
    text = "一、概况\n" + filler + "年末结转结余51.43万元。财政拨款结转结余40.00万元；非财政拨款结转结余10.00万元。\n"
    found = [(f.check_id, f.evidence.expression, f.evidence.stated) for f in lint(text.encode(), filename="x.txt").findings]
    assert found == [("AL102", "40.00 + 10.00", "51.43万元")]


def _counts_peak(n: int) -> tuple[int, int]:
    import tracemalloc

    from auditlint.extract.counts import read_counts
    from auditlint.model import Location, Paragraph

    text = "；".join(f"项目{i}支出{i}.5万元，共{i % 7 + 2}个项目" for i in range(n)) + "。"
    par = Paragraph(0, text, Location("x.txt", line=1))
    read_counts(par)  # warm: patterns compiled, vocabulary loaded
    tracemalloc.start()
    counts = read_counts(par)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(counts) == n and counts[-1].sentence == text  # one sentence, every count in it
    return peak, len(text)


def test_counts_in_one_long_sentence_share_its_text() -> None:
    # each count kept its own copy of the sentence: 200 KB × 4,400 counts came to 447 MB
    small, small_len = _counts_peak(200)
    large, large_len = _counts_peak(800)
    assert large / small < 1.5 * large_len / small_len  # memory grows with the text, not with its square
