"""The group's progress page as a folder for the school website: a zip file with a
self-contained `index.html` (inline CSS, no scripts, no server), the pictures in `img/` and
the poster as `poster.png`.

Plain Python: the caller passes the page data (as for the progress page, status already in
words, no child's name unless the leader allowed first names), a function that renders
the page from that data and one that draws the poster."""

from __future__ import annotations

import copy
import io
import pathlib
import re
import zipfile
from collections.abc import Callable

from ..domain.errors import Refused
from ..netaddr import web_address

PICTURES = "img"
_MEDIA = re.compile(r"^/media/((?:photo|drawing)-[A-Za-z0-9_-]{16}\.(?:jpg|png))$")


def publish_address(text: str | None) -> str | None:
    """Where the leader will publish the folder: an http(s) address with a host, or None
    when left empty; anything else is refused with a message that says what to type."""
    if not (text or "").strip():
        return None
    address = web_address(text)
    if address is None:
        raise Refused("publish_address_invalid")
    return address


def _local(url: str | None, media_dir: pathlib.Path, files: dict[str, pathlib.Path]) -> str | None:
    """A stored picture's address inside the folder (`img/<name>`), or None when it is not
    a stored picture or its file is gone (the page then shows no picture)."""
    found = _MEDIA.match(url or "")
    if not found:
        return None
    path = media_dir / found.group(1)
    if not path.is_file():
        return None
    files[found.group(1)] = path
    return f"{PICTURES}/{found.group(1)}"


def local_pictures(data: dict, media_dir: pathlib.Path) -> tuple[dict, dict[str, pathlib.Path]]:
    """A copy of the page data whose pictures point into the folder, and the files to copy
    there by name."""
    files: dict[str, pathlib.Path] = {}
    local = copy.deepcopy(data)
    for idea in local.get("ideas") or []:
        idea["picture"] = _local(idea.get("picture"), media_dir, files)
        if idea.get("latest"):
            idea["latest"]["photo"] = _local(idea["latest"].get("photo"), media_dir, files)
    return local, files


def progress_folder(data: dict, media_dir: pathlib.Path, render: Callable[[dict], str],
                    poster: Callable[[dict], bytes]) -> bytes:
    """The zip file: `index.html` rendered from the data with pictures in `img/`, and the
    poster (drawn from the data as stored, so it finds the pictures itself)."""
    local, files = local_pictures(data, pathlib.Path(media_dir))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as folder:
        folder.writestr("index.html", render(local))
        for name, path in sorted(files.items()):
            # pictures are compressed already
            folder.write(path, f"{PICTURES}/{name}", compress_type=zipfile.ZIP_STORED)
        folder.writestr("poster.png", poster(data), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()
