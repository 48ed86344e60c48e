"""Access logs redact invitation tokens, share codes, upload ids and signed-URL signatures (issue 9, item 5):
werkzeug's request log (the development server) and gunicorn's access log (production), over real HTTP."""
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from api.protection.logs import redact
from tests.api import flow
from tests.conftest import AuthActions, free_port

ROOT = Path(__file__).resolve().parents[2]


def secrets_of_a_session(app, base_url):
    """Make an interview, an invitation, a share code, a multipart upload and a media link; return the
    paths to request and the secret strings that must never be logged."""
    client = app.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=1)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    question = flow.start(client, token)["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{question}/think")
    scene = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr).headers["X-Miaomian-Scene"]
    code = scene.split("=", 1)[1]
    ticket = client.post(f"/api/c/{token}/answers/{question}/upload",
                         json={"content_type": "audio/aac", "chunked": True, "size": 2 * 1024 * 1024}).json
    part_url = ticket["parts"][0]["url"].replace("http://localhost", "").replace(base_url, "")
    media = app.extensions["miaomian.storage"].media_url(ticket["key"], 600).replace("http://localhost", "").replace(base_url, "")
    signature = re.search(r"sig=([^&]+)", media).group(1)
    paths = [f"/api/c/{token}", f"/i/{token}", f"/s/{code}", f"/api/scenes/{scene}", part_url, media,
             f"/api/c/{token}/report?token={token}"]
    secrets = [token, code, ticket["upload_id"], signature, ticket["key"], re.search(r"sig=([^&]+)", part_url).group(1)]
    return paths, secrets


def assert_redacted(log_text, secrets):
    for secret in secrets:
        assert secret not in log_text, (secret, log_text[-2000:])
    assert "/api/c/[redacted]" in log_text and "/i/[redacted]" in log_text and "/s/[redacted]" in log_text
    assert "sig=[redacted]" in log_text and "/api/storage/parts/[redacted]/1" in log_text


def test_redact_keeps_the_shape_of_the_line():
    line = '127.0.0.1 - - "GET /api/c/AbC_12-x/answers/3/upload?x=1&sig=deadbeef&expires=9 HTTP/1.1" 200 -'
    assert redact(line) == '127.0.0.1 - - "GET /api/c/[redacted]/answers/3/upload?x=1&sig=[redacted]&expires=9 HTTP/1.1" 200 -'
    assert redact("GET /i/assets/interview.js") == "GET /i/assets/interview.js"
    assert redact("/api/storage/object?key=answers/p/1/1-a.aac&expires=1&sig=ff") == \
        "/api/storage/object?key=[redacted]&expires=1&sig=[redacted]"


def test_werkzeug_request_log_is_redacted(live_server, caplog):
    paths, secrets = secrets_of_a_session(live_server.app, live_server.url)
    caplog.set_level(logging.INFO, logger="werkzeug")
    for path in paths:
        requests.get(live_server.url + path, timeout=30)
    requests.put(live_server.url + paths[4], data=b"x", timeout=30)
    logged = "\n".join(record.getMessage() for record in caplog.records if record.name == "werkzeug")
    assert logged.count("HTTP/1.1") >= len(paths)
    assert_redacted(logged, secrets)


def test_gunicorn_access_log_is_redacted(database_url, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_file = tmp_path / "access.log"
    env = {**os.environ, "MIAOMIAN_ENV": "development", "MIAOMIAN_INSTANCE_PATH": str(tmp_path / "instance"),
           "MIAOMIAN_DATABASE_URL": database_url, "MIAOMIAN_DEV_LOGIN": "1", "MIAOMIAN_PUBLIC_URL": base,
           "MIAOMIAN_STORAGE_ROOT": str(tmp_path / "storage")}
    # gunicorn reads gunicorn.conf.py from the working directory, as the SCF bootstrap runs it.
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}",
                               "--access-logfile", str(log_file), "api:create_app()"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"{base}/api/openapi.json", timeout=2)
                break
            except requests.RequestException:
                assert server.poll() is None, server.stderr.read()[-3000:]
                time.sleep(0.3)
        from tests.conftest import make_app
        app = make_app(database_url, tmp_path, PUBLIC_URL=base, STORAGE_ROOT=str(tmp_path / "storage"),
                       INSTANCE_PATH=str(tmp_path / "instance"))
        paths, secrets = secrets_of_a_session(app, base)
        for path in paths:
            requests.get(base + path, timeout=30)
        requests.put(base + paths[4], data=b"x", timeout=30)
        app.extensions["miaomian.engine"].dispose()
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    logged = log_file.read_text()
    assert logged.count("HTTP/1.1") >= len(paths), logged
    assert_redacted(logged, secrets)
    for secret in secrets:
        assert secret not in errors


def test_every_route_with_a_secret_in_its_path_is_redacted_in_both_log_formats(app):
    """Walk the URL map: every rule variable that is not an integer id (token, code, scene, key, …) is
    redacted in werkzeug's request line and in gunicorn's access-log atoms; integer ids stay readable."""
    from types import SimpleNamespace

    from gunicorn.config import Config

    from api.protection import logs

    logs.install_routes(app)
    gunicorn_logger = logs.RedactingGunicornLogger(Config())
    checked = 0
    for rule in app.url_map.iter_rules():
        secret_names = logs.secret_arguments(rule)
        if not secret_names:
            continue
        values = {}
        for number, (converter, name) in enumerate(logs._VARIABLE.findall(rule.rule)):
            values[name] = "424242" if converter == "int" else f"SeCrEt{number}Xq9{name}"
        path = logs._VARIABLE.sub(lambda m: values[m.group(2)], rule.rule)
        werkzeug_line = logs.redact(f'127.0.0.1 - - [29/Nov/2026 18:00:00] "GET {path}?sig=abc HTTP/1.1" 200 -')
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "sig=abc", "RAW_URI": path + "?sig=abc",
                   "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_REFERER": "https://example.com" + path, "REMOTE_ADDR": "1.2.3.4"}
        request = SimpleNamespace(headers=[], method="GET", path=path, query="sig=abc", uri=path + "?sig=abc",
                                  version=(1, 1))
        response = SimpleNamespace(status="200 OK", headers=[], sent=10, response_length=10)
        atoms = gunicorn_logger.atoms(response, request, environ, SimpleNamespace(seconds=0, microseconds=1))
        gunicorn_text = " ".join(str(value) for value in atoms.values())
        for name in secret_names:
            assert values[name] not in werkzeug_line, (rule.rule, werkzeug_line)
            assert values[name] not in gunicorn_text, (rule.rule, gunicorn_text)
        assert "abc" not in werkzeug_line.split("sig=")[1][:3]
        if "424242" in path:
            assert "424242" in werkzeug_line, (rule.rule, werkzeug_line)
        checked += 1
    names = {rule.rule for rule in app.url_map.iter_rules() if logs.secret_arguments(rule)}
    assert {"/r/<token>", "/api/r/<token>", "/api/team-invites/<code>/join", "/api/referrers/<code>/poster.png"} <= names
    assert checked >= 10
