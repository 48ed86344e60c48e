"""What the request protection layer (api/protection/) costs per request, in process on SQLite.

    .venv/bin/python bench/protection.py [--requests 2000]

Times GET /api/c/<token> (a candidate polling) through the Flask test client with rate limiting off,
counted in memory, and counted in Redis at 127.0.0.1:6379 (skipped when it is not running), and the JSON
checks (depth scan, string scan) on a 1 MB body with many brackets. Prints per-request medians and p95 in
milliseconds and the overhead against "off". Loopback only; nothing is asserted: it prints.
"""
import argparse
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api import create_app, db  # noqa: E402
from api.protection import inputs  # noqa: E402


def candidate_app(folder: Path, **config):
    app = create_app({"ENV": "test", "DEV_LOGIN": True, "INSTANCE_PATH": str(folder / "instance"),
                      "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "PUBLIC_URL": "http://localhost",
                      **config})
    db.migrate(app.extensions["miaomian.engine"])
    client = app.test_client()
    hr = {"Authorization": "Bearer " + client.post("/api/auth/dev", json={"name": "压测", "org": "压测"}).json["token"]}
    job = client.post("/api/jobs", json={"title": "店员"}, headers=hr).json
    interview = client.post(f"/api/jobs/{job['id']}/interviews", headers=hr, json={
        "language": "zh", "competencies": [{"name": "沟通", "weight": 1, "keywords": ["沟通"]}],
        "questions": [{"text": "介绍一下你自己。", "think_seconds": 10, "answer_seconds": 60, "max_attempts": 2}]}).json
    tokens = [item["token"] for item in client.post(f"/api/interviews/{interview['id']}/invitations", headers=hr, json={
        "candidates": [{"name": f"候选人{n}"} for n in range(50)]}).json]
    return app, client, tokens


def timed(client, tokens, count):
    durations = []
    for number in range(count):
        started = time.perf_counter()
        response = client.get(f"/api/c/{tokens[number % len(tokens)]}")
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.json
    durations.sort()
    return statistics.median(durations), durations[int(len(durations) * 0.95)]


def redis_running() -> bool:
    try:
        import redis
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1).ping()
        return True
    except Exception:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    variants = {"off": {"RATELIMIT_ENABLED": False}, "memory://": {}}
    if redis_running():
        variants["redis://"] = {"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
                                "RATELIMIT_KEY_PREFIX": f"miaomian-bench-{secrets.token_hex(4)}"}
    print(f"GET /api/c/<token>, {args.requests} requests over 50 tokens (SQLite, test client, one thread)")
    baseline = None
    for name, config in variants.items():
        with tempfile.TemporaryDirectory() as folder:
            app, client, tokens = candidate_app(Path(folder), **config)
            timed(client, tokens, 100)  # warm up
            median, p95 = timed(client, tokens, args.requests)
            app.extensions["miaomian.engine"].dispose()
        baseline = baseline or median
        print(f"  rate limits {name:10s} median {median:6.2f} ms   p95 {p95:6.2f} ms   "
              f"overhead {median - baseline:+5.2f} ms ({median / baseline:4.2f}x)")
        if name == "redis://":
            import redis
            connection = redis.Redis.from_url("redis://127.0.0.1:6379/0")
            for key in connection.scan_iter(f"*{config['RATELIMIT_KEY_PREFIX']}*"):
                connection.delete(key)
    if "redis://" not in variants:
        print("  rate limits redis://   skipped: Redis is not running at 127.0.0.1:6379")

    body = b'{"candidates": [' + b",".join(b'{"name": "\\u5f20\\u4e09", "phone": "13800138000"}' for _ in range(18000)) + b"]}"
    started = time.perf_counter()
    for _ in range(10):
        inputs.json_depth_exceeds(body, inputs.MAX_JSON_DEPTH)
    depth_ms = (time.perf_counter() - started) * 100
    import json
    decoded = json.loads(body)
    started = time.perf_counter()
    for _ in range(10):
        inputs.first_bad_string(decoded)
    strings_ms = (time.perf_counter() - started) * 100
    print(f"JSON checks on a {len(body) / 1048576:.2f} MB body with 18000 objects: depth scan {depth_ms:.1f} ms, "
          f"string scan {strings_ms:.1f} ms (the largest body the API accepts is 1 MB)")


if __name__ == "__main__":
    main()
