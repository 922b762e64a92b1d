"""Chinese/English full-text search: the segmentation used to index documents and to query them.

SQLite's unicode61 tokenizer keeps a run of Chinese characters as one token, and the trigram
tokenizer cannot match two-character words (稀土, 关税). So Chinese runs are indexed as
overlapping bigrams followed by the run's last character (出口管制 -> 出口 口管 管制 制), and a
query word is segmented the same way (`segment`, one function for both) into an FTS5 phrase, so any
run of a document's text as typed is found: 商务部公告2025年第61号 is the phrase
"商务 务部 部公 公告 告 2025 年第 第 61 号", as indexed. Only a run the word ends with loses its
last character (`segment_query`): in the document the run may go on (稀土 is "稀土" in 稀土出口).
A word ending with a one-character run (镓, 铍: the elements' names are one character; 第61号)
ends with a prefix (`"镓" *`): every character of a run starts a bigram or, the last, stands
alone, so it is found wherever it stands. Non-Chinese text goes through unchanged (unicode61 +
porter stemming). Spaces and punctuation, ASCII or Chinese (，、：。), separate words and are
left out (`query_words`), as the tokenizer leaves them out of the index; a word or glossary term
repeated is asked once, and a query longer than MAX_QUERY_CHARS is refused (`query_problem`).

Across scripts: text is indexed and queried in Simplified characters (`pipelines.names.
to_simplified`), so 鎵 finds a page that writes 镓 and 镓 one that writes 鎵; and with
full-width letters and digits as ASCII (`searchable`), so 2025年第61号 finds a page that
writes ２０２５年第６１号 and ＭＯＦＣＯＭ finds MOFCOM.

Across languages: a query word or phrase that is a term of the glossary (pipelines.glossary)
also matches the term's other forms, English and Chinese: `rare earth` finds 稀土 and 稀土 finds
"rare earths" (`fts_query`); `fts_query_exact` is the query as typed (a term: the query's own
words naming it), so a result can be marked as matched through the glossary (`glossary_note`:
the terms and the forms they added).
"""

import re
from operator import add

from pipelines.glossary import Term, spans
from pipelines.names import to_simplified

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The same runs as a capturing split: the text between runs at even places, the runs at odd ones
# (no match object and no callback per run, for the index of every stored text).
_CJK_SPLIT = re.compile(f"({CJK_RUN.pattern})")
_TRAILING_RUN = re.compile(f"{CJK_RUN.pattern}$")
# What separates a query's words: spaces and punctuation (not letters, digits or Chinese).
_SEPARATORS = re.compile(r"[\W_]+")
# A longer query is refused with a message (pages: 400): a search is a few words or a title.
MAX_QUERY_CHARS = 500


# Full-width ASCII forms (！ to ～) and the ideographic space as ASCII, as NFKC has them.
_FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
                            | {"\u3000": " "})


def searchable(text: str | None) -> str:
    """Text as the index and the queries read it: Simplified characters, full-width letters,
    digits and marks as ASCII."""
    return to_simplified(text or "").translate(_FULL_WIDTH)


def bigrams(run: str) -> list[str]:
    """Overlapping bigrams of a run of Chinese characters (a one-character run stays itself)."""
    if len(run) < 2:
        return [run]
    return list(map(add, run, run[1:]))


def _indexed_run(run: str) -> str:
    return f" {' '.join(map(add, run, run[1:]))} {run[-1]} " if len(run) > 1 else f" {run} "


def segment(text: str) -> str:
    """Text as indexed: each Chinese run replaced by its space-separated bigrams and its last
    character (so that a one-character query finds every character, see the module doc)."""
    pieces = _CJK_SPLIT.split(searchable(text))
    pieces[1::2] = map(_indexed_run, pieces[1::2])
    return "".join(pieces)


def segment_query(text: str) -> str:
    """Words as queried: segmented as the index is (`segment`), without the last character of a
    run the words end with (the run's last bigram holds it; in the indexed text the run may go
    on, so that character is not a token of its own there)."""
    segmented = segment(text)
    if len(_trailing_run(text)) > 1:
        segmented = segmented.rstrip()
        segmented = segmented[:segmented.rfind(" ") + 1]
    return segmented


def _trailing_run(text: str) -> str:
    """The run of Chinese characters the text ends with ("" if it ends otherwise)."""
    run = _TRAILING_RUN.search(text.rstrip())
    return run.group() if run else ""


def query_words(query: str) -> list[str]:
    """A query's words: spaces and punctuation, ASCII or Chinese and full-width (，、：。）),
    separate them and are left out, as the index's tokenizer (unicode61) leaves them out."""
    return [w for w in _SEPARATORS.split(searchable(query)) if w]


def query_problem(query: str) -> str | None:
    """The one-line problem with a query a user typed (too long to answer fast), or None."""
    if len(query or "") > MAX_QUERY_CHARS:
        return (f"the search is {len(query):,} characters long: search for at most "
                f"{MAX_QUERY_CHARS} characters")
    return None


def _phrase(words: str) -> str | None:
    """Words as one FTS5 phrase (punctuation between them left out), segmented as the index
    is: any run of them standing in a document's text as typed is found. Words ending with a
    one-character run end with a prefix: that character may start a bigram in the index."""
    text = " ".join(query_words(words))
    tokens = segment_query(text).split()
    if not tokens:
        return None
    phrase = '"' + " ".join(tokens) + '"'
    return f"{phrase} *" if len(_trailing_run(text)) == 1 else phrase


def fts_query_exact(query: str) -> str:
    """A user's search words as an FTS5 query matched only by the words as typed: each word a
    quoted phrase, all words required; a glossary term is any of the query's own words that
    name the same term ("rare earth 稀土": a page holding either is found by its words)."""
    return _joined(_clauses(query, widened=False))


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
    A word or term repeated is asked once; "" when the query has no words.

    Replaces Datasette's escape_fts for the archive, so its search box finds Chinese words and
    finds across languages.
    """
    return _joined(_clauses(query, widened=True))


def fts_match(query: str) -> str:
    """`fts_query` as a valid MATCH argument even for a query without words: an empty phrase,
    which matches nothing (the SQL function escape_fts)."""
    return fts_query(query) or '""'


def fts_match_exact(query: str) -> str:
    """`fts_query_exact` as a valid MATCH argument (the SQL function escape_fts_exact)."""
    return fts_query_exact(query) or '""'


def _clauses(query: str, widened: bool) -> list[tuple[str, ...]]:
    """The query's required clauses, each the phrases any of which satisfies it: a word, or a
    glossary term named in the query (widened: all its forms; else the query's own words that
    name it). Each word and each term once, in the order of the query."""
    query = searchable(query)
    found = _glossary_spans(query)
    typed: dict[str, list[str]] = {}
    for t, start, end in found:
        typed.setdefault(t.key, []).append(query[start:end])
    clauses: dict[str, list[str]] = {}
    pos = 0
    for t, start, end in found:
        _add_words(clauses, query[pos:start])
        forms = _forms(t, query[start:end]) if widened else typed[t.key]
        clauses.setdefault(f"term:{t.key}", []).extend(forms)
        pos = end
    _add_words(clauses, query[pos:])
    phrased = (dict.fromkeys(p for form in forms if (p := _phrase(form)))
               for forms in clauses.values())
    return [tuple(p) for p in phrased if p]


def _add_words(clauses: dict[str, list[str]], text: str) -> None:
    for word in query_words(text):
        clauses.setdefault(f"word:{word.casefold()}", [word])


def _joined(clauses: list[tuple[str, ...]]) -> str:
    """The clauses, all required. FTS5 joins phrases by an implicit AND, but not a
    parenthesized group: next to one, say AND."""
    text = ""
    for i, clause in enumerate(clauses):
        group = len(clause) > 1
        if i:
            text += " AND " if group or len(clauses[i - 1]) > 1 else " "
        text += "(" + " OR ".join(clause) + ")" if group else clause[0]
    return text


def glossary_note(query: str) -> str:
    """The glossary terms a query was widened with, e.g. "稀土 = rare earths / 稀土"; "" if none
    (each term once)."""
    query = searchable(query)
    notes = (f"{query[start:end]} = {t.label}" for t, start, end in _glossary_spans(query))
    return "; ".join(dict.fromkeys(notes))
