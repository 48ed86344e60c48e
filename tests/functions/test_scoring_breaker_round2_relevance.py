"""Breaker round 2 (breaker8), relevance families: an answer made of the candidate's own questions, a weak
on-topic line padded with an unrelated story (features.thin_padding), and — still open, kept as strict xfail —
a story from another job set nowhere near the question's scene, and a competency with no evidence of its own."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import answer, explain, features, model
from models.scorer import dataset
from tests.functions.conftest import ISSUE_QUESTION as URGENT_Q

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "models" / "scorer" / "eval"
HONEST = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "off_topic",
          "case_variant", "asr_unpunctuated", "dialect_or_tech")
PASS = 60.0
WEAK = "有一次订单比较急，我就尽力去做了，最后还可以。"


def run(text, question=URGENT_Q):
    return pipeline.analyze_transcript(text, question, "zh")


def reasons(r):
    return [s for c in r["competencies"] for s in c["reasons"]]


# --- the candidate asks instead of answering (breaker8 salary_q and variants) ---
ASKING = [
    "请问这个岗位一个月工资多少？有没有五险一金？周末双休吗？",      # the breaker's case
    "你们这边上班几点到几点？包不包吃住？试用期多久？",
    "我想先问一下，这个工作要不要经常加班？加班有没有加班费？",
    "请问有没有培训？多久能转正？转正以后工资能涨多少？",
    "这个岗位是做什么的呢？要站一整天吗？离地铁站远吗？",
]


@pytest.mark.parametrize("text", ASKING)
def test_an_answer_of_questions_to_a_story_question_stays_very_low(text):
    r = run(text)
    if r["status"] == "needs_review":    # a run of short questions may read as a list and go to review
        return
    assert r["overall"] <= model.ASKING_ONLY, r["overall"]
    assert any("主要是在提问" in s for s in reasons(r)), reasons(r)


@pytest.mark.parametrize("text", [
    "那次客户打电话问我能不能今天发货？我说可以，我马上把他的三十箱货先打包，和同事一起装车，下午五点前全部发走了。",
    "店长问我来不来得及？我说来得及，就把两百单按快递公司分好，和小王一人一半，七点前全部发完。",
])
def test_a_story_that_reports_a_question_is_not_asking(text):
    r = run(text)
    assert not any("主要是在提问" in s for s in reasons(r)), reasons(r)
    assert r["overall"] > model.ASKING_ONLY


@pytest.mark.parametrize("folder", ["unseen-roles-a", "unseen-roles-b", "unseen-roles-c", "unseen-roles-d"])
def test_no_honest_answer_of_the_eval_sets_counts_as_only_asking(folder):
    hit = []
    for a in dataset.load(EVAL / folder):
        if a.kind not in HONEST or explain.question_type(a.question) == "closing":
            continue   # a closing question is answered by questions
        q = dict(a.question, competencies=answer.competencies_of(a.question))
        an = features.analyse([{"word": a.text}], a.language, q)
        if model.asking_only(answer._questions_put(an.seg.text), an.counts["content_clauses"]):
            hit.append(a.id)
    assert hit == []


# --- another job's story, set nowhere near the question's scene (breaker8 other_job_teacher and variants) ---
OTHER_JOB = [
    "我之前当小学老师，期末考试前一周要给45个学生复习，我把知识点分成五个单元，每天讲一个，周五做模拟卷，最后全班平均分提高了8分。",
    "我以前在健身房当教练，有个会员三个月后要结婚想减十斤，我给她排了每周四次的训练，饮食也帮她算好，最后她瘦了十二斤。",
    "我大学的时候是学生会干部，迎新晚会只剩两天，我把节目分成三组排练，自己负责灯光和音响，晚会最后顺利办完了。",
    # relfix variants: still open — word-vector scene closeness (nouns only, 时间 and time words left out) gives
    # honest strong answers of unseen-roles c/d/e 0.07–0.09 and these stories 0–0.13, so it cannot tell them apart
    "我之前在理发店做发型师，有个新娘早上七点要化妆做头发，我提前一小时到店，先把卷发棒和发胶准备好，八点前做完了三个伴娘的头发。",
    "我以前在医院当护士，有天夜班同时来了五个急诊病人，我先给最重的那个量血压、挂上点滴，再一个个登记，天亮前全部安顿好了。",
]


OTHER_JOB_OPEN = pytest.mark.xfail(strict=True, reason=(
    "open: taking 时间 out of the question's scene nouns capped these stories, but also capped an honest urgent-order "
    "story (300 boxes prepared an hour early, all shipped by 9 pm: test_scoring_reasons quotes test) at 35 as far "
    "from the question. A false off-topic for an honest answer is worse; the scene test needs a better signal"))


@OTHER_JOB_OPEN
@pytest.mark.parametrize("text", OTHER_JOB)
def test_another_jobs_story_does_not_pass_the_urgent_order_question(text):
    r = run(text)
    assert r["overall"] < PASS, r["overall"]
    assert any("关系不大" in s for s in reasons(r)), reasons(r)


@OTHER_JOB_OPEN
def test_time_words_alone_do_not_set_an_answer_in_the_questions_scene():
    """时间 is in almost every question: 一周, 每天 near it put a classroom in a warehouse."""
    q_seg = features.segment_words([{"word": URGENT_Q["text"]}], "zh")
    a = features.analyse([{"word": OTHER_JOB[0]}], "zh", URGENT_Q)
    assert "时间" in features._NOT_SCENE
    assert a.details["scene"] is None or a.details["scene"] < model.FAR_SCENE
    assert q_seg.tokens


@pytest.mark.parametrize("text", [
    "上月周五下午4点来了80单急件，6点前要发。我把单按快递公司分两堆，让同事小李贴单我打包，5点50全部发完。",
    "上周五50单急件，我和同事分两组打包，下午4点前全发完。",
    "去年双十一前一天晚上九点，店里突然多了300箱货要第二天中午前发走，我先把订单按目的地分成三批，江浙沪的先打包，"
    "最后第二天上午10点半全部发出，一单没错。",
])
def test_honest_urgent_order_stories_keep_passing(text):
    r = run(text)
    assert r["overall"] >= PASS, r["overall"]
    assert not any("关系不大" in s or "主要是在提问" in s for s in reasons(r))


# --- a weak on-topic line padded with a vivid story about something else (breaker8 finding 1 and variants) ---
PADDING = [
    "遇到急单的时候我一般都会努力完成，效果还不错。去年国庆我和朋友开车去了青海湖，一共走了1200公里，第三天早上六点在湖边看到了日出，"
    "我拍了两百多张照片，后来还发了朋友圈，收到了八十多个赞。",
    WEAK + "我最近看了一部电影叫《流浪地球2》，在万达影城看的，票价45元，电影讲的是人类带着地球逃离太阳系的故事，我看了两遍，最后还买了一个周边模型。",
]
# (weak line, story): a family event, a hobby, a pet, a holiday at home
PADDING_VARIANTS = [
    ("遇到急单我一般就加加班，尽量做完。",
     "上个月我表姐结婚，婚礼在市里的希尔顿酒店办的，一共摆了三十桌，我当伴娘，早上五点就起来化妆，最后还抢到了捧花。"),
    ("订单急的话我就抓紧一点，最后也都发出去了。",
     "上周末我跟我爸去水库钓鱼，钓了一整天，一共钓了十一条鲫鱼，最大的一条有两斤多，晚上回家炖了一锅汤。"),
    ("那次急单我就尽量快点做，还算顺利。",
     "前几天我家猫生病了，我带它去宠物医院，拍了片子花了八百多，医生说是肠胃炎，打了三天针，现在又能吃能跳了。"),
    (WEAK, "今年春节我们全家回了老家，我妈做了一大桌菜，有十二个菜，我和表弟在院子里放了两百块钱的烟花，一直玩到半夜一点。"),
]


@pytest.mark.parametrize("text", PADDING)
def test_a_weak_line_padded_with_an_unrelated_story_stays_low(text):
    assert run(text)["overall"] <= 15


@pytest.mark.parametrize("weak, story", PADDING_VARIANTS)
def test_an_unrelated_story_after_a_weak_line_adds_nothing(weak, story):
    alone = run(weak)["overall"]     # None: a line too short to judge alone is gated
    padded = run(weak + story)["overall"]
    # the padded answer is scored as the weak line it is: a poor answer (rating under 2, < 25), never above
    # the line alone
    assert padded < 25 and (alone is None or padded <= alone + 5), (alone, padded)


@pytest.mark.parametrize("text", [
    # a thin first line, then a new sentence that sets its own time and tells the urgent order itself
    "有一次订单特别急。那天晚上九点，仓库突然来了两百箱货，要第二天早上八点前发走，我先把货按快递公司分好，叫上两个同事一起打包，"
    "凌晨两点全部打完，第二天一早准时发走了。",
    # … whose words are a wedding's, but the story is the order's
    "有一次客户的订单特别急。第二天就是他女儿的婚礼，他订的两百份喜糖盒还没到齐，我下午把盒子和糖分给三个同事装，我负责贴标签，"
    "晚上十点全部装好，第二天一早我自己开车送到了酒店。",
    "有一次订单很急，客户要五百个定制杯子。上周五下午三点接到电话，说周六上午要，我先跟车间确认了库存，晚上加班印字，"
    "我和两个同事分工包装，周六早上九点准时送到了。",
])
def test_an_honest_story_after_a_thin_first_line_keeps_passing(text):
    # the story after the thin line is counted, not cut as padding (cut, it scores about 20); default-8 puts the
    # wedding-sweets story at 58.7, its 执行力 lowered by the competency gap, so the bar is 合格 (50), not 60
    analysis = features.analyse([{"word": text}], "zh", URGENT_Q)
    assert not analysis.details.get("excluded_clause_ids"), analysis.details.get("excluded_clause_ids")
    assert run(text)["overall"] >= 50


def test_a_scene_set_at_a_work_peak_is_not_a_new_episode():
    """高峰期… in a closing question's answer is work, not a private story told after it."""
    from functions.analyze.scoring import lexicon
    seg = features.segment_words([{"word": "高峰期一天大概多少件"}], "zh")
    assert not features.opens_scene(seg.tokens, "zh", lexicon.sets("zh")["time_words"])
    seg = features.segment_words([{"word": "上周末我跟我爸去水库钓鱼"}], "zh")
    assert features.opens_scene(seg.tokens, "zh", lexicon.sets("zh")["time_words"])


NO_EVIDENCE_OPEN = pytest.mark.xfail(strict=True, reason=(
    "breaker8 finding 6 open: a competency without evidence of its own still inherits the answer's concreteness. "
    "No measured signal separates it from competencies raters rate >= 4 though the answer never says their words: "
    "on eval sets a-e (Chinese), every threshold on competency_strength, on the nearest answer word to the "
    "competency's terms, on the competency's closeness to the question, or on the gap to the best-shown competency "
    "that catches these answers pushes at least as many rows rated >= 4 below 60 as it fixes rows rated <= 2"))


@NO_EVIDENCE_OPEN
def test_a_competency_with_no_evidence_stays_below_the_pass_line():
    q = {"text": URGENT_Q["text"], "answer_seconds": 120,
         "competencies": [{"name": "执行力", "weight": 1, "keywords": ["按时", "安排", "优先级"]},
                          {"name": "英语能力", "weight": 1, "keywords": ["英语", "外宾", "翻译"]},
                          {"name": "驾驶安全", "weight": 1, "keywords": ["驾照", "开车", "安全带"]}]}
    r = run("去年双十一前一天晚上九点，店里突然多了300箱货要第二天中午前发走，我们只有四个人。我先把订单按目的地分成三批，"
            "江浙沪的先打包，因为快递车十点半就来。扫码枪中途坏了，我就用手机小程序一单一单扫，最后第二天上午10点半全部发出，一单没错。", q)
    driving = next(c for c in r["competencies"] if c["name"] == "驾驶安全")
    assert driving["score"] < PASS, json.dumps(driving, ensure_ascii=False)


KITCHEN_Q = {"text": "请说说你在后厨是怎么保证食品卫生的，举一个具体的例子。", "answer_seconds": 120}
KITCHEN = ("我在火锅店后厨做了两年。每天开档前我先把砧板和刀分成红蓝两套，红的切生肉，蓝的切熟食和蔬菜，用完就用八十度的热水烫一遍。"
           "有一次我发现冷库里有两箱毛肚过了保质期一天，我马上拿出来贴上报废单，拍照发给厨师长，当天就全部处理掉了，那个月食品检查我们店拿了满分。")
HYGIENE = {"name": "卫生规范", "weight": 1, "keywords": ["卫生", "消毒", "生熟分开"]}


@NO_EVIDENCE_OPEN
@pytest.mark.parametrize("absent", [
    {"name": "外语能力", "weight": 1, "keywords": ["英语", "外宾", "翻译"]},     # scored 77.1 when written
    {"name": "驾驶安全", "weight": 1, "keywords": ["驾照", "开车", "安全带"]},   # scored 79.0
])
def test_a_kitchen_story_does_not_pass_a_competency_it_never_touches(absent):
    """Worse than the urgent-order case: the story shows hygiene by behaviour (红蓝两套砧板, 热水烫) without its words,
    so its best competency is weak and the competency gap (which counts as much as the best is shown) barely
    lowers the absent one."""
    r = run(KITCHEN, dict(KITCHEN_Q, competencies=[HYGIENE, absent]))
    other = next(c for c in r["competencies"] if c["name"] == absent["name"])
    assert other["score"] < PASS, json.dumps(other, ensure_ascii=False)
    assert any("没有说到" in s for s in other["reasons"]), other["reasons"]


# --- honest controls for any fix of the above: a competency shown by behaviour without its words keeps passing ---
def test_hygiene_shown_by_behaviour_without_its_words_passes():
    r = run(KITCHEN, dict(KITCHEN_Q, competencies=[HYGIENE, {"name": "责任心", "weight": 1, "keywords": ["负责", "认真"]}]))
    hygiene = next(c for c in r["competencies"] if c["name"] == "卫生规范")
    assert not features.analyse([{"word": KITCHEN}], "zh", dict(KITCHEN_Q, competencies=[HYGIENE])) \
        .competencies[0][2]["keywords_said"]
    assert hygiene["score"] >= PASS, json.dumps(hygiene, ensure_ascii=False)


def test_teamwork_shown_by_behaviour_without_its_words_passes():
    text = ("那天下午三点接到一百二十单加急单，五点前要发。我跟小王说你负责贴面单，我来装箱，老张去叫快递车，"
            "我们三个一人一段流水线，四点五十全部装上车。")
    r = run(text)
    team = next(c for c in r["competencies"] if c["name"] == "团队协作")
    assert not any(k in text for k in ("沟通", "协调", "同事", "分工"))
    assert team["score"] >= PASS, json.dumps(team, ensure_ascii=False)
