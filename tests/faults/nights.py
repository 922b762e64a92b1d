"""The fault suite's nights: a healthy night, then four faulty ones, through the real network path.

Each case (a source, a fault kind, a scope) starts from an archive of one healthy night of that
source (demo/nights/2025-11-08 served by the fault proxy), then crawls four more nights with the
fault injected, each one `tests/faults/crawl.py` in a child process (the run owner, the project's
spiders, middlewares and pipelines, over HTTPS through the proxy, certificates verified against
the proxy's test CA). What a case must hold, on every faulty night:

- exit status 0 (a source's trouble is reported, not fatal);
- the trouble reported: a `source_problem` naming the source, and the URL in the source's problems
  (a fault that the crawler absorbs correctly, e.g. a wrong charset decoded anyway, need not be);
- no `document_removed`, `status_changed`, `document_changed`, `measure_amended`, `new_measure`
  that the same nights without the fault do not report (time alone moves some statuses: GACC
  No. 219 takes effect on 2025-11-10; a control run of each source's nights says which);
- no new document version; `PRAGMA integrity_check` ok.

`python tests/faults/nights.py` runs every case and prints the table of cases (tried / held).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
for path in (REPO, TESTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from faults.proxy import Fault, FaultProxy, Kind, Scope  # noqa: E402

MIRROR = REPO / "demo" / "nights" / "2025-11-08"
CRAWL = Path(__file__).with_name("crawl.py")
HEALTHY_NIGHT = date(2025, 11, 8)
FAULTY_NIGHTS = 4
TIMEOUT = 2.0  # seconds per request in these crawls
SLOW_SECONDS = 4.0  # a slow answer: longer than the timeout
FORBIDDEN = ("document_removed", "status_changed", "document_changed", "measure_amended",
             "new_measure")

# Each source: its host, the pattern of its article URLs, and one archived article that every
# night refetches (published within the revisit window of these nights).
SOURCES: dict[str, tuple[str, str, str]] = {
    "mofcom": ("www.mofcom.gov.cn", r"/art/\d{4}/art_[0-9a-f]{32}\.html$",
               "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_6cb42957741440c6984de696b70df9ae.html"),
    "mofcom_exportcontrol": ("exportcontrol.mofcom.gov.cn", r"/article/zcfg/.+\.html$",
                             "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/"
                             "202510/1170.html"),
    "mofcom_consulates": ("mumbai.mofcom.gov.cn", r"/article/jmxw/\d{6}/\d+\.shtml$",
                          "https://mumbai.mofcom.gov.cn/article/jmxw/202510/20251003755432.shtml"),
    "customs": ("www.customs.gov.cn", r"/302275/\d+/index\.html$",
                "https://www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302275/"
                "6736521/index.html"),
    "globaltimes": ("www.globaltimes.cn", r"/page/\d{6}/\d+\.shtml$",
                    "https://www.globaltimes.cn/page/202510/1345791.shtml"),
    "chinadaily": ("www.chinadaily.com.cn", r"/a/\d{6}/\d{2}/WS[0-9a-f]{24}\.html$",
                   "https://www.chinadaily.com.cn/a/202510/08/WS68e5be98a310d6866eb3a03e.html"),
}


@dataclass(frozen=True)
class Case:
    source: str
    kind: Kind
    scope: Scope
    reported: bool = True  # the fault must show as a problem naming the URL

    @property
    def name(self) -> str:
        return f"{self.source}-{self.kind}-{self.scope}"

    def fault(self) -> Fault:
        host, articles, article = SOURCES[self.source]
        return Fault(self.kind, host, self.scope, articles=articles,
                     url=article if self.scope is Scope.ARTICLE else None)

    def faulted_url(self) -> str:
        """A URL the problems must name: the article, or the source's host."""
        host, _, article = SOURCES[self.source]
        return article if self.scope is Scope.ARTICLE else host


CASES: list[Case] = [
    Case("mofcom", Kind.HTTP_503, Scope.SOURCE),
    Case("mofcom", Kind.HTTP_500, Scope.LISTS),
    Case("mofcom", Kind.HTTP_502, Scope.ARTICLE),
    Case("mofcom", Kind.SLOW, Scope.ARTICLE),
    Case("mofcom", Kind.RESET_BEFORE_HEADERS, Scope.LISTS),
    Case("mofcom", Kind.RESET_MID_BODY, Scope.ARTICLE),
    Case("mofcom", Kind.CHALLENGE_412, Scope.SOURCE),
    Case("mofcom", Kind.NOT_FOUND, Scope.ARTICLE),
    Case("mofcom", Kind.TRUNCATED, Scope.ARTICLE),
    Case("mofcom", Kind.GBK_DECLARED_UTF8, Scope.ARTICLE, reported=False),
    Case("mofcom", Kind.UTF8_DECLARED_GBK, Scope.ARTICLE, reported=False),
    Case("mofcom", Kind.HUGE, Scope.ARTICLE),
    Case("mofcom", Kind.REDIRECT_LOOP, Scope.ARTICLE),
    Case("mofcom", Kind.REDIRECT_CHAIN, Scope.ARTICLE),
    Case("mofcom", Kind.REDIRECT_OFFSITE, Scope.ARTICLE),
    Case("mofcom", Kind.MISSING_BODY, Scope.ARTICLE),
    Case("mofcom", Kind.EMPTY_LIST, Scope.LISTS),
    Case("mofcom", Kind.HTTP_503, Scope.ARTICLES),
    *(Case(source, Kind.HTTP_503, Scope.SOURCE) for source in SOURCES if source != "mofcom"),
    *(Case(source, Kind.REDIRECT_OFFSITE, Scope.ARTICLE) for source in SOURCES
      if source != "mofcom"),
    Case("mofcom_exportcontrol", Kind.EMPTY_LIST, Scope.LISTS),
    Case("globaltimes", Kind.MISSING_BODY, Scope.ARTICLE),
    Case("mofcom", Kind.FORGED_CERTIFICATE, Scope.SOURCE),
]


@dataclass
class Night:
    as_of: str
    exit_status: int
    stderr: str
    report: dict
    versions: int
    integrity: str


@dataclass
class Outcome:
    """What a case's faulty nights did, and what of the contract they broke."""

    case: Case
    nights: list[Night] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return not self.broken


def crawl_night(source: str, db: Path, reports: Path, as_of: str, proxy: FaultProxy,
                workdir: Path) -> Night:
    """One night of one source through the proxy, in a child process."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("REGWATCH_") and "proxy" not in k.lower()}
    env.update(proxy.environ())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, str(CRAWL), "--spider", source, "--db", str(db),
               "--reports", str(reports), "--as-of", as_of, "--timeout", str(TIMEOUT),
               "--extra-ca", str(proxy.ca_file), "--log", str(workdir / f"{as_of}.log")]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=300)
    conn = sqlite3.connect(db)
    try:
        run_id = conn.execute("select id from runs order by rowid desc limit 1").fetchone()[0]
        versions = conn.execute("select count(*) from document_versions").fetchone()[0]
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()
    path = reports / f"{run_id}.json"
    report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return Night(as_of, result.returncode, result.stderr, report, versions, integrity)


def healthy_archive(source: str, folder: Path) -> Path:
    """The archive of one healthy night of the source (built once per source)."""
    db = folder / f"healthy-{source}.db"
    if not db.exists():
        with FaultProxy(MIRROR, folder / f"proxy-{source}", slow_seconds=SLOW_SECONDS) as proxy:
            night = crawl_night(source, db, folder / f"reports-{source}",
                                HEALTHY_NIGHT.isoformat(), proxy, folder)
        assert night.exit_status == 0, night.stderr
    return db


def change_key(change: dict) -> tuple[str, str | None, str | None]:
    return change["kind"], change.get("measure"), change.get("url")


def judge(case: Case, nights: Iterable[Night], healthy_versions: int,
          control: list[Night]) -> list[str]:
    """What the faulty nights broke of the contract (empty: the case held); control: the same
    nights without the fault."""
    broken = []
    nights = list(nights)
    reported = False
    for night, clean in zip(nights, control, strict=True):
        if night.exit_status != 0:
            broken.append(f"{night.as_of}: exit {night.exit_status}: "
                          f"{night.stderr.strip().splitlines()[-1:]}")
        changes = night.report.get("changes", [])
        expected = {change_key(c) for c in clean.report.get("changes", [])}
        for change in changes:
            if change["kind"] in FORBIDDEN and change_key(change) not in expected:
                broken.append(f"{night.as_of}: {change['kind']}: {change['summary'][:150]}")
        if night.versions != healthy_versions:
            broken.append(f"{night.as_of}: {night.versions - healthy_versions} new versions")
        if night.integrity != "ok":
            broken.append(f"{night.as_of}: integrity_check {night.integrity}")
        problems = [p for s in night.report.get("sources", []) if s["name"] == case.source
                    for p in s["problems"]]
        named = any(case.faulted_url() in p for p in problems)
        flagged = any(c["kind"] == "source_problem" and c["source"] == case.source
                      for c in changes)
        reported = reported or flagged
        if case.reported and not named:
            broken.append(f"{night.as_of}: no problem names {case.faulted_url()} "
                          f"(problems: {problems[:3]})")
    if case.reported and not reported:
        broken.append("no source_problem was reported")
    return broken


def later_nights(source: str, folder: Path, fault: Fault | None) -> list[Night]:
    """The healthy archive (copied), then FAULTY_NIGHTS nights, with the fault if any."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "archive.db"
    shutil.copy(healthy_archive(source, folder.parent), db)
    nights = []
    with FaultProxy(MIRROR, folder / "proxy", slow_seconds=SLOW_SECONDS) as proxy:
        if fault is not None:
            proxy.inject(fault)
        for day in range(1, FAULTY_NIGHTS + 1):
            as_of = (HEALTHY_NIGHT + timedelta(days=day)).isoformat()
            nights.append(crawl_night(source, db, folder / "reports", as_of, proxy, folder))
    return nights


def run_case(case: Case, folder: Path, control: dict[str, list[Night]]) -> Outcome:
    """The faulty nights of a case, judged against the same nights without the fault."""
    healthy_versions = sqlite3.connect(healthy_archive(case.source, folder)).execute(
        "select count(*) from document_versions").fetchone()[0]
    outcome = Outcome(case, later_nights(case.source, folder / case.name, case.fault()))
    outcome.broken = judge(case, outcome.nights, healthy_versions, control[case.source])
    return outcome


def run_cases(cases: Iterable[Case], folder: Path, workers: int = 3) -> list[Outcome]:
    """Every case, several at a time (each crawl is its own process)."""
    cases = list(cases)
    sources = list(dict.fromkeys(c.source for c in cases))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda s: healthy_archive(s, folder), sources))
        control = dict(zip(sources, pool.map(
            lambda s: later_nights(s, folder / f"control-{s}", None), sources), strict=True))
        return list(pool.map(lambda case: run_case(case, folder, control), cases))


def table(outcomes: list[Outcome]) -> str:
    lines = ["| source | fault | scope | held | what broke |", "|---|---|---|---|---|"]
    for o in outcomes:
        lines.append(f"| {o.case.source} | {o.case.kind} | {o.case.scope} | "
                     f"{'yes' if o.held else 'NO'} | {'; '.join(o.broken)[:300]} |")
    held = sum(o.held for o in outcomes)
    lines.append(f"\n{held} of {len(outcomes)} cases held "
                 f"({len(outcomes) * FAULTY_NIGHTS} faulty nights)")
    return "\n".join(lines)


def main() -> int:
    import tempfile

    pattern = re.compile(sys.argv[1]) if len(sys.argv) > 1 else None
    cases = [c for c in CASES if pattern is None or pattern.search(c.name)]
    with tempfile.TemporaryDirectory(prefix="regwatch-faults-") as folder:
        outcomes = run_cases(cases, Path(folder))
    print(table(outcomes))
    return 0 if all(o.held for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
