"""Every text is in the catalogues, Dutch is complete and compiled, and Dutch is the default."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "workshop" / "translations"
KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2),
            "_n": (1, 2)}


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


def _entries(catalogue) -> dict:
    """Translated entries; plural ids and strings as tuples. Untranslated ones, and ones the
    compiler filled with the English source itself, are left out."""
    out = {}
    for m in catalogue:
        strings = tuple(m.string) if isinstance(m.string, (list, tuple)) else (m.string,)
        ids = tuple(m.id) if isinstance(m.id, (list, tuple)) else (m.id,)
        if m.id and any(strings) and strings != ids:
            out[ids] = strings
    return out


def test_compiled_catalogues_match_the_po_files():
    for lang in ("nl", "en"):
        folder = CATALOGUES / lang / "LC_MESSAGES"
        with open(folder / "messages.po", "rb") as handle:
            po = read_po(handle)
        with open(folder / "messages.mo", "rb") as handle:
            mo = read_mo(handle)
        assert not po.fuzzy, f"{lang}: the catalogue header is missing or fuzzy"
        assert _entries(po) == _entries(mo), f"run scripts/translations to compile {lang}"


def test_dutch_is_the_default_and_english_is_one_click_away(client):
    dutch = client.get("/setup").get_data(as_text=True)
    assert 'lang="nl"' in dutch and "Wachtwoord" in dutch
    english = client.get("/setup?lang=en").get_data(as_text=True)
    assert 'lang="en"' in english and "Password" in english
    assert 'lang="en"' in client.get("/setup").get_data(as_text=True)  # remembered
