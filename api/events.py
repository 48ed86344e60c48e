"""The durable queue of storage events the local store emits: record, claim with a lease, settle.

A claim is one conditional UPDATE, so two workers never hold the same event; a worker that dies leaves a
lease that expires, and the event is claimed again. Each claim counts as an attempt, like SCF's async retries.
"""
import json
from datetime import timedelta

import sqlalchemy as sa

from api.schema import storage_events
from api.timeutil import utcnow


def record(connection: sa.Connection, key: str, event: dict) -> int:
    now = utcnow()
    return connection.execute(storage_events.insert().values(
        object_key=key, event=json.dumps(event, ensure_ascii=False), status="pending", attempts=0,
        next_attempt_at=now, created_at=now, updated_at=now)).inserted_primary_key[0]


def _claimable(now):
    return sa.or_(
        sa.and_(storage_events.c.status == "pending", storage_events.c.next_attempt_at <= now),
        sa.and_(storage_events.c.status == "claimed", storage_events.c.lease_expires_at < now),
    )


def claim_next(connection: sa.Connection, worker: str, lease_seconds: int):
    """Claim the oldest due event for this worker; None when nothing is due."""
    now = utcnow()
    candidates = connection.execute(sa.select(storage_events.c.id).where(_claimable(now))
                                    .order_by(storage_events.c.next_attempt_at, storage_events.c.id).limit(5)).scalars()
    for event_id in list(candidates):
        claimed = connection.execute(
            storage_events.update().where(storage_events.c.id == event_id, _claimable(now)).values(
                status="claimed", lease_owner=worker, lease_expires_at=now + timedelta(seconds=lease_seconds),
                attempts=storage_events.c.attempts + 1, updated_at=now))
        if claimed.rowcount == 1:
            return connection.execute(sa.select(storage_events).where(storage_events.c.id == event_id)).first()
    return None


def _settle(connection, event_id: int, worker: str, **values) -> bool:
    """Only the lease holder may settle an event; a reclaimed one belongs to its new holder."""
    result = connection.execute(storage_events.update().where(
        storage_events.c.id == event_id, storage_events.c.lease_owner == worker,
        storage_events.c.status == "claimed").values(updated_at=utcnow(), **values))
    return result.rowcount == 1


def _clip(error: str, limit: int = 500) -> str:
    """An error for the 500-character column: its head (what failed) and its tail (the cause: "Connection
    refused", "HTTP 403 bad_signature") both kept."""
    if len(error) <= limit:
        return error
    return error[:200] + " … " + error[-(limit - 203):]


def mark_done(connection, event_id: int, worker: str) -> bool:
    return _settle(connection, event_id, worker, status="done", lease_expires_at=None, last_error=None)


def mark_retry(connection, event_id: int, worker: str, error: str, delay_seconds: float) -> bool:
    return _settle(connection, event_id, worker, status="pending", lease_owner=None, lease_expires_at=None,
                   last_error=_clip(error), next_attempt_at=utcnow() + timedelta(seconds=delay_seconds))


def mark_failed(connection, event_id: int, worker: str, error: str) -> bool:
    return _settle(connection, event_id, worker, status="failed", lease_expires_at=None, last_error=_clip(error))


def exhausted_leases(connection, max_attempts: int):
    """Events whose last allowed attempt died with its worker: they will not be retried."""
    now = utcnow()
    return list(connection.execute(sa.select(storage_events).where(
        storage_events.c.status == "claimed", storage_events.c.lease_expires_at < now,
        storage_events.c.attempts >= max_attempts)))


def counts(connection) -> dict:
    rows = connection.execute(sa.select(storage_events.c.status, sa.func.count()).group_by(storage_events.c.status))
    return {status: count for status, count in rows}


def renew(connection, event_id: int, worker: str, lease_seconds: int) -> bool:
    """Extend a running analysis's lease (the heartbeat); False when the lease is no longer this worker's."""
    now = utcnow()
    result = connection.execute(storage_events.update().where(
        storage_events.c.id == event_id, storage_events.c.lease_owner == worker,
        storage_events.c.status == "claimed").values(lease_expires_at=now + timedelta(seconds=lease_seconds),
                                                     updated_at=now))
    return result.rowcount == 1


def release(connection, workers: list[str]) -> int:
    """Shutdown: put the events these workers held back to pending, due now, without counting the aborted
    attempt (not the answer's fault). Returns how many were released."""
    if not workers:
        return 0
    now = utcnow()
    return connection.execute(storage_events.update().where(
        storage_events.c.status == "claimed", storage_events.c.lease_owner.in_(workers)).values(
        status="pending", lease_owner=None, lease_expires_at=None, next_attempt_at=now, updated_at=now,
        attempts=sa.case((storage_events.c.attempts > 0, storage_events.c.attempts - 1), else_=0))).rowcount


def expire_leases(connection, workers: list[str]) -> int:
    """A worker died: its leases end now, so its events are reclaimed at once. The attempt counts (an answer
    that kills its worker must not be retried for ever); the last one fails the answer (exhausted_leases)."""
    if not workers:
        return 0
    now = utcnow()
    return connection.execute(storage_events.update().where(
        storage_events.c.status == "claimed", storage_events.c.lease_owner.in_(workers)).values(
        lease_expires_at=now - timedelta(seconds=1), updated_at=now)).rowcount


def oldest_pending_seconds(connection) -> float | None:
    """Age of the oldest event waiting for a worker (due and unclaimed, or with an expired lease)."""
    now = utcnow()
    oldest = connection.scalar(sa.select(sa.func.min(storage_events.c.created_at)).where(_claimable(now)))
    return None if oldest is None else max(0.0, (now - oldest).total_seconds())
