"""The local store's HTTP face: POST Object uploads (COS-shaped) and signed media downloads."""
import time

from flask import current_app, request, send_file
from flask_smorest import Blueprint

from api import events
from api.db import get_db
from api.openapi import abort
from api.storage import LocalStore, PolicyError

bp = Blueprint("storage", __name__, url_prefix="/api/storage",
               description="Local object storage (embedded default; production uses COS directly)")

MULTIPART_OVERHEAD = 64 * 1024


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
        file = request.files.get("file")
        if file is None:
            abort(400, "missing_file", "The form has no field named file.")
        size = store.save_stream(policy["key"], file.stream, min(policy["max_bytes"],
                                                                  current_app.config["UPLOAD_MAX_BYTES"]))
    except PolicyError as error:
        abort(error.status, error.code, error.message)
    events.record(get_db(), policy["key"], store.created_event(policy["key"], size, policy["content_type"]))
    return {"key": policy["key"], "size": size}


@bp.put("/parts/<upload_id>/<int:index>")
@bp.doc(requestBody={"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}})
@bp.response(200)
def upload_part(upload_id, index):
    """One part of a multipart upload, to the signed URL the upload ticket gave (COS UploadPart shape)."""
    store = _local_store()
    request.max_content_length = current_app.config["UPLOAD_MAX_BYTES"]
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
