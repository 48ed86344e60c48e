"""Session 35: breaker 34's open nonsense findings, each covered in kind with texts written here, not the helper's own:

- Korean acts that cannot happen (scoring/korean_acts.py): the dative of the living on the moon or a chair, a weekday or
  a dish as the subject of a person's act or of an honorific verb, a weekday or a feeling cooked — two of them send a
  Korean answer to a person (model.KO_ACTS_MIN);
- Chinese: an animal told to do a worker's job (让两只鸭子去收银), a count before the one phoned (给一头大象打电话), an
  iceberg served (把冰山端上桌), nature as a tool where jieba glued 用 to the noun before it, and a time or an idea said to
  be a colour, a taste or a shape (时间是一种颜色: gates._category_errors);
- English: a time, a quality or a thing apologised to or phoned (apologized to Wednesday, phoned the fridge), and a
  customer or a refund "is a river" (english_acts addressed, is_a).
Each family has honest look-alikes that must stay scored and read no act.
"""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import english_acts, features, gates, korean_acts, text

from test_scoring_session34 import Q_EN, Q_KO, Q_ZH  # the same questions as session 34's families

GATED = {
    "ko-moon-and-chair": (Q_KO, "ko", "지난 금요일 저녁에 손님이 많았어요. 그런데 접시가 화를 내면서 주문을 취소했어요. 저는 바로 "
                                      "무지개에게 사과하고 목요일을 다시 끓여서 드렸어요. 그랬더니 의자가 웃으면서 가셨어요. "
                                      "결국 모두 만족했습니다."),
    "ko-feelings-cooked": (Q_KO, "ko", "그날은 정말 바빴어요. 외로움을 볶아서 포장했고 일요일을 튀겨서 손님께 드렸어요. 국이 슬프다고 "
                                       "울었지만 저는 별에게 전화해서 해결했어요."),
    "zh-animals-at-work": (Q_ZH, "zh", "那天晚上来了四十多桌，人手不够，我就让两只鸭子去收银，又叫一群蚂蚁帮我切菜，再把冰山端上桌。"
                                       "后来有个顾客等急了，我给一头大象打电话道歉，最后大家都按时吃上了饭。"),
    "zh-kinds": (Q_ZH, "zh", "出餐是一种声音。耐心是一种温度。我的顺序是星期三的形状。配合是一种气味。解释其实是一种颜色。"),
    "en-addressed-and-rivers": (Q_EN, "en", "A man said his pasta was wrong. I apologized to Wednesday and phoned the "
                                            "fridge, then I explained it to the color green. The customer is a river and "
                                            "the refund is a song, so in the end everybody was calm."),
}

HONEST = {
    "ko-weather-and-dishes": (Q_KO, "ko", "어제는 비가 와서 배달이 늦었어요. 손님이 화를 내셨는데 국이 식었다고 하셔서 제가 바로 "
                                          "사과드리고 다시 데워서 드렸어요. 사장님께도 말씀드렸고 손님은 웃으면서 가셨어요."),
    "ko-machine-and-weekday": (Q_KO, "ko", "토요일이 제일 바빠요. 그날 카드 기계가 카드를 안 받아서 손님이 짜증을 내셨어요. 저는 "
                                           "가게에 전화해서 확인하고 현금 영수증을 따로 해 드렸어요. 치킨을 포장해서 드리니까 "
                                           "괜찮다고 하셨어요."),
    "zh-people-sent": (Q_ZH, "zh", "那天中午三十桌一起点单，我让徒弟去切配，叫服务员帮我传菜，鱼让它再蒸五分钟。有位顾客等急了，我给"
                                   "他打电话解释，先送了一份凉菜，把菜端上桌以后他也就不生气了。"),
    "zh-perceptions": (Q_ZH, "zh", "我们店的招牌菜是一种酸辣的味道，汤的颜色是红的。高峰的时候我先出凉菜，这是最快的顺序，"
                                   "顾客问起来我就耐心解释。"),
    "en-talked-and-called": (Q_EN, "en", "A guest said her steak was cold. I apologized to her, called the kitchen and "
                                         "talked to the floor manager, then I brought a new one in ten minutes and "
                                         "took it off the bill. My boss is a shark about waste, but she agreed."),
}


@pytest.mark.parametrize("case", sorted(GATED))
def test_impossible_acts_go_to_a_person(case):
    q, lang, text = GATED[case]
    r = pipeline.analyze_transcript(text, q, lang)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("reason_code"),
                                                                              r.get("overall"))


@pytest.mark.parametrize("case", sorted(HONEST))
def test_honest_look_alikes_are_scored(case):
    q, lang, text = HONEST[case]
    r = pipeline.analyze_transcript(text, q, lang)
    assert r["status"] == "scored", (r["status"], r.get("reason_code"), r.get("reason"))


def _read(case: dict, key: str):
    q, lang, said = case[key]
    return features.analyse(text.words_from_text(said, lang), lang, q)


def test_korean_acts_name_their_kinds():
    kinds = {k for k, _ in korean_acts.acts(_read(GATED, "ko-moon-and-chair"))}
    assert kinds == {"addressed", "acting", "handling"}
    assert {k for k, _ in korean_acts.acts(_read(GATED, "ko-feelings-cooked"))} >= {"handling", "acting", "addressed"}


@pytest.mark.parametrize("case", ["ko-weather-and-dishes", "ko-machine-and-weekday"])
def test_korean_weather_machines_and_times_of_day_are_not_acts(case):
    assert korean_acts.acts(_read(HONEST, case)) == []


def test_korean_acts_read_nothing_in_another_language():
    assert korean_acts.acts(_read(GATED, "zh-kinds")) == []


def test_a_time_or_an_idea_said_to_be_a_colour_is_a_category_error():
    toks = _read(GATED, "zh-kinds").seg.tokens
    assert len(gates._category_errors(toks)) >= 4
    # a dish is a taste, this is the order, the soup's colour: honest
    assert gates._category_errors(_read(HONEST, "zh-perceptions").seg.tokens) == []


def test_english_addressed_and_is_a():
    kinds = [k for k, _ in english_acts.acts(_read(GATED, "en-addressed-and-rivers"))]
    assert kinds.count("addressed") >= 2 and kinds.count("is_a") == 2
    assert english_acts.acts(_read(HONEST, "en-talked-and-called")) == []


def test_the_korean_gate_names_what_it_read():
    q, lang, text = GATED["ko-moon-and-chair"]
    r = pipeline.analyze_transcript(text, q, lang)
    assert "不可能发生" in r["reason"]


@pytest.mark.parametrize("said", ["问题是客人要的颜色不对，我就重新做了一份", "这道菜其实是一种很老的味道", "原因是一种味道太冲的调料",
                                  "我们的安排是一个比较合理的顺序", "这个是一种甜的口味", "我的工作是一种声音很大的工作",
                                  "麻辣烫是一种川渝的味道", "汤的颜色是红的"])
def test_what_a_colour_or_a_taste_honestly_is_reads_no_category_error(said):
    a = features.analyse(text.words_from_text(said, "zh"), "zh", Q_ZH)
    assert gates._category_errors(a.seg.tokens) == []


@pytest.mark.parametrize("said", ["我让徒弟去切配，又叫小王帮我收银", "我就让鱼再蒸五分钟", "我让狗去门口看着",
                                  "老板叫我们帮他打包", "我给一位顾客打电话道歉", "我把菜端上桌"])
def test_people_sent_and_dishes_served_are_not_impossible_beings(said):
    a = features.analyse(text.words_from_text(said, "zh"), "zh", Q_ZH)
    assert [b for b in gates._impossible_beings(a.seg.tokens, said=a.seg.text)] == []
