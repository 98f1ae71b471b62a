"""A record of refused events worth a look: tablets sending leader events, wrong workshops."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from ..store.models import AuditEntry

log = logging.getLogger("workshop.audit")


def record(dbs: Session, what: str, **detail) -> None:
    """Log and keep one refused event."""
    log.warning("refused %s %s", what, detail)
    dbs.add(AuditEntry(what=what, detail={k: str(v) for k, v in detail.items()}))
    dbs.commit()
