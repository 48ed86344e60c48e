"""GET /healthz never raises: a missing model or an unreachable object store is a part down — 503
{"status": "degraded"} with a code — and the answer names no path, host or port."""
import json

from functions.analyze import asr, vad
from functions.analyze.errors import ModelMissing


def _no_details(body: dict, *secrets: str) -> None:
    text = json.dumps(body, ensure_ascii=False)
    for secret in secrets:
        assert secret not in text, f"{secret!r} leaked into /healthz: {text}"


def test_missing_vad_and_asr_models_are_503_model_missing_not_500(client, monkeypatch):
    """As in the packaged web function run with MIAOMIAN_STORAGE=local: silero-vad and no Vosk model."""
    def no_vad():
        raise ModelMissing("the Silero VAD model is not installed: /var/user/secret/path")

    def no_asr(language, settings):
        raise ModelMissing(f"/var/user/secret/path/{language} is not a Vosk model")

    monkeypatch.setattr(vad, "model_path", no_vad)
    monkeypatch.setattr(asr, "resolve_model", no_asr)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json["status"] == "degraded"
    models = response.json["models"]
    assert models["ok"] is False and models["error"] == "model_missing" and models["vad"] is False
    assert all(entry == {"ok": False, "missing": True, "reason": models["reason"]}
               for entry in models["asr"].values()) and models["asr"]
    assert response.json["db"]["ok"] is True and response.json["storage"]["ok"] is True
    _no_details(response.json, "/var/user", "secret")


def test_analyzer_that_cannot_be_imported_is_model_missing(client, monkeypatch):
    """The packaged web function carries no vosk/onnxruntime: an ImportError is reported, not raised."""
    import functions.analyze.settings as settings

    def broken():
        raise ImportError("No module named 'vosk'")

    monkeypatch.setattr(settings.Settings, "from_env", staticmethod(broken))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["models"]["error"] == "model_missing" and response.json["models"]["vad"] is False


def test_models_present_keep_health_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["models"]["ok"] is True
    assert "error" not in response.json["models"]
