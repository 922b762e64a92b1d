"""Which news articles regwatch keeps: those about export control or trade measures, by their
own words. Official pages (authority, relay) are always kept.

The rule, in order:
1. the article cites an announcement number (any form) -> kept ("cites MOFCOM-2025-61");
2. its title and body score at least KEEP_SCORE on the topic words below (a title match
   counts TITLE_WEIGHT, a body match 1, each word once) -> kept ("topic: export control, ...");
   one topic is a sentence naming controls, curbs, bans or licences together with a subject of
   the glossary (pipelines.glossary: "controls on gallium", 对锑等物项实施管制);
3. otherwise it is left out (counted, not stored, not a source problem).

The rule never looks at the archive: whether a page is kept does not depend on what was crawled
before it (links without numbers are decided at the end of the run, pipelines.linking).
"""

from __future__ import annotations

import re

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.clauses import split_sentences
from pipelines.glossary import term, terms_in
from pipelines.items import DocumentItem
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
    if item.source_kind != SourceKind.NEWS:
        return True, "official source"
    if item.measures:
        return True, "cites " + ", ".join(sorted({ref.id for ref in item.measures}))
    score, found = topic_score(item.title, item.body)
    if score >= KEEP_SCORE:
        return True, "topic: " + ", ".join(found)
    return False, f"not about export control or trade measures (topic score {score})"


class RelevancePipeline:
    """Scrapy stage 1c: leave out news that is not about the regime (after linking)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RelevancePipeline:
        return cls(crawler)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        keep, reason = relevance(item)
        if not keep:
            self.crawler.stats.inc_value("regwatch/irrelevant")
            raise DropItem(f"left out {item.url}: {reason}")
        return item
