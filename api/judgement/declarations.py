"""Candidate: a voluntary declaration of gender and age band for the fairness check, apart from the interview.

Only with its own explicit consent (separate from the interview's). Stored Fernet-encrypted (api/crypto.py),
never shown per person to HR, never a model input (the analyzer never receives it), counted only in group
figures (api/analytics/fairness.py), withdrawable at any time, and erased with the session (api/erasure.py).
"""
import marshmallow as ma
import sqlalchemy as sa
from flask import current_app
from api.openapi import Blueprint

from api import audit
from api.auth import _bearer_token
from api.candidate import load_session_by_token
from api.crypto import encrypt
from api.db import get_db, upsert
from api.openapi import StrictBoolean, abort
from api.schema import api_tokens, demographics, members
from api.crypto import token_hash
from api.timeutil import utcnow

bp = Blueprint("declarations", __name__, url_prefix="/api/c",
               description="Candidate: voluntary group declaration for the fairness check")

GENDERS = {"female": "女", "male": "男", "other": "其他", "undisclosed": "不愿透露"}
AGE_BANDS = {"16-24": "16–24 岁", "25-34": "25–34 岁", "35-44": "35–44 岁", "45-54": "45–54 岁",
             "55+": "55 岁及以上", "undisclosed": "不愿透露"}
PURPOSE = ("自愿填写，和面试分开：只用于检查招聘是否对不同性别、年龄的人一视同仁。"
           "招聘方看不到你个人填写的内容，评分也不会用到它；你可以随时撤回，删除面试数据时一并删除。")


class DeclarationSchema(ma.Schema):
    consent = StrictBoolean(required=True, metadata={"description": "Explicit consent to this use; must be JSON true"})
    gender = ma.fields.String(load_default="undisclosed", validate=ma.validate.OneOf(
        tuple(GENDERS), error="性别选项只能是：" + "、".join(GENDERS) + "。"))
    age_band = ma.fields.String(load_default="undisclosed", validate=ma.validate.OneOf(
        tuple(AGE_BANDS), error="年龄段选项只能是：" + "、".join(AGE_BANDS) + "。"))


def _hr_signed_in() -> bool:
    """True when the request carries a bearer token of a member of an organisation (an HR sign-in); a
    candidate's own WeChat sign-in (no organisation) or no header at all is not HR."""
    token = _bearer_token()
    if not token:
        return False
    row = get_db().execute(sa.select(api_tokens.c.user_id, api_tokens.c.org_id)
                           .where(api_tokens.c.token_hash == token_hash(token), api_tokens.c.revoked_at.is_(None))).first()
    return row is not None and row.org_id is not None and get_db().scalar(
        sa.select(members.c.role).where(members.c.org_id == row.org_id, members.c.user_id == row.user_id)) is not None


@bp.before_request
def refuse_hr_credentials():
    """The declaration is the candidate's alone: a request carrying an HR sign-in is refused, so an HR person
    who also holds the invitation link cannot read or write it from the HR app. Residual risk
    (docs/fairness.md): whoever holds the token without an HR sign-in looks like the candidate."""
    if _hr_signed_in():
        abort(403, "declaration_candidate_only", "这项自愿填写只能由候选人本人在面试链接里完成，招聘方账号不能查看或代填。")


def _options() -> dict:
    return {"purpose": PURPOSE,
            "genders": [{"value": k, "label": v} for k, v in GENDERS.items()],
            "age_bands": [{"value": k, "label": v} for k, v in AGE_BANDS.items()]}


def _declared(session_id: int) -> bool:
    return get_db().scalar(sa.select(demographics.c.id).where(demographics.c.session_id == session_id)) is not None


@bp.get("/<token>/declaration")
@bp.response(200)
def declaration_options(token):
    """What the declaration is for, the options, and whether this candidate has declared (never what)."""
    row = load_session_by_token(token)
    return {**_options(), "declared": _declared(row.id)}


@bp.put("/<token>/declaration")
@bp.arguments(DeclarationSchema)
@bp.response(200)
def declare(body, token):
    """Declare (or change) gender and age band, with explicit consent; stored encrypted."""
    row = load_session_by_token(token)
    if not body["consent"]:
        abort(422, "consent_required", "只有在你明确同意后才会保存；不同意也完全不影响面试。")
    db, now = get_db(), utcnow()
    values = {"gender_enc": encrypt(body["gender"]), "age_band_enc": encrypt(body["age_band"]),
              "consent_version": current_app.config["PRIVACY_VERSION"], "consent_at": now}
    upsert(db, demographics, {"session_id": row.id}, values, {"org_id": row.org_id})
    audit.record(row.org_id, f"session:{row.id}", "candidate.declared", f"session:{row.id}", {})
    return {"declared": True}


@bp.delete("/<token>/declaration")
@bp.response(200)
def withdraw(token):
    """Withdraw the declaration: it is deleted at once."""
    row = load_session_by_token(token)
    get_db().execute(demographics.delete().where(demographics.c.session_id == row.id))
    audit.record(row.org_id, f"session:{row.id}", "candidate.declaration_withdrawn", f"session:{row.id}", {})
    return {"declared": False}
