"""Every text is in the catalogues: complete in Dutch and English, what a child reads
complete in every child language (tr, ar, pl too), compiled, and Dutch is the default."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from workshop.domain.languages import CHILD, LEADER
from workshop.i18n import CHILD_TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "workshop" / "translations"
CHILD_KEYWORDS = {"child_gettext": None, "lazy_child_gettext": None, "_c": None,
                  "_cn": (1, 2)}
KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2),
            "_n": (1, 2), **CHILD_KEYWORDS}


def source_messages() -> set[str]:
    found = set()
    for folder, method in (("workshop", "python"), ("templates", "jinja2")):
        pattern = "**.py" if method == "python" else "**.html"
        for _file, _line, message, _comments, _context in extract_from_dir(
                ROOT / folder, method_map=[(pattern, method)], keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else message[0])
    return found


def child_messages() -> set[str]:
    """The texts a child reads: marked child_gettext / lazy_child_gettext / _c / _cn in the
    code, and every text of the children's templates (workshop.i18n.CHILD_TEMPLATES)."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / "workshop", method_map=[("**.py", "python")], keywords=CHILD_KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    for pattern in CHILD_TEMPLATES:
        for path in sorted((ROOT / "templates").glob(pattern)):
            for _line, message, _comments, _context in extract_from_file(
                    "jinja2", path, keywords=KEYWORDS):
                found.add(message if isinstance(message, str) else message[0])
    return found


def _read(lang: str):
    with open(CATALOGUES / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


def _untranslated(catalogue, messages) -> list[str]:
    def done(entry) -> bool:
        strings = entry.string if isinstance(entry.string, (list, tuple)) else [entry.string]
        return all(strings) and "fuzzy" not in entry.flags
    return sorted(m for m in messages if not (catalogue.get(m) and done(catalogue.get(m))))


# The texts are written in English: English needs an entry, not a translation.
TRANSLATED = [lang for lang in CHILD if lang != "en"]


def test_every_text_is_in_every_catalogue_and_translated_into_dutch():
    assert set(LEADER) <= set(CHILD)
    missing = _untranslated(_read("nl"), source_messages())
    assert not missing, "nl: run scripts/translations and translate: " + "; ".join(missing[:20])
    for lang in CHILD:
        catalogue = _read(lang)
        absent = sorted(m for m in source_messages() if catalogue.get(m) is None)
        assert not absent, f"{lang}: run scripts/translations: " + "; ".join(absent[:20])


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_a_child_reads_is_translated_into_every_child_language(lang):
    messages = child_messages()
    assert len(messages) > 150  # the tablet, the feedback and progress pages, the errors
    assert "Please use kind words." in messages and "How did you like it?" in messages
    assert "End workshop" not in messages  # the classroom screen's controls are not a child's
    missing = _untranslated(_read(lang), messages)
    assert not missing, f"{lang}: run scripts/translations and translate: " + \
        "; ".join(missing[:20])


def _entries(catalogue) -> dict:
    """Translated entries; plural ids and strings as tuples. Untranslated ones, and ones the
    compiler filled with the English source itself, are left out."""
    out = {}
    for m in catalogue:
        strings = tuple(m.string) if isinstance(m.string, (list, tuple)) else (m.string,)
        ids = tuple(m.id) if isinstance(m.id, (list, tuple)) else (m.id,)
        if m.id and any(strings) and not set(strings) <= set(ids):
            out[ids] = strings
    return out


def test_compiled_catalogues_match_the_po_files():
    for lang in CHILD:
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
