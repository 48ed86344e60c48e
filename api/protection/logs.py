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


# Built from the app's URL map at init_app: one pattern per rule that has a variable other than an integer id
# (tokens, codes, scenes, keys), so a new route with a secret in its path is redacted without anyone listing it.
ROUTE_SECRETS: list[re.Pattern] = []
_APPS: list[Flask] = []
_VARIABLE = re.compile(r"<(?:([a-zA-Z_][a-zA-Z0-9_]*)(?:\([^)]*\))?:)?([a-zA-Z_][a-zA-Z0-9_]*)>")
_SEGMENT = r"[^/?#\s\"]+"
_INTEGER_CONVERTERS = ("int",)


def secret_arguments(rule) -> list[str]:
    """The variables of a werkzeug Rule that are secrets: every one whose converter is not an integer id
    (static files' `filename` excepted)."""
    out = []
    for converter, name in _VARIABLE.findall(rule.rule):
        if converter in _INTEGER_CONVERTERS or (name == "filename" and rule.endpoint.endswith("static")):
            continue
        out.append(name)
    return out


def route_pattern(rule) -> re.Pattern | None:
    """A regex matching the rule's paths in a log line, the secret variables as groups named s0, s1, …"""
    secrets = set(secret_arguments(rule))
    if not secrets:
        return None
    parts, position, index = [], 0, 0
    for match in _VARIABLE.finditer(rule.rule):
        parts.append(re.escape(rule.rule[position:match.start()]))
        if match.group(2) in secrets:
            parts.append(f"(?P<s{index}>{_SEGMENT})")
            index += 1
        else:
            parts.append(_SEGMENT)
        position = match.end()
    parts.append(re.escape(rule.rule[position:]))
    return re.compile("".join(parts) + r"(?=[?#\s\"]|$)")


def install_routes(app: Flask) -> None:
    """Derive ROUTE_SECRETS from the app's URL map (called by init_app once the routes exist)."""
    patterns = [pattern for rule in app.url_map.iter_rules() if (pattern := route_pattern(rule)) is not None]
    ROUTE_SECRETS[:] = sorted(patterns, key=lambda item: -len(item.pattern))


def _redact_route(match: re.Match) -> str:
    text, start = match.group(0), match.start()
    out, position = [], 0
    for name, value in match.groupdict().items():
        if value is None:
            continue
        begin, end = match.start(name) - start, match.end(name) - start
        out.append(text[position:begin] + REDACTED)
        position = end
    out.append(text[position:])
    return "".join(out)


def redact(text: str) -> str:
    """The text with path secrets (by route, see ROUTE_SECRETS, plus the known prefixes) and query secrets
    replaced by [redacted]."""
    if not isinstance(text, str) or "/" not in text:
        return text
    while _APPS:
        install_routes(_APPS.pop())
    for pattern in ROUTE_SECRETS:
        text = pattern.sub(_redact_route, text)
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


def init_app(app: Flask) -> None:
    _APPS.append(app)  # the URL map is read at the first log line, when every blueprint is registered
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
