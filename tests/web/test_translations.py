"""Every text is in the catalogues, Dutch is complete and compiled, and Dutch is the default."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "workshop" / "translations"
KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2)}


def source_messages() -> set[str]:
    found = set()
    for folder, method in (("workshop", "python"), ("templates", "jinja2")):
        pattern = "**.py" if method == "python" else "**.html"
        for _file, _line, message, _comments, _context in extract_from_dir(
                ROOT / folder, method_map=[(pattern, method)], keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_text_has_a_dutch_translation():
    with open(CATALOGUES / "nl" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    missing = sorted(m for m in source_messages()
                     if not (catalogue.get(m) and catalogue.get(m).string
                             and "fuzzy" not in catalogue.get(m).flags))
    assert not missing, "run scripts/translations and translate: " + "; ".join(missing[:20])


def test_compiled_catalogues_match_the_po_files():
    for lang in ("nl", "en"):
        folder = CATALOGUES / lang / "LC_MESSAGES"
        with open(folder / "messages.po", "rb") as handle:
            po = {m.id: m.string for m in read_po(handle) if m.id and m.string}
        with open(folder / "messages.mo", "rb") as handle:
            mo = {m.id: m.string for m in read_mo(handle) if m.id and m.string}
        assert po == mo, f"run scripts/translations to compile {lang}"


def test_dutch_is_the_default_and_english_is_one_click_away(client):
    dutch = client.get("/setup").get_data(as_text=True)
    assert 'lang="nl"' in dutch and "Wachtwoord" in dutch
    english = client.get("/setup?lang=en").get_data(as_text=True)
    assert 'lang="en"' in english and "Password" in english
    assert 'lang="en"' in client.get("/setup").get_data(as_text=True)  # remembered
