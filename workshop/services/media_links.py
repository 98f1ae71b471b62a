"""Addresses of stored drawings and photos (a module of its own, so that every service can
use it without importing the snapshots)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..store.models import Media


def media_url(dbs: Session, media_id: int | None) -> str | None:
    """The address of a stored drawing or photo, or None."""
    if media_id is None:
        return None
    media = dbs.get(Media, media_id)
    return f"/media/{media.filename}" if media else None
