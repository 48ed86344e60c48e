"""The ONNX scorer: monotone in what was said, off-topic below on-topic, explained, retrainable."""
import json

import numpy as np
import pytest

from functions.analyze import pipeline, scorer
from models.scorer import rubric, train

ON_TOPIC = ("当时我负责一个大客户，客户投诉交付延迟。我的任务是稳住客户。我首先认真倾听，"
            "然后和团队制定了新的方案，每天和客户沟通进度。最终问题解决了，客户续签了合同。")
MORE = "之后我把这次经验整理成流程，定期收集客户反馈，类似的问题再也没有发生。"
OFF_TOPIC = "我喜欢打篮球和看电影，周末经常去爬山，天气好的时候也会去海边散步，感觉很放松，也认识了很多朋友。"


def test_default_scorer_is_in_the_manifest_with_metrics():
    s = scorer.load("default")
    assert s.label == "default-1"
    entry = [e for e in scorer._entries() if e["name"] == "default"][0]
    assert entry["metrics"]["r2"] > 0.8 and entry["features"] == rubric.FEATURES
    assert "calibrates" in entry["label"]


def test_unknown_scorer_version_falls_back_to_default():
    assert scorer.load("org-999").label == "default-1"


def test_adding_relevant_content_never_lowers_a_score(question_zh):
    base = pipeline.analyze_transcript(ON_TOPIC, question_zh, "zh")
    more = pipeline.analyze_transcript(ON_TOPIC + MORE, question_zh, "zh")
    assert base["status"] == more["status"] == "scored"
    for a, b in zip(base["competencies"], more["competencies"]):
        assert b["score"] >= a["score"]
    assert more["overall"] >= base["overall"]


def test_each_feature_moves_scores_one_way_only():
    s = scorer.load("default")
    rng = np.random.default_rng(1)
    for _ in range(50):
        row = dict(zip(rubric.FEATURES, rng.uniform(0, 1, len(rubric.FEATURES))))
        base, _ = s.score(row)
        for f in rubric.FEATURES:
            bumped = dict(row, **{f: min(1.0, row[f] + 0.2)})
            assert s.score(bumped)[0] >= base - 1e-6


def test_off_topic_scores_below_on_topic(question_zh):
    on = pipeline.analyze_transcript(ON_TOPIC, question_zh, "zh")
    off = pipeline.analyze_transcript(OFF_TOPIC, question_zh, "zh")
    assert off["overall"] < on["overall"] - 20
    for a, b in zip(on["competencies"], off["competencies"]):
        assert b["score"] < a["score"]


def test_scores_are_explained(question_zh):
    r = pipeline.analyze_transcript(ON_TOPIC, question_zh, "zh")
    comp = r["competencies"][0]
    assert 0 <= comp["score"] <= 10 and 0 <= r["overall"] <= 100
    assert comp["drivers"][0]["feature"] == "keyword_coverage"
    assert {e["keyword"] for e in comp["evidence"]} >= {"客户", "倾听"}
    assert r["feedback"]["strengths"]
    assert r["model_versions"]["scorer"] == "default-1"


def test_overall_is_the_weighted_mean():
    assert scorer.overall([(0.75, 8.0), (0.25, 4.0)]) == 70.0
    assert scorer.overall([(0, 8.0), (0, 4.0)]) == 60.0
    assert scorer.overall([]) is None


def test_training_from_csv_exports_onnx_that_agrees(tmp_path, monkeypatch):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"asr": [], "scorer": []}))
    monkeypatch.setattr(train, "MANIFEST", manifest)
    csv_path = rubric.write_csv(tmp_path / "ratings.csv", n=600, seed=3)
    assert train.main(["--csv", str(csv_path), "--name", "org-7", "--version", "2", "--out-dir", str(tmp_path)]) == 0
    entry = json.loads(manifest.read_text())["scorer"][0]
    assert entry["name"] == "org-7" and entry["version"] == 2 and entry["metrics"]["n_test"] == 120
    import onnxruntime
    sess = onnxruntime.InferenceSession(str(tmp_path / "org-7-2.onnx"), providers=["CPUExecutionProvider"])
    x = np.full((1, len(rubric.FEATURES)), 0.5, dtype=np.float32)
    expected = entry["intercept"] + sum(0.5 * c for c in entry["coefficients"].values())
    assert float(sess.run(None, {"features": x})[0].ravel()[0]) == pytest.approx(expected, abs=0.01)


def test_training_refuses_a_csv_without_the_columns(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(SystemExit):
        train.read_csv(bad)
