"""Time saved told as a result (Chinese): a job that took longer before and takes less after the
candidate's change — 以前要两个小时，后来半小时就好了; 原来半天的活一个小时就做完了; 手工复制粘贴要一个多小时…
做成模板以后每天十分钟就弄完了; 每天能省一个小时 (honest17).

Such a before → after is what an efficiency competency (效率意识, 时间管理, 提高效率…) asks for, told in the
candidate's numbers instead of HR's words (效率, 节省时间), and its durations are concrete facts of the story,
not numbers decorating a verb (沟通了5次).

    savings(clauses, keep) -> list[Saving]

`clauses` are the answer's clauses as token lists (features._clause_tokens), `keep` which of them count.
A saving is read when
- a duration D1 is told as how it was (以前/原来/之前/本来/过去/原先/手工/一开始… in its clause or one of the two
  before it), and a later duration D2 ≤ 0.7 × D1, in the same clause after it or in one of the next four,
  is told as how it became (后来/现在/以后/之后/就/只要/只用/缩短/降到…) with the job done (完, 好, 搞定,
  出来, 完成…) or the change named (缩短, 减少, 降到); or
- a duration is told as saved (省了/省下/节省/节约/少花/提前 + D, 快了 + D), not negated.
Durations: a number (digits or Chinese numerals, 半, 一个半, 一个多) + 秒/分钟/小时/钟头/天/周/星期/礼拜/个月, or
半天/大半天/一上午/一下午/一晚上/一整天/一刻钟; 第二天 is a date, not a duration. Minutes are compared
(a day of work is 8 hours). Not a saving: a duration said once (以前要两个小时的活，现在很快就做完了), longer after
(后来要三个小时), a trip not a job (现在十分钟就到了), a negated saving (没省多少时间), a promise (以后我争取半小时就能好; 十分钟就能弄完 is what the job now takes)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_UNITS = {"秒": 1 / 60, "秒钟": 1 / 60, "分钟": 1, "小时": 60, "钟头": 60, "天": 480, "周": 2400, "星期": 2400,
          "礼拜": 2400, "个月": 10000, "月": 10000}
_NUM = r"[0-9.零〇一二两三四五六七八九十百千]+"
_DURATION = re.compile(
    r"(?P<fixed>大半天|半天|一上午|一下午|一晚上|一早上|一整天|整整一天|一刻钟|半个?钟头|半个?小时|半个?月)"
    r"|(?<!第)(?P<num>" + _NUM + r")(?P<ge>个)?(?P<more>多)?(?P<half>半)?(?:个)?(?P<unit>秒钟|秒|分钟|小时|钟头|天|周|星期|礼拜|个月)")
_FIXED = {"大半天": 300, "半天": 240, "一上午": 240, "一下午": 240, "一晚上": 240, "一早上": 180, "一整天": 480,
          "整整一天": 480, "一刻钟": 15, "半钟头": 30, "半个钟头": 30, "半小时": 30, "半个小时": 30, "半月": 5000,
          "半个月": 5000}

BEFORE = ("以前", "原来", "之前", "本来", "过去", "原先", "以往", "往常", "平常", "手工", "手动", "一开始", "刚开始",
          "老办法", "没用", "之前")
AFTER = ("后来", "现在", "以后", "之后", "改成", "变成", "缩短", "减少", "降到", "降低到", "只要", "只用", "只需",
         "只花", "就", "才", "不到", "压到", "提速")
DONE = ("完", "好", "搞定", "出来", "完成", "结束", "缩短", "减少", "降到", "压到", "弄清", "对上", "交")
SAVED = re.compile(r"(省了|省下|省出|节省了?|节约了?|少花了?|快了|提前了?)(?:差不多|将近|大概|至少|近)?$")
NEGATORS = ("不", "没", "别", "未")
PROMISE = ("争取", "希望", "打算", "应该", "准备", "想要", "计划")


@dataclass
class Saving:
    """One time saving: the clause(s) and token ids of its durations, and the answer's words for it."""
    clauses: tuple        # clause indexes, before first
    token_ids: frozenset  # id() of the tokens that make up the durations
    quote: str            # the answer's own words: "两个小时…半小时" or "省了一个小时"
    before_min: float | None
    after_min: float


def _number(text: str) -> float | None:
    """A Chinese or Arabic number: 三 → 3, 十五 → 15, 二十 → 20, 一百二 → 120, 1.5 → 1.5."""
    if re.fullmatch(r"[0-9.]+", text):
        try:
            return float(text)
        except ValueError:
            return None
    total, current = 0, 0
    for c in text:
        if c in _DIGITS:
            current = _DIGITS[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "千":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return float(total + current)


def durations(text: str) -> list[tuple[int, int, float]]:
    """(start, end, minutes) of each duration in `text` (a clause's joined tokens)."""
    out = []
    for m in _DURATION.finditer(text):
        if m.group("fixed"):
            out.append((m.start(), m.end(), float(_FIXED[m.group("fixed")])))
            continue
        n = _number(m.group("num"))
        if n is None or n <= 0:
            continue
        if m.group("half"):
            n += 0.5
        out.append((m.start(), m.end(), n * _UNITS[m.group("unit")]))
    return out


def _negated_before(text: str, at: int) -> bool:
    return any(n in text[max(0, at - 4):at] for n in NEGATORS)


def savings(clauses: list, keep: list) -> list[Saving]:
    """Every time saving the counted clauses tell (see the module docstring)."""
    texts, spans = [], []
    for toks in clauses:
        pos, offs = 0, []
        for t in toks:
            offs.append((pos, pos + len(t.text), t))
            pos += len(t.text)
        texts.append("".join(t.text for t in toks))
        spans.append(offs)

    def tokens(ci: int, a: int, b: int) -> set:
        return {id(t) for s, e, t in spans[ci] if s < b and e > a}

    found: list[Saving] = []
    used: set = set()
    counted = [0 <= ci < len(keep) and keep[ci] for ci in range(len(clauses))]
    durs = [durations(texts[ci]) if counted[ci] else [] for ci in range(len(clauses))]
    for ci, ds in enumerate(durs):
        text = texts[ci]
        for a, b, minutes in ds:
            # 每天能省一个小时, 提前了两天: a duration told as saved
            m = SAVED.search(text[:a])
            if m and not _negated_before(text, m.start()) and (ci, a) not in used:
                used.add((ci, a))
                found.append(Saving((ci,), frozenset(tokens(ci, a, b)), text[m.start():b], None, minutes))
                continue
            # how it was: a marker in this clause before the duration or in one of the two before it
            before = any(w in text[:a] for w in BEFORE) or any(
                counted[c] and any(w in texts[c] for w in BEFORE) for c in (ci - 1, ci - 2) if c >= 0)
            if not before or (ci, a) in used:
                continue
            for cj in range(ci, min(len(clauses), ci + 5)):
                if not counted[cj]:
                    continue
                for a2, b2, minutes2 in durs[cj]:
                    if cj == ci and a2 <= a:
                        continue
                    if minutes2 > 0.7 * minutes:
                        continue
                    tail = texts[cj][a2:] if cj != ci else texts[cj][b:]
                    head = texts[cj][:a2] if cj != ci else texts[cj][b:a2]
                    if not any(w in head + tail for w in AFTER):
                        continue
                    if not any(w in tail for w in DONE) or any(p in texts[cj] for p in PROMISE) or \
                            _negated_before(texts[cj], a2):
                        continue
                    used.update({(ci, a), (cj, a2)})
                    ids = tokens(ci, a, b) | tokens(cj, a2, b2)
                    found.append(Saving((ci, cj), frozenset(ids), f"{text[a:b]}…{texts[cj][a2:b2]}", minutes,
                                        minutes2))
                    break
                else:
                    continue
                break
    return found


# competencies a time saving shows: their name or HR's keywords speak of efficiency or time
EFFICIENCY_WORDS = ("效率", "省时", "节省时间", "节约时间", "时间管理", "提速", "速度", "高效", "快速", "省时间")


def efficiency_competency(name: str, keywords) -> bool:
    """True when the competency (its name or one of HR's keywords) is about working faster."""
    return any(w in (name or "") for w in EFFICIENCY_WORDS) or \
        any(w in (k or "") for k in keywords or () for w in EFFICIENCY_WORDS)
