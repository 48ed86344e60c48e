"""Database trouble answered with the right status, on every route:

- the database cannot be reached (refused, gone away, lost connection, pool timeout, SQLite busy or
  locked past its timeout) → 503 {"error": "unavailable"} with Retry-After: the client retries later and
  nothing was saved;
- a unique or foreign-key constraint refused a write that raced another request → 409 {"error":
  "conflict"}: the client reloads and tries again;
- a value the database cannot store (too long for its column, out of range, invalid for its type) that
  validation let through → 422 {"error": "invalid"}, not a crash.

Flask hands an exception raised in a view to the handler of its class, and one raised while finishing the
response (the commit in api.db.commit_before_response) to the 500 handler as `original_exception`: both
paths come through `classify`.
"""
import logging

import sqlalchemy as sa
from flask import Flask, current_app
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

UNAVAILABLE_MESSAGE = "服务暂时不可用，您的操作没有保存，请稍后再试。"
CONFLICT_MESSAGE = "这项内容刚刚被另一个请求修改了，请刷新后再试。"
INVALID_MESSAGE = "有字段的值太长或超出了允许的范围，请修改后再试。"
# MySQL/MariaDB client errors that mean the server is not there: can't connect (2002, 2003), gone away
# (2006), lost connection (2013), server shutdown (1053), too many connections (1040), lock wait
# timeout (1205), deadlock (1213, retryable).
MYSQL_UNAVAILABLE = {1040, 1053, 1205, 1213, 2002, 2003, 2005, 2006, 2013, 2055}


def is_outage(error: BaseException) -> bool:
    """Whether the exception means the database is unreachable or busy (as opposed to a bug)."""
    if isinstance(error, (sa.exc.DisconnectionError, sa.exc.TimeoutError)):
        return True
    if isinstance(error, sa.exc.DBAPIError):
        if error.connection_invalidated:
            return True
        if isinstance(error, (sa.exc.OperationalError, sa.exc.InterfaceError)):
            code = error.orig.args[0] if error.orig is not None and error.orig.args else None
            if isinstance(code, int):
                return code in MYSQL_UNAVAILABLE
            return True  # SQLite: "database is locked", "unable to open database file", disk I/O
    return isinstance(error, (ConnectionError, TimeoutError))


def classify(error: BaseException):
    """A JSON error response for a database failure, or None when the error is something else."""
    if is_outage(error):
        orig = getattr(error, "orig", None) or error
        # the driver's error code too (1213 deadlock, 1205 lock wait, 2013 lost connection…): what to fix differs
        log.warning("database unavailable: %s %s", type(orig).__name__, str(orig.args[0] if orig.args else "")[:120])
        seconds = int(current_app.config.get("DB_RETRY_AFTER_SECONDS", 10))
        return ({"error": "unavailable", "message": UNAVAILABLE_MESSAGE}, 503, {"Retry-After": str(seconds)})
    if isinstance(error, sa.exc.IntegrityError):
        log.info("write conflict: %s", str(error.orig)[:200])
        return {"error": "conflict", "message": CONFLICT_MESSAGE}, 409
    if isinstance(error, sa.exc.DataError):
        log.warning("a value validation let through was refused by the database: %s", str(error.orig)[:200])
        return {"error": "invalid", "message": INVALID_MESSAGE}, 422
    return None


def original_of(error: BaseException) -> BaseException:
    return getattr(error, "original_exception", None) or error


def handle(error: BaseException):
    """The handler api.openapi's error paths consult first; None lets them answer as before."""
    if isinstance(error, HTTPException) and getattr(error, "original_exception", None) is None:
        return None
    return classify(original_of(error))


def init_app(_app: Flask) -> None:
    """Nothing to install: api.openapi's handlers call `handle` (one place answers every error)."""
