"""Things doing what only a person does (gates.things_acting): two such acts send the answer to a person
(breaker 18: 肥牛向厨师长道歉, 酸梅汤催菜了店长 scored 74; set n: a coach reciting a map, a suitcase deciding to go to
graduate school, the fog phoning the guide's flag). The family's limits are honest speech: machines, documents,
systems and bodies of people said to act (扫描枪报警了, 系统提示, 公司决定, 厨房说马上好, 物业打电话), pets (狗狗跟我
闹脾气), a noun that is a verb's object or a place (查了车牌给车主打电话, 在登记本上签了字), a person's role word (主管
表扬了我), a clothing's feel (那件工作服穿着很舒服) and metaphors (像…一样)."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates

WAITER = {"text": "讲一次餐厅高峰期客人投诉上菜太慢的经历，你是怎么处理的？", "answer_seconds": 90,
          "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["道歉", "客人", "安抚", "赠送"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["厨房", "同事", "催菜", "配合"]}]}
GUIDE = {"text": "请讲一次你带团时遇到游客不满或突发情况的经历，你是怎么处理的？", "answer_seconds": 120,
         "competencies": [{"name": "沟通能力", "weight": 0.5, "keywords": ["解释", "安抚", "游客", "沟通"]},
                          {"name": "应变能力", "weight": 0.5, "keywords": ["调整", "行程", "冷静", "处理"]}]}
GROOMER = {"text": "请讲一次你给不配合的宠物洗澡美容的经历，你是怎么做的？", "answer_seconds": 120,
           "competencies": [{"name": "耐心", "weight": 0.5, "keywords": ["安抚", "耐心", "宠物", "主人"]},
                            {"name": "专业技能", "weight": 0.5, "keywords": ["洗澡", "修剪", "吹干", "工具"]}]}


def _acting(text, question):
    return gates.things_acting(features.analyse([{"word": text}], "zh", question))


@pytest.mark.parametrize("question,text", [
    (WAITER, "八号桌的肥牛向厨师长道歉了四十分钟，酸梅汤催菜了店长，我把客人配合进了后厨的单子，五分钟安抚了同事。"),
    (GUIDE, "我们的大巴车在早餐时背诵了整本地图，游客的行李箱决定去读研究生。那天下午，山顶的雾亲自给导游旗打了个电话。"),
    (GUIDE, "那天的门票跟景区吵了一架，矿泉水偷偷请假回了老家，我只好让雨伞去安抚游客，最后行程表签了字。"),
    (GROOMER, "吹风机先向泰迪鞠躬道歉，剪刀跟沐浴露商量了半天，最后毛巾决定辞职去开出租车。"),
    (WAITER, "那天的解决方案穿着拖鞋走进了仓库，我用沟通给它量了体温，顾客的表达在门口排成了两行湿漉漉的星期。"),
])
def test_things_doing_peoples_acts_go_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


@pytest.mark.parametrize("question,text", [
    (WAITER, "那天扫描枪报警了，系统提示库存不足，厨房说马上好，我先给客人道歉，送了一份果盘，十分钟菜就上齐了。"),
    (WAITER, "公司决定高峰期加两个传菜员，物业也打电话来催我们挪车，我跟同事分工，我负责安抚客人，他负责催菜。"),
    (WAITER, "我查了单号给后厨打电话，又在登记本上签了字，主管后来表扬了我，客人也没再投诉。"),
    (GROOMER, "那只泰迪特别凶，狗狗一直跟我闹脾气，我先让它闻闻我的手，再用毛巾包住慢慢洗，主人说它从来没这么乖过。"),
    (GROOMER, "那件工作服穿着很舒服，我每天都穿着给狗狗洗澡，吹风机开小档，剪刀用圆头的，不会伤到它。"),
    (GUIDE, "导航让我们掉头，大巴车趴窝了，合同规定要赔偿，我先安抚游客，跟旅行社沟通调整了行程，晚上八点前都到了酒店。"),
    (GUIDE, "那天游客多得像一锅粥，手机都被打爆了，我像陀螺一样转，先把老人安排上车，再一个个解释，最后没人投诉。"),
])
def test_honest_speech_with_machines_bodies_of_people_and_pets_is_not_read(question, text):
    assert _acting(text, question) == []
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r.get("reason"))
