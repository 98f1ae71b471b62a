"""Settings an admin changes on the settings page, kept in the database; while none is
saved, the configuration's value holds (config.py)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..store.models import Setting, utcnow


def get(dbs: Session, key: str, default: str | None = None) -> str | None:
    """A saved setting, or `default`."""
    row = dbs.get(Setting, key)
    return row.value if row is not None else default


def put(dbs: Session, key: str, value: str) -> None:
    """Save a setting (the caller commits)."""
    row = dbs.get(Setting, key)
    if row is None:
        dbs.add(Setting(key=key, value=value, updated_at=utcnow()))
    else:
        row.value, row.updated_at = value, utcnow()
    dbs.flush()
