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


# --- breaker 28 (README and issue only; its cases in tests/functions/data/breaker28, the families kept here) ---

SITE = {"text": "讲一次你在装修工地上发现前一道工序没做好，你是怎么处理的。", "answer_seconds": 120,
        "competencies": [{"name": "质量意识", "weight": 0.5, "keywords": ["检查", "规范", "返工"]},
                         {"name": "沟通协调", "weight": 0.5, "keywords": ["沟通", "工长", "业主"]}]}
GROOMING = {"text": "讲一次你在宠物店给狗洗澡美容时，狗特别不配合或者咬人，你是怎么处理的。", "answer_seconds": 120,
            "competencies": [{"name": "动物护理", "weight": 0.5, "keywords": ["安抚", "耐心", "安全"]},
                             {"name": "服务意识", "weight": 0.5, "keywords": ["主人", "解释", "沟通"]}]}
SALON = {"text": "请讲一次顾客对你做的发型或美甲不满意，你是怎么处理的。", "answer_seconds": 120,
         "competencies": [{"name": "服务意识", "weight": 2, "keywords": ["顾客", "满意", "沟通"]},
                          {"name": "专业技能", "weight": 1, "keywords": ["修改", "方案", "技术"]}]}
BAKERY = {"text": "请讲一次你在烘焙店里面包烤坏或者出品不合格时，你是怎么处理的。", "answer_seconds": 120,
          "competencies": [{"name": "品质意识", "weight": 2, "keywords": ["出品", "标准", "检查"]},
                           {"name": "解决问题", "weight": 1, "keywords": ["原因", "调整", "结果"]}]}
MILK_TEA = ("我在奶茶店做过一年店员。有个周六下午外卖和堂食一下子来了四十多单，小票排了一长串。我先跟店长商量分工，我负责打单和"
            "看顺序，两个同事一个做茶底一个封口。我把同一种茶底的单子挑出来放在一起做，比如十杯四季春一起煮一起摇，外卖按骑手到"
            "店时间排在前面，堂食的顾客我去解释要等十分钟。这样原来一杯要三分钟，后来平均一分半出一杯，四十多单大概五十分钟全部"
            "出完，那天没有一个差评。")
HAIR_PERM = ("我在理发店做了三年发型师。有一次一位顾客烫完头发说太卷了，显得老气，当场就不高兴了。我先请她坐下，问清楚她想要的"
             "是自然一点的大波浪，原来是我沟通的时候没给她看图片确认。我跟她道歉，然后提出方案，用软化剂把发尾拉松一点，再吹成大"
             "弯，不额外收费。做了四十分钟，她照镜子说这次满意了。后来我每次烫发前都会拿手机给顾客看三张参考图让她选，那一年我的"
             "返工从每个月四五次降到一两次。")


@pytest.mark.parametrize("text, question", [
    ("上次接了个活，木工吊顶完了我去批腻子，一看石膏板接缝没留缝也没贴绷带，这样以后肯定开裂。我跟工长讲，这道工序不合格，得返"
     "工，要木工把接缝切V字槽，填嵌缝膏，贴上网格带。工长一开始嫌麻烦，我把开裂的照片给他看，他同意了，又跟业主说明要多两天。"
     "返工完我再批了三遍腻子，打磨，刷乳胶漆，到现在两年了没裂过。", SITE),
    ("我是做泥瓦的，去一个工地贴瓷砖，进场先检查前面水电师傅的活，发现卫生间的防水只刷到一米二，淋浴那边按规范要刷到一米八。我"
     "没有直接开工，工长还嫌麻烦，拍了照片发给工长，说明要补刷，不然以后墙会返潮。工长跟业主沟通以后，水电师傅第二天来补刷了两"
     "遍，还做了四十八小时闭水试验，验收合格我才开始贴砖。", SITE),
    ("有只金毛来洗澡，主人嫌麻烦没给它剪指甲，指甲太长了，我一碰它的脚它就咬人。我先停下来给它吃零食安抚，戴上嘴套保证安全，再"
     "慢慢剪，剪完才洗澡和美容，一共一个半小时。主人来接的时候我跟她解释了，建议每个月剪一次，她说以后会注意。", GROOMING),
])
def test_corner_cutting_told_of_someone_else_is_not_the_candidates(text, question):
    """A role or relation no list names (工长, 主人, 业主, 房东) is someone else: their 嫌麻烦 is not the candidate's
    (contrary._role_noun, meaning.word_class: Cilin class A)."""
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r.get("overall"), said_of(r))
    assert "反面" not in said_of(r) and "嫌麻烦" not in said_of(r)


@pytest.mark.parametrize("text", ["那次给业主刷墙，我嫌麻烦没贴美纹纸，直接刷了，结果踢脚线上全是漆点，业主很不满意。",
                                  "工长让我赶工，我嫌麻烦就没检查防水，直接贴了砖，后来楼下漏水了。"])
def test_the_candidates_own_corner_cutting_still_counts(text):
    r = pipeline.analyze_transcript(text, SITE, "zh")
    assert r["status"] == "scored" and r["overall"] <= 35 and "反面" in said_of(r), (r.get("overall"), said_of(r))


def test_an_object_after_let_and_modifiers_is_no_subject():
    """我让两个新来的实习生干通宵，不给加班费: 实习生 is the object of 让 past a count and a 的-modifier; the unpaid
    overtime is the speaker's."""
    q = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "加班"]},
                          {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "同事", "分工"]}]}
    r = pipeline.analyze_transcript("急单来的时候我让两个新来的实习生干通宵，不给加班费，跟他们说不干就别想转正。最后三百箱按时"
                                    "发完了，省了老板六百块加班费。", q, "zh")
    assert r["status"] == "scored" and r["overall"] <= 35 and "反面" in said_of(r), (r.get("overall"), said_of(r))


@pytest.mark.parametrize("text", ["阿姨嫌烫得太卷，我先道歉，再用软化膏把发尾拉直一点，吹成大弯，没收钱，她挺满意的。",
                                  "阿姨嫌烫得太卷，我先道歉，再用软化膏把发尾拉直一点，吹成大弯，四十分钟，没收钱，她挺满意的。"])
def test_a_short_honest_story_is_not_read_as_fitting_another_question(text):
    """Twelve words cannot cover HR's keywords (顾客, 修改, 方案) whatever question they answer: fewer than
    question_fit.MIN_WORDS known words are not read against other questions."""
    r = pipeline.analyze_transcript(text, SALON, "zh")
    assert r["status"] == "scored" and r["overall"] > 45, r.get("overall")
    assert answer.OTHER_QUESTION_REASON not in said_of(r)


@pytest.mark.xfail(strict=True, reason="breaker 28, open: one opening sentence saying the question's words lifts a "
                   "moved story past the other-question bound (45 → 81.1). Reading the answer without such edge clauses "
                   "(min of both fits) capped these, but also 3 answers graded 3–4 of sets d, p, r (a Cantonese lifeguard "
                   "story 65.1 → 45): an honest story names its setting once at its start too (session 28 snapshot)")
@pytest.mark.parametrize("opening, story, question", [
    ("我讲一次面包烤坏了我是怎么处理出品不合格的。", MILK_TEA, BAKERY),
])
def test_a_sentence_reading_the_question_back_does_not_lift_a_moved_story(opening, story, question):
    alone = pipeline.analyze_transcript(story, question, "zh")
    opened = pipeline.analyze_transcript(opening + story, question, "zh")
    assert opened["status"] == "scored" and opened["overall"] <= 45, (opened["overall"], said_of(opened))
    assert alone["overall"] <= 45, alone["overall"]
