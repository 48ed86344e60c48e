"""The local trigger: leases, retries with backoff, and the real analyzer handler over real HTTP."""
import json
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from api import events
from api.schema import analysis_results, answers, storage_events
from api.timeutil import utcnow
from api.trigger import process_one, trigger_config
from tests.api.flow import answer, create_interview, invite, start
from tests.conftest import AuthActions, use_function_environment

ROOT = Path(__file__).resolve().parents[2]


def test_a_claim_is_exclusive_and_a_dead_workers_lease_is_reclaimed(app):
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        event_id = events.record(connection, "answers/x/1/1-a.aac", {"Records": []})
    with engine.begin() as connection:
        first = events.claim_next(connection, "worker-a", lease_seconds=300)
        assert first.id == event_id and first.attempts == 1
        assert events.claim_next(connection, "worker-b", lease_seconds=300) is None
        connection.execute(storage_events.update().values(lease_expires_at=utcnow() - timedelta(seconds=1)))
        reclaimed = events.claim_next(connection, "worker-b", lease_seconds=300)
        assert reclaimed.id == event_id and reclaimed.attempts == 2 and reclaimed.lease_owner == "worker-b"
        assert events.mark_done(connection, event_id, "worker-a") is False
        assert events.mark_done(connection, event_id, "worker-b") is True
        assert events.counts(connection) == {"done": 1}


def test_backoff_delays_the_next_attempt(app):
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        event_id = events.record(connection, "answers/x/1/1-a.aac", {"Records": []})
        events.claim_next(connection, "w", 300)
        events.mark_retry(connection, event_id, "w", "boom", delay_seconds=60)
        assert events.claim_next(connection, "w", 300) is None
        row = connection.execute(sa.select(storage_events)).one()
        assert row.status == "pending" and row.last_error == "boom" and row.next_attempt_at > utcnow()


@pytest.fixture
def uploaded(live_server, aac_bytes):
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    interview = create_interview(client, headers, questions=1)
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    return {"client": client, "headers": headers, "interview": interview, "token": token, "key": key}


@pytest.fixture
def function_env(live_server, monkeypatch):
    use_function_environment(monkeypatch, live_server)


def _answer_row(app, key):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.execute(sa.select(answers).where(answers.c.object_key == key)).one()


def test_the_real_handler_runs_on_the_event_and_a_tone_ends_with_a_reason(live_server, uploaded, function_env):
    from functions.analyze.index import main_handler

    app = live_server.app
    engine = app.extensions["miaomian.engine"]
    assert process_one(engine, "w1", main_handler, trigger_config(app.config)) is True
    assert process_one(engine, "w1", main_handler, trigger_config(app.config)) is False
    row = _answer_row(app, uploaded["key"])
    assert row.status == "needs_review" and "没有听到说话声" in row.reason, row
    with engine.connect() as connection:
        assert events.counts(connection) == {"done": 1}
    with engine.connect() as connection:
        event = json.loads(connection.execute(sa.select(storage_events.c.event)).scalar_one())
    assert main_handler(event, {})["objects"][0]["outcome"] == "already_analysed"
    with engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT COUNT(*) FROM analysis_results")) == 1


def test_unreachable_api_is_retried_then_the_answer_fails_with_the_reason(live_server, uploaded, function_env,
                                                                         monkeypatch, request):
    from functions.analyze.index import main_handler

    # A port held bound but never listening: connections are refused, and no other process can take it meanwhile.
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    monkeypatch.setenv("MIAOMIAN_API_URL", f"http://127.0.0.1:{closed.getsockname()[1]}")
    request.addfinalizer(closed.close)
    app = live_server.app
    engine = app.extensions["miaomian.engine"]
    config = {**trigger_config(app.config), "TRIGGER_BACKOFF_SECONDS": 0}
    for attempt in (1, 2):
        assert process_one(engine, "w1", main_handler, config) is True
        with engine.connect() as connection:
            row = connection.execute(sa.select(storage_events)).one()
        assert row.status == "pending" and row.attempts == attempt and "Connection refused" in row.last_error
        assert _answer_row(app, uploaded["key"]).status == "uploaded"
    assert process_one(engine, "w1", main_handler, config) is True
    with engine.connect() as connection:
        event = connection.execute(sa.select(storage_events)).one()
        result = json.loads(connection.scalar(sa.select(analysis_results.c.result)))
    assert event.status == "failed" and event.last_error.startswith("analysis failed after retries")
    assert "Connection refused" in event.last_error  # the technical detail is kept for operators...
    row = _answer_row(app, uploaded["key"])  # ...and HR reads a sentence, never the internal route
    assert row.status == "failed" and row.reason == "自动分析多次尝试都没有成功，请人工听一下录音。"
    assert result["reason_code"] == "analysis_failed" and result["reason"] == row.reason
    assert "/api/internal" not in row.reason and "Error" not in row.reason
    report = uploaded["client"].get(f"/api/c/{uploaded['token']}/report")
    assert report.status_code == 409


def test_a_lease_that_dies_on_its_last_attempt_fails_the_answer(live_server, uploaded):
    app = live_server.app
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        connection.execute(storage_events.update().values(status="claimed", attempts=3, lease_owner="dead",
                                                          lease_expires_at=utcnow() - timedelta(seconds=5)))
    assert process_one(engine, "w1", lambda event, context: None, trigger_config(app.config)) is False
    row = _answer_row(app, uploaded["key"])
    assert row.status == "failed" and row.reason == "分析程序在处理这个回答时多次中断，请人工听一下录音。"
    with engine.connect() as connection:
        assert "worker stopped" in connection.scalar(sa.select(storage_events.c.last_error))
        result = json.loads(connection.scalar(sa.select(analysis_results.c.result)))
    assert result["reason_code"] == "worker_stopped"


def test_a_working_holder_keeps_its_lease_and_only_it_can_renew(app):
    from api.trigger import LeaseKeeper

    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        event_id = events.record(connection, "answers/lease/1.aac", {"Records": []})
        events.claim_next(connection, "worker-a", lease_seconds=1)
    keeper = LeaseKeeper(engine, event_id, "worker-a", "answers/lease/1.aac", lease_seconds=1)
    keeper.start()
    try:
        time.sleep(2.5)                                   # longer than the lease: renewed meanwhile
        with engine.begin() as connection:
            assert events.claim_next(connection, "worker-b", lease_seconds=1) is None
    finally:
        keeper.stop()
    with engine.begin() as connection:
        assert not events.renew(connection, event_id, "worker-b", 60)   # not the holder
    claimed, deadline = None, time.monotonic() + 10          # renewal stopped: the lease runs out (the
    while claimed is None and time.monotonic() < deadline:   # database may keep whole seconds)
        time.sleep(0.5)
        with engine.begin() as connection:
            claimed = events.claim_next(connection, "worker-b", lease_seconds=60)
    assert claimed is not None and claimed.id == event_id and claimed.lease_owner == "worker-b"


def test_a_stop_signal_delivered_to_another_thread_still_stops_the_main_thread(tmp_path):
    """The kernel may hand SIGTERM to any thread of `make dev` (CI saw it hang 60 s): the main thread wakes anyway."""
    script = (
        "import signal, threading, time\n"
        "from api.trigger import stop_on_signals, wait_for\n"
        "stopping = stop_on_signals()\n"
        "def elsewhere():\n"
        "    time.sleep(0.3)\n"
        "    signal.pthread_kill(threading.get_ident(), signal.SIGTERM)\n"
        "    time.sleep(60)\n"
        "threading.Thread(target=elsewhere, daemon=True).start()\n"
        "wait_for(stopping)\n"
        "print('stopped', flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped"
