"""pipelines.identifiers: announcement numbers → measure ids (cases in cases/identifiers.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipelines.identifiers import MeasureNumber, find_measure_numbers, parse_measure_id
from pipelines.vocab import ISSUER_NAMES_ZH, SERIES_ISSUERS, Issuer, Series

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "identifiers.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    found = find_measure_numbers(case["input"])
    assert [m.id for m in found] == case["expected"]
    by_id = {m.id: m for m in found}
    for measure_id, issuers in (case.get("issuers") or {}).items():
        assert list(by_id[measure_id].issuers) == issuers, measure_id
    for measure_id, title in (case.get("titles") or {}).items():
        assert by_id[measure_id].title == title, measure_id


def test_cases_file_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert all({"id", "input", "expected"} <= set(c) for c in CASES)


def test_vocabularies_are_the_projects() -> None:
    series = {Series(m.series) for c in CASES for m in find_measure_numbers(c["input"])}
    found = {i for c in CASES for m in find_measure_numbers(c["input"]) for i in m.issuers}
    codes = {i for i in found if i in set(Issuer)}
    assert series == set(Series)
    assert codes == set(Issuer)
    # a body the vocabulary lacks is kept by its Chinese name, never one the vocabulary has
    others = found - codes
    assert others and all(re.fullmatch(r"[\u4e00-\u9fff]+", name) for name in others)
    assert not others & {n for names in ISSUER_NAMES_ZH.values() for n in names}


def test_every_issuer_has_a_chinese_name() -> None:
    assert set(ISSUER_NAMES_ZH) == set(Issuer)
    assert set(SERIES_ISSUERS) <= set(Issuer) and len(SERIES_ISSUERS) == len(Series)


def test_measure_number_fields() -> None:
    text = "依据商务部公告2025年第61号（公布对境外相关稀土物项实施出口管制的决定）、第62号，"
    first, second = find_measure_numbers(text)
    assert first == MeasureNumber(
        series="MOFCOM",
        year=2025,
        number=61,
        issuers=("MOFCOM",),
        text="商务部公告2025年第61号",
        start=2,
        title="公布对境外相关稀土物项实施出口管制的决定",
    )
    assert first.id == "MOFCOM-2025-61"
    assert (second.id, second.text, second.title) == ("MOFCOM-2025-62", "第62号", None)
    assert text[second.start : second.start + len(second.text)] == second.text


@pytest.mark.parametrize(
    "text",
    [
        "商务部　海关总署公告２０２５年第５７号",
        "Ｓｅｅ ＭＯＦＣＯＭ Announcement No. 61 of 2025 and 商务部公告２０２５年第６２号。",
        "Announcements No. 61 and No. 62 of 2025",
        "据悉，商务部公告二〇二五年第六十一号和第六十二号、第７０号",
    ],
)
def test_spans_are_offsets_into_the_original_text(text: str) -> None:
    for measure in find_measure_numbers(text):
        assert text[measure.start : measure.start + len(measure.text)] == measure.text


def test_english_span_of_a_single_reference_is_whole() -> None:
    (measure,) = find_measure_numbers("On Oct 9 MOFCOM Announcement No. 61 of 2025 took effect.")
    assert (measure.text, measure.start) == ("MOFCOM Announcement No. 61 of 2025", 9)


def test_first_occurrence_wins() -> None:
    text = "Announcement No. 61 of 2025 … 商务部公告2025年第61号（公布决定）"
    (measure,) = find_measure_numbers(text)
    assert (measure.start, measure.title) == (0, None)


def test_measure_number_is_frozen() -> None:
    (measure,) = find_measure_numbers("商务部公告2025年第61号")
    with pytest.raises(AttributeError):
        measure.number = 62  # type: ignore[misc]


def test_empty_text() -> None:
    assert find_measure_numbers("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("商务部公告2025年第61号", "MOFCOM-2025-61"),
        ("【发布文号】商务部 海关总署公告2025年第70号", "MOFCOM-2025-70"),
        ("GACC Announcement No. 219 of 2025", "GACC-2025-219"),
        ("不可靠实体清单工作机制公告〔2025〕7号", "UEL-2025-7"),
        ("商务部公告2025年第61号 … 商务部公告2025年第61号", "MOFCOM-2025-61"),
    ],
)
def test_parse_measure_id(text: str, expected: str) -> None:
    assert parse_measure_id(text) == expected


@pytest.mark.parametrize("text", ["", "Announcement No. 61", "〔2025〕", "2025年11月7日"])
def test_parse_measure_id_none(text: str) -> None:
    with pytest.raises(ValueError, match=r"^no announcement number in "):
        parse_measure_id(text)


def test_parse_measure_id_several() -> None:
    with pytest.raises(
        ValueError,
        match=r"^several announcement numbers in .*: MOFCOM-2025-61, MOFCOM-2025-62$",
    ):
        parse_measure_id("Announcements No. 61 and No. 62 of 2025")


def test_parse_measure_id_message_is_short() -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_measure_id("x" * 1000)
    assert len(str(excinfo.value)) < 200


def test_a_number_that_names_no_issuer_is_read_only_as_the_issuer_given() -> None:
    """2025年第61号公告 and 公告2025年第61号 with no issuer before them (fiftieth pass) are no
    reference alone; read as MOFCOM's when the page says whose they are, never after another
    agency's name (税委会公告2025年第4号, 财政部2025年第4号公告)."""
    from pipelines.identifiers import find_unattributed_numbers
    text = "其中，2025年第61号和第62号公告对稀土实施出口管制；根据公告2025年第58号，……"
    assert find_measure_numbers(text) == []
    found = find_unattributed_numbers(text, Issuer.MOFCOM)
    assert [m.id for m in found] == ["MOFCOM-2025-61", "MOFCOM-2025-62", "MOFCOM-2025-58"]
    assert found[0].issuers == (Issuer.MOFCOM.value,)
    for other in ("国务院关税税则委员会公告2025年第4号", "财政部2025年第4号公告",
                  "委员会发布2025年第4号公告", "商务部2025年第61号公告", "2025年第61号文件"):
        assert find_unattributed_numbers(other, Issuer.MOFCOM) == [], other


@pytest.mark.parametrize("text", ["公告编号2025年第58号，短短几页文字。", "公告编号：2025年第58号",
                                  "公告文号2025年第58号"])
def test_a_number_labelled_as_the_announcements_is_read_without_its_issuer(text):
    """公告编号2025年第58号 (sixty-fifth pass): a number labelled as the announcement's number
    (编号, 文号) is read as 公告2025年第58号 is, the issuer the text around it says."""
    from pipelines.identifiers import find_unattributed_numbers
    assert [m.id for m in find_unattributed_numbers(text, Issuer.MOFCOM)] == ["MOFCOM-2025-58"]
