"""The tablet pages in the child's language: ?lang= (remembered for the tablet), the
tablet's own language, else Dutch; the tablet's settings list the five languages with
their names and direction, and the tablet can fetch the texts of any of them."""

import json
import re

from workshop.store.models import Workshop

from ..live.helpers import start_workshop


def _code(leader, db):
    _, workshop_id = start_workshop(leader)
    with db.begin() as dbs:
        return dbs.get(Workshop, workshop_id).join_code


def _block(html, block_id):
    match = re.search(rf'<script id="{block_id}"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_a_tablet_page_with_lang_pl_is_polish_and_remembered(app, leader, db):
    code = _code(leader, db)
    tablet = app.test_client()
    html = tablet.get(f"/j/{code}?lang=pl").get_data(as_text=True)
    assert '<html lang="pl" dir="ltr">' in html and "Łączę ponownie..." in html
    texts = _block(html, "client-strings")
    assert texts["send"] == "Wyślij" and texts["pick_avatar"] == "Wybierz swoje zwierzę"
    config = _block(html, "tablet-config")
    assert config["lang"] == "pl" and config["dir"] == "ltr"
    assert [(lang["code"], lang["name"], lang["dir"]) for lang in config["languages"]] == [
        ("nl", "Nederlands", "ltr"), ("en", "English", "ltr"), ("tr", "Türkçe", "ltr"),
        ("ar", "العربية", "rtl"), ("pl", "Polski", "ltr")]
    assert config["languages"][3]["voice"] == "ar" and config["texts_url"] == "/texts/LANG.json"
    again = tablet.get(f"/j/{code}", headers={"Accept-Language": "tr"}).get_data(as_text=True)
    assert 'lang="pl"' in again  # the child's choice on this tablet wins over the device's


def test_the_tablets_own_language_and_arabic_right_to_left(app, leader, db):
    code = _code(leader, db)
    turkish = app.test_client().get(f"/j/{code}", headers={"Accept-Language": "tr-TR,tr;q=0.9"})
    html = turkish.get_data(as_text=True)
    assert 'lang="tr"' in html and _block(html, "client-strings")["send"] == "Gönder"
    german = app.test_client().get(f"/j/{code}", headers={"Accept-Language": "de,fr;q=0.5"})
    assert 'lang="nl"' in german.get_data(as_text=True)  # not one of ours: Dutch
    html = app.test_client().get(f"/j/{code}?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and _block(html, "tablet-config")["dir"] == "rtl"
    assert _block(html, "client-strings")["type_idea"] == "اكتب فكرتك"
    # a wrong code, in words, in the child's language
    wrong = app.test_client().get("/j/ZZZZZZ?lang=ar")
    assert wrong.status_code == 404 and "هذا الرمز لا يعمل" in wrong.get_data(as_text=True)


def test_the_code_page_offers_the_five_languages_in_their_own_script(app):
    html = app.test_client().get("/j?lang=tr").get_data(as_text=True)
    assert "Büyük ekrandaki kodu yaz" in html
    for code, name in (("nl", "Nederlands"), ("en", "English"), ("tr", "Türkçe"),
                       ("ar", "العربية"), ("pl", "Polski")):
        assert f'href="?lang={code}" hreflang="{code}" lang="{code}"' in html and name in html


def test_the_texts_of_one_language_for_a_tablet_that_switches(app):
    client = app.test_client()
    arabic = client.get("/texts/ar.json").get_json()
    assert (arabic["lang"], arabic["name"], arabic["dir"]) == ("ar", "العربية", "rtl")
    assert arabic["texts"]["send"] == "أرسل" and arabic["texts"]["key_choose"]
    assert arabic["texts"]["n_votes"]["other"] == "الأصوات: %(n)s"
    assert "end" not in arabic["texts"] and "start_timer" not in arabic["texts"]  # screen's
    polish = client.get("/texts/pl.json").get_json()
    assert polish["texts"]["send"] == "Wyślij" and polish["voice"] == "pl-PL"
    assert client.get("/texts/de.json").status_code == 404
    # fetching texts does not change the language the tablet's pages are in
    assert 'lang="nl"' in client.get("/j").get_data(as_text=True)
    # a child who chooses a language on the tablet (?choose=1): its next pages are in it
    assert client.get("/texts/tr.json?choose=1").get_json()["lang"] == "tr"
    assert 'lang="tr"' in client.get("/j").get_data(as_text=True)
    assert 'lang="tr"' in client.get("/privacy").get_data(as_text=True)


def test_the_code_page_reads_aloud_and_says_a_wrong_code_in_words(app):
    client = app.test_client()
    html = client.get("/j?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and "js/voices.js" in html
    assert 'data-say="اكتب الرمز الذي على الشاشة الكبيرة."' in html
    assert "لا يوجد صوت لهذه اللغة على هذا الجهاز اللوحي." in html  # shown when no voice
    # an empty or wrong code: words in the child's language (no browser bubble: novalidate)
    assert "novalidate" in html
    wrong = client.post("/j", data={"code": ""})
    assert wrong.status_code == 400
    said = wrong.get_data(as_text=True)
    assert 'data-say-too>هذا الرمز لا يعمل. انظر إلى الرمز على الشاشة الكبيرة.</p>' in said
