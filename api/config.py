"""Configuration: defaults, then MIAOMIAN_* environment variables, then the test config.

Production refuses to start without its secrets; development generates them once and keeps them in the
instance folder so that restarts keep tokens, signed URLs and encrypted data valid.
"""
import json
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

SECRET_NAMES = ("SECRET_KEY", "HMAC_KEY", "DATA_KEY")


class ConfigError(RuntimeError):
    """The app cannot start with this configuration; the message says what to set."""


def defaults(instance_path: str) -> dict:
    return {
        "ENV": "production",
        "DATABASE_URL": f"sqlite:///{Path(instance_path) / 'miaomian.sqlite3'}",
        "STORAGE": "local",
        "STORAGE_ROOT": str(Path(instance_path) / "storage"),
        "PUBLIC_URL": "http://127.0.0.1:5000",
        "DEV_LOGIN": False,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "UPLOAD_MAX_BYTES": 50 * 1024 * 1024,
        "UPLOAD_URL_SECONDS": 15 * 60,
        "MEDIA_URL_SECONDS": 60 * 60,
        "TOKEN_TTL_SECONDS": 7 * 24 * 3600,
        "INVITATION_TTL_DAYS": 14,
        "MAX_INVITATIONS_PER_CALL": 500,
        "PRIVACY_VERSION": "2026-11",
        "RETENTION_DAYS_AFTER_DECISION": 180,
        "RETENTION_DAYS_UNDECIDED": 365,
        "TRIGGER_WORKERS": 2,
        "TRIGGER_LEASE_SECONDS": 300,
        "TRIGGER_MAX_ATTEMPTS": 3,
        "TRIGGER_BACKOFF_SECONDS": 2.0,
        "TRIGGER_SHUTDOWN_SECONDS": 8.0,
        "HEALTH_MAX_PENDING_SECONDS": 60,
        "SWEEP_INTERVAL_SECONDS": 30,
        "SWEEP_AFTER_SECONDS": 120,
        "SWEEP_MAX_REQUEUES": 3,
        "SWEEP_ORPHAN_SECONDS": 600,
    }


def from_environment(prefix: str = "MIAOMIAN_") -> dict:
    """Every MIAOMIAN_X variable becomes config X; JSON values (numbers, booleans) are decoded."""
    values = {}
    for name, raw in os.environ.items():
        if not name.startswith(prefix):
            continue
        try:
            values[name[len(prefix):]] = json.loads(raw)
        except ValueError:
            values[name[len(prefix):]] = raw
    return values


def ensure_secrets(config: dict, instance_path: str) -> None:
    missing = [name for name in SECRET_NAMES if not config.get(name)]
    if not missing:
        return
    if config["ENV"] == "production":
        raise ConfigError(
            "Refusing to start in production without "
            + ", ".join(f"MIAOMIAN_{name}" for name in missing)
            + ". Set them in the environment (DATA_KEY is a Fernet key: "
            "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'), "
            "or set MIAOMIAN_ENV=development for a local run."
        )
    secrets_file = Path(instance_path) / "dev-secrets.json"
    stored = json.loads(secrets_file.read_text()) if secrets_file.exists() else {}
    for name in SECRET_NAMES:
        if not stored.get(name):
            stored[name] = Fernet.generate_key().decode() if name == "DATA_KEY" else secrets.token_hex(32)
    secrets_file.parent.mkdir(parents=True, exist_ok=True)
    secrets_file.write_text(json.dumps(stored, indent=2))
    secrets_file.chmod(0o600)
    for name in missing:
        config[name] = stored[name]
