"""Session 28: relevance read against other questions (question_fit.py) and what CI on 0fbce83 showed of it. A vivid
story told for another job is capped with the other-question reason; a story that tells the situation its question
names is never read that way (answer.tells_asked: the issue's own strong rush story was capped at 45 because its
三百箱货/快递 cover warehouse reference questions better than the question's generic 紧急/安排). With it, the words
of a trade (焯水, 煸炒, 炖) are real words, a recipe appended to a good answer does not raise it, and a story whose
verbs are 防止/担心 is scored, not gated for having no clause structure."""
import json
import re

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import answer, features, question_fit

PAINT = {"text": "请讲一次你在业主家里刷漆时怎么做成品保护的", "answer_seconds": 120,
         "competencies": [{"name": "细致", "weight": 0.5, "keywords": ["遮盖", "保护", "清理"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["检查", "业主", "负责"]}]}
COOK = {"text": "讲一次你在后厨同时出很多菜、忙不过来的经历，你是怎么做的？", "answer_seconds": 120,
        "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["顺序", "准备", "出菜"]},
                         {"name": "协作", "weight": 0.5, "keywords": ["配合", "沟通", "帮忙"]}]}
OUTDOOR = {"text": "讲一次你在户外活动中遇到天气突变的经历，你是怎么处理的？", "answer_seconds": 120,
           "competencies": [{"name": "应变", "weight": 0.5, "keywords": ["处理", "安全", "判断"]},
                            {"name": "责任心", "weight": 0.5, "keywords": ["游客", "检查", "负责"]}]}

HAIR_WASH = ("上个月店里来了一位老顾客，头发很长又打结，我先用宽齿梳从发尾一点点梳开，洗的时候水温调到三十八度，问了她两次烫"
             "不烫，冲完护发素又按摩了十分钟头皮，她说是这几年洗得最舒服的一次，后来办了一张一千块的卡。")
PAINTING = ("去年给一户业主刷客厅，我先用塑料膜把沙发和电视整个包起来，地板铺了两层纸板，开关插座贴了美纹纸，门框用保护膜"
            "缠好。刷完第二天我把膜全撕了，地上掉的几滴漆用铲刀清掉，业主验收时一点没挑出毛病。")
KITCHEN = ("上周六中午一下来了十二桌，我先把要焯水的排骨和鸡块一锅焯了，煸炒的菜排在前面，炖的红烧肉提前一小时就炖上了，"
           "跟打荷的小王说好按桌号顺序递单，四十分钟出完八十多道菜，没有一桌催单。")
RECIPE = ("然后我想说一下我做红烧肉的方法，我做红烧肉喜欢先炒糖色，再放八角桂皮，小火炖一个半小时，这样肉特别香，大家都"
          "爱吃。")
CANOPY = ("上个月带二十个游客在草坪露营，下午三点突然起风，我马上让大家把天幕的四个角压上沙袋，防止兜风，又把边绳加固了"
          "一遍，担心下雨，把睡袋都收进车里。半小时后风停了，天幕没坏，也没人受伤。")


def said_of(r):
    """Every reason HR reads of a result, joined."""
    return " ".join(s for c in r.get("competencies") or [] for s in c["reasons"])


def test_a_story_told_for_another_job_is_capped_as_another_question():
    r = pipeline.analyze_transcript(HAIR_WASH, PAINT, "zh")
    assert r["status"] == "scored" and r["overall"] <= 45, r.get("overall")
    assert answer.OTHER_QUESTION_REASON in said_of(r)


@pytest.mark.parametrize("text, question", [(PAINTING, PAINT), (KITCHEN, COOK), (CANOPY, OUTDOOR)])
def test_a_story_for_its_own_question_is_not_read_as_another(text, question):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["status"], r.get("reason"))
    assert answer.OTHER_QUESTION_REASON not in said_of(r)


def test_the_moved_story_scores_far_below_the_story_told_for_the_question():
    moved = pipeline.analyze_transcript(HAIR_WASH, PAINT, "zh")["overall"]
    own = pipeline.analyze_transcript(PAINTING, PAINT, "zh")["overall"]
    assert own >= 75 and own - moved >= 25, (own, moved)


def test_a_story_telling_the_named_situation_is_exempt_from_question_fit():
    """The issue's question names 时间很紧 (focus.asked); a story saying 急/赶 tells it, whatever else it covers."""
    question = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "competencies": []}
    told = features.analyse([{"word": "那天订单特别急，三百箱货要第二天中午前发完，我们四个人分三批打包。"}], "zh", question)
    other = features.analyse([{"word": "有位老顾客头发很长又打结，我先用宽齿梳从发尾梳开，洗完她说很舒服。"}], "zh", question)
    assert answer.tells_asked(told, question)
    assert not answer.tells_asked(other, question)


def test_the_words_of_a_trade_are_not_garbled_text():
    r = pipeline.analyze_transcript(KITCHEN, COOK, "zh")
    assert r["status"] == "scored"
    assert "乱码" not in json.dumps(r, ensure_ascii=False)
    tokens = [t for t in features.analyse([{"word": KITCHEN}], "zh", COOK).seg.tokens if re.search("[焯煸炖]", t.text)]
    assert len(tokens) >= 3 and all(features.in_dictionary(t) for t in tokens), tokens


def test_a_recipe_appended_to_a_good_answer_does_not_raise_it():
    alone = pipeline.analyze_transcript(KITCHEN, COOK, "zh")["overall"]
    padded = pipeline.analyze_transcript(KITCHEN + RECIPE, COOK, "zh")["overall"]
    assert padded <= alone, (padded, alone)


def test_a_story_whose_verbs_are_prevention_and_worry_is_scored():
    r = pipeline.analyze_transcript(CANOPY, OUTDOOR, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r.get("overall"), r.get("reason"))


def test_leaving_out_every_reference_folder_leaves_no_fit():
    folders = {q.get("folder", "") for q in json.loads(question_fit.PATH.read_text(encoding="utf-8"))["questions"]}
    def fit():
        return features.analyse([{"word": HAIR_WASH}], "zh", PAINT).details.get("question_fit")

    assert fit() is not None and fit() < -0.07, fit()
    with question_fit.leave_out(folders):
        assert fit() is None
    assert fit() is not None
