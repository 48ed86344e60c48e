"""Configuration: defaults, then MIAOMIAN_* environment variables, then the test config.

The configuration fails closed: an unknown MIAOMIAN_ENV, a setting that is not of its type, or, in
production, development sign-in, a key shorter than 32 bytes or an invalid Fernet DATA_KEY stop the start
with a ConfigError that names the variable. Production refuses to start without its secrets; development
(and test) generates them once and keeps them in the instance folder so that restarts keep tokens, signed
URLs and encrypted data valid.
"""
import json
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

SECRET_NAMES = ("SECRET_KEY", "HMAC_KEY", "DATA_KEY")
ENVIRONMENTS = ("production", "development", "test")
MIN_KEY_BYTES = 32
MIN_DISTINCT_KEY_CHARACTERS = 10  # token_hex(32) has ~16; 'aaaa…' or spaces have 1
# Numeric settings that must be above zero (the others must not be negative): a negative retention would erase
# every candidate at the next purge, a negative size would refuse every upload.
POSITIVE_SETTINGS = ("MAX_CONTENT_LENGTH", "UPLOAD_MAX_BYTES", "UPLOAD_URL_SECONDS", "MEDIA_URL_SECONDS",
                     "TOKEN_TTL_SECONDS", "INVITATION_TTL_DAYS", "MAX_INVITATIONS_PER_CALL", "TRIGGER_WORKERS",
                     "TRIGGER_LEASE_SECONDS", "TRIGGER_MAX_ATTEMPTS", "SWEEP_INTERVAL_SECONDS", "REPORT_SHARE_DAYS")
TRUE_WORDS, FALSE_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


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
        "PRIVACY_VERSION": "2026-11-29",
        "RETENTION_DAYS_AFTER_DECISION": 180,
        "RETENTION_DAYS_UNDECIDED": 365,
        "DEADLINE_GRACE_MINUTES": 120,  # a started interview may finish this long after its deadline
        # Answer time is enforced by the server (api/answer_time.py): a recording started this long after the think
        # deadline is late (timed from the deadline); audio this much longer than the answer limit is flagged.
        "START_TOLERANCE_SECONDS": 5,
        "ANSWER_TOLERANCE_SECONDS": 5,
        "STALL_HOURS": 24,  # a started session silent this long reads "之后没有动静" and lands in HR's inbox
        "REPORT_SHARE_DAYS": 7,
        "TRIGGER_WORKERS": 2,
        "TRIGGER_LEASE_SECONDS": 300,
        "TRIGGER_MAX_ATTEMPTS": 3,
        "TRIGGER_BACKOFF_SECONDS": 2.0,
        "TRIGGER_SHUTDOWN_SECONDS": 8.0,
        # One analysis may run this long before its worker is killed (api/trigger.py AnalysisWatch):
        # TRIGGER_ANALYSIS_SECONDS + TRIGGER_ANALYSIS_FACTOR × the answer's longest duration (its question's
        # answer_seconds). A hung ffmpeg or Vosk keeps the lease alive, so only this bound catches it.
        "TRIGGER_ANALYSIS_SECONDS": 60.0,
        "TRIGGER_ANALYSIS_FACTOR": 3.0,
        "HEALTH_MAX_PENDING_SECONDS": 60,
        "SWEEP_INTERVAL_SECONDS": 30,
        "SWEEP_AFTER_SECONDS": 120,
        "SWEEP_MAX_REQUEUES": 3,
        "SWEEP_ORPHAN_SECONDS": 600,
        "TRUSTED_PROXIES": 0,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_KEY_PREFIX": "miaomian",
        "DB_RETRY_AFTER_SECONDS": 10,
        "DB_BUSY_TIMEOUT_SECONDS": 30.0,
    }


def _typed_settings() -> dict:
    """Every setting with a known type: its default (str, int, float, bool, dict)."""
    from api.wechat import DEFAULTS as WECHAT_DEFAULTS

    return {**defaults("."), **WECHAT_DEFAULTS, "WECHAT_TEMPLATE_FIELDS": {}}


def _decode(name: str, raw: str, default):
    """A variable's text as the type of its default; anything without a typed default stays a string, so a
    secret such as MIAOMIAN_HMAC_KEY=12345678 is the string "12345678", never a number."""
    variable = f"MIAOMIAN_{name}"
    if isinstance(default, bool):
        word = raw.strip().lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        raise ConfigError(f"{variable} must be true or false (1/0, yes/no), not {raw!r}.")
    if isinstance(default, int):
        try:
            return int(raw.strip())
        except ValueError:
            raise ConfigError(f"{variable} must be a whole number, not {raw!r}.") from None
    if isinstance(default, float):
        try:
            return float(raw.strip())
        except ValueError:
            raise ConfigError(f"{variable} must be a number, not {raw!r}.") from None
    if isinstance(default, dict):
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise ConfigError(f"{variable} must be a JSON object, not {raw!r}.")
        return value
    return raw


def from_environment(prefix: str = "MIAOMIAN_") -> dict:
    """Every MIAOMIAN_X variable becomes config X, decoded by the type of X's default (strings otherwise)."""
    typed = _typed_settings()
    return {name[len(prefix):]: _decode(name[len(prefix):], raw, typed.get(name[len(prefix):]))
            for name, raw in os.environ.items() if name.startswith(prefix)}


def check(config: dict) -> None:
    """Refuse a configuration that would run open: raises ConfigError naming the variable to fix."""
    env = config.get("ENV")
    if env not in ENVIRONMENTS:
        raise ConfigError(f"MIAOMIAN_ENV must be one of {', '.join(ENVIRONMENTS)} (exactly, in lower case), "
                          f"not {env!r}: refusing to guess whether this is production.")
    for name in SECRET_NAMES:
        value = config.get(name)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"MIAOMIAN_{name} must be a string.")
    for name, default in defaults(".").items():
        value = config.get(name)
        if isinstance(default, bool) or not isinstance(default, (int, float)) or not isinstance(value, (int, float)):
            continue
        if value < 0 or (name in POSITIVE_SETTINGS and value <= 0):
            raise ConfigError(f"MIAOMIAN_{name} is {value}: it must be "
                              f"{'above zero' if name in POSITIVE_SETTINGS else 'zero or more'}.")
    if config.get("DATA_KEY"):
        try:
            Fernet(config["DATA_KEY"].encode())
        except (ValueError, TypeError):
            raise ConfigError("MIAOMIAN_DATA_KEY is not a Fernet key (32 url-safe base64-encoded bytes): make one "
                              "with python -c 'from cryptography.fernet import Fernet; "
                              "print(Fernet.generate_key().decode())'.") from None
    if env != "production":
        return
    if config.get("DEV_LOGIN"):
        raise ConfigError("MIAOMIAN_DEV_LOGIN is set in production: development sign-in lets anyone act as HR "
                          "of any organisation. Unset it (or run with MIAOMIAN_ENV=development).")
    for name in ("SECRET_KEY", "HMAC_KEY"):
        if config.get(name) and len(config[name].encode()) < MIN_KEY_BYTES:
            raise ConfigError(f"MIAOMIAN_{name} is {len(config[name].encode())} bytes; production needs at least "
                              f"{MIN_KEY_BYTES} random bytes (python -c 'import secrets; print(secrets.token_hex(32))').")
    for name in ("SECRET_KEY", "HMAC_KEY"):
        if config.get(name) and len(set(config[name].strip())) < MIN_DISTINCT_KEY_CHARACTERS:
            raise ConfigError(f"MIAOMIAN_{name} has almost no randomness (fewer than {MIN_DISTINCT_KEY_CHARACTERS} "
                              "different characters): use a random value "
                              "(python -c 'import secrets; print(secrets.token_hex(32))').")
    keys = [config.get(name) for name in ("SECRET_KEY", "HMAC_KEY", "DATA_KEY")]
    if any(keys) and len({key for key in keys if key}) < len([key for key in keys if key]):
        raise ConfigError("MIAOMIAN_SECRET_KEY, MIAOMIAN_HMAC_KEY and MIAOMIAN_DATA_KEY must be three different "
                          "random values: one leaked key must not unlock the others.")
    for name in ("SECRET_KEY", "HMAC_KEY"):
        if config.get(name) and "$(" in config[name]:
            raise ConfigError(f"MIAOMIAN_{name} looks like an unexpanded shell command, not a random key: generate "
                              "the value and put the value itself in the environment.")


def ensure_secrets(config: dict, instance_path: str) -> None:
    check(config)
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
    descriptor = os.open(secrets_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(json.dumps(stored, indent=2))
    secrets_file.chmod(0o600)
    for name in missing:
        config[name] = stored[name]
