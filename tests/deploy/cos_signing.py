"""Tencent COS signatures recomputed from the documentation, independently of cos-python-sdk-v5.

Request signature (COS "Request Signature", XML API, q-sign-algorithm=sha1):
    SignKey      = HMAC-SHA1(SecretKey, KeyTime)                      KeyTime = "<start>;<end>" (Unix s)
    HttpString   = lower(method) \\n path \\n HttpParameters \\n HttpHeaders \\n
                   (parameters and headers: keys lower-cased, keys and values URL-encoded with only -_.~
                   kept, sorted by key, joined key=value with &)
    StringToSign = "sha1" \\n KeyTime \\n SHA1(HttpString) \\n
    Signature    = HMAC-SHA1(SignKey, StringToSign), hex
POST Object (form upload) signature:
    SignKey      = HMAC-SHA1(SecretKey, KeyTime)
    StringToSign = SHA1(policy JSON text, before base64)
    Signature    = HMAC-SHA1(SignKey, StringToSign), hex
"""
from __future__ import annotations

import hashlib
import hmac
from urllib.parse import quote


def _hmac_sha1(key: str, message: str) -> str:
    return hmac.new(key.encode(), message.encode(), hashlib.sha1).hexdigest()


def _encode(value: str) -> str:
    return quote(value, safe="-_.~")


def _canonical(pairs: dict) -> tuple[str, str]:
    encoded = sorted((_encode(str(k)).lower(), _encode(str(v))) for k, v in pairs.items())
    return ";".join(k for k, _ in encoded), "&".join(f"{k}={v}" for k, v in encoded)


def request_signature(secret_key: str, key_time: str, method: str, path: str, params: dict, headers: dict) -> dict:
    """The Authorization fields COS expects for a request (q-header-list, q-url-param-list, q-signature)."""
    header_list, http_headers = _canonical(headers)
    param_list, http_params = _canonical(params)
    http_string = f"{method.lower()}\n{path}\n{http_params}\n{http_headers}\n"
    string_to_sign = f"sha1\n{key_time}\n{hashlib.sha1(http_string.encode()).hexdigest()}\n"
    return {"q-header-list": header_list, "q-url-param-list": param_list,
            "q-signature": _hmac_sha1(_hmac_sha1(secret_key, key_time), string_to_sign)}


def post_policy_signature(secret_key: str, key_time: str, policy_json: str) -> str:
    return _hmac_sha1(_hmac_sha1(secret_key, key_time), hashlib.sha1(policy_json.encode()).hexdigest())
