"""The news relevance rule, both ways."""

import pytest

from pipelines.items import DocumentItem, MeasureRef
from pipelines.relevance import relevance, topic_score


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
