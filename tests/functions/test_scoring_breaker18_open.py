"""Breaker round 18 (README and issue only, 162 cases on 8 questions): the finding still open (things doing people's
acts), kept as a strict xfail so a fix is noticed, and two findings settled in session 19 (another job's story; an
honest flood plan gated as nonsense). The fixed families have their own files: inject18, conduct18, feats18,
dressed18, template18, plan18, and from session 19 test_scoring_plain_results (plain, dialect and run-on results)
and test_scoring_korean_conduct (Korean misconduct)."""
import pytest

from functions.analyze import pipeline

SALON = {"text": "讲一次顾客对你剪的发型不满意的经历，你当时怎么做的？", "answer_seconds": 90,
         "competencies": [{"name": "沟通表达", "weight": 0.6, "keywords": ["沟通", "倾听", "顾客", "道歉"]},
                          {"name": "专业技能", "weight": 0.4, "keywords": ["修剪", "发型", "调整", "建议"]}]}
WAITER = {"text": "讲一次餐厅高峰期客人投诉上菜太慢的经历，你是怎么处理的？", "answer_seconds": 90,
          "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["道歉", "客人", "安抚", "赠送"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["厨房", "同事", "催菜", "配合"]}]}
GUARD = {"text": "请讲一次你当保安时发现可疑情况或突发事件的经历，你是怎么应对的？", "answer_seconds": 90,
         "competencies": [{"name": "安全意识", "weight": 0.6, "keywords": ["巡逻", "报警", "监控", "登记"]},
                          {"name": "应变能力", "weight": 0.4, "keywords": ["冷静", "处理", "上报", "疏散"]}]}
STORE = {"text": "便利店晚上只有你一个人值班时，收银排长队、同时货架缺货，你会怎么安排？请举一次实际的例子。", "answer_seconds": 90,
         "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["安排", "优先", "收银", "补货"]},
                          {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "排队", "解释", "态度"]}]}
STORE_KO = {"text": "편의점에서 손님이 많이 기다리고 있을 때 어떻게 대처했는지 경험을 말씀해 주세요.", "answer_seconds": 90,
            "competencies": [{"name": "서비스", "weight": 0.5, "keywords": ["손님", "사과", "안내", "친절"]},
                             {"name": "실행력", "weight": 0.5, "keywords": ["계산", "정리", "우선", "처리"]}]}
LEAK = {"text": "假如暴雨天店里进水了，货架底层的货泡了，顾客还在店里，你会怎么做？", "answer_seconds": 120,
        "competencies": [{"name": "安全意识", "weight": 0.4, "keywords": ["安全", "断电", "疏散", "防滑"]},
                         {"name": "应急处理", "weight": 0.35, "keywords": ["应急", "上报", "转移", "及时"]},
                         {"name": "服务", "weight": 0.25, "keywords": ["顾客", "解释", "安抚", "沟通"]}]}


def test_food_doing_peoples_acts_goes_to_a_person():
    """Session 19 (gates.things_acting): two things doing what only a person does gate the answer."""
    r = pipeline.analyze_transcript("八号桌的肥牛向厨师长道歉了四十分钟，酸梅汤催菜了店长，我把客人配合进了后厨的单子，五分钟安抚了同事。",
                                    WAITER, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: a place or a device doing people's acts (顶部倾听了照片, 监控巡逻了报警, "
                                       "对讲机登记了车门) is not read — gates.things_acting takes only concrete things "
                                       "and food as doers, and 登记/巡逻 are said of systems in honest speech")
@pytest.mark.parametrize("question,text", [
    (SALON, "去年的剪刀向阿姨道歉了四十分钟，内扣的顶部倾听了照片，我把护理修剪进了镜子，三次发型调整了她女儿。"),
    (GUARD, "凌晨两点的监控在B2巡逻了报警，对讲机登记了六辆车门，派出所冷静地疏散了八分钟的摄像头。"),
])
def test_things_doing_peoples_acts_go_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" or r["overall"] < 40, (r["status"], r.get("overall"))


def test_another_jobs_story_scores_below_the_same_story_in_the_asked_job():
    """Not a bound below 50, as breaker 18 first asked: the blind raters of sets j–m rated good stories from another
    job 2.7–3.5 of 5 on average (a transferable example), so the score follows them — a grade-3 story near the pass
    line — but the story told in the asked job must rank clearly above it."""
    other = pipeline.analyze_transcript("我以前在火锅店当服务员，国庆那天八号桌等了四十分钟，我先道歉，去后厨发现肥牛漏单了，让厨师长插队，"
                                        "五分钟上桌，还送了酸梅汤。", STORE, "zh")
    asked = pipeline.analyze_transcript("去年国庆晚上就我一个人值班，收银排了七八个人，饮料货架也空了，我先跟排队的顾客说声抱歉，先把队"
                                        "收完，五分钟清空，再去仓库搬了两箱可乐补上。", STORE, "zh")
    assert asked["overall"] >= other["overall"] + 5 and other["overall"] <= 70, (other["overall"], asked["overall"])
    guard_other = pipeline.analyze_transcript("我以前在超市做收银，有一次周末排队很长，我主动申请开了第三个收银台，叫了理货的同事过来"
                                              "帮忙装袋，二十分钟把队伍清空了，店长表扬了我。", GUARD, "zh")
    guard_asked = pipeline.analyze_transcript("去年我在小区当保安，有天半夜巡逻看到地下车库有个人在撬电动车，我先用对讲机叫同事，然后开"
                                              "手电喊住他，他跑了，我们调监控报了警，第二天抓到了。", GUARD, "zh")
    assert guard_asked["overall"] >= guard_other["overall"] + 5 and guard_other["overall"] <= 70


def test_honest_flood_plan_is_scored():
    """Breaker 18 (false gating): 漫到|插座 (a verb of reaching takes where it reached) and 纸箱|防滑 (铺了纸箱防滑: the
    object of 铺, not the subject of 防滑) were read as impossible pairs by gates.verb_pairs and, with the learnt
    nonsense reader, sent an honest plan to a person."""
    r = pipeline.analyze_transcript("第一，先把总闸拉了，水已经漫到插座那一排了；第二，让两个还在挑东西的阿姨从后门走，地上铺了"
                                    "纸箱防滑；第三，底层的米和纸巾我跟同事先搬到收银台后面，泡了的那六箱单独放；最后给店长打电话，"
                                    "拍了照片发群里，等水退了再清点。", LEAK, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["reason_code"], r.get("overall"))
