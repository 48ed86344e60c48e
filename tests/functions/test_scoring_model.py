"""The shipped scorer: trained on people's ratings, monotone, retrainable, explained."""
import hashlib
import json
import shutil

import numpy as np
import pytest

from functions.analyze.scoring import features as F
from functions.analyze.scoring import model
from models.scorer import dataset, train


def test_default_scorer_is_trained_on_ratings_with_its_metrics():
    entry = sorted((e for e in model.entries() if e["name"] == "default"), key=lambda e: e["version"])[-1]
    assert model.load("default").label == f"default-{entry['version']}"
    # every feature, or every feature but wording (scorers before the wording candidate, default-5)
    assert entry["features"] in (F.FEATURES, [f for f in F.FEATURES if f != "wording"])
    assert entry["labels"] == "ratings" and entry["agreement"]["qwk"] > 0.6
    assert set(entry["held_out_roles"]) == set(dataset.HELD_OUT_ROLES)
    assert entry["metrics"]["held_out"]["spearman"] > 0.5


def test_unknown_scorer_version_falls_back_to_the_default():
    assert model.load("org-999").label == model.load("default").label


def _assert_monotone(scorer, seed: int, rows: int) -> None:
    """Raising a feature never lowers the score when MONOTONE says +1, never raises it when −1."""
    rng = np.random.default_rng(seed)
    for _ in range(rows):
        row = dict(zip(F.FEATURES, rng.uniform(0, 1, len(F.FEATURES))))
        base, drivers = scorer.score(row)
        assert {d["feature"] for d in drivers} == set(scorer.features)
        for f in F.FEATURES:
            bumped, _ = scorer.score(dict(row, **{f: min(1.0, row[f] + 0.3)}))
            if train.MONOTONE[f] > 0:
                assert bumped >= base - 1e-6, f
            elif train.MONOTONE[f] < 0:
                assert bumped <= base + 1e-6, f


def test_each_feature_moves_scores_one_way_only():
    _assert_monotone(model.load("default"), seed=1, rows=40)


def test_scores_are_on_the_0_to_100_scale_of_the_rating_anchors():
    assert list(model.rating_to_score([1, 3, 4, 5, 6])) == [0, 50, 75, 100, 100]
    assert model.overall([(0.75, 80.0), (0.25, 40.0)]) == 70.0
    assert model.overall([(0, 80.0), (0, 40.0)]) == 60.0
    assert model.overall([]) is None


def _small_training_set(tmp_path):
    """The first 120 rated answers of models/scorer/data in a folder of their own."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("questions.json", "intended.jsonl", "ratings_a.jsonl", "ratings_b.jsonl"):
        shutil.copy(dataset.DATA / name, data / name)
    lines = (dataset.DATA / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    (data / "answers.jsonl").write_text("\n".join(lines[:120]) + "\n", encoding="utf-8")
    return data


def test_training_exports_onnx_that_agrees_and_never_uses_held_out_roles(tmp_path):
    data = _small_training_set(tmp_path)
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"scorer": []}))
    assert train.main(["--data", str(data), "--version", "9", "--out-dir", str(tmp_path),
                       "--manifest", str(manifest), "--extra", "--model", "wording_ridge"]) == 0
    entry = json.loads(manifest.read_text())["scorer"][0]
    assert entry["labels"] == "ratings" and entry["metrics"]["rows_held_out"] > 0
    answers = dataset.load(data)
    X, y, qids, held, *_ = train.featurise(answers, "ratings")
    assert entry["metrics"]["rows_train"] == int((~held).sum())
    import onnxruntime
    sess = onnxruntime.InferenceSession(str(tmp_path / "default-9.onnx"), providers=["CPUExecutionProvider"])
    cols = [F.FEATURES.index(f) for f in entry["features"]]
    out = sess.run(None, {"features": X[:5][:, cols]})[0].ravel()
    assert np.all((out >= 1 - 1e-3) & (out <= 5 + 1e-3))
    # the wording recipe (default-6's): the wording feature, its text model beside the scorer, listed with sha256
    assert entry["features"] == F.FEATURES and entry["wording"]["file"].endswith("wording-9.npz")
    npz = tmp_path / "wording-9.npz"
    assert hashlib.sha256(npz.read_bytes()).hexdigest() == entry["wording"]["sha256"]
    with np.load(npz, allow_pickle=False) as art:
        assert len(art["coef"]) == len(art["idf"]) == entry["wording"]["ngrams"]
    _assert_monotone(model.Scorer("default", 9, entry["features"], entry["baseline"], sess), seed=3, rows=30)


def test_boosted_ridge_candidate_exports_monotone_onnx_beside_the_manifest(tmp_path):
    """default-5's recipe: written next to the model, not into the manifest (where it would become the
    default); its ONNX agrees with the fitted model and never moves a score against a feature's sign."""
    data = _small_training_set(tmp_path)
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"scorer": []}))
    assert train.main(["--data", str(data), "--version", "9", "--out-dir", str(tmp_path), "--manifest",
                       str(manifest), "--model", "boosted_ridge", "--no-manifest", "--extra"]) == 0
    assert json.loads(manifest.read_text()) == {"scorer": []}
    entry = json.loads((tmp_path / "default-9.json").read_text(encoding="utf-8"))
    columns = [f for f in F.FEATURES if f != "wording"]
    assert entry["features"] == columns and "HistGradientBoosting" in entry["model"]
    answers = dataset.load(data)
    X, y, qids, held, *_ = train.featurise(answers, "ratings")
    X = X[:, [F.FEATURES.index(f) for f in columns]]
    fitted = train.make("boosted_ridge").fit(X[~held], y[~held])
    import onnxruntime
    sess = onnxruntime.InferenceSession(str(tmp_path / "default-9.onnx"), providers=["CPUExecutionProvider"])
    out = sess.run(None, {"features": X})[0].ravel()
    assert np.allclose(out, np.clip(fitted.predict(X), 1, 5), atol=1e-4)  # the artefact ends in Clip(1, 5)
    _assert_monotone(model.Scorer("default", 9, entry["features"], entry["baseline"], sess), seed=2, rows=30)


def test_intended_grades_are_only_a_fallback_label():
    answers = dataset.load()
    rated = [a for a in answers if a.ratings]
    assert rated, "the raters' files are in models/scorer/data"
    a = rated[0]
    comp = next(iter(a.ratings))
    pair = a.ratings[comp]
    if None not in pair:
        assert a.label(comp, "ratings") == pytest.approx(sum(pair) / 2)


def test_bounded_wording_scorer_exports_its_bound_into_onnx(tmp_path):
    """default-7's recipe: the ONNX graph agrees with the fitted model, keeps every rating within `bound` of the
    explainable ridge (no lift at all where that ridge is at the floor), and never moves a score against a
    feature's sign."""
    data = _small_training_set(tmp_path)
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"scorer": []}))
    assert train.main(["--data", str(data), "--version", "9", "--out-dir", str(tmp_path), "--manifest",
                       str(manifest), "--model", "bounded_wording", "--bound", "0.5", "--extra"]) == 0
    entry = json.loads(manifest.read_text())["scorer"][0]
    assert entry["features"] == F.FEATURES and "±0.5" in entry["model"] and entry["wording"]["file"].endswith(".npz")
    answers = dataset.load(data)
    X, y, qids, held, *_ = train.featurise(answers, "ratings")
    # the same recipe fitted here and exported by train.export: the graph computes what the model predicts
    train._COLUMNS = list(F.FEATURES)
    fitted = train._BoundedWording(0.5).fit(X[~held], y[~held])
    train.export(fitted, tmp_path / "refit.onnx")
    import onnxruntime
    import onnx

    assert onnx.load(str(tmp_path / "refit.onnx")).ir_version == train.ONNX_IR_VERSION
    sess = onnxruntime.InferenceSession(str(tmp_path / "refit.onnx"), providers=["CPUExecutionProvider"])
    # rows across the whole feature range, the wording column from its floor to its top
    rng = np.random.default_rng(4)
    probe = np.vstack([X, rng.uniform(0, 1, size=(200, X.shape[1]))]).astype(np.float32)
    out = sess.run(None, {"features": probe})[0].ravel()
    assert np.allclose(out, np.clip(fitted.predict(probe), 1, 5), atol=1e-4)
    base = fitted.base.predict(np.delete(probe, F.FEATURES.index("wording"), axis=1))
    assert np.all(out <= np.clip(base + 0.5 * np.clip(base - 1, 0, 1), 1, 5) + 1e-4)
    assert np.all(out >= np.clip(base - 0.5, 1, 5) - 1e-4)
    _assert_monotone(model.Scorer("default", 9, entry["features"], entry["baseline"], sess), seed=5, rows=30)


def test_every_listed_scorer_is_the_file_its_manifest_entry_pins_and_loads_in_the_packaged_runtime():
    """The manifest's sha256 is the file's, and the ONNX IR version is one the analyzer package's onnxruntime
    reads (≤ 9): a graph written by a newer onnx library (IR 10+) would load here and fail in SCF."""
    import hashlib

    import onnx

    for entry in model.entries():
        path = model.MODELS_ROOT / entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], entry["file"]
        assert onnx.load(str(path)).ir_version <= 9, entry["file"]
