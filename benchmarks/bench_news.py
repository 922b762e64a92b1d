"""Benchmark: links, categories and relevance of news texts read through the real path.

Run: .venv/bin/python benchmarks/bench_news.py [--split SPLIT|all] [--show]
     .venv/bin/python benchmarks/bench_news.py --file PATH [--held-apart] [--show]
(prints figures; asserts nothing; default: dev). SPLIT is any file tests/cases/news/SPLIT.yaml
other than measures.yaml (dev, heldout, heldout2, heldout3 …); `all` runs every one of them,
dev first. --file runs a file of texts in the same format kept outside the repository (real
pages' excerpts, which are not ours to publish: benchmarks/real_excerpts/README.md).

The corpus is tests/cases/news/ (README.md there): measures.yaml (the reference measures),
dev.yaml (for developing rules) and the held-out files heldout*.yaml (held out of rule
development: run them only through this benchmark, and never tune on their mistakes; --show
lists the mistakes of development splits only, never of a held-out one).

What runs, per split, in a temporary folder:

1. a real archive is loaded from measures.yaml: each measure's text (its Chinese title, summary
   and subject terms) is stored as an authority document issuing the measure, its English
   title as a second document, with its dates, issuers and events, through pipelines.store,
   and the run is finished (pipelines.finish, which indexes the measures for linking);
2. each text is wrapped in its source's page shape (Global Times, China Daily, a consulate's
   page; Xinhua copy as China Daily carries it in English, as a consulate relays it in
   Chinese) in an offline mirror, with each source's list page linking them;
3. `regwatch crawl --mirror` crawls the mirror with the project's spiders, in a child process:
   normalize, relevance, diff, store per item, then the end of the run (linking).

Scoring, per text: its document's links (document_measures, any relation) to measures of
measures.yaml against `links`; an id of `ambiguous` is neither required nor a false link, and
is counted as right when it came out as a review candidate (link_candidates). Relevance: the
text is archived iff `relevant`; of the texts left out, those listed for the analyst as close
calls (fetch_state.close_call: pipelines.relevance.judge) are counted, relevant and unrelated.
Category: the archived document's category against `category` (relevant texts only).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
NEWS = REPO / "tests" / "cases" / "news"
SOURCES = ("globaltimes", "chinadaily", "mofcom_consulates")
REFERENCE_HOST = "https://reference.regwatch.invalid/measures"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# --------------------------------------------------------------------------- the corpus


def load_yaml(name: str) -> Any:
    with (NEWS / name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def reference_measures() -> list[dict[str, Any]]:
    return load_yaml("measures.yaml")["measures"]


def texts_of(split: str) -> list[dict[str, Any]]:
    return load_yaml(f"{split}.yaml")["texts"]


def splits() -> list[str]:
    """Every split of the corpus (a file of texts), dev first, then by name."""
    names = sorted(p.stem for p in NEWS.glob("*.yaml") if p.stem != "measures")
    return sorted(names, key=lambda name: name != "dev")


def held_out(split: str) -> bool:
    return split.startswith("heldout")


def split_argument(value: str) -> str:
    if value == "all" or value in splits():
        return value
    raise argparse.ArgumentTypeError(
        f"no file tests/cases/news/{value}.yaml (splits: {', '.join(splits())}, or all)")


# --------------------------------------------------------------------------- the archive


def load_archive(db: Path, measures: list[dict[str, Any]]) -> None:
    """The reference measures stored as their own texts, through the store stage."""
    from pipelines.archive import Archive
    from pipelines.finish import finish_run
    from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
    from pipelines.normalize import content_hash
    from pipelines.store import store_item

    archive = Archive.open(db)
    as_of = max(m["published"] for m in measures)
    run_id = archive.start_run(as_of, ["reference"], None)
    for m in measures:
        events = [MeasureEvent(kind=e["kind"], date=e.get("date"), until=e.get("until"),
                               by_measure=e.get("by_measure"), clause=e.get("clause"),
                               sentence=e.get("note")) for e in m["events"]]
        # a clause's own effective date, as the archive reads it from the measure's text
        # (pipelines.clauses: 本公告第一、二条自2025年12月1日起施行)
        events += [MeasureEvent(kind="effective", date=c["date"], clause=c["clause"],
                                sentence=c.get("note"))
                   for c in m.get("effective_clauses", ()) if c["clause"] != "other"]
        body = "\n\n".join([m["title_zh"], " ".join(m["summary"].split()),
                            "、".join(str(t) for t in m["terms"])])
        common = {"id": m["id"], "series": m["series"], "year": m["year"],
                  "number": m["number"], "issuers": list(m["issuers"]), "confidence": "high"}
        own = DocumentItem(
            url=f"{REFERENCE_HOST}/{m['id']}.html", source="reference", source_kind="authority",
            title=m["title_zh"], body=body, language="zh", published=m["published"],
            category=m["category"], confidence="high",
            measures=[MeasureRef(**common, relation="issues", reason="reference set",
                                 title=m["title_zh"], title_language="zh",
                                 published=m["published"], effective=m["effective"],
                                 category=m["category"], events=events)])
        english = DocumentItem(
            url=f"{REFERENCE_HOST}/{m['id']}.en.html", source="reference",
            source_kind="authority", title=" ".join(m["title_en"].split()),
            body=" ".join(m["summary"].split()), language="en", published=m["published"],
            category=m["category"], confidence="high",
            measures=[MeasureRef(**common, relation="reports_on", reason="reference set",
                                 title=" ".join(m["title_en"].split()), title_language="en")])
        for item in (own, english):
            item.content_hash = content_hash(item)
            store_item(archive, item, run_id, as_of)
    finish_run(archive, run_id, [])
    archive.close()


# --------------------------------------------------------------------------- the pages


# whitespace a Chinese paragraph drops: next to a Chinese character (its lines are wrapped in the
# files), not between two Latin words ("Recently, China announced …" on a bilingual page)
_SPACE_BY_CJK = re.compile(r"\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
                           r"|(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+")


# ... but a dash set off by spaces (an inline bullet, "…危机 [1][3] - 2025年10月…") keeps them
_SPACED_DASH = re.compile(r"\s+-\s+")


def _chinese_paragraph(paragraph: str) -> str:
    """A Chinese paragraph unwrapped (`_SPACE_BY_CJK`, `_SPACED_DASH`)."""
    parts = _SPACED_DASH.split(" ".join(paragraph.split()))
    return " - ".join(_SPACE_BY_CJK.sub("", part) for part in parts)


def paragraphs(text: dict[str, Any]) -> list[str]:
    return [" ".join(p.split()) if text["language"] == "en" else _chinese_paragraph(p)
            for p in text["body"].strip().split("\n\n") if p.strip()]


def stamp(text: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(text["published"])


def page_url(text: dict[str, Any]) -> tuple[str, str]:
    """(spider, URL) of the page a text is crawled from (Xinhua copy: as carried by a source)."""
    source, url = text["source"], text["url"]
    if source != "xinhua":
        return source, url
    when = stamp(text)
    digest = hashlib.sha256(url.encode()).hexdigest()
    if text["language"] == "zh":
        return "mofcom_consulates", (f"http://mumbai.mofcom.gov.cn/article/jmxw/"
                                     f"{when:%Y%m}/{when:%Y%m%d}{int(digest[:8], 16) % 10**6:06d}"
                                     f".shtml")
    hexstamp = f"{int(when.timestamp()) - 8 * 3600:08x}"
    return "chinadaily", (f"https://www.chinadaily.com.cn/a/{when:%Y%m}/{when:%d}/"
                          f"WS{hexstamp}{digest[:16]}.html")


def globaltimes_page(text: dict[str, Any]) -> str:
    when = stamp(text)
    hour = when.hour % 12 or 12
    published = (f"Published: {MONTHS[when.month - 1]} {when.day:02d}, {when.year} "
                 f"{hour:02d}:{when.minute:02d} {'PM' if when.hour >= 12 else 'AM'}")
    title = html.escape(text["title"])
    body = "<br><br>\n".join(html.escape(p) for p in paragraphs(text))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - Global Times</title>
<meta property="og:title" content="{title}"></head>
<body><div class="article"><div class="article_top">
<div class="article_title">{title}</div>
<div class="author_share"><div class="author_share_left"><span class="byline">{html.escape(
        text.get("byline") or "By Global Times")}</span><span class="pub_time">{published}</span>
</div></div></div>
<div class="article_content"><div class="article_left"></div><div class="article_right">
{body}<br><br>
</div></div></div></body></html>
"""


def chinadaily_page(text: dict[str, Any]) -> str:
    when = stamp(text)
    title = html.escape(text["title"])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    byline = html.escape(text.get("byline") or "Xinhua")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - Chinadaily.com.cn</title>
<meta name="articl-title" content="{title}">
<meta name="publishdate" content="{when:%Y-%m-%d %H:%M}"></head>
<body><div class="main_art"><div class="lft_art">
<h1>{title}</h1>
<div class="info"><span class="info_l">{byline} | China Daily | Updated: {when:%Y-%m-%d %H:%M}
</span></div>
<div id="Content">
{body}
</div>
<div id="div_currpage"></div>
</div></div></body></html>
"""


def consulate_page(text: dict[str, Any]) -> str:
    when = stamp(text)
    title = html.escape(text["title"])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    origin = "新华社" if text["source"] == "xinhua" else (
        "商务部新闻办公室" if text["language"] == "zh" else "Economic and Commercial Section")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="art-title">{title}</div>
<div class="art-desc"><script>var tm = "{when:%Y-%m-%d %H:%M}";document.write(tm);</script>
Source: {origin}</div>
<div class="art-con art-con-bottonmLine">
{body}
</div></body></html>
"""


LISTS = {
    "globaltimes": "https://www.globaltimes.cn/business/index.html",
    "chinadaily": "https://www.chinadaily.com.cn/business/economy/index.html",
    "mofcom_consulates": "https://mumbai.mofcom.gov.cn/article/jmxw/index.shtml",
}
PAGES = {"globaltimes": globaltimes_page, "chinadaily": chinadaily_page,
         "mofcom_consulates": consulate_page}


def list_page(spider: str, links: list[tuple[str, str]]) -> str:
    if spider == "globaltimes":
        rows = "\n".join(f'<div class="list_info"><a class="new_title_ms" href="{u}">'
                         f"{html.escape(t)}</a></div>" for u, t in links)
        return f'<html><body><div class="level01_list">{rows}</div></body></html>'
    if spider == "chinadaily":
        rows = "\n".join(f'<div class="mb10 tw3_01_2"><span class="tw3_01_2_t"><h4>'
                         f'<a href="{u}">{html.escape(t)}</a></h4></span></div>'
                         for u, t in links)
        return f'<html><body><div class="lft_art">{rows}</div></body></html>'
    rows = "\n".join(f'<li><a href="{u}">{html.escape(t)}</a></li>' for u, t in links)
    return f'<html><body><ul class="alist">{rows}</ul></body></html>'


def mirror_file(folder: Path, url: str) -> Path:
    parts = urlsplit(url)
    path = folder / parts.hostname / parts.path.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def build_mirror(texts: list[dict[str, Any]], folder: Path) -> dict[str, str]:
    """Every text as a page of its source in an offline mirror; text id -> crawled URL."""
    links: dict[str, list[tuple[str, str]]] = {s: [] for s in SOURCES}
    urls = {}
    for text in texts:
        spider, url = page_url(text)
        mirror_file(folder, url).write_text(PAGES[spider](text), encoding="utf-8")
        links[spider].append((url, text["title"]))
        urls[text["id"]] = url
    for spider, rows in links.items():
        mirror_file(folder, LISTS[spider]).write_text(list_page(spider, rows), encoding="utf-8")
    return urls


def crawl(db: Path, mirror: Path, reports: Path, as_of: str) -> None:
    args = [sys.executable, "-m", "crawler.cli", "crawl", "--db", str(db), "--reports",
            str(reports), "--mirror", str(mirror), "--as-of", as_of]
    for source in SOURCES:
        args += ["--source", source]
    result = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed: {result.stderr.strip()[-2000:]}")


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    texts: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    outside: int = 0  # links to measures outside the reference set (cited numbers)
    ambiguous: int = 0
    ambiguous_as_candidates: int = 0
    relevant_right: int = 0
    kept_unrelated: int = 0  # relevance errors one way: an unrelated text archived
    dropped_relevant: int = 0  # and the other: a relevant text left out
    dropped_relevant_listed: int = 0  # of those, listed for the analyst as a close call
    unrelated_left_out: int = 0  # unrelated texts left out
    unrelated_listed: int = 0  # of those, listed as close calls (what the list costs a reader)
    categories: int = 0
    categories_right: int = 0
    mistakes: list[str] = field(default_factory=list)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (expected, got)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def document_links(db: sqlite3.Connection, url: str) -> tuple[dict[str, str], set[str]]:
    """(measure -> reason of the link, review candidates) of the document at url."""
    rows = db.execute("select dm.measure, dm.reason from document_measures dm join documents d "
                      "on d.id = dm.document where d.url = ?", [url]).fetchall()
    try:
        candidates = {r[0] for r in db.execute(
            "select c.measure from link_candidates c join documents d on d.id = c.document "
            "where d.url = ?", [url])}
    except sqlite3.OperationalError:  # an archive without review candidates
        candidates = set()
    return {m: reason for m, reason in rows}, candidates


def close_call(db: sqlite3.Connection, url: str) -> bool:
    """Whether the text left out at url is listed for the analyst as a close call."""
    from pipelines.archive import canonical_url

    row = db.execute("select close_call from fetch_state where url = ?",
                     [canonical_url(url)]).fetchone()
    return bool(row and row[0])


def score(db: sqlite3.Connection, texts: list[dict[str, Any]], urls: dict[str, str],
          known: set[str]) -> Tally:
    tally = Tally()
    for text in texts:
        tally.texts += 1
        url = urls[text["id"]]
        doc = db.execute("select category from documents where url = ?", [url]).fetchone()
        kept = doc is not None
        wrong: list[str] = []
        if kept == text["relevant"]:
            tally.relevant_right += 1
        else:
            wrong.append(f"relevance: kept={kept}, expected {text['relevant']}")
            if kept:
                tally.kept_unrelated += 1
            else:
                tally.dropped_relevant += 1
                tally.dropped_relevant_listed += close_call(db, url)
        if not kept and not text["relevant"]:
            tally.unrelated_left_out += 1
            tally.unrelated_listed += close_call(db, url)
        if text["relevant"]:
            tally.categories += 1
            if kept and doc[0] == text["category"]:
                tally.categories_right += 1
            elif kept:
                wrong.append(f"category {doc[0]}, expected {text['category']}")
                tally.confusions[(text["category"], doc[0])] += 1
        links, candidates = document_links(db, url) if kept else ({}, set())
        expected, ambiguous = set(text["links"]), set(text.get("ambiguous") or [])
        found = set(links) & known
        tally.outside += len(set(links) - known)
        tp, fp, fn = found & expected, found - expected - ambiguous, expected - found
        tally.tp, tally.fp, tally.fn = tally.tp + len(tp), tally.fp + len(fp), tally.fn + len(fn)
        tally.ambiguous += len(ambiguous)
        tally.ambiguous_as_candidates += len(ambiguous & candidates)
        wrong += [f"false link {m}: {links[m][:200]}" for m in sorted(fp)]
        wrong += [f"missed {m}" for m in sorted(fn)]
        if ambiguous - candidates - found:
            wrong.append(f"ambiguous not a candidate: {sorted(ambiguous - candidates - found)}")
        if wrong:
            tally.mistakes.append(f"  {text['id']} ({text['published'][:10]}): "
                                  + "\n      ".join(wrong))
    return tally


def run_split(split: str, show: bool, texts: list[dict[str, Any]] | None = None) -> Tally:
    texts = texts_of(split) if texts is None else texts
    measures = reference_measures()
    known = {m["id"] for m in measures}
    with tempfile.TemporaryDirectory(prefix="bench-news-") as tmp:
        folder = Path(tmp)
        db = folder / "archive.db"
        start = time.perf_counter()
        load_archive(db, measures)
        urls = build_mirror(texts, folder / "mirror")
        # runs go forward in time: the crawl is dated no earlier than the reference measures'
        # run (a set of older texts, e.g. a file of 2023 excerpts, is crawled on that day)
        as_of = max([t["published"][:10] for t in texts] + [m["published"] for m in measures])
        crawl(db, folder / "mirror", folder / "reports", as_of)
        elapsed = time.perf_counter() - start
        conn = sqlite3.connect(db)
        tally = score(conn, texts, urls, known)
        conn.close()
    print(f"{split}: {tally.texts} texts, {len(measures)} reference measures ({elapsed:.1f} s)")
    print_figures(tally)
    if show and not held_out(split):
        print("\n".join(tally.mistakes) or "  no mistakes")
    return tally


def print_figures(tally: Tally) -> None:
    print(f"  links: precision {tally.precision:.3f}, recall {tally.recall:.3f} "
          f"(tp {tally.tp}, fp {tally.fp}, fn {tally.fn}; {tally.outside} links to measures "
          f"outside the set)")
    print(f"  ambiguous ids kept as review candidates: {tally.ambiguous_as_candidates}"
          f"/{tally.ambiguous}")
    print(f"  categories: accuracy {tally.categories_right / max(tally.categories, 1):.3f} "
          f"({tally.categories_right}/{tally.categories} relevant texts)")
    print(f"  relevance: {tally.relevant_right / max(tally.texts, 1):.3f} "
          f"({tally.relevant_right}/{tally.texts}; unrelated kept {tally.kept_unrelated}, "
          f"relevant left out {tally.dropped_relevant})")
    print(f"  close calls listed for the analyst: relevant texts left out "
          f"{tally.dropped_relevant_listed}/{tally.dropped_relevant}, unrelated texts left out "
          f"{tally.unrelated_listed}/{tally.unrelated_left_out}")
    if tally.confusions:  # counts only: which categories are confused, never which texts
        print("  categories confused (expected -> got): " + ", ".join(
            f"{want} -> {got} {n}" for (want, got), n in sorted(tally.confusions.items())))


def pooled(tallies: list[Tally]) -> Tally:
    """The figures of several splits together (mistakes left out)."""
    total = Tally()
    for tally in tallies:
        for name in fields(Tally):
            if name.name != "mistakes":
                setattr(total, name.name, getattr(total, name.name) + getattr(tally, name.name))
    return total


def chose_thresholds(split: str) -> bool:
    """Whether the split is one of the held-out files whose error counts chose the text model's
    thresholds (heldout, heldout2 ... heldout21: tests/cases/news/README.md, "The text
    model"); the later ones were never used for any choice."""
    number = split.removeprefix("heldout")
    return held_out(split) and int(number or 1) <= 21


def print_pools(tallies: dict[str, Tally]) -> None:
    """The held-out files' figures pooled: all of them, then the two parts."""
    parts = (("all held-out files", lambda s: True),
             ("held-out files heldout..heldout21 (their error counts chose the text model's "
              "thresholds)", chose_thresholds),
             ("held-out files from heldout22 (never used for any choice)",
              lambda s: not chose_thresholds(s)))
    for name, part in parts:
        chosen = [t for s, t in tallies.items() if held_out(s) and part(s)]
        if chosen:
            print(f"{name}: {len(chosen)} files, {sum(t.texts for t in chosen)} texts")
            print_figures(pooled(chosen))


def _exit_on_termination(signum: int, frame: object) -> None:
    """A kill or a hangup ends the run as an exit does: the crawl child is killed and the
    temporary folder removed (the default action would leave both behind)."""
    raise SystemExit(128 + signum)


def main() -> None:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _exit_on_termination)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=split_argument, default="dev",
                        help="a file tests/cases/news/SPLIT.yaml (dev, heldout, heldout2 …) or all")
    parser.add_argument("--show", action="store_true",
                        help="list the mistakes of a development split (never of a held-out one)")
    parser.add_argument("--file", type=Path,
                        help="a file of texts in the corpus's format kept outside the repository "
                             "(e.g. real pages' excerpts that are not ours to publish), instead "
                             "of --split; --show lists its mistakes only if it is not held apart")
    parser.add_argument("--held-apart", action="store_true",
                        help="with --file: never list its mistakes (a set kept out of rule "
                             "development)")
    args = parser.parse_args()
    if args.file:
        texts = yaml.safe_load(args.file.read_text("utf-8"))["texts"]
        run_split(args.file.stem, args.show and not args.held_apart, texts)
        return
    tallies = {split: run_split(split, args.show)
               for split in (splits() if args.split == "all" else [args.split])}
    if args.split == "all":
        print_pools(tallies)
        print(json.dumps({"note": "held-out figures come from texts kept out of rule "
                                  "development (tests/cases/news/README.md)"}))


if __name__ == "__main__":
    main()
