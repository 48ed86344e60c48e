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
    source: str | None = None                       # derived rows: the id of the rated answer they copy
    derivation: str | None = None                   # derived rows: unpunctuated | asr_style | numbers | padded

    @property
    def derived(self) -> bool:
        return self.source is not None

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
    by_id = {a.id: a for a in out}
    for row in _jsonl(folder / "derived.jsonl"):
        src = by_id.get(row["source"])
        if src is None or src.held_out:
            continue
        out.append(Answer(row["id"], src.qid, row["text"], src.question, src.kind, src.intended,
                          dict(src.ratings), row["source"], row["derivation"]))
    return out


# Derived rows (training only, never from held-out roles): copies of rated answers whose label follows from
# the source's without a new judgement — the same answer without punctuation or as a recogniser writes it
# (same label), a template with invented numbers (the template's label), a rated answer followed by a
# stretch of nonsense or an unrelated story (the source's label: padding adds nothing).
_PAD = ["巴拉卡嘟咪嗦啦呱唧咕噜嘛哩嘛哩哄噼里啪啦叽里咕噜",
        "ba lo ki mu xa te ron pi sa gu ne lo ta ki me su",
        "去年国庆节我和家人去了三亚，住在海边的酒店，每天早上七点去沙滩散步，吃了很多海鲜，一共玩了五天，花了八千块钱。",
        "我最喜欢吃我妈做的红烧肉，用五花肉切成两厘米的块，先炒糖色再加酱油，小火炖一个半小时。",
        "周末我一般去公园跑步，跑五公里，然后去菜市场买菜，回家看两集电视剧，晚上十一点睡觉。"]
_NUMBERS = ["了3次", "了5个人", "了2个小时", "了4遍", "了10个", "了100%"]
_FILLERS = ["嗯", "那个", "然后", "就是"]


def derive(answers: list[Answer]) -> list[dict]:
    """The derived rows (see above) as {id, source, derivation, text}; deterministic."""
    import hashlib
    import re

    out = []

    def add(src: Answer, derivation: str, text: str) -> None:
        digest = hashlib.sha1(f"{src.id}:{derivation}".encode()).hexdigest()[:8]
        out.append({"id": f"d-{digest}", "source": src.id, "derivation": derivation, "text": text})

    honest = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "off_topic")
    for k, a in enumerate(sorted(answers, key=lambda x: x.id)):
        if a.held_out or a.derived or a.language != "zh" or not a.ratings:
            continue
        if a.kind in honest:
            if k % 2:
                add(a, "unpunctuated", re.sub(r"[，。、：；！？,.!?:;“”\"（）()…—]+", "", a.text))
            else:
                parts = [p for p in re.split(r"[，。、：；！？,.!?:;]+", a.text) if p]
                add(a, "asr_style", " ".join(p + (" " + _FILLERS[i % 4] if i % 3 == 1 else "")
                                             for i, p in enumerate(parts)))
        if a.kind in ("strong", "good", "adequate", "short_strong") and k % 3 == 0:
            add(a, "padded", a.text + _PAD[k % len(_PAD)])
        if a.kind == "template":
            text, n = a.text, 0
            for comp in a.question["competencies"]:
                for kw in comp.get("keywords") or []:
                    if kw in text:
                        text = text.replace(kw, kw + _NUMBERS[n % len(_NUMBERS)], 1)
                        n += 1
            add(a, "numbers", text)
    return out


# Transplanted rows: a rated specific story given, word for word, to a question of another role from the same
# folder. It is fluent and concrete and answers nothing asked, so it is off-topic: rated 1 on every competency of
# that question (docs/rating-scale.md; the raters rated the off_topic and other_job_story kinds 1–2). Breaker
# round 12: the same warehouse story scored 84–88 on a restaurant complaint, a rider and an Excel question.
# models/scorer/experiments.py scores them (moved≥60) and bench.scoring prints how they fare; as training rows
# they cost 0.08 of graded ranking (left-one-set-out, session 12): the features cannot tell the story's
# question from another's well enough, so the model unlearns concreteness instead (train.py --transplants).
TRANSPLANT_KINDS = ("strong", "short_strong", "good")
TRANSPLANT_LABEL = 1.0


def transplants(answers: list[Answer]) -> list[Answer]:
    """One transplanted copy (see above) of every rated zh story of TRANSPLANT_KINDS whose mean label is ≥ 3.5,
    to a behavioural or situational question: to the question of another role from the same folder (qids
    share their leading letters) chosen by a hash of the answer's id; held-out roles neither give nor take.
    Deterministic."""
    import hashlib
    import re

    def folder(qid: str) -> str:
        return re.match(r"[A-Za-z]*", qid).group(0)

    def story(q: dict) -> bool:
        return q.get("language", "zh") == "zh" and q.get("type") in ("behavioural", "situational")

    questions = {}
    for a in answers:
        if not a.derived and not a.held_out and story(a.question):
            questions.setdefault(folder(a.qid), {})[a.qid] = a.question
    out = []
    for a in sorted(answers, key=lambda x: x.id):
        if a.derived or a.held_out or a.kind not in TRANSPLANT_KINDS or not story(a.question) or not a.ratings:
            continue
        labels = [a.label(c["name"], "ratings") for c in a.question["competencies"]]
        labels = [v for v in labels if v is not None]
        if not labels or sum(labels) / len(labels) < 3.5:
            continue
        others = sorted(q for q, qq in questions.get(folder(a.qid), {}).items() if qq.get("role") != a.role)
        if not others:
            continue
        digest = hashlib.sha1(a.id.encode()).hexdigest()
        qid = others[int(digest[:8], 16) % len(others)]
        q = questions[folder(a.qid)][qid]
        out.append(Answer(f"t-{digest[8:16]}", qid, a.text, q, "transplant", TRANSPLANT_LABEL,
                          {c["name"]: (TRANSPLANT_LABEL, TRANSPLANT_LABEL) for c in q["competencies"]},
                          a.id, "transplant"))
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
