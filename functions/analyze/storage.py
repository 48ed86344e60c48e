"""Read an uploaded object: the local file store (development) or COS (production).

Both return a local file path. A read failure is transient (TransientError): the platform retries.
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from .errors import TransientError

log = logging.getLogger(__name__)

_SAFE_KEY = re.compile(r"^[A-Za-z0-9._\-/]+$")


@dataclass
class ObjectRef:
    key: str
    bucket: str | None = None     # full bucket name "<name>-<appid>" for COS
    region: str | None = None
    size: int | None = None


def parse_event(event: dict) -> list[ObjectRef]:
    """Object references from a COS event (see parse_records); the records that cannot be used are logged."""
    return parse_records(event)[0]


def _record_problem(record) -> str | None:
    """Why a record is not a usable COS object record (each field typed as the COS event docs show), or None."""
    cos = record.get("cos") if isinstance(record, dict) else None
    if not isinstance(cos, dict):
        return "no cos object"
    obj, bucket = cos.get("cosObject"), cos.get("cosBucket", {})
    if not isinstance(obj, dict) or not isinstance(obj.get("key"), str) or not obj["key"]:
        return "cosObject.key is missing or not a string"
    if not isinstance(bucket, dict):
        return "cosBucket is not an object"
    for field in ("name", "region", "s3Region"):
        if bucket.get(field) is not None and not isinstance(bucket[field], str):
            return f"cosBucket.{field} is not a string"
    if bucket.get("appid") is not None and (isinstance(bucket["appid"], bool)
                                            or not isinstance(bucket["appid"], (str, int))):
        return "cosBucket.appid is not a string or number"
    if obj.get("url") is not None and not isinstance(obj["url"], str):
        return "cosObject.url is not a string"
    if obj.get("size") is not None and (isinstance(obj["size"], bool) or not isinstance(obj["size"], int)):
        return "cosObject.size is not an integer"
    return None


def parse_records(event: dict) -> tuple[list[ObjectRef], list[dict]]:
    """(object references, rejected records) of a COS event (several records; keys `/<appid>/<bucket>/<key>`,
    maybe URL-encoded). Duplicate records (COS may merge) are returned once. A record not shaped like a COS
    object record (a field missing or of the wrong type) is rejected as {"index", "key" (when readable),
    "reason"} and logged: it can never succeed, so it must neither fail the other records nor make the
    platform retry the event."""
    refs, rejected, seen = [], [], set()
    records = event.get("Records") if isinstance(event, dict) else None
    if not isinstance(records, list):
        log.error("not a COS event (no Records list): %.200r", event)
        return [], [{"index": None, "key": None, "reason": "not a COS event (no Records list)"}]
    for index, record in enumerate(records):
        problem = _record_problem(record)
        if problem:
            cos = record.get("cos") if isinstance(record, dict) else None
            obj = cos.get("cosObject") if isinstance(cos, dict) else None
            key = obj.get("key") if isinstance(obj, dict) and isinstance(obj.get("key"), str) else None
            log.error("skipping record %d (%s): %.200r", index, problem, record)
            rejected.append({"index": index, "key": key, "reason": problem})
            continue
        obj, bucket = record["cos"]["cosObject"], record["cos"].get("cosBucket") or {}
        raw = obj["key"]
        key = unquote(raw).lstrip("/")
        appid, name = str(bucket.get("appid") or ""), bucket.get("name") or ""
        parts = key.split("/", 2)
        if len(parts) == 3 and (parts[0] == appid or parts[0].isdigit()) and (not name or parts[1] == name):
            appid, name, key = parts[0], parts[1], parts[2]
        region = bucket.get("s3Region")
        host = urlparse(obj.get("url") or "").hostname or ""
        if not region and ".cos." in host:
            region = host.split(".cos.", 1)[1].split(".", 1)[0]
        full_bucket = f"{name}-{appid}" if name and appid and not name.endswith(f"-{appid}") else (name or None)
        if not key or key.endswith("/"):   # the bucket itself or a folder marker: no object to analyse
            log.error("skipping record %d (no object key): %.200r", index, record)
            rejected.append({"index": index, "key": raw, "reason": "the record names no object (its key "
                             f"{raw!r} is a bucket or folder, not a file)"})
            continue
        if key not in seen:
            seen.add(key)
            refs.append(ObjectRef(key=key, bucket=full_bucket, region=region or bucket.get("region"),
                                  size=obj.get("size")))
    return refs, rejected


class LocalStorage:
    """Object key → $MIAOMIAN_STORAGE_ROOT/<key>."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).resolve()

    def fetch(self, ref: ObjectRef) -> Path:
        path = (self.root / ref.key).resolve()
        if not path.is_relative_to(self.root) or ".." in Path(ref.key).parts:
            raise ValueError(f"object key escapes the storage root: {ref.key!r}")
        if not path.is_file():
            raise TransientError(f"object {ref.key} not found under {self.root}")
        return path

    def release(self, path: Path) -> None:
        pass

    def put(self, key: str, source: Path, content_type: str, bucket: str | None = None,
            region: str | None = None) -> None:
        """Write a file under the root atomically (the playback rendition); bucket/region are COS's."""
        target = (self.root / key).resolve()
        if not target.is_relative_to(self.root) or ".." in Path(key).parts:
            raise ValueError(f"object key escapes the storage root: {key!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(Path(source).read_bytes())
        os.replace(partial, target)


class COSStorage:
    """Tencent COS through cos-python-sdk-v5, with SCF's temporary credentials from the environment.

    Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY / TENCENTCLOUD_SESSIONTOKEN, which SCF sets
    from the function's execution role; re-read per object, so rotated keys are picked up by a warm
    instance. MIAOMIAN_COS_ENDPOINT ("http://host:port") reaches a COS-compatible server path-style
    (self-hosting, tests); without it the SDK uses https://<bucket>.cos.<region>.myqcloud.com.
    """

    def __init__(self, bucket: str | None = None, region: str | None = None, endpoint: str | None = None):
        self.bucket = bucket or os.environ.get("MIAOMIAN_COS_BUCKET")
        self.region = region or os.environ.get("MIAOMIAN_COS_REGION")
        self.endpoint = (endpoint or os.environ.get("MIAOMIAN_COS_ENDPOINT") or "").rstrip("/") or None
        self._clients: dict[tuple, object] = {}

    def _client(self, region: str, bucket: str):
        secret_id, secret_key = os.environ.get("TENCENTCLOUD_SECRETID"), os.environ.get("TENCENTCLOUD_SECRETKEY")
        if not secret_id or not secret_key:
            raise TransientError("no COS credentials: the analyzer function needs an execution role "
                                 "(SCF sets TENCENTCLOUD_SECRETID/SECRETKEY/SESSIONTOKEN from it)")
        token = os.environ.get("TENCENTCLOUD_SESSIONTOKEN") or None
        cache_key = (region, bucket, secret_id, secret_key, token)
        if cache_key not in self._clients:
            from qcloud_cos import CosConfig, CosS3Client

            if self.endpoint:
                scheme, _, host = self.endpoint.partition("://")
                config = CosConfig(Region=region, SecretId=secret_id, SecretKey=secret_key, Token=token,
                                   Scheme=scheme, Domain=f"{host}/{bucket}")
            else:
                config = CosConfig(Region=region, SecretId=secret_id, SecretKey=secret_key, Token=token,
                                   Scheme="https")
            self._clients = {cache_key: CosS3Client(config, retry=1)}  # drop clients of rotated keys
        return self._clients[cache_key]

    def fetch(self, ref: ObjectRef) -> Path:
        bucket, region = self.bucket or ref.bucket, self.region or ref.region
        if not bucket or not region:
            raise ValueError(f"no COS bucket/region for {ref.key}: set MIAOMIAN_COS_BUCKET and MIAOMIAN_COS_REGION")
        suffix = Path(ref.key).suffix if _SAFE_KEY.match(Path(ref.key).suffix or ".x") else ""
        fd, tmp = tempfile.mkstemp(prefix="miaomian-", suffix=suffix, dir=tempfile.gettempdir())
        os.close(fd)
        try:
            self._client(region, bucket).download_file(Bucket=bucket, Key=ref.key, DestFilePath=tmp)
        except Exception as exc:  # the SDK raises CosClientError/CosServiceError and network errors
            os.unlink(tmp)
            raise TransientError(f"could not read {ref.key} from COS bucket {bucket}: {exc}") from exc
        return Path(tmp)

    def release(self, path: Path) -> None:
        try:
            os.unlink(path)
        except OSError:
            pass

    def put(self, key: str, source: Path, content_type: str, bucket: str | None = None,
            region: str | None = None) -> None:
        """Upload a file (the playback rendition); its key is outside answers/, so the trigger ignores it.
        Bucket and region come from the configuration first, as in fetch, then from the event."""
        # configuration first, as fetch: an event without `url` carries only the short region code ("gz")
        bucket, region = self.bucket or bucket, self.region or region
        if not bucket or not region:
            raise ValueError(f"no COS bucket/region for {key}: set MIAOMIAN_COS_BUCKET and MIAOMIAN_COS_REGION")
        try:   # one PutObject (up to 5 GB; a rendition is about 0.5 MB a minute): the role needs no multipart
            with open(source, "rb") as body:
                self._client(region, bucket).put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)
        except Exception as exc:  # noqa: BLE001 — the SDK's errors
            raise TransientError(f"could not write {key} to COS bucket {bucket}: {exc}") from exc


def from_env():
    kind = (os.environ.get("MIAOMIAN_STORAGE") or "local").lower()
    if kind == "cos":
        return COSStorage()
    if kind == "local":
        root = os.environ.get("MIAOMIAN_STORAGE_ROOT")
        if not root:
            raise RuntimeError("MIAOMIAN_STORAGE=local needs MIAOMIAN_STORAGE_ROOT")
        return LocalStorage(root)
    raise RuntimeError(f"MIAOMIAN_STORAGE must be local or cos, not {kind!r}")
