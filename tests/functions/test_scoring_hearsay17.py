"""A story someone told the candidate (breaker 17: 我朋友跟我讲过，他们仓库有一次… scored 66.8) is not the
candidate's own experience: bounded like 听我朋友说… (agency.borrowed). Advice or news told in the candidate's own
story (同事跟我说顾客在等, 我朋友跟我说这边招人) is not hearsay: only a story told to them (…跟我讲过/说过)."""
import pytest

from functions.analyze import pipeline

RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
COMPLAINT = {"text": "请讲一次你处理顾客投诉、顾客很生气的经历，你是怎么做的，结果怎样？", "answer_seconds": 120,
             "competencies": [{"name": "沟通表达", "weight": 0.5, "keywords": ["倾听", "道歉", "沟通", "顾客"]},
                              {"name": "解决问题", "weight": 0.5, "keywords": ["解决", "结果", "补偿", "方案"]}]}
MOTIVE = {"text": "你为什么想来我们超市做收银员？", "answer_seconds": 60,
          "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["稳定", "长期", "离家近"]},
                           {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "微笑", "服务"]}]}


@pytest.mark.parametrize("question,text", [
    (RUSH, "我朋友跟我讲过，他们仓库有一次双十一前一天客户追加三百箱，他们四个人按目的地分成三批，扫码枪坏了就手工登记，"
           "干到凌晨两点，第二天十点半全部发完。我觉得他们做得很好。"),
    (RUSH, "我表姐跟我说过一件事，她们厂里有次来了个五千件的急单，她把白班夜班拉开，三天就交了货。"),
    (COMPLAINT, "我同学和我聊过，他在火锅店打工的时候有个客人喝多了闹事，他先给客人倒了杯茶，然后叫来店长，最后免了一个菜。"),
    (COMPLAINT, "我妈跟我讲起过，她在菜市场卖菜的时候有人说秤不准，她当场拿公平秤称给人家看，那人就不说话了。"),
])
def test_a_story_told_to_the_candidate_is_bounded_as_borrowed(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored" and r["overall"] <= 35, (r["status"], r.get("overall"))


@pytest.mark.parametrize("question,text", [
    (RUSH, "那天晚上八点客户追加三百箱，同事跟我说扫码枪坏了，我就拿本子手工登记，和三个人按目的地分成三批，第二天十点半全部发完。"),
    (COMPLAINT, "有位大姐说我们的汤凉了，很生气，同事跟我说她是老顾客，我马上道歉，把汤端回去热好，又送了一碟小菜，她就笑了。"),
    (MOTIVE, "我朋友跟我说过你们超市离我家很近，工资也稳定，我以前在便利店干过两年收银，会用扫码枪，想长期做下去。"),
])
def test_news_and_advice_in_the_candidates_own_answer_are_not_hearsay(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored" and r["overall"] > 35, (r["status"], r.get("overall"))


@pytest.mark.parametrize("tail", [
    "Also I want to say that I am a very hardworking person and I love teamwork and communication and I always "
    "finish on time with priority and overtime.",
    "To be honest, I think the key is to stay calm, talk to everyone on the team, split the work and keep the "
    "customer informed until every box is out of the door.",
])
def test_an_english_paragraph_appended_is_named_as_another_language(tail):
    """Breaker 17 D: the answer was sent to a person, but as 乱码 (nonsense); the reason must say what it is."""
    r = pipeline.analyze_transcript("去年双十一前一天晚上八点，客户突然追加了三百箱货，要求第二天中午前发出去。我先把三百箱按目的地"
                                    "分成三批，第二天早上十点半全部发完。" + tail, RUSH, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "wrong_language", (r["status"], r.get("reason_code"))
    assert "英文" in r["reason"] and "乱码" not in r["reason"]


def test_code_switched_words_in_a_chinese_story_are_still_scored():
    r = pipeline.analyze_transcript("之前在一家跨境电商做operation，有次Black Friday前一天客户加了800个order，我把order按仓库"
                                    "分成三批，跟两个同事sync了一下，通宵打包，第二天上午全部ship出去了。", RUSH, "zh")
    assert r["status"] == "scored", r.get("reason_code")
