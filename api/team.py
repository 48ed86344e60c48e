"""HR teams: an owner's invite codes, and joining an organisation with one."""
import secrets
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import g
from api.openapi import Blueprint

from api import audit
from api.auth import TokenSchema, issue_token, login_required
from api.db import get_db
from api.openapi import abort
from api.schema import members, team_invites
from api.timeutil import iso, utcnow

bp = Blueprint("team", __name__, url_prefix="/api", description="HR: team invites")

INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class TeamInviteInSchema(ma.Schema):
    role = ma.fields.String(load_default="hr", validate=ma.validate.OneOf(("hr", "manager")))
    max_uses = ma.fields.Integer(strict=True, load_default=1, validate=ma.validate.Range(1, 50))
    expires_in_days = ma.fields.Integer(strict=True, load_default=7, validate=ma.validate.Range(1, 30))



def invite_json(row) -> dict:
    return {"id": row.id, "code": row.code, "role": row.role, "max_uses": row.max_uses, "uses": row.uses,
            "expires_at": iso(row.expires_at), "revoked": row.revoked_at is not None,
            "created_at": iso(row.created_at)}


def _owner_only():
    if g.role != "owner":
        abort(403, "owner_only", "Only the organisation's owner can manage team invites.")


@bp.post("/team-invites")
@login_required
@bp.arguments(TeamInviteInSchema)
@bp.response(201)
def create_team_invite(body):
    """Owner: a code that lets colleagues join the organisation as HR or hiring manager."""
    _owner_only()
    db = get_db()
    while True:
        code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(10))
        if not db.scalar(sa.select(team_invites.c.id).where(team_invites.c.code == code)):
            break
    now = utcnow()
    invite_id = db.execute(team_invites.insert().values(
        org_id=g.org_id, code=code, role=body["role"], max_uses=body["max_uses"], uses=0,
        expires_at=now + timedelta(days=body["expires_in_days"]), created_by=g.user_id,
        created_at=now)).inserted_primary_key[0]
    audit.record(g.org_id, f"user:{g.user_id}", "team_invite.created", f"team_invite:{invite_id}", {"role": body["role"]})
    return invite_json(db.execute(sa.select(team_invites).where(team_invites.c.id == invite_id)).first())


@bp.get("/team-invites")
@login_required
@bp.response(200)
def list_team_invites():
    """Owner: the organisation's team invites."""
    _owner_only()
    return [invite_json(row) for row in get_db().execute(
        sa.select(team_invites).where(team_invites.c.org_id == g.org_id).order_by(team_invites.c.id.desc()))]


@bp.delete("/team-invites/<int:invite_id>")
@login_required
@bp.response(200)
def revoke_team_invite(invite_id):
    """Owner: revoke a team invite."""
    _owner_only()
    changed = get_db().execute(team_invites.update().where(team_invites.c.id == invite_id,
                                                           team_invites.c.org_id == g.org_id)
                               .values(revoked_at=utcnow()))
    if changed.rowcount == 0:
        abort(404, "team_invite_not_found", f"There is no team invite {invite_id} in your organisation.")
    return {"id": invite_id, "revoked": True}


@bp.post("/team-invites/<code>/join")
@login_required(require_org=False)
@bp.response(200, TokenSchema)
def join_team(code):
    """A signed-in user joins the organisation of an invite code; the answer is a token for that organisation."""
    db = get_db()
    invite = db.execute(sa.select(team_invites).where(team_invites.c.code == code.strip().upper())
                        .with_for_update()).first()
    if invite is None:
        abort(404, "team_invite_not_found", "This team invite code does not exist.")
    if db.scalar(sa.select(members.c.id).where(members.c.org_id == invite.org_id, members.c.user_id == g.user_id)):
        return issue_token(g.user_id, invite.org_id)
    if invite.revoked_at is not None:
        abort(410, "team_invite_revoked", "This team invite was revoked; ask the owner for a new one.")
    if invite.expires_at <= utcnow():
        abort(410, "team_invite_expired", "This team invite has expired; ask the owner for a new one.")
    used = db.execute(team_invites.update().where(team_invites.c.id == invite.id,
                                                  team_invites.c.uses < team_invites.c.max_uses)
                      .values(uses=team_invites.c.uses + 1))
    if used.rowcount == 0:
        abort(410, "team_invite_used_up", "This team invite has been used up; ask the owner for a new one.")
    db.execute(members.insert().values(org_id=invite.org_id, user_id=g.user_id, role=invite.role, created_at=utcnow()))
    audit.record(invite.org_id, f"user:{g.user_id}", "member.joined", f"team_invite:{invite.id}", {"role": invite.role})
    return issue_token(g.user_id, invite.org_id)


