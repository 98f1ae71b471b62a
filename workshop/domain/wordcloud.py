"""The word cloud of a question wall: which words the children's answers use, and how often.

A word counts once per answer (ten children who say "voetbal" weigh more than one child
who types it ten times). Words are grouped without case and without the marks that do not
change a word (Arabic vowel marks and tatweel, the dot of a Turkish capital I), and shown
in the spelling children used most. Little words (stop words) of the five languages do not
count, nor anything the word filter refuses."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .wordfilter import has_bad_word

LIMIT = 40      # words on the screen at most: more is not readable from the back
LEVELS = 6      # font sizes, 1 (smallest) to LEVELS

# A word: letters and the marks inside words, with an apostrophe or hyphen between
# letters ("zo'n", "high-five"); digits alone are not words.
_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f\u064b-\u065f\u0670\u0640]"
_WORD = re.compile(rf"{_LETTER}(?:{_LETTER}|{_MARK}|['’-](?={_LETTER}))*")
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_ARABIC_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})

STOP_WORDS = {
    "nl": """de het een en of maar want dus dan als dat die dit deze daar hier er is zijn was
        waren ben bent wordt worden word kan kun kunnen wil wilt willen moet moeten mag mogen
        zal zou zullen heb hebt heeft hebben had ik jij je u hij zij ze wij we jullie mij me
        mijn jouw jou zijn haar ons onze hun hen men van in op aan met voor naar bij uit om
        over door tot tegen tussen onder zonder ook nog niet geen wel heel erg veel meer
        zo te toe al alle alles iets niets wat wie waar hoe waarom welke wanneer omdat of
        graag gewoon echt even nou ja nee zo'n dan doen doe gaan ga gaat kom komt komen
        maken maak maakt""",
    "en": """the a an and or but so then if that this these those there here is are was were
        be been being am do does did have has had will would can could should may might must
        i you he she it we they me him her us them my your his its our their mine yours of
        in on at to for from with by about as into over under out up down not no yes very
        too also just really more most some any all what who where when why how which
        because like get got go going make makes want really lot lots""",
    "tr": """ve veya ama bir bu şu o da de ile için gibi çok daha en mi mı mu mü ne ben sen
        biz siz onlar var yok ki ya hem her""",
    "pl": """i a w we z ze na do o od po za że się nie to jest są być czy jak co ale lub
        ja ty on ona my wy oni mi mnie go jej ich tak bardzo też już""",
    "ar": """في من على إلى الى عن مع و أو او ثم هذا هذه ذلك تلك هو هي هم أنا انا أنت انت
        نحن لا ما لم لن أن ان كان يكون كل""",
}


def fold(word: str, lang: str = "") -> str:
    """The form words are grouped by: no case, no marks that do not make another word."""
    if lang == "tr":  # Turkish: I is the capital of ı, İ of i
        word = word.replace("I", "ı").replace("İ", "i")
    word = unicodedata.normalize("NFC", word).casefold().replace("i\u0307", "i")
    word = _ARABIC_MARKS.sub("", word).translate(_ARABIC_ALEF)
    return word.replace("’", "'")


_STOPS = frozenset(fold(w, lang) for lang, words in STOP_WORDS.items() for w in words.split())


def words(text: str, lang: str = "") -> list[tuple[str, str]]:
    """The words of one answer that count, each once: (grouping form, as typed)."""
    seen: dict[str, str] = {}
    for match in _WORD.finditer(text or ""):
        typed = match.group(0).strip("'’-")
        key = fold(typed, lang)
        if len(key) < 2 or key in _STOPS or key in seen:
            continue
        seen[key] = typed
    return list(seen.items())


@dataclass(frozen=True)
class CloudWord:
    """A word of the cloud: as shown, in how many answers, and its size level."""

    word: str
    count: int
    level: int

    def as_dict(self) -> dict:
        return {"word": self.word, "count": self.count, "level": self.level}


def cloud(answers: Iterable[tuple[str, str]], limit: int = LIMIT) -> list[CloudWord]:
    """The cloud of (text, language) answers: the `limit` most used words, most used
    first (equals alphabetically), each with a size level 1..LEVELS by its count."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text, lang in answers:
        for key, typed in words(text, lang):
            counts[key] += 1
            spellings[key][typed] += 1
    shown = _spelled(counts, spellings)
    ranked = sorted(shown.items(), key=lambda kv: (-kv[1][1], kv[1][0].casefold()))[:limit]
    if not ranked:
        return []
    high, low = ranked[0][1][1], ranked[-1][1][1]
    return [CloudWord(word, count, _level(count, low, high)) for _key, (word, count) in ranked]


def _spelled(counts: Counter[str], spellings: dict[str, Counter[str]]) -> dict:
    """Each counted word in its most used spelling (lowercase among equals), minus what
    the word filter refuses (a word allowed inside a sentence may not stand alone big)."""
    out = {}
    for key, count in counts.items():
        typed = max(spellings[key].items(), key=lambda kv: (kv[1], kv[0] == kv[0].lower()))[0]
        if not has_bad_word(typed):
            out[key] = (typed, count)
    return out


def _level(count: int, low: int, high: int) -> int:
    if high == low:
        return 1 if high == 1 else LEVELS // 2
    return 1 + round((LEVELS - 1) * (count - low) / (high - low))
