"""A neighbourhood network with partners, an advisor, and a series with a shortlist."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from workshop.services import accounts, network, run, setup, take_part
from workshop.services.plan_library import PlanLibrary
from workshop.store.models import User

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Neighbourhood:
    db: object
    admin: User
    advisor: User
    leader: User
    library_user: User
    theatre_user: User
    network_id: int
    library_id: int
    theatre_id: int
    series_id: int
    ideas: list[int]
    media: Path

    def user(self, name: str) -> User:
        with self.db.begin() as dbs:
            return dbs.scalar(select(User).where(User.username == name))


def _user(dbs, name, role, network_id=None, partner_id=None) -> User:
    data = accounts.create_user(dbs, name, "geheim-123", role=role)
    row = dbs.get(User, data["id"])
    row.network_id, row.partner_id = network_id, partner_id
    dbs.commit()
    return row


@pytest.fixture
def hood(app, db, tmp_path) -> Neighbourhood:
    library = PlanLibrary(ROOT / "sessions", tmp_path / "own")
    with db.begin() as dbs:
        admin = _user(dbs, "admin", "admin")
        net = network.create_network(dbs, admin, "Rivierenbuurt", "Den Haag Zuid")
        lib = network.add_partner(dbs, admin, net["id"], "Bibliotheek", "library",
                                  "Fatima", "f@bieb.nl", strengths=["spaces", "people"])
        theatre = network.add_partner(dbs, admin, net["id"], "Theaterschool", "culture",
                                      strengths=["skills"])
        advisor = _user(dbs, "adviseur", "advisor", net["id"])
        library_user = _user(dbs, "bieb", "partner", net["id"], lib["id"])
        theatre_user = _user(dbs, "theater", "partner", net["id"], theatre["id"])
        leader = _user(dbs, "juf", "leader")
        group = setup.create_group(dbs, leader, "Groep 6B", "De Regenboog")
        series = setup.create_series(dbs, leader, library, group["id"], "Voorjaar")
        wid = series["workshops"][1]["id"]
        workshop = run.start(dbs, leader, library, wid)
        steps = run.plan_of(workshop).steps
        ideas_step = next(i for i, s in enumerate(steps) if s.kind == "ideas")
        run.control(dbs, leader, wid, "goto", ideas_step)
        child = take_part.join(dbs, workshop.join_code, "Sam", "🦊")["participant"]["id"]
        ideas = []
        for n, text in enumerate(["Een brug voor insecten", "Snoepmuseum", "Robotles"]):
            item = take_part.submit(dbs, wid, child, f"idea-{n:05d}", "idea", ideas_step,
                                    {"text": text}, tmp_path)["item"]
            ideas.append(item["id"])
        from workshop.services import moderation

        for idea_id in ideas[:2]:
            moderation.set_shortlisted(dbs, leader, idea_id, True)
    return Neighbourhood(db, admin, advisor, leader, library_user, theatre_user, net["id"],
                         lib["id"], theatre["id"], series["id"], ideas, tmp_path / "media")
