"""What every request passes through, whichever route it takes: rate limits, input checks, database-outage
answers, response headers, access-log redaction and the modes of files the app creates.

`init_app(app)` installs all of them; each module documents its own part.
"""
from flask import Flask

from api.protection import headers, inputs, logs, outage, ratelimit


def init_app(app: Flask) -> None:
    logs.init_app(app)
    ratelimit.init_app(app)
    inputs.init_app(app)
    headers.init_app(app)
    outage.init_app(app)
