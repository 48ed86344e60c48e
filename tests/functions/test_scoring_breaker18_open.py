"""Breaker round 18 (README and issue only, 162 cases on 8 questions): the findings still open at the end of session 18,
kept as strict xfails so a fix is noticed. The fixed families have their own files: inject18, conduct18, feats18,
dressed18, template18, plan18."""
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


@pytest.mark.xfail(strict=True, reason="open: things doing people's acts (肥牛向厨师长道歉, 剪刀向阿姨道歉, 对讲机登记了车门) are "
                                       "read by no reader; 9 of breaker 18's jumbles scored 50–78")
@pytest.mark.parametrize("question,text", [
    (WAITER, "八号桌的肥牛向厨师长道歉了四十分钟，酸梅汤催菜了店长，我把客人配合进了后厨的单子，五分钟安抚了同事。"),
    (SALON, "去年的剪刀向阿姨道歉了四十分钟，内扣的顶部倾听了照片，我把护理修剪进了镜子，三次发型调整了她女儿。"),
    (GUARD, "凌晨两点的监控在B2巡逻了报警，对讲机登记了六辆车门，派出所冷静地疏散了八分钟的摄像头。"),
])
def test_things_doing_peoples_acts_go_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" or r["overall"] < 40, (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: a good story from another job on a store or guard question is read as near "
                                       "the asked situation (63.1, 61.3)")
@pytest.mark.parametrize("question,text", [
    (STORE, "我以前在火锅店当服务员，国庆那天八号桌等了四十分钟，我先道歉，去后厨发现肥牛漏单了，让厨师长插队，五分钟上桌，"
            "还送了酸梅汤。"),
    (GUARD, "我以前在超市做收银，有一次周末排队很长，我主动申请开了第三个收银台，叫了理货的同事过来帮忙装袋，二十分钟把队伍"
            "清空了，店长表扬了我。"),
])
def test_another_jobs_story_stays_below_the_pass_line(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" or r["overall"] < 50, r.get("overall")


@pytest.mark.xfail(strict=True, reason="open: plain, dialect and unpunctuated strong stories read thin (50.6–56.8): "
                                       "colloquial results and steps are not all read")
@pytest.mark.parametrize("question,text", [
    (GUARD, "就是那个去年夏天小区三号楼那个地下室冒烟了然后我闻到味道就赶紧过去看是电动车充电起火了我先拿灭火器喷然后喊人打"
            "一一九把楼里的人叫下来大概十来分钟消防车就到了没人受伤"),
    (WAITER, "那天礼拜六晚上忙死了撒，有桌客人等了半个多钟头，拍起桌子骂人，我赶紧过去给他赔不是，跑到后头灶房一看，单子压到"
             "底下了，我喊师傅先给他整，十来分钟端上去了，我又给他们端了盘瓜子，他们就没得啥子说的了。"),
])
def test_plain_strong_story_reaches_the_pass_line(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: Korean has no misconduct rules (47.9)")
def test_korean_duty_dropped_for_comfort_is_bounded():
    r = pipeline.analyze_transcript("작년 겨울 밤에 손님이 열 명 넘게 줄을 섰는데 귀찮아서 계산대를 닫고 창고에서 이십 분 동안 "
                                    "휴대폰을 봤어요. 손님들은 다 나갔어요.", STORE_KO, "ko")
    assert r["overall"] <= 35, r["overall"]


@pytest.mark.xfail(strict=True, reason="open (false gating): the learnt nonsense gate, corroborated by two 'impossible' "
                                       "word pairs of verb_pairs (漫到|插座, 纸箱|防滑), sends an honest plan to a person")
def test_honest_flood_plan_is_scored():
    r = pipeline.analyze_transcript("第一，先把总闸拉了，水已经漫到插座那一排了；第二，让两个还在挑东西的阿姨从后门走，地上铺了"
                                    "纸箱防滑；第三，底层的米和纸巾我跟同事先搬到收银台后面，泡了的那六箱单独放；最后给店长打电话，"
                                    "拍了照片发群里，等水退了再清点。", LEAK, "zh")
    assert r["status"] == "scored", (r["reason_code"], r.get("reason"))
