"""Grown-up accounts: leaders (and later advisors, partners, admins) who log in."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..store.models import User

ROLES = ("admin", "leader", "advisor", "partner")
MIN_PASSWORD = 8


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
                password_hash=generate_password_hash(password, method="scrypt"))
    dbs.add(user)
    dbs.flush()
    if commit:
        dbs.commit()
    return user_data(user)


def authenticate(dbs: Session, username: str, password: str) -> dict:
    """Return the user for a right username and password, or refuse."""
    user = dbs.scalar(select(User).where(User.username == (username or "").strip().lower()))
    if user is None or not check_password_hash(user.password_hash, password or ""):
        raise Refused("login_failed")
    return user_data(user)


def get_user(dbs: Session, user_id: int | None) -> User | None:
    """The user with this id, or None."""
    return dbs.get(User, user_id) if user_id else None


def user_data(user: User) -> dict:
    """Plain data of a user, without the hash."""
    return {"id": user.id, "username": user.username, "name": user.display_name,
            "role": user.role, "lang": user.lang}
