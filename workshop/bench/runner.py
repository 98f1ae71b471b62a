"""One bench run: start (or reach) the servers, measure the product, then the raw baseline
(the same scenario and tablets against workshop/bench/raw_server.py)."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

from .clients import Room
from .leader import Leader
from .monitor import Monitor
from .phases import Options, run_bounded
from .scenario import run_product
from .servers import SetupError, create_user, free_ports, product_server, raw_server, server_env
from .stress import Targets, poster_links


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


_CORES: dict[str, list[int]] = {}


def pin_cores(server_pids: list[int]) -> dict:
    """Servers on the first core, this process (the tablets, and what it starts from now
    on) on the last one; what was done, or why not."""
    if not hasattr(os, "sched_setaffinity"):
        return {"pinned": False, "why": "no sched_setaffinity on this system"}
    cores = _CORES.setdefault("allowed", sorted(os.sched_getaffinity(0)))  # before pinning
    if len(cores) < 2:
        return {"pinned": False, "why": f"only {len(cores)} core(s) allowed"}
    try:
        for pid in server_pids:
            os.sched_setaffinity(pid, {cores[0]})
        os.sched_setaffinity(0, {cores[-1]})
    except OSError as exc:
        return {"pinned": False, "why": str(exc)}
    return {"pinned": True, "server_core": cores[0], "tablets_core": cores[-1]}


def _stress_targets(args, leader: Leader, base: str, workdir: Path) -> Targets:
    """Poster links of new groups, and the SQLite file when the bench started the server."""
    targets = Targets(base)
    if not args.url and not args.database_url:
        targets.sqlite_file = workdir / "data" / "workshop.db"
    try:
        targets.posters = poster_links(leader)
    except SetupError as exc:
        targets.setup_error = str(exc)
    return targets


def measure_product(args, opts: Options, workdir: Path) -> dict:
    """Set up the workshops and run the product scenario; figures incl. the servers'."""
    servers, figures, pinned = [], {}, None
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
            if args.pin:
                pinned = pin_cores([s.proc.pid for s in servers])
        monitor = Monitor([s.proc.pid for s in servers]).start() if servers else NoMonitor()
        leader = Leader(urls[0], username, password)
        leader.login()
        rooms = [Room(leader.start_dream(f"{i + 1}/{opts.workshops}"), urls[0], leader.cookie())
                 for i in range(opts.workshops)]
        targets = _stress_targets(args, leader, urls[0], workdir) if opts.stress else None
        figures = run_bounded(run_product(rooms, urls, opts, monitor, targets))
        if pinned:
            figures["pinning"] = pinned
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


def measure_baseline(args, opts: Options, workdir: Path) -> dict:
    """The same scenario, the same tablets, against the raw store-and-forward server."""
    folder = workdir / "raw"
    folder.mkdir(parents=True, exist_ok=True)
    server = raw_server(folder, free_ports(1)[0],
                        os.environ.get("WORKSHOP_ASYNC_MODE") or "gevent")
    try:
        server.start()
        server.wait_ready("/socket.io/?EIO=4&transport=polling")
        if args.pin:
            pin_cores([server.proc.pid])
        monitor = Monitor([server.proc.pid]).start()
        rooms = [Room(i + 1, server.url, "") for i in range(opts.workshops)]
        raw_opts = Options(**{**vars(opts), "stress": False})
        figures = run_bounded(run_product(rooms, [server.url], raw_opts, monitor))
        figures["server"] = _server_figures([server], monitor)
    finally:
        server.stop()
    _log_errors([server], figures["server"])
    return figures


def _get(figures: dict, *path):
    """figures[a][b]... or None when some part is missing."""
    for key in path:
        if not isinstance(figures, dict) or figures.get(key) is None:
            return None
        figures = figures[key]
    return figures


# (label, path to the figure, unit, whether more is better)
ROWS = [
    ("one idea each over the burst: submit → screen p99", ("ideas", "submit_screen_ms", "p99"),
     "ms", False),
    ("  submit → ack p99", ("ideas", "submit_ack_ms", "p99"), "ms", False),
    ("  submit → screen median", ("ideas", "submit_screen_ms", "median"), "ms", False),
    ("one idea each, all at once: ideas per second", ("at_once", "seen_per_s"), "/s", True),
    ("  all at once: submit → screen p99", ("at_once", "submit_screen_ms", "p99"), "ms", False),
    ("all joined", ("join", "wall_s"), "s", False),
    ("  join p99 (connect + join + hello)", ("join", "join_ms", "p99"), "ms", False),
    ("votes over the burst: vote → ack p99", ("votes", "vote_ack_ms", "p99"), "ms", False),
    ("  vote → ack median", ("votes", "vote_ack_ms", "median"), "ms", False),
    ("last vote → final tally on every tablet", ("votes", "last_vote_to_tally_ms", "max"),
     "ms", False),
    ("catch-up at the vote step p99", ("votes", "rehello", "hello_ms", "p99"), "ms", False),
    ("server peak memory", ("server", "peak_rss_mb"), "MB", False),
    ("server CPU", ("server", "cpu_s"), "s", False),
]


def compare(figures: dict) -> list[dict]:
    """Each figure of the product next to the raw baseline's, with product / raw."""
    rows = []
    for label, path, unit, more_is_better in ROWS:
        product, raw = _get(figures, *path), _get(figures["baseline"], *path)
        if product is None and raw is None:
            continue
        ratio = round(product / raw, 2) if product is not None and raw else None
        rows.append({"figure": label, "unit": unit, "raw": raw, "product": product,
                     "ratio": ratio, "more_is_better": more_is_better})
    for phase, stats in (figures.get("idle_rtt_ms") or {}).items():
        raw = _get(figures["baseline"], "idle_rtt_ms", phase, "p99")
        product = stats.get("p99")
        rows.append({"figure": f"idle socket round trip p99: {phase}", "unit": "ms",
                     "raw": raw, "product": product, "more_is_better": False,
                     "ratio": round(product / raw, 2) if product is not None and raw else None})
    return rows


def measure(args, opts: Options) -> dict:
    """The whole run in a temporary work folder (removed unless --keep-data)."""
    workdir = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    try:
        figures = measure_product(args, opts, workdir)
        if not args.no_baseline:
            figures["baseline"] = measure_baseline(args, opts, workdir)
            figures["comparison"] = compare(figures)
    finally:
        if args.keep_data:
            print(f"(kept {workdir})")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return figures
