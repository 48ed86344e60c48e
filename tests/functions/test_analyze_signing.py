import hashlib
import hmac

import pytest

from functions.analyze.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign_request, verify_request

KEY = b"k3y"


def test_signature_matches_the_documented_formula():
    body = b'{"a":1}'
    headers = sign_request(KEY, "post", "/api/internal/results", body, timestamp=1700000000)
    message = f"1700000000\nPOST\n/api/internal/results\n{hashlib.sha256(body).hexdigest()}".encode()
    assert headers[TIMESTAMP_HEADER] == "1700000000"
    assert headers[SIGNATURE_HEADER] == hmac.new(KEY, message, hashlib.sha256).hexdigest()


def test_round_trip_with_any_header_case():
    path = "/api/internal/analysis-context?key=answers%2Fs1%2F3%2F1-ab.m4a"
    headers = sign_request("k3y", "GET", path, b"")
    lowered = {k.lower(): v for k, v in headers.items()}
    assert verify_request(KEY, "GET", path, b"", lowered)


@pytest.mark.parametrize("change", ["key", "method", "path", "body", "old", "future", "missing", "garbage"])
def test_rejects_anything_changed(change):
    path, body, now = "/api/internal/results", b"{}", 1700000000
    headers = sign_request(KEY, "POST", path, body, timestamp=now)
    args = dict(key=KEY, method="POST", path_with_query=path, body=body, headers=headers, now=now)
    if change == "key":
        args["key"] = b"other"
    elif change == "method":
        args["method"] = "PUT"
    elif change == "path":
        args["path_with_query"] = path + "?x=1"
    elif change == "body":
        args["body"] = b"{ }"
    elif change == "old":
        args["now"] = now + 301
    elif change == "future":
        args["now"] = now - 301
    elif change == "missing":
        args["headers"] = {TIMESTAMP_HEADER: str(now)}
    else:
        args["headers"] = {TIMESTAMP_HEADER: "yesterday", SIGNATURE_HEADER: "zz"}
    assert not verify_request(**args)


def test_within_skew_is_accepted():
    headers = sign_request(KEY, "GET", "/p", b"", timestamp=1000)
    assert verify_request(KEY, "GET", "/p", b"", headers, now=1300)
    assert verify_request(KEY, "GET", "/p", None, headers, now=700)


def test_empty_key_refused():
    with pytest.raises(ValueError):
        sign_request(b"", "GET", "/p")
    assert not verify_request(b"", "GET", "/p", b"", {TIMESTAMP_HEADER: "1", SIGNATURE_HEADER: "x"})
