"""Everything a person reads from the API, in Chinese, from one place.

`error_message(code, status, given)` chooses the `message` of every error response (api/openapi.py calls it):
a view's own sentence when it is already Chinese, else this catalogue's sentence for the stable English
`error` code, else a sentence for the HTTP status. `display_time` formats a deadline the way a person in China
reads it; `answer_reason` and `notification_reason` put analysis and delivery states into plain Chinese.
"""
import re
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))
CJK = re.compile(r"[\u3400-\u9fff]")

CONTACT_FALLBACK = "如有问题请联系招聘方"

# error code → the sentence shown to the person (candidate, HR, referrer or a developer reading the JSON).
MESSAGES = {
    # generic
    "bad_request": "请求格式不对，请刷新页面后再试。",
    "unauthorized": "请先登录。",
    "token_expired": "登录已过期，请重新登录。",
    "forbidden": "你没有权限做这件事。",
    "not_found": "找不到这个页面或资源。",
    "method_not_allowed": "这个地址不支持这种操作。",
    "conflict": "操作和当前状态冲突，请刷新后再试。",
    "gone": "这项内容已经不存在了。",
    "too_large": "提交的内容太大了，请删减一些文字后再试。",
    "unsupported_media_type": "提交的格式不对，请以 JSON 格式提交（Content-Type: application/json），什么都没有改动。",
    "invalid": "有内容没有填写或格式不对。",
    "rate_limited": "操作太频繁了，请稍等一分钟再试。",
    "internal_error": "服务器出了点问题，刚才的操作没有保存，请稍后再试。",
    "unavailable": "服务暂时不可用，请稍后再试。",
    "error": "请求没有成功，请稍后再试。",
    "bad_json": "请求内容不是有效的 JSON。",
    "body_required": "请求没有内容：请以 JSON 格式提交（Content-Type: application/json），什么都没有改动。",
    "too_deep": "请求内容嵌套太深。",
    "invalid_characters": "请求中含有无法保存的字符。",
    # HR identity and organisation
    "no_organisation": "请先加入一个企业：向企业管理员要团队邀请码。",
    "owner_only": "只有企业管理员可以做这件事。",
    "calibration_outdated": "这个校准版本是在旧的默认评分上做的，默认评分已经更新，需要重新校准后才能启用。",
    "invalid_code": "微信登录凭证无效或已过期，请重新进入小程序。",
    "wechat_user_blocked": "这个微信账号暂时不能登录。",
    "wechat_error": "微信暂时无法完成这个请求，请稍后再试。",
    "wechat_page_invalid": "小程序页面还没有发布，暂时无法生成小程序码。",
    "wechat_busy": "微信服务繁忙，请稍后再试。",
    "wechat_not_configured": "还没有配置微信小程序，暂时无法使用微信登录。",
    "wechat_unavailable": "暂时连不上微信，请稍后再试。",
    "jssdk_not_configured": "还没有配置微信服务号，请长按小程序码进入小程序。",
    "url_not_ours": "只能为秒面自己的分享页面签名。",
    "wechat_rate_limited": "生成小程序码太频繁了，请一分钟后再试。",
    "team_invite_not_found": "团队邀请码不存在，请向管理员确认。",
    "team_invite_expired": "团队邀请码已过期，请向管理员要一个新的。",
    "team_invite_revoked": "团队邀请码已被撤回。",
    "team_invite_used_up": "团队邀请码的使用次数已用完。",
    "job_not_found": "找不到这个职位。",
    "interview_not_found": "找不到这场面试。",
    "session_not_found": "找不到这位候选人。",
    "invitation_not_found": "找不到这份邀请，请检查链接是否完整，或向招聘方要一个新链接。",
    "unknown_referrer": "找不到这个推荐人。",
    "already_invited": "这位候选人（同一个手机号）已经邀请过这场面试了，没有重复创建。",
    "invalid_candidates": "候选人名单里有需要修改的行，这次一份邀请都没有创建。",
    "share_code_required": "请通过面试的分享链接或小程序码成为推荐人。",
    "decision_conflict": "这位候选人的决定刚刚被其他人修改，请刷新后再试。",
    "not_submitted": "候选人还没有提交回答，暂时不能做出决定（通过、不通过或待定）。",
    "already_requested": "你已经申请过人工复核了，招聘方会尽快查看。",
    "share_not_found": "找不到这个分享链接。",
    "share_expired": "这个分享链接已过期，请向招聘方要一个新的。",
    "share_revoked": "这个分享链接已被招聘方关闭。",
    "invalid_device": "这台设备的标识不对，请刷新页面或重新打开小程序后再试。",
    "candidate_erased": "候选人已删除自己的面试数据，这份报告已不存在，分享链接随之失效。",
    "invitation_revoked": "这份邀请已被招聘方撤回。",
    "interview_already_closed": "这场面试已经结束了。",
    "interview_open": "这场面试正在进行中。",
    "candidate_mid_interview": "这位候选人正在作答，确定要重新发送吗？旧链接会立即失效。",
    "candidates_mid_interview": "有候选人正在作答，确定要结束这场面试吗？",
    "deadline_passed": "截止时间已经过了，请设置一个新的截止时间。",
    # candidate
    "erased": "你的面试数据已按你的要求删除。",
    "already_joined": "你已经用这个手机号参加过这场面试，请在原来的设备上继续，或联系招聘方。",
    "link_replaced": "招聘方已经给你发了新的面试链接，请使用最新的链接，或联系招聘方。",
    "decision_change_unconfirmed": "这位候选人已经有了决定，修改前请确认。",
    "beyond_interview_deadline": "新的期限晚于这场面试的截止时间，请先延长面试的截止时间。",
    "interview_deadline_passed": "这场面试的截止时间已经过了，请先延长面试的截止时间。",
    "invitation_expired": "这份面试邀请已过期。",
    "interview_closed": "这场面试已经截止，不能再作答了。",
    "consent_required": "需要先同意隐私说明，才能开始面试。",
    "privacy_outdated": "隐私说明已更新，请重新阅读后再同意。",
    "already_started": "你已经开始这场面试了，请继续作答。",
    "not_started": "请先阅读并同意隐私说明，开始面试。",
    "already_submitted": "你已经提交了这场面试。",
    "question_not_found": "这场面试里没有这道题，请刷新页面。",
    "attempts_exhausted": "这道题的作答机会已经用完了。",
    "answer_time_over": "这道题的作答时间已经结束，作答机会也已用完，请继续下一题。",
    "question_locked": "请按顺序作答：前面的题目还没有完成。",
    "question_not_opened": "这道题还没有打开：请先打开这道题、开始思考时间后再录音和上传。",
    "question_closed": "你已经进入了后面的题目，这道题不能再重新录制（单向面试不能回头作答）。",
    "answered_on_another_device": "这道题已经在另一台设备上回答过。要用这台设备重新回答吗？这会替换之前的回答，并用掉一次作答机会。",
    "answer_superseded": "这道题已经用另一台设备上同时录制、先保存好的录音作答了，这台设备上的这次录音已保存但不计入。"
                         "如果想用这台设备重新回答，请重新录制（会替换之前的回答，并用掉一次作答机会）。",
    "attempt_not_started": "这次作答还没有开始录音，请重新录音。",
    "upload_window_closed": "这次作答的录音时间和补传期限都已经过了，这段录音不能再上传。",
    "attempt_already_uploaded": "这次录音已经上传过了。",
    "attempt_not_running": "这次作答已经不在录音了，这次停止没有记录；录好的录音照常上传。",
    "uploads_pending": "还有录好的录音没有上传完成，请等上传完成后再提交。",
    "answer_not_found": "这段录音不属于这道题，请重新录音。",
    "already_confirmed": "这段回答已经收到了。",
    "upload_missing": "还没有收到这段录音，请重新上传。",
    "upload_revoked": "这个上传链接已失效（已换新链接、已提交或已删除），请重新获取上传链接。",
    "storage_unavailable": "暂时无法生成上传链接，请稍后重试。您的录音仍保存在手机上。",
    "unanswered_questions": "还有题目没有回答，请先回答所有题目再提交。",
    "name_required": "请填写你的姓名再开始面试。",
    "scene_not_found": "这个链接已经失效，请向分享给你的人要一个新的。",
    "invitation_taken": "这份邀请已经绑定了另一个微信账号。",
    "phone_invalid": "手机号格式不对，请填写 11 位手机号。",
    # storage (upload endpoints the client calls directly)
    "missing_file": "没有收到录音文件，请重新上传。",
    "bad_key": "上传地址不对，请重新录音后上传。",
    "bad_parts": "分片上传的信息不完整，请重新上传。",
    "incomplete_part": "有一段上传没有完成，请重新上传。",
    "upload_expired": "上传链接已过期，请重新上传。",
    "wrong_key": "上传地址不对，请重新上传。",
    "wrong_upload": "上传信息不匹配，请重新上传。",
    "already_uploaded": "这段录音已经上传过了。",
    "part_mismatch": "分片和上传信息不一致，请重新上传。",
    "not_media": "上传的文件不是录音，请重新录制。",
    "wrong_content_type": "录音格式和上传时说明的不一致，请重新上传。",
    "object_not_found": "找不到这个文件。",
    "font_missing": "服务器缺少中文字体，暂时无法生成海报。",
    # internal (analyzer ↔ API)
    "bad_signature": "签名无效或已过期。",
    "unknown_object": "这个文件不属于任何回答。",
    # HR judgement, analytics and scorer versions
    "unknown_competency": "这道题没有这项能力。",
    "duplicate_competency": "同一项能力在一次评分里只能出现一次。",
    "same_answer": "请选择两个不同的回答进行比较。",
    "different_questions": "只能比较同一道题的两个回答。",
    "superseded_answer": "这是候选人重答之前的旧回答，不再计入；请评价这道题现在的回答。",
    "not_advanced": "只有已通过（进入下一轮）的候选人才能记录录用和入职后的结果。",
    "threshold_isolates": "这次调整改变的人太少，可能让统计数字暴露个人信息；请换一个及格线。",
    "declaration_candidate_only": "这项自愿填写只能由候选人本人完成，招聘方账号不能查看或代填。",
    "impossible_outcomes": "这几项结果互相矛盾（例如没有入职却记录了试用期结果），请检查后再提交。",
    "duplicate_kind": "同一类结果在一次提交里只能出现一次。",
    "before_decision": "结果日期不能早于做出决定的日期。",
    "version_not_found": "找不到这个评分版本。",
    "not_enough_ratings": "HR 评分还不够，暂时不能校准。",
    "fairness_gate": "这个评分版本的公平性指标比当前版本差且低于 0.8：需要写明理由才能启用。",
    "confirm_required": "这个操作会改变过去的分数：请确认后再执行。",
    "interview_not_in_job": "这个面试不属于所选职位。",
}

STATUS_MESSAGES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                   405: "method_not_allowed", 409: "conflict", 410: "gone", 413: "too_large",
                   415: "unsupported_media_type", 422: "invalid", 429: "rate_limited", 500: "internal_error",
                   502: "wechat_error", 503: "unavailable"}

# Field names in validation messages, so "有内容没有填写或格式不对：姓名" rather than a column name.
FIELD_NAMES = {"name": "姓名", "phone": "手机号", "candidates": "候选人", "consent": "同意隐私说明",
               "privacy_version": "隐私说明版本", "duration_ms": "录音时长（毫秒）", "decision": "决定", "note": "备注", "message": "给候选人的话",
               "rating": "评分", "comment": "评语", "questions": "题目", "text": "题目内容", "title": "标题",
               "deadline": "截止时间", "days": "天数", "expires_at": "过期时间", "content_type": "录音格式",
               "key": "上传地址", "size": "文件大小", "competencies": "考察能力", "language": "语言",
               "think_seconds": "思考时间", "answer_seconds": "作答时间", "max_attempts": "作答次数",
               "attempt": "第几次作答", "referrer": "推荐码", "scene": "链接", "code": "登录凭证", "token": "邀请",
               "org": "企业名称", "location": "地点", "role": "角色", "pass_threshold": "通过分数线",
               "accepted": "是否接受", "age_band": "年龄段", "anchors": "评分示例", "better_answer_id": "较好的回答",
               "worse_answer_id": "较差的回答", "browser_id": "浏览器标识", "chunk_size": "分片大小",
               "chunked": "分片上传", "competency": "能力", "confirm": "确认", "confirm_change": "确认修改决定",
               "context": "背景", "date": "日期", "description": "描述", "etag": "分片校验码",
               "expires_in_days": "有效天数", "extend_interview": "同时延长面试截止时间", "format": "格式",
               "gender": "性别", "index": "分片序号", "interview_id": "面试", "intro": "面试说明", "job_id": "职位",
               "justification": "理由", "keywords": "关键词", "kind": "类型", "max_uses": "可用次数",
               "media": "作答方式", "min_score": "最低分", "notify_candidate": "通知候选人", "outcomes": "结果",
               "parts": "分片", "ratings": "评分", "reason": "原因", "reference_answer": "参考回答",
               "rejected": "是否拒绝", "replace": "替换之前的回答", "require_phone": "要求填写手机号",
               "rescore": "重新评分", "result": "分析结果", "resume": "继续录音", "review_band": "复核分数段",
               "session_id": "候选人", "sort": "排序", "status": "状态", "synonyms": "同义词",
               "threshold": "分数线", "upload_id": "分片上传编号", "url": "网址", "value": "取值",
               "version_id": "评分版本", "weight": "权重"}
# The same field name inside another field means something else: (an enclosing field, the field) → its name
# there, the nearest enclosing field first (a competency's name is not a person's; a key of anchors is a level).
FIELD_NAMES_WITHIN = {("competencies", "name"): "能力名称", ("competencies", "weight"): "能力权重",
                      ("anchors", "key"): "评分示例的档次", ("anchors", "value"): "评分示例"}


def is_chinese(text: str | None) -> bool:
    return bool(text) and CJK.search(text) is not None


# An aside in brackets that carries English words ("（no speech found）", "(too little speech: 1.2 s，…)"), and
# English prose (two or more words in a row): what older analyzer versions mixed into Chinese sentences.
ENGLISH_ASIDE = re.compile(r"\s*[（(][^（）()]*[A-Za-z]{2,}[^（）()]*[)）]")
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,.:;'/-]+[A-Za-z]{2,})+")


def chinese_text(text: str | None) -> str | None:
    """`text` as a person may read it in Chinese: bracketed English asides removed; None when no Chinese is
    left or English prose remains (the caller then uses its own Chinese sentence). Stored results of older
    versions are translated this way when read; a lone acronym (KPI, App) is kept."""
    if not is_chinese(text):
        return None
    cleaned = ENGLISH_ASIDE.sub("", text).strip()
    if not is_chinese(cleaned) or ENGLISH_RUN.search(cleaned):
        return None
    return cleaned


def chinese_items(items) -> list[str]:
    """The Chinese ones of a list of sentences (chinese_text), English ones left out."""
    return [text for text in (chinese_text(item) if isinstance(item, str) else None for item in items or []) if text]


# marshmallow's per-field messages → Chinese, for the `details` of a 422 (field names stay as sent).
FIELD_MESSAGES = {
    "Missing data for required field.": "必填", "Not a valid integer.": "应为整数", "Not a valid number.": "应为数字",
    "Not a valid boolean.": "应为 true 或 false", "Not a valid date.": "应为日期（YYYY-MM-DD）",
    "Not a valid string.": "应为文字", "Not a valid list.": "应为列表", "Unknown field.": "不认识的字段（请去掉）",
    "Invalid input type.": "类型不对", "Field may not be null.": "不能为空", "Invalid value.": "取值不对",
    "Special numeric values (nan or infinity) are not permitted.": "不能是 NaN 或无穷大",
    "Not a valid datetime.": "应为日期时间", "Not a valid aware datetime.": "应为带时区的日期时间（例如 2026-12-01T18:00:00+08:00）",
    "Not a valid naive datetime.": "应为不带时区的日期时间", "Not a valid time.": "应为时间", "Not a valid UUID.": "格式不对",
    "Not a valid dict.": "应为对象", "Not a valid tuple.": "应为列表", "Length must be 0.": "应为空", "Not a valid mapping type.": "应为对象", "Not a valid email address.":
    "应为邮箱地址", "Not a valid URL.": "应为网址", "Must be true.": "必须是 true", "Must be a number.": "应为数字（不是文字）",
}
# marshmallow's sentences with numbers in them: (pattern, Chinese template)
FIELD_PATTERNS = (
    (re.compile(r"^Longer than maximum length (\d+)\.$"), "最长 {0} 个字"),
    (re.compile(r"^Shorter than minimum length (\d+)\.$"), "至少 {0} 个字"),
    (re.compile(r"^Length must be between (\d+) and (\d+)\.$"), "长度在 {0} 到 {1} 之间"),
    (re.compile(r"^Length must be (\d+)\.$"), "长度应为 {0}"),
    (re.compile(r"^Must be greater than or equal to (\S+) and less than or equal to (\S+)\.$"), "应在 {0} 到 {1} 之间"),
    (re.compile(r"^Must be greater than or equal to (\S+)\.$"), "应不小于 {0}"),
    (re.compile(r"^Must be less than or equal to (\S+)\.$"), "应不大于 {0}"),
    (re.compile(r"^Must be one of: (.+)\.$"), "只能是：{0}"),
)


def chinese_field_message(text: str) -> str:
    """One marshmallow field error in Chinese; a validator's own Chinese sentence is kept, any other English
    sentence becomes "格式不对" (never English in front of a person)."""
    if text in FIELD_MESSAGES:
        return FIELD_MESSAGES[text]
    for pattern, template in FIELD_PATTERNS:
        match = pattern.match(text)
        if match:
            return template.format(*match.groups())
    return text if is_chinese(text) else "格式不对"


def chinese_details(details):
    """The same nested per-field errors with marshmallow's English sentences in Chinese."""
    if isinstance(details, dict):
        return {key: chinese_details(value) for key, value in details.items()}
    if isinstance(details, list):
        return [chinese_details(value) for value in details]
    return chinese_field_message(details) if isinstance(details, str) else details


UNKNOWN_FIELD = "不认识的字段"  # FIELD_MESSAGES["Unknown field."] without its advice, before the name


def validation_message(details) -> str:
    """"有内容没有填写或格式不对：候选人（每次邀请 1 到 500 位）。" from marshmallow's per-field errors; a
    validator's own sentence is quoted when it is Chinese, field names are translated by FIELD_NAMES."""
    parts: list[str] = []

    def label_of(name, path):
        within = next((FIELD_NAMES_WITHIN[(outer, name)] for outer in reversed(path)
                       if (outer, name) in FIELD_NAMES_WITHIN), None)
        return within or FIELD_NAMES.get(name) or f"“{name}”"

    def walk(value, name=None, path=()):
        if isinstance(value, dict):
            for key, inner in value.items():
                skip = str(key).isdigit() or key in ("json", "query", "form", "files", "_schema", "headers")
                walk(inner, name if skip else key, path if skip or name is None else path + (name,))
        elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            said = "；".join(item.rstrip("。") for item in value if is_chinese(item))
            if name and said == FIELD_MESSAGES["Unknown field."].rstrip("。"):  # sent, but no such field: name it as sent
                part = f"{UNKNOWN_FIELD}“{name}”（请去掉这一项）"
            else:
                label = label_of(name, path) if name else ""
                part = f"{label}（{said}）" if label and said else (label or said)
            if part and part not in parts:
                parts.append(part)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, name, path)

    walk(details or {})
    return "有内容没有填写或格式不对" + (f"：{'、'.join(parts[:5])}。" if parts else "，请检查后再提交。")


# Upload routes (the recording bytes: api/storage_routes.py, blueprint "storage") speak of recordings; every
# other route takes JSON, where the same status means too much or wrongly typed text (MESSAGES above).
UPLOAD_BLUEPRINTS = frozenset({"storage"})
UPLOAD_MESSAGES = {
    "too_large": "文件太大了，录音最长几分钟即可，请重新录制。",
    "unsupported_media_type": "这种录音格式不支持，请换一个浏览器或用微信小程序作答。",
}


def route_kind(blueprint: str | None) -> str:
    """"upload" for the routes that receive recording bytes, "json" for every other route."""
    return "upload" if blueprint in UPLOAD_BLUEPRINTS else "json"


def error_message(code: str, status: int, given: str | None, details=None, kind: str = "json") -> str:
    """The Chinese `message` of an error response (see the module docstring); `kind` is route_kind(...)."""
    if is_chinese(given):
        return given
    if kind == "upload" and code in UPLOAD_MESSAGES:
        return UPLOAD_MESSAGES[code]
    if status == 422 and details and code in ("invalid", "bad_request"):
        return validation_message(chinese_details(details))
    return MESSAGES.get(code) or MESSAGES[STATUS_MESSAGES.get(status, "error")]


def display_time(value: datetime | None, now: datetime | None = None) -> str | None:
    """Naive UTC → "12月13日 18:00" in Beijing time (the year is added when it is not this year); never raises:
    a time at the calendar's edge that Beijing time cannot hold is shown in UTC."""
    if value is None:
        return None
    try:
        local = value.replace(tzinfo=timezone.utc).astimezone(CHINA)
    except OverflowError:  # the calendar's edge (9999-12-31 late evening UTC): shown as it is, in UTC
        return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}（UTC）"
    this_year = (now or datetime.now(timezone.utc).replace(tzinfo=None)).replace(tzinfo=timezone.utc).astimezone(CHINA).year
    prefix = "" if local.year == this_year else f"{local.year}年"
    return f"{prefix}{local.month}月{local.day}日 {local:%H:%M}"


def display_clock(value: datetime) -> str:
    """Naive UTC → "18:05:30" Beijing time (the moment a think time ended, for the candidate); never raises."""
    try:
        return f"{value.replace(tzinfo=timezone.utc).astimezone(CHINA):%H:%M:%S}"
    except OverflowError:
        return f"{value:%H:%M:%S}（UTC）"


# Analysis outcomes (reason_code from the analyzer) as a person reads them.
REASON_TEXT = {
    "no_speech": "录音里几乎没有说话声。",
    "too_little_content": "回答内容太少，无法评估。",
    "filler_only": "回答里大多是语气词，没有实际内容。",
    "keyword_list": "回答像是在罗列关键词，需要人工看一下。",
    "template_numbers": "回答像是套话模板，数字很多却没有说清具体的事，需要人工看一下。",
    "repetition": "回答里有大量重复，需要人工看一下。",
    "nonsense": "回答和问题关系不大，需要人工看一下。",
    "wrong_language": "回答用的语言和面试要求的不一样。",
    "low_asr_confidence": "录音不够清楚，自动转写不可靠，需要人工听一下。",
    "model_missing": "这个语言的识别模型还没有安装，需要人工听一下。",
    "bad_media": "录音文件无法读取。",
    "too_long": "录音超过了时长上限。",
    "parroting": "回答主要是在重复题目，需要人工看一下。",
    "analysis_failed": "自动分析多次尝试都没有成功，请人工听一下录音。",
    "worker_stopped": "分析程序在处理这个回答时多次中断，请人工听一下录音。",
    "analysis_timeout": "自动分析多次超时，没有在规定时间内完成，请人工听一下录音。",
    "incomplete_recording": "录音文件不完整（可能上传中断），剩下的部分太短，无法评分，请人工听一下录音。",
    "bad_question": "这道题的设置有问题（字段类型或取值不对），无法自动评分，请检查题目设置并人工听一下录音。",
}
# Any code the analyzer may add later: a safe sentence, never the raw English.
GENERIC_REASON = "这个回答没有自动评分，需要人工听一下。"

# The same outcomes told to the candidate (their report): what happened to their answer and what happens
# next, in their voice — never an instruction meant for HR, never English. Keyed by every reason_code the
# analyzer or the API may set (docs/internal-contracts.md, REASON_TEXT above).
_PERSON_LISTENS = "招聘方会亲自听你的录音来评估，不会因此自动扣分。"
CANDIDATE_REASON_TEXT = {
    "no_speech": "这段录音里几乎没有听到说话声，" + _PERSON_LISTENS,
    "too_little_content": "这段回答比较短，系统没法自动评估，" + _PERSON_LISTENS,
    "filler_only": "这段回答里实际内容比较少，系统没法自动评估，" + _PERSON_LISTENS,
    "keyword_list": "这段回答更像是列出了一些词语，系统没法自动评估，" + _PERSON_LISTENS,
    "repetition": "这段回答里重复的内容比较多，系统没法自动评估，" + _PERSON_LISTENS,
    "nonsense": "系统没能把这段回答和题目对应起来，" + _PERSON_LISTENS,
    "wrong_language": "这段回答使用的语言和面试要求的不同，系统没法自动评估，" + _PERSON_LISTENS,
    "low_asr_confidence": "这段录音不够清楚，系统没法可靠地转成文字，" + _PERSON_LISTENS,
    "model_missing": "系统暂时无法自动评估这段回答，" + _PERSON_LISTENS,
    "unsupported_language": "系统暂时无法自动评估这个语言的回答，" + _PERSON_LISTENS,
    "unintelligible": "系统没能听清这段录音，" + _PERSON_LISTENS,
    "bad_media": "这段录音文件无法读取，招聘方会看到这个情况；如需重新作答，招聘方会联系你。",
    "too_long": "这段录音超过了时长上限，系统只评估了规定时间内的部分，" + _PERSON_LISTENS,
    "too_large": "这段录音文件太大，系统没法自动评估，" + _PERSON_LISTENS,
    "incomplete_recording": "这段录音文件没有完整上传，系统没法自动评估，这不是你的问题；" + _PERSON_LISTENS,
    "parroting": "这段回答主要是在复述题目，系统没法自动评估，" + _PERSON_LISTENS,
    "template_numbers": "这段回答里的数字比较多，但没有讲清具体发生了什么，系统没法自动评估，" + _PERSON_LISTENS,
    "analysis_error": "系统暂时没能自动评估这段回答，" + _PERSON_LISTENS,
    "analysis_failed": "系统暂时没能自动评估这段回答，" + _PERSON_LISTENS,
    "worker_stopped": "系统暂时没能自动评估这段回答，" + _PERSON_LISTENS,
    "analysis_timeout": "系统暂时没能自动评估这段回答，" + _PERSON_LISTENS,
    "bad_question": "系统暂时没能自动评估这段回答，这不是你的问题；" + _PERSON_LISTENS,
}
CANDIDATE_GENERIC_REASON = "系统暂时没能自动评估这段回答，" + _PERSON_LISTENS


def candidate_reason(reason_code: str | None, status: str | None) -> str | None:
    """Why the candidate's answer was not scored automatically, told to the candidate: the sentence for its
    reason_code (CANDIDATE_REASON_TEXT), a generic candidate sentence for an unknown code or a needs_review /
    failed answer without one, None for a scored or still-pending answer. Never the analyzer's or HR's text."""
    if reason_code in CANDIDATE_REASON_TEXT:
        return CANDIDATE_REASON_TEXT[reason_code]
    if reason_code or status in ("needs_review", "failed"):
        return CANDIDATE_GENERIC_REASON
    return None


def answer_reason(reason: str | None, reason_code: str | None = None) -> str | None:
    """The one place an analyzer reason becomes what a person reads: a Chinese sentence for why an answer
    was not scored automatically. A known `reason_code` wins over an English `reason`; an analyzer's Chinese
    `reason` is kept; an English reason without a known code is matched by words (a missing model before a
    language mismatch); anything else gets GENERIC_REASON — never the raw English."""
    if reason_code and reason_code in REASON_TEXT and chinese_text(reason) is None:
        return REASON_TEXT[reason_code]
    if chinese_text(reason):
        return chinese_text(reason)
    if reason is None:
        return GENERIC_REASON if reason_code else None
    lowered = reason.lower()
    for code, text in REASON_TEXT.items():
        if code in lowered or code.replace("_", " ") in lowered:
            return text
    for words, code in ((("model",), "model_missing"), (("confidence", "unclear"), "low_asr_confidence"),
                        (("language",), "wrong_language"), (("speech", "silent", "silence"), "no_speech"),
                        (("filler",), "filler_only"), (("repeat", "repetition"), "repetition"),
                        (("parrot", "echo"), "parroting"), (("keyword",), "keyword_list"),
                        (("nonsense", "off-topic", "off topic", "unrelated"), "nonsense"),
                        (("too short", "too little", "few words"), "too_little_content"),
                        (("too long", "longer than"), "too_long"),
                        (("decode", "ffmpeg", "media", "corrupt", "unreadable"), "bad_media")):
        if any(word in lowered for word in words):
            return REASON_TEXT[code]
    return GENERIC_REASON if reason_code else REASON_TEXT["analysis_failed"]


NOTIFICATION_STATUS_TEXT = {"pending": "等待发送", "sending": "正在发送", "sent": "已发送", "skipped": "未发送",
                            "failed": "发送失败", "merged": "已合并到汇总提醒",
                            "needs_subscription": "需要重新订阅提醒"}


# api/outbox.py stores every reason as "<code>: <English detail>" (outbox.REASON_CODES); HR reads these.
NOTIFICATION_REASONS = {
    "no_recipient": "对方还没有用微信登录小程序，无法发送微信提醒。",
    "needs_subscription": "对方的订阅次数已用完，需要对方再次点“接收提醒”才能发送。",
    "outcome_unknown": "发送时程序中断，无法确认微信是否收到；为避免重复提醒，不再重发。",
    "gave_up": "多次发送都没有成功，不会再重试。",
    "will_retry": "发送失败，稍后自动重试。",
    "not_configured": "还没有配置微信小程序，提醒没有发出（开发环境）。",
    "no_template": "还没有配置这类提醒的模板，提醒没有发出。",
    "no_openid": "对方的微信账号信息不完整，无法发送微信提醒。",
    "session_gone": "候选人的数据已删除，提醒取消。",
    "unrepresentable": "模板字段无法如实填写，提醒没有发出（不会发送编造的内容）。",
    "refused": "对方拒绝了这类提醒。",
    "wechat_error": "微信拒绝了这条提醒，不会再重试。",
    "merged": "已合并到一条汇总提醒里发送。",
    "subscribed_again": "对方已重新订阅，提醒即将发送。",
}
# Reasons stored before the codes (older rows): matched by their words.
LEGACY_REASON_WORDS = ((("not subscribed", "no credit"), "needs_subscription"),
                       (("no recipient", "has not signed in"), "no_recipient"), (("no wechat openid",), "no_openid"),
                       (("not configured",), "not_configured"), (("no template",), "no_template"),
                       (("43101", "refused"), "refused"), (("merged",), "merged"), (("gave up",), "gave_up"),
                       (("will retry",), "will_retry"), (("no longer exists",), "session_gone"),
                       (("outcome unknown",), "outcome_unknown"))


def notification_reason_code(status: str, reason: str | None) -> str | None:
    """The stable English code of a stored delivery reason (None when there is no reason)."""
    if reason is None:
        return "needs_subscription" if status == "needs_subscription" else None
    head = reason.split(":", 1)[0].strip()
    if head in NOTIFICATION_REASONS:
        return head
    lowered = reason.lower()
    for words, code in LEGACY_REASON_WORDS:
        if any(word in lowered for word in words):
            return code
    return "wechat_error" if status == "failed" else "unknown"


def notification_reason(status: str, reason: str | None, errcode: int | None = None) -> str | None:
    """The delivery state of a subscribe message in Chinese, from its reason code (never the English)."""
    if reason is None and status == "sent":
        return "微信已送达"
    code = notification_reason_code(status, reason)
    if code is None:
        return NOTIFICATION_STATUS_TEXT.get(status)
    detail = (reason or "").split(":", 1)[-1].lower()
    if code == "will_retry" and ("rate limit" in detail or "busy" in detail):
        return "微信限流，稍后自动重试。"
    if code == "unrepresentable" and is_chinese(detail):
        return reason.split(":", 1)[1].strip()
    text = NOTIFICATION_REASONS.get(code, "提醒没有发出。")
    if code in ("gave_up", "wechat_error") and errcode:
        text += f"（微信错误码 {errcode}）"
    return text
