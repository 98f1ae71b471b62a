"""The /live namespace. Each handler checks who is asking, calls one service, and tells
the rooms that need to know. Refusals come back in the acknowledgement as a code and a
message in the asker's language."""

from __future__ import annotations

import functools
import logging
import os
import threading
from contextlib import nullcontext

from flask import current_app, request, session
from flask_babel import force_locale, get_locale
from flask_socketio import Namespace, join_room, leave_room

from ..domain import identity as who
from ..domain.errors import Refused
from ..domain.languages import CHILD, DEFAULT, LEADER, child_language
from ..i18n.messages import error_body, message
from ..services import (
    accounts,
    audit,
    clouds,
    done_marks,
    identity,
    moderation,
    run,
    setup,
    snapshots,
    tables,
    take_part,
)
from ..store.db import Busy, deadline
from ..store.models import Participant, Workshop
from . import budget, rooms
from .collector import COLLECTOR
from .results import ResultsTicker

log = logging.getLogger(__name__)


def _db():
    return current_app.extensions["db"]


# In threading mode every incoming event gets a thread. Letting only a few run the
# application at once keeps a burst of 2,000 submissions from becoming 2,000 runnable
# threads fighting over the interpreter lock and starving the sockets' ping threads.
_working = threading.BoundedSemaphore(int(os.environ.get("WORKSHOP_EVENT_WORKERS", "8")))


def _taking_turns():
    """The few-at-a-time rule of threading mode. In gevent mode events are greenlets and
    database work waits in threads without holding the loop: a few submissions waiting
    for a locked file must not hold up every other event (nothing is capped)."""
    return _working if current_app.config["ASYNC_MODE"] == "threading" else nullcontext()


# What a tablet asks before it is a child (or while it is not one any more): answered in the
# language the tablet says it reads (`lang` in the event), else the one its page chose.
TABLET_EVENTS = ("on_join", "on_children", "on_pick", "on_ask_leader", "on_cancel_ask",
                 "on_tablet_hello", "on_tablet_own", "on_lang", "on_submit", "on_set_key",
                 "on_done")


def reply_language(client: dict, data, event: str) -> str:
    """The language of the answer: a child's own (tablets), the tablet's page language
    before that, the leader's for screens and leader views."""
    if client.get("lang") in CHILD:
        return client["lang"]
    if event in TABLET_EVENTS or client.get("kind") in ("tablet", "removed"):
        asked = data.get("lang") if isinstance(data, dict) else None
        return child_language(asked if asked in CHILD else session.get("child_lang"))
    return session.get("lang") if session.get("lang") in LEADER else DEFAULT


def in_language(lang: str, refusal: Refused) -> str:
    """A refusal's words in `lang` (for a message to someone other than the asker)."""
    with force_locale(child_language(lang)):
        return message(refusal)


def in_every_language(refusal: Refused) -> dict[str, str]:
    """A refusal's words in every child language, for a message to a room of tablets
    whose languages this process may not know: the tablet shows `messages[its language]`."""
    return {lang: in_language(lang, refusal) for lang in CHILD}


def handler(fn):
    """Run an event handler; turn a refusal into an error acknowledgement."""

    @functools.wraps(fn)
    def wrapped(self, data=None):
        COLLECTOR.event()
        client = self.clients.get(request.sid, {})
        with _taking_turns(), force_locale(reply_language(client, data, fn.__name__)), \
                deadline(current_app.config["DB_WAIT_SECONDS"]):
            slow = budget.check(request.sid, fn.__name__)  # a flooding device: slow down
            if slow is not None:
                return slow
            try:
                return fn(self, data if isinstance(data, dict) else {})
            except Refused as exc:
                budget.refused(fn.__name__, exc.code)
                return error_body(exc)
            except Busy:  # locked past the limit: nothing stored, the outbox sends it again
                log.warning("live event %s: the database stayed locked", fn.__name__)
                return error_body(Refused("db_busy"))
            except Exception:  # noqa: BLE001 - one reply for every unexpected failure
                log.exception("live event %s failed", fn.__name__)
                return error_body(Refused("bad_request"))

    return wrapped


class LiveNamespace(Namespace):
    """Events of screens, leader views and tablets."""

    def __init__(self, namespace: str) -> None:
        super().__init__(namespace)
        self.clients: dict[str, dict] = {}
        self.device_lang: dict[str, str] = {}  # a tablet's language, by its device id
        self._results: ResultsTicker | None = None

    def _send(self, event: str, data, to: str | list[str], skip_sid: str | None = None) -> None:
        """Emit to a room, through the message queue when there is one."""
        self.socketio.emit(event, data, to=to, namespace=self.namespace, skip_sid=skip_sid)

    def _send_here(self, event: str, data, to: str) -> None:
        """Emit to the room's clients on this process only (every process sends its own)."""
        self.socketio.emit(event, data, to=to, namespace=self.namespace, ignore_queue=True)

    def _results_wake(self) -> None:
        """Tallies and counts reach this process's clients while they are in such a step."""
        if self._results is None:
            self._results = ResultsTicker(self.clients, self._send_here,
                                          self.socketio.start_background_task,
                                          self.socketio.sleep)
        self._results.wake(current_app._get_current_object())

    # --- connection ---------------------------------------------------------------------

    def on_connect(self, auth=None):
        """Accept; who the client is becomes known at its hello."""
        self.clients[request.sid] = {}

    def on_disconnect(self, reason=None):
        """Forget the client."""
        self.clients.pop(request.sid, None)
        budget.forget(request.sid)

    # --- leader and screen ----------------------------------------------------------------

    def _leader(self, dbs):
        # a login ended on the server (logout, new password, other role) drives nothing
        user = accounts.session_user(dbs, session)
        if user is None:
            raise Refused("login_required")
        return user

    def _leader_event(self, dbs, data, what: str):
        """The user and workshop of a leader event; a tablet asking is refused and logged."""
        client = self.clients.get(request.sid, {})
        if client.get("kind") == "tablet" or session.get("user_id") is None:
            audit.record(dbs, "leader_event_refused", event=what, sid=request.sid,
                         child=client.get("child_id"), workshop=data.get("workshop_id"))
            raise Refused("forbidden")
        user = self._leader(dbs)
        workshop = setup.get_workshop(dbs, user, _int(data.get("workshop_id")))
        return user, workshop

    @handler
    def on_screen_hello(self, data):
        """A classroom screen or leader view opens: join the room, get the whole state."""
        with _db().begin() as dbs:
            _user, workshop = self._leader_event(dbs, data, "screen_hello")
            state = snapshots.screen(dbs, workshop)
        self.clients[request.sid] = {"kind": "screen", "workshop_id": workshop.id}
        join_room(rooms.screen(workshop.id))
        self._results_wake()
        return {"ok": True, "state": state}

    @handler
    def on_control(self, data):
        """Next, back, timer, lock, reveal, approval, focus, end."""
        with _db().begin(write=True) as dbs:
            user, workshop = self._leader_event(dbs, data, "control")
            workshop = run.control(dbs, user, workshop.id, str(data.get("action")),
                                   data.get("value"))
            self._broadcast(dbs, workshop)
        return {"ok": True}

    @handler
    def on_moderate(self, data):
        """Hide, show, approve, shortlist, edit a title, merge."""
        with _db().begin(write=True) as dbs:
            user, workshop = self._leader_event(dbs, data, "moderate")
            op, item_id = str(data.get("op")), _int(data.get("id"))
            if op in ("hide", "show", "approve"):
                kind = "idea" if data.get("type") == "idea" else "response"
                changed = moderation.set_visibility(dbs, user, workshop.id, kind, item_id, op)
                self._send("mine", {"item": changed["item"]}, to=rooms.child(changed["child_id"]))
            elif op in ("shortlist", "unshortlist"):
                moderation.set_shortlisted(dbs, user, item_id, op == "shortlist")
            elif op == "title":
                moderation.edit_title(dbs, user, item_id, data.get("value"))
            elif op == "merge":
                moderation.merge(dbs, user, _int(data.get("value")), item_id)
            else:
                raise Refused("unknown_action")
            dbs.refresh(workshop)
            self._broadcast(dbs, workshop)
        return {"ok": True}

    @handler
    def on_tables(self, data):
        """Tables (subgroups): make (an even split over `value` tables, 0 for none), move
        a child (`child_id`) to table `value`, give table `table` the idea `value`, or
        give the tables the shortlist round-robin (`ideas_auto`)."""
        with _db().begin(write=True) as dbs:
            user, workshop = self._leader_event(dbs, data, "tables")
            op = str(data.get("op"))
            if op == "make":
                workshop = tables.make(dbs, user, workshop.id, data.get("value"))
            elif op == "move":
                workshop = tables.move(dbs, user, workshop.id, _int(data.get("child_id")),
                                       _int(data.get("value")))
            elif op == "idea":
                workshop = tables.assign(dbs, user, workshop.id, _int(data.get("table")),
                                         _int(data.get("value")))
            elif op == "ideas_auto":
                workshop = tables.reassign(dbs, user, workshop.id)
            else:
                raise Refused("unknown_action")
            self._broadcast(dbs, workshop)
            if op in ("make", "move"):  # each tablet hears its own table
                for child in snapshots.children(dbs, workshop):
                    self._send("table", {"table": child["table"]}, to=rooms.child(child["id"]))
        return {"ok": True}

    # --- the news step: which idea the screens show -------------------------------------
    # Which news idea is on lives in the screens' browsers; these two events only relay it
    # between the workshop's screens and leader views (nothing is stored).

    def _news_step(self, dbs, data, what: str) -> dict:
        """A leader's news event: the workshop is live in a news step (else step_changed);
        the base of the message to the screen room."""
        _user, workshop = self._leader_event(dbs, data, what)
        step = run.plan_of(workshop).steps[workshop.step_index]
        if workshop.status != "live" or step.kind != "news":
            raise Refused("step_changed")
        return {"workshop_id": workshop.id, "step_index": workshop.step_index}

    @handler
    def on_news_show(self, data):
        """The leader's phone: show news idea `index` (0-based), or without `index`: say
        which idea you show. The screens answer with `news_shown`."""
        index = data.get("index")
        if index is not None and not _news_index(index):
            raise Refused("bad_request")
        with _db().begin() as dbs:
            body = self._news_step(dbs, data, "news_show")
        if index is not None:
            body["index"] = int(index)
        self._send("news_show", body, to=rooms.screen(body["workshop_id"]), skip_sid=request.sid)
        return {"ok": True}

    @handler
    def on_news_shown(self, data):
        """A screen shows news idea `index` (of `count`): the other screens and the leader
        views follow."""
        index, count = data.get("index"), data.get("count")
        if not (_news_index(index) and _news_index(count) and index < count):
            raise Refused("bad_request")
        with _db().begin() as dbs:
            body = self._news_step(dbs, data, "news_shown")
        body.update(index=index, count=count, idea_id=_int(data.get("idea_id")))
        self._send("news_shown", body, to=rooms.screen(body["workshop_id"]), skip_sid=request.sid)
        return {"ok": True}

    def _broadcast(self, dbs, workshop) -> None:
        """Send the new state to the screens and the shared part to every tablet."""
        self._send("screen_state", snapshots.screen(dbs, workshop),
                  to=rooms.screen(workshop.id))
        self._send("shared", snapshots.tablet_shared(dbs, workshop),
                  to=rooms.tablets(workshop.id))

    # --- tablets --------------------------------------------------------------------------

    @handler
    def on_join(self, data):
        """A new child: name, avatar and picture key; returns the token the tablet keeps."""
        # The reply carries the tablet's state and the tablet is in its rooms, as after a
        # hello: a new tablet's hello read the workshop, the child, the removals and the
        # attendance again, one more event of every 2,000 joining at once.
        # (The state is read in the join's session, from the rows it has: it is committed
        # by then, and reading the workshop again in a session of its own cost more.)
        device = self._device(data)
        with _db().begin(write=True) as dbs:
            workshop, child = take_part.join_child(
                dbs, data.get("code"), data.get("name"), data.get("avatar"),
                str(get_locale()), data.get("key"), device)
            state = snapshots.tablet(dbs, workshop, child)
        self._enter(workshop.id, child, device, state)
        return {"ok": True, "token": child.token, "participant": snapshots.child_data(child),
                "state": state}

    @handler
    def on_children(self, data):
        """The group's children, to pick yourself in a later workshop (with the picture
        key: nothing here lets a tablet become a child), and the key's pictures."""
        device = self._device(data)
        with _db().begin() as dbs:
            identity.check_device_here(dbs, data.get("code"), device)
            return {"ok": True, "children": take_part.group_children(dbs, data.get("code")),
                    "pictures": [{"id": pid, "icon": icon} for pid, icon in who.PICTURES]}

    @handler
    def on_pick(self, data):
        """A child picks themself from the group with the picture key (or the leader
        decides: see on_ask_leader)."""
        device, child_id = self._device(data), _int(data.get("participant_id"))
        with _db().begin(write=True) as dbs:
            reply = identity.pick(dbs, data.get("code"), child_id, data.get("key"), device,
                                  self._elsewhere(child_id, device))
        return self._asked(reply)

    @handler
    def on_tablet_hello(self, data):
        """A tablet (re)connects as a child: join the rooms, get the whole state."""
        # Not a writers' turn: the attendance row is written here only the first time a child
        # of an earlier workshop comes back; joining wrote it already for new children.
        # One session for the usual hello (identify, then the snapshot from the same rows:
        # reading the workshop, child, series and group again made 15 statements of it).
        device = self._device(data)
        with _db().begin() as dbs:
            workshop, child = take_part.identify(dbs, data.get("code"), data.get("token"),
                                                 device)
            workshop_id, child_id = workshop.id, child.id
            seat = tables.needs_seat(workshop, child)
            if not seat:
                state = snapshots.tablet(dbs, workshop, child)
        if seat:  # the class sits at tables and this child came after the split
            with _db().begin(write=True) as dbs:
                tables.seat(dbs, dbs.get(Workshop, workshop_id), dbs.get(Participant, child_id))
                dbs.commit()
            with _db().begin() as dbs:  # the reading happens outside the writers' turn
                workshop, child = dbs.get(Workshop, workshop_id), dbs.get(Participant, child_id)
                state = snapshots.tablet(dbs, workshop, child)
        self._enter(workshop.id, child, device, state)
        return {"ok": True, "state": state}

    def _enter(self, workshop_id: int, child, device, state: dict) -> None:
        """This connection speaks for the child now: its rooms, and the screens hear it."""
        previous = self.clients.get(request.sid, {})
        if previous.get("child_id") and previous["child_id"] != child.id:
            leave_room(rooms.child(previous["child_id"]))
        self.clients[request.sid] = {"kind": "tablet", "workshop_id": workshop_id,
                                     "child_id": child.id, "lang": child.lang,
                                     "device": device}
        join_room(rooms.tablets(workshop_id))
        join_room(rooms.child(child.id))
        self._send("child_joined", state["me"], to=rooms.screen(workshop_id))
        self._results_wake()

    @handler
    def on_tablet_own(self, data):
        """After a step change: only the child's own items in the new step. The shared part
        came with `shared`, so a class changing step costs one small query per tablet."""
        client = self.clients.get(request.sid, {})
        if client.get("kind") != "tablet":
            raise Refused("unknown_child")
        with _db().begin() as dbs:
            workshop = dbs.get(Workshop, client["workshop_id"])
            own = snapshots.tablet_own(dbs, workshop, dbs.get(Participant, client["child_id"]))
        self._results_wake()  # the step changed; it may be one with totals
        return {"ok": True, "step_index": workshop.step_index, "own": own}

    @handler
    def on_lang(self, data):
        """The child switches language."""
        client = self.clients.get(request.sid, {})
        if client.get("kind") != "tablet":
            raise Refused("forbidden")
        with _db().begin(write=True) as dbs:
            take_part.set_language(dbs, dbs.get(Participant, client["child_id"]),
                                   data.get("lang"))
        client["lang"] = child_language(data.get("lang"))
        return {"ok": True, "lang": client["lang"]}

    @handler
    def on_submit(self, data):
        """Something a child made or chose; acknowledged only after it is committed."""
        client = self.clients.get(request.sid, {})
        if client.get("kind") != "tablet":
            raise Refused("unknown_child")
        if _int(data.get("workshop_id")) != client["workshop_id"]:
            with _db().begin(write=True) as dbs:
                audit.record(dbs, "wrong_workshop", child=client["child_id"],
                             workshop=data.get("workshop_id"), sid=request.sid)
            raise Refused("bad_request")
        with _db().begin(write=True) as dbs:
            result = take_part.submit(dbs, client["workshop_id"], client["child_id"],
                                      data.get("client_id"), str(data.get("what")),
                                      data.get("step_index"), data.get("payload"),
                                      current_app.config["MEDIA_DIR"])
        if not result.get("duplicate"):
            if result["what"] in take_part.COUNTED:  # the screen shows only the totals
                self._results_wake()
            else:
                self._send("added", result, to=rooms.screen(client["workshop_id"]))
            if result["what"] in ("answer", "critical"):
                self._step_extras(client["workshop_id"], result["what"], data.get("step_index"))
        self._send("mine", result, to=rooms.child(client["child_id"]), skip_sid=request.sid)
        if result.get("undone") and not result.get("duplicate"):  # busy again in that step
            self._done_changed(client, {"step_index": data.get("step_index"),
                                        "child_id": client["child_id"], "done": False})
        return {"ok": True, "result": result}

    @handler
    def on_done(self, data):
        """The child says "I'm done" with the current step (`done` false: not done after
        all); the screens and the child's other tablets hear it."""
        client = self.clients.get(request.sid, {})
        if client.get("kind") != "tablet":
            raise Refused("unknown_child")
        with _db().begin(write=True) as dbs:
            change = done_marks.mark(dbs, client["workshop_id"], client["child_id"],
                                     data.get("step_index"), data.get("done") is not False)
        self._done_changed(client, change, skip_sid=request.sid)
        return {"ok": True, **change}

    def _done_changed(self, client: dict, change: dict, skip_sid: str | None = None) -> None:
        """One child's "I'm done" changed: one small message (a class of 2,000 saying it
        costs the screen 2,000 messages, not 2,000 growing lists)."""
        self._send("done", change, to=rooms.screen(client["workshop_id"]))
        self._send("done", change, to=rooms.child(client["child_id"]), skip_sid=skip_sid)

    def _step_extras(self, workshop_id: int, what: str, step_index) -> None:
        """A new answer on a question wall shown as a word cloud: the screens get the new
        cloud; a critical answer of a class at tables: every table's progress."""
        with _db().begin() as dbs:
            workshop = dbs.get(Workshop, workshop_id)
            if step_index != workshop.step_index:
                return
            if what == "answer" and clouds.is_cloud(workshop):
                event, body = "cloud", {"words": clouds.words(dbs, workshop)}
            elif what == "critical" and workshop.series.group.table_count:
                event, body = "table_progress", {"progress": tables.progress(dbs, workshop)}
            else:
                return
        self._send(event, {"step_index": step_index, **body}, to=rooms.screen(workshop_id))

    # --- who may be a child (picture key, the leader's yes, removed tablets) ----------------

    def _device(self, data) -> str | None:
        """The tablet's own id; its socket joins the tablet's room, where the leader's
        answer and "let back in" arrive even before the tablet is a child."""
        device = who.check_device(data.get("device"))
        if device:
            join_room(rooms.device(device))
            self.device_lang[device] = str(get_locale())  # the leader's answer is in it
        return device

    def _elsewhere(self, child_id: int | None, device: str | None) -> bool:
        """Whether the child is connected right now on another tablet (of this process:
        see docs/protocol.md for several processes)."""
        return any(c.get("kind") == "tablet" and c.get("child_id") == child_id
                   and sid != request.sid and (device is None or c.get("device") != device)
                   for sid, c in list(self.clients.items()))

    def _requests_changed(self, workshop_id: int) -> None:
        """The screens get the questions waiting for the leader's yes or no."""
        with _db().begin() as dbs:
            requests = identity.open_requests(dbs, workshop_id)
        self._send("join_requests", {"workshop_id": workshop_id, "requests": requests},
                   to=rooms.screen(workshop_id))

    def _asked(self, reply: dict) -> dict:
        """A pick or a question to the leader: a token, or waiting for the leader."""
        if reply.get("waiting"):
            self._requests_changed(reply.pop("workshop_id"))
        return {"ok": True, **reply}

    @handler
    def on_ask_leader(self, data):
        """The tablet asks the leader to become this child: forgotten key, no key, too
        many tries, or the child is on another tablet. The answer comes as `join_answer`."""
        device, child_id = self._device(data), _int(data.get("participant_id"))
        with _db().begin(write=True) as dbs:
            reply = identity.ask_leader(dbs, data.get("code"), child_id, device,
                                        self._elsewhere(child_id, device))
        return self._asked(reply)

    @handler
    def on_cancel_ask(self, data):
        """The tablet went back: its question leaves the screen."""
        device = self._device(data)
        with _db().begin(write=True) as dbs:
            workshop_id = identity.cancel_ask(dbs, data.get("code"), device)
        self._requests_changed(workshop_id)
        return {"ok": True}

    @handler
    def on_set_key(self, data):
        """A child without a picture key chooses one (after the leader's yes)."""
        client = self.clients.get(request.sid, {})
        if client.get("kind") != "tablet":
            raise Refused("unknown_child")
        with _db().begin(write=True) as dbs:
            identity.set_key(dbs, client["child_id"], data.get("key"))
        return {"ok": True}

    @handler
    def on_answer_join(self, data):
        """The leader's yes or no to a tablet that asks to be a child."""
        with _db().begin(write=True) as dbs:
            user, workshop = self._leader_event(dbs, data, "answer_join")
            answer = identity.answer(dbs, user, workshop.id, _int(data.get("request_id")),
                                     data.get("yes") is True)
            workshop_id = workshop.id
        if answer["yes"]:
            body = {"ok": True, "token": answer["token"], "participant": answer["child"]}
        else:  # the leader's socket answers: the words go in the tablet's languages
            refusal = Refused("declined")
            body = {"ok": False, "error": "declined",
                    "message": in_language(self.device_lang.get(answer["device"]), refusal),
                    "messages": in_every_language(refusal)}
        self._send("join_answer", body, to=rooms.device(answer["device"]))
        self._requests_changed(workshop_id)
        return {"ok": True}

    @handler
    def on_manage_child(self, data):
        """The leader about one child: remove (its tablets), let_back, hide_all, rename."""
        op, child_id = str(data.get("op")), _int(data.get("child_id"))
        reply: dict = {"ok": True}
        with _db().begin(write=True) as dbs:
            user, workshop = self._leader_event(dbs, data, "manage_child")
            if op == "remove":
                done = identity.remove(dbs, user, workshop.id, child_id)
                refusal = Refused("removed")
                self._tell_tablets(done, "removed", {
                    "message": in_language(dbs.get(Participant, child_id).lang, refusal),
                    "messages": in_every_language(refusal)})
                self._forget_removed(workshop.id, child_id)
            elif op == "let_back":
                done = identity.let_back(dbs, user, workshop.id, child_id)
                self._tell_tablets(done, "let_back", {"workshop_id": workshop.id})
            elif op == "hide_all":
                done = moderation.hide_child(dbs, user, workshop.id, child_id)
                for item in done["mine"]:
                    self._send("mine", {"item": item}, to=rooms.child(done["child_id"]))
                reply["hidden"] = done["hidden"]
            elif op == "rename":
                me = moderation.rename_child(dbs, user, workshop.id, child_id,
                                             data.get("value"))
                self._send("me", me, to=rooms.child(me["id"]))
            else:
                raise Refused("unknown_action")
            dbs.refresh(workshop)
            self._broadcast(dbs, workshop)
        if op == "remove":
            self._requests_changed(workshop.id)
        return reply

    def _tell_tablets(self, done: dict, event: str, body: dict) -> None:
        """A removed or let-back child's tablets: the child's room and each tablet's own."""
        self._send(event, body, to=[rooms.child(done["child"]["id"]),
                                    *[rooms.device(d) for d in done["devices"]]])

    def _forget_removed(self, workshop_id: int, child_id: int) -> None:
        """This process's connections of a removed child stop being that child: they stay
        in its room (to hear "let back in") and hear nothing else of the workshop. Other
        processes refuse their submissions in the database."""
        for sid, client in list(self.clients.items()):
            if client.get("kind") == "tablet" and client.get("child_id") == child_id \
                    and client.get("workshop_id") == workshop_id:
                client["kind"] = "removed"
                self.leave_room(sid, rooms.tablets(workshop_id))


def _news_index(value) -> bool:
    """A news idea's place or count: a whole number 0-999 (not a bool, not a string)."""
    return type(value) is int and 0 <= value < 1000


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
