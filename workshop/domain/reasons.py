"""Why an idea is "not now": the children read "Nu niet, want …" followed by the reason, so
a reason has to say something. "ok", "x", "-" or "nee" told the children nothing.

Plain Python, no Flask: `says_something` is the rule the board's services enforce."""

from __future__ import annotations

import re
import unicodedata

MIN_LETTERS = 6     # "Te duur" (6 letters) says something; "ok ok" does not
# words that say nothing on their own, in the languages the advisors type (lowercase)
EMPTY_WORDS = frozenset({
    "ok", "oke", "oké", "okay", "okee", "okido", "x", "xx", "xxx", "nee", "no", "nope", "ja",
    "yes", "nvt", "n", "v", "t", "na", "geen", "none", "niks", "nothing", "test", "testen",
    "asdf", "qwerty", "bla", "blabla", "idk", "weet", "niet", "not", "now", "nu", "want",
    "because", "reden", "reason", "tja", "hmm", "pfff", "sorry", "dus", "so", "gewoon",
})
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    """The words of `text`, lowercased, letters only (digits and signs are no words)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def says_something(reason: str | None) -> bool:
    """Whether a "not now" reason tells the children something: at least MIN_LETTERS
    letters in words that are not stock words that say nothing ("ok", "x", "nee", "no",
    "Nu niet, want", …). Signs and digits alone ("-", "...", "123") never do."""
    meaning = [w for w in _words(reason or "") if w not in EMPTY_WORDS]
    return sum(len(w) for w in meaning) >= MIN_LETTERS
