"""Certificate verification (crawler/tls.py): real crawls of the MOFCOM spider through the fault
proxy (tests/faults/proxy.py) serving the demo's first night, over HTTPS tunnels whose TLS the
proxy ends with a certificate of its test CA, or a forged, misnamed or expired one.

Each crawl is a child process (tests/faults/crawl.py: the project's settings, spider, pipelines
and SourceHealth, with https_proxy set) writing a real SQLite archive.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO
from faults.conftest import proxy_threads
from faults.proxy import WRONG_HOST, Fault, FaultProxy, Kind
from scrapy.exceptions import DownloadFailedError, DownloadTimeoutError
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

from crawler.tls import (
    INSECURE_FLAG,
    INSECURE_STAT,
    CertificateVerifyError,
    InsecureTLSFlagMiddleware,
    VerifyingContextFactory,
    certificate_failure,
    check_ca_file,
    fetched_insecurely,
    insecure_hosts,
    verify_error_text,
)
from pipelines.archive import Archive
from pipelines.evidence import read_evidence

CRAWL = REPO / "tests" / "faults" / "crawl.py"
MIRROR = REPO / "demo" / "nights" / "2025-10-09"
AS_OF = "2025-10-09"
HOST = "www.mofcom.gov.cn"
LIST_URLS = [  # the MOFCOM spider's lists on a first night in October 2025: this year's index,
    f"https://{HOST}/zcfb/blgg/gg/2025/index.html",  # the policy list, and (walking back to the
    f"https://{HOST}/zwgk/zcfb/index.html",  # default backfill_since) every older year's index
    *(f"https://{HOST}/zcfb/blgg/gg/{year}/index.html" for year in range(2024, 2019, -1)),
]
CRAWL_TIMEOUT = 60  # seconds, per child process


@dataclass
class Crawl:
    source: dict
    change_kinds: list[str]
    documents: list[str]
    responses: list[dict]
    stats: dict
    log: str
    versions: list[dict]  # every document version: url, insecure_tls, warc_file, warc_offset
    annexes: list[dict]  # every annex row: url, insecure_tls, warc_file, warc_offset
    evidence: Path  # the run's evidence folder (pipelines.evidence)


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[FaultProxy]:
    with FaultProxy(MIRROR, tmp_path / "proxy") as running:
        yield running
    assert proxy_threads() == [] and running.errors == []


def crawl(proxy: FaultProxy, tmp_path: Path, *, extra_ca: bool = True,
          insecure: tuple[str, ...] = (), insecure_sources: tuple[str, ...] = ()) -> Crawl:
    """One crawl of the mofcom spider through the proxy, into tmp_path/archive.db (hosts made
    insecure by name, or by a source's `insecure_tls = true`)."""
    db = tmp_path / "archive.db"
    log, stats, responses = (tmp_path / name for name in ("crawl.log", "stats.json",
                                                          "responses.jsonl"))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("REGWATCH_") and "proxy" not in k.lower()}
    env.update(proxy.environ())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, str(CRAWL), "--spider", "mofcom", "--db", str(db),
               "--reports", str(tmp_path / "reports"), "--as-of", AS_OF, "--timeout", "3",
               "--log", str(log), "--stats", str(stats), "--responses", str(responses)]
    if extra_ca:
        command += ["--extra-ca", str(proxy.ca_file)]
    for host in insecure:
        command += ["--insecure-host", host]
    for name in insecure_sources:
        command += ["--insecure-source", name]
    proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=CRAWL_TIMEOUT)
    log_text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert proc.returncode == 0, f"crawl failed:\n{proc.stderr[-3000:]}\n{log_text[-3000:]}"
    archive = Archive.open(db, create=False)
    try:
        run_id = archive.latest_run_id()
        [source] = archive.run_sources(run_id)
        kinds = sorted(change["kind"] for change in archive.changes(run_id))
        documents = [row["url"] for row in archive.db.query("select url from documents")]
        versions = list(archive.db.query(
            "select d.url, v.insecure_tls, v.warc_file, v.warc_offset from document_versions v "
            "join documents d on d.id = v.document order by v.id"))
        annexes = list(archive.db.query(
            "select url, insecure_tls, warc_file, warc_offset from annexes order by id"))
    finally:
        archive.close()
    lines = responses.read_text(encoding="utf-8").splitlines() if responses.exists() else []
    return Crawl(source, kinds, documents, [json.loads(line) for line in lines],
                 json.loads(stats.read_text(encoding="utf-8")), log_text, versions, annexes,
                 tmp_path / "evidence" / "archive")


def recorded_insecure(result: Crawl, rows: list[dict]) -> set[bool]:
    """What the WARC records of these rows say of TLS (WARC-regwatch-insecure-tls)."""
    return {read_evidence(result.evidence, row["warc_file"], row["warc_offset"]).insecure_tls
            for row in rows}


def mirrored_articles() -> set[str]:
    """The article URLs the demo night holds for www.mofcom.gov.cn."""
    root = MIRROR / HOST
    return {f"https://{HOST}/{path.relative_to(root).as_posix()}"
            for path in root.rglob("art_*.html")
            if not path.relative_to(root).as_posix().startswith("xwfb/")}  # mofcom_press's


# --- real crawls ------------------------------------------------------------------------------


@pytest.mark.faults
def test_certificate_from_the_trusted_test_ca_is_accepted(proxy, tmp_path):
    result = crawl(proxy, tmp_path)

    assert result.source["status"] == "ok", result.source
    assert result.source["problems"] == []
    assert set(result.documents) == mirrored_articles() and len(result.documents) >= 5
    assert {r["url"] for r in result.responses} >= set(LIST_URLS)
    assert all(r["flags"] == [] for r in result.responses), result.responses
    assert proxy.tls_failures == [] and set(proxy.tunnels) == {HOST}
    assert "certificate verif" not in result.log
    # verified: no version or annex is marked, nor its WARC record
    assert len(result.versions) == len(result.documents) and result.annexes
    assert {row["insecure_tls"] for row in result.versions + result.annexes} == {0}
    assert recorded_insecure(result, result.versions + result.annexes) == {False}


def assert_refused(result: Crawl, proxy: FaultProxy, reason: str) -> None:
    """Nothing fetched, nothing stored; one problem per list page naming it and the reason."""
    assert result.source["status"] == "failed", result.source
    assert result.change_kinds == ["source_problem"]
    assert result.documents == [] and result.responses == []
    assert proxy.hits == []  # no request went through a refused tunnel
    assert {host for host, _ in proxy.tls_failures} == {HOST}
    problems = result.source["problems"]
    refusals = [p for p in problems if "certificate verify failed" in p]
    assert len(refusals) == len(LIST_URLS), problems
    for url in LIST_URLS:
        [problem] = [p for p in problems if f"fetch failed for {url}: " in p]  # (list … page 1:)
        assert f"certificate verify failed: {reason} for {HOST}" in problem, problem


@pytest.mark.faults
@pytest.mark.parametrize(("kind", "reason"), [
    (Kind.FORGED_CERTIFICATE, "self-signed certificate"),
    (Kind.WRONG_HOST_CERTIFICATE, f"hostname mismatch (the certificate is for {WRONG_HOST})"),
    (Kind.EXPIRED_CERTIFICATE, "certificate has expired"),
])
def test_bad_certificate_is_refused_with_a_clear_problem(proxy, tmp_path, kind, reason):
    proxy.inject(Fault(kind, HOST))

    result = crawl(proxy, tmp_path)

    assert_refused(result, proxy, reason)


@pytest.mark.faults
def test_test_ca_is_not_trusted_without_the_extra_ca_file(proxy, tmp_path):
    result = crawl(proxy, tmp_path, extra_ca=False)

    assert_refused(result, proxy, "unable to get local issuer certificate")


@pytest.mark.faults
def test_insecure_host_is_fetched_anyway_and_every_response_flagged(proxy, tmp_path):
    proxy.inject(Fault(Kind.FORGED_CERTIFICATE, HOST))

    result = crawl(proxy, tmp_path, insecure=(HOST,))

    assert result.source["status"] == "ok", result.source
    assert set(result.documents) == mirrored_articles()
    assert proxy.tls_failures == [] and len(proxy.hits) == len(result.responses)
    assert result.responses and all(r["flags"] == [INSECURE_FLAG] for r in result.responses)
    assert result.stats[INSECURE_STAT] == len(result.responses)
    assert result.log.count(f"TLS: {HOST} is fetched without certificate verification") == 1
    assert_marked_insecure(result)


def assert_marked_insecure(result: Crawl) -> None:
    """Every version and annex file so fetched says so: its row (insecure_tls = 1) and its WARC
    record (WARC-regwatch-insecure-tls: true)."""
    assert len(result.versions) == len(result.documents) and result.annexes
    assert {row["insecure_tls"] for row in result.versions + result.annexes} == {1}
    assert all(row["warc_file"] for row in result.versions + result.annexes)
    assert recorded_insecure(result, result.versions + result.annexes) == {True}


@pytest.mark.faults
def test_a_source_set_insecure_tls_marks_every_version_so_fetched(proxy, tmp_path):
    """`[sources.mofcom] insecure_tls = true` (the configuration, not a host list): the forged
    certificate is accepted for the source's hosts and every version is marked."""
    proxy.inject(Fault(Kind.FORGED_CERTIFICATE, HOST))

    result = crawl(proxy, tmp_path, insecure_sources=("mofcom",))

    assert result.source["status"] == "ok", result.source
    assert set(result.documents) == mirrored_articles()
    assert proxy.tls_failures == []
    assert result.responses and all(r["flags"] == [INSECURE_FLAG] for r in result.responses)
    assert_marked_insecure(result)


@pytest.mark.faults
def test_insecure_tls_of_another_host_does_not_relax_this_one(proxy, tmp_path):
    proxy.inject(Fault(Kind.FORGED_CERTIFICATE, HOST))

    result = crawl(proxy, tmp_path, insecure=("mumbai.mofcom.gov.cn",))

    assert_refused(result, proxy, "self-signed certificate")


# --- the parts, in process ----------------------------------------------------------------------


def test_verify_error_text_uses_openssl_words():
    assert verify_error_text(18) == "self-signed certificate"
    assert verify_error_text(20) == "unable to get local issuer certificate"
    assert verify_error_text(10) == "certificate has expired"
    assert verify_error_text(9999) == "X509 verification error 9999"


def test_extra_ca_file_must_exist_and_hold_a_certificate(tmp_path, proxy):
    assert check_ca_file(None) is None and check_ca_file("  ") is None
    assert check_ca_file(str(proxy.ca_file)) == proxy.ca_file
    with pytest.raises(ValueError, match=r"^REGWATCH_EXTRA_CA_FILE: cannot read .*missing\.pem"):
        check_ca_file(tmp_path / "missing.pem")
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("hello", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^REGWATCH_EXTRA_CA_FILE: no PEM certificate in "):
        check_ca_file(not_pem)


def test_insecure_hosts_are_host_names():
    assert insecure_hosts([" WWW.Mofcom.gov.cn. ", "", "mumbai.mofcom.gov.cn"]) == {
        "www.mofcom.gov.cn", "mumbai.mofcom.gov.cn"}
    for bad in ("https://www.mofcom.gov.cn/", "www.mofcom.gov.cn:443", ".mofcom.gov.cn"):
        with pytest.raises(ValueError, match="REGWATCH_INSECURE_TLS_HOSTS: not a host name"):
            insecure_hosts([bad])


def test_factory_reads_its_settings(tmp_path, proxy):
    crawler = get_crawler(settings_dict={
        "REGWATCH_EXTRA_CA_FILE": str(proxy.ca_file),
        "REGWATCH_INSECURE_TLS_HOSTS": "a.example.cn,B.example.cn"})
    factory = VerifyingContextFactory.from_crawler(crawler)
    assert factory.extra_ca_file == proxy.ca_file
    assert factory.insecure_hosts == {"a.example.cn", "b.example.cn"}

    broken = get_crawler(settings_dict={"REGWATCH_EXTRA_CA_FILE": str(tmp_path / "no.pem")})
    with pytest.raises(ValueError, match="REGWATCH_EXTRA_CA_FILE: cannot read"):
        VerifyingContextFactory.from_crawler(broken)


def wrapped_as_scrapy_does(error: Exception) -> Failure:
    """The failure an errback gets: DownloadFailedError from ResponseNeverReceived([...])."""
    try:
        try:
            raise ResponseNeverReceived([Failure(error)])
        except ResponseNeverReceived as never:
            raise DownloadFailedError(str(never)) from never
    except DownloadFailedError:
        return Failure()


def test_certificate_failure_is_found_behind_scrapy_s_wrapping():
    message = f"certificate verify failed: self-signed certificate for {HOST}"
    failure = wrapped_as_scrapy_does(CertificateVerifyError(message))

    assert certificate_failure(failure) == message
    assert certificate_failure(wrapped_as_scrapy_does(ConnectionResetError("reset"))) is None
    assert certificate_failure(Failure(DownloadTimeoutError("took longer"))) is None


def flagged(middleware: InsecureTLSFlagMiddleware, url: str, flags: list[str] | None = None
            ) -> HtmlResponse:
    response = HtmlResponse(url=url, body=b"<html></html>", flags=flags)
    return middleware.process_response(response.request, response)


def test_flag_middleware_marks_only_https_responses_of_insecure_hosts():
    crawler = get_crawler(settings_dict={"REGWATCH_INSECURE_TLS_HOSTS": [HOST]})
    middleware = InsecureTLSFlagMiddleware.from_crawler(crawler)

    assert fetched_insecurely(flagged(middleware, f"https://{HOST}/a.html"))
    assert fetched_insecurely(flagged(middleware, f"https://{HOST.upper()}/b.html"))
    assert not fetched_insecurely(flagged(middleware, f"http://{HOST}/a.html"))  # no TLS at all
    assert not fetched_insecurely(flagged(middleware, "https://english.mofcom.gov.cn/a.html"))
    assert flagged(middleware, f"https://{HOST}/m.html", ["mirror"]).flags == ["mirror"]
    assert crawler.stats.get_value(INSECURE_STAT) == 2
