"""Scratch databases on the shared MariaDB/MySQL server (127.0.0.1:3306 as root, or MIAOMIAN_TEST_MYSQL_HOST /
MIAOMIAN_TEST_MYSQL_PORT): one is created for a test session, a test or a benchmark run and dropped after it.
A server of one's own, to stop and restart, is tests/private_mariadb.py.

    with scratch_database("miaomian_test", needed_by="the MySQL leg") as url:
        engine = db.make_engine(url)
"""
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pymysql
import pytest

from api import db

MYSQL = {"host": os.environ.get("MIAOMIAN_TEST_MYSQL_HOST", "127.0.0.1"),
         "port": int(os.environ.get("MIAOMIAN_TEST_MYSQL_PORT", "3306")), "user": "root", "password": ""}


def in_ci() -> bool:
    """CI=true (or 1, yes): every test leg must run; a missing server fails instead of skipping."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _connect_admin(needed_by: str | None) -> pymysql.Connection:
    try:
        return pymysql.connect(**MYSQL, connect_timeout=3)
    except pymysql.err.OperationalError as error:
        if needed_by is None:
            raise
        message = f"MariaDB/MySQL not reachable at {MYSQL['host']}:{MYSQL['port']} as root ({error}): {needed_by} skipped"
        if in_ci():
            pytest.fail(message + " — but CI=true requires it.")
        pytest.skip(message)


@contextmanager
def scratch_database(prefix: str, *, migrate: bool = True, needed_by: str | None = None) -> Iterator[str]:
    """A fresh utf8mb4 database named `<prefix>_<pid>_<6 hex digits>`, migrated to the head revision unless
    `migrate=False`; yields its SQLAlchemy URL (`mysql+pymysql://…?charset=utf8mb4`) and drops it on exit.

    No server answering within 3 s: with `needed_by` (what runs on it, for the message) the test is skipped, or
    fails under CI=true; without it, pymysql.err.OperationalError is raised (benchmarks)."""
    admin = _connect_admin(needed_by)
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        url = f"mysql+pymysql://{MYSQL['user']}@{MYSQL['host']}:{MYSQL['port']}/{name}?charset=utf8mb4"
        if migrate:
            engine = db.make_engine(url)
            db.migrate(engine)
            engine.dispose()
        yield url
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        admin.close()
