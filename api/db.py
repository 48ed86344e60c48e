"""Database access: one engine per app, a connection per request cached on g, migrations through Alembic.

Queries live in small named functions in the resource modules; this module only hands out connections.
"""
import io
import logging
import os
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import current_app, g

MIGRATIONS = Path(__file__).parent / "migrations"
SQL_DIR = Path(__file__).parent.parent / "sql"
log = logging.getLogger(__name__)


def make_engine(url: str, busy_timeout: float = 30) -> sa.Engine:
    """The engine for a database URL. SQLite waits up to `busy_timeout` seconds for a lock (then the
    request answers 503); MySQL connections are checked before use, so a restarted server is reconnected."""
    if url.startswith("sqlite"):
        _create_private_file(sa.engine.make_url(url).database)
        engine = sa.create_engine(url, connect_args={"timeout": busy_timeout, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cursor.close()

        return engine
    if url.startswith("mysql") and "charset=" not in url:
        url += ("&" if "?" in url else "?") + "charset=utf8mb4"
    return sa.create_engine(url, pool_pre_ping=True, pool_recycle=3600, pool_size=10, max_overflow=20,
                            pool_timeout=10, connect_args={"connect_timeout": 5})


def _create_private_file(path: str | None) -> None:
    """Create the SQLite file readable by its owner only (0600) before SQLite creates it with the umask's
    mode; its -wal and -shm files take the database file's mode."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def get_engine() -> sa.Engine:
    return current_app.extensions["miaomian.engine"]


def get_db() -> sa.Connection:
    """The request's connection; its transaction commits in teardown unless the request failed."""
    if "db" not in g:
        g.db = get_engine().connect()
        g.db.begin()
    return g.db


def close_db(error=None):
    """teardown: commit what a request left open (CLI, app context), roll back after an error. A database
    that went away here is logged, not raised: the response has been chosen already."""
    connection = g.pop("db", None)
    if connection is None:
        return
    try:
        if error is None and connection.in_transaction():
            connection.commit()
        elif connection.in_transaction():
            connection.rollback()
    except sa.exc.DBAPIError as failure:
        log.warning("closing the request's connection failed: %s", type(failure.orig).__name__)
        connection.invalidate()
    finally:
        connection.close()


def commit_before_response(response):
    """after_request: a successful response is sent only once its changes are committed (a failed commit
    raises, and the error handlers answer 503 or 409 instead); an error response rolls back."""
    connection = g.get("db")
    if connection is None or not connection.in_transaction():
        return response
    if response.status_code >= 400:
        try:
            connection.rollback()
        except sa.exc.DBAPIError as failure:  # the database went away: nothing was written anyway
            log.warning("rollback failed: %s", type(failure.orig).__name__)
            connection.invalidate()
        return response
    connection.commit()
    return response


def upsert(connection, table: sa.Table, keys: dict, values: dict, created: dict | None = None) -> None:
    """Update the row of `table` matching `keys` with `values`, or insert keys + values (+ `created`) when none
    matches. Portable across SQLite and MySQL; a unique constraint on the keys settles concurrent inserts."""
    match = [table.c[name] == value for name, value in keys.items()]
    if connection.execute(table.update().where(*match).values(**values)).rowcount == 0:
        connection.execute(table.insert().values(**keys, **values, **(created or {})))


@contextmanager
def transaction(engine: sa.Engine):
    """A unit of work outside a request (workers, CLI)."""
    with engine.begin() as connection:
        yield connection


def alembic_config(connection=None, url=None) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    config.attributes["connection"] = connection
    return config


def migrate(engine: sa.Engine) -> None:
    """Bring the database to the newest schema; safe to run on every start."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def mysql_ddl_of_revisions() -> dict[str, str]:
    """The MySQL DDL of each migration (migration file name → SQL), as sql/ must hold it."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    ddl = {}
    for script in reversed(list(scripts.walk_revisions())):
        name = Path(script.path).stem
        buffer = io.StringIO()
        config = alembic_config(url="mysql+pymysql://")
        config.output_buffer = buffer
        previous = script.down_revision or "base"
        command.upgrade(config, f"{previous}:{script.revision}", sql=True)
        ddl[name] = _strip_version_bookkeeping(buffer.getvalue())
    return ddl


def _strip_version_bookkeeping(sql: str) -> str:
    """Keep the DDL; drop alembic_version rows that differ between a full and a ranged run."""
    kept = [block.strip() for block in sql.split(";\n") if block.strip() and "alembic_version" not in block]
    return ";\n\n".join(kept) + ";\n"


def sql_file_text(name: str, sql: str) -> str:
    return f"-- Migration {name}: MySQL DDL generated by `flask --app api write-sql`; do not edit.\n{sql}"


def write_sql_files() -> list[Path]:
    SQL_DIR.mkdir(exist_ok=True)
    written = []
    for name, sql in mysql_ddl_of_revisions().items():
        path = SQL_DIR / f"{name}.sql"
        path.write_text(sql_file_text(name, sql))
        written.append(path)
    return written
