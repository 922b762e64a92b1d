"""One writer at a time: `<db>.lock`, an flock the OS releases if the process dies.

`regwatch crawl`, `nightly`, `digest` and `scrapy crawl` hold it while they write the archive;
a second one finds it held and stops with one line (exit 3), or waits with `--wait`.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXIT_LOCKED = 3


class LockHeld(Exception):
    """Another regwatch run holds the archive's lock; the message is one line."""


@contextmanager
def archive_lock(db: str | Path, wait: float | None = None) -> Iterator[Path]:
    """Hold `<db>.lock` (an flock, released by the OS if the process dies) for the block.

    wait=None: fail at once when it is held; otherwise wait up to `wait` seconds."""
    path = Path(f"{Path(db).resolve()}.lock")  # one lock per file, whatever link names it
    handle = open(path, "a+")  # noqa: SIM115 - held for the whole block
    deadline = time.monotonic() + (wait or 0)
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if wait is None or time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise LockHeld(f"{db} is locked by a running regwatch ({holder})") from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        yield path
    finally:
        handle.close()
