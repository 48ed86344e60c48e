"""The situation a story or situational question asks about, and whether the answer tells one.

    asked(question_text) -> list[Focus]      the question's focus families (empty when none is clear)
    touched(answer_text, foci) -> bool       whether any part of the answer tells one of them

A behavioural question asks for a story *about something*: a disagreement with a colleague, an upset or
complaining customer, an urgent job against the clock, a mistake, a fault not yet found, a safety risk. A rehearsed story written for
another question (the warehouse rush told on 讲一次你和同事意见不一致的经历) is concrete and first-person, so the
model rates it high; what it lacks is the situation asked about. Each family has the question's wording that
names it (`ask`) and the wide family of words an answer uses to tell it in its own words (`tell`: 我跟她想法不
一样, 他在收银台骂人, 当天下午就要, 我拿错了…) — wide on purpose: an honest answer, however vague, dialectal or
unpunctuated, says something of the situation it was asked about; a story from another question says none of
it. Only Chinese (the families are Chinese words); the bound is off when the question names no family.
Measured (sets a–g and the moved stories of bench.scoring): see docs/scoring.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Focus:
    key: str
    name: str          # what the question asked about, in the candidate's and HR's words
    ask: re.Pattern
    tell: re.Pattern


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts))


FAMILIES = (
    Focus("disagreement", "和别人意见不一致",
          _rx(r"意见不(一致|同|合)", r"分歧", r"争执", r"争吵", r"吵架", r"矛盾", r"冲突", r"看法不(一样|同)",
              r"想法不(一样|同)", r"不同意(你|你的)", r"闹别扭"),
          _rx(r"意见", r"分歧", r"不一致", r"不一样", r"不同意", r"同意", r"争", r"吵", r"矛盾", r"冲突", r"看法",
              r"想法", r"主意", r"反对", r"认同", r"赞成", r"说服", r"别扭", r"不服", r"坚持", r"各(有|说|执)",
              r"觉得.{0,12}(不对|不行|不好|不合适|应该)", r"(说|讲)不到一(块|起)", r"不高兴", r"生气", r"红脸",
              r"顶", r"较劲", r"僵", r"商量", r"沟通", r"谈", r"妥协", r"让步", r"听(她|他|我)的", r"按(她|他|我)的")),
    Focus("upset", "顾客不满、投诉或情绪激动",
          _rx(r"不满", r"投诉", r"生气", r"发火", r"吵闹", r"大声", r"闹", r"激动", r"抱怨", r"差评", r"骂",
              r"不高兴", r"情绪", r"找麻烦", r"刁难", r"难缠", r"不讲理", r"火气", r"气愤", r"不耐烦", r"吵"),
          _rx(r"不满", r"投诉", r"气", r"火", r"吵", r"闹", r"嚷", r"喊", r"激动", r"抱怨", r"埋怨", r"差评", r"骂",
              r"不(太|怎么|是很)?(高兴|满意|喜欢|对)", r"太", r"嗓门", r"冲", r"情绪", r"不耐烦", r"急", r"嫌", r"怪", r"麻烦", r"难缠", r"凶", r"哭", r"道(了个?)?歉", r"歉", r"对不起",
              r"不好意思", r"抱歉", r"安抚", r"消气", r"冷静", r"平静", r"别着急", r"理解", r"委屈", r"态度",
              r"不(满意|愿意|同意|接受|肯|干|行)", r"退(钱|款|货)", r"赔", r"补偿", r"说法", r"质问", r"拍桌",
              r"大声", r"脸色", r"等(了)?(太|很|好)?久", r"催")),
    Focus("urgent", "时间很紧、要赶时间",
          _rx(r"紧急", r"时间(很|特别|非常|比较)?紧", r"加急", r"急(单|活|件)", r"赶(工|活|进度|单)",
              r"很短(的)?时间", r"来不及", r"要超时", r"截止"),
          _rx(r"急", r"紧", r"赶", r"来不及", r"截止", r"期限", r"之前", r"以前", r"前(要|得|必须|发|送|交|完|做)",
              r"超时", r"(点|门|天|车)前", r"[0-9一二三四五六七八九十两半]+点", r"来了.{0,6}(单|件|箱|份|桌|位|个)",
              r"(做|干|赶|弄|忙|送|发)完", r"一早", r"早上", r"就要", r"准时", r"按时", r"及时", r"时间", r"小时", r"分钟", r"钟头", r"点(前|之前|以前|钟)",
              r"(当|今|明|第二)天", r"马上要", r"快(要)?(到|来|开)", r"催", r"加班", r"熬", r"通宵", r"凌晨",
              r"半夜", r"高峰", r"忙", r"突然", r"临时", r"一下子", r"多了", r"很多", r"大量", r"抓紧", r"尽快",
              r"速度", r"快", r"效率")),
    Focus("mistake", "出错或失误",
          _rx(r"出(了)?(错|差错)", r"差错", r"失误", r"(搞|弄|做|拿|算|记|发)错", r"疏忽"),
          _rx(r"错", r"失误", r"疏忽", r"漏", r"忘", r"问题", r"不对", r"坏", r"没(做|弄|搞)好", r"返工", r"补救",
              r"纠正", r"改正", r"弥补", r"重(新)?做", r"少(了)?", r"多(了)?", r"差(了)?", r"对不上", r"不一样",
              r"毛病", r"不小心", r"粗心", r"道歉", r"责任", r"发现", r"检查", r"核对")),
    Focus("fault", "一时找不到原因的故障",
          _rx(r"故障", r"找不到原因", r"排查"),
          _rx(r"故障", r"毛病", r"原因", r"问题", r"坏", r"查", r"测", r"试", r"换", r"拆", r"修", r"不(亮|转|响|通|动|灵|行)",
              r"异响", r"漏", r"短路", r"接触", r"报错", r"死机", r"断")),
    Focus("safety", "安全问题或危险",
          _rx(r"安全", r"危险", r"事故", r"隐患", r"违反.{0,4}规定", r"违规", r"受伤"),
          _rx(r"安全", r"危险", r"险", r"伤", r"摔", r"滑", r"倒", r"碰", r"砸", r"掉", r"事故", r"隐患", r"规定", r"救", r"呛", r"溺", r"沉", r"抽筋", r"不动", r"晕", r"血", r"烫", r"割", r"扎", r"撞", r"跌", r"病",
              r"报警", r"120",
              r"违规", r"防护", r"(戴|系|穿|挂)", r"绳", r"扣", r"小心", r"提醒", r"制止", r"阻止", r"劝", r"禁止",
              r"不(能|准|许|让)", r"着火", r"火", r"电", r"烟", r"检查", r"稳", r"牢", r"固定", r"风险", r"出事")),
)


def asked(question_text: str | None) -> list[Focus]:
    """The focus families the question names (normalised Chinese text); [] when it names none."""
    text = question_text or ""
    if re.search(r"或|还是", text):
        return []    # one situation among others (不满意，或者临时改要求): the focus is not clear
    return [f for f in FAMILIES if f.ask.search(text)]


def touched(answer_text: str | None, foci: list[Focus]) -> bool:
    """Whether the answer says any word of any of the question's families (True when there is no focus)."""
    if not foci:
        return True
    text = answer_text or ""
    return any(f.tell.search(text) for f in foci)
