"""A classroom laptop's data made in-process: a leader, a group, a workshop with ideas
(drawings and photos with GPS metadata), some on the shortlist; then real servers run on it."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tests.databases import fresh_postgres
from tests.servers import Server, free_port
from workshop import create_app
from workshop.services import accounts, moderation, run, setup, take_part
from workshop.services.plan_library import PlanLibrary

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-123"


def picture(kind: str, colour=(200, 60, 40), gps: bool = False) -> str:
    """A data URL of a small picture; a photo can carry EXIF with a GPS position."""
    image = Image.new("RGB", (320, 240), colour)
    out = io.BytesIO()
    if kind == "photo":
        exif = Image.Exif()
        if gps:
            exif[0x8825] = {1: "N", 2: (52.0, 4.0, 30.0), 3: "E", 4: (4.0, 18.0, 0.0)}
        exif[0x010F] = "SchoolTablet"
        image.save(out, "JPEG", exif=exif.tobytes())
        return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode()
    image.save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@dataclass
class Classroom:
    data_dir: Path
    series_id: int
    group_id: int
    ideas: list[int]       # all ideas
    shortlist: list[int]   # the shortlisted ones
    child_name: str


def make_classroom(data_dir: Path, ideas: int = 3, shortlisted: int = 2,
                   username: str = "juf", photos: bool = True) -> Classroom:
    """Set up a laptop's database with a series whose shortlist is ready to ship."""
    app = create_app({"DATA_DIR": data_dir, "ASYNC_MODE": "threading",
                      "SECRET_KEY": "test-secret"})
    db = app.extensions["db"]
    library = PlanLibrary(ROOT / "sessions", data_dir / "plans")
    try:
        with db.begin() as dbs:
            from workshop.store.models import User

            made = accounts.create_user(dbs, username, PASSWORD, role="leader")
            leader = dbs.get(User, made["id"])
            group = setup.create_group(dbs, leader, "Groep 6B", "De Regenboog",
                                       "Rivierenbuurt")
            series = setup.create_series(dbs, leader, library, group["id"], "Voorjaar")
            wid = series["workshops"][1]["id"]
            workshop = run.start(dbs, leader, library, wid)
            steps = run.plan_of(workshop).steps
            step = next(i for i, s in enumerate(steps) if s.kind == "ideas")
            run.control(dbs, leader, wid, "goto", step)
            child = take_part.join(dbs, workshop.join_code, "Sanne", "🦊")["participant"]["id"]
            made_ideas = []
            for n in range(ideas):
                payload = {"text": f"Idee nummer {n}: een <b>brug</b> voor insecten",
                           "drawing": picture("drawing", (10 * n % 255, 120, 200))}
                if photos and n % 2 == 0:
                    payload["photo"] = picture("photo", gps=True)
                item = take_part.submit(dbs, wid, child, f"idea-{n:05d}", "idea", step,
                                        payload, data_dir / "media")["item"]
                made_ideas.append(item["id"])
            for idea_id in made_ideas[:shortlisted]:
                moderation.set_shortlisted(dbs, leader, idea_id, True)
        return Classroom(data_dir, series["id"], group["id"], made_ideas,
                         made_ideas[:shortlisted], "Sanne")
    finally:
        db.dispose()


@contextmanager
def network_server(data_dir: Path, admin: str) -> Iterator[Server]:
    """A running network server (`WORKSHOP_ROLE=network`) on a fresh PostgreSQL database,
    with an admin account; `server.database_url` names the database."""
    with fresh_postgres() as url:
        server = Server(data_dir, free_port(), WORKSHOP_ROLE="network",
                        WORKSHOP_DATABASE_URL=url)
        server.data_dir.mkdir(parents=True)
        server.cli("create-user", admin, "--role", "admin", "--password", PASSWORD)
        server.database_url = url
        server.start()
        try:
            yield server
        finally:
            server.stop()
