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
