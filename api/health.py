"""GET /healthz: the state of the database, the storage, the analysis workers and the models.

200 {"status": "ok", ...} when every part works, 503 {"status": "degraded", ...} when one is down (db,
storage, analysis, or — where this process analyses locally — models: {"ok": false, "error":
"model_missing"}). It never raises, and says what is wrong in plain codes, never a driver's error, a
path, a host or a port (anyone may call it).
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
    healthy = all(checks[part]["ok"] for part in ("db", "storage", "analysis", "models"))
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


MODELS_ADVICE = "install the models: `make models` (python -m models.fetch), or deploy with the models layer"


def _check_models():
    """Which speech models the local analyzer would find. Never raises: a model that cannot be found or
    loaded (ModelMissing, a package the web function does not carry) is reported as {"ok": False, "error":
    "model_missing"} with fixed advice, never its exception text (paths); the models part is down when the
    VAD model or every ASR model is missing. One language's missing model is {"ok": False, "missing": True}:
    its answers go to a person, the system is not down.

    With COS storage the analysis runs in the analyzer function (its models are in its layer), and the API
    web function does not carry the analysis packages: nothing to check here."""
    if current_app.config.get("STORAGE") == "cos":
        return {"ok": True, "checked": False, "where": "the analyzer function (SCF), with its models layer"}
    missing = {"ok": False, "error": "model_missing", "reason": MODELS_ADVICE}
    try:
        from functions.analyze import asr, vad
        from functions.analyze.settings import LANGUAGES, Settings

        settings = Settings.from_env()
    except Exception:  # the analysis packages are absent (e.g. the packaged web function): all models missing
        current_app.logger.warning("health: the analyzer cannot be imported", exc_info=True)
        return {**missing, "vad": False, "asr": {}}
    asr_models = {}
    for language in LANGUAGES:
        try:
            asr_models[language] = {"ok": True, "model": asr.resolve_model(language, settings)[1]}
        except Exception:  # ModelMissing, or anything else: reported, not raised (answers in that language
            current_app.logger.info("health: no %s speech model", language)  # go to a person, never fail)
            asr_models[language] = {"ok": False, "missing": True, "reason": MODELS_ADVICE}
    try:
        vad_ok = vad.model_path().is_file()
    except Exception:  # ModelMissing (silero-vad not installed) or an unreadable path
        current_app.logger.warning("health: the VAD model is missing", exc_info=True)
        vad_ok = False
    ok = vad_ok and any(item["ok"] for item in asr_models.values())
    return {"ok": ok, "vad": vad_ok, "asr": asr_models,
            **({} if ok else {"error": "model_missing", "reason": MODELS_ADVICE})}
