"""`make dev`: the whole system on the embedded default in one process tree.

Migrates the SQLite database, seeds the demo organisation, starts the local trigger's workers and serves
the API on http://127.0.0.1:$PORT (default 5000) with development sign-in enabled.

Shutdown (SIGTERM or Ctrl-C) runs under one deadline, TRIGGER_SHUTDOWN_SECONDS (8 s): the workers stop
taking new events, running analyses post their results while the HTTP server (and so the internal endpoint)
is still up, workers still busy at the deadline are ended and their events put back to pending, and only
then does the server close. Idle, it exits within a second or two.
"""
import logging
import os
import threading
from pathlib import Path

import sqlalchemy as sa
from werkzeug.serving import make_server

from api import create_app, crypto, db, demo, retention
from api.trigger import LocalTrigger, export_function_environment, stop_on_signals, trigger_config, wait_for

log = logging.getLogger("miaomian.devserver")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    port = int(os.environ.get("PORT", "5000"))
    host = os.environ.get("HOST", "127.0.0.1")
    os.environ.setdefault("MIAOMIAN_ENV", "development")
    os.environ.setdefault("MIAOMIAN_DEV_LOGIN", "1")
    os.environ.setdefault("MIAOMIAN_PUBLIC_URL", f"http://{host}:{port}")
    os.environ.setdefault("MIAOMIAN_API_URL", f"http://{host}:{port}")
    app = create_app()
    engine = app.extensions["miaomian.engine"]
    db.migrate(engine)
    with app.app_context(), engine.begin() as connection:
        crypto.encrypt_plaintext_names(connection)
        outcome = demo.seed(connection, language=os.environ.get("MIAOMIAN_DEMO_LANGUAGE", "zh"))
    engine.dispose()
    stopping = stop_on_signals()
    export_function_environment(app.config)
    trigger = LocalTrigger(app.config["DATABASE_URL"], trigger_config(app.config), app.config["TRIGGER_WORKERS"],
                           app=app).start()
    retention_stop = retention.start_sweeper(app)
    server = make_server(host, port, app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, name="miaomian-http", daemon=True)
    serving.start()
    print(f"Miaomian API listening on http://{host}:{server.server_port}", flush=True)
    database = sa.engine.make_url(app.config["DATABASE_URL"]).render_as_string(hide_password=True)
    print(f"  database: {database}\n  storage:  {app.config['STORAGE_ROOT']}", flush=True)
    if outcome["tokens"]:
        # Names and tokens never go to the console (logs are collected and shared): the links go to a
        # private file in the instance folder.
        links = Path(app.instance_path) / "demo-invitations.txt"
        descriptor = os.open(links, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.writelines(f"{app.config['PUBLIC_URL']}/i/{item['token']}\n" for item in outcome["tokens"])
        print(f"  demo invitations: {len(outcome['tokens'])} links in {links}", flush=True)
    wait_for(stopping)
    print("stopping: no new analyses; running ones finish or go back to the queue", flush=True)
    retention_stop.set()
    trigger.stop()  # while the server still answers the workers' result posts
    server.shutdown()
    server.server_close()
    serving.join(5)
    print("stopped", flush=True)


if __name__ == "__main__":
    main()
