"""Configuration that fails closed (issue 9, item 4), and the modes of the files the app creates."""
import secrets
import stat

import pytest
from cryptography.fernet import Fernet

from api import create_app
from api.config import ConfigError, from_environment

GOOD = {"SECRET_KEY": secrets.token_hex(32), "HMAC_KEY": secrets.token_hex(32), "DATA_KEY": Fernet.generate_key().decode()}


def production(tmp_path, **overrides):
    return create_app({"ENV": "production", "INSTANCE_PATH": str(tmp_path / "instance"),
                       "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **GOOD, **overrides})


def test_production_with_good_secrets_starts(tmp_path):
    app = production(tmp_path)
    assert app.config["ENV"] == "production" and not app.config["DEV_LOGIN"]


@pytest.mark.parametrize("env", ["prod", "Production", "PRODUCTION", "dev", "staging", " production", ""])
def test_unknown_environment_names_are_refused(tmp_path, monkeypatch, env):
    monkeypatch.setenv("MIAOMIAN_ENV", env)
    with pytest.raises(ConfigError, match="MIAOMIAN_ENV must be one of production, development, test"):
        create_app({"INSTANCE_PATH": str(tmp_path)})


@pytest.mark.parametrize("env", ["production", "development", "test"])
def test_the_three_environment_names_start(tmp_path, monkeypatch, env):
    monkeypatch.setenv("MIAOMIAN_ENV", env)
    for name, value in GOOD.items():
        monkeypatch.setenv(f"MIAOMIAN_{name}", value)
    assert create_app({"INSTANCE_PATH": str(tmp_path)}).config["ENV"] == env


def test_production_refuses_development_sign_in(tmp_path, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_DEV_LOGIN", "1")
    with pytest.raises(ConfigError, match="MIAOMIAN_DEV_LOGIN"):
        production(tmp_path)


@pytest.mark.parametrize("name", ["SECRET_KEY", "HMAC_KEY"])
@pytest.mark.parametrize("value", ["k", "x" * 31, "密钥" * 5])
def test_production_refuses_short_keys(tmp_path, name, value):
    with pytest.raises(ConfigError, match=f"MIAOMIAN_{name} is .* bytes; production needs at least 32"):
        production(tmp_path, **{name: value})


@pytest.mark.parametrize("env", ["production", "development"])
@pytest.mark.parametrize("value", ["not-a-fernet-key", "x" * 44, "12345"])
def test_an_invalid_fernet_data_key_is_refused(tmp_path, env, value):
    with pytest.raises(ConfigError, match="MIAOMIAN_DATA_KEY is not a Fernet key"):
        create_app({**GOOD, "ENV": env, "INSTANCE_PATH": str(tmp_path), "DATA_KEY": value})


def test_numeric_looking_secrets_stay_strings(tmp_path, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_ENV", "production")
    monkeypatch.setenv("MIAOMIAN_SECRET_KEY", "1234567890" * 4)
    monkeypatch.setenv("MIAOMIAN_HMAC_KEY", "12345678901234567890123456789012345678901e5")
    monkeypatch.setenv("MIAOMIAN_DATA_KEY", GOOD["DATA_KEY"])
    monkeypatch.setenv("MIAOMIAN_COS_SECRET_KEY", "true")
    monkeypatch.setenv("MIAOMIAN_WECHAT_SECRET", "null")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    assert app.config["SECRET_KEY"] == "1234567890" * 4
    assert app.config["HMAC_KEY"] == "12345678901234567890123456789012345678901e5"
    assert app.config["COS_SECRET_KEY"] == "true" and app.config["WECHAT_SECRET"] == "null"


def test_typed_settings_are_decoded_by_their_type_and_bad_values_named(monkeypatch):
    monkeypatch.setenv("MIAOMIAN_UPLOAD_MAX_BYTES", "12345")
    monkeypatch.setenv("MIAOMIAN_TRIGGER_BACKOFF_SECONDS", "0.5")
    monkeypatch.setenv("MIAOMIAN_DEV_LOGIN", "false")
    monkeypatch.setenv("MIAOMIAN_WECHAT_QR_CHECK_PATH", "0")
    monkeypatch.setenv("MIAOMIAN_WECHAT_TEMPLATE_FIELDS", '{"report_ready": {"thing1": "company"}}')
    values = from_environment()
    assert values["UPLOAD_MAX_BYTES"] == 12345 and values["TRIGGER_BACKOFF_SECONDS"] == 0.5
    assert values["DEV_LOGIN"] is False and values["WECHAT_QR_CHECK_PATH"] is False
    assert values["WECHAT_TEMPLATE_FIELDS"] == {"report_ready": {"thing1": "company"}}
    monkeypatch.setenv("MIAOMIAN_TRIGGER_WORKERS", "two")
    with pytest.raises(ConfigError, match="MIAOMIAN_TRIGGER_WORKERS must be a whole number"):
        from_environment()
    monkeypatch.setenv("MIAOMIAN_TRIGGER_WORKERS", "2")
    monkeypatch.setenv("MIAOMIAN_DEV_LOGIN", "maybe")
    with pytest.raises(ConfigError, match="MIAOMIAN_DEV_LOGIN must be true or false"):
        from_environment()


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_instance_files_and_recordings_are_private(tmp_path, aac_bytes):
    from tests.api import flow
    from tests.conftest import AuthActions

    app = create_app({"ENV": "development", "DEV_LOGIN": True, "INSTANCE_PATH": str(tmp_path / "instance"),
                      "STORAGE_ROOT": str(tmp_path / "instance" / "storage"), "PUBLIC_URL": "http://localhost"})
    from api import db
    db.migrate(app.extensions["miaomian.engine"])
    client = app.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=1)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    question = flow.start(client, token)["questions"][0]["id"]
    key = flow.answer(client, token, question, aac_bytes)
    instance = tmp_path / "instance"
    assert mode(instance) == 0o700
    assert mode(instance / "dev-secrets.json") == 0o600
    assert mode(instance / "miaomian.sqlite3") == 0o600
    for suffix in ("-wal", "-shm"):
        if (instance / f"miaomian.sqlite3{suffix}").exists():
            assert mode(instance / f"miaomian.sqlite3{suffix}") == 0o600
    recording = instance / "storage" / key
    assert recording.is_file() and mode(recording) == 0o600
    folder = recording.parent
    while folder != instance:
        assert mode(folder) == 0o700, folder
        folder = folder.parent
    app.extensions["miaomian.engine"].dispose()


def test_production_refuses_one_value_for_two_keys(tmp_path):
    with pytest.raises(ConfigError, match="three different random values"):
        production(tmp_path, HMAC_KEY=GOOD["SECRET_KEY"])


@pytest.mark.parametrize("name", ["SECRET_KEY", "HMAC_KEY"])
def test_production_refuses_an_unexpanded_shell_command_as_a_key(tmp_path, name):
    """A .env loader does not run $(...): the literal command text is long enough but public."""
    literal = "$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    with pytest.raises(ConfigError, match="unexpanded shell command"):
        production(tmp_path, **{name: literal})


@pytest.mark.parametrize("name", ["SECRET_KEY", "HMAC_KEY"])
@pytest.mark.parametrize("value", [" " * 40, "a" * 40, "ab" * 20])
def test_production_refuses_keys_without_randomness(tmp_path, name, value):
    with pytest.raises(ConfigError, match="almost no randomness"):
        production(tmp_path, **{name: value})


@pytest.mark.parametrize("env", ["production", "development"])
@pytest.mark.parametrize("name, value", [("RETENTION_DAYS_UNDECIDED", -5), ("RETENTION_DAYS_AFTER_DECISION", -1),
                                         ("UPLOAD_MAX_BYTES", -1), ("UPLOAD_MAX_BYTES", 0), ("TRIGGER_WORKERS", 0),
                                         ("TRIGGER_BACKOFF_SECONDS", -0.5)])
def test_numbers_that_make_no_sense_are_refused(tmp_path, env, name, value):
    """A negative retention would erase every candidate at the next purge; a size of 0 refuses every upload."""
    with pytest.raises(ConfigError, match=f"MIAOMIAN_{name} is"):
        create_app({**GOOD, "ENV": env, "INSTANCE_PATH": str(tmp_path), name: value})


def test_zero_retention_stays_allowed(tmp_path):
    assert create_app({**GOOD, "ENV": "development", "INSTANCE_PATH": str(tmp_path),
                       "RETENTION_DAYS_UNDECIDED": 0}).config["RETENTION_DAYS_UNDECIDED"] == 0
