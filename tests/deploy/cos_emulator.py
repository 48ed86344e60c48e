"""A local COS for tests: moto's S3 backend behind a thin WSGI adapter that speaks COS's dialect.

moto checks no signature and answers COS-signed requests with 500 (it parses q-sign-* as AWS SigV4), so
the adapter (1) verifies every request's COS signature (Authorization header or presigned query) and every
POST Object policy (signature, expiry, key, Content-Type, content-length-range) with the documented
algorithm (cos_signing.py) against the keys it knows, refusing with COS's XML errors; (2) maps x-cos-*
headers to x-amz-* and back; (3) hands moto a dummy SigV4 Authorization. Path-style addressing:
http://127.0.0.1:PORT/<bucket>/<key>; reach it with CosConfig(Domain="127.0.0.1:PORT/<bucket>").
"""
from __future__ import annotations

import base64
import io
import json
import threading
import time
from datetime import datetime, timezone
from urllib.parse import parse_qsl, unquote

from werkzeug.serving import make_server
from werkzeug.wrappers import Request

from cos_signing import post_policy_signature, request_signature

# The form fields COS's POST Object documentation lists (https://cloud.tencent.com/document/product/436/14690:
# 表单字段, ACL and SSE fields, signature fields; x-cos-meta-* are checked by prefix), and the fields its policy
# may limit (支持被限定的表单字段). `file` is the file part, not a form field.
_SSE = {"x-cos-server-side-encryption", "x-cos-server-side-encryption-customer-algorithm",
        "x-cos-server-side-encryption-cos-kms-key-id", "x-cos-server-side-encryption-context",
        "x-cos-server-side-encryption-customer-key", "x-cos-server-side-encryption-customer-key-MD5"}
_ACL = {"acl", "x-cos-grant-read", "x-cos-grant-read-acp", "x-cos-grant-write-acp", "x-cos-grant-full-control"}
_HEADERS = {"Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Type", "Expires"}
POST_FORM_FIELDS = (_SSE | _ACL | _HEADERS | {
    "key", "success_action_redirect", "success_action_status", "x-cos-storage-class", "x-cos-traffic-limit",
    "Content-MD5", "x-cos-security-token", "policy", "q-sign-algorithm", "q-ak", "q-key-time", "q-signature"})
POST_POLICY_FIELDS = (_SSE | _ACL | _HEADERS | {
    "bucket", "key", "content-length-range", "success_action_redirect", "success_action_status",
    "x-cos-storage-class", "x-cos-traffic-limit", "q-sign-algorithm", "q-ak", "q-sign-time"})


def limited_field(condition) -> str:
    """The form field a policy condition limits: {"name": v}, ["eq"|"starts-with", "$name", v] or
    ["content-length-range", low, high]."""
    if isinstance(condition, dict):
        return next(iter(condition))
    return condition[0] if condition[0] == "content-length-range" else str(condition[1]).lstrip("$")


DUMMY_AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, "
              "SignedHeaders=host, Signature=" + "0" * 64)


def _error(start_response, status: str, code: str, message: str, resource: str):
    body = (f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message>'
            f"<Resource>{resource}</Resource><RequestId>emulator</RequestId></Error>").encode()
    start_response(status, [("Content-Type", "application/xml"), ("Content-Length", str(len(body))),
                            ("x-cos-request-id", "emulator")])
    return [body]


class CosEmulator:
    """Start with .start(); .credentials maps SecretId → (SecretKey, token or None); .log lists requests."""

    def __init__(self, bucket: str, credentials: dict[str, tuple[str, str | None]], clock=time.time):
        import moto.s3.models
        from moto.moto_server.werkzeug_app import create_backend_app

        moto.s3.models.S3_UPLOAD_PART_MIN_SIZE = 1  # small parts in tests (COS's own minimum is 1 MB)
        self.bucket, self.credentials, self.clock = bucket, credentials, clock
        self.moto = create_backend_app("s3")
        self.log: list[dict] = []
        self.forbid_keys: set[str] = set()
        self.server = None

    # --- signature checks -------------------------------------------------------------------------
    def _check_key_time(self, key_time: str) -> str | None:
        try:
            start, end = (int(part) for part in key_time.split(";"))
        except ValueError:
            return "malformed q-key-time"
        now = self.clock()
        return None if start <= now <= end else "the signature has expired (q-key-time)"

    def _verify_request(self, environ, path: str, query: list[tuple[str, str]]) -> str | None:
        header = environ.get("HTTP_AUTHORIZATION", "")
        fields = dict(parse_qsl(header, keep_blank_values=True)) if header.startswith("q-sign-algorithm") \
            else {k: v for k, v in query if k.startswith("q-")}
        if not fields:
            return "anonymous request to a private bucket"
        secret = self.credentials.get(fields.get("q-ak", ""))
        if secret is None:
            return f"unknown SecretId {fields.get('q-ak')!r}"
        if secret[1] is not None:
            token = environ.get("HTTP_X_COS_SECURITY_TOKEN") or dict(query).get("x-cos-security-token")
            if token != secret[1]:
                return "temporary credentials without their x-cos-security-token"
        if problem := self._check_key_time(fields.get("q-key-time", "")):
            return problem
        wanted_headers = [h for h in fields.get("q-header-list", "").split(";") if h]
        wanted_params = [p for p in fields.get("q-url-param-list", "").split(";") if p]
        headers = {}
        for name in wanted_headers:
            if name == "host":
                headers[name] = environ.get("HTTP_HOST", "").split(":")[0]
            elif name in ("content-type", "content-length"):
                headers[name] = environ.get(name.upper().replace("-", "_"), "")
            else:
                headers[name] = environ.get("HTTP_" + name.upper().replace("-", "_"), "")
        params = {k: v for k, v in query if k.lower() in wanted_params}
        expected = request_signature(secret[0], fields["q-key-time"], environ["REQUEST_METHOD"], path, params, headers)
        return None if expected["q-signature"] == fields.get("q-signature") else "SignatureDoesNotMatch"

    def _verify_post(self, form: dict, size: int) -> str | None:
        """COS's POST Object checks, and stricter than COS where its documentation is silent: a form field or
        a policy condition the POST Object documentation does not list is refused (POST_FORM_FIELDS)."""
        if unknown := sorted(n for n in set(form) - POST_FORM_FIELDS if not n.startswith("x-cos-meta-")):
            return f"undocumented POST Object form fields {unknown}"
        secret = self.credentials.get(form.get("q-ak", ""))
        if secret is None:
            return f"unknown SecretId {form.get('q-ak')!r}"
        if secret[1] is not None and form.get("x-cos-security-token") != secret[1]:
            return "temporary credentials without their x-cos-security-token"
        if problem := self._check_key_time(form.get("q-key-time", "")):
            return problem
        policy_json = base64.b64decode(form.get("policy", "")).decode()
        if post_policy_signature(secret[0], form["q-key-time"], policy_json) != form.get("q-signature"):
            return "SignatureDoesNotMatch"
        policy = json.loads(policy_json)
        expiration = datetime.strptime(policy["expiration"], "%Y-%m-%dT%H:%M:%S.000Z").replace(tzinfo=timezone.utc)
        if expiration.timestamp() < self.clock():
            return "the policy has expired"
        for condition in policy["conditions"]:
            if (limited := limited_field(condition)) not in POST_POLICY_FIELDS:
                return f"policy condition on {limited!r}, which COS does not document as limitable"
            if isinstance(condition, dict):
                for name, value in condition.items():
                    actual = self.bucket if name == "bucket" else form.get(name)
                    if name == "q-sign-time":
                        actual = form.get("q-key-time")
                    if actual != value:
                        return f"policy condition failed: {name}"
            elif condition[0] == "eq" and form.get(condition[1].lstrip("$")) != condition[2]:
                return f"policy condition failed: {condition[1]}"
            elif condition[0] == "starts-with" and not form.get(condition[1].lstrip("$"), "").startswith(condition[2]):
                return f"policy condition failed: {condition[1]}"
            elif condition[0] == "content-length-range" and not condition[1] <= size <= condition[2]:
                return "EntityTooLarge" if size > condition[2] else "EntityTooSmall"
        return None

    def _forbidden_overwrite(self, environ, key: str, query: dict) -> str | None:
        """COS's x-cos-forbid-overwrite: true (PUT Object, Initiate Multipart Upload; the multipart upload keeps
        it until Complete): refused with 409 when the object exists (buckets without versioning)."""
        method = environ["REQUEST_METHOD"]
        forbid = environ.get("HTTP_X_COS_FORBID_OVERWRITE", "").lower() == "true"
        if method == "POST" and "uploads" in query and forbid:
            self.forbid_keys.add(key)
        elif not (method == "PUT" and "uploadId" not in query and forbid) and not (
                method == "POST" and "uploadId" in query and key in self.forbid_keys):
            return None
        return "the object exists and x-cos-forbid-overwrite is true" if self.stored(key) is not None else None

    # --- WSGI -------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        raw_path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8")  # WSGI's latin-1 str
        query = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        prefix = f"/{self.bucket}"
        object_path = raw_path[len(prefix):] or "/" if raw_path.startswith(prefix) else raw_path
        method = environ["REQUEST_METHOD"]
        self.log.append({"method": method, "path": raw_path, "query": dict(query),
                         "range": environ.get("HTTP_RANGE")})
        if method == "POST" and environ.get("CONTENT_TYPE", "").startswith("multipart/form-data"):
            request = Request(dict(environ, **{"wsgi.input": io.BytesIO(body)}))
            form = dict(request.form)
            upload = request.files.get("file")
            size = len(upload.read()) if upload else 0
            request.close()
            if upload is None:
                return _error(start_response, "400 Bad Request", "InvalidArgument", "no file field", raw_path)
            if problem := self._verify_post(form, size):
                status = "400 Bad Request" if problem.startswith("Entity") else "403 Forbidden"
                return _error(start_response, status, problem if problem.startswith("Entity") else "AccessDenied",
                              problem, raw_path)
        elif problem := self._verify_request(environ, unquote(object_path), query):
            return _error(start_response, "403 Forbidden", "AccessDenied" if problem != "SignatureDoesNotMatch"
                          else problem, problem, raw_path)
        elif problem := self._forbidden_overwrite(environ, unquote(object_path).lstrip("/"), dict(query)):
            return _error(start_response, "409 Conflict", "FileAlreadyExists", problem, raw_path)
        # Rewrite for moto: x-cos-* → x-amz-*, a dummy SigV4 header, no COS signature parameters.
        moto_env = {k: v for k, v in environ.items() if not k.startswith("HTTP_X_COS_")}
        for key, value in environ.items():
            if key.startswith("HTTP_X_COS_") and key != "HTTP_X_COS_SECURITY_TOKEN":
                moto_env["HTTP_X_AMZ_" + key[len("HTTP_X_COS_"):]] = value
        moto_env["HTTP_AUTHORIZATION"] = DUMMY_AUTH
        moto_env["QUERY_STRING"] = "&".join(
            f"{k}={v}" if v else k for k, v in
            parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
            if not k.startswith("q-") and k != "x-cos-security-token")
        moto_env["wsgi.input"] = io.BytesIO(body)
        moto_env["HTTP_HOST"] = "s3.amazonaws.com"

        def cos_start_response(status, headers, exc_info=None):
            mapped = []
            for name, value in headers:
                if name.lower().startswith("x-amz-"):
                    mapped.append(("x-cos-" + name[6:], value))
                mapped.append((name, value))
            mapped.append(("x-cos-request-id", "emulator"))
            return start_response(status, mapped, exc_info)

        return self.moto(moto_env, cos_start_response)

    # --- objects as COS would report them ---------------------------------------------------------
    def stored(self, key: str):
        """moto's record of an object (size, content type) — what COS puts into its event."""
        from moto.s3.models import s3_backends

        for account in s3_backends.values():
            for backend in account.values():
                if self.bucket in backend.buckets and key in backend.buckets[self.bucket].keys:
                    return backend.buckets[self.bucket].keys[key]
        return None

    def start(self) -> "CosEmulator":
        self.server = make_server("127.0.0.1", 0, self, threaded=True)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
