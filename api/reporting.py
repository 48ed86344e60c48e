"""Analysis results as HR reads them: one 0–100 scale and reasons in Chinese, whatever scorer wrote them.

The analysis contract (docs/internal-contracts.md) moved `competencies[].score` from 0–10 to 0–100 and added
`competencies[].reasons` (2–4 plain-Chinese sentences). Results stored before that still hold 0–10 scores and
may carry English reasons; `for_hr(result)` converts them when read, so every report shows one scale and
only Chinese (English asides such as "（no speech found）" removed, English sentences replaced or left out).
"""
from api.messages import answer_reason, chinese_items, is_chinese

DRIVER_TEXT = {
    "keyword_coverage": ("提到了这项能力的要点", "没有说到这项能力的要点"),
    "concreteness": ("举了具体的例子或数字", "例子不够具体"),
    "star_action": ("讲清楚了自己做了什么", "没有讲清楚自己做了什么"),
    "star_result": ("说到了结果", "没有说到结果"),
    "relevance_question": ("回答紧扣问题", "回答和问题关系不大"),
    "speech_rate_cpm": ("语速合适", "语速偏快或偏慢"),
    "filler_ratio": ("表达流畅", "语气词偏多"),
    "lexical_diversity": ("用词丰富", "用词比较单一"),
    "time_used_ratio": ("用足了作答时间", "作答时间用得比较少"),
}


def on_hundred_scale(score, scale_hint: float | None = None):
    """A competency score on 0–100: scores written on the old 0–10 scale are multiplied by 10."""
    if score is None:
        return None
    value = float(score)
    if scale_hint == 10 or (scale_hint is None and value <= 10):
        value *= 10
    return round(max(0.0, min(100.0, value)), 1)


def _old_scale(competencies: list, overall) -> bool:
    """0–10 when every competency score is ≤ 10 while the overall (0–100 on both scales) is above 10: on the new
    scale all competencies ≤ 10 means a very weak answer whose overall is ≤ 10 too. Without an overall, scores
    all ≤ 10 are taken as the old scale."""
    scores = [item.get("score") for item in competencies if item.get("score") is not None]
    if not scores or max(scores) > 10:
        return False
    return overall is None or overall > 10


def reasons_of(item: dict) -> list[str]:
    """The competency's Chinese reasons: the scorer's own, else sentences from its drivers."""
    given = chinese_items(item.get("reasons"))
    if given:
        return given[:4]
    made = []
    for driver in item.get("drivers") or []:
        texts = DRIVER_TEXT.get(driver.get("feature"))
        if texts is None or driver.get("effect") is None:
            continue
        sentence = texts[0] if driver["effect"] >= 0 else texts[1]
        if sentence not in made:
            made.append(sentence)
    return [sentence + "。" for sentence in made[:4]]


def for_hr(result: dict | None) -> dict | None:
    """The result with `competencies[].score` and `overall` on 0–100, `reasons` in Chinese, `scale: 100`."""
    if result is None:
        return None
    out = dict(result)
    competencies = [dict(item) for item in result.get("competencies") or []]
    old = result.get("scale") == 10 or (result.get("scale") is None and _old_scale(competencies, result.get("overall")))
    for item in competencies:
        item["score"] = on_hundred_scale(item.get("score"), 10 if old else 100)
        item["reasons"] = reasons_of(item)
    out["competencies"] = competencies
    if result.get("overall") is not None:
        out["overall"] = round(float(result["overall"]), 1)
    out["scale"] = 100
    if result.get("reason") is not None or result.get("reason_code"):
        out["reason"] = answer_reason(result.get("reason"), result.get("reason_code"))
    out["feedback"] = feedback_in_chinese(result.get("feedback"), result.get("language"))
    return out


PLAYBACK_MISSING_TEXT = {
    "encode_failed": "录音文件已不可用：系统没能把这段录音转成手机能播放的格式，文件可能已损坏；如需听这段回答，请联系候选人重新录制。",
    "store_failed": "录音文件已不可用于手机播放：播放版本没能保存，只能尝试播放原始录音（部分手机可能放不出来）。",
}


def recording_notes(result: dict | None) -> dict:
    """What HR must know about the recording itself, in Chinese, from the analysis result:
    `incomplete_recording` {"text", "decoded_seconds", "announced_seconds"} when the file was cut short (only
    the part that could be read was analysed), `playback_missing` {"reason": "encode_failed"|"store_failed",
    "text"} when no AAC/M4A playback copy could be made (functions/analyze/playback.py). The analyzer's technical
    `detail` (English, from ffmpeg or storage) stays out of the report. Both null when all is well."""
    cut = (result or {}).get("incomplete_recording")
    missing = (result or {}).get("playback_missing")
    notes = {"incomplete_recording": None, "playback_missing": None}
    if isinstance(cut, dict):
        reason = cut.get("reason")
        notes["incomplete_recording"] = {
            "text": reason if isinstance(reason, str) and is_chinese(reason)
            else "录音不完整（可能上传中断），只分析了能读出的部分，请人工核对。",
            "decoded_seconds": cut.get("decoded_seconds"), "announced_seconds": cut.get("announced_seconds")}
    if isinstance(missing, dict):
        code = missing.get("reason") if missing.get("reason") in PLAYBACK_MISSING_TEXT else "encode_failed"
        notes["playback_missing"] = {"reason": code, "text": PLAYBACK_MISSING_TEXT[code]}
    return notes


def feedback_in_chinese(feedback: dict | None, language: str | None = "zh") -> dict | None:
    """The analyzer's feedback of a Chinese interview with only Chinese sentences (older versions wrote some in
    English). Feedback of an en/ko interview is in that language on purpose (the candidate reads it in the
    language they were interviewed in: functions/analyze/scoring/explain.py) and is kept."""
    if not isinstance(feedback, dict) or language not in (None, "zh"):
        return feedback
    return {key: chinese_items(value) if isinstance(value, list) else value for key, value in feedback.items()}
