"""`timer_start` and `timer_add` from the leader's screen refuse absurd values in words."""

from .helpers import Screen, start_workshop


def test_a_billion_minutes_is_refused_and_the_timer_is_untouched(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    before = screen.state["timer"]
    for value in (10**9, 0, -1, "veel", 121, 2.5):
        reply = screen.call("control", action="timer_start", value=value)
        assert reply["ok"] is False and reply["error"] == "timer_minutes_invalid", reply
        assert reply["message"] == ("Zet de timer op een heel aantal minuten, van 1 tot 120.")
    again = screen.call("screen_hello")["state"]["timer"]
    assert again["ends_at"] == before["ends_at"]
    running = screen.control("timer_start", 10)["timer"]
    assert running["ends_at"] is not None
    assert screen.call("control", action="timer_add", value=10**9)["ok"] is False
    assert screen.call("control", action="timer_add", value=120)["ok"] is False  # over 120 in all
    assert screen.control("timer_add", 5)["timer"]["ends_at"] > running["ends_at"]
