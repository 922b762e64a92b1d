"""The configuration: defaults < regwatch.toml < environment (REGWATCH_*) < command line.

`load_config()` reads everything once into one frozen `Config`; every default is written here and
nowhere else. Every value is checked: an unknown key, a wrong type or a bad value is a ConfigError
whose message is one line naming where it came from and the key, e.g.
`regwatch.toml: mail.smtp_port: must be an integer, got "abc"` or
`REGWATCH_REVISIT_RECENT_DAYS: must be an integer, got "abc"`.

Secrets never come from the file: the SMTP password is read from the environment variable named by
`mail.password_env` when a mail is sent (`MailConfig.password()`).

Scrapy's settings are built from a Config by the application (crawler.settings.from_config), so
configuration flows one way: environment and file -> Config -> Scrapy settings -> components.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from pipelines.dates import today_in_beijing
from pipelines.vocab import Category, ListName

DEFAULT_PATH = "regwatch.toml"
CONFIG_ENV = "REGWATCH_CONFIG"
ENV_PREFIX = "REGWATCH_"
TLS_MODES = ("none", "starttls", "ssl")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# The run's clock may replay the past, but not before the regime's archive starts or far ahead.
EARLIEST_AS_OF = date(2000, 1, 1)
MAX_DAYS_AHEAD = 366


class ConfigError(Exception):
    """The configuration cannot be used; the message is one line naming the key and the problem."""


ENTITY_LISTS = ("unreliable_entity_list", "export_control_list", "watch_list", "countermeasure")


@dataclass(frozen=True)
class Topic:
    """A named subject (`[[topics]]`): terms in Chinese or English (widened by the built-in
    glossary, pipelines.glossary), and optionally categories, sources, measures, entity lists."""

    name: str
    terms: list[str]
    categories: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    entity_lists: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        """The topic's name as a URL part and canned-query name (`rare_earths`)."""
        return re.sub(r"[^0-9a-z]+", "_", self.name.lower()).strip("_") or "topic"


@dataclass(frozen=True)
class Recipient:
    """One address and what it wants to hear about (an empty filter means everything)."""

    address: str
    categories: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    # entity changes only: of these lists, of entities with these names (or ENT- ids)
    lists: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # names of [[topics]]: any of them

    def wants(self, change: Mapping[str, Any], measure_category: str | None = None) -> bool:
        """Whether a change passes every non-empty filter (any value within a filter)."""
        if self.categories and not ({change.get("category"), measure_category}
                                    & set(self.categories)):
            return False
        if self.sources and change.get("source") not in self.sources:
            return False
        if self.measures and change.get("measure") not in self.measures:
            return False
        if self.lists and change.get("list") not in self.lists:
            return False
        return not self.entities or self.names_entity(change)

    def names_entity(self, change: Mapping[str, Any]) -> bool:
        """Whether an entity change is about one of `entities`: its id, or a name that screens
        as a match for the entity's names (pipelines.screening: exact, then fuzzy)."""
        from pipelines.screening import EntityNames, screen

        if not change.get("entity"):
            return False
        diff = change.get("diff") or {}
        names = EntityNames(change["entity"], diff.get("name_zh"), diff.get("name_en"),
                            (change.get("title") or "",))
        return any(wanted == change["entity"] or screen(wanted, [names], limit=1)
                   for wanted in self.entities)


@dataclass(frozen=True)
class Channel(Recipient):
    """A delivery channel beyond SMTP (`[[channels]]`): an Apprise URL (Slack, Teams, Telegram,
    a JSON webhook ...), given in the file (`url`) or, when it holds a token, in the environment
    variable named by `url_env`; filtered like a mail recipient. `address` is its name."""

    url: str | None = None
    url_env: str | None = None

    def target(self) -> str | None:
        """The Apprise URL, read at send time (from the environment when url_env is set)."""
        return os.environ.get(self.url_env) or None if self.url_env else self.url


@dataclass(frozen=True)
class MailConfig:
    recipients: list[Recipient] = field(default_factory=list)
    smtp_host: str = "localhost"
    smtp_port: int = 25
    tls: str = "none"  # "none" | "starttls" | "ssl"
    sender: str = "regwatch@localhost"
    username: str | None = None
    password_env: str = "REGWATCH_SMTP_PASSWORD"
    send_when_empty: bool = False
    subject_prefix: str = "[regwatch]"

    def password(self) -> str | None:
        """The SMTP password, from the environment at send time (never from the file)."""
        return os.environ.get(self.password_env) or None


@dataclass(frozen=True)
class Config:
    """Everything regwatch can be told, with its default."""

    # --- where things are ----------------------------------------------------------------------
    db: str = "archive.db"
    reports: str = "diff_reports"
    log_file: str = "regwatch.log"
    log_level: str = "INFO"
    # Where `regwatch serve` answers: reports and digests link each piece of evidence there.
    datasette_url: str = "http://127.0.0.1:8001"
    # --- the run (usually given on the command line) ------------------------------------------
    mirror: str | None = None  # replay an offline mirror folder instead of the network
    as_of: str | None = None  # the run's clock (ISO date); None: today in Beijing
    # --- what is crawled and how often -------------------------------------------------------
    sources: dict[str, bool] = field(default_factory=dict)  # name = false leaves a source out
    # Sources fetched even when their certificate does not verify (every version so marked).
    insecure_tls: list[str] = field(default_factory=list)
    # Articles published within this many days are refetched every night; older ones only when
    # their last fetch is at least revisit_old_days old.
    revisit_recent_days: int = 60
    revisit_old_days: int = 7
    # Archived articles no list shows any more are read again, this many per source a night,
    # once their last fetch is revisit_unlisted_days old (0: never).
    revisit_unlisted_per_night: int = 20
    revisit_unlisted_days: int = 30
    # A PEM file of certificate authorities trusted besides the system's (e.g. a test CA).
    extra_ca_file: str | None = None
    # --- the backfill (pipelines/backfill.py) ----------------------------------------------------
    # Official lists are walked back to this date until the archive has reached it; news never.
    backfill_since: str = "2020-01-01"
    # List pages a source may walk back per night; the walk continues the next night.
    backfill_pages_per_night: int = 200
    # JPaaS list parameters per list page URL ({webId, pageId, tplSetId}), for a list page that
    # does not carry its `jpaasConfig` (file only: [jpaas_columns."<list url>"]).
    jpaas_columns: dict[str, dict[str, str]] = field(default_factory=dict)
    # Walk every list back again from its first page (`regwatch crawl --backfill`; not a file key).
    backfill: bool = False
    # --- what is reported ------------------------------------------------------------------------
    # deadline_near once a deadline is within each of these windows (days), largest first.
    deadline_days: list[int] = field(default_factory=lambda: [30, 7])
    # document_removed after a healthy list page no longer showed a document on this many nights.
    removed_after_nights: int = 3
    # --- digests ---------------------------------------------------------------------------
    # A backlog of more completed runs than this is sent as one summary (the latest run in
    # full, the others as headlines linking to their reports) instead of one digest per run.
    digest_max_runs: int = 3
    # A digest's HTML stays under this many kilobytes (Gmail clips at about 102 KB); the
    # changes that do not fit are behind a link to the full report.
    digest_max_kb: int = 100
    # --- evidence (pipelines.evidence, pipelines.originals) -----------------------------------
    # Where the WARC files of fetched pages and annexes go; None: `evidence/<archive name>/`
    # beside the archive (one folder per archive: WARC files are named by run ids, which two
    # archives in one folder would share). Give each archive its own.
    evidence_dir: str | None = None
    # Annex files (PDF, DOC(X), XLS(X), ZIP) larger than this are not downloaded or read.
    annex_max_bytes: int = 20 * 1024 * 1024
    mail: MailConfig = field(default_factory=MailConfig)
    # Named subjects for recipients, channels, feeds and canned queries; without [[topics]] in
    # the file, one built-in topic (rare earths) shows how they work.
    topics: list[Topic] = field(default_factory=lambda: [Topic("rare earths", ["rare earths"])])
    channels: list[Channel] = field(default_factory=list)
    path: str = DEFAULT_PATH  # the file it was read from (for messages)

    def enabled(self, all_sources: Iterable[str]) -> list[str]:
        """The sources to crawl: every known source not set to false in [sources]."""
        known = list(all_sources)
        check_sources(self, known)
        enabled = [name for name in known if self.sources.get(name, True)]
        if known and not enabled:  # (an empty list would mean every source to a run)
            raise ConfigError(f"{self.path}: every source is set to false in [sources]: "
                              "nothing to crawl")
        return enabled

    def run_date(self) -> str:
        """The run's clock: as_of, or today in Beijing."""
        return self.as_of or today_in_beijing()

    def evidence_folder(self) -> Path:
        """The evidence store's folder: evidence_dir, or `evidence/<archive name>/` beside the
        archive (`evidence/archive/` for archive.db)."""
        if self.evidence_dir:
            return Path(self.evidence_dir)
        return Path(self.db).parent / "evidence" / Path(self.db).stem


def check_sources(config: Config, known: list[str]) -> None:
    """ConfigError naming the first source in [sources] that is not a known source."""
    unknown = sorted((set(config.sources) | set(config.insecure_tls)) - set(known))
    if unknown:
        raise ConfigError(f"{config.path}: sources.{unknown[0]}: unknown source "
                          f"(known: {', '.join(known)})")


def check_as_of(value: str, key: str = "--as-of") -> str:
    """An ISO date between 2000-01-01 and a year from today, or ConfigError naming key."""
    try:
        day = date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ConfigError(f"{key}: {_shown(value)} is not an ISO date (YYYY-MM-DD)") from None
    latest = date.fromisoformat(today_in_beijing()).toordinal() + MAX_DAYS_AHEAD
    if not EARLIEST_AS_OF <= day or day.toordinal() > latest:
        raise ConfigError(f"{key}: {day.isoformat()} is outside {EARLIEST_AS_OF.isoformat()} … "
                          f"{date.fromordinal(latest).isoformat()}")
    return day.isoformat()


def check_since(value: str, key: str = "backfill_since") -> str:
    """An ISO date from 2000-01-01 to today, or ConfigError naming key."""
    try:
        day = date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ConfigError(f"{key}: {_shown(value)} is not an ISO date (YYYY-MM-DD)") from None
    if not EARLIEST_AS_OF <= day <= date.fromisoformat(today_in_beijing()):
        raise ConfigError(f"{key}: {day.isoformat()} is outside {EARLIEST_AS_OF.isoformat()} … "
                          "today")
    return day.isoformat()


def _shown(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return json.dumps(str(value), ensure_ascii=False)


class _Checker:
    """Reads values, raising ConfigError with `<where>: <key>: <problem>`."""

    def __init__(self, where: str | None) -> None:
        self.where = where  # the file's name; None for the environment (keys are variables)

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {key}: {problem}" if self.where else f"{key}: {problem}")

    def table(self, data: dict[str, Any], prefix: str, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in data:
            if key not in allowed:
                raise self.error(f"{prefix}{key}", "unknown key (allowed: "
                                 f"{', '.join(sorted(allowed))})")

    def string(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"must be a non-empty string, got {_shown(value)}")
        return value.strip()

    def integer(self, value: Any, key: str, low: int, high: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be an integer, got {_shown(value)}")
        if value < low or (high is not None and value > high):
            limit = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise self.error(key, f"must be {limit}, got {value}")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {_shown(value)}")
        return value

    def strings(self, value: Any, key: str) -> list[str]:
        if not isinstance(value, list):
            raise self.error(key, f"must be a list of strings, got {_shown(value)}")
        return [self.string(v, f"{key}[{i}]") for i, v in enumerate(value)]

    def address(self, value: Any, key: str) -> str:
        text = self.string(value, key)
        _, addr = parseaddr(text)
        if "@" not in addr or " " in addr or addr.startswith("@") or addr.endswith("@"):
            raise self.error(key, f"must be an email address, got {_shown(value)}")
        return text

    def dict_(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"must be a table, got {_shown(value)}")
        return value

    def one_of(self, value: Any, key: str, choices: tuple[str, ...]) -> str:
        text = self.string(value, key)
        if text not in choices:
            raise self.error(key, f"must be one of {', '.join(choices)}, got {_shown(text)}")
        return text

    def url(self, value: Any, key: str) -> str:
        text = self.string(value, key)
        if not text.startswith(("http://", "https://")):
            raise self.error(key, f"must be an http(s) URL, got {_shown(text)}")
        return text.rstrip("/")

    def file(self, value: Any, key: str) -> str:
        text = self.string(value, key)
        if not Path(text).is_file():
            raise self.error(key, f"no such file: {text}")
        return text

    def days(self, value: Any, key: str) -> list[int]:
        if not isinstance(value, list) or not value:
            raise self.error(key, f"must be a non-empty list of whole days, got {_shown(value)}")
        return sorted({self.integer(d, f"{key}[{i}]", 0) for i, d in enumerate(value)},
                      reverse=True)


# The top-level scalar keys: how each is checked, and how its environment variable
# (REGWATCH_<KEY>) is read from text. Tables ([sources], [mail]) come from the file only.
Check = Callable[[_Checker, Any, str], Any]
SCALARS: dict[str, tuple[Check, Callable[[str], Any]]] = {
    "db": (lambda c, v, k: c.string(v, k), str),
    "reports": (lambda c, v, k: c.string(v, k), str),
    "log_file": (lambda c, v, k: c.string(v, k), str),
    "log_level": (lambda c, v, k: c.one_of(v.upper() if isinstance(v, str) else v, k, LOG_LEVELS),
                  str),
    "datasette_url": (lambda c, v, k: c.url(v, k), str),
    "mirror": (lambda c, v, k: c.string(v, k), str),
    "as_of": (lambda c, v, k: check_as_of(v, k) if isinstance(v, str)
              else c.string(v, k), str),
    "extra_ca_file": (lambda c, v, k: c.file(v, k), str),
    "revisit_recent_days": (lambda c, v, k: c.integer(v, k, 0), lambda s: _int_or_text(s)),
    "revisit_old_days": (lambda c, v, k: c.integer(v, k, 0), lambda s: _int_or_text(s)),
    "revisit_unlisted_per_night": (lambda c, v, k: c.integer(v, k, 0),
                                   lambda s: _int_or_text(s)),
    "revisit_unlisted_days": (lambda c, v, k: c.integer(v, k, 1), lambda s: _int_or_text(s)),
    "deadline_days": (lambda c, v, k: c.days(v, k),
                      lambda s: [_int_or_text(p) for p in s.split(",")]),
    "removed_after_nights": (lambda c, v, k: c.integer(v, k, 1), lambda s: _int_or_text(s)),
    "digest_max_runs": (lambda c, v, k: c.integer(v, k, 1), lambda s: _int_or_text(s)),
    "digest_max_kb": (lambda c, v, k: c.integer(v, k, 10, 10_000), lambda s: _int_or_text(s)),
    "backfill_since": (lambda c, v, k: check_since(v, k) if isinstance(v, str)
                       else c.string(v, k), str),
    "backfill_pages_per_night": (lambda c, v, k: c.integer(v, k, 1),
                                 lambda s: _int_or_text(s)),
    "evidence_dir": (lambda c, v, k: c.string(v, k), str),
    "annex_max_bytes": (lambda c, v, k: c.integer(v, k, 1024), lambda s: _int_or_text(s)),
}
FILE_ONLY = ("sources", "mail", "topics", "channels", "jpaas_columns")
JPAAS_KEYS = ("webId", "pageId", "tplSetId")


def _int_or_text(text: str) -> int | str:
    """An integer read from the environment, or the text itself (so the check can name it)."""
    try:
        return int(text.strip())
    except ValueError:
        return text


def load_config(path: str | Path | None = None, *, environ: Mapping[str, str] | None = None,
                overrides: Mapping[str, Any] | None = None,
                known_sources: Iterable[str] | None = None) -> Config:
    """The configuration: defaults, then the file (path; None: $REGWATCH_CONFIG, else
    ./regwatch.toml), then REGWATCH_* environment variables, then overrides (the command line's
    options; None values are ignored). A missing default file gives the defaults; a missing file
    that was named is an error. With known_sources, [sources] must name only those."""
    env = os.environ if environ is None else environ
    explicit = path is not None or bool(env.get(CONFIG_ENV))
    where = Path(path if path is not None else env.get(CONFIG_ENV) or DEFAULT_PATH)
    data = read_toml(where) if where.exists() or explicit else {}
    config = parse_config(data, str(where))
    config = _apply(config, _Checker(None), {
        f"{ENV_PREFIX}{key.upper()}": (key, parse(text))
        for key, (_, parse) in SCALARS.items()
        if (text := env.get(f"{ENV_PREFIX}{key.upper()}", "").strip())
    })
    config = _apply(config, _Checker(None), {
        f"--{key.replace('_', '-')}": (key, value)
        for key, value in (overrides or {}).items() if value is not None
    })
    if known_sources is not None:
        check_sources(config, list(known_sources))
    return config


def _apply(config: Config, check: _Checker, values: dict[str, tuple[str, Any]]) -> Config:
    """config with each (key, raw value) checked and set; errors name the variable or option."""
    changed = {}
    for name, (key, value) in values.items():
        checker, _ = SCALARS[key]
        changed[key] = checker(check, value, name)
    return replace(config, **changed) if changed else config


def read_toml(where: Path) -> dict[str, Any]:
    name = str(where)
    if not where.exists():
        raise ConfigError(f"{name}: no such configuration file")
    try:
        return tomllib.loads(where.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{name}: invalid TOML: {e}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: not UTF-8 text") from None
    except OSError as e:
        raise ConfigError(f"{name}: cannot read: {e.strerror or e}") from None


def parse_config(data: dict[str, Any], name: str = DEFAULT_PATH) -> Config:
    """The Config of an already parsed TOML document (each key checked)."""
    check = _Checker(name)
    check.table(data, "", [*SCALARS, *FILE_ONLY])
    values: dict[str, Any] = {key: checker(check, data[key], key)
                              for key, (checker, _) in SCALARS.items() if key in data}
    sources, insecure = _sources(check, data.get("sources", {}))
    topics = _topics(check, data["topics"]) if "topics" in data else Config().topics
    names = [t.name for t in topics]
    mail = _mail(check, data.get("mail", {}), names)
    channels = [_channel(check, c, f"channels[{i}]", names)
                for i, c in enumerate(_array(check, data.get("channels", []), "channels"))]
    return Config(**values, sources=sources, insecure_tls=insecure, mail=mail, topics=topics,
                  channels=channels,
                  jpaas_columns=_jpaas_columns(check, data.get("jpaas_columns", {})), path=name)


def _sources(check: _Checker, value: Any) -> tuple[dict[str, bool], list[str]]:
    """[sources]: `name = false` leaves a source out; `[sources.name]` with `enabled` and
    `insecure_tls` (fetch it even when its certificate does not verify, versions marked)."""
    enabled, insecure = {}, []
    for source, setting in check.dict_(value, "sources").items():
        if isinstance(setting, dict):
            check.table(setting, f"sources.{source}.", ("enabled", "insecure_tls"))
            enabled[source] = check.boolean(setting.get("enabled", True),
                                            f"sources.{source}.enabled")
            if check.boolean(setting.get("insecure_tls", False),
                             f"sources.{source}.insecure_tls"):
                insecure.append(source)
        else:
            enabled[source] = check.boolean(setting, f"sources.{source}")
    return enabled, insecure


def _array(check: _Checker, value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise check.error(key, f"must be an array of tables ([[{key}]])")
    return value


def _categories(check: _Checker, value: Any, key: str) -> list[str]:
    categories = check.strings(value, key)
    known = [c.value for c in Category]
    for i, category in enumerate(categories):
        if category not in known:
            raise check.error(f"{key}[{i}]", f"unknown category {_shown(category)} "
                              f"(known: {', '.join(known)})")
    return categories


def _topics(check: _Checker, value: Any) -> list[Topic]:
    """[[topics]]: each with a name and a non-empty term list; names unique."""
    topics: list[Topic] = []
    for i, raw in enumerate(_array(check, value, "topics")):
        key = f"topics[{i}]"
        table = check.dict_(raw, key)
        named = f" (topic {_shown(table['name'])})" if isinstance(table.get("name"), str) else ""
        allowed = [f.name for f in fields(Topic)]
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise check.error(f"{key}.{unknown[0]}", f"unknown key{named} (allowed: "
                              f"{', '.join(allowed)})")
        if "name" not in table:
            raise check.error(f"{key}.name", "missing")
        name = check.string(table["name"], f"{key}.name")
        terms = check.strings(table.get("terms", []), f"{key}.terms")
        if not terms:
            raise check.error(f"{key}.terms", f"empty{named}: a topic needs at least one term "
                              "(Chinese or English)")
        if name in [t.name for t in topics]:
            raise check.error(f"{key}.name", f"topic {_shown(name)} is defined twice")
        lists = check.strings(table.get("entity_lists", []), f"{key}.entity_lists")
        for j, entity_list in enumerate(lists):
            if entity_list not in ENTITY_LISTS:
                raise check.error(f"{key}.entity_lists[{j}]", f"unknown list {_shown(entity_list)}"
                                  f" (known: {', '.join(ENTITY_LISTS)})")
        topics.append(Topic(
            name=name, terms=terms,
            categories=_categories(check, table.get("categories", []), f"{key}.categories"),
            sources=check.strings(table.get("sources", []), f"{key}.sources"),
            measures=[m.upper() for m in check.strings(table.get("measures", []),
                                                       f"{key}.measures")],
            entity_lists=lists))
    return topics


def _topic_names(check: _Checker, table: dict[str, Any], key: str, known: list[str]
                 ) -> list[str]:
    names = check.strings(table.get("topics", []), f"{key}.topics")
    for i, name in enumerate(names):
        if name not in known:
            raise check.error(f"{key}.topics[{i}]", f"unknown topic {_shown(name)} (defined: "
                              f"{', '.join(known) or 'none; add a [[topics]] table'})")
    return names


def _channel(check: _Checker, value: Any, key: str, topics: list[str]) -> Channel:
    """[[channels]]: name, url or url_env (an Apprise URL), and a recipient's filters."""
    table = check.dict_(value, key)
    allowed = ["name", "url", "url_env", "categories", "sources", "measures", "topics"]
    check.table(table, f"{key}.", allowed)
    if "name" not in table:
        raise check.error(f"{key}.name", "missing")
    if ("url" in table) == ("url_env" in table):
        raise check.error(f"{key}.url", "give exactly one of url (an Apprise URL such as "
                          "json://host/path) or url_env (the environment variable holding it)")
    url = check.string(table["url"], f"{key}.url") if "url" in table else None
    if url is not None and "://" not in url:
        raise check.error(f"{key}.url", f"must be an Apprise URL (scheme://...), got {_shown(url)}")
    return Channel(
        address=check.string(table["name"], f"{key}.name"), url=url,
        url_env=check.string(table["url_env"], f"{key}.url_env") if "url_env" in table else None,
        categories=_categories(check, table.get("categories", []), f"{key}.categories"),
        sources=check.strings(table.get("sources", []), f"{key}.sources"),
        measures=[m.upper() for m in check.strings(table.get("measures", []), f"{key}.measures")],
        topics=_topic_names(check, table, key, topics))


def _jpaas_columns(check: _Checker, value: Any) -> dict[str, dict[str, str]]:
    """[jpaas_columns."<list url>"] tables: each with webId, pageId and tplSetId."""
    columns = {}
    for url, table in check.dict_(value, "jpaas_columns").items():
        key = f'jpaas_columns."{url}"'
        check.url(url, key)
        table = check.dict_(table, key)
        check.table(table, f"{key}.", JPAAS_KEYS)
        columns[url] = {name: check.string(table.get(name), f"{key}.{name}")
                        for name in JPAAS_KEYS}
    return columns


def _mail(check: _Checker, value: Any, topics: list[str] | None = None) -> MailConfig:
    mail = check.dict_(value, "mail")
    defaults = MailConfig()
    if "password" in mail:
        raise check.error("mail.password", "secrets are not read from the file; put the "
                          f"password in the environment variable named by mail.password_env "
                          f"({mail.get('password_env', defaults.password_env)})")
    check.table(mail, "mail.", (f.name for f in fields(MailConfig)))
    raw_recipients = mail.get("recipients", [])
    if not isinstance(raw_recipients, list):
        raise check.error("mail.recipients", "must be an array of tables ([[mail.recipients]])")
    username = mail.get("username")
    return MailConfig(
        recipients=[_recipient(check, r, f"mail.recipients[{i}]", topics or [])
                    for i, r in enumerate(raw_recipients)],
        smtp_host=check.string(mail.get("smtp_host", defaults.smtp_host), "mail.smtp_host"),
        smtp_port=check.integer(mail.get("smtp_port", defaults.smtp_port), "mail.smtp_port",
                                1, 65535),
        tls=check.one_of(mail.get("tls", defaults.tls), "mail.tls", TLS_MODES),
        sender=check.address(mail.get("sender", defaults.sender), "mail.sender"),
        username=None if username is None else check.string(username, "mail.username"),
        password_env=check.string(mail.get("password_env", defaults.password_env),
                                  "mail.password_env"),
        send_when_empty=check.boolean(mail.get("send_when_empty", defaults.send_when_empty),
                                      "mail.send_when_empty"),
        subject_prefix=check.string(mail.get("subject_prefix", defaults.subject_prefix),
                                    "mail.subject_prefix"),
    )


def _recipient(check: _Checker, value: Any, key: str, topics: list[str]) -> Recipient:
    table = check.dict_(value, key)
    check.table(table, f"{key}.", (f.name for f in fields(Recipient)))
    if "address" not in table:
        raise check.error(f"{key}.address", "missing")
    categories = _categories(check, table.get("categories", []), f"{key}.categories")
    return Recipient(address=check.address(table["address"], f"{key}.address"),
                     categories=categories, topics=_topic_names(check, table, key, topics),
                     sources=check.strings(table.get("sources", []), f"{key}.sources"),
                     measures=[m.upper() for m in check.strings(table.get("measures", []),
                                                                f"{key}.measures")],
                     **_entity_filters(check, table, key))


def _entity_filters(check: _Checker, table: dict[str, Any], key: str) -> dict[str, list[str]]:
    """A recipient's `lists` (known list names) and `entities` (names that can be screened,
    or ENT- ids)."""
    lists = check.strings(table.get("lists", []), f"{key}.lists")
    known = [name.value for name in ListName]
    for i, name in enumerate(lists):
        if name not in known:
            raise check.error(f"{key}.lists[{i}]", f"unknown list {_shown(name)} "
                              f"(known: {', '.join(known)})")
    entities = check.strings(table.get("entities", []), f"{key}.entities")
    if entities:
        from pipelines.screening import check_query
    for i, name in enumerate(entities):
        try:
            check_query(name)
        except ValueError as e:
            raise check.error(f"{key}.entities[{i}]", str(e)) from None
    return {"lists": lists, "entities": entities}
