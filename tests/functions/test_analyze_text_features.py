"""Each text feature on known transcripts."""
import pytest

from functions.analyze import delivery, lexicon, text_features as tf


def words(text, language):
    return tf.words_from_text(text, language)


def test_three_of_four_keywords_give_exact_coverage_with_evidence():
    ws = words("我负责和客户沟通，认真倾听他们的需求。", "zh")
    idx = tf.Indexed.build(ws, "zh")
    coverage, evidence = tf.keyword_coverage(idx, ["沟通", "客户", "倾听", "预算"])
    assert coverage == 0.75
    assert {e["keyword"] for e in evidence} == {"沟通", "客户", "倾听"}
    assert all("…" in e["text"] or e["matched"] in e["text"] for e in evidence)


def test_synonym_counts_for_its_keyword_and_is_named():
    idx = tf.Indexed.build(words("我每天和顾客交流进度", "zh"), "zh")
    coverage, evidence = tf.keyword_coverage(idx, ["客户", "沟通"])
    assert coverage == 1.0
    assert {(e["keyword"], e["matched"]) for e in evidence} == {("客户", "顾客"), ("沟通", "交流")}


def test_evidence_carries_word_times():
    ws = [{"word": w, "start": i * 0.5, "end": i * 0.5 + 0.4, "conf": 0.9}
          for i, w in enumerate(["我们", "和", "客户", "开会"])]
    _, evidence = tf.keyword_coverage(tf.Indexed.build(ws, "zh"), ["客户"])
    assert evidence[0]["start"] == 1.0 and evidence[0]["end"] == 1.4


def test_keyword_split_across_asr_words_is_found():
    ws = [{"word": w, "start": 0, "end": 0, "conf": 1} for w in ["和", "客", "户", "聊"]]
    coverage, _ = tf.keyword_coverage(tf.Indexed.build(ws, "zh"), ["客户"])
    assert coverage == 1.0


def test_no_keywords_means_zero_coverage_not_an_error():
    assert tf.keyword_coverage(tf.Indexed.build(words("你好", "zh"), "zh"), []) == (0.0, [])


def test_zh_fillers_counted_on_jieba_tokens():
    ws = words("嗯，那个，我就是觉得客户很重要，啊", "zh")
    toks = tf.tokens(ws, "zh")
    ratio, count = tf.filler_ratio(ws, toks, "zh")
    assert count == 4
    assert ratio == pytest.approx(4 / len(toks))


def test_en_multiword_fillers_and_stems():
    ws = words("Um, you know, I talked to customers and, like, fixed it", "en")
    ratio, count = tf.filler_ratio(ws, tf.tokens(ws, "en"), "en")
    assert count == 3  # um, like, you know
    coverage, evidence = tf.keyword_coverage(tf.Indexed.build(ws, "en"), ["customer", "budget"])
    assert coverage == 0.5 and evidence[0]["matched"] == "customer"


def test_en_keyword_does_not_match_inside_other_words():
    idx = tf.Indexed.build(words("We were in a team of ten", "en"), "en")
    assert tf.keyword_coverage(idx, ["lead"]) == (0.0, [])
    assert tf.keyword_coverage(tf.Indexed.build(words("steam engine", "en"), "en"), ["team"])[0] == 0.0


def test_ko_particles_do_not_hide_keywords():
    ws = words("저는 고객에게 먼저 연락했고 결국 문제를 해결했습니다", "ko")
    coverage, _ = tf.keyword_coverage(tf.Indexed.build(ws, "ko"), ["고객", "문제", "예산"])
    assert coverage == pytest.approx(2 / 3)
    content = tf.content_tokens(tf.tokens(ws, "ko"), "ko")
    assert "고객" in content and "문제" in content


def test_star_cues_per_part():
    idx = tf.Indexed.build(words("当时客户投诉。我的任务是稳住客户。我首先倾听。最终客户续约了。", "zh"), "zh")
    star = tf.star_counts(idx, "zh")
    assert star["situation"] >= 1 and star["task"] >= 1 and star["action"] >= 1 and star["result"] >= 1
    assert tf.star_counts(tf.Indexed.build(words("我喜欢吃苹果", "zh"), "zh"), "zh") == \
        {"situation": 0, "task": 0, "action": 0, "result": 0}


def test_lexical_diversity():
    assert tf.lexical_diversity([]) == 0.0
    assert tf.lexical_diversity(["a", "b", "c", "d"]) == 1.0
    assert tf.lexical_diversity(["a", "a", "a", "a"]) == 0.25
    long_varied = [f"w{i}" for i in range(200)]
    assert tf.lexical_diversity(long_varied) == 1.0  # MATTR does not fall just because an answer is long


def test_relevance_to_question_and_reference():
    q = "请谈谈你和客户沟通的一次经历"
    on = tf.Indexed.build(words("我和客户沟通了交付时间", "zh"), "zh")
    off = tf.Indexed.build(words("我周末喜欢爬山", "zh"), "zh")
    assert tf.relevance(on, q, "zh") == 1.0
    assert tf.relevance(off, q, "zh") == 0.0
    assert tf.relevance(on, None, "zh") is None
    assert tf.relevance(on, "客户 预算 合同 沟通", "zh") == 0.5


@pytest.mark.parametrize("text,language,share", [("我和客户沟通", "zh", 1.0), ("I talked to the client", "zh", 0.0),
                                                 ("고객과 소통", "ko", 1.0), ("hello there", "en", 1.0)])
def test_script_share_detects_the_wrong_language(text, language, share):
    assert tf.script_share(text, language) == share


def test_lexicons_load_for_every_language():
    for lang in ("zh", "ko", "en"):
        lex = lexicon.load(lang)
        assert lex["fillers"] and set(lex["star"]) == {"situation", "task", "action", "result"}
        assert lex["synonyms"]


def test_delivery_fits_are_bounded_and_sensible():
    assert delivery.pace_fit(230, "zh") == 1.0
    assert delivery.pace_fit(80, "zh") == 0.0
    assert 0 < delivery.pace_fit(400, "zh") < 1
    assert delivery.pause_fit(1.0, 2) == 1.0 and delivery.pause_fit(12.0, 30) == 0.0
    assert delivery.length_fit(21, 60) == 1.0 and delivery.length_fit(0, 60) == 0.0
    assert delivery.fluency(0.0) == 1.0 and delivery.fluency(0.3) == 0.0


def test_speech_rate_counts_characters_per_minute_of_speech():
    from functions.analyze.vad import speech_stats
    ws = [{"word": "客户沟通", "start": 0, "end": 1, "conf": 0.9}] * 15  # 60 characters
    d = delivery.delivery_features(ws, "zh", 60, duration=20.0, speech=speech_stats([[0, 10], [12, 20]], 20.0))
    assert d["speech_rate_cpm"] == pytest.approx(60 / (18 / 60))
    assert d["pause_count"] == 1 and d["longest_pause_s"] == 2.0
    assert d["asr_confidence"] == pytest.approx(0.9)
    assert d["time_used_ratio"] == pytest.approx(20 / 60, abs=1e-4)
