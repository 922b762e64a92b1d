"""Links from documents to the measures they describe without their numbers (docs/RULES.md).

Numbers in any form are read by pipelines.identifiers when a page is normalized. This module
reads the rest as an analyst does, at the END of a run (pipelines.finish calls `link_run`), once
every page of the night is stored, so that no result depends on the order pages arrive in:

1. What the archive knows of each measure (`Profile`): its titles (Chinese and English), the
   glossary's subjects, target countries and lists in its titles and its own text (and, for a
   measure that suspends others, theirs), the number of entities its title names, its issuers,
   and its dates: published, effective, suspended (with the suspension's last day), revoked...
   Each profile is indexed by keys (`measure_clues`: subject, day, month, title, count) when
   the run touches the measure.
2. What a document says (`Sentence`, one per sentence): glossary subjects, countries, lists,
   counts of entities ("16 US entities", 28家美国实体), issuers (joint with Customs), event
   words (imposed, took effect, suspended, lifted, listed), Chinese titles (《关于…的公告》) and
   dates resolved from the document's date (pipelines.relative_dates: weekdays, relative months,
   datelines, month-days). The document's own subjects (title and lead) stand in for a sentence
   that names none ("announced the measures on Monday").
3. Candidates come from the index, never from every measure (`candidate_measures`): the measures
   sharing a key that identifies (title, day, month, count), those whose English title the
   document names, the measures they suspend and their instruments, and for an undated (or year-
   dated) sentence the measures about its subjects, at most `CANDIDATE_POOL`. Each gets a score
   from its evidence (`WEIGHTS`); a link needs a sentence that tells of a measure at all
   (`_names_a_measure`), evidence that identifies (a title, a date of the measure, a year only
   it of its subject has, or a count of entities on the right list) and evidence of what it is
   about (a subject, list or country, or a package of the same day), and a score of at least
   `LINK_SCORE`. Within a sentence, a candidate whose evidence another explains better is
   dropped; candidates tied on the same evidence are all kept when the sentence speaks of a
   package ("the measures announced on Oct 9", 等物项的出口管制措施) or of a suspending
   instrument and its targets, and otherwise kept as review candidates (`link_candidates`), not
   links. Two measures fitting a sentence with no date ("the export controls on medium and heavy
   rare earth items" fits No. 18 and No. 57) are candidates too. A suspending instrument brings
   the measures it suspends that the sentence speaks of (`_targets_named`).
4. Links are `mentions`, confidence `low`, reason `inferred: <strongest reason>; …: “sentence”`.
   A measure cited by number is never inferred again. The analyst's verdicts (`link_verdicts`,
   `regwatch links confirm|reject`) are applied every time a document is (re)linked
   (`with_verdicts`): a confirmed pair is a link, a rejected one neither a link nor a candidate.
5. A MOFCOM number told without its year (第55号、56号公告 on a press page or a page about
   MOFCOM) is the archived MOFCOM-Y-N dated on or before the page and within a year of it
   (`_yearless_in_archive`): a link, or review candidates when two fit alike; never a measure
   the archive does not hold. Pages telling a number carry its key (`yearless_key`), which a
   MOFCOM measure of that number stored later meets.
6. Political statements (延期至…, "extended to January 10, 2027") in a document that is not a
   legal text add an `extension_announced` event to the linked measures whose suspension runs
   on the document's date and ends before the statement's date (evidence only, pipelines
   .lifecycle never moves a date for it).

A night's cost grows with what changed: the documents stored this run, and the documents whose
keys meet the keys of the measures this run touched (`documents_to_link`), are (re)linked; the
others keep their links. A run killed before its end is continued by the next
(`runs.continued_by`), which links what the killed run stored and touched as its own. A touched
measure whose profile is what it was (`measures.link_profile`, a fingerprint of everything
linking compares: a page of it refetched with a footnote changed, a status period rewritten
without a new date) leads to no relinking: a document's links depend only on its own text and
the profiles of the measures it meets. Profiles are stored (`measures.link_profile_data`) and
read back; only the measures a run touches are rebuilt.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

from pipelines.archive import Archive
from pipelines.clauses import is_photo_credit, split_sentences, statement_events
from pipelines.glossary import NOT_GOODS, TERMS, spans, term, terms_found, terms_in
from pipelines.identifiers import arabic_numeral, find_measure_numbers, find_unattributed_numbers
from pipelines.items import MeasureEvent
from pipelines.names import read_as_simplified
from pipelines.nfkc import nfkc
from pipelines.reading import Act, last_actor_is_foreign, read_acts
from pipelines.relative_dates import (
    SMALL_NUMBERS,
    DateSpan,
    dateline,
    dates_in,
    same_time_reference,
)
from pipelines.vocab import Category, ChangeKind, Confidence, EventKind, Issuer, LinkVerdict

# --------------------------------------------------------------------------- the rules as data

LINK_SCORE = 7.0  # a candidate scoring less is not a link
CANDIDATE_MAX = 3  # more measures than this tied on a sentence: nothing, not review candidates
CANDIDATE_POOL = 200  # more measures than this about an undated sentence's subjects: too vague
# index keys of identifying evidence
IDENTIFYING_KEYS = ("title:", "day:", "month:", "count:", "goods_for:", "items:")
PROFILE_VERSION = 19  # raise when build_profile changes: stored profiles are rebuilt
# what a stored profile was built by: build_profile's version and the glossary it read, so that
# a term added or changed rebuilds every profile at the next night, as a new version does
# (sixty-fifth pass: a measure's subjects are the glossary's)
PROFILE_BUILD = f"{PROFILE_VERSION}." + hashlib.sha256(repr(TERMS).encode("utf-8")).hexdigest()[:12]
WEIGHTS = {
    "title": 10.0,  # the measure's title (Chinese 《…》 or English) is named
    "day": 5.0,  # a date of the measure (published, effective, suspended, ...) is named
    "week": 3.0,  # ... a week that holds it ("last week")
    "month": 3.0,  # ... its month ("in early April", "last November")
    # goods named by their class for a country, and the measure the only one on goods for that
    # country so far ("China's decision to restrict exports of dual-use items to the US")
    "only_for_country": 5.0,
    # a subject's controls told as done, and the measure the only one on it by then
    "only_by_then": 4.0,
    "only_suspension": 5.0,  # ... the only suspension of controls on every good it names
    # controls on every good of a measure's title (two or more), and the measure the only one
    # by then whose title's goods are all named ("China's controls on gallium and germanium")
    "only_title_goods": 3.0,
    "year": 0.5,
    "year_unique": 2.5,  # ... a year in which it is the only measure on the sentence's subject
    "act_in_year": 1.0,  # ... and its controls told as done ("2023年锗被纳入出口管制清单后")
    "count_list": 6.0,  # the number of entities it lists, on the list it names
    "count_any_list": 3.0,  # ... on "a list" the sentence does not name (about, not identifying)
    "count_items": 6.0,  # the number of items of a class it controls ("seven rare earths")
    # one of the measures of the only day that issued as many controls on the sentence's goods
    # as it counts, the sentence dating none ("四个稀土管制相关规定", "four new rare earth rules")
    "count_measures": 6.0,
    "subject_title": 3.0,  # a subject of the sentence in the measure's title
    "subject_text": 2.0,  # ... in its own text only
    "subject_generic": 0.5,  # a generic subject (technologies, dual-use items)
    "unique_subject": 1.0,  # ... that no other measure of the archive is about
    "document_subject": 0.5,  # a subject of the document only (title, lead), not the sentence
    "list": 3.0,  # the list of entities the sentence names
    "country": 2.0,  # the target country the sentence names
    "package": 3.0,  # "the measures announced on Oct 9": one of that day's package
    # an export-control announcement or ban told with its day, the only measure issued that day
    # ("The export control announcement on January 6, 2026", "Jan 6's export ban")
    "only_of_day": 1.0,
    "number": 10.0,  # the sentence cites it by number (a cited measure competes, never linked)
    "number_yearless": 5.0,  # ... by its number without the year, with a subject of its title
    "number_month": 6.0,  # ... by its number without the year, with the month it was issued
    "in_force_before": 3.0,  # "the rules in force before October": it took effect earlier
    "part_suspended": 2.5,  # "suspended the part of that announcement" in a time it was
    "not_in_force_before": -3.0,  # ... and a measure of that month or later is not one of them
    "agreement": 1.0,  # the sentence's words fit the date ("took effect", "announced")
    "joint": 1.0,  # "jointly" / Customs named and the measure is joint with Customs
    "other_list": -4.0,  # the sentence names a list, the measure another one
    "other_country": -3.0,  # the sentence names a country, the measure targets another
    "other_count": -4.0,  # the sentence counts entities, the measure's title another number
    "not_joint": -2.0,  # "jointly" / Customs named and the measure is MOFCOM's alone
    "other_issuer": -3.0,  # the sentence tells of a decision of a body that issues none of
    # the archive's measures (the Tariff Commission), and names none of the measure's issuers
}
OTHER_BODIES = {"Tariff Commission"}
# evidence that the sentence names a week or month holding a date of the measure (a day of it
# identifies it without more)
_SPAN_OF_ITS_DATE = frozenset({"week", "month"})

# (and implementation deferred: 暂缓实施, 推迟实施, as `reading` reads it)
_SUSPEND = re.compile(r"\bsuspen\w*|\bpaus(?:e|es|ed)\b|\bon\s+hold\b|暂停"
                      r"|(?:暂缓|推迟|延缓)(?:实施|执行|施行)"
                      # (a ban lifted for a time is suspended: 暂解…出口禁令, 暂时解除, 暂时取消;
                      # sixty-fifth pass)
                      r"|暂解|暂时(?:解除|取消)", re.IGNORECASE)
_LIFT = re.compile(r"\blift(?:s|ed|ing)?\b|\bstop(?:s|ped)?\s+implementing\b|取消|停止执行",
                   re.IGNORECASE)
# goods not let out (不让…出口, 不准, 不允许: 原则上不允许镓、锗、锑、超硬材料相关两用物项
# 对美国出口; seventieth pass): a ban
_NOT_LET_OUT = r"不(?:允许|让|许|准)[^，。；]{0,24}?出口"
_ACT = re.compile(
    r"\b(?:announc|unveil|impos|introduc|implement|enact|add|plac|put|ban|requir"
    r"|tighten|strengthen|extend|revis|control|restrict|curb|list|took\s+effect|take\s+effect"
    r"|in\s+force"
    r"|effective|licen[cs]|suspen|lift|approv|prohibit)\w*"
    # (data or a report released is no act: "customs data released on Tuesday", 发布数据显示;
    # fifty-ninth pass)
    r"|(?<!data )(?<!figures )(?<!statistics )(?<!report )\b(?:issu|releas|publish)\w*(?!\w)"
    r"(?!\s+(?:(?:its|their|the|new|latest|official|monthly|trade|customs|export)\s+){0,3}"
    r"(?:data|figures|statistics|numbers|report|results))"
    # measures starting ("The limits, which kicked in on Sunday", "came into force")
    r"|\bkick(?:s|ed|ing)?\s+in\b|\b(?:came|come|comes|coming|went|go|goes)\s+into\s+"
    r"(?:force|effect)\b"
    # items made subject to a review or a licence before export
    r"|\bsubject\s+to\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:review|approval|licen[cs]\w*)"
    # a review of exports or of their end users is a control told by its procedure
    r"|\breviews?\s+(?:of|to|on)\s+(?:[\w-]+\s+){0,3}?(?:exports|shipments)\b"
    r"|\bend[\s-]users?\s+(?:and\s+end[\s-]uses?\s+)?reviews?\b"
    # a rule laid down and a ban told in the passive ("China has stipulated that … the export
    # of antimony to the United States is not permitted")
    r"|\bstipulat\w*|\b(?:is|are|be|was|were)\s+not\s+(?:permitted|allowed)\b"
    # exports halted, stopped or cut off ("China's decision in April to halt exports of …";
    # sixty-ninth pass)
    r"|\b(?:halt\w*|stop(?:s|ped|ping)?|cut(?:s|ting)?\s+off)\s+(?:(?:all|the|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:exports?|shipments|sales)\b"
    # ... told in the passive, by the trade they stopped ("With the rare earth magnet imports
    # halted since April"; seventieth pass)
    r"|\b(?:exports?|imports?|shipments|supplies|deliveries)\s+(?:(?:have|has|had)\s+been\s+"
    r"|(?:were|was|are|is|remain(?:s|ed)?)\s+)?(?:halted|stopped|suspended|frozen|cut\s+off)\b"
    r"|(?:发布|公布)(?!的?(?:最新|月度|海关)?(?:数据|统计|报告|财报|业绩))"
    # (限制, as "restrict": 稀土元素最新限制名单包括钐、钆…, sixtieth pass)
    r"|宣布|实施|加强|列入|管制|暂停|决定|生效|施行|许可|审批|禁止|限制"
    # (严控, "strictly controls": 12月3日,中国开始严控对美出口镓、锗、锑; sixty-eighth pass)
    r"|严控"
    # (a ban told as exports not let out: 中国就不让稀土提炼技术出口了; sixty-fourth pass)
    r"|" + _NOT_LET_OUT,
    re.IGNORECASE)
# the glossary's Chinese words for goods, longest first
_GOODS_ZH = "|".join(sorted({re.escape(w) for t in TERMS if t.kind == "subject" for w in t.zh},
                            key=len, reverse=True))
# a verb restricting goods' exports ("restricted rare earth exports", "curbed shipments of
# gallium"): controls on those goods (`_RESTRICTED_EXPORTS`), and a day's package of them
# (`_PACKAGE`)
_RESTRICTING_VERB = (r"\b(?:restrict|curb)(?:s|ed|ing)?\s+(?:the\s+)?(?:(?:exports?|shipments"
                     r"|sales)\s+of\b|(?:[\w-]+\s+){1,3}?(?:exports|shipments)\b)")
_PACKAGE = re.compile(
    r"\b(?:measures|controls|package|series|announcements|curbs|restrictions|rules)\b"
    r"|等(?:物项|措施)|措施|一系列|系列|管制新规"
    # (announcements counted, as "announcements": 中国商务部发出六份公告; sixty-ninth pass)
    r"|(?:两|三|四|五|六|\d)\s*(?:项|份|个|则)?公告"
    # (a Chinese noun of controls imposed has no number: 10月9日宣布对稀土实施出口限制 names
    # all the controls of that day it fits, as "the rare earth export controls announced on
    # Oct 9"; the list, the law and announcements (公告, counted) are not that noun)
    r"|实施(?:(?!一项|该)[^，。；]){0,15}?出口(?:管制|限制)(?!管控名单|清单|法|条例|规定|政策|公告)"
    # (as is a noun of controls widened or tightened on goods the glossary knows, or on none:
    # 10月9日宣布加大稀土出口管制范围和力度, not 收紧白银出口管制; sixty-third pass)
    r"|(?:加大|扩大|收紧|加强|强化|升级)了?对?(?:[^，。；]{0,8}?(?:" + _GOODS_ZH
    + r"))?(?:相关|的|物项|等|产品|材料|元素|及其)*出口(?:管制|限制)"
    r"(?!管控名单|清单|法|条例|规定|政策|公告)"
    # (and a verb of restricting those goods' exports: 中国10月初大幅管制稀土出口, "China
    # restricted rare earth exports in early October"; sixty-fourth pass)
    r"|(?:限制|管制|管控)了?[^，。；]{0,8}?(?:" + _GOODS_ZH
    + r")(?:相关|的|物项|等|产品|材料|元素|及其)*(?:的)?出口(?!管制|限制|许可|数据|量|额)"
    r"|" + _RESTRICTING_VERB,
    re.IGNORECASE)
# one measure named in the singular ("an announcement issued … on Thursday"), no plural beside it
_SINGULAR = re.compile(r"\b(?:an?|the)\s+(?:new\s+|separate\s+)?(?:announcement|decision|notice)\b",
                       re.IGNORECASE)
_PLURAL = re.compile(r"\b(?:measures|controls|announcements|decisions|rules|curbs|restrictions"
                     r"|package|series)\b", re.IGNORECASE)
# a control, or a licence required for exports ("China's licence requirement for diamond
# growing equipment", 出口许可要求)
# (出口限制, 出口禁令: "export restriction", "export ban" in Chinese)
# (and "export limitations", as rewritten relays call them)
# (and "the ban on exports of …", as "export ban")
_CONTROLS = re.compile(r"\bexport\s+(?:control|curb|restriction|ban|limitation|limits?\b)|出口管制"
                       r"|管制措施"
                       # (exports limited by a verb: "it would limit the export of five minerals";
                       # sixty-fourth pass)
                       r"|\blimit(?:s|ed|ing)?\s+(?:the\s+)?exports?\s+of\b"
                       # (and in the passive with their agent: "Critical Metal Exports Curbed by
                       # China"; sixty-fifth pass)
                       r"|\bexports?\s+(?:curbed|restricted|banned|limited)\s+by\b"
                       # (the technology catalogue's words: "Prohibited and Restricted from
                       # Export"; sixty-fourth pass)
                       r"|\b(?:prohibited|restricted|banned)\s+(?:(?:or|and)\s+restricted\s+)?"
                       r"from\s+export\b"
                       r"|\bbans?\s+on\s+(?:the\s+)?exports?\b"
                       # ... told the other way round ("restrictions on the export of graphite")
                       # and the list controlled goods are added to ("added holmium … to its
                       # control list"; sixty-first pass)
                       r"|\b(?:controls?|curbs?|restrictions?|limits?|limitations?)\s+on\s+"
                       r"(?:the\s+)?exports?\b|\bcontrol\s+lists?\b"
                       r"|出口限制|出口禁令"
                       r"|\blicen[cs](?:e|ing)\s+requirements?\b|许可要求", re.IGNORECASE)
# controls told by the goods they are on, without "export" ("the controls on medium and heavy
# rare earths that China imposed this year", "restrictions on antimony"): controls all the same
_GOODS_CONTROLS = re.compile(r"\b(?:controls?|curbs|restrictions?)\s+on\b", re.IGNORECASE)
# ... and by their goods before the noun ("the antimony controls", "graphite export curbs"), or
# by a verb of restricting their exports ("after China restricted antimony exports in 2024",
# "curbed shipments of gallium"): controls on those goods all the same (thirty-second pass)
_GOODS_NOUN = re.compile(r"\s+(?:export\s+)?(?:controls|curbs|restrictions)\b", re.IGNORECASE)
_RESTRICTED_EXPORTS = re.compile(
    _RESTRICTING_VERB
    # ... in Chinese, a verb of restricting the goods' exports ("中方限制锑出口", "管制镓、锗出口")
    # or a restriction of them as a noun ("对锑的出口限制", "对中重稀土的限制措施"); and in
    # English controls an actor put on goods ("the controls China put on antimony exports",
    # "the restrictions Beijing placed on …"): controls on those goods (thirty-third pass)
    + r"|(?:限制|管制)了?[\u4e00-\u9fff、]{1,12}?出口|对[\u4e00-\u9fff、]{1,12}?的(?:出口)?限制"
    r"|\b(?:controls|curbs|restrictions|measures)\s+(?:that\s+)?(?:China|Beijing)"
    r"\s+(?:has\s+|had\s+)?(?:put|placed|imposed|slapped)\s+on\b", re.IGNORECASE)
_MEASURE_NOUN = re.compile(
    r"\b(?:measures?|controls?|curbs|restrictions?|bans?|rules?|announcements?|decisions?"
    r"|package|suspensions?|licen[cs](?:e|es|ing)|lists?|listings?|regulations?)\b"
    # (and "export limits": sixty-fourth pass)
    r"|\bexport\s+limits?\b"
    r"|措施|管制|公告|决定|暂停|许可|清单|名单", re.IGNORECASE)
# an act done to "them" or "it" ("the two authorities suspended them until …"): the pronoun
# is the measure the sentence speaks of, as a measure noun would be
_ACT_ON_PRONOUN = re.compile(
    r"\b(?:suspend(?:ed|s|ing)?|paus(?:e|ed|es|ing)|lift(?:ed|s|ing)?|revok(?:e|ed|es|ing)"
    r"|extend(?:ed|s|ing)?|impos(?:e|ed|es|ing)|announc(?:e|ed|es|ing)|introduc(?:e|ed|es|ing)"
    r"|put|puts|putting)\s+(?:them|it)\b", re.IGNORECASE)
_REFERS_TO_LIST = re.compile(r"\b(?:to|on|from)\s+(?:it|that\s+list|the\s+(?:same\s+)?list)\b"
                             r"|(?:该|上述|这一|同一)名单", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+,[^(]{3,20}\((?:Xinhua|Reuters|AP|AFP)\)\s*[-–—]+"
                       r"|^\s*新华社[\u4e00-\u9fff]{1,6}\d{1,2}月\d{1,2}日电")
# (not a joint venture, nor 联合国, the parties' 联合声明 or 联合购买 of others: fifty-ninth pass)
_JOINT = re.compile(r"\bjoint(?:ly)?\b(?!\s+ventures?\b)"
                    r"|联合(?!国|声明|购买|采购|研发|开发|生产|体|会|办学|作战|军演|演习)",
                    re.IGNORECASE)
# a sentence opening on one of the announcements counted before ("The second reaches …")
_ORDINAL = re.compile(r"^\W*(?:the\s+(?:first|second|third|other|latter|former)\b(?!\s+(?:time"
                      r"|half|quarter|year|day|week|month))|(?:其一|其二|其三|第[一二三]项|另一项))",
                      re.IGNORECASE)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
# the parties a count counts ("US entities", "American defense firms")
_COUNTED_PARTIES = (r"(?:(?:U\.?S\.?|American|Japanese|foreign)\s+)?(?:[\w-]+\s+)?(?:entities"
                    r"|companies|firms|organizations|organisations|enterprises|corporations"
                    r"|contractors|suppliers|manufacturers)\b")
_EN_COUNT = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:more\s+|other\s+|additional\s+)?"
    + _COUNTED_PARTIES, re.IGNORECASE)
# a party named, then counted others with it ("Shield AI … alongside five other American
# companies"): as many as the others and the one named
_NAMED_AND_OTHERS = re.compile(
    r"\b(?:alongside|along\s+with|together\s+with)\s+(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS)
    + r")\s+other\s+" + _COUNTED_PARTIES, re.IGNORECASE)
# a count after a count of entities whose noun it leaves out ("… and 12 others")
_EN_OTHERS = re.compile(r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+others\b"
                        # (or the noun left out before the list they go on: "placed 40 Japanese
                        # entities on two export-control lists: 20 on a strict control list …,
                        # and 20 on a newly used watchlist"; sixty-eighth pass)
                        r"|\b(?P<on>\d{1,3})\s+(?:on|to)\s+(?:an?|the|its)\s+(?:[\w‑-]+\s+){0,3}?"
                        r"(?:list|watch\s*list|watchlist)\b",
                        re.IGNORECASE)
# a count of entities, also with a clause on them before the noun (10家参与对台军售……的美国企业:
# the 10 are the firms the clause describes); Hong Kong's papers count them with 间 (20間日本實體)
# (and as the news shortens them: 11家美企, 20家日企)
_ZH_COUNT = re.compile(r"(?P<n>\d{1,3})\s*(?:家|间)(?:[^，。；、\d]{1,40}?的)?"
                       r"(?:(?:美国|日本|外国|境外)?(?:实体|企业|公司|单位|法人|机构)|美企|日企|外企)")
# A country as the target of a measure ("to the US", "US entities", 对美, 日本实体), not as a
# party to talks or the source of a rule.
_TARGETS = {
    key: re.compile(
        # (goods "bound for" or "destined for" a country are sent to it; sixty-third pass)
        rf"(?i:\b(?:to|on|against|targeting|towards?|(?:bound|destined|headed)\s+for)\s+"
        rf"(?:the\s+)?){en}(?![a-z])"
        # (a country's office or government after it is an actor, not a target: "in response
        # to US President Donald Trump's tariffs")
        r"(?!\s+(?:(?i:President|Vice\s+President|Secretary|Trade\s+Representative|Prime\s+Minister"
        r"|Minister|administration|government|officials?|lawmakers|Congress|Senate|Treasury"
        r"|Commerce\s+Department|Department|side)\b))"
        # (and "Japan-bound exports": sixty-fourth pass)
        rf"|{en}-bound\b"
        rf"|{en}(?![a-z])\s+(?i:(?:military\s+|defen[cs]e\s+)?(?:entities|firms|companies"
        rf"|military|defen[cs]e|end[- ]users?|users?|organi[sz]ations|contractors))"
        # (legal persons and institutes are entities too: 40家日本法人及研究机构; sixtieth pass)
        rf"|对{zh}|{zh}(?:实体|军事|企业|公司|用户|法人|机构|单位)")
    for key, en, zh in (
        # ("exports to America", not the Americas: sixty-second pass)
        ("US", r"(?:US|U\.S\.|(?i:United\s+States)|American|America(?!s))", "美国?"),
        ("JP", r"(?:(?i:Japan(?:ese)?))", "日本?"),
    )
}
# The means goods were made with, right before a subject: "made (abroad) with / using (Chinese)",
# "produced with", 使用/利用/采用 (中国) … (a technology of the goods, not controlled as such).
_MADE_WITH = re.compile(
    r"\b(?:made|produced|manufactured|developed|processed)\s+(?:\w+\s+){0,2}?(?:with|using|by)"
    r"\s+(?:the\s+|its\s+)?(?:Chinese(?:-origin)?\s+|China's\s+)?$"
    r"|(?:使用|利用|采用|运用)(?:中国|中方)?(?:的)?$", re.IGNORECASE)
# What goods made abroad contain, right before a subject ("magnets made abroad that contain
# Chinese-origin medium and heavy rare earths worth 0.1 percent", 含有中国稀土): the content that
# brings foreign-made goods under a measure, not a subject controlled in its own right.
_CONTAINING = re.compile(
    r"\b(?:contain|contains|containing|incorporat(?:e|es|ing))\s+(?:any\s+)?"
    r"(?:Chinese(?:-origin)?\s+|China's\s+|China-origin\s+)?$|含有(?:中国)?(?:原产)?(?:的)?$",
    re.IGNORECASE)
# A day told as the day someone spoke ("Foreign exhibitors … said on Sunday that China's decision
# …"): the day of the words, not of the measure they speak of, unless the speaker is the regime.
_SPEECH_DAY = re.compile(r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|added|warned|welcomed|noted"
                         r"|stated|complained|reported)\s+$", re.IGNORECASE)
_OFFICIAL_SPEAKER = re.compile(
    r"\b(?:ministry|ministries|spokes\w*|government|Beijing|MOFCOM|State\s+Council|Customs"
    r"|officials?|authorities|regulators?|(?<!chamber\sof\s)commerce|minister|Xinhua)\b"
    r"|^\W*(?:China|Chinese)\b",  # (a chamber of commerce is no authority; sixty-ninth pass)
    re.IGNORECASE)
# The cause a story's news answers ("The move came in response to the U.S. administration's
# announcement on Wednesday", 作为对…的回应): its date is not the time "the same day" carries on.
_IN_RESPONSE = re.compile(r"\b(?:in\s+response\s+to|in\s+retaliation\s+(?:for|against|to)"
                          r"|responding\s+to|in\s+reaction\s+to)\b|回应|反制", re.IGNORECASE)
# dual-use items withheld from parties: the effect of the export control list
_DUAL_USE_BARRED = re.compile(
    r"\b(?:bans?|banned|banning|bars?|barred|barring|prohibit\w*|cut(?:s|ting)?\s+off|halt\w*"
    r"|block\w*)\b[^.;:]{0,60}?\bdual-use\b|\bdual-use\b[^.;:]{0,30}?\b(?:export|sales?"
    r"|shipments?)\s+(?:bans?|prohibitions?)\b"
    r"|(?:禁止|不得)[^，。；]{0,30}两用物项", re.IGNORECASE)
# A list the sentence does not name ("the 20 Japanese entities put on a Chinese list"): entities
# counted on it are on some list, the count says which listings fit, not which list.
_SOME_LIST = re.compile(r"\b(?:an?|its|one|another)\s+(?:(?:Chinese|China's|new)\s+)?lists?\b"
                        r"|某(?:个|一)?名单"
                        # a list only pointed at (相关清单, 有关名单: "the relevant list") is
                        # left unnamed all the same (thirty-second pass)
                        r"|(?:相关|有关)(?:名单|清单)"
                        # a list told by the act of listing alone ("列入清单", "列入名单" with no
                        # name; "one of its lists", "the entities China listed"): unnamed too
                        # (thirty-third pass)
                        r"|列入(?:名单|清单)|\b(?:one|two)\s+of\s+its\s+lists\b"
                        r"|\b(?:China|Beijing)\s+(?:black)?listed\b", re.IGNORECASE)
# The agent of a passive act in the act's clause: "by" and who ("fined … by Shenzhen customs").
# (a point inside a figure or an abbreviation, "2.3 million", "U.S.", does not end it)
_AGENT_CLAUSE = re.compile(r"(?:[^,;:.，。；：]|\.(?=\w)){0,120}")
_AGENT = re.compile(r"\bby\s+(?P<who>(?:[^,;:.，。；：]|\.(?=\w)){1,40})", re.IGNORECASE)
# an authority that acts (customs, a ministry, a court), not any party ("owned by Chinese groups")
_AUTHORITY = re.compile(r"\b(?:customs|ministry|MOFCOM|GACC|authorities|regulators?|courts?"
                        r"|bureau|administration|commission)\b|海关|商务部|法院", re.IGNORECASE)
# ... or any state, the agent of a measure's own participle ("the restrictions on the export of
# gallium and germanium announced by China", "controls imposed by Washington"; sixty-seventh
# pass): whoever else the sentence names first ("It will be Europe that will suffer …")
_ACT_PARTICIPLE = re.compile(r"\b(?:announced|imposed|introduced|issued|unveiled|adopted"
                             r"|implemented|enforced|decreed)\s+$", re.IGNORECASE)
# A limit before a date ("Goods shipped before March 10 …"): a deadline, not an event's day.
_LIMIT_BEFORE = re.compile(r"\b(?:before|after|prior\s+to|no\s+later\s+than)\s+$", re.IGNORECASE)
# Clauses of a sentence naming two lists ("added 15 US entities to its export control list, …,
# and several US firms … were put on the unreliable entity list")
_CLAUSE = re.compile(r",\s*(?:and|while|whereas|but)\s+|;|；|，(?:并|另|同时)|\bwhile\b",
                     re.IGNORECASE)
# A measure named back by a definite noun ("the suspension", "the decision", 该决定, 此举).
# A press conference (发布会, 新闻发布会) is where things are told: the 发布 in its name is no act
# of issuing ("发布会还通报，2025年…": the conference reported figures, nothing was issued).
_PRESS_CONFERENCE = re.compile(r"(?:新闻)?发布会")
# A figure told for a year: a change in per cent or a year-on-year figure ("a 14 percent fall",
# 同比增长5.6%): the year of that clause is the period of a statistic ("a 14 percent fall in 2024
# net profit", "2025年…生产总值同比增长5.6%"), not a measure's date.
_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|percent\b|per\s+cent\b)[^,，;；]{0,30}?\b(?:fall|drop|rise|gain"
    r"|increase|decrease|decline|growth|jump|slump|plunge)|\b(?:fell|dropped|rose|grew|gained"
    r"|increased|decreased|declined|jumped|slumped|plunged|climbed)\s+(?:by\s+)?(?:about\s+)?"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|同比|环比|(?:增长|下降|增加|减少|上涨|下跌)"
    r"(?:了)?\d+(?:\.\d+)?\s*(?:%|％)", re.IGNORECASE)
# entities or a list of them named in a clause (who a listing's measures are on)
_ENTITIES = re.compile(r"\b(?:entit(?:y|ies)|compan(?:y|ies)|firms?|organi[sz]ations?"
                       r"|subsidiaries|corporations|contractors|suppliers|manufacturers"
                       r"|\d{1,3}\s+others|lists?)\b|实体|企业|公司|单位|机构|名单|清单",
                       re.IGNORECASE)
# the parts of a sentence a comma or a semicolon cuts (for a date's own clause)
_COMMA = re.compile(r"[,，;；:：]")
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:suspension|decision|move|step|rule|pause)\b"
                       r"|(?:该|此|这一)(?:决定|措施|举措)|此举", re.IGNORECASE)
# the same noun opening its sentence as its subject ("The suspension, effective immediately, …")
_DEFINITE_OPENING = re.compile(r"\s*(?:the|this|that)\s+(?:suspension|decision|move|step|rule"
                               r"|pause)\b|\s*(?:该|此|这一)(?:决定|措施|举措)|\s*此举",
                               re.IGNORECASE)
# controls named again by a bare plural noun or a pronoun opening the sentence, told with what
# they did ("Controls began in April.", "They tightened further in October.")
_ANAPHORIC_OPENING = re.compile(
    r"\s*(?:(?:the|these|those|such)\s+)?(?:controls|curbs|restrictions)(?=[\s,])"
    r"(?!\s+(?:on|of)\b)"
    r"|\s*(?:they|these)\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:\w+ly\s+)?"
    r"(?:tighten|widen|expand|extend|broaden|began|begin|took|take|came|come|kicked|started)\w*",
    re.IGNORECASE)
# a sentence opening on the measure, announcement or rules told just before as its subject
# ("The measure prohibits exports …", 该公告规定)
_MEASURE_OPENING = re.compile(
    r"\s*(?:the|this|that)\s+(?:new\s+)?(?:measure|announcement|notice|ban|rules?|regulations?)"
    r"\s+(?!(?:on|of|by|in|from|was|is|has|had|came|comes)\b)"
    r"|\s*(?:该|此|这一)(?:公告|通知|措施|规定)(?:明确|规定|要求|指出|禁止)"
    # … or on what it brings about ("中方10月再次收紧出口限制。如此一来，外国企业若要出口…")
    r"|\s*(?:如此一来|这样一来)", re.IGNORECASE)
_CHINA = re.compile(r"\b(?:China|China's|Chinese|Beijing|MOFCOM)\b|中国|中方|我国|商务部")
_ZH_TITLE = re.compile(r"《(?P<t>[^《》]{4,80})》")
_TITLE_LEAD = re.compile(r"^(?:关于|公布|发布)")
_EN_TITLE_CORE = re.compile(r"\b(?:on|decision\s+on)\s+(?P<core>.+)$", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9]+")


# --------------------------------------------------------------------------- sentences


@dataclass
class Sentence:
    """What one sentence of a document says that can identify a measure."""

    index: int
    text: str
    subjects: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    lists: set[str] = field(default_factory=set)
    issuers: set[str] = field(default_factory=set)
    counts: set[int] = field(default_factory=set)
    # items of a class it counts ("seven rare earths": {("medium_heavy_rare_earth", 7)})
    item_counts: set[tuple[str, int]] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    bare_titles: set[str] = field(default_factory=set)  # `_bare_titles`: what may be a title
    dates: list[DateSpan] = field(default_factory=list)
    suspension: bool = False
    lifting: bool = False
    act: bool = False
    package: bool = False
    controls: bool = False
    joint: bool = False
    inherited: bool = False  # its dates come from the sentence before ("the same day")
    numbers: set[str] = field(default_factory=set)  # the measures it cites by number
    # ... of them, those cited with no issuer on a page about MOFCOM's announcements
    # (公告编号2025年第58号), which no page's citation links: the sentence names them
    bare_numbers: set[str] = field(default_factory=set)
    # the ids a MOFCOM number told without its year ("Announcement No. 61") can be: of the
    # document's year or the year before
    yearless: dict[str, int] = field(default_factory=dict)
    # on a page of MOFCOM's or about MOFCOM, the MOFCOM numbers it tells without their year
    # (第55号、56号公告, 公告第61号), read at the end of the run against the archive
    # (`_yearless_in_archive`)
    yearless_cited: list[YearlessCitation] = field(default_factory=list)
    singular: bool = False  # it names one measure only ("an announcement issued on Thursday")
    topic_controls: bool = False  # the document's title and lead speak of export controls
    foreign: bool = False  # every act it tells is another government's (a US rule put on hold)
    # the sentence as the page writes it, when this one is read from a part of it
    # (`distributed_years`): what evidence quotes
    written: str = ""


@dataclass(frozen=True)
class YearlessCitation:
    """A MOFCOM number a sentence tells without its year (`_yearless_citations`)."""

    text: str  # as the sentence writes it: 第55号、56号、57号公告
    number: int
    # the year the sentence gives it all the same (去年第46号, 2024年发布的第46号公告, a list
    # 2025年第55号、56号公告 with no issuer on a page of MOFCOM's), else None
    year: int | None = None


# A Chinese title's words as a headline or a sentence quotes them without brackets: from the
# act's first word (对, 加强, 将, 优化, 调整) to the controls, the list or the measures it ends on,
# within one clause (`_bare_titles`), compared with the titles' words (`Profile.bare_titles`)
_TITLE_TAIL = re.compile(r"的(?:公告|决定|通知)$")
_BARE_START = re.compile(r"对|加强|将|优化|调整")
_BARE_END = re.compile(r"出口管制(?:措施)?|名单|清单|措施")
_CLAUSE_MARK = re.compile(r"[，。；：！？,.;:!?]")
_DIGITS = re.compile(r"\d")
_BARE_TITLE_MIN = 8  # characters: shorter words are no title of their own
_BARE_TITLE_MAX = 60


def _bare_titles(text: str) -> set[str]:
    """The spans of a Chinese sentence that may be a title's words (`_TITLE_TAIL`)."""
    if not _BARE_START.search(text):
        return set()
    plain = title_key(text)
    found = set()
    ends = [m.end() for m in _BARE_END.finditer(plain)]
    for start in (m.start() for m in _BARE_START.finditer(plain)):
        for end in ends:
            if end - start > _BARE_TITLE_MAX:
                break
            if end - start >= _BARE_TITLE_MIN and not _CLAUSE_MARK.search(plain, start, end):
                found.add(plain[start:end])
    return found


def title_key(title: str) -> str:
    """A Chinese title as compared: NFKC, no spaces, brackets or leading 关于/公布, and no
    中华人民共和国 (the formal name a text may leave out: 《两用物项出口管制清单》 is
    《中华人民共和国两用物项出口管制清单》; sixty-eighth pass)."""
    text = nfkc(title or "")
    text = re.sub(r"[\s《》「」“”\"]|中华人民共和国", "", text)
    return _TITLE_LEAD.sub("", text)


# Title words as compared: articles dropped, "controls" as "control", "of" as "on" (a relay's
# "the export control of the relevant overseas rare earth items" names "Export Controls on
# Relevant Overseas Rare Earth Items")
_TITLE_WORD = {"the": "", "a": "", "an": "", "controls": "control", "of": "on"}


def _words(text: str) -> str:
    """A text's words as English titles are compared (`_TITLE_WORD`)."""
    words = (_TITLE_WORD.get(w, w) for w in _WORDS.findall(nfkc(text or "").lower()))
    return " ".join(w for w in words if w)


def _counts(text: str, elided: bool = False) -> set[int]:
    """The counts of entities the text gives (elided: a clause of a sentence that counted
    entities before it, whose noun it may leave out: "and 20 on a newly used watchlist")."""
    found = set()
    first = None
    for m in _EN_COUNT.finditer(text):
        n = m["n"].lower()
        found.add(int(n) if n.isdigit() else _NUMBER_WORDS[n])
        first = m.end() if first is None else first
    for m in _EN_OTHERS.finditer(text, 0 if elided else first or len(text)):
        # "against 16 US entities and … against 12 others": the entities' noun left out
        n = (m["n"] or m["on"]).lower()
        found.add(int(n) if n.isdigit() else _NUMBER_WORDS[n])
    found.update(int(m["n"]) for m in _ZH_COUNT.finditer(text))
    for m in _NAMED_AND_OTHERS.finditer(text):
        # "added Shield AI to its Unreliable Entity List alongside five other American
        # companies": the one named and the others counted (sixty-third pass)
        n = m["n"].lower()
        found.add((int(n) if n.isdigit() else _NUMBER_WORDS[n]) + 1)
    return found


# Rare earths counted are elements, the medium and heavy ones the measures name one by one
# ("seven rare earth elements", "five more rare earths", 7类中重稀土, 七种稀土): a count of that
# class, which a measure's text gives by naming its elements (`Profile.item_counts`).
COUNTED_CLASS = "medium_heavy_rare_earth"
_EN_ITEM_COUNT = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:(?:more|further|additional|other"
    r"|critical|strategic|key|types?\s+of|kinds?\s+of|medium(?:[- ]|\s+and\s+|\s*/\s*|-to-)"
    r"heavy|heavy|mid-heavy)\s+){0,3}rare[- ]earth(?:s|\s+elements|\s+metals|\s+minerals)?\b",
    re.IGNORECASE)
_ZH_ITEM_COUNT = re.compile(r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:种|类|项|个)"
                            r"(?:[^，。；、\d]{0,4}?)(?:中重稀土|重稀土|稀土)")


def _item_counts(text: str) -> set[tuple[str, int]]:
    """The counts of rare-earth elements a sentence gives (COUNTED_CLASS)."""
    found = set()
    for m in _EN_ITEM_COUNT.finditer(text):
        n = m["n"].lower()
        found.add((COUNTED_CLASS, int(n) if n.isdigit() else _NUMBER_WORDS[n]))
    for m in _ZH_ITEM_COUNT.finditer(text):
        n = m["n"] if m["n"].isdigit() else arabic_numeral(m["n"])
        found.add((COUNTED_CLASS, int(n)))
    return found


def _classes_counted(subjects: Iterable[str]) -> dict[str, int]:
    """How many named items of each class (a broader subject) a measure's subjects hold: its
    elements one by one (钐、钆、铽… for the medium and heavy rare earths), not the classes."""
    keys = set(subjects)
    members: dict[str, set[str]] = {}
    for k in keys:
        if any(k in term(o).broader for o in keys):
            continue  # a class itself (medium and heavy rare earths), not an item of one
        for b in term(k).broader:
            members.setdefault(b, set()).add(k)
    return {b: len(m) for b, m in members.items() if len(m) >= 2}


def _means_of_making(text: str, start: int) -> bool:
    """The subject at start is how goods were made ("items made abroad with Chinese rare earth
    technology", 使用中国稀土技术生产的): it qualifies the goods a measure covers, it is not a
    subject controlled in its own right."""
    return bool(_MADE_WITH.search(text[max(0, start - 60):start]))


# a government named as the doer of a past act whose object follows ("under which Washington
# reduced some tariffs", "the US imposed additional tariffs")
_DOER_BEFORE = re.compile(r"(?P<who>\b(?:the\s+)?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})\s+"
                          r"(?:also\s+|further\s+)?[a-z]+ed\b(?:\s+[a-z-]+){0,3}\s*$")


def _foreign_object(text: str, start: int) -> bool:
    """The subject at start is the object of another government's act told in its own clause
    ("Washington reduced some tariffs and Beijing paused a series of export controls": the
    tariffs are the US's): the subject of a foreign measure, not of China's."""
    before = text[max(0, start - 80):start]
    cut = max((m.end() for m in re.finditer(r"[,;:，；：]|\band\b|\bwhile\b", before)), default=0)
    m = _DOER_BEFORE.search(before[cut:])
    return bool(m) and last_actor_is_foreign(m["who"]) is True


def _content_of_foreign_goods(text: str, start: int, overseas: bool) -> bool:
    """The subject at start is what goods made abroad contain ("magnets made abroad that contain
    Chinese-origin medium and heavy rare earths"), in a sentence about foreign-made items: the
    content that brings them under the measure on such items, not a subject of its own."""
    return overseas and bool(_CONTAINING.search(text[max(0, start - 40):start]))


def _spoken_day(text: str, d: DateSpan) -> bool:
    """The date is the day a speaker other than the regime spoke ("Foreign exhibitors … said on
    Sunday that China's decision to pause …"): it dates the words, not a measure."""
    before = text[:d.start]
    m = _SPEECH_DAY.search(before)
    return bool(m) and not _OFFICIAL_SPEAKER.search(before[:m.start()])


# goods added to a control list ("In April it added some of the most sophisticated types to an
# export control list"; sixty-eighth pass): the list of controlled items, not the entities'
_GOODS_ADDED_TO = re.compile(
    r"\badd(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,6}?(?:types|kinds|elements|minerals|metals|items"
    r"|materials|goods|products|technolog(?:y|ies)|rare[- ]earths?|magnets)\s+to\s+"
    r"(?:an?|the|its|China's|Beijing's)\s+$", re.IGNORECASE)


def read_sentence(index: int, text: str, today: str) -> Sentence:
    s = Sentence(index, text)
    found = list(spans(text))
    overseas = any(t.key == "overseas_items" for t, _, _ in found)
    acts = read_acts(text)
    # the noun of another government's act (美国总统川普对中国施加关税: the US's tariffs) is no
    # subject of China's measures
    foreign_heads = {a.head for a in acts if _foreign_act(text, a)}
    for t, a, _ in found:
        if t.kind == "subject" and (_means_of_making(text, a) or _foreign_object(text, a) or (
                t.key != "overseas_items" and _content_of_foreign_goods(text, a, overseas))
                or a in foreign_heads):
            continue
        if t.kind == "subject":
            s.subjects.add(t.key)
            s.subjects.update(t.broader)
        elif t.kind == "list":
            if t.key == "export_control_list" and _GOODS_ADDED_TO.search(text[:a]):
                continue  # goods added to a control list: the list of items, not of entities
            s.lists.add(t.key)
        elif t.kind == "issuer":
            s.issuers.add(t.key)
    s.countries = {key for key, pattern in _TARGETS.items() if pattern.search(text)}
    s.counts = _counts(text)
    s.item_counts = _item_counts(text)
    s.titles = {title_key(m["t"]) for m in _ZH_TITLE.finditer(text)}
    s.bare_titles = _bare_titles(text)
    s.dates = [d for d in dates_in(text, today) if not _spoken_day(text, d)]
    s.suspension = bool(_SUSPEND.search(text))
    s.lifting = bool(_LIFT.search(text))
    s.act = bool(_ACT.search(_PRESS_CONFERENCE.sub("", text)))
    # (the noun of controls in an opening clause telling an earlier act is that act's: "自今年4月
    # 实施稀土出口管制后，商务部昨晨再发公告，…" names one announcement; sixty-ninth pass)
    earlier = _EARLIER_ACT_CLAUSE.match(text)
    s.package = bool(_PACKAGE.search(text, earlier.end() if earlier else 0))
    s.controls = bool(_CONTROLS.search(text))
    s.joint = bool(_JOINT.search(text)) or ("GACC" in s.issuers and "MOFCOM" in s.issuers)
    s.numbers = {m.id for m in find_measure_numbers(text)}
    s.singular = bool(_SINGULAR.search(text)) and not _PLURAL.search(text)
    # every act another government's, done or still to come ("the period after the
    # suspension" of the US rule is the US's too), and one of them done
    s.foreign = any(a.done for a in acts) and all(_foreign_act(text, a) for a in acts) \
        or _foreign_announcement_only(text, acts)
    return s


# a word of a measure of any kind: a control, a ban, a licence, a list, a duty
_MEASURE_WORD = re.compile(r"管制|管控|限制|禁令|禁止|许可|清单|名单|关税|制裁"
                           r"|\bcontrols?\b|\bcurbs?\b|\brestrictions?\b|\bbans?\b|\bembargo\b|\blicen[cs]\w*|\blists?\b"
                           r"|\btariffs?\b|\bduties\b|\bsanctions?\b", re.IGNORECASE)


def _foreign_announcement_only(text: str, acts: list[Act]) -> bool:
    """The sentence tells no act of a regime and names no measure, China nowhere, and every
    word of doing in it has another government as its actor ("In fact, the Canadian government
    recently announced that they will begin stockpiling … graphite and scandium"; sixty-first
    pass): that government's plan, which no time or goods of it can make China's measure."""
    if acts or _CHINA.search(text) or _MEASURE_WORD.search(text):
        return False
    words = list(_ACT.finditer(text))
    return bool(words) and all(last_actor_is_foreign(text[:m.start()]) is True for m in words)


def _foreign_act(text: str, act: Act) -> bool:
    """Whether the act is another government's: its passive's agent decides when it names an
    authority, else the act's actor."""
    agent = _agent_is_foreign(text, act.head)
    if agent is None and act.foreign and _CHINESE_AUTHOR.search(text[:act.head]):
        return False  # "日方对中方本周二宣布的……出口管制措施表示抗议": the measure is China's
    return act.foreign if agent is None else agent


# a measure named with its Chinese author in a relative clause just before it (中方本周二宣布的
# ……措施): China's measure, whoever reacts to it
_CHINESE_AUTHOR = re.compile(r"(?:中方|中国|我国|商务部)[^，。；：、对方]{0,8}?"
                             r"(?:宣布|发布|公布|出台|采取|实施)的$")


def _agent_is_foreign(text: str, head: int) -> bool | None:
    """Whether the agent of a passive at head, an authority told after its object in the act's
    clause, is foreign ("has been fined 2.3 million yuan by US customs") or Chinese ("… by
    Shenzhen customs"): it is who acts, wherever the party the act is done to is from ("a
    Singapore-registered trading company"). A state named so after a measure's own participle
    ("announced by China", `_ACT_PARTICIPLE`) counts as an authority. None when none is named
    so."""
    clause = _AGENT_CLAUSE.match(text, head)
    told = clause.group(0) if clause else ""
    for m in _AGENT.finditer(told):
        if _AUTHORITY.search(m["who"]) or _ACT_PARTICIPLE.search(told[:m.start()]):
            foreign = last_actor_is_foreign(m["who"])
            if foreign is not None:
                return foreign
    return None


# A Chinese list of years, each with its goods, before one verb of controls
# ("继2023年对镓、锗、石墨，2024年对锑等实施管制后"): each year's goods are controlled that year.
_YEAR_ITEM = r"(?:19|20)\d\d年(?:对|将)[^，。；\d]{1,30}?"
_YEAR_LIST = re.compile(r"(?P<items>(?:" + _YEAR_ITEM + r"[，、])+" + _YEAR_ITEM + r")"
                        r"(?P<verb>等?(?:相关物项)?(?:实施|采取|加强|纳入)[^，。；]{0,10}?"
                        r"(?:管制|限制|管控))")


def distributed_years(sentence: str) -> list[str]:
    """The sentence, and when it lists years each with its goods before one verb of controls,
    one sentence per year with that verb (2023年对镓、锗、石墨实施管制。2024年对锑等实施管制。)
    instead of the list."""
    m = _YEAR_LIST.search(sentence)
    if m is None:
        return [sentence]
    items = re.split(r"[，、](?=(?:19|20)\d\d年)", m["items"])
    rest = sentence[:m.start()] + sentence[m.end():]
    return [rest] + [f"{item}{m['verb']}。" for item in items]


# MOFCOM and Customs named together as the issuers of a joint announcement (商务部与海关总署联合
# 发布公告, 商务部、海关总署公告): MOFCOM's series, as a joint announcement's number is
_JOINT_WITH_CUSTOMS = re.compile(r"商务部\s*(?:与|和|、|及|会同)?\s*海关总署"
                                 r"|海关总署\s*(?:与|和|、|及)\s*商务部")


def _about_mofcom(text: str) -> bool:
    """A Chinese page that names MOFCOM, and not Customs on its own (whose own series a number
    could be); Customs named only as MOFCOM's partner in a joint announcement is MOFCOM's
    series (sixty-fifth pass)."""
    return "商务部" in text and "海关总署" not in _JOINT_WITH_CUSTOMS.sub("商务部", text)


def read_document(title: str, body: str, published: str, mofcom: bool = False
                  ) -> tuple[list[Sentence], set[str]]:
    """The document's sentences (the title first) and its own subjects (title and lead).
    mofcom: the page is MOFCOM's own (a mofcom.gov.cn host): the numbers it tells without their
    year are MOFCOM's, as on a page about MOFCOM (`_about_mofcom`)."""
    today = dateline(body, published) or published
    texts = [(title, "")]
    for sentence in split_sentences(body):
        parts = distributed_years(sentence)
        texts += [(part, sentence if len(parts) > 1 else "") for part in parts]
    sentences = [read_sentence(i, t, today) for i, (t, _) in enumerate(texts)]
    if _about_mofcom(f"{title}\n{body}"):
        # a Chinese page about MOFCOM's announcements: a number with no issuer is MOFCOM's
        # (商务部发布两则公告。2025年第61号公告对……)
        for s in sentences:
            s.bare_numbers = {m.id for m in find_unattributed_numbers(s.text, Issuer.MOFCOM)}
            s.numbers |= s.bare_numbers
    for s, (_, written) in zip(sentences, texts, strict=True):
        s.written = written
    previous: list[DateSpan] = []
    day_before: list[DateSpan] = []  # the last day told as an event's ("on Tuesday")
    start_day: list[DateSpan] = []  # the last day told as a change's start (3月4日起)
    counted: list[DateSpan] = []  # the time of the announcements a sentence counted
    set_held: list[DateSpan] = []  # the day of a set of measures whose contents are being told
    last: Sentence | None = None
    for s in sentences:
        # "the same day" is the day of the event before, not an effective date of its own
        days = [d for d in s.dates if d.precision == "day" and d.role == "on"]
        # … and a day told before it dates an earlier event the sentence refers to, not its
        # act ("商务部当天还宣布，对今年3月4日列入…的15家美国实体停止执行相关措施")
        # "the same day" is a day: a month or year told since the last day is no day it can
        # be ("on Tuesday … in September last year … on the same day" is Tuesday)
        lent = (day_before if _SAME_DAY.search(s.text) and day_before
                and not any(x.precision == "day" for x in previous) else previous)
        if not lent and _SAME_DAY.search(s.text) and start_day:
            # with no event's day told before, "the same day" is the day a change told before
            # began ("美方3月4日起……加征关税。中方当日宣布……": 4 March)
            lent = [replace(d, role="on") for d in start_day]
        # (a day the sentence tells before its "that day" is the day it means: "6月9日,在中美
        # 于英国伦敦举行经贸磋商机制首次会议当日"; sixty-eighth pass)
        same = _SAME_DAY.search(s.text)
        if same_time_reference(s.text) and lent and all(
                d.last < min(x.first for x in lent) for d in days) and not (
                same and any(d.start < same.start() for d in days)):
            s.dates = s.dates + lent
            s.inherited = True
        elif _ORDINAL.match(s.text) and not days and counted:
            # "two new announcements … The second reaches beyond China's borders": one of the
            # counted announcements, of their time
            s.dates = s.dates + counted
            s.inherited = True
        elif (not s.dates and last is not None and _SET_OF_MEASURES.search(last.text)
              and s.act and not s.foreign and (set_day := [
                  d for d in _told_dates(last) if d.role == "on" and d.precision == "day"])):
            # "… part of a set of countermeasures announced the same day. The ministry imposed
            # export controls on …": a sentence with no time of its own right after one naming
            # a day's set of measures tells what the set held, that day's acts
            s.dates = set_day[:1]
            s.inherited = True
            set_held = set_day[:1]
        elif not s.dates and set_held and last is not None and last.inherited and s.act \
                and not s.foreign:
            # … and so do the sentences after it that go on telling, each with no time of its
            # own ("…issued four complementary documents… Synthetic diamonds … have been added
            # to the export control list. … Exports of certain middle and heavy rare-earth
            # metals … will be prohibited."; sixty-third pass)
            s.dates = set_held
            s.inherited = True
        elif (not s.dates and last is not None and _MEASURE_OPENING.match(s.text)
              and (issued := _issuing_day(last))):
            # "China's Ministry of Commerce issued a new announcement on Tuesday January 6. The
            # measure prohibits exports to Japan of dual-use items …": the measure a sentence
            # opens on is the one the sentence before told China issued, of its day
            s.dates = issued
            s.inherited = True
        elif (s.dates and all(d.role == "from" for d in s.dates) and last is not None
              and _SET_OF_MEASURES.search(last.text) and _SET_CONTENTS.match(s.text)
              and (set_day := [d for d in _told_dates(last)
                               if d.role == "on" and d.precision == "day"])):
            # "… a package of countermeasures China unveiled on Tuesday. The package also
            # included additional tariffs … from February 10, and export controls on tungsten
            # …": a sentence telling what the set held names that day's acts; a day a member
            # starts from is that member's start, not the set's time, and does not replace it
            s.dates = s.dates + set_day[:1]
            s.inherited = True
        if _announcements_counted(s) and s.dates:
            counted = [d for d in _told_dates(s) if d.role == "on"]
        if s.inherited:
            pass  # its time is borrowed: the time carried on stays the one it borrowed
        elif s.dates:
            # a dateline's day is the report's, not an event's: "the same day" is not it; nor
            # is a day told as the one something takes effect ("The measures, which take effect
            # November 8, …. On the same day, …" is the day of the act before; sixty-third pass)
            told = [d for d in _news_dates(s) if not _TAKES_EFFECT_ON.search(
                s.text[max(0, d.start - 30):d.start])]
            if told:  # (a sentence telling only when things take effect carries nothing on)
                on_days = [d for d in told if d.role == "on" and d.precision == "day"]
                # an effective date ("take effect on Dec 1") is no event "the same day" carries on
                previous = (on_days[:1] or [d for d in told if d.role == "on"]
                            or [d for d in told if d.role != "from"] or previous)
                day_before = on_days[:1] or day_before
                start_day = [d for d in told if d.role == "from" and d.precision == "day"][:1] \
                    or start_day
        elif last is not None and last.text.rstrip().endswith((";", "；")):
            # a semicolon joins clauses of one sentence: the time told at its start holds for
            # the clauses after it that give none of their own (同日，…；…还发布公告，…)
            s.dates = [d for d in _told_dates(last) if d.role == "on"]
            s.inherited = bool(s.dates)
        if not s.inherited:
            set_held = []  # a sentence of its own time ends the telling of a set's contents
        last = s
    carried: set[int] = set()  # sentences whose goods are those of a sentence before
    for k in range(1, len(sentences)):
        before, s = sentences[k - 1], sentences[k]
        if before.foreign and _refers_back(s):
            s.foreign = True  # "the suspension" right after the US decision to suspend: theirs
            continue
        # "China has hit pause on several export control measures affecting rare-earth
        # elements … The suspension, effective immediately, will last until November 10,
        # 2026": the definite noun is the act told just before, whose goods it names
        source = before if _dates_the_act_before(before, s) else _controls_told_before(
            sentences, k, carried)
        if source is None and _dates_the_ban_before(before, s, today):
            source = before
            s.countries |= before.countries
        if source is not None:
            carried.add(s.index)
            s.subjects |= source.subjects
            s.package = s.package or source.package
            s.controls = s.controls or source.controls
    named: set[str] = set()  # the lists of the last sentence that named any
    for s in sentences:
        # "added 28 US entities to it", "to the same list": a count of entities put on a list
        # the sentence only refers back to is on the one list last named before it
        if s.counts and not s.lists and len(named) == 1 and _REFERS_TO_LIST.search(s.text):
            s.lists = set(named)
        elif s.lists:
            named = set(s.lists)
    for before, s in zip(sentences, sentences[1:], strict=False):
        # "Natural flake graphite and high-purity synthetic graphite are a different matter.
        # They have needed export licences since December 2023": a sentence opening on a
        # pronoun, with no subject of its own, speaks of the goods the sentence before only
        # named (no measure, no date of its own)
        told = {k for k in before.subjects if not term(k).generic}
        if (told and _PRONOUN_OPENING.match(s.text) and not any(
                not term(k).generic for k in s.subjects) and not before.dates
                and not _names_a_measure(before) and not before.numbers):
            s.subjects |= told
    for before, s in zip(sentences, sentences[1:], strict=False):
        # "… the “weaponisation” of its dominance in rare earth minerals and magnets. New export
        # licensing rules introduced in April have led to dozens of industrial closures": a
        # sentence opening on rules or controls with no goods of their own, dated, speaks of
        # the goods the sentence before only named (sixty-eighth pass)
        told = {k for k in before.subjects if not term(k).generic}
        # (or telling China imposing them: "Beijing has slowed the issue of export licences
        # since imposing new controls in April"; sixty-ninth pass)
        if (told and (_RULES_OPENING.match(s.text) or _CHINA_IMPOSING_CONTROLS.search(s.text))
                and not any(not term(k).generic for k in s.subjects)
                and not any(d.precision in ("day", "month") for d in before.dates)
                and any(d.precision in ("day", "week", "month") for d in s.dates)
                and not _names_a_measure(before) and not before.numbers and not s.foreign):
            s.subjects |= told
    for before, s in zip(sentences, sentences[1:], strict=False):
        # "exported ammonium paratungstate and tungsten carbide powder … The ministry found
        # that the above items are included in the export control since February 4, 2025":
        # items named by a word pointing back (the above, the said, these; 上述) are the goods
        # the sentence before named, whatever that sentence dated
        told = {k for k in before.subjects if not term(k).generic}
        if not _ITEMS_BACK.search(s.text) or any(not term(k).generic for k in s.subjects):
            continue
        if told:
            s.subjects |= before.subjects
        elif (named := _goods_named_before(sentences, s.index)) is not None:
            # ... or, past sentences that name no goods of a kind ("These magnets are small
            # but powerful. … for the supply of these magnets. … introduced strict new rules for
            # exporting these products"), the goods the nearest sentence naming them named
            # (sixty-sixth pass)
            s.subjects |= named.subjects
    for s in sentences:
        # "restrictions by China on exports of rare earth alloys, mixtures and magnets … China's
        # decision in April to suspend exports of a wide range of critical minerals and magnets":
        # magnets, the only goods a sentence names, are the kind of magnets a sentence shortly
        # before named (sixty-ninth pass)
        if s.subjects & NOT_GOODS or any(not term(k).generic for k in s.subjects) \
                or "magnets" not in s.subjects:
            continue
        for before in reversed(sentences[max(0, s.index - ITEMS_BACK_REACH):s.index]):
            kinds = {k for k in before.subjects - NOT_GOODS if not term(k).generic}
            if kinds and "magnets" in before.subjects:
                s.subjects |= kinds
            if kinds or before.numbers or before.foreign:
                break  # (other goods, a number or another government's act between: no kind)
    for before, s in zip(sentences, sentences[1:], strict=False):
        # "Beijing has also announced export controls on items related to five critical Earth
        # metals … The five metals are tungsten, indium, …": a sentence that names the goods
        # the one before spoke of by their class names the goods of its controls (sixty-sixth
        # pass)
        if (_GOODS_SPELLED_OUT.match(s.text) and not s.dates and not s.numbers
                and any(not term(k).generic for k in s.subjects - NOT_GOODS)
                and not any(not term(k).generic for k in before.subjects - NOT_GOODS)
                and (before.controls or _names_a_measure(before))):
            before.subjects |= s.subjects - NOT_GOODS
    year = int(today[:4])
    for s in sentences:
        for m in _YEARLESS.finditer(s.text):
            years = {"今年": (year,), "去年": (year - 1,)}.get(m["rel"] or "", (year, year - 1))
            for n in _yearless_numbers(m):
                for y in years:
                    if f"MOFCOM-{y}-{n}" not in s.numbers:
                        s.yearless[f"MOFCOM-{y}-{n}"] = n
    if mofcom or _about_mofcom(f"{title}\n{body}"):
        for s in sentences:
            s.yearless_cited = _yearless_citations(s.text, year)
    topic = read_sentence(-1, _lead(texts), today)
    for s in sentences:
        s.topic_controls = topic.controls
    own = topic.subjects
    return sentences, own


def _lead(texts: list[tuple[str, str]]) -> str:
    """The title and the body's first two sentences, photo captions left out: a caption is the
    sentence before its credit (美国总统川普（左）和中国国家主席习近平（右）。（法新社资料照）),
    which tells the picture, not the news."""
    kept = [texts[0][0]] if texts else []
    body = [t for t, _ in texts[1:]]
    for i, text in enumerate(body):
        if is_photo_credit(text) or (i + 1 < len(body) and is_photo_credit(body[i + 1])):
            continue  # a credit, or the caption before it
        kept.append(text)
        if len(kept) == 3:
            break
    return " ".join(kept)


# a sentence whose grammatical subject is a pronoun for things ("They have needed …", 它们)
# items named by a word pointing back to those the sentence before named
_ITEMS_BACK = re.compile(r"\b(?:the\s+)?(?:above(?:-mentioned)?|aforementioned|said|these|those)"
                         r"\s+(?:(?:critical|key|strategic)\s+)?(?:items|goods|products|materials"
                         r"|commodities|minerals|metals|magnets|elements)\b"
                         # (or counted: "the two critical minerals"; sixty-sixth pass)
                         r"|\bthe\s+(?:two|three|four|five|six|seven|eight|\d)\s+(?:(?:critical|key"
                         r"|strategic|rare|minor|chipmaking)\s+)?(?:items|goods|products|materials"
                         r"|commodities|minerals|metals|elements)\b"
                         r"|(?:上述|前述|该等|这些)(?:关键|战略|稀有)?(?:物项|产品|商品|物资|货物|矿产|矿物"
                         r"|金属|材料)"
                         # (or some of their kinds, the kind not said: "In April it added some of
                         # the most sophisticated types to an export control list"; sixty-ninth
                         # pass)
                         r"|\b(?:some|several|many|certain|the|these|those|such)\s+(?:of\s+(?:the"
                         r"|these|those|its|their)\s+)?(?:(?:most|more|[\w-]+est|high-end|advanced"
                         r"|sophisticated|powerful)\s+){0,2}(?:types|kinds|grades|varieties)\b"
                         r"(?!\s+of\b)|(?:其中|这些)(?:的)?(?:部分|一些|某些)?(?:品种|种类|型号)",
                         re.IGNORECASE)
# a sentence spelling out goods the one before named by their class ("The five metals are
# tungsten, indium, …", "The items include …", 这五种金属分别是…)
_GOODS_SPELLED_OUT = re.compile(
    r"\s*(?:the|these|those)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(?:[\w-]+\s+)?(?:metals|minerals|elements|items|materials|products|goods|commodities)\s+"
    r"(?:are|were|include|included|includes|comprise|cover)\b"
    r"|\s*(?:这|这些|上述|该)?[两二三四五六七八九十\d]{1,2}(?:种|类|项)(?:金属|矿产|矿物|元素|物项|材料"
    r"|产品)(?:分别)?(?:是|为|包括)", re.IGNORECASE)
# how many sentences back goods pointed back to may have been named (`_goods_named_before`)
ITEMS_BACK_REACH = 3


def _goods_named_before(sentences: list[Sentence], k: int) -> Sentence | None:
    """The nearest of the ITEMS_BACK_REACH sentences before the k-th that names goods of a kind,
    when those between name no goods of a kind, no measure and no number ("These magnets are
    small but powerful. Without them … . … the supply of these magnets"); None otherwise."""
    for before in reversed(sentences[max(0, k - ITEMS_BACK_REACH):k]):
        if any(not term(t).generic for t in before.subjects):
            return before
        if before.numbers or before.foreign or _names_a_measure(before):
            return None
    return None


# a day's measures named as one set ("a set of countermeasures announced the same day")
_SET_OF_MEASURES = re.compile(r"\b(?:a|the)\s+(?:set|series|package|raft|slew)\s+of\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:counter-?)?measures\b"
                              r"|一系列(?:[^，。；]{0,6})?(?:反制)?措施"
                              # (or counted documents issued: "jointly issued four complementary
                              # documents extending export controls"; sixty-third pass)
                              r"|\b(?:issued|released|published|unveiled)\s+(?:two|three|four|five"
                              r"|six|seven|\d)\s+(?:[\w-]+\s+)?(?:documents|announcements"
                              r"|decisions|regulations)\b", re.IGNORECASE)
_TAKES_EFFECT_ON = re.compile(r"\b(?:take|takes|took|taking)\s+effect\s+(?:on\s+)?$"
                              r"|\beffective\s+(?:from\s+|on\s+|as\s+of\s+)?$", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+day)\b|同日|当天|当日", re.IGNORECASE)
# a sentence telling what such a set held ("The package also included …")
_SET_CONTENTS = re.compile(r"\s*(?:the|this|that)\s+(?:set|series|package|raft|slew)\b"
                           r"(?:\s+of\s+(?:[\w-]+\s+){0,2}?(?:counter-?)?measures)?"
                           r"\s+(?:also\s+)?(?:included|includes|comprised|comprises|contained"
                           r"|contains|covered|covers)\b", re.IGNORECASE)
# rules or controls opening a sentence with no goods named ("New export licensing rules
# introduced in April …", "The new controls, imposed in October, …")
_RULES_OPENING = re.compile(r"\s*(?:(?:The|These|Those|Such|Its|Beijing['’]s|China['’]s)\s+)?"
                            r"(?:new\s+|latest\s+|recent\s+|tighter\s+|stricter\s+)?"
                            r"(?:export\s+)?(?:licen[cs]ing\s+)?(?:rules|controls|curbs"
                            r"|restrictions|requirements|regime)\b", re.IGNORECASE)
_CHINA_IMPOSING_CONTROLS = re.compile(
    r"\b(?:China|Beijing)\b[^.;:]{0,60}?\b(?:impos|introduc|unveil)\w*\s+(?:its\s+|the\s+)?"
    r"(?:new\s+|tighter\s+|stricter\s+)?(?:export\s+)?(?:controls|curbs|restrictions)\b"
    r"(?!\s+on\b)", re.IGNORECASE)
_PRONOUN_OPENING = re.compile(r"\s*(?:They|These|Both)\s+(?!said\b|say\b|told\b)"
                              r"|\s*(?:它们|二者|两者)")
# A MOFCOM announcement's number told without its year ("China's Announcement No. 61", 第61号公告),
# not another body's (GACC, customs, the UEL working mechanism) and not followed by a year.
# A list of them ("MOFCOM Announcements No. 21 and No. 22 from April") names each.
_YEARLESS = re.compile(
    r"(?<!GACC\s)(?<!Customs\s)(?<!UEL\s)\bAnnouncements?\s+Nos?\.?\s*(?P<n>\d{1,3})\b"
    r"(?P<more>(?:\s*(?:,|and|&)\s*(?:No\.?\s*)?\d{1,3}\b)*)"
    r"(?!\s*(?:of\s+|\[|\(|,\s*)?\d{4})|(?<![年\d〕])第(?P<zh>\d{1,3})号"
    # (a Chinese list of them: 第21号和22号公告, 第21号、第22号公告; sixty-fourth pass)
    r"(?P<zhmore>(?:(?:和|、|及|与)第?\d{1,3}号)*)"
    # (… or before a full citation the list goes on to: 暂停实施此前发布的第55号、56号、57号、
    # 58号及商务部公告2025年第61号、62号; sixty-eighth pass)
    r"(?:公告|(?=(?:和|及|与)[\u4e00-\u9fff、]{0,12}?公告\s*\d{4}\s*年))"
    # (the number told as the document's serial: 这份编号62号的文件, 编号为第61号的公告, and
    # 61号公告 with no 第 nor a month's day before it; sixty-second pass)
    r"|编号(?:为)?第?(?P<serial>\d{1,3})号|(?<![年\d〕月第])(?P<bare>\d{1,3})号公告"
    # (and told with the year in words: 中国商务部今年第61号公布明言…; sixty-eighth pass)
    r"|(?P<rel>今年|去年)第(?P<reln>\d{1,3})号", re.IGNORECASE)


def _yearless_numbers(m: re.Match[str]) -> list[int]:
    """The numbers of one yearless reference or list."""
    return [int(m["n"] or m["zh"] or m["serial"] or m["bare"] or m["reln"]),
            *(int(n) for n in re.findall(r"\d{1,3}", (m["more"] or "") + (m["zhmore"] or "")))]


# ... and the noun before the number (商务部公告第61号, 公告第55号、第56号); a year after 公告 makes
# it a full citation (pipelines.identifiers)
_NOUN_FIRST = re.compile(r"公告\s*第\s*(?P<n>\d{1,3})\s*号"
                         r"(?P<more>(?:\s*(?:和|、|及|与)\s*第?\s*\d{1,3}\s*号)*)")
# a body with a series or decisions of its own, named in the clause before a number (海关总署公告
# 第219号, 国务院关税税则委员会…第4号公告): its number, not MOFCOM's, unless MOFCOM is named with it
_OTHER_BODY = re.compile(r"海关总署|税则委员会|税委会|工作机制|国务院|工业和信息化部|工信部|财政部"
                         r"|发展改革委|发改委|国家[\u4e00-\u9fff]{1,6}?局|总局|管理局|委员会"
                         r"|\bGACC\b|\bcustoms\b"
                         r"|\bTariff\s+Commission\b|\bUEL\b|\bState\s+Council\b",
                         re.IGNORECASE)
_MOFCOM_NAMED = re.compile(r"商务部|\bMOFCOM\b|\bMinistry\s+of\s+Commerce\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[，。；：！？,;:!?](?=[^，。；：！？,;:!?]*$)")
# the year told right before the number (2024年发布的第46号公告, 去年发布的第46号公告)
_YEAR_FOR_IT = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年|(?P<rel>今年|本年|去年|上年|前年))"
                          r"(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?\s*"
                          r"(?:(?:发布|公布|出台|印发|颁布)了?)?\s*的?\s*$")
_YEARS_BACK = {"今年": 0, "本年": 0, "去年": 1, "上年": 1, "前年": 2}


def _yearless_citations(text: str, year: int) -> list[YearlessCitation]:
    """The MOFCOM numbers a sentence of a page of MOFCOM's or about MOFCOM tells without their
    year (`_YEARLESS`, `_NOUN_FIRST`), each number once: not another body's (海关总署公告第219号:
    `_OTHER_BODY` in the clause before it, MOFCOM not), not a number the sentence cites with its
    year (商务部公告2025年第61号), and with the year the sentence gives it right before it, if it
    does (去年第46号公告, 2024年发布的第46号公告; a list 2025年第55号、56号公告 naming no issuer).
    year: the page's."""
    if "号" not in text and "No" not in text:
        return []
    cited = {m.number for m in find_measure_numbers(text) if m.series == "MOFCOM"}
    unattributed = find_unattributed_numbers(text, Issuer.MOFCOM)
    told: list[tuple[int, str, int, int | None]] = [  # where, as written, number, year given
        (m.start, m.text, m.number, m.year) for m in unattributed
        if not _other_body_before(text, m.start)]
    matches = [(m.start(), m.group(), _yearless_numbers(m), m["rel"])
               for m in _YEARLESS.finditer(text)]
    matches += [(m.start(), m.group(), [int(m["n"]), *(int(n) for n in re.findall(
        r"\d{1,3}", m["more"] or ""))], None) for m in _NOUN_FIRST.finditer(text)]
    for start, span, numbers, rel in matches:
        if _other_body_before(text, start):
            continue
        before = text[:start]
        year_told = _YEAR_FOR_IT.search(before[-24:])
        given = None
        if rel or year_told:
            word = rel or year_told["rel"]
            given = year - _YEARS_BACK[word] if word else int(year_told["y"])
        told += [(start, span, n, given) for n in numbers]
    found: dict[int, YearlessCitation] = {}
    for _, span, n, given in sorted(told, key=lambda t: (t[0], t[3] is None)):
        if n not in found and n not in cited:  # (a citation with its year stands)
            found[n] = YearlessCitation(span, n, given)
    return list(found.values())


def _other_body_before(text: str, start: int) -> bool:
    """The clause before `start` names another body (`_OTHER_BODY`) and not MOFCOM."""
    before = text[:start]
    clause = before[m.end():] if (m := _CLAUSE_START.search(before)) else before
    return bool(_OTHER_BODY.search(clause)) and not _MOFCOM_NAMED.search(clause)


def _refers_back(s: Sentence) -> bool:
    """The sentence names its measure by a definite noun only ("the suspension, which took
    effect on Monday, is an important step", 该决定), with no title or number, names China as no
    actor ("follows China's decision on Jan 6") and tells no act done by China: it speaks of the
    act of the sentence before."""
    if s.titles or s.numbers or not _DEFINITE.search(s.text) or _CHINA.search(s.text):
        return False
    return not any(a.done and not a.foreign for a in read_acts(s.text))


def _dates_the_act_before(before: Sentence, s: Sentence) -> bool:
    """The sentence opens on a definite noun (_DEFINITE_OPENING) with no goods of its own,
    and dates it, to an act by China the sentence before told on goods without any time: it
    gives that act's time, so it speaks of the same goods."""
    specific = {k for k in before.subjects if not term(k).generic}
    return (bool(specific) and before.act and not before.foreign and not before.dates
            and not before.numbers and bool(s.dates) and bool(_DEFINITE_OPENING.match(s.text))
            and not (s.titles or s.numbers or _CHINA.search(s.text))
            and not any(not term(k).generic for k in s.subjects))


# the controls named again as the object of their issuing, by a definite noun ("after China's
# Commerce Ministry announced the immediate ban earlier in the day")
_ISSUED_AGAIN = re.compile(r"\b(?:announced|imposed|unveiled|issued|introduced|slapped)\s+(?:the"
                           r"|this|that)\s+(?:[\w-]+\s+){0,2}?(?:ban|controls|curbs|restrictions)\b"
                           r"(?!\s+(?:on|of|against|to)\b)", re.IGNORECASE)


def _dates_the_ban_before(before: Sentence, s: Sentence, today: str) -> bool:
    """The sentence tells China issued "the ban" (or the controls) on a day, with no goods,
    country, title or number of its own, right after a sentence naming a ban on goods or aimed
    at a country with no earlier time of its own ("Japan's Foreign Ministry said Wednesday
    that it has urged China to withdraw its ban on exports of dual-use goods to Japan. … on
    Tuesday after China's Commerce Ministry announced the immediate ban earlier in the day"):
    the ban issued is the one named before, its goods and country the sentence's (fifty-ninth
    pass). The page's own day in the sentence before is the day it was spoken of."""
    if not (s.dates and _ISSUED_AGAIN.search(s.text)) or s.titles or s.numbers or s.countries \
            or any(not term(k).generic for k in s.subjects):
        return False
    if not before.controls or before.numbers or before.titles \
            or not (before.countries or before.subjects):
        return False
    return not any(d.first < today for d in before.dates if d.role != "until")


def _issuing_day(s: Sentence) -> list[DateSpan]:
    """The day (or week, or month) a sentence tells China issued or tightened controls on,
    naming them by no title or number: a sentence after that opens on "the measure" tells what
    was issued then (`_MEASURE_OPENING`)."""
    if not (s.act or s.controls) or s.foreign or s.titles or s.numbers \
            or not _CHINA.search(s.text):
        return []
    return [d for d in _news_dates(s) if d.role == "on"
            and d.precision in ("day", "week", "month")][:1]


def _controls_told_before(sentences: list[Sentence], k: int,
                          carried: set[int]) -> Sentence | None:
    """The sentence the k-th names the controls of again: it opens on them by a bare plural or
    a pronoun (_ANAPHORIC_OPENING) and dates them, with no goods, title, number or China of its
    own, one or two sentences after a sentence that named controls by China on goods with no
    day, week or month of their own ("… sparked rare earth export curbs earlier in 2025.
    Controls began in April. They tightened further in October.", "China has halted antimony
    exports … following export restrictions … . As the world's leading supplier, … . The
    restrictions, first announced in August …": fifty-seventh pass). A sentence between that
    tells other controls, another government's act, a number or other goods stops the search;
    a sentence that took its goods this way (`carried`) passes them on."""
    s = sentences[k]
    if not (s.dates and _ANAPHORIC_OPENING.match(s.text)) or s.titles or s.numbers \
            or _CHINA.search(s.text) or any(not term(t).generic for t in s.subjects):
        return None
    between: set[str] = set()  # the goods of a sentence between
    for before in reversed(sentences[max(0, k - 2):k]):
        chained = before.index in carried
        specific = {t for t in before.subjects if not term(t).generic}
        if specific and between <= specific and (before.controls or chained) \
                and not (before.foreign or before.numbers) \
                and (chained or not any(d.role == "on" and d.precision in ("day", "week", "month")
                                        for d in before.dates)):
            return before
        if before.controls or before.foreign or before.numbers:
            return None  # another act between: the plural is not the one before it
        between = specific
    return None


def _told_dates(s: Sentence) -> list[DateSpan]:
    """The dates a sentence tells, its Xinhua dateline's day left out."""
    line = _DATELINE.match(nfkc(s.text))
    return [d for d in s.dates if not line or d.start >= line.end()]


def _news_dates(s: Sentence) -> list[DateSpan]:
    """The dates a sentence tells of its own news: not the date of the cause it answers ("The
    move came in response to the U.S. administration's announcement on Wednesday")."""
    response = _IN_RESPONSE.search(s.text)
    return [d for d in _told_dates(s) if (not response or d.start < response.start())
            and not _LIMIT_BEFORE.search(s.text[:d.start])
            and not d.text.lower().startswith(("before", "after"))]


def _counts_for(s: Sentence, p: Profile) -> set[int]:
    """The counts of entities the sentence gives for the measure's list: in a sentence naming
    two lists, those of the clauses naming its list ("added 15 US entities to its export control
    list, … and several US firms … were put on the unreliable entity list": no count for the
    unreliable entity list)."""
    if not p.lists:
        return s.counts
    if len(s.lists) < 2:
        # "export control and unreliable entity listings of US defense firms, and a suspension
        # of soybean imports from three US companies": companies whose goods are no longer
        # imported are counted for that act, not for a listing
        clauses = [c for c in _CLAUSE.split(s.text) if c]
        if len(clauses) < 2:
            return s.counts
        return set().union(*(_counts(c) for c in clauses if not _IMPORTS.search(c)
                             or any(t.kind == "list" for t, _, _ in spans(c))))
    found: set[int] = set()
    for clause in _CLAUSE.split(s.text):
        if any(t.kind == "list" and t.key in p.lists for t, _, _ in spans(clause)):
            found |= _counts(clause, elided=bool(s.counts))
    return found


def document_keys(sentences: Iterable[Sentence]) -> set[str]:
    """The index keys of what a document says (`document_clues`)."""
    keys: set[str] = set()
    for s in sentences:
        keys.update(f"subject:{k}" for k in s.subjects if not term(k).generic)
        keys.update(f"list:{k}" for k in s.lists)
        keys.update(f"count:{n}" for n in s.counts)
        keys.update(f"items:{k}:{n}" for k, n in s.item_counts)
        keys.update(f"title:{t}" for t in s.titles | s.bare_titles)
        keys.update(yearless_key(c.number) for c in s.yearless_cited)
        if _goods_for_a_country_alone(s):
            keys.update(f"goods_for:{c}" for c in s.countries)
        for d in s.dates:
            keys.update(_date_keys(d))
    return keys


def _date_keys(d: DateSpan) -> set[str]:
    if d.precision == "day":
        return {f"day:{d.first}"}
    if d.precision == "month":  # a season is three months
        first, last = date.fromisoformat(d.first), date.fromisoformat(d.last)
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        return {f"month:{n // 12:04d}-{n % 12 + 1:02d}" for n in months}
    if d.precision == "week":
        first, last = date.fromisoformat(d.first), date.fromisoformat(d.last)
        return {f"day:{date.fromordinal(o).isoformat()}"
                for o in range(first.toordinal(), last.toordinal() + 1)}
    return set()


# --------------------------------------------------------------------------- measures


@dataclass
class Profile:
    """What the archive knows of a measure, as linking compares it."""

    id: str
    series: str
    published: str | None
    category: str | None
    issuers: set[str]
    title_zh: str
    title_en: str
    title_subjects: set[str] = field(default_factory=set)
    text_subjects: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    lists: set[str] = field(default_factory=set)
    count: int | None = None
    item_counts: dict[str, int] = field(default_factory=dict)  # `_classes_counted`
    titles: set[str] = field(default_factory=set)
    # its Chinese titles' words without 关于 and 的公告/的决定, as headlines quote them
    # (商务部：加强两用物项对日本出口管制)
    bare_titles: set[str] = field(default_factory=set)
    dates: list[tuple[str, str, str | None]] = field(default_factory=list)  # day, what, by
    targets: set[str] = field(default_factory=set)  # measures it suspends
    suspended: bool = False
    partly_suspended: set[str] = field(default_factory=set)  # days a part of it was suspended

    @property
    def subjects(self) -> set[str]:
        return self.title_subjects | self.text_subjects

    def keys(self) -> set[str]:
        keys = {f"subject:{k}" for k in self.subjects if not term(k).generic}
        keys.update(f"list:{k}" for k in self.lists)
        keys.update(f"title:{t}" for t in self.titles | self.bare_titles)
        if not self.lists:  # a measure on goods for its target countries (`_only_for_country`)
            keys.update(f"goods_for:{c}" for c in self.countries)
        if self.count is not None:
            keys.add(f"count:{self.count}")
        keys.update(f"items:{k}:{n}" for k, n in self.item_counts.items())
        for day, _, _ in self.dates:
            keys.update({f"day:{day}", f"month:{day[:7]}"})
        return keys

    @property
    def english_core(self) -> str:
        """The English title after "on" ("… on Adjusting Measures Related to …"), as words."""
        m = _EN_TITLE_CORE.search(" ".join(self.title_en.split()))
        return _words(m["core"]) if m else ""


_DATED_KINDS = {EventKind.EFFECTIVE: "effective", EventKind.SUSPENDED: "suspended",
                EventKind.PARTIALLY_SUSPENDED: "suspended",
                EventKind.SUSPENSION_CONTINUED: "suspension continued",
                EventKind.RESUMED: "resumed", EventKind.REVOKED: "revoked",
                EventKind.REMOVED_FROM_LIST: "removed from its list",
                EventKind.EXPIRED: "expired"}
_SUSPENSIONS = {EventKind.SUSPENDED, EventKind.PARTIALLY_SUSPENDED,
                EventKind.SUSPENSION_CONTINUED}


def _features(text: str) -> tuple[set[str], set[str], set[str]]:
    subjects, countries, lists = set(), set(), set()
    for t in terms_found(text):
        if t.kind == "subject":
            subjects.add(t.key)
            subjects.update(t.broader)
        elif t.kind == "country":
            countries.add(t.key)
        elif t.kind == "list":
            lists.add(t.key)
    return subjects, countries, lists


def build_profile(archive: Archive, measure_id: str) -> Profile | None:
    """The measure's profile from its row, its events and its own texts."""
    row = archive.measure(measure_id)
    if row is None:
        return None
    p = Profile(id=measure_id, series=row["series"], published=row["published"],
                category=row["category"], issuers=set(json.loads(row["issuers"] or "[]")),
                title_zh=row["title_zh"] or "", title_en=row["title_en"] or "")
    titles = f"{p.title_zh}\n{p.title_en}"
    p.title_subjects, countries, lists = _features(titles)
    texts = "\n".join(f"{d['title']}\n{d['body']}" for d in archive.issuing_documents(measure_id))
    p.text_subjects, text_countries, text_lists = _features(texts)
    p.item_counts = _classes_counted(p.title_subjects | p.text_subjects)
    p.countries = countries | (text_countries if not countries else set())
    p.lists = lists  # a listing measure names its list in its title
    counts = _counts(titles) | {int(m) for m in re.findall(r"(\d{1,3})\s*家", p.title_zh)}
    p.count = min(counts) if len(counts) == 1 else None
    if p.title_zh:
        core = re.sub(r"^.*?(?:公告|令)\s*(?:\d{4}\s*年|[〔\[(]\d{4}[〕\])])\s*第?\s*\d+\s*号\s*",
                      "", p.title_zh)
        p.titles = {title_key(core)} | {title_key(t) for t in re.findall(r"《([^《》]+)》",
                                                                        p.title_zh)}
        p.titles.discard("")
        # not a listing's count of entities (将28家美国实体列入…): a count told is `count_list`'s
        p.bare_titles = {bare for t in p.titles if (bare := _TITLE_TAIL.sub("", t)) != t
                         and len(bare) >= _BARE_TITLE_MIN and not _DIGITS.search(bare)}
    if p.published:
        p.dates.append((p.published, "published", None))
    events = archive.events(measure_id)
    if row["effective"] and not any(e["kind"] == EventKind.EFFECTIVE.value and e["date"]
                                     for e in events):
        # the date it was to take effect, as news reports it ("were due to take effect on
        # November 8") even when a suspension came first
        p.dates.append((row["effective"], "effective", None))
    for e in events:
        kind = EventKind(e["kind"])
        if kind in _SUSPENSIONS:
            p.suspended = True
        if kind == EventKind.PARTIALLY_SUSPENDED and e["date"]:
            p.partly_suspended.add(e["date"])
        what = _DATED_KINDS.get(kind)
        if what and e["date"]:
            p.dates.append((e["date"], what, e["by_measure"]))
        if kind in _SUSPENSIONS and e["until"]:
            p.dates.append((e["until"], "until", e["by_measure"]))
    _mark_never_in_force(p)
    p.targets = set(archive.measures_suspended_by(measure_id))
    for target in p.targets:
        other = archive.measure(target)
        if other:
            p.text_subjects |= _features(f"{other['title_zh'] or ''}\n"
                                         f"{other['title_en'] or ''}")[0]
    return p


def _mark_never_in_force(p: Profile) -> None:
    """An effective date that a suspension issued before it put off (No. 61's clauses 1-2, due on
    1 December 2025, suspended on 7 November until 10 November 2026) never came: it is the day
    the measure was due to take effect, which a text names by its day ("taking effect on
    December 1"), not a month in which it took effect ("in December": sixty-fourth pass)."""
    periods = [(day, until) for (day, what, by), (until, end, by_end) in itertools.product(
        p.dates, p.dates) if what == "suspended" and end == "until" and by == by_end
        and day < until]
    p.dates = [(day, "due" if what == "effective" and any(
        start < day < until for start, until in periods) else what, by)
        for day, what, by in p.dates]


# --------------------------------------------------------------------------- scoring


@dataclass
class Part:
    """One piece of evidence: its weight, kind, what it matched in the sentence, and why."""

    weight: float
    kind: str
    token: str  # what the sentence says that it explains, e.g. "subject:gallium"
    reason: str


@dataclass
class Evidence:
    """A candidate measure for one sentence: its score and its reasons, strongest first."""

    measure: str
    sentence: Sentence
    parts: list[Part] = field(default_factory=list)

    def add(self, kind: str, token: str, reason: str, weight: float | None = None) -> None:
        self.parts.append(Part(WEIGHTS[kind] if weight is None else weight, kind, token, reason))

    @property
    def score(self) -> float:
        return sum(p.weight for p in self.parts)

    @property
    def kinds(self) -> set[str]:
        return {p.kind for p in self.parts}

    @property
    def identifies(self) -> bool:
        return bool(self.kinds & IDENTIFYING)

    @property
    def about(self) -> bool:
        return bool(self.kinds & ABOUT)

    def matched(self) -> frozenset[str]:
        """What the sentence says that this measure explains (specific subjects, lists,
        counts, dates): a measure explaining more, better, makes this one redundant."""
        return frozenset(p.token for p in self.parts if p.weight > 0 and p.token)

    def strengths(self) -> dict[str, float]:
        """How strongly it explains each thing it matched (a subject in its title is stronger
        than one in its text)."""
        found: dict[str, float] = {}
        for p in self.parts:
            if p.weight > 0 and p.token:
                found[p.token] = max(found.get(p.token, 0.0), p.weight)
        return found

    def reason(self) -> str:
        """`inferred: <the strongest reason>; <the others>: “<the sentence>”`."""
        shown: list[tuple[float, str]] = []
        grouped: dict[str, tuple[float, list[str]]] = {}
        for p in self.parts:
            if p.weight <= 0:
                continue
            if p.kind in ("subject_title", "subject_text", "subject_generic"):
                label = {"subject_title": "subjects in its title",
                         "subject_text": "subjects in its text",
                         "subject_generic": "generic subjects"}[p.kind]
                weight, names = grouped.get(label, (0.0, []))
                grouped[label] = (weight + p.weight, names + [p.reason.split(": ", 1)[1]])
            else:
                shown.append((p.weight, p.reason))
        shown += [(w, f"{label}: {', '.join(names)}") for label, (w, names) in grouped.items()]
        text = " ".join((self.sentence.written or self.sentence.text).split())
        reasons = "; ".join(r for _, r in sorted(shown, key=lambda x: -x[0]))
        identifying = [p.reason for p in sorted(self.parts, key=lambda p: -p.weight)
                       if p.kind in IDENTIFYING and p.weight > 0]
        if identifying and not reasons.startswith(identifying[0]):
            reasons = "; ".join([identifying[0]] + [r for _, r in sorted(
                shown, key=lambda x: -x[0]) if r != identifying[0]])
        return f"inferred: {reasons}: “{text[:200]}”"


IDENTIFYING = {"title", "number", "number_yearless", "number_month", "day", "week", "month",
               "count_list", "count_items", "count_measures",
               "only_for_country", "only_by_then", "only_suspension", "only_title_goods",
               "year_unique",
               "in_force_before",
               "part_suspended"}
ABOUT = {"title", "number", "number_month", "subject_title", "subject_text", "list", "package",
         "only_of_day",
         "count_list", "count_items", "count_measures",
         "document_subject", "count_any_list", "goods_for_country"}
_EFFECT_WORDS = re.compile(r"\b(?:took|take|takes|taking)\s+effect|\bin\s+force\b|\beffective\b"
                           r"|\bcomes?\s+into\s+force|\bsince\b|\b(?:began|begun|started)\b"
                           # "will restrict exports of certain graphite products starting in
                           # December", "licenses starting Dec 1" (sixty-third pass)
                           r"|\b(?:starting|beginning)\s+(?=(?:on|in|from)\b|\d|(?-i:[A-Z]))"
                           # "gallium and germanium, which came under licensing in August":
                           # the goods became controlled then, the measure's effective date
                           r"|\b(?:came|come|comes|coming|brought)\s+under\s+(?:export\s+)?"
                           r"(?:licen[cs]ing|controls?|licen[cs]e\s+requirements?)\b"
                           # "after the metal became subject to licensing in August of last
                           # year": the same change of state
                           r"|\b(?:became|become|becomes|becoming|made|been)\s+subject\s+to\s+"
                           r"(?:export\s+)?(?:licen[cs]ing|controls?|licen[cs]e\s+requirements?)\b"
                           r"|起(?:正式)?(?:实施|施行)|生效"
                           # "从4月起，中国要求特定原料的出口需取得许可证": from that month on, as
                           # "since April" tells it; not a stop from that day (自11月10日起停止
                           # 加征…关税), which ends a measure (sixty-second pass)
                           r"|(?:从|自)[^，。；：,;]{1,12}?起(?![^，。；]{0,6}(?:停止|暂停|取消|不再))"
                           # "去年8月起对镓、锗相关物项实施出口管制": from that month, controls on
                           # the goods apply, the effective date as "起实施" and "since" tell it
                           r"|起(?:正式)?对[^，。；：,;]{1,30}?(?:实施|施行)"
                           # "中国去年9月开始对锑相关物项实施出口管制": began to apply, as "began"
                           r"|开始(?:正式)?(?:对[^，。；：,;]{1,30}?)?(?:实施|施行)"
                           # "9月中旬以来，锑锭、氧化锑等产品出口须向商务部申请许可": 以来 after a
                           # month or a day is "since" (not 今年以来, "so far this year")
                           r"|(?:月(?:上旬|中旬|下旬|初|底|末|份)?|[日号])以来", re.IGNORECASE)
# an act on imports from named or counted companies (a suspension of soybean imports from them)
_IMPORTS = re.compile(r"\bimports?\s+(?:from|of)\b|进口", re.IGNORECASE)
_DATED_NOUN = re.compile(r"\b(?:controls?|measures?|announcements?|decisions?|rules?|package"
                         r"|curbs|restrictions|listings?)$", re.IGNORECASE)
_IN_FORCE_BEFORE = re.compile(r"\b(?:in\s+force|in\s+place|in\s+effect|existing|applied"
                              r"|applicable)\b[^.;,]{0,20}?$", re.IGNORECASE)
_ISSUE_WORDS = re.compile(r"\b(?:announc|unveil|issu|releas|publish|impos|introduc|add|plac"
                          r"|put|ban|decid|decision|revis)\w*|发布|公布|决定|列入"
                          # controls imposed on goods (对…实施出口管制, "implemented export
                          # controls on"), as "imposed" is
                          r"|对[^，。；,;]{1,40}?实施(?:出口)?管制"
                          # (told with how: 对稀土矿物和磁铁实施了严格的出口管制; sixty-third pass)
                          r"|对[^，。；,;]{1,40}?实施了?[^，。；,;]{0,4}?的(?:出口)?管制"
                          # ... or without the goods, after the month (4月北京实施管制的低点;
                          # not controls to come, 将实施管制; sixtieth pass)
                          r"|(?<![将拟])(?<!将要)(?<!计划)实施(?:了)?(?:出口)?管制(?!清单|名单|物项)"
                          r"|\bimplement(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,2}?(?:controls|curbs"
                          r"|restrictions)\s+on\b"
                          # ... or the controls named first ("restrictions implemented last
                          # April", "curbs enacted in December"; fifty-ninth pass)
                          r"|\b(?:controls|curbs|restrictions|measures|rules|bans?)\s+(?:first\s+)?"
                          r"(?:implemented|enacted|adopted|rolled\s+out)\b"
                          # a licensing regime put in place (今年4月中国实施稀土出口许可证制度,
                          # "introduced a licensing system for rare earth exports")
                          r"|实施[^，。；,;]{0,20}?许可证?(?:制度|管理)"
                          r"|\b(?:implement|introduc|impos)\w*\s+(?:an?\s+|its\s+|the\s+)?"
                          r"(?:[\w-]+\s+){0,3}?licen[cs]ing\s+(?:regime|system|requirements?)\b"
                          # controls or their list widened to more goods ("expanded its export
                          # control list to include several rare earth elements")
                          r"|\b(?:expand|widen|extend)(?:s|ed|ing)?\s+(?:its\s+|the\s+)?"
                          r"(?:[\w-]+\s+){0,2}?(?:controls?|lists?|restrictions|curbs)\s+"
                          r"(?:to\s+(?:include|cover)|on)\b"
                          # the scope of controls broadened ("broadened the scope of materials
                          # and products requiring export licenses": fifty-seventh pass)
                          r"|\b(?:broaden|expand|widen)(?:s|ed|ing)?\s+the\s+scope\s+of\b"
                          # controls answering another state's act are controls imposed then
                          # (今年4月,中国大陆也曾以稀土管制,回应美国的"相互关税"措施, "in April
                          # China responded with rare earth controls"; sixty-eighth pass)
                          r"|以[^，。；,;]{0,12}?管制(?:措施)?[，,]?来?(?:回应|反制|回击|反击|还击)"
                          r"|\brespond(?:s|ed|ing)?\s+(?:with|by\s+(?:imposing|introducing))\s+"
                          r"(?:[\w-]+\s+){0,4}?(?:controls|curbs|restrictions)\b",
                          re.IGNORECASE)


def _agrees(s: Sentence, what: str, d: DateSpan, p: Profile) -> bool:
    """Whether the sentence's words fit the kind of date matched (took effect / announced;
    "the October controls" names the month the controls were announced)."""
    if what in ("effective", "due"):
        # (controls "imposed" or "implemented" in the month they took effect: news tells the
        # imposition by the day the controls bit, "imposed trade restrictions on export of
        # gallium arsenide in August of 2023"; sixty-fourth pass)
        return bool(_EFFECT_WORDS.search(s.text)) or _imposed_at(s, d)
    if what == "published":
        return bool(_ISSUE_WORDS.search(_PRESS_CONFERENCE.sub("", s.text))
                    or _DATED_NOUN.search(d.text))
    return what in ("suspended", "suspension continued", "until") and _suspension_of(s, p)


_IMPOSED = re.compile(r"\b(?:imposed|implemented)\b", re.IGNORECASE)


def _imposed_at(s: Sentence, d: DateSpan) -> bool:
    """Whether "imposed" or "implemented" is told of the date: before it in the sentence, near,
    with no other date between ("imposed trade restrictions on export of gallium arsenide in
    August of 2023"; not "would stop, from Monday, the additional tariffs … it imposed in
    March", whose Monday is the stop's)."""
    for m in _IMPOSED.finditer(s.text):
        between = [o for o in s.dates if m.end() <= o.start < d.start]
        if m.end() <= d.start <= m.end() + 80 and not between:
            return True
    return False


def _suspension_of(s: Sentence, p: Profile) -> bool:
    """Whether the sentence's suspension word can be the suspension of p: an act word counts in
    its own clause. When a sentence of several clauses (cut at ", and", ";", 并) names p's list of
    entities, the suspension of p is told in a clause that speaks of entities (a list, listed
    entities or firms, "16 others"): a suspension in a clause of item controls is theirs
    ("暂停实施了去年10月9日公布的相关出口管制措施，并对出口管制管控名单等相关措施作出调整": the
    suspension is of the 9 October measures, the control list is only adjusted)."""
    if not s.suspension:
        return False
    if not (s.lists & p.lists):
        return True
    clauses = [c for c in _CLAUSE.split(s.text) if c]
    if len(clauses) < 2:
        return True
    return any(_SUSPEND.search(c) and _ENTITIES.search(c) for c in clauses)


def _figure_time(s: Sentence, d: DateSpan) -> bool:
    """The year is the period of a figure: its clause (cut at commas and semicolons) gives a
    change in per cent or a year-on-year figure ("as it reported a 14 percent fall in 2024 net
    profit", "2025年赣州地区生产总值同比增长5.6%"). A year named for economic figures is the
    period of a statistic, not a measure's date."""
    if d.precision != "year":
        return False
    if d.text[-4:] not in s.text[max(0, d.start - 8):d.start + len(d.text) + 8]:
        return False  # a year lent by the sentence before
    cuts = [0] + [m.end() for m in _COMMA.finditer(s.text)] + [len(s.text) + 1]
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a <= d.start < b:
            return bool(_FIGURE.search(s.text[a:b]))
    return False


def _month_of_issue(s: Sentence, p: Profile) -> DateSpan | None:
    """A month or day the sentence tells that the measure was issued in."""
    issued = [day for day, what, _ in p.dates if what == "published"]
    return next((d for d in s.dates if d.role != "until" and d.precision in ("month", "day")
                 and any(d.covers(day) for day in issued)), None)


def _date_evidence(e: Evidence, s: Sentence, p: Profile) -> None:
    best: tuple[float, str, DateSpan] | None = None
    for d in s.dates:
        if not _dates_list(s, d, p) or _figure_time(s, d) or _dates_a_foreign_clause(s, d, p):
            continue
        for day, what, by in p.dates:
            if ((d.role == "until") != (what == "until") and not (
                    what == "until" and _end_day(s, d))) or not d.covers(day):
                continue
            if what == "due" and d.precision != "day":
                continue  # a day it never took effect on is named only by its day
            weight = WEIGHTS[d.precision] + (WEIGHTS["agreement"] if _agrees(s, what, d, p) else 0)
            when = day if d.precision == "day" else (day[:7] if d.precision == "month" else day)
            if what == "until":
                reason = f"describes the suspension until {day}" + (f" by {by}" if by else "")
            elif what in ("suspended", "suspension continued"):
                reason = f"describes the suspension of {when}" + (f" by {by}" if by else "")
            elif what == "published":
                reason = f"describes the measure of {when}"
            elif what == "due":
                reason = f"due to take effect on {when}"
            else:
                reason = f"{what} {'on' if d.precision == 'day' else 'in'} {when}"
            if best is None or weight > best[0]:
                best = (weight, f"{reason} (“{d.text}”)", d)
    if best:
        e.add(best[2].precision, f"date:{best[2].start}", best[1], best[0])


# a suspension's end told as its end: "its legal end date of November 10", "on November 27 the
# pause … runs out", "expires on", 到期
_END_WORDS = (r"(?:(?:legal\s+)?end\s+date|expir(?:es|e|ed|y|ation)|runs?\s+out|ran\s+out"
              r"|lapses?|lapsed)")
_ENDS = re.compile(r"\b" + _END_WORDS + r"\b|到期|届满", re.IGNORECASE)


def _end_day(s: Sentence, d: DateSpan) -> bool:
    """Whether a day told in a sentence of a suspension and its end is the day the suspension
    ends (its until-date), as "until" tells it: "the one-year suspension … will reach its legal
    end date of November 10" (dev-1340)."""
    return (d.role == "on" and d.precision == "day" and s.suspension and not s.lifting
            and bool(_ENDS.search(s.text)))


# the end of a suspension told of the suspension itself: "对美国出口镓、锗、锑等物项的有关暂停措施也
# 将于11月27日到期", "the pause on gallium exports to the US runs out on November 27"
_SUSPENSION_NOUN = re.compile(r"暂停(?:实施)?(?:的)?(?:措施|安排|期限?)|\b(?:suspensions?|pauses?"
                              r"|moratorium)\b", re.IGNORECASE)
_SUSPENSION_ENDS = re.compile(
    r"暂停(?:实施)?(?:的)?(?:措施|安排|期限?)[^，。；,;]{0,20}?(?:到期|届满)"
    r"|\b(?:suspensions?|pauses?|moratorium)\b[^.;]{0,80}?\b" + _END_WORDS + r"\b",
    re.IGNORECASE)
# a noun naming a measure of its own (what a suspension suspends, when the sentence names it)
_SUSPENDED_NOUN = re.compile(r"管制|管控|措施|公告|决定|禁令|禁止|限制|\b(?:bans?|controls?"
                             r"|measures?|announcements?|decisions?|rules?|curbs?|restrictions?"
                             r"|prohibitions?|listings?)\b", re.IGNORECASE)


# An instrument told as adjusting the measures related to a list, with no measure of its own
# named and no suspension told (对出口管制管控名单和不可靠实体清单相关措施作出调整，自11月10日起
# 施行): its day is the instrument's, like a suspension's end.
_ADJUSTS_RELATED = re.compile(r"(?:对|就)[^。；]{0,40}相关(?:处理)?措施(?:作出|进行)?调整"
                              r"|调整[^。；]{0,40}相关(?:处理)?措施"
                              r"|\badjust(?:s|ed|ing|ments?\s+to)\b[^.;]{0,60}\brelated\s+measures\b",
                              re.IGNORECASE)


def _suspension_alone(s: Sentence) -> bool:
    """Whether the sentence tells the end of a suspension named only as a suspension: the thing
    that expires is the suspension itself, and the measure it suspends is named by no measure
    noun of its own before the end word (only by goods or a country: "对美国出口镓、锗、锑等物项的
    有关暂停措施也将于11月27日到期", dev-1433). Its end day is then the instrument's: it names the
    suspension, not the measure suspended."""
    if _ADJUSTS_RELATED.search(s.text) and not s.suspension:
        return True  # the instrument that adjusts "related measures" from its day (No. 69)
    if not s.suspension:
        return False
    m = _SUSPENSION_ENDS.search(s.text)
    return bool(m) and not _SUSPENDED_NOUN.search(_SUSPENSION_NOUN.sub(" ", s.text[:m.end()]))


def _own_date(s: Sentence, p: Profile) -> bool:
    """Whether the sentence gives one of p's own dates (published, effective), besides a
    suspension's end day."""
    return any(d.role != "until" and not _end_day(s, d) and d.covers(day)
               for d in s.dates for day, what, _ in p.dates
               if what in ("published", "effective", "due"))


def _dates_list(s: Sentence, d: DateSpan, p: Profile) -> bool:
    """Whether a date can date a measure of p's list: in a sentence naming two lists in separate
    clauses, a date told after a list is named dates that clause's act ("stopped its measures
    against 15 US companies that it had placed on its export control list in March, and …
    on the unreliable entity list": March is the export control list's); a date opening the
    sentence before any list ("On Monday, China stopped …, and extended …") dates every clause,
    and so does a date lent by the sentence before."""
    if len(s.lists) < 2 or not p.lists or s.text[d.start:d.start + len(d.text)] != d.text:
        return True
    first = min((a for _, a, _ in spans(s.text, ("list",))), default=len(s.text))
    if d.start < first:
        return True
    named = _lists_with(s, d)
    return not named or bool(named & p.lists)


# clauses a sentence sets against each other (特朗普政府今年早些时候…，而中国最近也…; "…, while
# China …"), each with its own actor and time
# (and China's answer set against the other government's act by 则: "美国在2025年4月以来对华加征
# 高额关税，…，中国则以稀土出口管制为核心出台了一系列反制措施"; sixty-second pass)
_CONTRAST = re.compile(r"，\s*(?:而|但|但是|然而)|,\s*(?:while|whereas|but)\s+|;|；"
                       r"|，\s*(?=(?:中国|中方|北京|我国)(?:政府)?则)", re.IGNORECASE)


def _dates_a_foreign_clause(s: Sentence, d: DateSpan, p: Profile) -> bool:
    """Whether the date belongs to a clause of another government's act, set against a clause of
    China's that names the measure's goods: "特朗普政府今年早些时候将多家中国公司列入实体清单，
    而中国最近也…对稀土等关键原材料实施了出口管制" dates the US listing, not China's controls
    (fifty-ninth pass). A date lent by the sentence before dates the whole sentence."""
    if s.text[d.start:d.start + len(d.text)] != d.text:
        return False
    at = 0
    clauses: list[tuple[int, str]] = []
    for part in _CONTRAST.split(s.text):
        clauses.append((at, part))
        at += len(part)
        found = _CONTRAST.match(s.text, at)
        at = found.end() if found else at
    if len(clauses) < 2:
        return False
    start, own = next(((a, c) for a, c in clauses if a <= d.start < a + len(c)), (0, ""))
    goods = p.title_subjects | p.text_subjects
    if not own or last_actor_is_foreign(own[:d.start - start] or own) is not True \
            or terms_in(own) & goods:
        return False
    return any(terms_in(c) & goods and last_actor_is_foreign(c) is False
               for _, c in clauses if c != own)


_PART = re.compile(r"\b(?:(?:the\s+)?parts?\s+of|partly|partially|some\s+(?:of\s+(?:its|the)\s+)?"
                   r"(?:provisions|clauses|paragraphs))\b|部分(?:条款|内容|措施)|第[一二三四五六七八九十\d]+款",
                   re.IGNORECASE)


def _part_evidence(e: Evidence, s: Sentence, p: Profile) -> None:
    """A sentence telling the suspension of part of a measure ("suspended the part of that
    announcement that had denied gallium … to the US" in 2025) names a measure part of which
    was suspended in the time it gives: a partial suspension is told as such."""
    if not (s.suspension and p.partly_suspended and _PART.search(s.text)):
        return
    for d in s.dates:
        day = next((x for x in sorted(p.partly_suspended) if d.covers(x)), None)
        if day:
            e.add("part_suspended", "", f"part of it suspended on {day} (“{d.text}”)")
            return


def _in_force_before(s: Sentence) -> list[DateSpan]:
    """The times before which the sentence says its measure was in force ("in force before
    October")."""
    return [d for d in s.dates if d.text.lower().startswith("before")
            and _IN_FORCE_BEFORE.search(s.text[:d.start])]


def _before_evidence(e: Evidence, s: Sentence, p: Profile) -> None:
    """A measure named as in force before a time ("the licensing rules that were in force before
    October", 此前已实施的) is one that took effect before it, not one of that time or later."""
    for d in _in_force_before(s):
        started = [day for day, what, _ in p.dates if what in ("published", "effective")]
        if started and min(started) < d.first:
            e.add("in_force_before", f"before:{d.first}",
                  f"in force before {d.first[:7]} (“{d.text}”)")
        elif started:
            e.add("not_in_force_before", "", f"not in force before {d.first[:7]}")
        return


# the parties a listing is of, or its act (`_subject_evidence`)
_PARTIES = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|entit(?:y|ies)|makers?|manufacturers?|contractors?|producers?"
    r"|suppliers?|enterprises?|corporations?|businesses|groups?|sanction\w*|blacklist\w*"
    r"|countermeasures?|list(?:s|ed|ing)?)\b"
    r"|企业|公司|实体|厂商|厂家|制造商|供应商|承包商|集团|制裁|反制|名单|清单", re.IGNORECASE)
# the subject of duties: another measure than controls named beside them (`_subject_evidence`)
DUTIES = frozenset({"tariff"})
# a noun naming the document's subject by its class ("a licence for the metal") or by the form
# it is shipped in ("the powder", "the ingots"), when the sentence names no subject of its own
_CLASS_NOUN = re.compile(r"\b(?:the|this|that|these|those)\s+(?:metals?|minerals?|elements?"
                         r"|powders?|ingots?)\b|该(?:金属|矿产|元素|粉末)", re.IGNORECASE)


def _subject_evidence(e: Evidence, s: Sentence, p: Profile, own: set[str],
                      frequency: dict[str, int]) -> None:
    if p.category == Category.ENTITY_LISTING and not (
            s.lists or s.counts or _PARTIES.search(s.text)):
        # a listing's subjects are the trades of the parties it lists: a sentence naming no
        # party, list or sanction ("自中国在四月开始实施部分稀土限制以来，一些用于无人机…的关键稀土
        # 原料…涨价": rare earths for drones) does not name them (sixty-sixth pass)
        return
    for key in sorted(s.subjects & p.subjects):
        t = term(key)
        if t.generic:
            e.add("subject_generic", "", f"subject: {t.english}")
            continue
        if key in p.title_subjects:
            e.add("subject_title", f"subject:{key}", f"subject in its title: {t.english}")
        else:
            e.add("subject_text", f"subject:{key}", f"subject in its text: {t.english}")
        if frequency.get(f"subject:{key}") == 1:
            e.add("unique_subject", "", f"the only measure on {t.english}")
    if not {k for k in s.subjects if not term(k).generic} - DUTIES and (
            _MEASURE_NOUN.search(s.text) or _ACT_ON_PRONOUN.search(s.text)):
        # a sentence with no subject of its own that speaks of a measure ("announced the
        # measures on Monday") refers to the document's; one that does not ("the ministry
        # issued guidance on Thursday") refers to none (duties named beside its controls are
        # another measure, no goods of its own: "under strict export controls since April 4,
        # following … higher tariffs imposed by the United States"; sixty-sixth pass; a place
        # or an arrangement named, "the consensus reached in Kuala Lumpur", is what it is about)
        shared = {k for k in own & p.subjects if not term(k).generic}
        if shared and _CLASS_NOUN.search(s.text):
            # "a licence for the metal": the document's subject named by its class
            for key in sorted(shared):
                kind = "subject_title" if key in p.title_subjects else "subject_text"
                e.add(kind, f"subject:{key}", f"the document's subject by its class: "
                      f"{term(key).english}")
        elif shared and e.kinds & {"month", "day", "week"} and _requirement_told(s) \
                and not _OPENS_ON_WHAT_CAME_BEFORE.match(s.text):
            # a requirement in force from the month the measure took effect, told with no goods
            # ("Since April, Beijing requires licenses for some exports", "licensing rules
            # introduced in April continue to slow shipments" under a rare-earth headline): the
            # document's goods are the requirement's (sixty-first pass)
            for key in sorted(shared & p.title_subjects):
                e.add("subject_title", f"subject:{key}", f"the document's subject, for the "
                      f"requirement the sentence dates: {term(key).english}")
        elif shared:
            names = ", ".join(term(k).english for k in sorted(shared))
            e.add("document_subject", "", f"the document's subject: {names}",
                  WEIGHTS["document_subject"] * len(shared))


# a sentence opening on controls told before it ("The restrictions, first announced in July, …",
# 这些措施): they are the controls of the sentences before, not the document's goods
# (not controls told as China's: "The export controls by Beijing that came into effect on April
# 4 …" names whose they are and when, no controls of the sentences before; sixty-sixth pass)
_OPENS_ON_WHAT_CAME_BEFORE = re.compile(
    r"\s*(?:the|these|those|such|this|that)\s+(?:[\w-]+\s+){0,2}?(?:restrictions?|controls?"
    r"|curbs?|rules?|measures?|bans?|requirements?)\b"
    r"(?!\s+(?:(?:imposed|introduced|announced|issued|put\s+in\s+place)\s+)?by\s+(?:China"
    r"|Beijing|the\s+Chinese)\b)|\s*(?:该|此|这些|上述|这一)",
    re.IGNORECASE)
# a licence required of exports, or licensing rules in force ("Beijing requires licenses for
# some exports", "licensing rules introduced in April", 出口需取得许可证)
_LICENCE_REQUIRED = re.compile(
    r"\brequir(?:es|ed|ing)\s+(?:(?:export|special)\s+)?licen[cs]es?\b"
    r"|\blicen[cs]ing\s+(?:rules|requirements?|regime|system)\b"
    r"|\blicen[cs]es?\s+(?:are|were|is|was)\s+(?:now\s+)?required\b"
    r"|(?:需|须|需要|必须)[^，。；]{0,6}?(?:取得|获得|申请|持有)[^，。；]{0,4}?许可", re.IGNORECASE)


def _requirement_told(s: Sentence) -> bool:
    """The sentence tells a licence requirement or controls as done, not to come."""
    return _told_as_done(s) or (bool(_LICENCE_REQUIRED.search(s.text))
                                and not _CONTROLS_TO_COME.search(s.text))


def _entity_evidence(e: Evidence, s: Sentence, p: Profile) -> None:
    if s.lists and p.lists:
        if s.lists & p.lists:
            key = min(s.lists & p.lists)
            e.add("list", f"list:{key}", f"list: {term(key).english}")
        else:
            e.add("other_list", "", "another list")
    if s.countries and p.countries:
        if s.countries & p.countries:
            key = min(s.countries & p.countries)
            e.add("country", f"country:{key}", f"targets {key}")
        else:
            e.add("other_country", "", "targets another country")
    for k, n in sorted(s.item_counts):
        if p.item_counts.get(k) == n:
            e.add("count_items", f"items:{k}:{n}",
                  f"{n} {term(k).english} (as many as it controls)")
    counts = _counts_for(s, p)
    if counts and p.count is not None:
        if p.count in counts and _dated_otherwise(s, p):
            pass  # "共将28家美国实体列入…" told of April: a count of January's is chance
        elif p.count in counts and s.lists & p.lists:
            e.add("count_list", f"count:{p.count}",
                  f"{p.count} entities on the {term(min(p.lists)).english}")
        elif (p.count in counts and not s.lists and "export_control_list" in p.lists
              and _DUAL_USE_BARRED.search(s.text)):
            # "banned sales of dual-use products to 28 American military suppliers": what the
            # export control list does to the parties it lists, the list unnamed
            e.add("count_list", f"count:{p.count}",
                  f"{p.count} entities barred from dual-use items (the export control list)")
        elif p.count in counts and not s.lists and p.lists and _SOME_LIST.search(s.text):
            # "the 20 Japanese entities put on a Chinese list on February 24": a listing of 20
            # that day, whichever of that day's lists (two fitting alike are review candidates)
            e.add("count_any_list", f"count:{p.count}", f"{p.count} entities on a list")
        elif p.count not in counts:
            e.add("other_count", "", "another number of entities")
    if s.issuers & OTHER_BODIES and not s.issuers & p.issuers:
        e.add("other_issuer", "", "a decision of another body")
    if s.joint:
        if "GACC" in p.issuers:
            e.add("joint", "", "issued jointly with Customs")
        else:
            e.add("not_joint", "", "not joint")


def _dated_otherwise(s: Sentence, p: Profile) -> bool:
    """A listing the sentence dates (a day or a month of its news, not its dateline) weeks away
    from every date of p: the number of entities it counts is another listing's. A sentence of
    a suspension or an end is left alone (its day is the later act's on the same entities)."""
    if s.suspension or not p.dates:
        return False
    told = [d for d in _news_dates(s) if d.precision in ("day", "month")
            and s.text[d.start:d.start + len(d.text)] == d.text]  # not lent ("the same day")
    return bool(told) and not any(_days_apart(d, day) <= _LISTING_DAYS_APART
                                  for d in told for day, _, _ in p.dates)


_LISTING_DAYS_APART = 14


def _days_apart(d: DateSpan, day: str) -> int:
    """Days between a date told and a day (0 when the span covers it)."""
    if d.covers(day):
        return 0
    one = date.fromisoformat(day)
    return min(abs((one - date.fromisoformat(d.first)).days),
               abs((one - date.fromisoformat(d.last)).days))


def evidence(s: Sentence, p: Profile, own: set[str], document: str,
             frequency: dict[str, int] | None = None) -> Evidence:
    """The evidence that sentence s describes measure p (frequency: how many measures of the
    archive have each subject key)."""
    e = Evidence(p.id, s)
    if p.id in s.numbers:
        e.add("number", "", f"cites it by number ({p.id})")
    if s.titles & p.titles:
        title = min(s.titles & p.titles)
        e.add("title", f"title:{title}", f"names its title 《{title}》")
    core = p.english_core
    if len(core.split()) >= 5 and core in document and core in _words(s.text):
        e.add("title", f"title:{core}", f"names its title “{core}”")
    if p.id in s.yearless:
        named = {k for k in s.subjects & p.title_subjects if not term(k).generic}
        if named:
            e.add("number_yearless", "", f"its number without the year (No. {s.yearless[p.id]}) "
                  f"and a subject of its title")
        elif month := _month_of_issue(s, p):
            # "Announcements No. 21 and No. 22 from April": the month told is the year's
            e.add("number_month", "", f"its number without the year (No. {s.yearless[p.id]}) "
                  f"and the month it was issued (“{month.text}”)")
    _date_evidence(e, s, p)
    if "title" not in e.kinds:
        _bare_title_evidence(e, s, p, frequency or {})
    _before_evidence(e, s, p)
    _part_evidence(e, s, p)
    _subject_evidence(e, s, p, own, frequency or {})
    _entity_evidence(e, s, p)
    _goods_for_country(e, s, p)
    if {"number_month", "day"} <= e.kinds:
        # its number and its own day name it (商务部于2025年4月4日和9日分别发布了第21号和22号
        # 公告，将17家美国实体…列入不可靠实体清单): the list and the count the sentence goes on
        # to tell may be its other measures' (sixty-fourth pass)
        e.parts = [q for q in e.parts if q.kind not in ("other_list", "other_count")]
    return e


def _bare_title_evidence(e: Evidence, s: Sentence, p: Profile,
                         frequency: dict[str, int]) -> None:
    """A title's words told without brackets (`_bare_titles`) name the measure when no other
    measure has them (Nos. 18 and 57 of 2025 are both 对部分中重稀土相关物项实施出口管制: their
    subjects and dates tell them apart) and the sentence tells no day or month that fits none of
    the measure's dates (今年9月对锑等物项实施出口管制 in a year whose September holds no date of
    No. 33: the words describe, the date says another time)."""
    shared = {t for t in s.bare_titles & p.bare_titles if frequency.get(f"title:{t}", 1) == 1}
    if not shared:
        return
    if not _fits_its_time(e, s):
        return
    title = max(shared, key=len)
    e.add("title", f"title:{title}", f"names its title “{title}”")


def _fits_its_time(e: Evidence, s: Sentence) -> bool:
    """The sentence tells no day, week or month, or one that fits a date of the measure."""
    told = any(d.precision in ("day", "week", "month") for d in s.dates)
    return not told or bool(e.kinds & {"day", "week", "month"})


def _goods_for_country(e: Evidence, s: Sentence, p: Profile) -> None:
    """Goods named by their class only (dual-use items) sent to the country a measure on goods
    targets ("the measures of strengthening the export control of the dual-use items to Japan")
    are what that measure is about: the class alone picks out no measure, the class with its
    country does. A listing's content is its entities, not goods: a list measure is not named
    this way. It makes the sentence about the measure, adding no weight; a date must still
    identify it."""
    if p.lists or "country" not in e.kinds:
        return
    if "subject_generic" in e.kinds and _names_goods_by_class(s):
        e.add("goods_for_country", "", "its class of goods for its country", 0.0)
    elif _names_its_goods_for_country(s, p):
        # ... or goods of its own text banned for that country ("China announced a ban on
        # exports to the United States of crucial minerals including gallium, germanium, and
        # antimony"; sixty-ninth pass)
        e.add("goods_for_country", "", "its goods for its country", 0.0)
    elif _CONTROLS_AGAINST.search(s.text):
        # control measures against the country, its exports cut off ("China decided to take
        # sanction and control measures against Japan, cutting off all exports related to the
        # military"): the measure on goods for that country, told without its goods
        # (sixty-second pass)
        e.add("goods_for_country", "", "its controls against its country", 0.0)


_CONTROLS_AGAINST = re.compile(
    r"\bcontrol\s+measures\s+(?:against|on|targeting)\b|\bexport\s+controls?\s+(?:against|on)\s+"
    r"(?!(?:the\s+)?(?:export|goods|items)\b)|对[^，。；]{0,6}(?:实施|采取)[^，。；]{0,10}管制措施"
    # (or a ban on the export of any products to the country: "China banned the export of
    # products to Japan's military"; sixty-fourth pass)
    r"|\b(?:bann?(?:ed|s|ing)?|prohibit(?:s|ed|ing)?)\s+(?:the\s+)?exports?\s+of\s+(?:all\s+)?"
    r"(?:products|goods|items)\s+to\b",
    re.IGNORECASE)


def _names_its_goods_for_country(s: Sentence, p: Profile) -> bool:
    """The sentence tells controls or a ban on goods, all of them the measure's, for a country
    (`_goods_for_country` asks that the country is the measure's)."""
    goods = _own_goods(s)
    return bool(s.countries) and bool(goods) and goods <= p.subjects and bool(
        s.controls or _HELD_BACK.search(s.text))


def _own_goods(s: Sentence) -> set[str]:
    """The specific goods a sentence names: not a subject that is no goods (NOT_GOODS), nor the
    end users goods go to ("dual-use items destined for military end users")."""
    return {k for k in s.subjects - NOT_GOODS - {"military_users"} if not term(k).generic}


# exports held back: banned, barred, restricted, curbed, halted, cut off (not a supply chain
# "strengthened": "Korea Zinc has shipped antimony … to the United States … to strengthen supply
# chain ties")
_HELD_BACK = re.compile(r"\b(?:ban|banned|banning|bans|barred|barring|prohibit\w*|restrict\w*"
                        r"|curb\w*|halt\w*|block\w*|cut\s+off|stop(?:s|ped|ping)?)\b"
                        r"|禁止|限制|管制|禁运|断供|" + _NOT_LET_OUT, re.IGNORECASE)


def _names_goods_by_class(s: Sentence) -> bool:
    """The sentence names goods by their class only (dual-use items), for a country; a specific
    subject of its own names goods, not their class (a subject that is no goods, NOT_GOODS,
    names neither)."""
    goods = s.subjects - NOT_GOODS
    return bool(s.countries) and any(term(k).generic for k in goods) and all(
        term(k).generic for k in goods)


def _goods_for_a_country_alone(s: Sentence, own_goods: bool = False) -> bool:
    """Goods by their class for a country (`_names_goods_by_class`; with own_goods, specific
    goods too, which `_only_for_country` asks to be the measure's own), and no entities, list
    or count of them: those make it a listing's (禁止向其出口两用物项: what listed entities may
    not be sold). The index keys a document gets (`document_keys`) stay those of a class of
    goods: a key for every sentence naming goods and a country would bring documents to relink
    at every night whatever changed (sixty-ninth pass)."""
    if not (_names_goods_by_class(s) or (own_goods and s.countries and _own_goods(s))):
        return False
    # (entities and a list told in the clause of what the measure answers are that act's: "China
    # announced new restrictions on exports of dual-use products to the United States in
    # response to Washington adding 140 companies to its Entity List"; sixty-eighth pass)
    main = _ANSWERED_CLAUSE.split(s.text, maxsplit=1)[0]
    if main != s.text:
        return not (any(t.kind == "list" for t, _, _ in spans(main)) or _counts(main)
                    or _ENTITIES.search(main))
    return not (s.lists or s.counts or _ENTITIES.search(s.text))


# the clause of what a measure answers or follows ("in response to Washington adding …")
_ANSWERED_CLAUSE = re.compile(r"\b(?:in\s+(?:response|retaliation|reply)\s+to|responding\s+to"
                              r"|retaliating\s+(?:against|for))\b", re.IGNORECASE)


def _only_for_country(scored: list[Evidence], s: Sentence,
                      possible: dict[str, Profile]) -> None:
    """Goods named by their class for a country (`_goods_for_country`) identify the measure that
    is, on the document's day, the only measure on goods targeting that country: "China's
    decision to restrict exports of dual-use items to the United States" in December 2024 is
    No. 46 of 2024. With two such measures by then, a date must tell them apart; a day or month
    told that fits none of its dates says another time ("announced on January 8")."""
    if not _goods_for_a_country_alone(s, own_goods=True):
        return
    specific = bool(_own_goods(s))
    for country in sorted(s.countries):
        on_goods = [m for m, p in possible.items() if country in p.countries and not p.lists]
        if len(on_goods) != 1 or (specific and not _names_its_goods_for_country(
                s, possible[on_goods[0]])):
            continue  # (goods of its own must all be the measure's: sixty-ninth pass)
        for e in scored:
            if e.measure == on_goods[0] and "goods_for_country" in e.kinds and _fits_its_time(
                    e, s):
                e.add("only_for_country", f"goods_for:{country}",
                      f"the only measure on goods for {country} by then")


def _only_of_its_day(scored: list[Evidence], s: Sentence, possible: dict[str, Profile]) -> None:
    """Export controls, an export ban or an announcement told with the day they were issued
    ("The export control announcement on January 6, 2026, targeted …", "prompting Jan 6's
    export ban") are the one measure the archive has of that day, when it has one: the day
    names it and the controls say what it is about (sixty-fourth pass). Measures in the plural
    (the day's set, told by its goods and target), another country or list than the measure's,
    another government's act, or a day of several measures name none this way."""
    if s.foreign or not s.controls or not _ONE_DOCUMENT.search(s.text) or _PLURAL.search(s.text):
        return
    for d in s.dates:
        if d.precision != "day" or d.role == "until":
            continue
        issued = [m for m, p in possible.items() if p.published == d.first]
        if len(issued) != 1:
            continue
        for e in scored:
            if e.measure == issued[0] and "day" in e.kinds and not e.kinds & {
                    "other_country", "other_list", "other_count"}:
                e.add("only_of_day", f"day:{d.first}", f"the only measure issued on {d.first}")


# one document or ban named in the singular ("the export control announcement", "export ban")
_ONE_DOCUMENT = re.compile(r"\b(?:announcement|decision|notice|ban)\b", re.IGNORECASE)


# controls told as done, with no time of their own ("在中重稀土相关物项出口管制措施推出后", "since
# China imposed controls on gallium"): the act that started them
_CONTROLS_DONE = re.compile(
    r"\b(?:imposed|introduced|implemented|unveiled|rolled\s+out|took\s+effect|came\s+into"
    r"\s+(?:force|effect)|kicked\s+in)\b|推出|出台|实施(?:了|以来|后)|生效"
    # (祭出, "brought out": 中国祭出新一轮稀土出口管制; sixty-ninth pass)
    r"|祭出"
    # ... or the act as a noun ("following the introduction of export control measures on medium
    # and heavy rare earth materials"; sixty-third pass)
    r"|\b(?:introduction|imposition|rollout|roll-out|adoption|implementation)\s+of\s+(?:the\s+)?"
    r"(?:(?:new|tighter|stricter|broader|wider|sweeping|additional|further)\s+){0,2}"
    r"(?:export\s+)?(?:control|restriction|curb|licen[cs]ing)"
    # ... or goods told as controlled now (天然鳞片石墨制品属于出口管制物项, "are now subject to
    # export controls"): the controls were done (fifty-ninth pass)
    r"|属于(?:出口)?管制物项|\b(?:is|are|was|were|ha(?:s|ve|d)\s+been)\s+(?:now\s+)?(?:subject\s+to"
    r"|under)\s+(?:(?:strict|stricter|tight|tighter|new)\s+)?export\s+controls?\b"
    # ... or controls told done with 已 (国家2023年已强化高纯度石墨出口管制, 已于…对…实施管制;
    # sixty-first pass)
    r"|已(?:经)?[^，。；]{0,12}?(?:强化|加强|收紧|实施|实行|升级)[^，。；]{0,20}?管制"
    # ... or controls announced on goods (中国2023年宣布锗出口限制, "announced export restrictions
    # on germanium in 2023"): the act is done, whenever its controls apply (sixty-fourth pass)
    r"|(?<![将拟])宣布了?[^，。；将]{0,20}?出口(?:管制|限制)(?!清单|名单|管控名单)"
    r"|\bannounced\s+(?:[\w-]+\s+){0,3}?(?:export\s+)?(?:controls|restrictions|curbs)\b"
    # ... or exports curbed by China, told in the passive with China as the agent ("What are New
    # Critical Metal Exports Curbed by China"; sixty-fifth pass)
    r"|\b(?:curbed|restricted|banned|limited|halted)\s+by\s+(?:China|Beijing|the\s+Chinese"
    r"|Chinese)\b"
    # ... or China's controls called recent or new ("China's recent export controls on key
    # semiconductor materials, particularly germanium and gallium"; sixty-ninth pass)
    r"|\b(?:(?:China|Beijing)['’]s\s+(?:recent|new|latest)|(?:recent|new|latest)\s+Chinese)\s+"
    r"(?:export\s+)?(?:controls|restrictions|curbs)\s+on\b"
    # ... or controls extended to goods ("China has recently extended export restrictions to
    # other materials like antimony"; sixty-fifth pass)
    r"|\b(?:extended|expanded|broadened|widened)\s+(?:its\s+|the\s+|these\s+|such\s+)?"
    r"(?:export\s+)?(?:controls|restrictions|curbs)\s+to\b"
    # ... or goods added to the control list ("China added holmium, erbium … to its control
    # list"; sixty-first pass)
    r"|\badd(?:s|ed|ing)?\b[^.;:]{0,100}?\bto\s+(?:its|the|China['’]s|Beijing['’]s)\s+"
    r"(?:export\s+)?control\s+lists?\b"
    # ... or to the catalogue of technologies restricted from export ("China added technology
    # for manufacturing rare earth magnets to its “Catalogue of Technologies Prohibited and
    # Restricted from Export”"; sixty-fourth pass)
    r"|\badd(?:s|ed|ing)?\b[^.;:]{0,100}?\bto\s+(?:its|the|China['’]s|Beijing['’]s)\s+"
    r"[“\"']?catalogue\b",
    re.IGNORECASE)
# an opening clause telling an act done before the sentence's own ("继对镓和锗等重要稀土原料实施出口
# 管制后，", 在…出台后，, 自…实施…后，, "After imposing controls on gallium and germanium, …")
_EARLIER_ACT_CLAUSE = re.compile(
    r"^(?:继|在|自)[^，,。；]{2,60}?(?:实施|出台|推出|宣布)[^，,。；]{0,20}?(?:之后|后)[，,]"
    r"|^(?:After|Following)\s+(?:imposing|introducing|its|China['’]s|Beijing['’]s)\b[^,.;]{5,120}?,",
    re.IGNORECASE)
# a past verb of announcing before a future ("announced that … will now fall under export
# restrictions", 宣布…将…): the announcement is done, its controls to come; and how many days
# before the page the measure so announced may have been issued
_ANNOUNCED_TO_COME = re.compile(
    r"\b(?:announced|unveiled|declared|published|issued)\b[^.;:]{0,120}?\b(?:will|would|shall)\b"
    r"|(?:宣布|公布|发布)[^。；]{0,40}?将", re.IGNORECASE)
ANNOUNCED_DAYS = 14
# controls told by what they do, in the present ("These restrictions, which require special
# licenses for seven rare earth elements and extend to foreign-produced items"): in force, so
# done (sixty-second pass)
_CONTROLS_IN_FORCE = re.compile(
    # (or regulations: "The new regulations, which require exporters of medium and heavy rare
    # earth magnets to obtain a commerce department license"; seventieth pass)
    r"\b(?:restrictions|controls|curbs|rules|regulations)\b,?\s+which\s+(?:now\s+)?(?:require"
    r"|extend\s+to|apply\s+to|cover)\b"
    # ... or told so without "which" ("The new restrictions apply to elements including terbium
    # and dysprosium"; sixty-third pass)
    r"|\b(?:restrictions|controls|curbs|rules|regulations)\s+(?:now\s+)?(?:apply\s+to|cover"
    r"|extend\s+to)\b"
    # ... or what the rules say is required (根据规定，任何含有原产于中国稀土成分的境外制造产品…
    # 再出口时就必须获得中国商务部许可; seventieth pass)
    r"|(?:根据|按照|依照|依据)(?:新)?(?:规定|新规|公告)[，,]?[^。；]{0,80}?(?:须|需|必须|应当?)"
    r"[^。；]{0,12}?许可",
    re.IGNORECASE)
# a licence told as required now ("Foreign companies must now obtain a licence from Beijing to
# export any products containing more than 0.1% rare earth content", "licences are now
# required", 即日起…须…许可): the requirement is the news of the page's days, as controls
# announced to come are (sixty-second pass)
_LICENCE_NOW = re.compile(
    r"\bnow\b[^.;,:]{0,30}?\b(?:licen[cs]es?|permits?)\b"
    r"|\b(?:licen[cs]es?|permits?)\b[^.;,:]{0,12}?\bnow\s+required\b"
    r"|即日起[^。；]{0,40}?(?:须|需|必须|应当)[^。；]{0,12}?许可", re.IGNORECASE)

# a part of a class told as such ("export controls on certain rare earths", 部分稀土)
_PART_TOLD = re.compile(r"\b(?:certain|some|several|specific|particular|selected)\b"
                        r"|部分|某些|一些", re.IGNORECASE)


def _part_of_the_class(p: Profile, key: str) -> bool:
    """The measure's title names a narrower class of the subject (No. 18 of 2025: the medium
    and heavy rare earths, of the rare earths): it is on a part of the class only."""
    return any(key in term(k).broader for k in p.title_subjects)


# licences approved or granted for exports ("China had approved a certain number of export
# license applications for rare earth-related items", 已批准…出口许可申请): the goods' controls are
# in force, and the time told is the approval's (sixty-sixth pass)
_LICENCES_APPROVED = re.compile(
    r"\b(?:approved|granted|issued)\s+(?:(?:a\s+(?:certain\s+)?number|some|several|dozens|hundreds)"
    r"\s+(?:of\s+)?)?(?:[\w-]+\s+){0,3}?(?:export\s+)?licen[cs]es?(?:\s+applications?)?\b"
    r"|\b(?:export\s+)?licen[cs]e\s+applications?\b[^.;]{0,30}?\b(?:were|was|have\s+been|has\s+been)"
    r"\s+(?:approved|granted)\b"
    r"|(?:批准|审批通过|通过)[^，。；]{0,20}?出口许可", re.IGNORECASE)
_CONTROLS_TO_COME = re.compile(r"\b(?:will|would|shall|plans?\s+to|is\s+set\s+to)\b|将|拟|计划",
                               re.IGNORECASE)
# requirements told as issued but not yet in force ("the export requirements for gallium and
# germanium from China, which will soon come into force", 即将生效的…出口管制): the only measure on
# the goods then issued and due to take effect after the page (sixty-seventh pass)
_COMING_INTO_FORCE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled)\s+to)\s+(?:soon\s+|shortly\s+)?"
    r"(?:come|enter|go)\s+into\s+(?:force|effect)\b"
    r"|\b(?:will|(?:is|are)\s+(?:due|set|scheduled)\s+to)\s+(?:soon\s+|shortly\s+)?take\s+effect\b"
    r"|\bsoon[- ]to[- ](?:be[- ]enforced|take[- ]effect)\b|即将(?:生效|实施|施行|落地)",
    re.IGNORECASE)


def _due_after(p: Profile, published: str) -> bool:
    """Whether the measure takes effect after the page's day (issued, not yet in force)."""
    return any(what in ("effective", "due") and day > published[:10] for day, what, _ in p.dates)


def _earlier_act_goods(s: Sentence) -> tuple[re.Match[str] | None, set[str]]:
    """The opening clause telling an earlier act (`_EARLIER_ACT_CLAUSE`), if any, and its
    goods."""
    earlier = _EARLIER_ACT_CLAUSE.match(s.text)
    return earlier, {t.key for t, _, _ in spans(earlier.group(0), ("subject",))
                     if not t.generic} if earlier else set()


def _measures_on(key: str, possible: dict[str, Profile]) -> list[str]:
    """The measures on a subject: those whose title names it, with those that ban it to a
    country in their text (No. 46 of 2024's gallium); only when no title names it, those whose
    text does. A measure naming the goods in its text among others (the technology catalogue
    of 2023's rare-earth technologies, the technology No. 61's foreign goods are made with) is
    no rival of the one named for them (sixty-third pass). A suspension names the goods of what
    it suspends: no measure on them of its own."""
    own = {m: p for m, p in possible.items() if not p.targets and key in p.subjects}
    titled = [m for m, p in own.items() if key in p.title_subjects or p.countries]
    return titled if any(key in own[m].title_subjects for m in titled) else list(own)


# a time told only by calling a measure recent or new (relative_dates: "China's recent
# controls", "China's new rules"): not an act's own time ("has recently extended", "newly
# introduced", "in recent weeks", 近日), which stays the fortnight before the page
_VAGUELY_RECENT = re.compile(r"(?:recent|new)$", re.IGNORECASE)


def _only_on_subject(scored: list[Evidence], s: Sentence, possible: dict[str, Profile],
                     published: str) -> None:
    """Controls on a subject told as done with no time of their own identify the measure that
    is, on the document's day, the only one on that subject: "在中重稀土相关物项
    出口管制措施推出后" in June 2025 is No. 18 of 2025 (No. 57 came in October). A generic
    subject names no measure, and two by then a date must tell apart."""
    earlier, goods = _earlier_act_goods(s)
    if earlier:
        # "继对镓和锗…实施出口管制后，中国商务部…上周五联合发布公告…": the opening clause tells an
        # earlier act, done, with its own goods and no time of its own; the sentence's time is
        # the later act's (sixtieth pass)
        text, subjects = earlier.group(0), goods
        dates = [d for d in s.dates if d.start < earlier.end()]
    else:
        text, subjects, dates = s.text, s.subjects, s.dates
    # controls announced to come ("Beijing announced that several additional elements — … —
    # will now fall under export restrictions"): done as an announcement, so the only measure on
    # the goods counts if it was issued in the days just before the page (sixty-first pass)
    announced = not earlier and bool(_ANNOUNCED_TO_COME.search(text))
    required_now = not earlier and bool(_LICENCE_NOW.search(text))
    in_force = not earlier and bool(_CONTROLS_IN_FORCE.search(text))
    licensed = not earlier and bool(_LICENCES_APPROVED.search(text))
    in_force = in_force or licensed
    coming = not earlier and bool(_COMING_INTO_FORCE.search(text))
    if not (earlier or announced or required_now or in_force or coming
            or _CONTROLS_DONE.search(text)):
        return
    if not (s.controls or required_now or in_force or coming) or (
            _CONTROLS_TO_COME.search(text) and not (announced or coming)):
        return
    # a time of its own (the day the sentence is said is not one) must be the measure's: a week
    # or month the sentence names that holds a date of it ("China has recently extended export
    # restrictions to other materials like antimony" the day after No. 33 of 2024 took effect;
    # sixty-fifth pass)
    # (told as coming into force, its time is that: a week the sentence names is another act's)
    # (controls only called recent or new have no time of their own: "China's recent export
    # controls on … germanium and gallium" a year after the only measure on them; sixty-ninth
    # pass)
    own_time = not (licensed or coming) and any(
        (d.precision != "day" or not d.covers(published)) and not _VAGUELY_RECENT.match(d.text)
        for d in dates)
    # (told only as announced, the measure must be of the days just before the page)
    since = _days_before(published, ANNOUNCED_DAYS) \
        if (announced or required_now) and not _CONTROLS_DONE.search(text) else ""
    # (an earlier act's clause with a time of its own is the only measure on its goods by that
    # time: 自今年4月实施稀土出口管制后 in October 2025 is No. 18, the only one on rare earths by
    # April, though more came in October; seventieth pass)
    # (so is a sentence's own time: "Beijing formally added antimony to its export control list
    # in September 2024" names the only measure on antimony by then, though the page's other
    # times bring later ones on antimony into the pool; seventy-second pass)
    by = max((d.last for d in dates if d.role != "until"), default="") \
        if earlier or own_time else ""
    pool = {m: p for m, p in possible.items() if (p.published or "") <= by} if by else possible
    for key in sorted(k for k in subjects if not term(k).generic):
        on_subject = _measures_on(key, pool)
        if len(on_subject) != 1 or (pool[on_subject[0]].published or "") < since:
            continue
        only = pool[on_subject[0]]
        if coming and not _due_after(only, published):
            continue
        others = {k for k in subjects if not term(k).generic and k != key} - NOT_GOODS
        if _part_of_the_class(only, key) and not _PART_TOLD.search(text) \
                and not others and not (earlier and by):
            # controls or licences told of a whole class ("export restrictions on rare earth
            # elements imposed by China", "temporary export licenses to rare-earth suppliers")
            # name no measure on a part of it (the medium and heavy ones), though it is the
            # only one on the class by then; the part named does ("medium and heavy rare earth
            # elements", "certain rare earths"; sixty-sixth pass); a list of goods it is one
            # of (稀土、锂电池、超硬材料) tells the measures of those goods, as before; an
            # earlier act's time of its own names the one of that time, part or whole
            continue
        for e in scored:
            if e.measure == only.id and "subject_title" in e.kinds and (
                    not own_time or e.kinds & _SPAN_OF_ITS_DATE):
                e.add("only_by_then", f"subject:{key}",
                      f"the only measure on {term(key).english} by then")


def _cumulative_items(scored: list[Evidence], s: Sentence, possible: dict[str, Profile]) -> None:
    """A count of items the controls reached ("expanded controls to 12 rare earth elements",
    "12 of the 17 rare earths") that is no one measure's own count but the running total of the
    measures on that class in order of issue (7 in April 2025, 5 more in October: 12) identifies
    the measure that brought the total to it (sixty-second pass)."""
    for key, n in sorted(s.item_counts):
        counting = sorted((p.published or "", m) for m, p in possible.items()
                          if p.item_counts.get(key))
        total = 0
        for _, measure in counting:
            own = possible[measure].item_counts[key]
            total += own
            if total == n and own != n:
                for e in scored:
                    if e.measure == measure and e.about:
                        e.add("count_items", f"items:{key}:{n}",
                              f"{n} {term(key).english} with the measures before it")
                break


def _days_before(published: str, days: int) -> str:
    """The ISO day that many days before the page's day; the page's own value when it does not
    start with an ISO day (nothing before it then counts)."""
    try:
        return (date.fromisoformat(published[:10]) - timedelta(days=days)).isoformat()
    except ValueError:
        return published


def _title_goods(p: Profile) -> set[str]:
    """The goods a measure's title names, each by its narrowest term (gallium and germanium;
    medium and heavy rare earths, not rare earths besides), not by their class."""
    goods = {k for k in p.title_subjects if not term(k).generic}
    return {k for k in goods if not any(k in term(other).broader for other in goods)}


# goods told as put under control, without a time (此前还有镓、锗等同样被出口管制, "gallium and
# germanium, placed under controls"): the act that did it, as `_CONTROLS_DONE` tells it
_PUT_UNDER_CONTROL = re.compile(
    r"被[^，。；]{0,6}管制|已[^，。；]{0,6}(?:实施|纳入)[^，。；]{0,6}管制"
    r"|\b(?:placed|put|brought|came|come|fell|fall)\s+under\s+(?:export\s+)?controls?\b",
    re.IGNORECASE)


def _only_with_title_goods(scored: list[Evidence], s: Sentence,
                           possible: dict[str, Profile]) -> None:
    """Controls told as done on goods that are all the goods of a measure's title, two or
    more, identify it when it is, on the document's day, the only measure whose title's goods
    the sentence names in full: "此前还有镓、锗等同样被出口管制" and "after China's controls on
    gallium and germanium took effect" are No. 23 of 2023 (No. 46 of 2024 names gallium only
    in its text, for the US). Without an act ("China's controls on gallium and germanium")
    the reference is general and links nothing; a sentence naming a country or a list speaks
    of a measure aimed at it; a suspension, of its instrument; a time of its own must fit
    (fifty-fifth pass)."""
    if not _goods_controls(s) or s.suspension or s.lifting or s.countries or s.lists:
        return
    if not _told_as_done(s):
        return
    named = {k for k in s.subjects if not term(k).generic}
    whole = [(m, held) for m, p in possible.items()
             if len(held := _title_goods(p)) >= 2 and held <= named and not p.targets]
    if len(whole) != 1:
        return
    measure, goods = whole[0][0], sorted(whole[0][1])
    for e in scored:
        if e.measure == measure and "subject_title" in e.kinds and _fits_its_time(e, s):
            e.add("only_title_goods", "goods:" + "+".join(goods), "the only measure on "
                  + " and ".join(term(k).english for k in goods) + " by then")


# --------------------------------------------------------------------------- deciding


@dataclass
class Decision:
    links: dict[str, Evidence] = field(default_factory=dict)
    candidates: dict[str, Evidence] = field(default_factory=dict)
    # every link made through a suspension, also those a stronger sentence's link replaced
    suspensions: list[Evidence] = field(default_factory=list)
    # ties of a measure told by its goods alone (`_goods_controls`, no act word): proposed only
    # when the text links or cites none of them (`decide`)
    loose: list[dict[str, Evidence]] = field(default_factory=list)


def _package(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile]) -> set[str]:
    """A sentence naming a day's measures as one package with no subject of theirs ("the
    export control measures it announced on Oct 9"): that day's export-control measures. A
    subject of the sentence none of them has (the US tariff threat the sentence also tells of)
    is about something else and does not stop it. A month whose export-control measures are
    all of one day names that day's package ("the relevant export control measures announced
    in October last year"), and a sentence with no subject of its own naming measures of a day
    in a document about export controls names them too ("China's measures announced last
    Thursday"). Announcements counted, fewer than the day's measures ("two announcements on
    October 9th"), are no package: which ones, the page's numbers tell; as many as the day's
    measures (2025年10月9日，中国商务部连发六项公告) are all of them, whatever subjects the
    sentence goes on to name. Measures told suspended with no subject (暂停10月实施的限制措施)
    are a package as controls are (fifty-fourth pass); measures a foreign actor is told to
    have taken ("The US side recently announced a series of measures") are none of China's."""
    specific = {k for k in s.subjects if not term(k).generic} - _quoted_only(s.text)
    counted_day = _counted_day(s, scored, profiles)
    if counted_day:
        return counted_day
    controls = s.controls or bool(_RESTRICTED_EXPORTS.search(s.text))  # (sixty-fourth pass)
    if not s.package or not (controls or ((s.topic_controls or s.suspension) and not specific)):
        return set()
    found = set()
    narrowed = False  # the day's measures on the sentence's one subject only
    counted = _announcements_counted(s)
    for when in (d for d in s.dates if d.role != "until" and (
            d.precision in ("day", "month") or _CALENDAR_WEEK.fullmatch(d.text)
            or _JUST_ISSUED.search(d.text))):
        if _lists_with(s, when):
            continue  # a list's measures of that day, not its export-control package
        if not s.controls and last_actor_is_foreign(_told_before(s, when)):
            continue  # "The US side recently announced a series of measures": theirs
        same = [e for e in scored if (day := profiles[e.measure].published) and when.covers(day)
                and profiles[e.measure].category in (None, "controlled_item_change")
                and not profiles[e.measure].lists]  # (a listing of the day is no control)
        if len({profiles[e.measure].published for e in same}) != 1:
            continue  # a month of measures of several days is no one package
        if counted is not None and counted < len(same):
            continue  # "two announcements on October 9th" of six: which two, the rest tells
        if specific & {k for e in same for k in profiles[e.measure].subjects} and not (
                _WHOLE_PACKAGE.search(s.text) or counted == len(same)
                or _listed_in_full(specific, same, profiles) or _examples_of_a_day(s, when)
                or _AND_RELATED_ITEMS.search(s.text)):
            if not _named_by_its_lead_subject(s, when, specific):
                continue
            # "the rare earth export controls announced in October" are that day's rare-earth
            # measures, not its superhard materials or batteries (dev-610; fifty-eighth pass),
            # however many they are
            same = [e for e in same if specific <= profiles[e.measure].subjects]
            # ... and of those, the one whose count of elements the sentence gives, if it gives
            # one ("中國上週擴大了稀土出口管制措施，增加了5種稀土元素": No. 57 alone; sixty-third
            # pass)
            same = [e for e in same if "count_items" in e.kinds] or same
            narrowed = True
        if len(same) >= 2 or (narrowed and same):
            for e in same:
                e.add("package", "", f"one of the measures of {profiles[e.measure].published} "
                      f"(“{when.text}”)")
                found.add(e.measure)
    return found


# measures just issued (此次出台的…措施, 新出台的, "the newly introduced … measures") or told
# as recent (近期出台的…措施, 近日, "recently announced", "China's new export control rules"):
# the recent weeks' measures, a package when they are all of one day (fifty-fourth pass)
# (and those of the weeks after the National Day holiday: 国庆节后…新的稀土出口管制措施)
_JUST_ISSUED = re.compile(r"^(?:此次|这次|新近|最新|新|近期|近日|日前)$|\bnewly\b|^new$"
                          r"|^recent(?:ly)?$|^国庆", re.IGNORECASE)
# a week of the calendar ("last week", 上周), whose measures of one day are that day's package, as
# a month's are; "recently" and 近期 are the two weeks before the page, no calendar week
_CALENDAR_WEEK = re.compile(r"(?:last|this|the\s+previous)\s+week|上周|本周|上星期|本星期",
                            re.IGNORECASE)


def _named_by_its_lead_subject(s: Sentence, when: DateSpan, specific: set[str]) -> bool:
    """Controls of a day named by rare earths alone, in the plural, by no one issuer ("the
    sweeping rare earth export controls it announced on October 9", 10月9日宣布对稀土元素实施进一步
    出口限制): the day's rare-earth measures, all of them (`_package` keeps those on rare earths;
    the day's superhard materials and batteries are not told: dev-610, fifty-eighth pass); a
    calendar week's or a month's whose measures are of one day (中国上周公布…稀土出口管制措施,
    "China's October rare earth export controls") are that day's too. One announcement, or
    the announcements issued with Customs, are only those it fits."""
    return (when.precision in ("day", "week", "month") and specific == {"rare_earth"}
            and not (s.joint or _SINGULAR.search(s.text)))


def _examples_of_a_day(s: Sentence, when: DateSpan) -> bool:
    """Whether the sentence's subjects are only examples of a day's measures: "the export control
    measures announced by the Ministry of Commerce on Thursday, including on rare earth-related
    technologies and items" names that day's measures with no subject of their own, and what
    follows "including" details them without picking any out (dev-1410). A day only: a month's
    measures are not read as one package from examples."""
    examples = _EXAMPLES.search(s.text)
    if not examples or when.precision != "day" or not when.start < examples.start():
        return False
    head = s.text[:examples.start()]
    return not any(not t.generic for t, _, _ in spans(head, ("subject",)))


def _lent(s: Sentence, when: DateSpan) -> bool:
    """Whether the date was lent by the sentence before (its offset is in that sentence)."""
    return s.text[when.start:when.start + len(when.text)] != when.text


def _told_before(s: Sentence, when: DateSpan) -> str:
    """The sentence's words before the date; all of it for a date lent by the sentence before."""
    return s.text if _lent(s, when) else s.text[:when.start]


def _lists_with(s: Sentence, when: DateSpan) -> set[str]:
    """The lists named in the clause of the sentence giving the date: a list in another clause
    (cut at ", and", ";", 并) is another act's ("暂停实施了去年10月9日公布的相关出口管制措施，
    并对出口管制管控名单等相关措施作出调整": the package of 9 October names no list)."""
    if not s.lists or _lent(s, when):
        return s.lists  # a date lent by the sentence before: the whole sentence
    at = 0
    for clause in re.split(f"({_CLAUSE.pattern})", s.text, flags=_CLAUSE.flags):
        if clause is None:
            continue
        if at <= when.start < at + len(clause):
            return {t.key for t, _, _ in spans(clause, ("list",))}
        at += len(clause)
    return s.lists


def _listed_in_full(specific: set[str], same: list[Evidence],
                    profiles: dict[str, Profile]) -> bool:
    """The sentence's subjects name every measure of the day, each by a subject of its own
    ("the measures announced last Thursday, which cover rare earths, lithium batteries and
    superhard materials"): the list is the package's content, so the package is all of them;
    a list leaving one of the day's measures unnamed names only those it names."""
    day = {profiles[e.measure].published for e in same}
    whole = [p for p in profiles.values() if p.published in day
             and p.category in (None, "controlled_item_change")]
    return len(same) == len(whole) and all(specific & p.subjects for p in whole)


# a label someone gives in quotation marks (describing the measures as a "rare earth weapon",
# dubbed “…”, 称之为“…”), not a title quoted
_QUOTED = re.compile(r"\b(?:as|called|dubbed|branded|labell?ed|calling|call)\s+(?:an?\s+|the\s+)?"
                     r"(?:\"[^\"]{1,60}\"|“[^”]{1,60}”|‘[^’]{1,60}’)"
                     r"|(?:称之为|称为|视为|渲染为|炒作为)[“「][^”」]{1,30}[”」]", re.IGNORECASE)


def _quoted_only(text: str) -> set[str]:
    """The subjects a sentence names only in a label quoted (_QUOTED): what someone calls the
    measures, not what they are on."""
    quoted = " ".join(m.group(0) for m in _QUOTED.finditer(text))
    if not quoted:
        return set()
    return terms_in(quoted) - terms_in(_QUOTED.sub(" ", text))


# rare earths named with the other items of their day ("export control measures on rare earths
# and related items", 稀土等相关物项): the day's whole package, as MOFCOM's own words name it
_AND_RELATED_ITEMS = re.compile(r"\brare[- ]earths?\s+and\s+(?:other\s+)?related\s+(?:items"
                                r"|materials|products|goods"
                                # ("export controls on rare earths and related measures that
                                # it announced on October 9": all that day's; sixty-third pass)
                                r"|measures)\b|稀土等", re.IGNORECASE)
# A series or package of a day's measures is all of them, the subjects it lists its content
# ("announced a series of export control measures yesterday, covering …").
_WHOLE_PACKAGE = re.compile(r"\ba\s+(?:series|package|raft|slew|host)\s+of\b|一系列|一揽子",
                            re.IGNORECASE)
_ANNOUNCEMENT_COUNT = re.compile(
    r"\b(?P<n>two|three|four|five|six|\d)\s+(?:separate\s+|new\s+|complementary\s+"
    r"|additional\s+)?(?:announcements|decisions"
    # (documents and regulations counted as announcements are: "jointly issued four
    # complementary documents"; sixty-third pass)
    r"|documents|regulations)\b"
    r"|(?P<zh>两|三|四|五|六|\d)\s*(?:项|份|个|则)?公告", re.IGNORECASE)


# Controls counted with their goods ("四个稀土管制相关规定", 三项稀土出口管制措施, "four new
# rare earth rules"): the noun counted is an instrument of control, not items or entities.
_MEASURES_COUNTED = re.compile(
    r"(?P<zh>两|三|四|五|六|七|八|\d)\s*(?:项|个|份|条|道)[^，。；、\d]{0,12}?(?:公告|规定|新规|措施|决定)"
    r"|\b(?P<n>two|three|four|five|six|seven|eight)\s+(?:new\s+|separate\s+|sets?\s+of\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:announcements|rules|regulations|measures|decisions)\b", re.IGNORECASE)
_CONTROL_WORD = re.compile(r"管制|管控|\bexport\s+controls?\b|\bcontrols\b|\bcurbs\b"
                           r"|\brestrictions\b", re.IGNORECASE)


def _controls_counted(s: Sentence) -> tuple[int, set[str], str] | None:
    """How many controls a sentence with no time of its own counts, on which goods (those the
    count names, "四个稀土管制相关规定", else the sentence's), and the words that count them; None
    for a count of one, another government's, or no goods."""
    m = _MEASURES_COUNTED.search(s.text)
    if not m or s.foreign or not _CONTROL_WORD.search(s.text) or any(
            d.role != "from" for d in s.dates):
        return None  # (a day a member starts from is that member's, not the count's time)
    goods = {t.key for t, _, _ in spans(m.group(0), ("subject",)) if not t.generic} or {
        k for k in s.subjects if not term(k).generic}
    goods -= _quoted_only(s.text)
    word = (m["zh"] or m["n"]).lower()
    n = int(word) if word.isdigit() else SMALL_NUMBERS[word]
    return (n, goods, m.group(0)) if goods and n >= 2 else None


def _counted_day(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile]) -> set[str]:
    """A sentence that counts China's controls on goods and dates none ("商务部、海关总署连续
    发布四个稀土管制相关规定", sixtieth pass): the measures of the one day of the archive, up to
    the page, that issued exactly that many controls on all those goods (`_controls_counted`;
    `candidate_measures` brings every measure on them); none when no day or several days did,
    or when one of them is not scored at all."""
    counted = _controls_counted(s)
    if counted is None:
        return set()
    n, goods, words = counted
    days: dict[str, set[str]] = {}
    for measure, p in profiles.items():
        if p.published and p.category in (None, "controlled_item_change") and not p.lists \
                and goods <= p.subjects:
            days.setdefault(p.published, set()).add(measure)
    matching = [day for day, members in days.items() if len(members) == n]
    if len(matching) != 1:
        return set()
    members = days[matching[0]]
    found = [e for e in scored if e.measure in members]
    if {e.measure for e in found} != members:
        return set()
    for e in found:
        e.add("count_measures", f"count_measures:{matching[0]}",
              f"one of the {n} controls on its goods issued on {matching[0]} (“{words}”)")
    return members


def _announcements_counted(s: Sentence) -> int | None:
    """How many announcements the sentence says there were ("two announcements", 两项公告)."""
    m = _ANNOUNCEMENT_COUNT.search(s.text)
    if not m:
        return None
    n = (m["n"] or m["zh"]).lower()
    return int(n) if n.isdigit() else SMALL_NUMBERS[n]


def _counted_and_numbered(decision: Decision, sentences: list[Sentence],
                          profiles: dict[str, Profile]) -> None:
    """A page that counts a day's announcements and cites each by number ("The two
    announcements, identified as Announcement No. 61 and No. 62 of 2025") speaks of those: its
    looser words for that day's controls ("on Thursday announced measures … on certain rare
    earth-related items and technologies") link none of the day's other measures, unless a
    title, a number or a count of listed entities names them."""
    numbered: set[str] = set()
    for s in sentences:
        counted = _announcements_counted(s)
        if counted and len(s.numbers) == counted:
            numbered |= s.numbers
    days = {p.published for m in numbered if (p := profiles.get(m)) and p.published}
    if len(days) != 1:
        return
    for measure, e in list(decision.links.items()):
        p = profiles[measure]
        if (measure not in numbered and p.published in days
                and not e.kinds & {"title", "number", "count_list"}):
            del decision.links[measure]


def _dominated(e: Evidence, kept: list[Evidence]) -> bool:
    """Another kept candidate explains all this one explains, as strongly, and more, with a
    higher score."""
    mine = e.strengths()
    for k in kept:
        theirs = k.strengths()
        if (k.matched() > e.matched() and k.score > e.score
                and all(theirs[t] >= w for t, w in mine.items())):
            return True
    return False


def _unique_year(s: Sentence, scored: list[Evidence]) -> None:
    """A year names a measure when it is the only one, of those sharing the sentence's specific
    subjects, dated in that year ("controls on gallium and germanium in 2023" is No. 23 of 2023,
    not No. 46 of 2024); a year shared by two of them identifies neither."""
    # the subjects the sentence names in measures' titles, and those of measures it dates
    dates = ("year", "month", "week", "day")
    told = {p.token for e in scored for p in e.parts if p.kind == "subject_title"}
    # (and one in the text of a measure the sentence dates closer than a year is dated too:
    # "restrictions on gallium and germanium in 2023 and a full export ban … of gallium,
    # germanium, and antimony instituted in December 2024"; sixty-eighth pass)
    dated = {p.token for e in scored if e.kinds & set(dates)
             for p in e.parts if p.kind == "subject_title"
             or (p.kind == "subject_text" and e.kinds & set(dates[1:]))}
    if told - dated:
        return  # the year dates what the sentence tells of measures of other years too
    for e in scored:
        # (a verb restricting the goods' exports speaks of a measure too: "Two years ago, China
        # restricted exports of gallium and germanium"; sixty-second pass)
        years = [p for p in e.parts if p.kind == "year" and _speaks_of_a_measure(s, p.token, True)]
        mine = _alone_on_its_subjects(e, scored, ("year",)) if years else set()
        if mine:
            year = re.search(r"\d{4}", years[0].reason)
            e.add("year_unique", years[0].token, f"the only measure on {_names(mine)} of "
                                                 f"{year.group() if year else 'that year'}")
            if _told_as_done(s):
                # and its controls told as done that year ("2023年锗被纳入出口管制清单后")
                e.add("act_in_year", years[0].token, "its controls told as done that year")


def _alone_on_its_subjects(e: Evidence, scored: list[Evidence], dated: tuple[str, ...]
                           ) -> set[str]:
    """The subject tokens e's measure shares with the sentence when no other measure sharing
    one of them is dated by the sentence (a part of a kind in `dated`); else none."""
    subject_parts = ("subject_title", "subject_text")
    mine = {p.token for p in e.parts if p.kind in subject_parts}
    rivals = [o for o in scored if o is not e
              and mine & {p.token for p in o.parts if p.kind in subject_parts}]
    return set() if any(p.kind in dated for o in rivals for p in o.parts) else mine


def _names(tokens: set[str]) -> str:
    """The English names of subject tokens ("subject:germanium"), in order."""
    return ", ".join(term(t.split(":", 1)[1]).english for t in sorted(tokens))


def _told_as_done(s: Sentence) -> bool:
    """Whether the sentence tells controls as done (imposed, took effect, 被…管制, "placed under
    controls"), not as to come."""
    return bool((_CONTROLS_DONE.search(s.text) or _PUT_UNDER_CONTROL.search(s.text))
                and not _CONTROLS_TO_COME.search(s.text))


def _speaks_of_a_measure(s: Sentence, token: str, restricting: bool = False) -> bool:
    """Whether the clause of the sentence holding the year (token "date:<start>"; clauses cut at
    ", and", ";", 并) speaks of a measure: a control, licence, ban, list, 管制, 许可 ("controls on
    gallium and germanium in 2023", "as they have since 2023" after "require a licence"). A year
    in a clause of figures or events ("Tungsten output rose in 2025, and …") dates those, so it
    names no measure as the only one of its subject that year."""
    if not token.startswith("date:"):
        return True
    start, at, clause = int(token.split(":", 1)[1]), 0, s.text
    for cut in _CLAUSE.finditer(s.text):
        if start < cut.end():
            clause = s.text[at:cut.start()]
            break
        at = cut.end()
    else:
        clause = s.text[at:]
    return bool(_MEASURE_NOUN.search(clause) or _CONTROLS.search(clause)
                or restricting and _RESTRICTED_EXPORTS.search(clause))


# the token of a count that several dated listings make together (`_count_sums`)
SUMMED_COUNT = "count_sum:"


def _count_sums(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile]) -> None:
    """A count of entities the sentence gives for several listings it dates ("the 28 US
    entities listed on April 4 and April 9": 16 and 12; with no list named, those of the
    country it names) is those listings' count together: it counts for them, not against
    them, and no longer for another listing of 28."""
    dated = [e for e in scored if profiles[e.measure].count is not None
             and e.kinds & {"day", "week", "month"}
             # ... or, the sentence naming no list, the dated listings of the country it names
             # ("China on Tuesday imposed export restrictions on 40 Japanese companies": the
             # day's 20 on the control list and 20 on the watch list; sixtieth pass)
             and ("list" in e.kinds or (not s.lists and profiles[e.measure].lists
                                        and "country" in e.kinds))]
    total = sum(profiles[e.measure].count or 0 for e in dated)
    if len(dated) < 2 or total not in s.counts:
        return
    names = ", ".join(e.measure for e in dated)
    for e in dated:
        e.parts = [p for p in e.parts if p.kind != "other_count"]
        e.add("count_list", f"{SUMMED_COUNT}{total}", f"{total} entities on the list with {names}")


def _counts_explained(decision: Decision) -> None:
    """A count of entities that the document shows to be several dated listings together ("eases
    export controls on 28 U.S. firms" … "added 28 U.S. companies … on April 4 and 9": 16 and
    12, `_count_sums`) names those listings: another listing of that count, linked by the
    count alone, is not meant."""
    summed = {"count:" + p.token.removeprefix(SUMMED_COUNT) for e in decision.links.values()
              for p in e.parts if p.token.startswith(SUMMED_COUNT)}
    for measure, e in list(decision.links.items()):
        counted = {p.token for p in e.parts if p.kind in IDENTIFYING and p.weight > 0}
        if counted and counted <= summed and e.kinds & IDENTIFYING == {"count_list"}:
            del decision.links[measure]


def _names_a_measure(s: Sentence) -> bool:
    """Whether the sentence tells of a measure at all: a control, ban, licence, list, act or
    announcement, a title, a count of entities, a number no citation links (sixty-fifth pass:
    公告编号2025年第58号 on a page about MOFCOM's announcement). One that does not ("antimony
    prices rose in September", "exports of gallium fell in 2024") describes no measure, whatever
    dates and subjects it shares with one."""
    if s.foreign and not s.titles:
        return False  # another government's act on its own measure (a US rule put on hold)
    return bool(s.act or s.controls or s.titles or s.lists or s.suspension or s.lifting
                or s.bare_numbers)


def _goods_controls(s: Sentence) -> bool:
    """The sentence tells controls on goods: export controls, or controls, curbs or
    restrictions told by their goods ("the curbs on antimony exports", "the antimony controls",
    "after China restricted antimony exports")."""
    if s.controls or _GOODS_CONTROLS.search(s.text) or _RESTRICTED_EXPORTS.search(s.text):
        return True
    return any(_GOODS_NOUN.match(s.text, b) for t, _, b in spans(s.text, ("subject",))
               if not t.generic)


# a clause cut at commas too: what a date in it dates (`_stray_dates`)
_COMMA_CLAUSE = re.compile(r"[,，;；:：\"“”]|\s(?:but|while|whereas)\s", re.IGNORECASE)


_ADDING_THAT = re.compile(r"\badd(?:s|ed|ing)\s+that\b", re.IGNORECASE)


def _stray_dates(s: Sentence) -> list[DateSpan]:
    """Days, weeks and months told in a clause (cut at commas as well) that tells no measure,
    no control and no act: "Magnet prices eased in March, but …", "…, adding that magnet
    stocks would last until June" date the prices and the stocks, not the controls the sentence
    speaks of. Years have their own rule (`_speaks_of_a_measure`)."""
    cuts = [0] + [m.end() for m in _COMMA_CLAUSE.finditer(s.text)] + [len(s.text) + 1]
    stray = []
    for d in s.dates:
        if d.precision == "year" or s.text[d.start:d.start + len(d.text)] != d.text:
            continue
        a = max(c for c in cuts if c <= d.start)
        # "…, adding that stocks would last until June": a verb of speech, no act of adding
        clause = _ADDING_THAT.sub("", s.text[a:min(c for c in cuts if c > d.start)])
        if not (_MEASURE_NOUN.search(clause) or _CONTROLS.search(clause)
                or _ACT.search(clause) or _ISSUE_WORDS.search(clause)
                or _EFFECT_WORDS.search(clause)):
            stray.append(d)
    return stray


def _loose_tie(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile],
               decision: Decision) -> None:
    """The measures a sentence telling controls by their goods alone fits alike (a headline's
    "Superhard material controls", "Beijing's curbs on antimony exports"): kept aside, proposed
    for review only when the text links none of them (`decide`)."""
    tie = Decision()
    _undated(s, scored, profiles, tie)
    if tie.candidates:
        decision.loose.append(tie.candidates)


def _select(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile],
            decision: Decision, cited: set[str]) -> None:
    """Links and review candidates of one sentence."""
    if not _names_a_measure(s):
        if not s.foreign and _goods_controls(s):
            # "Beijing's curbs on antimony exports": a measure told by its goods, with no act
            # word; it is proposed for review when two or three fit alike, never linked
            _loose_tie(s, scored, profiles, decision)
        return
    _unique_year(s, scored)
    _count_sums(s, scored, profiles)
    packaged = _package(s, scored, profiles)
    passing = sorted((e for e in scored if e.identifies and e.about and e.score >= LINK_SCORE),
                     key=lambda e: -e.score)
    kept: list[Evidence] = []
    for e in passing:
        strong = e.measure in packaged or bool(e.kinds & {"title", "number", "number_month"})
        if strong or not _dominated(e, kept):
            kept.append(e)
    if s.singular and len(kept) > 1:
        # "an announcement issued … on Thursday" is one measure: the best of those it dates;
        # a measure dated in another clause ("… since August 2023, and … under an
        # announcement of December 2024") is that clause's, not a rival of the announcement
        own = [e for e in kept if not _dated_outside_singular(s, e)]
        best = max((e.score for e in own), default=0.0)
        kept = [e for e in kept if e.score >= best or e not in own]
    groups: dict[frozenset[str], list[Evidence]] = {}
    for e in kept:
        groups.setdefault(e.matched(), []).append(e)
    counted = _announcements_counted(s)
    for key, group in groups.items():
        named = [e for e in group if e.measure in cited]
        if named and counted == len(named) < len(group):
            groups[key] = named  # "two announcements", and the document cites the two
            kept = [e for e in kept if e in named or e not in group]
        elif counted is not None and counted < len(group):
            # "two new announcements" and three measures fit alike: which two is not told here
            loose = [e for e in group if not (e.measure in packaged
                                              or e.kinds & {"title", "number", "count_list"})]
            groups[key] = [e for e in group if e not in loose]
            kept = [e for e in kept if e not in loose]
    for key, group in groups.items():  # a tie is between the best of the same evidence
        # a generic subject (dual-use items, technologies) picks out nothing: no tie-breaker
        best = max((_specific_score(e) for e in group), default=0.0)
        groups[key] = [e for e in group if _specific_score(e) >= best or e.measure in packaged]
    kept = [e for e in kept if e in groups[e.matched()]]
    _unknown_content(kept, passing, groups, profiles, packaged)
    for e in kept:
        strong = e.measure in packaged or e.kinds & {"title", "number", "number_month",
                                                      "count_list"}
        one_event = _one_suspension(groups[e.matched()])
        # a plural names all the controls it fits ("the October rare earth export controls"),
        # but "measures" on listed firms are what a listing does to them, not how many
        # listings there were ("took measures against U.S. firms"): tied listings stay apart
        plural = s.package and not all(profiles[o.measure].lists for o in groups[e.matched()])
        if (_suspension_parts(e) and not e.kinds & {"title", "number"}
                and _suspension_alone(s) and not _own_date(s, profiles[e.measure])):
            # the suspension's end names its instrument alone (`_suspension_alone`): the
            # measure suspended is only what brings the instrument (`_instruments`)
            decision.suspensions.append(e)
            continue
        if len(groups[e.matched()]) == 1 or strong or plural or s.suspension or one_event:
            _keep(decision.links, e)
            if _suspension_parts(e):
                decision.suspensions.append(e)
        else:
            _keep(decision.candidates, e)
    if not passing and (s.controls or _GOODS_CONTROLS.search(s.text)
                        or _GOODS_LIST.search(s.text)):
        _undated(s, scored, profiles, decision)
    elif not passing and _goods_controls(s):
        _loose_tie(s, scored, profiles, decision)
    if not passing and s.lists:
        _listed_in_period(s, scored, profiles, decision)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence, cut at ", and", ";", 并 (_CLAUSE): their spans."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _dated_outside_singular(s: Sentence, e: Evidence) -> bool:
    """The evidence's date is told in a clause of the sentence other than those naming "an
    announcement" (_SINGULAR): the singular counts the measures of its own clause only. A date
    lent by the sentence before is the whole sentence's."""
    clauses = _clauses(s.text)
    if len(clauses) < 2:
        return False
    singular = {i for m in _SINGULAR.finditer(s.text) for i, (a, b) in enumerate(clauses)
                if a <= m.start() < b}
    for p in e.parts:
        if p.kind not in ("day", "week", "month", "year") or not p.token.startswith("date:"):
            continue
        start = int(p.token.split(":", 1)[1])
        d = next((d for d in s.dates if d.start == start), None)
        if d is None or s.text[start:start + len(d.text)] != d.text:
            return False
        return not any(a <= start < b for i, (a, b) in enumerate(clauses) if i in singular)
    return False


def _unknown_content(kept: list[Evidence], passing: list[Evidence],
                     groups: dict[frozenset[str], list[Evidence]], profiles: dict[str, Profile],
                     packaged: set[str]) -> None:
    """A measure the archive knows nothing of the content of (no subject, no count: a title
    with its number only) is not ruled out by the subjects a sentence names: its silence is no
    difference. When it fits a sentence as well as a measure of the same day on the same list
    except for subjects the other's text has ("several US firms involved in arms sales to Taiwan
    were put on the unreliable entity list" that day: UEL [2025] No. 5 says so, No. 6's content
    is unknown), the two are tied, and both are review candidates. A title, number or count of
    entities still picks one."""
    for e in list(kept):
        group = groups[e.matched()]
        if len(group) != 1 or e.measure in packaged or e.kinds & {"title", "number",
                                                                     "count_list"}:
            continue
        told = {t for t in e.matched() if t.startswith("subject:")}
        rest = e.matched() - told
        if not told or not rest or rest in groups:
            continue
        mine = profiles[e.measure]
        rivals = [r for r in passing if r.measure != e.measure and r.matched() == rest
                  and (q := profiles[r.measure]).published == mine.published
                  and q.lists == mine.lists and not q.subjects and q.count is None]
        if rivals:
            group.extend(rivals)
            groups[rest] = group
            kept.extend(rivals)


def _specific_score(e: Evidence) -> float:
    """The score without generic subjects, which alone pick out nothing."""
    return e.score - sum(p.weight for p in e.parts if p.kind == "subject_generic")


def _instrument_of(e: Evidence) -> str:
    """The instrument of the suspension the evidence describes ("… by MOFCOM-2025-72")."""
    for part in _suspension_parts(e):
        if " by " in part.reason:
            return part.reason.split(" by ", 1)[1].split(" ", 1)[0]
    return ""


def _one_suspension(group: list[Evidence]) -> bool:
    """Measures tied on the same evidence that are one event: a measure whose suspension the
    sentence dates and the instrument of that suspension, of that date ("自11月9日起，中国对美
    出口石墨不再适用…": No. 46's suspension by No. 72, of 9 November) are no rivals."""
    instruments = {_instrument_of(e) for e in group} - {""}
    return len(group) >= 2 and bool(instruments) and all(
        e.measure in instruments or _instrument_of(e) in instruments for e in group)


# a meeting or call told by its holding ("held a video call with …", 举行视频通话, 会谈, 会见)
_MEETING = re.compile(r"\b(?:held|holds|hold|holding)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?:call|talks|meeting|consultations?|dialogue)\b"
                      r"|举行[^，。；]{0,8}?(?:通话|会谈|会晤|磋商)|会见", re.IGNORECASE)


def _measure_dates(s: Sentence) -> list[DateSpan]:
    """The dates that can date a measure the sentence speaks of: in a sentence telling a meeting
    or call held and no act of issuing ("Wang held a video call with Sefcovic on Tuesday, with
    both sides discussing China's export controls on medium and heavy rare earth items"), the
    day is the meeting's, and the measures discussed are told with no date."""
    if s.dates and not s.inherited and _MEETING.search(s.text) and not _ISSUE_WORDS.search(
            _MEETING.sub("", s.text)):
        return []
    return s.dates


def _undated(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile],
             decision: Decision) -> None:
    """A sentence with a specific subject but nothing that dates it: two or three measures
    fitting it equally are review candidates; a suspension of controls on two or more goods
    that one suspending instrument alone fits is that instrument (fifty-fourth pass)."""
    specific = _controlled_goods(s)
    fits = [e for e in scored if specific <= profiles[e.measure].subjects
            and not e.kinds & {"other_list", "other_country", "other_count", "not_joint"}
            # an instrument suspending measures on these goods is no rival of them for
            # controls on the goods: it is told only when the sentence tells a suspension
            and (s.suspension or not profiles[e.measure].targets)]
    # a day or month told in a clause of no measure, and fitting none of the goods' measures,
    # dates something else (prices, stocks): the measures are told undated (thirty-second pass)
    used = {t for e in fits for t in e.matched()}
    stray = [d for d in _stray_dates(s) if f"date:{d.start}" not in used]
    dates = [d for d in _measure_dates(s) if d not in stray]
    if not specific or any(d.precision != "year" for d in dates):
        return
    instrument = _only_suspension(s, specific, fits, profiles, dates)
    if instrument is not None:
        # "暂停实施…针对稀土、锂电池、超硬材料及相关技术的出口管制": the one instrument that
        # suspended controls on all the goods named (and, through it, what it suspended)
        instrument.add("only_suspension", "", "the only suspension of controls on "
                       + ", ".join(sorted(term(k).english for k in specific)))
        _keep(decision.links, instrument)
        return
    if dates:
        # a year that two measures of the subject share dates neither ("the antimony export
        # restrictions Beijing tightened last year"): among that year's measures the sentence
        # is undated; a year only one of them has names it (`_unique_year`), not candidates
        if any("year_unique" in e.kinds for e in scored) or not all(
                # exports restricted in a year are controls of that year, for proposing
                _speaks_of_a_measure(s, p.token, True) for e in fits for p in e.parts
                if p.kind == "year"):
            return
        fits = [e for e in fits if "year" in e.kinds]
    # equally: on the subjects it names in their own words; a broader one they imply
    # (superhard materials, implied by "diamond growing") in one title only does not decide
    listed = None if dates else _title_list(s, scored, profiles)
    if listed:
        _keep(decision.links, listed)  # its goods, all of them, and no other measure's
        return
    named = {f"subject:{k}" for k in _most_specific(_control_clauses(s.text) or s.text)}
    if 2 <= len(fits) <= CANDIDATE_MAX and len({_fit(e, named) for e in fits}) == 1:
        for e in fits:
            _keep(decision.candidates, e)


def _only_suspension(s: Sentence, specific: set[str], fits: list[Evidence],
                     profiles: dict[str, Profile], dates: list[DateSpan]) -> Evidence | None:
    """The one suspending instrument a sentence telling a suspension of controls on two or more
    goods names: the only measure fitting them that suspends others, when every other measure
    fitting them is one it suspends (the ban of No. 46 of 2024 beside No. 72, which suspended
    it). A year the sentence gives is the suspended measures' ("the ban … implemented since
    2024"), not the instrument's: one holding the instrument's day dates it, and the rule is
    not for it."""
    if not s.suspension or len(specific) < 2:
        return None
    instruments = [e for e in fits if profiles[e.measure].targets]
    if len(instruments) != 1:
        return None
    instrument = profiles[instruments[0].measure]
    targets = set(instrument.targets)
    if not all(e.measure in targets for e in fits if e is not instruments[0]):
        return None
    days = {profiles[t].published for t in targets if t in profiles} - {None}
    if any(d.covers(instrument.published or "") or not any(d.covers(x) for x in days)
           for d in dates):
        return None
    return instruments[0]


def _control_clauses(text: str) -> str:
    """The clauses of a sentence (cut at ，；。, ";" and a relative clause after a comma: "…
    on the export of graphite, which is used in traction batteries") that speak of controls,
    licensing or a ban on goods, joined; empty when none does."""
    return " ".join(c for c in re.split(r"[，；。;]|,\s*(?:which|who|that)\b", text)
                    if _CONTROL_CLAUSE.search(c))


def _controlled_goods(s: Sentence) -> set[str]:
    """The specific goods a sentence's controls are on: those its clauses of controls name
    ("去年中国对超硬材料相关物项实施出口管制后" in a sentence opening with 人造金刚石企业: superhard
    materials; the firms' own trade, in another clause, is not what is controlled). A sentence
    whose clauses of controls name no goods of their own: all its specific subjects. A subject
    that is no goods (NOT_GOODS: "export bans on dual-use goods, imposed in retaliation for PM
    Takaichi's Taiwan remarks") is not what controls are on (sixty-fourth pass)."""
    specific = {k for k in s.subjects if not term(k).generic} - NOT_GOODS
    clauses = _control_clauses(s.text)
    goods = {t.key for t, _, _ in spans(clauses, ("subject",)) if not t.generic} & specific
    return goods or specific


def _title_list(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile]
                ) -> Evidence | None:
    """The measure an undated clause of controls names by the goods of its title, all of them
    and two or more, in its own words ("同时对钨、碲、铋、钼、铟相关物项实施出口管制",
    dev-1372), or by LIST_SIGNATURE goods or more of its text told as what a list holds
    (稀土元素最新限制名单包括钐、钆、铽、镝、镥、钪以及钇, sixtieth pass): a list that long is the
    measure's own signature, when no other measure has those goods all."""
    lists = [_most_specific(c) for c in re.split(r"[，；。;]", s.text) if _GOODS_LIST.search(c)]
    for named in _listed_goods(s.text):
        fits = [e for e in scored if named <= profiles[e.measure].subjects
                and not e.kinds & {"other_list", "other_country", "other_count", "not_joint"}]
        if len(fits) == 1 and ((named in lists and len(named) >= LIST_SIGNATURE) or named == {
                k for k in profiles[fits[0].measure].title_subjects if not term(k).generic}):
            return fits[0]
    return None


# what a list of controlled goods holds ("The mineral list includes tungsten, tellurium,
# molybdenum, bismuth, and indium"): goods under control, told by their list
_GOODS_LIST = re.compile(r"\b(?:list|items)\s+(?:includes?|covers?|comprises?)\b"
                         r"|(?:名单|清单|物项)(?:包括|涵盖|包含)", re.IGNORECASE)
# goods of a measure's text named in one clause of controls, this many or more, with no other
# measure holding them all: the measure (`_title_list`)
LIST_SIGNATURE = 4
# a clause of export controls, licensing or a ban on goods (or a list of goods under control)
_CONTROL_CLAUSE = re.compile(r"管制|管控|许可|\b(?:export\s+controls?|licen[cs](?:e|es|ing)"
                             r"|bans?)\b"
                             # export restrictions or curbs, either way round (sixty-first pass)
                             r"|\bexport\s+(?:restrictions?|curbs?)\b|\b(?:controls?|curbs?"
                             r"|restrictions?|limits?)\s+on\s+(?:the\s+)?exports?\b"
                             r"|" + _GOODS_LIST.pattern, re.IGNORECASE)


def _listed_goods(text: str) -> list[set[str]]:
    """The goods, two or more, that each clause of controls names in its own words (clauses
    cut at ，；。 and ";": an English list keeps its commas)."""
    found = []
    for clause in re.split(r"[，；。;]", text):
        named = _most_specific(clause) if _CONTROL_CLAUSE.search(clause) else set()
        if len(named) >= 2:
            found.append(named)
    return found


def _listed_in_period(s: Sentence, scored: list[Evidence], profiles: dict[str, Profile],
                      decision: Decision) -> None:
    """A listing told by its list and a period only ("placed on China's export control list
    earlier this year"): the listings on that list in the period fit it alike, and when two or
    three do, they are review candidates (not links: which one is not told)."""
    fits = [e for e in scored if "list" in e.kinds and e.kinds & {"year", "month", "week"}
            and profiles[e.measure].lists
            and not e.kinds & {"other_list", "other_country", "other_count", "not_joint"}]
    if 2 <= len(fits) <= CANDIDATE_MAX and len({e.score for e in fits}) == 1:
        for e in fits:
            _keep(decision.candidates, e)


def _fit(e: Evidence, named: set[str]) -> float:
    """How well a measure explains the subjects a sentence names in their own words (its score
    when the sentence names none that way)."""
    if not named:
        return e.score
    # the goods named count alike whether the measure's title or only its text names them:
    # which of the two holds them is the archive's wording, not the sentence's
    goods = ("subject_title", "subject_text")
    return sum(1.0 if p.kind in goods else p.weight for p in e.parts
               if (p.token in named if p.kind in goods else
                   p.kind != "unique_subject" and (p.token in named or p.weight < 0)))


# controls named back by a demonstrative ("these restrictions", 这些限制, 上述措施)
_THOSE_CONTROLS = re.compile(r"\b(?:these|those|the\s+same)\s+(?:new\s+)?(?:restrictions|controls"
                            r"|curbs|measures|rules)\b|(?:这些|上述|该等|此类|相关)(?:出口)?(?:限制|管制"
                            r"|管控|措施)", re.IGNORECASE)


def _suspension_of_those_before(decision: Decision, sentences: list[Sentence],
                                possible: dict[str, Profile]) -> None:
    """A suspension of controls named back by a demonstrative, with no goods, number or title of
    its own ("今年10月对于稀土出口宣布了新的管制措施。此举震撼了市场，…直到中国后来表示这些限制将
    暂缓实施一年"), suspends the measures the sentence just before (or the one before it) was
    linked to: the one instrument in the archive that suspended all of them is linked, No. 70
    of 2025 here (fifty-ninth pass). Two instruments fitting, or none, link nothing."""
    for k, s in enumerate(sentences):
        named_back = _THOSE_CONTROLS.search(s.text)
        if not s.suspension or s.lifting or s.foreign or s.numbers or s.titles or not named_back \
                or any(not term(t).generic for t in s.subjects):
            continue
        before = {e.measure for e in decision.links.values()
                  if k - 2 <= e.sentence.index < k and not possible[e.measure].targets}
        if not before:
            continue
        instruments = [p for p in possible.values() if p.targets and before <= p.targets]
        if len(instruments) != 1:
            continue
        e = Evidence(instruments[0].id, s)
        e.add("only_suspension", "", "suspends the measures the sentence before names (“"
              + named_back.group() + "”)")
        _keep(decision.links, e)


# a suspension told with its length of one year ("a one-year suspension", "suspended … for a
# year", 暂停…一年)
_SUSPENDED_FOR_A_YEAR = re.compile(
    r"\b(?:one|1|12-month)[- ]year\s+(?:suspension|pause|halt)\b"
    r"|\b(?:suspend|pause|halt)\w*\b[^.;:]{0,80}?\bfor\s+(?:one|a|1)\s+year\b"
    r"|(?:暂停|暂缓)[^，。；]{0,30}?(?:一年|1年|12个月)", re.IGNORECASE)
SUSPENSION_YEAR_DAYS = (335, 400)  # how long a suspension told as one year may run


def _suspension_for_a_year(decision: Decision, sentences: list[Sentence],
                           possible: dict[str, Profile]) -> None:
    """A suspension of controls on goods told as lasting a year ("北京同意暂停部分稀土出口管制
    措施一年", "a one-year suspension of the rare earth controls") names the one instrument by
    then that suspended controls on those goods for about a year (No. 70 of 2025 for rare
    earths; sixty-ninth pass). Two such instruments, or none, link nothing; a sentence naming
    a number or a title is read by them."""
    for s in sentences:
        goods = {k for k in s.subjects - NOT_GOODS if not term(k).generic}
        told = _SUSPENDED_FOR_A_YEAR.search(s.text)
        # (the suspension's own actor decides whose it is, not the other acts of the sentence:
        # "北京同意暂停…一年，而美国则撤回部分关税")
        if not (s.suspension and goods and told) or s.lifting or s.numbers or s.titles \
                or last_actor_is_foreign(re.split(r"[，,；;]", s.text[:told.start()])[-1]) is True:
            continue
        fits = [p for p in possible.values() if p.targets
                and any(goods & possible[t].subjects for t in p.targets if t in possible)
                and _suspends_for_a_year(p, possible)]
        if len(fits) != 1:
            continue
        e = Evidence(fits[0].id, s)
        e.add("only_suspension", "", "the only suspension of controls on "
              + ", ".join(term(k).english for k in sorted(goods)) + " for a year by then")
        _keep(decision.links, e)


def _suspends_for_a_year(instrument: Profile, possible: dict[str, Profile]) -> bool:
    """Whether the instrument's suspension of the measures it suspends runs about a year."""
    spans = []
    for t in instrument.targets:
        dates = possible[t].dates if t in possible else []
        starts = [d for d, what, by in dates if by == instrument.id and what == "suspended"]
        ends = [d for d, what, by in dates if by == instrument.id and what == "until"]
        if starts and ends:
            spans.append((date.fromisoformat(max(ends)) - date.fromisoformat(min(starts))).days)
    low, high = SUSPENSION_YEAR_DAYS
    return bool(spans) and all(low <= n <= high for n in spans)


def _keep(into: dict[str, Evidence], e: Evidence) -> None:
    if e.measure not in into or into[e.measure].score < e.score:
        into[e.measure] = e


def _suspension_parts(e: Evidence) -> list[Part]:
    return [p for p in e.parts if p.reason.startswith("describes the suspension")]


_INCLUSIVE = re.compile(r"\b(?:other|others|among\s+others|including|such\s+as|etc|package"
                        r"|series)\b|等|包括|一系列", re.IGNORECASE)
# an example list: what follows it is part of the head before it ("the rare earth controls,
# including those on …"), not more beside it
_EXAMPLES = re.compile(r"\b(?:including|such\s+as|among\s+(?:them|which))\b|包括",
                       re.IGNORECASE)


def _most_specific(text: str) -> set[str]:
    """The specific subjects a text names in their own words: "rare earths" inside "rare-earth
    technologies", inside "overseas rare earth items" or implied by holmium is not named, "more
    rare earth items" is."""
    found = [(t, a, b) for t, a, b in spans(text, ("subject",)) if not t.generic]
    return {t.key for t, a, b in found
            if not any(u is not t and c <= a and b <= d and (b - a < d - c or t.key in u.broader)
                       for u, c, d in found)}


def _targets_named(s: Sentence, instrument: Profile, profiles: dict[str, Profile]) -> list[str]:
    """The measures of an instrument a sentence speaks of: all of them, unless the sentence
    names subjects that pick some out ("the further controls on holmium, erbium … China
    suspended them in November": No. 57 of the six No. 70 suspends) and does not say there
    were others (`and other strategic resources`, "the package", 等)."""
    targets = sorted(t for t in instrument.targets if t in profiles)
    named = _most_specific(s.text)
    examples = _EXAMPLES.search(s.text)
    if examples and not _INCLUSIVE.search(s.text.replace(examples.group(), " ")):
        # "suspended the rare earth controls announced in October, including those on …": the
        # head's subjects pick the measures out, the examples only detail them
        named = _most_specific(s.text[:examples.start()])
    elif _INCLUSIVE.search(s.text):
        return targets
    if not named:
        return targets
    return [t for t in targets if named & profiles[t].subjects]


def _instruments(decision: Decision, profiles: dict[str, Profile]) -> None:
    """Suspending instruments and the measures they suspend, as an analyst reads them:

    - an instrument the sentence identifies itself (its own date: "in November, China announced
      a one-year suspension of …") brings every measure it suspends that the sentence speaks
      of (all of them unless its subjects pick some out, `_targets_named`);
    - a sentence describing the suspension by one instrument of two or more of its targets
      (their suspension dates) describes that suspension: the instrument and all its targets;
    - a single target linked through its suspension brings its instrument only.
    """
    direct = dict(decision.links)
    # a measure linked through its suspension by one sentence brings the instrument, even when
    # another sentence links it more strongly ("in December last year" beside "suspended that
    # paragraph … until Nov 27, 2026")
    told = list(direct.items()) + [(e.measure, e) for e in decision.suspensions
                                   if direct.get(e.measure) is not e]
    for measure_id, e in told:
        p = profiles.get(measure_id)
        if p is None or not (_suspension_of(e.sentence, p) or _suspension_parts(e)):
            continue
        if p.targets and e.kinds & (IDENTIFYING - {"number", "number_yearless", "number_month"}):
            # an instrument cited by number brings no target on its number alone: the text
            # cites what it means (`dev-216`)
            for target in _targets_named(e.sentence, p, profiles):
                if not _fits_lists(e.sentence, profiles.get(target)):
                    continue
                _add(decision, profiles, target, e, _by_instrument(e, measure_id))
        if e.sentence.suspension:
            for by in _suspended_on(e.sentence, p):
                _add(decision, profiles, by, e, f"the instrument of the suspension of "
                     f"{measure_id}, dated by the sentence")
                # ... with the other measures it suspended that the sentence numbers without
                # their year (暂停实施此前发布的第55号、56号、57号、58号及商务部公告2025年第61号;
                # sixty-eighth pass)
                numbered = profiles[by].targets & e.sentence.yearless.keys() if by in profiles \
                    else set()
                for target in sorted(numbered):
                    _add(decision, profiles, target, e, f"suspended by {by} with {measure_id}, "
                         f"numbered by the sentence without its year")
                # two or more of its targets whose suspension the sentence dates ("the package
                # … announced in October, whose implementation is on hold until November"):
                # the sentence describes that suspension, of all the targets it names
                siblings = sorted(m for m, other in direct.items() if other.sentence is e.sentence
                                  and m in profiles and by in _suspended_on(e.sentence,
                                                                            profiles[m]))
                if len(siblings) >= 2 and by in profiles:
                    for target in _targets_named(e.sentence, profiles[by], profiles):
                        if _fits_lists(e.sentence, profiles.get(target)):
                            _add(decision, profiles, target, e,
                                 f"suspended by {by} with {', '.join(siblings)}, whose "
                                 f"suspension the sentence dates")
        if e.sentence.suspension and not _suspended_on(e.sentence, p) \
                and not _STILL_SUSPENDED.search(e.sentence.text):  # (the running one's, below)
            siblings = sorted(m for m, other in direct.items() if other.sentence is e.sentence
                              and m in profiles)
            by = _sole_instrument(siblings, profiles)
            if by is not None:
                _add(decision, profiles, by, e, f"the instrument that suspended the measures "
                     f"the sentence tells suspended ({', '.join(siblings)})")
        for part in _suspension_parts(e):
            by = part.reason.split(" by ", 1)[1].split(" ", 1)[0] if " by " in part.reason else ""
            if not by:
                continue
            _add(decision, profiles, by, e, f"the instrument of the suspension of {measure_id}")
            siblings = [m for m, other in direct.items() if other.sentence is e.sentence
                        and any(f" by {by} " in q.reason + " " for q in _suspension_parts(other))]
            if len(siblings) >= 2 and by in profiles:
                for target in _targets_named(e.sentence, profiles[by], profiles):
                    if not _fits_lists(e.sentence, profiles.get(target)):
                        continue
                    _add(decision, profiles, target, e,
                         f"suspended by {by} with {', '.join(sorted(siblings))}, which the "
                         f"sentence describes")


def _sole_instrument(siblings: list[str], profiles: dict[str, Profile]) -> str | None:
    """Two or more measures a sentence tells suspended without dating their suspension
    ("including suspending the export control measures it announced on October 9"): the one
    instrument that suspended them all, if there is exactly one (None otherwise)."""
    if len(siblings) < 2:
        return None
    shared = set.intersection(*({by for _, what, by in profiles[m].dates
                                 if by and what == "suspended"} for m in siblings))
    return shared.pop() if len(shared) == 1 else None


# a suspension told as the state measures are in now ("目前仍处于暂停实施期间", "remain suspended")
_STILL_SUSPENDED = re.compile(
    r"(?:目前|仍|现)(?:处于|在)?暂停(?:实施)?(?:期间|期内|状态)"
    r"|\b(?:remain|remains|still(?:\s+be)?|are\s+still|is\s+still)\s+(?:suspended|on\s+hold"
    r"|paused)\b|\bstill\s+under\s+(?:the\s+)?suspension\b", re.IGNORECASE)


def _running_suspension(decision: Decision, profiles: dict[str, Profile], published: str
                        ) -> None:
    """Measures a sentence says are suspended now (目前仍处于暂停实施期间, "remain suspended")
    name the suspension running on the document's date, so its instrument: "去年10月9日公布的
    锂电池和人造石墨负极材料、超硬材料、稀土设备……等相关出口管制措施目前仍处于暂停实施期间", in May
    2026, brings No. 70, whose suspension of them runs to 10 November 2026."""
    day = published[:10]
    for measure_id, e in list(decision.links.items()):
        p = profiles.get(measure_id)
        if p is None or not _STILL_SUSPENDED.search(e.sentence.text):
            continue
        for start, what, by in p.dates:
            if not by or what not in ("suspended", "suspension continued") or start > day:
                continue
            ends = [d for d, w, b in p.dates if w == "until" and b == by]
            if ends and max(ends) >= day:
                _add(decision, profiles, by, e, f"the instrument of the suspension of "
                     f"{measure_id}, running on {day}, which the sentence says goes on")


def _fits_lists(s: Sentence, p: Profile | None) -> bool:
    """Whether a measure's list agrees with the lists the sentence names: an instrument's
    target on another list (the unreliable entity list beside "the export control list") is
    not one the sentence speaks of."""
    return p is None or not (s.lists and p.lists) or bool(s.lists & p.lists)


def _suspended_on(s: Sentence, p: Profile) -> set[str]:
    """The instruments that suspended a measure on a date the sentence gives besides the one
    that identifies it ("suspended in November the controls announced on October 9")."""
    return {by for d in s.dates for day, what, by in p.dates
            if by and d.covers(day) and (what == "suspended" if d.role != "until"
                                         else what == "until")}


def _add(decision: Decision, profiles: dict[str, Profile], measure_id: str, e: Evidence,
         why: str) -> None:
    if measure_id in profiles and measure_id not in decision.links:
        decision.links[measure_id] = Evidence(measure_id, e.sentence,
                                              [Part(e.score, "instrument", "", why)])


def _by_instrument(e: Evidence, instrument: str) -> str:
    """The reason a suspended measure is linked through its instrument's evidence."""
    dated = [p for p in e.parts if p.kind in ("day", "week", "month", "year")]
    if dated and dated[0].reason.startswith("describes the measure of "):
        when = dated[0].reason.removeprefix("describes the measure of ")
        return f"describes the suspension of {when.split(' ', 1)[0]} by {instrument} " \
               f"{when.split(' ', 1)[1] if ' ' in when else ''}".rstrip()
    return f"suspended by {instrument}, which the sentence describes"


def decide(sentences: list[Sentence], own: set[str], profiles: dict[str, Profile],
           published: str, document: str, cited: Iterable[str] = (),
           frequency: dict[str, int] | None = None) -> Decision:
    """The links and review candidates of a document among the candidate profiles (cited
    measures included: they compete, and are left out of the result by the caller)."""
    decision = Decision()
    possible = {m: p for m, p in profiles.items() if not p.published or p.published <= published}
    for s in sentences:
        scored = [evidence(s, p, own, document, frequency) for p in possible.values()]
        _only_for_country(scored, s, possible)
        _only_of_its_day(scored, s, possible)
        _only_on_subject(scored, s, possible, published)
        _only_with_title_goods(scored, s, possible)
        _cumulative_items(scored, s, possible)
        _select(s, [e for e in scored if e.score > 0], possible, decision, set(cited))
    _counts_explained(decision)
    _counted_and_numbered(decision, sentences, possible)
    _instruments(decision, possible)
    _running_suspension(decision, possible, published)
    _suspension_of_those_before(decision, sentences, possible)
    _suspension_for_a_year(decision, sentences, possible)
    _yearless_in_archive(decision, sentences, possible, published, cited)
    for tie in decision.loose:
        # the text decides elsewhere between the measures a goods-only reference fits (the
        # headline "Superhard material controls" over a lead linking No. 55): no ambiguity
        if not tie.keys() & (decision.links.keys() | set(cited)):
            for e in tie.values():
                _keep(decision.candidates, e)
    for measure in decision.links:
        decision.candidates.pop(measure, None)
    return decision


YEARLESS_WINDOW_DAYS = 365  # a number told without its year is of a measure of the last year
YEARLESS_READ = "number_archived"  # the kind of the evidence of `_yearless_in_archive`


def _mofcom_number(measure_id: str) -> int | None:
    series, _, number = measure_id.rpartition("-")
    return int(number) if series.startswith("MOFCOM-") and number.isdigit() else None


def _yearless_in_archive(decision: Decision, sentences: list[Sentence],
                         possible: dict[str, Profile], published: str,
                         cited: Iterable[str]) -> None:
    """MOFCOM numbers told without their year (`Sentence.yearless_cited`) read against the
    measures the archive holds, never one it does not: No. N is the archived MOFCOM-Y-N dated
    on or before the page and at most `YEARLESS_WINDOW_DAYS` before it (of the year the
    sentence gives it, when it gives one: then at any time before the page). One such measure:
    a link. Several: the one the sentence's subjects or dates fit, if only one does; else each
    is a review candidate. A measure whose subjects the sentence's goods contradict (the
    sentence about gallium, the measure about rare earths: no goods in common) is none, in any
    sentence of the page. A number the page cites with its year, or that the rules above
    already link or propose, is left as it is."""
    told = [(s, c) for s in sentences for c in s.yearless_cited]
    if not told:
        return
    taken = {_mofcom_number(m) for m in [*decision.links, *decision.candidates, *cited,
                                         *(m for tie in decision.loose for m in tie),
                                         *(m for s in sentences for m in s.numbers)]}
    earliest = _days_before(published, YEARLESS_WINDOW_DAYS)
    numbered: dict[int, list[Profile]] = {}
    for p in possible.values():
        n = _mofcom_number(p.id)
        if n is not None and p.published and p.published <= published:
            numbered.setdefault(n, []).append(p)
    contradicted = {p.id for s, c in told for p in numbered.get(c.number, [])
                    if _goods_contradict(s, p)}
    proposed: dict[int, list[Evidence]] = {}
    for s, c in told:
        if c.number in taken:
            continue
        fits = sorted((p for p in numbered.get(c.number, []) if p.id not in contradicted and (
            p.id == f"MOFCOM-{c.year}-{c.number}" if c.year else p.published >= earliest)),
            key=lambda p: p.published or "", reverse=True)
        why = f"the year {c.year} the sentence gives it" if c.year else \
            f"the latest such number on or before {published}"
        if len(fits) > 1 and len(told_apart := [p for p in fits if _yearless_fit(s, p)]) == 1:
            why = (f"of {', '.join(p.id for p in fits)}, on or before {published} and within "
                   f"{YEARLESS_WINDOW_DAYS} days of it, the one whose goods or dates the "
                   f"sentence names")
            fits = told_apart
        quoted = f"“{c.text}”"
        if len(fits) == 1:
            p = fits[0]
            decision.links[p.id] = Evidence(p.id, s, [Part(LINK_SCORE, YEARLESS_READ, "", (
                f"{quoted} without its year, read as {p.id} ({why})"))])
            taken.add(c.number)
            proposed.pop(c.number, None)
        elif fits and c.number not in proposed:
            ids = ", ".join(p.id for p in fits)
            proposed[c.number] = [Evidence(p.id, s, [Part(LINK_SCORE, YEARLESS_READ, "", (
                f"{quoted} without its year, could be {ids} (each on or before {published} "
                f"and within {YEARLESS_WINDOW_DAYS} days of it); nothing in the sentence "
                f"tells them apart"))]) for p in fits]
    for group in proposed.values():
        for e in group:
            decision.candidates.setdefault(e.measure, e)


def _goods_contradict(s: Sentence, p: Profile) -> bool:
    """The sentence names goods and the measure is about others, none of them."""
    named = {k for k in s.subjects - NOT_GOODS if not term(k).generic}
    return bool(named) and bool(p.subjects) and not named & p.subjects


def _yearless_fit(s: Sentence, p: Profile) -> bool:
    """The sentence names goods of the measure or a day or month of it."""
    named = {k for k in s.subjects - NOT_GOODS if not term(k).generic}
    days = {f"day:{day}" for day, _, _ in p.dates} | {f"month:{day[:7]}" for day, _, _ in p.dates}
    told = set().union(*(_date_keys(d) for d in s.dates if d.precision in ("day", "month")))
    return bool(named & p.subjects) or bool(told & days)


# --------------------------------------------------------------------------- the run


def refresh_measures(archive: Archive, measure_ids: Iterable[str]) -> dict[str, Profile]:
    """Rebuild the index keys of measures the run touched; their profiles."""
    profiles = {}
    for measure_id in sorted(set(measure_ids)):
        p = build_profile(archive, measure_id)
        if p is not None:
            archive.replace_measure_clues(measure_id, p.keys())
            profiles[measure_id] = p
    return profiles


def profile_json(p: Profile) -> str:
    """The profile as stored (sets and dates in order: equal profiles, equal texts), with the
    build (PROFILE_BUILD) that made it."""
    parts: dict[str, Any] = {"version": PROFILE_BUILD}
    for f in fields(p):
        value = getattr(p, f.name)
        if isinstance(value, set):
            value = sorted(value)
        elif f.name == "dates":
            value = sorted(value, key=lambda d: tuple(x or "" for x in d))
        parts[f.name] = value
    return json.dumps(parts, ensure_ascii=False, sort_keys=True)


def profile_from_json(text: str) -> Profile | None:
    """A stored profile, as build_profile made it (None when another build made it:
    PROFILE_BUILD)."""
    data = json.loads(text)
    if data.pop("version", None) != PROFILE_BUILD:
        return None
    p = Profile(**data)
    for f in fields(p):
        if f.type == "set[str]":
            setattr(p, f.name, set(getattr(p, f.name)))
    p.dates = [(day, what, by) for day, what, by in p.dates]
    return p


def store_profile(archive: Archive, p: Profile) -> str:
    """Store the profile (read back by later nights instead of rebuilt); its fingerprint (what
    linking compares of the measure, as one short hash)."""
    text = profile_json(p)
    mark = hashlib.sha256(text.encode()).hexdigest()[:20]
    core = p.english_core
    archive.set_link_profile(p.id, mark, text, core if len(core.split()) >= 5 else "")
    return mark


def changed_profiles(archive: Archive, touched: dict[str, Profile]) -> dict[str, Profile]:
    """The touched measures whose profile differs from the one their links were decided with
    (a measure never profiled counts as changed); the new profiles are stored."""
    known = archive.link_profiles(list(touched))
    changed = {}
    for measure_id, p in touched.items():
        if known.get(measure_id) != store_profile(archive, p):
            changed[measure_id] = p
    return changed


def load_profiles(archive: Archive, measure_ids: Iterable[str],
                  cache: dict[str, Profile | None]) -> None:
    """Put the measures' profiles in the cache: stored ones read back, others built (and
    stored, so that the next night reads them)."""
    missing = sorted({m for m in measure_ids if m not in cache})
    stored = archive.stored_link_profiles(missing)
    for measure_id in missing:
        p = profile_from_json(stored[measure_id]) if measure_id in stored else None
        if p is not None:
            cache[measure_id] = p
            continue
        cache[measure_id] = build_profile(archive, measure_id)
        if cache[measure_id] is not None:
            store_profile(archive, cache[measure_id])  # type: ignore[arg-type]


def candidate_measures(archive: Archive, sentences: list[Sentence], keys: set[str],
                       words: str, published: str) -> set[str]:
    """The measures that can be linked to or proposed for a document: those sharing a key
    that identifies (a title, a day, a month, a count), those whose English title the
    document names, and for each undated sentence about controls, the measures about all its
    subjects when there are at most CANDIDATE_POOL of them (more, and the sentence is too
    vague to propose any)."""
    found = set(archive.measures_with_clues(sorted(k for k in keys if k.startswith(
        IDENTIFYING_KEYS))))
    found.update(archive.measures_with_english_core_in(words))
    pools: dict[tuple[str, ...], list[str]] = {}  # sentences of a document repeat subjects
    # countries sentences send goods of their own to: the measures on goods for them
    # (`_only_for_country`), looked up once here, not made index keys of the document
    goods_for: set[str] = set()
    for s in sentences:
        specific = tuple(sorted(f"subject:{k}" for k in s.subjects if not term(k).generic))
        stray = _stray_dates(s)
        dating = [d for d in _measure_dates(s) if d not in stray
                  and not _VAGUELY_RECENT.match(d.text)]  # (`_only_on_subject`)
        coming = bool(_COMING_INTO_FORCE.search(s.text))  # its time is that (`_only_on_subject`)
        if specific and (not dating or coming) and (
                coming or _goods_controls(s) or _GOODS_LIST.search(s.text)
                or _CONTROLS_IN_FORCE.search(s.text)):
            found.update(_pool(archive, specific, published, pools))
            for key in specific if len(specific) > 1 else ():
                # ... and the only measure on one of them by then (`_only_on_subject`: "recent
                # Chinese export controls on critical metals — including tungsten and seven rare
                # earth materials"; sixty-ninth pass)
                if len(alone := _pool(archive, (key,), published, pools)) == 1:
                    found.update(alone)
            goods = tuple(sorted(f"subject:{k}" for k in _controlled_goods(s)))
            found.update(_pool(archive, goods, published, pools))  # `_undated` compares them
            for named in _listed_goods(s.text):  # a clause's own list of goods (`_title_list`)
                found.update(_pool(archive, tuple(sorted(f"subject:{k}" for k in named)),
                                   published, pools))
        if not _names_goods_by_class(s) and _goods_for_a_country_alone(s, own_goods=True):
            goods_for |= s.countries
        counted = _controls_counted(s)
        if counted:  # controls counted: every measure on their goods (`_counted_day`)
            found.update(_pool(archive, tuple(sorted(f"subject:{k}" for k in counted[1])),
                               published, pools))
        for k in _earlier_act_goods(s)[1]:  # each good's measures by then (`_only_on_subject`)
            found.update(_pool(archive, (f"subject:{k}",), published, pools))
        if specific and any(d.precision == "year" for d in s.dates):
            each = [_pool(archive, (k,), published, pools) for k in specific]
            if all(each):  # a year names the only measure of its subjects dated in it
                found.update(*each)
        if s.lists and not s.counts and any(d.precision == "year" for d in s.dates):
            # "placed on China's export control list earlier this year": that list's listings
            # (`_listed_in_period` proposes those of the period when two or three fit)
            for k in sorted(s.lists):
                found.update(_pool(archive, (f"list:{k}",), published, pools))
        for d in _in_force_before(s) if specific else ():
            # "the rules … in force before October": the measures of its subjects before then
            found.update(_pool(archive, specific, d.first, {}))
    if goods_for:
        found.update(archive.measures_with_clues(sorted(f"goods_for:{c}" for c in goods_for)))
    return found


def _pool(archive: Archive, keys: tuple[str, ...], published: str,
          pools: dict[tuple[str, ...], list[str]]) -> list[str]:
    """The measures published by that day having every key; none when more than
    CANDIDATE_POOL have them (a sentence that vague proposes no measure of its own)."""
    if keys not in pools:
        pool = archive.measures_with_all_clues(list(keys), published, CANDIDATE_POOL + 1)
        pools[keys] = pool if len(pool) <= CANDIDATE_POOL else []
    return pools[keys]


def documents_to_link(archive: Archive, run_id: str, touched: dict[str, Profile]) -> list[str]:
    """The documents stored this run, and those whose keys meet the touched measures' keys
    (a MOFCOM measure's number meets the pages telling that number without its year:
    `yearless_key`)."""
    docs = set(archive.documents_versioned_in(run_id))
    for p in touched.values():  # a document older than a measure cannot describe it
        keys = p.keys() | ({yearless_key(n)} if (n := _mofcom_number(p.id)) is not None
                           else set())
        docs |= set(archive.documents_with_clues(sorted(keys), since=p.published))
    return sorted(docs)


def yearless_key(number: int) -> str:
    """The index key of a MOFCOM number told without its year (`document_clues`)."""
    return f"yearless:MOFCOM-{number}"


def _mofcom_host(url: str) -> bool:
    """A page of MOFCOM's own sites (the press conferences, readouts, consulates)."""
    host = (urlparse(url).hostname or "").lower()
    return host == "mofcom.gov.cn" or host.endswith(".mofcom.gov.cn")


def link_document(archive: Archive, doc_id: str, run_id: str,
                  cache: dict[str, Profile | None]) -> Decision | None:
    """(Re)link one document: its inferred links, review candidates and statement events."""
    doc = archive.document(doc_id)
    if doc is None or not doc["published"] or archive.issues_a_measure(doc_id):
        return None
    title, body = read_as_simplified(doc["title"] or ""), read_as_simplified(doc["body"] or "")
    sentences, own = read_document(title, body, doc["published"],
                                   mofcom=_mofcom_host(doc["url"] or ""))
    keys = document_keys(sentences)
    archive.replace_document_clues(doc_id, keys)
    cited = archive.cited_measures(doc_id)
    words = _words(f"{title} {body}")
    wanted = candidate_measures(archive, sentences, keys, words, doc["published"]) | cited
    wanted |= {m for s in sentences for m in s.yearless}
    year = int(doc["published"][:4])
    wanted |= {f"MOFCOM-{y}-{c.number}" for s in sentences for c in s.yearless_cited
               for y in ((c.year,) if c.year else (year, year - 1))}
    load_profiles(archive, wanted, cache)
    related = set()  # the measures they suspend and the instruments of their suspensions
    for measure_id in wanted:
        p = cache[measure_id]
        if p is not None:
            related |= p.targets | {by for _, _, by in p.dates if by}
    load_profiles(archive, related, cache)
    profiles: dict[str, Profile] = {m: p for m in sorted(wanted | related)
                                    if (p := cache[m]) is not None}
    counted = sorted(k for k in keys if k.startswith(("subject:", "title:")))
    frequency = archive.clue_frequency(counted, cap=2)  # only "the only measure on it" counts
    decision = decide(sentences, own, profiles, doc["published"], words, cited, frequency)
    _quote_in_page_characters(decision, f"{title}\n{body}",
                              f"{doc['title'] or ''}\n{doc['body'] or ''}")
    links = {m: e.reason() for m, e in decision.links.items() if m not in cited}
    candidates = {m: (e.score, e.reason()) for m, e in decision.candidates.items()
                  if m not in cited}
    confirmed = with_verdicts(archive, doc, links, candidates, cited)
    archive.replace_inferred_links(doc_id, links, candidates, run_id, confirmed)
    # (a number read without its year is a link only: no statement's event rests on it)
    read_only = {m for m, e in decision.links.items() if e.kinds == {YEARLESS_READ}}
    statements = statement_links(archive, doc, set(links) - (read_only - set(confirmed)) | cited,
                                 run_id)
    if statements:
        note_statement(archive, run_id, doc_id, statements)
    return decision


def _quote_in_page_characters(decision: Decision, read: str, page: str) -> None:
    """Evidence quotes the page's own characters, not their Simplified reading
    (`names.read_as_simplified` keeps every character's place)."""
    if read == page:
        return
    for e in (*decision.links.values(), *decision.candidates.values()):
        quoted = e.sentence.written or e.sentence.text
        at = read.find(quoted)
        if at >= 0:
            found = page[at:at + len(quoted)]
            e.sentence = replace(e.sentence, written=found) if e.sentence.written else replace(
                e.sentence, text=found)


def with_verdicts(archive: Archive, doc: dict[str, Any], links: dict[str, str],
                  candidates: dict[str, tuple[float, str]], cited: set[str]) -> dict[str, str]:
    """The analyst's verdicts (`link_verdicts`, `regwatch links`) over the rule's links and
    candidates, in place: a rejected measure is neither; a confirmed one is a link (a link by
    number stands as it is), reason `inferred: confirmed by the analyst …` with the rule's own
    evidence if it found some, and the document's confidence, as a link by number from it would
    have. Returns the confidence of each confirmed link."""
    confirmed = {}
    for measure, verdict in archive.link_verdicts(doc["id"]).items():
        linked, (_, proposed) = links.pop(measure, None), candidates.pop(measure, (0.0, None))
        rule = linked or proposed  # the rule's own reason for the pair, if it had one
        if verdict["verdict"] != LinkVerdict.CONFIRM or measure in cited:
            continue
        note = f" ({verdict['note']})" if verdict["note"] else ""
        evidence = f"; the rule's evidence: {rule.removeprefix('inferred: ')}" if rule else ""
        links[measure] = f"inferred: confirmed by the analyst on {verdict['decided']}{note}" \
                         f"{evidence}"
        confirmed[measure] = doc["confidence"] or Confidence.LOW.value
    return confirmed


def link_run(archive: Archive, run_id: str) -> int:
    """End of a run: index the measures it touched and (re)link the documents it stored or
    that those measures may concern. Returns the number of documents linked."""
    with archive.transaction():
        # an archive from before the index (m401_link_index) is linked once, whole
        pending = archive.documents_pending_links()
        # measures never profiled (an archive from before m402), or profiled by an older
        # build_profile or glossary (PROFILE_BUILD), are profiled once, so that their English
        # titles and keys are found like any other's
        touched = refresh_measures(archive, archive.measure_ids() if pending else [
            *archive.measures_touched_in(run_id),
            *archive.measures_without_link_profile(PROFILE_BUILD)])
        cache: dict[str, Profile | None] = dict(touched)
        changed = changed_profiles(archive, touched)
        docs = sorted(set(documents_to_link(archive, run_id, changed)) | set(pending))
        for doc_id in docs:
            link_document(archive, doc_id, run_id, cache)
        archive.clear_pending_links()
    return len(docs)


# --------------------------------------------------------------------------- statements


def running_suspension_end(archive: Archive, measure_id: str, day: str) -> str | None:
    """The last day of the measure's suspension running on day, if one runs."""
    from pipelines.lifecycle import SUSPENDED_STATUSES, status_on

    state = status_on(archive.events(measure_id), day)
    return state.until if state.status in SUSPENDED_STATUSES else None


def statement_links(archive: Archive, doc: dict[str, Any], linked: set[str], run_id: str
                    ) -> list[tuple[str, MeasureEvent]]:
    """Political extension statements of a document (not a legal text) as evidence on the
    linked measures whose suspension runs on its date and ends before the stated date."""
    published = doc["published"]
    statements = (statement_events(read_as_simplified(doc["body"] or ""), published)
                  or statement_events(read_as_simplified(doc["title"] or ""), published))
    added = []
    for measure_id in sorted(linked):
        end = running_suspension_end(archive, measure_id, published)
        for statement in statements:
            if end is None or not statement.until or statement.until <= end:
                continue
            archive.add_event(measure_id, statement, doc["id"], Confidence.LOW.value, run_id)
            added.append((measure_id, statement))
    return added


def note_statement(archive: Archive, run_id: str, doc_id: str,
                   statements: list[tuple[str, MeasureEvent]]) -> None:
    """Say on the document's new_document entry of this run what the statement reaches."""
    change = archive.change_of_document(run_id, ChangeKind.NEW_DOCUMENT, doc_id)
    if change is None or "political statement" in (change["summary"] or ""):
        return
    until = max(e.until or "" for _, e in statements)
    ids = ", ".join(sorted({m for m, _ in statements}))
    summary = (f"{change['summary']}. It says an arrangement is extended to {until}, past the "
               f"legal end of the suspension of {ids}: a political statement, not a legal "
               f"text; no date moves")
    diff = dict(change["diff"] or {})
    diff.setdefault("sentence", statements[0][1].sentence)
    archive.update_change(change["id"], {"summary": summary, "diff": _json(diff)})


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


