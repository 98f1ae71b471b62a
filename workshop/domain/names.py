"""Generated friendly names for children who prefer not to type their own."""

import random

from .texts import LIMITS

NAME_MAX = LIMITS["name"]  # what a child's name may be; every made-up name fits

# Pairs of (Dutch, English); the Dutch adjective is given in the form used before a
# common-gender noun ("Snelle Vos"), all animals below are common gender ("de").
ADJECTIVES = [
    ("Snelle", "Quick"), ("Blije", "Happy"), ("Dappere", "Brave"), ("Slimme", "Clever"),
    ("Vrolijke", "Cheerful"), ("Stoere", "Bold"), ("Zachte", "Gentle"), ("Wilde", "Wild"),
    ("Gouden", "Golden"), ("Kleurige", "Colourful"), ("Grappige", "Funny"), ("Rustige", "Calm"),
    ("Sterke", "Strong"), ("Vlotte", "Swift"), ("Lieve", "Kind"), ("Coole", "Cool"),
    ("Zonnige", "Sunny"), ("Slaperige", "Sleepy"), ("Nieuwsgierige", "Curious"),
    ("Dromerige", "Dreamy"),
]
ANIMALS = [
    ("Vos", "Fox"), ("Uil", "Owl"), ("Panda", "Panda"), ("Dolfijn", "Dolphin"),
    ("Tijger", "Tiger"), ("Egel", "Hedgehog"), ("Otter", "Otter"), ("Giraf", "Giraffe"),
    ("Pinguïn", "Penguin"), ("Koala", "Koala"), ("Zebra", "Zebra"), ("Leeuw", "Lion"),
    ("Kikker", "Frog"), ("Vlinder", "Butterfly"), ("Walvis", "Whale"), ("Papegaai", "Parrot"),
    ("Schildpad", "Turtle"), ("Eekhoorn", "Squirrel"), ("Flamingo", "Flamingo"),
    ("Kameel", "Camel"),
]


def friendly_name(lang: str = "nl", taken: set[str] | None = None,
                  rng: random.Random | None = None) -> str:
    """Return a two-word name like "Snelle Vos" that is not yet in `taken` (the names of
    the group, compared without case). When all pairs are taken, a number goes after
    one ("Snelle Vos 2"), the lowest number still free, so the name is still unique."""
    rng = rng or random.Random()
    taken = {t.casefold() for t in (taken or set())}
    i = 1 if lang == "en" else 0
    pairs = [n for a in ADJECTIVES for b in ANIMALS if len(n := f"{a[i]} {b[i]}") <= NAME_MAX]
    rng.shuffle(pairs)
    for name in pairs:
        if name.casefold() not in taken:
            return name
    number = 2
    while True:
        for name in pairs:
            numbered = f"{name} {number}"
            if len(numbered) <= NAME_MAX and numbered.casefold() not in taken:
                return numbered
        number += 1


_GENERATED = {f"{a[i]} {b[i]}".casefold() for a in ADJECTIVES for b in ANIMALS for i in (0, 1)}


def is_generated(name: str) -> bool:
    """True for a name this module makes up ("Snelle Vos", "Quick Fox 3")."""
    words = name.split()
    if len(words) == 3 and words[2].isdigit():
        words = words[:2]
    return " ".join(words).casefold() in _GENERATED


def unique_generated(name: str, taken: set[str], lang: str = "nl") -> str:
    """A made-up name that another child of the group took meanwhile (two tablets asked at
    the same moment) gets the lowest free number: "Snelle Vos 2" (or, when that would be
    too long, another made-up name). Typed names are left as they are: a class may have
    two children called Sam."""
    folded = {t.casefold() for t in taken}
    if not is_generated(name) or name.casefold() not in folded:
        return name
    base = " ".join(name.split()[:2])
    number = 2
    while f"{base} {number}".casefold() in folded:
        number += 1
    numbered = f"{base} {number}"
    return numbered if len(numbered) <= NAME_MAX else friendly_name(lang, taken)


AVATARS = [
    "🦊", "🦉", "🐼", "🐬", "🐯", "🦔", "🦦", "🦒", "🐧", "🐨", "🦓", "🦁",
    "🐸", "🦋", "🐳", "🦜", "🐢", "🐿️", "🦩", "🐫", "🐙", "🦄", "🐝", "🐞",
]
# each animal's name for screen readers and switch users: the client text "animal_<key>"
AVATAR_KEYS = [
    "fox", "owl", "panda", "dolphin", "tiger", "hedgehog", "otter", "giraffe", "penguin",
    "koala", "zebra", "lion", "frog", "butterfly", "whale", "parrot", "turtle", "squirrel",
    "flamingo", "camel", "octopus", "unicorn", "bee", "ladybird",
]
