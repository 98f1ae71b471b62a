"""Who can open an address: anyone, only this network, or only this computer; and what
counts as a web address to publish at (workshop/netaddr.py, plain Python)."""

import pytest

from workshop.netaddr import (
    LOCAL_NETWORK,
    PUBLIC,
    THIS_COMPUTER,
    only_here,
    outside_base,
    reach,
    url_host,
    web_address,
)


@pytest.mark.parametrize("url", [
    "http://192.168.1.23:5000/p/abc",
    "http://10.0.0.5/",
    "http://172.16.4.1:8080",
    "http://169.254.10.20:5000",          # link-local (no DHCP)
    "http://100.64.1.2",                  # shared address space (carrier NAT, VPNs)
    "http://[fd12:3456::1]:5000/p/x",     # IPv6 unique local
    "http://[fe80::1%25wlan0]:5000/",     # IPv6 link-local with a zone
    "http://[::ffff:192.168.1.5]/",       # IPv4-mapped IPv6
    "http://juf-laptop:5000/",            # a bare host name
    "http://juf-laptop.local:5000/",      # mDNS
    "http://server.lan/", "http://box.home.arpa/", "http://app.internal/",
    "http://10.1/",                       # digits only, not a real address
])
def test_addresses_of_this_network(url):
    assert reach(url) == LOCAL_NETWORK
    assert only_here(url)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:5000/", "http://127.1.2.3/", "http://localhost:5000/",
    "http://LOCALHOST/", "http://app.localhost/", "http://[::1]:5000/", "http://0.0.0.0:5000",
    "", "not an address", "http://",
])
def test_addresses_of_this_computer(url):
    assert reach(url) == THIS_COMPUTER
    assert only_here(url)


@pytest.mark.parametrize("url", [
    "https://workshops.example.nl",
    "https://workshops.example.nl/p/abc?x=1",
    "http://progress.gemeente.nl:8080/",
    "https://Workshops.Example.NL./",     # case and a trailing dot
    "http://8.8.8.8/",
    "http://[2a00:1450:4001:82a::200e]/",
])
def test_public_addresses(url):
    assert reach(url) == PUBLIC
    assert not only_here(url)


def test_host_of_an_address():
    assert url_host("https://Workshops.Example.NL./p/x") == "workshops.example.nl"
    assert url_host("http://[fe80::1%25eth0]:5000/") == "fe80::1"
    assert url_host("http://[broken/") == ""


def test_outside_links_use_the_configured_address_first(monkeypatch):
    assert outside_base("https://workshops.example.nl/", 5000) == "https://workshops.example.nl"
    monkeypatch.setattr("workshop.netaddr.lan_addresses", lambda: ["192.168.1.23"])
    assert outside_base(None, 5000) == "http://192.168.1.23:5000"
    assert only_here(outside_base(None, 5000))
    monkeypatch.setattr("workshop.netaddr.lan_addresses", lambda: [])
    assert outside_base("", 8080) == "http://127.0.0.1:8080"


@pytest.mark.parametrize("text", [
    "https://www.school.nl/onze-ideeen/", "http://school.nl", "  https://school.nl/a  ",
    "https://192.168.1.4/intranet",
])
def test_web_addresses_to_publish_at(text):
    assert web_address(text) == text.strip()


@pytest.mark.parametrize("text", [
    None, "", "www.school.nl", "school.nl/ideeen", "ftp://school.nl/", "javascript:alert(1)",
    "https://", "https:///pad", "https://school.nl:99999/", "https://a b.nl/",
    "https://user:secret@school.nl/", "mailto:juf@school.nl", "https://" + "a" * 300 + ".nl",
])
def test_not_web_addresses(text):
    assert web_address(text) is None
