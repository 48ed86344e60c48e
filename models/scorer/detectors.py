"""Fit the answer detectors that functions/analyze/scoring/detectors.py reads (answer.bound caps what they flag):

  off_topic   talk about something other than work — private life, a hobby, an opinion about the world —
              instead of the question; Chinese, English and Korean (models/scorer/offtopic-{zh,en,ko}.npz)
  reluctant   unwillingness, indifference or blame put on others as the candidate's own attitude: rating 1,
              "shows the opposite of the competency"; Chinese (models/scorer/reluctant-zh.npz)
  nonsense    real words that mean nothing together; Chinese, English and Korean — the first stage of the
              nonsense gate, fitted and written by models/scorer/nonsense.py (not by this module's main)

    python -m models.scorer.detectors [--only off_topic-zh]   # writes the artefacts and their manifest entries
    python -m models.scorer.detectors --cv                    # prints the leave-one-set-out figures only

Training answers, as written, in the detector's language: models/scorer/data (its held-out roles left out), the
seen evaluation sets in SETS (derived copies are never trained on), and for off_topic the detector corpus
(CORPUS: 480 answers written for it — 360 zh, 60 en, 60 ko, half off topic — whose writer's label a blind rater
gave too).
  off_topic   positive: the `off_topic` answers. negative: the honest answers on the question (NEGATIVE) and
              the corpus's on-topic answers (weak, unwilling, dialect, unpunctuated, life mentioned in passing).
  reluctant   positive: `poor` and `contrary` answers the two raters rated 1.5 or lower on average (the writers
              wrote many poor answers as thin but willing: those the raters rated 2 are negatives).
              negative: every other rated answer of NEGATIVE and `contrary`.
Each: a logistic regression (balanced classes, C=C) on the TF-IDF of the character 1–3-grams of the
detector's key (functions/analyze/scoring/detectors.key: normalised, punctuation removed, numbers one symbol;
English and Korean words joined by "_") — the same numpy-only artefact as wording-<version>.npz.

Why wording and not meaning: the word-vector topic similarity and the clause-level aside detector (aside.py)
separate off-topic answers from honest ones poorly (AUC 0.68 and 0.87; these detectors: see --cv), and
reluctance was a phrase list (features.reluctance) that missed most ways of saying it.
--cv trains on every set but one and reports, at each threshold, how many answers of each kind of the left-out
set are flagged — also kinds never trained on (REPORTED): padded answers, stories from another job, and the
sets' strong and good stories moved to another role's question (dataset.transplants).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from . import dataset

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / "manifest.json"
# sets a–h until session 24; session 25 added i–t (all seen by then): leave-one-set-out off-topic recall on Chinese
# 71/80 → 152/160 and reluctant on poor answers rated ≤ 1.5 72/79 → 154/159, honest answers flagged 0/400 → 1/800.
# Sets u, v and w stay out: they measure the detectors on answers they never saw.
SETS = (dataset.DATA,) + tuple(HERE / "eval" / f"unseen-roles-{s}" for s in "abcdefghijklmnprst")
# Answers written for the off-topic detector alone (zh, en, ko), labelled by their writer and by a blind rater;
# only the rows both labelled alike are trained on. Always in training, never a left-out fold.
CORPUS = HERE / "detector-data"
# … and work told through the family (session 29: 24 questions of farms, family shops and the self-employed, 120
# on-topic answers told as 我家/我爸/家里…, 120 off-topic ones in the same family and village words; one writer, two
# blind raters). Breaker 28's honest strawberry story (我家两亩草莓…喷了两次腐霉利) read 0.675 and scored 0.
# Its questions FAMILY_HELD_OUT never train: they measure the detector on family work it did not see (held_out_family).
FAMILY_CORPUS = HERE / "detector-data-2"
FAMILY_HELD_OUT = frozenset(f"f{i:02d}" for i in range(19, 25))
# Answers written for the nonsense detector alone: real words that mean nothing together ("nonsense", seven
# styles) and honest answers a detector might mistake for it ("sense": metaphors, dialect, jargon, rough speech,
# recogniser text); labelled by their writer and by a blind rater; only rows both labelled alike train.
NONSENSE_CORPUS = HERE / "nonsense-data"
# … and a second one (session 20: two more writers, styles the first lacked — absurd participants in a real story,
# real starts that derail, loops, keyword lists and salads in English and Korean — labelled by a third helper, blind)
NONSENSE_CORPORA = (NONSENSE_CORPUS, HERE / "nonsense-data-2", HERE / "nonsense-data-3")
NEGATIVE = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "asr_unpunctuated",
            "dialect_or_tech", "case_variant")
REPORTED = ("padded_unrelated", "padded_work", "other_job_story", "transplant")
C = 4.0


def _mean_rating(a) -> float | None:
    vals = [a.label(c["name"], "ratings") for c in a.question["competencies"]]
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals) if vals else None


@dataclass(frozen=True)
class Detector:
    name: str
    language: str

    @property
    def file(self) -> str:
        return f"{self.name.replace('_', '')}-{self.language}.npz"

    def label(self, a) -> bool | None:
        """True (positive), False (negative) or None (not trained on) for one answer."""
        raise NotImplementedError


class OffTopic(Detector):
    def label(self, a):
        if a.derived or a.kind == "sense":
            return None
        return True if a.kind == "off_topic" else False if a.kind in NEGATIVE + ("on_topic",) else None


# gaming kinds the rating scale rates (a template is 2, negation 1…): scored, never nonsense
SCORED_GAMING = ("template", "template_numbers", "negation", "contrary", "other_job_story", "missing_competency",
                 "padded_unrelated", "padded_work")


class Nonsense(Detector):
    """Real words that mean nothing together. positive: the nonsense corpus's `nonsense` rows and the sets'
    `nonsense` answers; negative: its `sense` rows, every honest answer (NEGATIVE), the gaming kinds the rating
    scale rates (SCORED_GAMING: a template is rated 2, not unjudgeable), off-topic talk (it means something) and
    the off-topic corpus's answers. The corpora's buzzword chains (styles `corporate`, `corporate_buzz`) train neither way: the
    rating scale reads them as template phrases (2), which the scorer keeps low."""

    def label(self, a):
        if a.derived or getattr(a, "style", "") in ("corporate", "corporate_buzz"):
            return None
        if a.kind == "nonsense":
            return True
        return False if a.kind in NEGATIVE + SCORED_GAMING + ("sense", "on_topic", "off_topic") else None


class Reluctant(Detector):
    def label(self, a):
        if a.derived or a.kind not in NEGATIVE + ("contrary",) or not a.ratings:
            return None
        rating = _mean_rating(a)
        if rating is None:
            return None
        return a.kind in ("poor", "contrary") and rating <= 1.5


DETECTORS = {f"{name}-{language}": cls(name, language)
             for name, cls, languages in (("off_topic", OffTopic, ("zh", "en", "ko")), ("reluctant", Reluctant, ("zh",)),
                                          ("nonsense", Nonsense, ("zh", "en", "ko")))
             for language in languages}


# fitted and written here; the nonsense detectors are the first stage of models/scorer/nonsense.py, which fits them
STANDALONE = tuple(n for n in DETECTORS if not n.startswith("nonsense"))


def answers_of(folder: Path) -> list:
    """The set's answers (trained and reported kinds), with its transplanted stories."""
    answers = dataset.load(folder)
    answers += dataset.transplants(answers)
    return [a for a in answers if not (a.held_out and folder == dataset.DATA)
            and (not a.derived or a.derivation == "transplant")]


@dataclass(frozen=True)
class CorpusAnswer:
    """One answer of the detector corpus: kind "off_topic" or "on_topic"."""
    id: str
    text: str
    kind: str
    language: str
    style: str
    derived: bool = False
    ratings: dict | None = None
    qid: str = ""


def corpus_questions() -> list[dict]:
    """The corpora's questions ({"qid", "language", "role", "text"}): detector-data's, and those a nonsense corpus
    brings of its own (nonsense-data-3: ten English questions beside detector-data's five)."""
    rows = {}
    for src in (CORPUS, FAMILY_CORPUS, *NONSENSE_CORPORA):
        if (src / "questions.jsonl").is_file():
            rows.update({q["qid"]: q for q in dataset._jsonl(src / "questions.jsonl")})
    return list(rows.values())


def corpus(folder: Path = CORPUS) -> list[CorpusAnswer]:
    """The corpus rows whose writer's label every blind rater gave too (labels_*.jsonl: one file per rater)."""
    if not (folder / "answers.jsonl").is_file():
        return []
    language = {q["qid"]: q["language"] for q in corpus_questions()}
    raters = [{r["id"]: r["label"] for r in dataset._jsonl(f)} for f in sorted(folder.glob("labels_*.jsonl"))]
    return [CorpusAnswer(r["id"], r["text"], r["label"], language[r["qid"]], r.get("style", ""), qid=r["qid"])
            for r in dataset._jsonl(folder / "answers.jsonl")
            if raters and all(rated.get(r["id"]) == r["label"] for rated in raters)]


def held_out_family() -> list[CorpusAnswer]:
    """FAMILY_CORPUS's answers to its held-out questions (FAMILY_HELD_OUT), which no detector trains on."""
    return [a for a in corpus(FAMILY_CORPUS) if a.qid in FAMILY_HELD_OUT]


def key(a) -> str:
    from functions.analyze.scoring import detectors as runtime

    return runtime.key(a.text, a.language)


def fit(detector: Detector, answers: list, c: float = C):
    """scikit-learn pipeline (TfidfVectorizer → LogisticRegression) fitted on the detector's labelled answers of
    its language; None when they do not hold both classes."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from functions.analyze.scoring import wording

    rows = [(a, detector.label(a)) for a in answers if a.language == detector.language]
    rows = [(a, y) for a, y in rows if y is not None]
    if len({y for _, y in rows}) < 2:
        return None
    model = make_pipeline(TfidfVectorizer(analyzer="char", ngram_range=wording.NGRAMS, min_df=2, sublinear_tf=True,
                                          lowercase=False),
                          LogisticRegression(C=c, class_weight="balanced", max_iter=5000))
    return model.fit([key(a) for a, _ in rows], [y for _, y in rows])


def training_answers(without: Path | None = None) -> list:
    """What the detectors train on: the corpus, models/scorer/data and every set of SETS but `without`."""
    skip = without.resolve() if without is not None else None
    family = [a for a in corpus(FAMILY_CORPUS) if a.qid not in FAMILY_HELD_OUT]
    return corpus() + family + [a for folder in NONSENSE_CORPORA for a in corpus(folder)] + \
        [a for folder in SETS if folder.resolve() != skip for a in answers_of(folder)]


def fit_without(without: Path | None = None) -> dict:
    """Every detector of DETECTORS fitted without the set `without` (None: on everything): key → model or None."""
    train = training_answers(without)
    return {name: fit(detector, train) for name, detector in DETECTORS.items()}


def cross_validate(detector: Detector, c: float = C, threshold: float = 0.6) -> dict:
    """Train without one set of SETS at a time (models/scorer/data and the corpus always train); flag the left-out
    set's answers of the detector's language at the threshold: "flagged/all" per kind (for reluctant, the
    positives as kind "+rated≤1.5"; for off_topic, a flagged answer the product vouches for as kind "+vouched": _vouched),
    summed over folds."""
    flagged: dict = {}
    for test in SETS:
        if test == dataset.DATA:
            continue
        model = fit(detector, training_answers(test), c)
        rows = [a for a in answers_of(test) if a.language == detector.language]
        if model is None or not rows:
            continue
        for a, p in zip(rows, model.predict_proba([key(a) for a in rows])[:, 1]):
            kind = a.kind + ("+rated≤1.5" if detector.name == "reluctant" and detector.label(a) else "")
            if detector.name == "off_topic" and p >= threshold and _vouched(a, float(p)):
                kind += "+vouched"
            n = flagged.setdefault(kind, [0, 0])
            n[0] += int(p >= threshold)
            n[1] += 1
    return {"C": c, "threshold": threshold,
            "flagged": {k: f"{v[0]}/{v[1]}" for k, v in sorted(flagged.items())}}


def family_figures(model, threshold: float) -> dict:
    """The off-topic model's flags on held_out_family at the threshold: "flagged/all" per label."""
    rows = held_out_family()
    if model is None or not rows:
        return {}
    p = model.predict_proba([key(a) for a in rows])[:, 1]
    return {label: f"{sum(int(q >= threshold) for a, q in zip(rows, p) if a.kind == label)}/"
                   f"{sum(a.kind == label for a in rows)}" for label in ("off_topic", "on_topic")}


def _vouched(a, p: float) -> bool:
    """Whether the product leaves a flagged answer unbounded all the same: a motivation answer whose reasons are about
    the work, read below model.OFF_TOPIC_MOTIVATION_VOUCHED (answer.motivation_about_job, run on the answer)."""
    from functions.analyze.scoring import answer, explain, features
    from functions.analyze.scoring import model as M

    if p >= M.OFF_TOPIC_MOTIVATION_VOUCHED or not explain.motivation_question(a.question):
        return False
    question = dict(a.question, competencies=answer.competencies_of(a.question))
    analysis = features.analyse([{"word": a.text, "start": None, "end": None}], a.language, question)
    analysis.details["off_topic"] = p
    return answer.motivation_about_job(analysis, question)


def save(model, path: Path) -> None:
    from functions.analyze.scoring import wording

    tfidf, lr = model.steps[0][1], model.steps[1][1]
    vocab = sorted(tfidf.vocabulary_, key=tfidf.vocabulary_.get)
    wording.save(path, vocab, tfidf.idf_, lr.coef_[0], float(lr.intercept_[0]))


def main(argv=None) -> int:
    from functions.analyze.scoring import model as M

    thresholds = {"off_topic": M.OFF_TOPIC_P, "reluctant": M.RELUCTANT_P}
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print the leave-one-set-out figures only")
    ap.add_argument("--only", choices=sorted(n for n in DETECTORS if n in STANDALONE), default=None)
    args = ap.parse_args(argv)
    every = training_answers()
    sources = [str(f.relative_to(HERE.parent.parent)) for f in (CORPUS, FAMILY_CORPUS, *SETS)]
    for name, detector in DETECTORS.items():
        if name not in STANDALONE or args.only and name != args.only:
            continue
        cv = [cross_validate(detector, c, t) for c in (1.0, 4.0, 16.0) for t in (0.5, 0.6, 0.7)] \
            if args.cv else [cross_validate(detector, C, thresholds[detector.name])]
        print(json.dumps({name: cv}, ensure_ascii=False, indent=1), file=sys.stderr)
        if args.cv:
            continue
        out = HERE / detector.file
        model = fit(detector, every)
        save(model, out)
        labels = [detector.label(a) for a in every if a.language == detector.language]
        extra = {"held_out_family": family_figures(model, thresholds[detector.name])} \
            if detector.name == "off_topic" and detector.language == "zh" else {}
        entry = {"name": f"{detector.language}-{detector.name.replace('_', '')}", "language": detector.language,
                 "file": f"scorer/{out.name}", "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
                 "licence": "project's own (fitted here)", "built_by": f"python -m models.scorer.detectors --only {name}",
                 "trained_on": sources, "positives": sum(y is True for y in labels),
                 "negatives": sum(y is False for y in labels), "C": C, "leave_one_set_out": cv[0], **extra}
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        manifest["lexicons"] = [e for e in manifest.get("lexicons", []) if e.get("name") != entry["name"]] + [entry]
        MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(entry, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
