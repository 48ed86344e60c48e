"""Loopback servers that tests and benchmarks start: a free port to start one on, and waiting until it serves."""
import socket
import subprocess
import time
from pathlib import Path

import requests


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at the moment of asking (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, seconds: float, *, process: subprocess.Popen | None = None, log: Path | None = None,
                       statuses=(200,), interval: float = 0.3) -> None:
    """Poll GET `url` (5-s timeout per try, `interval` s apart) until it answers with one of `statuses`.

    Raises AssertionError when `process` (the server, if given) exits first or `seconds` pass, with the last
    3,000 characters of `log` (the server's output file, if given) in the message."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        try:
            if requests.get(url, timeout=5).status_code in statuses:
                return
        except requests.RequestException:
            pass
        time.sleep(interval)
    state = (f"the server exited with {process.returncode}" if process is not None and process.poll() is not None
             else f"no answer in {statuses} within {seconds:g} s")
    tail = Path(log).read_text(errors="replace")[-3000:] if log is not None and Path(log).exists() else ""
    raise AssertionError(f"{url}: {state}\n{tail}")
