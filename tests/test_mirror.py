"""The offline mirror (crawler/mirror.py): real files in tmp_path, real Scrapy requests."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from scrapy import FormRequest, Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, JsonResponse, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.mirror import (
    HITS_STAT,
    MISSES_STAT,
    MirrorMiddleware,
    mirror_path,
    parse_mirror_file,
)

HOST = "www.mofcom.gov.cn"
API = "exportcontrol.mofcom.gov.cn/edi_ecms_web_front/front/column/getColumnList"
PAGE = b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>\xe5\x85\xac\xe5\x91\x8a</p></body></html>'  # noqa: E501
API_BODY = b'{"code": 200, "pageInfo": {"pages": 1, "rows": [{"id": 1170}]}}'


def put(root: Path, relative: str, data: bytes) -> Path:
    """Write one mirror file (creating its folders) and return its path."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    return mirror


@pytest.fixture
def mw(root: Path) -> MirrorMiddleware:
    return MirrorMiddleware(root)


def fetch(mw: MirrorMiddleware, request: Request) -> Response:
    response = mw.process_request(request)
    assert isinstance(response, Response)
    return response


# --- mapping --------------------------------------------------------------------------------


def test_plain_get_reads_the_file(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/zwgk/zcfb/art/2025/art_1.html", PAGE)
    response = fetch(mw, Request(f"https://{HOST}/zwgk/zcfb/art/2025/art_1.html"))
    assert response.status == 200
    assert response.body == PAGE
    assert "公告" in response.text


def test_scheme_and_port_are_ignored_host_is_lowercased(root: Path) -> None:
    request = Request("http://WWW.MOFCOM.GOV.CN:8080/a/b.html")
    assert mirror_path(root, request) == root / HOST / "a" / "b.html"


def test_trailing_slash_maps_to_index_html(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/zwgk/zcfb/index.html", PAGE)
    assert mirror_path(root, Request(f"https://{HOST}/zwgk/zcfb/")) == (
        root / HOST / "zwgk" / "zcfb" / "index.html"
    )
    assert fetch(mw, Request(f"https://{HOST}/zwgk/zcfb/")).body == PAGE


def test_empty_path_maps_to_the_hosts_index_html(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/index.html", PAGE)
    assert mirror_path(root, Request(f"https://{HOST}")) == root / HOST / "index.html"
    assert fetch(mw, Request(f"https://{HOST}")).status == 200


def test_folder_without_trailing_slash_is_answered_by_its_index(
    root: Path, mw: MirrorMiddleware
) -> None:
    put(root, f"{HOST}/zwgk/zcfb/index.html", PAGE)
    assert fetch(mw, Request(f"https://{HOST}/zwgk/zcfb")).body == PAGE


def test_query_is_sorted_by_name(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/list?a=1&b=2", b"sorted")
    request = Request(f"https://{HOST}/list?b=2&a=1")
    assert mirror_path(root, request) == root / HOST / "list?a=1&b=2"
    assert fetch(mw, request).body == b"sorted"


def test_query_sort_is_stable_for_equal_names(root: Path) -> None:
    path = mirror_path(root, Request(f"https://{HOST}/l?z=1&k=b&k=a"))
    assert path == root / HOST / "l?k=b&k=a&z=1"


def test_query_on_an_index_and_blank_values(root: Path) -> None:
    path = mirror_path(root, Request(f"https://{HOST}/dir/?page=&x"))
    assert path == root / HOST / "dir" / "index.html?page=&x="


def test_query_values_are_decoded_but_reserved_characters_stay_encoded(root: Path) -> None:
    path = mirror_path(root, Request(f"https://{HOST}/s?q=出口 管制&u=a%2Fb%26c"))
    assert path == root / HOST / "s?q=出口%20管制&u=a%2Fb%26c"


def test_post_form_fields_take_the_place_of_the_query(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{API}?columnID=15&pageNumber=1", API_BODY)
    put(root, f"{API}?columnID=15&pageNumber=2", b'{"page": 2}')
    request = FormRequest(f"http://{API}", formdata={"pageNumber": "1", "columnID": "15"})
    assert request.method == "POST"
    assert mirror_path(root, request) == root / f"{API}?columnID=15&pageNumber=1"
    response = fetch(mw, request)
    assert response.status == 200
    assert response.json()["pageInfo"]["rows"][0]["id"] == 1170


def test_post_form_fields_merge_with_the_url_query(root: Path) -> None:
    request = FormRequest(f"http://{API}?t=9", formdata={"b": "2", "a": "1"})
    assert mirror_path(root, request) == root / f"{API}?a=1&b=2&t=9"


def test_post_with_a_non_form_body_ignores_the_body(root: Path) -> None:
    request = Request(
        f"http://{API}",
        method="POST",
        body=b'{"columnID": 15}',
        headers={"Content-Type": "application/json"},
    )
    assert mirror_path(root, request) == root / API


def test_get_with_a_form_like_body_ignores_the_body(root: Path) -> None:
    request = Request(
        f"http://{API}",
        method="GET",
        body=b"columnID=15",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert mirror_path(root, request) == root / API


def test_percent_encoded_chinese_path(root: Path, mw: MirrorMiddleware) -> None:
    put(root, "mumbai.mofcom.gov.cn/政策/公告.html", PAGE)
    request = Request("https://mumbai.mofcom.gov.cn/政策/公告.html")
    assert "%E6%94%BF%E7%AD%96" in request.url  # Scrapy encodes it; the mirror decodes it
    response = fetch(mw, request)
    assert response.status == 200
    assert response.body == PAGE


@pytest.mark.parametrize(
    "url",
    [
        f"https://{HOST}/a/../../secret.txt",
        f"https://{HOST}/%2E%2E/%2e%2e/secret.txt",
        f"https://{HOST}/..",
        f"https://{HOST}/a%2F..%2F..%2Fsecret.txt",
        f"https://{HOST}/a%00b",
    ],
)
def test_traversal_is_a_miss_and_never_read(root: Path, mw: MirrorMiddleware, url: str) -> None:
    put(root.parent, "secret.txt", b"secret")
    put(root, "secret.txt", b"secret")
    put(root, f"{HOST}/secret.txt", b"secret")
    assert mirror_path(root, Request(url)) is None
    response = fetch(mw, Request(url))
    assert response.status == 404
    assert response.body == b""


def test_dot_dot_host_is_a_miss(root: Path) -> None:
    assert mirror_path(root, Request("http://../x")) is None


# --- saved HTTP answers ---------------------------------------------------------------------

CHALLENGE = (
    b"HTTP/1.1 412 Precondition Failed\r\n"
    b"Server: nginx\r\n"
    b"Content-Type: text/html\r\n"
    b"Set-Cookie: FSSBBIl1UgzbN7N80S=abc; Path=/\r\n"
    b"Set-Cookie: FSSBBIl1UgzbN7N80T=def; Path=/\r\n"
    b"Content-Length: 9999\r\n"
    b"\r\n"
    b"<html><script>$_ts={};</script></html>"
)


def test_status_line_file_carries_status_headers_and_body(root: Path, mw: MirrorMiddleware) -> None:
    put(root, "www.customs.gov.cn/customs/index.html", CHALLENGE)
    response = fetch(mw, Request("http://www.customs.gov.cn/customs/index.html"))
    assert response.status == 412
    assert response.headers.getlist("Set-Cookie") == [
        b"FSSBBIl1UgzbN7N80S=abc; Path=/",
        b"FSSBBIl1UgzbN7N80T=def; Path=/",
    ]
    assert response.headers["Server"] == b"nginx"
    assert response.body == b"<html><script>$_ts={};</script></html>"
    assert b"Content-Length" not in response.headers  # the body on disk is what counts
    assert isinstance(response, HtmlResponse)


def test_lf_header_file() -> None:
    data = b"HTTP/1.0 403 Forbidden\nX-Why: robots\n\nno\n\nmore"
    status, headers, body = parse_mirror_file(data)
    assert status == 403
    assert headers["X-Why"] == b"robots"
    assert body == b"no\n\nmore"  # only the FIRST blank line ends the headers


def test_crlf_header_file_keeps_crlf_in_the_body() -> None:
    status, headers, body = parse_mirror_file(b"HTTP/1.1 200 OK\r\nA: 1\r\n\r\nx\r\n\r\ny")
    assert (status, headers["A"], body) == (200, b"1", b"x\r\n\r\ny")


def test_status_line_without_headers_or_reason() -> None:
    assert parse_mirror_file(b"HTTP/1.1 503\r\n\r\ndown") == (503, {}, b"down")
    status, headers, body = parse_mirror_file(b"HTTP/2 204\r\n")
    assert (status, dict(headers), body) == (204, {}, b"")


def test_several_status_blocks_use_the_last_one() -> None:
    data = (
        b"HTTP/1.1 302 Found\r\nLocation: /b\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>b</html>"
    )
    status, headers, body = parse_mirror_file(data)
    assert status == 200
    assert b"Location" not in headers
    assert headers["Content-Type"] == b"text/html"
    assert body == b"<html>b</html>"


def test_folded_header_lines_are_joined() -> None:
    _, headers, _ = parse_mirror_file(b"HTTP/1.1 200 OK\nX-Long: a\n  b\n\nbody")
    assert headers["X-Long"] == b"a b"


def test_content_encoding_is_dropped_for_a_decoded_body(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/g.html", b"HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n<html>x</html>")
    response = fetch(mw, Request(f"https://{HOST}/g.html"))
    assert b"Content-Encoding" not in response.headers
    assert isinstance(response, HtmlResponse)


def test_content_encoding_is_kept_for_a_real_gzip_body() -> None:
    _, headers, _ = parse_mirror_file(b"HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n\x1f\x8b\x08")
    assert headers["Content-Encoding"] == b"gzip"


def test_a_body_mentioning_http_later_is_not_a_header_file(
    root: Path, mw: MirrorMiddleware
) -> None:
    data = b"<p>HTTP/1.1 412 Precondition Failed</p>\n\n"
    put(root, f"{HOST}/p.html", data)
    response = fetch(mw, Request(f"https://{HOST}/p.html"))
    assert (response.status, response.body) == (200, data)


# --- misses, urls, classes ------------------------------------------------------------------


def test_missing_file_answers_404_with_an_empty_body(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/other.html", PAGE)
    response = fetch(mw, Request(f"https://{HOST}/missing.html"))
    assert response.status == 404
    assert response.body == b""
    assert response.flags == ["mirror"]


def test_missing_query_variant_is_a_miss(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{API}?columnID=15&pageNumber=1", API_BODY)
    request = FormRequest(f"http://{API}", formdata={"columnID": "15", "pageNumber": "2"})
    assert fetch(mw, request).status == 404


def test_response_url_is_the_real_url_and_flagged(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/zcfb/blgg/gg/2025/index.html", PAGE)
    url = f"https://{HOST}/zcfb/blgg/gg/2025/"
    request = Request(url)
    response = fetch(mw, request)
    assert response.url == url
    assert str(root) not in response.url
    assert response.flags == ["mirror"]
    assert response.request is request


@pytest.mark.parametrize("name", ["a.html", "a.shtml", "a.htm"])
def test_html_extensions_give_html_responses(root: Path, mw: MirrorMiddleware, name: str) -> None:
    put(root, f"{HOST}/{name}", b"<p>no doctype, no html tag</p>")
    response = fetch(mw, Request(f"https://{HOST}/{name}"))
    assert isinstance(response, HtmlResponse)
    assert response.headers["Content-Type"] == b"text/html"  # no charset added


def test_html_charset_comes_from_the_page(root: Path, mw: MirrorMiddleware) -> None:
    gbk = '<html><head><meta charset="gbk"></head><body>商务部</body></html>'.encode("gbk")
    put(root, f"{HOST}/gbk.html", gbk)
    response = fetch(mw, Request(f"https://{HOST}/gbk.html"))
    assert isinstance(response, HtmlResponse)
    assert "商务部" in response.text


def test_extensionless_api_file_is_json(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{API}?columnID=15&pageNumber=1", b"\n " + API_BODY)
    response = fetch(
        mw, FormRequest(f"http://{API}", formdata={"pageNumber": "1", "columnID": "15"})
    )
    assert isinstance(response, TextResponse)
    assert isinstance(response, JsonResponse)
    assert response.headers["Content-Type"] == b"application/json"
    assert response.json()["code"] == 200


def test_json_extension_is_json(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/data.json", b'["a"]')
    response = fetch(mw, Request(f"https://{HOST}/data.json"))
    assert isinstance(response, JsonResponse)
    assert response.json() == ["a"]


def test_extensionless_non_json_body_is_sniffed_not_labelled(
    root: Path, mw: MirrorMiddleware
) -> None:
    put(root, f"{HOST}/frame", b"<!DOCTYPE html><html><body>x</body></html>")
    response = fetch(mw, Request(f"https://{HOST}/frame"))
    assert b"Content-Type" not in response.headers
    assert isinstance(response, HtmlResponse)


def test_saved_content_type_wins_over_the_extension(root: Path, mw: MirrorMiddleware) -> None:
    put(root, f"{HOST}/x.html", b"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{}")
    response = fetch(mw, Request(f"https://{HOST}/x.html"))
    assert isinstance(response, JsonResponse)


# --- construction and stats -----------------------------------------------------------------


@pytest.mark.parametrize("value", [None, ""])
def test_not_configured_when_the_setting_is_empty(value: str | None) -> None:
    crawler = get_crawler(settings_dict={"REGWATCH_MIRROR": value})
    with pytest.raises(NotConfigured):
        MirrorMiddleware.from_crawler(crawler)


def test_missing_root_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(ValueError, match="mirror folder not found: .*nope"):
        MirrorMiddleware(missing)


def test_a_file_as_root_is_a_clear_error(tmp_path: Path) -> None:
    file = put(tmp_path, "file.txt", b"x")
    with pytest.raises(ValueError, match="mirror folder not found"):
        MirrorMiddleware(file)


def test_from_crawler_counts_hits_and_misses(root: Path) -> None:
    put(root, f"{HOST}/a.html", PAGE)
    crawler = get_crawler(settings_dict={"REGWATCH_MIRROR": str(root)})
    crawler.stats.open_spider()
    mw = MirrorMiddleware.from_crawler(crawler)
    assert mw.root == root
    fetch(mw, Request(f"https://{HOST}/a.html"))
    fetch(mw, Request(f"https://{HOST}/a.html"))
    fetch(mw, Request(f"https://{HOST}/b.html"))
    fetch(mw, Request(f"https://{HOST}/%2E%2E/b.html"))
    assert crawler.stats.get_value(HITS_STAT) == 2
    assert crawler.stats.get_value(MISSES_STAT) == 2


def test_middleware_signature_raises_no_deprecation_warning(root: Path) -> None:
    """Scrapy 2.19 warns about middlewares whose methods still require a spider argument."""
    from scrapy.core.downloader.middleware import DownloaderMiddlewareManager

    crawler = get_crawler(
        settings_dict={
            "REGWATCH_MIRROR": str(root),
            "DOWNLOADER_MIDDLEWARES_BASE": {},
            "DOWNLOADER_MIDDLEWARES": {"crawler.mirror.MirrorMiddleware": 990},
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        manager = DownloaderMiddlewareManager.from_crawler(crawler)
    assert [type(m).__name__ for m in manager.middlewares] == ["MirrorMiddleware"]
