"""HMAC request signing shared by the analyzer and the API (docs/internal-contracts.md).

    signature = hex(HMAC-SHA256(key, "<timestamp>\\n<METHOD>\\n<path?query>\\n<sha256 hex of body>"))

`path_with_query` is the request target exactly as sent on the wire: the path, and "?" plus the raw
(still percent-encoded) query string when there is one. In Flask that is
`request.path + ("?" + request.query_string.decode() if request.query_string else "")`.
"""
from __future__ import annotations

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Miaomian-Timestamp"
SIGNATURE_HEADER = "X-Miaomian-Signature"
MAX_SKEW_SECONDS = 300


def _as_bytes(value: bytes | str | None) -> bytes:
    if value is None:
        return b""
    return value.encode() if isinstance(value, str) else bytes(value)


def signature(key: bytes | str, timestamp: int | str, method: str, path_with_query: str,
              body: bytes | str | None) -> str:
    """The hex signature of one request."""
    message = "\n".join([str(int(timestamp)), method.upper(), path_with_query,
                         hashlib.sha256(_as_bytes(body)).hexdigest()])
    return hmac.new(_as_bytes(key), message.encode(), hashlib.sha256).hexdigest()


def sign_request(key: bytes | str, method: str, path_with_query: str, body: bytes | str | None = b"",
                 timestamp: int | None = None) -> dict[str, str]:
    """Headers to add to a request: {X-Miaomian-Timestamp, X-Miaomian-Signature}."""
    if not key:
        raise ValueError("empty HMAC key: set MIAOMIAN_HMAC_KEY")
    ts = int(time.time()) if timestamp is None else int(timestamp)
    return {TIMESTAMP_HEADER: str(ts),
            SIGNATURE_HEADER: signature(key, ts, method, path_with_query, body)}


def verify_request(key: bytes | str, method: str, path_with_query: str, body: bytes | str | None,
                   headers, max_skew: int = MAX_SKEW_SECONDS, now: float | None = None) -> bool:
    """True when the headers carry a valid signature no older (or newer) than max_skew seconds.

    `headers` is any mapping; lookup is case-insensitive (Flask's request.headers or a plain dict).
    """
    if not key:
        return False
    lowered = {str(k).lower(): v for k, v in dict(headers).items()}
    ts_raw = lowered.get(TIMESTAMP_HEADER.lower())
    sig = lowered.get(SIGNATURE_HEADER.lower())
    if not ts_raw or not sig:
        return False
    try:
        ts = int(ts_raw)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - ts) > max_skew:
        return False
    expected = signature(key, ts, method, path_with_query, body)
    return hmac.compare_digest(expected.encode(), str(sig).lower().encode("utf-8", "surrogateescape"))
