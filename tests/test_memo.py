"""Caches of the hot text functions: the same answers as without them, and never an
answer of a vocabulary that is no longer in force."""

from __future__ import annotations

import pytest

from auditlint import vocab
from auditlint.extract.narrative.names import clean_subject, match_key, name_of
from auditlint.memo import memo_while
from auditlint.numbers import find_quantities, normalize, parse_quantity


@pytest.fixture(autouse=True)
def _builtin_words():
    vocab.use_extensions(())
    yield
    vocab.use_extensions(())


def test_a_name_cached_under_one_vocabulary_is_read_again_under_another(tmp_path):
    # 往年 is no time word of the built-in vocabulary: the name keeps it
    assert name_of("往年结转结余") == "往年结转结余"
    assert match_key("往年结转结余") == "往年结转结余"
    assert clean_subject("并且基本支出") == "并且基本支出"
    words = tmp_path / "words.yaml"
    words.write_text("narrative:\n  time_prefixes: [往年]\n  lead_words: [并且]\n", encoding="utf-8")
    vocab.use_extensions([words])
    assert name_of("往年结转结余") == "结转结余"
    assert match_key("往年结转结余") == "结转结余"
    assert clean_subject("并且基本支出") == "基本支出"
    vocab.use_extensions(())
    assert name_of("往年结转结余") == "往年结转结余"
    assert clean_subject("并且基本支出") == "并且基本支出"


def test_memo_while_empties_its_cache_when_the_token_object_changes():
    token = [object()]
    calls: list[str] = []

    @memo_while(lambda: token[0])
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert upper("ab") == "AB" and upper("ab") == "AB"
    assert calls == ["ab"]
    token[0] = object()
    assert upper("ab") == "AB"
    assert calls == ["ab", "ab"]


def test_memo_while_stays_within_its_bound():
    calls: list[str] = []

    @memo_while(lambda: None, maxsize=2)
    def same(text: str) -> str:
        calls.append(text)
        return text

    for t in ("a", "b", "c", "a"):
        same(t)
    assert calls == ["a", "b", "c", "a"]  # the third name emptied the cache


def test_cached_number_readers_give_fresh_iterators_and_equal_answers():
    text = "本年支出１０６７．０７万元，较上年增加5.3%。"
    first = [(m.start, m.end, m.quantity.text, m.quantity.value) for m in find_quantities(text)]
    again = [(m.start, m.end, m.quantity.text, m.quantity.value) for m in find_quantities(text)]
    assert first == again == [(4, 13, "１０６７．０７万元", parse_quantity("1067.07").value), (19, 23, "5.3%",
                                                                                           parse_quantity("5.3").value)]
    assert normalize("１０６７．０７　万元") == "1067.07 万元"
    assert normalize("ascii 12.5%") == "ascii 12.5%"
    q = parse_quantity("≥９５％")
    assert q is not None and q.comparator == ">=" and q.unit == "%" and str(q.value) == "95"


def test_a_finding_record_is_what_asdict_makes_of_it(tmp_path):
    import dataclasses

    from auditlint.batch.worker import finding_record, plain
    from auditlint.engine.run import lint_file
    from reports import report

    (tmp_path / "r.txt").write_text(report([
        ["项目", "预算数", "支出数", "执行率"],
        ["基本支出", "500.00", "480.00", "90.00%"],
        ["项目支出", "300.00", "290.00", "96.67%"],
        ["合计", "800.00", "760.00", "96.25%"],
    ]), encoding="utf-8")
    findings = lint_file(tmp_path / "r.txt").findings
    assert findings
    for f in findings:
        expected = dataclasses.asdict(f)
        expected["severity"] = f.severity.value if f.severity else None
        expected["location"].pop("path", None)
        for r in expected["related"]:
            r["location"].pop("path", None)
        assert finding_record(f) == expected
        assert plain(f) == dataclasses.asdict(f)
