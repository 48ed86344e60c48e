"""Naive-UTC times, as the database stores them, and their ISO form for JSON."""
from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))  # Asia/Shanghai has had no daylight saving since 1991


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")


def to_naive_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def china_date(value: datetime | None = None) -> date:
    """The calendar date in China (Asia/Shanghai) of a naive-UTC time (now when None): what HR means by "today"."""
    moment = (value or utcnow()).replace(tzinfo=timezone.utc)
    return moment.astimezone(CHINA).date()
