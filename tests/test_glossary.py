"""The glossary's scan: the cheap test before each term's scan never drops a match."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines import glossary
from pipelines.glossary import TERMS, spans

NEWS = Path(__file__).parent / "cases" / "news" / "dev.yaml"


def scan_every_term(text: str) -> list[tuple[str, int, int]]:
    """Every term's pattern run over the whole text, no test first (what spans must equal); a
    name for subjects together stands for them."""
    text = glossary._norm(text)
    return [(n.key, m.start(), m.end()) for t in TERMS
            for m in glossary._pattern(t).finditer(text) for n in glossary._named(t)]


def found(text: str) -> list[tuple[str, int, int]]:
    return [(t.key, a, b) for t, a, b in spans(text)]


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.key)
def test_every_written_form_of_a_term_is_found(term):
    forms = [*term.search_en, *term.zh]
    assert forms
    for word in term.zh:
        named = {n.key for n in glossary._named(term)}  # (a name for subjects together: them)
        assert named <= {k for k, _, _ in found(word)}, word
    for form in forms:
        for text in (form, f"({form.upper()}) said", f"前言{form}。", f"pre{form}"):
            assert found(text) == scan_every_term(text), text


def test_spans_equal_a_scan_of_every_term_on_the_development_texts():
    texts = [f"{t['title']}\n{t['body']}" for t in yaml.safe_load(NEWS.read_text())["texts"]]
    assert len(texts) > 100
    for text in texts:
        assert found(text) == scan_every_term(text)


@pytest.mark.parametrize("text", [
    "İNDIUM and ıNDIUM exports",  # matched as "indium" case-insensitively
    "re-exports of US-made chips", "lithium-ion cells", "mid-heavy rare earths",
    "medium and heavy rare-earths", "BATTERIES", "the U.S. side", "0.1 percent",
    "export control list", "Customs Tariff Commission of the State Council",
])
def test_unusual_forms_are_found_as_a_full_scan_finds_them(text):
    assert found(text) and found(text) == scan_every_term(text)


def test_a_term_whose_start_is_not_literal_is_always_scanned():
    # an expression opening with a class or an optional group gives no start: no test, a scan
    assert glossary._literal_starts(list(glossary._sre_parse.parse(r"[ab]c", 0))) is None
    assert glossary._literal_starts(
        list(glossary._sre_parse.parse(r"(?:x\s+)?yz|w", 0))) == {"x", "yz", "w"}


def test_export_control_measures_against_counted_entities_across_a_relative_clause():
    told = "the export control measures Beijing announced on Friday against 12 US entities"
    assert glossary.terms_in(told, ("list",)) == {"export_control_list"}
    assert glossary.terms_in("the export control measures Beijing announced on Friday",
                             ("list",)) == set()
    assert glossary.terms_in("the export control measures announced on 12 May", ("list",)) == set()


def test_overseas_rare_earth_items_are_foreign_made_items():
    """境外稀土物项 (dev-619) is No. 61's subject, as 境外相关稀土 is; 境外 alone stays a place."""
    assert "overseas_items" in glossary.terms_in("有关稀土设备、稀土技术和境外稀土物项的新措施")
    assert "overseas_items" not in glossary.terms_in("在境外协助稀土企业")


def test_a_list_of_rare_earth_processes_of_several_words_closed_by_technologies():
    """A process told in two or three words ("magnet manufacturing") is one of the list (dev-137),
    as one-word processes are; exports, items, products or prices still end the list."""
    told = ("the ministry put rare-earth mining, smelting and separation, magnet manufacturing and "
            "recycling technologies under licence")
    assert "rare_earth_technology" in glossary.terms_in(told)
    assert "rare_earth_technology" in glossary.terms_in("rare earth magnet technology")
    assert "rare_earth_technology" not in glossary.terms_in("rare earth exports and technologies")
    assert "rare_earth_technology" not in glossary.terms_in(
        "rare earth metal prices and new magnet technologies")


def test_terms_found_are_the_terms_spans_finds() -> None:
    """terms_found (each term once, for profiles) names exactly the terms of spans, on every
    development news text and glossary form."""
    from pipelines.glossary import terms_found

    dev = yaml.safe_load((Path(__file__).parent / "cases" / "news" / "dev.yaml")
                         .read_text("utf-8"))
    texts = [f"{t['title']}\n{t['body']}" for t in dev["texts"]]
    texts += [" ".join(t.zh) + " " + t.english for t in TERMS]
    differing = [text[:60] for text in texts
                 if set(terms_found(text)) != {t for t, _, _ in spans(text)}]
    assert differing == []
    assert all(len(set(found)) == len(found) for found in map(terms_found, texts))
    assert sum(len(terms_found(text)) for text in texts) > 1000
    assert terms_found("稀土和镓", ("country",)) == []


def test_goods_abroad_holding_chinas_rare_earths_are_the_overseas_items():
    """含有原产中国的稀土, 含有中国稀土成分, "products containing even trace amounts of Chinese
    rare earths" and a machine's "relevant rare earth materials overseas" (fifty-fifth pass)
    tell No. 61's subject, goods abroad under China's controls; rare earths exported from
    China, or a product containing rare earths of no origin told, do not."""
    from pipelines.glossary import terms_in
    for text in ("境外销售含有原产中国的稀土或永磁材料需要获得许可",
                 "凡是含有中国稀土成分的磁体，外国企业出口时都需获得批准",
                 "products containing even trace amounts of Chinese rare earths need a licence",
                 "Decision to implement export control on relevant rare earth materials overseas"):
        assert "overseas_items" in terms_in(text), text
    for text in ("China exports rare earths to Japan", "磁体含有稀土元素",
                 "magnets containing rare earths", "中国稀土出口增长"):
        assert "overseas_items" not in terms_in(text), text


def test_rare_earth_processes_before_technology_are_its_technologies():
    """采用中国稀土开采、冶炼、制磁技术, 限制稀土采矿及冶炼技术出口, "export controls on rare
    earth items and technology" (fifty-fifth pass) name rare-earth technologies, as 稀土开采、
    冶炼分离等相关技术 does; rare earth exports, or other goods (magnets, batteries), next to
    some technology do not."""
    from pipelines.glossary import terms_in
    for text in ("采用中国稀土开采、冶炼、制磁技术生产的磁体", "限制稀土采矿及冶炼技术出口",
                 "稀土冶炼技术", "impose export controls on rare earth items and technology",
                 "rare earth products and related technologies"):
        assert "rare_earth_technology" in terms_in(text), text
    for text in ("稀土产品出口技术规范", "rare earth exports and technology transfer",
                 "稀土出口增长，技术升级", "rare earth magnets and battery technology",
                 "rare earth chips and battery technologies"):
        assert "rare_earth_technology" not in terms_in(text), text
    assert "rare_earth_technology" in terms_in("rare earth magnet manufacturing technology")


def test_rare_earth_related_items_and_their_technologies_name_rare_earth_technologies():
    """"the de minimis rule … for rare earth-related items and technologies" (fifty-seventh
    pass): the technologies coordinated with rare earth-related items are rare-earth ones, as
    "rare earth items and technology" are; rare earth-related exports and technology are not."""
    from pipelines.glossary import terms_in
    assert "rare_earth_technology" in terms_in(
        "the de minimis rule for rare earth-related items and technologies")
    assert "rare_earth_technology" not in terms_in(
        "rare earth-related exports and technology transfer")


def test_goods_holding_however_little_of_chinas_rare_earths_are_foreign_made_items():
    """外国企业若要出口哪怕仅含极少量中国稀土的商品，都必须获得许可证 (fifty-eighth pass): goods
    that hold even a trace of China's rare earths are the foreign-made items of the 0.1 percent
    rule, as 含有中国稀土 are; China's own rare earths are not."""
    from pipelines.glossary import terms_in
    for text in ("仅含极少量中国稀土的商品", "含微量中国稀土的产品", "含有中国稀土成分"):
        assert "overseas_items" in terms_in(text), text
    assert "overseas_items" not in terms_in("中国稀土出口量下降")


def test_goods_with_traces_of_rare_earths_and_equipment_named_beside_them():
    """"products with small traces of rare earths as well as processing equipment" (fifty-eighth
    pass): goods holding traces of rare earths are the foreign-made items of the 0.1 percent
    rule, and processing equipment named beside rare earths is rare-earth equipment; rare earths
    "in small amounts" and equipment named by no work are neither."""
    from pipelines.glossary import terms_in
    found = terms_in("products with small traces of rare earths as well as processing equipment")
    assert {"overseas_items", "rare_earth_equipment"} <= found
    assert "overseas_items" in terms_in("goods containing trace amounts of rare earths")
    assert "overseas_items" not in terms_in("rare earths in small amounts")
    assert "rare_earth_equipment" not in terms_in("rare earths and equipment")


@pytest.mark.parametrize(("text", "natural"), [
    ("天然鳞片石墨制品", True),
    ("球化石墨和膨胀石墨", True),
    ("spherical graphite for battery anodes", True),
    ("natural flake graphite", True),
    ("人造石墨负极材料", False),
    ("synthetic graphite anodes", False),
])
def test_natural_flake_and_spherical_graphite_are_a_good_of_their_own(text, natural):
    """天然鳞片石墨, 球化石墨, "spherical graphite" (fifty-ninth pass) are the natural graphite of
    No. 39 of 2023, a good narrower than graphite; the batteries' artificial graphite is not."""
    from pipelines.glossary import terms_in
    found = terms_in(text)
    assert ("natural_graphite" in found) is natural
    assert "graphite" in found


@pytest.mark.parametrize(("text", "key", "named"), [
    ("用于稀土开采加工或制造稀土磁铁的技术必须获得政府许可方可出口", "rare_earth_technology", True),
    ("稀土开采企业引进新设备", "rare_earth_technology", False),
    ("China added dozens of rare earth processing equipment types to its control list",
     "rare_earth_equipment", True),
    ("rare earth processing plants abroad", "rare_earth_equipment", False),
])
def test_technologies_and_equipment_told_by_their_work(text, key, named):
    """用于稀土开采加工或制造稀土磁铁的技术 (a longer clause of what the technology is for)
    and "rare earth processing equipment" (the equipment named by its work) are the subjects of
    No. 62 and No. 56 of 2025 (sixty-second pass); a mining firm's new machines and processing
    plants are neither."""
    assert (key in glossary.terms_in(text)) is named


def test_a_name_for_subjects_together_is_read_as_them():
    """"the two chipmaking metals", "metals used in the semiconductor industry", 芯片制造金属
    (seventy-first pass) are gallium and germanium wherever the glossary is read: the name itself
    is no subject a measure could be on."""
    from pipelines.glossary import terms_found, terms_in
    for text in ("the two chipmaking metals", "some metals used widely in the semiconductor "
                 "industry", "两种芯片制造金属"):
        assert {k for k, _, _ in found(text)} == {"gallium", "germanium"}, text
        assert terms_in(text) == {"gallium", "germanium"}
        assert [t.key for t in terms_found(text)] == ["gallium", "germanium"]
    assert not found("metals used in shipbuilding")


@pytest.mark.parametrize(("text", "found"), [
    ("关于对铍相关物项实施出口管制的决定", {"beryllium"}),
    ("China announced export controls on beryllium-related items on Monday", {"beryllium"}),
    ("钴、镍和锰的出口", {"cobalt", "nickel", "manganese"}),
    ("tantalum and niobium capacitors", {"tantalum", "niobium"}),
    # everyday words are no metals: "lead" a verb, "tin" a can
    ("The talks will lead to a deal on a tin of tea", set()),
])
def test_the_strategic_metals_a_control_may_name_are_subjects(text, found):
    """The metals a control may name beside the rare earths, in both languages, so that news of
    a control on one reaches the measure's text (before, a measure on beryllium, 铍, had no
    subject a news story could share); only those whose English name is no everyday word."""
    assert glossary.terms_in(text) & {t.key for t in TERMS if t.kind == "subject"} == found
