"""Session 46: honest stories misread by family, with look-alikes both ways —
- a reluctance word in its everyday sense is no reluctance: 拖 of a floor (拖完地, 用拖把拖了一遍), 忘了 before a deed (a lapse
  told, 忘了放牌子) — still reluctance: 一直拖着, 拖了三天, 我忘了是哪天;
- a lapse told (忘了放…, 写错了, 做成了全糖) is never the story's result; said denied (没怎么出过错) or as the cause a search found
  (后来发现是…装错了, 对方确认开错后重新开了一张) it is;
- the lesson taken up (后来配完我都会对一遍单) is no result; 五分钟就上了 is;
- the asked situation told as happening keeps its clauses from being read as an aside by meaning (a kitchen mix-up in dish
  names);
- reasons: the result quote stops at a sentence's end; a trade told as a habit before the story (我卖手机，有一次…) is no deed
  quoted; a time counted from the trouble (我第二天去…) dates a step, not the scene; a wording example never opens on a
  preposition (把八号).

Real answers through pipeline.analyze_transcript (the CLI's path) and features.analyse.
"""
from __future__ import annotations

import pytest

from breaker_findings import analysis_of, load, reasons_of, scored
from functions.analyze import pipeline
from functions.analyze.scoring import features, quotes

B46, B47 = load("breaker46"), load("breaker47")
MISTAKE = B47["h37"]["question"]      # 讲一次你在工作中犯错的经历，你是怎么处理的？ (责任心, 解决问题)
RUSH = load("breaker45")["h19"]["question"]


# --- reluctance words in their everyday sense ------------------------------------------------------------------------
@pytest.mark.parametrize("said,reluctant", [
    ("我在商场做保洁，那天拖完地我马上放了小心地滑的牌子，又用干拖把拖了一遍。", False),
    ("以后我拖地前先放牌子，再拖。", False),
    ("那次我忘了放小心地滑的牌子，一位女士差点滑倒。我马上扶住她道歉。", False),
    ("我忘了告诉厨房客人不要香菜，我马上去后厨重新做了一份。", False),
    # look-alikes that stay reluctance
    ("这个单子我一直拖着没做，拖了三天。", True),
    ("具体的我忘了是哪天了，反正就那样。", True),
])
def test_a_reluctance_word_in_its_everyday_sense_is_no_reluctance(said, reluctant):
    a = analysis_of(said, MISTAKE)
    assert (a.answer["reluctance"] > 0) is reluctant, a.details.get("reluctance")


# --- a lapse is no result --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,told", [
    ("有一次拖完地忘了放小心地滑的牌子", True), ("结果第二锅精油加多了", True), ("把二十杯少糖做成了全糖", False),
    ("我把单子写错了", True),
    # denied, found or confirmed: the good result or the cause found
    ("后来再也没出过错", False), ("那段时间没怎么出过错", False), ("后来发现是换轮胎的时候传感器装错了位置", False),
    ("对方确认开错后重新开了一张", False),
    # a harvest's loss is its ending, short-changing a customer the lapse
    ("最后少收了三成左右", False), ("我少收了顾客二十块钱", True),
])
def test_what_tells_a_lapse(text, told):
    # (做成了 is gates.mixups' reading of a mix-up, not LAPSE_ZH's)
    assert features.lapse_told(text) is told


def test_the_lapse_is_not_quoted_as_the_result_and_the_customers_all_right_is():
    r = scored(B47["h37"]["text"], MISTAKE)
    said = " ".join(reasons_of(r))
    assert "忘了放" not in said.split("结果")[-1]
    assert "说到了最后的结果：“她说没事”" in said       # not past the sentence's end (以后我拖地前)
    assert r["overall"] >= 60


@pytest.mark.parametrize("said,quoted", [
    (B46["h35"]["text"], "五分钟就上了"),
    ("那次我把外卖的地址抄错了，骑手送错了楼。是我的问题。我马上打电话给顾客道歉，自己骑车把餐送过去，二十分钟就送到了。以后我每单都会念一遍地址。",
     "二十分钟就送到了"),
])
def test_the_lesson_taken_up_is_no_result(said, quoted):
    a = analysis_of(said, MISTAKE)
    assert quoted in a.details["outcome_clause"]
    assert "都会" not in a.details["outcome_clause"]


def test_another_customers_later_purchase_after_a_bare_marker_is_the_ending():
    # 后来他们公司 | 又来我这买了五台: the marker and the subject alone before it mark the ending, not the step before
    a = analysis_of(B47["h25"]["text"], MISTAKE)
    assert "买了五台" in a.details["outcome_clause"]


# --- the asked situation told is no aside ----------------------------------------------------------------------------
@pytest.mark.parametrize("said", [
    B46["h35"]["text"],
    "那天中午我在后厨配菜，把六号桌的麻婆豆腐配成了家常豆腐，传菜的没注意端了上去，客人说点错了。是我配错的，我跟厨师长说了，"
    "马上重配了一份麻婆豆腐，十分钟就上了。",
], ids=["b46-h35", "tofu"])
def test_a_kitchen_mistake_in_dish_names_is_no_aside(said):
    a = analysis_of(said, B46["h35"]["question"])
    assert a.details["excluded_clause_ids"] == []
    assert scored(said, B46["h35"]["question"])["overall"] >= 60


def test_dish_names_without_the_mistake_told_gain_nothing():
    # the same kitchen words on a rush question tell no asked situation: the aside reading is unchanged there
    said = "我最喜欢吃宫保鸡丁和鱼香肉丝，周末在家经常自己做，还给家里人做过麻婆豆腐。"
    assert scored(said, RUSH)["overall"] < 45


# --- reasons ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("said,deed", [
    (B47["h25"]["text"], "我第二天去税务那边作废重开"),
    ("闯过一次。我开货车送货，倒车没看清，把客户仓库门口的铁栏杆撞弯了。我下车先拍了照，马上去找仓库管理员，说这是我的责任。",
     "我下车先拍了照"),
    ("我送外卖，有一次把两单的饭装反了。我马上骑回去把两份换了过来，还给两位顾客各道了歉。", "我马上骑回去把两份换了"),
])
def test_a_trade_told_as_a_habit_before_the_story_is_no_deed_quoted(said, deed):
    a = analysis_of(said, MISTAKE)
    assert quotes.action_quote(a).startswith(deed)


def test_a_deed_with_its_count_at_the_start_is_still_quoted():
    # 我卖了三台手机 tells a deed (its aspect and count), not the trade
    a = analysis_of("我卖了三台手机给一个老顾客，有一次把发票抬头写错了。我马上作废重开了一张送过去。", MISTAKE)
    assert quotes.action_quote(a) == "我卖了三台手机给一个老顾客"


def test_the_story_time_still_sets_the_scene():
    # 那天晚上 opens the story (the scene), 第二天 dates a step
    a = analysis_of("那天晚上我一个人值班，我把三百箱货按地址分成了三批，第二天十点前全部发完了。", RUSH)
    assert quotes.action_quote(a) == "我把三百箱货按地址分成了三批"


def test_a_wording_example_never_opens_on_a_preposition():
    r = scored(B46["h35"]["text"], B46["h35"]["question"])
    assert not any("“把" in reason for reason in reasons_of(r) if reason.startswith("整体说法"))


# --- breaker 48's families ---------------------------------------------------------------------------------------------
B48 = load("breaker48")
RUSH48 = B48["g08"]["question"]     # 讲一次你在工作中遇到紧急订单、时间很紧的经历… (执行力, 团队协作)
UPSET48 = B48["g55"]["question"]    # 讲一次你遇到难缠顾客的经历…


@pytest.mark.parametrize("said", [
    B48["g08"]["text"], B48["g56"]["text"],
    "我室友在奶茶店上班，有次下午突然来了八十杯的团单，她把单子按口味分成四批，先做最简单的，一个小时就全做完了。",
    "我闺蜜在花店打工，情人节前一晚订单多了一倍，她把花按颜色分好，先包远的单，第二天中午前都送完了。",
], ids=["b48-g08", "b48-g56", "roommate-tea", "bestie-flowers"])
def test_a_friends_or_roommates_story_is_not_the_candidates(said):
    r = scored(said, RUSH48)
    assert r["overall"] <= 35
    assert not any(reason.startswith("说了自己具体做了什么") for reason in reasons_of(r))


@pytest.mark.parametrize("said", [
    "我和朋友合伙开了家奶茶店，有次下午突然来了八十杯的团单，我把单子按口味分成四批，先做最简单的，一个小时就全做完了。",
    "有个朋友来店里买了三十杯奶茶，我把单子按口味分成四批，先做最简单的，一个小时就全做完了，他很满意。",
    "那天下午突然来了八十杯团单，我叫上两个同学一起，我把单子按口味分成四批，先做最简单的，一个小时就全做完了。",
], ids=["with-a-friend", "a-friend-as-customer", "classmates-helping"])
def test_friends_beside_the_candidates_own_deeds_keep_the_story_theirs(said):
    assert scored(said, RUSH48)["overall"] > 35


def test_hearsay_of_someone_unnamed_is_not_the_candidates_story():
    assert scored(B48["g55"]["text"], UPSET48)["overall"] <= 35
    # 听说 of a fact, with the candidate's own story after it, is theirs
    said = "听说那桌客人是老顾客。那天他嫌鱼没上拍了桌子，我马上道歉，去后厨催，十分钟就上了，还送了一个果盘，他后来成了常客。"
    assert scored(said, UPSET48)["overall"] > 35


@pytest.mark.parametrize("language,question,said,capped", [
    ("ko", B48["g63"]["question"], B48["g63"]["text"], True),
    ("ko", B48["g63"]["question"], "제 친구가 소개해 줘서 식당에서 일하게 됐는데, 손님이 음식이 늦게 나와서 화를 내셨을 때 제가 사과하고 "
     "주방에 확인해서 다시 만들어 드렸더니 손님이 다음에 또 오셨어요.", False),
    ("en", {"text": "Tell me about a time you handled an upset customer.", "competencies": [
        {"name": "Service", "weight": 1, "keywords": ["listen", "apologise"]}]},
     "My friend works at a cafe. Once a customer got angry because his coffee was cold, so she apologised and made a new "
     "one, and he came back the next day.", True),
    ("en", {"text": "Tell me about a time you handled an upset customer.", "competencies": [
        {"name": "Service", "weight": 1, "keywords": ["listen", "apologise"]}]},
     "My friend told me to apply here. Once a customer got angry because his coffee was cold, so I apologised and made a "
     "new one within two minutes, and he came back the next day.", False),
], ids=["ko-friend", "ko-friend-introduced", "en-friend", "en-friend-introduced"])
def test_a_friends_story_in_korean_and_english(language, question, said, capped):
    from functions.analyze import pipeline

    r = pipeline.analyze_transcript(said, question, language)
    assert r["status"] == "scored"
    assert (r["overall"] <= 35) is capped, r["overall"]


@pytest.mark.parametrize("said,counter", [
    (B48["g51"]["text"], True),
    ("那天快超时了，我一路闯红灯赶过去，最后准时送到了。", True),
    ("那天快超时了，我没闯红灯，换了一条不堵的小路，最后提前五分钟送到，顾客给了好评。", False),
    ("那天快超时了，我先给顾客打电话说明会晚五分钟，路上遇到红灯就等，最后晚了三分钟送到，顾客也没给差评。", False),
], ids=["b48-g51", "ran-the-lights", "did-not", "waited-at-the-lights"])
def test_breaking_traffic_rules_is_misconduct_whatever_the_competency(said, counter):
    r = scored(said, B48["g51"]["question"])     # 应变能力, 服务意识: no safety competency asked
    assert (r["overall"] <= 35) is counter, r["overall"]


@pytest.mark.parametrize("said,counter", [
    (B48["h03"]["text"], False),
    ("那天太忙，一块牛排掉地上了，我捡起来冲了冲接着煎好端出去了。", True),
], ids=["money-picked-up-for-him", "steak-off-the-floor"])
def test_something_dropped_and_picked_up_is_misconduct_only_when_it_is_food_served(said, counter):
    r = scored(said, B48["h03"]["question"])
    assert any("捡起来" in reason and "反面" in reason for reason in reasons_of(r)) is counter


def test_a_quarrel_resolved_is_owned_not_counter_evidence():
    r = scored(B48["h40"]["text"], B48["h40"]["question"])
    assert r["overall"] > 50
    # … a quarrel left as it was still is
    said = "有次我和同事因为排班吵了起来，他觉得我老不上晚班，我就不理他了，后来他换到别的店去了。"
    assert scored(said, B48["h40"]["question"])["overall"] <= 35


@pytest.mark.parametrize("said,told", [
    ("有次把三号桌的单下到了五号桌", True), ("我把张姐的快递寄到了李姐家", True), ("我把订单发到了客户的邮箱", False),
    ("我把货送到了客户家", False), ("把表格发到了群里", False),
])
def test_sent_to_the_wrong_one_of_a_kind_is_a_mix_up(said, told):
    from functions.analyze.scoring import gates

    assert bool(gates.mixups(said)) is told


def test_a_mistake_told_by_what_it_caused_is_the_mistake_asked():
    assert scored(B48["h57"]["text"], B48["h57"]["question"])["overall"] >= 60
    assert scored(B48["h50"]["text"], B48["h50"]["question"])["overall"] > 45   # no longer read as another question's


@pytest.mark.parametrize("said", [B48["h49"]["text"], B48["h14"]["text"], B48["h34"]["text"]])
def test_a_learning_story_answers_the_learning_question_wherever_it_happened(said):
    r = scored(said, B48["h49"]["question"])
    assert r["overall"] >= 60
    assert not any("工作以外的事" in reason for reason in reasons_of(r))


def test_a_hobby_told_on_another_question_is_still_off_topic():
    said = "说到周末，我周末其实很少休息，因为我在学咖啡拉花，报了一个班，练了两周，第一次拉出了心形，现在郁金香也能拉出来了。"
    r = scored(said, RUSH48)
    assert r["overall"] <= 35


@pytest.mark.parametrize("case_id", ["h62", "h54"])
def test_questions_about_the_works_volume_and_tools_are_about_the_work(case_id):
    r = scored(B48[case_id]["text"], B48[case_id]["question"])
    assert r["overall"] >= 60
    assert not any("工资、吃住" in reason or "关系不大" in reason for reason in reasons_of(r))


@pytest.mark.parametrize("case_id,not_quoted", [("g12", "我做事认真负责"), ("g46", "我做厨师很多年了"), ("g58", "我非常认同")])
def test_what_the_candidate_is_thinks_or_has_been_is_no_deed_quoted(case_id, not_quoted):
    r = scored(B48[case_id]["text"], B48[case_id]["question"])
    assert not any(reason.startswith("说了自己具体做了什么") and not_quoted in reason for reason in reasons_of(r))


@pytest.mark.parametrize("clause,told", [
    ("我做事比较细致", True), ("我学习能力也比较强", True), ("我干这行好几年了", True), ("我上手会比较快", True),
    # deeds, and a role taken in the story, stay deeds
    ("我负责看脚码", False), ("我主动对货架进行了全面的检查", False), ("我很耐心地跟她解释了一遍", False),
    ("我会很快把货发出去", False),
])
def test_what_reads_as_the_candidate_describing_themselves(clause, told):
    assert bool(quotes._SELF_TOLD_ZH.search(clause)) is told


def test_terms_listed_around_a_date_and_a_place_are_bounded_as_figures():
    r = scored(B48["g65"]["text"], B48["g65"]["question"])
    assert r["overall"] <= 45
    # the same figures beside deeds of the candidate's own are a story
    said = ("那是2023年3月15日下午3点，在上海市浦东新区88号仓库，突然来了三百箱急单。我先把货按目的地分成三批，让两个同事贴面单，"
            "我自己扫码装车，晚上十点前全部发走了。")
    assert scored(said, B48["g65"]["question"])["overall"] >= 60


# --- breaker 49's families -------------------------------------------------------------------------------------------
B49 = load("breaker49")


@pytest.mark.parametrize("said,capped", [
    (B49["g45"]["text"], True), (B49["g05"]["text"], True), (B49["g02"]["text"], True),
    ("我老公在物流公司上班，有次双十一前一晚多了三百箱货，他把货按目的地分成三批，先发最远的，第二天十点半全部发完。", True),
    # family beside the candidate's own deeds, or a customer's family, keep the story the candidate's
    ("那天来了三百箱急单，我老公下班过来帮忙，我把货按目的地分成三批，让他贴面单，我自己扫码装车，第二天十点半全部发完。", False),
    ("有个顾客的老公来店里取三百箱货，我把货按目的地分成三批，先发最远的，第二天十点半全部发完。", False),
], ids=["b49-g45", "b49-g05", "b49-g02", "husband", "husband-helping", "a-customers-husband"])
def test_a_family_members_or_retold_story_is_not_the_candidates(said, capped):
    r = scored(said, B49["g45"]["question"])
    assert (r["overall"] <= 35) is capped, r["overall"]


def test_a_named_coworker_after_a_qualifying_verb_is_a_coworker():
    assert scored(B49["g47"]["text"], B49["g47"]["question"])["overall"] <= 35
    # … not the candidate taught by one, nor a village shop's customer called 老刘
    said = "去年我刚来的时候不会收银，老王教我把每种付款方式都写在纸上，我每天练，第四天我就一个人收了一整个晚班，一次差错都没有。"
    assert scored(said, B49["g47"]["question"])["overall"] >= 60


@pytest.mark.parametrize("case_id", ["h22", "h54", "h18"])
def test_a_mistake_told_without_its_word_is_not_another_situation(case_id):
    r = scored(B49[case_id]["text"], B49[case_id]["question"])
    assert not any("回答没有讲到这种情况" in reason or "更像是在回答别的" in reason for reason in reasons_of(r))
    assert r["overall"] > 45


def test_a_learning_told_without_its_word_is_not_another_situation():
    r = scored(B49["h14"]["text"], B49["h14"]["question"])
    assert r["overall"] >= 60
    # … while a rush story told on the learning question still tells none of it
    said = "那天晚上来了三百箱急单，我把货按目的地分成三批，先发最远的，第二天十点半全部发完。"
    assert scored(said, B49["h14"]["question"])["overall"] <= 45


def test_a_template_whose_deeds_each_count_generic_things_is_bounded_as_figures():
    # (its pauses read as commas since session 47, it is sent to a person as a template of figures: as good an outcome)
    r = pipeline.analyze_transcript(B49["g52"]["text"], B49["g52"]["question"], "zh")
    assert r["status"] == "needs_review" or r["overall"] <= 45, (r["status"], r["overall"])
    assert scored(B49["h24"]["text"], B49["h24"]["question"])["overall"] >= 60      # the same date and numbers, honest
