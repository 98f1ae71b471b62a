"""Addresses: the one tablets on the classroom Wi-Fi can reach (the laptop's LAN address),
the one for people outside the classroom, and who can open a given address."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import psutil


def lan_addresses() -> list[str]:
    """IPv4 addresses of interfaces that are up, private ones first, loopback last."""
    stats = psutil.net_if_stats()
    found = []
    for name, addrs in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        for addr in addrs:
            if addr.family != socket.AF_INET:
                continue
            ip = ipaddress.ip_address(addr.address)
            if ip.is_link_local:
                continue
            found.append(ip)
    found.sort(key=lambda ip: (ip.is_loopback, not ip.is_private, str(ip)))
    return [str(ip) for ip in found]


def public_url(configured: str | None, port: int) -> str:
    """The base URL for QR codes: the configured one, or http://<LAN address>:<port>."""
    if configured:
        return configured.rstrip("/")
    addresses = lan_addresses()
    host = addresses[0] if addresses else "127.0.0.1"
    return f"http://{host}:{port}"


# --- links for people outside the classroom (parents at home, partners at their office) ---

# Host name endings that only a local network resolves (mDNS, home routers, RFC 8375/6761).
LOCAL_SUFFIXES = (".local", ".localhost", ".lan", ".home.arpa", ".internal", ".localdomain")

PUBLIC, LOCAL_NETWORK, THIS_COMPUTER = "public", "local_network", "this_computer"


def outside_base(configured: str | None, port: int) -> str:
    """The base address of links meant for people outside the classroom: the configured
    public address (WORKSHOP_PUBLIC_URL) when set, else the laptop's LAN address."""
    return public_url(configured, port)


def url_host(url: str) -> str:
    """The host of `url`, lower case, without brackets, zone id or trailing dot."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.split("%", 1)[0].rstrip(".").lower()


def reach(url: str) -> str:
    """Who can open `url`: PUBLIC (anyone on the internet), LOCAL_NETWORK (only devices on
    the same Wi-Fi or network) or THIS_COMPUTER (only this machine itself)."""
    host = url_host(url)
    if not host:
        return THIS_COMPUTER
    if host == "localhost" or host.endswith(".localhost"):
        return THIS_COMPUTER
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if ip is not None:
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if ip.is_loopback or ip.is_unspecified:
            return THIS_COMPUTER
        # private, link-local, shared (100.64/10), documentation and reserved ranges
        return PUBLIC if ip.is_global else LOCAL_NETWORK
    if "." not in host or host.endswith(LOCAL_SUFFIXES):
        return LOCAL_NETWORK
    if all(part.isdigit() for part in host.split(".")):
        return LOCAL_NETWORK  # not a real address (e.g. "10.1"): do not promise anything
    return PUBLIC


def only_here(url: str) -> bool:
    """Whether `url` works only on this network (or this computer), not from home."""
    return reach(url) != PUBLIC


def web_address(text: str | None) -> str | None:
    """`text` as an http(s) address with a host, or None when it is not one."""
    text = (text or "").strip()
    if not text or any(c.isspace() for c in text) or len(text) > 300:
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not url_host(text):
        return None
    if parts.username or parts.password:
        return None
    return text
