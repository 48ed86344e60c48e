"""Response headers every answer gets: JSON is never cached (it holds candidates' and HR's data, and
answers to token-addressed routes), and no response is content-sniffed (recordings and images are served
as the type they are stored as, never reinterpreted as HTML or script)."""
from flask import Flask


def secure_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    mimetype = response.mimetype or ""
    if mimetype == "application/json" or mimetype.endswith("+json"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.after_request(secure_headers)
