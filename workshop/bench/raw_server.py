"""Baseline server: the smallest Flask-SocketIO app that does the product's job for the bench.

Same stack and async mode as the product (gevent or threading, python-socketio), and the
same event names and message shapes the bench's tablets and screen use, so the very same
simulated tablets run against it: `join` inserts the child (insert-or-ignore) and answers
with the state in the tablets' room, `submit` inserts the idea or vote by the tablet's id
(insert-or-ignore into SQLite, WAL, committed before the acknowledgement), acknowledges,
and emits `added` to the screen's room; vote totals go to the tablets a few times a second
when they changed. No accounts, checks, budgets, locales or ORM: what is left is
store-and-forward.
Run: python -m workshop.bench.raw_server --port 5099 --database /tmp/raw.db"""

from __future__ import annotations

import argparse
import json
import secrets
import sqlite3
import sys
from collections import Counter

STEPS = [{"kind": "ideas", "choices": [{"id": "make"}, {"id": "play"}, {"id": "meet"}]},
         {"kind": "vote", "budget": 3, "max_per_idea": 3}]
SCHEMA = """
CREATE TABLE IF NOT EXISTS child (token TEXT PRIMARY KEY, workshop INTEGER, name TEXT);
CREATE TABLE IF NOT EXISTS idea (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE,
                                 workshop INTEGER, payload TEXT);
CREATE TABLE IF NOT EXISTS vote (client_id TEXT PRIMARY KEY, workshop INTEGER, idea INTEGER);
"""


def connect(path: str) -> sqlite3.Connection:
    """The one connection, with the product's pragmas (WAL, synchronous NORMAL)."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    return db


def build(async_mode: str, database: str):
    """The app and its Socket.IO server with the events on /live."""
    from flask import Flask, request
    from flask_socketio import SocketIO, emit, join_room

    app = Flask(__name__)
    socketio = SocketIO(app, async_mode=async_mode, max_http_buffer_size=12 * 1024 * 1024,
                        ping_interval=10, ping_timeout=20)
    db = connect(database)
    step: dict[int, int] = {}
    shortlist: dict[int, set[int]] = {}
    tallies: dict[int, Counter] = {}
    dirty: set[int] = set()
    tablets: dict[str, int] = {}  # sid -> workshop
    ns = "/live"

    def ideas_of(workshop: int) -> list[dict]:
        rows = db.execute("SELECT id FROM idea WHERE workshop = ?", (workshop,)).fetchall()
        return [{"id": r[0], "workshop_id": workshop} for r in rows]

    def shared(workshop: int) -> dict:
        index = step.get(workshop, 0)
        ideas = []
        if STEPS[index]["kind"] == "vote":
            chosen = shortlist.get(workshop)
            ideas = [i for i in ideas_of(workshop) if not chosen or i["id"] in chosen]
        return {"workshop_id": workshop, "step_index": index, "step": STEPS[index],
                "ideas": ideas}

    def workshop_of(code) -> int:
        return int(str(code).rpartition("-")[2] or 1)

    @socketio.on("echo", namespace=ns)
    def echo(data):
        return data

    @socketio.on("screen_hello", namespace=ns)
    def screen_hello(data):
        workshop = int(data.get("workshop_id") or 1)
        join_room(f"screen-{workshop}")
        return {"ok": True, "state": {"code": f"RAW-{workshop}", "steps": STEPS,
                                      "ideas": ideas_of(workshop)}}

    @socketio.on("control", namespace=ns)
    def control(data):
        workshop = int(data.get("workshop_id") or 1)
        if data.get("action") == "goto":
            step[workshop] = int(data.get("value") or 0)
            socketio.emit("shared", shared(workshop), to=f"tablets-{workshop}", namespace=ns)
        return {"ok": True}

    @socketio.on("moderate", namespace=ns)
    def moderate(data):
        shortlist.setdefault(int(data.get("workshop_id") or 1), set()).add(int(data["id"]))
        return {"ok": True}

    @socketio.on("join", namespace=ns)
    def join(data):
        token = secrets.token_hex(8)
        workshop = workshop_of(data.get("code"))
        db.execute("INSERT OR IGNORE INTO child VALUES (?, ?, ?)",
                   (token, workshop, str(data.get("name"))))
        tablets[request.sid] = workshop  # in its room with the state, as the product does
        join_room(f"tablets-{workshop}")
        return {"ok": True, "token": token, "state": shared(workshop)}

    @socketio.on("tablet_hello", namespace=ns)
    def tablet_hello(data):
        workshop = workshop_of(data.get("code"))
        tablets[request.sid] = workshop
        join_room(f"tablets-{workshop}")
        return {"ok": True, "state": shared(workshop)}

    @socketio.on("tablet_own", namespace=ns)
    def tablet_own(_data=None):
        workshop = tablets.get(request.sid)
        if workshop is None:
            return {"ok": False, "error": "unknown_child"}
        return {"ok": True, "step_index": step.get(workshop, 0), "own": {}}

    @socketio.on("submit", namespace=ns)
    def submit(data):
        workshop = tablets.get(request.sid)
        if workshop is None:
            return {"ok": False, "error": "unknown_child"}
        client_id, payload = str(data.get("client_id")), data.get("payload") or {}
        if data.get("what") == "vote":
            idea = int(payload.get("idea_id") or 0)
            new = db.execute("INSERT OR IGNORE INTO vote VALUES (?, ?, ?)",
                             (client_id, workshop, idea)).rowcount
            if new:
                tallies.setdefault(workshop, Counter())[idea] += 1
                dirty.add(workshop)
            return {"ok": True, "result": {"duplicate": not new}}
        new = db.execute("INSERT OR IGNORE INTO idea (client_id, workshop, payload) "
                         "VALUES (?, ?, ?)", (client_id, workshop, json.dumps(payload))).rowcount
        row = db.execute("SELECT id FROM idea WHERE client_id = ?", (client_id,)).fetchone()
        item = {"id": row[0], "workshop_id": workshop, **payload}
        if new:
            emit("added", {"what": "idea", "client_id": client_id, "item": item},
                 to=f"screen-{workshop}")
        return {"ok": True, "result": {"duplicate": not new, "item": item}}

    @socketio.on("disconnect", namespace=ns)
    def disconnect(*_reason):
        tablets.pop(request.sid, None)

    def send_totals():
        """Totals that changed, to the tablets: 4 times a second, twice with over 1,000."""
        while True:
            socketio.sleep(0.5 if len(tablets) > 1000 else 0.25)
            for workshop in list(dirty):
                dirty.discard(workshop)
                votes = {str(k): v for k, v in tallies[workshop].items()}
                socketio.emit("results", {"tally": {"votes": votes}},
                              to=f"tablets-{workshop}", namespace=ns)

    socketio.start_background_task(send_totals)
    return app, socketio


def main(argv: list[str] | None = None) -> None:
    """Serve until terminated."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5099)
    parser.add_argument("--async-mode", default="gevent")
    parser.add_argument("--database", default="raw-bench.db", help="SQLite file")
    args = parser.parse_args(argv)
    if args.async_mode == "gevent" and "flask" not in sys.modules:
        from gevent import monkey

        monkey.patch_all()  # as `workshop serve` does
    app, socketio = build(args.async_mode, args.database)
    socketio.run(app, host=args.host, port=args.port, allow_unsafe_werkzeug=True,
                 log_output=False)


if __name__ == "__main__":
    main()
