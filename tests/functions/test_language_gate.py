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
    v = check_text("123 456 ……", "zh")
    assert not v.ok and v.reason_code == "unintelligible" and v.detected is None
    assert check_text("", "ko").ok


def test_script_counts_units():
    c = script_counts("我用POS机和ＥＸＣＥＬ")   # full-width Latin is normalised (NFKC)
    assert (c["han"], c["latin"], c["total"]) == (4, 2, 6)


def test_unsupported_expected_language_is_an_error():
    with pytest.raises(ValueError):
        check_text("hello", "fr")
