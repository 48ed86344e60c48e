"""The labelled answer set (models/scorer/data/) as rows for training and the benchmark.

Files (written by the data helper, rated by two blind raters):
  questions.json     [{qid, role, language, type, text, answer_seconds, competencies: [...]}]
  answers.jsonl      {id, qid, text}
  ratings_a.jsonl    {id, competency, rating 1–5 | null (unjudgeable)}   — rater A
  ratings_b.jsonl    same, rater B
  intended.jsonl     {id, kind, intended}: the writer's own grade and the kind of answer (strong, good,
                     vague, keyword_list, ...). Used for reporting (kinds, pairs) and, only while the
                     raters' files are missing, as a temporary development label.

Labels are the mean of the two raters' ratings of one competency of one answer; a rating pair with a
null is "unjudgeable" (the gates should send such answers to a person) and is not a training row.
HELD_OUT_ROLES are never used for training or tuning: the benchmark and the model card report them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HELD_OUT_ROLES = ("服务员", "前台", "教培助教")
GAMING_KINDS = ("template", "keyword_list", "keyword_salad", "parrot", "negation", "repetition",
                "case_variant_gaming")
UNJUDGEABLE_KINDS = ("filler", "nonsense", "foreign", "keyword_list", "keyword_salad", "parrot", "repetition")


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Answer:
    id: str
    qid: str
    text: str
    question: dict
    kind: str | None = None
    intended: float | None = None
    ratings: dict = field(default_factory=dict)   # competency → (rating_a, rating_b)

    @property
    def role(self) -> str:
        return self.question.get("role", "")

    @property
    def language(self) -> str:
        return self.question.get("language", "zh")

    @property
    def held_out(self) -> bool:
        return self.role in HELD_OUT_ROLES

    def label(self, competency: str, source: str) -> float | None:
        """The training label of one competency: mean of both raters ("ratings"), or the writer's
        intended grade ("intended", development only). None when unjudgeable or unrated."""
        if source == "intended":
            return self.intended
        pair = self.ratings.get(competency)
        if not pair or None in pair:
            return None
        return (pair[0] + pair[1]) / 2

    def unjudgeable(self, source: str) -> bool | None:
        """True when a rater marked any competency unjudgeable (or the writer's grade is null)."""
        if source == "intended":
            return self.intended is None
        if not self.ratings:
            return None
        return any(None in pair for pair in self.ratings.values())


def load(folder: Path = DATA) -> list[Answer]:
    questions = {q["qid"]: q for q in json.loads((folder / "questions.json").read_text(encoding="utf-8"))}
    meta = {r["id"]: r for r in _jsonl(folder / "intended.jsonl")}
    ra = {(r["id"], r["competency"]): r.get("rating") for r in _jsonl(folder / "ratings_a.jsonl")}
    rb = {(r["id"], r["competency"]): r.get("rating") for r in _jsonl(folder / "ratings_b.jsonl")}
    out = []
    for row in _jsonl(folder / "answers.jsonl"):
        q = questions.get(row["qid"])
        if q is None:
            continue
        m = meta.get(row["id"], {})
        ans = Answer(row["id"], row["qid"], row["text"], q, m.get("kind"), m.get("intended"))
        for comp in q["competencies"]:
            key = (row["id"], comp["name"])
            if key in ra and key in rb:
                ans.ratings[comp["name"]] = (ra[key], rb[key])
        out.append(ans)
    return out


def has_ratings(folder: Path = DATA) -> bool:
    return (folder / "ratings_a.jsonl").exists() and (folder / "ratings_b.jsonl").exists() and \
        bool(_jsonl(folder / "ratings_a.jsonl")) and bool(_jsonl(folder / "ratings_b.jsonl"))


def agreement(answers: list[Answer]) -> dict:
    """Inter-rater agreement on rated pairs: quadratic-weighted Cohen's kappa, Spearman, exact and
    within-one agreement, and agreement on "unjudgeable"."""
    from scipy.stats import spearmanr
    from sklearn.metrics import cohen_kappa_score

    a, b, null_same, null_total = [], [], 0, 0
    for ans in answers:
        for ra, rb in ans.ratings.values():
            null_total += 1
            null_same += (ra is None) == (rb is None)
            if ra is not None and rb is not None:
                a.append(int(ra))
                b.append(int(rb))
    if not a:
        return {}
    return {"pairs": len(a), "qwk": round(float(cohen_kappa_score(a, b, weights="quadratic")), 3),
            "spearman": round(float(spearmanr(a, b).statistic), 3),
            "exact": round(sum(x == y for x, y in zip(a, b)) / len(a), 3),
            "within_one": round(sum(abs(x - y) <= 1 for x, y in zip(a, b)) / len(a), 3),
            "unjudgeable_agreement": round(null_same / null_total, 3) if null_total else None}
