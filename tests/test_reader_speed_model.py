"""model.py's faster paths give what the plain ones gave: Location's own __init__ and
with_ (instead of the dataclass-generated __init__ and dataclasses.replace), and
join_cell_lines' one-line shortcut."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditlint.model import Location, Paragraph, join_cell_lines

_INTS = st.none() | st.integers(min_value=-5, max_value=10**6)
_STRS = st.none() | st.text(max_size=6)
_FIELDS = {"page": _INTS, "line": _INTS, "column": _INTS, "table": _INTS, "row": _INTS, "col": _INTS,
           "paragraph": _INTS, "sheet": _STRS, "cell": _STRS}


def _location_kwargs() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({"path": st.text(max_size=8)}, optional=_FIELDS)


def test_location_init_takes_the_fields_in_order_with_their_defaults() -> None:
    params = list(inspect.signature(Location.__init__).parameters.values())[1:]
    expected = [(f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
                for f in dataclasses.fields(Location)]
    assert [(p.name, p.default) for p in params] == expected


@given(_location_kwargs())
def test_location_holds_what_it_was_given_and_stays_frozen(kwargs: dict) -> None:
    loc = Location(**kwargs)
    expected = {f.name: kwargs.get(f.name) for f in dataclasses.fields(Location)}
    assert dataclasses.asdict(loc) == expected
    assert Location(*expected.values()) == loc and hash(Location(*expected.values())) == hash(loc)
    assert pickle.loads(pickle.dumps(loc)) == loc
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.line = 1  # type: ignore[misc]


@given(_location_kwargs(), st.fixed_dictionaries({}, optional=_FIELDS))
def test_with_gives_what_dataclasses_replace_gives(kwargs: dict, changes: dict) -> None:
    loc = Location(**kwargs)
    new = loc.with_(**changes)
    assert new == dataclasses.replace(loc, **changes)
    assert dataclasses.asdict(new) == dataclasses.asdict(dataclasses.replace(loc, **changes))
    assert loc == Location(**kwargs)  # the original is untouched


def test_with_refuses_an_unknown_field_as_replace_does() -> None:
    with pytest.raises(TypeError, match="bogus"):
        Location("r.txt", line=3).with_(bogus=1)


def test_location_at_counts_columns_and_lines() -> None:
    single = Paragraph(1, "一二三", Location("r.txt", line=4, column=3, paragraph=1))
    assert single.location_at(2) == Location("r.txt", line=4, column=5, paragraph=1)
    wrapped = Paragraph(2, "一二三四五", Location("r.txt", line=7, column=1, paragraph=2), line_breaks=(2, 4))
    assert wrapped.location_at(1) == Location("r.txt", line=7, column=2, paragraph=2)
    assert wrapped.location_at(3) == Location("r.txt", line=8, column=2, paragraph=2)
    assert wrapped.location_at(4) == Location("r.txt", line=9, column=1, paragraph=2)


def _join_cell_lines_loop(lines: list[str]) -> str:
    # the loop join_cell_lines runs for two lines or more, as it ran for one
    out = ""
    for part in (ln.strip() for ln in lines):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalpha():
            out += " "
        out += part
    return out


@given(st.lists(st.text(alphabet=" \t\u3000ab1一二。", max_size=6), min_size=0, max_size=4))
def test_join_cell_lines_one_line_shortcut_matches_the_loop(lines: list[str]) -> None:
    assert join_cell_lines(lines) == _join_cell_lines_loop(lines)
