"""Every message a person reads is Chinese: walk the OpenAPI document and call every route the wrong ways
(no sign-in, someone else's ids, an empty or malformed body, an unknown token) and check each error's `message`;
and every error code the code can raise has a Chinese sentence in api/messages.py."""
import re
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("reason, code, expected", [
    ("no Vosk model for language zh installed at /models", None, "识别模型还没有安装"),
    ("no Vosk model for language zh installed", "model_missing", "识别模型还没有安装"),
    ("no speech found in the recording", None, "几乎没有说话声"),
    ("answer repeats the question", "parroting", "重复题目"),
    ("something brand new", "some_future_code", "没有自动评分"),
    (None, "some_future_code", "没有自动评分"),
    ("detected language ko, expected zh", "wrong_language", "语言和面试要求的不一样"),
    ("录音太短了。", "too_little_content", "录音太短了。"),
])
def test_every_analyzer_reason_becomes_chinese(reason, code, expected):
    from api.messages import REASON_TEXT, answer_reason, is_chinese

    text = answer_reason(reason, code)
    assert expected in text and is_chinese(text) and not re.search(r"[A-Za-z]{3}", text)
    for known in ("no_speech", "too_little_content", "filler_only", "keyword_list", "repetition", "nonsense",
                  "parroting", "wrong_language", "low_asr_confidence", "model_missing", "bad_media", "too_long",
                  "template_numbers"):
        assert is_chinese(answer_reason("some English words", known)) and known in REASON_TEXT


def test_size_and_type_errors_speak_of_the_route_kind():
    """413/415 on an upload route speak of the recording; on a JSON route (HR, candidate API) of the text."""
    from api import messages as msgs

    assert msgs.route_kind("storage") == "upload" and msgs.route_kind("jobs") == "json" and msgs.route_kind(None) == "json"
    for code, status in (("too_large", 413), ("unsupported_media_type", 415)):
        upload = msgs.error_message(code, status, "The file is larger than 1 MB.", kind="upload")
        json_route = msgs.error_message(code, status, None, kind="json")
        assert "录音" in upload and "录音" not in json_route and msgs.is_chinese(json_route)


def test_every_reason_hr_can_read_has_its_own_sentence_for_the_candidate():
    """A reason code added for HR (REASON_TEXT) without a candidate sentence would fall back to the generic
    one: every code HR can read has its own candidate-voiced Chinese sentence."""
    from api import messages

    missing = sorted(set(messages.REASON_TEXT) - set(messages.CANDIDATE_REASON_TEXT))
    assert not missing, missing
