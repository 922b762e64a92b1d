"""Names of organisations, normalized for matching, and stable entity ids (docs/REFERENCE.md).

regwatch never translates a name: an English name exists only where the source gives one. What
this module does is make two spellings of the same name compare equal:

- `normalize_name`: the stored form. NFKC (full-width letters, digits, brackets and spaces
  become half-width), Traditional Chinese characters become Simplified (OpenCC `t2s`), middle
  dots, dashes and quotes are unified, whitespace is one space and none next to Chinese. Case
  and corporate suffixes are kept.
- `name_key`: the aggressive form two names are compared by. The normalized name, case-folded;
  `&` is "and"; full stops and apostrophes vanish (U.S. -> us, Lockheed's -> lockheeds); other
  punctuation separates words; a leading "the" and trailing corporate forms are dropped
  (Inc., Incorporated, Co., Ltd., Company Limited, Corp., Corporation, LLC, L.L.C., PLC,
  GmbH, AG, S.A., S.p.A., B.V., K.K., Pty …; 有限公司, 股份有限公司, 有限责任公司, 公司,
  株式会社 …); Latin words are separated by one space and Chinese characters by none.
- `entity_id`: `ENT-` and 10 hex digits of the SHA-1 of the key of the Chinese name, or of the
  English name when only that is given. Spellings with the same key share an id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import opencc

from pipelines.nfkc import nfkc

__all__ = ["chinese_punctuation", "compact", "entity_id", "has_cjk", "is_corporate_form",
           "name_key", "normalize_name", "read_as_simplified", "to_simplified"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_MIDDLE_DOTS = re.compile("[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u0387\u16eb\u2e31]")
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u300c": '"', "\u300d": '"',
           "\u300e": '"', "\u300f": '"'}
_SPACE_BY_CJK = re.compile(f"\\s+(?=[{_CJK}])|(?<=[{_CJK}])\\s+")
# Full stops and apostrophes join (U.S. -> US); every other non-word character separates.
_JOINERS = re.compile(r"[.'`]")
_SEPARATORS = re.compile(r"[^\w]+|_")
_ZH_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "责任公司", "公司",
                "株式会社", "有限合伙")
_ZH_PREFIXES = ("株式会社",)
# Trailing word sequences dropped from Latin keys, longest first (after punctuation is gone).
_EN_SUFFIXES = tuple(tuple(s.split()) for s in sorted((
    "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "companies", "ltd",
    "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas", "sarl", "spa", "srl", "bv",
    "nv", "ab", "oy", "oyj", "kk", "pty", "pte", "ltda", "kabushiki kaisha", "co ltd",
    "company limited", "limited liability company", "pty ltd", "pte ltd", "and co",
    "and company", "gmbh and co kg", "co kg", "kg", "se", "a s", "s a",
), key=lambda s: -len(s.split())))
_LEADING = ("the",)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def has_cjk(text: str) -> bool:
    """Whether text holds a Chinese (or Japanese kana) character."""
    return bool(_CJK_CHAR.search(text or ""))


def to_simplified(text: str) -> str:
    """Traditional Chinese characters as Simplified ones (OpenCC t2s); other text unchanged.

    The result has the text's length, so a place found in one is the same place in the other:
    where a phrase of OpenCC's would change the length, each character is converted alone."""
    if not has_cjk(text):
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(one if len(one := _simplified_character(ch)) == 1 else ch for ch in text)


# A half-width comma or semicolon written next to a Chinese character (石墨,2024年对锑 too; not
# between digits: 1,000 is a number).
_HALF_WIDTH_IN_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff」』”）])[,;]"
                                    r"|(?<!\d)[,;](?=[\u4e00-\u9fff「『“（])")
_FULL_WIDTH = {",": "，", ";": "；"}


def chinese_punctuation(text: str) -> str:
    """Chinese written with half-width commas and semicolons (Taiwan's and Hong Kong's relays,
    针对中国决定…,商务部新闻发言人…回应称) with the full-width marks instead; a thousands
    separator between digits is kept. The result has the text's length."""
    return _HALF_WIDTH_IN_CHINESE.sub(lambda m: _FULL_WIDTH[m.group(0)], text)


# The Mainland names of the regime's lists where Taiwan and Hong Kong papers write another of the
# same length (不可靠實體名單: the unreliable entity list; sixty-first pass), so that one
# pattern reads both.
REGIONAL_NAMES = {"不可靠实体名单": "不可靠实体清单"}


# hyphens the rules read as the ASCII one ("dual‑use", "end‑users" with U+2011; sixty-ninth pass)
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def read_as_simplified(text: str) -> str:
    """Text as the reading rules read it: ASCII hyphens (`_HYPHENS`), Simplified characters
    (`to_simplified`), Chinese punctuation (`chinese_punctuation`) and the Mainland names of the
    lists (`REGIONAL_NAMES`); every character keeps its place."""
    text = text.translate(_HYPHENS)
    if not has_cjk(text):
        return text
    text = chinese_punctuation(to_simplified(text))
    for regional, mainland in REGIONAL_NAMES.items():
        text = text.replace(regional, mainland)
    return text


@lru_cache(maxsize=8192)
def _simplified_character(ch: str) -> str:
    return _converter().convert(ch)


def normalize_name(text: str) -> str:
    """The stored form of a name: NFKC, Simplified, unified punctuation, tidy spaces."""
    text = nfkc(text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    text = to_simplified(text)
    text = _MIDDLE_DOTS.sub("·", text)
    text = _DASHES.sub("-", text)
    text = "".join(_QUOTES.get(ch, ch) for ch in text)
    text = " ".join(text.split())
    text = _SPACE_BY_CJK.sub("", text)
    return text.strip(" ,;:，；：、。")


def _strip_zh(word: str) -> str:
    """A Chinese word without its corporate form (…有限公司, 株式会社…), if something is left."""
    for prefix in _ZH_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            word = word[len(prefix):]
    changed = True
    while changed:
        changed = False
        for suffix in _ZH_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                word = word[: -len(suffix)]
                changed = True
                break
    return word


def _strip_en(words: list[str]) -> list[str]:
    """Latin words without a leading "the" and trailing corporate forms, if words are left."""
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    changed = True
    while changed:
        changed = False
        for suffix in _EN_SUFFIXES:
            n = len(suffix)
            if len(words) > n and tuple(words[-n:]) == suffix:
                words = words[:-n]
                changed = True
                break
    return words


def name_key(text: str) -> str:
    """The aggressive form names are matched by (see the module docstring); "" if nothing
    is left (only punctuation)."""
    text = normalize_name(text).casefold().replace("&", " and ").replace("+", " and ")
    text = _JOINERS.sub("", text)
    words = [w for w in _SEPARATORS.split(text) if w]
    if not words:
        return ""
    words = _strip_en(words)
    if has_cjk(words[-1]):
        words[-1] = _strip_zh(words[-1])
    return _SPACE_BY_CJK.sub("", " ".join(words))


def is_corporate_form(text: str) -> bool:
    """Whether text is a corporate form alone (Inc., Co., Ltd., 有限公司, 株式会社): the end of a
    name wrapped onto a line of its own."""
    text = _JOINERS.sub("", normalize_name(text).casefold().replace("&", " and "))
    words = [w for w in _SEPARATORS.split(text) if w]
    if not words:
        return False
    if has_cjk(" ".join(words)):
        word = "".join(words)
        return word in _ZH_SUFFIXES or word in _ZH_PREFIXES
    return _strip_en(["x", *words]) == ["x"]


def compact(key: str) -> str:
    """A key without spaces (HavocAI = Havoc AI)."""
    return key.replace(" ", "")


def entity_id(name_zh: str | None, name_en: str | None) -> str:
    """The stable id of an entity: from the key of its Chinese name, else of its English one."""
    for name in (name_zh, name_en):
        key = name_key(name or "")
        if key:
            digest = hashlib.sha1(compact(key).encode("utf-8")).hexdigest()
            return f"ENT-{digest[:10]}"
    raise ValueError(f"an entity needs a name with letters: {name_zh!r} / {name_en!r}")
