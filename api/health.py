"""GET /healthz: the state of the database, the storage and the analysis models."""
from flask import Blueprint, current_app

from api.db import get_db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    checks = {"db": _check_db(), "storage": current_app.extensions["miaomian.storage"].health(),
              "models": _check_models()}
    healthy = checks["db"]["ok"] and checks["storage"]["ok"]
    return {"status": "ok" if healthy else "degraded", **checks}, 200 if healthy else 503


def _check_db():
    try:
        get_db().exec_driver_sql("SELECT 1")
        return {"ok": True, "backend": get_db().dialect.name}
    except Exception as error:  # the health check reports any failure rather than raising it
        return {"ok": False, "error": str(error)[:200]}


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
