"""The address tablets on the classroom Wi-Fi can reach: the laptop's LAN address."""

from __future__ import annotations

import ipaddress
import socket

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
