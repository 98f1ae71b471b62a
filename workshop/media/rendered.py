"""Posters, idea cards and QR codes kept by what they show, so a public link opened a
thousand times renders its poster once.

The key is a hash of everything that decides the picture: what kind it is, the data, the
labels (already in the reader's language), the language, the address in the QR code, the
size and time of each stored picture it draws (a picture removed by the retention purge
changes the key), and the source of the drawing code (a new layout after an update changes
every key, so a browser's old ETag does not keep an old poster). Rendering runs in a real
thread (workshop/offload.py), at most one core fewer than the machine has at a time, and one
render per key: whoever asks for a key that is being rendered waits for that render.

Kept in memory only, bounded in count and bytes, least recently used out first: no copy of
the children's work outlives the process (the retention purge removes the data; a cache
file on disk would keep showing it)."""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

from ..offload import off_loop

_SOURCES = ("cards.py", "poster.py", "qr.py")


def _code_version() -> str:
    here = pathlib.Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _SOURCES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


def picture_stamps(urls: Iterable[str | None], media_dir: pathlib.Path) -> list:
    """For each /media/ address: its file's size and modification time, or None when the
    file is missing (the picture is then not drawn, so the key must differ)."""
    stamps = []
    for url in urls:
        if not url:
            continue
        path = pathlib.Path(media_dir) / pathlib.PurePosixPath(url).name
        try:
            info = path.stat()
            stamps.append([url, info.st_size, info.st_mtime_ns])
        except OSError:
            stamps.append([url, None])
    return stamps


def content_key(kind: str, *parts) -> str:
    """A hex key for a picture of `kind` drawn from `parts` (JSON-able, in any dict order)."""
    text = json.dumps([CODE_VERSION, kind, *parts], sort_keys=True, default=str,
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class RenderCache:
    """Rendered pictures by key, at most `most` of them and `most_bytes` together."""

    def __init__(self, most: int = 128, most_bytes: int = 64 * 2**20,
                 renders_at_once: int | None = None) -> None:
        """Set up the fields (the locks are gevent's once the standard library is patched)."""
        self.most, self.most_bytes = most, most_bytes
        self.renders = 0      # how many times something was rendered (the tests count)
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._making: dict[str, list] = {}   # key -> [lock, number of waiters]
        at_once = renders_at_once or max(1, (os.cpu_count() or 2) - 1)
        self._turns = threading.BoundedSemaphore(at_once)

    def get(self, key: str) -> bytes | None:
        """The picture under `key` if it is kept."""
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def _put(self, key: str, body: bytes) -> None:
        if len(body) > self.most_bytes:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = body
            self._bytes += len(body)
            while len(self._items) > self.most or self._bytes > self.most_bytes:
                _old, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)

    def render(self, key: str, work: Callable[..., bytes], *args) -> bytes:
        """The picture under `key`, rendered by `work(*args)` off the event loop if not kept
        yet; a second caller of the same key waits for the first one's render."""
        body = self.get(key)
        if body is not None:
            return body
        with self._lock:
            making = self._making.setdefault(key, [threading.Lock(), 0])
            making[1] += 1
        try:
            with making[0]:
                body = self.get(key)
                if body is None:
                    with self._turns:
                        self.renders += 1
                        body = off_loop(work, *args)
                    self._put(key, body)
                return body
        finally:
            with self._lock:
                making[1] -= 1
                if making[1] == 0:
                    self._making.pop(key, None)

    def clear(self) -> None:
        """Forget everything kept."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)
