"""HR: invite candidates to an interview, one by one or up to 500 at a time, optionally through a referrer."""
import secrets
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g
from flask_smorest import Blueprint

from api.auth import login_required
from api.crypto import encrypt, new_invitation_token, token_hash
from api.db import get_db
from api.interviews import get_interview_or_404
from api.openapi import abort
from api.schema import invitations, referrers, sessions
from api.timeutil import iso, utcnow

bp = Blueprint("invitations", __name__, url_prefix="/api/interviews", description="HR: invitations")

PHONE = ma.validate.Regexp(r"^\+?[0-9]{6,15}$", error="Phone numbers are 6–15 digits, optionally after a +.")


class CandidateSchema(ma.Schema):
    name = ma.fields.String(required=True, validate=ma.validate.Length(1, 50))
    phone = ma.fields.String(load_default=None, validate=PHONE)


class InvitationRequestSchema(ma.Schema):
    candidates = ma.fields.List(ma.fields.Nested(CandidateSchema), required=True)
    referrer = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 16),
                                metadata={"description": "A referral code of this organisation"})
    expires_in_days = ma.fields.Integer(load_default=None, validate=ma.validate.Range(1, 90))

    @ma.validates("candidates")
    def within_limit(self, value, **_):
        limit = current_app.config["MAX_INVITATIONS_PER_CALL"]
        if not 1 <= len(value) <= limit:
            raise ma.ValidationError(f"Invite between 1 and {limit} candidates per call.")


class InvitationSchema(ma.Schema):
    session_id = ma.fields.Integer()
    name = ma.fields.String()
    token = ma.fields.String()
    url = ma.fields.String()
    scene = ma.fields.String(metadata={"description": "Mini-program code scene (≤ 32 characters)"})
    expires_at = ma.fields.String()


def referrer_id_for(code: str | None) -> int | None:
    if code is None:
        return None
    referrer_id = get_db().scalar(sa.select(referrers.c.id).where(referrers.c.code == code,
                                                                   referrers.c.org_id == g.org_id))
    if referrer_id is None:
        abort(422, "unknown_referrer", f"There is no referrer with code {code} in your organisation.")
    return referrer_id


def invitation_url(token: str) -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/i/{token}"


@bp.post("/<int:interview_id>/invitations")
@login_required
@bp.arguments(InvitationRequestSchema)
@bp.response(201, InvitationSchema(many=True))
def invite(body, interview_id):
    """Create one invitation (and its session) per candidate; the tokens are shown only in this response."""
    interview = get_interview_or_404(interview_id)
    if interview.status != "open":
        abort(409, "interview_closed", "This interview is closed; open it again to invite candidates.")
    referrer_id = referrer_id_for(body["referrer"])
    days = body["expires_in_days"] or current_app.config["INVITATION_TTL_DAYS"]
    expires_at = utcnow() + timedelta(days=days)
    if interview.deadline is not None:
        expires_at = min(expires_at, interview.deadline)
    db, now, created = get_db(), utcnow(), []
    for candidate in body["candidates"]:
        token = new_invitation_token()
        invitation_id = db.execute(invitations.insert().values(
            org_id=g.org_id, interview_id=interview.id, token_hash=token_hash(token),
            candidate_name_enc=encrypt(candidate["name"]), candidate_phone_enc=encrypt(candidate["phone"]),
            phone_last4=(candidate["phone"] or "")[-4:] or None, referrer_id=referrer_id,
            channel="referrer" if referrer_id else "invitation", expires_at=expires_at,
            created_at=now)).inserted_primary_key[0]
        session_id = db.execute(sessions.insert().values(
            public_id=secrets.token_hex(8), org_id=g.org_id, interview_id=interview.id, invitation_id=invitation_id,
            status="invited", created_at=now)).inserted_primary_key[0]
        created.append({"session_id": session_id, "name": candidate["name"], "token": token,
                        "url": invitation_url(token), "scene": token, "expires_at": iso(expires_at)})
    return created
