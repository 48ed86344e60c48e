"""Request parsing and validation that every route shares, before any view reads the request.

Whatever a client sends, the answer is a 4xx JSON error, never a crash deeper down:
- JSON bodies nested deeper than MAX_JSON_DEPTH → 400 `too_deep` (Python's parser would recurse until it
  fails); malformed JSON → 400 (Flask); bodies over MAX_CONTENT_LENGTH → 413 (Flask, JSON by api.openapi).
- A body with a JSON media type that is not JSON text in UTF-8 → 400 `bad_json`.
- A string anywhere (path, query, JSON keys and values, urlencoded form fields) holding NUL or another
  control character that no field of ours accepts, or a lone UTF-16 surrogate (which JSON's "\\ud800" allows
  but UTF-8 cannot store) → 400 `invalid_characters`. Tab, newline and carriage return stay allowed in
  JSON values (notes, comments).
- A body on a JSON endpoint sent as another media type is refused by webargs with 422 (fields missing).
Multipart uploads are not read here (their size limit is set by the upload view); the store checks their
fields itself.
"""
import re

from flask import Flask, request

from api.openapi import abort

MAX_JSON_DEPTH = 32
# C0 controls except \t \n \r, DEL is allowed; lone surrogates U+D800–U+DFFF.
FORBIDDEN_IN_VALUES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
FORBIDDEN_IN_NAMES = re.compile(r"[\x00-\x1f\ud800-\udfff]")
JSON_TYPES = ("application/json",)


JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
INNERMOST_PAIR = re.compile(rb"\[\]|\{\}")


def json_depth_exceeds(data: bytes, limit: int) -> bool:
    """Whether the JSON text may open more than `limit` nested arrays or objects. Strings are dropped, then
    each pass removes the innermost bracket pairs (one level, at C speed); unmatched opening brackets left
    at the end count as nesting too (the parser would recurse into them before finding the text cut)."""
    if data.count(b"[") + data.count(b"{") <= limit:  # the usual body: too few brackets to nest that deep
        return False
    brackets = JSON_STRING.sub(b"", data).translate(None, NOT_BRACKETS)
    levels = 0
    while brackets and levels <= limit:
        shrunk = INNERMOST_PAIR.sub(b"", brackets)
        if shrunk == brackets:
            break
        brackets, levels = shrunk, levels + 1
    return levels + brackets.count(b"[") + brackets.count(b"{") > limit


def bad_string(value, pattern=FORBIDDEN_IN_VALUES) -> bool:
    return isinstance(value, str) and pattern.search(value) is not None


def first_bad_string(value, where: str = "body") -> str | None:
    """Where the first string with a forbidden character is in a decoded JSON value, or None."""
    stack = [(where, value)]
    while stack:
        place, item = stack.pop()
        if isinstance(item, str):
            if bad_string(item):
                return place
        elif isinstance(item, dict):
            for key, inner in item.items():
                if bad_string(key, FORBIDDEN_IN_NAMES):
                    return place
                stack.append((f"{place}.{key}", inner))
        elif isinstance(item, list):
            stack.extend((f"{place}[{index}]", inner) for index, inner in enumerate(item))
    return None


def _refuse_characters(where: str):
    abort(400, "invalid_characters", f"请求中含有无法保存的字符（如空字符或不成对的代理字符）：{where[:80]}。")


def check_request():
    """before_request: refuse what no view can handle (see the module docstring)."""
    for name, value in (request.view_args or {}).items():
        if bad_string(value, FORBIDDEN_IN_NAMES):
            _refuse_characters(f"地址中的 {name}")
    for name, value in request.args.items(multi=True):
        if bad_string(name, FORBIDDEN_IN_NAMES) or bad_string(value, FORBIDDEN_IN_NAMES):
            _refuse_characters("查询参数")
    if request.mimetype == "application/x-www-form-urlencoded":
        for name, value in request.form.items(multi=True):
            if bad_string(name, FORBIDDEN_IN_NAMES) or bad_string(value):
                _refuse_characters("表单字段")
    if request.mimetype in JSON_TYPES or (request.mimetype or "").endswith("+json"):
        data = request.get_data(cache=True)
        if not data:
            return None
        if json_depth_exceeds(data, MAX_JSON_DEPTH):
            abort(400, "too_deep", f"JSON 嵌套太深（最多 {MAX_JSON_DEPTH} 层）。")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            abort(400, "bad_json", "请求内容不是 UTF-8 编码的 JSON。")
        body = request.get_json(silent=True)
        if body is None and data.strip() not in (b"null",):
            abort(400, "bad_json", "请求内容不是有效的 JSON。")
        where = first_bad_string(body)
        if where is not None:
            _refuse_characters(where)
    return None


def init_app(app: Flask) -> None:
    app.before_request(check_request)
