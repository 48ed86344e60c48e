"""Session 39: the families of breaker 37 and breaker 39 (tests/functions/data/breaker39) fixed in kind, each with
look-alikes that must keep their outcome.

- A story that goes on with a relative time and its people (后来他回来找…) is the same story, not padding after a thin
  start; a private episode after 后来 (后来我去学了做烘焙…) stays padding (features.opens_scene).
- A behaviour phrase with a pronoun (跟他说, 帮他换) is said with any person in the pronoun's place (跟客人说马上好), and
  the reason quotes the words said (features.person_slot_hits).
- Records deleted because they were wrong and re-entered, tickets cleared in a rush (把单子都清掉了) and labels torn
  off expired goods that are thrown away are no tampering; hiding, deleting evidence and relabelling for reuse stay
  counter-evidence (models/scorer/contrary-zh.json).
- A closing answer's request to be told (我想了解一下，这个岗位的发展空间和培训机会) asks what follows it in the sentence.
- A clause of verbal tics (怎么说呢，反正就是这样子) says nothing: it neither dilutes the story nor reads as reluctance.
- Two impossible participants gate (企鹅来买烟 and 付了三条鱼): an animal coming to buy, an animal paid as money.
"""
from __future__ import annotations

import pytest

from functions.analyze import pipeline

SERVICE = {"text": "请讲一次你处理顾客投诉的经历，你是怎么做的，结果怎样？", "answer_seconds": 90,
           "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "投诉", "道歉", "解决"]},
                            {"name": "沟通表达", "weight": 0.4, "keywords": ["沟通", "倾听", "解释"]}]}
RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
KITCHEN = {"text": "讲一次厨房高峰期出菜来不及的时候，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["分工", "优先", "速度"]},
                            {"name": "食品安全", "weight": 0.5, "keywords": ["卫生", "过期", "生熟"]}]}
RECORDS = {"text": "讲一次你发现自己做的表格或数据出错的经历，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "办公技能", "weight": 0.5, "keywords": ["表格", "公式", "核对"]},
                            {"name": "细心", "weight": 0.5, "keywords": ["检查", "错误", "仔细"]}]}
CLOSING = {"text": "你有什么想问我们的吗？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["发展", "培训", "了解"]}]}


def _run(said: str, question: dict) -> dict:
    return pipeline.analyze_transcript(said, question, "zh")


def _scored(said: str, question: dict) -> dict:
    r = _run(said, question)
    assert r["status"] == "scored", (r["reason_code"], r["reason"])
    return r


def _reasons(r: dict) -> str:
    return " ".join(" ".join(c["reasons"]) for c in r["competencies"])


PHONE = ("一位顾客把手机落在我们餐桌上走了，我看到以后先放进我的口袋里，怕别人拿走。后来他回来找，很着急，说是不是被我们藏起来了。"
         "我马上拿出来给他，跟他解释我是怕丢了才收起来的，他看了手机没问题，跟我说谢谢。")


def test_a_story_going_on_after_later_with_its_people_counts_whole():
    r = _scored(PHONE, SERVICE)
    assert r["overall"] >= 55, r["overall"]
    assert "解释" in _reasons(r)          # the explanation in the second half is evidence, no longer padding
    # … the same story with she
    she = _scored(PHONE.replace("他", "她"), SERVICE)
    assert she["overall"] >= 55, she["overall"]


@pytest.mark.parametrize("tail", [
    "后来我去学了做烘焙，烤了很多蛋糕，还做了饼干，周末送给邻居吃，大家都说好吃。",
    "后来我迷上了钓鱼，每个周末都去水库，钓到过一条五斤的草鱼，拿回家红烧了。",
    "去年国庆我去云南旅游了一趟，看了洱海，吃了过桥米线，拍了好多照片。",
])
def test_a_private_episode_after_a_thin_start_stays_padding(tail):
    r = _scored("有一次订单比较急，我就尽力去做了。" + tail, RUSH)
    assert r["overall"] < 30, r["overall"]


@pytest.mark.parametrize("said, quoted", [
    ("俺在饭店当跑堂，有回一桌客人嫌菜上得慢，拍桌子了。俺赶紧去后厨催，跟客人说马上好，给他们先上了个凉菜垫垫。", "跟客人说"),
    ("有个顾客买的鞋开胶了来店里闹，我先请那位阿姨坐，给她倒了杯水，然后帮阿姨换了一双新的。", "请那位阿姨坐"),
])
def test_a_behaviour_is_said_with_any_person_in_the_pronouns_place(said, quoted):
    r = _scored(said, SERVICE)
    assert quoted in _reasons(r), _reasons(r)


def test_a_pronoun_slot_takes_only_a_person():
    r = _scored("有个顾客投诉菜凉了，我跟厨房说了一声，厨房重新热了一下，我端回去给他，他说可以了。", SERVICE)
    talk = next(c for c in r["competencies"] if c["name"] == "沟通表达")
    assert not any("跟厨房说" in s and "相关的内容" in s for s in talk["reasons"]), talk["reasons"]


CONTRARY = "相反的做法"


@pytest.mark.parametrize("said, question", [
    ("嗯那次就是那个周六晚上嘛然后人特别多然后单子一下子出来三十几张我就跟旁边的师傅说你先炒荤的我来弄素的然后我把那个配菜都先备好了"
     "放在那个盘子里然后大概半个小时就把单子都清掉了后来经理还表扬我们了", KITCHEN),
    ("上个月做考勤表，我发现有十几处录错了，我把错误的记录删了，对着打卡机导出的原始数据重新录了一遍，用公式算好工时，交给人事前又请同事"
     "抽查了二十条，没有再发现错误。", RECORDS),
    ("那天中午来了个旅游团，一下子四十多份套餐。我把冷藏里过期的酱料先撕了标签扔掉，新开的都贴上日期，然后跟另一个厨师分工，一个人炸"
     "一个人装盘，半小时出完了。", KITCHEN),
])
def test_corrections_and_disposals_are_no_tampering(said, question):
    r = _scored(said, question)
    assert CONTRARY not in _reasons(r), _reasons(r)
    assert r["overall"] >= 55, r["overall"]


@pytest.mark.parametrize("said, question", [
    ("我把过期的酱料撕了标签，换上新的标签，又放回冰箱里用。", KITCHEN),
    ("那天我把顾客的投诉单子都清掉了，这样经理就看不到了。", KITCHEN),
    ("我怕被扣钱，就偷偷把监控删了。", KITCHEN),
])
def test_tampering_and_relabelling_stay_counter_evidence(said, question):
    r = _scored(said, question)
    assert r["overall"] <= 35, r["overall"]
    assert CONTRARY in _reasons(r) or any(c["features"].get("contrary") for c in r["competencies"]), _reasons(r)


def test_a_request_to_be_told_asks_what_follows_it():
    r = _scored("我想了解一下这个岗位的发展空间和培训机会。", CLOSING)
    assert "没有提出任何问题" not in _reasons(r)
    assert r["overall"] >= 50, r["overall"]
    # … and the lead-in before a question of its own still only leads in
    lead = _scored("我想了解一下，新人来了第一周主要做什么？", CLOSING)
    assert "没有提出任何问题" not in _reasons(lead)


def test_a_request_about_a_side_in_general_stays_broad():
    broad = _scored("我想了解一下发展方面的情况。", CLOSING)
    named = _scored("我想了解一下这个岗位的发展空间和培训机会。", CLOSING)
    assert broad["overall"] < named["overall"], (broad["overall"], named["overall"])


STORY = "那天大促前一晚多了300箱订单，四个人按目的地分三批打包，第二天上午10点半全部发完。"


@pytest.mark.parametrize("tics", [
    "然后就是这个嘛，其实吧，怎么说呢，就是那个，反正就是这样子，嗯，然后呢，就是说，对吧，差不多就这样，嗯嗯，就是那个意思，然后就是这样。",
    "嗯，怎么说呢，反正就是这样。",
])
def test_verbal_tics_neither_dilute_a_story_nor_read_as_reluctance(tics):
    alone, with_tics = _scored(STORY, RUSH), _scored(STORY + tics, RUSH)
    assert with_tics["overall"] >= alone["overall"] - 10, (alone["overall"], with_tics["overall"])
    assert with_tics["features"]["reluctance"] == 0


def test_reluctance_said_with_content_still_counts():
    r = _scored("订单多的时候我也没办法，反正我就按自己的速度来，做不完就拖着，差不多就行。", RUSH)
    assert r["features"]["reluctance"] > 0 and r["overall"] < 30, r["overall"]


def test_tics_alone_still_go_to_a_person():
    r = _run("然后就是这个嘛，其实吧，怎么说呢，就是那个，反正就是这样子，嗯，然后呢，就是说，对吧，差不多就这样。", RUSH)
    assert r["status"] == "needs_review" and r["reason_code"] == "filler_only", (r["status"], r["reason_code"])


def test_two_impossible_participants_go_to_a_person():
    r = _run("我在便利店值夜班，凌晨三点有一位穿西装的企鹅来买烟，我跟他说未成年人不能买，他拿出身份证给我看。他说我们的烟太贵，"
             "投诉了我。我跟他道歉，给他推荐了一款便宜的，他付了三条鱼就走了。", SERVICE)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))
    assert "企鹅" in r["reason"]


@pytest.mark.parametrize("said", [
    "有个大爷牵着狗来买狗粮，狗在店里乱跑，我帮他拉住了绳子，给他拿了两袋，他说谢谢。",
    "客人吃完以后付了三条鱼的钱，又多点了一份鱼汤带走，我给他打包好了，他说下次还来。",
    "邻居家的狗来店里转了一圈，我把它送回去了，后来顾客投诉说店里不该有狗，我跟他道歉并解释了情况。",
])
def test_animals_in_honest_stories_stay_scored(said):
    _scored(said, SERVICE)


TECH = {"text": "讲一次你排查并修复一个线上Bug的经历。", "answer_seconds": 120,
        "competencies": [{"name": "技术能力", "weight": 1, "keywords": ["日志", "SQL", "Bug"]},
                         {"name": "解决问题", "weight": 1, "keywords": ["定位", "修复", "测试"]}]}
CASH = {"text": "讲一次你收银对账出现差错的经历，你是怎么处理的？", "answer_seconds": 90,
        "competencies": [{"name": "细心", "weight": 0.5, "keywords": ["核对", "小票"]},
                         {"name": "诚信", "weight": 0.5, "keywords": ["主管", "如实"]}]}
RECEPTION = {"text": "讲一次前台同时来了很多访客和电话、忙不过来的经历，你是怎么处理的？", "answer_seconds": 90,
             "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["登记", "访客"]},
                              {"name": "多任务处理", "weight": 0.5, "keywords": ["电话", "同时"]}]}
RESULT_SAID = ("说到了最后的结果", "说了具体结果")


def _result_quote(r: dict) -> str | None:
    for c in r["competencies"]:
        for s in c["reasons"]:
            if s.startswith(RESULT_SAID):
                return s
    return None


@pytest.mark.parametrize("said, question, quoted", [
    ("顾客说汤凉了，我马上端回去热好再送上，还送了一份小菜，他挺满意的。", SERVICE, "他挺满意的"),
    ("接口超时，我看日志发现是一条慢SQL没走索引，加了联合索引，响应从3秒降到80毫秒。", TECH, "从3秒降到80毫秒"),
    ("有天上午前台一下子来了十几个访客，我先请访客在沙发区坐，给他们每人一张登记表自己填，大概二十分钟把访客都登记完发了门禁卡。",
     RECEPTION, "登记完"),
    ("有一天晚上对账差了三十八块，我一笔笔核对小票，发现有一笔会员折扣录错了，我跟主管说明情况后，在系统里把账改过来了，当晚账就平了。",
     CASH, "当晚账就平了"),
    ("下暴雨那天我一单奶茶快超时了，我先给顾客打了个电话道歉，说大概晚十分钟，然后慢慢骑，到了以后她还说下雨辛苦了。", SERVICE,
     "下雨辛苦了"),
    ("去年国庆中午店里一下子来了二十多桌，我把青椒肉丝的料提前配好三十份放冰箱，炒菜按下单顺序两个灶一起炒。"
     "最后平均出菜时间从二十五分钟降到十五分钟左右。", KITCHEN, "最后平均出菜时间"),
])
def test_results_told_plainly_are_results(said, question, quoted):
    r = _scored(said, question)
    q = _result_quote(r)
    assert q is not None and quoted in q, _reasons(r)


@pytest.mark.parametrize("said", [
    "最后结果非常好，大家都很满意。",
    "顾客很不满意，说以后再也不来了。",
])
def test_everyones_or_denied_satisfaction_is_no_result(said):
    r = _run("有一次顾客投诉菜太咸，我跟他道了歉。" + said, SERVICE)
    q = _result_quote(r) if r["status"] == "scored" else None
    assert q is None or "满意" not in q, q


def test_a_feeling_is_not_quoted_as_a_deed():
    r = _scored("说实话我一开始也慌了，少了一百块。我没有瞒着，马上跟主管说了，我们一起把小票和系统记录核对了一遍，发现是一笔退款"
                "我重复退了。主管让我联系顾客，顾客把钱退回来了。", CASH)
    assert "慌了”" not in _reasons(r), _reasons(r)


def test_hrs_own_terms_are_not_named_things():
    r = _scored("我擅长看日志、写SQL、修Bug，定位问题很快，修复以后会测试。", TECH)
    assert not any(s.startswith("举了具体的") and "日志" in s for c in r["competencies"] for s in c["reasons"]), _reasons(r)
    assert r["overall"] < 45, r["overall"]


CLOSING_HR_WORDS = {"text": "你有什么想问我们的吗？", "answer_seconds": 60,
                    "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["岗位", "发展", "培训"]}]}


@pytest.mark.parametrize("said", ["我想了解一下，这个岗位的发展空间和培训机会。", "我想了解一下，这个岗位的发展空间和培训机会"])
def test_a_closing_request_in_hrs_words_is_a_question_not_a_salad(said):
    r = _scored(said, CLOSING_HR_WORDS)
    assert r["overall"] >= 50 and "没有提出任何问题" not in _reasons(r), (r["overall"], _reasons(r))


@pytest.mark.parametrize("said", [
    "我想了解一下岗位、发展、培训、薪资、排班、晋升、福利、考核。",
    "我想了解一下岗位发展培训晋升薪资福利",
    "我想了解一下，我家的猫的发展空间和培训机会。",
])
def test_a_dump_of_terms_or_a_request_about_something_else_is_no_specific_question(said):
    r = _run(said, CLOSING_HR_WORDS)
    assert r["status"] == "needs_review" or r["overall"] < 50, r["overall"]


REVIEWS = {"text": "讲一次你发现工作记录或账目出错的经历，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "诚信负责", "weight": 1, "keywords": ["如实", "上报", "负责"]},
                            {"name": "细致", "weight": 1, "keywords": ["核对", "检查", "记录"]}]}


@pytest.mark.parametrize("said", [
    "店里有几条差评的记录不好看，我就把那几条记录删了，重新录入了几条好评，算是纠正了一下错误的记录，店长看了也挺满意的。",
    "有个顾客给了差评，我趁店长不在把差评删了，后来店长也没发现。",
])
def test_deleting_reviews_is_no_correction(said):
    r = _scored(said, REVIEWS)
    assert r["overall"] <= 35, (r["overall"], _reasons(r))


@pytest.mark.parametrize("said", [
    "有一天一只狗来店里买东西，它用三条鱼付了钱，我给它找了零钱，它挺满意的。",
    "有一只猫来店里买东西，它用两条鱼付的钱，我收了鱼找给它零钱，第二天它又带了三只猫来买。",
])
def test_an_animal_buying_and_paying_with_fish_goes_to_a_person(said):
    r = _run(said, SERVICE)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


@pytest.mark.parametrize("said", [
    "有个渔民大哥来吃饭，他说没带钱，想用两条鱼付饭钱，我请示了店长，店长同意了，我把鱼收下交给了后厨，他说谢谢。",
    "有位阿姨带着狗来店里买狗粮，狗在店里乱跑，我帮她拉住了绳子，给她拿了两袋，她说谢谢。",
])
def test_fish_as_barter_and_a_pet_led_in_stay_scored(said):
    _scored(said, SERVICE)
