"""`workshop bench-shipment`: how long a shipment of N ideas with pictures takes to arrive
on a network server, what the leader sees at each stage, and whether either server's event
loop stalls meanwhile.

It starts two real servers on 127.0.0.1 (a classroom laptop on SQLite, a network server on
SQLite or --database-url), pairs them, ships the shortlist, and prints the figures with a
baseline measured in the same run: the same archive bytes sent over loopback to a plain
HTTP sink that only reads them."""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

from .browser import Browser
from .servers import HOST, create_user, free_ports, product_server

PASSWORD = "bench-password-1"


def add_parser(sub) -> None:
    p = sub.add_parser("bench-shipment", help="measure shipping N ideas with pictures")
    p.add_argument("--ideas", type=int, default=30, help="ideas on the shortlist (default 30)")
    p.add_argument("--database-url", help="network server database (default: SQLite)")
    p.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    p.set_defaults(func=run)


def _pictures(n: int) -> tuple[str, str]:
    """A drawing (PNG) and a camera-like photo (JPEG, noisy) as data URLs."""
    import base64

    from PIL import Image, ImageDraw

    drawing = Image.new("RGB", (1200, 900), "white")
    pen = ImageDraw.Draw(drawing)
    for i in range(60):
        pen.line([(i * 19 % 1200, (i * 37 + n) % 900), ((i * 53 + n) % 1200, i * 11 % 900)],
                 fill=(i * 4 % 255, 80, 200 - i), width=8)
    photo = Image.frombytes("RGB", (1600, 1200), os.urandom(1600 * 1200 * 3)).resize(
        (1600, 1200)).reduce(4).resize((1600, 1200))
    urls = []
    for image, fmt, mime in ((drawing, "PNG", "png"), (photo, "JPEG", "jpeg")):
        out = io.BytesIO()
        image.save(out, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
        urls.append(f"data:image/{mime};base64," + base64.b64encode(out.getvalue()).decode())
    return urls[0], urls[1]


def _classroom(data_dir: Path, ideas: int) -> int:
    """A laptop's database with a series whose shortlist holds `ideas` ideas; its id."""
    from .. import create_app
    from ..services import accounts, moderation, run, setup, take_part
    from ..services.plan_library import PlanLibrary
    from ..store.models import User

    app = create_app({"DATA_DIR": data_dir, "ASYNC_MODE": "threading"})
    db = app.extensions["db"]
    library = PlanLibrary(app.config["PLANS_DIR"], data_dir / "plans")
    try:
        with db.begin() as dbs:
            leader = dbs.get(User, accounts.create_user(dbs, "juf", PASSWORD)["id"])
            group = setup.create_group(dbs, leader, "Groep 6B", "De Regenboog")
            series = setup.create_series(dbs, leader, library, group["id"], "Bench")
            wid = series["workshops"][1]["id"]
            workshop = run.start(dbs, leader, library, wid)
            step = next(i for i, s in enumerate(run.plan_of(workshop).steps)
                        if s.kind == "ideas")
            run.control(dbs, leader, wid, "goto", step)
            for n in range(ideas):
                child = take_part.join(dbs, workshop.join_code, f"Kind{n}", "🦊")
                drawing, photo = _pictures(n)
                item = take_part.submit(dbs, wid, child["participant"]["id"], f"b-{n:06d}",
                                        "idea", step, {"text": f"Idee {n} met tekening",
                                                       "drawing": drawing, "photo": photo},
                                        app.config["MEDIA_DIR"])["item"]
                moderation.set_shortlisted(dbs, leader, item["id"], True)
        return series["id"]
    finally:
        db.dispose()


class _Sink(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the http.server name
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *_args):
        pass


def _baseline(body: bytes, rounds: int = 5) -> float:
    """Median seconds to POST `body` over loopback to a server that only reads it."""
    sink = ThreadingHTTPServer((HOST, 0), _Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    times = []
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            requests.post(f"http://{HOST}:{sink.server_port}/", data=body, timeout=60)
            times.append(time.perf_counter() - start)
    finally:
        sink.shutdown()
    return statistics.median(times)


class _Probe(threading.Thread):
    """Asks a server for a small page every 50 ms: the slowest answer shows a stall."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.times, self.stop = url, [], threading.Event()

    def run(self) -> None:
        with requests.Session() as http:
            while not self.stop.is_set():
                start = time.perf_counter()
                http.get(self.url, timeout=30)
                self.times.append(time.perf_counter() - start)
                self.stop.wait(0.05)


def run(args: argparse.Namespace) -> int:
    root = Path(tempfile.mkdtemp(prefix="bench-shipment-"))
    net_port, room_port = free_ports(2)
    network = product_server(root / "network", net_port, args.database_url, None, 0)
    laptop = product_server(root / "laptop", room_port, None, None, 1)
    network.env["WORKSHOP_ROLE"], laptop.env["WORKSHOP_ROLE"] = "network", "classroom"
    laptop.env["WORKSHOP_SYNC_SECONDS"] = "30"  # only the ship click wakes the sender
    (root / "network").mkdir()
    print(f"Setting up a laptop with {args.ideas} shortlisted ideas (drawing + photo each)…",
          flush=True)
    series_id = _classroom(root / "laptop", args.ideas)
    create_user(network.env, "admin", PASSWORD)
    try:
        network.start()
        laptop.start()
        network.wait_ready("/login")
        laptop.wait_ready("/login")
        return _measure(args, network, laptop, series_id)
    finally:
        laptop.stop()
        network.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(root, ignore_errors=True)


def _login(url: str, username: str) -> requests.Session:
    browser = Browser()  # sends the page's CSRF token with each form
    browser.post(url + "/login", data={"username": username, "password": PASSWORD})
    browser.get(url + "/login?lang=en")
    return browser


def _measure(args, network, laptop, series_id: int) -> int:
    advisor = _login(network.url, "admin")
    made = advisor.post(network.url + "/networks", data={"name": "Bench", "stale_weeks": 6})
    network_id = int(re.search(r"/networks/(\d+)", made.url).group(1))
    page = advisor.post(f"{network.url}/networks/{network_id}/pairings", data={}).text
    code = re.search(r'class="pairing-code"[^>]*><strong>([A-Z0-9-]+)<', page).group(1)
    leader = _login(laptop.url, "juf")
    leader.post(laptop.url + "/links", data={"address": network.url, "code": code})
    probes = [_Probe(laptop.url + "/login"), _Probe(network.url + "/login")]
    for probe in probes:
        probe.start()
    time.sleep(0.5)
    start = time.perf_counter()
    leader.post(f"{laptop.url}/series/{series_id}/ship", data={"network_id": "link-1"},
                allow_redirects=False)
    queued = time.perf_counter() - start
    state = "waiting"
    while state == "waiting" and time.perf_counter() - start < 300:
        found = leader.get(f"{laptop.url}/series/{series_id}/shipments.json").json()
        state = found["shipments"][0]["status"] if found["shipments"] else "waiting"
        time.sleep(0.05)
    arrived = time.perf_counter() - start
    for probe in probes:
        probe.stop.set()
        probe.join()
    zipped = leader.get(f"{laptop.url}/series/{series_id}/shipment.zip").content
    baseline = _baseline(zipped)
    board = advisor.get(f"{network.url}/networks/{network_id}/board").text
    on_board = len(set(re.findall(r'data-idea="(\d+)"', board)))
    print(f"\nShipment of {args.ideas} ideas, each with a drawing and a photo "
          f"({len(zipped) / 1e6:.1f} MB archive), network server on "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}:")
    print(f"  click 'Ship' -> page back ('waiting to go'):   {queued * 1000:8.0f} ms")
    print(f"  click 'Ship' -> 'sent' on the series page:      {arrived * 1000:8.0f} ms"
          f"  ({state})")
    per_idea = arrived / args.ideas * 1000
    print(f"  per idea:                                       {per_idea:8.1f} ms")
    print(f"  baseline, same bytes to a plain HTTP sink:      {baseline * 1000:8.1f} ms")
    print(f"  ratio shipment / baseline:                      {arrived / baseline:8.1f}")
    for name, probe in zip(("laptop", "network server"), probes, strict=True):
        if probe.times:
            print(f"  {name} page during the shipment: median "
                  f"{statistics.median(probe.times) * 1000:.1f} ms, slowest "
                  f"{max(probe.times) * 1000:.1f} ms ({len(probe.times)} requests)")
    print(f"  ideas on the board afterwards: {on_board}")
    return 0 if state == "sent" else 1
