"""HR: create an organisation. A new HR user signed in with WeChat starts here (or joins by team invite)."""
import marshmallow as ma
from flask import g
from flask_smorest import Blueprint

from api import audit
from api.auth import TokenSchema, issue_token, login_required
from api.db import get_db
from api.schema import members, organisations
from api.timeutil import utcnow

bp = Blueprint("orgs", __name__, url_prefix="/api/orgs", description="HR: organisations")


class OrgInSchema(ma.Schema):
    name = ma.fields.String(required=True, validate=ma.validate.Length(1, 100))


@bp.post("")
@login_required(require_org=False)
@bp.arguments(OrgInSchema)
@bp.response(201, TokenSchema)
def create_org(body):
    """Create an organisation; the caller becomes its owner and gets a token scoped to it."""
    db, now = get_db(), utcnow()
    org_id = db.execute(organisations.insert().values(name=body["name"].strip(), created_at=now)).inserted_primary_key[0]
    db.execute(members.insert().values(org_id=org_id, user_id=g.user_id, role="owner", created_at=now))
    audit.record(org_id, f"user:{g.user_id}", "org.created", f"org:{org_id}", {"name": body["name"]})
    return issue_token(g.user_id, org_id)
