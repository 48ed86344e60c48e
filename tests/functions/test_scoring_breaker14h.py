"""Breaker round 14 (fix14h): character soup is gated as unintelligible, short job questions on a closing question are
scored, a Shanghainese (Wu) story reads like its Mandarin telling, and transcripts with zero-width characters are read."""
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.__main__ import decode_text

ROOT = Path(__file__).resolve().parents[2]
URGENT = {"text": "说说你遇到过的一次特别赶时间的任务，你是怎么安排的？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "同事", "分工"]}]}
CLOSING = {"text": "最后，你还有什么想问我们的吗？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["培训", "晋升"]}]}
WHY = {"text": "你为什么想来我们超市上班？", "answer_seconds": 60,
       "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["稳定", "喜欢"]}]}
STORY = ("上周五下午三点，超市突然接到一个社区团购的单子，两百袋水果要五点前配好。我跟另外两个理货员商量，"
         "一个人称重，一个人装袋，我负责核对单子和贴标签，先做离得远的小区。四点五十全部配完，一袋都没有错。")
SOUP = "我是了不的在人有这上他们来到时大为地子中说你生年国着就那要和也她出得里后以自会家可下过而天去能对小多"


def run(text, question=URGENT):
    return pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8")


@pytest.mark.parametrize("soup", [
    SOUP,
    "，".join(SOUP[i:i + 9] for i in range(0, len(SOUP), 9)) + "。",      # punctuated soup
    "".join(random.Random(7).sample(SOUP, len(SOUP))),                       # another order
])
def test_common_character_soup_is_unintelligible(soup):
    r = run(soup)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense"
    assert "连不成词语" in r["reason"] and r["overall"] is None


@pytest.mark.parametrize("honest", [
    STORY,
    # the same told as the recogniser writes it: no punctuation, fillers
    "就是上周五下午三点超市突然接了一个社区团购的单子两百袋水果要五点前配好我就跟另外两个理货员商量了一下"
    "一个称重一个装袋我来对单子贴标签先弄离得远的小区四点五十就全配完了一袋都没错",
    # short, plain, many one-character verbs
    "我会给他打个电话，说一下还差几袋，问他等不等，他说等就等，不等就先送一半。",
])
def test_honest_and_unpunctuated_answers_are_not_soup(honest):
    assert run(honest)["status"] == "scored"


@pytest.mark.parametrize("ask", ["上班要不要穿工服？", "有没有试用期？", "培训多久？", "夜班补贴怎么算？",
                                 "我能先去门店看看吗？", "包不包住？"])
def test_a_short_job_question_answers_a_closing_question(ask):
    r = run(ask, CLOSING)
    assert r["status"] == "scored", r["reason"]
    assert r["overall"] is not None


def test_short_closing_questions_scored_by_what_they_ask():
    work = run("培训多久？", CLOSING)["overall"]
    terms = run("上班要不要穿工服？", CLOSING)["overall"]
    pay = run("包不包住？", CLOSING)["overall"]
    assert work >= 60.0                 # a question about the work itself passes (CLOSING_WORK_FLOOR)
    assert 25.0 <= terms < 60.0         # the job's terms: not praised, not zero
    assert 25.0 <= pay < 60.0           # board is one of the job's terms too (breaker 15 M2)


@pytest.mark.parametrize("text", ["谢谢你们。", "你结婚了吗？"])
def test_nothing_asked_or_not_a_job_question_stays_too_little_content(text):
    assert run(text, CLOSING)["reason_code"] == "too_little_content"


def test_saying_there_is_nothing_to_ask_is_scored_low():
    """Session 20 (breaker 20): 没有了 is the most common closing answer and a judgeable one — no question asked —
    scored low with that reason, as its longer form (暂时没有了，刚才您都介绍得挺清楚的) always was; before, the short
    form alone went to a person as too little content."""
    r = run("没有了。", CLOSING)
    assert r["status"] == "scored" and r["overall"] <= 20


@pytest.mark.parametrize("ask", ["有没有试用期？", "培训多久？"])
def test_short_questions_to_other_questions_stay_too_little_content(ask):
    assert run(ask, WHY)["reason_code"] == "too_little_content"
    assert run(ask, URGENT)["reason_code"] == "too_little_content"


WU = ("上个礼拜五下半天三点钟，超市里突然来了一张团购单子，两百袋水果要五点前配好。阿拉三个人，我讲侬称重、伊装袋，"
      "我对单子贴标签，先弄远的小区。当中秤坏脱了，我就拿手机计算器一袋一袋算。四点五十统统配好，一袋也没错。")
MANDARIN = ("上个星期五下午三点，超市里突然来了一张团购单子，两百袋水果要五点前配好。我们三个人，我说你称重、他装袋，"
            "我对单子贴标签，先弄远的小区。中间秤坏了，我就用手机计算器一袋一袋算。四点五十全部配好，一袋也没错。")


def test_a_shanghainese_story_scores_near_its_mandarin_telling():
    wu, mandarin = run(WU), run(MANDARIN)
    assert wu["status"] == mandarin["status"] == "scored"
    assert abs(wu["overall"] - mandarin["overall"]) <= 8.0, (wu["overall"], mandarin["overall"])


def test_wu_words_change_nothing_without_a_wu_mark():
    from functions.analyze.scoring import text
    plain = "明朝的家具很讲究，我统统看过。"
    assert "明朝" in text.normalise(plain, "zh") and "讲究" in text.normalise(plain, "zh")


def test_zero_width_characters_are_read_not_refused(tmp_path):
    zw = "\u200b".join(STORY)
    assert decode_text(zw.encode("utf-8")) == STORY
    assert decode_text(("\ufeff" + "\u200d".join(STORY)).encode("utf-8")) == STORY
    q = tmp_path / "q.json"
    q.write_text(json.dumps(URGENT, ensure_ascii=False), encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_bytes(zw.encode("utf-8"))
    p = subprocess.run([sys.executable, "-m", "functions.analyze", "-", "--question", str(q), "--transcript", str(t),
                        "--scorer", "default-8", "--compact"], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert json.loads(p.stdout)["overall"] == run(STORY)["overall"]


def test_binary_is_refused_with_a_true_message():
    with pytest.raises(ValueError) as e:
        decode_text(b"\x00\x01\x02\xff\xfe\xfd" * 50 + b"\x89PNG")
    assert "不是可以阅读的文字" in str(e.value)
