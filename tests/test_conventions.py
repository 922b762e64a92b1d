"""Conventions: one source = one spider module = one test module = one fixture folder."""

import pytest
from conftest import FIXTURES, TESTS

from crawler.runner import known_sources, spider_loader
from pipelines.vocab import SourceKind

SOURCES = known_sources()


def test_the_mofcom_sources_exist():
    assert {"mofcom", "mofcom_exportcontrol", "mofcom_consulates"} <= set(SOURCES)


@pytest.mark.parametrize("name", SOURCES)
def test_spider_has_test_module_and_fixtures(name):
    assert (TESTS / "spiders" / f"test_{name}.py").is_file()
    folder = FIXTURES / name
    assert folder.is_dir() and any(folder.iterdir())
    assert (folder / "contract.yaml").is_file()  # the pages of tests/spiders/test_contract.py


@pytest.mark.parametrize("name", SOURCES)
def test_spider_module_is_named_after_its_source(name):
    spider = spider_loader().load(name)
    assert spider.__module__ == f"crawler.spiders.{name}"


@pytest.mark.parametrize("name", SOURCES)
def test_spider_declares_source_facts(name):
    spider = spider_loader().load(name)
    assert SourceKind(spider.source_kind)
    assert spider.description and spider.entry_points
    assert spider.min_items >= 1
