"""The wording reason quotes the answer's own words, never a piece that spans a pronoun (高中毕业后我 quoted as
“后我”, set j, session 16): pronouns at the edge of a quoted n-gram are dropped like particles."""
import re
from functools import lru_cache
from pathlib import Path

from functions.analyze import pipeline
from functions.analyze.scoring import lexicon
from functions.analyze.scoring.text import segment
from models.scorer import dataset

ROOT = Path(__file__).resolve().parents[2]
QUOTED = re.compile(r"整体说法比较(?:具体|笼统)（如(.+?)）")


@lru_cache(maxsize=None)
def _answers() -> tuple:
    folders = [ROOT / f"models/scorer/eval/unseen-roles-{x}" for x in "abcd"]
    return tuple(a for f in folders for a in dataset.load(f) if a.language == "zh" and not a.derived)


def test_no_wording_quote_starts_or_ends_with_a_pronoun():
    pronouns = lexicon.sets("zh")["pronouns"]
    quoted, bad = 0, []
    for a in _answers():
        r = pipeline.analyze_transcript(a.text, a.question, "zh")
        for c in r["competencies"]:
            for reason in c["reasons"]:
                m = QUOTED.search(reason)
                if not m:
                    continue
                for q in re.findall(r"“(.+?)”", m.group(1)):
                    quoted += 1
                    toks = [t.text for t in segment(q, "zh").tokens]
                    if len(toks) > 1 and (toks[0] in pronouns or toks[-1] in pronouns):
                        bad.append((q, a.id))
    assert quoted > 50
    assert not bad, bad[:10]


def test_the_reported_piece_is_not_quoted():
    question = {"text": "你为什么想来我们店做美甲师？", "answer_seconds": 120,
                "competencies": [{"name": "职业兴趣", "weight": 0.5, "keywords": ["喜欢", "兴趣"]},
                                 {"name": "稳定性", "weight": 0.5, "keywords": ["长期", "稳定"]}]}
    text = ("我从小在我妈的理发店帮忙，挺习惯跟顾客打交道的。高中毕业后我在一家美甲店当了大半年学徒，发现自己对配色"
            "挺有感觉，店长也说我画的小图案挺细。我希望能在一家店长期干下去。")
    r = pipeline.analyze_transcript(text, question, "zh")
    said = " ".join(x for c in r["competencies"] for x in c["reasons"])
    assert "“后我”" not in said and "后我”" not in said, said
