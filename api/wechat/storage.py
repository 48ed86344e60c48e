"""Shared session storage for the access token (wechatpy's SessionStorage interface) plus a lease lock.

Every process and function must read the same token: each fresh fetch from WeChat invalidates the previous
token, so the refresh is single-flight — one holder of the lock fetches, the others wait and read its result.
DatabaseStorage (the embedded default, a table) and RedisLockingStorage share that interface.
"""
import json
import random
import secrets
import time
from datetime import timedelta

import sqlalchemy as sa
from wechatpy.session import SessionStorage
from wechatpy.session.redisstorage import RedisStorage

from api.schema import wechat_kv
from api.timeutil import utcnow


# MySQL/MariaDB errors after which a write is tried again from the start: deadlock, lock wait timeout, and the
# savepoint a deadlock's rollback took with it
_RETRY_CODES = {1213, 1205, 1305}
_WRITE_ATTEMPTS = 5


class DatabaseStorage(SessionStorage):
    """Keys in the wechat_kv table; each call is its own short transaction so other processes see it at once."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine

    def get(self, key, default=None):
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(wechat_kv.c.value, wechat_kv.c.expires_at)
                                     .where(wechat_kv.c.key == key)).first()
        if row is None or (row.expires_at is not None and row.expires_at <= utcnow()):
            return default
        return json.loads(row.value)

    def set(self, key, value, ttl=None):
        """Write `key` (update, else insert); two processes writing a new key at once are both kept consistent:
        MySQL/MariaDB answers such concurrent first writes with a deadlock (1213) that rolls the whole
        transaction back, savepoint included (then 1305) — the write is retried from the start, up to
        _WRITE_ATTEMPTS times, and the last writer wins as with any update."""
        if value is None:
            return
        expires_at = utcnow() + timedelta(seconds=int(ttl)) if ttl else None
        values = {"value": json.dumps(value), "expires_at": expires_at, "updated_at": utcnow()}
        for attempt in range(_WRITE_ATTEMPTS):
            try:
                with self.engine.begin() as connection:
                    if connection.execute(wechat_kv.update().where(wechat_kv.c.key == key).values(**values)).rowcount:
                        return
                    try:
                        with connection.begin_nested():
                            connection.execute(wechat_kv.insert().values(key=key, **values))
                    except sa.exc.IntegrityError:
                        connection.execute(wechat_kv.update().where(wechat_kv.c.key == key).values(**values))
                return
            except sa.exc.OperationalError as exc:
                code = exc.orig.args[0] if exc.orig is not None and exc.orig.args else None
                if code not in _RETRY_CODES or attempt == _WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * (attempt + 1) + random.random() * 0.02)

    def delete(self, key):
        with self.engine.begin() as connection:
            connection.execute(wechat_kv.delete().where(wechat_kv.c.key == key))

    def acquire(self, name: str, ttl: int) -> str | None:
        """Take the lock `name` for ttl seconds; its owner token, or None when someone else holds it."""
        key, owner = f"lock:{name}", secrets.token_hex(8)
        with self.engine.begin() as connection:
            connection.execute(wechat_kv.delete().where(wechat_kv.c.key == key, wechat_kv.c.expires_at <= utcnow()))
        try:
            with self.engine.begin() as connection:
                connection.execute(wechat_kv.insert().values(
                    key=key, value=json.dumps(owner), expires_at=utcnow() + timedelta(seconds=ttl),
                    updated_at=utcnow()))
        except (sa.exc.IntegrityError, sa.exc.OperationalError):
            # taken by someone else (MySQL may report concurrent inserts of one key as a deadlock)
            return None
        return owner

    def release(self, name: str, owner: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(wechat_kv.delete().where(wechat_kv.c.key == f"lock:{name}",
                                                        wechat_kv.c.value == json.dumps(owner)))


class RedisLockingStorage(RedisStorage):
    """wechatpy's RedisStorage with SET NX EX as the lock."""

    def acquire(self, name: str, ttl: int) -> str | None:
        owner = secrets.token_hex(8)
        return owner if self.redis.set(self.key_name(f"lock:{name}"), owner, nx=True, ex=ttl) else None

    def release(self, name: str, owner: str) -> None:
        key = self.key_name(f"lock:{name}")
        current = self.redis.get(key)
        if current is not None and current.decode() == owner:
            self.redis.delete(key)
