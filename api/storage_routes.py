"""The local store's HTTP face: POST Object uploads (COS-shaped) and signed media downloads.

An upload is acknowledged only once its storage event is committed: if the database cannot take the event,
the file is removed again and the client is told 503 to retry with the same ticket. Only the request that
created an object may remove it: a duplicate of an upload already placed is answered 409 already_uploaded and
touches nothing. A key is accepted only
while it belongs to an attempt still waiting for its file in a session still answering (a re-issued ticket,
a submitted or erased session revoke it).
"""
import logging
import time

import sqlalchemy as sa
from flask import current_app, request, send_file
from api.openapi import Blueprint

from api import events
from api.db import get_db
from api.openapi import abort
from api.schema import answers, sessions
from api.storage import LocalStore, PolicyError

log = logging.getLogger("miaomian.storage")

bp = Blueprint("storage", __name__, url_prefix="/api/storage",
               description="Local object storage (embedded default; production uses COS directly)")

MULTIPART_OVERHEAD = 64 * 1024


def key_state(connection, key: str, lock: bool = False) -> str:
    """"live" when the key is the current attempt of a session still answering and waits for its file,
    "uploaded" once that attempt is recorded as uploaded (or analysed), else "revoked" (raises SQLAlchemyError
    when the database cannot say). With lock, the session row and then the answer row stay locked until the
    transaction ends: the order every candidate request locks them in (api.candidate.load_session_by_token
    first), so an upload's acknowledgement never deadlocks with the take's stop or confirmation."""
    if lock:
        session_id = connection.scalar(sa.select(answers.c.session_id).where(answers.c.object_key == key))
        if session_id is None:
            return "revoked"
        connection.execute(sa.select(sessions.c.id).where(sessions.c.id == session_id).with_for_update())
    query = (sa.select(answers.c.status, answers.c.uploaded_at, sessions.c.status.label("session_status"))
             .join(sessions, sessions.c.id == answers.c.session_id).where(answers.c.object_key == key))
    row = connection.execute(query.with_for_update(of=answers) if lock else query).first()
    if row is None or row.session_status == "erased":
        return "revoked"
    if row.uploaded_at is not None or row.status != "awaiting_upload":
        return "uploaded"   # a recording, once recorded, is never replaced: its score is about those bytes
    return "live" if row.session_status == "started" else "revoked"


REVOKED = "这个上传链接已失效（已换新链接、已提交或已删除），请重新获取上传链接。"
ALREADY_UPLOADED = "这段录音已经上传过了，不能再替换。"


def require_live_key(key: str) -> None:
    """409 already_uploaded once the key's recording is recorded as uploaded, 403 upload_revoked when the key
    is not live otherwise (a database outage becomes 503 in api/protection/outage.py)."""
    state = key_state(get_db(), key)
    if state == "uploaded":
        abort(409, "already_uploaded", ALREADY_UPLOADED)
    if state != "live":
        abort(403, "upload_revoked", REVOKED)


def _local_store() -> LocalStore:
    store = current_app.extensions["miaomian.storage"]
    if not isinstance(store, LocalStore):
        abort(404, "not_found", "This server stores objects in COS; upload there.")
    return store


@bp.post("/upload")
@bp.doc(requestBody={"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {
    "key": {"type": "string"}, "policy": {"type": "string"}, "signature": {"type": "string"},
    "Content-Type": {"type": "string"}, "file": {"type": "string", "format": "binary"}}}}}})
@bp.response(200)
def upload():
    """Upload one object with the fields of an upload policy (as wx.uploadFile and COS POST Object send it)."""
    store = _local_store()
    request.max_content_length = current_app.config["UPLOAD_MAX_BYTES"] + MULTIPART_OVERHEAD
    if not request.mimetype == "multipart/form-data":
        abort(400, "bad_request", "Send the file as multipart/form-data with the policy fields.")
    try:
        policy = store.check_policy(request.form, int(time.time()))
        require_live_key(policy["key"])
        file = request.files.get("file")
        if file is None:
            abort(400, "missing_file", "The form has no field named file.")
        size = store.save_stream(policy["key"], file.stream, min(policy["max_bytes"],
                                                                  current_app.config["UPLOAD_MAX_BYTES"]))
    except PolicyError as error:
        abort(error.status, error.code, error.message)
    # This request created the object (the store never places a file over another): it announces it, or
    # removes it again when it may not stay. A confirmation that saw the file first (…/uploaded) makes the state
    # "uploaded" meanwhile: the file stays and is announced all the same.
    try:  # the event is durable before the upload is acknowledged, or the file goes and the client retries
        state = key_state(get_db(), policy["key"], lock=True)  # revoked while the file was arriving?
        if state != "revoked":
            events.record(get_db(), policy["key"], store.created_event(policy["key"], size, policy["content_type"]))
            get_db().commit()
    except sa.exc.SQLAlchemyError:  # answered 503 (or 409) by api/protection/outage.py: the client retries
        log.warning("upload of an answer not acknowledged: its storage event could not be written; file removed")
        store.delete(policy["key"])
        raise
    if state == "revoked":
        store.delete(policy["key"])
        abort(403, "upload_revoked", REVOKED)
    return {"key": policy["key"], "size": size}


@bp.put("/parts/<upload_id>/<int:index>")
@bp.doc(requestBody={"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}})
@bp.response(200)
def upload_part(upload_id, index):
    """One part of a multipart upload, to the signed URL the upload ticket gave (COS UploadPart shape)."""
    store = _local_store()
    request.max_content_length = current_app.config["UPLOAD_MAX_BYTES"]
    require_live_key(request.args.get("key", ""))
    try:
        etag = store.save_part(upload_id, index, request.args, request.stream, int(time.time()))
    except PolicyError as error:
        abort(error.status, error.code, error.message)
    return {"index": index, "etag": etag}, 200, {"ETag": etag}


@bp.get("/object")
@bp.response(200, content_type="application/octet-stream")
def download():
    """A stored object through a signed, expiring link (supports Range for seeking in audio)."""
    store = _local_store()
    key, signature = request.args.get("key", ""), request.args.get("sig", "")
    try:
        expires = int(request.args.get("expires", "0"))
    except ValueError:
        expires = 0
    if not store.check_media_signature(key, expires, signature, int(time.time())):
        abort(403, "bad_signature", "This media link is not valid or has expired.")
    try:
        path = store.path_of(key)
    except PolicyError as error:
        abort(error.status, error.code, error.message)
    if not path.is_file():
        abort(404, "object_not_found", "This recording no longer exists.")
    return send_file(path, conditional=True, max_age=0)
