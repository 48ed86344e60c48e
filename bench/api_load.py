"""API load benchmark: N concurrent candidates open the interview, start, ask for an upload URL and upload
100 KB, against gunicorn (2 workers) on MariaDB; compared with a bare Flask JSON endpoint in the same run.

    .venv/bin/python bench/api_load.py [--candidates 200] [--workers 2] [--threads 4]

Prints requests/s, p50/p95/p99 latency, errors, and the ratio of throughput to the bare endpoint.
Targets (issue 2): p99 < 300 ms, zero errors, ratio >= 0.3. It needs MariaDB at 127.0.0.1:3306 (root).
"""
import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.fernet import Fernet  # noqa: E402

from api import create_app, db  # noqa: E402
from tests.servers import free_port, wait_until_serving  # noqa: E402
from tests.scratch_mariadb import scratch_database  # noqa: E402

UPLOAD = b"\xff\xf1" + os.urandom(100 * 1024 - 2)  # an ADTS sync word, then 100 KB


def gunicorn(app_spec: str, port: int, env: dict, workers: int, threads: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", "gthread",
                             "--threads", str(threads), "-b", f"127.0.0.1:{port}", "--log-level", "warning",
                             app_spec], cwd=ROOT, env=env)


def seed(config: dict, candidates: int) -> list[str]:
    app = create_app(config)
    db.migrate(app.extensions["miaomian.engine"])
    client = app.test_client()
    token = client.post("/api/auth/dev", json={"name": "bench", "org": "bench"}).json["token"]
    headers = {"Authorization": f"Bearer {token}"}
    job = client.post("/api/jobs", json={"title": "门店店员"}, headers=headers).json
    interview = client.post(f"/api/jobs/{job['id']}/interviews", headers=headers, json={
        "competencies": [{"name": "沟通", "weight": 1, "keywords": ["沟通"]}],
        "questions": [{"text": f"问题{i}"} for i in range(3)]}).json
    tokens = []
    for start in range(0, candidates, 500):
        batch = [{"name": f"候选人{i}"} for i in range(start, min(candidates, start + 500))]
        tokens += [item["token"] for item in client.post(f"/api/interviews/{interview['id']}/invitations",
                                                         json={"candidates": batch}, headers=headers).json]
    app.extensions["miaomian.engine"].dispose()
    return tokens


class Recorder:
    def __init__(self):
        self.latencies, self.errors, self.lock = [], [], threading.Lock()

    def timed(self, session: requests.Session, method: str, url: str, **kwargs):
        started = time.perf_counter()
        try:
            response = session.request(method, url, timeout=30, **kwargs)
            ok = response.status_code < 400
            detail = f"{method} {url.split('?')[0]} → {response.status_code}"
        except requests.RequestException as error:
            response, ok, detail = None, False, f"{method} {url}: {error}"
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
            if not ok:
                self.errors.append(detail)
        return response

    def summary(self, wall: float) -> dict:
        ordered = sorted(self.latencies)
        pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
        return {"requests": len(ordered), "rps": len(ordered) / wall, "p50": pick(0.50), "p95": pick(0.95),
                "p99": pick(0.99), "mean": statistics.mean(ordered) * 1000, "errors": len(self.errors)}


def candidate_flow(base: str, token: str, recorder: Recorder, barrier: threading.Barrier, delay: float) -> None:
    session = requests.Session()
    barrier.wait()
    time.sleep(delay)
    view = recorder.timed(session, "GET", f"{base}/api/c/{token}")
    if view is None or view.status_code != 200:
        return
    body = view.json()
    started = recorder.timed(session, "POST", f"{base}/api/c/{token}/start",
                             json={"consent": True, "privacy_version": body["privacy_version"]})
    if started is None or started.status_code != 200:
        return
    question_id = body["questions"][0]["id"]
    for step in ("think", "attempts"):  # the server keeps the time: open the question, start the take
        if recorder.timed(session, "POST", f"{base}/api/c/{token}/answers/{question_id}/{step}", json={}) is None:
            return
    ticket = recorder.timed(session, "POST", f"{base}/api/c/{token}/answers/{question_id}/upload", json={})
    if ticket is None or ticket.status_code != 200:
        return
    ticket = ticket.json()
    recorder.timed(session, "POST", ticket["url"], data=ticket["fields"], files={"file": ("a.aac", UPLOAD, "audio/aac")})


def hello_flow(base: str, recorder: Recorder, barrier: threading.Barrier, delay: float = 0.0) -> None:
    session = requests.Session()
    barrier.wait()
    time.sleep(delay)
    for _ in range(4):
        recorder.timed(session, "GET", f"{base}/hello")


def run(flows, concurrency: int) -> tuple[Recorder, float]:
    recorder, barrier = Recorder(), threading.Barrier(concurrency + 1)
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(flow, recorder, barrier) for flow in flows]
        barrier.wait()
        started = time.perf_counter()
        for future in futures:
            future.result()
        wall = time.perf_counter() - started
    return recorder, wall


def print_row(name: str, figures: dict) -> None:
    print(f"{name:<22} {figures['requests']:>6} req  {figures['rps']:>8.1f} req/s  p50 {figures['p50']:>7.1f} ms  "
          f"p95 {figures['p95']:>7.1f} ms  p99 {figures['p99']:>7.1f} ms  errors {figures['errors']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--arrival-seconds", type=float, default=None,
                        help="spread the candidates' arrivals evenly over this many seconds (default: run "
                             "an all-at-once burst and a 10-s spread)")
    args = parser.parse_args()
    with scratch_database("miaomian_bench", migrate=False) as database_url:   # seed() migrates it
        benchmark(args, database_url)


def benchmark(args: argparse.Namespace, database_url: str) -> None:
    instance = Path(tempfile.mkdtemp(prefix="miaomian-bench-"))
    api_port, hello_port = free_port(), free_port()
    # "test": production's settings with development sign-in, which production refuses (api/config.py).
    config = {"ENV": "test", "SECRET_KEY": secrets.token_hex(32), "HMAC_KEY": secrets.token_hex(32),
              "DATA_KEY": Fernet.generate_key().decode(), "DATABASE_URL": database_url,
              "STORAGE_ROOT": str(instance / "storage"), "PUBLIC_URL": f"http://127.0.0.1:{api_port}",
              "DEV_LOGIN": True, "INSTANCE_PATH": str(instance)}
    env = {**os.environ, **{f"MIAOMIAN_{key}": str(value) for key, value in config.items()}, "MIAOMIAN_DEV_LOGIN": "1"}
    servers = []
    try:
        tokens = seed(config, args.candidates * 2)
        servers.append(gunicorn("api:create_app()", api_port, env, args.workers, args.threads))
        servers.append(gunicorn("bench.hello_app:create_app()", hello_port, env, args.workers, args.threads))
        any_answer = range(100, 600)   # up is enough: health may say 503 before anything has run
        wait_until_serving(f"http://127.0.0.1:{api_port}/healthz", 30, process=servers[0], statuses=any_answer)
        wait_until_serving(f"http://127.0.0.1:{hello_port}/hello", 30, process=servers[1], statuses=any_answer)
        base = f"http://127.0.0.1:{api_port}"
        hello_base = f"http://127.0.0.1:{hello_port}"
        run([lambda r, b: hello_flow(hello_base, r, b)] * 20, 20)  # warm-up
        spreads = [args.arrival_seconds] if args.arrival_seconds is not None else [0.0, 10.0]
        print(f"\n{args.candidates} concurrent candidates; gunicorn -w {args.workers} -k gthread --threads "
              f"{args.threads}; MariaDB; client and servers on this {os.cpu_count()}-core machine")
        for round_index, spread in enumerate(spreads):
            batch = tokens[round_index * args.candidates:(round_index + 1) * args.candidates]
            delays = [spread * i / args.candidates for i in range(args.candidates)]
            hello, hello_wall = run([lambda r, b, d=d: hello_flow(hello_base, r, b, d) for d in delays], args.candidates)
            flows = [lambda r, b, t=t, d=d: candidate_flow(base, t, r, b, d) for t, d in zip(batch, delays)]
            api, api_wall = run(flows, args.candidates)
            hello_figures, api_figures = hello.summary(hello_wall), api.summary(api_wall)
            ratio = api_figures["rps"] / hello_figures["rps"]
            print(f"\narrivals spread over {spread:.0f} s" + (" (all at once)" if spread == 0 else ""))
            print_row("bare Flask /hello", hello_figures)
            print_row("candidate flow", api_figures)
            print(f"ratio (candidate req/s ÷ bare req/s): {ratio:.2f}"
                  + ("" if spread == 0 else " (both keep up with the arrival rate, so this ratio is ~1 by design)"))
            for error in sorted(set(api.errors))[:10]:
                print("  error:", error)
            print(f"targets: p99 < 300 ms → {'met' if api_figures['p99'] < 300 else 'NOT met'}; zero errors → "
                  f"{'met' if api_figures['errors'] == 0 else 'NOT met'}; ratio ≥ 0.3 → "
                  f"{'met' if ratio >= 0.3 else 'NOT met'}")
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
