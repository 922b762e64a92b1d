"""pipelines.clauses: operative clauses → lifecycle events (cases in cases/clauses.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines.clauses import (
    earliest_effective,
    other_measure_events,
    own_events,
    split_sentences,
    statement_events,
    unparsed_operative_sentences,
)
from pipelines.items import DocumentItem, MeasureEvent
from pipelines.normalize import effective_date, normalize_item
from pipelines.vocab import EventKind

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "cases" / "clauses.yaml").read_text("utf-8"))
FUNCTIONS = {"own", "other", "statement"}


def as_dict(event: MeasureEvent) -> dict:
    """An event as the cases write it: kind, and date / until / clause when not null."""
    fields = {"kind": event.kind, "date": event.date, "until": event.until,
              "clause": event.clause}
    return {k: v for k, v in fields.items() if v is not None}


def expected_events(events: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if v is not None} for e in events]


def found_by_case(case: dict) -> list[dict] | dict[str, list[dict]]:
    text, published = case["text"], case["published"]
    if case["function"] == "own":
        events = own_events(text, published)
        assert events[0] == MeasureEvent(EventKind.ISSUED.value, date=published)
        return [as_dict(e) for e in events[1:]]
    if case["function"] == "statement":
        return [as_dict(e) for e in statement_events(text, published)]
    found = other_measure_events(text, published, case.get("own_id"))
    for events in found.values():
        assert all(e.by_measure == case.get("own_id") for e in events)
    return {measure: [as_dict(e) for e in events] for measure, events in found.items()}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    found = found_by_case(case)
    expected = case["expected"]
    if case["function"] == "other":
        assert found == {m: expected_events(e) for m, e in expected.items()}
    else:
        assert found == expected_events(expected)
    if "unparsed" in case:
        assert unparsed_operative_sentences(case["text"]) == case["unparsed"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_events_quote_whole_sentences(case: dict) -> None:
    text, published = case["text"], case["published"]
    events = [*own_events(text, published)[1:], *statement_events(text, published),
              *(e for es in other_measure_events(text, published, case.get("own_id")).values()
                for e in es)]
    assert all(e.sentence in split_sentences(text) for e in events)


def test_cases_file_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert {"id", "function", "text", "published", "expected"} <= set(case), case["id"]
        assert case["function"] in FUNCTIONS, case["id"]
        assert isinstance(case["expected"], dict if case["function"] == "other" else list)


def test_every_legal_event_kind_has_a_case() -> None:
    kinds = set()
    for case in CASES:
        expected = case["expected"]
        events = ([e for es in expected.values() for e in es] if isinstance(expected, dict)
                  else expected)
        kinds |= {EventKind(e["kind"]) for e in events}
    assert set(EventKind) - {EventKind.EXTENSION_ANNOUNCED, EventKind.ISSUED} <= kinds


def test_every_function_has_negative_cases() -> None:
    for function in FUNCTIONS:
        assert any(c["function"] == function and not c["expected"] for c in CASES), function


def test_docs_describe_every_event_kind() -> None:
    docs = (HERE.parent / "docs" / "CLAUSES.md").read_text("utf-8")
    assert all(f"`{kind.value}`" in docs for kind in EventKind)


@pytest.mark.parametrize("case", [c for c in CASES if c["function"] == "own"],
                         ids=[c["id"] for c in CASES if c["function"] == "own"])
def test_effective_date_is_the_earliest_effective_event(case: dict) -> None:
    dates = [e["date"] for e in case["expected"] if e["kind"] == EventKind.EFFECTIVE]
    assert effective_date(case["text"], case["published"]) == (min(dates) if dates else None)


# --------------------------------------------------------------------------- direct tests


def test_own_events_start_with_issued_and_keep_one_event_per_date_and_clause() -> None:
    body = ("本公告自公布之日起实施。\n\n本公告自公布之日起实施。\n\n"
            "本公告第一项自2025年12月1日起实施。")
    events = own_events(body, "2025-10-09")
    assert [(e.kind, e.date, e.clause) for e in events] == [
        ("issued", "2025-10-09", None), ("effective", "2025-10-09", None),
        ("effective", "2025-12-01", "第一项")]
    assert earliest_effective(events) == "2025-10-09"
    assert earliest_effective([]) is None


def test_other_measure_events_of_a_whole_announcement() -> None:
    body = ("为落实中美经贸磋商共识，经批准，现将有关事项公告如下：\n\n"
            "自公告发布之日起至2026年11月27日，暂停实施商务部公告2024年第46号《关于加强相关两用物项"
            "对美国出口管制的公告》第二款。\n\n本公告自发布之日起实施。\n\n商务部\n\n2025年11月9日")
    found = other_measure_events(body, "2025-11-09", "MOFCOM-2025-72")
    assert list(found) == ["MOFCOM-2024-46"]
    [event] = found["MOFCOM-2024-46"]
    assert event == MeasureEvent(
        kind="partially_suspended", date="2025-11-09", until="2026-11-27",
        by_measure="MOFCOM-2025-72", clause="第二款",
        sentence="自公告发布之日起至2026年11月27日，暂停实施商务部公告2024年第46号《关于加强相关两用"
                 "物项对美国出口管制的公告》第二款。")
    assert [(e.kind, e.date) for e in own_events(body, "2025-11-09")] == [
        ("issued", "2025-11-09"), ("effective", "2025-11-09")]
    assert unparsed_operative_sentences(body) == []


def test_unparsed_sentences_are_reported_in_order() -> None:
    body = ("一、根据商务部公告2025年第70号，上述公告暂停实施至2026年11月10日。\n"
            "二、商务部公告2025年第61号已于2025年10月9日发布。\n"
            "三、对商务部公告2025年第13号所列实体的措施作相应安排，自2025年11月10日起停止。")
    assert unparsed_operative_sentences(body) == [
        "一、根据商务部公告2025年第70号，上述公告暂停实施至2026年11月10日。",
        "三、对商务部公告2025年第13号所列实体的措施作相应安排，自2025年11月10日起停止。"]


def test_sentences_split_at_english_ends_but_not_after_abbreviations() -> None:
    text = ("MOFCOM Announcement No. 61 of 2025 took effect on Oct. 9, 2025. The U.S. side "
            "agreed. Really? Yes！第一句。第二句；第三句\n第四句")
    assert split_sentences(text) == [
        "MOFCOM Announcement No. 61 of 2025 took effect on Oct. 9, 2025.",
        "The U.S. side agreed.", "Really?", "Yes！", "第一句。", "第二句；", "第三句", "第四句"]


def test_a_sentence_end_that_lost_its_space_still_ends_the_sentence() -> None:
    """A page copied without the spaces after its full stops (fifty-sixth pass, a relay of a
    state-media piece): a word in lower case, a full stop and a capitalized word end a sentence;
    abbreviations, U.S. and addresses do not."""
    text = ("Controls implemented on April 4,2025,targeted samarium items.Similarly,on Thursday,"
            "authorities announced controls on equipment. Mr.Smith of Acme Inc.Ltd agreed, "
            "e.g.The U.S.President, at mofcom.gov.cn.")
    assert split_sentences(text) == [
        "Controls implemented on April 4,2025,targeted samarium items.",
        "Similarly,on Thursday,authorities announced controls on equipment.",
        "Mr.Smith of Acme Inc.Ltd agreed, e.g.The U.S.President, at mofcom.gov.cn."]


def test_full_width_digits_are_read() -> None:
    text = "自即日起至２０２６年１１月１０日，暂停实施商务部公告２０２５年第６１号。"
    found = other_measure_events(text, "2025-11-07", None)
    [event] = found["MOFCOM-2025-61"]
    assert (event.kind, event.until, event.by_measure) == ("suspended", "2026-11-10", None)


# --------------------------------------------------------------------------- in normalize


def document(**fields: object) -> DocumentItem:
    base: dict = dict(url="https://www.mofcom.gov.cn/x.html", source="mofcom",
                      source_kind="authority", title="商务部公告2025年第80号 关于调整的公告",
                      body="", language="zh", published_raw="2025-12-01")
    return normalize_item(DocumentItem(**(base | fields)))


def test_own_text_gives_every_own_event_and_the_earliest_effective_date() -> None:
    doc = document(body="一、本公告第一项、第二项自2026年1月1日起实施，其余规定自公布之日起"
                        "实施。\n\n二、商务部公告2020年第1号同时废止。\n\n"
                        "三、本公告有效期至2027年12月31日。")
    own, no1 = doc.measures
    assert own.effective == "2025-12-01"
    assert [(e.kind, e.date, e.clause) for e in own.events] == [
        ("issued", "2025-12-01", None), ("effective", "2026-01-01", "第一项、第二项"),
        ("effective", "2025-12-01", None), ("expired", "2027-12-31", None)]
    assert [(e.kind, e.date, e.by_measure) for e in no1.events] == [
        ("revoked", "2025-12-01", "MOFCOM-2025-80")]


def test_relayed_text_of_a_measure_states_its_events() -> None:
    doc = document(
        url="https://mumbai.mofcom.gov.cn/70.shtml", source="mofcom_consulates",
        source_kind="relay", language="en", published_raw="2025-11-08",
        title="MOFCOM Announcement No. 70 of 2025 on Suspending the Implementation of MOFCOM "
              "Announcements No. 61 and No. 62 of 2025",
        body="From the date of publication until November 10, 2026, the implementation of "
             "MOFCOM Announcements No. 61 and No. 62 of 2025 shall be suspended.\n\n"
             "This announcement shall be implemented from the date of publication.")
    refs = {r.id: r for r in doc.measures}
    assert refs["MOFCOM-2025-70"].relation == "reports_on"
    assert refs["MOFCOM-2025-70"].events == []  # a relay's date is not the measure's own
    for measure in ("MOFCOM-2025-61", "MOFCOM-2025-62"):
        [event] = refs[measure].events
        assert (event.kind, event.date, event.until, event.by_measure) == (
            "suspended", "2025-11-08", "2026-11-10", "MOFCOM-2025-70")


def test_news_never_states_legal_events() -> None:
    doc = document(url="https://www.globaltimes.cn/page/1.shtml", source="globaltimes",
                   source_kind="news", language="en",
                   title="MOFCOM Announcement No. 70 of 2025 suspends export controls",
                   body="China will suspend the implementation of MOFCOM Announcement No. 61 "
                        "of 2025 until November 10, 2026.")
    assert doc.measures and all(not r.events for r in doc.measures)


def clause_and_development_texts() -> list[str]:
    """The clause cases' texts and the development news bodies (never a held-out file)."""
    dev = yaml.safe_load((HERE / "cases" / "news" / "dev.yaml").read_text("utf-8"))
    return [c["text"] for c in CASES] + [t["body"] for t in dev["texts"]]


def test_a_sentence_skipped_by_own_events_could_state_no_day() -> None:
    """own_events reads only sentences holding a word one of its patterns needs: on every
    sentence of the clause cases and of the development news texts, a sentence the patterns
    find an effective or expiry day in holds such a word (a pattern added without its word
    fails here)."""
    from pipelines.clauses import _MAY_STATE_A_DAY, _effective_in, _expiry_in

    texts = clause_and_development_texts()
    stating = [s for text in texts for s in split_sentences(text)
               if _effective_in(s, "2025-10-09") or _expiry_in(s)]
    assert len(stating) > 100
    assert [s for s in stating if not _MAY_STATE_A_DAY.search(s)] == []


def test_a_sentence_skipped_before_counting_an_offset_holds_none() -> None:
    """An effective day counted from publication (30日后施行) is looked for only in sentences
    holding a word an offset needs: every offset pipelines.durations finds in the clause cases,
    the development news texts and the durations cases stands in such a sentence."""
    from pipelines.clauses import _MAY_COUNT_AN_OFFSET
    from pipelines.durations import find_durations

    texts = clause_and_development_texts()
    texts += ["自公布之日起30日后施行。", "本规定自公布之日起六十日以后实施",
              "The rules take effect 30 days after publication.",
              "It takes effect ９０ days ｆｏｌｌｏｗｉｎｇ publication.",
              "The measures are implemented 60 days following the date of publication."]
    offsets = [s for text in texts for s in split_sentences(text)
               if any(d.kind == "offset" for d in find_durations(s, "2025-10-09"))]
    assert len(offsets) >= 5
    assert [s for s in offsets if not _MAY_COUNT_AN_OFFSET.search(s)] == []


@pytest.mark.parametrize("summary", [
    "近期事件 - 2025年10月27日，中美达成共识 [1][3] - 2025年10月中国实施的新一轮稀土"
    "出口管制 [13] - 中美达成协议后",
    "近期事件-2025年10月27日，中美达成共识[1][3]-2025年10月中国实施的新一轮稀土"
    "出口管制[13]-中美达成协议后",
])
def test_an_inline_bullet_of_a_chinese_summary_ends_a_sentence(summary):
    """"…断供危机 [1][3] - 2025年10月中国实施的新一轮稀土出口管制…" (sixty-seventh pass): a machine
    summary with no 。 of its own writes its bullets inline, " - " between items (after a
    source's number even without spaces): each item is a sentence; a hyphen in a date or a
    range, or between two words, is none."""
    found = split_sentences(summary)
    assert any(s.startswith("2025年10月中国实施") for s in found)
    assert len(found) == 4 if " - " in summary else len(found) == 3
    assert split_sentences("价格 10-20 元，2025-10-28 发布，中-欧班列") == [
        "价格 10-20 元，2025-10-28 发布，中-欧班列"]


def test_an_english_sentence_opening_on_an_inline_bullet_is_its_own():
    """"- China implements export controls on five key metals: tungsten, tellurium, bismuth,
    molybdenum, and indium. - These controls have strategic implications …" (sixty-eighth pass):
    a page's highlights run together into one paragraph; each bullet after a full stop is a
    sentence, so the goods of one are not the next one's. A dash between numbers ends none."""
    text = ("- China implements export controls on five key metals: tungsten and indium. - These "
            "controls have strategic implications. • The export controls are viewed as a response.")
    assert split_sentences(text) == [
        "- China implements export controls on five key metals: tungsten and indium.",
        "- These controls have strategic implications.",
        "• The export controls are viewed as a response."]
    assert split_sentences("Prices rose 5 - 6 percent. Traders said so.") == [
        "Prices rose 5 - 6 percent.", "Traders said so."]
    assert len(split_sentences("Output rose. - it was said.")) == 1


@pytest.mark.parametrize(("sentence", "until"), [
    ("自2025年5月14日起暂停实施商务部公告2025年第18号90日。", "2025-08-12"),
    ("商务部公告2025年第18号暂停实施九十日。", "2025-08-12"),
    ("暂停实施商务部公告2025年第18号，期限为90日。", "2025-08-12"),
    ("自2025年5月14日起暂停实施商务部公告2025年第18号两周。", "2025-05-28"),
    ("MOFCOM Announcement No. 18 of 2025 shall be suspended for ninety days from May 14, 2025.",
     "2025-08-12"),
    ("MOFCOM will suspend MOFCOM Announcement No. 18 of 2025 for thirty days from May 14, 2025.",
     "2025-06-13"),
])
def test_a_suspension_for_days_or_weeks_has_its_last_day(sentence: str, until: str) -> None:
    [event] = other_measure_events(sentence, "2025-05-14", "MOFCOM-2025-99")["MOFCOM-2025-18"]
    assert (event.kind, event.until) == ("suspended", until)


def test_a_suspension_continued_for_another_year_has_its_last_day() -> None:
    sentence = ("MOFCOM will continue to suspend MOFCOM Announcement No. 21 of 2025 for another "
                "year from November 10, 2025.")
    [event] = other_measure_events(sentence, "2025-11-05", "MOFCOM-2025-99")["MOFCOM-2025-21"]
    assert (event.kind, event.until) == ("suspension_continued", "2026-11-10")
