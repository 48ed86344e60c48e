"""The local stand-in for SCF's COS trigger: worker processes that run the analyzer on storage events.

Models load once in the parent, then workers fork (copy-on-write), as a warm SCF instance keeps them.
Each event gets up to TRIGGER_MAX_ATTEMPTS tries with exponential backoff, like SCF's async retries;
after the last, the answer is marked failed with the reason. Run alone: python -m api.trigger
"""
import json
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
import uuid
from contextlib import contextmanager

from api import events, outbox, results
from api.db import make_engine

log = logging.getLogger("miaomian.trigger")


class Context(dict):
    """What SCF passes as `context` (a dict with request_id, function_name, time_limit_in_ms...)."""


def _handler():
    from functions.analyze.index import main_handler
    return main_handler


def process_one(engine, worker: str, handler, config: dict) -> bool:
    """Claim and run one due event; False when there was nothing to do."""
    with engine.begin() as connection:
        _give_up_on_dead_leases(connection, config)
        event_row = events.claim_next(connection, worker, config["TRIGGER_LEASE_SECONDS"])
    if event_row is None:
        return False
    context = Context(request_id=uuid.uuid4().hex, function_name="miaomian-analyze", attempt=event_row.attempts,
                      time_limit_in_ms=config["TRIGGER_LEASE_SECONDS"] * 1000)
    try:
        with _lease_kept(engine, event_row.id, worker, config["TRIGGER_LEASE_SECONDS"]):
            handler(json.loads(event_row.event), context)
    except Exception as error:  # whatever the handler raised is a failed invocation, as on SCF
        reason = f"{type(error).__name__}: {error}"
        log.warning("event %s attempt %s failed: %s", event_row.id, event_row.attempts, reason)
        with engine.begin() as connection:
            if event_row.attempts >= config["TRIGGER_MAX_ATTEMPTS"]:
                if events.mark_failed(connection, event_row.id, worker, reason):
                    _fail_answer(connection, event_row.object_key, reason)
            else:
                delay = config["TRIGGER_BACKOFF_SECONDS"] * (2 ** (event_row.attempts - 1))
                events.mark_retry(connection, event_row.id, worker, reason, delay)
        return True
    with engine.begin() as connection:
        events.mark_done(connection, event_row.id, worker)
    return True


@contextmanager
def _lease_kept(engine, event_id: int, worker: str, lease_seconds: int):
    """Renew the lease every third of its length while the handler runs: a long analysis keeps its event,
    while a worker that dies stops renewing and its event is reclaimed once the lease runs out (so a short
    lease recovers fast without another worker analysing a live one's answer a second time)."""
    done = threading.Event()

    def renew():
        while not done.wait(max(0.5, lease_seconds / 3)):
            try:
                with engine.begin() as connection:
                    if not events.renew_lease(connection, event_id, worker, lease_seconds):
                        return
            except Exception:  # a database hiccup: try again at the next beat
                log.exception("could not renew the lease of event %s", event_id)

    beat = threading.Thread(target=renew, name=f"lease-{event_id}", daemon=True)
    beat.start()
    try:
        yield
    finally:
        done.set()
        beat.join(5)


def _fail_answer(connection, key: str, reason: str) -> None:
    message = f"analysis failed after retries: {reason}"
    try:
        results.record(connection, key, "failed", message[:500], {"status": "failed", "reason": message})
    except results.UnknownObject:
        log.info("object %s belongs to no answer (erased or replaced); nothing to mark", key)


def _give_up_on_dead_leases(connection, config) -> None:
    for row in events.exhausted_leases(connection, config["TRIGGER_MAX_ATTEMPTS"]):
        reason = "the analysis worker stopped while processing this answer"
        if events.mark_failed(connection, row.id, row.lease_owner, reason):
            _fail_answer(connection, row.object_key, reason)


def worker_loop(database_url: str, config: dict, stop, idle_sleep: float = 0.5) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    engine = make_engine(database_url)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    handler = _handler()
    while not stop.is_set() and os.getppid() == parent:  # a killed parent must not leave workers behind
        try:
            busy = process_one(engine, worker, handler, config)
            if not busy:  # between analyses, deliver due notifications (api/outbox.py)
                busy = outbox.process_one(engine, worker, config)
        except Exception:  # a database hiccup must not kill the worker; the lease protects the event
            log.exception("trigger loop error")
            busy = False
        if not busy:
            stop.wait(idle_sleep)
    engine.dispose()


class LocalTrigger:
    """A pool of worker processes polling the storage events table."""

    def __init__(self, database_url: str, config: dict, workers: int):
        self.database_url, self.config, self.workers = database_url, config, workers
        self._context = multiprocessing.get_context("fork")
        self.stop_event = self._context.Event()
        self.processes = []

    def start(self) -> "LocalTrigger":
        _handler()  # import the analyzer (and its models) once, before forking
        for index in range(self.workers):
            process = self._context.Process(target=worker_loop, name=f"miaomian-trigger-{index}",
                                            args=(self.database_url, self.config, self.stop_event), daemon=True)
            process.start()
            self.processes.append(process)
        return self

    def stop(self, timeout: float = 10) -> None:
        self.stop_event.set()
        for process in self.processes:
            process.join(timeout)
            if process.is_alive():
                process.terminate()


def trigger_config(app_config) -> dict:
    return {**{key: app_config[key] for key in app_config if key.startswith("TRIGGER_")},
            **outbox.worker_config(app_config)}


def function_environment(app_config) -> dict:
    """The analyzer reads its settings from the environment, as on SCF: these, for the local trigger."""
    return {"MIAOMIAN_API_URL": os.environ.get("MIAOMIAN_API_URL") or app_config["PUBLIC_URL"],
            "MIAOMIAN_HMAC_KEY": app_config["HMAC_KEY"], "MIAOMIAN_STORAGE": app_config["STORAGE"],
            "MIAOMIAN_STORAGE_ROOT": app_config["STORAGE_ROOT"]}


def export_function_environment(app_config) -> None:
    os.environ.update(function_environment(app_config))


def main() -> None:
    from api import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = create_app()
    export_function_environment(app.config)
    trigger = LocalTrigger(app.config["DATABASE_URL"], trigger_config(app.config), app.config["TRIGGER_WORKERS"]).start()
    log.info("local trigger running with %d workers; Ctrl-C stops", trigger.workers)
    try:
        while all(process.is_alive() for process in trigger.processes):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        trigger.stop()


if __name__ == "__main__":
    main()
