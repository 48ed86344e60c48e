"""Breaker 13, H4: words said by someone else (同事说“到点就下班”, 快递员说这不关我的事, my coworker said "not my
problem") are not the candidate's conduct or attitude. Counter-evidence phrases (contrary.py), the reluctance
phrases and detector, and the wording model do not read them (contrary.others_speech); the candidate's own words
(我跟他说“不关我的事”, I told him "not my problem") still count."""
import pytest

from functions.analyze.scoring.answer import score_answer

URGENT_Q = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
            "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                             {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
SERVICE_Q = {"text": "Tell us about a time a customer complained to you at work. How did you handle it?",
             "answer_seconds": 90,
             "competencies": [{"name": "Customer service", "weight": 0.6, "keywords": ["customer", "apologise", "solve"]},
                              {"name": "Communication", "weight": 0.4, "keywords": ["listen", "explain", "calm"]}]}

REST = "我不同意，那天晚上我留下来和另外两个人把300箱货按目的地分成三批打包，第二天上午十点半全部发走了。"
COURIER = ("去年双十一前一晚多了300箱货，快递员说{}，我就打电话给他们站点主管，约好早上七点来收，我们四个人连夜按目的地分三批打包，"
           "十点半前全部发走了。")
# (answer quoting someone else's bad attitude, the same answer with a neutral quote, question, language)
OTHERS = [
    ("我之前有个同事说“急单关我什么事，到点就下班”，" + REST, "我之前有个同事说“今天的单子挺多的”，" + REST, URGENT_Q, "zh"),
    ("我之前有个同事说急单关我什么事，到点就下班，" + REST, "我之前有个同事说今天的单子挺多的，" + REST, URGENT_Q, "zh"),
    ("店长跟我说：「到点就下班，不关我的事」，" + REST, "店长跟我说：「今天的单子挺多的」，" + REST, URGENT_Q, "zh"),
    (COURIER.format("“这不关我的事，明天再来拿”"), COURIER.format("“明天再来拿”"), URGENT_Q, "zh"),
    (COURIER.format("这不关我的事，明天再来拿"), COURIER.format("明天再来拿"), URGENT_Q, "zh"),
    (COURIER.format('"这不关我的事"'), COURIER.format('"明天再来拿"'), URGENT_Q, "zh"),
    ("A customer shouted that we overcharged him. I listened, checked the receipt with him, found the extra coffee, "
     "apologised, refunded the 4 dollars and gave him a free cookie. He thanked me and came back the next week.",
     "A customer shouted that his coffee was wrong. I listened, checked the receipt with him, found the extra coffee, "
     "apologised, refunded the 4 dollars and gave him a free cookie. He thanked me and came back the next week.",
     SERVICE_Q, "en"),
    ('My coworker said "we overcharged him, just keep the money". I listened to the customer, checked the receipt, '
     "apologised, refunded the 4 dollars and gave him a free cookie. He thanked me and came back the next week.",
     'My coworker said "he seems upset". I listened to the customer, checked the receipt, '
     "apologised, refunded the 4 dollars and gave him a free cookie. He thanked me and came back the next week.",
     SERVICE_Q, "en"),
]


def _score(text, question, language):
    r = score_answer([{"word": text}], language, question)
    assert r["status"] == "scored", (r["reason_code"], r["reason"])
    return r


def _counter(r):
    return [s for c in r["competencies"] for s in c["reasons"] if "反面" in s or "相反" in s or "态度" in s]


@pytest.mark.parametrize("text,neutral,question,language", OTHERS)
def test_someone_elses_bad_attitude_is_not_the_candidates(text, neutral, question, language):
    r, n = _score(text, question, language), _score(neutral, question, language)
    assert not _counter(r), _counter(r)
    # the wording model still reads the quoted words as said (features.wording_text keeps others' speech: where
    # it ends differs between a typed answer and its transcript), which costs up to 9 points here
    assert abs(r["overall"] - n["overall"]) <= 10, (r["overall"], n["overall"])
    if language == "zh":
        assert r["overall"] >= 70, r["overall"]


# the candidate says it themselves: their own attitude, bounded
OWN = [
    ("那次急单三百箱，我跟主管说“不关我的事，到点就下班”，就走了，第二天上午十点半他们才发完。", URGENT_Q, "zh"),
    ("那次急单三百箱，我跟主管说不关我的事，到点就下班，就走了，第二天上午十点半他们才发完。", URGENT_Q, "zh"),
    ("那次急单三百箱，主管让我留下，我说「急单关我什么事」，到点就下班了，第二天上午十点半他们才发完。", URGENT_Q, "zh"),
    ('A customer said his bill was wrong. I told him "the till is never wrong", we kept the money and he left angry.',
     SERVICE_Q, "en"),
]


@pytest.mark.parametrize("text,question,language", OWN)
def test_the_candidates_own_words_still_count(text, question, language):
    r = _score(text, question, language)
    assert r["overall"] <= 35, r["overall"]
    assert _counter(r), [c["reasons"] for c in r["competencies"]]
