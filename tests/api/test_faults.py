"""No answer lost under faults (issue 9, items 1, 3 and 8): a database outage between ticket and upload, an
event that never came, a stale HMAC key, killed workers, long analyses, shutdown. Every answer ends scored,
needs_review or failed with a reason."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from api import db, events, sweeper
from api.schema import analysis_results, answers, storage_events, trigger_workers
from api.timeutil import utcnow
from api.trigger import LocalTrigger, process_one, trigger_config, worker_name
from tests import private_mariadb
from tests.api.flow import answer, interview_with_candidate, request_upload, start
from tests.conftest import AuthActions, LiveServer, free_port, make_app, use_function_environment
from tests.servers import wait_until_serving

FINAL = ("scored", "needs_review", "failed")


def _answer_row(app, key):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.execute(sa.select(answers).where(answers.c.object_key == key)).one()


def _wait_final(app, key, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = _answer_row(app, key)
        if row.status in FINAL:
            return row
        time.sleep(0.5)
    raise AssertionError(f"answer {key} still {row.status} after {seconds} s")


def _setup_candidate(client, questions=1):
    headers, interview, token = interview_with_candidate(client, AuthActions(client), questions=questions,
                                                         language="ko")
    start(client, token)
    return headers, interview, token


# --- item 1: the upload and its event are never separated ------------------------------------------------------

@pytest.mark.skipif(not private_mariadb.available(), reason="mariadb-install-db and mariadbd are needed")
def test_database_outage_between_ticket_and_upload_is_503_then_the_answer_ends_analysed(tmp_path, monkeypatch,
                                                                                      aac_bytes):
    with private_mariadb.PrivateMariaDB(tmp_path / "mariadb") as server:
        url = server.create_database("miaomian")
        engine = db.make_engine(url)
        db.migrate(engine)
        engine.dispose()
        port = free_port()
        app = make_app(url, tmp_path, PUBLIC_URL=f"http://127.0.0.1:{port}")
        with LiveServer(app, port) as live:
            use_function_environment(monkeypatch, live)
            trigger = LocalTrigger(url, {**trigger_config(app.config), "TRIGGER_BACKOFF_SECONDS": 0.5}, 1,
                                   app=app).start()
            try:
                client = app.test_client()
                _, interview, token = _setup_candidate(client)
                question_id = interview["questions"][0]["id"]
                ticket = request_upload(client, token, question_id).json
                fields = {name: (None, value) for name, value in ticket["fields"].items()}
                server.stop()
                refused = requests.post(ticket["url"], files={**fields, "file": ("a.aac", aac_bytes)}, timeout=60)
                assert refused.status_code == 503 and refused.json()["error"] == "unavailable", refused.text
                assert refused.headers["Retry-After"]
                assert not app.extensions["miaomian.storage"].exists(ticket["key"])  # nothing kept unrecorded
                health = requests.get(f"{live.url}/healthz", timeout=30)
                assert health.status_code == 503 and health.json()["db"] == {"ok": False, "error": "unavailable"}
                for leak in (str(server.port), "127.0.0.1", "pymysql", "OperationalError", "Can't connect"):
                    assert leak not in health.text, leak
                server.start()
                retried = requests.post(ticket["url"], files={**fields, "file": ("a.aac", aac_bytes)}, timeout=60)
                assert retried.status_code == 200, retried.text
                confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket["key"]})
                assert confirmed.status_code == 200, confirmed.json
                assert client.post(f"/api/c/{token}/submit").status_code == 200
                row = _wait_final(app, ticket["key"])
                assert row.reason or row.status == "scored"
                assert requests.get(f"{live.url}/healthz", timeout=30).json()["status"] == "ok"
            finally:
                trigger.stop()
        app.extensions["miaomian.engine"].dispose()


@pytest.fixture
def uploaded(live_server, aac_bytes):
    client = live_server.app.test_client()
    headers, interview, token = _setup_candidate(client)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    return {"client": client, "headers": headers, "interview": interview, "token": token, "key": key}


def test_an_answer_whose_event_was_lost_is_requeued_by_the_sweeper_and_analysed(live_server, uploaded, monkeypatch):
    from functions.analyze.index import main_handler

    use_function_environment(monkeypatch, live_server)
    app, key = live_server.app, uploaded["key"]
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:  # the event never came (SCF dropped it, an old outage...)
        connection.execute(storage_events.delete())
        connection.execute(answers.update().values(uploaded_at=utcnow() - timedelta(seconds=600)))
    assert sweeper.sweep(app)["requeued"] == 1
    assert sweeper.sweep(app)["requeued"] == 0  # the new event is live: not twice
    assert process_one(engine, "w1", main_handler, trigger_config(app.config)) is True
    row = _answer_row(app, key)
    assert row.status in FINAL and row.reason and row.requeues == 1


def test_after_the_retry_budget_the_sweeper_fails_the_answer_with_a_reason(app, client, runner, aac_bytes):
    _, interview, token = _setup_candidate(client)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    engine = app.extensions["miaomian.engine"]
    app.config["SWEEP_AFTER_SECONDS"] = 0
    for attempt in range(1, app.config["SWEEP_MAX_REQUEUES"] + 1):
        with engine.begin() as connection:  # each analysis "finished" without a result (e.g. refused)
            connection.execute(storage_events.update().values(status="done"))
            connection.execute(answers.update().values(uploaded_at=utcnow() - timedelta(seconds=5)))
        result = runner.invoke(args=["sweep"])
        assert "requeued: 1" in result.output, result.output
        assert _answer_row(app, key).requeues == attempt
    with engine.begin() as connection:
        connection.execute(storage_events.update().values(status="done"))
    assert "failed: 1" in runner.invoke(args=["sweep"]).output
    row = _answer_row(app, key)
    assert row.status == "failed" and row.reason == sweeper.STALLED_REASON
    with engine.connect() as connection:
        result = json.loads(connection.scalar(sa.select(analysis_results.c.result)))
    assert result["reason_code"] == "analysis_stalled"
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    assert client.get(f"/api/c/{token}").json["status"] in ("needs_review", "scored", "submitted")
    assert sweeper.sweep(app) == {"requeued": 0, "failed": 0, "settled": 0, "submitted_late": 0,
                                  "orphans_removed": 0}


def test_orphan_files_no_answer_owns_are_removed(app, client, aac_bytes):
    _, interview, token = _setup_candidate(client)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    store = app.extensions["miaomian.storage"]
    store.put_bytes("answers/gone0000/1/1-abc.aac", aac_bytes)  # left by a crash between file and database
    app.config["SWEEP_ORPHAN_SECONDS"] = 0
    assert sweeper.sweep(app)["orphans_removed"] == 1
    assert store.exists(key) and not store.exists("answers/gone0000/1/1-abc.aac")


# --- item 3: supervision, leases, stale keys, health --------------------------------------------------------------

def test_a_stale_hmac_key_is_retried_then_fails_the_answer_with_the_reason(live_server, uploaded, monkeypatch):
    from functions.analyze.index import main_handler

    use_function_environment(monkeypatch, live_server)
    monkeypatch.setenv("MIAOMIAN_HMAC_KEY", "a-stale-key-from-before-the-rotation")
    app, key = live_server.app, uploaded["key"]
    engine = app.extensions["miaomian.engine"]
    config = {**trigger_config(app.config), "TRIGGER_BACKOFF_SECONDS": 0, "TRIGGER_MAX_ATTEMPTS": 2}
    assert process_one(engine, "w1", main_handler, config) is True
    with engine.connect() as connection:
        event = connection.execute(sa.select(storage_events)).one()
    assert event.status == "pending" and "HTTP 403" in event.last_error  # transient: not marked done
    assert _answer_row(app, key).status == "uploaded"
    assert process_one(engine, "w1", main_handler, config) is True
    with engine.connect() as connection:
        event = connection.execute(sa.select(storage_events)).one()
    assert event.status == "failed" and "HTTP 403" in event.last_error and "HMAC" in event.last_error
    row = _answer_row(app, key)
    assert row.status == "failed" and row.reason == "自动分析多次尝试都没有成功，请人工听一下录音。"


def test_a_lease_is_renewed_while_a_long_analysis_runs(app):
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        events.record(connection, "answers/x/1/1-a.aac", {"Records": []})
    config = {**trigger_config(app.config), "TRIGGER_LEASE_SECONDS": 1}
    started = threading.Event()

    def slow_handler(event, context):
        started.set()
        time.sleep(3.5)  # three and a half leases long

    runner = threading.Thread(target=process_one, args=(engine, "w1", slow_handler, config))
    runner.start()
    assert started.wait(10)
    for _ in range(3):
        time.sleep(1)
        with engine.begin() as connection:
            assert events.claim_next(connection, "w2", 1) is None  # never run twice
    runner.join(10)
    with engine.connect() as connection:
        row = connection.execute(sa.select(storage_events)).one()
    assert row.status == "done" and row.attempts == 1 and row.lease_owner == "w1"


def _slow_handler(event, context):
    time.sleep(float(os.environ.get("MIAOMIAN_TEST_HANDLER_SECONDS", "30")))


def test_dead_workers_are_reaped_and_respawned_and_health_sees_them(live_server, monkeypatch):
    app = live_server.app
    use_function_environment(monkeypatch, live_server)
    trigger = LocalTrigger(app.config["DATABASE_URL"], trigger_config(app.config), 2).start()
    try:
        client = app.test_client()
        deadline = time.monotonic() + 30
        while client.get("/healthz").json["analysis"].get("workers_alive", 0) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert client.get("/healthz").json["analysis"]["workers_alive"] == 2
        victims = [process.pid for process in trigger.processes]
        for pid in victims:
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 15
        while trigger.respawned < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert trigger.respawned == 2 and trigger.alive() == 2
        assert not {process.pid for process in trigger.processes} & set(victims)
        for pid in victims:  # reaped: no zombie left behind
            assert not Path(f"/proc/{pid}").exists() or "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
        with app.extensions["miaomian.engine"].connect() as connection:
            names = set(connection.execute(sa.select(trigger_workers.c.worker)).scalars())
        assert not names & {worker_name(pid) for pid in victims}
    finally:
        trigger.stop()


def test_health_is_503_when_events_wait_and_no_worker_lives(app, client):
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        event_id = events.record(connection, "answers/x/1/1-a.aac", {"Records": []})
        connection.execute(storage_events.update().values(created_at=utcnow() - timedelta(minutes=5)))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json["status"] == "degraded"
    assert response.json["analysis"]["error"] == "no_workers" and response.json["analysis"]["oldest_pending_seconds"] >= 299
    with engine.begin() as connection:
        connection.execute(trigger_workers.insert().values(worker="host:1", started_at=utcnow(), seen_at=utcnow()))
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"
    assert response.json["analysis"]["workers_alive"] == 1 and event_id


def test_concurrent_heartbeats_never_deadlock(app):
    """Eight workers beating at once, many times, as after a restart: no deadlock error on MariaDB (1213 in
    an UPDATE-then-INSERT pair), one row per worker."""
    from api.trigger import beat_safely

    engine = app.extensions["miaomian.engine"]
    errors, start = [], threading.Barrier(8)

    def worker(n):
        start.wait()
        for round_ in range(25):
            try:
                beat_safely(engine, f"host:{n}", None if round_ % 2 else f"answers/x/1/{n}-a.aac")
            except Exception as error:  # noqa: BLE001 - collected and asserted below
                errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with engine.connect() as connection:
        rows = connection.execute(sa.select(trigger_workers)).all()
    assert sorted(row.worker for row in rows) == [f"host:{n}" for n in range(8)]
    assert all(row.seen_at >= row.started_at for row in rows)


# --- item 8: shutdown under one deadline --------------------------------------------------------------------------

def test_shutdown_lets_a_short_analysis_finish_and_puts_an_aborted_one_back(app, monkeypatch):
    import api.trigger

    engine = app.extensions["miaomian.engine"]
    monkeypatch.setattr(api.trigger, "_handler", lambda: _slow_handler)
    for seconds, timeout, expected in (("1", 6, "done"), ("60", 1, "pending")):
        monkeypatch.setenv("MIAOMIAN_TEST_HANDLER_SECONDS", seconds)
        with engine.begin() as connection:
            connection.execute(storage_events.delete())
            events.record(connection, "answers/x/1/1-a.aac", {"Records": []})
        trigger = LocalTrigger(app.config["DATABASE_URL"], trigger_config(app.config), 1).start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                if connection.scalar(sa.select(storage_events.c.status)) == "claimed":
                    break
            time.sleep(0.1)
        began = time.monotonic()
        trigger.stop(timeout=timeout)
        assert time.monotonic() - began < timeout + 5
        with engine.connect() as connection:
            row = connection.execute(sa.select(storage_events)).one()
        assert row.status == expected, row
        if expected == "pending":  # the aborted attempt does not count, and it is due at once
            assert row.attempts == 0 and row.lease_owner is None and row.next_attempt_at <= utcnow()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_dev_server_stops_within_10_seconds_when_idle(tmp_path, signum):
    port = free_port()
    env = {**os.environ, "PORT": str(port), "MIAOMIAN_INSTANCE_PATH": str(tmp_path / "instance"),
           "MIAOMIAN_ENV": "development", "MIAOMIAN_TRIGGER_WORKERS": "2"}
    env.pop("MIAOMIAN_DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "api.devserver"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2])
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/healthz", 120, process=server)
        time.sleep(1)  # the workers are idle
        server.send_signal(signum)
        assert server.wait(timeout=10) == 0
        output = server.stdout.read().decode()
        assert "stopped" in output, output
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stdout.close()


_LONG_ANALYSIS_TRIGGER = """
import os, subprocess, sys, time
from pathlib import Path
import api.trigger

def long_analysis(event, context):  # longer than the shutdown window, with a child like ffmpeg
    child = subprocess.Popen(["sleep", "120"])
    with open(Path(sys.argv[1]) / f"{os.getpid()}.child", "w") as out:
        out.write(str(child.pid))
    time.sleep(120)

api.trigger._handler = lambda: long_analysis
api.trigger.main()
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_shutdown_with_long_analyses_running_keeps_one_deadline(app, tmp_path, signum):
    """Four analyses longer than TRIGGER_SHUTDOWN_SECONDS: the trigger exits within the window + 5 s, below
    10 s (not the window plus a 2-s join per worker, as when workers ignored terminate()), their events are
    pending again and their child processes are gone."""
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        for n in (1, 2, 3, 4):
            events.record(connection, f"answers/x/1/{n}-a.aac", {"Records": []})
    window = 2.0
    env = {**os.environ, "MIAOMIAN_DATABASE_URL": app.config["DATABASE_URL"], "MIAOMIAN_ENV": "development",
           "MIAOMIAN_INSTANCE_PATH": app.config["INSTANCE_PATH"], "MIAOMIAN_STORAGE_ROOT": app.config["STORAGE_ROOT"],
           "MIAOMIAN_TRIGGER_WORKERS": "4", "MIAOMIAN_TRIGGER_SHUTDOWN_SECONDS": str(window),
           "MIAOMIAN_SWEEP_INTERVAL_SECONDS": "3600"}
    children = tmp_path / "children"
    children.mkdir()
    trigger = subprocess.Popen([sys.executable, "-c", _LONG_ANALYSIS_TRIGGER, str(children)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2])
    try:
        deadline = time.monotonic() + 90
        while len(list(children.glob("*.child"))) < 4 and time.monotonic() < deadline and trigger.poll() is None:
            time.sleep(0.2)
        assert len(list(children.glob("*.child"))) == 4, trigger.stdout.read().decode() if trigger.poll() else ""
        child_pids = [int(path.read_text()) for path in children.glob("*.child")]
        began = time.monotonic()
        trigger.send_signal(signum)
        try:
            code = trigger.wait(timeout=window + 5)  # one deadline: not the window plus a wait per worker
        except subprocess.TimeoutExpired:
            trigger.kill()
            raise AssertionError(trigger.communicate()[0].decode()) from None
        assert code == 0 and time.monotonic() - began < window + 5
        with engine.connect() as connection:
            rows = connection.execute(sa.select(storage_events)).all()
        assert [(row.status, row.attempts, row.lease_owner) for row in rows] == [("pending", 0, None)] * 4
        time.sleep(0.2)
        for pid in child_pids:  # the analysis's children went with their worker's process group
            assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
    finally:
        if trigger.poll() is None:
            trigger.kill()
            trigger.wait()
        trigger.stdout.close()
        for path in children.glob("*.child"):
            try:
                os.kill(int(path.read_text()), signal.SIGKILL)
            except ProcessLookupError:
                pass


def _hanging_handler(event, context):
    """A stuck ffmpeg: the analysis waits on a child process that never ends (its pid noted for the test)."""
    child = subprocess.Popen(["sleep", "600"])
    with open(os.environ["MIAOMIAN_TEST_HANG_PIDS"], "a") as pids:
        pids.write(f"{child.pid}\n")
    child.wait()


def test_an_analysis_that_hangs_is_killed_at_its_budget_retried_then_failed_with_a_reason(app, client, aac_bytes,
                                                                                         monkeypatch, tmp_path):
    """The worker's lease keeper goes on beating while its analysis hangs, so neither the lease nor the heartbeat
    notices. The analysis budget (TRIGGER_ANALYSIS_SECONDS + FACTOR × answer_seconds) does: the parent kills the
    worker's process group (the stuck child too), the attempt is retried, and after the last one the answer
    fails with the Chinese reason and reason_code analysis_timeout."""
    import api.trigger
    from api.messages import REASON_TEXT

    _, interview, token = _setup_candidate(client)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    engine = app.extensions["miaomian.engine"]
    with engine.connect() as connection:
        assert api.trigger.analysis_budget(connection, key, trigger_config(app.config)) == (
            60.0 + 3.0 * interview["questions"][0]["answer_seconds"])  # the defaults, sized from the question
    pids = tmp_path / "hung-children"
    monkeypatch.setenv("MIAOMIAN_TEST_HANG_PIDS", str(pids))
    monkeypatch.setattr(api.trigger, "_handler", lambda: _hanging_handler)
    config = {**trigger_config(app.config), "TRIGGER_ANALYSIS_SECONDS": 2.0, "TRIGGER_ANALYSIS_FACTOR": 0.0,
              "TRIGGER_LEASE_SECONDS": 3, "TRIGGER_MAX_ATTEMPTS": 2, "TRIGGER_BACKOFF_SECONDS": 0}
    trigger = LocalTrigger(app.config["DATABASE_URL"], config, 1).start()
    try:
        row = _wait_final(app, key, seconds=60)
        assert trigger.timed_out == 2 and trigger.respawned == 2 and trigger.alive() == 1
    finally:
        trigger.stop(timeout=2)
    assert row.status == "failed" and row.reason == REASON_TEXT["analysis_timeout"]
    with engine.connect() as connection:
        result = json.loads(connection.scalar(sa.select(analysis_results.c.result)))
        event = connection.execute(sa.select(storage_events)).one()
    assert result["reason_code"] == "analysis_timeout"
    assert event.status == "failed" and event.attempts == 2 and "budget of 2 s" in event.last_error
    children = [int(pid) for pid in pids.read_text().split()]
    assert len(children) == 2
    for pid in children:  # the stuck child died with its worker's group (gone, or a zombie until init reaps it)
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists() or stat.read_text().split()[2] == "Z"


def test_a_stopped_worker_is_treated_as_hung_killed_and_replaced(app):
    """kill -STOP: alive but silent. After TRIGGER_HUNG_SECONDS without a heartbeat the parent kills its
    process group and starts a new worker; the new one beats, so health counts it alive."""
    config = {**trigger_config(app.config), "TRIGGER_HEARTBEAT_SECONDS": 0.5, "TRIGGER_HUNG_SECONDS": 3}
    trigger = LocalTrigger(app.config["DATABASE_URL"], config, 1).start()
    engine = app.extensions["miaomian.engine"]
    try:
        victim = trigger.processes[0].pid
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                if connection.scalar(sa.select(trigger_workers.c.worker)) == worker_name(victim):
                    break
            time.sleep(0.2)
        os.kill(victim, signal.SIGSTOP)
        deadline = time.monotonic() + 30
        while trigger.respawned < 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert trigger.respawned == 1 and trigger.processes[0].pid != victim and trigger.alive() == 1
        assert not Path(f"/proc/{victim}").exists()  # killed and reaped, not left stopped
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                names = set(connection.execute(sa.select(trigger_workers.c.worker)).scalars())
            if names == {worker_name(trigger.processes[0].pid)}:
                break
            time.sleep(0.2)
        assert names == {worker_name(trigger.processes[0].pid)}
    finally:
        try:
            os.kill(victim, signal.SIGKILL)
        except (ProcessLookupError, UnboundLocalError):
            pass
        trigger.stop(timeout=2)
