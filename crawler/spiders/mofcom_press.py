"""Spider for MOFCOM's press releases on www.mofcom.gov.cn (新闻发布)."""

from __future__ import annotations

from typing import ClassVar

from crawler.spiders.mofcom import MofcomSpider
from crawler.spiders.paged import jpaas_columns
from pipelines.backfill import ListSpec
from pipelines.vocab import SourceKind


class MofcomPressSpider(MofcomSpider):
    """The regular press conferences (例行新闻发布会, /xwfb/xwrcjd/) and the department heads'
    readouts (司局负责人发布, /xwfb/sjfzrfb/): the spokesperson's words and official statements
    relayed, not legal texts (a relay: confidence medium, category policy_statement). A readout
    saying an arrangement is "extended" is evidence, never a legal date."""

    name = "mofcom_press"
    source_kind: ClassVar[str] = SourceKind.RELAY.value
    description: ClassVar[str] = (
        "MOFCOM press conferences (例行新闻发布会) and department readouts (司局负责人发布)"
    )
    CONFERENCES = "https://www.mofcom.gov.cn/xwfb/xwrcjd/index.html"
    READOUTS = "https://www.mofcom.gov.cn/xwfb/sjfzrfb/index.html"
    entry_points: ClassVar[list[str]] = [CONFERENCES, READOUTS]
    allowed_domains: ClassVar[list[str]] = ["www.mofcom.gov.cn"]
    SITE: ClassVar[str] = "www.mofcom.gov.cn"
    JPAAS_FALLBACKS: ClassVar[dict[str, dict[str, str]]] = jpaas_columns(
        "5fce1c9c898807554beaa5151c0db784", "NYWDrQM36vXN05IqkveVW",
        {CONFERENCES: "c595adf460fc33bd3a87c470137f41b1"})

    def lists(self) -> list[ListSpec]:
        return [ListSpec(key=self.list_key(url), url=url)
                for url in (self.CONFERENCES, self.READOUTS)]
