"""The one schema definition: SQLAlchemy Core tables serving SQLite and MySQL alike.

Migrations (api/migrations) are generated from it and sql/ holds their MySQL DDL; tests prove all three agree.
Times are naive UTC. Candidate PII columns end in _enc and hold Fernet tokens (api/crypto.py).
"""
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

MYSQL_TABLE_ARGS = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

# MySQL's TEXT holds 64 KB; analysis results with word timings can be larger.
LongText = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


def _id():
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _created():
    return sa.Column("created_at", sa.DateTime, nullable=False)


def _fk(name, target, nullable=False, ondelete="CASCADE"):
    return sa.Column(name, sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


organisations = sa.Table(
    "organisations", metadata, _id(),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("contact_name", sa.String(40)),  # the HR contact candidates see (migration 0003)
    sa.Column("contact_phone", sa.String(20)),
    sa.Column("contact_note", sa.String(100)),
    _created(),
    **MYSQL_TABLE_ARGS,
)

users = sa.Table(
    "users", metadata, _id(),
    sa.Column("display_name", sa.Text),  # Fernet token (api/crypto.py); NULL once the user is anonymised
    sa.Column("openid", sa.String(64), unique=True),
    sa.Column("unionid", sa.String(64), unique=True),
    _created(),
    **MYSQL_TABLE_ARGS,
)

members = sa.Table(
    "members", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("user_id", "users.id"),
    sa.Column("role", sa.String(20), nullable=False),
    _created(),
    sa.UniqueConstraint("org_id", "user_id"),
    **MYSQL_TABLE_ARGS,
)

api_tokens = sa.Table(
    "api_tokens", metadata, _id(),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    _fk("user_id", "users.id"),
    _fk("org_id", "organisations.id", nullable=True),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
    _created(),
    **MYSQL_TABLE_ARGS,
)

jobs = sa.Table(
    "jobs", metadata, _id(),
    _fk("org_id", "organisations.id"),
    sa.Column("title", sa.String(100), nullable=False),
    sa.Column("description", sa.Text),
    sa.Column("location", sa.String(100)),
    _fk("created_by", "users.id", nullable=True, ondelete="SET NULL"),
    _created(),
    **MYSQL_TABLE_ARGS,
)

interviews = sa.Table(
    "interviews", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("job_id", "jobs.id"),
    sa.Column("title", sa.String(100), nullable=False),
    sa.Column("language", sa.String(5), nullable=False),
    sa.Column("intro", sa.Text),
    sa.Column("deadline", sa.DateTime),
    sa.Column("pass_threshold", sa.Float, nullable=False),
    sa.Column("review_band_low", sa.Float),
    sa.Column("review_band_high", sa.Float),
    sa.Column("require_phone", sa.Boolean, nullable=False, default=False),
    sa.Column("status", sa.String(20), nullable=False),
    _fk("created_by", "users.id", nullable=True, ondelete="SET NULL"),
    _created(),
    sa.Column("closed_at", sa.DateTime),
    **MYSQL_TABLE_ARGS,
)

questions = sa.Table(
    "questions", metadata, _id(),
    _fk("interview_id", "interviews.id"),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("think_seconds", sa.Integer, nullable=False),
    sa.Column("answer_seconds", sa.Integer, nullable=False),
    sa.Column("max_attempts", sa.Integer, nullable=False),
    sa.Column("media", sa.String(10), nullable=False),
    sa.Column("competencies", sa.JSON, nullable=False),
    sa.Column("reference_answer", sa.Text),
    sa.UniqueConstraint("interview_id", "position"),
    **MYSQL_TABLE_ARGS,
)

referrers = sa.Table(
    "referrers", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("interview_id", "interviews.id", nullable=True),
    _fk("user_id", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    _created(),
    **MYSQL_TABLE_ARGS,
)

invitations = sa.Table(
    "invitations", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("interview_id", "interviews.id"),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    # The link a resend replaced (its hash): opening it says so, with the company's contact (migration 0007).
    sa.Column("previous_token_hash", sa.String(64), index=True),
    sa.Column("candidate_name_enc", sa.Text),
    sa.Column("candidate_phone_enc", sa.Text),
    sa.Column("phone_last4", sa.String(4)),
    _fk("referrer_id", "referrers.id", nullable=True, ondelete="SET NULL"),
    sa.Column("channel", sa.String(16)),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    _created(),
    sa.Column("revoked_at", sa.DateTime),
    # Share-link joins recognise a returning person (HMACs, never the values): name+phone, and a browser id.
    sa.Column("identity_hash", sa.String(64), index=True, unique=True),
    sa.Column("browser_hash", sa.String(64), index=True, unique=True),
    # ... and the signed-in WeChat user (HMAC of interview and user id), so racing joins make one person (0008).
    sa.Column("user_hash", sa.String(64), index=True, unique=True),
    **MYSQL_TABLE_ARGS,
)

sessions = sa.Table(
    "sessions", metadata, _id(),
    sa.Column("public_id", sa.String(32), nullable=False, unique=True),
    _fk("org_id", "organisations.id"),
    _fk("interview_id", "interviews.id"),
    sa.Column("invitation_id", sa.Integer, sa.ForeignKey("invitations.id", ondelete="CASCADE"),
              nullable=False, unique=True),
    _fk("candidate_user_id", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("opened_at", sa.DateTime),
    sa.Column("consent_version", sa.String(20)),
    sa.Column("consent_scope", sa.JSON),
    sa.Column("consent_at", sa.DateTime),
    sa.Column("started_at", sa.DateTime),
    sa.Column("submitted_at", sa.DateTime),
    sa.Column("analysed_at", sa.DateTime),
    sa.Column("overall", sa.Float),
    sa.Column("recommended", sa.Boolean),
    sa.Column("decision", sa.String(10)),
    sa.Column("decision_note", sa.Text),
    _fk("decided_by", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("decided_at", sa.DateTime),
    sa.Column("review_requested_at", sa.DateTime),
    sa.Column("review_request_note", sa.Text),
    sa.Column("erased_at", sa.DateTime),
    _created(),
    sa.Column("last_activity_at", sa.DateTime),
    sa.Column("decision_message", sa.Text),
    sa.Column("decision_notify", sa.Boolean),
    **MYSQL_TABLE_ARGS,
)

answers = sa.Table(
    "answers", metadata, _id(),
    _fk("session_id", "sessions.id"),
    _fk("question_id", "questions.id"),
    sa.Column("attempt", sa.Integer, nullable=False),
    sa.Column("object_key", sa.String(255), nullable=False, unique=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("reason", sa.String(500)),
    sa.Column("overall", sa.Float),
    sa.Column("upload_expires_at", sa.DateTime, nullable=False),
    sa.Column("uploaded_at", sa.DateTime),
    sa.Column("analysed_at", sa.DateTime),
    sa.Column("requeues", sa.Integer, nullable=False, default=0, server_default="0"),  # api/sweeper.py
    _created(),
    sa.Column("device", sa.String(64)),  # X-Miaomian-Device of the client that started the attempt
    sa.Column("playback_key", sa.String(255)),  # an AAC/M4A rendition of a browser recording, once made
    # How recording started (migration 0008): NULL on time by the client; "auto" the server started it at the
    # think deadline (no client yet); "late" a client joined it after the deadline (timed from the deadline);
    # "replace" the person confirmed replacing another device's answer (api/progress.py current_answer).
    sa.Column("start_kind", sa.String(10)),
    # When the attempt's first upload ticket was issued (migration 0009): later than the recording window plus
    # answer_time.ON_TIME_UPLOAD_SECONDS flags the take as uploaded late (api/answer_time.py late_upload).
    sa.Column("ticket_at", sa.DateTime),
    sa.Column("stopped_at", sa.DateTime),  # the candidate stopped this take (…/attempts/{n}/stopped)
    sa.Column("stopped_duration_ms", sa.Integer),  # its length as the client reported it, bounded by the server clock
    sa.UniqueConstraint("session_id", "question_id", "attempt"),
    **MYSQL_TABLE_ARGS,
)

# --- Round two (migration 0003): server-side think time, report share links.

question_states = sa.Table(
    "question_states", metadata, _id(),
    _fk("session_id", "sessions.id"),
    _fk("question_id", "questions.id"),
    sa.Column("think_started_at", sa.DateTime, nullable=False),
    sa.Column("think_deadline", sa.DateTime, nullable=False),
    sa.UniqueConstraint("session_id", "question_id"),
    **MYSQL_TABLE_ARGS,
)

report_shares = sa.Table(
    "report_shares", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("session_id", "sessions.id"),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
    sa.Column("views", sa.Integer, nullable=False, default=0),
    _fk("created_by", "users.id", nullable=True, ondelete="SET NULL"),
    _created(),
    **MYSQL_TABLE_ARGS,
)

analysis_results = sa.Table(
    "analysis_results", metadata, _id(),
    sa.Column("answer_id", sa.Integer, sa.ForeignKey("answers.id", ondelete="CASCADE"), nullable=False, unique=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("result", LongText, nullable=False),
    _created(),
    **MYSQL_TABLE_ARGS,
)

reviews = sa.Table(
    "reviews", metadata, _id(),
    _fk("session_id", "sessions.id"),
    _fk("reviewer_id", "users.id"),
    sa.Column("rating", sa.Integer),
    sa.Column("comment", sa.Text),
    _created(),
    **MYSQL_TABLE_ARGS,
)

storage_events = sa.Table(
    "storage_events", metadata, _id(),
    sa.Column("object_key", sa.String(255), nullable=False, index=True),
    sa.Column("event", sa.Text, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.DateTime, nullable=False),
    sa.Column("lease_owner", sa.String(64)),
    sa.Column("lease_expires_at", sa.DateTime),
    sa.Column("last_error", sa.String(500)),
    _created(),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index("ix_storage_events_status_next", "status", "next_attempt_at"),
    **MYSQL_TABLE_ARGS,
)

trigger_workers = sa.Table(
    "trigger_workers", metadata,
    sa.Column("worker", sa.String(64), primary_key=True),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("seen_at", sa.DateTime, nullable=False),
    sa.Column("busy_key", sa.String(255)),
    **MYSQL_TABLE_ARGS,
)

audit_log = sa.Table(
    "audit_log", metadata, _id(),
    _fk("org_id", "organisations.id", nullable=True),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("subject", sa.String(64)),
    sa.Column("detail", sa.JSON),
    _created(),
    **MYSQL_TABLE_ARGS,
)

# --- WeChat integration (migration 0002): token store, logins, team invites, share codes, subscriptions,
# the notification outbox, verified phones and referral credit.

wechat_kv = sa.Table(
    "wechat_kv", metadata,
    sa.Column("key", sa.String(128), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("expires_at", sa.DateTime),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    **MYSQL_TABLE_ARGS,
)

wechat_logins = sa.Table(
    "wechat_logins", metadata, _id(),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True),
    sa.Column("session_key_enc", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    **MYSQL_TABLE_ARGS,
)

team_invites = sa.Table(
    "team_invites", metadata, _id(),
    _fk("org_id", "organisations.id"),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("max_uses", sa.Integer, nullable=False),
    sa.Column("uses", sa.Integer, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
    _fk("created_by", "users.id", nullable=True, ondelete="SET NULL"),
    _created(),
    **MYSQL_TABLE_ARGS,
)

share_links = sa.Table(
    "share_links", metadata, _id(),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    _fk("org_id", "organisations.id"),
    _fk("interview_id", "interviews.id"),
    _fk("referrer_id", "referrers.id", nullable=True),
    _created(),
    **MYSQL_TABLE_ARGS,
)

subscriptions = sa.Table(
    "subscriptions", metadata, _id(),
    _fk("user_id", "users.id"),
    sa.Column("template_id", sa.String(64), nullable=False),
    sa.Column("remaining", sa.Integer, nullable=False),
    sa.Column("last_result", sa.String(10), nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    _created(),
    sa.UniqueConstraint("user_id", "template_id"),
    **MYSQL_TABLE_ARGS,
)

notifications = sa.Table(
    "notifications", metadata, _id(),
    _fk("org_id", "organisations.id", nullable=True),
    _fk("session_id", "sessions.id", nullable=True),
    _fk("user_id", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("idempotency_key", sa.String(128), nullable=False, unique=True),
    sa.Column("template_id", sa.String(64)),
    sa.Column("status", sa.String(24), nullable=False),  # 24 since 0003 ("needs_subscription")
    sa.Column("reason", sa.String(500)),
    sa.Column("errcode", sa.Integer),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.DateTime, nullable=False),
    sa.Column("lease_owner", sa.String(64)),
    sa.Column("lease_expires_at", sa.DateTime),
    sa.Column("sent_at", sa.DateTime),
    _created(),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index("ix_notifications_status_next", "status", "next_attempt_at"),
    **MYSQL_TABLE_ARGS,
)

phone_verifications = sa.Table(
    "phone_verifications", metadata, _id(),
    _fk("session_id", "sessions.id"),
    _fk("user_id", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("phone_enc", sa.Text, nullable=False),
    sa.Column("phone_last4", sa.String(4), nullable=False),
    sa.Column("country_code", sa.String(8)),
    sa.Column("verified_at", sa.DateTime, nullable=False),
    **MYSQL_TABLE_ARGS,
)

referral_credits = sa.Table(
    "referral_credits", metadata, _id(),
    _fk("referrer_id", "referrers.id"),
    sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, unique=True),
    sa.Column("points", sa.Integer, nullable=False),
    _created(),
    **MYSQL_TABLE_ARGS,
)

# --- Decisions that learn (migration 0003): HR judgement, outcomes, self-declared groups for the fairness
# check, per-organisation scorer versions, and the channel an invitation came through.

answer_ratings = sa.Table(
    "answer_ratings", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("answer_id", "answers.id"),
    sa.Column("competency", sa.String(40), nullable=False),
    sa.Column("rating", sa.Integer, nullable=False),
    _fk("rater_id", "users.id"),
    _created(),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("answer_id", "competency", "rater_id"),
    **MYSQL_TABLE_ARGS,
)

pair_picks = sa.Table(
    "pair_picks", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("question_id", "questions.id"),
    _fk("better_answer_id", "answers.id"),
    _fk("worse_answer_id", "answers.id"),
    sa.Column("competency", sa.String(40)),
    _fk("rater_id", "users.id"),
    _created(),
    # One pick per rater, unordered pair and competency ("" = overall): a later pick replaces the earlier one.
    sa.Column("pair_low", sa.Integer, nullable=False),
    sa.Column("pair_high", sa.Integer, nullable=False),
    sa.Column("competency_key", sa.String(40), nullable=False, server_default=""),
    sa.Column("updated_at", sa.DateTime),
    sa.UniqueConstraint("rater_id", "pair_low", "pair_high", "competency_key"),
    **MYSQL_TABLE_ARGS,
)

outcomes = sa.Table(
    "outcomes", metadata, _id(),
    _fk("org_id", "organisations.id"),
    _fk("session_id", "sessions.id"),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("value", sa.Integer, nullable=False),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("note", sa.Text),
    _fk("recorded_by", "users.id", nullable=True, ondelete="SET NULL"),
    _created(),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("session_id", "kind"),
    **MYSQL_TABLE_ARGS,
)

demographics = sa.Table(
    "demographics", metadata, _id(),
    _fk("org_id", "organisations.id"),
    sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, unique=True),
    sa.Column("gender_enc", sa.Text),
    sa.Column("age_band_enc", sa.Text),
    sa.Column("consent_version", sa.String(20), nullable=False),
    sa.Column("consent_at", sa.DateTime, nullable=False),
    **MYSQL_TABLE_ARGS,
)

scorer_versions = sa.Table(
    "scorer_versions", metadata, _id(),
    _fk("org_id", "organisations.id"),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("version", sa.String(40), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("calibration", LongText, nullable=False),
    sa.Column("validation", sa.JSON),
    sa.Column("summary", sa.JSON),
    _fk("created_by", "users.id", nullable=True, ondelete="SET NULL"),
    _created(),
    sa.Column("activated_at", sa.DateTime),
    sa.UniqueConstraint("org_id", "number"),
    **MYSQL_TABLE_ARGS,
)

org_scorers = sa.Table(
    "org_scorers", metadata,
    sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
    _fk("active_version_id", "scorer_versions.id", nullable=True, ondelete="SET NULL"),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    **MYSQL_TABLE_ARGS,
)
