"""regwatch.toml: defaults, the bundled example, and one-line errors naming the key."""

import ast
from pathlib import Path

import pytest
from conftest import REPO

from crawler.runner import known_sources
from pipelines.config import (
    Config,
    ConfigError,
    MailConfig,
    Recipient,
    check_as_of,
    load_config,
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "regwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_default_file_gives_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REGWATCH_CONFIG", raising=False)
    config = load_config()
    assert config.sources == {}
    assert config.deadline_days == [30, 7]
    assert config.removed_after_nights == 3
    assert config.datasette_url == "http://127.0.0.1:8001"
    assert config.log_file == "regwatch.log"
    assert config.mail == MailConfig()
    assert config.mail.recipients == [] and config.mail.smtp_port == 25
    assert config.mail.tls == "none" and config.mail.subject_prefix == "[regwatch]"
    assert config.enabled(known_sources()) == known_sources()


def test_default_file_and_environment_variable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REGWATCH_CONFIG", raising=False)
    write(tmp_path, "log_file = 'here.log'\n")
    assert load_config().log_file == "here.log"
    other = tmp_path / "other.toml"
    other.write_text("log_file = 'there.log'\n", encoding="utf-8")
    monkeypatch.setenv("REGWATCH_CONFIG", str(other))
    assert load_config().log_file == "there.log"
    monkeypatch.setenv("REGWATCH_CONFIG", str(tmp_path / "gone.toml"))
    with pytest.raises(ConfigError, match="gone.toml: no such configuration file"):
        load_config()


def test_the_example_parses():
    config = load_config(REPO / "regwatch.example.toml")
    assert isinstance(config, Config)
    assert config.mail.tls == "starttls" and config.mail.smtp_port == 587
    assert config.mail.username == "regwatch@example.org"
    assert [r.address for r in config.mail.recipients][0] == "compliance@example.org"
    desk = config.mail.recipients[1]
    assert desk.topics == ["rare earths"]  # a topic, not a list of measures that misses some
    assert [t.name for t in config.topics] == ["rare earths", "gallium and germanium"]
    assert [c.address for c in config.channels] == ["rare-earths-slack", "intranet-webhook"]
    assert config.channels[0].url_env == "REGWATCH_SLACK_URL"
    assert config.mail.recipients[2] == Recipient("customs-team@example.org", sources=["customs"])
    enabled = config.enabled(known_sources())
    assert "chinadaily" not in enabled and "mofcom" in enabled


def test_password_comes_from_the_environment_only(tmp_path, monkeypatch):
    path = write(tmp_path, "[mail]\nusername = 'u'\npassword_env = 'MY_SMTP_SECRET'\n")
    config = load_config(path)
    monkeypatch.delenv("MY_SMTP_SECRET", raising=False)
    assert config.mail.password() is None
    monkeypatch.setenv("MY_SMTP_SECRET", "s3cret")
    assert config.mail.password() == "s3cret"
    bad = write(tmp_path, "[mail]\npassword = 's3cret'\n")
    with pytest.raises(ConfigError) as e:
        load_config(bad)
    assert "mail.password:" in str(e.value) and "environment" in str(e.value)
    assert "s3cret" not in str(e.value)


def test_recipient_filters():
    change = {"kind": "status_changed", "measure": "MOFCOM-2025-61", "category": "suspension",
              "source": "mofcom"}
    assert Recipient("a@x.org").wants(change)
    assert Recipient("a@x.org", categories=["suspension"]).wants(change)
    assert not Recipient("a@x.org", categories=["tariff"]).wants(change)
    assert Recipient("a@x.org", categories=["tariff"]).wants(change, measure_category="tariff")
    assert not Recipient("a@x.org", sources=["customs"]).wants(change)
    assert Recipient("a@x.org", measures=["MOFCOM-2025-61"], sources=["mofcom"]).wants(change)
    assert not Recipient("a@x.org", measures=["MOFCOM-2025-62"]).wants(change)


@pytest.mark.parametrize(("text", "key", "problem"), [
    ("[mail]\nsmtp_port = \"abc\"\n", "mail.smtp_port", 'must be an integer, got "abc"'),
    ("[mail]\nsmtp_port = 70000\n", "mail.smtp_port", "must be between 1 and 65535"),
    ("[mail]\nsmtp_port = true\n", "mail.smtp_port", "must be an integer, got true"),
    ("[mail]\ntls = \"maybe\"\n", "mail.tls", "must be one of none, starttls, ssl"),
    ("[mail]\nsend_when_empty = \"yes\"\n", "mail.send_when_empty", "must be true or false"),
    ("[mail]\nsender = \"nobody\"\n", "mail.sender", "must be an email address"),
    ("[mail]\nsmtp_hots = \"x\"\n", "mail.smtp_hots", "unknown key"),
    ("colour = \"blue\"\n", "colour", "unknown key"),
    ("deadline_days = [30, \"7\"]\n", "deadline_days[1]", "must be an integer"),
    ("deadline_days = []\n", "deadline_days", "must be a non-empty list"),
    ("removed_after_nights = 0\n", "removed_after_nights", "must be at least 1"),
    ("datasette_url = \"javascript:alert(1)\"\n", "datasette_url", "must be an http(s) URL"),
    ("[sources]\nmofcom = \"on\"\n", "sources.mofcom", "must be true or false"),
    ("sources = 3\n", "sources", "must be a table"),
    ("[[mail.recipients]]\ncategories = [\"tariff\"]\n", "mail.recipients[0].address",
     "missing"),
    ("[[mail.recipients]]\naddress = \"a@x.org\"\ncategories = [\"rare\"]\n",
     "mail.recipients[0].categories[0]", "unknown category"),
    ("[[mail.recipients]]\naddress = \"a@x.org\"\nfilter = 1\n",
     "mail.recipients[0].filter", "unknown key"),
    ("[[mail.recipients]]\naddress = \"a@x.org\"\nmeasures = \"MOFCOM-2025-61\"\n",
     "mail.recipients[0].measures", "must be a list of strings"),
])
def test_each_error_is_one_line_naming_the_key(tmp_path, text, key, problem):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        load_config(path)
    message = str(e.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {key}: ")
    assert problem in message


def test_bad_toml_names_the_line(tmp_path):
    path = write(tmp_path, "[mail]\nsmtp_port = 25\nsender = \n")
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert str(e.value).startswith(f"{path}: invalid TOML: ")
    assert "line 3" in str(e.value) and "\n" not in str(e.value)


def test_missing_explicit_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml")


def test_unknown_source_is_named():
    config = Config(sources={"mofcon": False})
    with pytest.raises(ConfigError, match=r"sources\.mofcon: unknown source"):
        config.enabled(known_sources())


def test_environment_overrides_the_file_and_options_override_both(tmp_path):
    path = write(tmp_path, "revisit_recent_days = 30\ndatasette_url = 'http://file:1'\n")
    env = {"REGWATCH_REVISIT_RECENT_DAYS": "45", "REGWATCH_DEADLINE_DAYS": "7,30,14"}
    config = load_config(path, environ=env)
    assert config.revisit_recent_days == 45 and config.datasette_url == "http://file:1"
    assert config.deadline_days == [30, 14, 7]
    config = load_config(path, environ=env, overrides={"db": "x.db", "reports": None})
    assert config.db == "x.db" and config.reports == "diff_reports"


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("REGWATCH_REVISIT_RECENT_DAYS", "abc",
     'REGWATCH_REVISIT_RECENT_DAYS: must be an integer, got "abc"'),
    ("REGWATCH_REMOVED_AFTER_NIGHTS", "0", "REGWATCH_REMOVED_AFTER_NIGHTS: must be at least 1"),
    ("REGWATCH_DEADLINE_DAYS", "30,x", 'REGWATCH_DEADLINE_DAYS[1]: must be an integer, got "x"'),
    ("REGWATCH_DATASETTE_URL", "ftp://x", "REGWATCH_DATASETTE_URL: must be an http(s) URL"),
    ("REGWATCH_LOG_LEVEL", "LOUD", "REGWATCH_LOG_LEVEL: must be one of DEBUG, INFO"),
    ("REGWATCH_AS_OF", "garbage", 'REGWATCH_AS_OF: "garbage" is not an ISO date'),
    ("REGWATCH_AS_OF", "0001-01-01", "REGWATCH_AS_OF: 0001-01-01 is outside 2000-01-01"),
])
def test_a_bad_environment_value_is_one_line_naming_the_variable(tmp_path, monkeypatch, variable,
                                                                  value, message):
    monkeypatch.chdir(tmp_path)  # no regwatch.toml here: defaults, then the environment
    with pytest.raises(ConfigError) as e:
        load_config(environ={variable: value})
    assert str(e.value).startswith(message) and "\n" not in str(e.value)


def test_as_of_is_refused_outside_2000_to_a_year_ahead():
    assert check_as_of("2025-11-08") == "2025-11-08"
    for value in ("1999-12-31", "9999-01-01", "2025-13-01", ""):
        with pytest.raises(ConfigError):
            check_as_of(value)


def test_an_unknown_source_in_the_file_is_named_when_read(tmp_path):
    path = write(tmp_path, "[sources]\nmofcon = false\n")
    with pytest.raises(ConfigError, match=r"sources\.mofcon: unknown source"):
        load_config(path, known_sources=known_sources())


def test_every_default_is_written_once():
    """Defaults live in Config; no other module keeps a DEFAULT_* constant of its own."""
    found = []
    modules = [p for folder in ("crawler", "pipelines") for p in (REPO / folder).rglob("*.py")]
    for path in sorted(modules):
        if path.name == "config.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign) else [])
            found += [f"{path.name}: {t.id}" for t in targets
                      if isinstance(t, ast.Name) and t.id.startswith("DEFAULT")]
    assert found == []


def test_a_source_may_be_fetched_without_verifying_its_certificate(tmp_path):
    path = write(tmp_path, "[sources]\nchinadaily = false\n[sources.customs]\ninsecure_tls = true\n"
                           "[sources.globaltimes]\nenabled = false\n")
    config = load_config(path, known_sources=known_sources())
    assert config.insecure_tls == ["customs"]
    assert "customs" in config.enabled(known_sources())
    assert not {"chinadaily", "globaltimes"} & set(config.enabled(known_sources()))
    from crawler.runner import project_settings

    hosts = project_settings(config).getlist("REGWATCH_INSECURE_TLS_HOSTS")
    assert hosts == ["www.customs.gov.cn"]
    bad = write(tmp_path, "[sources.customs]\ninsecure = true\n")
    with pytest.raises(ConfigError, match=r"sources\.customs\.insecure: unknown key"):
        load_config(bad)


def test_each_archive_has_its_own_evidence_folder(tmp_path):
    """WARC files are named by run ids, which two archives in one folder share."""
    assert Config(db="data/archive.db").evidence_folder() == Path("data/evidence/archive")
    assert Config(db="data/demo.db").evidence_folder() == Path("data/evidence/demo")
    path = tmp_path / "regwatch.toml"
    path.write_text('evidence_dir = "/srv/warc"\nannex_max_bytes = 5000\n', encoding="utf-8")
    config = load_config(path)
    assert (config.evidence_folder(), config.annex_max_bytes) == (Path("/srv/warc"), 5000)
