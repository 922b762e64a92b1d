"""Spider for aqygzj.mofcom.gov.cn (商务部安全与管制局, the Security and Control Bureau)."""

from __future__ import annotations

from typing import ClassVar

from crawler.spiders.mofcom import MofcomSpider
from crawler.spiders.paged import jpaas_columns
from pipelines.backfill import ListSpec
from pipelines.vocab import SourceKind


class MofcomAqygzjSpider(MofcomSpider):
    """The bureau's rules and normative documents (规章及规范性文件: control-list and watch-list
    announcements appear there) and its lists (清单目录): JPaaS columns, the article template of
    www.mofcom.gov.cn (meta tags, #zoom, annex links)."""

    name = "mofcom_aqygzj"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = (
        "MOFCOM Security and Control Bureau (aqygzj.mofcom.gov.cn): rules, normative documents "
        "and lists"
    )
    RULES = "https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/index.html"
    LISTS = "https://aqygzj.mofcom.gov.cn/qdml/index.html"
    entry_points: ClassVar[list[str]] = [RULES, LISTS]
    allowed_domains: ClassVar[list[str]] = ["aqygzj.mofcom.gov.cn"]
    SITE: ClassVar[str] = "aqygzj.mofcom.gov.cn"
    HOST_GROUP: ClassVar[str | None] = None  # its own host
    TITLE_SUFFIX = "_商务部安全与管制局"
    JPAAS_FALLBACKS: ClassVar[dict[str, dict[str, str]]] = jpaas_columns(
        "b28941ad4e064442856787562c9a4961", "DDBav9QvwJVbs9iznQVmO",
        {RULES: "79d6d2c4e44d458180d37dd4f0996645"})

    def lists(self) -> list[ListSpec]:
        return [ListSpec(key=self.list_key(url), url=url) for url in (self.RULES, self.LISTS)]
