"""Configuration from environment variables, with embedded defaults.

| variable | default | what |
|---|---|---|
| WORKSHOP_DATA_DIR | ./data | database, uploads, own plans, secret key |
| WORKSHOP_DATABASE_URL | sqlite file in the data dir | e.g. postgresql+psycopg://host/db |
| WORKSHOP_MESSAGE_QUEUE | (none) | e.g. redis://127.0.0.1:6379/0, for several processes |
| WORKSHOP_MESSAGE_CHANNEL | workshop | queue channel (several deployments on one Redis) |
| WORKSHOP_PUBLIC_URL | http://<LAN address>:<port> | address in QR codes (hosted server) |
| WORKSHOP_HOST / WORKSHOP_PORT | 0.0.0.0 / 5000 | where the server listens |
| WORKSHOP_SECRET_KEY | generated once, kept in the data dir | signs login cookies |
| WORKSHOP_ASYNC_MODE | gevent | Socket.IO async mode (gevent, or threading) |
| WORKSHOP_ROLE | all | all (one laptop does everything), classroom, or network (hosted) |
| WORKSHOP_SYNC_SECONDS | 20 | how often a laptop sends waiting shipments and fetches news |
| WORKSHOP_IDLE_HOURS | 12 | a login ends after this long without a request |
| WORKSHOP_PROXIES | 0 | reverse proxies in front that set X-Forwarded-For and -Proto |
| WORKSHOP_RETENTION_MONTHS | 12 | months child data is kept after a series (settings page wins) |
| WORKSHOP_DB_WAIT_SECONDS | 10 | how long a socket event waits for a locked database, then "busy" |

The database wait bounds a locked SQLite file (its busy timeout) and, on PostgreSQL, a row or
table held by another session (the lock_timeout of the event's transactions).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _secret(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


ROLES = ("all", "classroom", "network")


def _instance_id(data_dir: Path) -> str:
    """This server's own id, made once: ids of what it ships start with it."""
    path = data_dir / "instance_id"
    if not path.exists():
        path.write_text(secrets.token_hex(12))
    return path.read_text().strip()


def load(overrides: dict | None = None) -> dict:
    """The settings: environment first, then `overrides` (tests)."""
    overrides = overrides or {}
    env = os.environ.get
    data_dir = Path(overrides.get("DATA_DIR") or env("WORKSHOP_DATA_DIR") or ROOT / "data")
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = {
        "DATA_DIR": data_dir,
        "DATABASE_URL": env("WORKSHOP_DATABASE_URL") or f"sqlite:///{data_dir / 'workshop.db'}",
        "MESSAGE_QUEUE": env("WORKSHOP_MESSAGE_QUEUE") or None,
        "MESSAGE_CHANNEL": env("WORKSHOP_MESSAGE_CHANNEL") or "workshop",
        "PUBLIC_URL": env("WORKSHOP_PUBLIC_URL") or None,
        "HOST": env("WORKSHOP_HOST") or "0.0.0.0",
        "PORT": int(env("WORKSHOP_PORT") or 5000),
        "ASYNC_MODE": env("WORKSHOP_ASYNC_MODE") or "gevent",
        "PLANS_DIR": ROOT / "sessions",
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        # The largest Socket.IO message read at all. Big enough that a tablet sending a
        # 45 MB photo unshrunk is answered "too big" (images.MAX_BYTES) in words instead of
        # losing its connection; beyond it Engine.IO closes the connection.
        "SOCKET_BUFFER_BYTES": int(env("WORKSHOP_SOCKET_BUFFER_BYTES") or 64 * 1024 * 1024),
        "ROLE": env("WORKSHOP_ROLE") or "all",
        "SYNC_SECONDS": float(env("WORKSHOP_SYNC_SECONDS") or 20),
        "IDLE_HOURS": float(env("WORKSHOP_IDLE_HOURS") or 12),
        "PROXIES": int(env("WORKSHOP_PROXIES") or 0),
        # the default retention period; an admin's choice on the settings page wins
        "RETENTION_MONTHS": int(env("WORKSHOP_RETENTION_MONTHS") or 12),
        # A socket event waits this long in all for the database (a SQLite file locked by
        # a backup, say), then it is refused with "busy": the tablet's outbox keeps the
        # item and sends it again. Below the 15 s a tablet waits for an answer, so the
        # words arrive.
        "DB_WAIT_SECONDS": float(env("WORKSHOP_DB_WAIT_SECONDS") or 10),
    }
    settings.update(overrides)
    settings["DATA_DIR"] = Path(settings["DATA_DIR"])
    settings.setdefault("SECRET_KEY", env("WORKSHOP_SECRET_KEY") or _secret(settings["DATA_DIR"]))
    if settings["ROLE"] not in ROLES:
        raise ValueError(f"WORKSHOP_ROLE must be one of {', '.join(ROLES)}")
    settings.setdefault("INSTANCE_ID", _instance_id(settings["DATA_DIR"]))
    settings["MEDIA_DIR"] = settings["DATA_DIR"] / "media"
    settings["OWN_PLANS_DIR"] = settings["DATA_DIR"] / "plans"
    return settings
