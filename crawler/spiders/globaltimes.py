"""Spider for www.globaltimes.cn: the Business section's articles (state media, English).

News spiders do not decide relevance: every article of the list is yielded, and a pipeline that
knows the archive keeps or drops it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from scrapy.http import Response

from crawler.parsing import body_container, clean, first_node_text, lines_of
from crawler.spiders.base import ArticlePage
from crawler.spiders.paged import PagedListSpider
from pipelines.vocab import SourceKind

# Photo credits and captions written as text lines: "rare earth Photo:VCG",
# "The Ministry of Commerce of China File photo: VCG", "Photo: Xinhua".
_CAPTION = re.compile(
    r"^(?:.{0,150}?\s)?(?:file\s+)?photos?\s*:\s*[\w.,/&'’ -]{1,40}$", re.IGNORECASE
)
# Lines the site appends after the article: the print edition's headline and a signature.
_TRAILER = re.compile(r"^(?:global times\.?|newspaper headline\s*:.*)$", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"Published\s*:\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?: \d{1,2}:\d{2}(?: ?[AP]M)?)?"
    r"(?:\s+Updated\s*:\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?: \d{1,2}:\d{2}(?: ?[AP]M)?)?)?"
)


def is_caption(line: str) -> bool:
    """A photo caption or credit line, not article text."""
    return bool(_CAPTION.match(line))


def strip_trailer(lines: list[str]) -> list[str]:
    """The lines without the trailing "Global Times" / "Newspaper headline: …" lines."""
    lines = list(lines)
    while lines and _TRAILER.match(lines[-1]):
        lines.pop()
    return lines


class GlobalTimesSpider(PagedListSpider):
    """Global Times' Business list (static HTML) and its articles, whose text runs between <br>s."""

    WALKS_BACK: ClassVar[bool] = False  # news: its list is never walked back

    name = "globaltimes"
    source_kind: ClassVar[str] = SourceKind.NEWS.value
    description: ClassVar[str] = "Global Times (state media, English): Business section articles"
    list_urls: ClassVar[list[str]] = ["https://www.globaltimes.cn/business/index.html"]
    entry_points: ClassVar[list[str]] = list_urls
    allowed_domains: ClassVar[list[str]] = ["globaltimes.cn"]
    SITE: ClassVar[str] = "globaltimes.cn"
    LINK_SCHEME: ClassVar[str | None] = "https"

    LIST_SELECTORS: ClassVar[list[str]] = [
        ".list_info a.new_title_ms",
        "a.new_title_ms",
        ".list_info a",
        ".level01_list a",
    ]
    ARTICLE_PATH = re.compile(r"^/page/\d{6}/\d{6,8}\.shtml$")
    TITLE_SELECTORS: ClassVar[list[str]] = ["div.article_title", ".article_title"]
    TITLE_SUFFIX = " - Global Times"
    DATE_SELECTORS: ClassVar[list[str]] = ["span.pub_time", ".pub_time"]
    BODY_SELECTORS: ClassVar[list[str]] = [
        "div.article_content div.article_right",
        "div.article_right",
        "div.article_content",
    ]
    # Picture blocks inside the body: the caption is not article text.
    NOT_BODY: ClassVar[list[str]] = ["p.picture", ".picture", "figcaption", ".img_caption"]

    def read_article(self, response: Response, **list_fields: object) -> ArticlePage:
        return ArticlePage(
            title=self.title_of(response),
            paragraphs=self.paragraphs_of(response),
            published=self.published_of(response),
            language="en",
            issuing_unit=None,  # the byline ("By Global Times") is not an issuing unit
        )

    def title_of(self, response: Response) -> str | None:
        """div.article_title, then og:title, then <title> minus " - Global Times"."""
        title = first_node_text(response, self.TITLE_SELECTORS)
        title = title or clean(response.css('meta[property="og:title"]::attr(content)').get())
        if not title:
            title = clean(response.css("title::text").get()).removesuffix(self.TITLE_SUFFIX)
        return clean(title) or None

    def published_of(self, response: Response) -> str | None:
        """span.pub_time as written ("Published: Oct 16, 2025 10:41 PM[ Updated: …]"), else a
        "Published: …" line in the byline block."""
        published = first_node_text(response, self.DATE_SELECTORS)
        if published:
            return published
        byline = " ".join(clean(t) for t in response.css(".author_share ::text").getall())
        match = _PUBLISHED.search(byline)
        return match.group(0) if match else None

    def paragraphs_of(self, response: Response) -> list[str]:
        """The text runs between <br>s, without captions and the trailing signature lines."""
        container = body_container(response, self.BODY_SELECTORS)
        if container is None:
            return []
        lines = [line for line in lines_of(container, self.NOT_BODY) if not is_caption(line)]
        return strip_trailer(lines)
