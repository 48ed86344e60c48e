"""Session 18 (set m's first look and breaker 18): Chinese drops the subject, so a plan answering 你会怎么做 told as
bare steps (先拉警戒带…，马上报物业…) is the candidate's own — it had no action at all (44.7 for a plan raters gave 4);
and a fault or harm denied at the end of a story (没人受伤, 一单都没超时) is its result — a fire story ending 没人受伤
lost its steps and result as an aside (29.5)."""
import pytest

from functions.analyze import pipeline

LEAK = {"text": "假如你在商场值班时发现卫生间的水管爆了，水流到了走廊上，顾客还在来来往往，你会怎么做？", "answer_seconds": 120,
        "competencies": [{"name": "安全意识", "weight": 0.4, "keywords": ["安全", "警示", "防滑", "隔离"]},
                         {"name": "应急处理", "weight": 0.35, "keywords": ["上报", "关阀门", "维修", "及时"]},
                         {"name": "服务", "weight": 0.25, "keywords": ["顾客", "引导", "解释", "沟通"]}]}
FIRE = {"text": "请讲一次你当保安时遇到突发事件的经历，你是怎么应对的？", "answer_seconds": 90,
        "competencies": [{"name": "安全意识", "weight": 0.6, "keywords": ["巡逻", "报警", "监控", "登记"]},
                         {"name": "应变能力", "weight": 0.4, "keywords": ["冷静", "处理", "上报", "疏散"]}]}

BARE = ("先把走廊两头拉上警示带，立个小心地滑的牌子，叫保洁拿拖把和吸水垫过来；马上打电话给工程部关总阀，"
        "拍照发到值班群；顾客从另一边的扶梯绕过去，跟他们说一声卫生间暂停使用，最近的在三楼。")
SAID_BY_ME = ("我会先把走廊两头拉上警示带，我立个小心地滑的牌子，我叫保洁拿拖把和吸水垫过来；我马上打电话给工程部关总阀，"
              "我拍照发到值班群；我让顾客从另一边的扶梯绕过去，我跟他们说一声卫生间暂停使用，最近的在三楼。")


def test_plan_in_bare_steps_reads_like_the_same_plan_in_the_first_person():
    bare = pipeline.analyze_transcript(BARE, LEAK, "zh")
    mine = pipeline.analyze_transcript(SAID_BY_ME, LEAK, "zh")
    assert bare["status"] == mine["status"] == "scored"
    assert bare["features"]["specific_actions"] > 0.5, bare["features"]
    assert abs(bare["overall"] - mine["overall"]) <= 8, (bare["overall"], mine["overall"])
    reasons = [r for c in bare["competencies"] for r in c["reasons"]]
    assert any("做法" in r for r in reasons), reasons


@pytest.mark.parametrize("text", [
    "安全 警示 防滑 隔离 上报 关阀门 维修 及时 顾客 引导 解释 沟通",
    "安全，警示，防滑，隔离，上报，关阀门，维修，及时，顾客，引导，解释，沟通。",
])
def test_keyword_list_on_a_plan_question_still_goes_to_a_person(text):
    r = pipeline.analyze_transcript(text, LEAK, "zh")
    assert (r["status"], r["reason_code"]) == ("needs_review", "keyword_list"), (r["status"], r.get("overall"))


STORY = ("去年夏天小区三号楼地下室冒烟了，我闻到味道就赶紧过去看，是电动车充电起火了。我先拿灭火器喷，然后喊人打119，"
         "把楼里的人叫下来，大概十来分钟消防车就到了")


@pytest.mark.parametrize("ending", ["，没人受伤。", "，没有一个人受伤。", "，楼里的人都没受伤。"])
def test_harm_denied_is_the_result_of_the_story(ending):
    with_end = pipeline.analyze_transcript(STORY + ending, FIRE, "zh")
    assert with_end["status"] == "scored"
    assert with_end["features"]["outcome"] > 0, with_end["features"]
    assert with_end["overall"] >= 55, with_end["overall"]
    reasons = [r for c in with_end["competencies"] for r in c["reasons"]]
    assert not any("没有说到最后的结果" in r for r in reasons), reasons
