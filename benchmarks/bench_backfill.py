"""Benchmark: a backfill of 10,000 documents, and the end of a night on a large archive.

Run: .venv/bin/python benchmarks/bench_backfill.py [--articles N] [--keep DIR] [--night-only]
(prints figures; asserts nothing; about 2-4 minutes for 10,000 articles and 100,000 documents)

1. A mirror of N realistic MOFCOM article pages (30-80 KiB each: the site's head, navigation,
   scripts and footer around 2-12 KiB of Chinese text) behind MOFCOM's announcement indexes, one
   per year, 20 items a page and the JPaaS API's pages after the first, is generated in a
   temporary folder. One article in ten links an annex (a PDF list of items, served by the
   mirror, as on the site; the others link none).
2. `regwatch crawl --source mofcom --mirror` walks it back (a fresh archive, backfill_since at the
   first year, a page budget that fits) in a child process: documents/s, the child's peak RSS,
   the end-of-run stages (pipelines.finish.finish_run and the reports) are printed.
3. In the same run, the raw speed of lxml on the same pages: parse each page and take what the
   spider takes (title, date, issuing unit, body paragraphs, annex links), in a loop; and the
   same walk with the framework alone (Scrapy, the spider, the downloader middlewares; no
   evidence, no pipeline), the ceiling any pipeline work is added to.
4. The end of a night with 10 changed documents on archives of 1,000 and 100,000 documents
   (built with the archive's own store stage; the build's end indexes the measures for linking
   but links no document): finish_run and the reports, timed.

Targets (issue 11): the crawl at least 1/3 of the raw lxml speed, peak RSS under 300 MB, the end
of the night under 1 s at 100,000 documents and at most 2x its time at 1,000.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WWW = "www.mofcom.gov.cn"
WEB_ID, TPL = "5fce1c9c898807554beaa5151c0db784", "NYWDrQM36vXN05IqkveVW"
AS_OF = "2025-12-31"
PHRASES = ["根据《中华人民共和国出口管制法》有关规定", "为维护国家安全和利益", "经国务院批准",
           "决定对相关物项实施出口管制", "出口经营者应当依照有关规定向商务部申请许可",
           "两用物项出口管制清单", "本公告自公布之日起正式实施", "海关总署", "稀土相关物项",
           "反倾销调查最终裁定", "原产于美国的进口产品", "国内产业受到实质损害",
           "现将有关事项公告如下"]
NAV = "".join(f'<li><a href="/column{i}/index.html">栏目{i} 政策发布 新闻发布 商务数据</a></li>'
              for i in range(60))
ANNEXES = [(REPO / "tests" / "fixtures" / "annexes" / name).read_bytes()
           for name in ("sample_no61_annex1_items.pdf", "rare_earth_list_ruled.pdf")]
SCRIPT = "var _hmt = _hmt || [];" + "function f(a,b){return a+b;}" * 40


# --- the mirror ---------------------------------------------------------------------------------


def article_html(year: int, number: int, day: date, rng: random.Random) -> str:
    """A page of 30-80 KiB: the site's furniture and 2-12 KiB of text."""
    title = f"商务部公告{year}年第{number}号 关于{rng.choice(PHRASES)}的公告"
    paragraphs = "".join(
        f'<p style="text-indent:2em;">{"，".join(rng.choice(PHRASES) for _ in range(8))}。</p>\n'
        for _ in range(rng.randint(8, 45)))
    padding = "<!-- " + "x" * rng.randint(14_000, 46_000) + " -->"  # templates' inline clutter
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部"><meta name="ColumnName" content="公告">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{day.isoformat()} 10:00">
<meta name="ContentSource" content="安全与管制局">
<title>{title}_中华人民共和国商务部</title>
<script>{SCRIPT}</script><style>.nav li {{ float: left; }}</style>{padding}
</head><body>
<div class="header"><ul class="nav">{NAV}</ul></div>
<div class="art-main"><h1 class="art-title">{title}</h1>
<div class="art-info"><span class="time">{day.isoformat()} 10:00</span></div>
<div class="art-con" id="zoom">
<p>【发布单位】安全与管制局</p><p>【发布文号】商务部公告{year}年第{number}号</p>
{paragraphs}
{annex_link(year, number)}
</div></div>
<div class="footer">{NAV}<p>主办单位：中华人民共和国商务部</p></div>
<script>{SCRIPT}</script>
</body></html>
"""


def has_annex(number: int) -> bool:
    return number % 10 == 0


def annex_path(year: int, number: int) -> str:
    return f"/cms_files/attach/{year}/{number}.pdf"


def annex_link(year: int, number: int) -> str:
    if not has_annex(number):
        return ""
    return f'<p><a href="{annex_path(year, number)}">附件：清单.pdf</a></p>'


def item_li(path: str, title: str, day: date) -> str:
    return f'<li><a href="{path}" title="{title}">{title}</a><span>{day.isoformat()}</span></li>'


def jpaas_name(page_id: str, number: int) -> str:
    return (f"{WWW}/api-gateway/jpaas-publish-server/front/page/build/unit?pageId={page_id}"
            f'&pageType=column&paramJson={{"pageNo":{number},"pageSize":20}}'
            f"&parseType=bulidstatic&tagId=信息列表&tplSetId={TPL}&webId={WEB_ID}")


def make_mirror(root: Path, articles: int, years: list[int]) -> list[Path]:
    """The mirror; the article files (for the raw lxml loop)."""
    rng = random.Random(11)
    per_year = articles // len(years)
    files = []
    for year in years:
        page_id = hashlib.md5(str(year).encode()).hexdigest()
        items = []
        for number in range(per_year, 0, -1):
            day = date(year, 1, 1) + timedelta(days=(number - 1) * 364 // per_year)
            digest = hashlib.md5(f"{year}-{number}".encode()).hexdigest()
            path = f"/zcfb/blgg/gg/{year}/art/{year}/art_{digest}.html"
            page = article_html(year, number, day, rng)
            target = root / (WWW + path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            files.append(target)
            if has_annex(number):
                annex = root / (WWW + annex_path(year, number))
                annex.parent.mkdir(parents=True, exist_ok=True)
                annex.write_bytes(ANNEXES[number // 10 % len(ANNEXES)])
            items.append(item_li(path, f"商务部公告{year}年第{number}号", day))
        pages = [items[i:i + 20] for i in range(0, len(items), 20)]
        index = root / WWW / f"zcfb/blgg/gg/{year}/index.html"
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(
            f'<html><head><meta charset="utf-8"><script>var jpaasConfig = {{webId: "{WEB_ID}", '
            f'pageId: "{page_id}", tplSetId: "{TPL}"}};</script></head><body>'
            f'<ul class="txtList_01">{"".join(pages[0])}</ul><div class="layui-laypage">'
            f'<a href="javascript:;" class="layui-laypage-next" data-page="2">下一页</a></div>'
            "</body></html>", encoding="utf-8")
        for number, page in enumerate(pages[1:], start=2):
            html = f'<ul class="txtList_01">{"".join(page)}</ul>'
            target = root / jpaas_name(page_id, number)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps({"data": {"html": html, "total": len(items)}},
                                         ensure_ascii=False), encoding="utf-8")
    policy = root / WWW / "zwgk/zcfb/index.html"
    policy.parent.mkdir(parents=True, exist_ok=True)
    only = item_li("/zwgk/zcfb/art/2025/art_" + "0" * 32 + ".html", "x", date(2025, 12, 1))
    policy.write_text(f'<html><body><ul class="txtList_01">{only}</ul></body></html>',
                      encoding="utf-8")
    return files


# --- the raw lxml loop --------------------------------------------------------------------------


def raw_lxml(files: list[Path]) -> tuple[float, float]:
    """Pages per second (wall clock, CPU): parse, then the fields the spider takes."""
    from lxml import html as lxml_html

    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        tree = lxml_html.fromstring(path.read_bytes())
        meta = {m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("name")}
        zoom = tree.get_element_by_id("zoom")
        paragraphs = [" ".join(p.text_content().split()) for p in zoom.iter("p")]
        annexes = [a.get("href") for a in zoom.iter("a") if a.get("href")]
        assert meta.get("ArticleTitle") and meta.get("PubDate") and paragraphs
        assert bool(annexes) == has_annex(int(meta["ArticleTitle"].split("第")[1].split("号")[0]))
    return (len(files) / (time.perf_counter() - start),
            len(files) / (time.process_time() - cpu))


# --- the crawl, in a child process --------------------------------------------------------------

CHILD = """
import json, sys, time
import pipelines.finish, pipelines.report
from crawler.runner import Run
from pipelines.config import load_config
from crawler.settings import ITEM_PIPELINES
from crawler.spiders.mofcom import MofcomSpider
from scrapy.utils.misc import load_object
timings, stages = {}, {}
def timed(into, name, function):  # function, its seconds added up under name in `into`
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - start
    return wrapper
pipelines.finish.finish_run = timed(timings, "finish_run", pipelines.finish.finish_run)
pipelines.report.write_reports = timed(timings, "write_reports", pipelines.report.write_reports)
for path in ITEM_PIPELINES:
    stage = load_object(path)
    stage.process_item = timed(stages, stage.__name__, stage.process_item)
MofcomSpider.read_article = timed(stages, "MofcomSpider.read_article", MofcomSpider.read_article)
db, reports, mirror, since, mode = sys.argv[1:6]
config = load_config(overrides={"db": db, "reports": reports, "mirror": mirror, "as_of": AS_OF,
                                "backfill_since": since, "backfill_pages_per_night": 100000,
                                "log_level": "WARNING"})
# "bare": Scrapy, the spider and the downloader middlewares only (no evidence, no pipeline)
extra = {"ITEM_PIPELINES": {}, "SPIDER_MIDDLEWARES": {}} if mode == "bare" else {}
start = time.perf_counter()
summary = Run(config, ["mofcom"], extra_settings=extra).execute()
timings["run"] = time.perf_counter() - start
[source] = summary.sources
timings["items"] = source.counts.get("items", 0)
timings["requests"] = source.counts.get("requests", 0)
timings["stages"] = stages
print(json.dumps(timings))
""".replace("AS_OF", repr(AS_OF))


def crawl(folder: Path, mirror: Path, since: str, mode: str = "full"
          ) -> tuple[dict[str, float], float]:
    """The child's timings (its CPU seconds as "cpu") and its peak RSS in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder / f"{mode}.db"),
                             str(folder / f"reports-{mode}"), str(mirror), since, mode],
                            cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    timings = json.loads(result.stdout.strip().splitlines()[-1])
    timings["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return timings, after.ru_maxrss / 1024


# --- the end of a night on a large archive ------------------------------------------------------


def build_archive(path: Path, documents: int) -> None:
    """An archive of `documents` documents (one in five the text of a measure), stored through
    the store stage as a crawl would, in one run."""
    from pipelines.archive import Archive
    from pipelines.items import DocumentItem
    from pipelines.normalize import normalize_item
    from pipelines.store import store_item

    archive = Archive.open(path)
    run_id = archive.start_run("2025-12-30", ["mofcom"], None)
    with archive.transaction():
        for i in range(documents):
            store_item(archive, night_item(i, normalize_item, DocumentItem), run_id,
                       "2025-12-30", list_url=list_url(i))
    import pipelines.finish
    from pipelines.linking import changed_profiles, refresh_measures

    def index_measures(archive: Archive, run_id: str) -> int:
        """The build's end indexes the measures (their keys and link profiles) but links no
        document: every synthetic document shares its subjects with every measure (a fifth of
        the documents), so linking them all is quadratic, and it is not what is measured."""
        with archive.transaction():
            changed_profiles(archive, refresh_measures(archive, archive.measure_ids()))
        return 0

    linking = pipelines.finish.link_documents
    pipelines.finish.link_documents = index_measures
    try:
        pipelines.finish.finish_run(archive, run_id, [])
    finally:
        pipelines.finish.link_documents = linking
    archive.close()


def list_url(i: int) -> str:
    """The list page that links document i (20 a page)."""
    return f"https://{WWW}/api-gateway/jpaas?page={i // 20}"


def night_item(i: int, normalize, item_class, text: str = "") -> object:
    """Document i (the same text every time it is made, plus `text`)."""
    rng = random.Random(i)
    # one in five the text of its own measure (each measure has one text, whatever the size)
    year = 2016 + (i // 5) % 10
    number = f"商务部公告{year}年第{i // 50 + 1}号 " if i % 5 == 0 else ""
    body = "\n\n".join("，".join(rng.choice(PHRASES) for _ in range(8)) + "。" for _ in range(6))
    return normalize(item_class(
        url=f"https://{WWW}/zcfb/blgg/gg/{year}/art/{year}/art_{i:032x}.html", source="mofcom",
        source_kind="authority", title=f"{number}关于第{i}号事项的公告", body=body + text,
        language="zh", published_raw=f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d} 10:00"))


def end_of_night(path: Path, changed: int) -> float:
    """A night on the archive: its first list pages read, `changed` documents changed; the
    seconds finish_run and the reports take."""
    from pipelines.archive import Archive
    from pipelines.diff import item_changes
    from pipelines.finish import finish_run
    from pipelines.health import assess
    from pipelines.items import DocumentItem
    from pipelines.normalize import normalize_item
    from pipelines.report import write_reports
    from pipelines.run import RunContext, SourceRun
    from pipelines.store import store_item

    archive = Archive.open(path)
    run_id = archive.start_run("2025-12-31", ["mofcom"], None)
    source = SourceRun(RunContext(run_id, "2025-12-31", archive), "mofcom")
    pages = sorted({list_url(i) for i in range(0, 200, 20)})
    for i in range(0, 200):  # the first pages' documents, seen; ten of them changed
        item = night_item(i, normalize_item, DocumentItem,
                          text="\n\n修订。" if i < changed else "")
        item.changes = item_changes(archive, item)
        store_item(archive, item, run_id, "2025-12-31", list_url=list_url(i))
    source.list_pages = pages
    source.health = assess(200, 0, [], 1, None)
    start = time.perf_counter()
    finish_run(archive, run_id, [source])
    write_reports(archive, run_id, path.parent / "reports")
    seconds = time.perf_counter() - start
    archive.close()
    return seconds


def best_night(path: Path, changed: int, tries: int = 3) -> float:
    """The fastest of a few nights, each on a fresh copy of the archive (the first pays for
    compiling the report templates, and the machine may be busy)."""
    import sqlite3

    built = path.with_name("built.db")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    shutil.copy(path, built)
    times = []
    for _ in range(tries):
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy(built, path)
        times.append(end_of_night(path, changed))
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000, help="documents of the large archive")
    parser.add_argument("--keep", type=Path, help="keep the mirror and archives in this folder")
    parser.add_argument("--night-only", action="store_true",
                        help="only the end of a night on the two archives (no crawl)")
    parser.add_argument("--tries", type=int, default=5, help="nights per archive (the best)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # (a kill still cleans up)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-backfill-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        years = list(range(2016, 2026))
        if not args.night_only:
            crawl_figures(folder, args.articles, years)
        night_figures(folder, args.large, args.tries)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def crawl_figures(folder: Path, articles: int, years: list[int]) -> None:
    """The walk back over the generated mirror, raw lxml on its pages, the framework alone."""
    start = time.perf_counter()
    files = make_mirror(folder / "mirror", articles, years)
    sizes = [p.stat().st_size for p in files]
    print(f"mirror: {len(files)} article pages, {min(sizes) // 1024}-{max(sizes) // 1024} KiB "
          f"(mean {sum(sizes) // len(sizes) // 1024} KiB), {len(years)} annual indexes, "
          f"made in {time.perf_counter() - start:.0f} s")
    lxml_rate, lxml_cpu = raw_lxml(files)
    timings, peak = crawl(folder, folder / "mirror", f"{years[0]}-01-01")
    crawl_rate, crawl_cpu = timings["items"] / timings["run"], timings["items"] / timings["cpu"]
    print(f"raw lxml parse and extract: {lxml_rate:.0f} pages/s ({lxml_cpu:.0f} per CPU s)")
    print(f"crawl (walk back, {timings['requests']:.0f} requests, {timings['items']:.0f} "
          f"documents stored): {timings['run']:.1f} s, {crawl_rate:.0f} documents/s "
          f"({crawl_cpu:.0f} per CPU s, the whole child process) = "
          f"{crawl_rate / lxml_rate:.2f} of raw lxml on the clock, {crawl_cpu / lxml_cpu:.2f} "
          "in CPU time (target: at least 0.33)")
    print(f"crawl peak RSS: {peak:.0f} MB (target: under 300 MB)")
    print(f"crawl end of run: finish_run {timings['finish_run']:.2f} s, reports "
          f"{timings['write_reports']:.2f} s")
    spent = {**timings["stages"], "finish_run": timings["finish_run"]}
    spent["the rest (Scrapy, downloads, middlewares, evidence)"] = timings["run"] - sum(
        spent.values())
    print("where the crawl's time went: " + ", ".join(
        f"{name} {seconds:.1f} s ({seconds / timings['run']:.0%})"
        for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])))
    bare, _ = crawl(folder, folder / "mirror", f"{years[0]}-01-01", "bare")
    bare_rate = timings["items"] / (bare["run"] - bare.get("finish_run", 0.0))
    print(f"the framework alone (the same walk, Scrapy, the spider and its downloader "
          f"middlewares, no evidence and no pipeline; {bare['requests']:.0f} requests): "
          f"{bare['run']:.1f} s, {bare_rate:.0f} pages/s = {bare_rate / lxml_rate:.2f} of raw "
          f"lxml; the pipeline's share of the crawl: "
          f"{1 - (bare['run'] / timings['run']):.0%}")


def night_figures(folder: Path, large: int, tries: int) -> None:
    """The end of a night with 10 changes on archives of 1,000 and `large` documents."""
    night = {}
    for documents in (1_000, large):
        path = folder / f"archive-{documents}" / "a.db"
        path.parent.mkdir(exist_ok=True)
        start = time.perf_counter()
        build_archive(path, documents)
        built = time.perf_counter() - start
        night[documents] = best_night(path, 10, tries)
        print(f"end of a night with 10 changed documents, archive of {documents} documents: "
              f"{night[documents]:.3f} s, best of {tries} (archive built in {built:.0f} s)")
    ratio = night[large] / night[1_000]
    print(f"end of night at {large} / at 1000: {ratio:.2f}x (target: under 1 s and "
          "at most 2x)")


if __name__ == "__main__":
    main()
