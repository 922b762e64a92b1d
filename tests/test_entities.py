"""pipelines.entities: designations read from announcements (bodies, annex tables, annex
texts) and the later sentences that suspend, continue, stop or remove them."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from pipelines.entities import (
    ListingEvent,
    labelled_brackets,
    list_named_in,
    listing_events,
    parse_designations,
    parse_entries,
    unread_listing_sentences,
)
from pipelines.lifecycle import status_on
from pipelines.names import entity_id

FIXTURES = Path(__file__).parent / "fixtures" / "entities"


def page(name: str) -> tuple[str, str, list[str]]:
    """(title, body, tables) of a saved page, as a spider would hand them over."""
    doc = lxml.html.fromstring((FIXTURES / name).read_bytes())
    title = doc.findtext(".//title").split("_")[0]
    zoom = doc.get_element_by_id("zoom")
    body = "\n\n".join(p.text_content().strip() for p in zoom.iter("p"))
    tables = [lxml.html.tostring(t, encoding="unicode") for t in zoom.iter("table")]
    return title, body, tables


def text(name: str) -> tuple[str, str]:
    """(title, body) of a text fixture: its first line, then the rest."""
    first, _, rest = (FIXTURES / name).read_text("utf-8").partition("\n")
    return first, rest


# --------------------------------------------------------------------------- the samples


def test_no_21_annex_every_entity_with_both_names() -> None:
    title, body, tables = page("sample_mofcom_2025_21_aqygzj.html")
    table = lxml.html.fromstring(tables[0])
    rows = [[td.text_content() for td in tr] for tr in table.iter("tr")][1:]
    listing = parse_designations(title, body, tables, None)
    assert (listing.list_name, listing.action, listing.stated_count) == (
        "export_control_list", "listed", 16)
    assert listing.problems == []
    assert [(e.number, e.name_zh, e.name_en, e.country) for e in listing.entities] == [
        (int(n), zh, en, country) for n, zh, en, country in rows]
    assert listing.entities[0].name_en == "High Point Aerospace Technologies"


def test_no_21_body_alone_says_the_names_are_in_the_annex() -> None:
    title, body, _ = page("sample_mofcom_2025_21_aqygzj.html")
    listing = parse_designations(title, body, None, None)
    assert listing.entities == []
    assert listing.problems == [
        "states 16 entities, found 0 (those found kept)",
        "a export_control_list announcement: the names are in an annex that was not read"]


def test_uel_2025_7_entities_in_the_body() -> None:
    title, body, tables = page("sample_uel_2025_7.html")
    listing = parse_designations(title, body, tables, None)
    assert (listing.list_name, listing.stated_count, listing.problems) == (
        "unreliable_entity_list", 11, [])
    names = [(e.number, e.name_zh, e.name_en) for e in listing.entities]
    assert names[0] == (1, "斯凯迪奥公司", "Skydio, Inc.")
    assert names[1] == (2, "BRINC无人机公司", "BRINC Drones, Inc.")
    assert names[6] == (7, "浩劫人工智能公司", "HavocAI")
    assert names[-1] == (11, "英斯图公司", "Insitu, Inc.")
    assert [n for n, _, _ in names] == list(range(1, 12))
    assert {e.country for e in listing.entities} == {"美国"}
    assert listing.entities[0].id == entity_id("斯凯迪奥公司", "Skydio, Inc.")


def test_november_2025_adjustment_lists_nothing() -> None:
    title, body, _ = page("sample_mofcom_2025_69.html")
    assert list_named_in(title, body) == (None, "listed")
    assert parse_designations(title, body).entities == []


def test_november_2025_adjustment_events() -> None:
    _, body, _ = page("sample_mofcom_2025_69.html")
    events = listing_events(body, "2025-11-05", "MOFCOM-2025-69")
    found = [(e.measure, e.kind, e.date, e.until, e.until_computed, e.duration, e.list_name,
              e.count) for e in events]
    assert found == [
        ("MOFCOM-2025-13", "revoked", "2025-11-10", None, False, None, "export_control_list", 15),
        ("MOFCOM-2025-21", "suspension_continued", "2025-11-10", "2026-11-10", True, "一年",
         "export_control_list", 16),
        ("UEL-2025-7", "suspension_continued", "2025-11-10", "2026-11-10", True, "一年",
         "unreliable_entity_list", 11),
    ]
    assert all(e.by_measure == "MOFCOM-2025-69" and e.entities == [] for e in events)
    assert "继续暂停实施相关措施一年" in events[1].sentence
    assert unread_listing_sentences(body) == []


def test_skydio_status_through_the_measure_lifecycle() -> None:
    """The designation's status is the listing measure's, by pipelines.lifecycle's rules."""
    _, body_69, _ = page("sample_mofcom_2025_69.html")
    may = listing_events("经不可靠实体清单工作机制研究决定，自2025年5月14日起，暂停实施"
                         "不可靠实体清单工作机制公告〔2025〕7号所列措施90天。", "2025-05-14",
                         "UEL-2025-9")
    november = [e for e in listing_events(body_69, "2025-11-05", "MOFCOM-2025-69")
                if e.measure == "UEL-2025-7"]
    events = [{"kind": "issued", "date": "2025-04-04", "until": None, "clause": None},
              {"kind": "effective", "date": "2025-04-04", "until": None, "clause": None}]
    events += [vars(e.as_measure_event()) for e in may + november]
    assert status_on(events, "2025-05-01").status == "in_force"
    assert status_on(events, "2025-08-12").until == "2025-08-12"
    assert status_on(events, "2025-09-01").status == "in_force"  # the gap before 2025-11-10
    state = status_on(events, "2025-12-01")
    assert (state.status, state.until) == ("suspended", "2026-11-10")
    assert state.event["by_measure"] == "MOFCOM-2025-69"
    assert status_on(events, "2026-11-11").status == "in_force"


# --------------------------------------------------------------------------- bad input


def test_merged_cells_sections_restarts_split_names_and_footnotes() -> None:
    listing = parse_designations(*page("merged_cells.html"), None)
    assert (listing.list_name, listing.stated_count, listing.problems) == (
        "export_control_list", 7, [])
    got = [(e.number, e.name_zh, e.name_en, e.country, e.address) for e in listing.entities]
    assert got == [
        (1, "北辰精密仪器公司", "Hokushin Precision Instruments Co., Ltd.", "日本",
         "东京都港区1-2-3"),
        (2, "海洋声呐系统株式会社", "Kaiyo Sonar Systems K.K.", "日本", "横滨市"),
        (3, "南方先进材料公司", "Minami Advanced Materials Corporation", "日本", "大阪府"),
        (4, "东洋光学研究所", None, "日本", "京都市"),
        (1, "莱茵菲尔德驱动技术有限公司", "Rheinfeld Antriebstechnik GmbH", "德国", "Köln"),
        (2, "诺德马克航电公司", "Nordmark Avionik AG", "德国", "Hamburg"),
        (3, "威悉海事系统公司", "Weser Marine Systeme GmbH", "德国", "Bremen"),
    ]
    assert len(listing.notes) == 1 and listing.notes[0].startswith("注")


def test_count_mismatch_and_numbering_gap_are_problems_and_rows_are_kept() -> None:
    listing = parse_designations(*page("count_mismatch.html"), None)
    assert listing.list_name == "watch_list"
    assert listing.problems == [
        "table 1: numbering jumps from 2 to 4 (row 4): a row may be missing",
        "states 5 entities, found 4 (those found kept)",
    ]
    assert [e.number for e in listing.entities] == [1, 2, 4, 5]
    assert listing.entities[2].name_en is None  # an empty English cell


def test_annex_text_with_pipes() -> None:
    listing = parse_designations(
        "商务部公告2026年第30号 关于将5家美国实体列入出口管制管控名单的公告",
        "商务部决定将北极星导航公司等5家美国实体（名单见附件）列入出口管制管控名单。",
        None, [(FIXTURES / "annex_pipes.txt").read_text("utf-8")])
    assert listing.problems == []
    assert [(e.name_zh, e.name_en, e.country) for e in listing.entities] == [
        ("北极星导航公司", "Polaris Navigation Inc.", "美国"),
        ("深蓝水下系统公司", "Deep Blue Undersea Systems LLC", "美国"),  # split over two rows
        ("铁砧防务", "Anvil Defense Group", "美国"),
        ("猎鹰光电公司", "Falcon Electro-Optics, Inc.", "美国"),  # after a repeated header
        ("斯凯迪奥公司", "Skydio, Inc.", "美国"),  # Traditional in the source
    ]
    assert listing.notes == ["注:第5项实体已于2025年4月4日列入不可靠实体清单。"]


def test_annex_text_with_tabs_and_missing_names() -> None:
    listing = parse_designations("关于将3家美国实体列入出口管制管控名单的公告",
                                 "商务部决定将泰坦锻造工业公司等3家美国实体列入出口管制管控名单。",
                                 None, [(FIXTURES / "annex_tabs.txt").read_text("utf-8")])
    assert [(e.name_zh, e.name_en) for e in listing.entities] == [
        ("泰坦锻造工业公司", "Titan Forge Industries"), (None, "Blue Ridge Avionics"),
        ("银杉雷达公司", None)]
    assert listing.problems == []


def test_stray_line_and_headerless_table_are_problems() -> None:
    annex = "序号 | 中文名称 | 英文名称\n1 | 甲公司 | A Inc.\nMaterials Corp.\n2 | 乙公司 | B Inc."
    listing = parse_designations("关于将2家实体列入关注名单的公告", "将以下2家实体列入关注名单。",
                                 ["<table><tr><td>1</td><td>丙公司</td></tr></table>"], [annex])
    assert [e.name_zh for e in listing.entities] == ["甲公司", "乙公司"]
    assert listing.problems == [
        "table 1: no header row naming 中文名称/英文名称 (or Name): its rows were not read",
        "annex 1: a line outside the table's cells: 'Materials Corp.'",
    ]


def test_hostile_html_does_not_crash() -> None:
    listing = parse_designations("关于将1家实体列入关注名单的公告", "将以下1家实体列入关注名单。",
                                 ["", "<table><tr><td rowspan='99999' colspan='x'>序号</td>"
                                      "<td>名称</td></tr><tr><td>1</td></tr></table>", "<<<>>"],
                                 None)
    assert listing.entities == []
    assert any("found 0" in p for p in listing.problems)


def test_watch_list_removal_names_entities() -> None:
    listing = parse_designations(*text("watch_list_removal.txt"))
    assert (listing.list_name, listing.action, listing.stated_count, listing.problems) == (
        "watch_list", "removed", 3, [])
    assert [e.name_en for e in listing.entities] == [
        "Chiba Electronic Parts Co., Ltd.", "Hokkai Titanium Corporation",
        "Fujisan Measurement & Control Inc."]


def test_countermeasure_with_annex_names_in_english_only() -> None:
    title, body = text("countermeasure.txt")
    annex = (FIXTURES / "countermeasure_annex.txt").read_text("utf-8")
    listing = parse_designations(title, body, None, [annex])
    assert (listing.list_name, listing.stated_count, listing.problems) == (
        "countermeasure", 5, [])
    assert all(e.name_zh is None and e.name_en.startswith(("Hanwha", "HS")) for e in
               listing.entities)


# --------------------------------------------------------------------------- entries


def test_inline_listing_with_descriptor() -> None:
    body = ("不可靠实体清单工作机制依据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，"
            "决定将参与对台湾地区军售的洛克希德·马丁公司（Lockheed Martin Corporation）、"
            "雷神导弹与防务公司（Raytheon Missiles & Defense）列入不可靠实体清单，"
            "并采取以下处理措施：\n"
            "一、禁止上述企业从事与中国有关的进出口活动；")
    title = "关于将洛克希德·马丁公司、雷神导弹与防务公司列入不可靠实体清单的公告"
    listing = parse_designations(title, body)
    assert [(e.name_zh, e.name_en) for e in listing.entities] == [
        ("洛克希德·马丁公司", "Lockheed Martin Corporation"),
        ("雷神导弹与防务公司", "Raytheon Missiles & Defense")]
    assert listing.problems == []


def test_entries_one_per_line_aliases_and_scope() -> None:
    entries = parse_entries("（一）TechInsights公司及其分支机构（TechInsights Inc.）；\n"
                            "（二）甲乙公司（原名：甲公司）（Jiayi Co., Ltd.）；\n"
                            "（三）Halifax International Security Forum。")
    assert [(e.number, e.name_zh, e.name_en, e.aliases, e.notes) for e in entries] == [
        (1, "TechInsights公司", "TechInsights Inc.", [], ["及其分支机构"]),
        (2, "甲乙公司", "Jiayi Co., Ltd.", ["甲公司"], []),
        (3, None, "Halifax International Security Forum", [], []),
    ]


def test_clauses_numbered_like_entries_are_not_entities() -> None:
    body = ("商务部决定将以下2家实体列入关注名单：1. 甲公司（A Co.）；2. 乙公司（B Co.）。\n"
            "一、禁止出口。")
    listing = parse_designations("", body)
    assert [e.name_zh for e in listing.entities] == ["甲公司", "乙公司"]


# --------------------------------------------------------------------------- lifecycle


def event_tuple(e: ListingEvent) -> tuple:
    return (e.measure, e.kind, e.date, e.until, e.until_computed, e.listed_on,
            [(x.name_zh, x.name_en) for x in e.entities])


@pytest.mark.parametrize(("body", "published", "own", "expected"), [
    ("自2025年5月14日起，对商务部公告2025年第21号列入出口管制管控名单的16家美国实体，暂停实施相关措施"
     "90天。", "2025-05-14", "MOFCOM-2025-39",
     [("MOFCOM-2025-21", "suspended", "2025-05-14", "2025-08-12", True, None, [])]),
    ("决定自2025年8月12日起，对于2025年4月4日被列入出口管制管控名单的16家美国实体，继续暂停上述相关"
     "措施90天；对于2025年4月9日被列入出口管制管控名单的12家美国实体，停止执行相关措施。",
     "2025-08-12", None,
     [(None, "suspension_continued", "2025-08-12", "2025-11-10", True, "2025-04-04", []),
      (None, "revoked", "2025-08-12", None, False, "2025-04-09", [])]),
    ("将商务部公告2025年第21号所列的高点航空技术公司（High Point Aerospace Technologies）等2家实体"
     "移出出口管制管控名单。", "2025-12-01", "MOFCOM-2025-90",
     [("MOFCOM-2025-21", "removed_from_list", "2025-12-01", None, False, None,
       [("高点航空技术公司", "High Point Aerospace Technologies")])]),
    ("将斯凯迪奥公司（Skydio, Inc.）、英斯图公司（Insitu, Inc.）移出不可靠实体清单。", "2025-12-01",
     "UEL-2025-20",
     [(None, "removed_from_list", "2025-12-01", None, False, None,
       [("斯凯迪奥公司", "Skydio, Inc."), ("英斯图公司", "Insitu, Inc.")])]),
    ("The measures against the 16 U.S. entities added to the export control list by MOFCOM "
     "Announcement No. 21 of 2025 shall be suspended for 90 days from May 14, 2025.",
     "2025-05-14", "MOFCOM-2025-39",
     [("MOFCOM-2025-21", "suspended", "2025-05-14", "2025-08-12", True, None, [])]),
    ("自2026年1月1日起，恢复实施商务部公告2025年第21号所列措施。", "2025-12-20", "MOFCOM-2025-99",
     [("MOFCOM-2025-21", "resumed", "2026-01-01", None, False, None, [])]),
    ("对商务部公告2025年第21号所列实体，自即日起至2026年11月10日暂停实施相关措施。", "2025-11-07",
     "MOFCOM-2025-71",
     [("MOFCOM-2025-21", "suspended", "2025-11-07", "2026-11-10", False, None, [])]),
    ("一、对商务部公告2025年第13号列入出口管制管控名单的15家美国实体，停止执行相关措施。",
     "2025-11-05", "MOFCOM-2025-69",
     [("MOFCOM-2025-13", "revoked", "2025-11-05", None, False, None, [])]),
    ("本公告自公布之日起实施。", "2025-11-05", "MOFCOM-2025-69", []),
    ("根据《关于暂停实施商务部公告2025年第21号的公告》有关规定，制定本办法。", "2025-11-05",
     "MOFCOM-2025-80", []),
])
def test_listing_events(body: str, published: str, own: str | None, expected: list) -> None:
    found = listing_events(body, published, own, listings={"MOFCOM-2025-21"})
    assert [event_tuple(e) for e in found] == expected


def test_measures_that_list_nothing_are_left_to_clauses() -> None:
    body = ("经批准，自即日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第55号、56号、"
            "57号、58号及商务部公告2025年第61号、62号。")
    assert listing_events(body, "2025-11-07", "MOFCOM-2025-70") == []
    found = listing_events(body, "2025-11-07", "MOFCOM-2025-70", listings={"MOFCOM-2025-61"})
    assert [(e.measure, e.kind, e.until) for e in found] == [
        (m, "suspended", "2026-11-10") for m in ("MOFCOM-2025-55", "MOFCOM-2025-56",
                                                 "MOFCOM-2025-57", "MOFCOM-2025-58",
                                                 "MOFCOM-2025-61", "MOFCOM-2025-62")]


def test_an_end_date_in_the_text_wins_over_the_duration() -> None:
    (event,) = listing_events("自2025年11月10日起，继续暂停实施商务部公告2025年第21号所列实体的"
                              "相关措施一年，至2026年11月9日。", "2025-11-05", "MOFCOM-2025-69")
    assert (event.until, event.until_computed) == ("2026-11-09", False)


def test_unread_listing_sentence_is_reported() -> None:
    body = "对上述实体，暂停实施相关措施。"
    assert listing_events(body, "2025-11-05", None) == []
    assert unread_listing_sentences(body) == [body]


# --------------------------------------------------------------------------- countermeasures

HANWHA_TABLE = ("<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td></tr>"
                "<tr><td>1</td><td>韩华航运有限责任公司</td><td>Hanwha Shipping LLC</td></tr>"
                "<tr><td>2</td><td>韩华费城造船厂</td><td>Hanwha Philly Shipyard Inc.</td></tr>"
                "<tr><td>3</td><td>韩华海洋美国国际有限责任公司</td>"
                "<td>Hanwha Ocean USA International LLC</td></tr>"
                "<tr><td>4</td><td>韩华航运控股有限责任公司</td>"
                "<td>Hanwha Shipping Holdings LLC</td></tr>"
                "<tr><td>5</td><td>HS美国控股公司</td><td>HS USA Holdings Corp.</td></tr></table>")
HANWHA_TITLE = "商务部公告2025年第84号 关于对韩华海洋株式会社5家美国子公司采取反制措施的决定"


@pytest.mark.parametrize("closing", ["二、本决定自公布之日起实施。", "二、本公告自公布之日起实施。",
                                     "二、自2025年11月7日起施行。", "二、特此公告。"])
def test_a_countermeasure_closing_clause_is_no_entity(closing: str) -> None:
    body = ("根据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第九条、第十五条的规定，"
            "商务部决定对韩华海洋株式会社的5家美国子公司（名单见附件）采取反制措施：\n\n"
            "一、禁止中国境内的组织和个人与上述企业进行有关交易、合作等活动。\n\n"
            f"{closing}\n\n商务部\n\n2025年11月7日\n\n附件")
    listing = parse_designations(HANWHA_TITLE, body, [HANWHA_TABLE])
    assert (listing.list_name, listing.stated_count, listing.problems) == (
        "countermeasure", 5, [])
    assert [e.name_en for e in listing.entities] == [
        "Hanwha Shipping LLC", "Hanwha Philly Shipyard Inc.",
        "Hanwha Ocean USA International LLC", "Hanwha Shipping Holdings LLC",
        "HS USA Holdings Corp."]


def test_body_entries_beyond_the_count_the_tables_give_are_left_out_loudly() -> None:
    body = ("商务部决定对韩华海洋株式会社的5家美国子公司（名单见附件）采取反制措施：\n\n"
            "一、各有关方面遵照办理。")
    listing = parse_designations(HANWHA_TITLE, body, [HANWHA_TABLE])
    assert len(listing.entities) == 5
    assert all(e.source == "table 1" for e in listing.entities)
    assert listing.problems == [
        "states 5 entities, as its tables give; left out 1 numbered entry of the body that is "
        "not in them: '各有关方面遵照办理'"]


def test_countermeasure_entries_inline_after_the_measures_colon() -> None:
    body = ("根据《中华人民共和国反外国制裁法》第四条、第五条、第六条、第九条、第十五条的规定，"
            "商务部决定将以下2家美国企业列入反制清单，并采取以下措施：1. 示例防务公司"
            "（Example Defense Corp.）；2. 示例造船公司（Example Shipbuilding Inc.）。\n\n"
            "一、禁止境内组织、个人与其进行交易、合作等活动。\n\n二、本公告自公布之日起实施。")
    listing = parse_designations(
        "商务部公告2025年第84号 关于对示例防务公司等2家美国企业采取反制措施的公告", body)
    assert (listing.list_name, listing.stated_count, listing.problems) == (
        "countermeasure", 2, [])
    assert [(e.number, e.name_zh, e.name_en, e.country) for e in listing.entities] == [
        (1, "示例防务公司", "Example Defense Corp.", "美国"),
        (2, "示例造船公司", "Example Shipbuilding Inc.", "美国")]


def test_measures_after_the_colon_are_no_entities() -> None:
    body = ("决定将甲公司（A Co.）、乙公司（B Co.）列入不可靠实体清单，并采取以下处理措施："
            "1. 禁止其从事与中国有关的进出口活动；2. 本决定自公布之日起实施。")
    listing = parse_designations("", body)
    assert [(e.name_zh, e.name_en) for e in listing.entities] == [
        ("甲公司", "A Co."), ("乙公司", "B Co.")]


def test_an_address_cell_is_kept_without_control_characters() -> None:
    table = ("<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>地址</td></tr>"
             "<tr><td>1</td><td>甲公司</td><td>A Co.</td>"
             "<td>1234 Main\u3000Street,\x1b[31m Arlington,\u202e VA 22202</td></tr></table>")
    listing = parse_designations("关于将1家实体列入关注名单的公告", "将以下1家实体列入关注名单。",
                                 [table])
    assert [(e.name_zh, e.address) for e in listing.entities] == [
        ("甲公司", "1234 Main Street,[31m Arlington, VA 22202")]


@pytest.mark.parametrize("name", ["美国自动化起重系统公司", "日本令和精密工业株式会社",
                                  "日本通知系统株式会社", "自贡起重机械厂"])
def test_names_that_hold_clause_words_stay_names(name):
    """自…起 only before a date or 公布/本…, 本令/本通知 only opening the entry: names holding
    those characters are not read as clauses and dropped."""
    body = (f"商务部决定将以下3家实体列入出口管制管控名单：\n1. {name}；\n"
            "2. 北极星特殊材料公司（Polaris Specialty Materials LLC）；\n"
            "3. Shall Industries Ltd.。\n本公告自公布之日起实施。")
    parsed = parse_designations("商务部公告2026年第50号 关于将3家实体列入出口管制管控名单的公告",
                                body, [], [])
    assert [e.name_zh or e.name_en for e in parsed.entities] == [
        name, "北极星特殊材料公司", "Shall Industries Ltd."]
    assert parsed.problems == []


def test_a_former_name_in_brackets_in_a_name_cell_is_an_alias() -> None:
    """A table's (or an annex's) name cell ending in a bracket that gives another name after a
    label is the name and an alias, as the same bracket in the body is (before, the whole cell
    was the name, and neither the name nor the former one could be screened exactly); a bracket
    without a label (a country) stays as it was."""
    title = "商务部公告2026年第14号 关于将2家美国实体列入出口管制管控名单的公告"
    body = "商务部决定将以下2家美国实体列入出口管制管控名单："
    rows = [("戊己系统公司（原名：戊己防务公司）",
             "Wuji Systems Corp. (formerly Wuji Defense Corp.)"),
            ("庚辛光电公司（曾用名：庚辛光学公司；又名：庚辛科技公司）",
             "Gengxin Photonics Inc. (f/k/a Gengxin Optics Inc.)")]
    html = ("<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家/地区</td></tr>"
            + "".join(f"<tr><td>{i}</td><td>{zh}</td><td>{en}</td><td>美国</td></tr>"
                      for i, (zh, en) in enumerate(rows, start=1)) + "</table>")
    annex = "序号 | 中文名称 | 英文名称 | 国家/地区\n" + "\n".join(
        f"{i} | {zh} | {en} | 美国" for i, (zh, en) in enumerate(rows, start=1))
    expected = [("戊己系统公司", "Wuji Systems Corp.", ["戊己防务公司", "Wuji Defense Corp."]),
                ("庚辛光电公司", "Gengxin Photonics Inc.",
                 ["庚辛光学公司", "庚辛科技公司", "Gengxin Optics Inc."])]
    for listing in (parse_designations(title, body, [html]),
                    parse_designations(title, body, None, [annex])):
        assert [(e.name_zh, e.name_en, e.aliases) for e in listing.entities] == expected
    assert labelled_brackets("Example Lasers, Inc. (USA)") == ("Example Lasers, Inc. (USA)", [])
