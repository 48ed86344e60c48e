"""Subscribe-message field values built to the official rules, so WeChat never answers 47003.

The type is the key without its number (thing1 → thing). Rules (subscribeMessage.send, 参数值限制):
thing ≤ 20 characters; short_thing ≤ 5; number ≤ 32 digits (a decimal point allowed); letter ≤ 32 letters;
symbol ≤ 5 symbols; character_string ≤ 32 letters, digits or symbols; phone_number ≤ 17 digits/symbols;
car_number ≤ 8; name ≤ 10 Chinese characters or ≤ 20 letters; phrase ≤ 5 Chinese characters only;
time / date: 24-hour "2019年10月1日 15:01"; amount: one currency sign, ≤ 10 digits, optional 元.
No value may be empty.
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


def format_value(key: str, value) -> str:
    kind = field_type(key)
    if isinstance(value, datetime):
        return china_time(value)
    text = re.sub(r"\s+", " ", "" if value is None else str(value)).strip()
    if kind == "thing":
        return _cut(text, 20) or "-"
    if kind == "short_thing":
        return _cut(text, 5) or "-"
    if kind == "number":
        match = re.search(r"\d+(\.\d+)?", text)
        return (match.group(0) if match else "0")[:32]
    if kind == "letter":
        return re.sub(r"[^A-Za-z]", "", text)[:32] or "A"
    if kind in ("character_string", "phone_number", "symbol"):
        cleaned = ASCII_SYMBOLS.sub("", text)
        return cleaned[:{"character_string": 32, "phone_number": 17, "symbol": 5}[kind]] or "-"
    if kind == "phrase":
        return "".join(CJK.findall(text))[:5] or "无"
    if kind == "name":
        if CJK.search(text):
            return text[:10]
        return re.sub(r"[^A-Za-z .·-]", "", text)[:20].strip() or "-"
    if kind == "car_number":
        return text[:8] or "-"
    if kind == "amount":
        match = re.search(r"\d{1,10}(\.\d{1,2})?", text)
        return "¥" + (match.group(0) if match else "0")
    if kind in ("time", "date"):
        return text or china_time(datetime.now(timezone.utc).replace(tzinfo=None))
    return _cut(text, 20) or "-"


def build_data(fields: dict[str, str], values: dict) -> dict:
    """{"thing1": "interview", ...} and the values by name → {"thing1": {"value": ...}, ...}."""
    return {key: {"value": format_value(key, values.get(source))} for key, source in fields.items()}
