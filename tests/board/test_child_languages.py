"""The children's public pages in their own language: the progress page and the feedback
page in Arabic right to left, Turkish from the phone's own language, Polish remembered;
the leader's pages stay Dutch or English."""

from flask import request

from workshop.i18n import select_locale

from .test_public import REASON, follow_up_story, page, poll, ship  # noqa: F401 - fixture

NAMES = ("Nederlands", "English", "Türkçe", "العربية", "Polski")


def test_the_progress_page_in_arabic_is_right_to_left(hood, app):
    items, token = ship(hood)
    follow_up_story(hood, items)
    text = page(app.test_client(), f"/p/{token}?lang=ar")
    assert 'lang="ar"' in text and 'dir="rtl"' in text
    assert "ماذا حدث لأفكارنا؟" in text                       # the title
    assert "Bibliotheek سيحقق الفكرة" in text                 # the stage, with the partner
    assert "ليس الآن، لأن …" in text and REASON in text        # "not now", the advisor's words
    assert "اقرأ بصوت عالٍ" in text                          # read aloud
    assert "Een brug voor insecten" in text                  # the children's own words stay
    for name in NAMES:                                       # the choice, in each own script
        assert f">{name}</a>" in text
    assert 'hreflang="ar" lang="ar" dir="rtl"' in text and 'aria-current="true"' in text


def test_the_feedback_page_in_arabic_is_right_to_left(hood, app, poll):  # noqa: F811
    code, _item = poll
    client = app.test_client()
    text = page(client, f"/f/{code}?lang=ar")
    assert 'lang="ar"' in text and 'dir="rtl"' in text
    assert "هل أعجبك؟" in text and "رائع!" in text and "لم يكن ممتعًا" in text
    assert "أرسل" in text and "Een brug voor insecten" in text
    no_face = client.post(f"/f/{code}", data={"client_id": "form-ar-1", "text": "حلو"})
    assert no_face.status_code == 400 and "المس وجهًا أولًا." in no_face.get_data(as_text=True)
    rude = client.post(f"/f/{code}", json={"client_id": "phone-ar-2", "face": "good",
                                            "text": "يا شرموطة"})
    assert rude.get_json()["message"] == "من فضلك استعمل كلمات لطيفة."


def test_turkish_from_the_phone_and_polish_remembered(hood, app, poll):  # noqa: F811
    code, _item = poll
    items, token = ship(hood)
    client = app.test_client()
    turkish = client.get(f"/f/{code}", headers={"Accept-Language": "tr-TR,tr;q=0.9,en;q=0.5"})
    assert 'lang="tr"' in turkish.get_data(as_text=True)
    assert "Nasıl buldun?" in turkish.get_data(as_text=True)
    other = client.get(f"/f/{code}", headers={"Accept-Language": "de-DE,fr;q=0.8"})
    assert 'lang="nl"' in other.get_data(as_text=True)  # not one of ours: Dutch
    polish = page(client, f"/p/{token}?lang=pl")
    assert 'lang="pl"' in polish and "Co się stało z naszymi pomysłami?" in polish
    again = client.get(f"/f/{code}", headers={"Accept-Language": "tr"}).get_data(as_text=True)
    assert 'lang="pl"' in again and "Jak ci się podobało?" in again  # the child's choice wins
    # the leader's pages stay in a leader language: Polish is not one, Dutch is the default
    assert 'lang="nl"' in page(client, "/login?lang=pl")
    assert 'lang="en"' in page(client, "/login?lang=en")
    assert 'lang="pl"' in page(client, f"/p/{token}")  # the child's choice is apart


def test_the_poster_is_the_leaders_printout_not_a_childs_page(hood, app):
    _items, token = ship(hood)
    for url, lang in ((f"/p/{token}/poster.png?lang=ar", "nl"), (f"/p/{token}?lang=ar", "ar")):
        with app.test_request_context(url):
            request.url_rule, request.view_args = app.url_map.bind("localhost").match(
                url.split("?")[0], return_rule=True)
            assert select_locale() == lang
