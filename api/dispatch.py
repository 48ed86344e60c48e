"""Handing an uploaded object to the analyzer again (the sweeper's re-queue, api/sweeper.py).

    requeue(key) -> None

Locally (the local store, whose trigger polls the storage_events table) this records a new pending
COS-shaped ObjectCreated event for the key in the current app's database connection. With COS the analyzer is
an SCF function triggered by COS itself; re-queueing there invokes it through SCF's Invoke API, async, with
the same event shape (api/scf_invoke.py), so SCF's retries and dead-letter queue apply.
Runs inside an app context; the caller commits.
"""
from flask import current_app

from api import events
from api.db import get_db
from api.storage import content_type_of


def requeue(key: str) -> None:
    """Queue one more analysis of the object under key (size 0 when the object is missing: the analyzer then
    reports it as unreadable and the answer fails with that reason)."""
    if current_app.config.get("STORAGE") == "cos":
        from api import scf_invoke

        scf_invoke.requeue(key)
        return
    store = current_app.extensions["miaomian.storage"]
    path = store.path_of(key) if hasattr(store, "path_of") else None
    size = path.stat().st_size if path is not None and path.is_file() else 0
    event = store.created_event(key, size, content_type_of(key))
    events.record(get_db(), key, event)
