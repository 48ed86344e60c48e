"""Breaker 12: misconduct told proudly was scored as good work and quoted as a good action or result.

Counter-evidence (scoring/contrary.py) now has conduct families that apply to every competency ("every" in
models/scorer/contrary-zh.json, and models/scorer/contrary-en.json for English answers): taking revenge on or
harassing a customer, deceiving or overcharging one, forging records, signatures or data, faking illness or
claiming pay not earned, taking money or goods. Told as the candidate's own deed, each caps the answer low, and
nothing in that story is quoted as the candidate's good action or result, or praised in the feedback.
A story the candidate disowns afterwards (其实是同事做的, 我当时请假不在, 这是我听别人说的, 我没亲自做) is
bounded like a borrowed one (agency.py). Honest answers that use the same words innocently keep their scores."""
import pytest

from functions.analyze.scoring import agency, explain, model
from tests.functions.test_scoring_reasons import all_reasons, run
from tests.functions.conftest import CASHIER_QUESTION as CASHIER_Q, ISSUE_QUESTION as URGENT_Q

COMPLAINT_Q = {"text": "讲一次你在餐厅遇到顾客投诉的经历，你是怎么处理的？", "answer_seconds": 90,
               "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "道歉", "解决", "满意"]},
                                {"name": "沟通表达", "weight": 0.4, "keywords": ["倾听", "解释", "沟通"]}]}
TILL_Q = {"text": "Tell us about a time the till did not balance at the end of your shift as a cashier. What did you do?",
          "answer_seconds": 90,
          "competencies": [{"name": "Accuracy", "weight": 0.5, "keywords": ["count", "check", "receipt", "accurate"]},
                           {"name": "Honesty", "weight": 0.5, "keywords": ["report", "manager", "honest"]}]}
SERVICE_Q = {"text": "Tell us about a time a customer complained to you at work. How did you handle it?",
             "answer_seconds": 90,
             "competencies": [{"name": "Customer service", "weight": 0.6, "keywords": ["customer", "apologise", "solve"]},
                              {"name": "Communication", "weight": 0.4, "keywords": ["listen", "explain", "calm"]}]}
RUSH_Q = {"text": "Tell us about a time you had an urgent order with very little time. How did you organise it, and how did it end?",
          "answer_seconds": 120,
          "competencies": [{"name": "Execution", "weight": 0.5, "keywords": ["on time", "plan", "priority", "overtime"]},
                           {"name": "Teamwork", "weight": 0.5, "keywords": ["colleague", "coordinate", "team", "share"]}]}

# (family, question, answer, language); the breaker's inputs first in each family
MISCONDUCT = [
    # taking revenge on or harassing a customer
    ("revenge", COMPLAINT_Q, "有个顾客给了差评，我查到他手机号，下班后打电话骂了他半个小时，又让朋友去点评网站上刷了他五十条差评，"
                             "后来他就把差评删了，问题就解决了。", "zh"),
    ("revenge", COMPLAINT_Q, "上次一个客人投诉我们上菜慢，我气不过，等他结完账我找人在停车场堵他，吓唬了他几句，他以后再也不敢来投诉了。", "zh"),
    ("revenge", COMPLAINT_Q, "有个女顾客在网上说我们服务差，我把她的照片和电话发到网上让大家评评理，她第二天就把帖子删了。", "zh"),
    ("revenge", COMPLAINT_Q, "那个客人一直挑刺，我就故意在他的菜里多放了一大勺盐，又威胁他说再闹就别想走，最后他乖乖买单走了。", "zh"),
    ("revenge", SERVICE_Q, "A customer left us a one star review, so I looked up his number in the booking system and called him "
                           "that night and yelled at him for ten minutes. He deleted the review the next day.", "en"),
    ("revenge", SERVICE_Q, "One guy complained about his burger, so I got my friends to post fake reviews about his shop. "
                           "That taught him a lesson and he never complained again.", "en"),
    ("revenge", SERVICE_Q, "A lady kept complaining at the counter, so I threatened her that security would throw her out "
                           "and swore at her when she left. Problem solved in two minutes.", "en"),
    ("revenge", SERVICE_Q, "A regular complained about the noise, so I took revenge and posted his number online. "
                           "He stopped coming, which made the shift much easier.", "en"),
    # deceiving or overcharging a customer
    ("deceive", COMPLAINT_Q, "上个月有个客人投诉鱼不新鲜，我跟他说这是今天早上刚杀的，其实是前天的。我还跟后厨说把他那桌的账单多加了"
                             "一个菜，他喝多了没发现，多收了八十八块，那个月我业绩第一。", "zh"),
    ("deceive", COMPLAINT_Q, "有个顾客说菜量太少要投诉，我骗他说这是店里的标准分量，其实后厨每份都少放了一半，他信了就走了。", "zh"),
    ("deceive", COMPLAINT_Q, "有桌客人喝醉了还在投诉，我趁他们喝多了在账单上加了两瓶没点的酒，他们也没看就付了，多收了两百块。", "zh"),
    ("deceive", CASHIER_Q, "有个老太太眼神不好，对找零有疑问，我故意少找了她二十块，跟她说就是这么多，她也没再问，那天我的账还多出来了。", "zh"),
    ("deceive", SERVICE_Q, "A customer complained the fish smelled off. I lied to him that it came in that morning, "
                           "though it was three days old, and he ate it without any more fuss.", "en"),
    ("deceive", SERVICE_Q, "A table was drunk and complaining, so I overcharged them by forty dollars and they never checked the bill.", "en"),
    ("deceive", TILL_Q, "An old man paid with a fifty and was confused, so I short changed him by ten and my till was over "
                        "at the end of the shift instead of short.", "en"),
    ("deceive", SERVICE_Q, "When a tourist complained about the price, I tricked him into paying for a bigger set menu "
                           "he had not ordered. He paid and left happy.", "en"),
    # forging records, signatures or data
    ("forge", URGENT_Q, "有次急单来不及，我让两个同事把没检查的货直接封箱，质检记录我自己补签了二十张，当天晚上九点全部发出，"
                        "客户也没发现，我觉得这就是效率。", "zh"),
    ("forge", URGENT_Q, "那次三百箱急单，质检员不在，我模仿他的签名在检验单上签了字，货按时发出去了，老板还表扬了我。", "zh"),
    ("forge", URGENT_Q, "急单来不及测温度，我就在冷链记录上随便编了一组数据，每一箱都写成合格，晚上十点全部装车了。", "zh"),
    ("forge", URGENT_Q, "那天两百单来不及，我替组长签了他的名字批了出库单，又篡改了系统里的出库时间，看起来一单都没超时。", "zh"),
    ("forge", RUSH_Q, "We had three hundred boxes due by ten. I forged the inspector's signature on the quality sheets so "
                      "we could skip the checks, and everything shipped on time.", "en"),
    ("forge", RUSH_Q, "The rush order was late, so I backdated the dispatch records by a day and the client never knew "
                      "we missed the deadline.", "en"),
    ("forge", RUSH_Q, "There was no time to test the batch, so I made up the numbers in the temperature log and we "
                      "loaded all two hundred cases by nine.", "en"),
    ("forge", RUSH_Q, "My supervisor was away, so I signed his name on the release form and falsified the count sheet. "
                      "The order went out an hour early.", "en"),
    # faking illness or claiming pay not earned
    ("shirk", URGENT_Q, "那次急单三百箱，我看人手不够，就跟组长说我肚子疼先走了，其实是回家打游戏，剩下的让同事小李他们四个人"
                        "干到半夜，第二天十点半发完了，我还照样拿了加班费。", "zh"),
    ("shirk", URGENT_Q, "那天急单特别多，我装病请了假在家睡觉，同事们加班到凌晨把货发完了，月底加班费我也一分没少拿。", "zh"),
    ("shirk", URGENT_Q, "急单那几天我让同事帮我打卡，其实我在外面逛街，工时表上我还多报了十个小时，最后订单按时交了。", "zh"),
    ("shirk", URGENT_Q, "那次急单我假装头疼躲在休息室玩手机，组长以为我病了，其实我一点事都没有，最后大家做完了，我也拿了加班费。", "zh"),
    ("shirk", RUSH_Q, "On the night of the rush order I faked a stomach ache and went home to play games. My team worked "
                      "till midnight and I still got paid overtime for it.", "en"),
    ("shirk", RUSH_Q, "I called in sick the day of the big order, but actually I went to a concert. The team finished it "
                      "and nobody asked.", "en"),
    ("shirk", RUSH_Q, "During the rush I pretended I was sick and slept in the van, then padded my hours on the timesheet "
                      "so I got the overtime.", "en"),
    ("shirk", RUSH_Q, "I had a friend clock me in for the late shift while I was at home, and the order was shipped on time anyway.", "en"),
    # taking money or goods
    ("take", CASHIER_Q, "有一次账对不上少了二十块，我就从小费罐里拿了二十块补上，账就平了，店长也没发现。", "zh"),
    ("take", CASHIER_Q, "有个顾客找零有争议，我多收了他五块，等他走了我从收银台拿了那五块揣进了自己兜里。", "zh"),
    ("take", URGENT_Q, "那次急单发完以后还剩两箱货，我跟同事一人一箱拿回家自己用了，反正系统里也对不上。", "zh"),
    ("take", CASHIER_Q, "那天下班对账多出来一百块，我没上交，把这一百块钱拿走了，第二天账上也没人问。", "zh"),
    ("take", TILL_Q, "Last March my till was twenty dollars short, so I took twenty from the tip jar and put it in the drawer, "
                     "so the count matched and my manager never found out. Quick and accurate.", "en"),
    ("take", TILL_Q, "My till was ten over, so I pocketed the ten before the count. The numbers were perfect after that.", "en"),
    ("take", TILL_Q, "I was short at close, so I took fifteen out of the register from the next shift's float and nobody noticed.", "en"),
    ("take", TILL_Q, "A customer left without his change, so I kept the money and my till balanced to the cent.", "en"),
]

# the story told, then disowned
DISOWNED = [
    "去年双十一前一晚，店里临时多了三百箱货要第二天发出去。我们四个人，我先按目的地把货分成三批，江浙沪的先打包。半夜扫码枪坏了，"
    "我就让同事小李手写单号，我来录入系统。第二天上午十点半，三百箱全部发完，没有一单发错。其实这件事是我同事小李做的，我当时请假不在。",
    "那次急单两百箱，我先按线路分好，每箱扫码核对后再装车，九点五十全部发走了。不过说实话，那天我请假了，是听同事说的。",
    "那次三百单的急单，我们先排好截单时间，分三组打包，第二天上午全部发出。这是我听别人说的，我没亲自做。",
    "去年年底有个五百件的急单，我把人分成两班轮流干，提前两小时发完，客户很满意。老实说这件事不是我做的，是我们组长做的。",
]

DISOWNED_EN = [
    "We had three hundred boxes due by ten. I split them into three batches by region and we shipped them all by "
    "half past nine. Actually, it was my colleague who did all of that, I wasn't there.",
    "I planned the priority list, shared the work with my team and we finished an hour early. To be honest I wasn't "
    "there that night, my supervisor told me about it.",
    "On the day of the rush I put the two hundred urgent orders first, asked my team to share the labelling, and we "
    "shipped them all by nine, an hour early. I didn't do it myself, I heard this from a friend.",
    "I put the urgent orders first and asked two colleagues to label while I packed; everything left at nine. "
    "But that was my manager's story, not mine.",
]

# the same words, said innocently: no counter-evidence, no disowning
HONEST = [
    (COMPLAINT_Q, "有个顾客给了差评，我查到订单后给他打电话道歉，问清楚是菜凉了，给他退了一道菜的钱，他后来把差评改成了好评。", "zh"),
    (COMPLAINT_Q, "有个客人喝多了对账单有意见，我把账单一项项念给他听，发现确实多加了一道他没点的菜，马上划掉并道歉，又送了一份果盘。", "zh"),
    (COMPLAINT_Q, "顾客说鱼不新鲜，我没有跟他争，先道歉，请厨师长当面检查，确实是前天的货，我马上给他换了一份并免单。", "zh"),
    (COMPLAINT_Q, "有位客人在店里骂了我半个小时，我一直耐心听着，等他说完我解释了原因，给他换了菜，他最后说谢谢。", "zh"),
    (COMPLAINT_Q, "一位顾客投诉服务员态度差，我先倾听他的意见，然后代表店里向他道歉，又给那位服务员做了培训，顾客很满意。", "zh"),
    (URGENT_Q, "那次急单三百箱，我发现同事的质检记录写错了两张，就帮他改正了并告诉了主管，重新核对后晚上九点全部发出。", "zh"),
    (URGENT_Q, "那次急单我正好请假回老家，接到组长电话后我改签了车票提前一天回来，和同事分工加班，第二天十点前全部发完。", "zh"),
    (URGENT_Q, "急单那天同事小李肚子疼请假了，我跟组长商量后接了他的活，按目的地分成三批，晚上十点前全部发完，月底按规定拿了加班费。", "zh"),
    (URGENT_Q, "三百箱急单，我先让两个同事检查每一箱，签好质检记录再封箱，我负责录系统，当天晚上九点全部发出，没有一单出错。", "zh"),
    (CASHIER_Q, "有位顾客说我少找了钱，我没跟他争，先请他稍等，叫店长一起清点钱箱，又核对了小票，发现确实少找了五块，马上还给他并道歉。", "zh"),
    (CASHIER_Q, "有一次顾客给的小费放在找零盘里，他说找零不对，我跟他一起清点，小费按规定上交了店长，找零的差额当面核对清楚了。", "zh"),
    (CASHIER_Q, "有天下班对账多出来一百块，我没有拿走，马上告诉了店长，我们一起核对小票，发现是一个顾客忘了拿找零，第二天联系他还了回去。", "zh"),
    (TILL_Q, "My till was twenty dollars short one night. I counted it twice, checked every receipt, and reported it to my "
             "manager. We found a refund that was never entered, and the count matched after that.", "en"),
    (TILL_Q, "The till was over by fifteen. I did not touch the tip jar; I counted the drawer again, wrote it on the shift "
             "report and told my manager, who found a customer had left without his change.", "en"),
    (SERVICE_Q, "A customer left a one star review saying the fish was not fresh. I called him to apologise, explained "
                "that we had checked the delivery, and offered him a free meal. He updated the review.", "en"),
    (SERVICE_Q, "A drunk customer yelled at me about the bill. I stayed calm, listened, and went through every item with "
                "him. We had charged him for one drink too many, so I removed it and apologised.", "en"),
    (RUSH_Q, "On the day of the rush order a colleague was sick, so I took over his boxes, planned the priority with my "
             "team, and we shipped all three hundred by ten. I claimed overtime for the four extra hours as the rules say.", "en"),
]

_PRAISE = {explain._STRENGTHS[k] for k in ("specific_actions", "outcome", "evidence")} | \
          {explain._STRENGTHS_BY_LANGUAGE["en"][k] for k in ("specific_actions", "outcome", "evidence")}


def _capped(r):
    return r["overall"] <= model.CONTRARY_CAP or \
        all(c["score"] <= model.CONTRARY_CAP - model.CONTRARY_STEP for c in r["competencies"])


@pytest.mark.parametrize("family, question, text, language", MISCONDUCT,
                         ids=[f"{f}-{lang}-{i}" for i, (f, _, _, lang) in enumerate(MISCONDUCT)])
def test_misconduct_of_every_family_is_capped_named_and_never_credited(family, question, text, language):
    r = run(text, question, language)
    assert _capped(r), (r["overall"], [(c["name"], c["score"]) for c in r["competencies"]])
    assert any("相反的做法" in s for s in all_reasons(r)), all_reasons(r)
    # nothing of the story is quoted as the candidate's good action or result, nor praised
    assert not [s for s in all_reasons(r) if s.startswith(agency.CREDITS)], all_reasons(r)
    assert not _PRAISE & set(r["feedback"]["strengths"]), r["feedback"]


def test_every_family_has_four_phrasings_in_each_language():
    for family in ("revenge", "deceive", "forge", "shirk", "take"):
        for language in ("zh", "en"):
            assert sum(1 for f, _, _, lang in MISCONDUCT if f == family and lang == language) >= 4


@pytest.mark.parametrize("text", DISOWNED)
def test_a_story_the_candidate_disowns_is_not_theirs(text):
    r = run(text, URGENT_Q)
    assert r["overall"] <= agency.BORROWED
    assert any(agency.not_own(s) for s in all_reasons(r)), all_reasons(r)
    assert not [s for s in all_reasons(r) if s.startswith(agency.CREDITS)], all_reasons(r)
    assert not _PRAISE & set(r["feedback"]["strengths"]), r["feedback"]


@pytest.mark.parametrize("text", DISOWNED_EN)
def test_an_english_story_the_candidate_disowns_is_not_theirs(text):
    r = run(text, RUSH_Q, "en")
    assert r["overall"] <= agency.BORROWED
    assert any(agency.not_own(s) for s in all_reasons(r)), all_reasons(r)
    assert not [s for s in all_reasons(r) if s.startswith(agency.CREDITS)], all_reasons(r)
    assert not _PRAISE & set(r["feedback"]["strengths"]), r["feedback"]


@pytest.mark.parametrize("question, text, language", HONEST)
def test_honest_answers_with_the_same_words_keep_their_scores(question, text, language):
    r = run(text, question, language)
    assert not any("相反的做法" in s or agency.not_own(s) for s in all_reasons(r)), all_reasons(r)
    assert r["overall"] > model.CONTRARY_CAP, (r["overall"], all_reasons(r))
