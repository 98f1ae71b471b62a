"""Photos and drawings from tablets: checked, re-encoded without metadata, stored.

Whatever arrives is decoded by Pillow within strict limits and written anew, so nothing of
the original file survives but its pixels: no EXIF (location!), no ICC tricks, no trailing
data. A file that is not an image, is too big, or would expand into a huge bitmap is
refused with a reason."""

from __future__ import annotations

import base64
import binascii
import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..domain.errors import Refused
from ..offload import off_loop

MAX_BYTES = 8 * 1024 * 1024        # what a tablet may send
MAX_PIXELS = 40_000_000            # a 40-megapixel camera is fine, a bomb is not
LONGEST_SIDE = {"photo": 1600, "drawing": 1200}
FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}


@dataclass(frozen=True)
class Stored:
    """A re-encoded picture written to disk."""

    filename: str
    width: int
    height: int


def tablet_limits(message_bytes: int) -> dict:
    """What a tablet needs to shrink pictures before sending, so they arrive: the longest
    side each kind is stored at, the longest `data:` URL one picture may be, and the
    largest message the server reads at all (`message_bytes`, SOCKET_BUFFER_BYTES)."""
    return {"photo_side": LONGEST_SIDE["photo"], "drawing_side": LONGEST_SIDE["drawing"],
            "picture_chars": MAX_BYTES * 4 // 3, "message_chars": message_bytes}


def decode_data_url(value: object) -> bytes:
    """The bytes of a `data:image/...;base64,` URL, or refuse."""
    if not isinstance(value, str) or not value.startswith("data:image/"):
        raise Refused("image_invalid")
    head, _, body = value.partition(",")
    if ";base64" not in head:
        raise Refused("image_invalid")
    if len(body) > MAX_BYTES * 4 // 3 + 4:
        raise Refused("image_too_big")
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise Refused("image_invalid") from None


def reencode(data: bytes, kind: str) -> tuple[bytes, str, int, int]:
    """Decode and re-encode picture bytes; returns (bytes, extension, width, height)."""
    if len(data) > MAX_BYTES:
        raise Refused("image_too_big")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise Refused("image_invalid")
                width, height = probe.size
                if width * height > MAX_PIXELS or width < 1 or height < 1:
                    raise Refused("image_too_big")
                probe.load()
                image = ImageOps.exif_transpose(probe)  # keep the picture upright
                image.load()
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Refused("image_too_big") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise Refused("image_invalid") from None
    image.thumbnail((LONGEST_SIDE[kind],) * 2)
    out = io.BytesIO()
    if kind == "drawing":
        image = _flatten(image)
        # zlib level 6: 4x faster than optimize=True for 15% more bytes (measured, 1200x900)
        image.save(out, "PNG", compress_level=6)
        ext = "png"
    else:
        image = _flatten(image)
        image.save(out, "JPEG", quality=85, optimize=True)
        ext = "jpg"
    return out.getvalue(), ext, image.width, image.height


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: drawings come with transparent backgrounds, photos may carry alpha."""
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def store(data: bytes, kind: str, folder: Path) -> Stored:
    """Re-encode and write a picture under an unguessable name in `folder`. The re-encode
    runs in a real thread in gevent mode (a photo takes 0.1-0.3 s of Pillow, in which the
    loop would answer no one)."""
    return write(*off_loop(reencode, data, kind), kind=kind, folder=folder)


def write(payload: bytes, ext: str, width: int, height: int, *, kind: str,
          folder: Path) -> Stored:
    """Write a picture that `reencode` made under an unguessable name in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    filename = f"{kind}-{secrets.token_urlsafe(12)}.{ext}"
    tmp = folder / (filename + ".tmp")
    tmp.write_bytes(payload)
    tmp.replace(folder / filename)
    return Stored(filename, width, height)
