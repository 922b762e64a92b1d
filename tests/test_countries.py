"""The states the reading rules name (pipelines/countries.py): one list, read alike everywhere."""

import re

import pytest

from pipelines.countries import (
    FOREIGN_STATES,
    foreign_state_names,
    foreign_state_names_zh,
    foreign_states,
)
from pipelines.reading import last_actor_is_foreign
from pipelines.relevance import TRADE_PARTIES


@pytest.mark.parametrize("state", FOREIGN_STATES, ids=lambda s: s.names[0].split(")")[-1])
def test_every_state_is_found_by_its_english_and_chinese_names(state) -> None:
    pattern = re.compile(foreign_states(capitals=True))
    for name in state.names + ((state.capital,) if state.capital else ()):
        plain = re.sub(r"\(\?<!?[^)]*\)", "", name)
        assert pattern.search(f"officials in {plain} said"), plain
    for name in state.zh:
        assert pattern.search(re.sub(r"\(\?<?!?[^)]*\)", "", name) + "政府表示")


@pytest.mark.parametrize("text", ["a roast turkey for the holiday", "chile sauce prices rose",
                                  "Inner Mongolia's rare earth mines", "内蒙古的稀土矿",
                                  "let us talk", "the Indus valley"])
def test_words_that_only_look_like_a_state_are_none(text: str) -> None:
    assert re.search(foreign_states(capitals=True), text) is None


def test_a_state_outside_the_trade_disputes_acts_for_itself() -> None:
    assert last_actor_is_foreign("Norway's government said on Monday it") is True
    assert last_actor_is_foreign("丹麦政府周一表示") is True
    assert last_actor_is_foreign("China's Ministry of Commerce said") is False


def test_the_trade_parties_are_the_disputes_parties_not_every_state() -> None:
    assert re.search(TRADE_PARTIES, "Lithuanian firms") and re.search(TRADE_PARTIES, "对美国")
    assert re.search(TRADE_PARTIES, "a bank in Kazakhstan") is None
    assert re.search(TRADE_PARTIES, "挪威的银行") is None
    assert set(foreign_state_names().split("|")) >= {"Norway", "Kazakhstan", "Japan"}


@pytest.mark.parametrize("state", FOREIGN_STATES, ids=lambda s: s.names[0])
def test_the_chinese_alternation_finds_every_states_chinese_names(state) -> None:
    pattern = re.compile(foreign_state_names_zh())
    for name in state.zh:
        plain = re.sub(r"\(\?<?[!=][^)]*\)", "", name)  # a name's guard is not part of it
        assert pattern.search(f"对{plain}实体"), name


@pytest.mark.parametrize("text", ["内蒙古", "印度尼西亚企业"])
def test_the_chinese_alternation_keeps_each_names_guard(text: str) -> None:
    found = re.compile(foreign_state_names_zh()).search(text)
    assert found is None or found.group() == "印度尼西亚"
