"""`scrapy crawl NAME [NAME...]`: the same run as `regwatch crawl --source NAME`.

The configuration is read as every regwatch command reads it (regwatch.toml, REGWATCH_*
environment variables such as REGWATCH_DB, REGWATCH_AS_OF and REGWATCH_MIRROR); Scrapy's own `-s`
options are laid over the project's settings. A bad value is one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError as ScrapyUsageError
from scrapy.settings import SETTINGS_PRIORITIES

from crawler.lock import EXIT_LOCKED, LockHeld, archive_lock
from crawler.runner import Run, StopRequested, UsageError, known_sources
from pipelines.archive import ArchiveError
from pipelines.config import ConfigError, load_config


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False  # the run owner makes its own

    def syntax(self) -> str:
        return "<spider> [<spider> ...]"

    def short_desc(self) -> str:
        return "Crawl sources by name, as `regwatch crawl --source NAME` does"

    def command_line_settings(self) -> dict[str, Any]:
        """What `-s KEY=VALUE`, `--loglevel` and the like set on the command line."""
        assert self.settings is not None
        cmdline = SETTINGS_PRIORITIES["cmdline"]
        return {key: self.settings[key] for key in self.settings
                if self.settings.getpriority(key) == cmdline}

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise ScrapyUsageError("name a source: " + ", ".join(known_sources()))
        try:
            config = load_config(known_sources=known_sources())
            run = Run(config, args, extra_settings=self.command_line_settings())
            with archive_lock(config.db):
                run.execute()
        except LockHeld as e:
            print(f"regwatch: {e}", file=sys.stderr)
            self.exitcode = EXIT_LOCKED
        except StopRequested as e:
            print(f"regwatch: {e}", file=sys.stderr)
            self.exitcode = e.exit_status
        except (UsageError, ConfigError, ArchiveError) as e:
            print(f"regwatch: {e}", file=sys.stderr)
            self.exitcode = 1
