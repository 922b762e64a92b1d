"""Chinese/English full-text search: the segmentation used to index documents and to query them.

SQLite's unicode61 tokenizer keeps a run of Chinese characters as one token, and the trigram
tokenizer cannot match two-character words (稀土, 关税). So Chinese runs are indexed as
overlapping bigrams (出口管制 -> 出口 口管 管制) and a query is turned into the same bigrams as
an FTS5 phrase: 出口管制 matches exactly where those four characters stand in a row, 稀土 matches
its bigram. Non-Chinese text goes through unchanged (unicode61 + porter stemming).
A one-character Chinese query is indexed as its own token only when a run is one character long;
single characters are not searchable inside longer runs (documented limit).
"""

import re
from operator import add

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def bigrams(run: str) -> list[str]:
    """Overlapping bigrams of a run of Chinese characters (a one-character run stays itself)."""
    if len(run) < 2:
        return [run]
    return list(map(add, run, run[1:]))


def _spaced_bigrams(match: re.Match[str]) -> str:
    run = match.group()
    return f" {' '.join(map(add, run, run[1:])) if len(run) > 1 else run} "


def segment(text: str) -> str:
    """Text as indexed: each Chinese run replaced by its space-separated bigrams."""
    return CJK_RUN.sub(_spaced_bigrams, text or "")


def fts_query(query: str) -> str:
    """A user's search words as an FTS5 query: each word a quoted phrase, all words required.

    Replaces Datasette's escape_fts for the archive, so its search box finds Chinese words.
    """
    phrases = []
    for word in (query or "").split():
        tokens = segment(word).split()
        if not tokens:
            continue
        phrase = " ".join(tokens).replace('"', '""')
        phrases.append(f'"{phrase}"')
    return " ".join(phrases)
