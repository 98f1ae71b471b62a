"""An exclusive lock on a SQLite file, held by another process (as a backup or a `sqlite3`
shell would hold it) until the test lets go."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_HOLDER = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes the pipe (or dies)
db.execute("ROLLBACK")
db.close()
print("released", flush=True)
"""


class ExclusiveLock:
    """`with ExclusiveLock(path):` holds `BEGIN EXCLUSIVE` on the file in a subprocess;
    `release()` ends it early (and waits until the lock is gone)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> ExclusiveLock:
        self.process = subprocess.Popen([sys.executable, "-c", _HOLDER, str(self.path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        line = self.process.stdout.readline().strip()
        if line != "locked":
            self.process.kill()
            raise RuntimeError(f"the lock holder said {line!r}")
        return self

    def release(self) -> None:
        if self.process is None:
            return
        self.process.stdin.close()
        assert self.process.stdout.readline().strip() == "released"
        self.process.wait(10)
        self.process = None

    def __exit__(self, *_exc) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.release()
            self.process = None
