"""Access logs without secrets: invitation tokens, share codes and upload ids in paths, and signatures,
policies and keys in query strings are replaced by "[redacted]" before a line is written.

Werkzeug's development server logs each request through the "werkzeug" logger: a filter rewrites the
record. Gunicorn writes its access log through its logger class: `RedactingGunicornLogger` (named in
gunicorn.conf.py, `logger_class`) redacts the request line, path, query and referer atoms.
"""
import logging
import re

from flask import Flask

REDACTED = "[redacted]"
# A path segment that is a secret: /api/c/<token>, /i/<token> (not /i/assets/...), /s/<code>,
# /api/scenes/<scene>, /api/storage/parts/<upload_id>.
PATH_SECRET = re.compile(r"(/api/c/|/i/(?!assets/)|/s/|/api/scenes/|/api/storage/parts/)([^/?#\s\"]+)")
QUERY_SECRET = re.compile(
    r"([?&](?:sig|signature|q-signature|q-sign-time|q-key-time|policy|token|key|code|scene|upload_id|uploadId|"
    r"x-cos-security-token|referrer)=)[^&#\s\"]*", re.IGNORECASE)


def redact(text: str) -> str:
    """The text with path tokens and query secrets replaced by [redacted]."""
    if not isinstance(text, str) or "/" not in text:
        return text
    return QUERY_SECRET.sub(r"\1" + REDACTED, PATH_SECRET.sub(r"\1" + REDACTED, text))


class RedactingFilter(logging.Filter):
    """A logging filter that redacts the message and its string arguments (werkzeug passes the request
    line as an argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(value) if isinstance(value, str) else value for key, value in record.args.items()}
        return True


_FILTER = RedactingFilter()


def init_app(_app: Flask) -> None:
    logger = logging.getLogger("werkzeug")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


try:  # gunicorn is a runtime dependency, but the API also runs without it (tests, make dev)
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover
    _GunicornLogger = None

if _GunicornLogger is not None:
    class RedactingGunicornLogger(_GunicornLogger):
        """gunicorn's logger with the secrets of each access-log line redacted (every atom: request line,
        path, query, raw URI, referer, headers); also redacts its error log."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for name, value in atoms.items():
                if isinstance(value, str):
                    atoms[name] = redact("?" + value)[1:] if name == "q" else redact(value)
            return atoms

        def setup(self, cfg):
            super().setup(cfg)
            self.error_log.addFilter(_FILTER)
