"""Whose experience an answer tells (Chinese): bounds for answers that are not the candidate's own.

    agency_bound(analysis, question) -> (cap, Chinese reason) | (None, None)

Four families, each a bound on every competency (answer.bound):
- borrowed: the answer says it retells someone else's story or a model answer (我看过一个网上的面试范文：…,
  听我朋友说…, 我朋友跟我讲过…, 视频里有个例子…) → BORROWED;
- disowned (also English): after telling it, the candidate says the story was someone else's or that they were not there
  (其实这件事是我同事小李做的, 我当时请假不在, 这是我听别人说的, 我没亲自做) → BORROWED;
- bystander: others do the specific work (小李贴面单, 老周分成三批) and the candidate says they stood by or
  left (我就在旁边坐着看手机, 我没管，八点就走了), or does nothing specific at all → NOT_AGENT;
- others' story: the work is done by a named other person — a role (组长, 主管, 店长, 师傅, 同事…), a name (张姐, 老王,
  小李), 他/她 after them, 自己 whose antecedent is that person (她把300单分给五个人，自己跟客户沟通) — and the
  candidate does nothing specific, or at most one thing while saying they were away (我当时请假了不在,
  我那天刚好休息) → OTHERS (with the away reason when they say so). 我和组长一起…, 组长让我负责…我就…, 我跟主管商量后
  我…, 店长不在，我先…, 我和小王、小李三个人一起做, 小周和我一起打包 stay the candidate's own; what the candidate only
  heard or thought of it (第二天听说的, 觉得他很厉害, 很佩服她) is no deed of theirs;
- followed: the work is a supervisor's (组长/领班/主任/站长…) and the candidate only followed or stood by (我就跟着
  大家一起干, 我按他说的去装箱, 领班安排我们加班, 站在收银台后面), or did one thing while supervisors did three or more
  (我赶紧叫来店长，店长先…) → FOLLOWED (adequate at most);
- hypothetical: a question asking for a past experience (question_type "story") answered only with what the
  candidate would do or what "you" should do (如果遇到…我会…, 你就先把…), with no past event → HYPOTHETICAL.
  Situational questions (如果…你会怎么做) ask for exactly that and are never bounded here.
"""
from __future__ import annotations

import re

from . import explain, meaning, text as text_mod
from .features import Analysis

BORROWED = 35.0
NOT_AGENT = 40.0
HYPOTHETICAL = 50.0
OTHERS = BORROWED
# a story whose specific work a coworker did while the candidate followed: adequate at most (rating 3 of 5)
FOLLOWED = 50.0
FOLLOWED_LEAD = 3        # … or the candidate did one thing and coworkers this many

# 我看过一个网上的面试范文, 网上看到的一个案例, 听我朋友说过, 我同事的经历, 书上/视频里讲过一个故事
_BORROWED = re.compile(
    r"范文|标准答案|答题模板|面试模板|"
    r"(网上|书上|书里|视频里|视频上|抖音上?|公众号|课上|培训课).{0,8}(看到|看过|讲过?|说过?|学到|学过|有).{0,8}(故事|例子|案例|经历|回答|答案)|"
    r"(我|我的)(朋友|同事|同学|表哥|表姐|表弟|表妹|哥哥|姐姐|亲戚|室友)(的|他的|她的)(经历|故事|例子|事)|"
    r"(不是我|不是我自己)(的经历|经历的|做的|亲身)")
# the candidate disowns the story after telling it: 其实这件事是我同事小李做的, 我当时请假不在, 这是我听别人说的,
# 我没亲自做 — what was told is not theirs
_PERSON = r"(我的?)?(同事|朋友|同学|领导|师傅|店长|组长|主管|经理|老板|别人|其他人|人家|表哥|表姐|室友|小[\u4e00-\u9fff]|老[\u4e00-\u9fff])"
_DISOWNED = re.compile(
    r"(其实|实际上|事实上|说实话|老实说|说实在的|坦白说|不过)[^。！？]{0,12}(是|都是)" + _PERSON
    + r"[^，。！？]{0,6}(做的|干的|弄的|处理的|搞定的|办的|完成的|经历的|的经历|的事)|"
    r"(其实|实际上|事实上|说实话|老实说|说实在的|坦白说|不过)[^。！？]{0,10}我(当时|那天|那时候?|那次)?[^，。！？]{0,4}"
    r"(请假|休假|不在|没在|没去|没参与)|"
    r"(这|这件事|这个事|这些|以上|上面|刚才)[^，。！？]{0,4}(是我?(听|从)[^，。！？]{0,6}(说的|讲的|那听来的|那里听来的|听来的))|"
    r"我(其实)?(没有?|并没有?|不是)(亲自|亲身|自己)(做|干|参与|经历|处理)|"
    r"(其实|实际上|说实话|老实说)?(这件事|这事|这个事|这些事)?(不是我|并不是我)(自己)?(做的|干的|经历的|处理的|弄的)|"
    # session 12's breaker: 这件事是我朋友遇到的，我自己还没在奶茶店干过; 这是我在抖音上看到一个骑手讲的
    r"(这|这件事|这事|这个事|这些|以上|上面|刚才)[^，。！？]{0,4}是" + _PERSON + r"[^，。！？]{0,4}(遇到|碰到|经历)的|"
    r"(这|这件事|这事|这个事|这些|以上|上面|刚才)[^，。！？]{0,4}是我?(在)?(抖音|快手|小红书|网上|视频|直播|书|公众号|朋友圈)"
    r"[^，。！？]{0,10}(看到|看来|听到|刷到)|"
    r"我(自己)?(还|从来)?(没|没有)(在[^，。！？]{0,8})?(干过|做过|上过班|工作过)")
_DISOWNED_EN = re.compile(
    r"\b(actually|to be honest|honestly|truth is|in fact|but)\b[^.!?]{0,30}\b(it was|that was)\s+(my|a|our)\s+"
    r"(colleague|coworker|co-worker|friend|manager|supervisor|team ?lead|boss)\b[^.!?]{0,20}\b(who did|who handled|"
    r"who did it|story|experience)|"
    r"\b(actually|to be honest|honestly|truth is|in fact|but)\b[^.!?]{0,20}\bi (wasn't|was not) (there|even there|"
    r"working that day|on shift)|"
    r"\bi (didn't|did not) (actually )?do (it|any of (it|this|that)|this|that) myself|"
    r"\b(this|that|it) (is|was) (a story )?(something )?i heard (from|about)|\bi (just )?heard (this|it) from",
    re.IGNORECASE)
# the candidate stood by or was away while others worked: 我就在旁边坐着看手机, 我没管，八点就走了
_HEARSAY = re.compile(r"(听|听到|听说).{0,3}(别人|朋友|同事|同学|亲戚|人家|我[朋同表堂亲哥姐][^，。]{0,2}).{0,2}(说|讲)|"
                      # … or told the other way round (breaker 17: 我朋友跟我讲过，他们仓库有一次… scored 66.8)
                      r"(别人|朋友|同事|同学|亲戚|熟人|邻居|老乡|室友|表哥|表姐|表弟|表妹|堂哥|堂姐|我[爸妈哥姐弟妹]|我老[公婆])"
                      r"[^，。！？]{0,3}(跟|和|给|对|同|向)我[^，。！？]{0,3}(讲|说|聊|提|分享|说起|讲起)过|"
                      # … or heard of someone unnamed (听说我们店以前有个服务员…她马上道歉: breaker 48's g55, 58.0)
                      r"听(说|人说|别人说|人讲)[^。！？]{0,12}(有个|有一个|有位|有一位|有次有个)|"
                      # … or retold from someone's telling (这个是我表哥跟我讲的他的经历，我就照他的话说: breaker 49's g02, 79.8)
                      r"(跟|和|给|对|同|向)我(讲|说|聊)(的|过的)[^，。！？]{0,6}(经历|故事|事|例子)|照(他|她)的话(说|讲)")
# Korean and English: the story opens on someone of the candidate's own life as its doer (제 친구가 식당에서 일할 때…, My friend
# works at…: breaker 48's g63) and the candidate never does anything in it (no 제가/저는/내가, no I)
_FRIEND_OPENS_KO = re.compile(r"^\s*(제|내|저희|우리) ?(친구|동생|언니|오빠|형|누나|사촌|룸메이트|지인|동기)[가이는]")
_SELF_KO = re.compile(r"제가|저는|내가|나는|저도|제가요")
_FRIEND_OPENS_EN = re.compile(r"^\s*(a|my|one of my) (good |close |best )?(friend|friends|roommate|cousin|brother|sister|"
                              r"flatmate)( of mine)?\b", re.IGNORECASE)
# an English question asking for a past experience (explain.question_type reads Chinese and Korean ones)
_EN_STORY = re.compile(r"\b(a time|an experience|a situation|an occasion|tell (me|us) about when)\b", re.IGNORECASE)
_SELF_EN = re.compile(r"\b(i|i'm|i've|i'd|me|myself)\b", re.IGNORECASE)
_IDLE_WORDS = (r"(在旁边(坐|站|看|听)|坐着看|站着看|看手机|玩手机|刷手机|站在那里?没|没说话|没管|没插手|没帮忙|没参与|"
               r"不知道怎么办|不知道该怎么办|就走了|先走了|提前走了|下班走了|回家了|不在店里|不在现场|"
               # attending what others organised (我就是去参加了，吃得挺好: breaker 41's g17 scored 65.7)
               r"(就是|只是|就|只)去?参加了(一下)?(?![^，。！？]{0,2}[的培])|凑了?个?热闹)")
_IDLE_CLAUSE = re.compile(_IDLE_WORDS)
# … told to someone else by the candidate (让保安在旁边看着): a step of the candidate's, not the candidate idle
_DIRECTED_IDLE = re.compile(r"(让|叫|请|安排|喊)[^，。！？；我]{1,6}" + _IDLE_WORDS)
_IDLE = re.compile(r"我[^。！；？]{0,14}" + _IDLE_WORDS)
# a story about someone else: no 我 at all, 我们 only as an owner (我们仓库的老周), and a third person who acts
_BARE_I = re.compile(r"我(?!们)")
_WE_AGENT = re.compile(r"我们(?![^，。！；]{0,4}的)")
_THIRD = re.compile(r"他|她|(老|小|阿)[\u4e00-\u9fff](?=[^\u4e00-\u9fff]|把|用|就|带|负责|先|又|还|马上|一|特别|很)|同事|师傅|店长|经理|领导|主管")
# if / should / you: 如果遇到…我会…, 你就先把…, 应该先… (not the habitual 我一般会…)
_HYPOTHETICAL = re.compile(r"如果|假如|假设|要是|万一|应该先|你就|你要|你得|你先|你可以")
# a past event of the candidate's: 有一次, 去年, 那天, 当时, …了, …过
_PAST = re.compile(r"有一次|有次|那次|上次|去年|前年|那年|那天|当时|那时|之前|以前|后来|上个月|上周|上礼拜|昨天|刚才|"
                   r"曾经|有一回|那回|我(?![^，。]{0,6}(会|要|得|应该|可以))[^，。]{0,6}(了|过)|"
                   # a done deed counted (重新做了一杯, 送了张优惠券; breaker 16: a real
                   # story reasoning 如果随便找个借口推掉… was capped as only hypothetical)
                   r"(?<![会要能就])[做送退换给发打拿补][了过][一两三四五六七八九十几半]?[个杯张次份单遍件箱盒袋瓶]")


def _text(analysis: Analysis) -> str:
    return analysis.seg.text or ""


def borrowed(analysis: Analysis, story: bool) -> bool:
    """A model answer anywhere; hearsay (听朋友说…) only when a story is asked for (not 听朋友说你们公司待遇好)."""
    return bool(_BORROWED.search(_text(analysis)) or story and _HEARSAY.search(_text(analysis)))


def bystander(analysis: Analysis) -> bool:
    """Others do the specific work and the candidate stood by or left (their idle clauses are no actions),
    or the story is about someone else with no 我 in it."""
    text = _text(analysis)
    own, others = analysis.counts.get("specific_actions", 0), analysis.counts.get("others_actions", 0)
    if _IDLE.search(text):
        own -= sum(1 for c in analysis.details.get("action_clauses", []) if _IDLE_CLAUSE.search(c)
                   and not _DIRECTED_IDLE.search(c))
        if own <= 1 or others >= 2 and others >= 2 * own:
            return True
    if not _BARE_I.search(text) and not _WE_AGENT.search(text) and len(_THIRD.findall(text)) >= 2:
        return True
    return False


# relatives, among the roles below: someone else's (小朋友的妈妈, 顾客的爸爸) is a customer, not the candidate's family
_KIN = {"舅舅", "姨妈", "小姨", "大姨", "姑姑", "姑父", "姨父", "姨夫", "舅妈", "叔叔", "婶婶", "伯伯", "大伯", "爸爸", "妈妈",
        "爷爷", "奶奶", "姥爷", "姥姥", "外公", "外婆", "表哥", "表姐", "堂哥", "堂姐", "亲戚", "邻居", "老乡"}
# someone else at work who can do the candidate's job (not a customer): a role or a name
_LEAD_ROLES = {"组长", "主管", "店长", "副店长", "经理", "值班经理", "大堂经理", "店经理", "区域经理", "师傅", "老师傅", "老板",
               "老板娘", "同事", "领班", "领导", "班长", "主任", "队长", "厨师长", "主厨", "前辈", "老员工", "负责人", "上司",
               "上级", "组员", "店员", "带班", "拉长", "线长", "车间主任", "仓管", "库管", "搭档", "老大",
               # breaker 15, H3: more supervisors of small businesses
               "站长", "点长", "科长", "部长", "处长", "所长", "车长", "护士长", "总监", "老总", "总经理", "副经理",
               "大厨", "二厨", "掌柜", "店主", "东家", "工头", "包工头", "监工", "督导", "师父", "大师傅", "头儿",
               "调度", "质检", "库管员", "仓管员", "领队", "组长们", "班组长", "值班长", "面点师", "帮工",
               # session 33 (hyponyms-b: a farm's, a workshop's, a family shop's people, who did the work the candidate
               # tells — 是场长和兽医处理的, 我姨把液化气灶搬出来, 我舅先把烂果全摘了; not the 电工 or 兽医 the candidate calls in)
               "场长", "厂长", "大厨师", "我爸", "老爸", "我妈", "老妈"} | _KIN
# people of the candidate's own life outside the job, whose work story a candidate may retell as if it were theirs (我一个朋友在快递
# 仓库上班…他把货分成三批: breaker 48's g08 passed at 73.7; 我室友在超市上班, 我朋友做客服: g56, g70) — theirs only after the
# candidate's 我 (有个朋友来店里买东西 is a customer)
_OUTSIDERS = {"朋友", "好朋友", "室友", "舍友", "同学", "老同学", "闺蜜", "哥们", "哥们儿", "发小", "熟人", "网友", "朋友们",
              # (… and family: 我老公在物流公司上班…他把单子…, 我妹妹去年学会了做蛋糕，她…: breaker 49's g45 78.0, g05 68.9)
              "老公", "老婆", "爱人", "媳妇", "丈夫", "妻子", "对象", "男朋友", "女朋友", "妹妹", "弟弟", "哥哥", "姐姐", "表弟",
              "表妹", "堂弟", "堂妹", "儿子", "女儿", "侄子", "侄女", "外甥", "外甥女", "亲戚"}
_LEAD_ROLES |= _OUTSIDERS
# a relative in one character is one only after its owner (我姨把液化气灶搬出来, 俺舅先…), not 阿姨 or 姨 alone
_KIN_SINGLE = {"姨", "舅", "姑", "叔", "婶", "伯", "爸", "妈"}
_KIN_OWNER = {"我", "我的", "俺", "俺的", "我家", "他", "她", "他的", "她的"}
# the verbs that give the candidate's own post (我在一家宠物店当店员, 我是店员, 作为领班): no coworker's name
_OWN_POST = {"当", "做", "是", "作为", "担任", "当了", "做了", "干", "当过", "做过"}
# compound titles jieba keeps whole: 大堂经理, 副店长, 前厅主管, 值班主任, 生产组长
_LEAD_ENDINGS = ("经理", "主管", "主任", "组长", "班长", "店长", "领班", "师傅", "站长", "厨师长", "老板")
_LEAD_NAME = re.compile(r"^((小|老|阿)[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}(姐|哥|叔|姨|师傅|经理|主管|组长|店长|总))$")
_NOT_LEAD = {"顾客", "客人", "客户", "买家", "用户", "老人", "小孩", "小朋友", "老师", "阿姨", "大姐", "大哥", "大叔", "大爷",
             "老公", "老婆", "小时", "小票", "老家", "小区", "老板们"}
_PRONOUN = {"他", "她"}
_ROLE_PREFIX = {"值班", "当班", "带班", "值日"}      # verbs jieba splits off a role: 值班/经理
_REFLEXIVE = {"自己", "亲自"}
_CAUSE = {"让", "叫", "派", "安排", "要求", "带", "带着", "喊", "请"}   # 组长让我负责…: the candidate does it
_WITH = {"和", "跟", "与", "同", "还有"}
# prepositions of whom the candidate acts towards or for (我先给收货的刘姐打电话, 我向店长汇报) — not of place (我在我姨的
# 包子铺帮忙: whose shop it is, a lead of the story)
_TO_WHOM = {"给", "向", "对", "帮", "替", "为", "找", "朝"}
_CALL = {"叫来", "喊来", "找来", "请来", "叫上", "喊上", "找", "请", "喊", "叫", "问", "告诉", "通知", "联系", "给", "帮",
         "帮着", "等", "等到", "求", "请教", "报告", "汇报", "打电话给", "打给", "找到"}
_NEXT_STEP = {"然后", "接着", "随后", "之后", "后来", "又", "当场", "最后"}   # the next step of a story: a new clause
_SOMEONE = {"有个", "有一个", "有位", "有一位", "一个", "一位", "个", "位", "某个", "某位"}   # an indefinite person
_UNITS = {"店", "站", "组", "班", "厂", "车间", "仓库", "部门", "公司", "门店", "餐厅", "酒店", "片区", "后厨", "厨房", "队",
          "小组", "分店", "档口", "工地", "科室", "团队"}   # 我们站没有一单超时: 我们 owns the unit
_OWNER = {"我们", "咱们", "我", "的", "个", "位"}    # 我们 | 组长, 我的 | 师傅: the role is still the subject
# the candidate says they were away, at the end of a sentence: 我当时请假了不在, 我那天刚好休息, 我不在店里, 那天我轮休
# (not 我在家里买了个手冲壶)
# (the scorer's text has ASCII commas: 我那天正好请假,第二天听说的)
_AWAY = re.compile(r"我[^，,。！!？?；;]{0,8}(请假|请了假|休假|休息|轮休|调休|放假|不在|没在|没去|没来|没上班|不上班|没当班|"
                   r"在另一(栋|个|边|组|班|间|处|家|条线)|在别的(组|班|车间|机器|线|地方|店)|没进去|没参与|没插手|"
                   r"不当班|没值班|在家|回老家|出差)[^，,。！!？?；;]{0,4}([，,。！!？?；;]|$)")
_SEGMENT_END = re.compile(r"[，,。！？!?；;：:、\s]")
# a list of people (我和小王、小李三个人一起做) is one subject: 、 cuts no segment
_LIST_MARK = {"、"}
# what the candidate only perceived or thought of someone else's work is no deed of theirs (what they heard: _HEARD):
# 觉得他很厉害, 我很佩服她, 从他身上学到了很多 (H3 of breaker 14)
_NOT_DEED = {"觉得", "认为", "感觉", "觉着", "感到", "佩服", "羡慕", "敬佩", "知道",
             "记得", "以为", "学到", "夸", "夸奖", "称赞", "厉害", "了不起", "服气", "服",
             # … nor what they saw: 看过老师傅修折弯机 — the one seen is the doer (hyponyms-b)
             "看过", "看到", "看见", "见过", "见到", "瞧见", "目睹"}
# what the candidate heard: the rest of the segment is someone else's news (后来听说死了十几头: hyponyms-b)
_HEARD = {"听说", "听到", "听见", "听闻", "得知", "听人说", "听别人说"}
# being, not doing: 有, 出现, 发生 (我们场前年有一栋舍猪发烧 tells what happened, not what the candidate did)
_BEING = {"有", "出现", "发生", "出了"}
# the candidate only follows or stands by while a coworker works: 我就跟着大家一起干, 我按他说的去装箱, 听组长的安排,
# 给师傅打下手, 我当时就站在收银台后面 (their clause is no deed of their own)
_FOLLOWS = re.compile(r"跟着|随着|照着|按照?(他|她|组长|主管|店长|师傅|领班|经理|老板|班长|主任|上面|领导)[^，,。]{0,4}(说|讲|吩咐|安排|交代|要求)|"
                      r"照(他|她)[^，,。]{0,3}(说|讲)|听(他|她|组长|主管|店长|师傅|领班|经理|老板|班长|主任|领导)?[^，,。]{0,3}(的安排|的话|的吩咐|指挥)|"
                      r"听从|服从|配合(他|她|组长|主管|店长|师傅|领班|经理|老板|班长|主任)|打下手|(站|坐|待|呆|等)在[^，,。]{0,8}"
                      r"(旁边|后面|边上|一边|一旁|那儿|那里|门口|外面)|在(旁边|一旁|边上)(看|等|站|坐|听|帮着?看)|"
                      # a hand held out to the one who did it (我在旁边帮他照手电, 给师傅递扳手: hyponyms-b)
                      r"在(旁边|一旁|边上)[^，,。]{0,2}(帮|给)(他|她|师傅|组长|老板)|(给|帮)(他|她|师傅)(递|照|扶|拿|打下手)")
# 小王、小李和我一起做, 同事跟我一块儿: the candidate among the doers (not 组长跟我说: an addressee)
_TOGETHER = re.compile(r"一起|一块|一同|共同|一道|[两三四五六七八九几]个人|俩|仨|大家")


# 小 + a common surname is a coworker's name whatever jieba tags it (我们店新来的小王: a noun to jieba — breaker 49's g47); not
# 老 + one, which a village shop's customer is called as often (老刘头儿来赊两箱啤酒: set z)
_SURNAMED = re.compile(r"^(小)[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
                       r"薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文]$")


def _lead(word: str, pos: str) -> bool:
    # a name is one jieba tags as a name (老王, 张姐, 小/李 merged): not 小费, 小票, 老家
    return word not in _NOT_LEAD and (word in _LEAD_ROLES or len(word) <= 5 and word.endswith(_LEAD_ENDINGS)
                                      or pos.startswith("nr") and bool(_LEAD_NAME.match(word))
                                      or bool(_SURNAMED.match(word)))


def _verb_next(words: list[tuple[str, str]], k: int) -> bool:
    """A verb follows word k, past adverbs (秀英负责, 春梅也去)."""
    for w, pos in words[k + 1:k + 4]:
        if pos in ("d", "ad"):
            continue
        return pos.startswith("v")
    return False


def _parts(analysis: Analysis) -> list[list[tuple[str, str]]]:
    """The answer cut where a new subject may start: at punctuation when it has some (a typed transcript), else
    (recognised speech) the scorer's clauses, cut again before 他/她/我/自己 once a verb was said."""
    answer = _text(analysis)
    parts, cur = [], []
    if _SEGMENT_END.search(answer.strip()):
        for t in text_mod.segment(answer, "zh").tokens:
            if t.text in _LIST_MARK:
                continue
            if t.pos == "x" or _SEGMENT_END.fullmatch(t.text or " "):
                parts, cur = parts + [cur] if cur else parts, []
            else:
                cur.append((t.text, t.pos))
        return parts + [cur] if cur else parts
    toks = analysis.seg.tokens
    for clause in analysis.seg.clauses:
        cur, verb = [], False
        if parts and any(w in _WITH for w, _ in parts[-1][-4:]):
            cur = parts.pop()                                  # 我跟另外一个 | 同事商量好: one subject
        for i in clause:
            t = toks[i]
            prev = cur[-1] if cur else ("", "x")
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if verb and (t.text in _PRONOUN | _REFLEXIVE | {"我", "我们"} and prev[0] not in _CAUSE | _CALL
                         or _lead(t.text, t.pos) and _subject_after(prev, nxt) or t.text in _NEXT_STEP):
                # 顾客说菜里有虫子 | 经理马上过去道歉, 加班 | 主任协调了两辆车, 先道歉 | 然后把钱箱清点了一遍
                # (not 我叫来 | 店长, 跟 | 领班, 领班安排 | 我们加班, 还帮 | 我们跟商家沟通)
                parts, cur, verb = parts + [cur], [], False
            cur.append((t.text, t.pos))
            verb = verb or t.pos.startswith("v") and t.text not in _LEAD_ROLES and t.text != "是"
        if cur:
            parts.append(cur)
    return parts


def _subject_after(prev: tuple[str, str], nxt) -> bool:
    """Recognised speech without marks: a coworker named after a verb is a new subject, not its object, unless a
    preposition, 和/跟, a causing or calling verb or an owner comes right before (我叫来 | 店长, 跟 | 领班, 我们 |
    组长); after another verb only when an adverb, a preposition or a verb follows (加班 | 主任协调了…)."""
    if prev[1].startswith("p") or prev[0] in _WITH | _CAUSE | _CALL | _OWNER:
        return False
    return not prev[1].startswith("v") or nxt is not None and nxt.pos.startswith(("d", "v", "p", "ad"))


def _agents(analysis: Analysis) -> list[tuple[str | None, bool]]:
    """Each punctuation segment's (agent, acts): agent "self" (我, 我们 as the doer, 我和组长, 组长让我…), "lead" (a
    coworker by role or name, 我们组长, 他/她, 自己 after them), "other" (a customer) or None; acts: it has a verb
    after its agent (no absence: 我那天休息 is no deed)."""
    parts = _parts(analysis)
    out, last, named = [], None, False
    for part in parts:
        # merge 小/李, 老/王 into one name
        merged = []
        for w, pos in part:
            if merged and merged[-1][0] in ("小", "老", "阿") and len(w) == 1 and re.match(r"[\u4e00-\u9fff]", w):
                merged[-1] = (merged[-1][0] + w, "nr")
            else:
                merged.append((w, pos))
        agent, acts, seen_verb = None, False, False
        together = bool(_TOGETHER.search("".join(w for w, _ in merged)))
        for k, (w, pos) in enumerate(merged):
            # the word before, past a count (和三个同事分工, 跟两位师傅: companions, not the doers)
            b = k - 1
            while b > 0 and (merged[b][1].startswith(("m", "q")) or merged[b][0] in ("个", "位", "名")):
                b -= 1
            prep = k > 0 and (merged[b][1] == "p" or merged[b][0] in _WITH)
            if w in ("我", "我们", "咱们") and prep and not seen_verb and together and merged[k - 1][0] in _WITH:
                agent = "self"                                 # 小王、小李和我三个人一起做: the candidate among them
                continue
            if w in ("我", "我们", "咱们") and not prep:
                nxt = merged[k + 1] if k + 1 < len(merged) else ("", "")
                if w != "我" and (_lead(*nxt) or nxt[0] == "的" or nxt[0] in _UNITS):
                    continue                                   # 我们组长, 我们的店长, 我们站: an owner, not the doer
                if seen_verb and agent == "lead" and merged[k - 1][0] in _CAUSE:
                    agent = "follow"                           # 组长让我负责…, 领班安排我们加班: told to
                    continue
                if not seen_verb:
                    agent = "self"
                continue
            if agent == "self" and not seen_verb and any(u in _WITH or u in _TO_WHOM for u, _ in merged[:k]) \
                    and not (pos.startswith("v") and w not in _LEAD_ROLES):
                continue                                       # 我跟另外一个同事商量好: the candidate with them; 我先给
                # 收货的刘姐打电话: whom the candidate called (breaker 44's h30, capped at 35 as a coworker's story)
            mine = w in _OUTSIDERS and any(u in ("我", "我的", "俺", "俺的") for u, _ in merged[max(0, k - 3):k])
            if not seen_verb and not prep and _lead(w, pos) and k > 0 and merged[k - 1][0] in _SOMEONE and not mine:
                agent = "other"                                # 有个老板要投标: a customer, not the candidate's boss
                continue
            if mine and not seen_verb and not prep:
                agent, named = "lead", True                    # 我老公…, 我妹妹… (老公 is a customer's otherwise: _NOT_LEAD)
                continue
            if w in _OUTSIDERS and not mine and w not in _NOT_LEAD:
                continue                                       # 观众朋友们: nobody of the candidate's own
            if _lead(w, pos) and k > 0 and merged[k - 1][0] in _OWN_POST and agent == "self":
                continue                                       # 我在一家宠物店当店员: the candidate's own post (breaker 36)
            if w in _KIN and k > 1 and merged[k - 1][0] == "的" and merged[k - 2][0] not in _KIN_OWNER:
                agent = "other"                                # 小朋友的妈妈来投诉: someone's mother, a customer
                continue
            # a given name jieba tags a name, opening the part before its verb (秀英负责拆箱, 海燕做饭: breaker 29 — the
            # candidate was credited with a whole team's work told by given names)
            # (a word Cilin knows is a common noun first: 宝宝出生第十天 is a baby, 海燕 a bird)
            given = k == 0 and pos in ("nr", "nrfg") and w not in _NOT_LEAD and _verb_next(merged, k) and \
                not meaning._codes(w)
            # (自己 right after 我 is the candidate's own: 我自己装礼盒)
            kin = w in _KIN_SINGLE and k > 0 and merged[k - 1][0] in _KIN_OWNER
            if not seen_verb and not prep and (_lead(w, pos) or given or kin or w in _PRONOUN or
                                               w in _REFLEXIVE and last == "lead" and agent != "self"):
                # 他/她 after a coworker was named is the coworker (她马上道歉, even after 顾客说…)
                agent = "lead" if (_lead(w, pos) or given or kin or w in _REFLEXIVE or named or agent == "lead") \
                    else "other"
                named = named or agent == "lead"
                continue
            if not seen_verb and not prep and w in _NOT_LEAD:
                agent = "other"
                continue
            if w == "的" and agent is None and seen_verb and k + 1 < len(merged) and merged[k + 1][1].startswith("n"):
                seen_verb = False                              # 我们店新来的小王…: the verb before 的 qualifies the noun
                continue                                       # after it (breaker 49's g47 passed a colleague's learning)
            if w == "是" and (not seen_verb or merged[-1][0] == "的"):
                seen_verb = False                              # 这单是主管张姐处理的, 年|会(v)是我们主管小刘组织的:
                continue                                       # a cleft names its doer after 是
            nxt = merged[k + 1] if k + 1 < len(merged) else ("", "")
            if w in _HEARD:
                break                                          # 后来听说死了十几头: the rest is what was heard
            if w in _NOT_DEED or w == "听" and any(u in ("说", "讲") for u, _ in merged[k + 1:]):
                continue                                       # 第二天听说的, 觉得他很厉害: no deed
            if w in _BEING and not seen_verb:
                continue                                       # 我们场前年有一栋舍猪发烧: what there was, no deed
            if pos.startswith("v") and w not in _LEAD_ROLES and not (w in _ROLE_PREFIX and _lead(*nxt)):  # 值班/经理
                seen_verb = True
        if agent is None:
            agent = last                                       # an elided subject continues the last one
        said = "".join(w for w, _ in merged)
        acts = seen_verb and not (agent == "self" and _AWAY.search("我" + said))
        if agent == "self" and acts and _FOLLOWS.search(said):
            agent = "follow"                                   # 我就跟着大家一起干, 我按他说的去装箱
        out.append((agent, acts))
        last = agent
    return out


def whose_work(analysis: Analysis) -> str | None:
    """Whose the specific work of a story is when it is not the candidate's: "away" (a coworker's — 组长, 张姐, 他/她,
    自己 after them — and the candidate says they were away, doing at most one thing), "others" (a coworker's and
    the candidate does nothing), "followed" (a coworker's, and the candidate only followed — 跟着大家一起干,
    按他说的去装箱, 领班安排我们加班, 站在收银台后面 — or did one thing while coworkers did three or more: 我赶紧叫来
    店长，店长先道歉…); None when the candidate did the work."""
    agents = _agents(analysis)
    lead = sum(1 for a, acts in agents if a == "lead" and acts)
    own = sum(1 for a, acts in agents if a == "self" and acts)
    follow = sum(1 for a, acts in agents if a == "follow" and acts)
    if lead and _AWAY.search(_text(analysis)) and own + follow <= 1:
        return "away"
    if lead >= 2 and own == 0:
        return "followed" if follow else "others"
    if lead >= FOLLOWED_LEAD and own <= 1:
        return "followed"
    return None


def others_story(analysis: Analysis) -> bool | None:
    """The specific work is a coworker's and the candidate does nothing, or says they were away and does at most
    one thing (whose_work): None when not, else whether they said they were away."""
    whose = whose_work(analysis)
    return None if whose in (None, "followed") else whose == "away"


def disowned(analysis: Analysis) -> bool:
    """The candidate says afterwards that the story was someone else's or that they were not there."""
    pattern = _DISOWNED_EN if analysis.seg.language == "en" else _DISOWNED
    return bool(pattern.search(_text(analysis)))


def hypothetical(analysis: Analysis, question: dict) -> bool:
    if explain.question_type(question) != "story":
        return False
    text = _text(analysis)
    return bool(_HYPOTHETICAL.search(text)) and not _PAST.search(text)


_BORROWED_REASON = f"回答讲的是别人的经历或网上的范文，不是自己做过的事，这一项最高 {BORROWED:.0f} 分。"
_DISOWNED_REASON = (f"回答最后说这件事其实不是自己做的（或自己当时不在场），前面讲的做法和结果不能算作自己的，"
                    f"这一项最高 {BORROWED:.0f} 分。")
_HYPOTHETICAL_REASON = (f"这道题要讲自己真实经历过的一件事，回答只说了假设情况下会怎么做或该怎么做，"
                        f"没有讲自己做过的事，最高 {HYPOTHETICAL:.0f} 分。")
_OTHERS_REASON = (f"回答讲的是别人（如组长、主管、店长、同事）做的事，没有说自己做了什么，别人的做法和结果不能算作自己的，"
                  f"这一项最高 {OTHERS:.0f} 分。")
_OTHERS_AWAY_REASON = (f"回答讲的是别人（如组长、主管、店长、同事）做的事，自己当时并不在场，别人的做法和结果不能算作自己的，"
                       f"这一项最高 {OTHERS:.0f} 分。")
_FOLLOWED_REASON = (f"回答里具体的安排和做法主要是别人（如组长、主管、店长、师傅）做的，自己只是跟着做、听安排或在一旁，"
                    f"别人的做法和结果不能算作自己的，这一项最高 {FOLLOWED:.0f} 分。")
_NOT_AGENT_REASON = (f"回答里具体的事主要是别人做的，没有说清自己做了什么，别人的做法和结果不能算作自己的，"
                     f"这一项最高 {NOT_AGENT:.0f} 分。")


def friends_story(analysis: Analysis) -> bool:
    """Korean and English: the story opens on a friend or relative as its doer and the candidate never acts in it."""
    text = _text(analysis)
    if analysis.seg.language == "ko":
        return bool(_FRIEND_OPENS_KO.search(text)) and not _SELF_KO.search(text)
    if analysis.seg.language == "en":
        return bool(_FRIEND_OPENS_EN.search(text)) and not _SELF_EN.search(_FRIEND_OPENS_EN.sub("", text, count=1))
    return False


def agency_bound(analysis: Analysis, question: dict) -> tuple[float | None, str | None]:
    if analysis.seg.language == "en" and disowned(analysis):
        return BORROWED, _DISOWNED_REASON
    if analysis.seg.language in ("en", "ko") and (explain.question_type(question) == "story" or _EN_STORY.search(
            question.get("text") or "")) and friends_story(analysis):
        return BORROWED, _BORROWED_REASON
    if analysis.seg.language != "zh":
        return None, None
    story = explain.question_type(question) == "story"
    if borrowed(analysis, story):
        return BORROWED, _BORROWED_REASON
    if disowned(analysis):
        return BORROWED, _DISOWNED_REASON
    if hypothetical(analysis, question):
        return HYPOTHETICAL, _HYPOTHETICAL_REASON
    whose = whose_work(analysis) if story else None
    if whose == "away":
        return OTHERS, _OTHERS_AWAY_REASON
    if whose == "others":
        return OTHERS, _OTHERS_REASON
    if story and bystander(analysis):
        return NOT_AGENT, _NOT_AGENT_REASON
    if whose == "followed":
        return FOLLOWED, _FOLLOWED_REASON
    return None, None


# reasons that credit the candidate with an action or a result (explain.ACTION_SAID, explain._outcome_reason)
CREDITS = (explain.ACTION_SAID, explain.ONE_ACTION_SAID, explain.ARRANGED_SAID, "说了具体结果", "说到了最后的结果", "说清了最后的结果")


def not_own(reason: str | None) -> bool:
    """Whether a bound's reason is one of this module's (the answer is not the candidate's own story)."""
    return reason in (_BORROWED_REASON, _DISOWNED_REASON, _HYPOTHETICAL_REASON, _NOT_AGENT_REASON,
                      _OTHERS_REASON, _OTHERS_AWAY_REASON, _FOLLOWED_REASON)
