"""The baseline for bench/api_load.py: a bare Flask JSON endpoint served the same way."""
from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)

    @app.get("/hello")
    def hello():
        return {"hello": "world"}

    return app
