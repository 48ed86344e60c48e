"""The situation a story or situational question asks about, and whether the answer tells one.

    asked(question_text) -> list[Focus]      the question's focus families (empty when none is clear)
    touched(answer_text, foci) -> bool       whether any part of the answer tells one of them
    tells_happened(text, foci) -> bool       whether a clause tells in narrow words that the situation happened
    event_words(question_text) -> set        the question's own words for its situation's event (打不着火, 卡住)
    situations(question_text) -> list[str]   the situation classes (SITUATIONS) the question asks about
    other_situation(answer, question) -> (asked, told) | None
                                             the answer tells clearly another situation than the one asked
                                             (models/scorer/situation-zh.json, fitted by models/scorer/situation.py),
                                             read whole and without the clauses that only name the asked one
    without_naming(answer, question) -> str | None
                                             the answer without those clauses (at most NAMED_SHARE of its words)

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

import functools
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Focus:
    key: str
    name: str          # what the question asked about, in the candidate's and HR's words
    ask: re.Pattern
    tell: re.Pattern
    # the narrower words that tell the situation happened, not merely a word of its family (a mistake: 订错了, 是我的问题,
    # 装反了 — not 坏 or 发现, which a warehouse rush says too): what vouches a story against being read as another
    # question's (answer.tells_asked); None: `tell` vouches
    vouch: re.Pattern | None = None
    # the situation is no part of the job alone (learning something new): an answer telling it in the family's narrow words
    # answers the question wherever it happened, so the off-topic reader's "private life" does not bound it (answer.py)
    any_setting: bool = False


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts))


# Words that name an upset person only when the same clause of the question names a person (难缠的顾客, 客人在大堂
# 吵闹, 老人情绪激动): alone they describe a thing as well (一个难缠的bug, 机器吵, 情绪稳定的系统) — breaker H4.
_PERSON = r"(顾客|客户|客人|业主|车主|家长|学员|观众|访客|老人|病人|患者|住户|租客|买家|乘客|同事|领导|人|他|她|对方|阿姨|大爷|大姐)"
_PERSON_BOUND = (rf"{_PERSON}[^，。？！；,?!;]{{0,8}}(难缠|刁难|找麻烦|不讲理|闹|吵|大声|情绪)|"
                 rf"(难缠|刁难|找麻烦|不讲理|闹|吵|大声|情绪)[^，。？！；,?!;]{{0,4}}(的)?{_PERSON}")


# A complaint told as what the customer said was wrong (客人说汤凉了, 顾客嫌菜太咸, 客户反映少发了一件; breaker 17): a
# person who says, finds or reports a fault in what they got, without 投诉 or 生气 said
# … and any word ending in 客 (the recogniser's homophones of 顾客: 故客, 雇客; breaker 19)
_FAULT_PERSON = _PERSON[:-1] + r"|阿姐|大哥|大叔|大妈|小姐|先生|女士|小伙子|姑娘|用户|会员|\w客)"
# Whom a candidate serves (the customer family's tell): _FAULT_PERSON without colleagues, bosses and bare pronouns — a
# warehouse rush with 两个同事 names no customer (session 43)
# (and whom a domestic worker, a tutor or a carer serves: 雇主, 东家, 主家, 户主 — breaker 45's h37, a housekeeper's
# repair for her employer, was capped at 35 as telling no customer)
_CUSTOMER = (r"(顾客|客户|客人|业主|车主|家长|学员|观众|访客|老人|病人|患者|住户|租客|买家|乘客|阿姨|大爷|大姐|阿姐|大哥|"
             r"大叔|大妈|小姐|先生|女士|小伙|姑娘|男的|女的|用户|会员|雇主|东家|主家|户主|\w客)")
# The customer family's tell, narrowed where a word told a story with no one served (breaker 45): 客服 is the shop's
# staff, not a homophone of 顾客 (the candidate's own online return, g02); 买 in a clause the candidate or the boss says is
# their own buying (我先去批发市场买了三百个气球, g41), 满意 said of the boss is not a customer's (老板很满意), and 换了
# alone is any replacement (换了一块硬盘 in a till repair, g01)
_CUSTOMER_TOLD = _CUSTOMER[:-len(r"\w客)")] + r"\w客(?!服))"
_CLAUSE_PUNCT = "，。！？；,!?;"
_NOT_OWN_CLAUSE = rf"(?:^|[{_CLAUSE_PUNCT}])(?:(?!我|老板|领导|店长|主管|经理|老总)[^{_CLAUSE_PUNCT}])*"
_NOT_BOSS_CLAUSE = rf"(?:^|[{_CLAUSE_PUNCT}])(?:(?!老板|领导|店长|主管|经理|老总)[^{_CLAUSE_PUNCT}])*"
# … and with the person named in the clause before (一个客人在我们饭店吃饭，说鱼被做咸了: breaker 37, bounded at 35)
_FAULT_SAID = (rf"({_FAULT_PERSON}[^，。？！；,?!;]{{0,3}}|(^|[，。？！；,?!;]\s*)(又|还|就|却|非)?)"
               r"(说|话|嫌|反映|讲|发现|找来说|过来说)[^，。？！；,?!;]{0,10}"
               r"(凉|冷|咸|淡|辣|酸|馊|硬|糊|生的|没熟|不熟|不新鲜|坏|破|漏|脏|慢|少|多收|算错|找错|错了|不对|"
               r"头发|虫|苍蝇|异物|过期|变质|腥|异味|怪味|有味|味道不对|难吃|不好吃|没法(吃|喝|用|穿)|吃不下|不是(他|她|我)?(要|点)的|"
               # a job found undone (客户说厨房油烟机没擦干净: breaker 33)
               r"没[^，。？！；,?!;]{0,3}干净|不干净|没(做|弄|搞|修|装|擦|洗|扫)好|不(满意|行|对劲))")


FAMILIES = (
    # (named for both of what its `ask` covers: a disagreement and a conflict — 两个孩子发生冲突 asks how a fight between
    # others was handled, and its stories tell that fight in deeds: 抢一支彩笔，推了一下, 扭打, 拉开; breaker 26 had
    # such answers bounded at 35 for "telling no disagreement")
    Focus("disagreement", "意见不一致、矛盾或冲突",
          _rx(r"意见不(一致|同|合)", r"分歧", r"争执", r"争吵", r"吵架", r"矛盾", r"冲突", r"看法不(一样|同)",
              r"想法不(一样|同)", r"不同意(你|你的)", r"闹别扭"),
          _rx(r"意见", r"分歧", r"不一致", r"不一样", r"不同意", r"同意", r"争", r"吵", r"矛盾", r"冲突", r"看法",
              r"想法", r"主意", r"反对", r"认同", r"赞成", r"说服", r"别扭", r"不服", r"坚持", r"各(有|说|执)",
              r"觉得.{0,12}(不对|不行|不好|不合适|应该)", r"(说|讲)不到一(块|起)", r"不高兴", r"生气", r"红脸",
              r"顶", r"较劲", r"僵", r"商量", r"沟通", r"谈", r"妥协", r"让步", r"听(她|他|我)的", r"按(她|他|我)的",
              # a conflict told in deeds, and its mediation
              r"抢", r"推", r"打(架|起来|了起来|人|了)", r"动手", r"扭打", r"撕扯", r"拉扯", r"拉开", r"分开", r"劝",
              r"和好", r"调解", r"道(了个?)?歉", r"对不起", r"欺负", r"骂", r"闹")),
    Focus("upset", "顾客不满、投诉或情绪激动",
          _rx(r"不满", r"投诉", r"生气", r"发火", r"激动", r"抱怨", r"差评", r"骂", r"不高兴", r"火气", r"气愤",
              r"不耐烦", _PERSON_BOUND),
          _rx(r"不满", r"投诉", r"气", r"火", r"吵", r"闹", r"嚷", r"喊", r"激动", r"抱怨", r"埋怨", r"差评", r"骂",
              r"不(太|怎么|是很)?(高兴|满意|喜欢|对)", r"太", r"嗓门", r"冲", r"情绪", r"不耐烦", r"急", r"嫌", r"怪", r"麻烦", r"难缠", r"凶", r"哭", r"道(了个?)?歉", r"歉", r"对不起",
              r"不好意思", r"抱歉", r"安抚", r"消气", r"冷静", r"平静", r"别着急", r"理解", r"委屈", r"态度",
              r"不(满意|愿意|同意|接受|肯|干|行)", r"退(钱|款|货)", r"赔", r"补偿", r"说法", r"质问", r"拍桌",
              r"大声", r"脸色", r"等(了)?(太|很|好)?久", r"催", _FAULT_SAID,
              # a short weight, a return, a garment's fault, grumbling (秤不准少给他二两肉, 穿了一次就跑毛来店里要退,
              # 大爷还是嘟囔: breaker 37, both bounded at 35 for telling no complaint)
              r"不准", r"少给", r"缺斤|短斤", r"嘟囔", r"要(求)?退", r"退换", r"跑毛|掉毛|起球|褪色|掉色|开线|开胶")),
    Focus("urgent", "时间很紧、要赶时间",
          _rx(r"紧急", r"时间(很|特别|非常|比较)?紧", r"加急", r"急(单|活|件)", r"赶(工|活|进度|单)",
              r"很短(的)?时间", r"来不及", r"要超时", r"截止"),
          _rx(r"急", r"紧", r"赶", r"来不及", r"截止", r"期限", r"之前", r"以前", r"前(要|得|必须|发|送|交|完|做)",
              r"超时", r"(点|门|天|车)前", r"[0-9一二三四五六七八九十两半]+点", r"来了.{0,6}(单|件|箱|份|桌|位|个)",
              r"(做|干|赶|弄|忙|送|发)完", r"一早", r"早上", r"就要", r"准时", r"按时", r"及时", r"时间", r"小时", r"分钟", r"钟头", r"点(前|之前|以前|钟)",
              r"(当|今|明|第二)天", r"马上要", r"快(要)?(到|来|开)", r"催", r"加班", r"熬", r"通宵", r"凌晨",
              r"半夜", r"高峰", r"忙", r"突然", r"临时", r"一下子", r"多了", r"很多", r"大量", r"抓紧", r"尽快",
              r"速度", r"快", r"效率",
              # a deadline told as its span (三天内要交十吨玉米, 只给了两个小时, 限期一周: breaker 29)
              r"[0-9一二三四五六七八九十两几半]+(个)?(天|小时|钟头|分钟|周|星期|礼拜|月)(内|之内|以内|里头?)",
              r"限(期|时)", r"只(给|有|剩)了?[0-9一二三四五六七八九十两几半]+(个)?(天|小时|钟头|分钟|周|星期)")),
    Focus("mistake", "出错或失误",
          # (a mistake asked in everyday words too: 犯错的经历, 犯了错误, 出过错, 搞砸 — breaker 45's honest mistake stories on
          # 讲一次你在工作中犯错的经历 were read against other roles' questions and capped at 45)
          _rx(r"出(了|过)?(错|差错|岔子|纰漏)", r"差错", r"失误", r"(搞|弄|做|拿|算|记|发)错", r"疏忽",
              r"犯(了|过)?(个|一次|一个|什么)?(小)?(错|过失)", r"(搞|弄)砸", r"闯(了|过)?祸"),
          _rx(r"错", r"失误", r"疏忽", r"漏", r"忘", r"问题", r"不对", r"坏", r"没(做|弄|搞)好", r"返工", r"补救",
              r"纠正", r"改正", r"弥补", r"重(新)?做", r"少(了)?", r"多(了)?", r"差(了)?", r"对不上", r"不一样",
              r"毛病", r"不小心", r"粗心", r"道歉", r"责任", r"发现", r"检查", r"核对",
              # (breaker 49: 把红色的发成了蓝色的…道了歉, 把积分输到别人的卡上了, 把外卖送到了隔壁小区 — capped at 35 as telling no
              # mistake)
              r"道(了个?)?歉", r"成了", r"没(看|听|问|数|核|对)(仔细|清楚|清|准|对)", r"补(发|做|上|送|寄|了)", r"赔",
              r"别人的", r"隔壁", r"(送|发|端|拿|输|记|寄|放|下|转)(到|给|进)了?(隔壁|别人|别的|另)"),
          _rx(r"[订算看写记拿发放报开输打填搞弄听抄配找装贴标收点数称按读念上]错", r"错(了|的|成)", r"失误", r"疏忽",
              r"(我|自己)的(错|问题|责任|锅|不对|过失)", r"怪我", r"[装弄放贴摆穿拿寄发]反", r"(弄|搞|记|看|拿)混",
              r"多(找|收|发|给|算|扣|放)了?", r"少(找|收|发|给|算|装|放)了?", r"漏(了|掉|发|装|填|写|算|打|放|看)",
              r"忘(了|记)", r"没(看|听|问|数|核|对)(清|准|对)", r"粗心", r"马虎", r"大意", r"(搞|弄)砸", r"闯(了)?祸",
              # … or what the candidate did caused the trouble (我把测试环境的config推到了production，导致登录挂了: breaker 48's
              # h57, capped at 45 as another question's story)
              r"(我|自己)[^。！？]{0,30}(导致|害得|造成了)",
              # … or sent, entered or served to someone else's (把外卖送到了隔壁小区, 把积分输到别人的卡上了: breaker 49's h18, h54)
              r"(送|发|端|拿|输|记|寄|放|下|转|充)(到|给|进)了?(隔壁|别人|别的|另一|旁边)")),
    # (named for what every question matching `ask` asks — a device or system failing —, not 一时找不到原因的故障:
    # "排查汽车打不着火" asks for no hard-to-find cause, and HR read the reason as misquoting the question: breaker 21)
    Focus("fault", "设备或系统出故障",
          _rx(r"故障", r"找不到原因", r"排查", r"(?<![a-z])bug", r"报错", r"死机"),
          _rx(r"故障", r"毛病", r"原因", r"问题", r"坏", r"查", r"测", r"试", r"换", r"拆", r"修", r"不(亮|转|响|通|动|灵|行)",
              # the failure and the fix in a mechanic's words, dialect too (打不燃, 松起的, 拧紧, 电压才十一伏: breaker 21)
              r"打不(着|燃|起)", r"(着|燃)不(了|起)", r"没电", r"电压", r"松", r"拧", r"紧固", r"接头", r"接线",
              r"异响", r"漏", r"短路", r"接触", r"报错", r"死机", r"断",
              # a machine that stopped, a relay that tripped, a motor too hot to touch (hyponyms-b: 空压机下午突然停了)
              r"停(了|机|转)", r"跳(了|闸)", r"烫", r"不(工作|运转|出气|出水|制冷|加热)",
              # a software fault told in its own words (breaker H4: 难缠的bug)
              r"复现", r"日志", r"定位", r"调试", r"断点", r"debug", r"(?<![a-z])log", r"(?<![a-z])bug", r"偶尔", r"重复",
              # an incident told in operations words, Chinese or English (breaker 19: Redis的cache雪崩, QPS冲到两万)
              r"雪崩", r"宕机", r"挂了", r"崩", r"超时", r"告警", r"异常", r"延迟", r"卡死", r"卡住", r"内存", r"回滚",
              r"扩容", r"降级", r"限流", r"熔断", r"止血", r"复盘", r"监控", r"(?<![a-z])qps", r"(?<![a-z])cpu",
              r"(?<![a-z])timeout", r"(?<![a-z])error", r"(?<![a-z])crash", r"(?<![a-z])outage", r"(?<![a-z])500")),
    Focus("safety", "安全问题或危险",
          _rx(r"安全", r"危险", r"事故", r"隐患", r"违反.{0,4}规定", r"违规", r"受伤"),
          _rx(r"安全", r"危险", r"险", r"伤", r"摔", r"滑", r"倒", r"碰", r"砸", r"掉", r"事故", r"隐患", r"规定", r"救", r"呛", r"溺", r"沉", r"抽筋", r"不动", r"晕", r"血", r"烫", r"割", r"扎", r"撞", r"跌", r"病",
              r"报警", r"120",
              r"违规", r"防护", r"(戴|系|穿|挂)", r"绳", r"扣", r"小心", r"提醒", r"制止", r"阻止", r"劝", r"禁止",
              r"不(能|准|许|让)", r"着火", r"火", r"电", r"烟", r"检查", r"稳", r"牢", r"固定", r"风险", r"出事")),
    # learning something new in a short time (讲一次你在短时间内学会一项新技能的经历): a barista's latte art practised before
    # opening was read as a hobby by the off-topic reader and scored 0 (breaker 48's h39, h49, h58)
    Focus("learning", "学会新的技能或东西",
          _rx(r"学会", r"新技能", r"新技术", r"新(东西|软件|系统|设备|工具|知识)", r"很快上手", r"学习.{0,6}(经历|能力)"),
          _rx(r"学", r"练", r"会了", r"不会", r"不懂", r"上手", r"第一次", r"掌握", r"熟练", r"教程", r"请教", r"视频", r"教",
              r"跟着", r"书", r"课", r"笔记", r"摸索", r"琢磨", r"试", r"弄懂", r"搞懂", r"明白", r"会用", r"能自己",
              # (breaker 49's h14: 我之前只会jQuery…把官方文档过了一遍，照着做了个小应用 — capped at 35 as telling no learning)
              r"只会", r"文档", r"照着", r"入门", r"熟悉", r"没(学|接触|用|做|碰)过", r"考(了|到|下|出)", r"证", r"新的"),
          _rx(r"学会", r"学了", r"练了", r"练会", r"练熟", r"[每天]天[^，。]{0,10}练", r"反复练", r"自学", r"请教",
              r"不会[^。]{0,30}(现在|后来|终于|第一次|就能|能自己|学会)", r"能自己", r"上手了", r"掌握了",
              r"第一次[^，。]{0,6}(出|做|成功|拉|独立)", r"(看|跟着)[^，。]{0,6}(视频|教程|书)[^，。]{0,4}学"),
          any_setting=True),
    # helping, serving or receiving a customer (讲一次你帮助顾客解决问题的经历; not a customer who helps another: 说是帮他
    # 爸爸买的; not a learner, a patient or an old person helped, whose stories name them 她 alone: 她数学一直不及格，我每天放学
    # 陪她…): told by anyone the candidate served —
    # a person named or pointed at, a table or party counted, someone buying or ordering. A story with no one in it
    # (上个月仓库来了三百箱货…第二天上午十点全部发完: 74.4 on that question, session 42) is another job's story
    Focus("customer", "顾客或客人的事",
          _rx(r"(帮|帮助|服务|接待|招呼|照顾)[^，。？！；,?!;他她]{0,3}(顾客|客户|客人|买家|宾客|游客|乘客|住户|租客|业主|车主|"
              r"访客)"),
          _rx(_CUSTOMER_TOLD, r"有人", r"别人", r"人家", r"谁", r"[0-9一二三四五六七八九十两几]+(位|桌|个人|家人|口人)", r"有(个|位)",
              r"一家", _NOT_OWN_CLAUSE + r"买", r"(换|退)(货|款|钱)", r"退了", _NOT_BOSS_CLAUSE + r"满意", r"点(了|单|菜|餐)",
              r"订(了|单|餐)", r"来店", r"进店", r"上门", r"小孩", r"孩子", r"朋友",
              r"老人", r"奶奶", r"爷爷", r"叔叔", r"大爷", r"宝宝", r"小朋友", r"学生", r"家属", r"主人")),
)


# A clause of the question that adds a concurrent event to its situation (同时旁边两台娃娃机在报故障, 还有顾客在催你,
# 另外…, 一边…): what it names is one of the things to juggle, not the situation asked about (set v: a lost child
# with two machines faulting beside; a short strong answer about the child was bounded at 35 for telling no fault)
_CONCURRENT = re.compile(r"同时|还有(?!点)|另外|与此同时|一边")


@functools.lru_cache(maxsize=1)
def category_families() -> tuple[Focus, ...]:
    """The categories of trouble a question may name (models/lexicons/zh.json "categories" with a "focus": 病虫害,
    恶劣天气, 停电停水, 货物损坏, 人手不够, 价格变化, 食品安全, 质量问题, 拖欠款项, 诈骗) as focus families: asked by
    their `ask` patterns, told by any pattern of `tell` (wide on purpose, as FAMILIES': 一滴水都没有, 纸太薄), any of
    the category's instances (`words`, `names`) or a noun ending as its instances do (褐斑病, 灰霉病: `endings`). A
    story of the same trade about another trouble (asked about 病虫害, the fertiliser delivered late) tells none of
    them (hyponyms-b: such stories passed at 60 on average)."""
    from . import lexicon

    out = []
    for key, entry in lexicon.load("zh")["categories"].items():
        spec = entry.get("focus") if isinstance(entry, dict) else None
        if not spec:
            continue
        words = sorted({*entry.get("words", ()), *entry.get("names", ())}, key=len, reverse=True)
        tell = list(spec.get("tell", ())) + [re.escape(w) for w in words]      # tell: patterns; words: literal
        if entry.get("endings"):
            tell.append("[\u4e00-\u9fff](?:" + "|".join(map(re.escape, entry["endings"])) + ")")
        out.append(Focus(key, spec["name"], _rx(*spec["ask"]), _rx(*tell)))
    return tuple(out)


def asked(question_text: str | None) -> list[Focus]:
    """The focus families the question names (normalised Chinese text): FAMILIES and category_families(); [] when it
    names none. A family named only in a clause that adds a concurrent event (_CONCURRENT) is not the focus."""
    text = question_text or ""
    if re.search(r"或|还是", text):
        return []    # one situation among others (不满意，或者临时改要求): the focus is not clear
    main = "，".join(c for c in re.split(r"[，。？！；,?!;]", text) if not _CONCURRENT.search(c))
    return [f for f in FAMILIES + category_families() if f.ask.search(main)]


def touched(answer_text: str | None, foci: list[Focus]) -> bool:
    """Whether the answer says any word of any of the question's families (True when there is no focus)."""
    if not foci:
        return True
    text = answer_text or ""
    return any(f.tell.search(text) for f in foci)


# The situation a story or situational question asks about, as classes a fitted reader of the answer knows
# (models/scorer/situation.py labels each answer of the sets with its question's classes and learns the words
# that tell each). Wider than FAMILIES' `ask` (高峰, 很多, 犹豫, 突发…): the classes only say which situation an
# answer's words tell, never bound an answer alone.
SITUATIONS = (
    ("upset", "顾客不满、投诉或情绪激动",
     _rx(r"不满", r"投诉", r"生气", r"发火", r"激动", r"抱怨", r"差评", r"骂", r"纠纷", r"争议", r"找错钱", r"坚持说",
         r"怕被坑", r"担心", _PERSON_BOUND)),
    ("urgent", "时间很紧、活多要赶",
     _rx(r"紧急", r"时间(很|特别|非常|比较|又)?紧", r"加急", r"急(活|单|件)", r"赶(工|急|时间|进度)", r"来不及", r"超时",
         r"很短(的)?时间", r"高峰", r"特别多", r"很多", r"一下子", r"排长队", r"特别忙", r"同时", r"只有.{1,3}(个)?(小时|分钟)",
         r"[0-9一二三四五六七八九十]+点就要")),
    ("mistake", "出错或对不上",
     _rx(r"出(了|过)?(错|差错)", r"差错", r"失误", r"(搞|弄|做|拿|算|记|发|找|设)错", r"对不上", r"不对", r"没弄干净",
         r"没做到位", r"洗坏", r"少了", r"出了问题", r"有问题", r"犯(了|过)?(个|一次|一个|什么)?(小)?(错|过失)", r"(搞|弄)砸")),
    ("fault", "设备或系统出故障",
     _rx(r"故障", r"找不到原因", r"排查", r"不好判断", r"(?<![a-z])bug", r"报错", r"死机", r"充不进电")),
    ("safety", "安全问题或危险",
     _rx(r"安全", r"危险", r"事故", r"隐患", r"违反", r"违规", r"受伤", r"跳水", r"没有大人")),
    ("reluctant", "对方犹豫、拒绝或不配合",
     _rx(r"犹豫", r"拒绝", r"不配合", r"不愿意", r"不肯", r"拿不定主意", r"攻击性", r"说服")),
    ("sudden", "突发情况",
     _rx(r"突发", r"突然", r"停电", r"临时出状况", r"呕吐", r"摔伤", r"发烧")),
)
SITUATION_NAMES = {key: name for key, name, _ in SITUATIONS}
# classes whose stories share their words (a fault found and a mistake made: 发现, 原因, 查, 不对): one told on a
# question about the other is not "clearly another situation" (a software bug told as 缓存没清 reads as a mistake)
NEAR = {"fault": ("mistake",), "mistake": ("fault",),
        # … and a sudden situation is any trouble that comes at once: a machine smoking at night, a fall, an angry
        # customer (session 33: an honest night-shift fire story capped at 45 as "a fault, not 突发情况")
        "sudden": ("fault", "safety", "upset")}
SITUATION_MODEL = Path(__file__).resolve().parents[3] / "models" / "scorer" / "situation-zh.json"
# the question's wording around its situation: the "how did you handle it" clauses and the frame
_HOW = re.compile(r"怎么|怎样|如何|结果|具体")
_FRAME = re.compile(r"^(请)?(你)?(讲|说|谈|分享)(一)?(次|个|下)|^(如果|假设)|的经历|经历")


def tells_happened(text: str | None, foci: list[Focus]) -> bool:
    """Whether a piece of the answer (a clause, in the candidate's own words) tells that the asked situation happened:
    the family's narrow words where it has them (Focus.vouch: 配错的, 没看清, 是我的问题, or for a mistake a mix-up of one kind,
    gates.mixups: 把二十箱矿泉水订成了二十箱苏打水), else the question's own words for it (Focus.ask: 投诉, 故障). Not `tell`,
    which is wide on purpose (坏, 发现, 查)."""
    if not text:
        return False
    from . import gates

    return any((f.vouch or f.ask).search(text) or f.key == "mistake" and bool(gates.mixups(text)) for f in foci)


def situations(question_text: str | None) -> list[str]:
    """The SITUATIONS classes the question (normalised Chinese text) asks about, in SITUATIONS' order."""
    text = question_text or ""
    return [key for key, _, ask in SITUATIONS if ask.search(text)]


def situation_text(question_text: str | None) -> str:
    """The question's own description of its situation: its clauses without the ones asking how it was handled
    (你是怎么处理的，结果怎样) and without the frame (请讲一次…的经历)."""
    parts = [p for p in re.split(r"[，。？！；,.?!;]", question_text or "") if p.strip()]
    kept = [p for p in parts if not _HOW.search(p)] or parts[:1]
    return _FRAME.sub("", "".join(kept))


@functools.lru_cache(maxsize=256)
def event_words(question_text: str | None) -> frozenset[str]:
    """The verbs and adjectives, 2+ characters, of the question's clauses that name its focus (a family's `ask`:
    排查汽车打不着火 of 请讲一次你排查汽车打不着火的经历), as the answer would say them: 打不着火 → {打不着火, 打不着}.
    An answer that says one tells the situation in the question's words, whatever its trade (a mechanic's 打不着,
    a clerk's 卡住), without FAMILIES' `tell` having to list every trade's words. Other clauses of the question
    (身高不够 beside 情绪很激动) describe the setting, not the situation asked about."""
    from .text import normalise, segment

    foci = asked(question_text)
    out = set()
    for part in re.split(r"[，。？！；,.?!;（）()、]", question_text or ""):
        if not any(f.ask.search(part) for f in foci):
            continue
        words = segment(normalise(_FRAME.sub("", part), "zh"), "zh").words
        for k, w in enumerate(words):
            if w.pos[:1] in ("v", "a") and len(w.text) >= 2 and not _HOW.search(w.text):
                # a negated word only with its negator (不满意: 满意 alone tells the opposite)
                word = words[k - 1].text + w.text if k and words[k - 1].text in ("不", "没", "没有") else w.text
                out.add(word)
                if len(word) >= 4:
                    out.add(word[:3])       # 打不着火 said as 打不着
    return frozenset(out)


def situation_words(text: str | None) -> list[str]:
    """The words of a text that carry its meaning (features._meaning_words of its Chinese segmentation)."""
    from . import features
    from .text import normalise, segment

    return features._meaning_words(segment(normalise(text, "zh"), "zh").words, "zh")


def closeness(question_words: list[str], answer_words: list[str]) -> float:
    """How closely the answer's words follow the question's situation: for each word of the situation the
    cosine of the answer's nearest word (meaning.word_vector), averaged; 1.0 without word vectors or words."""
    import numpy as np

    from . import meaning

    q = [v for v in (meaning.word_vector(w) for w in question_words) if v is not None]
    a = [v for v in (meaning.word_vector(w) for w in dict.fromkeys(answer_words)) if v is not None]
    if not q or not a:
        return 1.0
    said = np.stack(a)
    return float(np.mean([np.max(said @ v) for v in q]))


@functools.lru_cache(maxsize=1)
def _model() -> dict | None:
    """The fitted reader (SITUATION_MODEL), loaded once; None when absent or MIAOMIAN_SITUATION=off."""
    if os.environ.get("MIAOMIAN_SITUATION", "").lower() in ("off", "0", "false") or not SITUATION_MODEL.is_file():
        return None
    return json.loads(SITUATION_MODEL.read_text(encoding="utf-8"))


def warm_up() -> None:
    _model()


def told(answer_words: list[str], model: dict) -> dict:
    """Probability, per situation class, that an answer with these words tells that situation (one logistic
    regression per class on which words are said)."""
    said = set(answer_words)
    out = {}
    for k, key in enumerate(model["classes"]):
        z = model["intercept"][k] + sum(model["words"][w][k] for w in said if w in model["words"])
        out[key] = 1.0 / (1.0 + math.exp(-z))
    return out


def signals(answer_text: str | None, question_text: str | None, model: dict | None = None) -> dict | None:
    """What the bound reads: the question's classes, the answer's class probabilities, the gap between the best
    class not asked and the best asked, and the closeness of the answer's words to the question's situation.
    None when the question asks no class or the model is absent."""
    model = model or _model()
    if model is None or not situations(question_text):
        return None
    return reading(situation_words(answer_text), question_text, model)


def reading(words: list[str], question_text: str | None, model: dict) -> dict | None:
    """signals() of an answer given as its meaning words (situation_words); None when no class is asked or
    every class is asked or near."""
    asked_ = situations(question_text)
    if not asked_:
        return None
    gap_, other = gap(told(words, model), asked_)
    if other is None:
        return None
    return {"asked": asked_, "told": other, "gap": gap_,
            "closeness": closeness(situation_words(situation_text(question_text)), words)}


def gap(p: dict, asked_: list[str]) -> tuple[float, str | None]:
    """(best probability of a class neither asked nor NEAR one asked − best of the asked ones, that class);
    (0.0, None) when every class is asked or near."""
    near = set(asked_) | {n for k in asked_ for n in NEAR.get(k, ())}
    others = [(p[k], k) for k in p if k not in near]
    if not others:
        return 0.0, None
    best = max(others)
    return best[0] - max(p[k] for k in asked_), best[1]


def _other(sig: dict | None, model: dict) -> bool:
    return sig is not None and sig["gap"] > model["gap"] and sig["closeness"] < model["closeness"]


# An answer names a situation in passing with these words too (那天订单也很急, 老板催得很紧, 是我自己弄混了):
# with SITUATIONS' and FAMILIES' question wording they find the clauses that only name the asked situation
# (naming_clauses). Read in an answer's clause only, never in the question.
_NAMED = {
    "urgent": _rx(r"(很|特别|挺|非常|太|比较|也|又|超|真|都)(急|赶)", r"急(得|着)", r"赶着", r"催(得|着|了)",
                  r"时间(不够|太短|有限)", r"(要|赶)得(很|特别|挺)?(急|紧)"),
    "upset": _rx(r"发(了|起|了一通|了一顿)?(脾气|火)", r"火大", r"(很|特别|挺|非常)(凶|冲)",
                 r"脸色(很|特别|挺)?(难看|不好)", r"闹(起来|了)"),
    "mistake": _rx(r"弄混", r"搞砸", r"(我|自己)的(错|失误|责任|疏忽)", r"粗心", r"看错", r"漏(了|掉)"),
    "fault": _rx(r"坏了", r"出(了)?毛病", r"不(转|亮|响|动)了", r"查不出"),
    "safety": _rx(r"差点(出事|摔|掉|撞|伤)", r"出事"),
    "reluctant": _rx(r"(不|没)(太)?想(买|要|配合)", r"考虑考虑", r"下不了决心", r"不(太)?放心"),
    "sudden": _rx(r"意外", r"出了?(状况|岔子)", r"临时"),
}
# the largest share of an answer's content words the clauses naming the asked situation may hold for the answer
# to be read without them (other_situation): one clause added to a rehearsed story holds far less (1 of 8–12
# clauses); an answer a third of which names the situation is about it. The figures do not move between 0.25 and
# 0.5 (scratch measurement, session 17: docs/scoring.md).
NAMED_SHARE = 0.34


def naming_clauses(clauses: list[str], asked_: list[str], question_text: str | None) -> list[int]:
    """The indices of the clauses (texts of _pieces) that name one of the asked situation
    classes in the question's own wording (SITUATIONS, FAMILIES' `ask`) or in passing (_NAMED)."""
    rx = [ask for key, _, ask in SITUATIONS if key in asked_] + [f.ask for f in asked(question_text)] + \
        [_NAMED[k] for k in asked_ if k in _NAMED]
    return [i for i, c in enumerate(clauses) if any(r.search(c) for r in rx)]


_ALTERNATIVE = re.compile(r"或者|或|还是")
_PUNCT = re.compile(r"[，。？！；：,.?!;:\s]+")
_EXAMPLES = re.compile(r"[（(][^）)]*[）)]|比如[^，。？！；,.?!;]*")


@functools.lru_cache(maxsize=1024)
def offers_alternatives(question_text: str | None) -> bool:
    """Whether the question (normalised Chinese text) offers another situation besides the one its classes read
    (货多或者出了差错, 不满意，或者临时改要求, 不好判断的故障，或者修好后又出问题): an alternative next to a
    predicate (jieba: verb, adjective, idiom). Alternatives between things (对房间或服务不满意, 网吧或类似场所,
    烧烤店或饭店后厨), alternatives that each name a class (不满意或者投诉) and a question's examples (比如不肯吃饭、
    吃药或者洗澡) offer none."""
    from .text import segment

    for sentence in re.split(r"[。？！?!]", _EXAMPLES.sub("", question_text or "")):
        sides = _ALTERNATIVE.split(sentence)
        if len(sides) < 2 or all(situations(side) for side in sides):
            continue    # none, or each side names a class (不满意或者投诉, 对不上或者出了差错)
        toks = [t for t in segment(sentence, "zh").tokens if t.pos != "x"]
        for i, t in enumerate(toks):
            if t.text in ("或者", "或", "还是") and \
                    any(n.pos in ("v", "vd", "a", "ad", "l", "i") for n in toks[i - 1:i] + toks[i + 1:i + 2]):
                return True
    return False


def _pieces(answer_text: str | None) -> list[list]:
    """The answer's clauses as lists of its tokens (text.segment of the normalised text, the segmentation
    situation_words reads): the stretches between punctuation, or the segmenter's clauses in unpunctuated speech
    (那天时间特别紧 | 前年冬天有位客人 | …) — fewer than three stretches."""
    from .text import normalise, segment

    seg = segment(normalise(answer_text, "zh"), "zh")
    pieces, current = [], []
    for t in seg.tokens:
        if t.pos == "x":
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(t)
    if current:
        pieces.append(current)
    if len(pieces) < 3:
        pieces = [[seg.tokens[i] for i in c] for c in seg.clauses]
    return pieces


def _rest(answer_text: str | None, question_text: str | None) -> list[list] | None:
    """The answer's clauses (_pieces) but those that name the asked situation, when those hold at most
    NAMED_SHARE of its content words; None when the question asks no class or offers another situation
    (offers_alternatives), when no clause names it, or when more of the answer names it."""
    from . import features

    question = question_text or ""
    asked_ = situations(question)
    if not asked_ or offers_alternatives(question):
        return None
    pieces = _pieces(answer_text)
    named = naming_clauses(["".join(t.text for t in p) for p in pieces], asked_, question)
    if not named or len(named) == len(pieces):
        return None
    size = [len(features._meaning_words(p, "zh")) for p in pieces]
    if sum(size[i] for i in named) > NAMED_SHARE * max(sum(size), 1):
        return None
    return [p for i, p in enumerate(pieces) if i not in named]


def without_naming(answer_text: str | None, question_text: str | None) -> str | None:
    """The answer without its clauses that name the asked situation (_rest), joined with "，"; None when it is
    read whole: the question asks no class or offers another situation (offers_alternatives: a story of 货多 with
    one clause of a mistake answers 货多或者出了差错), no clause names it, or more than NAMED_SHARE of the answer's
    content words do."""
    rest = _rest(answer_text, question_text)
    return None if rest is None else "，".join("".join(t.text for t in p) for p in rest)


def other_situation(answer_text: str | None, question_text: str | None, model: dict | None = None) \
        -> tuple[str, str] | None:
    """(what the question asks about, what the answer tells) when the answer's words clearly tell another
    situation than the question's (the fitted gap above model["gap"]) and follow the question's own description
    of it loosely (closeness below model["closeness"]); None otherwise.
    Read twice: the whole answer, and the answer without the few clauses that only name the asked situation
    (without_naming) — a rehearsed story about another situation with one clause of the asked one added (那天订单
    也很急，… a complaint story) is still that story; an honest story opening with its situation in one clause
    tells it again in what the candidate did (分了三批, 加班到凌晨, 十点前全部发走), so its rest is not another
    situation."""
    model = model or _model()
    sig = signals(answer_text, question_text, model)
    if not _other(sig, model):
        from . import features

        rest = _rest(answer_text, question_text) if sig is not None else None
        sig = reading([w for p in rest for w in features._meaning_words(p, "zh")], question_text, model) \
            if rest else None
        if not _other(sig, model):
            return None
    return "、".join(SITUATION_NAMES[k] for k in sig["asked"]), SITUATION_NAMES[sig["told"]]
