"""A challenge set for roles the scorer never saw (tests/functions/data/scoring_challenge.zh.json: 健身教练,
快递驿站店员, 花店店员, 洗车工, 装修工, 保姆), written before the template_numbers gate:

- templates with invented numbers (every clause a generic verb and a round number) stay below 40 or are
  gated;
- padding a real answer with an unrelated story (1–5 clauses; before, in the middle, after) never raises
  the overall or any competency score by more than 1 point;
- the real strong and good answers are scored (not gated) and reach 60.
Cases the shipped scorer is measured to fail are marked xfail(strict=True) below, with the reason.
"""
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import model

DATA = json.loads((Path(__file__).parent / "data" / "scoring_challenge.zh.json").read_text(encoding="utf-8"))
QUESTIONS = DATA["questions"]
STORIES = DATA["stories"]
POSITIONS = ("before", "middle", "after")
LENGTHS = (1, 2, 3, 5)


@lru_cache(maxsize=None)
def _score(text: str, qi: int) -> dict:
    return pipeline.analyze_transcript(text, QUESTIONS[qi]["question"], "zh")


def pad(answer: str, story: list, n: int, position: str) -> str:
    """The answer with the first n clauses of an unrelated story before it, after its middle sentence, or
    after it."""
    aside = "，".join(story[:n]) + "。"
    if position == "before":
        return aside + answer
    if position == "after":
        return answer + aside
    sentences = [s for s in re.split(r"(?<=[。！？])", answer) if s]
    cut = max(1, len(sentences) // 2)
    return "".join(sentences[:cut]) + aside + "".join(sentences[cut:])


def padded_cases():
    for qi, q in enumerate(QUESTIONS):
        for kind in ("strong", "good"):
            for si, story in enumerate(STORIES):
                for n in LENGTHS:
                    for position in POSITIONS:
                        yield qi, kind, si, n, position


def _comp_scores(r: dict) -> dict:
    return {c["name"]: c["score"] for c in r["competencies"]}


# Measured failures of the shipped scorer (default-8: the bounded wording scorer, main's features) on this set —
# strict: a fix turns them into passes and the marks must then go. Each is reported in docs/scoring.md (Limits):
# - two good answers stay below 60 (健身教练 57.2, 装修工 28.4: 刷墙, 石膏线 touch "施工中的意外" nowhere and the
#   answer is bounded as off-topic); default-4 had 快递驿站 51.1, 花店 38.8, 装修工 9.4; 花店 (55.8 → 64.2) and 洗车工
#   (59.6 → 69.7) pass since session 17's floor for a short complete story (model.STORY_FLOOR);
# - padding: a one- or two-clause aside, a story in the middle, or a story that shares a word with the answer
#   still counts, so padding raises a score by more than one point in 35 of the 60 answer × story
#   combinations (default-4: 56 of 60).
# (4, "good") passes since session 33: its opening sentence goes on into its steps (features.goes_on_from), 61.8;
# (0, "good") since session 40: on the anchored scale (default-9) and with session 40's readers its 57.2 reads 64.1
LOW_REAL: dict = {}
TEMPLATE_PASSES: dict = {}
PADDING_HOLDS = {(2, "strong", 1), (0, "strong", 1), (2, "strong", 0), (0, "strong", 2),
                 (0, "strong", 3), (0, "strong", 4), (0, "good", 1), (0, "good", 4),
                 (1, "strong", 4), (2, "good", 1), (3, "strong", 4), (3, "good", 4),
                 (4, "strong", 2), (4, "strong", 3), (4, "strong", 4), (5, "strong", 4), (5, "good", 1),
                 (5, "good", 4),
                 # session 17: the good answers 花店 and 洗车工 are short complete stories (model.STORY_FLOOR), which
                 # these paddings no longer lift
                 (2, "good", 4), (3, "good", 0), (3, "good", 1), (3, "good", 2), (3, "good", 3),
                 # session 18: what follows the story's own result at the end of the answer is padding
                 # (features.counted_clauses), even when that result is a fault denied (没有一单发错)
                 (2, "good", 3),
                 # session 19: the strong answer's result is read where it was missed (plain results, run-on clauses),
                 # and this padding after it no longer lifts it
                 (3, "strong", 1),
                 # session 23: a clause pointing back at the answer's customer (他, 她) goes on with the story
                 # (features.refers_back), and this padding no longer lifts the strong answer; (0, "good", 0), held
                 # again in session 22, lifts 服务意识 by 1.3 once more (65.0 → 66.3)
                 (5, "strong", 2)}
PADDING_RAISES = {(qi, k, si): "short asides, stories in the middle and stories sharing a word still count"
                  for qi in range(len(QUESTIONS)) for k in ("strong", "good") for si in range(len(STORIES))
                  if (qi, k, si) not in PADDING_HOLDS}


def _known(key, known: dict):
    return pytest.param(*key, marks=pytest.mark.xfail(strict=True, reason=known[key])) \
        if key in known else pytest.param(*key)


@pytest.mark.parametrize("qi,kind", [_known((qi, k), LOW_REAL) for qi in range(len(QUESTIONS))
                                     for k in ("strong", "good")])
def test_real_answers_are_scored_and_pass(qi, kind):
    r = _score(QUESTIONS[qi][kind], qi)
    assert r["status"] == "scored", (QUESTIONS[qi]["role"], kind, r["reason_code"])
    assert r["overall"] >= 60, (QUESTIONS[qi]["role"], kind, r["overall"])


@pytest.mark.parametrize("qi", range(len(QUESTIONS)))
def test_real_answers_are_never_gated_as_templates(qi):
    for kind in ("strong", "good"):
        assert _score(QUESTIONS[qi][kind], qi)["status"] == "scored"


@pytest.mark.parametrize("qi,ti", [_known((qi, ti), TEMPLATE_PASSES) for qi in range(len(QUESTIONS))
                                   for ti in range(3)])
def test_templates_with_invented_numbers_stay_low(qi, ti):
    r = _score(QUESTIONS[qi]["templates"][ti], qi)
    if r["status"] == "needs_review":
        assert r["reason_code"] == "template_numbers" and re.search(r"[\u4e00-\u9fff]", r["reason"])
        assert r["overall"] is None and r["feedback"] is None
        return
    assert r["overall"] < 40, (QUESTIONS[qi]["role"], ti, r["overall"])


@pytest.mark.parametrize("qi,kind,si", [_known((qi, k, si), PADDING_RAISES) for qi in range(len(QUESTIONS))
                                        for k in ("strong", "good") for si in range(len(STORIES))])
def test_padding_never_raises_a_score(qi, kind, si):
    source = _score(QUESTIONS[qi][kind], qi)
    raw = model.load().off_scale   # one point on the model's scale (the scale map widens or narrows it)
    bad = []
    for n in LENGTHS:
        for position in POSITIONS:
            r = _score(pad(QUESTIONS[qi][kind], STORIES[si], n, position), qi)
            if r["status"] != "scored":
                bad.append((n, position, r["reason_code"]))
                continue
            if raw(r["overall"]) > raw(source["overall"]) + 1:
                bad.append((n, position, "overall", source["overall"], r["overall"]))
            for name, s in _comp_scores(r).items():
                if raw(s) > raw(_comp_scores(source)[name]) + 1:
                    bad.append((n, position, name, _comp_scores(source)[name], s))
    assert not bad, bad
