"""Self-hosted scale-out without Tencent (docs/deploy.md, "Beyond one machine"): two trigger processes with
their own instance folders share one MariaDB database and one object store folder. Every answer is analysed
exactly once — even when one trigger process is killed mid-run (its leased events are reclaimed by the other
when the lease expires; live workers renew theirs, so a short lease never hands a running analysis to a second
worker) — and none is lost."""
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from api import db
from api.schema import storage_events
from tests.api import flow
from tests.conftest import LiveServer, make_app
from tests.servers import free_port
from tests.scratch_mariadb import scratch_database

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = 6


@pytest.fixture
def scratch_mariadb():
    with scratch_database("miaomian_scale", needed_by="the scale-out test") as url:
        yield url


def korean_aac(tmp_path: Path) -> bytes:
    wav, aac = tmp_path / "a.wav", tmp_path / "a.aac"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(wav), "고객의 문제를 듣고 해결했습니다. 결과가 좋았습니다."], check=True)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), "-ar", "16000", "-ac", "1", "-c:a", "aac",
                    "-f", "adts", str(aac)], check=True)
    return aac.read_bytes()


def start_trigger(instance: Path, env: dict) -> subprocess.Popen:
    with open(instance.with_suffix(".log"), "w") as log:   # the child keeps its own descriptor
        return subprocess.Popen([sys.executable, "-m", "api.trigger"], cwd=ROOT, start_new_session=True,
                                env={**env, "MIAOMIAN_INSTANCE_PATH": str(instance)}, stdout=log,
                                stderr=subprocess.STDOUT)


def parent_of(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def test_two_trigger_processes_share_the_work_and_lose_nothing(scratch_mariadb, tmp_path):
    shared_store = tmp_path / "shared-store"
    secrets_env = {"SECRET_KEY": secrets.token_hex(32), "HMAC_KEY": secrets.token_hex(32),
                   "DATA_KEY": Fernet.generate_key().decode()}
    port = free_port()
    app = make_app(scratch_mariadb, tmp_path / "api", STORAGE_ROOT=str(shared_store),
                   PUBLIC_URL=f"http://127.0.0.1:{port}", **secrets_env)
    posted = []

    @app.before_request
    def count_results():
        from flask import request
        if request.path == "/api/internal/results" and request.method == "POST":
            posted.append((request.get_json(silent=True) or {}).get("key"))

    client = app.test_client()
    headers = {"Authorization": "Bearer " + client.post("/api/auth/dev", json={"name": "김", "org": "카페"}).json["token"]}
    interview = flow.create_interview(client, headers, questions=2, language="ko",
                                      competencies=[{"name": "고객 응대", "weight": 1, "keywords": ["고객", "문제"]}])
    audio = korean_aac(tmp_path)
    keys = []
    for invitation in flow.invite(client, headers, interview["id"], names=[f"후보{i}" for i in range(ANSWERS // 2)]):
        flow.start(client, invitation["token"])
        for question in client.get(f"/api/c/{invitation['token']}").json["questions"]:
            keys.append(flow.answer(client, invitation["token"], question["id"], audio))
    engine = db.make_engine(scratch_mariadb)
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(storage_events)).scalar() == ANSWERS

    env = {**os.environ, **{f"MIAOMIAN_{k}": v for k, v in secrets_env.items()},
           "MIAOMIAN_ENV": "production", "MIAOMIAN_DATABASE_URL": scratch_mariadb, "MIAOMIAN_STORAGE": "local",
           "MIAOMIAN_STORAGE_ROOT": str(shared_store), "MIAOMIAN_API_URL": f"http://127.0.0.1:{port}",
           "MIAOMIAN_PUBLIC_URL": f"http://127.0.0.1:{port}", "MIAOMIAN_TRIGGER_WORKERS": "2",
           "MIAOMIAN_TRIGGER_LEASE_SECONDS": "6", "MIAOMIAN_TRIGGER_BACKOFF_SECONDS": "1"}
    with LiveServer(app, port):
        first = start_trigger(tmp_path / "instance-a", env)
        second = start_trigger(tmp_path / "instance-b", env)
        try:
            # kill the first trigger process as soon as one of its workers holds an event
            deadline = time.monotonic() + 120
            killed_lease = None
            while killed_lease is None and time.monotonic() < deadline:
                with engine.connect() as connection:
                    for owner in connection.execute(sa.select(storage_events.c.lease_owner)
                                                    .where(storage_events.c.status == "claimed")).scalars():
                        if parent_of(int(owner.rsplit(":", 1)[1])) == first.pid:
                            killed_lease = owner
                time.sleep(0.1)
            assert killed_lease, "the first trigger process never claimed an event"
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(10)
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline:
                with engine.connect() as connection:
                    statuses = connection.execute(sa.select(storage_events.c.status)).scalars().all()
                if all(status == "done" for status in statuses):
                    break
                assert second.poll() is None, (tmp_path / "instance-b.log").read_text()[-3000:]
                time.sleep(0.5)
        finally:
            for process in (first, second):
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(30)
    with engine.connect() as connection:
        rows = connection.execute(sa.select(storage_events)).all()
    engine.dispose()
    assert sorted(row.object_key for row in rows) == sorted(keys)
    assert all(row.status == "done" for row in rows), [(row.object_key, row.status, row.last_error) for row in rows]
    owners = {row.lease_owner for row in rows}
    assert len(owners) >= 2                                  # both processes' workers settled events
    assert sorted(posted) == sorted(keys)                    # each answer's result was posted exactly once
    for invitation_key in keys:
        assert (shared_store / invitation_key).is_file()     # nothing lost from the shared store
    sessions = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json
    assert len(sessions) == ANSWERS // 2
    for session in sessions:
        detail = client.get(f"/api/sessions/{session['id']}", headers=headers).json
        statuses = [question["answer"]["status"] for question in detail["questions"]]
        assert statuses == ["scored", "scored"], detail
    app.extensions["miaomian.engine"].dispose()
