"""Session 29: who acts, what is an attitude, what is a result — families found in breaker 28's farm stories.

- jieba's tagger calls fragments of words it does not know persons' names (沃 of 沃柑, 加乙 of 加乙螨唑, 蓟养, and the
  dictionary's 叶子, 阴凉, 布光): every action after them was given to that "person" (features._name_like);
- a reluctant phrase said as a supposition (要是不管估计要少一大半) or of a thing (香蕉基本就不怎么扔了) is no attitude
  of the candidate's (features._supposed_in, _thing_subject);
- a thing held in place (控制住了, 保住了) is a result (features.result_word);
- the question's words read back in other cuts (修图交片的时候 for 修图交片时) are no deed of the candidate's, so an
  echo of the question still goes to a person (gates._deeds_in_own_words).
Real jieba, word vectors and the shipped scorer throughout.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, lexicon

ROOT = Path(__file__).resolve().parents[2]
FP = frozenset(lexicon.sets("zh")["first_person"])
Q = {"text": "讲一次你在果园或者菜地遇到病虫害或者天气灾害，你是怎么减少损失的。", "answer_seconds": 120,
     "competencies": [{"name": "种植经验", "weight": 2, "keywords": ["病虫害", "防治", "产量"]},
                      {"name": "应变能力", "weight": 1, "keywords": ["天气", "损失", "措施"]}]}


def analyse(text, question=Q):
    return features.analyse([{"word": text}], "zh", question)


@pytest.mark.parametrize("word", ["叶子", "沃", "加乙", "蓟养", "阴凉", "安抚"])
def test_words_jieba_calls_names_but_are_not_people(word):
    assert not features._name_like(word)


@pytest.mark.parametrize("word", ["小王", "王磊", "张姐", "李师傅", "老刘", "阿强", "刘德华", "丽丽", "李"])
def test_names_of_people_stay_people(word):
    assert features._name_like(word)


def test_the_citrus_growers_own_actions_are_his():
    text = ("我们村种的是沃柑，去年红蜘蛛闹得厉害，叶子发灰。我先用阿维菌素加乙螨唑喷了一遍，七天以后再用螺螨酯喷一遍，"
            "轮换着用防止抗药性。还在园子里种了藿香蓟养捕食螨。两个月以后红蜘蛛基本控制住了，那年一亩还是收了六千斤。")
    an = analyse(text)
    assert an.counts["specific_actions"] >= 3 and an.counts["others_actions"] <= 1
    assert any("我先用阿维菌素" in c for c in an.details["action_clauses"])
    assert an.details["outcome_clause"] == "两个月以后红蜘蛛基本控制住了"
    r = pipeline.analyze_transcript(text, Q, "zh")
    said = " ".join(s for c in r["competencies"] for s in c["reasons"])
    assert "没有说清自己具体做了什么" not in said and "没有说到最后的结果" not in said and "乱码" not in said


def test_a_colleague_named_by_name_still_acts_for_himself():
    an = analyse("那天小王把货分成三批，老刘负责贴面单。")
    assert an.counts["specific_actions"] == 0 and an.counts["others_actions"] >= 1


@pytest.mark.parametrize("text", ["最后少收了三成左右，要是不管估计要少一大半。", "要是不管的话会烂掉一大半，所以我每天去摘。",
                                  "后来香蕉基本就不怎么扔了，老板也挺满意。"])
def test_a_supposition_or_a_things_state_is_no_reluctance(text):
    assert analyse(text).details["reluctance"] == []


@pytest.mark.parametrize("text,phrase", [("那次我就不管了，让他自己弄。", "不管了"), ("订单太多了就拖着。", "拖着"),
                                         ("这种事我懒得管。", "懒得"), ("顾客催了我也不理。", "不理")])
def test_the_candidates_own_reluctance_is_still_read(text, phrase):
    assert phrase in analyse(text).details["reluctance"]


def test_the_strawberry_story_is_not_read_as_unwilling():
    case = next(json.loads(line) for line in
                (ROOT / "tests/functions/data/breaker28/cases.jsonl").read_text(encoding="utf-8").splitlines()
                if "草莓" in line)
    an = analyse(case["text"], case["question"])
    assert an.answer["reluctance"] == 0 and an.details["outcome_clause"] == "最后少收了三成左右"


@pytest.mark.parametrize("clause", ["红蜘蛛基本控制住了", "花大部分保住了", "场面总算稳住了"])
def test_a_thing_held_in_place_is_a_result(clause):
    an = analyse(f"那天我先把棚门关上，又喷了一遍药，{clause}。")
    assert an.details["outcome_clause"] == clause


def test_held_is_no_result_when_denied():
    an = analyse("那天我先把棚门关上，又喷了一遍药，还是没控制住。")
    assert an.details["outcome_clause"] != "还是没控制住"


def test_the_question_read_back_in_other_cuts_is_still_an_echo():
    q = {"text": "请讲一次你在布光、整理器材或者修图交片时，因为细心发现问题、避免了出错或返工的经历。", "answer_seconds": 120,
         "competencies": [{"name": "细致认真", "weight": 1, "keywords": ["检查", "核对"]},
                          {"name": "专业技能", "weight": 1, "keywords": ["布光", "修图"]}]}
    text = ("请讲一次我在布光、整理器材或者修图交片的时候，因为细心发现问题，避免了出错或返工的经历。就是说，布光、整理器材、"
            "修图交片的时候，细心发现问题，避免出错和返工，对，就是这样一个经历。")
    r = pipeline.analyze_transcript(text, q, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "parroting"
    honest = "上周我修图交片前把三百张图按编号核对了一遍，发现少了两张婚纱外景，回去从备份卡里找回来补上了。"
    r = pipeline.analyze_transcript(honest, q, "zh")
    assert r["status"] == "scored" and r["overall"] >= 50


# Breaker 29 (a fresh helper with the README and the issue only; cases in tests/functions/data/breaker29/cases.jsonl)
RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
INITIATIVE = {"text": "讲一次你发现问题并主动想办法解决的经历。", "answer_seconds": 120,
              "competencies": [{"name": "解决问题", "weight": 0.6, "keywords": ["解决", "分析", "办法", "结果"]},
                               {"name": "主动性", "weight": 0.4, "keywords": ["主动", "发现", "负责"]}]}


@pytest.mark.parametrize("team", ["秀英负责拆箱，德胜负责装礼盒", "玉珍负责做饭，春梅去买菜"])
def test_a_team_named_by_given_names_did_the_work_not_the_candidate(team):
    text = f"那天晚上突然来了两百盒月饼的单，{team}，第二天早上七点半全部送到了。"
    r = pipeline.analyze_transcript(text, RUSH, "zh")
    assert r["status"] == "scored" and r["overall"] <= 40, r["overall"]
    assert "别人" in " ".join(r["competencies"][0]["reasons"])


def test_the_candidate_working_beside_given_names_keeps_the_credit():
    text = ("那天晚上突然来了两百盒月饼的单，我先把单子按小区分成三批，秀英负责拆箱，我自己装礼盒贴标签，又跟德胜一起开车送，"
            "第二天早上七点半全部送到了。")
    r = pipeline.analyze_transcript(text, RUSH, "zh")
    assert r["overall"] >= 70, r["overall"]


def test_myself_after_i_is_the_candidate_not_the_coworker_before():
    text = "同事嫌麻烦都不愿意加班，我就自己留下来，把三百单按快递公司分好，一直打包到晚上十一点，第二天一早全部发走了。"
    r = pipeline.analyze_transcript(text, RUSH, "zh")
    assert r["overall"] >= 55, r["overall"]
    assert not any("别人" in s for c in r["competencies"] for s in c["reasons"])


def test_not_my_job_but_i_did_it_is_initiative_not_counter_evidence():
    text = ("这事本来不归我管，但我看仓库漏水好几天没人弄。我爬上去看，是屋顶一块彩钢瓦裂了，我买了防水胶带和一块新瓦换上，"
            "又把湿了的二十箱货搬到高处晾干，只损失了两箱。")
    r = pipeline.analyze_transcript(text, INITIATIVE, "zh")
    said = " ".join(s for c in r["competencies"] for s in c["reasons"])
    assert "反面信息" not in said and r["overall"] > 35, (r["overall"], said)
    refused = pipeline.analyze_transcript("这事本来不归我管，但我还是没去管，后来仓库漏水，二十箱货湿了。", INITIATIVE, "zh")
    assert refused["overall"] <= 35
