"""The README's curl walkthrough, run as written against `python -m api.devserver` (what `make dev` runs)."""
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def walkthrough_script(api_url: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(API=http://127\.0\.0\.1:5000\n.*?)```", readme, re.S).group(1)
    return "set -euo pipefail\n" + block.replace("API=http://127.0.0.1:5000", f"API={api_url}", 1)


@pytest.fixture
def devserver(tmp_path):
    port = free_port()
    env = {**os.environ, "PORT": str(port), "MIAOMIAN_INSTANCE_PATH": str(tmp_path / "instance")}
    for name in ("MIAOMIAN_DATABASE_URL", "MIAOMIAN_API_URL", "MIAOMIAN_PUBLIC_URL", "MIAOMIAN_HMAC_KEY"):
        env.pop(name, None)
    process = subprocess.Popen([sys.executable, "-m", "api.devserver"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.3)
    yield url
    process.terminate()
    output, _ = process.communicate(timeout=30)
    assert "Traceback" not in output, output[-3000:]
    # The banner names nobody and the request log shows no token, share code or signature.
    assert "张三" not in output and "李四" not in output and "demo invitations: 2 links in" in output, output[:2000]
    for secret_path in re.findall(r"(?:/api/c/|/i/(?!assets/)|/s/|/api/scenes/)([^/\s\"?]+)", output):
        assert secret_path == "[redacted]", secret_path
    assert not re.search(r"[?&]sig=(?!\[redacted\])", output)
    links = tmp_path / "instance" / "demo-invitations.txt"
    assert links.stat().st_mode & 0o777 == 0o600 and len(links.read_text().split()) == 2


def test_readme_walkthrough_runs_as_written(devserver, tmp_path):
    result = subprocess.run(["bash", "-c", walkthrough_script(devserver)], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert '"error"' not in result.stdout, result.stdout[-3000:]
    assert '"decision":"advance"' in result.stdout
    assert '"erased":true' in result.stdout
    assert re.search(r'"status":"(scored|needs_review)"', result.stdout), result.stdout[-3000:]
    assert "QR code PNG: True" in result.stdout
    notifications = json.loads(next(line for line in result.stdout.splitlines() if line.startswith('[{"') and '"kind"' in line))
    assert {item["kind"] for item in notifications} >= {"candidate_finished"}
    assert all(item["status"] == "skipped" and item["reason"] for item in notifications), notifications
