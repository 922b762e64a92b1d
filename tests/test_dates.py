"""pipelines.dates: written dates → ISO, Beijing time (cases in cases/dates.yaml)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml

from pipelines.dates import find_dates, parse_published

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "dates.yaml").read_text("utf-8"))
FUNCTIONS = {"parse_published": parse_published, "find_dates": find_dates}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    function = FUNCTIONS[case.get("function", "parse_published")]
    if "error" in case:
        with pytest.raises(ValueError) as excinfo:
            function(case["input"])
        assert case["error"] in str(excinfo.value)
        return
    result = function(case["input"])
    assert list(result) == case["expected"]


def test_cases_file_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert all(("expected" in c) != ("error" in c) for c in CASES)


def test_parse_published_returns_a_tuple() -> None:
    assert parse_published("2025-10-09 09:00") == ("2025-10-09", "2025-10-09T09:00:00+08:00")


def test_no_date_message_names_the_text() -> None:
    with pytest.raises(ValueError, match=r"^no date in 'Published: soon'$"):
        parse_published("Published: soon")


def test_invalid_date_message() -> None:
    with pytest.raises(ValueError, match=r"^invalid date '2025-02-30' in '2025-02-30': day is out"):
        parse_published("2025-02-30")


def test_find_dates_warns_on_invalid(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="pipelines.dates"):
        assert find_dates("2025年2月30日") == []
    assert "2025年2月30日" in caplog.text
