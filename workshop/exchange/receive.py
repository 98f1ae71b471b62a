"""The network server takes in a shipment: from a paired laptop's key, or a file an
advisor uploads. Each shipment id and each idea id is stored at most once (database
keys), so a retry, a double click or two laptops sending the same file add nothing twice.
A shipment is stored whole or not at all; pictures are re-encoded like tablet uploads."""

from __future__ import annotations

import secrets
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.errors import Refused
from ..media import images
from ..offload import off_loop, off_loop_each
from ..services.board import short_title
from ..store.board_models import BoardIdea, Network
from ..store.link_models import Pairing, Shipment
from ..store.models import Group, Media
from .archive import unpack


def prepare(data: bytes) -> tuple[dict, dict[str, tuple]]:
    """Check an archive and re-encode its pictures (CPU only, no database), off the event
    loop and in parallel. A broken picture refuses the whole shipment."""
    manifest, raw = off_loop(unpack, data)
    wanted = [(idea[kind], kind) for idea in manifest["ideas"] for kind in ("drawing", "photo")
              if idea[kind]]
    done = off_loop_each(images.reencode, [(raw[name], kind) for name, kind in wanted])
    return manifest, {name: (kind, made) for (name, kind), made in zip(wanted, done,
                                                                       strict=True)}


def receive(dbs: Session, media_dir: Path, manifest: dict, pictures: dict[str, tuple],
            network_id: int, *, pairing: Pairing | None = None,
            uploaded_by: int | None = None) -> dict:
    """Store a checked shipment on a network's board, once. A laptop's key only ships to
    its own network; a file made before pairing (network 0) goes where it is uploaded."""
    network = dbs.get(Network, network_id)
    if network is None:
        raise Refused("not_found")
    if manifest["network_id"] not in (0, network_id):
        raise Refused("key_other_network")
    earlier = dbs.scalar(select(Shipment).where(Shipment.uid == manifest["uid"]))
    if earlier is not None:
        return _again(dbs, earlier, manifest)
    shipper = pairing.user_id if pairing is not None else uploaded_by
    for attempt in (1, 2):
        written: list[Path] = []
        try:
            result = _store(dbs, media_dir, manifest, pictures, network, pairing, shipper,
                            written)
            dbs.commit()
            return result
        except IntegrityError:  # the same shipment, group or idea arrived at the same moment
            dbs.rollback()
            _remove(written)
            earlier = dbs.scalar(select(Shipment).where(Shipment.uid == manifest["uid"]))
            if earlier is not None:
                return _again(dbs, earlier, manifest)
            if attempt == 2:
                raise Refused("already_shipped") from None
            # another shipment stored some of these ideas first: once more, they are skipped
        except BaseException:
            dbs.rollback()
            _remove(written)
            raise
    raise AssertionError("unreachable")


def _store(dbs: Session, media_dir: Path, manifest: dict, pictures: dict[str, tuple],
           network: Network, pairing: Pairing | None, shipper: int, written: list) -> dict:
    group = _group(dbs, manifest, network, shipper)
    shipment = Shipment(uid=manifest["uid"], network_id=network.id, group_id=group.id,
                        pairing_id=pairing.id if pairing is not None else None,
                        uploaded_by=None if pairing is not None else shipper,
                        counts={**manifest["counts"], "series": manifest["series_uid"]})
    dbs.add(shipment)
    dbs.flush()
    uids = [i["uid"] for i in manifest["ideas"]]
    done = set(dbs.scalars(select(BoardIdea.origin_uid).where(
        BoardIdea.network_id == network.id, BoardIdea.origin_uid.in_(uids))))
    added, already = [], []
    for idea in manifest["ideas"]:
        if idea["uid"] in done:
            already.append(idea["uid"])
            continue
        origin = {"group": group.name, "school": group.school,
                  "neighbourhood": group.neighbourhood, "series": manifest["series"],
                  **idea["origin"]}
        if not manifest["group"]["show_first_names"]:
            origin["first_name"] = None
        dbs.add(BoardIdea(
            network_id=network.id, origin_uid=idea["uid"], group_id=group.id,
            shipment_id=shipment.id, title=idea["title"] or short_title(idea["text"]),
            text=idea["text"], origin=origin, shipped_by=shipper,
            drawing_id=_picture(dbs, media_dir, pictures, idea["drawing"], "drawing", written),
            photo_id=_picture(dbs, media_dir, pictures, idea["photo"], "photo", written)))
        added.append(idea["uid"])
    shipment.ideas = len(added)
    return {"shipment": shipment.uid, "added": added, "already": already,
            "progress_token": group.progress_token, "network": network.name,
            "duplicate": False}


def _group(dbs: Session, manifest: dict, network: Network, shipper: int) -> Group:
    """The laptop's group as this server knows it: made on its first shipment."""
    data = manifest["group"]
    group = dbs.scalar(select(Group).where(Group.remote_uid == data["uid"]))
    if group is None:
        group = Group(remote_uid=data["uid"], leader_id=shipper, network_id=network.id,
                      progress_token=secrets.token_urlsafe(18), name=data["name"])
        dbs.add(group)
    elif group.network_id != network.id:
        raise Refused("other_network")
    group.name, group.school = data["name"], data["school"]
    group.neighbourhood, group.show_first_names = data["neighbourhood"], data["show_first_names"]
    dbs.flush()
    return group


def _picture(dbs: Session, media_dir: Path, pictures: dict[str, tuple], name: str | None,
             kind: str, written: list) -> int | None:
    """Write a shipped picture that `prepare` re-encoded like a tablet's upload."""
    if not name:
        return None
    stored = images.write(*pictures[name][1], kind=kind, folder=media_dir)
    written.append(media_dir / stored.filename)
    media = Media(kind=kind, filename=stored.filename, width=stored.width, height=stored.height)
    dbs.add(media)
    dbs.flush()
    return media.id


def _again(dbs: Session, earlier: Shipment, manifest: dict) -> dict:
    """A shipment that arrived before: nothing is added; the answer says what is there."""
    group = dbs.get(Group, earlier.group_id)
    return {"shipment": earlier.uid, "added": [],
            "already": [i["uid"] for i in manifest["ideas"]],
            "progress_token": group.progress_token if group else None,
            "network": dbs.get(Network, earlier.network_id).name, "duplicate": True}


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def news(dbs: Session, network_id: int, uids: list[str]) -> list[dict]:
    """What happened to these shipped ideas on a network's board (only that network's)."""
    from ..services.follow_up import updates
    from ..store.board_models import Partner

    uids = [u for u in uids if isinstance(u, str)][:2000]
    items = dbs.scalars(select(BoardIdea).where(BoardIdea.network_id == network_id,
                                                BoardIdea.origin_uid.in_(uids)))
    found = []
    for item in items:
        owner = dbs.get(Partner, item.owner_partner_id) if item.owner_partner_id else None
        latest = updates(dbs, item.id)[:1]
        found.append({"uid": item.origin_uid, "stage": item.stage, "reason": item.reason,
                      "owner": owner.name if owner else "",
                      "latest_text": latest[0]["text"] if latest else "",
                      "latest_at": latest[0]["at"] if latest else None,
                      "changed_at": item.last_news_at.isoformat()})
    return found
