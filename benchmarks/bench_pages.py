"""Benchmark: the analyst's pages on an archive of the size regwatch will reach.

Generates an archive of N documents (default 100,000: 62% Chinese, 38% English, about 1,600
measures with status periods, events, links and changes), then asks Datasette (in process,
regwatch's metadata, plugins and settings) for every page of the morning, REPEAT times each, and
prints p50 and p95 per page in milliseconds. Targets (issue 15): p50 under 200 ms per page, the
documents search box under 50 ms.

Run: .venv/bin/python benchmarks/bench_pages.py [N] [REPEAT] [--keep PATH]
(prints figures; asserts nothing; the generated archive is removed unless --keep is given)
"""

from __future__ import annotations

import asyncio
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from pipelines.archive import Archive, document_id
from pipelines.finish import write_status_periods
from pipelines.items import ChangeRecord, DocumentItem, MeasureEvent, MeasureRef
from pipelines.normalize import normalize_item

ZH = ["出口管制", "稀土相关物项", "两用物项", "许可证", "暂停实施", "海关总署", "锂电池",
      "人造石墨负极材料", "超硬材料", "自公布之日起正式实施", "镓锗锑", "最终用户和最终用途",
      "不可靠实体清单", "进出口税则", "关税调整", "无人机", "半导体设备", "技术出口"]
EN = ["export control", "rare earth items", "dual-use items", "licence", "suspension",
      "customs", "lithium batteries", "graphite anode", "superhard materials", "end users",
      "unreliable entity list", "tariff adjustment", "drones", "semiconductor equipment",
      "technology exports", "the ministry said", "trade talks", "spokesperson"]
# What most of a text is: the words of any government page or news article; each document also
# carries one to three subjects above, so a subject is in about a tenth of the documents.
ZH_FILLER = ["根据有关法律法规", "经国务院批准", "现将有关事项公告如下", "特此公告", "各有关单位",
             "进一步加强", "维护国家安全和利益", "履行防扩散等国际义务", "商务部新闻发言人",
             "答记者问", "有关情况", "贸易便利化", "高质量发展", "对外开放", "国际合作",
             "市场准入", "营商环境", "外商投资", "中方", "坚决反对", "依法依规", "有关部门"]
EN_FILLER = ["the ministry said", "according to", "trade", "cooperation", "development",
             "market", "investment", "officials", "the country", "international", "policy",
             "economy", "on Monday", "in a statement", "the two sides", "global supply chains",
             "analysts said", "the government", "growth", "companies"]
SOURCES_ZH = ["mofcom", "mofcom_exportcontrol", "customs"]
SOURCES_EN = ["globaltimes", "chinadaily", "mofcom_consulates"]


def day(rng: random.Random) -> str:
    return f"{rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def text(rng: random.Random, filler: list[str], subjects: list[str], joiner: str, end: str,
         paragraphs: tuple[int, int], words: tuple[int, int]) -> str:
    """Paragraphs of filler with the document's one to three subjects here and there."""
    mine = rng.sample(subjects, rng.randint(1, 3))
    out = []
    for _ in range(rng.randint(*paragraphs)):
        out.append(joiner.join(rng.choice(mine) if rng.random() < 0.2 else rng.choice(filler)
                               for _ in range(rng.randint(*words))) + end)
    return "\n\n".join(out)


def zh_item(i: int, rng: random.Random, measure: MeasureRef | None) -> DocumentItem:
    body = text(rng, ZH_FILLER, ZH, "", "。", (4, 14), (5, 12))
    title = (f"商务部公告{measure.year}年第{measure.number}号 关于{rng.choice(ZH)}的决定"
             if measure else f"关于{rng.choice(ZH)}{rng.choice(ZH)}的通知（{i}）")
    return DocumentItem(
        url=f"https://www.mofcom.gov.cn/zwgk/zcfb/art/{i % 7 + 2020}/art_{i:032x}.html",
        source=rng.choice(SOURCES_ZH), source_kind="authority", title=title, body=body,
        language="zh", published_raw=day(rng))


def en_item(i: int, rng: random.Random) -> DocumentItem:
    body = text(rng, EN_FILLER, EN, " ", ".", (4, 12), (10, 25))
    return DocumentItem(
        url=f"https://www.globaltimes.cn/page/{2020 + i % 7}01/{i}.shtml",
        source=rng.choice(SOURCES_EN), source_kind="news",
        title=f"China {rng.choice(EN)} {rng.choice(EN)} ({i})", body=body, language="en",
        published_raw=day(rng))


def measure_ref(n: int, rng: random.Random) -> MeasureRef:
    year, number = 2020 + n % 7, n // 7 + 1
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentence = "本公告自公布之日起正式实施。"
    events = [MeasureEvent(kind="issued", date=published, sentence=sentence),
              MeasureEvent(kind="effective", date=published, sentence=sentence)]
    if n % 5 == 0:
        start = f"{year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        events.append(MeasureEvent(kind="suspended", date=start, until=f"{year + 2}-11-10",
                                   by_measure=f"MOFCOM-{year + 1}-{number}",
                                   sentence="自即日起至次年11月10日，暂停实施。"))
    return MeasureRef(id=f"MOFCOM-{year}-{number}", series="MOFCOM", year=year, number=number,
                      relation="issues", confidence="high", issuers=["MOFCOM"],
                      title=f"商务部公告{year}年第{number}号 关于{rng.choice(ZH)}的决定",
                      published=published, effective=published, category=rng.choice(
                          ["controlled_item_change", "suspension", "licensing", "tariff"]),
                      reason="the page's own number", events=events, title_language="zh")


def generate(path: Path, n: int) -> dict[str, str]:
    """The archive: n documents (62% Chinese), a measure per 60 documents; some facts to ask."""
    rng = random.Random(15)
    archive = Archive.open(path)
    run_id = archive.start_run("2026-11-22", ["bench"], None)
    zh_count = n * 62 // 100
    measures = 0
    facts: dict[str, str] = {}
    for start in range(0, n, 1000):
        with archive.transaction():
            for i in range(start, min(n, start + 1000)):
                ref = measure_ref(measures, rng) if i < zh_count and i % 60 == 0 else None
                item = normalize_item(zh_item(i, rng, ref) if i < zh_count else en_item(i, rng))
                if ref:
                    item.measures = [ref]
                    measures += 1
                archive.store_document(item, run_id, "2026-11-22")
                doc_id = document_id(item.url)
                for r in item.measures:
                    archive.store_measure_ref(r, doc_id, "2026-11-22", run_id)
                if ref and measures % 3 == 0:
                    archive.add_change(run_id, ChangeRecord(
                        kind="new_measure", measure=ref.id, document=doc_id, title=ref.title,
                        url=item.url, source=item.source, category=ref.category,
                        confidence="high", summary=f"New measure {ref.id}: {ref.title}"))
                facts.setdefault("document", doc_id)
                if ref and ref.id.startswith("MOFCOM-2025"):
                    facts.setdefault("measure", ref.id)
    with archive.transaction():
        write_status_periods(archive)
    archive.finish_run(run_id, {})
    archive.close()
    facts["measures"] = str(measures)
    return facts


async def measure_pages(path: Path, pages: list[tuple[str, str]], repeat: int
                        ) -> list[tuple[str, float, float, int]]:
    from crawler.browse import datasette_for

    datasette = datasette_for(path)
    await datasette.invoke_startup()
    results = []
    for name, url in pages:
        await datasette.client.get(url)  # warm: the first request of a page pays for the cache
        times = []
        status = 0
        for _ in range(repeat):
            start = time.perf_counter()
            response = await datasette.client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            status = response.status_code
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        results.append((name, statistics.median(times), p95, status))
    return results


def pages(facts: dict[str, str]) -> list[tuple[str, str]]:
    measure, doc = facts.get("measure", "MOFCOM-2025-1"), facts["document"]
    search = "/archive/documents?_search="
    return [
        ("home", "/"),
        ("database page", "/archive"),
        ("measures table (today)", "/archive/measures"),
        ("measures table ?on=2026-03-01", "/archive/measures?on=2026-03-01"),
        ("measure page", f"/archive/measures/{measure}"),
        ("measure page ?on=2026-03-01", f"/archive/measures/{measure}?on=2026-03-01"),
        ("documents table", "/archive/documents"),
        ("documents search 稀土 (2 characters)", search + quote("稀土")),
        ("documents search 出口管制 (4 characters)", search + quote("出口管制")),
        ("documents search rare earth (English)", search + quote("rare earth")),
        ("search_documents?q=稀土", "/archive/search_documents?q=" + quote("稀土")),
        ("measures in force", "/archive/measures_in_force?on=2026-03-01"),
        ("suspended measures", "/archive/suspended_measures?on=2026-03-01"),
        ("deadlines", "/archive/deadlines?on=2026-11-05&days=30"),
        ("changes table", "/archive/changes"),
        ("topic rare earths", "/archive/topic_rare_earths"),
        ("topic rare earths .atom", "/archive/topic_rare_earths.atom"),
        ("documents table, page 2", "/archive/documents?_next=" + quote(facts["next"])),
        ("documents table, a page half-way", "/archive/documents?_next="
         + quote(facts["half_way"])),
        ("document page", f"/archive/documents/{doc}"),
        ("bad ?on= (400)", "/archive/measures?on=garbage"),
    ]


def next_tokens(path: Path) -> dict[str, str]:
    """Datasette's `_next` of the documents table (newest first) after its first page and
    half-way down: "published,id" of the row before."""
    archive = Archive.open_readonly(path)
    try:
        order = "order by published desc, id"
        [count] = next(iter(archive.db.execute("select count(*) from documents")))
        tokens = {}
        for name, offset in (("next", 24), ("half_way", count // 2)):
            published, doc = next(iter(archive.db.execute(
                f"select published, id from documents {order} limit 1 offset ?", [offset])))
            tokens[name] = f"{published},{doc}"
        return tokens
    finally:
        archive.close()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100_000
    repeat = int(args[1]) if len(args) > 1 else 20
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # (a kill still cleans up)
    folder = Path(tempfile.mkdtemp(prefix="regwatch-bench-"))
    try:
        path = Path(keep) if keep else folder / "archive.db"
        start = time.perf_counter()
        if keep and path.exists():
            facts = {"document": "", "measure": "MOFCOM-2025-1", "measures": "?"}
            archive = Archive.open_readonly(path)
            facts["document"] = next(iter(archive.db.query("select id from documents limit 1")))[
                "id"]
            archive.close()
        else:
            facts = generate(path, n)
        built = time.perf_counter() - start
        facts.update(next_tokens(path))
        size = path.stat().st_size / 1e6
        print(f"archive: {n} documents ({n * 62 // 100} Chinese, {n - n * 62 // 100} English), "
              f"{facts['measures']} measures, {size:.0f} MB, built in {built:.0f} s")
        print(f"{'page':<42} {'p50 ms':>8} {'p95 ms':>8}  status")
        for name, p50, p95, status in asyncio.run(measure_pages(path, pages(facts), repeat)):
            print(f"{name:<42} {p50:8.1f} {p95:8.1f}  {status}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
