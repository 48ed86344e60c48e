"""Referrals and share codes: referrers (added by HR, or any signed-in user of an open interview), short
codes that a mini-program code's scene carries (≤ 32 characters: "c=CODE"), joining an interview from a
scene, the referrer's own view (stages only, never scores), credit on advance and a per-job leaderboard.
"""
import base64
import hashlib
import hmac
import io
import json
import re
import secrets
from datetime import timedelta

import marshmallow as ma
import requests
import sqlalchemy as sa
from flask import Response, current_app, g, request
from api.openapi import Blueprint
from wechatpy.exceptions import WeChatClientException

from api import outbox, wechat
from api.auth import login_required
from api.crypto import decrypt, encrypt, mask_name, new_invitation_token, read_name, token_hash
from api.db import get_db
from api.interviews import get_interview_or_404
from api.jobs import get_job_or_404
from api.openapi import ID_RANGE, abort
from api.people import MobilePhone, PersonName
from api.orgs import contact_json
from api.schema import (api_tokens, interviews, invitations, jobs, organisations, referral_credits, referrers,
                        sessions, share_links, users)
from api.timeutil import iso, utcnow

bp = Blueprint("referrals", __name__, url_prefix="/api", description="Referrals, share codes and mini-program codes")

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CREDIT_POINTS = 1
STAGE_ONLY = {"invited": "invited", "opened": "opened", "started": "answering", "submitted": "submitted",
              "scored": "submitted", "needs_review": "submitted", "erased": "withdrawn"}


def new_code() -> str:
    db = get_db()
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if not db.scalar(sa.select(referrers.c.id).where(referrers.c.code == code)) and \
                not db.scalar(sa.select(share_links.c.id).where(share_links.c.code == code)):
            return code


class ReferrerInSchema(ma.Schema):
    name = ma.fields.String(required=True, validate=ma.validate.Length(1, 100))


class BecomeReferrerSchema(ma.Schema):
    scene = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 32),
                             metadata={"description": "The share code or scene of the card or mini-program code "
                                                      "the user opened (\"c=CODE\", \"r=CODE\" or CODE)"})
    interview_id = ma.fields.Integer(load_default=None, validate=ID_RANGE,
                                     metadata={"description": "Not accepted on its own: an interview is joined "
                                                              "through its share code, never by its id"})


class JoinSchema(ma.Schema):
    name = PersonName(load_default=None, validate=ma.validate.Length(1, 50))
    phone = MobilePhone(load_default=None, allow_none=True, metadata={
        "description": "A mainland mobile number (+86, 0086, spaces and dashes allowed); anything else → 422"})
    browser_id = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 100),
        metadata={"description": "The browser id this endpoint issued (response `browser_id`), kept in "
                                 "localStorage; an unsigned or forged value is ignored"})


class BindSchema(ma.Schema):
    token = ma.fields.String(required=True, validate=ma.validate.Length(8, 128))


class QrArgs(ma.Schema):
    referrer = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 16))


def share_url(code: str) -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/s/{code}"


def referrer_json(row) -> dict:
    return {"id": row.id, "name": row.name, "code": row.code, "interview_id": row.interview_id,
            "user_id": row.user_id, "scene": f"r={row.code}", "share_url": share_url(row.code),
            "created_at": iso(row.created_at)}


def _create_referrer(org_id, interview_id, name, user_id=None):
    values = dict(org_id=org_id, interview_id=interview_id, user_id=user_id, name=name, code=new_code(),
                  created_at=utcnow())
    values["id"] = get_db().execute(referrers.insert().values(**values)).inserted_primary_key[0]
    return get_db().execute(sa.select(referrers).where(referrers.c.id == values["id"])).first()


@bp.post("/interviews/<int:interview_id>/referrers")
@login_required
@bp.arguments(ReferrerInSchema)
@bp.response(201)
def add_referrer(body, interview_id):
    """HR adds a referrer (an employee, a friend) to an interview; they get a short referral code. A closed
    interview (or one past its deadline) gets none: 409 interview_closed, as for invitations."""
    interview = get_interview_or_404(interview_id)
    refuse_closed(interview, "添加推荐人")
    return referrer_json(_create_referrer(g.org_id, interview.id, body["name"]))


STAGE_ORDER = ("withdrawn", "invited", "opened", "answering", "submitted", "advanced")


def person_key(row) -> tuple:
    """Who a referee is, for counting (docs/candidate-and-hr-api.md): the signed-in WeChat user; else their
    mobile number (one number, one person, as HR's invitations); else their normalised name. So repeated joins
    without any identification (no sign-in, no browser id, no phone) under one name count once, however often
    they are repeated; an erased referee is their session. `row`: candidate_user_id, candidate_name_enc,
    candidate_phone_enc, id (the session's)."""
    if row.candidate_user_id:
        return ("user", row.candidate_user_id)
    phone = decrypt(row.candidate_phone_enc)
    if phone:
        return ("phone", phone)
    name = decrypt(row.candidate_name_enc)
    if name:
        return ("name", _normalise_name(name))
    return ("session", row.id)


def _referees(connection, referrer_ids) -> list:
    return list(connection.execute(
        sa.select(invitations.c.referrer_id, invitations.c.candidate_name_enc, invitations.c.candidate_phone_enc,
                  sessions.c.id, sessions.c.candidate_user_id, sessions.c.status, sessions.c.decision,
                  sessions.c.created_at)
        .join(sessions, sessions.c.invitation_id == invitations.c.id)
        .where(invitations.c.referrer_id.in_(referrer_ids)).order_by(sessions.c.id)))


def _referee_counts(referrer_ids):
    """Per referrer: people brought (`referees`), people who submitted, people advanced — each person once
    (person_key), however many sessions they have."""
    if not referrer_ids:
        return {}
    people: dict[int, dict] = {rid: {} for rid in referrer_ids}
    for row in _referees(get_db(), referrer_ids):
        seen = people[row.referrer_id].setdefault(person_key(row), {"submitted": False, "advanced": False})
        seen["submitted"] |= row.status in ("submitted", "scored", "needs_review")
        seen["advanced"] |= row.decision == "advance"
    return {rid: {"referees": len(found), "submitted": sum(p["submitted"] for p in found.values()),
                  "advanced": sum(p["advanced"] for p in found.values())} for rid, found in people.items()}


@bp.get("/interviews/<int:interview_id>/referrers")
@login_required
@bp.response(200)
def list_referrers(interview_id):
    """Referrers of an interview with how many referees each brought and how far they got."""
    interview = get_interview_or_404(interview_id)
    rows = list(get_db().execute(sa.select(referrers).where(referrers.c.interview_id == interview.id)
                                 .order_by(referrers.c.id)))
    counts = _referee_counts([row.id for row in rows])
    return [{**referrer_json(row), **counts[row.id]} for row in rows]


def refuse_closed(interview, action: str) -> None:
    """HR making something that brings in candidates (a referrer, a code, a poster) for a closed interview:
    409 interview_closed with the way to reopen it; past its deadline 409 interview_deadline_passed."""
    from api.invitations import _interview_deadline_not_passed, suggestion
    if interview.status != "open":
        abort(409, "interview_closed", f"这场面试已经结束，不能{action}。" + suggestion(["reopen"]),
              next_actions=["reopen"])
    _interview_deadline_not_passed(interview.deadline, action)


def _open_interview(interview_id):
    row = get_db().execute(sa.select(interviews).where(interviews.c.id == interview_id)).first()
    if row is None:
        abort(404, "interview_not_found")
    if row.status != "open" or (row.deadline is not None and row.deadline <= utcnow()):
        abort(409, "interview_closed", "这场面试已经结束报名了。")
    return row


def resolve_scene(scene: str):
    """A scene ("c=CODE", "r=CODE" or a bare code) → (interview row, referrer row or None); 404 unknown."""
    code = scene.split("=", 1)[1] if "=" in scene else scene
    code = code.split("&", 1)[0].strip()
    db = get_db()
    link = db.execute(sa.select(share_links).where(share_links.c.code == code)).first()
    if link is not None:
        interview_id, referrer_id = link.interview_id, link.referrer_id
    else:
        referrer = db.execute(sa.select(referrers).where(referrers.c.code == code)).first()
        if referrer is None or referrer.interview_id is None:
            abort(404, "scene_not_found")
        interview_id, referrer_id = referrer.interview_id, referrer.id
    interview = db.execute(sa.select(interviews).where(interviews.c.id == interview_id)).first()
    referrer = db.execute(sa.select(referrers).where(referrers.c.id == referrer_id)).first() if referrer_id else None
    return interview, referrer


@bp.post("/referrals")
@login_required(require_org=False)
@bp.arguments(BecomeReferrerSchema)
@bp.response(201)
def become_referrer(body):
    """Any signed-in user becomes a referrer of an open interview, from its share card or code (the scene it
    carries); once per interview. A bare interview id is refused (422 share_code_required): ids are
    sequential, and accepting them would show every organisation's open interviews to anyone signed in."""
    if not body["scene"]:
        abort(422, "share_code_required", "请通过面试的分享链接或小程序码成为推荐人。")
    interview = _open_interview(resolve_scene(body["scene"])[0].id)
    existing = get_db().execute(sa.select(referrers).where(referrers.c.interview_id == interview.id,
                                                           referrers.c.user_id == g.user_id)).first()
    if existing is not None:
        return referrer_json(existing), 200
    name = read_name(get_db().scalar(sa.select(users.c.display_name).where(users.c.id == g.user_id)))
    return referrer_json(_create_referrer(interview.org_id, interview.id, name, g.user_id))


@bp.get("/referrals/me")
@login_required(require_org=False)
@bp.response(200)
def my_referrals():
    """The caller's referral codes, each referee's stage (never scores) and the credit earned."""
    db = get_db()
    rows = list(db.execute(
        sa.select(referrers, interviews.c.title.label("interview_title"), jobs.c.title.label("job_title"),
                  organisations.c.name.label("company"))
        .join(interviews, interviews.c.id == referrers.c.interview_id)
        .join(jobs, jobs.c.id == interviews.c.job_id).join(organisations, organisations.c.id == referrers.c.org_id)
        .where(referrers.c.user_id == g.user_id).order_by(referrers.c.id)))
    out, total = [], 0
    for row in rows:
        by_person: dict[tuple, dict] = {}  # one entry per person (person_key), at the furthest stage reached
        for item in _referees(db, [row.id]):
            name = decrypt(item.candidate_name_enc) if item.status != "erased" else None
            entry = {"name": mask_name(name) if name else "候选人",
                     "stage": "advanced" if item.decision == "advance" else STAGE_ONLY.get(item.status, "invited"),
                     "since": iso(item.created_at)}
            known = by_person.get(person_key(item))
            if known is None or STAGE_ORDER.index(entry["stage"]) > STAGE_ORDER.index(known["stage"]):
                by_person[person_key(item)] = {**entry, "since": known["since"] if known else entry["since"]}
        referees = list(by_person.values())
        points = db.scalar(sa.select(sa.func.coalesce(sa.func.sum(referral_credits.c.points), 0))
                           .where(referral_credits.c.referrer_id == row.id))
        total += int(points)
        out.append({**referrer_json(row), "interview": {"id": row.interview_id, "title": row.interview_title,
                                                        "job": row.job_title, "company": row.company},
                    "referees": referees, "credit": int(points)})
    return {"referrals": out, "credit": total}


@bp.get("/jobs/<int:job_id>/referrals/leaderboard")
@login_required
@bp.response(200)
def leaderboard(job_id):
    """HR: referrers of a job's interviews ranked by credit (advanced referees), then referees brought."""
    job = get_job_or_404(job_id)
    rows = list(get_db().execute(sa.select(referrers).join(interviews, interviews.c.id == referrers.c.interview_id)
                                 .where(interviews.c.job_id == job.id, referrers.c.org_id == g.org_id)))
    counts = _referee_counts([row.id for row in rows])
    credits = dict(get_db().execute(
        sa.select(referral_credits.c.referrer_id, sa.func.sum(referral_credits.c.points))
        .where(referral_credits.c.referrer_id.in_([row.id for row in rows] or [0]))
        .group_by(referral_credits.c.referrer_id)).all())
    board = [{"referrer_id": row.id, "name": row.name, "code": row.code, "interview_id": row.interview_id,
              "credit": int(credits.get(row.id) or 0), **counts[row.id]} for row in rows]
    board.sort(key=lambda item: (-item["credit"], -item["referees"], item["referrer_id"]))
    for rank, item in enumerate(board, start=1):
        item["rank"] = rank
    return board


# --- scenes: what a mini-program code or share card opens ---------------------------------------------------

@bp.get("/scenes/<scene>")
@bp.response(200)
def scene_info(scene):
    """Public: the interview (and referrer) behind a scene, for the share page. `code_kind`: what
    GET …/code.png draws, "miniprogram" (a mini-program code, an AppID is configured) or "qrcode" (a plain QR
    code of the web share link, development), so the page names it truthfully."""
    interview, referrer = resolve_scene(scene)
    job = get_db().execute(sa.select(jobs.c.title, jobs.c.location).where(jobs.c.id == interview.job_id)).first()
    company = get_db().scalar(sa.select(organisations.c.name).where(organisations.c.id == interview.org_id))
    closed = interview.status != "open" or (interview.deadline is not None and interview.deadline <= utcnow())
    return {"interview": {"id": interview.id, "title": interview.title, "language": interview.language,
                          "deadline": iso(interview.deadline), "open": not closed},
            "job": {"title": job.title, "location": job.location}, "company": company,
            "referrer": {"code": referrer.code, "name": referrer.name} if referrer else None,
            "code_kind": "miniprogram" if wechat.current_client() is not None else "qrcode"}


@bp.post("/scenes/<scene>/join")
@bp.arguments(JoinSchema)
@bp.response(201)
def join_by_scene(body, scene):
    """Take the interview behind a scene: an invitation of one's own, credited to the referrer.

    A returning person is recognised only by something they hold: the signed-in WeChat user, or the browser id
    this endpoint issued to them (a random secret signed with the server key: body `browser_id` from
    localStorage, or the HttpOnly cookie `mm_bid`; an unsigned or forged value is ignored). They get their
    existing session back (200, `returning: true`) with the SAME link as before (the share-link token is
    derived from the invitation with the server key), so a new join never invalidates an existing link.
    A phone typed into a share link is not verified, so it never identifies anyone: the same name and phone
    from another device (no matching user or browser id) gets a new session of its own (201), answered exactly
    as a fresh join, so it neither locks out the real person nor tells an outsider that the number applied;
    HR sees both sessions flagged 可能重复 (api/sessions.py possible_duplicate) and referrer counts count the
    number once (person_key). Anyone else gets a new session (201) and a freshly issued `browser_id` to keep.
    Hashes (HMAC with the server key) are stored, never the browser id or phone in clear; without sign-in a
    name is required."""
    user_id = _user_from_bearer()
    if user_id is None and not body["name"]:
        abort(422, "name_required")
    interview, referrer = resolve_scene(scene)
    interview = _open_interview(interview.id)
    db, now = get_db(), utcnow()
    browser_id = _verified_browser_id(body["browser_id"]) or _verified_browser_id(request.cookies.get(BROWSER_COOKIE))
    browser_hash = _person_hash(interview.id, "browser", browser_id) if browser_id else None
    user_hash = _person_hash(interview.id, "user", str(user_id)) if user_id else None
    phone = body["phone"]
    base = (sa.select(sessions.c.id, sessions.c.invitation_id, sessions.c.status, invitations.c.token_hash)
            .join(invitations, invitations.c.id == sessions.c.invitation_id)
            .where(sessions.c.interview_id == interview.id).order_by(sessions.c.id))

    def find_existing():
        """The caller's session of this interview (by user, then browser), or None. One query, so a join
        committed in between cannot look like a stranger's. Name and phone identify no one (unverified)."""
        present = [condition for condition in (
            sa.or_(sessions.c.candidate_user_id == user_id, invitations.c.user_hash == user_hash) if user_id else None,
            (invitations.c.browser_hash == browser_hash) if browser_hash else None) if condition is not None]
        if not present:
            return None
        rows = list(db.execute(base.add_columns(sessions.c.candidate_user_id, invitations.c.browser_hash,
                                                invitations.c.user_hash).where(sa.or_(*present))))
        for row in rows:
            if user_id is not None and (row.candidate_user_id == user_id or row.user_hash == user_hash):
                return row
        return next((row for row in rows if browser_hash is not None and row.browser_hash == browser_hash), None)

    existing = find_existing()
    expires_at = now + timedelta(days=current_app.config["INVITATION_TTL_DAYS"])
    if interview.deadline is not None:
        expires_at = min(expires_at, interview.deadline)
    invitation_id = None
    if existing is None:
        issued = browser_id or _issue_browser_id()
        browser_hash = _person_hash(interview.id, "browser", issued)
        name = body["name"] or read_name(db.scalar(sa.select(users.c.display_name).where(users.c.id == user_id)))
        # browser_hash and user_hash are unique: of racing identical joins (the same browser id or WeChat
        # user) exactly one inserts. identity_hash (name + phone) is no longer written. Nothing is
        # written before this insert, so a loser rolls back and reads the winner's committed rows.
        try:
            invitation_id = db.execute(invitations.insert().values(
                org_id=interview.org_id, interview_id=interview.id,
                token_hash=token_hash(new_invitation_token()),
                candidate_name_enc=encrypt(name), candidate_phone_enc=encrypt(phone),
                phone_last4=(phone or "")[-4:] or None, browser_hash=browser_hash,
                user_hash=user_hash, referrer_id=referrer.id if referrer else None,
                channel="referrer" if referrer else "share_link", expires_at=expires_at,
                created_at=now)).inserted_primary_key[0]
        except sa.exc.IntegrityError:  # a parallel join of the same person won: answer as a returning join
            db.rollback()
            db.begin()
            browser_hash = _person_hash(interview.id, "browser", browser_id) if browser_id else None
            existing = find_existing()
            if existing is None:
                raise
    if existing is not None:
        if existing.status == "erased":
            abort(410, "erased", "你已经删除了这场面试的数据，不能再次参加。")
        token = join_token(existing.invitation_id)
        if token_hash(token) != existing.token_hash:
            _abort_with_contact(409, "link_replaced", "招聘方已经给你发了新的面试链接，请使用最新的链接，或联系招聘方。",
                                interview.org_id)
        if user_id:
            db.execute(sessions.update().where(sessions.c.id == existing.id, sessions.c.candidate_user_id.is_(None))
                       .values(candidate_user_id=user_id))
        session_id, status, returning = existing.id, 200, True
        issued = browser_id
    else:
        token = join_token(invitation_id)
        db.execute(invitations.update().where(invitations.c.id == invitation_id).values(token_hash=token_hash(token)))
        session_id = db.execute(sessions.insert().values(
            public_id=secrets.token_hex(8), org_id=interview.org_id, interview_id=interview.id,
            invitation_id=invitation_id, candidate_user_id=user_id, status="invited",
            created_at=now)).inserted_primary_key[0]
        status, returning = 201, False
    expires = db.scalar(sa.select(invitations.c.expires_at).where(
        invitations.c.id == db.scalar(sa.select(sessions.c.invitation_id).where(sessions.c.id == session_id))))
    response = Response(json.dumps({
        "token": token, "url": f"{current_app.config['PUBLIC_URL'].rstrip('/')}/i/{token}",
        "session_id": session_id, "interview_id": interview.id, "expires_at": iso(expires),
        "referrer": referrer.code if referrer else None, "returning": returning, "browser_id": issued},
        ensure_ascii=False), status=status, mimetype="application/json")
    if issued:
        response.set_cookie(BROWSER_COOKIE, issued, max_age=365 * 86400, httponly=True, samesite="Lax",
                            secure=request.is_secure)
    return response


BROWSER_COOKIE = "mm_bid"


def join_token(invitation_id: int) -> str:
    """The share-link token of a share-link invitation: 128 bits of HMAC(server key, invitation id), 22
    URL-safe characters, so the holder who returns gets the same link back (nothing stored in clear)."""
    digest = hmac.new(current_app.config["HMAC_KEY"].encode(), f"share-join|{invitation_id}".encode(),
                      hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _issue_browser_id() -> str:
    """A new browser id: 128 random bits and their HMAC signature, "<32 hex>.<16 hex>"."""
    value = secrets.token_hex(16)
    return f"{value}.{_browser_signature(value)}"


def _browser_signature(value: str) -> str:
    return hmac.new(current_app.config["HMAC_KEY"].encode(), f"browser-id|{value}".encode(),
                    hashlib.sha256).hexdigest()[:16]


def _verified_browser_id(value: str | None) -> str | None:
    """`value` if this server issued it (signature checks), else None: a chosen value is never an identity."""
    if not value or value.count(".") != 1:
        return None
    raw, signature = value.split(".")
    return value if hmac.compare_digest(_browser_signature(raw), signature) else None


def _abort_with_contact(status: int, error: str, message: str, org_id: int):
    """A join refused: the sentence, then whom to contact (as every candidate error carries)."""
    row = get_db().execute(sa.select(organisations.c.name, organisations.c.contact_name, organisations.c.contact_phone,
                                     organisations.c.contact_note).where(organisations.c.id == org_id)).first()
    contact = contact_json(row.name, row.contact_name, row.contact_phone, row.contact_note)
    abort(status, error, f"{message}{contact['text']}", contact=contact)


def _normalise_name(name: str) -> str:
    return "".join(name.split()).casefold()


def _person_hash(interview_id: int, *parts) -> str:
    message = "|".join([str(interview_id), *[str(part) for part in parts]]).encode()
    return hmac.new(current_app.config["HMAC_KEY"].encode(), message, hashlib.sha256).hexdigest()


@bp.post("/me/invitations")
@login_required(require_org=False)
@bp.arguments(BindSchema)
@bp.response(200)
def bind_invitation(body):
    """Bind an HR-sent invitation to the signed-in user, so their notifications can reach them."""
    db = get_db()
    row = db.execute(sa.select(sessions.c.id, sessions.c.candidate_user_id, sessions.c.status)
                     .join(invitations, invitations.c.id == sessions.c.invitation_id)
                     .where(invitations.c.token_hash == token_hash(body["token"]))).first()
    if row is None:
        abort(404, "invitation_not_found", "找不到这份邀请，请检查链接是否完整。")
    if row.candidate_user_id not in (None, g.user_id):
        abort(409, "invitation_taken", "This invitation is already linked to another WeChat user.")
    db.execute(sessions.update().where(sessions.c.id == row.id).values(candidate_user_id=g.user_id))
    return {"session_id": row.id, "bound": True}


# --- hooks called by the candidate and HR flows ---------------------------------------------------------------

def _user_from_bearer() -> int | None:
    header = request.headers.get("Authorization", "") if request else ""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    row = get_db().execute(sa.select(api_tokens.c.user_id, api_tokens.c.expires_at, api_tokens.c.revoked_at)
                           .where(api_tokens.c.token_hash == token_hash(value.strip()))).first()
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    return row.user_id


def on_submitted(connection, session_id: int) -> None:
    """candidate.submit: bind a signed-in candidate (first come) and enqueue "answers received"."""
    user_id = _user_from_bearer()
    if user_id is not None:
        connection.execute(sessions.update().where(sessions.c.id == session_id,
                                                   sessions.c.candidate_user_id.is_(None))
                           .values(candidate_user_id=user_id))
    outbox.on_submitted(connection, session_id)


def on_decision(connection, session_id: int, decision: str) -> None:
    """sessions.decide: advancing a referred candidate credits the referrer (once) and tells them."""
    if decision != "advance":
        return
    referrer_id = connection.scalar(sa.select(invitations.c.referrer_id)
                                    .join(sessions, sessions.c.invitation_id == invitations.c.id)
                                    .where(sessions.c.id == session_id))
    if referrer_id is None:
        return
    # Credit once per person: another session of the same person (person_key) already credited counts.
    rows = _referees(connection, [referrer_id])
    this = next(row for row in rows if row.id == session_id)
    same_person = [row.id for row in rows if person_key(row) == person_key(this)]
    if not connection.scalar(sa.select(referral_credits.c.id).where(referral_credits.c.session_id.in_(same_person))):
        try:
            with connection.begin_nested():
                connection.execute(referral_credits.insert().values(referrer_id=referrer_id, session_id=session_id,
                                                                    points=CREDIT_POINTS, created_at=utcnow()))
        except sa.exc.IntegrityError:
            pass
    outbox.on_advanced(connection, session_id)


# --- mini-program codes -------------------------------------------------------------------------------------

def share_link_for(interview, referrer_id):
    db = get_db()
    query = sa.select(share_links).where(share_links.c.interview_id == interview.id)
    query = query.where(share_links.c.referrer_id == referrer_id if referrer_id else share_links.c.referrer_id.is_(None))
    link = db.execute(query.order_by(share_links.c.id)).first()
    if link is None:
        db.execute(share_links.insert().values(code=new_code(), org_id=interview.org_id, interview_id=interview.id,
                                               referrer_id=referrer_id, created_at=utcnow()))
        link = db.execute(query.order_by(share_links.c.id)).first()
    return link


def web_qrcode_png(url: str) -> bytes:
    import qrcode

    image = qrcode.make(url, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def image_type(data: bytes) -> str:
    return "image/jpeg" if data[:3] == b"\xff\xd8\xff" else "image/png"


@bp.get("/interviews/<int:interview_id>/qrcode")
@login_required
@bp.arguments(QrArgs, location="query")
@bp.response(200, content_type="image/png")
def interview_qrcode(args, interview_id):
    """A mini-program code (getwxacodeunlimit) for the interview, carrying a referrer when given; its scene is
    "c=CODE" (≤ 32 characters). Without an AppID (development) a QR code of the web link. Cached in storage.
    A closed interview gets no new code (409 interview_closed)."""
    interview = get_interview_or_404(interview_id)
    refuse_closed(interview, "生成面试码")
    referrer_id = None
    if args["referrer"]:
        referrer = get_db().execute(sa.select(referrers).where(referrers.c.code == args["referrer"],
                                                               referrers.c.org_id == g.org_id)).first()
        if referrer is None or referrer.interview_id not in (None, interview.id):
            abort(422, "unknown_referrer", f"这场面试没有推荐码为 {args['referrer']} 的推荐人。")
        referrer_id = referrer.id
    png, link, scene = code_png(interview, referrer_id)
    response = Response(png, mimetype=image_type(png))
    response.headers["X-Miaomian-Scene"] = scene
    response.headers["X-Miaomian-Share-Url"] = share_url(link.code)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def code_png(interview, referrer_id):
    """(PNG bytes, share link row, scene) of the interview's mini-program code, or of the web share link's QR
    code without an AppID; cached in storage."""
    link = share_link_for(interview, referrer_id)
    scene = f"c={link.code}"
    client = wechat.current_client()
    config = current_app.config
    store = current_app.extensions["miaomian.storage"]
    variant = f"wxa-{wechat.setting(config, 'WECHAT_ENV_VERSION')}" if client else "web"
    key = f"qrcodes/{link.code}-{variant}.png"
    png = store.get_bytes(key)
    if png is None and client is not None:
        # Keep the share code, and free SQLite's write lock for the shared token store, before calling WeChat.
        get_db().commit()
        get_db().begin()
    if png is None:
        if client is None:
            png = web_qrcode_png(share_url(link.code))
        else:
            try:
                png = client.wxa.get_unlimited_qrcode(
                    scene, page=wechat.setting(config, "WECHAT_QR_PAGE"),
                    check_path=bool(wechat.setting(config, "WECHAT_QR_CHECK_PATH")),
                    env_version=wechat.setting(config, "WECHAT_ENV_VERSION"))
            except WeChatClientException as error:
                if error.errcode in (45009, 45011, -1):
                    abort(429 if error.errcode != -1 else 503, "wechat_rate_limited" if error.errcode != -1
                          else "wechat_busy", f"微信暂时限制生成小程序码（{error.errcode}），请一分钟后再试。")
                if error.errcode == 41030:
                    abort(502, "wechat_page_invalid", "微信说已发布的小程序里没有面试页面（41030）：请先发布小程序，"
                          "或由技术人员设置 MIAOMIAN_WECHAT_QR_CHECK_PATH=false。")
                abort(502, "wechat_error", f"微信没有生成小程序码（错误 {error.errcode}），请稍后再试。")
            except requests.RequestException:
                abort(503, "wechat_unavailable", "暂时连不上微信，请稍后再试。")
        store.put_bytes(key, png)
    return png, link, scene


@bp.get("/referrers/<code>/poster.png")
@bp.response(200, content_type="image/png")
def referrer_poster(code):
    """Public (the referral code is the referrer's): a poster for WeChat Moments with the company, job, the
    referrer's name and the interview's mini-program code. 404 for an unknown code."""
    from api import posters

    referrer = get_db().execute(sa.select(referrers).where(referrers.c.code == code[:16])).first()
    if referrer is None or referrer.interview_id is None:
        abort(404, "scene_not_found", "找不到这个推荐码。")
    interview = get_db().execute(sa.select(interviews).where(interviews.c.id == referrer.interview_id)).first()
    if interview.status != "open" or (interview.deadline is not None and interview.deadline <= utcnow()):
        abort(409, "interview_closed", "这场面试已经结束报名了，不能再生成推荐海报。")
    job = get_db().execute(sa.select(jobs.c.title, jobs.c.location).where(jobs.c.id == interview.job_id)).first()
    company = get_db().scalar(sa.select(organisations.c.name).where(organisations.c.id == interview.org_id))
    png, _link, _scene = code_png(interview, referrer.id)
    try:
        poster = posters.poster_png(company, job.title, job.location, referrer.name, png)
    except posters.FontMissing as error:
        abort(503, "font_missing", str(error))
    response = Response(poster, mimetype="image/png")
    response.headers["Cache-Control"] = "private, max-age=600"
    return response


@bp.get("/scenes/<scene>/code.png")
@bp.response(200, content_type="image/png")
def scene_code(scene):
    """Public: the mini-program code of the interview behind a scene (the web share page shows it inside
    WeChat to long-press); without an AppID a QR code of the web share link."""
    interview, referrer = resolve_scene(scene)
    png, _link, _scene = code_png(interview, referrer.id if referrer else None)
    response = Response(png, mimetype=image_type(png))
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
