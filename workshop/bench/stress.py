"""`--stress`: during an idea burst, what may freeze a server's event loop happens, one
after the other, each in a window of its own so the idle socket's round trip can be read
per window:

- posters: the public poster of 3 groups at once, each never rendered before (its own
  group, so its own content: the cache by content cannot answer), then the same 3 again
  (now the cache answers: the figure for a shared link opened by many parents);
- logins: 10 wrong logins at once (each a password hash check);
- lock: another process holds an exclusive lock on the SQLite file for 10 s (as a backup or
  a `sqlite3` shell does), while one more page (`GET /login`) is asked for.

The bench starts the stressors in threads and a subprocess; their own figures (status codes
and seconds) come with the window."""

from __future__ import annotations

import asyncio
import re
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import requests

from .browser import Browser
from .stats import summary

POSTERS = 3
WRONG_LOGINS = 10
LOCK_SECONDS = 10.0
POSTER_LINK = re.compile(r'href="(/p/[A-Za-z0-9_-]{16,64}/poster\.png)"')
LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
"""


@dataclass
class Targets:
    """What the stressors reach: the server, its poster links and its SQLite file."""

    base: str
    posters: list[str] = field(default_factory=list)
    sqlite_file: Path | None = None
    setup_error: str | None = None


def poster_links(leader, count: int = POSTERS) -> list[str]:
    """Public poster links of `count` new groups (the leader makes their progress token by
    downloading the progress folder for another address, so that poster is another one)."""
    links = []
    for n in range(count):
        group_id = leader._new_group(f"Bench poster {n + 1} {secrets.token_hex(3)}")
        series_id = leader._new_series(group_id, f"Bench poster {n + 1}")
        leader.http.get(f"{leader.base}/series/{series_id}/progress-folder.zip",
                        params={"publish_url": f"https://example.org/bench-{n}/"}, timeout=60)
        found = POSTER_LINK.search(leader._get(f"/series/{series_id}"))
        if found:
            links.append(found.group(1))
    return links


def _timed_get(session: requests.Session, url: str, out: list) -> None:
    begin = time.monotonic()
    try:
        status = session.get(url, timeout=120).status_code
    except requests.RequestException as exc:
        status = type(exc).__name__
    out.append((status, time.monotonic() - begin))


def _wrong_login(base: str, n: int, out: list) -> None:
    """One browser: the login page, then a wrong password (another name each time)."""
    begin = time.monotonic()
    try:
        status = Browser().post(base + "/login", data={"username": f"nobody-{n}",
                                                       "password": secrets.token_hex(8)},
                                timeout=120, allow_redirects=False).status_code
    except requests.RequestException as exc:
        status = type(exc).__name__
    out.append((status, time.monotonic() - begin))


def _together(targets: list, args_of) -> list:
    """Run the calls in threads at once; their (status, seconds)."""
    out: list = []
    threads = [threading.Thread(target=fn, args=(*args_of(i), out), daemon=True)
               for i, fn in enumerate(targets)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    return out


def _requests(out: list) -> dict:
    return {"status": dict(Counter(str(s) for s, _ in out)),
            "seconds": summary([t for _, t in out])}


def _lock(path: Path, seconds: float, base: str) -> dict:
    """Hold the lock in another process; meanwhile one page; the figures."""
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    got = proc.stdout.readline().strip() == "locked"
    began = time.monotonic()
    page: list = []
    time.sleep(min(2.0, seconds / 2))
    _timed_get(requests.Session(), base + "/login", page)
    proc.wait(seconds + 60)
    return {"locked": got, "held_s": round(time.monotonic() - began, 2),
            "page_during_lock": _requests(page)}


def run_stressors(targets: Targets, mark) -> dict:
    """One after the other (blocking: run it in a thread); `mark(name, start, end)` names
    each window."""
    figures = {}
    if targets.posters:
        urls = [targets.base + p for p in targets.posters]
        for name in ("posters_new", "posters_cached"):
            begin = time.monotonic()
            out = _together([_timed_get] * len(urls), lambda i: (requests.Session(), urls[i]))
            mark(name, begin, time.monotonic())
            figures[name] = _requests(out)
    else:
        figures["posters_new"] = {"skipped": targets.setup_error or "no poster links"}
    begin = time.monotonic()
    out = _together([_wrong_login] * WRONG_LOGINS, lambda i: (targets.base, i))
    mark("logins", begin, time.monotonic())
    figures["logins"] = _requests(out)
    if targets.sqlite_file and targets.sqlite_file.exists():
        begin = time.monotonic()
        figures["lock"] = _lock(targets.sqlite_file, LOCK_SECONDS, targets.base)
        mark("lock", begin, time.monotonic())
    else:
        figures["lock"] = {"skipped": "not a SQLite file of a server the bench started"}
    return figures


async def stress_burst(rooms: list, opts, targets: Targets, mark) -> dict:
    """An idea burst (one more idea each over the stressors' time) with the stressors."""
    from .ideas import idea_burst

    window = max(opts.burst, 20.0)  # posters and logins take a few s, the lock 10 s
    stressors: dict = {}
    thread = threading.Thread(target=lambda: stressors.update(run_stressors(targets, mark)),
                              name="bench-stress", daemon=True)
    begin = time.monotonic()

    async def start_stressors() -> None:
        await asyncio.sleep(0.5)  # the burst starts in 0.5 s
        thread.start()

    starter = asyncio.ensure_future(start_stressors())
    ideas = await idea_burst(rooms, opts, burst=window)
    await starter
    while thread.is_alive():
        await asyncio.sleep(0.2)
    mark("stress", begin, time.monotonic())
    return {"ideas": ideas, "window_s": window, **stressors}
