"""Breaker round 14c: short questions and short sentences are sentences, not keyword lists.

A short question carries few particles or prepositions (转正考核主要看哪些方面？, 能不能先预支半个月工资？), and a short
statement (离家近，工资稳定，想学点东西。 马上道歉，当面点清，查监控。) may carry none, yet a person reads each as a
sentence: the keyword_list gate (functions/analyze/scoring/gates.py, sentence_share) leaves them to scoring on any
question type. Keyword lists and keyword salads — HR's keywords one per clause, run together without commas, strung
with 的/和, paired into pseudo-phrases or put into questions — still go to a person. Real scorer through
pipeline.analyze_transcript; texts written for this test."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import explain

CLOSING = {"text": "最后，你有什么想问我们的吗？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["了解", "岗位"]},
                            {"name": "沟通表达", "weight": 0.5, "keywords": ["提问", "清楚"]}]}
MOTIVE = {"text": "你为什么想来我们店做收银员？", "answer_seconds": 60,
          "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["稳定", "发展", "兴趣"]},
                           {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "服务", "耐心"]}]}
CHANGE = {"text": "如果顾客说你找错钱了，你会怎么处理？", "answer_seconds": 60,
          "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["道歉", "核对", "耐心"]},
                           {"name": "诚信", "weight": 0.5, "keywords": ["监控", "账目", "如实"]}]}
URGENT = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
INTRO = {"text": "请简单做个自我介绍。", "answer_seconds": 60,
         "competencies": [{"name": "沟通表达", "weight": 1, "keywords": ["经验", "岗位"]}]}
QUESTIONS = {"closing": CLOSING, "motive": MOTIVE, "change": CHANGE, "urgent": URGENT, "intro": INTRO}


def run(name: str, text: str) -> dict:
    return pipeline.analyze_transcript(text, QUESTIONS[name], "zh", scorer_version="default-8")


def test_question_types_are_what_the_cases_say():
    assert explain.question_type(CLOSING) == "closing"
    assert explain.question_type(URGENT) == "story"
    assert explain.question_type(CHANGE) == "situational"
    assert explain.question_type(INTRO) == "intro"


# --- short questions and short sentences are scored -----------------------------------------------------------
SENTENCES = [
    # closing: questions with question words, A-not-A forms, 吗, alternatives
    ("closing", "想问三件事：新人进来有没有师傅带？转正考核主要看哪些方面？高峰期一个班几个人？"),
    ("closing", "转正考核主要看哪些方面？"),
    ("closing", "能不能先预支半个月工资？你们公司是不是黑心企业？"),
    ("closing", "试用期工资打几折？"),
    ("closing", "配送范围大概多大？电动车公司配吗？"),
    ("closing", "考核看单量还是看好评？"),
    ("closing", "晚班结束以后店里几点关门？"),
    ("closing", "周末排班怎么排，能不能自己挑休息日？"),
    ("closing", "店里平时一个班几个收银员？"),
    ("closing", "要不要自己带刀具，厨房统一发吗？"),
    ("closing", "新员工培训多长时间，谁来带？"),
    ("closing", "电动车坏了公司管不管修？"),
    ("closing", "仓库扫码枪用什么牌子的系统？"),
    # a question asked back on a story question, then the story
    ("urgent", "您是说哪一次？最近一次是双十一前一晚，三百箱货，四个人分三批打包，第二天十点半全发完。"),
    # short statements on other question types
    ("motive", "离家近，想长期做，我喜欢跟人打交道。"),
    ("motive", "离家近，工资稳定，想学点东西。"),
    ("motive", "喜欢做饭，想学大厨手艺。"),
    ("intro", "离家近，工资稳定，想学点东西。"),
    ("change", "马上道歉，当面点清，查监控。"),
    ("change", "马上道歉，核对账目，如实说明。"),
    ("change", "先道歉，再一起点一遍钱，错了马上退。"),
    ("intro", "做过两年服务员，能吃苦，会点餐。"),
]


@pytest.mark.parametrize("name,text", SENTENCES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(SENTENCES)])
def test_short_questions_and_sentences_are_not_keyword_lists(name, text):
    r = run(name, text)
    assert r["reason_code"] != "keyword_list", (text, r["reason"])
    assert r["status"] == "scored", (text, r["reason_code"], r["reason"])
    assert r["overall"] is not None


def test_the_reported_closing_answers_rank_as_a_person_would():
    good = run("closing", "想问三件事：新人进来有没有师傅带？转正考核主要看哪些方面？高峰期一个班几个人？")
    short = run("closing", "转正考核主要看哪些方面？")
    rude = run("closing", "能不能先预支半个月工资？你们公司是不是黑心企业？")
    assert good["overall"] >= 60 and short["overall"] >= 60
    assert rude["overall"] <= 15 and rude["feedback"]["strengths"] == []


# --- keyword lists and salads are still gated ---------------------------------------------------------------
LISTS = [
    ("urgent", "按时，安排，优先级，加班，沟通，协调，同事，分工。"),
    ("urgent", "按时安排优先级加班沟通协调同事分工"),
    ("urgent", "按时的安排和优先级的加班和沟通的协调和同事的分工"),
    ("urgent", "按时和安排和优先级和加班和沟通和协调和同事和分工"),
    ("urgent", "按时安排，优先级加班，沟通协调，同事分工。"),
    ("urgent", "安排优先级，协调同事，按时加班。"),
    ("urgent", "先安排，再沟通，马上加班。"),
    ("urgent", "按时安排吗？优先级加班吗？沟通协调吗？同事分工吗？"),
    ("urgent", "按时安排优先级加班沟通协调同事分工吗？"),
    ("urgent", "沟通、协调、分工、加班、按时？"),
    ("urgent", "责任心，吃苦耐劳，团队精神，沟通能力，执行力。"),
    ("change", "道歉，核对，耐心，监控，账目，如实。"),
    ("change", "道歉核对耐心监控账目如实"),
    ("motive", "稳定，发展，兴趣，顾客，服务，耐心。"),
    ("motive", "稳定的发展和兴趣的顾客和服务的耐心"),
    ("motive", "按时安排优先级加班沟通协调同事分工"),
    ("closing", "工资，宿舍，食堂，加班，社保，假期。"),
    ("closing", "工资？宿舍？社保？假期？"),
    ("closing", "工资宿舍食堂加班社保假期"),
    ("closing", "黄瓜，跑步，地铁，打印机，冰箱，唱歌。"),
]


@pytest.mark.parametrize("name,text", LISTS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(LISTS)])
def test_keyword_lists_and_salads_stay_gated(name, text):
    r = run(name, text)
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (text, r["reason_code"], r["overall"])
    assert r["overall"] is None and "词语" in r["reason"]


def test_a_question_at_the_end_of_a_keyword_list_does_not_lift_it():
    r = run("urgent", "按时，安排，优先级，加班，沟通，协调，同事，分工，你们加班多吗？")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", r["reason_code"]
