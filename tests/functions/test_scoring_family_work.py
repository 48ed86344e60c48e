"""Work told through the family (session 29): a farmer's 我家两亩草莓… is the candidate's work, not private life.

Breaker 28 found an honest strawberry story (rain, grey mould, rotten fruit picked, the greenhouse aired, a fungicide
sprayed twice, 30 % less harvest) scored 0 as "工作以外的事": the off-topic detector read its 我家 at 0.675, and with
no clause naming the question's own words (果园/病虫害/天气灾害) its content counted at a quarter. Fixed in kind:
the detector now trains on models/scorer/detector-data-2 (work on farms and in family shops told as 我家/我爸…, and
private life in the same words; one writer, two blind raters, full agreement) and an answer the detector reads below
features.WORK_TALK_P (0.3 → 0.45) is work told in other words. Measured on questions no detector trained on
(detectors.FAMILY_HELD_OUT) with the shipped artefact and the whole scorer — real jieba, word vectors, onnxruntime.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import detectors, features, model
from models.scorer import detectors as training

ROOT = Path(__file__).resolve().parents[2]
BREAKER = ROOT / "tests" / "functions" / "data" / "breaker28" / "cases.jsonl"
PASS = 60.0


def farm_cases() -> list[dict]:
    rows = [json.loads(line) for line in BREAKER.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if "果园或者菜地" in r["question"]["text"]]


def held_out(label: str) -> list:
    return [a for a in training.held_out_family() if a.kind == label]


def question_of(a) -> dict:
    q = {q["qid"]: q for q in training.corpus_questions()}[a.qid]
    return {"text": q["text"], "answer_seconds": 120}


def test_the_family_corpus_is_kept_only_where_every_rater_agrees_and_its_held_out_questions_never_train():
    rows = training.corpus(training.FAMILY_CORPUS)
    assert len(rows) == 240 and {a.kind for a in rows} == {"on_topic", "off_topic"}
    assert len(list(training.FAMILY_CORPUS.glob("labels_*.jsonl"))) == 2
    trained = {a.id for a in training.training_answers()}
    out = training.held_out_family()
    assert len(out) == 60 and not trained & {a.id for a in out}
    assert {a.id for a in rows if a.qid not in training.FAMILY_HELD_OUT} <= trained


def test_a_rater_who_disagrees_drops_the_row(tmp_path):
    src = training.FAMILY_CORPUS
    for name in ("questions.jsonl", "answers.jsonl", "labels_b.jsonl"):
        (tmp_path / name).write_text((src / name).read_text(encoding="utf-8"), encoding="utf-8")
    first = json.loads((src / "answers.jsonl").read_text(encoding="utf-8").splitlines()[0])
    flipped = "off_topic" if first["label"] == "on_topic" else "on_topic"
    lines = (src / "labels_c.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [json.dumps({"id": first["id"], "label": flipped}) if json.loads(x)["id"] == first["id"] else x
             for x in lines]
    (tmp_path / "labels_c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept = {a.id for a in training.corpus(tmp_path)}
    assert first["id"] not in kept and len(kept) == 239


def test_the_detector_tells_family_work_from_family_life_on_questions_it_never_saw():
    on = [detectors.probability("off_topic", a.text, "zh") for a in held_out("on_topic")]
    off = [detectors.probability("off_topic", a.text, "zh") for a in held_out("off_topic")]
    assert len(on) == len(off) == 30
    # shipped: 0/30 and 30/30 (the artefact before this session: 1/30 and 29/30)
    assert sum(p >= model.OFF_TOPIC_P for p in on) <= 1
    assert sum(p >= model.OFF_TOPIC_P for p in off) >= 28


def test_family_work_is_never_scored_zero_and_family_life_never_passes():
    for a in held_out("on_topic"):
        r = pipeline.analyze_transcript(a.text, question_of(a), "zh")
        assert r["status"] == "scored" and r["overall"] > 0, (a.text, r["overall"])
    passed = []
    for a in held_out("off_topic"):
        r = pipeline.analyze_transcript(a.text, question_of(a), "zh")
        assert r["status"] == "scored"
        if r["overall"] >= PASS:
            passed.append(a.text)
    assert not passed


@pytest.mark.parametrize("case", farm_cases(), ids=lambda c: c["text"][:8])
def test_breaker28_honest_farm_stories_are_read_as_work(case):
    assert case["expected"].lower().startswith("honest")
    r = pipeline.analyze_transcript(case["text"], case["question"], "zh")
    assert r["status"] == "scored" and r["overall"] >= 45, r["overall"]
    said = " ".join(s for c in r["competencies"] for s in c["reasons"])
    assert "工作以外的事" not in said


def test_work_talk_reads_the_strawberry_story_as_work_and_a_film_lovers_answer_stays_off():
    strawberry = next(c for c in farm_cases() if "草莓" in c["text"])
    an = features.analyse([{"word": strawberry["text"]}], "zh", strawberry["question"])
    # read on the question itself since session 33 (烂果, 灰霉 are instances of the 病虫害 asked about), else as work
    assert an.details["off_topic"] < features.WORK_TALK_P
    assert an.answer["relevance"] == 1.0 or an.details["work_talk"]
    assert not an.details["excluded_clause_ids"]       # …又喷了两次腐霉利，最后少收了三成左右: the story's own end
    film = ("我自己特别喜欢看电影，一年大概要看五六十部。去年我最喜欢的是一部科幻片，在大银幕上看了两遍，"
            "回家查了很多资料，还写了一篇三千多字的影评，有两百多个人点赞。")
    q = {"text": "讲一次你在影院检票时遇到观众没带票或者票出错的经历，你是怎么处理的？", "answer_seconds": 120}
    r = pipeline.analyze_transcript(film, q, "zh")
    assert r["status"] == "scored" and r["overall"] < 30, r["overall"]


@pytest.mark.parametrize("text", ["先喷了一遍阿维菌素，隔七天换成乙螨唑，后来又用了螺螨酯",
                                  "用了多菌灵、吡虫啉、嘧菌酯和苯醚甲环唑", "医生开了头孢克肟和布洛芬",
                                  "蚜虫和蓟马特别多，还有蛴螬"])
def test_chemical_and_pest_names_are_words_not_garbled_text(text):
    # the family: names made of chemistry's and pests' characters (唑 89, 啉 37, 肟 90 in jieba's counts: rarer than
    # random text's 鑫 141) — lexicon trade_characters, counted as everyday inside a word
    from functions.analyze.scoring.text import segment

    assert [t.text for t in segment(text, "zh").tokens if not features.in_dictionary(t)] == []


def test_rare_characters_outside_any_trade_are_still_garbled():
    from functions.analyze.scoring.text import segment

    odd = [t.text for t in segment("昃闰鑫龘淼鬲龠爨籥", "zh").tokens if not features.in_dictionary(t)]
    assert "".join(odd) == "昃闰鑫龘淼鬲龠爨籥"
