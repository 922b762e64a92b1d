"""pipelines.durations: periods counted as the PRC Civil Code counts them (docs/REFERENCE.md)."""

from __future__ import annotations

import pytest

from pipelines.durations import find_durations, parse_number, period_end, sentence_start


@pytest.mark.parametrize(("start", "amount", "unit", "end"), [
    ("2025-05-14", 90, "day", "2025-08-12"),  # docs/REFERENCE.md, “Dates from durations”
    ("2025-11-10", 1, "year", "2026-11-10"),  # docs/REFERENCE.md, “Dates from durations”
    ("2025-08-12", 90, "day", "2025-11-10"),  # the August 2025 continuation
    ("2025-01-31", 1, "month", "2025-02-28"),  # no corresponding day: the month's last
    ("2024-01-31", 1, "month", "2024-02-29"),
    ("2024-02-29", 1, "year", "2025-02-28"),
    ("2025-08-31", 6, "month", "2026-02-28"),
    ("2025-10-31", 14, "month", "2026-12-31"),
    ("2025-12-25", 2, "week", "2026-01-08"),
    ("2020-12-19", 30, "day", "2021-01-18"),
])
def test_period_end(start: str, amount: int, unit: str, end: str) -> None:
    assert period_end(start, amount, unit) == end


@pytest.mark.parametrize(("amount", "unit"), [(0, "day"), (-3, "day"), (1, "fortnight"),
                                              (True, "day"), (1.5, "year")])
def test_period_end_refuses_what_it_cannot_count(amount: object, unit: str) -> None:
    with pytest.raises(ValueError):
        period_end("2025-01-01", amount, unit)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "number"), [
    ("90", 90), ("九十", 90), ("一百八十", 180), ("十五", 15), ("两", 2), ("二十一", 21),
    ("one", 1), ("a", 1), ("ninety", 90), ("one hundred and eighty", 180), ("９０", 90),
])
def test_parse_number(text: str, number: int) -> None:
    assert parse_number(text) == number


def test_parse_number_refuses_words() -> None:
    with pytest.raises(ValueError):
        parse_number("some")


# (sentence, default start, [(start, end, amount, unit, kind, start_written, written_end)])
CASES = [
    ("自2025年5月14日起暂停实施90天。", "2025-05-10",
     [("2025-05-14", "2025-08-12", 90, "day", "period", True, None)]),
    ("二、对商务部公告2025年第21号列入出口管制管控名单的16家美国实体，继续暂停实施相关措施一年。",
     "2025-11-10", [("2025-11-10", "2026-11-10", 1, "year", "period", False, None)]),
    ("暂停一年", "2025-01-31", [("2025-01-31", "2026-01-31", 1, "year", "period", False, None)]),
    ("为期一年", "2024-02-29", [("2024-02-29", "2025-02-28", 1, "year", "period", False, None)]),
    ("期限为90日。", "2025-01-01",
     [("2025-01-01", "2025-04-01", 90, "day", "period", False, None)]),
    ("暂停实施三个月", "2025-01-31",
     [("2025-01-31", "2025-04-30", 3, "month", "period", False, None)]),
    ("暂停半年", "2025-08-31", [("2025-08-31", "2026-02-28", 6, "month", "period", False, None)]),
    ("暂停实施一百八十天", "2025-01-01",
     [("2025-01-01", "2025-06-30", 180, "day", "period", False, None)]),
    ("本办法自公布之日起30日后施行。", "2020-12-19",
     [("2020-12-19", "2021-01-18", 30, "day", "offset", True, None)]),
    ("The measures are suspended for 90 days from May 14, 2025.", "2025-05-10",
     [("2025-05-14", "2025-08-12", 90, "day", "period", True, None)]),
    ("The entities were suspended for a year.", "2025-11-10",
     [("2025-11-10", "2026-11-10", 1, "year", "period", False, None)]),
    ("It remains suspended for one year.", "2025-11-10",
     [("2025-11-10", "2026-11-10", 1, "year", "period", False, None)]),
    ("suspended for a further 90 days", "2025-08-12",
     [("2025-08-12", "2025-11-10", 90, "day", "period", False, None)]),
    ("a one-year suspension", "2025-11-10",
     [("2025-11-10", "2026-11-10", 1, "year", "period", False, None)]),
    ("The rules shall take effect 30 days after the date of its publication.", "2020-12-19",
     [("2020-12-19", "2021-01-18", 30, "day", "offset", False, None)]),
    ("自即日起暂停实施一年，至2026年11月10日。", "2025-11-10",
     [("2025-11-10", "2026-11-10", 1, "year", "period", True, "2026-11-10")]),
    ("continue to suspend it for another year", "2025-11-10",
     [("2025-11-10", "2026-11-10", 1, "year", "period", False, None)]),
    ("suspended for a further month", "2025-01-31",
     [("2025-01-31", "2025-02-28", 1, "month", "period", False, None)]),
    ("suspended from 10 November 2025 until November 10, 2026, for one year", None,
     [("2025-11-10", "2026-11-10", 1, "year", "period", True, "2026-11-10")]),
]


@pytest.mark.parametrize(("sentence", "start", "expected"), CASES,
                         ids=[c[0][:30] for c in CASES])
def test_find_durations(sentence: str, start: str | None, expected: list[tuple]) -> None:
    found = find_durations(sentence, start)
    assert [(d.start, d.end, d.amount, d.unit, d.kind, d.start_written, d.written_end)
            for d in found] == expected
    assert all(d.text and d.text in sentence for d in found)


@pytest.mark.parametrize("sentence", [
    "上述企业应当自本公告公布之日起15日内缴款。",  # a window, not a period
    "自即日起至2026年11月10日暂停实施。",  # an end date, no duration
    "出口经营者应当在10个工作日内提出申请。",  # working days: not counted here
    "自2025年5月14日起实施。",  # a date is not a duration
    "商务部决定将16家美国实体列入出口管制管控名单。",
    "Applications shall be submitted within 30 days.",
    "第一年度的报告",  # an ordinal
])
def test_no_duration(sentence: str) -> None:
    assert find_durations(sentence, "2025-05-14") == []


def test_nothing_is_computed_without_a_start() -> None:
    assert find_durations("暂停实施90天。", None) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("自2025年11月10日起，继续暂停", ("2025-11-10", True)),
    ("自即日起至2026年11月10日", ("2025-11-07", True)),
    ("对于2025年4月9日被列入出口管制管控名单的12家美国实体，停止执行相关措施",
     ("2025-11-07", False)),
    ("with effect from November 10, 2025", ("2025-11-10", True)),
    ("继续暂停实施相关措施一年", ("2025-11-07", False)),
])
def test_sentence_start(sentence: str, expected: tuple[str, bool]) -> None:
    assert sentence_start(sentence, "2025-11-07") == expected
