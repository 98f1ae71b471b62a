"""A login session ends on the server and leads nowhere else: `next` after login stays on
this host whatever the trick, a cookie copied before logout (or before a new password, or
another role) opens nothing, an idle session ends, and behind an https proxy the cookie is
Secure, HSTS is on and the client's own address counts."""

from __future__ import annotations

import time
from urllib.parse import quote, urljoin, urlsplit

import requests
import socketio

from ..forms import Browser, token_in
from .helpers import PASSWORD, logged_in, start_server, started_workshop

TRICKS = ["/%09/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example",
          "https://evil.example/", "http:evil.example", "/%0d%0a/evil.example",
          " //evil.example", "\t//evil.example", "///evil.example", "/%2F/evil.example",
          "javascript:alert(1)", "/\t/evil.example", "\\\\evil.example"]


def test_next_after_login_stays_on_this_host(server):
    for trick in TRICKS:
        http = Browser()
        # as typed in the address bar: quoted once, so "%09" arrives as the three characters
        query = trick if trick.startswith("/%") else quote(trick, safe="/:%")
        answer = http.post(f"{server.url}/login?next={query}",
                           data={"username": "juf", "password": PASSWORD},
                           allow_redirects=False)
        assert answer.status_code == 302, trick
        location = answer.headers["Location"]
        # what a browser does with it: drop tabs and line breaks, read \\ as /
        cleaned = location.replace("\t", "").replace("\n", "").replace("\r", "") \
            .replace("\\", "/")
        assert urlsplit(urljoin(server.url + "/login", cleaned)).netloc == \
            urlsplit(server.url).netloc, (trick, location)
        assert not cleaned.startswith("//"), (trick, location)


def test_next_to_a_page_here_still_works(server):
    answer = Browser().post(f"{server.url}/login?next=/plans%3Fx%3D1",
                            data={"username": "juf", "password": PASSWORD},
                            allow_redirects=False)
    assert answer.headers["Location"] == "/plans?x=1"


def _copy(http: requests.Session) -> requests.Session:
    thief = requests.Session()
    thief.cookies.update(http.cookies)
    return thief


def _opens_home(http: requests.Session, url: str) -> bool:
    answer = http.get(url + "/", allow_redirects=False)
    return answer.status_code == 200


def test_a_cookie_copied_before_logout_opens_nothing_afterwards(server):
    leader, workshop_id, _code = started_workshop(server)
    thief = _copy(leader.http)
    cookie = leader.cookie()
    assert _opens_home(thief, server.url)
    leader.http.post(server.url + "/logout", allow_redirects=False)
    assert not _opens_home(thief, server.url)
    assert thief.get(server.url + "/", allow_redirects=False).headers["Location"] \
        .startswith("/login")
    sio = socketio.Client(reconnection=False)  # the leader's socket with the old cookie
    sio.connect(server.url, namespaces=["/live"], transports=["websocket"],
                headers={"Cookie": cookie})
    reply = sio.call("control", {"workshop_id": workshop_id, "action": "next"},
                     namespace="/live", timeout=30)
    sio.disconnect()
    assert reply["ok"] is False and reply["error"] == "login_required"


def test_a_new_password_ends_the_other_sessions_and_keeps_this_one(server):
    phone, laptop = logged_in(server), logged_in(server)
    thief = _copy(laptop)
    changed = laptop.post(server.url + "/account/password", data={
        "current": PASSWORD, "password": "nieuw-geheim-456", "password2": "nieuw-geheim-456"})
    assert changed.status_code == 200
    assert _opens_home(laptop, server.url)       # this session goes on
    assert not _opens_home(phone, server.url)    # the other device is logged out
    assert not _opens_home(thief, server.url)    # and so is the copy of the old cookie
    wrong = laptop.post(server.url + "/account/password", data={
        "current": "fout", "password": "nog-een-789xx", "password2": "nog-een-789xx"})
    assert wrong.status_code == 400


def test_a_role_taken_away_ends_the_session(server):
    http = logged_in(server)
    assert _opens_home(http, server.url)
    server.cli("set-role", "juf", "none")
    assert not _opens_home(http, server.url)
    again = Browser().post(server.url + "/login", data={"username": "juf",
                                                       "password": PASSWORD},
                           allow_redirects=False)
    assert again.status_code == 401  # and it cannot log in again


def test_an_idle_session_ends(app, leader):
    """In-process, on a clock the test moves (the app's SESSION_CLOCK) instead of sleeping:
    a login used within WORKSHOP_IDLE_HOURS goes on however long it lasts in all; one left
    alone longer ends on the server, also while the browser still sends its cookie."""
    now = [time.time()]
    app.config["SESSION_CLOCK"] = lambda: now[0]
    idle_limit = app.permanent_session_lifetime.total_seconds()        # 12 hours
    active, idle = leader.client, app.test_client()
    idle.post("/login", data={"username": "juf", "password": PASSWORD})  # the same account
    assert _opens(active) and _opens(idle)
    for _ in range(3):                  # used within the time: it goes on, 36 hours in all
        now[0] += idle_limit - 1
        assert _opens(active)
    assert not _opens(idle)             # nothing since the login: it ended
    now[0] += idle_limit - 1
    assert _opens(active)
    now[0] += idle_limit + 1            # and the active one, once left alone too long
    assert not _opens(active)


def _opens(client) -> bool:
    """The home page opens (a login), instead of a redirect to the login page."""
    return client.get("/").status_code == 200


def test_behind_an_https_proxy_the_cookie_is_secure_with_hsts_and_the_client_counts(tmp_path):
    server = start_server(tmp_path, WORKSHOP_PUBLIC_URL="https://workshops.example.org",
                          WORKSHOP_PROXIES="1")
    proxy = {"X-Forwarded-Proto": "https", "Host": "workshops.example.org"}
    try:
        http = requests.Session()
        page = http.get(server.url + "/login", headers={**proxy, "X-Forwarded-For": "10.0.0.1"})
        assert page.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "Secure" in page.headers["Set-Cookie"]
        token = token_in(page.text)
        form = {"username": "juf", "password": "fout"}
        # the proxy talks http to the server: the Secure cookie goes along by hand
        proxy["Cookie"] = page.headers["Set-Cookie"].split(";")[0]

        def attempt(client: str) -> int:
            return http.post(server.url + "/login", data=form, allow_redirects=False, headers={
                **proxy, "X-Forwarded-For": client, "X-CSRFToken": token,
                "Origin": "https://workshops.example.org"}).status_code

        assert [attempt("10.0.0.1") for _ in range(6)] == [401] * 5 + [429]
        assert attempt("10.0.0.2") == 401  # another client behind the same proxy is not held
        right = http.post(server.url + "/login", allow_redirects=False, data={
            "username": "juf", "password": PASSWORD}, headers={
            **proxy, "X-Forwarded-For": "10.0.0.3", "X-CSRFToken": token,
            "Origin": "https://workshops.example.org"})
        assert right.status_code == 302
        cookie = right.headers["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    finally:
        server.stop()
