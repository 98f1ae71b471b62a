"""The `workshop` command: serve, create accounts, check plans."""

from __future__ import annotations

import argparse
import getpass
import os
import sys


def _serve(args: argparse.Namespace) -> int:
    import logging

    from . import create_app, logs
    from .live import collector
    from .netaddr import public_url

    logs.configure("DEBUG" if args.verbose else None)
    overrides = {}
    if args.port:
        overrides["PORT"] = args.port
    if args.host:
        overrides["HOST"] = args.host
    app = create_app(overrides)
    access = logs.access_target(args.access_log) or ("-" if args.verbose else None)
    if access:
        app.wsgi_app = logs.AccessLog(app.wsgi_app, logs.access_logger(access))
    socketio = app.extensions["workshop_socketio"]
    collector.take_over(socketio.sleep, socketio.start_background_task)
    _start_sender(app, socketio)
    _start_retention(app, socketio)
    url = public_url(app.config["PUBLIC_URL"], app.config["PORT"])
    print(f"Workshop server: open {url}/ on this laptop (tablets join at {url}/j)", flush=True)
    print(f"Data directory: {app.config['DATA_DIR']}", flush=True)
    logging.getLogger("workshop").info(
        "serving on %s:%s (%s, %s database, access log %s)", app.config["HOST"],
        app.config["PORT"], app.config["ASYNC_MODE"], app.extensions["db"].engine.dialect.name,
        "stderr" if access == "-" else access or "off")
    # the web server's tracebacks in the same format (gevent's server takes a logger)
    more = {"error_log": logging.getLogger("workshop.server")} \
        if app.config["ASYNC_MODE"] == "gevent" else {}
    socketio.run(app, host=app.config["HOST"], port=app.config["PORT"],
                 allow_unsafe_werkzeug=True, log_output=False, **more)
    return 0


def _start_sender(app, socketio) -> None:
    """A laptop sends its waiting shipments and fetches news in the background (a network
    server has no links, so its sender only looks now and then)."""
    import threading

    from .exchange import outbox
    from .live.news import news_fetched

    wake = threading.Event()  # gevent's own Event once the standard library is patched
    app.extensions["outbox_wake"] = wake
    config = app.config
    socketio.start_background_task(outbox.run_forever, app.extensions["db"],
                                   config["INSTANCE_ID"], config["MEDIA_DIR"],
                                   config["SYNC_SECONDS"], socketio.sleep, wake,
                                   lambda: news_fetched(app))


def _start_retention(app, socketio) -> None:
    """The server forgets child-level data by itself: the retention's daily run, checked
    every hour; with several processes the first to take the lock does the day's work."""
    from .services import retention

    config = app.config
    socketio.start_background_task(retention.run_forever, app.extensions["db"],
                                   config["MEDIA_DIR"], config["RETENTION_MONTHS"],
                                   socketio.sleep)


def _create_user(args: argparse.Namespace) -> int:
    from . import create_app
    from .domain.errors import Refused
    from .services import accounts

    app = create_app()
    password = args.password or getpass.getpass("Password (8+ characters): ")
    with app.extensions["db"].begin() as dbs:
        try:
            user = accounts.create_user(dbs, args.username, password, role=args.role,
                                        display_name=args.name or args.username)
        except Refused as exc:
            print(f"Not created: {exc.code} {exc.detail or ''}", file=sys.stderr)
            return 1
    print(f"Created {user['role']} '{user['username']}'.")
    return 0


def _account(args: argparse.Namespace) -> int:
    """A new password or another role for an account; its login sessions end."""
    from . import create_app
    from .domain.errors import Refused
    from .services import accounts

    app = create_app()
    with app.extensions["db"].begin(write=True) as dbs:
        try:
            if args.command == "set-password":
                password = args.password or getpass.getpass("New password (8+ characters): ")
                user = accounts.set_password(dbs, args.username, password)
            else:
                user = accounts.set_role(dbs, args.username, args.role)
        except Refused as exc:
            print(f"Not changed: {exc.code} {exc.detail or ''}", file=sys.stderr)
            return 1
    print(f"Changed '{user.username}' (role {user.role}); its login sessions have ended.")
    return 0


def _check_plans(_args: argparse.Namespace) -> int:
    from . import config
    from .domain.plans import missing_languages
    from .services.plan_library import PlanLibrary

    settings = config.load()
    library = PlanLibrary(settings["PLANS_DIR"], settings["OWN_PLANS_DIR"])
    broken = 0
    for item in library.files():
        if item.error:
            broken += 1
            print(f"BROKEN {item.path}: {item.error}")
            continue
        # a shipped plan speaks every child language; a leader's own copy may be Dutch only
        missing = [] if item.own else missing_languages(item.plan)
        if missing:
            broken += 1
            print(f"MISSING LANGUAGES {item.path}: " + "; ".join(missing))
        else:
            print(f"ok     {item.path} ({item.plan.kind}, {len(item.plan.steps)} steps)")
    return 1 if broken else 0


def _purge(args: argparse.Namespace) -> int:
    """The retention now: the period saved on the settings page (or the configuration's),
    unless --months or --days says otherwise; the same work as the server's daily run."""
    from . import create_app
    from .domain.errors import Refused
    from .services import retention

    app = create_app()
    try:
        done = retention.purge(app.extensions["db"], app.config["MEDIA_DIR"],
                               months_back=args.months, days=args.days,
                               default_months=app.config["RETENTION_MONTHS"])
    except Refused as exc:
        print("Not done: the server's daily run is forgetting right now. Try again in a "
              "minute." if exc.code == "retention_busy" else f"Not done: {exc.code}",
              file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"Not done: {exc}", file=sys.stderr)
        return 1
    finally:
        app.extensions["db"].dispose()
    print(f"Forgot the child-level data of {done['series']} series: {done['children']} "
          f"children, {done['ideas']} ideas, {done['answers']} answers, {done['votes']} "
          f"votes, {done['attendance']} attendance rows, {done['pictures']} pictures; "
          f"{done['board_ideas']} board ideas kept without a child, {done['feedback']} "
          f"feedback texts removed. The figures stay.")
    return 0


def _green_if_asked(argv: list[str] | None) -> None:
    """In gevent mode (the default) `serve` patches the standard library first: it must
    happen before anything imports sockets, threads or ssl."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["serve"] and os.environ.get("WORKSHOP_ASYNC_MODE", "gevent") == "gevent":
        from gevent import monkey

        monkey.patch_all()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `workshop` command."""
    _green_if_asked(argv)
    parser = argparse.ArgumentParser(prog="workshop", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the server (default: all interfaces, port 5000)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--verbose", action="store_true", help="debug log and access log")
    serve.add_argument("--access-log", nargs="?", const="-", metavar="FILE",
                       help="one line per request, on stderr or to FILE "
                            "(or WORKSHOP_ACCESS_LOG=1 or a path)")
    serve.set_defaults(func=_serve)
    user = sub.add_parser("create-user", help="create a login (first leader: role admin)")
    user.add_argument("username")
    user.add_argument("--role", default="leader", choices=["admin", "leader", "advisor",
                                                           "partner"])
    user.add_argument("--name")
    user.add_argument("--password", help="omit to be asked")
    user.set_defaults(func=_create_user)
    password = sub.add_parser("set-password", help="a new password; the account's sessions end")
    password.add_argument("username")
    password.add_argument("--password", help="omit to be asked")
    password.set_defaults(func=_account)
    role = sub.add_parser("set-role", help="another role, or none to take access away; the "
                                           "account's sessions end")
    role.add_argument("username")
    role.add_argument("role", choices=["admin", "leader", "advisor", "partner", "none"])
    role.set_defaults(func=_account)
    purge = sub.add_parser("purge", help="forget child-level data of series that ended longer "
                                         "ago than the retention period (the figures stay)")
    period = purge.add_mutually_exclusive_group()
    period.add_argument("--months", type=int,
                        help="retention period in months (default: the settings page's, "
                             "else WORKSHOP_RETENTION_MONTHS, else 12)")
    period.add_argument("--days", type=int, help="retention period in days instead")
    purge.set_defaults(func=_purge)
    plans = sub.add_parser("check-plans", help="read every plan file and report errors")
    plans.set_defaults(func=_check_plans)
    from .bench.command import add_parser as add_bench

    add_bench(sub)
    from .bench.shipment import add_parser as add_bench_shipment

    add_bench_shipment(sub)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
