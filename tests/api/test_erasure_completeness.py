"""Keys live only while they belong to a live attempt of a live session; erasure and retention leave nothing
of the session in storage or in any table (issue 9, item 2). Both database backends."""
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from api.crypto import FERNET_PREFIX, encrypt
from api.schema import invitations, metadata, phone_verifications, sessions, users, wechat_logins
from api.timeutil import utcnow
from tests.api.flow import answer, create_interview, invite, phone_for, request_upload, send_file, start
from tests.api.test_hr_resources import assert_error
from tests.api.test_storage import _put_parts

NAME, PHONE, OPENID, WECHAT_NAME = "赵小明", "13912345678", "oCandidateOpenid0001", "小明的微信"
KEEP_SESSION_ID = {"sessions", "audit_log", "referral_credits"}  # the tombstone, its audit entry, a referrer's credit


def _storage_files(app) -> list[str]:
    root = Path(app.config["STORAGE_ROOT"])
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()) if root.exists() else []


def _candidate(client, headers, interview_id, name=NAME):
    invited = client.post(f"/api/interviews/{interview_id}/invitations",
                          json={"candidates": [{"name": name, "phone": PHONE if name == NAME else phone_for(name)}]},
                          headers=headers)
    assert invited.status_code == 201, invited.json
    return invited.json[0]


def _with_wechat_user(app, session_id):
    """The candidate signed in with WeChat: a user row (encrypted display name), a session key, a verified phone."""
    with app.app_context(), app.extensions["miaomian.engine"].begin() as connection:
        user_id = connection.execute(users.insert().values(display_name=encrypt(WECHAT_NAME), openid=OPENID,
                                                           unionid="uCandidateUnion", created_at=utcnow())
                                     ).inserted_primary_key[0]
        connection.execute(wechat_logins.insert().values(user_id=user_id, session_key_enc=encrypt("sk"),
                                                         updated_at=utcnow()))
        connection.execute(sessions.update().where(sessions.c.id == session_id).values(candidate_user_id=user_id))
        connection.execute(phone_verifications.insert().values(session_id=session_id, user_id=user_id,
                                                               phone_enc=encrypt(PHONE), phone_last4=PHONE[-4:],
                                                               verified_at=utcnow()))
    return user_id


def _traces(app, session_id, needles) -> list[str]:
    """Every cell of every table that holds one of the needles, and every row (outside the tombstone tables)
    that points at the session."""
    found = []
    with app.extensions["miaomian.engine"].connect() as connection:
        for table in metadata.sorted_tables:
            for row in connection.execute(sa.select(table)):
                for column, value in row._mapping.items():
                    if value is not None and any(needle in str(value) for needle in needles):
                        if not (table.name == "sessions" and column == "public_id"):
                            found.append(f"{table.name}.{column}={str(value)[:60]}")
                    if (column == "session_id" and value == session_id and table.name not in KEEP_SESSION_ID):
                        found.append(f"{table.name} row {row._mapping.get('id')} of the session")
    return found


def _playback_rendition(app, key):
    """The analyzer's AAC/M4A playback copy of a stored answer (functions/analyze/playback.py, real ffmpeg),
    written where the analyzer writes it: `playback/answers/<session>/…`."""
    from functions.analyze import playback
    from functions.analyze.storage import LocalStorage

    root = Path(app.config["STORAGE_ROOT"])
    assert playback.make_rendition(key, root / key, LocalStorage(root)) == playback.rendition_key(key)
    assert (root / playback.rendition_key(key)).stat().st_size > 0


def _answer_everything(client, token, interview, aac_bytes, chunked_too=True):
    start(client, token)
    question_id = interview["questions"][0]["id"]
    keys = [answer(client, token, question_id, aac_bytes)]
    _playback_rendition(client.application, keys[0])
    revoked = request_upload(client, token, question_id).json  # a second attempt's ticket...
    reissued = request_upload(client, token, question_id).json  # ...re-issued: the first one is revoked
    assert_error(send_file(client, revoked, aac_bytes), 403, "upload_revoked")
    # the re-issued take is saved, so the next question may open (none opens while a take is recording)
    assert send_file(client, reissued, aac_bytes).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": reissued["key"]})
    assert confirmed.status_code == 200, confirmed.json
    keys.append(reissued["key"])
    if chunked_too:  # and a half-finished chunked upload of the other question
        data = (aac_bytes * (1_500_000 // len(aac_bytes) + 1))[:1_500_000]
        client.post(f"/api/c/{token}/answers/{interview['questions'][1]['id']}/think")
        ticket = client.post(f"/api/c/{token}/answers/{interview['questions'][1]['id']}/upload",
                             json={"content_type": "audio/aac", "chunked": True, "size": len(data),
                                   "chunk_size": 1024 * 1024}).json
        _put_parts(client, {"parts": ticket["parts"][:1]}, data)
        return keys, ticket, data
    return keys, None, None


def test_erasure_leaves_nothing_of_the_session_and_closes_its_tickets(app, client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=2)
    item = _candidate(client, headers, interview["id"])
    other = _candidate(client, headers, interview["id"], name="钱多多")
    token, session_id = item["token"], item["session_id"]
    user_id = _with_wechat_user(app, session_id)
    keys, chunked, data = _answer_everything(client, token, interview, aac_bytes)
    start(client, other["token"])
    other_key = answer(client, other["token"], interview["questions"][0]["id"], aac_bytes)
    # a live single-upload ticket of the open question (the earlier one is closed: no going back)
    live_ticket = request_upload(client, token, interview["questions"][1]["id"]).json
    assert "fields" in live_ticket, live_ticket
    with app.extensions["miaomian.engine"].connect() as connection:
        public_id = connection.scalar(sa.select(sessions.c.public_id).where(sessions.c.id == session_id))
    assert any(public_id in path for path in _storage_files(app))  # parts and the answer are there before
    assert any(path.startswith("playback/") and public_id in path for path in _storage_files(app))

    erased = client.delete(f"/api/c/{token}")
    assert erased.status_code == 200 and erased.json["erased"] is True, erased.json

    assert [path for path in _storage_files(app) if public_id in path] == []
    assert app.extensions["miaomian.storage"].exists(other_key)  # the other candidate keeps theirs
    needles = [NAME, PHONE, OPENID, "uCandidateUnion", public_id, *keys, chunked["key"]]
    assert _traces(app, session_id, needles) == []
    with app.extensions["miaomian.engine"].connect() as connection:
        user = connection.execute(sa.select(users).where(users.c.id == user_id)).one()
    assert user.display_name is None and user.openid is None and user.unionid is None  # anonymised
    # Every ticket of the session is closed: single upload, further chunked parts, completion.
    assert_error(send_file(client, live_ticket, aac_bytes), 403, "upload_revoked")
    assert_error(client.put(chunked["parts"][1]["url"].replace("http://localhost", ""),
                            data=data[chunked["parts"][1]["offset"]:]), 403, "upload_revoked")
    done = client.post(f"/api/c/{token}/answers/{interview['questions'][1]['id']}/uploaded",
                       json={"key": chunked["key"], "upload_id": chunked["upload_id"],
                             "parts": [{"index": 1, "etag": '"x"'}, {"index": 2, "etag": '"y"'}]})
    assert_error(done, 410, "erased")
    assert [path for path in _storage_files(app) if public_id in path] == []
    assert_error(client.delete(f"/api/c/{token}"), 410, "erased")  # erased once; nothing more to erase


def test_retention_leaves_nothing_of_the_session(app, client, auth, runner, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=2)
    item = _candidate(client, headers, interview["id"])
    _with_wechat_user(app, item["session_id"])
    keys, chunked, _ = _answer_everything(client, item["token"], interview, aac_bytes)
    with app.extensions["miaomian.engine"].begin() as connection:
        public_id = connection.scalar(sa.select(sessions.c.public_id).where(sessions.c.id == item["session_id"]))
        connection.execute(sessions.update().where(sessions.c.id == item["session_id"]).values(
            created_at=utcnow() - timedelta(days=366)))
    result = runner.invoke(args=["purge-expired"])
    assert "erased 1 sessions" in result.output, result.output
    assert [path for path in _storage_files(app) if public_id in path] == []
    assert _traces(app, item["session_id"], [NAME, PHONE, OPENID, public_id, *keys, chunked["key"]]) == []


def test_an_expired_invitation_can_still_be_erased(app, client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    item = _candidate(client, headers, interview["id"])
    never_started = _candidate(client, headers, interview["id"], name="孙未开始")
    start(client, item["token"])
    key = answer(client, item["token"], interview["questions"][0]["id"], aac_bytes)
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(invitations.update().values(expires_at=utcnow() - timedelta(days=30)))
    assert_error(client.get(f"/api/c/{never_started['token']}"), 410, "invitation_expired")
    for token, objects in ((item["token"], 1), (never_started["token"], 0)):
        erased = client.delete(f"/api/c/{token}")
        assert erased.status_code == 200 and erased.json["objects_deleted"] == objects, erased.json
    assert not app.extensions["miaomian.storage"].exists(key)
    assert_error(client.delete(f"/api/c/{item['token']}"), 410, "erased")


def test_display_names_are_encrypted_at_rest_and_legacy_rows_by_migrate(app, client, auth, runner):
    headers = auth.login(name="孙经理", org="甲店")
    with app.extensions["miaomian.engine"].begin() as connection:
        stored = connection.scalar(sa.select(users.c.display_name))
        legacy = connection.execute(users.insert().values(display_name="旧的明文名字", created_at=utcnow())
                                    ).inserted_primary_key[0]
    assert stored.startswith(FERNET_PREFIX) and "孙经理" not in stored
    assert auth.login(name="孙经理", org="甲店") != headers  # the same user signs in again (a new token)
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(users)) == 2  # no duplicate HR user
    result = runner.invoke(args=["migrate"])
    assert "encrypted 1 display names" in result.output, result.output
    with app.extensions["miaomian.engine"].connect() as connection:
        value = connection.scalar(sa.select(users.c.display_name).where(users.c.id == legacy))
    assert value.startswith(FERNET_PREFIX)
    with app.app_context():
        from api.crypto import read_name
        assert read_name(value) == "旧的明文名字"
