"""Who may be a child on a tablet: the picture key, the leader's yes, a removed tablet.

A child of 8 cannot be asked for a password or anything personal. At the first join the
child taps two pictures of nine, in order (a picture key, like the picture passwords of
primary schools). Being that child again on another tablet takes those two pictures or the
leader's yes on the classroom screen. After MAX_WRONG wrong keys only the leader's yes
works. A child who is connected right now on another tablet is never taken over by a key
alone: the leader sees who asks and decides.

The key is stored as a salted hash and never shown. With 9 x 8 = 72 possible keys a hash
does not hold against someone who has the database; it keeps the key out of exports,
logs and screens, and the three-tries limit is what holds against guessing in class."""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from .errors import Refused

# (id, picture); the names the tablet shows and says come from the catalogue (pic_<id>)
PICTURES: tuple[tuple[str, str], ...] = (
    ("apple", "🍎"), ("bike", "🚲"), ("ball", "⚽"), ("rainbow", "🌈"), ("fish", "🐟"),
    ("moon", "🌙"), ("rocket", "🚀"), ("icecream", "🍦"), ("balloon", "🎈"),
)
PICTURE_IDS = frozenset(pid for pid, _ in PICTURES)
KEY_LENGTH = 2
MAX_WRONG = 3
# The key space is small (72 ordered pairs): the hash is not the lock, the wrong-key limit
# is (72 candidates take milliseconds at any iteration count). 20,000 iterations (5 ms, on
# the event loop at every join) made picture keys 59% of the join handler's time, 1,000
# still 0.25 ms of each join; keys stored with more iterations still match (they carry
# theirs).
_ITERATIONS = 100
_DEVICE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class Reason(enum.StrEnum):
    """Why a tablet asks the leader to become a child."""

    IN_USE = "in_use"      # the child is connected on another tablet right now
    LOCKED = "locked"      # MAX_WRONG wrong picture keys
    NO_KEY = "no_key"      # the child never chose a picture key
    FORGOT = "forgot"      # the child tapped "ask the leader"


class Status(enum.StrEnum):
    """Where a request to the leader stands."""

    WAITING = "waiting"
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"


def check_key(key) -> tuple[str, ...]:
    """A picture key as sent by a tablet: KEY_LENGTH different pictures of the set."""
    if (not isinstance(key, (list, tuple)) or len(key) != KEY_LENGTH
            or not all(isinstance(p, str) and p in PICTURE_IDS for p in key)
            or len(set(key)) != KEY_LENGTH):
        raise Refused("key_invalid")
    return tuple(key)


def hash_key(key, salt: str | None = None) -> str:
    """The stored form of a picture key: `pbkdf2$<iterations>$<salt>$<hex>`."""
    pictures = check_key(key)
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", "|".join(pictures).encode(), salt.encode(),
                                 _ITERATIONS)
    return f"pbkdf2${_ITERATIONS}${salt}${digest.hex()}"


def key_matches(key, stored: str | None) -> bool:
    """Whether `key` is the key stored as `stored` (False for a malformed key)."""
    if not stored:
        return False
    try:
        _scheme, iterations, salt, digest = stored.split("$")
        pictures = check_key(key)
    except (ValueError, Refused):
        return False
    found = hashlib.pbkdf2_hmac("sha256", "|".join(pictures).encode(), salt.encode(),
                                int(iterations))
    return hmac.compare_digest(found.hex(), digest)


def check_device(device) -> str | None:
    """The tablet's own id (made once, kept in its localStorage); None when it sent none
    (an old page or a script). A malformed one is refused."""
    if device is None or device == "":
        return None
    if not isinstance(device, str) or not _DEVICE.match(device):
        raise Refused("bad_request")
    return device


@dataclass(frozen=True)
class Child:
    """What the rules need to know about the child a tablet wants to be."""

    has_key: bool
    wrong: int                     # wrong picture keys in a row
    removed: bool                  # removed from this workshop by the leader
    connected_elsewhere: bool      # on another tablet right now


class Outcome(enum.StrEnum):
    """What a pick with a picture key comes to."""

    TOKEN = "token"          # the tablet becomes the child
    ASK_LEADER = "ask"       # right key, but the child is on another tablet: the leader decides
    WRONG = "wrong"          # one more wrong key


def pick(child: Child, key, matches: Callable[[tuple[str, ...]], bool]) -> Outcome:
    """The rule of picking yourself on a tablet with your picture key (`matches` tells
    whether a well-formed key is the child's); a refusal says why the key cannot be used
    at all. A malformed key is refused without counting as a try."""
    if child.removed:
        raise Refused("removed")
    if not child.has_key:
        raise Refused("no_key")
    if child.wrong >= MAX_WRONG:
        raise Refused("key_locked")
    if key is None or key == []:
        raise Refused("key_needed")
    if not matches(check_key(key)):
        return Outcome.WRONG
    return Outcome.ASK_LEADER if child.connected_elsewhere else Outcome.TOKEN


def after_wrong(wrong: int) -> Refused:
    """The refusal of a wrong key, `wrong` being the count including this one."""
    if wrong >= MAX_WRONG:
        return Refused("key_locked")
    return Refused("key_wrong", left=MAX_WRONG - wrong)


def ask_reason(child: Child) -> Reason:
    """Why the leader is asked, as the classroom screen says it."""
    if child.removed:
        raise Refused("removed")
    if child.connected_elsewhere:
        return Reason.IN_USE
    if not child.has_key:
        return Reason.NO_KEY
    if child.wrong >= MAX_WRONG:
        return Reason.LOCKED
    return Reason.FORGOT


def key_cleared_on_yes(reason: str) -> bool:
    """A child who forgot the key (or was locked out) chooses a new one after the yes."""
    return reason in (Reason.FORGOT, Reason.LOCKED)
