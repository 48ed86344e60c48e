"""Session 45: honest mistake stories under the pass line (breaker 45's h08, breaker 46's h11, h13, h14, h30, h31, h34), by
family, with look-alikes both ways —
- the mistake told as happening in the family's narrow words (是我配错的, 我把…看成了…, 这是我的问题) touches the question
  itself (features: focus.tells_happened), whatever trade's words tell the rest: such stories were read as touching only
  everyday work (every content feature × 0.75) or nothing of the question (relevance 0);
- the complaint that did not come (顾客最后没给差评, 也没投诉) is the story's result, as 没有差评 already was;
- a customer who said it was all right (客人说没事, 不要紧) approved, as 说没关系 already did — not the candidate's own 我说没事.

Real answers through pipeline.analyze_transcript (the CLI's path) and features.analyse.
"""
from __future__ import annotations

import pytest

from breaker_findings import analysis_of, load, reasons_of, run, scored
from functions.analyze.scoring import focus, gates, quotes

B46 = load("breaker46")
MISTAKE = B46["h01"]["question"]      # 讲一次你在工作中犯错的经历，你是怎么处理的？ (诚信担当, 解决问题)
RUSH = load("breaker45")["h19"]["question"]    # 讲一次后厨高峰期出餐来不及的经历… (no mistake asked)


# --- the mistake told in the family's words touches the question ----------------------------------------------------
@pytest.mark.parametrize("clause,told", [
    ("是我配错的", True), ("我把吊牌价看成了二百九十九", False), ("这是我的问题", True), ("我没看清桌号", True),
    ("把三号桌和五号桌的菜单弄混了", True), ("扫描枪坏了", False), ("我发现少了一箱", False), ("客人很满意", False),
])
def test_what_tells_a_mistake_happened(clause, told):
    # the family's narrow words (Focus.vouch), not its wide tell (坏, 发现, 少): a rush story says those too
    # (看成了 is a mix-up: gates.mixups reads it when the two are of one kind, not this reader)
    assert focus.tells_happened(clause, focus.asked(MISTAKE["text"])) is told


def test_the_question_names_no_situation_nothing_is_told():
    assert focus.tells_happened("是我配错的", focus.asked("请做一个简单的自我介绍。")) is False


@pytest.mark.parametrize("said", [
    # breaker 46's kitchen mix-up: no word of the question (犯错, 处理) and none of the competencies' terms
    B46["h35"]["text"],
    # look-alikes by this session, in other trades
    "有一次我在快递站，把一个客户的包裹放错了货架，他来取的时候找了二十分钟。这是我的问题。我跟他道歉，帮他一起找到了。",
    "上个月我在超市收银，把一位阿姨的两斤苹果按成了梨的价格，少收了六块钱。是我看错了。我马上跟她说明，她补了钱。",
], ids=["b46-h35", "parcel-shelf", "till-price"])
def test_a_mistake_in_a_trades_words_touches_the_mistake_question(said):
    a = analysis_of(said, MISTAKE)
    assert a.details["on_question_clauses"] >= 1
    assert a.answer["relevance"] >= 0.5


def test_the_same_story_on_a_question_asking_no_mistake_gains_nothing_from_it():
    # 是我配错的 touches a mistake question only: on a rush question the clause is no word of the question
    said = "是我配错的，我跟厨师长说了。"
    assert analysis_of(said, RUSH).details["on_question_clauses"] == 0
    assert analysis_of(said, MISTAKE).details["on_question_clauses"] >= 1


@pytest.mark.parametrize("case_id", ["h11", "h13", "h14", "h30", "h31", "h34"])
def test_honest_mistake_stories_of_breaker_46_pass(case_id):
    r = scored(B46[case_id]["text"], B46[case_id]["question"])
    assert r["overall"] >= 60, (r["overall"], reasons_of(r))


@pytest.mark.parametrize("said,at_most", [
    # a rush story on the mistake question stays another situation (it says 坏了, a word of the family's wide tell)
    ("那天仓库来了三百箱货，第二天一早就要发，我跟两个同事分成三批按目的地装车，扫描枪坏了就手写单号，第二天上午十点半全部发完。", 45),
    # the family's words alone, with nothing done: no story
    ("我犯过错，是我的问题，我道歉了，后来改了，客人说没事。", 40),
    # a template of what one would do
    ("犯错的话，我会先承认错误，然后及时改正，最后总结经验教训，以后不再犯。", 40),
    # never a mistake, a boast
    ("我工作很认真，从来没犯过什么错，领导一直很信任我，同事关系也很好。", 30),
], ids=["rush", "words-only", "template", "boast"])
def test_look_alikes_of_a_mistake_story_stay_low(said, at_most):
    assert scored(said, MISTAKE)["overall"] <= at_most


# --- the complaint that did not come, and a customer who said it was all right -----------------------------------------
@pytest.mark.parametrize("tail", ["顾客最后没给差评。", "他最后也没投诉。", "客人后来没找店长投诉。", "客人说没事。",
                                  "她说不要紧。", "客人走的时候说没关系。"])
def test_the_customers_forgiveness_is_the_result(tail):
    said = "有一次我把客人要的冰的做成了热的，我马上给他重新做了一杯冰的，热的那杯我自己买下来了，" + tail
    assert analysis_of(said, MISTAKE).answer["outcome"] >= 0.75


@pytest.mark.parametrize("tail", ["我说没事。", "顾客给了差评。", "他去找店长投诉了。", "我也没给他退钱。"])
def test_the_candidates_own_words_or_the_complaint_itself_is_no_result(tail):
    said = "有一次我把客人要的冰的做成了热的，我马上给他重新做了一杯冰的，热的那杯我自己买下来了，" + tail
    assert analysis_of(said, MISTAKE).answer["outcome"] < 0.75


# --- what the reasons quote as the candidate's deed ------------------------------------------------------------------
def _deed_quoted(r: dict) -> list[str]:
    return [x.split("：", 1)[1] for x in reasons_of(r) if x.startswith("说了自己具体做了什么")]


@pytest.mark.parametrize("case_id,opening", [
    ("h16", "我在五金店上班"), ("h19", "我做建材销售"), ("h24", "我在物流公司做打包员的时候"), ("h07", "我在咖啡店上班的第一个月"),
])
def test_the_candidates_job_told_as_the_opening_is_no_deed(case_id, opening):
    quoted = _deed_quoted(scored(B46[case_id]["text"], B46[case_id]["question"]))
    assert quoted and not any(opening in q for q in quoted), quoted


@pytest.mark.parametrize("case_id,lapse", [
    ("h02", "写成了六寸"), ("h08", "放成了盐"), ("h33", "漏装了一份米饭"), ("h05", "出过错"), ("g20", "犯了两个错"),
])
def test_the_lapse_itself_is_no_deed(case_id, lapse):
    quoted = _deed_quoted(scored(B46[case_id]["text"], B46[case_id]["question"]))
    assert not any(lapse in q for q in quoted), quoted


@pytest.mark.parametrize("said,deed", [
    # a step told with the job's words stays a deed when it orders a step or names what was done
    ("那天店里来了三百箱货，我就在仓库把货按省份分成三堆，叫了两个同事一人一堆，第二天十点全部发完。", "按省份分成三堆"),
    # the first person dating its own step (我搬的时候数了一下) is the doer, not an owner
    ("那天到了二十箱货，我搬的时候数了一下只有十八箱，我马上打电话给供货商，第二天补齐了。", "数了一下"),
    # a mix-up the vectors do not know is still quoted when nothing else is said: the quote reader is no gate
    ("我把糖当成了盐，马上重新做了一份，客人最后很满意。", "重新做了一份"),
], ids=["step-in-the-warehouse", "dated-own-step", "remake"])
def test_real_deeds_are_still_quoted(said, deed):
    # (what explain quotes when the competency has evidence of its own: quotes.action_quote)
    quoted = quotes.action_quote(analysis_of(said, dict(MISTAKE, text="讲一次你在工作中遇到困难的经历，你是怎么处理的？")))
    assert quoted and deed in quoted, quoted


@pytest.mark.parametrize("case_id,not_mine", [("g24", "我的快递丢了")])
def test_what_the_candidate_owns_is_not_what_they_did(case_id, not_mine):
    quoted = _deed_quoted(run(B46[case_id]))
    assert not any(not_mine in q for q in quoted), quoted


@pytest.mark.parametrize("case_id,not_mine", [("g33", "在我们酒店位于深圳南山区科技园的大堂")])
def test_a_place_of_ours_is_not_a_deed(case_id, not_mine):
    quoted = _deed_quoted(run(load("breaker45")[case_id]))
    assert not any(not_mine in q for q in quoted), quoted


def test_the_customer_discovering_the_lapse_is_not_the_candidates_deed():
    # 取蛋糕时客人当场发现了: the time adjunct opens the clause, its subject (客人) comes after it
    quoted = _deed_quoted(scored(B46["h02"]["text"], B46["h02"]["question"]))
    assert not any("客人当场发现" in q for q in quoted), quoted


# --- a count mixed up with another of the same measure ----------------------------------------------------------------
@pytest.mark.parametrize("said,mixup", [
    ("把客人订的八寸蛋糕写成了六寸", True), ("把三箱记成了五箱", True), ("我把糖醋排骨里的糖放成了盐", True),
    ("把二十箱矿泉水订成了二十箱月亮", False), ("我把货放成了两排", False), ("把货装成了三箱", False),
    ("把六寸蛋糕写成了一辆自行车", False),
])
def test_a_count_mixed_up_with_another_of_its_measure_is_a_mix_up(said, mixup):
    assert bool(gates.mixups(said)) is mixup


# --- whose, not who: the candidate named in a clause that is no deed of theirs ------------------------------------------
@pytest.mark.parametrize("clause,deed", [
    ("我的快递丢了", False), ("我送的1单价值68元的麻辣烫洒了", False), ("当时值班的只有我和1个保安", False),
    ("一位住在1208房的客人来投诉", False),
    # the candidate acting, with whose or whom inside the deed
    ("我马上联系了另一个跑附近线路的司机", True), ("我就推荐他用专门的空心砖膨胀管", True), ("我先给他倒了杯热水", True),
    ("我把我的电话留给了她", True),
])
def test_whose_is_not_who_acts(clause, deed):
    a = analysis_of(clause + "。", dict(MISTAKE, text="讲一次你在工作中遇到困难的经历，你是怎么处理的？"))
    assert bool(a.details.get("own_action_clause_ids")) is deed, a.details.get("own_action_clause_ids")


def test_an_elided_deed_towards_someone_of_the_candidates_stays_a_deed():
    # 就跟带我的验光师说了: 我的 inside the phrase of whom the candidate spoke to (unseen-roles-d, rated 4)
    a = analysis_of("我觉得不太对，就跟带我的验光师说了，她让孩子放松一会儿，再试了一遍，其实只涨了二十五度。",
                    dict(MISTAKE, text="讲一次你在工作中遇到困难的经历，你是怎么处理的？"))
    assert a.counts["actions"] >= 1


@pytest.mark.parametrize("said", [
    # breaker 45's g27 and g33: figures around one deed in everyday words, the rest the situation's
    load("breaker45")["g27"]["text"], load("breaker45")["g33"]["text"],
    # look-alike: the hotel's size, the day's tally, one generic deed
    "我们酒店一共有200间房，那天住满了，来了1位客人投诉，我处理了，客人满意度100%。",
])
def test_figures_of_the_situation_around_one_generic_deed_are_bounded(said):
    q = load("breaker45")["g33"]["question"]
    assert scored(said, q)["overall"] <= 45


@pytest.mark.parametrize("said", [
    "那天晚上我一共跑了35单，有一单麻辣烫在路上洒了，我马上给顾客打电话道歉，回店里让老板重新做了一份，二十分钟后送到，顾客没给差评。",
    "2023年1月6日晚上7点40分，我送的1单麻辣烫洒了，我马上打电话跟顾客道歉，自己掏钱重新买了一份送过去，顾客说没事。",
], ids=["tally-and-deeds", "whose-and-deeds"])
def test_real_deeds_beside_the_situations_figures_pass(said):
    assert scored(said, load("breaker45")["g27"]["question"])["overall"] >= 60


def test_a_guard_told_to_stand_by_is_a_step_of_the_candidates():
    # 让保安在旁边看着: the candidate directs; not the candidate standing by (agency.bystander)
    said = "当时值班的只有我和1个保安，一位客人喝多了在大堂吵，我先给他倒了杯热水，让保安在旁边看着，打电话联系了他的同事把他接走了。"
    r = scored(said, load("breaker45")["g33"]["question"])
    assert r["overall"] >= 55 and not any("别人做的" in x for x in reasons_of(r)), (r["overall"], reasons_of(r))


# --- a figures bound is not contradicted by its own reasons ----------------------------------------------------------
@pytest.mark.parametrize("breaker,case_id", [("breaker46", "g26"), ("breaker46", "g41"), ("breaker45", "g21"),
                                             ("breaker45", "g27")])
def test_a_figures_bound_praises_no_deed_or_result_in_everyday_words(breaker, case_id):
    # 说了具体结果：“按流程走完了”, 说了自己具体做了什么：“我全程负责跟进”, 说了具体结果：“当天我一共跑了35单” beside 最高 45 分
    r = run(load(breaker)[case_id])
    assert r["overall"] <= 45
    credits = [x for x in reasons_of(r) if x.startswith(("说了自己具体做了什么", "说了具体结果", "说到了最后的结果"))]
    assert not credits, credits
    # … they are told for what they are, and every competency keeps two reasons or more
    assert any("笼统" in x for x in reasons_of(r)), reasons_of(r)
    assert all(len(c["reasons"]) >= 2 for c in r["competencies"]), [c["reasons"] for c in r["competencies"]]


# --- breaker 47's reason findings, by family -----------------------------------------------------------------------------
B47 = load("breaker47")


@pytest.mark.parametrize("case_id,not_a_deed", [
    ("g03", "太阳写成了冰箱"), ("g49", "名字写成了电话号码"), ("h06", "剪多了"),   # the lapse, of any kind
    ("g08", "我说没事"), ("g40", "我说没事"),                                         # the candidate waving it away
    ("h24", "我在仓库做入库登记"), ("h27", "我在咖啡店做"), ("h27", "我发现后"), ("h34", "我发现后"),   # openings, times
])
def test_breaker_47_reasons_quote_no_lapse_opening_or_dismissal_as_the_deed(case_id, not_a_deed):
    quoted = _deed_quoted(run(B47[case_id]))
    assert not any(not_a_deed in q for q in quoted), quoted


@pytest.mark.parametrize("said", ["客户讲没得事。", "客人说没啥事。", "她说没什么事了。"])
def test_a_customers_all_right_in_other_words_is_the_result(said):
    a = analysis_of("有一次我把客人要的冰的做成了热的，我马上给他重新做了一杯冰的，热的那杯我自己买下来了，" + said, MISTAKE)
    assert a.answer["outcome"] >= 0.75


# --- the story's clock beside deeds of the candidate's own ------------------------------------------------------------
def test_the_storys_clock_beside_real_deeds_is_no_number_template():
    r = run(B47["h13"])   # 一共跑了35单…还剩8分钟…导航说要走12分钟…可能晚3分钟…提前了一分钟, and two deeds of its own
    assert r["status"] == "scored" and r["overall"] >= 60


@pytest.mark.parametrize("said", [
    "那天还剩8分钟，我沟通了3次，协调了2个同事，晚了5分钟，提前了1个小时。",
    "我一共沟通了5次，还剩3个小时，协调了3个同事，加班了10个小时，提前了2个小时完成。",
])
def test_a_number_template_with_a_clock_still_goes_to_a_person(said):
    for question in (B47["h13"]["question"], MISTAKE):   # HR's terms or not, 沟通了3次 is a count put on a verb
        r = run({"text": said, "question": question})
        assert r["status"] == "needs_review" and r["reason_code"] == "template_numbers", (r["status"], r.get("overall"))


@pytest.mark.parametrize("said", [
    "2023年11月10号晚上9点，来了300箱订单，要在12小时内发完，我把货按省份分成三批，叫了两个同事一起装车，扫描枪坏了就手写单号，"
    "第二天10点半全部300箱都发走了。",
    "2024年1月20号下午3点，客户临时加了800件货，要求晚上8点前装车，我先把800件按门店分好，让两个同事扫码，我自己开叉车装车，"
    "晚上7点40分，800件全部装完。",
], ids=["warehouse", "forklift"])
def test_figures_with_real_deeds_pass(said):
    assert scored(said, B47["h13"]["question"])["overall"] >= 70
