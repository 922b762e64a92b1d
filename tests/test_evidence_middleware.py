"""What the evidence middleware keeps of a response: headers as received (latin-1 pairs, in
order), the body as handed to the spider, the flags that say how it was fetched."""

from scrapy.http import HtmlResponse, Request, Response

from crawler.evidence import ORIGINAL_PREFIX, body_headers, raw_response

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1.html"


def test_headers_come_as_latin1_pairs_with_repeats_kept():
    name = "附件1.pdf".encode("gbk")
    response = Response(URL, status=200, body=b"%PDF-1.4", headers=[
        (b"Content-Type", b"application/pdf"), (b"Set-Cookie", b"a=1"), (b"Set-Cookie", b"b=2"),
        (b"Content-Disposition", b"attachment; filename=" + name)])
    raw = raw_response(response)
    assert raw.headers[:3] == [("Content-Type", "application/pdf"), ("Set-Cookie", "a=1"),
                               ("Set-Cookie", "b=2")]
    assert raw.headers[3][1].encode("latin-1").endswith(name)  # the server's bytes, kept
    assert (raw.status, raw.reason, raw.body, raw.url) == (200, "OK", b"%PDF-1.4", URL)
    assert raw.fetched_at.endswith("+00:00")


def test_headers_that_no_longer_describe_the_body_are_renamed():
    body = b"<html>decompressed</html>"
    headers = [("Content-Length", "12"), ("Transfer-Encoding", "chunked"),
               ("Content-Type", "text/html")]
    assert body_headers(headers, body) == [
        (ORIGINAL_PREFIX + "Content-Length", "12"),
        (ORIGINAL_PREFIX + "Transfer-Encoding", "chunked"), ("Content-Type", "text/html")]
    assert body_headers([("Content-Length", str(len(body)))], body) == [
        ("Content-Length", str(len(body)))]


def test_how_it_was_fetched_is_kept():
    request = Request(URL)
    mirrored = HtmlResponse(URL, body=b"<p>x</p>", flags=["mirror"], request=request)
    insecure = HtmlResponse(URL, body=b"<p>x</p>", flags=["insecure_tls"], request=request)
    assert raw_response(mirrored).replayed and not raw_response(mirrored).insecure_tls
    assert raw_response(insecure).insecure_tls and not raw_response(insecure).replayed
