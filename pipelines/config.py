"""regwatch.toml: which sources, who gets the email digest and how it is sent.

`load_config()` reads the file (default `$REGWATCH_CONFIG`, else `./regwatch.toml`) into frozen
dataclasses and checks every key: an unknown key, a wrong type or a bad value is a ConfigError
whose message is one line naming the file, the key and the problem. A missing default file means
the defaults. Secrets never come from the file: the SMTP password is read from the environment
variable named by `mail.password_env`, when a mail is sent (`MailConfig.password()`).

Like crawler/settings.py for the Scrapy settings, this module is the one place that reads the
environment for the configuration file and the SMTP password.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from pipelines.vocab import Category

DEFAULT_PATH = "regwatch.toml"
CONFIG_ENV = "REGWATCH_CONFIG"
TLS_MODES = ("none", "starttls", "ssl")


class ConfigError(Exception):
    """The configuration cannot be used; the message is one line naming the key and the problem."""


@dataclass(frozen=True)
class Recipient:
    """One address and what it wants to hear about (an empty filter means everything)."""

    address: str
    categories: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)

    def wants(self, change: dict[str, Any], measure_category: str | None = None) -> bool:
        """Whether a change passes every non-empty filter (any value within a filter)."""
        if self.categories and not ({change.get("category"), measure_category}
                                    & set(self.categories)):
            return False
        if self.sources and change.get("source") not in self.sources:
            return False
        return not self.measures or change.get("measure") in self.measures


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
    sources: dict[str, bool] = field(default_factory=dict)
    mail: MailConfig = field(default_factory=MailConfig)
    deadline_days: list[int] = field(default_factory=lambda: [30, 7])
    removed_after_nights: int = 3
    datasette_url: str = "http://127.0.0.1:8001"
    log_file: str = "regwatch.log"
    path: str = DEFAULT_PATH  # where it was read from (for messages)

    def enabled(self, all_sources: list[str]) -> list[str]:
        """The sources to crawl: every known source not set to false in [sources]."""
        unknown = sorted(set(self.sources) - set(all_sources))
        if unknown:
            raise ConfigError(f"{self.path}: sources.{unknown[0]}: unknown source "
                              f"(known: {', '.join(all_sources)})")
        return [name for name in all_sources if self.sources.get(name, True)]


def _shown(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return json.dumps(str(value), ensure_ascii=False)


class _Checker:
    """Reads a parsed table, key by key, raising ConfigError with the key's dotted name."""

    def __init__(self, path: str) -> None:
        self.path = path

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: {key}: {problem}")

    def table(self, data: dict[str, Any], prefix: str, allowed: set[str]) -> None:
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
        name, addr = parseaddr(text)
        if "@" not in addr or " " in addr or addr.startswith("@") or addr.endswith("@"):
            raise self.error(key, f"must be an email address, got {_shown(value)}")
        return text

    def dict_(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"must be a table, got {_shown(value)}")
        return value


def load_config(path: str | Path | None = None) -> Config:
    """The configuration at path (None: $REGWATCH_CONFIG, else ./regwatch.toml).

    A missing default file gives the defaults; a missing file that was named is an error.
    """
    explicit = path is not None or bool(os.environ.get(CONFIG_ENV))
    where = Path(path if path is not None else os.environ.get(CONFIG_ENV) or DEFAULT_PATH)
    name = str(where)
    if not where.exists():
        if explicit:
            raise ConfigError(f"{name}: no such configuration file")
        return Config(path=name)
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{name}: invalid TOML: {e}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: not UTF-8 text") from None
    except OSError as e:
        raise ConfigError(f"{name}: cannot read: {e.strerror or e}") from None
    return parse_config(data, name)


def parse_config(data: dict[str, Any], name: str = DEFAULT_PATH) -> Config:
    """The Config of an already parsed TOML document (checked like load_config)."""
    check = _Checker(name)
    defaults = Config()
    check.table(data, "", {"sources", "mail", "deadline_days", "removed_after_nights",
                           "datasette_url", "log_file"})

    sources = check.dict_(data.get("sources", {}), "sources")
    for source, on in sources.items():
        check.boolean(on, f"sources.{source}")

    days = data.get("deadline_days", defaults.deadline_days)
    if not isinstance(days, list) or not days:
        raise check.error("deadline_days", f"must be a non-empty list of whole days, "
                          f"got {_shown(days)}")
    days = sorted({check.integer(d, f"deadline_days[{i}]", 0) for i, d in enumerate(days)},
                  reverse=True)
    removed = check.integer(data.get("removed_after_nights", defaults.removed_after_nights),
                            "removed_after_nights", 1)
    url = check.string(data.get("datasette_url", defaults.datasette_url), "datasette_url")
    if not url.startswith(("http://", "https://")):
        raise check.error("datasette_url", f"must be an http(s) URL, got {_shown(url)}")
    log_file = check.string(data.get("log_file", defaults.log_file), "log_file")

    return Config(sources=dict(sources), mail=_mail(check, data.get("mail", {})),
                  deadline_days=days, removed_after_nights=removed,
                  datasette_url=url.rstrip("/"), log_file=log_file, path=name)


def _mail(check: _Checker, value: Any) -> MailConfig:
    mail = check.dict_(value, "mail")
    defaults = MailConfig()
    if "password" in mail:
        raise check.error("mail.password", "secrets are not read from the file; put the "
                          f"password in the environment variable named by mail.password_env "
                          f"({mail.get('password_env', defaults.password_env)})")
    check.table(mail, "mail.", {"recipients", "smtp_host", "smtp_port", "tls", "sender",
                                "username", "password_env", "send_when_empty",
                                "subject_prefix"})
    tls = check.string(mail.get("tls", defaults.tls), "mail.tls")
    if tls not in TLS_MODES:
        raise check.error("mail.tls", f"must be one of {', '.join(TLS_MODES)}, got {_shown(tls)}")
    raw_recipients = mail.get("recipients", [])
    if not isinstance(raw_recipients, list):
        raise check.error("mail.recipients", "must be an array of tables ([[mail.recipients]])")
    recipients = [_recipient(check, r, f"mail.recipients[{i}]")
                  for i, r in enumerate(raw_recipients)]
    username = mail.get("username")
    return MailConfig(
        recipients=recipients,
        smtp_host=check.string(mail.get("smtp_host", defaults.smtp_host), "mail.smtp_host"),
        smtp_port=check.integer(mail.get("smtp_port", defaults.smtp_port), "mail.smtp_port",
                                1, 65535),
        tls=tls,
        sender=check.address(mail.get("sender", defaults.sender), "mail.sender"),
        username=None if username is None else check.string(username, "mail.username"),
        password_env=check.string(mail.get("password_env", defaults.password_env),
                                  "mail.password_env"),
        send_when_empty=check.boolean(mail.get("send_when_empty", defaults.send_when_empty),
                                      "mail.send_when_empty"),
        subject_prefix=check.string(mail.get("subject_prefix", defaults.subject_prefix),
                                    "mail.subject_prefix"),
    )


def _recipient(check: _Checker, value: Any, key: str) -> Recipient:
    table = check.dict_(value, key)
    check.table(table, f"{key}.", {"address", "categories", "sources", "measures"})
    if "address" not in table:
        raise check.error(f"{key}.address", "missing")
    categories = check.strings(table.get("categories", []), f"{key}.categories")
    known = [c.value for c in Category]
    for i, category in enumerate(categories):
        if category not in known:
            raise check.error(f"{key}.categories[{i}]", f"unknown category {_shown(category)} "
                              f"(known: {', '.join(known)})")
    return Recipient(address=check.address(table["address"], f"{key}.address"),
                     categories=categories,
                     sources=check.strings(table.get("sources", []), f"{key}.sources"),
                     measures=[m.upper() for m in check.strings(table.get("measures", []),
                                                                f"{key}.measures")])
