"""Object storage behind one interface: the local filesystem store (embedded default) and Tencent COS.

Clients upload straight to storage with a server-issued, expiring POST policy for a server-chosen key: the
shape of COS's POST Object, which is also what wx.uploadFile sends (multipart/form-data, file field "file").
"""
import base64
from contextlib import contextmanager
import hashlib
import hmac
import json
import os
import shutil
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlencode

ALLOWED_CONTENT_TYPES = {
    "audio": {"audio/aac": "aac", "audio/mp4": "m4a", "audio/x-m4a": "m4a", "audio/m4a": "m4a",
              "audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/wav": "wav", "audio/x-wav": "wav",
              "audio/webm": "webm", "audio/ogg": "ogg"},
    "video": {"video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm"},
}


def extension_for(media: str, content_type: str) -> str | None:
    base_type = content_type.split(";")[0].strip().lower()
    for kind in ("audio", "video") if media == "video" else ("audio",):
        if base_type in ALLOWED_CONTENT_TYPES[kind]:
            return ALLOWED_CONTENT_TYPES[kind][base_type]
    return None


def same(expected: str, given: str) -> bool:
    """Constant-time comparison that also takes whatever a client sent (compare_digest refuses non-ASCII str)."""
    return hmac.compare_digest(expected.encode(), given.encode("utf-8", "surrogateescape"))


def content_type_of(key: str) -> str:
    extension = key.rsplit(".", 1)[-1].lower()
    for kind in ("audio", "video"):
        for content_type, known in ALLOWED_CONTENT_TYPES[kind].items():
            if known == extension:
                return content_type
    return "application/octet-stream"


def looks_like_media(head: bytes) -> bool:
    """Cheap magic-number check so a text file named .aac is refused at the door, not after analysis."""
    return (head[4:8] == b"ftyp" or head[:4] in (b"RIFF", b"OggS", b"\x1a\x45\xdf\xa3", b"fLaC")
            or head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xF0 == 0xF0)
            or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0))


def cos_event(bucket: str, appid: str, region: str, key: str, size: int, content_type: str) -> dict:
    """An ObjectCreated event exactly as COS delivers it to SCF (one record)."""
    return {"Records": [{
        "cos": {
            "cosSchemaVersion": "1.0",
            "cosObject": {"url": f"http://{bucket}-{appid}.cos.{region}.myqcloud.com/{quote(key)}",
                          "meta": {"x-cos-request-id": uuid.uuid4().hex, "Content-Type": content_type},
                          "vid": "", "key": f"/{appid}/{bucket}/{quote(key)}", "size": size},
            "cosBucket": {"region": region, "name": bucket, "appid": appid},
            "cosNotificationId": "local",
        },
        "event": {"eventName": "cos:ObjectCreated:Post", "eventVersion": "1.0", "eventTime": int(time.time()),
                  "eventSource": "qcs::cos", "requestParameters": {"requestSourceIP": "127.0.0.1",
                                                                   "requestHeaders": {}},
                  "eventQueue": "qcs:0:scf:local:miaomian/analyze", "reservedInfo": "", "reqid": 0},
    }]}


class StorageUnavailable(RuntimeError):
    """The object store (or STS, which signs uploads for it) could not be reached or refused: retry later."""


class PolicyError(ValueError):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


MULTIPART_DIR = ".multipart"


class LocalStore:
    """Files under a root folder; uploads land through the API's /api/storage endpoints."""

    name = "local"
    bucket, appid, region = "miaomian-local", "1250000000", "local"

    def __init__(self, root: str, public_url: str, signing_key: str):
        self.root = Path(root).resolve()
        self.public_url = public_url.rstrip("/")
        self._key = hashlib.sha256(("storage:" + signing_key).encode()).digest()

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()

    def path_of(self, key: str) -> Path:
        if not key or any(ord(character) < 0x20 or 0xD800 <= ord(character) <= 0xDFFF for character in key):
            raise PolicyError(400, "bad_key", "这个文件地址无效。")
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root) or path == self.root:
            raise PolicyError(400, "bad_key", "That object key is not valid.")
        return path

    def presign_upload(self, key: str, content_type: str, max_bytes: int, expires_at: int) -> dict:
        policy = base64.urlsafe_b64encode(json.dumps(
            {"key": key, "content_type": content_type, "max_bytes": max_bytes, "expires": expires_at},
            separators=(",", ":")).encode()).decode()
        return {"url": f"{self.public_url}/api/storage/upload", "method": "POST",
                "fields": {"key": key, "policy": policy, "signature": self._sign(policy),
                           "Content-Type": content_type}}

    def check_policy(self, fields: dict, now: int) -> dict:
        policy_b64, signature = fields.get("policy", ""), fields.get("signature", "")
        if not policy_b64 or not same(self._sign(policy_b64), signature):
            raise PolicyError(403, "bad_signature", "This upload link is not valid: ask for a new one.")
        policy = json.loads(base64.urlsafe_b64decode(policy_b64.encode()))
        if policy["expires"] < now:
            raise PolicyError(403, "upload_expired", "This upload link has expired: ask for a new one.")
        if fields.get("key") != policy["key"]:
            raise PolicyError(403, "wrong_key", "The object key does not match this upload link.")
        declared = (fields.get("Content-Type") or "").split(";")[0].strip().lower()
        if declared != policy["content_type"].split(";")[0].strip().lower():
            raise PolicyError(415, "wrong_content_type",
                              f"This link accepts {policy['content_type']} only, not {declared or 'an unnamed type'}.")
        return policy

    @contextmanager
    def _new_object(self, key: str):
        """A file to write the object into, placed at the key only when the block succeeds and no other writer
        placed one first (409 already_uploaded otherwise): the request that created an object is the only one
        that may remove it again (api/storage_routes.upload), so a duplicate never deletes an acknowledged file."""
        target = self.path_of(key)
        if target.exists():
            raise PolicyError(409, "already_uploaded", "这段录音已经上传过了，不能再替换。")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        try:
            with open(partial, "wb") as out:
                yield out
            try:  # a hard link never replaces: of two racing writers of one key exactly one creates it
                os.link(partial, target)
            except FileExistsError:
                raise PolicyError(409, "already_uploaded", "这段录音已经上传过了，不能再替换。") from None
        finally:
            partial.unlink(missing_ok=True)

    def save_stream(self, key: str, stream, max_bytes: int) -> int:
        """Copy the stream to the key's file in chunks; placed atomically, never over an existing object."""
        size = 0
        with self._new_object(key) as out:
            head = stream.read(64)
            if not looks_like_media(head):
                raise PolicyError(415, "not_media", "That file is not an audio or video recording.")
            while head:
                size += len(head)
                if size > max_bytes:
                    raise PolicyError(413, "too_large", f"The file is larger than {max_bytes // 1048576} MB.")
                out.write(head)
                head = stream.read(1024 * 1024)
        return size

    def _upload_id(self, key: str) -> str:
        return self._sign(f"multipart:{key}")[:32]

    def _part_signature(self, upload_id: str, index: int, key: str, length: int, expires: int) -> str:
        return self._sign(f"part:{upload_id}:{index}:{key}:{length}:{expires}")

    def presign_multipart(self, key: str, content_type: str, size: int, chunk_size: int, expires_at: int) -> dict:
        """A multipart upload: one signed PUT URL per part (parts numbered from 1, as COS numbers them)."""
        upload_id = self._upload_id(key)
        parts = []
        for index, offset in enumerate(range(0, size, chunk_size), start=1):
            length = min(chunk_size, size - offset)
            query = urlencode({"key": key, "length": length, "expires": expires_at,
                               "sig": self._part_signature(upload_id, index, key, length, expires_at)})
            parts.append({"index": index, "url": f"{self.public_url}/api/storage/parts/{upload_id}/{index}?{query}",
                          "method": "PUT", "headers": {"Content-Type": "application/octet-stream"},
                          "offset": offset, "length": length})
        return {"upload_id": upload_id, "parts": parts}

    def _parts_dir(self, key: str, upload_id: str) -> Path:
        """Parts wait under .multipart/<the key's folder>/<upload id>, so deleting a prefix reaches them too."""
        return self.root / MULTIPART_DIR / self.path_of(key).parent.relative_to(self.root) / upload_id

    def _part_path(self, key: str, upload_id: str, index: int) -> Path:
        return self._parts_dir(key, upload_id) / f"{index:05d}"

    def save_part(self, upload_id: str, index: int, args: dict, stream, now: int) -> str:
        """Store one part sent to a signed part URL; returns its ETag (quoted MD5, as COS does)."""
        try:
            key, length, expires = args["key"], int(args["length"]), int(args["expires"])
        except (KeyError, ValueError):
            raise PolicyError(400, "bad_request", "This part URL is incomplete: ask for a new upload link.")
        expected = self._part_signature(upload_id, index, key, length, expires)
        if not same(expected, args.get("sig", "")):
            raise PolicyError(403, "bad_signature", "This part URL is not valid: ask for a new upload link.")
        if expires < now:
            raise PolicyError(403, "upload_expired", "This upload link has expired: ask for a new one.")
        if not same(self._upload_id(key), upload_id):
            raise PolicyError(403, "wrong_upload", "This upload id does not belong to that key.")
        target = self._part_path(key, upload_id, index)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}")
        digest, size = hashlib.md5(usedforsecurity=False), 0
        try:
            with open(partial, "wb") as out:
                while chunk := stream.read(min(1024 * 1024, length - size + 1)):
                    size += len(chunk)
                    if size > length:
                        raise PolicyError(413, "too_large", "This part is larger than announced.")
                    digest.update(chunk)
                    out.write(chunk)
            if size != length:
                raise PolicyError(400, "incomplete_part", f"This part should be {length} bytes; {size} arrived.")
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return f'"{digest.hexdigest()}"'

    def complete_multipart(self, key: str, upload_id: str, parts: list[dict]) -> int:
        """Join the parts, in order, into the object; checks every part's ETag. Returns the size."""
        if not same(self._upload_id(key), upload_id):
            raise PolicyError(403, "wrong_upload", "This upload id does not belong to that key.")
        indexes = [part["index"] for part in parts]
        if not parts or indexes != list(range(1, len(parts) + 1)):
            raise PolicyError(400, "bad_parts", "List every part once, in order, starting at 1.")
        for part in parts:
            if not self._part_path(key, upload_id, part["index"]).is_file():
                raise PolicyError(409, "upload_missing", f"Part {part['index']} has not arrived yet; send it again.")
        size = 0
        with self._new_object(key) as out:
            for part in parts:
                path = self._part_path(key, upload_id, part["index"])
                digest = hashlib.md5(usedforsecurity=False)
                with open(path, "rb") as source:
                    if part["index"] == 1 and not looks_like_media(source.read(64)):
                        raise PolicyError(415, "not_media", "That file is not an audio or video recording.")
                    source.seek(0)
                    while chunk := source.read(1024 * 1024):
                        digest.update(chunk)
                        out.write(chunk)
                        size += len(chunk)
                if part.get("etag", "").strip('"') != digest.hexdigest():
                    raise PolicyError(409, "part_mismatch", f"Part {part['index']} differs from what arrived; send it again.")
        shutil.rmtree(self._parts_dir(key, upload_id), ignore_errors=True)
        return size

    def media_url(self, key: str, expires_in: int) -> str:
        expires = int(time.time()) + expires_in
        signature = self._sign(f"get:{key}:{expires}")
        return f"{self.public_url}/api/storage/object?" + urlencode({"key": key, "expires": expires, "sig": signature})

    def check_media_signature(self, key: str, expires: int, signature: str, now: int) -> bool:
        return expires >= now and same(self._sign(f"get:{key}:{expires}"), signature)

    def exists(self, key: str) -> bool:
        return self.path_of(key).is_file()

    def put_bytes(self, key: str, data: bytes) -> None:
        """Small server-made objects (cached QR codes), written atomically."""
        target = self.path_of(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        partial.write_bytes(data)
        os.replace(partial, target)

    def get_bytes(self, key: str) -> bytes | None:
        path = self.path_of(key)
        return path.read_bytes() if path.is_file() else None

    def delete(self, key: str) -> None:
        self.path_of(key).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> int:
        """Delete every object under a folder-like prefix ("answers/<session>/"), with its unfinished multipart
        parts and partial files; returns how many files went."""
        folder = self.path_of(prefix.rstrip("/"))
        removed = 0
        for base in (folder, self.root / MULTIPART_DIR / folder.relative_to(self.root)):
            if base.is_dir():
                removed += sum(1 for path in base.rglob("*") if path.is_file())
                shutil.rmtree(base)
            elif base.is_file():
                base.unlink()
                removed += 1
        return removed

    def list_objects(self, prefix: str):
        """(key, age in seconds) of every file under a prefix, partial files and multipart parts included
        (parts are listed under their .multipart/ path)."""
        now = time.time()
        for base in (self.root / prefix.rstrip("/"), self.root / MULTIPART_DIR / prefix.rstrip("/")):
            if not base.is_dir():
                continue
            for path in base.rglob("*"):
                if path.is_file():
                    yield path.relative_to(self.root).as_posix(), now - path.stat().st_mtime

    def delete_listed(self, key: str) -> None:
        """Delete one file returned by list_objects, and its folder once empty."""
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise PolicyError(400, "bad_key", "That object key is not valid.")
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == self.root or not parent.is_relative_to(self.root):
                break
            try:
                parent.rmdir()
            except OSError:
                break

    def created_event(self, key: str, size: int, content_type: str) -> dict:
        """The ObjectCreated event this store must emit itself (COS emits its own)."""
        return cos_event(self.bucket, self.appid, self.region, key, size, content_type)

    def health(self) -> dict:
        self.root.mkdir(parents=True, exist_ok=True)
        usage = shutil.disk_usage(self.root)
        return {"ok": os.access(self.root, os.W_OK), "backend": "local", "free_mb": usage.free // 1048576}


# COS docs (PUT Object, Initiate Multipart Upload): on a bucket without versioning, an existing object with the
# same key is not overwritten (409) when this request header is "true". POST Object documents no such form field
# (docs/deploy.md, "Checked against Tencent Cloud's documentation"), so the POST form does not carry it.
FORBID_OVERWRITE = {"x-cos-forbid-overwrite": "true"}


class CosStore:
    """Tencent COS through cos-python-sdk-v5.

    Credentials: the explicit SecretId/SecretKey(/token) when configured, otherwise the SCF execution role's
    temporary credentials from the environment (TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY,
    TENCENTCLOUD_SESSIONTOKEN), re-read when they rotate. Client uploads get their own credentials from
    STS (api/sts.py), scoped to the one object key and expiring with the upload link, when `sts` is given.
    `endpoint` ("http://host:port") reaches an S3/COS-compatible server path-style (tests, self-hosting);
    without it the SDK uses https://<bucket>.cos.<region>.myqcloud.com.
    """

    name = "cos"

    def __init__(self, bucket: str, region: str, secret_id: str | None = None, secret_key: str | None = None,
                 token: str | None = None, endpoint: str | None = None, sts=None, appid: str | None = None):
        self.bucket, self.region = bucket, region
        self.appid = appid or bucket.rsplit("-", 1)[-1]
        self._static = (secret_id, secret_key, token) if secret_id and secret_key else None
        self._endpoint = (endpoint or "").rstrip("/") or None
        self._sts = sts
        self._client_for: tuple | None = None
        self._client = None

    def credentials(self) -> tuple[str, str, str | None]:
        """(SecretId, SecretKey, token or None): configured keys, else the SCF role's from the environment."""
        if self._static:
            return self._static
        secret_id, secret_key = os.environ.get("TENCENTCLOUD_SECRETID"), os.environ.get("TENCENTCLOUD_SECRETKEY")
        if not secret_id or not secret_key:
            raise RuntimeError("no COS credentials: give the function an execution role (SCF sets "
                               "TENCENTCLOUD_SECRETID/SECRETKEY/SESSIONTOKEN) or set MIAOMIAN_COS_SECRET_ID/KEY")
        return secret_id, secret_key, os.environ.get("TENCENTCLOUD_SESSIONTOKEN") or None

    def _config(self, secret_id: str, secret_key: str, token: str | None):
        from qcloud_cos import CosConfig

        if self._endpoint:
            scheme, _, host = self._endpoint.partition("://")
            return CosConfig(Region=self.region, SecretId=secret_id, SecretKey=secret_key, Token=token,
                             Scheme=scheme, Domain=f"{host}/{self.bucket}")
        return CosConfig(Region=self.region, SecretId=secret_id, SecretKey=secret_key, Token=token, Scheme="https")

    @property
    def client(self):
        from qcloud_cos import CosS3Client

        credentials = self.credentials()
        if self._client is None or self._client_for != credentials:
            self._client, self._client_for = CosS3Client(self._config(*credentials), retry=1), credentials
        return self._client

    def base_url(self) -> str:
        if self._endpoint:
            return f"{self._endpoint}/{self.bucket}"
        return f"https://{self.bucket}.cos.{self.region}.myqcloud.com"

    def resource(self, key: str) -> str:
        """The CAM resource name of one object (COS docs: qcs::cos:<region>:uid/<appid>:<bucket>/<key>)."""
        return f"qcs::cos:{self.region}:uid/{self.appid}:{self.bucket}/{key}"

    def presign_upload(self, key: str, content_type: str, max_bytes: int, expires_at: int) -> dict:
        """A POST Object form (COS docs "POST Object", signature protection) for this key only.

        Signed with STS credentials scoped to PostObject on this key and expiring with the link when STS is
        configured, else with the store's own credentials. Fields: key, policy (base64 JSON), Content-Type,
        q-sign-algorithm, q-ak, q-key-time, q-signature, success_action_status, x-cos-security-token (temporary
        credentials only): only fields COS's POST Object documentation lists, and policy conditions only on the
        fields it says a policy may limit. The client adds the file as the form field "file" (wx.uploadFile).
        COS documents no overwrite guard for POST (x-cos-forbid-overwrite is a PUT/multipart header): a second
        POST with the same form replaces the object until the form and its key-scoped credentials expire."""
        now = int(time.time())
        if self._sts is not None:
            secret_id, secret_key, token = self._sts.object_credentials(
                actions=["name/cos:PostObject"], resources=[self.resource(key)], seconds=max(60, expires_at - now))
        else:
            secret_id, secret_key, token = self.credentials()
        key_time = f"{now - 60};{expires_at}"
        policy = {"expiration": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(expires_at)),
                  "conditions": [{"bucket": self.bucket}, ["eq", "$key", key],
                                 ["eq", "$Content-Type", content_type],
                                 ["content-length-range", 1, max_bytes], {"success_action_status": "200"},
                                 {"q-sign-algorithm": "sha1"},
                                 {"q-ak": secret_id}, {"q-sign-time": key_time}]}
        policy_json = json.dumps(policy, separators=(",", ":"))
        sign_key = hmac.new(secret_key.encode(), key_time.encode(), hashlib.sha1).hexdigest()
        string_to_sign = hashlib.sha1(policy_json.encode()).hexdigest()
        signature = hmac.new(sign_key.encode(), string_to_sign.encode(), hashlib.sha1).hexdigest()
        fields = {"key": key, "policy": base64.b64encode(policy_json.encode()).decode(),
                  "Content-Type": content_type, "q-sign-algorithm": "sha1", "q-ak": secret_id,
                  "q-key-time": key_time, "q-signature": signature, "success_action_status": "200"}
        if token:
            fields["x-cos-security-token"] = token
        return {"url": self.base_url() + "/", "method": "POST", "fields": fields}

    def presign_multipart(self, key: str, content_type: str, size: int, chunk_size: int, expires_at: int) -> dict:
        """COS multipart upload: InitiateMultipartUpload now, a presigned UploadPart URL per part.

        Part URLs are signed with STS credentials scoped to UploadPart on this key when STS is configured."""
        from qcloud_cos.cos_exception import CosClientError, CosServiceError

        try:
            upload_id = self.client.create_multipart_upload(Bucket=self.bucket, Key=key, ContentType=content_type,
                                                            Metadata=FORBID_OVERWRITE)["UploadId"]
        except CosServiceError as error:
            if error.get_status_code() == 409:   # x-cos-forbid-overwrite: the recording is already there
                raise PolicyError(409, "already_uploaded", "这段录音已经上传过了，不能再替换。") from error
            raise StorageUnavailable(f"InitiateMultipartUpload failed: {error}") from error
        except CosClientError as error:
            raise StorageUnavailable(f"InitiateMultipartUpload failed: {error}") from error
        expires_in = max(60, expires_at - int(time.time()))
        credentials = self.credentials() if self._sts is None else self._sts.object_credentials(
            actions=["name/cos:UploadPart"], resources=[self.resource(key)], seconds=expires_in)
        parts = []
        for index, offset in enumerate(range(0, size, chunk_size), start=1):
            params = {"partNumber": str(index), "uploadId": upload_id}
            url = self._presigned_url(credentials, key, "PUT", expires_in, params)
            parts.append({"index": index, "url": url, "method": "PUT", "headers": {}, "offset": offset,
                          "length": min(chunk_size, size - offset)})
        return {"upload_id": upload_id, "parts": parts}

    def complete_multipart(self, key: str, upload_id: str, parts: list[dict]) -> None:
        """CompleteMultipartUpload; COS then emits ObjectCreated:CompleteMultipartUpload to the analyzer."""
        from qcloud_cos.cos_exception import CosServiceError

        try:
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload_id,
                MultipartUpload={"Part": [{"PartNumber": part["index"], "ETag": part.get("etag", "")}
                                          for part in parts]})
        except CosServiceError as error:
            if error.get_error_code() == "FileAlreadyExists":   # x-cos-forbid-overwrite, given at Initiate
                raise PolicyError(409, "already_uploaded", "这段录音已经上传过了，不能再替换。") from error
            raise PolicyError(409, "part_mismatch", "The uploaded parts do not match what arrived; send them "
                              f"again ({error.get_error_code()}).") from error

    def created_event(self, key: str, size: int, content_type: str) -> None:
        return None

    def _presigned_url(self, credentials: tuple, key: str, method: str, expires_in: int, params: dict | None = None) -> str:
        """A presigned URL; with temporary credentials it carries x-cos-security-token (COS docs), which the
        SDK's get_presigned_url leaves out."""
        from qcloud_cos import CosS3Client

        client = self.client if credentials == self.credentials() else CosS3Client(self._config(*credentials))
        url = client.get_presigned_url(Bucket=self.bucket, Key=key, Method=method, Expired=expires_in,
                                       Params=dict(params or {}))
        return url + ("&x-cos-security-token=" + quote(credentials[2], safe="") if credentials[2] else "")

    def media_url(self, key: str, expires_in: int) -> str:
        """A presigned GET (ranged reads work: the player sends Range)."""
        return self._presigned_url(self.credentials(), key, "GET", expires_in)

    def exists(self, key: str) -> bool:
        return self.client.object_exists(Bucket=self.bucket, Key=key)

    def put_bytes(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data)

    def get_bytes(self, key: str, byte_range: tuple[int, int] | None = None) -> bytes | None:
        """The object (or the inclusive byte range (first, last) of it), None when it does not exist."""
        from qcloud_cos.cos_exception import CosServiceError

        extra = {"Range": f"bytes={byte_range[0]}-{byte_range[1]}"} if byte_range else {}
        try:
            return self.client.get_object(Bucket=self.bucket, Key=key, **extra)["Body"].get_raw_stream().read()
        except CosServiceError as error:
            if error.get_status_code() == 404:
                return None
            raise

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def delete_prefix(self, prefix: str) -> int:
        """Delete every object under the prefix (ListObjects + DeleteMultipleObjects, 1000 at a time) and abort
        its unfinished multipart uploads (ListMultipartUploads + AbortMultipartUpload); returns the count."""
        if not prefix or not prefix.endswith("/"):
            raise ValueError("delete_prefix needs a folder prefix ending in '/'")
        removed, marker = 0, ""
        while True:
            listing = self.client.list_objects(Bucket=self.bucket, Prefix=prefix, Marker=marker, MaxKeys=1000)
            keys = [item["Key"] for item in listing.get("Contents", [])]
            if keys:
                self.client.delete_objects(Bucket=self.bucket, Delete={
                    "Object": [{"Key": key} for key in keys], "Quiet": "true"})
                removed += len(keys)
            if listing.get("IsTruncated") != "true":
                break
            marker = listing.get("NextMarker") or keys[-1]
        uploads = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=prefix).get("Upload", [])
        for upload in uploads if isinstance(uploads, list) else [uploads]:
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"])
            removed += 1
        return removed

    def health(self) -> dict:
        try:
            self.client.head_bucket(Bucket=self.bucket)
            return {"ok": True, "backend": "cos", "bucket": self.bucket}
        except Exception as error:  # any SDK or network failure is reported, not raised
            return {"ok": False, "backend": "cos", "error": str(error)[:200]}


def create_store(config: dict):
    if config["STORAGE"] == "cos":
        from api.sts import from_config as sts_from_config

        return CosStore(str(config["COS_BUCKET"]), str(config["COS_REGION"]), config.get("COS_SECRET_ID"),
                        config.get("COS_SECRET_KEY"), config.get("COS_TOKEN"), endpoint=config.get("COS_ENDPOINT"),
                        sts=sts_from_config(config))
    return LocalStore(config["STORAGE_ROOT"], config["PUBLIC_URL"], config["SECRET_KEY"])
