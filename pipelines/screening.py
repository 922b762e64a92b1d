"""Screening a name against the entities of the lists: exact first, then fuzzy (docs/REFERENCE.md).

Every name of a candidate (Chinese, English, aliases) is compared with the query through a
screening key (`_screen_key`): pipelines.names.name_key (width, case, punctuation, corporate
forms, Traditional characters made equal), and the legal forms it leaves, which lead a name
(UAB Urbo Bankas, JSC …, PT …) or which it does not know (TCOM, Limited Partnership). name_key
itself is unchanged: it makes the stored entity ids. For each entity the best of its names
counts; hits come best first.

What an analyst pastes is cleaned first (`_query_forms`): tabs and newlines are spaces; names
separated by semicolons are screened one by one, without a list row's number ("3. ");
a country or an acronym in brackets qualifies a name and is dropped ("Skydio Inc (USA)",
"斯凯迪奥（美国）公司"), as is a trailing part in brackets that describes the firm rather
than names it: after a legal form, where the legal name ends ("Shield AI, Inc. (San Diego,
California)"), or beginning as a description does ("(a Boeing company)", "(an RTX business)",
"(formerly …)"); a place before the legal form stays ("Huawei Technologies (Shanghai) Co.,
Ltd." names a unit). So is the country a Chinese name begins with (美国PVH集团); and each
name of a bilingual row is screened alone ("斯凯迪奥公司（Skydio, Inc.）"). The query itself is
always screened too; the best of its forms counts.

How a name matches, and its score (0-100):

- `exact` (100): the keys are equal, or equal once spaces are removed (HavocAI = Havoc AI).
  95 when they are equal once the word that makes one of them a group's or a holding
  company's name is set aside (Holdings, Holding, Group; 集团, 控股): Leidos Holdings, Inc. /
  Leidos, PVH Group / PVH Corp., PVH公司 / PVH集团. Set aside only for this and the prefix
  rule, never for fuzzy matching (Summit Technology Group is not Summit Technologies).
- `acronym` (92): a query of 3-8 capitals (GDLS, GA-ASI, GA ASI, HII; a corporate form after
  them allowed: GDLS Inc.) equals the initials of a Latin name, with or without its corporate
  form ("and", "of", "the" not counted).
- `prefix` (0.9 x similarity): the query is the beginning of a longer name - the parent's name
  of a listed unit ("Lockheed Martin" -> Lockheed Martin Aeronautics, 洛克希德·马丁 ->
  洛克希德·马丁导弹与火控公司), compared with that many words (Latin) or characters
  (Chinese) of the name, so a typo is forgiven. Only for queries of 5 letters or more (2 words
  or one word) that are not all generic words ("Global" begins many names and names no firm),
  or 2 Chinese characters or more; and for a group's or holding's name without its word
  (Dedrone Holdings -> Dedrone by Axon). Shorter, a query in capitals finds a name whose
  first word is the same capitals (90: FLIR -> FLIR Systems, BAE -> BAE Systems), the
  brand written as the name writes it.
- `fuzzy`: Latin names with rapidfuzz's token_sort_ratio (typos and word order; unlike
  token_set_ratio or WRatio it does not score a shared word such as "General" or "Systems"
  as a full match, which would merge General Atomics and General Dynamics), on the words
  without corporate forms wherever they stand ("Systems Inc., BAE"), number words as digits
  (Red Six = Red 6), and abbreviated words written out (Tech -> Technologies; contractions
  Comms -> Communications, Intl -> International; initials JV -> Joint Venture only beside
  another distinctive word of the name, as in Javelin JV) - and the other way round for
  generic words, written out in the query where the name abbreviates them (Firestorm
  Laboratories -> Firestorm Labs); lowered (never raised) to the same ratio over the words
  that are not generic (Technologies, Systems, Defense …; a word one slip from a generic
  word of 6 letters or more counts as generic: Managment), so that a shared generic word
  does not make two firms alike (Sonic / Saronic Technologies). Raised to 88 when the query
  (2 words or more) is the name with only generic words left out: every distinctive word of
  the name is there (Elbit America for Elbit Systems of America; not Lockheed Martin Systems
  for Lockheed Martin Mission Systems). The ratio is rapidfuzz's Indel similarity with a swap
  of two adjacent letters counted as one edit, not two (Skydoi for Skydio), as in the prefix
  score.
  Chinese names with the character-level ratio (Indel similarity): they have no words. One
  wrong character is forgiven in five (one up to 9 characters, two from 10), one of them
  written as two (克拉托斯 for 奎托斯): 通用原子电磁系统 is two characters from 通用原子航空系统,
  another unit.
  A query that is a listed name and 2 characters or more is not that name: the rest names
  another firm (通用动力电船, Electric Boat, is not 通用动力), as a longer Latin name
  scores low on its words.

Thresholds (measured on tests/cases/screening_dev.yaml with benchmarks/bench_screening.py):
85 for Latin names; 75 for Chinese names, which are short - one wrong character in a
four-character name (斯凯迪欧 for 斯凯迪奥) scores 75, while different firms sharing a brand
(雷神技术 / 雷神导弹与防务, 通用电气 / 通用动力) score 50 or less. A Latin query is compared
with Latin names, a query with Chinese characters with Chinese names.

Bad queries raise ValueError with a one-line message: empty, control characters, longer than
200 characters, no letters, or fewer than 2 letters/characters once normalized.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel, Levenshtein

from pipelines.names import compact, has_cjk, name_key, normalize_name
from pipelines.nfkc import nfkc
from pipelines.vocab import REMOVAL_WORDS

if TYPE_CHECKING:
    from pipelines.archive import Archive

__all__ = ["CJK_THRESHOLD", "LATIN_THRESHOLD", "EntityNames", "Hit", "Screened", "check_query",
           "csv_rows", "describe_hits", "read_names", "screen", "screen_archive", "score_names"]

LATIN_THRESHOLD = 85.0
# One wrong letter counts as one slip (not two, as in the Indel ratio) from this length on
SLIP_MIN_LETTERS = 6
CJK_THRESHOLD = 75.0
ACRONYM_SCORE = 92.0
PREFIX_WEIGHT = 0.9
MAX_QUERY = 200
_MIN_PREFIX_LATIN = 5
_MIN_PREFIX_CJK = 2
_ACRONYM_QUERY = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,10}$")
_ACRONYM_WORD = re.compile(r"^[A-Z][A-Z0-9&.\-]*$")
# Whitespace a pasted cell or row carries (tab, newline, carriage return): spaces, not control
# characters.
_PASTED_SPACE = re.compile(r"[\t\n\r\v\f]+")
# The number of a pasted list row: "3. ", "3、", "(3)", "3) ".
_ROW_NUMBER = re.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}[.)、](?!\d))\s*")
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
# Where a bilingual row splits into its names: brackets, and a space between the scripts.
_BILINGUAL_SPLIT = re.compile(
    f"[()\\[\\]]|(?<=[{_CJK_CLASS}])\\s+(?=[A-Za-z])|(?<=[A-Za-z.,])\\s+(?=[{_CJK_CLASS}])")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# A part in brackets that qualifies a name rather than names a different firm: a country
# ("Skydio Inc (USA)", "斯凯迪奥（美国）公司") or an acronym of it ("Sierra Nevada Corp (SNC)").
_COUNTRY_WORDS = (
    "usa|us|u\\.s\\.|u\\.s\\.a\\.|united states|united states of america|america|uk|u\\.k\\."
    "|united kingdom|britain|japan|germany|france|canada|israel|korea|south korea|taiwan"
    "|netherlands|sweden|switzerland|italy|india|美国|美國|日本|英国|英國|德国|德國|法国|法國|加拿大"
    "|以色列|韩国|韓國|台湾|台灣|中国台湾|中國台灣|荷兰|荷蘭|瑞典|瑞士|意大利|印度")
_QUALIFIER = re.compile(
    f"\\(\\s*(?:(?i:{_COUNTRY_WORDS})|[A-Z][A-Z0-9&.\\-]{{1,7}})\\s*\\)")
# A trailing part in brackets that describes a firm rather than names it: one after a legal
# form, where the legal name ends ("Shield AI, Inc. (San Diego, California)"), or one that
# begins as a description does ("(a Boeing company)", "(an RTX business)", "(formerly …)").
_AFTER_FORM = re.compile(
    r"(?i)(\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|plc|gmbh"
    r"|lp|l\.p|llp)\.?)\s*\([^()]*\)\s*$")
_DESCRIPTION = re.compile(
    r"(?i)\s*\(\s*(?:a|an|the|formerly|former|now|part of|subsidiary of|owned by|dba|d/b/a|fka"
    r"|f/k/a|aka|a/k/a|trading as)\b[^()]*\)\s*$")
# The country a Chinese name is introduced with in announcements (美国PVH集团); 中国 is left:
# it begins the names of many Chinese firms.
_COUNTRY_FIRST = re.compile(
    "^(?:美国|美國|日本|英国|英國|德国|德國|法国|法國|加拿大|澳大利亚|澳大利亞|韩国|韓國|以色列|荷兰|荷蘭"
    "|瑞典|瑞士|意大利|印度|台湾|台灣|中国台湾|中國台灣)(?=.)")
_SKIP_IN_ACRONYMS = {"and", "of", "the", "for", "de", "du", "des"}
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
# Words many firms' names share: alone they do not make two names alike (DZYNE Technologies is
# not Neros Technologies).
_GENERIC_WORDS = {
    "technologies", "technology", "tech", "systems", "system", "defense", "defence", "aerospace",
    "international", "group", "solutions", "industries", "industry", "holdings", "holding",
    "global", "services", "service", "communications", "labs", "laboratories", "laboratory",
    "management", "engineering", "security", "america", "usa", "us", "and", "of", "the",
    "enterprises", "partners", "associates", "resources", "research", "sciences",
}
_CORPORATE_WORDS = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                    "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "spa", "bv", "nv",
                    "kk", "uab", "jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao", "zao", "pao"}
# Legal forms the screening key drops beyond pipelines.names.name_key's (which makes the stored
# entity ids, so it is left as it is): forms that lead a name (UAB Urbo Bankas, JSC …, PT …)
# and trailing ones it does not know (TCOM, Limited Partnership).
_LEADING_FORMS = {"uab", "jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao", "zao", "pao", "pt"}
_TRAILING_FORMS = (("limited", "liability", "partnership"), ("limited", "partnership"),
                   ("uab",), ("jsc",), ("pjsc",), ("ojsc",), ("cjsc",), ("ooo",), ("oao",),
                   ("zao",), ("pao",), ("tbk",), ("lp",), ("llp",))
# The word that makes a name a group's or a holding company's (Leidos Holdings, PVH Group,
# PVH集团): set aside, the rest must equal a name exactly or begin it.
_WRAPPERS = ("holdings", "holding", "group")
_ZH_WRAPPERS = ("控股集团", "集团", "控股")
WRAPPED_SCORE = 95.0
# Every listed word of a name but generic ones, in a query of 2 words or more: Elbit America
# for Elbit Systems of America.
SUBSET_SCORE = 88.0
# A Chinese name is forgiven one wrong character in five (one in a name of 9 characters or
# fewer, two in one of 10 to 14 …): a wrong character is 2 Indel edits, and one written as two
# (克拉托斯 for 奎托斯) one more.
_CJK_CHARS_PER_SLIP = 5


@dataclass(frozen=True)
class EntityNames:
    """The names of one entity to screen against."""

    entity_id: str
    name_zh: str | None = None
    name_en: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def names(self) -> list[str]:
        return [n for n in (self.name_zh, self.name_en, *self.aliases) if n and n.strip()]


@dataclass(frozen=True)
class Hit:
    entity_id: str
    score: float  # 0-100, rounded to one decimal
    matched_name: str  # the entity's name that matched, as given
    how: str  # "exact", "acronym", "prefix" or "fuzzy"


@dataclass(frozen=True)
class _Prepared:
    """A name's forms used for matching, computed once."""

    key: str
    compact: str
    words: tuple[str, ...]
    core: tuple[str, ...]  # the words without corporate forms anywhere ("Systems Inc., BAE")
    cjk: bool
    initials: frozenset[str]
    unwrapped: str | None  # the key without a group's or holding's word (_WRAPPERS), if any
    capitals: str | None  # the first word, lower case, when the name writes it in capitals (FLIR)


def _screen_key(name: str) -> str:
    """name_key, and the legal forms it leaves: leading (UAB, JSC, PT …) or not known to it
    (Limited Partnership): the key names are compared by."""
    key = name_key(name)
    words = key.split()
    if has_cjk(key) or len(words) < 2:
        return key
    while len(words) > 1 and words[0] in _LEADING_FORMS:
        words = words[1:]
    changed = True
    while changed:
        changed = False
        for form in (*_TRAILING_FORMS, (words[-1],) if words[-1] in _CORPORATE_WORDS else ()):
            if form and len(words) > len(form) and tuple(words[-len(form):]) == form:
                words, changed = words[: -len(form)], True
                break
    return " ".join(words)


def _unwrapped(key: str) -> str | None:
    """The key without the word that makes it a group's or holding's name (PVH Group -> pvh,
    PVH集团 -> pvh), None when it has none or nothing would be left."""
    words = key.split()
    if len(words) > 1 and words[-1] in _WRAPPERS:
        return " ".join(words[:-1])
    for wrapper in _ZH_WRAPPERS:
        if key.endswith(wrapper) and len(compact(key)) > len(wrapper) + 1:
            return key[: -len(wrapper)]
    return None


def _capitals(name: str) -> str | None:
    """The first word of a name of two words or more, lower case, when the name writes it in
    capitals and it has 3 letters or more (FLIR Systems, LKD Aerospace); None otherwise."""
    words = [w for w in re.split(r"[^\w&]+", normalize_name(name)) if w]
    if (len(words) < 2 or has_cjk(words[0]) or not _ACRONYM_WORD.match(words[0])
            or words[0].lower() in _LEADING_FORMS):
        return None
    letters = re.sub(r"[^A-Za-z0-9]", "", words[0])
    return letters.lower() if len(letters) >= 3 and words[0].isupper() else None


@lru_cache(maxsize=65536)
def _prepare(name: str) -> _Prepared:
    key = _screen_key(name)
    words = tuple(key.split())
    raw_words = [w for w in re.split(r"[^\w]+", normalize_name(name).casefold().replace(".", ""))
                 if w]
    initials = {
        "".join(w[0] for w in seq if w not in _SKIP_IN_ACRONYMS)
        for seq in (words, raw_words)
        if len(seq) >= 2
    }
    core = tuple(_NUMBER_WORDS.get(w, w) for w in words if w not in _CORPORATE_WORDS) or words
    return _Prepared(key, compact(key), words, core, has_cjk(key),
                     frozenset(i for i in initials if i), _unwrapped(key), _capitals(name))


def check_query(query: str) -> str:
    """The query, stripped; ValueError with a one-line reason when it cannot be screened."""
    if query is None or not str(query).strip():
        raise ValueError("empty name: give a company or person name to screen")
    text = _PASTED_SPACE.sub(" ", str(query)).strip()
    bad = next((ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")), None)
    if bad is not None:
        raise ValueError(f"the name contains a control character (U+{ord(bad):04X})")
    if len(text) > MAX_QUERY:
        raise ValueError(f"the name is longer than {MAX_QUERY} characters ({len(text)})")
    if not _LETTER.search(nfkc(text)):
        raise ValueError(f"the name has no letters: {text!r}")
    if len(compact(name_key(text))) < 2:
        raise ValueError(f"the name is too short to screen: {text!r}")
    return text


@lru_cache(maxsize=4096)
def _acronym_letters(query: str) -> str | None:
    """The letters of a query written as an acronym, lower case: capitals, in one word or a few
    ("GA-ASI", "GA ASI"), a corporate form after them allowed ("GDLS Inc."); None otherwise."""
    words = nfkc(query).split()
    while len(words) > 1 and re.sub(r"[^a-z]", "", words[-1].lower()) in _CORPORATE_WORDS:
        words.pop()
    if not words or not all(_ACRONYM_WORD.match(w) for w in words):
        return None
    joined = "".join(words)
    if not _ACRONYM_QUERY.match(joined):
        return None
    letters = re.sub(r"[^A-Za-z0-9&]", "", joined).lower().replace("&", "")
    return letters if 3 <= len(letters) <= 8 else None


def _acronym(query: str, name: _Prepared) -> bool:
    if name.cjk:
        return False
    letters = _acronym_letters(query)
    return letters is not None and letters in name.initials


def _ratio(a: str, b: str) -> float:
    """The Indel similarity (rapidfuzz's ratio, 0-100), with a swap of two adjacent letters
    costing one edit instead of two: Skydoi is one slip from Skydio, as Skydo or Skyddio is;
    and so does one wrong letter in a name of six letters or more (Skyddo), when it is the only
    slip: two slips in a short name (Skydeck, Textron for TextOre) stay apart."""
    total = len(a) + len(b)
    plain = Indel.normalized_similarity(a, b) * 100.0 if total else 100.0
    if plain < 60.0 or plain == 100.0:  # a swap or two cannot bring it near a threshold
        return plain
    if len(a) == len(b) >= SLIP_MIN_LETTERS and Levenshtein.distance(a, b) == 1:
        return 100.0 * (1 - 1 / total)
    swaps = Levenshtein.distance(a, b) - OSA.distance(a, b)
    return 100.0 * (1 - max(0, Indel.distance(a, b) - swaps) / total)


def _sorted_ratio(a: str, b: str) -> float:
    """_ratio over the words in alphabetical order (rapidfuzz's token_sort_ratio)."""
    return _ratio(" ".join(sorted(a.split())), " ".join(sorted(b.split())))


def _prefix_score(query: _Prepared, name: _Prepared) -> float:
    """0.9 x the similarity of the query with the start of a longer name (see docstring)."""
    if query.cjk:
        if len(query.compact) < _MIN_PREFIX_CJK or len(name.compact) <= len(query.compact):
            return 0.0
        start = name.compact[: len(query.compact)]
        return PREFIX_WEIGHT * fuzz.ratio(query.compact, start)
    n = len(query.words)
    if len(query.compact) < _MIN_PREFIX_LATIN or len(name.words) <= n:
        return 0.0
    if all(_generic(w) for w in query.core):  # "Global" begins many names but names no firm
        return 0.0
    return PREFIX_WEIGHT * _ratio(query.key, " ".join(name.words[:n]))


def _abbreviates(word: str, longer: str) -> bool:
    """Whether word (3 letters or more) shortens longer: its beginning (Tech -> Technologies),
    or a contraction: its first and last letters and some between, in order, at most 3/5 of
    it (Comms -> Communications, Intl -> International, Mgmt -> Management; not Sonic ->
    Saronic, a different name)."""
    if len(word) < 3 or len(word) >= len(longer) or word[0] != longer[0]:
        return False
    if longer.startswith(word):
        return True
    rest = iter(longer)
    return (word[-1] == longer[-1] and 5 * len(word) <= 3 * len(longer)
            and all(ch in rest for ch in word))


@lru_cache(maxsize=16384)
def _generic(word: str) -> bool:
    """Whether a word is one many firms' names share (_GENERIC_WORDS), or a slip of one: one
    edit from a generic word of 6 letters or more (Managment, Tecnologies)."""
    if word in _GENERIC_WORDS:
        return True
    return len(word) >= 6 and any(
        len(g) >= 6 and abs(len(g) - len(word)) <= 1 and OSA.distance(word, g) <= 1
        for g in _GENERIC_WORDS)


def _initials_of(word: str, query: tuple[str, ...], name: tuple[str, ...]) -> tuple[str, ...]:
    """The words of name a word of 2-3 letters is the initials of (JV -> Joint Venture), when
    another word of the query, one that is not generic, is a word of the name too (Javelin);
    () otherwise: alone, HS would be Hanwha Shipping in "HS USA Holdings" (a different firm)."""
    if not 2 <= len(word) <= 3 or not any(
            w in name and not _generic(w) and w != word for w in query):
        return ()
    n = len(word)
    for i in range(len(name) - n + 1):
        span = name[i:i + n]
        if ("".join(w[0] for w in span) == word and all(len(w) > 1 for w in span)
                and not set(span) & set(query)):
            return span
    return ()


def _expanded(query: tuple[str, ...], name: tuple[str, ...]) -> tuple[str, ...]:
    """The query's words with abbreviations of the name's words written out (_abbreviates),
    generic words the name abbreviates shortened as it does (Laboratories -> Labs), and
    initials anchored by a distinctive word (_initials_of)."""
    expanded: list[str] = []
    for word in query:
        if word in name:
            expanded.append(word)
            continue
        longer = next((w for w in name if w.startswith(word) and _abbreviates(word, w)), None)
        longer = longer or next((w for w in name if _abbreviates(word, w)), None)
        shorter = _generic(word) and next((w for w in name if len(w) <= 5 and w not in query
                                           and _abbreviates(w, word)), None)
        if longer or shorter:
            expanded.append(longer or shorter)
        else:
            expanded.extend(_initials_of(word, query, name) or (word,))
    return tuple(expanded)


def _cjk_score(query: _Prepared, name: _Prepared) -> float:
    """The character similarity of two Chinese names, 0 when the query is the name and more
    (通用动力电船 is not 通用动力: the rest names another firm, a unit) or when it differs
    by more than one character in five (_CJK_CHARS_PER_SLIP), one of them written as two."""
    if len(query.compact) >= len(name.compact) + 2 and query.compact.startswith(name.compact):
        return 0.0
    slips = max(1, max(len(query.compact), len(name.compact)) // _CJK_CHARS_PER_SLIP)
    if Indel.distance(query.compact, name.compact) > 2 * slips + 1:  # a character as two
        return 0.0
    return fuzz.ratio(query.compact, name.compact)


def _fuzzy_score(query: _Prepared, name: _Prepared) -> float:
    if query.cjk:
        return _cjk_score(query, name)
    words = _expanded(query.core, name.core)
    score = _sorted_ratio(" ".join(words), " ".join(name.core))
    mine = [w for w in words if not _generic(w)]
    theirs = [w for w in name.core if not _generic(w)]
    if mine and theirs:  # what tells firms apart must be as alike as the whole
        score = min(score, _sorted_ratio(" ".join(mine), " ".join(theirs)))
    if (len(set(words)) >= 2 and set(words) < set(name.core) and theirs
            and set(theirs) <= set(words)):  # only generic words left out: Elbit America
        score = max(score, SUBSET_SCORE)
    return score


def _wrapped(query: _Prepared, name: _Prepared) -> tuple[float, str] | None:
    """A group's or holding's name against a name without its word (Leidos Holdings, Inc. /
    Leidos; PVH Group / PVH Corp.; PVH公司 / PVH集团), either way: equal (95), or, the query's
    rest, the beginning of a longer name (Dedrone Holdings / Dedrone by Axon: a prefix score)."""
    if query.unwrapped is None and name.unwrapped is None:
        return None
    mine, theirs = query.unwrapped or query.key, name.unwrapped or name.key
    if mine == theirs or compact(mine) == compact(theirs):
        return WRAPPED_SCORE, "exact"
    if query.unwrapped is None:
        return None
    rest = _prepare(query.unwrapped)
    if rest.cjk != name.cjk:
        return None
    prefix = _prefix_score(rest, name)
    threshold = CJK_THRESHOLD if rest.cjk else LATIN_THRESHOLD
    return (prefix, "prefix") if prefix >= threshold else None


def _match(query_text: str, query: _Prepared, name: _Prepared) -> tuple[float, str] | None:
    """(score, how) of one name against the query, None below the threshold."""
    if query.key == name.key or query.compact == name.compact:
        return 100.0, "exact"
    if _acronym(query_text, name):
        return ACRONYM_SCORE, "acronym"
    if name.capitals is not None and _acronym_letters(query_text) == name.capitals:
        return 100.0 * PREFIX_WEIGHT, "prefix"  # FLIR -> FLIR Systems: a brand in capitals
    wrapped = _wrapped(query, name)  # already above its threshold, or None
    if query.cjk != name.cjk or len(query.compact) < (2 if query.cjk else 4):
        return wrapped  # other scripts, and short queries, match exactly or not at all
    fuzzy = _fuzzy_score(query, name)
    prefix = _prefix_score(query, name)
    score, how = (prefix, "prefix") if prefix > fuzzy else (fuzzy, "fuzzy")
    if wrapped is not None and wrapped[0] >= score:
        return wrapped
    return (score, how) if score >= (CJK_THRESHOLD if query.cjk else LATIN_THRESHOLD) else None


def _query_forms(text: str) -> list[str]:
    """The forms of a checked query screened, the query itself first. A pasted row is cleaned:
    names separated by semicolons are screened one by one, without the number of a list row
    ("3. ", "(3)"); a country or an acronym in brackets qualifies the name ("Skydio, Inc.
    (United States)", "斯凯迪奥（美国）公司", "Sierra Nevada Corp (SNC)"), so the name without it
    is screened too, as is the name without a trailing part in brackets that describes it
    (after a legal form, or "(a Boeing company)"); other brackets stay: "Huawei Technologies
    (Shanghai) Co., Ltd." names a unit. So is a Chinese name
    without the country it begins with (美国PVH集团); each name of a bilingual row (Chinese and
    Latin letters) is screened alone: the parts between brackets, and at a space where the
    script changes ("斯凯迪奥公司（Skydio, Inc.）", "尼罗斯科技公司 Neros Technologies")."""
    text = nfkc(text)
    forms = [text]

    def add(form: str) -> None:
        form = form.strip(" ,;:，；：、。\"'")
        if form and form not in forms and len(compact(name_key(form))) >= 2:
            forms.append(form)

    for piece in text.split(";"):
        piece = _ROW_NUMBER.sub("", piece.strip(), count=1)
        add(piece)
        outside = " ".join(_QUALIFIER.sub(" ", piece).split())
        add(outside)
        add(_DESCRIPTION.sub("", _AFTER_FORM.sub(r"\1", outside)))
        add(_COUNTRY_FIRST.sub("", outside, count=1))
        if has_cjk(piece) and len(_LATIN_LETTER.findall(piece)) >= 2:
            for part in _BILINGUAL_SPLIT.split(piece):
                add(part)
    return forms


def screen(query: str, candidates: Iterable[EntityNames], limit: int = 10) -> list[Hit]:
    """The entities whose names match query, best first (score, then id), at most limit."""
    forms = [(form, _prepare(form)) for form in _query_forms(check_query(query))]
    best: dict[str, Hit] = {}
    for entity in candidates:
        for name, (text, prepared) in ((n, f) for n in entity.names() for f in forms):
            found = _match(text, prepared, _prepare(name))
            if found is None:
                continue
            score, how = found
            hit = Hit(entity.entity_id, round(score, 1), name, how)
            if entity.entity_id not in best or hit.score > best[entity.entity_id].score:
                best[entity.entity_id] = hit
    ranked = sorted(best.values(), key=lambda h: (-h.score, h.entity_id))
    return ranked[: max(0, limit)]


def score_names(query: str | None, name_zh: str | None, name_en: str | None,
                aliases: str | None = None) -> float | None:
    """The best score of one entity's names (aliases as a JSON list) against query; None when
    they do not match or the query cannot be screened (for SQL: Datasette's "screen a name")."""
    try:
        text = check_query(query or "")
        others = tuple(json.loads(aliases or "[]"))
    except (ValueError, TypeError):
        return None
    hits = screen(text, [EntityNames("-", name_zh, name_en, others)], limit=1)
    return hits[0].score if hits else None


# --------------------------------------------------------------------------- over the archive
# `regwatch screen` (crawler/cli.py): the archive's entities screened, each hit with its
# designations and their status on a day (designation_status, written by pipelines.finish).

# One row per designation of a hit; a name without a hit leaves a row too ("no match"), and so
# does a line of a names file that is not a name to screen ("not screened: …"), so that a name
# screened and found clear is told from one never screened. `on`: the day the statuses are for.
SCREEN_CSV_COLUMNS = ("query", "line", "on", "entity", "name_zh", "name_en", "country", "score",
                      "how", "matched_name", "list", "measure", "listed", "status", "until",
                      "until_computed", "by_measure", "removal_kind", "sentence", "url",
                      "address", "entity_address", "caveat")
NO_MATCH = "no match"
NOT_SCREENED = "not screened"
MAX_NAMES_FILE = 5 * 1024 * 1024
MAX_NAMES = 100_000


def screen_archive(archive: Archive, query: str, day: str, limit: int = 10) -> list[dict]:
    """The entities whose names match query, best first, each with its designations and their
    status on day (None before a designation's listing takes effect)."""
    known = archive.entities_named()
    rows = {r["id"]: r for r in known}
    hits = screen(query, (EntityNames(r["id"], r["name_zh"], r["name_en"], tuple(r["aliases"]))
                          for r in known), limit)
    designations = archive.designations_of_entities([h.entity_id for h in hits], day)
    return [{
        "entity": hit.entity_id, "name_zh": rows[hit.entity_id]["name_zh"],
        "name_en": rows[hit.entity_id]["name_en"], "country": rows[hit.entity_id]["country"],
        "address": rows[hit.entity_id]["address"], "aliases": rows[hit.entity_id]["aliases"],
        "score": hit.score, "how": hit.how,
        "matched_name": hit.matched_name,
        "designations": [_designation(d) for d in designations if d["entity"] == hit.entity_id],
    } for hit in hits]


def _designation(row: dict) -> dict:
    from pipelines.entities import computed_until

    computed = computed_until({"until": row["until"], "date": row["status_from"],
                               "sentence": row["sentence"]}) if row["until"] else None
    return {"list": row["list"], "measure": row["measure"], "listed": row["listed"],
            "address": row["address"],
            "status": row["status"], "status_from": row["status_from"],
            "status_to": row["status_to"], "caveat": row["caveat"],
            "until": row["until"], "until_computed": computed,
            "by_measure": row["by_measure"], "removal_kind": row["removal_kind"],
            "sentence": row["sentence"], "url": row["url"], "listing_url": row["listing_url"]}


def shown(text: str) -> str:
    """Scraped text as a terminal shows it: no control or format characters (an escape
    sequence, a bidirectional override), one line."""
    return " ".join("".join(ch for ch in text if unicodedata.category(ch)[0] != "C"
                            or ch in "\t\n").split())


def more_words(limit: int) -> str:
    """What a person reads when more entities match than are shown."""
    return (f"more entities match than the {limit} shown: screen again with a higher --limit "
            "(up to 100) or a fuller name")


def describe_hits(query: str, day: str, hits: list[dict], more: int | None = None
                  ) -> list[str]:
    """What a person reads: each hit, its designations and their status on day, the proof;
    `more`: the limit, when more entities match than it lets show."""
    if not hits:
        return [f"no listed entity matches {query!r} (as of {day})"]
    lines = []
    for hit in hits:
        names = " / ".join(n for n in (hit["name_zh"], hit["name_en"]) if n)
        country = f" [{hit['country']}]" if hit["country"] else ""
        lines.append(f"{names}{country} {hit['entity']}: score {hit['score']} ({hit['how']}, "
                     f"matched {hit['matched_name']!r})")
        if hit.get("address"):
            lines.append(f"  address: {shown(hit['address'])}")
        for d in hit["designations"]:
            lines.extend("  " + line for line in _designation_lines(d, day, hit.get("address")))
    if more:
        lines.append(f"… {more_words(more)}")
    return lines


def _designation_lines(d: dict, day: str, address: str | None = None) -> list[str]:
    """A designation's lines; its announcement's address when it is not the entity's."""
    head = f"{d['list']} by {d['measure'] or 'a removal'}" + (
        f", listed {d['listed']}" if d["listed"] else "")
    if d["status"] is None:
        return [f"{head}: not listed on {day}" + (
            f" (listed from {d['listed']})" if d["listed"] else "")]
    kind = d["removal_kind"]
    state = d["status"] + (f" ({REMOVAL_WORDS.get(kind, kind)})" if kind else "")
    state += f" by {d['by_measure']}" if d["by_measure"] else ""
    state += f" until {d['until']}" if d["until"] else ""
    state += f" (computed: {d['until_computed']})" if d["until_computed"] else ""
    since = f" since {d['status_from']}" if d.get("status_from") else ""
    caveat = f" ({d['caveat']})" if d.get("caveat") else ""
    lines = [f"{head}: {state}{since}{caveat} (status on {day})"]
    if d.get("address") and d["address"] != address:
        lines.append(f"  address in this announcement: {shown(d['address'])}")
    if d["sentence"]:
        lines.append(f"  “{' '.join(d['sentence'].split())}”")
    if d["url"]:
        lines.append(f"  {d['url']}")
    return lines


@dataclass
class Screened:
    """One name of a names file (or the one name given): its hits, or why it was not screened."""

    line: int | None
    query: str
    hits: list[dict] | None  # None: not screened (see reason)
    reason: str | None = None
    more: int | None = None  # the limit, when more entities match than it lets show

    def as_json(self) -> dict:
        """The name's entry in JSON: line, query, screened, the reason it was not, hits, and
        `more` (true when more entities match than the limit let show)."""
        entry: dict = {"line": self.line, "query": self.query,
                       "screened": self.hits is not None, "hits": self.hits or [],
                       "more": bool(self.more)}
        if self.reason:
            entry["reason"] = self.reason
        return entry


def csv_rows(query: str, line: int | None, hits: list[dict] | None, day: str,
             reason: str | None = None, more: int | None = None) -> list[dict]:
    """The CSV rows of one name: one per designation of each hit (one per hit without any), a
    "no match" row without a hit, a "not screened: REASON" row when hits is None, and, when
    more entities match than the limit (`more`) let show, a last row that says so. A row's
    address is its designation's announcement's (empty when that gave none, as in JSON), the
    entity's is `entity_address`."""
    base = {"query": query, "line": line, "on": day}
    if hits is None:
        return [{**base, "how": f"{NOT_SCREENED}: {reason}" if reason else NOT_SCREENED}]
    if not hits:
        return [{**base, "how": NO_MATCH}]
    rows = []
    for hit in hits:
        head = {**base, "entity_address": hit.get("address"), **{k: hit[k] for k in (
            "entity", "name_zh", "name_en", "country", "score", "how", "matched_name")}}
        for d in hit["designations"] or [{}]:
            row = {**head, **{k: d.get(k) for k in SCREEN_CSV_COLUMNS if k in d}}
            row["address"] = d.get("address")
            rows.append(row)
    if more:
        rows.append({**base, "how": more_words(more)})
    return rows


def read_names(path: Path) -> list[tuple[int, str]]:
    """(line, name) of a names file: a CSV whose header has a `name` column, or one name a
    line (the first cell); blank lines skipped. ValueError (one line) when it cannot be read or
    holds no name."""
    try:
        if path.stat().st_size > MAX_NAMES_FILE:
            raise ValueError(f"{path}: larger than {MAX_NAMES_FILE // 1024 // 1024} MB")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise ValueError(f"{path}: cannot read: {e.strerror or e}") from None
    if "\x00" in text:
        raise ValueError(f"{path}: not a text file")
    rows = list(csv.reader(io.StringIO(text)))
    header = [c.strip().casefold() for c in rows[0]] if rows else []
    column, start = (header.index("name"), 1) if "name" in header else (0, 0)
    names = [(i + 1, row[column].strip()) for i, row in enumerate(rows[start:], start=start)
             if len(row) > column and row[column].strip()]
    if not names:
        raise ValueError(f"{path}: no names in it (one a line, or a `name` column)")
    if len(names) > MAX_NAMES:
        raise ValueError(f"{path}: more than {MAX_NAMES} names")
    return names
