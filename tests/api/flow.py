"""Steps of the interview flow, shared by the API tests."""
import io
import itertools
import zlib

QUESTION = {"text": "讲一次你帮助顾客解决问题的经历。", "think_seconds": 10, "answer_seconds": 60, "max_attempts": 2}
COMPETENCIES = [{"name": "沟通表达", "weight": 2, "keywords": ["沟通", "顾客"]},
                {"name": "解决问题", "weight": 1, "keywords": ["解决", "结果"]}]


def create_job(client, headers, title="门店店员"):
    response = client.post("/api/jobs", json={"title": title, "location": "上海"}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def create_interview(client, headers, questions=2, **overrides):
    job = create_job(client, headers)
    body = {"language": "zh", "competencies": COMPETENCIES, "questions": [dict(QUESTION) for _ in range(questions)]}
    body.update(overrides)
    response = client.post(f"/api/jobs/{job['id']}/interviews", json=body, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def phone_for(name: str) -> str:
    """A mainland mobile number of one's own per name (one person, one number: the API refuses to invite a
    number twice to an interview); 张三 keeps 13800138000."""
    return "13800138000" if name == "张三" else f"139{zlib.crc32(name.encode()) % 10 ** 8:08d}"


FRESH_PHONES = itertools.count(1)


def fresh_phone() -> str:
    """A number no other call of this test run used (one person per call, whatever the name)."""
    return f"137{next(FRESH_PHONES):08d}"


def invite(client, headers, interview_id, names=("张三",), phones=None, **extra):
    phones = phones or [phone_for(name) for name in names]
    response = client.post(f"/api/interviews/{interview_id}/invitations",
                           json={"candidates": [{"name": name, "phone": phone} for name, phone in zip(names, phones)],
                                 **extra},
                           headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def interview_with_candidate(client, auth, **interview):
    """HR signs in (`auth`: conftest's AuthActions), creates an interview (create_interview's options) and invites
    one candidate: (HR's headers, the interview, the candidate's token)."""
    headers = auth.login()
    created = create_interview(client, headers, **interview)
    return headers, created, invite(client, headers, created["id"])[0]["token"]


def start(client, token):
    privacy = client.get(f"/api/c/{token}").json["privacy_version"]
    response = client.post(f"/api/c/{token}/start", json={"consent": True, "privacy_version": privacy})
    assert response.status_code == 200, response.json
    return response.json


def request_upload(client, token, question_id, content_type="audio/aac"):
    """The question is opened first (POST …/think, idempotent): no recording belongs to an unopened question."""
    client.post(f"/api/c/{token}/answers/{question_id}/think")
    return client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"content_type": content_type})


def send_file(client, ticket, data: bytes, content_type=None, filename="answer.aac"):
    fields = dict(ticket["fields"])
    if content_type is not None:
        fields["Content-Type"] = content_type
    return client.post(ticket["url"], data={**fields, "file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def answer(client, token, question_id, data: bytes):
    ticket = request_upload(client, token, question_id)
    assert ticket.status_code == 200, ticket.json
    uploaded = send_file(client, ticket.json, data)
    assert uploaded.status_code == 200, uploaded.json
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket.json["key"]})
    assert confirmed.status_code == 200, confirmed.json
    return ticket.json["key"]
