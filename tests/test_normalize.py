"""Normalization: own numbers, mentions, effective dates, suspensions, English titles."""

import hashlib
import json
import re

import pytest

from pipelines.archive import Archive
from pipelines.items import Annex, DocumentItem
from pipelines.names import to_simplified
from pipelines.normalize import (
    SPACE_NEXT_TO_CJK,
    NormalizePipeline,
    clean_text,
    content_hash,
    effective_date,
    normalize_item,
)
from pipelines.store import store_item

NO70_BODY = (
    "【发布文号】商务部 海关总署公告2025年第70号\n\n"
    "一、自即日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第55号（关于对超硬材料相关"
    "物项实施出口管制的决定）、第56号（关于对部分稀土设备和原辅料相关物项实施出口管制的决定）。\n\n"
    "二、本公告自公布之日起实施。")


def item(**fields):
    base = dict(url="https://www.mofcom.gov.cn/x.html", source="mofcom", source_kind="authority",
                title="商务部 海关总署公告2025年第70号 关于暂停实施的公告", body=NO70_BODY,
                language="zh", published_raw="2025-11-07 19:30")
    return normalize_item(DocumentItem(**(base | fields)))


def test_dates_category_confidence():
    doc = item()
    assert (doc.published, doc.published_at) == ("2025-11-07", "2025-11-07T19:30:00+08:00")
    assert (doc.category, doc.confidence) == ("suspension", "high")


def test_own_number_issues_the_measure_with_its_events():
    own = item().measures[0]
    assert (own.id, own.relation, own.issuers) == ("MOFCOM-2025-70", "issues", ["MOFCOM", "GACC"])
    assert [(e.kind, e.date) for e in own.events] == [
        ("issued", "2025-11-07"), ("effective", "2025-11-07")]


def test_mentioned_measures_carry_titles_and_suspension_events():
    refs = {r.id: r for r in item().measures[1:]}
    assert sorted(refs) == ["MOFCOM-2025-55", "MOFCOM-2025-56"]
    no55 = refs["MOFCOM-2025-55"]
    assert (no55.relation, no55.title) == ("mentions", "关于对超硬材料相关物项实施出口管制的决定")
    assert no55.category == "controlled_item_change"
    [event] = no55.events
    assert (event.kind, event.date, event.until, event.by_measure) == (
        "suspended", "2025-11-07", "2026-11-10", "MOFCOM-2025-70")


def test_partial_suspension_of_a_clause():
    doc = item(title="商务部公告2025年第72号", body="自即日起至2026年11月27日，暂停实施商务部公告"
                                                 "2024年第46号第二款。", published_raw="2025-11-09")
    [event] = [r for r in doc.measures if r.id == "MOFCOM-2024-46"][0].events
    assert (event.kind, event.clause, event.until) == (
        "partially_suspended", "第二款", "2026-11-27")


def test_news_states_no_lifecycle_events():
    doc = item(source="globaltimes", source_kind="news", language="en")
    assert all(not r.events for r in doc.measures)
    assert all(r.relation != "issues" for r in doc.measures)


def test_effective_date_is_the_earliest_part():
    body = "二、前款第一项、第二项规定自2025年12月1日起实施；其余规定自公布之日起实施。"
    assert effective_date(body, "2025-10-09") == "2025-10-09"
    assert effective_date("本公告自2025年11月8日起正式实施。", "2025-10-09") == "2025-11-08"
    assert effective_date("没有日期。", "2025-10-09") is None
    assert effective_date("一、自2025年11月10日起，调整部分商品的进出口关税。", "2025-11-06") == (
        "2025-11-10")
    assert effective_date("自2025年11月10日起暂停实施第5号公告。", "2025-11-06") is None


def test_unreadable_date_keeps_the_document_and_reports():
    problems = []
    doc = normalize_item(DocumentItem(url="u", source="mofcom", source_kind="authority",
                                      title="t", body="b", language="zh",
                                      published_raw="sometime soon"), problems)
    assert doc.published is None and problems and "unreadable date" in problems[0]


def test_layout_whitespace_does_not_change_the_hash():
    a, b = item(), item(body=NO70_BODY.replace("一、自即日起", "一、 自即日起 ").replace(
        "\n\n", "\n\n\n"))
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(item(body=NO70_BODY.replace("70号", "71号")))
    assert clean_text("商务部　海关总署\n\n\n 第二段 ") == "商务部 海关总署\n\n第二段"


def test_english_relayed_title_becomes_the_measures_english_title(tmp_path):
    archive = Archive.open(tmp_path / "a.db")
    run = archive.start_run("2025-10-10", ["x"], None)
    zh = normalize_item(DocumentItem(
        url="https://www.mofcom.gov.cn/61.html", source="mofcom", source_kind="authority",
        title="商务部公告2025年第61号 公布对境外相关稀土物项实施出口管制的决定",
        body="本公告自公布之日起实施。", language="zh", published_raw="2025-10-09"))
    en = normalize_item(DocumentItem(
        url="https://mumbai.mofcom.gov.cn/61.shtml", source="mofcom_consulates",
        source_kind="relay", language="en", machine_translated=True,
        title="MOFCOM Announcement No. 61 of 2025 on Export Controls on Overseas Rare Earth Items",
        body="Translation Tool: Google Translate", published_raw="2025-10-10"))
    for doc in (zh, en):
        store_item(archive, doc, run, "2025-10-10")
    measure = archive.measure("MOFCOM-2025-61")
    assert measure["title_zh"].startswith("商务部公告2025年第61号")
    assert measure["title_en"].startswith("MOFCOM Announcement No. 61 of 2025")
    assert measure["title_en_machine_translated"] == 1
    assert measure["title_en_document"] != measure["title_zh_document"]
    assert measure["confidence"] == "high"


def test_a_page_in_traditional_characters_is_read_in_simplified_ones_and_kept_in_its_own():
    """A Hong Kong paper's 商務部公告2025年第70號 is No. 70, and its category is its Simplified
    twin's; the stored title and body keep the page's characters."""
    title = "商務部宣布暫停實施對稀土相關物項的出口管制措施"
    body = "商務部 海關總署公告2025年第70號暫停實施商務部公告2025年第61號一年。"
    hk = item(url="https://news.example.hk/a.html", source="hk", source_kind="news",
              title=title, body=body, published_raw="2025-11-08")
    cn = item(url="https://news.example.cn/a.html", source="cn", source_kind="news",
              title=to_simplified(title), body=to_simplified(body), published_raw="2025-11-08")
    assert [r.id for r in hk.measures] == [r.id for r in cn.measures] == [
        "MOFCOM-2025-70", "MOFCOM-2025-61"]
    assert hk.category == cn.category == "suspension"
    assert (hk.title, hk.body) == (title, body)


def test_a_converters_pinyin_glosses_are_dropped():
    """財(cái)新網(wǎng), 經(jīng)國(guó)務院批準 (fifty-third pass): a mirror's script converter
    glosses each character it converted; the glosses split the page's words and are dropped.
    Brackets with no tone mark (an abbreviation, an element's symbol) stay."""
    assert clean_text("【財(cái)新網(wǎng)】經(jīng)國(guó)務院批準") == "【財新網】經國務院批準"
    # combining tone marks, as some converters write them, are composed first (NFC)
    assert clean_text("国(gu\u00f3)家 国(guo\u0301)家") == "国家 国家"
    kept = "美國聯邦通訊委員會(FCC) 鏑(Dy) 稀土(xitu) 12月(Dec.)"
    assert clean_text(kept) == kept


def test_control_characters_and_bidi_overrides_leave_scraped_text():
    """An escape sequence pasted into a page (it would clear an analyst's terminal, break the
    Atom feed and the XLSX export) and a right-to-left override (which makes "EXE.TXT" read as
    "TXT.EXE" in a mail subject) are not kept; a form feed separates words; paragraphs stay."""
    raw = ("商务部公告\x1b[2J\x1b]0;pwned\x07第96号\u202eEXE.TXT\u202c\n\n"
           "second\x0cparagraph\x00\x7f\x85 end")
    assert clean_text(raw) == "商务部公告[2J]0;pwned第96号EXE.TXT\n\nsecond paragraph end"
    item = normalize_item(DocumentItem(url="https://www.mofcom.gov.cn/a.html", source="mofcom",
                                       source_kind="authority", title="标题\x1b[31m",
                                       body="正文\u2066x\u2069", language="zh",
                                       issuing_unit="安全\x08与管制局"))
    assert (item.title, item.body, item.issuing_unit) == ("标题[31m", "正文x", "安全与管制局")


INVISIBLE_EDITS = ["\u00a0", "\u3000", "\u2009", "\u202f", "\u2028", "\u200b", "\ufeff",
                   "\u00ad", "\u2060", "\u200e", "\u200c", "\u200d", "\u180e", " ", "\n"]


@pytest.mark.parametrize("mark", INVISIBLE_EDITS, ids=ascii)
def test_a_space_or_an_invisible_character_anywhere_is_no_change(mark):
    """nbsp, the ideographic space, zero-width spaces and joiners, the BOM, the soft hyphen, the
    word joiner, direction marks: a reader sees the same text, as with an ASCII space."""
    plain = item()
    for at, cut in (("暂停实施", 2), ("2026年", 4), ("第55号", 1), ("。\n\n二", 1)):
        body = NO70_BODY.replace(at, at[:cut] + mark + at[cut:], 1)
        assert content_hash(item(body=body)) == content_hash(plain), at
    title = plain.title.replace("第70号", "第70" + mark + "号")
    assert content_hash(item(title=title)) == content_hash(plain)
    annexed = [Annex(title="附件：相关物项清单.pdf", url="https://www.mofcom.gov.cn/a.pdf")]
    spaced = [Annex(title="附件：" + mark + "相关物项清单.pdf", url=annexed[0].url)]
    assert content_hash(item(annexes=spaced)) == content_hash(item(annexes=annexed))


def test_an_invisible_character_between_latin_letters_is_no_change_either():
    body = "Export of the items is prohibited."
    assert content_hash(item(body=body.replace("items", "it\u00adems"))) == content_hash(
        item(body=body))
    assert content_hash(item(body=body.replace("items", "it ems"))) != content_hash(
        item(body=body))  # a visible space splitting a word is a change


def legacy_hash(doc: DocumentItem) -> str:
    """content_hash as archives made before invisible characters were dropped stored it."""
    def comparable(text: str) -> str:
        return SPACE_NEXT_TO_CJK.sub("", re.sub(r"\s+", " ", text or "")).strip()
    payload = {"title": comparable(doc.title), "published": doc.published,
               "body": comparable(doc.body),
               "annexes": sorted((a.url, a.title) for a in doc.annexes)}
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()


@pytest.mark.parametrize("body", [NO70_BODY, NO70_BODY.replace("暂停", "暂\u200b停")],
                         ids=["plain", "with-a-zero-width-space"])
def test_an_archive_hashed_by_the_earlier_key_sees_no_change_on_the_next_night(tmp_path, body):
    """The text stored before keeps comparing as the same text: a document whose stored hash
    the earlier key computed (a zero-width space in its body, an annex link with a space) is not
    a new version on the night after an upgrade."""
    archive = Archive.open(tmp_path / "a.db")
    annexes = [Annex(title="附件 1：相关物项清单", url="https://www.mofcom.gov.cn/a.pdf")]
    before = item(body=body, annexes=annexes)
    before.content_hash = legacy_hash(before)
    store_item(archive, before, archive.start_run("2025-11-08", ["mofcom"], None), "2025-11-08")
    again = NormalizePipeline(archive=archive).process_item(
        DocumentItem(url=before.url, source="mofcom", source_kind="authority", title=before.title,
                     body=body, language="zh", published_raw="2025-11-07 19:30",
                     annexes=annexes))
    assert again.content_hash == before.content_hash
    run = archive.start_run("2025-11-09", ["mofcom"], None)
    assert store_item(archive, again, run, "2025-11-09") == "unchanged"
    edited = NormalizePipeline(archive=archive).process_item(DocumentItem(
        url=before.url, source="mofcom", source_kind="authority", title=before.title,
        body=body.replace("70号", "71号"), language="zh", published_raw="2025-11-07 19:30",
        annexes=annexes))
    assert edited.content_hash != before.content_hash  # a real edit still is one
