"""Naive-UTC times, as the database stores them, and their ISO form for JSON."""
from datetime import date, datetime, timedelta, timezone

import marshmallow as ma

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


PLANNED_RANGE = timedelta(days=730)  # a deadline or expiry a person sets lies within two years of now


class PlannedTime(ma.fields.AwareDateTime):
    """A moment a person sets (an interview deadline, an invitation expiry): ISO 8601 with a UTC offset, loaded
    as naive UTC. Outside two years of now (PLANNED_RANGE), or out of the calendar once moved to UTC (e.g.
    0001-01-01T00:00:00+08:00), it is refused with a Chinese message instead of overflowing later."""

    def __init__(self, **kwargs):
        super().__init__(default_timezone=None, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            moment = to_naive_utc(super()._deserialize(value, attr, data, **kwargs))
        except OverflowError as error:
            raise ma.ValidationError("这个时间超出了可以设置的范围。") from error
        now = utcnow()
        if not now - PLANNED_RANGE <= moment <= now + PLANNED_RANGE:
            raise ma.ValidationError("时间要在两年之内（不能早于两年前，也不能晚于两年后）。")
        return moment
