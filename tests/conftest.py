"""Fixtures in the flaskr style: every API test runs on SQLite and on MariaDB/MySQL through pymysql.

The MySQL leg uses a scratch database created and dropped per run. Locally it is skipped, with a message,
when no server answers at 127.0.0.1:3306; with CI=true it must run.
"""
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from api import create_app, db
from api.trigger import LocalTrigger, function_environment, trigger_config
from api.schema import metadata
from tests.servers import free_port
from tests.scratch_mariadb import scratch_database


@pytest.fixture(scope="session")
def mysql_url():
    with scratch_database("miaomian_test", needed_by="MySQL leg") as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "miaomian.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.migrate(engine)
    engine.dispose()
    return path


def _empty_tables(url: str) -> None:
    engine = db.make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())
        connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")
    engine.dispose()


@pytest.fixture(params=["sqlite", "mysql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        path = tmp_path / "miaomian.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("mysql_url")
    _empty_tables(url)
    return url


def make_app(database_url, tmp_path, **overrides):
    config = {"ENV": "development", "TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"),
              "DATABASE_URL": database_url, "DEV_LOGIN": True, "STORAGE_ROOT": str(tmp_path / "storage"),
              "PUBLIC_URL": "http://localhost"}
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, tmp_path)
    yield app
    app.extensions["miaomian.engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class LiveServer:
    """The app served over real HTTP on a loopback port, in a thread."""

    def __init__(self, app, port):
        self.app, self.url = app, f"http://127.0.0.1:{port}"
        self._server = make_server("127.0.0.1", port, app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._thread.join(5)


@pytest.fixture
def live_server(database_url, tmp_path):
    port = free_port()
    app = make_app(database_url, tmp_path, PUBLIC_URL=f"http://127.0.0.1:{port}")
    with LiveServer(app, port) as server:
        yield server
    app.extensions["miaomian.engine"].dispose()


def use_function_environment(monkeypatch, live_server) -> None:
    """Point the analyzer at the live server for this test only (monkeypatch undoes it)."""
    monkeypatch.setenv("MIAOMIAN_API_URL", live_server.url)
    for name, value in function_environment(live_server.app.config).items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def trigger(live_server, monkeypatch):
    """The local trigger's worker processes running the real analyzer against the live server."""
    use_function_environment(monkeypatch, live_server)
    running = LocalTrigger(live_server.app.config["DATABASE_URL"], trigger_config(live_server.app.config), 2).start()
    yield running
    running.stop()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, name="王经理", org="好味餐饮"):
        response = self._client.post("/api/auth/dev", json={"name": name, "org": org})
        assert response.status_code == 200, response.json
        return {"Authorization": f"Bearer {response.json['token']}"}


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture(scope="session")
def aac_bytes(tmp_path_factory):
    """One second of a real AAC (ADTS) tone, as ffmpeg encodes it: passes the store's media check."""
    import subprocess

    path = tmp_path_factory.mktemp("media") / "tone.aac"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                    "-ac", "1", "-ar", "16000", "-c:a", "aac", str(path)], check=True)
    return path.read_bytes()
