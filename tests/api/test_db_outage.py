"""A database outage answers 503 `unavailable` with Retry-After on every route, never 500, and the same
requests succeed once the database is back (issue 9, item 6).

MySQL leg: a private MariaDB server started by the test on a free port in a temporary data directory,
stopped mid-test and started again (never the shared server). SQLite leg: another process holds the
database's write lock longer than the app's busy timeout, then lets go."""
import shutil
import signal
import sqlite3
import subprocess
import time

import pymysql
import pytest

from api import db
from tests.api import flow
from tests.conftest import AuthActions, free_port, make_app

SAMPLE = {"int": "1", "default": "AbCdEfGh12345678"}


class PrivateMariaDB:
    """mariadbd --no-defaults on a free loopback port with its own data directory and socket."""

    def __init__(self, root):
        self.root, self.port = root, free_port()
        self.datadir, self.socket = root / "data", root / "mariadb.sock"
        self.process, self.log = None, None

    def install(self):
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={self.datadir}", "--user=root",
                        "--auth-root-authentication-method=normal", "--skip-test-db"],
                       check=True, capture_output=True, timeout=120)

    def start(self):
        self.log = open(self.root / "server.log", "ab")
        self.process = subprocess.Popen(
            ["mariadbd", "--no-defaults", f"--datadir={self.datadir}", f"--port={self.port}",
             f"--socket={self.socket}", "--bind-address=127.0.0.1", "--user=root", "--skip-log-bin",
             "--innodb-buffer-pool-size=16M", f"--pid-file={self.root / 'mariadb.pid'}"],
            stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                pymysql.connect(host="127.0.0.1", port=self.port, user="root", connect_timeout=1).close()
                return
            except pymysql.err.OperationalError:
                if self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError((self.root / "server.log").read_text()[-2000:])
                time.sleep(0.2)
        raise RuntimeError("the private MariaDB did not start within 60 s")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(60)
        if self.log is not None:
            self.log.close()
        self.process, self.log = None, None

    def url(self, name):
        return f"mysql+pymysql://root@127.0.0.1:{self.port}/{name}?charset=utf8mb4"


@pytest.fixture
def private_mariadb(tmp_path):
    if shutil.which("mariadbd") is None or shutil.which("mariadb-install-db") is None:
        pytest.skip("mariadbd is not installed")
    server = PrivateMariaDB(tmp_path / "mariadb")
    server.root.mkdir()
    server.install()
    server.start()
    with pymysql.connect(host="127.0.0.1", port=server.port, user="root") as admin, admin.cursor() as cursor:
        cursor.execute("CREATE DATABASE miaomian CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    engine = db.make_engine(server.url("miaomian"))
    db.migrate(engine)
    engine.dispose()
    yield server
    server.stop()


class SqliteOutage:
    """Another connection takes the database exclusively (WAL with locking_mode=EXCLUSIVE blocks readers
    too) for longer than the app's busy timeout, as a stuck process or a backup would."""

    def __init__(self, path, engine):
        self.path, self.engine, self.holder = path, engine, None

    def stop(self):
        self.engine.dispose()  # the app's idle connections would keep a shared lock on the WAL index
        self.holder = sqlite3.connect(self.path, isolation_level=None)
        self.holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        self.holder.execute("BEGIN EXCLUSIVE")

    def start(self):
        self.holder.execute("ROLLBACK")
        self.holder.execute("PRAGMA locking_mode=NORMAL")
        self.holder.execute("SELECT 1")  # the mode change takes effect at the next access
        self.holder.close()


@pytest.fixture(params=["sqlite", "mariadb"])
def outage(request, tmp_path, sqlite_template):
    """(app, stop(), start()): the app on a database the test can take away and give back."""
    if request.param == "sqlite":
        path = tmp_path / "miaomian.sqlite3"
        shutil.copy(sqlite_template, path)
        app = make_app(f"sqlite:///{path}", tmp_path, DB_BUSY_TIMEOUT_SECONDS=0.3, DB_RETRY_AFTER_SECONDS=7)
        control = SqliteOutage(path, app.extensions["miaomian.engine"])
    else:
        server = request.getfixturevalue("private_mariadb")
        app = make_app(server.url("miaomian"), tmp_path, DB_RETRY_AFTER_SECONDS=7)
        control = server
    yield app, control.stop, control.start
    app.extensions["miaomian.engine"].dispose()


def sample_path(rule) -> str:
    path = rule.rule
    for argument in rule.arguments:
        converter = rule._converters[argument]
        value = SAMPLE["int"] if converter.__class__.__name__ == "IdConverter" else SAMPLE["default"]
        path = path.replace(f"<int:{argument}>", value).replace(f"<{argument}>", value)
    return path


def assert_unavailable(response, what):
    assert response.status_code == 503, (what, response.status_code, response.get_data(as_text=True)[:300])
    assert response.json["error"] == "unavailable", what
    assert "暂时不可用" in response.json["message"], what
    assert response.headers["Retry-After"] == "7", what


def test_an_outage_answers_503_with_retry_after_and_recovers(outage, aac_bytes):
    app, stop, start = outage
    client = app.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=1)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    question = flow.start(client, token)["questions"][0]["id"]
    ticket = flow.request_upload(client, token, question).json
    scene = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr).headers["X-Miaomian-Scene"]
    job_id = interview["job_id"]

    # What people do, each on its own route: every one needs the database.
    calls = [
        ("POST", "/api/auth/dev", {"json": {"name": "王经理", "org": "好味餐饮"}}),
        ("GET", "/api/jobs", {"headers": hr}),
        ("POST", "/api/jobs", {"headers": hr, "json": {"title": "收银员"}}),
        ("GET", f"/api/jobs/{job_id}", {"headers": hr}),
        ("GET", "/api/interviews", {"headers": hr}),
        ("GET", f"/api/interviews/{interview['id']}/sessions", {"headers": hr}),
        ("GET", "/api/notifications", {"headers": hr}),
        ("GET", "/api/referrals/me", {"headers": hr}),
        ("GET", f"/api/c/{token}", {}),
        ("POST", f"/api/c/{token}/review-request", {"json": {}}),
        ("POST", f"/api/c/{token}/answers/{question}/upload", {"json": {"content_type": "audio/aac"}}),
        ("GET", f"/api/scenes/{scene}", {}),
        ("POST", f"/api/scenes/{scene}/join", {"json": {"name": "赵六"}}),
    ]
    stop()
    try:
        for method, path, kwargs in calls:
            assert_unavailable(client.open(path, method=method, **kwargs), f"{method} {path}")
        # The upload itself: the store answers 503 too (whether the file stays is the upload's own contract).
        assert_unavailable(flow.send_file(client, ticket, aac_bytes), "POST /api/storage/upload")
        # Every other route of the URL map, with sample arguments: 503 or a 4xx, never a 500.
        for rule in app.url_map.iter_rules():
            if rule.endpoint.endswith("static"):
                continue
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                response = client.open(sample_path(rule), method=method, json={}, headers=hr)
                assert response.status_code != 500, (method, rule.rule, response.get_data(as_text=True)[:300])
                if response.status_code >= 500 and rule.rule != "/healthz":
                    assert_unavailable(response, f"{method} {rule.rule}")
    finally:
        start()
    for method, path, kwargs in calls:
        response = client.open(path, method=method, **kwargs)
        expected = 409 if path.endswith("review-request") else 300  # not submitted yet: the view's own answer
        assert response.status_code < 300 or response.status_code == expected, (method, path, response.json)
