"""HR: jobs of the caller's organisation."""
import marshmallow as ma
import sqlalchemy as sa
from flask import g
from api.openapi import Blueprint

from api.auth import login_required
from api.db import get_db
from api.openapi import abort
from api.schema import jobs
from api.timeutil import iso, utcnow

bp = Blueprint("jobs", __name__, url_prefix="/api/jobs", description="HR: jobs")


class JobInSchema(ma.Schema):
    title = ma.fields.String(required=True, validate=ma.validate.Length(1, 100))
    description = ma.fields.String(load_default=None, validate=ma.validate.Length(max=5000))
    location = ma.fields.String(load_default=None, validate=ma.validate.Length(max=100))


class JobSchema(JobInSchema):
    id = ma.fields.Integer()
    created_at = ma.fields.String()


def job_json(row) -> dict:
    return {"id": row.id, "title": row.title, "description": row.description, "location": row.location,
            "created_at": iso(row.created_at)}


def get_job_or_404(job_id: int):
    row = get_db().execute(sa.select(jobs).where(jobs.c.id == job_id, jobs.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "job_not_found", f"There is no job {job_id} in your organisation.")
    return row


@bp.post("")
@login_required
@bp.arguments(JobInSchema)
@bp.response(201, JobSchema)
def create_job(body):
    """Create a job."""
    job_id = get_db().execute(jobs.insert().values(org_id=g.org_id, created_by=g.user_id, created_at=utcnow(),
                                                   **body)).inserted_primary_key[0]
    return job_json(get_job_or_404(job_id))


@bp.get("")
@login_required
@bp.response(200, JobSchema(many=True))
def list_jobs():
    """The organisation's jobs, newest first."""
    rows = get_db().execute(sa.select(jobs).where(jobs.c.org_id == g.org_id).order_by(jobs.c.id.desc()))
    return [job_json(row) for row in rows]


@bp.get("/<int:job_id>")
@login_required
@bp.response(200, JobSchema)
def get_job(job_id):
    """One job."""
    return job_json(get_job_or_404(job_id))
