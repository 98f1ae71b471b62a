"""The Content-Security-Policy runs no inline script: the header says so on every page, the
pages carry none (no inline <script>, no on...= handlers, no javascript: links), and in a
real browser the leader's, the screen's and the tablet's pages work without a violation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from .helpers import PASSWORD, logged_in, started_workshop

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>",
                           re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def script_sources(policy: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == "script-src":
            return words[1:]
    return []


def test_every_page_says_scripts_come_from_this_server_only(server):
    leader, workshop_id, code = started_workshop(server)
    pages = [("/login", requests), ("/j", requests), (f"/j/{code}", requests),
             ("/j/ZZZZZZ", requests), ("/", leader.http),
             (f"/workshops/{workshop_id}/screen", leader.http),
             (f"/workshops/{workshop_id}/control", leader.http), ("/plans", leader.http),
             ("/links", leader.http), ("/networks", leader.http),
             ("/account/password", leader.http)]
    for path, http in pages:
        answer = http.get(server.url + path)
        policy = answer.headers["Content-Security-Policy"]
        assert script_sources(policy) == ["'self'"], (path, policy)
        assert "unsafe-inline" not in " ".join(script_sources(policy))
        assert "unsafe-eval" not in policy
        html = answer.text
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html).group(0))
        assert not HANDLER.search(re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)), \
            path
        assert "javascript:" not in html, path
        assert '<meta name="csrf-token" content="' in html, path


def test_no_template_has_an_inline_script_or_handler():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        if template.name == "published.html":  # the file for the school website: no scripts
            assert "<script" not in text
            continue
        assert not INLINE_SCRIPT.search(text), template
        assert not HANDLER.search(text), template
        assert "javascript:" not in text, template


@pytest.mark.browser
def test_the_pages_run_without_a_policy_violation(server, browser):
    leader, workshop_id, code = started_workshop(server)
    logged_in(server)  # the account works; the browser logs in by itself below
    context = browser.new_context()
    violations: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(server.url + "/login")
    page.locator("input[name=username]").fill("juf")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button.primary").click()
    expect(page).to_have_url(server.url + "/")
    page.goto(f"{server.url}/workshops/{workshop_id}/screen")
    expect(page.locator(".s-title")).not_to_be_empty()  # screen/main.js ran and got the state
    assert page.evaluate("() => typeof window.T === 'object' && Object.keys(window.T).length")
    tab = context.new_page()
    tab.on("console", lambda m: violations.append(m.text)
           if "Content Security Policy" in m.text else None)
    tab.goto(f"{server.url}/j/{code}")
    assert tab.evaluate("() => window.TABLET.code") == code
    expect(tab.locator(".t-loading")).to_have_count(0)  # tablet/main.js took over the page
    page.goto(server.url + "/networks")
    page.goto(server.url + "/j/ZZZZZZ")
    assert not violations, violations
    context.close()
