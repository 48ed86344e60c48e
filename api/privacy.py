"""The privacy notice candidates agree to: its version and text come from the API, so the mini-program, the
browser page and the consent record (`sessions.consent_version`) always agree, and the retention wording is
the retention the server enforces (api/retention.py)."""
from flask import current_app
from api.openapi import Blueprint
from api.report_shares import MAX_SHARE_DAYS

bp = Blueprint("privacy", __name__, url_prefix="/api", description="Public: the privacy notice")


def sections(after_decision: int, undecided: int, share_days: int = 30) -> list[dict]:
    return [
        {"heading": "我们收集什么",
         "text": "你的姓名、招聘方填写或你授权的手机号、你录制的回答录音，以及由录音自动生成的文字转写和分析结果。"
                 "我们不使用摄像头画面，也从不评价长相、口音或外表。"},
        {"heading": "用来做什么",
         "text": "只用于这次招聘：把录音转成文字，按招聘方设定的能力要点生成参考评分和给你的反馈。"
                 "自动评分只是参考，最终由招聘方的工作人员决定；你可以随时申请人工复核。"},
        {"heading": "谁能看到",
         "text": "发出这次邀请的企业里负责招聘的人员能看到你的回答和结果。招聘人员可以把你的面试报告通过一个只读链接"
                 f"分享给参与决定的同事（例如部门负责人）：链接最长 {share_days} 天后失效，招聘方可以随时关闭；"
                 "分享的报告只显示你的姓氏，包含题目、回答的文字转写和评分，不包含手机号和录音。"
                 "我们不会把你的信息用于其他用途或提供给其他企业。"},
        {"heading": "保存多久",
         "text": f"招聘方做出决定后 {after_decision} 天，我们删除你的录音、转写和评分；"
                 f"如果招聘方一直没有做出决定，最长保留 {undecided} 天后删除。"},
        {"heading": "你的权利",
         "text": "你可以在面试结果页随时删除自己的全部数据，删除后无法恢复；对结果有疑问可以申请人工复核。"},
    ]


@bp.get("/privacy")
@bp.response(200)
def privacy():
    """Public: the current privacy notice (version, sections, retention in days and in words)."""
    config = current_app.config
    after_decision, undecided = int(config["RETENTION_DAYS_AFTER_DECISION"]), int(config["RETENTION_DAYS_UNDECIDED"])
    parts = sections(after_decision, undecided, MAX_SHARE_DAYS)
    return {"version": config["PRIVACY_VERSION"], "title": "秒面隐私说明",
            "retention": {"after_decision_days": after_decision, "undecided_days": undecided},
            "retention_text": parts[3]["text"], "sections": parts,
            "text": "\n\n".join(f"{part['heading']}\n{part['text']}" for part in parts)}
