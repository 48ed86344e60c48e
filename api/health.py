"""GET /healthz: the state of the database, the storage, the analysis workers and the models.

200 {"status": "ok", ...} when every part works, 503 {"status": "degraded", ...} when one is down. It says
what is wrong in plain codes, never a driver's error, a host or a port (anyone may call it).
"""
import sqlalchemy as sa
from flask import Blueprint, current_app

from api import events
from api.db import get_db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    database = _check_db()
    checks = {"db": database, "storage": _check_storage(), "analysis": _check_analysis(database["ok"]),
              "models": _check_models()}
    healthy = all(checks[part]["ok"] for part in ("db", "storage", "analysis"))
    return {"status": "ok" if healthy else "degraded", **checks}, 200 if healthy else 503


def _check_db():
    try:
        get_db().exec_driver_sql("SELECT 1")
        return {"ok": True, "backend": get_db().dialect.name}
    except Exception:  # the health check reports any failure rather than raising it, without its details
        current_app.logger.warning("health: database check failed", exc_info=True)
        return {"ok": False, "error": "unavailable"}


def _check_storage():
    state = current_app.extensions["miaomian.storage"].health()
    if not state.get("ok"):
        current_app.logger.warning("health: storage check failed: %s", state.get("error"))
        return {"ok": False, "backend": state.get("backend"), "error": "unavailable"}
    return {key: value for key, value in state.items() if key in ("ok", "backend", "free_mb")}


def _check_analysis(db_ok: bool):
    """Local trigger: live workers (heartbeats within 15 s) and the oldest event waiting for one. Down when
    an event has waited longer than HEALTH_MAX_PENDING_SECONDS and no worker is alive to take it."""
    from api.trigger import workers_alive

    if current_app.config["STORAGE"] != "local":
        return {"ok": True, "runner": "scf"}
    if not db_ok:
        return {"ok": False, "runner": "local", "error": "unavailable"}
    try:
        alive = workers_alive(get_db())
        oldest = events.oldest_pending_seconds(get_db())
    except sa.exc.SQLAlchemyError:
        return {"ok": False, "runner": "local", "error": "unavailable"}
    stalled = oldest is not None and oldest > current_app.config["HEALTH_MAX_PENDING_SECONDS"] and alive == 0
    return {"ok": not stalled, "runner": "local", "workers_alive": alive,
            "oldest_pending_seconds": None if oldest is None else round(oldest, 1),
            **({"error": "no_workers"} if stalled else {})}


def _check_models():
    """Which speech models the local analyzer would find; a missing language is reported, not fatal.

    With COS storage the analysis runs in the analyzer function (its models are in its layer), and the API
    web function does not carry the analysis packages: nothing to check here."""
    if current_app.config.get("STORAGE") == "cos":
        return {"ok": True, "checked": False, "where": "the analyzer function (SCF), with its models layer"}
    from functions.analyze import asr, vad
    from functions.analyze.errors import ModelMissing
    from functions.analyze.settings import LANGUAGES, Settings

    settings = Settings.from_env()
    asr_models = {}
    for language in LANGUAGES:
        try:
            asr_models[language] = {"ok": True, "model": asr.resolve_model(language, settings)[1]}
        except ModelMissing as missing:
            asr_models[language] = {"ok": False, "reason": str(missing)}
    vad_ok = vad.model_path().is_file()
    return {"ok": vad_ok and any(item["ok"] for item in asr_models.values()), "vad": vad_ok, "asr": asr_models}
