"""Retention: candidates consent to keeping their data until the decision plus RETENTION_DAYS_AFTER_DECISION
days; sessions never decided are kept RETENTION_DAYS_UNDECIDED days. Past that, they are erased.

Run by `flask --app api purge-expired` (schedule it daily in production) and hourly by `make dev`."""
import logging
import threading

from flask import Flask

from api import erasure
from api.db import get_db

log = logging.getLogger("miaomian.retention")


def purge_expired(app: Flask) -> int:
    """Erase every session past retention, one transaction each; returns how many were erased."""
    erased = 0
    with app.app_context():
        store = app.extensions["miaomian.storage"]
        expired = erasure.expired_sessions(get_db(), app.config["RETENTION_DAYS_AFTER_DECISION"],
                                           app.config["RETENTION_DAYS_UNDECIDED"])
        for row in expired:
            try:
                erasure.erase_session(get_db(), store, row.id, row.org_id, "system:retention", "retention.erased")
                erased += 1
            except erasure.AlreadyErased:  # the candidate erased it themselves meanwhile
                pass
            get_db().commit()
            get_db().begin()
    if erased:
        log.info("retention: erased %d sessions", erased)
    return erased


def start_sweeper(app: Flask, every_seconds: float = 3600) -> threading.Event:
    """A daemon thread that purges now and then every hour; set the returned event to stop it."""
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                purge_expired(app)
            except Exception:  # a failed sweep is retried at the next tick, never fatal to the server
                log.exception("retention sweep failed")
            stop.wait(every_seconds)

    threading.Thread(target=loop, name="miaomian-retention", daemon=True).start()
    return stop


def main_handler(event, context):
    """SCF timer trigger (deploy/scf/retention): one daily sweep with the API's configuration."""
    from api import create_app

    return {"erased": purge_expired(create_app())}
