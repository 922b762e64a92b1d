"""Topics: which changes and measures belong to a named subject (`[[topics]]` in regwatch.toml).

A change belongs to a topic when
- one of the topic's terms, widened by the glossary (pipelines.glossary: `rare earths` is also
  稀土, 钐, 镝 ...), occurs in the change's title, summary or proving sentence, or in the Chinese
  or English title of the measure it concerns, or the change concerns one of the topic's
  `measures`, or (entity changes) one of its `entity_lists`;
- and, when the topic lists `categories` or `sources`, the change (or its measure) has one.

The same rule is written once more as SQL (pipelines.archive.topic_changes_sql) for the topic's
canned query and Atom feed in Datasette; tests check that both select the same changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pipelines.config import Recipient, Topic
from pipelines.glossary import expand, found_in


def topic_terms(topic: Topic) -> list[str]:
    """The topic's terms with the glossary's equivalents, lower-cased."""
    return expand(topic.terms)


def change_text(change: Mapping[str, Any], measure: Mapping[str, Any] | None) -> str:
    """The text a topic's terms are looked for in."""
    diff = change.get("diff") or {}
    if isinstance(diff, str):
        diff = json.loads(diff or "{}")
    parts = [change.get("title"), change.get("summary"), diff.get("sentence"),
             (measure or {}).get("title_zh"), (measure or {}).get("title_en")]
    return " ".join(p for p in parts if p)


def in_topic(topic: Topic, change: Mapping[str, Any], measure: Mapping[str, Any] | None,
             terms: list[str] | None = None) -> bool:
    """Whether a change belongs to the topic (the rule of the module's docstring)."""
    terms = topic_terms(topic) if terms is None else terms
    diff = change.get("diff") or {}
    if isinstance(diff, str):
        diff = json.loads(diff or "{}")
    subject = (bool(found_in(change_text(change, measure), terms))
               or change.get("measure") in topic.measures
               or (bool(topic.entity_lists) and diff.get("list") in topic.entity_lists))
    if not subject:
        return False
    category = {change.get("category"), (measure or {}).get("category")}
    if topic.categories and not category & set(topic.categories):
        return False
    return not topic.sources or change.get("source") in topic.sources


def measure_in_topic(topic: Topic, measure: Mapping[str, Any],
                     terms: list[str] | None = None) -> bool:
    """Whether a measure belongs to the topic: listed, or its titles say so."""
    terms = topic_terms(topic) if terms is None else terms
    if measure.get("id") in topic.measures:
        return True
    titles = " ".join(t for t in (measure.get("title_zh"), measure.get("title_en")) if t)
    return bool(found_in(titles, terms)) and (
        not topic.categories or measure.get("category") in topic.categories)


def wanted(recipient: Recipient, topics: list[Topic], change: Mapping[str, Any],
           measure: Mapping[str, Any] | None) -> bool:
    """A recipient's (or channel's) filters and topics, all of them, on one change."""
    if not recipient.wants(change, (measure or {}).get("category")):
        return False
    chosen = [t for t in topics if t.name in recipient.topics]
    return not recipient.topics or any(in_topic(t, change, measure) for t in chosen)
