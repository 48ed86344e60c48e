"""Session 23: families found through breaker 22's open cases and checked over every labelled answer
(bench/results_snapshot --compare). Each family has its honest look-alike beside it."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, lexicon, text as T
from functions.analyze.scoring.answer import warm_up

Q = json.loads((Path(__file__).parent / "data" / "breaker22" / "questions.json").read_text(encoding="utf-8"))
URGENT = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "责任心", "weight": 0.5, "keywords": ["负责", "检查", "核对", "认真"]}]}


def run(text, question, language="zh"):
    warm_up()
    return pipeline.analyze_transcript(text, question, language)


def reasons(r):
    return [x for c in r["competencies"] for x in c["reasons"]]


def own(phrase, sentence):
    seg = T.segment(sentence, "zh")
    clauses = [[seg.tokens[i] for i in c] for c in seg.clauses]
    return features._own_phrase(phrase, clauses, lexicon.sets("zh")["first_person"])


@pytest.mark.parametrize("phrase,sentence,said", [
    ("骂", "差不多半个钟头就清了，没啥人骂。", False),     # nobody scolded: the result, not the candidate's temper
    ("骂", "没人骂。", False),
    ("拖着", "我从不拖着。", False),
    ("骂", "我当时一着急就骂了他两句。", True),            # the candidate's own deed stays unwilling
    ("拖着", "这种活我一般都先拖着。", True),
])
def test_an_unwilling_phrase_under_a_negator_is_not_said(phrase, sentence, said):
    assert own(phrase, sentence) is said


@pytest.mark.parametrize("text", [
    "有一次我把客人的手表修好以后，客人说走得不准，我说机械表都这样。后来别的店说是我装坏了，我觉得不可能是我的问题，肯定是他们想多收钱。",
    "那次订单很急，我看了一眼觉得问题不大，就没管，直接发出去了，后来顾客说少了两件，我说肯定不是我的错。",
])
def test_shifting_the_blame_is_counter_evidence(text):
    r = run(text, URGENT)
    assert r["overall"] <= 35, r["overall"]
    assert any("反面信息" in x for x in reasons(r)), reasons(r)


def test_finding_that_the_fault_was_not_ones_own_is_no_blame_shifting():
    text = "那次顾客说少发了货，我先道歉，然后调了监控，发现不是我的问题，是系统把单号打错了，我跟顾客解释清楚，当天重新发了货。"
    r = run(text, URGENT)
    assert not any("反面信息" in x for x in reasons(r)), reasons(r)


@pytest.mark.parametrize("text,theirs", [
    # the customer came and shouted: -서 and -고 join predicates of one subject
    ("손님이 와서 막 소리 지르고 그랬어요. 저는 물 한 잔 드리고 진정시켜 드렸어요.", True),
    ("아저씨가 들어오면서 욕하고 소리 질렀는데 저는 차분하게 설명드렸어요.", True),
    # … but after -는데 the dropped subject is the speaker again, and a speaker named is the speaker
    ("손님이 줄을 섰는데 귀찮아서 소리 지르고 계산대를 닫았어요.", False),
    ("손님이 와서 계산이 틀렸다고 했어요. 제가 화가 나서 소리 질렀어요.", False),
])
def test_korean_same_subject_connectives_keep_the_customer_the_subject(text, theirs):
    r = run(text, Q["cvs"], "ko")
    blamed = any("반" in x or "反面信息" in x for x in reasons(r))
    assert blamed is not theirs, reasons(r)


def test_korean_negation_ends_at_nikka():
    seg = T.segment("그래도 안 되니까 경찰 불렀고 10분 있다가 왔어요.", "ko")
    negated = {t.text for t in seg.tokens if t.negated}
    assert "경찰" not in negated and not any(w.startswith("불렀") for w in negated), negated


def test_everyday_counter_words_put_a_rough_story_on_the_question():
    """收钱, 出杯, 备料…: the words of a shop's counter, said by a rough speaker who never says 排队 or 顾客."""
    text = ("那天人老多了，排到门口去了都，我跟那个小妹说你就光收钱别的别管，我这边就一个劲儿摇，同样的一块儿做，珍珠我提前"
            "多煮了一锅，差不多半个钟头吧就清了，没啥人骂。")
    r = run(text, Q["mt"])
    assert r["features"]["relevance"] > 0 and r["features"]["reluctance"] == 0, r["features"]
    assert "回答和题目关系不大。" not in reasons(r)


RENTAL = {"text": "请讲一次客户还车时，你们在划痕或费用上有争议的经历。你当时是怎么处理的，最后结果如何？", "answer_seconds": 120,
          "competencies": [{"name": "沟通", "weight": 0.5, "keywords": ["沟通", "解释", "耐心"]},
                           {"name": "规则执行", "weight": 0.5, "keywords": ["合同", "验车", "押金"]}]}


def test_a_clause_pointing_back_at_the_customer_goes_on_with_the_story():
    """Set t's short strong answer (32.4): after 客户…, the clauses 给他两个选择 / 他选了… name no word of the question and
    were cut as padding with the story's prices and result. Written here in other words."""
    text = ("有回客户还车，说后杠的刮痕不是他蹭的。我调出取车时的环车照片跟他一张张对，确认是新的。我没硬扣押金，给他两个选择："
            "走保险自付六百，或者去合作的修理厂付三百八。他选了三百八，当场签字，后来还续租了。")
    a = features.analyse([{"word": text}], "zh", dict(RENTAL))
    assert {"六百", "三百"} <= set(a.details["concrete"]), a.details["concrete"]   # 2d0e0e8: {} (clauses 5–10 cut)
    assert not a.details["excluded_clause_ids"], a.details["excluded_clause_ids"]
    assert a.answer["outcome"] >= 0.75
    # … and a story's opening is not cut for the clauses the pronouns carried (他 of the customer named before)
    opening = ("有位客户还车时说车尾的刮痕跟他无关。我翻出取车那天的照片同他逐张比对，确认是新刮的。我没硬扣押金，给他俩方案："
               "走保险自掏五百，或者去合作的修理铺付三百。他挑了修理铺，马上签字，之后还续租了两回。")
    b = features.analyse([{"word": opening}], "zh", dict(RENTAL))
    assert "那天" in b.details["concrete"] and not set(b.details["excluded_clause_ids"]) - {0}, b.details


def test_an_unrelated_story_naming_its_own_people_is_still_padding():
    """The look-alike: a story about someone else, named before its pronouns, does not go on with the answer's."""
    base = "有个客户还车时说划痕不是他弄的。我调出取车时的照片跟他一张张对，确认是新的，最后按合同扣了三百押金，他也认了。"
    padded = base + "我女儿今年上小学，开学那天她哭着不肯进教室，我给她买了一个粉色书包，后来她交了两个好朋友。"
    assert run(padded, RENTAL)["overall"] <= run(base, RENTAL)["overall"] + 1


KITCHEN_Q = {"text": "请讲一次后厨特别忙的时候你是怎么出菜的？", "answer_seconds": 120,
             "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["出菜", "顺序", "备料"]},
                              {"name": "质量", "weight": 0.5, "keywords": ["口味", "卫生", "检查"]}]}


@pytest.mark.parametrize("text,question", [
    # recipes whose ingredients are no food, acts, qualities, people or HR's own terms
    ("做法很简单：取昨天的排队五克，加入两勺监控，小火慢炖半小时，出锅前撒上一把耐心，淋上一点主管，趁热端给顾客。", URGENT),
    ("先把安排切成丁，放进锅里翻炒，加入两勺加班，撒上优先级，出锅装盘，按时上桌。", URGENT),
    # a fairy tale's frame around the job's words
    ("很久很久以前，有一家快递站，住着三百个包裹和一只会说话的扫码枪。它们每天按时安排优先级，后来大家从此过上了幸福的生活。",
     URGENT),
])
def test_recipes_and_tales_of_the_job_s_words_go_to_a_person(text, question):
    assert run(text, question)["status"] == "needs_review"


@pytest.mark.parametrize("text", [
    "后厨那天太忙，我先把排骨焯水，锅里加入两勺料酒，撒上葱花，出锅前淋上一点香油，二十分钟出了六份。",
    "那天单子特别多，我头天晚上就把配菜切好分装，炒的时候加入一勺高汤，撒一把香菜，一锅炒两份，出锅前都尝一口。",
    # a cook's words outside the kitchen: 撒上消毒粉 on a wet floor is cleaning
    "那天下大雨门口特别滑，我撒上一层消毒粉又铺了防滑垫，然后把排队的顾客引到侧门，没有一个人摔倒。",
    # 从前 as "before", not a tale
    "从前有个师傅跟我说，出菜要看顺序。那天我先出凉菜，再出蒸菜，小炒一锅两份，二十分钟出了三十个菜。",
])
def test_honest_cooks_and_look_alikes_are_scored(text):
    r = run(text, KITCHEN_Q)
    assert r["status"] == "scored", (r["reason_code"], r["reason"])


def test_an_apology_said_as_pei_bushi_counts_as_one():
    """Breaker 23: 赔不是 earned nothing for 服务意识 (44.3 against 70.6 for 道歉)."""
    q = {"text": "讲一次顾客对菜品不满意、当场发火的经历，你是怎么处理的？", "answer_seconds": 120,
         "competencies": [{"name": "服务意识", "weight": 1, "keywords": ["道歉", "安抚", "换菜"]}]}
    rough = run("那回客人嫌汤太咸，当场就拍了桌子。我赶紧上去赔了个不是，让后厨重做了一份，客人后来也就消气了。", q)
    plain = run("那回客人嫌汤太咸，当场就拍了桌子。我赶紧上去道了个歉，让后厨重做了一份，客人后来也就消气了。", q)
    assert abs(rough["overall"] - plain["overall"]) <= 2, (rough["overall"], plain["overall"])


def test_safety_said_in_english_inside_chinese_is_on_the_question():
    """Breaker 23: report一下，call顾客…safety first嘛，路上slow一点 was capped at 35 as off the question."""
    q = {"text": "送外卖时遇到暴雨，手上好几单眼看要超时，你会怎么做？", "answer_seconds": 90, "type": "situational",
         "competencies": [{"name": "安全意识", "weight": 1, "keywords": ["安全", "减速", "雨衣"]},
                          {"name": "客户沟通", "weight": 1, "keywords": ["联系", "报备", "解释"]}]}
    r = run("我会先在平台上report一下，然后call顾客讲清楚会晚一点，safety first嘛，路上slow一点，穿好雨衣。", q)
    assert r["overall"] > 40 and not any("关系不大" in x for x in reasons(r)), reasons(r)


@pytest.mark.parametrize("text,gated", [
    ("问：订单太急怎么办？答：先排优先级。问：人手不够呢？答：找同事。问：还不够呢？答：加班。问：结果呢？答：按时。", True),
    ("Q: What if the order is late? A: Call the customer. Q: And then? A: Refund. Q: And after? A: Follow up.", True),
    # a customer's question and the candidate's answer told inside a story are no drill
    ("那天顾客问：你们是不是少发了一箱？我答：我马上核对。我先查了出库单，又调了监控，确实少发了一箱，当天下午补发过去了。", False),
])
def test_a_self_interview_drill_goes_to_a_person(text, gated):
    language = "en" if text.startswith("Q:") else "zh"
    question = URGENT if language == "zh" else {**URGENT, "text": "Tell me about an urgent order you handled."}
    assert (run(text, question, language)["status"] == "needs_review") is gated


@pytest.mark.parametrize("sentence,negated,kept", [
    ("小票我是不会去对的。", {"小票"}, set()),
    ("更没有报损过，Excel也不会用。", {"excel"}, set()),
    ("货我都没碰。", {"货"}, set()),
    # the thing done stays said; a verb with its own object negates only what follows
    ("我把货发了，钱我也核对了。", set(), {"货", "钱"}),
    ("小票我每单都对，监控我也会看。", set(), {"小票", "监控"}),
    ("我不会用Excel。", {"excel"}, set()),
])
def test_a_thing_fronted_before_a_negated_verb_is_negated(sentence, negated, kept):
    seg = T.segment(sentence, "zh")
    said = {t.text for t in seg.tokens if t.negated}
    assert negated <= said and not (kept & said), said


TUTOR = {"text": "请讲一次你帮助一个跟不上进度的孩子的经历，孩子后来有什么变化？", "answer_seconds": 120,
         "competencies": [{"name": "引导", "weight": 0.5, "keywords": ["耐心", "鼓励", "引导"]},
                          {"name": "家长沟通", "weight": 0.5, "keywords": ["家长", "反馈", "沟通"]}]}


@pytest.mark.parametrize("text,result", [
    # a learner's progress told as the other person's (set t's tutor was told 没有说到最后的结果)
    ("有个八岁男孩总记不住乘法口诀。我把口诀编成拍手游戏，每天课前跟他玩五分钟，也跟他妈妈说了在家怎么练。三周后他自己背下了"
     "九九表，上课也开始主动举手了。", True),
    # the candidate's own next step, with the subject left out, is no result — read as one by the older fallback (a
    # specific clause with 了 after the first action, features.analyse), not by the learner's-progress reading
    pytest.param("有个八岁男孩总记不住乘法口诀。我把口诀编成拍手游戏，每天课前跟他玩五分钟，后来又开始主动给家长发练习视频了。",
                 False, marks=pytest.mark.xfail(strict=True, reason="open: a later step of the candidate's ending in 了 "
                                                                    "counts as a result (0.75)")),
])
def test_a_learner_s_progress_is_the_story_s_result(text, result):
    r = run(text, TUTOR)
    said = any(x.startswith(("说到了最后的结果", "说了具体结果")) for x in reasons(r))
    assert said is result, reasons(r)
