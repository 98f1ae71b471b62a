"""One bench run: start (or reach) the servers, measure the product, then the baseline."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

from .baseline import run_baseline
from .clients import Room
from .leader import Leader
from .monitor import Monitor
from .phases import Options, run_bounded
from .scenario import run_product
from .servers import SetupError, create_user, echo_server, free_ports, product_server, server_env

PING_INTERVAL = 10.0  # the echo server's; connects spread over it spread its pings evenly


class NoMonitor:
    """Stands in for Monitor when the server is not ours to watch."""

    def mark(self, _name: str) -> None:
        """Nothing to note."""


def _admin(data_dir: Path, port: int, args) -> tuple[str, str]:
    """Create the bench admin (another name if `bench` exists in a shared database)."""
    password = secrets.token_urlsafe(16)
    env = server_env(data_dir, port, args.database_url, args.message_queue)
    try:
        create_user(env, "bench", password)
        return "bench", password
    except SetupError:
        name = f"bench-{secrets.token_hex(3)}"
        create_user(env, name, password)
        return name, password


def _start_products(args, workdir: Path) -> tuple[list, str, str]:
    """Start the server processes; (servers, username, password)."""
    data_dir = workdir / "data"
    data_dir.mkdir(parents=True)
    ports = free_ports(args.processes)
    username, password = _admin(data_dir, ports[0], args)
    servers = [product_server(data_dir, port, args.database_url, args.message_queue, i)
               for i, port in enumerate(ports)]
    return servers, username, password


def _server_figures(servers: list, monitor) -> dict:
    """CPU, memory, exit codes and log errors of our server processes."""
    figures = monitor.stop()
    figures["exited_during_run"] = {s.name: s.exit_code() for s in servers
                                    if s.exit_code() is not None}
    return figures


def _log_errors(servers: list, figures: dict) -> None:
    """Count the error lines in the servers' logs (after they stopped)."""
    lines = [line for s in servers for line in s.errors()]
    figures["log_error_lines"] = len(lines)
    figures["log_error_samples"] = list(dict.fromkeys(line.strip()[:160] for line in lines))[:5]


def measure_product(args, opts: Options, workdir: Path) -> dict:
    """Set up the workshops and run the product scenario; figures incl. the servers'."""
    servers, figures = [], {}
    try:
        if args.url:
            urls, username, password = [args.url.rstrip("/")], args.username, args.password
        else:
            servers, username, password = _start_products(args, workdir)
            for server in servers:
                server.start()
            for server in servers:
                server.wait_ready("/login")
            urls = [s.url for s in servers]
        monitor = Monitor([s.proc.pid for s in servers]).start() if servers else NoMonitor()
        leader = Leader(urls[0], username, password)
        leader.login()
        rooms = [Room(leader.start_dream(f"{i + 1}/{opts.workshops}"), urls[0], leader.cookie())
                 for i in range(opts.workshops)]
        figures = run_bounded(run_product(rooms, urls, opts, monitor))
        if servers:
            figures["server"] = _server_figures(servers, monitor)
    except SetupError as exc:
        tail = f"\nlast lines of the server log:\n{servers[0].tail()}" if servers else ""
        raise SetupError(f"{exc}{tail}") from exc
    finally:
        for server in servers:
            server.stop()
    if servers:
        _log_errors(servers, figures["server"])
    return figures


def measure_baseline(args, opts: Options, workdir: Path, spread: float) -> dict:
    """Run the raw Socket.IO echo server and as many clients, connected over `spread` s."""
    server = echo_server(workdir, free_ports(1)[0],
                         os.environ.get("WORKSHOP_ASYNC_MODE") or "gevent")
    try:
        server.start()
        server.wait_ready("/socket.io/?EIO=4&transport=polling")
        monitor = Monitor([server.proc.pid]).start()
        figures = run_bounded(run_baseline(server.url, opts, monitor, spread))
        figures["server"] = _server_figures([server], monitor)
    finally:
        server.stop()
    return figures


def _ratio(raw: float | None, product: float | None) -> float | None:
    """raw / product, the product's speed relative to raw Socket.IO (1.0 = as fast)."""
    return round(raw / product, 3) if raw and product else None


def compare(figures: dict) -> dict:
    """Product submit→ack next to raw echo→ack, as ratios."""
    product = figures["ideas"]["submit_ack_ms"]
    raw = figures["baseline"]["echo"]["ack_ms"]
    return {"product_median_ms": product["median"], "raw_median_ms": raw["median"],
            "median_ratio": _ratio(raw["median"], product["median"]),
            "product_p99_ms": product["p99"], "raw_p99_ms": raw["p99"],
            "p99_ratio": _ratio(raw["p99"], product["p99"])}


def measure(args, opts: Options) -> dict:
    """The whole run in a temporary work folder (removed unless --keep-data)."""
    workdir = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    try:
        figures = measure_product(args, opts, workdir)
        if not args.no_baseline:
            spread = min(figures["join"]["wall_s"], PING_INTERVAL)
            figures["baseline"] = measure_baseline(args, opts, workdir, spread)
            figures["comparison"] = compare(figures)
    finally:
        if args.keep_data:
            print(f"(kept {workdir})")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return figures
