"""Breaker round 16 (README and issue only): what this session's changes got wrong, kept as tests.

H3: people named after 和/跟 and a count (和三个同事分工, 跟两位师傅) are the candidate's companions, not the doers
of the clauses that follow: an honest first-person story was capped at 50 as "a supervisor did the work" when one
more sentence was added (每一分钟都按实际打卡, 虚报加班这种事我绝对不做), though nobody else acts in it."""
import pytest

from functions.analyze import pipeline

RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
FOLLOWED = "主要是别人（如组长、主管、店长、师傅）做的"
STORY = "那次订单特别急，我安排好优先级，和三个同事分工，晚上加班到十一点，按时发完四百单。"


def reasons(r):
    return " ".join(x for c in r["competencies"] for x in c["reasons"])


@pytest.mark.parametrize("text", [
    STORY + "每一分钟都按实际打卡。",
    STORY + "虚报加班这种事我绝对不做。",
    STORY + "偷懒这种事我绝对不做。",
    "上个月店里来了一百多单团购，我跟两位师傅一起备货，先做凉菜再做热菜，下午四点前全部出完，一单没错。",
])
def test_companions_after_a_count_are_not_the_doers(text):
    r = pipeline.analyze_transcript(text, RUSH, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert FOLLOWED not in reasons(r), reasons(r)


def test_a_story_the_supervisors_did_is_still_bounded():
    r = pipeline.analyze_transcript("那次订单特别急，组长安排好优先级，和三个同事分工，领班让我们加班到十一点，主管协调了车，"
                                    "最后按时发完四百单。", RUSH, "zh")
    assert r["overall"] <= 50 and FOLLOWED in reasons(r), (r["overall"], reasons(r))


# H2: a customer named by a form of address (大姐, 大妈, 姑娘, 小伙子…) is the one who is impatient, not the speaker
COMPLAINT = {"text": "请讲一次你处理顾客投诉、顾客很生气的经历，你是怎么做的，结果怎样？", "answer_seconds": 120,
             "competencies": [{"name": "沟通表达", "weight": 0.5, "keywords": ["倾听", "道歉", "沟通", "顾客"]},
                              {"name": "解决问题", "weight": 0.5, "keywords": ["解决", "结果", "补偿", "方案"]}]}


@pytest.mark.parametrize("text", [
    "有位大姐排队等了二十分钟，很不耐烦，冲我嚷嚷，我先道歉，给她倒了水，优先帮她结账，还送了张优惠券，她笑着走了。",
    "那天有个大妈来退货，一进门就很不耐烦，我请她坐下，先把小票和衣服对了一遍，确实是质量问题，当场给她退了款。",
    "一个外卖小哥等餐等了半小时，特别不耐烦，我先跟他道歉，催后厨先出他的单，又送了他一瓶水，五分钟就出餐了。",
])
def test_the_customers_impatience_is_not_the_candidates(text):
    r = pipeline.analyze_transcript(text, COMPLAINT, "zh")
    assert r["status"] == "scored" and "反面信息" not in reasons(r), reasons(r)


def test_the_candidates_own_impatience_with_a_customer_stays_counter_evidence():
    r = pipeline.analyze_transcript("那天店里特别忙，我对排队的大姐很不耐烦，冲她吼了两句，她投诉了我。", COMPLAINT, "zh")
    assert "反面信息" in reasons(r) and r["overall"] <= 35, (r["overall"], reasons(r))


# M2: a real story that reasons with 如果 (如果随便找个借口推掉，事情只会更糟) is not "only hypothetical": a done deed
# counted (重新做了一杯, 送了张优惠券) is a past event; an answer that only says what one would do stays bounded
HYPOTHETICAL = "这道题要讲自己真实经历过的一件事，回答只说了假设情况"


@pytest.mark.parametrize("text", [
    "顾客说奶茶里有头发，很生气，如果随便找个借口推掉，事情只会更糟，我就当面道歉，重新做了一杯，又送了张优惠券，她最后还给了好评。",
    "有位先生说牛排太老，要是跟他争，他只会更生气，所以我马上道歉，给他换了一份，又送了一杯饮料，他吃完还加了我们的会员。",
])
def test_a_real_story_that_reasons_with_if_is_not_hypothetical(text):
    r = pipeline.analyze_transcript(text, COMPLAINT, "zh")
    assert HYPOTHETICAL not in reasons(r), reasons(r)


@pytest.mark.parametrize("text", [
    "如果顾客投诉，我会先道歉，再给她换一杯，最后问题就解决了。",
    "要是顾客很生气，我会先倾听她说完，然后送她一张优惠券，争取让她满意。",
])
def test_an_answer_that_only_says_what_one_would_do_stays_bounded(text):
    r = pipeline.analyze_transcript(text, COMPLAINT, "zh")
    assert HYPOTHETICAL in reasons(r) and r["overall"] <= 50, (r["overall"], reasons(r))


# M5: the urgency of a rush told in English inside a Chinese answer is the situation the question asks about
def test_a_rush_told_in_english_words_is_not_another_situation():
    r = pipeline.analyze_transcript("那个order很urgent，client要求周五前deliver，我先把task拆成三块，跟两个同事sync了一下，"
                                    "每人负责一块，周四晚上就全部交付了，客户很happy。", RUSH, "zh")
    assert r["status"] == "scored" and "说的是别的事" not in reasons(r), reasons(r)
    assert r["overall"] > 35, r["overall"]


# Not fixed (closing note of session 16), kept as strict xfails so a fix is noticed
# H1 (fixed in session 17): physical handling of acts and ideas (gates.surreal_acts, "handle")
@pytest.mark.parametrize("question,text", [
    (RUSH, "我先把订单按优先级种在仓库门口，浇了三遍水，它们第二天早上就长成了四百个纸箱，我和两个同事分工把箱子摘下来，"
           "十点前全部发完。"),
    (RUSH, "那天晚上九点我们接到四百单，我把加班切成小块放进锅里炖了半小时，同事负责把分工晒干，凌晨两点全部打包好，"
           "第二天上午按时发走了。"),
    (COMPLAINT, "顾客很生气我先倾听了三分钟然后把道歉折成一架纸飞机送给她她把补偿方案晒干以后泡了一杯茶喝掉了问题就解决了她后来成了会员"),
])
def test_work_word_nonsense_with_physical_verbs_goes_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r["overall"])


# H4 (fixed in session 17, conduct17: contrary.find_deeds reads misconduct by its structure; more variants and
# near-misses in test_scoring_conduct17.py)
@pytest.mark.parametrize("text", [
    "那位顾客很生气，我先倾听她说完，道歉，给她换了货，还送了优惠券。后来我在系统里给自己刷了五个好评，月底多拿了一百块奖金。",
    "顾客投诉买的衣服有破洞，很生气，我怕被扣钱，就说是她自己弄坏的，然后偷偷把监控删了，最后她没证据就走了，这事就解决了。",
    "顾客投诉积分没到账，我先道歉，帮她查了一下，然后从会员卡多扣积分补到自己卡上，她也没发现，问题就解决了。",
    "顾客投诉等太久，我道歉后给她打了折，那天晚上我给自己多记了三个小时加班，多拿了加班费。",
])
def test_confessions_outside_the_lists_are_named(text):
    r = pipeline.analyze_transcript(text, COMPLAINT, "zh")
    assert "反面信息" in reasons(r) and r["overall"] <= 35, (r["overall"], reasons(r))


# H3a, fixed in session terse17 (tests/functions/test_scoring_terse17.py has the family)
def test_a_terse_honest_story_with_hrs_keywords_is_scored():
    r = pipeline.analyze_transcript(STORY, RUSH, "zh")
    assert r["status"] == "scored", r.get("reason_code")
