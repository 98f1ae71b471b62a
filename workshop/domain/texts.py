"""Cleaning what people type: length limits, control characters, the word filter."""

import re
import unicodedata

from .errors import Refused
from .wordfilter import has_bad_word

LIMITS = {
    "name": 20,
    "idea": 280,
    "answer": 200,
    "title": 80,
    "reason": 300,
    "long": 2000,
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t]+")


def clean_text(value: object, limit: str, *, required: bool = True, filtered: bool = True) -> str:
    """Return the text trimmed and without control characters, or refuse it."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Refused("text_invalid")
    text = unicodedata.normalize("NFC", value)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if limit in ("name", "title"):
        text = text.replace("\n", " ")
    if not text:
        if required:
            raise Refused("text_empty")
        return ""
    maximum = LIMITS[limit]
    if len(text) > maximum:
        raise Refused("text_too_long", maximum=maximum)
    if filtered and has_bad_word(text, name=limit == "name"):
        raise Refused("text_bad_word")
    return text


def shown_title(title: str | None, text: str | None) -> str:
    """The title to show for an idea: its own title, or, when it has none or only one cut
    from its first words ("Een speeltuin met een …", made when it was shipped), the
    child's words in full. Wrapping is left to the page or the picture, so nothing is cut
    with an ellipsis where there is room."""
    title = " ".join((title or "").split())
    words = " ".join((text or "").split())
    if not title:
        return words
    if title.endswith("…") and words.startswith(title[:-1].rstrip()):
        return words
    return title
