"""The same answer gets the same score and the same reasons in every process: nothing in the scorer may depend
on the order Python happens to iterate a set in (PYTHONHASHSEED). Two faults of this family were found in session
14 — a word inside a longer term (解释 in 解释了) claimed for the shorter one under some hash seeds, which turned a
one-term clause into a two-term "list" (46.0 or 42.9 for one answer), and synonyms of equal length quoted in a
varying order. Texts written for this test."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUESTION = {"text": "讲一次你在加油站遇到顾客违反安全规定（比如抽烟、打电话）的经历，你是怎么处理的？", "answer_seconds": 90,
            "competencies": [{"name": "安全意识", "weight": 0.6, "keywords": ["安全", "规定", "制止"]},
                             {"name": "沟通能力", "weight": 0.4, "keywords": ["礼貌", "沟通", "劝说", "解释"]}]}
TEAM = {"text": "请讲一次你和同事一起赶工的经历。", "answer_seconds": 90,
        "competencies": [{"name": "团队协作", "weight": 1.0, "keywords": ["沟通", "协调", "同事", "分工"]}]}
ANSWERS = [
    (QUESTION, "有个师傅一边加油一边打电话，我过去客气地跟他说加油区不能打电话，他一开始不太高兴，我又解释了一下，他就去门口打了。"),
    (QUESTION, "上周有人在油枪旁边点烟，我马上制止，跟他解释了静电的危险，又请他到便利店门口抽，他后来跟我道了谢。"),
    (TEAM, "那次我们三个同事分工，我负责打包，小王协调快递，大家沟通得很顺，团队协作很好，两个小时就做完了。"),
    (TEAM, "沟通协调同事分工团队协作，我们都做到了，结果很好。"),
]
SCRIPT = """
import json, sys
from functions.analyze import pipeline
cases = json.loads(sys.stdin.read())
out = []
for question, text in cases:
    r = pipeline.analyze_transcript(text, question, "zh")
    out.append([r["status"], r["overall"], [[c["score"], c["reasons"]] for c in r["competencies"]], r["feedback"]])
print(json.dumps(out, ensure_ascii=False))
"""


def _run(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(ANSWERS, ensure_ascii=False), env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_scores_reasons_and_feedback_do_not_depend_on_the_hash_seed():
    first = _run("1")
    assert [r[0] for r in first] == ["scored", "scored", "scored", "scored"] or first[3][0] == "needs_review"
    for seed in ("3", "7"):
        assert _run(seed) == first, seed
