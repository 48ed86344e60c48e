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
from datetime import timedelta

import sqlalchemy as sa

from api import events, outbox, results
from api.db import make_engine
from api.schema import storage_events, trigger_workers
from api.timeutil import utcnow

log = logging.getLogger("miaomian.trigger")

HEARTBEAT_SECONDS = 5  # a worker reports this often (api/health.py counts it alive for ALIVE_SECONDS)
ALIVE_SECONDS = 15


class Context(dict):
    """What SCF passes as `context` (a dict with request_id, function_name, time_limit_in_ms...)."""


def _handler():
    from functions.analyze.index import main_handler
    return main_handler


DEFAULT_ANSWER_SECONDS = 600.0  # an object no answer owns: the analyzer's longest recording (MAX_AUDIO_SECONDS)


def analysis_budget(connection, key: str, config: dict) -> float:
    """Seconds one analysis of `key` may take: TRIGGER_ANALYSIS_SECONDS + TRIGGER_ANALYSIS_FACTOR × the
    answer's longest duration (its question's answer_seconds; DEFAULT_ANSWER_SECONDS when no answer owns
    the key)."""
    from api.schema import answers, questions

    seconds = connection.scalar(sa.select(questions.c.answer_seconds).select_from(
        answers.join(questions, questions.c.id == answers.c.question_id)).where(answers.c.object_key == key))
    return (float(config.get("TRIGGER_ANALYSIS_SECONDS", 60.0))
            + float(config.get("TRIGGER_ANALYSIS_FACTOR", 3.0)) * float(seconds or DEFAULT_ANSWER_SECONDS))


class AnalysisWatch:
    """What one worker is analysing, in shared memory its parent reads: (event id, start on the monotonic
    clock, budget in seconds); all zero when idle. The parent kills a worker whose analysis outlives its
    budget (LocalTrigger.check_workers): a hung ffmpeg or Vosk call never returns, while the worker's lease
    keeper thread goes on renewing the lease, so no heartbeat or lease bound would notice."""

    def __init__(self, context):
        self._slot = context.RawArray("d", 3)

    def begin(self, event_id: int, budget: float) -> None:
        self._slot[1], self._slot[2] = time.monotonic(), budget  # id last: the parent reads it first
        self._slot[0] = float(event_id)

    def end(self) -> None:
        self._slot[0] = 0.0

    def overdue(self) -> tuple[int, float] | None:
        """(event id, budget) when the running analysis is past its budget, else None."""
        event_id, started, budget = self._slot[0], self._slot[1], self._slot[2]
        if event_id and time.monotonic() - started > budget:
            return int(event_id), budget
        return None


def process_one(engine, worker: str, handler, config: dict, stop=None, watch: AnalysisWatch | None = None) -> bool:
    """Claim and run one due event; False when there was nothing to do (or stop is set). `watch` (a worker
    process's AnalysisWatch) is told what runs and its budget, for the parent to enforce."""
    with engine.begin() as connection:
        _give_up_on_dead_leases(connection, config)
        if stop is not None and stop.is_set():
            return False
        event_row = events.claim_next(connection, worker, config["TRIGGER_LEASE_SECONDS"])
        if event_row is not None and watch is not None:
            watch.begin(event_row.id, analysis_budget(connection, event_row.object_key, config))
    if event_row is None:
        return False
    context = Context(request_id=uuid.uuid4().hex, function_name="miaomian-analyze", attempt=event_row.attempts,
                      time_limit_in_ms=config["TRIGGER_LEASE_SECONDS"] * 1000)
    keeper = LeaseKeeper(engine, event_row.id, worker, event_row.object_key, config["TRIGGER_LEASE_SECONDS"])
    keeper.start()
    try:
        handler(json.loads(event_row.event), context)
    except Exception as error:  # whatever the handler raised is a failed invocation, as on SCF
        reason = f"{type(error).__name__}: {error}"
        log.warning("event %s attempt %s failed: %s", event_row.id, event_row.attempts, reason)
        with engine.begin() as connection:
            settle_failed_attempt(connection, event_row, worker, config, reason, "analysis_failed")
        return True
    finally:
        keeper.stop()
        if watch is not None:
            watch.end()
    with engine.begin() as connection:
        events.mark_done(connection, event_row.id, worker)
    return True


def settle_failed_attempt(connection, event_row, worker: str, config: dict, reason: str, reason_code: str) -> None:
    """A failed attempt: retried after the backoff, or, after the last one, the event failed and the answer
    failed with `reason_code`'s Chinese sentence (the technical `reason` stays in the event's last_error)."""
    if event_row.attempts >= config["TRIGGER_MAX_ATTEMPTS"]:
        if events.mark_failed(connection, event_row.id, worker, f"analysis failed after retries: {reason}"):
            _fail_answer(connection, event_row.object_key, reason_code, reason)
    else:
        delay = config["TRIGGER_BACKOFF_SECONDS"] * (2 ** (event_row.attempts - 1))
        events.mark_retry(connection, event_row.id, worker, reason, delay)


def _fail_answer(connection, key: str, reason_code: str, detail: str) -> None:
    """Fail the answer with a sentence HR reads (api/messages.py REASON_TEXT) and a stable reason_code; the
    technical detail stays in the server log and the event's last_error."""
    from api.messages import REASON_TEXT

    reason = REASON_TEXT[reason_code]
    log.warning("answer %s failed (%s): %s", key, reason_code, detail)
    try:
        results.record(connection, key, "failed", reason, {"status": "failed", "reason": reason,
                                                           "reason_code": reason_code})
    except results.UnknownObject:
        log.info("object %s belongs to no answer (erased or replaced); nothing to mark", key)


def _give_up_on_dead_leases(connection, config) -> None:
    for row in events.exhausted_leases(connection, config["TRIGGER_MAX_ATTEMPTS"]):
        detail = "the analysis worker stopped while processing this answer"
        if events.mark_failed(connection, row.id, row.lease_owner, detail):
            _fail_answer(connection, row.object_key, "worker_stopped", detail)


def worker_name(pid: int) -> str:
    return f"{socket.gethostname()[:40]}:{pid}"


def beat(connection, worker: str, busy_key: str | None = None) -> None:
    """This worker is alive (and what it is analysing): one row per worker in trigger_workers, written by one
    upsert statement (an UPDATE-then-INSERT pair deadlocks on MariaDB when workers beat together)."""
    now = utcnow()
    values = {"worker": worker, "started_at": now, "seen_at": now, "busy_key": busy_key}
    if connection.dialect.name in ("mysql", "mariadb"):
        from sqlalchemy.dialects.mysql import insert
        statement = insert(trigger_workers).values(**values)
        statement = statement.on_duplicate_key_update(seen_at=statement.inserted.seen_at,
                                                      busy_key=statement.inserted.busy_key)
    else:
        from sqlalchemy.dialects.sqlite import insert
        statement = insert(trigger_workers).values(**values)
        statement = statement.on_conflict_do_update(index_elements=["worker"], set_={
            "seen_at": statement.excluded.seen_at, "busy_key": statement.excluded.busy_key})
    connection.execute(statement)


RETRYABLE_MYSQL_ERRORS = (1213, 1205)  # deadlock found; lock wait timeout exceeded


def beat_safely(engine, worker: str, busy_key: str | None = None, tries: int = 4) -> None:
    """beat() in its own transaction, retried quietly (a debug line) when MariaDB picks it as a deadlock
    victim or a lock wait times out; other errors, and the last try's, propagate."""
    for attempt in range(1, tries + 1):
        try:
            with engine.begin() as connection:
                beat(connection, worker, busy_key)
            return
        except sa.exc.OperationalError as error:
            code = getattr(error.orig, "args", (None,))[0]
            if code not in RETRYABLE_MYSQL_ERRORS or attempt == tries:
                raise
            log.debug("heartbeat of %s retried after MySQL error %s", worker, code)
            time.sleep(0.05 * attempt)


def forget(connection, workers: list[str]) -> None:
    if workers:
        connection.execute(trigger_workers.delete().where(trigger_workers.c.worker.in_(workers)))


def workers_alive(connection) -> int:
    """Workers that reported within ALIVE_SECONDS (any process sharing this database)."""
    since = utcnow() - timedelta(seconds=ALIVE_SECONDS)
    return connection.scalar(sa.select(sa.func.count()).select_from(trigger_workers)
                             .where(trigger_workers.c.seen_at >= since)) or 0


class LeaseKeeper(threading.Thread):
    """While an analysis runs, renew its lease (and the worker's heartbeat) every lease/3 seconds, so a long
    analysis is neither run twice nor failed while still running."""

    def __init__(self, engine, event_id: int, worker: str, key: str, lease_seconds: int):
        super().__init__(name="miaomian-lease", daemon=True)
        self.engine, self.event_id, self.worker, self.key = engine, event_id, worker, key
        self.lease_seconds, self.done = lease_seconds, threading.Event()

    def run(self) -> None:
        every = max(0.5, min(self.lease_seconds / 3, HEARTBEAT_SECONDS))
        while not self.done.wait(every):
            try:
                with self.engine.begin() as connection:
                    if not events.renew(connection, self.event_id, self.worker, self.lease_seconds):
                        log.warning("lease of event %s is no longer ours", self.event_id)
                        return
                beat_safely(self.engine, self.worker, self.key)
            except Exception:  # a database hiccup: the next tick tries again before the lease runs out
                log.warning("lease renewal of event %s failed", self.event_id, exc_info=True)

    def stop(self) -> None:
        self.done.set()
        self.join(5)


def worker_loop(database_url: str, config: dict, stop, idle_sleep: float = 0.5,
                watch: AnalysisWatch | None = None) -> None:
    """One worker process: claim, analyse, settle, until stop is set (a running analysis finishes first)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, under its deadline
    # The parent's own SIGTERM handler (a Python function setting its stop flag) is inherited by fork: without
    # this, the parent's terminate() at the deadline would be ignored and shutdown would wait out every join.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.setpgid(0, 0)  # nor may it reach ffmpeg mid-analysis (it would fail a good answer as undecodable)
    parent = os.getppid()
    engine = make_engine(database_url)
    worker = worker_name(os.getpid())
    handler = _handler()
    last_beat = 0.0
    while not stop.is_set() and os.getppid() == parent:  # a killed parent must not leave workers behind
        try:
            if time.monotonic() - last_beat >= config.get("TRIGGER_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS):
                beat_safely(engine, worker)
                last_beat = time.monotonic()
            busy = process_one(engine, worker, handler, config, stop, watch)
            if not busy and not stop.is_set():  # between analyses, deliver due notifications (api/outbox.py)
                busy = outbox.process_one(engine, worker, config)
        except Exception:  # a database hiccup must not kill the worker; the lease protects the event
            log.exception("trigger loop error")
            busy = False
        if not busy:
            stop.wait(idle_sleep)
    try:
        with engine.begin() as connection:
            forget(connection, [worker])
    except Exception:
        log.warning("could not remove the heartbeat of %s", worker)
    engine.dispose()


class StopFlag:
    """A stop signal shared with forked workers: one byte of shared memory, polled. (multiprocessing.Event is
    not safe here: a worker killed while waiting on it leaves its condition's semaphores so that set() blocks
    for ever.)"""

    def __init__(self, context):
        self._value = context.RawValue("b", 0)

    def set(self) -> None:
        self._value.value = 1

    def is_set(self) -> bool:
        return bool(self._value.value)

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.is_set() and time.monotonic() < deadline:
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
        return self.is_set()


class LocalTrigger:
    """A supervised pool of worker processes polling the storage events table.

    The parent's supervisor thread reaps and respawns dead workers (their leases end at once, the attempt
    counting), and runs the sweeper (api/sweeper.py) every SWEEP_INTERVAL_SECONDS when given the app.
    stop() stops taking work, lets running analyses finish and post their results within the deadline, then
    ends the rest and puts their events back to pending."""

    def __init__(self, database_url: str, config: dict, workers: int, app=None):
        self.database_url, self.config, self.workers, self.app = database_url, config, workers, app
        self._context = multiprocessing.get_context("fork")
        self.stop_event = StopFlag(self._context)
        self.processes = []
        self.respawned = 0
        self._engine = None
        self._supervisor = None
        self._supervising = threading.Event()
        self._lock = threading.Lock()
        self._spawned_at: dict[int, float] = {}
        self.watches = [AnalysisWatch(self._context) for _ in range(workers)]
        self.timed_out = 0

    def _spawn(self, index: int):
        self.watches[index].end()
        process = self._context.Process(target=worker_loop, name=f"miaomian-trigger-{index}",
                                        args=(self.database_url, self.config, self.stop_event, 0.5,
                                              self.watches[index]), daemon=True)
        process.start()
        self._spawned_at[index] = time.monotonic()
        return process

    def start(self, supervise: bool = True) -> "LocalTrigger":
        _handler()  # import the analyzer (and its models) once, before forking
        self._engine = make_engine(self.database_url)
        self.processes = [self._spawn(index) for index in range(self.workers)]
        if supervise:
            self._supervisor = threading.Thread(target=self._supervise, name="miaomian-supervisor", daemon=True)
            self._supervisor.start()
        return self

    def _supervise(self) -> None:
        next_sweep = time.monotonic() + (self.config.get("SWEEP_INTERVAL_SECONDS") or 30)
        while not self._supervising.wait(1.0):
            try:
                self.check_workers()
            except Exception:
                log.exception("worker supervision failed")
            if self.app is not None and time.monotonic() >= next_sweep:
                next_sweep = time.monotonic() + (self.config.get("SWEEP_INTERVAL_SECONDS") or 30)
                try:
                    from api import sweeper
                    sweeper.sweep(self.app)
                except Exception:  # the database may be down: the next tick sweeps again
                    log.warning("sweep failed", exc_info=True)

    def check_workers(self) -> int:
        """Reap dead workers (no zombies), end their leases and respawn them; returns how many died."""
        with self._lock:
            if self.stop_event.is_set():
                return 0
            dead = [(index, process) for index, process in enumerate(self.processes) if not process.is_alive()]
            hung = self._hung([(index, process) for index, process in enumerate(self.processes)
                               if process.is_alive()])
            for index, process in hung:  # alive but silent (stopped, stuck): end it and its ffmpeg children
                log.warning("analysis worker %s sent no heartbeat for too long; ending it", process.pid)
                _signal_group(process, signal.SIGKILL)
                process.join(2)
            dead += hung
            dead += self._end_overdue([(index, process) for index, process in enumerate(self.processes)
                                       if process.is_alive() and (index, process) not in hung])
            if not dead:
                return 0
            for index, process in dead:
                process.join(0)  # reaps the zombie
                log.warning("analysis worker %s exited with %s; starting a new one", process.pid, process.exitcode)
            names = [worker_name(process.pid) for _, process in dead]
            try:
                with self._engine.begin() as connection:
                    events.expire_leases(connection, names)
                    forget(connection, names)
            except Exception:  # the database is down: the leases still expire on their own
                log.warning("could not end the leases of dead workers", exc_info=True)
            for index, _ in dead:
                self.processes[index] = self._spawn(index)
                self.respawned += 1
            return len(dead)

    def _end_overdue(self, alive) -> list:
        """Kill the workers whose analysis outlived its budget (AnalysisWatch), process group and all (ffmpeg,
        Vosk's pool), and settle their events as failed attempts (reason_code analysis_timeout): retried
        after the backoff, the last one failing the answer. Returns the killed (index, process) pairs."""
        killed = []
        for index, process in alive:
            overdue = self.watches[index].overdue()
            if overdue is None:
                continue
            event_id, budget = overdue
            log.warning("analysis worker %s ran event %s past its %.0f s budget; ending it", process.pid,
                        event_id, budget)
            _signal_group(process, signal.SIGKILL)
            process.join(2)
            self.timed_out += 1
            killed.append((index, process))
            reason = f"the analysis took longer than its budget of {budget:.0f} s and was stopped"
            try:
                with self._engine.begin() as connection:
                    row = connection.execute(sa.select(storage_events).where(
                        storage_events.c.id == event_id, storage_events.c.status == "claimed",
                        storage_events.c.lease_owner == worker_name(process.pid))).first()
                    if row is not None:
                        settle_failed_attempt(connection, row, worker_name(process.pid), self.config, reason,
                                              "analysis_timeout")
            except Exception:  # the database is down: the lease expires and the dead-lease path settles it
                log.warning("could not settle the overdue event %s", event_id, exc_info=True)
        return killed

    def _hung(self, alive) -> list:
        """Workers whose last heartbeat (or start) is older than TRIGGER_HUNG_SECONDS (default six heartbeat
        intervals, at least 30 s), or than the lease when busy (a busy worker's lease keeper beats too)."""
        if not alive:
            return []
        heartbeat = self.config.get("TRIGGER_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS)
        bound = self.config.get("TRIGGER_HUNG_SECONDS") or max(6 * heartbeat, 30)
        lease = self.config.get("TRIGGER_LEASE_SECONDS", 300)
        names = {worker_name(process.pid): (index, process) for index, process in alive}
        try:
            with self._engine.connect() as connection:
                rows = {row.worker: row for row in connection.execute(
                    sa.select(trigger_workers).where(trigger_workers.c.worker.in_(list(names))))}
        except Exception:  # the database is down: nobody can beat, so nobody is judged hung
            return []
        now, hung = utcnow(), []
        for name, (index, process) in names.items():
            row = rows.get(name)
            if row is None:
                silent = time.monotonic() - self._spawned_at.get(index, time.monotonic())
                limit = bound
            else:
                silent = (now - row.seen_at).total_seconds()
                limit = max(bound, lease) if row.busy_key else bound
            if silent > limit:
                hung.append((index, process))
        return hung

    def alive(self) -> int:
        return sum(1 for process in self.processes if process.is_alive())

    def stop(self, timeout: float | None = None) -> None:
        """Stop taking work at once; give running analyses up to timeout (TRIGGER_SHUTDOWN_SECONDS) to post
        their results; then end the rest without further waits (SIGTERM, then SIGKILL, to each worker's process
        group, so ffmpeg children go too) and put their events back to pending. Returns within timeout + ~1 s
        whatever is running."""
        deadline = time.monotonic() + (timeout if timeout is not None
                                       else self.config.get("TRIGGER_SHUTDOWN_SECONDS", 8.0))
        self.stop_event.set()  # no lock: a supervisor tick holding it must not delay the stop flag
        self._supervising.set()
        with self._lock:
            processes = list(self.processes)
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        aborted = [process for process in processes if process.is_alive()]
        if aborted:
            terminate_all(aborted, grace=0.5)
        names = [worker_name(process.pid) for process in processes]
        if self._engine is not None:
            try:
                with self._engine.begin() as connection:
                    released = events.release(connection, names)
                    forget(connection, names)
                if released:
                    log.info("shutdown: %d running analyses put back to pending", released)
            except Exception:  # the database is down: their leases expire and they are claimed again
                log.warning("could not put aborted events back to pending", exc_info=True)
            self._engine.dispose()
        if self._supervisor is not None:
            self._supervisor.join(1)


def _signal_group(process, signum: int) -> None:
    """Signal a worker's process group (it leads one: its ffmpeg children are in it, and may outlive it), or
    the worker alone when it has not made its group yet."""
    try:
        os.killpg(process.pid, signum)
        return
    except ProcessLookupError:  # no such group (yet, or any more)
        pass
    try:
        os.kill(process.pid, signum)
    except ProcessLookupError:
        pass


def terminate_all(processes, grace: float = 0.5) -> None:
    """SIGTERM every worker's process group, wait at most `grace` seconds in all, SIGKILL what is left, reap."""
    for process in processes:
        _signal_group(process, signal.SIGTERM)
    until = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, until - time.monotonic()))
    for process in processes:
        _signal_group(process, signal.SIGKILL)  # the group too: a child may have outlived its worker
    for process in processes:
        process.join(1)


def trigger_config(app_config) -> dict:
    return {**{key: app_config[key] for key in app_config if key.startswith(("TRIGGER_", "SWEEP_"))},
            **outbox.worker_config(app_config)}


def function_environment(app_config) -> dict:
    """The analyzer reads its settings from the environment, as on SCF: these, for the local trigger."""
    return {"MIAOMIAN_API_URL": os.environ.get("MIAOMIAN_API_URL") or app_config["PUBLIC_URL"],
            "MIAOMIAN_HMAC_KEY": app_config["HMAC_KEY"], "MIAOMIAN_STORAGE": app_config["STORAGE"],
            "MIAOMIAN_STORAGE_ROOT": app_config["STORAGE_ROOT"]}


def export_function_environment(app_config) -> None:
    os.environ.update(function_environment(app_config))


class StopSignal:
    """Set by SIGTERM or SIGINT. The handler only stores the signal number: a handler that set a
    threading.Event would take the Event's lock, and when the signal lands while the main thread holds that
    same lock (inside Event.wait, between its wake-up and its return) the handler waits for itself for ever.
    CI saw `make dev` ignore SIGTERM that way."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def handle(self, signum, _frame) -> None:
        self.signum = signum

    def is_set(self) -> bool:
        return self.signum is not None


def stop_on_signals() -> StopSignal:
    """A StopSignal that SIGTERM or SIGINT sets (install from the main thread)."""
    stopping = StopSignal()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stopping.handle)
    return stopping


def wait_for(stopping: StopSignal, step: float = 0.5) -> None:
    """Block the main thread until `stopping` is set, in short sleeps.

    The kernel may deliver SIGTERM to any thread (the HTTP server's, a worker reaper's); the Python handler
    runs only in the main thread, at its next bytecode. A sleep in the main thread is interrupted by a signal
    delivered to it, and wakes every `step` seconds otherwise, so the handler runs within `step`.
    """
    while not stopping.is_set():
        time.sleep(step)


def main() -> None:
    from api import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = create_app()
    export_function_environment(app.config)
    stopping = stop_on_signals()
    trigger = LocalTrigger(app.config["DATABASE_URL"], trigger_config(app.config), app.config["TRIGGER_WORKERS"],
                           app=app).start()
    log.info("local trigger running with %d workers; Ctrl-C or SIGTERM stops", trigger.workers)
    wait_for(stopping)
    log.info("stopping: no new analyses; running ones have %.0f s to finish", trigger.config["TRIGGER_SHUTDOWN_SECONDS"])
    trigger.stop()


if __name__ == "__main__":
    main()
