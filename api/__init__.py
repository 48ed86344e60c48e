"""Miaomian API: the app factory. Nothing runs at import time."""
import os
from pathlib import Path

from flask import Flask

from api import config as config_module
from api.db import close_db, commit_before_response, make_engine


PRIVATE_UMASK = 0o077  # files the app creates are 0600, folders 0700 (recordings, SQLite, secrets)


def create_app(test_config: dict | None = None) -> Flask:
    """The API. Sets the process umask to 077 first: everything the app and its workers create (the
    instance folder, the SQLite database, dev-secrets.json, recordings and their folders) is private."""
    os.umask(PRIVATE_UMASK)
    instance_path = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("MIAOMIAN_INSTANCE_PATH")
    app = Flask(__name__, instance_path=instance_path and str(Path(instance_path).resolve()),
                instance_relative_config=True)
    Path(app.instance_path).mkdir(mode=0o700, parents=True, exist_ok=True)
    app.config.update(config_module.defaults(app.instance_path))
    app.config.update(config_module.from_environment())
    if test_config:
        app.config.update(test_config)
    config_module.ensure_secrets(app.config, app.instance_path)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    from api import protection
    protection.init_app(app)

    app.extensions["miaomian.engine"] = make_engine(app.config["DATABASE_URL"], app.config["DB_BUSY_TIMEOUT_SECONDS"])
    app.after_request(commit_before_response)
    app.teardown_appcontext(close_db)

    from api import storage
    app.extensions["miaomian.storage"] = storage.create_store(app.config)

    from api.openapi import create_api
    api = create_api(app)
    from api import (auth, auth_wechat, candidate, health, interviews, internal, invitations, jobs, orgs, referrals,
                     sessions, storage_routes, subscriptions, team)
    from api import inbox, privacy, report_shares
    for module in (auth, jobs, interviews, invitations, sessions, candidate, internal, storage_routes, auth_wechat,
                   referrals, orgs, team, subscriptions, inbox, privacy, report_shares):
        api.register_blueprint(module.bp)
    from api.analytics import routes as analytics_routes
    from api.calibration import routes as calibration_routes
    from api.judgement import declarations, routes as judgement_routes
    for module in (judgement_routes, declarations, analytics_routes, calibration_routes):
        api.register_blueprint(module.bp)
    api.register_blueprint(invitations.manage_bp)
    app.register_blueprint(health.bp)
    from api import web  # the browser fallback for candidates outside WeChat: GET /i/<token>
    app.register_blueprint(web.bp)

    from api import cli
    cli.register(app)
    return app
