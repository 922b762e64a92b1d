"""pipelines.screening: exact then fuzzy matching of a name against listed entities."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from pipelines.names import entity_id
from pipelines.screening import EntityNames, Hit, screen

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))
from bench_screening import case_files, evaluate, load_entities  # noqa: E402

ENTITIES = load_entities()
RAW = yaml.safe_load((HERE / "cases" / "screening_entities.yaml").read_text("utf-8"))
DEV = yaml.safe_load((HERE / "cases" / "screening_dev.yaml").read_text("utf-8"))
SKYDIO = entity_id("斯凯迪奥公司", "Skydio, Inc.")


def test_reference_ids_are_the_entity_ids() -> None:
    assert [e["id"] for e in RAW] == [entity_id(e["name_zh"], e["name_en"]) for e in RAW]
    assert len({e["id"] for e in RAW}) == len(RAW)


def test_dev_cases_are_well_formed() -> None:
    known = {e.entity_id for e in ENTITIES}
    assert len(DEV) >= 50
    assert sum(1 for c in DEV if not c["expect"]) >= 20  # names that must match nothing
    for case in DEV:
        assert set(case) == {"query", "expect", "note"}
        assert set(case["expect"]) <= known, case["query"]


def test_the_benchmark_reads_every_case_file_but_the_entities() -> None:
    names = [p.name for p in case_files()]
    assert "screening_dev.yaml" in names and "screening_entities.yaml" not in names


def test_dev_precision_and_recall() -> None:
    tally = evaluate(DEV, ENTITIES)
    assert tally.precision >= 0.95 and tally.recall >= 0.95, "\n".join(tally.mistakes)


def test_exact_first_then_fuzzy_best_first() -> None:
    hits = screen("Lockheed Martin", ENTITIES)
    lockheed = entity_id("洛克希德·马丁公司", None)
    assert hits[0] == Hit(lockheed, 100.0, "Lockheed Martin Corporation", "exact")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.how for h in hits[1:]} == {"prefix"}
    assert len(hits) == 4


def test_traditional_chinese_query_finds_the_simplified_name() -> None:
    (hit,) = screen("斯凱迪奧", ENTITIES)
    assert (hit.entity_id, hit.how, hit.matched_name) == (SKYDIO, "exact", "斯凯迪奥公司")


def test_typo_is_fuzzy_with_a_score_below_100() -> None:
    (hit,) = screen("Kratos Unmaned Aerial Systems", ENTITIES)
    assert hit.how == "fuzzy" and 85 <= hit.score < 100


def test_acronym() -> None:
    (hit,) = screen("GDLS", ENTITIES)
    assert (hit.matched_name, hit.how) == ("General Dynamics Land Systems", "acronym")


def test_one_hit_per_entity_with_its_best_name() -> None:
    entity = EntityNames("ENT-x", "斯凯迪奥公司", "Skydio, Inc.", ("Skydio",))
    assert screen("Skydio", [entity]) == [Hit("ENT-x", 100.0, "Skydio, Inc.", "exact")]


def test_limit() -> None:
    assert len(screen("Hanwha", ENTITIES, limit=2)) == 2
    assert screen("Hanwha", ENTITIES, limit=0) == []


def test_no_candidates_no_hits() -> None:
    assert screen("Skydio", []) == []


def test_similar_but_different_firms_do_not_match() -> None:
    assert screen("DZYNE Technologies", ENTITIES)[0].how == "exact"
    assert [h for h in screen("Neros Technologies", ENTITIES)
            if h.entity_id != entity_id("尼罗斯科技公司", None)] == []


@pytest.mark.parametrize(("query", "reason"), [
    ("", "empty"),
    ("   ", "empty"),
    ("...，。!!", "no letters"),
    ("12345", "no letters"),
    ("a", "too short"),
    ("公", "too short"),
    ("Sky\x00dio", "control character"),
    ("Sky\u200bdio", "control character"),
    ("Skydio\x1b[31m", "control character"),
    ("x" * 201, "longer than"),
])
def test_garbage_queries_raise_one_line(query: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as caught:
        screen(query, ENTITIES)
    assert "\n" not in str(caught.value)


def test_short_queries_match_only_exactly() -> None:
    entities = [EntityNames("ENT-a", None, "AB Holdings"), EntityNames("ENT-b", None, "AC")]
    assert [h.entity_id for h in screen("AC", entities)] == ["ENT-b"]
    assert screen("AD", entities) == []


def test_the_benchmark_reads_a_case_file_with_its_own_entities(tmp_path):
    """The held-out form (tests/test_corpus_format.py): its own entities and cases; `also_ok`
    ids may be returned without counting against precision."""
    from bench_screening import load_case_file

    path = tmp_path / "screening_other.yaml"
    path.write_text(yaml.safe_dump({
        "entities": [{"id": "ENT-a", "name_zh": "甲乙公司", "name_en": "Jiayi Co., Ltd.",
                      "country": "X", "lists": []},
                     {"id": "ENT-b", "name_zh": "甲乙科技公司", "name_en": "Jiayi Tech",
                      "country": "X", "lists": []}],
        "cases": [{"query": "Jiayi Company Limited", "expect": ["ENT-a"], "also_ok": ["ENT-b"],
                   "kind": "suffix"},
                  {"query": "甲乙", "expect": ["ENT-a"], "also_ok": ["ENT-b"], "kind": "prefix"},
                  {"query": "Bingding Corporation", "expect": [], "kind": "near_miss"}],
    }, allow_unicode=True), encoding="utf-8")
    cases, entities = load_case_file(path, ENTITIES)
    assert [e.entity_id for e in entities] == ["ENT-a", "ENT-b"]
    tally = evaluate(cases, entities)
    assert (tally.tp, tally.fp, tally.fn, tally.queries) == (2, 0, 0, 3)
    strict = evaluate([{k: v for k, v in c.items() if k != "also_ok"} for c in cases], entities)
    assert strict.fp == 2  # the prefix matches also_ok allows
    assert load_case_file(HERE / "cases" / "screening_dev.yaml", ENTITIES)[1] is ENTITIES


def _ids(query: str) -> list[str]:
    return [h.entity_id for h in screen(query, ENTITIES)]


def test_pasted_whitespace_is_space_not_a_control_character() -> None:
    assert _ids("Huntington Ingalls\nIndustries,\tInc.\r\n") == [
        entity_id("亨廷顿·英格尔斯工业公司", None)]
    with pytest.raises(ValueError, match="control character"):
        screen("Sky\x1bdio", ENTITIES)


def test_pasted_rows_numbers_semicolons_and_both_names() -> None:
    brinc = entity_id("BRINC无人机公司", None)
    assert _ids("3. 红色六方案公司（Red Six Solutions）；") == [entity_id("红色六方案公司", None)]
    assert _ids("斯凯迪奥公司（Skydio, Inc.）") == [SKYDIO]
    assert _ids("尼罗斯科技公司 Neros Technologies") == [entity_id("尼罗斯科技公司", None)]
    assert sorted(_ids("1. Skydio, Inc.; 2. BRINC Drones, Inc.")) == sorted([SKYDIO, brinc])
    assert _ids("BRINC无人机") == [brinc]  # one mixed-script name stays whole


def test_a_bracketed_country_or_acronym_qualifies_a_name_and_a_place_does_not() -> None:
    assert _ids("Skydio Inc (USA)") == [SKYDIO]
    assert _ids("斯凯迪奥（美国）公司") == [SKYDIO]
    assert _ids("美国斯凯迪奥公司") == [SKYDIO]
    entities = [EntityNames("ENT-h", None, "Huawei Technologies Co., Ltd.")]
    assert screen("Huawei Technologies (Shanghai) Co., Ltd.", entities) == []


def test_acronym_with_spaces_or_a_corporate_form() -> None:
    gaasi = entity_id("通用原子航空系统公司", None)
    assert [(h.entity_id, h.how) for h in screen("GA ASI", ENTITIES)] == [(gaasi, "acronym")]
    assert [h.how for h in screen("GDLS Inc.", ENTITIES)] == ["acronym"]
    assert screen("Ga asi", ENTITIES) == []  # not written as an acronym


def test_a_swap_of_adjacent_letters_is_one_slip() -> None:
    (hit,) = screen("Skydoi", ENTITIES)
    assert (hit.entity_id, hit.how) == (SKYDIO, "fuzzy") and 85 <= hit.score < 100


def test_one_wrong_letter_in_a_name_of_six_letters_is_one_slip() -> None:
    """Skydio typed Skyddo is found (fuzzy, below 100); two slips in a short name, or one wrong
    letter in a name of five, stay apart (Skydeck; Textron for TextOre; a wrong letter of
    Epirus)."""
    (hit,) = screen("Skyddo", ENTITIES)
    assert (hit.entity_id, hit.how) == (SKYDIO, "fuzzy") and 85 <= hit.score < 100
    entities = [EntityNames("ENT-t", None, "TextOre"), EntityNames("ENT-k", None, "Kites")]
    assert [h.entity_id for h in screen("TextOra", entities)] == ["ENT-t"]
    assert screen("Textron", entities) == [] and screen("Skydeck", ENTITIES) == []
    assert screen("Kitex", entities) == []  # five letters: one wrong letter is another name


def test_contractions_and_anchored_initials_are_written_out() -> None:
    assert _ids("Domo Tactical Comms") == [entity_id("多莫战术通信公司", None)]
    assert _ids("Javelin JV") == [entity_id("标枪合资公司", None)]
    assert _ids("HS Shipping") == []  # initials need a distinctive word of the name beside them
    assert _ids("Sonic Technologies") == []  # Saronic's letters in order, not a contraction


def test_distinctive_words_must_match_as_well_as_the_whole() -> None:
    entities = [EntityNames("ENT-s", None, "Saronic Technologies")]
    assert screen("Sonic Technologies", entities) == []
    assert [h.entity_id for h in screen("Saronik Technologies", entities)] == ["ENT-s"]


def _one(query: str, *names: str) -> list[tuple[float, str]]:
    """(score, how) of query against one entity per name (English names)."""
    entities = [EntityNames(f"ENT-{i}", None, n) for i, n in enumerate(names)]
    return [(h.score, h.how) for h in screen(query, entities)]


def test_legal_forms_that_lead_a_name_or_that_name_key_leaves() -> None:
    assert _one("Urbo Bankas", "UAB Urbo Bankas") == [(100.0, "exact")]
    assert _one("UAB „Urbo bankas“", "UAB Urbo Bankas") == [(100.0, "exact")]
    assert _one("TCOM LP", "TCOM, Limited Partnership") == [(100.0, "exact")]
    assert _one("JSC Example Avionics", "Example Avionics, Inc.") == [(100.0, "exact")]
    # name_key, which makes the stored entity ids, is unchanged
    assert entity_id(None, "TCOM, Limited Partnership") == "ENT-295d0f8896"


def test_a_groups_or_holdings_word_is_set_aside_for_exact_and_prefix_only() -> None:
    assert _one("Leidos Holdings, Inc.", "Leidos") == [(95.0, "exact")]
    assert _one("PVH Group", "PVH Corp.") == [(95.0, "exact")]
    assert [h.how for h in screen("PVH公司", ENTITIES)] == ["exact"]  # PVH集团
    assert _one("Dedrone Holdings, Inc.", "Dedrone by Axon") == [(90.0, "prefix")]
    assert _one("Summit Technology Group", "Summit Technologies Inc.") == []  # not fuzzy
    assert _one("Red Cat Holdings", "Red Six Solutions") == []


def test_brackets_that_describe_the_firm_are_dropped() -> None:
    assert _one("Shield AI, Inc. (San Diego, California)", "Shield AI, Inc.") == [
        (100.0, "exact")]
    assert _ids("Insitu Inc (a Boeing company)") == [entity_id("英斯图公司", None)]
    assert _ids("Raytheon Missiles & Defense (an RTX business)") == [
        entity_id("雷神导弹与防务公司", None)]
    assert _one("Huawei Technologies (Shanghai) Co., Ltd.", "Huawei Technologies") == []


def test_a_brand_in_capitals_finds_the_names_it_begins() -> None:
    assert _one("FLIR", "FLIR Systems, Inc.") == [(90.0, "prefix")]
    assert _one("Flir", "FLIR Systems, Inc.") == []  # not written in capitals
    assert _one("DOMO", "Domo Tactical Communications") == []  # the name does not capitalize it
    assert _one("UAB", "UAB Urbo Bankas") == []  # a legal form, not a brand


def test_generic_words_slips_written_out_and_left_out() -> None:
    assert _one("Planate Managment Group", "Planate Management Group")  # a slip of a generic word
    assert _one("Firestorm Laboratories", "Firestorm Labs, Inc.")  # written out
    assert _one("Elbit America", "Elbit Systems of America, LLC") == [(88.0, "fuzzy")]
    assert _one("Lockheed Martin Systems", "Lockheed Martin Mission Systems") == []
    assert _one("Global", "Global Dimensions LLC") == []  # a generic word names no firm
    assert _one("USAir Holdings", "HS USA Holdings Corp.") == []


def test_chinese_a_longer_name_is_another_firm_and_one_slip_in_five() -> None:
    assert _ids("通用动力电船公司") == []  # Electric Boat: 通用动力 and more
    assert _ids("通用原子电磁系统公司") == []  # two characters from 通用原子航空系统
    assert _ids("斯凯迪欧公司") == [SKYDIO]  # one in four
    assert _ids("多莫战术通讯公司") == [entity_id("多莫战术通信公司", None)]
