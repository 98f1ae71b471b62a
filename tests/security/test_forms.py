"""Another page cannot act as the logged-in leader: a page on another port of the same host
(same site, so SameSite=Lax sends the cookie) posts a form, sends a fetch and opens the
leader's socket in a real browser, and is refused each time; a request without the page's
token, or with a foreign Origin, is refused too."""

from __future__ import annotations

import pytest
import requests
from playwright.sync_api import expect

from ..forms import token_in
from .helpers import PASSWORD, attacker_site, logged_in, started_workshop

ATTACK = """<!doctype html><html><head><meta charset="utf-8">
<script src="{url}/static/vendor/socket.io.min.js"></script></head><body>
<form id="make" method="post" action="{url}/groups/new">
  <input name="name" value="Hacked by form"><input name="age_min" value="8">
  <input name="age_max" value="12"><button id="go">Win a prize</button>
</form>
<script>
  window.fetched = function () {{
    return fetch("{url}/groups/new", {{
      method: "POST", mode: "no-cors", credentials: "include",
      body: new URLSearchParams({{ name: "Hacked by fetch", age_min: "8", age_max: "12" }}),
    }}).then(function () {{ return "sent"; }}, function (e) {{ return "failed " + e; }});
  }};
  window.socketTry = function (workshopId) {{
    return new Promise(function (resolve) {{
      var socket = io("{url}/live", {{ transports: ["websocket"], reconnection: false }});
      socket.on("connect", function () {{
        socket.emit("control", {{ workshop_id: workshopId, action: "end" }}, function (reply) {{
          resolve("connected: " + JSON.stringify(reply));
        }});
      }});
      socket.on("connect_error", function (e) {{ resolve("refused: " + e.message); }});
      setTimeout(function () {{ resolve("no answer"); }}, 8000);
    }});
  }};
</script></body></html>"""


@pytest.mark.browser
def test_a_page_on_another_port_cannot_post_fetch_or_drive_the_socket(server, browser):
    leader, workshop_id, _code = started_workshop(server)
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/login")
    page.locator("input[name=username]").fill("juf")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button.primary").click()
    expect(page).to_have_url(server.url + "/")
    with attacker_site(ATTACK.format(url=server.url)) as evil:
        page.goto(evil)
        assert page.evaluate("() => window.fetched()") == "sent"  # the browser did send it
        assert page.evaluate("(id) => window.socketTry(id)", workshop_id).startswith("refused")
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.locator("#go").click()
        assert posted.value.status == 403
        expect(page.locator(".error-message")).to_contain_text("andere website")
    home = leader._get("/")
    assert "Hacked by" not in home
    assert "Bench security" in home or "security" in home  # the leader's own group is there
    screen = leader._get(f"/workshops/{workshop_id}/screen")
    assert "data-workshop" in screen  # still running: the socket's "end" never arrived
    context.close()


def test_without_the_page_token_or_from_another_origin_nothing_changes(server):
    http = logged_in(server)
    plain = requests.Session()
    plain.cookies.update(http.cookies)
    form = {"name": "Without token", "age_min": 8, "age_max": 12}
    no_token = plain.post(server.url + "/groups/new", data=form, allow_redirects=False,
                          headers={"Origin": server.url})
    assert no_token.status_code == 400
    token = token_in(plain.get(server.url + "/").text)
    foreign = plain.post(server.url + "/groups/new", data=form, allow_redirects=False,
                         headers={"Origin": "http://127.0.0.1:1", "X-CSRFToken": token})
    assert foreign.status_code == 403
    by_referer = plain.post(server.url + "/groups/new", data=form, allow_redirects=False,
                            headers={"Referer": "http://evil.example/page",
                                     "X-CSRFToken": token})
    assert by_referer.status_code == 403
    null_origin = plain.post(server.url + "/groups/new", data=form, allow_redirects=False,
                             headers={"Origin": "null", "X-CSRFToken": token})
    assert null_origin.status_code == 403
    other_token = token_in(requests.get(server.url + "/login").text)  # another visitor's
    stolen = plain.post(server.url + "/groups/new", data=form, allow_redirects=False,
                        headers={"Origin": server.url, "X-CSRFToken": other_token})
    assert stolen.status_code == 400
    assert "Without token" not in plain.get(server.url + "/").text
    done = plain.post(server.url + "/groups/new", data=form, allow_redirects=False,
                      headers={"Origin": server.url, "X-CSRFToken": token})
    assert done.status_code == 302  # the page's own token from its own origin: fine


def test_a_socket_from_another_origin_is_refused_and_the_own_origin_is_not(server):
    import socketio
    import websocket

    leader, workshop_id, _code = started_workshop(server)
    cookie = leader.cookie()
    address = server.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(address, cookie=cookie, origin="http://127.0.0.1:1",
                                    timeout=10)
    assert refused.value.status_code == 400
    polling = requests.get(server.url + "/socket.io/?EIO=4&transport=polling",
                           headers={"Cookie": cookie, "Origin": "http://127.0.0.1:1"})
    assert polling.status_code == 400
    own = socketio.Client(reconnection=False)  # sends its own address as the Origin
    own.connect(server.url, namespaces=["/live"], transports=["websocket"],
                headers={"Cookie": cookie})
    reply = own.call("screen_hello", {"workshop_id": workshop_id}, namespace="/live",
                     timeout=30)
    own.disconnect()
    assert reply["ok"] is True
