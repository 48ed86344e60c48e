"""`make dev` alone is enough for the README walkthrough.

- Every program the walkthrough calls is installed by `make dev` (its Debian packages, APT_RUNTIME), checked on
  every run from the README and the Makefile themselves.
- In CI (CI=true) or with MIAOMIAN_FRESH_CLONE=1: clone this repository into a temporary folder, run
  `make dev` there (it installs what is missing, creates the database and serves the API), and run the README
  walkthrough against it, exactly as a new developer would.
"""
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import free_port
from tests.e2e.test_readme_walkthrough import walkthrough_script

ROOT = Path(__file__).resolve().parents[2]
# The program a walkthrough line calls → the Debian package that provides it (python3 and bash come with Debian).
PROVIDED_BY = {"curl": "curl", "espeak-ng": "espeak-ng", "ffmpeg": "ffmpeg", "sox": "sox"}
BUILTIN = {"python3", "bash", "sleep", "echo", "cat", "set", "export"}


def apt_runtime() -> set[str]:
    makefile = (ROOT / "Makefile").read_text()
    return set(re.search(r"^APT_RUNTIME := (.+)$", makefile, re.M).group(1).split())


def commands_of(script: str) -> set[str]:
    found, heredoc_end = set(), None
    for line in script.splitlines():
        line = line.strip()
        if heredoc_end is not None:  # the body of `python3 - <<'PY' … PY` is Python, not commands
            heredoc_end = None if line == heredoc_end else heredoc_end
            continue
        if match := re.search(r"<<-?'?(\w+)'?", line):
            heredoc_end = match.group(1)
        if not line or line.startswith("#"):
            continue
        for segment in re.split(r"\$\(|\||&&|;", line):
            words = segment.strip().split()
            if words and re.fullmatch(r"[a-z][a-z0-9.-]+", words[0]) and "=" not in words[0]:
                found.add(words[0])
    return found


def test_make_dev_installs_every_program_the_walkthrough_calls():
    script = walkthrough_script("http://127.0.0.1:5000")
    commands = commands_of(script) - BUILTIN
    assert {"curl", "espeak-ng", "ffmpeg"} <= commands, commands
    unknown = commands - set(PROVIDED_BY)
    assert not unknown, f"the walkthrough calls programs nobody installs: {unknown}"
    missing = {PROVIDED_BY[command] for command in commands} - apt_runtime()
    assert not missing, f"`make dev` does not install {missing} (Makefile APT_RUNTIME)"
    assert "sox" in apt_runtime()  # the README's audio recipes mention sox for converting recordings


def _wanted() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes") or os.environ.get("MIAOMIAN_FRESH_CLONE") == "1"


@pytest.mark.skipif(not _wanted(), reason="clones and runs `make dev` (minutes): set CI=true or MIAOMIAN_FRESH_CLONE=1")
def test_walkthrough_after_make_dev_in_a_fresh_clone(tmp_path):
    clone = tmp_path / "miaomian"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    subprocess.run(["git", "checkout", "--quiet", head.strip()], cwd=clone, check=True)
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("MIAOMIAN_")}
    env.update(PORT=str(port), PIP_DISABLE_PIP_VERSION_CHECK="1")
    log = (tmp_path / "make-dev.log").open("w")
    make = subprocess.Popen(["make", "dev"], cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 1800  # a fresh venv installs every package first
        while time.monotonic() < deadline:
            assert make.poll() is None, (tmp_path / "make-dev.log").read_text()[-3000:]
            try:
                if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(2)
        else:
            pytest.fail("make dev did not serve /healthz in 30 minutes:\n" + (tmp_path / "make-dev.log").read_text()[-3000:])
        result = subprocess.run(["bash", "-c", walkthrough_script(url)], capture_output=True, text=True, timeout=600,
                                cwd=tmp_path)
        assert result.returncode == 0, result.stderr[-3000:]
        assert '"decision":"advance"' in result.stdout and '"erased":true' in result.stdout, result.stdout[-3000:]
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=60)
        log.close()
        shutil.rmtree(clone / ".venv", ignore_errors=True)
