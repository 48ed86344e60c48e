"""Session 36: acts that cannot happen, read in families breaker 35 left open (tests/functions/data/breaker35).

- A separable verb split by an aspect word or a count (道了歉, 打了个电话, 吵了一架, 请了两天假) is read as the whole
  act by the act readers (gates.joined_act): 雨也向我道了歉 was not an apology at all.
- The one phoned or apologised to that hears nothing though it is no thing: a time, a quality, a feeling or money
  (向工资道了歉, 给星期三打了个电话: gates._unhearing), and a made thing Cilin's extract leaves out (冰箱: gates._deaf,
  by the word-class reader).
- 它 standing for a thing named before (给冰箱打了个电话，向它道歉) — not for an animal (踩到了顾客的狗，向它道歉 is
  honest).
- A word Cilin knows is a person only by its codes (gates._coded_person): 电话 and 工资 sit near people in the word
  vectors and were taken for people, so no apology to them was read.
- The passive (耐心被我晒干了): handled like 把, and a thing signing for goods (打印机签收了包裹); jieba's verb tag on
  a 把-object (门把包裹/v签收了) no longer hides the doer.
Each family with honest speech written for it, which must read no act.
"""
from __future__ import annotations

import pytest
from breaker_findings import load
from breaker_findings import run as run_case

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates, text

Q = {"text": "请讲一次你在餐厅处理顾客投诉的经历，你是怎么做的，结果怎样？", "answer_seconds": 90,
     "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "投诉", "道歉", "解决"]},
                      {"name": "沟通表达", "weight": 0.4, "keywords": ["沟通", "倾听", "解释"]}]}


def _analysis(said: str):
    return features.analyse(text.words_from_text(said, "zh"), "zh", Q)


def _acts(said: str) -> list[str]:
    a = _analysis(said)
    return [act for _, act in gates.odd_acts(a)] + gates.things_acting(a)


@pytest.mark.parametrize("said, act", [
    ("雨也向我道了歉", "道歉"),
    ("我给冰箱打了个电话", "打电话"),
    ("他们俩吵了一架", "吵架"),
    ("我请了两天假", "请假"),
    ("我在单子上签了个字", "签字"),
    ("我给他打了一通电话", "打电话"),
    ("我向顾客道个歉", "道歉"),
])
def test_a_separable_verb_split_by_an_aspect_word_or_a_count_is_the_whole_act(said, act):
    toks = _analysis(said).seg.tokens
    assert act in [j[0] for k in range(len(toks)) if (j := gates.joined_act(toks, k))], [x.text for x in toks]


@pytest.mark.parametrize("said", ["我打扫了房间", "我道歉了", "我打了个车回家", "我签了合同", "我请了个师傅"])
def test_words_that_only_begin_like_a_separable_verb_are_not_one(said):
    toks = _analysis(said).seg.tokens
    assert [j for k in range(len(toks)) if (j := gates.joined_act(toks, k))] == [], [x.text for x in toks]


@pytest.mark.parametrize("said", [
    "我向工资道了歉",
    "我给星期三打了个电话",
    "我跟委屈道了个歉",
    "我给耐心打了个电话",
    "我给冰箱打了个电话",
    "我给沙发道了歉",
])
def test_a_time_a_feeling_money_or_a_thing_phoned_or_apologised_to_is_an_act_that_cannot_happen(said):
    assert _acts(said), said


@pytest.mark.parametrize("said", [
    "我向顾客道了歉",
    "我给物业打了个电话",
    "我对这次的失误道了歉",
    "我对此道歉",
    "我给售后打了个电话",
    "我向公司道了歉",
    "我给家里打了个电话",
    "我给110打了电话",
    "我跟经理道了个歉",
    "我给快递打了个电话问包裹到哪了",
    "我向大家道歉",
    "我给前台打了个电话",
    "我给银行打了电话",
    "我给店长打了个电话",
    "我向客人的孩子道了歉",
    "周五我给供应商打了个电话",
    "我给周五值班的同事打了个电话",
])
def test_people_and_the_places_that_stand_for_them_phoned_or_apologised_to_are_no_acts(said):
    assert _acts(said) == [], said


def test_it_standing_for_a_thing_named_before_is_read_and_for_an_animal_is_not():
    assert "向它道歉" in _acts("我给冰箱打了个电话向它道歉说昨天关门太用力")
    assert _acts("我不小心踩到了顾客的狗赶紧向它道歉") == []
    assert _acts("手机没电了我给它充上电以后给顾客打了个电话") == []


@pytest.mark.parametrize("said", ["耐心被我晒干了叠好放进柜子", "耐心被我切成小块炖了"])
def test_the_passive_handles_what_cannot_be_held_as_the_ba_form_does(said):
    assert any("…" in a for a in _acts(said)), _acts(said)


@pytest.mark.parametrize("said", ["衣服被我晒干了", "包裹被我放进了仓库", "单子被同事放进了抽屉里", "菜被厨师炒好了",
                                  "客户签收了包裹", "前台签收了快递"])
def test_the_passive_and_signing_in_honest_speech_are_no_acts(said):
    assert _acts(said) == [], said


def test_a_thing_signing_for_goods_is_read_past_a_ba_object_jieba_tags_as_a_verb():
    assert "打印机|签收" in _acts("打印机把包裹签收了")


@pytest.mark.parametrize("case_id", ["n08", "n14"])
def test_breaker35s_fridge_and_salary_go_to_a_person(case_id):
    r = run_case(load("breaker35")[case_id])
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


def test_an_honest_apology_story_told_with_split_verbs_is_scored():
    said = ("上周六晚上一位顾客说汤太咸，我先向他道了个歉，给后厨打了个电话让师傅重新做一份，"
            "又送了他一份小菜，顾客最后说没关系，走的时候还给了好评。")
    r = pipeline.analyze_transcript(said, Q, "zh")
    assert r["status"] == "scored" and r["overall"] >= 50, (r["status"], r.get("overall"), r.get("reason"))


# ---- breaker 36 (tests/functions/data/breaker36): dates and clock times that cannot exist, in three languages

@pytest.mark.parametrize("said, language, found", [
    ("二月三十号晚上二十五点我接了一单", "zh", ["二月三十号", "二十五点"]),
    ("去年十三月的第八天", "zh", ["十三月"]),
    ("那天一个小时有七十分钟", "zh", ["一个小时有七十分钟"]),
    ("星期八的三十二点", "zh", ["星期八", "三十二点"]),
    ("用了负五分钟就到了", "zh", ["负五分钟"]),
    ("4月31日下午三点七十分", "zh", ["4月31日", "三点七十分"]),
    ("On the 31st of February, at about 26 o'clock", "en", ["the 31st of february", "26 o'clock"]),
    ("We met on February 30 at 25:10", "en", ["february 30", "25:10"]),
    ("an hour has 75 minutes there", "en", ["an hour has 75 minutes"]),
    ("2월 30일 25시에 손님이 오셨습니다", "ko", ["2월 30일", "25시"]),
    ("13월 5일에 3시 70분까지", "ko", ["13월", "3시 70분"]),
])
def test_dates_and_clock_times_that_cannot_exist_are_read(said, language, found):
    from functions.analyze.scoring.impossible_dates import impossible_dates
    assert impossible_dates(said, language) == found


@pytest.mark.parametrize("said, language", [
    ("2月29号晚上十点我还在仓库", "zh"),
    ("十二月三十一号晚上十二点", "zh"),
    ("我在这家店干了十三个月", "zh"),
    ("一天工作十二个小时，一个小时有四十分钟在走路", "zh"),
    ("七十分钟以后才送到", "zh"),
    ("三十六号桌的客人", "zh"),
    ("我们拿十三薪，第十三个月的工资年底发", "zh"),
    ("星期天和周六人最多", "zh"),
    ("送了二十五单，每单五点五公里", "zh"),
    ("On February 28th we closed at 10:30, after a 26-hour week", "en"),
    ("The 13th month pay came in December", "en"),
    ("I worked 30 hours that week, 12 hours on Friday", "en"),
    ("12월 31일 오후 3시 30분에 손님이 오셨어요", "ko"),
    ("30시간 동안 일했어요", "ko"),
    ("13월의 월급을 받았어요", "ko"),
])
def test_real_dates_durations_and_counts_are_not(said, language):
    from functions.analyze.scoring.impossible_dates import impossible_dates
    assert impossible_dates(said, language) == []


@pytest.mark.parametrize("case_id", ["n04", "n12", "n38", "e04", "k05"])
def test_breaker36s_impossible_calendars_go_to_a_person_quoting_them(case_id):
    r = run_case(load("breaker36")[case_id])
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))
    assert "“" in r["reason"], r["reason"]


# ---- honest answers the counter-evidence reader misread (breaker 36 h11, h22)

def test_switching_to_handwritten_records_is_no_tampering():
    """改用手写记录 (switched to writing the records by hand) read as 销毁或篡改证据、记录 and capped both competencies."""
    r = run_case(load("breaker36")["h11"])
    assert r["status"] == "scored" and r["overall"] > 35.0
    assert not any("篡改" in reason for c in r["competencies"] for reason in c["reasons"]), r["competencies"]


def test_a_lapse_the_question_asks_about_is_the_story_not_counter_evidence():
    """The question lists 迟到 among the incidents to tell: 我迟到了十二分钟 is what it asked for (breaker 36 h22)."""
    r = run_case(load("breaker36")["h22"])
    assert r["status"] == "scored" and r["overall"] >= 50, r.get("overall")
    assert not any("反面" in reason for c in r["competencies"] for reason in c["reasons"]), r["competencies"]
    # … and on a question that does not ask about it, a lapse told without a fix is still counter-evidence
    q = {"text": "请讲一次你送外卖时让顾客满意的经历。", "answer_seconds": 90,
         "competencies": [{"name": "服务意识", "weight": 1.0, "keywords": ["顾客", "道歉", "准时"]}]}
    late = pipeline.analyze_transcript("那天我迟到了半个小时，顾客打电话催我，我也没理他，送到就走了。", q, "zh")
    assert late["status"] == "scored" and late["overall"] <= 35.0, late.get("overall")


def test_asked_about_reads_the_lapses_words_in_the_question():
    from functions.analyze.scoring import contrary
    assert contrary.asked_about("迟到了", "送外卖时遇到过什么意外情况（迟到、地址错、餐洒了）？", "zh")
    assert not contrary.asked_about("迟到了", "请讲一次你让顾客满意的经历。", "zh")
    assert not contrary.asked_about("瞒着", "你有没有瞒着别人做过什么？", "zh")     # one character left: not read
    assert contrary.asked_about("late", "tell us about a time you were late for a shift.", "en")


# ---- a post held by what holds none; one act read with stage 2 of the nonsense reader far up (breaker 36)

@pytest.mark.parametrize("said, act", [
    ("雾负责端菜", "雾|负责"),
    ("可乐负责核对自己的数量", "可乐|负责"),
    ("鼻子负责跟顾客解释", "鼻子|负责"),
    ("那天沙发值夜班", "沙发|值夜班"),
])
def test_a_thing_a_food_or_a_body_part_holding_a_post_is_an_act_that_cannot_happen(said, act):
    assert act in _acts(said), _acts(said)


@pytest.mark.parametrize("said", [
    "系统负责记录每一单",
    "分拣机负责把包裹分到各个格口",
    "前台负责登记访客",
    "小王负责切配我负责上菜",
    "我们组负责夜班",
    "店长负责排班",
    "这台机器负责封箱",
    "他负责值夜班",
    "我主要负责收银和点单",
    "厨房负责出菜",
])
def test_people_teams_places_and_machines_holding_posts_are_no_acts(said):
    assert _acts(said) == [], said


@pytest.mark.parametrize("case_id", ["n13", "n15", "n16", "n39"])
def test_one_act_with_stage_two_far_up_goes_to_a_person_quoting_the_act(case_id):
    r = run_case(load("breaker36")[case_id])
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))
    assert "回答里的“" in r["reason"] and "就不可能发生" in r["reason"], r["reason"]


def test_one_act_alone_does_not_send_an_honest_story_to_a_person():
    """A figure of speech that reads as one act (the printer 闹脾气) with stage 2 low stays scored: h05, 0.68."""
    r = run_case(load("breaker36")["h05"])
    assert r["status"] == "scored", r.get("reason")


# ---- English: body parts at work, the number seven as a customer, receipts phoned (breaker 36 e03, e05, e06)

def _en_acts(said: str) -> list[str]:
    from functions.analyze.scoring import english_acts
    return [q for _, q in english_acts.acts(features.analyse(text.words_from_text(said, "en"), "en", Q))]


@pytest.mark.parametrize("said, act", [
    ("My left hand had quit that morning.", "hand had quit"),
    ("My knees negotiated with my elbows about the refund.", "knees negotiated"),
    ("Then the rain outside signed the refund form.", "rain outside signed"),
    ("I listened to the number seven explain the problem.", "seven explain"),
    ("I asked the manager to phone both receipts.", "phone both receipts"),
])
def test_english_body_parts_numbers_and_written_things_acting_or_phoned(said, act):
    assert act in _en_acts(said), _en_acts(said)


@pytest.mark.parametrize("said", [
    "My feet walked me home after the double shift.",
    "My eyes told me something was wrong with the order.",
    "My hands were shaking, so I asked my coworker to help.",
    "On the other hand, the customer signed the form.",
    "Table number seven asked for the bill.",
    "I phoned the store and checked the receipts with the manager.",
    "The customer signed the receipt and quit complaining.",
    "Our manager negotiated a refund with the supplier.",
])
def test_english_honest_bodies_numbers_and_receipts_are_no_acts(said):
    assert _en_acts(said) == [], said


@pytest.mark.parametrize("case_id", ["e03", "e05", "e06"])
def test_breaker36s_english_fables_go_to_a_person(case_id):
    r = run_case(load("breaker36")[case_id])
    assert r["status"] == "needs_review", (r["status"], r.get("overall"))


# ---- honest stories breaker 36 found marked down: the candidate's own post, someone's mother, a Korean subject

def test_the_candidates_own_post_and_a_customers_mother_are_no_coworkers_doing_the_work():
    """我在一家宠物店当店员 named the candidate's post, 小朋友的妈妈 a customer: both read as coworkers doing the work,
    and the story was capped at 50 as followed (breaker 36 h10)."""
    r = run_case(load("breaker36")["h10"])
    assert r["status"] == "scored" and r["overall"] > 50.0, r.get("overall")
    assert not any("别人" in reason for c in r["competencies"] for reason in c["reasons"]), r["competencies"]
    # … while a story a coworker's relative told as done by them still is the coworker's
    from functions.analyze.scoring import agency
    said = "那天我请假了不在店里，店长先跟顾客道歉，店长又重新做了一份，店长最后还送了优惠券，店长把事情处理好了。"
    assert agency.whose_work(features.analyse(text.words_from_text(said, "zh"), "zh", Q)) in ("away", "others", "followed")


def test_a_korean_verbs_negation_leaves_its_subject_alone_and_absence_does_not():
    from functions.analyze.scoring import features as f
    a = f.analyse(text.words_from_text("손님이 결제를 못 하고 화를 내셨습니다", "ko"), "ko", Q)
    negated = {t.text for t in a.seg.tokens if t.negated}
    assert "손님이" not in negated and "결제를" in negated, negated
    b = f.analyse(text.words_from_text("그 후로 불만이 없었어요", "ko"), "ko", Q)
    assert "불만이" in {t.text for t in b.seg.tokens if t.negated}


def test_the_korean_kiosk_story_no_longer_says_the_customer_was_mentioned_negatively():
    r = run_case(load("breaker36")["h27"])
    assert r["status"] == "scored"
    assert not any("以否定的方式提到了 손님" in reason for c in r["competencies"] for reason in c["reasons"])


def test_a_short_honest_answer_with_one_misread_act_stays_scored():
    """gates-u's fish tank (45 characters): 放在|窗边|晒太阳 was read as an act of 放在, and with stage 2 at 0.9+ the
    one-act rule sent it to a person. A verb is no doer now, and the rule reads answers of NONSENSE_ONE_ACT_HAN
    characters or more."""
    q = {"text": "请讲一次你帮顾客解决养鱼问题的经历，比如鱼生病、水发浑或者挑不到合适的鱼。当时是什么情况，你具体做了什么，结果怎样？",
         "answer_seconds": 90, "competencies": [{"name": "专业能力", "weight": 0.6, "keywords": ["水质", "换水", "喂食"]},
                                                {"name": "服务意识", "weight": 0.4, "keywords": ["顾客", "耐心"]}]}
    said = "有位顾客的鱼缸水发绿了，我问清是放在窗边晒太阳，让她挪开、少喂、换三分之一水，一周后水就清了。"
    assert _acts(said) == []
    assert pipeline.analyze_transcript(said, q, "zh")["status"] == "scored"


@pytest.mark.parametrize("said, found", [
    ("顾客投诉的时候我突然变成了一只猫", True),
    ("那天我变成了一只猫还用爪子记下问题后来又变回人", True),
    ("我都快变成一只陀螺了", False),
    ("我觉得自己变成了一只无头苍蝇", False),
    ("忙得我变成了一只陀螺", False),
    ("那段时间我简直变成了一头老黄牛", False),
])
def test_the_speaker_turned_into_a_counted_animal_plainly_is_a_transformation(said, found):
    toks = _analysis(said).seg.tokens
    assert bool(gates._transformations(toks)) == found, gates._transformations(toks)


@pytest.mark.parametrize("said, found", [
    ("然后帮两点钟联系三点钟", True),
    ("我帮三点钟的客人联系了师傅", False),
    ("请三点钟来面试的人先坐下", False),
    ("请他三点钟准时到", False),
    ("两点钟联系了客户", False),
    ("经理下午两点钟亲自来了一趟", False),
])
def test_a_clock_time_helped_like_a_person_is_an_impossible_participant(said, found):
    toks = _analysis(said).seg.tokens
    assert any("点钟" in a for _, a in gates._impossible_beings(toks)) == found, gates._impossible_beings(toks)


def test_korean_counts_with_particles_and_days_are_concrete_and_no_verb_ending_is_quoted():
    """h27 (breaker 36): 세 번이나 and 다음 날 were not read ("没有具体的数字…"), and HR was shown verb endings
    (“드렸고”“말씀하셨습니다”) as its concrete wording."""
    r = run_case(load("breaker36")["h27"])
    reasons = [reason for c in r["competencies"] for reason in c["reasons"]]
    assert not any(reason.startswith("没有具体的数字") for reason in reasons), reasons
    from functions.analyze.scoring.explain import _KO_PREDICATE
    quoted = [q for reason in reasons if reason.startswith("整体说法比较具体")
              for q in reason.split("（如“")[1].rstrip("”）。").split("”“")]
    assert not any(_KO_PREDICATE.search(q.split()[-1]) for q in quoted), quoted


# ---- breaker 37: complaints told without the word, keeping a customer's phone safe, negative counts

def _b37(case_id: str) -> dict:
    return run_case(load("breaker37")[case_id])


@pytest.mark.parametrize("case_id", ["h16", "h54"])
def test_a_complaint_told_as_a_short_weight_or_a_return_is_on_the_complaint_question(case_id):
    """秤不准，少给他二两肉 / 穿了一次就跑毛，来店里要退: bounded at 35 as telling no complaint (breaker 37)."""
    r = _b37(case_id)
    assert r["status"] == "scored" and r["overall"] > 35.0, r.get("overall")
    assert not any("没有讲到这种情况" in reason for c in r["competencies"] for reason in c["reasons"])


def test_a_phone_kept_safe_for_its_owner_is_no_misconduct_and_a_phone_kept_is():
    r = _b37("h35")
    assert not any("职业操守" in reason for c in r["competencies"] for reason in c["reasons"]), r["competencies"]
    from functions.analyze.scoring import contrary
    seg = text.segment("我把客人落下的钱包放进了自己口袋，后来他回来找，我才拿出来还给他。", "zh")
    k = next(i for i, t in enumerate(seg.tokens) if t.text.startswith("放进"))
    assert not contrary._kept_safe(seg, k, k + 3)
    seg = text.segment("我先放进我的口袋里，怕别人拿走。后来他回来找，我马上拿出来给他。", "zh")
    k = next(i for i, t in enumerate(seg.tokens) if t.text.startswith("放进"))
    assert contrary._kept_safe(seg, k, k + 3)


@pytest.mark.parametrize("said, found", [
    ("我们店被一位顾客投诉了负三次", ["负三次"]),
    ("然后给他退了负五十块钱", ["负五十块钱"]),
    ("其实用了零秒", ["用了零秒"]),
    ("冷库温度是负五度", []),
    ("仓库在负一楼", []),
    ("他负责三次盘点", []),
])
def test_counts_and_money_below_nothing_are_read_and_temperatures_and_floors_are_not(said, found):
    from functions.analyze.scoring.impossible_dates import impossible_dates
    assert impossible_dates(said, "zh") == found


def test_a_lapse_the_question_names_of_someone_else_is_not_asked_of_the_candidate():
    """The dog question names 不配合 of the dog (给一只特别不配合、有攻击性的狗洗澡): the candidate's own 我就是不配合
    stays counter-evidence (session 26's test caught the first asked_about)."""
    from functions.analyze.scoring import contrary
    assert not contrary.asked_about("不配合", "讲一次你给一只特别不配合、有攻击性的狗洗澡或修剪的经历，你是怎么做的？", "zh")
    assert not contrary.asked_about("不配合", "讲一次顾客不配合的经历，你是怎么做的？", "zh")
    assert contrary.asked_about("迟到了", "送外卖时遇到过什么意外情况（迟到、地址错、餐洒了）？你是怎么处理的？", "zh")
