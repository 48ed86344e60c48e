"""HR endpoints: funnel, fairness figures and their exports, per job or interview, scoped to the organisation."""
import marshmallow as ma
from flask import Response, g
from api.openapi import Blueprint

from api.analytics import data, export, fairness, funnel
from api.auth import login_required
from api.db import get_db
from api.interviews import get_interview_or_404
from api.jobs import get_job_or_404
from api.judgement.declarations import AGE_BANDS, GENDERS
from api.openapi import ID_RANGE, abort
from api.timeutil import utcnow

bp = Blueprint("analytics", __name__, url_prefix="/api/analytics", description="HR: funnel, fairness and exports")

GROUP_LABELS = {"gender": GENDERS, "age_band": AGE_BANDS}
ATTRIBUTE_LABELS = {"gender": "性别", "age_band": "年龄段"}


class ScopeArgs(ma.Schema):
    job_id = ma.fields.Integer(load_default=None, validate=ID_RANGE)
    interview_id = ma.fields.Integer(load_default=None, validate=ID_RANGE)


class ExportArgs(ScopeArgs):
    format = ma.fields.String(load_default="xlsx", validate=ma.validate.OneOf(
        ("csv", "xlsx"), error="导出格式只能是 csv 或 xlsx。"))


def _scope(args) -> dict:
    """Checks that the job or interview is the caller's; returns the scope and its title."""
    scope = {"job_id": args["job_id"], "interview_id": args["interview_id"], "title": "全部职位"}
    if args["job_id"] is not None:
        scope["title"] = get_job_or_404(args["job_id"]).title
    if args["interview_id"] is not None:
        interview = get_interview_or_404(args["interview_id"])
        if args["job_id"] is not None and interview.job_id != args["job_id"]:
            abort(422, "interview_not_in_job", "这个面试不属于所选职位。")
        scope["title"] = interview.title
    return scope


def _funnel(args) -> dict:
    scope = _scope(args)
    candidates = data.load_candidates(get_db(), g.org_id, args["job_id"], args["interview_id"])
    return {"scope": scope, **funnel.funnel(get_db(), candidates, args["interview_id"])}


@bp.get("/funnel")
@login_required
@bp.arguments(ScopeArgs, location="query")
@bp.response(200)
def get_funnel(args):
    """invited → opened → started → submitted → analysed → advanced → hired with conversion, how the analysis
    settled (`analysis`: scored vs needs review, api/analytics/funnel.py), drop-off per question
    (with interview_id), median minutes to complete and hours from submit to decision, channel and referrer
    conversion. Without job_id/interview_id: the whole organisation."""
    return _funnel(args)


def funnel_sheets(report: dict) -> list:
    sheets = [("漏斗", ["阶段", "人数", "占邀请比例", "占上一阶段比例"],
               [[s["label"], s["count"], s["of_invited"], s["of_previous"]] for s in report["stages"]]),
              ("分析结果", ["结果", "人数"],
               [[report["analysis"][key]["label"], report["analysis"][key]["count"]]
                for key in ("scored", "needs_review")]),
              ("效率", ["指标", "数值", "样本数"],
               [["完成面试用时中位数（分钟）", report["timings"]["median_minutes_to_complete"], report["timings"]["completed"]],
                ["提交到做出决定中位数（小时）", report["timings"]["median_hours_submit_to_decision"], report["timings"]["decided"]]])]
    if report["questions"]:
        sheets.append(("题目流失", ["题号", "题目", "到达人数", "作答人数", "流失人数", "流失率"],
                       [[q["position"], q["text"], q["reached"], q["answered"], q["dropped"], q["drop_rate"]]
                        for q in report["questions"]]))
    header = ["名称", "邀请", "开始", "提交", "通过", "录用", "提交率", "通过率"]
    for title, rows in (("渠道", report["channels"]), ("推荐人", report["referrers"])):
        sheets.append((title, header, [[r["label"], r["invited"], r["started"], r["submitted"], r["advanced"],
                                        r["hired"], r["submit_rate"], r["advance_rate"]] for r in rows]))
    return sheets


@bp.get("/funnel/export")
@login_required
@bp.arguments(ExportArgs, location="query")
@bp.response(200, content_type="application/octet-stream")
def export_funnel(args):
    """The funnel as a spreadsheet: format=xlsx (default) or csv (UTF-8 with BOM). Text cells that a
    spreadsheet would run as a formula (=, +, -, @, also after leading spaces, or a leading tab/CR/LF) are
    neutralised: CSV with a leading apostrophe, XLSX with the cell's quotePrefix style (text kept exactly)."""
    sheets = funnel_sheets(_funnel(args))
    stamp = utcnow().strftime("%Y%m%d")
    if args["format"] == "csv":
        body, mime = export.to_csv(sheets), "text/csv; charset=utf-8"
    else:
        body, mime = export.to_xlsx(sheets), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(body, content_type=mime, headers={
        "Content-Disposition": f"attachment; filename=miaomian-funnel-{stamp}.{args['format']}"})


def fairness_report(org_id: int, job_id=None, interview_id=None) -> dict:
    candidates = data.load_candidates(get_db(), org_id, job_id, interview_id, with_groups=True)
    records = [data.fairness_record(c) for c in candidates]
    declared = sum(1 for c in candidates if any(v not in (None, fairness.UNDISCLOSED) for v in c["groups"].values()))
    figures = fairness.report(records, GROUP_LABELS)
    for item in figures:
        item["attribute_label"] = ATTRIBUTE_LABELS[item["attribute"]]
    return {"candidates": len(candidates), "declared": declared, "min_group": fairness.MIN_GROUP,
            "threshold": fairness.FOUR_FIFTHS, "figures": figures}


@bp.get("/fairness")
@login_required
@bp.arguments(ScopeArgs, location="query")
@bp.response(200)
def get_fairness(args):
    """Selection rates per self-declared group (gender, age band) at each stage, with counts, the four-fifths
    impact ratio, Fisher's exact p-value and Chinese warnings when groups are too small. Never per person."""
    scope = _scope(args)
    return {"scope": scope, **fairness_report(g.org_id, args["job_id"], args["interview_id"])}
