"""Live-session server for youth-participation workshops."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: settings, database (migrated), translations, pages and sockets."""
    # Imported here, not at the top: `workshop serve` in gevent mode patches the standard
    # library before anything imports sockets, threads or ssl.
    from flask import Flask
    from flask_socketio import SocketIO

    from . import config as config_module
    from . import i18n, live, web
    from .services.plan_library import PlanLibrary
    from .store.db import Database

    settings = config_module.load(overrides)
    root = config_module.ROOT
    app = Flask(__name__, template_folder=str(root / "templates"),
                static_folder=str(root / "static"))
    app.config.update(settings)
    app.config.update(SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True,
                      TEMPLATES_AUTO_RELOAD=True)
    db = Database(settings["DATABASE_URL"])
    db.upgrade()
    app.extensions["db"] = db
    app.extensions["plans"] = PlanLibrary(settings["PLANS_DIR"], settings["OWN_PLANS_DIR"])
    i18n.init_app(app)
    web.init_app(app)
    from .web import privacy
    from .web import settings as settings_pages

    app.register_blueprint(privacy.bp)  # public: the privacy page
    app.register_blueprint(settings_pages.bp)  # the admin's settings
    socketio = SocketIO(app, async_mode=settings["ASYNC_MODE"],
                        message_queue=settings["MESSAGE_QUEUE"],
                        channel=settings["MESSAGE_CHANNEL"],
                        max_http_buffer_size=settings["SOCKET_BUFFER_BYTES"],
                        ping_interval=10, ping_timeout=20,
                        manage_session=False)
    live.init_app(app, socketio)
    from .web import guard

    guard.init_sockets(app, socketio)  # same-origin sockets; the proxy's headers
    app.extensions["workshop_socketio"] = socketio
    return app
