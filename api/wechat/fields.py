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

Privacy: values are the least a template needs. Contact details never go into any text field (every type
but phone_number, number, amount, time and date): emails, URLs, WeChat ids after a label ("wx: abc",
"微信号 abc"), phone and id numbers in any format (runs of 7+ digits with spaces, dashes, dots, brackets, a
+86 or full-width digits) are removed with their labels before the value is fitted; a name keeps only the
name before any digit, bracket or contact label ("王芳 13800138000", "张三（电话：138 0013 8000）",
"张三 zhangsan@qq.com", "王芳 wx: abc" → "王芳", "张三", "张三", "王芳").
Never invented: times are parsed (ISO 8601, datetime/date, the system's "12月1日 18:00", ranges) and shown
in China time; what cannot be represented raises UnrepresentableValue and the message is not sent.
"""
import logging
import re
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

log = logging.getLogger(__name__)

CHINA = timezone(timedelta(hours=8))
CJK = re.compile(r"[\u4e00-\u9fff]")
ASCII_SYMBOLS = re.compile(r"[^A-Za-z0-9!-/:-@\[-`{-~]")


class UnrepresentableValue(ValueError):
    """A value the field type cannot carry without inventing one (a negative or non-numeric number, a time
    that does not parse, a letter field without letters): the message is not sent rather than sent wrong."""


def field_type(key: str) -> str:
    return re.sub(r"\d+$", "", key)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _china(value: datetime) -> datetime:
    """Naive datetimes are UTC (the API stores UTC); aware ones are converted."""
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(CHINA)


def _date_text(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def china_time(value: datetime) -> str:
    local = _china(value)
    return f"{_date_text(local)} {local:%H:%M}"


LONG_DIGITS = re.compile(r"\+?\d[\d\s-]{5,}\d")
BRACKETED = re.compile(r"[（(【\[<《][^）)】\]>》]*[）)】\]>》]")
CONTACT_LABEL = re.compile(r"(联系电话|联系手机|联系方式|联系|电话|手机|微信|tel|phone|mobile)\s*[:：]?\s*$", re.I)
NAME_STOP = re.compile(r"[\d,，:：;；/|、（(【\[<《]|电话|手机|联系|微信|\btel\b|\bphone\b|\bmobile\b", re.I)
NAME_CJK = re.compile(r"[^\u4e00-\u9fffA-Za-z·]")
NAME_LATIN = re.compile(r"[^A-Za-z .·'-]")
SYMBOLS = re.compile(r"[A-Za-z0-9\s\u4e00-\u9fff]")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
CN_DATETIME = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2}):(\d{2})(?::\d{2})?)?")
CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?")
NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
CURRENCIES = {"¥": "¥", "￥": "¥", "元": "¥", "RMB": "¥", "CNY": "¥", "$": "$", "USD": "$", "€": "€", "EUR": "€",
              "£": "£", "GBP": "£"}


def _placeholder(kind: str, placeholder: str) -> str:
    log.warning("subscribe field %s: nothing representable left, sent the placeholder %r", kind, placeholder)
    return placeholder


EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"(?:https?://|www\.)\S+|\b[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|cn|net|org|io|me|top|xyz|info|cc|co)"
                 r"(?:/\S*)?\b", re.I)
PHONE_LIKE = re.compile(r"[+]?[(（]?\+?\d[\d\s\-.()（）]{5,}\d")
CONTACT_WORDS = (r"微信号?|v信|vx|wx|weixin|wechat|qq|邮箱|电子邮件|e-?mail|邮件|联系电话|联系手机|联系方式|电话|手机号?"
                 r"|tel|phone|mobile")
LABELLED_ID = re.compile(rf"(?:(?:{CONTACT_WORDS})\s*[:：]?\s*)+[A-Za-z0-9][-_A-Za-z0-9.@]*", re.I)
LABEL_LEFT = re.compile(rf"(?:{CONTACT_WORDS})\s*[:：]?(?=\s|$|[，,;；。）)】\]])", re.I)
EMPTY_BRACKETS = re.compile(r"[（(【\[]\s*[）)】\]]")


def without_contacts(text: str) -> str:
    """`text` with every email, URL, labelled WeChat/QQ id and phone-like number removed, with its label."""
    for pattern in (EMAIL, URL, PHONE_LIKE, LABELLED_ID, LABEL_LEFT, EMPTY_BRACKETS):
        text = pattern.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(" :：,，;；")


def _without_pii(text: str) -> str:
    """Drops phone/id digit runs and the brackets or labels that carried them ("（电话：138 0013 8000）")."""
    text = BRACKETED.sub(lambda match: "" if re.search(r"\d", match.group(0)) else match.group(0), text)
    text = LONG_DIGITS.sub("", text)
    return CONTACT_LABEL.sub("", text.strip()).strip()


def _nearest_year(month: int, day: int) -> int:
    """The system's own "12月1日 18:00" has no year: the one that puts the day nearest to today."""
    today = datetime.now(CHINA).date()
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise UnrepresentableValue("no such day")
    return min(candidates, key=lambda day_: abs((day_ - today).days)).year


def _one_moment(text: str) -> tuple[date | None, str | None]:
    """One point in time as (China date or None, "HH:MM" or None)."""
    text = text.strip()
    if ISO.fullmatch(text):
        try:
            if len(text) == 10:
                return date.fromisoformat(text), None
            moment = _china(datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T")))
        except ValueError as error:
            raise UnrepresentableValue(str(error)) from error
        return moment.date(), f"{moment:%H:%M}"
    match = CN_DATETIME.fullmatch(text)
    if match:
        year, month, day, hour, minute = match.groups()
        month, day = int(month), int(day)
        try:
            moment_date = date(int(year) if year else _nearest_year(month, day), month, day)
        except ValueError as error:
            raise UnrepresentableValue(str(error)) from error
        clock = None if hour is None else _clock(hour, minute)
        return moment_date, clock
    match = CLOCK.fullmatch(text)
    if match:
        return None, _clock(*match.groups())
    raise UnrepresentableValue("not a time")


def _clock(hour, minute) -> str:
    hour, minute = int(hour), int(minute)
    if hour > 23 or minute > 59:
        raise UnrepresentableValue("not a time of day")
    return f"{hour:02d}:{minute:02d}"


def _moment_text(value, kind: str) -> str:
    if isinstance(value, datetime):
        local = _china(value)
        moment = (local.date(), None if kind == "date" else f"{local:%H:%M}")
    elif isinstance(value, date):
        moment = (value, None)
    else:
        moment = _one_moment(value)
    day, clock = moment
    if kind == "time" and clock is None:
        raise UnrepresentableValue("a time field needs a time of day")
    if kind == "date" and day is None:
        raise UnrepresentableValue("a date field needs a day")
    return " ".join(part for part in (day and _date_text(day), clock) if part)


def _time_value(value, kind: str) -> str:
    """time: "15:01" or "2019年10月1日 15:01"; date: "2019年10月1日" (optionally with a time); either may be a
    range "a~b" (the second part may be a time only). Accepts datetime/date (naive = UTC), ISO 8601 strings
    (naive = UTC, "Z"/offsets converted) and the system's own Chinese display format; output in China time."""
    if isinstance(value, (datetime, date)):
        return _moment_text(value, kind)
    text = re.sub(r"\s+", " ", "" if value is None else str(value)).strip()
    parts = [part.strip() for part in re.split(r"\s*[~～]\s*", text)]
    if len(parts) > 2 or not all(parts):
        raise UnrepresentableValue("not a time or a range of two")
    first = _moment_text(parts[0], kind)
    if len(parts) == 1:
        return first
    second_day, second_clock = _one_moment(parts[1])
    if second_day is None:  # "12月1日 18:00~19:00": the end shares the start's day
        if second_clock is None or " " not in first and kind == "date":
            raise UnrepresentableValue("an open range")
        return f"{first}~{second_clock}"
    return f"{first}~{_moment_text(parts[1], kind)}"


def _number(text: str, kind: str) -> tuple[str, str]:
    """The one number in the text (thousands commas removed, a unit around it dropped) → (digits, sign)."""
    numbers = list(NUMBER.finditer(text))
    if len(numbers) != 1:
        raise UnrepresentableValue(f"{kind}: {len(numbers)} numbers")
    sign, whole, fraction = numbers[0].groups()
    return whole.replace(",", "") + (fraction or ""), sign


def _number_value(text: str) -> str:
    digits, sign = _number(text, "number")
    if sign == "-" or len(digits) > 32:
        raise UnrepresentableValue("number: negative or longer than 32 digits")
    return digits


def _amount_value(text: str) -> str:
    """amount: one currency sign, ≤ 10 digits, at most 2 decimals (rounded), an optional trailing 元."""
    found = [symbol for symbol in CURRENCIES if symbol in text.upper()]
    signs = {CURRENCIES[symbol] for symbol in found}
    if len(signs) > 1:
        raise UnrepresentableValue("amount: two currencies")
    digits, sign = _number(text, "amount")
    amount = Decimal(digits)
    if sign == "-":
        raise UnrepresentableValue("amount: negative")
    if amount != amount.to_integral_value():
        amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = str(amount).split(".")[0]
    if len(whole) > 10:
        raise UnrepresentableValue("amount: more than 10 digits")
    return (signs.pop() if signs else "¥") + str(amount)


def _name_value(text: str) -> str:
    """The name before any digit, bracket, separator or contact label; never digits or a phone number."""
    text = BRACKETED.sub("", text)
    stop = NAME_STOP.search(text)
    text = (text[:stop.start()] if stop else text).strip()
    if CJK.search(text):
        return NAME_CJK.sub("", text)[:10] or _placeholder("name", "候选人")
    return re.sub(r"\s+", " ", NAME_LATIN.sub("", text)).strip()[:20].strip() or _placeholder("name", "候选人")


def format_value(key: str, value) -> str:
    """One value fitted to its field type's rules (see the module docstring); never empty, never invented.

    What a type cannot carry is dropped (a unit after a number, digits in a name, a phone in a thing); a
    text type left with nothing gets a neutral placeholder ("-", "无", "候选人"), logged; a number, amount,
    letter, time or date with nothing faithful to send raises UnrepresentableValue."""
    kind = field_type(key)
    if kind in ("time", "date"):
        return _time_value(value, kind)
    if isinstance(value, datetime):
        value = china_time(value)
    elif isinstance(value, date):
        value = _date_text(value)
    text = re.sub(r"\s+", " ", "" if value is None else str(value)).strip()
    if kind not in ("phone_number", "number", "amount"):
        text = without_contacts(text)
    if kind in ("thing", "short_thing", "phrase"):
        text = _without_pii(text)
    if kind == "thing":
        return _cut(text, 20) or _placeholder(kind, "-")
    if kind == "short_thing":
        return _cut(text, 5) or _placeholder(kind, "-")
    if kind == "number":
        return _number_value(text)
    if kind == "amount":
        return _amount_value(text)
    if kind == "letter":
        letters = re.sub(r"[^A-Za-z]", "", text)
        if not letters:
            raise UnrepresentableValue("letter: no Latin letters")
        return letters[:32]
    if kind == "symbol":
        return SYMBOLS.sub("", text)[:5] or _placeholder(kind, "-")
    if kind == "character_string":
        return re.sub(r"[^!-~]", "", text)[:32] or _placeholder(kind, "-")
    if kind == "phone_number":
        return re.sub(r"[^0-9+\-()]", "", text)[:17] or _placeholder(kind, "-")
    if kind == "phrase":
        return "".join(CJK.findall(text))[:5] or _placeholder(kind, "无")
    if kind == "name":
        return _name_value(text)
    if kind == "car_number":
        body = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff]", "", text)
        middle = re.sub(r"[^A-Za-z0-9]", "", body[1:-1])
        fitted = (body[:1] + middle + body[-1:]) if len(body) > 1 else body
        return fitted[:8] or _placeholder(kind, "无")
    return _cut(text, 20) or _placeholder(kind, "-")


def build_data(fields: dict[str, str], values: dict) -> dict:
    """{"thing1": "interview", ...} and the values by name → {"thing1": {"value": ...}, ...}.

    Raises UnrepresentableValue (naming the field) when a field cannot be filled faithfully."""
    data = {}
    for key, source in fields.items():
        try:
            data[key] = {"value": format_value(key, values.get(source))}
        except UnrepresentableValue as error:
            raise UnrepresentableValue(f"{key}: {error}") from error
    return data
