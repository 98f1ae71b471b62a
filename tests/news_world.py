"""A group whose ideas went to the neighbourhood network and came back with news.

Made with the services, as the leader, the advisor and a partner do it: the dream workshop
with ideas (one drawn), a shortlist, shipping, then on the board one idea adopted with a
progress update and one "not now" with a reason. Used by the services, live and browser
tests of the news step."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select

from workshop.services import accounts, board, follow_up, moderation, network, run, setup, take_part
from workshop.services.plan_library import PlanLibrary
from workshop.store.models import User

GROUP, SERIES = "Groep 7B", "Najaar"
CHILD = "Sam"
ADOPTED = "Een moestuin bij de bieb"      # drawn, adopted by the library, with news
NOT_NOW = "Een theater in het park"       # "not now", with a reason
LEFT = "Een glijbaan op school"           # not on the shortlist: never shipped
OWNER = "Bibliotheek Noord"
UPDATE = "We hebben de eerste zaadjes geplant! Kom je kijken op woensdag?"
REASON = "Het park is deze winter te koud voor toneel. Volgend voorjaar kijken we opnieuw!"


@dataclass
class NewsWorld:
    leader_id: int
    group_id: int
    series_id: int
    workshops: list[int]          # the series' three workshops, in order
    ideas: dict[str, int]         # words -> idea id
    board_ideas: dict[str, int]   # words -> board idea id


def drawing_url() -> str:
    """A child's drawing as a tablet sends it: a PNG data URL."""
    image = Image.new("RGB", (640, 480), "white")
    pen = ImageDraw.Draw(image)
    pen.rectangle((80, 300, 560, 440), fill=(120, 80, 40))          # the garden bed
    for x in range(120, 560, 80):
        pen.line((x, 300, x, 200), fill=(40, 150, 60), width=12)    # plants
        pen.ellipse((x - 24, 170, x + 24, 218), fill=(240, 90, 60))
    pen.ellipse((470, 30, 590, 150), fill=(250, 210, 60))           # the sun
    out = io.BytesIO()
    image.save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def _user(dbs, name: str, role: str, network_id=None, partner_id=None) -> User:
    data = accounts.create_user(dbs, name, "geheim-123", role=role)
    row = dbs.get(User, data["id"])
    row.network_id, row.partner_id = network_id, partner_id
    dbs.commit()
    return row


def class_with_ideas(dbs, leader: User, library: PlanLibrary, media: Path) -> NewsWorld:
    """A group and a series; the dream workshop ran: three ideas, two on the shortlist."""
    group = setup.create_group(dbs, leader, GROUP, "De Regenboog", "Noord")
    series = setup.create_series(dbs, leader, library, group["id"], SERIES)
    workshops = [w["id"] for w in series["workshops"]]
    dream = run.start(dbs, leader, library, workshops[1])
    ideas_step = next(i for i, s in enumerate(run.plan_of(dream).steps) if s.kind == "ideas")
    run.control(dbs, leader, dream.id, "goto", ideas_step)
    child = take_part.join(dbs, dream.join_code, CHILD, "🦊")["participant"]["id"]
    ideas = {}
    for n, words in enumerate((ADOPTED, NOT_NOW, LEFT)):
        payload = {"text": words} | ({"drawing": drawing_url()} if words == ADOPTED else {})
        item = take_part.submit(dbs, dream.id, child, f"news-idea-{n:04d}", "idea",
                                ideas_step, payload, media)["item"]
        ideas[words] = item["id"]
    for words in (ADOPTED, NOT_NOW):
        moderation.set_shortlisted(dbs, leader, ideas[words], True)
    run.control(dbs, leader, dream.id, "end")
    return NewsWorld(leader.id, group["id"], series["id"], workshops, ideas, {})


def ship_and_follow(dbs, world: NewsWorld, media: Path) -> NewsWorld:
    """Ship the shortlist; the network adopts one idea (with news) and says "not now" to
    the other."""
    leader = dbs.get(User, world.leader_id)
    admin = _user(dbs, "netwerkbeheer", "admin")
    net = network.create_network(dbs, admin, "Netwerk Noord", "Noord")
    library = network.add_partner(dbs, admin, net["id"], OWNER, "library")
    advisor = _user(dbs, "adviseur", "advisor", net["id"])
    partner = _user(dbs, "bieb", "partner", net["id"], library["id"])
    board.ship(dbs, leader, world.series_id, net["id"])
    from workshop.store.board_models import BoardIdea

    rows = {row.idea_id: row.id for row in dbs.scalars(select(BoardIdea))}
    world.board_ideas = {words: rows[world.ideas[words]] for words in (ADOPTED, NOT_NOW)}
    adopted, not_now = world.board_ideas[ADOPTED], world.board_ideas[NOT_NOW]
    board.move(dbs, advisor, adopted, "selected")
    board.adopt(dbs, partner, adopted, library["id"])
    follow_up.post_update(dbs, partner, adopted, UPDATE, None, media)
    board.move(dbs, advisor, not_now, "not_now", REASON)
    return world
