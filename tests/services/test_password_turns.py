"""Password hashes and checks take turns: scrypt holds 32 MB while it runs, so ten wrong
logins at once must not run ten at once (the others wait, and all are answered)."""

from __future__ import annotations

import threading
import time

from workshop.services import accounts


def test_at_most_two_password_checks_at_once(monkeypatch):
    running, most, lock = [0], [0], threading.Lock()

    def check(stored, password):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)  # long enough for the others to try to start
        with lock:
            running[0] -= 1
        return password == "right"

    monkeypatch.setattr(accounts, "check_password_hash", check)
    answers: list[bool] = []
    threads = [threading.Thread(target=lambda i=i: answers.append(
        accounts._matches("scrypt:x", "right" if i == 0 else "wrong"))) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(answers) == [False] * 9 + [True]  # every one answered
    assert most[0] == 2
