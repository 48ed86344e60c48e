"""Session 38: plain honest stories read as told (breaker 37's honest findings, tests/functions/data/breaker37).

- A result told as the customer's words or reaction is a result: praise of the service reported (客人后来说我们态度
  挺好的), thanks said to the candidate with no subject named (跟我说谢谢, 向我道谢), a promise to come back (说下次
  还来), paying without fuss (结账挺痛快的), the accuser seeing they were wrong (他自己也不好意思了). The reasons
  said 没有说到最后的结果 of each. The candidate's own thanks and a customer's blame stay no result.
- What another person said (客人说我们态度挺好的) is no view of the candidate's (features.general_clause).
- Clauses of unpunctuated speech: a pronoun after a preposition is its object (跟|我说谢谢 was split before 我), a
  subject alone before a connective belongs to the next clause (客人|后来说…), and 没问题 closes its own negation
  (没问题，跟我说谢谢: the thanks was read as denied).
- A complaint told as a fault said, its speaker named in the clause before (一个客人在我们饭店吃饭，说鱼被做咸了，咸得
  没法吃), is the complaint asked about: such stories were bounded at 35 for telling another situation.
- The wording reason quotes no piece of a word jieba cut (“厨催” of 后厨催) and keeps a verb's 得 with what follows
  (“嫌菜上得慢”).
"""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, text

Q = {"text": "请讲一次你处理顾客投诉的经历，你是怎么做的，结果怎样？", "answer_seconds": 90,
     "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "投诉", "道歉", "解决"]},
                      {"name": "沟通表达", "weight": 0.4, "keywords": ["沟通", "倾听", "解释"]}]}
RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
NO_RESULT = "没有说到最后的结果"
OTHER_SITUATION = "回答没有讲到这种情况"


def _reasons(said: str, question: dict = Q) -> str:
    r = pipeline.analyze_transcript(said, question, "zh")
    assert r["status"] == "scored", r["reason"]
    return " ".join(" ".join(c["reasons"]) for c in r["competencies"])


@pytest.mark.parametrize("said, quoted", [
    ("有一次一个客人在我们饭店吃饭，说鱼做咸了。我尝了一口确实咸，就跟厨师说了，厨师重新做了一条。我跟客人说这条鱼不收钱。"
     "客人后来说我们态度挺好的。", "客人后来说我们态度挺好的"),
    ("一位顾客说汤凉了，我马上给他换了一碗热的，跟他道歉，他看了没问题，跟我说谢谢。", "跟我说谢谢"),
    ("一位顾客说汤凉了，我马上给他换了一碗热的，又送了一份小菜，他走的时候说下次还来。", "说下次还来"),
    ("俺在饭店当跑堂，有回一桌客人嫌菜上得慢，拍桌子了。俺赶紧去后厨催，给他们先上了个凉菜。他们吃完，结账挺痛快的。",
     "结账挺痛快的"),
    ("凌晨三点有个客人说我们找错钱了，嗓门很大。我跟他说我们可以一起看监控，调出来一看确实没找错，他是把钱塞另一个兜里了。"
     "他自己也不好意思了。", "他自己也不好意思了"),
])
def test_a_result_told_as_the_customers_words_or_reaction_is_quoted(said, quoted):
    reasons = _reasons(said)
    assert NO_RESULT not in reasons and quoted in reasons, reasons


@pytest.mark.parametrize("said", [
    # the candidate's own thanks, and the customer's blame, end no story
    "一位顾客说汤凉了，我马上给他换了一碗热的，跟他道歉，我跟他说谢谢。",
    "一位顾客说汤凉了，我马上给他换了一碗热的，跟他道歉，他说我们态度不好。",
    "一位顾客说汤凉了，我马上给他换了一碗热的，跟他道歉，我也不好意思了。",
])
def test_the_candidates_own_words_or_blame_are_no_result(said):
    assert NO_RESULT in _reasons(said)


def _clauses(said: str) -> list[str]:
    seg = text.segment_words(text.words_from_text(said, "zh"), "zh")
    return ["".join(seg.tokens[i].text for i in c) for c in seg.clauses]


def test_a_pronoun_after_a_preposition_is_its_object_not_a_new_clause():
    assert not any(c.startswith("我说谢谢") for c in _clauses(
        "我马上拿出来给他跟他解释我是怕丢了才收起来的他看了手机没问题跟我说谢谢"))


def test_a_subject_alone_before_a_connective_stays_with_its_clause():
    seg = text.segment("我跟客人说这条鱼不收钱。客人后来说我们态度挺好的。", "zh")
    assert "客人后来说我们态度挺好的" in ["".join(seg.tokens[i].text for i in c) for c in seg.clauses]


def test_no_problem_closes_its_own_negation():
    seg = text.segment("他看了手机没问题，跟我说谢谢。", "zh")
    assert [t.text for t in seg.tokens if t.negated] == ["问题"]


@pytest.mark.parametrize("said, general", [
    ("客人后来说我们态度挺好的", False),
    ("我觉得服务态度最重要", True),
    ("我说我们的态度一定要好", True),
])
def test_what_another_person_said_is_no_view_of_the_candidates(said, general):
    seg = text.segment(said, "zh")
    assert features.general_clause([seg.tokens[i] for i in seg.clauses[0]], "zh") is general


def test_a_complaint_told_as_a_fault_said_after_its_speaker_is_the_complaint_asked_about():
    said = ("有一次一个客人在我们饭店吃饭，说鱼被做咸了，咸得没法吃。我尝了一口确实咸，就跟厨师说了，厨师重新做了一条。"
            "我跟客人说这条鱼不收钱。客人后来满意地走了。")
    assert OTHER_SITUATION not in _reasons(said)


def test_a_rush_story_on_the_complaint_question_is_still_another_situation():
    said = ("去年双十一前一天晚上，仓库突然多了三百箱订单，第二天上午十点前必须发完。我把人分成三组，按目的地分批打包，"
            "扫描枪坏了一台，我们就手写单号，最后第二天十点半前全部发出去了。")
    assert OTHER_SITUATION in _reasons(said)


def test_the_wording_reason_quotes_no_piece_of_a_word():
    reasons = _reasons("俺在饭店当跑堂，有回一桌客人嫌菜上得慢，拍桌子了。俺赶紧去后厨催，跟客人说马上好，给他们先上了个凉菜垫垫。"
                       "菜上来以后俺又去问味道咋样。他们吃完也没说啥，结账挺痛快的。")
    assert "“厨催”" not in reasons and "嫌菜上得”" not in reasons, reasons
