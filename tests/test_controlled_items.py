"""Controlled items: codes, HS codes, descriptions and clauses from announcement and annex text."""

from __future__ import annotations

import time

import pytest
import yaml
from conftest import FIXTURES, TESTS

from pipelines.annex_text import extract_text
from pipelines.controlled_items import ControlledItem, find_controlled_items, normalize_hs

CASES = yaml.safe_load((TESTS / "cases" / "controlled_items.yaml").read_text(encoding="utf-8"))
ANNEXES = FIXTURES / "annexes"


def plain(item: ControlledItem) -> dict:
    return {"code": item.code, "hs": item.hs_code, "zh": item.description_zh,
            "en": item.description_en, "clause": item.clause}


def expected_items(case: dict) -> list[dict]:
    return [{key: None if e[key] is None else str(e[key])
             for key in ("code", "hs", "zh", "en", "clause")} for e in case["expected"]]


def annex_items(name: str) -> list[ControlledItem]:
    annex = extract_text((ANNEXES / name).read_bytes(), name)
    return find_controlled_items(annex.text)


@pytest.mark.parametrize("case", CASES["dev"], ids=[case["id"] for case in CASES["dev"]])
def test_dev_case(case):
    assert [plain(item) for item in find_controlled_items(case["text"])] == expected_items(case)


def test_the_cases_have_a_dev_and_a_held_out_part_with_unique_ids():
    assert set(CASES) == {"dev", "held_out"}
    assert len(CASES["held_out"]) >= 5
    ids = [case["id"] for part in CASES.values() for case in part]
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------- from real annexes


def test_the_no62_sample_annex_gives_its_two_technology_codes():
    items = annex_items("sample_no62_technologies.pdf")
    assert [(item.code, item.hs_code) for item in items] == [("1E902.a", None), ("1E902.b", None)]
    assert items[1].description_zh == "稀土相关生产线的装配、调试、维护、维修、升级等技术"
    assert items[0].line_no == 2 and items[0].line.startswith("1E902.a 稀土开采")


def test_the_no61_sample_annex_gives_its_items_by_part():
    items = annex_items("sample_no61_annex1_items.pdf")
    assert [(item.clause, item.description_zh) for item in items] == [
        ("第一部分 1.", "钐、镝、钆、铽、镥、钪、钇金属及其合金"),
        ("第一部分 2.", "上述元素的氧化物及化合物"),
        ("第二部分 1.", "含有第一部分所列物项的稀土永磁材料"),
        ("第二部分 2.", "含有第一部分所列物项的靶材")]


def test_the_no21_entity_annex_is_no_list_of_items():
    assert annex_items("sample_no21_entities.pdf") == []
    assert annex_items("entity_list.xls") == []


def test_a_ruled_pdf_table_gives_code_hs_and_both_descriptions():
    items = annex_items("rare_earth_list_ruled.pdf")
    assert [(i.code, i.hs_code, i.description_zh, i.description_en, i.clause) for i in items] == [
        ("1C902.a", "2805301300", "钐金属及其合金", "Samarium metal and alloys", "一、"),
        ("1C902.b", "2846901500", "氧化钐", "Samarium oxide", "一、"),
        ("1C903.a", "2805301400", "钆金属及其合金", "Gadolinium metal and alloys", "一、"),
        ("1C904.a", "2805301700", "铽金属及其合金", "Terbium metal and alloys", "一、")]


def test_a_zip_of_annexes_reads_each_member_on_its_own():
    items = annex_items("annexes.zip")
    assert [i.code for i in items if i.code] == ["1C902.a", "1C902.b", "1C903.a", "1C904.a",
                                                 "1C911.a", "1C911.b", "1C911.c"]
    lithium = [i for i in items if i.hs_code == "8507600010"]
    assert len(lithium) == 1 and lithium[0].clause == "一、（一）"
    # The DOCX member starts its own clause numbering: its table sits under its own 二、.
    assert next(i for i in items if i.code == "1C911.a").clause == "二、"


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize("text, expected", [
    ("2805.30.11.00", "2805301100"),
    ("ex2805301100", "2805301100"),
    ("28053011", "28053011"),
    ("280530110", None),
    ("2805.30.11.00.1", None),
    ("1C902", None),
])
def test_hs_codes_are_normalized_to_8_or_10_digits(text, expected):
    assert normalize_hs(text) == expected


@pytest.mark.parametrize("text", [
    "二、对出口第一条所列1C902.a物项的，依法审查。",
    "出口经营者应当在报关单上填写海关商品编号。",
    "本公告自20251108起实施，电话010-65198888。",
    "序号 | 中文名称 | 英文名称 | 地址\n1 | 示例公司 | Example Co. | 2805301100",
    "1C90 2A0011 11C902 1F902",
])
def test_references_and_lookalikes_are_not_items(text):
    assert find_controlled_items(text) == []


def test_several_codes_in_one_bracket_pair_with_each_hs_code():
    items = find_controlled_items(
        "1. 钕铁硼磁体（物项编码：1C908.a、1C908.b；参考海关商品编号：8505111000、8505119000）。")
    assert [(i.code, i.hs_code) for i in items] == [
        ("1C908.a", "8505111000"), ("1C908.a", "8505119000"),
        ("1C908.b", "8505111000"), ("1C908.b", "8505119000")]
    assert {i.description_zh for i in items} == {"钕铁硼磁体"}


def test_list_reading_can_be_forced_or_refused():
    text = "一、钐金属\n二、氧化钐"
    assert find_controlled_items(text) == []
    assert [i.description_zh for i in find_controlled_items(text, in_list=True)] == [
        "钐金属", "氧化钐"]
    listed = "附件：物项清单\n1. 钐金属"
    assert find_controlled_items(listed, in_list=False) == []


def test_a_note_after_the_last_item_is_not_glued_to_it():
    text = "附件：物项清单\n1. 钐金属\n（注：条目为示意）"
    assert [i.description_zh for i in find_controlled_items(text)] == ["钐金属"]


def test_hostile_text_is_read_in_linear_time():
    text = ("1. " + "。" * 200_000 + "\n" + "（" * 50_000 + "1C902.a " + " " * 200_000
            + "\n" + "海关商品编号：" + "2805、" * 50_000 + "\n") * 2
    start = time.perf_counter()
    find_controlled_items(text)
    assert time.perf_counter() - start < 2
