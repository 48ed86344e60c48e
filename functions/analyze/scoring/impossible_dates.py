"""Dates and clock times that cannot exist, read in Chinese, English and Korean answers (breaker 36: 二月三十号晚上
二十五点, 去年十三月的第八天, 一个小时有七十分钟, 星期八的三十二点, 用了负五分钟; the 31st of February at about
26 o'clock; 2월 30일 25시). Honest speech names real dates and times, and says durations longer than a clock's span
(七十分钟, 三十个小时, 30시간, 26 hours) without naming a clock time, so none of those is read.

impossible_dates(text, language) -> list[str]: each impossible date or time as the answer says it, in order, for a
gate's reason to quote. Gates count them with the other impossible acts (gates.odd_acts, english_acts.acts,
korean_acts.acts). Numbers are read in digits, in Chinese numerals (zh_number) and, in Korean, in digits only.
"""
from __future__ import annotations

import re

# days in each month (February at its leap-year most)
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ZH_NUM = r"[0-9]+|[零〇一二两三四五六七八九十百]+"
# a part of the day or a date before a clock time (晚上二十五点, 星期八的三十二点, 三十号的二十五点)
_ZH_CLOCK_BEFORE = r"(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|半夜|深夜|[号日天]|的)"
_ZH_PATTERNS = (
    # a month past the twelfth (十三月, 去年十三月的第八天): not a count of months (十三个月)
    ("month", re.compile(rf"(?<![0-9零〇一二两三四五六七八九十百个第])({_ZH_NUM})月(?:份)?(?=的|[0-9零一二两三四五六七八九十]|[，。,\s]|$|初|底|中)")),
    # a day past its month's end (二月三十号, 4月31日)
    ("day", re.compile(rf"(?<![0-9零〇一二两三四五六七八九十百个第])({_ZH_NUM})月(?:份)?的?(?:第)?({_ZH_NUM})(?:号|日)")),
    # a clock time past the day's 24 hours, after a part of the day or a date, or before 点钟 (晚上二十五点, 三十二点钟)
    ("hour", re.compile(rf"{_ZH_CLOCK_BEFORE}({_ZH_NUM})点(?!几)")),
    ("hour", re.compile(rf"({_ZH_NUM})点钟")),
    # minutes past the hour's 60 in a clock time (三点七十分)
    ("minute", re.compile(rf"(?<![0-9零〇一二两三四五六七八九十百])({_ZH_NUM})点({_ZH_NUM})分(?!钟)")),
    # a weekday past the seventh (星期八, 礼拜九, 周八)
    ("weekday", re.compile(r"(?:星期|礼拜)([八九十零〇]|[0-9]+)|(?<![0-9一二三四五六七八九十])周([八九零〇])")),
    # a span said to hold more than it does (一个小时有七十分钟, 一天有三十个小时, 连续干了一天三十个小时, 一个星期有九天)
    ("span", re.compile(rf"一个?(小时|钟头|天|星期|礼拜|周|月|年)(?:只|才|就|竟然|居然)?(?:有|等于)?({_ZH_NUM})(?:个)?"
                        r"(分钟|小时|钟头|天|月|个月)")),
    # a time, a count or money below nothing (用了负五分钟, 投诉了负三次, 退了负五十块钱: breaker 37) — not a
    # temperature, a floor or a growth (负五度, 负一楼, 负增长), nor 负责 (no number follows it)
    ("negative", re.compile(rf"负({_ZH_NUM})(?:个)?(?:秒钟?|分钟|小时|钟头|天|次|遍|块钱|块|元|单|件|箱|位|份|杯|碗)")),
    # a task said to take no time at all (其实用了零秒, 花了零分钟)
    ("negative", re.compile(r"(?:用了|花了|只用了|才用了)(零)(?:秒钟?|分钟)")),
)
_SPAN_HOLDS = {("小时", "分钟"): 60, ("钟头", "分钟"): 60, ("天", "小时"): 24, ("天", "钟头"): 24,
               ("星期", "天"): 7, ("礼拜", "天"): 7, ("周", "天"): 7, ("月", "天"): 31, ("年", "月"): 12,
               ("年", "个月"): 12, ("年", "天"): 366}

_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_EN_MONTH = "(" + "|".join(_EN_MONTHS) + ")"
_EN_ORD = r"([0-9]{1,3})(?:st|nd|rd|th)?"
_EN_PATTERNS = (
    ("day", re.compile(rf"\b{_EN_MONTH}\s+(?:the\s+)?{_EN_ORD}\b")),
    ("day", re.compile(rf"\b(?:the\s+)?{_EN_ORD}\s+(?:of\s+)?{_EN_MONTH}\b")),
    ("hour", re.compile(r"\b([0-9]{1,3})\s*o'?\s*clock\b")),
    ("clock", re.compile(r"\b([0-9]{1,3}):([0-9]{2})\b")),
    ("span", re.compile(r"\b(?:an|one)\s+(hour|day|week|year)\s+(?:only\s+|just\s+)?(?:has|had|is|was)\s+([0-9]+)\s+"
                        r"(minutes|hours|days|months)\b")),
)
_EN_WORDS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty-five": 25, "twenty five": 25, "twenty-six": 26,
             "twenty six": 26, "twenty-seven": 27, "twenty seven": 27, "thirty": 30, "thirty-one": 31, "thirty one": 31,
             "thirtieth": 30, "thirty-first": 31, "thirty first": 31, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_SPAN_HOLDS = {("hour", "minutes"): 60, ("day", "hours"): 24, ("week", "days"): 7, ("year", "months"): 12,
                  ("year", "days"): 366}

_KO_PATTERNS = (
    # … not the year-end tax refund, "the 13th month's pay" (13월의 월급)
    ("month", re.compile(r"(?<![0-9])([0-9]{1,3})\s*월(?!급|세|요|말|초|부터|\s*의\s*월급)")),
    ("day", re.compile(r"(?<![0-9])([0-9]{1,3})\s*월\s*([0-9]{1,3})\s*일")),
    ("hour", re.compile(r"(?<![0-9])([0-9]{1,3})\s*시(?!간|즌|장|청|험|설|작|키|켜|기|스템|식|절|계|내|대)")),
    ("minute", re.compile(r"(?<![0-9])([0-9]{1,3})\s*시\s*([0-9]{1,3})\s*분")),
)


def zh_number(s: str) -> float | None:
    """Arabic or Chinese numerals (三百, 十万, 两, 半, 1.5) as a number; None when unreadable."""
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", s):
        return float(s)
    if s == "半":
        return 0.5
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, section, num = 0, 0, 0
    for ch in s:
        if ch in digits:
            num = digits[ch]
        elif ch in units:
            section += (num or 1) * units[ch]
            num = 0
        elif ch == "万":
            total += (section + num) * 10000
            section, num = 0, 0
        else:
            return None
    return float(total + section + num)


def _day_past_month(month: float | None, day: float | None) -> bool:
    return month is not None and day is not None and 1 <= month <= 12 and day > _MONTH_DAYS[int(month) - 1]


def _zh(text: str) -> list[tuple[int, str]]:
    out = []
    for kind, rx in _ZH_PATTERNS:
        for m in rx.finditer(text):
            groups = [g for g in m.groups() if g is not None]
            if kind == "month":
                bad = (n := zh_number(groups[0])) is not None and n > 12
            elif kind == "day":
                bad = _day_past_month(zh_number(groups[0]), zh_number(groups[1]))
            elif kind == "hour":
                bad = (n := zh_number(groups[0])) is not None and n > 24
            elif kind == "minute":
                bad = (n := zh_number(groups[1])) is not None and n >= 60 and (zh_number(groups[0]) or 0) <= 24
            elif kind == "weekday":
                bad = groups[0] not in ("日", "天") and (groups[0] in "八九十零〇" or int(groups[0]) > 7 or
                                                       int(groups[0]) == 0)
            elif kind == "span":
                holds = _SPAN_HOLDS.get((groups[0], groups[2]))
                bad = holds is not None and (n := zh_number(groups[1])) is not None and n > holds
            else:                 # negative
                bad = True
            if bad:
                out.append((m.start(), m.group(0).lstrip("凌晨早上早晨上午中午下午傍晚晚上夜里半夜深夜号日天的")
                            if kind == "hour" else m.group(0)))
    return out


def _en_number(s: str) -> int | None:
    s = s.strip().lower()
    return int(s) if s.isdigit() else _EN_WORDS.get(s)


def _en(text: str) -> list[tuple[int, str]]:
    low = text.lower()
    for word, n in sorted(_EN_WORDS.items(), key=lambda kv: -len(kv[0])):     # twenty-six o'clock → 26 o'clock
        low = re.sub(rf"\b{word}\b", str(n), low)
    out = []
    for kind, rx in _EN_PATTERNS:
        for m in rx.finditer(low):
            g = m.groups()
            if kind == "day":
                month, day = (g[0], g[1]) if g[0] in _EN_MONTHS else (g[1], g[0])
                bad = _day_past_month(_EN_MONTHS.index(month) + 1, _en_number(day))
            elif kind == "hour":
                bad = (n := _en_number(g[0])) is not None and n > 24
            elif kind == "clock":
                bad = int(g[0]) > 24 or int(g[1]) >= 60
            else:
                holds = _EN_SPAN_HOLDS.get((g[0], g[2]))
                bad = holds is not None and int(g[1]) > holds
            if bad:
                out.append((m.start(), m.group(0)))
    return out


def _ko(text: str) -> list[tuple[int, str]]:
    out = []
    for kind, rx in _KO_PATTERNS:
        for m in rx.finditer(text):
            g = [int(x) for x in m.groups()]
            bad = kind == "month" and g[0] > 12 or kind == "day" and _day_past_month(g[0], g[1]) or \
                kind == "hour" and g[0] > 24 or kind == "minute" and g[1] >= 60 and g[0] <= 24
            if bad:
                out.append((m.start(), m.group(0)))
    return out


def impossible_dates(text: str, language: str) -> list[str]:
    """The dates and clock times in `text` that cannot exist, as said, in the order said, each once: a month past the
    twelfth, a day past its month's end, an hour past 24, minutes past 60 in a clock time, a weekday past the seventh,
    a span said to hold more than it does (一个小时有七十分钟), time, counts or money below nothing (用了负五分钟, 投诉了
    负三次) and a task done in no time (用了零秒; Chinese).
    `language` is "zh", "en" or "ko"; any other reads nothing."""
    reader = {"zh": _zh, "en": _en, "ko": _ko}.get(language)
    if reader is None or not text:
        return []
    found = sorted(reader(text))
    return list(dict.fromkeys(said for _, said in found))
