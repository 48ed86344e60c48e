"""The wording model (functions/analyze/scoring/wording.py, models/scorer/wording-<version>.npz) and the
feature `wording`: the numpy scorer reproduces scikit-learn's pipeline; a typed answer and its recogniser-style
transcript (no punctuation, words separated by spaces) read the same; "specific-sounding" filler appended to
a vague answer does not lift it past a good one; the HR reason names the answer's own words, never HR's
keywords, and agrees with the feature."""
import re

import jieba
import numpy as np
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import explain, wording
from functions.analyze.scoring import model as scorer_model
from models.scorer import dataset, train

DATA = dataset.DATA


@pytest.fixture
def candidate():
    """The shipped default scorer's manifest entry (default-7: the bounded wording scorer); its wording model
    is installed."""
    entry = sorted((e for e in scorer_model.entries() if e["name"] == "default"), key=lambda e: e["version"])[-1]
    assert entry.get("wording"), "the shipped default scorer lists no wording model"
    scorer_model._CACHE.clear()
    wording._load.cache_clear()
    yield entry


def _answers():
    return [a for a in dataset.load(DATA) if not a.derived and not a.held_out]


def asr_style(text: str) -> str:
    """What the recogniser hands over for a typed answer: no punctuation, words separated by spaces."""
    bare = re.sub(r"[^\w]+", " ", text)
    return " ".join(w for w in jieba.lcut(bare) if w.strip())


def test_text_key_reads_typed_and_recognised_text_the_same():
    typed = "我先把訂單分成三批，然後跟同事溝通：江浙滬的最急！"
    assert wording.text_key(typed, "zh") == wording.text_key(asr_style(typed), "zh") == \
        "我先把订单分成0批然后跟同事沟通江浙沪的最急"
    assert wording.text_key("I Checked the receipts, twice.", "en") == "icheckedthereceiptstwice"


def test_the_numpy_scorer_reproduces_the_fitted_pipeline(tmp_path, monkeypatch):
    answers = _answers()[:160]
    keys = [wording.text_key(a.text, a.language) for a in answers]
    y = np.array([a.label(a.question["competencies"][0]["name"], "ratings") or 3.0 for a in answers])
    pipe = train.wording_text_model().fit(keys[:120], y[:120])
    record = train.save_wording(pipe, tmp_path / "wording-test.npz")
    assert record["sha256"] and record["size_bytes"] == (tmp_path / "wording-test.npz").stat().st_size
    monkeypatch.setattr(wording, "artefact_path", lambda: tmp_path / "wording-test.npz")
    wording._load.cache_clear()
    try:
        expected = np.clip(pipe.predict(keys[120:]), 1, 5)
        got = np.array([wording.rate(a.text, a.language) for a in answers[120:]])
        assert np.allclose(got, expected, atol=1e-4)
        # contributions add up to the rating (minus the intercept) and are sorted by size
        parts = wording.contributions(answers[130].text, answers[130].language)
        assert abs(sum(v for _, v in parts) + wording._load()[3] - pipe.predict([keys[130]])[0]) < 1e-4
        assert [abs(v) for _, v in parts] == sorted((abs(v) for _, v in parts), reverse=True)
    finally:
        wording._load.cache_clear()


def test_the_wording_model_is_listed_with_its_sha256(candidate):
    import hashlib

    path = scorer_model.MODELS_ROOT / candidate["wording"]["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == candidate["wording"]["sha256"]
    assert "wording" in candidate["features"] and wording.available()
    assert scorer_model.load("default").label == f"default-{candidate['version']}"


def test_typed_and_recognised_answers_get_nearly_the_same_wording_rating(candidate):
    """Every labelled Chinese answer of models/scorer/data, typed and as an ASR-style transcript through the
    whole pipeline: the wording ratings (1–5) differ by at most 0.35 (default-8: a-8e65f2f7 0.32 — the typed
    answer's punctuation splits clauses the recogniser's transcript runs together, and the aside reading drops a
    different stretch of its opening from each)."""
    checked = 0
    for a in _answers():
        if a.language != "zh":
            continue
        typed = pipeline.analyze_transcript(a.text, a.question, "zh")
        heard = pipeline.analyze_transcript(asr_style(a.text), a.question, "zh")
        if "wording" not in typed["features"] or "wording" not in heard["features"]:
            continue
        assert abs(typed["features"]["wording"] - heard["features"]["wording"]) * 4 <= 0.35, a.id
        checked += 1
    assert checked > 100


SPECIFIC_SOUNDING = "先 把 两 三 分钟 然后 第一 第二 马上 具体 十 点 半 一 单 一 单 核对 拍照 记录"


def _by_question():
    out = {}
    for a in _answers():
        if a.language == "zh":
            out.setdefault(a.qid, []).append(a)
    return out


@pytest.mark.xfail(strict=True, reason=(
    "open (default-7): 3 of 66 pairs — a-71070602 (q12, vague, 31.9) with the run appended scores 62.1 against "
    "the weakest good answer's 58.2, a-08d2ee36 (q24) 35.9 against 30.6; the run of numerals and work verbs "
    "without a subject reads as content to the features (concreteness) and to the wording term, and no "
    "clause-level signal tried separates it from an honest list of steps"))
def test_specific_sounding_filler_does_not_lift_a_vague_answer_past_a_good_one(candidate):
    pairs = 0
    for qid, answers in _by_question().items():
        vague = [a for a in answers if a.kind in ("vague", "vague_long")]
        good = [a for a in answers if a.kind in ("good", "strong", "short_strong")]
        if not vague or not good:
            continue
        good_score = min(r["overall"] for r in (pipeline.analyze_transcript(a.text, a.question, "zh") for a in good)
                         if r["status"] == "scored")
        for a in vague:
            for padded in (a.text + SPECIFIC_SOUNDING, a.text + "。" + SPECIFIC_SOUNDING.replace(" ", "") + "。"):
                r = pipeline.analyze_transcript(padded, a.question, "zh")
                if r["status"] != "scored":
                    continue      # gated: it cannot outrank anything
                assert r["overall"] < good_score, (qid, a.id, r["overall"], good_score)
                pairs += 1
    assert pairs >= 20


def test_the_wording_reason_names_the_answers_own_words_and_agrees_with_the_feature(candidate):
    """On the labelled answers: a wording reason only appears when the wording driver moves the score by
    WORDING_NOTICEABLE points, says "具体" when it raises the score and "笼统" when it lowers it, and every word
    it quotes is in the answer and is none of HR's keywords."""
    seen = {explain.WORDING_SPECIFIC: 0, explain.WORDING_VAGUE: 0}
    for a in _answers()[:260]:
        r = pipeline.analyze_transcript(a.text, a.question, a.language)
        if r["status"] != "scored":
            continue
        keywords = {k for c in a.question["competencies"] for k in c.get("keywords") or []}
        for c in r["competencies"]:
            effect = {d["feature"]: d["effect"] for d in c.get("drivers", [])}.get("wording")
            for s in c["reasons"]:
                if not s.startswith((explain.WORDING_SPECIFIC, explain.WORDING_VAGUE)):
                    continue
                kind = explain.WORDING_SPECIFIC if s.startswith(explain.WORDING_SPECIFIC) else explain.WORDING_VAGUE
                seen[kind] += 1
                if effect is not None:
                    assert abs(effect) >= explain.WORDING_NOTICEABLE
                    assert (effect > 0) == (kind == explain.WORDING_SPECIFIC), (s, effect)
                normalised = wording.text_key(a.text, a.language)
                for q in re.findall(r"“([^”]+)”", s):
                    assert wording.text_key(q, a.language) in normalised, (q, a.text)
                    assert not any(wording.text_key(k, a.language) in wording.text_key(q, a.language) or
                                   wording.text_key(q, a.language) in wording.text_key(k, a.language)
                                   for k in keywords), (q, keywords)
    assert seen[explain.WORDING_SPECIFIC] > 5 and seen[explain.WORDING_VAGUE] > 5, seen


def test_without_the_artefact_the_feature_is_neutral(monkeypatch):
    monkeypatch.setenv("MIAOMIAN_WORDING", "off")
    wording._load.cache_clear()
    try:
        assert wording.rate("我先把订单分成三批", "zh") is None and wording.contributions("我先", "zh") == []
        from functions.analyze.scoring import features

        assert features.wording_value("我先把订单分成三批", "zh") == 0.5
    finally:
        monkeypatch.delenv("MIAOMIAN_WORDING")
        wording._load.cache_clear()
