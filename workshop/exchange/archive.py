"""The shipment archive: one zip with `shipment.json` and the pictures it names.

The same file is pushed by a laptop over HTTPS and uploaded by an advisor when a laptop
never gets online. Reading it trusts nothing: sizes, names, member count, the JSON's shape
and every text are checked before anything is stored, and a problem refuses the whole
archive with a reason."""

from __future__ import annotations

import io
import json
import re
import zipfile

from ..domain.errors import Refused
from ..domain.texts import clean_text

FORMAT = 1
MANIFEST = "shipment.json"
MAX_ARCHIVE = 80 * 1024 * 1024
MAX_MANIFEST = 2 * 1024 * 1024
MAX_PICTURE = 8 * 1024 * 1024
MAX_IDEAS = 200
_PICTURE = re.compile(r"^pictures/[A-Za-z0-9_-]{1,64}\.(png|jpg)$")
_UID = re.compile(r"^[A-Za-z0-9/_.:-]{8,80}$")


def pack(manifest: dict, pictures: dict[str, bytes]) -> bytes:
    """The archive of a shipment: its manifest and pictures (names as in the manifest)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, data in pictures.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def unpack(data: bytes) -> tuple[dict, dict[str, bytes]]:
    """The checked manifest and the pictures it uses, or refuse the whole archive."""
    if not isinstance(data, bytes | bytearray) or not data:
        raise Refused("shipment_broken")
    if len(data) > MAX_ARCHIVE:
        raise Refused("shipment_too_big")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > 2 * MAX_IDEAS + 1:
                raise Refused("shipment_broken")
            sizes = {m.filename: m.file_size for m in members}
            if sizes.get(MANIFEST, MAX_MANIFEST + 1) > MAX_MANIFEST:
                raise Refused("shipment_broken")
            manifest = check_manifest(json.loads(archive.read(MANIFEST).decode("utf-8")))
            pictures = {}
            for name in _pictures_named(manifest):
                if name not in sizes:
                    raise Refused("shipment_broken")
                if sizes[name] > MAX_PICTURE:
                    raise Refused("image_too_big")
                pictures[name] = archive.read(name)
    except Refused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, OSError,
            UnicodeDecodeError, ValueError, NotImplementedError):
        raise Refused("shipment_broken") from None
    return manifest, pictures


def _pictures_named(manifest: dict) -> list[str]:
    return [p for idea in manifest["ideas"] for p in (idea["drawing"], idea["photo"]) if p]


def _need(value: object, kind: type | tuple) -> object:
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise Refused("shipment_broken")
    return value


def _text(value: object, limit: str, required: bool = False) -> str:
    return clean_text(_need(value if value is not None else "", str), limit,
                      required=required, filtered=False)


def _uid(value: object) -> str:
    if not isinstance(value, str) or not _UID.match(value):
        raise Refused("shipment_broken")
    return value


def _count(value: object, high: int = 1_000_000) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
        raise Refused("shipment_broken")
    return value


def _picture(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _PICTURE.match(value):
        raise Refused("shipment_broken")
    return value


def check_manifest(raw: object) -> dict:
    """A shipment's data in its only accepted shape, texts cleaned; else refused."""
    raw = _need(raw, dict)
    if raw.get("format") != FORMAT:
        raise Refused("shipment_format")
    group = _need(raw.get("group"), dict)
    counts = _need(raw.get("counts") or {}, dict)
    ideas = _need(raw.get("ideas"), list)
    if not ideas or len(ideas) > MAX_IDEAS:
        raise Refused("shipment_broken")
    checked = {
        "format": FORMAT, "uid": _uid(raw.get("uid")),
        "network_id": _count(raw.get("network_id")),
        "sender": _text(raw.get("sender"), "title"),
        "group": {"uid": _uid(group.get("uid")), "name": _text(group.get("name"), "title", True),
                  "school": _text(group.get("school"), "title"),
                  "neighbourhood": _text(group.get("neighbourhood"), "title"),
                  "show_first_names": bool(_need(group.get("show_first_names", False), bool))},
        "series": _text(raw.get("series"), "title"),
        "series_uid": _uid(raw.get("series_uid") or raw.get("uid")),
        "counts": {k: _count(counts.get(k, 0)) for k in ("children", "workshops", "ideas")},
        "ideas": [_idea(i) for i in ideas],
    }
    if len({i["uid"] for i in checked["ideas"]}) != len(checked["ideas"]):
        raise Refused("shipment_broken")
    return checked


def _idea(raw: object) -> dict:
    raw = _need(raw, dict)
    origin = _need(raw.get("origin") or {}, dict)
    critical = _need(origin.get("critical") or [], list)
    if len(critical) > 50:
        raise Refused("shipment_broken")
    workshop = origin.get("workshop")
    return {
        "uid": _uid(raw.get("uid")), "title": _text(raw.get("title"), "title"),
        "text": _text(raw.get("text"), "long", True),
        "drawing": _picture(raw.get("drawing")), "photo": _picture(raw.get("photo")),
        "origin": {
            "workshop": _count(workshop, 99) if workshop is not None else None,
            "votes": _count(origin.get("votes", 0)),
            "category": _choice(origin.get("category")),
            "merged": _count(origin.get("merged", 0)),
            "first_name": _text(origin.get("first_name"), "name") or None,
            "critical": [{"question": _choice(_need(c, dict).get("question")),
                          "text": _text(c.get("text"), "long")} for c in critical],
        },
    }


def _choice(raw: object) -> dict | None:
    """A category or critical question as the plan names it: an icon and a label."""
    if raw is None or raw == {}:
        return None
    raw = _need(raw, dict)
    label = _need(raw.get("label") or {}, dict)
    return {"icon": clean_text(_need(raw.get("icon") or "", str), "name", required=False,
                               filtered=False),
            "label": {lang: _text(label.get(lang), "title") for lang in ("nl", "en")
                      if label.get(lang) is not None}}
