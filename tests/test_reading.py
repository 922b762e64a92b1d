"""pipelines.reading: how a sentence reports an act (who, when, background, spoken about)."""

from __future__ import annotations

import pytest

from pipelines.reading import (
    argues,
    is_transcript,
    last_actor_is_foreign,
    reacted_to_by_foreign,
    read_acts,
    shows_instrument,
    stance_on,
    voice,
)
from pipelines.vocab import Category


def first(sentence: str):
    acts = read_acts(sentence)
    assert acts, sentence
    return acts[0]


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        ("China adds 12 U.S. entities to export control list", False),
        ("US adds 54 Chinese entities to Entity List", True),
        ("MOFCOM firmly opposes US chip export curbs", True),
        ("Beijing hits back as Washington raises tariffs to 145%", True),
        ("China will raise the additional tariffs on all imports from the US", False),
        ("China bans exports of gallium to the US", False),
        ("中方依法对日本采取出口管制措施", False),  # 对日本: the target
        ("商务部将28家美国实体列入出口管制管控名单", False),  # 美国实体: the object
        ("Mexican lawmakers approved tariff increases on Chinese goods", True),
        ("export controls imposed by the US on Chinese chipmakers", True),
    ],
)
def test_the_actor_is_the_last_government_named_before_the_verb(sentence, foreign):
    assert first(sentence).foreign is foreign


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        ("China will impose export controls on gallium from August 1", True),
        ("China to suspend recently announced export controls for one year", True),
        ("中方将暂停实施相关出口管制措施一年", True),
        ("商务部将28家美国实体列入出口管制管控名单", False),  # 将 marks the object
        ("China's decision on Tuesday to place 20 Japanese entities on its watch list", False),
        ("compliant application for civilian use can be approved", False),
        ("compliant applications for rare earth exports will be approved", True),
        ("China is willing to establish a green channel for applications for exports, so that "
         "compliant applications can be approved more quickly", False),
    ],
)
def test_an_act_announced_for_the_future(sentence, future):
    act = next(a for a in read_acts(sentence) if a.done)
    assert act.future is future


def test_a_bare_name_is_not_an_act_but_an_event_makes_it_one():
    assert not first("Rare earth export controls: what exporters need to know").done
    assert first("Gallium, germanium export licensing comes into force").done
    assert first("China imposes export controls on seven rare earth items").done


def test_acts_in_background_clauses_and_measures_spoken_about():
    lead = ("China's export controls on seven rare earth items, which took effect on April 4, are "
            "in line with international practice, a spokesperson said on Thursday.")
    act = first(lead)
    assert act.evaluated and not act.recent_event
    fresh = first("China's export controls on seven rare earth items, announced on Friday, are "
                  "in line with international practice, experts said.")
    assert fresh.evaluated and fresh.recent_event
    relative = first("The measures on the 20 Japanese entities that China placed on its watch "
                     "list on Tuesday are targeted, a spokesperson said.")
    assert relative.category is Category.ENTITY_LISTING and relative.background
    assert first("对镓、锗相关物项实施出口管制不针对任何特定国家").evaluated
    assert not read_acts("中方愿与欧方加强出口管制对话交流")  # the dialogue is strengthened


def test_halting_exports_is_a_control_and_lifting_a_ban_a_suspension():
    assert first("Beijing halts exports of gallium, germanium to US").category is (
        Category.CONTROLLED_ITEM_CHANGE)
    assert first("Beijing lifts ban on gallium, germanium exports to US").category is (
        Category.SUSPENSION)
    assert first("China targets 28 US defense firms with export ban").category is (
        Category.ENTITY_LISTING)


def test_the_instrument_of_a_future_act():
    assert shows_instrument("China to impose tariffs on some US goods from Feb 10")
    assert shows_instrument("according to a joint announcement by the ministry")
    assert shows_instrument("商务部、海关总署15日发布《关于对锑等物项实施出口管制的公告》")
    assert not shows_instrument("details would be set out in official announcements soon")
    assert not shows_instrument("企业应密切关注商务部后续发布的具体公告")


def test_the_writers_voice_counts_outside_quotation_marks():
    editorial = ("The suspension deserves to be read for what it is. Those who doubted it should "
                 "ask why. Nor should anyone mistake the pause for the end. We must keep talking.")
    assert argues(editorial)
    news = ('"Companies should read the rules. We must screen orders," said a lawyer. Experts '
            "said exporters should prepare. The ministry said on Monday that reviews continue.")
    assert voice(news) == (3, 0) and not argues(news)


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        # countermeasures told by their content against firms are a listing
        ("China freezes assets of seven US defense firms over arms sales to Taiwan",
         Category.ENTITY_LISTING),
        ("中方决定冻结有关企业在中国境内的动产、不动产和其他各类财产", Category.ENTITY_LISTING),
        # concealment and detention of goods are enforcement, like interception
        ("Customs foils bid to ship gallium abroad hidden in machinery", Category.ENFORCEMENT),
        ("Officers found gallium concealed in a consignment of pumps", Category.ENFORCEMENT),
    ],
)
def test_measures_told_by_their_content(sentence, category):
    act = first(sentence)
    assert act.category is category and act.done and not act.foreign


def test_an_act_denied_is_no_act_and_a_licence_received_is_one():
    denied = read_acts("The exporter had not obtained the licence required for antimony.")
    assert not any(a.done for a in denied if a.category is Category.LICENSING)
    received = read_acts("Magnet maker says it has obtained general export licence")
    assert any(a.category is Category.LICENSING and a.done for a in received)


def test_a_rate_lifted_to_a_figure_is_raised_not_lifted_off():
    raised = read_acts("Beijing lifts extra tariffs on US goods to 84% as countermeasures widen")
    assert raised[0].category is Category.TARIFF
    assert Category.SUSPENSION not in {a.category for a in raised}
    lifted = read_acts("Beijing lifts ban on gallium, germanium exports to US")
    assert lifted[0].category is Category.SUSPENSION


def test_a_when_clause_on_a_named_day_tells_that_days_event():
    acts = read_acts("The change came on Sunday, when the Ministry of Commerce suspended the "
                     "second paragraph of its announcement")
    suspension = next(a for a in acts if a.category is Category.SUSPENSION)
    assert suspension.background and suspension.recent_event
    undated = read_acts("Prices have doubled since the ministry suspended the paragraph")
    assert not any(a.recent_event for a in undated)


def test_the_headline_is_the_writers_voice_too():
    body = ("Some voices have called it a concession. It is also worth being precise. "
            "The question is whether the US will keep its word.")
    assert not argues(body)
    assert argues(body, "Washington should not misread it")


# --------------------------------------------------------------------------- eighth pass


def _kinds(sentence: str) -> set[Category]:
    return {a.category for a in read_acts(sentence)
            if a.done and not (a.foreign or a.background or a.future)}


def test_a_suspension_told_by_its_effect_is_a_suspension():
    assert Category.SUSPENSION in _kinds("Graphite exporters relieved as licence rules are put on "
                                          "hold")
    assert Category.SUSPENSION in _kinds("The ministry said the controls on antimony items would "
                                          "not be implemented until June 30 next year.")
    assert Category.SUSPENSION in _kinds("自6月1日起，对相关实体不再适用上述禁止性规定。")
    assert Category.SUSPENSION in _kinds("Traders may once again apply for permits to ship the "
                                          "metal to the listed firms for six months.")
    assert Category.SUSPENSION not in _kinds("Orders were put on hold by several buyers.")


def test_a_suspended_prison_term_is_no_suspension():
    acts = read_acts("A court sentenced the trader to two years in prison, suspended for three "
                     "years, and fined him 200,000 yuan for the exports.")
    kinds = {a.category for a in acts}
    assert Category.SUSPENSION not in kinds
    assert Category.ENFORCEMENT in kinds


def test_a_suspension_of_tariffs_is_a_tariff_decision():
    assert first("税则委员会决定继续暂停实施对部分商品加征的关税").category is Category.TARIFF
    assert first("China suspends the additional tariffs on some farm goods").category \
        is Category.TARIFF
    assert first("China suspends export controls on antimony").category is Category.SUSPENSION


def test_duties_by_other_names_are_tariffs():
    assert Category.TARIFF in _kinds("The ministry imposed anti-dumping duties on imported "
                                      "pork from Friday.")
    assert Category.TARIFF in _kinds("Beijing levied duties of 12.5 to 30 percent on the "
                                      "resin.")


def test_an_export_ban_aimed_at_entities_is_a_listing():
    assert first("商务部宣布禁止向9家加拿大企业出口两用物项").category is Category.ENTITY_LISTING
    assert first("China bans exports of dual-use items to 7 Canadian firms").category \
        is Category.ENTITY_LISTING
    assert first("China bans exports of gallium to the US").category \
        is Category.CONTROLLED_ITEM_CHANGE


def test_a_listing_verb_governs_however_long_the_list_of_names():
    sentence = ("The mechanism on Monday added nine entities, including Alpha Aero Systems, "
                "Beta Marine Robotics, Gamma Defence Electronics and Delta Sensors Corp, "
                "to the unreliable entity list.")
    assert first(sentence).category is Category.ENTITY_LISTING


def test_a_country_that_qualifies_an_industry_noun_names_the_object():
    acts = read_acts("A supplier halted shipments to a Japanese shipbuilding unit after it was "
                     "placed on China's export control list on Monday.")
    listing = next(a for a in acts if a.category is Category.ENTITY_LISTING)
    assert not listing.foreign


def test_a_reaction_the_day_after_dates_the_act_as_the_news():
    acts = read_acts("Cobalt prices rose on Tuesday, a day after China placed three metals under "
                     "export control, traders said.")
    act = next(a for a in acts if a.category is Category.CONTROLLED_ITEM_CHANGE)
    assert act.background and act.recent_event
    acts = read_acts("Cobalt prices have risen after China placed three metals under export "
                     "control.")
    assert not any(a.recent_event for a in acts)


def test_chinese_speaker_labels_make_a_transcript():
    body = "\n".join(["新华社电 近日，记者采访了有关负责人。", "记者：情况如何？",
                      "负责人：我们必须做好服务。", "记者：下一步怎么做？",
                      "负责人：我们应当继续指导企业。"])
    assert is_transcript(body)


def test_a_modal_before_seeing_argues():
    assert argues("必须看到，这些做法是国际通行的。同时也应看到，有关方面不能一错再错。"
                  "各方应当相向而行。")
    assert not argues("同时也看到，企业订单增加。有关负责人表示，出口平稳。")


def test_an_export_conditional_on_a_licence_is_a_control():
    act = first("稀土提纯相关技术未经许可不得出口")
    assert act.category is Category.CONTROLLED_ITEM_CHANGE and act.done
    assert first("These catalysts may not be exported without a licence").done


def test_firms_barred_from_trade_are_listed():
    assert first("Seven US drone firms barred from China-related trade").category \
        is Category.ENTITY_LISTING
    act = first("China on Friday barred five US companies from engaging in import and export "
                "activities related to China.")
    assert act.category is Category.ENTITY_LISTING and act.done and not act.foreign


def test_a_court_jailing_a_trader_is_enforcement():
    assert first("Exporter jailed for shipping gallium without a permit").category \
        is Category.ENFORCEMENT


def test_the_taiwan_authorities_are_another_authority():
    assert first("Taiwan authorities add two mainland chipmakers to entity list").foreign
    assert first("The trade authority of the island of Taiwan has added 8 mainland firms to "
                 "its entity list.").foreign


def test_a_passive_agent_is_the_actor_and_a_based_company_is_no_government():
    acts = read_acts("A Seoul-based battery maker said on Monday that shipments had resumed "
                     "after its suppliers' applications were approved by Chinese authorities.")
    act = next(a for a in acts if a.category is Category.LICENSING)
    assert not act.foreign
    assert act.recent_event  # resumed after: the cause of the day's news


def test_a_suspension_with_its_term_shows_its_instrument():
    assert shows_instrument("MOFCOM said it would keep suspended for another 90 days the "
                            "measures on 9 firms")
    assert not shows_instrument("MOFCOM said it would keep the measures under review")


def test_rules_on_overseas_shipments_are_controls():
    act = first("China tightens rules on overseas shipments of drone motors")
    assert act.category is Category.CONTROLLED_ITEM_CHANGE and act.done


def test_a_passive_agent_decides_over_a_government_named_before():
    acts = read_acts("South Korea's industry ministry said exports had resumed after licences "
                     "were approved by Chinese authorities.")
    act = next(a for a in acts if a.category is Category.LICENSING)
    assert not act.foreign


def test_a_suspension_verb_governs_the_measure_it_suspends():
    acts = read_acts("Beijing suspends countermeasures against three US drone makers")
    assert [a.category for a in acts] == [Category.SUSPENSION]


def test_customs_stopping_an_export_is_enforcement_not_a_ban():
    assert first("Shenzhen customs halts shipment of indium foil labelled as tin").category \
        is Category.ENFORCEMENT
    assert first("China halts exports of indium foil to the US").category \
        is Category.CONTROLLED_ITEM_CHANGE


def test_a_licence_requirement_imposed_is_a_control():
    act = first("商务部决定对出口至东南亚的部分催化剂实施出口许可管理")
    assert act.category is Category.CONTROLLED_ITEM_CHANGE and act.done


def test_what_is_recommended_is_no_act_done():
    act = first("The panel recommended shortening reviews, granting general licences to "
                "more exporters.")
    assert act.category is Category.LICENSING and act.future
    assert first("报告建议扩大通用许可的适用范围。").future
    assert not first("商务部已向部分企业发放通用许可。").future


def test_more_foreign_governments_act_for_themselves():
    assert first("Kazakhstan bans exports of diesel by road for six months").foreign
    assert first("哈萨克斯坦能源部决定禁止出口汽油").foreign
    assert not first("内蒙古一家企业获批出口许可").foreign


def test_a_ministry_named_with_its_country_is_that_countrys():
    sentence = ("The Ministry of Economy, Trade and Industry of Japan held a briefing to "
                "explain the impact of China's export controls announced on Tuesday.")
    act = first(sentence)
    assert act.background  # what the briefing is about


def test_a_rules_duties_reported_are_not_the_writers_voice():
    body = ("根据公告，出口经营者应当立即停止相关出口；确需出口的，应当提出申请。"
            "出口经营者不得规避管制。\n\n商务部发言人表示，措施针对少数实体。")
    reporting, arguing = voice(body, "商务部公布两份名单")
    assert arguing == 0 and reporting >= 3
    unattributed = body.replace("根据公告，", "")
    assert voice(unattributed, "商务部公布两份名单")[1] >= 2


def test_a_clause_opened_by_its_verb_shares_the_subject_before_it():
    sentence = ("Reports said on Monday that the Canadian government published new rules on "
                "drone parts, adds 30 entities to its entity list, effective immediately.")
    listing = next(a for a in read_acts(sentence) if a.category is Category.ENTITY_LISTING)
    assert listing.foreign
    chinese = sentence.replace("the Canadian government", "the Ministry of Commerce")
    listing = next(a for a in read_acts(chinese) if a.category is Category.ENTITY_LISTING)
    assert not listing.foreign


def test_the_matter_a_stance_is_stated_on_is_background():
    act = first("韩国产业通商部就中方对石墨实施出口管制表态")
    assert act.background
    assert not first("中方对石墨实施出口管制").background


def listing_reacted_to(lead: str) -> bool:
    """Whether the lead's entity listing is told as reacted to by a foreign government."""
    act = next(a for a in read_acts(lead) if a.category is Category.ENTITY_LISTING)
    return reacted_to_by_foreign(lead, act.head)


def test_stacked_qualifiers_of_companies_name_their_place():
    """"US drone and defense technology companies … after China added 11 of them to its
    unreliable entity list" (dev-819): the country qualifies the companies through coordinated
    industry words, so no foreign government reacts to the listing."""
    lead = ("US drone and defense technology companies were assessing the impact on Saturday "
            "after China added 11 of them to its unreliable entity list a day earlier.")
    assert not listing_reacted_to(lead)
    officials = lead.replace("US drone and defense technology companies", "US officials")
    assert listing_reacted_to(officials)


def test_a_suspension_named_as_its_period_is_no_act():
    """暂停实施期间 / 暂停期间 / "the suspension period": a state, not an act of suspending."""
    assert not first("相关措施目前仍处于暂停实施期间").done
    assert not first("暂停期间企业出口上述物项无需申请许可").done
    assert first("商务部暂停实施相关出口管制措施").done


def test_industry_words_between_a_country_and_companies_name_their_place():
    """"Shares of several Japanese defense and materials companies fell" (dev-895): whatever
    industry words stand between the country and the noun of companies, the country is the
    companies' place, not a government reacting to the listing; "Japan said its companies" is."""
    lead = ("Shares of several Japanese defense and materials companies fell on Wednesday, a day "
            "after China's Ministry of Commerce added 20 Japanese entities to its export control "
            "list.")
    assert not listing_reacted_to(lead)
    said = lead.replace("Shares of several Japanese defense and materials companies fell",
                        "Japan said its companies would protest")
    assert listing_reacted_to(said)


def test_a_country_after_in_is_a_place():
    """"Shares … fell in Tokyo on Wednesday, a day after China … added …" (dev-895): the capital
    where the market moved is a place, not the Japanese government reacting."""
    lead = ("Shares of Mitsubishi Heavy fell in Tokyo on Wednesday, a day after China's Ministry "
            "of Commerce added 20 Japanese entities to its export control list.")
    assert not listing_reacted_to(lead)
    protest = lead.replace("Shares of Mitsubishi Heavy fell in Tokyo", "Tokyo protested")
    assert listing_reacted_to(protest)


def test_the_day_after_a_list_of_items_dates_the_act():
    """"rallied … after the ministry announced export controls on tungsten, tellurium, bismuth,
    molybdenum and indium related items on Tuesday" (dev-876): the day that ends the list still
    dates the announcing, an event of the week; a year there dates it to history."""
    lead = ("Shares of tungsten producers rallied on Wednesday, the first trading day after the "
            "holiday, after China's Ministry of Commerce announced export controls on tungsten, "
            "tellurium, bismuth, molybdenum and indium related items on Tuesday.")
    act = next(a for a in read_acts(lead) if a.category is Category.CONTROLLED_ITEM_CHANGE)
    assert act.background and act.recent_event
    old = lead.replace("items on Tuesday.", "items in 2023.")
    act = next(a for a in read_acts(old) if a.category is Category.CONTROLLED_ITEM_CHANGE)
    assert not act.recent_event


def test_an_act_in_a_since_clause_starts_a_period():
    """"His company's first shipment … since China placed antimony under export control left the
    factory on Tuesday" (dev-658): the day dates the shipment; the act the since-clause names is
    when the period began, not the day's event."""
    text = ("His company's first shipment to a buyer in Belgium since China placed antimony under "
            "export control left the factory on Tuesday.")
    act = next(a for a in read_acts(text) if a.category is Category.CONTROLLED_ITEM_CHANGE)
    assert act.background and not act.recent_event


def test_a_joint_commitment_has_both_sides_as_its_actor():
    """双方将暂停部分加征关税90天 (dev-930): both sides together promise the act; one side's own
    decision after the joint statement is not joint."""
    assert first("中美日内瓦经贸会谈联合声明发布 双方将暂停部分加征关税90天").joint
    assert first("China and the US agreed at talks that both sides will suspend some tariffs").joint
    told = ("China's Customs Tariff Commission of the State Council said it will suspend the 24 "
            "percent additional tariff on US goods for 90 days, following the joint statement")
    assert not any(a.joint for a in read_acts(told))


def test_a_measure_asked_about_is_no_event_of_the_day():
    """"… said on Friday, after some foreign buyers asked whether the export controls on rare
    earths announced last week would affect the drugs" (dev-942): the question's subject."""
    lead = ("Hospitals need not worry about supplies of contrast agents, an association said on "
            "Friday, after some foreign buyers asked whether the export controls on rare earths "
            "announced on Friday would affect the drugs.")
    act = next(a for a in read_acts(lead) if a.category is Category.CONTROLLED_ITEM_CHANGE)
    assert act.background and not act.recent_event
    told = lead.replace("some foreign buyers asked whether the", "the ministry announced")
    act = next(a for a in read_acts(told) if a.category is Category.CONTROLLED_ITEM_CHANGE)
    assert act.recent_event


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        # a country that qualifies people or bodies names whose they are (dev-954)
        ("A US team has withdrawn from a race in Shenzhen, after a US drone maker that is its "
         "sponsor was one of 11 US entities China put on its unreliable entity list on Friday",
         False),
        ("Japanese researchers said a project would halt after China put a Japanese institute on "
         "its export control list", False),
        ("US officials protested after China put 11 firms on its unreliable entity list", True),
    ],
)
def test_a_country_qualifying_people_or_bodies_is_no_government(sentence, foreign):
    assert listing_reacted_to(sentence) is foreign


def test_a_will_of_the_main_clause_does_not_reach_into_an_after_clause():
    """"… said it would cancel a joint project after China added its partner to its unreliable
    entity list on Monday": the listing is done, not promised."""
    text = ("A US university team said on Tuesday it would cancel a joint project after China "
            "added the team's industry partner to its unreliable entity list on Monday.")
    act = next(a for a in read_acts(text) if a.category is Category.ENTITY_LISTING)
    assert act.done and not act.future
    assert first("China would add the firms to its unreliable entity list").future


def test_ban_on_is_a_noun_and_no_decision_denies():
    """"Magnet maker says ban on exports to US military users hurt little": the measure's name,
    no verb; "imposed a ban on", or the ban "announced in December", tells the act. "No decision
    yet on extending the suspension" denies the act."""
    assert not first("Magnet maker says ban on exports to US military users hurt little").done
    assert first("China imposed a ban on exports to US military users").done
    assert first("the ban on exports of antimony to the United States announced in December "
                 "ended its sales").done
    assert first("China bans exports of gallium to the US").done
    act = first("Ministry says no decision yet on extending rare earth suspension")
    assert act.negated and not act.done


@pytest.mark.parametrize(
    ("before", "foreign"),
    [
        ("商务部18日发布公告，对原产于美国、欧盟、日本和台湾地区的进口共聚甲醛", False),
        ("China imposed duties on imports from the US, the EU and Japan", False),
        ("对美国和日本", None),
        ("China imposed duties on imports from the US, and Japan", False),
        ("美国、欧盟宣布", True),
        ("China imposed duties on the US and Japan's ministry", True),
    ],
)
def test_a_country_coordinated_with_a_target_is_a_target(before, foreign):
    """原产于美国、欧盟、日本 (dev-964): every country of the list after 原产于 or "from" is the
    goods' origin, not a government acting; a possessive still acts."""
    assert last_actor_is_foreign(before) is foreign


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        ("A Singapore-registered trading company has been fined 2.3 million yuan by Shenzhen "
         "customs", False),
        ("Singapore trader fined for shipping antimony via bonded zone without licence", False),
        ("A Hong Kong-listed Japanese firm was fined by customs for smuggling gallium", False),
        ("Singapore fined a Chinese trader for smuggling", True),
    ],
)
def test_a_company_registered_in_a_country_is_no_government(sentence, foreign):
    """"A Singapore-registered trading company has been fined … by Shenzhen customs", "Singapore
    trader fined" (dev-980): the country names where the company is, the company is fined."""
    act = next(a for a in read_acts(sentence) if a.category is Category.ENFORCEMENT)
    assert act.foreign is foreign


def test_a_list_of_entities_is_an_entity_list():
    """"China added 12 US firms to its list of entities barred from receiving Chinese dual-use
    items" (dev-971): the list named by what it holds."""
    act = first("China added 12 US firms to its list of entities barred from receiving Chinese "
                "dual-use items")
    assert act.category is Category.ENTITY_LISTING and act.done
    assert first("China put the firms on a list of companies barred from trade").category is \
        Category.ENTITY_LISTING


def test_licences_needed_to_ship_goods_from_a_day():
    """"need licences to ship the metals and several of their compounds abroad from Tuesday"
    (dev-973): the goods between the licence and its day; "from China" is a place, no day."""
    act = first("Chinese producers of gallium and germanium need licences to ship the metals and "
                "several of their compounds abroad from Tuesday")
    assert act.category is Category.CONTROLLED_ITEM_CHANGE and act.done
    assert first("Exporters need licences to export antimony and its oxides and alloys from "
                 "September 15").category is Category.CONTROLLED_ITEM_CHANGE
    assert not read_acts("Exporters need licences to ship rare earth magnets and their parts "
                         "from China")


def test_what_a_stance_supports_is_its_matter():
    """中国钨业协会表示，支持…实施出口管制的决定 (dev-957): the act is what the body supports,
    background to its statement, as what a government opposes."""
    lead = ("中国钨业协会6日表示，支持商务部、海关总署2月4日公布的对钨、碲、铋、钼、铟"
            "相关物项实施出口管制的决定")
    act = first(lead)
    assert act.background and stance_on(lead, act.head)
    english = "The association said it backs the export controls on tungsten announced on Tuesday"
    act = first(english)
    assert act.background and stance_on(english, act.head)
    told = "商务部、海关总署4日公布对钨相关物项实施出口管制"
    assert not stance_on(told, first(told).head)


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        # the agent after the act's object or its day decides whose act it is (both ways)
        ("Six US firms were barred from trade on Friday by the Commerce Ministry", False),
        ("Six Chinese firms were barred from trade on Friday by the US Commerce Department", True),
        ("Applications from 12 European firms were approved on Monday by the Ministry of "
         "Commerce", False),
        ("Applications from 12 Chinese firms were approved on Monday by the US Commerce "
         "Department", True),
        ("Twelve Chinese companies were added to the entity list on Friday by the US Commerce "
         "Department", True),
        ("Twelve US companies were added to the unreliable entity list on Friday by the Ministry "
         "of Commerce", False),
        ("A Singapore trader was fined 2 million yuan on Friday by Shenzhen customs", False),
        ("A Chinese trader was fined 2 million dollars on Friday by US customs", True),
        ("Exports of gallium were suspended on Friday by the US Commerce Department", True),
        ("Exports of gallium were suspended on Friday by the Ministry of Commerce", False),
        ("Export licences for the chips to Huawei were granted last week by US customs", True),
        ("Export licences for gallium to three firms were granted last week by Chinese customs",
         False),
        ("Licences for chip exports to China were issued on Monday by the US Commerce "
         "Department", True),
        # no passive, or no authority after "by": the actor before the verb decides
        ("China suspended the controls imposed by US authorities last year", False),
        ("China added 12 US firms to its entity list, a move criticized by the US Commerce "
         "Department", False),
        ("The Japanese firm was fined 2 million yen in a case brought by Chinese customs", False),
    ],
)
def test_a_passive_agent_told_after_its_object_is_the_actor(sentence, foreign):
    """"… were barred from trade on Friday by the Commerce Ministry", "licences … granted last
    week by US customs": the authority after "by", later in a passive act's clause, acts."""
    act = first(sentence)
    assert act.done and act.foreign is foreign, sentence


@pytest.mark.parametrize(
    ("before", "foreign"),
    [
        ("China is dissatisfied with the Netherlands' ", True),
        ("Beijing criticized the United States' ", True),
        ("China opposes the Philippines' ", True),
        ("China is dissatisfied with the Netherlands's ", True),
        ("China voiced concern over the Netherlands' and Japan's ", True),
        ("China spoke with the Netherlands ", False),  # a target, not an owner
        ("China expanded controls on items from the Netherlands ", False),
        ("China is dissatisfied with the 'expanded' ", False),
        ("China is dissatisfied with the US ", False),
        ("The Netherlands ", True),
    ],
)
def test_a_possessive_of_a_name_in_s_is_its_owner(before, foreign):
    """"the Netherlands' expanded export controls" (dev-1001): a bare apostrophe after a name
    ending in s is a possessive: the owner acts, as with 's, whatever target word is before it."""
    assert last_actor_is_foreign(before) is foreign, before


def test_a_possessive_in_s_owns_the_act():
    lead = ("China is dissatisfied with the Netherlands' expanded export controls on "
            "semiconductor equipment and has lodged representations")
    act = first(lead)
    assert act.done and act.foreign
    assert not first("China expanded export controls on the Netherlands' chip tools").foreign


@pytest.mark.parametrize(
    ("before", "foreign"),
    [
        ("Live rock lobsters from Western Australia went on sale ", None),
        ("Farmers in northern Japan said ", None),
        ("Traders in Eastern Europe said ", None),
        ("Growers in southern India said ", None),
        ("Mines in central Mexico said ", None),
        ("Live rock lobsters from Australia went on sale, and Australia said ", True),
        ("North Korea said ", True),
        ("South Korea said ", True),
        ("South Africa said ", True),
        ("The Western Australia government said, and Japan said ", True),
    ],
)
def test_a_region_of_a_state_is_a_place(before, foreign):
    """"lobsters from Western Australia" (dev-965): a country named with a compass word is a
    region, a place, not a government acting; a state's own name ("South Korea") is one."""
    assert last_actor_is_foreign(before) is foreign


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("China lifted a four-year halt on imports of rock lobsters from Australia",
         Category.SUSPENSION),
        ("China lifts halt on Japanese seafood imports", Category.SUSPENSION),
        ("China lifted its embargo on Australian timber", Category.SUSPENSION),
        ("海关总署决定自即日起恢复美国原木输华", Category.SUSPENSION),
        ("海关总署决定有条件恢复日本部分地区水产品进口", Category.SUSPENSION),
        ("海关总署决定恢复3家美国企业大豆输华资质", Category.SUSPENSION),
        ("海关总署决定恢复日本部分地区水产品对华出口", Category.SUSPENSION),
    ],
)
def test_imports_readmitted_end_a_halt(sentence, category):
    """A halt or an embargo lifted, imports readmitted (恢复…输华, 恢复…进口) (dev-965,
    dev-966): the lifting of a suspension."""
    act = first(sentence)
    assert act.category is category and act.done and not act.foreign


@pytest.mark.parametrize(
    "sentence",
    [
        "China lifts tariffs on US soybeans to 25 percent",  # a rate raised
        "进口订单有望恢复",  # trade recovering: no act
        "业内人士预计，出口将逐步恢复正常",
        "Mining companies said they were lifting output after the halt",
        "安排恢复出口",  # exports resumed by firms: no import halt lifted
    ],
)
def test_no_halt_lifted(sentence):
    assert not any(a.category is Category.SUSPENSION for a in read_acts(sentence))


@pytest.mark.parametrize(
    ("sentence", "recent"),
    [
        ("Lobsters went on sale on Friday, days after China lifted a halt on imports", True),
        ("Lobsters went on sale, just two days after China lifted a halt on imports", True),
        ("Lobsters went on sale, a few days after China lifted a halt on imports", True),
        ("Lobsters went on sale, several days after China lifted a halt on imports", True),
        ("Shares rose on Friday, hours after China lifted a halt on imports", True),
        ("Licences are issued 45 days after China lifted a halt on imports", False),
        ("Lobsters went on sale, 90 days after China lifted a halt on imports", False),
        ("Lobsters went on sale, months after China lifted a halt on imports", False),
        ("Lobsters went on sale, weeks after China lifted a halt on imports", False),
        ("Lobsters went on sale, two years after China lifted a halt on imports", False),
    ],
)
def test_days_after_an_act_is_its_week(sentence, recent):
    """"on Friday, days after China lifted a four-year halt" (dev-965): days after, uncounted or
    by a few, dates the act to the week of the news; a long count is a term."""
    act = first(sentence)
    assert act.background and act.recent_event is recent, sentence


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("商务部公布对境外相关稀土物项和稀土相关技术实施出口管制的决定", False),
        ("商务部发布对镓、锗相关物项实施出口管制的决定", False),
        ("商务部宣布对锑相关物项实施出口管制的决定", False),
        ("商务部发布的对镓锗实施出口管制的决定今起生效", False),
        ("商务部发布的出口管制措施引发关注", True),
        ("中国钨业协会表示，支持商务部2月4日公布的出口管制措施", True),
    ],
)
def test_a_decision_names_what_is_decided(sentence, background):
    """商务部公布对…实施出口管制的决定 (dev-1098): the measure that names a decision's content
    (…实施出口管制的决定) is what is decided and announced, not a background clause; a 的 that ties
    an announcing verb to its measure (发布的出口管制措施) still is."""
    acts = [a for a in read_acts(sentence)
            if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert acts, sentence
    assert acts[-1].background is background, sentence


@pytest.mark.parametrize(
    ("before", "foreign"),
    [
        ("MOFCOM on Wednesday expressed firm opposition to the U.S. decision to", True),
        ("MOFCOM responded to the US move to", True),
        ("China said it would respond to the Japanese plan to", True),
        ("The ministry criticized the Dutch decision to", True),
        ("China on Wednesday decided to", False),
        ("China imposed controls on exports to the US to", False),
        ("China objected to the US and announced Beijing's decision to", False),
        ("China on Thursday announced its decision to", False),
        ("China took measures in response to the US decision to the", False),
    ],
)
def test_a_country_qualifying_a_decision_decides(before, foreign):
    """"opposition to the U.S. decision to tighten export controls" (dev-1057): a country that
    qualifies a noun of deciding (decision, move, plan, bid, step) followed by what is decided
    decides it, as a possessive would, even after a target word ("to the")."""
    assert last_actor_is_foreign(before) is foreign, before


@pytest.mark.parametrize(
    ("sentence", "control"),
    [
        ("The Ministry of Commerce published typical cases of export control violations", False),
        ("MOFCOM released five export control cases", False),
        ("Customs punished export control breaches at the port", False),
        ("The court heard export control offences by two traders", False),
        ("Police investigated export control crimes in Shenzhen", False),
        ("The ministry fined a firm for an export control violation", False),
        ("China imposes export controls on gallium and germanium", True),
        ("China announced export controls on tungsten from February 4", True),
        ("The ministry published export controls on five metals", True),
        ("Export controls on antimony take effect on Sept 15", True),
        ("Beijing tightens export controls over violations of end-use pledges", True),
    ],
)
def test_a_wrong_against_a_control_is_no_control(sentence, control):
    """"published the typical cases of the export control violations" (dev-1178): a control's
    name qualifying a wrong done against it (violations, breaches, cases, offences) names the
    wrong, not a control imposed; a control told with its own object is one."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert bool(acts) is control, sentence


@pytest.mark.parametrize(
    ("body", "opinion"),
    [
        # the announcement as the paragraph's speaker: its 应当 are the rule's duties
        ("公告显示，出口经营者应当提交承诺书。正在开展的出口活动应当立即停止。确需出口的，应当提出申请。",
         False),
        ("公告指出，出口经营者应当提交承诺书。正在开展的出口活动应当立即停止。确需出口的，应当提出申请。",
         False),
        ("该公告明确，出口经营者应当提交承诺书。相关活动应当立即停止。确需出口的，应当提出申请。",
         False),
        ("公告要求，出口经营者应当提交承诺书。相关活动应当立即停止。确需出口的，应当提出申请。",
         False),
        ("The announcement says exporters must submit pledges. Ongoing exports must stop. "
         "Exporters must apply for licences.", False),
        ("The new rules require that exporters must submit pledges. Ongoing exports must stop. "
         "Exporters must apply for licences.", False),
        # the writer's own modals, no rule speaking: an argument
        ("企业应当提交承诺书。相关活动应当立即停止。确需出口的，应当提出申请。", True),
        ("企业应当提交承诺书。相关活动必须立即停止。企业理应提出申请。", True),
        ("公告之外，企业应当加强合规。相关活动应当立即停止。企业应当提出申请。", True),
        ("Exporters must submit pledges. Ongoing exports must stop. Exporters must apply for "
         "licences.", True),
        ("The announcement was late. Exporters must submit pledges. Ongoing exports must stop. "
         "Exporters must apply for licences.", True),
    ],
)
def test_an_announcement_speaking_reports_its_duties(body, opinion):
    """公告显示，…应当… (dev-1162): a paragraph that opens with the rule as its speaker (公告显示,
    公告指出, "The announcement says") reports the rule's duties, as 根据公告 does; the same
    modals in the writer's own sentences argue."""
    assert argues(body) is opinion, body


@pytest.mark.parametrize(
    ("sentence", "categories"),
    [
        ("Exporters are checking their lists after China added 15 US entities to its export "
         "control list on Tuesday, banning exports of dual-use items to them.",
         [Category.ENTITY_LISTING]),
        ("China added 15 US entities to its export control list, banning exports of dual-use "
         "items to them.", [Category.ENTITY_LISTING]),
        ("China placed 10 US firms on its unreliable entity list, barring them from exports "
         "and imports.", [Category.ENTITY_LISTING]),
        ("China suspended the measures, lifting the ban on exports of gallium to the US.",
         [Category.SUSPENSION]),
        ("China put gallium under export control, requiring licences for its exports.",
         [Category.CONTROLLED_ITEM_CHANGE]),
        # no act before the participle: it tells the act
        ("Banning exports of dual-use items to them, China acted on Tuesday.",
         [Category.CONTROLLED_ITEM_CHANGE]),
        # no comma: a second act of its own clause
        ("China added 15 US entities to its export control list and banned exports of gallium "
         "to the US.", [Category.ENTITY_LISTING, Category.CONTROLLED_ITEM_CHANGE]),
        ("China added 15 US entities to its export control list; it also banned exports of "
         "gallium.", [Category.ENTITY_LISTING, Category.CONTROLLED_ITEM_CHANGE]),
        ("China added 15 US entities to its export control list. Banning exports of gallium "
         "followed.", [Category.ENTITY_LISTING, Category.CONTROLLED_ITEM_CHANGE]),
        ("China added 15 US entities to its export control list, and it banned exports of "
         "gallium.", [Category.ENTITY_LISTING, Category.CONTROLLED_ITEM_CHANGE]),
    ],
)
def test_a_participle_after_an_act_tells_that_act(sentence, categories):
    """"added 15 US entities to its export control list on Tuesday, banning exports of dual-use
    items to them" (dev-1124): a participle opening its clause after a comma tells what the act
    before it does, not a second act; a finite verb, a new clause or sentence tells another."""
    from pipelines.clauses import split_sentences
    got = [a.category for s in split_sentences(sentence) for a in read_acts(s)]
    assert got == categories, sentence


@pytest.mark.parametrize(
    ("sentence", "suspension"),
    [
        ("Chinese customs authorities resumed imports of the crustaceans", True),
        ("China resumes imports of Australian timber", True),
        ("Customs resumed all imports of Japanese seafood on Friday", True),
        ("Beijing is resuming imports of US logs", True),
        ("Customs said Australian rock lobsters could again be imported", True),
        ("The ministry said the goods may once again be exported", True),
        ("Customs said the beef can again be imported from Monday", True),
        ("Exports resumed after the holiday", False),
        ("Firms resumed production after the holiday", False),
        ("Importers hope the lobsters can be imported soon", False),
        ("Buyers said the lobsters were imported again by air", False),
    ],
)
def test_imports_resumed_end_a_halt(sentence, suspension):
    """"customs authorities resumed imports of the crustaceans, ending a suspension" and "could
    again be imported" (dev-1121): imports resumed, goods let in again, are the halt lifted, as
    恢复…进口 is; production or exports resumed by firms, goods merely imported, are not."""
    acts = [a for a in read_acts(sentence) if a.category is Category.SUSPENSION and a.done]
    assert bool(acts) is suspension, sentence


@pytest.mark.parametrize(
    ("sentence", "enforcement"),
    [
        ("Lobsters meeting China's inspection and quarantine requirements could be imported",
         False),
        ("Goods must meet inspection standards", False),
        ("Exporters must carry inspection certificates", False),
        ("The deal sets inspection procedures for beef", False),
        ("Customs updated inspection and quarantine rules for seafood", False),
        ("Under the inspection protocols, samples are taken", False),
        ("Customs stepped up inspections of antimony shipments", True),
        ("Customs carried out an inspection and found the cargo", True),
        ("Inspections at the port found hidden gallium", True),
        ("Customs inspection found 2 tonnes of antimony", True),
        ("The inspection requirements were breached and customs seized the cargo", True),
    ],
)
def test_inspection_as_a_standard_is_no_enforcement(sentence, enforcement):
    """"lobsters meeting China's inspection and quarantine requirements" (dev-1121): inspection
    naming the standard goods must meet (requirements, standards, certificates) is a rule of
    trade, not an inspection carried out."""
    acts = [a for a in read_acts(sentence) if a.category is Category.ENFORCEMENT]
    assert bool(acts) is enforcement, sentence


@pytest.mark.parametrize(
    ("sentence", "enforcement"),
    [
        ("Customs officers in Shenzhen have uncovered a case in which a company tried to export "
         "magnets without a licence", True),
        ("Police busted a case of gallium exports without permits", True),
        ("Customs cracked two cases of antimony exports", True),
        ("Investigators uncovered the case last month", True),
        ("Shanghai customs detected a case of false declaration of graphite", True),
        ("Officials solved three cases involving controlled items", True),
        ("Police cracked a major case involving rare earths", True),
        ("The lawyer made the case for looser rules", False),
        ("In this case the licence was approved", False),
        ("A court case over the contract was heard on Monday", False),
        ("The ministry uncovered new sources of rare earths", False),
        ("Analysts detected a rise in gallium prices", False),
    ],
)
def test_a_case_uncovered_is_enforcement(sentence, enforcement):
    """"Customs officers … have uncovered a case in which a trading company tried to export …
    without an export licence" (dev-1251): a case uncovered, busted, cracked, detected or solved
    is a breach found, an enforcement; a case argued or heard, or something else uncovered, is
    not."""
    acts = [a for a in read_acts(sentence) if a.category is Category.ENFORCEMENT]
    assert bool(acts) is enforcement, sentence


@pytest.mark.parametrize(
    ("sentence", "done_tariff"),
    [
        ("The ministry said it has made a preliminary ruling that imports of canola seed from "
         "Canada were dumped", True),
        ("MOFCOM made a final ruling that brandy imports from the EU were dumped", True),
        ("The ministry made a preliminary determination that the pork imports were subsidized",
         True),
        ("Importers will have to pay deposits of 75.8 percent from Thursday", True),
        ("Importers must pay cash deposits of 30.6 percent", True),
        ("进口经营者须缴纳反倾销保证金", True),
        ("The court made a preliminary ruling on the contract dispute", False),
        ("A final ruling on the merger is expected", False),
        ("Bank deposits rose by 5 percent", False),
        ("The tenant paid a deposit to the landlord", False),
        ("A final determination on the visa is pending", False),
    ],
)
def test_a_trade_remedy_ruling_or_deposit_is_a_duty(sentence, done_tariff):
    """"it has made a preliminary ruling that imports of canola seed from Canada were dumped,
    and … importers will have to pay deposits of 75.8 percent" (dev-1255): a ruling on dumping
    or subsidies made, and a deposit told by its rate, decide a duty: a tariff act (the making
    is its verb); a court's ruling, a bank deposit, name none."""
    acts = [a for a in read_acts(sentence) if a.category is Category.TARIFF]
    assert bool(acts) is done_tariff, sentence
    if done_tariff and " made " in sentence:
        assert acts[0].done, sentence  # the ruling made: the making is the act's verb


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        ("韩国多家电池材料企业近日已获得中方部分石墨物项出口许可", False),
        ("Korean battery firms have obtained Chinese export licences for graphite", False),
        ("Japanese magnet makers received licences from China's commerce ministry", False),
        ("German carmakers secured MOFCOM licences for rare earth magnets", False),
        ("US chipmakers obtained export licences from China for gallium", False),
        ("日本企业取得中国商务部颁发的出口许可", False),
        ("Nvidia obtained US licences to sell chips", True),
        ("Dutch firms received licences from the Dutch government", True),
        ("The US Commerce Department granted licences to Korean firms", True),
        ("美国企业获得美国商务部许可", True),
    ],
)
def test_a_licence_received_from_china_is_chinas(sentence, foreign):
    """"韩国多家电池材料企业近日已获得中方部分石墨物项出口许可" (dev-1206): a licence is granted by
    its giver, so one received with China named as the giver is China's licence, however foreign
    the receiver; a licence a foreign government gives stays foreign."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert acts, sentence
    assert acts[0].foreign is foreign, sentence


@pytest.mark.parametrize(
    ("sentence", "granted"),
    [
        ("European companies were concerned about delays in obtaining export licences", False),
        ("Firms reported difficulties obtaining licences for magnets", False),
        ("Exporters struggled to secure licences", False),
        ("Carmakers are waiting to receive licences", False),
        ("企业难以获得出口许可", False),
        ("Companies faced problems in getting export licences", False),
        ("European companies have obtained export licences", True),
        ("The firm secured licences after a delay", True),
        ("Despite delays, exporters obtained licences in May", True),
        ("企业已获得出口许可", True),
    ],
)
def test_a_licence_held_up_is_not_granted(sentence, granted):
    """"concerned about delays in obtaining export licences" (dev-1242): a licence a trouble word
    holds up (delays, difficulties, struggling, waiting, 难以) is waited for, not granted."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert bool(acts and acts[0].done and not acts[0].negated) is granted, sentence


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        ("The ministry said on Thursday that export applications for civilian use will be "
         "reviewed and approved in accordance with the law.", True),
        ("The ministry said applications would be examined and approved.", True),
        ("Licence applications will be checked and approved within 45 working days.", True),
        ("Compliant applications will be handled and approved according to law.", True),
        ("Applications will be approved in accordance with the law.", True),
        ("The ministry said applications have been reviewed and approved.", False),
        ("Applications were reviewed and approved last month.", False),
        ("The ministry has approved applications for civilian use.", False),
        ("Some applications were examined and approved on Monday.", False),
        ("The ministry said it had reviewed and approved compliant applications.", False),
    ],
)
def test_a_promised_approval_with_joined_participles_is_future(sentence, future):
    """"export applications … will be reviewed and approved in accordance with the law"
    (dev-1328): the auxiliary's future holds for every participle joined to it; the promise is
    a statement, not approvals made."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert acts, sentence
    assert acts[0].future is future, sentence


@pytest.mark.parametrize(
    ("sentence", "arguing"),
    [
        ("It is the US that has made supply chains a battlefield.", True),
        ("It is Washington that weaponizes trade.", True),
        ("What China will not do is supply materials for weapons.", True),
        ("What Washington wants is control over supply chains.", True),
        ("Cooperation, not confrontation, is the way to secure supply.", True),
        ("Dialogue, not pressure, is the answer.", True),
        ("It is the first time that China has done so.", False),
        ("It is unclear whether licences were issued.", False),
        ("What happened next was a surprise to traders.", False),
        ("What is new is the 0.1 percent rule.", False),
        ("Gallium, not germanium, is covered by the notice.", False),
    ],
)
def test_a_cleft_or_contrast_of_judgement_argues(sentence, arguing):
    """"It is the US that has made …", "What China will not do is …", "Cooperation, not
    confrontation, is the way …" (dev-1300): the writer's emphasis saying who is to blame or
    what is right argues in the writer's own voice; a cleft of fact does not."""
    assert voice(sentence)[1] == (1 if arguing else 0), sentence


def test_an_editorial_told_by_clefts_and_contrasts_is_commentary() -> None:
    """dev-1300: an unsigned editorial with one "should" and its judgement told by clefts and
    contrasts argues more than it reports."""
    body = ("US media have been full of stories about a shortage of antimony.\n\n"
            "It is the US that has made supply chains a battlefield. What China will not do is "
            "supply materials for weapons. Rather than blaming others, the US should look at "
            "itself.\n\nCooperation, not confrontation, is the way to secure supply.")
    assert argues(body, "Washington's antimony scramble exposes its own fragility")


@pytest.mark.parametrize(
    ("sentence", "received"),
    [
        ("Exporters can still obtain licences, analysts say", False),
        ("Exporters of antimony can likewise obtain licenses for civilian uses.", False),
        ("Firms may secure licences if they show end users.", False),
        ("Buyers are able to obtain licences within 45 days.", False),
        ("企业可以获得出口许可。", False),
        ("合规企业能够取得出口许可。", False),
        ("The firm has obtained licences.", True),
        ("Exporters obtained licences last week.", True),
        ("企业已获得出口许可。", True),
        ("Three firms received licences on Monday.", True),
    ],
)
def test_a_licence_one_can_obtain_is_none_received(sentence, received):
    """"Exporters can still obtain licences, analysts say" (dev-1300's "can likewise obtain"): a
    modal of ability or possibility before a licence's verb tells what may be received."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert acts, sentence
    assert (acts[0].done and not acts[0].negated) is received, sentence


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("商务部10日宣布，自即日起停止实施对15家美国实体采取的出口管制措施。", False),
        ("商务部宣布，暂停实施对相关美国实体采取的出口管制措施。", False),
        ("商务部宣布，停止实施对部分美国实体的相关措施。", False),
        ("企业正在适应商务部实施的出口管制措施。", True),
        ("企业正在适应商务部10月9日公布的出口管制措施。", True),
    ],
)
def test_ending_a_measure_is_no_background_clause(sentence, background):
    """停止实施, 暂停实施 are verbs of ending whose object a 的 phrase names: the ending is the
    act, not a relative clause "…实施…的" (a measure 实施的 or 公布的 alone is background)."""
    acts = read_acts(sentence)
    assert acts, sentence
    assert acts[0].background is background, sentence


@pytest.mark.parametrize(
    ("sentence", "licensing"),
    [
        ("商务部、海关总署发布公告，经批准，自即日起暂停实施有关出口管制措施。", False),
        ("经国务院批准，自即日起对相关物项实施出口管制。", False),
        ("经批准，自2025年11月10日起停止实施相关措施。", False),
        ("商务部发布公告，经批准，决定对部分物项实施出口管制。", False),
        ("根据有关规定，经国务院批准，暂停实施相关措施。", False),
        ("商务部已批准部分出口申请。", True),
        ("商务部依法批准了一批出口许可申请。", True),
        ("部分企业的出口申请已获批准。", True),
        ("主管部门批准了企业的镓出口申请。", True),
        ("商务部批准向民用用户出口相关物项。", True),
    ],
)
def test_upon_approval_is_the_announcements_authority_not_a_licence(sentence, licensing):
    """经批准, 经国务院批准 ("upon approval") in an announcement (dev-1412: "…发布公告，经批准，
    自即日起至…暂停实施…") states the authority by which the announcement acts: no licence
    is granted to an exporter; an approval of applications is."""
    kinds = {a.category for a in read_acts(sentence)}
    assert (Category.LICENSING in kinds) is licensing, sentence


@pytest.mark.parametrize(
    ("sentence", "recent"),
    [
        ("Suppliers checked their lists, after Beijing barred exports of dual-use goods to "
         "28 American companies on Thursday.", True),
        ("Traders went quiet after China banned exports to 15 US firms on Monday.", True),
        ("Suppliers checked their lists after the ministry added 12 US firms to its export "
         "control list today.", True),
        ("Firms reviewed contracts after Tuesday's decision to cut off 20 Japanese companies "
         "from Chinese dual-use goods.", True),
        ("Exporters prepared documents after Friday's decision to put 8 US firms on the "
         "unreliable entity list.", True),
        ("Suppliers checked their lists, after Beijing barred exports of dual-use goods to "
         "28 American companies in January.", False),
        ("Traders went quiet after China banned exports to 15 US firms last year.", False),
        ("Firms reviewed contracts after the decision to cut off 20 Japanese companies from "
         "Chinese dual-use goods in March.", False),
        ("Suppliers have adjusted since Beijing barred exports of dual-use goods to 28 "
         "American companies on Thursday.", False),
        ("Exporters prepared documents after the earlier decision to put 8 US firms on the "
         "unreliable entity list.", False),
    ],
)
def test_an_act_told_by_its_own_verb_on_a_day_of_the_news_is_its_event(sentence, recent):
    """"…, after Beijing barred exports of dual-use goods to 28 American companies on
    Thursday" (dev-1360), "after Tuesday's decision to cut off 20 Japanese companies …"
    (dev-1421): an after-clause whose own verb of doing tells the act on a day of the news,
    or that names the decision of such a day, tells the day's event; a since-clause starts a
    period and an earlier month is history."""
    act = first(sentence)
    assert act.background, sentence
    assert act.recent_event is recent, sentence


@pytest.mark.parametrize(
    ("sentence", "listing"),
    [
        ("The ministry cut off 20 Japanese companies and institutions from Chinese dual-use "
         "goods.", True),
        ("Beijing cuts off 12 US defense firms from rare earth supplies.", True),
        ("The decision to cut off several American companies from dual-use items was "
         "announced on Tuesday.", True),
        ("China is cutting off 15 US entities from its dual-use exports.", True),
        ("The move cut off 28 American companies from Chinese components.", True),
        ("The storm cut off the port from the rail network.", False),
        ("Floods cut off two villages from the county town.", False),
        ("Power was cut off at the plant for three days.", False),
        ("Buyers cut off talks with the supplier.", False),
        ("The firm cut off supplies to its distributor.", False),
    ],
)
def test_entities_cut_off_from_goods_are_listed(sentence, listing):
    """"Tuesday's decision to cut off 20 Japanese companies and institutions from Chinese
    dual-use goods" (dev-1421): entities cut off from goods are told by the effect of their
    listing; a place or supply cut off is no listing."""
    kinds = {a.category for a in read_acts(sentence)}
    assert (Category.ENTITY_LISTING in kinds) is listing, sentence


@pytest.mark.parametrize(
    ("sentence", "control"),
    [
        ("Their most advanced products will need government approval before they are shipped "
         "abroad.", True),
        ("Cells above the threshold need approval before they are exported.", True),
        ("The metals now require the permission of the ministry before being shipped abroad.",
         True),
        ("High-end drones need official approval to be exported.", True),
        ("Such equipment requires prior approval before it is sold abroad.", True),
        ("Anode materials will require state approval before they are shipped.", True),
        ("The ministry approved applications to export the cells.", False),
        ("Approvals for the shipments came last week.", False),
        ("The project needs approval from the local government before construction.", False),
        ("The merger needs approval before it is completed.", False),
    ],
)
def test_approval_needed_before_export_is_a_control(sentence, control):
    """"… products will need government approval before they are shipped abroad" (dev-1409):
    approval required before goods leave is the requirement a control places on them
    (controlled_item_change), not a licence granted; approvals granted are licensing, and an
    approval needed for something other than a shipment abroad is neither."""
    kinds = {a.category for a in read_acts(sentence)}
    assert (Category.CONTROLLED_ITEM_CHANGE in kinds) is control, sentence


@pytest.mark.parametrize(
    ("sentence", "suspension"),
    [
        ("Shipments had been paused for several weeks while the applications were reviewed.",
         False),
        ("Deliveries were paused until the permits arrived.", False),
        ("Exports have been temporarily paused at the plant.", False),
        ("Production was briefly paused for maintenance.", False),
        ("Orders were paused as buyers waited for clarity.", False),
        ("The ministry paused the export controls for a year.", True),
        ("China paused the implementation of the measures.", True),
        ("Beijing pauses rare earth export curbs.", True),
        ("The commerce ministry has paused the measures on 15 US entities.", True),
        ("The ministry has paused the listing of the firms.", True),
        # traders halting their own business (forty-second pass, dev-1907)
        ("Prices rose and some distributors suspended the quotation.", False),
        ("Several smelters have temporarily suspended deliveries to US customers.", False),
        ("Buyers paused orders after the announcement.", False),
        ("The ministry suspended the controls on the distributors' goods.", True),
        ("China suspended the export ban on gallium to the US for a year.", True),
    ],
)
def test_trade_paused_by_traders_is_no_suspension(sentence, suspension):
    """"Shipments had been paused for several weeks while the applications were reviewed"
    (dev-1362): trade told paused (shipments, deliveries, exports, orders) is the traders' own
    halt, waiting for licences, not a measure suspended by the regime."""
    acts = [a for a in read_acts(sentence) if a.category is Category.SUSPENSION]
    assert (any(a.done for a in acts)) is suspension, sentence


@pytest.mark.parametrize(
    ("sentence", "received"),
    [
        ("The company said it had received its first permits from the commerce authorities to "
         "ship germanium products abroad.", True),
        ("The refiner obtained export permits for gallium last week.", True),
        ("Three traders secured permits on Monday.", True),
        ("The firm got its export permit in March.", True),
        ("The producer has received permits for its first shipments.", True),
        ("The firm has not received permits yet.", False),
        ("Exporters can obtain permits within 45 days.", False),
        ("Chipmakers said they had received notices that their permits were no longer "
         "valid.", False),
        ("Exporters will not need to obtain the new permits from Saturday.", False),
        ("The plant received a visit from the permit office last year.", False),
    ],
)
def test_a_permit_received_is_a_licence_received(sentence, received):
    """"…it had received its first permits from the commerce authorities to ship germanium
    products abroad" (dev-1362): an export permit is a licence by another name; received, it
    is a licence granted (its receiver tells it), unless denied or only possible."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert any(a.done and not a.negated for a in acts) is received, sentence


@pytest.mark.parametrize(
    ("sentence", "control"),
    [
        ("From Tuesday, anyone shipping gallium or germanium out of the country needs the "
         "permission of the commerce authorities.", True),
        ("Since Friday, Chinese companies shipping seven rare earths abroad have had to obtain a "
         "permit from the Ministry of Commerce before the goods can clear customs.", True),
        ("From Monday, exporters of drone parts must obtain a licence from the commerce "
         "ministry.", True),
        ("Starting today, companies exporting graphite need an export licence.", True),
        ("As of Dec 1, firms selling high-purity graphite overseas are required to obtain a "
         "licence.", True),
        ("Beginning Thursday, any firm exporting antimony needs a licence from the ministry.",
         True),
        ("From January 1, shipments of the battery technology abroad need government "
         "approval.", True),
        ("Since Friday, traders sending tungsten products overseas have had to apply for a "
         "licence.", True),
        ("From Sunday, exporters of the drones need a permit.", True),
        ("Since Monday, anyone exporting the chemicals must hold an export licence.", True),
        ("From Monday, the bank needs approval from regulators to open new branches.", False),
        ("Since Friday, shipping firms have had to obtain a permit to dock at night.", False),
        ("Since Friday, exporters have complained about slow payments.", False),
        ("From Tuesday, shippers will need a permit.", False),
        ("Since Monday, exporters of seafood have not needed a licence.", False),
        ("Since Friday, shipping firms sailing overseas have had to obtain insurance.", False),
        ("From Tuesday, anyone shipping tea abroad needs a new label on each box.", False),
        ("From today, drivers need a permit to park in the port area.", False),
        ("Since March, exporters have had to wait for payment from buyers.", False),
        ("From Monday, students going abroad need a visa from the embassy.", False),
        ("Since March, exporters of the metals abroad have had to obtain a licence.", False),
        ("Since last year, anyone shipping antimony overseas needs a licence.", False),
    ],
)
def test_a_licence_requirement_after_its_start_day_is_a_control_in_force(sentence, control):
    """"From Tuesday, anyone shipping gallium or germanium out of the country needs the
    permission of the commerce authorities" (dev-1355), "Since Friday, … shipping … abroad have
    had to obtain a permit from the Ministry of Commerce" (dev-1395): a requirement of a licence
    for goods leaving the country, with its start day opening the sentence, is a control taking
    effect, as when the day follows; "since Friday" is its adverb, no background clause. A
    permit to dock, park or travel, a requirement only promised, or none, is no control, and
    one in force since a month or year ago is a state, no act done."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert any(a.done and not a.background for a in acts) is control, sentence


@pytest.mark.parametrize(
    ("sentence", "control"),
    [
        ("高纯度人造石墨材料及其制品出口须申请许可。", True),
        ("自8月1日起，镓、锗相关物项出口须向商务部申请许可。", True),
        ("今天起，相关锑物项出口须申请许可，同时取消对部分物项的临时管制。", True),
        ("上述物项出口需获得许可。", True),
        ("相关无人机部件出口必须办理许可。", True),
        ("企业须申请营业执照后方可开业。", False),
        ("出口企业须申请退税。", False),
        ("相关企业已获得出口许可。", False),
        ("进口冷链食品须申请检疫许可。", False),
        ("出口商表示，许可申请已经提交。", False),
        ("企业负责人介绍，9月中旬以来，锑锭、氧化锑等产品出口须向商务部申请许可。", False),
        ("今年以来，相关物项出口须申请许可，企业已逐步适应。", False),
    ],
)
def test_exports_that_must_apply_for_a_licence_are_a_control(sentence, control):
    """"…天然鳞片石墨及其制品出口须申请许可，同时取消对5种低敏感石墨物项的临时管制" (dev-1356):
    exports that must apply for a licence (出口须申请许可) are the requirement a control puts
    on them, its own verb, read before the lifting told with it (同时), which is part of the
    same act; a licence obtained, an import's permit or a firm's other paperwork is none, and a
    requirement in force since an earlier time (9月中旬以来，…出口须向商务部申请许可, dev-1363) is
    the state the story stands in, no act done."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert any(a.done for a in acts) is control, sentence


@pytest.mark.parametrize(
    ("sentence", "control"),
    [
        ("The Ministry of Commerce and the Ministry of Science and Technology on Thursday "
         "released a revised list of technologies whose transfer out of China is banned or "
         "restricted.", True),
        ("China on Friday published an updated list of technologies that are prohibited or "
         "restricted from export.", True),
        ("The ministry issued a new catalogue of technologies whose export is restricted.", True),
        ("Beijing released a list of items barred from export to the US.", True),
        ("The commerce ministry unveiled a revised list of technologies banned from transfer "
         "abroad.", True),
        ("The two ministries published a catalogue of technologies restricted from export on "
         "Monday.", True),
        ("China released an updated list of goods whose export is prohibited.", True),
        ("The ministry issued a list of products whose export is restricted.", True),
        ("Authorities released a revised list of battery technologies that are banned from "
         "export.", True),
        ("On Thursday, MOFCOM published a list of technologies whose transfer overseas is "
         "prohibited or restricted.", True),
        ("The ministry released a list of technologies whose export is encouraged.", False),
        ("The city published a list of products banned from sale in supermarkets.", False),
        ("The airline released a list of items banned on flights abroad.", False),
        ("The ministry published a list of technologies encouraged for import.", False),
        ("The catalogue of goods for export promotion was released.", False),
        ("The school released a list of books banned from the library.", False),
        ("The agency released a list of products whose transfer to new owners is free.", False),
        ("The exporter published a list of products it sells abroad.", False),
        ("The list of technologies the company plans to export was released on Monday.", False),
        ("A list of prohibited foods was posted at the airport.", False),
    ],
)
def test_a_list_of_technologies_barred_from_export_released_is_a_control(sentence, control):
    """"… on Thursday released a revised list of technologies whose transfer out of China is
    banned or restricted" (dev-1357): a list of technologies or items barred from export or
    transfer abroad, released, is its items put under control (controlled_item_change), as
    发布《…管制目录》 is; a list of goods encouraged, or of goods banned from a shop, a flight or a
    library, is none."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert any(a.done for a in acts) is control, sentence


@pytest.mark.parametrize(
    ("sentence", "listing"),
    [
        ("中国商务部6月29日再次宣布对一批日本实体采取措施，"
         "其中20家日本实体今后不得获得中国两用物项。", True),
        ("商务部宣布，15家美国实体不得获得中国两用物项。", True),
        ("根据公告，10家日本企业今后不得采购中国两用物项。", True),
        ("商务部决定，28家美国实体不得进口中国两用物项。", True),
        ("公告明确，12家台湾地区企业不得购买中方两用物项。", True),
        ("商务部6日宣布，20家日本军工单位今后不得获得两用物项。", True),
        ("商务部宣布，5家美国公司今后不得获得中国两用物项。", True),
        ("商务部宣布，其中8家日本实体不得获得我国两用物项。", True),
        ("根据决定，30家美国军工企业不得采购中国两用物项。", True),
        ("商务部表示，17家美国实体不得获得中国两用物项。", True),
        ("商务部表示，相关企业可以依法申请获得两用物项出口许可。", False),
        ("20家日本企业表示已获得中国两用物项出口许可。", False),
        ("15家企业不得参加本次展会。", False),
        ("10家企业不得获得政府补贴。", False),
        ("日本企业担心今后难以获得中国两用物项。", False),
        ("20家日本实体的中国供应商须在出口前提交风险评估报告。", False),
        ("多家企业不得获得中国两用物项的说法没有依据。", False),
        ("30家公司不得进口日本水产品。", False),
        ("5家企业不得采购境外原材料。", False),
        ("20家日本实体去年已获得两用物项许可。", False),
    ],
)
def test_counted_entities_barred_from_dual_use_items_are_listed(sentence, listing):
    """"其中20家日本实体今后不得获得中国两用物项" (dev-1428): counted entities that may no
    longer obtain, buy or import Chinese dual-use items are told listed by the effect of their
    listing, as "cut off 20 Japanese companies … from Chinese dual-use goods" is; firms barred
    from a fair or a subsidy, a worry, or a licence obtained is no listing."""
    acts = [a for a in read_acts(sentence) if a.category is Category.ENTITY_LISTING]
    assert any(a.done for a in acts) is listing, sentence


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("China designated three US companies involved in arms sales to Taiwan as unreliable "
         "entities on Friday, the commerce ministry said.", True),
        ("商务部决定将三家美国企业认定为不可靠实体。", True),
        ("The ministry designated a spokesperson for the talks.", False),
    ],
)
def test_a_designation_by_the_lists_status_is_a_listing(sentence, listed):
    """Entities designated "as unreliable entities" are listed though no list is named
    (docs/RULES.md, a designation by the list's own status)."""
    assert (Category.ENTITY_LISTING in _kinds(sentence)) is listed


@pytest.mark.parametrize(
    ("sentence", "enforced"),
    [
        ("China's commerce ministry has opened investigations into several firms suspected of "
         "violating export controls on rare earths.", True),
        ("Authorities are investigating exporters accused of evading the controls.", True),
        ("The ministry opened an anti-dumping investigation into brandy from the EU.", False),
    ],
)
def test_an_investigation_of_a_breach_is_enforcement(sentence, enforced):
    """An investigation of firms suspected of violating export controls pursues a breach
    (docs/RULES.md); a trade-remedy probe names none."""
    assert (Category.ENFORCEMENT in _kinds(sentence)) is enforced


@pytest.mark.parametrize(
    ("headline", "foreign"),
    [
        ("China, Netherlands hold talks on chip supply; exemptions granted for civilian exports",
         False),
        ("US, Japan tighten chip rules; exemptions granted for allied buyers", True),
    ],
)
def test_a_clause_after_a_semicolon_takes_no_foreign_actor_beside_china(headline, foreign):
    """The passive after a headline's semicolon has no actor of its own: with China among the
    first clause's actors it is not the other government's act."""
    act = first(headline)
    assert act.category is Category.LICENSING and act.foreign is foreign


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        # a charge no longer paid, by a country's ships: a suspension, not the country's act
        ("From Monday, US-owned ships no longer pay China's special port fees, for a year at "
         "least.", Category.SUSPENSION),
        # "since the controls" before a singular verb opens no clause
        ("The first permit to export gallium to Malaysia since the controls was granted on "
         "Friday.", Category.LICENSING),
    ],
)
def test_a_charge_no_longer_paid_and_a_since_phrase(sentence, category):
    """Acts told by what stops being paid, and a since-phrase that dates a noun (docs/RULES.md,
    fortieth pass)."""
    assert category in _kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Canadian lithium projects are courting buyers who have needed Chinese licences since "
        "the graphite export controls took effect in December.",
        "German and French defence suppliers lost access after Beijing added them to its export "
        "control list.",
        "Customs offices along the Myanmar and Laos borders began an inspection drive against "
        "mineral smuggling on Monday.",
    ],
)
def test_projects_suppliers_and_borders_named_by_their_country_are_no_government(sentence):
    """A country before a project, a company or a border names its place, not a government
    acting (docs/RULES.md, fortieth pass: the act stays China's)."""
    assert read_acts(sentence) and not any(a.foreign for a in read_acts(sentence))


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        # 将 puts the listed parties before the verb: the country names them, not the actor
        ("不可靠实体清单工作机制决定将日本三家军工企业列入不可靠实体清单。",
         Category.ENTITY_LISTING),
        # measures kept frozen or on ice, however long their object
        ("Export-control measures on 12 US drone makers remain frozen until next November.",
         Category.SUSPENSION),
        ("The decision keeps bans on eight US defence contractors on ice for another year.",
         Category.SUSPENSION),
        # a presumption of denial and countermeasures lifted, fees no longer collected
        ("Beijing lifts its presumption of denial on US-bound gallium until next November",
         Category.SUSPENSION),
        ("China lifted the countermeasures against two US drone makers on Friday.",
         Category.SUSPENSION),
        ("Chinese ports stopped collecting special berthing fees on US-flagged vessels on "
         "Monday.", Category.SUSPENSION),
        # parties' assets frozen, told by them; parties put under sanctions
        ("Nine US aerospace firms had their assets in China frozen on Thursday.",
         Category.ENTITY_LISTING),
        ("Beijing put three US defence units under countermeasures on Monday.",
         Category.ENTITY_LISTING),
        # a duty told by what its payers pay more to sell
        ("Australian barley growers will pay 80% more to sell in China from next week.",
         Category.TARIFF),
        # measures on listed parties adjusted: the listing stands, its measures change
        ("China adjusted the measures on 28 U.S. entities on its export control list on "
         "Wednesday.", Category.SUSPENSION),
        ("商务部发布公告，调整对美国相关实体的有关措施。", Category.SUSPENSION),
        # countermeasures that freeze assets; a designation under a list, an event of its day
        ("China announced countermeasures that freeze its assets against a US drone maker.",
         Category.ENTITY_LISTING),
        ("Two Canadian firms face trading bans after Monday's unreliable-entity designation.",
         Category.ENTITY_LISTING),
        # a licence told before its issuing, an exemption granted
        ("首批镓出口许可证签发至江苏一家企业。", Category.LICENSING),
        ("商务部对安世半导体出口民用芯片给予豁免。", Category.LICENSING),
        # deposits collected or posted: the duty at work
        ("Chinese customs began collecting anti-dumping deposits on brandy imports on Friday.",
         Category.TARIFF),
        ("EU pork exporters started posting deposits at Chinese customs on Monday.",
         Category.TARIFF),
        # an inspection campaign of exporters
        ("商务部对锑出口企业开展专项检查。", Category.ENFORCEMENT),
    ],
)
def test_acts_told_by_their_object_or_their_effect(sentence, category):
    """Acts of the forty-first pass (docs/RULES.md): the act is read, and it is China's."""
    acts = [a for a in read_acts(sentence) if a.category is category]
    assert acts and not any(a.foreign for a in acts)


def test_duties_no_longer_collected_are_a_trade_remedy_decision_not_a_suspension():
    """Fees no longer collected are suspended; duties no longer collected end by a
    trade-remedy decision (the README's tariff rule)."""
    assert Category.SUSPENSION not in _kinds(
        "China stopped collecting anti-dumping duties on Australian wine on Friday.")
    assert Category.SUSPENSION in _kinds(
        "China stopped collecting special port fees on US ships on Friday.")


def test_licences_as_they_come_are_no_licence_issued():
    """许可证…发放 is a licence issued (the certificate named); 随着许可陆续发放 ("as licences are
    issued, exports should recover") is an expectation, no licence granted (dev-1676)."""
    assert Category.LICENSING in _kinds("首张锗出口许可证发放至昆明一家企业。")
    assert Category.LICENSING not in _kinds("随着许可陆续发放，相关产品出口有望逐步恢复。")


def test_an_explainers_question_headings_are_not_its_argument() -> None:
    """为何是这几种关键物项？ 如何管制？ standing alone as paragraphs (forty-ninth pass) head an
    explainer's sections; a question inside a paragraph still argues."""
    headings = ("这两天，几则中国官方公告引发全球关注。\n为何是这几种关键物项？\n"
                "为何此时加强出口管制？\n商务部新闻发言人表示，之所以选择这几个关键物项，是因其具有明显的军民两用属性。\n"
                "如何管制？\n首先，靠许可证。")
    assert voice(headings)[1] == 0 and not argues(headings)
    inline = "美方一再泛化国家安全概念，难道这不是在破坏全球供应链吗？这种做法必须停止。"
    assert voice(inline)[1] == 2


def test_the_self_media_writers_asides_are_its_own_voice() -> None:
    """别以为…, 别小看…, 有意思的是, 说白了, 下文将深入剖析 (fiftieth pass): the writer talks to the
    reader, as a column does; a report of the same facts has none of them."""
    column = ("这回中国动用了新的手段，有意思的是，很多做法像是美国示范过来的。\n"
              "别以为两个名单是同一种事儿。\n别小看这套路。\n说白了，这是把西方的手段反过来用。")
    report = ("商务部发布公告，将20家日本实体列入出口管制管控名单。\n"
              "列入名单的实体，相关物项禁止出口。\n商务部新闻发言人表示，此举旨在维护国家安全。")
    assert voice(column)[1] == 4 and argues(column)
    assert voice(report)[1] == 0 and not argues(report)


def test_an_act_only_considered_is_not_done_nor_promised() -> None:
    """中国政府正考虑收紧…出口许可审查, 中国研究收紧对日稀土出口许可审查, "is considering export
    controls" (fiftieth pass): a future act, and only considered; 考虑到… ("given …") and
    研究决定 ("decided after study") are not."""
    from pipelines.reading import read_acts
    for text in ("中国政府正考虑针对性收紧中重稀土相关物项出口许可审查。",
                 "中国研究收紧对日稀土出口许可审查",
                 "China is considering export controls on rare earths."):
        act = read_acts(text)[0]
        assert act.future and act.considered, text
    for text in ("考虑到各方需要，商务部对稀土实施出口管制。",
                 "商务部经研究决定，对稀土实施出口管制。"):
        act = read_acts(text)[0]
        assert not act.future and not act.considered, text


def test_export_controls_imposed_on_counted_companies_are_their_listing() -> None:
    """"China imposes export controls on 28 US companies", 对28家美国实体实施出口管制 (fiftieth
    pass): the companies go on the control list; controls imposed on goods stay controls."""
    from pipelines.reading import read_acts
    for text in ("China imposes export controls on 28 US companies citing national security",
                 "China puts export controls on 28 US defense firms",
                 "中国对28家美国实体实施出口管制"):
        assert read_acts(text)[0].category is Category.ENTITY_LISTING, text
    assert read_acts("China imposes export controls on gallium and germanium")[0].category is (
        Category.CONTROLLED_ITEM_CHANGE)


def test_curbs_lifted_are_a_suspension_and_prices_lifting_are_not() -> None:
    """"Temporarily Lifts Export Curbs on U.S. Entities" (fiftieth pass) lifts a measure, as
    lifting controls or a ban does; "prices lift as curbs bite" lifts nothing off."""
    from pipelines.reading import read_acts
    for text in ("China's MOFCOM Temporarily Lifts Export Curbs on U.S. Entities",
                 "China lifted the ban on graphite exports"):
        assert read_acts(text)[0].category is Category.SUSPENSION, text
    assert all(a.category is not Category.SUSPENSION
               for a in read_acts("Rare earth prices lift as curbs bite"))


def test_guidance_issued_about_a_measure_is_no_act_on_it() -> None:
    """"issued new FAQs about its dual-use export controls" (fiftieth pass): the FAQs are issued,
    the controls stay as they were; "issued export controls on gallium" is the act."""
    from pipelines.reading import read_acts
    faqs = read_acts("China's Ministry of Commerce this month issued new FAQs about its dual-use "
                     "export controls.")
    assert faqs and not any(a.done for a in faqs)
    assert read_acts("China issued export controls on gallium.")[0].done


def test_a_participle_after_a_quotations_comma_continues_the_clause_before_it() -> None:
    """"… amended the EAR on the grounds of “contrary to U.S. national security interests,”
    adding 32 entities to the control list" (fifty-second pass): the comma inside the closing
    quotation mark ends the clause; the participle is done by its subject, the US bureau."""
    sentence = ("On Friday the U.S. Commerce Department's Bureau of Industry and Security amended "
                "its rules on the grounds of “contrary to U.S. national security interests,” "
                "adding 32 entities to the Entity List, including 23 from China.")
    [act] = read_acts(sentence)
    assert act.category is Category.ENTITY_LISTING and act.foreign
    china = sentence.replace("the U.S. Commerce Department's Bureau of Industry and Security",
                             "China's Ministry of Commerce").replace("U.S. national", "national")
    assert not read_acts(china)[0].foreign


@pytest.mark.parametrize("sentence", [
    "也就是说，这次管制是对现有体系的完善。",
    "相对来说，新规对民用产业的影响有限。",
    "可以说，这是一次精准的反制。",
    "这种说辞站不住脚。",
    "这一政策被外界视为对其言论的直接回应。",
    "新规堪称最具分量的回应之一。",
])
def test_the_writers_own_turns_with_say_or_answer_report_no_one(sentence: str) -> None:
    """也就是说, 相对来说, 可以说, 说辞, …的回应 (fifty-third pass): the writer's phrase or a noun,
    nobody reported as saying or answering."""
    assert voice(sentence)[0] == 0


@pytest.mark.parametrize("sentence", [
    "商务部新闻发言人说，相关措施并非针对特定国家。",
    "商务部回应称，出口管制不针对任何国家。",
    "他对记者说，企业已提交申请。",
])
def test_an_official_who_says_or_answers_is_still_reported(sentence: str) -> None:
    """说 and 回应 with a speaker stay reporting after the fifty-third pass."""
    assert voice(sentence)[0] == 1


@pytest.mark.parametrize(("sentence", "arguing"), [
    ("真正的问题在于，是谁让自己依赖他人。", 1),
    ("更值得关注的是，这份清单首次写入了芯片用途。", 1),
    ("难怪市场反应如此强烈。", 1),
    ("可以预见，替代供应链的建设将会提速。", 1),
    ("华盛顿不要总是以己度人", 1),
    ("各方分析，相信新规将成为谈判的核心内容。", 1),
    ("外交部敦促美方不要一错再错。", 0),
    ("他相信谈判会有结果。", 0),
    ("问题清单已提交海关。", 0),
])
def test_chinese_judgements_of_the_writer_argue(sentence: str, arguing: int) -> None:
    """The Chinese of "the question is", "it is worth", "no wonder", "it is clear", "don't" and a
    belief with no one who holds it (fifty-third pass) argue; 敦促…不要 is an official's urging and
    他相信 someone's belief."""
    assert voice(sentence)[1] == arguing


@pytest.mark.parametrize("sentence", [
    "An industry group issues statement on new export controls",
    "The chamber released comments on the export control rules.",
    "行业协会就出口管制新规发表声明",
])
def test_a_statement_issued_on_a_measure_is_no_act_on_it(sentence: str) -> None:
    """"SEMI issues statement on U.S. export controls" (fifty-third pass): a statement, comment or
    report is issued and the measure is its matter; a statement announcing controls, or
    controls issued, is still the act."""
    acts = read_acts(sentence)
    assert acts and not any(a.done for a in acts)
    assert read_acts("The ministry issued a statement announcing export controls on gallium.")[
        0].reported_done
    assert read_acts("商务部发表声明，对镓实施出口管制")[0].reported_done


@pytest.mark.parametrize(("sentence", "foreign"), [
    ("美国某委员会22日宣布将中国主要无人机制造商的设备列入受管制清单。", True),
    ("美国商务部将中国最大芯片厂商列入实体清单。", True),
    ("日本政府将中国稀土企业列入出口审查名单。", True),
    ("中国商务部将美国无人机企业列入出口管制管控名单。", False),
])
def test_a_country_before_a_maker_of_an_industry_is_the_makers_place(sentence: str,
                                                                   foreign: bool) -> None:
    """中国主要无人机制造商, 中国最大芯片厂商 (fifty-third pass): a country before a maker named by
    its industry tells the company's place, as "Chinese drone makers" does; the government
    before it acts."""
    act = next(a for a in read_acts(sentence) if a.category is Category.ENTITY_LISTING)
    assert act.foreign is foreign


@pytest.mark.parametrize("text", [
    "别觉得这是关门。恰恰是咱们有底气。咱们要从规模大变成技术强。",
    "奇怪的是，这次对方没有强烈反应。你看，头部企业已经忙着布局。我们不能掉以轻心。",
    "要知道，稀土加工并不容易。这说明咱们的技术优势来之不易。我们应当珍惜这一优势。",
])
def test_the_chinese_writers_we_and_turns_to_the_reader_argue(text: str) -> None:
    """咱们 and 我们 outside quotation marks, 别觉得, 你看, 要知道, 奇怪的是 (fifty-third pass): the
    writer's own voice, as "we" and "our" are in English; 这说明 is the writer's inference, not
    a speaker reported."""
    reporting, arguing = voice(text)
    assert reporting == 0 and arguing >= 3 and argues(text)


def test_we_inside_a_quotation_or_after_a_speaker_is_reported() -> None:
    """The spokesperson's 我们 in quotation marks, or after 表示, is not the writer's."""
    text = ("商务部新闻发言人表示，我们注意到有关情况。她说：“我们愿与各方加强沟通。”"
            "发言人强调，我们将依法审批。")
    assert voice(text)[1] == 0 and not argues(text)


@pytest.mark.parametrize("sentence", [
    "China imposes dual-use licences on rare earth exports",
    "Starting December 1, foreign firms must secure a dual-use items export licence to ship "
    "rare-earth products.",
    "Certain related technologies require approval before export.",
])
def test_a_licence_required_is_the_control_not_a_licence_granted(sentence: str) -> None:
    """Licences imposed on goods, an export licence to be secured, approval required before
    export (fifty-third pass): the requirement is the control; no licence is granted."""
    kinds = [a.category for a in read_acts(sentence)]
    assert Category.CONTROLLED_ITEM_CHANGE in kinds and Category.LICENSING not in kinds
    assert [a.category for a in read_acts("The ministry granted export licences to three "
                                          "firms.")] == [Category.LICENSING]


@pytest.mark.parametrize(("sentence", "done"), [
    ("中国商务部强化对日本出口军民两用物资管制", True),
    ("商务部加强对日本出口两用物项管制", True),
    ("商务部强化两用物项对日本出口管制", True),
    ("为强化我国出口管制机制，防范高科技货品流入涉武扩散实体。", False),
])
def test_controls_of_exports_to_a_country_tightened(sentence: str, done: bool) -> None:
    """强化 is a verb of doing as 加强 is, and the goods may stand between 出口 and 管制
    (加强对日本出口两用物项管制; fifty-third pass); a control mechanism strengthened is no
    control imposed."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert any(a.reported_done for a in acts) is done


def test_the_controls_as_the_rule_report_its_duties():
    """这些限制要求某些合成石墨和天然石墨的出口必须获得许可证 (fifty-fifth pass): the controls
    stated as what they require are the rule's words, its 必须 not the writer's."""
    body = "这些限制要求某些合成石墨和天然石墨的出口必须获得许可证。\n\n企业必须提前准备。"
    reporting, arguing = voice(body, "石墨出口管制生效")
    assert (reporting, arguing) == (1, 1)
    assert voice(body.replace("这些限制要求", "出口商"), "石墨出口管制生效")[1] == 2
    english = "The restrictions require exporters to obtain a licence; they must apply first."
    assert voice(english) == (2, 0)
    assert voice(english.replace("The restrictions require", "We require"))[1] == 2


def test_a_sentence_said_again_is_the_writers_once():
    """The headline again in a breadcrumb (首页-汽车>…没它不能造车!) and once more as a line
    (fifty-fifth pass): the writer said it once; a page's repeated lines are not three
    arguments."""
    title = "中国宣布石墨出口管制正式生效:日韩美厂商慌乱 没它不能造车!"
    body = (f"首页-汽车>{title}\n{title.replace(' ', '')}\n据报道称，石墨出口将需要许可证。\n"
            f"{title.replace(' ', '')}")
    assert voice(body, title) == (1, 1)
    assert argues(body.replace("首页-汽车>", "") + "\n你必须明白。\n我们不能等。", title)
    # short lines said again ("?" where a page lost its characters) count each time
    assert voice("?\n?\n?")[1] == 3


@pytest.mark.parametrize(
    ("sentence", "listed", "foreign"),
    [
        # a party sanctioned by its name, or by its trade and name (fifty-seventh pass)
        ("China has sanctioned Skydio, America's largest drone maker, for selling drones to "
         "Taiwan.", True, False),
        ("China sanctions US drone maker Skydio", True, False),
        ("Beijing imposed sanctions on Skydio on Friday.", True, False),
        ("The US has sanctioned Huawei over its dealings with Iran.", True, True),
        # a place is no party
        ("China sanctioned Taiwan's former leader over the visit.", False, False),
        ("Washington imposed sanctions on Chinese refiners.", False, False),
        ("The EU imposed sanctions on Russia.", False, False),
        ("Analysts said sanctions on exports would hurt growth.", False, False),
    ],
)
def test_a_party_sanctioned_by_its_name_is_listed(sentence: str, listed: bool,
                                                  foreign: bool) -> None:
    acts = [a for a in read_acts(sentence) if a.category is Category.ENTITY_LISTING]
    assert bool(acts) is listed
    if listed:
        assert acts[0].foreign is foreign


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        # the region named as the one that acts (fifty-seventh pass)
        ("中国台湾地区将华为、中芯国际列入出口管制实体名单", True),
        ("台湾地区经济部门将华为列入出口实体管理名单", True),
        # the region as the place of parties or goods the regime acts on
        ("商务部将台湾地区的8家企业列入出口管制管控名单", False),
        ("商务部决定对原产于美国、欧盟、日本和台湾地区的进口共聚甲醛征收反倾销税", False),
    ],
)
def test_the_taiwan_region_acting_is_no_actor_of_the_regime(sentence: str, foreign: bool) -> None:
    assert first(sentence).foreign is foreign


@pytest.mark.parametrize(("sentence", "done"), [
    ("China's Ministry of Commerce issued Oct. 9 a notice implementing a historic expansion of "
     "China's export control regime.", True),
    ("Analysts debated a possible expansion of the export control regime.", False),
])
def test_a_regimes_expansion_told_by_its_noun_is_a_control(sentence: str, done: bool) -> None:
    """"a notice implementing a historic expansion of China's export control regime" (fifty-
    seventh pass): the regime widened, told by its noun, as "expanded its export control
    regime" is; a possible expansion debated is not done."""
    act = first(sentence)
    assert act.category is Category.CONTROLLED_ITEM_CHANGE
    assert act.reported_done is done


def test_a_rules_duty_told_after_its_act_is_reported_not_argued() -> None:
    """马来西亚贸易部…宣布，即日起，…必须取得贸易许可证, "new applicants must show …"
    (fifty-eighth pass): the modal is the rule's, told after the act or of those it binds, so
    the sentence reports; the writer's own "must" and 必须 still argue."""
    rule = ("马来西亚贸易部于7月14日宣布，即日起，所有美国原产的芯片在出口时，必须取得贸易许可证。"
            "美国商务部的草案要求企业在出口前必须获得许可。")
    assert voice(rule) == (2, 0)
    applicants = ("For tungsten, new applicants must show exports of 2,000 tonnes. "
                  "Existing qualified exporters must show export performance since 2022.")
    assert voice(applicants) == (2, 0)
    own = ("美国必须停止打压。Washington must stop its pressure. Europe must choose. "
           "Exporters must diversify.")
    assert voice(own) == (0, 4)


# --- the fifty-ninth pass (real40, real42) -------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Unfortunately, these export restrictions are increasing.",
    "Make no mistake, the next ban is on the way.",
    "More importantly, the supply chain remains exposed.",
    "表面上看，这是一次双赢。",
    "由此可见，这次军售是在延续既有路线。",
    "看似让步，实则是把障碍转移到了别处。",
    "欧盟显然不愿同时承受双重压力。",
    "如果把时间再往前对照，就会发现这种做法并非毫无脉络。",
    "这一决定显得格外扎眼。",
])
def test_the_writers_stance_opening_a_sentence_argues(sentence: str) -> None:
    """A judgement in the writer's own words (fifty-ninth pass): "Unfortunately", "Make no
    mistake", 表面上看, 由此可见, 看似…实则 argue as "should" does; the same judgement told as
    someone's ("…, analysts said") is reported, and the plain fact argues nothing."""
    assert voice(sentence) == (0, 1)
    if sentence.isascii():
        assert voice(sentence.rstrip(".") + ", analysts said.") == (1, 0)
    else:
        assert voice("分析人士表示，" + sentence) == (1, 0)
    assert voice("China put five metals under export control on Tuesday.") == (0, 0)


@pytest.mark.parametrize(("sentence", "foreign"), [
    ("China Approves Graphite Export by South Korea's Posco Future M", False),
    ("Graphite export licences approved by Japanese authorities", True),
    ("Export licences granted by the US Commerce Department", True),
])
def test_a_by_phrase_names_the_agent_only_after_a_participle(sentence, foreign):
    """"China Approves Graphite Export by South Korea's Posco" (fifty-ninth pass): "by" after an
    active verb's object names whose export it is, so China approves; after a participle
    ("approved by Japanese authorities") it names the passive's agent, another government."""
    assert [a.foreign for a in read_acts(sentence)] == [foreign]


# --- the sixtieth pass (real44) -----------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "enforced"), [
    ("U.S. Buyers Reroute Supply as Chinese Enforcement Push Drives Mineral Prices", True),
    ("Spot prices for gallium and germanium have surged amid tightened Chinese enforcement.",
     True),
    ("Customs stepped up enforcement of the controls at southern ports.", True),
    ("Enforcement of the new rules remains unclear, traders said.", False),
    ("The law gives the ministry enforcement powers.", False),
])
def test_enforcement_stepped_up_is_enforcement(sentence, enforced):
    """Enforcement tightened, stepped up or pushed (sixtieth pass) is breaches pursued harder,
    an enforcement act; enforcement merely named (its clarity, its powers) is none."""
    assert (Category.ENFORCEMENT in _kinds(sentence)) is enforced


@pytest.mark.parametrize(
    "sentence",
    [
        "美国买家经泰国、墨西哥转口规避中国锑出口禁令",
        "US buyers circumvent China's antimony export ban through Thailand",
        "Traders got around the curbs by shipping the powder through Vietnam.",
        "Chinese firms evade US chip controls via Singapore",
        "中国企业规避美国芯片管制",
        "U.S. importers skirt China’s mineral ban by rerouting antimony through Thailand",
        "What to Know About ‘Transshipping’ and U.S. Trade Deals",
    ],
)
def test_a_ban_evaded_by_traders_is_no_enforcement_nor_a_control_done(sentence):
    """A ban or controls evaded, circumvented or got around, goods transshipped (seventieth
    pass, replacing the sixty-first's reading): traders' doings, with no authority's case or
    crackdown, are no enforcement (`dev-907`), and the ban they evade is named, not imposed."""
    acts = read_acts(sentence)
    assert all(a.category is not Category.ENFORCEMENT for a in acts)
    assert not any(a.done for a in acts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Customs cracked down on the transshipment of antimony through Thailand.",
        "商务部：打击绕过出口禁令的转口行为专项行动已部署",
    ],
)
def test_a_crackdown_on_evasion_is_enforcement(sentence):
    """An authority's crackdown on evasion is enforcement, the evasion its object."""
    assert Category.ENFORCEMENT in _kinds(sentence)


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("陆宣布制裁20家美军工企业、10名高管", True),
        ("大陆外交部决定对包括波音分公司、诺斯洛普·格鲁曼及L3哈里斯在内的20家美国军工企业及其10名高级"
         "管理人员采取严厉反制措施。", True),
        ("美方制裁措施影响20家企业的出口", False),
    ],
)
def test_counted_parties_sanctioned_in_chinese_are_listed(sentence, listed):
    """宣布制裁20家美军工企业 is "sanctions 20 US defence firms"; countermeasures taken against a
    long list of parties and their executives are their listing (sixty-first pass); sanctions
    merely affecting firms list none."""
    assert (Category.ENTITY_LISTING in _kinds(sentence)) is listed


@pytest.mark.parametrize(
    ("sentence", "done"),
    [
        ("In mid-2025, Beijing brought it under its export licensing system, meaning buyers "
         "now wait longer.", True),
        ("China brought graphite under export controls in 2023.", True),
        ("China will bring graphite under export controls.", False),
    ],
)
def test_goods_brought_under_a_regime_are_controls_done(sentence, done):
    """"Beijing brought it under its export licensing system" (sixty-first pass): goods brought
    under a regime are controls imposed, as goods placed or put under it; "will bring" tells
    them to come."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert acts and (acts[0].done and not acts[0].future) is done
    assert read_acts("The controls brought pain to makers under pressure.") == []


# --- the sixty-second pass (real54) -------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("China blacklists TechInsights after Huawei chip report sparks concerns", True),
        ("中国商务部对欧盟两银行采取反制措施", True),
        ("现公布《关于对欧盟两家金融机构采取反制措施的决定》，自2025年8月13日起施行。", True),
        ("Blacklists Are Growing in Washington", False),
        ("银行对企业的贷款措施仍然谨慎", False),
    ],
)
def test_parties_blacklisted_by_name_or_banks_countered_are_listed(sentence, listed):
    """"China blacklists TechInsights" (a party blacklisted by its name) and countermeasures
    taken against banks or financial institutions (对欧盟两银行采取反制措施) are listings
    (sixty-second pass); blacklists as a plural noun, and a bank's own measures, are none."""
    assert (Category.ENTITY_LISTING in _kinds(sentence)) is listed


def test_a_working_mechanisms_approval_of_a_decision_is_no_licence():
    """经国家反外国制裁工作协调机制批准 (sixty-second pass) states the authority of a
    countermeasure decision, as 经国务院批准 does an announcement's: no licence granted; a
    ministry's approval of exporters' applications is one."""
    told = "经国家反外国制裁工作协调机制批准，中方决定采取反制措施。"
    assert Category.LICENSING not in _kinds(told)
    assert Category.LICENSING in _kinds("商务部已批准部分企业的出口许可申请。")


def test_a_space_in_a_chinese_headline_ends_what_is_responded_to():
    """回应2金融机构被制裁 中国商务部对欧盟两银行采取反制措施 (sixty-second pass): the space ends
    the matter responded to, so the countermeasure after it is the headline's own act, not a
    background of the response."""
    acts = read_acts("回应2金融机构被制裁 中国商务部对欧盟两银行采取反制措施")
    assert [(a.category, a.background) for a in acts] == [(Category.ENTITY_LISTING, False)]
    acts = read_acts("商务部回应对欧盟两银行采取反制措施")
    assert all(a.background for a in acts)


def test_a_list_of_goods_may_stand_between_the_curbing_verb_and_exports():
    """"MofCom restricts battery cathode, gallium extraction tech exports" (sixty-second pass):
    a list of goods between the verb and "exports" leaves the controls the headline's act."""
    assert Category.CONTROLLED_ITEM_CHANGE in _kinds(
        "MofCom restricts battery cathode, gallium extraction tech exports")
    assert Category.CONTROLLED_ITEM_CHANGE not in _kinds(
        "Factories halted production lines last month while gallium prices and exports rose")


# --- the sixty-second pass (real56) -------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("China on Tuesday announced import restrictions on 40 Japanese companies and entities.",
         True),
        ("中国外交部表示，已对20家美国国防相关企业与10名高阶主管实施制裁。", True),
        ("又跳脚？不满协助对台军售 北京宣布制裁美国军工企业", True),
        ("美国对台军售惹怒北京？中国宣布制裁美国军工业者", True),
        ("The city announced curbs on 40 trucks a day in the old town.", False),
        ("China to stop curbs on 15 US entities, keep others suspended for a year", False),
        ("Curbs on 15 US firms lifted as Kuala Lumpur steps take effect", False),
        ("中方不满美方对华制裁措施", False),
    ],
)
def test_sanctions_on_counted_or_named_nationals_firms_are_listings(sentence, listed):
    """Restrictions announced on counted parties, sanctions imposed on counted firms with the
    count before the verb (对20家…企业…实施制裁), and a nationality's firms sanctioned
    (宣布制裁美国军工企业) are listings (sixty-second pass), also after a headline clause of
    displeasure that a space closes; trucks counted, curbs on counted parties stopped or lifted,
    and another government's sanctions China dislikes, are none."""
    assert (Category.ENTITY_LISTING in _kinds(sentence)) is listed


# --- the sixty-third pass (real58, real60) -------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "kind", "read"),
    [
        ("China Tightens Export Controls, Banning Dual-Use Items to 20 Japanese Entities",
         Category.ENTITY_LISTING, True),
        ("China is banning exports of dual-use goods to 15 US companies", Category.ENTITY_LISTING,
         True),
        ("China is banning dual-use items to Japan", Category.ENTITY_LISTING, False),
        ("Tit-for-Tat: China Punishes the U.S. Drone Industry", Category.ENFORCEMENT, False),
        ("China punishes American defense firms over Taiwan arms sales", Category.ENFORCEMENT,
         False),
        ("China punishes exporter for smuggling gallium", Category.ENFORCEMENT, True),
        ("欧洲汽车零部件商因中国稀土出口限制暂停生产线", Category.SUSPENSION, False),
        ("中方暂停实施相关出口管制措施", Category.SUSPENSION, True),
        ("它真的是对整个锂电行业的致命打击吗？", Category.ENFORCEMENT, False),
        ("海关持续打击稀土走私", Category.ENFORCEMENT, True),
    ],
)
def test_acts_told_figuratively_or_by_their_parties(sentence, kind, read):
    """Goods banned to counted parties ("Banning Dual-Use Items to 20 Japanese Entities") are
    their listing; a country or its industry punished is a countermeasure's target, not a breach
    pursued; a company's production lines halted (暂停生产线) suspend no measure; and a fatal blow
    (致命打击) is a figure of speech, no crackdown (sixty-third pass). The plain acts stay read."""
    assert (kind in _kinds(sentence)) is read


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("Rare earths stocks surge after China tightens grip on global supplies", True),
        ("China tightened its grip on rare earth exports on Thursday", True),
        ("China tightens its grip on rare earth supply chains", False),
        ("Investors tighten grip on cash", False),
    ],
)
def test_a_grip_tightened_on_supplies_is_controls(sentence, read):
    """"after China tightens grip on global supplies" (sixty-third pass): a grip tightened on
    supplies, exports or shipments tells controls on what leaves, an act done; a grip on supply
    chains is dominance, and investors' grip on cash no measure."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert (bool(acts) and acts[0].done) is read


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("Europe faces automotive crisis as rare earth supplies falter amid China export curbs",
         True),
        ("Antimony prices jump ahead of new export controls", True),
        ("Amid trade tensions, China imposes export controls on gallium", False),
        ("China imposes export controls on gallium amid trade tensions", False),
    ],
)
def test_an_act_told_amid_or_ahead_of_is_background(sentence, background):
    """"rare earth supplies falter amid China export curbs", "Exports Surge … Ahead of New Export
    Limits" (sixty-fourth pass): an act told as the circumstance of another event, amid it or
    ahead of it, is background, as one after it is; an act the circumstance is told of is not."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert acts and acts[0].background is background


@pytest.mark.parametrize(("sentence", "seized"), [
    ("Raw materials market: opportunity to be seized for Malagasy graphite", False),
    ("Graphite makers seize the opportunity to export", False),
    ("Customs seized two tonnes of gallium bound for Hong Kong", True),
])
def test_a_chance_seized_is_no_seizure(sentence, seized):
    """"opportunity to be seized for Malagasy graphite" (sixty-fourth pass): a chance seized,
    the opportunity or the moment, is no seizure of goods; goods seized are."""
    assert (Category.ENFORCEMENT in _kinds(sentence)) is seized


@pytest.mark.parametrize(("sentence", "licensed"), [
    ("Chip relief: China allows exports of Nexperia chips for civilian use", True),
    ("China allowed the export of gallium for civilian buyers last week", True),
    ("The rules allow exports of graphite", False),
])
def test_exports_allowed_for_a_use_are_a_permission_granted(sentence, licensed):
    """"China allows exports of Nexperia chips for civilian use" (sixty-fourth pass): exports
    allowed for a use or a party are a permission granted, a licensing act done; what rules
    allow in general is none."""
    assert (Category.LICENSING in _kinds(sentence)) is licensed


# --- the sixty-fifth pass (real82, real84) -------------------------------------------------------

@pytest.mark.parametrize(("sentence", "listing"), [
    ("China hits Takaichi with tougher export curbs on Japan firms", True),
    ("Beijing targets Tokyo with new export controls on Japanese companies", True),
    ("China hits back with tougher export curbs on rare earths", False),
])
def test_export_curbs_on_a_countrys_firms_that_hit_someone_are_a_listing(sentence, listing):
    """"China hits Takaichi with tougher export curbs on Japan firms" (sixty-fifth pass): export
    curbs on firms, entities or companies are their listing whatever verb puts them on, hitting
    or targeting someone with them, and tougher or new; curbs on goods are controls."""
    kinds = _kinds(sentence)
    assert (Category.ENTITY_LISTING in kinds) is listing
    assert (Category.CONTROLLED_ITEM_CHANGE in kinds) is not listing


@pytest.mark.parametrize(("sentence", "negated"), [
    ("美ITC裁定中国活性阳极材料未造成实质阻碍 不发布双反税令", True),
    ("美ITC裁定中国活性阳极材料造成实质损害 将发布双反税令", False),
])
def test_a_verb_right_after_bu_is_denied(sentence, negated):
    """美ITC裁定…不发布双反税令 (sixty-fifth pass): 不 right before the verb denies the act (the
    duty order is not issued), as 未 and 没有 do; the order to be issued is an act."""
    acts = [a for a in read_acts(sentence) if a.category is Category.TARIFF]
    assert acts and acts[-1].negated is negated


def test_a_dual_use_ban_to_counted_entities_with_an_aside_is_their_listing():
    """"banned the export of dual-use items — goods with both civilian and military
    applications — to 20 Japanese entities" (sixty-fifth pass): an aside between dashes before
    the counted parties keeps the ban theirs, a listing, as "banned sales of dual-use products
    to 28 American military suppliers" is."""
    kinds = _kinds("On Tuesday, the ministry banned the export of dual-use items — goods that "
                   "serve both civilian and military ends — to 20 Japanese entities.")
    assert Category.ENTITY_LISTING in kinds and Category.CONTROLLED_ITEM_CHANGE not in kinds


@pytest.mark.parametrize(("sentence", "licensed"), [
    ("China exempts Nexperia chips for civilian use from export restrictions", True),
    ("Beijing exempted civilian chip shipments from its new export controls", True),
    ("The rules exempt small shipments from the controls", False),
])
def test_goods_exempted_from_export_controls_are_an_exemption_granted(sentence, licensed):
    """"China exempts Nexperia chips for civilian use from export restrictions" (sixty-fifth
    pass): goods a government exempts from its controls are an exemption granted, a licensing
    act done, as exports allowed for a use are; what rules exempt in general is none done."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert bool(acts and acts[0].done) is licensed


@pytest.mark.parametrize(("sentence", "suspended"), [
    ("中国暂解镓锗锑出口禁令 澳洲专家示警供应链风险未除", True),
    ("中方暂时解除对美国部分物项的出口禁令", True),
    ("中国暂时无意解除出口禁令", False),
])
def test_a_ban_lifted_for_a_time_is_suspended(sentence, suspended):
    """中国暂解镓锗锑出口禁令 (sixty-fifth pass): a ban lifted for a time (暂解, 暂时解除, 暂时取消)
    is suspended, a suspension act done; no intention to lift one is none."""
    acts = [a for a in read_acts(sentence) if a.category is Category.SUSPENSION]
    assert bool(acts and acts[0].done) is suspended


@pytest.mark.parametrize(("sentence", "foreign"), [
    ("美将12家中企列入“实体清单” 外交部要求美方立即纠正错误", True),
    ("日将中国企业列入出口管制清单", True),
    ("商务部将12家美国企业列入不可靠实体清单", False),
    ("中方将12家美企列入出口管制管控名单", False),
])
def test_a_state_named_by_one_character_before_jiang_lists(sentence, foreign):
    """美将12家中企列入“实体清单” (sixty-sixth pass): a state named by one character before 将 is
    the listing's actor, as 美国将 is; the regime's own listings stay its own."""
    acts = [a for a in read_acts(sentence) if a.category is Category.ENTITY_LISTING]
    assert acts and acts[0].foreign is foreign


@pytest.mark.parametrize(("sentence", "kind"), [
    ("中国对三菱等20间日本实体实施出口管制", Category.ENTITY_LISTING),
    ("中国对20家美国实体实施出口管制", Category.ENTITY_LISTING),
    ("中国对镓锗相关物项实施出口管制", Category.CONTROLLED_ITEM_CHANGE),
])
def test_export_controls_imposed_on_counted_entities_are_their_listing(sentence, kind):
    """中国对三菱等20间日本实体实施出口管制 (sixty-sixth pass): export controls imposed on counted
    entities are their listing, done, as an export ban to them is; controls on goods stay
    controls."""
    acts = read_acts(sentence)
    assert acts and acts[0].category is kind and acts[0].done


@pytest.mark.parametrize(("sentence", "act"), [
    ("Chinese state-owned enterprises stop new rare earth export contracts with Japanese "
     "companies", False),
    ("Several magnet makers halt exports to the US after orders dry up", False),
    ("China halts gallium exports to the US", True),
    ("Beijing orders firms to halt gallium exports to the US", True),
])
def test_firms_stopping_their_own_trade_take_a_business_decision(sentence, act):
    """"Chinese state-owned enterprises stop new rare earth export contracts with Japanese
    companies" (sixty-seventh pass): firms that stop or halt their own trade take a business
    decision, no act of the regime; the state halting exports, or ordering firms to, acts."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert bool(acts) is act


@pytest.mark.parametrize(("sentence", "kind", "background"), [
    ("中国商务部连发2条公告，宣布将40家日本企业纳入两用物项的严控范围内。",
     Category.ENTITY_LISTING, False),
    ("40家日企纳入两用物项严控", Category.ENTITY_LISTING, False),
    ("商务部宣布将镓锗纳入管制范围。", Category.CONTROLLED_ITEM_CHANGE, False),
    ("日方对中方宣布将于12月1日实施的出口管制措施表示不满。",
     Category.CONTROLLED_ITEM_CHANGE, True),
])
def test_counted_parties_put_into_the_scope_of_control_are_listed(sentence, kind, background):
    """宣布将40家日本企业纳入两用物项的严控范围内 (sixty-seventh pass): counted parties put into
    the scope of (strict) control are listed, and the 的 inside the place they are put is no
    relative clause; goods put under control stay controls, and a measure announced to come
    that the 的 makes a relative clause stays background."""
    acts = [a for a in read_acts(sentence) if a.category is kind]
    assert acts and acts[0].background is background


@pytest.mark.parametrize(("sentence", "licensing"), [
    ("对中国企业适用税率范围为0—37.13%，仅少数企业获0%豁免。", False),
    ("宝钢适用37.13%顶格税率，部分企业获0％豁免。", False),
    ("该企业获出口管制豁免，可继续向欧洲出口。", True),
])
def test_a_firms_zero_rate_in_a_duty_ruling_is_no_exemption_granted(sentence, licensing):
    """少数企业获0%豁免 in another state's anti-dumping ruling (sixty-seventh pass): a firm's
    rate of 0% is the duty's rate, no exemption from controls granted; an exemption obtained
    from export controls stays one."""
    acts = [a for a in read_acts(sentence) if a.category is Category.LICENSING]
    assert bool(acts) is licensing


@pytest.mark.parametrize(("sentence", "controls"), [
    ("宣布对铟、钼、钨、铋、碲等五种战略关键物资和两用物项实施出口限制措施。", True),
    ("中方决定对相关物项实施严格的出口限制。", True),
    ("市场人士讨论铟、钼的出口限制前景。", False),
])
def test_an_export_restriction_imposed_is_a_control(sentence, controls):
    """宣布对铟、钼、钨、铋、碲…实施出口限制措施 (sixty-eighth pass): an export restriction
    imposed (实施出口限制), as 实施出口管制 is, is controls on the goods; the restriction only
    talked about is no act."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert bool(acts) is controls


@pytest.mark.parametrize(("sentence", "done"), [
    ("中国从2026年元旦起加大白银出口管制。", True),
    ("市场担心白银出口管制。", False),
])
def test_controls_stepped_up_are_done(sentence, done):
    """中国从2026年元旦起加大白银出口管制 (sixty-eighth pass): 加大 ("steps up") is a verb doing
    the controls, as 加强 is; controls only named are no act done."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert acts and acts[0].done is done


@pytest.mark.parametrize(("headline", "listing"), [
    ("China Unveils Watchlist in Export Controls, Escalating Pressure on Japanese Firms", True),
    ("China launches its first entity list", True),
    ("China unveils new export controls on rare earths", False),
])
def test_a_watch_list_unveiled_is_a_listing_done(headline, listing):
    """"China Unveils Watchlist in Export Controls, Escalating Pressure on Japanese
    Military-Linked Firms" (sixty-eighth pass): a watch list or entity list unveiled, launched or
    first used is the listing it makes, done; controls unveiled stay controls."""
    acts = [a for a in read_acts(headline) if a.category is Category.ENTITY_LISTING and a.done]
    assert bool(acts) is listing


def test_a_bilingual_question_heading_and_the_headline_repeated_are_no_argument():
    """An explainer on a bilingual page (sixty-eighth pass): its heading 为什么镓锗如此重要?/Why
    are Gallium and Germanium So Important? is the reader's question, as 为何…？ alone is, and
    its headline repeated at the body's head is read once; the same questions asked in a
    sentence of argument still argue."""
    title = "中国镓锗出口管制引发全球半导体震荡 - 为何美日韩欧反应如此强烈?"
    body = (title.replace(" ", "") + "\n\n近日,中国宣布自8月1日起对镓和锗实施出口管制。\n\n"
            "为什么镓锗如此重要?/Why are Gallium and Germanium So Important?\n\n"
            "镓和锗是半导体核心材料。")
    assert voice(body, title)[1] <= 1
    argued = body.replace("为什么镓锗如此重要?/Why are Gallium and Germanium So Important?",
                          "难道西方国家不应反思自己的做法吗?我们必须看到问题的根源在于美国。")
    assert voice(argued, title)[1] >= 3


@pytest.mark.parametrize(("sentence", "foreign"), [
    ("The Democratic Republic of Congo has extended its suspension on cobalt exports for an "
     "additional three months.", True),
    ("DR Congo has extended its suspension on cobalt exports.", True),
    ("China has extended its suspension on the export controls.", False),
])
def test_a_state_by_its_full_name_acts_for_itself(sentence, foreign):
    """"The Democratic Republic of Congo has extended its suspension on cobalt exports"
    (sixty-eighth pass): a state named by its full name (and DR Congo) is another government,
    as "Congo" and "DRC" are; its suspension is no act of China's."""
    acts = [a for a in read_acts(sentence) if a.category is Category.SUSPENSION]
    assert acts and acts[0].foreign is foreign


@pytest.mark.parametrize(("sentence", "expected"), [
    # exports suspended are exports halted: a ban (seventieth pass)
    ("When China announced in April that it would suspend exports of several categories of "
     "rare earths and associated magnets, alarm bells rang.", Category.CONTROLLED_ITEM_CHANGE),
    ("China suspended shipments of gallium to the United States.",
     Category.CONTROLLED_ITEM_CHANGE),
    ("China suspends rare earth exports to the US", Category.CONTROLLED_ITEM_CHANGE),
    ("中国暂停对美出口镓、锗", Category.CONTROLLED_ITEM_CHANGE),
    # measures suspended stay suspensions
    ("China suspended the export controls on gallium", Category.SUSPENSION),
    ("China suspended the controls on gallium exports", Category.SUSPENSION),
    ("China suspended the export ban on gallium", Category.SUSPENSION),
    ("商务部暂停对美出口管制措施", Category.SUSPENSION),
    ("China suspended the production quota rules", Category.SUSPENSION),
])
def test_exports_suspended_are_a_ban_and_measures_suspended_a_suspension(sentence, expected):
    """"China's decision in April to suspend exports of rare earths" halts exports: the act is a
    control on them, not a measure suspended; what a suspension's verb governs when it is a
    measure ("suspended the export ban") stays a suspension."""
    assert first(sentence).category is expected


@pytest.mark.parametrize("sentence", [
    "Suzuki has suspended production of most of its Swift car models at its Japanese plants.",
    "Ford paused operations at its Chicago plant.",
])
def test_a_companys_own_work_suspended_is_no_act(sentence):
    """A carmaker suspending production or pausing operations halts its own work: no measure of
    the regime is suspended (seventieth pass)."""
    assert read_acts(sentence) == []


@pytest.mark.parametrize(("sentence", "done"), [
    ("Suzuki production halted by China rare-earth export restrictions", False),
    ("Suzuki Halts Swift Production Amid China's Rare Earth Export Curbs", False),
    # the verb acting on the exports or the controls stays the act
    ("China halts rare earth exports", True),
    ("MofCom restricts battery cathode, gallium extraction tech exports", True),
    ("China imposed export restrictions on rare earths", True),
])
def test_controls_after_a_cause_word_are_no_object_of_the_verb_before(sentence, done):
    """"Production halted by …", "halts production amid …" (seventieth pass): the controls are
    the halt's agent or cause, so the company's verb is not their act; told as a name, the
    controls are no act done in the sentence."""
    acts = [a for a in read_acts(sentence) if a.category is Category.CONTROLLED_ITEM_CHANGE]
    assert acts
    assert acts[0].done is done


def test_levying_told_as_taiwan_says_it_is_a_tariff_done():
    """課徵反補貼稅 (Taiwan's word for levying, 课征 once read as simplified; seventieth pass) is a
    duty levied, as 征收 is; the duty named alone is no act done."""
    levied = first("陆商务部公告：课征反补贴税5年")
    assert levied.category is Category.TARIFF and levied.done
    assert not first("认定欧盟补贴乳制品造成实质损害，反补贴税为期5年").done


@pytest.mark.parametrize(("sentence", "listed"), [
    ("China restricts dual-use exports from 20 Japanese companies", True),
    ("Beijing has imposed export controls on 20 Japanese companies, including affiliates of "
     "Mitsubishi Heavy Industries.", True),
    ("China restricts exports of gallium to 20 countries", False),
    ("China imposes export controls on 20 items", False),
])
def test_exports_restricted_to_counted_firms_are_a_listing(sentence, listed):
    """"China restricts dual-use exports from 20 Japanese companies", "imposed export controls on
    20 Japanese companies" (seventy-second pass): controls aimed at counted parties, not goods,
    are a listing, as restrictions on them announced already were; exports restricted to
    counted countries, or controls on counted items, are controls on goods."""
    assert (Category.ENTITY_LISTING in _kinds(sentence)) is listed


@pytest.mark.parametrize(("sentence", "enforced"), [
    ("Customs challenges to export control of dual-use items take effect", True),
    ("Directorate-General of Customs Optimizes Customs Inquiry Work for Export Control", True),
    ("海关总署发布关于两用物项出口管制海关质疑有关事项的公告", True),
    ("Exporters must present the licence issued by the export control authority to customs.",
     False),
])
def test_customs_questioning_an_export_is_an_enforcement(sentence, enforced):
    """GACC Announcement No. 123 of 2025 as the press told it: "customs challenges to export
    control of dual-use items", a "customs inquiry", 海关质疑 (seventy-second pass): customs
    questioning an export that may need a licence, and holding it meanwhile, pursue a breach;
    a licence merely presented to customs is none."""
    assert (Category.ENFORCEMENT in _kinds(sentence)) is enforced


@pytest.mark.parametrize(("sentence", "act"), [
    ("行业协会:加强稀土出口管制不会影响国际产业链供应链稳定", False),
    ("China's move to tighten rare earth controls will not affect global supply chains", False),
    ("商务部加强稀土出口管制", True),
    ("China tightened rare earth controls on Thursday, and shares fell", True),
])
def test_a_measure_said_to_leave_something_unharmed_is_spoken_about(sentence, act):
    """加强稀土出口管制不会影响国际产业链供应链稳定 (an industry association's words; seventy-second
    pass): a measure said not to affect, disrupt or harm something is the subject of an
    evaluation, as one said to be lawful is, not an act the sentence reports; told with an
    effect that happened, it stays the act."""
    assert any(a.reported_done for a in read_acts(sentence)) is act


@pytest.mark.parametrize(("sentence", "controls"), [
    ("这次出手真狠!中国出手直接禁止对日本出售两用物项!", True),
    ("中方宣布禁止对美国军工企业供应两用物项", True),
    ("商场停止对会员销售优惠券", False),
])
def test_sales_to_a_foreign_state_banned_are_export_controls(sentence, controls):
    """中国直接禁止对日本出售两用物项 (seventy-second pass): sales or supply to a foreign state
    banned are its exports banned, a control; a shop that stops selling coupons to its members
    controls nothing."""
    assert (Category.CONTROLLED_ITEM_CHANGE in _kinds(sentence)) is controls


def test_a_sentence_with_no_end_is_read_in_its_first_part_only() -> None:
    """A page whose title repeats for 20,000 characters with no full stop (a broken template)
    is read in its first LONGEST_READ characters, cut at a space or comma: the acts there, not
    one per repetition (the patterns cost the square of a sentence's length; a night stalled
    for minutes on one such page)."""
    from pipelines.reading import LONGEST_READ, first_part, read_acts

    unit = "China announced export controls on rare earth items, "
    sentence = unit * 400
    part = first_part(sentence, LONGEST_READ)
    assert len(part) <= LONGEST_READ and sentence.startswith(part) and sentence[len(part)] in " ,"
    assert read_acts(sentence) == read_acts(part)
    assert 0 < len(read_acts(sentence)) <= part.count("announced")
    assert first_part("a" * 3000, LONGEST_READ) == "a" * LONGEST_READ  # nowhere to cut
    short = "China announced export controls on gallium on Monday."
    assert read_acts(short) and first_part(short, LONGEST_READ) == short
