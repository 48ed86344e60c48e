"""The flask-smorest Api (OpenAPI 3 at /api/openapi.json, generated from the code) and JSON errors.

Every error, from a view's abort, a validation failure, an unknown route or a crash, leaves as
{"error": <code>, "message": <sentence>} with the right status: never an HTML page.
"""
import logging

import marshmallow as ma
from flask import Flask, has_request_context, request
from flask_smorest import Api
from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest import abort as smorest_abort
from webargs import core as webargs_core
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.routing import IntegerConverter

from api import messages

log = logging.getLogger(__name__)

DEFAULT_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 410: "gone", 413: "too_large", 415: "unsupported_media_type", 422: "invalid",
    429: "rate_limited", 500: "internal_error", 503: "unavailable",
}


class ErrorSchema(ma.Schema):
    error = ma.fields.String(metadata={"description": "Machine-readable error code"})
    message = ma.fields.String(metadata={"description": "A sentence a person understands"})
    details = ma.fields.Dict(metadata={"description": "Per-field validation errors, when any"})


class MiaomianApi(Api):
    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error: HTTPException):
        from api.protection import outage

        return outage.handle(error) or error_payload(error)


def error_payload(error: HTTPException):
    """{"error": code, "message": Chinese sentence (api/messages.py), "details"?, "contact"?, "current"?} and the
    status ("current": the decision a change would replace, on 409 decision_change_unconfirmed)."""
    data = getattr(error, "data", None) or {}
    status = error.code or 500
    code = data.get("error") or DEFAULT_CODES.get(status, "error")
    details = data.get("errors") or data.get("messages")
    if status == 422 and "json" in (details or {}) and not data.get("error"):
        code = "invalid"
    kind = messages.route_kind(request.blueprint if has_request_context() else None)
    payload = {"error": code, "message": messages.error_message(code, status, data.get("message"), details, kind)}
    if details:
        payload["details"] = messages.chinese_details(details)
    for extra in ("contact", "answered_at", "attempts_left", "current", "next_question_id", "in_progress",
                  "in_flight", "answered", "next_actions", "existing", "rows", "pending_questions"):
        if data.get(extra) is not None:
            payload[extra] = data[extra]
    return payload, status, data.get("headers", {})


MAX_ID = 2 ** 31 - 1  # the largest value of an INTEGER id column on MySQL
ID_RANGE = ma.validate.Range(1, MAX_ID, error="编号是 1 到 2147483647 之间的整数。")


def not_found_text(thing: str, value: int) -> str:
    """"你们机构没有编号为 12 的回答。"; for an id no row can have (0, which IdConverter gives an overflowing id,
    or one beyond MAX_ID) "编号不存在：你们机构没有这个回答。"."""
    if 1 <= value <= MAX_ID:
        return f"你们机构没有编号为 {value} 的{thing}。"
    return f"编号不存在：你们机构没有这个{thing}。"


class StrictBoolean(ma.fields.Boolean):
    """Only the JSON values true and false (not "true", 1 or "yes"): consents and confirmations must be explicit."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class StrictNumber(ma.fields.Float):
    """A JSON number (not a string, not true/false, not NaN or infinity)."""

    default_error_messages = {"not_number": "Must be a number."}

    def __init__(self, **kwargs):
        super().__init__(allow_nan=False, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.make_error("not_number")
        return super()._deserialize(value, attr, data, **kwargs)


class JsonBodyParser(FlaskParser):
    """Bodies of JSON routes are JSON, said so, and present: another media type (text/plain, a form, …) is
    refused with 415 `unsupported_media_type` and a missing body with 400 `body_required`, before the view
    runs, so nothing acts on a body read as {}. A schema whose body may be left out says so explicitly with
    BODY_OPTIONAL = True (a missing body then loads as {}; another media type is still refused)."""

    def load_json(self, req, schema):
        data = req.get_data(cache=True)
        if not data.strip():
            if getattr(schema, "BODY_OPTIONAL", False):
                return {}
            abort(400, "body_required")
        if not webargs_core.is_json(req.mimetype):
            abort(415, "unsupported_media_type")
        return super().load_json(req, schema)


class Blueprint(SmorestBlueprint):
    """flask-smorest's Blueprint with JsonBodyParser for every `arguments(...)` in the API; a schema with
    BODY_OPTIONAL documents its requestBody as not required."""

    ARGUMENTS_PARSER = JsonBodyParser()

    def arguments(self, schema, **kwargs):
        if getattr(schema, "BODY_OPTIONAL", False):
            kwargs.setdefault("required", False)
        return super().arguments(schema, **kwargs)


class IdConverter(IntegerConverter):
    """<int:...> in every route: an id beyond what the database holds becomes 0, which no row has, so the
    view answers its own 404 instead of the driver overflowing."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        return number if number <= MAX_ID else 0


def abort(status: int, error: str, message: str | None = None, **extra):
    """Stop the request with a JSON error a person can read: `message` (Chinese) or the catalogue's sentence
    for `error` (api/messages.py); `extra` adds keys such as `contact`."""
    smorest_abort(status, error=error, message=message, **extra)


def refuse_if_erased(status: str, consequence: str) -> None:
    """409 `erased` when the session's `status` is "erased" (the candidate erased their data, api/erasure.py):
    HR can record nothing more on it. `consequence` ends the Chinese message, e.g. "不能再评分"."""
    if status == "erased":
        abort(409, "erased", f"候选人已删除自己的数据，{consequence}。")


def create_api(app: Flask) -> MiaomianApi:
    app.url_map.converters["int"] = IdConverter
    app.config.setdefault("API_TITLE", "Miaomian API")
    app.config.setdefault("API_VERSION", "1")
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    api = MiaomianApi(app, spec_kwargs={"info": {"description": "秒面 one-way interviews: HR, candidate and internal endpoints."}})
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    api.spec.components.security_scheme("hmac", {"type": "apiKey", "in": "header", "name": "X-Miaomian-Signature"})

    @app.errorhandler(Exception)
    def unexpected(error):
        from api.protection import outage

        if isinstance(error, HTTPException):
            return outage.handle(error) or error_payload(error)
        if (answer := outage.handle(error)) is not None:
            return answer
        log.exception("unhandled error")
        return error_payload(InternalServerError())

    return api
