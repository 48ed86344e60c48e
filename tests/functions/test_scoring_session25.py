"""Session 25: what sealed set v and the seen sets showed, as families — a keyword that carries its own negation, a
question that piles concurrent events on its situation, a terse story told in its own trade words, an off-topic story
opened with a word of the question, and reasons that quoted a non-deed as a step, a subject as negated and denied a
result that was told.

Each test runs the CLI's path (pipeline.analyze_transcript) on real text (jieba, OpenCC and the learnt readers); the
texts are written for these tests, not taken from any labelled set."""
from functions.analyze import pipeline
from functions.analyze.scoring import detectors, focus, model
from functions.analyze.scoring.answer import OFF_TOPIC_REASON
from functions.analyze.scoring.text import find, normalise, segment

Q_LOST_CHILD = {"text": "假如周末晚上商场里人很多，有个四五岁的小女孩站在你的柜台前哭，说找不到爸爸了，同时收银机在报故障，"
                        "还有两位顾客在催你结账。你会怎么做？", "answer_seconds": 120, "type": "situational",
                "competencies": [{"name": "安全意识", "weight": 0.4, "keywords": ["儿童安全", "不离开孩子", "广播", "保安"]},
                                 {"name": "应变与优先级", "weight": 0.3, "keywords": ["冷静", "轻重缓急", "先处理"]},
                                 {"name": "沟通协调", "weight": 0.3, "keywords": ["解释", "同事", "安抚顾客"]}]}
Q_REPAIR = {"text": "请讲一次你修电脑时遇到一个不好判断的故障的经历。你是怎么排查的，结果怎样？", "answer_seconds": 120,
            "competencies": [{"name": "专业技能", "weight": 0.5, "keywords": ["故障", "检测", "排查", "维修"]},
                             {"name": "严谨负责", "weight": 0.3, "keywords": ["细心", "测试", "负责"]},
                             {"name": "客户沟通", "weight": 0.2, "keywords": ["沟通", "解释", "客户"]}]}
Q_CARE = {"text": "请讲一次你照顾病人时，病人不肯配合（比如不吃饭、不吃药）的经历，你是怎么做的，结果怎样？",
          "answer_seconds": 120,
          "competencies": [{"name": "耐心关爱", "weight": 0.4, "keywords": ["耐心", "关心", "倾听"]},
                           {"name": "沟通能力", "weight": 0.3, "keywords": ["沟通", "解释", "家属"]},
                           {"name": "照护规范", "weight": 0.3, "keywords": ["护理", "观察", "记录"]}]}


def run(text, question, language="zh"):
    return pipeline.analyze_transcript(text, question, language)


def reasons(r):
    return " ".join(s for c in r["competencies"] for s in c["reasons"])


def test_a_keyword_that_carries_its_own_negation_said_as_it_is_is_the_keyword():
    said = segment(normalise("我会一直陪着她，做到不离开孩子半步。", "zh"), "zh")
    assert [h.negated for h in find(said, "不离开孩子")] == [False]
    # … and negated only by a negation before it
    denied = segment(normalise("那天太忙，我没有做到不离开孩子。", "zh"), "zh")
    assert [h.negated for h in find(denied, "不离开孩子")] == [True]
    r = run("我先蹲下来拉着她的手，做到不离开孩子，马上用对讲机叫保安和广播找她爸爸。收银机让同事先看着，"
            "跟两位顾客解释一下请他们稍等。十分钟后她爸爸就跑过来了。", Q_LOST_CHILD)
    assert r["status"] == "scored" and "以否定的方式提到了 不离开孩子" not in reasons(r), reasons(r)


def test_an_event_added_with_同时_or_还有_is_one_of_the_things_to_juggle_not_the_focus():
    assert focus.asked(normalise(Q_LOST_CHILD["text"], "zh")) == []
    # the situation itself still is the focus when a concurrent clause only adds bystanders
    upset = "假如一位顾客说菜里吃出了头发，当场很生气，旁边还有其他客人。你会怎么做？"
    assert [f.key for f in focus.asked(normalise(upset, "zh"))] == ["upset"]
    # a short answer about the child is not bounded for telling no fault of the till
    r = run("先顾孩子。让她站我身边，问清名字和爸爸穿什么，对讲机叫保安守住出口、广播找人。收银机请同事顶一下，"
            "跟顾客说明有走失的孩子。上个月我这样处理过一次，五分钟就找到家长了。", Q_LOST_CHILD)
    assert r["status"] == "scored" and "设备或系统出故障" not in reasons(r), reasons(r)
    assert r["overall"] >= 50, (r["overall"], reasons(r))


def test_a_plans_step_does_something():
    r = run("我肯定是先管孩子。我会把她带到柜台里面，让同事用广播找她爸爸，再跟顾客解释一下请他们稍等。", Q_LOST_CHILD)
    text = reasons(r)
    assert "处理做法，如“我肯定是”" not in text and "处理做法，如“先管孩子”" in text, text


def test_a_terse_story_in_its_own_trade_words_is_work_not_off_topic():
    terse = ("一台联想笔记本开不了机，别的店说主板坏了。我拆开量供电，十九伏进来了，三伏那路没有，顺着查到一个"
             "贴片电感烧了，换了个两块钱的电感就亮了，收了一百二。")
    thin = "之前修过一台电脑，开机有时候会蓝屏。我拆开检查了一下，把内存条重新插了一遍，又试了几次，就好了。"
    a, b = run(terse, Q_REPAIR), run(thin, Q_REPAIR)
    assert a["status"] == b["status"] == "scored"
    assert (detectors.probability("off_topic", terse, "zh") or 0.0) < 0.3
    assert "回答和题目关系不大" not in reasons(a), reasons(a)
    assert a["overall"] > b["overall"], (a["overall"], b["overall"])


def test_an_off_topic_story_opened_with_a_word_of_the_question_is_bounded():
    text = ("说到故障，我家那台洗衣机上个月也坏了，甩干的时候整个机器都在跳。我老公非说是放歪了，我说是用了八年该换了。"
            "后来我们周末去商场看了一圈，买了一台滚筒的，三千多块，现在晚上洗衣服安静多了。")
    r = run(text, Q_REPAIR)
    assert r["status"] == "scored" and r["overall"] <= model.OFF_TOPIC_CAP, (r["overall"], reasons(r))
    assert OFF_TOPIC_REASON.format(cap=model.OFF_TOPIC_CAP) in reasons(r)


def test_the_person_who_did_not_act_is_not_a_negated_mention():
    seg = segment(normalise("我把数据线重新插了一遍就好了，客户拿走以后也没再来找。", "zh"), "zh")
    assert not any(t.negated for t in seg.tokens if t.text == "客户")
    # a fronted thing refused is still negated (小票我是不会去对的)
    fronted = segment(normalise("小票我是不会去对的。", "zh"), "zh")
    assert any(t.negated for t in fronted.tokens if t.text == "小票")


def test_an_ending_told_as_a_change_of_state_is_a_result_told():
    r = run("有个阿姨刚住院的时候不肯吃饭，每顿只吃两口。我陪她聊了才知道她嫌饭太硬，我就跟营养科说了，给她换成软饭和粥，"
            "吃饭的时候我也陪着。过了一个星期，她每顿能吃大半碗了，她女儿来看的时候也说气色好多了。", Q_CARE)
    text = reasons(r)
    assert "没有说到最后的结果" not in text, text


def test_a_belief_is_not_quoted_as_a_deed():
    r = run("有一次一台电脑开机没声音，客户很着急。我一开始以为是喇叭坏了，就换了个新的，结果还是不行。后来仔细看了一下，"
            "发现是音频线松了，重新插紧再测试了几遍，声音就正常了，新喇叭没收他钱。", Q_REPAIR)
    text = reasons(r)
    assert "具体做了什么：“我一开始以为" not in text, text


Q_MOTIVE = {"text": "你为什么想做上门护理员这份工作？你对这份工作了解多少？", "answer_seconds": 120, "type": "motivation",
            "competencies": [{"name": "职业动机", "weight": 0.4, "keywords": ["喜欢老人", "爱心", "帮助别人"]},
                             {"name": "岗位认知", "weight": 0.35, "keywords": ["体力活", "上门服务", "辛苦"]},
                             {"name": "稳定性", "weight": 0.25, "keywords": ["长期", "稳定", "坚持"]}]}


def test_a_plan_said_with_its_subject_elided_or_enjoying_the_work_is_a_reason():
    for text in ("我爷爷瘫痪那三年，社区的护理员每周上门两次，爷爷最盼那天。我知道这活要抬人、防摔、量血压，"
                 "上个月考了护理员证，也跟着师傅实习了十单，想长期干下去。",
                 "我在养老院做过一年护工，挺享受把一个不肯洗澡的老人慢慢哄好的过程，上门虽然更累，我能接受。"):
        r = run(text, Q_MOTIVE)
        assert r["status"] == "scored" and "回答没有说出自己的理由" not in reasons(r), reasons(r)


def test_a_motivation_answer_is_never_told_both_that_it_gave_a_reason_and_that_it_gave_none():
    for text in ("我之前在养老院做了一年护工。那时候有个老人不肯洗澡，我陪她聊了半个小时，她才同意。",
                 "我在医院做过两年护工，也考了护理员证，想长期干下去。"):
        said = reasons(run(text, Q_MOTIVE))
        assert not ("回答没有说出自己的理由" in said and "说了想来的具体理由" in said), said
