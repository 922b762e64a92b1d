"""Operative clauses of announcements → lifecycle events (docs/CLAUSES.md: an example of each).

Patterns understood (Chinese, then the English equivalents):

- The measure's own text (`own_events`):
  - issued: the publication date;
  - effective: 自公布/发布/印发之日起(正式)实施/施行/执行/生效, 自即日起实施,
    自YYYY年M月D日起(正式)实施, 自YYYY年M月D日起，<content>; "shall take effect / come into
    force / be implemented on DATE", "as of the date of publication", "with immediate effect".
    Items named before the date become the clause: 本公告第一项、第二项自…起实施 →
    第一项、第二项; 一、（一）（二）项; "Items 1 and 2 … shall take effect from …";
  - expired: 有效期至YYYY年M月D日, "valid / in force until DATE": the last day in force;
  - an offset (自公布之日起30日后施行, "take effect 30 days after publication"): effective on the
    day pipelines.durations counts from the publication.
- Other measures named by number (`other_measure_events`), the verb before or after the number:
  - suspended: 暂停实施/执行/适用; "suspend (the implementation of)", "shall be suspended";
    partially_suspended when a clause follows the number (…第46号《title》第二款) or precedes
    it ("Paragraph 2 of …");
  - suspension_continued: 继续暂停(实施), 暂停(实施)期限延长; "continue to suspend",
    "extend the suspension of", "remain suspended";
  - resumed: 恢复实施/执行/适用; "resume (the implementation of)";
  - revoked: 停止执行/实施/适用, (予以/同时)废止, 不再执行/实施, 撤销, 取消…(临时)出口管制 (the
    part after the number, …中5个石墨物项的, is the clause); "revoke", "repeal", "abolish",
    "rescind", "terminate", "cease to implement", "stop implementing", "no longer apply", "lift
    … controls", "… are lifted";
  - removed_from_list: 移出不可靠实体清单/出口管制管控名单/关注名单; "remove … from the … list";
  - amended: 修改, 修订, 作如下修改, 调整为; "amend", "amendments are made to".
  The sentence's dates: from 自YYYY年M月D日起 / 即日 / 公告发布之日, "from DATE", "from the date
  of publication" (else the publication date); until 至YYYY年M月D日, "until / through DATE"
  (inclusive). A suspension stated as a duration (暂停一年, "for 90 days") ends on the day
  pipelines.durations counts (Civil Code) from the sentence's start, else the text's own
  effective date; references without a full number (上述公告, "the announcement", 第46号公告)
  are resolved from the text before them, or reported by `unparsed_operative_sentences`.
- Political statements (`statement_events`): 延期至/延长至YYYY年M月D日, "extend(ed) … to / until
  DATE" → extension_announced (evidence only, no measure id).

Verbs inside titles (《…》, brackets, 关于…的公告, "Announcement on Suspending …") are not
operative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipelines.dates import find_dates, parse_published
from pipelines.durations import find_durations
from pipelines.identifiers import MeasureNumber, find_measure_numbers
from pipelines.items import MeasureEvent
from pipelines.vocab import EventKind

__all__ = [
    "earliest_effective",
    "instrument_expiry",
    "other_measure_events",
    "own_events",
    "split_sentences",
    "statement_events",
    "unparsed_operative_sentences",
]

# --------------------------------------------------------------------------- building blocks

_NUM = r"[一二三四五六七八九十百零〇两\d]+"
_ZH_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_EN_DATE = (
    rf"(?i:\b{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+\d{{4}}\b)"
)
# The day the text is published, however it is said.
_ZH_PUB = r"(?:即日|本?(?:公告|决定|办法|规定|通知)?(?:发布|公布|印发)之日)"
_EN_PUB = (
    r"(?i:the\s+(?:date|day)\s+of\s+(?:its\s+|this\s+announcement'?s?\s+)?"
    r"(?:publication|promulgation|issuance|release|announcement)|today|the\s+date\s+hereof)"
)

# Sentences: Chinese ends, semicolons and lines; English ends unless after an abbreviation.
# (and a bullet written inline in Chinese, " - " between two items of a machine summary with no
# 。 of its own: "…断供危机 [1][3] - 2025年10月中国实施的新一轮稀土出口管制…"; sixty-seventh pass)
# (a full stop right after a comma is a page's debris, no sentence's end: "但直到10月9日那天,。
# 中国商务部一天发了两道公告"; sixty-ninth pass)
_ZH_BREAK = re.compile(r"(?<=[；;！？!?\n])|(?<=(?<![，,])。)"
                       r"|(?<=[\u4e00-\u9fff\]）】])\s+-\s+(?=[\u4e00-\u9fff\d])"
                       # (after a source's number the spaces may be lost: "…危机[1][3]-2025年")
                       r"|(?<=\d\])-(?=[\u4e00-\u9fff\d])")
# (a sentence's end may have lost its space when a page was copied: "the items.Similarly, on
# Thursday" ends a sentence after a word in lower case before a capitalized word)
# (and the next sentence may open on an inline bullet: "… and indium. - These controls have
# …", as a page's highlights run together; sixty-eighth pass)
_EN_BREAK = re.compile(r"([.!?])[\"”’)\]]*(\s+|(?<=[a-z][.!?])(?=[A-Z][a-z]))"
                       r"(?=(?:[-•–]\s+)?[\"“‘(\[]?[A-Z0-9])")
_EN_TOKEN = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ABBREVIATIONS = frozenset({
    "no", "nos", "art", "arts", "para", "paras", "sec", "item", "mr", "mrs", "ms", "dr", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "etc", "co", "ltd", "inc", "corp", "vs", "fig", "vol", "pp", "p", "approx", "dept",
})

# Titles (《…》, brackets, 关于…的公告) are masked before looking for operative verbs.
_TITLE_SPAN = re.compile(
    rf"《[^《》]*》|（(?!{_NUM}）)(?:[^（）]|（[^（）]*）)*）|\((?!{_NUM}\))(?:[^()]|\([^()]*\))*\)"
    r"|关于[^，。；,;]{0,120}?的(?:公告|决定|通知|批复|函|规定|办法)"
)
# An English verb right after these words is in a title ("Announcement on Suspending …"); a
# participle after an article is an adjective ("the amended Announcement", "as amended").
_EN_TITLE_LEAD = re.compile(r"(?i:\b(?:on|regarding|concerning|about|for|of|re)(?:\s+the)?\s+)$")
_EN_ADJECTIVE_LEAD = re.compile(r"(?i:\b(?:the|as|an?|its|their)\s+)$")

# Clauses (parts of a measure).
_ZH_REF = (
    rf"(?:第{_NUM}(?:\s*[、和及至]\s*{_NUM})*[条款项]|(?:第[（(]|（){_NUM}[）)]项?"
    rf"|{_NUM}、(?=\s*[（(]))"
)
_ZH_CLAUSES = re.compile(rf"{_ZH_REF}(?:\s*(?:以及|[、和及与至])?\s*{_ZH_REF})*项?")
_ZH_CLAUSE_AFTER = re.compile(
    rf"\s*(第{_NUM}(?:\s*[、和及至]\s*{_NUM})*[条款项](?:\s*(?:以及|[、和及至])?\s*第{_NUM}[条款项])*)"
)
_ZH_PART_AFTER = re.compile(
    r"\s*中(?:对|的)?(?P<part>[^，。；《》]{1,30}?)(?:的|之)(?:临时)?(?:出口)?(?:管制|措施)"
)
_TITLES_AFTER = re.compile(
    r"(?:\s*(?:《[^《》]*》|（(?:[^（）]|（[^（）]*）)*）|\((?:[^()]|\([^()]*\))*\)))*"
)
_EN_CLAUSE_NUM = r"(?:\(?\d+\)?|\([a-z]{1,4}\)|\b[IVX]+\b)"
_EN_CLAUSES = (
    rf"(?:\b(?:[Ii]tems?|[Aa]rticles?|[Pp]aragraphs?|[Cc]lauses?|[Ss]ections?|[Pp]oints?)\s+"
    rf"{_EN_CLAUSE_NUM}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|to\s+|through\s+){_EN_CLAUSE_NUM})*"
    r"|(?i:\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+(?:paragraph|article|item|clause|section)))"
)
_EN_CLAUSE_BEFORE = re.compile(rf"({_EN_CLAUSES})\s+of\s+(?:the\s+)?$")
_EN_CLAUSE_ANYWHERE = re.compile(_EN_CLAUSES)

# --------------------------------------------------------------------------- own measure

_ZH_EFFECTIVE = re.compile(
    rf"(?:自|从|于)\s*(?:(?P<date>{_ZH_DATE})|(?P<pub>{_ZH_PUB}))\s*(?P<qi>起)?"
    r"(?P<verb>\s*(?:正式)?\s*(?:实施|施行|执行|生效))?"
)
_EN_EFFECTIVE = re.compile(
    r"(?i:\b(?:takes?\s+effect|comes?\s+into\s+(?:force|effect)|enters?\s+into\s+force"
    r"|(?:be|is|are|becomes?)\s+(?:implemented|effective|enforced|in\s+force)"
    r"|effective|with\s+effect)\s+(?:(?:on|from|as\s+of|starting(?:\s+from)?|since)\s+)?)"
    rf"(?:(?P<date>{_EN_DATE})|(?P<pub>{_EN_PUB}))"
    r"|(?P<now>(?i:\btakes?\s+effect\s+immediately|\bwith\s+immediate\s+effect))"
)
# A time offset after the date (自公布之日起30日后施行): the effective day is counted from it.
_EFFECT_WORD = re.compile(r"施行|实施|生效|(?i:\btakes?\s+effect|\bcomes?\s+into\s+(?:force|effect)"
                          r"|\benters?\s+into\s+force|\bbe\s+implemented)")
_ZH_OFFSET = re.compile(rf"\s*{_NUM}\s*(?:日|天|个月|年)(?:后|以后)")
# What an offset of pipelines.durations needs (…日后, "30 days after/following/from"), or a
# full-width letter that NFKC may make one of those words: without any, no offset is counted.
_MAY_COUNT_AN_OFFSET = re.compile(r"后|(?i:after|following|from)|[Ａ-Ｚａ-ｚ]")
_ZH_EXPIRES = re.compile(rf"有效期(?:为[^，。；]*?)?截?至\s*(?P<date>{_ZH_DATE})")
_EN_EXPIRES = re.compile(
    r"(?i:\b(?:valid|in\s+(?:force|effect)|effective)\s+(?:until|through|till|up\s+to)\s+"
    r"(?:and\s+including\s+)?)"
    rf"(?P<date>{_EN_DATE})"
)
_LICENCE = re.compile(r"许可|证书|(?i:\blicen[cs]es?\b|\bpermits?\b|\bcertificates?\b)")
# Verbs that make a date someone else's event, always (暂停, 停止…) or when a number is named.
_STOPPING = re.compile(
    r"暂停|停止|废止|不再执行|不再实施|撤销|取消"
    r"|(?i:\bsuspen|\bceas|\bstop|\brevok|\brepeal|\babolish|\brescind|\bterminat|\bno\s+longer"
    r"|\blift)"
)
_ABOUT_OTHERS = re.compile(
    r"恢复|移出|(?<!经)(?:修改|修订)(?!后)|调整为|延期|延长"
    r"|(?i:\bresum|\bremov|\bamend|\bextend|\bextension)"
)

# --------------------------------------------------------------------------- other measures

_KIND_VERBS: tuple[tuple[EventKind, str], ...] = (
    (EventKind.SUSPENSION_CONTINUED,
     r"继续暂停(?:实施|执行|适用)?|暂停(?:实施|执行|适用)?的?(?:期限|期)(?:延长|延期)"
     r"|(?i:\bcontinu(?:e|es|ed)\s+(?:to\s+suspend|(?:the\s+)?suspension\s+of|to\s+be\s+suspended)"
     r"|\bextend(?:s|ed)?\s+the\s+suspension(?:\s+period)?(?:\s+of)?|\bremains?\s+suspended"
     r"|\bsuspension\b(?=.{0,160}?\b(?:shall\s+be|is|are|will\s+be|be)\s+extended\b))"),
    (EventKind.SUSPENDED,
     r"暂停(?:实施|执行|适用)"
     r"|(?i:\bsuspend(?:s|ed|ing)?\b(?:\s+the\s+(?:implementation|application|enforcement)\s+of)?)"),
    (EventKind.RESUMED,
     r"恢复(?:实施|执行|适用)"
     r"|(?i:\bresum(?:e|es|ed|ing)\b(?:\s+the\s+(?:implementation|application|enforcement)\s+of)?)"),
    (EventKind.REVOKED,
     r"停止(?:执行|实施|适用)|(?:予以|同时|一并)?废止|不再(?:执行|实施|适用)|(?:予以)?撤销"
     r"|取消(?=[^。；]{0,80}?(?:临时)?(?:出口)?管制)"
     r"|(?i:\blift(?:s|ed|ing)?\b(?=.{0,120}?\bcontrols?\b)|\b(?:is|are|be|were|was|been)\s+lifted\b)"
     r"|(?i:\b(?:revoke[sd]?|revoking|repeal(?:s|ed|ing)?|abolish(?:es|ed|ing)?"
     r"|rescind(?:s|ed|ing)?|annul(?:s|led|ling)?)\b"
     r"|\bcease(?:s|d)?\s+to\s+(?:be\s+)?(?:implement(?:ed)?|appl(?:y|ied)|in\s+force|effective"
     r"|have\s+effect)|\bstop(?:s|ped)?\s+(?:implementing|applying|enforcing"
     r"|the\s+implementation\s+of)|\bterminat(?:e|es|ed)\b(?:\s+the\s+implementation\s+of)?"
     r"|\bno\s+longer\s+(?:be\s+)?(?:implemented|applied|apply|in\s+force|effective))"),
    (EventKind.REMOVED_FROM_LIST,
     r"移出[^，。；]{0,10}?(?:不可靠实体清单|出口管制管控名单|管控名单|关注名单)"
     r"|(?i:\bremov(?:e|es|ed|ing)\b(?=.{0,200}?\bfrom\s+the\b.{0,80}?\blist\b))"),
    (EventKind.AMENDED,
     r"(?:作如下|作出如下|予以)?(?<!经)(?:修改|修订)(?!后)|调整为"
     r"|(?i:\bamend(?:s|ed|ing)?\b|\bamendments?\s+(?:are|is|shall\s+be)\s+made\s+to)"),
)
_VERB = re.compile("|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in _KIND_VERBS))
_SUSPENSIONS = {EventKind.SUSPENDED, EventKind.PARTIALLY_SUSPENDED,
                EventKind.SUSPENSION_CONTINUED}

_ZH_UNTIL = re.compile(rf"(?<!截)(?:至|到)\s*(?P<date>{_ZH_DATE})")
_EN_UNTIL = re.compile(
    rf"(?i:\b(?:until|till|through|to|up\s+to)\s+(?:and\s+including\s+)?)(?P<date>{_EN_DATE})"
)
_ZH_FROM = re.compile(
    rf"(?:自|从)\s*(?P<date>{_ZH_DATE})|于\s*(?P<on>{_ZH_DATE})\s*起|(?:自|从)?(?P<pub>{_ZH_PUB})\s*起"
)
_EN_FROM = re.compile(
    r"(?<!issued )(?<!published )(?<!released )(?<!promulgated )(?<!announced )(?<!dated )"
    r"(?i:\b(?:from|as\s+of|starting(?:\s+from)?|beginning|effective|since|on|with\s+effect"
    r"\s+from)\s+)"
    rf"(?:(?P<date>{_EN_DATE})|(?P<pub>{_EN_PUB}))|(?P<now>(?i:\bwith\s+immediate\s+effect))"
)
# What may stand between two numbers of one list (…第55号、56号及商务部公告…第61号).
_LIST_GLUE = re.compile(r"^(?:\s|、|,|及|和|与|以及|&|(?i:\band\b|\bas\s+well\s+as\b))*$")
_BREAKS_LINK = re.compile(r"[，。；;:：]")
_HAS_GLUE = re.compile(r"、|及|和|与|,|&|(?i:\band\b)")
# A removal of what a listing measure listed, as a whole (所列实体, "the entities listed in").
_WHOLE_LISTING = re.compile(
    r"(?:将|对)?(?:所列|列入|中|项下)?的?(?:全部|所有|相关|上述)?的?(?:[\d一二三四五六七八九十]+家)?"
    r"(?:美国|外国|境外)?(?:实体|企业|单位|组织)?$"
    r"|(?i:(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:foreign\s+|U\.?S\.?\s+)?"
    r"(?:entities|companies|organi[sz]ations)\s+(?:(?:listed|designated|added|included)\s+)?"
    r"(?:in|under|by|on)(?:\s+the)?$"
    r"|(?:shall\s+be|will\s+be|is|are|be|ha(?:s|ve)\s+been)?(?:\s*hereby)?$)"
)
_MAX_GAP = 40  # characters (spaces aside) between a verb and the numbers it governs
_SOME_DAY = "2000-01-01"  # stands for the publication date when only asking "is there an event"


def instrument_expiry(stated: Iterable[Mapping[str, Any]]) -> MeasureEvent | None:
    """The expiry of an instrument whose only effect is to suspend others, from the events its
    own text states for them (measure_events rows: kind, until, sentence): in force while its
    suspensions run, it expires after the last day of the last one (CONTRACT section 9: No. 70
    and No. 72 of 2025). None when it states anything else, or a suspension with no end."""
    events = list(stated)
    if not events or any(e["kind"] not in _SUSPENSIONS or not e["until"] for e in events):
        return None
    last = max(events, key=lambda e: e["until"])
    return MeasureEvent(EventKind.EXPIRED.value, date=last["until"], sentence=last["sentence"])


# --------------------------------------------------------------------------- statements

_ZH_EXTENDED = re.compile(rf"(?:延期|延长)(?:至|到)\s*(?P<date>{_ZH_DATE})")
_EN_EXTENDED = re.compile(
    r"(?i:\b(?:extend(?:s|ed|ing)?|extension)\b.{0,200}?\b(?:to|until|till|through)\s+)"
    rf"(?P<date>{_EN_DATE})"
)
# Controls lifted or stopped without naming whose (对低敏感的5个石墨物项，取消临时出口管制).
_LIFTING = re.compile(r"取消[^。；]{0,40}管制|停止执行|(?i:\b(?:lift(?:s|ed)?|stop(?:s|ped)?\s+"
                      r"implementing)\b.{0,80}\bcontrols?\b)")
_LIFTING_WORD = re.compile(r"取消|停止执行|(?i:lift|stop)")  # what any _LIFTING match holds
_OPERATIVE = re.compile(
    rf"{_VERB.pattern}|暂停|恢复|停止|废止|撤销|取消|移出|(?<!经)(?:修改|修订)(?!后)|延期|延长"
    r"|(?i:\b(?:suspen|resum|revok|repeal|abolish|cease|stop|remov|amend|extend)\w*)"
    rf"|(?:{_ZH_DATE}|{_ZH_PUB}).{{0,20}}?(?:实施|施行|生效)|(?i:\btakes?\s+effect|\bin\s+force)"
)


# --------------------------------------------------------------------------- helpers


def split_sentences(text: str) -> list[str]:
    """Whole sentences: split at 。；; ！？ and newlines, and at English sentence ends."""
    return list(_sentences(text or ""))


@lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[str, ...]:
    """split_sentences, kept for the few texts the stages of one item read in turn."""
    found: list[str] = []
    for piece in _ZH_BREAK.split(text):
        start = 0
        for end in _EN_BREAK.finditer(piece):
            if end.group(1) == "." and is_abbreviation(piece[: end.start()]):
                continue
            found.append(piece[start : end.start(2)])
            start = end.end()
        found.append(piece[start:])
    return tuple(s.strip() for s in found if s.strip())


def is_abbreviation(before: str) -> bool:
    """Whether the word before a full stop is an abbreviation (No., Nos., U.S., Art.)."""
    token = _EN_TOKEN.search(before)
    if token is None:
        return False
    word = token.group(1)
    return len(word) == 1 or "." in word or word.lower() in _ABBREVIATIONS


# A photo's credit in brackets after its caption (（法新社资料照）, （路透）, （组合图）,
# （图／翻摄自X平台）, "(Photo: Reuters)"), or opening a line of its own (图/新华社, "Photo:
# AFP"): the caption before it tells the picture, not the news (the lead is read past it).
PHOTO_CREDIT = (r"[（(]\s*(?:[^（）()]{0,12}?(?:资料照|资料图|组合图|示意图|截图|供图|摄|提供)"
                r"|图\s*[:：／/][^（）()]{0,30}|(?:Photo|Image)\b[^（）()]{0,40}|法新社|路透社?|美联社"
                r"|中央社|彭博社?|AFP|Reuters|AP|Getty\s+Images)\s*[）)]")
PHOTO_CREDIT_LINE = r"(?:图|图片|Photo|Image)\s*[/:：]"


def is_photo_credit(text: str) -> bool:
    """The text is a photo's credit alone (（法新社资料照）, 图/新华社)."""
    text = text.strip()
    return bool(re.fullmatch(PHOTO_CREDIT, text, re.IGNORECASE)
                or re.match(PHOTO_CREDIT_LINE, text, re.IGNORECASE))


def _iso(written: str) -> str | None:
    """The ISO date of one written date, Chinese or English."""
    zh = find_dates(written)
    if zh:
        return zh[0]
    try:
        return parse_published(written)[0]
    except ValueError:
        return None


def _masked(sentence: str) -> str:
    """The sentence with titles blanked out (same length), so their verbs are not operative."""
    return _TITLE_SPAN.sub(lambda m: " " * len(m.group()), sentence)


def _segment(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the comma-separated part of a Chinese sentence holding [start, end)."""
    left = max(sentence.rfind(mark, 0, start) for mark in "，,")
    rights = [i for i in (sentence.find(mark, end) for mark in "，,") if i >= 0]
    return left + 1, min(rights, default=len(sentence))


def _dedupe(events: Iterable[MeasureEvent]) -> list[MeasureEvent]:
    """Events in order, each (kind, date, until, by_measure, clause) once."""
    seen: set[tuple[str | None, ...]] = set()
    unique = []
    for e in events:
        key = (e.kind, e.date, e.until, e.by_measure, e.clause)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    return unique


# --------------------------------------------------------------------------- own measure


def _own_clause(before: str) -> str | None:
    """The items named before an effective date (本公告第一项、第二项 / Items 1 and 2)."""
    zh = list(_ZH_CLAUSES.finditer(before))
    if zh:
        return zh[-1].group().strip()
    en = list(_EN_CLAUSE_ANYWHERE.finditer(before))
    return en[-1].group().strip() if en else None


def _is_others_event(text: str, sentence: str) -> bool:
    """Whether text (part of sentence) is about stopping something or another measure's event."""
    return bool(_STOPPING.search(text)
                or (_ABOUT_OTHERS.search(text) and find_measure_numbers(sentence)))


def _effective_in(sentence: str, published: str | None) -> list[MeasureEvent]:
    """The own measure's effective events stated in one sentence."""
    masked = _masked(sentence)
    events = []
    for m in _ZH_EFFECTIVE.finditer(masked):
        if not (m["qi"] or m["verb"]):
            continue
        seg_start, seg_end = _segment(masked, m.start(), m.end())
        if m["verb"]:  # 自…起实施: the part of the sentence it stands in decides
            if _is_others_event(masked[seg_start:seg_end], sentence):
                continue
        elif _ZH_OFFSET.match(masked, m.end()) or _is_others_event(masked[m.end():], sentence):
            continue  # an offset (30日后施行) is read below
        day = _iso(m["date"]) if m["date"] else published
        if day:
            events.append(MeasureEvent(EventKind.EFFECTIVE.value, date=day,
                                       clause=_own_clause(masked[seg_start:m.start()]),
                                       sentence=sentence))
    for m in _EN_EFFECTIVE.finditer(masked):
        if _is_others_event(masked, sentence):
            break
        day = _iso(m["date"]) if m["date"] else published
        if day:
            events.append(MeasureEvent(EventKind.EFFECTIVE.value, date=day,
                                       clause=_own_clause(masked[: m.start()]),
                                       sentence=sentence))
    return events or _offset_effective(sentence, masked, published)


def _offset_effective(sentence: str, masked: str, published: str | None) -> list[MeasureEvent]:
    """自公布之日起30日后施行 / "take effect 30 days after publication": the day it takes
    effect, counted from the publication (pipelines.durations); a written date wins."""
    if (not _EFFECT_WORD.search(masked) or not _MAY_COUNT_AN_OFFSET.search(sentence)
            or _is_others_event(masked, sentence)):
        return []
    for duration in find_durations(sentence, published):
        if duration.kind == "offset":
            return [MeasureEvent(EventKind.EFFECTIVE.value,
                                 date=duration.written_end or duration.end,
                                 clause=_own_clause(masked[: masked.find(duration.text)]
                                                    if duration.text in masked else ""),
                                 sentence=sentence)]
    return []


def _expiry_in(sentence: str) -> list[MeasureEvent]:
    """The own measure's last day in force (有效期至…, "valid until …") in one sentence."""
    masked = _masked(sentence)
    if _STOPPING.search(masked) or _LICENCE.search(masked):
        return []
    events = []
    for pattern in (_ZH_EXPIRES, _EN_EXPIRES):
        for m in pattern.finditer(masked):
            day = _iso(m["date"])
            if day:
                events.append(MeasureEvent(EventKind.EXPIRED.value, date=day,
                                           clause=_own_clause(masked[: m.start()]),
                                           sentence=sentence))
    return events


# A word every effective or expiry pattern above needs (起 or a verb in _ZH_EFFECTIVE, 有效期,
# and the English ones' effect/force/implemented/enforced/valid): a sentence without any states
# neither, and is not read further (most sentences of a long announcement).
_MAY_STATE_A_DAY = re.compile(
    r"起|实施|施行|执行|生效|有效期|(?i:effect|force|implement|enforce|valid)")


def own_events(body: str, published: str | None) -> list[MeasureEvent]:
    """Events of the measure whose own text body is: issued, effective (per date and clause),
    expired."""
    events = [MeasureEvent(EventKind.ISSUED.value, date=published)]
    for sentence in split_sentences(body):
        if _MAY_STATE_A_DAY.search(sentence):
            events.extend(_effective_in(sentence, published))
            events.extend(_expiry_in(sentence))
    return _dedupe(events)


def earliest_effective(events: Iterable[MeasureEvent]) -> str | None:
    """The earliest date of the effective events (the measure, or part of it, takes effect)."""
    dates = [e.date for e in events if e.kind == EventKind.EFFECTIVE and e.date]
    return min(dates) if dates else None


# --------------------------------------------------------------------------- other measures


@dataclass
class _Run:
    """Numbers of one list governed by the same verb, and the clause of each."""

    numbers: list[MeasureNumber]
    clauses: dict[str, str]
    start: int  # where the list starts (a clause written before it included)
    end: int  # after the last number's title and clause


def _after(sentence: str, number: MeasureNumber) -> tuple[int, str | None]:
    """Where a number's bracketed titles and clause (第二款) end, and that clause."""
    pos = _TITLES_AFTER.match(sentence, number.start + len(number.text)).end()
    clause = _ZH_CLAUSE_AFTER.match(sentence, pos)
    if clause:
        return clause.end(), clause.group(1)
    part = _ZH_PART_AFTER.match(sentence, pos)
    return (part.end("part"), part["part"].strip()) if part else (pos, None)


def _runs(sentence: str, numbers: list[MeasureNumber]) -> list[_Run]:
    """Numbers grouped into lists (joined only by 、 及 和 , and)."""
    runs: list[_Run] = []
    for number in numbers:
        end, clause = _after(sentence, number)
        before = _EN_CLAUSE_BEFORE.search(sentence[: number.start])
        if before:
            clause = clause or before.group(1)
        if runs and not before and _LIST_GLUE.match(sentence[runs[-1].end : number.start]):
            run = runs[-1]
            run.numbers.append(number)
            run.end = end
        else:
            run = _Run([number], {}, before.start() if before else number.start, end)
            runs.append(run)
        if clause:
            run.clauses[number.id] = clause
    return runs


def _is_title_or_adjective(masked: str, match: re.Match[str]) -> bool:
    """Whether an English verb is in a title or an adjective ("on Suspending", "the amended")."""
    if not match.group()[0].isascii():
        return False
    before = masked[: match.start()]
    return bool(_EN_TITLE_LEAD.search(before) or (
        match.group().lower().endswith("ed") and _EN_ADJECTIVE_LEAD.search(before)))


def _verbs(masked: str) -> list[tuple[int, int, EventKind]]:
    """Operative verbs of a (masked) sentence: start, end, kind; English title verbs left out."""
    found = []
    for m in _VERB.finditer(masked):
        if _is_title_or_adjective(masked, m):
            continue
        found.append((m.start(), m.end(), EventKind[m.lastgroup or ""]))
    return found


def _linked(gap: str, numbers_between: bool, *, after: bool) -> bool:
    """Whether a verb separated from a list by gap governs it."""
    if numbers_between or _BREAKS_LINK.search(gap):
        return False
    if after and _HAS_GLUE.search(gap):  # the list goes on: the verb belongs to a later number
        return False
    return len("".join(gap.split())) <= _MAX_GAP


def _run_verb(run: _Run, verbs: list[tuple[int, int, EventKind]], masked: str,
              starts: list[int]) -> tuple[EventKind, str] | None:
    """The verb governing a list (right after it, else the nearest before it): its kind and
    the object it is said of (the words between, or 将… before a Chinese verb)."""
    later = [v for v in verbs if v[0] >= run.end]
    if later:
        start, _, kind = later[0]
        between = any(run.end <= s < start for s in starts)
        if _linked(masked[run.end : start], between, after=True):
            return kind, masked[run.end : start]
    earlier = [v for v in verbs if v[1] <= run.start]
    if earlier:
        start, end, kind = earlier[-1]
        between = any(end <= s < run.start for s in starts)
        if _linked(masked[end : run.start], between, after=False):
            if masked[start].isascii():
                return kind, masked[end : run.start]
            ba = masked.rfind("将", 0, start)
            return kind, masked[ba:start] if ba >= 0 else ""
    return None


def _sentence_dates(sentence: str, published: str | None) -> tuple[str | None, str | None]:
    """(from, until) of a sentence: 自…起 / 即日 / "from …" (else published), 至… / "until …"."""
    start = published
    for pattern in (_ZH_FROM, _EN_FROM):
        m = pattern.search(sentence)
        if m:
            written = m["date"] or m.groupdict().get("on")
            start = _iso(written) if written else published
            break
    until = None
    for pattern in (_ZH_UNTIL, _EN_UNTIL):
        m = pattern.search(sentence)
        if m:
            until = _iso(m["date"])
            break
    return start, until


def _others_in(sentence: str, published: str | None, own_id: str | None,
               evidence: str | None = None) -> dict[str, list[MeasureEvent]]:
    """Events one sentence states for the measures it names (own_id left out); `evidence` is
    the sentence as written when references in it were replaced by the numbers they mean."""
    numbers = find_measure_numbers(sentence)
    if not numbers:
        return {}
    masked = _masked(sentence)
    verbs = _verbs(masked)
    if not verbs:
        return {}
    start, until = _sentence_dates(sentence, published)
    starts = [n.start for n in numbers]
    found: dict[str, list[MeasureEvent]] = {}
    for run in _runs(sentence, numbers):
        verb = _run_verb(run, verbs, masked, starts)
        if verb is None:
            continue
        kind, said_of = verb
        if kind == EventKind.REMOVED_FROM_LIST and not _WHOLE_LISTING.match(
                "".join(said_of.split()) if not said_of.isascii() else said_of.strip()):
            continue  # some of the listed entities (将X公司等3家实体移出): not the whole measure
        end = until
        if kind in _SUSPENSIONS and until is None:
            end = _duration_end(sentence, start)  # 暂停一年 / "for 90 days" from the start
        for number in run.numbers:
            if number.id == own_id:
                continue
            clause = run.clauses.get(number.id)
            event_kind = (EventKind.PARTIALLY_SUSPENDED
                          if kind == EventKind.SUSPENDED and clause else kind)
            found.setdefault(number.id, []).append(MeasureEvent(
                kind=event_kind.value, date=start,
                until=end if kind in _SUSPENSIONS else None,
                by_measure=own_id, clause=clause, sentence=evidence or sentence))
    return found


def _duration_end(sentence: str, start: str | None) -> str | None:
    """The last day of the period a sentence states (暂停实施…一年, "for 90 days"), counted from
    its start as the Civil Code counts (pipelines.durations); an end date written wins."""
    for duration in find_durations(sentence, start):
        if duration.kind == "period":
            return duration.written_end or duration.end
    return None


_REFERENCE = re.compile(
    r"上述(?P<zhplural>各|两|几|[二三四五六七八九十]+)?(?:项|份|个)?公告|该公告|前述公告|此前(?:发布的)?公告"
    r"|(?i:\bthe\s+(?:above(?:-mentioned)?\s+|said\s+|aforementioned\s+|aforesaid\s+)?"
    r"announcement(?P<enplural>s)?\b(?!\s+(?:no|nos)\b))"
)
_YEARLESS = re.compile(
    r"第\s*(?P<zh>\d{1,4})\s*号公告|(?i:\bannouncement\s+no\.\s*(?P<en>\d{1,4})\b)"
    r"(?!\s*(?:of|\(|\[|〔)\s*(?:the\s+year\s+)?\d)"
)
_SERIES_TEXT = {"MOFCOM": ("商务部公告{y}年第{n}号", "MOFCOM Announcement No. {n} of {y}"),
                "GACC": ("海关总署公告{y}年第{n}号", "GACC Announcement No. {n} of {y}"),
                "UEL": ("不可靠实体清单工作机制公告〔{y}〕{n}号",
                        "UEL Working Mechanism Announcement No. {n} of {y}")}


def _number_text(number: MeasureNumber, chinese: bool) -> str:
    zh, en = _SERIES_TEXT[number.series]
    return (zh if chinese else en).format(y=number.year, n=number.number)


def _resolved(sentence: str, context: list[MeasureNumber], named: list[MeasureNumber]
              ) -> str | None:
    """The sentence with its references to announcements replaced by the numbers they mean:
    a number without a year (第46号公告) by the full number named earlier in the text, 上述公告 /
    "the announcement" by the one number the sentence before named (all of them for a plural
    reference); None when a reference cannot be resolved."""
    chinese = not sentence.isascii()
    out, changed = sentence, False
    for m in reversed(list(_YEARLESS.finditer(sentence))):
        n = int(m["zh"] or m["en"])
        same = {x.id: x for x in named if x.number == n}
        if len(same) != 1:
            return None
        out = out[:m.start()] + _number_text(next(iter(same.values())), chinese) + out[m.end():]
        changed = True
    if changed:
        return out
    m = _REFERENCE.search(out)
    if m is None or not context:
        return None
    plural = bool(m["zhplural"] or m["enplural"])
    if len(context) > 1 and not plural:
        return None
    glue = "、" if chinese else " and "
    text = glue.join(_number_text(x, chinese) for x in context)
    return out[:m.start()] + text + out[m.end():]


def _references(body: str, own_id: str | None) -> list[tuple[str, str | None]]:
    """Each sentence, and the sentence with its references resolved (None: nothing to resolve
    or not resolvable; see `_resolved`)."""
    named: list[MeasureNumber] = []
    context: list[MeasureNumber] = []
    found = []
    for sentence in split_sentences(body):
        numbers = [n for n in find_measure_numbers(sentence) if n.id != own_id]
        resolved = None
        if not find_measure_numbers(sentence) and (
                _REFERENCE.search(sentence) or _YEARLESS.search(sentence)):
            resolved = _resolved(sentence, context, named)
        if numbers:
            named += numbers
            context = numbers
        found.append((sentence, resolved))
    return found


def other_measure_events(body: str, published: str | None, own_id: str | None,
                         own_effective: str | None = None) -> dict[str, list[MeasureEvent]]:
    """Events the text states for the other measures it names (or refers to without a full
    number: 上述公告, "the announcement", 第46号公告), by measure id. Durations without an end
    date count from the sentence's start, else the text's own effective date (own_effective,
    when the caller has read it already)."""
    found: dict[str, list[MeasureEvent]] = {}
    if own_id and own_effective is None:
        own_effective = earliest_effective(own_events(body, published))
    start = own_effective or published if own_id else published
    for sentence, resolved in _references(body, own_id):
        events = (_others_in(resolved, start, own_id, evidence=sentence) if resolved
                  else _others_in(sentence, start, own_id))
        for measure_id, measure_events in events.items():
            found.setdefault(measure_id, []).extend(measure_events)
    return {measure_id: _dedupe(events) for measure_id, events in found.items()}


# --------------------------------------------------------------------------- statements


def _statements_in(sentence: str, published: str | None) -> list[MeasureEvent]:
    """Extensions one sentence announces (延期至…, "extended … until …")."""
    events = []
    for pattern in (_ZH_EXTENDED, _EN_EXTENDED):
        for m in pattern.finditer(sentence):
            until = _iso(m["date"])
            if until:
                events.append(MeasureEvent(EventKind.EXTENSION_ANNOUNCED.value, date=published,
                                           until=until, sentence=sentence))
    return events


def statement_events(body: str, published: str | None) -> list[MeasureEvent]:
    """Political statements that an arrangement is extended (延期至…): extension_announced."""
    return _dedupe(e for s in split_sentences(body) for e in _statements_in(s, published))


def unparsed_operative_sentences(body: str, own_id: str | None = None) -> list[str]:
    """Sentences with an operative verb and a measure number, or a reference to one (上述公告,
    "the announcement", 第46号公告), from which no event was read: what a report shows as "not
    understood". So is a sentence lifting or stopping controls it names no measure for
    (对低敏感的5个石墨物项，取消临时出口管制)."""
    unparsed = []
    for sentence, resolved in _references(body, own_id):
        has_number = bool(find_measure_numbers(sentence))
        refers = None if has_number else (_REFERENCE.search(sentence)
                                          or _YEARLESS.search(sentence))
        if not (has_number or refers or _LIFTING_WORD.search(sentence)):
            continue  # nothing it could fail to read (the cheap tests first)
        masked = _masked(sentence)
        if not any(not _is_title_or_adjective(masked, m) for m in _OPERATIVE.finditer(masked)):
            continue
        if not has_number:
            if resolved and _others_in(resolved, _SOME_DAY, own_id):
                continue
            if refers or _LIFTING.search(masked):
                unparsed.append(sentence)
            continue
        if (_others_in(sentence, _SOME_DAY, own_id) or _effective_in(sentence, _SOME_DAY)
                or _expiry_in(sentence)):
            continue
        unparsed.append(sentence)
    return unparsed

