"""Links to measures described without their numbers (pipelines.linking), decided at the end of
a run on real archives: glossary, dates from the document's date, scores and reasons, review
candidates, revisits when a later night adds the measure, and the order of pages."""

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import REPO, regwatch

from pipelines.archive import Archive, document_id
from pipelines.diff import item_changes
from pipelines.finish import finish_run
from pipelines.glossary import terms_in
from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
from pipelines.linking import (
    LINK_SCORE,
    PROFILE_BUILD,
    PROFILE_VERSION,
    _counts,
    build_profile,
    changed_profiles,
    link_run,
    read_document,
    read_sentence,
    refresh_measures,
    title_key,
)
from pipelines.names import to_simplified
from pipelines.normalize import content_hash, normalize_item
from pipelines.relative_dates import FIRST_WORKDAY_AFTER, dateline, dates_in
from pipelines.store import store_item

NIGHTS = REPO / "demo" / "nights"
SEED_003 = "https://www.chinadaily.com.cn/a/202601/06/WS695c6f2ea310d6866eb3b2a1.html"
SUSPENDED = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
             "MOFCOM-2025-61", "MOFCOM-2025-62"]
SUSPENSION = [MeasureEvent("suspended", date="2025-11-07", until="2026-11-10",
                           by_measure="MOFCOM-2025-70")]
JOINT = ["MOFCOM", "GACC"]
MEASURES = {  # id: (title_zh, published, issuers, events)
    "MOFCOM-2025-18": ("商务部 海关总署公告2025年第18号 "
                       "关于对部分中重稀土相关物项实施出口管制的公告", "2025-04-04", JOINT, []),
    "MOFCOM-2025-57": ("商务部 海关总署公告2025年第57号 "
                       "关于对部分中重稀土相关物项实施出口管制的决定", "2025-10-09", JOINT,
                       SUSPENSION),
    "MOFCOM-2025-55": ("商务部 海关总署公告2025年第55号 "
                       "关于对超硬材料相关物项实施出口管制的决定", "2025-10-09", JOINT, SUSPENSION),
    "MOFCOM-2025-58": ("商务部 海关总署公告2025年第58号 "
                       "关于对锂电池和人造石墨负极材料相关物项实施出口管制的决定", "2025-10-09",
                       JOINT, SUSPENSION),
    "MOFCOM-2025-10": ("商务部 海关总署公告2025年第10号 "
                       "公布对钨、碲、铋、钼、铟相关物项实施出口管制的决定", "2025-02-04",
                       JOINT, []),
    "MOFCOM-2025-21": ("商务部公告2025年第21号 "
                       "关于将16家美国实体列入出口管制管控名单的公告", "2025-04-04",
                       ["MOFCOM"], []),
    "UEL-2025-7": ("不可靠实体清单工作机制公告〔2025〕7号 "
                   "关于将11家美国实体列入不可靠实体清单的公告", "2025-04-04",
                   ["UEL working mechanism"], []),
    "MOFCOM-2025-22": ("商务部公告2025年第22号 "
                       "关于将12家美国实体列入出口管制管控名单的公告", "2025-04-09",
                       ["MOFCOM"], []),
    "MOFCOM-2025-1": ("商务部公告2025年第1号 关于将28家美国实体列入出口管制管控名单的公告",
                      "2025-01-02", ["MOFCOM"], []),
    "MOFCOM-2023-23": ("商务部 海关总署公告2023年第23号 关于对镓、锗相关物项实施出口管制的公告",
                       "2023-07-03", JOINT, [MeasureEvent("effective", date="2023-08-01")]),
    "MOFCOM-2024-46": ("商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告",
                       "2024-12-03", ["MOFCOM"], []),
    "GACC-2025-219": ("海关总署公告2025年第219号（关于公布《中华人民共和国进出口税则》"
                      "调整事项的公告）",
                      "2025-11-06", ["GACC"], [MeasureEvent("effective", date="2025-11-10")]),
}
NO70 = ("商务部 海关总署公告2025年第70号 关于暂停实施商务部 海关总署公告2025年第55号、56号、57号、"
        "58号的公告", "2025-11-07", ["MOFCOM", "GACC"], [])


def own_page(measure_id: str, title: str, published: str, issuers: list[str],
             events: list[MeasureEvent]) -> DocumentItem:
    """A measure's own text, as the store receives it."""
    series, year, number = measure_id.split("-")
    item = DocumentItem(url=f"https://www.mofcom.gov.cn/art/{measure_id}.html", source="mofcom",
                        source_kind="authority", title=title, body=title, language="zh",
                        published=published, confidence="high", category="suspension")
    item.measures = [MeasureRef(id=measure_id, series=series, year=int(year), number=int(number),
                                issuers=issuers, relation="issues", confidence="high",
                                reason="own", title=title, title_language="zh",
                                published=published, events=[
                                    MeasureEvent("issued", date=published), *events])]
    item.content_hash = content_hash(item)
    return item


def news(title: str, body: str, published: str, url: str = "https://www.example.cn/a.html"
         ) -> DocumentItem:
    item = DocumentItem(url=url, source="chinadaily", source_kind="news", title=title,
                        body=body, language="en", published_raw=published)
    return normalize_item(item)


def night(archive: Archive, as_of: str, *items: DocumentItem) -> str:
    """One run storing the items, then its end (where links are decided)."""
    run_id = archive.start_run(as_of, ["test"], None)
    for item in items:
        item.changes = item_changes(archive, item)
        store_item(archive, item, run_id, as_of)
    finish_run(archive, run_id)
    return run_id


def links(archive: Archive, url: str) -> dict[str, str]:
    return {r["measure"]: r["reason"] for r in archive.db.query(
        "select measure, reason from document_measures where document = ? and reason like "
        "'inferred:%'", [document_id(url)])}


def links_of_texts(archive: Archive, title: str, texts: dict[str, str], published: str
                   ) -> dict[str, list[str]]:
    """Each text as a news page of that day, stored in one night: the ids it links, by key."""
    items = {k: news(title, v, published, url=f"https://www.example.cn/{k}.html")
             for k, v in texts.items()}
    night(archive, published, *items.values())
    return {k: sorted(links(archive, item.url)) for k, item in items.items()}


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "a.db")
    yield archive
    archive.close()


def spans_of(text: str, published: str) -> list[tuple[str, str]]:
    """The (first, last) days of the dates read in text on a page of that day."""
    return [(d.first, d.last) for d in dates_in(text, published)]


def measures(*ids: str) -> list[DocumentItem]:
    table = {**MEASURES, "MOFCOM-2025-70": NO70}
    return [own_page(m, *table[m]) for m in ids]


# --- the glossary and dates ---------------------------------------------------------------------

def test_glossary_reads_english_and_chinese_subjects():
    assert terms_in("export controls on rare earths and super-hard materials") == {
        "rare_earth", "superhard_materials"}
    assert terms_in("seven medium and heavy rare earths") == {"medium_heavy_rare_earth",
                                                              "rare_earth"}
    assert terms_in("关于对锂电池和人造石墨负极材料相关物项") >= {"lithium_battery", "graphite",
                                                        "anode_materials"}
    assert terms_in("两用物项对美国出口管制", kinds=("country",)) == {"US"}


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("the MOFCOM said in a joint statement on Monday", "2023-07-04", ("2023-07-03", "day")),
    ("a Global Times page after midnight: China on Thursday added", "2023-12-22",
     ("2023-12-21", "day")),
    ("the adjustments will apply from Monday", "2025-11-07", ("2025-11-10", "day")),
    ("controls on antimony took effect last September", "2025-05-20", ("2024-09-01", "month")),
    ("introduced in early April", "2025-06-09", ("2025-04-01", "month")),
    ("the measures announced earlier this month", "2025-10-31", ("2025-10-01", "month")),
    ("In November, China announced a one-year suspension", "2026-01-06", ("2025-11-01", "month")),
    ("China began controlling exports in April", "2025-12-19", ("2025-04-01", "month")),
    ("the export control measures it announced on Oct 9", "2025-10-31", ("2025-10-09", "day")),
    ("will take effect on Dec 1", "2024-11-15", ("2024-12-01", "day")),
    ("took effect on Aug 1", "2025-12-01", ("2025-08-01", "day")),
    ("the April controls on seven rare earths", "2025-11-08", ("2025-04-01", "month")),
    # a month naming its ban (forty-second pass, dev-1932)
    ("the listings followed the January ban on dual-use exports", "2026-02-24",
     ("2026-01-01", "month")),
    ("China last week extended its controls", "2025-10-14", ("2025-10-06", "week")),
    ("已于11月7日发布公告", "2025-11-10", ("2025-11-07", "day")),
    ("自2023年8月1日起对镓、锗相关物项实施出口管制", "2025-09-03", ("2023-08-01", "day")),
    ("商务部、海关总署去年8月发布公告", "2025-05-20", ("2024-08-01", "month")),
    ("商务部上周五发布公告", "2025-11-12", ("2025-11-07", "day")),
    ("China’s October rare earth export controls", "2025-12-01", ("2025-10-01", "month")),
    ("Controls on gallium took effect in August last year", "2024-09-16",
     ("2023-08-01", "month")),
    ("introduced in April last year", "2026-04-07", ("2025-04-01", "month")),
    ("placed gallium under licensing in 2023", "2025-06-18", ("2023-01-01", "year")),
    ("2023年以来，商务部", "2025-06-18", ("2023-01-01", "year")),
    ("自今年3月9日起对锑实施管制", "2025-11-20", ("2025-03-09", "day")),  # a day of a relative year
    ("去年12月3日公布的措施", "2025-06-18", ("2024-12-03", "day")),
    # a day of a relative month (forty-first pass, dev-1836), across a year's end too
    ("本月3日商务部、海关总署发布的公告", "2023-07-06", ("2023-07-03", "day")),
    # the day in brackets after 今 or 昨, as Taiwan's and Hong Kong's papers write it
    ("大陆商务部今（9）日上午发布两项公告", "2025-10-09", ("2025-10-09", "day")),
    ("商务部昨(8)日宣布", "2025-10-09", ("2025-10-08", "day")),
    ("中国商务部昨（9日）发布两项公告", "2025-10-10", ("2025-10-09", "day")),
    # a season of a year is its three months (forty-fifth pass)
    ("Since summer 2023, exports of germanium have been subject to strict controls.",
     "2025-07-29", ("2023-06-01", "month")),
    ("the curbs China imposed last summer", "2025-03-01", ("2024-06-01", "month")),
    ("上月28日发布的公告", "2026-01-05", ("2025-12-28", "day")),
    # a day of a relative year in English, yesterday, and a since-clause's "from" (ninth pass)
    ("items that cannot leave without approval since Feb 4 last year", "2026-06-11",
     ("2025-02-04", "day")),
    ("the ministry announced a series of measures yesterday", "2025-10-10", ("2025-10-09", "day")),
    ("since China put the controls on seven metals from April 4, buyers", "2025-06-05",
     ("2025-04-04", "day")),
    # an anniversary is a day, not a year (sixteenth pass, dev-617)
    ("两年前的今天，商务部、海关总署宣布对镓、锗相关物项实施出口管制", "2025-07-03",
     ("2023-07-03", "day")),
    ("Two years ago today, China announced controls on gallium", "2025-07-03",
     ("2023-07-03", "day")),
    # a month that runs to a month with its year is of that year (twenty-seventh pass)
    ("exports fell from March to June 2025", "2026-05-28", ("2025-03-01", "month")),
    ("shipments in March and June last year", "2026-05-28", ("2025-03-01", "month")),
    ("from November to February 2025", "2026-05-28", ("2024-11-01", "month")),
])
def test_dates_resolved_from_the_documents_date(sentence, published, expected):
    found = dates_in(sentence, published)
    assert found, sentence
    assert (found[0].first, found[0].precision) == expected


@pytest.mark.parametrize("sentence", ["商务部公告2024年第46号第二款", "Announcement No. 23 of 2023",
                                      "the company's 2024-2025 plan"])
def test_years_inside_numbers_are_no_dates(sentence):
    assert dates_in(sentence, "2025-06-18") == []





@pytest.mark.parametrize(("sentence", "found"), [
    ("Only International Trade Today helps you stay current on trade rules.", []),
    ("USA Today reported the controls.", []),
    ("Today, the ministry announced controls on gallium.", ["Today"]),
    ("The ministry announced today that gallium is controlled.", ["today"]),
])
def test_a_titles_today_after_a_capitalized_word_is_no_date(sentence, found) -> None:
    """"International Trade Today", "USA Today" (fifty-seventh pass): a publication's name, not
    the page's day; "Today," opening a sentence and "announced today" are the day."""
    assert [d.text for d in dates_in(sentence, "2025-10-09")] == found


def test_a_full_date_whose_comma_lost_its_space_is_read() -> None:
    """"April 4,2025" is a full date, as "April 4, 2025" (a page copied without the spaces after
    its commas), and "4 April,2025" too."""
    assert [(d.text, d.first) for d in dates_in("controls implemented on April 4,2025,targeted "
                                                "items and on 4 April,2025", "2025-10-10")] == [
        ("April 4,2025", "2025-04-04"), ("4 April,2025", "2025-04-04")]


def test_a_day_joined_to_a_day_before_it_shares_its_month():
    """"4月4日和9日" is 4 and 9 April, not the 9th of the publication's month (forty-fourth
    pass); a bare day alone keeps its reading."""
    found = [(d.text, d.first) for d in dates_in("商务部于4月4日和9日分别发布公告", "2025-05-14")]
    assert found == [("4月4日", "2025-04-04"), ("9日", "2025-04-09")]
    assert [d.first for d in dates_in("11月8日至10日举行", "2025-12-01")][1] == "2025-11-10"
    assert [d.first for d in dates_in("商务部15日发布", "2025-05-14")] == ["2025-04-15"]


def test_datelines_give_the_day():
    assert dateline("BEIJING, Oct. 20 (Xinhua) -- China said", "2025-10-20") == "2025-10-20"
    assert dateline("新华社北京8月15日电 商务部、海关总署15日发布", "2024-08-15") == "2024-08-15"
    sentences, _ = read_document("t", "新华社北京8月15日电 商务部、海关总署15日发布公告。",
                                 "2024-08-16")
    assert [d.first for d in sentences[1].dates] == ["2024-08-15"]


def test_the_best_explanation_wins_and_equals_are_a_package(archive):
    """"Rare-earth technologies" is No. 62's subject (its title), not the other rare-earth
    measures of the day; "rare earth export controls" of a month whose measures are all of one
    day are that day's rare-earth measures (the forty-eighth pass: rare earths alone name them;
    superhard materials no longer, fifty-eighth pass)."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57", "MOFCOM-2025-55"))
    no62 = own_page("MOFCOM-2025-62", "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定",
                    "2025-10-09", ["MOFCOM"], [])
    night(archive, "2025-10-11", no62)
    one = news("Technologies", "The measures announced on Thursday cover rare-earth technologies.",
               "2025-10-10", "https://www.example.cn/1.html")
    both = news("Rare earths", "China's October rare earth export controls have been criticized.",
                "2025-12-01", "https://www.example.cn/2.html")
    night(archive, "2025-12-01", one, both)
    assert list(links(archive, one.url)) == ["MOFCOM-2025-62"]
    assert sorted(links(archive, both.url)) == ["MOFCOM-2025-57", "MOFCOM-2025-62"]


def test_a_sentence_dated_by_the_one_before():
    body = ("China on Friday announced export controls on samarium. On the same day, MOFCOM "
            "placed 16 US entities on its export control list.")
    sentences, _ = read_document("t", body, "2025-04-05")
    assert sentences[2].inherited and sentences[2].dates[0].first == "2025-04-04"


def test_the_same_day_is_the_day_of_the_event_before_not_an_effective_date():
    body = ("新华社北京6月3日电 商务部3日发布公告，自7月1日起对钼实施出口管制。"
            "同日，海关总署发布公告，调整相关商品编码，自7月15日起施行。")
    sentences, _ = read_document("t", body, "2025-06-03")
    assert sentences[2].inherited
    assert "2025-06-03" in [d.first for d in sentences[2].dates]
    assert "2025-07-01" not in [d.first for d in sentences[2].dates]


def test_the_same_day_skips_an_effective_date_told_in_a_sentence_between():
    body = ("The ministry's decision, published on Thursday, covers foreign-made rare earth items. "
            "Its provisions take effect on Dec 1. In a separate decision the same day, the "
            "ministry put rare-earth technologies under licence.")
    sentences, _ = read_document("t", body, "2025-10-10")
    assert sentences[3].inherited
    assert [d.first for d in sentences[3].dates] == ["2025-10-09"]


def test_licences_tell_of_a_measure():
    sentences, _ = read_document("t", "The items have needed export licences since May.",
                                 "2025-08-01")
    assert sentences[1].act
    sentences, _ = read_document("t", "相关企业已提交出口许可申请。", "2025-08-01")
    assert sentences[1].act


# --- links, reasons, candidates ------------------------------------------------------------------

def test_a_day_and_a_subject_link_the_measure_with_the_strongest_reason_first(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-21", "UEL-2025-7",
                                           "MOFCOM-2025-57"))
    item = news("Rare earth controls conform with global practice",
                "China's export controls on seven medium and heavy rare earth items, announced "
                "on Friday, are in line with international practice.", "2025-04-05 08:12")
    night(archive, "2025-10-11", item)
    found = links(archive, item.url)
    assert list(found) == ["MOFCOM-2025-18"]  # No. 21 and UEL 7 were published that day too
    assert found["MOFCOM-2025-18"].startswith(
        "inferred: describes the measure of 2025-04-04 (“on Friday”); subjects in its title: "
        "medium and heavy rare earths, rare earths")


def test_counts_and_lists_pick_the_listing_measures_of_a_day(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-21", "UEL-2025-7"))
    item = news("China puts US firms on control lists",
                "China on Friday announced export controls on seven rare earths. On the same "
                "day, MOFCOM placed 16 US entities on its export control list, while the "
                "Unreliable Entity List working mechanism added 11 US entities to the list.",
                "2025-04-04 22:05")
    night(archive, "2025-10-11", item)
    found = links(archive, item.url)
    assert set(found) == {"MOFCOM-2025-18", "MOFCOM-2025-21", "UEL-2025-7"}
    assert "16 entities on the export control list" in found["MOFCOM-2025-21"]


def test_the_news_shorthand_of_the_list_and_of_us_firms_counted(archive):
    """出口管制名单 for 出口管制管控名单, 11家美企 for 11家美国企业 (fifty-third pass): the news's
    shorthand names the list and counts the firms, as the full words do."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-21", "UEL-2025-7"))
    texts = {"list": "除关税外，商务部将 16 家美国实体列入出口管制名单，涵盖航空等领域。",
             "firms": "不可靠实体清单新增 11 家美企，限制其在华经营。"}
    found = links_of_texts(archive, "反制措施", texts, "2025-04-06")
    assert found == {"list": ["MOFCOM-2025-21"], "firms": ["UEL-2025-7"]}


def test_measures_just_issued_on_a_subject_are_that_days_measures_on_it(archive):
    """此次出台的稀土出口管制措施 in a spokesperson's answer a week after 9 October 2025
    (fifty-third pass): measures just issued, all of one day, are that day's measures on the
    subject named (the rare earth ones), as a calendar week's are; a measure on the subject
    from months before is not among them."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          own_page("MOFCOM-2025-62", "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定",
                   "2025-10-09", ["MOFCOM"], []))
    text = {"answer": "何咏前表示，此次出台的稀土出口管制措施是完善出口管制体系的正常行为。"}
    found = links_of_texts(archive, "商务部回应稀土出口问题", text, "2025-10-16")
    assert found == {"answer": ["MOFCOM-2025-57", "MOFCOM-2025-62"]}
    night(archive, "2025-10-11", *measures("MOFCOM-2025-18"))  # (April: outside the weeks)
    assert links_of_texts(archive, "商务部回应", text, "2025-10-16") == found


def test_measures_issued_recently_on_a_subject_are_that_days_measures_on_it(archive):
    """近期出台的稀土出口管制措施, "China's new export control rules on rare earths" a week after
    9 October 2025 (fifty-fourth pass): recent measures, all of one day, are that day's measures
    on the subject named, as 此次出台的 are; the US side's measures told recently are not
    China's package."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-55", "MOFCOM-2025-57",
                                           "MOFCOM-2025-58"),
          own_page("MOFCOM-2025-62", "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定",
                   "2025-10-09", ["MOFCOM"], []))
    texts = {"zh": "商务部新闻发言人12日就中方近期出台的稀土相关出口管制措施答记者问。"}
    found = links_of_texts(archive, "商务部答记者问", texts, "2025-10-12")
    assert found == {"zh": ["MOFCOM-2025-57", "MOFCOM-2025-62"]}
    items = {"new": news("Rare leverage", "The week has brought concern around the world about "
                         "China's new export control rules on rare earths.", "2025-10-17",
                         "https://www.example.cn/new.html"),
             "us": news("China's export controls", "The US side recently announced a series of "
                        "restrictive measures against China, which damaged China's interests.",
                        "2025-10-13", "https://www.example.cn/us.html")}
    night(archive, "2025-10-17", *items.values())
    assert sorted(links(archive, items["new"].url)) == ["MOFCOM-2025-57", "MOFCOM-2025-62"]
    assert links(archive, items["us"].url) == {}
    # ... nor are the US side's told on "the same day" as China's, a day lent by the sentence
    # before (its words before the day are that sentence's)
    lent = news("Rare earths", "On October 9, China announced export controls on holmium, "
                "erbium, thulium, europium and ytterbium. The US side announced a series of "
                "restrictive measures against China the same day.", "2025-10-13",
                "https://www.example.cn/lent.html")
    night(archive, "2025-10-13", lent)
    assert sorted(links(archive, lent.url)) == ["MOFCOM-2025-57"]


def test_the_one_suspension_of_the_goods_named_brings_what_it_suspended(archive):
    """暂停实施此前…出台的针对稀土、锂电池、超硬材料及相关技术的出口管制 with no date (fifty-fourth
    pass): the one instrument that suspended controls on all the goods named is No. 70, and it
    brings the measures it suspended on those goods; one good alone names no instrument."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    texts = {"three": "作为对等措施，中国商务部也宣布暂停实施此前为反制该规则而出台的针对稀土、"
                      "锂电池、超硬材料及相关技术的出口管制。",
             "one": "作为对等措施，中国商务部也宣布暂停实施此前出台的针对超硬材料的出口管制。"}
    found = links_of_texts(archive, "釜山休战后的贸易限制措施变化", texts, "2025-11-15")
    assert found["three"] == ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                              "MOFCOM-2025-70"]
    assert "MOFCOM-2025-70" not in found["one"]


def test_the_one_suspension_of_a_ban_on_goods_to_a_country(archive):
    """"Now, MOFCOM has announced the suspension of the ban on exports of … dual-use items to the
    U.S. that had been implemented since 2024, including gallium, germanium, antimony"
    (fifty-fourth pass): the ban (No. 46 of 2024) and the one instrument that suspended it
    (No. 72 of 2025) both fit the goods; the instrument is the suspension told, and the year is
    the ban's."""
    ban = "原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口。"
    no46 = own_page("MOFCOM-2024-46", "商务部公告2024年第46号 关于加强相关两用物项对美国出口"
                    "管制的公告", "2024-12-03", ["MOFCOM"], [MeasureEvent(
                        "partially_suspended", date="2025-11-09", until="2026-11-27",
                        by_measure="MOFCOM-2025-72", clause="第二款")])
    no72 = own_page("MOFCOM-2025-72", "商务部公告2025年第72号 关于暂停实施商务部公告2024年第46号"
                    "第二款的公告", "2025-11-09", ["MOFCOM"], [])
    for item in (no46, no72):
        item.body += "\n" + ban
        item.content_hash = content_hash(item)
    # (with No. 33 of 2024 on antimony and superhard materials, 2024 names no one measure)
    no33 = own_page("MOFCOM-2024-33", "商务部 海关总署公告2024年第33号 关于对锑、超硬材料相关物项"
                    "实施出口管制的公告", "2024-08-15", JOINT, [])
    night(archive, "2025-11-10", no33, no46, no72)
    item = news("U.S. mining companies plan to increase the production of antimony",
                "Now, the Chinese Ministry of Commerce has announced the suspension of the ban on "
                "exports of certain strategic dual-use items to the U.S. that had been implemented "
                "since 2024, including gallium, germanium, antimony and superhard materials.",
                "2025-11-20")
    night(archive, "2025-11-20", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2024-46", "MOFCOM-2025-72"]


def test_the_measures_of_a_month_told_suspended_are_its_package(archive):
    """中国上周表示将暂停10月实施的限制措施一年 (fifty-fourth pass): measures suspended, named
    by the month they were put in place with no subject, are that month's package when all of
    it is of one day, and their suspension brings its instrument."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-18", "MOFCOM-2025-55", "MOFCOM-2025-57",
                                           "MOFCOM-2025-58", "MOFCOM-2025-70"))
    texts = {"month": "在中美达成协议后，中国上周表示将暂停10月实施的限制措施一年。"}
    found = links_of_texts(archive, "中国设计新稀土许可制度", texts, "2025-11-10")
    assert found == {"month": ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                               "MOFCOM-2025-70"]}


def test_a_photo_caption_is_not_the_lead():
    """美国总统川普（左）和中国国家主席习近平（右）。（法新社资料照） (fifty-fourth pass): a photo's
    caption and its credit tell the picture; the lead is the title and the two sentences after
    them."""
    from pipelines.linking import _lead
    texts = [("中国设计新稀土许可制度", ""), ("美国总统川普（左）和中国国家主席习近平（右）。", ""),
             ("（法新社资料照）", ""), ("业界人士表示，中国已开始设计新的许可制度。", ""),
             ("商务部已告知部分出口商。", ""), ("第三句。", "")]
    assert _lead(texts) == "中国设计新稀土许可制度 业界人士表示，中国已开始设计新的许可制度。 " \
                           "商务部已告知部分出口商。"
    assert _lead(texts[:1] + texts[3:]) == _lead(texts)
    plain = [("标题", ""), ("第一句。", ""), ("第二句。", ""), ("第三句。", "")]
    assert _lead(plain) == "标题 第一句。 第二句。"


def test_new_measures_after_the_national_day_holiday_are_those_of_its_weeks(archive):
    """国庆节后，面对中国出台新的稀土出口管制措施 on 17 October 2025 (fifty-third pass): the rare
    earth measures of the one day of those weeks, 9 October, not No. 18 of April."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-55", "MOFCOM-2025-57",
                                           "MOFCOM-2025-58"))
    text = {"column": "国庆节后，面对中国出台新的稀土出口管制措施，美方声称事前并未接获任何通知。"}
    found = links_of_texts(archive, "美方不要以己度人", text, "2025-10-17")
    assert found == {"column": ["MOFCOM-2025-57"]}


def test_controls_begun_in_a_month_are_the_measure_effective_then(archive):
    """中国去年9月开始对锑相关物项实施出口管制 (fifty-third pass): controls that began to apply in
    a month name the measure effective then (No. 33 of 2024, effective 15 September), as
    "began" and 起实施 do; the December ban on exports to the US in the same sentence is
    No. 46, also on antimony."""
    no33 = own_page("MOFCOM-2024-33", "商务部 海关总署公告2024年第33号 关于对锑等物项实施出口管制"
                    "的公告", "2024-08-15", JOINT, [MeasureEvent("effective", date="2024-09-15")])
    no46 = measures("MOFCOM-2024-46")[0]
    no46.body += "\n原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口。"
    no46.content_hash = content_hash(no46)
    night(archive, "2025-01-10", no33, no46)
    text = {"both": "路透报导，中国去年9月开始对锑相关物项实施出口管制，去年12月宣布原则上不准"
                    "对美国出口锑。"}
    found = links_of_texts(archive, "锑", text, "2025-06-20")
    assert found == {"both": ["MOFCOM-2024-33", "MOFCOM-2024-46"]}


def test_two_measures_fitting_equally_are_review_candidates_not_links(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    item = news("MOFCOM: compliant applications will be approved",
                "Asked whether companies could expect faster approvals under the export "
                "controls on medium and heavy rare earth items, the spokesperson said reviews "
                "follow the law.", "2025-10-23 21:14")
    night(archive, "2025-10-24", item)
    assert links(archive, item.url) == {}
    candidates = archive.link_candidates(document_id(item.url))
    assert {c["measure"] for c in candidates} == {"MOFCOM-2025-18", "MOFCOM-2025-57"}
    assert all(c["score"] < LINK_SCORE and c["reason"].startswith("inferred: ")
               for c in candidates)
    rows = list(archive.db.query("select measure, title, measure_title from link_review"))
    assert {r["measure"] for r in rows} == {"MOFCOM-2025-18", "MOFCOM-2025-57"}


def test_no_link_without_a_subject_or_with_the_wrong_date(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-10"))
    items = [
        news("Soybeans", "In November, China announced a suspension of tariffs on soybeans.",
             "2026-01-06", "https://www.example.cn/1.html"),
        news("Rare earths", "On April 5, MOFCOM unveiled export controls on rare earths.",
             "2025-05-12", "https://www.example.cn/2.html"),
        news("Strategic minerals", "China's export controls on strategic minerals are lawful.",
             "2025-05-12", "https://www.example.cn/3.html"),
        news("Before the measure", "On Tuesday, export controls on tungsten were discussed.",
             "2025-01-30", "https://www.example.cn/4.html"),  # No. 10 came on 4 February
    ]
    night(archive, "2025-10-11", *items)
    assert all(links(archive, item.url) == {} for item in items)


def test_a_suspension_links_its_instrument_and_every_measure_it_suspends(archive):
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    item = news("Export measures help with sustainable development",
                "In November, China announced a one-year suspension of export controls on "
                "rare earths, super-hard materials and other strategic resources.", "2026-01-06")
    night(archive, "2026-01-06", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-70"]


def test_a_number_is_never_inferred_again(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18"))
    item = news("Rare earths", "On April 4, in a joint announcement (MOFCOM and GACC "
                "Announcement No. 18 of 2025), MOFCOM and GACC unveiled export controls on "
                "medium and heavy rare earths.", "2025-05-12")
    night(archive, "2025-10-11", item)
    rows = list(archive.db.query("select relation, reason from document_measures where "
                                 "document = ?", [document_id(item.url)]))
    assert len(rows) == 1 and rows[0]["reason"].startswith("cites MOFCOM-2025-18")


# --- precision: a link needs a text about the measure (dev-171 to dev-214) ------------------

def test_an_instrument_brings_only_the_suspended_measures_the_sentence_names(archive):
    """"The further controls on holmium … China suspended them in November": No. 57 and its
    instrument, not the other measures No. 70 suspends; "and other" brings them all."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    one = news("General licences", "The further controls on holmium, erbium, thulium, europium "
               "and ytterbium announced on October 9 do not require licences: China suspended "
               "them in November for one year.", "2025-12-10", "https://www.example.cn/1.html")
    night(archive, "2025-12-10", one)
    assert sorted(links(archive, one.url)) == ["MOFCOM-2025-57", "MOFCOM-2025-70"]


def test_a_count_given_for_several_dated_listings_is_their_sum(archive):
    """The 28 US entities listed on April 4 and April 9 are No. 21's 16 and No. 22's 12, not
    the 28 of No. 1 of January."""
    night(archive, "2025-05-14", *measures("MOFCOM-2025-1", "MOFCOM-2025-21", "MOFCOM-2025-22"))
    item = news("Suspension", "对4月4日和4月9日列入出口管制管控名单的28家美国实体，"
                "自5月14日起暂停实施相关管控措施90天。", "2025-05-15")
    night(archive, "2025-05-15", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-21", "MOFCOM-2025-22"]


def test_a_year_names_the_only_measure_of_its_subject_that_year(archive):
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23", "MOFCOM-2024-46"))
    item = news("Tungsten", "The move follows controls on gallium and germanium in 2023.",
                "2025-02-05", "https://www.example.cn/1.html")
    shared = news("Germanium", "China tightened controls on gallium and germanium in 2024 and "
                  "2023.", "2025-02-05", "https://www.example.cn/2.html")
    night(archive, "2025-02-06", item, shared)
    assert list(links(archive, item.url)) == ["MOFCOM-2023-23"]
    assert "the only measure on gallium, germanium of 2023" in links(archive, item.url)[
        "MOFCOM-2023-23"]
    assert "MOFCOM-2024-46" not in links(archive, shared.url)


def test_a_sentence_that_names_no_measure_describes_none(archive):
    """Dates and subjects shared with a measure are not enough: "gallium and germanium exports
    fell in August 2023" tells no control."""
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23"))
    prices = news("Gallium", "Gallium and germanium exports fell sharply in August 2023, "
                  "customs data show.", "2024-01-20", "https://www.example.cn/1.html")
    controls = news("Gallium", "Controls on gallium and germanium took effect in August last "
                    "year.", "2024-09-16", "https://www.example.cn/2.html")
    night(archive, "2025-02-06", prices, controls)
    assert links(archive, prices.url) == {}
    assert list(links(archive, controls.url)) == ["MOFCOM-2023-23"]


def test_a_sentence_without_a_subject_lends_the_documents_only_when_it_names_a_measure(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-57"))
    guidance = news("Medium and heavy rare earths", "The ministry issued guidance to exporters "
                    "on Thursday.", "2025-10-10", "https://www.example.cn/1.html")
    measures_ = news("Medium and heavy rare earths", "The ministry issued the measures on "
                     "Thursday.", "2025-10-10", "https://www.example.cn/2.html")
    night(archive, "2025-10-11", guidance, measures_)
    assert links(archive, guidance.url) == {}
    assert list(links(archive, measures_.url)) == ["MOFCOM-2025-57"]


def test_a_tariff_commission_decision_is_not_the_customs_schedule(archive):
    night(archive, "2025-11-06", *measures("GACC-2025-219"))
    decision = news("Tariffs", "Earlier in the week, the Customs Tariff Commission of the State "
                    "Council said China would lift some additional tariffs from Monday.",
                    "2025-11-08", "https://www.example.cn/1.html")
    schedule = news("Tariffs", "The adjusted tariff rates published by the General "
                    "Administration of Customs take effect on Monday.", "2025-11-08",
                    "https://www.example.cn/2.html")
    night(archive, "2025-11-08", decision, schedule)
    assert links(archive, decision.url) == {}
    assert list(links(archive, schedule.url)) == ["GACC-2025-219"]


def test_a_package_is_named_whatever_else_the_sentence_tells(archive):
    """"The US tariff threat … China's export control measures announced on Oct 9": the
    tariff is the US's, the package is the day's."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    item = news("MOFCOM responds", "MOFCOM said the US threat of an additional 100 percent "
                "tariff was a double standard, and that China's export control measures "
                "announced on Oct 9 are legitimate.", "2025-10-13")
    night(archive, "2025-10-13", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58"]


def test_a_planned_effective_date_names_a_measure_suspended_before_it(archive):
    night(archive, "2025-11-08", *measures("MOFCOM-2025-58"))
    archive.db.execute("update measures set effective = '2025-11-08' where id = 'MOFCOM-2025-58'")
    # as a run that stores the date does: the measure it touches is indexed again
    changed_profiles(archive, refresh_measures(archive, ["MOFCOM-2025-58"]))
    item = news("Batteries", "The export controls on lithium batteries and graphite anode "
                "materials that were due to take effect on November 8 were suspended.",
                "2025-11-20")
    night(archive, "2025-11-20", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2025-58"]


# --- decided at the end of the run, revisited later, whatever the order ---------------------

def test_a_story_archived_before_its_measure_is_linked_when_the_measure_arrives(archive):
    item = news("Export measures help with sustainable development",
                "In November, China announced a one-year suspension of export controls on "
                "rare earths, super-hard materials and other strategic resources.", "2026-01-06")
    night(archive, "2026-01-06", item)
    assert links(archive, item.url) == {}
    night(archive, "2026-01-07", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-70"))
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-70"]


def test_a_later_measure_can_make_a_link_ambiguous(archive):
    item = news("Rare earth approvals", "Asked about export controls on medium and heavy rare "
                "earth items, the spokesperson said reviews follow the law.", "2025-10-23")
    night(archive, "2025-10-01", *measures("MOFCOM-2025-18"))
    night(archive, "2025-10-23", item)
    night(archive, "2025-10-24", *measures("MOFCOM-2025-57"))
    assert links(archive, item.url) == {}
    assert {c["measure"] for c in archive.link_candidates(document_id(item.url))} == {
        "MOFCOM-2025-18", "MOFCOM-2025-57"}


def test_a_night_relinks_what_changed_not_the_archive(archive):
    stories = [news(f"Story {i}", f"China's export controls on tungsten {i} are lawful.",
                    "2025-03-01", f"https://www.example.cn/{i}.html") for i in range(30)]
    night(archive, "2025-03-01", *stories)
    unrelated = measures("MOFCOM-2025-58")  # lithium batteries: no story names them
    run_id = archive.start_run("2025-10-10", ["test"], None)
    for item in unrelated:
        store_item(archive, item, run_id, "2025-10-10")
    assert link_run(archive, run_id) == 1  # its own page only, not the 30 stories
    archive.finish_run(run_id, {})  # (an unfinished run is a killed one, its successor's to link)
    related = measures("MOFCOM-2025-10")  # tungsten: every story may describe it
    run_id = archive.start_run("2025-10-11", ["test"], None)
    for item in related:
        store_item(archive, item, run_id, "2025-10-11")
    assert link_run(archive, run_id) == 31
    archive.finish_run(run_id, {})
    # the measure's page again with a footer changed: its profile is what it was, so only its
    # own page is relinked, not the 30 stories (the night's cost follows what changed)
    before = {s.url: links(archive, s.url) for s in stories}
    again = measures("MOFCOM-2025-10")
    for item in again:
        item.body += "\n\n（完）"
        item.content_hash = content_hash(item)
    run_id = archive.start_run("2025-10-12", ["test"], None)
    for item in again:
        assert store_item(archive, item, run_id, "2025-10-12") == "changed"
    assert link_run(archive, run_id) == 1
    assert {s.url: links(archive, s.url) for s in stories} == before  # theirs are kept


def test_a_killed_runs_pages_and_measures_are_linked_by_the_run_that_continues_it(archive):
    """A night killed after it stored its pages and measures, before its end linked them (and
    its continuer killed too, having stored nothing new): the run that finally ends links them,
    as the unbroken night would have; the pages, unchanged, are no version of its own."""
    story = news("Rare earths", "China's export controls on medium and heavy rare earths, "
                 "announced on October 9, are lawful.", "2025-10-12")
    killed = archive.start_run("2025-10-12", ["test"], None)
    for item in [*measures("MOFCOM-2025-57"), story]:
        item.changes = item_changes(archive, item)
        store_item(archive, item, killed, "2025-10-12")
    archive.start_run("2025-10-12", ["test"], None)  # killed too, before it stored anything
    last = night(archive, "2025-10-12")
    assert archive.documents_versioned_in(last) == sorted(
        [document_id(story.url), *(document_id(m.url) for m in measures("MOFCOM-2025-57"))])
    assert "MOFCOM-2025-57" in archive.measures_touched_in(last)
    assert list(links(archive, story.url)) == ["MOFCOM-2025-57"]


def kuala_lumpur_story() -> DocumentItem:
    """A readout that says an arrangement is extended (a political statement), and describes the
    suspension of the October controls on rare earths and superhard materials."""
    return news("Kuala Lumpur arrangement extended",
                "China and the US agreed on extending the Kuala Lumpur joint arrangement to "
                "January 10, 2027, MOFCOM said on Monday.\n\nIn November 2025, China suspended "
                "the export controls on rare earths and superhard materials it had announced in "
                "October, until November 10, 2026.", "2026-09-28")


def test_statements_are_evidence_on_the_linked_suspended_measures_only(archive):
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-70",
                                           "MOFCOM-2025-21"))
    archive.db.execute("insert into measure_events (measure, kind, date, until) values "
                       "('MOFCOM-2025-21', 'suspension_continued', '2025-11-10', '2026-11-10')")
    item = kuala_lumpur_story()
    night(archive, "2026-09-28", item)
    extended = {r["measure"] for r in archive.db.query(
        "select measure from measure_events where kind = 'extension_announced'")}
    assert extended == {"MOFCOM-2025-55", "MOFCOM-2025-57"}  # not No. 21: not described
    [change] = [c for c in archive.changes(archive.latest_run_id())
                if c["kind"] == "new_document"]
    assert "extended to 2027-01-10" in change["summary"]


def crawl(tmp: Path, db: Path, as_of: str, *sources: str) -> None:
    args = ["crawl", "--db", str(db), "--reports", str(tmp / "reports"), "--mirror",
            str(NIGHTS / "2026-01-06"), "--as-of", as_of]
    for source in sources:
        args += ["--source", source]
    result = regwatch(*args, cwd=tmp)
    assert result.returncode == 0, result.stderr


def seed_003_links(db: Path) -> dict[str, tuple[str, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("select dm.measure, dm.relation, dm.confidence from document_measures "
                        "dm join documents d on d.id = dm.document where d.url = ?",
                        [SEED_003]).fetchall()
    conn.close()
    return {m: (relation, confidence) for m, relation, confidence in rows}


@pytest.mark.parametrize("order", [("chinadaily", "mofcom"), ("mofcom", "chinadaily"),
                                   ("chinadaily mofcom",)], ids=["news-first", "measures-first",
                                                                 "one-run"])
def test_the_china_daily_article_is_linked_whatever_the_order_of_pages(tmp_path, order):
    """The samples' China Daily article (seed 003) crawled through the mirror with the real
    spiders before, after or with the MOFCOM pages of the measures it describes."""
    db = tmp_path / "archive.db"
    for day, sources in zip(("2026-01-06", "2026-01-07"), order, strict=False):
        crawl(tmp_path, db, day, *sources.split())
    expected = {m: ("mentions", "low") for m in [*SUSPENDED, "MOFCOM-2025-70"]}
    assert seed_003_links(db) == expected


def test_an_archive_from_before_the_index_is_linked_whole_on_its_first_run(archive):
    item = news("Export measures help with sustainable development",
                "In November, China announced a one-year suspension of export controls on "
                "rare earths, super-hard materials and other strategic resources.", "2026-01-06")
    night(archive, "2026-01-06", *measures("MOFCOM-2025-55", "MOFCOM-2025-70"), item)
    with archive.transaction():  # as an archive migrated from before m401_link_index
        for table in ("measure_clues", "document_clues", "link_candidates"):
            archive.db.execute(f"delete from {table}")
        archive.db.execute("delete from document_measures where reason like 'inferred:%'")
        archive.db.execute("insert into link_pending select id from documents")
    night(archive, "2026-01-07")
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-70"]
    assert archive.documents_pending_links() == []


# --- what a night reads of the archive -------------------------------------------------------

def test_an_undated_sentence_about_too_many_measures_proposes_none(archive, monkeypatch):
    """More measures about its subjects than CANDIDATE_POOL: too vague to propose any."""
    import pipelines.linking

    monkeypatch.setattr(pipelines.linking, "CANDIDATE_POOL", 1)
    item = news("Rare earth approvals", "Asked about export controls on medium and heavy rare "
                "earth items, the spokesperson said reviews follow the law.", "2025-10-23")
    night(archive, "2025-10-24", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"), item)
    assert links(archive, item.url) == {}
    assert archive.link_candidates(document_id(item.url)) == []


def test_profiles_are_stored_and_an_older_build_is_rebuilt(archive):
    """A night reads the measures' stored profiles; one stored by an older build_profile (its
    version) is rebuilt, so links do not rest on what an older rule read."""
    import json

    night(archive, "2025-11-08", *measures("MOFCOM-2025-58"))
    row = archive.measure("MOFCOM-2025-58")
    stored = json.loads(row["link_profile_data"])
    assert "lithium_battery" in stored["title_subjects"] + stored["text_subjects"]
    stale = dict(stored, version=0, title_subjects=[], text_subjects=[], dates=[])
    archive.db.execute("update measures set link_profile_data = ? where id = ?",
                       [json.dumps(stale), "MOFCOM-2025-58"])
    item = news("Batteries", "The export controls on lithium batteries that MOFCOM announced "
                "on October 9 were suspended.", "2025-11-20")
    night(archive, "2025-11-20", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2025-58"]
    assert json.loads(archive.measure("MOFCOM-2025-58")["link_profile_data"])["version"] \
        == PROFILE_BUILD


def test_a_measure_never_profiled_is_profiled_at_the_next_night(archive):
    """An archive from before stored profiles: its measures get theirs (and their English
    titles' keys) at the next night, touched or not."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-58"))
    archive.db.execute("update measures set link_profile_data = null, link_english_core = null")
    assert archive.measures_without_link_profile() == ["MOFCOM-2025-58"]
    night(archive, "2025-11-09", news("Markets", "Prices were steady.", "2025-11-09"))
    assert archive.measures_without_link_profile() == []


def test_a_measure_profiled_by_an_older_build_gets_its_new_keys_at_the_next_night(archive):
    """Keys a newer build_profile indexes (a title's words, goods for a country) reach the
    measures an older one profiled, touched or not, so that a new page finds them."""
    night(archive, "2024-12-04", *measures("MOFCOM-2024-46"))
    stored = json.loads(archive.measure("MOFCOM-2024-46")["link_profile_data"])
    archive.db.execute("update measures set link_profile_data = ? where id = ?",
                       [json.dumps(dict(stored, version=f"{PROFILE_VERSION - 1}.0")),
                        "MOFCOM-2024-46"])
    archive.db.execute("delete from measure_clues where clue like 'goods_for:%'")
    assert archive.measures_without_link_profile(PROFILE_BUILD) == ["MOFCOM-2024-46"]
    item = news("Dual-use items", "China's decision to restrict exports of dual-use items to the "
                "United States is lawful, the ministry said.", "2024-12-06",
                url="https://www.example.cn/dual.html")
    night(archive, "2024-12-06", item)
    assert archive.measures_without_link_profile(PROFILE_BUILD) == []
    assert list(links(archive, item.url)) == ["MOFCOM-2024-46"]
    assert "the only measure on goods for US by then" in links(archive, item.url)["MOFCOM-2024-46"]


def test_a_profile_read_with_another_glossary_is_rebuilt_at_the_next_night(archive):
    """A measure's subjects are the glossary's: a profile stored by the same build_profile
    with another glossary (a term added or changed since) is rebuilt at the next night, touched
    or not, as one of an older build is (sixty-fifth pass)."""
    night(archive, "2024-12-04", *measures("MOFCOM-2024-46"))
    stored = json.loads(archive.measure("MOFCOM-2024-46")["link_profile_data"])
    assert stored["version"] == PROFILE_BUILD and PROFILE_BUILD.startswith(f"{PROFILE_VERSION}.")
    archive.db.execute("update measures set link_profile_data = ? where id = ?",
                       [json.dumps(dict(stored, version=f"{PROFILE_VERSION}.000000000000",
                                        title_subjects=[], text_subjects=[])),
                        "MOFCOM-2024-46"])
    assert archive.measures_without_link_profile(PROFILE_BUILD) == ["MOFCOM-2024-46"]
    night(archive, "2024-12-05", news("Markets", "Prices were steady.", "2024-12-05"))
    rebuilt = json.loads(archive.measure("MOFCOM-2024-46")["link_profile_data"])
    assert rebuilt["version"] == PROFILE_BUILD
    assert "dual_use_items" in rebuilt["title_subjects"]


def test_goods_named_by_class_for_a_country_name_its_only_measure_on_goods_so_far(archive):
    """Dual-use items to the US name No. 46 of 2024 while it is the only measure on goods for
    the US; entity listings targeting the US are no such measure, and a page from before No. 46
    links nothing."""
    night(archive, "2025-04-10", *measures("MOFCOM-2024-46", "MOFCOM-2025-1", "MOFCOM-2025-21"))
    later = news("Dual-use curbs", "China's tightened control of dual-use exports to the US is "
                 "reasonable, the ministry said.", "2025-04-10", url="https://www.example.cn/b.html")
    before = news("Dual-use curbs", "China's tightened control of dual-use exports to the US is "
                  "reasonable, the ministry said.", "2024-11-20", url="https://www.example.cn/c.html")
    night(archive, "2025-04-11", later, before)
    assert list(links(archive, later.url)) == ["MOFCOM-2024-46"]
    assert links(archive, before.url) == {}



def test_lists_told_by_what_they_do_to_those_on_them():
    assert terms_in("barred 6 US firms from import and export activities related to China",
                    kinds=("list",)) == {"unreliable_entity_list"}
    assert terms_in("its export control measures against 16 US entities",
                    kinds=("list",)) == {"export_control_list"}
    assert terms_in("export control measures on gallium", kinds=("list",)) == set()


def test_a_review_or_an_approval_before_export_tells_of_a_measure():
    sentences, _ = read_document("t", "The oxides became subject to a case-by-case review "
                                 "before they could leave China.", "2025-06-12")
    assert sentences[1].act
    sentences, _ = read_document("t", "The oxides became subject to heavy rain.", "2025-06-12")
    assert not sentences[1].act


def test_a_count_of_barred_firms_with_their_day_links_the_listing(archive):
    night(archive, "2025-04-10", *measures("MOFCOM-2025-22", "UEL-2025-7"))
    item = news("US firms barred", "China on Friday barred 11 US companies from engaging in "
                "import and export activities related to China.", "2025-04-05",
                "https://www.example.cn/barred.html")
    night(archive, "2025-04-10", item)
    assert list(links(archive, item.url)) == ["UEL-2025-7"]


def test_a_series_of_a_days_measures_is_the_whole_package(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-55", "MOFCOM-2025-58"))
    series = news("Q&A", "Q: The ministry announced a series of export control measures "
                  "yesterday, covering superhard materials. What is your comment?",
                  "2025-10-10", "https://www.example.cn/series.html")
    named = news("Q&A", "Q: The ministry announced export control measures yesterday, "
                 "covering superhard materials. What is your comment?",
                 "2025-10-10", "https://www.example.cn/named.html")
    night(archive, "2025-10-11", series, named)
    assert sorted(links(archive, series.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-58"]
    assert list(links(archive, named.url)) == ["MOFCOM-2025-55"]


# --- the tenth pass ---------------------------------------------------------------------------

def test_a_review_of_exports_tells_of_a_measure(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2023-23"))
    told = news("Optics makers face longer waits",
                "Since August 2023 China has applied end-user reviews to gallium exports.",
                "2025-06-02", url="https://www.example.cn/review.html")
    untold = news("Optics makers face longer waits",
                  "Since August 2023 Chinese gallium exports have fallen.", "2025-06-02",
                  url="https://www.example.cn/fallen.html")
    night(archive, "2025-10-11", told, untold)
    assert set(links(archive, told.url)) == {"MOFCOM-2023-23"}
    assert links(archive, untold.url) == {}
    for sentence, tells in (("Exporters wait for the review of gallium exports.", True),
                            ("Exporters wait for gallium exports.", False)):
        assert read_document("", sentence, "2025-06-02")[0][1].act is tells


def test_a_suspension_dated_beside_the_measures_date_names_its_instrument(archive):
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    item = news("A year of the arrangement",
                "In November China suspended the export control measures it had announced on "
                "October 9.", "2026-09-30")
    night(archive, "2026-09-30", item)
    assert set(links(archive, item.url)) == {"MOFCOM-2025-55", "MOFCOM-2025-57",
                                             "MOFCOM-2025-58", "MOFCOM-2025-70"}


def test_an_instrument_brings_no_target_on_another_list_than_the_sentences(archive):
    by_69 = [MeasureEvent("suspended", date="2025-11-10", until="2026-11-10",
                          by_measure="MOFCOM-2025-69")]
    table = {m: MEASURES[m] for m in ("MOFCOM-2025-21", "UEL-2025-7")}
    night(archive, "2025-11-06",
          own_page("MOFCOM-2025-21", *table["MOFCOM-2025-21"][:3], by_69),
          own_page("UEL-2025-7", *table["UEL-2025-7"][:3], by_69),
          own_page("MOFCOM-2025-69",
                   "商务部公告2025年第69号 关于调整出口管制管控名单相关措施的公告",
                   "2025-11-05", ["MOFCOM"], []))
    item = news("Adjustments take effect",
                "The suspension of measures on 16 US entities put on the export control list "
                "in April was extended for a year under an announcement MOFCOM issued on "
                "Wednesday.", "2025-11-10 21:00")
    night(archive, "2025-11-10", item)
    found = set(links(archive, item.url))
    assert {"MOFCOM-2025-21", "MOFCOM-2025-69"} <= found
    assert "UEL-2025-7" not in found


def test_a_count_added_to_the_list_named_before_is_on_that_list(archive):
    night(archive, "2025-10-10", *measures("MOFCOM-2025-1"))
    item = news("EU firms on the control list",
                "The control list has so far been used against US defense firms. In January "
                "2025, MOFCOM added 28 US entities to it.", "2026-07-25")
    night(archive, "2026-07-25", item)
    assert set(links(archive, item.url)) == {"MOFCOM-2025-1"}
    sentences, _ = read_document(item.title, item.body, "2026-07-25")
    assert sentences[-1].lists == {"export_control_list"}


def test_the_same_day_is_not_the_datelines_day():
    body = ("SHANGHAI, May 8 (Xinhua) -- The export control measures China took on Monday "
            "against 9 US entities are targeted, a spokesperson said. The working mechanism "
            "issued an announcement the same day.")
    sentences, _ = read_document("t", body, "2025-05-08")
    days = [d.first for d in sentences[2].dates]
    assert sentences[2].inherited and days == ["2025-05-05"]


# --- the twelfth pass (dev-455 to dev-534) -------------------------------------------------------



def no61() -> DocumentItem:
    """No. 61 with its own text (foreign-made magnets made with Chinese rare-earth technology)."""
    item = own_page("MOFCOM-2025-61", "商务部公告2025年第61号 "
                    "公布对境外相关稀土物项实施出口管制的决定", "2025-10-09", ["MOFCOM"],
                    SUSPENSION)
    item.body = f"{item.title}\n境外制造的稀土永磁材料，使用中国稀土相关技术生产的物项。"
    item.content_hash = content_hash(item)
    return item


NO62 = own_page("MOFCOM-2025-62", "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定",
                "2025-10-09", ["MOFCOM"], SUSPENSION)


def test_a_semicolon_carries_the_sentences_time_to_the_clause_after_it(archive):
    """同日，…；商务部、海关总署还发布公告，… (dev-462): the same day holds after the semicolon."""
    night(archive, "2025-04-05", *measures("MOFCOM-2025-18", "MOFCOM-2025-21", "UEL-2025-7"))
    item = news("不可靠实体清单", "4月4日，不可靠实体清单工作机制发布公告，将11家美国实体列入不可靠"
                "实体清单。同日，商务部发布公告，将16家美国实体列入出口管制管控名单；商务部、海关总署"
                "还发布公告，对钐、钆等7类中重稀土相关物项实施出口管制。", "2025-04-07")
    night(archive, "2025-04-07", item)
    assert "MOFCOM-2025-18" in links(archive, item.url)


def test_a_suspension_told_of_a_measure_cited_by_number_links_its_instrument(archive):
    """11月9日…暂停实施商务部公告2024年第46号第二款 (dev-480, -506): No. 72, No. 46 cited."""
    night(archive, "2025-11-10", own_page(
        "MOFCOM-2024-46", MEASURES["MOFCOM-2024-46"][0], "2024-12-03", ["MOFCOM"],
        [MeasureEvent("partially_suspended", date="2025-11-09", until="2026-11-27",
                      by_measure="MOFCOM-2025-72", clause="2")]),
        own_page("MOFCOM-2025-72", "商务部公告2025年第72号 关于暂停实施商务部公告2024年第46号"
                 "第二款的公告", "2025-11-09", ["MOFCOM"], []))
    item = news("答记者问", "发言人表示，中方已于11月9日发布公告，暂停实施商务部公告2024年第46号"
                "第二款，暂停期至2026年11月27日。", "2025-11-11")
    night(archive, "2025-11-11", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2025-72"]


def test_a_month_of_one_days_controls_names_that_days_package(archive):
    """"the relevant export control measures announced in October last year" (dev-477)."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    item = news("Press conference", "Question: The suspension of the relevant export control "
                "measures announced in October last year will expire on November 10.",
                "2026-10-16")
    night(archive, "2026-10-16", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-70"]


def test_a_documents_measures_of_a_day_are_that_days_package(archive):
    """"China's measures announced last Thursday" in a text on export controls (dev-473)."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    item = news("Tariff threats cannot change the logic of China's export controls",
                "The US tariff came after China announced export controls on rare earths, "
                "lithium batteries and superhard materials. China's measures announced last "
                "Thursday did not come out of nowhere.", "2025-10-13")
    night(archive, "2025-10-13", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58"]


def test_a_year_of_what_happens_to_items_of_several_years_names_no_measure(archive):
    """2025年…立案侦办…查获镓、锗、锑、钨、铋 (dev-509): the year dates the cases."""
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23", "MOFCOM-2025-10"))
    item = news("海关总署", "2025年全国海关立案侦办涉出口管制物项走私违规案件127起，查获镓、锗、"
                "钨、铋等战略矿产及相关物项逾300吨。", "2026-01-14")
    night(archive, "2026-01-14", item)
    assert links(archive, item.url) == {}


def test_an_announcement_in_the_singular_is_one_measure(archive):
    """"Under an announcement issued … on Thursday" (dev-519): the best of the day's only."""
    night(archive, "2025-10-10", no61(), NO62)
    item = news("Seoul sets up support desk", "Under an announcement issued by China's Ministry "
                "of Commerce on Thursday, foreign exporters will need a Chinese license to export "
                "foreign-made rare earth magnets that contain Chinese-origin rare earths worth 0.1 "
                "percent or more of the product's value, or that are made with Chinese rare earth "
                "technology.", "2025-10-14")
    night(archive, "2025-10-14", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2025-61"]


def test_the_end_of_a_suspension_names_its_instrument(archive):
    """"… announced in October, suspended until November this year" (dev-516): No. 70 too."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-70"))
    item = news("General licenses", "The further controls on holmium and erbium announced in "
                "October, suspended until November this year, leave buyers uncertain.",
                "2026-03-10")
    night(archive, "2026-03-10", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-57", "MOFCOM-2025-70"]


def test_another_governments_act_on_its_own_measure_describes_none_of_the_regime(archive):
    """A sentence whose every act is done by another government (the US putting a rule of its
    own on hold) tells no measure of the regime, whatever dates and subjects it shares."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    text = ("In November, {actor} suspended for one year its export controls on rare earths, "
            "super-hard materials and other strategic resources.")
    us = news("Export measures", text.format(actor="the US Commerce Department"), "2026-01-06",
              "https://www.example.cn/1.html")
    china = news("Export measures", text.format(actor="China's Ministry of Commerce"),
                 "2026-01-06", "https://www.example.cn/2.html")
    night(archive, "2026-01-06", us, china)
    assert links(archive, us.url) == {}
    assert "MOFCOM-2025-70" in links(archive, china.url)


def test_a_prohibition_tells_of_a_measure_as_a_ban_does(archive):
    """"China's decision on July 3 to prohibit sales of gallium and germanium to some buyers"
    tells a measure (a prohibition, like a ban); a decision to discuss them tells none."""
    night(archive, "2023-08-09", *measures("MOFCOM-2023-23"))
    text = ("Traders said the step followed China's decision on July 3 to {verb} sales of gallium "
            "and germanium to some buyers.")
    banned = news("Traders adjust", text.format(verb="prohibit"), "2023-08-10 09:00",
                  "https://www.example.cn/1.html")
    talked = news("Traders adjust", text.format(verb="discuss"), "2023-08-10 09:00",
                  "https://www.example.cn/2.html")
    night(archive, "2023-08-10", banned, talked)
    assert list(links(archive, banned.url)) == ["MOFCOM-2023-23"]
    assert links(archive, talked.url) == {}


# --- the fifteenth pass -----------------------------------------------------------------------

def plain61() -> DocumentItem:
    return own_page("MOFCOM-2025-61",
                    "商务部公告2025年第61号 公布对境外相关稀土物项实施出口管制的决定",
                    "2025-10-09", ["MOFCOM"], SUSPENSION)


def no70() -> DocumentItem:
    """No. 70 with its own text naming what it suspends."""
    item = own_page("MOFCOM-2025-70", *NO70)
    item.body = (f"{item.title}\n"
                 "暂停实施对中重稀土、超硬材料、锂电池和人造石墨负极材料相关物项的出口管制。")
    item.content_hash = content_hash(item)
    return item


def test_a_subject_inside_another_terms_words_is_not_named_in_its_own():
    """稀土 inside 境外稀土物项 names no rare-earth measure of its own (dev-619)."""
    from pipelines.linking import _most_specific
    assert _most_specific("中方10月9日宣布的有关稀土设备、稀土技术和境外稀土物项的新措施") == {
        "rare_earth_equipment", "rare_earth_technology", "overseas_items"}
    assert "rare_earth" in _most_specific("更多稀土物项")


def test_examples_after_a_suspensions_head_do_not_widen_it(archive):
    """"suspended the rare earth controls announced in October, including those on …"
    (dev-610): the head's subject picks the suspended measures out, the examples detail them."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          plain61(), NO62, no70())
    item = news("Tariff schedule", "On Friday evening, the ministry also suspended the rare earth "
                "controls announced in October, including those on medium and heavy rare earths, "
                "rare earth technologies and overseas rare earth items, until November 10, 2026.",
                "2025-11-08")
    night(archive, "2025-11-08", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-57", "MOFCOM-2025-61",
                                                "MOFCOM-2025-62", "MOFCOM-2025-70"]


def test_among_them_lists_examples_of_the_head_before_it(archive):
    """"suspended … the six announcements published on Oct 9, among them the controls on lithium
    batteries … and the rules on overseas rare earth items" (dev-832): "among them" introduces
    examples, as "including" does; the head names no subject, so No. 70 brings all it suspends."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          plain61(), NO62, no70())
    item = news("Op-ed", "MOFCOM and GACC Announcement No. 70 of 2025, issued on Nov 7, "
                "suspended until Nov 10, 2026 the six announcements published on Oct 9, among "
                "them the controls on lithium batteries and graphite anode materials and the "
                "rules on overseas rare earth items.", "2025-11-12")
    night(archive, "2025-11-12", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-61",
                                                "MOFCOM-2025-62"]


def test_an_act_done_to_them_speaks_of_the_documents_measure(archive):
    """"On November 7, the two authorities suspended them until November 10, 2026" (dev-386):
    "them" is a measure as a measure noun is, so the sentence lends the document's subjects and
    dates No. 58's suspension, which brings its instrument, No. 70."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-58", "MOFCOM-2025-70"))
    lead = ("Graphite anode makers see orders return. Chinese makers of graphite anode materials "
            "say buyers are back after the export controls on artificial graphite anode materials "
            "announced last month were put on hold. ")
    item = news("Anode makers", lead + "On November 7, the two authorities suspended them until "
                "November 10, 2026.", "2025-11-20")
    night(archive, "2025-11-20", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-58", "MOFCOM-2025-70"]


def test_a_suspension_of_several_measures_brings_only_those_its_subjects_name(archive):
    """"The controls on … rare earths, announced in October, were suspended until Nov 10" told of
    two of No. 70's measures (dev-312): the siblings bring No. 70's measures on rare earths, not
    superhard materials or batteries."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61(), no70())
    item = news("Q&A", "The controls on further rare earths, announced in October, were "
                "suspended until Nov 10 this year.", "2026-03-16")
    night(archive, "2026-03-16", item)
    found = set(links(archive, item.url))
    assert found >= {"MOFCOM-2025-70"}
    assert not found & {"MOFCOM-2025-55", "MOFCOM-2025-58"}


def test_announcements_counted_fewer_than_fit_and_the_second_of_them(archive):
    """"reading two new announcements" of Thursday when three of that day fit alike links none
    of them; "The second reaches beyond China's borders: … made abroad" is one of the two, of
    their day (dev-605)."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-57"), plain61(), NO62)
    text = ("Rare earth magnet producers spent Thursday evening reading two new announcements "
            "from the Ministry of Commerce.")
    second = (" The second reaches beyond China's borders: from December 1, foreign companies "
              "will need a Chinese licence to export magnets made abroad.")
    counted = news("New rules", text, "2025-10-10 00:40", "https://www.example.cn/1.html")
    both = news("New rules", text + second, "2025-10-10 00:40", "https://www.example.cn/2.html")
    night(archive, "2025-10-10", counted, both)
    assert links(archive, counted.url) == {}
    assert list(links(archive, both.url)) == ["MOFCOM-2025-61"]


# --- the sixteenth pass -----------------------------------------------------------------------

def test_a_days_measures_listed_in_full_are_the_whole_package(archive):
    """"the measures announced last Thursday, which cover rare earths, rare earth technologies,
    lithium batteries and superhard materials" (dev-624): every measure of the day named by a
    subject is the package, not only the best measure of each subject; a list leaving one of
    the day's measures out names only the best of those it names."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61(), NO62)
    said = ("It also followed the export control measures announced last Thursday, which cover "
            "rare earths, rare earth technologies{}.")
    full = news("Countermeasures", said.format(", lithium batteries and superhard materials"),
                "2025-10-14", "https://www.example.cn/full.html")
    part = news("Countermeasures", said.format(" and superhard materials"),
                "2025-10-14", "https://www.example.cn/part.html")
    night(archive, "2025-10-14", full, part)
    assert sorted(links(archive, full.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-61",
                                                "MOFCOM-2025-62"]
    assert "MOFCOM-2025-58" not in links(archive, part.url)
    assert len(links(archive, part.url)) < 4


# --- the seventeenth pass ---------------------------------------------------------------------

def test_the_means_goods_are_made_with_is_no_subject():
    """"magnets made abroad … or made with Chinese rare earth technology" (dev-676) describes
    No. 61's items; the technology is how they were made, not No. 62's subject."""
    from pipelines.linking import read_sentence
    made = read_sentence(0, "Foreign exporters need a licence for magnets that were made with "
                         "Chinese rare earth technology.", "2025-10-12")
    controlled = read_sentence(0, "China announced export controls on rare earth technology.",
                               "2025-10-12")
    assert "rare_earth_technology" not in made.subjects
    assert "rare_earth_technology" in controlled.subjects


def test_a_definite_noun_after_a_foreign_act_is_that_act():
    """"the suspension, which took effect on Monday" right after the US decision to suspend its
    rule (dev-690) is the US suspension; a sentence naming China's decision is not (dev-541)."""
    us = ("China welcomes the US decision to suspend its affiliates rule for one year. A ministry "
          "spokesperson said the suspension, which took effect on Monday, is an important step.")
    sentences, _ = read_document("t", us, "2025-11-11")
    assert sentences[1].foreign and sentences[2].foreign
    japan = ("Japanese trading houses have introduced new checks on goods they buy. The move "
             "follows China's decision on Jan 6 to prohibit sales of dual-use items.")
    sentences, _ = read_document("t", japan, "2026-02-10")
    assert not sentences[2].foreign


def test_minutes_after_an_event_and_a_day_earlier_are_days():
    """"Within minutes of the tariff announcement" is the day of the sentence before (dev-678);
    "announced a day earlier" counts back from the day the sentence names (dev-688)."""
    body = ("The Tariff Commission announced tariffs on Tuesday. Within minutes of the tariff "
            "announcement, the ministry announced export controls on tungsten.")
    sentences, _ = read_document("t", body, "2025-02-05")
    assert sentences[2].inherited and sentences[2].dates[0].first == "2025-02-04"
    found = dates_in("Japan on Wednesday lodged a protest over the export control measure "
                     "announced a day earlier.", "2026-01-08")
    assert [d.first for d in found] == ["2026-01-07", "2026-01-06"]


def test_overseas_made_items_are_foreign_made_items():
    assert "overseas_items" in terms_in("licences for certain overseas-made rare earth items")


def test_a_measure_in_force_before_a_month_took_effect_before_it(archive):
    """"the licensing rules for medium and heavy rare earths that were in force before October",
    told in December (dev-699): No. 18 of April, not No. 57 of October; the past tense makes
    "before October" this year's October, not next year's."""
    assert dates_in("the rules that were in force before October", "2025-12-01")[0].first \
        == "2025-10-01"
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    item = news("Rare earths", "Zhou said domestic exporters remain subject to the licensing "
                "rules for medium and heavy rare earths that were in force before October.",
                "2025-12-01")
    night(archive, "2025-12-01", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2025-18"]


def test_a_package_on_hold_until_a_month_is_its_suspension_of_all_it_names(archive):
    """"the package of controls announced in October, whose implementation is on hold until
    November" (dev-606): "on hold" is suspended, and a sentence dating the suspension of two or
    more of an instrument's targets describes that suspension, of every target it names, not
    only the measures its subjects pick best."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61(), NO62, no70())
    item = news("Magnets", "Zhou said exporters should also keep an eye on the package of "
                "controls announced in October, whose implementation is on hold until November "
                "and which covers further rare earths, rare earth equipment and technologies, "
                "lithium batteries and superhard materials.", "2026-01-05")
    night(archive, "2026-01-05", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-61",
                                                "MOFCOM-2025-62", "MOFCOM-2025-70"]


# --- the eighteenth pass (dev-715 to dev-754) ----------------------------------------------------


def test_the_day_a_speaker_outside_the_regime_spoke_dates_no_measure():
    """"Foreign exhibitors … said on Sunday that China's decision to pause …" (dev-740): Sunday
    is the day they spoke, not No. 72's day; the ministry's "said on Thursday" keeps its day."""
    from pipelines.linking import read_sentence
    fair = read_sentence(0, "Foreign exhibitors at the China International Import Expo said on "
                         "Sunday that China's decision to pause a set of export controls had "
                         "eased concerns.", "2025-11-09")
    ministry = read_sentence(0, "The Ministry of Commerce said on Sunday that it would pause a "
                             "set of export controls.", "2025-11-09")
    on_day = read_sentence(0, "On Sunday, China paused a set of export controls, exhibitors said.",
                           "2025-11-09")
    assert fair.dates == []
    assert [d.first for d in ministry.dates] == ["2025-11-09"]
    assert [d.first for d in on_day.dates] == ["2025-11-09"]


def test_what_foreign_made_goods_contain_is_no_subject():
    """"magnets … made abroad that contain Chinese-origin medium and heavy rare earths worth 0.1
    percent" (dev-738) is No. 61's foreign-made items, not No. 57's medium and heavy rare earths;
    "contain 0.1 percent" keeps the foreign-made items themselves (dev-53)."""
    from pipelines.linking import read_sentence
    abroad = read_sentence(0, "Foreign companies will need a licence to export magnets made abroad "
                           "that contain Chinese-origin medium and heavy rare earths worth 0.1 "
                           "percent or more of the value.", "2025-10-10")
    share = read_sentence(0, "Foreign companies need a licence to export products that contain "
                          "0.1 percent or more of Chinese-origin rare earths.", "2025-10-10")
    plain = read_sentence(0, "China imposed controls on alloys that contain medium and heavy rare "
                          "earths.", "2025-10-10")
    assert "overseas_items" in abroad.subjects
    assert "medium_heavy_rare_earth" not in abroad.subjects
    assert {"overseas_items", "rare_earth"} <= share.subjects
    assert "medium_heavy_rare_earth" in plain.subjects


def test_the_cause_a_story_answers_is_not_the_same_day():
    """"The move came in response to the U.S. administration's announcement on Wednesday. On the
    same day, China's Ministry of Commerce … announced export controls" (dev-751): the same day
    is Friday's news, not the US Wednesday."""
    body = ("BEIJING, April 4 (Xinhua) -- China will impose an additional tariff on US imports, "
            "the Customs Tariff Commission of the State Council said Friday. The move came in "
            "response to the U.S. administration's announcement on Wednesday of tariffs. On the "
            "same day, China's Ministry of Commerce announced export controls on seven medium "
            "and heavy rare earth items.")
    sentences, _ = read_document("t", body, "2025-04-04")
    assert sentences[3].inherited
    assert {d.first for d in sentences[3].dates} == {"2025-04-04"}


def test_a_list_of_processes_closed_by_technologies_is_the_subjects_technologies():
    """"rare earth mining, smelting, separation, magnet-making and recycling technologies"
    (dev-753) are rare-earth technologies (No. 62); "rare earth exports and technology" is not
    read as one term."""
    assert "rare_earth_technology" in terms_in(
        "exports of rare earth mining, smelting, separation, magnet-making and recycling "
        "technologies need licences")
    assert "rare_earth_technology" in terms_in("rare earth processing technologies")
    assert "rare_earth_technology" not in terms_in("rare earth exports and technology transfers")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The medium and heavy rare earth controls of April 2025 were never suspended.",
     ("2025-04-01", "2025-04-30")),
    ("the April 2025 controls", ("2025-04-01", "2025-04-30")),
    ("A pause of part of China's December 2024 controls on dual-use exports", ("2024-12-01",
                                                                              "2024-12-31")),
    ("The previous year, Beijing suspended part of that announcement.", ("2025-01-01",
                                                                          "2025-12-31")),
])
def test_a_month_with_its_year_and_the_previous_year(sentence, expected):
    """A month with its year is that month whatever stands before it (`dev-614`, `dev-332`);
    "the previous year" is last year, as "the previous month" is last month."""
    found = dates_in(sentence, "2026-11-09")
    assert [(d.first, d.last) for d in found] == [expected]


def test_announced_and_prohibited_in_chinese_tell_of_a_measure():
    """今年1月中方宣布禁止所有两用物项对日本军事用户出口 (dev-620, dev-586) tells of a measure as
    "announced a ban" does in English: 宣布 and 禁止 are act words."""
    from pipelines.linking import _names_a_measure, read_sentence
    told = read_sentence(0, "今年1月中方宣布禁止所有两用物项对日本军事用户出口以来，采购难度上升。",
                         "2026-06-30")
    prices = read_sentence(0, "今年1月两用物项价格上涨。", "2026-06-30")
    assert _names_a_measure(told)
    assert not _names_a_measure(prices)


def test_entities_added_to_the_same_list_are_on_the_list_last_named():
    """"added 14 entities … to its export control control list. … It is the first time the
    ministry has used the list … In February, it added 20 Japanese entities … to the same list"
    (dev-621): the same list is the one last named, sentences before."""
    body = ("The ministry on Friday added 14 EU entities to its export control control list. "
            "The entities harm China's security. In February, it added 20 Japanese entities to "
            "the same list.")
    sentences, _ = read_document("t", body, "2026-07-25")
    assert sentences[3].lists == {"export_control_list"}


def test_rare_earths_counted_are_the_medium_and_heavy_ones():
    """"the further controls on five more rare earths announced in October" (dev-516, dev-312)
    are No. 57's medium and heavy rare earths, not the package's other rare-earth measures;
    "two rare earth companies" counts no elements."""
    assert "medium_heavy_rare_earth" in terms_in("controls on five more rare earths")
    assert "medium_heavy_rare_earth" in terms_in("seven rare earth elements")
    assert "medium_heavy_rare_earth" not in terms_in("two rare earth companies merged")
    assert "medium_heavy_rare_earth" not in terms_in("rare earth magnets")


def test_entities_counted_on_a_list_not_named_fit_the_listings_of_that_count(archive):
    """"the 20 Japanese entities put on a Chinese list on February 24" (dev-578): No. 11 (control
    list) and No. 12 (watch list), 20 each that day, fit alike: review candidates, not links;
    "16 US entities put on a list on April 4" is No. 21 alone (No. 7 of the UEL listed 11)."""
    japan = [own_page("MOFCOM-2026-11", "商务部公告2026年第11号 关于将20家日本实体列入出口管制管控"
                      "名单的公告", "2026-02-24", ["MOFCOM"], []),
             own_page("MOFCOM-2026-12", "商务部公告2026年第12号 关于将20家日本实体列入关注"
                      "名单的公告", "2026-02-24", ["MOFCOM"], [])]
    night(archive, "2026-02-25", *japan, *measures("MOFCOM-2025-21", "UEL-2025-7"))
    both = news("Customs stops a shipment", "Customs stopped a shipment for one of the 20 "
                "Japanese entities put on a Chinese list on February 24.", "2026-04-16 20:15")
    one = news("Firms react", "Suppliers checked their orders from the 16 US entities put on a "
               "list on April 4.", "2025-04-10 10:00", url="https://www.example.cn/b.html")
    night(archive, "2026-04-17", both, one)
    assert links(archive, both.url) == {}
    candidates = archive.link_candidates(document_id(both.url))
    assert {c["measure"] for c in candidates} == {"MOFCOM-2026-11", "MOFCOM-2026-12"}
    assert set(links(archive, one.url)) == {"MOFCOM-2025-21"}


def test_a_deadline_before_a_date_is_not_the_same_day():
    """"Goods shipped before March 10 … will not be subject to the tariffs. On the same day, the
    Ministry of Commerce added 15 US entities …" (dev-692): the same day is the news's Tuesday,
    not the deadline's day."""
    body = ("China will impose tariffs on US farm products from March 10, the commission said on "
            "Tuesday. Goods shipped before March 10 will not be subject to the tariffs. On the "
            "same day, the Ministry of Commerce added 15 US entities to its export control list.")
    sentences, _ = read_document("t", body, "2025-03-04")
    assert sentences[3].inherited
    assert [d.first for d in sentences[3].dates] == ["2025-03-04"]


def test_a_count_is_on_the_list_of_its_own_clause():
    """"added 15 US entities to its export control list, …, and several US firms … were put on
    the unreliable entity list" (dev-692): 15 is no count against a UEL listing of 10."""
    from pipelines.linking import Profile, evidence, read_sentence
    s = read_sentence(0, "The ministry added 15 US entities to its export control list, and "
                      "several US firms were put on the unreliable entity list on Tuesday.",
                      "2025-03-04")
    uel = Profile(id="UEL-2025-5", series="UEL", published="2025-03-04",
                  category="entity_listing", issuers={"UEL working mechanism"}, title_zh="",
                  title_en="", lists={"unreliable_entity_list"}, count=10)
    control = Profile(id="MOFCOM-2025-13", series="MOFCOM", published="2025-03-04",
                      category="entity_listing", issuers={"MOFCOM"}, title_zh="", title_en="",
                      lists={"export_control_list"}, count=15)
    assert "other_count" not in evidence(s, uel, set(), "").kinds
    assert "count_list" in evidence(s, control, set(), "").kinds


# --- the nineteenth pass (dev-755 to dev-794) ----------------------------------------------------


def no33() -> DocumentItem:
    """No. 33 of 2024 with its own text (antimony and superhard-material equipment)."""
    item = own_page("MOFCOM-2024-33", "商务部 海关总署公告2024年第33号 "
                    "关于对锑等物项实施出口管制的公告", "2024-08-15", JOINT,
                    [MeasureEvent("effective", date="2024-09-15")])
    item.body = f"{item.title}\n锑矿、金属锑；超硬材料相关物项：六面顶压机关键部件、MPCVD设备。"
    item.content_hash = content_hash(item)
    return item


def test_superhard_equipment_named_by_its_item_is_its_subject(archive):
    """"cubic presses and other superhard material equipment brought under export control in
    September last year" (dev-757, dev-296): cubic presses and MPCVD equipment are the
    superhard-material items of No. 33 of 2024, a subject of its own (narrower than superhard
    materials), so the month and the item name it beside No. 55 of 2025's superhard materials."""
    assert terms_in("cubic presses") >= {"superhard_equipment", "superhard_materials"}
    assert "superhard_equipment" in terms_in("六面顶压机关键部件和微波等离子体化学气相沉积设备")
    assert "superhard_equipment" in terms_in("MPCVD equipment")
    night(archive, "2025-10-10", no33(), *measures("MOFCOM-2025-55"))
    item = news("Diamond wire", "A sales director expects the licensing process to become "
                "routine, as it did for cubic presses and other superhard material equipment "
                "brought under export control in September last year.", "2025-10-16")
    night(archive, "2025-10-16", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2024-33"]


def test_a_list_in_another_clause_does_not_stop_a_days_package(archive):
    """"去年11月，中方…暂停实施了去年10月9日公布的相关出口管制措施，并对出口管制管控名单等相关措施作出
    调整" (dev-735): the control list is named in the clause after 并, another act; the clause
    naming the measures of 9 October names no list, so it names that day's package (and the
    instrument of its suspension in November, as dev-402)."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-21"), no61(), NO62, no70())
    item = news("商务部负责人会见美国企业代表团", "该负责人指出，去年11月，中方根据吉隆坡磋商共识，"
                "暂停实施了去年10月9日公布的相关出口管制措施，并对出口管制管控名单等相关措施作出调整，"
                "展现了诚意。", "2026-10-15")
    night(archive, "2026-10-15", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-61",
                                                "MOFCOM-2025-62", "MOFCOM-2025-70"]


def test_a_foreign_act_still_to_come_keeps_the_sentence_foreign():
    """"welcomed the US decision to suspend … its rule …, saying the two sides would continue to
    discuss arrangements for the period after the suspension" (dev-95): the suspension still to
    end is the US's too, so the sentence tells only the US act and "the suspension, which took
    effect on Monday" after it is the US suspension, not No. 69 of that Monday. A sentence
    telling only acts to come (nothing done) is not read as another government's act."""
    us = ("The Ministry of Commerce on Tuesday welcomed the US decision to suspend for one year "
          "its rule extending export control restrictions to affiliates of companies on the "
          "Entity List, saying the two sides would continue to discuss arrangements for the "
          "period after the suspension. A ministry spokesperson said the suspension, which took "
          "effect on Monday, was an important step.")
    sentences, _ = read_document("t", us, "2025-11-12")
    assert sentences[1].foreign and sentences[2].foreign


def test_entities_counted_and_what_is_done_to_them_name_their_list(archive):
    """"中方对20家日本企业和机构禁止出口两用物项、对另外20家企业加强审查" (dev-542): entities
    counted and barred from dual-use items are on the export control list, entities counted
    whose exports get stricter review on the watch list, so the day and the counts name No. 11
    and No. 12 of 2026; a ban on dual-use items to military users counts no entities and names
    no list."""
    banned, watched = "中方对20家日本企业和机构禁止出口两用物项", "对另外20家企业加强审查"
    assert terms_in(banned, ("list",)) == {"export_control_list"}
    assert terms_in(watched, ("list",)) == {"watch_list"}
    assert terms_in("中方宣布禁止向日本军事用户出口两用物项", ("list",)) == set()
    # the ban told first, the entities counted after it (dev-330)
    assert terms_in("禁止向15家美国实体出口两用物项", ("list",)) == {"export_control_list"}
    night(archive, "2026-02-24",
          own_page("MOFCOM-2026-11", "商务部公告2026年第11号 "
                   "关于将20家日本实体列入出口管制管控名单的公告", "2026-02-24", ["MOFCOM"], []),
          own_page("MOFCOM-2026-12", "商务部公告2026年第12号 "
                   "关于将20家日本实体列入关注名单的公告", "2026-02-24", ["MOFCOM"], []))
    item = news("日本政府表态", f"据日本共同社2月24日报道，日本内阁官房长官就{banned}、"
                f"{watched}一事表示遗憾。", "2026-02-25")
    night(archive, "2026-02-25", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2026-11", "MOFCOM-2026-12"]


def no46_no72() -> list[DocumentItem]:
    """No. 46 of 2024 with its own text, part of it suspended by No. 72 of 2025."""
    title46, _, issuers46, _ = MEASURES["MOFCOM-2024-46"]
    part = MeasureEvent("partially_suspended", date="2025-11-09", until="2026-11-27",
                        by_measure="MOFCOM-2025-72")
    no46 = own_page("MOFCOM-2024-46", title46, "2024-12-03", issuers46, [part])
    no46.body = (f"{title46}\n原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口；"
                 "石墨两用物项对美国出口实施更严格的最终用户和最终用途审查。")
    no46.content_hash = content_hash(no46)
    no72 = own_page("MOFCOM-2025-72", "商务部公告2025年第72号 "
                    "关于暂停实施商务部公告2024年第46号第二款的公告", "2025-11-09", ["MOFCOM"], [])
    no72.body = f"{no72.title}\n镓、锗、锑、超硬材料、石墨对美国出口。"
    no72.content_hash = content_hash(no72)
    return [no46, no72]


def test_the_suspension_of_part_of_a_measure_names_its_partial_suspension(archive):
    """"The previous year, Beijing suspended the part of that announcement that had in principle
    denied gallium, germanium, antimony and superhard materials to the US" (dev-613, written in
    2026): part of No. 46 was suspended in 2025, by No. 72; a year alone identifies no measure,
    but a part suspended in it names the partial suspension of that year, and its instrument."""
    night(archive, "2025-11-10", *no46_no72(), *measures("MOFCOM-2023-23"))
    told = ("The previous year, Beijing suspended the part of that announcement that had in "
            "principle denied gallium, germanium, antimony and superhard materials to the US.")
    item = news("Ban", told, "2026-01-07")
    night(archive, "2026-01-07", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2024-46", "MOFCOM-2025-72"]
    whole = news("Ban", told.replace("the part of that announcement", "that announcement"),
                 "2026-01-07", url="https://www.example.cn/b.html")
    night(archive, "2026-01-08", whole)
    assert links(archive, whole.url) == {}


def test_an_undated_licence_requirement_fitting_two_measures_alike_proposes_both(archive):
    """"China's licence requirement for diamond growing equipment and related technology", no
    date (dev-615): diamonds grown are synthetic diamond, a licence requirement is a control,
    and No. 33 of 2024 and No. 55 of 2025 both name synthetic diamond in their texts: they fit
    alike (superhard materials, implied and in No. 55's title only, does not decide), so both are
    review candidates, not links."""
    assert "synthetic_diamond" in terms_in("diamond growing reactors and diamond-growing tools")
    no33_ = no33()
    no33_.body += "人造金刚石单晶合成工艺技术。"
    no33_.content_hash = content_hash(no33_)
    no55 = own_page("MOFCOM-2025-55", *MEASURES["MOFCOM-2025-55"][:3], [])
    no55.body = f"{no55.title}\n人造金刚石微粉、单晶及相关设备和技术。"
    no55.content_hash = content_hash(no55)
    night(archive, "2025-10-10", no33_, no55)
    item = news("Diamonds", "Some Indian companies purchase diamond growing reactors from China, "
                "and China's licence requirement for diamond growing equipment and related "
                "technology may extend delivery times.", "2025-10-15")
    night(archive, "2025-10-15", item)
    assert links(archive, item.url) == {}
    assert {c["measure"] for c in archive.link_candidates(document_id(item.url))} == {
        "MOFCOM-2024-33", "MOFCOM-2025-55"}


def test_a_measure_and_the_instrument_suspending_it_that_day_are_no_rivals(archive):
    """"自11月9日起，中国对美出口石墨不再适用更为严格的最终用户和最终用途审查" (dev-317): No. 46,
    whose suspension that day the sentence dates, and No. 72, the instrument of it, of that day,
    tie on the same evidence; they are one event, not two measures to choose from: both links."""
    night(archive, "2025-11-10", *no46_no72())
    item = news("石墨", "多家美国电池企业表示，自11月9日起，中国对美出口石墨不再适用"
                "更为严格的最终用户和最终用途审查，镓、锗、锑、超硬材料对美出口的许可申请"
                "也可依法受理。", "2025-11-12")
    night(archive, "2025-11-12", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2024-46", "MOFCOM-2025-72"]


def test_a_suspension_told_beside_a_stronger_link_still_brings_its_instrument(archive):
    """"China's decision in December last year to stop, in principle, licensing exports of
    gallium …" links No. 46 strongly; "suspended that paragraph of its December announcement
    until Nov 27, 2026" links it through its suspension by No. 72, which it brings, though the
    first sentence's link is the stronger (dev-240)."""
    night(archive, "2025-11-10", *no46_no72())
    item = news("Minerals", "The startup was caught by China's decision in December last year to "
                "stop, in principle, licensing exports of gallium, germanium and antimony to the "
                "US. China's Ministry of Commerce suspended that paragraph of its December "
                "announcement until Nov 27, 2026.", "2025-11-11")
    night(archive, "2025-11-11", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2024-46", "MOFCOM-2025-72"]


def test_a_generic_subject_does_not_break_a_tie(archive):
    """"28 US entities that were placed on the country's export control list in April" (dev-306)
    is No. 21 (16, April 4) and No. 22 (12, April 9) by their sum; "dual-use items", a generic
    subject named in No. 21's text only, picks out nothing and does not drop No. 22."""
    no21 = own_page("MOFCOM-2025-21", *MEASURES["MOFCOM-2025-21"])
    no21.body = f"{no21.title}\n禁止向上述实体出口两用物项。"
    no21.content_hash = content_hash(no21)
    night(archive, "2025-04-10", no21, *measures("MOFCOM-2025-22", "MOFCOM-2025-1"))
    item = news("Licences", "Chinese companies may once again apply for licences to export "
                "dual-use items to 28 US entities that were placed on the country's export "
                "control list in April.", "2025-05-15")
    night(archive, "2025-05-15", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-21", "MOFCOM-2025-22"]


def test_a_chinese_list_of_processes_closed_by_technologies_is_rare_earth_technologies():
    """"稀土开采、冶炼分离、…、稀土二次资源回收利用等相关技术" (dev-340) is 稀土相关技术 (No. 62),
    as the English list of the eighteenth pass; a list of exports or items is not."""
    assert "rare_earth_technology" in terms_in(
        "稀土开采、冶炼分离、金属冶炼、磁材制造、稀土二次资源回收利用等相关技术及其载体")
    assert "rare_earth_technology" not in terms_in("稀土出口、物项等技术")
    assert "rare_earth_technology" not in terms_in("稀土企业的技术人员")


def test_the_documents_subject_named_by_its_class_is_named(archive):
    """"had not applied for a licence for the metal, which has required one to be exported since
    Sept. 15, 2024" in a story on antimony ingots (dev-540): "the metal" is the document's
    antimony, named by its class, so the effective day names No. 33 of 2024; a sentence with
    no such noun lends the document's subject at a lower weight only."""
    night(archive, "2024-09-16", no33())
    body = ("Customs officers have stopped a shipment of antimony ingots declared as tin alloy. "
            "The company had not applied for a licence for {}, which has required one to be "
            "exported since Sept. 15, 2024.")
    item = news("Antimony ingots stopped", body.format("the metal"), "2025-05-14")
    plain = news("Antimony ingots stopped", body.format("the goods"), "2025-05-14",
                 url="https://www.example.cn/b.html")
    night(archive, "2025-05-14", item, plain)
    assert list(links(archive, item.url)) == ["MOFCOM-2024-33"]
    assert links(archive, plain.url) == {}


# --- the twenty-first pass: tied listings of a day ----------------------------------------------

LISTINGS_0304 = {  # id: (title_zh, body beyond the title)
    "MOFCOM-2025-13": ("商务部公告2025年第13号 关于将15家美国实体列入出口管制管控名单的公告", ""),
    "UEL-2025-5": ("不可靠实体清单工作机制公告〔2025〕5号 "
                   "关于将10家美国实体列入不可靠实体清单的公告",
                   "Lists US firms involved in arms sales to Taiwan on the Unreliable Entity "
                   "List."),
    "UEL-2025-6": ("不可靠实体清单工作机制公告〔2025〕6号",
                   "A second announcement of the day concerning US firms."),
}


def listings_0304() -> list[DocumentItem]:
    """Three listings of 4 March 2025; the content of UEL No. 6 is not known (title only)."""
    pages = []
    for measure_id, (title, more) in LISTINGS_0304.items():
        issuers = ["MOFCOM"] if measure_id.startswith("MOFCOM") else ["UEL working mechanism"]
        page = own_page(measure_id, title, "2025-03-04", issuers, [])
        page.body = f"{title}\n\n{more}".strip()
        page.content_hash = content_hash(page)
        pages.append(page)
    return pages


def candidates_of(archive: Archive, url: str) -> set[str]:
    return {c["measure"] for c in archive.link_candidates(document_id(url))}


def test_measures_taken_against_listed_firms_are_no_package_of_listings(archive):
    night(archive, "2025-03-05", *listings_0304())
    item = news("China adds 15 U.S. entities to export control list",
                "China's Ministry of Commerce on Tuesday added 15 U.S. entities to its export "
                "control list. In a separate announcement on Tuesday, the working mechanism of "
                "the unreliable entity list also took measures against U.S. firms.",
                "2025-03-04 17:20")
    night(archive, "2025-03-05", item)
    assert set(links(archive, item.url)) == {"MOFCOM-2025-13"}
    assert candidates_of(archive, item.url) == {"UEL-2025-5", "UEL-2025-6"}


def test_a_measure_of_unknown_content_is_not_ruled_out_by_subjects(archive):
    night(archive, "2025-03-05", *listings_0304())
    vague = news("China lists US firms",
                 "On Tuesday, the Ministry of Commerce added 15 US entities to its export control "
                 "list, and several US firms involved in arms sales to Taiwan were put on the "
                 "unreliable entity list.", "2025-03-04 17:20", "https://www.example.cn/1.html")
    counted = news("China lists US firms",
                   "On Tuesday, the Ministry of Commerce added 15 US entities to its export "
                   "control list, and 10 US firms involved in arms sales to Taiwan were put on the "
                   "unreliable entity list.", "2025-03-04 17:20", "https://www.example.cn/2.html")
    night(archive, "2025-03-05", vague, counted)
    assert set(links(archive, vague.url)) == {"MOFCOM-2025-13"}
    assert candidates_of(archive, vague.url) == {"UEL-2025-5", "UEL-2025-6"}
    # a count of entities still picks the listing whose title has it
    assert set(links(archive, counted.url)) == {"MOFCOM-2025-13", "UEL-2025-5"}


def test_a_chinese_count_of_entities_reads_through_a_clause_on_them(archive):
    night(archive, "2025-03-05", *listings_0304())
    item = news("中方禁止向15家美国实体出口两用物项",
                "3月4日，商务部宣布将15家美国实体列入出口管制管控名单。同日，不可靠实体清单工作机制"
                "将10家参与对台军售或与台湾地区开展所谓军事技术合作的美国企业列入不可靠实体清单。",
                "2025-03-06 09:50")
    item.language = "zh"
    night(archive, "2025-03-06", item)
    found = links(archive, item.url)
    assert set(found) == {"MOFCOM-2025-13", "UEL-2025-5"}
    assert "10 entities on the unreliable entity list" in found["UEL-2025-5"]


def test_a_date_told_in_one_lists_clause_does_not_date_the_other_list(archive):
    night(archive, "2025-03-05", *listings_0304())
    item = news("Lists that can be lifted",
                "On Monday, China stopped its measures against 15 US companies that it had "
                "placed on its export control list in March, and extended the suspension of its "
                "measures on 11 US drone companies on the unreliable entity list.",
                "2025-11-12 07:30")
    night(archive, "2025-11-12", item)
    found = links(archive, item.url)
    assert "UEL-2025-6" not in found and "UEL-2025-6" not in candidates_of(archive, item.url)
    assert "MOFCOM-2025-13" in found


def test_measures_still_suspended_name_the_running_suspensions_instrument(archive):
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                                           "MOFCOM-2025-70"))
    item = news("商务部：相关出口管制措施暂停实施期间企业出口无需申请许可",
                "商务部新闻发言人21日表示，去年10月9日公布的锂电池和人造石墨负极材料、超硬材料等相关"
                "出口管制措施目前仍处于暂停实施期间，企业出口上述物项无需申请许可。",
                "2026-05-21 17:30")
    item.language = "zh"
    night(archive, "2026-05-21", item)
    found = links(archive, item.url)
    assert {"MOFCOM-2025-55", "MOFCOM-2025-58", "MOFCOM-2025-70"} <= set(found)
    assert "running on 2026-05-21" in found["MOFCOM-2025-70"]


def test_a_time_in_days_or_weeks_after_an_act_counts_back_from_the_news():
    """"The probe comes less than three weeks after China placed export controls on seven medium
    and heavy rare earths", on 2025-04-23 (dev-179): the controls are of the three weeks before,
    so No. 18 of April 4; "three weeks after" is about three weeks, a week either way; months
    are too wide to date an act."""
    within = dates_in("The probe comes less than three weeks after China placed export "
                      "controls on seven rare earths.", "2025-04-23")
    assert [(d.first, d.last, d.precision) for d in within] == [
        ("2025-04-02", "2025-04-23", "week")]
    about = dates_in("On April 20, two weeks after the listing.", "2025-04-23")
    assert [(d.first, d.last) for d in about] == [("2025-04-20", "2025-04-20"),
                                                  ("2025-03-30", "2025-04-13")]
    assert dates_in("six months after China suspended the rules", "2026-05-21") == []


# --- twenty-second pass (links) ----------------------------------------------------------------

def test_a_relative_time_after_until_ends_a_period_and_dates_no_measure(archive):
    """"Until last month, the authorities had relied on the control list" (dev-253): "until"
    before a relative time makes it the end of a period, as before a named month; the listing of
    that month is not what the sentence tells of. "Last month, China added …" still dates it."""
    assert [d.role for d in dates_in("Until last month, exporters relied on the list.",
                                     "2026-03-02")] == ["until"]
    assert [d.role for d in dates_in("Till last week, exporters relied on the list.",
                                     "2026-03-02")] == ["until"]
    assert [d.role for d in dates_in("Last month, China added them.", "2026-03-02")] == ["on"]
    listing = own_page("MOFCOM-2026-11", "商务部公告2026年第11号 关于将20家日本实体列入出口管制管控"
                       "名单的公告", "2026-02-24", ["MOFCOM"], [])
    night(archive, "2026-02-25", listing)
    state = news("Watch list adds a layer",
                 "Until last month, the authorities had relied on the control list, which bans "
                 "exports of dual-use items to listed entities.", "2026-03-02 08:20")
    act = news("Control list grows",
               "Last month, the authorities added 20 Japanese entities to the control list, "
               "which bans exports of dual-use items to them.", "2026-03-02 08:30",
               url="https://www.example.cn/b.html")
    night(archive, "2026-03-02", state, act)
    assert links(archive, state.url) == {}
    assert "MOFCOM-2026-11" in links(archive, act.url)


def test_the_unified_list_is_the_dual_use_items_list_not_a_list_of_entities(archive):
    """"The unified list that took effect on Dec. 1 last year" (dev-242) is No. 51 of 2024, the
    dual-use items export control list that unified every controlled item: a list of entities is
    never called unified, so "its unified control list" is not the control list of entities."""
    assert terms_in("its unified control list", ("subject", "list")) == {"dual_use_list"}
    assert terms_in("统一的管制清单将整合此前分散的物项", ("subject", "list")) == {"dual_use_list"}
    assert terms_in("the control list of 16 US entities", ("list",)) == {"export_control_list"}
    unified = own_page("MOFCOM-2024-51", "商务部 工业和信息化部 海关总署 国家密码管理局"
                       "公告2024年第51号 关于发布《中华人民共和国两用物项出口管制清单》的公告",
                       "2024-11-15",
                       ["MOFCOM", "MIIT", "GACC", "SCA"],
                       [MeasureEvent("effective", date="2024-12-01")])
    night(archive, "2024-11-16", unified)
    told = news("Unified dual-use rules have made compliance easier",
                "The unified list that took effect on Dec. 1 last year gave every controlled "
                "item a single classification code.", "2025-12-02 16:20")
    other = news("Exporters check the control list",
                 "The control list that took effect on Dec. 1 last year bans exports to the "
                 "entities on it.", "2025-12-02 16:30", url="https://www.example.cn/c.html")
    night(archive, "2025-12-02", told, other)
    assert "MOFCOM-2024-51" in links(archive, told.url)
    assert links(archive, other.url) == {}


# --- twenty-third pass (links) -----------------------------------------------------------------

def no21_suspended_by_69() -> list[DocumentItem]:
    """No. 21 of 2025 (16 US entities on the control list), whose suspension No. 69 continued
    from 10 November 2025, and No. 69 (the control list and the unreliable entity list)."""
    no21 = own_page("MOFCOM-2025-21", *MEASURES["MOFCOM-2025-21"][:3], [MeasureEvent(
        "suspension_continued", date="2025-11-10", until="2026-11-10",
        by_measure="MOFCOM-2025-69")])
    no69 = own_page("MOFCOM-2025-69", "商务部公告2025年第69号 关于调整出口管制管控名单和不可靠实体"
                    "清单相关措施的公告", "2025-11-05", ["MOFCOM"],
                    [MeasureEvent("effective", date="2025-11-10")])
    return [no21, no69]


def test_a_suspension_counts_for_a_listing_only_in_a_clause_on_entities(archive):
    """"去年11月，中方…暂停实施了去年10月9日公布的相关出口管制措施，并对出口管制管控名单等相关措施
    作出调整" (dev-735): the suspension is told in the clause on the item controls of 9 October,
    the control list in the clause after 并; the control list's listing whose suspension was
    continued that November is not what was suspended, so neither it nor No. 69 read as its
    instrument. A suspension told in a clause on entities still is the listing's."""
    night(archive, "2025-11-10", *no21_suspended_by_69())
    items = news("商务部负责人会见美国企业代表团", "该负责人指出，去年11月，中方暂停实施了去年10月"
                 "9日公布的相关出口管制措施，并对出口管制管控名单等相关措施作出调整。",
                 "2026-10-15")
    other = news("Talks", "Last November, China paused the item controls it had announced in "
                 "October, and adjusted measures related to its export control list.",
                 "2026-10-15", url="https://www.example.cn/b.html")
    entities = news("商务部负责人会见美国企业代表团", "该负责人指出，去年11月，中方继续暂停实施了对"
                    "美国实体的相关措施，并对出口管制管控名单等相关措施作出调整。", "2026-10-15",
                    url="https://www.example.cn/c.html")
    night(archive, "2026-10-15", items, other, entities)
    assert "MOFCOM-2025-21" not in links(archive, items.url)
    assert "MOFCOM-2025-21" not in links(archive, other.url)
    assert "MOFCOM-2025-21" in links(archive, entities.url)


def test_a_press_conference_is_no_act_of_issuing():
    """"发布会还通报，2025年赣州地区生产总值同比增长5.6%…" (dev-938): 发布 in 发布会 (a press
    conference) is where things are told, not an act of issuing; 发布公告 still is one."""
    def act(text: str) -> bool:
        return read_document("t", text, "2026-01-20")[0][1].act

    assert not act("发布会还通报，全市钨产业营业收入保持增长。")
    assert not act("新闻发布会上，市政府介绍了钨产业情况。")
    assert act("商务部发布公告，对钨实施出口管制。")
    assert act("发布会上，商务部宣布对钨实施出口管制。")


def test_a_year_given_for_a_figure_dates_no_measure(archive):
    """"as it reported a 14 percent fall in 2024 net profit" (dev-886), "2025年赣州地区生产总值
    同比增长5.6%" (dev-938): a year named for a change in per cent or a year-on-year figure is
    the period of a statistic, so it names no measure of that year (tungsten's No. 10 of
    2025 here); a year told for the controls in another clause still dates them."""
    night(archive, "2025-02-05", *measures("MOFCOM-2025-10"))
    figure = news("Tungsten producer", "The tungsten producer said export controls weighed on "
                  "sales, as it reported a 12 percent rise in 2025 net profit.", "2026-03-28")
    zh = news("钨", "该负责人表示，企业出口须申请许可，2025年钨产品营业收入同比增长12%。",
              "2026-03-28", url="https://www.example.cn/b.html")
    zh.language = "zh"
    dated = news("Tungsten producer", "China placed tungsten under export controls in 2025, "
                 "and the producer reported a 12 percent rise in net profit.", "2026-03-28",
                 url="https://www.example.cn/c.html")
    night(archive, "2026-03-28", figure, zh, dated)
    assert links(archive, figure.url) == {}
    assert links(archive, zh.url) == {}
    assert "MOFCOM-2025-10" in links(archive, dated.url)


def test_a_year_names_the_only_measure_of_its_subject_only_in_a_clause_on_a_measure(archive):
    """"the only measure on tungsten of 2025" needs the year in a clause that speaks of a measure
    (a control, licence, ban: "controls on gallium and germanium in 2023", dev-174): in "Tungsten
    output rose in 2025, and licences took longer" the year dates the output, not a measure."""
    night(archive, "2025-02-05", *measures("MOFCOM-2025-10"))
    output = news("Tungsten", "Tungsten output rose in 2025, and export licences took longer "
                  "to obtain.", "2026-03-28")
    zh = news("钨", "2025年全市钨产量继续上升，同时企业出口须申请许可。", "2026-03-28",
              url="https://www.example.cn/b.html")
    zh.language = "zh"
    controls = news("Tungsten", "Tungsten came under export controls in 2025, and output rose.",
                    "2026-03-28", url="https://www.example.cn/c.html")
    night(archive, "2026-03-28", output, zh, controls)
    assert links(archive, output.url) == {}
    assert links(archive, zh.url) == {}
    assert "MOFCOM-2025-10" in links(archive, controls.url)


def test_entities_counted_and_barred_from_receiving_dual_use_goods_are_on_the_control_list(
        archive):
    """"China's decision on Tuesday to bar 20 Japanese companies and institutes, including …,
    from receiving Chinese dual-use goods" (dev-955): entities counted and barred from receiving
    dual-use items are on the export control list, as 对20家日本实体禁止出口两用物项 is in
    Chinese, so the day and the count name No. 11 of 2026, not the watch list's No. 12 of the
    same day; entities that only file undertakings before receiving them name no list, and a
    foreign ban on Japanese goods is not China's."""
    barred = ("bar 20 Japanese companies and institutes, including units of Mitsubishi Heavy "
              "Industries, from receiving Chinese dual-use goods")
    assert terms_in(barred, ("list",)) == {"export_control_list"}
    assert terms_in("20 Japanese firms barred from buying dual-use items", ("list",)) == {
        "export_control_list"}
    assert terms_in("20 Japanese firms must file undertakings before receiving dual-use goods",
                    ("list",)) == set()
    assert terms_in("the 20 firms were not barred from receiving dual-use goods",
                    ("list",)) == set()
    assert terms_in("China barred military users from receiving dual-use items",
                    ("list",)) == set()
    night(archive, "2026-02-24",
          own_page("MOFCOM-2026-11", "商务部公告2026年第11号 "
                   "关于将20家日本实体列入出口管制管控名单的公告", "2026-02-24", ["MOFCOM"], []),
          own_page("MOFCOM-2026-12", "商务部公告2026年第12号 "
                   "关于将20家日本实体列入关注名单的公告", "2026-02-24", ["MOFCOM"], []))
    item = news("Tokyo voices concern", "Japan's chief cabinet secretary said on Wednesday that "
                f"Tokyo had serious concern about China's decision on Tuesday to {barred}.",
                "2026-02-25")
    undertakings = news("Tokyo voices concern", "Japan's chief cabinet secretary said on "
                        "Wednesday that Tokyo had serious concern about China's decision on "
                        "Tuesday to require 20 Japanese companies to file undertakings before "
                        "receiving Chinese dual-use goods.", "2026-02-25",
                        url="https://www.example.cn/b.html")
    japan = news("Tokyo acts", "Japan said on Wednesday that it had barred 20 Chinese companies "
                 "from receiving Japanese dual-use goods on Tuesday.", "2026-02-25",
                 url="https://www.example.cn/c.html")
    night(archive, "2026-02-25", item, undertakings, japan)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2026-11"]
    assert links(archive, undertakings.url) == {}
    assert links(archive, japan.url) == {}


def test_a_chinese_authority_as_a_passives_agent_makes_the_act_chinas(archive):
    """"A Singapore-registered trading company has been fined 2.3 million yuan by Shenzhen customs
    …, the latest case since the metal came under licensing in September last year" (dev-980):
    the agent of a passive told after its object ("by Shenzhen customs") is who acts, so the
    act is China's whatever place the firm fined is from, and the month and antimony name No. 33
    of 2024; fined by US customs, it is another government's act and names no Chinese
    measure."""
    night(archive, "2024-08-15", no33())
    told = ("A Singapore-registered trading company has been fined 2.3 million yuan by {} for "
            "re-exporting antimony ingots without a licence, the latest case since the metal "
            "came under licensing in September last year.")
    chinese = news("Trader fined", told.format("Shenzhen customs"), "2025-03-14")
    us = news("Trader fined", told.format("US customs"), "2025-03-14",
              url="https://www.example.cn/b.html")
    night(archive, "2025-03-14", chinese, us)
    assert sorted(links(archive, chinese.url)) == ["MOFCOM-2024-33"]
    assert links(archive, us.url) == {}
    # a party the act's object is owned by is no agent of the act
    sentences, _ = read_document("t", "The US Commerce Department added 20 firms owned by "
                                 "Chinese groups to its entity list.", "2025-03-14")
    assert sentences[1].foreign


# --- twenty-fifth pass (links) -----------------------------------------------------------------

def test_an_announcement_in_the_singular_counts_the_measures_of_its_clause_only(archive):
    """"China has required licences for exports of gallium and germanium since August last
    year, and licences for antimony items will be required from Sept 15 under an announcement
    issued last month" (dev-1001): the singular is the antimony clause's one measure (No. 33 of
    2024); the month of the clause before dates No. 23 of 2023, which it does not count. Told in
    one clause, "an announcement" still keeps only the best of what it dates."""
    night(archive, "2024-08-16", no33(), *measures("MOFCOM-2023-23"))
    told = ("China has required licences for exports of gallium and germanium since August last "
            "year{} licences for antimony items will be required from Sept 15 under an "
            "announcement issued last month.")
    two = news("Dutch rule", told.format(", and"), "2024-09-07")
    one = news("Dutch rule", told.format(" as"), "2024-09-07", url="https://www.example.cn/b.html")
    night(archive, "2024-09-07", two, one)
    assert sorted(links(archive, two.url)) == ["MOFCOM-2023-23", "MOFCOM-2024-33"]
    assert sorted(links(archive, one.url)) == ["MOFCOM-2023-23"]


def no1_of_2026() -> DocumentItem:
    """No. 1 of 2026: dual-use items to Japanese military users (a measure on goods for a
    country, no list)."""
    item = own_page("MOFCOM-2026-1", "商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告",
                    "2026-01-06", ["MOFCOM"], [])
    item.body = f"{item.title}\n禁止两用物项对日本军事用户、军事用途出口。"
    item.content_hash = content_hash(item)
    return item


def test_a_class_of_goods_for_its_country_is_what_a_measure_on_goods_is_about(archive):
    """"asked China to withdraw the measures of strengthening the export control of the dual-use
    items to Japan announced on January 6" (dev-308): dual-use items name no measure, but
    dual-use items to Japan with the day name No. 1 of 2026; to another country, or with no
    country, they name none; a listing targeting the same country is no measure on goods, so
    its day does not name it so."""
    listing = own_page("MOFCOM-2026-2", "商务部公告2026年第2号 关于将10家日本实体列入出口管制管控"
                       "名单的公告", "2026-01-08", ["MOFCOM"], [])
    listing.body = f"{listing.title}\n禁止向上述日本实体出口两用物项。"
    listing.content_hash = content_hash(listing)
    night(archive, "2026-01-08", no1_of_2026(), listing)
    told = ("The Japanese side asked China to withdraw the measures of strengthening the export "
            "control of the dual-use items{} announced on January 6.")
    japan = news("Press conference", told.format(" to Japan"), "2026-01-15")
    korea = news("Press conference", told.format(" to South Korea"), "2026-01-15",
                 url="https://www.example.cn/b.html")
    none = news("Press conference", told.format(""), "2026-01-15",
                url="https://www.example.cn/c.html")
    listed = news("Press conference", told.format(" to Japan").replace("January 6", "January 8"),
                  "2026-01-15", url="https://www.example.cn/d.html")
    night(archive, "2026-01-15", japan, korea, none, listed)
    assert sorted(links(archive, japan.url)) == ["MOFCOM-2026-1"]
    assert links(archive, korea.url) == {}
    assert links(archive, none.url) == {}
    assert links(archive, listed.url) == {}


def test_the_same_day_dates_the_act_beside_an_earlier_day_it_refers_to(archive):
    """"商务部当天还宣布，对今年3月4日列入出口管制管控名单的15家美国实体停止执行相关措施" (dev-512):
    当天 is the day of the act told before (5 November), the 4 March of the listing an earlier
    event the sentence refers to; a later day told beside it would be the act's own."""
    sentences, _ = read_document("t", "国务院关税税则委员会5日发布公告，调整加征关税措施。\n\n"
                                 "商务部当天还宣布，对今年3月4日列入出口管制管控名单的15家美国实体"
                                 "停止执行相关措施。", "2025-11-05")
    assert "2025-11-05" in {d.first for d in sentences[2].dates}
    assert sentences[2].inherited
    later, _ = read_document("t", "国务院关税税则委员会5日发布公告，调整加征关税措施。\n\n"
                             "商务部当天表示，将于11月10日公布相关措施。", "2025-11-05")
    assert not later[2].inherited


def test_the_form_goods_are_shipped_in_names_the_documents_subject(archive):
    """"The powder has required an export licence since Aug 1, 2023" in a story on gallium oxide
    powder (dev-365): the powder is the document's gallium, as "the metal" is; in a story on no
    controlled subject it names nothing."""
    night(archive, "2023-07-04", *measures("MOFCOM-2023-23"))
    gallium = news("Exporter fined over gallium oxide powder",
                   "A company was fined for shipping high-purity gallium oxide powder abroad "
                   "without a licence.\n\nThe powder has required an export licence since Aug 1, "
                   "2023.", "2026-05-20")
    milk = news("Exporter fined over milk powder",
                "A company was fined for shipping milk powder abroad without a licence.\n\n"
                "The powder has required an export licence since Aug 1, 2023.", "2026-05-20",
                url="https://www.example.cn/b.html")
    night(archive, "2026-05-20", gallium, milk)
    assert list(links(archive, gallium.url)) == ["MOFCOM-2023-23"]
    assert links(archive, milk.url) == {}


def test_a_number_without_its_year_names_the_measure_of_its_title_subject(archive):
    """"China's Announcement No. 61 on overseas rare earth items" (dev-159), in October 2025:
    No. 61 of 2025 by its number and a subject of its title. The number alone, with another
    subject, of another body or in a text two years later names nothing."""
    night(archive, "2025-10-10", no61())
    told = "Some foreign media said that China's {} amounts to long-arm jurisdiction."
    texts = {"ok": told.format("Announcement No. 61 on overseas rare earth items"),
             "alone": told.format("Announcement No. 61"),
             "other": told.format("Announcement No. 61 on gallium exports"),
             "gacc": told.format("GACC Announcement No. 61 on overseas rare earth items")}
    items = {k: news("Q&A", v, "2025-10-14", url=f"https://www.example.cn/{k}.html")
             for k, v in texts.items()}
    items["late"] = news("Q&A", texts["ok"], "2027-10-14", url="https://www.example.cn/l.html")
    night(archive, "2027-10-14", *items.values())
    found = {k: sorted(links(archive, item.url)) for k, item in items.items()}
    assert found == {"ok": ["MOFCOM-2025-61"], "alone": [], "other": [], "gacc": [], "late": []}


def test_a_pronoun_opening_a_sentence_speaks_of_the_goods_the_sentence_before_named(archive):
    """"Natural flake graphite and high-purity synthetic graphite are a different matter. They
    have needed export licences since December 2023" (dev-386): "they" are the goods the
    sentence before only named, so the month and those goods name the measure. Another opening
    ("Buyers"), or a sentence before that tells a date of its own, lends nothing."""
    night(archive, "2023-07-04", *measures("MOFCOM-2023-23"))
    told = "{} are a different matter. {} have needed export licences since August 2023."
    texts = {"they": told.format("Gallium and germanium", "They"),
             "buyers": told.format("Gallium and germanium", "Buyers"),
             "dated": "Gallium and germanium prices rose in May. They have needed export "
                      "licences since August 2023."}
    found = links_of_texts(archive, "Chip supply", texts, "2025-06-10")
    assert found == {"they": ["MOFCOM-2023-23"], "buyers": [], "dated": []}


def test_a_count_of_others_after_a_count_of_entities_counts_entities(archive):
    """"… keep suspended for another 90 days its export control measures against 16 US entities
    and would stop implementing those against 12 others" (dev-338): "12 others" counts entities
    as "16 US entities" does, so the day and the list name No. 21 (16, suspension continued) and
    No. 22 (12, stopped); "15 others" fits neither count of No. 22, and "12 others" with no
    count of entities before it counts nothing."""
    truce = "2025-08-12"
    no21 = own_page("MOFCOM-2025-21", *MEASURES["MOFCOM-2025-21"][:3], [MeasureEvent(
        "suspension_continued", date=truce, until="2025-11-10")])
    no22 = own_page("MOFCOM-2025-22", *MEASURES["MOFCOM-2025-22"][:3],
                    [MeasureEvent("revoked", date=truce)])
    night(archive, "2025-08-13", no21, no22)
    told = ("On Tuesday, the Ministry of Commerce said it would keep suspended for another 90 "
            "days its export control measures against 16 US entities on its export control list "
            "and would stop implementing those against {} others.")
    twelve = news("Truce", told.format(12), "2025-08-16")
    fifteen = news("Truce", told.format(15), "2025-08-16", url="https://www.example.cn/b.html")
    night(archive, "2025-08-16", twelve, fifteen)
    assert sorted(links(archive, twelve.url)) == ["MOFCOM-2025-21", "MOFCOM-2025-22"]
    assert "MOFCOM-2025-22" not in links(archive, fifteen.url)
    assert _counts("12 others were fined, and 16 US entities were listed.") == {16}


def test_a_date_from_which_controls_on_goods_apply_is_their_effective_date(archive):
    """"今年9月起对锑等物项实施出口管制" (dev-1048): 起 ("from") with the controls on the goods
    applied after it tells the effective date, as 起实施 and "since" do, so the month and
    antimony name No. 33 of 2024 (effective 15 September). Without 起, or with 起 before another
    verb, the month is only a month of its publication, which does not fit."""
    no33 = own_page("MOFCOM-2024-33",
                    "商务部 海关总署公告2024年第33号 关于对锑等物项实施出口管制的公告",
                    "2024-08-15", JOINT, [MeasureEvent("effective", date="2024-09-15")])
    other = own_page("MOFCOM-2024-50", "商务部公告2024年第50号 关于锑相关物项出口管制的补充公告",
                     "2024-11-01", ["MOFCOM"], [])  # antimony is no measure's alone
    night(archive, "2024-11-01", no33, other)
    # (对锑实施出口管制, not No. 33's title's words 对锑等物项实施出口管制, which name it)
    texts = {"from": "今年9月起对锑实施出口管制，这是依法作出的安排。",
             "bare": "今年9月对锑实施出口管制，这是依法作出的安排。",
             "other": "今年9月起对锑的出口大幅下降，商务部依法实施出口管制。"}
    found = links_of_texts(archive, "出口管制", texts, "2024-12-04")
    assert found == {"from": ["MOFCOM-2024-33"], "bare": [], "other": []}


def test_companies_whose_imports_are_suspended_are_no_count_of_a_listing(archive):
    """"export control and unreliable entity listings of US defense firms, and a suspension of
    soybean imports from three US companies" (dev-1058): the three companies are counted for the
    import suspension, so both UEL listings of that day are named by the day and the list (No. 5
    lists 10 entities). A count in the listing's own clause still rules No. 5 out."""
    uel5 = own_page("UEL-2025-5",
                    "不可靠实体清单工作机制公告〔2025〕5号 "
                    "关于将10家美国实体列入不可靠实体清单的公告",
                    "2025-03-04", ["UEL working mechanism"], [])
    uel6 = own_page("UEL-2025-6", "不可靠实体清单工作机制公告〔2025〕6号 关于美国实体的公告",
                    "2025-03-04", ["UEL working mechanism"], [])
    night(archive, "2025-03-04", uel5, uel6)
    told = ("The countermeasures Beijing announced on March 4 included unreliable entity "
            "listings of {} US defense firms, and a suspension of soybean imports from three US "
            "companies.")
    imports = news("Countermeasures", told.format("several"), "2025-03-12")
    listed = news("Countermeasures", told.format("three"), "2025-03-12",
                  url="https://www.example.cn/b.html")
    night(archive, "2025-03-12", imports, listed)
    assert sorted(links(archive, imports.url)) == ["UEL-2025-5", "UEL-2025-6"]
    assert "UEL-2025-5" not in links(archive, listed.url)


def test_a_measure_told_with_its_chinese_author_is_chinas_whoever_reacts(archive):
    """"日方对中方本周二宣布的加强两用物项对日本出口管制措施表示抗议" (dev-1085): the measure is
    China's (中方……宣布的), Japan only reacts, so the day and the country name No. 1 of 2026. A
    measure the US side announced (美方本周二宣布的……) is another government's and names nothing."""
    no1 = own_page("MOFCOM-2026-1", "商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告",
                   "2026-01-06", ["MOFCOM"], [])
    night(archive, "2026-01-06", no1)
    texts = {"china": "有记者问：日方对中方本周二宣布的加强两用物项对日本出口管制措施表示抗议。",
             "japan": "有记者问：日方对美方本周二宣布的加强两用物项对日本出口管制措施表示抗议。"}
    found = links_of_texts(archive, "答记者问", texts, "2026-01-09")
    assert found == {"china": ["MOFCOM-2026-1"], "japan": []}


def test_a_listing_told_by_its_list_and_a_period_proposes_the_periods_listings(archive):
    """"placed on China's export control list earlier this year" (dev-1059), on 20 March 2025:
    the two listings on that list of 2025 before then fit alike, so both are review candidates,
    neither a link. In January only one listing of the year fits: nothing is proposed."""
    no13 = own_page("MOFCOM-2025-13",
                    "商务部公告2025年第13号 关于将15家美国实体列入出口管制管控名单的公告",
                    "2025-03-04", ["MOFCOM"], [])
    night(archive, "2025-03-04", *measures("MOFCOM-2025-1"), no13)
    told = ("The supplier said it had been cut off by its Chinese suppliers since it was placed "
            "on China's export control list earlier this year.")
    march = news("Complaint", told, "2025-03-20")
    january = news("Complaint", told, "2025-01-20", url="https://www.example.cn/b.html")
    night(archive, "2025-03-20", march, january)
    candidates: dict[str, set[str]] = {}
    for r in archive.db.query("select document, measure from link_candidates"):
        candidates.setdefault(r["document"], set()).add(r["measure"])
    assert candidates.get(document_id(march.url)) == {"MOFCOM-2025-1", "MOFCOM-2025-13"}
    assert not candidates.get(document_id(january.url))
    assert not links(archive, march.url)


# --- the twenty-seventh pass ---------------------------------------------------------------------

@pytest.mark.parametrize(("words", "first", "last"), [
    ("held in Kuala Lumpur in late October", "2025-10-21", "2025-10-31"),
    ("announced in early October", "2025-10-01", "2025-10-10"),
    ("announced in mid-October", "2025-10-11", "2025-10-20"),
    ("at the end of October", "2025-10-21", "2025-10-31"),
    ("announced in October", "2025-10-01", "2025-10-31"),
    ("10月下旬宣布", "2025-10-21", "2025-10-31"),
    ("10月上旬宣布", "2025-10-01", "2025-10-10"),
])
def test_a_part_of_a_month_narrows_its_days(words, first, last):
    """"in late October" (dev-1168) is 21-31 October, not the whole month: a part of a month
    (early / mid / late, 上旬 / 中旬 / 下旬) is a third of its days, still a month's date."""
    [d] = dates_in(words, "2025-11-06")
    assert (d.first, d.last, d.precision) == (first, last, "month")


def test_a_late_month_does_not_date_a_package_of_its_early_days(archive):
    """The measures of 9 October are a package named by "early October", not by "late October"
    (dev-1168: "the consultations held in Kuala Lumpur in late October")."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    told = "China suspended the export control measures it announced in {} October."
    early = news("Controls", told.format("early"), "2025-11-12")
    late = news("Controls", told.format("late"), "2025-11-12", url="https://www.example.cn/b.html")
    night(archive, "2025-11-12", early, late)
    assert sorted(links(archive, early.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                 "MOFCOM-2025-58"]
    assert not links(archive, late.url)


def test_the_object_of_another_governments_act_is_no_subject_of_chinas():
    """"under which Washington reduced some tariffs and Beijing paused a series of export
    controls" (dev-1171): the tariffs are the US's, no subject of a Chinese measure; China's own
    tariffs, or China's act after a US one, keep theirs."""
    def subjects(text: str) -> set[str]:
        return read_document("t", text, "2026-09-25")[0][1].subjects

    assert "tariff" not in subjects(
        "Bessent said the arrangement reached in Kuala Lumpur last year, under which Washington "
        "reduced some tariffs and Beijing paused a series of export controls, would remain.")
    assert "tariff" in subjects("China imposed additional tariffs on some US goods.")
    assert "tariff" in subjects("Beijing raised tariffs on US goods after the US imposed "
                                "additional tariffs on Chinese imports.")


def test_the_same_day_borrows_a_day_not_a_month_told_since():
    """"on Tuesday … in September last year … on the same day" (dev-1123) is Tuesday; with no
    event's day before, 当日 is the day a change told before began (美方3月4日起……, dev-1139)."""
    body = ("The mechanism on Tuesday added PVH Group to the unreliable entity list. It launched "
            "an investigation into PVH in September last year. MOFCOM announced export controls "
            "on tungsten on the same day.")
    sentences, _ = read_document("t", body, "2025-02-05")
    assert [d.first for d in sentences[3].dates if d.precision == "day"] == ["2025-02-04"]
    body = "美方3月4日起再次对中国输美产品加征关税。中方当日宣布一系列反制措施。"
    sentences, _ = read_document("t", body, "2025-03-05")
    assert [d.first for d in sentences[2].dates] == ["2025-03-04"]
    assert sentences[2].dates[0].role == "on"


def test_items_pointed_back_to_are_the_goods_the_sentence_before_named():
    """"exported the ammonium paratungstate … the above items are included in the export control
    since February 4, 2025" (dev-1178): the above items are the tungsten goods just named; a
    sentence without such a word takes nothing."""
    before = ("A company exported ammonium paratungstate and tungsten carbide powder without a "
              "licence from March to June 2025. ")
    pointed = read_document("t", before + "The ministry found that the above items are under "
                            "export control since February 4, 2025.", "2026-05-28")[0]
    plain = read_document("t", before + "The ministry found that exports are under export "
                          "control since February 4, 2025.", "2026-05-28")[0]
    assert "tungsten" in pointed[2].subjects
    assert "tungsten" not in plain[2].subjects


def test_came_on_a_day_when_is_the_day_of_the_event_told_before():
    """"China added 14 foreign organizations … on Thursday. … The listing came on a day when
    the Ministry of Commerce also unveiled a raft of export control measures" (dev-1244): the
    day when is Thursday; a day when told with no event before, or "one day", borrows nothing."""
    before = "China added 14 foreign organizations to its unreliable entity list on Thursday. "
    came = read_document("t", before + "The listing came on a day when the ministry also "
                         "unveiled a raft of export control measures.", "2025-10-10")[0]
    assert [d.first for d in came[2].dates] == ["2025-10-09"]
    other = read_document("t", before + "Analysts said a day when the ministry unveils new "
                          "export control measures will come.", "2025-10-10")[0]
    assert other[2].dates == []
    alone = read_document("t", "The listing came on a day when the ministry also unveiled a "
                          "raft of export control measures.", "2025-10-10")[0]
    assert alone[1].dates == []
    markets = read_document("t", before + "The listing came on a day when markets in Asia "
                            "fell sharply, with rare earth producers among the losers.",
                            "2025-10-10")[0]
    assert markets[2].dates == []


def test_the_acts_after_a_days_set_of_measures_are_that_days():
    """"The tariff decision was part of a set of countermeasures announced the same day. The
    Ministry of Commerce and the General Administration of Customs imposed export controls on
    seven medium and heavy rare earth items" (dev-1253): the set's content is its day's acts; a
    sentence of its own time, one telling no act, or one after no set, borrows nothing."""
    opening = ("China will impose an additional tariff of 34 percent from April 10, the "
               "commission said on Friday. ")
    told = ("The Ministry of Commerce and the General Administration of Customs imposed export "
            "controls on seven medium and heavy rare earth items.")
    setting = opening + "The tariff decision was part of a set of countermeasures announced " \
        "the same day. "
    sentences = read_document("t", setting + told, "2025-04-05")[0]
    assert [d.first for d in sentences[3].dates] == ["2025-04-04"]
    plain = read_document("t", opening + "The tariff decision was announced the same day. "
                          + told, "2025-04-05")[0]
    assert plain[3].dates == []
    no_act = read_document("t", setting + "Analysts expect prices of rare earths to rise.",
                           "2025-04-05")[0]
    assert no_act[3].dates == []
    own = read_document("t", setting + "In October 2023 the ministry imposed export controls "
                        "on graphite.", "2025-04-05")[0]
    assert [d.first for d in own[3].dates] == ["2023-10-01"]


def test_came_under_licensing_tells_the_effective_date():
    """"gallium and germanium, which came under licensing in August last year, and with
    graphite in December" (dev-1197): goods coming under licensing or control at a time is the
    measure's effective date, so the month agrees with No. 39 of 2023's effective date."""
    from pipelines.linking import _EFFECT_WORDS
    assert _EFFECT_WORDS.search("gallium and germanium, which came under licensing in August")
    assert _EFFECT_WORDS.search("graphite was brought under export control in December")
    assert not _EFFECT_WORDS.search("graphite exports came under pressure in December")
    assert not _EFFECT_WORDS.search("the ministry announced controls on graphite in October")


def test_a_rule_stipulated_and_a_passive_ban_name_a_measure():
    """"since December last year, China has stipulated that in principle the export of
    antimony to the United States is not permitted" (dev-1207) tells a rule, a measure: No. 46
    of 2024 by month and subject. Prices or shipments told without one name none."""
    from pipelines.linking import _names_a_measure, read_sentence
    assert _names_a_measure(read_sentence(0, "Since December last year, China has stipulated "
                                          "that the export of antimony to the United States "
                                          "is not permitted.", "2025-01-16"))
    assert _names_a_measure(read_sentence(0, "Exports of antimony to the US are not allowed.",
                                          "2025-01-16"))
    assert not _names_a_measure(read_sentence(0, "Since December last year, prices of antimony "
                                              "have doubled.", "2025-01-16"))


def test_a_meetings_day_does_not_date_the_measures_it_discussed():
    """"held a video call with … Sefcovic on Tuesday, with both sides discussing China's export
    controls on medium and heavy rare earth items" (dev-1242): Tuesday is the call's day, so the
    controls are told undated; a sentence issuing measures on its day keeps that day."""
    from pipelines.linking import _measure_dates, read_sentence
    call = read_sentence(0, "Wang Wentao held a video call with Maros Sefcovic on Tuesday, with "
                         "both sides discussing China's export controls on medium and heavy "
                         "rare earth items.", "2025-10-22")
    assert call.dates and _measure_dates(call) == []
    issued = read_sentence(0, "The ministry held a press conference on Tuesday and announced "
                           "export controls on medium and heavy rare earth items.", "2025-10-22")
    assert _measure_dates(issued) == issued.dates != []
    plain = read_sentence(0, "China imposed export controls on medium and heavy rare earth "
                          "items on Tuesday.", "2025-10-22")
    assert _measure_dates(plain) == plain.dates != []


def test_what_a_days_set_held_is_that_days_beside_a_members_start():
    """"… a package of countermeasures China unveiled on Tuesday … The package also included
    additional tariffs on US coal … from February 10, and export controls on tungsten …"
    (dev-1279): what the set held is its day's acts; the day a member starts from does not
    replace that day. A sentence with a day of its own, or not opening on the set, or after no
    set, borrows nothing."""
    opening = ("The decision was part of a package of countermeasures China unveiled on Tuesday "
               "after the US imposed an additional tariff. ")
    held = ("The package also included additional tariffs on US coal from February 10, and "
            "export controls on tungsten and indium-related items.")
    sentences = read_document("t", opening + held, "2025-02-05")[0]
    assert sorted(d.first for d in sentences[2].dates) == ["2025-02-04", "2025-02-10"]
    own_day = read_document("t", opening + "The package also included export controls on "
                            "tungsten announced on Monday.", "2025-02-05")[0]
    assert [d.first for d in own_day[2].dates] == ["2025-02-03"]
    not_the_set = read_document("t", opening + "Tariffs on US coal apply from February 10, and "
                                "export controls on tungsten too.", "2025-02-05")[0]
    assert [d.first for d in not_the_set[2].dates] == ["2025-02-10"]
    no_set = read_document("t", "The decision was announced on Tuesday. " + held,
                           "2025-02-05")[0]
    assert [d.first for d in no_set[2].dates] == ["2025-02-10"]


def test_years_ago_is_the_calendar_year_that_many_years_before():
    """"the measures on gallium and germanium two years ago" on 6 April 2025 (dev-1315) is
    2023; "a year ago" is no calendar year but the months around a year back (fifty-ninth
    pass), an anniversary stays a day, a year in a number is none."""
    def spans(text: str) -> list[tuple[str, str, str]]:
        return [(d.first, d.last, d.precision) for d in dates_in(text, "2025-04-06")]
    assert spans("the measures on gallium and germanium two years ago") == [
        ("2023-01-01", "2023-12-31", "year")]
    assert spans("两年前商务部对镓、锗实施出口管制") == [("2023-01-01", "2023-12-31", "year")]
    assert spans("controls on graphite a year ago") == [("2024-03-06", "2024-05-06", "month")]
    assert spans("Two years ago today, China announced controls on gallium") == [
        ("2023-04-06", "2023-04-06", "day")]
    assert spans("自2025年前三季度以来") == [("2025-01-01", "2025-12-31", "year")]  # not 2020


def test_a_suspensions_end_told_as_its_end_is_its_until_date():
    """"the one-year suspension … will reach its legal end date of November 10" (dev-1340): the
    day is the until-date of the suspension; a suspension's day told without an end word, or a
    lifting, is not."""
    from pipelines.linking import _end_day, read_sentence
    end = read_sentence(0, "The one-year suspension of the controls will reach its legal end "
                        "date of November 10.", "2026-11-04")
    assert [_end_day(end, d) for d in end.dates] == [True]
    runs = read_sentence(0, "On November 27, the pause of the controls runs out.", "2026-11-04")
    assert all(_end_day(runs, d) for d in runs.dates) and runs.dates
    told = read_sentence(0, "The ministry suspended the controls on November 7.", "2026-11-04")
    assert told.dates and not any(_end_day(told, d) for d in told.dates)
    no_suspension = read_sentence(0, "The licence expires on November 10.", "2026-11-04")
    assert no_suspension.dates and not any(_end_day(no_suspension, d)
                                           for d in no_suspension.dates)


def test_a_day_later_in_the_documents_month_is_ahead():
    """"Later in the month, on November 27, the pause … runs out" on 4 November 2026 (dev-1340)
    is 27 November 2026; without "later in the month", or of another month, the nearest past."""
    assert [d.first for d in dates_in("Later in the month, on November 27, the pause runs out",
                                      "2026-11-04")] == ["2026-11-27"]
    assert [d.first for d in dates_in("On November 27, the pause ran out", "2026-11-04")] == [
        "2025-11-27"]
    assert [d.first for d in dates_in("Later in the month, on October 27, talks resumed",
                                      "2026-11-04")] == ["2026-10-27"]


def test_a_suspension_told_ending_as_a_suspension_names_its_instrument_alone(archive):
    """"对美国出口镓、锗、锑等物项的有关暂停措施也将于11月27日到期" (dev-1433): the suspension
    itself expires, and the measure it suspends is named by no measure noun of its own: the end
    day is No. 72's, not No. 46's. The controls told suspended until that day name No. 46 as
    well."""
    night(archive, "2025-11-10", *no46_no72())
    alone = news("答记者问", "发言人表示，对美国出口镓、锗、锑的暂停措施将于11月27日届满。",
                 "2026-11-05")
    named = news("答记者问", "发言人表示，对美国出口镓、锗、锑的管制措施暂停至11月27日。",
                 "2026-11-05", url="https://www.example.cn/b.html")
    night(archive, "2026-11-05", alone, named)
    assert list(links(archive, alone.url)) == ["MOFCOM-2025-72"]
    assert sorted(links(archive, named.url)) == ["MOFCOM-2024-46", "MOFCOM-2025-72"]


def test_yilai_after_a_month_is_since_and_tells_the_effective_date(archive):
    """"9月中旬以来，锑锭、氧化锑等产品出口须向商务部申请许可" (dev-1363): 以来 after a month or a
    day is "since", which tells the time a requirement has applied from: the effective date
    (No. 33 of 2024, effective 15 September). 今年以来 ("so far this year") is no such date,
    another month does not fit, and a month of figures names no measure."""
    no33 = own_page("MOFCOM-2024-33",
                    "商务部 海关总署公告2024年第33号 关于对锑等物项实施出口管制的公告",
                    "2024-08-15", JOINT, [MeasureEvent("effective", date="2024-09-15")])
    other = own_page("MOFCOM-2024-50", "商务部公告2024年第50号 关于锑相关物项出口管制的补充公告",
                     "2024-11-01", ["MOFCOM"], [])  # antimony is no measure's alone
    night(archive, "2024-11-01", no33, other)
    texts = {"since": "据介绍，9月以来，锑锭等产品出口须向商务部申请许可。",
             "year": "据介绍，今年以来，锑锭等产品出口须向商务部申请许可。",
             "october": "据介绍，10月以来，锑锭等产品出口须向商务部申请许可。",
             "figures": "据介绍，9月以来，锑锭出口量大幅下降。"}
    found = links_of_texts(archive, "锑", texts, "2024-11-08")
    assert found == {"since": ["MOFCOM-2024-33"], "year": [], "october": [], "figures": []}


def test_becoming_subject_to_licensing_tells_the_effective_date(archive):
    """"after the metal became subject to licensing in August of last year" (dev-1364, June 2024):
    the goods became controlled then, as "came under licensing" tells it: the month agrees with
    No. 23 of 2023's effective date (1 August 2023). Its month of publication (July) does not,
    and a price "subject to speculation" is no licensing."""
    other = own_page("MOFCOM-2024-50", "商务部公告2024年第50号 关于锗相关物项出口管制的补充公告",
                     "2024-01-10", ["MOFCOM"], [])  # germanium is no measure's alone
    night(archive, "2024-01-10", *measures("MOFCOM-2023-23"), other)
    texts = {"became": "The trader shipped germanium abroad after the metal became subject to "
                       "licensing in August of last year.",
             "july": "The trader shipped germanium abroad after the metal became subject to "
                     "licensing in July of last year.",
             "prices": "Germanium prices became subject to speculation in August of last year."}
    found = links_of_texts(archive, "Germanium", texts, "2024-06-18")
    assert found == {"became": ["MOFCOM-2023-23"], "july": [], "prices": []}


def test_examples_of_a_days_measures_do_not_pick_some_out(archive):
    """"the export control measures announced by the Ministry of Commerce on Thursday, including
    on rare earth-related technologies and items" (dev-1410): the head names the day's measures
    with no subject of its own, and the examples after "including" detail them: the day's
    package, all of it. The same subject told as the measures' own names that measure alone."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    texts = {"including": "Asked about the export control measures announced by the Ministry "
                          "of Commerce on Thursday, including on superhard materials, the "
                          "spokesperson said they were lawful.",
             "own": "Asked about the export control measures announced by the Ministry of "
                    "Commerce on Thursday on superhard materials, the spokesperson said they "
                    "were lawful."}
    found = links_of_texts(archive, "Briefing", texts, "2025-10-10")
    assert found == {"including": ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"],
                     "own": ["MOFCOM-2025-55"]}


def test_an_undated_clause_naming_all_the_goods_of_one_title_names_that_measure(archive):
    """"同时对钨、碲、铋、钼、铟相关物项实施出口管制" (dev-1372), undated, in a sentence that also
    tells tariffs on coal and crude oil: the controls' clause names every good of No. 10 of
    2025's title, five of them, and no other measure has them all: No. 10. Part of the list,
    the list with another good, or the goods without controls name none."""
    night(archive, "2025-02-04", *measures("MOFCOM-2025-10", "MOFCOM-2023-23"))
    texts = {"all": "中方依法采取反制措施，对原产于美国的煤炭、原油等加征关税，"
                    "同时对钨、碲、铋、钼、铟相关物项实施出口管制。",
             "part": "中方同时对钨、碲、铋、钼相关物项实施出口管制。",
             "more": "中方同时对钨、碲、铋、钼、铟和镓相关物项实施出口管制。",
             "prices": "钨、碲、铋、钼、铟价格上涨，业内关注出口管制。"}
    found = links_of_texts(archive, "反制", texts, "2025-02-06")
    assert found == {"all": ["MOFCOM-2025-10"], "part": [], "more": [], "prices": []}


def test_two_goods_that_are_all_of_a_titles_goods_name_that_measure(archive):
    """"earlier controls on … gallium and germanium" (forty-fifth pass): the two goods of No. 23
    of 2023's title, all of them, and no other measure by then has both; one of them alone, or
    both beside another good, name none."""
    night(archive, "2024-08-15", *measures("MOFCOM-2023-23", "MOFCOM-2024-46"))
    texts = {"both": "That adds to earlier export controls on other critical minerals including "
                     "gallium and germanium, which set off alarm bells in Washington.",
             "one": "That adds to earlier export controls on other critical minerals including "
                    "gallium, which set off alarm bells in Washington.",
             "more": "That adds to earlier export controls on gallium, germanium and graphite, "
                     "which set off alarm bells in Washington."}
    found = links_of_texts(archive, "Antimony", texts, "2024-08-16")
    assert found == {"both": ["MOFCOM-2023-23"], "one": [], "more": []}


# --- the thirty-first pass: ambiguous references proposed for review -----------------------------

def _reference_item(key: str, title: str, body: str, published: str, language: str
                    ) -> DocumentItem:
    item = DocumentItem(url=f"https://www.example.cn/r31/{key}.html", source="chinadaily",
                        source_kind="news", title=title, body=body, language=language,
                        published_raw=published)
    return normalize_item(item)


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory):
    """An archive of the corpus's reference measures (tests/cases/news/measures.yaml), loaded as
    the benchmark loads it."""
    import sys
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench_news
    finally:
        sys.path.pop(0)
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    bench_news.load_archive(db, bench_news.reference_measures())
    return db


def read_against_reference(db: Path, tmp: Path, texts: list[tuple[str, str, str, str, str]]
                           ) -> dict[str, tuple[list[str], list[str]]]:
    """One night storing the texts (key, headline, text, date, language) on a copy of the
    reference archive: each text's inferred links and review candidates."""
    import shutil
    copy = tmp / "copy.db"
    shutil.copy(db, copy)
    archive = Archive.open(copy)
    try:
        items = {t[0]: _reference_item(*t) for t in texts}
        night(archive, max(t[3] for t in texts), *items.values())
        found = {}
        for key, item in items.items():
            candidates = {c["measure"] for c in archive.link_candidates(document_id(item.url))}
            found[key] = (sorted(links(archive, item.url)), sorted(candidates))
        return found
    finally:
        archive.close()


AMBIGUOUS_31 = [  # key, headline, text, date, language, links, review candidates
    ('amb-sb-lastyear', 'Ammunition makers hunt for antimony',
     'European ammunition makers say they are struggling to secure antimony. They blame the'
     ' antimony export restrictions China tightened last year for a price surge.',
     '2025-03-12', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sb-2024', 'Antimony prices hit record',
     'Antimony prices hit another record on Tuesday. Traders said the export controls on'
     ' antimony that Beijing imposed in 2024 continue to weigh on supply.',
     '2025-06-10', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sb-zh-lastyear', '锑价持续上涨',
     '国际市场锑价本周继续上涨。业内人士认为，去年中国对锑相关物项加强出口管制后，海外买家转向其他来源。',
     '2025-05-20', 'zh', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sb-undated', 'Flame retardant maker cuts output',
     'A Belgian flame retardant maker said it would cut output this quarter. The company said'
     " China's export controls on antimony had made its main raw material scarce.",
     '2025-03-03', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sh-lastyear', 'Diamond tool makers adjust',
     'Indian diamond tool makers are looking for new suppliers. Many of them say the export'
     ' controls on superhard materials that China introduced last year have lengthened delivery'
     ' times.',
     '2025-03-18', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sh-zh-lastyear', '河南金刚石企业拓展市场',
     '河南多家人造金刚石企业表示，去年中国对超硬材料相关物项实施出口管制后，出口订单需要办理许可，企业正在加快合规建设。',
     '2025-04-15', 'zh', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sh-undated', 'Saw blade prices rise',
     'Prices of diamond saw blades in Europe rose by a tenth in October. Distributors cited'
     " China's export controls on superhard materials, which require licences for some items.",
     '2025-10-28', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46', 'MOFCOM-2025-55']),
    ('amb-mhre-undated', 'Magnet makers in Japan cautious',
     "Japanese magnet makers remain cautious about orders. An industry group said China's export"
     ' controls on medium and heavy rare earths are still affecting deliveries.',
     '2026-03-05', 'en', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-mhre-thisyear', 'Rare earth magnet stocks fall',
     'Shares of rare earth magnet makers fell on Monday. Analysts said the controls on medium'
     ' and heavy rare earths that China imposed this year have pushed buyers to stockpile.',
     '2025-12-15', 'en', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-mhre-zh-undated', '中方回应稀土出口问题',
     '外交部发言人表示，中国对中重稀土相关物项实施出口管制，是符合国际通行做法的正当举措。',
     '2026-04-08', 'zh', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-mhre-zh-thisyear', '稀土永磁企业加快布局海外',
     '业内人士指出，今年中国对部分中重稀土相关物项实施出口管制以来，海外客户更加重视供应链安全。',
     '2025-12-20', 'zh', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-mhre-lastyear', 'EU firms report rare earth delays',
     'A survey of European firms in China found that a third still face delays. Many pointed to'
     ' the export controls on medium and heavy rare earth items introduced last year.',
     '2026-02-10', 'en', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-uel-april', 'US drone makers shrug off Chinese sanctions',
     'Several US drone makers said their business was not affected. China added US companies to'
     ' its unreliable entity list in April, citing arms sales to Taiwan.',
     '2025-06-03', 'en', [],
     ['UEL-2025-7', 'UEL-2025-8']),
    ('amb-ecl-april', 'US defense suppliers cut off',
     'Some US defense suppliers said they could no longer buy from Chinese vendors. Beijing'
     ' placed US entities on its export control list in April.',
     '2025-06-05', 'en', [],
     ['MOFCOM-2025-21', 'MOFCOM-2025-22']),
    ('amb-ecl-zh-april', '美军工企业供应受阻',
     '今年4月，商务部将多家美国实体列入出口管制管控名单，禁止向其出口两用物项。',
     '2025-07-02', 'zh', [],
     ['MOFCOM-2025-21', 'MOFCOM-2025-22']),
    ('amb-uel-zh-april', '美国军工企业被列入清单后',
     '今年4月，不可靠实体清单工作机制将部分美国企业列入不可靠实体清单。',
     '2025-07-10', 'zh', [],
     ['UEL-2025-7', 'UEL-2025-8']),
    ('amb-jp-feb24', 'Japanese firms weigh China exposure',
     'Japanese defense contractors are reviewing their supply chains. Twenty Japanese entities'
     ' were placed on a Chinese list on February 24.',
     '2026-04-02', 'en', [],
     ['MOFCOM-2026-11', 'MOFCOM-2026-12']),
    ('amb-uel-march', 'Shipbuilder shrugs off listing',
     "A US defense firm said it had no business in China. It was put on China's unreliable"
     ' entity list in March.',
     '2025-05-12', 'en', [],
     ['UEL-2025-5', 'UEL-2025-6']),
    ('amb-graphite-undated', 'Battery makers secure graphite',
     'South Korean battery makers said they have secured graphite supplies for next year. They'
     " said China's export controls on graphite require them to apply for licences.",
     '2026-01-20', 'en', [],
     ['MOFCOM-2023-39', 'MOFCOM-2024-46', 'MOFCOM-2025-58']),
    ('amb-uel-march-en', 'US firm says listing has no impact',
     'China added US companies to its unreliable entity list in March over arms sales to Taiwan,'
     ' and the firms have had no business in China since.',
     '2025-06-18', 'en', [],
     ['UEL-2025-5', 'UEL-2025-6']),
    ('amb-uel-zh-march', '美防务企业称影响有限',
     '今年3月，不可靠实体清单工作机制将部分美国企业列入不可靠实体清单。',
     '2025-06-20', 'zh', [],
     ['UEL-2025-5', 'UEL-2025-6']),
    ('amb-ecl-april-en2', 'Arms makers lose Chinese suppliers',
     'In April, Beijing added a batch of American companies to its export control list, cutting'
     ' them off from dual-use items.',
     '2025-09-02', 'en', [],
     ['MOFCOM-2025-21', 'MOFCOM-2025-22']),
    ('amb-sh-zh-undated', '金刚石线锯出口',
     '业内人士表示，中国对超硬材料的出口管制并不影响正常民用贸易。',
     '2025-12-05', 'zh', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46', 'MOFCOM-2025-55']),
    ('amb-sb-zh-undated', '锑产品出口',
     '有分析认为，中国对锑的出口管制是履行防扩散国际义务的正当做法。',
     '2025-06-25', 'zh', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-graphite-zh-undated', '石墨负极材料企业',
     '韩国电池企业表示，中国对石墨的出口管制要求其提前申请许可。',
     '2026-02-03', 'zh', [],
     ['MOFCOM-2023-39', 'MOFCOM-2024-46', 'MOFCOM-2025-58']),
    ('amb-mhre-oct-undated', 'European carmakers worry over magnets',
     "European carmakers said China's export controls on medium and heavy rare earths could"
     ' disrupt motor production.',
     '2025-10-20', 'en', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-sb-curbs-lastyear', 'Antimony smelter restarts',
     'A Bolivian smelter restarted after the curbs on antimony exports Beijing imposed last year'
     ' lifted prices.',
     '2025-04-22', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-sh-restrictions-2024', 'Diamond wire makers',
     'Diamond wire makers abroad have struggled since the restrictions on superhard materials'
     ' that Beijing introduced in 2024.',
     '2025-05-06', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-jp-zh-feb24', '日本企业评估对华风险',
     '2月24日，中方将20家日本实体列入相关清单。',
     '2026-03-20', 'zh', [],
     ['MOFCOM-2026-11', 'MOFCOM-2026-12']),
    ('amb-jp-lastmonth', 'Tokyo protests listings',
     'Tokyo protested after China placed 20 Japanese entities on a list last month.',
     '2026-03-15', 'en', [],
     ['MOFCOM-2026-11', 'MOFCOM-2026-12']),
    ('amb-sb-2024-en2', 'The 2024 antimony controls',
     'Western buyers still feel the antimony export controls China tightened in 2024.',
     '2025-08-01', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-mhre-2025-from2026', 'Magnet prices ease',
     'Magnet prices eased in March, but buyers said the export controls on medium and heavy rare'
     ' earths China imposed in 2025 still shape their contracts.',
     '2026-04-10', 'en', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-mhre-zh-lastyear', '稀土磁材出口',
     '去年中国对部分中重稀土相关物项实施出口管制后，相关出口需要申请许可。',
     '2026-03-02', 'zh', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-sh-2026', 'Diamond tools trade',
     "Traders said China's export controls on superhard materials have not hurt the trade in"
     ' diamond tools.',
     '2026-02-12', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46', 'MOFCOM-2025-55']),
    ('amb-sb-2026', 'Antimony supply',
     "Analysts said China's export controls on antimony have not stopped licensed shipments for"
     ' civilian use.',
     '2026-03-12', 'en', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-graphite-en2', 'Anode makers',
     'Japanese anode makers said the graphite export controls require more paperwork but'
     ' supplies continue.',
     '2025-12-08', 'en', [],
     ['MOFCOM-2023-39', 'MOFCOM-2024-46', 'MOFCOM-2025-58']),
    ('amb-mhre-restrictions', 'Magnet buyers',
     'Magnet buyers said the restrictions on medium and heavy rare earths have lengthened'
     ' delivery times.',
     '2026-01-15', 'en', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
    ('amb-uel-april-en2', 'Taiwan arms sales draw response',
     'China put US defense companies on its unreliable entity list in April, the ministry'
     ' recalled.',
     '2025-09-10', 'en', [],
     ['UEL-2025-7', 'UEL-2025-8']),
    ('amb-ecl-zh-april2', '美国实体被列入管控名单',
     '4月份，中方将部分美国实体列入出口管制管控名单。',
     '2025-08-15', 'zh', [],
     ['MOFCOM-2025-21', 'MOFCOM-2025-22']),
    ('amb-sb-zh-2024', '锑市场',
     '2024年中国对锑实施出口管制后，国际锑价大幅上涨。',
     '2025-07-08', 'zh', [],
     ['MOFCOM-2024-33', 'MOFCOM-2024-46']),
    ('amb-mhre-zh-thisyear2', '中重稀土出口许可',
     '今年以来，中国对中重稀土相关物项的出口管制引发海外关注。',
     '2025-11-28', 'zh', [],
     ['MOFCOM-2025-18', 'MOFCOM-2025-57']),
]
PICKED_31 = [  # key, headline, text, date, language, links, review candidates
    ('pick-sb-sept15', 'Antimony controls take effect',
     "China's export controls on antimony took effect on September 15, 2024, and traders have"
     ' since reported thinner supply.',
     '2024-10-20', 'en', ['MOFCOM-2024-33'],
     []),
    ('pick-sb-us-dec', 'Antimony ban to the US',
     'China banned exports of antimony to the United States in December, a step Washington'
     ' called coercion.',
     '2025-02-10', 'en', ['MOFCOM-2024-46'],
     []),
    ('pick-mhre-apr4', 'Rare earth licensing slows',
     'Since China imposed export controls on seven medium and heavy rare earths on April 4,'
     ' licence approvals have been slow.',
     '2025-06-01', 'en', ['MOFCOM-2025-18'],
     []),
    ('pick-mhre-oct9', 'Five more rare earths controlled',
     'The export controls on medium and heavy rare earths announced on October 9 added holmium,'
     ' erbium, thulium, europium and ytterbium.',
     '2025-10-20', 'en', ['MOFCOM-2025-57'],
     []),
    ('pick-mhre-zh-apr4', '中重稀土出口许可',
     '商务部、海关总署4月4日宣布对钐、钆、铽、镝、镥、钪、钇等7类中重稀土相关物项实施出口管制。',
     '2025-04-10', 'zh', ['MOFCOM-2025-18'],
     []),
    ('pick-ecl-jan2', '28 US entities listed',
     'On January 2, China added 28 US entities to its export control list.',
     '2025-01-20', 'en', ['MOFCOM-2025-1'],
     []),
    ('pick-ecl-apr4-16', '16 US firms on the list',
     'China placed 16 US entities on its export control list on April 4, banning exports of'
     ' dual-use items to them.',
     '2025-05-02', 'en', ['MOFCOM-2025-21'],
     []),
    ('pick-ecl-apr9-12', '12 US firms on the list',
     'On April 9, China added 12 US entities to its export control list.',
     '2025-05-03', 'en', ['MOFCOM-2025-22'],
     []),
    ('pick-uel-apr4-11', 'Drone makers listed',
     'China put 11 US firms on the unreliable entity list on April 4, including drone makers'
     ' Skydio and BRINC.',
     '2025-05-04', 'en', ['UEL-2025-7'],
     []),
    ('pick-sh-oct9', 'Superhard material controls',
     'China announced export controls on superhard materials on October 9, covering diamond'
     ' micropowder, wire saws and grinding wheels.',
     '2025-10-15', 'en', ['MOFCOM-2025-55'],
     []),
    ('pick-gage-aug1', 'Gallium exports resume',
     "Gallium exports recovered after China's export controls on gallium and germanium took"
     ' effect on August 1, 2023.',
     '2023-11-20', 'en', ['MOFCOM-2023-23'],
     []),
    ('pick-graphite-dec1', 'Graphite licences granted',
     "China's export controls on graphite, which took effect on December 1, 2023, have not"
     ' stopped licensed trade.',
     '2024-02-15', 'en', ['MOFCOM-2023-39'],
     []),
    ('pick-w-feb4', 'Tungsten controls',
     'On February 4, China imposed export controls on tungsten, tellurium, bismuth, molybdenum'
     ' and indium.',
     '2025-03-01', 'en', ['MOFCOM-2025-10'],
     []),
    ('pick-jp-ban-jan', 'Dual-use ban on Japan',
     'China banned exports of all dual-use items to Japanese military users on January 6.',
     '2026-02-01', 'en', ['MOFCOM-2026-1'],
     []),
    ('pick-jp-ecl-feb24', 'Japanese firms on control list',
     'On February 24, China added 20 Japanese entities, including units of Mitsubishi Heavy'
     ' Industries, to its export control list.',
     '2026-03-10', 'en', ['MOFCOM-2026-11'],
     []),
    ('pick-uel-zh-apr9', '不可靠实体清单',
     '4月9日，不可靠实体清单工作机制将6家美国实体列入不可靠实体清单。',
     '2025-04-20', 'zh', ['UEL-2025-8'],
     []),
    ('pick-sb-zh-sept15', '锑出口管制',
     '2024年9月15日起，中国对锑相关物项实施出口管制。',
     '2024-11-05', 'zh', ['MOFCOM-2024-33'],
     []),
    ('pick-gage-2023', 'Gallium controls',
     "Exporters of gallium and germanium have needed licences since China's export controls on"
     ' the two metals took effect in August 2023.',
     '2024-03-01', 'en', ['MOFCOM-2023-23'],
     []),
    ('pick-rt-oct9', 'Rare earth technology controls',
     'The export controls on rare earth technologies announced on October 9 cover mining,'
     ' smelting and magnet manufacturing technologies.',
     '2025-10-22', 'en', ['MOFCOM-2025-62'],
     []),
    ('pick-lib-oct9', 'Battery export controls',
     'China announced export controls on lithium batteries and artificial graphite anode'
     ' materials on October 9.',
     '2025-10-12', 'en', ['MOFCOM-2025-58'],
     []),
    ('pick-uel-lm-feb', 'Lockheed on the list',
     'China put Lockheed Martin and Raytheon Missiles & Defense on its unreliable entity list on'
     ' February 16.',
     '2023-03-01', 'en', ['UEL-2023-1'],
     []),
]
GENERAL_31 = [  # key, headline, text, date, language, links, review candidates
    ('gen-regime', "China's export control system matures",
     "China's export control system has developed quickly in recent years. Experts said the"
     " country's rules are in line with international practice.",
     '2025-09-01', 'en', [],
     []),
    ('gen-critical', 'Critical minerals in focus',
     'Western governments are worried about their reliance on Chinese critical minerals. Supply'
     ' chains need diversification, officials said.',
     '2025-08-12', 'en', [],
     []),
    ('gen-sb-prices', 'Antimony prices',
     'Antimony prices rose by 20 percent in September, traders said.',
     '2024-10-05', 'en', [],
     []),
    ('gen-re-exports', 'Rare earth exports fall',
     "China's rare earth exports fell 5 percent in May from a year earlier, customs data showed.",
     '2025-06-20', 'en', [],
     []),
    ('gen-ga-output', 'Gallium output',
     'Gallium output in China rose in 2024 as new capacity came online.',
     '2025-02-01', 'en', [],
     []),
    ('gen-us-chips', 'US tightens chip rules',
     'The US Commerce Department tightened its export controls on advanced chips on Monday,'
     ' adding more Chinese firms to its Entity List.',
     '2024-12-03', 'en', [],
     []),
    ('gen-eu-controls', 'EU updates dual-use list',
     'The European Union updated its dual-use export control list this week, the European'
     ' Commission said.',
     '2025-09-15', 'en', [],
     []),
    ('gen-zh-dualuse', '中方立场',
     '中方一贯依法对两用物项实施出口管制，维护国家安全和利益。',
     '2025-07-01', 'zh', [],
     []),
    ('gen-licences', 'Licences for civilian use',
     'The ministry said compliant applications for civilian uses will be approved, and that'
     ' China is willing to strengthen dialogue on export control.',
     '2025-06-12', 'en', [],
     []),
    ('gen-diamond-price', 'Diamond prices fall',
     'Prices of lab-grown diamonds fell by half in two years, Henan producers said.',
     '2025-05-10', 'en', [],
     []),
    ('gen-graphite-demand', 'Graphite demand',
     'Global demand for graphite anodes will double by 2030, a consultancy said on Tuesday.',
     '2025-04-15', 'en', [],
     []),
    ('gen-law', 'Export control law anniversary',
     "China's Export Control Law took effect in December 2020 and set up a unified framework.",
     '2025-12-01', 'en', [],
     []),
    ('gen-zh-re-industry', '稀土产业高质量发展',
     '我国稀土产业持续推进高质量发展，稀土永磁材料产量稳步增长。',
     '2025-03-15', 'zh', [],
     []),
    ('gen-uel-general', 'Unreliable entity list explained',
     'The unreliable entity list is a tool to protect Chinese firms from discrimination, an'
     ' expert said.',
     '2025-01-10', 'en', [],
     []),
    ('gen-sanctions-generic', 'Beijing responds',
     'Beijing will take necessary measures to safeguard its legitimate rights and interests, the'
     ' spokesperson said.',
     '2025-03-05', 'en', [],
     []),
    ('gen-japan-generic', 'Japan ties',
     "Japan's ties with China have deteriorated in the past year, and trade between the two"
     ' fell.',
     '2026-05-01', 'en', [],
     []),
    ('gen-zh-licence', '出口许可便利化',
     '商务部表示，将进一步优化两用物项出口许可审查流程，为合规贸易提供便利。',
     '2025-08-20', 'zh', [],
     []),
    ('gen-tungsten-price', 'Tungsten price',
     'Tungsten prices climbed to a decade high in March, according to a trade publication.',
     '2025-04-01', 'en', [],
     []),
    ('gen-dutch', 'Dutch chip tool rules',
     'The Netherlands expanded its export controls on chipmaking equipment in September.',
     '2024-10-01', 'en', [],
     []),
    ('gen-magnets-trade', 'Magnet trade',
     'Exports of rare earth magnets to Germany rose in June, data showed.',
     '2025-07-20', 'en', [],
     []),
    ('gen-zh-wto', '中方在世贸组织发言',
     '中方代表表示，个别国家泛化国家安全概念，滥用出口管制措施。',
     '2025-10-30', 'zh', [],
     []),
]
PROBE_LIMITS_31 = {  # probes the thirty-first pass leaves unsolved, and why
    'amb-graphite-en2':
        "the firms' trade (anode makers) in the clause of controls narrows it to No. 58",
}
PROBES_31 = AMBIGUOUS_31 + PICKED_31 + GENERAL_31


@pytest.fixture(scope="module")
def probes_31(reference_db, tmp_path_factory):
    return read_against_reference(reference_db, tmp_path_factory.mktemp("probes31"),
                                  [p[:5] for p in PROBES_31])


@pytest.mark.parametrize("probe", [
    pytest.param(p, id=p[0], marks=[pytest.mark.xfail(reason=PROBE_LIMITS_31[p[0]], strict=True)]
                 if p[0] in PROBE_LIMITS_31 else []) for p in PROBES_31])
def test_probe_31_links_and_review_candidates(probe, probes_31):
    """Everyday news referring to a measure in words two or three measures fit equally (review
    candidates, no link), near variations picking one out (its link, no candidate), and general
    references (neither): docs/RULES.md, links, item 25."""
    key, *_, expected_links, expected_candidates = probe
    assert probes_31[key] == (expected_links, expected_candidates)


def test_a_year_two_measures_of_the_subject_share_proposes_both(reference_db, tmp_path):
    """"the export controls on superhard materials that China introduced last year", in March
    2025: No. 33 and No. 46 of 2024 both have superhard materials and both are of 2024, so the
    year dates neither: both are review candidates, neither a link (`dev-1371`). Dated by the
    year of one only (2025, No. 55), or in 2024's first half (before either), nothing."""
    told = ("Indian diamond tool makers say the export controls on superhard materials that "
            "China introduced last year have lengthened delivery times.")
    found = read_against_reference(reference_db, tmp_path, [
        ("2025", "Diamond tools", told, "2025-03-18", "en"),
        ("2024", "Diamond tools", told.replace("last year", "this year"), "2024-06-18", "en")])
    assert found == {"2025": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]), "2024": ([], [])}


def test_goods_named_in_a_title_or_a_text_fit_alike(reference_db, tmp_path):
    """"China's export controls on antimony", undated, in March 2025: antimony is in No. 33's
    title and in No. 46's text (its paragraph 2); where the archive's wording puts it does not
    tell which one the writer meant: both are review candidates (`dev-1300`, `dev-1328`)."""
    found = read_against_reference(reference_db, tmp_path, [(
        "sb", "Flame retardants", "The company said China's export controls on antimony had "
        "made its main raw material scarce.", "2025-03-03", "en")])
    assert found == {"sb": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"])}


def test_an_english_title_is_named_in_a_relay_s_words(reference_db, tmp_path):
    """"the announcement … on the export control of the relevant overseas rare earth items" (a
    machine-translated relay, dev-1920) names No. 61's English title ("Export Controls on
    Relevant Overseas Rare Earth Items") with articles, a singular and "of" for "on"; other
    words in between name no title."""
    found = read_against_reference(reference_db, tmp_path, [
        ("relay", "Korean media",
         "According to the report of the Korean media, the announcement of the Ministry of "
         "Commerce of China on the export control of the relevant overseas rare earth items "
         "attracted the attention of the Korean enterprises.", "2025-10-15", "en"),
        ("apart", "Korean media",
         "The Korean enterprises said the export control of their products, relevant to "
         "overseas markets, and the rare earth items they buy are two matters.", "2025-10-15",
         "en")])
    assert found["relay"][0] == ["MOFCOM-2025-61"]
    assert "MOFCOM-2025-61" not in found["apart"][0]


def test_a_suspending_instrument_is_no_rival_of_the_controls_it_suspends(reference_db, tmp_path):
    """"China's export controls on medium and heavy rare earth items" in 2026: No. 70 of 2025
    suspends No. 57 and so has its goods, but controls on the goods are the controls, not their
    suspension: No. 18 and No. 57 are proposed, not No. 70 (`dev-1431`)."""
    found = read_against_reference(reference_db, tmp_path, [(
        "re", "Magnets", "Some Japanese officials have complained that China's export controls "
        "on medium and heavy rare earth items are hurting their industry.", "2026-10-15", "en")])
    assert found == {"re": ([], ["MOFCOM-2025-18", "MOFCOM-2025-57"])}


def test_the_goods_of_the_clause_of_controls_are_what_is_controlled(reference_db, tmp_path):
    """"河南多家人造金刚石企业表示，去年中国对超硬材料相关物项实施出口管制后，…": the firms make
    synthetic diamonds, but the clause of controls names superhard materials: No. 33 and No. 46
    of 2024 both fit it (only No. 33 has synthetic diamonds)."""
    found = read_against_reference(reference_db, tmp_path, [(
        "zh", "河南金刚石企业",
        "河南多家人造金刚石企业表示，去年中国对超硬材料相关物项实施出口管制后，出口订单需要办理许可。",
        "2025-04-15", "zh")])
    assert found == {"zh": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"])}


def test_controls_on_goods_without_export_are_controls(reference_db, tmp_path):
    """"the restrictions on medium and heavy rare earths" (no "export") are controls on those
    goods, undated: No. 18 and No. 57 are proposed."""
    found = read_against_reference(reference_db, tmp_path, [(
        "re", "Magnet buyers", "Magnet buyers said the restrictions on medium and heavy rare "
        "earths have lengthened delivery times.", "2026-01-15", "en")])
    assert found == {"re": ([], ["MOFCOM-2025-18", "MOFCOM-2025-57"])}


# --- the thirty-second pass: more ambiguous references proposed for review ----------------------

_SB = ['MOFCOM-2024-33', 'MOFCOM-2024-46']
_SH2 = ['MOFCOM-2024-33', 'MOFCOM-2024-46']
_SH3 = ['MOFCOM-2024-33', 'MOFCOM-2024-46', 'MOFCOM-2025-55']
_RE = ['MOFCOM-2025-18', 'MOFCOM-2025-57']
_GR3 = ['MOFCOM-2023-39', 'MOFCOM-2024-46', 'MOFCOM-2025-58']
_GR2 = ['MOFCOM-2023-39', 'MOFCOM-2024-46']
_GA = ['MOFCOM-2023-23', 'MOFCOM-2024-46']
_UEL_MAR = ['UEL-2025-5', 'UEL-2025-6']
_UEL_APR = ['UEL-2025-7', 'UEL-2025-8']
_ECL_APR = ['MOFCOM-2025-21', 'MOFCOM-2025-22']
_JP = ['MOFCOM-2026-11', 'MOFCOM-2026-12']

AMBIGUOUS_32 = [  # key, headline, text, date, language, links, review candidates
    ('a32-sb-curbs', 'Bullet makers scramble for antimony',
     'Prices of antimony trioxide in Rotterdam have doubled since January, traders said on'
     ' Monday. "We are paying $60,000 a tonne," one buyer said. European ammunition makers blame'
     " Beijing's curbs on antimony exports for the squeeze.",
     '2025-04-14', 'en', [], _SB),
    ('a32-sb-restrictions-2024', 'Solar glass makers seek substitutes',
     'Solar glass makers in India are testing substitutes for antimony, three executives said.'
     ' The metal became scarce after China restricted antimony exports in 2024, they said.'
     ' Output at two plants fell 8% in May.',
     '2025-06-21', 'en', [], _SB),
    ('a32-sb-licences', 'Antimony shipments thin out',
     'Shipments of antimony from Chinese ports fell to 12 tonnes in August. Exporters need a'
     ' licence under China\'s antimony export controls, and approvals are slow, an analyst at'
     ' a Shanghai consultancy said.',
     '2025-09-18', 'en', [], _SB),
    ('a32-sb-zh-undated', '锑价高位运行',
     '本周国内锑锭价格维持在每吨18万元附近。分析人士称，受中国对锑实施出口管制影响，海外市场供应偏紧。'
     '多家贸易商表示，下游阻燃剂企业采购谨慎。',
     '2025-07-08', 'zh', [], _SB),
    ('a32-sb-zh-2024', '锑产业链观察',
     '记者了解到，2024年中国对锑相关物项实施出口管制以来，国内锑冶炼企业加快转型。'
     '“我们现在更多做高端产品，”一家企业负责人说。',
     '2025-08-30', 'zh', [], _SB),
    ('a32-sb-quote', 'US lawmakers seek antimony stockpile',
     'Two US senators on Wednesday introduced a bill to stockpile antimony. "China\'s export'
     ' restrictions on antimony show how exposed we are," Senator Smith said. The bill would'
     ' fund $500 million in purchases over five years.',
     '2025-05-07', 'en', [], _SB),
    ('a32-sb-lastyear-controls', 'Antimony miner restarts Idaho project',
     'A US miner said on Thursday it would restart an antimony project in Idaho. Its shares rose'
     ' 14%. The company said the antimony controls Beijing introduced last year had changed the'
     ' economics of the mine.',
     '2025-02-20', 'en', [], _SB),
    ('a32-sh-restrictions', 'Diamond wire makers face delays',
     'Makers of diamond wire saws in Italy say orders are piling up. "Delivery now takes twelve'
     ' weeks," said one manager on Tuesday. They blame China\'s restrictions on exports of'
     ' superhard materials.',
     '2025-06-24', 'en', [], _SH2),
    ('a32-sh-late', 'Tool makers in Germany adjust',
     'German tool makers said on Monday that sales fell 3% in the third quarter. An association'
     ' spokesman said China\'s export controls on superhard materials are still the main'
     ' worry for members.',
     '2025-12-01', 'en', [], _SH3),
    ('a32-sh-zh-undated', '超硬材料企业拓展海外',
     '郑州一家超硬材料企业负责人表示，今年前三季度公司营收增长12%。他说，中国对超硬材料实施出口管制后，'
     '企业出口需要申请许可，但订单总体稳定。',
     '2025-12-10', 'zh', [], _SH3),
    ('a32-sh-2024', 'Saw blade importers seek suppliers',
     'Importers of saw blades in Turkey said supplies tightened. They said the superhard'
     ' materials export controls China imposed in 2024 made Chinese diamond powder harder to'
     ' buy.',
     '2025-05-29', 'en', [], _SH2),
    ('a32-re-curbs', 'Automakers stockpile magnets',
     'Two European automakers said on Friday they had built up three months of magnet stocks.'
     ' "We learned our lesson," one executive said. Beijing\'s curbs on medium and heavy rare'
     ' earths had halted a production line in June.',
     '2026-02-13', 'en', [], _RE),
    ('a32-re-licensing', 'Magnet licences take weeks',
     'Applications for magnet export licences take about 45 days, exporters said. China\'s'
     ' export controls on medium and heavy rare earth items require licences for each shipment,'
     ' they said.',
     '2026-01-22', 'en', [], _RE),
    ('a32-re-2025', 'Rare earth prices in Europe',
     'Dysprosium prices in Europe were three times those in China in March, data showed. Traders'
     ' said the medium and heavy rare earth export controls China introduced in 2025 keep'
     ' the gap wide.',
     '2026-04-20', 'en', [], _RE),
    ('a32-re-zh-undated', '稀土永磁出口回升',
     '海关数据显示，1月稀土永磁出口量环比增长9%。业内人士表示，中国对中重稀土相关物项实施出口管制，'
     '企业依法申请许可后出口正常进行。',
     '2026-02-25', 'zh', [], _RE),
    ('a32-re-zh-lastyear', '海外车企关注稀土供应',
     '多家海外车企高管近日表示，关注中国稀土供应情况。去年中国对中重稀土相关物项实施出口管制后，'
     '部分车企一度停产。',
     '2026-03-18', 'zh', [], _RE),
    ('a32-re-quote', 'EU envoy raises rare earths',
     'The EU trade commissioner met Chinese officials in Brussels on Thursday. "The export'
     ' controls on medium and heavy rare earths remain a concern for our industry," he said'
     ' afterwards, adding that talks would continue.',
     '2026-05-15', 'en', [], _RE),
    ('a32-gr-undated', 'Anode plants in Europe',
     'Two anode plants opened in Sweden this year with capacity of 40,000 tonnes. Their'
     ' operators said China\'s export controls on graphite had made customers keen on local'
     ' supply.',
     '2026-03-09', 'en', [], _GR3),
    ('a32-gr-zh-undated', '石墨负极企业出海',
     '多家石墨负极企业今年加快海外建厂。业内人士表示，中国对石墨实施出口管制后，出口需办理许可证。',
     '2026-04-16', 'zh', [], _GR3),
    ('a32-gr-mid', 'Graphite buyers in Korea',
     'South Korean battery makers said graphite stocks were sufficient for the second quarter.'
     ' They said Beijing\'s export controls on graphite have lengthened delivery times.',
     '2025-05-19', 'en', [], _GR2),
    ('a32-ga-undated', 'Gallium price hits high',
     'Gallium prices in Europe hit $1,000 a kilogram on Monday, up 60% this year. Traders'
     ' said China\'s export controls on gallium have left Western buyers short.',
     '2025-06-02', 'en', [], _GA),
    ('a32-ga-zh-undated', '镓价创新高',
     '欧洲市场镓价本周创下新高。分析人士认为，中国对镓实施出口管制后，海外供应持续紧张。',
     '2025-07-15', 'zh', [], _GA),
    ('a32-ga-restrictions', 'Chip makers seek gallium',
     'Japanese compound semiconductor makers are looking for gallium outside China. "There is'
     ' not enough," one executive said on Wednesday, citing China\'s restrictions on gallium'
     ' exports.',
     '2025-09-10', 'en', [], _GA),
    ('a32-ge-undated', 'Germanium for night vision',
     'Makers of night vision equipment said germanium costs rose 40% this year. They said'
     ' China\'s export controls on germanium had cut supplies to defence firms.',
     '2025-08-25', 'en', [], _GA),
    ('a32-uel-april', 'US contractor shrugs off Beijing move',
     'A US defence contractor said on Tuesday that it expects no impact on its revenue. It was'
     ' among'
     ' the US firms Beijing added to the unreliable entity list in April. "We sell nothing in'
     ' China," a spokeswoman said.',
     '2025-06-10', 'en', [], _UEL_APR),
    ('a32-uel-march', 'Defence firms dismiss listing',
     'Several US defence firms dismissed the move as symbolic. China placed them on its'
     ' unreliable entity list in March over arms sales to Taiwan, barring them from trade with'
     ' China.',
     '2025-05-28', 'en', [], _UEL_MAR),
    ('a32-uel-zh-april', '美企回应被列入清单',
     '多家美国防务企业表示，被列入不可靠实体清单对业务影响有限。今年4月，中方将上述企业列入不可靠实体清单。',
     '2025-08-12', 'zh', [], _UEL_APR),
    ('a32-uel-zh-march', '美国军工企业',
     '今年3月，中方将多家参与对台军售的美国企业列入不可靠实体清单，禁止其从事与中国有关的进出口活动。',
     '2025-09-05', 'zh', [], _UEL_MAR),
    ('a32-ecl-april', 'US contractors lose access',
     'Some US contractors said they were losing access to Chinese components. China added'
     ' them to its export control list in April, banning exports of dual-use items to them.',
     '2025-07-30', 'en', [], _ECL_APR),
    ('a32-ecl-zh-april', '两用物项出口禁令',
     '商务部今年4月将多家美国实体列入出口管制管控名单。有关企业表示将配合。',
     '2025-10-09', 'zh', [], _ECL_APR),
    ('a32-jp-feb', 'Japanese firms on Chinese lists',
     'Japanese shipbuilders are reviewing contracts with Chinese suppliers. Beijing placed 20'
     ' Japanese entities on a list in February, a trade ministry official said on Friday.',
     '2026-04-24', 'en', [], _JP),
    ('a32-jp-feb24-zh', '日本企业评估影响',
     '2月24日，商务部将20家日本实体列入有关名单。日本企业正在评估影响。',
     '2026-04-03', 'zh', [], _JP),
    ('a32-re-restr-quote', 'Wind turbine makers warn',
     'European wind turbine makers warned on Tuesday of delays. "The restrictions on medium and'
     ' heavy rare earths still bite," an industry body said, adding that magnet stocks would'
     ' last until June.',
     '2026-03-03', 'en', [], _RE),
    ('a32-sh-curbs', 'Indian toolmakers',
     'Indian toolmakers said orders rose 5% in the quarter. Beijing\'s curbs on superhard'
     ' materials, they said, pushed buyers to local suppliers.',
     '2025-07-17', 'en', [], _SH2),
    ('a32-sb-zh-licence', '锑出口许可',
     '据了解，目前企业出口锑相关物项需要向商务部申请许可。业内人士说，中国对锑的出口管制使海外价格高企。',
     '2025-10-20', 'zh', [], _SB),
    ('a32-re-zh-quote', '欧洲商会谈稀土',
     '中国欧盟商会主席表示：“中方对中重稀土的出口管制仍影响部分会员企业。”他同时表示，许可审批速度有所加快。',
     '2026-01-28', 'zh', [], _RE),
    ('a32-gr-curbs', 'EV makers and graphite',
     'US electric vehicle makers said on Monday that they had secured graphite until 2027.'
     ' Beijing\'s curbs on graphite exports, an analyst said, forced the industry to plan ahead.',
     '2026-02-02', 'en', [], _GR3),
    ('a32-sb-thisyear', 'Antimony premium widens',
     'The premium for antimony outside China widened to a record in November. Traders said the'
     ' antimony export controls imposed this year had cut Chinese shipments by 90%.',
     '2024-12-20', 'en', [], _SB),
    ('a32-sh-zh-2024', '金刚石微粉出口',
     '2024年中国对超硬材料相关物项实施出口管制后，金刚石微粉出口需要申请许可。今年一季度出口量下降15%。',
     '2025-04-28', 'zh', [], _SH2),
    ('a32-re-lastyear-curbs', 'Japan automakers on magnets',
     'Japanese automakers said supply of magnets was stable in January. Last year\'s curbs on'
     ' medium and heavy rare earths had forced two of them to cut output for weeks.',
     '2026-02-19', 'en', [], _RE),
    ('a32-uel-april-zh2', '美国军工企业回应',
     '美国一家军工企业发言人称，公司4月被中方列入不可靠实体清单后，在华业务已全部停止。',
     '2025-11-03', 'zh', [], _UEL_APR),
    ('a32-ecl-april-en', 'Aerospace suppliers',
     'US aerospace suppliers said they had found new sources for some parts. Beijing put a'
     ' group of US companies on its export control list in April, a move that bars Chinese'
     ' firms from selling them dual-use goods.',
     '2025-09-22', 'en', [], _ECL_APR),
    ('a32-ga-2024-zh', '镓锗出口',
     '业内人士称，中国对镓、锗实施出口管制以来，相关出口需要逐单申请许可。',
     '2025-03-25', 'zh', [], _GA),
    # "since last autumn" is September to November 2024, which holds No. 33's effective date
    # (15 September), not No. 46's (3 December): a link since the forty-fifth pass reads seasons
    ('a32-sb-restr-quote', 'Flame retardants',
     '"We cannot get antimony at any price," a chemicals buyer told reporters on Monday. Chinese'
     ' restrictions on antimony shipments abroad have cut supplies since last autumn.',
     '2025-03-31', 'en', ['MOFCOM-2024-33'], []),
    ('a32-re-mh-2025-zh', '稀土磁材企业',
     '2025年中国对中重稀土相关物项实施出口管制后，海外磁材企业加快寻找替代来源。',
     '2026-06-10', 'zh', [], _RE),
    ('a32-uel-march-zh2', '军工企业回应',
     '一家美国军工企业称，今年3月被中方列入不可靠实体清单后，与中国已无业务往来。',
     '2025-10-15', 'zh', [], _UEL_MAR),
    ('a32-ge-zh-undated', '锗价上涨',
     '锗价今年以来上涨约40%。业内人士表示，中国对锗的出口管制使海外红外镜头企业成本上升。',
     '2025-09-29', 'zh', [], _GA),
    ('a32-jp-en-feb24', 'Japanese defence suppliers',
     'Japan\'s trade minister said on Tuesday that Tokyo had protested. China put 20 Japanese'
     ' entities on one of its lists on February 24, he said, without naming them.',
     '2026-03-10', 'en', [], _JP),
    ('a32-re-controls-2025', 'Rare earth buyers',
     'Rare earth buyers in Japan said supplies improved in the first quarter. China\'s 2025'
     ' controls on medium and heavy rare earths remain in place, they said.',
     '2026-04-28', 'en', [], _RE),
]

PICKED_32 = [  # one measure picked out: its link, no candidate
    ('p32-sb-dec-us', 'Antimony to the US',
     'Traders said shipments to America have stopped. China banned exports of antimony to the'
     ' United States on December 3, 2024, they noted.',
     '2025-03-10', 'en', ['MOFCOM-2024-46'], []),
    ('p32-sb-aug', 'Antimony controls announced',
     'China announced export controls on antimony on August 15, 2024, saying they would take'
     ' effect on September 15.',
     '2024-10-02', 'en', ['MOFCOM-2024-33'], []),
    ('p32-re-april4', 'Rare earth controls of April',
     'Magnet makers said supplies were cut after China imposed export controls on seven medium'
     ' and heavy rare earths on April 4.',
     '2025-06-10', 'en', ['MOFCOM-2025-18'], []),
    ('p32-re-oct9', 'Rare earth controls of October',
     'China announced export controls on more medium and heavy rare earth items on October 9,'
     ' the commerce ministry said.',
     '2025-10-20', 'en', ['MOFCOM-2025-57'], []),
    ('p32-ga-2023', 'Gallium controls anniversary',
     'China imposed export controls on gallium and germanium in July 2023, citing national'
     ' security.',
     '2024-07-05', 'en', ['MOFCOM-2023-23'], []),
    ('p32-gr-dec2023', 'Graphite rules',
     'China\'s export controls on graphite took effect on December 1, 2023, the ministry said.',
     '2024-03-11', 'en', ['MOFCOM-2023-39'], []),
    ('p32-ecl-28', 'Listed US firms',
     'China added 28 US entities to its export control list on January 2, the ministry said.',
     '2025-01-20', 'en', ['MOFCOM-2025-1'], []),
    ('p32-ecl-16', 'Sixteen US firms',
     'Beijing placed 16 US entities on its export control list on April 4.',
     '2025-05-02', 'en', ['MOFCOM-2025-21'], []),
    ('p32-ecl-12', 'Twelve US firms',
     'The commerce ministry added 12 US entities to the export control list on April 9.',
     '2025-05-06', 'en', ['MOFCOM-2025-22'], []),
    ('p32-uel-11', 'Eleven US firms',
     'China put 11 US entities on its unreliable entity list on April 4.',
     '2025-05-13', 'en', ['UEL-2025-7'], []),
    ('p32-uel-6', 'Six US firms',
     'China placed six US firms on the unreliable entity list on April 9.',
     '2025-05-14', 'en', ['UEL-2025-8'], []),
    ('p32-jp-watch', 'Watch list',
     'China added 20 Japanese entities to its watch list on February 24.',
     '2026-03-02', 'en', ['MOFCOM-2026-12'], []),
    ('p32-jp-ecl', 'Control list',
     'On February 24, China added 20 Japanese entities to its export control list.',
     '2026-03-02', 'en', ['MOFCOM-2026-11'], []),
    ('p32-jp-dualuse', 'Dual-use ban on Japan',
     'China banned exports of dual-use items to Japanese military users on January 6.',
     '2026-01-20', 'en', ['MOFCOM-2026-1'], []),
    ('p32-w-list', 'Tungsten',
     'China imposed export controls on tungsten, tellurium, bismuth, molybdenum and indium on'
     ' February 4.',
     '2025-03-01', 'en', ['MOFCOM-2025-10'], []),
    ('p32-zh-re-april', '中重稀土',
     '4月4日，商务部、海关总署宣布对钐、钆、铽、镝、镥、钪、钇等7类中重稀土相关物项实施出口管制。',
     '2025-05-10', 'zh', ['MOFCOM-2025-18'], []),
    ('p32-zh-sb-aug', '锑',
     '2024年8月15日，商务部、海关总署发布公告，对锑相关物项实施出口管制。',
     '2024-10-10', 'zh', ['MOFCOM-2024-33'], []),
    ('p32-zh-sh-oct', '超硬材料',
     '10月9日，商务部、海关总署宣布对超硬材料相关物项实施出口管制。',
     '2025-10-25', 'zh', ['MOFCOM-2025-55'], []),
    ('p32-zh-jp-ecl', '日本实体',
     '2月24日，商务部将20家日本实体列入出口管制管控名单。',
     '2026-03-05', 'zh', ['MOFCOM-2026-11'], []),
    ('p32-sh-thisyear-late', 'Superhard curbs',
     'Belgian diamond tool makers said business was slow in December. The export controls on'
     ' superhard materials China introduced this year have added paperwork, they said.',
     '2025-12-18', 'en', ['MOFCOM-2025-55'], []),
    ('p32-gr-lib', 'Lithium battery',
     'China announced export controls on lithium batteries and artificial graphite anode'
     ' materials on October 9.',
     '2025-10-30', 'en', ['MOFCOM-2025-58'], []),
]

GENERAL_32 = [  # no measure identifiable: no link, no candidate
    ('g32-sb-prices', 'Antimony prices fall',
     'Antimony prices fell 5% on Monday as demand from solar glass makers slowed. "The market is'
     ' oversupplied," a trader said.',
     '2025-08-11', 'en', [], []),
    ('g32-re-output', 'Rare earth output',
     'China\'s rare earth output rose 8% in 2025, data showed on Tuesday.',
     '2026-01-14', 'en', [], []),
    ('g32-us-controls', 'US chip rules',
     'The United States tightened export controls on advanced chips on Monday, the Commerce'
     ' Department said.',
     '2025-01-14', 'en', [], []),
    ('g32-regime', 'Export control law',
     'China\'s export control law took effect in December 2020 and sets out the licensing system'
     ' for dual-use items.',
     '2025-05-20', 'en', [], []),
    ('g32-zh-regime', '出口管制法',
     '商务部表示，中国将继续完善出口管制法律体系，维护国家安全和发展利益。',
     '2025-08-06', 'zh', [], []),
    ('g32-gr-trade', 'Graphite imports',
     'Japan imported 20,000 tonnes of graphite from Mozambique in March, customs data showed.',
     '2025-04-30', 'en', [], []),
    ('g32-ga-output', 'Gallium output',
     'Gallium output in China rose in 2024 as new capacity came online, analysts said.',
     '2025-02-18', 'en', [], []),
    ('g32-zh-wto', '世贸组织',
     '中方代表在世贸组织会议上表示，出口管制不应成为阻碍正常贸易的工具。',
     '2025-11-20', 'zh', [], []),
    ('g32-eu-controls', 'EU export rules',
     'The European Union agreed on Thursday to update its dual-use export control regulation.',
     '2025-09-11', 'en', [], []),
    ('g32-re-magnet-exports', 'Magnet exports',
     'China\'s rare earth magnet exports rose 12% in November from October, customs data showed.',
     '2025-12-20', 'en', [], []),
    ('g32-zh-prices', '稀土价格',
     '本周氧化镝价格小幅上涨，市场交投活跃。',
     '2026-02-05', 'zh', [], []),
    ('g32-japan-controls', 'Japan rules',
     'Japan added 23 items of chipmaking equipment to its export control list in 2023.',
     '2025-06-15', 'en', [], []),
    ('g32-sh-demand', 'Diamond demand',
     'Demand for synthetic diamonds fell in 2025 as jewellery sales slowed, a report said.',
     '2026-01-30', 'en', [], []),
    ('g32-zh-sb-output', '锑产量',
     '2024年全球锑产量约10万吨，其中中国占比接近一半。',
     '2025-07-22', 'zh', [], []),
    ('g32-generic-controls', 'Export controls debate',
     'Economists said on Tuesday that export controls in general tend to speed up substitution.',
     '2025-10-28', 'en', [], []),
    ('g32-uel-law', 'Unreliable entity rules',
     'China set up its unreliable entity list mechanism in 2019 and published its provisions in'
     ' 2020.',
     '2025-06-30', 'en', [], []),
    ('g32-gr-price', 'Graphite prices',
     'Flake graphite prices in Europe were flat in January, traders said.',
     '2026-02-06', 'en', [], []),
    ('g32-zh-trade', '贸易数据',
     '海关总署数据显示，前11个月我国货物贸易进出口总值增长3.6%。',
     '2025-12-09', 'zh', [], []),
    ('g32-ge-use', 'Germanium uses',
     'Germanium is used in fibre optics and infrared optics, and Belgium is a major refiner.',
     '2025-04-03', 'en', [], []),
    ('g32-korea-curbs', 'Korea curbs',
     'South Korea tightened export curbs on some chip technologies in 2024, officials said.',
     '2025-03-19', 'en', [], []),
]
PROBE_LIMITS_32 = {  # probes the thirty-second pass leaves unsolved, and why
    'a32-re-curbs':
        'a month in the clause of the controls\' effect ("had halted a line in June") dates it',
    'a32-sh-zh-2024':
        'the goods of the licence clause (金刚石微粉, in No. 33 only) narrow the goods controlled',
    'p32-sh-thisyear-late':
        'No. 46\'s suspension in 2025 makes the year shared, though "introduced" issues',
}
PROBES_32 = AMBIGUOUS_32 + PICKED_32 + GENERAL_32


@pytest.fixture(scope="module")
def probes_32(reference_db, tmp_path_factory):
    return read_against_reference(reference_db, tmp_path_factory.mktemp("probes32"),
                                  [p[:5] for p in PROBES_32])


@pytest.mark.parametrize("probe", [
    pytest.param(p, id=p[0], marks=[pytest.mark.xfail(reason=PROBE_LIMITS_32[p[0]], strict=True)]
                 if p[0] in PROBE_LIMITS_32 else []) for p in PROBES_32])
def test_probe_32_links_and_review_candidates(probe, probes_32):
    """Everyday news (thirty-second pass, new wording): ambiguous references (review candidates,
    no link), near variations picking one out (its link), general references (neither):
    docs/RULES.md, links, item 26."""
    key, *_, expected_links, expected_candidates = probe
    assert probes_32[key] == (expected_links, expected_candidates)


def test_controls_told_by_their_goods_alone_are_proposed_unless_the_text_decides(
        reference_db, tmp_path):
    """"Beijing's curbs on antimony exports" (no act word), "the antimony controls" (the goods
    before the noun) and "China restricted antimony exports" (a verb of restricting) tell
    controls on antimony: No. 33 and No. 46 of 2024 fit alike and are proposed (docs/RULES.md,
    links, item 26). A headline telling them so over a lead that links one of them is decided
    by the lead: no candidate."""
    found = read_against_reference(reference_db, tmp_path, [
        ("curbs", "Ammunition", "European ammunition makers blame Beijing's curbs on antimony "
         "exports for the squeeze.", "2025-04-14", "en"),
        ("noun", "Idaho mine", "The company said the antimony controls Beijing introduced last "
         "year had changed the economics of the mine.", "2025-02-20", "en"),
        ("verb", "Solar glass", "The metal became scarce after China restricted antimony exports "
         "in 2024, they said.", "2025-06-21", "en"),
        ("decided", "Superhard material controls", "China announced export controls on "
         "superhard materials on October 9, covering diamond micropowder.", "2025-10-15", "en")])
    assert found == {"curbs": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]),
                     "noun": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]),
                     "verb": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]),
                     "decided": (["MOFCOM-2025-55"], [])}


def test_a_day_or_month_in_a_clause_of_no_measure_dates_something_else(reference_db, tmp_path):
    """"Magnet prices eased in March, but buyers said the export controls on medium and heavy
    rare earths China imposed in 2025 …" and "'The restrictions on medium and heavy rare earths
    still bite,' …, adding that magnet stocks would last until June": the month dates the prices
    and the stocks (its clause, cut at commas, tells no measure, and no measure of the goods has
    it): No. 18 and No. 57 are proposed (item 26). A month in the clause of the act still dates
    the controls."""
    found = read_against_reference(reference_db, tmp_path, [
        ("prices", "Magnets", "Magnet prices eased in March, but buyers said the export controls "
         "on medium and heavy rare earths China imposed in 2025 still shape their contracts.",
         "2026-04-10", "en"),
        ("stocks", "Turbines", '"The restrictions on medium and heavy rare earths still bite," '
         "an industry body said, adding that magnet stocks would last until June.",
         "2026-03-03", "en"),
        ("act", "Magnets", "Buyers said the export controls on medium and heavy rare earths "
         "China imposed in June still shape their contracts.", "2026-04-10", "en")])
    assert found == {"prices": ([], ["MOFCOM-2025-18", "MOFCOM-2025-57"]),
                     "stocks": ([], ["MOFCOM-2025-18", "MOFCOM-2025-57"]),
                     "act": ([], [])}


def test_a_list_only_pointed_at_is_left_unnamed(reference_db, tmp_path):
    """"2月24日，中方将20家日本实体列入相关清单" / 有关名单: the list is pointed at, not
    named, as "a list" is: the two listings of 20 Japanese entities that day (No. 11, control
    list; No. 12, watch list) fit alike and are proposed, neither linked (item 26)."""
    found = read_against_reference(reference_db, tmp_path, [
        ("xiangguan", "日本企业", "2月24日，中方将20家日本实体列入相关清单。", "2026-03-20", "zh"),
        ("youguan", "日本企业", "2月24日，商务部将20家日本实体列入有关名单。", "2026-04-03", "zh")])
    assert found == {"xiangguan": ([], ["MOFCOM-2026-11", "MOFCOM-2026-12"]),
                     "youguan": ([], ["MOFCOM-2026-11", "MOFCOM-2026-12"])}


# --- the thirty-third pass: review candidates, continued --------------------------------------

_APR4_LISTS = ['MOFCOM-2025-21', 'UEL-2025-7']
_APR9_LISTS = ['MOFCOM-2025-22', 'UEL-2025-8']
_SUSP = ['MOFCOM-2025-70', 'MOFCOM-2025-72']

AMBIGUOUS_33 = [  # key, headline, text, date, language, links, review candidates
    ('a33-sb-ammo-effect', 'Shell makers scramble',
     'NATO shell makers are paying $60,000 a tonne for antimony, up from $12,000 in 2023. "Every'
     ' tonne we buy now comes from Oman or Tajikistan," a procurement head said. Industry groups'
     ' blame China\'s antimony export controls for the jump.',
     '2025-05-06', 'en', [], _SB),
    ('a33-sb-lastpara', 'Solar glass costs climb',
     'Solar glass makers in India raised prices by 4% on Monday. The country imported 1.2'
     ' gigawatts of modules in May. Glass makers use antimony as a clarifying agent, and'
     ' Beijing\'s export restrictions on the metal have made it hard to find.',
     '2025-07-08', 'en', [], _SB),
    ('a33-sb-headline-only', 'Antimony curbs squeeze European defence',
     'European defence ministers met in Brussels on Thursday to discuss ammunition output.'
     ' Germany said it would double its orders next year. France said its plants were running'
     ' at full capacity.',
     '2025-06-19', 'en', [], _SB),
    ('a33-sb-zh-effect', '锑价高位运行',
     '本周国际锑价维持在每吨5.5万美元上方。有贸易商说：“自从中国管制锑出口，海外货源一直紧张。”缅甸和塔吉克斯坦的供应也不稳定。',
     '2025-04-22', 'zh', [], _SB),
    ('a33-sb-zh-lastyear-limit', '阻燃剂企业',
     '欧洲一家阻燃剂企业表示，原料成本今年上涨三成。该企业称，去年中方限制锑出口后，公司不得不寻找新供应商。',
     '2025-08-14', 'zh', [], _SB),
    ('a33-sb-2024-measures', 'US antimony mine gets loan',
     'The US Export-Import Bank approved a $1.8 billion loan for an Idaho antimony mine on'
     ' Wednesday. The project gained urgency after Beijing\'s 2024 measures on antimony'
     ' exports, the company said.',
     '2025-04-16', 'en', [], _SB),
    ('a33-sb-quote-curbs', 'Bullet makers',
     '"Chinese curbs on antimony have changed everything for us," the chief executive of a'
     ' Czech ammunition maker said on Tuesday. The company expects sales of 1.2 billion euros'
     ' in 2025.',
     '2025-03-25', 'en', [], _SB),
    ('a33-sh-lastyear-zh', '金刚石工具出口商',
     '印度一家金刚石工具企业负责人表示，去年中国对超硬材料实施出口管制以来，采购周期延长了一个月。该企业今年销售额增长8%。',
     '2025-05-12', 'zh', [], _SH2),
    ('a33-sh-effect-en', 'Toolmakers switch suppliers',
     'German toolmakers said on Wednesday they had found new sources of synthetic diamond'
     ' grit in South Korea. Beijing\'s restrictions on superhard material exports had pushed'
     ' them to look elsewhere, they said.',
     '2025-03-05', 'en', [], _SH2),
    ('a33-sh-undated-2026', 'Diamond wire saws',
     'Makers of diamond wire saws in Italy said orders were flat in the first quarter.'
     ' China\'s export controls on superhard materials still require licences for some'
     ' grades, one of them said.',
     '2026-04-07', 'en', [], _SH3),
    ('a33-re-curbs-effect', 'Carmakers warn of shortages',
     'Two European carmakers said on Friday that magnet supplies remain tight. China\'s'
     ' restrictions on medium and heavy rare earths forced one plant to halt for a week, the'
     ' European Automobile Manufacturers\' Association said.',
     '2026-02-13', 'en', [], _RE),
    ('a33-re-2025-zh', '稀土磁材出口',
     '业内人士表示，2025年中国对中重稀土实施出口管制后，海外电机企业开始囤货。今年1月磁材出口同比增长9%。',
     '2026-03-18', 'zh', [], _RE),
    ('a33-re-lastyear-en', 'Drone makers stockpile',
     'US drone makers have built stocks of magnets to last into 2027. They said the controls'
     ' on medium and heavy rare earths that Beijing imposed last year taught them a lesson.',
     '2026-05-04', 'en', [], _RE),
    ('a33-re-quote', 'Japan industry body',
     '"The controls on medium and heavy rare earths are still the biggest risk," the head of'
     ' a Japanese industry body said on Monday. Japan imported 4,000 tonnes of magnets in'
     ' 2025.',
     '2026-01-26', 'en', [], _RE),
    ('a33-re-zh-quote', '德国企业谈稀土',
     '德国一家电机企业负责人说：“中重稀土出口管制仍然让我们担心。”该企业今年计划在越南建厂。',
     '2026-02-26', 'zh', [], _RE),
    ('a33-re-headline', 'Medium and heavy rare earth curbs weigh on motor makers',
     'Motor makers in Germany reported a 6% fall in orders on Thursday. The VDMA said members'
     ' were reviewing their supply chains and expected a slow recovery in 2026.',
     '2026-01-15', 'en', [], _RE),
    ('a33-gr-undated', 'Anode plant in Texas',
     'A Texas anode plant broke ground on Monday with $200 million of federal support.'
     ' Executives said China\'s export controls on graphite had made domestic supply a'
     ' priority.',
     '2026-03-09', 'en', [], _GR3),
    ('a33-gr-2023-2024-zh', '石墨负极',
     '韩国电池企业表示，中国对石墨的出口管制促使其加快在非洲布局。莫桑比克一座石墨矿今年投产。',
     '2025-02-10', 'zh', [], _GR2),
    ('a33-gr-curbs-quote', 'Battery makers',
     '"Beijing\'s graphite curbs are a wake-up call," a South Korean battery executive said at'
     ' a conference on Tuesday. His company plans to source 30% of its graphite from Africa by'
     ' 2027.',
     '2025-01-21', 'en', [], _GR2),
    ('a33-ga-undated', 'Chip substrate makers',
     'Japanese makers of gallium nitride substrates said costs rose 20% in 2024. They blame'
     ' China\'s export controls on gallium, which produces 98% of the world\'s supply.',
     '2025-02-25', 'en', [], _GA),
    ('a33-ge-zh', '红外镜头企业',
     '欧洲红外镜头企业称，中国对锗实施出口管制后，锗价格翻了一番。比利时一家精炼厂计划扩产。',
     '2025-06-03', 'zh', [], _GA),
    ('a33-ga-restrictions-effect', 'Gallium price',
     'Gallium prices in Rotterdam hit $1,000 a kilogram on Thursday. Traders said Beijing\'s'
     ' restrictions on gallium shipments abroad keep supply tight.',
     '2025-04-10', 'en', [], _GA),
    ('a33-uel-march-en', 'Drone maker shrugs off listing',
     'A US drone maker said on Wednesday that it has no sales in China. Beijing put the firm'
     ' on its unreliable entity list in March, along with other US defence companies.',
     '2025-06-18', 'en', [], _UEL_MAR),
    ('a33-uel-march-lastpara', 'US defence stocks',
     'Shares of US defence companies rose 2% on Monday after strong earnings. Analysts expect'
     ' higher orders in 2026. Some of them were added to China\'s unreliable entity list in'
     ' March.',
     '2025-07-21', 'en', [], _UEL_MAR),
    ('a33-uel-march-zh', '美防务企业',
     '美国一家无人机企业表示，今年3月被列入不可靠实体清单对其营收没有影响。该公司第二季度营收增长12%。',
     '2025-08-06', 'zh', [], _UEL_MAR),
    ('a33-uel-april-en', 'Defence contractor listed',
     'A US defence contractor said it would appeal to Washington for help. China added it to'
     ' the unreliable entity list in April, barring it from importing or exporting goods'
     ' to China.',
     '2025-06-26', 'en', [], _UEL_APR),
    ('a33-uel-april-zh', '军工企业',
     '一家美国军工企业说，今年4月中方将其列入不可靠实体清单后，该公司已停止在华采购。',
     '2025-07-15', 'zh', [], _UEL_APR),
    ('a33-ecl-april-en', 'Aerospace firm hit',
     'A US aerospace firm said it had lost two Chinese suppliers this year. Beijing added it'
     ' to the export control list in April, so Chinese firms may not sell it dual-use items.',
     '2025-08-27', 'en', [], _ECL_APR),
    ('a33-ecl-april-zh', '出口管制管控名单',
     '美国一家航空企业称，今年4月被中方列入出口管制管控名单后，已有两家中国供应商停止供货。',
     '2025-09-09', 'zh', [], _ECL_APR),
    ('a33-jp-feb-en', 'Tokyo protests',
     'Japan\'s chief cabinet secretary said on Monday that Tokyo had lodged a protest. Beijing'
     ' put 20 Japanese companies on one of its lists in February, he said.',
     '2026-03-16', 'en', [], _JP),
    ('a33-jp-feb-zh', '日本企业',
     '日本经济产业省官员表示，今年2月中方将20家日本实体列入清单一事已影响部分企业采购。',
     '2026-04-14', 'zh', [], _JP),
    ('a33-jp-20-en', 'Japanese shipbuilder',
     'A Japanese shipbuilder said on Tuesday that it was among the 20 Japanese entities China'
     ' listed on February 24. It expects no impact on its earnings.',
     '2026-03-03', 'en', [], _JP),
    ('a33-jp-zh-day', '日本实体',
     '日本一家造船企业表示，公司是2月24日被中方列入名单的20家日本实体之一。',
     '2026-03-11', 'zh', [], _JP),
    ('a33-apr4-lists', 'US firms blacklisted',
     'US officials criticised Beijing on Saturday. China added US companies to two of its'
     ' lists on April 4, in response to new US tariffs, a spokesman said.',
     '2025-04-05', 'en', [], _APR4_LISTS),
    ('a33-apr9-lists', 'More US firms listed',
     'Shares of US drone makers fell on Thursday. China placed more US firms on its entity'
     ' lists on April 9, the same day it raised tariffs on US goods to 84%.',
     '2025-04-10', 'en', [], _APR9_LISTS),
    ('a33-susp-nov', 'China pauses curbs',
     'Chinese exports of magnets rose 30% in December. In November Beijing suspended some of'
     ' its export controls after a meeting of the two presidents in Busan.',
     '2026-01-20', 'en', [], _SUSP),
    ('a33-susp-zh', '暂停实施',
     '业内人士表示，去年11月商务部暂停实施部分出口管制措施后，企业申请许可的压力有所减轻。',
     '2026-02-09', 'zh', [], _SUSP),
    ('a33-sb-thisyear-en', 'Antimony record',
     'Antimony prices set a record of $40,000 a tonne on Monday. The controls China put on'
     ' antimony exports this year have reduced its shipments to a trickle.',
     '2024-12-16', 'en', [], _SB),
    ('a33-sb-zh-2024', '锑',
     '2024年中国对锑实施出口管制，海外锑价随后上涨超过一倍。美国一座锑矿计划2027年投产。',
     '2025-09-17', 'zh', [], _SB),
    ('a33-sh-2024-en', 'Diamond grit',
     'Imports of diamond grit into India fell 20% in the first half. Beijing\'s 2024 export'
     ' controls on superhard materials were partly to blame, traders said.',
     '2025-08-19', 'en', [], _SH2),
    ('a33-re-restr-2025', 'Rare earths',
     'Rare earth magnet prices in Europe fell 4% in January. The restrictions China placed on'
     ' medium and heavy rare earths in 2025 have not been lifted, traders said.',
     '2026-02-03', 'en', [], _RE),
    ('a33-re-zh-effect', '中重稀土',
     '日本汽车零部件企业称，受中国中重稀土出口管制影响，部分生产线曾停工两周。',
     '2026-01-08', 'zh', [], _RE),
    ('a33-gr-zh-2025', '石墨负极材料',
     '韩国企业表示，中国对石墨实施出口管制以来，负极材料采购成本上升了15%。',
     '2026-02-24', 'zh', [], _GR3),
    ('a33-ga-zh-limits', '镓',
     '日本企业说，中国限制镓、锗出口后，化合物半导体原料价格明显上涨。',
     '2025-03-14', 'zh', [], _GA),
    ('a33-uel-march-quote', 'Listed firm',
     '"Being put on China\'s unreliable entity list in March changed nothing for us," a'
     ' spokesman for a US defence company said on Thursday.',
     '2025-06-12', 'en', [], _UEL_MAR),
    ('a33-ecl-april-quote', 'Listing response',
     '"We were placed on China\'s export control list in April and we are still assessing the'
     ' impact," the company said in a filing on Friday.',
     '2025-05-30', 'en', [], _ECL_APR),
    ('a33-jp-zh-quote', '日本官员',
     '日本官员表示：“中方2月将20家日本实体列入清单，我们已提出严正交涉。”',
     '2026-03-21', 'zh', [], _JP),
    ('a33-sb-curbs-ldc', 'Laos antimony',
     'A Laotian antimony mine shipped its first cargo to Japan on Friday. Since Chinese curbs'
     ' on antimony took hold, buyers have turned to Southeast Asia.',
     '2025-10-03', 'en', [], _SB),
    ('a33-re-curbs-quote2', 'Wind power',
     'Vestas said on Wednesday that turbine deliveries would rise 10% in 2026. "Curbs on'
     ' medium and heavy rare earths remain a risk for us," its chief executive said.',
     '2026-02-11', 'en', [], _RE),
    ('a33-sh-zh-undated', '超硬材料',
     '韩国刀具企业表示，中国对超硬材料的出口管制让其寻找新的金刚石供应商。',
     '2025-04-29', 'zh', [], _SH2),
    ('a33-gr-restrictions', 'Graphite electrodes',
     'A Japanese steelmaker said on Tuesday that supplies of graphite were stable. Beijing\'s'
     ' restrictions on graphite exports had raised costs in 2024, it said.',
     '2025-03-11', 'en', [], _GR2),
    ('a33-uel-zh-march-lastpara', '美国防务股',
     '美国防务企业股价周一上涨2%。分析人士预计明年订单增加。其中部分企业今年3月被列入不可靠实体清单。',
     '2025-07-22', 'zh', [], _UEL_MAR),
    ('a33-ecl-zh-april-quote', '美企回应',
     '该公司发言人说：“我们今年4月被列入出口管制管控名单，目前正在评估影响。”',
     '2025-06-05', 'zh', [], _ECL_APR),
    ('a33-re-lastyear-zh', '稀土',
     '欧洲磁材企业表示，去年中国对中重稀土实施出口管制后，欧洲加快建设本土产能。',
     '2026-05-19', 'zh', [], _RE),
    ('a33-sb-restrictions-zh', '锑出口',
     '美国一家军工企业表示，中国对锑的出口限制仍在影响其弹药生产。',
     '2025-11-25', 'zh', [], _SB),
    ('a33-ga-2024-en', 'Gallium in 2024',
     'Gallium prices doubled outside China in 2024. The export controls on gallium China'
     ' tightened that year were the main cause, analysts said.',
     '2025-01-28', 'en', [], ['MOFCOM-2024-46']),
    ('a33-sh-lastyear-en', 'Diamond tools',
     'Diamond tool makers in Belgium said orders rose in February. The superhard material'
     ' controls China introduced last year have raised their costs, they said.',
     '2025-03-20', 'en', [], _SH2),
    ('a33-re-zh-restr', '电机企业',
     '德国电机企业表示，中国对中重稀土的限制措施使其一度停产。该企业今年1月恢复满产。',
     '2026-02-17', 'zh', [], _RE),
    ('a33-uel-march-2025', 'Listed drone firm',
     'The drone maker said sales rose in the second quarter despite its March 2025 listing'
     ' on China\'s unreliable entity list.',
     '2025-08-13', 'en', [], _UEL_MAR),
    ('a33-ecl-apr-2025', 'US firm listing',
     'The company, placed on China\'s export control list in April 2025, said on Monday that it'
     ' had found new suppliers in Vietnam.',
     '2025-11-10', 'en', [], _ECL_APR),
]

PICKED_33 = [  # one measure picked out: its link, no candidate
    ('p33-sb-us-ban', 'Antimony to America',
     'US importers said on Monday that they had received no Chinese antimony this year. China'
     ' banned antimony exports to the United States on December 3, 2024.',
     '2025-04-14', 'en', ['MOFCOM-2024-46'], []),
    ('p33-sb-sept15', 'Antimony licences',
     'China\'s export controls on antimony took effect on September 15, 2024, a trader noted on'
     ' Tuesday.',
     '2024-11-05', 'en', ['MOFCOM-2024-33'], []),
    ('p33-re-oct9-zh', '中重稀土',
     '10月9日，商务部、海关总署公告对部分中重稀土相关物项实施出口管制。',
     '2025-10-28', 'zh', ['MOFCOM-2025-57'], []),
    ('p33-re-april4-en', 'April rare earth curbs',
     'Car parts suppliers said on Friday that shortages began after China imposed export'
     ' controls on medium and heavy rare earths on April 4.',
     '2025-06-20', 'en', ['MOFCOM-2025-18'], []),
    ('p33-ecl-28', 'US defence firms',
     'On January 2, China added 28 US entities to its export control list, the ministry said.',
     '2025-02-05', 'en', ['MOFCOM-2025-1'], []),
    ('p33-ecl-15', 'Fifteen US firms',
     'China added 15 US entities to its export control list on March 4.',
     '2025-03-20', 'en', ['MOFCOM-2025-13'], []),
    ('p33-ecl-16-zh', '16家美国实体',
     '4月4日，商务部将16家美国实体列入出口管制管控名单。',
     '2025-04-20', 'zh', ['MOFCOM-2025-21'], []),
    ('p33-uel-11-zh', '11家美国实体',
     '4月4日，不可靠实体清单工作机制将11家美国实体列入不可靠实体清单。',
     '2025-04-25', 'zh', ['UEL-2025-7'], []),
    ('p33-uel-6-en', 'Six US firms',
     'On April 9, China put six US entities on its unreliable entity list.',
     '2025-05-20', 'en', ['UEL-2025-8'], []),
    ('p33-jp-watch-zh', '关注名单',
     '2月24日，商务部将20家日本实体列入关注名单。',
     '2026-03-09', 'zh', ['MOFCOM-2026-12'], []),
    ('p33-jp-ecl-en', 'Control list',
     'China put 20 Japanese entities on its export control list on February 24.',
     '2026-03-12', 'en', ['MOFCOM-2026-11'], []),
    ('p33-w-zh', '钨碲铋钼铟',
     '2月4日，商务部、海关总署宣布对钨、碲、铋、钼、铟相关物项实施出口管制。',
     '2025-02-20', 'zh', ['MOFCOM-2025-10'], []),
    ('p33-gr-oct2023', 'Graphite',
     'China announced export controls on graphite on October 20, 2023.',
     '2024-02-12', 'en', ['MOFCOM-2023-39'], []),
    ('p33-ga-july2023-zh', '镓锗',
     '2023年7月3日，商务部、海关总署宣布对镓、锗相关物项实施出口管制。',
     '2024-01-15', 'zh', ['MOFCOM-2023-23'], []),
    ('p33-sh-oct9-en', 'Superhard',
     'China announced export controls on superhard materials on October 9, 2025.',
     '2025-11-20', 'en', ['MOFCOM-2025-55'], []),
    ('p33-lib-zh', '锂电池',
     '10月9日，商务部、海关总署宣布对锂电池和人造石墨负极材料相关物项实施出口管制。',
     '2025-10-21', 'zh', ['MOFCOM-2025-58'], []),
    ('p33-jp-dualuse-zh', '日本',
     '1月6日，商务部宣布加强两用物项对日本出口管制。',
     '2026-01-22', 'zh', ['MOFCOM-2026-1'], []),
    ('p33-uel-10-zh', '10家美国实体',
     '3月4日，不可靠实体清单工作机制将10家美国实体列入不可靠实体清单。',
     '2025-03-25', 'zh', ['UEL-2025-5'], []),
    ('p33-ecl-12-zh', '12家美国实体',
     '4月9日，商务部将12家美国实体列入出口管制管控名单。',
     '2025-05-08', 'zh', ['MOFCOM-2025-22'], []),
    ('p33-re-tech-zh', '稀土技术',
     '10月9日，商务部宣布对稀土相关技术实施出口管制。',
     '2025-10-30', 'zh', ['MOFCOM-2025-62'], []),
]

GENERAL_33 = [  # no measure identifiable: no link, no candidate
    ('g33-sb-price', 'Antimony prices ease',
     'Antimony prices in Rotterdam eased 3% on Friday as buyers waited. "Demand is soft,"'
     ' a trader said.',
     '2025-09-12', 'en', [], []),
    ('g33-re-mine', 'Australian rare earth mine',
     'An Australian rare earth miner said output rose 15% in the quarter to March.',
     '2026-04-21', 'en', [], []),
    ('g33-us-entity', 'US entity list',
     'The US Commerce Department added 80 Chinese companies to its entity list on Tuesday.',
     '2025-03-26', 'en', [], []),
    ('g33-dutch', 'Dutch chip tools',
     'The Netherlands widened export controls on chipmaking tools in January, officials said.',
     '2025-02-14', 'en', [], []),
    ('g33-zh-law', '出口管制法',
     '专家表示，出口管制法实施五年来，中国出口管制体系不断完善。',
     '2025-12-02', 'zh', [], []),
    ('g33-zh-price', '镓价',
     '本周国内镓价小幅下跌，下游需求平淡。',
     '2025-07-16', 'zh', [], []),
    ('g33-gr-mine', 'Graphite mine',
     'A Tanzanian graphite mine shipped its first cargo to Europe on Monday.',
     '2025-10-06', 'en', [], []),
    ('g33-zh-trade', '进出口',
     '海关数据显示，今年前三季度稀土出口量同比增长5%。',
     '2025-10-20', 'zh', [], []),
    ('g33-eu-sanctions', 'EU sanctions',
     'The EU adopted its 17th package of sanctions against Russia on Tuesday.',
     '2025-05-20', 'en', [], []),
    ('g33-ge-demand', 'Germanium demand',
     'Demand for germanium in fibre optics rose in 2024, an industry report said.',
     '2025-03-04', 'en', [], []),
    ('g33-zh-wto', '世贸',
     '中方在世贸组织表示，反对将经贸问题政治化。',
     '2025-06-24', 'zh', [], []),
    ('g33-magnet-output', 'Magnet output',
     'Japan\'s magnet output rose 6% in 2025, data showed on Friday.',
     '2026-02-20', 'en', [], []),
    ('g33-sh-jewel', 'Lab-grown diamonds',
     'Prices of lab-grown diamonds fell 20% in 2025 as supply surged.',
     '2026-01-12', 'en', [], []),
    ('g33-zh-compliance', '合规',
     '专家建议企业建立出口管制内部合规制度，定期开展培训。',
     '2025-09-30', 'zh', [], []),
    ('g33-korea', 'Korea',
     'South Korea said on Monday it would stockpile more rare metals by 2030.',
     '2025-11-17', 'en', [], []),
    ('g33-uel-general', 'Unreliable entity list',
     'Analysts said the unreliable entity list has become a standard tool of Chinese trade'
     ' policy.',
     '2025-12-15', 'en', [], []),
    ('g33-zh-sb-output', '锑矿',
     '湖南一家锑矿企业今年一季度产量增长10%。',
     '2025-04-30', 'zh', [], []),
    ('g33-us-chips', 'US chip rules',
     'Washington eased some export controls on AI chips to the Gulf on Thursday.',
     '2025-05-15', 'en', [], []),
    ('g33-tariff', 'Tariffs',
     'China raised tariffs on US goods to 125% in April, the finance ministry said.',
     '2025-06-02', 'en', [], []),
    ('g33-zh-battery', '电池出口',
     '今年前11个月，我国锂电池出口额同比增长20%。',
     '2025-12-12', 'zh', [], []),
]
PROBE_LIMITS_33 = {  # probes the thirty-third pass leaves unsolved, and why
    'a33-sb-2024-measures':
        '"measures on antimony exports" (the noun "measures" on goods) is not read as controls',
    'a33-gr-curbs-quote':
        'the day of the speech ("said at a conference on Tuesday") is read as dating the curbs',
    'a33-uel-march-zh':
        'a clause of the listing\'s effect (对其营收没有影响) in the clause of the listing',
    'a33-apr4-lists':
        'two listings of two kinds the same day ("two of its lists"): no list, no count told',
    'a33-apr9-lists':
        '"its entity lists" on a day with two listings of two kinds: no count told',
    'a33-susp-nov':
        'two suspensions of November (No. 70 and No. 72) told as "suspended some of its controls"',
    'a33-susp-zh':
        '暂停实施部分出口管制措施 in November: the two suspending instruments are not proposed',
    'a33-ga-zh-limits':
        'a Japanese firm speaking (日本企业说) is read as another government\'s act',
    'a33-sh-zh-undated':
        'the firms\' trade (金刚石供应商) in the clause of controls narrows the goods to No. 33',
    'a33-gr-restrictions':
        'a year in the clause of the restrictions\' effect ("raised costs in 2024") dates them',
    'a33-ga-2024-en':
        '"that year" refers back to the sentence before: the year is not read',
}
PROBES_33 = AMBIGUOUS_33 + PICKED_33 + GENERAL_33


@pytest.fixture(scope="module")
def probes_33(reference_db, tmp_path_factory):
    return read_against_reference(reference_db, tmp_path_factory.mktemp("probes33"),
                                  [p[:5] for p in PROBES_33])


@pytest.mark.parametrize("probe", [
    pytest.param(p, id=p[0], marks=[pytest.mark.xfail(reason=PROBE_LIMITS_33[p[0]], strict=True)]
                 if p[0] in PROBE_LIMITS_33 else []) for p in PROBES_33])
def test_probe_33_links_and_review_candidates(probe, probes_33):
    """Everyday news (thirty-third pass, new kinds of reference: by effect, in a quote, in the
    headline or the last paragraph only, by the act of listing, by a verb of restricting in
    Chinese): ambiguous references (review candidates, no link), near variations picking one
    out (its link), general references (neither): docs/RULES.md, links, item 27."""
    key, *_, expected_links, expected_candidates = probe
    assert probes_33[key] == (expected_links, expected_candidates)


def test_restrictions_told_by_a_chinese_verb_or_noun_or_by_their_actor_are_controls(
        reference_db, tmp_path):
    """"去年中方限制锑出口后" (a verb of restricting the goods' exports), "中国对锑的出口限制"
    (a restriction of them as a noun) and "the controls China put on antimony exports" (the
    goods after the actor's verb) tell controls on antimony: No. 33 and No. 46 of 2024 fit alike
    and are proposed, never linked (docs/RULES.md, links, item 27). Exports of antimony that
    fell tell no control: nothing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("verb", "阻燃剂企业", "该企业称，去年中方限制锑出口后，公司不得不寻找新供应商。",
         "2025-08-14", "zh"),
        ("noun", "锑出口", "美国一家军工企业表示，中国对锑的出口限制仍在影响其弹药生产。",
         "2025-11-25", "zh"),
        ("actor", "Antimony record", "The controls China put on antimony exports this year have "
         "reduced its shipments to a trickle.", "2024-12-16", "en"),
        ("none", "锑出口", "今年前三季度中国锑出口同比下降三成。", "2025-10-25", "zh")])
    assert found == {"verb": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]),
                     "noun": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]),
                     "actor": ([], ["MOFCOM-2024-33", "MOFCOM-2024-46"]),
                     "none": ([], [])}


def test_a_list_told_by_the_act_of_listing_alone_is_left_unnamed(reference_db, tmp_path):
    """"今年2月中方将20家日本实体列入清单" (列入 a list it does not name) and "the 20 Japanese
    entities China listed on February 24" (the verb alone): some list, as "a list" is: the two
    listings of 20 Japanese entities that day (No. 11, control list; No. 12, watch list) fit
    alike and are proposed, neither linked (item 27). The list named still decides."""
    found = read_against_reference(reference_db, tmp_path, [
        ("zh", "日本企业",
         "日本官员表示，今年2月中方将20家日本实体列入清单一事已影响部分企业采购。",
         "2026-04-14", "zh"),
        ("en", "Japanese shipbuilder", "A Japanese shipbuilder said it was among the 20 Japanese "
         "entities China listed on February 24.", "2026-03-03", "en"),
        ("named", "关注名单", "2月24日，商务部将20家日本实体列入关注名单。", "2026-03-09", "zh")])
    assert found == {"zh": ([], ["MOFCOM-2026-11", "MOFCOM-2026-12"]),
                     "en": ([], ["MOFCOM-2026-11", "MOFCOM-2026-12"]),
                     "named": (["MOFCOM-2026-12"], [])}


def test_measures_told_suspended_without_a_date_bring_the_one_instrument_that_suspended_them(
        archive):
    """"including suspending the export control measures it announced on October 9" (dev-1810,
    forty-first pass): the suspension is not dated, but the package it names was suspended by
    one instrument only, which the sentence therefore tells."""
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61(), NO62, no70())
    item = news("Affiliates rule", "A ministry spokesperson said China has also taken steps on "
                "its side, including suspending the export control measures it announced on "
                "October 9.", "2025-11-12")
    night(archive, "2025-11-12", item)
    assert sorted(links(archive, item.url)) == ["MOFCOM-2025-55", "MOFCOM-2025-57",
                                                "MOFCOM-2025-58", "MOFCOM-2025-61",
                                                "MOFCOM-2025-62", "MOFCOM-2025-70"]


def test_a_count_of_entities_dated_weeks_away_is_another_listing_s(reference_db, tmp_path):
    """A listing the sentence dates months from a measure's day is not that measure, whatever
    the number of entities: 20 Japanese entities added "on Monday" in June 2026 are not
    February's 20 (No. 11, No. 12), and 28 US entities listed on 4 and 9 April 2025 are Nos. 21
    and 22, not the 28 of January (No. 1). A day lent by "the same day", or a suspension of
    the entities told on its own day, leaves the count its weight."""
    found = read_against_reference(reference_db, tmp_path, [
        ("june", "China lists Japanese entities",
         "China's Ministry of Commerce on Monday added 20 Japanese entities to its export "
         "control list and another 20 to its watch list.", "2026-06-29", "en"),
        ("april", "商务部发言人答问",
         "在出口管制方面，商务部于4月4日和9日分别发布公告，共将28家美国实体列入出口管制管控名单，"
         "禁止向其出口两用物项。", "2025-05-14", "zh"),
        ("february", "China lists Japanese entities",
         "China's Ministry of Commerce on Tuesday added 20 Japanese entities to its export "
         "control list.", "2026-02-24", "en")])
    assert not {"MOFCOM-2026-11", "MOFCOM-2026-12"} & set(found["june"][0] + found["june"][1])
    assert "MOFCOM-2025-1" not in found["april"][0]
    assert {"MOFCOM-2025-21", "MOFCOM-2025-22"} <= set(found["april"][0])
    assert found["february"][0] == ["MOFCOM-2026-11"]


def test_a_chinese_noun_of_controls_imposed_on_a_day_names_all_it_fits(reference_db, tmp_path):
    """"北京于10月9日宣布对稀土元素实施进一步出口限制": a Chinese noun has no number, so the
    restrictions on rare earths announced that day are that day's rare-earth measures, as "the
    rare earth export controls announced on Oct 9" are (the forty-eighth pass, narrowed in the
    fifty-eighth to the measures on rare earths); 出口限制 is a control as "export restriction"
    is. Counted announcements (其他几项出口管制公告) stay unlinked."""
    found = read_against_reference(reference_db, tmp_path, [
        ("day", "中美经贸磋商",
         "此次磋商旨在缓和紧张关系，此前北京于10月9日宣布对稀土元素实施进一步出口限制。",
         "2025-10-18", "zh"),
        ("others", "商务部公告",
         "当天，商务部还发布了其他几项出口管制公告。", "2025-10-09", "zh")])
    assert set(found["day"][0]) == {"MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61",
                                    "MOFCOM-2025-62"}
    assert found["others"][0] == []



def test_a_page_in_traditional_characters_is_read_as_its_simplified_twin(archive):
    """A Hong Kong or Taiwan paper's page links what the same words in Simplified characters
    link; the stored page keeps its own characters, and so does its evidence's quote."""
    night(archive, "2023-07-04", *measures("MOFCOM-2023-23", "MOFCOM-2024-46"))
    body = "去年中國宣布對鎵、鍺相關物項實施出口管制，西方晶片業者叫苦連天。"
    twins = {}
    for script, text in (("hk", body), ("cn", to_simplified(body))):
        item = news("晶片原料", text, "2024-07-06 09:00", url=f"https://www.example.hk/{script}.html")
        item.language = "zh"
        night(archive, "2024-07-06", item)
        twins[script] = links(archive, item.url)
    assert list(twins["hk"]) == list(twins["cn"]) == ["MOFCOM-2023-23"]
    assert "鎵、鍺" in twins["hk"]["MOFCOM-2023-23"]
    assert "镓、锗" in twins["cn"]["MOFCOM-2023-23"]
    stored = archive.document(document_id("https://www.example.hk/hk.html"))
    assert "鎵、鍺" in stored["body"]


def test_a_chinese_title_quoted_without_its_brackets_names_the_measure(archive):
    """A headline quotes a title's words without 《关于…的公告》
    (商务部：加强相关两用物项对美国出口管制): the title names the measure; a listing's title is
    its count, not a title to quote."""
    night(archive, "2025-04-10", *measures("MOFCOM-2024-46", "MOFCOM-2023-23", "MOFCOM-2025-1",
                                           "MOFCOM-2025-21", "MOFCOM-2025-22"))
    item = news("商务部新闻发言人就加强相关两用物项对美国出口管制答记者问",
                "有记者问：中方此举有何考虑？发言人表示，此举是为了维护国家安全和利益。",
                "2025-04-10 09:00", url="https://www.example.cn/qa.html")
    night(archive, "2025-04-10", item)
    found = links(archive, item.url)
    assert list(found) == ["MOFCOM-2024-46"]
    assert "names its title “加强相关两用物项对美国出口管制”" in found["MOFCOM-2024-46"]
    misdated = news("两用物项", "2024年1月，商务部加强相关两用物项对美国出口管制。", "2025-04-10",
                    url="https://www.example.cn/jan.html")  # a month that fits none of its dates
    night(archive, "2025-04-10", misdated)
    assert links(archive, misdated.url) == {}
    profile = build_profile(archive, "MOFCOM-2025-1")
    assert profile.bare_titles == set()  # 将28家美国实体列入出口管制管控名单: a count
    no46 = build_profile(archive, "MOFCOM-2024-46")
    assert no46.bare_titles == {"加强相关两用物项对美国出口管制"}


def test_controls_imposed_on_goods_in_a_month_fit_the_month_the_measure_was_announced(archive):
    """"今年4月，中国政府对中国组织和个人出口稀土物项实施出口管制" (forty-fifth pass):
    对…实施出口管制 tells the imposing, as "imposed" does, so April agrees with No. 18's
    announcement."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18", "MOFCOM-2025-21", "MOFCOM-2025-57"))
    item = news("稀土", "今年4月，中国政府对中国组织和个人出口稀土物项实施出口管制。", "2025-10-10",
                url="https://www.example.cn/april.html")
    night(archive, "2025-10-10", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2025-18"]


def test_a_dates_words_are_the_sentences_own_as_written():
    """Full-width digits and brackets are read as ASCII, and the date's words are quoted as the
    sentence writes them, at their place (forty-fifth pass)."""
    for sentence in ("大陆商务部今（9）日上午发布两项公告", "商务部１０月９日宣布"):
        [found] = dates_in(sentence, "2025-10-09")
        assert sentence[found.start:found.start + len(found.text)] == found.text


def test_a_season_of_a_year_dates_a_measure_in_its_months(archive):
    """"Since summer 2023, exports of germanium from China have been subject to strict controls"
    (forty-fifth pass): the summer holds No. 23's effective date, 1 August 2023; "the fall in
    prices" is no season."""
    night(archive, "2025-07-28", *measures("MOFCOM-2023-23", "MOFCOM-2024-46"))
    item = news("Germanium", "Since summer 2023, exports of germanium from China have been "
                "subject to strict controls.", "2025-07-29", url="https://www.example.com/ge.html")
    night(archive, "2025-07-29", item)
    assert list(links(archive, item.url)) == ["MOFCOM-2023-23"]
    assert dates_in("The fall in prices continued.", "2025-07-29") == []


def test_this_season_is_the_news_own_time_not_a_measures():
    """"licence approvals under the export controls … are coming faster this autumn": this
    autumn dates the approvals, the news's own time, and is not read (the demo's last night)."""
    assert dates_in("Licence approvals are coming faster this autumn.", "2026-11-20") == []


# --- the forty-sixth pass (real pages, set real6) ----------------------------------------------

def test_today_and_effective_immediately_are_the_documents_day():
    """"announced today", 今天, "effective immediately", 即日起 (forty-sixth pass): the
    document's own day, the last two as a start; "today's world" and an anniversary's "today"
    are not."""
    def spans(text: str) -> list[tuple[str, str]]:
        return [(d.first, d.role) for d in dates_in(text, "2025-11-07")]
    assert spans("The ministry announced the suspension today.") == [("2025-11-07", "on")]
    assert spans("商务部今天宣布暂停实施。") == [("2025-11-07", "on")]
    assert spans("The suspension, effective immediately, lasts a year.") == [
        ("2025-11-07", "from")]
    assert spans("即日起暂停实施") == [("2025-11-07", "from")]
    assert spans("Supply chains matter in today's world.") == []
    assert spans("Two years ago today, China announced controls") == [("2023-11-07", "on")]


def test_a_day_by_its_ordinal_and_days_joined_by_and():
    """"On the 20th" is a day of the document's month, or of the month before when it is still
    to come; "April 4 and 9, 2025" is two days (forty-sixth pass); "the 20th anniversary" and
    "4 and 9 percent" are none."""
    def days(text: str, today: str) -> list[str]:
        return [d.first for d in dates_in(text, today) if d.precision == "day"]
    assert days("On the 20th, the ministry announced controls on graphite.", "2023-10-20") == [
        "2023-10-20"]
    assert days("On the 20th, the ministry announced controls.", "2023-11-02") == ["2023-10-20"]
    assert days("on the 20th anniversary of the law", "2023-10-20") == []
    assert days("Back on April 4 and 9, 2025, Beijing added 28 U.S. companies", "2025-08-12") == [
        "2025-04-04", "2025-04-09"]
    assert days("exports grew 4 and 9 percent", "2025-08-12") == []


def test_a_definite_noun_dating_the_act_before_speaks_of_its_goods(archive):
    """"China has hit pause on export controls affecting rare earths. The suspension, effective
    immediately, will last until November 10, 2026." (forty-sixth pass): the sentence opening on
    "The suspension" dates the act of the sentence before and speaks of its goods. A sentence
    before that names no goods, or one that dates itself, lends nothing."""
    night(archive, "2025-11-07", *measures(*SUSPENDED[:1], "MOFCOM-2025-57", "MOFCOM-2025-70"))
    dated = "The suspension, effective immediately, will last until November 10, 2026."
    texts = {"goods": f"China has hit pause on export controls affecting rare earths. {dated}",
             "none": f"China has hit pause on several export controls. {dated}"}
    found = links_of_texts(archive, "Pause", texts, "2025-11-07")
    assert "MOFCOM-2025-57" in found["goods"]
    assert "MOFCOM-2025-57" not in found["none"]


def test_jiang_marks_a_listings_object_not_its_actor():
    """将…参与提升日本军事实力的20家日本实体列入…名单: Japan named inside what 将 marks is the
    parties', China lists them (forty-sixth pass); the US listing Chinese firms is the US's."""
    from pipelines.reading import read_acts
    china = read_acts("商务部发布公告，决定将参与提升日本军事实力的20家日本实体列入"
                      "出口管制管控名单。")
    assert [(a.category.value, a.foreign) for a in china] == [("entity_listing", False)]
    assert [a.foreign for a in read_acts("美国商务部将28家中国实体列入实体清单。")] == [True]


def test_hong_kong_counts_entities_with_jian_and_hyphens_join_glossary_words():
    """20間日本實體 counts 20 entities (forty-sixth pass); "export-control list" is the export
    control list, and export controls on counted entities are that list's."""
    sentence = read_sentence(0, to_simplified("將20間日本實體列入出口管制管控名單"), "2026-02-24")
    assert sentence.counts == {20}
    hyphen = read_sentence(0, "Beijing added 28 U.S. companies to its export-control list.",
                           "2025-08-12")
    assert hyphen.lists == {"export_control_list"}
    lifted = read_sentence(0, "It lifted export controls on 28 U.S. entities on Tuesday.",
                           "2025-08-12")
    assert lifted.lists == {"export_control_list"}


def test_limits_that_kick_in_name_a_measure(archive):
    """"The limits, which kicked in on Sunday, apply to six antimony-related products" (forty-
    sixth pass): measures starting are measures, so the day and the goods name No. 33."""
    sentence = read_sentence(0, "The limits, which kicked in on Sunday, apply to antimony.",
                             "2024-09-17")
    assert sentence.act
    assert not read_sentence(0, "Antimony prices kicked higher on Sunday.", "2024-09-17").act


def test_a_count_the_document_sums_from_dated_listings_is_not_another_listing(archive):
    """"China eases export controls on 28 U.S. firms" with "added 28 U.S. companies to its
    export control list on April 4 and 9" (forty-sixth pass): the 28 are the 16 and the 12 of
    those days, not No. 1's 28 of January; alone, the headline's 28 still names No. 1."""
    night(archive, "2025-04-09", *measures("MOFCOM-2025-1", "MOFCOM-2025-21", "MOFCOM-2025-22"))
    head = "China eases export controls on 28 U.S. firms."
    texts = {"summed": f"{head} Beijing added 28 U.S. companies to its export control list on "
                       "April 4 and 9, 2025.",
             "alone": head}
    found = links_of_texts(archive, "Export controls", texts, "2025-08-12")
    assert found["summed"] == ["MOFCOM-2025-21", "MOFCOM-2025-22"]
    assert found["alone"] == ["MOFCOM-2025-1"]


def test_a_list_of_goods_that_includes_all_a_titles_goods_names_it(archive):
    """"The mineral list includes tungsten, tellurium, molybdenum, bismuth, and indium" (forty-
    sixth pass): a list of goods under control holding all of one title's goods names it, as a
    clause of controls does; a list of prices naming them does not."""
    night(archive, "2025-02-04", *measures("MOFCOM-2025-10"))
    goods = "tungsten, tellurium, molybdenum, bismuth, and indium"
    first = "China has imposed export controls on key minerals to protect national security."
    texts = {"list": f"{first} The mineral list includes {goods}.",
             "prices": f"{first} Prices rose for {goods}."}
    found = links_of_texts(archive, "Minerals", texts, "2025-02-05")
    assert found == {"list": ["MOFCOM-2025-10"], "prices": []}


# --- the forty-seventh pass (real pages, set real8) ---------------------------------------------


def test_a_will_of_an_earlier_clause_does_not_send_a_month_forward():
    """"EU companies will benefit from the suspension, but … controls introduced by China in
    April" (forty-seventh pass): the "will" is the first clause's; April, in the clause of the
    past act, is the April before the page, while "will take effect in April" is the next one."""
    def months(text: str) -> list[str]:
        return [d.first for d in dates_in(text, "2025-11-28") if d.precision == "month"]
    assert months("EU companies will benefit from the suspension, but firms still face controls "
                  "introduced by China in April.") == ["2025-04-01"]
    assert months("The controls will take effect in April.") == ["2026-04-01"]
    assert months("The controls, which will take effect in April, cover magnets.") == [
        "2026-04-01"]



def test_years_listed_with_their_goods_before_one_verb_each_date_their_own_goods(archive):
    """"继2023年对镓、锗，2024年对锑等实施管制后" (forty-seventh pass): 2023 is the year of the
    gallium and germanium controls, 2024 the antimony one's; the 2024 ban to the US, whose text
    names gallium too, is not the 2024 of this list. The evidence quotes the sentence as written."""
    from pipelines.linking import distributed_years
    written = "这是继2023年对镓、锗，2024年对锑等实施管制后，中国的又一次重磅动作。"
    assert distributed_years(written)[1:] == ["2023年对镓、锗等实施管制。",
                                              "2024年对锑等实施管制。"]
    assert distributed_years("2023年对镓实施管制。") == ["2023年对镓实施管制。"]
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23", "MOFCOM-2024-46"))
    found = links_of_texts(archive, "关键矿产", {"list": written}, "2025-02-05")
    assert found["list"] == ["MOFCOM-2023-23"]
    doc = news("关键矿产", written, "2025-02-05", url="https://www.example.cn/list.html")
    assert written in links(archive, doc.url)["MOFCOM-2023-23"]


# --- the forty-eighth pass (real pages, set real10) ---------------------------------------------


def test_a_days_controls_named_by_rare_earths_alone_are_that_days_rare_earth_measures(archive):
    """"the sweeping rare earth export controls it announced on October 9" (forty-eighth pass,
    narrowed in the fifty-eighth): the news names the day's controls by their chief subject, so
    it is every rare-earth measure of the day, not its superhard materials or batteries (as
    dev-610 and the real pages' labellers read it); "rare earths and related items" (稀土等) is
    the day's whole package, as MOFCOM names it; a rare earth named only in a label someone
    gives the measures ("as a 'rare earth weapon'") names none. One announcement of that day,
    or those issued with Customs, are only the rare-earth ones it fits."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61())
    texts = {
        "package": "China said it would suspend the sweeping rare earth export controls it "
                   "announced on October 9.",
        "related": "China said the export control measures on rare earths and related items it "
                   "announced on October 9 are no ban.",
        "label": "Some politicians described the export control measures China announced on "
                 "October 9 as a \"rare earth weapon\".",
        "goods": "China tightened export controls on medium and heavy rare earths on October 9.",
        # counted, fewer than the day's measures: which ones, the rest of the page tells
        "counted": "MOFCOM issued two announcements on October 9 regarding export controls on "
                   "medium and heavy rare earths.",
    }
    found = links_of_texts(archive, "Export controls", texts, "2025-10-20")
    whole = ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58", "MOFCOM-2025-61"]
    assert found == {"package": ["MOFCOM-2025-57", "MOFCOM-2025-61"], "related": whole,
                     "label": whole, "goods": ["MOFCOM-2025-57"],
                     "counted": ["MOFCOM-2025-57"]}
    # a calendar week or a month holding one day's measures names that day's as the day does
    week = links_of_texts(archive, "稀土", {"week": "中国上周公布历来最严格的稀土出口管制措施。"},
                          "2025-10-14")
    assert week == {"week": ["MOFCOM-2025-57", "MOFCOM-2025-61"]}
    # … and China's new rules on controls (管制新规) are plural, as 管制措施 are
    month = links_of_texts(archive, "稀土", {"new_rules": "根据中国本月初公布的稀土出口管制新规，"
                                                       "外国企业须提交资料。"}, "2025-10-25")
    assert month == {"new_rules": ["MOFCOM-2025-57", "MOFCOM-2025-61"]}


def test_measures_called_newly_introduced_are_recent():
    """"The newly introduced rare earth export control measures" and 此次出台的…措施 (forty-
    eighth pass) are recent, as "recently" and 近日 are (the two weeks before the page); "new
    measures" alone and 重新公布 date nothing."""
    day = "2025-10-16"
    recent = [("2025-10-02", day)]
    assert spans_of("The newly introduced rare earth export control measures are normal.",
                    day) == recent
    assert spans_of("此次出台的稀土出口管制措施，是正常行为。", day) == recent
    assert spans_of("新出台的措施", day) == recent
    assert spans_of("此次纳入管制的境外稀土产品，只包括稀土磁材。", day) == recent
    assert spans_of("The new measures are normal.", day) == []
    assert spans_of("商务部重新公布了清单。", day) == []


def test_a_measure_called_recent_is_recent():
    """"China's recent decision to ban exports of antimony", "its recent ban on rare earth
    exports" (fifty-third pass): the adjective dates the measure as "recently" does; "the most
    recent data" and "recent prices" date nothing."""
    day = "2024-12-05"
    recent = [("2024-11-21", day)]
    assert spans_of("China's recent decision to ban exports of antimony to the United States "
                    "has sent shockwaves.", day) == recent
    assert spans_of("Its recent ban on rare earth mineral exports poses a threat.", day) == recent
    assert spans_of("The recent export controls weigh on prices.", day) == recent
    assert spans_of("Recent prices have risen sharply.", day) == []
    assert spans_of("The most recent decision of the court was appealed.", day) == []


def test_measures_called_new_after_their_author_are_recent():
    """"China's new export control rules on rare earths", "the new, stringent Chinese export
    controls" (fifty-fourth pass): measures called new after the state that made them are
    recent, as "newly introduced" ones are; "new measures" alone, a new round or new
    investments date nothing."""
    day = "2025-10-15"
    recent = [("2025-10-01", day)]
    assert spans_of("Concern about China's new export control rules on rare earths grew.",
                    day) == recent
    assert spans_of("Beijing's new curbs hit magnet makers.", day) == recent
    assert spans_of("The new, stringent Chinese export controls on rare earths are a shot.",
                    day) == recent
    assert spans_of("The new measures are normal.", day) == []
    assert spans_of("China's new round of talks with the EU starts.", day) == []
    assert spans_of("The new Chinese investments in Africa grew.", day) == []


def test_a_few_days_ago_in_chinese_is_recent():
    """就在几天前, 前几天, 数日前 (fifty-third pass): a few days ago, recent as 日前 is; 几天后 and
    几天内 date nothing back."""
    day = "2025-11-10"
    recent = [("2025-10-27", day)]
    assert spans_of("就在几天前，中国同意将额外出口管制暂停一年。", day) == recent
    assert spans_of("前几天，商务部发布了公告。", day) == recent
    assert spans_of("数日前，海关查获一批走私货物。", day) == recent
    assert spans_of("几天后，企业将提交申请。", day) == []
    assert spans_of("几天内完成审批。", day) == []


def test_after_the_national_day_holiday_is_the_weeks_after_it():
    """国庆节后, 国庆假期之后 (fifty-third pass): on a page of the weeks after the holiday, from 8
    October to the page's day; on a page of another month, or before the holiday's end, no
    date."""
    assert spans_of("国庆节后，面对中国出台新的稀土出口管制措施，美方声称事前并未接获通知。",
                    "2025-10-17") == [("2025-10-08", "2025-10-17")]
    assert spans_of("国庆假期之后，市场恢复交易。", "2025-10-20") == [("2025-10-08", "2025-10-20")]
    assert spans_of("国庆节后，市场恢复交易。", "2025-12-20") == []
    assert spans_of("国庆节后将恢复发货。", "2025-10-03") == []


def test_controls_on_a_subject_told_as_done_name_the_only_measure_on_it_by_then(archive):
    """"在中重稀土相关物项出口管制措施推出后" (forty-eighth pass): controls on a subject told as
    done, with no time of their own, are the only measure with that subject in its title on
    the page's day: No. 18 in June 2025; in November, with No. 57 of October beside it, no one
    measure, and controls still to come name none."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    done = "金力永磁11日表示，在中重稀土相关物项出口管制措施推出后，公司已陆续获得许可。"
    to_come = "金力永磁11日表示，中重稀土相关物项出口管制措施将推出，公司正在准备。"
    june = links_of_texts(archive, "稀土", {"done": done, "to_come": to_come}, "2025-06-11")
    assert june == {"done": ["MOFCOM-2025-18"], "to_come": []}
    november = links_of_texts(archive, "稀土", {"done_later": done}, "2025-11-11")
    assert november == {"done_later": []}


def test_export_limitations_are_controls(archive):
    """"China will enforce export limitations on antimony" (forty-eighth pass): a rewritten relay's
    word for export controls names a measure as "export restrictions" does; export figures do
    not."""
    night(archive, "2023-07-03", *measures("MOFCOM-2023-23"))
    texts = {"limits": "China will enforce export limitations on gallium and germanium from "
                       "August 1.",
             "figures": "China's export figures for gallium and germanium from August 1 are due."}
    found = links_of_texts(archive, "Gallium", texts, "2023-07-04")
    assert found == {"limits": ["MOFCOM-2023-23"], "figures": []}


def test_a_countrys_office_after_to_is_an_actor_not_a_target():
    """"in response to US President Donald Trump's tariffs" (forty-eighth pass): the country
    before an office or a government is the actor's, not the target of a measure, as "controls on
    US military end users" and "exports to the US" are targets."""
    from pipelines.linking import _TARGETS

    def targets(text: str) -> list[str]:
        return sorted(k for k, pattern in _TARGETS.items() if pattern.search(text))
    assert targets("introduced in response to US President Donald Trump's tariffs") == []
    assert targets("a protest to Japanese Prime Minister Takaichi") == []
    assert targets("export controls on US military end users") == ["US"]
    assert targets("dual-use exports to the United States and to Japan") == ["JP", "US"]


def test_the_noun_of_another_governments_act_is_no_subject_of_chinas_measures():
    """"美国总统川普去年对中国施加关税贸易战，中国则回禁稀土出口管制" (forty-eighth pass): the
    tariffs are the US's act, so no Chinese tariff measure is their subject; China's own tariffs
    still are."""
    sentences, _ = read_document("稀土", "美国总统川普去年对中国施加关税，中国则实施稀土出口管制。",
                                 "2026-01-20")
    assert "tariff" not in sentences[1].subjects and "rare_earth" in sentences[1].subjects
    sentences, _ = read_document("关税", "中方宣布对美国商品加征关税。", "2025-03-04")
    assert "tariff" in sentences[1].subjects


def test_announcements_counted_as_many_as_the_days_measures_are_its_package(archive):
    """2025年10月9日，中国商务部连发六项公告，其中第61号公告… (forty-ninth pass): a count of
    announcements equal to the day's measures names all of them, though the sentence goes on
    about one; a smaller count names only those the page's numbers tell."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    texts = {"all": "2025年10月9日，商务部连发三项公告，其中第57号公告《关于对部分中重稀土相关物项"
                    "实施出口管制的决定》对钬等5种中重稀土实施出口管制。",
             "two": "2025年10月9日，商务部连发两项公告，其中第57号公告《关于对部分中重稀土相关物项"
                    "实施出口管制的决定》对钬等5种中重稀土实施出口管制。"}
    found = links_of_texts(archive, "稀土出口管制新规", texts, "2025-10-20")
    assert found == {"all": ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"],
                     "two": ["MOFCOM-2025-57"]}


def test_a_day_told_loosely_is_the_announcements_the_page_counts_and_numbers(archive):
    """"on Thursday announced measures … on certain rare earth-related items and technologies.
    The two announcements, identified as Announcement No. 61 and No. 62 of 2025 …" (forty-ninth
    pass): the loose words are the two numbered, not the rest of the day's package; without the
    count, the day's rare-earth measures stand (fifty-eighth pass: not its other measures)."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    lead = ("China's Ministry of Commerce on Thursday announced measures aimed at strengthening "
            "export controls on certain rare earth-related items. ")
    texts = {"counted": lead + "The two announcements, identified as Announcement No. 55 and "
                               "No. 57 of 2025, follow the Export Control Law.",
             "uncounted": lead + "Announcement No. 55 of 2025 follows the Export Control Law."}
    found = links_of_texts(archive, "China releases export control measures on rare earth items",
                           texts, "2025-10-09")
    assert found == {"counted": [], "uncounted": ["MOFCOM-2025-57"]}


def test_the_above_minerals_are_the_goods_the_sentence_before_named(archive):
    """中国是锑、镓、锗等多种战略矿产的主要供应国。2024年12月，中国政府正式发布针对上述关键矿产的出口
    管制政策 (forty-ninth pass): the minerals pointed back to are those named before."""
    night(archive, "2023-07-03", *measures("MOFCOM-2023-23"))
    texts = {"back": "中国是镓、锗等多种战略矿产的主要供应国。2023年7月，中国政府正式发布"
                     "针对上述关键矿产的出口管制政策。",
             "none": "中国是多种战略矿产的主要供应国。2023年7月，中国政府正式发布针对上述"
                     "关键矿产的出口管制政策。"}
    found = links_of_texts(archive, "转运", texts, "2025-05-20")
    assert found == {"back": ["MOFCOM-2023-23"], "none": []}


def test_controls_implemented_or_widened_in_a_month_are_the_measure_issued_then(archive):
    """"In April, the Chinese government implemented export controls on rare earth items", "in
    April 2025, Beijing expanded its export control list to include several rare earth elements"
    (forty-ninth pass): "implemented … controls on", as 对…实施出口管制, and a list widened to
    more goods tell the act's issue, so the month and the goods name it; the list holding goods
    is no list of entities (No. 21's)."""
    night(archive, "2025-04-04", *measures("MOFCOM-2025-18", "MOFCOM-2025-21"))
    night(archive, "2025-10-09", *measures("MOFCOM-2025-57"))  # rare earths: no "only measure"
    texts = {"implemented": "In April, the Chinese government implemented export controls on "
                            "rare earth items.",
             "expanded": "In April 2025, Beijing expanded its export control list to include "
                         "several rare earth elements and magnets.",
             "prices": "In April, rare earth prices rose."}
    found = links_of_texts(archive, "Rare earths", texts, "2025-12-04")
    assert found == {"implemented": ["MOFCOM-2025-18"], "expanded": ["MOFCOM-2025-18"],
                     "prices": []}


def test_a_ban_on_dual_use_exports_to_counted_firms_is_the_control_list():
    """"banned the export of dual-use (civilian and military) items to 16 U.S. companies"
    (forty-ninth pass) is 禁止向16家美国实体出口两用物项, a control-list listing; a control list
    "to include several rare earth elements" holds goods, not entities."""
    assert "export_control_list" in terms_in(
        "China banned the export of dual-use (civilian and military) items to 16 U.S. companies.",
        kinds=("list",))
    assert terms_in("Beijing expanded its export control list to include several rare earth "
                    "elements and magnets.", kinds=("list",)) == set()
    assert terms_in("China added 16 U.S. entities to its export control list.",
                    kinds=("list",)) == {"export_control_list"}


def test_a_number_without_its_issuer_on_a_page_about_mofcom_is_mofcoms(archive):
    """商务部发布两则公告。2025年第55号公告对…实施出口管制 (fiftieth pass): a number the sentence
    gives no issuer is MOFCOM's on a page that names MOFCOM and not Customs; on a page that names
    Customs, whose own series it could be, it stays unread."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-58"))
    body = ("2025年第55号公告对超硬材料相关物项实施出口管制。"
            "2025年第58号公告对锂电池相关物项实施出口管制。")
    found = links_of_texts(archive, "出口管制新规",
                           {"mofcom": "10月20日，商务部发布两则公告。" + body}, "2025-10-20")
    assert found["mofcom"] == ["MOFCOM-2025-55", "MOFCOM-2025-58"]
    numbers = set()
    for s in read_document("出口管制新规", "10月20日，海关总署发布两则公告。" + body,
                           "2025-10-20")[0]:
        numbers |= s.numbers
    assert numbers == set()


def test_yearless_numbers_with_the_month_they_were_issued_name_those_measures(archive):
    """"This rollback, outlined in MOFCOM Announcements No. 21 and No. 22 from April" on a page
    of May 2025 (fiftieth pass): each number of the list, of the year whose month it was issued
    in; a month they were not issued in names neither."""
    night(archive, "2025-04-09", *measures("MOFCOM-2025-21", "MOFCOM-2025-22"))
    body = ("China has suspended export controls on 28 US entities for 90 days. This rollback, "
            "outlined in MOFCOM Announcements No. 21 and No. 22 from April, originally imposed "
            "export prohibitions on US defense contractors.")
    found = links_of_texts(archive, "China lifts curbs on US entities",
                           {"april": body, "march": body.replace("April", "March")},
                           "2025-05-15")
    assert {"MOFCOM-2025-21", "MOFCOM-2025-22"} <= set(found["april"])
    assert not {"MOFCOM-2025-21", "MOFCOM-2025-22"} & set(found["march"])


def test_a_start_day_without_its_year_told_days_ahead_is_coming_not_a_year_back():
    """自 4 月 10 日起 on a page of 6 April (fiftieth pass, spaced as some sites write it) starts
    in four days; 从1月5日起 and 自12月1日起 told then started before the page."""
    def first(text: str) -> tuple[str, str]:
        d = dates_in(text, "2025-04-06")[0]
        return d.first, d.role
    assert first("自 4 月 10 日起对美输华商品加征关税") == ("2025-04-10", "from")
    assert first("自4月10日起对美输华商品加征关税") == ("2025-04-10", "from")
    assert first("从1月5日起实施") == ("2025-01-05", "from")
    assert first("自12月1日起实施") == ("2024-12-01", "from")
    assert first("4月10日，商务部发布公告") == ("2024-04-10", "on")


def test_an_instrument_adjusting_the_measures_related_to_a_list_is_named_alone():
    """同日，商务部发布公告，对出口管制管控名单和不可靠实体清单相关措施作出调整，自11月10日起施行
    (fiftieth pass): the day is the instrument's, as a suspension's end is; a listing's
    suspension continued that day is what brings the instrument, not a link of its own."""
    from pipelines.linking import _suspension_alone, read_sentence
    adjusting = ("同日，商务部发布公告，对出口管制管控名单和不可靠实体清单相关措施作出调整，"
                 "自11月10日起施行。")
    assert _suspension_alone(read_sentence(1, adjusting, "2025-11-05"))
    listing = "同日，商务部发布公告，将15家美国实体列入出口管制管控名单，自11月10日起施行。"
    assert not _suspension_alone(read_sentence(1, listing, "2025-11-05"))


def test_dual_use_sales_banned_to_counted_suppliers_is_the_control_list_of_that_count(archive):
    """"banned sales of dual-use products to 28 American military suppliers" on a January 2025
    page (fifty-first pass): what the export control list does to the parties it lists, so the
    count names the listing of 28 (not the December measure on goods for the US); another
    count names neither."""
    night(archive, "2025-01-02", *measures("MOFCOM-2025-1", "MOFCOM-2024-46"))
    body = ("Beijing has banned sales of dual-use products to 28 American military suppliers, "
            "citing national security, the ministry said on Thursday.")
    found = links_of_texts(archive, "China slaps dual-use export ban on US corporations",
                           {"28": body, "31": body.replace("28", "31")}, "2025-01-03")
    assert found["28"] == ["MOFCOM-2025-1"]
    assert "MOFCOM-2025-1" not in found["31"] and "MOFCOM-2024-46" not in found["31"]


def test_a_licensing_regime_put_in_place_in_a_month_is_the_measure_of_that_month(archive):
    """今年4月中国实施稀土出口许可证制度后 on a December page (fifty-first pass): a licensing
    regime implemented in April is the rare earth measure issued that April (not October's);
    the regime named with the month but not as put in place links nothing."""
    night(archive, "2025-04-04", *measures("MOFCOM-2025-18"))
    night(archive, "2025-10-09", *measures("MOFCOM-2025-57"))
    found = links_of_texts(archive, "中国给欧盟稀土放行", {
        "done": "今年4月中国实施稀土出口许可证制度后，欧盟企业抱怨审批流程繁琐。",
        "said": "今年4月中国稀土出口许可证制度后，欧盟企业抱怨审批流程繁琐。"}, "2025-12-17")
    assert found["done"] == ["MOFCOM-2025-18"]
    assert found["said"] == []


def test_rare_earths_by_their_abbreviation_in_capitals(archive):
    """"In April, China imposed export restrictions on REMs" after "rare-earth magnets (REMs)"
    (fifty-first pass): REMs and REEs are rare earths in capitals only ("rems" is no subject)."""
    assert terms_in("In April, China imposed export restrictions on REMs") == {"rare_earth"}
    assert terms_in("REE prices rose") == {"rare_earth"}
    assert terms_in("the rems of sleep") == set()
    night(archive, "2025-04-04", *measures("MOFCOM-2025-18"))
    night(archive, "2025-10-09", *measures("MOFCOM-2025-57"))
    found = links_of_texts(archive, "China begins magnet exports to India", {
        "rems": "In April, China imposed export restrictions on REMs after US tariffs rose."},
        "2025-12-26")
    assert found["rems"] == ["MOFCOM-2025-18"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("商务部六日宣布，将强化对日本出口两用物资的管制", [("六日", "2026-01-06", "2026-01-06")]),
    ("商务部去年四月将七种中重稀土列入管制清单", [("去年四月", "2025-04-01", "2025-04-30")]),
    ("二〇二五年十月九日，商务部发布公告", [("二〇二五年十月九日", "2025-10-09", "2025-10-09")]),
    ("报道称，二十一日晚，商务部宣布", [("二十一日", "2025-12-21", "2025-12-21")]),
    ("有朝一日", []), ("同一日发布", []), ("自公布之日起三十日后施行", []), ("三日内答复", []),
    ("第七日", []), ("三个月后", []),
])
def test_dates_in_chinese_numerals_as_taiwan_papers_write_them(sentence, expected):
    """六日, 去年四月, 二〇二五年十月九日 (fifty-second pass): the dates Hong Kong and Taiwan papers
    write in Chinese numerals read as the same words in digits, each span on the words as
    written; a span of days (三十日后, 三日内) and words with 一日 in them are no dates."""
    found = dates_in(sentence, "2026-01-07")
    assert [(d.text, d.first, d.last) for d in found] == expected
    for d in found:
        assert sentence[d.start:d.start + len(d.text)] == d.text


def test_a_chinese_month_told_as_a_start_a_few_months_ahead_is_the_coming_one():
    """9月起对外发货须先申领出口许可证 on 16 August (fifty-second pass): a start (起, 将) a month
    ahead is this September, not last year's; a bare 9月, or a start months away, stays past."""
    [coming] = dates_in("多家锑企表示，9月起对外发货须先申领出口许可证", "2024-08-16")
    assert (coming.first, coming.role) == ("2024-09-01", "from")
    assert dates_in("9月将实施", "2024-08-16")[0].first == "2024-09-01"
    assert dates_in("9月的数据", "2024-08-16")[0].first == "2023-09-01"
    assert dates_in("2月起实施的规定", "2024-08-16")[0].first == "2024-02-01"


def test_rare_earths_counted_name_the_measure_controlling_as_many(reference_db, tmp_path):
    """"restricted the exports of seven rare earths", 对钐、钆、铽等7类中重稀土实施出口管制, "five
    more rare earths" (fifty-second pass): a count of rare-earth elements names the measure
    whose text names as many (No. 18: seven, No. 57: five); a count no measure has names none,
    and the measures of the goods are proposed as before."""
    found = read_against_reference(reference_db, tmp_path, [
        ("seven", "Rare earths", "China has restricted the exports of seven rare earths unless "
         "the exporter holds a licence.", "2025-04-14", "en"),
        ("qi", "稀土", "中方还对钐、钆、铽等7类中重稀土实施出口管制。", "2025-04-08", "zh"),
        ("five", "Rare earths", "Beijing has added five more rare earths to its export controls.",
         "2025-10-20", "en"),
        ("eleven", "Rare earths", "China restricts exports of eleven rare earths, traders "
         "said.", "2025-10-20", "en")])
    assert found["seven"][0] == ["MOFCOM-2025-18"]
    assert found["qi"][0] == ["MOFCOM-2025-18"]
    assert found["five"][0] == ["MOFCOM-2025-57"]
    assert found["eleven"][0] == []


def no46_with_goods() -> DocumentItem:
    """No. 46 of 2024 as its own page, the goods it bars for the US in its text (gallium,
    germanium, antimony, superhard materials), as the archive holds it."""
    no46 = own_page("MOFCOM-2024-46", *MEASURES["MOFCOM-2024-46"])
    no46.body += "\n原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口。"
    no46.content_hash = content_hash(no46)
    return no46


def test_controls_put_on_all_the_goods_of_one_measures_title_are_that_measure(archive):
    """此前还有镓、锗等同样被出口管制 in April 2025 (fifty-fifth pass): controls told as done on
    gallium and germanium, all the goods of No. 23's title and of no other measure's (No. 46
    names them in its text, for the US), are No. 23. Told without an act, or on one good of
    two, the reference is general."""
    night(archive, "2025-04-05", *measures("MOFCOM-2023-23", "MOFCOM-2025-18"), no46_with_goods())
    texts = {"done": "这次我国有稀土限制出口，此前还有镓、锗等同样被出口管制。",
             "took": "The decision came after China's controls on gallium and germanium items "
                     "took effect.",
             "bare": "China's controls on gallium and germanium have hit buyers.",
             "one": "此前，镓已被实施出口管制。"}
    found = links_of_texts(archive, "中国稀土大起底", texts, "2025-04-10")
    assert found["done"] == ["MOFCOM-2023-23"] and found["took"] == ["MOFCOM-2023-23"]
    assert found["bare"] == [] and found["one"] == []


def test_a_composite_pictures_caption_is_not_the_lead():
    """反击高市早苗「台湾有事」说，…。（组合图） above the story (fifty-fifth pass): a caption,
    its credit a composite picture's, as （法新社资料照） is."""
    from pipelines.linking import _lead
    texts = [("标题", ""), ("反击高市早苗说，中国提高回应层级。", ""), ("（组合图）", ""),
             ("第一句。", ""), ("第二句。", "")]
    assert _lead(texts) == "标题 第一句。 第二句。"


def test_a_measure_named_by_its_month_and_year_is_named_by_its_month(archive):
    """"China's April 2025 export restrictions on rare earth magnets" (fifty-sixth pass) is the
    dated measure "China's April export restrictions" is: the year between the month and the
    noun no longer leaves the month bare. A month and a subject without a measure's noun stay
    below a link."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    texts = {"year": "India's carmakers face a threat as China's April 2025 export restrictions "
                     "on rare earth magnets create bottlenecks.",
             "month": "India's carmakers face a threat as China's April export restrictions on "
                      "rare earth magnets create bottlenecks.",
             "bare": "In April 2025, rare earth magnet prices rose as carmakers faced a threat."}
    found = links_of_texts(archive, "India's automotive sector", texts, "2025-11-20")
    assert found == {"year": ["MOFCOM-2025-18"], "month": ["MOFCOM-2025-18"], "bare": []}


def test_controls_told_as_done_in_the_only_year_of_their_subject_name_the_measure(archive):
    """2023年锗被纳入出口管制清单后 in February 2025 (fifty-sixth pass): germanium put under
    control in 2023, the only measure on it of that year (No. 46 of 2024 names it too), is No.
    23. The year with the subject but no act stays below a link."""
    no46 = no46_with_goods()
    night(archive, "2025-02-04", *measures("MOFCOM-2023-23"), no46)
    texts = {"done": "例如，2023年锗被纳入出口管制清单后，价格从约1万元/公斤上涨到约1.7万元/公斤。",
             "no_act": "例如，2023年锗的出口管制清单影响了价格，价格上涨到约1.7万元/公斤。"}
    found = links_of_texts(archive, "钨价上涨", texts, "2025-02-05")
    assert found == {"done": ["MOFCOM-2023-23"], "no_act": []}



def test_a_decision_dated_by_its_month_is_the_measure_announced_then(archive):
    """"China's decision in April to suspend exports of a wide range of rare earths" (fifty-
    seventh pass): a decision is a word of issuing as "decided" is, so the month it names is
    the month the measure was announced (agreement), and the month with the subject of its
    title links it. The same month and subject told without a word of issuing stay below."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    texts = {"decision": "China's decision in April to suspend exports of a wide range of rare "
                         "earths and related magnets has upended supply chains.",
             "no_word": "Since April, supply chains of rare earths and related magnets have "
                        "been upended."}
    found = links_of_texts(archive, "Carmakers halt lines", texts, "2025-11-20")
    assert found == {"decision": ["MOFCOM-2025-18"], "no_word": []}


def test_controls_named_again_by_a_bare_plural_or_a_pronoun_are_the_controls_before(archive):
    """"… trade tensions sparked rare earth export curbs earlier in 2025. Controls began in
    April. They tightened further in October." (fifty-seventh pass): the bare plural and the
    pronoun name the controls on the goods of the sentence before, so their months link the
    measures on those goods (October's rare-earth one, not the day's superhard materials and
    batteries), the pronoun carrying on what the plural took. Without the goods before, the
    months link nothing."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-55", "MOFCOM-2025-57",
                                           "MOFCOM-2025-58"))
    told = ("However, trade tensions sparked rare earth export curbs earlier in 2025. Controls "
            "were imposed in April. They were tightened further in October. Yet diplomacy "
            "shifted the tide.")
    texts = {"told": told, "no_goods": told.replace("rare earth export curbs", "disruptions")}
    found = links_of_texts(archive, "Licences for magnets resume", texts, "2025-12-22")
    assert found == {"told": ["MOFCOM-2025-18", "MOFCOM-2025-57"], "no_goods": []}


def test_the_scope_of_controls_broadened_in_a_month_is_the_measure_issued_then(archive):
    """"In early October, Beijing broadened the scope of materials and products requiring
    export licenses … with a focus on rare earths" (fifty-seventh pass): a scope broadened is
    a word of issuing, as "expanded its export control list to include" is, so the month is
    the month the rare-earth measure was announced. The month and the goods with no such
    word stay below a link."""
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57", "MOFCOM-2025-55"))
    texts = {"broadened": "In early October, Beijing broadened the scope of materials and "
                          "products requiring export licenses, with a focus on rare earths and "
                          "magnets.",
             "no_word": "In early October, Beijing reviewed the scope of materials and "
                        "products requiring export licenses, with a focus on rare earths and "
                        "magnets."}
    found = links_of_texts(archive, "Minister to visit Brussels", texts, "2025-10-22")
    assert found == {"broadened": ["MOFCOM-2025-57"], "no_word": []}


def test_the_restrictions_named_two_sentences_after_their_goods_are_those_goods(archive):
    """"China has halted antimony exports … following export restrictions … . As the world's
    leading supplier, China accounted for nearly half of global antimony output in 2023. The
    restrictions, first announced in August …, took effect in September" (fifty-seventh pass):
    a sentence between that tells no other controls does not stop the plural from naming the
    controls before it; one that tells other controls does."""
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23", "MOFCOM-2025-10"),
          no46_with_goods())
    told = ("China has halted gallium exports to the European Union since October, following "
            "export restrictions that have sent prices soaring. As the world's leading "
            "supplier, China accounted for nearly all gallium output in 2023. The restrictions, "
            "first announced in July, took effect in August, triggering a stockpiling rush.")
    between = told.replace("As the world's leading supplier, China accounted for nearly all "
                           "gallium output in 2023.", "Tungsten curbs came later.")
    found = links_of_texts(archive, "Gallium prices surge", {"told": told, "between": between},
                           "2023-12-20")
    assert found == {"told": ["MOFCOM-2023-23"], "between": []}


# --- the fifty-eighth pass (real38, real40) ------------------------------------------------------

def test_the_measure_a_sentence_opens_on_is_the_one_issued_the_day_before_it(archive):
    """"China's Ministry of Commerce issued a new announcement on Tuesday January 6. The
    measure prohibits exports to Japan of dual-use items destined for military end users"
    (fifty-eighth pass): the measure the second sentence opens on is the one the first dated
    and told nothing of, so its goods and country are of that day. A day on which nothing was
    issued lends no date."""
    night(archive, "2026-01-06", no1_of_2026())
    told = ("Following a dispute over remarks concerning Taiwan, China's Ministry of Commerce "
            "issued a new announcement on Tuesday January 6. The measure prohibits exports to "
            "Japan of dual-use items destined for military end users.")
    texts = {"told": told,
             "no_issue": told.replace("issued a new announcement", "held a briefing")}
    found = links_of_texts(archive, "Tungsten market raises concern", texts, "2026-01-08")
    assert found == {"told": ["MOFCOM-2026-1"], "no_issue": []}


def test_what_controls_of_a_month_bring_about_is_told_of_those_controls(archive):
    """中方10月再次收紧出口限制。如此一来，境外制造的稀土永磁材料也须获得许可证才能出口 (fifty-
    eighth pass): 如此一来 opens on what the controls the sentence before dated brought about, so
    the goods it names are of that month's measure. Told without the month, nothing is linked."""
    night(archive, "2025-10-09", no61())
    told = "中方10月再次收紧出口限制。如此一来，境外制造的稀土永磁材料也须获得许可证才能出口。"
    texts = {"told": told, "no_month": told.replace("中方10月", "中方")}
    found = links_of_texts(archive, "德商感叹", texts, "2025-10-20")
    assert found == {"told": ["MOFCOM-2025-61"], "no_month": []}


# --- the fifty-ninth pass (real42) -------------------------------------------------------------

def test_the_ban_announced_on_a_day_is_the_ban_named_just_before(archive):
    """"Japan's Foreign Ministry said Wednesday that it has urged China to withdraw its ban on
    exports of dual-use goods to Japan. Kanai lodged a strong protest on Tuesday after China's
    Commerce Ministry announced the immediate ban earlier in the day" (fifty-ninth pass): the
    ban announced on Tuesday is the one named just before, its goods and country those of the
    second sentence. A ban named before with no country, or another act on Tuesday, is not."""
    night(archive, "2026-01-06", no1_of_2026())
    told = ("Tokyo, Jan. 7 (Jiji Press)--Japan's Foreign Ministry said Wednesday that it has "
            "urged China to withdraw its ban on exports of dual-use goods to Japan. Kanai lodged "
            "a strong protest on Tuesday after China's Commerce Ministry announced the "
            "immediate ban earlier in the day.")
    texts = {"told": told,
             "other_act": told.replace("announced the immediate ban", "held a briefing"),
             "no_ban_before": told.replace("withdraw its ban on exports of dual-use goods to "
                                           "Japan", "improve ties")}
    found = links_of_texts(archive, "Japan urges China to revoke ban", texts, "2026-01-07")
    assert found == {"told": ["MOFCOM-2026-1"], "other_act": [], "no_ban_before": []}


@pytest.mark.parametrize(("sentence", "act"), [
    ("中国官方20日发布数据显示，11月锑出口较上月减少11%，但仍高于8月的低点。", False),
    ("Customs data released on Tuesday showed antimony exports fell below their August low.",
     False),
    ("The ministry published its monthly trade figures in August.", False),
    ("商务部8月发布公告，公布锑出口新规。", True),
    ("China released new rules on antimony exports in August.", True),
])
def test_data_released_is_no_act(archive, sentence, act):
    """中国官方发布数据显示…高于8月的低点, "customs data released on Tuesday" (fifty-ninth pass):
    data or a report released is no act, so a month and a good in the same sentence describe
    no measure; rules or an announcement released are one."""
    assert read_sentence(1, sentence, "2025-12-26").act is act
    night(archive, "2024-08-15", no33())
    found = links_of_texts(archive, "锑市场", {"s": sentence}, "2024-12-26")
    assert bool(found["s"]) is act


@pytest.mark.parametrize(("text", "first", "last"), [
    ("It's been nearly a year since China tightened export controls on magnets",
     "2025-02-15", "2025-05-15"),
    ("China imposed the controls two months ago", "2025-11-15", "2026-01-15"),
    ("more than a year ago, Beijing banned the exports", "2024-03-15", "2025-02-15"),
    ("more than two months ago, Beijing banned the exports", "2025-09-15", "2025-12-15"),
    ("It has been six months since China imposed controls", "2025-07-15", "2025-09-15"),
    ("商务部三个月前宣布对相关物项实施出口管制", "2025-10-15", "2025-12-15"),
    ("半年前，商务部宣布管制", "2025-07-15", "2025-09-15"),
])
def test_months_ago_are_the_months_around_that_many_months_back(text, first, last):
    """"two months ago", "It's been nearly a year since China tightened …", 三个月前, 半年前
    (fifty-ninth pass): the months around that many months before the page, a month either way;
    "nearly" that long is up to three months less, "more than" up to three more (more than a
    year: up to eleven more, a year being less than two; sixty-sixth pass). A time ago
    compared with ("up 8% from a year ago", 较一年前) is no event's time."""
    assert spans_of(text, "2026-02-15") == [(first, last)]
    assert [d.precision for d in dates_in(text, "2026-02-15")] == ["month"]
    assert spans_of("Exports rose 8% from a year ago", "2026-02-15") == []
    assert spans_of("出口价格较三个月前上涨", "2026-02-15") == []


def test_a_measure_told_months_ago_is_the_one_of_those_months(archive):
    """"It's been nearly a year since China tightened export controls on magnets containing
    dysprosium and terbium" on a page of 15 February 2026 (fifty-ninth pass): the months named
    hold No. 18 of 2025 (April), not No. 61 (October), which also names them, so the sentence
    links No. 18; without the time it links neither."""
    night(archive, "2025-10-09", no61(), *measures("MOFCOM-2025-18"))
    told = ("It's been nearly a year since China tightened export controls on magnets "
            "containing dysprosium and terbium.")
    texts = {"told": told,
             "no_time": told.replace("It's been nearly a year since China", "China")}
    found = links_of_texts(archive, "Export control guide", texts, "2026-02-15")
    assert found == {"told": ["MOFCOM-2025-18"], "no_time": []}


def test_a_host_of_a_days_controls_is_the_days_whole_package(archive):
    """"Beijing this week announced a host of new export license requirements for shipments of
    rare earths, superhard materials and related equipment" (fifty-ninth pass): a host of the
    day's controls is all of them, as "a series of" is, whatever subjects it names as
    examples; without "a host of" the subjects named pick out their own measures only."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61())
    told = ("Beijing this week announced a host of new export license requirements for "
            "shipments of rare earths, superhard materials and related equipment, including new "
            "rules to restrict overseas exports if they contain Chinese-origin materials.")
    texts = {"host": told, "plain": told.replace("a host of new", "new")}
    found = links_of_texts(archive, "New Chinese export controls target foreign-made items",
                           texts, "2025-10-10")
    assert found["host"] == ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58",
                             "MOFCOM-2025-61"]
    assert "MOFCOM-2025-58" not in found["plain"]


def test_controls_named_before_their_verb_of_issue_agree_with_their_month(archive):
    """"China has allowed numerous rare earth exports to resume following restrictions
    implemented last April" (fifty-ninth pass): restrictions implemented, as "implemented
    restrictions on", tell the month they were put in place, so last April names No. 18 of
    2025; restrictions merely of last April say no more than the month."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"), no61())
    told = ("China has allowed numerous rare earth exports to resume following restrictions "
            "implemented last April.")
    texts = {"told": told, "bare": told.replace(" implemented last April", " of last April")}
    found = links_of_texts(archive, "Yttrium shortages deepen", texts, "2026-02-27")
    assert found == {"told": ["MOFCOM-2025-18"], "bare": []}


def test_a_date_of_another_governments_clause_does_not_date_chinas(archive):
    """特朗普政府今年早些时候将多家中国公司列入实体清单，而中国最近也…对稀土等关键原材料实施了出口
    管制 (fifty-ninth pass): this year dates the US listing in its own clause, not China's
    controls set against it, which say only "recently"; China's clause with the year of its own
    is dated by it."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"), no61())
    texts = {
        "foreign": "特朗普政府今年早些时候将多家中国公司列入实体清单，"
                   "而中国最近也对稀土等关键原材料实施了出口管制。",
        "own": "特朗普政府将多家中国公司列入实体清单，"
               "而中国今年4月也对稀土等关键原材料实施了出口管制。",
    }
    found = links_of_texts(archive, "美国出台50%规则", texts, "2025-09-30")
    assert found == {"foreign": [], "own": ["MOFCOM-2025-18"]}


def test_a_suspension_of_the_controls_named_before_is_their_suspending_instrument(archive):
    """今年10月对于稀土出口宣布了新的管制措施。此举震撼了市场，直到中国后来表示这些限制将暂缓实施一年
    (fifty-ninth pass): "these restrictions" suspended are the October measures the sentence
    before names, so the one instrument that suspended them, No. 70 of 2025, is linked too;
    a suspension of something else, or told before any measure, brings none."""
    night(archive, "2025-11-07", *measures("MOFCOM-2025-57", "MOFCOM-2025-70"), no61())
    told = ("中国今年10月对于稀土出口宣布了新的管制措施。"
            "此举震撼了市场，直到中国后来表示这些限制将暂缓实施一年。")
    texts = {"told": told,
             "other": told.replace("这些限制将暂缓实施一年", "将暂缓加征关税"),
             "first": "直到中国后来表示这些限制将暂缓实施一年。"}
    found = links_of_texts(archive, "欧盟提新计划", texts, "2025-12-03")
    assert found == {"told": ["MOFCOM-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-70"],
                     "other": ["MOFCOM-2025-57", "MOFCOM-2025-61"], "first": []}


@pytest.mark.parametrize(("sentence", "joint"), [
    ("商务部与海关总署联合发布公告，对相关物项实施出口管制。", True),
    ("The two ministries jointly announced export controls on gallium.", True),
    ("这项新的计划将推动欧盟加速联合购买包含稀土在内的关键原物料。", False),
    ("中方在联合国大会上阐述了出口管制立场。", False),
    ("The carmaker's joint venture in Shanghai halted production.", False),
])
def test_joint_purchases_ventures_and_the_un_are_no_joint_issue(sentence, joint):
    """联合发布, "jointly announced" tell a measure issued jointly; the EU's 联合购买, 联合国 and a
    joint venture (fifty-ninth pass) do not, so a measure issued with Customs gains nothing
    from them and one of MOFCOM's alone loses nothing."""
    assert read_sentence(1, sentence, "2025-12-03").joint is joint


def test_goods_told_as_controlled_now_name_the_only_measure_on_them(archive):
    """天然鳞片石墨制品属于出口管制物项 in a customs seizure (fifty-ninth pass): goods
    told as controlled now were put under control, and natural flake graphite is No. 39 of
    2023's alone, so the sentence names it; artificial graphite, which No. 58 of 2025 also
    names, does not."""
    no39 = own_page("MOFCOM-2023-39", "商务部 海关总署公告2023年第39号 "
                    "关于优化调整石墨物项临时出口管制措施的公告", "2023-10-20", JOINT,
                    [MeasureEvent("effective", date="2023-12-01")])
    no39.body = (f"{no39.title}\n高纯度、高强度、高密度人造石墨材料及其制品；"
                 "天然鳞片石墨及其制品（含球化石墨、膨胀石墨等）。")
    no39.content_hash = content_hash(no39)
    night(archive, "2025-10-09", no39, *measures("MOFCOM-2025-58"))
    texts = {"natural": "该坩埚为天然鳞片石墨制品。"
                        "天然鳞片石墨制品属于出口管制物项，企业需提供许可证。",
             "plain": "该坩埚为天然鳞片石墨制品，企业需提供许可证。",
             "artificial": "人造石墨制品属于出口管制物项，企业需提供许可证。"}
    found = links_of_texts(archive, "宁波海关查获石墨制品", texts, "2025-11-05")
    assert found == {"natural": ["MOFCOM-2023-39"], "plain": [], "artificial": []}


# --- the sixtieth pass (real44) -----------------------------------------------------------------

def test_controls_counted_with_their_goods_name_the_one_day_that_issued_as_many(archive):
    """商务部、海关总署连续发布四个稀土管制相关规定 in a broker's note of four days later (sixtieth
    pass): a count of controls on goods, with no time, names the measures of the one day that
    issued exactly that many on those goods. Here 9 October issued three on rare earths (Nos.
    57, 61, 62) beside superhard materials and batteries, and April one (No. 18): three names
    that day's three, in Chinese and in English; four, two, or a count with no goods names none."""
    night(archive, "2025-04-04", *measures("MOFCOM-2025-18"))
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"),
          no61(), NO62)
    texts = {
        "three": "商务部、海关总署连续发布三个稀土管制相关规定，构建了全方位、多层次的管制体系。",
        "four": "商务部、海关总署连续发布四个稀土管制相关规定，构建了全方位、多层次的管制体系。",
        "two": "商务部、海关总署连续发布两个稀土管制相关规定，构建了全方位、多层次的管制体系。",
        "english": "Beijing's three new rare earth export control measures have rattled carmakers.",
        "no goods": "商务部、海关总署连续发布三个管制相关规定，构建了全方位、多层次的管制体系。",
    }
    found = links_of_texts(archive, "稀土出口管制新规点评", texts, "2025-10-13")
    rare_earths = ["MOFCOM-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-62"]
    assert found == {"three": rare_earths, "four": [], "two": [], "english": rare_earths,
                     "no goods": []}


@pytest.mark.parametrize(("text", "page", "day"), [
    # a past verb of putting in place, the start months back: the last one behind
    ("Beijing imposed export licensing requirements on REMs from April 4.", "2025-10-27",
     "2025-04-04"),
    ("The curbs took effect from April 4, hitting carmakers.", "2025-10-27", "2025-04-04"),
    # ... but a start only weeks ahead stays ahead, and a future stays ahead
    ("China imposed export controls on gallium from August 1.", "2023-07-04", "2023-08-01"),
    ("Exports will need licences from April 4.", "2025-10-27", "2026-04-04"),
    ("China announced export controls from December 1.", "2025-10-10", "2025-12-01"),
])
def test_a_start_told_with_a_past_verb_is_behind_the_page(text, page, day):
    """"Beijing imposed export licensing requirements on REMs from April 4" on 27 October 2025
    (sixtieth pass): a start without its year after a past verb of putting a measure in place is
    the last such day behind the page, unless the next one is only weeks ahead
    (`START_AHEAD_DAYS`); with a future in its clause, or announced, it is ahead as before."""
    assert [(d.first, d.role) for d in dates_in(text, page)] == [(day, "from")]


def test_an_opening_clause_of_an_earlier_act_is_dated_by_nothing_of_the_later_one(archive):
    """继对镓和锗等重要稀土原料实施出口管制后，中国商务部、海关总署上周五联合发布公告，将…石墨物项…纳入
    (sixtieth pass): the opening clause tells an earlier act, done, with no time of its own, so
    "last Friday" dates the graphite announcement, not it, and controls on gallium are the only
    measure on it by then, No. 23 of 2023, in Chinese and in English. Once No. 46 of 2024 also
    covers gallium the clause names neither."""
    night(archive, "2023-07-03", *measures("MOFCOM-2023-23"))
    texts = {"zh": "继对镓等重要原料实施出口管制后，中国商务部、海关总署上周五联合发布公告，"
                   "将球化石墨等3种石墨物项正式纳入两用物项出口管制清单。",
             "en": "After imposing controls on gallium, China on Friday announced export "
                   "controls on some graphite products."}
    assert links_of_texts(archive, "石墨加入出口管制", texts, "2023-10-24") == {
        "zh": ["MOFCOM-2023-23"], "en": ["MOFCOM-2023-23"]}
    no46 = measures("MOFCOM-2024-46")[0]
    no46.body = f"{no46.title}\n原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口。"
    no46.content_hash = content_hash(no46)
    night(archive, "2024-12-03", no46)
    later = {f"later-{k}": v for k, v in texts.items()}
    assert links_of_texts(archive, "石墨加入出口管制", later, "2025-01-10") == {
        "later-zh": [], "later-en": []}


def test_a_list_told_to_hold_four_goods_or_more_of_one_measure_names_it(archive):
    """稀土元素最新限制名单包括钐、钆、铽、镝、镥、钪以及钇 (sixtieth pass): a list told as holding
    four goods or more (`LIST_SIGNATURE`) that only one measure has all of names that measure,
    though its title names none of them; three goods another measure also holds name neither,
    and the seven goods put under control without being told as a list's content name none."""
    no18 = measures("MOFCOM-2025-18")[0]
    no18.body = f"{no18.title}\n钐、钆、铽、镝、镥、钪、钇相关物项。"
    no18.content_hash = content_hash(no18)
    no57 = measures("MOFCOM-2025-57")[0]
    no57.body = f"{no57.title}\n钐、钆、钇、钬、铒相关物项。"
    no57.content_hash = content_hash(no57)
    night(archive, "2025-10-09", no18, no57)
    texts = {"list": "稀土元素最新限制名单包括钐、钆、铽、镝、镥、钪以及钇，这些主要用于制造磁铁。",
             "three": "稀土元素最新限制名单包括钐、钆以及钇，这些主要用于制造磁铁。",
             "english": "The restricted list includes samarium, gadolinium, terbium, "
                        "dysprosium, lutetium, scandium and yttrium.",
             "not a list": "据此，将钐、钆、铽、镝、镥、钪、钇金属纳入出口管制范围。"}
    assert links_of_texts(archive, "韩国产业部回应", texts, "2025-10-20") == {
        "list": ["MOFCOM-2025-18"], "three": [], "english": ["MOFCOM-2025-18"],
        "not a list": []}


def test_a_days_listings_of_a_country_counted_together_are_their_sum(reference_db, tmp_path):
    """"China on Tuesday imposed export restrictions on 40 Japanese companies and entities"
    (sixtieth pass): no list named, the count is that day's listings of Japanese entities
    together (No. 11 of 2026's 20 on the control list and No. 12's 20 on the watch list), as
    a count given for listings on named lists already was (legal persons and institutes,
    日本法人及研究机构, counted as entities); another count, or another country, names neither."""
    told = ("China on Tuesday imposed export restrictions on 40 Japanese companies and "
            "entities, citing national security concerns.")
    found = read_against_reference(reference_db, tmp_path, [
        ("forty", "China curbs exports to Japanese firms", told, "2026-02-25", "en"),
        ("thirty", "China curbs exports to Japanese firms", told.replace("40", "30"),
         "2026-02-25", "en"),
        ("us", "China curbs exports to US firms", told.replace("Japanese", "US"),
         "2026-02-25", "en"),
        # legal persons and institutes counted are entities of their country too
        ("zh", "节后首份政策通报",
         "2026年2月24日，商务部同步发布两项决定，将共计40家日本法人及研究机构正式列入出口管控体系。",
         "2026-02-25", "zh")])
    assert sorted(found["forty"][0]) == ["MOFCOM-2026-11", "MOFCOM-2026-12"]
    assert sorted(found["zh"][0]) == ["MOFCOM-2026-11", "MOFCOM-2026-12"]
    assert not {"MOFCOM-2026-11", "MOFCOM-2026-12"} & set(found["thirty"][0] + found["us"][0])


def test_controls_imposed_in_a_month_agree_with_it_without_their_goods(archive):
    """中国11月出口到美国的稀土磁体量月比下滑11%，仍高于4月北京实施管制的低点 (sixtieth pass): 实施
    管制 after the month tells the controls imposed then, as 对…实施管制 does, so April names No.
    18 of 2025 (not No. 57 of October); the low of April alone, with no controls, names none."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    told = "数据显示，中国11月出口到美国的稀土磁体量月比下滑11%，仍高于4月北京实施管制的低点。"
    texts = {"imposed": told, "low": told.replace("北京实施管制的", "的")}
    found = links_of_texts(archive, "中国对美稀土出口留下伏笔", texts, "2025-12-25")
    assert found == {"imposed": ["MOFCOM-2025-18"], "low": []}


# --- the sixty-first pass (real48) --------------------------------------------------------------

def artificial_graphite_no39() -> DocumentItem:
    """No. 39 of 2023 as its own page, its artificial graphite items in its text."""
    no39 = own_page("MOFCOM-2023-39", "商务部 海关总署公告2023年第39号 "
                    "关于优化调整石墨物项临时出口管制措施的公告", "2023-10-20", JOINT,
                    [MeasureEvent("effective", date="2023-12-01")])
    no39.body = f"{no39.title}\n高纯度、高强度、高密度人造石墨材料及其制品。"
    no39.content_hash = content_hash(no39)
    return no39


def test_controls_told_done_with_yi_in_the_only_year_of_their_subject_name_the_measure(archive):
    """国家2023年已强化高纯度石墨出口管制 in a customs penalty story of January 2026 (sixty-first
    pass): 已 tells the controls done (已强化, 已于…实施), as 纳入…后 does, so the year that held
    only one measure on graphite names it; the same controls told to come (将强化) do not."""
    no39 = artificial_graphite_no39()
    night(archive, "2025-10-09", no39, *measures("MOFCOM-2025-58"))
    texts = {"done": "在国家2023年已强化高纯度石墨出口管制的背景下，这种行为无异于撕开缺口。",
             "to_come": "在国家2023年将强化高纯度石墨出口管制的背景下，这种行为无异于撕开缺口。"}
    found = links_of_texts(archive, "无锡海关开出罚单", texts, "2026-01-10")
    assert found == {"done": ["MOFCOM-2023-39"], "to_come": []}


def test_another_governments_announcement_of_its_own_plan_dates_no_measure(archive):
    """"In fact, the Canadian government recently announced that they will begin stockpiling
    domestically produced graphite and scandium" (sixty-first pass): a foreign government's
    plan, with no measure word and China named nowhere, is not China's suspension of the week
    before however its time and goods fit; China's own announcement told the same way is."""
    night(archive, "2025-11-07", *measures("MOFCOM-2025-57", "MOFCOM-2025-70"), no61())
    texts = {"canada": "In fact, the Canadian government recently announced that they will "
                       "begin stockpiling domestically produced graphite and scandium.",
             "china": "In fact, China recently announced that it will suspend the export "
                      "controls on graphite and rare earths for a year."}
    found = links_of_texts(archive, "Scandium's moment", texts, "2025-11-10")
    assert "MOFCOM-2025-70" not in found["canada"] and "MOFCOM-2025-70" in found["china"]


def no18_effective() -> DocumentItem:
    """No. 18 of 2025 as its own page, with its effective day (4 April 2025)."""
    return own_page("MOFCOM-2025-18", *MEASURES["MOFCOM-2025-18"][:3],
                    [MeasureEvent("effective", date="2025-04-04")])


def test_a_requirement_dated_by_its_month_takes_the_documents_goods(archive):
    """"Since April, Beijing requires licenses for some exports" under a rare-earth headline
    (sixty-first pass): a licence requirement told in force from a month, with no goods of its
    own, is on the document's goods, so April names the rare-earth measure of that month; the
    same sentence under a headline of other goods, a requirement still to come, or the month
    alone with no requirement, names none."""
    no18 = no18_effective()
    night(archive, "2025-04-04", no18)
    texts = {"told": "Since April, Beijing requires licenses for some exports, sending "
                     "ripples across the manufacturing sectors around the world.",
             "to_come": "From April, Beijing will require licenses for some exports, "
                        "officials said.",
             "no_requirement": "Since April, factories around the world have slowed."}
    found = links_of_texts(archive, "European firms still can't easily get Chinese rare earths",
                           texts, "2025-09-10")
    assert found == {"told": ["MOFCOM-2025-18"], "to_come": [], "no_requirement": []}
    other = links_of_texts(archive, "European firms still can't easily get Chinese soybeans",
                           {"told": texts["told"]}, "2025-09-10")
    assert other == {"told": []}


def test_goods_placed_under_controls_are_controls_done():
    """"Gallium and germanium, placed under controls in 2023", "Antimony came under export
    controls in 2024": goods told put under control are controls done (`_PUT_UNDER_CONTROL`,
    whose English half had held a backspace for a word boundary and matched nothing until the
    sixty-first pass); controls still to come are not."""
    from pipelines.linking import _told_as_done, read_sentence
    for text in ("Gallium and germanium, placed under controls in 2023, now trade at a premium.",
                 "Antimony came under export controls in 2024.",
                 "The metals fell under controls last year."):
        assert _told_as_done(read_sentence(0, text, "2025-02-05")), text
    assert not _told_as_done(read_sentence(0, "Antimony will come under export controls.",
                                           "2025-02-05"))


def test_controls_announced_to_come_name_the_only_measure_just_issued_on_their_goods(archive):
    """"Beijing announced that several additional elements — including holmium, erbium and
    thulium — will now fall under export restrictions" on the day after No. 57 of 2025
    (sixty-first pass): the announcement is done, its controls to come, so the goods name the
    only measure on them issued in the days just before the page; the same words two months on,
    or a plan with no announcement, name none."""
    no57 = own_page("MOFCOM-2025-57", *MEASURES["MOFCOM-2025-57"])
    no57.body += "\n钬、铒、铥、铕、镱相关物项。"
    no57.content_hash = content_hash(no57)
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18"), no57)
    told = ("Beijing announced that several additional elements — including holmium, erbium "
            "and thulium — will now fall under export restrictions.")
    found = links_of_texts(archive, "China tightens rare earth export curbs",
                           {"announced": told,
                            "plan": "Beijing will put holmium and erbium under export "
                                    "restrictions, officials said."}, "2025-10-10")
    assert found == {"announced": ["MOFCOM-2025-57"], "plan": []}
    later = links_of_texts(archive, "China tightens rare earth export curbs",
                           {"announced": told}, "2025-12-20")
    assert later == {"announced": []}


def test_restrictions_on_the_export_of_goods_imposed_before_name_the_only_measure_on_them(archive):
    """"The country's authorities previously imposed restrictions on the export of graphite" in
    August 2024 (sixty-first pass): restrictions on the export of goods are export restrictions
    told the other way round, done, on goods only one measure of the archive is on by then, so
    they name it (`only_by_then`, now enough with the one subject of its title; the batteries of
    the relative clause are not the controls' goods). Rules on graphite mines name none."""
    no39 = artificial_graphite_no39()
    night(archive, "2023-10-20", no39, *measures("MOFCOM-2023-23"))
    texts = {"graphite": "The country's authorities previously imposed restrictions on the "
                         "export of graphite, which is used in traction batteries.",
             "plain": "The country's authorities previously imposed rules on graphite mines."}
    found = links_of_texts(archive, "Battery makers look abroad", texts, "2024-08-27")
    assert found == {"graphite": ["MOFCOM-2023-39"], "plain": []}


def test_goods_added_to_the_control_list_name_the_only_measure_on_them(archive):
    """"China added holmium, erbium, thulium, europium and ytterbium to its control list" a week
    after No. 57 of 2025 (sixty-first pass): goods added to the control list are controls done,
    and the control list is a word of controls, so goods only one measure is on name it; goods
    added to a shopping list name none."""
    no57 = own_page("MOFCOM-2025-57", *MEASURES["MOFCOM-2025-57"])
    no57.body += "\n钬、铒、铥、铕、镱相关物项。"
    no57.content_hash = content_hash(no57)
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18"), no57)
    texts = {"list": "China added holmium, erbium, thulium, europium and ytterbium to its "
                     "control list, bringing restrictions to 12 of 17 rare-earth elements.",
             "other": "Traders added holmium and erbium to their shopping list."}
    found = links_of_texts(archive, "Rare earth curbs widen", texts, "2025-10-16")
    assert found == {"list": ["MOFCOM-2025-57"], "other": []}


# --- the sixty-second pass (real52) -------------------------------------------------------------

def test_a_licence_required_now_names_the_only_measure_just_issued_on_its_goods(archive):
    """"Foreign companies must now obtain a licence from Beijing to export any products
    containing more than 0.1% rare earth content" on the day after No. 61 of 2025 (sixty-second
    pass): a licence told as required now is the news of the page's days, as controls announced
    to come are, so goods only one measure is on name it if it was issued just before; the
    requirement without "now", or the same words two months on, name none."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-18"), no61())
    now = ("Foreign companies must now obtain a licence from Beijing to export any products "
           "made abroad with Chinese rare earth technology.")
    found = links_of_texts(archive, "China widens rare earth curbs",
                           {"now": now, "plain": now.replace("must now", "must")}, "2025-10-10")
    assert found == {"now": ["MOFCOM-2025-61"], "plain": []}
    later = links_of_texts(archive, "China widens rare earth curbs", {"now": now}, "2025-12-20")
    assert later == {"now": []}


def test_a_running_total_of_elements_names_the_measure_that_brought_it(archive):
    """"The 2025 export curbs, which expanded controls to 12 rare earth elements" (sixty-second
    pass): seven medium and heavy rare earths in April 2025 and five more in October make
    twelve, so twelve names the measure that brought the total to it (No. 57), as seven names
    No. 18; a count no running total reaches names neither."""
    no18 = own_page("MOFCOM-2025-18", *MEASURES["MOFCOM-2025-18"])
    no18.body += "\n钐、钆、铽、镝、镥、钪、钇相关物项。"
    no18.content_hash = content_hash(no18)
    no57 = own_page("MOFCOM-2025-57", *MEASURES["MOFCOM-2025-57"])
    no57.body += "\n钬、铒、铥、铕、镱相关物项。"
    no57.content_hash = content_hash(no57)
    night(archive, "2025-10-09", no18, no57)
    told = ("The 2025 export curbs, which expanded controls to {} rare earth elements, have "
            "slowed magnet production in Japan.")
    found = links_of_texts(archive, "Japanese carmakers and China's rare earth curbs",
                           {"twelve": told.format(12), "nine": told.format(9)}, "2026-01-07")
    assert found["twelve"] == ["MOFCOM-2025-57"] and found["nine"] == []


def test_controls_told_by_what_they_cover_name_the_only_measure_on_their_goods(archive):
    """"These restrictions, which require special licenses and extend to foreign-produced items
    made with Chinese rare earth technology, have hurt carmakers" in January 2026 (sixty-second
    pass): controls told by what they require or cover are in force, so goods only one measure
    is on name it; the suspension that names the same goods in its text is no measure on them
    of its own. Restrictions told with no such clause name none."""
    no70 = own_page("MOFCOM-2025-70",
                    "商务部公告2025年第70号 关于暂停实施商务部公告2025年第61号的公告",
                    "2025-11-07", ["MOFCOM"], [])
    no70.body = f"{no70.title}\n暂停实施对境外制造的稀土永磁材料等境外相关稀土物项的出口管制。"
    no70.content_hash = content_hash(no70)
    night(archive, "2025-11-07", no61(), no70)
    texts = {"cover": "These restrictions, which require special licenses and extend to "
                      "foreign-produced items containing as little as 0.1% Chinese-sourced "
                      "materials, have hurt carmakers.",
             "plain": "These restrictions have hurt carmakers that buy foreign-produced items "
                      "containing as little as 0.1% Chinese-sourced materials."}
    found = links_of_texts(archive, "China's rare earth curbs and Japan", texts, "2026-01-07")
    assert found == {"cover": ["MOFCOM-2025-61"], "plain": []}


def test_an_announcements_serial_number_names_it():
    """这份编号62号的文件, 编号为第61号的公告 and 61号公告 with no 第 (sixty-second pass) are the
    announcements' numbers told without their year; a month's day before 号公告 (10月9号公告) is
    a date, not a number."""
    from pipelines.linking import _YEARLESS, _yearless_numbers
    def numbers(text: str) -> list[int]:
        return [n for m in _YEARLESS.finditer(text) for n in _yearless_numbers(m)]
    assert numbers("10月9日，这份编号62号的文件明确将稀土开采技术纳入出口管制。") == [62]
    assert numbers("编号为第61号的公告规定了境外物项。") == [61]
    assert numbers("商务部61号公告规定了境外物项。") == [61]
    assert numbers("商务部10月9号公告规定了境外物项。") == []


def test_a_date_of_another_governments_act_does_not_date_chinas_answer_told_with_ze(archive):
    """美国在2025年4月以来对华加征高额关税，…，中国则以稀土出口管制为核心出台了一系列反制措施
    (sixty-second pass): 则 sets China's answer against the US act of the clause before, as 而
    does, so April dates the US tariffs, not China's controls; China's clause with the month of
    its own is dated by it."""
    no18 = no18_effective()
    night(archive, "2025-10-09", no18, *measures("MOFCOM-2025-57"), no61())
    texts = {
        "foreign": "美国在2025年4月以来对华加征高额关税，尤其是9月底以来实施一系列对华打压措施，"
                   "中国则以稀土出口管制为核心出台了一系列反制措施。",
        "own": "美国对华加征高额关税，中国则于2025年4月对中重稀土实施了出口管制。",
    }
    found = links_of_texts(archive, "中美贸易磋商下出海企业的未来展望", texts, "2025-11-03")
    assert found == {"foreign": [], "own": ["MOFCOM-2025-18"]}


@pytest.mark.parametrize("year", ["mid-2023", "the middle of 2023", "late 2023"])
def test_a_measure_enacted_in_a_part_of_the_only_year_of_its_goods_is_named(archive, year):
    """"A similar measure was enacted in mid-2023 for the strategic metals gallium and
    germanium" (sixty-second pass): mid-2023, written with no space, and the middle or the late
    part of a year are that year, and a measure enacted is an act, so the only measure on gallium
    in 2023 is named; the same words of 2022 name none. (The end of a year is its December since
    the sixty-fourth pass: `test_the_end_of_last_year_is_its_december`.)"""
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23", "MOFCOM-2024-46"))
    told = (f"A similar measure was enacted in {year} for the strategic metals gallium and "
            "germanium.")
    found = links_of_texts(archive, "Rare earth exports plummet to zero",
                           {"told": told, "other": told.replace("2023", "2022")}, "2025-06-20")
    assert found == {"told": ["MOFCOM-2023-23"], "other": []}


def test_a_requirement_from_a_month_in_chinese_is_dated_by_its_start(archive):
    """从4月起，中国要求特定原料的出口需取得许可证 under a rare-earth headline in December 2025
    (sixty-second pass): 从…起 tells the month the requirement applies from, as "since April"
    does, so April names the rare-earth measure that took effect then; the same sentence under a
    headline of other goods names none."""
    no18 = no18_effective()
    night(archive, "2025-04-04", no18)
    told = "从4月起，中国要求特定原料的出口需取得许可证，打击了全球制造业。"
    found = links_of_texts(archive, "欧盟推出稀土计划", {"told": told}, "2025-12-03")
    assert found == {"told": ["MOFCOM-2025-18"]}
    other = links_of_texts(archive, "欧盟推出大豆计划", {"told": told}, "2025-12-03")
    assert other == {"told": []}


def test_a_months_possessive_dates_the_measure_it_owns(archive):
    """"This follows December's blanket ban on gallium, germanium, and antimony exports to the
    US" in July 2025 (sixty-second pass): the month's possessive before a measure noun dates it
    to the latest such month, as "the December ban" does, so the ban of December 2024 is named;
    a month's possessive before figures ("May's figures") is no date of a measure."""
    assert spans_of("This follows December's blanket ban on gallium exports", "2025-07-16") == [
        ("2024-12-01", "2024-12-31")]
    assert spans_of("May's figures were strong", "2025-07-16") == []
    no46 = no46_with_goods()
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23"), no46)
    told = ("This follows December's blanket ban on gallium, germanium, and antimony exports to "
            "the US.")
    found = links_of_texts(archive, "MofCom restricts battery cathode tech exports",
                           {"told": told}, "2025-07-16")
    assert found == {"told": ["MOFCOM-2024-46"]}


def test_exports_restricted_years_ago_and_banned_to_america_name_their_measures(archive):
    """"Two years ago, China restricted exports of gallium and germanium" and "In December 2024,
    it banned all exports to America of both metals, as well as antimony" in April 2025
    (sixty-second pass): a verb restricting the goods' exports speaks of a measure, so the only
    gallium measure of the year two years back is named; America after "to" is the United States
    targeted, so December's ban is the US one. Gallium prices two years ago name nothing, and
    exports to Latin America target no country."""
    no46 = no46_with_goods()
    night(archive, "2025-02-05", *measures("MOFCOM-2023-23"), no46)
    texts = {"restricted": "Two years ago, China restricted exports of gallium and germanium, "
                           "which are used in chips.",
             "prices": "Two years ago, gallium and germanium prices rose in Europe.",
             "america": "In December 2024, it banned all exports to America of both metals, as "
                        "well as antimony."}
    found = links_of_texts(archive, "The metals China controls", texts, "2025-04-14")
    assert found == {"restricted": ["MOFCOM-2023-23"], "prices": [],
                     "america": ["MOFCOM-2024-46"]}
    from pipelines.linking import read_sentence
    assert read_sentence(0, "It banned exports to America.", "2025-04-14").countries == {"US"}
    assert not read_sentence(0, "It sold more to Latin America and the Americas.",
                             "2025-04-14").countries


def test_control_measures_against_a_country_on_its_day_name_the_measure_on_its_goods(archive):
    """"On January 6, …, China decided to take sanction and control measures against Japan,
    cutting off all exports related to the military" (sixty-second pass): control measures
    against the country a measure on goods targets are about that measure, told without its
    goods, and the day names it; the same day with a visit to Japan names none."""
    night(archive, "2026-01-06", no1_of_2026())
    texts = {"controls": "On January 6, in response to Japan's continued military expansion, "
                         "China decided to take sanction and control measures against Japan, "
                         "cutting off all exports related to the military.",
             "visit": "On January 6, a Chinese delegation decided to take a trade mission to "
                      "Japan."}
    found = links_of_texts(archive, "Japan's rare earth scramble", texts, "2026-01-08")
    assert found == {"controls": ["MOFCOM-2026-1"], "visit": []}


# --- the sixty-third pass (real58, real60) -------------------------------------------------------

def test_dual_use_goods_bound_for_a_country_on_its_day_name_the_measure(reference_db, tmp_path):
    """"China announced that it has strengthened export restrictions bound for Japan on goods and
    technologies that can be used for both civilian and military purposes" and "it will prohibit
    exports of certain dual-use goods to Japan …" under a headline of "Taiwan Tensions"
    (sixty-third pass): goods "bound for" a country are sent to it, "both civilian and military
    purposes" are dual-use items, and Taiwan is no goods, so the goods are named by their class
    for Japan and the Tuesday names No. 1 of 2026. The same goods bound for no country, on a
    Tuesday of no measure, name nothing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("bound", "Japan lodges strong protest",
         "On Tuesday, China announced that it has strengthened export restrictions bound for "
         "Japan on goods and technologies that can be used for both civilian and military "
         "purposes.", "2026-01-07", "en"),
        ("taiwan", "China Bans Exports of Dual-Use Goods to Japan Amid Taiwan Tensions",
         "China announced on Tuesday that it will prohibit exports of certain dual-use goods to "
         "Japan amid Taiwan tensions.", "2026-01-07", "en"),
        ("nowhere", "Exporters wait",
         "On Tuesday, exporters said goods and technologies that can be used for both civilian "
         "and military purposes sell well.", "2026-01-21", "en")])
    assert found["bound"][0] == ["MOFCOM-2026-1"]
    assert found["taiwan"][0] == ["MOFCOM-2026-1"]
    assert found["nowhere"][0] == []
    from pipelines.linking import read_sentence
    assert read_sentence(0, "Shipments destined for Japan were held.", "2026-01-07").countries == {
        "JP"}


def test_rare_earths_and_related_measures_of_a_day_are_its_whole_package(reference_db, tmp_path):
    """"China has agreed to suspend the global implementation of its export controls on rare
    earths and related measures announced on October 9, 2025" (sixty-third pass): the related
    measures are the rest of the day's, superhard materials and batteries with the rare-earth
    ones, as "rare earths and related items" are; "the rare earth export controls announced on
    October 9" stay the day's rare-earth measures."""
    found = read_against_reference(reference_db, tmp_path, [
        ("related", "BIS suspends the Affiliates Rule",
         "China had announced export controls on rare earths and related measures on October 9, "
         "2025.", "2025-11-02", "en"),
        ("rare", "BIS suspends the Affiliates Rule",
         "China had announced rare earth export controls on October 9, 2025.", "2025-11-02",
         "en")])
    assert found["related"][0] == SUSPENDED
    assert found["rare"][0] == ["MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61",
                                "MOFCOM-2025-62"]


def test_a_days_rare_earth_controls_counted_by_their_elements_are_the_one_that_counts_them(
        reference_db, tmp_path):
    """"中國上週擴大了稀土出口管制措施，增加了5種稀土元素" a week after 9 October 2025 (sixty-third
    pass): the rare-earth controls of the week's day would be all its rare-earth measures, but
    the 5 elements added are No. 57's count, so No. 57 alone; told without the count, the day's
    rare-earth measures."""
    found = read_against_reference(reference_db, tmp_path, [
        ("counted", "澳學者談稀土", "中國上週擴大了稀土出口管制措施，增加了5種稀土元素。",
         "2025-10-16", "zh"),
        ("uncounted", "澳學者談稀土", "中國上週擴大了稀土出口管制措施。", "2025-10-16", "zh")])
    assert found["counted"][0] == ["MOFCOM-2025-57"]
    assert found["uncounted"][0] == ["MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61",
                                     "MOFCOM-2025-62"]


def test_controls_widened_on_a_day_are_that_days_controls(reference_db, tmp_path):
    """"中国10月9日宣布加大稀土出口管制范围和力度" (sixty-third pass): controls widened or tightened
    are a Chinese noun of controls with no number, as 实施出口限制 is, so the day's rare-earth
    measures; the day's talks (10月9日宣布举行磋商) are none, and nor are controls tightened on
    goods the glossary does not know (收紧白银出口管制: silver is in no measure of the archive)."""
    found = read_against_reference(reference_db, tmp_path, [
        ("widened", "北京回应关税威胁",
         "中国10月9日宣布加大稀土出口管制范围和力度，特朗普隔天批评。",
         "2025-10-13", "zh"),
        ("talks", "北京回应关税威胁", "中国10月9日宣布举行稀土磋商，特朗普隔天批评。",
         "2025-10-13", "zh"),
        ("silver", "中国元旦起实施白银新出口管制", "中国商务部去年10月已宣布收紧白银出口管制。",
         "2026-01-01", "zh")])
    assert found["widened"][0] == ["MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61",
                                   "MOFCOM-2025-62"]
    assert found["talks"][0] == []
    assert found["silver"][0] == []


def test_restrictions_told_by_what_they_apply_to_are_in_force(reference_db, tmp_path):
    """"The new restrictions apply to elements including terbium and dysprosium" in June 2025
    (sixty-third pass): controls told by what they apply to are in force, so done, and No. 18 is
    the only measure on terbium by then; the elements told as used in magnets name nothing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("apply", "Magnet exports plummet",
         "The new restrictions apply to rare earth elements including terbium and dysprosium.",
         "2025-06-20", "en"),
        ("used", "Magnet exports plummet",
         "Rare earth elements including terbium and dysprosium are used in magnets.",
         "2025-06-20", "en")])
    assert found["apply"][0] == ["MOFCOM-2025-18"], found
    assert found["used"][0] == []


def test_controls_imposed_with_how_agree_with_the_month_they_were_issued(reference_db, tmp_path):
    """"中国于4月初对稀土矿物和磁铁实施了严格的出口管制" in June 2025 (sixty-third pass): controls
    imposed told with how (实施了严格的出口管制) are issued as 实施出口管制 is, so the month agrees
    with No. 18's day of issue; 磁铁 are magnets. Controls to come (将实施) in that month name
    nothing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("imposed", "欧洲汽车零部件商暂停生产线",
         "中国于4月初对稀土矿物和磁铁实施了严格的出口管制。",
         "2025-06-05", "zh"),
        ("to_come", "欧洲汽车零部件商暂停生产线", "据称中国将于4月初研究稀土矿物和磁铁的出口。",
         "2025-06-05", "zh")])
    assert found["imposed"][0] == ["MOFCOM-2025-18"]
    assert found["to_come"][0] == []
    assert "magnets" in terms_in("稀土磁铁")


def test_rare_earth_equipment_named_by_the_works_it_does(reference_db, tmp_path):
    """"tightening export controls on rare-earth production, processing, and separation
    equipment" "On Thursday" (sixty-third pass): the equipment named by a list of its works is
    rare-earth equipment, so No. 56 alone of the day's rare-earth measures."""
    assert "rare_earth_equipment" in terms_in(
        "rare-earth production, processing, and separation equipment")
    found = read_against_reference(reference_db, tmp_path, [
        ("equipment", "China tightens its grip",
         "On Thursday, China's Ministry of Commerce unveiled a sweeping set of new rules "
         "tightening export controls on rare-earth production, processing, and separation "
         "equipment.", "2025-10-10", "en")])
    assert found["equipment"][0] == ["MOFCOM-2025-56"]


def test_controls_starting_in_a_month_agree_with_their_effective_month(reference_db, tmp_path):
    """"The Chinese government will restrict exports of certain graphite products starting in
    December" in October 2023 (sixty-third pass): "starting" a month or a day tells when the
    controls apply, as "from" and "since" do, so December agrees with No. 39's effective date;
    graphite prices told for December name nothing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("starting", "Graphite export restrictions",
         "The Chinese government will restrict exports of certain graphite products starting "
         "in December.", "2023-10-24", "en"),
        ("prices", "Graphite export restrictions",
         "Traders expect graphite prices to rise in December.", "2023-10-24", "en")])
    assert found["starting"][0] == ["MOFCOM-2023-39"]
    assert found["prices"][0] == []


def test_a_party_named_with_counted_others_is_counted_with_them(reference_db, tmp_path):
    """"Beijing has blacklisted Shield AI …, adding it to its Unreliable Entity List alongside
    five other American companies" (sixty-third pass): the one named and the five others are
    six, the count of the unreliable entity listing of 9 April 2025 (UEL [2025] No. 8); "with
    five other" firms told of no list name none."""
    found = read_against_reference(reference_db, tmp_path, [
        ("others", "China blacklists US defence firm Shield AI",
         "Beijing has blacklisted Shield AI, a San Diego-based defence technology firm, adding "
         "it to its Unreliable Entity List alongside five other American companies.",
         "2025-04-12", "en"),
        ("no_list", "Shield AI raises funds",
         "Shield AI raised money alongside five other American companies.", "2025-04-12",
         "en")])
    assert found["others"][0] == ["UEL-2025-8"]
    assert found["no_list"][0] == []


def test_controls_introduced_on_goods_name_the_only_measure_whose_title_names_them(
        reference_db, tmp_path):
    """"Automakers … have already faced delays and shutdowns after Beijing imposed export
    controls on certain rare earths and magnets" and "following the introduction of export
    control measures on medium and heavy rare earth materials" in 2025 before October
    (sixty-third pass): the controls told done (the act as a noun, introduction, too) name the
    only measure on the goods by then, and a catalogue that lists the goods among hundreds of
    technologies in its text (the technology catalogue of 2023) is no measure on them, so No. 18
    of 2025; gallium, also banned to the US by No. 46 of 2024, stays shared."""
    found = read_against_reference(reference_db, tmp_path, [
        ("imposed", "EU firms warn of shutdowns",
         "Automakers in Europe have already faced delays and shutdowns after Beijing imposed "
         "export controls on certain rare earths and magnets.", "2025-09-17", "en"),
        ("introduction", "JL MAG gets export licences",
         "We have begun export declarations following the introduction of export control "
         "measures on medium and heavy rare earth materials and related items.", "2025-06-10",
         "en"),
        ("gallium", "Chipmakers hunt for gallium",
         "Chipmakers have faced delays after Beijing imposed export controls on gallium.",
         "2025-09-17", "en")])
    assert found["imposed"][0] == ["MOFCOM-2025-18"]
    assert found["introduction"][0] == ["MOFCOM-2025-18"]
    assert found["gallium"][0] == []


def test_the_sentences_telling_a_days_documents_take_its_day(reference_db, tmp_path):
    """"On Thursday, … unveiled new rules … on rare-earth production, processing, and separation
    equipment. The measures, which take effect November 8, … On the same day, … jointly issued
    four complementary documents extending export controls … Synthetic diamonds … have been
    added to the export control list. … Restrictions will also apply to lithium-battery
    components and artificial graphite materials." (sixty-third pass): a day on which measures
    take effect is no event "the same day" carries on, so the same day is Thursday; documents
    counted are announcements counted (four of the day's six: no package); and the sentences that
    go on telling what the documents held, with no time of their own, take their day, so the
    diamonds and the batteries name Nos. 55 and 58. Told after a sentence of its own time, the
    same goods name none."""
    opening = ("On Thursday, China's Ministry of Commerce unveiled new rules tightening export "
               "controls on rare-earth production, processing, and separation equipment. The "
               "measures, which take effect November 8, mandate licences. ")
    found = read_against_reference(reference_db, tmp_path, [
        ("documents", "China tightens its grip",
         opening + "On the same day, China's Commerce Ministry and Customs Administration "
         "jointly issued four complementary documents extending export controls. Synthetic "
         "diamonds have been added to the export control list. Restrictions will also apply to "
         "lithium-battery components and artificial graphite materials.", "2025-10-10", "en"),
        ("own_time", "China tightens its grip",
         opening + "Analysts in 2024 said synthetic diamonds had been added to the export "
         "control list. Restrictions will also apply to lithium-battery components and "
         "artificial graphite materials.", "2025-10-10", "en")])
    assert found["documents"][0] == ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-58"]
    assert found["own_time"][0] == ["MOFCOM-2025-56"]


# --- the sixty-fourth pass (real66, real68) ------------------------------------------------------

RARE_EARTH_OCTOBER = ["MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-62"]


def test_a_verb_restricting_goods_exports_in_a_month_names_that_days_measures_on_them(
        reference_db, tmp_path):
    """"中國10月初大幅管制稀土出口" and "China curbed exports of rare earths in early October",
    told at the end of October 2025 (sixty-fourth pass): a verb restricting the goods' exports
    names the day's measures on them, as "the rare earth export controls announced in October"
    does: the four rare-earth measures of 9 October. Prices that rose in early October name
    none."""
    found = read_against_reference(reference_db, tmp_path, [
        ("zh", "川普：稀土問題已經解決",
         "中國10月初大幅管制稀土出口，北京當時表示，這是為了回敬華府。", "2025-10-30", "zh"),
        ("curbed", "Trump says rare earth issue settled",
         "China curbed exports of rare earths in early October, and Beijing said it was a "
         "response to Washington.", "2025-10-30", "en"),
        ("prices", "Trump says rare earth issue settled",
         "Rare earth prices rose in early October, traders said.", "2025-10-30", "en")])
    assert found["zh"][0] == RARE_EARTH_OCTOBER
    assert found["curbed"][0] == RARE_EARTH_OCTOBER
    assert found["prices"][0] == []


def test_items_with_potential_military_applications_are_dual_use_items(reference_db, tmp_path):
    """"a directive issued by China's Ministry of Commerce on Tuesday, effective immediately,
    which prohibits the export to Japan of items that have potential military applications"
    under a headline of "export bans on dual-use goods, imposed in retaliation for PM Takaichi's
    Taiwan remarks" (sixty-fourth pass): items told by their possible military use are dual-use
    items, so the goods for Japan name No. 1 of 2026; and the Taiwan remarks are no goods the
    controls are on, so the Taiwan arms-sales listings are no review candidates."""
    found = read_against_reference(reference_db, tmp_path, [
        ("japan", "Tokyo urges Beijing to revoke export bans",
         "Japan urged China to withdraw export bans on dual-use goods, imposed in retaliation for "
         "PM Takaichi's Taiwan remarks. The protest follows a directive issued by China's "
         "Ministry of Commerce on Tuesday, effective immediately, which prohibits the export to "
         "Japan of items that have potential military applications.", "2026-01-07", "en")])
    assert found["japan"] == (["MOFCOM-2026-1"], [])
    from pipelines.linking import read_sentence
    assert "dual_use_items" in read_sentence(
        0, "It bans goods with possible military uses.", "2026-01-07").subjects
    assert "dual_use_items" not in read_sentence(
        0, "The army tested items for military use.", "2026-01-07").subjects


def test_controls_imposed_as_immediate_are_of_the_pages_day(reference_db, tmp_path):
    """"China's commerce ministry imposed immediate licensing on technologies for rare-earth
    mining, smelting, separation, recycling and magnet production" on 9 October 2025
    (sixty-fourth pass): controls put on at once are the page's day's, so the rare-earth
    technology measure of that day; told on another day, with no act of that day, they name
    none."""
    text = ("China's commerce ministry imposed immediate licensing on technologies for rare-earth "
            "mining, smelting, separation, recycling and magnet production.")
    found = read_against_reference(reference_db, tmp_path, [
        ("day", "China widens rare-earth export controls", text, "2025-10-09", "en"),
        ("later", "China widens rare-earth export controls", text, "2025-10-21", "en")])
    assert found["day"][0] == ["MOFCOM-2025-62"]
    assert found["later"][0] == []


def test_the_end_of_last_year_is_its_december(reference_db, tmp_path):
    """"China strengthened its export control on relevant dual-use items at the end of last
    year, and generally prohibited the export of related dual-use items such as germanium and
    gallium to the US", told in September 2025 (sixty-fourth pass): the end of a year is its
    December, which dates No. 46 of December 2024; "late last year" stays the year."""
    from pipelines.relative_dates import dates_in
    spans = {d.text: (d.first, d.last, d.precision) for d in dates_in(
        "At the end of last year and 2024年底 and 去年底, but late last year.", "2025-09-16")}
    assert spans["the end of last year"] == ("2024-12-01", "2024-12-31", "month")
    assert spans["2024年底"] == ("2024-12-01", "2024-12-31", "month")
    assert spans["去年底"] == ("2024-12-01", "2024-12-31", "month")
    assert spans["last year"][2] == "year"
    found = read_against_reference(reference_db, tmp_path, [
        ("end", "Western traders in germanium crisis",
         "China strengthened its export control on relevant dual-use items at the end of last "
         "year, and generally prohibited the export of related dual-use items such as germanium "
         "and gallium to the US.", "2025-09-16", "en")])
    assert found["end"][0] == ["MOFCOM-2024-46"]


def test_a_chinese_list_of_yearless_numbers_with_their_days_names_each(reference_db, tmp_path):
    """"商務部於2025年4月4日和9日分別發布了第21號和22號公告，將17家美國實體被列入不可靠實體清單"
    (sixty-fourth pass): a Chinese list of numbers without their year names each, and a number
    told with its own day is named whatever list and count the sentence goes on to give (they
    may be its other measures'): Nos. 21 and 22 with the day's unreliable-entity listings."""
    found = read_against_reference(reference_db, tmp_path, [
        ("list", "中國商務部宣佈暫停對部分美企措施",
         "中國商務部今稍早指出，商務部於2025年4月4日和9日分別發布了第21號和22號公告，將17家美國實體被"
         "列入不可靠實體清單。", "2025-08-12", "zh")])
    assert found["list"][0] == ["MOFCOM-2025-21", "MOFCOM-2025-22", "UEL-2025-7", "UEL-2025-8"]


def test_controls_announced_in_a_year_are_told_done_that_year(reference_db, tmp_path):
    """"据金融时报报道，中国 2023 年宣布锗出口限制" (sixty-fourth pass): controls announced are
    done, so the year names the only germanium measure of 2023, No. 23; the year of germanium
    prices names none."""
    found = read_against_reference(reference_db, tmp_path, [
        ("announced", "中国对锗的限制导致供应极度紧张",
         "据金融时报报道，中国 2023 年宣布锗出口限制，出口量大幅下滑。", "2025-09-16", "zh"),
        ("prices", "锗价上涨", "据报道，锗价 2023 年上涨，交易商称供应紧张。", "2025-09-16", "zh")])
    assert found["announced"][0] == ["MOFCOM-2023-23"]
    assert found["prices"][0] == []


def test_technology_added_to_the_export_catalogue_is_controls_done(reference_db, tmp_path):
    """"China added technology for manufacturing rare earth magnets to its “Catalogue of
    Technologies Prohibited and Restricted from Export.”" two days after the catalogue
    (sixty-fourth pass): goods added to the catalogue are controls done, and the catalogue's
    words are controls, so the only catalogue by then, No. 57 of 2023."""
    found = read_against_reference(reference_db, tmp_path, [
        ("added", "China bans export of rare earths processing tech",
         "China added technology for manufacturing rare earth magnets to its “Catalogue of "
         "Technologies Prohibited and Restricted from Export.”", "2023-12-23", "en")])
    assert found["added"][0] == ["MOFCOM-2023-57"]


def test_a_day_a_measure_never_took_effect_on_is_named_by_its_day_only(reference_db, tmp_path):
    """No. 61 of 2025's clauses 1-2 were due on 1 December 2025 and suspended on 7 November
    (sixty-fourth pass): "with rules on material exports taking effect on December 1", told on
    9 October, names it by that day; rare-earth licences granted "since this month" in December
    2025 do not, the month being none in which it took effect."""
    found = read_against_reference(reference_db, tmp_path, [
        ("due", "China widens rare-earth export controls",
         "Foreign firms must seek approval to export items that contain Chinese-sourced rare "
         "earths, with rules on material exports taking effect on December 1.", "2025-10-09",
         "en"),
        ("month", "稀土企业获得通用许可", "负责人：本月以来，全省已有7家稀土企业获得通用许可。",
         "2025-12-26", "zh")])
    assert found["due"][0] == ["MOFCOM-2025-61"]
    assert "MOFCOM-2025-61" not in found["month"][0]


def test_export_controls_told_with_the_day_of_its_only_measure_name_it(reference_db, tmp_path):
    """"The export control announcement on January 6, 2026, targeted “dual-use items that may be
    used for military purposes.”" and "…, prompting Jan 6's export ban" (sixty-fourth pass): an
    export-control announcement or ban told with its day is the one measure the archive has of
    that day, No. 1 of 2026; a day of six measures (9 October 2025) names none of them this
    way, and Japan's own announcement of the day names nothing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("announcement", "Japanese companies refused rare earths",
         "The export control announcement on January 6, 2026, targeted “dual-use items that may "
         "be used for military purposes.”", "2026-01-11", "en"),
        ("ban", "Japan condemns China's ban",
         "Takaichi touched off the dispute with remarks on Taiwan, and Beijing demanded a "
         "retraction she has not made, prompting Jan 6's export ban.", "2026-01-07", "en"),
        ("six", "Analysts weigh China's moves",
         "The export control announcement on October 9, 2025, surprised traders.", "2025-10-20",
         "en"),
        ("japan", "Japan answers",
         "On January 6, 2026, Japan's trade ministry issued an announcement on its own export "
         "controls.", "2026-01-11", "en")])
    assert found["announcement"][0] == ["MOFCOM-2026-1"]
    assert found["ban"][0] == ["MOFCOM-2026-1"]
    assert found["six"][0] == []
    assert found["japan"][0] == []


def test_goods_bound_for_a_country_or_its_military_are_sent_to_it(reference_db, tmp_path):
    """"China on Tuesday banned Japan-bound exports of goods that can be used both for civilian
    purposes and for enhancing defense capabilities" and "On Tuesday, China banned the export of
    products to Japan's military" (sixty-fourth pass): Japan-bound goods are sent to Japan, goods
    of civilian and defence use are dual-use items, and a ban on the export of products to a
    country is the measure on goods for it: both name No. 1 of 2026 on its Tuesday; and dual-use
    goods to Japan's military, undated, are still goods named by their class for Japan."""
    found = read_against_reference(reference_db, tmp_path, [
        ("bound", "Japanese industries worried",
         "China on Tuesday banned Japan-bound exports of goods that can be used both for civilian "
         "purposes and for enhancing defense capabilities.", "2026-01-08", "en"),
        ("military", "China investigating Japan dumping",
         "On Tuesday, China banned the export of products to Japan's military.", "2026-01-07",
         "en"),
        ("class", "China bans exports",
         "China has banned exports of “dual-use” goods to Japan’s military, as Beijing steps up "
         "a diplomatic row with Tokyo.", "2026-01-06", "en")])
    assert found["bound"][0] == ["MOFCOM-2026-1"]
    assert found["military"][0] == ["MOFCOM-2026-1"]
    # (the military is who the goods go to, not goods: dual-use goods stay named by their class
    # for Japan, the only measure on goods for it by then)
    assert found["class"][0] == ["MOFCOM-2026-1"]


def test_export_limits_and_exports_limited_are_controls(reference_db, tmp_path):
    """"In August, the Chinese government announced plans for export limits …, which were
    implemented in September" under an antimony headline, and "China announced that it would
    limit the export of five minerals …, including tungsten, bismuth and tellurium" the day after
    (sixty-fourth pass): export limits, and exports limited by a verb, are controls, so the
    month names the antimony measure of August 2024 and the minerals the only measure on them,
    No. 10 of 2025."""
    found = read_against_reference(reference_db, tmp_path, [
        ("limits", "China's export controls halt antimony shipments to EU",
         "China has refrained from exporting antimony to the EU since October.\n\nIn August, the "
         "Chinese government announced plans for export limits citing national security "
         "concerns, which were implemented in September.", "2025-03-20", "en"),
        ("limit", "Stocks of China's tungsten producers rise",
         "China announced that it would limit the export of five minerals used in defence, "
         "including tungsten, bismuth and tellurium.", "2025-02-05", "en")])
    assert found["limits"][0] == ["MOFCOM-2024-33"]
    assert found["limit"][0] == ["MOFCOM-2025-10"]


def test_controls_imposed_in_the_month_they_took_effect_agree_with_it(reference_db, tmp_path):
    """"The China government imposed trade restrictions on export of gallium arsenide in August
    of 2023" (sixty-fourth pass): news tells controls imposed by the month they bit, so
    "imposed" agrees with No. 23's effective month (issued in July), as "took effect" does; an
    imposition told of another date ("would stop, from Monday, the additional tariffs … it
    imposed in March") does not agree with the Monday (dev-139)."""
    found = read_against_reference(reference_db, tmp_path, [
        ("imposed", "AXT's revenue constrained by China export permitting",
         "The China government imposed trade restrictions on export of gallium arsenide in August "
         "of 2023, the chief executive said.", "2025-08-05", "en"),
        ("stop", "Trade truce moves from handshake to rulebook",
         "Earlier in the week, the Customs Tariff Commission of the State Council said China would "
         "stop, from Monday, the additional tariffs on some US farm products it imposed in March.",
         "2025-11-08", "en")])
    assert found["imposed"][0] == ["MOFCOM-2023-23"]
    assert found["stop"][0] == []


def test_the_rare_earth_technology_ban_of_december_2023_is_the_catalogue(reference_db, tmp_path):
    """"Beijing having imposed a ban on exports of rare-earth extraction and separation
    technologies since December 2023" and 早在2023年底，中国就不让稀土提炼技术出口了 (sixty-fourth
    pass): the catalogue of December 2023 (No. 57) bans the export of rare-earth extraction and
    separation technologies, as its text says, and exports not let out (不让…出口) are a ban, so
    both name it; the rare-earth technology controls of 9 October 2025 are of another month."""
    found = read_against_reference(reference_db, tmp_path, [
        ("since", "Malaysia looks to China for rare-earth processing",
         "This is despite Beijing having imposed a ban on exports of rare-earth extraction and "
         "separation technologies since December 2023.", "2024-03-18", "en"),
        ("zh", "美国没想到", "早在2023年底，中国就不让稀土提炼技术出口了。", "2025-10-11", "zh")])
    assert found["since"][0] == ["MOFCOM-2023-57"]
    assert found["zh"][0] == ["MOFCOM-2023-57"]


# --- the sixty-fifth pass (real78, real80) -------------------------------------------------------


def test_controls_extended_recently_to_goods_name_the_only_measure_on_them(reference_db, tmp_path):
    """"Besides gallium and germanium, China has recently extended its export restrictions to other
    metals such as antimony", told the day after No. 33 of 2024 took effect (sixty-fifth pass):
    controls extended to goods are done, and a time of the sentence's own that is a date of the
    measure (its effect in the fortnight before) does not bar the only measure on the goods by
    then. The same words a year later, with no date of the measure in their fortnight, do not
    name it by that rule; nor does the extension told as to come."""
    found = read_against_reference(reference_db, tmp_path, [
        ("recently", "Germanium and gallium prices keep climbing",
         "Besides gallium and germanium, China has recently extended its export restrictions to "
         "other metals such as antimony.", "2024-09-16", "en"),
        ("later", "Germanium and gallium prices keep climbing",
         "Besides gallium and germanium, China has recently extended its export restrictions to "
         "other metals such as antimony.", "2025-07-20", "en"),
        ("future", "Germanium and gallium prices keep climbing",
         "China may soon extend its export restrictions to other metals such as antimony.",
         "2024-09-16", "en")])
    assert found["recently"][0] == ["MOFCOM-2024-33"]
    assert found["later"][0] == []
    assert found["future"][0] == []


def test_rare_earths_and_their_technologies_in_chinese_and_products_made_abroad(
        reference_db, tmp_path):
    """中国政府近日宣布进一步收紧对稀土及其相关技术的出口控制，措施范围首次延伸至境外产品,
    told on 13 October 2025 (sixty-fifth pass): rare earths "and their related technologies" are the
    rare-earth technologies (No. 62), as "rare earth items and related technologies" are in
    English, and products abroad (境外产品) the foreign-made items of No. 61."""
    found = read_against_reference(reference_db, tmp_path, [
        ("tech", "瑞士媒体：中国强化稀土出口管制",
         "中国政府近日宣布进一步收紧对稀土及其相关技术的出口控制。", "2025-10-13", "zh"),
        ("abroad", "瑞士媒体：中国强化稀土出口管制",
         "电台10月10日报导，中国政府近日宣布收紧稀土出口管制，措施范围首次延伸至境外产品。",
         "2025-10-13", "zh")])
    assert found["tech"][0] == ["MOFCOM-2025-62"]
    assert found["abroad"][0] == ["MOFCOM-2025-61"]


def test_a_monitoring_list_is_the_watch_list(reference_db, tmp_path):
    """"the ministry said it had also put another 20 Japanese firms, among them Subaru, on a
    monitoring list" (sixty-fifth pass): a Japanese broadcaster's "monitoring list" is the
    watch list (关注名单), so the count, the country and the list name No. 12 of 2026, not the
    control list's No. 11 of the same day."""
    found = read_against_reference(reference_db, tmp_path, [
        ("monitoring", "China puts Japanese firms under export controls",
         "The ministry said it had also put another 20 Japanese firms, among them Subaru, on a "
         "monitoring list.", "2026-02-25", "en"),
        ("monitor", "China puts Japanese firms under export controls",
         "Beijing placed a further 20 entities, including the carmaker Subaru, on a monitor "
         "list.", "2026-02-25", "en")])
    assert found["monitoring"][0] == ["MOFCOM-2026-12"]
    assert found["monitor"][0] == ["MOFCOM-2026-12"]


def test_a_dual_use_ban_on_counted_entities_with_an_aside_is_the_control_list(reference_db,
                                                                               tmp_path):
    """"On Tuesday, February 24, China's Ministry of Commerce banned the export of dual-use
    items — goods with both civilian and military applications — to 20 Japanese entities and
    placed another 20 on a watch list" (sixty-fifth pass): an aside between dashes keeps the
    ban on dual-use items to counted entities the control list's (No. 11 of 2026), so the
    sentence names both of the day's lists."""
    found = read_against_reference(reference_db, tmp_path, [
        ("aside", "China sanctions hit Japan's defence firms",
         "On Tuesday, China's Ministry of Commerce banned the export of dual-use items — goods "
         "that serve both civilian and military ends — to 20 Japanese entities and placed "
         "another 20 on a watch list.", "2026-02-25", "en")])
    assert found["aside"][0] == ["MOFCOM-2026-11", "MOFCOM-2026-12"]


def test_exports_curbed_by_china_are_controls_done(reference_db, tmp_path):
    """"TUNGSTEN, INDIUM and More.. What are New Critical Metal Exports Curbed by China", in
    February 2025 (sixty-fifth pass): exports curbed, restricted or banned by China, in the
    passive with China as the agent, are controls done, so the metals name the only measure on
    them by then (No. 10 of 2025); exports curbed by weak demand are no controls."""
    found = read_against_reference(reference_db, tmp_path, [
        ("china", "Indium and tungsten: the metal exports curbed by China",
         "Here is what the new rules cover.", "2025-02-06", "en"),
        ("demand", "Indium and tungsten: the metal exports curbed by weak demand",
         "Here is what the new figures show.", "2025-02-06", "en")])
    assert found["china"][0] == ["MOFCOM-2025-10"]
    assert found["demand"][0] == []


# --- the sixty-fifth pass, third round (real86, real88) ------------------------------------------


def test_a_number_labelled_as_the_announcements_on_a_joint_announcements_page_is_linked(
        reference_db, tmp_path):
    """"中国商务部与海关总署联合发布公告，…。公告编号2025年第58号，短短几页文字…"
    (sixty-fifth pass): a number labelled as the announcement's (公告编号, 公告文号) with no issuer
    is MOFCOM's on a page about its announcements, Customs named only as its partner in a joint
    one, and the sentence naming it names the measure (no citation links a bare number). A page
    that names Customs on its own keeps such a number unread (Customs has its own series)."""
    found = read_against_reference(reference_db, tmp_path, [
        ("joint", "全球车企慌了",
         "本月初，中国商务部与海关总署联合发布公告。\n\n"
         "公告编号2025年第58号，短短几页文字，却让国际市场震动。", "2025-10-20", "zh"),
        ("customs", "全球车企慌了",
         "海关总署当天也发布了通知。\n\n公告编号2025年第58号，短短几页文字，却让国际市场震动。",
         "2025-10-20", "zh")])
    assert found["joint"][0] == ["MOFCOM-2025-58"]
    assert found["customs"][0] == []


def test_a_ban_lifted_for_a_time_names_its_suspending_instrument(reference_db, tmp_path):
    """中国暂解镓锗锑出口禁令, told in November 2025 (sixty-fifth pass): a ban lifted for a time
    (暂解) is a suspension, so the only suspension of controls on those goods (No. 72 of 2025)
    and the measure it suspends (No. 46 of 2024) are named, not offered as a tie."""
    found = read_against_reference(reference_db, tmp_path, [
        ("zanjie", "中国暂解镓锗锑出口禁令 澳洲专家示警供应链风险未除",
         "澳大利亚专家表示，供应链风险并未消除。", "2025-11-14", "zh")])
    assert found["zanjie"][0] == ["MOFCOM-2024-46", "MOFCOM-2025-72"]


# --- the sixty-sixth pass (real90, real92) ------------------------------------------------------


def test_goods_pointed_back_to_are_those_of_the_nearest_sentence_naming_goods(
        reference_db, tmp_path):
    """"Rare earth magnets are very important … These magnets are small but powerful. … India
    depends almost completely on China for the supply of these magnets. However, in April, China
    introduced strict new rules for exporting these products." (sixty-sixth pass): goods named
    by a word pointing back are those of the nearest sentence naming goods of a kind, past
    sentences naming only their class; with no such sentence within reach, none."""
    lead = ("Bajaj Auto warned of a halt in electric vehicle output. Its director said "
            "production may stop by July.\n\n")
    told = ("Rare earth magnets are very important for running electric motors. These magnets "
            "are small but powerful. Without them, the motor cannot work. ")
    rules = ("At present, India depends almost completely on China for the supply of these "
             "magnets. However, in April, China introduced strict new rules for exporting these "
             "products.")
    found = read_against_reference(reference_db, tmp_path, [
        ("named", "EV industry may slow down", lead + told + rules, "2025-05-30", "en"),
        ("unnamed", "EV industry may slow down", lead + rules, "2025-05-30", "en")])
    assert found["named"][0] == ["MOFCOM-2025-18"]
    assert found["unnamed"][0] == []


@pytest.mark.parametrize(("key", "sentence", "linked"), [
    ("implementation", "The timing aligns with Beijing's implementation of broader export "
                       "controls in early April following the US announcement of tariffs.",
     True),
    ("by-beijing", "The export controls by Beijing that came into effect on April 4 were part "
                   "of the trade tensions with the US.", True),
    ("anaphoric", "The export controls that came into effect on April 4 were part of the trade "
                  "tensions with the US.", False),
    ("not-goods", "The magnets have been under strict export controls since April 4, following "
                  "China's decision to tighten licensing norms in response to higher tariffs "
                  "imposed by the United States on Chinese goods.", True),
])
def test_controls_dated_without_goods_take_the_headlines_goods(reference_db, tmp_path, key,
                                                              sentence, linked):
    """Controls dated by their month or day with no goods of their own, under a rare-earth
    headline (sixty-sixth pass): "Beijing's implementation of broader export controls in early
    April" tells controls done, as their introduction does; "The export controls by Beijing
    that came into effect on April 4" names whose controls they are, no controls of the
    sentences before; tariffs named beside them are no goods. A sentence opening on "the
    export controls" with no author stays the controls of the sentences before."""
    found = read_against_reference(reference_db, tmp_path, [
        (key, "China issues rare-earth magnet export licences to India",
         "India has started to get licences for the magnets.\n\n" + sentence,
         "2025-10-27", "en")])
    assert found[key][0] == (["MOFCOM-2025-18"] if linked else [])


def test_goods_spelled_out_after_their_class_are_the_goods_of_the_controls_before(
        reference_db, tmp_path):
    """"Beijing has also announced export controls on items related to five critical metals.
    The five metals are tungsten, indium, bismuth, tellurium and molybdenum." (sixty-sixth
    pass): a sentence spelling out the goods the one before named by their class names the
    goods of its controls."""
    lead = "South Korea's industry ministry said on Wednesday it will monitor the impact.\n\n"
    controls = "Beijing has also announced export controls on items related to five metals."
    found = read_against_reference(reference_db, tmp_path, [
        ("spelled", "Seoul to respond to China's export curb", lead + controls
         + " The five metals are tungsten, indium, bismuth, tellurium and molybdenum.",
         "2025-02-05", "en"),
        ("class", "Seoul to respond to China's export curb", lead + controls, "2025-02-05",
         "en")])
    assert found["spelled"][0] == ["MOFCOM-2025-10"]
    assert found["class"][0] == []


@pytest.mark.parametrize(("text", "role"), [
    ("这场冲击可追溯至2023年7月，当时中国宣布对镓、锗实施出口管制。", "on"),
    ("The first wave dates back to July 2023, when China announced controls.", "on"),
    ("该措施有效期至2023年7月。", "until"),
    ("The controls stay in place to July 2023.", "until"),
])
def test_a_time_traced_back_to_is_when_it_happened(text, role):
    """可追溯至2023年7月, "dates back to July 2023" (sixty-sixth pass): the time something is
    traced back to is when it happened, not the end of a period."""
    assert [d.role for d in dates_in(text, "2025-08-08")] == [role]


def test_restrictions_imposed_more_than_a_year_ago_are_those_of_that_time(reference_db,
                                                                          tmp_path):
    """"restrictions imposed more than a year ago had wiped out direct exports of Chinese gallium
    and germanium to the US", told in December 2024 (sixty-sixth pass): the controls of 2023,
    not the US-bound ban of that month."""
    found = read_against_reference(reference_db, tmp_path, [
        ("ago", "Tiny but vital metal markets rush to adjust",
         "Traders are scrambling.\n\nThe ban may seem symbolic, given restrictions imposed "
         "more than a year ago had wiped out direct exports of Chinese gallium and germanium "
         "to the US.", "2024-12-23", "en")])
    assert found["ago"][0] == ["MOFCOM-2023-23"]


def test_a_listings_trades_are_named_only_with_its_parties(reference_db, tmp_path):
    """自中国在四月开始实施部分稀土限制以来，一些用于无人机与电动车…的关键稀土原料已经开始出现涨价
    (sixty-sixth pass): drones are the trade of the firms an April listing put on the unreliable
    entity list, and a sentence naming no firm, list or sanction (rare earths for drones) does
    not name the listing; the April rare-earth controls it names stay linked, and drone makers
    sanctioned in April still name the listing."""
    found = read_against_reference(reference_db, tmp_path, [
        ("use", "稀土禁令冲击 台湾供应链", "经济部长今日表示，台湾受到的直接冲击有限。\n\n"
         "他特别提到，自中国在四月开始实施部分稀土限制以来，一些用于无人机与电动车等制造高动力马达的"
         "关键稀土原料，已经开始出现涨价。", "2025-10-13", "zh"),
        ("firms", "美国无人机企业", "分析人士表示，影响有限。\n\n"
         "中国在四月将多家美国无人机企业列入不可靠实体清单。", "2025-10-13", "zh")])
    assert "UEL-2025-7" not in found["use"][0]
    assert "MOFCOM-2025-18" in found["use"][0]
    assert "UEL-2025-7" in found["firms"][0] + found["firms"][1]


def test_licences_approved_for_goods_name_the_only_measure_on_them(reference_db, tmp_path):
    """"a spokesperson for the MOFCOM announced on Saturday that China had approved a certain
    number of export license applications for rare earth-related items, considering rising
    global demand for medium and heavy rare earth elements", in June 2025 (sixty-sixth pass):
    licences approved for goods tell their controls in force, so the only measure on medium and
    heavy rare earths by then (No. 18 of 2025) is named, the Saturday being the approval's day,
    not the measure's; rising demand alone names none, nor do licences granted for the whole
    class (rare earths), which tell no one measure on it."""
    approved = ("Previously, a spokesperson for the MOFCOM announced on Saturday that China had "
                "approved a certain number of export license applications for rare earth-related "
                "items, considering rising global demand for medium and heavy rare earth "
                "elements.")
    demand = ("Previously, analysts said on Saturday that global demand for medium and heavy "
              "rare earth elements is rising.")
    title = "China willing to strengthen dialogue on rare-earth export controls"
    lead = ("The Ministry of Commerce on Thursday reiterated that China's export controls on "
            "rare earths are in line with international practice.\n\n")
    found = read_against_reference(reference_db, tmp_path, [
        ("approved", title, lead + approved, "2025-06-12", "en"),
        ("demand", title, lead + demand, "2025-06-12", "en"),
        ("class", title, lead + "The news comes in as China has granted temporary export "
         "licenses to rare-earth suppliers of General Motors and Ford.", "2025-06-12", "en")])
    assert found["approved"][0] == ["MOFCOM-2025-18"]
    assert found["demand"][0] == []
    assert found["class"][0] == []


def test_goods_pointed_back_to_by_their_count_are_those_named_before(reference_db, tmp_path):
    """"China announced plans to curb exports of gallium and germanium. Beijing's decision to
    enforce export restrictions on the two critical minerals from August …" (sixty-sixth
    pass): goods pointed back to by their count (the two critical minerals) are those the
    sentence before named, so the month names No. 23 of 2023."""
    body = ("The EU is urgently calling on aluminium and zinc companies to investigate producing "
            "key semiconductor metals after China announced plans to curb exports of gallium and "
            "germanium.\n\nBeijing's decision to enforce export restrictions on the {} from "
            "August has prompted a scramble across Brussels, Washington and Tokyo.")
    found = read_against_reference(reference_db, tmp_path, [
        ("count", "EU asks metals producers to explore making chip inputs",
         body.format("two critical minerals"), "2023-07-10", "en"),
        ("vague", "EU asks metals producers to explore making chip inputs",
         body.format("critical minerals"), "2023-07-10", "en")])
    assert found["count"][0] == ["MOFCOM-2023-23"]
    assert "MOFCOM-2023-23" not in found["vague"][0]


def test_a_whole_class_names_no_measure_on_a_part_of_it(reference_db, tmp_path):
    """"The production halt … is now linked to export restrictions on rare earth elements
    imposed by China", in June 2025 (sixty-sixth pass): controls told of a whole class (rare
    earths) are a general reference to a measure on a part of it (No. 18 of 2025, on the medium
    and heavy ones), though it is the only one on the class by then; the part named (medium and
    heavy rare earths) or the class told in part (certain rare earths) names it."""
    body = ("Suzuki Motor Corp. has stopped producing its Swift model in Japan as of May 26.\n\n"
            "The production halt is now linked to export restrictions on {} imposed by China.")
    found = read_against_reference(reference_db, tmp_path, [
        ("class", "Suzuki halts Swift production", body.format("rare earth elements"),
         "2025-06-06", "en"),
        ("narrower", "Suzuki halts Swift production",
         body.format("medium and heavy rare earth elements"), "2025-06-06", "en"),
        ("certain", "Suzuki halts Swift production", body.format("certain rare earths"),
         "2025-06-06", "en")])
    assert found["class"][0] == []
    assert found["narrower"][0] == ["MOFCOM-2025-18"]
    assert found["certain"][0] == ["MOFCOM-2025-18"]


# --- the sixty-seventh pass (real98) ------------------------------------------------------------


def test_requirements_coming_into_force_name_the_only_measure_issued_and_not_yet_in_force(
        reference_db, tmp_path):
    """"In light of the export requirements for gallium and germanium from China, which will soon
    come into force, the minister last week spoke out …" (sixty-seventh pass): requirements told
    as issued and not yet in force name the only measure on their goods then issued and due
    after the page (No. 23 of 2023, in force on 1 August 2023), whatever week the sentence names
    for another act; the same words after that day, or requirements merely discussed, name
    none."""
    body = ("European buyers are stocking up.\n\nAhead of China's export requirements for gallium "
            "and germanium, {}, the economy minister last week called for European supply.")
    title = "Europe weighs its own gallium and germanium output"
    found = read_against_reference(reference_db, tmp_path, [
        ("coming", title, body.format("which will soon come into force"), "2023-07-18", "en"),
        ("late", title, body.format("which will soon come into force"), "2023-10-18", "en"),
        ("talked", title, body.format("which traders discussed"), "2023-07-18", "en")])
    assert found["coming"][0] == ["MOFCOM-2023-23"]
    assert found["late"][0] == []
    assert found["talked"][0] == []


def test_a_measures_participle_names_its_state_as_its_agent(reference_db, tmp_path):
    """"It will be Europe that will suffer the most from the restrictions on the export of
    gallium and germanium announced by China from August 1" (sixty-seventh pass): the agent of
    a measure's own participle (announced, imposed by) is whose measure it is, a state as much
    as an authority, whoever the sentence names first; the same restrictions announced by
    Washington are another government's."""
    body = ("Chipmakers are counting their stocks.\n\nIt is Japan that will be hit hardest by the "
            "restrictions on the export of gallium and germanium announced by {} from August 1.")
    title = "Who loses most from the new metal curbs"
    found = read_against_reference(reference_db, tmp_path, [
        ("china", title, body.format("China"), "2023-07-12", "en"),
        ("us", title, body.format("Washington"), "2023-07-12", "en")])
    assert found["china"][0] == ["MOFCOM-2023-23"]
    assert found["us"][0] == []


# --- the sixty-eighth pass (real106, real108) ---------------------------------------------------


def test_a_year_names_its_measure_beside_goods_a_closer_date_gives_to_another(
        reference_db, tmp_path):
    """"This follows earlier restrictions on gallium and germanium in 2023 and a full export ban
    to America of gallium, germanium, and antimony instituted in December 2024" (sixty-eighth
    pass): antimony, told only in the clause a month dates, is that measure's; the year still
    names the only measure on gallium and germanium of 2023. A year that dates every good the
    sentence names (a seizure tally of 2025 naming goods of several years' measures) names
    none."""
    body = ("Prices of minor metals rose again.\n\nThis follows earlier restrictions on gallium "
            "and germanium in 2023 and a full export ban to America of gallium, germanium, and "
            "antimony {}.")
    title = "Minor metals under pressure"
    found = read_against_reference(reference_db, tmp_path, [
        ("month", title, body.format("instituted in December 2024"), "2025-04-10", "en"),
        ("undated", title, body.format("instituted later"), "2025-04-10", "en")])
    assert sorted(found["month"][0]) == ["MOFCOM-2023-23", "MOFCOM-2024-46"]
    assert "MOFCOM-2023-23" not in found["undated"][0]


def test_strictly_controlling_exports_is_an_act(reference_db, tmp_path):
    """12月3日,中国开始严控对美出口镓、锗、锑、超硬材料、石墨等相关两用物资 (sixty-eighth pass):
    严控, "strictly controls", tells a measure as 管制 does; the same day and goods told as
    exports that merely fell name none."""
    title = "镓锗锑出口观察"
    body = "市场关注。\n\n12月3日,{}镓、锗、锑、超硬材料、石墨等相关两用物资"
    found = read_against_reference(reference_db, tmp_path, [
        ("act", title, body.format("中国开始严控对美出口"), "2024-12-05", "zh"),
        ("fell", title, body.format("中国对美出口") + "下降", "2024-12-05", "zh")])
    assert found["act"][0] == ["MOFCOM-2024-46"]
    assert found["fell"][0] == []


def test_controls_answering_another_states_act_are_dated_by_their_month(reference_db, tmp_path):
    """今年4月,中国大陆也曾以稀土管制,回应美国的"相互关税"措施 (sixty-eighth pass): controls
    China answered another state's act with are controls imposed in that month (No. 18 of
    2025, in English "responded with … controls" too); the same month and goods told of talks
    about controls name none."""
    zh = "日企关注审批。\n\n今年4月,中国大陆也曾{},回应美国的“相互关税”措施。"
    en = "Japanese firms watch their licences.\n\nIn April, China {} to the US tariffs."
    found = read_against_reference(reference_db, tmp_path, [
        ("zh", "稀土审批出现延宕", zh.format("以稀土管制"), "2025-12-07", "zh"),
        ("zh_talk", "稀土审批出现延宕", zh.format("讨论稀土管制"), "2025-12-07", "zh"),
        ("en", "Rare earth licences slow down", en.format(
            "responded with rare earth export controls"), "2025-12-07", "en"),
        ("en_talk", "Rare earth licences slow down", en.format(
            "discussed rare earth export controls"), "2025-12-07", "en")])
    assert found["zh"][0] == ["MOFCOM-2025-18"]
    assert found["en"][0] == ["MOFCOM-2025-18"]
    assert found["zh_talk"][0] == []
    assert found["en_talk"][0] == []


def test_a_list_named_in_quotes_is_that_list(reference_db, tmp_path):
    """将斯巴鲁株式会社等20家日本实体列入「关注」名单 (sixty-eighth pass): the watch list with its
    name set off by quotes is the watch list, so a sentence listing 20 firms on each of the two
    lists names both measures of the day, not only the control list's; a "关注" that names no
    list is none."""
    assert terms_in("列入「关注」名单", ("list",)) == {"watch_list"}
    assert terms_in("列入“关注”名单", ("list",)) == {"watch_list"}
    assert terms_in("引发各方“关注”", ("list",)) == set()
    body = ("事件背景\n\n为阻止日本“再军事化”,大陆商务部日前将三菱造船株式会社等20家日本实体"
            "列入出口管制管控名单,并将斯巴鲁株式会社等20家日本实体列入「关注」名单。")
    found = read_against_reference(reference_db, tmp_path, [
        ("both", "大陆将40家实体列出口管制与关注", body, "2026-02-26", "zh")])
    assert sorted(found["both"][0]) == ["MOFCOM-2026-11", "MOFCOM-2026-12"]


def test_that_day_after_a_day_the_sentence_tells_is_that_day(reference_db, tmp_path):
    """"6月9日,在中美于英国伦敦举行经贸磋商机制首次会议当日,新华社发布文章指出,中国对部分稀土
    相关物项的出口管制…" (sixty-eighth pass): a "that day" told after a day of its own sentence is
    that day (9 June), not the day of the event the sentence before told (the 7 November
    suspension): the sentence names no suspension; with no day of its own before it, it is."""
    before = "2025年11月7日,商务部、海关总署联合发布公告,暂停实施相关出口管制措施。\n\n"
    told = ("6月9日,在中美于伦敦举行磋商当日,新华社发文指出,中国对部分稀土相关物项的出口管制"
            "是必然一步。")
    sentences, _ = read_document("稀土", before + told, "2025-11-08")
    assert [d.first for d in sentences[-1].dates] == ["2025-06-09"]
    lent = "在中美于伦敦举行磋商当日,新华社发文指出,中国对部分稀土相关物项的出口管制是必然一步。"
    sentences, _ = read_document("稀土", before + lent, "2025-11-08")
    assert "2025-11-07" in [d.first for d in sentences[-1].dates]


def test_an_instrument_brings_the_measures_it_suspended_that_the_sentence_numbers_yearless(
        reference_db, tmp_path):
    """"2025年11月7日18点,中国商务部、海关总署公告:自即日起的一年间,暂停实施此前发布的第55号、
    56号、57号、58号及商务部公告2025年第61号、62号的决定" (sixty-eighth pass): the yearless
    numbers before the full citation are the suspending instrument's other targets, linked with
    it (No. 70); the sentence citing only No. 61 brings No. 70 and none of the others."""
    body = ("市场关注。\n\n2025年11月7日18点,中国商务部、海关总署公告:自即日起的一年间,暂停实施此前"
            "发布的{}商务部公告2025年第61号的决定。")
    found = read_against_reference(reference_db, tmp_path, [
        ("numbered", "暂停实施", body.format("第55号、56号、57号、58号及"), "2025-11-08", "zh"),
        ("one", "暂停实施", body.format(""), "2025-11-08", "zh")])
    assert {"MOFCOM-2025-55", "MOFCOM-2025-58", "MOFCOM-2025-70"} <= set(found["numbered"][0])
    assert "MOFCOM-2025-70" in found["one"][0]
    assert "MOFCOM-2025-55" not in found["one"][0]


def test_a_number_told_with_this_years_word_is_of_that_year(reference_db, tmp_path):
    """中国商务部今年第61号公布明言不会让别国用中国出口的稀土制造武器 (sixty-eighth pass): a number
    told with 今年 ("this year") is of the page's year, with a subject of its title No. 61 of
    2025; told with 去年 ("last year") on a page of 2026 it is the same measure, and 今年 on a
    page of 2026 names none of 2025."""
    body = "稀土专栏。\n\n中国商务部{}第61号公布明言不会让别国用中国出口的稀土制造武器。"
    found = read_against_reference(reference_db, tmp_path, [
        ("this", "稀土长臂管辖", body.format("今年"), "2025-10-17", "zh"),
        ("last", "稀土长臂管辖", body.format("去年"), "2026-03-17", "zh"),
        ("wrong", "稀土长臂管辖", body.format("今年"), "2026-03-17", "zh")])
    assert found["this"][0] == ["MOFCOM-2025-61"]
    assert found["last"][0] == ["MOFCOM-2025-61"]
    assert "MOFCOM-2025-61" not in found["wrong"][0]


def test_indium_phosphide_by_its_formula_is_indium(reference_db, tmp_path):
    """"China, a key supplier of InP, placed it under strict export controls in early 2025"
    (sixty-eighth pass): InP is indium phosphide, so the year names the only measure on indium
    of 2025 (No. 10); the word "inp" in lower case names none."""
    body = ("Optics makers wait for wafers.\n\nThe problem is, China, a key supplier of {}, "
            "placed it under strict export controls in early 2025.")
    title = "AI optics bottleneck eases"
    found = read_against_reference(reference_db, tmp_path, [
        ("formula", title, body.format("InP"), "2026-06-05", "en"),
        ("lower", title, body.format("inp"), "2026-06-05", "en")])
    assert found["formula"][0] == ["MOFCOM-2025-10"]
    assert found["lower"][0] == []


def test_goods_added_to_a_control_list_put_no_entity_list_in_the_sentence():
    """"In April it added some of the most sophisticated types to an export control list"
    (sixty-eighth pass): goods added to a control list are items put under control, not
    entities put on the export control list (the April listings of US firms are not meant);
    firms added to it are."""
    def lists(text: str) -> set[str]:
        return read_document("t", text, "2025-06-06")[0][1].lists
    assert lists("In April it added some of the most sophisticated types to an export control "
                 "list.") == set()
    assert lists("China added seven rare earths to its export control list in April.") == set()
    assert lists("In April it added 11 US companies to its export control list.") == {
        "export_control_list"}


def test_rules_opening_a_sentence_are_on_the_goods_the_sentence_before_named(
        reference_db, tmp_path):
    """"… the 'weaponisation' of its dominance in rare earth minerals and magnets. New export
    licensing rules introduced in April have led to dozens of industrial closures in Europe"
    (sixty-eighth pass): rules opening a dated sentence with no goods of their own are on the
    goods the sentence before only named, so the month names No. 18 of 2025 (not the April
    listings of US firms); after a sentence on no goods, or a sentence that dated a measure of
    its own, they name none."""
    body = ("The EU is preparing 20 anti-dumping probes against Chinese goods.\n\nA former trade "
            "commissioner spoke in Dublin on Thursday.\n\nShe called China a complicated partner."
            "\n\nRecently, "
            "concerns have grown over China's industrial overcapacity{}.\n\nNew export licensing "
            "rules introduced in April have led to dozens of industrial closures in Europe.")
    title = "EU gears up to open 20 anti-dumping probes"
    found = read_against_reference(reference_db, tmp_path, [
        ("goods", title, body.format(" and the weaponisation of its dominance in rare earth "
                                     "minerals and magnets"), "2025-09-26", "en"),
        ("none", title, body.format(""), "2025-09-26", "en")])
    assert found["goods"][0] == ["MOFCOM-2025-18"]
    assert found["none"][0] == []


def test_counts_told_without_their_noun_before_each_list_count_for_that_list(
        reference_db, tmp_path):
    """"China placed 40 Japanese entities on two export-control lists: 20 on a strict control
    list with export bans, and 20 on a newly used watchlist requiring enhanced verification"
    (sixty-eighth pass): after entities counted, a count told before a list without its noun
    counts for that list, so the sentence names both listings of 24 February 2026 (20 on the
    control list, 20 on the watch list) with no date; one count for two lists names neither."""
    body = ("Beijing escalates.\n\nEditors weigh the step.\n\nAnalysts differ.\n\nChina placed "
            "40 Japanese entities on two export-control lists: {}.")
    title = "China tightens export controls on Japanese firms"
    found = read_against_reference(reference_db, tmp_path, [
        ("each", title, body.format("20 on a strict control list with export bans, and 20 on a "
                                    "newly used watchlist requiring enhanced verification"),
         "2026-02-25", "en"),
        ("none", title, body.format("a strict control list with export bans and a newly used "
                                    "watchlist requiring enhanced verification"),
         "2026-02-25", "en")])
    assert sorted(found["each"][0]) == ["MOFCOM-2026-11", "MOFCOM-2026-12"]
    assert "MOFCOM-2026-11" not in found["none"][0]


def test_entities_of_the_act_a_measure_answers_leave_its_goods_for_a_country_alone(
        reference_db, tmp_path):
    """"China announced new restrictions on exports of dual-use products to the United States in
    response to Washington adding 140 companies to its Entity List" (sixty-eighth pass): the
    companies and the list are the US act's, told in the clause the measure answers; the goods
    for the US still name the only measure on goods for the US by then (No. 46 of 2024). The
    same companies put by China on its own list make the sentence a listing's."""
    title = "China strikes back at US"
    found = read_against_reference(reference_db, tmp_path, [
        ("answer", title, "Trade war escalates.\n\nChina announced new restrictions on exports of "
         "dual-use products to the United States in response to Washington adding 140 "
         "companies to its Entity List.", "2024-12-05", "en"),
        ("own", title, "Trade war escalates.\n\nChina announced new restrictions on exports of "
         "dual-use products to the United States and added 140 companies to its list.",
         "2024-12-05", "en")])
    assert found["answer"][0] == ["MOFCOM-2024-46"]
    assert "MOFCOM-2024-46" not in found["own"][0]


def test_firms_put_under_closer_scrutiny_are_on_the_watch_list():
    """"placed 20 Japanese entities on an export-control list and increased scrutiny of
    additional firms, effective immediately" (sixty-eighth pass): firms put under increased or
    enhanced scrutiny (verification, checks, reviews) are the English of 加强审查, the watch list;
    scrutiny of a deal or of markets names no list."""
    assert terms_in("and increased scrutiny of additional firms", ("list",)) == {"watch_list"}
    assert terms_in("enhanced verification for 20 more companies", ("list",)) == {"watch_list"}
    assert terms_in("increased scrutiny of the merger", ("list",)) == set()


def test_a_title_without_the_states_formal_name_is_the_same_title(reference_db, tmp_path):
    """即《出口管制法》、《两用物项出口管制条例》以及具体的《两用物项出口管制清单》 (sixty-eighth
    pass):
    a title told without 中华人民共和国 is the title with it, so the list names No. 51 of 2024
    (关于发布《中华人民共和国两用物项出口管制清单》的公告); another title names none."""
    assert title_key("中华人民共和国两用物项出口管制清单") == title_key("两用物项出口管制清单")
    body = "法律框架。\n\n该体系遵循《出口管制法》、《两用物项出口管制条例》以及具体的{}。"
    found = read_against_reference(reference_db, tmp_path, [
        ("list", "出口管制执法评论", body.format("《两用物项出口管制清单》"), "2025-10-15", "zh"),
        ("other", "出口管制执法评论", body.format("《商务部工作规程》"), "2025-10-15", "zh")])
    assert found["list"][0] == ["MOFCOM-2024-51"]
    assert found["other"][0] == []


# --- the sixty-ninth pass (real112, real116) ----------------------------------------------------


@pytest.mark.parametrize(("key", "kinds", "linked"), [
    ("types", "some of the newest types", True),
    ("kinds", "several advanced kinds", True),
    ("of-what", "some types of gallium", False),
])
def test_kinds_told_without_their_goods_are_those_of_the_sentence_before(
        reference_db, tmp_path, key, kinds, linked):
    """"In April it added some of the most sophisticated types to an export control list"
    (sixty-ninth pass): kinds told without saying of what are kinds of the goods the sentence
    before named, so April names No. 18 of 2025 (not the April listings of US firms); kinds of
    other goods told in the sentence do not take the goods before."""
    body = ("Leaders spoke on Thursday.\n\nBeijing holds a near-monopoly on rare earth magnets, "
            "vital to electric motors.\n\nIn April it put {} under export controls, forcing "
            "exporters to seek licences.")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "Supply chains under strain", body.format(kinds), "2025-06-06", "en")])
    assert ("MOFCOM-2025-18" in found[key][0]) is linked, found


@pytest.mark.parametrize(("key", "before", "linked"), [
    ("rare-earth", "curbs on exports of rare earth alloys and magnets", True),
    ("no-kind", "curbs on exports of magnets", False),
])
def test_magnets_are_the_kind_of_magnets_a_sentence_shortly_before_named(
        reference_db, tmp_path, key, before, linked):
    """"restrictions by China on exports of rare earth alloys, mixtures and magnets … China's
    decision in April to suspend exports of a wide range of critical minerals and magnets"
    (sixty-ninth pass): magnets, the only goods a sentence names, are the kind of magnets a
    sentence shortly before named, so April names No. 18 of 2025; with no kind named, April
    and magnets alone name nothing."""
    body = (f"Carmakers complained on Tuesday about {before}.\n\nSuppliers in Germany warned of "
            "closures.\n\nChina's decision in April to halt exports of many minerals and "
            "magnets has upended supply chains.")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "Alarm grows over mineral curbs", body, "2025-06-04", "en")])
    assert ("MOFCOM-2025-18" in found[key][0]) is linked, found


@pytest.mark.parametrize(("sentence", "tells"), [
    ("Beijing moved in April to halt exports of several minerals.", True),
    ("Beijing stopped shipments of gallium to the US.", True),
    ("China cut off its graphite exports.", True),
    ("Exports of minerals stopped growing in April.", False),
    ("Chip sales were cut by a third.", False),
])
def test_exports_halted_stopped_or_cut_off_tell_an_act(sentence, tells):
    """"China's decision in April to halt exports of …" (sixty-ninth pass): exports halted,
    stopped or cut off are an act, as a ban is; exports that stopped growing or sales cut are
    none."""
    assert read_sentence(0, sentence, "2025-06-04").act is tells


@pytest.mark.parametrize(("key", "sentence", "linked"), [
    ("recent", "China's recent export controls on germanium and gallium have worried "
               "chipmakers.", True),
    ("new", "Beijing's new export curbs on gallium and germanium have worried chipmakers.",
     True),
    ("weeks", "Export controls on germanium and gallium imposed in recent weeks have worried "
              "chipmakers.", False),
    ("recently", "China has recently imposed export controls on germanium and gallium.", False),
])
def test_controls_only_called_recent_are_the_only_measure_on_their_goods(
        reference_db, tmp_path, key, sentence, linked):
    """"China's recent export controls on key semiconductor materials, particularly germanium
    and gallium" in August 2024 (sixty-ninth pass): China's controls called recent or new are
    done, and calling them so gives them no time of their own, so they name the only measure on
    those goods by then (No. 23 of 2023); controls dated to the last weeks, or an act told as
    done recently, are of that time (the fortnight before the page)."""
    found = read_against_reference(reference_db, tmp_path, [
        (key, "China's export curbs strain chip supply", "Prices rose again.\n\n" + sentence,
         "2024-08-28", "en")])
    assert ("MOFCOM-2023-23" in found[key][0]) is linked, found


@pytest.mark.parametrize(("speaker", "kept"), [
    ("Kenji Sato, head of the Japanese Chamber of Commerce in China,", False),
    ("The commerce ministry", True),
])
def test_a_chamber_of_commerce_is_no_authority_whose_words_date_a_measure(speaker, kept):
    """"Tetsuro Homma, president of the Japanese Chamber of Commerce and Industry in China, said
    Tuesday that recent Chinese export controls …" (sixty-ninth pass): a chamber of commerce
    speaking is no authority, so the day it spoke dates its words, not the controls; the
    commerce ministry's day stays a date of the measure it speaks of."""
    s = read_sentence(0, f"{speaker} said Tuesday that export controls on tungsten are "
                         "straining manufacturers.", "2025-06-18")
    assert any(d.first == "2025-06-17" for d in s.dates) is kept


@pytest.mark.parametrize(("metal", "linked"), [
    ("tungsten", ["MOFCOM-2025-10", "MOFCOM-2025-18"]),
    ("graphite", ["MOFCOM-2025-18"]),
])
def test_each_of_several_goods_names_the_only_measure_on_it(reference_db, tmp_path, metal,
                                                            linked):
    """"recent Chinese export controls on critical metals — including tungsten and seven rare
    earth materials" in June 2025 (sixty-ninth pass): each of the goods names the only measure
    on it by then, though no measure is on all of them (No. 10 of 2025 for tungsten beside No.
    18 for the rare earths); goods with two measures by then (graphite) name neither."""
    found = read_against_reference(reference_db, tmp_path, [
        (metal, "Business group urges China to ease export rules",
         "A business group met officials.\n\nIts president said that recent Chinese export "
         f"controls on critical metals, including {metal} and seven rare earth materials, are "
         "straining manufacturers.", "2025-06-18", "en")])
    assert sorted(found[metal][0]) == linked


@pytest.mark.parametrize(("text", "day"), [
    ("昨晨商务部连续发布两项公告。", "2025-10-09"),
    ("商务部昨晚发布公告。", "2025-10-09"),
    ("The ministry announced the curbs late last night.", "2025-10-09"),
    ("商务部今晨发布公告。", "2025-10-10"),
])
def test_yesterdays_morning_and_night_are_yesterday(text, day):
    """昨晨商務部連續發布兩項公告 (sixty-ninth pass): yesterday's morning, afternoon, evening or
    night (昨晨, 昨早, 昨午, 昨晚, 昨夜, "last night") is the day before the page's, as 今晨 is its
    own day."""
    assert [d.first for d in dates_in(text, "2025-10-10")] == [day]


@pytest.mark.parametrize(("sentence", "linked"), [
    ("自今年4月实施稀土出口管制后，商务部昨晨再发公告，要求境外组织出口特定物项前须获许可。",
     ["MOFCOM-2025-18"]),
    ("商务部昨晨宣布实施稀土出口管制，要求境外组织出口特定物项前须获得许可证。",
     ["MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-62"]),
])
def test_the_controls_of_an_earlier_act_are_no_package_of_the_later_one(reference_db, tmp_path,
                                                                        sentence, linked):
    """"自今年4月實施稀土出口管制後,商務部昨晨再發公告" (sixty-ninth pass): the noun of controls
    in an opening clause telling an earlier act (自…实施…后，) is that act's, not a plural of the
    day's announcement, so yesterday's rare-earth measures are only offered for review (the
    earlier act's own April names No. 18 of 2025: seventieth pass); controls the sentence says
    were imposed yesterday name all of that day's on rare earths."""
    found = read_against_reference(reference_db, tmp_path, [
        ("s", "中国收紧稀土出口", "中美会晤在即。\n\n" + sentence, "2025-10-10", "zh")])
    assert sorted(found["s"][0]) == linked


@pytest.mark.parametrize(("sentence", "linked"), [
    ("China announced a ban on exports to the United States of minerals including gallium and "
     "antimony.", True),
    ("China banned exports of germanium to the United States.", True),
    ("China's exports of gallium and antimony to the United States fell.", False),
    ("China announced a ban on exports to the United States of rare earths.", False),
    ("A Korean firm shipped antimony to the United States to strengthen supply ties.", False),
    ("China answered with a tariff on American goods and export controls on seven categories of "
     "rare earths.", False),
])
def test_the_measures_own_goods_for_its_country_name_the_only_measure_for_it(
        reference_db, tmp_path, sentence, linked):
    """"China announced a ban on exports to the United States of crucial minerals including
    gallium, germanium, and antimony" in December 2024 (sixty-ninth pass): goods of a measure's
    own text banned for the country it targets name the only measure on goods for that country
    by then (No. 46 of 2024), as their class does; exports that only fell or were shipped to
    strengthen ties, or goods the measure is not on (controls on other goods, "export controls
    on seven categories of rare earths", beside a tariff on the country's goods), name none."""
    found = read_against_reference(reference_db, tmp_path, [
        ("s", "China restricts exports to the US", "Trade tensions rise.\n\n" + sentence,
         "2024-12-04", "en")])
    assert ("MOFCOM-2024-46" in found["s"][0]) is linked, found


@pytest.mark.parametrize(("key", "before", "linked"), [
    ("goods", "China makes most of the world's rare-earth metals and magnets.", True),
    ("none", "China makes most of the world's car parts.", False),
])
def test_china_imposing_controls_without_goods_takes_those_of_the_sentence_before(
        reference_db, tmp_path, key, before, linked):
    """"China accounts for over two thirds of the world's rare-earth metal production … Beijing
    has slowed the issue of export licences since imposing new controls in April" (sixty-ninth
    pass): China told imposing controls, dated, with no goods of their own, imposed them on the
    goods the sentence before only named, so April names No. 18 of 2025 (not April's listings
    of US firms); after a sentence on no goods, none."""
    body = (f"Carmaker output was halted by a parts shortage.\n\n{before} Beijing has slowed "
            "export licences since imposing new controls in April.")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "Production halted by parts shortage", body, "2025-06-05", "en")])
    assert ("MOFCOM-2025-18" in found[key][0]) is linked, found


@pytest.mark.parametrize(("text", "role"), [
    ("等到10月初，中国商务部发出公告。", "on"),
    ("该措施有效期到10月初。", "until"),
])
def test_when_a_time_came_is_when_things_happened(text, role):
    """等到10月初，中国商务部发出六份公告 (sixty-ninth pass): 等到 a time ("when early October
    came") is when things happened, not the end of a period, as 到 a time is."""
    assert [d.role for d in dates_in(text, "2025-10-17")] == [role]


@pytest.mark.parametrize(("count", "linked"), [
    ("六份", ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
             "MOFCOM-2025-61", "MOFCOM-2025-62"]),
    ("两份", ["MOFCOM-2025-62"]),
])
def test_announcements_counted_in_chinese_as_many_as_the_days_are_its_package(
        reference_db, tmp_path, count, linked):
    """等到10月初，中国商务部发出六份公告，明确将稀土相关技术、设备与材料一并纳入出口管制清单
    (sixty-ninth pass): announcements counted in Chinese (六份公告) are a package of the measures
    of their time, as "announcements" are, so six of early October are the six of 9 October;
    two of them are not which two (the sentence's rare-earth technologies name No. 62 alone)."""
    found = read_against_reference(reference_db, tmp_path, [
        ("s", "中国稀土王牌", f"外媒关注。\n\n10月初，中国商务部发出{count}公告，明确将稀土相关"
         "技术、设备与材料纳入出口管制清单。", "2025-10-17", "zh")])
    assert sorted(found["s"][0]) == linked


@pytest.mark.parametrize(("sentence", "linked"), [
    ("当时中美会晤后北京同意暂停部分稀土出口管制措施一年，而美国则撤回部分关税。",
     "MOFCOM-2025-70"),
    ("After the summit Beijing agreed to suspend its ban on gallium exports to the US for a year.",
     "MOFCOM-2025-72"),
    ("After the summit Washington agreed to suspend its curbs on rare earth firms for a year.",
     None),
])
def test_a_suspension_told_as_lasting_a_year_names_the_only_such_instrument(
        reference_db, tmp_path, sentence, linked):
    """北京同意暂停部分稀土出口管制措施一年 in January 2026 (sixty-ninth pass): a suspension of
    controls on goods told as lasting a year names the one instrument by then that suspended
    controls on those goods for about a year (No. 70 of 2025 for rare earths, No. 72 for
    gallium), whoever else acts in the sentence; another government's suspension names none."""
    found = read_against_reference(reference_db, tmp_path, [
        ("s", "中国白银出口新规", "新规元旦上路。\n\n" + sentence, "2026-01-01",
         "zh" if "北京" in sentence else "en")])
    assert (linked in found["s"][0]) if linked else not found["s"][0], found


@pytest.mark.parametrize(("sentence", "linked"), [
    ("中国祭出新一轮稀土出口管制，要求含稀土成分产品出口须事前获准。", True),
    ("中国酝酿新一轮稀土出口管制，要求含稀土成分产品出口须事前获准。", False),
    ("中国祭出新一轮稀土出口管制，要求稀土产品出口须事前获准。", False),
])
def test_goods_told_by_their_rare_earth_content_are_the_foreign_made_items(
        reference_db, tmp_path, sentence, linked):
    """中国祭出新一轮稀土出口管制，要求含稀土成分产品出口须事前获准 in October 2025 (sixty-ninth
    pass): goods told by their rare-earth content (含稀土成分产品) are the items the content rule
    is on, and controls brought out (祭出) are done, so the sentence names the only measure on
    them by then (No. 61 of 2025); controls only in the making (酝酿), or rare-earth products
    with no word of their content, name none."""
    found = read_against_reference(reference_db, tmp_path, [
        ("s", "台厂回应稀土管制", "董事长今日表示不受影响。\n\n" + sentence, "2025-10-15", "zh")])
    assert ("MOFCOM-2025-61" in found["s"][0]) is linked, found


@pytest.mark.parametrize(("text", "role"), [
    ("但直到10月9日那天，商务部发了两道公告。", "on"),
    ("直到10月9日才发布公告。", "on"),
    ("该措施持续直到10月9日。", "until"),
])
def test_not_until_a_day_is_when_things_happened(text, role):
    """但直到10月9日那天，中国商务部一天发了两道公告 (sixty-ninth pass): 直到 a day followed by
    那天 or 才 ("not until that day") is when things happened; 直到 a day alone is the end of a
    period."""
    assert [d.role for d in dates_in(text, "2025-10-11")] == [role]


def test_a_full_stop_after_a_comma_ends_no_sentence():
    """"但直到10月9日那天,。中国商务部一天发了两道公告,直接把管制范围扩到了国外" (sixty-ninth pass):
    a full stop right after a comma is a page's debris, so the day and the announcements are one
    sentence; controls stretched abroad (管制范围扩到了国外) are on foreign-made items."""
    from pipelines.clauses import split_sentences
    assert split_sentences("直到10月9日那天，。商务部发了两道公告。这一下。") == [
        "直到10月9日那天，。商务部发了两道公告。", "这一下。"]
    assert split_sentences("他说。她说。") == ["他说。", "她说。"]
    assert "overseas_items" in terms_in("直接把管制范围扩到了国外", ("subject",))
    assert "overseas_items" not in terms_in("直接把生意扩到了国外", ("subject",))


# --- the seventieth pass (real128) ---------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "tells"), [
    ("With the rare earth magnet imports halted since April, India plans to use its own ores.",
     True),
    ("Gallium shipments have been suspended since December.", True),
    ("Exports were frozen in October.", True),
    ("Magnet imports fell in April.", False),
    ("Imports grew after the plant halted production.", False),
])
def test_trade_told_halted_in_the_passive_tells_an_act(sentence, tells):
    """"With the rare earth magnet imports halted since April" (seventieth pass): imports,
    exports or shipments halted, suspended or frozen tell the act that stopped them, as exports
    halted do; trade that fell, or a halt of something else, tells none."""
    assert read_sentence(0, sentence, "2025-07-08").act is tells


@pytest.mark.parametrize(("key", "noun", "linked"), [
    ("regulations", "The new regulations, which require", True),
    ("guidelines", "The new guidelines, which ask", False),
])
def test_regulations_that_require_are_controls_in_force(reference_db, tmp_path, key, noun,
                                                        linked):
    """"The new regulations, which require exporters of medium and heavy rare earth magnets to
    obtain a commerce department license" in June 2025 (seventieth pass): regulations told by
    what they require are controls in force, as restrictions so told are, and name the only
    measure on the medium and heavy rare earths by then (No. 18 of 2025); guidance that asks
    names none."""
    body = ("Indian carmakers said on Friday they were waiting for approvals.\n\n"
            f"{noun} exporters of medium and heavy rare earth magnets to obtain a commerce "
            "department license after securing an end-user certificate.")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "Licensing snag hits carmakers", body, "2025-06-15", "en")])
    assert ("MOFCOM-2025-18" in found[key][0]) is linked, found


@pytest.mark.parametrize(("key", "clause", "linked"), [
    ("not-allowed", "原则上不允许镓、锗、锑、超硬材料相关两用物项对美国出口", True),
    ("allowed", "继续允许镓、锗、锑、超硬材料相关两用物项对美国出口", False),
])
def test_goods_not_allowed_out_to_a_country_are_its_ban(reference_db, tmp_path, key, clause,
                                                        linked):
    """"二是原则上不允许镓、锗、锑、超硬材料相关两用物项对美国出口" in December 2024
    (seventieth pass): goods not allowed out (不允许…出口, as 不让 and 不准) are held back, so
    the measure's own goods for its country name the only measure on goods for the United
    States by then (No. 46 of 2024); goods allowed out name none."""
    body = f"据悉，商务部针对美国祭出两招。\n\n{clause}；对石墨实施更严格的审查。"
    found = read_against_reference(reference_db, tmp_path, [
        (key, "两招", body, "2024-12-04", "zh")])
    assert ("MOFCOM-2024-46" in found[key][0]) is linked, found


@pytest.mark.parametrize(("sentence", "published", "day"), [
    ("春节假期结束后的首个工作日，中国商务部连发2条公告。", "2026-02-25", "2026-02-24"),
    ("春节后首个工作日，商务部发布公告。", "2025-02-10", "2025-02-05"),
    ("国庆节后首个工作日，商务部发布公告。", "2025-10-10", "2025-10-09"),
    ("国庆长假后的第一个工作日，商务部发布公告。", "2023-10-09", "2023-10-07"),
    ("节后首个工作日，商务部连发六份公告。", "2025-10-12", "2025-10-09"),
    ("On the first working day after the Lunar New Year holiday, MOFCOM added 20 firms.",
     "2026-02-26", "2026-02-24"),
    ("五一假期后的第一个工作日，海关开展专项检查。", "2025-05-07", "2025-05-06"),
])
def test_the_first_working_day_after_a_holiday_is_its_day(sentence, published, day):
    """春节假期结束后的首个工作日 on a page of 25 February 2026 (seventieth pass): the first
    working day after a public holiday is the day the year's holiday schedule puts offices back
    to work (2026-02-24, when Nos. 11 and 12 of 2026 were issued); the holiday named is its
    latest before the page, 节后 alone the one that ended last."""
    assert spans_of(sentence, published) == [(day, day)]


@pytest.mark.parametrize(("sentence", "published"), [
    ("节后首个工作日，商务部发布公告。", "2025-12-12"),  # no holiday ended in the month before
    ("春节后首个工作日，商务部发布公告。", "2019-03-01"),  # a year the schedule table has not
    ("节后首个交易日，股市上涨。", "2025-10-10"),  # a trading day, no working day
    ("On the first business day after the election, shares rose.", "2025-10-10"),
])
def test_a_working_day_after_no_known_holiday_is_no_date(sentence, published):
    """节后 with no holiday ended within a month, or a year the table has not, names no day."""
    assert spans_of(sentence, published) == []


def test_the_seventieth_pass_holiday_table_is_in_order():
    """Each holiday's first working days run one a year, in order."""
    for days in FIRST_WORKDAY_AFTER.values():
        years = [int(d[:4]) for d in days]
        assert years == list(range(years[0], years[0] + len(years))) and list(days) == sorted(days)


@pytest.mark.parametrize(("key", "opening", "linked"), [
    ("rules-say", "根据规定，", True),
    ("no-rules", "有人担心，", False),
])
def test_what_the_rules_say_is_required_is_in_force(reference_db, tmp_path, key, opening,
                                                    linked):
    """"根据规定，任何含有原产于中国稀土成分的境外制造产品，只要其中国稀土价值占比超过0.1%，
    再出口时就必须获得中国商务部许可" a week after 9 October 2025 (seventieth pass): a licence
    the rules require is a control in force, so the foreign-made items name the only measure on
    them by then (No. 61 of 2025); a worry that a licence will be needed tells no rule."""
    body = ("外国人申请稀土许可必须用中文。\n\n"
            f"{opening}任何含有原产于中国稀土成分的境外制造产品，只要其中国稀土价值占比超过0.1%，"
            "再出口时就必须获得中国商务部许可。")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "稀土许可", body, "2025-10-15", "zh")])
    assert ("MOFCOM-2025-61" in found[key][0]) is linked, found


@pytest.mark.parametrize(("key", "opening", "linked"), [
    ("april", "自今年4月实施稀土出口管制后", True),
    ("no-time", "自实施稀土出口管制后", False),
])
def test_an_earlier_acts_own_time_names_the_only_measure_on_its_goods_by_then(
        reference_db, tmp_path, key, opening, linked):
    """"自今年4月实施稀土出口管制后，商务部昨晨再发公告" on 10 October 2025 (seventieth pass):
    the opening clause's act, with a month of its own, is the only measure on rare earths by
    that month (No. 18 of 2025), though more came in October, and the announcement of the
    morning before stays the later clause's; with no time of its own the clause names none."""
    body = (f"{opening}，商务部昨晨再发公告，要求境外组织和个人在出口特定物项前，"
            "须获得出口许可证。")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "中国收紧稀土出口", body, "2025-10-10", "zh")])
    assert ("MOFCOM-2025-18" in found[key][0]) is linked, found


@pytest.mark.parametrize(("key", "clause", "linked"), [
    ("used-in", "Beijing also announced restrictions on exports of some metals used widely in the "
                "semiconductor industry earlier this year", True),
    ("chipmaking", "Earlier this year, China restricted exports of the two chipmaking metals",
     True),
    # metals named by another use, or rare earths used in chips, are not the two metals
    ("other-use", "Beijing also announced restrictions on exports of some metals used in "
                  "shipbuilding earlier this year", False),
])
def test_metals_told_by_their_use_in_chipmaking_are_gallium_and_germanium(
        reference_db, tmp_path, key, clause, linked):
    """"Beijing also announced restrictions on exports of some metals used in the semiconductor
    industry earlier this year" in September 2023 (seventy-first pass): the metals told by their
    use in chipmaking are gallium and germanium (glossary `chipmaking_metals`), so with the time
    they name No. 23 of 2023; metals told by another use name nothing."""
    body = (f"Malaysia plans to ban exports of rare earth raw materials, its prime minister said "
            f"on Monday.\n\n{clause}, in a move seen as a response to US curbs.")
    found = read_against_reference(reference_db, tmp_path, [
        (key, "Malaysia to ban rare earth exports", body, "2023-09-11", "en")])
    assert ("MOFCOM-2023-23" in found[key][0]) is linked, found


@pytest.mark.parametrize(("sentence", "published", "day"), [
    # a start told after a past time is that time's next one, behind the page
    ("In July, China announced restrictions on the export of gallium products starting Aug. 1.",
     "2023-09-20", "2023-08-01"),
    ("China said on Monday it would restrict exports from Aug. 1.", "2023-07-05", "2023-08-01"),
    # with no time told before it, a start is still read ahead of the page
    ("China announced restrictions starting Aug. 1.", "2023-09-20", "2024-08-01"),
    # an end after a measure's past time is the end ahead, not the one after that time
    ("A pause of part of China's December 2024 controls runs until Aug. 27.", "2026-08-09",
     "2026-08-27"),
])
def test_a_start_day_told_after_a_past_time_follows_that_time(sentence, published, day):
    """"In July, China announced restrictions … starting Aug. 1" on 20 September 2023 (seventy-
    first pass): a day without its year that reads ahead of the page is the next one after a
    past time the sentence told before it, when that one is behind the page too (1 August
    2023, not 2024); an end ("until Aug. 27") is left as read."""
    starts = [d for d in dates_in(sentence, published) if d.text.startswith("Aug")]
    assert [d.first for d in starts] == [day]


@pytest.mark.parametrize(("text", "first", "last", "precision"), [
    ("China lifted the ban two weeks ago.", "2025-12-07", "2025-12-21", "week"),
    ("China lifted the ban three days ago.", "2025-12-24", "2025-12-26", "week"),
    ("China lifted the ban a few weeks ago.", "2025-11-09", "2025-12-21", "month"),
    ("两周前，商务部宣布取消禁令。", "2025-12-07", "2025-12-21", "week"),
    ("两个星期前，商务部宣布取消禁令。", "2025-12-07", "2025-12-21", "week"),
    ("几周前，商务部宣布取消禁令。", "2025-11-09", "2025-12-21", "month"),
    ("This ordeal comes just weeks after China said it would lift the export ban.",
     "2025-11-09", "2025-12-21", "month"),
])
def test_days_and_weeks_ago_count_back_from_the_page(text, first, last, precision):
    """"two weeks ago", "three days ago", "a few weeks ago", 两周前, 几周前, "comes just weeks
    after China said it would lift the export ban" (seventy-second pass): about that long before
    the page, a unit either way, as "two weeks after" is; with no count, from a unit to seven
    weeks back (ten days for days). A time ago compared with ("up 8% from two weeks ago",
    较两周前) is no event's time, and 几天前 stays a recent word."""
    assert [(d.first, d.last, d.precision) for d in dates_in(text, "2025-12-28")] == [
        (first, last, precision)]
    assert dates_in("Prices are up 8% from two weeks ago.", "2025-12-28") == []
    assert dates_in("价格较两周前上涨。", "2025-12-28") == []
    assert [(d.first, d.last) for d in dates_in("几天前，商务部宣布取消禁令。", "2025-12-28")] == [
        ("2025-12-14", "2025-12-28")]


def test_a_sentences_own_time_bounds_the_only_measure_on_its_goods(reference_db, tmp_path):
    """"Beijing formally added antimony to its export control list in September 2024" on a page
    of December 2025 that also tells, weeks before it, China lifting the export ban on strategic
    metals to the United States (seventy-second pass): the page's later times bring later
    measures on antimony (No. 46 of 2024, its suspension) into play, but by September 2024 No. 33
    was the only one on antimony, so the sentence names it."""
    body = ("For China, antimony is an especially touchy subject.\n\nBeijing formally added "
            "antimony to its export control list in September 2024, alongside gallium and "
            "germanium.\n\nThis whole ordeal comes just weeks after China said it would lift "
            "the export ban on certain strategic metals to the United States.")
    found = read_against_reference(reference_db, tmp_path, [
        ("both", "China sentences antimony smugglers", body, "2025-12-28", "en")])
    assert "MOFCOM-2024-33" in found["both"][0]
