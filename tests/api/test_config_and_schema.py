import json

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from api import create_app, db
from api.config import ConfigError
from api.schema import metadata


def test_production_refuses_to_start_without_secrets(tmp_path, monkeypatch):
    for name in ("SECRET_KEY", "HMAC_KEY", "DATA_KEY"):
        monkeypatch.delenv(f"MIAOMIAN_{name}", raising=False)
    with pytest.raises(ConfigError, match="MIAOMIAN_SECRET_KEY, MIAOMIAN_HMAC_KEY, MIAOMIAN_DATA_KEY"):
        create_app({"ENV": "production", "INSTANCE_PATH": str(tmp_path)})


def test_development_generates_secrets_once_and_keeps_them(tmp_path):
    first = create_app({"ENV": "development", "INSTANCE_PATH": str(tmp_path)})
    second = create_app({"ENV": "development", "INSTANCE_PATH": str(tmp_path)})
    for name in ("SECRET_KEY", "HMAC_KEY", "DATA_KEY"):
        assert first.config[name] and first.config[name] == second.config[name]
    stored = json.loads((tmp_path / "dev-secrets.json").read_text())
    assert stored["HMAC_KEY"] == first.config["HMAC_KEY"]
    assert (tmp_path / "dev-secrets.json").stat().st_mode & 0o077 == 0


def test_environment_variables_configure_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_UPLOAD_MAX_BYTES", "12345")
    monkeypatch.setenv("MIAOMIAN_PUBLIC_URL", "https://hr.example.cn")
    app = create_app({"ENV": "development", "INSTANCE_PATH": str(tmp_path)})
    assert app.config["UPLOAD_MAX_BYTES"] == 12345
    assert app.config["PUBLIC_URL"] == "https://hr.example.cn"


def test_sql_folder_holds_the_mysql_ddl_of_every_migration():
    expected = {name: db.sql_file_text(name, sql) for name, sql in db.mysql_ddl_of_revisions().items()}
    actual = {path.stem: path.read_text() for path in db.SQL_DIR.glob("*.sql")}
    assert actual == expected, "sql/ is stale: run `flask --app api write-sql`"


def test_migrated_database_matches_the_schema(app):
    with app.extensions["miaomian.engine"].connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_mysql_tables_are_innodb_utf8mb4(app):
    engine = app.extensions["miaomian.engine"]
    if engine.dialect.name != "mysql":
        pytest.skip("table engine and charset exist on MySQL only")
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT table_name, engine, table_collation FROM information_schema.tables WHERE table_schema = DATABASE()"))
        tables = {row[0]: (row[1], row[2]) for row in rows}
    assert set(metadata.tables) <= set(tables)
    for name in metadata.tables:
        assert tables[name][0] == "InnoDB" and tables[name][1].startswith("utf8mb4"), name


def test_migrate_is_idempotent(app):
    db.migrate(app.extensions["miaomian.engine"])
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.text("SELECT COUNT(*) FROM alembic_version")) == 1


def test_health_reports_db_storage_and_models(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["db"]["ok"] is True
    assert response.json["storage"]["ok"] is True
    models = response.json["models"]
    assert models["vad"] is True and models["asr"]["ko"]["ok"] is True
    for language in ("zh", "en"):
        entry = models["asr"][language]
        assert entry["ok"] or (entry["missing"] is True and "make models" in entry["reason"])


def test_openapi_documents_every_api_route(app, client):
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.")
    documented = {path for path in spec["paths"]}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and rule.endpoint != "api-docs.openapi_json":
            path = rule.rule
            for argument in rule.arguments:
                path = path.replace(f"<int:{argument}>", f"{{{argument}}}").replace(f"<{argument}>", f"{{{argument}}}")
            assert path in documented, f"{rule.rule} missing from the OpenAPI document"
