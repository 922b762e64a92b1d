"""Topics: the glossary, the configuration's checks, and one rule in Python and in SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.datasette_plugin import xml_text
from pipelines.archive import Archive, topic_changes_sql
from pipelines.config import Config, ConfigError, Topic, parse_config
from pipelines.glossary import expand, found_in, subject_of
from pipelines.report import measure_context
from pipelines.topics import in_topic, measure_in_topic, topic_terms


@pytest.mark.parametrize("term", ["rare earths", "Rare-Earth", "rare earth", "稀土", "dysprosium"])
def test_glossary_knows_rare_earths_in_both_languages(term):
    assert subject_of(term).name == "rare earths"


def test_expand_widens_and_keeps_order():
    terms = expand(["rare earths"])
    assert terms[0] == "rare earths"
    assert {"稀土", "镝", "钐", "rare earth", "rare-earth"} <= set(terms)
    assert expand(["稀土"])[0] == "稀土" and "rare earth" in expand(["稀土"])
    assert expand(["an unknown subject"]) == ["an unknown subject"]
    assert all(len(t) >= 4 or not t.isascii() for t in expand(["tin", "稀土"]))
    assert "稀土" in found_in("对部分中重稀土相关物项实施出口管制", terms)
    assert found_in("关于锂电池相关物项实施出口管制的决定", terms) == []


def test_measure_titles_in_chinese_belong_to_the_english_topic():
    topic = Topic("rare earths", ["rare earths"])
    for title in ("商务部 海关总署公告2025年第18号 关于对部分中重稀土相关物项实施出口管制的公告",
                  "关于对部分稀土设备和原辅料相关物项实施出口管制的决定"):
        assert measure_in_topic(topic, {"id": "X", "title_zh": title})
    lithium = "关于锂电池相关物项实施出口管制的决定"
    assert not measure_in_topic(topic, {"id": "X", "title_zh": lithium})
    assert measure_in_topic(Topic("t", ["x"], measures=["X"]), {"id": "X"})


@pytest.mark.parametrize("toml, message", [
    ({"topics": [{"name": "rare earths", "terms": []}]},
     'regwatch.toml: topics[0].terms: empty (topic "rare earths"): a topic needs at least one '
     "term (Chinese or English)"),
    ({"topics": [{"name": "rare earths", "terms": ["稀土"], "keywords": ["x"]}]},
     'regwatch.toml: topics[0].keywords: unknown key (topic "rare earths") (allowed: name, '
     "terms, categories, sources, measures, entity_lists)"),
    ({"topics": [{"terms": ["稀土"]}]}, "regwatch.toml: topics[0].name: missing"),
    ({"topics": [{"name": "a", "terms": ["x"]}, {"name": "a", "terms": ["y"]}]},
     'regwatch.toml: topics[1].name: topic "a" is defined twice'),
    ({"topics": [{"name": "a", "terms": ["x"], "entity_lists": ["naughty_list"]}]},
     'regwatch.toml: topics[0].entity_lists[0]: unknown list "naughty_list" (known: '
     "unreliable_entity_list, export_control_list, watch_list, countermeasure)"),
    ({"mail": {"recipients": [{"address": "a@example.org", "topics": ["gallium"]}]}},
     'regwatch.toml: mail.recipients[0].topics[0]: unknown topic "gallium" (defined: rare '
     "earths)"),
    ({"channels": [{"name": "slack"}]},
     "regwatch.toml: channels[0].url: give exactly one of url (an Apprise URL such as "
     "json://host/path) or url_env (the environment variable holding it)"),
    ({"channels": [{"name": "x", "url": "not a url"}]},
     'regwatch.toml: channels[0].url: must be an Apprise URL (scheme://...), got "not a url"'),
    ({"channels": [{"name": "x", "url": "json://h/p", "colour": "red"}]},
     "regwatch.toml: channels[0].colour: unknown key (allowed: categories, measures, name, "
     "sources, topics, url, url_env)"),
    ({"digest_max_kb": 5}, "regwatch.toml: digest_max_kb: must be between 10 and 10000, got 5"),
])
def test_bad_topics_and_channels_are_one_line(toml, message):
    with pytest.raises(ConfigError) as error:
        parse_config(toml)
    assert str(error.value) == message


def test_topics_replace_the_built_in_one():
    assert [t.name for t in Config().topics] == ["rare earths"]
    config = parse_config({"topics": [{"name": "Gallium & germanium", "terms": ["镓", "锗"]}],
                           "mail": {"recipients": [{"address": "a@example.org",
                                                    "topics": ["Gallium & germanium"]}]}})
    assert [t.slug for t in config.topics] == ["gallium_germanium"]
    assert config.mail.recipients[0].topics == ["Gallium & germanium"]


def test_python_and_sql_select_the_same_changes(demo):
    db = Path(demo[0]) / "archive.db"
    archive = Archive.open_readonly(db)
    runs = [r["id"] for r in archive.db.query("select id from runs order by rowid")]
    changes = archive.changes_of_runs(runs)
    measures = measure_context(archive, changes)
    no18 = archive.measure("MOFCOM-2025-18")
    archive.close()
    topics = [Topic("rare earths", ["rare earths"]),
              Topic("gallium", ["gallium"], measures=["MOFCOM-2024-46"]),
              Topic("customs tariffs", ["关税"], sources=["customs"]),
              Topic("suspensions", ["暂停", "suspen"], categories=["suspension"])]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    conn.create_function("xml_text", 1, xml_text)  # (Datasette's connections have it)
    for topic in topics:
        python = {c["id"] for c in changes if in_topic(topic, c, measures.get(c["measure"]))}
        sql = {r["change_id"] for r in conn.execute(topic_changes_sql(
            topic_terms(topic), topic.measures, topic.categories, topic.sources,
            topic.entity_lists, limit=100_000))}
        assert python == sql, topic.name
        assert python, topic.name
    conn.close()
    rare = {c["measure"] for c in changes if in_topic(topics[0], c, measures.get(c["measure"]))}
    assert {"MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61",
            "MOFCOM-2025-62"} <= rare  # the issue: Nos. 18, 56 and 57 were missed
    # No. 18 of 2025 (April) is history on the demo's first night, a backfill: archived without
    # a change of its own; its Chinese title still puts it in the topic
    assert "MOFCOM-2025-18" not in rare and measure_in_topic(topics[0], no18)
    assert "GACC-2025-219" not in rare and "MOFCOM-2026-1" not in rare
