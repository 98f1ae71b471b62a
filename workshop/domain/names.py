"""Generated friendly names for children who prefer not to type their own."""

import random

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
    """Return a two-word name like "Snelle Vos" that is not yet in `taken`."""
    rng = rng or random.Random()
    taken = {t.casefold() for t in (taken or set())}
    i = 1 if lang == "en" else 0
    pairs = [(a[i], b[i]) for a in ADJECTIVES for b in ANIMALS]
    rng.shuffle(pairs)
    for adjective, animal in pairs:
        name = f"{adjective} {animal}"
        if name.casefold() not in taken:
            return name
    adjective, animal = pairs[0]
    return f"{adjective} {animal} {rng.randint(2, 99)}"


AVATARS = [
    "🦊", "🦉", "🐼", "🐬", "🐯", "🦔", "🦦", "🦒", "🐧", "🐨", "🦓", "🦁",
    "🐸", "🦋", "🐳", "🦜", "🐢", "🐿️", "🦩", "🐫", "🐙", "🦄", "🐝", "🐞",
]
