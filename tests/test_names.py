"""pipelines.names: names normalized for matching (never translated), and entity ids."""

from __future__ import annotations

import re

import pytest

from pipelines.names import entity_id, name_key, normalize_name, to_simplified


@pytest.mark.parametrize(("written", "normalized"), [
    ("ＳＫＹＤＩＯ，ＩＮＣ．", "SKYDIO,INC."),  # full width -> half width
    ("斯凱迪奧公司", "斯凯迪奥公司"),  # Traditional -> Simplified (OpenCC)
    ("洛克希德・馬丁公司", "洛克希德·马丁公司"),  # katakana middle dot unified
    ("  Lockheed   Martin\u3000Corporation ", "Lockheed Martin Corporation"),
    ("BRINC 无人机 公司", "BRINC无人机公司"),  # no space next to Chinese
    ("Raytheon Missiles \u2013 Defense", "Raytheon Missiles - Defense"),
    ("\u201cRed Six\u201d Solutions", '"Red Six" Solutions'),
    ("斯凯迪奥公司；", "斯凯迪奥公司"),
    ("Zero\u200bWidth", "ZeroWidth"),  # format characters dropped
])
def test_normalize_name(written: str, normalized: str) -> None:
    assert normalize_name(written) == normalized


def test_normalize_keeps_case_and_suffix() -> None:
    assert normalize_name("Skydio, Inc.") == "Skydio, Inc."


def test_opencc_converts_offline() -> None:
    assert to_simplified("國際商業機器與防務") == "国际商业机器与防务"
    assert to_simplified("Skydio") == "Skydio"


SAME = [
    ["Skydio, Inc.", "SKYDIO INC", "Skydio Incorporated", "skydio", "ＳＫＹＤＩＯ，ＩＮＣ．"],
    ["Shenzhen Example Co., Ltd.", "Shenzhen Example Company Limited", "Shenzhen Example Co Ltd",
     "SHENZHEN EXAMPLE CO.,LTD."],
    ["Lockheed Martin Corporation", "Lockheed Martin Corp.", "Lockheed Martin",
     "lockheed martin corp"],
    ["The Boeing Company", "Boeing Co.", "Boeing"],
    ["Rapid Flight LLC", "Rapid Flight L.L.C.", "Rapid Flight"],
    ["Raytheon Missiles & Defense", "Raytheon Missiles and Defense"],
    ["Rheinfeld Antriebstechnik GmbH", "Rheinfeld Antriebstechnik"],
    ["BAE Systems plc", "BAE Systems, Inc.", "BAE Systems Ltd"],
    ["斯凯迪奥公司", "斯凱迪奧公司", "斯凯迪奥有限公司", "斯凯迪奥股份有限公司", "斯凯迪奥"],
    ["洛克希德·马丁公司", "洛克希德・馬丁公司", "洛克希德马丁有限责任公司"],
    ["韩华海洋株式会社", "株式会社韩华海洋", "韩华海洋"],
    ["U.S. Steel Co.", "US Steel Company"],
]


@pytest.mark.parametrize("spellings", SAME, ids=[s[0] for s in SAME])
def test_spellings_share_a_key_and_an_id(spellings: list[str]) -> None:
    assert len({name_key(s) for s in spellings}) == 1
    assert len({entity_id(s, None) for s in spellings}) == 1


@pytest.mark.parametrize(("one", "other"), [
    ("General Atomics Aeronautical Systems", "General Dynamics Land Systems"),
    ("Raytheon Missiles & Defense", "Raytheon Missile Systems"),
    ("洛克希德·马丁公司", "洛克希德·马丁航空公司"),
    ("通用动力公司", "通用电气公司"),
    ("Gibbs & Cox", "Gibbs"),  # Cox is not Co.
    ("波音防务、空间与安全集团", "波音公司"),  # 集团 is kept: a group is not the company
])
def test_different_firms_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)
    assert entity_id(one, None) != entity_id(other, None)


def test_a_suffix_alone_is_kept() -> None:
    assert name_key("Inc.") == "inc"
    assert name_key("公司") == "公司"


def test_key_of_punctuation_is_empty() -> None:
    assert name_key(" ...，。") == ""


def test_entity_id_prefers_the_chinese_name() -> None:
    assert entity_id("斯凯迪奥公司", "Skydio, Inc.") == entity_id("斯凯迪奥公司", None)
    assert entity_id("斯凯迪奥公司", "Skydio, Inc.") != entity_id(None, "Skydio, Inc.")
    assert entity_id(None, "HavocAI") == entity_id(None, "Havoc AI, Inc.")
    assert entity_id("", "HavocAI") == entity_id(None, "HavocAI")


def test_entity_id_form_is_stable() -> None:
    assert re.fullmatch(r"ENT-[0-9a-f]{10}", entity_id("斯凯迪奥公司", None))
    # pinned: ids are stored in archives and in tests/cases/screening_entities.yaml
    assert entity_id("斯凯迪奥公司", "Skydio, Inc.") == "ENT-4977eb5d61"


@pytest.mark.parametrize(("zh", "en"), [(None, None), ("", "  "), ("。。", "--")])
def test_entity_id_needs_a_name(zh: str | None, en: str | None) -> None:
    with pytest.raises(ValueError):
        entity_id(zh, en)


def test_chinese_half_width_commas_are_read_as_full_width() -> None:
    """Taiwan's and Hong Kong's relays write Chinese with half-width commas (forty-seventh
    pass): the rules read the full-width marks they know, next to a digit too (石墨,2024年), but
    not inside a number; Traditional characters become Simplified, each in its place."""
    from pipelines.names import chinese_punctuation, read_as_simplified
    assert chinese_punctuation("继2023年对石墨,2024年对锑实施管制后;另") == (
        "继2023年对石墨，2024年对锑实施管制后；另")
    assert chinese_punctuation("出口1,000吨,同比下降") == "出口1,000吨，同比下降"
    assert chinese_punctuation("China, Japan; 2023") == "China, Japan; 2023"
    written = "商務部表示,對鎵實施出口管制"
    read = read_as_simplified(written)
    assert read == "商务部表示，对镓实施出口管制" and len(read) == len(written)


def test_unicode_hyphens_are_read_as_the_ascii_hyphen() -> None:
    """"a January ban on dual‑use exports for military end‑users" written with U+2011 (sixty-ninth
    pass): the rules read U+2010 and U+2011 as the ASCII hyphen, each in its place, so the
    glossary finds dual-use items; an en dash stays a dash."""
    from pipelines.glossary import terms_in
    from pipelines.names import read_as_simplified
    written = "a ban on dual\u2011use exports to military end\u2010users"
    read = read_as_simplified(written)
    assert read == "a ban on dual-use exports to military end-users"
    assert "dual_use_items" in terms_in(read) and "dual_use_items" not in terms_in(written)
    assert read_as_simplified("2023\u20132025") == "2023\u20132025"
