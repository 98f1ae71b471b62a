"""The privacy page (public, the real period, Dutch first) and the admin's settings page where
the retention period is set (CSRF, admins only, a clear error in words)."""

from __future__ import annotations

from flask.testing import FlaskClient

from workshop.services import accounts, progress, retention
from workshop.store.models import Series, User

from ..conftest import PASSWORD
from ..live.helpers import start_workshop


def _admin(client, db):
    with db.begin() as dbs:
        accounts.create_user(dbs, "baas", PASSWORD, role="admin")
    client.post("/login", data={"username": "baas", "password": PASSWORD})


def test_the_privacy_page_shows_the_period_in_force_to_anyone(client, db):
    page = client.get("/privacy")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'lang="nl"' in body and "Privacy: wat we over jou bewaren" in body
    assert "Voor kinderen" in body and "Voor ouders en scholen" in body
    assert "Na 12 maanden vergeet de computer jou" in body
    assert "12 maanden na de laatste workshop van de reeks verwijderd" in body
    english = client.get("/privacy?lang=en").get_data(as_text=True)
    assert "After 12 months the computer forgets you" in english
    assert "Who sees it" in english
    _admin(client, db)
    client.post("/settings", data={"retention_months": "1"})
    assert "After 1 month the computer forgets you" in client.get("/privacy?lang=en").get_data(
        as_text=True)


def test_the_privacy_page_comes_in_every_child_language_arabic_right_to_left(client):
    """Linked from the tablet: a child (and a parent) reads it in the tablet's language."""
    turkish = client.get("/privacy?lang=tr").get_data(as_text=True)
    assert 'lang="tr"' in turkish and 'dir="ltr"' in turkish
    assert "Çocuklar için" in turkish and "12 ay sonra bilgisayar seni unutur" in turkish
    assert "Veliler ve okullar için" in turkish
    polish = client.get("/privacy?lang=pl").get_data(as_text=True)
    assert "Dla dzieci" in polish and "Czas przechowywania: 12 miesięcy." in polish
    assert "12 miesięcy po ostatnich warsztatach" in polish
    arabic = client.get("/privacy?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "للأطفال" in arabic and "بعد 12 شهرًا ينساك الحاسوب" in arabic
    assert "لأولياء الأمور والمدارس" in arabic
    # the choice is remembered like on the tablet, and the language list is there
    assert 'lang="ar"' in client.get("/privacy").get_data(as_text=True)
    assert 'href="?lang=pl"' in arabic


def test_an_admin_sets_the_period_on_the_settings_page(client, db):
    _admin(client, db)
    page = client.get("/settings?lang=nl").get_data(as_text=True)
    assert "Hoe lang gegevens van kinderen bewaard blijven" in page
    assert 'name="retention_months"' in page and 'value="12"' in page
    assert 'name="csrf_token"' in page
    refused = client.post("/settings", data={"retention_months": "twaalf"})
    assert refused.status_code == 400
    body = refused.get_data(as_text=True)
    assert "Geef een heel aantal maanden, van 1 tot 120." in body and 'aria-invalid="true"' in body
    assert client.post("/settings", data={"retention_months": "0"}).status_code == 400
    saved = client.post("/settings", data={"retention_months": "18"})
    assert saved.status_code == 302
    assert "Opgeslagen." in client.get(saved.headers["Location"]).get_data(as_text=True)
    with db.begin() as dbs:
        assert retention.months(dbs) == 18
    done = client.post("/settings/forget-now")
    assert done.status_code == 302
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Klaar: de gegevens van 0 reeks(en) zijn vergeten." in page
    # the home page leads admins here
    assert 'href="/settings"' in client.get("/").get_data(as_text=True)


def test_the_settings_page_needs_an_admin_and_a_csrf_token(app, client, db, leader):
    assert client.get("/settings").status_code == 403       # a leader
    assert client.post("/settings", data={"retention_months": "1"}).status_code == 403
    assert 'href="/settings"' not in client.get("/").get_data(as_text=True)
    anonymous = app.test_client()
    assert anonymous.get("/settings").status_code == 302    # to the login page
    _admin(client, db)
    plain = FlaskClient(app, use_cookies=True)
    plain.set_cookie("session", client.get_cookie("session").value)
    assert plain.post("/settings", data={"retention_months": "1"}).status_code == 400
    with db.begin() as dbs:
        assert retention.months(dbs) == 12
        assert dbs.query(User).filter_by(username="baas").one().role == "admin"


def test_the_tablet_and_progress_pages_link_to_the_privacy_page(client, db, leader):
    assert 'href="/privacy"' in client.get("/j").get_data(as_text=True)
    series_id, _workshop = start_workshop(leader, position=1)
    with db.begin() as dbs:
        code = dbs.get(Series, series_id).workshops[0].join_code
        token = progress.progress_link(dbs, dbs.get(User, leader.user["id"]), series_id)
    tablet = client.get(f"/j/{code}").get_data(as_text=True)
    assert 'href="/privacy"' in tablet and "Wat bewaren we over jou?" in tablet
    assert 'href="/privacy"' in client.get(f"/p/{token}").get_data(as_text=True)
