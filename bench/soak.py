"""Soak: mixed candidate traffic while analysis workers are killed and the database is restarted at random.

    .venv/bin/python bench/soak.py [--minutes 5] [--candidates 2] [--seed 1]

Everything runs on loopback: a private MariaDB (its own data directory and port, never the shared 3306
server) and `python -m api.devserver` (API, local store, supervised trigger, sweeper) on a free port. For
`--minutes` (at most 30) `--candidates` threads take Korean interviews with real recordings (espeak-ng speech as
16 kHz mono ADTS AAC, a silent answer, a phase-inverted stereo M4A, a text file posing as audio, which is
refused and recorded again), retry the way the mini-program does (503/5xx and network errors: the same ticket
again, or a new ticket, which revokes the old key, and the late upload under the old key is tried too), retake
answers and sometimes erase their data. A chaos thread SIGKILLs a random worker or restarts the database (down
2–6 s) every 15–45 s, and now and then the database is stopped between a ticket and its upload (the upload must
be refused with 503 and leave no file). Then traffic stops and the soak waits (bounded) until every answer
that reached storage is final.

It prints every answer's final state (all must be scored / needs_review / failed with a reason), the files on
disk that no live answer owns (must be none), and the figures; exit code 0 only when both checks hold.
"""
import argparse
import collections
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api import db  # noqa: E402
from api.schema import answers, sessions  # noqa: E402
from tests.servers import free_port, wait_until_serving  # noqa: E402
from tests.private_mariadb import PrivateMariaDB  # noqa: E402

FINAL = ("scored", "needs_review", "failed")
KO_SENTENCES = ["저는 고객과 소통하는 것을 좋아합니다. 지난 프로젝트에서 팀과 함께 문제를 해결했습니다.",
                "먼저 상황을 분석하고 계획을 세웠습니다. 결과적으로 매출이 이십 퍼센트 증가했습니다."]
QUESTIONS = [{"text": "고객과 소통하고 문제를 해결한 경험을 말해 주세요", "think_seconds": 5, "answer_seconds": 60,
              "max_attempts": 2},
             {"text": "팀에서 맡았던 역할과 결과를 말해 주세요", "think_seconds": 5, "answer_seconds": 60,
              "max_attempts": 2}]
COMPETENCIES = [{"name": "소통", "weight": 1, "keywords": ["고객", "소통"]},
                {"name": "문제 해결", "weight": 1, "keywords": ["문제", "해결", "결과"]}]


def ffmpeg(*args) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *map(str, args)], check=True)


def make_recordings(folder: Path) -> list[tuple[str, str, bytes]]:
    """(name, content type, bytes): the answers candidates send."""
    out = []
    for index, sentence in enumerate(KO_SENTENCES):
        wav = folder / f"ko{index}.wav"
        subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(wav), sentence], check=True)
        aac = folder / f"ko{index}.aac"
        ffmpeg("-i", wav, "-ar", 16000, "-ac", 1, "-c:a", "aac", "-b:a", "32k", "-f", "adts", aac)
        out.append((f"speech{index}", "audio/aac", aac.read_bytes()))
    inverted = folder / "inverted.m4a"
    ffmpeg("-i", folder / "ko0.wav", "-af", "pan=stereo|c0=c0|c1=-1*c0", "-c:a", "aac", "-b:a", "64k", inverted)
    out.append(("stereo_inverted", "audio/mp4", inverted.read_bytes()))
    silent = folder / "silent.aac"
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", 4, "-c:a", "aac", "-f", "adts", silent)
    out.append(("silence", "audio/aac", silent.read_bytes()))
    out.append(("text_as_aac", "audio/aac", "我的回答写在这里，不是录音。".encode() * 50))
    return out


class Stats:
    def __init__(self):
        self.counts = collections.Counter()
        self.lock = threading.Lock()

    def add(self, name: str, n: int = 1) -> None:
        with self.lock:
            self.counts[name] += n


def call(stats: Stats, method: str, url: str, attempts: int = 30, **kwargs):
    """One API call as the mini-program makes it: retried on network errors, 5xx and 429 with backoff."""
    for attempt in range(attempts):
        try:
            response = requests.request(method, url, timeout=60, **kwargs)
        except requests.RequestException:
            stats.add("network_errors")
            time.sleep(min(0.5 * 2 ** attempt, 5))
            continue
        if response.status_code >= 500 or response.status_code == 429:
            stats.add(f"http_{response.status_code}")
            time.sleep(min(0.5 * 2 ** attempt, 5))
            continue
        return response
    raise RuntimeError(f"{method} {url} kept failing")


class Soak:
    def __init__(self, args):
        self.args = args
        self.random = random.Random(args.seed)
        self.stats = Stats()
        self.stop_traffic = threading.Event()
        self.db_lock = threading.Lock()

    # --- the system under test ---------------------------------------------------------------------------------

    def start_system(self, work: Path) -> None:
        self.mariadb = PrivateMariaDB(work / "mariadb").install().start()
        self.database_url = self.mariadb.create_database("miaomian")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.storage_root = work / "instance" / "storage"
        env = {**os.environ, "PORT": str(self.port), "MIAOMIAN_ENV": "development", "MIAOMIAN_DEV_LOGIN": "1",
               "MIAOMIAN_INSTANCE_PATH": str(work / "instance"), "MIAOMIAN_DATABASE_URL": self.database_url,
               "MIAOMIAN_TRIGGER_WORKERS": str(self.args.workers), "MIAOMIAN_TRIGGER_LEASE_SECONDS": "60",
               "MIAOMIAN_TRIGGER_BACKOFF_SECONDS": "1", "MIAOMIAN_SWEEP_INTERVAL_SECONDS": "10",
               "MIAOMIAN_SWEEP_AFTER_SECONDS": "30", "MIAOMIAN_SWEEP_ORPHAN_SECONDS": "60"}
        self.server_log = open(work / "devserver.log", "wb")
        self.server = subprocess.Popen([sys.executable, "-m", "api.devserver"], cwd=ROOT, env=env,
                                       stdout=self.server_log, stderr=subprocess.STDOUT)
        # 503 is an answer too: health reports the database or the workers, which the chaos thread breaks.
        wait_until_serving(f"{self.url}/healthz", 180, process=self.server, log=work / "devserver.log",
                           statuses=(200, 503), interval=0.5)

    def workers(self) -> list[int]:
        """The analysis worker processes: the dev server's children."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.server.pid:
                pids.append(int(stat.parent.name))
        return pids

    # --- traffic -----------------------------------------------------------------------------------------------

    def hr(self) -> dict:
        token = call(self.stats, "POST", f"{self.url}/api/auth/dev",
                     json={"name": "소크 매니저", "org": "소크 테스트"}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        job = call(self.stats, "POST", f"{self.url}/api/jobs", json={"title": "매장 직원"}, headers=headers).json()
        interview = call(self.stats, "POST", f"{self.url}/api/jobs/{job['id']}/interviews", headers=headers,
                         json={"language": "ko", "competencies": COMPETENCIES, "questions": QUESTIONS}).json()
        return {"headers": headers, "interview": interview}

    def candidate(self, hr: dict, rng: random.Random) -> None:
        invited = call(self.stats, "POST", f"{self.url}/api/interviews/{hr['interview']['id']}/invitations",
                       headers=hr["headers"], json={"candidates": [{"name": f"지원자{secrets.token_hex(2)}"}]})
        token = invited.json()[0]["token"]
        base = f"{self.url}/api/c/{token}"
        privacy = call(self.stats, "GET", base).json()["privacy_version"]
        call(self.stats, "POST", f"{base}/start", json={"consent": True, "privacy_version": privacy})
        self.stats.add("candidates")
        for question in hr["interview"]["questions"]:
            takes = 2 if rng.random() < 0.15 else 1
            for _ in range(takes):
                self.answer(base, question["id"], rng)
            if self.stop_traffic.is_set():
                break
        roll = rng.random()
        if roll < 0.1:
            response = call(self.stats, "DELETE", base)
            self.stats.add("erased" if response.status_code == 200 else f"erase_{response.status_code}")
            return
        response = call(self.stats, "POST", f"{base}/submit")
        self.stats.add("submitted" if response.status_code == 200 else f"submit_{response.status_code}")

    def answer(self, base: str, question_id: int, rng: random.Random, real_only: bool = False) -> None:
        name, content_type, data = rng.choice(self.recordings[:-1] if real_only else self.recordings)
        self.stop_traffic.wait(rng.uniform(8, 16))  # thinking and recording, paced to what 2 workers analyse
        for step in ("think", "attempts"):  # the server keeps the time: open the question, start the take
            call(self.stats, "POST", f"{base}/answers/{question_id}/{step}", json={})
        upload_url = f"{base}/answers/{question_id}/upload"
        ticket = call(self.stats, "POST", upload_url, json={"content_type": content_type})
        if ticket.status_code != 200:
            self.stats.add(f"ticket_{ticket.json().get('error')}")
            return
        ticket = ticket.json()
        self.outage_between_ticket_and_upload(ticket, name, data, rng)
        for attempt in range(40):
            fields = {key: (None, value) for key, value in ticket["fields"].items()}
            try:
                sent = requests.post(ticket["url"], files={**fields, "file": (f"{name}.bin", data)}, timeout=60)
            except requests.RequestException:
                sent = None
                self.stats.add("network_errors")
            if sent is not None and sent.status_code == 200:
                self.stats.add("uploads")
                break
            if sent is not None and sent.status_code == 409:  # arrived before, its acknowledgement was lost
                self.stats.add("upload_409_already")
                break
            if sent is not None and sent.status_code < 500:
                self.stats.add(f"upload_{sent.status_code}_{sent.json().get('error')}")
                if sent.status_code == 415 and not real_only:  # refused at the door: record again, properly
                    self.answer(base, question_id, rng, real_only=True)
                return
            self.stats.add("upload_retries" if sent is None else f"upload_{sent.status_code}")
            time.sleep(min(0.5 * 2 ** attempt, 4))
            if rng.random() < 0.3:  # like the browser page after a network error: ask for a new ticket
                renewed = call(self.stats, "POST", upload_url, json={"content_type": content_type})
                if renewed.status_code != 200:
                    self.stats.add(f"ticket_{renewed.json().get('error')}")
                    return
                old, ticket = ticket, renewed.json()
                if old["key"] != ticket["key"]:
                    late = requests.post(old["url"], timeout=60, files={
                        **{key: (None, value) for key, value in old["fields"].items()}, "file": ("late.bin", data)})
                    self.stats.add(f"late_upload_{late.status_code}")
        confirmed = call(self.stats, "POST", f"{base}/answers/{question_id}/uploaded", json={"key": ticket["key"]})
        self.stats.add("confirmed" if confirmed.status_code == 200 else
                       f"confirm_{confirmed.status_code}_{confirmed.json().get('error')}")

    def outage_between_ticket_and_upload(self, ticket: dict, name: str, data: bytes, rng: random.Random) -> None:
        """Now and then (at most twice a minute): the database stops right after the ticket, the upload must
        be refused with 503 and leave no file, then the database comes back and the candidate retries."""
        budget = 2 * self.args.minutes
        if rng.random() > 0.2 or self.stats.counts["db_outages_at_upload"] >= budget:
            return
        if not self.db_lock.acquire(blocking=False):
            return
        try:
            self.mariadb.stop()
            self.stats.add("db_outages_at_upload")
            fields = {key: (None, value) for key, value in ticket["fields"].items()}
            try:
                sent = requests.post(ticket["url"], files={**fields, "file": (f"{name}.bin", data)}, timeout=60)
                self.stats.add(f"upload_during_outage_{sent.status_code}")
                if (self.storage_root / ticket["key"]).exists():
                    self.stats.add("file_kept_during_outage")  # must stay 0
            except requests.RequestException:
                self.stats.add("upload_during_outage_network_error")
        finally:
            self.mariadb.start()
            self.db_lock.release()

    def traffic(self, seed: int) -> None:
        rng = random.Random(seed)
        hr = self.hr()
        while not self.stop_traffic.is_set():
            try:
                self.candidate(hr, rng)
            except Exception as error:  # counted and shown; the soak goes on
                self.stats.add(f"client_error_{type(error).__name__}")

    # --- chaos -------------------------------------------------------------------------------------------------

    def chaos(self) -> None:
        while not self.stop_traffic.wait(self.random.uniform(15, 45)):
            if self.random.random() < 0.5:
                victims = self.workers()
                if victims:
                    os.kill(self.random.choice(victims), signal.SIGKILL)
                    self.stats.add("workers_killed")
            else:
                with self.db_lock:
                    self.mariadb.stop()
                    self.stats.add("db_restarts")
                    down = self.random.uniform(2, 6)
                    self.stats.add("db_down_ms", int(down * 1000))
                    time.sleep(down)
                    self.mariadb.start()

    # --- the checks --------------------------------------------------------------------------------------------

    def settle(self, limit_seconds: float) -> float:
        """Wait until every answer that reached storage is final; returns how long it took."""
        began = time.monotonic()
        engine = db.make_engine(self.database_url)
        try:
            while time.monotonic() - began < limit_seconds:
                with engine.connect() as connection:
                    open_answers = connection.scalar(sa.select(sa.func.count()).select_from(answers).where(
                        answers.c.status.not_in(FINAL), answers.c.status != "awaiting_upload"))
                if open_answers == 0:
                    break
                time.sleep(2)
        finally:
            engine.dispose()
        return time.monotonic() - began

    def report(self) -> bool:
        engine = db.make_engine(self.database_url)
        with engine.connect() as connection:
            rows = connection.execute(sa.select(answers.c.id, answers.c.object_key, answers.c.playback_key,
                                                answers.c.status,
                                                answers.c.reason, answers.c.requeues, sessions.c.status.label("session"))
                                      .join(sessions, sessions.c.id == answers.c.session_id)
                                      .order_by(answers.c.id)).all()
            session_states = collections.Counter(connection.execute(sa.select(sessions.c.status)).scalars())
            erased = connection.scalar(sa.select(sa.func.count()).select_from(sessions)
                                       .where(sessions.c.status == "erased"))
        engine.dispose()
        print("\nEvery answer's final state (id, status, requeues, reason):")
        bad = []
        for row in rows:
            reason = (row.reason or "")[:90]
            print(f"  {row.id:5d} {row.status:14s} r{row.requeues} {reason}")
            reached = row.status != "awaiting_upload"
            if reached and (row.status not in FINAL or (row.status == "failed" and not row.reason)):
                bad.append(row)
        owned = {row.object_key for row in rows} | {row.playback_key for row in rows if row.playback_key}
        on_disk = []
        for path in sorted(self.storage_root.rglob("*")):
            if path.is_file():
                key = path.relative_to(self.storage_root).as_posix()
                if key.startswith("qrcodes/"):
                    continue
                if key not in owned:
                    on_disk.append(key)
        never_uploaded = sum(1 for row in rows if row.status == "awaiting_upload")
        statuses = collections.Counter(row.status for row in rows)
        print("\nFigures:")
        for name, count in sorted(self.stats.counts.items()):
            print(f"  {name}: {count}")
        print(f"  answers: {len(rows)} ({dict(statuses)}); tickets never used: {never_uploaded}")
        print(f"  sessions: {dict(session_states)} (erased {erased})")
        print(f"  answers not final or failed without a reason: {len(bad)}")
        print(f"  files on disk that no live answer owns: {len(on_disk)} {on_disk[:10]}")
        return not bad and not on_disk and not self.stats.counts["file_kept_during_outage"]

    def run(self) -> int:
        with tempfile.TemporaryDirectory(prefix="miaomian-soak-") as folder:
            work = Path(folder)
            print(f"soak: {self.args.minutes} min, {self.args.candidates} candidate threads, "
                  f"{self.args.workers} workers, seed {self.args.seed}", flush=True)
            ok = False
            self.recordings = make_recordings(work)
            began = time.monotonic()
            self.start_system(work)
            try:
                threads = [threading.Thread(target=self.traffic, args=(self.args.seed * 100 + index,), daemon=True)
                           for index in range(self.args.candidates)]
                chaos = threading.Thread(target=self.chaos, daemon=True)
                for thread in threads + [chaos]:
                    thread.start()
                time.sleep(self.args.minutes * 60)
                self.stop_traffic.set()
                chaos.join(30)
                with self.db_lock:
                    pass  # any restart in progress is over
                for thread in threads:
                    thread.join(300)
                traffic_s = time.monotonic() - began
                settle_s = self.settle(limit_seconds=600)
                time.sleep(2)
                # the sweeper removes orphans older than SWEEP_ORPHAN_SECONDS (60 s): let one pass run after that
                time.sleep(max(0.0, 75 - settle_s))
                ok = self.report()
                print(f"  traffic: {traffic_s:.0f} s; settled {settle_s:.0f} s after traffic stopped")
            finally:
                stop_began = time.monotonic()
                self.server.send_signal(signal.SIGTERM)
                try:
                    code = self.server.wait(30)
                except subprocess.TimeoutExpired:
                    self.server.kill()
                    code = "killed"
                print(f"  dev server stopped by SIGTERM in {time.monotonic() - stop_began:.1f} s (exit {code})")
                self.server_log.close()
                self.mariadb.stop()
            print("RESULT:", "PASS" if ok else "FAIL")
            return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--candidates", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 0 < args.minutes <= 30:
        parser.error("--minutes must be more than 0 and at most 30")
    return Soak(args).run()


if __name__ == "__main__":
    sys.exit(main())
