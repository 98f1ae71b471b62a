"""Counts what the Socket.IO client libraries log as warnings or errors, instead of printing
it; what they log while the bench closes its own connections is not counted."""

from __future__ import annotations

import logging
from collections import Counter


class ClientLog(logging.Handler):
    """A root handler that keeps warning and error records of the client libraries as counts."""

    def __init__(self) -> None:
        """Set up the fields."""
        super().__init__(logging.WARNING)
        self.counts: Counter = Counter()
        self.paused = False

    def emit(self, record: logging.LogRecord) -> None:
        """Count warnings and errors by their first 80 characters (not those of a close)."""
        message = record.getMessage()
        if not self.paused and not message.startswith("Server sent "):
            self.counts[message[:80]] += 1

    def install(self) -> ClientLog:
        """Attach to the root logger (the libraries then add no printing handler)."""
        logging.getLogger().addHandler(self)
        return self

    def figures(self) -> dict:
        """Total and the most common messages."""
        return {"count": sum(self.counts.values()), "top": dict(self.counts.most_common(4))}


LOG = ClientLog()


def closing(paused: bool) -> None:
    """Stop (True) or go on (False) counting, around the bench closing its connections."""
    LOG.paused = paused
