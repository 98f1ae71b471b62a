"""Rendered pictures as HTTP answers: from the app's render cache (workshop/media/rendered.py),
with an ETag made from what they show; a browser that has the same picture gets 304 and
nothing is rendered."""

from __future__ import annotations

import pathlib
from collections.abc import Callable

from flask import Response, current_app, request
from flask_babel import get_locale

from ..media.qr import qr_png
from ..media.rendered import RenderCache, content_key, picture_stamps

ETAG_CHARS = 32


def cache() -> RenderCache:
    """The app's render cache, made on first use."""
    found = current_app.extensions.get("render_cache")
    if found is None:
        found = current_app.extensions.setdefault("render_cache", RenderCache())
    return found


def key(kind: str, data, url: str | None = None, labels: dict | None = None,
        pictures: list[str | None] | None = None, media_dir: pathlib.Path | None = None,
        **more) -> str:
    """The content key of a picture: kind, data, address, labels, language, pictures."""
    stamps = picture_stamps(pictures or [], media_dir) if media_dir is not None else []
    return content_key(kind, data, url, labels or {}, str(get_locale()), stamps, more)


def picture(content: str, work: Callable[..., bytes], *args, mimetype: str,
            headers: dict | None = None) -> Response:
    """The picture under `content` (rendered by `work(*args)` if not kept), with its ETag;
    304 without rendering when the browser sent that ETag in If-None-Match."""
    etag = content[:ETAG_CHARS]
    headers = {"Cache-Control": "no-cache", **(headers or {})}
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304, headers=headers)
    else:
        response = Response(cache().render(content, work, *args), mimetype=mimetype,
                            headers=headers)
    response.set_etag(etag)
    return response


def qr(url: str, box_size: int = 12) -> bytes:
    """The QR code PNG for `url`, from the cache."""
    return cache().render(content_key("qr", url, box_size), qr_png, url, box_size)


def qr_response(url: str, box_size: int = 12, headers: dict | None = None) -> Response:
    """The QR code for `url` as an answer with an ETag."""
    return picture(content_key("qr", url, box_size), qr_png, url, box_size,
                   mimetype="image/png", headers=headers)
