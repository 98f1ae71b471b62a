"""The leader's side over HTTP: log in, create a group and a series, start a workshop."""

from __future__ import annotations

import re
import time

import requests

from .browser import Browser
from .servers import SetupError

TIMEOUT = 30
DREAM = 2  # the dream workshop (ideas, then votes) is the second of a series


class Leader:
    """A leader's browser session on one server."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        """Set up the fields."""
        self.base = base_url.rstrip("/")
        self.username, self.password = username, password
        self.http = Browser()  # sends the page's CSRF token with each form

    def _post(self, path: str, data: dict | None = None) -> requests.Response:
        """POST a form without following the redirect."""
        try:
            return self.http.post(self.base + path, data=data or {}, timeout=TIMEOUT,
                                  allow_redirects=False)
        except requests.RequestException as exc:
            raise SetupError(f"POST {path}: {exc}") from exc

    def _get(self, path: str) -> str:
        """GET a page's HTML."""
        try:
            response = self.http.get(self.base + path, timeout=TIMEOUT, allow_redirects=False)
        except requests.RequestException as exc:
            raise SetupError(f"GET {path}: {exc}") from exc
        if response.status_code != 200:
            raise SetupError(f"GET {path}: HTTP {response.status_code}")
        return response.text

    def login(self) -> None:
        """Log in; refuse when the account does not work."""
        response = self._post("/login", {"username": self.username, "password": self.password})
        location = response.headers.get("Location", "")
        if response.status_code != 302 or "/setup" in location or "/login" in location:
            raise SetupError(f"login as {self.username!r} failed (HTTP {response.status_code})")

    def cookie(self) -> str:
        """The login cookie as a Cookie header, for the screen's socket."""
        return "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)

    def _group_ids(self) -> set[int]:
        """Ids of the groups on the leader's home page."""
        return {int(i) for i in re.findall(r'data-group="(\d+)"', self._get("/"))}

    def _new_group(self, name: str) -> int:
        """Create a group; its id is the one that was not on the home page before."""
        before = self._group_ids()
        response = self._post("/groups/new", {"name": name, "school": "Bench school",
                                              "neighbourhood": "Bench", "age_min": 8,
                                              "age_max": 12})
        if response.status_code != 302:
            raise SetupError(f"creating a group failed (HTTP {response.status_code})")
        new = self._group_ids() - before
        if not new:
            raise SetupError("the new group is not on the home page")
        return max(new)

    def _new_series(self, group_id: int, title: str) -> int:
        """Create a series of three workshops; its id comes from the redirect."""
        response = self._post(f"/groups/{group_id}/series/new", {"title": title})
        found = re.search(r"/series/(\d+)", response.headers.get("Location", ""))
        if response.status_code != 302 or not found:
            raise SetupError(f"creating a series failed (HTTP {response.status_code})")
        return int(found.group(1))

    def _workshop_at(self, series_id: int, position: int) -> int:
        """The id of the workshop at this position of the series page."""
        rows = re.findall(r'<tr data-workshop="(\d+)">\s*<td><strong>(\d+)\.',
                          self._get(f"/series/{series_id}"))
        for workshop_id, pos in rows:
            if int(pos) == position:
                return int(workshop_id)
        raise SetupError(f"series {series_id} has no workshop at position {position}")

    def start_dream(self, label: str) -> int:
        """A new group and series with its dream workshop started; the workshop id."""
        stamp = time.strftime("%Y-%m-%d %H:%M")
        group_id = self._new_group(f"Bench {label} {stamp}")
        series_id = self._new_series(group_id, f"Bench {label}")
        workshop_id = self._workshop_at(series_id, DREAM)
        response = self._post(f"/workshops/{workshop_id}/start")
        if response.status_code != 302:
            raise SetupError(f"starting workshop {workshop_id} failed "
                             f"(HTTP {response.status_code})")
        return workshop_id
