"""Candidate PII at rest: Fernet (AES-128-CBC + HMAC) with MIAOMIAN_DATA_KEY; tokens stored only as hashes."""
import hashlib
import secrets

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app


def _fernet() -> Fernet:
    return Fernet(current_app.config["DATA_KEY"].encode())


def encrypt(value: str | None) -> str | None:
    return None if value is None else _fernet().encrypt(value.encode()).decode()


def decrypt(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return _fernet().decrypt(value.encode()).decode()
    except InvalidToken:
        return None


def new_token() -> str:
    """256 bits from the OS CSPRNG, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def new_invitation_token() -> str:
    """128 bits, 22 URL-safe characters: short enough for a mini-program code's 32-character scene."""
    return secrets.token_urlsafe(16)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


def mask_name(name: str | None) -> str:
    """"张三" → "张*", "欧阳娜娜" → "欧***": the initial only (people outside HR: referrers, shared reports)."""
    return (name[0] + "*" * max(len(name) - 1, 1)) if name else "候选人"


FERNET_PREFIX = "gAAAAA"  # every Fernet token starts with version byte 0x80 and a 64-bit timestamp


def read_name(value: str | None) -> str | None:
    """A display name as stored: a Fernet token, or a legacy plaintext row not yet encrypted by `migrate`."""
    if value is None or not value.startswith(FERNET_PREFIX):
        return value
    return decrypt(value)


def encrypt_plaintext_names(connection) -> int:
    """Encrypt users.display_name rows still in plaintext (from before migration 0005); returns how many.
    Run by `flask --app api migrate` and `make dev` after the schema step, inside an app context."""
    import sqlalchemy as sa

    from api.schema import users

    rows = connection.execute(sa.select(users.c.id, users.c.display_name).where(
        users.c.display_name.is_not(None), sa.not_(users.c.display_name.startswith(FERNET_PREFIX)))).all()
    for row in rows:
        connection.execute(users.update().where(users.c.id == row.id).values(display_name=encrypt(row.display_name)))
    return len(rows)
