"""A word filter for what children type (ideas, answers and names), in the languages the
tablet speaks: Dutch and English, and Turkish, Arabic and Polish.

It works on words, never on bits of words, so "Scunthorpe", "Sussex", "kunst", "cocktail"
or "klassiek" pass. Before matching, the text is folded the ways children dodge a filter:

- case and accents ("Kút"), look-alike letters (full-width "ｋｕｔ", a Cyrillic "а"),
  invisible characters (soft hyphens, zero-width spaces);
- digits and signs for letters: 0→o, 1→i or l, 3→e, 4→a, 5→s, 7→t, $→s, @→a, !→i
  ("k4nk3r", "1u1", "a$$hole"); a number on its own stays a number ("groep 7");
- letters split by dots, dashes, stars or spaces ("k.u.t", "k u t", "k-u-t", "f u c k"),
  a word broken in two ("fu ck", "kan-ker", "hallo,kanker");
- stretched letters ("kuuuut", "kloooootzak");
- Turkish dotted and dotless i as one letter ("SİKTİR", "SIKTIR", "sıktır" are "siktir"),
  Polish "ł" as "l" ("pierdolę" is "pierdole");
- Arabic written with vowel marks (tashkeel) or stretched with tatweel ("شـــرموطة"), the
  forms of alef (أ إ آ ا), yeh (ى ي ی), teh marbuta (ة ه) and kaf (ك ک) as one letter, and
  the article or "and" glued on ("الشرموطة", "والشرموطة").

A folded word is refused when it is on the list (`_WORDS`), or starts with one of a few
curse stems Dutch glues onto anything (`_STEMS`: "kankerzooi", "kutweer", "fuckface"),
unless it starts with an innocent word that happens to begin the same ("kleren" is
clothes, "kankeronderzoek" is research). Known names in which a listed word is innocent
("Moby Dick", "Dick Bruna") are left out before matching.

Decisions, so they are not made again by accident:
- "poep" and "stront" (poo) pass: children write "de poep van honden opruimen"; dirty is
  not rude. "homo" passes: it is a word for gay people and for "Homo sapiens", not a
  swear word; "flikker" (the slur) is refused, the verb "flikkeren" (to flicker) passes.
- "kanker", "tering", "tyfus" are refused on their own: as curses they are far more common
  in a class than the illnesses; "mijn oma heeft kanker" is refused too, a known cost.
  Compounds about the illness pass ("kankeronderzoek", "kankerpatiënt").
- Any word starting with "kut" is refused: no Dutch word does ("kutsen" is not one, it is
  in no Dutch dictionary; "kussen" is, and passes), except names: the Turkish first names
  Kutay and Kutlu, and Kuta; and Turkish words, which fold to "kut...": "kütüphane"
  (library), "kutu" (box), "kutlamak" (to celebrate), "kutup", "kutsal".
- Mild words ("dom", "stom", "dumb", "stupid") pass: an over-eager filter frustrates
  children more than it protects them, and the leader can hide anything at once.
- Turkish, Arabic and Polish follow the same rules. Words that only differ from an
  ordinary word by a letter the folding removes are matched as typed (`_AS_TYPED`): the
  Turkish "göt" would otherwise be the English "got", "amına" the first name Amina.
  Turkish "sik" on its own passes: typed without Turkish letters it is also "sık" (often,
  "sık sık"); its unmistakable forms ("siktir", "sikerim") are refused. No Turkish stem
  "sik": "sıkıcı" (boring) and "sıkmak" (to squeeze) fold to words starting with it.
  Animal words used as insults are ordinary words ("köpek", "كلب", "حمار", "świnia": a dog
  park, a farm with a donkey) and pass, like "dom". The Polish "pedał" (a slur, and the
  pedal of a bike) and "szmata" (also a cloth) pass; "dupa" (bum) passes like "poep".
- Names (`name=True`) are checked against the same list plus names of hatred ("Hitler",
  "nazi"), which may still appear in an idea about history. Real first names pass, also
  when they are a listed word elsewhere ("Dick") or carry a shadow ("Adolf"): the filter
  must never refuse a child's own name; the leader can rename or hide a misused one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

# Whole words (after folding). Dutch first (with the slang of Dutch cities), then English.
_WORDS = frozenset("""
    kanker kankers kenker kkr kanka tering tyfus klere kut kutje kutjes lul lullen zeiklul
    smeerlul klootzak klootzakken kloothommel hoer hoertje slet sletten sletje trut trutten
    trutje wijf wijven neuk neuken neukt neuker geneukt mierenneuker godverdomme godver gvd
    flikker flikkers mongool debiel debielen mof moffen kaffer kaffers neger negers
    piemel piemels tieten sukkel sukkels rotzak bitch bitches pleuris sodemieter sodeju
    schijt kech kahba kehba sharmoota sharmuta orospu siktir amk fakking fokking
    fuck fucks fucked fucking fucker fuckers motherfucker fck fcking fuk fuking shit shits
    shitty bullshit bastard bastards asshole assholes ass arse arsehole dick dicks dickhead
    cock cunt cunts pussy slut sluts whore whores fag fags faggot faggots nigger niggers nigga
    niggas retard retards retarded wanker wankers twat twats porn porno sex seks sexy seksi
    kys
    orospu orospular orospucocugu siktir siktirgit sikerim sikeyim siktim sikik sikis
    siktigim amcik yarrak yarak yavsak kahpe pezevenk gavat ibne serefsiz gerizekali aq
    gotveren
    kurwa kurwy kurwie kurwo kurewski kurewsko chuj chuja chuju chujowy chujowa chujnia huj
    jebac jebany jebana jebane jebie jebnij pojebany pojebana pierdol pierdole pierdolic
    pierdolony spierdalaj wypierdalaj spierdolony pizda pizdy skurwysyn skurwiel ciota
    zjeb zjebany debil debile dupek
""".split())

# Arabic (folded as below: no vowel marks or tatweel, one alef, yeh and teh marbuta).
_ARABIC = """
    شرموطة شرموطه شراميط قحبة قحبه قحاب كس كسمك كسختك زب زبي زبك طيز طيزك نيك انيك نيكك
    منيوك منيك متناك خول عرص معرص يلعن ملعون
"""
_ARABIC_PHRASES = ("كس امك", "ابن الكلب", "ابن القحبة", "يلعن ابوك", "ابن الحرام")

# Stems that make any word they start a rude one.
_STEMS = ("kanker", "kenker", "tering", "tyfus", "klere", "kut", "hoeren", "fuck", "shit",
          "orospu", "kurw", "pierdol", "spierdal", "wypierdal", "pojeb", "skurw", "chuj",
          "شرموط", "منيوك", "متناك", "معرص")

# Matched as typed (lower case, nothing else): folded they would be an
# ordinary word ("göt" → "got", "amına" → the name Amina, "piç" → "pic").
_AS_TYPED = frozenset({"göt", "götü", "göte", "götün", "amına", "piç", "piçler", "piçlik"})

# Innocent words that start like a stem.
_ILLNESS = ("afdeling", "behandel", "bestrijd", "cel", "centra", "centrum", "diagnose",
            "epidemie", "fonds", "gen", "gezwel", "groei", "instituut", "instituten", "kliniek",
            "lijder", "medic", "onderzoek", "operatie", "patient", "preventie", "register",
            "registratie", "risico", "screening", "soort", "specialist", "sterfte",
            "therapie", "tumor", "vaccin", "verwekk", "virus", "vorm", "vrij", "weefsel", "ziekte",
            "zorg")
_INNOCENT_STARTS = ("kleren", *(f"{illness}{head}" for illness in ("kanker", "tyfus")
                                for head in _ILLNESS),
                    "shitake", "shitzu", "shihtzu", "kutuzov", "kuttekoven", "kuttingen",
                    "kutay", "kutlu",  # Turkish first names
                    # Turkish words: library, box, to celebrate, pole, holy
                    "kutuphane", "kutu", "kutla", "kutup", "kutsal")
_INNOCENT_WORDS = frozenset({"kuta"})  # a name, and a town on Bali

# Known names and titles in which a listed word is innocent.
_INNOCENT_PHRASES = ("moby dick", "dick bruna", "dick advocaat", "dick laan")

_INNOCENT = re.compile(r"\b(?:" + "|".join(_INNOCENT_PHRASES) + r")\b")

# Words of more than one word.
_PHRASES = ("kill yourself", "kill urself", "kill your self", "go kill yourself",
            "orospu cocugu", "amina koyim", "amina koyayim", "ananin ami", "ananı sikeyim")

# Only in names: hatred a child must not be called by (fine in an idea about history).
_NAME_WORDS = frozenset({"hitler", "adolfhitler", "nazi", "nazis"})

# Real first names that are a listed word elsewhere.
_FIRST_NAMES = frozenset({"dick"})

# Look-alike letters from other scripts that NFKD does not turn into Latin ones.
_LOOKALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k",
    "т": "t", "м": "m", "н": "h", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g",
    "α": "a", "ε": "e", "ο": "o", "ι": "i", "κ": "k", "τ": "t", "ν": "v", "υ": "u",
    # Turkish dotless i and Polish ł, which NFKD leaves alone
    "ı": "i", "ł": "l",
    # Arabic: one alef, yeh, teh marbuta, kaf and waw; tatweel (ـ) and the small signs gone
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ة": "ه",
    "ک": "ك", "گ": "ك", "ؤ": "و", "ـ": None,
})
_ARABIC_LETTERS = "\u0621-\u064a"
_ARABIC_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "يا", "و")
# Digits and signs children use for letters; "1" and "|" can be an i or an l.
_SWAPS = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i",
          "€": "e", "8": "b", "9": "g"}
_EITHER = {"1": ("i", "l"), "|": ("i", "l")}
_SWAPPABLE = set(_SWAPS) | set(_EITHER)


def _fold(text: str) -> str:
    """Lower case, no accents, no invisible characters, Latin look-alikes."""
    text = unicodedata.normalize("NFKD", text.replace("İ", "i").lower())
    text = "".join(c for c in text if not unicodedata.combining(c)
                   and unicodedata.category(c) != "Cf")
    return text.translate(_LOOKALIKES)


def _as_typed(text: str) -> list[str]:
    """The words of `_AS_TYPED` in `text`, matched with only case folded ("GÖT" is "göt")."""
    light = unicodedata.normalize("NFKC", text.replace("İ", "i").lower())
    light = "".join(c for c in light if unicodedata.category(c) != "Cf")
    return [word for word in re.findall(r"\w+", light) if word in _AS_TYPED]


_ARABIC_WORDS = frozenset(_fold(w) for w in _ARABIC.split())
_WORDS = _WORDS | _ARABIC_WORDS
_STEMS = tuple(_fold(s) for s in _STEMS)
_PHRASES = tuple(_fold(p) for p in (*_PHRASES, *_ARABIC_PHRASES))


def _core(token: str) -> str:
    """The token without signs at its edges ("kut!" → "kut", "(hoi)" → "hoi")."""
    return token.strip("".join(c for c in token if not c.isalpha()) or " ")


def _read(part: str, choice: tuple[str, ...] = ()) -> str:
    """Letters only: signs and digits read as letters, separators gone."""
    picks = iter(choice or ("i",) * len(part))
    letters = "".join(next(picks) if c in _EITHER else _SWAPS.get(c, c) if c in _SWAPS
                      else c if c.isalpha() else "" for c in part)
    return re.sub(f"[^a-z{_ARABIC_LETTERS}]", "", letters)


@lru_cache(maxsize=50_000)
def _plain(token: str) -> str:
    """The one plain reading of a token, for joining it to its neighbours."""
    return _read(_core(token))


@lru_cache(maxsize=50_000)  # the same words come back in every class: read each once
def _spellings(token: str) -> frozenset[str]:
    """The letters-only ways to read one token: signs read as letters (inside a word; at
    its edges also dropped, so "kut!" is "kut" and "$hit" is "shit"), separators gone."""
    if token.isdigit():  # a number stays a number
        return frozenset()
    readings = set()
    for part in {token, _core(token)}:
        either = [c for c in part if c in _EITHER]
        for choice in product(*(_EITHER[c] for c in either)) if either else [()]:
            readings.add(_read(part, choice))
    return frozenset(r for r in readings if r)


@lru_cache(maxsize=50_000)
def _stretched(word: str) -> frozenset[str]:
    """A word as typed and with letters typed three or more times made one or two; an
    Arabic word also without the article or "and" glued on ("الشرموطة")."""
    forms = {word, re.sub(r"(.)\1{2,}", r"\1", word), re.sub(r"(.)\1{2,}", r"\1\1", word)}
    for form in list(forms):
        for prefix in _ARABIC_PREFIXES:
            if form.startswith(prefix) and len(form) - len(prefix) >= 2:
                forms.add(form[len(prefix):])
    return frozenset(forms)


@lru_cache(maxsize=50_000)
def _rude(word: str, words: frozenset[str]) -> bool:
    for form in _stretched(word):
        if form in _INNOCENT_WORDS:
            continue
        if form in words:
            return True
        if form.startswith(_STEMS) and not form.startswith(_INNOCENT_STARTS):
            return True
    return False


_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")


def _tokens(folded: str) -> list[tuple[str, set[str], bool]]:
    """The text's tokens with all their readings and whether the token is glued to the one
    before by an apostrophe ("who're", "auto's": two words, never one). Tokens are split
    at white space and apostrophes; one that is only separators (the dots of "k . u . t")
    or a number has no readings."""
    out = []
    for spaced in folded.split():
        for n, token in enumerate(t for t in _APOSTROPHES.split(spaced) if t):
            readings = set(_spellings(token))
            # the pieces of a token split by separators ("hallo,kanker"), one by one
            pieces = [p for p in re.split(r"[^\w$@!|€]+", token) if p]
            if len(pieces) > 1:
                for piece in pieces:
                    readings |= _spellings(piece)
            out.append((token, readings, n > 0))
    return out


def _found(text: str, *, name: bool) -> list[str]:
    words = _WORDS | _NAME_WORDS if name else _WORDS
    folded = _fold(text)
    folded = _INNOCENT.sub(" ", folded)
    tokens = _tokens(folded)
    found: list[str] = []

    def hit(word: str) -> None:
        if word not in found:
            found.append(word)

    for _token, readings, _glued in tokens:
        for reading in sorted(readings, key=len, reverse=True):
            if name and reading in _FIRST_NAMES:
                continue
            if _rude(reading, words):
                hit(reading)
                break
    # Letters spaced out ("k u t", "f . u . c . k"): join runs of one-letter tokens.
    run: list[str] = []
    for token, readings, _glued in [*tokens, ("", {"--"}, False)]:
        if not readings:
            continue  # only separators: the run goes on
        single = [r for r in readings if len(r) == 1]
        if single and len(token) <= 2:
            run.append(single[0])
            continue
        if len(run) >= 3:
            joined = "".join(run)
            for begin in range(len(joined) - 2):
                for end in range(len(joined), begin + 2, -1):
                    if _rude(joined[begin:end], words):
                        hit(joined[begin:end])
        run = []
    # A word broken in two or three ("fu ck", "kan ker"): short pieces joined, whole words
    # on the list only (no stems: "kan kerstmis" is not a curse), never across an
    # apostrophe ("who're").
    plain = [(_plain(t), glued) for t, r, glued in tokens if r]
    plain = [(p, glued) for p, glued in plain if p]
    for size in (2, 3):
        for i in range(len(plain) - size + 1):
            window = plain[i:i + size]
            if any(glued for _p, glued in window[1:]):
                continue
            pieces = [p for p, _glued in window]
            if any(len(p) <= 3 for p in pieces):
                joined = "".join(pieces)
                if any(form in words for form in _stretched(joined)):
                    hit(joined)
    plain = [p for p, _glued in plain]
    spaced = " " + " ".join(plain) + " "
    for phrase in _PHRASES:
        if f" {phrase} " in spaced:
            hit(phrase)
    for word in _as_typed(text):
        hit(word)
    return found


def bad_words(text: str, *, name: bool = False) -> list[str]:
    """The words of `text` the filter refuses (folded), in order of appearance. With
    `name`, `text` is a child's name: the names of hatred are refused too."""
    return _found(text, name=name)


def has_bad_word(text: str, *, name: bool = False) -> bool:
    """True when `text` holds a word the filter refuses."""
    return bool(bad_words(text, name=name))
