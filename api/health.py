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
    try:
        from functions.analyze import models_status
    except ImportError as error:
        return {"ok": False, "error": f"analyzer unavailable: {error}"}
    return models_status()
