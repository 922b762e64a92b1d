"""Which news articles regwatch keeps: those that have a trade measure as a subject, by their own
words. Official pages are always kept: an authority's pages, and a relay's announcement texts and
press Q&As; a relay's other pages (news a consulate relays) are read as news.

The rule, in order:
1. the article cites an announcement number (any form) -> kept ("cites MOFCOM-2025-61");
2. its **measure score** reaches KEEP_SCORE -> kept ("topic: export control, ... (measure score
   5)"). A measure sentence names a trade measure: export controls, curbs, restrictions or bans on
   exports, licences and general licences, dual-use items, entity, control and watch lists,
   tariffs and duties, countermeasures and sanctions, trade remedies, smuggling, trade talks
   (MEASURE_WORDS), or controls, curbs, bans or licences together with a subject of the glossary
   (pipelines.glossary: "controls on gallium", 对锑等物项实施管制). The title scores
   TITLE_MEASURE_WEIGHT when it names a measure, each sentence of the first paragraph
   LEAD_MEASURE_WEIGHT, each other sentence 1: a measure in the headline keeps an article, one in
   the lead needs another mention, a passing mention deep in the body ("despite tighter export
   controls, sales rose") does not. Subject words alone (rare earths, gallium, critical minerals,
   magnets) never keep an article: company results, prices, industry and science stories use them
   without being about a measure;
3. otherwise it is left out (counted, not stored, not a source problem).

The topics (TOPICS, `topic_score`) name what the article touches, for the reason shown.

The rule never looks at the archive: whether a page is kept does not depend on what was crawled
before it (links without numbers are decided at the end of the run, pipelines.linking).
"""

from __future__ import annotations

import re

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.classify import is_official_text
from pipelines.clauses import split_sentences
from pipelines.glossary import term, terms_in
from pipelines.items import DocumentItem
from pipelines.run import NoRun, SourceRun, source_run_of
from pipelines.store import record_left_out
from pipelines.vocab import SourceKind

TOPICS: tuple[tuple[str, str], ...] = (
    ("export control", r"\bexport[- ]controls?\b|\bexport (?:curbs?|restrictions?|bans?)\b"
                       r"|\bbans? (?:the )?exports? of\b|\bbans? exports?\b|出口管制|禁止出口"
                       r"|\b(?:chip|semiconductor|technology|tech) (?:export )?(?:curbs|controls"
                       r"|restrictions|bans?)\b"),
    ("dual-use items", r"\bdual[- ]use\b|两用物项"),
    ("rare earths", r"\brare[- ]earths?\b|稀土"),
    ("critical minerals", r"\b(?:critical|strategic) minerals?\b|战略矿产|关键矿产"),
    ("export licences", r"\bexport licen[cs]es?\b|\bgeneral licen[cs]es?\b|出口许可|通用许可"),
    ("entity lists", r"\bunreliable entit(?:y|ies)\b|\bcontrol list\b|\bwatch ?list\b"
                     r"|\bentity list\b"
                     r"|不可靠实体清单|管控名单|关注名单"),
    ("tariffs", r"\btariffs?\b|\bcustoms dut(?:y|ies)\b|关税|税则"),
    ("countermeasures", r"\bcountermeasures?\b|\bsanctions?\b|反制|制裁"),
    ("trade remedies", r"\banti-?dumping\b|\bcountervailing\b|反倾销|反补贴"),
    ("smuggling", r"\bsmuggl\w*|走私"),
    ("controlled materials", r"\bgallium\b|\bgermanium\b|\bantimony\b|\bgraphite\b|\btungsten\b"
                             r"|\bsuper-?hard materials?\b|镓|锗|锑|石墨|钨|超硬材料"),
    ("trade talks", r"\btrade (?:talks|truce|arrangement|consultations?)\b|经贸磋商"),
)
TITLE_WEIGHT = 2
KEEP_SCORE = 3
# Controls named with a subject of the glossary in one sentence: a topic of its own.
CONTROL_WORDS = (r"\bcontrols?\b|\bcurbs?\b|\bbans?\b|\bbanned\b|\brestrictions?\b"
                 r"|\blicen[cs](?:e|es|ing)\b|\bpermits?\b|管制|许可|禁止出口")
CONTROLLED_SUBJECTS = "controls on the glossary's subjects"
# Words that name a trade measure (a sentence with one is a measure sentence).
MEASURE_WORDS = (
    r"\bexport[- ]controls?\b"
    r"|\bexport (?:curbs?|restrictions?|bans?|rules?|licen[cs]\w*|permits?)\b"
    r"|\bbans? (?:on )?(?:the )?exports?\b|\b(?:bans?|banned|banning|bars?|barred|halts?|halted"
    r"|prohibits?|prohibited|restricts?|restricted|restricting|exempts?|exemptions?)\b[^.;]{0,40}"
    r"\bexport(?:s|ing)?\b|\b(?:chip|semiconductor|technology|tech) (?:export )?(?:curbs|controls"
    r"|restrictions|bans?)\b|\bdual[- ]use\b|\bgeneral licen[cs]es?\b"
    r"|\b(?:unreliable )?entit(?:y|ies) list\b|\bunreliable entit(?:y|ies)\b|\bcontrol list\b"
    r"|\bwatch ?list\b|\btariffs?\b|\bcustoms dut(?:y|ies)\b|\bcountermeasures?\b|\bsanctions?\b"
    r"|\banti-?dumping\b|\banti-?subsidy\b|\bcountervailing\b|\btrade remed(?:y|ies)\b"
    r"|\bapprov\w*\b[^.;]{0,50}\b(?:applications?|exports?|licen[cs]\w*)\b"
    r"|\b(?:applications?|licen[cs]\w*)\b[^.;]{0,60}\bapproved\b"
    r"|\blicen[cs](?:e|es|ing)\b[^.;]{0,40}\b(?:exports?|exporters?|reviews?|applications?)\b"
    r"|\b(?:exports?|exporters?)\b[^.;]{0,40}\blicen[cs](?:e|es|ing)\b"
    r"|\bsmuggl\w*|\billegal outflows?\b|\btrade (?:talks|truce|arrangement|consultations?|deal)\b"
    r"|\beconomic and trade (?:talks|consultations?)\b|\bjoint arrangement\b"
    r"|出口管制|两用物项|禁止出口|出口许可|通用许可|不可靠实体清单|管控名单|关注名单|关税|税则|反制|制裁"
    r"|反倾销|反补贴|走私|经贸磋商|暂停实施|停止执行|许可申请|出口审批"
)
TITLE_MEASURE_WEIGHT = 3
LEAD_MEASURE_WEIGHT = 2
LEAD_MIN_CHARS = 40


def _names_measure(sentence: str) -> bool:
    return bool(re.search(MEASURE_WORDS, sentence, re.IGNORECASE)) or names_controlled_subject(
        sentence)


def measure_score(title: str, body: str) -> int:
    """How much the article is about a trade measure (title, lead sentences, other sentences)."""
    score = TITLE_MEASURE_WEIGHT if _names_measure(title) else 0
    paragraphs = [p for p in (body or "").split("\n") if p.strip()]
    # The lead is the first paragraph of substance (not a label such as "Editor's Note:").
    lead = next((n for n, p in enumerate(paragraphs) if len(p.strip()) >= LEAD_MIN_CHARS), 0)
    for n, paragraph in enumerate(paragraphs):
        weight = LEAD_MEASURE_WEIGHT if n == lead else 1
        score += weight * sum(1 for s in split_sentences(paragraph) if _names_measure(s))
    return score


def names_controlled_subject(text: str) -> bool:
    """A sentence of text names controls (curbs, bans, licences) and a specific glossary subject."""
    for sentence in split_sentences(text):
        if re.search(CONTROL_WORDS, sentence, re.IGNORECASE) and any(
                not term(k).generic for k in terms_in(sentence) if k not in ("tariff",)):
            return True
    return False


def topic_score(title: str, body: str) -> tuple[int, list[str]]:
    """The article's score on the topic words, and the topics found."""
    score, found = 0, []
    for name, pattern in TOPICS:
        if re.search(pattern, title, re.IGNORECASE):
            score, found = score + TITLE_WEIGHT, found + [name]
        elif re.search(pattern, body, re.IGNORECASE):
            score, found = score + 1, found + [name]
    if names_controlled_subject(title):
        score, found = score + TITLE_WEIGHT, found + [CONTROLLED_SUBJECTS]
    elif names_controlled_subject(body):
        score, found = score + 1, found + [CONTROLLED_SUBJECTS]
    return score, found


def relevance(item: DocumentItem) -> tuple[bool, str]:
    """Whether to keep the document, and why."""
    if item.source_kind == SourceKind.AUTHORITY or (
            item.source_kind == SourceKind.RELAY and is_official_text(item.title, item.body)):
        return True, "official source"
    if item.measures:
        return True, "cites " + ", ".join(sorted({ref.id for ref in item.measures}))
    score, found = topic_score(item.title, item.body)
    measures = measure_score(item.title, item.body)
    if measures >= KEEP_SCORE:
        return True, "topic: " + ", ".join(found) + f" (measure score {measures})"
    return False, (f"not about export control or trade measures (topic score {score}, "
                   f"measure score {measures})")


class RelevancePipeline:
    """Scrapy stage 1c: leave out news that is not about the regime (after linking); what is
    left out is remembered (pipelines.store.record_left_out) and revisited like an article."""

    def __init__(self, crawler: Crawler, run: SourceRun | None = None) -> None:
        self.crawler = crawler
        self.run = run

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RelevancePipeline:
        try:
            run = source_run_of(crawler)
        except NoRun:
            run = None
        return cls(crawler, run)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        keep, reason = relevance(item)
        if not keep:
            self.crawler.stats.inc_value("regwatch/irrelevant")
            if self.run is not None:
                record_left_out(self.run, item, reason)
            raise DropItem(f"left out {item.url}: {reason}")
        return item
