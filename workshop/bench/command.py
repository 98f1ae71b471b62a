"""The `workshop bench` subcommand: options, checks, and printing the figures."""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys

DESCRIPTION = """Measure a workshop server under many simulated tablets.

Without --url it starts its own server(s) on 127.0.0.1 with a temporary data folder and
stops them at the end. With --url it uses your server and a leader or admin account there:
it creates a group and a series named "Bench ..." (they stay), starts their dream workshop,
and ends it afterwards. In the same run the same tablets go through the same phases against
the smallest server that does the same job (Flask-SocketIO, insert-or-ignore into SQLite,
acknowledge, emit to the screen's room: workshop/bench/raw_server.py), on this machine, and
every figure is printed as a ratio to it. A separate idle socket's round trip is sampled
through every phase. It reports figures; it does not judge them (exit code 0, or 2 when
setup failed)."""


def add_parser(sub) -> argparse.ArgumentParser:
    """Register `workshop bench` and its options."""
    p = sub.add_parser("bench", help="measure the server with many simulated tablets",
                       description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", help="an existing server, e.g. http://192.168.1.23:5000")
    p.add_argument("--username", help="leader/admin account on --url")
    p.add_argument("--password", help="its password (needed with --url)")
    p.add_argument("--tablets", type=int, default=30, help="simulated tablets (default 30)")
    p.add_argument("--workshops", type=int, default=1,
                   help="parallel workshops, tablets spread evenly (default 1)")
    p.add_argument("--burst", type=float, default=10.0,
                   help="seconds over which all tablets submit (default 10)")
    p.add_argument("--votes", action="store_true", help="also run a voting round")
    p.add_argument("--ballot", type=int, default=12,
                   help="with --votes: ideas the leader shortlists first when a workshop has "
                        "more (default 12; 0 = vote on every idea)")
    p.add_argument("--processes", type=int, default=1,
                   help="server processes to start (>1 needs --database-url, --message-queue)")
    p.add_argument("--database-url", help="shared database for --processes > 1")
    p.add_argument("--message-queue", help="e.g. redis://127.0.0.1:6379/0")
    p.add_argument("--join-concurrency", type=int, default=50,
                   help="tablets connecting at the same time (default 50)")
    p.add_argument("--join-timeout", type=float, default=240.0,
                   help="seconds for all tablets to join (default 240)")
    p.add_argument("--settle", type=float, default=30.0,
                   help="seconds after a burst to wait for late answers (default 30)")
    p.add_argument("--no-at-once", action="store_true",
                   help="skip the second idea burst, one idea each all at once")
    p.add_argument("--stress", action="store_true",
                   help="a third idea burst during which 3 new posters render (then the same "
                        "3 again, cached), 10 wrong logins are made and another process holds "
                        "an exclusive lock on the SQLite file for 10 s")
    p.add_argument("--pin", action="store_true",
                   help="server(s) on the first core, the tablets on the last (Linux, 2+ cores)")
    p.add_argument("--no-baseline", action="store_true",
                   help="skip the raw store-and-forward baseline")
    p.add_argument("--keep-data", action="store_true", help="keep the temp folder and logs")
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    p.set_defaults(func=run, bench_parser=p)
    return p


def _check(args) -> str | None:
    """What is wrong with the options, or None."""
    if args.url and not (args.username and args.password):
        return "--url needs --username and --password of a leader or admin account"
    if args.url and args.processes != 1:
        return "--processes applies to servers the bench starts itself (leave out --url)"
    if args.processes > 1 and not (args.database_url and args.message_queue):
        return "--processes > 1 needs --database-url and --message-queue"
    if args.tablets < 1 or args.workshops < 1 or args.workshops > args.tablets:
        return "need at least 1 tablet and 1 workshop, and no more workshops than tablets"
    if args.ballot < 0:
        return "--ballot must be >= 0"
    if args.pin and args.url:
        return "--pin applies to servers the bench starts itself (leave out --url)"
    if args.burst < 0 or args.join_concurrency < 1 or args.processes < 1:
        return "--burst must be >= 0, --join-concurrency and --processes >= 1"
    return None


def raise_open_files() -> int:
    """Raise this process's open-files limit to the hard limit (servers inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else 1 << 20
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):
        return soft
    return target


def _config(args, open_files: int) -> dict:
    """The configuration part of the figures."""
    from importlib.metadata import version

    import psutil
    from sqlalchemy.engine import make_url

    database = "SQLite in a temp folder"
    if args.url:
        database = "as configured on the server"
    elif args.database_url:
        database = make_url(args.database_url).render_as_string(hide_password=True)
    return {"tablets": args.tablets, "workshops": args.workshops, "processes": args.processes,
            "async_mode": "as configured on the server" if args.url
            else os.environ.get("WORKSHOP_ASYNC_MODE") or "gevent",
            "cores": os.cpu_count(), "physical_cores": psutil.cpu_count(logical=False),
            "burst": args.burst, "votes": args.votes, "ballot": args.ballot,
            "join_concurrency": args.join_concurrency, "at_once": not args.no_at_once,
            "stress": args.stress, "pin": args.pin,
            "target": args.url or "self-started on 127.0.0.1", "database": database,
            "open_files_limit": open_files, "socketio": version("python-socketio")}


def _stop_on_sigterm(_signum, _frame) -> None:
    """Treat SIGTERM like Ctrl-C, so the servers are stopped on the way out."""
    raise KeyboardInterrupt


def run(args) -> int:
    """Run the benchmark and print the report."""
    from .clientlog import LOG
    from .phases import Options
    from .report import text
    from .runner import measure
    from .servers import SetupError

    problem = _check(args)
    if problem:
        args.bench_parser.error(problem)
    try:
        import aiohttp  # noqa: F401 - the simulated tablets' Socket.IO client runs on it
    except ImportError:
        print("workshop bench: the bench's clients are not installed: "
              "pip install 'workshop[bench]'", file=sys.stderr)
        return 2
    config = _config(args, raise_open_files())
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    client_log = LOG.install()
    opts = Options(tablets=args.tablets, workshops=args.workshops, burst=args.burst,
                   votes=args.votes, ballot=args.ballot, join_concurrency=args.join_concurrency,
                   join_timeout=args.join_timeout, settle=args.settle,
                   at_once=not args.no_at_once, stress=args.stress)
    try:
        figures = {"config": config} | measure(args, opts)
    except SetupError as exc:
        print(f"workshop bench: setup failed: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("workshop bench: interrupted; servers stopped", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a failure of the bench itself, servers stopped
        print(f"workshop bench: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    figures["client_log_errors"] = client_log.figures()
    print(text(figures), flush=True)
    if args.json:
        print(json.dumps(figures), flush=True)
    return 0
