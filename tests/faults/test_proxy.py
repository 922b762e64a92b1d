"""The fault proxy itself, with plain clients (http.client / urllib through the proxy, trusting
the test CA): the mirror's answers, each fault kind, scopes, certificates, and a clean stop."""

from __future__ import annotations

import http.client
import json
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from crawler.challenge import challenge_kind
from crawler.mirror import parse_mirror_file
from faults.conftest import (
    ARTICLE_PATHS,
    ARTICLES,
    BODY_TEXT,
    HOST,
    JSON_ARTICLES,
    JSON_HOST,
    JSON_LIST_PATH,
    LIST_PATH,
    SLOW_SECONDS,
    Site,
    build_site,
    proxy_threads,
)
from faults.proxy import (
    HUGE_BYTES,
    MARK,
    OFFSITE_HOST,
    Fault,
    FaultProxy,
    Kind,
    Scope,
)

TIMEOUT = 2.0  # seconds, every client call


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def client_context(proxy: FaultProxy) -> ssl.SSLContext:
    """A verifying client context that trusts the proxy's test CA (and nothing else)."""
    return ssl.create_default_context(cafile=str(proxy.ca_file))  # only that CA


def connect(proxy: FaultProxy, url: str, timeout: float = TIMEOUT) -> http.client.HTTPConnection:
    """A connection through the proxy: a CONNECT tunnel for https, absolute-form for http."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(
            "127.0.0.1", proxy.port, timeout=timeout, context=client_context(proxy))
        conn.set_tunnel(parts.hostname or "", parts.port or 443)
        return conn
    return http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=timeout)


def fetch(proxy: FaultProxy, url: str, *, method: str = "GET", form: dict | None = None,
          timeout: float = TIMEOUT) -> Reply:
    """One request through the proxy (redirects not followed), the whole body read."""
    conn = connect(proxy, url, timeout)
    try:
        target = url if urlsplit(url).scheme == "http" else _origin_form(url)
        body = urlencode(form).encode() if form is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if form else {}
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        conn.close()


def _origin_form(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def opener(proxy: FaultProxy) -> urllib.request.OpenerDirector:
    """urllib through the proxy, verifying with the test CA."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({"http": proxy.url, "https": proxy.url}),
        urllib.request.HTTPSHandler(context=client_context(proxy)))


# --- the healthy path ---------------------------------------------------------------------


def test_https_is_tunnelled_and_answered_from_the_mirror(proxy, site):
    url = site.url(LIST_PATH)

    with opener(proxy).open(url, timeout=TIMEOUT) as response:
        body = response.read()
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/html"  # guessed as the mirror does
        assert response.headers["Content-Length"] == str(len(body))

    assert body == site.file(LIST_PATH).read_bytes()
    assert proxy.tunnels == [HOST]
    assert proxy.hits_for(url) == [proxy.hits[0]]
    assert (proxy.hits[0].method, proxy.hits[0].status, proxy.hits[0].fault) == ("GET", 200, None)


def test_plain_http_is_answered_from_the_mirror(proxy, site):
    url = site.url(ARTICLE_PATHS[0], scheme="http")

    reply = fetch(proxy, url)

    assert (reply.status, reply.body) == (200, site.file(ARTICLE_PATHS[0]).read_bytes())
    assert proxy.tunnels == []
    assert proxy.hits[0].url == url


def test_keep_alive_tunnel_serves_several_requests(proxy, site):
    conn = connect(proxy, site.url(LIST_PATH))
    try:
        for path in (LIST_PATH, *ARTICLE_PATHS):
            conn.request("GET", path)
            response = conn.getresponse()
            assert (response.status, response.read()) == (200, site.file(path).read_bytes())
    finally:
        conn.close()
    assert proxy.tunnels == [HOST]
    assert [urlsplit(h.url).path for h in proxy.hits] == [LIST_PATH, *ARTICLE_PATHS]


def test_form_post_maps_like_the_mirror(proxy, site):
    # fields in another order than the file name's: the mirror sorts them
    reply = fetch(proxy, site.url(JSON_LIST_PATH, JSON_HOST), method="POST",
                  form={"pageNumber": "1", "columnID": "15"})

    assert reply.status == 200
    assert reply.header("Content-Type") == "application/json"  # guessed from the body
    assert json.loads(reply.body)["pageInfo"]["total"] == 2
    other_page = fetch(proxy, site.url(JSON_LIST_PATH, JSON_HOST), method="POST",
                       form={"pageNumber": "2", "columnID": "15"})
    assert (other_page.status, other_page.body) == (404, b"")


def test_saved_status_and_headers_are_answered_as_saved(proxy, site):
    reply = fetch(proxy, site.url("/old/index.html"))

    status, headers, _ = parse_mirror_file(site.file("/old/index.html").read_bytes())
    assert reply.status == status == 301
    assert reply.header("Location") == site.url(LIST_PATH)


def test_a_url_with_no_file_is_404(proxy, site):
    reply = fetch(proxy, site.url("/nowhere.html"))

    assert (reply.status, reply.body) == (404, b"")
    assert proxy.hits[-1].status == 404


# --- scopes -----------------------------------------------------------------------------------


def statuses(proxy: FaultProxy, site: Site) -> list[int]:
    """The status of the list page and of each article, now."""
    return [fetch(proxy, site.url(path)).status for path in (LIST_PATH, *ARTICLE_PATHS)]


@pytest.mark.parametrize(("scope", "expected"), [
    (Scope.SOURCE, [503, 503, 503]),
    (Scope.LISTS, [503, 200, 200]),
    (Scope.ARTICLES, [200, 503, 503]),
    (Scope.ARTICLE, [200, 200, 503]),
])
def test_scope_chooses_the_faulty_urls(proxy, site, scope, expected):
    proxy.inject(Fault(Kind.HTTP_503, HOST, scope, articles=ARTICLES,
                       url=site.url(ARTICLE_PATHS[1], scheme="http")))

    assert statuses(proxy, site) == expected
    assert [h.fault for h in proxy.hits] == [
        Kind.HTTP_503 if status == 503 else None for status in expected]
    assert fetch(proxy, site.url(JSON_LIST_PATH, JSON_HOST), method="POST",
                 form={"columnID": "15", "pageNumber": "1"}).status == 200  # another host


def test_source_as_a_url_pattern(proxy, site):
    proxy.inject(Fault(Kind.HTTP_500, re.compile(r"^https://[^/]*mofcom\.gov\.cn/zwgk/")))

    assert statuses(proxy, site) == [500, 500, 500]
    assert fetch(proxy, site.url(LIST_PATH, scheme="http")).status == 200  # http:// not matched


def test_times_limits_a_fault_then_the_source_is_healthy(proxy, site):
    proxy.inject(Fault(Kind.HTTP_502, HOST, times=2))

    assert [fetch(proxy, site.url(LIST_PATH)).status for _ in range(3)] == [502, 502, 200]


def test_first_matching_fault_wins_and_clear_heals(proxy, site):
    proxy.inject(Fault(Kind.NOT_FOUND, HOST, Scope.ARTICLE, url=site.url(ARTICLE_PATHS[0])))
    proxy.inject(Fault(Kind.HTTP_500, HOST))

    assert statuses(proxy, site) == [500, 404, 500]
    proxy.clear()
    assert statuses(proxy, site) == [200, 200, 200]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": Kind.HTTP_500, "source": "https://www.mofcom.gov.cn/"}, "host name or a re.Pattern"),
    ({"kind": Kind.HTTP_500, "source": HOST, "scope": Scope.ARTICLES}, "needs `articles`"),
    ({"kind": Kind.EMPTY_LIST, "source": HOST}, "needs `articles`"),
    ({"kind": Kind.HTTP_500, "source": HOST, "scope": Scope.ARTICLE}, "needs `url`"),
    ({"kind": Kind.FORGED_CERTIFICATE, "source": HOST, "scope": Scope.LISTS,
      "articles": ARTICLES}, "acts on a whole host"),
    ({"kind": Kind.FORGED_CERTIFICATE, "source": re.compile("mofcom")}, "acts on a whole host"),
    ({"kind": Kind.HTTP_500, "source": HOST, "times": 0}, "at least 1"),
])
def test_a_fault_that_cannot_apply_is_refused(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Fault(**kwargs)


# --- each fault kind --------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "status"), [
    (Kind.HTTP_500, 500), (Kind.HTTP_502, 502), (Kind.HTTP_503, 503)])
def test_server_errors(proxy, site, kind, status):
    proxy.inject(Fault(kind, HOST))

    reply = fetch(proxy, site.url(LIST_PATH))

    assert reply.status == status
    assert str(status).encode() in reply.body and BODY_TEXT.encode() not in reply.body


@pytest.mark.faults
def test_slow_answer_outlasts_the_client_timeout(proxy, site):
    proxy.inject(Fault(Kind.SLOW, HOST, Scope.ARTICLES, articles=ARTICLES))

    started = time.monotonic()
    with pytest.raises(TimeoutError):
        fetch(proxy, site.url(ARTICLE_PATHS[0]), timeout=1.0)
    assert 0.9 < time.monotonic() - started < SLOW_SECONDS
    assert fetch(proxy, site.url(LIST_PATH)).status == 200  # the list is not slowed
    [slow] = proxy.hits_for(site.url(ARTICLE_PATHS[0]))
    assert slow.fault is Kind.SLOW


def test_slow_answer_is_the_healthy_answer_when_waited_for(site, tmp_path):
    with FaultProxy(site.root, tmp_path / "proxy", slow_seconds=0.3) as proxy:
        proxy.inject(Fault(Kind.SLOW, HOST))
        started = time.monotonic()
        reply = fetch(proxy, site.url(LIST_PATH))
        assert time.monotonic() - started >= 0.3
    assert (reply.status, reply.body) == (200, site.file(LIST_PATH).read_bytes())


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_reset_before_headers(proxy, site, scheme):
    proxy.inject(Fault(Kind.RESET_BEFORE_HEADERS, HOST))

    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
        fetch(proxy, site.url(LIST_PATH, scheme=scheme))
    assert proxy.hits[-1].status is None and proxy.hits[-1].fault is Kind.RESET_BEFORE_HEADERS


def read_partial(proxy: FaultProxy, url: str) -> tuple[int, int, BaseException | None]:
    """(status, promised length, the error that ended the body or None) of one GET."""
    conn = connect(proxy, url)
    try:
        conn.request("GET", url if url.startswith("http://") else _origin_form(url))
        response = conn.getresponse()
        promised = int(response.headers["Content-Length"])
        try:
            response.read()
        except (OSError, http.client.HTTPException) as error:
            return response.status, promised, error
        return response.status, promised, None
    finally:
        conn.close()


def wait_for(condition, seconds: float = TIMEOUT):
    """The condition's value once true (polled), or its last value after `seconds`."""
    deadline = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return value


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_reset_mid_body(proxy, site, scheme):
    proxy.inject(Fault(Kind.RESET_MID_BODY, HOST))
    whole = site.file(LIST_PATH).read_bytes()

    status, promised, error = read_partial(proxy, site.url(LIST_PATH, scheme=scheme))

    assert (status, promised) == (200, len(whole))
    # the RST reaches the client as a reset, or (TLS, ragged EOF) as a short body
    assert isinstance(error, ConnectionResetError | http.client.IncompleteRead), repr(error)
    if isinstance(error, http.client.IncompleteRead):
        assert whole.startswith(error.partial) and len(error.partial) <= len(whole) // 2


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_truncated_body_promises_more_than_it_sends(proxy, site, scheme):
    proxy.inject(Fault(Kind.TRUNCATED, HOST))
    whole = site.file(ARTICLE_PATHS[0]).read_bytes()

    with pytest.raises(http.client.IncompleteRead) as caught:
        fetch(proxy, site.url(ARTICLE_PATHS[0], scheme=scheme))

    assert caught.value.partial == whole[:len(whole) // 2]
    assert caught.value.expected == len(whole) - len(whole) // 2


def test_412_challenge_is_a_ruishu_page(proxy, site):
    proxy.inject(Fault(Kind.CHALLENGE_412, HOST, Scope.LISTS, articles=ARTICLES))

    reply = fetch(proxy, site.url(LIST_PATH))

    assert reply.status == 412
    assert reply.header("Set-Cookie")
    headers = {name: [value.encode()] for name, value in reply.headers.items()}
    assert challenge_kind(412, headers, reply.body) == "Ruishu $_ts challenge (HTTP 412)"


def test_404_of_an_archived_article(proxy, site):
    url = site.url(ARTICLE_PATHS[0])
    assert fetch(proxy, url).status == 200
    proxy.inject(Fault(Kind.NOT_FOUND, HOST, Scope.ARTICLE, url=url))

    assert fetch(proxy, url).status == 404
    assert fetch(proxy, site.url(ARTICLE_PATHS[1])).status == 200


def test_gbk_bytes_declared_utf8(proxy, site):
    proxy.inject(Fault(Kind.GBK_DECLARED_UTF8, HOST))

    reply = fetch(proxy, site.url(ARTICLE_PATHS[0]))

    assert reply.header("Content-Type") == "text/html; charset=utf-8"
    assert b'<meta charset="utf-8">' in reply.body
    assert BODY_TEXT in reply.body.decode("gbk")
    with pytest.raises(UnicodeDecodeError):
        reply.body.decode("utf-8")


def test_utf8_bytes_declared_gbk(proxy, site):
    proxy.inject(Fault(Kind.UTF8_DECLARED_GBK, HOST))

    reply = fetch(proxy, site.url(ARTICLE_PATHS[0]))

    assert reply.header("Content-Type") == "text/html; charset=gbk"
    assert b'<meta charset="gbk">' in reply.body
    assert BODY_TEXT in reply.body.decode("utf-8")
    assert BODY_TEXT not in reply.body.decode("gbk", errors="replace")


@pytest.mark.faults
def test_huge_page_is_20_mb_with_the_article_intact(proxy, site):
    proxy.inject(Fault(Kind.HUGE, HOST, Scope.ARTICLES, articles=ARTICLES))

    reply = fetch(proxy, site.url(ARTICLE_PATHS[0]), timeout=10)

    assert len(reply.body) == int(reply.header("Content-Length")) == HUGE_BYTES == 20 * 2**20
    assert BODY_TEXT.encode() in reply.body
    assert reply.body.rstrip().endswith(b"</html>")


def follow(proxy: FaultProxy, url: str, hops: int) -> list[tuple[int, str | None]]:
    """(status, Location) of up to `hops` answers, following redirects by hand."""
    seen = []
    for _ in range(hops):
        reply = fetch(proxy, url)
        location = reply.header("Location")
        seen.append((reply.status, location))
        if location is None:
            break
        url = location
    return seen


def test_redirect_loop_goes_a_b_a(proxy, site):
    a = site.url(ARTICLE_PATHS[0])
    proxy.inject(Fault(Kind.REDIRECT_LOOP, HOST, Scope.ARTICLE, url=a))

    seen = follow(proxy, a, 5)

    b = seen[0][1]
    assert b is not None and b != a and urlsplit(b).path == urlsplit(a).path
    assert seen == [(302, b), (302, a), (302, b), (302, a), (302, b)]


def test_endless_redirect_chain(proxy, site):
    a = site.url(ARTICLE_PATHS[0])
    proxy.inject(Fault(Kind.REDIRECT_CHAIN, HOST, Scope.ARTICLES, articles=ARTICLES))

    seen = follow(proxy, a, 25)

    locations = [location for _, location in seen]
    assert len(seen) == 25 and {status for status, _ in seen} == {302}
    assert len(set(locations)) == 25 and a not in locations
    assert locations[-1].endswith(f"{MARK}=chain-25")


def test_offsite_redirect_leads_to_another_host(proxy, site):
    a = site.url(LIST_PATH)
    proxy.inject(Fault(Kind.REDIRECT_OFFSITE, HOST, Scope.LISTS, articles=ARTICLES))

    seen = follow(proxy, a, 3)

    assert seen == [(302, f"https://{OFFSITE_HOST}{LIST_PATH}"), (404, None)]
    assert proxy.tunnels == [HOST, OFFSITE_HOST]


def test_missing_body_container(proxy, site):
    proxy.inject(Fault(Kind.MISSING_BODY, HOST, Scope.ARTICLES, articles=ARTICLES))

    reply = fetch(proxy, site.url(ARTICLE_PATHS[0]))

    text = reply.body.decode("utf-8")
    assert reply.status == 200
    assert 'id="zoom"' not in text and "art-con" not in text and BODY_TEXT not in text
    assert "商务部公告2025年第61号" in text  # the title is still there
    assert "主办单位" in text  # and the footer


def test_missing_body_with_a_selector_of_the_test(proxy, site):
    proxy.inject(Fault(Kind.MISSING_BODY, HOST, container=("h1.art-title",)))

    text = fetch(proxy, site.url(ARTICLE_PATHS[0])).body.decode("utf-8")

    assert "art-title" not in text and BODY_TEXT in text


def test_empty_html_list(proxy, site):
    proxy.inject(Fault(Kind.EMPTY_LIST, HOST, Scope.LISTS, articles=ARTICLES))

    reply = fetch(proxy, site.url(LIST_PATH))

    text = reply.body.decode("utf-8")
    assert reply.status == 200
    assert "<li" not in text and "/art/" not in text
    assert 'class="txtList_01"' in text and "index_2.html" in text  # the frame and pager stay


def test_empty_json_list(proxy, site):
    proxy.inject(Fault(Kind.EMPTY_LIST, JSON_HOST, Scope.LISTS, articles=JSON_ARTICLES))

    reply = fetch(proxy, site.url(JSON_LIST_PATH, JSON_HOST), method="POST",
                  form={"columnID": "15", "pageNumber": "1"})

    data = json.loads(reply.body)
    assert data["pageInfo"]["rows"] == []
    assert (data["code"], data["pageInfo"]["total"]) == (200, 2)  # the rest as it was


# --- certificates -----------------------------------------------------------------------------


def test_certificate_is_from_the_test_ca_for_the_requested_host(proxy, site):
    for host in (HOST, JSON_HOST, "127.0.0.1"):
        url = site.url("/nowhere.html", host=host)
        assert fetch(proxy, url).status == 404  # verified (CA and host name) by the client
    untrusting = ssl.create_default_context()  # the system's CAs only
    conn = http.client.HTTPSConnection("127.0.0.1", proxy.port, timeout=TIMEOUT,
                                       context=untrusting)
    conn.set_tunnel(HOST, 443)
    with pytest.raises(ssl.SSLCertVerificationError, match="unable to get local issuer"):
        conn.request("GET", LIST_PATH)
    conn.close()


@pytest.mark.parametrize(("kind", "reason"), [
    (Kind.FORGED_CERTIFICATE, "self-signed certificate"),
    (Kind.WRONG_HOST_CERTIFICATE, "Hostname mismatch"),
    (Kind.EXPIRED_CERTIFICATE, "certificate has expired"),
])
def test_bad_certificate_for_one_host_is_refused_by_a_verifying_client(proxy, site, kind, reason):
    proxy.inject(Fault(kind, HOST))

    with pytest.raises(ssl.SSLCertVerificationError, match=reason):
        fetch(proxy, site.url(LIST_PATH))

    assert proxy.hits == []  # nothing was asked through a refused tunnel
    [(host, error)] = wait_for(lambda: list(proxy.tls_failures))
    assert host == HOST and "alert" in error.lower(), error  # the client refused it
    assert fetch(proxy, site.url(JSON_LIST_PATH, JSON_HOST), method="POST",
                 form={"columnID": "15", "pageNumber": "1"}).status == 200  # other hosts fine


def test_forged_certificate_is_served_to_a_client_that_does_not_verify(proxy, site):
    proxy.inject(Fault(Kind.FORGED_CERTIFICATE, HOST))
    careless = ssl.create_default_context()
    careless.check_hostname, careless.verify_mode = False, ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", proxy.port, timeout=TIMEOUT,
                                       context=careless)
    conn.set_tunnel(HOST, 443)
    try:
        conn.request("GET", LIST_PATH)
        response = conn.getresponse()
        assert (response.status, response.read()) == (200, site.file(LIST_PATH).read_bytes())
        peer = conn.sock.getpeercert(binary_form=True)
    finally:
        conn.close()
    from cryptography import x509

    certificate = x509.load_der_x509_certificate(peer)
    assert certificate.issuer == certificate.subject  # self-signed
    assert HOST in certificate.subject.rfc4514_string()


# --- nothing left behind --------------------------------------------------------------------


def test_stop_closes_open_connections_and_releases_slow_answers(tmp_path):
    site = build_site(tmp_path / "mirror")
    workdir = tmp_path / "proxy"
    proxy = FaultProxy(site.root, workdir, slow_seconds=60).start()
    port = proxy.port
    idle = connect(proxy, site.url(LIST_PATH), timeout=5)
    idle.request("GET", LIST_PATH)
    idle.getresponse().read()  # a keep-alive tunnel left open
    proxy.inject(Fault(Kind.SLOW, HOST))
    waiting = socket.create_connection(("127.0.0.1", port), timeout=5)
    waiting.sendall(f"GET {site.url(LIST_PATH, scheme='http')} HTTP/1.1\r\n"
                    f"Host: {HOST}\r\n\r\n".encode())  # answered in 60 s
    time.sleep(0.2)
    assert len(proxy_threads()) == 3  # the server loop and two handlers

    started = time.monotonic()
    proxy.stop()

    assert time.monotonic() - started < 3
    assert proxy_threads() == []
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1)
    idle.close()
    waiting.close()
    assert all(path.is_relative_to(tmp_path) for path in workdir.rglob("*"))
    assert sorted(p.name for p in workdir.iterdir()) == ["certs", "test-ca.pem"]


def test_a_missing_mirror_is_refused_before_listening(tmp_path):
    with pytest.raises(ValueError, match="mirror folder not found"):
        FaultProxy(tmp_path / "nope", tmp_path / "proxy").start()
    assert proxy_threads() == []


def test_urllib_follows_a_redirect_loop_until_it_gives_up(proxy, site):
    proxy.inject(Fault(Kind.REDIRECT_LOOP, HOST))

    with pytest.raises(urllib.error.HTTPError, match="infinite loop"):
        opener(proxy).open(site.url(LIST_PATH), timeout=TIMEOUT)
    assert {h.fault for h in proxy.hits} == {Kind.REDIRECT_LOOP}


def test_environ_routes_a_child_through_the_proxy(proxy):
    env = proxy.environ()
    assert env["https_proxy"] == env["http_proxy"] == f"http://127.0.0.1:{proxy.port}"
    assert env["no_proxy"] == ""
    assert Path(proxy.ca_file).read_text().startswith("-----BEGIN CERTIFICATE-----")
