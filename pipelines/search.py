"""Chinese/English full-text search: the segmentation used to index documents and to query them.

SQLite's unicode61 tokenizer keeps a run of Chinese characters as one token, and the trigram
tokenizer cannot match two-character words (稀土, 关税). So Chinese runs are indexed as
overlapping bigrams followed by the run's last character (出口管制 -> 出口 口管 管制 制) and a query
is turned into the bigrams alone as an FTS5 phrase: 出口管制 matches exactly where those four
characters stand in a row, 稀土 matches its bigram. A one-character query (镓, 铍: the elements'
names are one character) is a prefix query (`"镓" *`): every character of a run starts a bigram
or, the last, stands alone, so it is found wherever it stands. Non-Chinese text goes through
unchanged (unicode61 + porter stemming).

Across scripts: text is indexed and queried in Simplified characters (`pipelines.names.
to_simplified`), so 鎵 finds a page that writes 镓 and 镓 one that writes 鎵.

Across languages: a query word or phrase that is a term of the glossary (pipelines.glossary)
also matches the term's other forms, English and Chinese: `rare earth` finds 稀土 and 稀土 finds
"rare earths" (`fts_query`); `fts_query_exact` is the query as written, so a result can be marked
as matched through the glossary (`glossary_note`: the terms and the forms they added).
"""

import re
from operator import add

from pipelines.glossary import Term, spans
from pipelines.names import to_simplified

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The same runs as a capturing split: the text between runs at even places, the runs at odd ones
# (no match object and no callback per run, for the index of every stored text).
_CJK_SPLIT = re.compile(f"({CJK_RUN.pattern})")


def bigrams(run: str) -> list[str]:
    """Overlapping bigrams of a run of Chinese characters (a one-character run stays itself)."""
    if len(run) < 2:
        return [run]
    return list(map(add, run, run[1:]))


def _spaced_bigrams(match: re.Match[str]) -> str:
    run = match.group()
    return f" {' '.join(map(add, run, run[1:])) if len(run) > 1 else run} "


def _indexed_run(run: str) -> str:
    return f" {' '.join(map(add, run, run[1:]))} {run[-1]} " if len(run) > 1 else f" {run} "


def segment(text: str) -> str:
    """Text as indexed: each Chinese run replaced by its space-separated bigrams and its last
    character (so that a one-character query finds every character, see the module doc)."""
    pieces = _CJK_SPLIT.split(to_simplified(text or ""))
    pieces[1::2] = map(_indexed_run, pieces[1::2])
    return "".join(pieces)


def segment_query(text: str) -> str:
    """Words as queried: each Chinese run replaced by its bigrams (a phrase of them matches the
    run wherever it stands in an indexed run)."""
    return CJK_RUN.sub(_spaced_bigrams, to_simplified(text or ""))


def _phrase(words: str) -> str | None:
    tokens = segment_query(words).split()
    if not tokens:
        return None
    phrase = '"' + " ".join(tokens).replace('"', '""') + '"'
    one_character = len(tokens) == 1 and CJK_RUN.fullmatch(tokens[0]) and len(tokens[0]) == 1
    return f"{phrase} *" if one_character else phrase


def fts_query_exact(query: str) -> str:
    """A user's search words as an FTS5 query: each word a quoted phrase, all words required."""
    return " ".join(p for word in (query or "").split() if (p := _phrase(word)))


def _glossary_spans(query: str) -> list[tuple[Term, int, int]]:
    """The glossary terms a query names, longest first where they overlap."""
    found = sorted(spans(query, ("subject", "country", "list")),
                   key=lambda s: (s[1], -(s[2] - s[1])))
    kept: list[tuple[Term, int, int]] = []
    for t, start, end in found:
        if not any(start < e and s < end for _, s, e in kept):
            kept.append((t, start, end))
    return kept


def _forms(t: Term, written: str) -> list[str]:
    """A term's forms to search for: as written, its English forms, its Chinese words."""
    forms = [written, *t.search_en, *t.zh]
    return list(dict.fromkeys(f for f in forms if f.strip()))


def fts_query(query: str) -> str:
    """A user's search words as an FTS5 query: each word a quoted phrase, all words required;
    a glossary term is any of its forms, English or Chinese (`("rare earth" OR "稀土")`).

    Replaces Datasette's escape_fts for the archive, so its search box finds Chinese words and
    finds across languages.
    """
    query = to_simplified(query or "")
    parts, pos = [], 0
    for t, start, end in _glossary_spans(query):
        parts.append(fts_query_exact(query[pos:start]))
        alternatives = [p for form in _forms(t, query[start:end]) if (p := _phrase(form))]
        parts.append("(" + " OR ".join(alternatives) + ")" if len(alternatives) > 1
                     else "".join(alternatives))
        pos = end
    parts.append(fts_query_exact(query[pos:]))
    # FTS5 joins phrases by an implicit AND, but not a parenthesized group: say AND
    return " AND ".join(p for p in parts if p)


def glossary_note(query: str) -> str:
    """The glossary terms a query was widened with, e.g. "稀土 = rare earths / 稀土"; "" if none."""
    query = to_simplified(query or "")
    return "; ".join(f"{query[start:end]} = {t.label}"
                     for t, start, end in _glossary_spans(query))
