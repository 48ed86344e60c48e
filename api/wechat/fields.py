"""Subscribe-message field values built to the official rules, so WeChat never answers 47003.

The type is the key without its number (thing1 → thing). Rules (subscribeMessage.send, 参数值限制):
thing ≤ 20 characters of any kind; number ≤ 32 digits (a decimal point allowed); letter ≤ 32 letters only;
symbol ≤ 5 symbols only; character_string ≤ 32 letters, digits or symbols; phone_number ≤ 17 digits and
symbols; car_number ≤ 8, first and last may be Chinese, the rest letters or digits; name ≤ 10 Chinese
characters (Chinese mixed with letters counts as Chinese) or ≤ 20 letters or symbols — never digits;
phrase ≤ 5 Chinese characters only; time "15:01" or "2019年10月1日 15:01" (24-hour), date "2019年10月1日"
(optionally with a time), both may be a range joined by "~"; amount: one currency sign, ≤ 10 digits, optional
decimals and a trailing 元. No value may be empty.
Source: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html

Privacy: values are the least a template needs. A run of 7 or more digits (a phone or id number) never goes
into a thing, name or phrase; a name keeps only the letters of a name ("王芳 13800138000" → "王芳").
"""
import re
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))
CJK = re.compile(r"[\u4e00-\u9fff]")
ASCII_SYMBOLS = re.compile(r"[^A-Za-z0-9!-/:-@\[-`{-~]")


def field_type(key: str) -> str:
    return re.sub(r"\d+$", "", key)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def china_time(value: datetime) -> str:
    local = value.replace(tzinfo=timezone.utc).astimezone(CHINA)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


LONG_DIGITS = re.compile(r"\+?\d[\d\s-]{5,}\d")
NAME_CJK = re.compile(r"[^\u4e00-\u9fffA-Za-z·]")
NAME_LATIN = re.compile(r"[^A-Za-z .·'-]")
SYMBOLS = re.compile(r"[A-Za-z0-9\s\u4e00-\u9fff]")


def _time_text(text: str, kind: str) -> str:
    pattern = (r"(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}" if kind == "time"
               else r"\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?")
    if re.fullmatch(f"{pattern}(~{pattern})?", text):
        return text
    now = china_time(datetime.now(timezone.utc).replace(tzinfo=None))
    return now if kind == "time" else now.split(" ")[0]


def format_value(key: str, value) -> str:
    """One value fitted to its field type's rules (see the module docstring); never empty."""
    kind = field_type(key)
    if isinstance(value, datetime):
        value = china_time(value)
        if kind in ("time", "date"):
            return value.split(" ")[0] if kind == "date" else value
    text = re.sub(r"\s+", " ", "" if value is None else str(value)).strip()
    if kind in ("thing", "short_thing", "name", "phrase"):
        text = LONG_DIGITS.sub("", text).strip()
    if kind == "thing":
        return _cut(text, 20) or "-"
    if kind == "short_thing":
        return _cut(text, 5) or "-"
    if kind == "number":
        match = re.search(r"\d+(\.\d+)?", text)
        return (match.group(0) if match else "0")[:32].rstrip(".")
    if kind == "letter":
        return re.sub(r"[^A-Za-z]", "", text)[:32] or "A"
    if kind == "symbol":
        return SYMBOLS.sub("", text)[:5] or "-"
    if kind == "character_string":
        return re.sub(r"[^!-~]", "", text)[:32] or "-"
    if kind == "phone_number":
        return re.sub(r"[^0-9+\-()]", "", text)[:17] or "-"
    if kind == "phrase":
        return "".join(CJK.findall(text))[:5] or "无"
    if kind == "name":
        if CJK.search(text):
            return NAME_CJK.sub("", text)[:10] or "候选人"
        return re.sub(r"\s+", " ", NAME_LATIN.sub("", text)).strip()[:20].strip() or "候选人"
    if kind == "car_number":
        body = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff]", "", text)
        middle = re.sub(r"[^A-Za-z0-9]", "", body[1:-1])
        fitted = (body[:1] + middle + body[-1:]) if len(body) > 1 else body
        return fitted[:8] or "无"
    if kind == "amount":
        match = re.search(r"\d{1,10}(\.\d{1,2})?", text)
        return "¥" + (match.group(0) if match else "0")
    if kind in ("time", "date"):
        return _time_text(text, kind)
    return _cut(text, 20) or "-"


def build_data(fields: dict[str, str], values: dict) -> dict:
    """{"thing1": "interview", ...} and the values by name → {"thing1": {"value": ...}, ...}."""
    return {key: {"value": format_value(key, values.get(source))} for key, source in fields.items()}
