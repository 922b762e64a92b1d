"""Screening a name against the entities of the lists: exact first, then fuzzy (docs/REFERENCE.md).

Every name of a candidate (Chinese, English, aliases) is compared with the query through
pipelines.names.name_key (width, case, punctuation, corporate forms, Traditional characters
made equal). For each entity the best of its names counts; hits come best first.

How a name matches, and its score (0-100):

- `exact` (100): the keys are equal, or equal once spaces are removed (HavocAI = Havoc AI).
- `acronym` (92): a query of 3-8 capitals (GDLS, GA-ASI, HII) equals the initials of a
  Latin name, with or without its corporate form ("and", "of", "the" not counted).
- `prefix` (0.9 x similarity): the query is the beginning of a longer name - the parent's name
  of a listed unit ("Lockheed Martin" -> Lockheed Martin Aeronautics, 洛克希德·马丁 ->
  洛克希德·马丁导弹与火控公司), compared with that many words (Latin) or characters
  (Chinese) of the name, so a typo is forgiven. Only for queries of 5 letters or more (2 words
  or one word), or 2 Chinese characters or more.
- `fuzzy`: Latin names with rapidfuzz's token_sort_ratio (typos and word order; unlike
  token_set_ratio or WRatio it does not score a shared word such as "General" or "Systems"
  as a full match, which would merge General Atomics and General Dynamics), on the words
  without corporate forms wherever they stand ("Systems Inc., BAE"), number words as digits
  (Red Six = Red 6), and abbreviated words written out (Tech -> Technologies); lowered (never
  raised) to its mean with the same ratio over the words that are not generic (Technologies,
  Systems, Defense …), so that a shared generic word does not make two firms alike.
  Chinese names with the character-level ratio (Indel similarity): they have no words.

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

from pipelines.names import compact, has_cjk, name_key, normalize_name

if TYPE_CHECKING:
    from pipelines.archive import Archive

__all__ = ["CJK_THRESHOLD", "LATIN_THRESHOLD", "EntityNames", "Hit", "check_query", "csv_rows",
           "describe_hits", "read_names", "screen", "screen_archive", "score_names"]

LATIN_THRESHOLD = 85.0
CJK_THRESHOLD = 75.0
ACRONYM_SCORE = 92.0
PREFIX_WEIGHT = 0.9
MAX_QUERY = 200
_MIN_PREFIX_LATIN = 5
_MIN_PREFIX_CJK = 2
_ACRONYM_QUERY = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,10}$")
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
                    "limited", "llc", "llp", "plc", "gmbh", "ag", "sa", "spa", "bv", "nv", "kk"}


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


@lru_cache(maxsize=65536)
def _prepare(name: str) -> _Prepared:
    key = name_key(name)
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
                     frozenset(i for i in initials if i))


def check_query(query: str) -> str:
    """The query, stripped; ValueError with a one-line reason when it cannot be screened."""
    if query is None or not str(query).strip():
        raise ValueError("empty name: give a company or person name to screen")
    text = str(query).strip()
    bad = next((ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")), None)
    if bad is not None:
        raise ValueError(f"the name contains a control character (U+{ord(bad):04X})")
    if len(text) > MAX_QUERY:
        raise ValueError(f"the name is longer than {MAX_QUERY} characters ({len(text)})")
    if not _LETTER.search(unicodedata.normalize("NFKC", text)):
        raise ValueError(f"the name has no letters: {text!r}")
    if len(compact(name_key(text))) < 2:
        raise ValueError(f"the name is too short to screen: {text!r}")
    return text


def _acronym(query: str, name: _Prepared) -> bool:
    if name.cjk or not _ACRONYM_QUERY.match(query):
        return False
    letters = re.sub(r"[^A-Za-z0-9&]", "", query).lower().replace("&", "")
    return 3 <= len(letters) <= 8 and letters in name.initials


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
    return PREFIX_WEIGHT * fuzz.ratio(query.key, " ".join(name.words[:n]))


def _expanded(query: tuple[str, ...], name: tuple[str, ...]) -> tuple[str, ...]:
    """The query's words with abbreviations of the name's words written out: a word of 3
    letters or more that a longer word of the name begins with (Tech -> Technologies).
    Initials of several words (JV -> Joint Venture) are not expanded: HS would then be
    Hanwha Shipping in "HS USA Holdings" (a different firm)."""
    expanded: list[str] = []
    for word in query:
        if word in name:
            expanded.append(word)
            continue
        longer = next((w for w in name if len(word) >= 3 and w.startswith(word)), None)
        expanded.append(longer or word)
    return tuple(expanded)


def _fuzzy_score(query: _Prepared, name: _Prepared) -> float:
    if query.cjk:
        return fuzz.ratio(query.compact, name.compact)
    words = _expanded(query.core, name.core)
    score = fuzz.token_sort_ratio(" ".join(words), " ".join(name.core))
    mine = [w for w in words if w not in _GENERIC_WORDS]
    theirs = [w for w in name.core if w not in _GENERIC_WORDS]
    if mine and theirs:  # what tells firms apart must be alike too
        distinct = fuzz.token_sort_ratio(" ".join(mine), " ".join(theirs))
        score = min(score, (score + distinct) / 2)
    return score


def _match(query_text: str, query: _Prepared, name: _Prepared) -> tuple[float, str] | None:
    """(score, how) of one name against the query, None below the threshold."""
    if query.key == name.key or query.compact == name.compact:
        return 100.0, "exact"
    if _acronym(query_text, name):
        return ACRONYM_SCORE, "acronym"
    if query.cjk != name.cjk:
        return None
    threshold = CJK_THRESHOLD if query.cjk else LATIN_THRESHOLD
    if len(query.compact) < (2 if query.cjk else 4):
        return None  # short queries match exactly or not at all
    fuzzy = _fuzzy_score(query, name)
    prefix = _prefix_score(query, name)
    score, how = (prefix, "prefix") if prefix > fuzzy else (fuzzy, "fuzzy")
    return (score, how) if score >= threshold else None


def screen(query: str, candidates: Iterable[EntityNames], limit: int = 10) -> list[Hit]:
    """The entities whose names match query, best first (score, then id), at most limit."""
    text = check_query(query)
    prepared = _prepare(text)
    best: dict[str, Hit] = {}
    for entity in candidates:
        for name in entity.names():
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

SCREEN_CSV_COLUMNS = ("query", "line", "entity", "name_zh", "name_en", "country", "score", "how",
                      "matched_name", "list", "measure", "listed", "status", "until",
                      "by_measure", "removal_kind", "sentence", "url")
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
        "aliases": rows[hit.entity_id]["aliases"], "score": hit.score, "how": hit.how,
        "matched_name": hit.matched_name,
        "designations": [_designation(d) for d in designations if d["entity"] == hit.entity_id],
    } for hit in hits]


def _designation(row: dict) -> dict:
    from pipelines.entities import computed_until

    computed = computed_until({"until": row["until"], "date": row["status_from"],
                               "sentence": row["sentence"]}) if row["until"] else None
    return {"list": row["list"], "measure": row["measure"], "listed": row["listed"],
            "status": row["status"], "status_from": row["status_from"],
            "status_to": row["status_to"], "until": row["until"], "until_computed": computed,
            "by_measure": row["by_measure"], "removal_kind": row["removal_kind"],
            "sentence": row["sentence"], "url": row["url"], "listing_url": row["listing_url"]}


def describe_hits(query: str, day: str, hits: list[dict]) -> list[str]:
    """What a person reads: each hit, its designations and their status on day, the proof."""
    if not hits:
        return [f"no listed entity matches {query!r} (as of {day})"]
    lines = []
    for hit in hits:
        names = " / ".join(n for n in (hit["name_zh"], hit["name_en"]) if n)
        country = f" [{hit['country']}]" if hit["country"] else ""
        lines.append(f"{names}{country} {hit['entity']}: score {hit['score']} ({hit['how']}, "
                     f"matched {hit['matched_name']!r})")
        for d in hit["designations"]:
            lines.extend("  " + line for line in _designation_lines(d, day))
    return lines


def _designation_lines(d: dict, day: str) -> list[str]:
    head = f"{d['list']} by {d['measure'] or 'a removal'}" + (
        f", listed {d['listed']}" if d["listed"] else "")
    if d["status"] is None:
        return [f"{head}: not listed on {day}" + (
            f" (listed from {d['listed']})" if d["listed"] else "")]
    state = d["status"] + (f" ({d['removal_kind']})" if d["removal_kind"] else "")
    state += f" by {d['by_measure']}" if d["by_measure"] else ""
    state += f" until {d['until']}" if d["until"] else ""
    state += f" (computed: {d['until_computed']})" if d["until_computed"] else ""
    lines = [f"{head}: {state} on {day}"]
    if d["sentence"]:
        lines.append(f"  “{' '.join(d['sentence'].split())}”")
    if d["url"]:
        lines.append(f"  {d['url']}")
    return lines


def csv_rows(query: str, line: int | None, hits: list[dict]) -> list[dict]:
    """The CSV rows of one query's hits: one per designation (one per hit without any)."""
    rows = []
    for hit in hits:
        base = {"query": query, "line": line, **{k: hit[k] for k in (
            "entity", "name_zh", "name_en", "country", "score", "how", "matched_name")}}
        for d in hit["designations"] or [{}]:
            rows.append({**base, **{k: d.get(k) for k in SCREEN_CSV_COLUMNS if k in d}})
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
