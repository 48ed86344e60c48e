"""The audit log: who did what to which record, for HR decisions, consent and erasure."""
from api.db import get_db
from api.schema import audit_log
from api.timeutil import utcnow


def record(org_id: int | None, actor: str, action: str, subject: str | None, detail: dict) -> None:
    get_db().execute(audit_log.insert().values(org_id=org_id, actor=actor, action=action, subject=subject,
                                               detail=detail, created_at=utcnow()))
