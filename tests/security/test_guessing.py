"""Guessing and flooding are slowed down and the rest of the room does not notice: wrong
passwords and wrong join codes over HTTP end in a 429 (then the right one waits too), wrong
join codes over a socket and a flood of submissions get "slow down" while another tablet
goes on, and an unknown username takes as long as a known one."""

from __future__ import annotations

import random
import statistics
import time

import requests

from workshop.services.run import CODE_ALPHABET

from ..forms import Browser, token_in
from .helpers import PASSWORD, call, start_server, started_workshop, tablet


def wrong_code(right: str) -> str:
    while True:
        code = "".join(random.choice(CODE_ALPHABET) for _ in range(6))
        if code != right:
            return code


def form_session(url: str) -> requests.Session:
    """A visitor with the token of the login page (it lasts the visit)."""
    http = requests.Session()
    token = token_in(http.get(url + "/login").text)
    http.headers.update({"X-CSRFToken": token, "Origin": url})
    return http


def test_password_guessing_ends_in_429_and_then_the_right_password_waits_too(server):
    http = form_session(server.url)
    statuses = [http.post(server.url + "/login", data={"username": "juf", "password": f"no{i}"},
                          allow_redirects=False).status_code for i in range(8)]
    assert statuses == [401] * 5 + [429] * 3
    right = http.post(server.url + "/login", data={"username": "juf", "password": PASSWORD},
                      allow_redirects=False)
    assert right.status_code == 429
    assert "Wacht een minuut" in right.text  # a page in words, in Dutch by default
    many = [http.post(server.url + "/login", data={"username": f"x{i}", "password": "no"},
                      allow_redirects=False).status_code for i in range(40)]
    assert many.count(401) <= 30 and many[-1] == 429  # many usernames from one address
    # somebody else (another address) is not held up: the limit is per client
    # (tests/security/test_sessions.py shows it behind a proxy)


def test_join_code_guessing_over_http_ends_in_429_and_the_right_code_waits_too(server):
    _leader, _workshop_id, code = started_workshop(server)
    http = form_session(server.url)
    typed = [http.post(server.url + "/j", data={"code": wrong_code(code)},
                       allow_redirects=False).status_code for _ in range(20)]
    linked = [http.get(f"{server.url}/j/{wrong_code(code)}").status_code for _ in range(15)]
    assert typed == [400] * 20 and linked[:10] == [404] * 10 and linked[10:] == [429] * 5
    assert http.post(server.url + "/j", data={"code": code},
                     allow_redirects=False).status_code == 429
    assert http.get(f"{server.url}/j/{code}").status_code == 429
    assert http.get(f"{server.url}/j/{code}/name").status_code == 429


def test_join_code_guessing_over_a_socket_is_told_to_slow_down_and_others_go_on(server):
    _leader, _workshop_id, code = started_workshop(server)
    guesser = tablet(server)
    answers = [call(guesser, "children", {"code": wrong_code(code)}).get("error")
               for _ in range(50)]
    assert answers[:10] == ["wrong_code"] * 10 and set(answers[10:]) == {"slow_down"}
    assert call(guesser, "children", {"code": code})["error"] == "slow_down"
    assert "Niet zo snel" in call(guesser, "children", {"code": code})["message"]
    # a new connection from the same address gets its own bucket but not more wrong codes
    # than the address may have: 30 a minute, the 10 above included
    again = tablet(server)
    more = [call(again, "children", {"code": wrong_code(code)}).get("error")
            for _ in range(30)]
    assert more.count("wrong_code") == 10 and more[-1] == "slow_down"
    guesser.disconnect()
    again.disconnect()


def test_a_flooding_tablet_is_slowed_down_and_the_others_are_not(server):
    leader, workshop_id, code = started_workshop(server)
    screen = tablet(server, headers={"Cookie": leader.cookie()})
    steps = call(screen, "screen_hello", {"workshop_id": workshop_id})["state"]["steps"]
    ideas = next(i for i, s in enumerate(steps) if s["kind"] == "ideas")
    assert call(screen, "control", {"workshop_id": workshop_id, "action": "goto",
                                    "value": ideas})["ok"]
    devices = []
    for name in ("Flo", "Sam"):
        device = tablet(server)
        joined = call(device, "join", {"code": code, "name": name, "avatar": "🦊"})
        assert joined["ok"], joined
        assert call(device, "tablet_hello", {"code": code, "token": joined["token"]})["ok"]
        devices.append(device)
    flood, calm = devices

    def idea(device, n: int) -> dict:
        return call(device, "submit", {"client_id": f"flood-{id(device)}-{n:05d}",
                                       "workshop_id": workshop_id, "what": "idea",
                                       "step_index": ideas, "payload": {"text": f"Idee {n}"}})

    replies = [idea(flood, n) for n in range(160)]
    stored = sum(1 for r in replies if r.get("ok"))
    slowed = sum(1 for r in replies if r.get("error") == "slow_down")
    assert slowed > 0 and stored >= 100 and stored + slowed == 160
    assert idea(flood, 999).get("error") == "slow_down"
    assert all(idea(calm, n)["ok"] for n in range(5))  # the rest of the room goes on
    time.sleep(1.2)
    assert idea(flood, 1000)["ok"]  # after a moment the flooding tablet may send again
    for sio in (screen, flood, calm):
        sio.disconnect()


def test_an_unknown_username_takes_as_long_as_a_known_one(tmp_path):
    known = [f"juf{i}" for i in range(4)]
    server = start_server(tmp_path, users=tuple(known))
    try:
        http = Browser()
        token = http.token(server.url)
        times: dict[str, list[float]] = {"known": [], "unknown": []}
        for i in range(4):  # one try per username: under every login limit
            for kind, name in (("known", known[i]), ("unknown", f"nobody{i}")):
                start = time.perf_counter()
                answer = requests.post(server.url + "/login", allow_redirects=False,
                                       data={"username": name, "password": "wrong-password"},
                                       cookies=http.cookies,
                                       headers={"X-CSRFToken": token, "Origin": server.url})
                times[kind].append(time.perf_counter() - start)
                assert answer.status_code == 401
        known_mean = statistics.mean(times["known"])
        unknown_mean = statistics.mean(times["unknown"])
        assert unknown_mean * 5 > known_mean, (known_mean, unknown_mean)
    finally:
        server.stop()
