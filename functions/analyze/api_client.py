"""The two internal endpoints of the API (docs/internal-contracts.md), HMAC-signed."""
from __future__ import annotations

import json
import os
from urllib.parse import urlencode, urlsplit

import requests

from .errors import TransientError
from .signing import sign_request

TIMEOUT = (5, 30)


class UnknownObject(Exception):
    """404 unknown_object: the key belongs to no answer (permanent)."""


class Rejected(Exception):
    """A 4xx other than 401/403 and 404: permanent, do not retry."""


class NotAuthorised(TransientError):
    """401/403 from an internal endpoint: a stale HMAC key or a clock past the signature window. Transient
    (a key rotation or a clock fix heals it), so the platform retries; after its last try the trigger fails
    the answer with this as the reason. Never settles the event as done."""


class ApiClient:
    def __init__(self, base_url: str | None = None, hmac_key: str | bytes | None = None,
                 session: requests.Session | None = None):
        self.base_url = (base_url or os.environ.get("MIAOMIAN_API_URL") or "").rstrip("/")
        self.key = hmac_key if hmac_key is not None else os.environ.get("MIAOMIAN_HMAC_KEY", "")
        if not self.base_url:
            raise RuntimeError("MIAOMIAN_API_URL is not set")
        if not self.key:
            raise RuntimeError("MIAOMIAN_HMAC_KEY is not set")
        self.session = session or requests.Session()
        self._prefix = urlsplit(self.base_url).path.rstrip("/")

    def _request(self, method: str, path_with_query: str, body: bytes = b"") -> requests.Response:
        target = self._prefix + path_with_query
        headers = sign_request(self.key, method, target, body)
        if body:
            headers["Content-Type"] = "application/json"
        url = self.base_url[: len(self.base_url) - len(self._prefix)] + target
        try:
            resp = self.session.request(method, url, data=body or None, headers=headers, timeout=TIMEOUT)
        except requests.RequestException as exc:
            raise TransientError(f"{method} {path_with_query}: {exc}") from exc
        if resp.status_code >= 500:
            raise TransientError(f"{method} {path_with_query}: HTTP {resp.status_code} {resp.text[:200]}")
        if resp.status_code in (401, 403):
            raise NotAuthorised(f"{method} {path_with_query.split('?')[0]}: HTTP {resp.status_code} "
                                f"{resp.text[:200]} (is MIAOMIAN_HMAC_KEY the API's key, is the clock right?)")
        return resp

    def analysis_context(self, key: str) -> dict:
        resp = self._request("GET", "/api/internal/analysis-context?" + urlencode({"key": key}))
        if resp.status_code == 404:
            if _error_code(resp) != "unknown_object":
                # Not the API's own answer: MIAOMIAN_API_URL points at something else (a wrong host, domain or
                # gateway path). Retry, then dead-letter: never drop a real answer as "unknown".
                raise TransientError(f"analysis-context: HTTP 404 from {self.base_url} without the API's "
                                     f"unknown_object error (is MIAOMIAN_API_URL right?): {resp.text[:200]}")
            raise UnknownObject(key)
        if resp.status_code >= 400:
            raise Rejected(f"analysis-context for {key}: HTTP {resp.status_code} {resp.text[:200]}")
        return resp.json()

    def post_result(self, key: str, status: str, reason: str | None, result: dict) -> dict:
        body = json.dumps({"key": key, "status": status, "reason": reason, "result": result},
                          ensure_ascii=False, separators=(",", ":")).encode()
        resp = self._request("POST", "/api/internal/results", body)
        if resp.status_code >= 400:
            raise Rejected(f"results for {key}: HTTP {resp.status_code} {resp.text[:200]}")
        return resp.json()


def _error_code(resp: requests.Response) -> str | None:
    """The API's JSON `error` code of a response, None when the body is not the API's error JSON."""
    try:
        body = resp.json()
    except ValueError:
        return None
    return body.get("error") if isinstance(body, dict) else None
