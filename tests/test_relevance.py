"""The news relevance rule, both ways."""

import pytest

from pipelines.items import DocumentItem, MeasureRef
from pipelines.names import to_simplified
from pipelines.relevance import _reports_regime_act, measure_score, relevance, topic_score


def news(title, body, measures=()):
    return DocumentItem(url="https://www.globaltimes.cn/page/202510/1.shtml", source="globaltimes",
                        source_kind="news", title=title, body=body, language="en",
                        measures=list(measures))


KEPT = [
    ("Chinese authorities reiterate position on rare earth export control; compliant "
     "application for civilian use can be approved",
     "China reiterated on Thursday its clear stance on export control measures."),
    ("China vows concrete measures to prevent illegal outflow of strategic minerals",
     "A special operation to combat the smuggling of strategic minerals."),
    ("Export measures help with sustainable development",
     "General licenses for rare earth exports are a new permit category. In November, China "
     "announced a one-year suspension of export controls on rare earths."),
]
KEPT += [
    ("MOFCOM slams US chip curbs", "The spokesperson said the US abused export controls and "
     "added Chinese firms to its Entity List."),
    ("Gallium prices surge after China's controls take effect",
     "Traders said European prices doubled."),
    ("商务部：对锑等物项实施管制", "商务部新闻发言人答记者问。"),
]
LEFT_OUT = [
    ("Shanghai hosts marathon with record turnout", "More than 30,000 runners took part."),
    ("Tech giants report strong quarterly earnings",
     "Revenue rose on cloud demand; the rare earth of analysts' praise was hype."),
    ("Rare earth producer's profit surges on strong magnet demand",
     "Demand from robot makers grew; the company plans to expand its capacity."),
    ("Gallium nitride chargers win over young consumers",
     "Chargers made with gallium nitride became best-sellers."),
]


@pytest.mark.parametrize(("title", "body"), KEPT)
def test_articles_about_the_regime_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep and reason.startswith("topic: ")


@pytest.mark.parametrize(("title", "body"), LEFT_OUT)
def test_unrelated_articles_are_left_out(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep and "topic score" in reason


def test_an_article_citing_a_measure_is_kept_whatever_its_words():
    ref = MeasureRef(id="MOFCOM-2025-61", series="MOFCOM", year=2025, number=61)
    assert relevance(news("Weekly roundup", "Also: No. 61 of 2025.", [ref])) == (
        True, "cites MOFCOM-2025-61")


def test_official_pages_are_always_kept():
    item = news("Marathon", "Runners")
    item.source_kind = "authority"
    assert relevance(item) == (True, "official source")


def test_title_words_weigh_more_than_body_words():
    assert topic_score("Rare earth exports", "") == (2, ["rare earths"])
    assert topic_score("", "rare earth exports") == (1, ["rare earths"])


# The measure score: a trade measure as a subject, not words near the topic (issue 14 item 5).
KEPT_BY_MEASURES = [
    ("China to grant exemptions for Nexperia chip exports for civilian use",
     "MOFCOM said on Saturday it will grant exemptions for eligible exports."),
    ("MOFCOM spokesperson responds to European concerns",
     "China has approved a number of compliant applications for rare earth exports, a "
     "spokesperson said on Thursday.\nThe ministry will further speed up its reviews of "
     "export license applications."),
    ("U.S. unveils AI chip export rule, drawing industry criticism",
     "The U.S. Department of Commerce on Monday unveiled a new rule restricting exports of "
     "advanced chips."),
    ("Editorial", "Editor's Note:\nChina extended its rare earth export controls last week. "
     "Critics call the tariff threats a response."),
]
LEFT_OUT_NEAR_THE_TOPIC = [
    ("Magnet maker's first-half profit jumps on EV, robotics demand",
     "A leading maker of rare earth permanent magnets reported a 45 percent rise in profit.\n"
     "Sales of magnets to carmakers rose by a third.\n"
     "Overseas sales rose despite tighter export controls on some rare earth items."),
    ("Tungsten prices climb to record highs on tight supply",
     "Prices of tungsten concentrate climbed to record highs.\nTungsten is one of the critical "
     "minerals where supply is hard to expand. Stricter inspections kept mines idle."),
    ("Chinese scientists develop magnet that cuts use of heavy rare earths",
     "The magnet uses less dysprosium and terbium, two of the costliest critical minerals."),
]


@pytest.mark.parametrize(("title", "body"), KEPT_BY_MEASURES)
def test_articles_with_a_measure_as_their_subject_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep and "measure score" in reason


@pytest.mark.parametrize(("title", "body"), LEFT_OUT_NEAR_THE_TOPIC)
def test_subject_words_and_passing_mentions_do_not_keep_an_article(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep and "measure score" in reason


def test_a_measure_weighs_by_where_it_is_named():
    assert measure_score("China adjusts tariffs on US goods", "") == 3
    assert measure_score("", "The tariffs take effect on Monday, the commission said.") == 2
    assert measure_score("", "A long first paragraph about soybean harvests this year.\n"
                             "The tariffs take effect in March.") == 1
    # a measure told with the day of the news is the text's peg and weighs as the lead
    assert measure_score("", "A long first paragraph about soybean harvests this year.\n"
                             "The tariffs take effect on Monday.") == 2
    # a label is not the lead: the first paragraph of substance is
    assert measure_score("", "Editor's Note:\nExport controls on gallium were tightened "
                             "last week.") == 2
    # a lead telling a Chinese authority acting weighs as a headline (forty-seventh pass)
    assert measure_score("", "Editor's Note:\nChina tightened its export controls on gallium "
                             "last week.") == 3


def test_words_that_refer_back_to_a_named_measure_count_and_other_senses_do_not():
    # an opinion piece argues about one measure in its short words once it has named it
    body = ("It is a question of principle, and of how buyers read the rules.\n"
            "The licensing requirements introduced in April for rare earths forbid no sale.\n"
            "Licences took longer than buyers wanted.\nNobody should fear the controls.")
    assert measure_score("Rules are a mirror", body) == 3
    assert measure_score("Rules are a mirror", "It is a question of principle.\n"
                         "Licences took longer than buyers wanted.") == 0
    # licences of persons, drug scheduling and carbon quotas are other senses
    assert measure_score("Drone pilot licences in demand", "Operators must hold a pilot "
                         "licence.\nMore drone pilot licences were issued.") == 0
    assert measure_score("三部门将多种新精神活性物质列入管制",
                         "不法分子通过改变化学结构逃避管制。列管后将依规实施管制。") == 0
    # another country's export ban in Chinese
    assert measure_score("刚果（金）宣布将钴出口禁令延长三个月", "") == 3


def test_a_measure_aimed_at_the_headlines_party_weighs_as_the_headline():
    lead = "A long first paragraph about a dispute over the management of a chipmaker.\n"
    body = lead + "Earlier, the ministry barred Nexperia's China unit from exporting components."
    assert measure_score("Beijing urges the Dutch to correct Nexperia move", body) == 3
    assert measure_score("Beijing urges the Dutch to correct the move", body) == 1
    # a country is not a party in this sense, and a conceded measure stays a passing mention
    assert measure_score("Huawei unveils new phone", lead + "Despite US restrictions on Huawei, "
                         "sales of exports rose.") == 1


def test_relayed_news_is_read_as_news_and_relayed_statements_are_kept():
    unrelated = news("包头稀土高新区前三季度稀土永磁材料产量增长两成",
                     "园区稀土永磁材料产量同比增长约20%，部分产品出口至欧洲。")
    unrelated.source_kind = "relay"
    keep, reason = relevance(unrelated)
    assert not keep and "measure score 0" in reason
    qa = news("商务部新闻发言人就有关问题答记者问", "问：……答：……")
    qa.source_kind = "relay"
    assert relevance(qa) == (True, "official source")
    announcement = news("公告", "现将有关事项公告如下：")
    announcement.source_kind = "relay"
    assert relevance(announcement) == (True, "official source")


OTHER_SENSES_AND_NO_TRADE_CONTEXT = [
    # other senses of a measure's word are cut out
    ("Guangdong widens peak-valley electricity tariff gap",
     "The peak and off-peak electricity tariffs for factories change from July 1.\n"
     "The valley tariff falls to 0.38 times the flat price."),
    ("Magnet maker opens plant after licensing deal",
     "The maker of rare earth magnets signed a technology licensing agreement.\n"
     "It introduced strict quality controls and cut the use of heavy rare earths."),
    ("5000架无人机点亮夜空",
     "表演期间对周边实施交通管制，并对相关空域实施临时管制，禁止其他无人机飞行。"),
    # shared words without a trade context
    ("CFA announces sanctions on two clubs after crowd trouble",
     "The association announced sanctions on two Super League clubs after fans threw flares."),
    ("Regulator approves 130 games in March licence batch",
     "The regulator approved licences for 130 domestic online games and 7 imported titles."),
    ("深圳海关破获特大冻品走私案", "海关破获一起冻品走私案，该团伙将境外冻品偷运入境。"),
    # a measure only conceded is background
    ("China's foreign trade up 2.5 pct in first five months",
     "China's foreign trade rose 2.5 percent despite tariff uncertainties, data showed.\n"
     "Exports increased 7.2 percent."),
    # ... or named as the circumstance ("amid")
    ("Yiwu exporters turn to new markets amid US tariffs",
     "Merchants in Yiwu are finding buyers in the Middle East amid US tariff uncertainty.\n"
     "Exports from the city rose 12 percent in the first half."),
    # a licence one company grants another for its technology is no export licence
    ("University licenses rare earth separation technology to Baotou company",
     "The university licensed its rare earth separation technology to a company in Baotou.\n"
     "The patent licence covers ten years."),
    # a market's control is its mastery (sixty-sixth pass)
    ("Japan's Magnet Shift: Fact, Friction, and Future Risks",
     "Japanese companies are developing heavy-rare-earth-free neodymium magnets to reduce "
     "dependence on China.\nThe developments represent an evolutionary approach to challenging "
     "China's rare earth market control, not an immediate disruption.\nChina indeed dominates "
     "heavy rare earth mining and processing, with over 90% global market control.\nAnalysts "
     "expect the rare earth market control of Chinese producers to last."),
    # ... and the state's control of mines, their ownership (sixty-sixth pass)
    ("Guinea revokes 53 mining licenses",
     "The government of Guinea has withdrawn mining licenses from 53 companies as part of a "
     "broader effort to tighten oversight of natural resources. The move, which affects a range "
     "of mineral sectors including bauxite, gold, diamonds, and graphite, signals a shift "
     "towards stronger state control.\nIn 2024, Guinea exported around 146.4 million tonnes of "
     "bauxite.\nThe recent attempt to revoke Emirates Global Aluminium's licence indicates that "
     "even large foreign firms are not immune."),
    # an import suspension for animal health, aimed at no country's trade
    ("Hong Kong suspends poultry imports from Polish region over bird flu",
     "The Centre for Food Safety suspended imports of poultry meat from the region after an "
     "outbreak of bird flu.\nThe suspension follows animal health guidance."),
]
TOLD_IN_OTHER_WORDS = [
    ("China freezes assets of seven US defense firms over arms sales",
     "The ministry barred organizations in China from transactions with them."),
    ("Beijing requires permits for overseas shipments of some drone parts",
     "Companies need permission before shipping drone engines abroad."),
    ("US eases curbs on chip design software sales to China",
     "Washington lifted the licence requirements on sales of the tools to Chinese customers."),
    ("Canada slaps 100% surtax on Chinese-made electric vehicles",
     "Ottawa will impose a 100 percent surtax from Oct 1."),
    ("US blacklists dozens of Chinese tech firms", "Inspur said the impact was limited."),
    ("昆明海关查获一起伪报品名出口锑锭案",
     "当事企业涉嫌以伪报品名方式逃避监管，非法出口国家管制物项。"),
    ("商务部：已依法批准一定数量的合规稀土出口申请", "发言人表示，已批准一定数量的合规申请。"),
    ("印度决定对自华进口太阳能玻璃征收为期五年的附加税", "印度财政部发布通知。"),
    ("Customs foils bid to ship gallium abroad hidden in machinery",
     "The metal was hidden inside the frames of 24 machines."),
    # imports suspended and port fees aimed at a country or its firms: trade measures
    ("China suspends soybean imports from three US companies",
     "Customs also halted imports of US logs, effective immediately."),
    ("China to levy special port fees on US-linked vessels from Oct 14",
     "The fee applies to ships owned or operated by US entities."),
    ("中方决定暂停进口日本水产品", "外交部发言人表示，这一措施针对日本核污染水排海。"),
    # rules on sales to a country: another government's export control
    ("US Commerce Department tightens rules on AI chip sales to China",
     "Nvidia said it would comply."),
]


@pytest.mark.parametrize(("title", "body"), OTHER_SENSES_AND_NO_TRADE_CONTEXT)
def test_other_senses_shared_words_without_trade_and_conceded_measures_do_not_keep(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), TOLD_IN_OTHER_WORDS)
def test_measures_told_in_other_words_or_by_their_content_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


def test_shared_words_count_with_a_trade_context():
    assert measure_score("China takes countermeasures against US defense firms", "") == 3
    assert measure_score("Hainan takes emergency countermeasures as typhoon nears", "") == 0
    assert measure_score("China to crack down on the smuggling of strategic minerals", "") == 3
    assert measure_score("China has approved compliant applications for rare earth exports",
                         "") == 3


def test_a_conceded_measure_weighs_as_a_body_sentence():
    assert measure_score("Exports grow despite tariff uncertainties", "") == 1
    assert measure_score("", "Exports grew in May despite higher US tariffs, data showed.") == 1
    # the measure of the main clause still weighs by its place
    assert measure_score("China raises tariffs on US goods despite talks", "") == 3


def test_a_misdeclaration_told_by_its_content_is_a_measure():
    title = "Antimony ingots declared as lead-tin alloy stopped at Guangdong port"
    assert measure_score(title, "Prices have tripled over the past year.") >= 3
    unrelated = "Parcels declared as gifts delayed at the post office"
    assert measure_score(unrelated, "Many of them were bound for Europe.") < 3


def test_news_left_out_is_remembered_and_revisited_like_an_article(tmp_path):
    """Crawled twice, two days apart and more than 60 days after it was published, the
    unrelated Global Times article of night 1 is read once: the second night it is not due."""
    import sqlite3

    from conftest import REPO, regwatch

    night = REPO / "demo" / "nights" / "2025-10-09"
    unrelated = "https://www.globaltimes.cn/page/202510/1345071.shtml"
    db = sqlite3.connect(tmp_path / "a.db")
    for as_of in ("2025-12-10", "2025-12-12"):
        result = regwatch("crawl", "--source", "globaltimes", "--mirror", str(night), "--as-of",
                          as_of, "--db", "a.db", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    left_out, published, content_hash = db.execute(
        "select left_out, published, content_hash from fetch_state where url = ?",
        [unrelated]).fetchone()
    assert left_out.startswith("not about export control") and published == "2025-10-07"
    assert content_hash
    assert db.execute("select count(*) from documents where url = ?", [unrelated]).fetchone() == (
        0,)
    requests = [r for (r,) in db.execute("select requests from run_sources order by run_id")]
    assert requests == [3, 1]  # the list and two articles; then the list only
    assert {s for (s,) in db.execute("select status from run_sources")} == {"ok"}


def test_a_word_first_met_in_another_sense_keeps_that_sense_until_a_measure_is_named():
    body = ("The regulator approved a rise in the basic electricity tariff.\n\n"
            "The new tariff will hurt exporters. Firms asked for a special tariff.")
    assert measure_score("Power prices to rise", body) < 3
    # named first as a trade measure, the bare word is read normally
    trade = ("The ministry raised the tariff on imported steel.\n\n"
             "The new tariff will hurt exporters. Firms asked for a lower tariff.")
    assert measure_score("Steel prices to rise", trade) >= 3


def test_exports_told_by_exporters_shipments_levies_and_supply_licences():
    assert measure_score("Malaysia moves to stop raw rare earth exports", "") == 3
    assert measure_score("津巴布韦宣布禁止锂精矿出口", "") == 3
    assert measure_score("China to levy extra 15% on US coal, LNG from Monday", "") == 3
    assert measure_score("US revokes some licences for suppliers to Chinese tech firm", "") == 3
    assert measure_score("", "Every shipment of samarium, gadolinium, terbium and yttrium "
                             "products abroad has needed a licence.") == 2
    # domestic lists and permits are other senses
    domestic = "对列入重点管控名单的单位加大抽查频次。"
    assert measure_score("重点管控单位名单将动态更新", domestic) == 0


def test_an_export_word_and_a_ban_in_different_clauses_are_no_export_ban():
    assert measure_score("Paper straw makers see export surge as plastic bans widen", "") == 0
    assert measure_score("Exporters of gallium face bans on shipments to the US", "") == 3


def test_the_prices_of_services_are_not_tariffs():
    assert measure_score("", "The harbour will raise its port tariffs for container services "
                             "next year. The new tariff applies to all lines.") == 0


def test_chip_rules_and_caps_on_sales_to_countries_are_measures():
    assert measure_score("Washington drafts new AI chip rule", "") == 3
    assert measure_score("", "The rule capped sales of advanced processors to most countries "
                             "from next month.") == 2


def test_an_act_done_by_a_named_chinese_authority_weighs_as_the_lead():
    body = ("Retail sales rose 5 percent in the first half, the statistics bureau said.\n"
            "Officials also spoke about energy and jobs.\n"
            "Customs authorities had handled 12 smuggling cases involving antimony exports, "
            "an official said. Most involved goods falsely declared as ordinary ore.")
    assert measure_score("Economy grows steadily in first half", body) == 3
    told_without_actor = body.replace("Customs authorities had handled", "There were")
    assert measure_score("Economy grows steadily in first half", told_without_actor) < 3


def test_rules_tightened_on_overseas_shipments_are_a_measure():
    assert measure_score("Beijing tightens rules on overseas shipments of drone motors", "") == 3
    assert measure_score("Beijing tightens rules on shared bikes", "") == 0


def test_a_duty_exemption_granted_or_ended_is_a_tariff_measure():
    assert measure_score("Canada ends duty-free treatment for small parcels", "") == 3
    assert measure_score("Airport duty-free shops report record sales", "") == 0


def test_dual_use_is_the_regimes_only_as_goods_under_control():
    expo = "Dual-use technologies shine at a science park fair"
    assert measure_score(expo, "") == 0
    assert measure_score("Dual-use items need licences before leaving the country", "") == 3


def test_engineering_controls_and_sanctions_screening_are_other_senses():
    body = ("Wallet issuers must keep anti-money laundering and sanctions-screening controls. "
            "Marketing unlicensed tokens is banned.")
    assert measure_score("Token rules take effect", body) == 0
    assert measure_score("", "Its flight control software for drones was licensed to a "
                             "start-up.") == 0


def test_chinese_applications_pending_approval_are_about_export_licences():
    lead = "多家进口商已提交最终用户证明等申请材料，但尚未获得批准。"
    assert measure_score("进口商等待供应", lead) == 2
    assert measure_score("进口商等待供应", "多家进口商已提交办学申请材料，但尚未获得批准。") == 0


def test_the_regimes_act_of_the_day_keeps_a_roundup():
    body = ("Retail sales rose 4 percent in May, the statistics bureau said on Friday.\n"
            "Property investment fell again.\n"
            "Separately, the Ministry of Commerce said on Tuesday it would keep suspended for "
            "another 90 days its export control measures against 9 US entities.")
    assert measure_score("The week in the economy", body) >= 3
    undated = body.replace(" on Tuesday", "")
    assert measure_score("The week in the economy", undated) < 3


def test_another_eras_measures_are_history():
    body = ("新华社上海5月3日电 港口历史陈列馆3日重新开放。\n"
            "展品中有20世纪60年代的出口许可证和海关查获的走私手表。\n"
            "一份1958年的进出口税则也首次展出。\n"
            "新中国成立初期，在封锁禁运下，港口仍保持运转。")
    assert measure_score("港口历史陈列馆重新开放", body) == 0
    recent = body.replace("20世纪60年代的", "").replace("1958年的", "今年的").replace(
        "新中国成立初期，", "")
    assert measure_score("港口历史陈列馆重新开放", recent) == 2


def test_a_licence_received_from_the_ministry_is_the_regimes_act():
    body = ("The county in the hills is known across the province for its apricots.\n\n"
            "Tourism is growing.\n\n"
            "This month a smelter received approval from the Ministry of Commerce to export "
            "3 tons of indium ingots to Korea. The licence runs for a year.")
    assert measure_score("Apricots and a quiet metal", body) == 3
    foreign = body.replace("the Ministry of Commerce", "the US Commerce Department")
    assert measure_score("Apricots and a quiet metal", foreign) == 2


def test_a_mining_licence_is_no_licence_to_export():
    body = ("Graphite prices climbed on Thursday after a miner halted a graphite pit in Hunan "
            "province whose mining licence lapsed at the end of last month.\n"
            "The company said it had applied to renew the licence and expected no lasting "
            "effect on output.")
    assert measure_score("Graphite rises as Hunan pit stops", body) < 3
    assert not relevance(news("Graphite rises as Hunan pit stops", body))[0]
    export = body.replace("mining licence", "export licence")
    assert measure_score("Graphite rises as Hunan pit stops", export) >= 3
    zh = "湖南一石墨矿采矿许可证到期后停产。公司表示已申请延续许可。"
    assert measure_score("石墨价格上涨", zh) < 3


def test_curbs_named_by_their_goods_are_an_export_control():
    body = ("The government said the change was technical.\n"
            "Analysts expect little effect this year.")
    assert measure_score("Opinion: Japan's chip tool curbs serve others' interests", body) >= 3
    assert measure_score("Opinion: Japan's chip tool makers serve others' interests", body) < 3


def test_an_export_prohibited_by_its_formula_is_a_control():
    body = ("A trading company in Hunan was fined for sending tungsten drawings to a buyer.\n"
            "The drawings describe a smelting process, the bureau said.\n"
            "Such designs may not be exported in any form, the bureau said.\n"
            "The firm plans to appeal.")
    assert measure_score("Firm fined over smelting drawings", body) == 1
    other = body.replace("may not be exported in any form", "were copied from a textbook")
    assert measure_score("Firm fined over smelting drawings", other) == 0
    zh = "评论指出，中方依法对该公司出口部分芯片产品采取管制措施。"
    assert measure_score("一家企业的风波", zh) >= 2


def test_a_government_freezing_a_firms_control_aims_a_measure_at_it():
    lead = "某国政府以安全为由，冻结一家外资企业对其子公司的管理权。"
    assert measure_score("营商信誉受损", lead) == 2
    court = "一家公司因债务纠纷，被债权人申请冻结其持有的子公司股权。"
    assert measure_score("债务纠纷", court) == 0


def test_goods_that_may_no_longer_leave_the_country_are_an_export_ban():
    lead = ("Namibia will no longer allow unprocessed copper ore to leave the country from next "
            "year, its trade minister said on Friday.")
    assert measure_score("A mine's new plans", lead) == 2
    tourists = lead.replace("allow unprocessed copper ore to leave the country",
                            "charge visitors to enter the national parks")
    assert measure_score("A mine's new plans", tourists) == 0
    barred = ("The ministry responded by barring the plant's local unit and its contractors from "
              "sending some finished parts out of the country.")
    assert measure_score("Op-ed", "It was a quiet week for the plant and its workers.\n"
                         + barred) == 1


def test_a_safeguard_or_a_fee_beyond_a_duty_free_import_volume_is_a_trade_remedy():
    assert measure_score("Brussels proposes to cut the aluminium import volume exempt from "
                         "additional fees", "") == 3
    assert measure_score("Bank adds additional fees for card payments", "") == 0
    lead = "The Commission proposed a measure to replace its aluminium safeguard measure."
    assert measure_score("", lead) == 2


def test_a_tax_imposed_on_goods_of_a_country_is_a_duty():
    assert measure_score("Peru imposes temporary defense tax on some tiles from Spain", "") == 3
    assert measure_score("Peru imposes carbon tax on cement plants", "") == 0
    assert measure_score("Peru imposes carbon tax on smoke from factories", "") == 0


def test_a_government_seizing_a_firm_aims_a_measure_at_it():
    assert measure_score("When a government seizes a battery maker", "") == 3
    assert measure_score("When a government takes control of the floods", "") == 0
    lead = "The Belgian government took control of Umbrex at the end of May, citing security."
    assert measure_score("", lead) == 2


def test_the_measure_or_rule_refers_back_once_a_measure_is_named():
    body = ("Trade in the metal slowed in the first half, the data showed.\n"
            "Sales stopped after the ban on sales of the metal to American buyers.\n"
            "Analysts said the measure had been enforced strictly.\n"
            "They said the rule covered third countries too.")
    assert measure_score("Metal trade data", body) == 3
    unnamed = body.replace("the ban on sales of the metal to American buyers", "the holidays")
    assert measure_score("Metal trade data", unnamed) == 0


def test_a_mining_permit_is_no_export_permit_and_a_bare_permit_keeps_that_sense():
    body = ("Graphite futures rose on Monday after a mine stopped production because its mining "
            "permit had expired.\n"
            "The operator, a battery maker, said output was suspended from Sunday and that it "
            "was applying to renew the permit.")
    assert measure_score("Graphite jumps as a mine halts", body) < 3
    export = body.replace("mining permit", "export permit")
    assert measure_score("Graphite jumps as a mine halts", export) >= 3


def test_a_marketing_authorisation_or_a_safety_licence_is_no_export_licence():
    body = ("A hospital received approval on Wednesday for the urgent import of a new drug that "
            "has not yet been licensed for sale on the Chinese mainland.\n"
            "The regulator said it would keep approvals under review.")
    assert measure_score("Pilot zone approves urgent import of new drug", body) < 3
    isotope = ("A hospital on Monday opened an imaging center that uses gallium-68 tracers, after "
               "receiving a radiation safety licence from health authorities.\n"
               "Staff said the licence took months to obtain.")
    assert measure_score("Hospital opens imaging center", isotope) < 3
    export = isotope.replace("a radiation safety licence", "an export licence")
    assert measure_score("Hospital opens imaging center", export) >= 3


def test_a_headline_set_in_another_era_makes_the_text_history():
    body = ("“从值百抽五到关税自主”主题讲座16日在博物馆举办。\n"
            "他说，关税不能自主，使得民族工业难以获得保护。\n"
            "主讲人展示了多份当年的税则。\n"
            "观众说，今天才明白协定关税意味着什么。")
    assert measure_score("讲座讲述近代中国关税自主历程", body) == 0
    assert measure_score("讲座讲述中国关税自主历程", body) >= 3
    present = body + "\n2025年，国务院关税税则委员会对美加征关税。"
    assert measure_score("讲座讲述近代中国关税自主历程", present) > 0


def test_a_headline_comparing_today_with_another_era_is_not_history():
    body = ("China's commerce ministry on Thursday announced export controls on five more rare "
            "earth elements, effective from Dec 1.\n"
            "Exporters must apply for licences from the ministry.")
    for title in ("China's rare earth curbs the toughest since the 1980s",
                  "稀土出口管制力度为1990年以来最大"):
        assert measure_score(title, body) >= 3
    assert measure_score("China's rare earth trade in the 1980s", body) < measure_score(
        "China's rare earth curbs the toughest since the 1980s", body)


def test_a_licence_requirement_for_goods_is_a_measure():
    """"China's licence requirement for diamond growing equipment" (dev-615) names a control;
    a requirement of another kind does not."""
    assert measure_score("", "Buyers said China's licence requirement for diamond growing "
                         "equipment may extend delivery times.") == 2
    assert measure_score("", "Buyers said the bank's capital requirement for small lenders "
                         "may extend delivery times.") == 0


def test_a_ban_on_transits_or_flights_is_a_traffic_rule_not_an_export_ban():
    body = ("An airline said on Monday it would keep its ban on flights over the region until "
            "March, for the safety of its crews.\n"
            "Exporters said air cargo rates had doubled. The flight ban does not apply to "
            "charter operators.")
    title = "Airline extends ban on overflights, exporters face higher air freight costs"
    assert measure_score(title, body) < 3
    export = "Government extends ban on tungsten exports, exporters face delays"
    assert measure_score(export, body) >= 3


def test_drone_flights_banned_in_controlled_airspace_are_no_drone_export_control():
    body = ("Police have banned drone flights around the stadium on Saturday and designated the "
            "area as temporarily controlled airspace.\n"
            "Operators of large drones need a pilot's license, the police said.")
    assert measure_score("Drone flights banned in controlled airspace near stadium", body) < 3
    assert measure_score("China bans exports of drone parts", body) >= 3


def test_a_licence_received_under_chinas_controls_is_the_regimes_act():
    """A licence a company obtained with no grantor named, in a sentence that tells China's
    controls as its ground (dev-733), is the regime's act and weighs as the lead; the same
    licence with controls of no named state weighs as a body sentence."""
    para = ("Revenue rose 30 percent, the report said.\n\n"
            "Its overseas sales fell. The firm said it obtained its first export licences for "
            "germanium wafers in May, after China placed germanium under export control last "
            "year.\n\nThe firm still waits for the licences for other orders.")
    assert measure_score("Wafer maker's profit doubles", para) == 3
    plain = para.replace("after China placed", "after the rules placed")
    assert measure_score("Wafer maker's profit doubles", plain) == 2


def test_the_regimes_official_speaking_of_a_measure_weighs_as_the_lead():
    """A readout in which the ministry's official (该负责人指出, 商务部负责人表示, "a MOFCOM
    spokesperson said") speaks of a measure (dev-735): the regime's word on its measure is the
    news wherever it stands; the same sentence told by a guest weighs 1."""
    body = ("新华社北京3月5日电 商务部负责人4日会见欧洲企业代表团，双方交换意见。\n\n"
            "双方同意继续加强沟通。\n\n"
            "该负责人指出，中方此前已对部分出口管制措施作出调整，展现了诚意。\n\n"
            "双方表示将保持联系。")
    assert measure_score("商务部负责人会见欧洲企业代表团", body) == 2
    guest = body.replace("该负责人指出", "一位企业代表说")
    assert measure_score("商务部负责人会见欧洲企业代表团", guest) == 1
    english = ("Delegates met in Beijing on trade.\n\nThey agreed to meet again.\n\n"
               "A MOFCOM spokesperson later said the export controls on the items were applied "
               "fairly.")
    assert measure_score("Officials meet business delegation", english) == 2


def test_the_ministry_s_spokesman_named_after_the_verb_weighs_as_the_lead():
    """Wire copy names the speaker after the quote ("…," said Li Wen, a spokesperson for the
    Ministry of Commerce) or before the verb ("Li Wen, a spokesperson for the Ministry of
    Commerce, said …"): the regime's word on its measure, as "A MOFCOM spokesperson said"; the
    same words from another ministry's spokesperson weigh 1."""
    lead = ("Delegates from forty trading firms met in Shanghai on Tuesday to discuss logistics "
            "costs and port congestion.\n\n")
    after = (lead + '"Applications for export licences for the items are being reviewed," said '
             "Li Wen, a spokesperson for the Ministry of Commerce, at a briefing.")
    before = (lead + "Li Wen, a spokesperson for the Ministry of Commerce, said applications for "
              "export licences for the items are being reviewed.")
    other = after.replace("Ministry of Commerce", "Ministry of Finance")
    for body in (after, before):
        assert measure_score("Officials meet traders", body) == 2, body
    assert measure_score("Officials meet traders", other) == 1


def test_customers_at_home_are_no_export():
    """Goods sold or shipped "to customers" are exports only when the words put the customers
    abroad (principle 39)."""
    home = ("The market regulator on Thursday banned 38 failed power bank models from being sold "
            "to customers. Manufacturers must recall products sold to customers.")
    assert measure_score("Regulator bans 38 power bank models from sale to customers", home) < 3
    mill = ("A Hebei steel mill halted shipments to customers on Monday as production limits "
            "took effect. The limits last three days.")
    assert measure_score("Steel mill halts shipments to customers during smog alert", mill) < 3
    abroad = ("A magnet maker said on Wednesday it had received approvals for shipments of magnets "
              "to customers in Germany. It had halted shipments to overseas buyers in April.")
    assert measure_score("Magnet maker resumes deliveries", abroad) >= 3


def test_dual_use_places_duty_free_shopping_and_exits_are_other_senses():
    """平急两用 facilities, duty-free shopping and 出口 as an exit name no measure
    (principle 40)."""
    shelters = ("More cities are building dual-use facilities that store relief goods and items "
                "for evacuees. The dual-use projects were promoted this year.")
    assert measure_score("Cities turn stadiums into dual-use shelters stocked with relief goods",
                         shelters) < 3
    assert measure_score("", "China tightened controls on dual-use items to the US on "
                             "Monday. Exports of dual-use goods need licences.") >= 3
    hainan = ("Hainan's offshore duty-free shopping sales rose 20 percent on Monday. Shoppers "
              "enjoy duty-free access up to 100,000 yuan a year. Tariff-free shopping drew more "
              "tourists.")
    assert measure_score("Hainan duty-free sales hit record", hainan) < 3
    exits = ("国庆假期首日，多地高速公路收费站出口实施临时管制，禁止货车从部分出口驶出。"
             "交警提示司机提前规划路线。")
    assert measure_score("多地高速出口实施临时管制", exits) < 3
    assert measure_score("商务部对锑出口实施管制", "商务部宣布对锑等物项出口实施管制。") >= 3


NEAR_MISSES = [
    # a financial regulator's sanctions on banks and firms are penalties
    ("Financial regulator announces sanctions on two banks and three firms",
     "The financial regulator on Tuesday announced sanctions on two banks and three other firms "
     "for breaching anti-money laundering rules. The banks were fined."),
    # the singular "control of" is mastery of what follows, even of a controlled metal
    ("Team achieves precise control of defects in gallium oxide",
     "A research team said on Monday it had achieved precise control of defects in gallium oxide "
     "crystals. It plans to scale up production."),
    # an export processing zone is a place
    ("Trucks banned from roads around export processing zone",
     "Trucks will be banned from roads around the export processing zone on Sunday during the "
     "marathon. Drivers should use the ring road."),
    # a drug regulator's approvals are market approvals, whoever buys the drugs later
    ("Drug regulator approves applications for new medicines for overseas buyers",
     "The national drug regulator on Friday approved applications for 12 new medicines that "
     "makers hope to sell to overseas buyers. Two are cancer drugs."),
    # 进口 qualifying the firms (进口冻肉企业): what is suspended is their reserve eligibility
    ("暂停部分进口冻肉企业收储资格",
     "国家粮食和物资储备局近日暂停部分进口冻肉企业收储资格。相关企业须配合检查。"),
]


@pytest.mark.parametrize(("title", "body"), NEAR_MISSES)
def test_near_misses_probed_from_unrelated_texts(title, body):
    """Variations of unrelated dev texts (dev-836, -838, -841, -845, -848) name no measure."""
    assert measure_score(title, body) < 3


def test_the_trade_counterparts_of_the_near_misses_stay_measures():
    assert measure_score("China announces sanctions on US defense firms",
                         "China announced sanctions on three US defense firms on Tuesday.") >= 3
    assert measure_score("China tightens control on gallium",
                         "China tightened control on gallium exports on Monday.") >= 3
    assert measure_score("China imposes control of gallium exports",
                         "China imposed control of gallium exports on Monday.") >= 3
    assert measure_score("China sanctions three firms",
                         "China on Monday announced sanctions on three firms.") >= 3
    assert measure_score("China bans exports of gallium to the US",
                         "Exports of gallium to the US are banned from Monday.") >= 3
    assert measure_score("Ministry approves export licence applications",
                         "The ministry approved export licence applications on Friday.") >= 3
    assert measure_score("暂停自三家美国企业进口大豆",
                         "海关总署暂停三家美国企业大豆输华。中方暂停自相关企业进口大豆。") >= 3


# The twenty-second pass: unrelated texts of a trade desk's feed probed with the regime's words.
PENALTIES_AND_OTHER_SENSES = [
    # sanctions for an offence are penalties; the headline takes its lead's sense
    ("Sanctions on three firms announced",
     "Authorities announced sanctions on three firms on Friday for false advertising and fraud.\n"
     "The companies were fined 2 million yuan."),
    ("Firms face sanctions over data breaches",
     "Three firms face sanctions after leaking users' personal data, the cyberspace regulator "
     "said.\nThe companies must rectify within 30 days."),
    ("制裁三家企业",
     "有关部门对三家企业实施制裁，原因是虚假宣传和偷税漏税。\n"
     "企业被罚款200万元。"),
    # sanctions aimed at criminals are law enforcement
    ("US sanctions Mexican cartel leaders",
     "The US Treasury imposed sanctions on five cartel leaders over fentanyl trafficking on "
     "Tuesday.\nTheir US assets were frozen."),
    ("美国宣布制裁墨西哥贩毒集团",
     "美国财政部周二宣布制裁五名贩毒集团头目。\n其在美国资产被冻结。"),
    # smuggling contraband of other laws is crime, wherever it was bound
    ("Customs seize smuggled ivory bound for export",
     "Customs officers seized 200 kilograms of ivory hidden in timber shipments bound for "
     "export.\nWildlife trade is banned."),
    ("海关查获走私毒品出境案件",
     "深圳海关查获一起走私毒品出境案件，缴获冰毒10公斤。\n犯罪嫌疑人已被刑事拘留。"),
    # a firm's export plant, a port's export container work: descriptions, not exports
    ("Apple supplier halts production at export plant",
     "An Apple supplier halted production at its export plant after a fire.\n"
     "Shipments to the US will be delayed."),
    ("台风过后港口暂停进出口集装箱作业",
     "受台风影响，宁波港暂停进出口集装箱作业。\n海关表示将加快通关。"),
    # a permit to build or run a plant is a construction permit
    ("Rare earth firm gets permit for new smelter",
     "A rare earth company received an environmental permit for a new smelter.\n"
     "The company exports most of its magnets."),
    # ... and so is a mine's permit, or a federal one (sixty-seventh pass)
    ("US tungsten mine reaches permit goal line",
     "The Forest Service says it plans to approve the federal permits needed to develop the "
     "tungsten mine.\nThe US is heavily reliant on imports from China for its tungsten."),
    # a person banned from a role is penalised, whatever the firm exports
    ("Court bans former chairman from serving as executive",
     "A Shanghai court banned the former chairman of a listed exporter from serving as a company "
     "executive for ten years.\nThe regulator imposed sanctions on the company for fraud in its "
     "annual report."),
]


@pytest.mark.parametrize(("title", "body"), PENALTIES_AND_OTHER_SENSES)
def test_penalties_contraband_and_descriptions_are_no_measures(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


TRADE_COUNTERPARTS = [
    ("Sanctions on three firms announced",
     "China announced sanctions on three US firms on Friday over arms sales to Taiwan.\n"
     "Their assets will be frozen."),
    ("US sanctions Chinese chemical firms over fentanyl precursors",
     "The US Treasury imposed sanctions on six Chinese chemical firms on Tuesday over fentanyl "
     "precursor exports.\nMOFCOM said it firmly opposed the move."),
    ("制裁三家美国企业", "外交部宣布对三家美国军工企业实施制裁，原因是其参与对台军售。"),
    ("Customs seize smuggled gallium bound for export",
     "Customs officers seized 2 tonnes of gallium hidden in scrap metal shipments bound for "
     "export.\nThe exporter evaded export controls."),
    ("Drone maker halts exports after controls",
     "A drone maker halted exports at its export plant after China's export controls on drone "
     "parts took effect."),
    ("Rare earth firm gets export permit for magnets",
     "A rare earth company received an export licence for magnets from the Ministry of Commerce "
     "on Tuesday.\nShipments to the US resumed."),
    ("Tungsten mine wins export permits",
     "The tungsten mine received its export permits from the Ministry of Commerce on Tuesday.\n"
     "Shipments to Europe resumed."),
    ("US bars Chinese chipmaker from exporting",
     "The US barred a Chinese chipmaker from exporting chips made with US tools on Monday.\n"
     "The company said it would appeal."),
    ("商务部：暂停对美出口稀土", "商务部10日宣布，暂停对美国出口部分稀土物项。"),
]


@pytest.mark.parametrize(("title", "body"), TRADE_COUNTERPARTS)
def test_the_trade_counterparts_of_penalties_and_descriptions_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# The business pages (dev-875 to dev-914) and this pass's probes: permits to fly, compound
# adjectives, goods banned from a place, measure names borrowed in quotation marks, the history
# of a measure and the dynasties.
BORROWED_AND_OTHER_SENSES = [
    # a flight permit from aviation authorities is a permit of movement (as dev-914)
    ("Drone light shows win fans abroad",
     "Chinese drone show companies staged 300 shows abroad this year, industry insiders said.\n"
     "Shows abroad require flight permits from local aviation authorities and a list of drone "
     "serial numbers registered for each event.\n"
     "China's export controls on certain drone-related items apply mainly to specialized drones."),
    # a one-stop export service stops no export (as dev-879)
    ("Cross-border platform launches one-stop export service for small factories",
     "A Hangzhou platform launched a one-stop export service for small factories on Tuesday.\n"
     "It files export declarations with customs for sellers."),
    # drones banned along a marathon route: a local rule of use
    ("Marathon bans drones along route as 30,000 runners take part",
     "Organizers banned drones along the route on Sunday, citing the safety of runners.\n"
     "Broadcasters used licensed camera teams instead."),
    # a measure's name borrowed in quotation marks over a lead that tells no trade (dev-900)
    ("Hangzhou university names 86 joint labs on first industry 'entity list'",
     "A university in Hangzhou has published its first list of joint research entities with "
     "companies, naming 86 laboratories that will get dedicated funding.\n"
     "The so-called entity list covers joint labs with chipmakers and drone developers.\n"
     "\"An entity list tells companies which teams are really working,\" its vice-president said."),
    ("Village opens 'tariff-free' farmers' market for city shoppers",
     "A village opened a so-called \"tariff-free\" farmers' market on Saturday, where growers sell "
     "vegetables to city shoppers without stall fees.\n"
     "About 80 families signed up."),
    # the history of a measure, and a dynasty's measures, are history
    ("University student wins award for essay on history of tariffs",
     "A history student won a national essay prize on Friday for a paper on tariffs in the Song "
     "dynasty.\n"
     "Her paper examines how the Song court taxed sea trade. \"Officials issued licences to "
     "merchant ships and collected a share of their cargo,\" she wrote."),
]


@pytest.mark.parametrize(("title", "body"), BORROWED_AND_OTHER_SENSES)
def test_flight_permits_compounds_places_borrowed_names_and_history_are_no_measures(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


MEASURE_COUNTERPARTS = [
    ("Drone show firms face paperwork as export controls on drone parts take effect",
     "Chinese drone show companies said on Monday that export controls on certain drone "
     "components had added paperwork for shipments abroad.\n"
     "Companies must now apply for export licences. Shows abroad still require flight permits "
     "from local aviation authorities."),
    ("One-stop service helps firms apply for export licences for dual-use items",
     "A provincial commerce department launched a one-stop service on Monday to help companies "
     "apply for export licences for dual-use items."),
    ("US adds 12 Chinese firms to 'entity list'",
     "The US Commerce Department on Tuesday added 12 Chinese companies to its Entity List, "
     "restricting exports of US technology to them."),
    ("Shares of Chinese chip firms fall after US adds them to 'entity list'",
     "Shares of three Shanghai-listed chip firms fell on Wednesday after the US put them on its "
     "so-called entity list overnight.\nThe ministry said China would take necessary measures."),
    ("Chinese exporters brace for 'reciprocal tariffs'",
     "Chinese exporters said on Thursday they were bracing for the so-called \"reciprocal "
     "tariffs\" the US administration announced this week, which will raise duties on their "
     "goods.\nSeveral factories said US buyers asked them to share the cost of the additional "
     "duties."),
    ("美方将多家中国企业列入所谓“实体清单” 商务部回应",
     "商务部新闻发言人9日表示，美方将多家中国企业列入所谓“实体清单”，中方坚决反对。"),
    ("A history of US tariffs on Chinese goods, 2018-2025",
     "The US first imposed tariffs on Chinese goods in July 2018.\n"
     "In 2025, the US raised additional tariffs on Chinese goods, and China announced export "
     "controls on rare earths in April 2025.\n"
     "In November 2025, both sides agreed to suspend some measures after trade talks."),
    ("Marathon city's drone maker barred from exporting to US",
     "A drone maker based in Xiamen was barred from exporting components to the US on Tuesday, "
     "after Washington added it to its Entity List."),
]


@pytest.mark.parametrize(("title", "body"), MEASURE_COUNTERPARTS)
def test_the_measures_next_to_borrowed_names_and_other_senses_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# Principle 54: a text's measure words must be set in trade (its headline, lead or measure
# sentences name exports, imports, customs, trade, a foreign party or the regime's authorities).
SET_AT_HOME = [
    # as dev-948: a digest of local items, drone sightseeing licences and a ban on off-route flights
    ("China news digest, Jan. 10",
     "BEIJING, Jan. 10 -- The following are today's highlights from around China:\n"
     "-- BEIJING: The capital issued its first licences for sightseeing flights by drones over "
     "the Great Wall, allowing licensed operators to offer tours. Drone flights outside the "
     "approved routes remain banned.\n"
     "-- SHANGHAI: The city will ban the sale of single-use plastic cutlery from March."),
    # as dev-952: a court case on rare earths mined without a licence
    ("Prosecutors sue illegal rare earth miners to restore hills",
     "Prosecutors have filed a public-interest lawsuit against nine people accused of mining "
     "rare earths without a licence.\n"
     "China bans rare earth mining without a mining licence and sets annual quotas."),
    ("Court jails gallium plant manager for dumping waste",
     "A court in Yunnan sentenced the manager of a gallium plant to three years for dumping "
     "toxic waste without a discharge licence.\n"
     "The plant's licence was revoked and its production banned pending cleanup."),
    ("Rare earth magnet toys banned from kindergartens",
     "Education authorities banned small rare earth magnet toys from kindergartens and put "
     "them on a list of hazards after children swallowed magnets.\nThe ban takes effect next "
     "month."),
    # (principle 66 now cuts 飞行管制 as a movement's control: the case keeps its words
    # without the flight, so that it still tells the setting alone)
    ("城市对无人机实施管制 持证人员方可作业",
     "某市宣布对中心城区无人机实施管制，持有许可的人员方可作业，违规使用将被禁止。\n市民表示理解。"),
]


@pytest.mark.parametrize(("title", "body"), SET_AT_HOME)
def test_measure_words_set_in_no_trade_keep_nothing(title, body):
    assert measure_score(title, body) >= 3  # the words alone would keep the text
    keep, reason = relevance(news(title, body))
    assert not keep, reason
    assert "set in no trade" in reason


SET_IN_TRADE = [
    ("Refiner gets nod to ship gallium to Korean buyers",
     "A gallium refiner in Hunan received approval from the Ministry of Commerce to ship "
     "gallium to buyers in South Korea, the company said on Tuesday.\nThe licence covers 20 "
     "tonnes."),
    ("Court upholds fine on firm that sent graphite abroad without licence",
     "A Shanghai court upheld a customs fine on a firm that exported graphite anode material "
     "without a licence in 2024.\nThe firm had argued the goods were not controlled."),
    ("Four jailed for smuggling antimony disguised as zinc ingots",
     "Four people were jailed for smuggling antimony ingots declared as zinc.\n"
     "Antimony has been under controls since September."),
    ("海关查获伪报出口的镓产品",
     "某海关近日查获一批伪报品名出口的镓产品，涉嫌走私出口管制物项。\n案件已移交缉私部门。"),
]


@pytest.mark.parametrize(("title", "body"), SET_IN_TRADE)
def test_measure_words_set_in_trade_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# The twenty-fourth pass (dev-955 to dev-994, in few words): short items that tell a measure in
# one sentence of everyday words.
SHORT_ITEMS_KEPT = [
    # principle 55: the headline's short word repeats the lead's measure (dev-955, dev-961)
    ("Beijing bars 12 Korean firms",
     "China decided on Monday to bar 12 Korean companies from receiving Chinese dual-use goods, "
     "officials in Seoul said.\n\nShares of the firms fell in Seoul."),
    ("Vietnamese motor makers wait on licences for magnets",
     "Vietnamese motor makers are still waiting for Chinese licences to import rare earth "
     "magnets, a Vietnamese industry group said.\n\nSome plants may slow down next month."),
    # principle 56: duties by their rate or by a country's goods (dev-956)
    ("Canada weighs duties on Chinese steel pipes",
     "Canada is considering duties of up to 40 percent on steel pipes from China, people "
     "familiar with the matter said.\n\nBuilders warned of costs."),
    # principle 57: imports of a country's goods resumed (dev-965, dev-966)
    ("Australian beef back in Beijing markets",
     "Australian beef went on sale in Beijing on Friday, days after China lifted a halt on "
     "imports of the meat from Australia.\n\nThe decision follows the resumption of Chinese "
     "imports of Australian barley and wine."),
]
SHORT_ITEMS_LEFT_OUT = [
    ("Shop bars teenagers after string of thefts",
     "A convenience store in Chengdu said on Tuesday it would bar unaccompanied teenagers after "
     "a string of thefts. The owner said the ban would last a month."),
    ("Restaurant waits on licence to sell liquor",
     "A new hot pot restaurant in Beijing is still waiting for a licence to sell alcohol, two "
     "months after it applied. The licence review is expected to finish next month."),
    ("Nurses take on new duties as hospital expands",
     "Nurses at a Wuhan hospital took on extra duties on Monday as the hospital opened a new "
     "wing. Their duties now include night rounds."),
    ("Fashion imports surge as shoppers return",
     "Imports of Italian fashion rose 20 percent in the first half, a retail group said on "
     "Wednesday. Boutiques resumed imports of handbags after a slow winter."),
    ("Trade school waits on licences for new courses",
     "A trade school in Dongguan is still waiting for licences to run new welding courses, "
     "months after the city introduced a licensing requirement for vocational courses."),
    ("Taxi drivers wait on permits for airport runs",
     "Taxi drivers in Shenzhen are still waiting for permits to serve the airport, months after "
     "the city introduced a permit requirement for airport runs."),
    ("Bookstore chain restores imports of comics",
     "A bookstore chain restored imports of Japanese comics after a licence dispute with a "
     "publisher was settled, the chain said on Monday."),
    ("Wine bar waits for import licence",
     "A wine bar in Shanghai is waiting on a licence to import its own wines, its owner said on "
     "Tuesday. The licence application was filed in March."),
    ("Clerks take on duties at customs hall",
     "Clerks took on new duties at the customs hall of the museum on Monday. The duties include "
     "guiding visitors."),
    ("Fishing halt lifted in East China Sea",
     "China lifted a four-month halt on fishing in the East China Sea on Saturday. Fish prices "
     "are expected to fall."),
    ("Library bars late returns from borrowing",
     "The city library said on Monday it would bar readers with late returns from borrowing "
     "new books for a month. The bar takes effect next week."),
    ("Pet shop resumes imports of tropical fish",
     "A pet shop in Guangzhou resumed imports of tropical fish from a local farm after a water "
     "problem was fixed, its owner said on Friday."),
    ("商场恢复进口服装专柜", "商场表示恢复进口服装专柜营业，此前因装修暂停。顾客纷纷前来。"),
    ("餐馆等待许可证", "一家新开的餐馆仍在等待卫生许可，老板说已经等了两个月。许可下来后将营业。"),
]


@pytest.mark.parametrize("title,body", SHORT_ITEMS_KEPT)
def test_short_items_telling_a_measure_in_everyday_words_are_kept(title, body):
    assert relevance(news(title, body))[0], measure_score(title, body)


@pytest.mark.parametrize("title,body", SHORT_ITEMS_LEFT_OUT)
def test_everyday_words_of_shops_jobs_and_fashion_keep_nothing(title, body):
    assert not relevance(news(title, body))[0]


# Unrelated stories of the twenty-fifth pass's probes (written to look for senses the dev texts
# do not have) that the rules kept before principles 58-64: a price tariff, a duty-free cap,
# a sports trade, countermeasures against a hazard, a halt by an event, a firm stopping its own
# exports, exporting files, dual-use farmland, 出口 of speech.
UNRELATED_PROBES = [
    ('Insurers raise motor premiums as new tariff guidelines take effect',
     "China's car insurers began applying new premium guidelines on Monday that "
     "give more weight to a driver's claims history and to the repair costs of "
     'new energy vehicles, the financial regulator said.\nUnder the revised pricing '
     'rules, drivers with no claims for five years can get discounts of up to 50 '
     'percent, while those with frequent claims will pay more. Premiums for electric '
     'vehicles, whose battery repairs are expensive, are expected to rise on average '
     'by 8 percent.\nInsurers had complained of losses on electric car policies. '
     'Some had refused to cover older electric models or asked owners to buy extra '
     'battery cover.\nThe regulator said insurers may not refuse to cover any vehicle '
     'that passes inspection and must file their rates with it. It also put three '
     'insurers on a list for supervision after complaints about slow claims handling.\n'
     "Electric car owners' groups said the new rules were fairer but asked for "
     'clearer information on how premiums are calculated.'),
    ("Customs duty-free cap for Hainan islands lifted for residents' local purchases",
     'Residents of Hainan province can now buy duty-free goods for daily use up '
     'to a new yearly limit, the provincial government said on Tuesday, expanding '
     'a scheme that had mainly served tourists.\nThe list of eligible goods includes '
     'food, cosmetics, clothing and household appliances imported from abroad. '
     'Purchases are recorded in an online account, and goods may not be resold.\n'
     'Officials said the scheme would help the island prepare for its special customs '
     'operations, under which Hainan will be treated as a separate customs area '
     'with fewer checks on goods from abroad.\nShoppers lined up at a new store '
     'in Haikou on the first day. "The same perfume costs a third less," said one '
     'resident.\nCustoms officers said they would watch for people buying goods '
     'for others to resell on the mainland, which is treated as smuggling. Last '
     'year, customs handled 300 such cases on the island.'),
    ('Indian telecom operators raise mobile tariffs by up to 25 percent',
     "India's largest private telecom operators announced on Thursday that they "
     'would raise prepaid and postpaid mobile tariffs by 10 to 25 percent from '
     'next month, the first broad increase in two years, according to Indian media.\n'
     'The cheapest monthly prepaid plan will rise from 179 rupees to 199 rupees, '
     'while unlimited data plans will cost about 50 rupees more. Analysts said '
     "the tariff hikes would raise the operators' average revenue per user, which "
     'remains among the lowest in the world.\nThe operators said they needed higher '
     'tariffs to pay for 5G networks built over the past two years. The Telecom '
     'Regulatory Authority of India does not set retail tariffs but monitors them '
     'for fairness.\nConsumer groups criticized the increase, saying millions of '
     'low-income users would be forced to cut data use. The state-owned operator '
     'said it would not raise its tariffs for now, hoping to win subscribers.\nIndia '
     'has about 1.15 billion mobile subscribers.'),
    ('Rockets complete trade deal to bring Chinese center back to NBA',
     'The Houston Rockets completed a trade deal on Wednesday that brings a 22-year-old '
     'Chinese center to the team from the Memphis Grizzlies in exchange for a guard '
     'and two future second-round draft picks, the team said.\nThe center, who was '
     'drafted in the second round last year and spent most of the season in the '
     'development league, averaged 9.8 points and 6.1 rebounds in 30 games. He '
     'will become the first Chinese player on the Rockets since Yao Ming retired '
     'in 2011.\nFans in China welcomed the news on social media, where the topic '
     "was viewed more than 200 million times. The Rockets' games are streamed in "
     'China by Tencent.\nThe trade still has to pass league physical examinations. '
     "The player's former club in the Chinese Basketball Association said it was "
     "proud of his progress.\nAnalysts said the move also reflected the team's interest "
     'in the Chinese market, where the NBA has been rebuilding ties.'),
    ('Companies urged to adopt countermeasures as ransomware attacks surge',
     "China's National Computer Network Emergency Response Technical Team has urged "
     'companies to adopt countermeasures against ransomware after attacks on manufacturers '
     'and hospitals rose 40 percent in the first nine months.\nThe center said attackers '
     'increasingly steal data before encrypting it and threaten to publish it unless '
     'a ransom is paid. Firms in the logistics, health and manufacturing sectors '
     'were the most frequent targets.\nIt recommended that companies back up data '
     'offline, patch servers promptly and train employees to recognize phishing '
     'emails. It also published a list of the ten most active ransomware groups.\n'
     'A cybersecurity company in Beijing said small firms were especially vulnerable '
     'because they lacked security staff. "Many still pay the ransom, which only '
     'encourages the attackers," an analyst said.\nPolice advised victims to report '
     'attacks and not to pay criminals.'),
    ("Typhoon halts coffee and rubber exports from Vietnam's central ports",
     'Typhoon Yagi forced the closure of three ports in central Vietnam on Monday, '
     'halting shipments of coffee, rubber and wood pellets for at least three days, '
     'according to port operators.\nVessels were moved to safe anchorages, and container '
     'trucks were told to stay away from the docks. Exporters said the delay could '
     'push back deliveries to buyers in Europe and Japan, and coffee prices in '
     'London rose 2 percent.\nVietnamese authorities evacuated more than 100,000 '
     'people from coastal areas and banned fishing boats from going to sea. Schools '
     "in five provinces were closed.\nVietnam is the world's second-largest coffee "
     'producer. Traders said the typhoon would also damage some coffee farms in '
     'the Central Highlands just before the harvest.\nThe ports are expected to '
     'reopen on Thursday once the storm passes, the ministry of transport said.'),
    ('Toy maker stops exporting to Europe as orders dry up, turns to domestic market',
     'A toy manufacturer in Shantou, Guangdong province, has stopped exporting '
     'to Europe after orders from its two largest buyers fell by half, and is now '
     "selling through livestreaming platforms at home.\nThe company's owner said "
     'European retailers had cut orders because of weak consumer spending and high '
     'stocks. "We used to send 200 containers a year to Germany and France. This '
     'year it was 80," he said.\nThe company now sells building blocks and plush '
     'toys directly to Chinese parents online. Domestic sales have reached a third '
     "of its revenue.\nShantou's Chenghai district is known as China's toy capital, "
     'with more than 30,000 toy companies. Local officials said many firms were '
     'exploring markets in the Middle East and Latin America.\nIndustry data showed '
     "that China's toy exports fell 5 percent in the first half, while online sales "
     'of toys at home rose.'),
    ('Notes app restricts exporting files for free users, prompting backlash',
     'A popular Chinese notes app has restricted free users from exporting their '
     'notes as PDF or Word files, making the export function available only to '
     'paying members, prompting complaints from users on social media.\nUsers said '
     'they had stored years of notes in the app and now had to pay 98 yuan a year '
     'to export them. Some accused the company of holding their data hostage.\nLawyers '
     'said the personal information protection law gives users the right to obtain '
     'a copy of their personal data, and that the company should provide a free '
     'way to download notes.\nThe company said on Tuesday that free users could '
     'still export up to 50 notes a month and that it would improve the feature. '
     'It blamed rising server costs.\nTech analysts said many free apps are shifting '
     'to subscriptions as advertising revenue falls.'),
    ("Dockworkers' union and port employers resume talks as strike threat looms",
     "The International Longshoremen's Association and the group representing US "
     'East and Gulf Coast port employers resumed talks on Tuesday over a new contract, '
     'as the union threatened a strike that could halt imports and exports at 36 '
     'ports.\nThe union wants higher wages and a ban on automated cranes and gates, '
     'which it says threaten jobs. Employers say automation is needed to keep ports '
     'competitive.\nA strike would disrupt shipments of cars, furniture, clothing '
     'and food, and retailers have asked the government to step in before the holiday '
     'season. Some importers have moved cargo to West Coast ports.\nThe last strike '
     'at East Coast ports, in October last year, lasted three days before a tentative '
     'agreement on wages was reached.\nEconomists estimate that a week-long strike '
     'would cost the US economy several billion dollars a day.'),
    ('Farmers in Ningxia need new permits for dual-use solar farmland',
     'Farmers in Ningxia Hui Autonomous Region who want to host solar panels above '
     'their crops will need new permits under rules published on Monday by the '
     'regional natural resources department.\nThe rules cover "dual-use" farmland, '
     'where panels are raised on stilts so that goji berries, potatoes or grass '
     'can grow underneath. Developers must prove that crop yields remain at least '
     '80 percent of normal and must not pour concrete on the fields.\nProjects that '
     'fail inspections will be put on a list for rectification, and their permits '
     'can be revoked. The department said some developers had abandoned crops after '
     'the panels were installed.\nNingxia has some of the best sunshine in China '
     'and more than 30 gigawatts of solar capacity. Agrivoltaic projects also reduce '
     'evaporation and protect soil from wind, researchers said.\nFarmers said the '
     'rent paid by developers, about 800 yuan per mu a year, was more than they '
     'earned from crops.'),
    ('全国中学生辩论赛开赛 赛事规则禁止选手出口伤人',
     '第十届全国中学生辩论赛近日在杭州开赛，来自全国各地的64支代表队参赛。\n'
     '赛事组委会介绍，本届比赛新增“文明辩论”规则，禁止选手出口伤人、进行人身'
     '攻击，违者将被扣分直至取消比赛资格。评委将从论证逻辑、语言表达、团队配合'
     '等方面打分。\n组委会负责人表示，辩论是思想的交锋，而不是口舌之争。希望同'
     '学们在比赛中出口成章、以理服人，展现新时代青少年的风采。\n比赛将持续五天'
     '，决赛将于下周六举行。部分比赛将在网络平台直播，观众可在线观看并为喜爱的'
     '队伍投票。'),
    ('订单不足 某服装企业暂停出口业务转战国内市场',
     '记者近日在浙江某地采访了解到，一家从事服装加工二十余年的企业因海外订单持'
     '续减少，已于今年上半年暂停出口业务，转而通过电商平台开拓国内市场。\n企业'
     '负责人介绍，过去企业产品主要销往欧洲，高峰时年出口额超过1亿元。近两年欧'
     '洲客户订单减少近一半，企业决定调整经营方向。目前，企业在国内电商平台开设'
     '了自有品牌店铺，国内销售额已占总营收的三成。\n当地商务部门表示，将为转型'
     '企业提供品牌建设、渠道拓展等方面的服务，帮助企业在国内市场站稳脚跟。\n业'
     '内人士认为，外贸企业开拓内销市场，需要在产品设计和品牌营销上下功夫。'),
    ('受台风影响 深圳盐田港暂停作业 出口集装箱有序疏港',
     '受台风“桦加沙”影响，深圳盐田港自9月23日起暂停码头作业，船舶全部离港'
     '避风，集装箱卡车暂停进港。\n港口方面表示，台风过后将尽快恢复作业，优先安'
     '排出口集装箱装船，并延长进港时间，帮助企业减少损失。深圳海关表示，将开辟'
     '绿色通道，加快通关速度。\n气象部门预计，台风将在广东沿海登陆，带来狂风暴'
     '雨。深圳全市停工停课，地铁部分线路停运。\n盐田港是华南地区重要的集装箱港'
     '口，主要承担对美国、欧洲航线货物运输。业内人士表示，短期停摆对出口企业交'
     '货时间有一定影响。'),
]


# Measures and reactions told in few words (a measure in one sentence), probed with them: kept.
RELEVANT_PROBES = [
    ('China adds 15 US defense firms to export control list',
     "China's Ministry of Commerce on Thursday added 15 US defense companies to "
     'its export control list, banning exports of dual-use items to them.'),
    ('China suspends rare earth export controls for one year',
     'China will suspend the export control measures on rare earths announced in '
     'October for one year, the Ministry of Commerce said on Friday.'),
    ('MOFCOM responds to US chip curbs',
     'A MOFCOM spokesperson said on Tuesday that China firmly opposes the new US '
     'export restrictions on chipmaking equipment and will take necessary measures.'),
    ('China to control exports of some lithium battery technologies',
     'China will require export licences for some lithium battery and cathode material '
     'technologies from November 8, the commerce ministry said.'),
    ('Customs seize smuggled gallium bound for overseas buyers',
     'Customs in Shenzhen seized 2 tonnes of gallium that a company tried to export '
     'illegally by declaring it as aluminum alloy, the GACC said on Monday.'),
    ('China puts US drone maker on unreliable entity list',
     'China has placed a US drone maker on its unreliable entity list over arms '
     'sales to Taiwan, barring it from import and export activities related to '
     'China.'),
    ('China imposes anti-dumping duties on EU brandy',
     'China will impose provisional anti-dumping duties of up to 39 percent on '
     'brandy imported from the EU from Friday, the commerce ministry said.'),
    ('China lifts export ban on gallium, germanium to US',
     'China has suspended its ban on exports of gallium, germanium and antimony '
     'to the United States until November next year, MOFCOM said on Sunday.'),
    ('Dutch chip firm says it has received Chinese export licences for rare earths',
     'A Dutch chip equipment maker said on Wednesday it had received export licences '
     "from China's commerce ministry for the rare earth magnets it needs."),
    ('China, US hold trade talks in Madrid',
     'Chinese and US officials held trade talks in Madrid on Sunday on tariffs, '
     'export controls and TikTok, the commerce ministry said.'),
    ('Beijing retaliates with 34% tariffs on US goods',
     'China will impose additional tariffs of 34 percent on all goods imported '
     'from the United States from April 10, the State Council Tariff Commission '
     'said.'),
    ('China bans dual-use exports to Japanese military users',
     "China's commerce ministry said on Tuesday it will ban exports of all dual-use "
     'items to Japanese military users with immediate effect.'),
    ('Magnet makers rush to apply for export permits after new rules',
     'Rare earth magnet makers in Ningbo said on Monday they had filed applications '
     "for export permits under China's new controls on medium and heavy rare earths."),
    ('China announces countermeasures against Lockheed Martin units',
     "China's foreign ministry announced countermeasures on Friday against three "
     'Lockheed Martin units over arms sales to Taiwan, freezing their assets in '
     'China.'),
    ('商务部公告：对部分稀土相关物项实施出口管制',
     '商务部、海关总署今日发布公告，决定对钐、钆、铽等7类中重稀土相关物项实施'
     '出口管制，自公布之日起施行。'),
    ('商务部将16家美国实体列入出口管制管控名单',
     '商务部今天宣布，将16家美国实体列入出口管制管控名单，禁止向其出口两用物'
     '项。'),
    ('商务部新闻发言人就美方加征关税答记者问',
     '商务部新闻发言人表示，中方坚决反对美方对中国输美商品加征关税，将采取必要'
     '措施维护自身正当权益。'),
    ('海关查获一起走私锑锭出口案',
     '记者从海关总署获悉，某海关近日查获一起以伪报品名方式走私出口锑锭案件，涉'
     '案货物20余吨。'),
    ('商务部：暂停实施对美相关出口管制措施',
     '商务部今日宣布，暂停实施2025年第61号公告相关出口管制措施，暂停期限'
     '一年。'),
    ('中方对原产于欧盟的猪肉征收反倾销税',
     '商务部今天发布公告，对原产于欧盟的进口猪肉及猪副产品征收为期五年的反倾销'
     '税。'),
    ('商务部：对石墨物项出口管制措施作出调整',
     '商务部、海关总署近日发布公告，对部分石墨物项的出口管制措施作出优化调整，'
     '自12月1日起施行。'),
    ("Experts: China's new rare earth controls are lawful and restrained",
     "Chinese experts said on Friday that China's newly announced export controls "
     'on rare earth technologies are lawful and in line with international practice.'),
    ("EU firms welcome China's general licences for rare earths",
     "European companies welcomed on Monday China's decision to issue general licences "
     'for rare earth exports, the EU Chamber of Commerce said.'),
    ('Magnet makers halt shipments to US defense firms after MOFCOM ban',
     'Several Chinese magnet makers said on Monday they had stopped exporting to '
     '12 US defense firms after the Ministry of Commerce banned exports of dual-use '
     'items to them.'),
    ("Typhoon delays first shipments under China's new export licence rules",
     'Exporters in Guangdong said a typhoon delayed the first shipments of rare '
     "earth magnets since China's new export licence requirement took effect on "
     'Monday.'),
    ('商务部宣布对美国无人机企业采取反制措施',
     '商务部今日宣布，对参与对台军售的5家美国无人机企业采取反制措施，将其列入'
     '出口管制管控名单。'),
    ('China bars trade with Taiwan-linked arms firms',
     'China on Friday barred all transactions with seven US arms companies over '
     'arms sales to Taiwan, freezing their assets in China, the foreign ministry '
     'said.'),
]


@pytest.mark.parametrize(("title", "body"), UNRELATED_PROBES)
def test_unrelated_probes_borrowing_the_regimes_words_are_left_out(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), RELEVANT_PROBES)
def test_measures_told_in_few_words_next_to_the_probes_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# A 许可 is named by what it permits (the words before it): a person's stay, work or entry, a
# deposit explored or worked, water drawn, a building, a vehicle, a profession are permits of
# other regulators (dev-1105: 稀土勘探许可证; dev-1109: 居留许可, 工作许可), no licence to export.
PERMITS_OF_PERSONS_AND_DEPOSITS = [
    ('西澳州向5家企业发放锂和稀土勘探许可证',
     '据澳大利亚媒体报道，西澳州政府近日向5家矿业公司发放稀土和锂矿勘探许可证，州政府同时'
     '简化勘探许可审批流程。获得许可证的企业表示，将于明年开展钻探。'),
    ('加拿大安大略省简化关键矿产勘查许可审批',
     '安大略省政府宣布，关键矿产勘查许可审批时限由12个月缩短至6个月，稀土、锂、镍项目'
     '列入优先清单，获得勘查许可的外国企业须遵守环境管控要求。'),
    ('越南向两家企业颁发稀土开采许可证',
     '据越南媒体报道，越南自然资源与环境部近日向两家企业颁发稀土开采许可证，开采期限30年。'
     '当地政府表示，将加强对开采许可的监管。'),
    ('德国推行电子居留许可申请',
     '据德国联邦内政部消息，德国将推行居留许可电子申请，外国人申请、延长居留许可以及办理工作'
     '许可变更，均可在线提交材料。列入紧缺职业清单的人才，审批时限缩短至4周。'),
    ('日本将延长外国技能人才工作许可期限',
     '日本出入境在留管理厅表示，将把外国技能人才的工作许可期限由3年延长至5年，半导体、'
     '稀土加工等行业的外国员工可申请延长，审批程序同步简化。'),
    ('澳大利亚放宽外国留学生工作许可时长',
     '澳大利亚内政部宣布，外国留学生的工作许可时长由每两周48小时放宽至56小时，相关许可'
     '申请可通过网上系统提交。'),
    ('泰国对部分国家游客试行电子入境许可',
     '泰国移民局宣布，自下月起对部分国家游客试行电子入境许可，外国游客须在出发前提交申请，'
     '入境许可审批时间为3个工作日。'),
    ('深圳发放首批无人机低空飞行许可',
     '深圳市近日向12家企业发放首批无人机低空飞行许可，飞行许可有效期一年，管制空域外的'
     '物流航线将优先审批。'),
    ('智利锂项目获得取水许可',
     '智利环境部门近日批准一家外资锂企的取水许可，取水许可有效期20年，当地社区对地下水'
     '管控表示关切。'),
    ('马来西亚向外国医生发放执业许可',
     '马来西亚卫生部表示，今年已向300名外国医生发放执业许可，并将简化执业许可审批，列入'
     '紧缺专科清单的医生优先办理。'),
    ('印尼向外资企业发放镍矿开采许可',
     '印尼能矿部近日向4家外资企业发放镍矿开采许可，开采许可审批时限缩短至60天，获得许可证'
     '的企业须在国内建设冶炼厂。'),
    ('蒙古国发放稀土勘探许可证 吸引外国投资',
     '蒙古国矿产石油局近日发放8份稀土勘探许可证，其中3份发给外国投资企业，勘探许可有效期'
     '3年，可延长两次。'),
]

# The same words told with a licence to export or a measure of the regime stay kept.
MEASURES_NEXT_TO_SUCH_PERMITS = [
    ('商务部：对部分稀土物项实施出口管制',
     '商务部、海关总署今日发布公告，对稀土勘探、开采和冶炼分离相关物项实施出口管制，出口'
     '经营者须申请出口许可证。'),
    ('商务部将两家美国军工企业列入不可靠实体清单',
     '商务部今日宣布，将两家美国军工企业列入不可靠实体清单，禁止其从事与中国有关的进出口'
     '活动，取消其高级管理人员在中国境内工作许可、停留或者居留资格。'),
    ('澳大利亚稀土企业获得中国两用物项出口许可',
     '一家持有西澳州稀土勘探许可证的澳大利亚企业表示，其中国合资工厂近日获得商务部两用物项'
     '出口许可，可向澳方出口稀土永磁材料。'),
    ('越南稀土企业称中国出口管制影响原料进口',
     '一家持有稀土开采许可证的越南企业表示，中国对稀土相关物项实施出口管制后，其从中国进口'
     '分离设备须由中方出口经营者申请出口许可。'),
    ('日本企业外籍员工工作许可延长 对华半导体出口管制收紧',
     '日本经济产业省宣布收紧对华半导体设备出口管制，新增23类物项须申请出口许可。同日，日本'
     '延长外国员工工作许可期限。'),
    ('商务部：对镓锗相关物项实施出口管制',
     '商务部今日发布公告，对镓、锗相关物项实施出口管制，出口经营者应当申请出口许可；此前取得'
     '的勘探许可和开采许可不受影响。'),
    ('商务部发放首批稀土通用许可',
     '商务部今日宣布，向部分出口经营者发放稀土相关物项出口通用许可，获得通用许可的企业在有效期'
     '内可多次出口。'),
    ('海关查获走私出口稀土案 涉案企业持有开采许可证',
     '海关总署今日通报，某海关查获一起伪报品名走私出口稀土案件，涉案企业持有开采许可证，'
     '但未取得出口许可。'),
    ('商务部对美国无人机企业采取反制措施',
     '商务部今日宣布，对参与对台军售的5家美国无人机企业采取反制措施，将其列入出口管制管控'
     '名单，取消其相关人员在华工作许可。'),
    ('商务部：依法审批石墨物项出口许可申请',
     '商务部新闻发言人今日表示，商务部将依法审批石墨物项出口许可申请，对符合规定的民用申请'
     '予以许可。企业无需另行办理取水许可或施工许可。'),
    ('中方对原产于美国的进口稀土设备征收反倾销税',
     '商务部今日发布公告，对原产于美国的进口稀土勘探设备征收反倾销税，进口企业无需另行申请'
     '勘探许可。'),
]


@pytest.mark.parametrize(("title", "body"), PERMITS_OF_PERSONS_AND_DEPOSITS)
def test_permits_of_persons_and_deposits_are_no_trade_licences(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), MEASURES_NEXT_TO_SUCH_PERMITS)
def test_measures_told_next_to_such_permits_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# A control on a movement told in Chinese (飞行管制, 禁飞区, 限行) is a traffic rule; a person
# banned from leaving the country is held by a court; websites and apps on a blacklist or a
# warning list are a consumer regulator's warnings (probes of the twenty-sixth pass).
MOVEMENT_EXIT_AND_WARNING_LISTS = [
    ('德国收紧对无人机飞行的管制',
     '德国联邦交通部宣布收紧无人机飞行管制，在机场、军事设施附近设立禁飞区，无人机操作人员须'
     '取得飞行证书并登记。违规者将被处以罚款。'),
    ('日本对无人机低空飞行实施管制',
     '日本国土交通省宣布，在东京部分区域对无人机低空飞行实施管制，外国游客操作无人机须提前'
     '登记，违规者将被罚款。'),
    ('城市对无人机实施飞行管制 持证人员方可作业',
     '某市宣布对中心城区无人机飞行实施管制，持有许可的人员方可作业，违规飞行将被禁止。\n市民表示理解。'),
    ('河内对摩托车实施限行 无人机禁飞',
     '河内市政府宣布对中心城区摩托车实施限行，并在国庆期间对无人机实施禁飞管制，外国游客'
     '须遵守相关规定。'),
    ('Court bans ex-CEO from leaving country in fraud case',
     'A Seoul court on Wednesday banned a former chief executive from leaving the country while '
     'prosecutors investigate alleged accounting fraud. His passport was confiscated. The '
     'company said it is cooperating with investigators.'),
    ('Police bar tycoon from leaving the country over unpaid debts',
     'Police in Jakarta barred a property tycoon from leaving the country on Monday over unpaid '
     'debts to foreign banks. An exit ban will stay until a court rules on the case.'),
    ('EU watchdog blacklists fake investment websites',
     "Europe's securities watchdog added 40 websites to its warning list on Monday, saying they "
     "offered fake investments in crypto and gold. It urged consumers to check a firm's licence "
     'before investing.'),
    ('US regulator blacklists 12 crypto apps targeting foreign users',
     'A US regulator on Tuesday blacklisted 12 crypto apps it said targeted foreign users with '
     'fake returns, and urged investors to check the licence of any platform.'),
]

MEASURES_NEXT_TO_MOVEMENTS_EXITS_AND_LISTS = [
    ('商务部对无人机相关物项实施出口管制',
     '商务部、海关总署今日发布公告，对部分无人机相关物项实施出口管制，与无人机飞行管制无关的'
     '消费级无人机不在管制范围内。'),
    ('商务部：对无人机飞行控制器实施出口管制',
     '商务部今日宣布，对无人机飞行控制器等关键零部件实施出口管制，出口经营者须申请出口许可。'),
    ('Court bans rare earth trader from exporting after smuggling case',
     'A court in Guangxi on Wednesday banned a rare earth trader from exporting for three years '
     'after he smuggled 20 tons of controlled items abroad, customs said.'),
    ('China blacklists 12 US defense firms',
     "China's commerce ministry on Tuesday added 12 US defense firms to its export control "
     'list, banning exports of dual-use items to them.'),
    ('China bans gallium from leaving the country without licence',
     'China on Monday banned gallium and germanium from leaving the country without an export '
     'licence from the commerce ministry.'),
]


@pytest.mark.parametrize(("title", "body"), MOVEMENT_EXIT_AND_WARNING_LISTS)
def test_movement_controls_exit_bans_and_warning_lists_are_no_trade_measures(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), MEASURES_NEXT_TO_MOVEMENTS_EXITS_AND_LISTS)
def test_measures_next_to_movement_controls_exit_bans_and_lists_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# The twenty-sixth pass's own unrelated probes: stories that borrow the regime's vocabulary
# (lists, licences, controls, customs, rare earths, the US) without a trade measure, each run
# as a news site's page and as a consulate's relayed page.
PROBES_26 = [
    ('US library lifts borrowing limits on rare books list',
     'The Library of Congress said on Tuesday it would lift borrowing restrictions on 300 '
     'titles from its rare books list, after a review found that the controls on handling '
     'were stricter than needed. Readers will still need a reading room permit. The library '
     'said the change takes effect next month.'),
    ('Rare earth magnet shortage hits model train hobbyists',
     'Hobby shops in the US said on Monday that small neodymium magnets for model trains were '
     'out of stock because a large domestic distributor went bankrupt. Customers are put on a '
     'waiting list. A shop owner said controls on inventory at the distributor were poor.'),
    ('Customs museum opens exhibition on 1930s smugglers',
     'A museum in Shanghai opened an exhibition on Tuesday on smugglers of the 1930s, showing '
     'customs uniforms, seized opium pipes and ledgers. Visitors need to book tickets online. '
     'The curator said the exhibition explores how customs officers worked a century ago.'),
    ('Gallium-based liquid metal pen wins design award',
     'A pen that writes circuits with gallium-based liquid metal won a design award in Milan '
     'on Wednesday. The startup behind it said it holds patents on the ink and plans to '
     'license the design to a stationery maker. Sales start next year in Europe.'),
    ('City bans e-bike batteries from elevators',
     'Hangzhou banned e-bike batteries from residential elevators starting Monday, citing '
     'fire risks from lithium batteries. Property managers will install cameras that stop the '
     'elevator when a battery is detected. Violators face fines of up to 500 yuan.'),
    ('Graphite pencil maker celebrates 90th anniversary',
     'A Shanghai pencil maker celebrated its 90th anniversary on Friday, saying its graphite '
     'leads are still made from natural graphite mined in Heilongjiang. The company sells '
     'pencils in 40 countries and plans a museum. Its export sales rose 5 percent last year.'),
    ('US states tighten controls on youth social media use',
     "Several US states tightened controls on teenagers' social media use this year, "
     'requiring parental consent for accounts of users under 16. Tech companies challenged '
     'the laws in court. Judges blocked two of the laws, saying they restricted speech.'),
    ('Tungsten wedding rings gain popularity among young couples',
     'Tungsten carbide wedding rings are gaining popularity among young Chinese couples '
     'because they are cheap and scratch-resistant, jewelers said. Online sales rose 30 '
     'percent in the first half. Some buyers worry the rings cannot be cut off in an '
     'emergency.'),
    ('Antimony found in bottled water study, researchers say',
     'Researchers in Germany said on Thursday that antimony from PET bottles leaches into '
     'water stored in hot cars. Levels stayed below the limits set by the World Health '
     'Organization. The team recommended storing bottled water away from heat.'),
    ('Japanese city adds cherry trees to protected list',
     'Kyoto added 120 old cherry trees to its list of protected trees on Tuesday, banning '
     'cutting or pruning without a permit from the city. The city said tourism and '
     'construction have damaged roots. Owners will receive subsidies for care.'),
    ('Dual-use trail opens for hikers and cyclists',
     'A 40-kilometer dual-use trail for hikers and cyclists opened in Zhejiang on Saturday. '
     'Cyclists need no permit but must yield to walkers. The county said the trail links 12 '
     'villages and will boost rural tourism.'),
    ('EU watchdog blacklists fake investment websites',
     "Europe's securities watchdog added 40 websites to its warning list on Monday, saying "
     "they offered fake investments in crypto and gold. It urged consumers to check a firm's "
     'licence before investing. Losses reported by victims reached 80 million euros.'),
    ('Chip shortage? Not for this retro arcade in Chengdu',
     'A retro arcade in Chengdu keeps 1980s machines running with spare chips bought from '
     'collectors, its owner said. He keeps a list of parts and restrictions on how long each '
     'game can be played. Visitors from abroad are welcome.'),
    ('Court bans ex-CEO from leaving country in fraud case',
     'A Seoul court on Wednesday banned a former chief executive from leaving the country '
     'while prosecutors investigate alleged accounting fraud. His passport was confiscated. '
     'The company said it is cooperating with investigators.'),
    ('Lithium battery recycling plant gets environmental permit',
     'A lithium battery recycling plant in Hubei received its environmental permit on Monday '
     'and will start trial runs next month. The plant will recover cobalt, nickel and lithium '
     'from 50,000 tons of batteries a year. The company said it follows strict controls on '
     'emissions.'),
    ('Netflix restricts password sharing in more countries',
     'Netflix said on Tuesday it would extend restrictions on password sharing to 20 more '
     'countries, including several in Southeast Asia. Subscribers who share accounts outside '
     'their household will pay an extra fee. Shares rose 2 percent.'),
    ('Rare earth elements used to date ancient pottery',
     'Archaeologists used rare earth element signatures to trace the clay of Tang dynasty '
     'pottery found in Indonesia to kilns in Hunan, a study published on Monday said. The '
     'findings shed light on ancient maritime trade routes.'),
    ('New Zealand bans foreign buyers from existing homes again',
     "New Zealand's parliament passed a law on Wednesday keeping a ban on most foreign buyers "
     'of existing homes, while allowing wealthy investors to buy homes worth over 5 million '
     'NZ dollars. The government said the rule supports housing affordability.'),
    ('Airline adds Chinese routes after pilot licence reforms',
     "A Vietnamese airline will add five routes to China after the country's aviation "
     "authority shortened the time to convert foreign pilots' licences, the airline said on "
     'Thursday. The carrier plans to hire 60 foreign pilots.'),
    ('Tariff on plastic bags? No, a deposit, says supermarket',
     'A supermarket chain in Beijing clarified on Monday that the 0.5 yuan charged for '
     'plastic bags is a deposit returned when bags are brought back, not a tax. Customers '
     'complained online that the charge was too high.'),
    ("US university restricts foreign students' lab access after safety incident",
     'A US university restricted access to a chemistry lab for all students, including '
     'foreign students, after a fire on Tuesday. Students will need new safety training and a '
     'lab permit. No one was injured.'),
    ("Customs officers' choir wins national competition",
     'A choir of customs officers from Xiamen won a national amateur choir competition on '
     'Sunday. The 40 singers rehearse after their shifts at the port. Their director said '
     'music helps relieve stress.'),
    ('Indonesia issues nickel mining quotas for 2026',
     "Indonesia's energy ministry approved mining quotas of 250 million tons of nickel ore "
     'for 2026, officials said on Tuesday. Miners must submit work plans each year. Smelters '
     'said the quota would ensure ore supply for domestic processing.'),
    ('Entity behind ransomware attack on hospital identified',
     'Police in Germany identified the entity behind a ransomware attack on a hospital, a '
     'criminal group based abroad, prosecutors said on Friday. The hospital restored its '
     "systems after two weeks. Investigators froze the group's crypto wallets."),
    ('Magnet school lottery list released',
     'Boston released its magnet school lottery list on Monday. Families have two weeks to '
     'accept offers. Controls on enrollment aim to balance neighborhoods, the school district '
     'said.'),
    ('Chinese tourists need no visa for Malaysia, embassy reminds',
     'The Chinese embassy in Malaysia reminded travelers on Wednesday that Chinese citizens '
     'can stay 30 days without a visa, but need a valid passport and a return ticket. Customs '
     'may check cash over 10,000 dollars. Drones require permits from the aviation authority.'),
    ('Australian state caps foreign student numbers in private colleges',
     'An Australian state capped the number of foreign students that private colleges can '
     'enrol next year, citing housing pressure. Colleges must apply for a new licence to '
     'teach international students. Education groups said the caps would cost jobs.'),
    ('Rare earth theme park ride closes for inspection',
     'A theme park in Baotou, the city known for rare earths, closed its roller coaster on '
     "Tuesday for a safety inspection. The park said the ride's license is valid and it will "
     'reopen next week.'),
    ('Germany bans sale of fireworks in city centers',
     'Several German cities banned the sale and use of fireworks in city centers over New '
     "Year's Eve, citing injuries and pollution. Shops selling fireworks imported from China "
     'said sales may fall. Police will enforce the ban.'),
    ('US Treasury bond sales hit record',
     'The US Treasury sold a record amount of bonds in the third quarter, with foreign buyers '
     'taking 25 percent, data showed on Tuesday. Analysts said controls on spending were '
     'unlikely before the election.'),
    ('海关博物馆举办走私文物追索展',
     '中国海关博物馆近日举办文物追索成果展，展出近年来从海外追索回国的120件文物。展览介绍了国'
     '际合作追索流失文物的过程。观众需提前预约参观。'),
    ('澳大利亚维州发放新一批渔业捕捞许可证',
     '据澳大利亚媒体报道，维多利亚州政府近日发放新一批渔业捕捞许可证，并公布禁渔区清单。州政府'
     '表示，将加强对过度捕捞的管控。驻墨尔本总领馆经商室将持续关注。'),
    ('日本东京都将民宿经营许可审批时限缩短',
     '据日本媒体报道，东京都政府宣布将民宿经营许可审批时限由30天缩短至15天，并公布违规民宿名单'
     '。外国游客增加带动民宿需求上升。'),
    ('稀土主题科普馆在包头开馆',
     '包头稀土科普馆近日开馆，展示稀土元素的发现历史和在新能源汽车、风电等领域的应用。馆方表示'
     '，参观实行预约管控，每日限流3000人。'),
    ('韩国对外国人购房实施许可制',
     '据韩国媒体报道，首尔市对外国人购买部分地区住宅实施土地交易许可制，购房须事先获得区政府许'
     '可。政府表示此举旨在抑制投机。'),
    ('美国加州对电动车电池回收实施新规',
     '据美国媒体报道，加州空气资源委员会通过新规，要求电动车电池回收企业获得环保许可，并建立电'
     '池流向追踪清单。企业须在2027年前完成登记。'),
    ('新加坡发布外国劳工配额新规',
     '据新加坡人力部消息，新加坡将调整外国劳工配额，建筑业和加工业的外籍劳工比例上限下调5个百'
     '分点。企业须通过新系统申请工作准证。'),
    ('俄罗斯延长外国渔船进入港口限制',
     '据俄罗斯媒体报道，俄罗斯政府决定延长对部分外国渔船进入其港口的限制至明年底。渔船须提前申'
     '请进港许可。'),
    ('德国收紧对无人机飞行的管制',
     '德国联邦交通部宣布收紧无人机飞行管制，在机场、军事设施附近设立禁飞区，无人机操作人员须取'
     '得飞行证书并登记。违规者将被处以罚款。'),
    ('越南河内限制摩托车进入中心城区',
     '河内市政府宣布，自2026年起限制摩托车进入部分中心城区，并公布首批限行道路清单。市政府表示'
     '将扩大公共交通。'),
    ('马来西亚发放首批数字银行牌照',
     '马来西亚国家银行近日向5家机构发放数字银行牌照，其中两家有外资背景。央行表示将对数字银行'
     '实施严格风险管控。'),
    ('加拿大对外国买家购房禁令延长两年',
     '据加拿大媒体报道，加拿大联邦政府宣布将外国买家购买住宅禁令延长两年至2027年，旨在缓解住房'
     '紧张。禁令豁免清单包括永久居民和留学生。'),
    ('印度对外国人进入部分边境地区实施许可',
     '据印度媒体报道，印度政府对外国人进入东北部部分边境地区实施受保护区域许可制度，外国游客须'
     '提前申请入境许可。'),
    ('稀土永磁电机企业发布新品',
     '一家稀土永磁电机企业近日发布新一代工业电机，能效提升15%。公司表示，产品已获得欧盟安全认'
     '证，将加大海外市场开拓。'),
    ('英国对外国学生签证实施新限制',
     '据英国内政部消息，英国将限制外国研究生携带家属，并提高技术工人签证的薪资门槛。大学担心国'
     '际学生人数下降。'),
    ('泰国禁止外国人从事部分职业清单更新',
     '泰国劳工部近日更新外国人禁止从事职业清单，将部分服务业职业移出清单，外国人可申请工作许可'
     '从事相关工作。'),
]

# the second batch: a host state's own rules (visas, vapes, low-emission zones, data), ports,
# recalls, museums, doping, prices, and a headline that asks and denies a measure
PROBES_26 += [
    ('US FDA restricts imports? No: agency updates food labeling list',
     'The US Food and Drug Administration updated its list of major food allergens on '
     'Tuesday, adding sesame labeling rules for imported and domestic products alike. '
     'Companies have a year to comply. The agency said the rule protects consumers.'),
    ('Australian state suspends koala habitat clearing permits',
     'New South Wales suspended land clearing permits in koala habitats on Monday after a '
     'court ruling. Farmers said the suspension would hurt planting. Environmental groups '
     'welcomed the decision.'),
    ('Chinese students in US face longer visa checks, survey says',
     'Chinese students applying for US visas faced longer administrative checks this summer, '
     'a survey by an education consultancy showed on Wednesday. Some students in science '
     'fields waited three months. Universities urged faster processing.'),
    ('Rare earth prices slip as traders await demand data',
     'Prices of praseodymium-neodymium oxide slipped 2 percent this week as traders waited '
     'for October demand data from magnet makers, an industry index showed on Friday. '
     'Analysts expect prices to stabilize.'),
    ('Smartphone maker gets licence to sell in Indian market',
     "A Chinese smartphone maker received a licence from India's telecom regulator to sell "
     'its new 5G phones, the company said on Monday. The phones will be assembled in Chennai. '
     'Sales start next month.'),
    ('UK bans disposable vapes from June',
     'The UK will ban the sale of disposable vapes from June 1, the government said on '
     'Monday, citing youth vaping and waste. Shops found selling them face fines. Most vapes '
     'sold in the UK are made in China.'),
    ('Port of Los Angeles sets new cargo record',
     'The Port of Los Angeles handled a record 1 million containers in August, officials said '
     'on Tuesday, as retailers stocked up for the holidays. Imports from Asia rose 12 '
     'percent. The port said its controls on truck appointments cut waiting times.'),
    ('Chinese gymnast suspended for missing doping tests',
     'A Chinese gymnast was suspended for two years by the international federation for '
     'missing three doping tests, the federation said on Thursday. The athlete can appeal to '
     'the Court of Arbitration for Sport. Sanctions for whereabouts failures are common.'),
    ('Gallium nitride chargers dominate Singles Day sales',
     'Gallium nitride fast chargers were among the best-selling electronics during the '
     'Singles Day shopping festival, e-commerce platforms said on Wednesday. Sales to '
     'overseas buyers on cross-border platforms also grew. Prices fell 15 percent.'),
    ('US city council lists historic Chinatown buildings',
     "San Francisco's city council added six Chinatown buildings to its list of historic "
     'landmarks on Tuesday, restricting changes to their facades. Owners need a permit for '
     'renovations. The community welcomed the move.'),
    ('Japan restricts foreign tourists at Mount Fuji trail',
     'Japan began restricting the number of climbers on a Mount Fuji trail on Monday, '
     'charging 2,000 yen per person and requiring reservations. Foreign tourists make up a '
     'third of climbers. Officials said the controls protect safety.'),
    ('Customs clearance at Beijing airport gets faster with facial recognition',
     'Beijing Capital International Airport introduced facial recognition at customs and '
     'border checks on Monday, cutting waiting times for foreign travelers to 10 minutes, the '
     'airport said. Travelers still need to declare cash above 20,000 yuan.'),
    ('Antimony-free glass developed for solar panels',
     'Researchers in Anhui said on Tuesday they had developed antimony-free glass for solar '
     'panels that performs as well as regular panel glass. The team plans to license the '
     "process to glass makers. Europe's solar panel makers showed interest."),
    ('Korean court orders company to pay workers after factory closure',
     'A South Korean court ordered a foreign-owned electronics company to pay 300 workers '
     'after it closed a factory without notice. The company had moved production abroad. The '
     'union welcomed the ruling.'),
    ('Tesla recalls cars in China over software fault',
     'Tesla will recall 60,000 cars in China over a software fault in the door latches, the '
     'State Administration for Market Regulation said on Friday. The fix will be delivered '
     'over the air. The cars were made in Shanghai and imported from the US.'),
    ('Dutch town bans cars from historic center',
     'A Dutch town banned cars from its historic center on weekends, starting Saturday, to '
     'reduce pollution and noise. Delivery vans need a permit. Shop owners worried about '
     'losing customers.'),
    ('Canadian province issues cannabis export guide to farmers',
     "Ontario's agriculture ministry published a guide for licensed cannabis growers on "
     'Tuesday, explaining health licences and quality controls. The guide does not change '
     'rules. Growers welcomed the clarity.'),
    ('Rare earth museum in Ganzhou attracts foreign visitors',
     'A rare earth museum in Ganzhou, Jiangxi Province, received 5,000 foreign visitors in '
     'the first half of the year, its curator said on Monday. Exhibits show mining history '
     'and magnet uses. Entry is free with a reservation.'),
    ("US senator's list of Chinese apps stirs debate",
     'A US senator published a list of Chinese shopping apps he said collect too much user '
     'data, stirring debate online on Tuesday. The apps said they follow US law. No action by '
     'regulators was announced.'),
    ('Drone maker wins contract to inspect power lines in Europe',
     'A Shenzhen drone maker won a contract to supply inspection drones to a European power '
     'grid operator, the company said on Monday. The drones will inspect 10,000 kilometers of '
     'lines. Deliveries begin in spring.'),
    ('美国加州发放首批自动驾驶出租车运营许可',
     '据美国媒体报道，加州公用事业委员会近日向两家企业发放自动驾驶出租车运营许可，允许其在旧金'
     '山全天候运营。监管部门表示将加强安全管控。驻旧金山总领馆经商室将持续关注。'),
    ('意大利对游客进入威尼斯收取门票',
     '据意大利媒体报道，威尼斯市政府宣布明年继续对一日游游客收取进城费，并扩大收费日期清单。市'
     '政府表示，此举旨在管控游客数量。'),
    ('韩国对外国人购房贷款实施限制',
     '据韩国媒体报道，韩国金融委员会宣布，对外国人购买首尔住宅的贷款实施限制，贷款比例上限下调'
     '至40%。政府表示将加强对外国人购房的监管。'),
    ('日本稀土回收企业获政府补贴',
     '据日本媒体报道，日本经济产业省近日向3家稀土回收企业发放补贴，支持从废旧电子产品中回收稀'
     '土。企业表示，回收稀土将供应国内磁材厂。'),
    ('澳大利亚西澳州锂矿项目获环境审批',
     '据澳大利亚媒体报道，西澳州环境保护局近日批准一个锂矿项目的环境评估，项目须遵守地下水管控'
     '要求。该项目由一家美国企业持股。'),
    ('德国汉堡港集装箱吞吐量下降',
     '据德国媒体报道，汉堡港上半年集装箱吞吐量同比下降3%，主要受欧洲经济疲软影响。港口方面表示'
     '，将加强与亚洲航运公司合作。'),
    ('法国对外国学生学费政策调整',
     '据法国媒体报道，法国高等教育部宣布，对非欧盟国家学生的学费减免名额进行调整，部分大学将扩'
     '大减免清单。'),
    ('美国纽约州禁止在公共场所使用电子烟',
     '据美国媒体报道，纽约州议会通过法案，禁止在公园、海滩等公共场所使用电子烟，违者将被罚款。'
     '该法案将于明年生效。'),
    ('巴西对外国游客恢复签证要求',
     '据巴西媒体报道，巴西政府宣布对美国、加拿大和澳大利亚游客恢复签证要求，游客须在线申请电子'
     '签证。旅游业界表示担忧。'),
    ('英国伦敦扩大超低排放区',
     '据英国媒体报道，伦敦市政府宣布扩大超低排放区范围，不符合排放标准的车辆进入须每日缴费。市'
     '政府表示，将对违规车辆实施管控。'),
    ('泰国延长外国人免签停留期限',
     '据泰国媒体报道，泰国政府宣布将部分国家游客的免签停留期限由30天延长至60天，适用国家清单包'
     '括中国。旅游业界表示欢迎。'),
    ('日本药妆店限购感冒药',
     '据日本媒体报道，日本部分药妆店对感冒药实施限购，每人每次限购一盒，以防止转卖。外国游客购'
     '买量较大。'),
    ('美国农业部发布禽流感疫区清单',
     '据美国媒体报道，美国农业部更新禽流感疫区清单，新增3个县。疫区内的养殖场须实施严格的防疫'
     '管控，禽类运输须获得许可。'),
    ('墨西哥对网约车平台实施新规',
     '据墨西哥媒体报道，墨西哥城政府对网约车平台实施新规，司机须取得营运许可，平台须提交司机名'
     '单。外资平台表示将配合。'),
    ('新西兰限制外国渔船进入专属经济区捕捞',
     '据新西兰媒体报道，新西兰政府宣布收紧外国渔船在其专属经济区捕捞的许可条件，并公布违规渔船'
     '名单。'),
    ('荷兰对外国留学生实施英语授课限制',
     '据荷兰媒体报道，荷兰政府计划限制大学英语授课课程比例，以减少外国留学生人数。高校担心国际'
     '化受影响。'),
    ('稀土永磁企业举办开放日',
     '一家位于宁波的稀土永磁企业近日举办开放日活动，邀请外国客户和媒体参观生产线。企业表示，产'
     '品出口至欧洲和东南亚。'),
    ('美国国会图书馆新增馆藏清单',
     '美国国会图书馆近日公布年度国家录音登记清单，新增25部作品。图书馆表示，入选作品将得到永久'
     '保存。'),
    ('印度对外国电商平台实施数据本地化要求',
     '据印度媒体报道，印度政府要求外国电商平台将用户数据存储在境内服务器，平台须获得数据处理许'
     '可。业界表示合规成本将上升。'),
    ('俄罗斯限制外国人进入部分军事区域',
     '据俄罗斯媒体报道，俄罗斯政府更新外国人禁止进入区域清单，新增部分边境地区，外国人进入须获'
     '得特别许可。'),
]

# the third batch: trade statistics, prices, a chamber's election, compliance training, stockpile
# and strategic project lists, foreign investment lists, plants abroad (an export ban of a host
# state, a trade measure, was not counted among them)
PROBES_26 += [
    ("Exporters' association elects new chairman",
     'The China Chamber of Commerce for Import and Export of Metals, Minerals and Chemicals '
     'elected a new chairman on Tuesday. He pledged to help member companies explore overseas '
     'markets and train staff on compliance. The chamber has 6,000 members.'),
    ('Rare earth export volumes rise in September, customs data shows',
     "China's exports of rare earths rose 8 percent in September from a year earlier to 5,200 "
     'tons, customs data showed on Saturday. Analysts said demand from overseas magnet makers '
     'recovered. Prices held steady.'),
    ('US lawmakers debate TikTok ban again',
     "US lawmakers debated on Wednesday whether to extend the deadline for TikTok's sale, "
     'with some calling for a full ban. The app has 170 million US users. No vote was '
     'scheduled.'),
    ('Gallium prices hit six-month low on weak demand',
     'Gallium prices in China fell to a six-month low this week as demand from chipmakers '
     'weakened, traders said on Friday. Overseas buyers held off purchases. Inventories at '
     'smelters rose.'),
    ('Customs reports record cross-border e-commerce parcels',
     'Customs in Guangzhou handled a record 50 million cross-border e-commerce parcels in '
     'October, officials said on Monday, helped by overseas shopping festivals. Clearance '
     'took an average of 30 minutes.'),
    ('US chip stocks fall after weak earnings',
     'US chip stocks fell on Thursday after a major chipmaker reported weaker-than-expected '
     'earnings and cut its forecast, citing slow demand for PCs. The Philadelphia '
     'Semiconductor Index lost 3 percent.'),
    ('Licensing deal brings Chinese cartoon to US streaming',
     'A Chinese animation studio signed a licensing deal with a US streaming platform on '
     'Tuesday to show its hit cartoon in 40 countries, the studio said. Dubbed versions will '
     'be released next year.'),
    ('Dual-use technology expo opens in Mianyang',
     'The 12th China (Mianyang) Science and Technology City International Expo opened on '
     'Thursday, showcasing dual-use technologies of military-civilian integration, including '
     'drones and new materials. More than 600 companies took part.'),
    ('商务部举办外贸企业合规培训',
     '商务部近日在京举办外贸企业合规培训班，来自全国的200余家企业参加。培训内容包括外贸形势、'
     '海外市场开拓和企业社会责任。'),
    ('海关总署：前三季度我国外贸进出口增长4%',
     '据海关总署统计，前三季度我国货物贸易进出口总值同比增长4%，其中出口增长6%，进口增长1%。民'
     '营企业进出口占比提升。'),
    ('美国大选候选人就移民政策展开辩论',
     '美国两党总统候选人日前就移民政策展开电视辩论，双方在边境管控、难民接收名单等问题上分歧明'
     '显。民调显示选情胶着。'),
    ('稀土价格指数本周小幅上涨',
     '中国稀土行业协会发布的稀土价格指数本周小幅上涨，氧化镨钕价格上涨2%。业内人士表示，下游磁'
     '材企业采购积极。'),
    ('驻洛杉矶总领馆经商室调研当地中资企业',
     '驻洛杉矶总领馆经商室近日走访当地多家中资企业，了解企业经营情况和面临的困难。企业反映劳动'
     '力成本上升、审批周期较长等问题。经商室表示将持续做好服务。'),
    ('日本政府公布重要矿产储备清单',
     '据日本媒体报道，日本经济产业省公布重要矿产国家储备清单，包括稀土、镓、锂等34种矿产，计划'
     '将储备量提高至60天用量。政府表示此举旨在应对供应风险。'),
    ('欧盟公布关键原材料战略项目清单',
     '据欧盟委员会消息，欧盟公布47个关键原材料战略项目清单，涉及锂、镍、稀土等开采和加工项目，'
     '入选项目将获得融资支持和审批便利。'),
    ('美国稀土企业宣布扩建分离工厂',
     '据美国媒体报道，美国一家稀土企业宣布投资5亿美元扩建稀土分离工厂，预计2027年投产，产品将'
     '供应美国国防和汽车企业。'),
    ('Japan stockpiles rare earths under new minerals list',
     "Japan's trade ministry said on Tuesday it would raise national stockpiles of 34 "
     'minerals on a new priority list, including rare earths and gallium, to 60 days of use. '
     'The ministry cited supply risks.'),
    ('EU names strategic raw materials projects',
     'The European Commission named 47 strategic projects for critical raw materials on '
     'Tuesday, including lithium, nickel and rare earth mines and refineries. The projects '
     'will get faster permits and financing support.'),
    ('US rare earth miner expands separation plant',
     'A US rare earth miner said on Monday it would invest 500 million dollars to expand its '
     'separation plant in California, supplying US defense and automotive companies from 2027.'),
    ('Australian company gets permit for rare earth refinery',
     'An Australian company received state approval for its rare earth refinery in Western '
     'Australia on Wednesday. The plant will process ore from its own mine and sell products '
     'to customers in Japan and Europe.'),
    ('Chinese magnet maker opens factory in Mexico',
     'A Chinese rare earth magnet maker opened a factory in Mexico on Thursday to supply '
     'automakers in North America, the company said. The plant employs 400 people and imports '
     'magnet blocks from China.'),
    ('Korean battery makers cut graphite use in new anodes',
     'South Korean battery makers are testing silicon-rich anodes that use less graphite, '
     'industry sources said on Monday. The companies aim to lower costs and diversify '
     'suppliers.'),
    ('泰国对电动车企业实施本地生产要求',
     '据泰国媒体报道，泰国政府要求享受补贴的外国电动车企业在当地生产一定数量的车辆，未达标企业'
     '须退还补贴。中资车企表示将按计划推进本地化生产。'),
    ('越南公布禁止外商投资行业清单',
     '据越南媒体报道，越南计划投资部公布新版外商投资负面清单，禁止外商投资行业由25个减少至20个'
     '，部分服务业对外资开放。'),
]


@pytest.mark.parametrize(("title", "body"), PROBES_26)
@pytest.mark.parametrize(("source", "kind"), [("globaltimes", "news"),
                                               ("mofcom_consulates", "relay")])
def test_probes_of_the_twenty_sixth_pass_are_left_out(title, body, source, kind):
    item = DocumentItem(url="https://example.org/1.shtml", source=source, source_kind=kind,
                        title=title, body=body, language="en", measures=[])
    keep, reason = relevance(item)
    assert not keep, reason


# Principle 69: a headline that asks whether a measure was taken and answers no itself denies it.
DENIED_IN_HEADLINE = [
    ('US FDA restricts imports? No: agency updates food labeling list',
     'The US Food and Drug Administration updated its list of major food allergens on Tuesday, '
     'adding sesame labeling rules for imported and domestic products alike.'),
    ('Japan bans exports of rice? No, a shortage empties shelves',
     'Supermarkets in Tokyo ran short of rice on Monday after a poor harvest; foreign tourists '
     'were blamed online, but traders said exports are small.'),
    ('限制进口？不，欧盟更新玩具安全标准',
     '欧盟委员会近日更新玩具安全标准，进口和本地生产的玩具均须符合新要求，外国企业有两年过渡期。'),
]

ASKED_AND_CONFIRMED = [
    ('US restricts imports of Chinese drones? Yes: Commerce Department rule takes effect',
     'The US Commerce Department said on Tuesday its rule restricting imports of Chinese drones '
     'took effect, citing national security.'),
    ('Japan bans exports of chipmaking tools to China? Not quite: licences now required',
     'Japan said on Monday exporters of 23 types of chipmaking equipment must obtain export '
     'licences for shipments to China.'),
    ('China curbs rare earth exports? No, MOFCOM says; it adds licences',
     "China's Ministry of Commerce said on Friday it would require export licences for seven "
     'medium and heavy rare earths from next month.'),
]


@pytest.mark.parametrize(("title", "body"), DENIED_IN_HEADLINE)
def test_a_measure_the_headline_asks_and_denies_is_no_measure(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), ASKED_AND_CONFIRMED)
def test_a_measure_asked_and_confirmed_or_told_in_the_lead_stays_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# The twenty-seventh pass's relevant probes left out before principles 70 and 71 (68 probes of
# everyday news written to the held-out brief; these six were left out, and are kept after).
LEFT_OUT_BEFORE_70_71 = [
    ('Commission to keep extra levies on Canadian canola oil',
     'The Customs Tariff Commission of the State Council said on Wednesday the 100 percent '
     'levy on Canadian canola oil and peas will remain in place.'),
    ('Beijing hits back at Ottawa with levies',
     'China will impose levies of 100 percent on Canadian rapeseed oil and peas from March 20, '
     "the State Council's tariff body said on Saturday, in response to Canada's duties on "
     'Chinese electric vehicles.'),
    ('US chipmakers get green light to sell H20 to China again',
     'Nvidia said on Monday the US government had assured it that licences would be granted '
     'for sales of its H20 chips to Chinese customers.'),
    ('Officials in Geneva agree to cut levies',
     'Chinese and US officials agreed in Geneva on Monday to cut the extra levies they imposed '
     "on each other's goods by 115 percentage points for 90 days."),
    ("Trump's 'reciprocal' levies take effect",
     "The White House's so-called reciprocal levies on imports from dozens of countries took "
     'effect on Wednesday.'),
    ('Malaysia requires permits for US AI chips',
     "Malaysia's trade ministry said on Monday that shipments of high-performance American AI "
     'chips out of Malaysia would require a trade permit, effective immediately.'),
]

# Unrelated near-misses of principle 70: levies on people, places, profits and clubs, a levy on
# a country's consumers, headlines whose levies are a town's or a club's.
LEVIES_NOT_ON_GOODS = [
    ('City to levy tourist tax on overnight visitors',
     'Venice will levy a fee of 5 euros on day-trippers on peak days from April, the city '
     'council said on Tuesday.'),
    ('Club fans angry at new levies',
     'Supporters of a Premier League club protested on Saturday against a levy on season '
     'tickets to fund a new stadium.'),
    ('Council approves levy on vacant homes',
     'The Vancouver council voted on Wednesday to raise the levy on empty homes to 3 percent '
     'of their assessed value.'),
    ('UK levies windfall tax on energy firms',
     'The British government said on Thursday it would extend the levy on oil and gas '
     "producers' profits until 2030."),
    ('Levies on Chinese tourists? No such plan, Thai official says',
     'A Thai tourism official said on Monday there is no plan for a levy on Chinese visitors, '
     'after rumours spread online.'),
    ('Airport levies rise again',
     'Passengers departing from Heathrow will pay higher levies from January, the airport '
     'said, citing security costs.'),
    ('Parents pay new school levies',
     'Schools in the district will charge a levy of 200 dollars per pupil for sports '
     'equipment, the board said on Friday.'),
    ('Levy on plastic bags cuts use by half',
     'A levy of 20 cents on plastic bags in Irish shops halved their use within a year, '
     'researchers said.'),
    ('Germany debates levy on Chinese-owned football clubs? Fans say no',
     'German football fans rejected a proposal for a levy on club owners, saying it would hurt '
     'smaller teams.'),
    ('Farmers oppose levy on US-style feedlots',
     'Dutch farmers protested on Tuesday against a levy on large feedlots over nitrogen '
     'emissions.'),
    ('Broadcast levy on households to rise',
     "Germany's public broadcasting levy on households will rise by 58 cents a month from "
     'January.'),
    ('Football league imposes levies on clubs',
     'The league said on Monday it would impose a levy of 1 percent on transfer fees paid by '
     'clubs to fund grassroots football.'),
    ('Levies on Japanese tourists at Mount Fuji',
     'Climbers of Mount Fuji will pay a levy of 2,000 yen from July, the prefecture said, to '
     'fund safety measures.'),
    ("Levies on US-made cars? Dealers' fees rise",
     'Car dealers in Shanghai raised their service fees on Monday, blaming higher rents; '
     'buyers of US-made cars face longer waits.'),
    ('Church levies tithe on members',
     'A church in Texas said on Sunday it would ask members for a levy of 10 percent of income '
     'to fund a new building.'),
    ('Union levies fee on Chinese members? Union denies',
     'A union in Sydney denied on Wednesday that it charged a levy on Chinese members, calling '
     'the report false.'),
    ('Town levies fines on noisy bars',
     'The town council levied fines on five bars for noise on Friday and warned that licences '
     'could be reviewed.'),
    ('Levies on British households for water upgrades',
     "Water companies in England will add a levy on British households' bills to pay for "
     'sewage upgrades, the regulator said.'),
    ('Sports body levies penalty on Brazilian club',
     'The governing body levied a penalty of 10 points on a club in Rio on Thursday for '
     'breaking spending rules.'),
    ('New levy on French wine drinkers? Health group proposes',
     "A French health group proposed on Tuesday a levy on wine drinkers' purchases in bars to "
     'fund addiction care.'),
    ('Levies cut for small businesses',
     'The city cut business levies for shops with fewer than ten employees on Monday, hoping '
     'to revive the high street.'),
]

# Unrelated near-misses of principle 71: permission to sell a stake, tickets, players, homes or
# paintings; permits of streets, fishing and parking in headlines; people out of a country.
PERMISSIONS_NOT_TO_EXPORT = [
    ('Green light to sell stake to Chinese investor',
     'A Portuguese energy firm got the go-ahead to sell a stake to Chinese investors, the '
     'company said on Monday.'),
    ('Singer gets green light to sell tickets to US fans',
     'The concert organiser got permission to sell tickets to US fans through a new platform, '
     'it said on Friday.'),
    ('Club gets nod to sell striker to Spanish side',
     'The club got the go-ahead to sell its striker to a Spanish team for 40 million euros, '
     'the manager said.'),
    ('Brewer gets licence to sell beer at stadiums',
     'A brewer received a licence to sell beer at football stadiums in Saudi Arabia on '
     'Wednesday, officials said.'),
    ('Airline gets permission to fly more flights',
     'The airline received permission to fly more weekly flights to Paris from next month, it '
     'said.'),
    ('Hawker gets permit to sell food at night market',
     'A hawker in Singapore got a permit to sell food at the night market after a three-year '
     'wait.'),
    ('Permits for tour guides cut',
     'The city cut the number of permits for tour guides on Monday, saying too many groups '
     'crowded the old town.'),
    ('Fishing permits halved this summer',
     'The county halved the number of fishing permits for the lake this summer, citing low '
     'water levels. Anglers from abroad will pay more.'),
    ('Students shipped out of Canada? No, exchange ends',
     'Exchange students from Canada ended their program on Friday and flew home, the '
     'university said.'),
    ("Goods stolen out of China's warehouses? Police arrest gang",
     'Police arrested a gang that stole goods out of warehouses in Shenzhen and sold them '
     'online.'),
    ('Sales out of Japan-themed stores drop',
     'Sales at Japan-themed stores in Shanghai dropped 10 percent in the third quarter, the '
     'chain said.'),
    ('Festival permits granted to 40 food trucks',
     'Organisers granted permits to 40 food trucks for the summer festival, which expects '
     'foreign visitors.'),
    ('Museum gets green light to lend paintings to Japan',
     'The Louvre got the go-ahead to lend five paintings to Japan for an exhibition in Tokyo '
     'next spring, the museum said.'),
    ('Chef gets approval to sell dumplings to Chinese students',
     'A chef in Boston got approval to sell dumplings to Chinese students on campus, the '
     'university said on Monday.'),
    ('Publisher gets licence to sell e-books to Korean readers',
     'A publisher got a licence to sell e-books to Korean readers through a local platform, it '
     'said on Friday.'),
    ('Council grants permits for street parties',
     'The council granted permits for 300 street parties on Saturday, and asked organisers to '
     'keep music down after 10 pm.'),
    ('Artists shipped out of Italy? Festival moves',
     'A music festival moved its stage out of Italy this year, flying artists to Slovenia, '
     'organisers said.'),
    ('Football team flies out of China after tour',
     'The team flew out of China on Monday after a four-match tour that drew foreign fans.'),
    ('Farmer gets go-ahead to sell raw milk to US shoppers? Only in-state',
     'A dairy farmer got the go-ahead to sell raw milk at his farm, but only to shoppers in '
     'his own state, officials said.'),
    ('Parking permits to cost more',
     "Residents' parking permits will cost 20 percent more from April, the borough said, to "
     'fund buses.'),
    ('Hunting permits drawn by lottery',
     'Hunting permits for elk were drawn by lottery on Tuesday; hunters from abroad must apply '
     'through outfitters.'),
]


@pytest.mark.parametrize(("title", "body"), LEFT_OUT_BEFORE_70_71)
@pytest.mark.parametrize(("source", "kind"), [("globaltimes", "news"),
                                               ("mofcom_consulates", "relay")])
def test_levies_and_permissions_to_sell_to_a_country_are_measures(title, body, source, kind):
    item = DocumentItem(url="https://example.org/1.shtml", source=source, source_kind=kind,
                        title=title, body=body, language="en", measures=[])
    keep, reason = relevance(item)
    assert keep, reason


@pytest.mark.parametrize(("title", "body"), LEVIES_NOT_ON_GOODS + PERMISSIONS_NOT_TO_EXPORT)
@pytest.mark.parametrize(("source", "kind"), [("globaltimes", "news"),
                                               ("mofcom_consulates", "relay")])
def test_levies_and_permissions_of_other_fields_keep_nothing(title, body, source, kind):
    item = DocumentItem(url="https://example.org/1.shtml", source=source, source_kind=kind,
                        title=title, body=body, language="en", measures=[])
    keep, reason = relevance(item)
    assert not keep, reason


# Principle 72: an import halt told by its noun ("the suspension on pomelo imports from two
# Taiwan growers", dev-1200) is the same measure as imports suspended, when aimed at a country
# or its firms; a suspension of other things, or a veterinary one of a region, is none.
IMPORT_SUSPENSIONS_BY_NOUN = [
    ("Mainland lifts suspension on pomelo imports from two Taiwan growers",
     "Fruit traders said the first consignments could arrive before the end of the year."),
    ("Beijing ends suspension of beef imports from three Australian companies",
     "Traders expect the first shipments next month."),
    ("China announces suspension of soybean imports from three US companies",
     "The move was announced on Tuesday."),
    ("Customs extends suspension of log imports from two US companies",
     "The decision was published on Monday."),
    ("Suspension of imports of grouper from Taiwan to continue, mainland says",
     "Fishermen on the island said they had hoped for better news."),
    ("China confirms suspension of canola imports from two Canadian firms",
     "The firms said they were studying the decision."),
    ("Lithuanian firms face suspension of dairy imports to China",
     "The decision was taken on Friday."),
    ("China orders suspension of wine imports from an Australian company",
     "The company said it would cooperate."),
    ("Suspension on Japanese seafood imports stays, Beijing says",
     "The foreign ministry repeated its position."),
    ("Customs lifts suspension on timber imports from US companies",
     "Sawmills welcomed the decision."),
    ("China announces suspension of poultry imports from three US companies",
     "Traders said prices could rise."),
]
SUSPENSIONS_OF_OTHER_THINGS = [
    ("Car maker recalls SUVs over suspension defect",
     "Imports of the model continue, the dealer said on Monday."),
    ("Striker's suspension lifted after appeal",
     "The club said he would play on Sunday."),
    ("Suspension bridge reopens to traffic",
     "The bridge carries imports of building materials to the island."),
    ("Exchange lifts suspension on shares of fruit importer",
     "Trading resumed on Tuesday."),
    ("Province lifts suspension of poultry movements after bird flu",
     "Farmers welcomed the decision."),
    ("Council lifts suspension of mayor",
     "The mayor returned to work on Monday."),
    ("Airline lifts suspension of flights to island",
     "Tourists welcomed the news."),
    ("Bank lifts suspension of card payments after outage",
     "Customers could pay again on Monday."),
    ("School lifts suspension of two students",
     "Parents welcomed the decision."),
    ("League lifts suspension on coach",
     "He returns for the derby."),
    ("Mine lifts suspension of work after safety checks",
     "Workers returned on Tuesday."),
]


@pytest.mark.parametrize(("title", "body"), IMPORT_SUSPENSIONS_BY_NOUN)
def test_an_import_suspension_told_by_its_noun_is_a_measure(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


@pytest.mark.parametrize(("title", "body"), SUSPENSIONS_OF_OTHER_THINGS)
def test_suspensions_of_other_things_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


# Principle 73: duties only left unpaid by smugglers or evaders are the ordinary tax, and a
# customs "key control list" of vessels is closer checking at home (dev-1264): a smuggling case
# of ordinary goods is no measure; duties of a measure evaded, and the regime's lists, stay.
DUTIES_EVADED_AND_KEY_LISTS = [
    ("Customs bust fuel oil smuggling ring",
     "The gang sold fuel to fishing boats without paying import duties, customs said on "
     "Thursday. Customs put a number of vessels and companies on a key control list for closer "
     "inspection."),
    ("Police bust frozen meat smuggling gang",
     "The gang sold the meat to restaurants without paying customs duties, police said on "
     "Monday. Customs said the gang evaded import duties of about 20 million yuan."),
    ("Customs crack down on sugar smuggling",
     "Smugglers brought in sugar by sea without paying import duties, customs said on Friday. "
     "Customs added 30 vessels to a key supervision list."),
    ("Gang jailed for evading customs duties on luxury watches",
     "The gang evaded customs duties by under-reporting prices, the court said on Friday. The "
     "gang avoided paying import duties on 400 watches."),
    ("Traders fined for dodging import duties on cosmetics",
     "The traders dodged import duties by posting goods as gifts, customs said on Monday. "
     "Customs said evasion of customs duties had risen."),
    ("Customs put fishing vessels on key control list",
     "Customs put 40 fishing vessels on a key control list for closer inspection, it said on "
     "Monday. Vessels on the key control list will be boarded more often."),
    ("Port adds trucks to key inspection list",
     "The port added 200 trucks to a key inspection list, customs said on Monday. Trucks on the "
     "key inspection list will be checked more often."),
    ("Smugglers of seafood caught without paying import duties",
     "The smugglers sold seafood without paying import duties, customs said on Tuesday. They "
     "evaded duties of about 5 million yuan."),
    ("Customs bust car smuggling ring",
     "The ring sold cars without paying import duties, customs said on Wednesday. Customs put "
     "12 companies on a key monitoring list."),
    ("Court jails cigarette smugglers for evading taxes",
     "The smugglers evaded taxes of 3 million yuan, the court said on Friday. They sold the "
     "cigarettes without paying import duties."),
]
MEASURES_NEXT_TO_EVASION = [
    ("Firms evade anti-dumping duties by routing steel through Vietnam",
     "The firms evaded anti-dumping duties on Chinese steel, US customs said on Monday."),
    ("US fines importer for evading duties on Chinese plywood",
     "The importer evaded duties on Chinese plywood, customs said on Monday."),
    ("China adds US firms to export control list",
     "China added 12 US firms to its export control list on Monday, the Ministry of Commerce "
     "said."),
    ("Customs bust antimony smuggling ring",
     "The gang smuggled antimony out of the country, evading export controls, customs said on "
     "Monday."),
    ("China imposes tariffs on US goods",
     "China imposed tariffs on US goods on Monday; importers must pay the duties."),
    ("China adds firms to unreliable entity list",
     "China added three US firms to its unreliable entity list on Monday."),
    ("Smugglers of gallium caught at border",
     "Customs caught smugglers of gallium on Monday, in breach of export controls."),
    ("EU imposes anti-dumping duties on Chinese tires",
     "The EU imposed anti-dumping duties on Chinese tires on Monday."),
    ("China's control list adds 28 US entities",
     "The Ministry of Commerce added 28 US entities to the export control list on Thursday."),
    ("Customs seize dual-use items misdeclared for export",
     "Customs said on Monday it seized dual-use items misdeclared to evade export controls."),
]


@pytest.mark.parametrize(("title", "body"), DUTIES_EVADED_AND_KEY_LISTS)
def test_duties_left_unpaid_and_key_control_lists_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), MEASURES_NEXT_TO_EVASION)
def test_duties_of_a_measure_evaded_and_the_regimes_lists_stay_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# Principle 74: what is sold and to whom says whether goods leave: homes, bonds, tickets sold to
# foreigners, a drug sold to a country's patients, pandas sent to a zoo abroad, and permits for
# drone shows are no export licence; permission to sell goods to a country or its firms stays.
SALES_THAT_EXPORT_NOTHING = [
    ("Regulator grants approval to sell cancer drug to Chinese patients",
     "The company said on Tuesday it had won approval to sell the drug to Chinese patients."),
    ("City gives permission to sell homes to foreign buyers",
     "The city said on Monday developers had permission to sell new homes to foreign buyers."),
    ("Firm wins approval to sell bonds to Japanese investors",
     "The company said on Wednesday it had won approval to sell bonds to Japanese investors."),
    ("Zoo gets permission to send pandas to US zoo",
     "Officials said on Monday they had given permission to send two pandas to the US zoo."),
    ("City grants permits for drone shows",
     "The city said on Friday it had granted permits for drone shows over the river. Permits "
     "for drone shows will be required from next month."),
    ("Developer gets approval to sell apartments to foreign buyers",
     "The developer said on Monday it had approval to sell apartments to foreign buyers."),
    ("Bank wins permission to sell shares to US investors",
     "The bank said on Friday it had permission to sell shares to US investors."),
    ("Club gets permission to sell tickets to Japanese fans",
     "The club said on Monday it had permission to sell tickets to Japanese fans."),
    ("Agency gets permission to sell tours to Chinese tourists",
     "The agency said on Monday it had permission to sell tours to Chinese tourists."),
    ("Park wins permits for fireworks displays",
     "The park said on Monday it had won permits for fireworks displays in summer. Permits for "
     "the fireworks displays were granted by the city."),
    ("Drugmaker wins approval to sell vaccine to Japanese patients",
     "The company said on Monday it had approval to sell the vaccine to Japanese patients."),
]
SALES_OF_GOODS_ABROAD = [
    ("US chipmakers get green light to sell H20 to China again",
     "The Commerce Department said on Monday it would grant licences to sell the chips to China."),
    ("Nvidia wins approval to sell chips to Chinese firms",
     "The Commerce Department granted the export licences on Monday, the company said."),
    ("China grants permission to ship gallium to US buyers",
     "The Ministry of Commerce said on Monday it granted licences to ship gallium to US buyers."),
    ("Dutch firm gets permission to sell machines to customers in China",
     "The firm said on Monday it had a licence to sell its machines to customers in China."),
    ("China approves export licences for rare earth magnets",
     "The Ministry of Commerce said on Monday it approved export licences for magnets."),
    ("Firm wins approval to send drones to US",
     "The firm said on Monday it had approval to send drones to US buyers under export "
     "licences."),
    ("Japan grants licences to sell chip tools to China",
     "Japan granted licences on Monday to sell chip tools to China."),
    ("China bars firms from selling dual-use items to US",
     "China barred firms on Monday from selling dual-use items to US defense firms."),
    ("Government gives approval to ship drones to Japanese buyers",
     "The trade ministry said on Monday it would license drone exports to Japan."),
    ("US restricts sales of AI chips to China",
     "The US restricted sales of AI chips to China on Monday, the Commerce Department said."),
]


@pytest.mark.parametrize(("title", "body"), SALES_THAT_EXPORT_NOTHING)
def test_sales_of_what_does_not_leave_and_event_permits_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), SALES_OF_GOODS_ABROAD)
def test_permission_to_sell_goods_to_a_country_stays_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# The twenty-ninth pass (rules29rel): probes in the style of everyday news, relevant ones told
# loosely and unrelated near-misses of the same shapes (lists, halts, licences, bans, purchases
# that are no state's trade measure). Principles 75 to 79, one test each, then all probes.
def test_a_list_told_by_its_effect_on_trade_is_a_control_list():
    # principle 75
    keep, reason = relevance(news(
        "Beijing puts 15 American defense contractors on restricted list",
        "The move follows new arms sales to Taiwan, officials said."))
    assert keep, reason
    keep, reason = relevance(news("Bank adds Chinese stocks to restricted list for staff",
                                  "A bank added several Chinese stocks to its restricted list on "
                                  "Monday, barring employees from trading them."))
    assert not keep, reason


def test_a_states_halt_of_purchases_of_a_countrys_goods_is_a_measure():
    # principle 76
    keep, reason = relevance(news("China suspends purchases of Japanese seafood",
                                  "The halt takes effect immediately, officials said."))
    assert keep, reason
    keep, reason = relevance(news(
        "Chinese buyers pause purchases of Brazilian soybeans as prices rise",
        "Chinese crushers paused purchases of Brazilian soybeans on Tuesday as prices climbed."))
    assert not keep, reason


def test_export_quotas_wto_cases_and_limits_on_shipments_are_measures():
    # principle 77
    for title, body in [
            ("China trims fertilizer export quotas", "Traders said on Monday supplies were tight."),
            ("US files WTO case over Chinese limits on raw materials",
             "The United States filed a case at the WTO on Tuesday."),
            ("Netherlands tightens rules on ASML machines sold to China",
             "The Dutch government announced the change on Friday.")]:
        keep, reason = relevance(news(title, body))
        assert keep, reason
    for title, body in [
            ("Professor presents case study at WTO forum",
             "A Chinese professor presented a case study on e-commerce at a WTO public forum on "
             "Tuesday."),
            ("Canada tightens rules on homes sold to Chinese buyers",
             "Canada tightened rules on Monday on homes sold to Chinese buyers and other "
             "foreigners."),
            ("Typhoon blocks deliveries to Japan",
             "A typhoon blocked deliveries to Japan on Monday, shipping firms said.")]:
        keep, reason = relevance(news(title, body))
        assert not keep, reason


def test_a_countermeasure_told_by_its_consequence_is_a_measure():
    # principle 78
    keep, reason = relevance(news("China names 7 Japanese firms it bars from receiving goods",
                                  "The firms were linked to Japan's military buildup."))
    assert keep, reason
    keep, reason = relevance(news("Trader barred from trading in China's stock market",
                                  "A trader was barred from trading in China's stock market "
                                  "for life on Monday for manipulating shares."))
    assert not keep, reason


def test_a_states_management_of_exports_is_its_control():
    # principle 79
    keep, reason = relevance(news("China says it will keep managing exports of drone parts",
                                  "A spokesperson for the Ministry of Commerce said on Thursday "
                                  "that China will continue to manage exports of drone "
                                  "components to prevent military use."))
    assert keep, reason
    for title, body in [
            ("Logistics firm manages exports for small businesses",
             "A Shenzhen logistics firm said on Monday it manages exports for 2,000 small "
             "businesses."),
            ("企业出口部门加强审批流程", "某企业表示，已优化内部出口部门的报销审批流程。")]:
        keep, reason = relevance(news(title, body))
        assert not keep, reason


LOOSELY_TOLD_MEASURES_29 = [
    ('China adds 12 US firms to list restricting their trade',
     'China on Thursday added 12 US companies to a list that bars them from trading with Chinese '
     'firms, the Ministry of Commerce said. The firms sold weapons to Taiwan, the ministry said.'),
    ('Beijing puts 15 American defense contractors on restricted list',
     'Beijing put 15 US defense contractors on a list that restricts their dealings with Chinese '
     'companies on Wednesday. The move follows new arms sales to Taiwan.'),
    ('China names 7 Japanese firms it bars from receiving goods',
     'China on Monday named seven Japanese companies that may no longer receive Chinese goods '
     "with military uses. The firms were linked to Japan's military buildup."),
    ('China blacklists US drone makers over Taiwan arms sales',
     'China blacklisted five US drone makers on Friday, barring them from importing or exporting '
     'with China. The commerce ministry said the firms harmed national security.'),
    ('中方将10家美国企业列入清单',
     '商务部12日宣布，将10家美国企业列入清单，禁止其从事与中国有关的进出口活动。这些企业参与对台军售。'),
    ('商务部将7家美国实体纳入限制名单',
     '商务部表示，将7家美国实体纳入名单，禁止向其出口两用物项。'),
    ('China restricts dealings with 28 US entities',
     'China said on Thursday it would prohibit exports of dual-use items to 28 US entities. The '
     'list includes defense companies.'),
    ('China targets US firms in retaliation over chip curbs',
     'China on Tuesday barred several US companies from doing business in China in response to '
     "Washington's latest chip restrictions. The companies will be banned from investing in "
     'China.'),
    ("Spokesperson: China's controls on rare earths not aimed at any country",
     "A Commerce Ministry spokesperson said on Thursday that China's management of rare earth "
     'exports is not targeted at any specific country. Compliant applications will be approved, '
     'she said.'),
    ('MOFCOM responds to question on gallium shipments',
     'Asked about shipments of gallium to the US, a Ministry of Commerce spokesperson said on '
     'Thursday that China handles applications in accordance with the law. Civilian uses are '
     'approved, he said.'),
    ('外交部：中方管控物项出口符合国际惯例',
     '外交部发言人在例行记者会上表示，中方依法对相关物项出口实施管理，符合国际通行做法。'),
    ('商务部回应镓锗出口问题',
     '商务部新闻发言人表示，中方对镓、锗相关物项的出口依法依规审批，合规申请将予以许可。'),
    ('Spokesperson says China will review applications for graphite exports',
     "China's commerce ministry spokesperson said on Thursday that exporters of graphite need to "
     'apply and that applications meeting the rules will be approved.'),
    ('China says it will keep managing exports of drone parts',
     'A spokesperson for the Ministry of Commerce said on Thursday that China will continue to '
     'manage exports of drone components to prevent military use.'),
    ('US bars Nvidia from selling advanced chips to China',
     'The US government on Monday barred Nvidia from selling its most advanced AI chips to '
     'Chinese customers. China said the move disrupts supply chains.'),
    ('Netherlands tightens rules on ASML machines sold to China',
     'The Dutch government said on Friday that ASML would need government permission to ship '
     'more of its chipmaking machines to China.'),
    ('Japan expands list of chipmaking tools needing approval to ship abroad',
     "Japan's trade ministry said on Tuesday that 23 more types of chipmaking tools will need "
     'approval before they can be shipped abroad. China criticised the move.'),
    ('US widens curbs on AI chip sales to China',
     'Washington on Monday widened its restrictions on sales of AI chips to China, adding more '
     'products. Beijing said it firmly opposes the move.'),
    ('South Korea limits shipments of battery technology to China',
     'South Korea on Wednesday limited shipments of battery technology to China, requiring '
     'government review of sales.'),
    ('美国限制向中国出售先进芯片',
     '美国商务部周一宣布，限制英伟达向中国出售先进人工智能芯片。中方表示坚决反对。'),
    ('EU weighs curbs on sales of chip equipment to China',
     'The European Union is considering limits on sales of chip equipment to China, officials '
     'said on Tuesday.'),
    ('China tells buyers to halt purchases of US soybeans',
     'Chinese state buyers were told on Monday to halt purchases of US soybeans, traders said, '
     'after Washington raised tariffs. Cofco has stopped booking cargoes.'),
    ('Chinese importers ordered to stop buying Australian coal',
     'Chinese power plants and importers were ordered to stop buying Australian coal, traders '
     'said on Tuesday. Beijing has not officially confirmed the order.'),
    ('China suspends purchases of Japanese seafood',
     'China on Thursday suspended purchases of all Japanese seafood, citing the discharge of '
     'treated water from Fukushima. Customs officials said the halt takes effect immediately.'),
    ('中国暂停采购美国大豆',
     '据悉，中国有关部门已要求国有企业暂停采购美国大豆。这一决定是对美方加征关税的回应。'),
    ('Beijing halts buying of Canadian canola',
     'Beijing has halted buying of Canadian canola, state firms said on Monday, as the dispute '
     'with Ottawa deepens.'),
    ('China stops buying Lithuanian goods amid Taiwan row',
     'Chinese customs stopped clearing goods from Lithuania on Monday after the country allowed '
     'a Taiwan office. Lithuanian exporters said shipments were blocked.'),
    ('China instructs state firms to pause US LNG purchases',
     'Chinese state energy firms were instructed on Tuesday to pause purchases of US liquefied '
     'natural gas, sources said.'),
    ('Rare earth exporters now need government sign-off',
     'Chinese exporters of rare earth magnets now need a government sign-off for every shipment '
     'abroad, under rules that took effect on Tuesday.'),
    ('Graphite shipments now require permits from Beijing',
     'Shipments of graphite from China now require permits from the commerce ministry, effective '
     'Friday. Battery makers abroad are worried.'),
    ('China to require approval for sending drone parts overseas',
     'China said on Friday that sending certain drone parts overseas would require approval from '
     'the commerce ministry from next month.'),
    ('出口稀土磁体须经审批',
     '自本周起，稀土磁体出口须经商务部审批，企业需提交最终用户证明。'),
    ('China bars companies from selling battery technology abroad',
     'China on Monday barred companies from selling advanced battery cathode technology abroad, '
     'adding it to a catalogue of technologies that may not be sold to foreign buyers.'),
    ('Beijing forbids transfer of rare earth processing know-how overseas',
     'Beijing forbade the transfer of rare earth extraction and separation technology overseas '
     'on Thursday, the commerce ministry said.'),
    ('China prohibits exporting gallium extraction technology',
     'China prohibited exporting technology for gallium extraction on Friday, listing it among '
     'technologies barred from leaving the country.'),
    ('中国禁止向境外转让稀土提炼技术',
     '商务部、科技部发布公告，将稀土提炼、加工技术列入禁止出口限制出口技术目录，禁止向境外转让。'),
    ('US defense firms barred from China business',
     'Three US defense firms can no longer do business in China after being targeted by Beijing '
     'on Monday over arms sales to Taiwan. Their assets in China will be frozen.'),
    ('China freezes assets of US arms makers',
     'China on Friday froze the assets of six US arms makers in China and banned their '
     'executives from entering the country, in response to arms sales to Taiwan.'),
    ('中方对美国军工企业采取反制措施',
     '外交部宣布，对参与对台军售的美国军工企业采取反制措施，冻结其在华动产和不动产。'),
    ('China cuts export quota for rare earths',
     'China on Friday cut its first batch of rare earth export quotas by 20 percent, the '
     'ministry said.'),
    ('China trims fertilizer export quotas',
     'China trimmed quotas for urea exports on Monday, traders said, as Beijing moves to secure '
     'domestic supplies.'),
    ('中国削减化肥出口配额',
     '有关部门近日下调了尿素出口配额，以保障国内供应。'),
    ('EU takes China to WTO over rare earth curbs',
     'The European Union filed a complaint at the World Trade Organization on Monday over '
     "China's restrictions on rare earth exports."),
    ('US files WTO case over Chinese limits on raw materials',
     'The United States filed a case at the WTO on Tuesday challenging Chinese limits on '
     'shipments of raw materials.'),
    ('中方在世贸组织起诉美国芯片措施',
     '中方就美国芯片出口管制措施在世贸组织提起诉讼。商务部表示，美方做法违反世贸规则。'),
    ("Japan raises China's magnet restrictions at WTO",
     "Japan raised China's restrictions on magnet shipments at a WTO council meeting on Thursday."),
    ('China restricts sales of drones to foreign militaries',
     'China said on Thursday it would restrict sales of drones and parts to foreign military '
     'users from September.'),
    ('China halts shipments of antimony to the US',
     'China on Tuesday halted shipments of antimony to the United States, the commerce ministry '
     'said.'),
    ('Beijing blocks rare earth magnet deliveries to US defense firms',
     'Beijing has blocked deliveries of rare earth magnets to US defense contractors, the '
     'commerce ministry said on Thursday.'),
    ('China bans sales of gallium to US buyers',
     'China on Tuesday banned sales of gallium and germanium to US buyers, the ministry said.'),
    ("China stops rare earth technicians' know-how leaving",
     'China restricted exports of rare earth technology on Monday.'),
    ('China retaliates against Canada with duties on canola',
     'China imposed duties of 100 percent on Canadian canola oil on Saturday in retaliation for '
     "Canada's levies on Chinese electric vehicles."),
    ('China tightens scrutiny of lithium battery shipments abroad',
     'China tightened scrutiny of lithium battery shipments abroad on Thursday, requiring '
     'exporters to register.'),
    ('中国暂停向日本出口两用物项',
     '商务部宣布，即日起禁止向日本军事用户出口所有两用物项。'),
    ('US puts more Chinese chip firms on trade blacklist',
     'The US on Monday put 140 Chinese chip companies on a trade blacklist, requiring suppliers '
     'to get licences before selling to them.'),
    ('US adds Chinese firms to list requiring licenses',
     'Washington on Tuesday added 25 Chinese companies to a list that requires US suppliers to '
     'obtain licences before shipping to them.'),
    ('China pauses approvals for rare earth exports to India',
     'China has paused approvals for rare earth magnet shipments to India, officials said on '
     'Friday.'),
]
NEAR_MISSES_29 = [
    ('Shanghai adds 12 restaurants to Michelin list',
     'The Michelin Guide on Thursday added 12 Shanghai restaurants to its list. Three got their '
     'first star.'),
    ('Fortune adds 15 Chinese firms to Global 500 list',
     'Fifteen Chinese companies were added to the Fortune Global 500 list on Tuesday. State Grid '
     'ranked third.'),
    ('UNESCO adds Chinese sites to World Heritage list',
     'Two Chinese sites were added to the World Heritage list on Friday.'),
    ('Regulator puts 20 apps on list of illegal data collectors',
     "China's internet regulator on Monday put 20 apps on a list of those collecting user data "
     'illegally. The apps must fix the problems.'),
    ('商务部公布老字号企业名单',
     '商务部公布第三批中华老字号名单，共有388家企业入选。'),
    ('Ministry names 100 firms on list of innovative SMEs',
     'The Ministry of Industry named 100 companies on a list of specialised and innovative small '
     'firms on Wednesday.'),
    ('Court adds 300 debtors to list barring luxury spending',
     'A Beijing court added 300 debtors to a list that bars them from flying and buying luxury '
     'goods on Monday.'),
    ('Airline puts unruly passengers on no-fly list',
     'An airline on Thursday put five unruly passengers on its no-fly list.'),
    ('Chinese shoppers halt purchases of luxury handbags',
     'Chinese shoppers have halted purchases of luxury handbags as the economy slows, analysts '
     'said on Monday.'),
    ('Cofco halts purchases of corn as storage fills',
     'Cofco halted purchases of domestic corn on Monday because its storage was full, traders '
     'said.'),
    ('Chinese buyers pause purchases of Brazilian soybeans as prices rise',
     'Chinese crushers paused purchases of Brazilian soybeans on Tuesday as prices climbed and '
     'crush margins turned negative.'),
    ('Restaurant chain stops buying salmon after price jump',
     'A Chinese restaurant chain said on Monday it stopped buying Norwegian salmon after prices '
     'jumped 30 percent.'),
    ('中国消费者减少购买进口奶粉',
     '调查显示，中国消费者越来越多地选择国产奶粉，进口奶粉销量下降。'),
    ('Hospital halts purchases of medical masks',
     'A hospital in Wuhan halted purchases of masks on Tuesday because it had enough stock.'),
    ('Coffee chain stops buying beans from supplier over quality',
     'The coffee chain said on Friday it stopped buying beans from a Yunnan supplier after '
     'quality tests failed.'),
    ('Airline halts Boeing jet purchases as demand slumps',
     'A Chinese airline said on Monday it had paused purchases of new jets as travel demand '
     'slumped.'),
    ('Beijing issues more licences for robotaxis',
     'Beijing issued licences to 30 more robotaxis on Tuesday, allowing them to carry passengers '
     'on city roads.'),
    ('China grants game approvals to 130 titles',
     "China's press regulator granted approvals to 130 online games on Friday, including 15 "
     'imported titles.'),
    ('Shanghai requires permits for street food vendors',
     'Shanghai will require street food vendors to hold permits from next month, the city said '
     'on Monday.'),
    ('Regulator approves new cancer drug for sale',
     "China's drug regulator approved a new lung cancer drug on Thursday."),
    ('City needs sign-off for rooftop solar installations',
     'Homeowners in Hangzhou now need a sign-off from the city before installing rooftop solar '
     'panels, officials said on Monday.'),
    ('深圳发放无人驾驶出租车牌照',
     '深圳市交通局向多家企业发放了无人驾驶出租车运营牌照。'),
    ('China issues 5G licences to operators',
     'China issued commercial 5G licences to four operators on Thursday.'),
    ('Beijing bars companies from selling tickets above face value',
     'Beijing on Monday barred companies from selling concert tickets above face value, the '
     'market regulator said.'),
    ('China bans sales of e-cigarette flavours',
     'China banned sales of flavoured e-cigarettes on Tuesday, the tobacco authority said.'),
    ('City bans sales of fireworks during festival',
     'Guangzhou banned sales of fireworks during the Spring Festival on Monday.'),
    ('Platform bars merchants from selling counterfeit goods',
     'An e-commerce platform on Monday barred merchants from selling counterfeit goods, removing '
     '3,000 listings.'),
    ('China stops schools from selling uniforms at high prices',
     "China's education ministry on Friday stopped schools from selling uniforms at inflated "
     'prices.'),
    ('Province bans fishing in Yangtze for ten years',
     'The province banned fishing on the Yangtze for ten years on Monday to protect species.'),
    ('禁止向未成年人销售电子烟',
     '国家烟草专卖局表示，禁止向未成年人销售电子烟。'),
    ('Regulator bars brokers from selling risky products to retail investors',
     'The securities regulator on Tuesday barred brokers from selling risky derivatives to '
     'retail investors.'),
    ('Firm stops selling old phones abroad after new model launch',
     'Xiaomi stopped selling its older phone models abroad on Monday after launching a new '
     'series, the company said.'),
    ('Carmaker halts sales of model in Europe over recall',
     'BYD halted sales of a model in Europe on Tuesday while it recalls cars to fix a software '
     'flaw.'),
    ('Chinese firm licenses battery technology to Ford',
     'CATL licensed its battery technology to Ford on Monday for a plant in Michigan.'),
    ('China restricts use of foreign software in government offices',
     'China told government offices on Monday to stop using some foreign software, officials '
     'said.'),
    ('China cuts coal production quota for mines',
     'China cut production quotas for coal mines in Shanxi on Thursday, citing safety concerns.'),
    ('City lowers car licence plate quota',
     'Beijing lowered its quota of new car licence plates for next year, the city said on Monday.'),
    ('University cuts enrolment quota for foreign students',
     'A university cut its enrolment quota for foreign students on Monday.'),
    ('China trims quota for fishing in South China Sea',
     'Fishing quotas were trimmed on Monday as the summer fishing moratorium begins.'),
    ('中国下调稀土开采指标',
     '工信部下达今年第一批稀土开采总量控制指标，较去年下降。'),
    ("WTO chief praises China's role in trade system",
     "WTO Director-General Ngozi Okonjo-Iweala praised China's contribution to the multilateral "
     'trading system on Monday.'),
    ('China hosts WTO workshop on e-commerce',
     'China hosted a WTO workshop on e-commerce in Beijing on Tuesday for officials from '
     'developing countries.'),
    ('Chinese scholar elected to WTO appellate panel',
     'A Chinese law professor was elected to a WTO dispute panel pool on Friday.'),
    ('Spokesperson: China welcomes foreign tourists',
     'A foreign ministry spokesperson said on Thursday China welcomes foreign tourists and will '
     'extend visa-free entry.'),
    ('MOFCOM spokesperson says consumption grew in October',
     'A Ministry of Commerce spokesperson said on Thursday that retail sales grew 3 percent in '
     'October.'),
    ('商务部：举办消费促进月活动',
     '商务部新闻发言人表示，将举办全国消费促进月活动，发放消费券。'),
    ('Spokesperson says China will manage panda loans',
     'A spokesperson said on Thursday China will continue to manage panda loans with foreign '
     'zoos.'),
    ('Club barred from transfers after unpaid wages',
     'The Chinese Football Association barred a club from signing players on Monday after it '
     'failed to pay wages.'),
    ('Athletes frozen out of competition after doping',
     'Three athletes were banned from competition for four years on Tuesday after failing doping '
     'tests.'),
    ('Court freezes assets of developer',
     'A court froze assets of a property developer on Monday after creditors sued.'),
    ('Police freeze accounts of online scam ring',
     'Police froze 200 bank accounts used by an online scam ring on Thursday.'),
    ('Typhoon holds up cargoes at Shanghai port',
     'A typhoon held up cargoes at Shanghai port on Monday, disrupting container shipments.'),
    ('Customs seize fake handbags at Shenzhen border',
     'Customs officers seized 3,000 fake handbags at a Shenzhen border crossing on Tuesday.'),
    ('Shipping firm suspends Red Sea route',
     'A shipping company suspended sailings through the Red Sea on Monday over security concerns.'),
    ('Chinese firm stops selling products to Europe over weak demand',
     'A Chinese solar maker stopped shipping panels to Europe on Monday because of weak demand, '
     'the company said.'),
    ("Japan tightens rules on foreign students' work hours",
     "Japan tightened rules on foreign students' working hours on Monday."),
    ('US bars TikTok from government phones',
     'The US barred TikTok from government phones on Monday.'),
    ('EU bans sales of new petrol cars from 2035',
     'The EU confirmed on Tuesday a ban on sales of new petrol cars from 2035.'),
    ('Australia restricts sales of vapes to pharmacies',
     'Australia restricted sales of vapes to pharmacies on Monday.'),
    ('Singapore requires approval for new condo sales',
     'Singapore now requires developers to get approval before selling condos, officials said on '
     'Monday.'),
    ('China restricts sales of sleeping pills',
     "China's drug regulator restricted sales of some sleeping pills on Monday, requiring a "
     'prescription.'),
    ('中方暂停与某国足球交流',
     '中国足协暂停与该国足协的交流活动。'),
    ('Supermarket pulls imported milk over safety test',
     'A supermarket chain pulled a brand of imported milk from its shelves on Monday after a '
     'safety test failed.'),
    ('Bank adds Chinese stocks to restricted list for staff',
     'A bank added several Chinese stocks to its restricted list on Monday, barring employees '
     'from trading them.'),
    ('Parents told to stop buying Japanese baby formula after recall',
     'Parents were told on Monday to stop buying a Japanese baby formula after a recall over '
     'contamination.'),
    ('Professor presents case study at WTO forum',
     'A Chinese professor presented a case study on e-commerce at a WTO public forum on Tuesday.'),
    ("Trader barred from trading in China's stock market",
     "A trader was barred from trading in China's stock market for life on Monday for "
     'manipulating shares.'),
    ('Carmaker plans to transfer battery technology to its overseas plant',
     'The carmaker said on Monday it would transfer battery technology overseas to its new plant '
     'in Hungary.'),
    ('Typhoon blocks deliveries to Japan',
     'A typhoon blocked deliveries to Japan on Monday, shipping firms said.'),
    ('Canada tightens rules on homes sold to Chinese buyers',
     'Canada tightened rules on Monday on homes sold to Chinese buyers and other foreigners.'),
    ('Logistics firm manages exports for small businesses',
     'A Shenzhen logistics firm said on Monday it manages exports for 2,000 small businesses.'),
    ('Club cuts quota for foreign players',
     'The league cut its quota for foreign players on Monday.'),
    ("Court freezes developer's assets in China",
     "A court froze a developer's assets in China on Monday over unpaid debts."),
    ('禁止向未成年人出售烟花',
     '公安部门提醒，禁止向未成年人出售烟花爆竹。'),
    ('企业出口部门加强审批流程',
     '某企业表示，已优化内部出口部门的报销审批流程。'),
]


@pytest.mark.parametrize(("title", "body"), LOOSELY_TOLD_MEASURES_29)
def test_measures_told_loosely_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


@pytest.mark.parametrize(("title", "body"), NEAR_MISSES_29)
def test_near_misses_of_the_same_shapes_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


# principle 80: technology whose transfer out of the country is banned or restricted
TECHNOLOGY_TRANSFER_BARRED_30 = [
    ('Magnet makers study revised technology catalogue',
     'The ministries on Thursday released a revised list of technologies whose transfer out of '
     'China is banned or restricted. Magnet makers said their sales were not affected.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Battery firms weigh new rules on know-how',
     'Under the rules published on Friday, cathode processes may no longer be transferred '
     'abroad. Battery makers said they would review plans for plants in Europe.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Solar wafer makers say overseas plants unaffected',
     'Wafer-making techniques were added on Tuesday to the technologies whose transfer abroad is '
     'restricted. Managers said plants in Vietnam already had the know-how.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Lithium refiners eye overseas projects after rule change',
     'Lithium extraction technology can no longer be transferred overseas without approval, '
     'officials said on Monday. Refiners with projects in Argentina said they would apply.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Gallium refining know-how added to restricted list',
     'Know-how for refining gallium whose transfer out of the country is now restricted was '
     'listed on Wednesday. Analysts said foreign rivals would find it harder to catch up.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Drone makers take stock of revised catalogue',
     'Flight-control technologies whose transfer out of China is prohibited were added to the '
     'catalogue on Thursday. Drone makers said their exports of finished aircraft continue.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Engineers abroad face new questions',
     'Rare earth separation processes must not be transferred abroad, the rules released on '
     'Friday say. Companies that planned joint ventures in Malaysia said they would pause.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Graphite anode makers review licensing deals',
     'Graphite anode techniques may not be transferred overseas from Monday, under the revised '
     'catalogue. Several firms had planned projects in Morocco.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Carmakers weigh impact of catalogue revision',
     'Battery cathode technology whose transfer overseas is banned was added to the list on '
     'Thursday. Carmakers building plants in Hungary said they would check their contracts.'
     ' An industry association said the new rules would slow projects abroad.'),
    ('Ningbo factories shrug off catalogue change',
     'The revised catalogue released on Thursday says magnet-making processes may no longer be '
     'transferred out of China. Factory managers said orders for finished magnets were steady.'
     ' An industry association said the new rules would slow projects abroad.'),
]
TRANSFERS_THAT_ARE_NO_TECHNOLOGY_30 = [
    ('Expats face new rules on sending savings home',
     'Under new rules, savings of more than $50,000 may no longer be transferred abroad without '
     'a bank review, the central bank said on Monday.'),
    ("Star striker's transfer out of China is banned",
     "The league said on Friday that the striker's transfer out of China is banned until his "
     'contract dispute is settled.'),
    ('Tech firm says profits may not be transferred abroad',
     'A technology company said on Tuesday that profits from its local unit may not be '
     'transferred abroad until taxes are paid.'),
    ('Technology fair opens in Shenzhen',
     'A technology fair opened on Thursday. Organizers said exhibitors had transferred staff '
     'overseas to promote their robots.'),
    ('Bank limits transfers abroad for new accounts',
     'The bank said on Wednesday that new accounts may not be transferred abroad for 30 days.'),
    ('Patients may no longer be transferred abroad for treatment',
     'The health ministry said on Monday that patients may no longer be transferred abroad for '
     'surgery paid for by the state.'),
    ('Technology startup moves staff overseas',
     'The technology startup said on Friday it would transfer 40 engineers overseas to its new '
     'office in Singapore.'),
    ('Pension funds may not be transferred out of the country',
     'Pension savings may not be transferred out of the country, the regulator reminded savers '
     'on Tuesday.'),
    ('School process for overseas transfers simplified',
     'The admissions process for students who transfer abroad has been simplified, the '
     'university said on Monday.'),
    ('Embryos may no longer be transferred abroad',
     'Frozen embryos may no longer be transferred abroad, a fertility clinic said on Thursday.'),
]


@pytest.mark.parametrize(("title", "body"), TECHNOLOGY_TRANSFER_BARRED_30)
def test_technology_barred_from_transfer_abroad_is_an_export_control(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


@pytest.mark.parametrize(("title", "body"), TRANSFERS_THAT_ARE_NO_TECHNOLOGY_30)
def test_money_people_and_players_transferred_abroad_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


# principle 81: cultural relics and antiquities exported, imported or smuggled: heritage law
HERITAGE_NEAR_MISSES_30 = [
    ('Thirty cultural relics return home from Britain',
     'Thirty cultural relics smuggled out of the country were returned on Tuesday. Chinese law '
     'prohibits the export of cultural relics without approval, officials said.'),
    ('US returns Tang pottery seized in New York',
     'US authorities returned 12 antiquities on Monday under an agreement restricting imports '
     'of Chinese archaeological material. Customs officers handled the arrival.'),
    ('Museum displays bronzes repatriated from Japan',
     'Bronzes smuggled abroad in the 1990s went on display on Friday. The export of antiques '
     'made before 1949 is banned, the heritage administration said.'),
    ('Police break antiquities smuggling ring',
     'Police said on Wednesday they had broken a ring that smuggled antiquities out of the '
     'country through Hong Kong. Exports of cultural relics are prohibited.'),
    ('Auction house withdraws relics after export ban query',
     'An auction house withdrew three relics on Thursday after questions over whether they had '
     'been exported illegally. The ban on exporting cultural property applies to dealers.'),
    ('Fossil dealers face crackdown',
     'Authorities said on Monday that fossils may not be exported without a permit, after '
     'dinosaur eggs were smuggled abroad. Customs seized 40 fossils at the border.'),
    ('海关查获走私出境文物',
     '海关11日查获一批企图走私出境的文物，共计56件。依照法律，禁止出境的文物不得出口。'),
    ('流失海外文物回归',
     '一批流失海外的文物12日回归祖国。美国执法部门根据限制进口中国文物的谅解备忘录移交了这批文物。'),
    ('Consulate receives relics seized by US customs',
     'The consulate received 20 cultural objects on Tuesday that US customs had seized. A '
     'memorandum restricts imports of Chinese cultural property into the United States.'),
    ('Dealer jailed for exporting antiques',
     'A dealer was jailed on Friday for exporting antiques without approval. He had shipped '
     'Ming porcelain overseas hidden among modern copies.'),
]
MEASURES_BESIDE_HERITAGE_30 = [
    ('Customs seizes gallium and antiques in one week',
     'Customs said on Monday it had seized 2 tons of gallium smuggled without an export licence. '
     'Gallium exports have needed a licence since August 2023. Separately, officers found '
     "antique vases in a passenger's luggage."),
    ('China bans exports of rare earth technology to museum city firms',
     'China on Tuesday banned exports of rare earth extraction technology. The rules took effect '
     'immediately, the Ministry of Commerce said.'),
    ('Museum town hit by US tariffs',
     'Jingdezhen porcelain makers said on Monday that US tariffs of 145 percent had cut exports. '
     'Relic replicas are among the goods affected.'),
    ('China restricts exports of antimony',
     'China will restrict exports of antimony from Sept 15, the Ministry of Commerce said on '
     'Thursday. Antimony is used in ammunition.'),
    ('China suspends imports of Japanese seafood',
     'China suspended imports of all Japanese seafood on Thursday, customs said. Museum exhibits '
     'of fishing relics in Osaka were unaffected.'),
    ('Heritage city exporters apply for graphite licences',
     'Exporters in Datong applied for graphite export licences on Monday under the rules in '
     'force since December. The city is known for its Buddhist relics.'),
    ('商务部对镓锗实施出口管制',
     '商务部3日宣布，对镓、锗相关物项实施出口管制。文物出境管理另有规定。'),
    ('海关查获走私出口锑锭',
     '海关11日查获一批走私出口的锑锭，当事人未取得出口许可。'),
    ('China adds US firms to unreliable entity list',
     'China added 10 US firms to its unreliable entity list on Tuesday over arms sales to '
     'Taiwan. One firm also dealt in antiques.'),
    ('China imposes tariffs on US pickups',
     'China imposed a 10 percent tariff on US pickups on Monday. Imports of US vintage cars, '
     'some sold as antiques, also fall under the duty.'),
]


@pytest.mark.parametrize(("title", "body"), HERITAGE_NEAR_MISSES_30)
def test_relics_and_antiquities_under_heritage_law_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), MEASURES_BESIDE_HERITAGE_30)
def test_trade_measures_beside_relics_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


# principle 82: a state's measures against a foreign country's entities
MEASURES_AGAINST_FOREIGN_ENTITIES_30 = [
    ('日本企业关注中方新措施',
     '商务部29日宣布对20家日本实体采取措施。报道称，这是今年2月中方对40家日本实体采取类似措施后的又一批。'),
    ('美国军工企业再遭反制',
     '中方12日宣布对10家美国军工企业采取反制措施。外交部发言人表示，这些企业参与对台军售。'),
    ('日本经济界评估中方举措',
     '据日本媒体报道，中国商务部对一批日本企业实施相关措施。分析人士称，中方此前也曾对日本实体采取措施。'),
    ('欧洲企业关注中方对立陶宛措施',
     '欧洲商会表示，中国政府对立陶宛企业采取措施后，部分欧洲企业调整了供应链。商会称，中方对立陶宛实体采取措施影响了贸易。'),
    ('Japanese firms weigh impact of new batch',
     'China on Monday took measures against 20 Japanese entities linked to the military, '
     'Japanese media reported. Beijing took similar measures against 40 Japanese entities in '
     'February.'),
    ('Defense contractors shrug off Beijing move',
     'Beijing announced measures against 10 US defense contractors on Thursday. China took '
     'similar steps against US contractors last year.'),
    ('Taiwan arms sellers face fresh action',
     'China announced fresh action against several US companies on Friday over arms sales to '
     'Taiwan. China has taken measures against US firms several times before.'),
    ('Tokyo protests Chinese move',
     'The Chinese government took new measures against 12 Japanese companies on Tuesday, '
     'Japanese officials said. China took measures against Japanese firms in January too.'),
    ('台湾当局关注中方举措',
     '中方宣布对5家台湾企业采取惩戒措施。国台办表示，中方对台湾企业采取措施针对的是“台独”顽固分子关联企业。'),
    ('加拿大企业关注中方措施',
     '中国商务部宣布对3家加拿大公司采取措施。业内人士称，中方对加拿大企业采取措施是对其对华歧视的回应。'),
]
MEASURES_OF_NO_STATE_AGAINST_ENTITIES_30 = [
    ('学校采取措施应对流感',
     '学校对学生采取防疫措施。校方表示，已对食堂采取消毒措施。'),
    ('Hospital takes measures against flu',
     'The hospital took measures against flu on Monday. Staff were told to wear masks.'),
    ('公司对供应商采取整改措施',
     '该公司对部分供应商采取整改措施。公司表示，将对质量不合格企业采取措施。'),
    ('City takes steps against illegal parking',
     'The city took steps against illegal parking on Tuesday. Officials said fines would rise.'),
    ('Club takes action against fans',
     'The club took action against 20 fans on Friday after crowd trouble at the stadium.'),
    ('日本企业对员工采取措施',
     '多家日本企业对员工采取防暑措施。企业表示，将调整工作时间。'),
    ('Japanese firms take measures against heat',
     'Japanese companies took measures against heat on Monday, letting staff work from home.'),
    ('Bank takes steps against fraud',
     'The bank took steps against fraud on Wednesday, adding checks on transfers.'),
    ('政府对居民采取帮扶措施',
     '市政府对困难居民采取帮扶措施。政府表示，将对受灾家庭采取救助措施。'),
    ('China takes measures against floods',
     'China took measures against floods on Monday, moving 10,000 residents.'),
]


@pytest.mark.parametrize(("title", "body"), MEASURES_AGAINST_FOREIGN_ENTITIES_30)
def test_a_states_measures_against_foreign_entities_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


@pytest.mark.parametrize(("title", "body"), MEASURES_OF_NO_STATE_AGAINST_ENTITIES_30)
def test_measures_of_firms_schools_and_cities_keep_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


# principle 83: "the new requirement" refers back to the measure named
REQUIREMENT_REFERS_BACK_30 = [
    ('Dysprosium quotes jump as buyers wait',
     'Prices rose on Monday. Since Friday, exporters of dysprosium have needed a permit from the '
     'Ministry of Commerce. The new requirement should not be read as a halt, analysts said.'),
    ('European buyers plan for longer waits',
     'Buyers met on Tuesday. Since Friday, shipments of terbium abroad have needed a permit from '
     'the Ministry of Commerce. The requirement adds weeks to deliveries, a trader said.'),
    ('Magnet prices climb in Hamburg',
     'Quotes rose on Monday. Since Friday, exporters of samarium have needed a permit from the '
     'Ministry of Commerce. This requirement is familiar from gallium, an analyst said.'),
    ('Traders ask suppliers about delivery times',
     'Traders called suppliers on Wednesday. Since Monday, exporters of gallium have needed a '
     'permit from the Ministry of Commerce. That requirement covers all buyers, a trader said.'),
    ('Chip material buyers brace for delays',
     'Buyers met on Thursday. Since Tuesday, exporters of germanium have needed a permit from the '
     'Ministry of Commerce. The licensing requirement applies to every shipment, he said.'),
    ('Battery makers review paperwork',
     'Managers met on Monday. Since Friday, exporters of graphite have needed a permit from the '
     'Ministry of Commerce. These requirements are new for anode makers, a manager said.'),
    ('Antimony prices rise in Rotterdam',
     'Prices rose on Tuesday. Since Sunday, exporters of antimony have needed a permit from the '
     'Ministry of Commerce. The permit requirement slows deliveries, a trader said.'),
    ('Tungsten users stock up',
     'Users bought more on Friday. Since Wednesday, exporters of tungsten have needed a permit '
     'from the Ministry of Commerce. The new requirement is reasonable, an analyst said.'),
    ('Indium buyers check contracts',
     'Buyers met on Monday. Since Saturday, exporters of indium have needed a permit from the '
     'Ministry of Commerce. The requirement does not ban sales, a lawyer said.'),
    ('Bismuth traders wait for approvals',
     'Traders waited on Tuesday. Since Friday, exporters of bismuth have needed a permit from the '
     'Ministry of Commerce. Such requirements are common, an analyst said.'),
]
REQUIREMENTS_WITH_NO_MEASURE_30 = [
    ('Rotterdam prices rise',
     'Prices rose on Monday. Since Friday, port workers have needed a new pass. The new '
     'requirement slows shifts, a union said.'),
    ('Schools tighten entry',
     'Schools met on Tuesday. Since Monday, parents have needed a pass to enter. The requirement '
     'annoys families, a teacher said.'),
    ('Airline changes baggage rules',
     'Passengers complained on Friday. Since Wednesday, bags have needed a tag. This requirement '
     'is new, the airline said.'),
    ('Gym adds health check',
     'Members met on Monday. Since Saturday, members have needed a health form. The new '
     'requirement is for safety, the gym said.'),
    ('Bank requires new ID',
     'Customers queued on Tuesday. Since Monday, customers have needed a new ID card. That '
     'requirement is national, the bank said.'),
    ('Dysprosium magnet study published',
     'Researchers published a study on Monday. The magnet needs less dysprosium. The new '
     'requirement for terbium is lower, they said.'),
    ('Hotel asks guests for deposits',
     'Guests arrived on Friday. Since Thursday, guests have needed to pay a deposit. The '
     'requirement is common, the manager said.'),
    ('Marathon adds medical certificate',
     'Runners registered on Monday. Since Sunday, runners have needed a medical certificate. '
     'These requirements follow a collapse, organizers said.'),
    ('Library asks for registration',
     'Readers came on Tuesday. Since Monday, readers have needed to register online. Such '
     'requirements are common, the library said.'),
    ('Car park needs plate registration',
     'Drivers queued on Friday. Since Wednesday, drivers have needed to register plates. The new '
     'requirement cut queues, the operator said.'),
]


@pytest.mark.parametrize(("title", "body"), REQUIREMENT_REFERS_BACK_30)
def test_the_requirement_refers_back_to_the_measure(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


@pytest.mark.parametrize(("title", "body"), REQUIREMENTS_WITH_NO_MEASURE_30)
def test_a_requirement_with_no_measure_keeps_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


# principle 84: a 许可 named as a firm's is its licence to operate
FIRM_LICENCES_30 = [
    ('哈萨克斯坦暂停发放新的挖矿许可',
     '据哈萨克斯坦媒体报道，当局宣布暂停受理新的加密货币挖矿企业许可申请。已取得许可的企业须完成电网改造。'),
    ('某国暂停受理新的网约车企业许可申请',
     '据当地媒体报道，交通部门宣布暂停受理新的网约车企业许可申请，已取得许可的企业须完成车辆登记。'),
    ('越南暂停新设民办学校企业许可',
     '据越南媒体报道，教育部门暂停受理新的民办培训企业许可申请，已获许可的企业须接受检查。'),
    ('泰国收紧电子烟企业许可',
     '据泰国媒体报道，泰国暂停受理电子烟销售企业许可申请，违规企业将被吊销许可。'),
    ('柬埔寨暂停博彩企业许可申请',
     '据柬埔寨媒体报道，柬埔寨暂停受理新的网络博彩企业许可申请，已获许可的企业须在年底前整改。'),
    ('某市暂停受理共享单车企业许可申请',
     '市交通局宣布，暂停受理共享单车企业许可申请，已取得许可的企业须减少投放。'),
    ('马来西亚审查支付企业许可证',
     '据马来西亚媒体报道，央行暂停受理新的支付企业许可证申请，部分企业的许可将被吊销。'),
    ('菲律宾暂停离岸博彩企业许可',
     '据菲律宾媒体报道，菲律宾暂停离岸博彩企业许可申请，已获许可的企业将逐步退出。'),
    ('印尼暂停新的矿业企业许可申请',
     '据印尼媒体报道，印尼能矿部暂停受理新的矿业企业许可申请，已取得许可的企业须提交环评报告。'),
    ('老挝暂停加密货币企业许可',
     '据老挝媒体报道，老挝暂停受理加密货币挖矿企业许可申请，已获许可的企业须使用水电供电。'),
]
EXPORT_LICENCES_OF_FIRMS_30 = [
    ('商务部暂停受理相关企业出口许可申请',
     '商务部宣布，暂停受理相关企业对美国出口镓、锗的出口许可申请。已获许可的企业须报告最终用户。'),
    ('出口企业许可申请增加',
     '商务部表示，今年以来出口企业许可申请增加，两用物项出口许可审批依法进行。'),
    ('稀土出口企业获得许可',
     '多家稀土企业近日获得商务部颁发的出口许可。企业表示，出口许可申请审批顺利。'),
    ('商务部批准部分企业两用物项出口许可申请',
     '商务部新闻发言人表示，已依法批准部分企业的两用物项出口许可申请。'),
    ('锑企业首批出口许可落地',
     '湖南一家锑企业获得首批出口许可，企业负责人表示，出口许可申请材料准备了两个月。'),
    ('China suspends export licence applications from some firms',
     'China suspended export licence applications from some firms on Monday, the Ministry of '
     'Commerce said. Licences already granted remain valid.'),
    ('石墨企业出口许可审批提速',
     '商务部表示，石墨相关物项出口许可审批提速，符合规定的企业出口许可申请将予以批准。'),
    ('镓锗企业出口许可',
     '商务部9日表示，已向部分企业颁发镓、锗出口许可，企业出口许可申请数量增加。'),
    ('物项企业许可申请',
     '商务部表示，对两用物项企业许可申请依法审查，对美国军事用户的出口许可一律不予批准。'),
    ('企业出口许可证管理',
     '商务部、海关总署公告，对相关企业出口许可证实施管理，未取得出口许可的不得出口。'),
]


@pytest.mark.parametrize(("title", "body"), FIRM_LICENCES_30)
def test_a_firms_licence_to_operate_keeps_nothing(title, body):
    keep, reason = relevance(news(title, body))
    assert not keep, reason


@pytest.mark.parametrize(("title", "body"), EXPORT_LICENCES_OF_FIRMS_30)
def test_export_licences_of_firms_are_kept(title, body):
    keep, reason = relevance(news(title, body))
    assert keep, reason


@pytest.mark.parametrize("verb", ["curbed", "limited", "clamped down on", "reined in"])
def test_a_reporters_other_verbs_of_a_control_name_a_measure(verb):
    """Exports curbed, limited, clamped down on or reined in name a measure, as restricted
    exports do (pipelines.reading.CURBING_VERBS); the same sentence with exports rising does not."""
    assert measure_score("", f"On Thursday, China {verb} exports of graphite.") > 0
    assert measure_score("", "On Thursday, China's exports of graphite rose.") == 0


@pytest.mark.parametrize(("sentence", "named"), [
    ("Processors are looking for new buyers after the export of Japanese scallops to the "
     "Chinese mainland was stopped since August 24.", True),
    ("Exports of Japanese seafood to China were halted from Thursday.", True),
    ("Exports of scallops to China stopped growing last year as demand cooled.", False),
])
def test_an_import_halt_told_by_the_exporters_side(sentence, named):
    """A country's exports to China stopped from a day are China's import halt told from the
    exporter's side; exports that stopped growing are trade data."""
    assert (measure_score("", sentence) > 0) is named


def test_a_round_up_whose_one_measure_news_is_a_seizure_of_controlled_goods() -> None:
    """A customs round-up that tells goods of the regime carried out against the rules
    (违规携带…出境, "customs stopped a shipment … declared as …") tells an act of the regime, its
    actor opening the act's words: with the control it enforces named, the page is about it;
    seizures of frozen meat and ivory are not."""
    head = "海关2025年监管进出口货物总值创新高"
    lead = "记者从某海关获悉，该关全年监管进出口货物总值同比增长4%，通关效率持续提升。\n"
    control = "锑相关物项自2024年9月15日起被列入出口管制，未经许可不得出口。"
    seized = "其中，机场海关在出境渠道查获多起旅客违规携带锑锭出境案件。" + control + "\n"
    meat = "其中，该关查获走私冻品、象牙制品多批。\n"
    assert measure_score(head, lead + seized) >= 3
    assert measure_score(head, lead + meat) < 3
    assert _reports_regime_act("In April, Zhanjiang customs stopped a shipment of eight tonnes "
                               "of antimony ingots bound for a third country.")


def test_a_measures_suspension_refers_back_to_it() -> None:
    """Once a page has named a measure, "the suspension" (暂停期) refers back to it, as "the
    controls" do: a results page that tells the measure suspended and weighs what follows the
    suspension is about it."""
    body = ("The company reported a 9% rise in sales on Tuesday.\n"
            "China's export controls on graphite anode materials announced in October have been "
            "suspended until next November, and its purchases from Chinese suppliers are normal.\n"
            "Analysts said the outlook after the suspension period ends deserves attention.")
    assert measure_score("Battery maker's profit rises", body) >= 3
    assert measure_score("Battery maker's profit rises", body.rsplit("\n", 1)[0]) < 3


@pytest.mark.parametrize("sentence, controls", [
    # an army or rebels holding ground control a place, not goods (forty-fourth pass)
    ("Ethnic army controls area accounting for nearly half of global heavy rare earths "
     "production", False),
    ("The rebels now control the mining belt that produces heavy rare earths.", False),
    ("China controls rare earth exports to the United States.", True),
    ("China imposed export controls on rare earths in April.", True),
])
def test_control_of_ground_is_no_control_of_goods(sentence, controls):
    from pipelines.relevance import names_controlled_subject
    assert names_controlled_subject(sentence) is controls


def test_a_page_in_traditional_characters_is_judged_as_its_simplified_twin():
    title = "商務部宣布對鎵、鍺相關物項實施出口管制"
    body = "商務部新聞發言人表示，對相關物項實施出口管制是國際通行做法。"
    twin = news(to_simplified(title), to_simplified(body))
    assert relevance(news(title, body)) == relevance(twin)
    assert relevance(twin)[0]


def test_a_page_citing_only_a_customs_number_is_judged_by_its_words():
    """Customs numbers its announcements of every kind: a declaration-form notice citing
    海关总署2025年第151号 is no trade measure; a MOFCOM number keeps a page whatever its words."""
    forms = MeasureRef(id="GACC-2025-151", series="GACC", year=2025, number=151)
    notice = news("海关总署修订报关单填制规范",
                  "海关总署日前发布2025年第151号公告，修订报关单填制规范。", [forms])
    keep, reason = relevance(notice)
    assert not keep and "topic score" in reason
    tariffs = news("Tariff adjustments take effect", "Customs Announcement No. 219 of 2025 adjusts "
                   "import tariffs on US goods from Monday.", [forms])
    assert relevance(tariffs)[0]
    ref = MeasureRef(id="MOFCOM-2025-61", series="MOFCOM", year=2025, number=61)
    assert relevance(news("Weekly roundup", "Also: No. 61 of 2025.", [forms, ref])) == (
        True, "cites MOFCOM-2025-61")


def test_a_lead_telling_a_chinese_authority_acting_weighs_as_a_headline() -> None:
    """A video's caption: a headline with no measure word and one lead sentence telling MOFCOM
    listing US firms (forty-seventh pass) is news of that act; a lead telling only a foreign act,
    or the ministry's act as background, is not enough."""
    title = "5月20日，在新领导人上任当天，中国商务部一连发布两则公告"
    lead = ("5月20日，在新领导人上任当天，中国商务部一连发布两则公告，宣布将四家美国企业列入"
            "“不可靠实体清单”。这四家企业分别是甲公司、乙公司、丙公司和丁公司。")
    assert relevance(news(title, lead))[0]
    foreign = lead.replace("中国商务部", "美国商务部").replace("不可靠实体清单", "实体清单")
    assert not relevance(news(title, foreign))[0]


def test_a_page_of_figures_is_about_its_figures_not_the_measures_behind_them():
    """"Rare Earth Exports Hit Highest Level Since 2009" over a lead of tonnes, with "In April,
    Beijing implemented export restrictions …" three months back (fiftieth pass): the figures'
    background, a close call; the same page reporting an act of its week, or an act with no
    date, is kept."""
    from pipelines.relevance import rule_judgement
    title = "China's Rare Earths Exports Hit Highest Level Since 2009"
    lead = ("China exported 7,742 metric tonnes of rare earths last month, marking the highest "
            "peak since 2009, according to newly released customs data.\n")
    old = ("In April, Beijing implemented export restrictions on seven rare earth elements and "
           "magnets, in a move widely seen as a response to US tariffs.\n"
           "These restrictions raised concerns over supply chain disruptions in Europe.")
    page = news(title, lead + old)
    page.published = "2025-07-16"
    judged = rule_judgement(page)
    # (an act three months old in the body weighs as any sentence, fifty-fifth pass: the page
    # falls short of the score before it is read as figures)
    assert not judged.keep and judged.close_call, judged.reason
    recent = news(title, lead + old.replace("In April", "On July 2"))
    recent.published = "2025-07-16"
    assert rule_judgement(recent).keep
    headline = news("China's rare earth exports hit a record after export controls", lead + old)
    headline.published = "2025-07-16"
    assert rule_judgement(headline).keep


def test_a_control_list_of_strategic_goods_is_a_measure():
    """《2023年进出口(战略物品)规例(修订附表1及2)令》… 香港的战略物品管制清单将涵盖… (fiftieth
    pass): a strategic-goods control list amended is an export-control act, kept; a drugs
    control list is not one."""
    kept = news("进出口(战略物品)规例管制清单修订11月生效",
                "《2023年进出口(战略物品)规例(修订附表1及2)令》将于11月1日生效。修订令生效后，"
                "香港的战略物品管制清单将涵盖受《武器贸易条约》管制的物品。\n"
                "修订令同时把《规例》所载对进出口、转运及过境的管制扩展至受该条约涵盖的物品。")
    assert relevance(kept)[0]
    left = news("新一批毒品管制清单公布", "国家禁毒委公布新的毒品管制清单，新增多种物质。")
    assert not relevance(left)[0]


def test_imports_that_skyrocket_are_figures_too():
    """"U.S. Rare Earth Magnet Imports from China Skyrocket in June" (fiftieth pass): a headline
    of figures, like "hit a record"."""
    import re

    from pipelines.relevance import FIGURES_HEADLINE
    for title in ("U.S. Rare Earth Magnet Imports from China Skyrocket in June",
                  "China's gallium exports plummet", "Rare earth prices double in a month"):
        assert re.search(FIGURES_HEADLINE, title, re.IGNORECASE), title
    assert not re.search(FIGURES_HEADLINE, "China adds 28 US firms to export control list",
                         re.IGNORECASE)


def test_figures_told_by_growth_or_by_a_noun_of_movement():
    """"China's rare-earth exports grow 23% in May", "sharp fall in China's rare earth sales"
    (fifty-second pass): headlines of figures as much as "exports surge"; a headline about a
    measure's growth is not one."""
    import re

    from pipelines.relevance import FIGURES_HEADLINE
    for title in ("China's rare-earth exports grow 23% in May from April: customs data",
                  "New data shows sharp fall in China's rare earth sales to the US",
                  "Gallium exports up 12.5% in March", "Antimony output increased in 2024",
                  "A steep drop in magnet shipments to Europe"):
        assert re.search(FIGURES_HEADLINE, title, re.IGNORECASE), title
    for title in ("China's rare earth industry grows stronger", "Fall in love with magnets",
                  "Exporters face a fall in demand"):
        assert not re.search(FIGURES_HEADLINE, title, re.IGNORECASE), title


def test_an_old_act_in_the_lead_of_a_page_of_figures_is_their_background():
    """The lead of June's figures that also tells "In April, Beijing added key rare earth
    products to its export control list" (fifty-second pass): an act three months old is the
    figures' background wherever it stands, the lead included; the same act of the page's
    week still keeps the page."""
    from pipelines.relevance import rule_judgement
    title = "U.S. Rare Earth Magnet Imports from China Skyrocket in June"
    lead = ("China's rare earth magnet exports to the U.S. surged 660% in June, signaling a "
            "recovery after a trade-related export slowdown. In April, Beijing added key rare "
            "earth products to its export control list, a retaliatory move against increasing "
            "U.S. tariffs. Global shipments rose 157% month-over-month.")
    page = news(title, lead)
    page.published = "2025-07-21"
    judged = rule_judgement(page)
    assert not judged.keep and judged.close_call and judged.settled, judged.reason
    recent = news(title, lead.replace("In April", "On July 15"))
    recent.published = "2025-07-21"
    assert rule_judgement(recent).keep


def test_another_governments_measure_of_the_week_keeps_a_page_of_figures():
    """Figures of exports that rose, with "On September 6, the Dutch government announced that
    it will expand its export licence requirements …" four days before (fifty-second pass):
    another country's export control of the page's week is news, not the figures' background;
    the same announcement a year old is background."""
    from pipelines.relevance import rule_judgement
    title = "Exports of Dutch machinery increased in the first half of the year"
    lead = ("Exports of machinery and equipment rose 6.8 percent year on year in the first half, "
            "statistics released on Friday showed.\n")
    foreign = ("On September 6, the Dutch government announced that it will expand the export "
               "licence requirements on semiconductor manufacturing equipment to two more types "
               "of lithography machines.\nThe commerce ministry said it was dissatisfied with "
               "the export controls.\nExporters will need export licences for the machines, "
               "the Dutch trade ministry said.")
    page = news(title, lead + foreign)
    page.published = "2024-09-10"
    assert rule_judgement(page).keep
    old = news(title, lead + foreign.replace("On September 6,", "In September 2023,"))
    old.published = "2024-09-10"
    judged = rule_judgement(old)
    assert not judged.keep and "a page of figures" in judged.reason, judged.reason


def test_a_page_of_figures_whose_measure_is_only_conceded_or_dated_after_its_verb():
    """"… exports rise to 1-year high in May despite supply curbs" over "The rise came despite
    China imposing export restrictions in April" (fifty-second pass): a measure named only in a
    concessive adjunct of the headline is the figures' circumstance, and an English act's time
    may follow its verb; "shipments sink to five-year low" tells figures too."""
    import re

    from pipelines.relevance import FIGURES_HEADLINE, rule_judgement
    assert re.search(FIGURES_HEADLINE, "China's magnet shipments sink to five-year low",
                     re.IGNORECASE)
    title = "China's rare earth exports rise to 1-year high in May despite supply curbs"
    body = ("China's rare earth exports rose 23 per cent in May from April, customs data showed, "
            "reaching 5,864 tonnes.\nThe rise came despite China imposing export restrictions "
            "in April, which blocked some overseas shipments of rare earths and magnets.\n"
            "Analysts said exporters of rare earth magnets still needed licences.")
    page = news(title, body)
    page.published = "2025-06-09"
    judged = rule_judgement(page)
    assert not judged.keep and "a page of figures" in judged.reason, judged.reason
    recent = news(title, body.replace("in April", "on Friday"))
    recent.published = "2025-06-09"
    assert rule_judgement(recent).keep


def test_another_economys_controls_in_its_own_words_are_kept():
    """经济部国际贸易署…公布最新「战略性高科技货品出口实体管理名单」…须事先取得输出许可证
    (fifty-second pass): Taiwan's export entity list and export licence, in its own words, are
    another economy's export controls, relevant; a trade fair's licence words are not."""
    body = ("经济部国际贸易署19日公布最新战略性高科技货品出口实体管理名单，此次新增213个实体。"
            "国内业者若要出口予名单中的对象，须事先取得战略性高科技货品输出许可证。")
    assert relevance(news("贸易署更新出口实体管理名单 新增213个实体", body))[0]
    fair = news("台北国际食品展开幕", "展会吸引上千家厂商参展，主办方表示今年规模创新高。")
    assert not relevance(fair)[0]


@pytest.mark.parametrize(("title", "body", "kept"), [
    ("中国稀土明令严管，却仍被偷偷卖向西方军工",
     "2025年11月初，南方某港口的缉私干警拦下一个集装箱，申报单据上写的是焊锡膏，查获的是高纯度的"
     "氧化镝和氧化铽。\n这批稀土来自某民营企业。", True),
    ("稀土非法外输案告破",
     "国家安全部通报，一起稀土非法外输案件已全面告破。\n涉案人员已被依法处理。", True),
    ("某港口查获一批申报为焊锡膏的货物",
     "海关人员发现集装箱内货物与申报不符。\n相关企业正在接受调查。", False),
    ("他偷偷卖掉了家里的旧车", "邻居说，他把旧车卖给了外地的收购商。\n价格不高。", False),
])
def test_an_illegal_export_told_in_chinese_everyday_words(title: str, body: str,
                                                          kept: bool) -> None:
    """申报单据上写的是焊锡膏…查获的是…氧化镝, 偷偷卖向西方, 非法外输 (fifty-fourth pass): goods of
    the glossary declared as something else, sold abroad in secret or carried out illegally are
    an export control's enforcement, as 伪报 and 偷运 are; a misdeclaration of no controlled
    goods, or a secret sale at home, is not."""
    assert relevance(news(title, body))[0] is kept


def test_a_section_232_investigation_is_a_trade_measure():
    """"President Trump Directs Commerce to Initiate Section 232 Investigation of Critical
    Mineral Imports" (fifty-fifth pass): the US trade statutes named by their sections are
    trade measures, as safeguard investigations are."""
    from pipelines.relevance import rule_judgement
    title = ("President Trump Directs Commerce to Initiate Section 232 Investigation of Critical "
             "Mineral Imports")
    body = ("On April 15, 2025, President Donald Trump issued an Executive Order directing the "
            "Department of Commerce to initiate an investigation under Section 232 of the Trade "
            "Expansion Act of 1962 on imports of processed critical minerals and rare earths.\n"
            "Commerce must assess U.S. imports of all processed critical minerals.")
    page = news(title, body)
    page.published = "2025-04-16"
    assert rule_judgement(page).keep
    assert measure_score(title.replace("Section 232 ", ""), body.replace(
        "under Section 232 of the Trade Expansion Act of 1962 ", "")) < 3


def test_an_act_dated_months_before_the_page_is_its_background():
    """"Last September, China prohibited exports of the metal to the U.S." deep in a mine's
    permit story of May (fifty-fifth pass): an act of the regime told as months old weighs as
    any body sentence, not as news; of the page's week it is news; licences the story's
    company received are its dealings under the regime whenever they came."""
    from pipelines.relevance import rule_judgement
    title = "Perpetua Resources Secures Final Federal Approval for Stibnite Gold Project"
    body = ("Perpetua Resources announced on Monday that it has received final approval for its "
            "$1.3 billion Stibnite gold-antimony project in Idaho.\n"
            "The U.S. Army Corps of Engineers issued the Clean Water Act permit after eight years "
            "of federal permitting.\n"
            "Antimony is currently imported into the U.S. due to the absence of domestic "
            "production.\n"
            "Last September, China prohibited exports of the metal to the U.S.\n"
            "Antimony prices doubled after the ban.\n"
            "The project could satisfy about 35% of U.S. antimony demand.")
    page = news(title, body)
    page.published = "2025-05-28"
    assert not rule_judgement(page).keep
    recent = body.replace("Last September", "On May 20")
    assert measure_score(title, recent, "2025-05-28") > measure_score(title, body, "2025-05-28")
    assert measure_score(title, body) == measure_score(title, recent)  # undated: as before
    licences = body.replace("Last September, China prohibited exports of the metal to the U.S.",
                            "The company said it obtained its first export licences in April, "
                            "after China placed antimony under export control.")
    assert measure_score(title, licences, "2025-08-26") == measure_score(title, licences)


def test_the_us_lists_besides_the_entity_list_are_trade_measures():
    """"US adds 13 companies in China to unverified list" (fifty-fifth pass): the Unverified
    List, the Military End-User List and the Denied Persons List are export-control lists as the
    Entity List is; an unverified claim is not one."""
    title = "US adds 13 companies in China to unverified list"
    body = ("The United States has added 13 companies in China to its list of companies US "
            "officials have been unable to inspect, according to a government notice.")
    assert relevance(news(title, body))[0]
    for name in ("military end-user list", "Denied Persons List", "未经核实清单"):
        assert measure_score(f"US adds 13 companies to {name}", "") == 3, name
    assert measure_score("Markets react to unverified claims about a list of companies", "") == 0


@pytest.mark.parametrize(("title", "body", "kept"), [
    ("南宁海关截获伪装焊锡膏的锡铋合金",
     "海关人员在例行检查中发现一批可疑货物。\n这批货物从矿场运出，最终流向黑市。", True),
    ("Customs seize antimony ingots disguised as zinc",
     "Officers stopped a truck at the border on Monday.\nThe driver was detained.", True),
    ("某港口查获一批伪装成焊锡膏的货物",
     "海关人员发现集装箱内货物与申报不符。\n相关企业正在接受调查。", False),
    ("Actor disguised as a waiter surprises fans", "The crowd cheered.\nHe left by car.", False),
])
def test_goods_of_the_glossary_disguised_as_others_are_an_illegal_export(title: str, body: str,
                                                                         kept: bool) -> None:
    """伪装焊锡膏的锡铋合金, "antimony ingots disguised as zinc" (fifty-seventh pass): goods under
    control disguised as other goods are misdeclared, as goods 申报为 or "declared as" others
    are; a disguise of no controlled goods is not."""
    assert relevance(news(title, body))[0] is kept


@pytest.mark.parametrize(("sentence", "names"), [
    ("BIS明确现有EAR第736.2条的通用禁令可适用于限制全球使用华为昇腾芯片。", True),
    ("The chips fall under ECCN 3A090 and need a licence to ship.", True),
    ("美国修订《出口管理条例》，收紧对华芯片出口。", True),
    ("Items made abroad with US tools are subject to EAR Part 734.", True),
    ("He whispered in her ear 3 times before the show.", False),
    ("The EAR 2.0 app helps hearing-impaired users.", False),
])
def test_the_us_export_regulations_and_their_classification_name_a_measure(sentence: str,
                                                                            names: bool) -> None:
    """EAR第736.2条, ECCN 3A090, 《出口管理条例》 (fifty-seventh pass): the US Export
    Administration Regulations, their sections and classification numbers are an export
    control's own words, as the Entity List is; an ear, or an app's name, is not."""
    from pipelines.relevance import _names_measure
    assert _names_measure(sentence) is names


@pytest.mark.parametrize(("sentence", "names"), [
    ("芯片出口需要贸易许可证。", True),
    ("所有美国制高效能芯片的转运或过境，均须申请许可证。", True),
    ("Nvidia被指抱怨对华售H200芯片条件过严 卢特尼克：必须遵守限制", True),
    ("英伟达仍在与美国政府就向中国企业出口其H200芯片的授权条款进行谈判。", True),
    ("出口企业需要营业许可证。", False),
    ("对华出口增长明显，限制因素是运力。", False),
    ("软件授权条款更新。", False),
])
def test_a_licence_needed_to_export_and_sales_to_china_restricted_name_a_measure(
        sentence: str, names: bool) -> None:
    """芯片出口需要贸易许可证, …的转运或过境，均须申请许可证, 对华售…芯片…必须遵守限制 and an
    export's licence terms (授权条款) (fifty-eighth pass) name a control by its licence, as
    "rules on AI chip sales to China" do; a firm's business licence, a limiting factor and
    software terms do not."""
    from pipelines.relevance import _names_measure
    assert _names_measure(sentence) is names


def test_figures_held_at_a_level_are_figures_and_stay_out():
    """"China: Exports of Gallium and Germanium Remain Below Last Year's Level", prices
    "steady", 钨精矿价格持续攀升 再创历史新高 (sixtieth pass): a level held or a climb to a record
    is a headline of figures as much as a rise; such a page the rule leaves out, naming its
    measure only as long-past background, stays out whatever the text model reads."""
    import re

    from pipelines.relevance import FIGURES_HEADLINE, judge
    for title in ("China: Exports of Gallium and Germanium Remain Below Last Year's Level",
                  "Gallium prices steady after export rush", "钨精矿价格持续攀升 再创历史新高"):
        assert re.search(FIGURES_HEADLINE, title, re.IGNORECASE), title
    for title in ("China holds steady on export control policy", "Exports remain subject to "
                  "licences"):
        assert not re.search(FIGURES_HEADLINE, title, re.IGNORECASE), title
    body = ("Exports of gallium and germanium from China continue to remain below last year's "
            "level, according to the latest figures from the customs authority. In March, the "
            "country exported 3,206 kilograms of germanium and 1,214 kilograms of gallium, a "
            "considerable decline from the same month last year for the two metals used in "
            "chips, fibre optics and solar cells. In August last year, Beijing introduced export "
            "restrictions for the two critical raw materials. Traders expect shipments to "
            "recover slowly as buyers draw down stocks built up earlier in the year.")
    page = news("China: Exports of Gallium and Germanium Remain Below Last Year's Level", body)
    page.published = "2024-04-22"
    judged = judge(page)
    assert not judged.keep and judged.settled, judged.reason


def test_chinas_control_named_as_a_noun_in_a_figures_headline_keeps_the_page():
    """价格狂飙1500%创新高 中国管制震撼全球产业链 (sixty-first pass): 中国管制 names China's control
    as "China's curbs" does in English, so the headline of figures tells the control's effect
    and the page is no page of figures; the same figures under a headline naming no control
    stay out, and a control of airspace is no trade measure."""
    from pipelines.relevance import _names_measure, judge
    body = ("稀土元素氧化钇价格今年暴涨近1500%，并创下历史新高。\n\n"
            "根据亚洲金属网的数据，氧化钇价格已飙升至每公斤126美元，高于2024年底时不到8美元的水准。"
            "今年4月，中国对包括钇在内的稀土实施出口管制。\n\n"
            "钇的用途涵盖医疗科技、航空航天设备、陶瓷、激光以及超导体等领域。")
    kept = news("价格狂飙1500%创新高 中国管制震撼全球产业链", body)
    kept.published = "2025-11-18"
    assert judge(kept).keep, judge(kept).reason
    figures = news("氧化钇价格狂飙1500%创新高", body)
    figures.published = "2025-11-18"
    assert not judge(figures).keep
    assert _names_measure("中方管制升级") and not _names_measure("北京管制空域再扩大")


def test_a_waiver_of_export_rules_revoked_is_a_measure():
    """"revoked waivers to U.S. technology exports granted to Intel, Samsung, and SK hynix"
    (sixty-first pass): a waiver of a government's export rules is an exemption from them, a
    measure, however many abbreviations stand between; a fee waiver is none."""
    from pipelines.relevance import _names_measure
    assert _names_measure("The U.S. government has revoked waivers to U.S. technology exports "
                          "granted to Intel, Samsung, and SK hynix.")
    assert not _names_measure("The city extended fee waivers for restaurants until June.")


def test_the_unreliable_entity_list_in_taiwans_words_is_the_list():
    """不可靠實體名單, as Taiwan and Hong Kong papers write the unreliable entity list (sixty-first
    pass), is read as the Mainland's 不可靠实体清单, character for character, so a listing told
    in those words is kept and names the list."""
    from pipelines.glossary import terms_in
    from pipelines.names import REGIONAL_NAMES, read_as_simplified
    assert all(len(regional) == len(mainland) for regional, mainland in REGIONAL_NAMES.items())
    text = "中國商務部剛將幾家知名西方公司列入其「不可靠實體名單」，大多是國防承包商。"
    assert len(read_as_simplified(text)) == len(text)
    assert "unreliable_entity_list" in terms_in(read_as_simplified(text), kinds=("list",))
    page = news("中國將TechInsights列入不可靠實體名單",
                text + "\n\n根據中國商務部公告，上述實體被禁止從事與中國有關的進出口活動。")
    page.published = "2025-10-11"
    assert relevance(page)[0]


# --- the sixty-second pass (real52) -------------------------------------------------------------

def test_figures_told_as_a_measures_effect_keep_the_page():
    """"Chinese Exports of Terbium and Dysprosium Plummet to Zero in May", whose text says the
    figures "reflect the full impact of the licensing regime" (sixty-second pass): figures told
    as a measure's effect are news of the measure, not figures it is the background of; the
    same figures with the measure only told as background of April stay out."""
    from pipelines.relevance import judge
    background = ("The People's Republic imposed export license requirements in April.\n\n"
                  "Chinese customs authorities have released the May export data, showing "
                  "exports of dysprosium and terbium fell to zero. Under the rules of April, "
                  "exporters must obtain licenses to ship these two elements outside of the "
                  "country.\n\n"
                  "Dysprosium and terbium are used in magnets for electric vehicles.")
    effect = background.replace("Dysprosium and terbium are used",
                                "May's figures reflect the full impact of the licensing "
                                "regime. Dysprosium and terbium are used")
    title = "Chinese Exports of Terbium and Dysprosium Plummet to Zero in May"
    for body, kept in ((effect, True), (background, False)):
        page = news(title, body)
        page.published = "2025-06-20"
        assert judge(page).keep is kept, judge(page).reason


def test_chinas_curbs_and_goods_from_china_set_a_measure_in_trade():
    """"Car Makers Warn China's Rare-Earth Curbs Could Halt Production" with "a shortage of
    rare-earth magnets from China" (sixty-second pass): China's curbs on goods are on what it
    sells abroad, and goods from China are trade, so the measure words are set in trade; a
    city's curbs on rare-earth mining near a river are not."""
    import re

    from pipelines.relevance import TRADE_SETTING
    for text in ("Car Makers Warn China's Rare-Earth Curbs Could Halt Production",
                 "an impending shortage of rare-earth magnets from China"):
        assert re.search(TRADE_SETTING, text, re.IGNORECASE), text
    assert not re.search(TRADE_SETTING, "The city's curbs on rare earth mining near the river",
                         re.IGNORECASE)


# --- the sixty-second pass (real56) -------------------------------------------------------------

def test_a_headline_of_figures_told_by_their_size_stays_out_whatever_the_model_reads():
    """"China increased rare earth metal exports by 23% in January-February" (sixty-second
    pass): figures told by their size, or by a verb of raising before what moves, make a
    headline of figures, so the rule's leaving the page out is settled and the text model does
    not keep it for the controls its background names."""
    import re

    from pipelines.relevance import FIGURES_HEADLINE, judge
    for title in ("China increased rare earth metal exports by 23% in January-February",
                  "Rare earth exports up by 23 percent"):
        assert re.search(FIGURES_HEADLINE, title, re.IGNORECASE), title
    body = ("BEIJING, March 10. China increased its exports of rare earth metals to other "
            "countries by 23% in January-February year-on-year to 10,460 tons, the General "
            "Administration of Customs of China reported.\n\n"
            "In value terms, supplies fell by 15.9% to $68.6 mln in the reporting period.\n\n"
            "On October 9, 2025, China's Ministry of Commerce published several documents on "
            "tightening controls on the export of rare earth metals, related technologies, and "
            "equipment for their production. " * 2)
    page = news("China increased rare earth metal exports by 23% in January-February", body)
    page.published = "2026-03-10"
    judged = judge(page)
    assert not judged.keep and judged.settled, judged.reason


def test_a_political_sanction_on_a_lawmaker_is_no_trade_measure():
    """"China sanctions Japanese lawmaker Seki Hei" (sixty-second pass): a sanction on a person
    for politics, in a text naming no firm, entity, goods or trade, is no trade measure of the
    regime; sanctions on a lawmaker's defence firms are."""
    from pipelines.relevance import judge
    body = ("Chinese authorities have imposed sanctions on a Japanese lawmaker following his "
            "criticism of the Communist Party.\n\n"
            "Measures against Mr Seki include freezing any assets within mainland China and "
            "entry restrictions, according to China's Foreign Ministry, which called the "
            "countermeasures a stern warning.\n\n"
            "Tokyo lodged a diplomatic protest against the sanctions and countermeasures.")
    page = news("China sanctions Japanese lawmaker Seki Hei", body)
    page.published = "2025-09-09"
    assert not judge(page).keep, judge(page).reason
    firms = news("China sanctions Japanese lawmaker Seki Hei",
                 body + "\n\nThree defence companies he advises were also put on the export "
                        "control list.")
    firms.published = "2025-09-09"
    assert judge(firms).keep, judge(firms).reason


def test_an_investigation_the_ministry_of_commerce_opens_is_a_trade_measure():
    """"China's Ministry of Commerce announced on Tuesday the launch of an investigation into
    PVH Group … The probe is part of China's ‘unreliable entities’ list mechanism" (sixty-fourth
    pass): an investigation the ministry opens is a trade measure in the making, so the page is
    kept; a market regulator's probe of a firm's pricing is not."""
    from pipelines.relevance import judge
    body = ("China's Ministry of Commerce announced on Tuesday the launch of an investigation into "
            "PVH Group, the parent company of Calvin Klein, regarding alleged disruptions in its "
            "Xinjiang supply chain.\n\n"
            "The probe is part of China's ‘unreliable entities’ list mechanism. The group has been "
            "given 30 days to respond.\n\n"
            "PVH's revenue in the Asia Pacific region has recently faced challenges.")
    page = news("China launches probe into Calvin Klein parent", body)
    page.published = "2024-09-24"
    assert judge(page).keep, judge(page).reason
    pricing = news("Regulator probes coffee chain",
                   "China's market regulator announced on Tuesday the launch of an investigation "
                   "into a coffee chain over its pricing.\n\nThe chain has 30 days to respond.")
    pricing.published = "2024-09-24"
    assert not judge(pricing).keep, judge(pricing).reason
    from pipelines.relevance import measure_score
    assert measure_score("", "商务部对该公司立案调查。") > measure_score(
        "", "商务部调查显示，消费回暖。")


def test_export_permitting_is_a_trade_measure():
    """"AXT's Q2 revenue constrained by slower-than-expected China export permitting" over a
    chief executive's account of the licences (sixty-fourth pass): export permitting is a
    control told by its procedure, so the results story about it is kept; a results story
    naming none is not."""
    from pipelines.relevance import judge
    body = ("AXT, which makes gallium arsenide and germanium substrates, has reported revenue of "
            "$18m, down 7.2% on last quarter.\n\n"
            "\"We found the permitting process in Q2 for gallium arsenide to be slower than we "
            "typically see,\" the chief executive said.")
    page = news("AXT's Q2 revenue constrained by slower-than-expected China export permitting",
                body)
    page.published = "2025-08-05"
    assert judge(page).keep, judge(page).reason
    plain = news("AXT's Q2 revenue constrained by weaker demand",
                 body.replace("permitting process", "ordering season"))
    plain.published = "2025-08-05"
    assert not judge(plain).keep, judge(plain).reason


# --- the sixty-fifth pass (real78, real80) -------------------------------------------------------


def test_exports_suspended_are_a_trade_measure():
    """"Extension of the temporary suspension of cobalt exports sourced from the Democratic
    Republic of Congo" (sixty-fifth pass): exports suspended are a control, as 暂停…出口 is,
    so another state's export suspension is kept; a plant's production suspended is not."""
    from pipelines.relevance import judge
    page = news("Temporary suspension of copper concentrate exports extended by three months",
                "The mining regulator said on Monday that it had extended the temporary "
                "suspension of copper concentrate exports from the country for a further three "
                "months, citing high stocks on the market.")
    page.published = "2025-06-24"
    assert judge(page).keep, judge(page).reason
    plain = news("Copper smelter output suspended for maintenance",
                 "The smelter said on Monday that it had suspended production for three months "
                 "for maintenance, citing high stocks on the market.")
    plain.published = "2025-06-24"
    assert not judge(plain).keep, judge(plain).reason


@pytest.mark.parametrize("sentence", [
    "In April, China introduced strict new rules for exporting these products.",
    "Beijing imposed restrictions on foreign sales of the two metals last month.",
])
def test_rules_for_exporting_and_restrictions_on_foreign_sales_are_measure_words(sentence):
    """"China introduced strict new rules for exporting these products", "a month after Beijing
    imposed restrictions on foreign sales" (sixty-fifth pass): rules for exporting and
    restrictions on foreign sales are controls told in other words, as "export rules" and
    restrictions on "overseas sales" are."""
    from pipelines.relevance import measure_score
    assert measure_score("", sentence) > measure_score("", "Prices were steady in April.")


def test_a_list_of_words_parts_no_clause_between_an_act_and_its_month():
    """"China restricted exports of the specialised magnets used in weapons, cars and phones in
    April", in December's magnet figures (sixty-fifth pass): the commas of a list of words part
    no clauses, so April is the act's time and the act eight months old is the figures'
    background; a comma before a clause of its own ("…, which hit carmakers in April") still
    parts them, and the undated act keeps the page."""
    from pipelines.relevance import rule_judgement
    title = "China's rare-earth magnet exports hit second-highest ever in November"
    lead = ("China's exports of rare-earth magnets rose to the second-highest level on record in "
            "November. China restricted exports of the magnets used in weapons, cars and phones "
            "in April, bringing parts of the global supply chain to a halt.")
    page = news(title, lead)
    page.published = "2025-12-20"
    judged = rule_judgement(page)
    assert not judged.keep and judged.settled, judged.reason
    clause = news(title, lead.replace("used in weapons, cars and phones in April",
                                      "for weapons, which hit carmakers in April"))
    clause.published = "2025-12-20"
    assert rule_judgement(clause).keep


@pytest.mark.parametrize("effect", [
    "Many traders noted that after the export controls were announced on February 4, bismuth "
    "exports were expected to decline significantly.",
    "在北京对铋实施新的出口管制后，中国2月份铋产品出口大幅下降。",
])
def test_exports_falling_after_the_controls_are_the_controls_effect(effect):
    """"After the announcement of the export control, … exports … to decline significantly",
    在北京对锗和镓…实施新的出口管制后，中国8月份锗和镓产品出口大幅下降 (sixty-sixth pass): a page of
    figures that tells them fall after the controls, in one sentence, reports the measure's
    effect, news of it; the same figures with the controls only told as their background
    stay out."""
    from pipelines.relevance import judge
    background = ("According to customs data, China's bismuth trioxide exports in February 2025 "
                  "were 418.92 mt, down from 748.5 mt in January.\n\n"
                  "On February 4, 2025, the Ministry of Commerce and the General Administration "
                  "of Customs announced export controls on tungsten, tellurium, bismuth, "
                  "molybdenum and indium. The export control on bismuth mainly involves "
                  "metallic bismuth and its products.\n\nMarch exports are likely to "
                  "decrease.")
    title = "China's bismuth-related product exports saw a significant decline MoM in February"
    for body, kept in ((background + "\n\n" + effect, True), (background, False)):
        page = news(title, body)
        page.published = "2025-03-24"
        assert judge(page).keep is kept, judge(page).reason


def test_export_requirements_for_goods_are_measure_words_and_product_standards_are_not():
    """"the export requirements for gallium and germanium from China, which will soon come into
    force" (sixty-seventh pass): export requirements for goods are controls told the other way
    round, as "requirements for exports" are; a product meeting export requirements (a quality
    standard) is not."""
    from pipelines.relevance import measure_score
    plain = measure_score("", "Prices were steady in July.")
    assert measure_score("", "Traders studied China's export requirements for gallium and "
                             "germanium in July.") > plain
    assert measure_score("", "The plant's tea meets export requirements in July.") == plain


def test_a_chokehold_on_exports_is_a_measure_word_and_one_on_a_market_is_not():
    """"A tightening Chinese chokehold on heavy rare earth exports is forcing Korean
    manufacturers to the brink" (sixty-eighth pass): a chokehold or stranglehold put on exports
    or supply is controls told in a figure; one on a market (dominance) is none."""
    from pipelines.relevance import measure_score
    plain = measure_score("", "Prices were steady in July.")
    assert measure_score("", "A tightening Chinese chokehold on heavy rare earth exports hurts "
                             "Korean makers.") > plain
    assert measure_score("", "Faced with a chokehold on rare earth magnet supply from China, "
                             "Bajaj Auto cut output.") > plain
    assert measure_score("", "The deal counters China's stranglehold on the global market.") \
        == plain


def test_restricting_exports_told_by_one_character_and_a_numbered_mofcom_document_are_measures():
    """限稀土出口长臂管辖, 中国商务部今年第61号公布明言… (sixty-eighth pass): 限 alone opening a
    headline or after a state is "restricts" (限制), and MOFCOM's document told by its number
    of the year is a measure; a time limit (限时出口) or a number of another body is none."""
    from pipelines.relevance import measure_score
    plain = measure_score("", "价格保持稳定。")
    assert measure_score("", "限稀土出口长臂管辖。") > plain
    assert measure_score("", "中国限镓锗出口后价格上涨。") > plain
    assert measure_score("", "中国商务部今年第61号公布明言不会让别国用稀土制造武器。") > plain
    assert measure_score("", "这批货物限时出口到东南亚。") == plain
    assert measure_score("", "本市今年第61号通知明确了供暖时间。") == plain


def test_mining_licences_and_environmental_restrictions_are_no_trade_measures():
    """"Faced with dwindling domestic resources and environmental restrictions, Chinese smelters
    have turned to international markets to secure a stable supply of antimony", "Smaller
    deposits … struggled to obtain mining licenses" (sixty-eighth pass): a mine's and a
    smelter's regulators are no trade measure; restrictions on antimony exports still are."""
    from pipelines.relevance import measure_score
    plain = measure_score("", "Antimony output was steady in July.")
    assert measure_score("", "Faced with environmental restrictions, Chinese smelters turned to "
                             "imports of antimony in July.") == plain
    assert measure_score("", "Smaller antimony deposits struggled to obtain mining licenses in "
                             "July.") == plain
    assert measure_score("", "Faced with export restrictions on antimony, smelters turned to "
                             "imports in July.") > plain


def test_goods_let_out_only_once_approved_are_a_control_by_the_ministry():
    """我国商务部已经决定，从下月8日开始，国产的人造钻石粒径≤50μm，必须要经过审批才能出口
    (sixty-ninth pass): goods that must pass approval before they may leave (须经审批才能出口,
    经许可方可出口) are controls the ministry decided, on synthetic diamond (人造钻石, as
    人造金刚石); goods with no need of approval are none."""
    from pipelines.glossary import terms_in
    from pipelines.reading import read_acts
    told = "商务部已经决定，从下月8日开始，部分人造钻石产品必须要经过审批才能出口。"
    assert [a.done for a in read_acts(told)] == [True]
    assert _reports_regime_act(told)
    assert read_acts("这些产品出口无需经过审批。") == []
    assert "synthetic_diamond" in terms_in("国产的人造钻石粒径很小")


def test_a_licence_an_export_needs_and_an_end_user_list_are_measure_words_in_chinese_too():
    """日本政府修订了其最终用户审查名单…清单控制要求出口商在向外国出口或转让所列物品时申请许可证
    (seventy-second pass): an end-user list by its Chinese name, an export told by the licence
    it needs (出口…时申请许可证, 未经许可…出口) and, in English, export clearances and the
    end-use declaration an exporter files are measure words; a firm's licence to operate, a
    permit to build and a customs declaration of a shipment are not."""
    plain = measure_score("", "价格保持稳定。")
    assert measure_score("", "日本政府周三修订了其最终用户审查名单。") > plain
    assert measure_score("", "出口商在向外国出口所列物品时申请许可证。") > plain
    assert measure_score("", "这些物品不能在未经许可的情况下出口。") > plain
    assert measure_score("", "该企业今年申请了生产许可证。") == plain
    assert measure_score("", "工厂未经批准擅自扩建厂房。") == plain
    plain = measure_score("", "Prices were steady in July.")
    assert measure_score("", "Chinese authorities issue the export clearances in July.") > plain
    assert measure_score("", "Requests must include an end-use declaration in July.") > plain
    assert measure_score("", "The shipment's customs declaration was filed in July.") == plain
    assert topic_score("日本修订最终用户审查名单", "") > topic_score("日本修订审查名单", "")


def test_illegal_exports_are_a_measure_word_in_english_as_in_chinese():
    """"Indonesia cracks down on illegal nickel exports to China" (seventy-second pass): an
    illegal export is an export ban enforced, as 非法出口 is; an illegal act that is not an
    export (illegal mining) is none."""
    plain = measure_score("", "Prices were steady in July.")
    assert measure_score("Indonesia cracks down on illegal nickel exports to China", "") > plain
    assert measure_score("", "Police found unlicensed exports of drones in July.") > plain
    assert measure_score("Indonesia cracks down on illegal nickel mining", "") == plain
    assert measure_score("", "Illegal parking near the export hall rose in July.") == plain
