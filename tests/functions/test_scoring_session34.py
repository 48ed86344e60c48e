"""Session 34: the families gates-z (a new gating set, 60 nonsense answers and 72 honest look-alikes by one writer,
confirmed blind by two raters) showed passing, each covered in kind with texts written here, not the set's own:

- dream-like lines of 50–54 Chinese characters (stage 1 of the nonsense reader trusted from 50 characters, not 55);
- a coat put on a sound (给哭声刷了一层清漆) and a problem peeled (把他的问题剥了皮): acts that cannot happen;
- HR's keywords in empty sentences with a single 我认为 (one reasoning word among many clauses is no reason);
- English things acting in any inflection (the napkins were dancing) and the work's abstractions acting (the refund sings);
- a Korean loop of the same few phrases turned round (the loop gate in English and Korean);
and, from breaker 33's open findings, a Korean template with nothing specific is scored low, not gated.
Each has an honest look-alike that must stay scored.
"""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import english_acts, features

Q_ZH = {"text": "请讲一次你在面馆后厨遇到出餐高峰、人手不够的经历，你是怎么做的？", "answer_seconds": 120,
        "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["出餐", "顺序", "配合"]},
                         {"name": "服务", "weight": 0.5, "keywords": ["顾客", "解释", "耐心"]}]}
Q_EN = {"text": "Tell me about a time a customer was unhappy with their order. What did you do?", "answer_seconds": 120,
        "competencies": [{"name": "Customer care", "weight": 0.5, "keywords": ["listen", "apologise", "refund"]},
                         {"name": "Problem solving", "weight": 0.5, "keywords": ["solution", "result", "fix"]}]}
Q_KO = {"text": "손님이 화를 냈던 경험을 말해 주세요. 어떻게 대처했나요?", "answer_seconds": 120,
        "competencies": [{"name": "고객 응대", "weight": 0.5, "keywords": ["경청", "사과"]},
                         {"name": "문제 해결", "weight": 0.5, "keywords": ["해결", "확인"]}]}

GATED = {
    "zh-dream-lines": (Q_ZH, "zh", "汤锅在梦里学会了游泳，\n筷子排着队去看海，\n我把月光切成面条，\n端给一只迷路的星期天。\n灶台睡着了，\n"
                                   "醒来的时候，\n碗里全是风。"),
    "zh-coat-and-peel": (Q_ZH, "zh", "那天中午来了三十桌，我先把面下锅，老板让我快点，我就把他的问题剥了皮，切成细丝下进汤里。后来有个"
                                     "顾客生气，我就给他的抱怨刷了一层清漆，挂在门口晾干，顾客就笑着走了。"),
    "zh-keywords-one-reason": (Q_ZH, "zh", "关于出餐这方面，我认为顺序是非常配合的。在耐心上面，解释就是顾客的一种出餐。配合的时候，"
                                           "顺序做得比较耐心地解释。顾客方面，也是出餐的顺序，配合了耐心。总而言之，出餐。"),
    "en-things-acting": (Q_EN, "en", "Last spring a lady said her soup was cold. I grabbed the ladle, and the ladle told me it had "
                                     "always wanted to be a violin, so we drove to the moon where the napkins were dancing on "
                                     "Friday."),
    "en-abstractions-acting": (Q_EN, "en", "The green refund sings slowly behind the order of Monday because listen is a "
                                           "window and the solution apologises to the river."),
    "ko-loop": (Q_KO, "ko", "그날 손님이 화가 나서, 화가 난 손님이 그날, 제가 그때 손님한테, 손님한테 제가 그때, 화가 나서 그날, "
                            "그날 그 손님이 화가, 그래서 그때 제가요."),
}

SCORED = {
    # a coat on a railing, a plain story around it
    "zh-railing-painted": (Q_ZH, "zh", "那天中午来了三十桌，人手少了两个。我先把面按桌号排好顺序，让师傅一锅下四碗，我负责浇头和端面。"
                                       "有个顾客等急了，我给他先上了一碟小菜，解释了一下还要五分钟，他就没再催。收工以后我跟老板给"
                                       "门口的栏杆刷了一层漆。"),
    # a belief with its reasons: vague, scored low, not a keyword list
    "zh-belief-with-reasons": (Q_ZH, "zh", "我觉得出餐高峰最重要的是顺序，因为顺序一乱顾客就等得久。我认为后厨要互相配合，有顾客着急"
                                           "就耐心解释。"),
    # the policy says: an abstraction may say
    "en-policy-says": (Q_EN, "en", "A man said his burger was raw inside. I apologised, the policy says we remake it, so I had "
                                   "the cook make a new one and took ten percent off. He thanked me and came back the next week."),
    "ko-template": (Q_KO, "ko", "그런 상황에서 저는 손님의 이야기를 경청하고 정중하게 사과드렸으며 문제를 확인하고 해결하여 좋은 결과를 "
                                "얻었습니다."),
    "ko-short-story": (Q_KO, "ko", "작년 겨울에 커피가 식었다고 손님이 화를 내셨어요. 바로 사과드리고 새로 만들어 드렸더니 웃으면서 "
                                   "가셨어요."),
}


@pytest.mark.parametrize("name", sorted(GATED))
def test_nonsense_of_these_families_goes_to_a_person(name):
    question, language, text = GATED[name]
    r = pipeline.analyze_transcript(text, question, language)
    assert r["status"] == "needs_review", (r["status"], r["overall"])
    assert r["reason_code"] in ("nonsense", "repetition", "keyword_list"), r["reason_code"]


@pytest.mark.parametrize("name", sorted(SCORED))
def test_their_honest_look_alikes_are_scored(name):
    question, language, text = SCORED[name]
    r = pipeline.analyze_transcript(text, question, language)
    assert r["status"] == "scored", (r["status"], r["reason_code"], r["reason"])


def test_a_template_scores_low_and_a_story_higher():
    template = pipeline.analyze_transcript(SCORED["ko-template"][2], Q_KO, "ko")
    story = pipeline.analyze_transcript(SCORED["ko-short-story"][2], Q_KO, "ko")
    assert template["overall"] <= 35 < story["overall"], (template["overall"], story["overall"])


def test_english_acts_read_every_inflection_of_a_peoples_act():
    for verb in ("vote", "votes", "voted", "voting", "dance", "dancing", "argue", "arguing"):
        assert verb in english_acts.PEOPLE_ACTS, verb


def test_lives_kept_are_a_result():
    for said in ("十一头活了十头", "最后救活了", "三只都保住了", "活下来两头"):
        assert features._RECOVERED.search(said), said
    for said in ("我活了三十年", "干活了三个小时", "那天干活了两个人"):
        assert not features._RECOVERED.search(said), said


def test_a_quality_cut_into_pieces_is_an_act_that_cannot_happen():
    """Set y's unpunctuated motivation jumble (把稳定切成葱花…吃苦耐劳的锅…在喜欢卤水的动机里面排队) told two such acts and
    passed at 38.8: 切成 is a handling verb now — on a quality, never on a generic word (把问题切成几块 is a figure). One such
    act alone corroborates the learnt reader but does not gate (it needs model.NONSENSE_CORROBORATION of them)."""
    from functions.analyze.scoring import gates, text as T

    said = T.normalise("我来面馆是因为想长期做，我把稳定切成葱花撒在汤里，让耐心的锅每天在喜欢面条的动机里面排队", "zh")
    assert ("handle", "稳定…切成") in gates.odd_acts(features.analyse([{"word": said}], "zh", Q_ZH))
    assert "切成" not in gates._PREPARE
    honest = pipeline.analyze_transcript("高峰前我把五斤牛肉切成薄片，把葱切成葱花，按桌号排好顺序，十二点开始出餐，二十分钟出了三十碗，"
                                         "顾客没有一个催的。", Q_ZH, "zh")
    assert honest["status"] == "scored", honest["reason_code"]
