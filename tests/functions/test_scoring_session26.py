"""Session 26: story-shaped Chinese nonsense whose acts the impossible-act readers did not know (breaker 25: 我骑着冰箱去
送一首歌，导航说顾客住在星期三，我就打电话给一只鸭子…我准时到达了月亮 passed at 60.2). Families, not the instances: a thing
ridden that is no vehicle or beast (骑着冰箱/洗衣机), a time lived in (住在星期三/明年), a call to an animal (打电话给一只鸭子),
nature reached (抵达了太阳), nature transacting past a locative phrase (月亮在微信里收了现金) — and the honest sentences
that share their words (骑着电动车, 住在三楼, 住在上周订的酒店, 打电话给它的主人, 月亮在天上挂着) stay scored."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates

QUESTION = {"text": "讲一次你送货时遇到意外的经历，你是怎么处理的？", "answer_seconds": 120,
            "competencies": [{"name": "应变能力", "weight": 0.5, "keywords": ["处理", "联系", "解决"]},
                             {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "准时", "道歉"]}]}


def said_of(r):
    """Every reason HR reads of a result, joined."""
    return " ".join(s for c in r.get("competencies") or [] for s in c["reasons"])


def odd(text):
    return [kind + ":" + act for kind, act in gates.odd_acts(features.analyse([{"word": text}], "zh", QUESTION))]


@pytest.mark.parametrize("text, expected", [
    ("那天我骑着洗衣机去了仓库，后来就下班了。", "ride:骑洗衣机"),
    ("我骑着冰箱过去送餐，一路上很顺利。", "ride:骑冰箱"),
    ("顾客住在明年，所以我送得晚了一点。", "dwell:住在明年"),
    ("导航显示收件人住在星期三，我只好先回站点。", "dwell:住在星期三"),
    ("我打电话给一只鸭子，问它货放哪里。", "being:打电话给鸭子"),
    ("最后我按时抵达了太阳，把货交了。", "dwell:抵达太阳"),
    ("原因是月亮在微信里收了现金，账就对不上了。", "being:月亮收"),
])
def test_an_act_no_one_can_do_is_read(text, expected):
    assert expected in odd(text), odd(text)


@pytest.mark.parametrize("text", [
    "那天我骑着电动车去送货，顾客住在三楼，我到了以后打电话给他，十分钟就送到了。",
    "我骑着青桔过去，打电话给狗主人，说狗狗打完疫苗了。",
    "我们住在上周订的酒店，第二天准时到达了会场。",
    "宠物店那天狗狗走丢了，我骑车到处找，最后打电话给它的主人，主人说狗自己跑回家了。",
    "晚上收摊的时候月亮在天上挂着，我把账核对了三遍，一分不差。",
    "我骑着电瓶过去，准时到达了小区门口，客户住在六楼。",
    "小区停电，我骑着三轮把二十桶水送上去，到达的时候是下午三点。",
])
def test_honest_sentences_with_the_same_words_read_no_impossible_act(text):
    assert odd(text) == []
    assert pipeline.analyze_transcript(text, QUESTION, "zh")["status"] == "scored"


@pytest.mark.parametrize("text", [
    "那天下雨，我骑着沙发去送单，顾客住在明年，我打电话给一条鱼，鱼说放门口就行。",
    "我骑着洗衣机去了仓库，打电话给一只猫问货在哪，它说货住在下周二，我就准时抵达了太阳。",
])
def test_a_story_of_such_acts_goes_to_a_person(text):
    r = pipeline.analyze_transcript(text, QUESTION, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


BUSY = {"text": "讲一次店里特别忙的时候，你是怎么应对的？", "answer_seconds": 120,
        "competencies": [{"name": "服务意识", "weight": 0.4, "keywords": ["顾客", "耐心"]},
                         {"name": "效率", "weight": 0.3, "keywords": ["速度", "出杯"]},
                         {"name": "团队配合", "weight": 0.3, "keywords": ["同事", "分工"]}]}


def scores(text):
    r = pipeline.analyze_transcript(text, BUSY, "zh")
    return r, said_of(r)


@pytest.mark.parametrize("text", [
    "有一次，2022年8月8日下午3点15分，在人民路88号店，来了128位顾客，我做了256杯，用时3小时，同事3人，满意度100%。",
    "去年国庆，10月2日中午12点，解放路店，顾客200人，出杯300杯，等候15分钟，同事4人，好评率98%。",
    "那天周六，下午两点到五点，排队四十人，外卖六十单，同事两人，出杯一百八十杯，零差评。",
])
def test_figures_in_place_of_deeds_stay_under_the_pass_line(text):
    # breaker 25's list of invented figures passed at 61.3, above the honest good answer; figures are not praised
    r, said = scores(text)
    assert r["status"] != "scored" or r["overall"] <= 45, r["overall"]
    if "一串数字" in said:     # (or a lower bound: the third tells no deed of the candidate's own at all)
        assert "整体说法比较具体" not in said and "举了具体的" not in said, said
    assert r["status"] != "scored" or "一串数字" in said or "没有说自己做了什么" in said, said


@pytest.mark.parametrize("text", [
    "周六促销那天排了二十多人，我让一个人专门收银、一个专门摇茶，我自己加料封口，还出去跟排队的人说大概等十分钟。三小时做了三百多杯，没出一单错。",
    "1. 下午三点，外卖四十单排着。2. 我先把热的和冷的分开。3. 冷的先装，热的按下单顺序出。4. 每单出门前对一遍小票。五点前全部送完。",
    "上个月周六，门口排了二十多个人，外卖单一直响。我跟店长说外卖暂停十五分钟，我和同事一个收银一个做，我还给排队的人发了号，四十分钟后队就排完了。",
])
def test_stories_dense_with_figures_but_told_as_deeds_are_not_bounded(text):
    r, said = scores(text)
    assert r["status"] == "scored" and "一串数字" not in said, said
    assert r["overall"] > 45, r["overall"]


DELIVERY = {"text": "请讲一次你送货时遇到意外情况的经历，比如地址不对、货物破损或者客户不在家。当时你是怎么解决的？结果如何？",
            "answer_seconds": 120,
            "competencies": [{"name": "问题解决", "weight": 0.4, "keywords": ["解决", "核对", "办法"]},
                             {"name": "责任心", "weight": 0.3, "keywords": ["负责", "仔细"]},
                             {"name": "客户沟通", "weight": 0.3, "keywords": ["沟通", "解释"]}]}
RUN_ON = ("那次是夏天快中午的时候我给城东一个食堂送十桶五升的花生油还有六袋大米到了那里食堂的人说订单是两桶油不是十桶我就先没卸货"
          "拿出送货单跟他们核对一看单子上确实写的十桶是他们采购下单的时候多点了一个零我就给店里打电话问能不能退店长说可以我就跟食堂"
          "管事的说多的八桶我原车拉回去他们在单子上改了数量签了字我回店里把八桶重新入库当天下午就把账改好了食堂那边后来专门打电话给"
          "店长说我们送货的人靠谱下个月又订了")


def test_a_long_unpunctuated_story_is_not_nonsense_for_a_few_pairs_misread_at_its_seams():
    # set x (first look, session 26): gated as nonsense on 4 pairs of 4 read over 200 characters (改好|食堂: 账改好了 /
    # 食堂那边…), then bounded at 35 as tampering for 把账改好了 after 多点了一个零 was found
    r = pipeline.analyze_transcript(RUN_ON, DELIVERY, "zh")
    assert r["status"] == "scored", r.get("reason")
    said = said_of(r)
    assert "篡改" not in said and r["overall"] > 60, (r["overall"], said)


@pytest.mark.parametrize("text", [
    "客户下单的时候多订了五箱，我核对以后在单子上改了数量，让他签了字，回店里把账改好了。",
    "盘点发现少录了三箱，我跟主管说了，在系统里把库存改过来了。",
])
def test_a_record_corrected_after_an_extra_or_missing_entry_is_found_is_no_tampering(text):
    r = pipeline.analyze_transcript(text, DELIVERY, "zh")
    said = said_of(r)
    assert r["status"] == "scored" and "篡改" not in said, said


def test_a_record_changed_to_hide_an_extra_entry_is_still_tampering():
    r = pipeline.analyze_transcript("那天我多送了两箱，怕被扣钱，就悄悄把送货单改了，店长也没发现。", DELIVERY, "zh")
    said = said_of(r)
    assert r["status"] == "scored" and "反面信息" in said and r["overall"] <= 35, (r["overall"], said)


CONFLICT = {"text": "说一次托管班里两个孩子发生冲突的经历，你是怎么处理的？家长那边怎么沟通的？", "answer_seconds": 120,
            "competencies": [{"name": "耐心细致", "weight": 0.5, "keywords": ["耐心", "了解"]},
                             {"name": "家长沟通", "weight": 0.5, "keywords": ["家长", "沟通"]}]}


@pytest.mark.parametrize("word", ["发生冲突", "闹矛盾", "有争执"])
@pytest.mark.parametrize("text", [
    "两个二年级男孩为抢座位扭打，我先拉开、检查有没有受伤，再分开问清谁先动手，让两人互相道歉。当晚分别给两位家长打电话讲了经过，第二天两人又一起玩了。",
    "小宇推了小涵一下，她额头磕到桌角。我先把两个孩子分开，带小涵去冰敷，等他们平静下来问清经过，让小宇道歉。五点半接孩子时我跟小涵妈妈讲清楚经过，晚上又给小宇家长打了电话。",
])
def test_a_conflict_between_others_told_in_deeds_answers_a_conflict_question(word, text):
    # breaker 26: 冲突/矛盾 in the question read as "a disagreement of the candidate's own"; a fight told as 抢、推、扭打
    # and mediated was bounded at 35 as "telling no disagreement", the same text under 打架 scored 91.8
    q = dict(CONFLICT, text=CONFLICT["text"].replace("发生冲突", word))
    r = pipeline.analyze_transcript(text, q, "zh")
    said = said_of(r)
    assert r["status"] == "scored" and "没有讲到这种情况" not in said and r["overall"] > 60, (r["overall"], said)


def test_a_story_of_something_else_on_a_conflict_question_is_still_bounded():
    text = ("去年双十一前一晚仓库多了300箱货，我和组长一起把货分成三批，我负责贴面单，组长装箱，第二天上午十点半全部发走了，"
            "客户一箱都没有退。")
    r = pipeline.analyze_transcript(text, CONFLICT, "zh")
    assert r["status"] == "scored" and r["overall"] <= 35, r["overall"]


GARDEN = {"text": "Tell me about a time a job in a client's garden went wrong or ran behind schedule. What did you do, and how "
                  "did it turn out?", "answer_seconds": 120, "type": "story",
          "competencies": [{"name": "Problem solving", "weight": 0.5, "keywords": ["fix", "plan", "solution"]},
                           {"name": "Client communication", "weight": 0.5, "keywords": ["client", "explain", "update"]}]}
LAUNDRY = {"text": "세탁 중에 고객의 옷이 손상되었거나 고객이 불만을 제기한 경험을 말씀해 주세요. 어떻게 처리했고 결과는 어땠나요?",
           "answer_seconds": 120, "type": "story",
           "competencies": [{"name": "고객 응대", "weight": 0.5, "keywords": ["사과", "설명", "고객"]},
                            {"name": "문제 해결", "weight": 0.5, "keywords": ["보상", "해결", "확인"]}]}


@pytest.mark.parametrize("question, language, text", [
    (GARDEN, "en", "I fixed 100% of problems with 3 plans and 5 solutions, explained 12 times to the client, sent 50 "
                   "updates, improved satisfaction by 200% and saved 10,000 dollars."),
    (GARDEN, "en", "I have 15 years of experience, completed 2,000 projects, fixed 500 problems with 100% success, planned "
                   "300 gardens, explained solutions to 1,000 clients, and sent 10,000 updates, increasing client "
                   "satisfaction by 95%."),
    (GARDEN, "en", "Over 8 years I handled 400 complaints, made 60 plans, answered 900 questions and raised client "
                   "satisfaction by 40% and repeat bookings by 30%."),
    (LAUNDRY, "ko", "저는 10년 동안 고객 5000명에게 사과하고 300건을 해결했으며 보상 만족도 100%, 확인 정확도 99%를 달성했고 설명 "
                    "시간은 50% 줄였습니다."),
])
def test_english_and_korean_templates_of_invented_numbers_go_to_a_person(question, language, text):
    # breaker 26: 61.6, 67.5 and 51.4 — two above the pass line; the Chinese ones were gated already
    r = pipeline.analyze_transcript(text, question, language)
    assert r["status"] == "needs_review" and r["reason_code"] == "template_numbers", (r["status"], r.get("overall"))


@pytest.mark.parametrize("question, language, text", [
    (GARDEN, "en", "Last April we were laying a 40-square-metre patio for a client who had a garden party booked for the "
                   "Saturday. On Tuesday we hit an old concrete footing, which cost us a full day. I called the client, "
                   "explained what we had found and offered two options. She chose a second crew. We finished on Friday "
                   "at four and she later hired us for her front garden."),
    (GARDEN, "en", "A client's new lawn turf yellowed within a week. I checked and the irrigation timer was set to 2 minutes "
                   "instead of 20. I reset it, re-laid the six worst rolls free, and texted her photos each day. By the "
                   "next week it was green and she left us a five-star review."),
    (LAUNDRY, "ko", "지난달 한 고객님이 흰 셔츠에 다른 옷 물이 들었다고 오셨습니다. 먼저 사과드리고 바로 확인해 보니 저희 실수였습니다. "
                    "전용 세제로 두 번 다시 세탁해서 얼룩을 거의 다 뺐고, 세탁비는 받지 않았습니다. 그 고객님은 지금도 매주 "
                    "오십니다."),
])
def test_honest_stories_with_figures_are_scored(question, language, text):
    r = pipeline.analyze_transcript(text, question, language)
    assert r["status"] == "scored" and r["overall"] > 45, (r["status"], r.get("reason"), r.get("overall"))


@pytest.mark.parametrize("text", [
    "Last Tuesday the patio asked the client to explain the moon, so I planted a solution in the teapot and the hedge "
    "sent updates to a violin. We fixed the river with a plan made of sandwiches, and by Friday the shovel had learned "
    "to sing.",
    "Last spring we were laying turf for a client and the delivery was late, so I called her to explain, and then the "
    "turf became a whale and the whale made a plan with the fence, and the update was that Tuesday is purple, so we "
    "fixed the moon and went home.",
])
def test_english_nonsense_of_garden_things_goes_to_a_person(text):
    # breaker 26: 75.8 and 65.5 — the act reader knew no garden things
    r = pipeline.analyze_transcript(text, GARDEN, "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


DOG = {"text": "讲一次你给一只特别不配合、有攻击性的狗洗澡或修剪的经历，你是怎么做的？", "answer_seconds": 120,
       "competencies": [{"name": "动物安抚", "weight": 0.4, "keywords": ["安抚", "耐心"]},
                        {"name": "与主人沟通", "weight": 0.6, "keywords": ["主人", "沟通", "配合"]}]}


@pytest.mark.parametrize("text", [
    "遇到不配合的狗狗，我会很有耐心，注意安全，多安抚它，跟主人做好沟通，一般都没问题。",
    "违规的顾客很多，我一般先提醒，讲清楚规定，再跟主人沟通好。",
])
def test_conduct_that_qualifies_someone_met_is_not_the_candidates_own(text):
    # breaker 26: the question's own 不配合的狗 read as the candidate's conduct, 与主人沟通 bounded at 35 as 反面信息
    r = pipeline.analyze_transcript(text, DOG, "zh")
    said = said_of(r)
    assert "反面信息" not in said, said


def test_the_candidates_own_conduct_is_still_counter_evidence():
    r = pipeline.analyze_transcript("那次给狗洗澡我就是不配合，主人说什么我都不理。", DOG, "zh")
    said = said_of(r)
    assert "反面信息" in said and r["overall"] <= 35, (r["overall"], said)


def test_a_bad_review_withdrawn_is_no_loss():
    q = {"text": "说一次你做家政保洁时客户提出额外要求或者投诉的经历，你是怎么处理的？", "answer_seconds": 120,
         "competencies": [{"name": "责任心", "weight": 0.5, "keywords": ["负责", "检查"]},
                          {"name": "服务沟通", "weight": 0.5, "keywords": ["沟通", "客户"]}]}
    text = "有客户投诉我擦的玻璃有水印，我当天下午就回去，用刮子加干布重新擦了八扇窗，当着她面检查完，她撤回了差评。"
    said = said_of(pipeline.analyze_transcript(text, q, "zh"))
    assert "不算作做成的结果" not in said, said


UMBRELLA = {"text": "假如一位顾客赶时间，拿来一把伞骨断了的伞和一件拉链坏了的外套，正好师傅不在摊上，你会怎么做？",
            "answer_seconds": 120, "type": "situational",
            "competencies": [{"name": "应变能力", "weight": 0.5, "keywords": ["安排", "解释"]},
                             {"name": "顾客服务", "weight": 0.5, "keywords": ["顾客", "耐心"]}]}


@pytest.mark.parametrize("text", [
    "假如师傅不在，我就会，就是师傅不在的时候，我会先，先那个，假如那个顾客，顾客要是赶时间，我就会先，就是假如，假如师傅不在"
    "我会，我会那个，那个先，然后师傅不在，就先，先就是假如，假如",
    "顾客赶时间的话，嗯，就是顾客赶时间，师傅不在，那我就，就是那个，顾客赶时间我就，嗯，师傅不在摊上，就是那样，顾客赶时间。",
])
def test_the_questions_own_words_turned_round_go_to_a_person(text):
    r = pipeline.analyze_transcript(text, UMBRELLA, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] in ("parroting", "filler_only", "repetition"), \
        (r["status"], r.get("overall"))


@pytest.mark.parametrize("text", [
    "师傅不在的话，我先跟顾客说清楚，伞我自己会修就先换伞骨，拉链我留下，留个电话，师傅回来修好给他送过去。",
    "对待赶时间的顾客，我会很有耐心，先安抚，再想办法，不会让顾客白跑一趟。",
])
def test_a_short_plan_or_a_vague_answer_in_its_own_words_is_scored(text):
    assert pipeline.analyze_transcript(text, UMBRELLA, "zh")["status"] == "scored"


def test_a_set_phrase_of_a_verb_and_its_object_is_no_concrete_name():
    # breaker 26 (and 13 answers of sets a–h): 举了具体的数字、时间或名称：注意安全
    q = {"text": "讲一次你上门维修时遇到的棘手问题，你是怎么判断原因、怎么解决的？", "answer_seconds": 120,
         "competencies": [{"name": "问题诊断", "weight": 1.0, "keywords": ["排查", "原因"]}]}
    r = pipeline.analyze_transcript("维修的时候我都会认真排查原因，注意安全，跟业主解释清楚。遇到问题不慌，一步一步来，总能解决的。",
                                    q, "zh")
    said = said_of(r)
    assert "名称：注意安全" not in said and "笼统" in said, said
    assert features._verb_phrase("注意安全") and not features._verb_phrase("登记表") \
        and not features._verb_phrase("广播站") and not features._verb_phrase("淘宝网")


def test_a_new_compound_of_a_less_common_and_an_everyday_character_is_no_garble():
    # breaker 26: 一只橘猫一只英短 was noted as "约有 10% 的内容连不成词语"
    r = pipeline.analyze_transcript("我自己养了两只猫，一只橘猫一只英短，橘猫特别能吃，现在都十六斤了，每天早上五点就叫我起床。",
                                    DOG, "zh")
    said = said_of(r)
    assert "连不成词语" not in said, said


@pytest.mark.parametrize("text, ending", [
    ("一位大学生想练引体向上，一个都拉不起来。我给他排了弹力带辅助加离心下放的计划，每周三练，每次课后在群里打卡。第六周他拉了五个，"
     "发了朋友圈@我。", "第六周他拉了五个"),
    ("她数学一直不及格，我每天放学陪她把错题重做一遍，一个月后她单元测验考了九十二分。", "考了九十二分"),
])
def test_what_the_person_helped_achieved_later_is_told_as_the_ending(text, ending):
    # breaker 26 and four answers of sets c, e, h, r were told 没有说到最后的结果
    q = {"text": "讲一次你帮助一位学员坚持下去、达到目标的经历，你具体做了哪些事？", "answer_seconds": 120,
         "competencies": [{"name": "专业指导", "weight": 1.0, "keywords": ["计划", "指导"]}]}
    said = said_of(pipeline.analyze_transcript(text, q, "zh"))
    assert "没有说到最后的结果" not in said and ending in said, said


def test_readings_in_a_unit_of_another_dimension_are_impossible_acts():
    assert [a for _, a in gates._unit_mismatches("东南风三到四斤，气温将升至四十个星期，体温两碗")] == \
        ["东南风三到四斤", "气温将升至四十个星期", "体温两碗"]
    # honest readings, prices per 斤 and distances in minutes are not
    assert gates._unit_mismatches("风力四五级，气温三十多度，体温三十八度五，能见度两百米，价格一斤八块，距离店里十分钟") == []


def test_an_invented_forecast_of_mismatched_units_goes_to_a_person():
    q = {"text": "请讲一次你在烤鸭店后厨忙不过来的经历，你是怎么安排的？", "answer_seconds": 120,
         "competencies": [{"name": "效率", "weight": 1.0, "keywords": ["安排", "速度"]}]}
    text = ("现在播报今天的烤鸭天气：上午多云转芝麻，东南风三到四斤，局部地区有零星荷叶饼。中午前后，甜面酱气温将升至四十个星期，"
            "请市民出门携带一根葱。")
    r = pipeline.analyze_transcript(text, q, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


STALL = {"text": "菜市场早上人多的时候，一个摊子要同时招呼好几个顾客。请讲一次你在很忙的时候，既要快、又不能称错算错钱的经历，你是怎么做的？",
         "answer_seconds": 120,
         "competencies": [{"name": "准确细心", "weight": 0.4, "keywords": ["细心", "准确", "称重", "算账"]},
                          {"name": "效率与抗压", "weight": 0.35, "keywords": ["麻利", "高峰", "不慌"]},
                          {"name": "顾客服务", "weight": 0.25, "keywords": ["顾客", "态度"]}]}


def test_a_vague_self_description_in_hrs_words_is_scored_low_not_gated():
    # set w (rated 2 by both raters) was gated as a keyword salad
    r = pipeline.analyze_transcript("我这个人手脚比较麻利，做事也细心，高峰期再忙也不慌，称重算账都很准，对顾客态度也好。", STALL, "zh")
    assert r["status"] == "scored" and r["overall"] < 45, (r["status"], r.get("overall"))


def test_hrs_words_strung_together_are_still_a_salad():
    r = pipeline.analyze_transcript("细心准确，称重算账，麻利高峰不慌，顾客态度。细心，准确，麻利。", STALL, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r.get("overall"))


def test_a_bare_list_of_hrs_keywords_ending_in_one_that_carries_its_negation_is_gated():
    # set w: scored 0.0 as a refusal; set h's salad ending in 不争吵 the same
    q = {"text": "假如收摊时剩菜很多，老板又联系不上，你会怎么做？", "answer_seconds": 120, "type": "situational",
         "competencies": [{"name": "损耗控制", "weight": 0.4, "keywords": ["减少损耗", "分拣", "打折处理", "保鲜", "冷藏"]},
                          {"name": "主动性", "weight": 0.35, "keywords": ["主动", "灵活", "判断", "想办法"]},
                          {"name": "诚信与汇报", "weight": 0.25, "keywords": ["如实汇报", "记账", "诚实", "不私拿"]}]}
    r = pipeline.analyze_transcript("减少损耗、分拣、打折处理、保鲜、冷藏、主动、灵活、判断、想办法、如实汇报、记账、诚实、不私拿", q, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r.get("overall"))
    # a refusal in HR's words is still scored, at the bottom
    r = pipeline.analyze_transcript("我不想分拣，也不会打折处理，不主动，不记账，老板问我也不汇报。", q, "zh")
    assert r["status"] == "scored" and r["overall"] <= 10, (r["status"], r.get("overall"))
