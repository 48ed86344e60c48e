"""Results said in plain, dialect or run-on speech are read as results (breaker 18: strong stories told this way
scored 50.6–56.8, below the pass line, told "没有说到最后的结果"). The family: a harm denied after jieba fused the
negator with its subject (没人受伤 run on), an approximate duration before the change (十来分钟消防车就到了, 二十多分钟),
a directional complement jieba tags as a time (赶紧过去看, 端上去了), a customer with nothing more to say (没得啥子说的了,
没什么好说的了) — and their limits: everyone's approval stays a template's, and a person leaving unheard is no result."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import text

from tests.functions.test_scoring_breaker18_open import GUARD, STORE, WAITER  # the breaker-18 questions

FIRE_RUN_ON = ("就是那个去年夏天小区三号楼那个地下室冒烟了然后我闻到味道就赶紧过去看是电动车充电起火了我先拿灭火器喷然后喊人打"
               "一一九把楼里的人叫下来大概十来分钟消防车就到了没人受伤")
WAITER_DIALECT = ("那天礼拜六晚上忙死了撒，有桌客人等了半个多钟头，拍起桌子骂人，我赶紧过去给他赔不是，跑到后头灶房一看，单子压到"
                  "底下了，我喊师傅先给他整，十来分钟端上去了，我又给他们端了盘瓜子，他们就没得啥子说的了。")


@pytest.mark.parametrize("question,answer", [
    (GUARD, FIRE_RUN_ON),
    (GUARD, FIRE_RUN_ON.replace("十来分钟", "二十多分钟")),
    (WAITER, WAITER_DIALECT),
    # session 23's 赔不是 read as 道歉 still leaves 团队协作 3.5 lower by relative evidence (喊师傅先给他整 is not read as
    # working with the kitchen); on the anchored scale (session 40, model.Scorer.on_scale) the answer passes: 59.5 → 63.8
    (WAITER, WAITER_DIALECT.replace("他们就没得啥子说的了", "他们就没什么好说的了")),
])
def test_plain_strong_story_reaches_the_pass_line(question, answer):
    r = pipeline.analyze_transcript(answer, question, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r.get("overall"))
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert "没有说到最后的结果。" not in reasons, reasons


def test_run_on_and_punctuated_read_the_same_result():
    """jieba fuses 没人 in one context and not in the other: both must deny the harm."""
    run_on = pipeline.analyze_transcript("我先拿灭火器喷然后喊人打一一九十分钟消防车就到了没人受伤", GUARD, "zh")
    typed = pipeline.analyze_transcript("我先拿灭火器喷，然后喊人打一一九，十分钟消防车就到了，没人受伤。", GUARD, "zh")
    assert abs(run_on["overall"] - typed["overall"]) <= 8, (run_on["overall"], typed["overall"])


@pytest.mark.parametrize("said,word", [("我闻到味道就赶紧过去看是电动车起火了", "过去"), ("然后喊人把楼里的人叫下来大概十分钟", "下来")])
def test_directional_complement_opens_no_clause(said, word):
    """jieba tags 过去/下来 after a verb or an adverb as times; they do not start a new clause as a time does."""
    seg = text.segment(said, "zh")
    at = next(i for i, t in enumerate(seg.tokens) if t.text == word)
    assert seg.tokens[at].clause == seg.tokens[at - 1].clause, [[seg.tokens[i].text for i in c] for c in seg.clauses]


def test_a_time_word_still_opens_a_clause():
    seg = text.segment("我们那天忙到很晚后来店长让我先回家休息", "zh")
    at = next(i for i, t in enumerate(seg.tokens) if t.text == "后来")
    assert seg.tokens[at].clause != seg.tokens[at - 1].clause


def test_everyones_silence_stays_a_template():
    r = pipeline.analyze_transcript("那天晚上就我一个人值班，收银排了好长的队，货架也缺货，顾客等得不耐烦，最后大家都没什么说的了。",
                                    STORE, "zh")
    assert r["status"] == "needs_review" or r["overall"] < 40, r.get("overall")


def test_leaving_unheard_is_no_result():
    r = pipeline.analyze_transcript("有个客人嫌上菜慢，我跟他说了一声，他没有说清楚就走了。", WAITER, "zh")
    assert r["status"] == "needs_review" or r["overall"] < 50, r.get("overall")
