"""HR: create an organisation. A new HR user signed in with WeChat starts here (or joins by team invite)."""
import marshmallow as ma
import sqlalchemy as sa
from flask import g
from api.openapi import Blueprint

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


class ContactSchema(ma.Schema):
    """Partial: a field left out keeps its stored value; null or "" clears it."""
    name = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=20))
    phone = ma.fields.String(allow_none=True,
                             validate=ma.validate.Regexp(r"^[0-9+\- ]{0,20}$", error="电话只能包含数字、空格、+ 和 -"))
    note = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=50))

    @ma.validates_schema
    def something_given(self, data, **_):
        if not data:
            raise ma.ValidationError("请至少填写联系人、电话或说明中的一项；没填的项保持原样，要清空请传空字符串。")


def contact_json(company: str, name: str | None, phone: str | None, note: str | None) -> dict:
    """What candidates see about whom to contact: the company always, HR's name/phone/note when HR set them;
    `text` is one sentence ready to show."""
    contact = {"company": company}
    text = f"如有问题请联系 {company} " + (name or "的招聘负责人")
    if name:
        contact["name"] = name
    if phone:
        contact["phone"] = phone
        text += f"，电话 {phone}"
    else:  # no number to call: say where the candidate can reach them instead
        text += "：招聘方没有留电话，可以直接回复发给你这份面试邀请的短信或微信"
    if note:
        contact["note"] = note
        text += f"（{note}）"
    contact["text"] = text + "。"
    return contact


def _org_contact(org_id: int) -> dict:
    row = get_db().execute(sa.select(organisations).where(organisations.c.id == org_id)).first()
    return contact_json(row.name, row.contact_name, row.contact_phone, row.contact_note)


@bp.get("/contact")
@login_required
@bp.response(200)
def get_contact():
    """HR: the contact candidates see on their pages and in every error (company, name, phone, note)."""
    return _org_contact(g.org_id)


@bp.put("/contact")
@login_required
@bp.arguments(ContactSchema)
@bp.response(200)
def put_contact(body):
    """HR: change the contact shown to candidates: only the fields given change (null or "" clears one and it
    is not shown); a field left out keeps its value, so a colleague changing the name keeps HR's phone."""
    values = {f"contact_{key}": (body[key] or "").strip() or None for key in ("name", "phone", "note") if key in body}
    get_db().execute(organisations.update().where(organisations.c.id == g.org_id).values(**values))
    audit.record(g.org_id, f"user:{g.user_id}", "org.contact_changed", f"org:{g.org_id}", {"fields": sorted(body)})
    return _org_contact(g.org_id)
