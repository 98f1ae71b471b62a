"""Grown-up accounts: leaders (and later advisors, partners, admins) who log in.

Passwords are scrypt hashes; hashing and checking one takes ~0.1 s of CPU, so it runs off the
event loop (workshop/offload.py) where the tablets' connections would otherwise wait, two at
a time (32 MB each). A login session carries a key made from the account's session version,
password hash and role: a logout (which raises the version), a new password or another role
ends every session of the account on the server, also one whose cookie was copied."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..offload import Capped
from ..store.models import User

ROLES = ("admin", "leader", "advisor", "partner")
NO_ROLE = "none"  # an account whose role was taken away: it cannot log in
MIN_PASSWORD = 8
_dummy: list[str] = []
# Two hashes or checks at a time (32 MB of scrypt each), the others wait as greenlets.
_scrypt = Capped(2)


def _hash(password: str) -> str:
    return _scrypt(generate_password_hash, password, method="scrypt")


def _matches(stored: str | None, password: str) -> bool:
    """Check a password against a stored hash, off the event loop. Without a real hash (an
    unknown username, a laptop's account) a dummy one is checked, so the answer takes as
    long as for a known username."""
    if not stored or not stored.startswith("scrypt:"):
        if not _dummy:
            _dummy.append(_hash(secrets.token_hex(16)))  # once, off the loop too
        _scrypt(check_password_hash, _dummy[0], password)
        return False
    return _scrypt(check_password_hash, stored, password)


def has_users(dbs: Session) -> bool:
    """True once any account exists."""
    return bool(dbs.scalar(select(func.count(User.id))))


def create_user(dbs: Session, username: str, password: str, role: str = "leader",
                display_name: str = "", *, commit: bool = True) -> dict:
    """Create an account; the password is stored as a scrypt hash."""
    username = clean_text(username, "title", filtered=False).lower()
    if " " in username or len(username) < 2:
        raise Refused("username_invalid")
    if role not in ROLES:
        raise Refused("role_invalid")
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise Refused("password_short", minimum=MIN_PASSWORD)
    if dbs.scalar(select(User).where(User.username == username)):
        raise Refused("username_taken")
    user = User(username=username, role=role,
                display_name=clean_text(display_name or username, "title", filtered=False),
                password_hash=_hash(password))
    dbs.add(user)
    dbs.flush()
    if commit:
        dbs.commit()
    return user_data(user)


def authenticate(dbs: Session, username: str, password: str) -> dict:
    """Return the user for a right username and password, or refuse."""
    name = (username or "").strip().lower() if isinstance(username, str) else ""
    password = password if isinstance(password, str) else ""
    user = dbs.scalar(select(User).where(User.username == name)) if name else None
    right = _matches(user.password_hash if user else None, password)
    if user is None or not right or user.role not in ROLES:
        raise Refused("login_failed")
    return user_data(user)


def session_key(user: User) -> str:
    """What a login session of this account must carry to be valid: it changes with a
    logout (the session version), a new password and another role."""
    text = f"{user.id}|{user.session_version}|{user.password_hash}|{user.role}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def session_user(dbs: Session, session) -> User | None:
    """The account of a login session (a Flask session), or None when the session was
    ended: logged out, the password changed, the role changed or taken away."""
    user = get_user(dbs, session.get("user_id"))
    if user is None or user.role not in ROLES:
        return None
    if not hmac.compare_digest(str(session.get("key") or ""), session_key(user)):
        return None
    return user


def end_sessions(dbs: Session, user_id: int) -> None:
    """End every login session of the account (all devices, copied cookies too)."""
    user = get_user(dbs, user_id)
    if user is not None:
        user.session_version = (user.session_version or 0) + 1
        dbs.commit()


def change_password(dbs: Session, user_id: int, current: str, new: str) -> User:
    """A new password after the current one; the account's other sessions end."""
    user = get_user(dbs, user_id)
    if user is None or not _matches(user.password_hash, current or ""):
        raise Refused("password_wrong")
    return set_password(dbs, user.username, new)


def set_password(dbs: Session, username: str, password: str) -> User:
    """Give an account a new password (command line, or after the current one)."""
    user = _by_name(dbs, username)
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise Refused("password_short", minimum=MIN_PASSWORD)
    user.password_hash = _hash(password)
    user.session_version = (user.session_version or 0) + 1
    dbs.commit()
    return user


def set_role(dbs: Session, username: str, role: str) -> User:
    """Give an account another role, or `none` to take its access away; its sessions end."""
    user = _by_name(dbs, username)
    if role not in (*ROLES, NO_ROLE):
        raise Refused("role_invalid")
    user.role = role
    user.session_version = (user.session_version or 0) + 1
    dbs.commit()
    return user


def _by_name(dbs: Session, username: str) -> User:
    user = dbs.scalar(select(User).where(User.username == (username or "").strip().lower()))
    if user is None:
        raise Refused("not_found")
    return user


def get_user(dbs: Session, user_id: int | None) -> User | None:
    """The user with this id, or None."""
    return dbs.get(User, user_id) if user_id else None


def user_data(user: User) -> dict:
    """Plain data of a user, without the hash."""
    return {"id": user.id, "username": user.username, "name": user.display_name,
            "role": user.role, "lang": user.lang}
