"""Fit the Chinese word-class reader: which of Cilin's major semantic classes a word belongs to — a person, a
concrete thing, time or place, an abstract thing, an activity… — for every word the vectors know, including the
many that Cilin leaves out of the shipped artefact (订单, 书, 锅, 时间).

    python -m models.scorer.word_class          # writes models/scorer/word-class-zh.json and its manifest entry
    python -m models.scorer.word_class --cv     # held-out accuracy only

Source of the labels: the extended 同义词词林 (HIT-SCIR Cilin) inside models/scorer/lexicon-zh.npz (see
lexicon_build.py); a word's class is the major class (first letter) of its first code:
  A person  B thing  C time/space  D abstract  E quality  F body action  G mind  H activity  I state/phenomenon
  J relation  K function word  L courtesy
Features: the word's 64-dimensional unit vector of the same artefact. Model: a multinomial logistic regression
(C=WORD_CLASS_C); its held-out accuracy (a fifth of the words, fixed seed) is printed and stored in the file.
Used by functions.analyze.scoring.meaning.word_class, which answers from Cilin's own codes when the word has
them and from this model otherwise; gates.surreal_acts reads it to tell a thing that can be cut, dried or
folded (纸箱, 衣服) from an act or an idea that cannot (加班, 道歉, 方案)."""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
OUT = HERE / "word-class-zh.json"
MANIFEST = HERE.parent / "manifest.json"
CLASSES = tuple("ABCDEFGHIJKL")
WORD_CLASS_C = 3.0


def labelled() -> tuple[list[str], np.ndarray, np.ndarray]:
    """(words, vectors [n, 64], class indices [n]) of every word that has both a vector and a Cilin code."""
    sys.path.insert(0, str(HERE.parents[1]))
    from functions.analyze.scoring import meaning

    index, vectors, cilin = meaning._load()
    words, rows, labels = [], [], []
    for line in cilin.split("\n"):
        if "\t" not in line:
            continue
        word, codes = line.split("\t", 1)
        i = index.get(word)
        if i is None or not codes or codes[0] not in CLASSES:
            continue
        words.append(word)
        rows.append(vectors[i])
        labels.append(CLASSES.index(codes[0]))
    return words, np.array(rows, dtype=np.float32), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=WORD_CLASS_C, max_iter=2000).fit(x, y)


def held_out(x: np.ndarray, y: np.ndarray) -> float:
    """Accuracy on a fixed fifth of the words, the model fitted on the rest."""
    order = np.random.default_rng(20261201).permutation(len(y))
    test, train = order[: len(y) // 5], order[len(y) // 5:]
    model = fit(x[train], y[train])
    return float((model.predict(x[test]) == y[test]).mean())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="print the held-out accuracy only")
    args = ap.parse_args(argv)
    words, x, y = labelled()
    accuracy = held_out(x, y)
    counts = {c: int((y == i).sum()) for i, c in enumerate(CLASSES)}
    print(f"{len(words)} words with a vector and a Cilin code; per class {counts}")
    print(f"held-out accuracy (a fifth of the words): {accuracy:.3f}; majority class {max(counts.values()) / len(y):.3f}")
    if args.cv:
        return 0
    model = fit(x, y)
    classes = [CLASSES[i] for i in model.classes_]
    doc = {"source": "Cilin major classes of models/scorer/lexicon-zh.npz, fitted by models/scorer/word_class.py",
           "classes": classes, "coef": np.round(model.coef_, 5).tolist(),
           "intercept": np.round(model.intercept_, 5).tolist(), "held_out_accuracy": round(accuracy, 4),
           "words": len(words)}
    OUT.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    entry = {"name": "zh-word-class", "language": "zh", "file": "scorer/" + OUT.name, "sha256": digest,
             "licence": "project's own (fitted here)", "built_by": "python -m models.scorer.word_class"}
    manifest["lexicons"] = [e for e in manifest.get("lexicons", []) if e.get("name") != entry["name"]] + [entry]
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes), sha256 {digest[:12]}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
