"""The laptop's side: links to network servers, the shipments waiting to go, the news.

Shipping the shortlist to a linked network puts a shipment in the outbox at once, with an
id made here; the sender pushes it whenever the network server answers, as often as it
takes. The server keeps each shipment id and idea id once, so sending again is harmless."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..offload import off_loop
from ..services import exports
from ..services.board import idea_origin, short_title
from ..services.setup import get_series
from ..store.link_models import IdeaNews, NetworkLink, OutgoingShipment
from ..store.models import Attendance, Idea, Media, Series, User, utcnow
from . import archive, client

log = logging.getLogger(__name__)
PERMANENT = ("key_unknown", "key_revoked")  # the link is over: pair again


def idea_uid(instance: str, idea_id: int) -> str:
    return f"{instance}/idea/{idea_id}"


def group_uid(instance: str, group_id: int) -> str:
    return f"{instance}/group/{group_id}"


# --- links ---

def connect(dbs: Session, actor: User, address: str, code: str, label: str,
            calls=client) -> dict:
    """Pair this laptop with a network using the advisor's code; shipments that waited on
    a revoked link to the same network move to the new one."""
    server = calls.server_address(address)
    code = calls.code_in(code) or calls.code_in(address)
    if not code:
        raise Refused("pairing_code_invalid")
    label = clean_text(label, "title", required=False, filtered=False)
    answer = calls.pair(server, code, label, actor.display_name)
    network = answer.get("network") or {}
    link = NetworkLink(server_url=server, public_url=str(answer.get("public_url") or server),
                       network_remote_id=int(network.get("id") or 0),
                       network_name=str(network.get("name") or "")[:80],
                       key=str(answer["key"]), created_by=actor.id,
                       last_contact_at=utcnow())
    dbs.add(link)
    dbs.flush()
    for old in dbs.scalars(select(NetworkLink).where(
            NetworkLink.server_url == server, NetworkLink.id != link.id,
            NetworkLink.network_remote_id == link.network_remote_id)):
        old.revoked_at = old.revoked_at or utcnow()
        for waiting in dbs.scalars(select(OutgoingShipment).where(
                OutgoingShipment.link_id == old.id, OutgoingShipment.status == "waiting")):
            waiting.link_id = link.id
    dbs.commit()
    return link_data(link)


def links(dbs: Session, *, active_only: bool = True) -> list[dict]:
    """The laptop's links to networks, newest first."""
    query = select(NetworkLink).order_by(NetworkLink.id.desc())
    if active_only:
        query = query.where(NetworkLink.revoked_at.is_(None))
    return [link_data(link) for link in dbs.scalars(query)]


def forget(dbs: Session, link_id: int) -> None:
    """Stop using a link on this laptop (the advisor revokes the key on the server)."""
    link = dbs.get(NetworkLink, link_id)
    if link is None:
        raise Refused("not_found")
    link.revoked_at = link.revoked_at or utcnow()
    dbs.commit()


def link_data(link: NetworkLink) -> dict:
    return {"id": link.id, "server": link.server_url, "public_url": link.public_url,
            "network": link.network_name, "network_remote_id": link.network_remote_id,
            "revoked": link.revoked_at is not None, "error": link.last_error,
            "last_contact_at": link.last_contact_at.isoformat() if link.last_contact_at
            else None}


# --- shipping ---

def _ready(dbs: Session, series: Series) -> list[dict]:
    return [i for i in exports.ideas_in_depth(dbs, series)
            if i["shortlisted"] and i["visibility"] == "visible" and not i["merged_into"]]


def queue(dbs: Session, actor: User, series_id: int, link_id: int,
          show_first_names: bool | None = None) -> dict:
    """Put the shortlist's ideas that this link has not had yet in the outbox.
    `show_first_names` None: as the group's kept choice."""
    series = get_series(dbs, actor, series_id)
    link = dbs.get(NetworkLink, link_id)
    if link is None or link.revoked_at is not None:
        raise Refused("link_revoked")
    group = series.group
    if show_first_names is not None:
        group.show_first_names = bool(show_first_names)
    show_first_names = group.show_first_names
    taken = {i for s in dbs.scalars(select(OutgoingShipment).where(
        OutgoingShipment.series_id == series.id, OutgoingShipment.status != "refused"))
        for i in s.idea_ids}
    fresh = [i["id"] for i in _ready(dbs, series) if i["id"] not in taken]
    if not fresh:
        dbs.commit()
        return {"queued": 0, "already": len(taken)}
    shipment = OutgoingShipment(uid=uuid.uuid4().hex, link_id=link.id, series_id=series.id,
                                idea_ids=fresh, show_first_names=bool(show_first_names),
                                created_by=actor.id)
    dbs.add(shipment)
    dbs.commit()
    return {"queued": len(fresh), "already": len(taken), "shipment": shipment.uid}


def shipments_of(dbs: Session, series_id: int) -> list[dict]:
    """The series' shipments to linked networks, newest first, with their state."""
    rows = dbs.execute(select(OutgoingShipment, NetworkLink.network_name)
                       .join(NetworkLink, NetworkLink.id == OutgoingShipment.link_id)
                       .where(OutgoingShipment.series_id == series_id)
                       .order_by(OutgoingShipment.id.desc()))
    return [{"uid": s.uid, "network": name, "ideas": len(s.idea_ids), "status": s.status,
             "idea_ids": list(s.idea_ids),
             "attempts": s.attempts, "error": s.last_error,
             "created_at": s.created_at.isoformat(),
             "sent_at": s.sent_at.isoformat() if s.sent_at else None,
             "added": len(s.result.get("added", [])), "already": len(s.result.get("already", []))}
            for s, name in rows]


def manifest(dbs: Session, series: Series, idea_ids: list[int], *, uid: str, network_id: int,
             instance: str, show_first_names: bool, media_dir: Path) -> tuple[dict, dict]:
    """A shipment's data and pictures, read now from the ideas as they are."""
    group = series.group
    wanted = set(idea_ids)
    ideas, pictures = [], {}
    for idea in exports.ideas_in_depth(dbs, series):
        if idea["id"] not in wanted or idea["visibility"] != "visible" or idea["merged_into"]:
            continue
        row = dbs.get(Idea, idea["id"])
        names = {}
        for kind, media_id in (("drawing", row.drawing_id), ("photo", row.photo_id)):
            media = dbs.get(Media, media_id) if media_id else None
            path = media_dir / media.filename if media else None
            if path is not None and path.is_file():
                names[kind] = f"pictures/{kind}-{row.id}.{path.suffix.lstrip('.')}"
                pictures[names[kind]] = path.read_bytes()
        origin = idea_origin(idea, series, group, show_first_names)
        ideas.append({"uid": idea_uid(instance, row.id),
                      "title": row.title or short_title(row.text),
                      "text": row.text or row.title or "…",
                      "drawing": names.get("drawing"), "photo": names.get("photo"),
                      "origin": {k: origin[k] for k in ("workshop", "votes", "category",
                                                        "merged", "first_name", "critical")}})
    if not ideas:
        raise Refused("nothing_to_ship")
    data = {"format": archive.FORMAT, "uid": uid, "network_id": network_id,
            "sender": instance,
            "group": {"uid": group_uid(instance, group.id), "name": group.name,
                      "school": group.school, "neighbourhood": group.neighbourhood,
                      "show_first_names": bool(show_first_names)},
            "series": series.title, "series_uid": f"{instance}/series/{series.id}",
            "counts": _counts(dbs, series), "ideas": ideas}
    return data, pictures


def _counts(dbs: Session, series: Series) -> dict:
    """What the classroom did, for the programme figures on the network server."""
    started = [w.id for w in series.workshops if w.started_at is not None]
    children = set(dbs.scalars(select(Attendance.participant_id).where(
        Attendance.workshop_id.in_(started or [0]))))
    ideas = dbs.scalars(select(Idea.id).where(Idea.series_id == series.id,
                                              Idea.merged_into_id.is_(None))).all()
    return {"children": len(children), "workshops": len(started), "ideas": len(ideas)}


def shipment_file(dbs: Session, actor: User, series_id: int, media_dir: Path, instance: str,
                  show_first_names: bool | None = None) -> bytes:
    """The shortlist as one archive, for a laptop that never gets online: the advisor
    uploads it on the network server. Its ideas carry the same ids as a push would."""
    series = get_series(dbs, actor, series_id)
    if show_first_names is None:
        show_first_names = series.group.show_first_names
    ready = [i["id"] for i in _ready(dbs, series)]
    if not ready:
        raise Refused("nothing_to_ship")
    data, pictures = manifest(dbs, series, ready, uid=uuid.uuid4().hex, network_id=0,
                              instance=instance, show_first_names=show_first_names,
                              media_dir=media_dir)
    return off_loop(archive.pack, data, pictures)


# --- the sender: runs in the background, and on "send now" ---

def send_waiting(database, instance: str, media_dir: Path, calls=client) -> dict:
    """Try every waiting shipment once, oldest first; report what happened."""
    with database.begin() as dbs:
        waiting = [s.id for s in dbs.scalars(select(OutgoingShipment).where(
            OutgoingShipment.status == "waiting").order_by(OutgoingShipment.id))]
    done = {"sent": 0, "waiting": 0, "refused": 0}
    for shipment_id in waiting:
        done[_send_one(database, shipment_id, instance, media_dir, calls)] += 1
    return done


def _send_one(database, shipment_id: int, instance: str, media_dir: Path, calls) -> str:
    with database.begin() as dbs:
        shipment = dbs.get(OutgoingShipment, shipment_id)
        link = dbs.get(NetworkLink, shipment.link_id)
        if link.revoked_at is not None:
            return _failed(database, shipment_id, Refused("key_revoked"))
        try:
            data, pictures = manifest(
                dbs, dbs.get(Series, shipment.series_id), shipment.idea_ids, uid=shipment.uid,
                network_id=link.network_remote_id, instance=instance,
                show_first_names=shipment.show_first_names, media_dir=media_dir)
        except Refused as exc:
            return _failed(database, shipment_id, exc)
        server, key = link.server_url, link.key
    body = off_loop(archive.pack, data, pictures)
    try:
        answer = calls.push(server, key, body)
    except Refused as exc:
        return _failed(database, shipment_id, exc)
    with database.begin(write=True) as dbs:
        shipment = dbs.get(OutgoingShipment, shipment_id)
        link = dbs.get(NetworkLink, shipment.link_id)
        shipment.status, shipment.sent_at, shipment.last_error = "sent", utcnow(), ""
        shipment.attempts += 1
        shipment.result = {k: answer.get(k) for k in ("added", "already", "progress_url",
                                                      "duplicate")}
        link.last_contact_at, link.last_error = utcnow(), ""
        group = dbs.get(Series, shipment.series_id).group
        if answer.get("progress_url"):
            group.remote_progress_url = str(answer["progress_url"])[:300]
        dbs.commit()
    return "sent"


def _failed(database, shipment_id: int, exc: Refused) -> str:
    """Unreachable: it waits and goes later. Revoked key: it waits for a new pairing.
    Refused for what it is (broken, too big): it will never go, so it stops waiting."""
    with database.begin(write=True) as dbs:
        shipment = dbs.get(OutgoingShipment, shipment_id)
        link = dbs.get(NetworkLink, shipment.link_id)
        shipment.attempts += 1
        shipment.last_error = exc.code
        if exc.code in PERMANENT:
            link.revoked_at = link.revoked_at or utcnow()
            link.last_error = exc.code
            outcome = "waiting"
        elif exc.code in ("server_unreachable",):
            link.last_error = exc.code
            outcome = "waiting"
        else:
            shipment.status = outcome = "refused"
        dbs.commit()
    return outcome


def fetch_news(database, instance: str, calls=client) -> int:
    """Ask each linked network what became of the ideas sent to it; keep the answers, so
    the news step shows them when the laptop is offline. Returns the ideas heard of."""
    prefix = instance + "/idea/"
    with database.begin() as dbs:
        asks = {}
        for link in dbs.scalars(select(NetworkLink).where(NetworkLink.revoked_at.is_(None))):
            ids = {i for s in dbs.scalars(select(OutgoingShipment).where(
                OutgoingShipment.link_id == link.id, OutgoingShipment.status == "sent"))
                for i in s.idea_ids}
            if ids:
                asks[link.id] = (link.server_url, link.key, sorted(ids))
    heard = 0
    for link_id, (server, key, ids) in asks.items():
        try:
            found = calls.news(server, key, [idea_uid(instance, i) for i in ids])
        except Refused as exc:
            with database.begin(write=True) as dbs:
                link = dbs.get(NetworkLink, link_id)
                link.last_error = exc.code
                if exc.code in PERMANENT:
                    link.revoked_at = link.revoked_at or utcnow()
                dbs.commit()
            continue
        with database.begin(write=True) as dbs:
            for item in found if isinstance(found, list) else []:
                uid = item.get("uid") if isinstance(item, dict) else None
                if not isinstance(uid, str) or not uid.startswith(prefix):
                    continue
                idea_id = int(uid[len(prefix):]) if uid[len(prefix):].isdigit() else None
                if idea_id not in ids:
                    continue
                _keep_news(dbs, idea_id, link_id, item)
                heard += 1
            link = dbs.get(NetworkLink, link_id)
            link.last_contact_at, link.last_error = utcnow(), ""
            dbs.commit()
    return heard


def _keep_news(dbs: Session, idea_id: int, link_id: int, item: dict) -> None:
    from datetime import datetime

    def when(value):
        try:
            return datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    row = dbs.get(IdeaNews, idea_id) or IdeaNews(idea_id=idea_id)
    row.link_id = link_id
    row.stage = str(item.get("stage") or "new")[:12]
    row.owner = str(item.get("owner") or "")[:120]
    row.reason = str(item.get("reason") or "")[:300]
    row.latest_text = str(item.get("latest_text") or "")[:2000]
    row.latest_at, row.changed_at = when(item.get("latest_at")), when(item.get("changed_at"))
    row.fetched_at = utcnow()
    dbs.add(row)


def run_forever(database, instance: str, media_dir: Path, every: float,
                sleep: Callable[[float], None], wake=None,
                fetched: Callable[[], object] | None = None) -> None:
    """The sender: waiting shipments out, news in, every `every` seconds or when woken;
    `fetched()` after news came in (the screens in a news step show it)."""
    while not database.closed:
        try:
            with database.begin() as dbs:
                linked = dbs.scalar(select(NetworkLink.id).limit(1)) is not None
            if linked:
                send_waiting(database, instance, media_dir)
                if fetch_news(database, instance) and fetched is not None:
                    fetched()
        except Exception:  # keep sending later whatever one round met
            log.exception("sending shipments or fetching news failed")
        if wake is not None:
            wake.wait(every)
            wake.clear()
        else:
            sleep(every)

