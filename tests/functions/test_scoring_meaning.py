"""Word meaning in the Chinese scorer (functions/analyze/scoring/meaning.py, models/scorer/lexicon-zh.npz built by
models/scorer/lexicon_build.py, the aside detector models/scorer/aside-zh.json fitted by models/scorer/aside.py):
the artefact is compact, pinned and loads without pickle; a private-life aside stops counting as content
while an honest story in other words than HR's keeps every clause; Cilin synonyms of HR's keywords count as
evidence; English and Korean keep the lexical path."""
import hashlib
import json
from pathlib import Path

import numpy as np

from functions.analyze import pipeline
from functions.analyze.scoring import features as F
from functions.analyze.scoring import meaning
from tests.functions.conftest import ISSUE_QUESTION as QUESTION

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))
STORY = ("去年双十一前一天晚上八点，仓库突然多了三百箱货要第二天中午前发走。我把四个人分成两组，一组按省份贴面单，"
         "一组打包封箱。半夜扫描枪坏了一把，我改成手写单号再统一补录。第二天上午十点半三百箱全部发完，没有一单错发。")
ASIDE = "说起来我们家过年都回老家，我妈会包三种馅的饺子，韭菜鸡蛋的最好吃，一家人边吃边看春晚，一直聊到半夜两点。"


def _lexicons() -> dict:
    return {e["name"]: e for e in MANIFEST["lexicons"]}


def test_the_artefacts_are_compact_pinned_and_load_without_pickle():
    for name in ("zh-word-meaning", "zh-aside"):
        entry = _lexicons()[name]
        path = ROOT / "models" / entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], name
    npz = ROOT / "models" / _lexicons()["zh-word-meaning"]["file"]
    assert npz.stat().st_size <= 4 * 1024 * 1024
    with np.load(npz, allow_pickle=False) as data:
        assert data["vectors"].dtype == np.int8 and data["vectors"].shape[1] <= 64
        assert data["vectors"].shape[0] == len(bytes(data["words"]).decode("utf-8").split("\n")) >= 20000
    assert meaning.available()
    # nearer in meaning than unrelated words; Cilin gives synonyms
    assert meaning.similarity(meaning.vector("顾客"), meaning.vector("客人")) > \
        meaning.similarity(meaning.vector("顾客"), meaning.vector("沙滩")) + 0.3
    assert "准时" in meaning.synonyms("按时")


def test_a_private_life_aside_counts_for_nothing():
    alone = F.analyse([{"word": STORY}], "zh", QUESTION)
    r0 = pipeline.analyze_transcript(STORY, QUESTION, "zh")
    cut = STORY.index("半夜")
    for padded_text in (STORY + ASIDE, ASIDE + STORY, STORY[:cut] + ASIDE + STORY[cut:]):
        padded = F.analyse([{"word": padded_text}], "zh", QUESTION)
        dropped = set(padded.details["excluded_clause_ids"])
        clauses = ["".join(t.text for t in toks) for toks in F._clause_tokens(padded.seg)]
        aside = [ci for ci, c in enumerate(clauses) if c and c in ASIDE and c not in STORY]
        assert aside and set(aside) <= dropped, (aside, dropped, clauses)
        assert padded.answer["concreteness"] <= alone.answer["concreteness"] + 1e-6
        assert padded.answer["specificity"] <= alone.answer["specificity"] + 1e-6
        r1 = pipeline.analyze_transcript(padded_text, QUESTION, "zh")
        assert r1["status"] == r0["status"] == "scored"
        assert r1["overall"] <= r0["overall"] + 1, (r0["overall"], r1["overall"])


def test_an_honest_story_in_its_own_words_keeps_every_clause():
    analysis = F.analyse([{"word": STORY}], "zh", QUESTION)
    assert analysis.details["excluded_clause_ids"] == []
    assert analysis.answer["topic_similarity"] > 0.3


def test_cilin_synonyms_of_hr_keywords_are_evidence():
    comp = F.Competency.from_question(QUESTION["competencies"][0], "zh")
    assert comp.terms.get("准时") == "synonym"
    analysis = F.analyse([{"word": "那批货我们准时在十点前全部发完了，一箱都没漏。"}], "zh", QUESTION)
    _, values, details = analysis.competencies[0]
    assert "准时" in details["said"] and values["evidence"] > 0


def test_english_and_korean_keep_the_lexical_path():
    q = {"text": "Tell me about a time you handled a rush order.", "competencies": [
        {"name": "execution", "weight": 1, "keywords": ["on time", "plan"]}]}
    analysis = F.analyse([{"word": "Last Friday we had 300 boxes to ship, I split the team and we were on time."}],
                         "en", q)
    assert analysis.details["semantic"] is None and analysis.answer["topic_similarity"] == 0.5
    assert F.cilin_synonyms("on time", "en") == ()
