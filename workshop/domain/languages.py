"""The languages of the product, as data: which exist, how each is called in its own
script, which way it is written, which speech voice reads it aloud, and who may use it.

Children read the tablet, the feedback page and the public progress page in any of the
five; leaders, the classroom screen and the board pages stay in Dutch or English (the
leader's choice): adding a language for children is one line here and a catalogue."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language: `code` (ISO 639-1), `name` in its own script, `dir` ltr or rtl and
    `voice`, the BCP 47 tag a speech engine looks for to read it aloud."""

    code: str
    name: str
    dir: str
    voice: str

    def as_dict(self) -> dict[str, str]:
        """Plain data for a page's scripts."""
        return {"code": self.code, "name": self.name, "dir": self.dir, "voice": self.voice}


ALL = (
    Language("nl", "Nederlands", "ltr", "nl-NL"),
    Language("en", "English", "ltr", "en-GB"),
    Language("tr", "Türkçe", "ltr", "tr-TR"),
    Language("ar", "العربية", "rtl", "ar"),
    Language("pl", "Polski", "ltr", "pl-PL"),
)
BY_CODE = {language.code: language for language in ALL}
DEFAULT = "nl"
CHILD = tuple(language.code for language in ALL)  # tablet, feedback, progress page
LEADER = ("nl", "en")  # leader, classroom screen and board pages


def language(code: str | None) -> Language:
    """The language of `code`, Dutch for anything unknown."""
    return BY_CODE.get(code or "", BY_CODE[DEFAULT])


def direction(code: str | None) -> str:
    """"rtl" for a right-to-left language, else "ltr"."""
    return language(code).dir


def child_language(code: str | None) -> str:
    """`code` when children may use it, else Dutch."""
    return code if code in CHILD else DEFAULT
