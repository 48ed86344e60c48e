"""Every message a person reads is Chinese: walk the OpenAPI document and call every route the wrong ways
(no sign-in, someone else's ids, an empty or malformed body, an unknown token) and check each error's `message`;
and every error code the code can raise has a Chinese sentence in api/messages.py."""
import re
from pathlib import Path

from api.messages import MESSAGES, is_chinese
from tests.api.flow import create_interview, invite

API = Path(__file__).resolve().parents[2] / "api"
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{3,}( [A-Za-z]{2,}){2,}")


def assert_person_readable(response, where):
    assert response.is_json, (where, response.get_data(as_text=True)[:200])
    body = response.json
    assert set(body) >= {"error", "message"}, (where, body)
    assert re.fullmatch(r"[a-z0-9_]+", body["error"]), (where, body)
    assert is_chinese(body["message"]) and not ENGLISH_SENTENCE.search(body["message"]), (where, body)


def routes(client):
    spec = client.get("/api/openapi.json").json
    for path, operations in spec["paths"].items():
        for method in operations:
            if method in ("get", "post", "put", "patch", "delete"):
                yield method.upper(), path


def test_every_route_answers_errors_in_chinese(client, auth):
    owner = auth.login()
    interview = create_interview(client, owner, questions=1)
    invite(client, owner, interview["id"])
    stranger = auth.login(name="赵总", org="别家公司")
    checked = 0
    for method, path in routes(client):
        url = re.sub(r"\{(\w+)\}", lambda m: "999999" if m.group(1).endswith("id") else "AAAAAAAAAAAAAAAAAAAAAAAA", path)
        for headers, body in (({}, None), (stranger, {}), (stranger, {"unexpected": "x" * 3000}),
                              ({"Content-Type": "application/json"}, "not json")):
            if isinstance(body, str):
                response = client.open(url, method=method, data=body, headers=headers)
            else:
                response = client.open(url, method=method, json=body, headers=headers)
            if response.status_code >= 400 and response.is_json:
                assert_person_readable(response, f"{method} {path} {headers and 'signed in'} {body!r:.20}")
                checked += 1
    assert checked > 100, checked


def test_unknown_routes_and_methods_are_chinese_too(client):
    assert_person_readable(client.get("/api/nothing-here"), "unknown route")
    assert_person_readable(client.delete("/api/jobs"), "method")
    assert_person_readable(client.post("/api/jobs", data="{", content_type="application/json"), "bad json")


def test_every_error_code_raised_in_the_code_has_a_chinese_sentence():
    source = "\n".join(path.read_text() for path in API.rglob("*.py"))
    codes = set(re.findall(r'abort\(\s*\d{3}\s*(?:if [^,]+)?,\s*"([a-z_]+)"', source))
    codes |= set(re.findall(r'PolicyError\(\s*\d{3},\s*"([a-z_]+)"', source))
    codes |= set(re.findall(r'else\s+"([a-z_]+)"', source)) & {"wechat_busy"}
    codes |= {"wechat_rate_limited"}
    assert len(codes) > 40, codes
    missing = sorted(code for code in codes if code not in MESSAGES)
    assert not missing, missing
    assert all(is_chinese(text) for text in MESSAGES.values())
