"""pipelines.classify: category and confidence (cases in cases/classify.yaml)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from pipelines.classify import (
    NEWS_RULES,
    OFFICIAL_RULES,
    _is_history,
    _received_licence,
    classify_category,
    classify_confidence,
    quotes_official,
    read_category,
    rules_markdown,
)
from pipelines.classify import _lead as first_sentence
from pipelines.classify import _normalize as normalize_for_rules
from pipelines.names import to_simplified
from pipelines.reading import read_acts
from pipelines.vocab import Category, Confidence, SourceKind

TESTS = Path(__file__).parent
CASES = yaml.safe_load((TESTS / "cases" / "classify.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    title, body, kind = (case["input"][k] for k in ("title", "body", "source_kind"))
    quoted = quotes_official(f"{title}\n{body}")
    got = {
        "category": classify_category(title, body, kind),
        "confidence": classify_confidence(kind, quotes_official=quoted),
    }
    assert got == case["expected"]


def test_cases_file_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        SourceKind(case["input"]["source_kind"])
        Category(case["expected"]["category"])
        Confidence(case["expected"]["confidence"])


@pytest.mark.parametrize(
    ("kind", "quoted", "expected"),
    [
        ("authority", False, "high"),
        ("authority", True, "high"),
        ("relay", False, "medium"),
        ("relay", True, "medium"),
        ("news", True, "medium"),
        ("news", False, "low"),
    ],
)
def test_confidence_rule(kind: str, quoted: bool, expected: str) -> None:
    assert classify_confidence(kind, quotes_official=quoted) == expected


def test_results_are_plain_strings() -> None:
    category = classify_category(
        "商务部公告2025年第61号 公布对境外相关稀土物项实施出口管制的决定", "", "authority"
    )
    confidence = classify_confidence(SourceKind.NEWS)
    assert type(category) is str and type(confidence) is str
    assert (category, confidence) == ("controlled_item_change", "low")


@pytest.mark.parametrize(
    "text",
    [
        "He Yongqian, a MOFCOM spokesperson, said at a regular press conference",
        "said He Yadong, a spokesman for the Ministry of Commerce",
        "The Ministry of Commerce said on Thursday that the controls take effect",
        "MOFCOM said in a statement on Monday",
        "according to the MOFCOM, the meeting also called on",
        "商务部新闻发言人何亚东表示",
        "商务部表示，将依法审批",
    ],
)
def test_quotes_official(text: str) -> None:
    assert quotes_official(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "He Weiwen, a senior fellow at the Center for China and Globalization, told reporters",
        "experts said the move was long anticipated",
        "",
    ],
)
def test_does_not_quote_official(text: str) -> None:
    assert quotes_official(text) is False


def test_unknown_source_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="blog"):
        classify_category("t", "b", "blog")
    with pytest.raises(ValueError, match="blog"):
        classify_confidence("blog")


def test_rule_orders() -> None:
    assert [c.value for c, _ in OFFICIAL_RULES] == [
        "suspension",
        "entity_listing",
        "tariff",
        "controlled_item_change",
        "licensing",
        "enforcement",
    ]
    assert [c.value for c, _ in NEWS_RULES][:3] == ["enforcement", "licensing", "suspension"]


def test_rules_doc_shows_the_rules_of_the_code() -> None:
    doc = (TESTS.parent / "docs" / "RULES.md").read_text("utf-8")
    assert rules_markdown() in doc


def test_the_act_may_come_after_a_lead_that_tells_none() -> None:
    body = ("Traders spent the weekend rewriting quotes for American customers. \"Now we can take "
            "the application to the ministry,\" said a sales director.\n"
            "The change came on Sunday, when the Ministry of Commerce suspended the second "
            "paragraph of its announcement until Nov 27, 2026.\n"
            "Prices fell on Friday.")
    title = "US buyers can again apply for Chinese gallium"
    assert classify_category(title, body, "news") == Category.SUSPENSION.value


def test_a_press_qa_reporting_approvals_made_is_licensing() -> None:
    title = "Ministry of Commerce spokesperson answers questions on export applications"
    made = ("Q: What is China's response?\nA: The Ministry of Commerce has reviewed export "
            "license applications and has approved a certain number of compliant applications.")
    promised = ("Q: Will companies get licenses?\nA: For compliant civilian applications, "
                "licenses will be granted.")
    assert classify_category(title, made, "relay") == Category.LICENSING.value
    assert classify_category(title, promised, "relay") == Category.POLICY_STATEMENT.value
    about_a_measure = "MOFCOM spokesperson answers questions on export control measures"
    assert classify_category(about_a_measure, made, "relay") == Category.POLICY_STATEMENT.value


def test_a_chinese_headline_in_which_someone_says_is_a_statement() -> None:
    title = "欧盟官员称双方将继续就出口管制安排进行磋商"
    body = "据外媒报道，一名欧盟官员表示，双方同意继续磋商，暂停安排可能延长。"
    assert classify_category(title, body, SourceKind.NEWS) == Category.POLICY_STATEMENT


def test_an_explainer_asks_the_readers_questions_and_history_is_not_its_news() -> None:
    title = "Explainer: What changes for graphite exporters this winter"
    body = ("Three things matter for graphite exporters in the coming months.\n"
            "What ends in March? An announcement issued last December suspended the stricter "
            "review of graphite exports until March. Why does it matter? Buyers plan ahead. "
            "What should firms do? Keep documents ready.\n"
            "Who decides? The ministry.")
    assert classify_category(title, body, SourceKind.NEWS) == Category.POLICY_STATEMENT
    unlabelled = title.replace("Explainer: ", "")
    assert classify_category(unlabelled, body, SourceKind.NEWS) == Category.COMMENTARY


def test_licence_rules_entity_bans_and_court_sentences_in_headlines_and_leads():
    brief = ("BEIJING, May 6 (Xinhua) -- Certain catalysts will need the ministry's approval "
             "before they can be shipped abroad from June 5.")
    assert classify_category("China tightens rules on overseas shipments of catalysts", brief,
                             "news") == Category.CONTROLLED_ITEM_CHANGE.value
    assert classify_category("Taiwan authorities add two mainland chipmakers to entity list",
                             "The island's trade authority said the list was updated on Monday.",
                             "news") == Category.POLICY_STATEMENT.value
    assert classify_category("Seven US firms barred from China-related trade",
                             "The measures took effect on Friday.",
                             "news") == Category.ENTITY_LISTING.value
    assert classify_category("Trader jailed for shipping antimony abroad",
                             "A court heard the case in March.",
                             "news") == Category.ENFORCEMENT.value


def test_a_company_telling_of_deliveries_resumed_after_approvals_reports_licensing():
    body = ("An Osaka-based magnet maker said on Thursday that deliveries of terbium oxide had "
            "resumed after its suppliers' applications were approved by Chinese authorities.\n"
            "The company expects more material this month.")
    assert classify_category("Magnet maker says terbium deliveries resume", body,
                             "news") == Category.LICENSING.value


def test_drafts_for_comment_news_pegs_and_foreign_briefings():
    draft = ("商务部3日发布《两用物项出口管制清单》调整内容（征求意见稿），拟新增部分传感器。"
             "意见反馈截止日期为下月5日。")
    assert classify_category("商务部就出口管制清单调整公开征求意见", draft,
                             "news") == Category.POLICY_STATEMENT.value
    lead = ("The Ministry of Commerce on Tuesday released a draft for public comment that "
            "would put certain sensors under export control from June 1.")
    assert classify_category("China to put sensors under export control", lead,
                             "news") == Category.POLICY_STATEMENT.value
    adopted = lead.replace("a draft for public comment that would put",
                           "an announcement that puts")
    assert classify_category("China to put sensors under export control", adopted,
                             "news") == Category.CONTROLLED_ITEM_CHANGE.value
    feature = ("Orchards line the valley and the apricot harvest has begun early this year.\n\n"
               "Farmers sell to buyers in Xi'an and Chengdu.\n\n"
               "Homestays are full during the festival.\n\n"
               "This month a local smelter received approval from the Ministry of Commerce to "
               "export 3 tons of indium ingots to Korea, the county said.")
    assert classify_category("Apricots and a quiet metal", feature,
                             "news") == Category.LICENSING.value
    briefing = ("The Ministry of Economy, Trade and Industry of Japan held a briefing on "
                "Wednesday for exporters to explain the impact of the Chinese announcement on "
                "Tuesday on tightening export controls on graphite.")
    assert classify_category("Japanese ministry briefs companies on Chinese measures", briefing,
                             "relay") == Category.POLICY_STATEMENT.value


def test_reactions_are_not_the_act_they_react_to():
    stance = ("据韩国媒体报道，韩国产业通商部长官5日就中方4日对石墨实施出口管制表态称，"
              "将密切关注有关影响。\n\n韩国电池企业正在评估库存。")
    assert classify_category("韩国产业通商部就中方对石墨实施出口管制表态", stance,
                             "relay") == Category.POLICY_STATEMENT.value
    foreign = ("The Canadian government on Monday published new rules on drone parts, adds 30 "
               "entities to its entity list, the ministry said in Ottawa.\n\n"
               "The Chinese embassy said it firmly opposed the move.")
    assert classify_category("Canada announces new export rules for drone parts", foreign,
                             "news") == Category.POLICY_STATEMENT.value
    survey = ("Foreign battery makers report faster approvals of graphite export licences, "
              "according to a survey published by an industry association on Monday.\n\n"
              "Of the 80 respondents, half said their suppliers had obtained general licences "
              "this year.")
    assert classify_category("Battery makers see faster graphite licences, survey finds",
                             survey, "news") == Category.POLICY_STATEMENT.value
    told = survey.replace("Foreign battery makers report faster approvals of graphite export "
                          "licences, according to a survey published by an industry "
                          "association on Monday.",
                          "The Ministry of Commerce on Monday granted general licences for "
                          "graphite exports to 12 battery makers.")
    assert classify_category("China grants graphite export licences", told,
                             "news") == Category.LICENSING.value


def test_issuing_a_list_of_controlled_items_puts_them_under_control() -> None:
    body = "新华社北京3月2日电 三部门2日联合发布公告，公布新版清单，自4月1日起施行。"
    title = "三部门发布《两用物项出口管制清单》 4月1日起施行"
    assert classify_category(title, body, "news") == Category.CONTROLLED_ITEM_CHANGE.value
    other = "三部门发布《物流业发展规划》 4月1日起施行"
    assert classify_category(other, body, "news") != Category.CONTROLLED_ITEM_CHANGE.value


def test_a_licence_applied_for_is_not_granted_and_guidance_on_applying_is_a_statement() -> None:
    body = ("新华社杭州3月2日电 某市商务局日前发布通知，指导企业依法申请通用许可。\n\n"
            "通知要求企业完善内部合规制度，如实提交最终用户证明。")
    assert classify_category("某市商务局发布通知 指导企业申请镓物项出口通用许可", body,
                             "news") == Category.POLICY_STATEMENT.value
    granted = body.replace("指导企业依法申请通用许可", "已向12家企业颁发通用许可")
    assert classify_category("某市企业获得镓物项出口通用许可", granted,
                             "news") == Category.LICENSING.value


def test_a_qa_page_led_by_an_announcement_issued_reports_the_act() -> None:
    body = ("3月2日，商务部发布公告，自3月10日起，对10家美国实体停止执行相关措施。\n\n"
            "问：请介绍此次调整的考虑。答：这是落实双方共识的具体举措。")
    title = "商务部发布公告调整相关措施 新闻发言人答记者问"
    assert classify_category(title, body, "relay") == Category.SUSPENSION.value
    about = "商务部新闻发言人就相关措施答记者问"
    assert classify_category(about, body, "relay") == Category.POLICY_STATEMENT.value


def test_a_press_conferences_topics_are_its_questions() -> None:
    body = ("问：商务部在促消费方面有何安排？\n\n答：将开展系列活动。\n\n"
            "问：能否介绍对欧出口锑物项的审批进展？\n\n"
            "答：目前已批准了一批对欧出口锑相关物项的合规申请。")
    title = "商务部例行新闻发布会摘要"
    assert classify_category(title, body, "relay") == Category.LICENSING.value
    unasked = body.replace("能否介绍对欧出口锑物项的审批进展", "如何看待欧方近期表态")
    assert classify_category(title, unasked, "relay") == Category.POLICY_STATEMENT.value


def test_companies_welcoming_an_act_report_the_act() -> None:
    body = ("Japanese magnet makers on Monday welcomed China's decision to suspend a set of "
            "export control measures, saying it removed uncertainty.\n\n"
            "An association said members had prepared applications.")
    assert classify_category("Japanese magnet makers welcome China's suspension of export "
                             "controls", body, "news") == Category.SUSPENSION.value
    government = "Tokyo welcomes China's suspension of export controls"
    assert classify_category(government, body, "news") == Category.POLICY_STATEMENT.value


def test_a_named_comment_column_is_an_opinion_label() -> None:
    body = "某国政府干预企业经营，扰乱了供应链。各方对此表示关切。"
    assert classify_category("新华国际时评｜干预企业经营损害营商信誉", body,
                             "news") == Category.COMMENTARY.value
    assert classify_category("干预企业经营损害营商信誉", body,
                             "news") != Category.COMMENTARY.value


def test_a_measure_put_on_hold_verb_first_is_a_suspension_and_a_foreign_one_a_statement() -> None:
    body = ("The US Commerce Department has put on hold for six months a rule that widened its "
            "entity restrictions, a notice showed on Monday.\n\nAnalysts welcomed it.")
    assert classify_category("US puts its drone rule on ice", body,
                             "news") == Category.POLICY_STATEMENT.value
    chinese = body.replace("The US Commerce Department", "China's Ministry of Commerce")
    assert classify_category("China puts its drone rule on ice", chinese,
                             "news") == Category.SUSPENSION.value


def test_permits_needed_from_a_day_are_a_control_taking_effect() -> None:
    body = ("Companies that ship cobalt products abroad must file end-user forms, the ministry "
            "said.\n\nOn the same day, the Tariff Commission announced additional duties on some "
            "goods from Monday.")
    assert classify_category("Cobalt shippers need permits from today", body,
                             "news") == Category.CONTROLLED_ITEM_CHANGE.value
    stative = "For cobalt shippers, permits have long been needed"
    assert classify_category(stative, body, "news") != Category.CONTROLLED_ITEM_CHANGE.value


def test_stopping_additional_duties_told_as_the_levy_is_a_tariff_decision() -> None:
    body = ("国务院关税税则委员会5日发布公告，自2025年12月1日起，停止执行今年3月对原产于加拿大的"
            "部分水果加征10%税款的措施。\n\n业内人士表示，进口成本将下降。")
    assert classify_category("税则委员会发布公告", body, "news") == Category.TARIFF.value
    controls = body.replace("加征10%税款", "实施的出口许可")
    assert classify_category("税则委员会发布公告", controls, "news") == Category.SUSPENSION.value


def test_implementation_deferred_is_a_suspension() -> None:
    body = "据报道，中方7日决定暂缓实施10月9日公布的出口管制措施，企业表示欢迎。"
    assert classify_category("协会：中方暂缓实施出口管制新规为企业赢得喘息空间", body,
                             "relay") == Category.SUSPENSION.value
    assert classify_category("协会：中方实施出口管制新规", body.replace("暂缓实施", "实施"),
                             "relay") != Category.SUSPENSION.value


def test_numbered_questions_of_a_translated_transcript_are_its_questions() -> None:
    body = ("The spokesperson answered the questions of the reporters.\n\n"
            "Question 1: The reporter asked about consumption. The spokesperson said sales "
            "grew.\n\n"
            "Question 2: The reporter asked whether general licences for rare earth exports have "
            "been approved. The spokesperson said the Ministry of Commerce has approved some "
            "applications for general licences submitted by exporters.")
    title = ("The Spokesperson of the Ministry of Commerce Answered the Questions at the Press "
             "Conference")
    assert classify_category(title, body, "relay") == Category.LICENSING.value
    unasked = body.replace("Question 2:", "Then")
    assert classify_category(title, unasked, "relay") == Category.POLICY_STATEMENT.value


def test_a_listed_companys_word_on_its_listing_reports_the_listing() -> None:
    """The act beats the messenger (dev-571, dev-573): a company speaking of a list it is on."""
    body = ("A Japanese shipbuilder said on Wednesday that two of its subsidiaries named in "
            "China's latest export control listing had limited direct transactions with Chinese "
            "suppliers.\n\nShares of its parent fell 2.8 percent.")
    title = "Japanese shipbuilder says its units on China's control list buy little from China"
    assert classify_category(title, body, "news") == Category.ENTITY_LISTING.value
    prices = ("A Japanese shipbuilder said on Wednesday that steel prices had risen.\n\n"
              "Shares of its parent fell 2.8 percent.")
    assert classify_category("Japanese shipbuilder says steel prices rise", prices,
                             "news") == Category.POLICY_STATEMENT.value
    old = body.replace("on Wednesday", "last year")
    assert classify_category(title, old, "news") == Category.POLICY_STATEMENT.value


def test_items_added_to_a_control_list_are_put_under_control() -> None:
    """Metals added to the "export control list" are controlled items, not entities (dev-618)."""
    body = ("China has placed items related to tungsten and tellurium under export control, the "
            "Ministry of Commerce said on Tuesday.")
    title = "China adds tungsten, tellurium and three other metals to export control list"
    assert classify_category(title, body, "news") == Category.CONTROLLED_ITEM_CHANGE.value
    firms = "China adds 15 US firms to export control list"
    assert classify_category(firms, body, "news") == Category.ENTITY_LISTING.value


def test_customs_stopping_goods_bound_for_a_buyer_is_enforcement() -> None:
    """"Customs stops carbon fiber bound for …", officers of a place (dev-578)."""
    body = ("Customs officers in Ningbo, East China's Zhejiang Province, have stopped a shipment "
            "of carbon fiber declared for a trading company in Thailand, the Global Times learned "
            "on Thursday.")
    title = "Customs stops carbon fiber bound for listed Japanese firm via Thailand"
    assert classify_category(title, body, "news") == Category.ENFORCEMENT.value


def test_an_officials_words_telling_an_act_with_its_instrument_are_the_act() -> None:
    """The act beats the messenger in a lead (dev-565); intent stays a statement (dev-72)."""
    body = ("Manufacturers of cubic presses will need government licences to sell the machines "
            "abroad from Sept 15, after the Ministry of Commerce said on Thursday that the "
            "equipment would be placed under export control.")
    title = "Diamond press makers size up new licence rule"
    assert classify_category(title, body, "news") == Category.CONTROLLED_ITEM_CHANGE.value
    intent = ("商务部新闻发言人30日表示，中方将暂停实施10月9日公布的相关出口管制等措施一年，"
              "并将研究细化具体方案。")
    assert classify_category("商务部：中方将暂停实施相关措施", intent,
                             "news") == Category.POLICY_STATEMENT.value


def test_put_under_licence_is_put_under_control() -> None:
    """"puts the export of technologies … under licence" after a scene lead (dev-605)."""
    body = ("Magnet producers in Baotou spent Thursday evening reading two new announcements "
            "from the Ministry of Commerce line by line, managers told reporters.\n\n"
            "The first, released on Thursday morning, puts the export of technologies for rare "
            "earth mining and magnet manufacturing under licence.")
    title = "Magnet makers in Baotou study new rules on rare earth technology"
    assert classify_category(title, body, "news") == Category.CONTROLLED_ITEM_CHANGE.value


def test_a_measure_whose_end_is_awaited_is_not_the_news() -> None:
    """"Companies watch Tuesday deadline of export control pause" (dev-614): the end is awaited."""
    body = ("Exporters are watching Tuesday, when the one-year suspension of the export controls "
            "China announced in October last year is due to end.")
    title = "Companies watch Tuesday deadline of export control pause"
    assert classify_category(title, body, "news") == Category.POLICY_STATEMENT.value
    done = "China pauses export controls for a year"
    assert classify_category(done, body, "news") == Category.SUSPENSION.value


def test_an_effect_told_after_an_act_reports_the_act() -> None:
    body = ("Prices of tungsten in Rotterdam jumped this week, traders said, while prices at home "
            "were flat.\n\n"
            "\"Nobody is selling,\" a trader said.\n\n"
            "The gap opened after the Ministry of Commerce announced on Monday that exports of "
            "tungsten would require a licence, with immediate effect.")
    assert classify_category("Tungsten prices jump in Europe", body,
                             "news") == Category.CONTROLLED_ITEM_CHANGE.value
    feature = ("For a magnet maker in Ningbo, the winter was a lesson in paperwork.\n\n"
               "Its first shipment to Germany left the port on Tuesday, after the ministry "
               "approved its licence application earlier this month.")
    assert classify_category("Magnet maker ships first batch to Germany", feature,
                             "news") == Category.LICENSING.value


def test_a_lead_relaying_a_reporters_question_is_a_press_qa() -> None:
    body = ("新华社北京3月5日电 在商务部5日举行的例行新闻发布会上，有记者问：商务部3日将10家"
            "美国实体列入不可靠实体清单，会产生什么影响？\n\n"
            "发言人表示，守法的企业完全不必担心。")
    title = "商务部：将美国实体列入清单不影响正常经贸往来"
    assert classify_category(title, body, "news") == Category.POLICY_STATEMENT.value
    told = body.replace("在商务部5日举行的例行新闻发布会上，有记者问：", "")
    assert classify_category(title, told, "news") == Category.ENTITY_LISTING.value


def test_a_preposed_clause_shares_the_foreign_subject_of_its_main_clause() -> None:
    body = ("新华社雅加达6月10日电 该国锡矿原矿出口禁令10日正式生效。\n\n"
            "继2020年禁止镍矿原矿出口后，印尼近年来对多种矿产原矿实施出口限制。")
    assert classify_category("锡矿出口禁令生效", body, "news") == Category.POLICY_STATEMENT.value
    ours = body.replace("印尼近年来", "商务部近年来")
    assert classify_category("锡矿出口禁令生效", ours,
                             "news") == Category.CONTROLLED_ITEM_CHANGE.value


def test_a_customs_case_told_in_its_own_words_is_enforcement() -> None:
    body = ("新华社宁波5月6日电 清晨，关员老王已经站在查验台前。\n\n"
            "他说，二十年来最信任的是经验。\n\n"
            "经查，当事企业将锑锭伪报为锡锭出口，案件已移交缉私部门处理。今年以来，该海关共查获此类"
            "案件多起。")
    assert classify_category("一名海关关员和他的查验台", body, "news") == Category.ENFORCEMENT.value


def test_chinese_clause_marks_survive_the_rules_normalizing():
    """NFKC turns ， into an ASCII comma: a clause pattern ([^，。；]…的) then ran on into the next
    clause, and an act before the comma was read as background (dev-619 had its category by
    that accident)."""
    sentence = normalize_for_rules("相关新措施已暂停实施，企业表示欢迎，但希望获得更长期的确定性。")
    [act] = read_acts(sentence)
    assert act.category is Category.SUSPENSION and not act.background
    assert normalize_for_rules("ＡＢＣ１２３（注）") == "ABC123（注）"


# --- the seventeenth pass ---------------------------------------------------------------------

def test_an_answer_that_tells_the_announcement_issued_today_is_the_act() -> None:
    """发言人表示，商务部今天发布…公告，…停止执行…继续暂停 (dev-677): the answer announces the act;
    the same words in a reporter's question only name what the answers explain (dev-696)."""
    title = "商务部新闻发言人就调整出口管制管控名单相关措施答记者问"
    answer = ("发言人表示，商务部今天发布2025年第69号公告，自2025年11月10日起，"
              "对15家美国实体停止执行相关措施；对16家美国实体，继续暂停实施相关措施一年。")
    asked = ("有记者问：商务部今天发布公告，对锑等物项实施出口管制，请问背景和考虑是什么？\n\n"
             "发言人表示，对锑相关物项实施出口管制，是国际通行做法。")
    assert classify_category(title, f"有记者问：请问具体有哪些内容？\n\n{answer}",
                             "relay") == Category.SUSPENSION.value
    assert classify_category("商务部新闻发言人就对锑等物项实施出口管制答记者问", asked,
                             "relay") == Category.POLICY_STATEMENT.value


def test_a_headline_of_measures_adjusted_takes_the_kind_the_body_reports() -> None:
    """商务部调整部分美国实体出口管制措施 (dev-681): an adjustment may stop, suspend or tighten; the
    body's 停止执行 and 继续暂停 make it a suspension, not a control imposed."""
    body = ("据商务部网站消息，商务部8月12日发布公告，"
            "对此前列入出口管制管控名单的部分美国实体的相关措施作出调整。\n\n公告显示，对12家美国实体，停止执行相关措施；对16家美国实体，继续暂停"
            "实施相关措施90天。")
    assert classify_category("商务部调整部分美国实体出口管制措施", body,
                             "relay") == Category.SUSPENSION.value


def test_a_news_analysis_reports_the_act_it_analyses() -> None:
    """"Analysis: …" with a lead on effects "a month after" licences were granted (dev-684)."""
    body = ("A month after the first general licences for rare earth exports were granted, "
            "magnet makers say shipments are moving faster.\n\n"
            "In December, the Ministry of Commerce approved general licence applications from a "
            "number of exporters.")
    title = "General licences smooth rare earth magnet trade, but controls stay"
    assert classify_category(f"Analysis: {title}", body, "news") == Category.LICENSING.value
    assert classify_category(title, body, "news") == Category.POLICY_STATEMENT.value


def test_approvals_answer_the_kind_of_licence_asked_about() -> None:
    """Asked about general licences, the ministry "is studying" them (dev-704): the ordinary
    approvals told alongside are background; asked about applications, they are the act
    (dev-144)."""
    title = "Spokesperson of the Ministry of Commerce answers questions on rare earth licences"
    answer = ("The spokesperson said that since the controls were implemented in April, the "
              "Ministry of Commerce has reviewed license applications, and has approved a "
              "certain number of compliant applications. The ministry is studying facilitation "
              "measures including general licenses.")
    general = f"A reporter asked: Will China issue general licenses?\n\n{answer}"
    ordinary = f"A reporter asked: Are applications being processed?\n\n{answer}"
    assert classify_category(title, general, "relay") == Category.POLICY_STATEMENT.value
    assert classify_category(title, ordinary, "relay") == Category.LICENSING.value


def test_an_act_dated_before_the_publications_month_is_history() -> None:
    """"中方10月9日宣布的…新措施已于11月暂停实施" told on 5 December (dev-619): background to a
    survey, not the news; the same sentence told in November would be news."""
    title = "德国工商大会调查：部分企业仍面临原材料供应压力"
    body = ("据德国《商报》报道，德国工商大会当日发布的一项企业调查显示，"
            "约四成受访企业曾遭遇供应困难。\n\n"
            "报道称，中方10月9日宣布的有关稀土技术的新措施已于11月暂停实施，企业对此表示欢迎。")
    assert classify_category(title, body, "relay",
                             "2025-12-05") == Category.POLICY_STATEMENT.value
    assert classify_category(title, body, "relay", "2025-11-12") == Category.SUSPENSION.value


def test_english_dates_before_the_news_are_capitalized_whole_month_names() -> None:
    """"in November" told in December dates an act before the news; "market" or "decision"
    names no month (Mar, Dec), and a weekday beside a date keeps the sentence the news's."""
    from datetime import date

    from pipelines.classify import _dated_earlier
    december = date(2025, 12, 5)
    assert _dated_earlier("China suspended the controls in November.", december)
    assert not _dated_earlier("The market welcomed the decision.", december)
    assert not _dated_earlier("China on Monday, Dec 1, suspended the controls.", december)


def test_a_day_still_ahead_is_no_history() -> None:
    """Dates are resolved as pipelines.relative_dates reads them: 自12月1日起实施 told on 20
    November is this December, ahead of the news, so the act is news; a day six weeks before
    is history, one two days before is the news of the week (seed 003 is the December case)."""
    published = date(2025, 11, 20)
    assert not _is_history(normalize_for_rules("商务部已将镓废料纳入出口管制，自12月1日起实施。"),
                           published)
    assert _is_history(normalize_for_rules("商务部已于10月9日将镓废料纳入出口管制。"), published)
    assert not _is_history(normalize_for_rules("商务部已于11月18日将镓废料纳入出口管制。"),
                           published)
    # a month of the year before the news is history; last year's December told in January is not
    assert _is_history(normalize_for_rules("相关措施已于11月暂停实施。"), date(2025, 12, 5))
    assert not _is_history("Applications have been approved, he said in late December.",
                           date(2026, 1, 6))
    # a month of an earlier year with a whole month between it and the news is history
    assert _is_history("The ban announced in December ended its sales.", date(2025, 3, 28))
    assert not _is_history("The ban announced in December ended its sales.", date(2025, 1, 20))


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("商务部公告2024年第34号 关于对原产于印度的进口苯酚反倾销调查最终裁定的公告", "", "tariff"),
    ("商务部公告2024年第35号 关于对原产于美国的进口白兰地期终复审裁定的公告", "", "tariff"),
    ("商务部公告2024年第60号 关于对原产于美国的进口聚甲醛的公告",
     "现将有关事项公告如下：自2024年5月19日起，对原产于美国的进口聚甲醛征收反倾销税。", "tariff"),
    ("MOFCOM Announcement No. 34 of 2024 on the Final Ruling of the Anti-dumping Investigation "
     "into Imports of Phenol", "", "tariff"),
    ("商务部公告2024年第36号 关于对原产于欧盟的进口卤化丁基橡胶发起反倾销立案调查的公告",
     "现将有关事项公告如下：商务部决定自本公告发布之日起对原产于欧盟的进口卤化丁基橡胶进行"
     "反倾销立案调查。", "tariff"),
    ("商务部公告2025年第17号 关于延长对原产于欧盟的进口相关猪肉及猪副产品反倾销调查期限的公告",
     "", "tariff"),
])
def test_an_authoritys_trade_remedy_ruling_is_a_duty_decision(title, body, expected) -> None:
    """Every step of a trade-remedy case, the investigation opened and prolonged included, is
    filed with the duties it leads to (sixty-first pass)."""
    assert classify_category(title, body, "authority") == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # China's case opened, told in the headline, in English and Chinese
    ("China launches anti-dumping probe into Japanese photoresist",
     "The commerce ministry said on Tuesday it had received an application from domestic "
     "producers and would examine imports from Japan over the next twelve months.", "tariff"),
    ("中方对原产于美国的进口光纤预制棒发起反倾销立案调查",
     "商务部12日发布公告，决定即日起对原产于美国的进口光纤预制棒进行反倾销立案调查，调查期一般为1年。",
     "tariff"),
    # ... or in the lead under a headline that names no act
    ("Beijing hits back at Ottawa",
     "China's Ministry of Commerce on Friday opened an anti-dumping investigation into canola "
     "imported from Canada, days after Ottawa announced new duties on Chinese steel.", "tariff"),
    # another country's case against China's goods is its measure: a statement of the news
    ("EU launches anti-subsidy probe into Chinese electric buses",
     "The European Commission on Monday opened an investigation into subsidies for buses made "
     "in China, and Beijing said it would defend its companies.", "policy_statement"),
    ("印度对原产于中国的光伏玻璃发起反倾销调查",
     "印度商工部近日发布公告，对原产于中国的光伏玻璃发起反倾销调查。中方表示关注。",
     "policy_statement"),
])
def test_chinas_trade_remedy_case_is_filed_with_the_duties(title, body, expected) -> None:
    """China's anti-dumping or anti-subsidy investigation opened is the first step of a duty
    decision: `tariff` (sixty-first pass); another government's case against Chinese goods is
    its measure, reported as a statement."""
    assert classify_category(title, body, "news", "2026-03-12") == expected


def test_a_company_speaker_reports_the_act_it_reacts_to() -> None:
    """A headline in which a company speaks (dev-738): a country qualifying a noun of companies
    ("A Dutch maker of …") is no government, and the company's word reports the act its event
    follows (the act beats the messenger); a government's word stays a statement."""
    title = "Dutch valve maker says China's new rules reach its plants in Asia"
    body = ("A Dutch maker of industrial valves said on Friday it would need licences for some "
            "valves made at its plants in Thailand, after China's Ministry of Commerce extended "
            "export controls to items made outside the country.\n\n"
            "Customers had begun asking about delivery times, a company spokesman said.")
    assert classify_category(title, body, "news", "2025-10-10") == \
        Category.CONTROLLED_ITEM_CHANGE.value
    government = title.replace("Dutch valve maker says", "Dutch minister says")
    assert classify_category(government, body.replace("A Dutch maker of industrial valves",
                                                      "The Dutch trade minister"),
                             "news", "2025-10-10") == Category.POLICY_STATEMENT.value


def test_a_named_company_speaking_of_its_listing_reports_the_listing() -> None:
    """"ACME says …" with "… maker ACME said …, a day after the ministry added it to its watch
    list" in the lead (dev-743), and 企业回应被列入…名单 (dev-744): the listed company's word
    on its listing is the listing."""
    title = "ACME says watch list designation will not disrupt supplies"
    body = ("Japanese sensor maker ACME said on Wednesday that its plants were running normally, "
            "a day after China's Ministry of Commerce added it to its export control watch "
            "list.\n\nIts shares fell 2 percent.")
    assert classify_category(title, body, "news", "2026-02-25") == Category.ENTITY_LISTING.value
    assert classify_category(title, body.replace("maker ACME", "minister Sato"), "news",
                             "2026-02-25") == Category.POLICY_STATEMENT.value
    zh_title = "美国企业回应被列入中方出口管制管控名单"
    zh_body = "据报道，多家被中方列入管控名单的美国企业近日表示，正在评估影响。"
    assert classify_category(zh_title, zh_body, "relay", "2025-01-06") == \
        Category.ENTITY_LISTING.value


def test_tariffs_adjusted_in_the_headline_are_a_tariff_decision() -> None:
    """对美加征关税调整措施 in the headline (dev-752): a tariff adjusted, whatever part of the
    rate it suspends, with the same day's suspensions of entity measures second; measures
    adjusted with no tariff keep the kind the body reports most often."""
    body = ("国务院关税税则委员会发布公告，调整加征关税措施，其中24%的关税暂停实施90天。\n\n"
            "同日，商务部宣布对28家美国实体暂停实施相关管控措施。不可靠实体清单工作机制亦宣布暂停实施"
            "相关处理措施。")
    assert classify_category("对美加征关税调整措施今起实施", body, "news",
                             "2025-05-14") == Category.TARIFF.value
    assert classify_category("商务部调整部分美国实体出口管制措施", body, "news",
                             "2025-05-14") == Category.SUSPENSION.value


def test_a_licence_the_story_tells_received_is_its_act_whatever_its_month() -> None:
    """A company story with no act in its opening, whose third paragraph tells licences obtained
    in an earlier month (dev-733): licences received are told when the receiver tells them, so
    they are the story's act; controls of that month alone stay history."""
    title = "Wafer maker's profit doubles on data centre demand"
    body = ("Shares of a wafer maker rose on Tuesday after its profit doubled.\n\n"
            "Revenue rose 60 percent.\n\n"
            "The company said it obtained its first export licences for its wafers in April, "
            "after China placed the material under export control in February.")
    assert classify_category(title, body, "news", "2025-08-26") == Category.LICENSING.value
    history = body.replace("it obtained its first export licences for its wafers in April, "
                           "after ", "")
    assert classify_category(title, history, "news", "2025-08-26") == \
        Category.POLICY_STATEMENT.value


def test_a_later_paragraphs_act_of_last_year_is_no_news_peg() -> None:
    """A readout whose later paragraph tells, as the official's words, what China did 去年11月
    (dev-735): a day of that earlier year (去年10月9日) dates nothing to the news, so the act is
    history and the readout a statement; told 本月 it would be the news."""
    body = ("新华社北京10月15日电 商务部负责人14日会见美国企业代表团，双方交换意见。\n\n"
            "商务部负责人表示，中美经贸关系总体保持稳定。\n\n"
            "该负责人指出，去年11月，中方暂停实施了去年10月9日公布的相关出口管制措施，展现了诚意。")
    assert classify_category("商务部负责人会见美国企业代表团", body, "news",
                             "2026-10-15") == Category.POLICY_STATEMENT.value
    assert _is_history(normalize_for_rules("去年11月，中方暂停实施了去年10月9日公布的措施。"))


def test_reading_acts_of_everyday_wording() -> None:
    """Inner Mongolia is a Chinese region, not Mongolia (dev-747); a customs fine upheld is a
    penalty (dev-287); inspection drones are goods, not an inspection (dev-291); a levy told by
    its rate is a tariff (dev-292); travellers stopped carrying goods out are a consignment held
    (dev-750)."""
    def kinds(text: str) -> list[tuple[Category, bool, bool]]:
        return [(a.category, a.done, a.foreign) for a in read_acts(text)]
    assert kinds("A producer in Inner Mongolia said it had received licences to ship graphite.")\
        [0] == (Category.LICENSING, True, False)
    assert kinds("A court has upheld a customs fine of 2 million yuan on a trading firm.")[0][0] \
        is Category.ENFORCEMENT
    assert not any(c is Category.ENFORCEMENT
                   for c, _, _ in kinds("The maker obtained permits to ship inspection drones."))
    assert kinds("China will levy an additional 15 percent on US coal from Monday.")[0][0] \
        is Category.TARIFF
    assert kinds("Customs officers at the airport have stopped 9 travelers carrying samples of "
                 "dysprosium oxide.")[0][:2] == (Category.ENFORCEMENT, True)


def test_a_headline_of_figures_takes_the_act_its_release_reports() -> None:
    """"… exports up 3.1 pct in first half, customs says" (dev-322): figures are no statement;
    the act the release reports of the period (smuggling cases handled) is the news; figures
    whose body tells only an act of last year stay a statement."""
    title = "China's exports up 3.1 pct in first half, customs says"
    body = ("China's exports rose 3.1 percent in the first half, the General Administration of "
            "Customs said on Friday.\n\n"
            "Asked about smuggling, an official said customs authorities had handled 12 smuggling "
            "cases of controlled antimony in the first half.")
    assert classify_category(title, body, "news", "2026-07-14") == Category.ENFORCEMENT.value
    past = body.replace("had handled 12 smuggling cases of controlled antimony in the first half",
                        "last year handled 12 smuggling cases of controlled antimony")
    assert classify_category(title, past, "news", "2026-07-14") == \
        Category.POLICY_STATEMENT.value


def _news(title: str, body: str, published: str) -> str:
    return classify_category(title, body, "news", published)


def test_the_authority_announcing_the_act_is_no_messenger() -> None:
    """"… a day after the ministry and customs announced export controls on …" (dev-755): the
    announcing verb is the act's head, the lead tells the act; "the ministry said" relays."""
    title = "Bismuth prices climb as traders digest new rules"
    body = ("Bismuth ingot prices in Hunan rose 4 percent on Thursday, a day after the Ministry "
            "of Commerce and the General Administration of Customs announced export controls on "
            "bismuth items, traders said.\n\nDealers said buyers were calling all morning.")
    assert _news(title, body, "2025-03-06") == Category.CONTROLLED_ITEM_CHANGE.value
    said = body.replace("announced export controls on bismuth items",
                        "said export controls on bismuth items were lawful")
    assert _news(title, said, "2025-03-06") == Category.POLICY_STATEMENT.value


def test_a_country_before_companies_in_a_relative_clause_is_their_place() -> None:
    """"Several of the 12 US defense companies that China put on its export control list on
    Monday said …" (dev-765): no foreign government reacts; the listing of the day is the news."""
    title = "Listed firms shrug off move, analysts say"
    body = ("Several of the 12 US defense companies that China put on its export control list "
            "on Monday said the move would have little effect on them.\n\n"
            "Analysts said the listing sends a signal.")
    assert _news(title, body, "2025-06-03") == Category.ENTITY_LISTING.value


def test_a_chinese_licence_obtained_is_a_licence_granted() -> None:
    """企业近日获得…出口许可证件 (dev-767) is licensing; a licence one must obtain, or one obtained
    by deception or revoked (dev-353), is none."""
    def licensing(text: str) -> list[bool]:
        return [a.done for a in read_acts(text) if a.category is Category.LICENSING]
    assert licensing("一家钼粉企业近日获得两用物项出口许可证件，首批货物已出口。") == [True]
    assert licensing("出口须获得许可。") == []
    assert licensing("获得许可后方可出口。") == []
    assert licensing("商务部通报一起以欺骗手段取得两用物项出口许可的案件。") == []
    title = "一钼企获得出口许可 首批货物发往日本"
    body = ("新华社郑州3月28日电 一家钼粉生产企业近日获得两用物项出口许可证件，"
            "首批货物27日通关出口。\n\n"
            "该企业负责人介绍，公告发布后，企业第一时间暂停了相关出口合同的履行。")
    assert _news(title, body, "2025-03-28") == Category.LICENSING.value


def test_a_background_act_dated_by_the_opening_is_the_news_peg() -> None:
    """A lead naming the act only in a background clause tells its news against it, unless
    the opening dates an act of the same kind to a day of the news (dev-760) or tells a licence
    the story's subject received (dev-766); "earlier this month … on the same day" stays
    background (dev-187)."""
    title = "Buyers return to antimony market"
    body = ("Antimony producers have received inquiries from overseas buyers again, after the "
            "ministry suspended the restrictions on such exports, traders said.\n\n"
            "In an announcement issued on Sunday, the ministry said it would suspend the "
            "restrictions until next year.")
    assert _news(title, body, "2025-11-12") == Category.SUSPENSION.value
    earlier = body.replace("In an announcement issued on Sunday, the ministry said it would "
                           "suspend the restrictions until next year.",
                           "The restrictions were suspended earlier this month together with "
                           "other measures announced on the same day.")
    assert _news(title, earlier, "2025-11-20") == Category.POLICY_STATEMENT.value
    title = "Refiner ships first batch of indium"
    body = ("A refiner in Guangxi shipped 1 tonne of indium to Korea on Tuesday, its first "
            "export since the metal came under export control in February.\n\n"
            "The company received its dual-use item export licence last week, an official said.")
    assert _news(title, body, "2025-04-22") == Category.LICENSING.value


def test_a_lead_act_dated_weeks_earlier_by_its_participle_is_background() -> None:
    """"… as exporters adjusted to the ban … announced on January 6", told on 20 March with data
    "released on Friday" (dev-778): the figures are the news, no act."""
    title = "Dual-use exports to Japan fall"
    body = ("Exports of dual-use items to Japan fell sharply in the first two months, according "
            "to customs data released on Friday, as exporters adjusted to the ban on dual-use "
            "exports to Japanese military users announced on January 6.\n\n"
            "Traders said end-user checks took longer.")
    assert _news(title, body, "2026-03-20") == Category.POLICY_STATEMENT.value
    assert _news(title, body.replace("January 6", "March 17"), "2026-03-20") == \
        Category.CONTROLLED_ITEM_CHANGE.value


def test_measures_stopped_after_a_listing_of_an_earlier_month() -> None:
    """A company "put on China's export control list in March" speaking in November "after
    Chinese measures against it stopped on Monday" (dev-761) reacts to the measures stopped."""
    title = "US contractor says it will review sourcing after list measures end"
    body = ("A US contractor that was among 15 entities put on China's export control list in "
            "March said on Tuesday it would review its sourcing, after Chinese measures against "
            "it stopped on Monday.\n\nLawyers said exporters should still check the list.")
    assert _news(title, body, "2025-11-11") == Category.SUSPENSION.value
    assert [a.category for a in read_acts("Chinese measures against it stopped on Monday.")] == \
        [Category.SUSPENSION]


def test_a_licence_requirement_announced_with_its_start_date_is_a_control() -> None:
    """"announced last Thursday that exports of … will need licences from Nov 8" (dev-757)."""
    acts = read_acts("So when the ministry announced last Thursday that exports of diamond wire "
                     "saws will need licences from Nov 8, buyers started counting stock.")
    assert [(a.category, a.done, a.future) for a in acts] == \
        [(Category.CONTROLLED_ITEM_CHANGE, True, False)]
    assert read_acts("Exports of diamond wire saws will need licences.") == []


def test_an_officials_reply_to_a_protest_is_a_statement() -> None:
    """A spokesperson "dismissed US criticism of China's decision to bar exports … to 28 US
    entities" (dev-839) or says the control "is lawful …, rejecting a protest lodged by the
    Japanese side" (dev-867): the reply is the news, the act it defends background."""
    title = "FM rejects US criticism of export control listing"
    body = ("A Chinese Foreign Ministry spokesperson on Monday dismissed US criticism of China's "
            "decision to bar exports of dual-use items to 28 US entities, saying the measure was "
            "lawful.\n\nThe ministry had announced the listing last Thursday.")
    assert _news(title, body, "2025-01-07") == Category.POLICY_STATEMENT.value
    japan = ("BEIJING, Jan. 7 (Xinhua) -- China's strengthened export control on dual-use items to "
             "Japan is lawful, a Chinese Foreign Ministry spokesperson said Wednesday, rejecting a "
             "protest lodged by the Japanese side.\n\nThe spokesperson urged Japan to reflect.")
    assert _news("China says export control on Japan lawful", japan, "2026-01-07") == \
        Category.POLICY_STATEMENT.value
    # the act reported as the day's news, with the protest last, stays the act (dev-840)
    act = ("China's Ministry of Commerce on Thursday added 28 US entities to its export control "
           "control list, prohibiting exports of dual-use items to them.\n\nIn Washington, a "
           "State Department spokesperson said the United States opposed the listing.")
    assert _news("28 US entities on China's control list", act, "2025-01-03") == \
        Category.ENTITY_LISTING.value


def test_a_suspension_in_force_is_no_act_of_suspending() -> None:
    """相关出口管制措施目前仍处于暂停实施期间 told six months on (dev-846): the period of a
    suspension already in force is its state, the spokesperson's words are the news."""
    title = "商务部：相关出口管制措施暂停实施期间企业出口无需申请许可"
    body = ("商务部新闻发言人21日在例行新闻发布会上表示，去年10月9日公布的相关出口管制措施目前"
            "仍处于暂停实施期间，暂停期间企业出口上述物项无需申请许可。\n\n发言人表示，有关信息将"
            "及时发布。")
    assert _news(title, body, "2026-05-21") == Category.POLICY_STATEMENT.value
    assert not any(a.done for a in read_acts("相关措施仍处于暂停实施期间。"))
    assert not any(a.done for a in read_acts("Exporters need no licence during the suspension."))
    assert [a.category for a in read_acts("商务部7日晚发布公告，暂停实施10月9日公布的相关措施。")
            if a.done] == [Category.SUSPENSION]


def test_a_companys_account_of_an_old_ban_is_a_statement() -> None:
    """An antimony producer "said … that the ban on exports of antimony to the United States
    announced in December had ended its sales", told on 28 March (dev-886): the ban is months
    old, history; the company's account of what it did to its business is the news, a
    statement. The same account told in December reports the act."""
    title = "Antimony producer says export ban cut overseas sales as profit falls"
    body = ("An antimony producer in Hunan said on Friday that the ban on exports of antimony to "
            "the United States announced in December had ended its sales to American customers, "
            "as it reported a fall in net profit.\n\nThe company expects output to stay flat.")
    assert _news(title, body, "2025-03-28") == Category.POLICY_STATEMENT.value
    assert _news(title, body, "2024-12-20") == Category.CONTROLLED_ITEM_CHANGE.value


def test_figures_measured_after_an_act_report_the_act() -> None:
    """"Exports of magnets rose to a five-month high in December after the Ministry of Commerce
    began issuing general licences …, customs data showed" (dev-888): data measure what the act
    did, so the act they follow is the news; an expectation after the same act is words."""
    title = "General licences lift rare earth magnet exports"
    body = ("China's exports of rare earth magnets rose to a five-month high in December after the "
            "Ministry of Commerce began issuing general licences to some magnet makers, customs "
            "data showed.\n\nShipments to Germany increased the most.")
    assert _news(title, body, "2026-01-20") == Category.LICENSING.value
    expected = body.replace("rose to a five-month high in December", "are expected to recover") \
        .replace(", customs data showed", ", traders said")
    assert _news(title, expected, "2026-01-20") == Category.POLICY_STATEMENT.value


def test_a_market_move_the_day_after_an_act_reports_the_act() -> None:
    """Shares that moved on the first trading day after controls or a listing announced the day
    before (dev-876, dev-895): the market's reaction is how the act is told, not a statement."""
    controls = ("Shares of Chinese producers of tungsten and bismuth rallied on Wednesday, the "
                "first trading day after the holiday, after China's Ministry of Commerce announced "
                "export controls on tungsten, tellurium, bismuth, molybdenum and indium related "
                "items on Tuesday.\n\nAn index of minor-metal stocks rose 6.8 percent.")
    assert _news("Tungsten stocks jump as new export controls meet reopened market", controls,
                 "2025-02-05") == Category.CONTROLLED_ITEM_CHANGE.value
    listing = ("Shares of several Japanese defense and materials companies fell in Tokyo on "
               "Wednesday, a day after China's Ministry of Commerce added 20 Japanese entities to "
               "its export control list and 20 others to its watch list.\n\nThe Nikkei 225 "
               "index ended slightly lower.")
    assert _news("Shares of Japanese firms slip after MOFCOM adds them to lists", listing,
                 "2026-02-25") == Category.ENTITY_LISTING.value


def test_an_act_told_as_before_this_is_what_the_figures_followed() -> None:
    """海关总署数据显示，12月…出口量环比增长19%，此前商务部向部分企业发放通用许可 (a Chinese
    telling of dev-888): 此前 ("before this") opening the act's clause tells the figure followed
    the act, as "after" does, so the data measure the licences granted."""
    body = ("海关总署数据显示，12月我国稀土永磁出口量环比增长19%，"
            "此前商务部向部分企业发放通用许可。\n\n企业表示，出口更加便利。")
    assert _news("稀土永磁出口回升", body, "2026-01-20") == Category.LICENSING.value


def test_a_joint_commitment_is_a_statement() -> None:
    """双方将暂停部分加征关税90天 (dev-930): what both sides promise in a joint statement is a
    commitment, whatever term it gives; one side's own decision after it is the act."""
    title = "中美日内瓦经贸会谈联合声明发布 双方将暂停部分加征关税90天"
    body = "当地时间5月12日，中美双方在瑞士日内瓦发布经贸会谈联合声明。"
    assert _news(title, body, "2025-05-12") == Category.POLICY_STATEMENT.value
    assert _news("中美双方同意暂停部分出口管制措施",
                 "中美双方在吉隆坡经贸磋商中达成共识，双方将暂停实施部分出口管制措施一年。",
                 "2025-10-27") == Category.POLICY_STATEMENT.value
    own = ("China's Customs Tariff Commission of the State Council announced on Tuesday that it "
           "will suspend the 24 percent additional tariff on US goods for 90 days from May 14, "
           "following the joint statement in Geneva.")
    assert _news("China suspends 24% additional tariffs on US goods for 90 days", own,
                 "2025-05-13") == Category.TARIFF.value


def test_an_associations_reading_after_buyers_asked_is_a_statement() -> None:
    """"… an association … said on Friday, after some foreign buyers asked whether the export
    controls on rare earths announced last week would affect the drugs" (dev-942): the measure is
    what was asked about; the association's reading of the list is the news."""
    title = "Pharma group says finished drugs not on rare earth control list"
    body = ("Hospitals need not worry about supplies of contrast agents, a national association of "
            "pharmaceutical manufacturers said on Friday, after some foreign buyers asked whether "
            "the export controls on rare earths announced last week would affect the drugs.\n\n"
            "The association urged members to check the list.")
    assert _news(title, body, "2025-04-11") == Category.POLICY_STATEMENT.value
    told = body.replace("some foreign buyers asked whether the export controls on rare earths "
                        "announced last week would affect the drugs",
                        "the ministry announced export controls on rare earths on Friday")
    assert _news(title, told, "2025-04-11") == Category.CONTROLLED_ITEM_CHANGE.value


def test_a_team_withdrawing_after_its_sponsor_was_listed_reports_the_listing() -> None:
    """"A US team has withdrawn …, after a US drone maker that is its main sponsor was one of 11
    US entities China put on its unreliable entity list on Friday" (dev-954): the team is no
    government reacting; the listing of the day is the news. Importers of US goods, researchers
    are no government either."""
    title = "US drone racing team pulls out of Shenzhen event after sponsor put on list"
    body = ("A US team has withdrawn from a drone racing competition in Shenzhen, after a US drone "
            "maker that is its main sponsor was one of 11 US entities China put on its unreliable "
            "entity list on Friday, the organizers told the Global Times on Sunday.")
    assert _news(title, body, "2025-04-06") == Category.ENTITY_LISTING.value
    tariff = ("Importers of US medical equipment said on Thursday they were re-pricing orders "
              "after China's Customs Tariff Commission of the State Council decided on Wednesday "
              "to stop excluding some US products from additional tariffs.")
    assert _news("Importers re-price orders as China ends some tariff exclusions", tariff,
                 "2025-03-06") == Category.TARIFF.value
    team = ("A US university team said on Tuesday it would cancel a joint project after China "
            "added the team's industry partner, a drone maker, to its unreliable entity list on "
            "Monday.")
    assert _news("US university team cancels project after partner firm listed", team,
                 "2025-04-08") == Category.ENTITY_LISTING.value


def test_a_company_assessing_a_ban_on_names_the_measure() -> None:
    """"Magnet maker says ban on exports to US military users hurt little": "ban on" is the
    measure's name, the subject of an assessment; the ban, months old, is no news. "No decision
    yet on extending the suspension" is no suspension."""
    title = "Magnet maker says ban on exports to US military users hurt little"
    body = ("A Ningbo-based maker of rare earth magnets said on Tuesday that the ban on exports of "
            "dual-use items to US military users, announced in December, had cut its sales by less "
            "than 2 percent last quarter.\n\nMost of its customers are carmakers.")
    assert _news(title, body, "2025-04-22") == Category.POLICY_STATEMENT.value
    assert _news("Ministry says no decision yet on extending rare earth suspension",
                 "The Ministry of Commerce said on Thursday it had made no decision on whether to "
                 "extend the suspension of the export control measures, which expires in November.",
                 "2026-09-10") == Category.POLICY_STATEMENT.value


def test_an_editorial_label_after_the_papers_name_is_commentary() -> None:
    """"GT editorial: Tokyo should read Beijing's message correctly" (dev-983): the paper's label
    after its name is its own voice, an opinion as the bare "Editorial:" label is."""
    body = ("Tuesday's ban on China's dual-use exports to Japanese military users did not come "
            "out of nowhere.\n\nIt is a response to a series of words and deeds by Tokyo.")
    for title in ("GT editorial: Tokyo should read Beijing's message correctly",
                  "China Daily editorial: Export rules protect security"):
        assert _news(title, body, "2026-01-07") == Category.COMMENTARY.value
    assert _news("Tokyo reads Beijing's message", body, "2026-01-07") != \
        Category.COMMENTARY.value


def test_duties_on_goods_of_coordinated_origins_are_chinas_tariff() -> None:
    """商务部…对原产于美国、欧盟、日本和台湾地区的进口共聚甲醛…征收反倾销税 (dev-964): the countries
    listed after 原产于 are all the goods' origins, targets, not governments acting."""
    title = "商务部对进口共聚甲醛作出反倾销终裁"
    body = ("新华社北京5月18日电 商务部18日发布公告，公布对原产于美国、欧盟、"
            "日本和台湾地区的进口共聚甲醛"
            "反倾销调查的最终裁定，自5月19日起对上述产品征收3.8%至74.9%不等的反倾销税，实施期限为5年。")
    assert _news(title, body, "2025-05-18") == Category.TARIFF.value
    english = ("China's Ministry of Commerce on Sunday imposed anti-dumping duties on copolymer "
               "imports from the US, the EU and Japan, from Monday.")
    assert _news("China sets duties on plastic imports", english, "2025-05-18") == \
        Category.TARIFF.value


def test_a_foreign_registered_trader_fined_is_enforcement() -> None:
    """"A Singapore-registered trading company has been fined … by Shenzhen customs" (dev-980),
    "Singapore trader fined …": the country names where the firm is registered, a trader is a
    company; the company fined is the target, customs the actor."""
    title = "Singapore trader fined for shipping antimony via bonded zone without licence"
    body = ("A Singapore-registered trading company has been fined 2.3 million yuan by Shenzhen "
            "customs for re-exporting antimony ingots from a bonded zone without a licence, the "
            "customs office said on Friday.")
    assert _news(title, body, "2025-03-14") == Category.ENFORCEMENT.value
    assert _news("Shenzhen customs fines trading firm over antimony", body, "2025-03-14") == \
        Category.ENFORCEMENT.value


def test_a_list_of_entities_is_an_entity_list() -> None:
    """"… after China added 12 US firms to its list of entities barred from receiving Chinese
    dual-use items" (dev-971): the list named by what it holds is the entity list; a "tariff
    fight" in the same sentence is no act."""
    body = ("Shares of several US defense and drone companies moved little on Wednesday after "
            "China added 12 US firms to its list of entities barred from receiving Chinese "
            "dual-use items, as investors focused on the wider tariff fight between the two "
            "countries.")
    assert _news("Drone, aerospace firms shrug off new Chinese list", body, "2025-04-10") == \
        Category.ENTITY_LISTING.value


def test_licences_needed_to_ship_goods_from_a_day_are_controls() -> None:
    """"Chinese producers of gallium and germanium need licences to ship the metals and several
    of their compounds abroad from Tuesday" (dev-973): a licence needed for exports from a day on
    is the control taking effect, however long the list of goods between."""
    title = "Licences now needed to ship gallium, germanium abroad"
    body = ("Chinese producers of gallium and germanium need licences to ship the metals and "
            "several of their compounds abroad from Tuesday, under rules announced last month.")
    assert _news(title, body, "2023-08-01") == Category.CONTROLLED_ITEM_CHANGE.value


def test_an_associations_support_for_a_measure_is_its_statement() -> None:
    """中国钨业协会6日表示，支持商务部、海关总署2月4日公布的…实施出口管制的决定 (dev-957):
    what a body supports is the matter of its statement, as what it opposes: policy_statement;
    the same lead reporting the controls announced stays the act."""
    title = "中国钨业协会：支持对钨等相关物项实施出口管制 将引导企业依规申报"
    body = ("新华社北京2月6日电 中国钨业协会6日表示，支持商务部、海关总署2月4日公布的"
            "对钨、碲、铋、钼、铟"
            "相关物项实施出口管制的决定，将引导会员企业熟悉许可申请流程，依法合规开展出口业务。")
    assert _news(title, body, "2025-02-06") == Category.POLICY_STATEMENT.value
    english = ("A Chinese industry association said on Thursday it supports the export controls on "
               "tungsten and four other metals announced on Tuesday.")
    assert _news("Tungsten association backs export controls", english, "2025-02-06") == \
        Category.POLICY_STATEMENT.value
    told = ("新华社北京2月4日电 商务部、海关总署4日公布对钨、碲、铋、钼、铟"
            "相关物项实施出口管制的决定。")
    assert _news("我国对钨等相关物项实施出口管制", told, "2025-02-04") == \
        Category.CONTROLLED_ITEM_CHANGE.value


def test_a_foreign_states_possessive_in_s_owns_its_controls() -> None:
    """"China is dissatisfied with the Netherlands' expanded export controls …, the Ministry of
    Commerce said" (dev-1001): the bare apostrophe after a name in s is a possessive, the
    controls the Netherlands' act, and the ministry's reaction a statement."""
    title = "China voices dissatisfaction over Dutch chip equipment rule"
    body = ("China is dissatisfied with the Netherlands' expanded export controls on "
            "semiconductor equipment and has lodged representations, the Ministry of Commerce "
            "said on Friday.")
    assert _news(title, body, "2024-09-07") == Category.POLICY_STATEMENT.value


def test_a_halt_lifted_days_before_is_the_news() -> None:
    """"went on sale on Friday, days after China lifted a four-year halt on imports of the
    crustaceans from Australia" (dev-965): a halt lifted is a suspension's lifting, days after
    dates it to the week, and "Western Australia" is a place, no government reacting."""
    title = "Australian rock lobsters return to Chinese dinner tables"
    body = ("Live rock lobsters from Western Australia went on sale in Shanghai on Friday, days "
            "after China lifted a four-year halt on imports of the crustaceans from Australia.\n"
            "The first shipment cleared inspection within hours, importers said.")
    assert _news(title, body, "2024-12-21") == Category.SUSPENSION.value


def test_imports_readmitted_are_a_halt_lifted() -> None:
    """海关总署…决定自即日起恢复美国原木输华 (dev-966): imports readmitted end the halt."""
    title = "海关总署：恢复美国原木输华"
    body = ("新华社北京11月10日电 海关总署10日发布消息，决定自即日起恢复美国原木输华，"
            "同时恢复3家美国企业大豆输华资质。")
    assert _news(title, body, "2025-11-10") == Category.SUSPENSION.value
    assert _news("美国原木", body, "2025-11-10") == Category.SUSPENSION.value


def test_a_passive_agent_after_the_object_decides_whose_licences() -> None:
    """"Licences … were granted last week by the US Commerce Department": the agent told after
    the object and the day is who acts; the same told of Chinese customs is licensing."""
    foreign = ("Licences for chip exports to three Chinese firms were granted last week by the US "
               "Commerce Department, the companies said on Monday.")
    own = ("Licences for gallium exports to three European firms were granted last week by "
           "Chinese customs, the companies said on Monday.")
    assert _news("Firms get their licences", foreign, "2025-06-02") == \
        Category.POLICY_STATEMENT.value
    assert _news("Firms get their licences", own, "2025-06-02") == Category.LICENSING.value


@pytest.mark.parametrize(
    ("title", "category"),
    [
        ("Tariff exclusions for some US products extended until Nov 30", Category.TARIFF),
        ("Tariffs on U.S. goods lifted", Category.TARIFF),
        ("Tariff exclusion list renewed for another year", Category.TARIFF),
        ("Export controls on drones eased", Category.CONTROLLED_ITEM_CHANGE),
        ("Gallium export controls lifted for EU buyers", Category.SUSPENSION),
        ("Antimony producer says export ban cut overseas sales", Category.POLICY_STATEMENT),
        ("Rare earth export controls tightened from Dec 1", Category.CONTROLLED_ITEM_CHANGE),
        ("Tariffs on Chinese EVs raised by EU", Category.POLICY_STATEMENT),
        ("EU tariffs on Chinese EVs raised", Category.POLICY_STATEMENT),
        ("Export controls that were lifted return", Category.POLICY_STATEMENT),
        ("Tariff exclusions for US products may be extended, analysts say",
         Category.POLICY_STATEMENT),
        ("Tariffs on US goods not lifted yet", Category.POLICY_STATEMENT),
    ],
)
def test_a_headline_participle_tells_the_act_done(title, category) -> None:
    """"Tariff exclusions for some US products extended until Nov 30" (dev-1053): a headline's
    measure followed by a past participle of change, its auxiliary dropped, is the act done (an
    exclusion from tariffs is a tariff decision); not after a relative clause, a modal or a
    negation, nor with a foreign agent ("… raised by EU") or an object (the active past); a
    control lifted is a suspension."""
    body = "The announcement was published. Traders reacted."
    assert _news(title, body, "2024-05-29") == category.value, title


QA_TITLE = ("The spokesman of the Ministry of Commerce answered the question of the reporter on "
            "the adjustment of measures")
QA_ASKED = ("The reporter asked: The Ministry of Commerce released the announcement today. Could "
            "you introduce the relevant situation?")


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        ("The spokesman said that the Ministry of Commerce decided that from November 10, 2025, "
         "the relevant measures on the 15 US entities that were included in the control list on "
         "March 4 shall be stopped. At the same time, the suspension of the measures on 16 US "
         "entities will be continued for one year.", Category.SUSPENSION),
        ("The spokesman said the ministry decided to suspend the measures on 16 US entities from "
         "November 10.", Category.SUSPENSION),
        ("The spokesman said the ministry decided that from December 1, export controls on "
         "graphite items will be implemented.", Category.CONTROLLED_ITEM_CHANGE),
        ("The spokesman said the ministry decided that from May 1, 12 US firms will be added to "
         "the export control list.", Category.ENTITY_LISTING),
        ("答：为落实中美吉隆坡经贸磋商共识，商务部决定，自2025年11月10日起，停止实施对15家美国实体的"
         "相关措施。", Category.SUSPENSION),
        ("答：商务部决定，自2025年11月10日起，继续暂停实施对16家美国实体的相关措施，为期一年。",
         Category.SUSPENSION),
        ("The spokesman said the ministry has not decided whether from next year the measures "
         "will be suspended.", Category.POLICY_STATEMENT),
        ("The spokesman said the ministry decided to study the matter and will announce the "
         "measures later.", Category.POLICY_STATEMENT),
        ("The spokesman said that the US decided that from November 10 its entity list rules "
         "will be suspended.", Category.POLICY_STATEMENT),
        ("答：商务部尚未决定是否自明年起暂停实施相关措施。", Category.POLICY_STATEMENT),
    ],
)
def test_an_answer_telling_a_decision_with_its_date_is_the_act(answer, category) -> None:
    """"the Ministry of Commerce decided that from November 10, 2025, the relevant measures …
    shall be stopped" (dev-1078): a spokesperson's answer that tells the ministry's decision with
    its start date announces the act (the act beats the messenger); a decision not taken, one
    with no date, or another government's is a statement."""
    body = f"{QA_ASKED}\n{answer}"
    assert classify_category(QA_TITLE, body, "relay", "2025-11-06") == category.value, answer


def test_a_decision_announced_is_its_act_and_a_foreign_decision_opposed_a_statement() -> None:
    """商务部公布对…实施出口管制的决定 (dev-1098) is the control decided; "MOFCOM … expressed firm
    opposition to the U.S. decision to tighten export controls" (dev-1057) is a statement."""
    body = "新华社北京10月9日电 商务部9日发布公告，公布对相关物项实施出口管制的决定。"
    assert classify_category("商务部公布对稀土相关技术实施出口管制的决定", body, "relay",
                             "2025-10-09") == Category.CONTROLLED_ITEM_CHANGE.value
    lead = ("China's Ministry of Commerce (MOFCOM) on Wednesday expressed firm opposition to the "
            "U.S. decision to tighten export controls on advanced computing chips.")
    assert _news("China firmly opposes updated U.S. chip export controls: MOFCOM", lead,
                 "2023-10-18") == Category.POLICY_STATEMENT.value


@pytest.mark.parametrize(
    ("title", "lead", "category"),
    [
        ("Officials explain new rules on export control of dual-use items",
         "China's new regulations on the export control of dual-use items are designed to better "
         "safeguard national security, officials said on Monday.", Category.POLICY_STATEMENT),
        ("Officials explain rules", "The new export control regulations aim to facilitate "
         "compliant trade, officials told a briefing in Beijing.", Category.POLICY_STATEMENT),
        ("Officials explain rules", "The new regulations on dual-use items bring general licences "
         "to exporters, officials explained on Monday.", Category.POLICY_STATEMENT),
        ("Officials on the new rules", "The new export licensing system will cut paperwork, "
         "officials say.", Category.POLICY_STATEMENT),
        ("Officials on the new rules", "Exporters with general licences will ship faster under "
         "the new regulations, officials noted.", Category.POLICY_STATEMENT),
        # the act told as news, officials its source: the act
        ("China to curb gallium exports", "China will impose export controls on gallium from "
         "August 1, officials said on Monday.", Category.CONTROLLED_ITEM_CHANGE),
        ("China curbs gallium exports", "China imposed export controls on gallium and germanium "
         "on Monday, officials said.", Category.CONTROLLED_ITEM_CHANGE),
        ("China adds firms to list", "China added 15 US entities to its export control list on "
         "Tuesday, officials said.", Category.ENTITY_LISTING),
        ("China approves licences", "China approved export licences for gallium on Monday, "
         "officials said.", Category.LICENSING),
        ("Gallium prices rise", "Gallium prices rose on Tuesday after China imposed export "
         "controls on the metal, traders said.", Category.CONTROLLED_ITEM_CHANGE),
    ],
)
def test_a_lead_told_as_officials_words_is_their_statement(title, lead, category):
    """"China's new regulations … are designed to better safeguard national security …, officials
    said on Monday" (dev-1138): a lead attributed to officials relays their words, a statement,
    unless it tells an act done as its news (the act beats the messenger); what the body goes on
    to explain (general licences) is their explanation, not a licence granted."""
    body = lead + OFFICIALS_EXPLAIN
    assert _news(title, body, "2024-10-22") == category.value, lead


OFFICIALS_EXPLAIN = ("\n\nThe rules allow general licences of up to three years for exporters with "
                     "sound compliance systems. Exporters who obtain general licences will ship "
                     "items to multiple buyers, they said. Firms that already apply for licences "
                     "will find the process familiar.")


@pytest.mark.parametrize(
    ("title", "lead", "category"),
    [
        ("White House fact sheet says China will issue general licenses for rare earths",
         "The White House on Saturday released a fact sheet on the trade deal, saying China will "
         "issue general licenses for exports of rare earths, and that the US will suspend a rule "
         "for one year.", Category.POLICY_STATEMENT),
        ("US says China will suspend rare earth controls for one year",
         "The US said on Sunday that China will suspend its rare earth export controls for one "
         "year.", Category.POLICY_STATEMENT),
        ("Washington says Beijing will approve more licences from December",
         "Washington said on Sunday that Beijing will approve more export licences from "
         "December 1.", Category.POLICY_STATEMENT),
        ("Trade talks end", "The White House said on Saturday that China will issue general "
         "licenses for rare earths from December 1.", Category.POLICY_STATEMENT),
        ("Trade talks end", "A US official claimed on Saturday that China will suspend its "
         "export controls on gallium for one year.", Category.POLICY_STATEMENT),
        # China's own word, or the act done: the act
        ("China will issue general licences for rare earths from December 1",
         "China will issue general licences for exports of rare earths from December 1, the "
         "Ministry of Commerce said on Sunday.", Category.LICENSING),
        ("China issues general licences for rare earths", "China issued general licences for "
         "exports of rare earths on Monday, the White House said.", Category.LICENSING),
        ("MOFCOM says China will suspend controls from Nov 10", "The Ministry of Commerce said "
         "on Wednesday that China will suspend the export controls from November 10.",
         Category.SUSPENSION),
        ("Trade talks end", "China will suspend its export controls on gallium from November 10, "
         "the Ministry of Commerce said on Saturday.", Category.SUSPENSION),
        ("Trade talks end", "The White House said China suspended its export controls on "
         "gallium on Monday.", Category.SUSPENSION),
        # a foreign state named before the sayer, not as it (dev-338)
        ("Trade truce extended", "As part of the extension of the China-US trade truce "
         "announced on Tuesday, the Ministry of Commerce said it would keep suspended for another "
         "90 days its export control measures against 16 US entities.", Category.SUSPENSION),
    ],
)
def test_another_government_telling_what_china_will_do_is_a_statement(title, lead, category):
    """"White House fact sheet says China will issue general licenses" (dev-1176): China's act to
    come told in another government's words is that government's account, a statement: an
    instrument the text shows (the US rule suspended "for one year") is not China's; China's own
    word with its instrument, or the act told done, is the act."""
    assert _news(title, lead, "2025-11-02") == category.value, lead


@pytest.mark.parametrize(
    ("title", "lead", "category"),
    [
        ("Trump exempts USMCA goods from tariffs until April 2",
         "US President Donald Trump said on Thursday that goods from Mexico covered by the "
         "USMCA will be exempt from the 25 percent tariffs until April 2.",
         Category.POLICY_STATEMENT),
        ("Takaichi raises tariffs on Chinese steel", "Japanese Prime Minister Sanae Takaichi "
         "said on Friday that Japan would raise tariffs on Chinese steel.",
         Category.POLICY_STATEMENT),
        ("Merz lifts tariffs on Chinese cars", "German Chancellor Friedrich Merz said on Friday "
         "that Germany lifted tariffs on Chinese cars.", Category.POLICY_STATEMENT),
        ("Lutnick imposes tariffs on Chinese drones", "US Commerce Secretary Howard "
         "Lutnick said on Friday that tariffs on Chinese drones were imposed.",
         Category.POLICY_STATEMENT),
        ("Donald Trump suspends tariffs on Chinese goods", "US President Donald Trump said on "
         "Friday that tariffs on Chinese goods were suspended.", Category.POLICY_STATEMENT),
        # a Chinese official named, or no name the lead makes foreign: the act
        ("Wang suspends export controls on gallium", "Chinese Commerce Minister Wang Wentao said "
         "on Friday that China suspended export controls on gallium.", Category.SUSPENSION),
        ("Li announces tariffs on US farm goods", "Premier Li Qiang said on Monday China would "
         "impose tariffs on US farm goods from March 10.", Category.TARIFF),
        ("MOFCOM imposes tariffs on US farm goods", "US President Donald Trump said on Monday "
         "China's tariffs on US farm goods from March 10 were unfair.", Category.TARIFF),
        ("Beijing imposes tariffs on US coal", "China imposed tariffs on US coal on Monday, "
         "days after US President Donald Trump raised tariffs.", Category.TARIFF),
        ("China suspends tariffs on US goods", "China suspended tariffs on US goods on Monday.",
         Category.TARIFF),
    ],
)
def test_a_headline_name_the_lead_gives_a_foreign_office_acts_for_its_state(title, lead,
                                                                           category):
    """"Trump exempts USMCA goods from tariffs" with "US President Donald Trump said …" in the
    lead (dev-1136): a headline's subject named by a person alone, whom the lead introduces with a
    foreign office, acts for that state: a foreign act, a statement; a Chinese official named,
    or a subject that is no such name, leaves the act China's."""
    assert _news(title, lead, "2025-03-07") == category.value, lead


QA_TITLE = "商务部新闻发言人就调整出口管制管控名单相关措施答记者问"


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        ("答：商务部发布2025年第69号公告，自2025年11月10日起，停止执行对15家美国实体采取的相关措施。",
         Category.SUSPENSION),
        ("答：商务部发布了2025年第69号公告，自11月10日起继续暂停实施相关措施。",
         Category.SUSPENSION),
        ("答：商务部、海关总署发布2025年第61号公告，自12月1日起对相关物项实施出口管制。",
         Category.CONTROLLED_ITEM_CHANGE),
        ("答：商务部公布2025年第13号公告，自公布之日起将15家美国实体列入出口管制管控名单。",
         Category.ENTITY_LISTING),
        ("A: The ministry issued Announcement No. 69 of 2025 and suspended the measures against "
         "16 US entities from November 10.", Category.SUSPENSION),
        # a number with no start date after it only names a measure: the answer is a statement
        ("答：商务部发布2025年第69号公告，中方始终依法对管控名单实施动态管理。",
         Category.POLICY_STATEMENT),
        ("答：关于2025年第69号公告，中方愿与美方一道落实共识。", Category.POLICY_STATEMENT),
        ("答：去年商务部发布2024年第46号公告，自2024年12月3日起禁止两用物项出口，我们的立场没有变化。",
         Category.POLICY_STATEMENT),
        ("答：商务部此前发布2025年第69号公告，中方立场一贯。", Category.POLICY_STATEMENT),
        ("答：中方愿与美方一道，落实好两国元首会晤达成的重要共识。", Category.POLICY_STATEMENT),
    ],
)
def test_an_answer_telling_a_numbered_announcement_with_its_start_is_the_act(answer, category):
    """"答：…商务部发布2025年第69号公告，自2025年11月10日起，停止执行…" (dev-1241): an answer that
    tells an announcement issued by its number and, after it, the day its act starts, tells the
    instrument itself: the act beats the messenger; a number with no start date after it, or an
    announcement of an earlier year, only names a measure."""
    body = ("11月5日，商务部新闻发言人就调整出口管制管控名单相关措施答记者问。\n\n"
            "问：请问具体情况如何？\n\n" + answer)
    assert classify_category(QA_TITLE, body, "relay", "2025-11-06") == category.value, answer


RELATIVE_TITLE = "New rare earth rules reach foreign-made magnets"


@pytest.mark.parametrize(
    ("lead", "category"),
    [
        ("Foreign companies will need a licence to export magnets made abroad, under export "
         "control measures the ministry announced on Thursday.", Category.CONTROLLED_ITEM_CHANGE),
        ("Exporters will need licences to ship the listed items, under export control "
         "measures the Ministry of Commerce announced on Thursday.",
         Category.CONTROLLED_ITEM_CHANGE),
        ("Overseas buyers face new paperwork, under the export control measures MOFCOM announced "
         "on Monday.", Category.CONTROLLED_ITEM_CHANGE),
        ("Traders will need a licence for graphite, under export control measures the "
         "ministry announced on Friday.", Category.CONTROLLED_ITEM_CHANGE),
        # the ministry's words on a measure, or an announcing told after the measure by a
        # subordinator (another event), relay an official: a statement
        ("Foreign companies will need a licence under export controls, the ministry said on "
         "Thursday.", Category.POLICY_STATEMENT),
        ("Exporters will feel the export controls for months after the ministry announced on "
         "Thursday that it would review them.", Category.POLICY_STATEMENT),
        ("Foreign companies will need a licence under export controls, after the ministry "
         "announced on Thursday a review.", Category.POLICY_STATEMENT),
        ("Export controls are lawful and in line with international practice, the ministry "
         "said on Thursday.", Category.POLICY_STATEMENT),
    ],
)
def test_a_measure_the_ministry_announced_is_the_act_not_a_relay(lead, category):
    """"… under export control measures the ministry announced on Thursday" (dev-1238): a
    measure followed by "the ministry announced" in a contact or that/which relative clause has
    for its own verb the announcing, told after it: the act of the day, not an official relayed
    (as "the ministry announced export controls on …" is); "the ministry said", or an announcing
    after a clause break or a subordinator, stays the ministry's words."""
    body = lead + "\n\nThe rules take effect later this year, traders said."
    assert _news(RELATIVE_TITLE, body, "2025-10-10") == category.value, lead


READOUT_TITLE = "中美双方同意将联合安排延期"
READOUT_BODY = ("新华社北京9月28日电 商务部美洲大洋洲司负责人28日介绍了中美经贸磋商有关情况。\n\n"
                "该负责人表示，双方进行了坦诚、深入的交流。\n\n{}\n\n"
                "该负责人表示，中方愿与美方一道推动中美经贸关系健康发展。")


@pytest.mark.parametrize(
    ("paragraph", "category"),
    [
        ("2025年11月，商务部、海关总署发布公告，暂停实施2025年10月9日公布的相关出口管制措施，"
         "暂停期限至2026年11月10日。", Category.POLICY_STATEMENT),
        ("2025年11月，商务部发布公告，暂停实施相关出口管制措施，暂停期限至2026年11月10日。",
         Category.POLICY_STATEMENT),
        ("2026年3月，商务部发布公告，暂停实施对15家美国实体的相关措施，期限至11月10日。",
         Category.POLICY_STATEMENT),
        ("In November 2025, the ministry suspended the measures announced on October 9 until "
         "November 10, 2026.", Category.POLICY_STATEMENT),
        ("2025年，商务部暂停实施了相关出口管制措施，至2026年11月10日。", Category.POLICY_STATEMENT),
        # a date of the month before, or of the news's month, may be the news peg
        ("8月，商务部发布公告，暂停实施相关出口管制措施，暂停期限至11月10日。",
         Category.SUSPENSION),
        ("9月26日，商务部发布公告，暂停实施相关出口管制措施，暂停期限至11月10日。",
         Category.SUSPENSION),
        ("27日，商务部发布公告，暂停实施相关出口管制措施。", Category.SUSPENSION),
        # no opening date: a day number of the news still dates the paragraph
        ("商务部27日发布公告，暂停实施相关出口管制措施。", Category.SUSPENSION),
    ],
)
def test_a_paragraph_opened_by_an_earlier_date_is_history(paragraph, category):
    """"2025年11月，…暂停实施2025年10月9日公布的…，暂停期限至2026年11月10日" told on 28 September
    2026 (dev-1339): a sentence opened by its own date is dated by it; a month or more before
    the month before the news it is history, not the news peg, whatever day numbers of full
    dates or terms it names later."""
    body = READOUT_BODY.format(paragraph)
    assert _news(READOUT_TITLE, body, "2026-09-28") == category.value, paragraph


@pytest.mark.parametrize(
    ("sentence", "received"),
    [
        ("Exporters of antimony can likewise obtain licenses for civilian uses.", False),
        ("Exporters can still obtain licences for civilian uses.", False),
        ("Firms may secure licences if they show end users.", False),
        ("Buyers could receive licences within 45 days.", False),
        ("Exporters are able to obtain licences for civilian uses.", False),
        ("企业可以获得出口许可。", False),
        ("合规企业能够取得出口许可。", False),
        ("The magnet maker has obtained a general licence.", True),
        ("Exporters obtained licences last week.", True),
        ("The firm said it had secured export licences.", True),
        ("企业已获得出口许可。", True),
        ("Three firms received licences on Monday.", True),
    ],
)
def test_a_licence_one_can_obtain_is_not_received(sentence, received):
    """"Exporters of antimony can likewise obtain licenses for civilian uses" (dev-1300): a
    modal of ability or possibility (can, may, could, 可以, 能够) before the receiving verb tells
    what may be received, not a licence received."""
    assert (_received_licence(sentence) is Category.LICENSING) is received, sentence


QA_RELAYED_TITLE = ("The spokesperson of the Ministry of Commerce answered the question on the "
                    "export of the dual-use items to the Japanese civil users")


@pytest.mark.parametrize(
    ("question", "answer", "category"),
    [
        ("On January 15, a reporter asked: Can the ministry introduce the situation of the "
         "approval of the export to the Japanese civil users?",
         "The spokesperson said that a batch of the applications has been approved and the "
         "licenses have been issued.", Category.LICENSING),
        ("A reporter asked: How many applications have been received?",
         "The spokesperson said that the applications that meet the rules have been approved.",
         Category.LICENSING),
        ("A journalist asked: Has the ministry issued licences to civilian users?",
         "The spokesperson said that licences have been issued to several exporters.",
         Category.LICENSING),
        ("有记者问：商务部对民用用户的出口申请审批情况如何？",
         "发言人表示，商务部已依法批准了一批出口申请。", Category.LICENSING),
        ("记者提问：企业的许可申请进展如何？", "发言人表示，符合规定的申请已获批准。",
         Category.LICENSING),
        ("On January 15, a reporter asked: Can the ministry introduce the situation of the "
         "approval of the export to the Japanese civil users?",
         "The spokesperson said that applications will be reviewed according to the law.",
         Category.POLICY_STATEMENT),
        ("A reporter asked: What is China's view on Japan's remarks?",
         "The spokesperson said that the Japanese side should correct its wrong words.",
         Category.POLICY_STATEMENT),
        ("A reporter asked: How many applications have been received?",
         "The spokesperson said that the ministry is reviewing them.",
         Category.POLICY_STATEMENT),
        ("有记者问：中方如何看待日方的言论？", "发言人表示，日方应当纠正错误言行。",
         Category.POLICY_STATEMENT),
        ("有记者问：企业的许可申请进展如何？", "发言人表示，商务部将依法审查有关申请。",
         Category.POLICY_STATEMENT),
    ],
)
def test_a_question_relayed_as_a_reporter_asked_sets_the_topic(question, answer, category):
    """"On January 15, …, a reporter asked: … the situation of the approval of the export to
    the Japanese civil users?" (dev-1419): a reporter's question relayed in a paragraph (记者问,
    "a reporter asked") is a question of the Q&A as much as a transcript's "Q:"; asked about
    approvals, answers that report approvals made are the act (licensing); answers that
    promise or react are the statement."""
    body = f"{question}\n{answer}\nThe office reminds exporters to apply in time."
    assert classify_category(QA_RELAYED_TITLE, body, "relay") == category.value, question


DATA_RELEASE_TITLE = "商务部：以旧换新政策效果持续显现 家电销售额同比增长"


@pytest.mark.parametrize(
    ("paragraph", "category"),
    [
        ("有记者问：美方近日宣布加严对华半导体出口管制，商务部有何回应？发言人表示，中方坚决反对。"
         "中方已于12月3日发布公告，加强相关两用物项对美国出口管制。", Category.POLICY_STATEMENT),
        ("有记者问：美方将多家中国实体列入实体清单，商务部有何回应？发言人表示，中方坚决反对，"
         "中方已发布公告，将部分美国实体列入出口管制管控名单。", Category.POLICY_STATEMENT),
        ("记者提问：对美方加征关税有何评论？发言人表示，中方已宣布对美国商品加征关税。",
         Category.POLICY_STATEMENT),
        ("有记者问：镓锗出口管制有何进展？发言人表示，中方已发布公告，对镓、锗相关物项实施出口管制。",
         Category.POLICY_STATEMENT),
        ("有记者问：商务部对欧方措施有何回应？发言人表示，中方已决定暂停实施相关措施。",
         Category.POLICY_STATEMENT),
        ("同日，商务部发布公告，加强相关两用物项对美国出口管制。", Category.CONTROLLED_ITEM_CHANGE),
        ("商务部同日发布公告，将部分美国实体列入出口管制管控名单。", Category.ENTITY_LISTING),
        ("国务院关税税则委员会同日宣布对美国商品加征关税。", Category.TARIFF),
        ("同日，商务部发布公告，对镓、锗相关物项实施出口管制。", Category.CONTROLLED_ITEM_CHANGE),
        ("商务部同日宣布暂停实施相关出口管制措施。", Category.SUSPENSION),
    ],
)
def test_an_answer_inside_a_data_release_is_no_reported_act(paragraph, category):
    """A press conference led by figures (dev-1369: 以旧换新 … 家电销售额同比增长) whose later
    paragraph is a reporter's question and the answer to it: the answer is the spokesperson's
    word on the question's topic (China's act named in it as background), not the act the
    release reports; an act the release itself tells in its own paragraph is its news."""
    body = ("新华社北京12月5日电 商务部新闻发言人5日表示，截至12月4日，"
            "8类家电产品销售量超过5000万台，带动销售额超过2000亿元。\n"
            "前10个月全国新设立外商投资企业超过4.7万家。\n" + paragraph)
    assert _news(DATA_RELEASE_TITLE, body, "2024-12-05") == category.value, paragraph


NEW_MEASURES_LEAD = ("外交部发言人7日在例行记者会上表示，中方有关举措完全正当合法，"
                     "日方应当深刻反省，切实纠正错误言行。")
NEW_MEASURES_LEAD_EN = ("A foreign ministry spokesperson said on Wednesday that the measures were "
                        "fully legitimate and lawful and that Tokyo should correct its words.")


@pytest.mark.parametrize(
    ("title", "lead", "second", "category"),
    [
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "商务部6日宣布，禁止向日本军事用户、军事用途出口所有两用物项。",
         Category.CONTROLLED_ITEM_CHANGE),
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "商务部6日宣布，将20家日本实体列入出口管制管控名单。", Category.ENTITY_LISTING),
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "国务院关税税则委员会6日宣布，对原产于日本的部分商品加征10%关税。", Category.TARIFF),
        ("中国对日本采取反制措施 外交部回应", NEW_MEASURES_LEAD,
         "商务部6日宣布，禁止向日本军事用户出口两用物项。", Category.CONTROLLED_ITEM_CHANGE),
        ("商务部对日采取新措施 外交部：完全正当合法", NEW_MEASURES_LEAD,
         "商务部6日宣布，将10家日本实体列入出口管制管控名单。", Category.ENTITY_LISTING),
        ("China takes new measures against Japanese defense firms, foreign ministry says",
         NEW_MEASURES_LEAD_EN,
         "The Ministry of Commerce on Tuesday added 20 Japanese entities to its export control "
         "list.", Category.ENTITY_LISTING),
        ("Beijing unveils new measures on Japan; foreign ministry defends them",
         NEW_MEASURES_LEAD_EN,
         "The Ministry of Commerce on Tuesday banned exports of all dual-use items to Japanese "
         "military users.", Category.CONTROLLED_ITEM_CHANGE),
        ("China takes fresh countermeasures, foreign ministry says", NEW_MEASURES_LEAD_EN,
         "The Customs Tariff Commission on Tuesday imposed an additional 10 percent tariff on "
         "some Japanese goods.", Category.TARIFF),
        ("中方采取新举措 外交部：日方应停止挑衅", NEW_MEASURES_LEAD,
         "商务部6日宣布，对日本相关两用物项出口实施管制。", Category.CONTROLLED_ITEM_CHANGE),
        ("我国对日采取有关措施 外交部：日方应纠正错误", NEW_MEASURES_LEAD,
         "商务部6日发布公告，将15家日本实体列入出口管制管控名单。", Category.ENTITY_LISTING),
        # no act in the opening paragraphs, another government's act, history or a promise:
        # the messenger's word stays the news
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "日本内阁官房长官6日表示，日方对此表示抗议。", Category.POLICY_STATEMENT),
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "商务部2023年7月宣布对镓、锗相关物项实施出口管制。", Category.POLICY_STATEMENT),
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "发言人说，中方将视情况采取进一步措施。", Category.POLICY_STATEMENT),
        ("中方对日采取新举措 外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "“商务部已宣布禁止向日本军事用户出口两用物项，”一位学者说。", Category.POLICY_STATEMENT),
        ("日方对华采取新举措 外交部回应", NEW_MEASURES_LEAD,
         "日本经济产业省6日宣布，将多家中国企业列入出口管制清单。", Category.POLICY_STATEMENT),
        ("外交部：日方应纠正错误言行", NEW_MEASURES_LEAD,
         "日本经济界人士担心，措施可能影响部分企业采购。", Category.POLICY_STATEMENT),
        ("外交部：中方将采取必要措施", NEW_MEASURES_LEAD,
         "日本经济界人士担心，相关措施可能影响部分企业采购原材料。", Category.POLICY_STATEMENT),
        ("China takes new measures against Japanese defense firms, foreign ministry says",
         NEW_MEASURES_LEAD_EN,
         "Japan's trade ministry on Tuesday added 10 Chinese firms to its end-user list.",
         Category.POLICY_STATEMENT),
        ("China takes new measures against Japanese defense firms, foreign ministry says",
         NEW_MEASURES_LEAD_EN,
         "Japanese business groups said they were studying the impact on their supply chains.",
         Category.POLICY_STATEMENT),
        ("China takes new steps to boost consumption, spokesperson says", NEW_MEASURES_LEAD_EN,
         "Officials said the details would be released later this month.",
         Category.POLICY_STATEMENT),
    ],
)
def test_new_measures_in_the_headline_are_the_act_the_opening_reports(title, lead, second,
                                                                     category):
    """"中方对日采取新举措 外交部：日方应纠正错误言行" (dev-1417): a headline telling that China
    took new measures without naming them, over a lead that relays the foreign ministry's word
    on "中方有关举措", announces the act; the act the opening paragraphs report done
    (商务部6日宣布，禁止…出口所有两用物项) is the news, the spokesperson its messenger. No act
    there (reactions, a promise, history, a quoted speaker's words, another government's act)
    leaves the statement the news."""
    body = f"{lead}\n{second}\n日本经济界人士担心，措施可能影响部分企业从中国采购原材料和零部件。"
    assert _news(title, body, "2026-01-07") == category.value, (title, second)


# Probes of the thirty-second pass (docs/RULES.md, "the act beats the messenger"): everyday news
# pages that report an act of one category while quoting an official, a reaction or an expert,
# and pages that are truly statements with acts as background. Those the rules still read wrong
# are marked xfail (strict), so that a fix shows.
PROBE_DAY = "2025-06-11"
PROBES = [
    pytest.param(Category('controlled_item_change'), 'China to impose export controls on some gallium-related items',  # noqa: E501
                 'China will impose export controls on certain gallium and germanium related items from Aug 1, the Ministry of Commerce said on Monday.\n"The controls are in line with international practice and do not target any specific country," a ministry spokesperson said.\nAnalysts said the move could tighten global supply. The United States said it was studying the announcement.',  # noqa: E501
                 id='act00'),
    pytest.param(Category('controlled_item_change'), 'Spokesperson: controls on drone parts protect world peace',  # noqa: E501
                 'China on Tuesday announced export controls on some drone components and equipment, effective from Sept 1.\nA Ministry of Commerce spokesperson said in a statement that the measure was aimed at safeguarding national security and world peace.\nExperts said civilian uses would not be affected.',  # noqa: E501
                 id='act01'),
    pytest.param(Category('controlled_item_change'), '商务部新闻发言人就对部分稀土相关物项实施出口管制答记者问',  # noqa: E501
                 '商务部、海关总署10日发布公告，决定对部分中重稀土相关物项实施出口管制，自公告发布之日起正式实施。\n商务部新闻发言人表示，对相关物项实施出口管制是国际通行做法。\n业内专家认为，此举有利于维护产业链安全。',  # noqa: E501
                 id='act02'),
    pytest.param(Category('controlled_item_change'), 'China adds lithium battery technology to export control list; US criticizes move',  # noqa: E501
                 'China on Wednesday added technologies for making lithium battery cathodes to its catalogue of technologies prohibited or restricted from export, the commerce ministry said.\nThe US State Department criticized the decision, calling it coercive.\nA ministry official said the adjustment followed normal procedures.',  # noqa: E501
                 id='act03'),
    pytest.param(Category('controlled_item_change'), '中方宣布对超硬材料相关物项实施出口管制 外交部回应',  # noqa: E501
                 '商务部9日宣布，对超硬材料相关物项实施出口管制，自11月8日起施行。\n外交部发言人在例行记者会上表示，中方的做法符合国际惯例。\n有外国企业表示正在评估影响。',
                 id='act04'),
    pytest.param(Category('controlled_item_change'), 'China expands export controls to rare earth technologies, expert says move is measured',  # noqa: E501
                 'China expanded export controls on Thursday to cover technologies for rare earth mining and smelting, according to an announcement by the Ministry of Commerce.\n"This is a measured step," said Zhou Mi, a researcher at the Chinese Academy of International Trade and Economic Cooperation.\nThe controls take effect immediately.',  # noqa: E501
                 id='act05'),
    pytest.param(Category('controlled_item_change'), 'Beijing restricts exports of graphite items; Seoul voices concern',  # noqa: E501
                 "Beijing will require export permits for some graphite items from Dec 1, the Ministry of Commerce and the General Administration of Customs said in a joint announcement on Friday.\nSouth Korea's trade ministry said it was concerned about supply.\nThe ministry said the measure was not targeted at any country.",  # noqa: E501
                 id='act06'),
    pytest.param(Category('controlled_item_change'), '中国对部分无人机相关物项实施出口管制 专家：符合国际惯例',  # noqa: E501
                 '商务部、海关总署31日联合发布公告，对部分无人机相关物项实施出口管制，自9月1日起正式实施。\n专家表示，这一举措符合国际惯例，有利于维护世界和平。\n商务部新闻发言人说，中方一贯反对将无人机用于军事目的。',  # noqa: E501
                 id='act07'),
    pytest.param(Category('controlled_item_change'), 'China lifts controls on some consumer drones from list, ministry says',  # noqa: E501
                 "China on Tuesday removed several categories of consumer drones from its dual-use items export control list, the commerce ministry said.\nA ministry spokesperson said the change reflected the items' civilian nature.\nIndustry groups welcomed the decision.",  # noqa: E501
                 id='act08', marks=pytest.mark.xfail(strict=True)),
    pytest.param(Category('controlled_item_change'), 'China tightens export controls on antimony, spokesperson explains',  # noqa: E501
                 'China announced on Sunday that it will place antimony ores and metals under export control from Sept 15.\n"The measure is to safeguard national security and interests," the commerce ministry\'s spokesperson said.\nAntimony prices rose on the news, traders said.',  # noqa: E501
                 id='act09'),
    pytest.param(Category('controlled_item_change'), '中方调整两用物项出口管制清单 美方表示关切',
                 '商务部15日发布公告，将部分高性能材料纳入两用物项出口管制清单，自公告发布之日起实施。\n美国贸易代表办公室表示关切。\n商务部有关负责人表示，调整清单是依法依规的正常做法。',  # noqa: E501
                 id='act10'),
    pytest.param(Category('suspension'), 'China suspends export ban on gallium to US, ministry says',  # noqa: E501
                 'China on Sunday suspended a ban on exports of gallium, germanium and antimony to the United States that was announced last December, the Ministry of Commerce said.\nThe suspension runs until Nov 27 next year, the ministry said.\n"This is a goodwill gesture," said a trade analyst in Beijing.',  # noqa: E501
                 id='act11'),
    pytest.param(Category('suspension'), '商务部暂停实施相关出口管制措施 发言人：体现诚意',
                 '商务部7日发布公告，暂停实施10月9日公布的部分出口管制措施，至2026年11月10日。\n商务部新闻发言人表示，这体现了中方落实双方共识的诚意。\n美方对此表示欢迎。',  # noqa: E501
                 id='act12'),
    pytest.param(Category('suspension'), 'China halts rare earth controls for a year; Washington welcomes step',  # noqa: E501
                 'China on Friday suspended for one year the export control measures on rare earths announced in October, the commerce ministry said.\nThe White House welcomed the decision.\nA ministry official said China was ready to work with the US to implement the consensus.',  # noqa: E501
                 id='act13'),
    pytest.param(Category('suspension'), 'China pauses unreliable entity list measures on US firms',
                 'China will suspend measures against 17 US firms on its unreliable entity list for 90 days from Monday, the Ministry of Commerce said on Sunday.\nA spokesperson said the step implemented the consensus reached in Geneva.\nExperts said it would ease tensions.',  # noqa: E501
                 id='act14'),
    pytest.param(Category('suspension'), '中方宣布暂停对美部分实体的出口管制措施 专家解读',
                 '商务部12日宣布，自即日起暂停对28家美国实体采取的出口管制措施，为期90天。\n专家表示，这一举措有利于稳定中美经贸关系。\n美方官员对此表示赞赏。',
                 id='act15'),
    pytest.param(Category('suspension'), 'China suspends port fees on US ships, spokesperson says',
                 'China on Monday suspended for one year the special port fees on US vessels it imposed in October, the transport ministry said.\nA commerce ministry spokesperson said the suspension reflected the Kuala Lumpur consensus.\nShipping analysts said the move would lower costs.',  # noqa: E501
                 id='act16'),
    pytest.param(Category('suspension'), 'Commerce ministry halts export restrictions on Japanese firms; Tokyo reacts',  # noqa: E501
                 'The Ministry of Commerce on Wednesday suspended export restrictions it had placed on three Japanese companies, effective immediately.\nJapan\'s chief cabinet secretary said Tokyo welcomed the step.\n"China has always handled such matters in accordance with law," the ministry said.',  # noqa: E501
                 id='act17', marks=pytest.mark.xfail(strict=True)),
    pytest.param(Category('suspension'), '中国暂停执行部分出口管制措施 外交部：有利于双方',
                 '商务部、海关总署5日联合发布公告，自即日起暂停执行对镓、锗、锑的对美出口禁令，至2026年11月27日。\n外交部发言人表示，这有利于中美两国和世界。\n分析人士认为此举释放积极信号。',  # noqa: E501
                 id='act18'),
    pytest.param(Category('tariff'), 'China suspends additional 24% tariff on US goods, ministry says',  # noqa: E501
                 'China will suspend its additional 24 percent tariff on US goods for 90 days starting Wednesday, the State Council Tariff Commission said on Tuesday.\nA commerce ministry spokesperson said the move followed the talks in Geneva.\nUS officials welcomed the step.',  # noqa: E501
                 id='act19'),
    pytest.param(Category('suspension'), 'China pauses controls on lithium battery items; industry welcomes move',  # noqa: E501
                 'China on Thursday suspended export controls on certain lithium battery items announced last month, the commerce ministry said.\nBattery makers welcomed the decision, saying it would ease supply concerns.\n"We will keep studying the effect," a ministry official said.',  # noqa: E501
                 id='act20'),
    pytest.param(Category('licensing'), 'China approves some rare earth export applications, spokesperson says',  # noqa: E501
                 'China has approved a certain number of export applications for rare earth items, commerce ministry spokesperson He Yadong said on Thursday.\nHe said the ministry would continue to strengthen review of compliant applications.\nEuropean companies said shipments had begun to arrive.',  # noqa: E501
                 id='act21'),
    pytest.param(Category('licensing'), '商务部：已依法批准一定数量的合规申请',
                 '商务部新闻发言人12日表示，商务部已依法依规审查并批准了一定数量的稀土相关物项出口申请。\n发言人说，中方愿与各国加强出口管制对话。\n欧盟商会对此表示欢迎。',
                 id='act22'),
    pytest.param(Category('licensing'), 'China issues general licences for rare earth exports to EU firms',  # noqa: E501
                 'China has begun issuing general licences for exports of rare earth magnets to some European companies, the commerce ministry said on Tuesday.\nThe EU Chamber of Commerce welcomed the step.\nAn expert said general licences would shorten approval times.',  # noqa: E501
                 id='act23'),
    pytest.param(Category('licensing'), '中方向部分企业发放稀土出口通用许可 企业：缓解供应压力',
                 '商务部10日表示，已向部分企业发放稀土相关物项出口通用许可。\n有欧洲企业表示，这将缓解供应压力。\n专家指出，通用许可将提高出口便利化水平。',
                 id='act24'),
    pytest.param(Category('licensing'), 'China grants licences for gallium exports, easing shortage',  # noqa: E501
                 'China\'s commerce ministry has granted export licences to several gallium producers, the ministry said on Wednesday.\nTraders said the first shipments could leave next week.\n"Compliant trade will be facilitated," a ministry spokesperson said.',  # noqa: E501
                 id='act25'),
    pytest.param(Category('licensing'), 'China approves export of graphite to Korean battery maker; Seoul welcomes',  # noqa: E501
                 "China approved an export licence for graphite to a South Korean battery maker, the company said on Monday.\nSouth Korea's trade ministry welcomed the approval.\nA Chinese commerce ministry spokesperson said applications are reviewed in accordance with law.",  # noqa: E501
                 id='act26'),
    pytest.param(Category('licensing'), '商务部批准部分企业出口许可申请 发言人回应',
                 '商务部新闻发言人在例行发布会上表示，商务部已批准部分企业提交的镓、锗出口许可申请。\n发言人说，对于符合规定的申请，商务部将依法予以许可。\n业内人士表示，出口有望逐步恢复。',  # noqa: E501
                 id='act27'),
    pytest.param(Category('licensing'), 'China sets up green channel for rare earth export licences, ministry says',  # noqa: E501
                 'China has set up a green channel to speed up approval of rare earth export licences for EU companies, the commerce ministry said on Saturday.\nA spokesperson said the channel would facilitate compliant trade.\nThe EU welcomed the step.',  # noqa: E501
                 id='act28'),
    pytest.param(Category('licensing'), 'China issues first export licences for antimony since controls; experts react',  # noqa: E501
                 "China's commerce ministry issued the first export licences for antimony products since controls took effect, customs data and traders said on Friday.\nExperts said exports would recover gradually.\nA ministry spokesperson said compliant applications would be approved.",  # noqa: E501
                 id='act29'),
    pytest.param(Category('licensing'), '中方已批准部分稀土出口申请 欧方表示欢迎',
                 '商务部新闻发言人何亚东5日表示，中方已批准了一批稀土出口许可申请。\n欧盟委员会发言人表示欢迎。\n何亚东说，中方愿与欧方保持沟通。',
                 id='act30'),
    pytest.param(Category('enforcement'), 'China cracks down on rare earth smuggling, ministry says',  # noqa: E501
                 'Chinese authorities have launched a campaign against the smuggling of strategic minerals including rare earths, the Ministry of Commerce said on Monday.\nA spokesperson said illegal exports harm national security.\nExperts said the crackdown would close loopholes.',  # noqa: E501
                 id='act31'),
    pytest.param(Category('enforcement'), '商务部等部门开展打击战略矿产走私专项行动',
                 '商务部、公安部、海关总署等部门9日召开会议，部署开展打击战略矿产走私出口专项行动。\n商务部有关负责人表示，要严厉打击违法违规出口行为。\n专家认为，此举有助于维护出口管制秩序。',  # noqa: E501
                 id='act32'),
    pytest.param(Category('enforcement'), 'Customs seizes smuggled gallium at port; official warns exporters',  # noqa: E501
                 'Customs officers in Shenzhen seized 2 tonnes of gallium being smuggled out of the country, the General Administration of Customs said on Tuesday.\n"We will severely punish violations of export control," a customs official said.\nAnalysts said the case showed enforcement was tightening.',  # noqa: E501
                 id='act33'),
    pytest.param(Category('enforcement'), 'China fines company for illegal export of dual-use items',  # noqa: E501
                 'The Ministry of Commerce has fined a company in Zhejiang for exporting dual-use items without a licence, the ministry said on Wednesday.\nA spokesperson said the penalty was in accordance with the Export Control Law.\nLegal experts said it was among the first such cases.',  # noqa: E501
                 id='act34'),
    pytest.param(Category('enforcement'), '海关查获走私出口锑锭案 官员：将严厉打击',
                 '海关总署11日通报，广州海关查获一起走私出口锑锭案，涉案货物30吨。\n海关有关负责人表示，将持续严厉打击走私出口管制物项违法行为。\n业内人士表示，此案具有警示意义。',  # noqa: E501
                 id='act35'),
    pytest.param(Category('enforcement'), 'China investigates firms over suspected export control violations, spokesperson says',  # noqa: E501
                 "China's commerce ministry has opened investigations into several firms suspected of violating export controls on rare earths, a spokesperson said on Thursday.\nThe spokesperson said the ministry would deal with violations in accordance with law.\nForeign buyers said they were monitoring the situation.",  # noqa: E501
                 id='act36'),
    pytest.param(Category('enforcement'), '中方处罚违规出口两用物项企业 专家：彰显依法管控',
                 '商务部13日公布，对一家违规出口两用物项的企业作出行政处罚，罚款并没收违法所得。\n专家表示，这彰显了依法实施出口管制的决心。\n商务部新闻发言人说，将继续加强执法。',  # noqa: E501
                 id='act37'),
    pytest.param(Category('enforcement'), 'China launches crackdown on transshipment of controlled minerals',  # noqa: E501
                 'China launched a nationwide crackdown on the transshipment of controlled minerals through third countries, the commerce ministry said on Friday.\nThe ministry said several cases had been uncovered.\n"Third-country transshipment undermines our controls," a researcher said.',  # noqa: E501
                 id='act38'),
    pytest.param(Category('enforcement'), 'Customs officers intercept rare earth shipment; ministry vows to punish violators',  # noqa: E501
                 'Customs officers at Qingdao port intercepted an illegal shipment of rare earth magnets bound for overseas, the customs administration said on Sunday.\nThe commerce ministry vowed to punish violators.\nExperts said smuggling had risen since the controls.',  # noqa: E501
                 id='act39'),
    pytest.param(Category('enforcement'), '商务部通报违规出口案件 发言人：零容忍',
                 '商务部16日通报了三起违规出口管制物项案件，涉事企业已被依法查处。\n商务部新闻发言人表示，对违法出口行为零容忍。\n分析人士表示，执法力度正在加大。',
                 id='act40'),
    pytest.param(Category('entity_listing'), 'China adds 12 US firms to export control list; Washington protests',  # noqa: E501
                 "China on Wednesday added 12 US entities to its export control list, banning exports of dual-use items to them, the commerce ministry said.\nThe US State Department protested the decision.\nA ministry spokesperson said the firms had harmed China's national security.",  # noqa: E501
                 id='act41'),
    pytest.param(Category('entity_listing'), '商务部将多家美国企业列入不可靠实体清单 外交部回应',
                 '商务部不可靠实体清单工作机制4日发布公告，将11家美国企业列入不可靠实体清单。\n外交部发言人表示，中方坚决维护国家主权和安全。\n美方对此表示不满。',
                 id='act42'),
    pytest.param(Category('entity_listing'), 'China puts US defense firms on unreliable entity list, expert says move is targeted',  # noqa: E501
                 'China on Tuesday placed seven US defense companies on its unreliable entity list over arms sales to Taiwan, the commerce ministry said.\n"The move is targeted and restrained," said an expert at a Beijing think tank.\nThe companies are barred from import and export activities related to China.',  # noqa: E501
                 id='act43'),
    pytest.param(Category('entity_listing'), '中方将28家美国实体列入出口管制管控名单 专家：依法维护安全',  # noqa: E501
                 '商务部2日发布公告，将28家美国实体列入出口管制管控名单，禁止向其出口两用物项。\n专家表示，此举是依法维护国家安全的正当举措。\n商务部新闻发言人说，守法企业无需担心。',  # noqa: E501
                 id='act44'),
    pytest.param(Category('entity_listing'), 'China lists Japanese firms on export control list; Tokyo lodges protest',  # noqa: E501
                 "China's commerce ministry on Thursday added 20 Japanese entities to its export control list, prohibiting exports of dual-use items to them.\nJapan lodged a protest through diplomatic channels.\nA spokesperson said the entities had participated in enhancing Japan's military capabilities.",  # noqa: E501
                 id='act45'),
    pytest.param(Category('entity_listing'), 'China blacklists US drone maker; company says it will respond',  # noqa: E501
                 'China added a US drone maker to its unreliable entity list on Monday, the commerce ministry said.\nThe company said it was reviewing the decision.\n"China\'s door remains open to law-abiding foreign firms," a ministry spokesperson said.',  # noqa: E501
                 id='act46'),
    pytest.param(Category('entity_listing'), '商务部将部分欧洲企业纳入管控名单 欧方表示关切',
                 '商务部10日宣布，将5家欧洲企业纳入出口管制管控名单，自公告发布之日起实施。\n欧盟对此表示关切。\n商务部有关负责人表示，中方依法采取措施。',
                 id='act47'),
    pytest.param(Category('entity_listing'), 'China designates Taiwan arms suppliers as unreliable entities, ministry says',  # noqa: E501
                 'China designated three US companies involved in arms sales to Taiwan as unreliable entities on Friday, the commerce ministry said.\nThe foreign ministry said the move was a legitimate response.\nAnalysts said the firms had little business in China.',  # noqa: E501
                 id='act48'),
    pytest.param(Category('entity_listing'), '中方对美国军工企业采取反制措施 列入不可靠实体清单',
                 '商务部8日发布公告，将10家美国军工企业列入不可靠实体清单，禁止其从事与中国有关的进出口活动。\n外交部发言人表示，中方敦促美方停止对台售武。\n专家认为，反制措施针对性强。',  # noqa: E501
                 id='act49'),
    pytest.param(Category('entity_listing'), 'China adds firms to export control list, spokesperson says law-abiding firms need not worry',  # noqa: E501
                 'China placed 15 foreign entities on its export control list on Sunday, the commerce ministry said.\nA spokesperson said law-abiding firms need not worry.\nOne listed company said it had no business in China.',  # noqa: E501
                 id='act50'),
    pytest.param(Category('tariff'), 'China imposes 15% tariffs on US coal, LNG; ministry says response is necessary',  # noqa: E501
                 "China will impose tariffs of 15 percent on US coal and liquefied natural gas from Feb 10, the State Council Tariff Commission said on Tuesday.\nA commerce ministry spokesperson said the countermeasures were necessary to safeguard China's interests.\nAnalysts said the move was measured.",  # noqa: E501
                 id='act51'),
    pytest.param(Category('tariff'), '国务院关税税则委员会对原产于美国的部分进口商品加征关税 专家解读',  # noqa: E501
                 '国务院关税税则委员会4日发布公告，自3月10日起对原产于美国的部分进口商品加征10%至15%关税。\n专家表示，这是对美方单边加税的必要回应。\n商务部新闻发言人说，中方敦促美方纠正错误做法。',  # noqa: E501
                 id='act52'),
    pytest.param(Category('tariff'), 'China raises tariffs on US goods to 125%, spokesperson says',
                 'China will raise additional tariffs on US goods to 125 percent from Saturday, the Tariff Commission of the State Council said on Friday.\nA commerce ministry spokesperson said China would fight to the end.\nUS officials called the move unfortunate.',  # noqa: E501
                 id='act53'),
    pytest.param(Category('tariff'), 'China slaps anti-dumping duties on EU brandy; Brussels reacts',  # noqa: E501
                 'China will impose anti-dumping duties on brandy imported from the European Union starting Saturday, the commerce ministry said on Friday.\nThe European Commission said it would challenge the decision at the WTO.\nFrench cognac makers expressed disappointment.',  # noqa: E501
                 id='act54'),
    pytest.param(Category('tariff'), '中方对加拿大部分农产品加征关税 外交部回应',
                 '国务院关税税则委员会8日宣布，自3月20日起对原产于加拿大的油菜籽油等农水产品加征关税。\n外交部发言人表示，中方措施是对加方歧视性措施的回应。\n加方表示遗憾。',  # noqa: E501
                 id='act55'),
    pytest.param(Category('tariff'), 'China cuts tariffs on US goods to 10%, experts see thaw',
                 'China will lower its additional tariff on US goods to 10 percent from Wednesday, the Tariff Commission said.\nExperts said the step signaled a thaw.\n"China is willing to work with the US," a ministry spokesperson said.',  # noqa: E501
                 id='act56'),
    pytest.param(Category('tariff'), 'China imposes anti-dumping duties on Japanese steel, ministry says',  # noqa: E501
                 "China will levy anti-dumping duties of up to 30 percent on stainless steel from Japan for five years, the commerce ministry said on Monday.\nJapan's trade ministry said it regretted the decision.\nAn expert said the ruling followed a year-long investigation.",  # noqa: E501
                 id='act57'),
    pytest.param(Category('tariff'), '中方对原产于美国的进口商品加征34%关税 商务部：坚决反制',
                 '国务院关税税则委员会4日发布公告，自4月10日起对原产于美国的所有进口商品加征34%关税。\n商务部新闻发言人表示，中方将坚决反制。\n美方对此表示批评。',
                 id='act58'),
    pytest.param(Category('tariff'), 'China levies tariffs on Canadian pork, seafood; Ottawa protests',  # noqa: E501
                 "China imposed 25 percent tariffs on Canadian pork and seafood from Thursday, the Tariff Commission said.\nCanada's agriculture minister called the tariffs unjustified.\nA foreign ministry spokesperson said Canada had caused the dispute.",  # noqa: E501
                 id='act59'),
    pytest.param(Category('tariff'), 'China to impose extra tariffs on US farm goods, spokesperson explains',  # noqa: E501
                 'China will impose extra tariffs of 10 to 15 percent on US farm goods from March 10, the Tariff Commission announced on Tuesday.\nA commerce ministry spokesperson explained that the step was a response to US tariffs.\nUS farm groups said they were worried.',  # noqa: E501
                 id='act60'),
    pytest.param(Category('policy_statement'), 'Spokesperson: export controls not aimed at any country',  # noqa: E501
                 'China\'s export controls are not aimed at any specific country, a commerce ministry spokesperson said on Thursday.\nThe spokesperson said China announced controls on some rare earth items in April in line with international practice.\n"China is willing to strengthen dialogue with relevant countries," he said.',  # noqa: E501
                 id='stmt00'),
    pytest.param(Category('policy_statement'), '商务部新闻发言人就稀土出口管制答记者问',
                 '有记者问：中方对稀土相关物项实施出口管制的目的是什么？\n答：中方对相关物项实施出口管制是国际通行做法，有利于维护世界和平。今年4月，商务部已发布相关公告。\n中方愿与各国加强对话。',  # noqa: E501
                 id='stmt01'),
    pytest.param(Category('policy_statement'), 'China urges US to stop abusing export controls',
                 'China urged the United States on Tuesday to stop abusing export controls, a commerce ministry spokesperson said.\nChina added 12 US firms to its export control list last month.\n"The US has overstretched the concept of national security," the spokesperson said.',  # noqa: E501
                 id='stmt02'),
    pytest.param(Category('policy_statement'), 'China will take necessary measures if US persists, ministry says',  # noqa: E501
                 'China will take necessary measures to safeguard its interests if the United States persists, the commerce ministry said on Wednesday.\nThe ministry said it firmly opposes the US move.\nExperts said China could consider further countermeasures.',  # noqa: E501
                 id='stmt03'),
    pytest.param(Category('policy_statement'), '外交部：中方将采取坚决措施维护自身权益',
                 '外交部发言人10日在例行记者会上表示，中方将采取坚决措施维护自身正当权益。\n发言人说，美方的做法严重违反市场经济原则。\n专家认为，中方可能采取反制措施。',
                 id='stmt04'),
    pytest.param(Category('policy_statement'), "Commerce ministry explains last week's rare earth controls",  # noqa: E501
                 'The controls on rare earth items announced last week comply with international practice, a commerce ministry spokesperson said on Thursday.\nShe said compliant exports would be approved.\nForeign firms have voiced concern about supply.',  # noqa: E501
                 id='stmt05'),
    pytest.param(Category('policy_statement'), '商务部：对稀土出口管制措施的说明',
                 '商务部新闻发言人12日表示，上周公布的稀土相关物项出口管制措施不针对任何特定国家。\n发言人说，对符合规定的申请将予以许可。\n有欧洲企业对供应表示担忧。',
                 id='stmt06'),
    pytest.param(Category('policy_statement'), 'China says it will study export control adjustments',  # noqa: E501
                 'China will study adjustments to its export control list in light of international developments, a commerce ministry official said on Monday.\nThe official said any change would be announced in due course.\nAnalysts said a new list could come later this year.',  # noqa: E501
                 id='stmt07'),
    pytest.param(Category('policy_statement'), 'China firmly opposes Dutch chip export curbs, spokesperson says',  # noqa: E501
                 "China firmly opposes the Netherlands' new chip equipment export restrictions, a commerce ministry spokesperson said on Friday.\nThe spokesperson urged the Dutch side to respect market rules.\nChina imposed controls on gallium exports in 2023.",  # noqa: E501
                 id='stmt08'),
    pytest.param(Category('policy_statement'), '中方回应美方对稀土管制的批评',
                 '外交部发言人11日表示，中方对稀土相关物项实施出口管制是正当合法的举措，美方的指责毫无道理。\n发言人说，中方愿与各方保持沟通。\n美国官员此前批评中方的出口管制措施。',  # noqa: E501
                 id='stmt09'),
    pytest.param(Category('policy_statement'), 'China pledges to facilitate compliant trade under export controls',  # noqa: E501
                 'China will facilitate compliant trade while implementing export controls, commerce minister Wang Wentao said on Tuesday.\nWang said China stood ready to work with the EU on supply chain stability.\nThe EU has raised concerns over licence delays.',  # noqa: E501
                 id='stmt10', marks=pytest.mark.xfail(strict=True)),
    pytest.param(Category('policy_statement'), 'China says rare earth controls will be implemented fairly',  # noqa: E501
                 'China will implement its rare earth export controls fairly and in accordance with law, a commerce ministry spokesperson said on Thursday.\nThe controls, announced in April, require licences for seven rare earth elements.\n"We welcome dialogue," the spokesperson said.',  # noqa: E501
                 id='stmt11'),
    pytest.param(Category('policy_statement'), '商务部回应欧盟关切：将加快审批',
                 '商务部新闻发言人何亚东19日表示，中方将进一步加快合规申请的审批。\n何亚东说，中方重视欧方关切。\n欧盟商会此前表示，许可审批耗时过长。',
                 id='stmt12'),
    pytest.param(Category('policy_statement'), "Expert: China's export control regime is maturing",
                 'China\'s export control system is becoming more mature and transparent, experts said at a forum in Beijing on Saturday.\nSince the Export Control Law took effect in 2020, China has issued controls on several minerals.\n"The regime follows international practice," said a professor at Renmin University.',  # noqa: E501
                 id='stmt13'),
    pytest.param(Category('policy_statement'), 'China considers countermeasures against EU probe, ministry says',  # noqa: E501
                 "China is considering countermeasures against the EU's anti-subsidy probe into Chinese electric vehicles, a commerce ministry spokesperson said on Thursday.\nThe spokesperson said China would safeguard the interests of its firms.\nEU officials said the probe was in line with WTO rules.",  # noqa: E501
                 id='stmt14'),
    pytest.param(Category('policy_statement'), '外交部：中方反对美方将中国企业列入实体清单',
                 '外交部发言人13日表示，中方坚决反对美方将中国企业列入实体清单。\n发言人说，中方将采取必要措施，坚决维护中国企业的正当权益。\n美国商务部12日将多家中国企业列入实体清单。',  # noqa: E501
                 id='stmt15'),
    pytest.param(Category('policy_statement'), 'China calls on Japan to correct its mistakes, spokesperson says',  # noqa: E501
                 "China called on Japan on Wednesday to correct its wrong words and deeds, a foreign ministry spokesperson said.\nThe spokesperson said China's measures announced last week were legitimate.\nJapan has protested against the measures.",  # noqa: E501
                 id='stmt16'),
    pytest.param(Category('policy_statement'), 'Commerce minister: China ready to talk with US on trade',  # noqa: E501
                 'China is ready to hold talks with the United States on trade issues, Commerce Minister Wang Wentao said on Monday.\nWang said tariffs hurt both sides.\nChina raised tariffs on US goods last month in response to US moves.',  # noqa: E501
                 id='stmt17'),
    pytest.param(Category('policy_statement'), '商务部：将研究出台出口管制便利化措施',
                 '商务部新闻发言人表示，商务部将研究出台出口管制便利化措施，为合规贸易提供便利。\n发言人说，相关措施将适时公布。\n业内人士对此表示期待。',
                 id='stmt18'),
    pytest.param(Category('policy_statement'), 'Spokesperson answers questions on unreliable entity list',  # noqa: E501
                 'A commerce ministry spokesperson said on Thursday that the unreliable entity list targets only a very small number of foreign entities.\nLaw-abiding foreign firms have nothing to worry about, the spokesperson said.\nChina added several US firms to the list earlier this year.',  # noqa: E501
                 id='stmt19'),
    pytest.param(Category('policy_statement'), 'China says tariff countermeasures are justified, urges US to cancel tariffs',  # noqa: E501
                 "China's tariff countermeasures are fully justified, a foreign ministry spokesperson said on Tuesday, urging the United States to cancel its unilateral tariffs.\nThe spokesperson said China does not want a trade war but is not afraid of one.\nChina announced the countermeasures on Friday.",  # noqa: E501
                 id='stmt20'),
    pytest.param(Category('policy_statement'), '外交部就中方出口管制措施答问',
                 '外交部发言人9日在例行记者会上表示，中方依法对相关物项实施出口管制，是维护国家安全和利益的正当做法。\n发言人说，中方措施不针对特定国家。\n上周，商务部宣布对部分物项实施出口管制。',  # noqa: E501
                 id='stmt21'),
    pytest.param(Category('policy_statement'), 'China vows to respond to Canadian tariffs',
                 "China will take measures to respond to Canada's tariffs on Chinese electric vehicles, a commerce ministry spokesperson said on Wednesday.\nThe spokesperson said Canada's move violated WTO rules.\nCanadian officials defended the tariffs.",  # noqa: E501
                 id='stmt22'),
    pytest.param(Category('policy_statement'), '商务部：中方始终致力于维护全球产供链稳定',
                 '商务部新闻发言人何咏前16日表示，中方始终致力于维护全球产业链供应链稳定。\n何咏前说，中方去年对镓、锗相关物项实施出口管制，是国际通行做法。\n她表示，中方愿与各方加强沟通。',  # noqa: E501
                 id='stmt23'),
    pytest.param(Category('policy_statement'), "Ambassador: China's export controls follow international practice",  # noqa: E501
                 'China\'s export controls follow international practice and are non-discriminatory, China\'s ambassador to the EU said in an interview on Monday.\nThe ambassador said China approved many applications from European firms.\n"We hope the EU will also relax its controls on high-tech exports to China," he said.',  # noqa: E501
                 id='stmt24'),
    pytest.param(Category('policy_statement'), 'China says it hopes US will meet it halfway on trade',  # noqa: E501
                 'China hopes the United States will meet it halfway, a commerce ministry spokesperson said on Thursday, after the two sides agreed to extend a tariff truce.\nThe spokesperson said the consensus should be implemented.\nAnalysts said further talks were expected.',  # noqa: E501
                 id='stmt25'),
]


@pytest.mark.parametrize(("category", "title", "body"), PROBES)
def test_act_beats_the_messenger_probes(category, title, body):
    """A page whose news is an act takes the act's category, whoever is quoted around it; a
    statement with acts as background stays policy_statement."""
    assert classify_category(title, body, "news", PROBE_DAY) == category.value


# --- the thirty-fifth pass: categories on the line -------------------------------------------

@pytest.mark.parametrize(("title", "category"), [
    ("Beijing puts its graphite export rules on hold until next spring", Category.SUSPENSION),
    ("China puts new export controls on hold", Category.SUSPENSION),
    # a product put on hold is no measure suspended
    ("Chipmaker puts its new plant on hold as demand slows", None),
])
def test_a_measure_put_on_hold_is_suspended(title, category):
    """'Puts … on hold' with a measure between the verb and 'on hold' suspends the measure; it
    is not a control put in place."""
    kinds = {a.category for a in read_acts(title)}
    if category is None:
        assert Category.SUSPENSION not in kinds
    else:
        assert category in kinds and Category.CONTROLLED_ITEM_CHANGE not in kinds


def test_a_measure_told_put_on_hold_in_the_passive_is_suspended():
    sentence = ("Exporters said the licence requirements that were due to start on Monday have "
                "been put on hold.")
    assert Category.SUSPENSION in {a.category for a in read_acts(sentence)}


def test_published_cases_of_controls_evaded_are_enforcement():
    title = "海关公布三起逃避出口管制典型案例"
    body = ("海关总署近日公布三起逃避出口管制的典型案例，涉及锑、镓等物项。\n"
            "其中一起案件中，某企业将锑锭伪报为合金出口，海关依法予以没收并处罚款。")
    assert classify_category(title, body, "news", "2025-03-10") == Category.ENFORCEMENT.value
    # controls named as what was evaded are no control imposed
    assert Category.CONTROLLED_ITEM_CHANGE not in {a.category for a in read_acts(title)}


REMINDER_TITLE = "Customs reminds traders of tungsten licence rules"
REMINDER_LEAD = ("Customs in Xiamen on Tuesday reminded exporters that shipments of tungsten "
                 "products need a licence from the Ministry of Commerce.")


def test_a_reminder_alone_is_no_control_imposed_nor_a_case():
    body = (REMINDER_LEAD + "\nThe rules have applied since February.\n"
            "Traders said the paperwork now takes about two weeks.")
    got = classify_category(REMINDER_TITLE, body, "news", "2025-06-10")
    assert got not in (Category.CONTROLLED_ITEM_CHANGE.value, Category.ENFORCEMENT.value)


QA_TITLE = "商务部新闻发言人就对部分物项实施出口管制答记者问"
QA_ANSWERS = ("\n问：此次管制的主要考虑是什么？\n答：相关物项具有军民两用属性，"
              "依法实施出口管制是国际通行做法。\n问：会否影响正常贸易？\n"
              "答：对于符合规定的出口将予以许可。")


def test_a_clause_joined_after_a_time_adverbial_keeps_the_foreign_actor():
    sentence = ("The Dutch government announced on Tuesday that it will widen its export controls "
                "on chip tools, and from June 1, the export of some inspection equipment will "
                "also require a license.")
    acts = read_acts(sentence)
    assert acts and all(a.foreign for a in acts)


def test_goods_made_subject_to_a_control_from_a_day_is_the_control_done():
    sentence = ("The ministry announced on Monday that exports of indium items will be subject to "
                "export control from March 1.")
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert acts and acts[0].done
    # a state is no act done
    state = "Items subject to export controls need a licence."
    assert not any(a.done for a in read_acts(state)
                   if a.category is Category.CONTROLLED_ITEM_CHANGE)


def test_what_the_ban_kept_out_may_again_be_done_is_the_suspension():
    title = "Exporters may again ship drones parts to five US firms"
    acts = read_acts(title)
    assert [a.category for a in acts if a.done] == [Category.SUSPENSION]


def test_a_control_named_inside_the_words_that_suspend_it_is_no_second_act():
    sentence = ("Makers said on Saturday they would keep their teams in place even though export "
                "controls that were due to take effect on Saturday have been put on hold.")
    assert [a.category for a in read_acts(sentence)] == [Category.SUSPENSION]


def test_items_added_to_a_control_list_in_the_passive_are_a_control():
    assert [a.category for a in read_acts("Tungsten, indium materials added to export control "
                                          "list")] == [Category.CONTROLLED_ITEM_CHANGE]
    assert [a.category for a in read_acts("Twelve US firms added to export control list")] == \
        [Category.ENTITY_LISTING]


def test_the_act_a_day_s_news_follows_is_the_news():
    title = "Indium suppliers study new rules"
    body = ("Chinese indium suppliers were busy on Tuesday night reading the fine print of a new "
            "export control announcement, after the Ministry of Commerce said the metal and its "
            "compounds would require export licenses from March 1.\n"
            "\"Our customers called within an hour,\" a sales manager said.")
    assert classify_category(title, body, "news", "2025-02-05") == \
        Category.CONTROLLED_ITEM_CHANGE.value
    # the same reaction to an act of an earlier year is no news of the act
    old = body.replace("after the Ministry of Commerce said", "after the Ministry of Commerce "
                       "said last year")
    assert classify_category(title, old, "news", "2025-02-05") != \
        Category.CONTROLLED_ITEM_CHANGE.value


# One case per principle of the thirty-fifth pass: (principle, title, body, source kind, published,
# expected category).
LINE_CASES = [
    pytest.param(REMINDER_TITLE, REMINDER_LEAD + "\nOfficers at the port found 300 kilograms "
                 "of ammonium paratungstate declared as ordinary chemicals last week, and the "
                 "goods have been detained.\nThe case is under investigation.",
                 "news", "2025-06-10",
                 Category.ENFORCEMENT, id="a-reminder-that-comes-with-a-case-is-enforcement"),
    pytest.param(QA_TITLE, "3月2日，商务部发布2025年第15号公告，决定对部分物项实施出口管制。"
                 "商务部新闻发言人就此回答了记者提问。" + QA_ANSWERS, "relay", "2025-03-03",
                 Category.CONTROLLED_ITEM_CHANGE,
                 id="a-press-qa-that-opens-with-the-announcement-issued-is-the-act"),
    pytest.param(QA_TITLE, "问：我们注意到商务部3月2日发布2025年第15号公告，能否介绍有关情况？"
                 + QA_ANSWERS, "relay", "2025-03-03", Category.POLICY_STATEMENT,
                 id="a-press-qa-that-opens-with-a-question-stays-a-statement"),
    pytest.param("Ministry of Commerce spokesperson answers reporters' questions on the listing",
                 "(Translation Tool: Google Translate)\nOn March 2, the Ministry of Commerce "
                 "issued Announcement No. 15 of 2025, adding 10 US entities to the export "
                 "control list. The spokesperson answered reporters' questions.\nQ: Why were "
                 "these entities added?\nA: They endanger national security.\n"
                 "Q: Will normal trade be affected?\nA: No.", "relay", "2025-03-03",
                 Category.ENTITY_LISTING,
                 id="the-lead-is-read-after-a-machine-translation-line"),
    pytest.param("Tin traders rush orders before new deadline",
                 "Traders in Yunnan said on Friday they were clearing orders for overseas buyers.\n"
                 "\"We have three containers waiting at the port,\" a trader said.\n"
                 "The Ministry of Commerce said on Thursday that it would impose export controls "
                 "on some tin compounds. The controls take effect on October 1.\n"
                 "Tin is used in solder.", "news", "2025-08-22", Category.CONTROLLED_ITEM_CHANGE,
                 id="controls-announced-further-down-with-their-start-day-are-the-news"),
    pytest.param("Export controls are not a ban, ministry says",
                 "The controls announced on Thursday are not an export ban, and applications for "
                 "compliant trade will be approved, the Ministry of Commerce said on Sunday.\n"
                 "The spokesperson explained the considerations behind the rules.\n"
                 "The provisions on the threshold are due to take effect on Dec 1, experts said.",
                 "news", "2025-10-13", Category.POLICY_STATEMENT,
                 id="a-promise-of-approvals-stays-a-statement-beside-another-rule-taking-effect"),
    pytest.param("Kawasaki Heavy says it is studying Chinese listing",
                 "Kawasaki Heavy Industries said on Wednesday that it was studying the impact "
                 "after two of its units were placed on China's export control list.\n"
                 "China's Ministry of Commerce on Tuesday added 12 Japanese entities to the list.",
                 "news", "2026-03-04", Category.ENTITY_LISTING,
                 id="a-company-named-by-its-full-name-reacting-to-its-listing-is-the-listing"),
]


@pytest.mark.parametrize(("title", "body", "kind", "published", "category"), LINE_CASES)
def test_categories_on_the_line(title, body, kind, published, category):
    """The pages of the thirty-fifth pass's principles (docs/RULES.md) take their category."""
    assert classify_category(title, body, kind, published) == category.value


# --- acts in the reporter's own words (docs/RULES.md, thirty-seventh pass) --------------------

OWN_WORDS_TITLE = "China moves on minerals"
OWN_WORDS_TAIL = ("\nThe ministry said the step was in line with international practice.\n"
                  "Analysts said the market would adjust.")


def own_words(lead: str, category: Category, case_id: str, title: str = OWN_WORDS_TITLE):
    """A page whose headline names no act, its lead in a reporter's words, and its category."""
    return pytest.param(title, lead + OWN_WORDS_TAIL, category, id=case_id)


OWN_WORDS_CASES = [
    own_words("China will curb shipments of gallium and germanium abroad starting August 1, the "
              "commerce ministry said on Monday.", Category.CONTROLLED_ITEM_CHANGE,
              "curb-shipments-abroad"),
    own_words("Beijing on Tuesday clamped down on exports of drone parts, saying shippers must "
              "apply for licences from September 1.", Category.CONTROLLED_ITEM_CHANGE,
              "clamped-down-on-exports"),
    own_words("China has limited exports of graphite to licensed traders from December 1, the "
              "ministry said.", Category.CONTROLLED_ITEM_CHANGE, "limited-exports"),
    own_words("China curbed exports of some lithium battery materials on Thursday, citing "
              "national security.", Category.CONTROLLED_ITEM_CHANGE, "curbed-exports"),
    own_words("The commerce ministry on Wednesday expanded its export control regime to cover "
              "five more rare earth elements.", Category.CONTROLLED_ITEM_CHANGE,
              "regime-expanded-to-cover"),
    own_words("China on Wednesday broadened export restrictions on critical minerals, adding "
              "holmium and four other rare earths.", Category.CONTROLLED_ITEM_CHANGE,
              "broadened-restrictions"),
    own_words("China on Monday toughened its controls on exports of drone components.",
              Category.CONTROLLED_ITEM_CHANGE, "toughened-controls"),
    own_words("China will subject exports of certain superhard materials to licensing from "
              "November 8, the ministry announced on Thursday.", Category.CONTROLLED_ITEM_CHANGE,
              "subject-exports-to-licensing"),
    own_words("New Chinese rules that take effect on Monday make exports of gallium subject to "
              "approval.", Category.CONTROLLED_ITEM_CHANGE, "made-subject-to-approval"),
    own_words("China's commerce ministry on Friday unveiled a licensing requirement for exports "
              "of high-purity graphite.", Category.CONTROLLED_ITEM_CHANGE,
              "licensing-requirement-unveiled"),
    own_words("商务部周四宣布收紧部分稀土技术出口，相关技术出口须经许可。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-tightened-exports"),
    own_words("商务部和海关总署9日宣布，扩大稀土出口管制范围，新增五种中重稀土。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-control-scope-widened"),
    own_words("商务部周五表示，自12月1日起，部分石墨物项出口须经商务部许可。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-exports-need-the-ministry-s-permit"),
    own_words("我国决定对部分无人机相关物项加强出口管控，自9月1日起施行。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-export-management-tightened"),
    own_words("中方周三宣布限制镓、锗相关物项出口，自8月1日起实施。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-exports-limited"),
    own_words("China on Sunday eased its ban on gallium and germanium exports to the US until "
              "November 2026.", Category.SUSPENSION, "eased-a-ban"),
    own_words("China has temporarily waived the licence requirement for some rare earth exports "
              "to the US, the ministry said on Friday.", Category.SUSPENSION,
              "waived-a-requirement"),
    own_words("Beijing on Friday shelved for one year the export controls it announced on "
              "October 9.", Category.SUSPENSION, "shelved-controls"),
    own_words("China said on Sunday it would not enforce its ban on gallium exports to the US "
              "until November 2026.", Category.SUSPENSION, "would-not-enforce-a-ban"),
    own_words("China has greenlit some rare earth export applications from European firms, the "
              "ministry said on Thursday.", Category.LICENSING, "greenlit-applications"),
    own_words("The commerce ministry on Thursday cleared a batch of applications to export rare "
              "earth magnets to European carmakers.", Category.LICENSING, "cleared-applications"),
    own_words("China on Thursday blacklisted 12 US defense contractors, barring them from "
              "receiving dual-use items.", Category.ENTITY_LISTING, "blacklisted-contractors"),
    own_words("China on Friday hit US goods with an extra 34 percent tariff from April 10.",
              Category.TARIFF, "hit-goods-with-a-tariff"),
    own_words("China said on Tuesday it would slap additional levies of 10 to 15 percent on some "
              "US farm goods from March 10.", Category.TARIFF, "additional-levies"),
    own_words("China on Tuesday curbed dual-use exports to 40 Japanese entities linked to the "
              "country's military buildup.", Category.ENTITY_LISTING,
              "curbed-exports-to-counted-entities"),
    # the same verbs where China does nothing new
    own_words("The US on Tuesday curbed exports of advanced chips to China, a move Beijing said "
              "it firmly opposes.", Category.POLICY_STATEMENT, "another-government-curbs"),
    own_words("Japan on Friday tightened rules on exports of chipmaking equipment, adding 23 "
              "items to its list.", Category.POLICY_STATEMENT, "another-government-tightens"),
    own_words("商务部新闻发言人周二表示，美方限制对华芯片出口的做法严重违反市场原则，中方坚决反对。",
              Category.POLICY_STATEMENT, "zh-another-government-limits"),
    own_words("Analysts said on Monday China could curb exports of rare earth magnets if trade "
              "tensions worsen.", Category.POLICY_STATEMENT, "could-curb-is-a-possibility"),
    own_words("China said on Friday it would limit overseas sales of rare earth processing "
              "technology.", Category.POLICY_STATEMENT, "an-intention-without-its-instrument"),
    own_words("A European chamber said on Thursday that clear timelines for applications would "
              "help its members.", Category.POLICY_STATEMENT, "clear-is-no-clearing"),
]


@pytest.mark.parametrize(("title", "body", "category"), OWN_WORDS_CASES)
def test_acts_in_the_reporters_own_words(title, body, category):
    """Controls curbed, limited, tightened or widened, suspensions eased, waived or shelved,
    applications cleared, tariffs hit with: the act in a reporter's verbs takes its category."""
    assert classify_category(title, body, "news", "2025-10-10") == category.value


PASS_37_CASES = [
    pytest.param("China widens rare earth controls to foreign-made magnets",
                 "China on Thursday extended its export control regime beyond its borders, "
                 "requiring foreign companies to obtain a licence before exporting magnets made "
                 "abroad with Chinese rare earths.\nThe rules take effect on December 1.",
                 "2025-10-10", Category.CONTROLLED_ITEM_CHANGE,
                 id="controls-widened-to-a-new-reach"),
    pytest.param("Beijing defends curbs on dual-use exports to Japan",
                 "China's export control measures against Japan are lawful, a Foreign Ministry "
                 "spokesperson said on Wednesday, after Tokyo protested.\nThe Ministry of "
                 "Commerce announced the ban on Tuesday.", "2026-01-08",
                 Category.POLICY_STATEMENT, id="curbs-on-exports-is-a-name-not-a-verb"),
    pytest.param("Gallium curbs not aimed at any country: MOFCOM",
                 "China's move to put gallium exports under licensing does not target any "
                 "specific country, and compliant exports will be approved, a spokesperson for "
                 "the Ministry of Commerce said on Thursday.\nThe rules take effect on August 1.",
                 "2023-07-06", Category.POLICY_STATEMENT,
                 id="a-move-evaluated-and-approvals-promised-are-a-statement"),
    pytest.param("荷兰扩大光刻机出口管制范围 商务部回应",
                 "针对荷兰政府6日宣布扩大部分半导体制造设备出口管制范围，商务部新闻发言人7日答记者问时"
                 "表示，中方对此表示不满。\n发言人表示，中方将评估相关措施的影响。", "2024-09-07",
                 Category.POLICY_STATEMENT, id="zh-what-an-answer-is-about"),
]


@pytest.mark.parametrize(("title", "body", "published", "category"), PASS_37_CASES)
def test_the_thirty_seventh_pass(title, body, published, category):
    """Controls widened to a new reach are the act; a measure's name ("curbs on"), a move
    evaluated, approvals promised beside a control's start date and what a 针对 clause names
    are no act of the speaker's (docs/RULES.md)."""
    assert classify_category(title, body, "news", published) == category.value


def test_entities_included_in_a_list_are_a_reduced_relative():
    """"the 11 US entities included in the unreliable entity list on April 4": background to
    the sentence's act, not a listing done."""
    sentence = ("The suspension of the measures on the 11 US entities included in the "
                "unreliable entity list on April 4 will also continue for one year.")
    assert not any(a.category is Category.ENTITY_LISTING and a.reported_done
                   for a in read_acts(sentence))
    assert any(a.category is Category.ENTITY_LISTING and a.reported_done
               for a in read_acts("China on Friday included 11 US entities in the unreliable "
                                  "entity list."))


def test_measures_that_stop_being_implemented_are_suspended():
    acts = read_acts("The measures on the 15 US entities will stop being implemented.")
    assert [a.category for a in acts] == [Category.SUSPENSION]


OTHER_WORDS_CASES = [
    own_words("Nine Taiwan-linked arms suppliers were designated unreliable entities on Friday.",
              Category.ENTITY_LISTING, "designated-in-the-passive-without-as"),
    own_words("Four US drone makers were added to China's countermeasure list on Thursday.",
              Category.ENTITY_LISTING, "a-countermeasure-list"),
    own_words("Thirty-two US defense firms cut off from Chinese dual-use items.",
              Category.ENTITY_LISTING, "counted-entities-cut-off-from"),
    own_words("Two of the company's units and five executives were hit with Chinese "
              "countermeasures on Friday.", Category.ENTITY_LISTING, "hit-with-countermeasures"),
    own_words("商务部出口管制管控名单10日再添8家美国实体。", Category.ENTITY_LISTING,
              "zh-a-list-adds-entities"),
    own_words("商务部宣布对3家美国军工企业实施反制，禁止境内组织与其开展交易。",
              Category.ENTITY_LISTING, "zh-countermeasures-carried-out"),
    own_words("商务部13日宣布，将10家美国实体纳入出口管制管控名单。", Category.ENTITY_LISTING,
              "zh-into-the-entity-control-list"),
    own_words("商务部13日发布公告，将部分高温合金纳入两用物项出口管制清单。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-into-the-list-of-controlled-items"),
    own_words("Customs officers in Zhuhai stopped a truck carrying 200 kilograms of undeclared "
              "gallium on Saturday.", Category.ENFORCEMENT, "undeclared-goods"),
    own_words("The commerce ministry revoked the export licences of three traders caught "
              "shipping antimony to a listed entity.", Category.ENFORCEMENT,
              "licences-revoked-as-a-penalty"),
    own_words("商务部公布四起违反两用物项出口管制典型案例。", Category.ENFORCEMENT,
              "zh-cases-of-controls-breached"),
    own_words("Beijing grants first rare earth magnet export permits to European carmakers.",
              Category.LICENSING, "permits-granted"),
    own_words("The ministry has given a Ningbo magnet maker clearance to export to a German "
              "customer.", Category.LICENSING, "clearance-given-to-export"),
    own_words("多家稀土企业近日获颁通用许可。", Category.LICENSING, "zh-licences-issued-to"),
    own_words("Beijing hiked its levy on American goods to 84% on Wednesday.", Category.TARIFF,
              "a-levy-hiked"),
    own_words("Beijing scrapped its tariffs on Australian barley on Friday.", Category.TARIFF,
              "tariffs-scrapped"),
    own_words("Tariffs of up to 15% on American farm goods are lifted from Monday.",
              Category.TARIFF, "tariffs-lifted-in-the-passive"),
    own_words("Definitive anti-dumping duties of 21.5% to 48.1% on the resin were announced by "
              "MOFCOM on Tuesday.", Category.TARIFF, "duties-announced-in-the-passive"),
    own_words("Provisional anti-dumping duties of up to 38.1% will apply to brandy imports from "
              "Friday, MOFCOM said Thursday.", Category.TARIFF, "duties-that-will-apply-from"),
    own_words("Some drone engines now need a licence to leave China.",
              Category.CONTROLLED_ITEM_CHANGE, "need-a-licence-to-leave-the-country"),
    own_words("Foreign magnet makers will need Beijing's approval to export from December 1 "
              "under rules published on Thursday.", Category.CONTROLLED_ITEM_CHANGE,
              "need-someone-s-approval-to-export"),
    own_words("Beijing said Tuesday that dual-use goods may no longer go to US military users.",
              Category.CONTROLLED_ITEM_CHANGE, "may-no-longer-go-to"),
    own_words("中方5日宣布，原则上不予许可相关两用物项对美国出口。",
              Category.CONTROLLED_ITEM_CHANGE, "zh-licences-refused-for-a-country"),
    own_words("Rare-earth recycling technology was swept into China's export control net on "
              "Thursday.", Category.CONTROLLED_ITEM_CHANGE, "swept-into-the-control-net"),
    own_words("Beijing adds battery cathode know-how to its no-export technology list.",
              Category.CONTROLLED_ITEM_CHANGE, "added-to-the-no-export-technology-list"),
    own_words("MOFCOM on Sunday deferred its stricter end-user reviews for US buyers of "
              "graphite.", Category.SUSPENSION, "reviews-deferred"),
    own_words("Beijing on Friday lifted the special port fees it had imposed on US-linked ships.",
              Category.SUSPENSION, "fees-lifted"),
    own_words("In a Sunday notice, MOFCOM said the ban on gallium exports to the US would be "
              "suspended until November 27, 2026.", Category.SUSPENSION,
              "suspended-in-a-notice"),
    # guards
    own_words("China first placed graphite under temporary export controls in 2006, long "
              "before the current rules.", Category.POLICY_STATEMENT,
              "an-act-its-clause-puts-in-an-earlier-year"),
    own_words("Customs cleared 300 containers of rare earth magnets at Tianjin on Monday.",
              Category.POLICY_STATEMENT, "goods-that-cleared-customs"),
]


@pytest.mark.parametrize(("title", "body", "category"), OTHER_WORDS_CASES)
def test_acts_told_from_another_side(title, body, category):
    """Listings told from the listed party's side, licences from the receiver's, tariffs lifted
    or announced in the passive, controls told by what goods now need or may no longer do,
    breaches by their goods and penalties (docs/RULES.md, the thirty-seventh pass)."""
    assert classify_category(title, body, "news", "2025-10-10") == category.value


SECOND_BATCH_CASES = [
    own_words("China's commerce ministry on Friday named 12 US entities to its export control "
              "list.", Category.ENTITY_LISTING, "entities-named-to-a-list"),
    own_words("Twelve US firms go on Beijing's dual-use export blacklist.",
              Category.ENTITY_LISTING, "firms-go-on-a-blacklist"),
    own_words("Eight US firms come off Beijing's export blacklist as the deal takes hold.",
              Category.ENTITY_LISTING, "firms-come-off-a-blacklist"),
    own_words("China delists a US sensor maker from its countermeasure list.",
              Category.ENTITY_LISTING, "delisted"),
    own_words("China hits four more American firms with unreliable entity designations.",
              Category.ENTITY_LISTING, "hit-with-designations"),
    own_words("Beijing bans Chinese companies from doing business with a US radar maker.",
              Category.ENTITY_LISTING, "banned-from-doing-business-with"),
    own_words("商务部将三家立陶宛银行列入反制清单。", Category.ENTITY_LISTING,
              "zh-a-country-qualifies-the-entities"),
    own_words("On Thursday Beijing extended the freeze on its antimony ban against the US.",
              Category.SUSPENSION, "a-freeze-extended"),
    own_words("A further 90-day reprieve for 12 American companies on China's control list.",
              Category.SUSPENSION, "a-reprieve"),
    own_words("The ministry holds off on graphite curbs that were due to start on Monday.",
              Category.SUSPENSION, "holds-off-on-curbs"),
    own_words("Beijing keeps its countermeasures on hold for three more months.",
              Category.SUSPENSION, "countermeasures-on-hold"),
    own_words("稀土设备出口管制新规延期实施。", Category.SUSPENSION, "zh-implementation-postponed"),
    own_words("Suppliers to Korean chipmakers win Chinese approval to buy germanium.",
              Category.LICENSING, "approval-won"),
    own_words("Beijing hands out general licences to two Japanese carmakers.",
              Category.LICENSING, "licences-handed-out"),
    own_words("MOFCOM signs off on dozens of magnet export applications.", Category.LICENSING,
              "applications-signed-off"),
    own_words("Beijing clears antimony exports for a Swedish battery maker.", Category.LICENSING,
              "exports-cleared-for"),
    own_words("镓出口恢复：首张许可证于本周签发。", Category.LICENSING, "zh-a-licence-issued"),
    own_words("China imposes licensing on samarium and gadolinium exports.",
              Category.CONTROLLED_ITEM_CHANGE, "licensing-imposed"),
    own_words("Exports of dual-use items to Japanese military users banned outright.",
              Category.CONTROLLED_ITEM_CHANGE, "exports-banned-outright"),
    own_words("Diamond saw wire and cubic presses become controlled items in China.",
              Category.CONTROLLED_ITEM_CHANGE, "become-controlled-items"),
    own_words("部分锂电池正极材料纳入管控。", Category.CONTROLLED_ITEM_CHANGE, "zh-into-control"),
    own_words("China waives its extra duties on some US medical equipment.", Category.TARIFF,
              "extra-duties-waived"),
    own_words("Beijing retaliates with a 25% tariff on US farm goods.", Category.TARIFF,
              "retaliates-with-a-tariff"),
    own_words("Beijing scraps the extra 10% on US pork as the truce kicks in.", Category.TARIFF,
              "an-extra-rate-scrapped"),
    own_words("Authorities open a case against two firms suspected of transshipping gallium.",
              Category.ENFORCEMENT, "a-case-opened"),
    own_words("MOFCOM fines a tungsten exporter for false end-user declarations.",
              Category.ENFORCEMENT, "a-fine"),
    # guards
    own_words("A company named Arcadia Metals said on Monday its exports rose 10 percent.",
              Category.POLICY_STATEMENT, "a-company-named"),
    own_words("Analysts see little chance that the suspension will be extended.",
              Category.POLICY_STATEMENT, "an-extension-spoken-of"),
]


@pytest.mark.parametrize(("title", "body", "category"), SECOND_BATCH_CASES)
def test_acts_in_headline_words(title, body, category):
    """Listings, suspensions, licences, controls, tariffs and cases told as headlines tell them:
    named to a list, going on or coming off a blacklist, a freeze extended, a reprieve, approval
    won, licensing imposed, extra duties waived, a case opened (docs/RULES.md)."""
    assert classify_category(title, body, "news", "2025-10-10") == category.value


# The thirty-eighth pass: acts told from the other side of the act (the listed party, the payer
# of a duty, the holder of a licence), the owner of a list, a list of countries that is no clause.
OTHER_SIDE_CASES = [
    own_words("Another 12 Korean organisations are on Beijing's watch list as of Friday.",
              Category.ENTITY_LISTING, "on-a-list-as-of-a-day"),
    own_words("A Swiss optics supplier has been put on Beijing's watch list, the firm said on "
              "Monday.", Category.ENTITY_LISTING, "put-on-the-owners-list"),
    own_words("德方又有8家实体上榜出口管制管控名单。", Category.ENTITY_LISTING,
              "zh-the-listed-side-names-no-owner"),
    own_words("Two Canadian drone makers are among the newest entries on China's unreliable "
              "entity list.", Category.ENTITY_LISTING, "newest-entries"),
    own_words("Six US firms, two satellite makers among them, barred from China trade.",
              Category.ENTITY_LISTING, "an-appositive-before-barred"),
    own_words("中方对9家美国军工企业采取反制措施。", Category.ENTITY_LISTING,
              "zh-countermeasures-taken"),
    own_words("外交部公布对5家美国无人机企业的反制措施。", Category.ENTITY_LISTING,
              "zh-countermeasures-announced"),
    own_words("Austal shares slide after China sanctions its US subsidiaries.",
              Category.ENTITY_LISTING, "a-market-moves-after-the-act"),
    own_words("A US drone maker says China has frozen whatever assets it holds there.",
              Category.ENTITY_LISTING, "assets-frozen"),
    own_words("Importers of nylon from the US, EU, Japan and Taiwan must now post anti-dumping "
              "deposits.", Category.TARIFF, "a-list-of-countries-is-no-clause"),
    own_words("Cognac houses face anti-dumping deposits of about 30% after China's ruling on "
              "Friday.", Category.TARIFF, "deposits-faced"),
    own_words("US sorghum and pork face a 15% Chinese tariff from March 10.", Category.TARIFF,
              "a-tariff-faced"),
    own_words("A Thai magnet plant gets China's nod to import dysprosium.", Category.LICENSING,
              "a-nod-received"),
    own_words("Several Chinese magnet makers now hold general licences for their exports.",
              Category.LICENSING, "licences-now-held"),
    own_words("Exporter loses its export rights for three years after shipping gallium "
              "without a licence.", Category.ENFORCEMENT, "rights-lost"),
    own_words("中方宣布暂停对美国实体采取的出口管制措施一年。", Category.SUSPENSION,
              "zh-the-measures-ended-are-named"),
    own_words("The suspension of China's graphite controls, due to end on Sunday, has been "
              "rolled over to May 10.", Category.SUSPENSION, "a-suspension-rolled-over"),
    own_words("Dual-use exports to Taiwan's defence firms will now require a licence.",
              Category.CONTROLLED_ITEM_CHANGE, "will-now-require"),
    # guards: the other side of another government's act, the payer's own country's duty
    own_words("Chinese EV makers face anti-subsidy duties of up to 35% from the EU.",
              Category.POLICY_STATEMENT, "duties-faced-abroad"),
    own_words("Chinese solar firms face US duties after the Commerce Department's ruling.",
              Category.POLICY_STATEMENT, "the-owner-of-a-duty-named"),
    own_words("Three Chinese firms have been put on the US Entity List, they said on Monday.",
              Category.POLICY_STATEMENT, "a-foreign-list"),
    own_words("Buyers placed orders again after controls announced last month were put on hold.",
              Category.POLICY_STATEMENT, "trade-again-after-an-earlier-act"),
]


@pytest.mark.parametrize(("title", "body", "category"), OTHER_SIDE_CASES)
def test_acts_told_from_the_other_side(title, body, category):
    """A listing told by the listed party, a duty by its payer, a licence by its holder is the
    act of the list's, the duty's, the licence's owner (docs/RULES.md)."""
    assert classify_category(title, body, "news", "2025-10-10") == category.value


# The thirty-eighth pass, its third writer's headlines: controls named by their goods as they
# take effect, a headline's passive with no auxiliary, parties that land on or are taken off a
# list, approvals that came through, goods cleared for export, levies and extra duties lowered.
HEADLINE_FORMS_CASES = [
    own_words("Tungsten curbs kick in on Monday as China's new controls take effect.",
              Category.CONTROLLED_ITEM_CHANGE, "curbs-kick-in"),
    own_words("Bismuth controls take effect today, covering ingots and oxides.",
              Category.CONTROLLED_ITEM_CHANGE, "controls-take-effect"),
    own_words("Graphite export curbs that were due to start on Sunday postponed",
              Category.SUSPENSION, "a-headline-passive-postponed"),
    own_words("Magnet rule and battery curbs shelved till May 2027", Category.SUSPENSION,
              "a-headline-passive-shelved"),
    own_words("From today Beijing no longer applies its control measures to 12 US entities.",
              Category.SUSPENSION, "no-longer-applies"),
    own_words("China halts for six months its countermeasures against two US shipyards.",
              Category.SUSPENSION, "countermeasures-halted"),
    own_words("Watch-list measures on five Korean companies suspended for a year, MOFCOM says.",
              Category.SUSPENSION, "a-list-that-names-measures"),
    own_words("A third batch of Japanese firms, thirty in all, lands on China's control list.",
              Category.ENTITY_LISTING, "lands-on-a-list"),
    own_words("China takes three US companies off its unreliable entity list.",
              Category.ENTITY_LISTING, "taken-off-a-list"),
    own_words("Twelve EU entities barred from receiving Chinese dual-use items.",
              Category.ENTITY_LISTING, "barred-from-receiving"),
    own_words("Approval came through on Monday for a Dutch buyer's gallium imports.",
              Category.LICENSING, "approval-came-through"),
    own_words("Beijing confirms the first general licences have gone to four exporters.",
              Category.LICENSING, "licences-gone-to"),
    own_words("Terbium magnets for a German motor maker cleared for export.",
              Category.LICENSING, "cleared-for-export"),
    own_words("镓产品出口许可获批，首批货物启运。", Category.LICENSING, "zh-a-licence-approved"),
    own_words("China removes levies of up to 10% on US wheat from March 1.", Category.TARIFF,
              "levies-removed"),
    own_words("Beijing lowers extra duties on American goods to 10% from Friday.",
              Category.TARIFF, "extra-duties-lowered"),
    own_words("商务部公布对原产于日本的进口不锈钢反倾销调查最终裁定。", Category.TARIFF,
              "zh-a-final-ruling"),
    own_words("广东一企业无证出口镓制品被罚没。", Category.ENFORCEMENT, "zh-fined-and-confiscated"),
    own_words("Exporters of bismuth must now obtain licences, after Monday's announcement.",
              Category.CONTROLLED_ITEM_CHANGE, "licences-that-must-now-be-obtained"),
    # guards
    own_words("US chip controls take effect today, covering advanced lithography tools.",
              Category.POLICY_STATEMENT, "another-governments-controls-take-effect"),
    own_words("Analysts expect the curbs to be postponed until next year.",
              Category.POLICY_STATEMENT, "a-postponement-expected"),
    own_words("Shipments cleared for export by US customs fell 4% in October.",
              Category.POLICY_STATEMENT, "cleared-by-another-government"),
]


@pytest.mark.parametrize(("title", "body", "category"), HEADLINE_FORMS_CASES)
def test_acts_in_a_third_writers_headline_forms(title, body, category):
    """Controls taking effect by their goods, a headline's bare passive, a party that lands on
    or is taken off a list, an approval that came through (docs/RULES.md)."""
    assert classify_category(title, body, "news", "2025-10-10") == category.value


@pytest.mark.parametrize(("lead", "category"), [
    ("稀土永磁制备技术列入《中国禁止出口限制出口技术目录》，商务部、科技部20日发布调整决定。",
     Category.CONTROLLED_ITEM_CHANGE),
    ("商务部等部门发布《两用物项出口管制清单》，12月1日起施行。", Category.CONTROLLED_ITEM_CHANGE),
    # a title whose words tell an act is only named: 《关于…实施出口管制的公告》 in a question
    ("记者就《关于对部分稀土相关物项实施出口管制的公告》提问，发言人作了回答。",
     Category.POLICY_STATEMENT),
])
def test_a_chinese_titles_kind_tells_the_act_done_with_it(lead, category):
    """A control list published or a catalogue put to use (发布《…管制清单》, 列入《…技术目录》)
    is the act; any other title's words stay blanked in the lead (docs/RULES.md)."""
    assert classify_category("经贸动态", f"{lead}\n分析人士表示，市场需要时间适应。", "news",
                             "2025-10-10") == category.value


@pytest.mark.parametrize(("lead", "category"), [
    ("Export ban imposed on 14 more Korean defence-linked entities", Category.ENTITY_LISTING),
    ("Nine foreign organisations, including a Dutch sensor maker, added to unreliable entity "
     "list", Category.ENTITY_LISTING),
    # a finite verb outside the participle: the participle is a reduced relative clause again
    ("Firms added to unreliable entity list last year see sales slump", Category.POLICY_STATEMENT),
    # a sentence, not a headline: its participle clause is background
    ("Shares of firms added to the unreliable entity list in 2023 fell again in trading.",
     Category.POLICY_STATEMENT),
])
def test_a_headlines_participle_is_its_verb(lead, category):
    """A headline with no finite verb outside a participle clause ("Export ban imposed on 14
    more … entities") tells its act with the participle (docs/RULES.md)."""
    assert classify_category("Trade roundup", f"{lead}\nAnalysts said markets would take time to "
                             "adjust.", "news", "2025-10-10") == category.value


def test_a_statement_page_reports_the_instrument_issued_the_same_day() -> None:
    """A spokesperson's statement over a body that reports the instrument issued that same day
    (就在当天…发布公告; "The statement accompanied a decision … to add 14 foreign entities"):
    the act beats its messenger (classify.SAME_DAY_INSTRUMENT); without the instrument the page
    is the statement."""
    title = "商务部：中方始终致力于维护全球供应链稳定"
    said = ("商务部新闻发言人10日在答记者问时说，中方历来重视全球产供链稳定。\n"
            "发言人说，中方有关做法并非针对任何国家。\n")
    act = "就在当天，商务部与海关总署联合发布公告，宣布铋相关物项纳入出口管制范围，11月1日起施行。"
    assert _news(title, said + act, "2025-10-10") == Category.CONTROLLED_ITEM_CHANGE.value
    assert _news(title, said + "发言人表示，中方愿与各方加强对话。", "2025-10-10") \
        == Category.POLICY_STATEMENT.value
    english = ("The Ministry of Commerce on Thursday accused several foreign companies of "
               "harming China's security, a spokesperson said.\nThe statement accompanied a "
               "decision by the unreliable entity list working mechanism, published on Thursday, "
               "to add 9 foreign entities to the list.")
    assert _news("MOFCOM says foreign firms harmed China's security", english, "2025-10-10") \
        == Category.ENTITY_LISTING.value


def test_a_company_quoted_in_a_headline_on_its_listing() -> None:
    """A company quoted in a headline ("Korean shipyard 'studying impact' after being named on
    Chinese control list") speaks of its listing: the listing is the news."""
    title = "Korean shipbuilder 'studying impact' after being named on Chinese control list"
    body = ("A Busan-based shipbuilder said on Tuesday it was studying the impact of its inclusion "
            "on China's export control list.\nA spokesperson said it buys few materials from "
            "China.")
    assert _news(title, body, "2025-10-14") == Category.ENTITY_LISTING.value


def test_goods_that_cannot_leave_china_and_what_analysts_expect() -> None:
    """Goods that "cannot leave China without a permit" are under control; what analysts expect
    the authorities to do is not done (reading.FUTURE_BEFORE)."""
    joined = ("Tungsten and bismuth have joined the metals that cannot leave China without a "
              "permit from the Ministry of Commerce.\nTraders said prices rose.")
    assert _news("Two more metals join the club", joined, "2025-02-05") \
        == Category.CONTROLLED_ITEM_CHANGE.value
    expected = ("Chinese analysts said they expect the authorities to issue a new announcement "
                "extending the pause on the controls.\nBuyers are waiting.")
    assert _news("Analysts weigh the next step on rare earths", expected, "2026-10-20") \
        == Category.POLICY_STATEMENT.value


def test_a_relative_clause_before_the_main_verb_keeps_its_modal_and_government() -> None:
    """A relative clause opened by its own verb ends where the main verb group starts ("the
    curbs that were set to return in May will stay on hold"), and its modal or foreign
    government is not the main verb's ("goods that could help Taiwan's forces are now
    barred")."""
    [paused] = [a for a in read_acts(
        "Curbs on 12 American entities that were set to return in May will stay suspended for "
        "another year, the ministry said on Monday.") if a.category is Category.SUSPENSION]
    assert (paused.done, paused.background) == (True, False)
    [barred] = read_acts("Any dual-use goods that could help Taiwan's forces are now barred from "
                         "export, the ministry announced on Friday.")
    assert (barred.category, barred.done, barred.future, barred.foreign) == \
        (Category.CONTROLLED_ITEM_CHANGE, True, False, False)
    # an act inside the relative clause stays its background
    [told] = read_acts("Exporters met on Friday to discuss the rules that would impose export "
                       "controls on graphite from Monday.")
    assert told.background


def test_a_future_act_the_authority_announced_shows_its_instrument() -> None:
    """A future act the commerce ministry "announced" (not "said"), or one that starts "from next
    month", shows its instrument (reading.INSTRUMENT): the control is the news; the same act a
    ministry only "said" it will take stays a statement of intent."""
    lead = "Gallium nitride wafers will require export licences, {}."
    body = "\nTraders said they were studying the details."
    announced = lead.format("the commerce ministry announced on Tuesday")
    assert _news("Wafer makers weigh the news", announced + body, "2025-03-05") \
        == Category.CONTROLLED_ITEM_CHANGE.value
    dated = "Gallium nitride wafers will require export licences from next month, a notice said."
    assert _news("Wafer makers weigh the news", dated + body, "2025-03-05") \
        == Category.CONTROLLED_ITEM_CHANGE.value
    said = lead.format("the commerce ministry said on Tuesday")
    assert _news("Wafer makers weigh the news", said + body, "2025-03-05") \
        == Category.POLICY_STATEMENT.value


def test_goods_named_by_their_origin_and_a_duty_ended_from_a_day() -> None:
    """A country before its goods ("Australian barley", 美国原油) names their origin, not the
    government acting (reading.QUALIFIER_AFTER); a duty "ended from a day" (…税5月1日起取消,
    reading.EVENT_AFTER) is a tariff decision done."""
    [ended] = read_acts("美国高粱反倾销税5月1日起取消，商务部30日公布复审裁定。")
    assert (ended.category, ended.done, ended.foreign) == (Category.TARIFF, True, False)
    [levied] = read_acts("Australian barley faces an 80% anti-dumping duty from Tuesday.")
    assert levied.foreign is False


def test_an_unreliable_entity_barred_from_exporting_to_china_is_listed() -> None:
    """The unreliable entity list's import ban ("… banned from exporting … to China as
    unreliable entity measures widen", 不可靠实体清单工作机制…禁止…向中国出口) is a measure on the
    listed party (reading.ENTITY_ACT); a ban on selling to China under another government's
    rules is not."""
    [english] = read_acts("A US sequencing firm is banned from exporting its instruments to China "
                          "under new unreliable entity measures.")
    assert (english.category, english.done) == (Category.ENTITY_LISTING, True)
    [chinese] = read_acts("不可靠实体清单工作机制：禁止某美国测序仪器公司向中国出口相关仪器")
    assert (chinese.category, chinese.done) == (Category.ENTITY_LISTING, True)
    assert read_acts("Nvidia barred from selling H20 chips to China under new US rules") == []


def test_trade_flowing_again_after_a_licence_and_a_scheme_going_live() -> None:
    """Trade that "can flow again" or "resume(s) … shipments" after an act tells that act as the
    day's cause (reading.RESUMED); export exemptions granted are licences; a licence scheme that
    "goes live" takes effect (reading.EVENT_AFTER)."""
    [flow] = read_acts("Gallium can flow again to a Korean wafer maker after Beijing issued its "
                       "licence")
    assert (flow.category, flow.recent_event) == (Category.LICENSING, True)
    [resumed] = read_acts("Dutch chip plant to resume wafer shipments after export exemptions "
                          "granted")
    assert (resumed.category, resumed.done, resumed.recent_event) == \
        (Category.LICENSING, True, True)
    [live] = read_acts("The general licence scheme for rare earth magnets goes live")
    assert (live.category, live.done) == (Category.LICENSING, True)


def test_an_act_dated_just_before_its_verb_in_an_after_clause_is_the_days_news() -> None:
    """"… after Beijing on Tuesday named the company an unreliable entity": the day told between
    the actor and the verb dates the act to the news as a day after it does
    (reading._recent_event); a company named an unreliable entity without "as", and parties
    blacklisted by pronoun, are listed (reading.ENTITY_ACT)."""
    title = "Sequencer maker's China sales in doubt"
    lead = ("A US sequencer maker's China sales hang in the balance after Beijing on Thursday "
            "named the company an unreliable entity.")
    assert _news(title, lead, "2025-03-07") == Category.ENTITY_LISTING.value
    pronoun = ("Chinese exporters must stop selling dual-use goods to nine US drone makers after "
               "the commerce ministry blacklisted them on Friday.")
    assert _news("Drone makers cut off", pronoun, "2025-03-08") == Category.ENTITY_LISTING.value
    # dated months before, the same clause is the story's background
    earlier = lead.replace("on Thursday", "last year")
    assert _news(title, earlier, "2025-03-07") == Category.POLICY_STATEMENT.value


def test_a_page_about_something_else_reports_its_one_trade_news() -> None:
    """A page whose headline and lead tell a company's results, a port's volumes or an expo
    (no act, no authority of the regime, no word of a measure) reports the first act a later
    sentence tells done by China: the page's one trade news
    (classify._one_news_of_another_story); a headline on a foreign duty keeps its statement."""
    opening = ("Ningde port handled a record 3.1 million containers in the first half, up 9 "
               "percent, its operator said on Monday.\nRail-sea trains carried 200,000 "
               "containers.\nNew routes to Southeast Asia opened in May.\n")
    seized = ("Customs officers at the port also stopped a shipment of 15 tonnes of gallium ingots "
              "bound for a third country without an export licence.\n")
    title = "Ningde port handles record volumes in first half"
    assert _news(title, opening + seized, "2025-07-15") == Category.ENFORCEMENT.value
    assert _news(title, opening + "Rail-sea trains carried more goods.\n", "2025-07-15") \
        == Category.POLICY_STATEMENT.value
    duty = "US ends duty-free treatment for small parcels"
    assert _news(duty, opening + seized, "2025-07-15") == Category.POLICY_STATEMENT.value


def test_a_headline_on_a_markets_move_after_an_act_reports_the_act() -> None:
    """"The price of antimony products in the Rotterdam market rose after China announced export
    controls on antimony": a market's move told in the past, several words after its noun, before
    an after-clause (reading.MARKET_MOVED) tells the act as the day's cause, and the headline
    reports it (classify._headline); dated to an earlier year, it stays background."""
    lead = ("Dealers said spot prices of antimony ingots gained about 8 percent this week.\n"
            "Buyers were checking their stocks.")
    title = ("The price of antimony products in the Rotterdam market rose after China announced "
             "export controls on antimony and other items")
    assert _news(title, lead, "2024-08-20") == Category.CONTROLLED_ITEM_CHANGE.value
    assert _news(title.replace("after China announced", "years after China announced"), lead,
                 "2024-08-20") == Category.POLICY_STATEMENT.value


def test_a_licence_requirement_with_its_start_day_is_scheduled_not_intended() -> None:
    """"… will need export licences from September 1, the commerce ministry said on Monday": a
    requirement with its start day is a control scheduled (reading.CONTROLS_ACT, its instrument
    the day); without the day, "will need licences" is still an intention and no act."""
    lead = ("Certain industrial lasers will need export licences from September 1, the commerce "
            "ministry said on Monday.\nMakers said they were reviewing contracts.")
    assert _news("Laser makers weigh new rules", lead, "2025-07-28") \
        == Category.CONTROLLED_ITEM_CHANGE.value
    assert read_acts("Certain industrial lasers will need export licences, analysts said.") == []


# --------------------------------------------------------------------------- fortieth pass:
# acts told from the side of those they fall on (docs/RULES.md, "Reading rules of the fortieth
# pass"); each wording below is this file's own.

def _lead(sentence: str, published: str) -> str:
    """The category of a page whose lead is the sentence."""
    return _news("Trade roundup", f"{sentence}\nTraders said they were adjusting.", published)


@pytest.mark.parametrize(
    ("sentence", "published", "category"),
    [
        # duties told by their payer, with their start day; by their rate alone
        ("Importers of Canadian canola will pay higher duties in China from March 20 under a "
         "ruling published this week.", "2025-03-12", Category.TARIFF),
        ("US cotton and wheat arriving in Chinese ports from Monday carry an extra 15 percent "
         "tariff.", "2025-03-08", Category.TARIFF),
        ("Australian lobster sales to China froze on Friday as a 200 percent duty took effect.",
         "2024-06-14", Category.TARIFF),
        # a licence told by its holder
        ("Two Korean battery makers said on Tuesday their export permits for Chinese graphite "
         "had finally come through.", "2024-02-06", Category.LICENSING),
        ("Qingdao port loaded its first licensed consignment of gallium for Rotterdam on "
         "Thursday.", "2023-10-19", Category.LICENSING),
        ("据悉，湖南一家钨企已获出口许可证，积压订单得以交付。", "2025-03-20", Category.LICENSING),
        # a listing told by the listed party
        ("Five US drone makers were shut out of Chinese dual-use supplies on Monday when Beijing "
         "widened its export control list.", "2025-01-06", Category.ENTITY_LISTING),
        ("Eight Taiwan-linked defence firms had their property in China frozen on Thursday.",
         "2024-12-26", Category.ENTITY_LISTING),
        # a suspension told by its effect
        ("American aerospace suppliers had their access to Chinese dual-use goods restored for a "
         "year on Monday under the Kuala Lumpur arrangement.", "2025-11-10", Category.SUSPENSION),
        ("The prohibition on selling gallium and germanium to US buyers is lifted until "
         "November 27, 2026, brokers told clients on Monday.", "2025-11-10", Category.SUSPENSION),
        ("商务部宣布对15家美国实体的出口管制措施暂停实施一年。", "2025-11-06", Category.SUSPENSION),
        # a control told by what goods may do now
        ("Antimony ingots may now leave China only under licence, and exporters rushed to file "
         "papers on Sunday.", "2024-09-15", Category.CONTROLLED_ITEM_CHANGE),
        ("受新规影响，多家锑企15日表示，9月起对外发货须先申领出口许可证。", "2024-08-16",
         Category.CONTROLLED_ITEM_CHANGE),
        # a breach punished by the licence it cost
        ("A Xiamen tungsten trader lost its export licence on Tuesday for shipping to an "
         "undeclared end user, the commerce ministry said.", "2025-06-10", Category.ENFORCEMENT),
    ],
)
def test_an_act_told_from_the_side_it_falls_on_is_the_act(sentence, published, category) -> None:
    """Duties told by who pays them, licences by who holds them, listings by who is cut off,
    suspensions by what is restored, controls by what goods may now do: the act of the day."""
    assert _lead(sentence, published) == category.value


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("Importers fear they may pay higher duties on Canadian canola, analysts said on "
         "Wednesday.", "2025-03-12"),
        ("Korean battery makers are still waiting for their export permits, a trade body said on "
         "Tuesday.", "2024-02-06"),
        ("Analysts said Beijing could widen its export control list if talks fail.", "2025-01-06"),
    ],
)
def test_the_same_words_without_the_act_stay_a_statement(sentence, published) -> None:
    """A duty feared, a permit awaited, a list that could be widened: no act told."""
    assert _lead(sentence, published) == Category.POLICY_STATEMENT.value


def first_act(sentence: str):
    """The first act the sentence reports (one must be read)."""
    acts = read_acts(sentence)
    assert acts, sentence
    return acts[0]


def test_a_number_or_a_date_phrase_does_not_end_a_clause() -> None:
    """"after Beijing set final rates of 4.9 to 19.8 percent on Tuesday": the decimal point
    ends nothing, the day dates the ruling; "its first cargo since May had cleared customs
    under a Chinese export licence": "since May" dates a noun, the verb is the sentence's."""
    ruled = read_acts("Irish pork exporters will pay lower duties in China than feared after "
                      "Beijing set final rates of 3.2 to 14.5 percent on Tuesday.")
    assert any(a.category is Category.TARIFF and a.recent_event for a in ruled)
    cleared = first_act("A Dutch refiner said on Friday its first cargo of yttrium since May had "
                        "cleared customs in Ningbo under a Chinese export licence.")
    assert cleared.category is Category.LICENSING and not cleared.background \
        and not cleared.foreign


def test_a_rule_cited_by_its_date_months_before_is_history() -> None:
    """A data story's later paragraph cites the rule (根据商务部、海关总署7月3日发布的公告，自8月1日
    起，出口…须向商务部申请许可): told in September the rule is months old, history, and the
    story stays a statement; told on the day it takes effect it is the news."""
    title = "海关数据：8月份锗产品出口大幅回落"
    body = ("海关总署20日发布的数据显示，8月份我国锗产品出口量明显下降。\n\n业内人士表示，市场仍在"
            "观望。\n\n根据商务部、海关总署7月3日发布的公告，自8月1日起，出口锗相关物项须向商务部"
            "申请许可。")
    assert _news(title, body, "2023-09-20") == Category.POLICY_STATEMENT.value
    assert _news(title, body.replace("20日", "1日"), "2023-08-01") \
        == Category.CONTROLLED_ITEM_CHANGE.value


def test_a_reduced_relative_ends_at_the_main_verb_group() -> None:
    """"China's package of export control measures announced on October 9 will come into force
    in stages" (dev-1801): "announced on October 9" qualifies the measures, "will come into
    force" is the sentence's own verb, the controls' taking effect."""
    acts = read_acts("The export control measures announced on October 9 will come into force "
                     "in stages, exporters were told on Tuesday.")
    assert [(a.category, a.done, a.background) for a in acts] == \
        [(Category.CONTROLLED_ITEM_CHANGE, True, False)]


@pytest.mark.parametrize(
    ("title", "category"),
    [
        # "suspended" before a measure's noun names a state
        ("Countdown to Nov 10: what happens to Beijing's suspended export controls",
         Category.POLICY_STATEMENT),
        # a foreign government's speaker label: its account of China's act
        ("Japanese ministry: China's rare earth rule will not apply from December 1",
         Category.POLICY_STATEMENT),
        # the same act with no label is the act
        ("China's rare earth rule will not apply from December 1", Category.SUSPENSION),
    ],
)
def test_a_suspended_state_and_a_foreign_speakers_headline(title, category) -> None:
    """A countdown headline naming "suspended export controls" reports no act of suspending
    (dev-1825); a headline after a foreign government's label ("Korean government: …",
    dev-1812) is that government's statement."""
    body = "Companies were preparing for the date, analysts said on Monday.\nMore follows."
    assert _news(title, body, "2025-11-28") == category.value


@pytest.mark.parametrize(
    ("sentence", "published", "category"),
    [
        # a suspension kept until a day, or told by what it does to a date or a ban
        ("Measures against nine US defence firms will stay suspended until January 10, 2027, the "
         "commerce ministry said on Monday.", "2026-11-09", Category.SUSPENSION),
        ("Beijing's controls on lithium battery items are on hold for a year from Monday.",
         "2025-11-10", Category.SUSPENSION),
        ("China on Tuesday pushed back by 90 days the date on which its countermeasures against "
         "US drone makers would resume.", "2025-08-12", Category.SUSPENSION),
        ("Twelve US contractors are no longer subject to China's dual-use export ban from today.",
         "2025-11-10", Category.SUSPENSION),
        # a tariff that stays suspended is a tariff decision
        ("The 24% extra tariff on American goods stays suspended for another year from "
         "Monday.", "2025-11-10", Category.TARIFF),
        # duties that apply or take effect on a day
        ("Final anti-dumping duties on US polyamide apply from today.", "2025-06-02",
         Category.TARIFF),
        ("Lower Chinese duties on Australian barley take effect on Friday.", "2023-08-04",
         Category.TARIFF),
        # a listing joined, a party moved off a list
        ("Four US drone makers join China's unreliable entity list as of Thursday.",
         "2025-04-10", Category.ENTITY_LISTING),
        ("商务部决定即日起将三家美国企业从出口管制管控名单中移出。", "2026-03-02",
         Category.ENTITY_LISTING),
        # licences renewed or exemptions obtained
        ("A Yunnan germanium exporter said on Monday its licence for a German buyer had been "
         "renewed for a year.", "2025-09-01", Category.LICENSING),
        # requirements that start on a day
        ("Certain drone engines come under Chinese export control on September 1, according to a "
         "notice released on Wednesday.", "2024-07-31", Category.CONTROLLED_ITEM_CHANGE),
        ("Licences are now required for exports of high-purity graphite, under rules that took "
         "effect on Friday.", "2023-12-04", Category.CONTROLLED_ITEM_CHANGE),
        ("据海关消息，自今日起，相关石墨物项出口须凭两用物项出口许可证办理通关手续。",
         "2023-12-01", Category.CONTROLLED_ITEM_CHANGE),
        # enforcement told by the breach it looks for
        ("Customs began a month-long campaign on Monday against mis-declared exports of "
         "controlled metals.", "2025-06-09", Category.ENFORCEMENT),
    ],
)
def test_the_calendar_acts_told_by_their_day(sentence, published, category) -> None:
    """Acts whose news is a day: a suspension kept until a day, duties that apply from today,
    a list joined as of a day, requirements that start (docs/RULES.md, fortieth pass)."""
    assert _lead(sentence, published) == category.value


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("Analysts asked whether the controls will stay suspended after November 10.",
         "2026-10-20"),
        ("Exporters hope their licences will be renewed before the end of the year, a trade body "
         "said on Monday.", "2025-09-01"),
    ],
)
def test_a_day_without_its_act_stays_a_statement(sentence, published) -> None:
    """A question about a suspension's future and a licence hoped for tell no act."""
    assert _lead(sentence, published) == Category.POLICY_STATEMENT.value


@pytest.mark.parametrize(
    ("sentence", "published", "category"),
    [
        # the event of a clause of its own, after a sentence dated to the news: the day's cause
        ("Tungsten traders said on Friday they were rushing shipments out, after the authorities "
         "said a licensing requirement for the metal will apply from October 1.", "2025-09-05",
         Category.CONTROLLED_ITEM_CHANGE),
        # dated on a day of its own a month before: background to the market's news
        ("Bismuth prices hit a record this week as buyers scrambled for supply after China's "
         "export controls on the metal took effect on Feb 4.", "2025-03-14",
         Category.POLICY_STATEMENT),
        # a long count before "after": a term ago
        ("Korean motor makers are still waiting for licences, nearly three months after China "
         "introduced a licensing requirement for the magnets, a trade body said on Monday.",
         "2025-07-07", Category.POLICY_STATEMENT),
    ],
)
def test_an_event_after_the_days_news_is_its_cause_unless_dated_earlier(
        sentence, published, category) -> None:
    """An event in an after-clause of a sentence dated to the news is the day's cause (dev-1478);
    dated on a day of its own weeks before (dev-1694), or a long count ago (dev-961), it is
    background."""
    assert _lead(sentence, published) == category.value


@pytest.mark.parametrize(
    "lead",
    [
        # the day before the verb dates the act; the participle after it, what it acts on
        "China on Thursday lifted the export controls it imposed in March on nine US firms.",
        # "over the weekend" is the week of the news
        "Gallium buyers can apply for licences again after China put its US ban on hold over "
        "the weekend.",
    ],
)
def test_a_lifting_dated_by_its_day_and_a_weekend_suspension_are_the_news(lead):
    """docs/RULES.md, forty-first pass: the suspension is the page's act."""
    body = f"{lead}\nAnalysts said markets would take time to adjust."
    assert classify_category("Trade roundup", body, "news", "2026-06-15") == "suspension"


def test_a_period_begun_by_an_act_without_zi_is_background() -> None:
    """"对稀土相关物项实施出口管制以来，…已收到并批准了部分出口商提交的通用许可申请": the controls
    start the period (…以来, with or without 自), the news is the approval (forty-fourth pass)."""
    title = "对稀土相关物项实施出口管制以来"
    body = ("对稀土相关物项实施出口管制以来，部分中国出口商已初步达到申请通用许可的基本要求，"
            "商务部已收到并批准了部分中国出口商提交的通用许可申请。")
    assert classify_category(title, body, "news", "2025-12-18") == "licensing"


def test_an_editorial_labelled_after_its_headline_is_commentary() -> None:
    """The Global Times titles its editorials "…: Global Times editorial" (forty-fourth pass);
    the act the editorial defends does not make it news."""
    title = ("Japanese entities are placed under export controls; they have no reason to "
             "complain: Global Times editorial")
    body = ("China's Ministry of Commerce issued two announcements on Tuesday, adding 20 Japanese "
            "entities to its export control list and 20 to its watch list.")
    assert classify_category(title, body, "news", "2026-02-26") == "commentary"
    assert classify_category(title.split(":")[0], body, "news", "2026-02-26") != "commentary"


def test_what_a_spokesperson_speaks_on_after_jiu_is_no_act_of_the_day() -> None:
    """"就加强两用物项对日本出口管制，商务部新闻发言人何亚东表示…": 就 names the matter, the
    speaker follows the comma, as 针对 does (forty-fifth pass)."""
    title = "商务部：制止再军事化"
    body = ("商务部举行例行新闻发布会，就加强两用物项对日本出口管制，商务部新闻发言人何亚东表示，"
            "中国一贯积极履行防扩散国际义务。")
    assert classify_category(title, body, "news", "2026-01-08") == "policy_statement"
    assert classify_category(title, body.replace("就", "宣布"), "news",
                             "2026-01-08") == "controlled_item_change"


def test_a_control_that_is_not_a_ban_denies_the_ban() -> None:
    """"出口管制不是禁止出口": the ban after 不是 is denied, as after 并非 (forty-fifth pass)."""
    acts = read_acts("出口管制不是禁止出口")
    assert [a.negated for a in acts] == [False, True]
    title = "商务部：出口管制不是禁止出口 非针对特定国家"
    body = "商务部新闻发言人表示，对镓、锗相关物项实施出口管制是国际通行做法。"
    assert classify_category(title, body, "news", "2023-07-06") == "policy_statement"


def test_the_control_over_the_export_of_goods_is_a_control() -> None:
    """MOFCOM's English "tighten the control over the export of relevant dual-use items to the
    United States" names controls (forty-fifth pass); control of exports lost is none."""
    lead = ("China's Ministry of Commerce on Tuesday announced a decision to tighten the control "
            "over the export of relevant dual-use items to the United States.")
    assert classify_category("Dual-use items to the US", lead, "news",
                             "2024-12-03") == "controlled_item_change"
    assert read_acts("Beijing lost control of exports to Russia.") == []


def test_a_dateline_printed_as_its_own_paragraph_is_not_the_lead() -> None:
    """Taiwan's Central News Agency prints "中央社记者…北京2日电" as a paragraph of its own
    (forty-fifth pass): the lead is the paragraph after it."""
    body = to_simplified("中央社記者呂佳蓉北京2日電\n\n路透今天報導引述知情人士表示，至少有3家中國"
                         "稀土磁鐵生產商已獲得發放首批簡化版的出口許可證。")
    assert classify_category("路透今天报导引述知情人士表示", body, "news",
                             "2025-12-02") == "licensing"


def test_what_a_spokesperson_responds_to_is_no_act() -> None:
    """"China responds to reports of lifting restrictions on rare earth exports to India"
    (forty-fifth pass): the reported lifting is the matter of the words; a denial likewise."""
    title = "China responds to reports of lifting restrictions on rare earth exports to India"
    body = ("BEIJING: China is willing to strengthen dialogue and cooperation with relevant "
            "countries, a Foreign Ministry spokesperson told a press conference on Tuesday.")
    assert classify_category(title, body, "news", "2025-08-19") == "policy_statement"
    assert [a.background for a in read_acts(title)] == [True]
    assert [a.background for a in read_acts(title.replace("responds to reports of", "begins"))
            ] == [False]


@pytest.mark.parametrize(("sentence", "category"), [
    ("中方将采取或维持必要措施，暂停或取消针对美国的部分非关税反制措施。", "suspension"),
    ("China will suspend or remove non-tariff countermeasures against the US.", "suspension"),
    ("China will suspend the additional tariffs on US goods.", "tariff"),
])
def test_non_tariff_countermeasures_are_no_tariff(sentence, category) -> None:
    """非关税 / "non-tariff" names what is not a tariff (forty-fifth pass)."""
    assert [a.category.value for a in read_acts(sentence)][0] == category


@pytest.mark.parametrize(("headline", "category"), [
    ("China Adds Graphite to Export Control List", "controlled_item_change"),
    ("China puts gallium on its export control list", "controlled_item_change"),
    ("China adds 16 US entities to its export control list", "entity_listing"),
    ("China adds Skydio to its export control list", "entity_listing"),
])
def test_goods_added_to_a_list_are_controls_entities_a_listing(headline, category) -> None:
    """What an act adds to a list is goods or entities (forty-fifth pass)."""
    assert [a.category.value for a in read_acts(headline)] == [category]


# --- the forty-sixth pass (real pages, set real6) ----------------------------------------------

def test_a_foreign_government_speakers_account_of_chinas_act_is_a_statement() -> None:
    """"日本首相…日前表示，中国加强两用物项出口管制措施「…」": China's act told in a foreign
    government's words is news of those words (forty-sixth pass); companies saying what they
    see happen are no government's account."""
    title = "日本首相日前表示，中国加强两用物项出口管制措施“不符合国际惯例”"
    body = f"{title}，并要求中方撤回相关措施。"
    assert classify_category(title, body, "news", "2026-01-15") == "policy_statement"
    companies = "多家日本企业表示，中国自9日起加强两用物项出口管制"
    assert classify_category(companies, f"{companies}。", "news",
                             "2026-01-10") == "controlled_item_change"


@pytest.mark.parametrize(("sentence", "background"), [
    ("Japan has urged China to revoke its decision to impose tougher export controls.", True),
    ("China decided to impose tougher export controls on dual-use items.", False),
    ("日本首相指责中国加强两用物项对日出口管制。", True),
    ("中国加强两用物项对日出口管制。", False),
    ("对于有企业在等待商务部批准出口申请，商务部新闻发言人表示，将依法审查。", True),
    ("商务部回应对镓、锗相关物项实施出口管制", True),
    ("Seoul activated channels to minimize the fallout from Beijing's sanctions on five firms.",
     True),
    ("在1月加强两用物项对日本出口管制后，已批准多项对日稀土出口。", True),
])
def test_what_words_are_about_is_no_act_of_theirs(sentence: str, background: bool) -> None:
    """What a government demands be revoked, what a speaker criticizes, is asked about or
    responds to, what a body softens the fallout of, and the act an after-clause tells the time
    by: the matter of the words or the time of the news, not its act (forty-sixth pass)."""
    assert read_acts(sentence)[0].background is background


def test_responding_says_the_words_that_follow_it() -> None:
    """回应称 gives the speaker's words: the act in them is not what is responded to."""
    acts = read_acts("商务部新闻发言人回应称，中方决定对镓实施出口管制。")
    assert [a.background for a in acts] == [False]


def test_an_announcement_named_by_what_it_decides_is_the_act_issued() -> None:
    """发布关于对镓实施出口管制的公告 issues the act, as 发布…的决定 does; the verb's own 的
    (10月9日发布的公告) still makes a relative clause (forty-sixth pass)."""
    issued = read_acts("商务部发布关于对镓实施出口管制的公告。")
    assert [(a.done, a.background) for a in issued] == [(True, False)]
    assert [a.background for a in read_acts("根据10月9日发布的对镓实施出口管制的公告，企业须"
                                            "申请许可。")][:1] == [True]


@pytest.mark.parametrize("sentence", ["习川会前夕，中国加强稀土管控。",
                                      "中国已收紧对日稀土及其他稀有金属的出口审查。"])
def test_control_tightened_on_named_goods_is_a_control_done(sentence: str) -> None:
    """加强稀土管控, 收紧…出口审查: controls tightened, told by their own verb (forty-sixth
    pass); 稀土管控政策 with no verb names none."""
    acts = read_acts(sentence)
    assert [(a.category.value, a.done) for a in acts] == [("controlled_item_change", True)]
    assert read_acts("稀土管控政策不针对特定国家。") == []


def test_approval_that_can_be_obtained_is_promised() -> None:
    """合规的出口申请都可以获得批准: "can", as "could", promises (forty-sixth pass)."""
    assert [a.reported_done for a in read_acts("合规的出口申请都可以获得批准。")] == [False]
    assert [a.reported_done for a in read_acts("合规的出口申请已获得批准。")] == [True]


def test_a_move_by_china_judged_lawful_is_evaluated() -> None:
    """"The move by China to strengthen export controls … is fully legitimate" (forty-sixth
    pass): the act is the subject of an evaluation."""
    lead = ("The move by China to strengthen export controls on dual-use items to Japan is fully "
            "legitimate, reasonable and lawful, a commerce ministry spokesperson said Thursday.")
    assert [a.evaluated for a in read_acts(lead)] == [True]
    assert classify_category("Export controls lawful: ministry", lead, "news",
                             "2026-01-15") == "policy_statement"


def test_chinese_written_with_half_width_commas_is_read_as_chinese() -> None:
    """Taiwan's relays write 针对…,商务部新闻发言人…回应称 with half-width commas (forty-sixth
    pass): read as full-width, so the 针对 clause is the matter; a thousands comma stays, and
    a comma between a Chinese word and a number is Chinese too (forty-seventh pass)."""
    assert normalize_for_rules("针对镓,商务部回应称,1,000吨;好") == (
        "针对镓，商务部回应称，1,000吨；好")
    body = ("针对中国决定对镓、锗相关物项实施出口管制{}商务部新闻发言人6日回应称{}出口管制是国际"
            "通行做法。")
    full = read_acts(normalize_for_rules(body.format("，", "，")))
    half = read_acts(normalize_for_rules(body.format(",", ",")))
    assert [a.background for a in half] == [a.background for a in full]
    assert half[0].background


def test_a_report_whose_lead_tells_approvals_made_is_licensing() -> None:
    """A relayed spokesperson's statement whose lead tells applications approved (发言人…表示，
    目前已收到并批准了部分通用许可申请) reports the approvals (forty-sixth pass); a lead that is
    a reporter's question does not."""
    title = "商务部新闻发言人18日针对稀土相关物项出口管制的最新进展进行回应时表示"
    lead = f"{title}，目前已收到并批准了部分中国出口商提交的通用许可申请。"
    assert classify_category(title, lead, "relay", "2025-12-18") == "licensing"
    asked = "有记者问：商务部是否已批准部分通用许可申请？\n发言人表示，将依法审查。"
    assert classify_category(title, asked, "relay", "2025-12-18") == "policy_statement"


def test_a_response_headline_keeps_the_official_words_of_the_day_a_statement() -> None:
    """商务部回应对镓、锗相关物项实施出口管制, then the spokesperson's words of the day that the
    government controls them lawfully: the response is the news, not a new act (forty-sixth
    pass)."""
    title = "商务部回应对镓、锗相关物项实施出口管制"
    body = (f"{title}\n\n新华社北京7月6日电 针对中国决定对镓、锗相关物项实施出口管制，商务部新闻"
            "发言人6日回应称，中国政府依法对镓、锗相关物项实施出口管制，确保其用于合法用途。")
    assert classify_category(title, body, "relay", "2023-07-06") == "policy_statement"


def test_figures_owed_to_a_measure_report_the_measure() -> None:
    """"China's exports of germanium … plunged …, customs data showed on Wednesday, due to the
    new export controls that took effect on Monday" (forty-sixth pass): the figures are owed to
    the controls, which are their news; in a story that is not figures, "due to" decides
    nothing. Owed to controls told with no date of their own ("due to new export controls on
    the metal"; seventy-first pass), the figures are no news of them: a statement."""
    title = "Germanium exports fall to zero"
    lead = ("China's exports of germanium plunged this week, customs data showed on Wednesday, "
            "due to the new export controls that took effect on Monday.")
    assert classify_category(title, lead, "news", "2023-09-20") == "controlled_item_change"
    assert classify_category(title, lead.replace("due to", "despite"), "news",
                             "2023-09-20") == "policy_statement"
    undated = ("China's exports of germanium in August plunged to zero, customs data showed on "
               "Wednesday, due to new export controls on the metal.")
    assert classify_category(title, undated, "news", "2023-09-20") == "policy_statement"


def test_a_columns_label_as_the_bodys_first_line_is_opinion() -> None:
    """A body opening on its column's label alone ("Andy's view", "Opinion") is the writer's
    column (forty-sixth pass); a first line that says more is not a label."""
    body = "\n".join(["{}", "Beijing has once again turned rare earths into leverage, and "
                      "Washington was not ready."])
    title = "Time is running out"
    assert classify_category(title, body.format("Andy's view"), "news") == "commentary"
    assert classify_category(title, body.format("Opinion"), "news") == "commentary"
    assert classify_category(title, body.format("Andy's view of the talks was wrong."),
                             "news") != "commentary"
    # the label under a headline printed again above the text is still the body's first line
    assert classify_category(title, f"{title}\n" + body.format("Opinion"), "news") == "commentary"


def test_a_headline_printed_again_above_the_text_is_not_the_lead() -> None:
    """Pages print the headline again as the body's first line (forty-sixth pass): the lead is
    the story's first sentence after it."""
    title = "China exported no germanium in August as curbs went into effect"
    story = ("BEIJING, Sept 20 (Reuters) - China's exports of germanium plunged this week, "
             "customs data showed on Wednesday, due to the new export controls that took effect "
             "on Monday.")
    assert classify_category(title, f"{title}\n{story}", "news",
                             "2023-09-20") == "controlled_item_change"


def test_the_official_words_under_a_response_headline_are_the_response() -> None:
    """Under 商务部回应对镓、锗相关物项实施出口管制, a lead relaying the spokesperson's words that
    the government controls the goods lawfully is the response (forty-sixth pass); the same
    lead under a headline that tells the act is the act."""
    lead = ("新华社北京7月6日电 针对中国决定对镓、锗相关物项实施出口管制，商务部新闻发言人6日"
            "回应称，中国政府依法对镓、锗相关物项实施出口管制，确保其用于合法用途。")
    assert classify_category("商务部回应对镓、锗相关物项实施出口管制", lead, "news",
                             "2023-07-06") == "policy_statement"
    assert classify_category("中国对镓、锗相关物项实施出口管制", lead, "news",
                             "2023-07-06") == "controlled_item_change"


# --- the forty-seventh pass (real pages, set real8) ---------------------------------------------


def test_a_foreign_leader_named_alone_acts_for_the_state() -> None:
    """"川普威胁…加征关税", "Takaichi said" (forty-seventh pass): a head of government or a
    minister named alone acts for a foreign state, so the tariff is that state's, not China's."""
    from pipelines.reading import read_acts
    assert [a.foreign for a in read_acts("川普宣布对中国商品加征100%关税。")] == [True]
    assert [a.foreign for a in read_acts("中方宣布对美国商品加征100%关税。")] == [False]
    assert [a.foreign for a in read_acts("Trump imposed 100% tariffs on Chinese goods.")] == [True]
    # 高市 inside a word (提高市场) is no leader
    assert [a.foreign for a in read_acts("为提高市场份额，中方宣布对美国商品加征关税。")] == [False]


def test_what_an_act_retaliates_for_is_its_cause() -> None:
    """"threatened tariffs in retaliation for China's expanded export controls" and 以报复中国扩大…
    出口管制 (forty-seventh pass): the controls retaliated for are background; the act told after
    "by" is the retaliation's own."""
    from pipelines.reading import read_acts

    def controls(sentence: str) -> list[bool]:
        return [a.background for a in read_acts(sentence)
                if a.category.value == "controlled_item_change"]
    assert controls("The US threatened new tariffs in retaliation for China's expanded export "
                    "controls on rare earths.") == [True]
    assert controls("美方威胁加征关税，以报复中国扩大对稀土的出口管制。") == [True]
    assert controls("China expanded export controls on rare earths.") == [False]
    assert controls("China retaliated against the tariffs by imposing export controls on "
                    "gallium.") == [False]


def test_a_response_told_with_yinying_is_the_matter_of_the_act_after_it() -> None:
    """特朗普因应中国对稀土实施出口管制，宣布…加征100%关税 (forty-seventh pass): 因应 (in response
    to) makes China's controls the matter, and the tariff, in the next clause, is Trump's."""
    from pipelines.reading import read_acts
    acts = read_acts("美国总统特朗普因应中国对稀土相关物项实施出口管制，宣布下月1日起，对华商品额外"
                     "加征100%关税。")
    assert [(a.category.value, a.background, a.foreign) for a in acts] == [
        ("controlled_item_change", True, False), ("tariff", False, True)]
    # a modifier opening its clause holds the clause's own subject (中方…加征的), which acts on
    acts = read_acts("美方取消对中国商品加征的关税；中方相应取消对美国商品加征的关税，暂停实施"
                     "24%的反制关税90天。")
    assert not acts[-1].foreign


def test_an_officials_label_opens_a_speakers_turn_and_questions_asked_are_reported() -> None:
    """A relayed press question (有媒体提问，…请问…？) and the answer under the spokesperson's
    office and name (中国商务部新闻发言人某某：…) are reported words, not the writer's argument
    (forty-seventh pass): not commentary, and the act asked about (…出于什么考虑？) is not the
    news."""
    title = "对镓相关物项实施出口管制出于什么考虑？商务部回应"
    lead = ("本网7月6日电 7月6日，商务部召开例行记者会，有媒体提问，商务部7月3日发布公告，决定对"
            "镓相关物项实施出口管制。请问这出于什么考虑？请问中方对此有何评论？")
    answer = ("中国商务部新闻发言人王某某：对镓相关物项实施出口管制是国际通行做法。需要指出的是，"
              "出口管制不是禁止出口，出口符合规定的，将予以许可。难道这不是通行做法？")
    body = f"{lead}\n{answer}"
    assert classify_category(title, body, "relay", "2023-07-06") == "policy_statement"
    # the answer as the writer's own words (no speaker's label) argues
    own = answer.split("：", 1)[1] + "这难道不清楚？必须看到这一点。"
    assert classify_category("有何评论", own, "news", "2023-07-06") == "commentary"


def test_a_conditions_act_is_not_an_act_of_the_news() -> None:
    """"urged the bloc to respond if Beijing doesn't swiftly grant export licenses" (forty-
    seventh pass): a licence in a condition is granted by nobody yet."""
    from pipelines.reading import read_acts
    sentence = ("EU ministers urged the bloc to respond forcefully if Beijing doesn't swiftly "
                "grant export licenses to European companies.")
    assert [a.background for a in read_acts(sentence)
            if a.category.value == "licensing"] == [True]
    assert [a.background for a in read_acts("Beijing swiftly granted export licenses to European "
                                            "companies.") if a.category.value == "licensing"] == [
        False]
    assert [a.background for a in read_acts("如果中方批准出口许可，企业将恢复生产。")
            if a.category.value == "licensing"] == [True]


def test_an_officials_statement_whose_paragraph_reports_approvals_is_licensing() -> None:
    """"On June 12, the spokesperson addressed concerns … The ministry has already approved
    several compliant applications" (forty-seventh pass): approvals made in the statement's
    first paragraph are the news, the act beating the messenger; approvals promised, or told
    in a later paragraph of background, are not."""
    lead = ("On June 12, Ministry of Commerce spokesperson He Yadong addressed concerns regarding "
            "export controls on rare earth-related products during a regular press briefing.")
    approved = "The ministry has already approved several compliant applications."
    promised = "The ministry will approve compliant applications."
    title = "Ministry of Commerce responds to concerns over export controls"
    assert classify_category(title, f"{lead} {approved}", "news", "2025-06-12") == "licensing"
    assert classify_category(title, f"{lead} {promised}", "news",
                             "2025-06-12") == "policy_statement"
    assert classify_category(title, f"{lead}\nEarlier, in April, {approved[4:]}", "news",
                             "2025-06-12") == "policy_statement"


# --- the forty-eighth pass (real pages, set real10) ---------------------------------------------


def test_a_licence_called_zhizhao_is_a_licence() -> None:
    """"已获稀土出口执照" (forty-eighth pass): 执照 is a licence in Hong Kong's and Singapore's
    Chinese, as 许可证 is; one obtained is a licence granted, one to be obtained is not."""
    from pipelines.reading import read_acts

    def licensing(sentence: str) -> list[bool]:
        return [a.done for a in read_acts(sentence) if a.category.value == "licensing"]
    assert licensing("金力永磁表示，公司已获中国主管部门颁发的稀土出口执照。") == [True]
    assert licensing("企业已陆续获得出口执照。") == [True]
    assert licensing("企业须获得出口执照后方可出口。") == []


def test_a_done_participle_of_a_measure_is_done_whatever_the_main_verbs_modal() -> None:
    """"Taiwanese industries could face disruption from China's newly tightened export controls"
    (forty-eighth pass): the "could" is the main verb's; the controls, newly tightened, are done,
    and an expert's reaction to them reports the act. "will tighten" is still to come."""
    from pipelines.reading import read_acts
    lead = ("Taiwanese industries could face significant disruption from China's newly tightened "
            "export controls on rare earth elements, a local expert said yesterday.")
    assert [(a.done, a.future) for a in read_acts(lead)] == [(True, False)]
    assert [a.future for a in read_acts("China will tighten export controls on rare earth "
                                        "elements, an expert said.")] == [True]


def test_taiwans_ministries_are_another_authority() -> None:
    """"Taiwan's Economy Ministry said … too early to assess the impact of China's new
    restrictions" (forty-eighth pass): Taiwan's ministries speak for another authority than the
    regime, as "the Taiwan authorities" do, so a story led by their word is a statement."""
    import re as _re

    from pipelines.reading import FOREIGN_ACTORS
    assert _re.search(FOREIGN_ACTORS, "Taiwan's Economy Ministry said on Sunday")
    assert _re.search(FOREIGN_ACTORS, "台湾地区经济部表示")
    assert not _re.search(FOREIGN_ACTORS, "exports to Taiwan rose")
    title = "Taiwan doesn't depend on China for rare earths"
    body = ("Taiwan's Economy Ministry said that most rare earth materials are imported from "
            "Europe, Japan and the United States, but it is too early to assess the impact of "
            "China's new restrictions.\n"
            "China tightened its control of the rare earths sector on Thursday.")
    assert classify_category(title, body, "news", "2025-10-12") == "policy_statement"


def test_the_pages_date_and_author_line_is_not_the_lead() -> None:
    """"时间: 2025-02-13 16:46:06 | 作者: …" and a date alone ("December 22, 2025") above the text
    (forty-ninth pass) are the page's furniture: the lead is the sentence after them."""
    from pipelines.classify import _lead
    assert _lead("时间: 2025-02-13 16:46:06 | 作者: 某网站\n商务部对钨实施出口管制。") == (
        "商务部对钨实施出口管制。")
    assert _lead("December 22, 2025\n\nChina has begun issuing general licences.") == (
        "China has begun issuing general licences.")
    assert _lead("December 22, 2025, was the day China began issuing licences.") == (
        "December 22, 2025, was the day China began issuing licences.")
    assert _lead("巨亨网编译钟咏翔 2026-01-07 04:30\n据报导，中国政府正考虑收紧出口许可审查。") == (
        "据报导，中国政府正考虑收紧出口许可审查。")
    assert _lead("发(fā)布时间:2024年01月18日 19:21  来源:中国新闻网\n商务部新闻发言人表示。") == (
        "商务部新闻发言人表示。")
    title = "China puts export controls on tungsten"
    body = ("Published: Feb 04, 2025\n"
            "China added tungsten to its export control list on Tuesday.")
    assert classify_category(title, body, "news", "2025-02-05") == "controlled_item_change"


def test_entities_named_to_a_list_of_several_words_are_a_listing() -> None:
    """"named 28 U.S. companies to its new dual-use export control list", "added to the
    unreliable entities list", "restricting imports and exports for 11 U.S. defense
    manufacturers" (forty-ninth pass): listings, as "the unreliable entity list", a two-word list
    and counted firms barred from trade are."""
    from pipelines.reading import read_acts
    for lead in ("Effective January 2, 2025, the China Ministry of Commerce named 28 U.S. "
                 "companies to its new dual-use export control list.",
                 "MOFCOM announced on Tuesday that seven U.S. companies have been added to the "
                 "unreliable entities list.",
                 "China is restricting imports and exports for 11 U.S. defense manufacturers and "
                 "contractors, part of retaliatory actions."):
        assert [a.category for a in read_acts(lead)][:1] == [Category.ENTITY_LISTING]


def test_a_control_only_considered_is_a_statement_whatever_instrument_the_page_shows() -> None:
    """"中国研究收紧对日稀土出口许可审查" over a lead that retells the April controls and their
    instrument (fiftieth pass): what the government considers is no act done or announced."""
    title = "中国研究收紧对日稀土出口许可审查"
    body = ("据报导，消息人士透露，中国政府正考虑针对性收紧2025年4月4日列管的"
            "中重稀土相关物项出口许可审查。\n"
            "2025年4月4日，商务部会同海关总署发布关于对钐等7类中重稀土相关物项实施出口管制措施的公告，"
            "并于发布日起正式实施。")
    assert classify_category(title, body, "news", "2026-01-07") == "policy_statement"
    done = body.replace("正考虑针对性收紧", "决定收紧").replace("中国研究收紧", "中国收紧")
    assert classify_category("中国收紧对日稀土出口许可审查", done, "news",
                             "2026-01-07") == "controlled_item_change"


def test_an_announcement_with_its_start_day_is_the_act_however_it_is_worded() -> None:
    """"has announced that it will impose …; the new export controls are set to take effect on
    September 15" (fiftieth pass): the instrument is shown, the act is the news; "said it will
    impose" with no start day is an intention."""
    title = "China to restrict antimony exports for national security"
    body = ("China's Commerce Ministry has announced that it will impose export restrictions on "
            "antimony, a mineral used in batteries and weapons. The new export controls are set "
            "to take effect on September 15.")
    assert classify_category(title, body, "news", "2024-08-15") == "controlled_item_change"
    vague = ("China's Commerce Ministry said that it will impose export restrictions on "
             "antimony, a mineral used in batteries and weapons, at some point.")
    assert classify_category(title, vague, "news", "2024-08-15") == "policy_statement"


def test_an_authority_answering_in_the_headline_is_a_statement() -> None:
    """环球网：商务部回应锑等物项出口管制 (fiftieth pass): the answer is the news, whatever act the
    spokesperson retells."""
    body = ("8月22日下午，商务部举行例行记者会。有媒体提问称，近期商务部发布了关于对锑等物项"
            "实施出口管制的公告。\n"
            "对此，商务部新闻发言人何亚东说，8月15日，商务部、海关总署联合发布公告，决定对部分锑、"
            "超硬材料相关物项实施出口管制，上述政策将于9月15日起正式实行。")
    assert classify_category("环球网：商务部回应锑等物项出口管制", body, "news",
                             "2024-08-22") == "policy_statement"


def test_measures_issued_named_by_their_content_are_the_instrument() -> None:
    """北京在周五表示，中国将要求部分出口石墨产品需获得出口许可证 over 商务部和海关总署周五发布了
    改善调整石墨物项临时出口管制措施 (fiftieth pass): the measures issued are the instrument of the
    announced requirement; measures to be issued (将发布…措施) are none."""
    title = "中国石墨出口管制意味着什么？"
    lead = "北京在周五表示，为了保护国家安全，中国将要求部分出口石墨产品需获得出口许可证。\n"
    issued = "中国商务部和海关总署周五发布了改善调整石墨物项临时出口管制措施。"
    assert classify_category(title, lead + issued, "news", "2023-10-20") == (
        "controlled_item_change")
    assert classify_category(title, lead + "商务部表示，将发布相关配套措施。", "news",
                             "2023-10-20") == "policy_statement"


def test_a_journal_articles_keywords_line_marks_an_essay() -> None:
    """周密 / 关键词:出口管制;镓;锗;国家安全 (fiftieth pass), even run together with the author's
    name: a signed journal article, commentary, however it retells the announcement."""
    title = "周密：出口管制、镓、锗与国家安全"
    body = ("2023年7月3日，中国商务部和海关总署发布2023年第23号公告，对镓、锗相关物项实施出口管制。"
            "自8月1日起，未经许可的上述物项，不得出口。")
    assert classify_category(title, "周密\n关键词:出口管制;镓;锗\n" + body, "news",
                             "2023-08-15") == "commentary"
    assert classify_category(title, "周密关键词:出口管制;镓;锗" + body, "news",
                             "2023-08-15") == "commentary"
    assert classify_category(title, body, "news", "2023-08-15") == "controlled_item_change"


def test_a_measure_named_under_its_authorities_label_is_their_act() -> None:
    """"China's Ministry of Commerce and General Administration of Customs: Countermeasures
    against the United States: Export controls on some medium and heavy rare earth items"
    (fiftieth pass): the measure named after the authorities' label is theirs, done; a clause
    after the label ("MOFCOM: rare earth export controls are not an export ban") is words."""
    lead = ("Multiple Chinese departments announced countermeasures today, including a 34% tariff "
            "on all imported goods originating from the United States.")
    title = ("China's Ministry of Commerce and General Administration of Customs: Countermeasures "
             "against the United States: Export controls on some medium and heavy rare earth "
             "items")
    assert classify_category(title, lead, "news", "2025-04-04") == "controlled_item_change"
    said = ("China's export control measures on rare earths are not an export ban, a spokesperson "
            "for the Ministry of Commerce said on Sunday.")
    assert classify_category("MOFCOM: rare earth export controls are not an export ban", said,
                             "news", "2025-10-13") == "policy_statement"


def test_approvals_an_official_goes_on_to_report_are_the_news() -> None:
    """商务部：对石墨物项实施出口管制不是禁止出口, a lead relaying the spokesperson, and a second
    paragraph in which the spokesperson reports applications approved (fiftieth pass): the
    approvals beat the messenger; a second paragraph from no official reports none."""
    title = "商务部：对石墨物项实施出口管制不是禁止出口"
    lead = "1月18日，商务部新闻发言人何亚东表示，对特定石墨物项实施出口管制是国际通行做法。\n"
    official = ("商务部新闻发言人还表示，商务部已陆续收到多家企业的许可申请，"
                "已批准了符合规定的出口申请。")
    assert classify_category(title, lead + official, "news", "2024-01-18") == "licensing"
    other = "业内人士认为，石墨出口短期内将有所下降。"
    assert classify_category(title, lead + other, "news", "2024-01-18") == "policy_statement"


def test_the_writers_asides_under_a_headline_of_the_act_retell_it() -> None:
    """A chatty self-media retelling (说白了, 有意思的是, 你说…？) under a headline that reports the
    listing (fiftieth pass) is the listing's news; the same asides under a headline of its own
    view are a column."""
    body = ("这事儿2月24日出来的。商务部把20家日本公司列入管控名单，不少人心里咯噔一下吧？\n"
            "说白了，就是做两用物项的企业。\n有意思的是，配合核查的公司理论上能申请移出。\n"
            "别小看这套路，你说风险得多大？")
    listed = "商务部将三菱造船、斯巴鲁等日本企业列入管控名单和关注名单"
    assert classify_category(listed, body, "news", "2026-02-25") == "entity_listing"
    assert classify_category("这回中国对日本动用了新的手段", body, "news",
                             "2026-02-25") == "commentary"


def test_another_state_as_the_headlines_speaker_is_a_statement() -> None:
    """日本:将监督中国镓、锗出口管制 反对违反WTO规则的行为 (fiftieth pass): Japan's words, over a
    body that retells the controls; the controls under a headline of their own are the act."""
    body = ("据彭博社报道，日本经济产业大臣称，东京将观察中国如何实施锗和镓的出口限制。"
            "7月3日，中国商务部、海关总署发布公告，对镓、锗相关物项实施出口管制。")
    assert classify_category("日本:将监督中国镓、锗出口管制 反对违反WTO规则的行为", body, "news",
                             "2023-07-05") == "policy_statement"


def test_a_photos_caption_is_not_the_lead() -> None:
    """"A visitor walks past a poster … in September. CHINA DAILY", "… [Photo/Xinhua]" above the
    text (fiftieth pass) are captions: the lead is the sentence after them."""
    from pipelines.classify import _lead
    for caption in ("A visitor walks past a poster of lab-grown diamonds during an expo in "
                    "Zhengzhou, Henan province, in September. CHINA DAILY",
                    "Workers at a graphite plant in Heilongjiang. [Photo/Xinhua]",
                    "稀土矿区一景。（图：Shutterstock）"):
        assert _lead(caption + "\nChina imposed export controls on graphite on Friday.") == (
            "China imposed export controls on graphite on Friday.")
    assert _lead("China imposed export controls.\nIt said so.") == "China imposed export controls."


def test_dual_use_sales_banned_to_counted_suppliers_is_their_listing() -> None:
    """"has banned sales of dual-use products to 28 American military suppliers" under "slaps
    dual-use export ban on US corporations" (fifty-first pass): dual-use goods withheld from
    counted parties is their listing; withheld from a country's military users it is a control
    of goods."""
    lead = ("Beijing has banned sales of dual-use products to 28 American military suppliers, "
            "the ministry said on Thursday.")
    assert classify_category("China slaps dual-use export ban on US corporations", lead, "news",
                             "2025-01-02") == "entity_listing"
    users = ("Beijing has banned exports of dual-use items to US military users, the ministry "
             "said on Tuesday.")
    assert classify_category("China slaps dual-use export ban on US", users, "news",
                             "2024-12-03") == "controlled_item_change"


def test_what_china_opposes_a_foreign_government_doing_is_a_foreign_act() -> None:
    """中方坚决反对美方…将多家中国实体列入“实体清单”, 美商务部…宣布将… (fifty-first pass): the
    government after 反对 and a state's ministry by its one-character name (美商务部) act for
    themselves; the spokesperson's answer is a statement. The same listing by 商务部 is one."""
    title = "商务部：中方坚决反对美方以涉俄为由将多家中国实体列入“实体清单”"
    body = ("近日，美商务部以涉俄为由，宣布将多家中国实体列入出口管制“实体清单”。"
            "对此，发言人表示，中方坚决反对。")
    assert classify_category(title, body, "news", "2024-08-25") == "policy_statement"
    ours = "近日，商务部宣布将多家美国实体列入出口管制管控名单。"
    assert classify_category("商务部：将多家美国实体列入出口管制管控名单", ours, "news",
                             "2024-08-25") == "entity_listing"


def test_a_fact_check_is_no_inspection() -> None:
    """"Fact check on the ongoing export controls" (fifty-first pass) reports no check on goods;
    customs' checks on exports are enforcement."""
    body = "Fact check on the ongoing export controls for rare earth elements.\nThe rules stay."
    assert classify_category("Rare earths: no end in sight", body, "news",
                             "2025-05-15") != "enforcement"
    assert classify_category("Rare earths", "Customs stepped up checks on exports of gallium.",
                             "news", "2025-05-15") == "enforcement"


def test_a_line_of_short_fields_between_bars_is_no_lead() -> None:
    """"by | 15. May 2025 - 11:05 | Politics" above the text (fifty-first pass): the byline, date
    and section, page furniture; the story's first sentence is the lead."""
    body = "by | 15. May 2025 - 11:05 | Politics\nChina suspended the controls on Wednesday."
    assert first_sentence(body) == "China suspended the controls on Wednesday."
    assert first_sentence("Tariffs | rare earths | what next\nThe talks resumed.") == (
        "Tariffs | rare earths | what next")  # no date among the fields: a headline of its own


def test_a_foreign_state_by_its_one_character_name_acts_for_itself() -> None:
    """美以涉俄为由将多家中国实体列入“实体清单”，商务部回应 (fifty-first pass): 美 alone as the
    clause's subject, its reason clause between, lists for the US; MOFCOM answers. 商务部以…为由将
    … lists for China."""
    body = "商务部新闻发言人表示，中方坚决反对。"
    assert classify_category("美以涉俄为由将多家中国实体列入“实体清单”，商务部回应", body, "news",
                             "2024-08-25") == "policy_statement"
    assert [a.foreign for a in read_acts("美对华加征关税")] == [True]
    assert [a.foreign for a in read_acts("商务部以维护国家安全为由将多家美国实体列入管控名单")] == [
        False]


def test_a_photo_credited_to_a_chinese_news_agency_is_not_the_lead() -> None:
    """"…10月30日在南韩釜山举行会谈前握手合影。美联社" above the story (fifty-first pass): a
    caption, its credit a news agency's name after the full stop."""
    body = ("美国总统川普（左）与中国国家主席习近平，10月30日在南韩釜山举行会谈前握手合影。美联社\n"
            "川习会达成贸易协议后，中国商务部今日发布通知，将暂停实施对镓、锗的管制措施。")
    assert first_sentence(body).startswith("川习会达成贸易协议后")


def test_a_headline_verb_governs_the_act_named_right_after_it() -> None:
    """"China imposes export restrictions on key metals amid US tariff increase" (fifty-second
    pass): "imposes" reads restrictions and tariff alike; the words right after it are its
    object, the act of the headline."""
    title = "China imposes export restrictions on key metals amid US tariff increase"
    assert [a.category for a in read_acts(title)][0] is Category.CONTROLLED_ITEM_CHANGE
    body = ("China has announced export restrictions on five metals, shortly after the US "
            "imposed an additional 10 per cent tariff on Chinese goods.")
    assert _news(title, body, "2025-02-04") == Category.CONTROLLED_ITEM_CHANGE.value


def test_an_explainers_questions_are_the_readers_not_the_writers_argument() -> None:
    """"What is tungsten and why is it important?" three times in a copied explainer
    (fifty-second pass): plain questions about a thing, which the text answers, are no
    argument; rhetorical ones ("Why should Washington be surprised?") still are."""
    from pipelines.reading import voice
    title = "China announces export controls on tungsten, tellurium and bismuth"
    metals = ("tungsten", "tellurium", "bismuth")
    body = ("China announced Tuesday that it is immediately implementing export controls on five "
            "key metals.\n" + "\n".join(f"What is {m} and why is it important? {m.title()} is "
                                        "used in industry." for m in metals))
    assert voice(body, title)[1] == 0
    assert _news(title, body, "2025-02-04") == Category.CONTROLLED_ITEM_CHANGE.value
    rhetorical = body.replace("What is", "Why should anyone care about").replace(
        " and why is it important?", "?")
    assert voice(rhetorical, title)[1] == 3


def test_a_page_carrying_the_announcements_text_reports_the_announcement() -> None:
    """"Ministry of Commerce: Export control on antimony … is a common international practice."
    repeated above "… jointly issued an announcement on the 15th …. The full text of the
    announcement is as follows: …" (fifty-second pass): the page carries the instrument, the act
    beating the messenger of its headline; without the text, the statement."""
    title = ("Ministry of Commerce: Export control on antimony and superhard materials is a "
             "common international practice.")
    text = (" The full text of the announcement is as follows: In accordance with the Export "
            "Control Law, it is decided to implement export control on the following items: "
            "antimony ores, antimony metal and antimony oxides.")
    body = (title + " The Ministry of Commerce and the General Administration of Customs jointly "
            "issued an announcement on the 15th, deciding to implement export control on some "
            "antimony and superhard material items." + text)
    assert _news(title, body, "2024-08-15") == Category.CONTROLLED_ITEM_CHANGE.value
    told = body.replace(text, "")
    assert _news(title, told, "2024-08-15") == Category.POLICY_STATEMENT.value


def test_an_abbreviation_does_not_end_the_lead() -> None:
    """"China's First-Ever Use of Export Control List Against U.S. Defense and Tech Companies"
    run into its text (fifty-second pass): U.S. is no sentence's end."""
    body = ("China's First-Ever Use of Export Control List Against U.S. Defense Companies On "
            "January 2, MOFCOM added 28 U.S. companies to its export control list. Others "
            "followed.")
    assert first_sentence(body) == body[:body.index(" Others")]
    assert first_sentence("It rained. Then it stopped.") == "It rained."


def test_a_chinese_lead_dating_its_act_last_year_tells_background() -> None:
    """中国去年对…锑实施出口管制，其后更禁止向美国出口 over this year's figures (fifty-second pass):
    the time stands before the verb in Chinese; an act of last year, and the clause that goes on
    from it (其后), are background, not the news; told of this month's day they are the act."""
    title = "中国锑出口量仅为去年同期三分之一"
    body = ("中国去年对用于制造电池及弹药的金属锑实施出口管制，其后更禁止向美国出口。\n"
            "海关数据显示，今年前五个月锑出口量大幅下降，美国市场供应紧张。")
    assert _news(title, body, "2025-06-20") == Category.POLICY_STATEMENT.value
    today = body.replace("中国去年对", "中国6月18日对").replace("其后更", "并")
    assert _news(title, today, "2025-06-20") == Category.CONTROLLED_ITEM_CHANGE.value
    # an earlier month inside the object dates the object, not the act
    object_dated = ("商务部5日发布公告，对今年4月列入不可靠实体清单的11家美国实体继续暂停实施相关"
                    "处理措施一年。")
    assert _news("商务部继续暂停相关措施", object_dated, "2025-11-05") == \
        Category.SUSPENSION.value


def test_a_headlines_after_label_ends_at_its_colon() -> None:
    """"After US embargo: China bans export of minerals for military use" (fifty-second pass):
    the after-clause is the label before the colon; the act after it is the headline's."""
    title = "After US embargo: China bans export of minerals for military use"
    [act] = [a for a in read_acts(title) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert not act.background
    body = ("China will ban the export of gallium, germanium and antimony to the USA. The "
            "measure follows stricter US sanctions on the Chinese chip industry.")
    assert _news(title, body, "2024-12-04") == Category.CONTROLLED_ITEM_CHANGE.value


def test_a_named_column_of_hot_comment_is_commentary() -> None:
    """国际热评:滥用出口管制措施… (fifty-second pass): a paper's named column of comment (热评,
    快评) as 时评 and 锐评 are."""
    body = "10月8日电 近日，美国商务部将部分中国实体列入出口管制“实体清单”。"
    assert _news("国际热评:滥用出口管制措施注定失败", body, "2023-10-08") == \
        Category.COMMENTARY.value
    assert _news("滥用出口管制措施注定失败", body, "2023-10-08") != Category.COMMENTARY.value


def test_an_issue_spoken_of_is_no_question_asked() -> None:
    """谈到稀土相关出口问题时表示 … 已经依法批准一定数量的合规申请 (fifty-second pass): 问题 is the
    matter spoken of, not a reporter's question; the approvals the spokesperson reports are the
    news; a lead that relays a question (记者问) still is not."""
    title = "商务部:依法依规加快对稀土相关出口许可申请的审查"
    body = ("在今天(19日)商务部举行的例行发布会上，新闻发言人谈到稀土相关出口问题时表示，将依法依规"
            "不断加快对稀土相关出口许可申请的审查。发言人表示，中方高度重视产供链稳定，"
            "已经依法批准一定数量的合规申请。")
    assert _news(title, body, "2025-06-19") == Category.LICENSING.value


@pytest.mark.parametrize(("title", "commentary"), [
    ("稀土出口管制的战略意义与产业布局", True),
    ("镓锗出口限制对下游企业的影响", True),
    ("出口管制条例修订前后的关键变化", True),
    ("两用物项出口合规实务——企业应对策略", True),
    ("出口管制的法律风险与合规边界（二）：许可申请", True),
    ("一家芯片企业称受出口管制措施影响", False),
    ("商务部宣布对镓实施出口管制", False),
    ("出口管制对稀土价格的影响有限", False),
])
def test_a_chinese_essays_title_makes_it_commentary(title: str, commentary: bool) -> None:
    """中国限制钻石出口的意义与产地分布, 锂电材料出口限制对中国企业的影响 (fifty-third pass): a
    topic and the aspect the writer analyses, with no event, title an essay, an opinion piece
    however plainly it is written; a headline that reports someone saying, announcing or being
    affected is news."""
    body = ("随着出口管制体系不断完善，企业面临的合规要求日益细化。"
            "根据现行规定，出口两用物项须向商务部申请许可。\n"
            "企业应建立内部合规制度，梳理产品清单，核对管控参数。")
    category = classify_category(title, body, "news", "2025-10-20")
    assert (category == Category.COMMENTARY) is commentary, category


@pytest.mark.parametrize(("title", "commentary"), [
    ("京畿部长:解读不可靠实体清单(评论员观察)", True),
    ("稀土管制的底气从何而来（本报评论员）", True),
    ("中国对美出口管制新规（时评）", True),
    ("商务部宣布对镓实施出口管制（附公告全文）", False),
    ("商务部发言人答记者问（2025年10月12日）", False),
])
def test_a_column_label_in_brackets_after_the_headline_makes_it_commentary(
        title: str, commentary: bool) -> None:
    """…解读不可靠实体清单（评论员观察）, （时评） (fifty-fourth pass): a commentator's column
    named in brackets after the headline is an opinion piece, as the label before it is; other
    brackets (the full text attached, a date) are not."""
    body = ("商务部近日发布公告，对相关物项实施出口管制。"
            "公告自发布之日起施行。\n出口经营者应依法申请许可。")
    category = classify_category(title, body, "news", "2025-10-20")
    assert (category == Category.COMMENTARY) is commentary, category


def test_a_bullets_dash_after_a_sentence_ends_the_lead() -> None:
    """"… applications. - Domestic exporters must declare …" (fifty-third pass): a bulleted
    overview's dash opens the next sentence, so the lead is the first bullet."""
    from pipelines.classify import _lead
    body = ("Overview - Starting December 1, foreign firms must secure an export licence. - "
            "Domestic exporters must declare the destination. - Some technologies require "
            "approval before export.")
    assert _lead(body) == "Overview - Starting December 1, foreign firms must secure an export " \
                          "licence."


def test_a_composite_pictures_caption_and_taiwans_word_for_an_export_ban() -> None:
    """"反制台海言论 中国公告 全面禁输日本「军民两用物项」" over a caption that ends （组合图）
    (fifty-fifth pass): 禁输 is Taiwan's word for an export ban, an act as 禁止出口 is, and the
    caption is no lead; the story is the controls."""
    title = "反制台海言论 中国公告 全面禁输日本「军民两用物项」"
    assert [a.category for a in read_acts(title)] == [Category.CONTROLLED_ITEM_CHANGE]
    assert read_acts("中国禁输日本两用物项")[0].done
    caption = ("反击高市早苗「台湾有事」说，中国提高回应层级，王毅：有权对日本历史罪行再清算。"
               "（组合图）")
    body = (caption + "\n中日地缘政治僵局进入新一轮寒冬。中国商务部今日发布公告，宣布即日起对日本"
            "实施严厉的出口管制。")
    assert first_sentence(body) == "中日地缘政治僵局进入新一轮寒冬。"
    assert _news(title, body, "2026-01-06") == Category.CONTROLLED_ITEM_CHANGE.value


def test_parties_blacklisted_by_their_nationality_are_listed() -> None:
    """"Trade War Intensifies as China Blacklists US Drone Companies" (fifty-fifth pass):
    uncounted parties blacklisted by their nationality are a listing, as counted ones are; a
    foreign government's blacklist is its act, not China's."""
    title = "Trade War Intensifies as China Blacklists US Drone Companies"
    assert [a.category for a in read_acts(title)] == [Category.ENTITY_LISTING]
    assert read_acts("China blacklisted US drone makers on Friday")[0].done
    assert not any(a.category is Category.ENTITY_LISTING and not a.foreign
                   for a in read_acts("US blacklists Chinese drone companies"))


@pytest.mark.parametrize("marker", [
    "\n本文载于《学术月刊》2025年第10期。",
    "\n作者:刘某,某大学经济研究中心教授;鲁某,某大学经济学院博士研究生。",
    "\nThe Metalnomist Commentary\nTighter Chinese controls have reset the risk premium.",
    "\nOur view\nThe controls will stay.",
])
def test_a_papers_journal_or_scholars_line_or_a_verdicts_heading_marks_an_opinion(marker):
    """An authored paper's journal line (本文载于《…》), an author line with a scholar's title
    (作者:…教授) and a heading of the writer's own verdict on a line of its own ("The Metalnomist
    Commentary", fifty-seventh pass) make a page that retells an act commentary; a news
    agency's author line and the word in a sentence do not."""
    title = "Antimony exports"
    body = ("China added antimony to its export control list on Thursday, and exports fell by "
            "half in the following month.")
    assert classify_category(title, body + marker, "news", "2025-09-15") == "commentary"
    for plain in ("\n作者:新华社记者王某", "\nHe declined further commentary.\nPrices rose."):
        assert classify_category(title, body + plain, "news", "2025-09-15") != "commentary"


def test_a_pages_age_and_an_advertisements_slot_are_not_the_lead() -> None:
    """"3 weeks ago 17", "2 hours ago · 3 min read", 3小时前 and "ARTICLE AD" above the text
    (fifty-seventh pass) are the page's furniture: the lead is the sentence after them."""
    from pipelines.classify import _lead
    assert _lead("3 weeks ago 17\nARTICLE AD\nChina added tungsten to its list. Prices rose.") == (
        "China added tungsten to its list.")
    assert _lead("2 hours ago · 3 min read\n3小时前\nAdvertisement\nChina added tungsten.") == (
        "China added tungsten.")
    assert _lead("3 weeks ago, China added tungsten to its list.") == (
        "3 weeks ago, China added tungsten to its list.")


def test_a_duty_from_a_day_on_goods_imported_from_a_country_is_the_act() -> None:
    """商务部…表示，调查证明加拿大进口芥花籽油存在倾销，14日起将对该产品征收…临时反倾销税 (fifty-
    seventh pass): goods imported from a country name their origin, not a government that acts,
    and a start day without 自 (14日起) shows the duty's instrument as 自14日起 does: a tariff,
    not a statement of intent."""
    from pipelines.classify import _lead_reading
    lead = ("中国去年就原产自加拿大芥花籽油进行反倾销调查，商务部8月12日表示，"
            "调查证明加拿大进口芥花籽油存在倾销，14日起将对该产品征收75.8%的临时反倾销税，"
            "以保证金的形式实施。")
    assert _lead_reading(lead, lead, date(2025, 8, 13)) is Category.TARIFF
    vow = lead.replace("14日起将", "将")
    assert _lead_reading(vow, vow, date(2025, 8, 13)) is Category.POLICY_STATEMENT


def test_a_byline_alone_and_a_date_run_into_its_time_are_not_the_lead() -> None:
    """"By: Aqsa Younas Rana" and 巨亨网编辑林羿君2025-10-2714:53 above the text (fifty-seventh
    pass) are the page's furniture, as "Published: Feb 04, 2025" is; a sentence opening with
    "By the end of …" is the lead."""
    from pipelines.classify import _lead
    assert _lead("By: Aqsa Younas Rana\nChina approved graphite exports. More.") == (
        "China approved graphite exports.")
    assert _lead("By Amy Lv and Lewis Jackson\nShares rallied on Wednesday. More.") == (
        "Shares rallied on Wednesday.")
    assert _lead("巨亨网编辑林羿君2025-10-2714:53\n商务部表示，将发放许可。") == (
        "商务部表示，将发放许可。")
    assert _lead("By the end of the year, China approved exports. More.") == (
        "By the end of the year, China approved exports.")


# --- the fifty-eighth pass (real38, real40) ------------------------------------------------------

def _dated_act_body(title: str, category: str) -> str:
    """A body that dates China's act of the category to the page's week (a Monday), then tells
    the company's news."""
    if not title.isascii():
        return "商务部周一宣布对稀土相关物项实施出口管制。公司表示将于6月恢复生产。"
    act = ("China added the company to its unreliable entity list on Monday."
           if category == "entity_listing" else "China imposed the export controls on Monday.")
    return f"{act} The company said output would resume in June, after weeks of delays."


@pytest.mark.parametrize(("title", "category"), [
    ("Suzuki halts Swift production due to China's rare earth curbs", "controlled_item_change"),
    ("Shares of tungsten producers rally on Beijing's latest export curbs",
     "controlled_item_change"),
    ("Tungsten prices surge over 200% amid export controls, fresh demand",
     "controlled_item_change"),
    ("US drone maker confronts battery shortage following Chinese sanctions", "entity_listing"),
    ("德国车企受中国稀土出口管制影响停产", "controlled_item_change"),
])
def test_a_headline_telling_an_effect_of_a_measure_takes_the_acts_category(title, category):
    """A story whose headline tells an effect (a halted line, a rally, a shortage) of China's
    measure named by a noun (fifty-eighth pass), over a body that dates the act to the news,
    reports the act: sanctions list entities, curbs and controls change controlled items
    (README, dev-659). The same effect with another cause is no act's; told with no date for
    the act, it is no news of it (seventy-first pass: test_an_effect_told_with_no_date_…)."""
    body = _dated_act_body(title, category)
    assert classify_category(title, body, "news", "2025-06-05") == category
    other = title.replace("China's rare earth curbs", "a chip shortage").replace(
        "Beijing's latest export curbs", "strong results").replace(
        "export controls", "strong demand").replace("Chinese sanctions", "a fire").replace(
        "受中国稀土出口管制影响", "因芯片短缺")
    from pipelines.classify import _effect_of_measure
    assert _effect_of_measure(title) is Category(category)
    assert _effect_of_measure(other) is None


@pytest.mark.parametrize("title", [
    "Graphite anode makers see overseas orders return after controls put on hold",
    "Drone maker's China supply worries mount a year after sanctions",
    "MOFCOM vows to safeguard firms' rights after EU sanctions list names Chinese companies",
    "Experts answer questions on export controls on rare earth technologies",
    "Traders prepare first soybean cargoes after import curbs lifted",
])
def test_controls_on_hold_long_past_foreign_or_a_topic_are_no_effect_of_an_act(title):
    """Controls put on hold or lifted, sanctions a year back, the EU's sanctions, and controls
    as a topic ("questions on export controls") tell no effect of China's act (fifty-eighth
    pass)."""
    from pipelines.classify import _effect_of_measure
    assert _effect_of_measure(title) is None


def test_a_forums_signed_byline_and_an_appraisals_title_mark_an_opinion() -> None:
    """●张竞／中华战略学会资深研究员 on a line of its own, and a headline opening on 评析 (fifty-
    eighth pass), make a page that retells an act commentary; a reporter's byline with a
    slash does not."""
    title = "北京因美对台军售采取反制措施"
    body = ("2025年12月26日，外交部公布对20家美国军工企业采取反制措施的决定，"
            "冻结其在中国境内的财产。")
    assert classify_category(title, f"●张竞／中华战略学会资深研究员\n{body}", "news",
                             "2025-12-28") == "commentary"
    assert classify_category(f"评析{title}", body, "news", "2025-12-28") == "commentary"
    assert classify_category(title, f"记者王某／台北报导\n{body}", "news",
                             "2025-12-28") != "commentary"
    assert classify_category(title, body, "news", "2025-12-28") != "commentary"


def test_a_news_pages_tags_under_its_source_line_are_no_journals_keywords() -> None:
    """关键词: 马来西亚 美国 … under a news page's 来源: line (fifty-eighth pass) are its tags,
    not a journal article's keywords line: the page stays news."""
    title = "马来西亚新规:原产于美国AI芯片出口需要贸易许可证"
    body = ("马来西亚贸易部于7月14日宣布，即日起，所有美国原产的高性能人工智能芯片在出口时，"
            "必须取得贸易许可证。")
    tags = "2025-07-15 来源:电子工程专辑 原创文章\n关键词: 马来西亚 美国 贸易许可证\n"
    assert classify_category(title, tags + body, "news", "2025-07-15") != "commentary"
    paper = "周密关键词:出口管制;芯片;许可证\n"
    assert classify_category(title, paper + body, "news", "2025-07-15") == "commentary"


# --- the fifty-ninth pass (real40, real42) -------------------------------------------------------

def test_the_writer_giving_a_view_as_the_writer_marks_an_opinion() -> None:
    """笔者…分享一点看法, 笔者认为, 笔者通过检索…进行总结 (fifty-ninth pass): the writer gives their
    own view or analysis, an authored piece; a reporter's 笔者获悉 tells what was learned, and
    the page stays news."""
    title = "如何看待出口管制措施的暂停"
    body = ("2025年10月30日，商务部宣布将暂停实施10月9日公布的有关出口管制措施一年。"
            "{}。首先，这些措施不是权宜之计。")
    view = "结合多年从事出口管制业务的经验，笔者就如何看待这些措施的暂停分享一点看法"
    assert classify_category(title, body.format(view), "news", "2025-11-03") == "commentary"
    research = "笔者通过检索，对近年涉及硅铁的走私案件进行总结"
    assert classify_category(title, body.format(research), "news",
                             "2025-11-03") == "commentary"
    learned = "笔者从多家稀土企业获悉，相关许可申请仍在正常受理"
    assert classify_category(title, body.format(learned), "news", "2025-11-03") != "commentary"


@pytest.mark.parametrize(("title", "category"), [
    ("China's rare earth cuts behind halt to Swift production, sources say",
     "controlled_item_change"),
    ("Beijing's export curbs force Ford to shut Chicago plant", "controlled_item_change"),
    ("Chinese sanctions hit US drone maker's battery supply", "entity_listing"),
    ("Chinese sanctions against US companies leave drone supplier without batteries",
     "entity_listing"),
    ("中国稀土出口管制致日本车企停产", "controlled_item_change"),
])
def test_chinas_measure_as_the_cause_of_an_effect_takes_the_acts_category(title, category):
    """China's measure as the subject of its effect ("China's rare earth cuts behind halt to
    Swift production", "Beijing's export curbs force Ford to shut plant", 中国稀土出口管制致…停产;
    fifty-ninth pass) reports the act, as "due to China's rare earth curbs" does, when the
    body dates the act to the news; what anonymous sources say is the news they tell, not a
    statement. Another cause is no act."""
    body = _dated_act_body(title, category)
    assert classify_category(title, body, "news", "2025-06-05") == category
    other = re.sub(r"China's rare earth cuts|Beijing's export curbs|Chinese sanctions",
                   "A chip shortage", title).replace("中国稀土出口管制", "芯片短缺")
    from pipelines.classify import _effect_of_measure
    assert _effect_of_measure(title) is Category(category)
    assert _effect_of_measure(other) is None


def test_parties_put_into_the_export_control_system_are_listed() -> None:
    """商务部将40家日本实体列入出口管控体系 (fifty-ninth pass): parties put into the export-control
    system, no list named, are a listing, as 列入管控名单 is; goods put under control (纳入出口
    管制范围) stay a control."""
    body = "商务部同步发布两项决定，自即日起生效。"
    assert classify_category("商务部将40家日本实体列入出口管控体系", body, "news",
                             "2026-02-25") == "entity_listing"
    assert classify_category("商务部将稀土相关技术纳入出口管制范围", body, "news",
                             "2026-02-25") == "controlled_item_change"


def test_a_proposed_act_put_out_for_comment_is_a_statement_of_intent() -> None:
    """中国拟调整禁止出口限制出口技术目录, with the notice 公开征求意见 told down the page (fifty-
    ninth pass): the act proposed has no instrument yet, whatever else starts "即日" (the comment
    period), so the news is intent; proposed with an instrument in force, it is the act."""
    title = "中国拟调整禁止出口限制出口技术目录 锂、镓技术出口恐再受限"
    lead = "中国商务部周四在网站发出通知，对于锂、镓技术，可能进一步限制出口。"
    draft = (lead + "\n商务部公布关于目录调整公开征求意见的通知，"
             "征求意见期间即日生效，到2月1日为止。")
    force = lead + "\n调整后的目录自即日起施行，相关技术出口须申请许可。"
    assert classify_category(title, draft, "news", "2025-01-03") == "policy_statement"
    assert classify_category(title, force, "news", "2025-01-03") == "controlled_item_change"


def test_a_press_answer_telling_announcements_issued_on_the_pages_day_reports_the_act() -> None:
    """问：7月31日，商务部…联合发布了关于无人机出口管制的两个公告。…答：…7月31日，中国商务部会同相关部门，
    发布两个关于无人机出口管制的公告…上述政策将于9月1日起正式施行 (fifty-ninth pass): the answer
    tells announcements issued on the page's own day, named by its date, so the act beats the
    messenger, as 今天发布…公告 does; the same answer on a page days later is a statement."""
    title = "商务部新闻发言人就无人机出口管制答记者问"
    body = ("问：7月31日，商务部、海关总署联合发布了关于无人机出口管制的两个公告。"
            "请问有什么考虑？\n"
            "答：经批准，7月31日，中国商务部会同相关部门，发布两个关于无人机出口管制的公告，"
            "对部分无人机专用发动机等实施出口管制。上述政策将于9月1日起正式施行。")
    assert classify_category(title, body, "relay", "2023-07-31") == "controlled_item_change"
    assert classify_category(title, body, "relay", "2023-08-05") == "policy_statement"


def test_a_headlines_short_list_verb_and_the_parties_an_effect_touches() -> None:
    """中国将台湾8实体列出口管制名单 (fifty-ninth pass): a headline's short 列 before a list's name
    is a listing, as 列入 is; in 欧盟执委明召集受中国稀土出口限制影响产业 the industries the
    restrictions touch are whom the EU convenes, no effect reported of China's act."""
    from pipelines.classify import _effect_of_measure
    body = "中国商务部周三发布公告，即日起禁止向上述实体出口两用物项。"
    assert classify_category("中国将台湾8实体列出口管制名单", body, "news",
                             "2025-07-09") == "entity_listing"
    assert _effect_of_measure("欧盟执委明召集受中国稀土出口限制影响产业 举行紧急会议") is None
    assert _effect_of_measure("德国车企受中国稀土出口管制影响停产") is not None


# --- the sixtieth pass (real46) -----------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "China's Rare Earth Magnet Licence Delays Put Indian EV Output at Risk",
    "Carmakers face shutdowns as China's magnet licences stall",
    "Backlog of Chinese export licence applications hits European firms",
    "日本车企称中国稀土出口许可审批缓慢",
    "中方暂停对日稀土出口许可审查",
])
def test_chinas_licences_held_up_are_a_licensing_story(title):
    """How China's licences are granted, delayed, stalled or held up (sixtieth pass) is the
    news of a licensing story, not of the controls that require them; the same headline with
    a shortage of another cause is none. Licence reviews halted (暂停…许可审查) hold licences
    back: no measure suspended."""
    body = "Several plants could halt production next month, the companies said."
    assert classify_category(title, body, "news", "2025-06-05") == "licensing"
    other = re.sub(r"(?i)(magnet )?licen[cs]e(s)? (delays|stall)|export licence applications",
                   r"chip \3", title).replace("出口许可审批缓慢", "芯片短缺").replace(
        "稀土出口许可审查", "芯片出口")
    assert classify_category(other, body, "news", "2025-06-05") != "licensing"


@pytest.mark.parametrize(("title", "essay"), [
    ("China's Germanium and Gallium Export Restrictions: Consequences for the United States",
     True),
    ("India's Automotive Sector at a Crossroads: Seizing Opportunities in Magnet Supply", True),
    ("Rare Earth Roadblock: A Geopolitical Shockwave", True),
    ("Export controls: the implications for chipmakers", True),
    ("Rare earths: China adds five elements to its export control list", False),
    ("Consequences for carmakers as China restricts magnet exports", False),
])
def test_an_english_title_weighing_consequences_after_its_colon_is_an_essay(title, essay):
    """The part after an English headline's colon naming what the writer weighs
    ("Consequences for the United States", "Seizing Opportunities in …", "A Geopolitical
    Shockwave"; sixtieth pass) makes an essay's title, as 影响, 启示 and 意义 do in Chinese: an
    opinion piece; a report's part after its colon, or such words opening the headline, do
    not."""
    body = ("China announced export controls on gallium and germanium on Monday. Exporters "
            "will need licences from August 1.")
    got = classify_category(title, body, "news", "2023-07-05")
    assert (got == "commentary") is essay


def test_an_argued_piece_opening_on_a_case_reports_the_case():
    """A self-media post that opens on a case (深圳法院判决…锑锭被成功截获) and then argues
    (sixtieth pass): the case is its news, `enforcement`, as a reminder with a case is; the same
    argument opening on no case, or marked as an opinion by its column, stays `commentary`."""
    argued = ("这不是小打小闹，而是一条完整的地下产业链，必须严惩。\n\n"
              "说到底，资源不是谁都能想买就买的，规则得讲，底线不能破。\n\n"
              "显然，今天是锑，明天可能是镓、钨、稀土，这些金属的管控只会越来越严。\n\n"
              "更重要的是，这也是对外释放的信号，任何人都不应心存侥幸。")
    case = "12月16日，深圳海关在口岸截获一批伪报品名的锑锭，涉案人员已被移送司法机关。\n\n"
    title = "锑锭走私案背后的国家底线"
    assert classify_category(title, case + argued, "news", "2025-12-18") == "enforcement"
    assert classify_category(title, "锑是一种重要的战略金属，用途广泛。\n\n" + argued, "news",
                             "2025-12-18") == "commentary"
    assert classify_category("时评：" + title, case + argued, "news", "2025-12-18") == "commentary"


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("两用物项出口的违法风险和合规",
     "本篇内容主要谈论违法出口两用物项的行政法律责任。\n\n"
     "对于未达到刑事追诉标准的违法出口行为，企业将面临行政处罚。海关查获后依法处罚。",
     "commentary"),
    ("Export controls and the foreign buyer",
     "This article examines how China's dual-use export control regulations reach foreign "
     "buyers.\n\nThe Regulations took effect on December 1, 2024, and customs have fined "
     "several exporters since.", "commentary"),
    # a report that names its own document is no essay
    ("商务部对镓相关物项实施出口管制",
     "商务部12日发布公告，决定对镓相关物项实施出口管制。本公告主要规定了管制物项的范围。",
     "controlled_item_change"),
])
def test_a_writer_announcing_what_the_piece_discusses_writes_an_essay(title, body, expected):
    """本篇内容主要谈论…, 本文主要探讨…, "This article examines …" (sixty-first pass): the writer
    announcing the piece's topic frames an essay, `commentary`, whatever acts it then explains;
    an announcement's own 本公告主要规定 is no such frame."""
    assert classify_category(title, body, "news", "2026-01-20") == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Silver exports face stricter China state trading",
     "China's Ministry of Commerce confirmed that silver exports will again be handled through "
     "a state-trading regime, meaning only firms on the approved list may ship abroad.",
     "licensing"),
    ("白银出口迎来新规",
     "商务部公布2026年白银出口国营贸易企业名单，44家企业具备出口资质。\n\n名单外企业不得出口。",
     "licensing"),
    # the same goods put under new controls are the controls
    ("China tightens export controls on silver",
     "China's Ministry of Commerce on Tuesday added silver to its export control list from "
     "December 1.", "controlled_item_change"),
])
def test_export_rights_granted_to_listed_firms_are_a_licensing_story(title, body, expected):
    """State trading, an approved list of exporters, 出口资质 (sixty-first pass): who may export
    is decided by a permission, as a licence decides it, so the story is `licensing`, not new
    controls on the goods; controls imposed on the goods stay controls."""
    assert classify_category(title, body, "news", "2025-10-31") == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("稀土出口管制新观点评：管制强化，板块战略价值凸显", "commentary"),
    ("北方稀土三季报点评（代拟标题）", "commentary"),
    ("商务部对稀土相关技术实施出口管制 业内点评称影响可控", "controlled_item_change"),
])
def test_a_brokers_comment_note_labelled_dianping_is_commentary(title, expected):
    """点评 labelling a title before its colon or at its end (a broker's comment note: 稀土出口管制
    新观点评：…, 三季报点评; sixty-first pass) marks an opinion piece; 点评 inside a headline that
    reports an act ("业内点评称…") is a word of the story, not its label."""
    body = ("商务部10月9日发布公告，对稀土相关技术实施出口管制。"
            "我们认为板块估值具备上行空间。")
    assert classify_category(title, body, "news", "2025-10-13") == expected


@pytest.mark.parametrize(("body", "essay"), [
    ("引言:稀土元素的战略重要性与中国出口管制的背景\n\n稀土元素是一组17种化学元素的统称。"
     "2023年，中国商务部宣布对镓、锗实施出口许可制度。", True),
    ("一、引言\n\n本文讨论出口管制对韩国产业的影响。2023年，中国对镓、锗实施出口管制。", True),
    ("前言\n\n中国政府发布白皮书，阐述出口管制的立场。2023年，中国对镓、锗实施出口管制。", False),
])
def test_a_text_opening_a_section_headed_yinyan_is_an_essay(body, essay):
    """A section headed 引言 (sixty-first pass) opens a paper or an essay: `commentary`; a white
    paper's 前言 is a government's statement, not marked."""
    got = classify_category("中国稀土出口管制与韩国产业", body, "news", "2025-10-20")
    assert (got == Category.COMMENTARY.value) is essay


@pytest.mark.parametrize(("title", "expected"), [
    ("China's export curbs on Japan risk collateral damage to Korean chipmakers",
     "controlled_item_change"),
    ("China's tungsten export controls lift prices at Taiwan's upstream suppliers",
     "controlled_item_change"),
    ("Exports of gallium have stalled since China's export controls came into force",
     "controlled_item_change"),
    # a government's warning about the controls is its statement
    ("German minister says China's export controls risk a new crisis", "policy_statement"),
])
def test_an_effect_china_s_measure_risks_or_drives_is_the_measures_story(title, expected):
    """"China's export curbs on Japan risk collateral damage …", "… controls lift prices …",
    "… stalled since China's export controls came into force" (sixty-first pass): an effect the
    measure risks, drives or has had since it came is the story of the measure, as one it
    forces or halts already was (when the body dates the act to the news); a government
    speaking of it makes a statement."""
    body = ("Chipmakers in Seoul said on Wednesday they were checking their supply chains after "
            "the measure, and analysts expect prices to keep rising. China imposed the export "
            "controls on Monday.")
    assert classify_category(title, body, "news", "2026-01-07") == expected


# --- the sixty-second pass (real52) -------------------------------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("China's strict control over heat-resistant rare earth magnets exposes US military supply "
     "chain", "controlled_item_change"),
    ("China's rare earth controls hamper Europe's wind turbine makers", "controlled_item_change"),
    ("China's Antimony Export Halt to Europe Fuels 300% Price Surge", "controlled_item_change"),
    ("China's export ban sparks scramble for gallium among chipmakers", "controlled_item_change"),
    # control as dominance, with no effect told, is no measure's story
    ("China's control over rare earths is a strategic asset", "policy_statement"),
])
def test_an_effect_of_china_s_control_over_goods_is_the_measures_story(title, expected):
    """"China's strict control over heat-resistant rare earth magnets exposes US military supply
    chain" (sixty-second pass): the singular control told over its goods, with an effect it
    exposes or hampers, is the measure's story as the plural controls were; so is an export
    halt or ban that fuels, sparks or triggers an effect (the body dating the act to the
    news)."""
    body = ("Defence contractors in the US said on Tuesday they were checking their stocks of "
            "magnets, and analysts expect the shortage to last for months. China imposed the "
            "export controls on Monday.")
    assert classify_category(title, body, "news", "2025-06-10") == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("白宫：中国将恢复采购美国大豆 年底前1200万吨", "policy_statement"),
    ("White House: China will suspend its rare earth export controls", "policy_statement"),
    ("中国将暂停实施稀土出口管制措施", "suspension"),
])
def test_a_seat_of_government_as_the_headlines_speaker_makes_a_statement(title, expected):
    """白宫:中国将恢复采购美国大豆 (sixty-second pass): the White House speaking in the
    headline, as a state's name before the colon does, makes the story its statement of what
    China will do, not China's suspension; China's own act told in the headline is."""
    body = ("美国白宫11月1日公布中美贸易协议的更多细节。白宫在声明中称，中国将暂停实施10月9日"
            "宣布的稀土出口管制措施，并恢复采购美国大豆。\n\n"
            "中国还将发放稀土、镓、锗和石墨出口的通用许可证。")
    assert classify_category(title, body, "relay", "2025-11-02") == expected


def test_a_licence_told_as_an_export_pass_obtained_is_licensing():
    """四家印度企业拿到稀土出口“通行证” (sixty-second pass): an export pass obtained is a licence
    granted told figuratively, so a chatty telling of it stays the licensing story it reports;
    a travel pass obtained is no licence."""
    body = ("10月31日，印度外交部宣布，四家印度企业拿到了稀土出口“通行证”。别以为这是随便松口，"
            "要知道，中国的管控从来都有理有据。说白了，规矩没有变。")
    got = classify_category("四家印度企业拿到稀土出口“通行证”", body, "relay", "2025-11-01")
    assert got == Category.LICENSING.value
    from pipelines.reading import read_acts
    assert not read_acts("他拿到了出差通行证")


@pytest.mark.parametrize(("title", "essay"), [
    ("The Blessing of Chinese Graphite Export Restrictions", True),
    ("The Case for Answering China's Rare Earth Curbs with Stockpiles", True),
    ("In Defense of Export Controls on Gallium", True),
    ("China's Rare Earth Export Curbs and Japanese Carmakers: Assessing Vulnerabilities", True),
    ("Rare earths: China adds five elements to its control list", False),
    ("中国稀土磁铁公司绕开国内管制向西方出口，说白了，就是拿国家战略安全换私利", True),
    # a report's headline names who did what
    ("China restricts exports of graphite used in EV batteries", False),
    ("中国稀土磁铁公司绕开国内管制向西方出口被查处", False),
])
def test_a_headline_of_judgement_or_aside_is_an_essays_title(title, essay):
    """"The Blessing of Chinese Graphite Export Restrictions", "The Case for …", "In Defense of
    …", and a headline holding the writer's aside (…这事,说白了,就是…) (sixty-second pass): the
    writer's judgement or voice in the headline itself makes an essay's title; a headline that
    reports who did what does not."""
    from pipelines.classify import _essay_title
    assert _essay_title(title) is essay


# --- the sixty-third pass (real58, real60) -------------------------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("China Tightens Export Controls, Banning Dual-Use Items to 20 Japanese Entities Amid "
     "Rising Tensions", "entity_listing"),
    # a second act told as its own: the headline's first act decides
    ("China imposes export controls on seven rare earth items, puts US firms on control lists",
     "controlled_item_change"),
])
def test_controls_tightened_by_a_listing_are_the_listing(title, expected):
    """"China Tightens Export Controls, Banning Dual-Use Items to 20 Japanese Entities"
    (sixty-third pass): the participle tells what the tightening was, a listing."""
    body = ("China's Ministry of Commerce on Tuesday announced export control measures, citing "
            "national security.")
    assert classify_category(title, body, "news", "2026-02-24") == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("日本外务省抗议中方两用物项出口管制 中国大使：完全正当合理", "policy_statement"),
    ("高市：中国加强两用物资出口管制只针对日本 无法容许", "policy_statement"),
    ("中国加强两用物项对日本出口管制", "controlled_item_change"),
])
def test_another_states_protest_or_leader_in_the_headline_is_a_statement(title, expected):
    """日本外务省抗议中方两用物项出口管制 and 高市：中国加强两用物资出口管制只针对日本 (sixty-third
    pass): another state's ministry protesting, or its leader as the headline's speaker, make the
    story that state's words, whatever act the headline quotes and the lead reports; China's act
    told in the headline alone is the act."""
    body = ("中国商务部1月6日宣布，决定加强两用物项对日本出口管制，禁止所有两用物项对日本军事用户"
            "出口。\n\n日方1月8日提出强烈抗议，要求撤回该措施。")
    assert classify_category(title, body, "relay", "2026-01-08") == expected


def test_an_opinion_piece_on_a_fatal_blow_is_commentary():
    """锂电池出口管制限制了什么? (sixty-third pass): an argued piece asking whether the controls are
    a fatal blow (致命打击) to the industry opens on no crackdown, so it stays commentary."""
    body = ("本周五,锂电板块出现了明显的调整,"
            "不少声音将下跌归咎于前一天商务部发布的锂电池出口管制公告。"
            "但冷静下来看,这个所谓的“限制”到底限制了什么?它真的是对整个锂电行业的致命打击吗?"
            "我们认为,答案显然是否定的。我们必须看清楚政策的核心。\n\n"
            "我们应当明白,这更像是一次精准的规范,而非一刀切的禁止。企业难道不应该按规定申报许可吗?")
    assert classify_category("锂电池出口管制限制了什么?", body, "relay", "2025-10-10") == \
        "commentary"


@pytest.mark.parametrize(("title", "expected"), [
    ("General License for Rare Earths and Critical Minerals? Interpreting the Differences Between "
     "the U.S. and China's Trade Deal Announcements", "commentary"),
    ("Rare Earth Deal: Understanding What Beijing Conceded", "commentary"),
    ("Trade truce? China suspends rare earth export controls for a year", "suspension"),
])
def test_a_question_then_a_gerund_of_reading_is_an_essays_title(title, expected):
    """"General License for Rare Earths and Critical Minerals? Interpreting the Differences …"
    (sixty-third pass): a part after a question or a colon that opens on a gerund of reading
    (interpreting, decoding, unpacking, understanding) names what the writer weighs, an essay's
    title; a question before a report's act stays the report."""
    body = ("Today, the White House released a fact sheet on the summit. China will suspend the "
            "export controls it announced on October 9, the fact sheet says.")
    assert classify_category(title, body, "news", "2025-11-02") == expected


def test_an_article_telling_the_aspects_it_reviews_is_an_essay():
    """本文从规则变化、国别政策…等八个方面对2024年美国出口管制动态进行梳理 (sixty-third pass): the
    writer announcing the aspects the piece reviews frames an essay, as 本文主要梳理 does; a report
    that the ministry reviewed aspects is news."""
    essay = ("2024年,美国对华出口管制力度有增无减。本文从规则变化、国别政策、物项清单等八个方面对"
             "2024年美国出口管制动态进行梳理,在此基础上展望2025年趋势。")
    news_text = ("商务部新闻发言人表示,美方从规则变化、物项清单等方面对出口管制进行调整,"
                 "中方坚决反对。")
    assert classify_category("2024年美国出口管制动态梳理", essay, "relay", "2025-01-20") == \
        "commentary"
    assert classify_category("商务部回应美国出口管制调整", news_text, "relay", "2025-01-20") != \
        "commentary"


@pytest.mark.parametrize(("first", "expected"), [
    ("China's commerce ministry announced plans on 2 January to limit exports of lithium iron "
     "phosphate processing technologies. Its consultation process will run until February.",
     "policy_statement"),
    ("China's commerce ministry announced on 2 January that exports of lithium iron phosphate "
     "processing technologies will need a licence from February.", "controlled_item_change"),
])
def test_plans_under_consultation_are_a_draft_for_comment(first, expected):
    """"China announces plans to limit exports of LFP and LMFP technologies", whose first
    paragraph says "Its consultation process will run until February" (sixty-third pass): an act
    to come with a consultation running is a draft for comment, a statement of intent; the same
    headline over a paragraph telling the requirement decided stays the act."""
    body = first + ("\n\nAnalysts said the move is partly a response to incoming president "
                    "Trump's planned tariffs.")
    title = "China announces plans to limit exports of LFP and LMFP technologies"
    assert classify_category(title, body, "news", "2025-01-08") == expected


# --- the sixty-fourth pass (real66, real68) ------------------------------------------------------

@pytest.mark.parametrize(("published", "expected"), [
    ("2025-05-20", Category.POLICY_STATEMENT.value),
    ("2025-04-08", Category.CONTROLLED_ITEM_CHANGE.value),
])
def test_the_effect_of_controls_the_body_dates_before_the_news_is_a_statement(published,
                                                                              expected):
    """"Europe faces automotive crisis as rare earth supplies falter amid China export curbs"
    over "Since April, new licensing requirements have severely curtailed shipments of key
    minerals like dysprosium and terbium", told on 20 May 2025 (sixty-fourth pass): the body
    dates the controls whose effect the headline tells to before the news, so the story is the
    effect of an earlier act, a statement; told in the week they began, it is the act's story."""
    body = ("A severe crisis looms over Europe's automotive industry, with analysts warning that "
            "the continent's supply of rare earth elements is on the verge of depletion.\n\n"
            "Since April, new licensing requirements have severely curtailed shipments of key "
            "minerals like dysprosium and terbium.")
    title = "Europe faces automotive crisis as rare earth supplies falter amid China export curbs"
    assert classify_category(title, body, "news", published) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("S. Korea enhances monitoring of key metal supply chains over China's export curbs", None),
    # (a state explaining or defending its stance on the measure: sixty-fifth pass)
    ("Japan to explain stance on China's export controls in US next week", None),
    ("South Korea defends its response to China's export curbs", None),
    ("US chipmakers halt output after China's export curbs", Category.CONTROLLED_ITEM_CHANGE),
    ("Japanese firms scramble after China's export curbs", Category.CONTROLLED_ITEM_CHANGE),
    ("South Korea faces shortages over China's export curbs", Category.CONTROLLED_ITEM_CHANGE),
])
def test_another_state_acting_over_chinas_measure_is_its_reaction(title, expected):
    """"S. Korea enhances monitoring of key metal supply chains over China's export curbs"
    (sixty-fourth pass): another state acting over China's measure takes its own step, a
    reaction, not the measure's effect, and its story is a statement; a state's firms or
    chipmakers halting output, or the shortages a state faces, are the measure's effect (the
    act's story when the body dates the act to the news: _effect_of_an_earlier_act)."""
    from pipelines.classify import _effect_of_measure
    assert _effect_of_measure(title) is expected
    body = ("South Korea has started to enhance monitoring of supply chains of key metals in "
            "response to China's export controls, the industry ministry said Tuesday.\n\n"
            "China began imposing restrictions on exporting gallium and germanium the same day.")
    if expected is None:
        assert classify_category(title, body, "news", "2023-08-01") \
            == Category.POLICY_STATEMENT.value


# --- the sixty-fifth pass (real78, real80) -------------------------------------------------------

PORK_PROBE = (
    "China has decided to extend its safeguard investigation into imported pork by four months, "
    "the Ministry of Commerce said on Friday, citing the complexity of the case.\n\n"
    "Asked by reporters about the extension, a ministry spokesperson said the investigating "
    "authority had received a large number of comments from interested parties and needed more "
    "time to verify the information. The spokesperson said the questions raised by domestic "
    "producers and foreign exporters would be handled in an objective and fair manner, in line "
    "with the rules of the World Trade Organization.\n\n"
    "The spokesperson added that the ministry would continue to communicate with all parties and "
    "protect their legitimate rights, and that the final decision would be announced in due "
    "course. Analysts said the move gave exporters in Brazil, Spain and the United States some "
    "breathing room, while domestic farmers hoped for relief from low prices that have squeezed "
    "their margins for more than a year.")


def test_a_trade_remedy_case_in_the_lead_settles_a_weak_steps_tariff():
    """"China prolongs investigation of imported beef case" over a lead telling the safeguard
    investigation extended and a spokesperson's explanations (sixty-fifth pass): a trade-remedy
    case in the headline or the lead settles the tariff a weak step read, which the category
    model, taught few such cases, would overrule as a statement; the reason says so."""
    category, reason = read_category("China prolongs its probe into imported pork", PORK_PROBE,
                                     "news", "2025-11-28")
    assert (category, reason) == (Category.TARIFF.value,
                                  "the rules: a trade-remedy case in the headline or the lead")


def test_tags_run_together_after_keywords_are_no_journals_keywords():
    """关键词:稀土管制商务部公告稀土管制的影响 on a content site (sixty-fifth pass): tags run
    together, or parted by spaces, are a web page's; a journal parts its keywords with
    semicolons or commas (关键词:出口管制;镓;锗), and only that line marks an essay."""
    title = "商务部宣布对稀土相关技术及物项实施全面出口管制"
    body = ("10月9日，商务部正式发布公告，宣布对一系列涉及国家安全和利益的物项实施严格的出口管制"
            "措施，其中稀土相关技术成为管控的重中之重。")
    tags = "关键词:稀土管制商务部公告稀土管制的影响\n\n"
    assert classify_category(title, tags + body, "news", "2025-10-10") \
        == Category.CONTROLLED_ITEM_CHANGE.value
    paper = "关键词:稀土管制;商务部公告;影响\n\n"
    assert classify_category(title, paper + body, "news", "2025-10-10") \
        == Category.COMMENTARY.value


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("印尼将于6月10日起暂停出口铝土矿原矿",
     "能源和矿产资源部日前确认政府将于今年6月10日开始暂停出口铝土矿原矿产品，这一禁令也得到了总统的"
     "支持。\n\n对于那些无法出口铝土矿的企业，可以选择供应给国内现有的冶炼厂。",
     Category.POLICY_STATEMENT.value),
    ("Indonesia to suspend bauxite exports from June 10",
     "The energy and mineral resources ministry confirmed on Monday that the government will "
     "suspend exports of raw bauxite from June 10, a ban backed by the president.\n\n"
     "Companies unable to export can supply the four smelters in the country.",
     Category.POLICY_STATEMENT.value),
    ("中方将于6月10日起暂停出口管制措施",
     "商务部日前确认将于今年6月10日开始暂停实施相关出口管制措施。",
     Category.SUSPENSION.value),
])
def test_the_lead_telling_the_headlines_foreign_act_without_china_is_that_act(title, body,
                                                                            expected):
    """印尼将于6月10日起暂停出口铝土矿原矿 over 能源和矿产资源部日前确认政府将…暂停出口铝土矿原矿
    (sixty-fifth pass): the headline tells a foreign state's act, and the lead tells an act of
    that kind with no actor of China's (a ministry, the government): it is the same foreign
    act, the headline naming its actor, so the page is a statement, not the regime's
    suspension; China's own suspension stays one."""
    assert classify_category(title, body, "news", "2023-06-05") == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("中国商务部突出手制裁 不准对日出口军民两用物资",
     "中国商务部6日晚间宣布，即日起严禁自家企业向日本出口，任何具备军事用途的「军民两用物资」。",
     Category.CONTROLLED_ITEM_CHANGE.value),
    ("日本企业担忧供应",
     "中国商务部6日晚间宣布，即日起严禁向日本出口军民两用物项。",
     Category.CONTROLLED_ITEM_CHANGE.value),
    ("日本企业担忧供应",
     "中国商务部6日晚间表示，将密切关注日本的动向。",
     Category.POLICY_STATEMENT.value),
])
def test_a_ban_told_by_yanjin_or_buzhun_is_controls(title, body, expected):
    """即日起嚴禁…向日本出口…軍民兩用物資, 不准對日出口 (sixty-sixth pass): an export ban told by
    严禁 or 不准 is controls imposed, as 禁止 is."""
    assert classify_category(title, body, "news", "2026-01-06") == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("经济部：中共扩大稀土管制 对台湾半导体制程尚无显著影响", Category.POLICY_STATEMENT.value),
    ("稀土管制对台湾半导体制程的影响", Category.COMMENTARY.value),
])
def test_a_finding_of_no_influence_is_no_essays_title(title, expected):
    """經濟部：…對台灣半導體製程尚無顯著影響 (sixty-sixth pass): a headline ending on a finding
    about the influence (尚无显著影响, 没有实质影响) is what someone found, not the topic an
    essay weighs (…的影响)."""
    body = ("中华民国经济部12日发布新闻稿表示，这次扩大禁令的稀土元素与台湾半导体制程所需"
            "并不相同。\n\n经济部将持续关注供应链调整可能带来的间接影响。")
    assert classify_category(title, body, "news", "2025-10-13") == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("On July 3, 2023, the Chinese Ministry of Commerce announced that the export of gallium and "
     "germanium, chemicals used in the semiconductor industry, will now be subject to a license "
     "system.", Category.CONTROLLED_ITEM_CHANGE.value),
    ("On July 3, 2023, the Chinese Ministry of Commerce said that it was watching the market for "
     "gallium and germanium, chemicals used in the semiconductor industry.",
     Category.POLICY_STATEMENT.value),
])
def test_goods_told_to_be_subject_to_a_licence_system_are_controls(body, expected):
    """"announced that the export of gallium and germanium … will now be subject to a license
    system" (sixty-sixth pass): goods told to be made subject to a licence system, regime or
    requirement (or to licensing, approval, export controls) are controls imposed."""
    assert classify_category("China Strikes Back: How Export Restrictions Could Impact Chips",
                             body, "news", "2023-07-12") == expected


@pytest.mark.parametrize(("title", "lead", "expected"), [
    ("Govt prohibits export of non-basmati white rice",
     "The Union government on July 20 prohibited export of non-basmati white rice, according to "
     "a notification of the directorate general of foreign trade (DGFT).",
     Category.POLICY_STATEMENT.value),
    ("Union government bans export of non-basmati white rice",
     "New Delhi: The Union government has banned the export of non-basmati white rice.",
     Category.POLICY_STATEMENT.value),
    ("Govt prohibits export of gallium products",
     "The Chinese government on July 3 prohibited exports of some gallium products without a "
     "licence.", Category.CONTROLLED_ITEM_CHANGE.value),
])
def test_a_government_the_headline_does_not_name_is_the_leads(title, lead, expected):
    """"Govt prohibits export of non-basmati white rice" over "The Union government on July 20
    prohibited export …" (sixty-sixth pass): India's government by its own names (the Union
    government, the DGFT) is a foreign actor, and a government the headline does not name is the
    one its lead names; China's government named in the lead keeps the act China's."""
    assert classify_category(title, lead, "news", "2023-07-20") == expected


def test_dialogue_on_export_controls_is_no_act_on_them():
    """"China willing to strengthen dialogue on rare-earth export controls, has approved
    compliant applications: MOFCOM" (sixty-sixth pass): dialogue, communication or cooperation
    strengthened on controls is talk about them, no controls strengthened; the approvals are
    the headline's act."""
    title = ("China willing to strengthen dialogue on rare-earth export controls, has approved "
             "compliant applications: MOFCOM")
    body = ("The Ministry of Commerce on Thursday reiterated that China's export controls on rare "
            "earths are in line with international practice.")
    assert classify_category(title, body, "news", "2025-06-12") == Category.LICENSING.value
    assert classify_category("China strengthens export controls on rare earths", body, "news",
                             "2025-06-12") == Category.CONTROLLED_ITEM_CHANGE.value


def test_tariffs_enacted_are_imposed():
    """"China announced measures against U.S. businesses, including Google, by enacting new
    tariffs and blacklisting companies" (sixty-sixth pass): tariffs enacted are imposed, the
    lead's first act, before the antitrust probe the page goes on to tell."""
    title = "China's Counterpunch: New Tariffs Target U.S. Businesses"
    body = ("China announced measures against U.S. businesses, including Google, by enacting new "
            "tariffs and blacklisting companies like PVH Corp and Illumina. The move followed "
            "U.S. tariffs on Chinese goods. Google is under investigation for alleged "
            "anti-monopoly law violations in China.")
    assert classify_category(title, body, "news", "2025-02-04") == Category.TARIFF.value


@pytest.mark.parametrize(("title", "lead", "expected"), [
    ("China approves rare earth exports to several South Korean firms",
     "According to a report from Business Korea, South Korea's Ministry of Trade, Industry and "
     "Energy and industry sources on May 25 indicated that China's Ministry of Commerce has "
     "approved rare earth exports this month to several South Korean firms.",
     Category.LICENSING.value),
    ("China is making it harder to get rare earth magnet export licenses, sources say",
     "Chinese rare earth magnet companies have been facing tighter scrutiny on export license "
     "applications since September, sources say.", Category.LICENSING.value),
])
def test_chinas_licensing_in_the_headline_stays_chinas(title, lead, expected):
    """"China approves rare earth exports to several South Korean firms" over a lead in which
    South Korea's ministry reports it, and "China is making it harder to get rare earth magnet
    export licenses" (sixty-sixth pass): a headline whose subject is China is China's act,
    whatever foreign office the lead names first as its source; licences made harder to get are
    licences held up, the licensing, which the headline decides."""
    assert read_category(title, lead, "news", "2025-05-26") == (expected, "the rules: the headline")


@pytest.mark.parametrize("label", ["– Analysis", "- OpEd", "— Opinion"])
def test_a_signed_pieces_label_after_a_dash_at_the_headlines_end_is_commentary(label) -> None:
    """"How China Is Weaponizing Its Dominance In Critical Minerals Trade – Analysis" (sixty-
    seventh pass): reviews that republish think tanks' and writers' pieces label them after a
    dash at the headline's end; a signed piece, commentary, though its body reports the act it
    weighs. A news agency's "Analysis:" before the headline stays news."""
    title = f"Why Beijing's gallium ban on the US matters {label}"
    body = ("China banned exports of gallium, germanium and antimony to the United States on "
            "Tuesday, the commerce ministry said.")
    assert classify_category(title, body, "news", "2024-12-10") == "commentary"
    assert classify_category(title.replace(label, "").strip(), body, "news",
                             "2024-12-10") != "commentary"
    assert classify_category("Analysis: Why Beijing's gallium ban on the US matters", body,
                             "news", "2024-12-10") != "commentary"


# --- the seventy-first pass (real66 to real128, even) --------------------------------------------

_IDLE_TITLE = "Carmakers in Europe idle lines amid China's rare earth curbs"


@pytest.mark.parametrize(("body", "expected"), [
    # the act never dated: the effect is the news, told as the industry's (a statement)
    ("Three plants stopped their lines this week, the industry group said.\n\n"
     "Stocks of magnets were running low.", Category.POLICY_STATEMENT),
    # a date that ends the effect is not the act's
    ("The halt, expected to last until July 12, is linked to export restrictions on rare earths "
     "imposed by China.\n\nStocks of magnets were running low.", Category.POLICY_STATEMENT),
    # a measure named bare in a sentence dated by other news
    ("Dealers said on Wednesday that magnets were scarce because of the export controls.\n\n"
     "Stocks of magnets were running low.", Category.POLICY_STATEMENT),
    # the measure called new by its own adjective, or its act dated to the news: the act's story
    ("Plants stopped their lines after China's new export controls on rare earths.\n\n"
     "Stocks of magnets were running low.", Category.CONTROLLED_ITEM_CHANGE),
    ("Three plants stopped their lines this week, the industry group said.\n\n"
     "China imposed the export controls on Monday.", Category.CONTROLLED_ITEM_CHANGE),
])
def test_an_effect_told_with_no_date_for_its_act_is_no_news_of_it(body, expected):
    """A headline naming China's measure by a noun alone, with an effect ("… idle lines amid
    China's rare earth curbs"), over a body that dates no act of its kind (seventy-first pass):
    no act is the news, and the story is a statement, as real pages on effects are labelled. A
    date that ends something ("until July 12") or dates other news ("Dealers said on Wednesday")
    is not the act's; a measure called new, or its act dated, keeps the act's
    story."""
    assert classify_category(_IDLE_TITLE, body, "news", "2025-07-10") == expected.value


@pytest.mark.parametrize(("title", "expected"), [
    ("商务部下达2025年第一批钨、锑出口配额", Category.LICENSING),
    ("商务部公布2026年稀土出口企业名单", Category.LICENSING),
    ("MOFCOM issues first batch of 2026 export quotas for tungsten and antimony",
     Category.LICENSING),
    ("Export quotas for tungsten allocated to 15 state-owned trading enterprises",
     Category.LICENSING),
    # another state's quotas are its own measure, not the regime's permission
    ("Indonesia allocates nickel ore export quotas to miners", Category.POLICY_STATEMENT),
])
def test_export_quotas_allotted_are_a_permission_to_export(title, expected):
    """商务部下达…出口配额, a list of the firms that hold rare-earth export quotas, quotas issued to
    state-owned trading enterprises (seventy-first pass): how much each firm may export is
    decided by a permission, as who may export is (EXPORT_RIGHTS): licensing; another state's
    quotas are no act of the regime."""
    body = ("The quotas were set by each firm's output and exports over the past three years, "
            "officials said.")
    assert classify_category(title, body, "news", "2025-12-10") == expected.value


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("中国商务部对墨西哥相关涉华限制措施展开贸易投资壁垒调查",
     "商务部周四表示，决定自即日起对墨西哥相关涉华限制措施启动贸易投资壁垒调查。", "tariff"),
    ("China opens anti-discrimination investigation into Canada's surtaxes",
     "The Ministry of Commerce said on Tuesday it had opened an anti-discrimination "
     "investigation into Canada's 100 percent surtax on Chinese electric vehicles.", "tariff"),
    # another government's barrier inquiry into China's trade is its own
    ("EU opens trade barrier investigation into Chinese procurement",
     "The European Commission on Monday opened a trade barrier investigation into China's "
     "public procurement of medical devices, and Beijing said it would defend its companies.",
     "policy_statement"),
])
def test_a_trade_barrier_or_anti_discrimination_case_china_opens_is_filed_with_the_duties(
        title, body, expected) -> None:
    """贸易投资壁垒调查, "anti-discrimination investigation" (seventy-second pass): the Foreign
    Trade Law's cases lead to duties as trade remedies do (Canada's canola and pork duties
    followed one), so China opening one is `tariff`, as an anti-dumping case opened is; another
    government's barrier inquiry into China's trade is its measure, a statement."""
    assert classify_category(title, body, "news", "2025-09-26") == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Chinese-made EV import tariff takes effect, steel surtax to come",
     "The federal government has confirmed that its 100 per cent surtax on Chinese-made electric "
     "vehicles now applies to EVs and hybrid passenger automobiles.", "policy_statement"),
    ("Commission Implementing Regulation on biodiesel",
     "This Regulation imposes definitive anti-dumping duties on imports of biodiesel originating "
     "in the People's Republic of China. The duties range from 10% to 35.6%.",
     "policy_statement"),
    # China's own duties on another country's goods stay its act
    ("China's additional tariffs on US soybeans take effect",
     "The additional tariffs of 10 percent on soybeans imported from the United States took "
     "effect on Monday, the Customs Tariff Commission of the State Council said.", "tariff"),
])
def test_duties_on_chinas_goods_are_another_states(title, body, expected) -> None:
    """"Chinese-made EV import tariff takes effect", "imposes definitive anti-dumping duties on
    imports of biodiesel originating in the People's Republic of China" (seventy-second pass):
    duties on China's goods with no Chinese actor before them are another state's (China levies
    none on its own goods coming in), a statement of the news; China's duties on another
    country's goods stay `tariff`."""
    assert classify_category(title, body, "news", "2024-10-02") == expected


def test_the_authors_note_in_brackets_marks_an_opinion_piece() -> None:
    """（作者是武汉大学国际法研究所教授） closing a piece on the dual-use regulations
    (seventy-second pass): the author's note in brackets signs an op-ed, as 作者系 and "The
    author is" do; a paper's corresponding author named in a news story (通讯作者为…教授) is no
    such note."""
    body = ("《条例》的颁行符合国际惯例和中国所承担的国际义务。"
            "《条例》也推进了中国出口管制领域法治建设。"
            "\n\n中国几十年如一日的防扩散努力就是最真实的写照。")
    title = "两用物项出口管制条例颁行"
    assert classify_category(title, body + "（作者是武汉大学国际法研究所教授）", "news",
                             "2024-12-01") == "commentary"
    assert classify_category(title, body + "论文通讯作者为新加坡国立大学刘小钢教授。", "news",
                             "2024-12-01") != "commentary"


def test_a_notice_posted_is_the_instrument_of_an_act_to_come() -> None:
    """"China to ban chipmaking metal exports" over "China's Ministry of Commerce posted notices
    that the exports of eight gallium and six germanium products will require state approval"
    (seventy-second pass): a notice posted or issued is the act's instrument, as an
    announcement issued is, so the headline's act to come is the act; without it, an act to
    come is a statement of intent."""
    title = "China to ban chipmaking metal exports"
    posted = ("Metal Tech News - July 4, 2023\n\nOn July 3, China's Ministry of Commerce posted "
              "notices that the exports of eight gallium and six germanium products will require "
              "state approval.")
    said = ("Metal Tech News - July 4, 2023\n\nChinese officials told industry groups that the "
            "exports of eight gallium and six germanium products may require state approval.")
    assert classify_category(title, posted, "news", "2023-07-04") == "controlled_item_change"
    assert classify_category(title, said, "news", "2023-07-04") == "policy_statement"


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("商务部公告2024年第91号 关于对美国某航空公司等3家实体采取反制措施的决定",
     "一、禁止境内组织和个人与上述实体进行交易。\n二、本决定自公布之日起实施。", "entity_listing"),
    ("商务部令2023年第5号", "决定将下列企业列入反制清单，并采取以下措施。", "entity_listing"),
    ("商务部 科技部公告2023年第12号 关于公布《中国禁止出口限制出口技术目录》修订内容的公告",
     "删除2项，修改5项。", "controlled_item_change"),
])
def test_official_countermeasures_and_the_technology_catalogue(title: str, body: str,
                                                               expected: str) -> None:
    assert classify_category(title, body, "authority") == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("中华人民共和国反外国制裁法实施条例", "国务院有关部门可以决定采取反制措施。",
     "policy_statement"),
    ("商务部关于技术出口许可的公告", "依据《中国禁止出口限制出口技术目录》办理许可。", "licensing"),
])
def test_a_text_that_only_speaks_of_countermeasures_or_cites_the_catalogue(title, body, expected):
    assert classify_category(title, body, "authority") == expected
