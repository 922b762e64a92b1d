"""A document's category and confidence, by rules written once, as ordered data.

The same rules are shown in docs/RULES.md (`rules_markdown()` renders them; a test keeps the two
equal). Patterns are regular expressions matched case-insensitively on NFKC-normalized text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipelines.identifiers import find_measure_numbers
from pipelines.vocab import Category, Confidence, SourceKind

__all__ = [
    "ANNOUNCEMENT_MARKERS",
    "NEWS_MIN_SCORE",
    "NEWS_RULES",
    "NEWS_TITLE_WEIGHT",
    "OFFICIAL_RULES",
    "OFFICIAL_SOURCE_PATTERNS",
    "STATEMENT_MARKERS",
    "classify_category",
    "classify_confidence",
    "quotes_official",
    "rules_markdown",
]

Patterns = tuple[str, ...]
Rules = tuple[tuple[Category, Patterns], ...]

# --------------------------------------------------------------------------- keywords per category

SUSPENSION: Patterns = (
    r"暂停实施",
    r"继续暂停",
    r"暂停",
    r"停止执行",
    r"停止实施",
    r"\bsuspen(?:d|ds|ded|ding|sion|sions)\b",
)
ENTITY_LISTING: Patterns = (
    r"不可靠实体清单",
    r"管控名单",
    r"关注名单",
    r"\bunreliable entit(?:y|ies) list\b",
    r"\bcontrol list\b(?!\s+of\s+dual)",
    r"\bwatch ?list\b",
)
TARIFF: Patterns = (
    r"关税",
    r"税则",
    r"税率",
    r"\btariffs?\b",
    r"\bcustoms dut(?:y|ies)\b",
)
CONTROLLED_ITEM_CHANGE: Patterns = (
    r"实施出口管制",
    r"出口管制的决定",
    r"出口管制清单",
    r"技术出口管制",
    r"物项",
    r"\bexport controls? (?:on|over|of)\b",
    r"\b(?:impos|implement|introduc)\w* (?:\w+ )?export controls?\b",
)
LICENSING: Patterns = (
    r"通用许可",
    r"许可",
    r"\bgeneral licen[cs]es?\b",
    r"\blicen[cs](?:e|es|ed|ing)\b",
    r"\bapprov\w*[^.?!]{0,40}\bapplications?\b",
    r"\bapplications?\b[^.?!]{0,60}\bapproved\b",
)
ENFORCEMENT: Patterns = (
    r"走私",
    r"执法",
    r"查处",
    r"\bsmuggl\w*",
    r"\benforcement\b",
    r"\bcrackdown\b",
    r"\bcrack(?:s|ed|ing)? down\b",
    r"\billegal outflows?\b",
)

# Official texts (authority pages, relayed announcement texts): the first rule that matches the
# title wins; then the first that matches the body; else policy_statement.
OFFICIAL_RULES: Rules = (
    (Category.SUSPENSION, SUSPENSION),
    (Category.ENTITY_LISTING, ENTITY_LISTING),
    (Category.TARIFF, TARIFF),
    (Category.CONTROLLED_ITEM_CHANGE, CONTROLLED_ITEM_CHANGE),
    (Category.LICENSING, LICENSING),
    (Category.ENFORCEMENT, ENFORCEMENT),
)
OFFICIAL_FALLBACK = Category.POLICY_STATEMENT

# News: every rule is scored (a title match counts NEWS_TITLE_WEIGHT, a body match 1); the first
# rule in this order whose score reaches NEWS_MIN_SCORE wins; else commentary.
NEWS_RULES: Rules = (
    (Category.ENFORCEMENT, ENFORCEMENT),
    (Category.LICENSING, LICENSING),
    (Category.SUSPENSION, SUSPENSION),
    (Category.ENTITY_LISTING, ENTITY_LISTING),
    (Category.TARIFF, TARIFF),
    (Category.CONTROLLED_ITEM_CHANGE, CONTROLLED_ITEM_CHANGE),
)
NEWS_FALLBACK = Category.POLICY_STATEMENT
NEWS_TITLE_WEIGHT = 2
NEWS_MIN_SCORE = 3

# A press Q&A or spokesperson statement (title), which is a policy_statement on a relay or an
# authority page unless the page is itself an announcement text.
STATEMENT_MARKERS: Patterns = (
    r"答记者问",
    r"新闻发言人",
    r"发言人",
    r"新闻发布会",
    r"\banswers? (?:reporters'?|journalists'?|media) questions\b",
    r"\bspokes(?:person|man|woman)\b",
    r"\bpress conference\b",
)
# The page is an announcement's own text: its title starts with an announcement number, or its
# body carries the formulas of an announcement.
ANNOUNCEMENT_MARKERS: Patterns = (
    r"现将有关事项公告如下",
    r"现公告如下",
    r"特此公告",
    r"【发布文号】",
    r"\bhereby announced\b",
    r"\bare announced as follows\b",
)
# News that quotes an official source (for confidence medium instead of low).
OFFICIAL_SOURCE_PATTERNS: Patterns = (
    r"新闻发言人",
    r"发言人",
    r"答记者问",
    r"据(?:商务部|海关总署)",
    r"(?:商务部|海关总署|外交部)(?:有关)?(?:负责人)?(?:表示|称|指出|强调|宣布|介绍)",
    r"\bspokes(?:person|man|woman)\b",
    r"\b(?:MOFCOM|Ministry of Commerce|Commerce Ministry|GACC|General Administration of Customs"
    r"|Foreign Ministry|the ministry)\b[^.?!]{0,40}?"
    r"\b(?:said|says|stated|announced|noted|stressed)\b",
    r"\bsaid in a statement\b",
    r"\baccording to (?:a |the )?(?:MOFCOM|Ministry of Commerce|ministry|statement|announcement)\b",
    r"\bofficial (?:with|from|of) (?:the )?(?:MOFCOM|Ministry of Commerce|GACC"
    r"|General Administration of Customs)\b",
)

# News (and relayed pages that are not an announcement's text or a press Q&A): the category is
# decided from the whole text, in this order (docs/RULES.md):
# 1. an opinion piece (OPINION_MARKERS) is commentary;
# 2. a title that relays a statement (NEWS_STATEMENT_TITLE) is policy_statement, unless the title
#    also reports an act with a verb not in the future (NEWS_ACT_VERBS: "… can be approved",
#    打击走私): that act's category (the act beats the messenger);
# 3. the act the title reports (NEWS_ACTS, the earliest in the title wins); an act announced for
#    the future while the body says details are still to come (INTENT_MARKERS) is a statement
#    of intent: policy_statement;
# 4. the act the lead paragraph reports (NEWS_ACTS);
# 5. keyword scores over the whole text (NEWS_RULES);
# 6. policy_statement.
OPINION_MARKERS: Patterns = (
    r"\beditor'?s note\b",
    r"\bthe author is\b",
    r"\bthe writer is\b",
    r"\bopinion piece\b",
    r"\bop-ed\b",
    r"\bthe (?:views?|opinions?) (?:expressed )?(?:do not|don't) necessarily reflect\b",
    r"\bopinion@",
    r"作者系",
    r"本文作者",
    r"评论员文章",
)
NEWS_STATEMENT_TITLE: Patterns = (
    r"^[^:：]{0,30}\b(?:MOFCOM|ministry|spokes(?:person|man|woman)|official)\s*[:：]",
    r"^\s*(?:商务部|外交部|海关总署)?(?:新闻)?发言人\s*[:：]|^\s*(?:商务部|外交部)\s*[:：]",
    r"[:：]\s*(?:MOFCOM|ministry|spokes(?:person|man|woman)|official|商务部|外交部)\s*$",
    r"\bspokes(?:person|man|woman)\b",
    r"\banswers? (?:reporters'?|journalists'?|media) questions\b",
    r"答记者问",
    r"\b(?:opposes?|vows?|urges?|warns?|slams?|refutes?|rejects?|responds?|reiterates?"
    r"|calls? on|agree[sd]?|criticizes?|condemns?)\b",
    r"\bnot (?:targeted|aimed|directed)\b",
    r"\breadout\b",
    r"\b(?:MOFCOM|ministry|Beijing|China) (?:says|said)\b",
)
ENTITY_ACT = (r"\b(?:adds?|added|adding|puts?|putting|places?|placed|includes?|included"
              r"|designates?|designated|removes?|removed)\b[^;:。；]{0,80}?"
              r"\b(?:unreliable entity|export control|control|watch|entity) lists?\b"
              r"|列入[^，。；]{0,30}(?:清单|名单)|移出[^，。；]{0,30}(?:清单|名单)")
SUSPENSION_ACT = (r"\bsuspen(?:d|ds|ded|ding|sion|sions)\b|\bpaus(?:e|es|ed)\b"
                  r"|\blift(?:s|ed)?\b[^.;:]{0,40}\b(?:controls?|bans?|measures?|restrictions?)\b"
                  r"|\bstops? implementing\b|\bhalts?\b|暂停|停止执行|停止实施"
                  r"|取消[^，。；]{0,20}管制")
LICENSING_ACT = (r"\bapprov(?:es|ed|al|als)\b|\b(?:can|could|are|is|were|was|have been|has been)"
                 r" (?:being )?approved\b|\bgrant(?:s|ed)?\b[^.;:]{0,30}\blicen[cs]|\bgeneral "
                 r"licen[cs]es?\b|\blicen[cs]es? (?:granted|issued|approved)\b|通用许可|获批|批准")
ENFORCEMENT_ACT = (r"\bsmuggl\w*|\bcrack(?:s|ed|ing)?\s+down\b|\bcrackdown\b|\billegal outflows?\b"
                   r"|\binspections?\b|\bchecks? on\b|\bseiz(?:e|es|ed|ure)\b|\bpenalt(?:y|ies)\b"
                   r"|走私|查处|打击|执法")
TARIFF_ACT = r"\btariffs?\b|\bcustoms dut(?:y|ies)\b|关税|税则|税率"
CONTROLS_ACT = (r"\bexport controls?\b|\bexport (?:curbs?|restrictions?|bans?|licensing|permits?)\b"
                r"|\bbans?\b[^.;:]{0,30}\bexports?\b|\brequires?\b[^.;:]{0,30}\b(?:permits?"
                r"|licen[cs]es?)\b|\blist of dual-use items\b|\bcontrols? on\b"
                r"|出口管制(?!管控名单|清单|法)|管制措施|实施管制")
NEWS_ACTS: Rules = (
    (Category.ENTITY_LISTING, (ENTITY_ACT,)),
    (Category.SUSPENSION, (SUSPENSION_ACT,)),
    (Category.LICENSING, (LICENSING_ACT,)),
    (Category.ENFORCEMENT, (ENFORCEMENT_ACT,)),
    (Category.TARIFF, (TARIFF_ACT,)),
    (Category.CONTROLLED_ITEM_CHANGE, (CONTROLS_ACT,)),
)
# Acts that override a statement title: verbs (not nouns such as "export control on"), and the
# enforcement words.
NEWS_ACT_VERBS: Rules = (
    (Category.ENTITY_LISTING, (ENTITY_ACT,)),
    (Category.SUSPENSION, (r"\bsuspen(?:ds|ded)\b|\blift(?:s|ed)\b|暂停实施|停止执行",)),
    (Category.LICENSING, (r"\bapprov(?:es|ed)\b|\b(?:can|could|are|is|were|was|have been"
                          r"|has been) (?:being )?approved\b|\bgrant(?:s|ed)\b|获批|批准",)),
    (Category.ENFORCEMENT, (ENFORCEMENT_ACT,)),
    (Category.CONTROLLED_ITEM_CHANGE, (r"\b(?:imposes?|imposed|tightens?|tightened|bans?|banned"
                                       r"|requires?|required)\b|实施出口管制|加强[^，。]{0,20}管制",)),
)
# The lead's act counts only when the lead reports an event with one of these verbs.
LEAD_EVENT_VERBS: Patterns = (
    r"\b(?:announc|unveil|issu|impos|introduc|add|plac|suspend|approv|grant|seiz|list|ban"
    r"|tighten|lift)\w*",
    r"\b(?:took|takes?|taking) effect\b",
    r"发布|公布|实施|宣布|决定|列入|暂停|批准|查获|查处",
)
FUTURE_BEFORE_ACT = r"(?:\bwill(?: be)?|\bto|\bplans? to|\bwould(?: be)?|将)\s*$"
INTENT_MARKERS: Patterns = (
    r"\bwill study\b",
    r"\bspecific plans\b",
    r"\bin the coming days\b",
    r"\bdetails? (?:of|on) [^.]{0,60}\b(?:will|would) be (?:set out|announced|released)\b",
    r"具体方案",
    r"研究细化",
)

# --------------------------------------------------------------------------- matching


@cache
def _compiled(patterns: Patterns) -> re.Pattern[str]:
    """One alternation of the patterns, so that overlapping keywords count once."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _normalize(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "")


def _matches(patterns: Patterns, text: str) -> bool:
    return _compiled(patterns).search(text) is not None


def _count(patterns: Patterns, text: str) -> int:
    return sum(1 for _ in _compiled(patterns).finditer(text))


def _first_rule(rules: Rules, text: str) -> Category | None:
    return next((category for category, patterns in rules if _matches(patterns, text)), None)


def _news_scores(title: str, body: str) -> Category | None:
    for category, patterns in NEWS_RULES:
        score = NEWS_TITLE_WEIGHT * _count(patterns, title) + _count(patterns, body)
        if score >= NEWS_MIN_SCORE:
            return category
    return None


def _acts(rules: Rules, text: str) -> list[tuple[int, Category, re.Match[str]]]:
    """Every act the rules find in text: (position, category, match), in text order."""
    found = []
    for category, patterns in rules:
        for m in _compiled(patterns).finditer(text):
            found.append((m.start(), category, m))
    return sorted(found, key=lambda f: f[0])


def _present_act(rules: Rules, text: str) -> Category | None:
    """The earliest act of text not announced for the future ("will be approved")."""
    future = re.compile(FUTURE_BEFORE_ACT, re.IGNORECASE)
    for start, category, _ in _acts(rules, text):
        if not future.search(text[max(0, start - 20):start]):
            return category
    return None


def _first_act(text: str) -> tuple[Category, bool] | None:
    """The earliest act in text and whether it is announced for the future."""
    acts = _acts(NEWS_ACTS, text)
    if not acts:
        return None
    start, category, _ = acts[0]
    before = text[max(0, start - 20):start]
    return category, bool(re.search(FUTURE_BEFORE_ACT, before, re.IGNORECASE))


def _lead(body: str) -> str:
    """The body's first sentence."""
    first = re.sub(r"《[^《》]*》", "《》", body.strip().split("\n", 1)[0])
    return re.split(r"(?<=[.!?。！？])\s+(?=[A-Z\"“])|(?<=[。！？])", first, maxsplit=1)[0]


def _news_category(title: str, body: str) -> Category:
    """A news text's category, by the steps written above NEWS_ACTS."""
    if _matches(OPINION_MARKERS, f"{title}\n{body}"):
        return Category.COMMENTARY
    if _matches(NEWS_STATEMENT_TITLE, title):
        return _present_act(NEWS_ACT_VERBS, title) or Category.POLICY_STATEMENT
    act = _first_act(title)
    if act is not None:
        category, future = act
        if future and _matches(INTENT_MARKERS, body):
            return Category.POLICY_STATEMENT
        return category
    lead = _lead(body)
    act = _first_act(lead)
    if act is not None and _matches(LEAD_EVENT_VERBS, lead):
        return act[0]
    return _news_scores(title, body) or NEWS_FALLBACK


def _is_announcement_text(title: str, body: str) -> bool:
    """The page is an announcement's own text (not a statement or report about one)."""
    refs = find_measure_numbers(title.strip())
    if refs and refs[0].start == 0 and not _matches(STATEMENT_MARKERS, title):
        return True
    return _matches(ANNOUNCEMENT_MARKERS, body)


# --------------------------------------------------------------------------- public API


def classify_category(title: str, body: str, source_kind: str) -> str:
    """The document's pipelines.vocab.Category value, by the rules above (docs/RULES.md)."""
    kind = SourceKind(source_kind)
    title, body = _normalize(title), _normalize(body)
    if kind is SourceKind.NEWS:
        return _news_category(title, body).value
    if not _is_announcement_text(title, body):
        if _matches(STATEMENT_MARKERS, title):
            return Category.POLICY_STATEMENT.value
        if kind is SourceKind.RELAY:  # relayed news: read as news
            return _news_category(title, body).value
    category = _first_rule(OFFICIAL_RULES, title) or _first_rule(OFFICIAL_RULES, body)
    return (category or OFFICIAL_FALLBACK).value


def classify_confidence(source_kind: str, *, quotes_official: bool = False) -> str:
    """high: the authority's own page; medium: a relay, or news quoting an official; else low."""
    kind = SourceKind(source_kind)
    if kind is SourceKind.AUTHORITY:
        return Confidence.HIGH.value
    if kind is SourceKind.RELAY or quotes_official:
        return Confidence.MEDIUM.value
    return Confidence.LOW.value


def quotes_official(text: str) -> bool:
    """News text that quotes an official source (spokesperson, MOFCOM said, 商务部新闻发言人…)."""
    return _matches(OFFICIAL_SOURCE_PATTERNS, _normalize(text))


# --------------------------------------------------------------------------- documentation


def _pattern_list(patterns: Patterns) -> str:
    return ", ".join(f"`{p}`" for p in patterns)


def rules_markdown() -> str:
    """The category rules as docs/RULES.md shows them (generated, so the two cannot drift)."""
    lines = ["Official texts (first match in the title, else first match in the body):", ""]
    for n, (category, patterns) in enumerate(OFFICIAL_RULES, 1):
        lines.append(f"{n}. `{category}`: {_pattern_list(patterns)}")
    lines.append(f"{len(OFFICIAL_RULES) + 1}. fallback: `{OFFICIAL_FALLBACK}`")
    lines += [
        "",
        "News, and relayed pages that are neither an announcement's text nor a press Q&A "
        "(the first step that decides wins):",
        "",
        "1. `commentary`: an opinion marker in the title or body: "
        + _pattern_list(OPINION_MARKERS),
        f"2. a statement title ({_pattern_list(NEWS_STATEMENT_TITLE)}): the category of the "
        "first act its title reports with a verb not announced for the future "
        f"(`{FUTURE_BEFORE_ACT}` before it), else `policy_statement`. Acts by verb:",
    ]
    for category, patterns in NEWS_ACT_VERBS:
        lines.append(f"   - `{category}`: {_pattern_list(patterns)}")
    lines += [
        "3. the earliest act in the title (acts below); an act announced for the future while "
        f"the body says details are to come ({_pattern_list(INTENT_MARKERS)}) is "
        "`policy_statement` (a statement of intent). Acts:",
    ]
    for category, patterns in NEWS_ACTS:
        lines.append(f"   - `{category}`: {_pattern_list(patterns)}")
    lines += [
        "4. the earliest act in the body's first sentence, when it reports an event ("
        + _pattern_list(LEAD_EVENT_VERBS) + ");",
        f"5. keyword scores (the official keywords; each title match scores {NEWS_TITLE_WEIGHT},"
        f" each body match 1; the first category in this order scoring >= {NEWS_MIN_SCORE} "
        "wins): " + ", ".join(f"`{c}`" for c, _ in NEWS_RULES) + ";",
        f"6. fallback: `{NEWS_FALLBACK}`.",
    ]
    lines += [
        "",
        f"Statement markers (title): {_pattern_list(STATEMENT_MARKERS)}",
        "",
        f"Announcement-text markers (body): {_pattern_list(ANNOUNCEMENT_MARKERS)}",
        "",
        "Official-source markers (news, for confidence): "
        + _pattern_list(OFFICIAL_SOURCE_PATTERNS),
    ]
    return "\n".join(lines) + "\n"
