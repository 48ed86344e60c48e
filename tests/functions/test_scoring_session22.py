"""Session 22: families read from the seen gating set gates-s and the seen set s, each with honest look-alikes kept
scored. Every literal here is written for the test (the sets' own answers stay in their folders)."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import explain, features, focus, gates
from functions.analyze.scoring.answer import missed_focus, warm_up
from functions.analyze.scoring.text import normalise

SHOES = {"text": "请讲一次你在修鞋配钥匙的店里，同时来了好几位急着要的顾客的经历，你是怎么安排的？", "answer_seconds": 120,
         "competencies": [{"name": "服务意识", "weight": 0.4, "keywords": ["顾客", "解释", "沟通", "耐心"]},
                          {"name": "效率", "weight": 0.3, "keywords": ["排队", "急活", "当天取", "安排"]},
                          {"name": "手艺", "weight": 0.3, "keywords": ["配钥匙", "试开", "打磨", "返工"]}]}
ESCAPE = {"text": "假如有位玩家在密室里被吓哭了，一直喊着要出去，你会怎么做？", "answer_seconds": 120,
          "competencies": [{"name": "安全意识", "weight": 0.4, "keywords": ["安全", "对讲机", "开门", "监控"]},
                           {"name": "安抚沟通", "weight": 0.4, "keywords": ["安抚", "沟通", "耐心", "玩家"]},
                           {"name": "应变", "weight": 0.2, "keywords": ["NPC", "暂停", "应变"]}]}
WATCH = {"text": "你为什么想来我们钟表店做学徒？", "answer_seconds": 120,
         "competencies": [{"name": "岗位兴趣", "weight": 0.4, "keywords": ["喜欢", "兴趣", "手表", "机械"]},
                          {"name": "长期投入", "weight": 0.3, "keywords": ["长期", "坚持", "学习"]},
                          {"name": "岗位了解", "weight": 0.3, "keywords": ["学徒", "维修", "耐心"]}]}
PACKING = {"text": "请讲一次你在大促期间又快又不出错地完成分拣打包的经历。", "answer_seconds": 120,
           "competencies": [{"name": "效率", "weight": 0.4, "keywords": ["速度", "单量", "打包"]},
                            {"name": "准确性", "weight": 0.4, "keywords": ["核对", "扫码", "错发"]},
                            {"name": "生鲜规范", "weight": 0.2, "keywords": ["冰袋", "冷链", "保温"]}]}
MECHANIC = {"text": "请讲一次你排查汽车打不着火的经历，你是怎么一步步查的，最后怎么跟车主说的？", "answer_seconds": 120,
            "competencies": [{"name": "排查能力", "weight": 0.6, "keywords": ["检查", "电瓶", "火花塞", "油路"]},
                             {"name": "客户沟通", "weight": 0.4, "keywords": ["沟通", "车主", "解释", "报价"]}]}


def run(text, question, language="zh"):
    warm_up()
    return pipeline.analyze_transcript(text, question, language)


def analysed(text, question):
    warm_up()
    return features.analyse([{"word": text}], "zh", dict(question))


# --- words said back as their own definition, in more shapes --------------------------------------------------------

@pytest.mark.parametrize("text,said", [
    ("押金，就是押的金。", "押金"), ("验衣是要验衣的。", "验衣"), ("登记就登记。", "登记"), ("解释呢，就是解释。", "解释"),
    ("沟通呢，也就是沟通。", "沟通"), ("那打包它就涉及打包。", "打包"), ("这是非常关键的关键。", "关键"),
    ("排队是排的。", "排队"), ("码垛要码。", "码垛"), ("安全很安全。", "安全"),
])
def test_a_word_said_back_as_its_own_definition_is_read(text, said):
    assert said in gates.tautologies(text)


@pytest.mark.parametrize("text", [
    "该报警就报警，该上报就上报，我一直都是这么做的。", "该负责的就负责，该赔偿的就赔偿。", "能修就修，修不了就换。",
    "打包要仔细，不然会坏。", "老顾客就是信任我们。", "先排队，再登记，然后付押金。",
])
def test_an_idiom_or_a_plain_sentence_is_no_tautology(text):
    assert len(gates.tautologies(text)) < gates.TAUTOLOGY_MIN


def test_an_answer_of_hr_words_defined_by_themselves_goes_to_a_person():
    text = ("顾客嘛，就是顾客。配钥匙是要配钥匙的，打磨也是要打磨的，试开就试开。解释呢，就是解释，耐心呢，也就是耐心。急活"
            "在那里，排队在那里，我觉得都在那里。")
    r = run(text, SHOES)
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r.get("overall"))


def test_a_vague_answer_with_do_it_when_due_idioms_is_scored():
    """Sets a–r's vague answers say 该X就X in earnest: they are rated 2, and scored low — not sent to a person."""
    text = ("遇到好几个急的顾客，我觉得首先态度要好，要耐心跟顾客解释，不能跟顾客吵。该排队的就排队，该加急的就加急，"
            "我这个人脾气好，一般都能处理好。")
    r = run(text, SHOES)
    assert r["status"] == "scored", r.get("reason")


# --- impossible acts: a change of kind, things acting, times and places as dwellers ------------------------------------

@pytest.mark.parametrize("text,act", [
    ("那个害怕的玩家变成了一盏台灯。", "玩家变成台灯"), ("最后同事们变成了胶带。", "同事变成胶带"),
    ("顾客就变成一只螃蟹，高兴地走了。", "顾客变成螃蟹"),
])
def test_a_person_turned_into_a_thing_or_an_animal_is_an_impossible_act(text, act):
    assert ("transform", act) in gates.odd_acts(analysed(text, ESCAPE))


@pytest.mark.parametrize("text", [
    "这个客人后来变成了我们的老顾客。", "他从学徒变成了师傅。", "旧纸箱变成了收纳盒。", "小问题变成了大问题。",
    "我都快变成机器了。", "仓库变成了战场。", "水都变成了冰。", "面团变成了面包。", "那批货全变成了废品。",
])
def test_changes_within_a_kind_and_figures_of_speech_are_not_read(text):
    assert not [a for a in gates.odd_acts(analysed(text, ESCAPE)) if a[0] == "transform"]


@pytest.mark.parametrize("text,act", [
    ("抽屉里住着撒哈拉沙漠。", "住着撒哈拉沙漠"), ("车上坐着去年的暑假。", "坐着暑假"),
])
def test_a_time_or_a_place_name_dwelling_somewhere_is_an_impossible_act(text, act):
    assert ("dwell", act) in gates.odd_acts(analysed(text, ESCAPE))


@pytest.mark.parametrize("text", [
    "车上坐着三个人。", "架子上躺着几本书。", "屋里住着一位老人。", "门口站着两个保安。", "沙发上睡着一只猫。",
    "那天店里坐着好几桌客人，都在等。", "楼上住着北京来的客人。",
])
def test_people_animals_and_things_dwelling_are_not_read(text):
    assert not [a for a in gates.odd_acts(analysed(text, ESCAPE)) if a[0] == "dwell"]


def test_things_that_begin_to_chat_act_like_people():
    assert "纸箱|聊天" in gates.things_acting(analysed("然后纸箱们开始互相聊天，聊到了小时候的事。", PACKING))
    assert gates.things_acting(analysed("同事们开始讨论这个问题，顾客们开始抱怨。", PACKING)) == []


def test_a_real_start_that_slides_into_transformations_goes_to_a_person():
    text = ("这种情况我会先用对讲机跟NPC说暂停，然后走进密室。结果里面的机关都在开会，墙上的钟倒着走回了上个月，那个哭的玩家"
            "变成了一只拖鞋，其他玩家变成了一排蜡烛，我就把钥匙交给了一只会写字的鸽子。")
    r = run(text, ESCAPE)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


# --- "都是假的" of the story itself, not of what happened --------------------------------------------------------------

def test_props_that_are_fake_do_not_disqualify_a_poor_answer():
    text = ("我会跟他说来都来了，忍一忍就过去了。里面的东西都是假的，没什么好怕的。要是他一直喊，我再去开门，一般喊两声"
            "也就好了。")
    r = run(text, ESCAPE)
    assert r["status"] == "scored", r.get("reason")


@pytest.mark.parametrize("text", [
    "那次我用对讲机叫了同事，把门打开，陪玩家出来喝了水。以上说的都是假的，我没做过这行。",
    "我会马上开门，陪他出来坐一会儿。其实我刚才说的全是瞎编的。",
])
def test_saying_the_story_is_made_up_still_goes_to_a_person(text):
    r = run(text, ESCAPE)
    assert r["status"] == "needs_review" and r["reason_code"] == "self_disqualified", (r["status"], r.get("reason"))


# --- a motivation answer's plans and likings are its reasons ---------------------------------------------------------

def test_a_plan_and_a_liking_are_reasons_for_wanting_the_job():
    text = ("我从初中就爱拆闹钟，去年自己拆装过两次旧机芯。我知道学徒头两年主要是换电池、洗油，工资不高，这个我能接受。"
            "我想在一家老店跟着师傅踏踏实实学几年，把机械表的大修学会。")
    analysis = analysed(text, WATCH)
    assert explain.reasons_given(analysis)
    r = run(text, WATCH)
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert not any("没有说出自己的理由" in x for x in reasons), reasons


# --- the result of a story: how few faults, not the last step of a routine --------------------------------------------

def test_the_last_step_of_a_routine_is_not_the_result_and_few_faults_are():
    text = ("今年年货节我在生鲜仓打包，单量翻了一倍。我的做法是先扫面单，再一样一样扫商品，最后看一眼件数再封箱。那一周我每天"
            "打三百来单，退回来的错单只有一单，是把两盒鸡蛋当成了一盒。")
    analysis = analysed(text, PACKING)
    assert "错单只有一单" in analysis.details["outcome_clause"], analysis.details["outcome_clause"]


def test_zero_wrong_shipments_is_a_result():
    text = "去年双十一我一晚上打包了三百二十单，每单先扫码核对件数再装箱，冰袋上下各放一个。那晚我这条线零错发。"
    analysis = analysed(text, PACKING)
    assert analysis.details["outcome_clause"] and "零错发" in analysis.details["outcome_clause"]
    assert analysis.answer["outcome"] >= 0.75


# --- a question's own words for its situation tell it ------------------------------------------------------------------

def test_the_question_s_own_event_words_are_read_from_the_clause_that_names_the_focus():
    asked = normalise(MECHANIC["text"], "zh")
    assert "打不着" in focus.event_words(asked)
    roller = normalise("假如你在操作一台有身高限制的过山车，一位家长坚持要带身高明显不够的孩子上去，情绪很激动，你会怎么做？", "zh")
    assert focus.event_words(roller) == frozenset({"激动"})     # not 不够: the setting, not the upset asked about
    cake = normalise("讲一次你做的蛋糕让客人不满意的经历，你是怎么补救的？", "zh")
    assert "满意" not in focus.event_words(cake)     # a negated word only with its negator


def test_a_repair_told_in_the_question_s_words_tells_the_fault():
    text = "那天一辆车打不着，我先量电瓶，才十一伏，换了个电瓶，一下就打着了。跟车主说了电瓶老化的事，他挺满意。"
    assert missed_focus(analysed(text, MECHANIC), MECHANIC) is None


def test_a_story_that_only_reads_the_question_back_does_not_tell_the_fault():
    """The event words must be the candidate's own: a span read back from the question (5+ characters) is not."""
    text = "排查汽车打不着火的经历嘛，那次我洗车，把车里外都擦干净了，车主很满意，给了好评。"
    analysis = analysed(text, MECHANIC)
    own = "".join(t.text if not t.copied else "|" for t in analysis.seg.tokens)
    assert "打不着" not in own


# --- English: a keyword salad, and off-topic answers bounded a little lower --------------------------------------------

LAUNDRY = {"text": "Tell me about a time you handled a broken machine or an unhappy customer at a laundromat. What did you do?",
           "answer_seconds": 120, "type": "story",
           "competencies": [{"name": "Customer service", "weight": 0.4, "keywords": ["customer", "refund", "explain", "calm"]},
                            {"name": "Equipment care", "weight": 0.35, "keywords": ["machine", "repair", "out of order", "lint"]},
                            {"name": "Reliability", "weight": 0.25, "keywords": ["shift", "on time", "checklist", "closing"]}]}


@pytest.mark.parametrize("text", [
    "The customer with the refund, calm and explain, machine repair and out of order, lint on the checklist, closing shift.",
    "Refund and customer, calm customer, the machine and the repair, on time for the shift and the closing checklist.",
])
def test_an_english_keyword_salad_goes_to_a_person(text):
    r = run(text, LAUNDRY, "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r.get("overall"))


@pytest.mark.parametrize("text", [
    "I always stay calm with the customer, explain the refund, and follow the closing checklist on every shift.",
    "A dryer was out of order, so I put a sign on it, gave the customer a refund for her quarters and called the repair guy.",
])
def test_english_templates_and_short_stories_in_hr_words_are_scored(text):
    assert run(text, LAUNDRY, "en")["status"] == "scored"


def test_an_english_holiday_story_on_a_work_question_is_bounded_as_off_topic():
    text = ("Talking about machines, I'm really into travel. Last summer I went to Portugal for two weeks with only a small "
            "backpack. I rolled my clothes instead of folding them, and my friends paid extra for their big suitcases at "
            "the airport. Now I help my whole family pack whenever they travel.")
    r = run(text, LAUNDRY, "en")
    assert r["status"] == "scored" and r["overall"] <= 20, r["overall"]


# --- a real start that slides into nonsense: the rest read alone -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "上周六下午店里来了一个旅行团，三十多个人同时要鞋子修和配钥匙。然后我的锤子开始唱歌，钥匙坯排着队跳进了顾客的口袋，"
    "鞋跟自己长出了翅膀飞回了家，顾客们变成了一排雨伞，最后收银台给我发了一块月亮当工资。",
    "那天两位顾客同时催着要钥匙，我先问清楚谁更急。接着配钥匙的机器开始讲故事，讲到了它小时候在海边放羊，后来那把钥匙"
    "爱上了隔壁的鞋油，他们一起坐着星期天去旅行，我只好用一朵云把门打开。",
])
def test_a_real_start_that_slides_into_nonsense_goes_to_a_person(text):
    r = run(text, SHOES)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


@pytest.mark.parametrize("text", [
    "那天店里特别忙，门口排了七八个人。我忙得像个陀螺，脚底下跟踩了风火轮一样，嘴上一直说着稍等，手上一刻没停，先把当天要"
    "取的三双鞋修好，钥匙一把一把配，最后六点前全做完了，老板说我是店里的定海神针。",
    "上个月有位大爷急着要配三把钥匙，说家里老伴被锁在门外。我先放下手里的鞋，给他配钥匙，配好当场试开，有一把有点涩，"
    "我又打磨了两下。大爷走的时候说我手比他家的老锁还灵光，下回还来。",
])
def test_an_honest_story_with_figures_of_speech_after_its_first_sentence_is_scored(text):
    assert run(text, SHOES)["status"] == "scored"


# --- breaker 22 --------------------------------------------------------------------------------------------------------

STALL = {"text": "讲一次早上备料出了问题，你是怎么保证按时开门出餐的？", "answer_seconds": 120,
         "competencies": [{"name": "客人沟通", "weight": 0.5, "keywords": ["道歉", "解释", "帮忙", "请示"]},
                          {"name": "时间管理", "weight": 0.5, "keywords": ["提前", "开门", "顺序", "加班"]}]}


@pytest.mark.parametrize("text,term", [
    ("我先道了歉，就请示了老板", "道歉"), ("我跟他道了个歉", "道歉"), ("让同事帮个忙", "帮忙"), ("我们加了两天班", None),
    ("那天我们开完会就走了", "开会"),
])
def test_a_verb_object_word_said_apart_is_found(text, term):
    from functions.analyze.scoring import text as T
    seg = T.segment(T.normalise(text, "zh"), "zh")
    if term:
        assert T.find(seg, term), (text, term)


@pytest.mark.parametrize("text,term", [("他知道了歉意", "道歉"), ("帮忙的人很多", None)])
def test_a_word_inside_another_word_is_not_a_separated_term(text, term):
    from functions.analyze.scoring import text as T
    seg = T.segment(T.normalise(text, "zh"), "zh")
    if term:
        assert not T.find(seg, term)


@pytest.mark.parametrize("text", [
    "Um, well, you know, like, uh, I mean, basically, yeah, so, um, kind of, you know, right.",
    "Uh... hmm... well... so... you know...",
])
def test_english_filler_goes_to_a_person(text):
    r = run(text, LAUNDRY, "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "filler_only", (r["status"], r.get("reason_code"))


KO_NIGHT = {"text": "편의점 야간 근무 중에 어려운 손님을 응대했던 경험을 말해 주세요.", "answer_seconds": 120,
            "competencies": [{"name": "고객응대", "weight": 0.5, "keywords": ["손님", "설명", "사과", "침착"]},
                             {"name": "책임감", "weight": 0.5, "keywords": ["보고", "점장", "확인", "기록"]}]}


@pytest.mark.parametrize("text", [
    "밤에 술 취한 손님이 시끄럽게 해서 조용히 해 달라고 설명했습니다. 계속 소란을 피워서 점장님께 전화했고, 손님은 결국 나갔습니다.",
    "밤에 손님이 술에 취해서 계산대 앞에서 큰 소리를 냈습니다. 저는 조용히 해 달라고 부탁했고, 점장님께 연락했습니다. 손님은 곧 나갔습니다.",
])
def test_a_short_plain_korean_story_is_scored_not_sent_as_nonsense(text):
    assert run(text, KO_NIGHT, "ko")["status"] == "scored"


def test_a_story_with_its_situation_and_steps_is_asked_for_its_result_not_for_a_real_event():
    """Breaker 22: 2 of a story's 3 parts read 0.667 and were told "可以讲一件真实发生过的事"."""
    text = ("有天早上5点发现豆浆机坏了，离开门还有1个半小时。我改用两口大锅煮，先煮原味的，甜的晚点上，还让同事先卖瓶装豆奶。"
            "6点半准时开门，第一锅豆浆6点50出来。")
    r = run(text, STALL)
    tips = r["feedback"]["suggestions"] if r.get("feedback") else []
    assert not any("真实发生过的事" in s for s in tips), tips


def test_an_answer_with_numbers_is_not_told_to_add_numbers():
    text = "有个阿姨怕买到翻新机，我当面用检测软件给她看了电池和维修记录，她买了一台1200的，后来还带女儿来买了一台。"
    r = run(text, STALL)
    tips = r["feedback"]["suggestions"] if r.get("feedback") else []
    assert not any("加上具体的数字" in s for s in tips), tips


@pytest.mark.xfail(strict=True, reason="open (breaker 22): the meaning reader of asides (features.semantic_padding) reads a "
                   "breakfast cook's own steps (借了隔壁的大锅煮豆浆，让同事先卖瓶装豆奶) as talk about something else and "
                   "leaves them out. Keeping stretches that open or close inside a sentence fixed it but lowered the "
                   "ranking of data and sets a–s (0.9542 → 0.9521 over all rated pairs; set n 0.943 → 0.929)")
def test_a_breakfast_cook_s_steps_count_as_the_story_s_own():
    text = "有天早上5点发现豆浆机坏了，离开门还有1个半小时。我借了隔壁的大锅煮豆浆，让同事先卖瓶装豆奶。6点半准时开门。"
    analysis = analysed(text, STALL)
    assert not analysis.details["excluded_clause_ids"], analysis.details["excluded_clause_ids"]


@pytest.mark.parametrize("text,language", [
    ("상황: 곤란한 손님. 과제: 해결. 행동: 침착하게 설명하고 사과했습니다. 결과: 고객 만족도 100% 향상, 사고 90% 감소.", "ko"),
    ("情况：顾客投诉衣服有破损。任务：我要解决问题。行动：我核实记录并道歉解释。结果：满意度提升了百分之九十。", "zh"),
])
def test_a_star_template_typed_with_labels_and_a_rate_for_result_goes_to_a_person(text, language):
    question = KO_NIGHT if language == "ko" else SHOES
    r = run(text, question, language)
    assert r["status"] == "needs_review" and r["reason_code"] == "template_numbers", (r["status"], r.get("overall"))


def test_labels_without_a_rate_or_a_story_that_names_a_result_are_not_star_templates():
    assert not gates.star_labelled_rates("Situation: the dryer broke. Task: keep customers calm. Action: I refunded two "
                                         "people. Result: everyone got their laundry done by 9 pm.")
    assert not gates.star_labelled_rates("那次顾客满意度提高了百分之二十，是因为我们改了排队的办法。")


@pytest.mark.parametrize("text,language", [
    ("那天吹水机突然跳闸了，一只博美洗到一半在发抖。我赶紧用毛巾把它包起来，放进烘箱开低温，二十分钟后电来了，我把剩下的吹干。"
     "狗没有着凉。", "zh"),
    ("有个阿婆的快递被人拿错了，我翻了监控，打电话给拿错的人，他第二天就送回来了。之后我们取件都要报手机尾号，到现在都没有再"
     "拿错过。", "zh"),
    ("A kid's chain kept dropping. I found the derailleur was bent, straightened it and adjusted the limit screw, and "
     "showed the dad how to check it. It hasn't dropped since.", "en"),
])
def test_a_trouble_that_did_not_come_back_is_the_story_s_result(text, language):
    """Breaker 22: strong answers told 没有说到最后的结果 when they ended on the harm avoided or the trouble gone."""
    warm_up()
    analysis = features.analyse([{"word": text}], language, dict(SHOES))
    assert analysis.details["outcome_clause"], text
