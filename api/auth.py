"""HR identity: bearer tokens (stored hashed, expiring), dev login, and the login_required decorator."""
import functools
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g, request
from api.openapi import Blueprint

from api.crypto import encrypt, new_token, read_name, token_hash
from api.db import get_db
from api.openapi import abort
from api.schema import api_tokens, members, organisations, users
from api.timeutil import iso, utcnow

bp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Sign-in")


class DevLoginSchema(ma.Schema):
    name = ma.fields.String(required=True, validate=ma.validate.Length(1, 100))
    org = ma.fields.String(required=True, validate=ma.validate.Length(1, 100))


class TokenSchema(ma.Schema):
    token = ma.fields.String()
    expires_at = ma.fields.String()
    user_id = ma.fields.Integer()
    org_id = ma.fields.Integer()
    role = ma.fields.String()


@bp.post("/dev")
@bp.arguments(DevLoginSchema)
@bp.response(200, TokenSchema)
def dev_login(body):
    """Development sign-in as HR of an organisation (created on first use). Only when MIAOMIAN_DEV_LOGIN=1."""
    if not current_app.config.get("DEV_LOGIN"):
        abort(404, "not_found", "Development sign-in is disabled on this server.")
    db = get_db()
    org_id = db.scalar(sa.select(organisations.c.id).where(organisations.c.name == body["org"]))
    if org_id is None:
        org_id = db.execute(organisations.insert().values(name=body["org"], created_at=utcnow())).inserted_primary_key[0]
    named = db.execute(sa.select(users.c.id, users.c.display_name).join(members, members.c.user_id == users.c.id)
                       .where(members.c.org_id == org_id).order_by(users.c.id))
    user_id = next((row.id for row in named if read_name(row.display_name) == body["name"]), None)  # names are encrypted
    if user_id is None:
        user_id = db.execute(users.insert().values(display_name=encrypt(body["name"]),
                                                   created_at=utcnow())).inserted_primary_key[0]
        has_owner = db.scalar(sa.select(sa.func.count()).select_from(members).where(members.c.org_id == org_id))
        db.execute(members.insert().values(org_id=org_id, user_id=user_id, role="hr" if has_owner else "owner",
                                           created_at=utcnow()))
    return issue_token(user_id, org_id)


def issue_token(user_id: int, org_id: int | None) -> dict:
    token = new_token()
    expires_at = utcnow() + timedelta(seconds=current_app.config["TOKEN_TTL_SECONDS"])
    get_db().execute(api_tokens.insert().values(token_hash=token_hash(token), user_id=user_id, org_id=org_id,
                                                expires_at=expires_at, created_at=utcnow()))
    role = None
    if org_id is not None:
        role = get_db().scalar(sa.select(members.c.role).where(members.c.org_id == org_id, members.c.user_id == user_id))
    return {"token": token, "expires_at": iso(expires_at), "user_id": user_id, "org_id": org_id, "role": role}


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def current_identity(require_org: bool = True):
    """Resolve the bearer token into g.user_id, g.org_id and g.role, or abort 401/403."""
    token = _bearer_token()
    if not token:
        abort(401, "unauthorized", "Sign in first: send Authorization: Bearer <token>.")
    row = get_db().execute(
        sa.select(api_tokens.c.user_id, api_tokens.c.org_id, api_tokens.c.expires_at, api_tokens.c.revoked_at)
        .where(api_tokens.c.token_hash == token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        abort(401, "unauthorized", "This sign-in is not valid; please sign in again.")
    if row.expires_at <= utcnow():
        abort(401, "token_expired", "Your sign-in has expired; please sign in again.")
    role = None
    if row.org_id is not None:
        role = get_db().scalar(sa.select(members.c.role).where(members.c.org_id == row.org_id,
                                                                members.c.user_id == row.user_id))
    if require_org and role is None:
        abort(403, "no_organisation", "Join an organisation first: ask its owner for a team invite code.")
    g.user_id, g.org_id, g.role = row.user_id, row.org_id, role


def login_required(view=None, *, require_org: bool = True):
    def decorate(func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            current_identity(require_org=require_org)
            return func(*args, **kwargs)
        wrapped._apidoc = getattr(func, "_apidoc", {})
        wrapped._apidoc.setdefault("manual_doc", {})["security"] = [{"bearer": []}]
        return wrapped
    return decorate(view) if view is not None else decorate
