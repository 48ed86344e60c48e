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

# What each scoring feature (functions/analyze/scoring/features.py, docs/scoring.md §3) is called for HR, with
# its one-sentence meaning; a driver's English `feature` stays for programs, HR reads `label` and `meaning`.
FEATURE_LABELS = {
    "concreteness": ("具体程度", "数字、时间、地点、人名等具体信息"),
    "specific_actions": ("具体做法", "讲到自己（或团队）具体做了什么"),
    "outcome": ("结果", "讲到做完之后的结果，并且有内容"),
    "story_order": ("条理", "按“情况—做法—结果”的顺序讲清楚"),
    "relevance": ("切题", "回答和问题的主题相关的程度"),
    "topic_similarity": ("意思贴题", "按词义看，回答的内容和题目主题有多接近（中文回答）"),
    "wording": ("说法具体", "从整段回答的用词看，说法是具体（讲做法、讲经过）还是笼统（“一般”“我觉得”）"),
    "specificity": ("信息量", "说出的不同的具体词语有多少（篇幅只通过这一项计分）"),
    "generalities": ("空话", "“我觉得”“一定要”“平时都会”这类泛泛而谈的话所占比例"),
    "event_share": ("亲身经历", "讲具体事件的内容所占比例"),
    "reluctance": ("消极态度", "“没办法”“无所谓”“拖着”这类消极说法"),
    "evidence": ("能力证据", "提到这项能力的关键词、同义词或典型做法"),
    "evidence_specific": ("具体的能力证据", "能力证据旁边有具体内容"),
    "negative_evidence": ("否定的能力证据", "以否定方式提到这项能力（如“不会”“很少”）"),
    "anchor_match": ("接近评分示例", "和招聘方给的这项能力的评分示例相近的程度"),
    "evidence_relative": ("相对突出", "这项能力在这段回答的各项能力中体现得是否最明显"),
    "keyword_coverage": ("要点覆盖", "提到这项能力要点的程度"),
    "star_action": ("具体做法", "讲清楚自己做了什么"),
    "star_result": ("结果", "讲到结果"),
    "relevance_question": ("切题", "回答紧扣问题的程度"),
    "speech_rate_cpm": ("语速", "每分钟说的字数"),
    "filler_ratio": ("语气词", "“嗯”“那个”这类语气词所占比例"),
    "lexical_diversity": ("用词丰富", "用词不重复的程度"),
    "time_used_ratio": ("作答时间", "用了多少作答时间"),
}
OTHER_FEATURE = ("其他因素", "评分模型用到的其他因素")


def drivers_for_hr(drivers) -> list[dict]:
    """The drivers with a Chinese `label` and `meaning` each (FEATURE_LABELS; an unknown one is 其他因素)."""
    out = []
    for driver in drivers or []:
        label, meaning = FEATURE_LABELS.get(driver.get("feature"), OTHER_FEATURE)
        out.append({**driver, "label": label, "meaning": meaning})
    return out


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
        if "drivers" in item:
            item["drivers"] = drivers_for_hr(item["drivers"])
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
